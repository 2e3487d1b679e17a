"""A PDF list whose lines hang at one indent is split where its flush lines stand: its text's
reading wins only where it reads more references, not by joining to its neighbour an item that
reads as none (a work by an organisation), nor by splitting off a wrapped line that reads as one
too. Lines as bibnorm's PDF reader gives them
(fixtures/pdf/hanging, its origin in fixtures/pdf/README.md)."""

from __future__ import annotations

from bibnorm.readers.pdf import PdfLine, read_section
from pdf_lines import fixture_lines


def _lines(name: str) -> list[PdfLine]:
    return fixture_lines(f"hanging/{name}")


def test_an_organisations_works_are_references_of_their_own() -> None:
    lines = _lines("r-journal.tsv")
    read = read_section(lines, "rjournal.pdf")
    assert read is not None
    flush = [line.text for line in lines if line.left < 100]
    assert [item.text[:40] for item in read[1].items] == [text[:40] for text in flush]
    assert sum(item.text.startswith("Organization for Economic") for item in read[1].items) == 5


def test_a_wrapped_line_that_reads_as_a_reference_stays_in_its_reference() -> None:
    """econ-bst's AEA sample: "d’Aspremont, Claude, … 2003. “Correlation, Independence," is a
    reference's first line alone, and reads as one; the list still has one item per flush line."""
    lines = _lines("econ-aea.tsv")
    read = read_section(lines, "econ-aea.pdf")
    assert read is not None
    flush = [line.text for line in lines if line.left < 90]
    assert [item.text[:40] for item in read[1].items] == [text[:40] for text in flush]


def test_text_after_the_list_is_no_reference() -> None:
    """biblatex's example: its one reference, then the example's flush text, which reads as no
    reference: the text's reading (one item) is kept, not an item for each of those lines."""
    read = read_section(_lines("biblatex-delimiters.tsv"), "04-delimiters-biber.pdf")
    assert read is not None
    assert [item.text[:8] for item in read[1].items] == ["Averroes"]
