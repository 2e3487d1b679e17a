"""A reference list labels its references in one form: "[12]", "(12)" or "12.".

A line that opens with a number in another form than the list's is a wrapped line, not a
reference: in a list labelled "[10]", "[11]", the line "12. ITG Symposium Speech Communication"
goes on reference [10] (a conference's ordinal), as "3. Auflage" or "2. Edition" would.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_MINORITY = 0.25  # labels of another form up to this share of the list's own are wrapped lines
_OWN_FORM_AT_LEAST = 3


def label_form(label: str) -> str:
    """The form of a label as `_reflist` matches it: "[", "(" or "." (an alphabetic or
    author-year label in brackets is of the bracket form)."""
    label = label.strip()
    return label[0] if label[:1] in "[(" else "."


def in_one_form(starts: Sequence[re.Match[str] | None]) -> list[re.Match[str] | None]:
    """``starts`` (each line's label match, or None) without the labels of a form other than
    the list's own, when the list's own form clearly dominates."""
    forms = Counter(label_form(start.group("label")) for start in starts if start is not None)
    if not forms:
        return list(starts)
    own, count = forms.most_common(1)[0]
    others = sum(forms.values()) - count
    if count < _OWN_FORM_AT_LEAST or others > _MINORITY * count:
        return list(starts)
    return [start if start is None or label_form(start.group("label")) == own else None for start in starts]
