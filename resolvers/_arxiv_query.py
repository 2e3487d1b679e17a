"""What the arXiv resolver asks about: a title's plain-word segments (stop words aside), which
its queries are made of, and the ids it cannot ask for.

Its own module, free of the HTTP stack: an offline run that cannot ask arXiv still says which
items it would have asked about (`bibnorm.resolvers._refused`), without importing the resolver.
"""

from __future__ import annotations

import re
import unicodedata

from bibnorm.models import Problem, Severity
from bibnorm.text import titles
from bibnorm.text.word_tables import search_stop_words

SOURCE = "arxiv"

# Lucene's default English stop words: what an analyzer drops anyway (search-stop-words.json).
STOP_WORDS = search_stop_words().lucene

_MATH = re.compile(r"\$[^$]*\$|\\\(.*?\\\)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)*")
_INSIDE_SEGMENT = re.compile(r"[\s\-\u2010-\u2013/]+")


def _fold(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose or drop: most titles
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c))


def title_segments(title: str) -> list[list[str]]:
    """A title's plain-word runs, lower-case ASCII, split where the query syntax cannot follow.

    ``"ResNeSt: Split-Attention Networks"`` → ``[["resnest"], ["split", "attention",
    "networks"]]``; math, quotes, colons, parentheses, ``&`` and apostrophe words break runs.
    """
    text = _MATH.sub(" | ", titles.plain_text(title))
    text = _fold(text)
    segments: list[list[str]] = []
    current: list[str] = []
    pos = 0
    for match in _WORD.finditer(text):
        gap = text[pos : match.start()]
        pos = match.end()
        if current and not _INSIDE_SEGMENT.fullmatch(gap):
            segments.append(current)
            current = []
        word = match.group()
        if "'" in word or "\u2019" in word:
            if current:
                segments.append(current)
            current = []
            continue
        current.append(word.lower())
    if current:
        segments.append(current)
    useful = [s for s in segments if any(w not in STOP_WORDS for w in s) and len("".join(s)) > 1]
    return useful or segments


def problem(code: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    """A problem arXiv's answer (or its absence) gives an item."""
    return Problem(code=code, message=message, severity=severity, source=SOURCE)


def malformed_id(text: str) -> Problem:
    """The problem of a query whose arXiv id is not one (nothing is asked for it)."""
    return problem("arxiv.malformed_id", f"{text!r} is not an arXiv identifier")
