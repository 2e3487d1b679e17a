"""Hostile PDFs written by hand, for tests and ``bench/bench_hostile.py``.

A PDF here is its objects numbered from 1 (the first the catalog) and a true cross-reference
table (PDF 1.7, ISO 32000-1 §7.5): PDFium reads them as it reads a real file, without repairs.
"""

from __future__ import annotations

import zlib


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; the first the catalog), with a true xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(lines: list[bytes]) -> bytes:
    """A one-page PDF of Helvetica lines 12 points apart (WinAnsiEncoding: byte 0xB4 is the
    spacing acute, 0xA8 the diaeresis)."""
    return text_pages([lines])


def text_pages(pages: list[list[bytes]]) -> bytes:
    """A PDF of pages of Helvetica lines, 12 points apart from the top of each page."""
    font = 3 + 2 * len(pages)  # after the catalog, the page tree and each page's page and stream
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        stream = b"".join(
            b"BT /F1 9 Tf 72 %d Td (%s) Tj ET\n" % (720 - 12 * at, line) for at, line in enumerate(lines)
        )
        kids.append(b"%d 0 R" % (len(objects) + 1))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects) + 2, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return pdf(objects)


def nested_page_tree(depth: int) -> bytes:
    """A page tree ``depth`` /Pages nodes deep above its one page."""
    kids = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1) for number in range(2, depth + 2)]
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", *kids, b"<< /Type /Page /MediaBox [0 0 612 792] >>"])


# A /Pages node that is its own kid.
CYCLIC_PAGE_TREE = pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    ]
)


def blank_stream(megabytes: int) -> bytes:
    """One page whose content stream is a line of text and ``megabytes`` MB of blanks,
    Flate-compressed (about 1 KB a MB): small on disk, whole in memory once decoded."""
    packer = zlib.compressobj(9)
    blanks = b" " * (1 << 20)
    stream = packer.compress(b"BT /F1 12 Tf 72 700 Td (References) Tj ET\n")
    stream += b"".join(packer.compress(blanks) for _ in range(megabytes)) + packer.flush()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
        ]
    )
