"""A DOI is read from a PDF as printed, whole: a review copy's line number that PDFium glued to it
is cut off by the run of line numbers, and a DOI broken at a line end is joined
(fixtures/pdf/glued-line-numbers.pdf, typeset by fixtures/pdf/make.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers import read_inputs
from bibnorm.readers._list_edges import line_number_cuts

GLUED = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "glued-line-numbers.pdf"


def test_each_doi_of_a_line_numbered_list_is_whole() -> None:
    queries = read_inputs([GLUED])
    assert [(query.doi, query.title) for query in queries] == [
        (None, "A study of the binding of metal ions to proteins in solution"),
        ("10.1073/pnas.73.11.3852", "Enzymic synthesis of deoxyribonucleic acid"),
        ("10.1080/15476286.2015.1020271", "Another study of RNA"),  # "…1020271.7": 7 its line's
        (None, "Structured attention for vision transformers in the wild and at scale"),
        ("10.1080/15476286.2015.1020271", "A paper whose DOI the line breaks"),  # "…2015.10" / "20271."
        (None, "A fifth paper that is cited here to make the list long enough"),  # "enough.13"
    ]


@pytest.mark.parametrize(
    ("pieces", "kept"),
    [
        pytest.param(
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852. 630",
             "doi:10.1073/pnas.73.11.3852.631", "Smith JA. Another study. 2015;12:1-9. 632"],
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852.",
             "doi:10.1073/pnas.73.11.3852.", "Smith JA. Another study. 2015;12:1-9."],
            id="after a DOI's period",
        ),
        pytest.param(
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852. 4",
             "doi:10.1073/pnas.73.11.38525", "Smith JA. Another study. 2015;12:1-9. 6"],
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852.",
             "doi:10.1073/pnas.73.11.3852", "Smith JA. Another study. 2015;12:1-9."],
            id="after a DOI's digit",
        ),
        pytest.param(
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852. 4",
             "doi:10.1073/pnas.73.11.3859", "Smith JA. Another study. 2015;12:1-9. 6"],
            ["Kornberg A. Enzymic synthesis. Proc Natl Acad Sci USA. 1976;73:3852.",
             "doi:10.1073/pnas.73.11.3859", "Smith JA. Another study. 2015;12:1-9."],
            id="digits that are not the next number stay",
        ),
    ],
)  # fmt: skip
def test_a_line_number_glued_to_a_line_is_cut(pieces: list[str], kept: list[str]) -> None:
    cuts = line_number_cuts(pieces)
    assert [
        piece[lead : len(piece) - trail] for piece, (lead, trail) in zip(pieces, cuts, strict=True)
    ] == kept
