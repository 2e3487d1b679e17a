"""A work with editors and no author: biblatex prints its title first, then "Ed. by" and the
editors ("The New Encyclopædia Britannica. Ed. by Warren E. Preece. 15th ed. 32 vols. Chicago,
Ill.: Encyclopædia Britannica, 2003."), as Nature prints "(ed Family, I.)" after a title. Its
editors are read as its names, as a .bib's editor stands for a missing author. Editors after an
"In:" are a collection's, not the work's: they follow no title read.
"""

from __future__ import annotations

import re

# "Ed. by", "Eds. by", "Edited by", "ed. by" right after the title; the names end at a period
# after a word (not after an initial: "Warren E. Preece. 15th ed.").
_EDITED_BY = re.compile(
    r"[\s.,”\"’]*(?:[Ee]ds?\.|[Ee]dited)\s+by\s+(?P<names>.+?)(?:(?<=[^\W\d_]{2})\.(?:\s|$)|$)"
)


def editors_after_title(text: str, title: str) -> str:
    """The editors' names printed right after ``title`` in ``text``, or ""."""
    at = text.find(title)
    match = _EDITED_BY.match(text, at + len(title)) if at >= 0 else None
    return match.group("names") if match else ""
