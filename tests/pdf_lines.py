"""A PDF's reference list written as its lines, for the reader's tests: each line's text, its
italic runs and its indent, as PDFium gives them (page 1, one column, 10 pt type)."""

from __future__ import annotations

from bibnorm.models import Query
from bibnorm.readers.pdf import PdfLine, read_section


def styled(text: str, *italic: str, indent: float = 0.0) -> PdfLine:
    """A line of ``text`` with the parts ``italic`` set in italics, ``indent`` points in."""
    spans = tuple((text.index(part), text.index(part) + len(part)) for part in italic)
    return PdfLine(1, 0, 72.0 + indent, 10.0, text, indent, spans)


def read_lines(lines: list[PdfLine]) -> list[Query]:
    """The queries the reader reads from a references section of ``lines``."""
    read = read_section(lines, "references.pdf")
    assert read is not None
    return read[0]
