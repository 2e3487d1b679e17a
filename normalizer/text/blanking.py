"""Stretches of a text blanked out, its offsets and line numbers kept.

A reader that must not see a stretch (a comment, a code span, a link's target) but reports
where what it finds stands turns the stretch to spaces, its line breaks kept, instead of
cutting it out: every offset after it, and every line number, stays the text's own.
"""

from __future__ import annotations

import re

_NO_LINE_BREAK = re.compile(r"[^\n]")


def blanked(text: str) -> str:
    """``text`` with everything but its line breaks turned to spaces."""
    return _NO_LINE_BREAK.sub(" ", text)


def blanked_between(text: str, opening: str, closing: str) -> str:
    """Every ``opening … closing`` stretch of ``text`` blanked (an unclosed one to the end), in
    one pass: HTML's comments, ``<!-- … -->``."""
    pieces: list[str] = []
    cursor = 0
    while (start := text.find(opening, cursor)) != -1:
        end = text.find(closing, start + len(opening))
        end = len(text) if end == -1 else end + len(closing)
        pieces.extend((text[cursor:start], blanked(text[start:end])))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
