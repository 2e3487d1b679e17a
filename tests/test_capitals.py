"""The capitals evidence of a whole bibliography read lazily (`bibliography_evidence`) counts
every word it is asked about exactly as reading each record in full (`pool` of `evidence_for`,
`_read_prose`) does, on the real records the tests carry and on texts made to trip it; and the
quick readings under it (the possessive token pattern, the shape rule) agree with their definitions
on every short string of the characters they tell apart."""

from __future__ import annotations

import json
import time
from itertools import product
from pathlib import Path

import pytest
from bibnorm.text import capitals_prose
from bibnorm.text.capitals import (
    TOKEN,
    Evidence,
    bibliography_evidence,
    evidence_for,
    needs_protection,
    pool,
)
from paths import API_SAMPLES, DEV_SNAPSHOT, VERIFY_DEV

Records = list[tuple[str, str | None]]


def _jsonl(path: Path) -> Records:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(record["title"], record.get("abstract")) for record in records]


CORPORA = {
    # 177 arXiv records of the development snapshot: titles in both cases, acronyms spelt out.
    "dev-snapshot": _jsonl(DEV_SNAPSHOT),
    # arXiv's own metadata dump, as written: line breaks inside abstracts, TeX commands, math.
    "arxiv-dump": _jsonl(API_SAMPLES / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"),
    # The verify world's 1,600 papers (Semantic Scholar's abstracts, many without one).
    "verify-world": _jsonl(VERIFY_DEV / "dev_public.world.jsonl"),
}

# Texts placed to trip a reading of every abstract as one text: an acronym left open at the end
# of one abstract and closed at the start of the next, capital runs and commas across the seam,
# line breaks, a sentence start after a comma, hyphenated names and their lower-case spellings.
SEAMS: Records = [
    ("Spiking Neural Networks for Hyena", "We train Spiking Neural Networks (SNN"),
    ("Outlooker Vision Models", "We train the Outlooker vision model (OVM"),
    ("Hyena-Mixer at Scale", ") Hyena-Mixer, Street View and Plato's cave.\nHyena works"),
    ("Street View Outlooker", "data from Street\nView, Outlooker"),
    ("The Vision Outlooker", ", Outlooker and the Vision Outlooker (VOLO) , Hyena-mixer"),
    ("hyena-mixer in sentence case with Swin", "Unlike ViT, Hyena is fast; hyena-mixer is not"),
    ("Escaping plato's cave", "$x$ Plato's cave (see \\cite{x}) https://e.org/A Plato"),
    ("No abstract at all", None),
    ("An empty abstract", ""),
]


def _every_question(reference: Evidence) -> tuple[set[str], set[str]]:
    """Every word and hyphenated token `reference` has any count of."""
    keys = set(reference.named) | set(reference.titled) | set(reference.lower) | set(reference.forms)
    return keys, set(reference.tokens) | set(reference.tokens_lower)


@pytest.mark.parametrize("at_once", [1_000, 2], ids=["chunks-of-1000", "chunks-of-2"])
@pytest.mark.parametrize(
    "records",
    [*(pytest.param(records, id=name) for name, records in CORPORA.items()), pytest.param(SEAMS, id="seams")],
)
def test_the_lazy_counts_of_every_word_are_those_of_reading_each_record(
    records: Records, at_once: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Abstracts are split a chunk at a time (`_ABSTRACTS_AT_ONCE`); with chunks of two, every
    other seam between abstracts is also one between chunks."""
    monkeypatch.setattr(capitals_prose, "_ABSTRACTS_AT_ONCE", at_once)
    reference = pool(evidence_for(title, abstract) for title, abstract in records)
    lazy = bibliography_evidence(records)
    keys, spellings = _every_question(reference)
    assert lazy.abstracts is not None  # type: ignore[attr-defined]
    lazy.abstracts.read(keys, spellings)  # type: ignore[attr-defined]
    for name in ("named", "titled", "lower", "tokens", "tokens_lower"):
        assert {k: v for k, v in getattr(lazy, name).items() if v} == dict(getattr(reference, name)), name
    assert lazy.forms == reference.forms
    assert lazy.title_names == reference.title_names


@pytest.mark.parametrize(
    "records",
    [*(pytest.param(records, id=name) for name, records in CORPORA.items()), pytest.param(SEAMS, id="seams")],
)
def test_the_lazy_evidence_decides_every_word_as_reading_each_record_does(records: Records) -> None:
    reference = pool(evidence_for(title, abstract) for title, abstract in records)
    lazy = bibliography_evidence(records)  # only the titles' words read up front; the rest when asked
    keys, spellings = _every_question(reference)
    assert {key: lazy.names(key) for key in keys} == {key: reference.names(key) for key in keys}
    for spelling in spellings | {token.title() for token in spellings}:
        assert lazy.names_token(spelling) == reference.names_token(spelling), spelling


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("Kolmogorov's theorem", ["Kolmogorov's", "theorem"], id="apostrophe-inside"),
        pytest.param("Kolmogorov\u2019s", ["Kolmogorov\u2019s"], id="typographic-apostrophe"),
        pytest.param("the authors' model", ["the", "authors", "model"], id="trailing-apostrophe"),
        pytest.param("a' b", ["a", "b"], id="one-letter-trailing-apostrophe"),
        pytest.param("a'-b", ["a", "b"], id="apostrophe-before-joiner"),
        pytest.param("'tis", ["tis"], id="leading-apostrophe"),
        pytest.param("state-of-the-art R&D", ["state-of-the-art", "R&D"], id="joiners"),
        pytest.param("Hodgkin\u2010Huxley", ["Hodgkin\u2010Huxley"], id="unicode-hyphen"),
        pytest.param("x- -y", ["x", "y"], id="dangling-joiners"),
        pytest.param("snake_case", ["snake", "case"], id="underscore-splits"),
        pytest.param("Schrödinger 3D-CNN", ["Schrödinger", "3D-CNN"], id="letters-and-digits"),
    ],
)
def test_a_token_is_letter_runs_with_inner_apostrophes_and_joiners(text: str, tokens: list[str]) -> None:
    """The same tokens on every Python the project supports: CPython before 3.11.5 read a
    possessive `(?:'x++)*+` wrongly and kept the apostrophe of "a' b"."""
    assert TOKEN.findall(text) == tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("a'" * 300_000 + "!", 1, id="apostrophes"),
        pytest.param("a-" * 300_000 + "!", 1, id="joiners"),
        pytest.param("a'-" * 200_000, 200_000, id="apostrophes-before-joiners"),
        pytest.param("ab" * 300_000 + "'", 1, id="one-run"),
    ],
)
def test_the_tokenizer_is_linear_on_long_adversarial_text(text: str, tokens: int) -> None:
    """600,000 characters each: at one step a character, well under a second; a pattern that
    tried each start again to the end would take hours."""
    started = time.process_time()
    assert len(TOKEN.findall(text)) == tokens
    assert time.process_time() - started < 10


def test_the_shape_rule_reads_every_kind_of_character_as_its_definition_does() -> None:
    """`needs_protection`'s quick answers (a lower-case rest, letters alone) agree with the rule
    as written, on every string of up to four characters of every case class and digits."""

    def by_definition(word: str) -> bool:
        return any(ch.isupper() for ch in word[1:]) or (
            any(ch.isdigit() for ch in word) and any(ch.isupper() for ch in word)
        )

    # Lower, upper and title case (ǅ), uncased letters (ª, 中), digits (3, ², ٣), a mark, a hyphen.
    alphabet = "aZǅª中3²٣\u0301-"
    for length in range(1, 5):
        for chars in product(alphabet, repeat=length):
            word = "".join(chars)
            assert needs_protection(word) == by_definition(word), word
