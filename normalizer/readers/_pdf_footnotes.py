"""A page's footnotes under a reference list: set in small type at the page's foot, each opening
with its mark ("∗This file describes v1.3d, last revised 2020/12/30.", "†E-mail: …"). A
one-column page puts them right after the list's last line on that page, so read as text they
run on from the reference above (biblatex-nature's and biblatex-science's own documents: "…
J. Chem. Soc., 2099–2106 (1962). ∗ This file describes …"). A page whose last lines are set
well smaller than the list, the first of them opening with a footnote mark, has them dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.readers._pdf_sections import Line

_MARK = re.compile(r"^\s*[∗*†‡§¶‖]")
_SMALL = 0.8  # a footnote's type is at most this share of the list's


def footnotes(lines: Sequence[Line], body: float) -> set[int]:
    """Indexes of ``lines`` that are a page's footnotes (``body``: the list's type size)."""
    found: set[int] = set()
    end = len(lines)
    while end > 0:
        start = end
        while start > 0 and lines[start - 1].page == lines[end - 1].page:
            start -= 1
        foot = end
        while foot > start and (not lines[foot - 1].text.strip() or lines[foot - 1].size <= _SMALL * body):
            foot -= 1
        marked = [at for at in range(foot, end) if lines[at].text.strip()]
        if marked and _MARK.match(lines[marked[0]].text):
            found.update(marked)
        end = start
    return found
