"""An edited book as Science and AIP print it: the editors' names, "Ed." or "Eds.", then the
title and "(Publisher, Place, Year)". References as biblatex-science prints them."""

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
    ],
)  # fmt: skip
def test_an_edited_books_title_after_its_editors(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
