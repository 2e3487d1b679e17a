"""Matching: when a candidate is the paper the query means, and when we must abstain."""

from __future__ import annotations

import pytest
from bibnorm.config import MatchThresholds
from bibnorm.models import (
    Candidate,
    Identifiers,
    Origin,
    PartialDate,
    Person,
    Query,
    QueryKind,
    Reference,
    Status,
)
from bibnorm.resolve.matching import choose, score_candidate
from bibnorm.text.titles import only_typo_differences, title_key, title_similarity, typo_spellings

THRESHOLDS = MatchThresholds()
ABSTRACT = (
    "Attention-based neural networks such as the Vision Transformer (ViT) have recently attained "
    "state-of-the-art results on many computer vision benchmarks. Scale is a primary ingredient in "
    "attaining excellent results, therefore, understanding a model's scaling properties is a key to "
    "designing future generations effectively."
)
OTHER_ABSTRACT = (
    "We study protein folding with molecular dynamics simulations at scale and report free energy "
    "landscapes for several small proteins, comparing force fields and sampling schemes against "
    "experimental data, and release our trajectories for the community to reuse in benchmarks."
)


def query(title: str, abstract: str | None = None) -> Query:
    return Query(
        index=0, origin=Origin(path="t", line=1), kind=QueryKind.TITLE, title=title, abstract=abstract
    )


def candidate(title: str, arxiv_id: str = "2106.04560", abstract: str | None = None) -> Candidate:
    return Candidate(
        source="test",
        reference=Reference(title=title, abstract=abstract, ids=Identifiers(arxiv_id=arxiv_id)),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Scaling Vision Transformers", "scaling vision transformers", id="case"),
        pytest.param("Pre-training ViTs", "Pretraining ViTs", id="hyphen-vs-joined"),
        pytest.param("Pre-training ViTs", "Pre training ViTs", id="hyphen-vs-space"),
        pytest.param("Über Café", "Uber Cafe", id="accents"),
        pytest.param(r"M{\"u}ller's Nets", "Müller's Nets", id="latex-accent"),
        pytest.param("A  Study\n of  Nets", "A Study of Nets", id="whitespace"),
        pytest.param("Nets — a Study", "Nets - a Study", id="em-dash"),
        pytest.param("Nets: A Study.", "Nets A Study", id="punctuation"),
        pytest.param("Don’t Stop", "Don't Stop", id="curly-apostrophe"),
        pytest.param(r"$\epsilon$-greedy Q-learning", "ϵ-greedy Q-learning", id="greek-letter"),
        pytest.param(r"$\varphi$-Nets", "φ-Nets", id="tex-variant-letter"),
        pytest.param(r"the L\({}_{\mbox{1}}\)-norm", "the L₁-norm", id="dblp-math-style-command"),
        pytest.param(r"Beating the \(\sqrt{n}\) Barrier", "Beating the √n Barrier", id="math-symbol"),
        pytest.param(r"k-means{\(\vert\)}{\(\vert\)}", "k-means||", id="math-bars"),
        pytest.param(r"Beating the {\(\surd\)}n Barrier", "Beating the √n Barrier", id="math-surd"),
        pytest.param(
            r"Ebl{\mbox{$^2$}}: Lexical Acquisition", "Ebl²: Lexical Acquisition", id="math-in-text-mbox"
        ),
        pytest.param(r"for {\mbox{$\pi$}}-languages", "for π-languages", id="greek-in-text-mbox"),
        pytest.param(r"{DECIPHER}{\mbox{$^\mbox{TM}$}} System", "DECIPHER™ System", id="text-mbox-in-math"),
        pytest.param(r"The {\LaTeX} Companion", "The LaTeX Companion", id="tex-logo"),
        # Plain ASCII titles take a shorter path than LaTeX or non-ASCII ones: the same words.
        pytest.param(
            "ell-norm Varepsilon-Nets", r"$\ell$-norm $\varepsilon$-Nets", id="ascii-tex-letter-words"
        ),
        pytest.param("O'Neil's Nets", "O’Neil’s Nets", id="ascii-apostrophes"),
        pytest.param("Deep\tNets\n", "Deep Nets", id="ascii-control-whitespace"),
        pytest.param("Nets (v2) & 3D: 100%", r"Nets (v2) \& 3D: 100\%", id="ascii-vs-escaped-specials"),
    ],
)
def test_title_key_ignores_surface_differences(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


def test_identical_titles_resolve_with_full_score_and_evidence() -> None:
    decision = choose(
        query("Scaling Vision Transformers"), [candidate("Scaling Vision Transformers")], THRESHOLDS
    )
    assert decision.status is Status.RESOLVED
    assert decision.best is not None
    assert decision.best.score == 1.0
    assert decision.best.evidence.title_key_equal


@pytest.mark.parametrize(
    ("asked", "offered"),
    [
        pytest.param(
            "Scaling Vision Transformers",
            "Scaling Vision Transformers to 22 Billion Parameters",
            id="query-is-prefix-of-longer-title",
        ),
        pytest.param(
            "Scaling Vision Transformers to 22 Billion Parameters",
            "Scaling Vision Transformers",
            id="candidate-is-prefix",
        ),
        pytest.param(
            "Masked Autoencoders Are Scalable Vision Learners",
            "Masked Autoencoders Are Scalable Audio Learners",
            id="one-word-changed",
        ),
        pytest.param(
            "Language Models are Few-Shot Learners", "Language Models are Zero-Shot Learners", id="few-zero"
        ),
        pytest.param("GPT-3: Language Models", "GPT-4: Language Models", id="number-changed"),
        pytest.param("ViT-B for Segmentation", "ViT-L for Segmentation", id="short-token-changed"),
        pytest.param(
            "SwinIR: Image Restoration Using Swin Transformer",
            "Uformer: Image Restoration Using Swin Transformer",
            id="shared-subtitle-different-name",
        ),
        pytest.param(
            "Deep Residual Learning for Image Recognition",
            "Deep Residual Learning for Image Segmentation",
            id="last-word-changed",
        ),
        pytest.param("Attention Is All You Need", "Attention Is Not All You Need", id="negation-added"),
    ],
)
def test_near_misses_are_never_resolved(asked: str, offered: str) -> None:
    decision = choose(query(asked), [candidate(offered)], THRESHOLDS)
    assert decision.status is Status.UNRESOLVED
    assert decision.best is None
    assert decision.ranked[0].candidate.reference.title == offered  # kept as a reported candidate


def test_a_typo_in_a_long_word_is_tolerated() -> None:
    decision = choose(
        query("Masked Autoencoders Are Scalable Vison Learners"),
        [candidate("Masked Autoencoders Are Scalable Vision Learners")],
        THRESHOLDS,
    )
    assert decision.status is Status.RESOLVED


def test_identical_title_with_contradicting_abstract_is_not_accepted() -> None:
    decision = choose(
        query("Scaling Vision Transformers", ABSTRACT),
        [candidate("Scaling Vision Transformers", abstract=OTHER_ABSTRACT)],
        THRESHOLDS,
    )
    assert decision.status is Status.UNRESOLVED


def test_revised_title_is_accepted_when_the_abstract_confirms_it() -> None:
    decision = choose(
        query("Scaling Vision Transformers Further", ABSTRACT),
        [candidate("Scaling Vision Transformers", abstract=ABSTRACT)],
        THRESHOLDS,
    )
    assert decision.status is Status.RESOLVED
    assert decision.best is not None
    assert decision.best.evidence.abstract_similarity == 1.0


def test_the_same_title_for_two_different_papers_is_ambiguous() -> None:
    decision = choose(
        query("Attention"),
        [candidate("Attention", arxiv_id="1111.11111"), candidate("Attention", arxiv_id="2222.22222")],
        THRESHOLDS,
    )
    assert decision.status is Status.AMBIGUOUS
    assert {s.candidate.reference.ids.arxiv_id for s in decision.ranked} == {"1111.11111", "2222.22222"}


def test_the_exact_title_wins_over_a_near_miss_that_ranked_first() -> None:
    decision = choose(
        query("Scaling Vision Transformers"),
        [
            candidate("Scaling Vision Transformers to 22 Billion Parameters", arxiv_id="2302.05442"),
            candidate("Scaling Vision Transformers", arxiv_id="2106.04560"),
        ],
        THRESHOLDS,
    )
    assert decision.status is Status.RESOLVED
    assert decision.best is not None
    assert decision.best.candidate.reference.ids.arxiv_id == "2106.04560"


def test_a_candidate_found_by_identifier_needs_no_title() -> None:
    found = Candidate(source="arxiv", reference=Reference(title="Anything"), by_identifier=True)
    ask = Query(index=0, origin=Origin(path="t", line=1), kind=QueryKind.ARXIV_ID, arxiv_id="2106.04560")
    scored = score_candidate(ask, found, THRESHOLDS)
    assert scored.acceptable
    assert scored.evidence.by_identifier


def test_title_similarity_is_symmetric_and_bounded() -> None:
    a, b = "Token Turing Machines", "Neural Turing Machines"
    assert title_similarity(a, b) == title_similarity(b, a)
    assert 0.0 < title_similarity(a, b) < 1.0
    assert title_similarity("", b) == 0.0


def _fields_with_accent_commands() -> list[str]:
    from pathlib import Path

    from bibnorm.bib.bibfile import read_bibfile

    corpus = Path(__file__).parent / "corpus"
    texts = {
        field.text
        for path in sorted(corpus.rglob("*.bib"))
        for entry in read_bibfile(path).entries
        for field in entry.fields
        if "\\" in field.text
    }
    return sorted(texts)


@pytest.mark.parametrize(
    "text",
    [
        r"Donn{\'e}es bilingues pour la {TAS} fran{\c{c}}ais",
        r"Making Large-Scale Nystr{\"{o}}m Approximation Possible",
        r"Mod{\`e}les g{\'e}n{\'e}ratif et discriminant",
        r"Sch{\"u}tze and Ma{\~n}ana and Gar{\c c}on",
        r"Mart\'{\i}nez and \^{o}",
        r"!`{Q}u{\'e} maravilla! and ?`Qu{\'e}?",
        *_fields_with_accent_commands(),
    ],
)
def test_plain_text_renders_accents_as_pylatexenc_does(text: str) -> None:
    # The fast path for accent commands must be invisible: same text as the LaTeX parser's.
    from bibnorm.text.tex_math import latex_to_text
    from bibnorm.text.titles import plain_text

    expected = " ".join(latex_to_text().latex_to_text(text).split())
    assert plain_text(text) == expected


# --------------------------------------------------------------------------- authors, years, generic titles

# "Deep learning", LeCun, Bengio & Hinton, Nature 521 (2015), doi 10.1038/nature14539; and an
# arXiv preprint that happens to carry the same two-word title (other authors, other year).
NATURE = Candidate(
    source="s2",
    reference=Reference(
        title="Deep learning",
        authors=(Person(given="Yann", family="LeCun"), Person(given="Yoshua", family="Bengio"),
                 Person(given="Geoffrey", family="Hinton")),
        issued=PartialDate(year=2015),
        entry_type="article",
        venue="Nature",
        ids=Identifiers(doi="10.1038/nature14539"),
    ),
)  # fmt: skip
NAMESAKE = Candidate(
    source="arxiv",
    reference=Reference(
        title="Deep Learning",
        authors=(Person(given="Ada", family="Quinn"),),
        issued=PartialDate(year=2019, month=3),
        first_version=PartialDate(year=2019, month=3),
        ids=Identifiers(arxiv_id="1903.00001"),
    ),
)


def evidence_query(title: str, authors: tuple[str, ...] = (), year: int | None = None) -> Query:
    return query(title).model_copy(update={"author_names": authors, "year": year})


@pytest.mark.parametrize(
    ("the_query", "candidates", "status", "expected_doi_or_id"),
    [
        pytest.param(evidence_query("Deep Learning"), [NAMESAKE], Status.AMBIGUOUS, None, id="generic-alone"),
        pytest.param(
            evidence_query("Deep learning", ("LeCun", "Bengio", "Hinton"), 2015),
            [NAMESAKE, NATURE],
            Status.RESOLVED,
            "10.1038/nature14539",
            id="authors-and-year-pick-the-nature-paper",
        ),
        pytest.param(
            evidence_query("Deep learning", ("LeCun", "Bengio", "Hinton"), 2015),
            [NAMESAKE],
            Status.UNRESOLVED,
            None,
            id="never-the-namesake-preprint",
        ),
        pytest.param(
            evidence_query("Scaling Vision Transformers", ("Smith", "Jones")),
            [candidate("Scaling Vision Transformers").model_copy(
                update={"reference": candidate("Scaling Vision Transformers").reference.model_copy(
                    update={"authors": (Person(given="Xiaohua", family="Zhai"),)})})],
            Status.UNRESOLVED,
            None,
            id="authors-contradict-a-long-title",
        ),
        pytest.param(
            evidence_query("Deep Learning", year=2016),
            [NAMESAKE],
            Status.UNRESOLVED,
            None,
            id="cited-before-the-paper-existed",
        ),
        pytest.param(
            evidence_query("Deep Learning", year=2020),
            [NAMESAKE],
            Status.RESOLVED,
            "1903.00001",
            id="a-consistent-year-corroborates",
        ),
        pytest.param(evidence_query("MobileNets"), [candidate("MobileNets", "1704.04861")], Status.RESOLVED,
                     "1704.04861", id="a-coined-name-is-not-generic"),
    ],
)  # fmt: skip
def test_authors_and_years_are_evidence(
    the_query: Query, candidates: list[Candidate], status: Status, expected_doi_or_id: str | None
) -> None:
    decision = choose(the_query, candidates, THRESHOLDS)
    assert decision.status is status, decision.ranked
    if expected_doi_or_id is not None:
        assert decision.best is not None
        ids = decision.best.candidate.reference.ids
        assert expected_doi_or_id in (ids.doi, ids.arxiv_id)


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        pytest.param("Scaling Vision Transfomrers", Status.RESOLVED, id="transposed-pair"),
        pytest.param("Scaling Vison Transformers", Status.RESOLVED, id="missing-letter"),
        pytest.param("Scaling Vison Transfomrers", Status.UNRESOLVED, id="two-typos-are-too-many"),
        pytest.param("Scaling Visual Transformers", Status.UNRESOLVED, id="another-word-is-not-a-typo"),
    ],
)
def test_one_typo_per_long_word_is_tolerated(typed: str, status: Status) -> None:
    decision = choose(query(typed), [candidate("Scaling Vision Transformers")], THRESHOLDS)
    assert decision.status is status


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        pytest.param("atention", "attention", id="missing-letter"),
        pytest.param("attenttion", "attention", id="extra-letter"),
        pytest.param("attentoin", "attention", id="swapped-pair"),
        pytest.param("attemtion", "attention", id="wrong-letter"),
        pytest.param("visin", "vision", id="five-letters-is-long-enough"),
    ],
)
def test_typo_spellings_hold_the_word_a_typo_was_made_in(typed: str, meant: str) -> None:
    spellings = typo_spellings(typed)
    assert meant in spellings
    assert typed not in spellings
    # The same rule the matcher applies: every spelling offered is one it would accept.
    assert all(only_typo_differences(f"On {typed}", f"On {spelling}") for spelling in spellings)


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("visn", id="short-word"),
        pytest.param("gpt4o", id="not-only-letters"),
    ],
)
def test_short_words_and_tokens_with_digits_have_no_typo_spellings(typed: str) -> None:
    assert typo_spellings(typed) == frozenset()


def test_typo_spellings_are_never_shorter_than_a_typo_can_be() -> None:
    assert "mode" not in typo_spellings("models")  # two edits anyway, but "model" is one
    assert "model" in typo_spellings("modle") and all(len(s) >= 5 for s in typo_spellings("modle"))


def test_a_venue_in_the_table_on_both_sides_is_evidence_but_never_a_veto() -> None:
    published = Candidate(
        source="s2",
        reference=Reference(title="Layer Normalization", entry_type="article", venue="NeurIPS",
                            ids=Identifiers(arxiv_id="1607.06450")),
    )  # fmt: skip
    agreeing = evidence_query("Layer Normalization").model_copy(update={"venue": "NIPS"})
    assert choose(agreeing, [published], THRESHOLDS).status is Status.RESOLVED  # the venue corroborates
    other = evidence_query("Scaling Vision Transformers").model_copy(update={"venue": "ICML"})
    cvpr = candidate("Scaling Vision Transformers").reference.model_copy(update={"venue": "CVPR"})
    decision = choose(other, [Candidate(source="s2", reference=cvpr)], THRESHOLDS)
    assert decision.status is Status.RESOLVED
    assert decision.best is not None and decision.best.evidence.venue_agrees is False
