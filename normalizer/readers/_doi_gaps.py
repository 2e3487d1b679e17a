"""DOIs with a gap in the text: what a narrow column does to them.

TeX may break a DOI or URL after its slashes, hyphens and dots, and in a justified line it
stretches it there; PDFium then gives a space where the gap is ("10.1088/0305-4470/30/23/
004", "10.1186/1471- 2148- 8- 289", "10.1111/biom . 13276", "10 . 34780/5CB1-3X71"), and a
line break joined back leaves one too ("doi: 10" / ".1006/nimg…" is "10 .1006/nimg…"). A gap is
closed only where no DOI can end: after a slash or a hyphen before a digit, after the closing
parenthesis of a part the DOI opened ("(90) 90060-d"), around a dot set apart (" . "); a DOI
followed by a sentence ("10.1234/abc. Title") keeps its space.
"""

from __future__ import annotations

import re

_START = re.compile(r"\b10 ?\. ?\d{4,9} ?/ ?")
_GAP = re.compile(r"(?:(?<=[/-])|(?<=\)))( )(?=\d)| (\.) (?=\w)")


def closed_doi_gaps(text: str) -> str:
    """``text`` with the gaps of each DOI in it closed (see the module docstring)."""
    pieces: list[str] = []
    done = 0
    for start in _START.finditer(text):
        if start.start() < done:
            continue
        end = start.end()
        doi = start.group().replace(" ", "")
        while True:
            token = re.match(r"\S*", text[end:]).group()  # type: ignore[union-attr]
            doi, end = doi + token, end + len(token)
            gap = _GAP.match(text, end)
            if gap is None or (gap.group(1) and doi.endswith(")") and "(" not in doi):
                break
            doi, end = doi + (gap.group(2) or ""), gap.end()
        pieces += [text[done : start.start()], doi]
        done = end
    return "".join(pieces) + text[done:]
