"""References told apart by the space between them.

Many layouts set more space between two references than between the lines of one: natbib's
``\\bibsep``, biblatex's ``\\bibitemsep``, a word processor's space after a paragraph. Where a list
sets its references flush, with no hanging indent and no label, that space is the only mark of
where one ends: a wrapped line that opens like names ("Irrigation Science, 30, 77–90.", a
journal's name before its volume) is the last line of a reference when no space stands above it.

The space is measured between baselines, in ems of the lines' type, between two lines of one
page and column: the list's line spacing is the smallest step most lines take, a gap a step
clearly larger than that and at most a few lines' room (the space between references is glue a
typesetter may stretch, the lines of one stand on a fixed step) — and a list shows gaps only where
enough of its steps take one and nearly all the others its line spacing (steps of every size, a
table's rows, are no pattern). Where the step tells nothing (the first line of a page or column, a
line after one left out of the list, a float's or a heading's room), a line opens a reference
where the text before it and the text after it each read as a whole one (`settled_starts`), or
where the list's own measured steps say that a line opening as it does after a line ending as the
one above it does opens a reference nine times in ten or more (`opening_odds`: whether the line
above ends a sentence, and the shape of the line's first two words — "Conroy, C." after "…, 328,
1039–1063." opens one in an astronomer's list; a reference whose names or title the rules cannot
read, "Colless, M. et al. (2001).", "Unreal engine nativizing blueprints. 2019. WWW-document …",
is no reason to join the next page's first to it) and a year stands on either side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Protocol

from bibnorm.readers._pdf_sections import Line
from bibnorm.readers._ref_dates import YEAR


class Spaced(Line, Protocol):
    @property
    def end_bottom(self) -> float | None: ...  # its last character's baseline, where not its first's


LINE_SPACING_QUANTILE = 0.2  # the steps below this share of them are lines of one reference
SAME_STEP_EMS = 0.12  # a step within this of the line spacing is the line spacing
MIN_GAP_EMS = 0.3  # a step this much larger than the line spacing, or more, is a gap
MAX_GAP_EMS = 4.0  # and no more (a float's room, a heading's); LaTeX's \flushbottom stretches 5 points to 20
MIN_GAPS = 3
MIN_GAP_SHARE = 0.15  # of the steps measured: fewer gaps are chance (a stretched page) …
MANY_GAPS = 30  # … unless there are this many (references of many lines: a collaboration's names)
MIN_PATTERN_SHARE = 0.9  # of the steps measured, taken by the line spacing or a gap


def spaced_starts(lines: Sequence[Spaced]) -> list[bool | None] | None:
    """For each line, whether the space above it opens a reference (True), goes on with the
    reference above at the list's line spacing (False), or tells nothing (None: the first line,
    of a page or a column, a line after one left out — its text empty); ``None`` when the list
    shows no gaps between its references."""
    steps = [_step(above, line) for above, line in pairwise(lines)]
    measured = sorted(step for step in steps if step is not None)
    if len(measured) < MIN_GAPS * 2:
        return None
    spacing = measured[int(len(measured) * LINE_SPACING_QUANTILE)]
    opens = [_opens(step, spacing) for step in steps]
    gaps, same = opens.count(True), opens.count(False)
    if gaps < min(max(MIN_GAPS, MIN_GAP_SHARE * len(measured)), MANY_GAPS):
        return None
    if gaps + same < MIN_PATTERN_SHARE * len(measured):
        return None
    return [None, *opens]


def settled_starts(
    starts: Sequence[bool | None], texts: Sequence[str], whole: Callable[[str], bool]
) -> list[bool]:
    """Each line's ``starts`` (`spaced_starts`) decided where the space told nothing: such a line
    opens a reference when the text from the reference before it up to it and the text from it up
    to the next gap both read as whole references (``whole``: a reference a later break cuts
    reads whole only with its rest), as a page's first line after a reference's last does; else
    it goes on with the one before, as a wrapped line does ("mexico: new accelerator …" after
    "… from highland"). It opens one too where lines of its kind mostly do (`opening_odds`) and
    the texts before and from it each hold a year (a reference the break cuts holds its year on
    one side: "Communications of the ACM Vol. 42. pages 1–5. 2002." after "Michael Lewis &
    Jeffrey Jacobson. Game engines in scientific research." goes on with it). The first line
    opens one.
    ``texts``: the lines' texts, empty for a line left out."""
    decided = [bool(opens) or not at for at, opens in enumerate(starts)]
    odds = opening_odds(starts, texts)
    # where the next gap is, for each line: walked back once
    ahead = [len(starts)] * (len(starts) + 1)
    for at in range(len(starts) - 1, -1, -1):
        ahead[at] = at if starts[at] else ahead[at + 1]
    before = 0
    for at, opens in enumerate(starts):
        if opens is None and at and texts[at]:
            after = ahead[at + 1]
            left, right = " ".join(filter(None, texts[before:at])), " ".join(filter(None, texts[at:after]))
            likely = bool(texts[at - 1]) and odds.get(_pair(texts[at - 1], texts[at]), 0.0) >= _SURE
            decided[at] = (likely and _dated(left) and _dated(right)) or (whole(left) and whole(right))
        if decided[at]:
            before = at
    return decided


def _dated(text: str) -> bool:
    return YEAR.search(text) is not None


_SURE = 0.9  # a kind of line opens a reference this share of the times measured, or more: it does
_MIN_MEASURED = 5  # … of this many at least


def opening_odds(starts: Sequence[bool | None], texts: Sequence[str]) -> dict[tuple[bool, str], float]:
    """For each kind of line (`_pair`: whether the line above ends a sentence, the shape of the
    line's first two words) measured ``_MIN_MEASURED`` times or more, the share of its lines that
    the space above opens a reference (``starts``: `spaced_starts`)."""
    seen: Counter[tuple[bool, str]] = Counter()
    opened: Counter[tuple[bool, str]] = Counter()
    for at, opens in enumerate(starts):
        if opens is None or not at or not texts[at - 1] or not texts[at]:
            continue
        pair = _pair(texts[at - 1], texts[at])
        seen[pair] += 1
        opened[pair] += opens
    return {pair: opened[pair] / count for pair, count in seen.items() if count >= _MIN_MEASURED}


def _pair(above: str, line: str) -> tuple[bool, str]:
    """Whether the text ``above`` ends a sentence, and the shape of ``line``'s first two words."""
    return bool(_SENTENCE_END.search(above)), " ".join(_shape(word) for word in line.split()[:2])


_SENTENCE_END = re.compile(r"[.!?][)\]”’\"']?\s*$")
_INITIAL = re.compile(r"[^\W\d_a-z]\.[,;]?")
_NAME_AND_COMMA = re.compile(r"^[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*,")  # "Conroy,", "Bland-Hawthorn,"


def _shape(word: str) -> str:
    """A word's kind: an initial ("C."), a capitalised name with its comma ("Conroy,"), a
    capitalised word, a lower-case one, one opening with a digit, or another."""
    if _INITIAL.fullmatch(word):
        return "I"
    if _NAME_AND_COMMA.fullmatch(word):
        return "N"
    first = word[:1]
    if first.isupper():
        return "C"
    return "c" if first.islower() else "d" if first.isdigit() else "o"


def _opens(step: float | None, spacing: float) -> bool | None:
    """Whether a step opens a reference: a gap does, the line spacing does not; any other (a step
    between pages, a float's or a heading's room) tells nothing."""
    if step is None:
        return None
    if abs(step - spacing) <= SAME_STEP_EMS:
        return False
    return True if spacing + MIN_GAP_EMS <= step <= spacing + MAX_GAP_EMS else None


def _step(above: Spaced, line: Spaced) -> float | None:
    """How far ``line``'s baseline stands below the one above it, in ems of the larger type of
    the two; None between pages or columns, around a line left out (no text) or a line above."""
    if not (above.text and line.text) or (above.page, above.column) != (line.page, line.column):
        return None
    size = max(above.size, line.size)
    last = above.bottom if above.end_bottom is None else above.end_bottom  # a line hyphenated: its last
    if size <= 0 or last <= line.bottom:
        return None
    return (last - line.bottom) / size
