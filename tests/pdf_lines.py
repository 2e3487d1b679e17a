"""A PDF's reference list written as its lines, for the reader's tests: each line's text, its
italic runs and its indent, as PDFium gives them (page 1, one column, 10 pt type); and the
lines of biblatex-apa's test document, by their left edge; and real lists' lines as the reader
gave them, copied into ``fixtures/pdf`` (`fixture_lines`)."""

from __future__ import annotations

import csv
from pathlib import Path

from bibnorm.models import Query
from bibnorm.readers.pdf import PdfLine, read_section


def styled(text: str, *italic: str, indent: float = 0.0) -> PdfLine:
    """A line of ``text`` with the parts ``italic`` set in italics, ``indent`` points in."""
    spans = tuple((text.index(part), text.index(part) + len(part)) for part in italic)
    return PdfLine(1, 0, 72.0 + indent, 10.0, text, indent, spans)


# biblatex-apa's test document (texlive-doc; APA 7 examples), in points: an entry's first line,
# its wrapped lines, and the LaTeX code of the examples set left of the text block
FLUSH, HANGING, CODE = 92.0, 128.0, 53.0


def apa_line(left: float, text: str, size: float = 10.0, page: int = 1) -> PdfLine:
    """A line of ``text`` at ``left`` points, as the layout of biblatex-apa's test document sets it
    (its text block 52 points in: ``FLUSH``, ``HANGING``, ``CODE``)."""
    return PdfLine(page=page, column=0, left=left, size=size, text=text, indent=left - 52)


def read_lines(lines: list[PdfLine]) -> list[Query]:
    """The queries the reader reads from a references section of ``lines``."""
    read = read_section(lines, "references.pdf")
    assert read is not None
    return read[0]


def fixture_lines(name: str) -> list[PdfLine]:
    """The lines of ``fixtures/pdf/NAME`` (tab-separated page, column, left, size, bottom and
    text of each line, as bibnorm's PDF reader gave them; their origin in fixtures/pdf/README.md)."""
    path = Path(__file__).resolve().parent.parent / "fixtures" / "pdf" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            PdfLine(int(row["page"]), int(row["column"]), float(row["left"]), float(row["size"]), row["text"],
                    bottom=float(row["bottom"]))
            for row in csv.DictReader(handle, delimiter="\t")
        ]  # fmt: skip
