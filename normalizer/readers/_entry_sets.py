"""biblatex's entry sets: several references printed as one item, joined by semicolons.

A ``@set`` entry (and ``\\defbibentryset``) is cited by one key and set as one item of the
list — "[5] Herrmann, Wolfgang A. et al. “A carbocyclic carbene …” In: Angew. Chem. 45.23
(2006), pp. 3859–3862; Aksın, Özge et al. “Effect of immobilization …” In: J. Organomet.
Chem. …" — but each member is a work of its own, to be found on its own. An item is cut at a
semicolon where the text on both sides reads as a whole reference (names, a year and a
title each) and the text after it opens with a capital, as a name does; a semicolon inside a
title, a list of places or of editors leaves no whole reference on one side, and stays. The
``subentry`` option's member labels ("(a)", "(b)") are dropped with the semicolons.
"""

from __future__ import annotations

import re

from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import parse_reference

# The semicolon between members; with the ``subentry`` option each member is labelled "(a)", "(b)" ….
_MEMBER_BREAK = re.compile(r";\s+(?:\([a-z]\)\s+)?(?=[^\W\d_])")
_SUBENTRY_LABEL = re.compile(r"^\([a-z]\)\s+")


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
        if after[:1].isupper() and _whole(text[cuts[-1] : found.start()]) and _whole(after):
            cuts.append(found.end())
    if len(cuts) == 1:
        return [text]
    return [text[start:end].rstrip("; ") for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def _whole(text: str) -> bool:
    """Whether ``text`` reads as a whole reference: names, a year and a title — or no title, where
    the style prints none (APS: "[5] K. G. Wilson, Phys. Rev. D 10, 2445 (1974); J. Kogut and
    L. Susskind, ibid. 11, 395 (1975)", two works cited together)."""
    parsed = parse_reference(text)
    return bool(parsed.authors and parsed.year and parsed.title != text)
