"""The boolean query language of Semantic Scholar's ``/paper/search/bulk``, for the fake.

As documented for the real endpoint (shared/reference/API-NOTES.md, [SPEC]): terms are
matched against a paper's title and abstract, English-stemmed; whitespace between terms
means AND, ``+`` is AND, ``|`` is OR, a leading ``-`` negates, ``"..."`` is a phrase,
``( )`` groups, a trailing ``*`` is a prefix. ``~N`` (fuzziness) is accepted and ignored
(the fake matches exactly, which only makes it stricter than the service).

Stemming here is deliberately crude (a plural ``s`` dropped) — enough that the fake
neither rewards nor punishes callers for the exact word forms they send. A hyphenated
term matches nothing, as API-NOTES records for the real search.

`parse` gives a `Term` that answers for one paper (`Term.matches`) and, from an inverted
index of the papers' words, a superset of the papers that can match (`Term.candidates`),
so a fake holding 20,000 papers answers a 25-phrase query without reading them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Fields = Sequence[Sequence[str]]  # a paper's title and abstract as token lists
Postings = Mapping[str, set[int]]  # token -> positions of the papers holding it

_TOKEN = re.compile(r'"[^"]*"(?:~\d+)?|\(|\)|\||\+|-?[^\s()|+"]+')


def stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return [stem(word) for word in re.findall(r"[0-9a-z]+", folded)]


class Term:
    def matches(self, fields: Fields) -> bool:
        raise NotImplementedError

    def candidates(self, postings: Postings) -> set[int] | None:
        """Papers that may match (``None``: any paper may)."""
        raise NotImplementedError


@dataclass
class Phrase(Term):
    words: list[str]

    def matches(self, fields: Fields) -> bool:
        size = len(self.words)
        return bool(size) and any(
            list(field[start : start + size]) == self.words
            for field in fields
            for start in range(len(field) - size + 1)
        )

    def candidates(self, postings: Postings) -> set[int] | None:
        if not self.words:
            return set()
        found = set(postings.get(self.words[0], ()))
        for word in self.words[1:]:
            found &= postings.get(word, set())
        return found


@dataclass
class Prefix(Term):
    prefix: str

    def matches(self, fields: Fields) -> bool:
        return bool(self.prefix) and any(word.startswith(self.prefix) for field in fields for word in field)

    def candidates(self, postings: Postings) -> set[int] | None:
        return None


@dataclass
class Not(Term):
    term: Term

    def matches(self, fields: Fields) -> bool:
        return not self.term.matches(fields)

    def candidates(self, postings: Postings) -> set[int] | None:
        return None


@dataclass
class All(Term):
    terms: list[Term]

    def matches(self, fields: Fields) -> bool:
        return all(term.matches(fields) for term in self.terms)

    def candidates(self, postings: Postings) -> set[int] | None:
        narrowed = [found for term in self.terms if (found := term.candidates(postings)) is not None]
        return set.intersection(*narrowed) if narrowed else None


@dataclass
class Any_(Term):
    terms: list[Term]

    def matches(self, fields: Fields) -> bool:
        return any(term.matches(fields) for term in self.terms)

    def candidates(self, postings: Postings) -> set[int] | None:
        found: set[int] = set()
        for term in self.terms:
            part = term.candidates(postings)
            if part is None:
                return None
            found |= part
        return found


def parse(query: str) -> Term:
    """The query as a `Term`; `ValueError` on bad syntax."""
    parts = _TOKEN.findall(query)
    position = 0

    def peek() -> str | None:
        return parts[position] if position < len(parts) else None

    def take() -> str:
        nonlocal position
        position += 1
        return parts[position - 1]

    def term() -> Term:
        part = take()
        if part == "(":
            inner = alternatives()
            if peek() != ")":
                raise ValueError("unbalanced parentheses")
            take()
            return inner
        if part in (")", "|", "+"):
            raise ValueError(f"unexpected {part!r}")
        if part.startswith("-") and len(part) > 1:
            return Not(_word(part[1:]))
        if part.startswith('"'):
            return Phrase(tokens(re.sub(r"~\d+$", "", part).strip('"')))
        return _word(part)

    def conjunction() -> Term:
        items = [term()]
        while peek() not in (None, "|", ")"):
            if peek() == "+":
                take()
            items.append(term())
        return items[0] if len(items) == 1 else All(items)

    def alternatives() -> Term:
        items = [conjunction()]
        while peek() == "|":
            take()
            items.append(conjunction())
        return items[0] if len(items) == 1 else Any_(items)

    if not parts:
        raise ValueError("empty query")
    parsed = alternatives()
    if position != len(parts):
        raise ValueError("unbalanced parentheses")
    return parsed


def _word(text: str) -> Term:
    text = re.sub(r"~\d*$", "", text)
    if "-" in text:
        return Phrase([])  # matches nothing
    if text.endswith("*"):
        found = tokens(text[:-1])
        return Prefix(found[0] if found else "")
    return Phrase(tokens(text))
