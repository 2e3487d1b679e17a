"""A paper's notes set among its references (REVTeX prints the text's footnotes as numbered items
of the list): a note is no reference and is not read as one; a reference is never taken for a
note."""

from __future__ import annotations

import pytest
from bibnorm.readers._list_notes import is_note
from bibnorm.readers.pdf import PdfLine
from pdf_lines import read_lines


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # REVTeX's notes (Ciro-Taranto/fRG_paper: its PDF beside its .bbl, where they are Note1, Note2)
        pytest.param("In the static case we observed d-wave instability for T = 0.02t.", True,
                     id="we-observed"),
        pytest.param("The equation for the particle-particle channel is slightly different from the one "
                     "usually reported in fRG, see, e.g., Ref. 9. This is because we took V Λ = V Λ ↑↓↑↓.",
                     True, id="see-ref"),
        pytest.param("Note that the vertex is symmetric under the exchange in Eq. (3).", True, id="eq"),
        pytest.param("See Supplemental Material at http://link.aps.org/supplemental/10.1103/PhysRevLett.116."
                     "061102 for the derivation, which includes Refs. [40-42].", True,
                     id="supplemental-material"),
        # achemso's \\bibnote (a dissertation's chapter): a sentence of the paper, no field marks
        pytest.param("In Koopmans theorem the ith Ionization potential is approximated by the corresponding "
                     "energy eigenvalue of the canonical SCF equation −i.", True, id="a-long-sentence"),
        # a thesis's notes among its references (eraserxp/thesis: its PDF beside its .bbl)
        pytest.param("At zero electric field, there are three degenerate states corresponding to N = 1 and "
                     "MN = 0,±1. In the presence of an electric field, the degeneracy is lifted. As shown in "
                     "Ref. [20], the transition is uncoupled from the other transitions. → pages 15", True,
                     id="ref-in-brackets"),
        pytest.param("This analysis assumes that both D and J are isotropic. For molecules on an optical "
                     "lattice, the magnitude and sign of D and J depend on the angle between the direction "
                     "of the electric field and the molecular array. This may modify the properties of "
                     "biexcitons in 2D and 3D systems. → pages 31", True, id="a-paragraph-of-prose"),
        # references, however they speak
        pytest.param("Handbook of mathematical functions with formulas graphs and mathematical tables for "
                     "engineers. Dover", False, id="a-title-and-a-publisher"),
        pytest.param("The R Project for Statistical Computing and Graphics Maintained by the R Core Team.",
                     False, id="a-title-in-title-case"),
        pytest.param("Smith J. A long report on the state of the fisheries of the islands of the Pacific "
                     "ocean.", False, id="names-first"),
        pytest.param("\ue000A long book title set in italics that runs on for well over twelve words\ue001.",
                     False, id="in-italics"),
        pytest.param("J. van der Berg, Why we sleep, Penguin.", False, id="names-first-no-year"),
        pytest.param("Walker M, Why we sleep. Penguin.", False, id="vancouver-names-no-year"),
        pytest.param("What we know about neutron stars (2020), https://example.org/stars.", False,
                     id="a-year-and-a-link"),
        pytest.param("Averroes.XDes Averroës Abhandlung.XHalle:XC. A. Kaemmerer,X1892. Now we override the "
                     "default context:", False, id="a-year-run-into-a-letter"),
        pytest.param("Planck Collaboration, Our universe in numbers, Astron. Astrophys. 641, A6.", False,
                     id="a-collaboration"),
        pytest.param("Committee on the history of the region. A report on the state of the fisheries of the "
                     "islands of the Pacific ocean and of the rivers that run into it. Government printer, "
                     "Wellington.", False, id="a-title-and-a-publisher-in-sentence-case"),
        pytest.param("D. Pugh, J. A. Wright, and A. A. Danopoulos, “Pincer” iridium complexes, Angew. Chem. "
                     "Int. Ed., in press.", False, id="in-press"),
    ],
)  # fmt: skip
def test_a_note_speaks_as_the_paper_and_holds_nothing_a_reference_is_found_by(text: str, note: bool) -> None:
    assert is_note(text) is note


def test_revtex_notes_in_the_list_are_no_references() -> None:
    """REVTeX (Ciro-Taranto/fRG_paper's PDF): numbered items 20 and 26 of its list are the text's notes."""

    def line(text: str, indent: float = 0.0) -> PdfLine:
        return PdfLine(1, 0, 72 + indent, 9.0, text, indent)

    lines = [
        line("[19] C. Platt, W. Hanke, and R. Thomale, “Functional renormalization group for multi-orbital"),
        line("fermi surface instabilities,” Advances in Physics 62, 453–562 (2013).", 12),
        line("[20] The equation for the particle-particle channel is slightly different from the one"),
        line("usually reported in fRG, see, e.g., Ref. 9. This is because we took V = V.", 12),
        line("[21] C. Honerkamp, D. Rohe, S. Andergassen, and T. Enss, “Interaction flow method for"),
        line("many-fermion systems,” Phys. Rev. B 70, 235115 (2004).", 12),
        line("[22] In the static case we observed d-wave instability for T = 0.02t."),
    ]
    queries = read_lines(lines)
    assert [(q.label, q.year) for q in queries] == [("19", 2013), ("21", 2004)]
