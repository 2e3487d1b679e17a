"""A reference's DOI is written as printed, whole, or not at all: the rest of it on the next line
joined back, a closing brace left out; never a DOI cut where its line broke."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import read_refs

OTHERS = "\n\nDoe J. Another paper. Cell. 2018;1:1-2.\n\nRoe R. Third paper here. Cell. 2018;1:1-2.\n"


@pytest.mark.parametrize(
    ("reference", "doi"),
    [
        pytest.param(
            "Smith J, Jones B. A paper on RNA. RNA Biol. 2015;12:1-9. doi:10.1080/15476286.2015.10\n20271",
            "10.1080/15476286.2015.1020271",
            id="broken at a line end",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. PNAS. 1976;73:3852. doi:{10.1073/pnas.73.11.3852}.",
            "10.1073/pnas.73.11.3852",
            id="a brace kept from BibTeX",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. PNAS. 1976;73:3852. doi:10.1073/pnas.73.11.3852.",
            "10.1073/pnas.73.11.3852",
            id="whole on its line",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. RNA Biol. 2015;12:1-9. doi:10.1080/15476286.2015.10\n20271."
            " Epub 2015 Mar 3.",
            None,
            id="digits after a break, then more: no telling, no DOI",
        ),
    ],
)
def test_the_doi_is_whole(reference: str, doi: str | None) -> None:
    assert read_refs(reference + OTHERS, "refs.txt")[0].doi == doi
