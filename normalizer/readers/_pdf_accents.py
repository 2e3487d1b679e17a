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

from bibnorm.readers._reflist import LIGATURES, repair_cork_letters

Box = tuple[float, float, float, float]  # left, bottom, right, top, as PDFium gives a character's

# The spacing accents that are also Cork letter slots, before a letter.
_CORK_ACCENT = re.compile(r"[´¨¸¯](?=[^\W\d_])")
_DOTLESS = {"ı": "i", "ȷ": "j"}  # TeX puts an accent on the dotless i and j


def join_overlaid_accents(text: str, start: int, box: Callable[[int], Box]) -> str:
    """``text`` (characters ``start`` … of a page) with each accent that sits over the next letter
    joined to it ("H¨ubner" → "Hübner"), where Unicode has the accented letter; ``box`` gives a
    character's box by its index on the page. An accent PDFium gives later in the line, over a
    letter before it ("Myllyla, ¨" in two columns), is joined to that letter too."""
    if text.isascii():
        return text
    text = _join_accents_after(text, start, box)
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


def _join_accents_after(text: str, start: int, box: Callable[[int], Box]) -> str:
    """``text`` with each accent that follows no letter it sits over joined to the letter before
    it that it sits over (its middle within the letter's width, its foot at or above the letter's
    top), where Unicode has the accented letter."""
    chars = list(text)
    for at, char in enumerate(text):
        if char not in _ACCENTS or (at + 1 < len(text) and _over(box(start + at), box(start + at + 1))):
            continue
        accent = box(start + at)
        for before in range(at - 1, max(at - _LOOK_BACK, -1), -1):
            letter = box(start + before)
            if chars[before].isalpha() and _over(accent, letter) and accent[1] >= letter[3] - 0.5:
                joined = unicodedata.normalize(
                    "NFC", _DOTLESS.get(chars[before], chars[before]) + _ACCENTS[char]
                )
                if len(joined) == 1:
                    chars[before], chars[at] = joined, ""
                break
    return re.sub(r"  +", " ", "".join(chars)) if "" in chars else text


_LOOK_BACK = 200  # how far back in its line an accent's letter may be


def _over(accent: Box, letter: Box) -> bool:
    """Whether the accent's middle lies within the letter's width (set over or under it)."""
    middle = (accent[0] + accent[2]) / 2
    return letter[0] <= middle <= letter[2]


# TeX sets an accent as a glyph of its own, read before its letter (a cedilla too), and PDFium
# gives the spacing accent: "T´el´eost´eens", "Sip˝ocz", "Mac´ıa", "Fran¸cois".
_ACCENTS = {"´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c",
            "˘": "\u0306", "˝": "\u030b", "˚": "\u030a", "¯": "\u0304", "˙": "\u0307", "¸": "\u0327",
            "˛": "\u0328"}  # fmt: skip
_ACCENT_BEFORE = re.compile(f"([{''.join(_ACCENTS)}])\\s?([^\\W\\d_])")


def readable_text(text: str) -> str:
    """PDFium's text of a line with ligatures as letters, accents set apart joined to their
    letter, and the Latin-1 signs a T1 font left for accented letters restored — accents first:
    "J¨oreskog" is an umlaut before its letter, not the T1 slot of "ĺ" ("Jĺoreskog")."""
    return repair_cork_letters(recompose_accents(text.translate(LIGATURES)))


def recompose_accents(text: str) -> str:
    """Spacing accents set apart from their letter joined to it ("G´orski" → "Górski"), where
    Unicode has the accented letter; any other stays as it was."""

    def join(letter: str, combining: str, whole: str) -> str:
        letter = {"ı": "i", "ȷ": "j"}.get(letter, letter)  # TeX's dotless i under an accent
        joined = unicodedata.normalize("NFC", letter + combining)
        return joined if len(joined) == 1 else whole

    return _ACCENT_BEFORE.sub(lambda m: join(m.group(2), _ACCENTS[m.group(1)], m.group(0)), text)
