"""Reference labels set as raised numbers: biblatex-phys (and the AIP and ACS styles it follows)
prints each item's number as a superscript before the first name, with no space ("¹R. A. Allen"),
and PDFium reads it as digits run into the name ("1R. A. Allen", "10F. A. Cotton"). The font
size tells the label from the text: the digits are set smaller than the letter after them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bibnorm.readers._pdf_typography import ITALIC_START

# the digits, then the name's letter (or the mark of an italic run that opens with it: a title
# that opens the reference, "8CORINA: generation …")
_LEADING_NUMBER = re.compile(rf"\d{{1,4}}(?={ITALIC_START}?[^\W\d_])")
RAISED = 0.85
"""A label's digits are at most this share of the following letter's size (superscripts: ≈ 0.7)."""


def bracket_raised_label(text: str, first: int, size_at: Callable[[int], float]) -> tuple[str, float]:
    """``text`` (a line, its first character the page's ``first``) with a raised number that
    opens it written as a label the list reader knows ("1R. A. Allen" → "[1] R. A. Allen"), and the
    size of the line's text; other lines as they are, with the size of their first character."""
    label = _LEADING_NUMBER.match(text)
    size = size_at(first)
    if label is None:
        return text, size
    following = size_at(first + label.end())
    if not 0 < size <= RAISED * following:
        return text, size
    return f"[{label.group()}] {text[label.end() :]}", following
