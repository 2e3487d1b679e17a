"""Margin notes a PDF line begins with: text in the page's margin, set apart from the line.

A document may print a note in the left margin beside a line — ``\\marginpar``, or a style's
test document printing each entry's ``.bib`` key beside it ("10.1:2  Ahmann, E., …"). PDFium
reads the note and the line as one line, so the reference would begin with the note, and the
line would seem to start in the margin (its indent, which tells a reference's first line from
its continuations, lost). A note is told by how it is typeset, not by what it says: smaller
type than the line, and a gap of several ems between it and the line's text; a review copy's line
number printed every fifth line ("885 [2] A. Foster"), in tiny type, an em before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Glyph(NamedTuple):
    char: str
    left: float  # points from the page's left edge
    right: float
    size: float  # font size


_GAP_EMS = 2.0  # a note ends this many ems (of the line's type) before the line's text
_SMALLER = 0.9  # a note's type is at most this share of the line's
# A review copy's line number (lineno's, in \tiny: half the text's size) stands this many ems
# before a line's text, nearer than a note where a wider label right-aligned beside it takes the room.
_NUMBER_GAP_EMS = 0.8
_TINY = 0.6
MAX_NOTE = 40  # characters a margin note may have


def margin_note_length(glyphs: Sequence[Glyph]) -> int:
    """How many of a line's first ``glyphs`` are a margin note (0 when it begins with none):
    every glyph before the first wide gap is in smaller type than the line after it; or before a
    narrower gap, every one is a digit in tiny type (a line number)."""
    previous: Glyph | None = None
    for at, glyph in enumerate(glyphs[: MAX_NOTE + 1]):
        if glyph.char.isspace():
            continue  # PDFium's generated spaces carry no position of their own
        # the line's type: its largest after the gap (the line may open with a superscript "*")
        size = max((after.size for after in glyphs[at:] if not after.char.isspace()), default=glyph.size)
        if previous is not None and glyph.left - previous.right > _NUMBER_GAP_EMS * size:
            note = [before for before in glyphs[:at] if not before.char.isspace()]
            if glyph.left - previous.right > _GAP_EMS * size:
                return at if all(before.size < _SMALLER * size for before in note) else 0
            if all(before.char.isdigit() and before.size <= _TINY * size for before in note):
                return at  # a review copy's line number, in tiny type
        previous = glyph
    return 0


def margin_note(textpage: object, first: int, count: int) -> int:
    """How many characters of PDFium's text page, from index ``first`` of a line of ``count``
    characters, are a margin note and the gap after it (0 when the line begins with none)."""
    import pypdfium2.raw as raw

    def size(at: int) -> float:
        return float(raw.FPDFText_GetFontSize(textpage, at))

    if count < 2 or size(first) >= _SMALLER * size(first + count - 1):
        return 0  # the line's type throughout: no note (the common case, two calls)
    glyphs = []
    for at in range(first, first + min(count, MAX_NOTE + 1)):
        left, _, right, _ = textpage.get_charbox(at)  # type: ignore[attr-defined]
        glyphs.append(Glyph(chr(raw.FPDFText_GetUnicode(textpage, at)), left, right, size(at)))
    return margin_note_length(glyphs)
