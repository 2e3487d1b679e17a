"""Abstracts are compared by their word pairs (`abstract_similarity`). The quick reading of a
plain-ASCII abstract (bytes lower-cased and split, no regex) gives exactly the pairs of the
general reading: LaTeX commands dropped, then `_fold`'s words, on every abstract of the real
records the tests carry and on texts made to trip it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from paths import API_SAMPLES, DEV_SNAPSHOT, VERIFY_DEV

from normalizer.text.titles import (
    _ABSTRACT_CHARS,
    _LATEX_COMMAND,
    _abstract_bigrams,
    _fold,
    abstract_similarity,
)


def general_reading(text: str) -> frozenset[bytes]:
    """The word pairs as the general path reads any abstract: commands dropped, words folded."""
    words = _fold(_LATEX_COMMAND.sub(" ", text[:_ABSTRACT_CHARS]))
    return frozenset(f"{first} {second}".encode() for first, second in itertools.pairwise(words))


def _abstracts(path: Path) -> list[str]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [record["abstract"] for record in records if record.get("abstract")]


CORPORA = {
    "dev-snapshot": _abstracts(DEV_SNAPSHOT),
    "arxiv-dump": _abstracts(API_SAMPLES / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"),
    "verify-world": _abstracts(VERIFY_DEV / "dev_public.world.jsonl"),
}

TRICKY = [
    "We don't use O'Brien's method; it's the authors' one.",  # apostrophes join words
    "The ell-1 norm and varepsilon-greedy, varphi and the Ell curve.",  # TeX letter names renamed
    "Tabs\tand\nline breaks\r\nand  double  spaces, (brackets) [x] {y} $z$ ^_~ #1 50% a/b a-b.",
    "UPPER CASE Words and MiXeD CaSe, 3D 4k GPT-4o v2.",
    "x" * (_ABSTRACT_CHARS - 3) + " word cut at the limit",  # the limit falls inside a word
    "Accents: Schrödinger équation, naïve café — and a dash",  # not ASCII: the general path
    "A \\emph{command} and \\'e accents with $\\alpha$ math",  # a backslash: the general path
    "'leading and trailing apostrophes' ''",
    "",
]


@pytest.mark.parametrize(
    "texts",
    [*(pytest.param(texts, id=name) for name, texts in CORPORA.items()), pytest.param(TRICKY, id="tricky")],
)
def test_every_abstract_reads_as_the_general_path_reads_it(texts: list[str]) -> None:
    assert texts
    for text in texts:
        assert _abstract_bigrams.__wrapped__(text) == general_reading(text), text[:80]


def test_an_ascii_abstract_and_its_accented_copy_are_the_same_text() -> None:
    plain = "We study the naive cafe problem and the resume of the Schrodinger equation in detail here"
    accented = "We study the naïve café problem and the résumé of the Schrödinger equation in detail here"
    assert abstract_similarity(plain, accented) == 1.0
