"""A paper's braces are the same whatever other papers share the run.

The run's pooled evidence may decide only what a paper's own prose leaves open
(`bibnorm.text.capitals.paper_evidence`): whether an ordinary English word the paper capitalises
is a name or a term of its field, and every word of a paper with no prose of its own. What the
paper's own abstract and sentence-case title settle, no other paper changes.

Hyphenated capitalised compounds whose last word is a name are one name ("Temporal-Inception").
"""

from __future__ import annotations

import bibtexparser
import pytest
from bibnorm.models import PartialDate, Person, Reference
from bibnorm.readers import read_inputs
from bibnorm.text.capitals import evidence_for
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.latex_text import title_to_latex
from paths import HF_PAGES_DIR


def _reference(title: str, abstract: str | None) -> Reference:
    return Reference(
        title=title,
        abstract=abstract,
        authors=(Person(given="Ada", family="Lovelace"),),
        issued=PartialDate(year=2024),
        entry_type="misc",
    )


def _titles(references: list[tuple[str, Reference]]) -> dict[str, str]:
    text = get_writer("bibtex").write(references, WriterOptions())
    return {
        entry.key: str(entry.fields_dict["title"].value) for entry in bibtexparser.parse_string(text).entries
    }


def test_the_five_pages_papers_are_braced_alike_whole_in_halves_and_in_reverse() -> None:
    queries = read_inputs(sorted(str(p) for p in HF_PAGES_DIR.glob("*.txt")))
    references = [(f"k{n:04d}", _reference(q.title, q.abstract)) for n, q in enumerate(queries) if q.title]
    whole = _titles(references)
    halves = {**_titles(references[0::2]), **_titles(references[1::2])}
    assert len(whole) > 600
    assert {key: title for key, title in halves.items() if whole[key] != title} == {}
    assert _titles(references[::-1]) == whole


LOGIT_OWN = "We balance the logit of each class; the logit of a rare class varies more."
LOGIT_OTHER = "Our sampler draws from a Logit distribution, and the Logit keeps its scale."
TOKENIZER_OWN = "We propose the Perceptual Group Tokenizer, a model that groups pixels."
TOKENIZER_OTHER = "A Tokenizer maps pixels to tokens; our Tokenizer is small."
OUTLOOKER_OWN = "We present Outlooker, a module; the Outlooker attends locally."
OUTLOOKER_OTHER = "Each outlooker layer in our network is an outlooker of its own."
TRANSFORMER_OWN = "We adapt Transformer from language to vision, a hierarchical Transformer."
TRANSFORMER_OTHER = "A vision transformer splits images; the transformer scales, as transformers do."
HYENA_OTHER = "We propose Hyena, a subquadratic operator; Hyena matches attention."


@pytest.mark.parametrize(
    ("title", "abstract", "other_abstract", "written"),
    [
        pytest.param(
            "Balancing Logit Variation",
            LOGIT_OWN,
            LOGIT_OTHER,
            "Balancing Logit Variation",
            id="own-prose-lowers-it-the-run-cannot-brace-it",
        ),
        pytest.param(
            "Outlooker for Recognition",
            OUTLOOKER_OWN,
            OUTLOOKER_OTHER,
            "{Outlooker} for Recognition",
            id="own-prose-names-a-word-no-english-word-the-run-cannot-unbrace-it",
        ),
        pytest.param(
            "Perceptual Group Tokenizer",
            TOKENIZER_OWN,
            TOKENIZER_OTHER,
            "Perceptual Group Tokenizer",
            id="title-case-alone-says-nothing-the-run-cannot-brace-it",
        ),
        pytest.param(
            "Balancing Logit Variation",
            "We study long-tailed segmentation.",
            LOGIT_OTHER,
            "Balancing Logit Variation",
            id="own-prose-never-writes-it-the-run-cannot-brace-it",
        ),
        pytest.param(
            "Scaling Laws for Hyena Models",
            None,
            HYENA_OTHER,
            "Scaling Laws for {Hyena} Models",
            id="no-prose-of-its-own-the-run-adds-the-name",
        ),
        pytest.param(
            "A Hierarchical Transformer",
            TRANSFORMER_OWN,
            TRANSFORMER_OTHER,
            "A Hierarchical Transformer",
            id="an-english-word-it-capitalises-the-run-tells-a-term",
        ),
        pytest.param(
            "A Hierarchical Transformer",
            TRANSFORMER_OWN,
            "Our Transformer is new; the Transformer scales.",
            "A Hierarchical {Transformer}",
            id="an-english-word-it-capitalises-the-run-tells-a-name",
        ),
    ],
)
def test_the_run_decides_only_what_the_papers_own_prose_leaves_open(
    title: str, abstract: str | None, other_abstract: str, written: str
) -> None:
    paper = ("paper", _reference(title, abstract))
    other = ("other", _reference("Another Paper", other_abstract))
    assert _titles([paper, other])["paper"] == written


@pytest.mark.parametrize(
    ("title", "abstract", "written"),
    [
        pytest.param(
            "TS-LSTM and Temporal-Inception: Spatiotemporal Dynamics",
            "We examine both RNNs and Temporal-ConvNets for temporal segments, and an Inception network.",
            "{TS-LSTM} and {Temporal-Inception}: Spatiotemporal Dynamics",
            id="modifier-the-paper-capitalises-in-a-named-compound",
        ),
        pytest.param(
            "A Nonparametric Nadaraya-Watson Head",
            None,
            "A Nonparametric {Nadaraya-Watson} Head",
            id="two-names",
        ),
        pytest.param(
            "Denoising under Non-Gaussian Noise",
            "Noise that is non-Gaussian breaks the method.",
            "Denoising under Non-{Gaussian} Noise",
            id="prefix-then-name-is-not-one-name",
        ),
        pytest.param(
            "Hierarchically Decoupled Spatial-Temporal Contrast",
            None,
            "Hierarchically Decoupled Spatial-Temporal Contrast",
            id="ordinary-words-joined",
        ),
        pytest.param("Learning on Non-IID Data", None, "Learning on Non-{IID} Data", id="acronym-last"),
        pytest.param("CLIP-Based Retrieval", None, "{CLIP}-Based Retrieval", id="name-then-ordinary-word"),
        pytest.param("Learning from Chest X-Rays", None, "Learning from Chest {X}-Rays", id="letter-joined"),
    ],
)
def test_hyphenated_capitalised_compounds_are_one_name_when_their_last_word_is_one(
    title: str, abstract: str | None, written: str
) -> None:
    assert title_to_latex(title, evidence=evidence_for(title, abstract)).text == written
