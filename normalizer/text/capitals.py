"""Which capitals of a title must survive styles that lower-case titles.

BibTeX styles (plain, IEEEtran, splncs04 ...) and biblatex's sentence case lower-case
every title letter outside braces except the first. A capital survives only when it is
protected, so the BibTeX writer (`normalizer.writers.latex_text.title_to_latex`) braces
what `protected_spans` returns, and ``bibnorm check`` (BN305, `unprotected_capitals`)
asks the same function what should have been braced — the two always agree.

A *token* is a run of letters and digits joined by hyphens or ``&`` (``MLP-Mixer``,
``I&S-ViT``, ``2-D``); its *parts* are the runs between those joiners. A part keeps its
capitals when the tool has evidence it is a name, never on a guess:

1. **its shape**: a capital after the first character or a digit with a capital
   (``ViT``, ``BERT``, ``mIoU``, ``3D``, ``T5``);
2. **a known name** in ``normalizer/data/proper-nouns.txt`` (people such as Turing,
   Kolmogorov, Bayes; models and methods as the papers spell them, such as Mamba,
   Swin), matched with possessive and plural endings removed (``Gaussians``);
3. **the pronoun** ``I`` (a token of its own);
4. **the paper's own abstract** (`abstract_evidence`): the word is capitalised in the
   middle of a sentence there and never written in lower case ("we build on the Swin
   Transformer"; words spelling out an acronym, "Token Turing Machines (TTM)", do not
   count), or the title itself is in sentence case and capitalises the word mid-sentence
   ("Scaling laws for Mamba models"); see `evidence_for`;
5. **its token**: a single capital letter joined to a protected part or a number
   (``DALL-E``, ``I&S-ViT``, ``2-D``).

The protected parts of a token are braced together with the numbers between them, so a
token is braced whole (``{DALL-E}``, ``{MLP-Mixer}``, ``{Kolmogorov-Arnold}``,
``{GPT-4}``) unless a lower-case word or an unprotected capitalised word splits it
(``{CLIP}-based``, ``{CLIP}-Based`` in a title-case title). Words are braced one token
at a time, so a title is never braced whole and never twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "Evidence",
    "abstract_evidence",
    "evidence_for",
    "holds_position",
    "known_names",
    "needs_protection",
    "protected_spans",
    "word_key",
]

# A token: letter/digit runs joined by hyphens (ASCII and Unicode) or "&"; apostrophes
# stay inside a part ("Kolmogorov's").
_PART = r"[^\W_]+(?:['\u2019][^\W_]+)*"
_JOINER = "-\u2010\u2011&"
TOKEN = re.compile(rf"{_PART}(?:[{_JOINER}]{_PART})*")
_PART_RE = re.compile(_PART)
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")  # words long enough to say which case a title is in


def needs_protection(word: str) -> bool:
    """Whether a word's shape says its capitals matter (rule 1).

    True for a capital after the first character (``ViT``, ``BERT``, ``ImageNet``,
    ``3D``) or a word mixing digits and capitals (``T5``).
    """
    if any(ch.isupper() for ch in word[1:]):
        return True
    return any(ch.isdigit() for ch in word) and any(ch.isupper() for ch in word)


def word_key(word: str) -> str:
    """A word compared for evidence: case-folded, without possessive and plural ``s``."""
    key = _POSSESSIVE.sub("", word).casefold()
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """The `word_key`s of the names in ``normalizer/data/proper-nouns.txt``."""
    text = resources.files("normalizer").joinpath("data", "proper-nouns.txt").read_text("utf-8")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word_key(name) for name in names if name)


class Evidence(NamedTuple):
    """What an abstract says about capitalised words (rule 4), as `word_key`s."""

    capitalised: frozenset[str] = frozenset()  # capitalised in the middle of a sentence
    lower: frozenset[str] = frozenset()  # written in lower case somewhere

    def names(self, key: str) -> bool:
        """True when the abstract treats the word as a name."""
        return key in self.capitalised and key not in self.lower


NO_EVIDENCE = Evidence()

# What an abstract holds that is not prose: URLs, TeX commands, inline math.
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\\[A-Za-z]+|\$[^$]*\$")
# Tokens, and the punctuation after which a capital says nothing (a sentence or clause
# start); commas only bound an acronym's spelling-out.
_PROSE_TOKEN = re.compile(rf"{TOKEN.pattern}|[.!?:;,()\[\]{{}}\"\u201c\u201d\u2022]|\n")
# Lower-case words a spelt-out acronym may hold without a letter of their own ("Region of Interest").
_EXPANSION_GLUE = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "a", "an", "by", "from"})


@lru_cache(maxsize=4096)
def abstract_evidence(abstract: str | None) -> Evidence:
    """Which words the abstract capitalises mid-sentence, and which it writes in lower case.

    Words that spell out an acronym ("Spiking Neural Networks (SNNs)") are not evidence:
    they are capitalised for the acronym, not because they are names.
    """
    if not abstract:
        return NO_EVIDENCE
    tokens = [m.group() for m in _PROSE_TOKEN.finditer(_NOT_PROSE.sub(" . ", abstract))]
    expansion = _acronym_expansions(tokens)
    capitalised: set[str] = set()
    lower: set[str] = set()
    start = True
    for index, token in enumerate(tokens):
        if token == ",":
            continue  # a comma ends an acronym's spelling-out, not a sentence
        if not token[0].isalnum():
            start = True
            continue
        for number, part in enumerate(_PART_RE.findall(token)):
            if part.islower():
                lower.add(word_key(part))
            elif (
                not (start and number == 0)
                and index not in expansion
                and part[0].isupper()
                and not needs_protection(part)
            ):
                capitalised.add(word_key(part))
        start = False
    return Evidence(frozenset(capitalised), frozenset(lower))


# Words that title case leaves in lower case too: they say nothing about a title's case.
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "via", "vs", "with", "is", "are", "but", "nor", "over", "per", "than", "up"}
)


def evidence_for(title: str, abstract: str | None) -> Evidence:
    """Rule 4's evidence for one record: its abstract, plus its title when in sentence case.

    A title is in sentence case when more of its words (not starting a sentence, minor
    words such as "for" aside) are lower-case than capitalised; its capitalised words are then
    names ("Brain-Score for Area V4"), whatever case the abstract writes them in.
    """
    found = abstract_evidence(abstract)
    words = _WORD.findall(title)[1:]  # the first word is capitalised in any case
    if sum(word.islower() for word in words) * 2 <= len(words):
        return found  # most words capitalised: title case, the title says nothing (fast path)
    in_title = abstract_evidence(title)
    lower = [key for key in in_title.lower if key not in _MINOR_WORDS]
    if in_title.capitalised and len(lower) > len(in_title.capitalised):
        # The title's own capitals are the paper's direct word: an abstract that also
        # writes "area" in lower case does not veto "Area V4".
        return Evidence(found.capitalised | in_title.capitalised, found.lower - in_title.capitalised)
    return found


def _acronym_expansions(tokens: list[str]) -> set[int]:
    """Indexes of the tokens that spell out a parenthesised acronym: ``... (SNNs)``.

    Going back from the parenthesis, as many capitalised word parts as the acronym has
    capitals (lower-case words such as "of" or "vision" are free; at most 15 tokens).
    """
    found: set[int] = set()
    for index in range(2, len(tokens) - 1):
        acronym = tokens[index]
        if tokens[index - 1] != "(" or ")" not in tokens[index + 1 : index + 4]:
            continue
        letters = sum(ch.isupper() for ch in acronym)
        if letters < 2:
            continue
        back = index - 2
        # Lower-case words are free ("Bilateral lOcal Attention vision Transformer (BOAT)"):
        # only capitalised parts spend a letter of the acronym.
        while back >= 0 and letters > 0 and tokens[back][0].isalnum() and index - back < 16:
            found.add(back)
            if tokens[back] not in _EXPANSION_GLUE:
                letters -= sum(1 for part in _PART_RE.findall(tokens[back]) if not part.islower()) or 0
            back -= 1
    return found


def _part_is_name(part: str, alone: bool, evidence: Evidence) -> bool:
    """Rules 1–4 for one part of a token."""
    if needs_protection(part):
        return True
    if not part[:1].isupper():
        return False
    if part == "I":
        return alone
    key = word_key(part)
    return key in known_names() or evidence.names(key)


def _token_spans(token: str, offset: int, evidence: Evidence) -> Iterable[tuple[int, int]]:
    if token.isalpha() and (token.islower() or (token[1:].islower() and token != "I")):
        # One plain word (most of any title): only a known or evidenced name is braced.
        if token[0].isupper() and (word_key(token) in known_names() or evidence.names(word_key(token))):
            yield offset, offset + len(token)
        return
    parts = [(m.start(), m.end(), m.group()) for m in _PART_RE.finditer(token)]
    alone = len(parts) == 1
    named = [_part_is_name(text, alone, evidence) for _, _, text in parts]
    if not any(named) and not any(t.isdigit() for _, _, t in parts):
        return
    # Rule 5: a single capital letter joined to a protected part or a number.
    anchored = any(named) or any(t.isdigit() for _, _, t in parts)
    keep = [
        is_named or (anchored and len(text) == 1 and text.isupper())
        for is_named, (_, _, text) in zip(named, parts, strict=True)
    ]
    # Numbers join the braces of their protected neighbours ("GPT-4", "2-D").
    numbers = [text.isdigit() for _, _, text in parts]
    run_start: int | None = None
    run_end = 0
    run_has_capital = False
    for index, (start, end, _text) in enumerate(parts):
        if keep[index] or (numbers[index] and run_start is not None):
            if run_start is None:
                run_start = start
            run_end = end
            run_has_capital = run_has_capital or keep[index]
            continue
        if numbers[index] and index + 1 < len(parts) and keep[index + 1]:
            run_start, run_end = start, end  # a number just before a protected part
            continue
        if run_start is not None and run_has_capital:
            yield offset + run_start, offset + run_end
        run_start, run_has_capital = None, False
    if run_start is not None and run_has_capital:
        yield offset + run_start, offset + run_end


def holds_position(positions: Sequence[int], start: int, end: int) -> bool:
    """Whether sorted ``positions`` has one in ``[start, end)``."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def protected_spans(
    text: str,
    evidence: Evidence = NO_EVIDENCE,
    *,
    title_start: bool = False,
    near: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """``(start, end)`` of each stretch of ``text`` (plain Unicode, no math) to brace.

    ``title_start``: ``text`` begins the title. BibTeX keeps only the title's very first
    character, so a capitalised first word after an opening quote or bracket
    (``"Why Should I Trust You?"``) is braced too, or styles print "why".
    ``near``: only tokens holding one of these (sorted) positions are looked at (``check``).
    """
    spans: list[tuple[int, int]] = []
    for number, match in enumerate(TOKEN.finditer(text)):
        if near is not None and not holds_position(near, match.start(), match.end()):
            continue
        found = list(_token_spans(match.group(), match.start(), evidence))
        if number == 0 and title_start and not found and match.start() > 0 and match.group()[0].isupper():
            found = [(match.start(), match.start() + len(_PART_RE.match(match.group()).group()))]  # type: ignore[union-attr]
        spans.extend(found)
    return spans
