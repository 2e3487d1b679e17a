"""A work that is a part of a series prints the series' title, the part's Roman numeral and its own
title ("Subaru Deep Survey. V. A Census of …"): the title is all three, not the series' title that
a sentence's end would cut it at. The references are as two theses print them (github:jesford/Thesis
756633b diss.pdf, plainnat-like; github:nityamd/Dissertation 0d36fed dissertation.pdf, APA-like)."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "E. S. Rykoff, E. Rozo, M. T. Busha, C. E. Cunha, A. Finoguenov, A. Evrard, J. Hao,"
            " B. P. Koester, A. Leauthaud, B. Nord, M. Pierre, R. Reddick, T. Sadibekova, E. S. Sheldon,"
            " and R. H. Wechsler."
            " redMaPPer. I. Algorithm and SDSS DR8 Catalog. ApJ, 785:104, Apr. 2014.",
            "redMaPPer. I. Algorithm and SDSS DR8 Catalog",
            id="plainnat",
        ),
        pytest.param(
            "Spinrad, H. & Taylor, B. J. (1971). The Stellar Content of the Nuclei of Nearby Galaxies. I."
            " M31, M32, and M81. The Astrophysical Journal, Supplement, 22, 445.",
            "The Stellar Content of the Nuclei of Nearby Galaxies. I. M31, M32, and M81",
            id="apa",
        ),
        pytest.param(
            "Bruzual A, G. (1983). Spectral evolution of galaxies. I - Early-type systems."
            " The Astrophysical Journal, 273, 105.",
            "Spectral evolution of galaxies. I - Early-type systems",
            id="a-dash-after-the-numeral",
        ),
    ],
)
def test_a_part_of_a_series_keeps_its_number_and_title(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_an_initial_after_the_title_is_no_part() -> None:
    # "I. J. Mod. Phys." opens a venue: a letter and a period after the numeral
    assert (
        parse_reference("A. Name. A title of a work. I. J. Mod. Phys. A, 12, 2001.").title
        == "A title of a work"
    )
