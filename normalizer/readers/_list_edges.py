"""What borders a PDF's reference list and is no reference: the back matter after it, a page's
footer below two columns, and a review copy's line numbers on a page too short to show them.

- A manuscript sets its lists of figures and tables, or a heading "Figures" or "Tables", after
  the references in the list's own type: such a heading, flush with the list, ends it (with a
  section number, or a line number of its own that a short page's numbering did not show); so
  does a figure's or a table's caption ("Figure 3: …", "TABLE II.", and APA's "Table 1" alone on
  its line, the table's title on the next). A plot's markers ("●" lines, no letter or digit in
  them) are no text of the list.
- A two-column page is read left column, then right column; a line that comes after the right
  column's lines and starts in the left column again is set below both columns: the page's
  footer ("Preprint submitted to …", a footnote), not a reference.
- A review copy numbers its lines 1, 2, 3 … through the paper; the last page of the
  references may hold too few lines to show that by itself, and its numbers then go on from
  the previous page's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bibnorm.readers._pdf_sections import Line, LineT

_BACK_MATTER = re.compile(
    r"^(?:\d{1,4}\s+)?(?:list of (?:figures|tables)|figures?(?: and tables)?|tables?(?: and figures)?"
    r"|figure (?:captions|legends))\s*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"^(?:FIG(?:URE)?|Fig(?:ure)?|TABLE|Table)\.?\s+[A-Z]?\d{1,3}(?:[.:]\s|\s*$)")
FLUSH_EMS = 0.4  # a line indented less than this, in ems of its type, is flush


def ends_list(line: Line) -> bool:
    """Whether ``line`` is a heading of the back matter set after a reference list: "List of
    Figures", "Tables", "Figure captions" — flush, alone on its line; or a caption."""
    if _CAPTION.match(line.text):
        return True
    return line.indent < FLUSH_EMS * line.size and bool(_BACK_MATTER.match(line.text.strip()))


_FOOTER_LINES = 3  # at most this many lines below the columns
_RIGHT_COLUMN_LINES = 5  # a page with fewer lines in its right column is not set in two columns


def below_columns(lines: Sequence[Line]) -> set[int]:
    """Indexes of ``lines`` set below a two-column page's columns: after the page's last line in
    the right column, in the left one, a few at most (see the module docstring)."""
    below: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].page == lines[start].page:
            end += 1
        columns = [line.column for line in lines[start:end]]
        right = [at for at, column in enumerate(columns) if column == 1]
        if len(right) >= _RIGHT_COLUMN_LINES and 0 < end - start - right[-1] - 1 <= _FOOTER_LINES:
            below.update(range(start + right[-1] + 1, end))
        start = end
    return below


LINE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")  # a review copy's, before a line's text
_STEP = range(1, 4)  # a line's number is 1 more than the last, 2 or 3 where PDFium joined lines
_NUMBERED_SHARE = 0.6


def numbered_by_its_lines(pieces: Sequence[str]) -> bool:
    """Whether a page's lines carry line numbers (a review copy: 75, 76, 77 … in the margin).

    Most lines open with a number, and the numbers mostly go up by one (two or three where
    PDFium joined a hyphenated line to the next).
    """
    lines = [piece for piece in pieces if piece.strip()]
    numbers = [int(match.group(1)) for piece in lines if (match := LINE_NUMBER.match(piece))]
    steps = [b - a for a, b in pairwise(numbers)]
    return (
        len(numbers) >= 5
        and len(numbers) >= _NUMBERED_SHARE * len(lines)
        and sum(1 for step in steps if step in _STEP) >= 0.8 * len(steps)
    )


class LineNumbering:
    """A review copy's line numbers from page to page: whether a page that is not numbered by
    its own lines (too few) goes on with the previous page's numbers."""

    def __init__(self) -> None:
        self._last: int | None = None

    def page(self, pieces: Sequence[str]) -> bool:
        """Whether the page of ``pieces`` (its text lines) is line-numbered: by its own lines
        (`numbered_by_its_lines`), or its numbers go on from the previous page's last one."""
        numbered = numbered_by_its_lines(pieces)
        lines = [piece for piece in pieces if piece.strip() and not piece.strip().isdigit()]
        numbers = [int(match.group(1)) for piece in lines if (match := LINE_NUMBER.match(piece))]
        steps = [b - a for a, b in zip([self._last or 0, *numbers], numbers, strict=False)]
        goes_on = (
            self._last is not None
            and bool(numbers)
            and len(numbers) >= _NUMBERED_SHARE * len(lines)
            and all(step in _STEP for step in steps)
        )
        numbered = numbered or goes_on
        self._last = numbers[-1] if numbered and numbers else None
        return numbered


def list_indents(lines: Sequence[Line]) -> list[float]:
    """Each of the section's ``lines`` indented from the list's own left margin in its column
    (on the pages of its side: a two-sided document shifts odd and even pages), not from its
    page's leftmost line: a page that holds only the wrapped end of a reference has no line at
    the margin, and its lines would read as flush, each a reference of its own."""
    margins: dict[tuple[int, int], float] = {}
    for line in lines:
        where = (line.page % 2, line.column)
        margins[where] = min(line.left, margins.get(where, line.left))
    return [line.left - margins[line.page % 2, line.column] for line in lines]


def rebased(lines: Sequence[LineT]) -> list[LineT]:
    """The lines, each with its indent from the list's own margin (`list_indents`)."""
    return [line._replace(indent=indent) for line, indent in zip(lines, list_indents(lines), strict=True)]  # type: ignore[attr-defined]
