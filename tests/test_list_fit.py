"""A reference list is typeset in one style: how well the rules fit it, read from all its items
(`bibnorm.readers._field_choice.list_fit`), informs each item's title. Where the choice made item
by item keeps few of a list's titles as the rules read them (the model doubts the rest), the
rules were not written for its style and the model's title is kept wherever it is sure of it; a
reference read alone, or a short list, keeps the choice item by item."""

from __future__ import annotations

import pytest
from bibnorm.readers._field_choice import FITS, UNFIT, ListFit, RuleReading, choose_fields, list_fit
from test_field_choice import RULES, tagged, tagged_as

# a title the choice keeps as the rules read it (the model's alike), and one it does not (the
# rules read the venue as the title, which the model doubts)
KEPT = (RULES, tagged())
DOUBTED = (RuleReading("CVPR", RULES.authors, 2022, None), tagged())
UNFIT_TITLES = ListFit(title=0.0)


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        pytest.param([KEPT] * 10, 1.0, id="every-rules-title-kept"),
        pytest.param([KEPT, *[DOUBTED] * 9], 0.1, id="one-of-ten-kept"),
        pytest.param([DOUBTED] * 9, 1.0, id="fewer-than-ten-items-fit"),
        pytest.param(
            [(RuleReading(None, (), None, None), tagged_as("1990. 12.", ("date", "volume")))] * 10,
            1.0,
            id="neither-reads-a-title-none-kept",
        ),
        pytest.param(
            [
                (
                    RuleReading("Copyflow: procedures for composition", (), 1979, None),
                    tagged_as(
                        "Kunkel G Z. 1979. Copyflow: procedures for composition[M]. Arlington",
                        ("family", "given", "given", "date", *["title"] * 4, "place"),
                    ),
                )
            ]
            * 10,
            1.0,
            id="gbt-kind-of-work-mark-aside",
        ),
    ],
)
def test_the_fit_is_the_share_of_the_rules_titles_kept_item_by_item(
    readings: list[tuple[RuleReading, object]], expected: float
) -> None:
    assert list_fit(readings).title == pytest.approx(expected)  # type: ignore[arg-type]


def test_a_list_under_the_threshold_is_unfit_one_over_fits() -> None:
    assert ListFit(title=UNFIT["title"] - 0.01).unfit
    assert not ListFit(title=UNFIT["title"]).unfit
    assert not FITS.unfit


@pytest.mark.parametrize(
    ("rules", "reading", "fit", "expected_title"),
    [
        pytest.param(
            RuleReading("Scaling vision", RULES.authors, 2022, "CVPR"),
            tagged(),
            FITS,
            "Scaling vision",
            id="fit-a-title-cut-short-stays-the-rules",
        ),
        pytest.param(
            RuleReading("Scaling vision", RULES.authors, 2022, "CVPR"),
            tagged(),
            UNFIT_TITLES,
            "Scaling vision transformers",
            id="unfit-a-title-cut-short-the-models",
        ),
        pytest.param(
            RuleReading("Scaling vision", RULES.authors, 2022, "CVPR"),
            tagged(sure=UNFIT["title-sure"] - 0.05),
            UNFIT_TITLES,
            "Scaling vision",
            id="unfit-the-model-unsure-the-rules",
        ),
        pytest.param(
            RuleReading("Scaling vision", RULES.authors, 2022, "CVPR"),
            tagged(sure=0.85),
            UNFIT_TITLES,
            "Scaling vision",
            id="unfit-the-model-sure-but-not-doubting-the-rules-the-rules",
        ),
    ],
)
def test_an_unfit_lists_title_is_the_models_where_it_is_sure(
    rules: RuleReading, reading: object, fit: ListFit, expected_title: str | None
) -> None:
    assert choose_fields(rules, reading, fit=fit).title == expected_title  # type: ignore[arg-type]


def test_a_quoted_title_the_model_runs_past_stays_in_an_unfit_list() -> None:
    text = "Oman, P. W., “Typographic Style is More than Cosmetic” Communications 1990."
    labels = ("family", "given", "given", *["title"] * 7, "date")
    rules = RuleReading("Typographic Style is More than Cosmetic", ("Oman, P. W.",), 1990, None)
    chosen = choose_fields(rules, tagged_as(text, labels), fit=UNFIT_TITLES)
    assert chosen.title == "Typographic Style is More than Cosmetic"
