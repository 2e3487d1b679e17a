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


def _line(left: float, text: str, size: float = 10.0, page: int = 1) -> PdfLine:
    return PdfLine(page=page, column=0, left=left, size=size, text=text, indent=left - 52)


FLUSH, HANGING, CODE, HEADING = 92.0, 128.0, 53.0, 14.35  # biblatex-apa's test document, in points

DOCUMENT = [
    _line(FLUSH, "APA 8 Citation References", size=HEADING),  # 0: names them
    _line(FLUSH, "Adams, A., Brown, B., & Clapham, C. (2019). Title."),
    _line(FLUSH, "Zhou, A. (n.d.). Title1."),
    _line(FLUSH, "APA 9–General Reference List", size=HEADING),  # 3: citation examples under it
    _line(FLUSH + 2, "(APA 9.8)"),
    _line(CODE, r"\parencite{9.8:1}", size=9),
    _line(FLUSH + 2, "Ç (Author & Author, 2014)"),
    _line(FLUSH, "APA 9.8–Format of the Author Element", size=HEADING),  # 7: a list, titles none
    _line(FLUSH, "Author, A. A., & Author, B. B. (2014)."),
    _line(FLUSH, "Author, A. A., Author, B. B., & Author, C. C. (2014)."),
    _line(FLUSH, "Meyers, K. (with Long, W. T.). (2014). Withering worrying."),
    _line(FLUSH, "Raboso, L. (2014)."),
    _line(FLUSH, "Note: The username feature is nicely managed by biber’s annotation feature which allows"),
    _line(FLUSH, "arbitrary strings to be attached to any list member."),
    _line(FLUSH, "APA 9.44–Order of Works in a Reference List", size=HEADING, page=2),  # 14: names only
    _line(FLUSH, "Benjamin, A. S.", page=2),
    _line(FLUSH, "ben Yaakov, D.", page=2),
    _line(FLUSH, "Denzin, N. K.", page=2),
    _line(FLUSH, "APA 10.1 References", size=HEADING, page=2),  # 18: the last list
    _line(FLUSH, "Anderson, M. (2018). Getting consistent with consequences. Educational Leadership,",
          page=2),
    _line(HANGING, "76(1), 26–33.", page=2),
    _line(FLUSH, "Hess, A. (2019, January 3). Cats who take direction. The New York Times, C1.", page=2),
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
            [_line(FLUSH, "Smith, A. (2014c). Interesting things."),
             _line(FLUSH, "Smith, A. (2014d). A litany of special things."),
             _line(FLUSH, "Note: Examples added for no dates, “in press” requirements and also ignoring of "
                          "“The”, “An”"),
             _line(FLUSH, "and “A” in titles for sorting purposes.")],
            ["Smith, A. (2014c). Interesting things.", "Smith, A. (2014d). A litany of special things."],
            id="a-note-after-the-list",
        ),
        pytest.param(
            [_line(FLUSH, "Jones, J. (2012a). Annoyingly casual titles: How to exhaust all effort on the "
                          "title alone."),
             _line(HANGING, "Journal of the Decline of Academia."),
             _line(FLUSH, "Note. Examples added for anonymous authors."),
             _line(FLUSH, "Smith, A. (2019a). Top 100 silliest reference list sorting requirements.")],
            ["Jones, J. (2012a). Annoyingly casual titles: How to exhaust all effort on the title alone. "
             "Journal of the Decline of Academia.",
             "Smith, A. (2019a). Top 100 silliest reference list sorting requirements."],
            id="a-note-between-references-ends-at-the-next",
        ),
        pytest.param(
            [_line(FLUSH, "References marked with an asterisk indicate studies included in the "
                          "meta-analysis."),
             _line(FLUSH, "Adams. (1999). [Unknown]."),
             _line(FLUSH, "Almeida, D. M. (1990). Fathers’ participation in family work: Consequences"),
             _line(HANGING, "for fathers’ stress and father–child relations (Unpublished master’s thesis).")],
            ["Adams. (1999). [Unknown].",
             "Almeida, D. M. (1990). Fathers’ participation in family work: Consequences for fathers’ stress "
             "and father–child relations (Unpublished master’s thesis)."],
            id="apas-meta-analysis-sentence-before-the-list",
        ),
        pytest.param(
            [_line(FLUSH, "Study finds free care used more. (1982). APA Monitor, 14, 5."),
             _line(FLUSH, "Adams. (1999). [Unknown].")],
            ["Study finds free care used more. (1982). APA Monitor, 14, 5.", "Adams. (1999). [Unknown]."],
            id="a-work-without-author-first-is-no-note",
        ),
        pytest.param(
            [_line(FLUSH, "The Unicode Consortium. The Unicode standard, version 15.0 core specification."),
             _line(FLUSH, "Adams. (1999). [Unknown].")],
            ["The Unicode Consortium. The Unicode standard, version 15.0 core specification.",
             "Adams. (1999). [Unknown]."],
            id="a-first-reference-without-a-date-is-no-note",
        ),
    ],
)  # fmt: skip
def test_a_note_set_with_a_list_is_no_reference(lines: list[PdfLine], raws: list[str]) -> None:
    read = read_section(lines, "apa.pdf")
    assert read is not None
    assert [query.raw for query in read[0]] == raws


def test_a_description_in_the_authors_place_is_no_label() -> None:
    """APA sets a work without author and title by its description in brackets, then its date:
    not apalike's "[Zhai et al., 2022]" label."""
    lines = [
        _line(FLUSH, "[Photographs of Robert M. Yerkes]. [ca. 1917–1954]. Robert Mearns Yerkes Papers "
                     "(Box 137,"),
        _line(HANGING, "Folder 2292). Manuscripts and Archives, Yale University Library, New Haven, CT."),
        _line(FLUSH, "[Review of the video game BioShock by 2K Games, 2007]. (n.d.). Retrieved from http://www."),
        _line(HANGING, "whattheyplay.com/products/bioshock-for-xbox-360/"),
        _line(FLUSH, "2K Games. (2007). BioShock."),
    ]  # fmt: skip
    read = read_section(lines, "apa.pdf")
    assert read is not None
    assert [query.raw[:34] for query in read[0]] == [
        "[Photographs of Robert M. Yerkes].",
        "[Review of the video game BioShock",
        "2K Games. (2007). BioShock.",
    ]
