"""What borders a PDF's reference list and is no reference: back matter, a footer below two
columns, a review copy's line numbers on a short last page, a page holding only a wrapped end,
and a number in another label form than the list's. Lines are as PDFium gives them (page,
column, left edge, size), modelled on real documents: Elsevier's two-column author-year class,
an AMS review copy, econ-bst's sample, a Vancouver list (real third-party .bib files set with
each style's template), apa7's sample manuscript; and a one-page PDF written here for how PDFium
gives an accent."""

from __future__ import annotations

import pytest
from bibnorm.readers._list_edges import (
    LineNumbering,
    address_blocks,
    ends_list,
    fifth_line_cuts,
    numbered_by_its_lines,
)
from bibnorm.readers.pdf import PdfLine, lines_to_read, read_pdf, read_section, references_section
from bibnorm.readers.refs import read_list
from fakes.hostile_pdf import text_page, text_pages


def _line(text: str, indent: float = 0.0, *, page: int = 1, column: int = 0, margin: float = 72.0) -> PdfLine:
    left = margin + indent + (234.0 if column else 0.0)
    return PdfLine(page=page, column=column, left=left, size=10.0, text=text, indent=indent)


_FAMILIES = ("Allaby", "Badr", "Clegg", "Doebley", "Ellstrand", "Feuillet", "Galinat", "Hufford")


def _reference(number: int, page: int = 1, column: int = 0) -> list[PdfLine]:
    return [
        _line(f"{_FAMILIES[number - 1]}, R.G., Fuller, D.Q., 20{10 + number}. Genetic diversity of crop",
              page=page, column=column),
        _line("in the wild. Journal of Heredity 12, 1–10.", 10, page=page, column=column),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "indent", "ends"),
    [
        pytest.param("LIST OF FIGURES", 0, True, id="list-of-figures"),
        pytest.param("List of Tables", 0, True, id="list-of-tables"),
        pytest.param("Figures", 0, True, id="figures-heading"),
        pytest.param("Figure captions", 0, True, id="figure-captions"),
        pytest.param("417 LIST OF FIGURES", 0, True, id="with-its-line-number"),
        pytest.param("Tables", 12, False, id="indented-a-wrapped-line"),
        pytest.param("TABLES", 206, True, id="centred-atop-the-tables-page"),
        pytest.param("Figures", 160, True, id="centred-figures-heading"),
        pytest.param("Tables of Integrals, Series, and Products", 0, False, id="a-title"),
        pytest.param("Figures of speech. Oxford University Press.", 0, False, id="a-reference"),
        pytest.param("Figure 3: Accuracy per epoch.", 0, True, id="a-figure-caption"),
        pytest.param("Table 1", 0, True, id="apas-table-number-alone-on-its-line"),
        pytest.param("Table 1 of the report is cited.", 0, False, id="a-sentence-about-a-table"),
        pytest.param("Table A.1. Correlations for four stars.", 0, True, id="an-appendix-table-caption"),
        pytest.param("Figure 2.3: Accuracy per epoch.", 0, True, id="a-chapter-figure-caption"),
        pytest.param("Figure 1.5 shows the accuracy.", 0, False, id="a-sentence-about-a-chapter-figure"),
        pytest.param("Appendix", 0, True, id="elsarticles-appendix-in-the-lists-type"),
        pytest.param("APPENDIX A: SOME EXTRA MATERIAL", 0, True, id="mnras-appendix"),
        pytest.param("Appendix B. Proofs of the lemmas", 0, True, id="a-titled-appendix"),
        pytest.param("Appendix", 12, False, id="an-indented-wrapped-word"),
        # REVTeX centres an appendix's titled heading in its column, neither flush nor far in
        # (github:nkoukou/magic_paper, pdf_dev15)
        pytest.param("Appendix A: Properties of the Wigner distribution", 30, True,
                     id="revtex-a-titled-appendix-in-its-column"),
        # a thesis's centred heading atop the page its appendices begin
        # (github:MaxVarverakis/599-Representation-Theory, pdf_dev13)
        pytest.param("APPENDICES", 180, True, id="centred-appendices"),
        pytest.param("Appendix A", 200, True, id="centred-appendix-a"),
        pytest.param(
            "Appendix A: the tables of the survey of 2019, with the questionnaire and its answers",
            0,
            False,
            id="a-full-line-is-a-references-wrapped-line",
        ),
        pytest.param("Appendices to the Annual Report. Washington.", 0, False, id="a-title-opening-so"),
        pytest.param(
            "Appendix B: Methods. London: HMSO, 1999.", 0, False, id="a-flush-wrapped-line-with-a-year"
        ),
        # abnTeX2's appendix and annex headings after its REFERÊNCIAS, in the list's type (Brazilian
        # theses): the en dash read as two hyphens; the heading's words may name references
        pytest.param("APÊNDICE A -- LISTA DE PUBLICAÇÕES", 0, True, id="abntex2-appendix"),
        pytest.param("APÊNDICE A -- REFERÊNCIA DE MONTAGEM DO ROBÔ", 0, True,
                     id="abntex2-appendix-naming-a-reference"),
        pytest.param("ANEXO A – Questionário aplicado", 0, True, id="abntex2-annex-en-dash"),
        pytest.param("Anexo A. Tabelas do censo de 2010. Rio de Janeiro: IBGE, 2011.", 0, False,
                     id="a-flush-wrapped-line-opening-anexo"),
        # the sections a journal sets after the list, headed in its own type
        pytest.param("Acknowledgements", 0, True, id="acknowledgements"),
        pytest.param("ACKNOWLEDGMENTS", 0, True, id="acknowledgments-in-capitals"),
        pytest.param("Funding:", 0, True, id="funding-with-a-colon"),
        pytest.param("Competing interests", 0, True, id="competing-interests"),
        pytest.param("5. Author Contributions", 0, True, id="numbered-author-contributions"),
        pytest.param("Supplementary Material", 160, True, id="centred-supplementary-material"),
        pytest.param("Funding", 12, False, id="an-indented-wrapped-word-funding"),
        # the Journal of Statistical Software's heading over its authors' addresses
        pytest.param("Affiliation:", 0, True, id="jss-affiliation"),
        pytest.param("Affiliation of the author and the reader. Boston, 1998.", 0, False,
                     id="a-title-opening-affiliation"),
        # a thesis's list of figures or tables after its references, in its language (babel's names)
        pytest.param("Список рисунков", 190, True, id="russian-list-of-figures-centred"),
        pytest.param("Abbildungsverzeichnis", 0, True, id="german-list-of-figures"),
        pytest.param("Liste des tableaux", 0, True, id="french-list-of-tables"),
        pytest.param("Lista de Figuras", 0, True, id="portuguese-list-of-figures"),
        pytest.param("Liste des tableaux de bord. Paris, 2004.", 0, False, id="a-title-opening-so-fr"),
        pytest.param("Funding for this work came from the NSF.", 0, False, id="a-sentence-opening-so"),
        pytest.param(
            "Acknowledgements: a guide for authors. Oxford, 2001.",
            0,
            False,
            id="a-title-opening-so-with-more",
        ),
        # the article's history a journal sets after its list (ACM's acmsmall, Elsevier, Springer)
        pytest.param("Received February 2007; revised March 2009; accepted June 2009", 0, True,
                     id="acm-history"),
        pytest.param("Received 3 May 2019; Received in revised form 1 June 2019; Accepted 2 June 2019", 0,
                     True, id="elsevier-history"),
        pytest.param("Received: 2 March 2020 / Accepted: 9 July 2020", 0, True, id="springer-history"),
        pytest.param("Received wisdom; a history of ideas. Oxford, 2001.", 0, False,
                     id="a-title-opening-received"),
        # an author's biography IEEE's journals set after the list, beside a photograph (IEEEtran's
        # template, github:Joshua-Shaffer/Fire-UAVs-Journal-Version): the name, then the grades of
        # membership or the degree received
        pytest.param("FIRST A. AUTHOR (M’76–SM’81–F’87) and", 90, True, id="ieee-biography-grades"),
        pytest.param("Jane Q. Doe (Senior Member, IEEE) received the B.S. degree in", 90, True,
                     id="ieee-biography-member"),
        pytest.param("John Smith received the Ph.D. degree from the University of", 0, True,
                     id="biography-degree"),
        pytest.param("Members of the IEEE. IEEE Standard for Floating-Point Arithmetic. 2008.", 0, False,
                     id="a-title-naming-members"),
        pytest.param("J. Smith, “Received signal strength (RSS) in the wild,” 2019.", 0, False,
                     id="a-title-holding-received"),
    ],
)  # fmt: skip
def test_back_matter_headings_end_the_list(text: str, indent: float, ends: bool) -> None:
    assert ends_list(_line(text, indent)) is ends


def test_a_manuscripts_figures_after_its_references_are_no_reference() -> None:
    lines = [
        _line("References"),
        *_reference(1),
        *_reference(2),
        _line("Figures"),
        _line("This is not a figure."),
    ]
    section = references_section(lines)
    assert section is not None and (section.first, section.end) == (1, 5)


def test_an_apa_manuscripts_tables_and_plot_after_its_references_end_the_list() -> None:
    """apa7's manuscript (texlive-doc's longsample.pdf): the references, then "Table 1" alone on
    its line, then a figure whose plot markers PDFium gives as "●" lines at 1 pt. The markers are
    no text: the list's type is still its references', not a median of markers that would make
    the references read as headings (the PDF was refused: no references section)."""
    lines = [
        _line("References"),
        *_reference(1),
        *_reference(2),
        _line("Table 1"),
        _line("Sample Basic Table"),
        _line("Gnu stuffed 92.50"),
        _line("Figure 1"),
        *(_line("●")._replace(size=1.0) for _ in range(40)),
    ]
    section = references_section(lines)
    assert section is not None and (section.first, section.end) == (1, 5)


def test_a_table_floated_onto_a_page_of_the_list_does_not_end_it() -> None:
    """An A&A paper's list (an astronomy-statistics manuscript): TeX floats the appendix's table
    to the top of a page of the references, its caption in 9 pt and its rows in 10 pt, larger
    than the list's 8 pt; the references go on below it. The list ends at the back matter after
    them, not at the table (6 of its 34 references were read)."""

    def small(line: PdfLine) -> PdfLine:
        return line._replace(size=8.0)

    lines = [
        _line("References")._replace(size=10.4),
        *map(small, _reference(1)),
        *map(small, _reference(2)),
        _line("Table A.1. Notable correlations between the asymmetry and the RVs")._replace(size=9.0, page=2),
        _line("Star # CCFs R(SN, Bis-Span) slope", page=2),
        _line("HD192310 1577 0.888 0.000786 0.669", page=2),
        *map(small, _reference(3, page=2)),
        *map(small, _reference(4, page=2)),
        *map(small, _reference(5, page=2)),
        _line("Figures", page=2),
        _line("This is not a figure.", page=2),
    ]
    section = references_section(lines)
    assert section is not None and (section.first, section.end) == (1, 14)


def test_a_footer_below_both_columns_is_no_reference() -> None:
    """elsarticle sets "Preprint submitted to Elsevier <date>" below the columns of the first page;
    PDFium gives it after the right column, starting in the left one."""
    lines = [
        *(line for number in range(1, 4) for line in _reference(number)),
        *(line for number in range(4, 7) for line in _reference(number, column=1)),
        _line("Preprint submitted to Elsevier November 25, 2026", 0.4),
        *(line for number in range(7, 9) for line in _reference(number, page=2)),
    ]
    read = read_section(lines, "elsarticle.pdf")
    assert read is not None
    assert [q.year for q in read[0]] == [2010 + n for n in range(1, 9)]
    assert not any("Preprint" in q.raw for q in read[0])


def test_a_page_holding_no_line_at_the_margin_is_read_against_the_lists_margin() -> None:
    """econ-bst's sample: the last page of the list holds one reference by the previous authors,
    its first line set 28pt in after a rule, its second at the list's 10pt indent — no line at
    the margin, so against its own page's leftmost line the second would read as flush. Its
    margin is that of the list's other pages on the same side (odd pages here)."""
    lines = [
        _line("Attwood, Feona (2006) “Sexed Up: Theorizing the Sexualization of Culture,”"),
        _line("Sexualities, 9 (1), 77–94.", 10),
        _line("Takeda, Shiro (2007) “The Double Dividend from Carbon Regulations in Japan,” "
              "J. Jpn. Int. Econ., 21 (3),", page=2),
        _line("336–364.", 10, page=2),
        _line("(2010) “A CGE Analysis of the Welfare Effects of Trade Liberalization under", 28, page=3),
        _line("Different Market Structures,” Int. Rev. Appl. Econ., 24 (1), 75–93.", 10, page=3),
    ]  # fmt: skip
    lines[-2:] = [
        line._replace(indent=line.indent - 10) for line in lines[-2:]
    ]  # from its page's leftmost line
    read = read_section(lines, "econ.pdf")
    assert read is not None
    assert [q.year for q in read[0]] == [2006, 2007, 2010]
    assert read[0][1].raw.endswith("21 (3), 336–364.")
    assert read[0][2].raw.startswith("Takeda, Shiro (2010) “A CGE Analysis")
    assert read[0][2].raw.endswith("Int. Rev. Appl. Econ., 24 (1), 75–93.")


@pytest.mark.parametrize(
    ("pages", "numbered"),
    [
        pytest.param(
            [[f"{n} Text of a numbered line of the review copy." for n in range(390, 414)],
             ["414 Trier, S. B., and R. D. Sharman, 2009: Convection-permitting simulations of the",
              "415 Mon. Wea. Rev., 137, 1972–1990.", "21"]],
            [True, True], id="a-short-last-page-goes-on",
        ),
        pytest.param(
            [["Plain text of a page without line numbers."] * 20,
             ["1 Smith J. A title. J Stud. 2001;1:1-2.", "2 Jones K. Another title. J Stud. 2002;2:3-4."]],
            [False, False], id="a-short-page-of-bare-number-labels-after-an-unnumbered-page",
        ),
        pytest.param(
            [[f"{n} Text of a numbered line of the review copy." for n in range(1, 30)],
             ["1 Smith J. A title. J Stud. 2001;1:1-2.", "2 Jones K. Another title. J Stud. 2002;2:3-4."]],
            [True, False], id="numbers-that-start-again-do-not-go-on",
        ),
        pytest.param(
            # a review copy's page whose table (unnumbered by lineno) holds more lines than its text
            [["Metric Formula", "Root Mean Squared", "Error (RMSE)", *(["0.25 0.31 0.40"] * 24),
              *(f"{n} Text of a numbered line of the review copy." for n in range(178, 197))]],
            [True], id="a-page-whose-table-holds-most-lines",
        ),
        pytest.param(
            [["Metric Formula", *(["0.25 0.31 0.40"] * 24),
              *(f"{n} Text of a numbered line of the review copy." for n in range(178, 184))]],
            [False], id="a-short-run-among-many-lines-is-no-numbering",
        ),
        pytest.param(
            # SIAM's review copy (github:dlavado/SIMODS-scenenet, ex_article.pdf): a figure's
            # caption atop the page, its "128³" and "9³" read as numbers, then the numbered text
            [["18 D. LAVADO, C. SOARES, AND A. MICHELETTI", "(a) Sample discretized in a 1283",
              "grid (b) SCENE-Net prediction against the GT",
              "Figure 12. SCENE-Net is independent of the input and kernel size. Our model was trained",
              "of shape 643", "and kernel size 9", "3",
              ". Fig. 12(b) shows SCENE-Net’s prediction against the ground truth of the 1283",
              "input grid in Fig. 12(a) using a kernel-size of 12 × 5 × 5.",
              *(f"{n} Text of a numbered line of the review copy." for n in range(444, 463)),
              "This manuscript is for review purposes only."]],
            [True], id="a-figures-numbers-above-a-long-run",
        ),
    ],
)  # fmt: skip
def test_a_review_copys_line_numbers_go_on_from_page_to_page(
    pages: list[list[str]], numbered: list[bool]
) -> None:
    numbering = LineNumbering()
    assert [numbering.page(page) for page in pages] == numbered


def test_a_number_in_another_label_form_than_the_lists_is_a_wrapped_line() -> None:
    """A Vancouver list labelled "[n]": a wrapped line opening with a conference's ordinal "12." is
    no reference of its own."""
    text = "\n".join(
        [
            "[7] Aalburg S, Beaugeant C. Single- and Two-Channel Noise Reduction. In: Proc. of ICASSP; 2002.",
            "[8] Abadi M, Chu A. Deep Learning with Differential Privacy. In: Proc. of CCS; 2016. p. 308-18.",
            "[9] Abdel-Hamid O, Mohamed A. Convolutional Neural Networks for Speech. 2014;22:1533-45.",
            "[10] Abel J, Kaniewska M. Objective Assessment of Speech Bandwidth Extension. In: Proc. of",
            "    12. ITG Symposium Speech Communication. Paderborn, Germany; 2016. p. 190-4.",
            "[11] Abel J, Fingscheidt T. A Subjective Listening Test of Six Bandwidth Extensions. 2016.",
        ]
    )
    items = read_list(text).items
    assert [item.label for item in items] == ["7", "8", "9", "10", "11"]
    assert items[3].text.endswith("Paderborn, Germany; 2016. p. 190-4.")


# biblatex's numeric list (an earth-sciences manuscript): reference [29]'s third line opens with its
# editors in brackets, a wrapped line in a list numbered "[n]", not a reference labelled "[Core …]".
_NUMBERED_WITH_BRACKETED_EDITORS = [
    "[27] M. Tedesco and X. Fettweis. “Unprecedented atmospheric conditions drive the melt”. In:",
    "     The Cryosphere 14.4 (2020), pp. 1209–1223.",
    "[28] V. Vionnet et al. “The detailed snowpack scheme Crocus and its implementation in SURFEX",
    "     v7.2”. In: Geoscientific Model Development 5.3 (2012), pp. 773–791.",
    "[29] IPCC. “Climate Change 2014: Synthesis Report. Contribution of Working Groups I, II",
    "     and III to the Fifth Assessment Report of the Intergovernmental Panel on Climate Change",
    "     [Core Writing Team, R.K. Pachauri and L.A. Meyer (eds.)]” In: IPCC (2014). DOI: 10.",
    "     1017/CBO9781107415324.",
    "[30] C. Agosta et al. “Estimation of the Antarctic surface mass balance using the regional",
    "     climate model MAR”. In: The Cryosphere 13.1 (2019), pp. 281–296.",
    "[31] S. Hofer et al. “Decreasing cloud cover drives the recent mass loss on the Greenland",
    "     Ice Sheet”. In: Science Advances 3.6 (2017), e1700584.",
]
# AAAI's author-year labels give a repeated author's next work its year alone ("[1997]"): a
# bracketed year is of the list's own form, not a number in brackets.
_AUTHOR_YEAR_WITH_A_YEAR_ALONE = [
    "[Bengio et al., 2003] Bengio, Y.; Ducharme, R.; and Vincent, P. 2003. A neural model. JMLR 3.",
    "[Bengio, 1996] Bengio, Y. 1996. Markovian models for sequential data. NCS 2:129–162.",
    "[1997] Bengio, Y. 1997. Markovian models again. NCS 3:1–10.",
    "[Collobert et al., 2011] Collobert, R., and Weston, J. 2011. NLP from scratch. JMLR 12.",
]
# biblatex-ieee's alphabetic style (texlive-doc's example) labels works without an author by their
# year's two digits ("[96]", "[97]") among "[AT00]", "[Bre89]": of the list's one bracketed form.
_ALPHABETIC_WITH_YEARS_ALONE = [
    "[96]    FLEXChip signal processor (MC68175/D), Motorola, 1996.",
    "[97]    Wireless LAN medium access control (MAC) and physical layer",
    "        (PHY) specification, IEEE Std. 802.11, 1997.",
    "[AT00]  J. B. Anderson and K. Tepe, “Properties of the tailbiting BCJR decoder,” in",
    "        Codes, Systems, and Graphical Models. New York: Springer, 2000.",
    "[Bre89] J. Breckling, Ed., The Analysis of Directional Time Series. Berlin: Springer, 1989.",
    "[Bul64] B. K. Bul, Theory Principles and Design of Magnetic Circuits. Moscow: Energia, 1964.",
    "[CT92]  J. C. Candy and G. C. Temes, Eds., Oversampling Delta-Sigma Converters. IEEE, 1992.",
    "[Cul72] B. D. Cullity, Introduction to Magnetic Materials. Reading, MA: Addison-Wesley, 1972.",
    "[FMB97] S. G. Finn, M. Médard, and R. A. Barry, “A novel approach to automatic protection",
    "        switching,” in Proc. IEEE Workshop on Network Management, 1997, pp. 23–34.",
    "[HKS95] P. Hedelin, P. Knagenhjelm, and M. Skoglund, “Theory for transmission of vector",
    "        quantization data,” in Speech Coding and Synthesis. Elsevier, 1995, pp. 347–396.",
    "[Kan10] S. Kandala, “Changes to Annex D,” IEEE, Tech. Rep. 02/680r0, 2010.",
]


@pytest.mark.parametrize(
    ("lines", "labels"),
    [
        pytest.param(
            _NUMBERED_WITH_BRACKETED_EDITORS,
            ["27", "28", "29", "30", "31"],
            id="a-bracketed-text-in-a-list-numbered-in-brackets-is-a-wrapped-line",
        ),
        pytest.param(
            _AUTHOR_YEAR_WITH_A_YEAR_ALONE,
            ["Bengio et al., 2003", "Bengio, 1996", "1997", "Collobert et al., 2011"],
            id="a-bracketed-year-among-author-year-labels-starts-a-reference",
        ),
        pytest.param(
            _ALPHABETIC_WITH_YEARS_ALONE,
            ["96", "97", "AT00", "Bre89", "Bul64", "CT92", "Cul72", "FMB97", "HKS95", "Kan10"],
            id="two-digits-in-brackets-among-alphabetic-labels-start-references",
        ),
    ],
)
def test_the_lists_bracketed_form_decides_which_bracketed_lines_start_references(
    lines: list[str], labels: list[str]
) -> None:
    assert [item.label for item in read_list("\n".join(lines)).items] == labels


def test_an_accent_set_before_its_letter_is_joined_to_it_not_read_as_a_cork_letter() -> None:
    """PDFium gives TeX's accent glyph before its letter ("Ball´e"); between two letters, the
    same Latin-1 sign is also what a T1 font without a Unicode map leaves for a Cork letter
    (0xB4 "ť", 0xA8 "ĺ"). Joined to its letter first, it is the accent it looks like."""
    data = text_page(  # each accent as TeX sets one: its own glyph before its letter
        [
            b"References",
            b"Ball\xb4e J, Laparra V, Simoncelli EP. End-to-end Optimized Image Compression. In: ICLR; 2017.",
            b"B\xa8ar A, Lipinski D, Fingscheidt T. Towards Corner Case Detection for Driving. In: IV; 2019.",
        ]
    )
    queries, _ = read_pdf(data, "accents.pdf")
    read = " ".join(query.raw for query in queries)
    assert read.startswith("Ballé J, Laparra V") and "Bär A, Lipinski D" in read


def test_a_references_year_at_the_foot_of_two_pages_is_no_running_foot() -> None:
    """biblatex-phys without article titles, set from a real .bib: the year of a wrapped reference
    ends a column on two pages, "(2011)." and "(2012)." alike — they are the references', not a
    running foot (a page number or a title repeated at the foot of every page is one)."""
    first = [
        b"References",
        b"[1] S. Hohna, T. Stadler, F. Ronquist, and T. Britton, Molecular Biology and Evolution 28, 2577",
        b"(2011).",
    ]
    second = [
        b"[2] S. Hohna and A. J. Drummond, Systematic Biology 61, 1 (2012).",
        b"[3] M. J. Landis and J. G. Schraiber, Proceedings of the National Academy of Sciences 114, 13224",
        b"(2012).",
    ]
    queries, _ = read_pdf(text_pages([first, second]), "phys.pdf")
    assert [q.year for q in queries] == [2011, 2012, 2012]


def test_a_page_of_a_plot_drawn_as_text_is_read_for_its_lines_with_a_word() -> None:
    """An astronomy paper's appendix (exoplanet radial velocities): a scatter plot set as text
    gives its page 53,811 lines of markers and tick labels, and reading them all cost more than
    the bar of 10 s a document; on so crowded a page only the lines holding a word are read. A
    page of a list reads every line: a wrapped "2004." or a label "[7]" alone holds no word."""
    plot = ["•", "0.25", "−10", "5", *(["•", "0.5"] * 1500), "Radial velocity [m/s]", "HD 215152"]
    assert [plot[at] for at in lines_to_read(plot)] == ["Radial velocity [m/s]", "HD 215152"]
    page = ["[7]", "A. Name, “A title,” Journal 12, 3–4,", "2004.", "[8] B. Name, “Another,” 2005."]
    assert lines_to_read(page) == [0, 1, 2, 3]


def _set(
    texts: list[tuple[str, float]], *, page: int = 1, top: float = 500.0, spacing: float = 11.0
) -> list[PdfLine]:
    """Lines of 9 pt type, each ``(text, indent)``, one ``spacing`` below the other from ``top``."""
    return [
        PdfLine(page, 0, 99.0 + indent, 9.0, text, indent, bottom=top - at * spacing)
        for at, (text, indent) in enumerate(texts)
    ]


# The R Journal's list and its authors' addresses after it (an R package's paper in the held-out
# PDF set): each reference's wrapped lines indented 10 pt, 19 pt between references; then each
# author's block, flush, its lines 11 pt apart, 25 pt between blocks.
_RJOURNAL_END = [
    *_set([("I. Wegener. Simulated annealing beats metropolis in combinatorial optimization. In", 0),
           ("Colloquium on Automata, Languages, and Programming, pages 589–601. Springer, 2005. [p1]", 10)],
          top=530),
    *_set([("Y. Xiang, S. Gubian, B. Suomela, and J. Hoeng. Generalized simulated annealing for global", 0),
           ("optimization: the GenSA package. The R Journal, 5(1):13–29, 2013. [p2]", 10)], top=500),
    *_set([("Kai Husmann", 0), ("Department of Forest Economics and Forest Management", 0),
           ("University of Goettingen", 0), ("Germany", 0), ("khusman@gwdg.de", 0)], top=453),
    *_set([("Carl Boettiger", 0), ("ESPM Department, University of California,", 0),
           ("130 Mulford Hall Berkeley, CA 94720-3114, USA", 0), ("ORCiD 0000-0002-1642-628X", 0),
           ("cboettig@berkeley.edu", 0)], top=384),
]  # fmt: skip


def test_the_authors_addresses_after_the_list_are_no_reference() -> None:
    """Each block (a name, a department, a street, a country, an ORCID whose "1642" is no year, an
    e-mail address) is dropped, from the list's end back to its last reference."""
    assert address_blocks(_RJOURNAL_END) == set(range(4, 14))


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(_RJOURNAL_END[:4], id="no-address-after-the-list"),
        pytest.param(
            [*_RJOURNAL_END[:4], *_set([("Contact: khusman@gwdg.de", 0)], top=470)],
            id="an-e-mail-address-alone-is-no-block",
        ),
        pytest.param(
            [*_set([("A. Name. A title of a work in a journal, 2013.", 0), ("khusman@gwdg.de", 10)])],
            id="an-indented-wrapped-line-is-a-references",
        ),
        pytest.param(
            [*_RJOURNAL_END[4:9], *_set([("A. Name. A title, 2013.", 0)], top=300)],
            id="a-block-followed-by-a-reference-is-none",
        ),
    ],
)
def test_what_is_no_address_block_is_kept(lines: list[PdfLine]) -> None:
    assert address_blocks(lines) == set()


def test_a_block_going_on_on_the_next_page_is_one_block() -> None:
    lines = [
        *_RJOURNAL_END[:4],
        *_set([("Brandon M. Greenwell", 0), ("University of Cincinnati", 0)], top=100),
        *_set([("2925 Campus Green Dr", 0), ("ORCiD: 0000-0002-8120-0084", 0), ("greenwell@gmail.com", 0)],
              page=2, top=760),
    ]  # fmt: skip
    assert address_blocks(lines) == set(range(4, 9))


def _bio(texts: list[str], top: float, *, hyphenated: int | None = None) -> list[PdfLine]:
    """A paragraph of 12 pt lines 14.4 pt apart, flush; the line ``hyphenated`` given with the next
    as one (PDFium's line hyphenated at its end), its last character a line lower."""
    lines = [PdfLine(22, 0, 72.0, 12.0, text, 0.0, bottom=top - at * 14.4) for at, text in enumerate(texts)]
    if hyphenated is None:
        return lines
    joined = lines[hyphenated]._replace(end_bottom=lines[hyphenated].bottom - 14.4)
    return [
        *lines[:hyphenated],
        joined,
        *(line._replace(bottom=line.bottom - 14.4) for line in lines[hyphenated + 1 :]),
    ]


# The authors' notes an Elsevier preprint sets after its list (github:cobrie23tcd/Paper-Niklas-FF-
# Monitoring, e9bb8f1, elsarticle-template-harv.pdf, pages 21–22): a paragraph each, flush, whose
# last line ends with the author's e-mail address; "Mu-nich" and "Busi-ness" hyphenated.
_NOTES_END = [
    PdfLine(21, 0, 72.0, 12.0, "Yin, R.K., 2018. Case Study Research and Applications: Design and"
            " Methods.", 0.0, bottom=709.2),
    PdfLine(21, 0, 83.6, 12.0, "Publications, Thousand Oaks, CA.", 11.6, bottom=694.7),
    *_bio(["Hans Ehm is a Senior Principal Engineer in Supply Chain and heads the Supply Chain"
           " Innovation",
           "department at Infineon Technologies AG. He holds a diploma in Applied Physics from HS Munich"
           " and an M.S. in Mechanical Engineering from Oregon State University. His email address is",
           "hans.ehm@infineon.com."], 575.2, hyphenated=1),
    *_bio(["Gerald Reiner is a professor in the field of Operations Management. He holds a diploma in"
           " Business Administration and has completed his doctorate and habilitation with a focus on"
           " optimizing",
           "operations and supply chain processes. His academic and professional expertise lies in"
           " areas such",
           "as sustainable supply chains, production planning, and integrating digital technologies"
           " into traditional business processes. His email address is gerald.reiner@wu.ac.at."],
          505.4, hyphenated=0),
]  # fmt: skip


def test_the_authors_notes_after_the_list_each_ending_with_an_e_mail_address_are_no_reference() -> None:
    assert address_blocks(_NOTES_END) == set(range(2, 8))


def test_a_reference_whose_last_line_ends_with_an_e_mail_address_is_kept() -> None:
    lines = _bio(["A. Name. Personal communication, 2019,", "by e-mail to a.name@example.org"], 500.0)
    assert address_blocks(lines) == set()


def test_line_numbers_given_apart_from_their_lines_number_the_page() -> None:
    """An ICML review copy: on a page of tables PDFium gives the margins' line numbers as lines of
    their own, a run of numbers before the page's text; a list's labels alone on their lines
    ("1", "2") have its references' lines between them."""
    assert numbered_by_its_lines([*map(str, range(552, 605)), "Table 4. Cosine similarity", "0.72 0.64"])
    labels = [line for number in range(1, 15) for line in (str(number), f"A. Name. Title {number}, 2019.")]
    assert not numbered_by_its_lines(labels)
    apart = [*map(str, range(1, 15)), *(f"A. Name. Title {n},\nJournal 4, 2019." for n in range(1, 15))]
    assert not numbered_by_its_lines("\n".join(apart).split("\n")), "labels PDFium gives before their lines"


def test_line_numbers_going_on_across_unnumbered_headings_number_the_page() -> None:
    """A Frontiers manuscript (github:stebjan/Frontiers_Latex, frontiers.pdf): lineno numbers every
    line but the headings, so the numbers go up by one across "ACKNOWLEDGMENTS" and "REFERENCES"
    as a list's bare labels go up across a reference's wrapped line; a heading is no wrapped line."""
    page = [
        "273 Currently, the EEG Data Processor allows addition of methods developed in Java language,",
        "274 our future work includes the development of advanced plug-in engine for automatic addition of",
        "275 methods in different programming languages (Java, Python, Matlab).",
        "ACKNOWLEDGMENTS",
        "276 Text Text Text Text Text Text Text Text Text Text Text Text Text Text Text Text Text Text",
        "277 Text Text Text Text Text. Text Text Text Text Text Text Text Text Text Text Text Text Text",
        "278 Text Text Text Text Text Text Text Text Text Text.",
        "279 Funding: Text Text Text Text Text Text Text Text.",
        "REFERENCES",
        "280 Blankenberg, D., Kuster, G. V., Coraor, N., Ananda, G., Lazarus, R., et al. (2010). Galaxy: A",
        "281 web-based genome analysis tool for experimentalists. Current protocols in molecular biology",
        "282 Ciniburk J., M. P.-R. T., Moucek R. (2010). Erp components detection using wavelet",
        "283 matching pursuit algorithm. In DCII (Prague)",
        "284 CXF (2001). Wsdl2java",
        "285 CXF (2005). Apache cxf",
        "286 DATAQ (2011). Waveform analysis using the fourier transform",
    ]
    assert numbered_by_its_lines(page)
    numbering = LineNumbering()
    assert numbering.page(page)
    next_page = [
        f"{number} Delorme A., M. S. (2004). Eeglab: an open source toolbox" for number in range(287, 293)
    ]
    assert numbering.page(next_page), "the next page goes on with the numbers"


@pytest.mark.parametrize(
    "lines",
    [
        # an exponent PDFium gives as a line of its own beside an equation's (an ecology
        # manuscript, github:jasonbertram/densitydependentlottery, manuscript.pdf)
        pytest.param(["² = 0. 2 (Eq. 11)", "²"], id="an-exponent"),
        # footnote marks set as superscript digits (a linguistics paper,
        # github:jishphillips/dissertation, NEC/NegexAust-JP.pdf)
        pytest.param(
            ["tial Cycle (NEC). Here, explicit markers of existential negation", "¹", "²⁹"],
            id="footnote-marks",
        ),
    ],
)
def test_a_superscript_digit_alone_on_its_line_is_no_line_number(lines: list[str]) -> None:
    """A superscript digit is a digit to ``str.isdigit`` but no number to ``int``: a line of one
    alone numbers no page (and reading it fails no document)."""
    assert not numbered_by_its_lines(lines)


@pytest.mark.parametrize(
    ("text", "end", "kept"),
    [
        # a French thesis (github:stefinouleho/redaction, these.pdf): the page's number 33 joined
        # to its last line, hyphenated at its end, a footer's distance below
        pytest.param("In International Collo\ufffe33", 57.0, "In International Collo\ufffe",
                     id="page-number"),
        # a thesis chapter (github:StatsRhian/thesis): its venue in italics
        pytest.param("In \ue000Advances in Neural Information Pro\ufffe\ue00111", 40.0,
                     "In \ue000Advances in Neural Information Pro\ufffe\ue001", id="after-an-italic-run"),
        pytest.param("pages 1231\ufffe1240", 65.0, "pages 1231\ufffe1240",
                     id="a-page-range-goes-on-a-line-below"),
        pytest.param("In International Collo\ufffe33", 65.0, "In International Collo\ufffe33",
                     id="a-lines-step-below"),
        pytest.param("Transactions on Pattern Analysis and Ma\ufffechine", 40.0,
                     "Transactions on Pattern Analysis and Ma\ufffechine", id="a-word-goes-on"),
    ],
)  # fmt: skip
def test_a_page_number_pdfium_joined_to_a_hyphenated_last_line_is_cut(
    text: str, end: float, kept: str
) -> None:
    """The page's last line on a baseline at 77 points, in 12 pt type: what PDFium joined after
    its hyphen a footer's distance below (more than 1.4 ems) is the page's number, not the word's
    rest; a line's step below it is the next line."""
    from bibnorm.readers.pdf import _without_page_number

    assert _without_page_number(text, 77.0, end, 12.0)[0] == kept


_DISCUSSION_PAGE = [
    "Aumont, O., Maier-Reimer, E., Blain, S., and Pondaven, P.:"
    " An ecosystem model of the global ocean including",
    "810 Fe, Si, P co-limitations, Global Biogeochemical Cycles, 17, 2003.",
    "Aumont, O., Ethé, C., Tagliabue, A., Bopp, L., and Gehlen, M.: PISCES-v2: an ocean biogeochemical model",
    "for carbon and ecosystem studies, Geoscientific Model Development, 8, 2465–2513, 2015.",
    "Baas-Becking, L. G. M.: Geobiologie of Inleiding Tot de Milieukunde, Van Stockum & Zoon, The Hague,",
    "1934.",
    "815 Bacastow, R. and Maier-Reimer, E.: Ocean-circulation"
    " model of the carbon cycle, Climate Dynamics, 4, 95–",
    "125, 1990.",
    "Bec, B., Collos, Y., Vaquer, A., Mouillot, D., and Souchu,"
    " P.: Growth rate peaks at intermediate cell size in",
    "marine photosynthetic picoeukaryotes, Limnology and Oceanography, 53, 863–867, 2008.",
    "Behrenfeld, M. J. and Falkowski, P. G.: Photosynthetic"
    " rates derived from satellite-based chlorophyll concen-",
    "820 tration, Limnology and Oceanography, 42, 1–20, 1997.",
]


def test_a_discussion_papers_number_before_every_fifth_line_is_cut() -> None:
    """A Copernicus discussion paper (github:geebes/EcoGEnIE-desc, EcoGEnIE.pdf) numbers every
    fifth line in the margin: "810", four lines, "815" before "Bacastow, R.", which opens a
    reference only without it; "1934." and "125, 1990." open with no line number."""
    cuts = fifth_line_cuts(_DISCUSSION_PAGE)
    assert cuts is not None
    cut = [piece[lead:] for piece, (lead, _) in zip(_DISCUSSION_PAGE, cuts, strict=True)]
    assert cut[1] == "Fe, Si, P co-limitations, Global Biogeochemical Cycles, 17, 2003."
    assert cut[6].startswith("Bacastow, R. and Maier-Reimer, E.:")
    assert cut[11] == "tration, Limnology and Oceanography, 42, 1–20, 1997."
    assert [at for at, (lead, _) in enumerate(cuts) if lead] == [1, 6, 11]


def test_labels_and_years_are_no_fifth_line_numbers() -> None:
    """A list labelled by bare numbers has its labels 5, 10, 15 five one-line references apart,
    but the lines between open with numbers too; a table's years (1990, 1995, 2000) go up by five
    a line apart; a page with two numbers five lines apart shows no run."""
    labels = [f"{number} A. Name, Journal 4, 2019." for number in range(1, 21)]
    assert fifth_line_cuts(labels) is None
    years = ["Year Catch", "1990 12.1", "1995 13.4", "2000 14.0", "2005 15.2", "Table 2: the catch."]
    assert fifth_line_cuts(years) is None
    assert fifth_line_cuts(_DISCUSSION_PAGE[:7]) is None
