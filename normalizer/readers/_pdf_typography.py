"""Which of a PDF's characters are set in an italic font, carried with the text it reads.

Styles set the titles of books and the names of journals in italics and the titles of
articles upright (biblatex, IEEEtran, APA, Chicago), so where italics start and stop is
where such a title starts and stops — across its own periods ("The Federal Appointments
Process. A Constitutional and Historical Analysis"), which punctuation alone cannot tell.

PDFium gives each character's text object and that object's font; a font whose italic
angle is not 0 is italic or slanted (TeX's cmti and cm-super's sfti fonts, Times-Italic,
Latin Modern's Italic all declare one). While a page's lines are read, an italic run is
marked in the text by two private-use characters (`mark_italics`), so that whatever the
text goes through afterwards (ligatures, accents, joined line-end hyphens) keeps the marks
in place; when the lines are done the marks are taken out again and become the line's
italic spans (`unmark_italics`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

ITALIC_START = "\ue000"
ITALIC_END = "\ue001"

IsItalic = Callable[[int], bool]
"""``is_italic(index)``: whether the page's character at ``index`` is set in an italic font."""


def italic_style(textpage: object) -> IsItalic:
    """For a PDFium text page: whether each of its characters is set in an italic font (the
    font's italic angle is not 0). Fonts are looked at once each."""
    import pypdfium2.raw as raw

    angles: dict[int | None, bool] = {}

    def is_italic(index: int) -> bool:
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        if not text_object:
            return False  # a space or line break PDFium made up: no font of its own
        font = raw.FPDFTextObj_GetFont(text_object)
        key = ctypes.cast(font, ctypes.c_void_p).value
        if key not in angles:
            angle = ctypes.c_int(0)
            angles[key] = (
                bool(font)
                and bool(raw.FPDFFont_GetItalicAngle(font, ctypes.byref(angle)))
                and angle.value != 0
            )
        return angles[key]

    return is_italic


def mark_italics(piece: str, start: int, is_italic: IsItalic | None) -> str:
    """``piece`` (the page's text from character ``start`` on) with each run of italic
    characters between `ITALIC_START` and `ITALIC_END`; a run starts and ends at a character
    that is not white space (the space after an italic word is no part of it)."""
    if is_italic is None:
        return piece
    runs: list[tuple[int, int]] = []  # first and last italic character of each run
    first = last = -1
    for at, char in enumerate(piece):
        if char.isspace():
            continue
        if is_italic(start + at):
            first = at if first < 0 else first
            last = at
        elif first >= 0:
            runs.append((first, last))
            first = -1
    if first >= 0:
        runs.append((first, last))
    marked: list[str] = []
    done = 0
    for first, last in runs:
        marked += [piece[done:first], ITALIC_START, piece[first : last + 1], ITALIC_END]
        done = last + 1
    return "".join(marked) + piece[done:]


def unmark_italics(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` without its italic marks, and the (start, end) of each italic run in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for char in text:
        if char == ITALIC_START:
            opened = len(plain) if opened is None else opened
        elif char == ITALIC_END:
            if opened is not None and len(plain) > opened:
                spans.append((opened, len(plain)))
            opened = None
        else:
            plain.append(char)
    if opened is not None and len(plain) > opened:
        spans.append((opened, len(plain)))  # a mark lost to stripping: the run goes to the end
    return "".join(plain), tuple(spans)
