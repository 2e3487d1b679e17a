"""A PDF reference list's typography read with its text: italic runs end titles that punctuation
cannot (a book's "Title. Subtitle", an IEEE book's title before its place and publisher)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.models import Query
from bibnorm.readers._italic_titles import italic_runs
from bibnorm.readers._pdf_typography import mark_italics, unmark_italics
from bibnorm.readers.pdf import PdfLine, read_pdf, read_section, references_section
from bibnorm.readers.refs import parse_reference
from clients import PDFLATEX, latex_errors, need, run


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


def _styled(text: str, *italic: str, indent: float = 0.0) -> PdfLine:
    spans = tuple((text.index(part), text.index(part) + len(part)) for part in italic)
    return PdfLine(1, 0, 72.0 + indent, 10.0, text, indent, spans)


def _read(lines: list[PdfLine]) -> list[Query]:
    read = read_section(lines, "references.pdf")
    assert read is not None
    return read[0]


def test_an_italic_title_is_read_whole_and_a_quoted_one_stays_as_quoted() -> None:
    """biblatex's authoryear style (its 50-style-authoryear sample, texlive-doc): a book's title
    and subtitle in italics across the period between them; an article's title in quotes, the
    journal's name in italics after "In:"."""
    lines = [
        _styled("Gerhardt, Michael J. (2000). The Federal Appointments Process. A Constitu-",
                "The Federal Appointments Process. A Constitu-"),
        _styled("tional and Historical Analysis. Durham and London: Duke University Press.",
                "tional and Historical Analysis", indent=10.0),
        _styled("Gillies, Alexander (1933). “Herder and the Preparation of Goethe’s Idea of"),
        _styled("World Literature.” In: Publications of the English Goethe Society. New ser.",
                "Publications of the English Goethe Society", indent=10.0),
        _styled("9, pp. 46–67.", indent=10.0),
    ]  # fmt: skip
    queries = _read(lines)
    assert [q.title for q in queries] == [
        "The Federal Appointments Process. A Constitutional and Historical Analysis",
        "Herder and the Preparation of Goethe’s Idea of World Literature",
    ]
    assert [q.authors[0] for q in queries] == ["Gerhardt, Michael J", "Gillies, Alexander"]
    assert queries[0].raw.startswith("Gerhardt, Michael J. (2000). The Federal")  # no quotes added


def test_an_ieee_books_italic_title_is_the_title_not_its_place_and_publisher() -> None:
    """biblatex-ieee's sample (texlive-doc): "B. K. Bul, *Theory …*. Moscow: Energia Press, 1964"."""
    lines = [
        _styled("[1] B. K. Bul, Theory Principles and Design of Magnetic Circuits. Moscow:",
                "Theory Principles and Design of Magnetic Circuits"),
        _styled("Energia Press, 1964, p. 464, (in Russian).", indent=12.0),
        _styled("[2] H. E. Rose, A Course in Number Theory. New York: Oxford Univ. Press, 1988.",
                "A Course in Number Theory"),
    ]  # fmt: skip
    queries = _read(lines)
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
        _styled("[12] FLEXChip signal processor (MC68175/D), Motorola, 1996.",
                "FLEXChip signal processor (MC68175/D)"),
        _styled("[16] Wireless LAN medium access control (MAC) and physical layer (PHY) specification, IEEE",
                "Wireless LAN medium access control (MAC) and physical layer (PHY) specification"),
        _styled("Std. 802.11, 1997.", indent=12.0),
    ]  # fmt: skip
    assert [q.title for q in _read(lines)] == [
        "FLEXChip signal processor (MC68175/D)",
        "Wireless LAN medium access control (MAC) and physical layer (PHY) specification",
    ]


def test_an_upright_article_title_before_an_italic_journal_stays_the_title() -> None:
    """APA: the article's title upright, the journal's name (and volume) in italics after it."""
    lines = [
        _styled("Smith, J. A. (2019). Learning to read reference lists. Journal of Documents, 12(3), 1–20.",
                "Journal of Documents, 12"),
    ]  # fmt: skip
    assert _read(lines)[0].title == "Learning to read reference lists"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("U. Hideki, “Quadrature modulation circuit,” Japanese Patent 152932/92, 1992-05-20.",
                     1992, id="iso-date"),
        pytest.param("R. Jain, “Congestion avoidance in networks,” Tech. Rep. DEC-TR-506, 1987-08.", 1987,
                     id="iso-year-and-month"),
        pytest.param("A. Author, “A title of some length,” J. Things, vol. 3, 1994-1998.", None,
                     id="a-range-is-no-year"),
        pytest.param("A. Author, “A title of some length,” J. Things, vol. 3, pp. 1994-13.", None,
                     id="no-month-13"),
    ],
)  # fmt: skip
def test_an_iso_dates_year_is_read(text: str, year: int | None) -> None:
    assert parse_reference(text).year == year


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
        _styled("Westfahl, Gary. Space and Beyond. The Frontier Theme in Science Fiction. Westport,",
                "Space and Beyond. The Frontier Theme in Science Fiction"),
        _styled("Conn. and London: Greenwood, 2000.", indent=10.0),
        _styled("— “The True Frontier. Confronting and Avoiding the Realities of Space.” In: Space",
                "Space"),
        _styled("and Beyond. Westport, Conn. and London: Greenwood, 2000, pp. 55–65.", "and Beyond",
                indent=10.0),
        _styled("— The Epistle on the Possibility of Conjunction. Ed. and trans. by Kalman P. Bland.",
                "The Epistle on the Possibility of Conjunction"),
    ]  # fmt: skip
    queries = _read(lines)
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
    ],
)  # fmt: skip
def test_an_entry_sets_members_are_references_of_their_own(text: str, members: list[str]) -> None:
    """biblatex's entry sets (its sample documents, texlive-doc): one item, members after semicolons."""
    first = "[1] Roe, Richard (2000). “A reference before the set.” In: J. Things 1, pp. 1–2."
    queries = _read([_sized(first), _sized(f"[2] {text}")])
    assert [q.title for q in queries[1:]] == members
    assert [q.label for q in queries[1:]] == ["2"] + [None] * (len(members) - 1)


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
        pytest.param("Attwood, Feona ed. (2010) Porn.com: Making Sense of Online Pornography: Peter Lang.",
                     "Porn.com: Making Sense of Online Pornography:",
                     "Porn.com: Making Sense of Online Pornography", id="econ-a-publisher-after-the-title"),
        pytest.param("Hughes, G. E. and Cresswell, M. J. (1996), A New Introduction to Modal Logic, "
                     "Routledge.",
                     "A New Introduction to Modal Logic", "A New Introduction to Modal Logic",
                     id="harvard-a-publisher-after-the-title"),
        pytest.param("Lewis, E. B. (1978). Drosophila: Genes Controlling Segmentation. Nature.", "Drosophila",
                     "Drosophila: Genes Controlling Segmentation", id="a-short-italic-run-opens-a-title"),
        pytest.param("Kusuoka, S., and A. Yamasue ed. (2006): Advances in Mathematical Economics Volume 8, "
                     "New York: Springer.", "Advances in Mathematical Economics",
                     "Advances in Mathematical Economics", id="econ-a-volume-number-after-the-title"),
        pytest.param("Gerhardt, Michael J. (2000). The Federal Appointments Process. A Constitutional and "
                     "Historical Analysis 2. Durham: Duke University Press.",
                     "The Federal Appointments Process. A Constitutional and Historical Analysis 2",
                     "The Federal Appointments Process. A Constitutional and Historical Analysis 2",
                     id="a-number-inside-the-italics-stays"),
        pytest.param("Smith, I. M. (1998). U.S. Patent No. 123,445. Washington, DC: U.S. Patent Office.",
                     "U.S. Patent No. 123,445", "U.S. Patent No. 123,445",
                     id="a-number-after-an-abbreviation-goes-on"),
    ],
)  # fmt: skip
def test_an_italic_run_extends_a_title_only_by_a_subtitle_or_a_volume(
    text: str, italic: str | tuple[str, ...], title: str | None
) -> None:
    """biblatex-apa's test document and biblatex's styles' samples (texlive-doc), a paper's APA
    list: styles capitalise a subtitle; a title cut at an abbreviation's period goes on with its
    number; a multi-volume work's volume has a title of its own, italic after "Vol. B:"."""
    runs = (italic,) if isinstance(italic, str) else italic
    # none read (a style that prints no article's title): the query keeps its whole text
    assert _read([_styled(text, *runs)])[0].title == (text if title is None else title)
