"""Reference lists under headings that do not name the references, and the notes set with a
list. The layouts are those of biblatex-apa's test document (texlive-doc; APA 7 §9 examples):
``\\printbibliography[title=APA 9.8–Format of the Author Element]`` sets its heading in the size
of "APA 10.1 References", the list under it, then a "Note: …" about the examples; and of
apacite's example document (APA 6), which opens its list with the sentence APA prescribes for a
meta-analysis.
"""

from __future__ import annotations

import pytest
from bibnorm.readers._pdf_sections import part_headings, reads_as_a_list
from bibnorm.readers.pdf import PdfLine, _with_earlier_lists, earlier_lists, read_section, references_section
from pdf_lines import CODE, FLUSH, HANGING, apa_line, read_lines

HEADING = 14.35  # biblatex-apa's test document's headings, in points

DOCUMENT = [
    apa_line(FLUSH, "APA 8 Citation References", size=HEADING),  # 0: names them
    apa_line(FLUSH, "Adams, A., Brown, B., & Clapham, C. (2019). Title."),
    apa_line(FLUSH, "Zhou, A. (n.d.). Title1."),
    apa_line(FLUSH, "APA 9–General Reference List", size=HEADING),  # 3: citation examples under it
    apa_line(FLUSH + 2, "(APA 9.8)"),
    apa_line(CODE, r"\parencite{9.8:1}", size=9),
    apa_line(FLUSH + 2, "Ç (Author & Author, 2014)"),
    apa_line(FLUSH, "APA 9.8–Format of the Author Element", size=HEADING),  # 7: a list, titles none
    apa_line(FLUSH, "Author, A. A., & Author, B. B. (2014)."),
    apa_line(FLUSH, "Author, A. A., Author, B. B., & Author, C. C. (2014)."),
    apa_line(FLUSH, "Meyers, K. (with Long, W. T.). (2014). Withering worrying."),
    apa_line(FLUSH, "Raboso, L. (2014)."),
    apa_line(FLUSH, "Note: The username feature is nicely managed by biber’s annotation feature "
                    "which allows"),
    apa_line(FLUSH, "arbitrary strings to be attached to any list member."),
    apa_line(FLUSH, "APA 9.44–Order of Works in a Reference List", size=HEADING, page=2),  # 14: names only
    apa_line(FLUSH, "Benjamin, A. S.", page=2),
    apa_line(FLUSH, "ben Yaakov, D.", page=2),
    apa_line(FLUSH, "Denzin, N. K.", page=2),
    apa_line(FLUSH, "APA 10.1 References", size=HEADING, page=2),  # 18: the last list
    apa_line(FLUSH, "Anderson, M. (2018). Getting consistent with consequences. Educational Leadership,",
             page=2),
    apa_line(HANGING, "76(1), 26–33.", page=2),
    apa_line(FLUSH, "Hess, A. (2019, January 3). Cats who take direction. The New York Times, C1.", page=2),
]  # fmt: skip


def test_a_heading_set_like_a_lists_heading_heads_a_list_even_naming_no_references() -> None:
    """Between the first and the last heading that names the references, a short line in their
    size, larger than the lines under it."""
    assert part_headings(DOCUMENT, [0, 18]) == [3, 7, 14]


def test_the_lists_under_such_headings_are_read_when_they_read_as_entries() -> None:
    """The list under "APA 9.8–…" is read (its works have no titles, their names and dates are
    there), its note is not; the citation examples and the list of bare names are not lists."""
    last = references_section(DOCUMENT)
    assert last is not None and last.first == 19
    assert [(section.first, section.part) for section in earlier_lists(DOCUMENT, last)] == [
        (1, False),
        (4, True),
        (8, True),
        (15, True),
    ]
    read = read_section(DOCUMENT[last.first : last.end], "apa.pdf", last.first)
    assert read is not None
    queries, _ = _with_earlier_lists(DOCUMENT, last, read, "apa.pdf")
    assert [query.raw for query in queries] == [
        "Adams, A., Brown, B., & Clapham, C. (2019). Title.",
        "Zhou, A. (n.d.). Title1.",
        "Author, A. A., & Author, B. B. (2014).",
        "Author, A. A., Author, B. B., & Author, C. C. (2014).",
        "Meyers, K. (with Long, W. T.). (2014). Withering worrying.",
        "Raboso, L. (2014).",
        "Anderson, M. (2018). Getting consistent with consequences. Educational Leadership, 76(1), 26–33.",
        "Hess, A. (2019, January 3). Cats who take direction. The New York Times, C1.",
    ]


@pytest.mark.parametrize(
    ("items", "is_list"),
    [
        pytest.param(
            ["Author, A. A., & Author, B. B. (2014).", "Patel, S. N. (n.d.).", "Brown, B. (in press-a).",
             "Smith, A. (2014a). An awful lot of special things."],
            True, id="names-and-dates-without-titles",
        ),
        pytest.param(
            ["Anonymous. [ca. 3001 B.C.E.]. The pnakotic manuscript.",
             "The book of eibon. [ca. 2001 B.C.E.]."],
            True, id="undated-works-and-a-title-in-the-authors-place",
        ),
        pytest.param(["Benjamin, A. S.", "ben Yaakov, D.", "Denzin, N. K."], False, id="names-alone"),
        pytest.param(["(APA 9.8)"], False, id="one-example"),
        pytest.param(
            ["Ç (Author & Author, 2014)", "Ç (Author et al., 2014)", "Ç (Xu, 2014)"],
            False, id="citations-carry-years-but-are-no-entries",
        ),
        pytest.param(
            ["We read every list. The results (2019) show that most are read whole.",
             "In 2020 we read more of them, as Section 3 (2021) shows."],
            False, id="body-text-with-years",
        ),
    ],
)  # fmt: skip
def test_under_a_heading_naming_no_references_most_items_must_read_as_entries(
    items: list[str], is_list: bool
) -> None:
    assert reads_as_a_list(items, part=True) is is_list


@pytest.mark.parametrize(
    ("lines", "raws"),
    [
        pytest.param(
            [apa_line(FLUSH, "Smith, A. (2014c). Interesting things."),
             apa_line(FLUSH, "Smith, A. (2014d). A litany of special things."),
             apa_line(FLUSH, "Note: Examples added for no dates, “in press” requirements and also ignoring "
                             "of “The”, “An”"),
             apa_line(FLUSH, "and “A” in titles for sorting purposes.")],
            ["Smith, A. (2014c). Interesting things.", "Smith, A. (2014d). A litany of special things."],
            id="a-note-after-the-list",
        ),
        pytest.param(
            [apa_line(FLUSH, "Jones, J. (2012a). Annoyingly casual titles: How to exhaust all effort on the "
                             "title alone."),
             apa_line(HANGING, "Journal of the Decline of Academia."),
             apa_line(FLUSH, "Note. Examples added for anonymous authors."),
             apa_line(FLUSH, "Smith, A. (2019a). Top 100 silliest reference list sorting requirements.")],
            ["Jones, J. (2012a). Annoyingly casual titles: How to exhaust all effort on the title alone. "
             "Journal of the Decline of Academia.",
             "Smith, A. (2019a). Top 100 silliest reference list sorting requirements."],
            id="a-note-between-references-ends-at-the-next",
        ),
        pytest.param(
            [apa_line(FLUSH, "References marked with an asterisk indicate studies included in the "
                             "meta-analysis."),
             apa_line(FLUSH, "Adams. (1999). [Unknown]."),
             apa_line(FLUSH, "Almeida, D. M. (1990). Fathers’ participation in family work: Consequences"),
             apa_line(HANGING, "for fathers’ stress and father–child relations (Unpublished master’s "
                               "thesis).")],
            ["Adams. (1999). [Unknown].",
             "Almeida, D. M. (1990). Fathers’ participation in family work: Consequences for fathers’ stress "
             "and father–child relations (Unpublished master’s thesis)."],
            id="apas-meta-analysis-sentence-before-the-list",
        ),
        pytest.param(
            [apa_line(FLUSH, "Study finds free care used more. (1982). APA Monitor, 14, 5."),
             apa_line(FLUSH, "Adams. (1999). [Unknown].")],
            ["Study finds free care used more. (1982). APA Monitor, 14, 5.", "Adams. (1999). [Unknown]."],
            id="a-work-without-author-first-is-no-note",
        ),
        pytest.param(
            [apa_line(FLUSH, "The Unicode Consortium. The Unicode standard, version 15.0 core "
                             "specification."),
             apa_line(FLUSH, "Adams. (1999). [Unknown].")],
            ["The Unicode Consortium. The Unicode standard, version 15.0 core specification.",
             "Adams. (1999). [Unknown]."],
            id="a-first-reference-without-a-date-is-no-note",
        ),
    ],
)  # fmt: skip
def test_a_note_set_with_a_list_is_no_reference(lines: list[PdfLine], raws: list[str]) -> None:
    queries = read_lines(lines)
    assert [query.raw for query in queries] == raws


def test_a_description_in_the_authors_place_is_no_label() -> None:
    """APA sets a work without author and title by its description in brackets, then its date:
    not apalike's "[Zhai et al., 2022]" label."""
    lines = [
        apa_line(FLUSH, "[Photographs of Robert M. Yerkes]. [ca. 1917–1954]. Robert Mearns Yerkes Papers "
                        "(Box 137,"),
        apa_line(HANGING, "Folder 2292). Manuscripts and Archives, Yale University Library, New Haven, CT."),
        apa_line(FLUSH, "[Review of the video game BioShock by 2K Games, 2007]. (n.d.). Retrieved from http://www."),
        apa_line(HANGING, "whattheyplay.com/products/bioshock-for-xbox-360/"),
        apa_line(FLUSH, "2K Games. (2007). BioShock."),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [query.raw[:34] for query in queries] == [
        "[Photographs of Robert M. Yerkes].",
        "[Review of the video game BioShock",
        "2K Games. (2007). BioShock.",
    ]
