"""A reference's DOI and arXiv id are written as printed, whole, or not at all: a DOI's rest on
the next line joined back, a closing brace left out; never an identifier cut where its line broke
or with a digit glued on."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, read_refs

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
            "10.1080/15476286.2015.1020271",
            id="digits after a break, then more: joined by Taylor & Francis's shape",
        ),
        # a link's break point after a dot, spaced (plainnat's \doi; github:dasesteves and
        # github:AdrienneEtard theses): no telling, so none rather than one cut short
        pytest.param(
            "S. C. Lin and A. K. Jha. Electronic health records. Health Affairs, 37:1128–1135, 2018."
            " doi: 10.1377/hlthaff.2017. 1658.",
            None,
            id="a number after a year part and its spaced dot",
        ),
        # biblatex-phys with DOIs (a physics report): APS's DOI ends with the article's first page,
        # a year's shape, set apart after the period where the line broke: none rather than one cut
        pytest.param(
            "R. G. Edwards and A. D. Sokal, “Generalization of the fortuin-kasteleyn-swendsen-wang "
            "representation and monte carlo algorithm”, Physical Review D 38, 2009–2012 (1988) "
            "10.1103/physrevd.38. 2009.",
            None,
            id="a first page of a year's shape after its spaced dot",
        ),
        pytest.param(
            "Letnic, M. and Dickman, C. R. (2012). Top predators. Biological Reviews. DOI: 10.1111/j.1469-"
            " 185X.2011. 00203.x.",
            None,
            id="a doi-like word after its spaced dot",
        ),
        pytest.param(
            "Cornwell, W. K. and Ackerly, D. D. (2006). A trait-based test for habitat filtering. Ecology."
            " DOI: 10.1890/0012-9658(2006)87[1465:ATTFHF]2.0.CO;2.",
            "10.1890/0012-9658(2006)87[1465:ATTFHF]2.0.CO;2",
            id="the esa's sici doi in brackets",
        ),
    ],
)
def test_the_doi_is_whole(reference: str, doi: str | None) -> None:
    assert read_refs(reference + OTHERS, "refs.txt")[0].doi == doi


@pytest.mark.parametrize(
    ("reference", "arxiv"),
    [
        pytest.param("A. Smith. A paper on things. arXiv:2106.04560v2, 2021.", "2106.04560", id="whole"),
        pytest.param("A. Smith. A paper on things. arXiv:2106.045602, 2021.", None, id="a digit glued on"),
        pytest.param(
            "A. Smith. A paper on things. arXiv:2106.0456, 2021.", None, id="cut: four digits after 1501"
        ),
    ],
)
def test_the_arxiv_id_is_whole(reference: str, arxiv: str | None) -> None:
    assert parse_reference(reference).arxiv == arxiv
