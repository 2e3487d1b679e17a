"""A page's footnotes under a one-column reference list (small type at the page's foot, each
opening with its mark) are no part of the reference above them (`_list_edges.column_footnotes`).
Lines as PDFium gives them for biblatex-nature's and biblatex-science's own documents (list in
9.96 pt, footnotes in 5.98 pt)."""

from __future__ import annotations

import pytest
from bibnorm.readers._list_edges import column_footnotes
from bibnorm.readers.pdf import PdfLine
from pdf_lines import read_lines


def _line(text: str, size: float = 9.96, *, indent: float = 0.0, page: int = 1) -> PdfLine:
    return PdfLine(page=page, column=0, left=150.0 + indent, size=size, text=text, indent=indent)


_NATURE_PAGE = [
    _line("5. Augustine, R. L. Heterogeneous Catalysis for the Synthetic Chemist (Marcel"),
    _line("Dekker, New York, 1995).", indent=17.0),
    _line("6. Booth, G. & Chatt, J. The reactions of carbon monoxide and nitric oxide with"),
    _line("tertiary phosphine complexes of iron(II), cobalt(II), and nickel(II). J. Chem.", indent=17.0),
    _line("Soc., 2099–2106 (1962).", indent=17.0),
    _line("∗This file describes v1.3d, last revised 2020/12/30.", 5.98, indent=6.0),
    _line("†E-mail: joseph.wright@morningstar2.co.uk", 5.98, indent=6.0),
    _line("7. CORINA: Generation of 3D coordinates http://www.molecular-networks.", page=2),
    _line("com/software/corina/index.html (2006).", indent=17.0, page=2),
]


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        pytest.param(_NATURE_PAGE, {5, 6}, id="marked-small-type-at-the-foot"),
        pytest.param([*_NATURE_PAGE[:5], _line("∗ This line is in the list's type.")], set(),
                     id="in-the-lists-type-no-footnote"),
        pytest.param([_line("∗This file describes v1.2.", 5.98), *_NATURE_PAGE[:5]], set(),
                     id="not-at-the-pages-foot"),
    ],
)  # fmt: skip
def test_a_pages_footnotes(lines: list[PdfLine], found: set[int]) -> None:
    assert column_footnotes(lines, 9.96) == found


def test_footnotes_do_not_run_on_from_the_reference_above() -> None:
    queries = read_lines(_NATURE_PAGE)
    booth = next(query for query in queries if "Booth" in query.raw)
    assert booth.raw.endswith("Soc., 2099–2106 (1962).")
    assert booth.title == (
        "The reactions of carbon monoxide and nitric oxide with tertiary phosphine complexes "
        "of iron(II), cobalt(II), and nickel(II)"
    )
