"""A PDF with several reference lists (one per chapter or part), each ended where its geometry
ends, and the margin notes a line may begin with. The layouts are those of biblatex-apa's test
document (texlive-doc; APA 7 examples): each part's examples, then "APA 10.1 References" in
larger type and the part's hanging-indent list, each entry's .bib key in the left margin in
smaller type, the LaTeX code of the next part's examples set left of the text block.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers import read_inputs
from bibnorm.readers._list_edges import rebased
from bibnorm.readers._pdf_accents import readable_text
from bibnorm.readers._pdf_margins import Glyph, margin_note_length
from bibnorm.readers._pdf_sections import layout_end, list_headings, names_the_list, reads_as_a_list
from bibnorm.readers.pdf import earlier_lists, read_pdf, read_section, references_section
from clients import typeset_pdf
from fakes.hostile_pdf import text_pages
from pdf_lines import CODE, FLUSH, HANGING, apa_line

DOCUMENT = [
    apa_line(FLUSH, "APA 10.1–Periodicals", size=12),
    apa_line(CODE, r"\parencite{10.1:1}", size=9),
    apa_line(FLUSH + 2, "(McCauley & Christiansen, 2019)"),
    apa_line(FLUSH, "APA 10.1 References", size=14.35),
    apa_line(FLUSH, "Anderson, M. (2018). Getting consistent with consequences. Educational Leadership,"),
    apa_line(HANGING, "76(1), 26–33."),
    apa_line(FLUSH, "Hess, A. (2019, January 3). Cats who take direction. The New York Times, C1."),
    apa_line(FLUSH, "APA 10.2–Books and Reference Works", size=12, page=2),
    apa_line(CODE, r"\parencite{10.2:20}", size=9, page=2),
    apa_line(FLUSH + 2, "(Brown, 2018)", page=2),
    apa_line(FLUSH, "APA 10.2 References", size=14.35, page=2),
    apa_line(FLUSH, "Brown, L. S. (2018). Feminist therapy (2nd ed.). American Psychological Association.",
             page=2),
    apa_line(FLUSH, "Zhou, A. (n.d.). Getting consistent with consequences. Educational Leadership.", page=2),
]  # fmt: skip


def test_each_heading_that_names_references_starts_a_list() -> None:
    """The heading "APA 10.1 References" is one (larger than the list under it) that names the
    references among other words; "APA 10.1–Periodicals" names none."""
    assert list_headings(DOCUMENT) == [3, 10]


@pytest.mark.parametrize(
    ("text", "size", "heads"),
    [
        pytest.param("APA 10.1 References", 14.35, True, id="larger-with-a-number"),
        pytest.param("References Included in a Meta-Analysis", 14.35, True, id="larger-names-them-first"),
        pytest.param("Other references", 14.35, False, id="a-word-not-capitalised-as-a-heading-prints-it"),
        pytest.param("其它参考文献示例", 14.35, False, id="a-part-heading-in-a-script-without-capitals"),
        pytest.param("Références citées", 14.35, True, id="another-language-by-the-headings-table"),
        pytest.param("مراجع", 14.35, True, id="persian-by-the-headings-table"),
        pytest.param("Reports and Gray Literature", 14.35, False, id="a-word-naming-literature-in-general"),
        pytest.param("References", 10.0, True, id="the-plain-heading-at-any-size"),
        pytest.param("APA 10.1 References", 10.0, False, id="body-size-is-a-sentence"),
        pytest.param("for each entry in the References section is listed", 14.35, False, id="too-long"),
        pytest.param("Referenced works and their sources", 14.35, False, id="another-word"),
    ],
)
def test_a_heading_naming_references_is_set_larger_than_the_list_under_it(
    text: str, size: float, heads: bool
) -> None:
    lines = [apa_line(FLUSH, text, size=size), *DOCUMENT[4:7]]
    assert (list_headings(lines) == [0]) is heads


def test_a_heading_followed_by_a_smaller_heading_is_a_chapters_title_not_a_list() -> None:
    lines = [apa_line(FLUSH, "APA 10–References Examples", size=14.35), *DOCUMENT[:3]]
    assert list_headings(lines) == []


def test_a_list_ends_at_a_heading_after_which_lines_start_elsewhere() -> None:
    """The part heading "APA 10.2–Books…" is followed by code set left of the list: the list
    ends at the heading, and the examples after it are no references."""
    lines = rebased(DOCUMENT[4:10])
    assert layout_end(lines, 0, len(lines)) == 3


def test_a_part_of_a_list_under_its_own_heading_goes_on() -> None:
    """A list's parts ("Books", "Articles") in larger type, their references starting where
    the list's did: one list."""
    lines = [*DOCUMENT[4:7], apa_line(FLUSH, "Books", size=12), DOCUMENT[11], DOCUMENT[12]]
    assert layout_end(rebased(lines), 0, len(lines)) == len(lines)


def test_a_list_ends_at_a_line_set_well_left_of_it() -> None:
    lines = [*DOCUMENT[4:7], apa_line(CODE, r"\textcite{10.1:1}", size=9), DOCUMENT[2]]
    assert layout_end(rebased(lines), 0, len(lines)) == 3


def test_a_continuation_first_on_a_new_page_does_not_end_the_list() -> None:
    """The page turns inside a reference: its continuation is the page's first line of the
    list, the next reference starts flush (left of the continuation, but where the list's
    first lines started)."""
    lines = [
        DOCUMENT[4],
        apa_line(HANGING, "76(1), 26–33.", page=2),
        apa_line(FLUSH, DOCUMENT[6].text, page=2),
    ]
    assert layout_end(rebased(lines), 0, len(lines)) == len(lines)


def test_continuations_alone_on_a_new_page_do_not_end_the_list() -> None:
    """The page turns after a reference's first line (the page before has a margin of its own, the
    .bib keys' and the code's): its two continuations are the new page's first lines, at one place;
    the next reference starts flush, left of them, where the list's first line started."""
    lines = [
        apa_line(FLUSH, "APA Education [@APAEducation]. (2018, June 29). College students are forming "
                 "mental-health clubs–"),
        apa_line(HANGING, "and they’re making a difference @washingtonpost [Thumbnail with link attached] "
                 "[Tweet].", page=2),
        apa_line(HANGING, "Twitter. https://twitter.com/apaeducation/status/1012810490530140161", page=2),
        apa_line(FLUSH, "APA Style [@APA_Style]. (n.d.). Tweets [Twitter profile]. Twitter. Retrieved "
                 "November 1, 2019, from", page=2),
        apa_line(HANGING, "https://twitter.com/APA_Style", page=2),
    ]  # fmt: skip
    assert layout_end(rebased(lines), 0, len(lines)) == len(lines)


def test_a_list_goes_on_to_a_verso_page_whose_margin_is_left_of_the_recto_ones() -> None:
    """A two-sided thesis's bibliography (natbib, 10 pt): on its first page, a recto one, the
    references start 156 pt from the page's edge; the verso page after it sets its text block
    85 pt further left, its first reference at 71 pt. The list goes on there: a line is "well left"
    of the list only beside the lines of pages of its own side."""
    recto, verso = 156.0, 71.0
    lines = [
        apa_line(recto, "Baxter, J. (2000). A model of inductive bias learning. Journal of", page=73),
        apa_line(recto + 11, "Artificial Intelligence Research, 12(1):149–198.", page=73),
        apa_line(recto, "Bell, R. M. and Koren, Y. (2007). Lessons from the netflix prize", page=73),
        apa_line(recto + 11, "challenge. SIGKDD Explor. Newsl., 9(2):75–79.", page=73),
        apa_line(verso, "Ben-David, S. and Schuller, R. (2003). Exploiting task relatedness", page=74),
        apa_line(verso + 11, "for multiple task learning. In Learning Theory, pages 567–580.", page=74),
        apa_line(verso, "Bengio, Y. (2009). Learning deep architectures for ai. Foundation", page=74),
        apa_line(verso + 11, "and Trends of Machine Learning, 2(1):1–127.", page=74),
    ]  # fmt: skip
    assert layout_end(lines, 0, len(lines)) == len(lines)
    # on a page of the list's own side, a line that far left is still text in the margin
    margin_note = apa_line(verso, r"\citep{Bell2007}", size=9, page=73)
    assert layout_end([*lines[:4], margin_note, *lines[4:]], 0, len(lines) + 1) == 4


def test_every_list_before_the_last_is_found_and_read() -> None:
    last = references_section(DOCUMENT)
    assert last is not None and last.first == 11
    earlier = earlier_lists(DOCUMENT, last)
    assert [(section.first, section.end) for section in earlier] == [(4, 7)]
    read = read_section(DOCUMENT[4:7], "apa.pdf", 4)
    assert read is not None
    assert [query.title for query in read[0]] == [
        "Getting consistent with consequences",
        "Cats who take direction",
    ]
    assert [query.origin.line for query in read[0] if query.origin] == [5, 7]


def _glyphs(note: str, note_size: float, gap: float, text: str) -> list[Glyph]:
    """A line's glyphs: ``note`` from x=16 in ``note_size`` type, ``gap`` points, then ``text``
    in 10pt type (every glyph half an em wide, a space between them with no box of its own)."""
    glyphs, x = [], 16.0
    for char in note:
        glyphs.append(Glyph(char, x, x + note_size / 2, note_size))
        x += note_size / 2
    if note:
        glyphs.append(Glyph(" ", x, x, 1.0))
        x += gap
    for char in text:
        glyphs.append(Glyph(char, x, x + 5, 10.0))
        x += 5
    return glyphs


@pytest.mark.parametrize(
    ("note", "note_size", "gap", "dropped"),
    [
        pytest.param("10.1:2", 8.0, 56.0, 7, id="a-bib-key-in-the-margin"),
        pytest.param("", 10.0, 0.0, 0, id="no-note"),
        pytest.param("[12]", 10.0, 56.0, 0, id="a-label-in-the-lines-type"),
        pytest.param("10.1:2", 8.0, 6.0, 0, id="smaller-but-close-is-part-of-the-line"),
        # An Elsevier review copy numbers every fifth line in 5 pt, 11 pt before a wide label
        pytest.param("885", 5.0, 11.0, 4, id="a-line-number-in-tiny-type-an-em-before"),
        pytest.param("885", 8.0, 11.0, 0, id="a-number-in-small-type-an-em-before-is-the-lines"),
        pytest.param("88a", 5.0, 11.0, 0, id="tiny-type-but-no-number"),
        pytest.param("12", 5.0, 3.0, 0, id="a-raised-label-a-space-before"),
    ],
)
def test_a_margin_note_is_smaller_type_set_apart_from_the_line(
    note: str, note_size: float, gap: float, dropped: int
) -> None:
    glyphs = _glyphs(note, note_size, gap, "Ahmann, E. (2018). A descriptive review.")
    assert margin_note_length(glyphs) == dropped


def test_a_line_opening_with_a_superscript_still_sheds_its_margin_note() -> None:
    """biblatex-apa marks a meta-analysis' studies with a superscript "*" before the authors:
    smaller than the note, but the line's type is the rest's."""
    glyphs = _glyphs("9.52:1", 8.0, 56.0, "*Angel, L. (2013). Differential effects of aging.")
    star = next(at for at, glyph in enumerate(glyphs) if glyph.char == "*")
    glyphs[star] = glyphs[star]._replace(size=7.0)
    assert margin_note_length(glyphs) == 7


@pytest.mark.parametrize(
    ("items", "is_list"),
    [
        pytest.param(
            ["Brown v. Board of Education, 347 U.S. 483 (1954).", "Texas v. Morales, 826 S.W.2d 201 (1992).",
             "Civil Rights Act of 1964, Pub. L. No. 88–352, 78 Stat. 241 (1964)."],
            True, id="court-cases-and-laws-carry-their-years",
        ),
        pytest.param(
            ["Anderson, M. (2018). Getting consistent with consequences. Educational Leadership, 76(1).",
             "U.S. Const. art. I, § 3.", "U.N. Charter art. 1, para. 3.", "S.C. Const. art. IX, § 3."],
            True, id="a-quarter-reads-as-references",
        ),
        pytest.param(
            ["1 Introduction . . . . . 3", "2 Methods . . . . . 7", "3 Results . . . . . 12"],
            False, id="a-table-of-contents",
        ),
    ],
)  # fmt: skip
def test_a_list_under_a_references_heading_is_kept_when_its_items_are_references_or_dated(
    items: list[str], is_list: bool
) -> None:
    assert reads_as_a_list(items) is is_list


def test_a_hanging_indent_list_of_court_cases_is_split_by_its_geometry() -> None:
    """No court case reads as a reference to the text reader, however split: the page's
    hanging indent splits them, not the text's guess (one item of all)."""
    lines = [
        apa_line(FLUSH, "Brown v. Board of Education, 347 U.S. 483 (1954). http : / / www . oyez . org /"),
        apa_line(HANGING, "347us483"),
        apa_line(FLUSH, "Burriola v. Greater Toledo YMCA, 133 F.Supp.2d 1034 (N.D. Ohio 2001). https://law.justia.com/"),
        apa_line(HANGING, "cases/federal/district-courts/FSupp2/133/1034/2293141/"),
        apa_line(FLUSH, "Texas v. Morales, 826 S.W.2d 201 (Tex. Ct. App. 1992). https : / / www . leagle ."),
        apa_line(HANGING, "19921027826sw2d20111010"),
    ]  # fmt: skip
    read = read_section(lines, "apa.pdf")
    assert read is not None
    assert [query.raw.split(",")[0] for query in read[0]] == [
        "Brown v. Board of Education",
        "Burriola v. Greater Toledo YMCA",
        "Texas v. Morales",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("J¨oreskog, K. G., & S¨orbom, D.", "Jöreskog, K. G., & Sörbom, D.", id="umlaut"),
        pytest.param("D´epret, E. F.", "Dépret, E. F.", id="acute-before-its-letter"),
        pytest.param("Marin Solja£i¢", "Marin Soljačić", id="t1-slots-still-letters"),
        # apa6's manual: PDFium gives "Word®" as "Word\rR", a line break inside the line for
        # `str.splitlines`, which counted one line more than the page has and lost the list's lines
        # (an IndexError).
        pytest.param("Microsoft Word\rR format", "Microsoft Word R format", id="a-carriage-return"),
        pytest.param("E\x1ecient a\x0cb", "Efficient a b", id="a-form-feed-after-a-t1-ligature"),
    ],
)  # fmt: skip
def test_an_accent_before_its_letter_is_joined_to_it_before_t1_slots_are_read(
    text: str, expected: str
) -> None:
    """apacite's sample (OT1 fonts) sets "¨" then "o": the umlaut, though "¨" is also the T1
    slot of "ĺ"."""
    assert readable_text(text) == expected


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        pytest.param("L I T E R AT U R", True, id="classicthesis-spaced-small-capitals"),
        pytest.param("7 R E F E R E N C E S", True, id="numbered-and-spaced"),
        pytest.param("References", True, id="plain"),
        pytest.param("A B C D", False, id="spaced-letters-naming-nothing"),
        pytest.param("R E F", False, id="too-few-pieces"),
        # IEEEtran's small capitals, each word's first letter a full capital PDFium reads apart
        # (page 6 of github:Zrmikstri/mapr2024-wsod, conference_101719.pdf)
        pytest.param("R EFERENCES", True, id="ieeetran-small-capitals"),
        pytest.param("VII. R EFERENCES", True, id="numbered-small-capitals"),
        pytest.param("VII. C ONCLUSIONS", False, id="small-capitals-naming-nothing"),
        pytest.param("A R EFERENCE MODEL", False, id="small-capitals-in-a-longer-heading"),
        # a word processor's bold line, a colon after it
        pytest.param("References:", True, id="a-colon-after-it"),
        pytest.param("REFERENCES:", True, id="capitals-and-a-colon"),
        pytest.param("References: see the notes", False, id="a-sentence-after-the-colon"),
        pytest.param("Reference", True, id="singular"),
        pytest.param("Notes and References", True, id="notes-and-references"),
    ],
)
def test_a_heading_in_spaced_letters_names_the_list(text: str, heads: bool) -> None:
    assert names_the_list(text) is heads


def test_a_running_foot_naming_the_list_below_its_last_line_heads_nothing() -> None:
    """A French thesis (github:stefinouleho/redaction, these.pdf) heads its list "Bibliographie",
    and the list's second page with the running head "BIBLIOGRAPHIE" and the running foot "34
    BIBLIOGRAPHIE" below its last line: the last heading with lines after it starts the list,
    and the list under the heading before it is read too."""
    references = [
        b"[%d] Jean Martin and Paul Durand. A study of cycle bases number %d. Journal of Graphs, %d, 2015."
        % (number, number, number)
        for number in range(1, 7)
    ]
    data = text_pages(
        [
            [b"Some text of the conclusion.", b"Bibliographie", *references[:4]],
            [b"BIBLIOGRAPHIE", *references[4:], b"34 BIBLIOGRAPHIE"],
        ]
    )
    queries, _ = read_pdf(data, "these.pdf")
    assert [query.label for query in queries] == ["1", "2", "3", "4", "5", "6"]


def test_a_table_of_contents_after_a_numbered_list_does_not_replace_it() -> None:
    """A French thesis (github:KohlerHECTOR/thesis, these.pdf) sets an appendix, then its table of
    contents after its list, the chapters numbered 1, 2, 3 …: the list under the heading, its items labelled
    from 1 up, is the list even where its items' words read to the reference test as none."""
    items = [
        b"[%d] Code source du logiciel, version %d.0, 2019." % (number, number) for number in range(1, 10)
    ]
    contents = [
        line
        for number in range(1, 10)
        for line in (
            b"%d Chapitre numero %d %d" % (number, number, 10 * number),
            b"%d.1 Une section du chapitre . . . . . . . . %d" % (number, 10 * number),
            b"%d.2 Une autre section . . . . . . . . . . %d" % (number, 10 * number + 2),
        )
    ]
    data = text_pages([[b"Bibliographie", *items, b"Appendix"], [b"Table des matieres", *contents]])
    queries, _ = read_pdf(data, "these.pdf")
    assert [query.raw for query in queries] == [item.decode()[4:] for item in items]


AUTHORS_PUBLICATIONS = r"""\documentclass{report}
\begin{document}
\chapter*{Introduction}
Some text of the thesis.
\chapter*{Bibliography}
\begin{enumerate}
\item Akimova E. N., Vasin V. V. Stable parallel algorithms for solving the inverse gravimetry and
magnetometry problems // International Journal of Engineering Modelling. --- 2004. --- Vol. 17.
\item Blaschke B., Neubauer A., Scherzer O. On convergence rates for the iteratively regularized
Gauss-Newton method // IMA Journal of Numerical Analysis. --- 1997. --- Vol. 17. --- Pp. 421--436.
\item Hanke M. A regularizing Levenberg-Marquardt scheme, with applications to inverse groundwater
filtration problems // Inverse Problems. --- 1997. --- Vol. 13. --- Pp. 79--96.
\end{enumerate}
\chapter*{Publications of the author}
\begin{enumerate}\setcounter{enumi}{3}
\item Akimova E., Skurydina A. A componentwise Newton type method for solving the structural inverse
gravity problem // Geoinformatics: Theoretical and Applied Aspects. --- Kiev, 2015.
\item Skurydina A. F. Regularized Levenberg--Marquardt type method applied to the structural inverse
gravity problem in a multilayer medium // Bulletin of South Ural State University. --- 2017.
\end{enumerate}
\end{document}
"""


def test_a_list_whose_numbers_go_on_under_the_next_heading_goes_on(tmp_path: Path) -> None:
    """A Russian thesis's "Публикации автора" (the author's papers) after its list, in a chapter
    of its own, numbered on from it (121, 122 … after 120): the list goes on under that heading,
    which is no reference."""
    read = read_inputs([typeset_pdf(tmp_path, AUTHORS_PUBLICATIONS)])
    assert [query.label for query in read] == ["1", "2", "3", "4", "5"]
    assert (
        read[3].title
        == "A componentwise Newton type method for solving the structural inverse gravity problem"
    )


WEB_PAGES_UNDER_THEIR_OWN_HEADING = r"""\documentclass{book}
\usepackage{url}
\newenvironment{refs}{\begin{list}{}{\leftmargin=1.5em \itemindent=-1.5em}}{\end{list}}
\begin{document}
\chapter*{Conclusioni}
Il progetto ha raggiunto gli obiettivi prefissati.
\section*{Bibliografia}
\begin{refs}
\item Baier, Jonathan. Getting Started With Kubernetes. PACKT, 2015.
\item Turnbull, James. The Docker Book: Containerization is the new virtualization. James Turnbull, 2016.
\item Vohra, Deepak. Kubernetes Microservices With Docker. Apress, 2016.
\end{refs}
\section*{Sitografia}
\begin{refs}
\item Documentazione Docker. url: \url{https://docs.docker.com/}.
\item Documentazione Elasticsearch. url:
\url{https://www.elastic.co/guide/en/elasticsearch/reference/current/index.html}.
\item Documentazione Kibana. url: \url{https://www.elastic.co/guide/en/kibana/4.6/getting-started-tutorial.html}.
\item Wikipedia: Microservices. url: \url{https://en.wikipedia.org/wiki/Microservices}.
\end{refs}
\end{document}
"""


def test_the_web_pages_under_their_own_heading_after_the_bibliography_are_read_too(tmp_path: Path) -> None:
    """An Italian thesis (github:apetrovYa/relazione-fine-stage) lists its books under
    "Bibliografia" and the web pages it cites under "Sitografia", a heading of the same rank:
    both lists are read."""
    read = read_inputs([typeset_pdf(tmp_path, WEB_PAGES_UNDER_THEIR_OWN_HEADING)])
    assert [query.title for query in read] == [
        "Getting Started With Kubernetes",
        "The Docker Book: Containerization is the new virtualization",
        "Kubernetes Microservices With Docker",
        "Documentazione Docker",
        "Documentazione Elasticsearch",
        "Documentazione Kibana",
        "Wikipedia: Microservices",
    ]
