"""The boolean query language of Semantic Scholar's ``/paper/search/bulk``, for the fake.

As documented for the real endpoint (shared/reference/API-NOTES.md, [SPEC]): terms are
matched against a paper's title and abstract, English-stemmed; whitespace between terms
means AND, ``+`` is AND, ``|`` is OR, a leading ``-`` negates, ``"..."`` is a phrase,
``( )`` groups, a trailing ``*`` is a prefix. ``~N`` (fuzziness) is accepted and ignored
(the fake matches exactly, which only makes it stricter than the service).

Stemming here is deliberately crude (a plural ``s`` dropped) — enough that the fake
neither rewards nor punishes callers for the exact word forms they send. A hyphenated
term matches nothing, as API-NOTES records for the real search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

Matcher = Callable[[Sequence[Sequence[str]]], bool]  # fields (title, abstract) as token lists

_TOKEN = re.compile(r'"[^"]*"(?:~\d+)?|\(|\)|\||\+|-?[^\s()|+"]+')


def stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return [stem(word) for word in re.findall(r"[0-9a-z]+", folded)]


def parse(query: str) -> Matcher:
    """A predicate over a paper's (title, abstract) tokens; `ValueError` on bad syntax."""
    parts = _TOKEN.findall(query)
    position = 0

    def peek() -> str | None:
        return parts[position] if position < len(parts) else None

    def take() -> str:
        nonlocal position
        position += 1
        return parts[position - 1]

    def term() -> Matcher:
        part = take()
        if part == "(":
            inner = alternatives()
            if take() != ")":
                raise ValueError("unbalanced parentheses")
            return inner
        if part.startswith("-") and len(part) > 1:
            positive = _word(part[1:])
            return lambda fields: not positive(fields)
        if part.startswith('"'):
            return _phrase(tokens(re.sub(r"~\d+$", "", part).strip('"')))
        return _word(part)

    def conjunction() -> Matcher:
        items = [term()]
        while peek() not in (None, "|", ")"):
            if peek() == "+":
                take()
            items.append(term())
        return lambda fields: all(item(fields) for item in items)

    def alternatives() -> Matcher:
        items = [conjunction()]
        while peek() == "|":
            take()
            items.append(conjunction())
        return lambda fields: any(item(fields) for item in items)

    if not parts:
        raise ValueError("empty query")
    matcher = alternatives()
    if position != len(parts):
        raise ValueError("unbalanced parentheses")
    return matcher


def _word(text: str) -> Matcher:
    text = re.sub(r"~\d*$", "", text)
    if "-" in text:
        return lambda fields: False
    if text.endswith("*"):
        prefix = tokens(text[:-1])
        return lambda fields: (
            bool(prefix) and any(word.startswith(prefix[0]) for field in fields for word in field)
        )
    return _phrase(tokens(text))


def _phrase(words: list[str]) -> Matcher:
    if not words:
        return lambda fields: False
    size = len(words)

    def matches(fields: Sequence[Sequence[str]]) -> bool:
        return any(
            list(field[start : start + size]) == words
            for field in fields
            for start in range(len(field) - size + 1)
        )

    return matches
