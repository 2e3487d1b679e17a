"""What BibTeX's standard styles (plain, alpha, unsrt, natbib's) print between a book's title
and its publisher: the volume in a series, "…, volume 73 of Cambridge Studies in Advanced
Mathematics. Cambridge University Press", "…, volume 1. John Wiley Sons", or its number in one,
"…. Number 43 in Oxford Logic Guides". It is no part of the title.
"""

from __future__ import annotations

import re

# … or the series named before its volume, the title read cut at "vol."'s period: "…: Volume I,
# Studies in Logic and the Foundations of Mathematics, vol" (splncs04), "…. Studies in …, Vol" (ACM)
_SERIES = re.compile(
    # (to the text's very end, "(?s:.*)": a "." stopped at a line break is tried again from each start)
    r",\s+volume\s+\d+\b(?s:.*)$|\.\s+Number\s+\d+\s+in\s+[A-Z](?s:.*)$|[.,]\s+[A-Z][^.,]*,\s+[Vv]ol\.?$"
)


def without_series(title: str) -> str:
    """``title`` without a volume or number in a series printed after it."""
    return _SERIES.sub("", title)
