"""Several reference lists in one PDF, and where each ends by its geometry.

A book prints a list after each chapter, a style's test document one after each of its parts
("APA 10.1 References", "APA 10.2 References"): each heading that names the references starts
a list. Besides the plain headings (`HEADING`: "References", "7 Bibliography"), a heading that
names them among a few other words ("APA 10.1 References", "References Included in a
Meta-Analysis") counts when the page sets it as a heading: larger than the list under it, and
the list under it starts straight away (a heading followed by a smaller heading is a chapter's
title, its references come later under their own heading).

A style's test document also titles a list by what it shows, not naming the references ("APA
9.8–Format of the Author Element", set by ``\\printbibliography[title=…]`` like "APA 10.1
References"): after the first heading that names the references, a short line set in the size of
such a heading, in larger type than the lines under it, heads a list too — kept only when most
of its items read as entries of a list (`reads_as_entries`), where a named heading's list needs a
quarter (`reads_as_a_list`): under a heading of that size there is more often body text.

A heading set in spaced capitals (classicthesis' "L I T E R AT U R") is read without its
spaces.

A list ends at the next such heading, or where its geometry ends: at a heading after which the
lines no longer start where the list's lines start (flush, or at the list's continuation
indent) — body text and examples, not a part of the list ("Articles", "Books") whose
references go on as before; or at a line that starts well left of all the list's lines (text
set in the margin).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from bibnorm.readers._ref_apa import AUTHOR_DATE
from bibnorm.readers._ref_dates import YEAR
from bibnorm.readers._ref_elided import with_elided_names
from bibnorm.readers._reflist import HEADING, ReferenceList, opens_with_name
from bibnorm.readers.refs import looks_like_reference
from bibnorm.text.word_tables import alternation, reference_headings

# A word that names the references and nothing else, capitalised as a heading prints it ("APA
# 10.1 References", "Works Cited"; reference-headings.json): "Other references, as examples" and
# caspervector's "其它参考文献示例" are a part of the list under a heading of its own size
# (`_ref_headings`), and "Reports and Gray Literature" a part of biblatex-apa's test document,
# no new list.
_NAMED = re.compile(
    rf"(?<![^\W\d_]){alternation(set(reference_headings().words) - set(reference_headings().words_general))}"
    r"(?![^\W\d_])"
)
_MAX_HEADING_WORDS = 8
LARGER = 1.15  # a heading's type is this much larger than the list's
_SAME_PLACE_EMS = 0.5  # two lines start at the same place when this close (in ems of their type)
_MARGIN_EMS = 2.0  # a line starting this far left of the list's lines is no part of it
_SAMPLE = 10  # lines after a heading whose median size is the list's type


class Line(Protocol):
    @property
    def page(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def left(self) -> float: ...
    @property
    def size(self) -> float: ...
    @property
    def text(self) -> str: ...
    @property
    def indent(self) -> float: ...
    @property
    def bottom(self) -> float: ...  # where its first character stands, from the page's foot


LineT = TypeVar("LineT", bound=Line)


def list_headings(lines: Sequence[Line]) -> list[int]:
    """The indexes of the lines that head a reference list (see the module docstring)."""
    return [at for at, line in enumerate(lines) if names_the_list(line.text) or _titled(lines, at)]


def names_the_list(text: str) -> bool:
    """Whether a line is a plain references heading (`HEADING`), its letters spaced out or not:
    classicthesis sets its headings in spaced small capitals, which PDFium reads as "L I T E R AT U R"."""
    return bool(
        HEADING.match(text.strip()) or HEADING.match(_unspaced(text)) or HEADING.match(_small_capitals(text))
    )


def _small_capitals(text: str) -> str:
    """A heading set in small capitals with its words' first letters in full ones, as PDFium reads
    it apart ("VII. R EFERENCES", IEEEtran's "R EFERENCES") with each such letter joined to the
    rest of its word; else ``""``."""
    joined = _CAPITAL_APART.sub(r"\1\2", text.strip())
    return joined if joined != text.strip() else ""


_CAPITAL_APART = re.compile(r"(?<![^\W\d_])([A-Z]) ([A-Z]{2,})(?![^\W\d_])")


def _unspaced(text: str) -> str:
    """A letter-spaced line's words ("7 R E F E R E N C E S" → "7 REFERENCES"), else ``""``: a
    line of four pieces or more of one or two letters each (PDFium keeps some pairs together)."""
    words = text.split()
    number = words[:1] if words and words[0].rstrip(".").isdigit() else []
    letters = words[len(number) :]
    if len(letters) < _SPACED_LETTERS or not all(len(piece) <= 2 and piece.isalpha() for piece in letters):
        return ""
    return " ".join([*number, "".join(letters)])


_SPACED_LETTERS = 4


def part_headings(lines: Sequence[Line], named: Sequence[int]) -> list[int]:
    """The indexes of the lines between the first and the last of the ``named`` list headings
    that are set like one of them and head no list by name (see the module docstring)."""
    if not named:
        return []
    sizes = {lines[at].size for at in named}
    return [
        at
        for at in range(named[0] + 1, named[-1])
        if at not in named
        and len(lines[at].text.split()) <= _MAX_PART_WORDS
        and any(abs(lines[at].size - size) <= _SAME_SIZE * size for size in sizes)
        and _above_its_list(lines, at)
    ]


def reads_as_entries(items: Sequence[str]) -> bool:
    """Whether the items under a heading that does not name the references are a list of them:
    two or more, most (three in five) reading as references or opening with an author's place
    and a date as APA sets them ("Author, A. A., & Author, B. B. (2014).", "Patel, S. N. (n.d.).",
    "The book of eibon. [ca. 2001 B.C.E.].")."""
    entries = sum(1 for item in items if reads_as_entry(item))
    return len(items) >= 2 and entries >= 0.6 * len(items)


def reads_as_entry(text: str) -> bool:
    """Whether an item (or a line) reads as a reference or opens as APA's do (`AUTHOR_DATE`)."""
    return AUTHOR_DATE.match(text) is not None or looks_like_reference(text)


_MAX_PART_WORDS = 14
_SAME_SIZE = 0.02


def _above_its_list(lines: Sequence[Line], at: int) -> bool:
    """Whether the line at ``at`` is set larger than the lines under it, the first of them too."""
    after = [below for below in lines[at + 1 : at + 1 + _SAMPLE] if below.text.strip()]
    if not after:
        return False
    body = _median_size(after)
    return lines[at].size > body * LARGER and after[0].size <= body * LARGER


def _titled(lines: Sequence[Line], at: int) -> bool:
    line = lines[at]
    if len(line.text.split()) > _MAX_HEADING_WORDS or not _NAMED.search(line.text):
        return False
    return _above_its_list(lines, at)


def balance(references: ReferenceList) -> int:
    """Items that read as references (`read_as_references`) less those that do not (a wrapped
    line taken for an item of its own counts against the split that made it)."""
    read = read_as_references(references)
    return read - (len(references.items) - read)


def read_as_references(references: ReferenceList) -> int:
    """How many items read as references (`_reads_as_reference`)."""
    return sum(1 for item in references.items if _reads_as_reference(item.text))


def unread_within(references: ReferenceList) -> bool:
    """Whether an item that reads as no reference stands before one that does: one of the list's
    own (a work by an organisation), not text after the list's end."""
    read = [_reads_as_reference(item.text) for item in references.items]
    last = max((at for at, reads in enumerate(read) if reads), default=-1)
    return not all(read[: last + 1])


def _reads_as_reference(text: str) -> bool:
    """Whether an item reads as a reference (or opens as APA's do, titled or not; names left
    blank as repeated, ", , and , “Title,” 2015", read as names; or is ABNT's entry under its
    title, `title_entry`)."""
    return (
        looks_like_reference(with_elided_names(text, _SOMEONE))
        or bool(AUTHOR_DATE.match(text))
        or title_entry(text)
    )


_SOMEONE = ("Doe, J.",) * 12  # whoever a blank name stands for

# ABNT (NBR 6023) sets a work with no author under its title, the title's first word in capitals,
# and a page of the web with the year and the note of where it is after the title:
# "BENCHMARKS: The computer language benchmarks game. 2017. Disponível em: <http://…>.",
# "JOGO: Superhot. 2016. Disponível em: …", "NASDAQ: Investing in video games industry. 2016.
# Available at: …".
_TITLE_OPENING = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ\d]++(?:-[A-ZÀ-Þ\d]++)?(?::\s|\s(?=[a-zà-ÿ]))")
_DATED_ACCESS = re.compile(
    r"(?<!\d)(?:1[5-9]|20)\d\d[a-z]?\.\s(?:Disponível em|Available (?:at|from)|Acesso em):"
)


def title_entry(text: str) -> bool:
    """Whether an item is ABNT's entry under its title: its title's first word in capitals (two
    letters or more), then the year and where the work is ("2017. Disponível em: <…>")."""
    opening = _TITLE_OPENING.match(text)
    return opening is not None and _DATED_ACCESS.search(text, opening.end()) is not None


def mostly_references(references: ReferenceList) -> bool:
    """Whether half of a list's items or more read as references."""
    read = sum(1 for item in references.items if looks_like_reference(item.text))
    return read >= 0.5 * len(references.items)


def names_and_dates(references: ReferenceList) -> bool:
    """Whether every item of a list opens with an author list and carries a year: physics'
    "J. R. Ray, Computer physics reports 8, 109 (1988)." prints no title for a reference to read
    as one, and a short list of such (REVTeX's, without a heading) is no body text's enumeration."""
    return bool(references.items) and all(
        opens_with_name(item.text) and YEAR.search(item.text) for item in references.items
    )


def _median_size(lines: Sequence[Line]) -> float:
    sizes = sorted(line.size for line in lines)
    return sizes[len(sizes) // 2]


def reads_as_a_list(items: Sequence[str], *, part: bool = False) -> bool:
    """Whether the items under a heading that names the references, ended by the list's
    geometry, are a reference list: unless hardly any reads as a reference (a quarter) and
    hardly any carries a year (three quarters: laws and court cases, "Brown v. Board of
    Education, 347 U.S. 483 (1954)", do) — a table of contents under "Bibliography" is none.
    Under a ``part`` heading (`part_headings`), `reads_as_entries`."""
    if part:
        return reads_as_entries(items)
    read = sum(1 for item in items if looks_like_reference(item))
    dated = sum(1 for item in items if YEAR.search(item))
    return read >= 0.25 * len(items) or dated >= 0.75 * len(items)


def layout_end(lines: Sequence[Line], first: int, end: int) -> int:
    """Where the list of ``lines[first:end]`` ends by its geometry: at the first heading (a
    line larger than the list's type) after which the next line starts at no place a line of
    the list started at before it on a page of the same side (recto and verso pages may have
    their own margins) and column, or at a line well left of them, the first line on a page of a side
    the list has not reached yet excepted (a thesis's verso pages may start 85 pt left of its recto
    ones); ``end`` when none does.
    Places are compared in ems of the list's type, not of a line's first character (which may
    be a superscript)."""
    listed = [line for line in lines[first:end] if line.text.strip()]
    if not listed:
        return end
    body = _median_size(listed[: _SAMPLE * 4])
    places: dict[tuple[int, int], list[float]] = {}
    for at in range(first, end):
        line = lines[at]
        if not line.text.strip():
            continue
        if line.size <= body * LARGER:
            # the first line on a page of a side not seen yet opens that side's places (a verso
            # page's text block may stand well left of the recto ones')
            if side(line) in places and _left_of(line, _seen(line, places, body), body):
                return at
            places.setdefault(side(line), []).append(line.left)
            continue
        following = next((below for below in lines[at + 1 : end] if below.text.strip()), None)
        if following is not None and not _starts_at(following, _seen(following, places, body), body):
            return at
    return end


def _left_of(line: Line, places: Sequence[float], body: float) -> bool:
    """Whether ``line`` starts well left of every line of the list (text in the margin)."""
    return bool(places) and line.left < min(places) - _MARGIN_EMS * body


def side(line: Line) -> tuple[int, int]:
    """The side (recto or verso: the page's number odd or even) and column of ``line``."""
    return line.page % 2, line.column


def _seen(line: Line, places: dict[tuple[int, int], list[float]], body: float) -> list[float]:
    """Where the list's lines started on pages of ``line``'s side and column; where they started
    anywhere while that side shows fewer than a first line and a continuation (two places: a
    page that turns inside a reference of three lines or more opens with continuations only,
    "and they’re making a difference … [Tweet]." and "Twitter. https://…", all at one place)."""
    here = places.get(side(line), [])
    two_places = any(not _same_place(place, here[0], body) for place in here[1:])
    return here if two_places else [place for side in places.values() for place in side]


def _starts_at(line: Line, places: Sequence[float], body: float) -> bool:
    """Whether ``line`` starts where a line of the list started (true when none has yet)."""
    return not places or any(_same_place(line.left, place, body) for place in places)


def _same_place(left: float, other: float, body: float) -> bool:
    return abs(left - other) <= _SAME_PLACE_EMS * body
