"""The year of a reference is never the first half of a new-style arXiv id (YYMM.NNNNN), which
Vancouver prints after the year without an "arXiv:" prefix. Lines as the Vancouver template
sets real third-party .bib entries."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("Aydemir AE, Temizel A. The Effects of JPEG2000 Compression on Attacks using "
                     "Adversarial Examples. arXiv. 2018 Mar;1803.10418:1-4.", 2018, id="vancouver-5-digits"),
        pytest.param("Bojarski M, Del Testa D. End-to-End Learning for Self-Driving Cars. arXiv. "
                     "2016 Apr;1604.07316:1-9.", 2016, id="vancouver-arxiv"),
        pytest.param("Bates D, Kliegl R. Parsimonious mixed models. arXiv. 2015 Jun;1506.04967.", 2015,
                     id="vancouver-arxiv-4-digits"),
        pytest.param("Li H, Wang Q. A survey of stuff. Journal of Stuff. 2017.12.05.", 2017,
                     id="a-dotted-date-is-no-arxiv-id"),
        pytest.param("Newton I. Philosophiae Naturalis Principia Mathematica. London: Royal Society; 1687.",
                     1687, id="an-old-year"),
    ],
)  # fmt: skip
def test_the_year_is_the_works_not_an_arxiv_ids(text: str, year: int) -> None:
    assert parse_reference(text).year == year
