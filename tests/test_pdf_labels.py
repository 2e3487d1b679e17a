"""Reference labels set as raised numbers before the first name (biblatex-phys, AIP, ACS): the
digits PDFium runs into the name are a label when they are set smaller than the letter after
them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.errors import InputError
from bibnorm.readers import read_inputs
from bibnorm.readers._pdf_labels import (
    bracket_raised_label,
    contents_entry,
    joined_wrapped_labels,
    numbered_run,
    split_at_labels,
)
from bibnorm.readers._pdf_typography import ITALIC_END, ITALIC_START
from bibnorm.readers.pdf import PdfLine, read_pdf
from clients import PDFLATEX, need, run
from fakes.hostile_pdf import text_page
from pdf_lines import read_lines


@pytest.mark.parametrize(
    ("text", "sizes", "expected"),
    [
        # lines of biblatex-phys's own sample document (texlive-doc), with their font sizes
        pytest.param("1R. A. Allen, D. B. Smith, and J. E. Hiscott, Radioisotope data", (7.0, 10.0),
                     ("[1] R. A. Allen, D. B. Smith, and J. E. Hiscott, Radioisotope data", 10.0),
                     id="superscript-number-run-into-the-name"),
        pytest.param("10F. A. Cotton, G. Wilkinson, C. A. Murillio, and M. Bochmann, Advanced",
                     (7.0, 7.0, 10.0),
                     ("[10] F. A. Cotton, G. Wilkinson, C. A. Murillio, and M. Bochmann, Advanced", 10.0),
                     id="two-digit-label"),
        pytest.param("2nd edition of the handbook", (10.0, 10.0, 10.0), ("2nd edition of the handbook", 10.0),
                     id="a-number-of-the-text-size-is-text"),
        pytest.param("R. A. Allen, Radioisotope data", (10.0,), ("R. A. Allen, Radioisotope data", 10.0),
                     id="no-leading-number"),
        pytest.param("2 -imidazol-2-ylidene", (7.0, 10.0), ("2 -imidazol-2-ylidene", 7.0),
                     id="a-subscript-alone-is-no-label"),
    ],
)  # fmt: skip
def test_a_raised_number_opening_a_line_is_a_label(
    text: str, sizes: tuple[float, ...], expected: tuple[str, float]
) -> None:
    first = 100  # the line's first character is the page's 100th
    assert bracket_raised_label(text, first, lambda at: sizes[min(at - first, len(sizes) - 1)]) == expected


SUPERSCRIPT_LABELS = r"""\documentclass{article}
\begin{document}
\section*{References}
\begin{list}{}{\setlength{\leftmargin}{1.5em}\setlength{\itemindent}{-1.5em}}
\item \textsuperscript{1}G. Booth and J. Chatt, J. Chem. Soc. 3, 2099 (1962).
\item \textsuperscript{2}A. J. Arduengo, R. L. Harlow, and M. Kline, J. Am. Chem. Soc. 113, 361 (1991).
\item \textsuperscript{3}K. Dehnicke and J. Strahle, Angew. Chem. 93, 451 (1981).
\end{list}
\end{document}
"""


def test_a_list_labelled_with_superscript_numbers_is_read_item_by_item(tmp_path: Path) -> None:
    need("pdflatex")
    (tmp_path / "doc.tex").write_text(SUPERSCRIPT_LABELS, encoding="utf-8")
    run(PDFLATEX, tmp_path)
    found = [(q.authors[0], q.year) for q in read_inputs([tmp_path / "doc.pdf"])]
    assert found == [("G. Booth", 1962), ("A. J. Arduengo", 1991), ("K. Dehnicke", 1981)]


def test_a_raised_label_before_an_italic_title_is_a_label() -> None:
    """biblatex-phys's sample (texlive-doc): "⁸*CORINA: generation of 3D coordinates*" — a work
    without names, its italic run marked from the title's first letter on."""
    text = f"8{ITALIC_START}CORINA: generation of 3D coordinates,{ITALIC_END} (2006)"
    sizes = (7.0, 10.0)
    assert bracket_raised_label(text, 0, lambda at: sizes[min(at, 1)]) == (
        f"[8] {ITALIC_START}CORINA: generation of 3D coordinates,{ITALIC_END} (2006)",
        10.0,
    )


def test_a_list_found_by_its_labels_after_a_body_section_named_references_is_read() -> None:
    """REVTeX's own sample documents (apssamp, texlive-doc): a section of the text is headed
    "3. References" and speaks of them; the list itself, at the end, has no heading — its labels
    going up from 1 find it."""
    body = [
        b"3. References",
        b"A reference in the bibliography is specified by a bibitem command with the same",
        b"argument as the cite command. Numerous examples of the use of the entry types",
        b"appear in the bibliography of this sample document.",
        b"FIG. 1. A figure caption. The figure captions are automatically numbered.",
        b"More text of the paper follows the figure, about equations and tables.",
    ]
    references = [
        b"[1] R. P. Feynman, Phys. Rev. 94, 262 (1954).",
        b"[2] E. Witten, (2001), hep-th/0106109.",
        b"[3] A. Einstein, Yu. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).",
        b"[4] N. D. Birell and P. C. W. Davies, Quantum Fields in Curved Space (Cambridge, 1982).",
        b"[5] G. P. Berman and F. M. Izrailev, Stability of nonlinear modes, Physica D 88, 445 (1983).",
        b"[6] E. B. Davies and L. Parns, Trapped modes, Q. J. Mech. Appl. Math. 51, 477 (1988).",
        b"[7] J. S. Smith and G. W. Johnson, Philos. Trans. R. Soc. London, Ser. B 777, 1395 (2005).",
        b"[8] S. M. Smith, Ph.D. thesis, Massachusetts Institute of Technology (2003).",
        b"[9] S. R. Kawa and S.-J. Lin, J. Geophys. Res. 108, 4201 (2003).",
    ]  # fmt: skip
    queries, _ = read_pdf(text_page(body + references), "apssamp.pdf")
    assert [q.label for q in queries] == [str(n) for n in range(1, 10)]
    assert [q.year for q in queries] == [1954, 2001, 1935, 1982, 1983, 1988, 2005, 2003, 2003]


def test_a_raised_label_on_a_line_of_its_own_labels_the_reference_after_it() -> None:
    """biblatex-phys without article titles, in two columns (set from a real .bib): the raised
    label "²" stands on a line of its own, before its reference's first line; the labels read
    already ("[1]", "[3]") and it go up one by one."""

    def line(text: str, indent: float = 0.0, size: float = 10.0) -> PdfLine:
        return PdfLine(1, 0, 76 + indent, size, text, indent)

    lines = [
        line("[1] N. D. Birell and P. C. W. Davies, Quantum fields in"),
        line("curved space (Cambridge University Press, 1982).", 4),
        line("2", 0, 7.4),
        line("J. G. P. Berman and J. F. M. Izrailev, Physica D 88, 445", 4),
        line("(1983).", 4),
        line("[3] E. B. Davies and L. Parns, Q. J. Mech. Appl. Math. 51,"),
        line("477 (1988).", 4),
        line("[4] R. P. Feynman, Phys. Rev. 94, 262 (1954)."),
    ]
    queries = read_lines(lines)
    assert [(q.label, q.authors[0], q.year) for q in queries] == [
        ("1", "N. D. Birell", 1982),
        ("2", "J. G. P. Berman", 1983),
        ("3", "E. B. Davies", 1988),
        ("4", "R. P. Feynman", 1954),
    ]


def test_a_numbered_list_whose_labels_do_not_all_stand_flush_is_split_by_its_labels() -> None:
    """A REVTeX paper (21 cm cross-correlation, two columns): the labels are right-aligned, so
    "[5]" stands 4.5 pt in and "[10]" flush, and on the list's first page PDFium gives the lines
    at scattered left edges, a wrapped line ("N. Bartolo, …") leftmost. By its geometry the list
    would run "… 0912.0201. [2] L. Amendola …" into one reference (its flush lines are wrapped
    ones there); its labels going up one by one split it."""

    def line(indent: float, text: str, page: int = 2) -> PdfLine:
        return PdfLine(page=page, column=1, left=318.0 + indent, size=8.97, text=text, indent=indent)

    lines = [
        line(31, "[1] LSST Science Collaboration, P. A. Abell, J. Allison, S. F. Anderson,", 1),
        line(0, "S. J. Asztalos, T. S. Axelrod, et al., ArXiv e-prints (2009),", 1),
        line(19, "0912.0201.", 1),
        line(66, "[2] L. Amendola, S. Appleby, D. Bacon, T. Baker, M. Baldi,", 1),
        line(0, "N. Bartolo, A. Blanchard, C. Bonvin, S. Borgani, E. Branchini,", 1),
        line(20, "et al., Living Reviews in Relativity 16, 6 (2013), 1206.1225.", 1),
        line(12, "[3] Planck Collaboration, R. Adam, P. A. R. Ade, N. Aghanim,", 1),
        line(0, "Y. Akrami, M. I. R. Alves, M. Arnaud, F. Arroja, J. Aumont,", 1),
        line(14, "C. Baccigalupi, et al., ArXiv e-prints (2015), 1502.01582.", 1),
        *(
            wrapped
            for number in range(4, 13)
            for wrapped in (
                line(0.0 if number >= 10 else 4.5, f"[{number}] T.-C. Chang, U.-L. Pen, and P. McDonald,"),
                line(18.3, f"Phys. Rev. Lett. {number}0, 091303 (20{number:02d})."),
            )
        ),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [query.label for query in queries] == [str(number) for number in range(1, 13)]
    assert queries[0].raw.endswith("0912.0201.")
    assert queries[1].raw.startswith("L. Amendola")


def test_a_short_unheaded_list_of_titleless_physics_references_is_read() -> None:
    """A REVTeX draft (elastic constants of metals): no References heading, four references that
    print no article title ("J. R. Ray, Computer physics reports 8, 109 (1988)."), then a table.
    Four labels are too few to trust a list by its labels alone, and titleless items do not read
    as references; that each opens with an author list and carries a year does (it was refused:
    no references section found)."""
    data = text_page(
        [
            b"IV. SUMMARY AND CONCLUSIONS",
            b"The elastic instabilities follow from the filling of the d band in these metals.",
            b"1 D. C. Wallace, Thermodynamics of crystals (Courier Corporation, 1998).",
            b"2 J. R. Ray, Computer physics reports 8, 109 (1988).",
            b"3 J. Wang, S. Yip, S. Phillpot, and D. Wolf, Physical Review Letters 71, 4182 (1993).",
            b"4 J. Wang, J. Li, S. Yip, S. Phillpot, and D. Wolf, Physical Review B 52, 12627 (1995).",
            b"TABLE I. Calculated elastic constants for selected cubic metals.",
            b"C11 462 265 516 271 334",
        ]
    )
    queries, _ = read_pdf(data, "toec.pdf")
    assert [query.year for query in queries] == [1998, 1988, 1993, 1995]
    assert [query.label for query in queries] == ["1", "2", "3", "4"]


def test_an_unheaded_dated_enumeration_of_the_body_is_no_reference_list() -> None:
    data = text_page(
        [
            b"The survey ran in four stages.",
            b"1 Pilot stage, autumn 2017, with two hundred households.",
            b"2 Main stage, spring 2018, in all provinces of the country.",
            b"3 Follow-up stage, 2019, by telephone.",
            b"4 Closing stage, 2020, online only.",
        ]
    )
    with pytest.raises(InputError, match="no references section found"):
        read_pdf(data, "survey.pdf")


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        pytest.param("1 Úvod . . . . . . . . . . . . . . . . . . . . 3", True, id="spaced-dot-leader"),
        pytest.param("2.1 Results ............ 14", True, id="solid-dot-leader"),
        pytest.param("Preface . . . . . . . . . v", True, id="roman-page-number"),
        pytest.param("1. Smith, J., . . . Zhou, K. (2003). Title. Journal, 3", False, id="apa-elided-names"),
        pytest.param("[1] A. Name. Title. Journal 3 (2001) 1–4.", False, id="a-reference"),
        pytest.param("1 Introduction . . . . . . . .", False, id="no-page-number"),
    ],
)
def test_a_table_of_contents_entry_is_told_by_its_dot_leader(line: str, entry: bool) -> None:
    assert contents_entry(line) is entry


def test_a_theses_table_of_contents_is_no_unheaded_reference_list() -> None:
    """A Slovak thesis (bench/pdf_fresh) whose contents number its chapters 1 to 8 and whose
    list's heading, "Literatúra", the reader once did not know: the chapters going up one by one
    read as a list of eight references, every one of them a stray."""
    contents = [
        f"{number} {title} . . . . . . . . . . . . . . . . . . . . {page}"
        for number, (title, page) in enumerate(
            [("Úvod", 3), ("Bajtkód", 5), ("Zavádzače tried", 14), ("Byteman", 16), ("Javassist", 21),
             ("Porovnanie", 23), ("Praktické ukážky", 25), ("Záver", 35)],
            start=1,
        )
    ]  # fmt: skip
    assert numbered_run(["Obsah", *contents, "Úvod", "Táto práca sa zaoberá nástrojmi."]) is None


def test_labels_inside_lines_split_the_references_pdfium_ran_together() -> None:
    """Two REVTeX papers (21 cm cosmology, neutrino wakes) whose list pages PDFium gives with a
    reference's last line and the next one's first on one line ("… (2009), 0912.0201. [2] L.
    Amendola, …"), at scattered left edges, with no References heading: the labels inside lines
    go on the run that finds the list, split it, and "[7]" far in is a label, not a wrapped line."""

    def line(indent: float, text: str) -> PdfLine:
        return PdfLine(page=5, column=1, left=336.0 + indent, size=8.97, text=text, indent=indent)

    body = [line(0, "We thank the referee."), line(0, "This work was supported by the NSFC.")]
    listed = [
        line(31, "[1] K. A. Olive and Particle Data Group, Chinese Physics C"),
        line(68, "38, 090001 (2014), 1412.1408. [2] R. N. Cahn, D. A. Dwyer, S. J. Freedman, ArXiv"),
        line(58, "e-prints (2013), 1307.5487. [3] J. R. Bond, G. Efstathiou, and J. Silk, Physical Review"),
        line(
            73, "Letters 45, 1980 (1980). [4] W. Hu, D. J. Eisenstein, and M. Tegmark, Phys. Rev. Lett. 80,"
        ),
        line(41, "5255 (1998)."),
        line(70, "[5] A. de Gouvea, K. Pitts, K. Scholberg, G. P. Zeller,"),
        line(75, "K. Hoffman, et al., ArXiv e-prints (2013), 1310.4340."),
        line(14, "[6] S. Betts, W. R. Blanchard, R. H. Carnevale, C. Chang,"),
        line(72, "A. Cohen, et al., ArXiv e-prints (2013), 1307.4738."),
    ]
    lines = [*body, *listed]
    assert numbered_run([piece.text for piece in lines]) == (2, 6)
    assert [piece.text[:3] for piece in split_at_labels(listed)] == [
        "[1]", "38,", "[2]", "e-p", "[3]", "Let", "[4]", "525", "[5]", "K. ", "[6]", "A. ",
    ]  # fmt: skip
    queries = read_lines(listed)
    assert [query.label for query in queries] == ["1", "2", "3", "4", "5", "6"]
    assert queries[0].raw.endswith("1412.1408.")
    assert [query.year for query in queries] == [2014, 2013, 1980, 1998, 2013, 2013]


def test_a_citation_inside_a_sentence_splits_no_line() -> None:
    lines = [
        PdfLine(1, 0, 72.0, 10.0, "[1] A. Name, Phys. Rev. 12, 3 (2001)."),
        PdfLine(1, 0, 72.0, 10.0, "[2] B. Name, as corrected in [3] and later, Phys. Rev. 13, 4 (2002)."),
        PdfLine(1, 0, 72.0, 10.0, "[3] C. Name, Phys. Rev. 14, 5 (2003)."),
    ]
    assert split_at_labels(lines) == lines


def test_a_bracketed_label_in_order_far_in_is_no_wrapped_line() -> None:
    """The neutrino paper's oddly placed page: the labels split out of lines stand flush, "[5]"
    stands as far in as the wrapped lines do; it goes on the run of labels, so it stays a label
    (a bare "29." so placed would be a wrapped page range)."""

    def line(indent: float, text: str) -> PdfLine:
        return PdfLine(page=5, column=1, left=318.0 + indent, size=8.97, text=text, indent=indent)

    lines = [
        line(0, "[1] K. A. Olive and Particle Data Group, Chinese Physics C"),
        line(52, "38, 090001 (2014), 1412.1408."),
        line(0, "[2] R. N. Cahn, D. A. Dwyer, S. J. Freedman, ArXiv"),
        line(49, "e-prints (2013), 1307.5487."),
        line(0, "[3] J. R. Bond, G. Efstathiou, and J. Silk, Physical Review"),
        line(55, "Letters 45, 1980 (1980)."),
        line(0, "[4] S. Dodelson and J. Lykken, ArXiv e-prints (2014),"),
        line(53, "1403.5173."),
        line(59, "[5] A. de Gouvea, K. Pitts, K. Scholberg, G. P. Zeller,"),
        line(54, "K. Hoffman, et al., ArXiv e-prints (2013), 1310.4340."),
    ]
    assert [piece.text[:3] for piece in joined_wrapped_labels(lines)][-2:] == ["[5]", "K. "]


def test_a_letters_unheaded_list_of_two_is_read() -> None:
    """A REVTeX letter (a colloidal gyroscope): no heading, two references at its end after an
    appendix whose equations' numbers make a longer run of "1", "2", "3" that reads as no list;
    each opens with an author list and carries a year (it was refused: no references section)."""
    data = text_page(
        [
            b"[1] Department of Chemistry, University of Oxford",
            b"[2] The Rudolf Peierls Centre for Theoretical Physics, University of Oxford",
            b"Appendix",
            b"1",
            b"2",
            b"3",
            b"The normal vector is expressed in the lab frame as usual.",
            b"[1] W. Xi, A. A. Solovev, A. N. Ananth, D. H. Gracias,",
            b"S. Sanchez, and O. G. Schmidt, Nanoscale 5, 1294 (2013).",
            b"[2] A. A. Solovev, W. Xi, D. H. Gracias, S. M. Harazim,",
            b"C. Deneke, S. Sanchez, and O. G. Schmidt, Small 8, 1751 (2012).",
        ]
    )
    queries, _ = read_pdf(data, "letter.pdf")
    assert [query.year for query in queries] == [2013, 2012]
    assert queries[0].raw.startswith("W. Xi")


def test_a_wrapped_line_opening_with_the_next_labels_number_is_no_label() -> None:
    """plainnat's "[12]" list (bench/pdf_dev16's gh-daniel-gong-wm-gp): reference 12's title
    wraps at "working memory:", its next line opens "13 years of …" — the number of the next
    label, bare; the label "[13]" is on the line after it, so "13" goes on reference 12."""

    def line(indent: float, text: str) -> PdfLine:
        return PdfLine(page=1, column=1, left=72.0 + indent, size=10.0, text=text, indent=indent)

    lines = [
        line(0, "References"),
        *(
            wrapped
            for number in range(1, 12)
            for wrapped in (
                line(0, f"[{number}] Alan Baddeley and Graham Hitch. Working memory, part {number}."),
                line(18, f"Psychology of Learning and Motivation, {number}:47–89, 1974."),
            )
        ),
        line(0, "[12] Alessandra S. Souza and Klaus Oberauer. In search of the focus of attention in"),
        line(18, "working memory:"),
        line(18, "13 years of the retro-cue effect. Attention, Perception, & Psychophysics, 78(7):1839."),
        line(0, "[13] Iain C. Griffin and Anna C. Nobre. The speed of time in the Attentional Blink."),
        line(18, "Psychological Science, 14(6):571–577, 2003."),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [query.label for query in queries] == [str(number) for number in range(1, 14)]
    title = "In search of the focus of attention in working memory: 13 years of the retro-cue effect"
    assert queries[11].title == title
