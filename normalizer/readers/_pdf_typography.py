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
import re
from collections.abc import Callable
from typing import Any

ITALIC_START = "\ue000"
ITALIC_END = "\ue001"

IsItalic = Callable[[int], bool]
"""``is_italic(index)``: whether the page's character at ``index`` is set in an italic font."""


def italic_style(textpage: object) -> IsItalic:
    """For a PDFium text page: whether each of its characters is set in an italic font (the
    font's italic angle is not 0). Each text object and font is looked at once."""
    import pypdfium2.raw as raw

    by_object: dict[int, bool] = {}
    by_font: dict[int, bool] = {}

    def font_is_italic(font: Any) -> bool:
        if not font:
            return False
        key = ctypes.addressof(font.contents)
        if key not in by_font:
            angle = ctypes.c_int(0)
            by_font[key] = bool(raw.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))) and angle.value != 0
        return by_font[key]

    def is_italic(index: int) -> bool:
        text_object = raw.FPDFText_GetTextObject(textpage, index)
        if not text_object:
            return False  # a space or line break PDFium made up: no font of its own
        key = ctypes.addressof(text_object.contents)  # (ten times cheaper than a cast)
        if key not in by_object:
            by_object[key] = font_is_italic(raw.FPDFTextObj_GetFont(text_object))
        return by_object[key]

    return is_italic


_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W_]")


def mark_italics(piece: str, start: int, is_italic: IsItalic | None) -> str:
    """``piece`` (the page's text from character ``start`` on) with each run of italic words
    between `ITALIC_START` and `ITALIC_END`. A word is italic when its first letter or digit is
    (styles switch fonts between words: "*Journal* 97", "(*MVS*)"; a word's punctuation after
    it goes with it); a word with neither ("&", "–") neither starts nor ends a run. Looking at
    one character a word, not each, keeps reading a page's fonts cheap."""
    if is_italic is None:
        return piece
    runs: list[tuple[int, int]] = []  # where each run starts and ends in the piece
    first = last = -1
    for word in _WORD.finditer(piece):
        at = word.start()
        if not piece[at].isalnum():
            letter = _LETTER.search(word.group())
            if letter is None:
                continue
            at += letter.start()
        if is_italic(start + at):
            first = word.start() if first < 0 else first
            last = word.end()
        elif first >= 0:
            runs.append((first, last))
            first = -1
    if first >= 0:
        runs.append((first, last))
    marked: list[str] = []
    done = 0
    for first, end in runs:
        marked += [piece[done:first], ITALIC_START, piece[first:end], ITALIC_END]
        done = end
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


def on_the_page(marked: str, start: int, box: Callable[[int], Any]) -> Callable[[int], Any]:
    """``box`` (a character's box by its index on the page) for the characters of ``marked``,
    the page's text from ``start`` on with its italic marks: each index past a mark is the
    page's own again."""
    marks = [at for at, char in enumerate(marked) if char in (ITALIC_START, ITALIC_END)]

    def boxed(index: int) -> Any:
        at = index - start  # the page's character is the one after as many fewer marks
        return box(start + at - sum(1 for mark in marks if mark < at) if 0 <= at < len(marked) else index)

    return boxed
