"""A numbered econ list draws a rule for names that repeat the previous reference's, after the
label: the text opens at the year or the editors' mark ("[57] ——— eds. (1985) Handbook …").
Such a reference's names are the previous reference's. Lines as econ-bst's econ-numbers sample
prints them (texlive-doc)."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import read_refs


@pytest.mark.parametrize(
    ("second", "authors", "title", "year"),
    [
        pytest.param("[2] eds. (1985) Handbook of International Economics, 2, Amsterdam: Elsevier.",
                     ("Jones, Ronald W", "Peter B. Kenen"), "Handbook of International Economics, 2", 1985,
                     id="editors-mark-then-year"),
        pytest.param("[2] (1986) “Trade Theory and Its Critics,” Journal of Economic Theory, 5 (1), 1–20.",
                     ("Jones, Ronald W", "Peter B. Kenen"), "Trade Theory and Its Critics", 1986,
                     id="the-year-alone"),
        pytest.param("[2] Kenen, Peter B. (1986) “Trade Theory and Its Critics,” Journal of Economic Theory, "
                     "5 (1), 1–20.", ("Kenen, Peter B",), "Trade Theory and Its Critics", 1986,
                     id="names-of-its-own"),
    ],
)  # fmt: skip
def test_a_ruled_references_names_are_the_previous_ones(
    second: str, authors: tuple[str, ...], title: str, year: int
) -> None:
    first = (
        "[1] Jones, Ronald W. and Peter B. Kenen eds. (1984) Handbook of International Economics, 1, "
        "Amsterdam: Elsevier."
    )
    third = "[3] Zhai, Xiaohua (2022) “Scaling Vision Transformers,” Journal of Vision, 22 (1), 1–9."
    queries = read_refs("\n".join([first, second, third]), "refs.txt")
    assert (queries[1].authors, queries[1].title, queries[1].year) == (authors, title, year)
