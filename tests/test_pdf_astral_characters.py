"""A character beyond Unicode's Basic Multilingual Plane — the math italic "𝜋" (U+1D70B) that
the ACM class's fonts map a ``$\\pi$`` to — is one character of Python's text but two of PDFium's
page (its UTF-16 surrogates): the lines after it must still be read at their own place on the page,
not one character off (the reference holding it, or the rest of its column, was lost).

The document maps Computer Modern's math italic pi to U+1D70B as acmart's fonts do, so that it
builds with the packages .ci/debian-packages.txt installs (acmart itself needs texlive-latex-extra
and texlive-fonts-extra)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers import read_inputs
from clients import PDFLATEX, need, run

ACM_LIST = r"""\documentclass[twocolumn]{article}
\input{glyphtounicode}\pdfgentounicode=1
\pdfglyphtounicode{pi}{1D70B}
\begin{document}
\begin{thebibliography}{3}
\bibitem{a} Gianluigi Bellin and Philip J. Scott. 1994. On the $\pi$-calculus and Linear Logic.
\emph{Theoretical Computer Science} 135, 1 (1994).
\bibitem{b} Bernd Bra{\ss}el and Jan Christiansen. 2008. A Relation Algebraic Semantics for a Lazy
Functional Logic Language. In \emph{Relational Methods in Computer Science}.
\bibitem{c} Stephen Brookes and Shai Geva. 1992. Computational Comonads and Intensional Semantics.
In \emph{Applications of Categories in Computer Science}.
\end{thebibliography}
\end{document}
"""


def test_a_math_italic_letter_keeps_its_reference_and_the_ones_after_it(tmp_path: Path) -> None:
    need("pdflatex")
    (tmp_path / "doc.tex").write_text(ACM_LIST, encoding="utf-8")
    built = run(PDFLATEX, tmp_path)
    assert (tmp_path / "doc.pdf").exists(), built.stdout[-2000:]
    queries = read_inputs([tmp_path / "doc.pdf"])
    assert [(query.title, query.authors[0]) for query in queries] == [
        ("On the 𝜋-calculus and Linear Logic", "Gianluigi Bellin"),
        ("A Relation Algebraic Semantics for a Lazy Functional Logic Language", "Bernd Braßel"),
        ("Computational Comonads and Intensional Semantics", "Stephen Brookes"),
    ]


class _TextPage:
    """A page's text as PDFium gives it: its text (``get_text_range``) and its characters one by
    one (``FPDFText_GetUnicode``), counted apart."""

    def __init__(self, text: str, codes: list[int]) -> None:
        self.text, self.codes = text, codes

    def get_text_range(self) -> str:
        return self.text

    def count_chars(self) -> int:
        return len(self.codes)


# Elsevier's cas-dc class (github:glorl/paper, cas-dc-template.pdf, page 5): "‖𝑇𝜔𝑧 ..." after a
# line's end, each math italic counted once and left out of the page's text.
_CAS_DC_CODES = [0x68, 0xD, 0xA, 0x2016, 0x1D447, 0x1D714, 0x1D467, 0x20, 0x2E, 0x2E, 0x2E]


_HEAD_ING = [0x68, 0x65, 0x61, 0x64, 0x2, 0x69, 0x6E, 0x67]


@pytest.mark.parametrize(
    ("page", "text"),
    [
        pytest.param(
            _TextPage("h\r\n‖ ...", _CAS_DC_CODES), "h\r\n‖𝑇𝜔𝑧 ...", id="counted-once-left-out-of-the-text"
        ),
        pytest.param(_TextPage("head\ufffeing", _HEAD_ING), "head\ufffeing", id="as-long-as-the-page-kept"),
        pytest.param(_TextPage("𝜋-calculus", [0xD835, 0xDF0B, 0x2D, 0x63]), "𝜋\uffff-c", id="counted-twice"),
        pytest.param(_TextPage("a", [0x61, 0x2, 0xD835]), "a\ufffe\ufffd", id="hyphen-and-lone-surrogate"),
    ],
)
def test_the_pages_text_holds_each_character_at_its_index(
    page: _TextPage, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each character of the page's text stands at its index on the page, so that the lines after
    a character PDFium leaves out of its text are still read at their own place."""
    import pypdfium2.raw as raw
    from bibnorm.readers.pdf import _page_text

    monkeypatch.setattr(raw, "FPDFText_GetUnicode", lambda textpage, at: textpage.codes[at])
    assert _page_text(page) == text
    assert len(_page_text(page)) == page.count_chars()
