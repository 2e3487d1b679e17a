"""Reference labels the text alone does not tell from the rest.

- Raised numbers: biblatex-phys (and the AIP and ACS styles it follows) prints each item's
  number as a superscript before the first name, with no space ("¹R. A. Allen"), and PDFium
  reads it as digits run into the name ("1R. A. Allen", "10F. A. Cotton"). The font size tells
  the label from the text: the digits are set smaller than the letter after them.
- Numbers that open a wrapped line: a narrow column often wraps a page range before its end,
  and the next line opens with "434. " as if labelled; the list's labels go up one by one and
  hang left of its wrapped lines, and such a number is neither in their run nor where they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bibnorm.readers.pdf import PdfLine

_LEADING_NUMBER = re.compile(r"\d{1,4}(?=[^\W\d_])")
RAISED = 0.85
"""A label's digits are at most this share of the following letter's size (superscripts: ≈ 0.7)."""


def bracket_raised_label(text: str, first: int, size_at: Callable[[int], float]) -> tuple[str, float]:
    """``text`` (a line, its first character the page's ``first``) with a raised number that
    opens it written as a label the list reader knows ("1R. A. Allen" → "[1] R. A. Allen"), and the
    size of the line's text; other lines as they are, with the size of their first character."""
    label = _LEADING_NUMBER.match(text)
    size = size_at(first)
    if label is None:
        return text, size
    following = size_at(first + label.end())
    if not 0 < size <= RAISED * following:
        return text, size
    return f"[{label.group()}] {text[label.end() :]}", following


# "120. Princeton University Press": a page range's end ("pages 91–" / "120.") that a narrow
# column wrapped to the start of a line, where it reads as a label "N." of the list.
_DOT_NUMBER = re.compile(r"^\s*(\d{1,3})\.\s+")
_MIN_RUN = 3  # labels going up one by one that make a numbered list
_HANGS = 1.0  # ems: the wrapped lines start at least this much further in than every label


def joined_wrapped_numbers(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """The lines with each number that a wrapped line opens with ("434. eprint: …") moved to the
    end of the line before, where it belongs; the numbers are the list's "N." labels that go up
    one by one, and one off that run set as far in as the list's wrapped lines (beyond every
    label of the run) is the text of a reference, not its label."""
    numbers = [(at, found) for at, line in enumerate(lines) if (found := _DOT_NUMBER.match(line.text))]
    run, expected = set(), int(numbers[0][1].group(1)) if numbers else 0
    for at, found in numbers:
        if int(found.group(1)) == expected:
            run.add(at)
            expected += 1
    wrapped = [_ems(line) for at, line in enumerate(lines) if at not in run and line.text and line.size]
    if len(run) < _MIN_RUN or not wrapped:
        return list(lines)
    hang = sorted(wrapped)[len(wrapped) // 2]  # the wrapped lines' indent, in ems
    if hang < max(_ems(lines[at]) for at in run) + _HANGS:
        return list(lines)  # no hanging labels: a wrapped line starts where a label does
    joined = list(lines)
    for at, found in numbers:
        before = next((i for i in range(at - 1, -1, -1) if joined[i].text), None)
        if at in run or before is None or _ems(joined[at]) < hang - _HANGS / 2:
            continue
        cut = found.end()
        joined[before] = joined[before]._replace(text=f"{joined[before].text} {found.group().strip()}")
        italics = tuple((max(start - cut, 0), end - cut) for start, end in joined[at].italics if end > cut)
        joined[at] = joined[at]._replace(text=joined[at].text[cut:], italics=italics)
    return joined


def _ems(line: PdfLine) -> float:
    return line.indent / line.size if line.size else 0.0
