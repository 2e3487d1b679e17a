"""A reference list is typeset in one style: how well the rules fit it, read from all its items
(`bibnorm.readers._field_choice.list_fit`), informs each item's title. Where the choice made item
by item keeps few of a list's titles as the rules read them (the model doubts the rest), the
rules were not written for its style and the model's title is kept wherever it is sure of it; a
reference read alone, or a short list, keeps the choice item by item: a pasted list, a PDF's
and a ``.bbl``'s alike. The list below is in a style no rule was written for ("Family, I., Year,
Title. Venue, Volume, Pages."), whose titles the rules read as the venue or cut at a period."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bibnorm.models import Origin
from bibnorm.readers._field_choice import FITS, UNFIT, ListFit, RuleReading, choose_fields, list_fit
from bibnorm.readers._italic_titles import queries_with_italic_titles
from bibnorm.readers._reflist import Item, Layout, ReferenceList
from bibnorm.readers.bbl import read_bbl
from bibnorm.readers.refs import read_refs
from bibnorm.readers.tagger import TaggedReference
from test_field_choice import LABELS, RULES, TEXT, tagged, tagged_as

LIST = [
    "Kim, J., Li, M., Hinder, O., and Leu, P.W., 2023, Datasets and Benchmarks for Nanophotonic "
    "Structure and Parametric Design Simulations. In NeurIPS.",
    "Morris, R.A., 1989, Rendering digital type. A historical and economic view of technology. "
    "Comput. J., 32, 524–532.",
    "Beeton, B., 1982, Multi-column output format. TUGboat, 3, 28–33.",
    "Aziz, H. and Lee, B.E., 2021, Proportionally Representative Participatory Budgeting with "
    "Ordinal Preferences. In AAAI.",
    "Jacobson, D.H., 1973, Optimal Stochastic Linear Systems with Exponential Performance Criteria "
    "and their Relation to Differential Games. IEEE Transactions on Automatic Control, 18, 124–131.",
    "Walden, D., 2014, Every document brings new programming issues. TUGboat, 35, 261–268.",
    "Ford, M.L., 1990, A Widow's Work: Ann Franklin of Newport, Rhode Island. Printing History, 13, ??–??.",
    "Gupta, A., Gu, A., and Berant, J., 2022, Diagonal State Spaces are as Effective as Structured "
    "State Spaces. In NeurIPS.",
    "Cai, Y., Oikonomou, A., and Zheng, W., 2022, Finite-Time Last-Iterate Convergence for Learning "
    "in Multi-Player Games. In NeurIPS.",
    "Kernighan, B.W. and Wyk, C.J.V., 1989, Page Makeup by Postprocessing Text Formatter Output. "
    "Computing Systems, 2, 103–132.",
    "Eichner, M., Dowell, S.F., and Firese, N., 2011, Incubation period of ebola hemorrhagic virus "
    "subtype zaire. Osong Public Health and Research Perspectives.",
]
TITLES = [
    "Datasets and Benchmarks for Nanophotonic Structure and Parametric Design Simulations",
    "Rendering digital type. A historical and economic view of technology",
    "Multi-column output format",
    "Proportionally Representative Participatory Budgeting with Ordinal Preferences",
    "Optimal Stochastic Linear Systems with Exponential Performance Criteria and their Relation to "
    "Differential Games",
    "Every document brings new programming issues",
    "A Widow's Work: Ann Franklin of Newport, Rhode Island",
    "Diagonal State Spaces are as Effective as Structured State Spaces",
    "Finite-Time Last-Iterate Convergence for Learning in Multi-Player Games",
    "Page Makeup by Postprocessing Text Formatter Output",
    "Incubation period of ebola hemorrhagic virus subtype zaire",
]
# the rules cut off the first title's first sentence, and read the second's journal as its title:
# read alone, each item keeps the choice made item by item, the model's whole title for both
# (`_head_cut_off_after_the_date`: the words between the names' date and a title are the title's)
ALONE = {
    1: "Rendering digital type. A historical and economic view of technology",
    10: "Incubation period of ebola hemorrhagic virus subtype zaire",
}
# an item's title as the rules read it and as the choice made item by item kept it: the same,
# and the model's where the rules read the venue as the title
KEPT = ("Scaling vision transformers", "Scaling vision transformers")
DOUBTED = ("CVPR", "Scaling vision transformers")
UNFIT_TITLES = ListFit(title=0.0)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        pytest.param([KEPT] * 10, 1.0, id="every-rules-title-kept"),
        pytest.param([KEPT, *[DOUBTED] * 9], 0.1, id="one-of-ten-kept"),
        pytest.param([DOUBTED] * 9, 1.0, id="fewer-than-ten-items-fit"),
        pytest.param([(None, None)] * 10, 1.0, id="none-read-none-kept"),
        pytest.param(
            [("Scaling Vision Transformers.", "scaling vision transformers")] * 10,
            1.0,
            id="case-and-punctuation-aside",
        ),
        pytest.param(
            [("Copyflow: procedures for composition", "Copyflow: procedures for composition[M")] * 10,
            1.0,
            id="gbt-kind-of-work-mark-aside",
        ),
    ],
)
def test_the_fit_is_the_share_of_the_rules_titles_kept_item_by_item(
    titles: list[tuple[str | None, str | None]], expected: float
) -> None:
    assert list_fit(titles).title == pytest.approx(expected)


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


def test_a_pasted_list_in_a_style_the_rules_do_not_fit_reads_the_models_titles() -> None:
    assert [query.title for query in read_refs("\n\n".join(LIST), "refs.txt")] == TITLES


def test_a_pasted_lists_items_are_tagged_together_once_though_the_list_is_read_twice(
    tag_many_calls: list[tuple[list[str], bool]],
) -> None:
    assert [query.title for query in read_refs("\n\n".join(LIST), "refs.txt")] == TITLES
    assert tag_many_calls == [(LIST, True)]  # the items as printed, weighed: the rules' unfit list read again


@pytest.mark.parametrize(("at", "expected"), ALONE.items())
def test_a_reference_read_alone_keeps_the_choice_item_by_item(at: int, expected: str) -> None:
    assert read_refs(LIST[at], "refs.txt")[0].title == expected


def test_a_pdfs_list_in_a_style_the_rules_do_not_fit_reads_the_models_titles() -> None:
    references = ReferenceList(Layout.NUMBERED, [Item(at, text, str(at)) for at, text in enumerate(LIST, 1)])
    queries = queries_with_italic_titles(
        references, [() for _ in LIST], lambda line: Origin(path="x.pdf", line=line)
    )
    assert [query.title for query in queries] == TITLES


def _bbl(items: list[str]) -> str:
    entries = "".join(f"\\bibitem{{key{at}}}\n{text}\n\n" for at, text in enumerate(items))
    return f"\\begin{{thebibliography}}{{9}}\n{entries}\\end{{thebibliography}}\n"


def test_a_bbl_list_in_a_style_the_rules_do_not_fit_reads_the_models_titles() -> None:
    assert [query.title for query in read_bbl(_bbl(LIST), "x.bbl")] == TITLES
    assert read_bbl(_bbl(LIST[1:2]), "x.bbl")[0].title == ALONE[1]


# A list the rules fit less than well (`ListFit.doubted`): the title's learned choice takes the
# model's title at a lower threshold (`UNFIT["overrule"]`). Its weights are data; a stand-in
# answers as the weights would where they give the model's title between that threshold and
# their own: the model's title at the lower threshold, the title kept at their own.
DOUBTED_LIST = ListFit(title=UNFIT["doubted"] - 0.05)
# the rules ran the title on into the venue's lead (not its "In:" and name, which no title holds),
# and the model, sure of its own title but not of the words after it ("In: CVPR,"), does not doubt
# theirs enough for the choice made item by item to leave it
RUN_ON = RuleReading("Scaling vision transformers. In", RULES.authors, 2022, None)
NOT_DOUBTING = 0.05  # the probability the model gives the rules' reading: above `SURE["title-doubted"]`
UNSURE_AFTER_THE_TITLE = 0.6  # the model's marginal of each word after its title


def run_on_reading() -> TaggedReference:
    reading = tagged_as(TEXT, LABELS, doubt=NOT_DOUBTING)
    after = reading.run_of("title").stop
    marginals = tuple(
        UNSURE_AFTER_THE_TITLE if after <= index < after + 2 else marginal
        for index, marginal in enumerate(reading.marginals)
    )
    return replace(reading, marginals=marginals)


def test_a_list_the_rules_fit_less_than_well_is_doubted_and_read_again() -> None:
    assert ListFit(title=UNFIT["doubted"] - 0.01).doubted
    assert not ListFit(title=UNFIT["doubted"]).doubted
    assert ListFit(title=UNFIT["title"] - 0.01).doubted  # an unfit list is doubted too
    assert not FITS.doubted


@pytest.fixture
def learned_choice(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The title's learned choice, standing in for its weights: the first of the returned list
    (the model's title unless a test sets another) where asked at `UNFIT["overrule"]`, the title
    kept at its own threshold."""
    overruled: list[str | None] = []

    def choice(tagged: object, kept: str | None, *_: object, overrule: float | None = None) -> str | None:
        return overruled[0] if overruled and overrule == UNFIT["overrule"] else kept

    monkeypatch.setattr("bibnorm.readers._field_choice.overruled_title", choice)
    return overruled


@pytest.mark.parametrize(
    ("rules", "fit", "overruled", "expected_title"),
    [
        pytest.param(
            RUN_ON, FITS, "Scaling vision transformers", RUN_ON.title, id="a-fitting-list-keeps-its-own"
        ),
        pytest.param(
            RUN_ON,
            DOUBTED_LIST,
            "Scaling vision transformers",
            "Scaling vision transformers",
            id="doubted-the-models",
        ),
        pytest.param(RUN_ON, DOUBTED_LIST, None, RUN_ON.title, id="doubted-never-none"),
        pytest.param(
            RuleReading("Beyer, L.: Scaling vision transformers", ("Zhai, X.",), 2022, "CVPR"),
            DOUBTED_LIST,
            "Scaling vision transformers",
            "Beyer, L.: Scaling vision transformers",
            id="doubted-not-a-models-title-starting-after-the-one-kept",
        ),
    ],
)
def test_a_doubted_lists_learned_choice_takes_the_models_title_at_a_lower_threshold(
    learned_choice: list[str | None],
    rules: RuleReading,
    fit: ListFit,
    overruled: str | None,
    expected_title: str,
) -> None:
    learned_choice.append(overruled)
    assert choose_fields(rules, run_on_reading(), fit=fit).title == expected_title


def test_a_doubted_lists_title_glued_to_a_link_stays_whole(learned_choice: list[str | None]) -> None:
    text = "Broad Institute Genomespace portal:[[http://www.genomespace.org]]."
    reading = tagged_as(text, ("title", "title", "title", "url"), doubt=NOT_DOUBTING)
    learned_choice.append("Broad Institute Genomespace")  # the model's title, its last word left to the link
    rules = RuleReading("Broad Institute Genomespace portal", (), None, None)
    assert choose_fields(rules, reading, fit=DOUBTED_LIST).title == "Broad Institute Genomespace portal"
