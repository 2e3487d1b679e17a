"""References set flush, without labels or hanging indents, told apart by the space between them
(a word processor's space after a paragraph, natbib's ``\\bibsep`` without an indent): the space
above a line, not its text, says whether it opens a reference."""

from __future__ import annotations

import pytest
from bibnorm.readers._pdf_spacing import spaced_starts
from bibnorm.readers.pdf import PdfLine
from pdf_lines import read_lines

LEADING, GAP = 12.0, 6.0  # points: 10-point type on a 12-point baseline step, 6 points between references

# Real references (the works' own titles, volumes and pages), wrapped as a 30-em measure wraps
# them; a venue that opens like a name ("Neural Computation, 9(8), …") starts a line of its own.
FLUSH_LIST = [
    ["Bengio, Y., Courville, A., and Vincent, P. (2013). Representation learning: A review and new",
     "perspectives. IEEE Transactions on Pattern Analysis and Machine Intelligence, 35(8),",
     "1798–1828."],
    ["Hochreiter, S. and Schmidhuber, J. (1997). Long short-term memory.",
     "Neural Computation, 9(8), 1735–1780."],
    ["Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic optimization. In International",
     "Conference on Learning Representations."],
    ["LeCun, Y., Bengio, Y., and Hinton, G. (2015). Deep learning.",
     "Nature, 521(7553), 436–444."],
    ["Rumelhart, D. E., Hinton, G. E., and Williams, R. J. (1986). Learning representations by",
     "back-propagating errors.",
     "Nature, 323(6088), 533–536."],
]  # fmt: skip
FIRST_AUTHORS = ["Bengio", "Hochreiter", "Kingma", "LeCun", "Rumelhart"]


def _set(
    references: list[list[str]], gap: float = GAP, page_break_before: int | None = None
) -> list[PdfLine]:
    """The references' lines set flush from the top of page 1 (each reference ``gap`` points below
    the one before), page 2 going on from the reference ``page_break_before``."""
    lines: list[PdfLine] = []
    page, baseline = 1, 700.0
    for at, reference in enumerate(references):
        if at == page_break_before:
            page, baseline = 2, 700.0 + LEADING + gap
        baseline -= gap if at else 0.0
        for text in reference:
            baseline -= LEADING
            lines.append(PdfLine(page, 0, 72.0, 10.0, text, bottom=baseline))
    return lines


def test_a_flush_list_is_split_where_the_space_between_references_is() -> None:
    """Read as text, "Neural Computation, 9(8), 1735–1780." after a line that ends a sentence opens
    like a reference by "Neural Computation"; no space stands above it, so it ends Hochreiter's."""
    queries = read_lines(_set(FLUSH_LIST))
    assert [query.raw.split(",")[0] for query in queries] == FIRST_AUTHORS
    assert queries[1].raw.endswith("Neural Computation, 9(8), 1735–1780.")
    assert queries[4].raw.endswith("Nature, 323(6088), 533–536.")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            _set(FLUSH_LIST),
            [None, False, False, True, False, True, False, True, False, True, False, False],
            id="gaps-between-references",
        ),
        pytest.param(
            _set(FLUSH_LIST, page_break_before=3),
            [None, False, False, True, False, True, False, None, False, True, False, False],
            id="a-page-break-tells-nothing",
        ),
        pytest.param(_set(FLUSH_LIST, gap=0.0), None, id="no-gaps-no-split"),
        pytest.param(_set(FLUSH_LIST[:2]), None, id="too-few-steps-to-tell"),
    ],
)
def test_which_lines_the_space_above_opens(lines: list[PdfLine], expected: list[bool | None] | None) -> None:
    assert spaced_starts(lines) == expected


def test_a_reference_at_the_top_of_a_page_opens_by_its_text() -> None:
    """Where a page breaks the list, no space says whether its first line opens a reference: one
    that opens with names after a line that ended a sentence does."""
    queries = read_lines(_set(FLUSH_LIST, page_break_before=3))
    assert [query.raw.split(",")[0] for query in queries] == FIRST_AUTHORS


def test_steps_of_no_pattern_split_nothing() -> None:
    """A page whose lines the typesetter stretched unevenly shows no gaps between references."""
    lines = _set(FLUSH_LIST, gap=0.0)
    stretched = [line._replace(bottom=line.bottom - 0.8 * (at % 3)) for at, line in enumerate(lines)]
    assert spaced_starts(stretched) is None


def test_a_line_pdfium_joined_at_a_hyphen_is_measured_from_its_last_baseline() -> None:
    """PDFium gives a line hyphenated at its end and the next as one: the step to the line after
    them is from the second's baseline, not from the first's (two lines' room, no gap)."""
    lines = _set(FLUSH_LIST)
    first, second = lines[0], lines[1]
    joined = first._replace(text=f"{first.text} {second.text}", end_bottom=second.bottom)
    starts = spaced_starts([joined, *lines[2:]])
    assert starts == [None, False, True, False, True, False, True, False, True, False, False]
