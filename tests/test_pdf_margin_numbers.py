"""A review copy's line numbers PDFium gives as lines of their own beside one column of two
(`numbers_set_apart`), and the page's list read after them (`list_indents`), on real lines of
an ICML review copy (``fixtures/pdf/numbered``, ``fixtures/pdf/hanging/icml-one-page-side.tsv``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bibnorm.readers._list_edges import list_indents, numbers_set_apart
from bibnorm.readers.pdf import PdfLine
from pdf_lines import fixture_lines

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "pdf" / "numbered" / "icml-margin-numbers.tsv"

Place = tuple[float, float]  # a line's baseline and type size


def page() -> tuple[list[str], list[Place]]:
    """The page's first lines, PDFium's, and where each stands."""
    with PAGE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row["text"] for row in rows], [(float(row["baseline"]), float(row["size"])) for row in rows]


def restepped(places: list[Place], steps: list[float]) -> list[Place]:
    """The places with the numbers' baselines (the page's first 55 lines) stepping down by
    ``steps`` ems in turn, from the first's."""
    top, size = places[0]
    moved = [places[0]]
    for at in range(1, 55):
        top -= steps[at % len(steps)] * size
        moved.append((top, size))
    return moved + places[55:]


@pytest.mark.parametrize(
    ("steps", "numbered"),
    [
        pytest.param(None, True, id="icml-left-margin-numbers-one-line-apart"),
        pytest.param([2.4], False, id="labels-of-two-line-references"),
        pytest.param([1.2, 2.4, 1.2, 3.6], False, id="labels-of-references-of-changing-lengths"),
    ],
)
def test_numbers_alone_stepping_evenly_a_line_apart_number_the_page(
    steps: list[float] | None, numbered: bool
) -> None:
    texts, places = page()
    if steps is not None:
        places = restepped(places, steps)
    assert numbers_set_apart(texts, places.__getitem__) is numbered


def test_a_short_run_of_numbers_alone_numbers_no_page() -> None:
    texts, places = page()
    # eleven numbers, then the page's text: a run too short to tell from a list's labels
    assert numbers_set_apart(texts[44:], places[44:].__getitem__) is False
    assert numbers_set_apart(texts[43:], places[43:].__getitem__) is True


def shifted(lines: list[PdfLine], page: int, column: int, points: float) -> list[PdfLine]:
    return [
        line._replace(left=line.left + points) if (line.page, line.column) == (page, column) else line
        for line in lines
    ]


def test_a_page_of_wrapped_lines_alone_on_its_side_is_indented_where_both_sides_are_alike() -> None:
    lines = fixture_lines("hanging/icml-one-page-side.tsv")
    indents = list_indents(lines)
    wrapped = [
        indent for line, indent in zip(lines, indents, strict=True) if (line.page, line.column) == (7, 1)
    ]
    assert len(wrapped) == 51
    assert min(wrapped) >= 9.0  # as indented as the continuation lines of every other page
    flush = [
        indent for line, indent in zip(lines, indents, strict=True) if line.text.startswith("Xu, L., Hu, H.")
    ]
    assert flush == [0.0]


def test_a_page_of_wrapped_lines_keeps_its_own_margin_where_the_sides_differ() -> None:
    # a two-sided document: page 7's left column set 20 points right of the other side's
    lines = shifted(fixture_lines("hanging/icml-one-page-side.tsv"), 7, 0, 20.0)
    indents = list_indents(lines)
    wrapped = [
        indent for line, indent in zip(lines, indents, strict=True) if (line.page, line.column) == (7, 1)
    ]
    assert max(wrapped) < 1.0
