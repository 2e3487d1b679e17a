"""References told apart by the space between them.

Many layouts set more space between two references than between the lines of one: natbib's
``\\bibsep``, biblatex's ``\\bibitemsep``, a word processor's space after a paragraph. Where a list
sets its references flush, with no hanging indent and no label, that space is the only mark of
where one ends: a wrapped line that opens like names ("Irrigation Science, 30, 77–90.", a
journal's name before its volume) is the last line of a reference when no space stands above it.

The space is measured between baselines, in ems of the lines' type, between two lines of one
page and column: the list's line spacing is the smallest step most lines take, a gap a step
clearly larger than that — and a list shows gaps only where enough of its steps take one and
nearly all the others its line spacing (a table floated into it, a heading of its parts, a page
whose lines the typesetter stretched, are no pattern). Where the step tells nothing (the first line
of a page or column, a line after one left out of the list), whether a line opens a reference is
left to its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from bibnorm.readers._pdf_sections import Line

LINE_SPACING_QUANTILE = 0.2  # the steps below this share of them are lines of one reference
SAME_STEP_EMS = 0.12  # a step within this of the line spacing is the line spacing
MIN_GAP_EMS = 0.3  # a step this much larger than the line spacing, or more, is a gap
MAX_GAP_EMS = 2.5  # and no more than this larger (a float, a heading: no gap between references)
GAP_SPREAD_EMS = 0.4  # the gaps of one list lie within this of their median
MIN_GAPS = 3
MIN_GAP_SHARE = 0.15  # of the steps measured: fewer gaps are chance (a stretched page)
MIN_PATTERN_SHARE = 0.9  # of the steps measured, taken by the line spacing or a gap


def spaced_starts(lines: Sequence[Line]) -> list[bool | None] | None:
    """For each line, whether the space above it opens a reference (True), goes on with the
    reference above at the list's line spacing (False), or tells nothing (None: the first line,
    of a page or a column, a line after one left out — its text empty); ``None`` when the list
    shows no gaps between its references."""
    steps = [_step(above, line) for above, line in pairwise(lines)]
    measured = sorted(step for step in steps if step is not None)
    if len(measured) < MIN_GAPS * 2:
        return None
    spacing = measured[int(len(measured) * LINE_SPACING_QUANTILE)]
    wide = [step for step in measured if spacing + MIN_GAP_EMS <= step <= spacing + MAX_GAP_EMS]
    level = median(wide) if wide else 0.0
    gaps = sum(1 for step in wide if abs(step - level) <= GAP_SPREAD_EMS)
    same = sum(1 for step in measured if abs(step - spacing) <= SAME_STEP_EMS)
    if gaps < max(MIN_GAPS, MIN_GAP_SHARE * len(measured)) or gaps + same < MIN_PATTERN_SHARE * len(measured):
        return None
    return [None, *(_opens(step, spacing, level) for step in steps)]


def _opens(step: float | None, spacing: float, level: float) -> bool | None:
    """Whether a step opens a reference: a gap does, the line spacing does not; any other tells
    nothing."""
    if step is None:
        return None
    if abs(step - spacing) <= SAME_STEP_EMS:
        return False
    return True if abs(step - level) <= GAP_SPREAD_EMS else None


def _step(above: Line, line: Line) -> float | None:
    """How far ``line``'s baseline stands below the one above it, in ems of the larger type of
    the two; None between pages or columns, around a line left out (no text) or a line above."""
    if not (above.text and line.text) or (above.page, above.column) != (line.page, line.column):
        return None
    size = max(above.size, line.size)
    if size <= 0 or above.bottom <= line.bottom:
        return None
    return (above.bottom - line.bottom) / size
