"""A DOI that a PDF breaks inside a line, with a space after a hyphen, a colon or a bracketed
issue: biblatex's links ("https://doi.org/10.1186/1471- 2148- 8- 289"), natbib's "doi:
10.1051/jp1: 1995201", "10.1023/A: 1018983601518", "…/10.1016/0004-3702(90) 90060-d". The
pieces are joined when the next one holds a digit (a DOI's suffix goes on; a title's word does
not); a DOI that still ends at a hyphen, a colon or a slash is a cut one, and none is better
than a wrong one. So is a link whose scheme a space parts from the rest ("https: //doi.org/…",
ACM's reference format): it is one link again.
"""

from __future__ import annotations

import re

_BROKEN = re.compile(r"(\b10\.\d{4,9}/[^\s\"<>,;]*(?:[-:]|\(\d+\)))\s+(?=[\w()]*\d)")


_SPACED_SCHEME = re.compile(r"\b(https?):\s+//")


def joined_dois(text: str) -> str:
    """``text`` with each DOI broken at a hyphen or colon and a space joined again, and each
    link's scheme joined to its rest."""
    text = _SPACED_SCHEME.sub(r"\1://", text)
    while (joined := _BROKEN.sub(r"\1", text)) != text:
        text = joined
    return text


def cut(doi: str) -> bool:
    """Whether a DOI read ends where no DOI does: at a hyphen, a colon or a slash."""
    return doi[-1:] in ("-", ":", "/")
