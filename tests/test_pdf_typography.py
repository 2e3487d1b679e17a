"""A PDF reference list's typography read with its text: italic runs end titles that punctuation
cannot (a book's "Title. Subtitle", an IEEE book's title before its place and publisher)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers._italic_titles import italic_runs
from bibnorm.readers._pdf_accents import join_overlaid_accents
from bibnorm.readers._pdf_typography import mark_italics, unmark_italics
from bibnorm.readers.pdf import PdfLine, read_pdf, references_section
from bibnorm.readers.refs import parse_reference
from clients import PDFLATEX, latex_errors, need, run
from pdf_lines import read_lines, styled


def _italic_at(*spans: tuple[int, int]):  # type: ignore[no-untyped-def]
    return lambda index: any(start <= index < end for start, end in spans)


@pytest.mark.parametrize(
    ("piece", "start", "italic", "text", "runs"),
    [
        pytest.param("Doe (2000). Title. Sub. Place", 0, _italic_at((12, 23)),
                     "Doe (2000). Title. Sub. Place", ["Title. Sub."], id="a-run-with-a-period-inside"),
        pytest.param("In: Journal 97, pp. 1", 100, _italic_at((104, 112)), "In: Journal 97, pp. 1",
                     ["Journal"], id="the-space-after-a-run-is-no-part-of-it"),
        pytest.param("plain text", 0, _italic_at(), "plain text", [], id="no-italics"),
        pytest.param("A, Book One. X, Book Two", 0, _italic_at((3, 11), (16, 24)), "A, Book One. X, Book Two",
                     ["Book One.", "Book Two"], id="two-runs-a-words-punctuation-with-it"),
        pytest.param("A Model of (MVS) Systems. IBM", 0, _italic_at((0, 10), (12, 15), (17, 24)),
                     "A Model of (MVS) Systems. IBM", ["A Model of (MVS) Systems."],
                     id="a-word-is-italic-by-its-first-letter"),
        pytest.param("Computers & Typesetting. Vol", 0, _italic_at((0, 9), (12, 23)),
                     "Computers & Typesetting. Vol", ["Computers & Typesetting."],
                     id="a-word-without-letters-goes-on-the-run"),
    ],
)  # fmt: skip
def test_italic_runs_are_marked_in_the_text_and_taken_out_as_spans(
    piece: str, start: int, italic: object, text: str, runs: list[str]
) -> None:
    plain, spans = unmark_italics(mark_italics(piece, start, italic))  # type: ignore[arg-type]
    assert plain == text
    assert [plain[a:b] for a, b in spans] == runs


def test_a_joined_accent_shifts_no_word_out_of_its_font() -> None:
    """OT1's accent over its letter is two characters on the page and one in the text read
    ("H¨ohna" is "Höhna"): the italics are marked by the page's characters before the accent is
    joined, so the italic journal's first word stays italic ("Höhna, S. (2012). Title,
    *Systematic Biology* 61")."""
    raw = "H¨ohna, S. (2012). Title, Systematic Biology 61"
    on_page = _italic_at((100 + raw.index("Systematic"), 100 + raw.index(" 61")))

    def box(at: int) -> tuple[float, float, float, float]:
        x = float(at - 100) if at - 100 != 1 else 2.2  # the umlaut drawn over the "o" after it
        return (x, 0.0, x + (0.6 if at - 100 == 1 else 1.0), 1.0)

    joined = join_overlaid_accents(mark_italics(raw, 100, on_page), 100, box)
    plain, spans = unmark_italics(joined)
    assert plain == "Höhna, S. (2012). Title, Systematic Biology 61"
    assert [plain[a:b] for a, b in spans] == ["Systematic Biology"]


def test_a_run_that_ends_its_line_goes_on_at_the_start_of_the_next() -> None:
    lines = [
        ("Chiu, Willy W. (1978). A Hybrid Hierarchical Model of a", [(23, 55)]),
        ("Multiple Virtual Storage Operating System. Research rep.", [(0, 41)]),
        ("IBM. In: Some Journal", [(9, 21)]),
    ]
    assert italic_runs(lines) == [
        "A Hybrid Hierarchical Model of a Multiple Virtual Storage Operating System",
        "Some Journal",
    ]


@pytest.mark.parametrize("mark", [":", ";", "–"])
def test_a_run_goes_on_past_a_subtitles_mark_that_opens_the_next_line(mark: str) -> None:
    """IEEE's book title with French spacing (a real thesis's .bbl: "\\emph{Navigating mobile
    robots : systems and techniques}"): the mark, with no letter to be italic by, opens the
    next line upright; a bracket there ends the run."""
    lines = [
        ("J. J. Borenstein, and L. L. Feng, Navigating mobile robots", [(34, 58)]),
        (f"{mark} systems and techniques. A K Peters, 1996.", [(2, 24)]),
        ("(Lecture Notes, vol. 5)", [(1, 14)]),
    ]
    assert italic_runs(lines) == [
        f"Navigating mobile robots {mark} systems and techniques",
        "Lecture Notes",
    ]


def test_an_italic_title_is_read_whole_and_a_quoted_one_stays_as_quoted() -> None:
    """biblatex's authoryear style (its 50-style-authoryear sample, texlive-doc): a book's title
    and subtitle in italics across the period between them; an article's title in quotes, the
    journal's name in italics after "In:"."""
    lines = [
        styled("Gerhardt, Michael J. (2000). The Federal Appointments Process. A Constitu-",
                "The Federal Appointments Process. A Constitu-"),
        styled("tional and Historical Analysis. Durham and London: Duke University Press.",
                "tional and Historical Analysis", indent=10.0),
        styled("Gillies, Alexander (1933). “Herder and the Preparation of Goethe’s Idea of"),
        styled("World Literature.” In: Publications of the English Goethe Society. New ser.",
                "Publications of the English Goethe Society", indent=10.0),
        styled("9, pp. 46–67.", indent=10.0),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.title for q in queries] == [
        "The Federal Appointments Process. A Constitutional and Historical Analysis",
        "Herder and the Preparation of Goethe’s Idea of World Literature",
    ]
    assert [q.authors[0] for q in queries] == ["Gerhardt, Michael J", "Gillies, Alexander"]
    assert queries[0].raw.startswith("Gerhardt, Michael J. (2000). The Federal")  # no quotes added


def test_an_ieee_books_italic_title_is_the_title_not_its_place_and_publisher() -> None:
    """biblatex-ieee's sample (texlive-doc): "B. K. Bul, *Theory …*. Moscow: Energia Press, 1964"."""
    lines = [
        styled("[1] B. K. Bul, Theory Principles and Design of Magnetic Circuits. Moscow:",
                "Theory Principles and Design of Magnetic Circuits"),
        styled("Energia Press, 1964, p. 464, (in Russian).", indent=12.0),
        styled("[2] H. E. Rose, A Course in Number Theory. New York: Oxford Univ. Press, 1988.",
                "A Course in Number Theory"),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.title for q in queries] == [
        "Theory Principles and Design of Magnetic Circuits",
        "A Course in Number Theory",
    ]
    assert [q.authors for q in queries] == [("B. K. Bul",), ("H. E. Rose",)]
    assert [q.year for q in queries] == [1964, 1988]


def test_a_reference_without_names_opening_with_an_italic_run_has_it_for_its_title() -> None:
    """biblatex-ieee's sample (texlive-doc): a manual and a standard without authors, their
    italic titles first."""
    lines = [
        styled("[12] FLEXChip signal processor (MC68175/D), Motorola, 1996.",
                "FLEXChip signal processor (MC68175/D)"),
        styled("[16] Wireless LAN medium access control (MAC) and physical layer (PHY) specification, IEEE",
                "Wireless LAN medium access control (MAC) and physical layer (PHY) specification"),
        styled("Std. 802.11, 1997.", indent=12.0),
    ]  # fmt: skip
    assert [q.title for q in read_lines(lines)] == [
        "FLEXChip signal processor (MC68175/D)",
        "Wireless LAN medium access control (MAC) and physical layer (PHY) specification",
    ]


def test_names_in_italics_opening_a_reference_are_no_title() -> None:
    """A Russian thesis's GOST list (biblatex-gost): the names in italics, the title upright after
    them, the container after "//"; a run without initials opening an item is no names."""
    lines = [
        styled("[1] Akimova E. N., Misilov V. E., Tretyakov A. I. Optimized Algorithms for Solving",
                "Akimova E. N., Misilov V. E., Tretyakov A. I."),
        styled("Structural Inverse Gravimetry Problems on GPUs // Communications in", indent=12.0),
        styled("Computer and Information Science. Vol. 753. — 2017. — Pp. 144–155.", indent=12.0),
        styled("[2] Blaschke B., Neubauer A. On convergence rates for the iteratively regularized",
                "Blaschke B., Neubauer A."),
        styled("Gauss-Newton method // IMA Journal of Numerical Analysis. — 1997. — Vol. 17.", indent=12.0),
        styled("[3] Kelley C. Iterative Methods for Linear and Nonlinear Equations. — Philadelphia:",
                "Kelley C"),
        styled("Siam, 1995.", indent=12.0),
        # a periodical's name in italics opening an issue's entry is its title, no names
        styled("[4] Computers and Graphics 35.4 (2011): Semantic 3D Media and Content.",
                "Computers and Graphics"),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.title for q in queries] == [
        "Optimized Algorithms for Solving Structural Inverse Gravimetry Problems on GPUs",
        "On convergence rates for the iteratively regularized Gauss-Newton method",
        "Iterative Methods for Linear and Nonlinear Equations",
        "Computers and Graphics",
    ]
    assert [q.authors for q in queries] == [
        ("Akimova E. N", "Misilov V. E", "Tretyakov A. I"),
        ("Blaschke B", "Neubauer A"),
        ("Kelley C",),
        (),
    ]


def test_an_upright_article_title_before_an_italic_journal_stays_the_title() -> None:
    """APA: the article's title upright, the journal's name (and volume) in italics after it."""
    lines = [
        styled("Smith, J. A. (2019). Learning to read reference lists. Journal of Documents, 12(3), 1–20.",
                "Journal of Documents, 12"),
    ]  # fmt: skip
    assert read_lines(lines)[0].title == "Learning to read reference lists"


def test_a_typeset_pdfs_italic_titles_are_read_from_its_fonts(tmp_path: Path) -> None:
    """pdflatex with Computer Modern (Type 1): \\textit is set in cmti, whose italic angle PDFium reads."""
    need("pdflatex")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\begin{document}Body text.\n"
        "\\section*{References}\\raggedright\\setlength{\\parindent}{0pt}\n"
        "\\hangindent=2em Gerhardt, Michael J. (2000). \\textit{The Federal Appointments Process."
        " A Constitutional and Historical Analysis}. Durham and London: Duke University Press.\\par\n"
        "\\hangindent=2em Westfahl, Gary (2000). \\textit{Space and Beyond. The Frontier Theme in Science"
        " Fiction}. Westport, Conn.: Greenwood.\\par\n"
        "\\hangindent=2em Doody, Terrence (1974). ``Hemingway's Style and Jake's Narration.''"
        " In: \\textit{The Journal of Narrative Technique} 4.3, pp. 212--225.\\par\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    done = run(PDFLATEX, tmp_path)
    assert not latex_errors(done.stdout), done.stdout[-2000:]
    queries, _ = read_pdf((tmp_path / "doc.pdf").read_bytes(), "doc.pdf")
    assert [q.title for q in queries] == [
        "The Federal Appointments Process. A Constitutional and Historical Analysis",
        "Space and Beyond. The Frontier Theme in Science Fiction",
        "Hemingway’s Style and Jake’s Narration",
    ]


def _sized(text: str, size: float = 10.0, indent: float = 0.0) -> PdfLine:
    return PdfLine(1, 0, 72.0 + indent, size, text, indent)


def test_a_part_of_the_list_under_a_heading_that_names_references_is_read_with_it() -> None:
    """caspervector's sample (texlive-doc): a References heading, then a second part of the list
    under a heading as large ("其它参考文献示例"); an appendix heading as large ends the list."""
    lines = [
        _sized("Body text of the paper.", 11.0),
        _sized("References", 14.0),
        _sized("Lehman, P. (2016). The biblatex Package. Ver. 3.7."),
        _sized("Other references, as examples", 14.0),
        _sized("Baker, S. K. (1995). The future of resource sharing. New York: The Haworth Press."),
        _sized("A Appendix", 14.0),
        _sized("Proof of the theorem."),
    ]
    section = references_section(lines)
    assert section is not None
    assert [line.text for line in lines[section.first : section.end]] == [line.text for line in lines[2:5]]


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        pytest.param("胡振震 (2018)。符合 GB/T 7714-2015 标准的 biblatex 参考文献样式 [M/OL]。Ver. 1.0k。",
                     "符合 GB/T 7714-2015 标准的 biblatex 参考文献样式", 2018, id="author-year"),
        pytest.param("汪冰 (1997)。电子图书馆理论与实践研究 [M]。北京：北京图书馆出版社。",
                     "电子图书馆理论与实践研究", 1997, id="book"),
    ],
)  # fmt: skip
def test_a_chinese_references_ideographic_full_stops_end_its_sentences(
    text: str, title: str, year: int
) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.year) == (title, year)


def test_authortitles_dash_takes_the_previous_authors_and_an_italic_title_is_read_whole() -> None:
    """biblatex's authortitle style (its 60-style-authortitle sample, texlive-doc): no year after
    the names, the repeated authors printed "—", a book's title and subtitle in italics."""
    lines = [
        styled("Westfahl, Gary. Space and Beyond. The Frontier Theme in Science Fiction. Westport,",
                "Space and Beyond. The Frontier Theme in Science Fiction"),
        styled("Conn. and London: Greenwood, 2000.", indent=10.0),
        styled("— “The True Frontier. Confronting and Avoiding the Realities of Space.” In: Space",
                "Space"),
        styled("and Beyond. Westport, Conn. and London: Greenwood, 2000, pp. 55–65.", "and Beyond",
                indent=10.0),
        styled("— The Epistle on the Possibility of Conjunction. Ed. and trans. by Kalman P. Bland.",
                "The Epistle on the Possibility of Conjunction"),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.title for q in queries] == [
        "Space and Beyond. The Frontier Theme in Science Fiction",
        "The True Frontier. Confronting and Avoiding the Realities of Space",
        "The Epistle on the Possibility of Conjunction",
    ]
    assert [q.authors for q in queries] == [queries[0].authors] * 3
    assert queries[0].authors[0].startswith("Westfahl")


_GLASHOW = "“Partial Symmetries of Weak Interactions.” In: Nucl. Phys. 22"
_WEINBERG = "“A Model of Leptons.” In: Phys. Rev. Lett. 19"
_MEMBERS = ["Partial Symmetries of Weak Interactions", "A Model of Leptons"]


@pytest.mark.parametrize(
    ("text", "members"),
    [
        pytest.param(f"Glashow, Sheldon (1961). {_GLASHOW}, pp. 579–588; Weinberg, Steven (1967). "
                     f"{_WEINBERG}, pp. 1264–1266", _MEMBERS, id="authoryear-set"),
        pytest.param(f"(a) Sheldon Glashow. {_GLASHOW} (1961), pp. 579–588; (b) Steven Weinberg. "
                     f"{_WEINBERG} (1967), pp. 1264–1266", _MEMBERS, id="subentry-labels"),
        pytest.param("Doe, Jane (2001). “Rivers; Lakes and Seas of the North.” In: Geogr. J. 12, pp. 1–9.",
                     ["Rivers; Lakes and Seas of the North"], id="a-semicolon-in-a-title-stays"),
        pytest.param("Doe, Jane (2001). Maps of the North. London; New York: Routledge.",
                     ["Maps of the North"], id="a-semicolon-between-places-stays"),
        # a Springer Nature reference list (sn-article.cls), a translation and a reprint in brackets
        pytest.param("Sakharov, A.D.: Vacuum quantum fluctuations in curved space and the theory of "
                     "gravitation. Dokl. Akad. Nauk SSSR 177, 70–71 (1967). [Sov. Phys. Dokl. 12 (1968) "
                     "1040; Gen. Rel. Grav. 32 (2000) 365]",
                     ["Vacuum quantum fluctuations in curved space and the theory of gravitation"],
                     id="a-semicolon-inside-brackets-stays"),
        # a book review's reference (Systematic Biology), a book's two ISBNs
        pytest.param("Julia Sigwart. Gene Genealogies, Variation and Evolution: A Primer in Coalescent "
                     "Theory. 2004. Oxford University Press, Oxford. ISBN 0-19-852996-1, £29.95 (paperback); "
                     "ISBN 0-19-852995-3, £65.00 (hardback). Systematic Biology, 54(6):986–987, 2005.",
                     ["Gene Genealogies, Variation and Evolution: A Primer in Coalescent Theory"],
                     id="a-semicolon-before-an-isbn-stays"),
    ],
)  # fmt: skip
def test_an_entry_sets_members_are_references_of_their_own(text: str, members: list[str]) -> None:
    """biblatex's entry sets (its sample documents, texlive-doc): one item, members after semicolons."""
    first = "[1] Roe, Richard (2000). “A reference before the set.” In: J. Things 1, pp. 1–2."
    queries = read_lines([_sized(first), _sized(f"[2] {text}")])
    assert [q.title for q in queries[1:]] == members
    assert [q.label for q in queries[1:]] == ["2"] + [None] * (len(members) - 1)


def test_works_cited_together_in_a_physics_item_are_references_of_their_own() -> None:
    """Physical Review prints works cited together as one item, joined by semicolons, with no
    titles; "ibid." stands for the journal before it."""
    first = "[1] A. Author, Phys. Rev. B 1, 2 (2000)."
    item = "[2] K. G. Wilson, Phys. Rev. D 10, 2445 (1974); J. Kogut and L. Susskind, ibid. 11, 395 (1975)."
    queries = read_lines([_sized(first), _sized(item)])
    assert [(q.authors[0], q.year, q.label) for q in queries[1:]] == [
        ("K. G. Wilson", 1974, "2"),
        ("J. Kogut", 1975, None),
    ]


_TABLES = "International Tables for Crystallography."
_VOLUME_TITLE = "Mathematical, Physical and Chemical Tables"
_NATURE_VOLUME = f"{_TABLES} C: {_VOLUME_TITLE} 3rd ed. (eds Wilson, A. J. C. & Prince, E.) (Kluwer, 1992)."
_NATURE_REPORT = (
    "Allen, R. A., Smith, D. B. & Hiscott, J. E. Radioisotope Data UKAEA Research Group Report AERE-R 2938 "
    "(H.M.S.O., London, 1961)."
)
_REDDIT = "I have every publicly available reddit comment for research. 1.7 billion comments at 250 gb"


@pytest.mark.parametrize(
    ("text", "italic", "title"),
    [
        pytest.param(f"Baumgartner, J. (2016). {_REDDIT}. Retrieved from https://www.reddit.com/r/datasets/",
                     _REDDIT, "I have every publicly available reddit comment for research",
                     id="a-sentence-opening-with-a-number-is-no-subtitle"),
        pytest.param("Knuth, Donald E. (1986a). Computers & Typesetting. Vol. B: TeX: The Program. Reading: "
                     "Addison-Wesley.", ("Computers & Typesetting.", "TeX: The Program."), "TeX: The Program",
                     id="a-volumes-own-title-after-its-works"),
        pytest.param("Smith, I. M. (1998). U.S. Patent No. 123,445. Washington, DC: U.S. Patent Office.",
                     "U.S. Patent No. 123,445", "U.S. Patent No. 123,445",
                     id="a-number-after-an-abbreviation-goes-on"),
        pytest.param("A. J. C. Wilson, E. Prince, Eds., International Tables for Crystallography, vol. C: "
                     "Mathematical, Physical and Chemical Tables (Kluwer Academic Publishers, Dordrecht, "
                     "Netherlands, ed. 3, 1992), vol. C.",
                     ("International Tables for Crystallography,",
                      "Mathematical, Physical and Chemical Tables"),
                     "Mathematical, Physical and Chemical Tables", id="science-a-volumes-title-after-vol-c"),
        pytest.param(_NATURE_VOLUME, (_TABLES, _VOLUME_TITLE), _VOLUME_TITLE,
                     id="nature-a-volumes-title-after-its-letter"),
        pytest.param(_NATURE_REPORT, "Radioisotope Data", "Radioisotope Data",
                     id="nature-a-reports-kind-and-number-after-its-title"),
        pytest.param("Martín Abadi, Anindya Banerjee, and Jon Riecke, A core calculus of dependency, "
                     "Principles of Programming Languages (POPL), 1999.", "A core calculus of dependency,",
                     "A core calculus of dependency", id="amsplain-names-then-the-italic-title"),
        pytest.param(", Variations in access control logic, Deontic Logic in Computer Science (DEON), 2008.",
                     "Variations in access control logic,", "Variations in access control logic",
                     id="amsplain-the-rule-for-the-names-then-the-italic-title"),
        pytest.param("Dennis Volpano, Geoffrey Smith, and Cynthia Irvine, A sound type system for secure "
                     "flow analysis, Journal of Computer Security (JCS) 4 (1996), no. 3.",
                     "A sound type system for secure flow analysis,",
                     "A sound type system for secure flow analysis", id="amsplain-an-article"),
        pytest.param("K. Dehnicke, J. Strähle, Angew. Chem. 93, 451–464 (1981).", "Angew. Chem.", None,
                     id="science-a-journal-after-the-names-is-no-title"),
        pytest.param("ABSPACK, CrysAlis CCD and CrysAlis RED, version 1.171 (Oxford Diffraction, 2006).",
                     "CrysAlis CCD and CrysAlis RED", "ABSPACK, CrysAlis CCD and CrysAlis RED",
                     id="a-word-before-the-italics-opens-the-title"),
        pytest.param("FLEXChip signal processor (MC68175/D), Motorola, 1996.",
                     "FLEXChip signal processor (MC68175/D),",
                     "FLEXChip signal processor (MC68175/D)", id="ieee-a-manuals-title-ends-at-its-bracket"),
        pytest.param("Hughes, G. E. and Cresswell, M. J. (1996), A New Introduction to Modal Logic, "
                     "Routledge.",
                     "A New Introduction to Modal Logic", "A New Introduction to Modal Logic",
                     id="harvard-a-publisher-after-the-title"),
        pytest.param("Lewis, E. B. (1978). Drosophila: Genes Controlling Segmentation. Nature.", "Drosophila",
                     "Drosophila: Genes Controlling Segmentation", id="a-short-italic-run-opens-a-title"),
        pytest.param("Gerhardt, Michael J. (2000). The Federal Appointments Process. A Constitutional and "
                     "Historical Analysis 2. Durham: Duke University Press.",
                     "The Federal Appointments Process. A Constitutional and Historical Analysis 2",
                     "The Federal Appointments Process. A Constitutional and Historical Analysis 2",
                     id="a-number-inside-the-italics-stays"),
        # JHEP's (a physics dissertation of bench/pdf_fresh): the title and the journal in one italic run
        pytest.param("P. W. Higgs, Broken symmetries and the masses of gauge bosons, Phys. Rev. Lett. 13 "
                     "(Oct, 1964) 508–509.",
                     "Broken symmetries and the masses of gauge bosons, Phys. Rev. Lett.",
                     "Broken symmetries and the masses of gauge bosons", id="jhep-the-journal-italic-too"),
        pytest.param("V. C. Rubin, Dark matter in spiral galaxies, Scientific American 248 (June, 1983) "
                     "96–106.", "Dark matter in spiral galaxies, Scientific American",
                     "Dark matter in spiral galaxies", id="jhep-a-journals-full-name-italic-too"),
        # ACS's (a thesis of bench/pdf_fresh): a style that prints no title sets the journal in
        # italics, an old abbreviation no list holds
        pytest.param("Nagai, O.; Nakamura, T. Progr. Theoret. Phys. 1960, 24, 432–454.",
                     "Progr. Theoret. Phys.", None, id="acs-an-unlisted-abbreviated-journal-is-no-title"),
        # an amsplain-like dissertation's (bench/pdf_fresh): a journal no list names, read as the venue
        pytest.param("T. D. Banitt, The halting problem, Macalester Journal of Philosophy 5 (2010), no. 1 4.",
                     "The halting problem, Macalester Journal of Philosophy", "The halting problem",
                     id="a-journal-no-list-names-italic-too"),
        # an ecology paper's natbib list (github:samuelVJrobinson/canola_yield_project): a species
        # in italics ends the title, the journal in italics after it — in one run, or in two
        pytest.param("Cresswell, J. E. and Lahoubi, M. 2004. Aerodynamics of wind pollination in a "
                     "zoophilous flower, Brassica napus. Functional Ecology, 18(6):861–866.",
                     "Brassica napus. Functional Ecology,",
                     "Aerodynamics of wind pollination in a zoophilous flower, Brassica napus",
                     id="a-species-and-the-journal-in-one-italic-run"),
        pytest.param("Sahli, H. F. and Conner, J. K. 2007. Visitation, effectiveness, and efficiency of 15 "
                     "genera of visitors to wild radish, Raphanus raphanistrum (Brassicaceae). American "
                     "Journal of Botany, 94(2):203–209.",
                     ("Raphanus raphanistrum", "American Journal of Botany,"),
                     "Visitation, effectiveness, and efficiency of 15 genera of visitors to wild radish, "
                     "Raphanus raphanistrum (Brassicaceae)",
                     id="a-species-then-the-italic-journal"),
    ],
)  # fmt: skip
def test_an_italic_run_extends_a_title_only_by_a_subtitle_or_a_volume(
    text: str, italic: str | tuple[str, ...], title: str | None
) -> None:
    """biblatex-apa's test document and biblatex's styles' samples (texlive-doc), a paper's APA
    list, and the numbered styles (amsplain, SIAM, IEEE, Science, Nature; econ's in
    test_refs_author_year.py): styles capitalise a subtitle; a title cut at an abbreviation's
    period goes on with its number; a multi-volume work's volume has a title of its own, italic
    after "Vol. B:", ", vol. C:" or "C:"; the names, then the italic title, joined by commas."""
    runs = (italic,) if isinstance(italic, str) else italic
    # none read (a style that prints no article's title): the query keeps its whole text
    assert read_lines([styled(text, *runs)])[0].title == (text if title is None else title)


@pytest.mark.parametrize(
    ("piece", "italic", "runs"),
    [
        pytest.param("8CORINA: generation of 3D coordinates, (2006) http", _italic_at((1, 39)),
                     ["CORINA: generation of 3D coordinates,"], id="a-raised-label-before-an-italic-title"),
        pytest.param("3D coordinates, (2006)", _italic_at((0, 15)), ["3D coordinates,"],
                     id="an-italic-word-opening-with-a-digit"),
        pytest.param("2nd ed. (Wiley, 1999)", _italic_at(), [], id="an-upright-word-opening-with-a-digit"),
    ],
)  # fmt: skip
def test_upright_digits_run_into_an_italic_word_stay_out_of_its_run(
    piece: str, italic: object, runs: list[str]
) -> None:
    """biblatex-phys's sample (texlive-doc): the raised label "⁸" is upright, the title that opens
    the reference (no names) italic; PDFium runs the two into one word."""
    plain, spans = unmark_italics(mark_italics(piece, 0, italic))  # type: ignore[arg-type]
    assert plain == piece
    assert [plain[a:b] for a, b in spans] == runs


_ALLEN = "R. A. Allen, D. B. Smith, and J. E. Hiscott"
_WILSON = "A. J. C. Wilson and E. Prince, eds."


@pytest.mark.parametrize(
    ("text", "italic", "title"),
    [
        pytest.param(f"{_ALLEN}, Radioisotope data, UKAEA Research Group Report AERE-R 2938 (H.M.S.O., "
                     "London, 1961).", ("Radioisotope data,",), "Radioisotope data",
                     id="report-type-and-number"),
        pytest.param("P. W. M. N. van Leeuwen, K. Morokuma, and J. van Lenthe, eds., Theoretical aspects "
                     "of homogeneous catalysis, Catalysis by Metal Compounds 18 (Kluwer Academic Press, "
                     "Dordrecht, Netherlands, 1995).", ("Theoretical aspects of homogeneous catalysis,",),
                     "Theoretical aspects of homogeneous catalysis", id="book-series-and-number"),
        pytest.param(f"{_WILSON}, International tables for crystallography, Vol. C: Mathematical, "
                     "physical and chemical tables, 3rd ed. (Kluwer Academic Publishers, Dordrecht, "
                     "Netherlands, 1992).", ("International tables for crystallography,",
                                             "Mathematical, physical and chemical tables,"),
                     "Mathematical, physical and chemical tables", id="a-volumes-title-after-a-comma"),
        pytest.param("ABSPACK, CrysAlis CCD and CrysAlis RED, version 1.171 (Oxford Diffraction Ltd., "
                     "Abingdon, United Kingdom, 2006).", ("ABSPACK, CrysAlis CCD and CrysAlis RED,",),
                     "ABSPACK, CrysAlis CCD and CrysAlis RED", id="software-without-authors"),
    ],
)  # fmt: skip
def test_a_physics_styles_italic_title_ends_where_its_italics_do(
    text: str, italic: tuple[str, ...], title: str
) -> None:
    """biblatex-phys's sample (texlive-doc): fields joined by commas, a book's or a report's title
    in italics, then upright its type and number, its series, its version or its volume's title."""
    first = _sized("[1] A. J. Arduengo III, R. L. Harlow, and M. Kline, “A stable crystalline carbene”, "
                   "J. Am. Chem. Soc. 113, 361–363 (1991).")  # fmt: skip
    assert read_lines([first, styled(f"[2] {text}", *italic)])[1].title == title


@pytest.mark.parametrize(
    ("text", "italic", "title", "first_author"),
    [
        # given names in full, then the family name: no Vancouver "Family I." list
        pytest.param(
            "James E. Humphreys, Linear algebraic groups, Springer-Verlag, New York-Heidelberg, "
            "1975, Graduate Texts in Mathematics, No. 21. MR 0396773 (53 #633)",
            "Linear algebraic groups,", "Linear algebraic groups", "James E. Humphreys",
            id="a-book-its-publisher-after-a-comma",
        ),
        pytest.param(
            "Dmitri N. Akhiezer, Lie group actions in complex analysis, Aspects of Mathematics, "
            "E27, Friedr. Vieweg & Sohn, Braunschweig, 1995. MR 1334091",
            "Lie group actions in complex analysis,", "Lie group actions in complex analysis",
            "Dmitri N. Akhiezer", id="a-book-its-series-after-a-comma",
        ),
        # a quotation after the italic title, in the proceedings' name, is no title
        pytest.param(
            "Richard W. Sharpe, An introduction to Cartan geometries, Proceedings of the 21st "
            "Winter School “Geometry and Physics” (Srní, 2001), no. 69, 2002, pp. 61–75. MR 2004f:53023",
            "An introduction to Cartan geometries,", "An introduction to Cartan geometries",
            "Richard W. Sharpe", id="a-quotation-after-the-title",
        ),
        # a cue of the next field after the run's comma, not a title's word going on
        pytest.param(
            "R. S. Liptser and A. N. Shiryaev, Statistics of random processes. II, vol. 6 of Applications "
            "of Mathematics (New York), Springer-Verlag, Berlin, expanded ed., 2001.",
            "Statistics of random processes. II,", "Statistics of random processes. II", "R. S. Liptser",
            id="a-volume-after-the-title",
        ),
        # nor an edition's statement after it
        pytest.param(
            "Nicolas Bourbaki, Algebra II. Chapters 4–7, french ed., Elements of Mathematics (Berlin), "
            "Springer-Verlag, Berlin, 2003. MR 1994218",
            "Algebra II. Chapters 4–7,", "Algebra II. Chapters 4–7", "Nicolas Bourbaki",
            id="an-edition-after-the-title",
        ),
        # the rules read the run's first part as a name: the run is the title still
        pytest.param(
            "Nicolas Bourbaki, Lie groups and Lie algebras. Chapters 4–6, Elements of Mathematics "
            "(Berlin), Springer-Verlag, Berlin, 2002, Translated from the 1968 French original by "
            "Andrew Pressley. MR 1890629",
            "Lie groups and Lie algebras. Chapters 4–6,", "Lie groups and Lie algebras. Chapters 4–6",
            "Nicolas Bourbaki", id="the-run-read-into-the-names",
        ),
    ],
)  # fmt: skip
def test_amsplains_italic_title_after_names_in_full_ends_where_its_italics_do(
    text: str, italic: str, title: str, first_author: str
) -> None:
    """amsplain (TeX Live) sets a title in italics between commas, the names before it with their
    given names in full; real entries from a public paper's list (gh-ben-mckay's)."""
    first = styled(
        "[1] Benjamin McKay, Characteristic forms of complex Cartan geometries, Adv. Geom. 11 "
        "(2011), no. 2, 139–168. MR 2795426",
        "Characteristic forms of complex Cartan geometries,",
    )
    read = read_lines([first, styled(f"[2] {text}", italic)])[1]
    assert (read.title, read.authors[0]) == (title, first_author)


def test_a_species_name_in_italics_opening_an_upright_title_does_not_end_it() -> None:
    """APA: an article's title upright, a species' name in it italic; what follows the name's
    comma opens with a small letter, as a title's words do, not a report's type or a series."""
    lines = [
        styled("Doe, J. A. (2019). Arabidopsis thaliana, a model plant of some use. Journal of Botany, "
                "3(1), 1–9.", "Arabidopsis thaliana,", "Journal of Botany, 3"),
    ]  # fmt: skip
    assert read_lines(lines)[0].title == "Arabidopsis thaliana, a model plant of some use"


def test_a_headingless_lists_italic_titles_are_read_from_its_fonts(tmp_path: Path) -> None:
    """REVTeX sets no References heading, only its labels; a book's title is italic, its edition
    and series upright after a comma (REVTeX 4.2 in PRL style, a real .bib of statistical physics)."""
    need("pdflatex")
    books = [
        ("B. Bollob\\'as", "Random Graphs", "2nd ed., Cambridge Studies in Advanced Mathematics, Vol. 73 "
         "(Cambridge University Press, 2001)"),
        ("T. M. Cover and J. A. Thomas", "Elements of Information Theory", "Wiley Series in "
         "Telecommunications and Signal Processing (Wiley, New York, 1991)"),
        ("G. Gallavotti", "Statistical Mechanics: A Short Treatise", "Theoretical and Mathematical Physics "
         "(Springer-Verlag, Berlin, 1999)"),
        ("D. Challet, M. Marsili, and Y.-C. Zhang", "Minority Games: Interacting Agents in Financial Markets",
         "Oxford Finance Series (Oxford University Press, 2005)"),
    ]  # fmt: skip
    items = "".join(
        f"\\noindent[{n}] {names}, \\textit{{{title}}}, {rest}.\\par\n"
        for n, (names, title, rest) in enumerate(books, start=1)
    )
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\begin{document}Body text of the paper.\\par\n"
        + items
        + "\\end{document}\n",
        encoding="utf-8",
    )
    done = run(PDFLATEX, tmp_path)
    assert not latex_errors(done.stdout), done.stdout[-2000:]
    queries, _ = read_pdf((tmp_path / "doc.pdf").read_bytes(), "doc.pdf")
    assert [q.title for q in queries] == [title for _, title, _ in books]
