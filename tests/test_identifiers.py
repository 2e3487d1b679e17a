"""bibnorm.identifiers: arXiv ids and DOIs as users write them, in one canonical form."""

from __future__ import annotations

import pytest
from bibnorm.identifiers import (
    ArxivId,
    arxiv_id_year_month,
    canonical_doi,
    doi_in_note,
    is_new_style_arxiv_id,
    parse_arxiv_id,
)

ARXIV_CASES = [
    # new style
    pytest.param("2211.09119", ArxivId("2211.09119", None), id="bare-5-digit"),
    pytest.param("  2211.09119\n", ArxivId("2211.09119", None), id="surrounding-whitespace"),
    pytest.param("0704.0001", ArxivId("0704.0001", None), id="first-new-style-id"),
    pytest.param("1412.7847", ArxivId("1412.7847", None), id="last-4-digit-month"),
    pytest.param("1501.00001", ArxivId("1501.00001", None), id="first-5-digit-month"),
    pytest.param("2211.09119v2", ArxivId("2211.09119", 2), id="version"),
    pytest.param("1706.03762v7", ArxivId("1706.03762", 7), id="version-7"),
    pytest.param("2010.11929v12", ArxivId("2010.11929", 12), id="two-digit-version"),
    pytest.param("arXiv:2211.09119", ArxivId("2211.09119", None), id="prefix"),
    pytest.param("arXiv:2211.09119v2", ArxivId("2211.09119", 2), id="prefix-version"),
    pytest.param("ARXIV: 2211.09119", ArxivId("2211.09119", None), id="prefix-upper-space"),
    pytest.param("https://arxiv.org/abs/2211.09119", ArxivId("2211.09119", None), id="abs-url"),
    pytest.param("https://arxiv.org/abs/2211.09119v2", ArxivId("2211.09119", 2), id="abs-url-version"),
    pytest.param("https://arxiv.org/pdf/2211.09119v1.pdf", ArxivId("2211.09119", 1), id="pdf-url-suffix"),
    pytest.param("https://arxiv.org/pdf/2211.09119", ArxivId("2211.09119", None), id="pdf-url-no-suffix"),
    pytest.param("http://export.arxiv.org/abs/2211.09119", ArxivId("2211.09119", None), id="export-mirror"),
    pytest.param("arxiv.org/abs/2211.09119?context=cs#x", ArxivId("2211.09119", None), id="no-scheme-query"),
    pytest.param("https://arxiv.org/html/2211.09119v3/", ArxivId("2211.09119", 3), id="html-url-slash"),
    pytest.param("https://huggingface.co/papers/2211.09119", ArxivId("2211.09119", None), id="hf-paper-url"),
    # old style
    pytest.param("hep-th/9901001", ArxivId("hep-th/9901001", None), id="old-style"),
    pytest.param("hep-th/9901001v3", ArxivId("hep-th/9901001", 3), id="old-style-version"),
    pytest.param("arXiv:quant-ph/0201082v1", ArxivId("quant-ph/0201082", 1), id="old-style-prefix"),
    pytest.param("astro-ph/0601001", ArxivId("astro-ph/0601001", None), id="old-style-astro-ph"),
    pytest.param("math.GT/0309136", ArxivId("math/0309136", None), id="old-style-subject-class-dropped"),
    pytest.param("physics.optics/0101001", ArxivId("physics/0101001", None), id="old-style-physics-sub"),
    pytest.param("cond-mat.mes-hall/0601001v2", ArxivId("cond-mat/0601001", 2), id="old-style-hyphen-sub"),
    pytest.param("https://arxiv.org/abs/hep-th/9901001", ArxivId("hep-th/9901001", None), id="old-style-url"),
    pytest.param("hep-th/9108001", ArxivId("hep-th/9108001", None), id="old-style-first-month"),
    pytest.param("math/0703999", ArxivId("math/0703999", None), id="old-style-last-month"),
    # not ids
    pytest.param("2211.9119", None, id="too-few-digits"),
    pytest.param("1234.12345", None, id="month-34"),
    pytest.param("2213.00001", None, id="month-13"),
    pytest.param("2200.00001", None, id="month-00"),
    pytest.param("0703.0001", None, id="before-april-2007"),
    pytest.param("1412.12345", None, id="5-digits-before-2015"),
    pytest.param("1501.0001", None, id="4-digits-after-2014"),
    pytest.param("2211.00000", None, id="number-zero"),
    pytest.param("2211.091190", None, id="six-digits"),
    pytest.param("abc", None, id="word"),
    pytest.param("", None, id="empty"),
    pytest.param("arXiv:2211.09119v", None, id="dangling-v"),
    pytest.param("2211.09119v0", None, id="version-zero"),
    pytest.param("arXiv:", None, id="prefix-only"),
    pytest.param("see 2211.09119", None, id="id-inside-text"),
    pytest.param("foo-bar/9901001", None, id="unknown-archive"),
    pytest.param("hep-th/9107001", None, id="old-style-before-aug-1991"),
    pytest.param("hep-th/0704001", None, id="old-style-after-march-2007"),
    pytest.param("hep-th/9913001", None, id="old-style-month-13"),
    pytest.param("hep-th/99010011", None, id="old-style-8-digits"),
    pytest.param("https://example.org/abs/2211.09119", None, id="other-host"),
    pytest.param("10.48550/arXiv.2211.09119", None, id="doi-is-not-an-arxiv-id"),
]


@pytest.mark.parametrize(("text", "expected"), ARXIV_CASES)
def test_parse_arxiv_id(text: str, expected: ArxivId | None) -> None:
    assert parse_arxiv_id(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2211.09119", True, id="new-5"),
        pytest.param("0704.0001", True, id="new-4"),
        pytest.param("2211.09119v2", False, id="with-version"),
        pytest.param("hep-th/9901001", False, id="old-style"),
        pytest.param("1234.12345", False, id="invalid-month"),
        pytest.param("arXiv:2211.09119", False, id="prefixed"),
    ],
)
def test_is_new_style_arxiv_id(text: str, expected: bool) -> None:
    assert is_new_style_arxiv_id(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2211.09119", (2022, 11), id="new-style"),
        pytest.param("0704.0001", (2007, 4), id="first-month"),
        pytest.param("1501.00001v3", (2015, 1), id="with-version"),
        pytest.param("hep-th/9901001", (1999, 1), id="old-style-1999"),
        pytest.param("hep-th/9108001", (1991, 8), id="old-style-1991"),
        pytest.param("math.GT/0309136", (2003, 9), id="old-style-2003"),
        pytest.param("astro-ph/0601001", (2006, 1), id="old-style-2006"),
        pytest.param("1234.12345", None, id="invalid-month"),
        pytest.param("not an id", None, id="not-an-id"),
    ],
)
def test_arxiv_id_year_month(text: str, expected: tuple[int, int] | None) -> None:
    assert arxiv_id_year_month(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("10.1109/CVPR52688.2022.01167", "10.1109/CVPR52688.2022.01167", id="bare-case-kept"),
        pytest.param("doi:10.1109/CVPR52688.2022.01167", "10.1109/CVPR52688.2022.01167", id="doi-prefix"),
        pytest.param("DOI: 10.1145/3442188.3445922", "10.1145/3442188.3445922", id="doi-prefix-upper-space"),
        pytest.param(
            "https://doi.org/10.1109/CVPR52688.2022.01167", "10.1109/CVPR52688.2022.01167", id="url"
        ),
        pytest.param("http://dx.doi.org/10.1038/nature14539", "10.1038/nature14539", id="dx-url"),
        pytest.param("https://doi.org/10.1000%2Fxyz", "10.1000/xyz", id="percent-escape"),
        pytest.param("10.1038/nature14539.", "10.1038/nature14539", id="trailing-full-stop"),
        pytest.param("10.48550/ARXIV.2211.09119", "10.48550/arXiv.2211.09119", id="arxiv-datacite-upper"),
        pytest.param("10.48550/arxiv.2211.09119", "10.48550/arXiv.2211.09119", id="arxiv-datacite-lower"),
        pytest.param(
            "https://doi.org/10.48550/arXiv.math.GT/0309136", "10.48550/arXiv.math/0309136", id="arxiv-old"
        ),
        pytest.param(r"10.1007/978-3-540-27819-1\_21", "10.1007/978-3-540-27819-1_21", id="dblp-tex-escape"),
        pytest.param(r"10.1007/11503415{\_}7", "10.1007/11503415_7", id="braced-tex-escape"),
        # a .bib's braces keeping the DOI's capitals (github:dawe/schist-paper's references.bib)
        pytest.param("10.1103/{PhysRevE}.69.026113", "10.1103/PhysRevE.69.026113", id="bibtex-braces"),
        pytest.param(
            "10.1175/1520-0493(1999)127$<$2514:VASOFC$>$2.0.CO;2",
            "10.1175/1520-0493(1999)127<2514:VASOFC>2.0.CO;2",
            id="sici-angles-in-tex-math",  # a .bib's doi field (bench/pdf_heldout's gh-brhillman-proposal)
        ),
        pytest.param("10.1/x", None, id="prefix-too-short"),
        pytest.param("10.1109/", None, id="no-suffix"),
        pytest.param("11.1109/CVPR", None, id="not-10"),
        pytest.param("doi:", None, id="prefix-only"),
        pytest.param("see 10.1109/CVPR52688.2022.01167", None, id="doi-inside-text"),
        pytest.param("Attention Is All You Need", None, id="title"),
    ],
)
def test_canonical_doi(text: str, expected: str | None) -> None:
    assert canonical_doi(text) == expected


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        pytest.param("doi: 10.1109/CVPR.2016.90", "10.1109/CVPR.2016.90", id="doi-prefix"),
        pytest.param("arXiv:2106.04560 [cs.CV]; doi: 10.1000/x.", "10.1000/x", id="second-part"),
        pytest.param("https://doi.org/10.1000/x", "10.1000/x", id="link"),
        pytest.param("See the doi: 10.1000/x for details", None, id="inside-a-sentence"),
        pytest.param("cited in the intro", None, id="none"),
    ],
)
def test_doi_in_note(text: str, doi: str | None) -> None:
    assert doi_in_note(text) == doi
