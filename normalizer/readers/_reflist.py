"""How the lines of a pasted reference list group into references.

A list is numbered (``[12]``, ``12.``, ``(12)``), labelled (apalike's ``[Zhai et al., 2022]``,
alpha's ``[ZKHB22]``) or neither. An unnumbered list may hold one reference per line, or
run each over several lines: separated by blank lines, with hanging indents (the first
line flush, the rest indented), or wrapped flush, where a reference starts at a line that
opens with a name after a line that ended a sentence. Which one it is shows in the text:
`split_list` takes numbered items as they are, then bulleted ones (Markdown's "- ", "* ");
otherwise one reference per line when most lines read as whole references (the caller's
predicate: an author list, a year, a title),
else the layout (labelled items among them) with the most items reading as references,
then the fewest fragments (items that neither read as one nor open with a name: the tail of
a reference cut apart), then the simpler layout — so a reference that does not read as one
(no year) stays an item of its own rather than being joined to its neighbour. Blank-line
paragraphs nearly all of which carry a year are never joined, whatever the rules read in them.

Nothing here parses a reference; `bibnorm.readers.refs` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import cache, partial
from typing import NamedTuple

from bibnorm.identifiers import NEW_STYLE_ONLY_ARCHIVES, OLD_STYLE_ARCHIVES
from bibnorm.readers._label_forms import bare_alpha_labels, in_one_form, in_sequence
from bibnorm.readers._ref_dates import YEAR, YEARS
from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.word_tables import (
    alternation,
    back_references,
    name_list_conjunctions,
    name_particles,
    reference_headings,
)

# "(12)" opens a reference only before a name: "(2), 385–396" and "(2) 281–310" are the issue
# numbers of a wrapped journal reference.
# "12." also glued to a capital and a letter, or an elided particle, as a text that lost its blanks
# prints it ("1.Konciūtė A. Ph.D. Thesis. …", "12.d’Ydewalle G."; not "1.5", "2.x", "3.a").
# Frontiers' Vancouver sets a space before the period, the name glued after it ("1 .Van Mullekom
# Group.", "5 .Marti Fuster B, …").
_NUMBER = (
    r"\[\d{1,3}\]|\(\d{1,3}\)(?=\s+[^\W\d_“\"'])|\d{1,3}\.(?=\s|[^\W\d_a-z][^\W\d_]|[a-z][’'][^\W\d_])"
    r"|\d{1,3}\s\.(?=[^\W\d_a-z][^\W\d_])"
)
# A bracketed label that is not a number: "[Zhai et al., 2022]", "[ZKHB22]", "[Sch15]". Not APA's
# description of a work without author and title, set in the author's place before the date:
# "[Photographs of Robert M. Yerkes]. [ca. 1917–1954]."; not an e-print's arXiv category that a
# wrapped line opens with ("[astro-ph.HE].", "[gr-qc]", "[cs.LG]"); nor IEEE's "[Online]." that
# opens a wrapped line: punctuation follows no label.
_ARCHIVES = sorted(OLD_STYLE_ARCHIVES | NEW_STYLE_ONLY_ARCHIVES)
_ARXIV_CATEGORY = rf"\[(?:{'|'.join(map(re.escape, _ARCHIVES))})(?:\.[A-Za-z-]+)?\]"
# AAAI's author-year labels give a repeated author's next work its year alone: "[2015b]", "[1996]".
# An alpha style's label may take a colon after it ("[ADAM15]:", a German thesis's list in Markdown).
_ALPHA_LABEL = re.compile(r"\[[^\W\d_][^\W\d_+-]{0,7}\+?\s?\d{2}[a-z]?\]")  # alpha.bst, amsalpha, biblatex
_LABEL = (
    rf"(?!{_ARXIV_CATEGORY})(?:{_ALPHA_LABEL.pattern}:?(?![.,;:])"
    rf"|\[(?:[^\[\]\d][^\[\]]{{0,60}}|(?:1[6-9]|20)\d\d[a-z]?)\](?![.,;:]))"
)
# "12)" opens a reference only before a word, as "(12)" does; a list labelled so is told by its
# labels going up (`_label_forms`), not by two lines opening so: a wrapped "(Vol. 2) Springer"
# opens with "2) Springer".
_CLOSED_NUMBER = r"\d{1,3}\)(?=\s+[^\W\d_“\"'])"
_ITEM_START = re.compile(rf"^\s*(?P<label>{_NUMBER}|{_CLOSED_NUMBER}|{_LABEL})\s*")
_NUMBERED = re.compile(rf"^\s*(?:{_NUMBER})\s*")
# A page number, or a form feed with what follows it on its line, copied along with the list.
_PAGE_FURNITURE = re.compile(r"^\s*(?:\d{1,4}|\f.*)\s*$")
_WRAPPED_NUMBER = re.compile(r"^\s{4,}\d{1,4}\s*$")
# How a line that ends a reference ends: a full stop, a year, a link.
# (not a middle initial's period, where a line's end cut the names: "…, Robert Sheridan, Thomas A."
# / "Hopf, Andrea Pagnani, …"; a link is its last word with a slash after its first character,
# read up to its first slash at once: "\S+/\S+" was tried at each of its slashes, a time quadratic
# in a word of many)
_ENDS_SENTENCE = re.compile(
    rf"(?<!\s{LATIN_CAPITAL})\.\s*$|[?!)\]”\"]\s*$|\b(?:19|20)\d{{2}}[a-z]?\s*$|(?<!\S)\S[^\s/]*/\S+\s*$"
)
# How a reference opens: "Zhai, X." / "Zhai, Xiaohua" (APA, Chicago, LNCS), "X. Zhai," /
# "J.-B. Alayrac" (abbrv, IEEE), "Xiaohua Zhai," / "Yann LeCun." (plain, natbib, ACM).
_NAME = r"(?:[dlo][’'])?[A-Z][\w'’-]*[\w]"
_OPENS_WITH_NAME = re.compile(
    rf"^(?:{alternation(name_particles().particles)}\s+)?{_NAME}(?:\s+{_NAME})?,\s+[A-Z]"
    rf"|^(?:[A-Z]\.\s?(?:-[A-Z]\.\s?)?){{1,3}}\s*{_NAME}(?:\s+{_NAME})?(?:,|\.|\s+and\s|\s+et al)"
    # (a middle initial with or without its period: "Thomas A Hopf,", "Brian PH Metzger,", as a
    # .bib's names typed so print in plainnat, abbrvnat and the others)
    # (not a journal's two words before its volume: "Genome Biology, 25(1):303")
    rf"|^{_NAME}(?:\s+(?:[A-Z]\.|[A-Z]{{1,2}}(?=\s)))?\s+{_NAME}(?:,(?!\s*\d)|\.\s|\s+and\s|\s+et al)"
    # (a lone initial without its period, then the next person's the same: "J Shine and L Dalgarno.")
    rf"|^[A-Z]\s{_NAME}(?:,\s|\s+and\s)[A-Z]\s{_NAME}\b"
)


def opens_with_name(text: str) -> bool:
    """Whether ``text`` opens as a reference's author list does ("Zhai, X.", "X. Zhai,", "Yann LeCun.")."""
    return bool(_OPENS_WITH_NAME.match(text))


_CORK = str.maketrans(
    {"\x10": "“", "\x11": "”", "\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl"}
    | {"\x15": "–", "\x16": "—"}  # T1's dashes: a page range "113\x15126" is "113–126"
)
# The accented letters of the Cork (T1) encoding, 0x80-0xBF, which text copied from a PDF whose
# T1 fonts lack a Unicode map carries as the Latin-1 characters of the same codes: "Solja£i¢"
# for "Soljačić" (0xA3 č, 0xA2 ć), "Wªodek" for "Włodek". From the encoding's table (LaTeX's
# t1enc.def / fontenc documentation, "Cork encoding").
_CORK_LETTERS = dict(
    zip(
        map(chr, range(0x80, 0xC0)),
        "ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£",
        strict=True,
    )
)
# Latin-1 signs that also stand beside a letter in real text ("m²", "Brand®", "µm", "Smith¹",
# guillemets, a Catalan "l·l"): taken for a Cork letter only between two letters.
_BESIDE_LETTERS = frozenset("\xa0\xad¹²³®©µ´¨¸·¯«»°±ª º¬")
_CORK_SLOT = re.compile(
    r"(?<=[^\W\d_])[\x80-\xbf](?=[^\W\d_])|(?<=[^\W\d_])[\x80-\xbf](?![^\W\d_])|[\x80-\x9f](?=[^\W\d_])"
)


def _cork_letter(match: re.Match[str]) -> str:
    slot = match.group(0)
    inside = match.start() > 0 and match.end() < len(match.string) and match.string[match.end()].isalpha()
    if slot in _BESIDE_LETTERS and not inside:
        return slot
    if slot == "·" and match.string[match.start() - 1 : match.end() + 1].casefold() == "l·l":
        return slot  # Catalan's "l·l", not a "lůl"
    return _CORK_LETTERS[slot]


def repair_cork_letters(text: str) -> str:
    """The accented letters a T1 font without a Unicode map left as Latin-1 signs, restored where
    they stand in a word ("Marin Solja£i¢" → "Marin Soljačić"); a sign that is no letter ("£5",
    "m²", "© 2020") stays."""
    if text.isascii():
        return text
    # Twice: ª, º and µ count as letters, so a slot next to one is seen once the other is a letter.
    return _CORK_SLOT.sub(_cork_letter, _CORK_SLOT.sub(_cork_letter, text))


# Ligatures set as one glyph (Unicode's presentation forms) and the Cork-encoding slots that
# text copied from a PDF typeset with T1 fonts carries instead of quotes and ligatures
# (pdftotext, most viewers): IEEE's "\x10Title,\x11" and "E\x1ecient" for "Efficient".
LIGATURES = (
    str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}) | _CORK
)


ONE_PER_LINE_SHARE = 0.8
"""Lines reading as whole references, above which an unnumbered list is one per line."""

BULLETED_SHARE = 0.25
"""Lines opening with a bullet, from which the bullets open a list's items."""
# and a task's box ("- [ ] "); a bullet alone on its line opens the item the lines below it hold
# (an anchor's tag after it left out: "- <b id="mardia1979"></b>")
_BULLET = re.compile(r"\s*+[-*+•](?:\s+\[[ xX]\])?(?:\s+(?=\S)|\s*+$)")

DATED_PARAGRAPHS_SHARE = 0.8
"""Blank-line paragraphs with a year, above which no layout joins two of them."""

HEADING = re.compile(
    rf"^(?:(?:\d{{1,2}}|[IVX]{{1,4}}|[A-Z])\.?\s+)?{alternation(reference_headings().headings)}\s*(?::\s*)?$",
    re.IGNORECASE,
)
"""A references section's heading: "References", "7 References", "BIBLIOGRAPHY", "Works Cited",
"Literaturverzeichnis", "参考文献" (the headings of normalizer/data/reference-headings.json), a
colon after it or not ("References:", as a word processor's bold line heads a list)."""


class Layout(StrEnum):
    """How a list's references are laid out, as the summary names it."""

    NUMBERED = "numbered"
    LABELLED = "labelled"
    BULLETED = "bulleted"
    PARAGRAPHS = "blank-line separated"
    HANGING = "hanging indents"
    ONE_PER_LINE = "one per line"
    WRAPPED = "wrapped over several lines"


def _phrases(phrases: Sequence[str]) -> str:
    """An alternation of back-reference ``phrases``, a space any blanks, "#" a count."""
    return alternation(phrases, any_blank=True).replace(r"\#", r"\d{1,3}")


# The pages a back-reference lists: "18", "23 and 57", "3, 5, and 12", "4 e 7", "3–5", "xii".
_BACK_PAGE = r"(?:\d{1,5}(?:[–-]\d{1,5})?|[ivxlc]{1,8}\b)"
# joined by commas and backref.sty's \backreftwosep, \backreflastsep: "and", "und", "et", "e", "y"
_BACK_JOINER = alternation(name_list_conjunctions() | name_particles().family_joiners)
_BACK_PAGES = rf"{_BACK_PAGE}(?:(?:,\s*+(?:{_BACK_JOINER}\s++)?|\s++{_BACK_JOINER}\s++){_BACK_PAGE})*+"
# What hyperref's backref (abnTeX2's "Citado na página 18.", classicthesis's "(Cited on pages 23
# and 57.)") and biblatex's backref ("(cit. on pp. 3, 7).", "(Citato a pagina 3)") print at an
# item's end (back-references.json): biblatex's "see" forms ("(siehe S. 5)") only in parentheses.
_BACK_REFERENCE = re.compile(
    rf"(?<![^\W_])(?:\(\s*+{_phrases(back_references().see)}\s*+{_BACK_PAGES}\.?\)"
    rf"|\(?{_phrases(back_references().cited)}\s*+{_BACK_PAGES}\.?\)?"
    rf"|{alternation(back_references().marks)}\s*+{_BACK_PAGES}"
    rf"|{_phrases(back_references().no_citation)})\.?\s*+$",
    re.IGNORECASE,
)


def without_back_reference(text: str) -> str:
    """``text`` without the back-reference that ends it, the pages that cite the item ("…, 2019.
    Citado na página 18.", "… 2018. (Cited on pages 29 and 57.)"): they are no pages or year of
    the work, their words no title; the period that closed the item after it stays ("…, 2019
    (cit. on p. 5)." ends "…, 2019."). An item that is nothing else stays as it is."""
    found = _BACK_REFERENCE.search(text)
    if found is None:
        return text
    before = text[: found.start()].rstrip()
    closed = found.group().rstrip().endswith(").") and not before.endswith((".", "?", "!"))
    return before + "." if closed and before else before or text


class Item(NamedTuple):
    line: int  # 1-based line of the text where the reference starts
    text: str  # the reference on one line, its label removed
    label: str | None  # "12" for "[12]" or "12.", "Zhai et al., 2022" for apalike


class ReferenceList(NamedTuple):
    layout: Layout
    items: list[Item]


LooksLikeReference = Callable[[str], bool]


def lone_number_apart(references: ReferenceList) -> ReferenceList:
    """``references`` where it is one reference pasted with its number ("[12] A. Smith, …", "12.
    Smith J, Doe A. …", "(12) Smith, J. …"): the number as its label, not the first author's nor
    the title's. No second line told the layout (the sniffer reads the item with it: "[1] Title
    (2016)" over a title's line is no reference)."""
    alone = references.items[0] if len(references.items) == 1 else None
    number = _LONE_NUMBER.match(alone.text) if alone is not None and alone.label is None else None
    if alone is None or number is None:
        return references
    label = (number.group("label") or number.group("glued")).strip("[]().")
    labelled = alone._replace(text=alone.text[number.end() :], label=label)
    return ReferenceList(Layout.NUMBERED, [labelled])


# A list's number (`_NUMBER`) before one pasted reference, a letter after it (a name's or a
# title's first word; not a year, "2001.", nor "3. 4"); a number in brackets also glued to it, as
# a text that lost its blanks prints it ("[4]王平，汪定．…")
_LONE_NUMBER = re.compile(rf"(?P<label>{_NUMBER})\s+(?=[^\W\d_])|(?P<glued>\[\d{{1,3}}\])(?=[^\W\d_])")


def without_its_number(reference: str) -> str:
    """One reference string without the list's number it was copied with (`_LONE_NUMBER`): "12.
    Smith J. Title. …" is read as "Smith J. Title. …", its number no author's name nor a title's
    word."""
    number = _LONE_NUMBER.match(reference)
    return reference[number.end() :] if number else reference


def split_list(text: str, looks_like_reference: LooksLikeReference) -> ReferenceList:
    """The references of ``text``, in the layout that reads most of them (see the module docstring)."""
    # Each item is asked once, whichever layouts hold it: the caller's own cache is bounded, and a
    # list longer than it (20,000 pasted references) would miss it on every ask, a time 7 times over.
    reading = partial(_reading, cache(looks_like_reference))
    lines = _lines(text)
    starts = in_sequence(in_one_form([_ITEM_START.match(line) for line in lines]))
    by_labels = _layout_by_labels(lines, starts)
    if by_labels is not None:
        return ReferenceList(by_labels, _labelled(lines, starts))
    if (bulleted := _bulleted(lines)) is not None:
        return ReferenceList(Layout.BULLETED, bulleted)
    candidates = _unlabelled_layouts(lines)
    if sum(1 for start in starts if start is not None) >= 3:
        candidates.insert(0, ReferenceList(Layout.LABELLED, _labelled(lines, starts)))
    else:
        one_per_line = candidates[0]  # _LAYOUTS opens with it
        if reading(one_per_line)[0] >= ONE_PER_LINE_SHARE * len(one_per_line.items):
            # Most lines are whole references: joining lines could only swallow the few that do
            # not read as one (a book without a year) into their neighbours.
            return one_per_line
    return max(candidates, key=reading)


def _unlabelled_layouts(lines: Sequence[str]) -> list[ReferenceList]:
    """The list read in each layout of `_LAYOUTS`; not one that joins blank-line paragraphs
    nearly all of which carry a year (`_dated`): each of those is a reference whether or not the
    rules read it as one (a title before its names: "Title. E. M. Antman, J. Lau. Jama 1992:
    268(2); 240-8."), and a layout joining them would read one in their place."""
    margin = min((_indent(line) for line in lines if line.strip()), default=0)
    candidates = [
        ReferenceList(layout, _grouped(lines, starts_item, margin)) for layout, starts_item in _LAYOUTS
    ]
    paragraphs = next(candidate for candidate in candidates if candidate.layout is Layout.PARAGRAPHS)
    if not _dated(paragraphs):
        return candidates
    return [candidate for candidate in candidates if len(candidate.items) >= len(paragraphs.items)]


def _bulleted(lines: Sequence[str]) -> list[Item] | None:
    """A list's items where its bullets open them (Markdown's "- ", "* ", "+ ", and "•"; a
    nested one too: a reading list's topics hold its works as bullets under theirs): at least
    three, a quarter of its lines at least. A bullet's item runs on over the lines after it, up to
    a blank line; after one, only over indented lines (Markdown's own rule: a line at the margin
    after a blank one is no part of the item above it, but an item of its own). An item that
    opens with a number takes it as its label ("- 11. Fortunato S, …"). (Numbers open a list's
    items before bullets do: a bullet under a numbered item is a note on it.)"""
    bullets = [_BULLET.match(line) for line in lines]
    count = sum(1 for bullet in bullets if bullet is not None)
    if count < 3 or count < BULLETED_SHARE * sum(1 for line in lines if line.strip()):
        return None
    topics = _topic_bullets(lines, bullets)
    return [
        _numbered_item(number, without_back_reference(join_lines(parts)))
        for number, parts in _bullets_lines(lines, bullets)
        if number not in topics
    ]


def _without_links(line: str) -> str:
    """``line`` without its links, whose digits date nothing ("…/eccv_2014_deepresolution.pdf")."""
    return " ".join(word for word in line.split() if "://" not in word)


def _topic_bullets(lines: Sequence[str], bullets: Sequence[re.Match[str] | None]) -> set[int]:
    """The lines (1-based) of bullets that head a topic: a bullet with no year (but in a link)
    whose next line is a bullet set further in (a reading list's "* Very Deep Super-Resolution"
    over its works' bullets), no work of its own."""
    topics = set()
    below: int | None = None  # the next line that is not blank, walking up from the last
    for at in range(len(lines) - 1, -1, -1):
        if (
            bullets[at] is not None
            and below is not None
            and bullets[below] is not None
            and _indent(lines[below]) > _indent(lines[at])
            and YEAR.search(_without_links(lines[at])) is None
        ):
            topics.add(at + 1)
        if lines[at].strip():
            below = at
    return topics


def _bullets_lines(
    lines: Sequence[str], bullets: Sequence[re.Match[str] | None]
) -> list[tuple[int, list[str]]]:
    """Each item's first line (1-based) and lines, its bullet off (`_bulleted`)."""
    items: list[tuple[int, list[str]]] = []
    for number, (line, bullet) in enumerate(zip(lines, bullets, strict=True), start=1):
        after_blank = number > 1 and not lines[number - 2].strip()
        if not line.strip():
            continue
        if bullet is not None or not items or (after_blank and _indent(line) == 0):
            items.append((number, [line[bullet.end() :] if bullet is not None else line]))
        else:
            items[-1][1].append(line)
    return items


def _numbered_item(line: int, text: str) -> Item:
    """The item ``text`` opening at ``line``, the number or label it opens with as its label."""
    start = _ITEM_START.match(text)
    return (
        Item(line, text[start.end() :], start.group("label").strip("[]()."))
        if start
        else Item(line, text, None)
    )


def _dated(paragraphs: ReferenceList) -> bool:
    """Whether a list's blank-line paragraphs are at least three, ``DATED_PARAGRAPHS_SHARE`` of
    them with a year (a reference's), the first aside (a sentence that introduces the list)."""
    items = paragraphs.items[1:]
    dated = sum(1 for item in items if YEAR.search(item.text))
    return len(items) >= 3 and dated >= DATED_PARAGRAPHS_SHARE * len(items)


def _layout_by_labels(lines: Sequence[str], starts: Sequence[re.Match[str] | None]) -> Layout | None:
    """The layout a list's labels show alone: numbered where two lines open with a number,
    labelled where three labels and four in five at least are alpha's ("[Knu84]", "[ADP+22]");
    None where only reading its items tells."""
    if sum(1 for line in lines if _NUMBERED.match(line)) >= 2:
        return Layout.NUMBERED
    labels = [start.group("label").strip() for start in starts if start is not None]
    alpha = sum(1 for label in labels if _ALPHA_LABEL.fullmatch(label))
    return Layout.LABELLED if alpha >= 3 and alpha >= 0.8 * len(labels) else None


def _reading(looks_like_reference: LooksLikeReference, candidate: ReferenceList) -> tuple[int, int]:
    """How well a candidate layout reads: items reading as references; then fewer fragments
    (items that neither read as a reference nor open with a name: the tail of a reference cut apart)."""
    read = [looks_like_reference(item.text) for item in candidate.items]
    fragments = sum(
        1
        for item, whole in zip(candidate.items, read, strict=True)
        if not whole and not _OPENS_WITH_NAME.match(item.text)
    )
    return sum(1 for whole in read if whole), -fragments


def split_paragraphs(text: str) -> ReferenceList:
    """The references of ``text`` whose layout is known to be one per paragraph (blank lines
    between them): a PDF's list split by its geometry. An item that opens with a number or
    label (a numbered list after an unnumbered one under the same heading) keeps it as its label;
    so do items that open with LNCS's bare alphabetic labels ("BDF+ 03. Paul Barham, …":
    `bare_alpha_labels`)."""
    items = [
        _numbered_item(item.line, item.text)
        for item in _grouped(_lines(text, wrapped_numbers=True), _after_blank, 0)
    ]
    if not any(item.label for item in items):
        bare = bare_alpha_labels([item.text for item in items])
        items = [
            item._replace(text=item.text[len(label) :], label=label.rstrip(". ")) if label else item
            for item, label in zip(items, bare, strict=True)
        ]
    return ReferenceList(Layout.PARAGRAPHS, items)


def _lines(text: str, *, wrapped_numbers: bool = False) -> list[str]:
    """``text``'s lines, a page's number, a heading or a comment as an empty line; with
    ``wrapped_numbers`` (a PDF's list, its pages' numbers already dropped by their place), a number
    alone on an indented line is kept: a page a narrow column wrapped ("ApJ, 615," / "228")."""
    return [
        ""
        if (_PAGE_FURNITURE.match(line) and not (wrapped_numbers and _WRAPPED_NUMBER.match(line)))
        or HEADING.match(line.strip())
        or line.lstrip().startswith("%")
        else line.rstrip()
        for line in repair_cork_letters(text.translate(LIGATURES)).splitlines()
    ]


def _labelled(lines: Sequence[str], starts: Sequence[re.Match[str] | None]) -> list[Item]:
    """Items that open with a number or label; text before the first is a heading."""
    items: list[tuple[int, list[str], str]] = []
    for number, (line, start) in enumerate(zip(lines, starts, strict=True), start=1):
        if not line.strip():
            continue
        if start is not None:
            items.append((number, [line[start.end() :]], start.group("label").strip("[]().")))
        elif items:
            items[-1][1].append(line)
    return [Item(number, without_back_reference(join_lines(parts)), label) for number, parts, label in items]


StartsItem = Callable[[Sequence[str], int, int], bool]
"""``starts_item(lines, at, margin)``: whether ``lines[at]`` opens a reference."""


def _grouped(lines: Sequence[str], starts_item: StartsItem, margin: int) -> list[Item]:
    items: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if not items or starts_item(lines, number - 1, margin):
            items.append((number, [line]))
        else:
            items[-1][1].append(line)
    return [Item(number, without_back_reference(join_lines(parts)), None) for number, parts in items]


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _after_blank(lines: Sequence[str], at: int, margin: int) -> bool:
    return at == 0 or not lines[at - 1].strip()


def _flush(lines: Sequence[str], at: int, margin: int) -> bool:
    """A line at the list's left margin (the smallest indent of its non-blank lines)."""
    return _indent(lines[at]) <= margin


def _opens_reference(lines: Sequence[str], at: int, margin: int) -> bool:
    # Walked back by index: slicing ``lines[:at]`` copied the list for every line (quadratic).
    previous = next((lines[i] for i in range(at - 1, -1, -1) if lines[i].strip()), "")
    return bool(_OPENS_WITH_NAME.match(lines[at].lstrip())) and bool(_ENDS_SENTENCE.search(previous))


# Tried in this order; on a tie the earlier (simpler) layout wins.
_LAYOUTS: tuple[tuple[Layout, StartsItem], ...] = (
    (Layout.ONE_PER_LINE, lambda lines, at, margin: True),
    (Layout.PARAGRAPHS, _after_blank),
    (Layout.HANGING, _flush),
    (Layout.WRAPPED, _opens_reference),
)


# A DOI or URL a line break cut ("doi: 10." / "48550/arXiv…", "https://doi." / "org/…"; a DOI
# after its colon or parenthesis too: "10.1051/jp1:" / "1995201", "0013-4694(94)" / "90113-9").
_CUT_IDENTIFIER = re.compile(r"^(?:10\.|(?:10\.\S*|https?://\S*|\S+/\S*)[./_-]|10\.\d{4,9}/\S*[:)])$")
# A DOI a narrow column broke before its dot or hyphen: "10.1016/j.neuroimage.2008" / ".05.064",
# "10.1007/s10548-016" / "-0523-1" (no word opens with them).
_DOI_SO_FAR = re.compile(r"^(?:(?:doi|DOI):|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S*[^\W_]$")
_GOES_ON_AFTER_DOI = re.compile(r"^[.-][^\W_]")


# A DOI cut after its prefix's slash or a dot ("10.5547/" / "ISSN0195-6574-EJ-Vol26-No4-6.",
# "10.2320/matertrans." / "MAW200908.", "…AID-JCC1>" / "3.0.CO;2-P."), the next line going on
# with a word that has a capital and a digit (no sentence's first word, no "ACM Press.", no
# year "2019.").
_CUT_DOI = re.compile(r"^(?:(?:doi|DOI):?|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/(?:\S*[./<>;:_-])?$")
_DOI_GOES_ON = re.compile(r"^(?=\S*[A-Z])(?=\S*\d)[A-Z0-9][\w.;()/:<>-]*(?:\s|$)")


_LONE_YEAR = re.compile(rf"^{YEARS}[a-z]?[.,;]?(?:\s|$)")
# A link \url broke after a slash, an underscore or a query's mark, no period after it: the next
# line goes on with the link's rest whatever its case ("…/wiki/Parallel_" / "SCSI.",
# "…/Development/" / "LibpcapFileFormat.") — not with a word of prose opening a sentence or a note
# ("…/usbpcap/" / "Accessed 2020", `_a_word_of_prose`).
_CUT_LINK = re.compile(r"^https?://\S*[/_#?=&-]$")
_LINK_GOES_ON = re.compile(r"^[^\W_][\w./#?=&%~-]*")


# A number a line break cut after its hyphen or dash, the next line going on with its digits: an
# ISSN ("issn: 1432-" / "1939.", whose second half read alone is a year), a page range ("867–" /
# "883").
_CUT_NUMBER = re.compile(r"\d[-–]$")


def _link_goes_on(part: str) -> bool:
    """Whether a line after a link cut at its end goes on with the link: its first word is no
    word of prose — a capitalised English word ("Accessed", "Online") or a lower-case one is the
    next sentence's or the rules above join it (`_CUT_IDENTIFIER`)."""
    rest = _LINK_GOES_ON.match(part)
    if rest is None:
        return False
    word = rest.group().rstrip(".,;:")
    return not _a_word_of_prose(word)


def _a_word_of_prose(word: str) -> bool:
    """ "Accessed", "Online", "visited": letters alone, lower case after the first, an English word."""
    from bibnorm.text.capitals_words import is_english_word  # local: the word list is large

    return word.isalpha() and word[1:].islower() and is_english_word(word.casefold())


def _goes_on_unspaced(last_word: str, part: str) -> bool:
    """Whether the line ``part`` goes on with the word a line break cut (``last_word``, the text's
    last so far), no space between: an identifier, a link or a number (`join_lines`)."""
    return bool(
        (
            _CUT_IDENTIFIER.match(last_word)
            and part[:1].isdigit() | part[:1].islower()
            and not _LONE_YEAR.match(part)  # "…1188915." / "2019.": the year after a whole DOI
        )
        or (_CUT_DOI.match(last_word) and _DOI_GOES_ON.match(part))
        or (_DOI_SO_FAR.match(last_word) and _GOES_ON_AFTER_DOI.match(part))
        or (_CUT_LINK.match(last_word) and _link_goes_on(part))
        or (_CUT_NUMBER.search(last_word) and part[:1].isdigit())
    )


def join_lines(parts: Sequence[str]) -> str:
    """Lines of one reference as one string.

    A word hyphenated at a line end is joined; so is a DOI or URL cut after a dot, slash
    or hyphen (a DOI after its colon or parenthesis) when the next line goes on with a digit or
    a lower-case letter, a link cut after a slash or an underscore when it goes on with no word
    of prose (`_link_goes_on`), a DOI cut before its dot or hyphen, and a number cut after its
    hyphen or dash (`_CUT_NUMBER`).
    """
    # Pieces joined once at the end, and the text's last word kept aside: adding each line to
    # one growing string was quadratic in a layout that takes a whole list as one item (a
    # 100,000-line list without blank lines, as paragraphs: minutes).
    pieces: list[str] = []
    last_word = ""  # of the text so far: what follows its last space
    empty = True
    for part in parts:
        part = part.strip()
        if _goes_on_unspaced(last_word, part):
            piece = part
        elif last_word.endswith("-") and part[:1].islower():
            pieces[-1], last_word, piece = pieces[-1][:-1], last_word[:-1], part
        else:
            piece = part if empty else f" {part}"
        pieces.append(piece)
        last_word = (last_word + piece).rsplit(" ", 1)[-1]
        empty = empty and not part
    return " ".join("".join(pieces).split())
