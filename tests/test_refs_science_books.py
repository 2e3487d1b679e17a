"""Books and online works as Science and AIP print them: an edited book's editors' names, "Ed."
or "Eds.", then the title and "(Publisher, Place, Year)"; an online work's title, then "(Year;
URL)". References as biblatex-science prints them."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("A. M. Coghill, L. Garson, Eds., The ACS Style Guide (Oxford University Press, Inc. and "
                     "The American Chemical Society, New York, ed. 3, 2006).", "The ACS Style Guide",
                     ("A. M. Coghill", "L. Garson"), id="eds-capitalised"),
        pytest.param("F. Glorius, Ed., N-Heterocyclic Carbenes in Transition Metal Catalysis (Springer, "
                     "Berlin, 2007), vol. 21.", "N-Heterocyclic Carbenes in Transition Metal Catalysis",
                     ("F. Glorius",), id="ed-capitalised"),
        pytest.param("S. J. Lancaster, Alkylation of boron trifluoride with pentafluorophenyl Grignard "
                     "reagent (2008; http://www.syntheticpages.org/pages/215).",
                     "Alkylation of boron trifluoride with pentafluorophenyl Grignard reagent",
                     ("S. J. Lancaster",), id="an-online-work"),
        pytest.param("ABSPACK, CrysAlis CCD and CrysAlis RED, version 1.171 (Oxford Diffraction Ltd., "
                     "Abingdon, United Kingdom, 2006).", "ABSPACK, CrysAlis CCD and CrysAlis RED", (),
                     id="a-programs-version-after-its-title"),
    ],
)  # fmt: skip
def test_a_books_title_after_its_names(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
