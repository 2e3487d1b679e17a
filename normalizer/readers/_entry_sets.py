"""biblatex's entry sets: several references printed as one item, joined by semicolons.

A ``@set`` entry (and ``\\defbibentryset``) is cited by one key and set as one item of the
list — "[5] Herrmann, Wolfgang A. et al. “A carbocyclic carbene …” In: Angew. Chem. 45.23
(2006), pp. 3859–3862; Aksın, Özge et al. “Effect of immobilization …” In: J. Organomet.
Chem. …" — but each member is a work of its own, to be found on its own. An item is cut at a
semicolon where the text on both sides reads as a whole reference (names, a year and a
title each) and the text after it opens with a capital, as a name does; a semicolon inside a
title, a list of places or of editors leaves no whole reference on one side, and stays; so does
one inside brackets or parentheses (a reprint or a translation the reference names, "[Sov. Phys.
Dokl. 12 (1968) 1040; Gen. Rel. Grav. 32 (2000) 365]") and one before an identifier's label (a
book's second ISBN, "ISBN 0-19-852996-1, £29.95 (paperback); ISBN 0-19-852995-3, £65.00
(hardback)"). The ``subentry`` option's member labels ("(a)", "(b)") are dropped with the
semicolons.
"""

from __future__ import annotations

import re

from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import parse_reference
from bibnorm.text.word_tables import alternation, identifier_labels

# The semicolon between members; with the ``subentry`` option each member is labelled "(a)", "(b)" ….
_MEMBER_BREAK = re.compile(r";\s+(?:\([a-z]\)\s+)?(?=[^\W\d_])")
_SUBENTRY_LABEL = re.compile(r"^\([a-z]\)\s+")
# An identifier's label ("ISBN", "DOI": identifier-labels.json) opens no member: it goes on with
# the reference before it.
_IDENTIFIER_LABEL = re.compile(rf"{alternation(identifier_labels().labels)}\b", re.IGNORECASE)
_OPENING, _CLOSING = "([", ")]"


def split_entry_sets(references: ReferenceList) -> ReferenceList:
    """``references`` with each entry set's members items of their own (on the set's line; the
    set's label stays with its first member)."""
    items = []
    for item in references.items:
        members = _members(item.text)
        items += [
            item._replace(text=member, label=None if at else item.label) for at, member in enumerate(members)
        ]
    return references._replace(items=items)


def _members(text: str) -> list[str]:
    first_label = _SUBENTRY_LABEL.match(text)
    cuts = [first_label.end() if first_label else 0]
    for found in _MEMBER_BREAK.finditer(text):
        after = text[found.end() :]
        opens = _may_open_member(text, found.start(), after)
        if opens and _whole(text[cuts[-1] : found.start()]) and _whole(after):
            cuts.append(found.end())
    if len(cuts) == 1:
        return [text]
    return [text[start:end].rstrip("; ") for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def _may_open_member(text: str, at: int, after: str) -> bool:
    """Whether the semicolon at ``at`` may end a member: ``after`` it opens with a capital and no
    identifier's label, and no bracket or parenthesis opened before it is still open."""
    before = text[:at]
    still_open = sum(before.count(mark) for mark in _OPENING) > sum(before.count(mark) for mark in _CLOSING)
    return after[:1].isupper() and not _IDENTIFIER_LABEL.match(after) and not still_open


def _whole(text: str) -> bool:
    """Whether ``text`` reads as a whole reference: names, a year and a title — or no title, where
    the style prints none (APS: "[5] K. G. Wilson, Phys. Rev. D 10, 2445 (1974); J. Kogut and
    L. Susskind, ibid. 11, 395 (1975)", two works cited together)."""
    parsed = parse_reference(text)
    return bool(parsed.authors and parsed.year and parsed.title != text)
