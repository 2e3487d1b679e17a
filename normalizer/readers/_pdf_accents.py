"""Accents TeX sets over a letter as a glyph of their own.

With OT1, LaTeX's default font encoding, ``\\'e`` and ``\\"u`` are an accent glyph placed over
the letter that follows it, and PDFium reads the spacing accent: "H¨ubner", "G´orski". Four of
those accents (´ ¨ ¸ ¯) are also Latin-1 signs that stand for accented letters when a T1 font
lacks a Unicode map (the Cork slots 0xA8 ĺ, 0xB4 ť, 0xB8 ş, 0xAF Ż: `_reflist.repair_cork_letters`),
so the text alone cannot tell them apart. The geometry can: an accent set over a letter has its
middle above that letter, a letter of its own stands beside the next one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Box = tuple[float, float, float, float]  # left, bottom, right, top, as PDFium gives a character's

# The spacing accents that are also Cork letter slots, before a letter.
_CORK_ACCENT = re.compile(r"[´¨¸¯](?=[^\W\d_])")
_DOTLESS = {"ı": "i", "ȷ": "j"}  # TeX puts an accent on the dotless i and j


def join_overlaid_accents(text: str, start: int, box: Callable[[int], Box]) -> str:
    """``text`` (characters ``start`` … of a page) with each accent that sits over the next letter
    joined to it ("H¨ubner" → "Hübner"), where Unicode has the accented letter; ``box`` gives a
    character's box by its index on the page."""
    if text.isascii():
        return text
    pieces, done = [], 0
    for match in _CORK_ACCENT.finditer(text):
        at = match.start()
        if at < done or not _over(box(start + at), box(start + at + 1)):
            continue
        combining = unicodedata.normalize("NFKD", match.group())[-1]  # "¨" is " " + U+0308
        joined = unicodedata.normalize("NFC", _DOTLESS.get(text[at + 1], text[at + 1]) + combining)
        if len(joined) == 1:
            pieces += [text[done:at], joined]
            done = at + 2
    return "".join(pieces) + text[done:]


def _over(accent: Box, letter: Box) -> bool:
    """Whether the accent's middle lies within the letter's width (set over or under it)."""
    middle = (accent[0] + accent[2]) / 2
    return letter[0] <= middle <= letter[2]
