"""A note set apart below a reference list, in its column and type: MNRAS's "This paper has been
typeset from a TEX/LATEX file prepared by the author." (its template's ``\\bsp``) stands after the
list's last reference with a gap of two lines or more. A few lines after such a gap at the very end
of the list, the first flush, none holding a year, are no reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median
from typing import Protocol

from bibnorm.readers._list_edges import FLUSH_EMS
from bibnorm.readers._pdf_sections import Line
from bibnorm.readers._ref_dates import YEARS

_GAP = 1.8  # a gap of more than this many of the list's line pitches sets a note apart
_NOTE_LINES = 3  # at most this many lines in the note
_PITCHES = 5  # the list's line pitch is known from this many pairs of lines at least
_YEAR = re.compile(rf"\b{YEARS}")


class SpacedLine(Line, Protocol):
    @property
    def bottom(self) -> float: ...  # where the line stands, in points from the page's foot


def closing_note(lines: Sequence[SpacedLine]) -> set[int]:
    """Indexes of the lines of a note set apart at the end of the list's ``lines``, if any."""
    gaps = {
        at: lines[at - 1].bottom - lines[at].bottom
        for at in range(1, len(lines))
        if (lines[at - 1].page, lines[at - 1].column) == (lines[at].page, lines[at].column)
        and lines[at - 1].bottom > lines[at].bottom
    }
    if len(gaps) < _PITCHES:
        return set()
    pitch = median(gaps.values())
    end = len(lines)
    for at in range(end - 1, max(end - 1 - _NOTE_LINES, 0), -1):
        if at not in gaps:
            return set()  # the note's lines and the gap before it stand in one column
        if gaps[at] > _GAP * pitch:
            # flush, as a note is set (a reference's wrapped line after a wide gap is indented:
            # PDFium may give two lines of the page as one, and the next one two pitches below)
            note = lines[at:end]
            flush = note[0].indent < FLUSH_EMS * note[0].size
            return (
                set() if not flush or any(_YEAR.search(line.text) for line in note) else set(range(at, end))
            )
    return set()
