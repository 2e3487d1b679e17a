"""Which reading of a reference's fields the reader keeps (`bibnorm.readers._field_choice`): the
tagger's where the model is sure of it and doubts the rules', the rules' elsewhere; never a title
where the rules read none."""

from __future__ import annotations

import pytest
from bibnorm.readers._field_choice import RuleReading, choose_fields
from bibnorm.readers.tagger import WEIGHED_LABELS, Field, TaggedReference, tokenize

TEXT = "Zhai, X., Beyer, L.: Scaling vision transformers. In: CVPR, pp. 1–10 (2022)"
LABELS = (
    "family", "given", "family", "given", "title", "title", "title", "other", "container", "other", "pages",
    "date",
)  # fmt: skip


def tagged(sure: float = 0.99, title_marginal: float = 0.99) -> TaggedReference:
    """``TEXT`` as the model would tag it, ``sure`` of every label, and giving each title token
    the title label with probability ``title_marginal`` (the rest of the tokens 0.01)."""
    spans = tuple(tokenize(TEXT))
    tokens = tuple(TEXT[start:end] for start, end in spans)
    assert len(tokens) == len(LABELS)
    weighed = {
        label: tuple(
            (title_marginal if label == "title" else sure) if tagged_label == label else 0.01
            for tagged_label in LABELS
        )
        for label in WEIGHED_LABELS
    }
    fields = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or LABELS[index] != LABELS[start]:
            if LABELS[start] != "other":
                fields.append(Field(LABELS[start], TEXT[spans[start][0] : spans[index - 1][1]], sure))
            start = index
    return TaggedReference(TEXT, tokens, LABELS, tuple(fields), (sure,) * len(tokens), spans, weighed)


RULES = RuleReading(
    title="Scaling vision transformers", authors=("Zhai, X.", "Beyer, L."), year=2022, venue="CVPR"
)


@pytest.mark.parametrize(
    ("rules", "reading", "expected_title"),
    [
        pytest.param(RULES, tagged(), "Scaling vision transformers", id="both-agree"),
        pytest.param(
            RuleReading("Scaling vision transformers. In: CVPR", RULES.authors, 2022, "CVPR"),
            tagged(),
            "Scaling vision transformers",
            id="rules-ran-into-the-venue-the-models-title",
        ),
        pytest.param(
            RuleReading("Scaling vision transformers. In: CVPR", RULES.authors, 2022, "CVPR"),
            tagged(sure=0.6),
            "Scaling vision transformers. In: CVPR",
            id="model-unsure-the-rules-title",
        ),
        pytest.param(
            RuleReading("Beyer, L.: Scaling vision transformers", ("Zhai, X.",), 2022, None),
            tagged(),
            "Beyer, L.: Scaling vision transformers",
            id="readings-start-apart-the-rules-title",
        ),
        pytest.param(
            RuleReading("CVPR", RULES.authors, 2022, None),
            tagged(),
            "Scaling vision transformers",
            id="rules-read-the-venue-as-title-the-models",
        ),
        pytest.param(
            RuleReading("Zhai, X", RULES.authors, 2022, None),
            tagged(),
            "Zhai, X",
            id="readings-apart-on-names-the-rules-title",
        ),
        pytest.param(
            RuleReading(None, RULES.authors, 2022, "CVPR"),
            tagged(),
            None,
            id="rules-read-no-title-none-invented",
        ),
    ],
)
def test_the_title_is_the_models_where_it_is_sure_and_doubts_the_rules(
    rules: RuleReading, reading: TaggedReference, expected_title: str | None
) -> None:
    assert choose_fields(rules, reading).title == expected_title


def test_the_venue_is_the_models_where_the_rules_ran_on_the_year_where_they_read_none() -> None:
    rules = RuleReading("Scaling vision transformers", ("L. Beyer",), None, "CVPR, pp. 1–10")
    chosen = choose_fields(rules, tagged())
    assert chosen.venue == "CVPR"
    assert chosen.year == 2022
    assert chosen.authors == ("L. Beyer",)  # the authors stay the rules'
    assert (chosen.volume, chosen.pages) == (None, "1–10")
    assert chosen.confidence["title"] == pytest.approx(0.99)


def test_a_model_that_is_unsure_changes_nothing() -> None:
    rules = RuleReading("Scaling vision transformers. In: CVPR", ("L. Beyer",), 1022, "CVPR, pp. 1–10")
    chosen = choose_fields(rules, tagged(sure=0.5))
    assert (chosen.title, chosen.authors, chosen.year, chosen.venue) == (
        rules.title,
        rules.authors,
        rules.year,
        rules.venue,
    )


def test_a_venue_read_elsewhere_is_the_models_a_title_is_never_left_out() -> None:
    rules = RuleReading("Scaling vision transformers", RULES.authors, 2022, "pp. 1–10")
    reading = tagged()
    no_title = TaggedReference(
        reading.text,
        reading.tokens,
        tuple("other" if label == "title" else label for label in reading.labels),
        tuple(run for run in reading.fields if run.label != "title"),
        reading.marginals,
        reading.spans,
        {**reading.label_marginals, "title": (0.01,) * len(reading.tokens)},
    )
    chosen = choose_fields(RuleReading(rules.title, rules.authors, 2022, "1–10"), no_title)
    assert chosen.venue == "CVPR"  # the rules' "1–10" is pages; the model's venue replaces it
    assert chosen.title == "Scaling vision transformers"  # never left out: the rules' to judge


def test_a_chinese_reference_stays_the_rules() -> None:
    text = "赵耀东 (1998)。新时代的工业工程师 [M/OL]。台北：天下文化出版社。"
    reading = TaggedReference(
        text, (text,), ("title",), (Field("title", text, 0.99),), (0.99,), ((0, len(text)),)
    )
    rules = RuleReading("新时代的工业工程师", ("赵耀东",), 1998, None)
    assert choose_fields(rules, reading).title == "新时代的工业工程师"


def test_the_reader_takes_the_title_the_rules_read_from_the_venue_line_from_the_model() -> None:
    """MDPI's and ACS's layout, "Family, I.; Family, I. Title. Journal Year, Vol, Pages.": the
    rules read "Nature 2021" as the title; the reader keeps the model's, with its confidence."""
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(
        "Jumper, J.; Evans, R.; Pritzel, A. Highly Accurate Protein Structure Prediction with "
        "AlphaFold. Nature 2021, 596 (7873), 583–589.",
        "refs.txt",
    )
    assert query.title == "Highly Accurate Protein Structure Prediction with AlphaFold"
    assert (query.venue, query.year, query.volume, query.pages) == ("Nature", 2021, "596", "583–589")
    assert query.read_confidence is not None and query.read_confidence.title > 0.9
    assert query.read().confidence == query.read_confidence
