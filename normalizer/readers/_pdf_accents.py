"""Accents TeX sets over a letter as a glyph of their own.

With OT1, LaTeX's default font encoding, ``\\'e`` and ``\\"u`` are an accent glyph placed over
the letter that follows it, and PDFium reads the spacing accent: "H¨ubner", "G´orski". Four of
those accents (´ ¨ ¸ ¯) are also Latin-1 signs that stand for accented letters when a T1 font
lacks a Unicode map (the Cork slots 0xA8 ĺ, 0xB4 ť, 0xB8 ş, 0xAF Ż: `_reflist.repair_cork_letters`),
so the text alone cannot tell them apart. The geometry can: an accent set over a letter has its
middle above that letter, a letter of its own stands beside the next one. So with "`": a grave
accent over its letter ("\\`A" is "À"), TeX's opening quote beside the word it opens ("`Title'").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from itertools import accumulate

from bibnorm.readers._pdf_typography import ITALIC_END, ITALIC_START
from bibnorm.readers._reflist import LIGATURES, repair_cork_letters

Box = tuple[float, float, float, float]  # left, bottom, right, top, as PDFium gives a character's

# The spacing accents that are also Cork letter slots, before a letter; and the grave accent,
# which is also TeX's opening quote where a T1 font has no Unicode map ("`Title'", jmr).
_CORK_ACCENT = re.compile(r"[´¨¸¯`](?=[^\W\d_])")
_DOTLESS = {"ı": "i", "ȷ": "j"}  # TeX puts an accent on the dotless i and j
_MARKS = frozenset((ITALIC_START, ITALIC_END))


def join_overlaid_accents(text: str, start: int, box: Callable[[int], Box]) -> str:
    """``text`` (characters ``start`` … of a page, its italic runs marked: the marks are no
    characters of the page) with each accent that sits over the next letter joined to it
    ("H¨ubner" → "Hübner"), where Unicode has the accented letter; ``box`` gives a character's
    box by its index on the page."""
    if not _ANY_ACCENT.search(text):  # nothing to join or move: `_accents_in_place` keeps the order
        return text
    on_page = list(accumulate((char not in _MARKS for char in text), initial=start))  # index → page's
    order = _accents_in_place(text, lambda at: box(on_page[at]))
    text = "".join(text[at] for at in order)
    page = [on_page[at] for at in order]  # each character's index on the page, in the new order
    pieces, done = [], 0
    for match in _CORK_ACCENT.finditer(text):
        at = match.start()
        if at < done:
            continue
        if not _over(box(page[at]), box(page[at + 1])):
            if match.group() == "`":  # beside its word: TeX's opening quote, where a font has no map
                pieces += [text[done:at], "‘"]
                done = at + 1
            continue
        joined = _accented(text[at + 1], _ACCENTS[match.group()])
        if joined is not None:
            pieces += [text[done:at], joined]
            done = at + 2
    return "".join(pieces) + text[done:]


def rejoined_at_accents(
    text: str, pieces: Sequence[str], starts: Sequence[int], box: Callable[[int], Box]
) -> tuple[list[str], list[int]]:
    """PDFium's lines of a page (``pieces`` of its ``text``, from the indices ``starts``) with
    each break it made at an accent TeX raised over a capital taken back: in large type the
    accent stands so high that PDFium ends the line before it ("BIBLIOGRAF" / "´" / "IA", a
    Spanish thesis's heading; "… BIBLIOGRAF" / "´IA", its running head), and the heading naming
    the references read as none. A piece that opens with an accent set over a letter (its own
    next one, or the next piece's first) standing on the line before's baseline, just right of
    its last letter, goes on with that line; the joined piece is the page's text from the
    first piece's start, its breaks left in (each character keeps its index on the page): the
    line's text is read without them (`without_breaks`)."""
    joined: list[str] = []
    joined_starts: list[int] = []
    at = 0
    while at < len(pieces):
        end = at
        while (follows := _accent_piece(pieces, starts, end, box)) is not None:
            end = follows
        last = starts[end] + len(pieces[end])
        joined.append(text[starts[at] : last])
        joined_starts.append(starts[at])
        at = end + 1
    return joined, joined_starts


def _accent_piece(
    pieces: Sequence[str], starts: Sequence[int], at: int, box: Callable[[int], Box]
) -> int | None:
    """The last piece of those after piece ``at`` that open with an accent over a letter on its
    line (`rejoined_at_accents`): the next one, or the one after it where the next holds the
    accent alone; None when the next piece opens with no such accent."""
    if at + 1 >= len(pieces) or not any(map(_placed, pieces[at])) or pieces[at + 1][:1] not in _ACCENTS:
        return None
    alone = len(pieces[at + 1].rstrip()) == 1
    after = (pieces[at + 2] if at + 2 < len(pieces) else "") if alone else pieces[at + 1][1:]
    if not after[:1].isalpha():
        return None
    accent = starts[at + 1]
    letter = box(starts[at + 2] if alone else accent + 1)
    before = box(starts[at] + max(k for k, char in enumerate(pieces[at]) if _placed(char)))
    height = letter[3] - letter[1]
    on_line = abs(letter[1] - before[1]) <= _LINE_SHIFT * height and 0 <= letter[0] - before[2] <= height
    return (at + 2 if alone else at + 1) if on_line and _over(box(accent), letter) else None


_LINE_SHIFT = 0.2  # of a letter's height: a letter this close to another's foot stands on its line


def without_breaks(text: str) -> str:
    """A line's text without the breaks `rejoined_at_accents` left inside it."""
    return text.replace("\r\n", "")


def _accents_in_place(text: str, box: Callable[[int], Box]) -> list[int]:
    """The order of ``text``'s characters with each accent glyph PDFium read away from its letter
    put before it: a page may draw an accent after the rest of its line ("Tullmann R., …, A&A, ¨ 362",
    the umlaut standing over the "u"; "Flanagan E. ´ E., …, 2008, ´ Phys." for "É. É."). An accent
    read before a letter it does not stand over, whose middle lies within another letter of the
    line, goes before that one (with the space read after it, where one stands before it too)."""
    order = list(range(len(text)))
    beside: set[int] = set()  # the spaces PDFium read next to an accent it read away
    for at, char in enumerate(text):
        letter = _letter_away(text, at, box) if char in _ACCENTS else None
        if letter is None:
            continue
        moved = [at]
        if 0 < at < len(text) - 1 and text[at - 1] == text[at + 1] == " ":
            moved.append(at + 1)  # "A&A, ¨ 362": the space read after the accent goes with it
        beside.update(_spaces_beside(text, at) - set(moved))
        order = [k for k in order if k not in moved]
        where = order.index(letter)
        order[where:where] = [at]
    return [k for at, k in enumerate(order) if k not in beside or _word_space(text, order, at, box)]


def _spaces_beside(text: str, at: int) -> set[int]:
    """The spaces either side of the character at ``at``."""
    return {k for k in (at - 1, at + 1) if 0 <= k < len(text) and text[k] == " "}


def _word_space(text: str, order: list[int], at: int, box: Callable[[int], Box]) -> bool:
    """Whether the space at ``order[at]`` stands between two words: the characters either side
    of it in the new order stand apart by a word's space. PDFium puts a space where the pen goes
    back to draw an accent and on again ("Tut¨ unc ¨ u¨" for "Tütüncü", its letters a kern
    apart): none stands there once the accent is over its letter."""
    before = next((order[k] for k in range(at - 1, -1, -1) if _placed(text[order[k]])), None)
    after = next((order[k] for k in range(at + 1, len(order)) if _placed(text[order[k]])), None)
    if before is None or after is None:
        return True
    left, right = box(before), box(after)
    return right[0] - left[2] >= _WORD_SPACE * (left[3] - left[1])


_WORD_SPACE = 0.25  # of a letter's height: the least space between two words (a kern is less)


def _placed(char: str) -> bool:
    """A character that stands on the line beside the others: no space, accent or italic mark."""
    return char != " " and char not in _ACCENTS and char not in _MARKS


def _letter_away(text: str, at: int, box: Callable[[int], Box]) -> int | None:
    """The letter the accent at ``at`` stands over when PDFium read it away from that letter; None
    when the letter after it is its own (before its letter, as TeX sets it) or none of the line's is."""
    accent = box(at)
    follows = next((k for k in range(at + 1, min(at + 3, len(text))) if text[k].isalpha()), None)
    if follows is not None and _over(accent, box(follows)):
        return None
    return next(
        (k for k, other in enumerate(text) if k != at and other.isalpha() and _over(accent, box(k))),
        None,
    )


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
_ANY_ACCENT = re.compile(f"[{''.join(_ACCENTS)}]")  # every `_CORK_ACCENT` sign is one of them


def readable_text(text: str) -> str:
    """PDFium's text of a line with ligatures as letters, accents set apart joined to their
    letter, and the Latin-1 signs a T1 font left for accented letters restored — accents first:
    "J¨oreskog" is an umlaut before its letter, not the T1 slot of "ĺ" ("Jĺoreskog"). A line
    is one line: a break PDFium leaves inside it ("Microsoft Word\rR" for "Word®") is a space."""
    return repair_cork_letters(recompose_accents(text.translate(LIGATURES))).translate(_BREAKS)


# What `str.splitlines` takes for a line's end, left inside one line of the page.
_BREAKS = str.maketrans(dict.fromkeys("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def recompose_accents(text: str) -> str:
    """Spacing accents set apart from their letter joined to it ("G´orski" → "Górski"), where
    Unicode has the accented letter; any other stays as it was."""
    return _ACCENT_BEFORE.sub(lambda m: _accented(m.group(2), _ACCENTS[m.group(1)]) or m.group(), text)


def _accented(letter: str, combining: str) -> str | None:
    """The ``letter`` (TeX's dotless i or j: the dotted one) with the ``combining`` accent, where
    Unicode has that as one character; else None."""
    joined = unicodedata.normalize("NFC", _DOTLESS.get(letter, letter) + combining)
    return joined if len(joined) == 1 else None
