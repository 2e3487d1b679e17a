"""A link set in a font PDFium reads letter by letter comes out spaced ("https : / / en .
wikipedia . org / wiki / Delaunay _ triangulation"), or spaced at its slashes ("https://
spectrum.ieee.org/ what-is-deepfake"). It is read as one link: written whole, up to the first
piece that goes on as no link does, so that it is no part of the title before it. A link to a DOI
or an arXiv id is left as printed: the identifier is read by its own rules, never from a link
whose end is a guess."""

from __future__ import annotations

import pytest
from bibnorm.readers._ref_ids import joined_links
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        pytest.param(
            "Delaunay triangulation. https : / / en . wikipedia . org / wiki / Delaunay _ triangulation. "
            "[Online, 29.04.2021].",
            "Delaunay triangulation. https://en.wikipedia.org/wiki/Delaunay_triangulation. "
            "[Online, 29.04.2021].",
            id="spaced-letter-by-letter",
        ),
        pytest.param(
            "Sally Adee. What Are Deepfakes and How Are They Created? https:// spectrum.ieee.org/ "
            "what-is-deepfake. [Online, 29.04.2020].",
            "Sally Adee. What Are Deepfakes and How Are They Created? https://spectrum.ieee.org/"
            "what-is-deepfake. [Online, 29.04.2020].",
            id="spaced-at-slashes",
        ),
        pytest.param(
            "Eric Kim. Everything You Wanted to Know about the Kernel Trick. http : / / "
            "kim.net/eric- kim- net/posts/1/kernel_trick.html. 2011.",
            "Eric Kim. Everything You Wanted to Know about the Kernel Trick. "
            "http://kim.net/eric-kim-net/posts/1/kernel_trick.html. 2011.",
            id="the-year-after-is-no-part",
        ),
        pytest.param(
            "CEPLAN. (2023, marzo). Análisis del crecimiento y expansión urbana. https : / / geo . ceplan . "
            "gob. pe / uploads / Analisis crecimiento expansion urbana.pdf",
            "CEPLAN. (2023, marzo). Análisis del crecimiento y expansión urbana. "
            "https://geo.ceplan.gob.pe/uploads/Analisiscrecimientoexpansionurbana.pdf",
            id="a-file-name-with-spaces",
        ),
        pytest.param(
            "Faulkner, J. R. Horseshoe-based estimation. Biometrics 76, 677–690. https : / / onlinelibrary . "
            "wiley . com/doi/abs/10.1111/biom.13276 (2020).",
            "Faulkner, J. R. Horseshoe-based estimation. Biometrics 76, 677–690. https : / / onlinelibrary . "
            "wiley . com/doi/abs/10.1111/biom.13276 (2020).",
            id="a-doi-link-as-printed",
        ),
        pytest.param(
            "SAS. Computer Vision. https : / / www . sas . com / pl_pl/ insights/ computer-vision.html. "
            "[Online, 2021].",
            "SAS. Computer Vision. https://www.sas.com/pl_pl/insights/computer-vision.html. [Online, 2021].",
            id="the-host-after-the-scheme",
        ),
        pytest.param(
            "Apache Hadoop. https://hadoop.apache.org/ Accessed 2016.",
            "Apache Hadoop. https://hadoop.apache.org/ Accessed 2016.",
            id="a-whole-link-as-it-is",
        ),
    ],
)
def test_a_spaced_link_is_written_whole(text: str, joined: str) -> None:
    assert joined_links(text) == joined


def test_a_spaced_link_is_no_part_of_the_title() -> None:
    read = parse_reference(
        "Delaunay triangulation. https : / / en . wikipedia . org / wiki / Delaunay _ triangulation. "
        "[Online, 29.04.2021]."
    )
    assert read.title == "Delaunay triangulation"


def test_a_doi_is_not_run_into_the_next_link() -> None:
    """Two links in a row, each spaced: each is its own, and the DOI is the one they both hold."""
    read = parse_reference(
        "Faulkner, J. R., Magee, A. F., Shapiro, B. & Minin, V. N. Horseshoe-based Bayesian "
        "nonparametric estimation of effective population size trajectories. Biometrics 76, 677–690. "
        "eprint: https : //onlinelibrary.wiley.com/doi/pdf/10.1111/biom . 13276. https : / / "
        "onlinelibrary . wiley . com/doi/abs/10.1111/biom.13276 (2020)."
    )
    assert read.doi == "10.1111/biom.13276"
