"""A page's furniture: its number, and lines repeated at the top or bottom of several pages (a
running head, "REFERENCES 2"; a journal's footer). A head whose page number PDFium gives as a
line of its own ("REFERENCES", then "7") is the same head, and so is one read with its italics
marked (the list's pages are read a second time for their fonts). A line of numbers alone
(pages and a year, "133, 1943.") is no head, only a page's number is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bibnorm.readers._pdf_sections import Line
from bibnorm.readers._pdf_typography import unmark_italics


def running_heads(pages: Sequence[Sequence[Line]]) -> set[tuple[int, int]]:
    """(page, line) of page numbers and of lines repeated at a page's top or bottom."""

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", " ".join(unmark_italics(text)[0].split()))

    def head(number: int, at: int) -> str:
        # a head whose page number PDFium gave as a line of its own ("REFERENCES", "7") is the
        # "REFERENCES 2" of the other pages; its italics (read on the list's pages) are no difference
        page = pages[number - 1]
        alone = at == 0 and len(page) > 1 and shape(page[1].text) == "#"
        return f"{shape(page[at].text)} #" if alone else shape(page[at].text)

    edges = [(page[0].page, at) for page in pages if page for at in (0, 1, len(page) - 2, len(page) - 1)]
    edges = [(number, at) for number, at in edges if 0 <= at < len(pages[number - 1])]
    seen = Counter(head(number, at) for number, at in set(edges))
    return {
        (number, at)
        for number, at in set(edges)
        if (seen[head(number, at)] >= 2 and _WORDED.search(head(number, at))) or head(number, at) == "#"
    }


# A head has words: a wrapped reference's last line at a column's top, "133, 1943.", is none,
# however many columns open with pages and a year.
_WORDED = re.compile(r"[^\W\d_]{3}")
