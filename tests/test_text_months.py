"""The one table of months (`bibnorm.text.months`, data in normalizer/data/months.json)."""

from __future__ import annotations

import itertools
import re

import pytest
from bibnorm.bib.formatting import MONTH_MACROS
from bibnorm.text.months import ANY_SPELLING, MONTHS, month_number


def test_the_table_holds_the_twelve_months_in_order() -> None:
    assert [month.name for month in MONTHS] == [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]  # fmt: skip
    assert MONTH_MACROS == (
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    )


def test_each_abbreviation_starts_its_month_s_name() -> None:
    for month in MONTHS:
        spellings = sorted({month.abbreviation, *month.also, month.name}, key=len)
        assert all(longer.startswith(shorter) for shorter, longer in itertools.pairwise(spellings))


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        pytest.param("Sept", True, id="sept"),
        pytest.param("September", True, id="september"),
        pytest.param("Sep", True, id="sep"),
        pytest.param("June", True, id="june"),
        pytest.param("May", True, id="may"),
        pytest.param("Septe", False, id="part-of-a-name"),
        pytest.param("jan", False, id="lower-case"),
    ],
)
def test_any_spelling_is_a_month_named_or_abbreviated(text: str, matched: bool) -> None:
    assert bool(re.fullmatch(ANY_SPELLING, text)) is matched


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param("3", 3, id="a-number"),
        pytest.param("03", 3, id="a-number-with-its-zero"),
        pytest.param("mar", 3, id="bibtex-macro"),
        pytest.param("Sept.", 9, id="an-abbreviation-with-its-stop"),
        pytest.param("2019-11-04", 11, id="iso-date"),
        pytest.param("2019/11//", 11, id="ris-date"),
        pytest.param("4 November 2019", 11, id="a-date-in-words"),
        pytest.param("2019", None, id="a-year-alone"),
        pytest.param("13", None, id="no-month-number"),
        pytest.param("Spring 2019", None, id="a-season"),
        pytest.param("", None, id="empty"),
    ],
)
def test_the_month_a_records_month_or_date_field_names(text: str, month: int | None) -> None:
    assert month_number(text) == month
