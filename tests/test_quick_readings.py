"""The quick readings that matching rests on give what the general ones give, on every abstract
and title of the real records the tests carry and on texts made to trip them: an abstract's
word pairs (`abstract_similarity`; a plain-ASCII one read as bytes lower-cased and split, no
regex) and title keys made for many titles at once (`title_keys`, for a lookup's hits)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from bibnorm.text.titles import (
    _ABSTRACT_CHARS,
    _LATEX_COMMAND,
    _abstract_bigrams,
    _fold,
    abstract_similarity,
    title_key,
    title_keys,
)
from paths import API_SAMPLES, DEV_SNAPSHOT, VERIFY_DEV


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


TITLES = [
    *(
        json.loads(line)["title"]
        for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ),
    "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks",  # an apostrophe joins
    "The ell-1 Norm and an Ell Curve",  # a word title_words renames
    "Varepsilon-Greedy Exploration, Revisited",
    "Well-Tempered Cells in a Shell",  # "ell" inside words: not renamed
    "$\\ell_1$ Regularization",  # LaTeX: keyed one by one
    "Schrödinger Bridges",  # not ASCII: keyed one by one
    "A title\nwith a line break",  # the batch's separator: keyed one by one
    "",
    "!!!",
    "GPT-4o: 3D, 4K & v2",
]


@pytest.mark.parametrize(
    "titles",
    [
        pytest.param(TITLES, id="all-together"),
        pytest.param([title for title in TITLES if "ell" not in title.lower()], id="no-renamed-word"),
        *(pytest.param([title], id=f"alone-{n}") for n, title in enumerate(TITLES[-10:])),
    ],
)
def test_titles_keyed_together_get_each_its_own_key(titles: list[str]) -> None:
    assert title_keys(titles) == [title_key(title) for title in titles]
