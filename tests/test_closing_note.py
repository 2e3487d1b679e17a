"""A note set apart below a reference list (MNRAS's "This paper has been typeset from a TEX/LATEX
file prepared by the author.") is no reference: a gap of two line pitches or more before it, its
first line flush, no year in it. Lines as the MNRAS class sets them (10 pt apart, 8 pt type)."""

from __future__ import annotations

import pytest
from bibnorm.readers._closing_note import closing_note
from bibnorm.readers.pdf import PdfLine

LIST = [
    ("Wilson A. S., 1996, Vistas in Astronomy, 40, 63", 0.0),
    ("York D. G., et al., 2000, AJ, 120, 1579", 0.0),
    ("Zhang K., et al., 2017, MNRAS, 466, 3217", 0.0),
    ("Zurita A., Rozas M., Beckman J. E., 2000, A&A,", 0.0),
    ("363, 9", 14.0),
    ("de Amorim A. L., et al., 2017, MNRAS, 471, 3727", 0.0),
]


def _lines(tail: list[tuple[str, float, float]]) -> list[PdfLine]:
    """The list above 10 pt apart, then ``tail``: (text, indent, gap before it in points)."""
    lines, bottom = [], 300.0
    for text, indent in LIST:
        lines.append(PdfLine(14, 1, 305 + indent, 8.0, text, indent=indent, bottom=bottom))
        bottom -= 10
    bottom += 10
    for text, indent, gap in tail:
        bottom -= gap
        lines.append(PdfLine(14, 1, 305 + indent, 8.0, text, indent=indent, bottom=bottom))
    return lines


@pytest.mark.parametrize(
    ("tail", "note"),
    [
        pytest.param([("This paper has been typeset from a TEX/LATEX file prepared by", 0.0, 24.0),
                      ("the author.", 0.0, 10.0)], {6, 7}, id="mnras-typesetting-note"),
        pytest.param([("Zwicky F., 1933, Helvetica Physica Acta, 6, 110", 0.0, 10.0)], set(),
                     id="no-gap-a-reference"),
        pytest.param([("10.1080/02692170903424307.", 14.0, 22.0)], set(),
                     id="an-indented-line-after-a-wide-gap-goes-on-a-reference"),
        pytest.param([("Zwicky F., 1933, Helvetica Physica Acta, 6, 110", 0.0, 24.0)], set(),
                     id="a-line-with-a-year-after-a-gap-is-a-reference"),
    ],
)  # fmt: skip
def test_a_note_set_apart_below_the_list_is_no_reference(
    tail: list[tuple[str, float, float]], note: set[int]
) -> None:
    assert closing_note(_lines(tail)) == note
