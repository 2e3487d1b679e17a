"""DOIs printed as links (``https://doi.org/10.…``, APA's form) that the page broke apart.

A link is set with break points after its "/", "." and "-" (biblatex, hyperref's ``\\url``), and
a PDF's text then holds a space at each point the line could break or did: "https://doi.
org/ 10. 3886/ ICPSR335531.v3", "https://doi.org/10.1007/978 -1 -4419 - 57160_6". After a
``doi.org/`` link's prefix, such a space is no end of the DOI: one after a "/" or a "-", one
before a "-", and one after a "." when a digit or a lower-case letter follows ("10. 1159/"); a
space before anything else (a parenthesis, a capital after a period: "… .v3 (Original work")
ends it. The link is written whole so that the DOI is read whole, never cut at the first space
(a truncated DOI is a wrong one).
"""

from __future__ import annotations

import re

_LINK = re.compile(r"https?\s?:\s?/\s?/\s?(?:dx\.\s?)?doi\.\s?org\s?/\s?(?=10\.\s?\d)")
_TOKEN = re.compile(r"\S+")
_NEXT = re.compile(r"\s+(\S+)")


def join_doi_links(text: str) -> str:
    """``text`` with each ``doi.org`` link's DOI written without the spaces of its break points."""
    pieces: list[str] = []
    position = 0
    for link in _LINK.finditer(text):
        if link.start() < position:
            continue
        token = _TOKEN.match(text, link.end())
        if token is None:
            continue
        doi, end = token.group(), token.end()
        while (following := _NEXT.match(text, end)) is not None and _goes_on(doi, following.group(1)):
            doi, end = doi + following.group(1), following.end()
        pieces += [text[position : link.start()], "https://doi.org/", doi]
        position = end
    return "".join([*pieces, text[position:]])


def _goes_on(doi: str, following: str) -> bool:
    """Whether the DOI read so far goes on across a space with the ``following`` text."""
    if following.startswith("-"):
        return True
    if doi.endswith(("/", "-")):
        return following[0].isalnum()
    return doi.endswith(".") and (following[0].isdigit() or following[0].islower())
