"""The one table of months (`bibnorm.text.months`, data in normalizer/data/months.json)."""

from __future__ import annotations

import itertools
import re

import pytest
from bibnorm.bib.formatting import MONTH_MACROS
from bibnorm.text.months import ANY_SPELLING, MONTHS


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
