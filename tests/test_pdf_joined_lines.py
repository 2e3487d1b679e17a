"""Two printed lines PDFium gives as one: where the second starts (`line_starts`), on a real
PNAS-like page's characters (``fixtures/pdf/joined``): the list's "1." under the
acknowledgments' last line, so close below it, in smaller type, that PDFium joins them."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from bibnorm.readers.pdf import line_starts

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pdf" / "joined" / "pnas-first-label.tsv"

Glyph = tuple[float, float, float]  # left edge, baseline, size


def piece(name: str) -> tuple[str, list[Glyph]]:
    """The text and the glyphs of the fixture's piece ``name``."""
    with FIXTURE.open(encoding="utf-8") as rows:
        chosen = [row for row in csv.reader(rows, delimiter="\t") if row[0] == name]
    text = "".join(" " if row[1] == "<space>" else row[1] for row in chosen)
    return text, [(float(row[2]), float(row[3]), float(row[4])) for row in chosen]


def at(glyphs: list[Glyph]) -> Callable[[int], Glyph]:
    return lambda index: glyphs[index]


def test_the_first_label_joined_to_the_line_above_starts_a_line() -> None:
    text, glyphs = piece("joined")
    cuts = line_starts(text, at(glyphs))
    assert [text[:cut].strip() for cut in cuts] == [
        "funding from NSF Biology of Rare alleles – need grant number."
    ]
    assert text[cuts[0] :].startswith("1. Purugganan, M. D & Fuller, D. Q. (2009) Nature 457, 843–848.")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("one-line", id="a-reference-on-one-line"),
        pytest.param("heading-run-in", id="a-run-in-heading-in-bold-caps-then-text"),
    ],
)
def test_a_printed_line_is_not_parted(name: str) -> None:
    text, glyphs = piece(name)
    assert line_starts(text, at(glyphs)) == []


def lowered_end(ems: float, back: bool, words: int = 1) -> tuple[str, list[Glyph], int]:
    """The one-line piece with its last ``words`` set ``ems`` lower (a subscript, a fraction's
    denominator, the next line), moved back to where the line starts when ``back``; and where
    they start."""
    text, glyphs = piece("one-line")
    text = text.rstrip()
    last_word = len(" ".join(text.split(" ")[:-words])) + 1
    moved = [
        (
            glyphs[0][0] if back and index == last_word else left,
            baseline - ems * size if index >= last_word else baseline,
            size,
        )
        for index, (left, baseline, size) in enumerate(glyphs[: len(text)])
    ]
    return text, moved, last_word


@pytest.mark.parametrize(
    ("ems", "back"),
    [
        pytest.param(0.15, False, id="a-subscript-at-the-end"),
        pytest.param(1.0, False, id="lower-by-a-line-but-not-back-at-the-start"),
        pytest.param(0.15, True, id="back-at-the-start-but-on-nearly-the-same-baseline"),
    ],
)
def test_a_line_with_a_lowered_end_is_not_parted(ems: float, back: bool) -> None:
    text, glyphs, _ = lowered_end(ems, back)
    assert line_starts(text, at(glyphs)) == []


@pytest.mark.parametrize(
    ("words", "parted"),
    [
        pytest.param(3, True, id="three-words-a-line-lower-back-at-the-start"),
        pytest.param(1, False, id="one-word-a-line-lower-back-at-the-start-a-formula's-piece"),
    ],
)
def test_a_line_lowered_by_a_line_and_back_at_the_start_is_parted_when_it_holds_words(
    words: int, parted: bool
) -> None:
    text, glyphs, start = lowered_end(1.3, back=True, words=words)
    assert line_starts(text, at(glyphs)) == ([start] if parted else [])
