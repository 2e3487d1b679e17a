"""APA's reference forms that the general field reading does not know (APA 7, §9–10).

- The date slot holds "(n.d.)" for a work without a date, "(in press)" for one not yet out.
- A work without an author moves its title into the author's place: "Title. (n.d.).
  Retrieved August 8, 2000, from https://…" — after the date comes no title, only where the
  work was found.
- A retrieval statement ("Retrieved July 12, 2019, from …") follows the title and the source
  and is never part of either.
"""

from __future__ import annotations

import re

NO_DATE = re.compile(r"\((?:n\.\s?d\.|in press)(?:-?[a-z])?\)")
"""The date slot of a work without a date or not yet out: "(n.d.)", "(n.d.-a)", "(in press-b)"."""

_WHERE_FOUND = re.compile(r"(?:Retrieved|Available)\b|(?:https?://|www\.)")
_RETRIEVAL = re.compile(r"(?<=[.?!])\s+Retrieved\s.*$")


def title_in_author_place(after_date: str) -> bool:
    """Whether what follows the date is only where the work was found: then the author's place
    held the title."""
    return bool(_WHERE_FOUND.match(after_date.lstrip()))


def without_retrieval(title: str) -> str:
    """A title read up to a retrieval statement, without it ("… You do! Retrieved October 5,
    2000, from" → "… You do!")."""
    return _RETRIEVAL.sub("", title)
