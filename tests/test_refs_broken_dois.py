"""A DOI broken inside a line with a space after a hyphen, a colon or a bracketed issue is read
whole, and one still cut there is not read at all (never a truncated DOI). References as
biblatex-nature and natbib's unsrtnat print them, setting real third-party .bib files."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference

_HELED = (
    "Heled, J. & Drummond, A. J. Bayesian inference of population size history from multiple loci. "
    "BMC Evolutionary Biology 8, 289. issn: 1471-2148. https://doi.org/10.1186/1471- 2148- 8- 289 "
    "(Oct. 23, 2008)."
)
_FRANZ = (
    "Silvio Franz and Giorgio Parisi. Recipes for metastable states in spin glasses. Journal de "
    "Physique I, 5(11):1401–1415, 1995. doi: 10.1051/jp1: 1995201."
)
_COOPER = (
    "Gregory F. Cooper. The computational complexity of probabilistic inference. Artificial "
    "Intelligence, 42(2–3):393–405, 1990. doi: 10.1016/0004-3702(90)90060-d. URL "
    "https://doi.org/10.1016/0004-3702(90) 90060-d."
)


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        pytest.param(_HELED, "10.1186/1471-2148-8-289", id="biblatex-link-at-hyphens"),
        pytest.param(_FRANZ, "10.1051/jp1:1995201", id="natbib-at-a-colon"),
        pytest.param(_COOPER, "10.1016/0004-3702(90)90060-d", id="after-a-bracketed-issue"),
        pytest.param("A. Name. A title of some length. Journal 5, 1–9, 2001. doi: 10.1234/abc- Title words.",
                     None, id="cut-at-a-hyphen-is-none"),
    ],
)  # fmt: skip
def test_a_doi_broken_inside_a_line(text: str, doi: str | None) -> None:
    assert parse_reference(text).doi == doi
