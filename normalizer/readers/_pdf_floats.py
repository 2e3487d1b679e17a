"""Figures and tables TeX floats onto the pages of a reference list, and the list's own type.

A float placed at the top of a page of the list (a full-width figure in a two-column paper, a
whole page of plots, an appendix's table) interrupts the list: its text comes between two lines
of references, in other sizes (a plot's tick labels, an axis's title), with a caption ("Fig. 7.",
"TABLE I.") above or below it and subcaptions ("(a) CAIDA") in the caption's type. The list goes
on after it, where lines in the list's type read as references again. A float takes a page at
most, so the references go on by the end of the page after the one it starts on, or the list
ended there — unless that page holds a float too (a caption: TeX floats several full pages of
tables in a row), then by the end of the page after it, for three pages at most.

The list's type is the size most of its characters are set in, not most of its lines: a plot
gives many short lines ("0.25", "50K") in its own size, a reference line gives sixty characters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bibnorm.readers._list_edges import FLUSH_EMS, WRAPPED_EMS, ends_list
from bibnorm.readers._pdf_sections import Line
from bibnorm.readers._reflist import opens_with_name
from bibnorm.readers.refs import looks_like_reference


def list_type(lines: Sequence[Line]) -> float | None:
    """The size most of the letters and digits of ``lines`` are set in (to a tenth of a point;
    the smaller of two as common), or ``None`` when they hold none; not counting the pages after
    the first that hold a caption, where other pages show the list (a page of tables floated in
    after the list's first line holds more characters than that line; the first page is the
    list's, whatever else it holds)."""
    first_page = [line for line in lines if line.page == lines[0].page] if lines else []
    if sum(map(_characters, first_page)) >= _A_PAGES_SAMPLE:  # the list's first page shows its type
        return _most_set_in(first_page)
    floated = {line.page for line in lines if ends_list(line)} - {line.page for line in lines[:1]}
    return _most_set_in([line for line in lines if line.page not in floated]) or _most_set_in(lines)


# Letters and digits of the list's first page enough to show its type (four references or so),
# whatever the pages after it hold: a page of a figure's text after a short list (a diagram's
# class names and methods in larger type), with its caption too far down to be seen, would
# otherwise give the list that figure's type, and the figure would read as references.
_A_PAGES_SAMPLE = 300


def _characters(line: Line) -> int:
    """The letters and digits of ``line``."""
    return sum(1 for char in line.text if char.isalnum())


def _most_set_in(lines: Sequence[Line]) -> float | None:
    """The size most of the letters and digits of ``lines`` are set in, or ``None``."""
    weights: Counter[float] = Counter()
    sizes: dict[float, float] = {}
    for line in lines:
        count = _characters(line)
        if count:
            key = round(line.size, 1)
            weights[key] += count
            sizes.setdefault(key, line.size)
    if not weights:
        return None
    most = max(weights.values())
    return sizes[min(key for key, weight in weights.items() if weight == most)]


RESUMED = 4  # lines of the list's type that show the references go on below a float
_TYPED_LINES = 200  # lines of the list's type a float may hold (subcaptions, a table's rows)
_CAPTION_SPACING = 1.6  # a caption's next line is at most this many of the list's ems below it


def after_float(lines: Sequence[Line], end: int, body: float) -> int | None:
    """Where the references go on below a float whose first line (or caption) is ``lines[end]``,
    if they do: a caption stands at ``end`` or just before it, or after it by the end of the next
    page; and after it come lines in the list's ``body`` type, not a caption's, of which at least
    half the first few read as references (the first of them one too). A wrapped line of the
    reference the float interrupted, set just before that first one, goes on with the list."""
    if end >= len(lines):
        return None
    stop = _floats_end(lines, end)
    captions = [at for at in range(max(end - 2, 0), stop) if ends_list(lines[at])]
    if not captions:
        return None
    captioned = _caption_lines(lines, captions[0], stop, body)
    typed = [
        at
        for at in range(end + 1, stop)
        if abs(lines[at].size - body) < _SAME_TYPE * body and at not in captioned and lines[at].text.strip()
    ][:_TYPED_LINES]
    for number, at in enumerate(typed):
        window = [lines[i].text for i in typed[number : number + RESUMED]]
        if len(window) == RESUMED and _resumes(window):
            return _with_wrapped_line(lines, at, typed[number - 1] if number else None, body)
    return None


def float_start(lines: Sequence[Line], caption: int, body: float, first: int) -> int:
    """Where the float whose caption is ``lines[caption]`` starts: at the lines above the caption
    on its page not set in the list's ``body`` type (a table's rows above a caption that TeX set
    below it), from ``first`` on."""
    at = caption
    while (
        at - 1 >= first
        and lines[at - 1].page == lines[caption].page
        and abs(lines[at - 1].size - body) >= _SAME_TYPE * body
    ):
        at -= 1
    return at


_SAME_TYPE = 0.05  # two sizes this share apart are one type


def _floats_end(lines: Sequence[Line], end: int) -> int:
    """Where the references must go on by, below floats from ``lines[end]`` on: the end of the
    page after the float's; while that page holds a caption too (a float of its own: the pages of
    tables an article's appendix sets, floated on after the list began), the end of the next."""
    last_page = lines[end].page + 1
    for _ in range(_FLOAT_PAGES + 1):
        stop = next((at for at in range(end, len(lines)) if lines[at].page > last_page), len(lines))
        if not any(ends_list(line) for line in lines[end:stop] if line.page == last_page):
            break
        last_page += 1
    return stop


_FLOAT_PAGES = 3  # pages of floats in a row the references may go on after


_NUMBER_LABEL = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.)\s")


def _resumes(window: Sequence[str]) -> bool:
    """Whether the lines of ``window`` go on with a reference list: the first reads as a
    reference and half of them do; or the first opens with a number label ("[3] H. Zhang, X. Shi,
    …", its year on a later line) or an author list ("G. D. Berentsen and D. Tjøstheim. Title …",
    the year on its last line) and the lines together read as a reference."""
    if looks_like_reference(window[0]):
        return 2 * sum(looks_like_reference(text) for text in window) >= len(window)
    label = _NUMBER_LABEL.match(window[0])
    start = label.end() if label is not None else 0
    return (label is not None or opens_with_name(window[0])) and looks_like_reference(
        " ".join(window)[start:]
    )


def _caption_lines(lines: Sequence[Line], first: int, stop: int, body: float) -> set[int]:
    """The lines of the captions from ``first`` to ``stop``: each caption's line and the lines
    set under it at the caption's line spacing (its paragraph), on the same page and column."""
    found: set[int] = set()
    for at in range(first, stop):
        line = lines[at]
        if ends_list(line):
            found.add(at)
        elif at - 1 in found:
            above = lines[at - 1]
            gap = above.bottom - line.bottom
            if (above.page, above.column) == (line.page, line.column) and 0 < gap <= _CAPTION_SPACING * body:
                found.add(at)
    return found


def _with_wrapped_line(lines: Sequence[Line], at: int, before: int | None, body: float) -> int:
    """``at``, or the line just before it when that one is of the list's type and indented as a
    reference's wrapped line is (the end of the reference the float cut: "Transactions on …, 2019.")."""
    if before != at - 1:
        return at
    line = lines[before]
    return before if FLUSH_EMS * line.size <= line.indent <= WRAPPED_EMS * body else at
