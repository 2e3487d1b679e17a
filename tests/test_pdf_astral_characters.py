"""A character beyond Unicode's Basic Multilingual Plane — the math italic "𝜋" (U+1D70B) that
the ACM class's fonts map a ``$\\pi$`` to — is one character of Python's text but two of PDFium's
page (its UTF-16 surrogates): the lines after it must still be read at their own place on the page,
not one character off (the reference holding it, or the rest of its column, was lost).

The document maps Computer Modern's math italic pi to U+1D70B as acmart's fonts do, so that it
builds with the packages .ci/debian-packages.txt installs (acmart itself needs texlive-latex-extra
and texlive-fonts-extra)."""

from __future__ import annotations

from pathlib import Path

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
