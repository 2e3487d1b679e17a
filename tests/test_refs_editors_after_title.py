"""A work with editors and no author: its title first, then "Ed. by" and the editors, who are
read as its names; a collection's editors after "In:" are not the work's. References as
biblatex's standard styles print them (biblatex-examples.bib set by its numeric style)."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("The New Encyclopædia Britannica. Ed. by Warren E. Preece. 15th ed. 32 vols. Chicago, "
                     "Ill.: Encyclopædia Britannica, 2003.", "The New Encyclopædia Britannica",
                     ("Warren E. Preece",), id="edited-by-after-the-title"),
        pytest.param("Gary Westfahl. “The True Frontier.” In: Space and Beyond. Ed. by Gary Westfahl. "
                     "Westport, Conn.: Greenwood, 2000, pp. 55–65.", "The True Frontier", ("Gary Westfahl",),
                     id="a-collections-editors-are-not-the-works"),
        pytest.param("The ACS Style Guide. 3rd ed. New York: Oxford University Press, 2006.",
                     "The ACS Style Guide",
                     (), id="no-editors-no-names"),
    ],
)  # fmt: skip
def test_editors_after_the_title(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
