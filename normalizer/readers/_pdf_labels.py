"""Reference labels: raised numbers, and the run of labels going up from 1 that finds a list.

biblatex-phys (and the AIP and ACS styles it follows) prints each item's number as a superscript
before the first name, with no space ("¹R. A. Allen"), and PDFium reads it as digits run into the
name ("1R. A. Allen", "10F. A. Cotton"). The font size tells the label from the text: the digits
are set smaller than the letter after them. A list with no heading (REVTeX) is found by its
labels going up one by one from 1 (`numbered_run`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from bibnorm.readers._pdf_typography import ITALIC_START

# the digits, then the name's letter (or the mark of an italic run that opens with it: a title
# that opens the reference, "8CORINA: generation …")
_LEADING_NUMBER = re.compile(rf"\d{{1,4}}(?={ITALIC_START}?[^\W\d_])")
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


_LABEL_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.?)(?:\s+\S|\s*$)")


def numbered_run(lines: Sequence[str]) -> tuple[int, int] | None:
    """Where a paper without a References heading starts its list (``lines``: the text of its
    lines): the line of label 1 of the longest run of lines labelled 1, 2, 3 … in order ("[1]",
    "1.", or a bare "1" as REVTeX and Vancouver print them, alone on its line too), found by the
    list's labels going up one by one, not by the last "1."; and how many labels the run has."""
    best: tuple[int, int] | None = None  # (start, length)
    for start, length in _label_runs(lines, _LABEL_NUMBER):
        if best is None or length > best[1]:
            best = (start, length)
    return best if best is not None and best[1] >= MIN_RUN else None


def _label_runs(lines: Sequence[str], label: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(index of label 1, labels in order) of each run of lines labelled 1, 2, 3 …; a line
    whose number does not go on the run (a wrapped "10 (2008), …") is no label."""
    start, expected = -1, 1
    for i, line in enumerate(lines):
        found = label.match(line)
        if found is None:
            continue
        number = int(next(group for group in found.groups() if group and group.isdigit()))
        if number == 1:
            if start >= 0:
                yield start, expected - 1
            start, expected = i, 2
        elif number == expected and start >= 0:
            expected += 1
    if start >= 0:
        yield start, expected - 1


MIN_RUN = 3  # labels in order that make a list
# So many labels in order make a references list even when its items do not read as references
# to the text reader (physics' "A. Name, Title, Journal 12, 3 (2001)" without quotes).
TRUSTED_RUN = 8
