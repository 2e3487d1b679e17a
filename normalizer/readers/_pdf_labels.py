"""Reference labels the text alone does not tell from the rest, and the run of labels going up
from 1 that finds a list.

- Raised numbers: biblatex-phys (and the AIP and ACS styles it follows) prints each item's
  number as a superscript before the first name, with no space ("¹R. A. Allen"), and PDFium
  reads it as digits run into the name ("1R. A. Allen", "10F. A. Cotton"). The font size tells
  the label from the text: the digits are set smaller than the letter after them.
- Labels that open a wrapped line: a narrow column often wraps a page range before its end,
  and the next line opens with "434. " as if labelled, or IEEE's "[Online]. Available:" opens
  one as if it were "[12]"; the list's labels go up one by one and hang left of its wrapped
  lines, and such a label is neither in their run nor where they are.
- A list with no heading (REVTeX) is found by its labels going up one by one from 1
  (`numbered_run`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from typing import TYPE_CHECKING

from bibnorm.readers._pdf_sections import side
from bibnorm.readers._pdf_typography import ITALIC_START

if TYPE_CHECKING:
    from bibnorm.readers.pdf import PdfLine

# the digits, then the name's letter (or the mark of an italic run that opens with it: a title
# that opens the reference, "8CORINA: generation …")
_LEADING_NUMBER = re.compile(rf"\d{{1,4}}(?={ITALIC_START}?[^\W\d_])")
_SPACED_NUMBER = re.compile(r"\d{1,4} (?=[^\W\d_])")
RAISED = 0.85
"""A label's digits are at most this share of the following letter's size (superscripts: ≈ 0.7)."""


def bracket_raised_label(text: str, first: int, size_at: Callable[[int], float]) -> tuple[str, float]:
    """``text`` (a line, its first character the page's ``first``) with a raised number that
    opens it written as a label the list reader knows ("1R. A. Allen" → "[1] R. A. Allen"), and the
    size of the line's text (after a raised number a space apart too); other lines as they are,
    with the size of their first character."""
    label = _LEADING_NUMBER.match(text)
    size = size_at(first)
    if label is None:  # a raised number a space apart (REVTeX's "²² The …"): the line's type is its text's
        spaced = _SPACED_NUMBER.match(text)
        following = size_at(first + spaced.end()) if spaced else 0.0
        return text, following if spaced and 0 < size <= RAISED * following else size
    following = size_at(first + label.end())
    if not 0 < size <= RAISED * following:
        return text, size
    return f"[{label.group()}] {text[label.end() :]}", following


# "120. Princeton University Press": a page range's end ("pages 91–" / "120.") that a narrow
# column wrapped to the start of a line, where it reads as a label "N." of the list; IEEE's
# "[Online]. Available:" and REVTeX's "[astro-ph.HE]." likewise, in a list labelled "[N]".
_LABEL_LIKE = re.compile(r"^\s*(?:(\d{1,3})\.\s+|\[(?:(\d{1,3})|[^\]]{1,20})\][.,:]?(?:\s+|$))")
_HANGS = 1.0  # ems: the wrapped lines start at least this much further in than every label
MIN_RUN = 3  # labels going up one by one that make a numbered list


def joined_wrapped_labels(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """The lines with each label-like start of a wrapped line ("434. eprint: …", "[Online].
    Available: …") moved to the end of the line before, where it belongs; the labels are the
    list's "N." or "[N]" that go up one by one, and a start off that run set as far in as the
    list's wrapped lines (beyond every label of the run) is the text of a reference."""
    numbers = [(at, found) for at, line in enumerate(lines) if (found := _LABEL_LIKE.match(line.text))]
    run, edges = _label_run(lines, numbers)
    hang = _wrapped_indent(lines, run, edges)
    if hang is None:
        return list(lines)
    joined = list(lines)
    for at, found in numbers:
        before = next((i for i in range(at - 1, -1, -1) if joined[i].text), None)
        if at in run or before is None or _ems(joined[at], edges) < hang - _HANGS / 2:
            continue
        cut = found.end()
        joined[before] = joined[before]._replace(text=f"{joined[before].text} {found.group().strip()}")
        italics = tuple((max(start - cut, 0), end - cut) for start, end in joined[at].italics if end > cut)
        joined[at] = joined[at]._replace(text=joined[at].text[cut:], italics=italics)
    return joined


_Edges = dict[tuple[int, int], float]  # where the labels stand on each side and column, in ems


def _label_run(
    lines: Sequence[PdfLine], numbers: Sequence[tuple[int, re.Match[str]]]
) -> tuple[set[int], _Edges]:
    """The lines of the list's labels among the label-like ``numbers``, and where the labels stand
    on each side of the page and column (one line set apart, a broken formula's, may move the
    margin the list's indents are measured from). Twice: a wrapped line's "29." may come before
    label 29 and take its place in the run; the labels stand where most of the first run's do,
    and the second run takes only those."""
    run = _run(numbers, {at for at, _ in numbers})
    edges: _Edges = {}
    for _ in range(2):
        sides: dict[tuple[int, int], list[float]] = {}
        for at in run:
            sides.setdefault(side(lines[at]), []).append(indent_ems(lines[at]))
        edges = {where: sorted(found)[len(found) // 2] for where, found in sides.items()}
        # a bracketed number in the run's order is its label wherever it stands ("[7]" opens no
        # wrapped line; a page PDFium placed oddly may set it far in), a bare "29." only where
        # the labels stand
        labels = {
            at for at, found in numbers if _ems(lines[at], edges) <= _HANGS or found.group(2) is not None
        }
        run = _run(numbers, labels)
    return run, edges


def _ems(line: PdfLine, edges: _Edges) -> float:
    """The line's indent in ems from where the labels stand on its side and column."""
    return indent_ems(line) - edges.get(side(line), 0.0)


def _wrapped_indent(lines: Sequence[PdfLine], run: set[int], edges: _Edges) -> float | None:
    """Where the list's wrapped lines start (the lines not in the label ``run``), in ems; None
    where its labels do not hang left of them (fewer than `MIN_RUN` labels, no wrapped line, or a
    wrapped line starts where a label does)."""
    wrapped = [
        _ems(line, edges) for at, line in enumerate(lines) if at not in run and line.text and line.size
    ]
    if len(run) < MIN_RUN or not wrapped:
        return None
    hang = sorted(wrapped)[len(wrapped) // 2]
    return None if hang < max(_ems(lines[at], edges) for at in run) + _HANGS else hang


def _run(numbers: Sequence[tuple[int, re.Match[str]]], where: Container[int]) -> set[int]:
    """The lines of the labels that go up one by one from the first number, among those ``where``
    a label may stand."""
    run: set[int] = set()
    expected = next((number for _, found in numbers if (number := _number(found))), 0)
    for at, found in numbers:
        if _number(found) == expected and at in where:
            run.add(at)
            expected += 1
    return run


def _number(label: re.Match[str]) -> int | None:
    number = label.group(1) or label.group(2)
    return int(number) if number else None


def label_number(text: str) -> int | None:
    """The number of the label a line opens with ("121. Akimova E. N., …", "[121] …"), if any."""
    label = _LABEL_LIKE.match(text)
    return _number(label) if label else None


def indent_ems(line: PdfLine) -> float:
    """The line's indent in ems of its type (0 for a line of no size)."""
    return line.indent / line.size if line.size else 0.0


_LABEL_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.?)(?:\s+\S|\s*$)")


# a table of contents' page number, Arabic or Roman, and the blanks before it
_PAGE_NUMBER = "0123456789ivxlc \t"
_LEADER = "......"  # a dot leader's dots (six or more), the blanks between them taken out


def contents_entry(line: str) -> bool:
    """Whether a line is a table of contents' entry: its title, a dot leader and a page number
    ("1 Úvod . . . . . . 3", "2.1 Results ........ 14"). Numbered chapters go up 1, 2, 3 … as a
    list's labels do, and a thesis's contents are no list of references."""
    before_page = line.rstrip(_PAGE_NUMBER)
    return len(before_page) < len(line.rstrip()) and before_page.replace(" ", "").endswith(_LEADER)


def numbered_run(lines: Sequence[str]) -> tuple[int, int] | None:
    """Where a paper without a References heading starts its list (``lines``: the text of its
    lines): the line of label 1 of the longest run of lines labelled 1, 2, 3 … in order ("[1]",
    "1.", or a bare "1" as REVTeX and Vancouver print them, alone on its line too), found by the
    list's labels going up one by one, not by the last "1."; and how many labels the run has."""
    best: tuple[int, int] | None = None  # (start, length)
    for start, length in _label_runs(lines):
        if best is None or length > best[1]:
            best = (start, length)
    return best if best is not None and best[1] >= MIN_RUN else None


def last_labelled_pair(lines: Sequence[str]) -> tuple[int, int] | None:
    """The line of label 1 of the last run of exactly two labels ("[1]", "[2]"), and 2: a short
    letter's whole list (REVTeX, no heading), where no longer run is; ``None`` when none is."""
    pairs = [start for start, length in _label_runs(lines) if length == 2]
    return (pairs[-1], 2) if pairs else None


def _label_runs(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(index of label 1, labels in order) of each run of lines labelled 1, 2, 3 …; a line
    whose number does not go on the run (a wrapped "10 (2008), …") is no label."""
    start, expected = -1, 1
    for i, line in enumerate(lines):
        found = _LABEL_NUMBER.match(line)
        if found is not None and not contents_entry(line):
            number = int(next(group for group in found.groups() if group and group.isdigit()))
            if number == 1:
                if start >= 0:
                    yield start, expected - 1
                start, expected = i, 2
            elif number == expected and start >= 0:
                expected += 1
        if start >= 0:
            expected += len(_labels_within(line, expected))
    if start >= 0:
        yield start, expected - 1


# A label inside a line, after the end of the reference before it: "… 0912.0201. [2] L. Amendola"
_WITHIN = re.compile(r"(?<=[.)])\s+(\[(\d{1,3})\]\s+)(?=\S)")


def _labels_within(text: str, expected: int) -> list[int]:
    """Where the labels ``expected``, ``expected + 1`` … stand inside ``text`` (not at its start),
    each after a reference's closing period or parenthesis."""
    found: list[int] = []
    for label in _WITHIN.finditer(text):
        if int(label.group(2)) == expected + len(found):
            found.append(label.start(1))
    return found


def split_at_labels(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """The lines, each split where a label of the list's run stands inside it: PDFium may give a
    reference's last line and the next one's first as one line ("… ArXiv e-prints (2009),
    0912.0201. [2] L. Amendola, …": a REVTeX page whose characters it placed on one baseline).
    The run is the labels going up one by one at the lines' starts and inside them; the piece a
    label opens is flush, as a reference's first line."""
    split: list[PdfLine] = []
    expected: int | None = None
    for line in lines:
        found = _LABEL_NUMBER.match(line.text)
        if found is not None:
            number = int(next(group for group in found.groups() if group and group.isdigit()))
            expected = number + 1 if expected is None or number in (1, expected) else expected
        cuts = _labels_within(line.text, expected) if expected is not None else []
        expected = expected + len(cuts) if expected is not None else None
        for start, end in zip([0, *cuts], [*cuts, len(line.text)], strict=True):
            italics = tuple(
                (max(first - start, 0), min(last, end) - start)
                for first, last in line.italics
                if first < end and last > start
            )
            piece = line._replace(text=line.text[start:end].strip(), italics=italics)
            split.append(piece if start == 0 else piece._replace(indent=0.0))
    return split


# So many labels in order make a references list even when its items do not read as references
# to the text reader (physics' "A. Name, Title, Journal 12, 3 (2001)" without quotes).
TRUSTED_RUN = 8
