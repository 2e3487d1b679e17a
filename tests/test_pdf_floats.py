"""Figures and tables floated onto the pages of a reference list, and the list's own type. Lines
are as PDFium gives them (page, column, left edge, size, baseline), modelled on two real
documents of the unseen PDF bench: a two-column IEEE paper (HashFlow, 8 pt list) whose full-width
plots, their tick labels reported at 26 pt, fill a page of its list with subcaptions and a
caption below each; and an AAS two-column paper whose "FIG. 3.— …" captions run over two lines."""

from __future__ import annotations

import pytest
from bibnorm.readers._list_edges import ends_list
from bibnorm.readers._pdf_floats import list_type
from bibnorm.readers.pdf import PdfLine, read_section, references_section, section_lines


def _line(
    text: str, indent: float = 0.0, *, page: int = 1, size: float = 8.0, bottom: float = 0.0
) -> PdfLine:
    return PdfLine(
        page=page, column=0, left=54.0 + indent, size=size, text=text, indent=indent, bottom=bottom
    )


def _plot(page: int) -> list[PdfLine]:
    """A plot's text: tick labels and an axis title, short lines in the plot's own size."""
    return [
        _line("0 50K 100K150K200K250K", 25, page=page, size=26.0),
        _line("Num. of Flows", 49, page=page, size=26.0),
        *(_line(tick, 10, page=page, size=26.0) for tick in ("0.00", "0.25", "0.50", "0.75", "1.00")),
        _line("FSC", 2, page=page, size=26.0),
        _line("HF", 48, page=page, size=26.0),
    ]


def test_the_lists_type_is_the_size_most_of_its_characters_are_set_in() -> None:
    """The lines after the heading hold five of two references and twenty-seven of a plot's
    ticks (HashFlow's first forty): by lines the plot's 26 pt would be the list's type, by
    characters the references' 8 pt is."""
    lines = [
        _line("[1] B. Claise, “Cisco Systems NetFlow Services Export Version 9,” 2004."),
        _line("[Online]. Available: https://tools.ietf.org/html/rfc3954", 14),
        *_reference(2, 1, 100),
        *(_plot(2) * 3),
    ]
    assert list_type(lines) == 8.0
    assert list_type([_line("●", size=1.0)]) is None


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        pytest.param(
            "TABLE I. Calculated elastic constants for cubic metals.", True, id="revtex-roman-table"
        ),
        pytest.param("TABLE II.", True, id="revtex-roman-table-alone"),
        pytest.param("FIG. 3.— Top: Period-averaged flux density measurements", True, id="aas-em-dash"),
        pytest.param("Fig. 7. Flow Set Coverage (FSC) for Flow Record Report", True, id="ieee-figure"),
        # Springer Nature's sn-jnl (github:Anurag-Dutta/Detecting-Fraud-Calls-vis---vis-Natural-
        # Language-Processing, sn-article.pdf): the number in bold, the caption's words after a space
        pytest.param(
            "Fig. 7 Confusion Matrix for the k-Nearest Neighbours Classification. Here, False Positive",
            True,
            id="springer-figure",
        ),
        pytest.param("Table 3 Accuracy of the classifiers", True, id="springer-table"),
        pytest.param("Table I is where the constants are.", False, id="a-sentence-about-a-table"),
        pytest.param("Fig. 7 shows the confusion matrix.", False, id="a-sentence-about-a-figure"),
        # babel's names of the floats in other languages: a Portuguese IEEE paper's table of the
        # works it cites, each row opening with a citation's label, under the list
        pytest.param("Tabela I", True, id="portuguese-table"),
        pytest.param("Abbildung 3: Aufbau des Versuchs", True, id="german-figure"),
        pytest.param("Рис. 2. Схема установки", True, id="russian-figure"),
        pytest.param("Tabela I mostra os resultados.", False, id="a-portuguese-sentence-about-a-table"),
    ],
)
def test_captions_of_every_numbering_end_the_lists_run(text: str, ends: bool) -> None:
    assert ends_list(_line(text)) is ends


_FAMILIES = ("", "Zhang", "Claise", "Li", "Hohn")


def _reference(number: int, page: int, bottom: float) -> list[PdfLine]:
    return [
        _line(
            f"[{number}] H. {_FAMILIES[number]}, X. Shi, and Z. Wang, “More Load, More",
            page=page,
            bottom=bottom,
        ),
        _line(
            "Differentiation in Data Center Networks,” Computer Networks,", 14, page=page, bottom=bottom - 9
        ),
        _line(f"vol. 12{number}, pp. 352–367, Nov. 20{10 + number}.", 14, page=page, bottom=bottom - 18),
    ]


def test_a_page_of_plots_inside_the_list_ends_nothing_and_is_no_reference() -> None:
    """HashFlow's list: reference 2 begins at the foot of page 1; page 2 opens with full-width
    plots (tick labels at 26 pt, subcaptions and a caption in the list's 8 pt), then the rest of
    reference 2 (its last line, set at the list's wrapped indent, far below the caption), then
    references 3 and 4. The list ends at the back matter after them; the plots' text and the
    captions are in no reference, and reference 2 keeps its year."""
    reference_2 = _reference(2, 1, 120)
    lines = [
        _line("REFERENCES", 97, size=10.0, bottom=200),
        *_reference(1, 1, 180),
        *reference_2[:2],
        *_plot(2),
        _line("(a) CAIDA", 44, page=2, bottom=600),
        *_plot(2),
        _line("(b) Campus Network", 150, page=2, bottom=600),
        _line("Fig. 7. Flow Set Coverage (FSC) for Flow Record Report", 150, page=2, bottom=580),
        reference_2[2]._replace(page=2, bottom=540),
        *_reference(3, 2, 520),
        *_reference(4, 2, 480),
        _line("Figures", page=2, bottom=400),
        _line("This is not a figure.", page=2, bottom=380),
    ]
    section = references_section(lines)
    assert section is not None and (section.first, section.end) == (1, len(lines) - 2)
    read = read_section(section_lines(lines, section), "hashflow.pdf", section.first)
    assert read is not None
    queries = read[0]
    assert [q.label for q in queries] == ["1", "2", "3", "4"]
    assert [q.year for q in queries] == [2011, 2012, 2013, 2014]
    assert not any(mark in q.raw for q in queries for mark in ("CAIDA", "0.25", "Fig. 7"))


def test_a_captions_second_line_after_a_float_is_no_reference() -> None:
    """The AAS paper: a figure at the top of a page of the list, its caption "FIG. 3.— …" run over
    two lines at the caption's line spacing, then the references go on at the top of the next
    page; the caption's second line is no reference."""
    lines = [
        _line("REFERENCES", 230, size=8.0, bottom=84),
        _line("An, H., Archibald, R. F., Hascoët, R., et al. 2015, The Astrophysical Journal,", bottom=69),
        _line("807, 93", 8, bottom=60),
        _line("10", 85, page=2, size=10.0, bottom=625),
        _line("Flux Density (mJy)", 69, page=2, size=16.0, bottom=582),
        _line("FIG. 3.— Top: Period-averaged flux density measurements from dual band observations.",
              4, page=2, bottom=402),
        _line("show the upper limits. Bottom: Spectral indices derived.", page=2, bottom=394),
        _line("Becker, W., Kramer, M., Jessner, A., et al. 2006, The Astrophysical", page=3, bottom=719),
        _line("Journal, 645, 1421", 8, page=3, bottom=710),
        _line("Beloborodov, A. M. 2009, ApJ, 703, 1044", page=3, bottom=701),
        _line("Camilo, F., Ransom, S., Halpern, J., & Reynolds, J. 2007, The", page=3, bottom=693),
        _line("Astrophysical Journal Letters, 666, L93", 8, page=3, bottom=684),
    ]  # fmt: skip
    section = references_section(lines)
    assert section is not None and section.end == len(lines)
    read = read_section(section_lines(lines, section), "aas.pdf", section.first)
    assert read is not None
    assert [q.year for q in read[0]] == [2015, 2006, 2009, 2007]
    assert not any("Spectral" in q.raw or "FIG" in q.raw for q in read[0])


def test_pages_of_tables_and_plots_in_a_row_inside_the_list_end_nothing() -> None:
    """An R Journal paper (an R package's, in the held-out PDF set): the list's first reference at
    the foot of a page; TeX floats the appendix's tables onto the next page (their rows in 10.2 pt,
    above their captions "Table 5: …", more characters than the list's 9 pt reference) and plots
    onto the page after; the references go on on the third page, each first line without its year.
    The list was read as one item of the table's rows."""
    rows = ("lg_object The lg-object created by lg_main()", "grid The evaluation points for the LGPC")
    lines = [
        _line("Bibliography", size=12.0, bottom=105),
        _line("S. M. Bache and H. Wickham. magrittr: A Forward-Pipe Operator for R, 2014.",
              size=9.0, bottom=82),
        *(_line(row, 17, page=2, size=10.2, bottom=720 - 14 * at) for at, row in enumerate(rows * 3)),
        _line("Table 5: Arguments to the partial_cor()-function", 78, page=2, size=9.0, bottom=637),
        *(_line(row, 3, page=2, size=10.2, bottom=560 - 14 * at) for at, row in enumerate(rows * 6)),
        _line("Table 6: Arguments to the ci_test()-function", 88, page=2, size=9.0, bottom=99),
        *(_line(tick, 15, page=3, size=9.0, bottom=613 - 20 * at)
          for at, tick in enumerate(("−2", "0", "2"))),
        _line("Figure 4: Dependence map produced by corplot()", 30, page=3, size=9.0, bottom=453),
        *(
            line
            for number, family in enumerate(("Berentsen", "Otneim", "Politis", "Silverman"))
            for line in (
                _line(f"G. D. {family} and D. Tjøstheim. Recognizing and visualizing departures from",
                      page=4, size=9.0, bottom=766 - 40 * number),
                _line(f"dependence. Statistics and Computing, 24(5):785–801, 201{number}. [p1]", 10,
                      page=4, size=9.0, bottom=755 - 40 * number),
            )
        ),
    ]  # fmt: skip
    section = references_section(lines)
    assert section is not None and section.end == len(lines)
    assert list_type(lines[section.first : section.first + 40]) == 9.0
    read = read_section(section_lines(lines, section), "rjournal.pdf", section.first)
    assert read is not None
    assert [q.year for q in read[0]] == [2014, 2010, 2011, 2012, 2013]
    assert not any("lg_object" in q.raw or "Table" in q.raw for q in read[0])


def test_the_lists_first_page_sets_its_type_whatever_float_it_holds() -> None:
    """A two-column paper's short list on a page that also holds a figure (its caption in the
    list's type), an appendix in larger type on the next page: the list's type is its own 8 pt,
    not the appendix's, though the first page holds a caption (its references would be read as
    footnotes, smaller than the list's type)."""
    lines = [
        _line("Fig. 5. Throughput per flow.", page=1),
        *_reference(1, 1, 300),
        *_reference(2, 1, 270),
        *(_line("The appendix gives the proof of the lemma in full, step by step.", page=2, size=10.0)
          for _ in range(3)),
    ]  # fmt: skip
    assert list_type(lines) == 8.0


def test_a_page_of_a_diagrams_text_after_a_short_list_is_no_part_of_it() -> None:
    """A two-column paper (bench/pdf_fresh) whose nine references in 8 pt end its last page of
    text, and whose next page is a class diagram: class names and methods in 12.5 pt, more
    characters than the list's, its caption too far down to be seen. The list's type is its
    first page's, and the diagram's lines end the list."""
    diagram = [
        _line(text, page=2, size=12.5)
        for text in ("LicenseRegistry", "+constructor(address: string): LicenseRegistry",
                     "+licensePrice(): Promise<BigNumber>",
                     "+numberOfLicenses(address: string): Promise<number>",
                     "+hasLicense(address: string): Promise<boolean>") * 4
    ]  # fmt: skip
    lines = [_line("References", page=1, size=9.0), *_reference(1, 1, 300), *_reference(2, 1, 270),
             *_reference(3, 1, 240), *diagram]  # fmt: skip
    assert list_type(lines[1:]) == 8.0
    section = references_section(lines)
    assert section is not None
    assert all(line.page == 1 for line in lines[section.first : section.end])
