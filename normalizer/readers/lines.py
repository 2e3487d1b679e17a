"""Plain lists: one paper per line, as an arXiv id, arXiv URL, DOI, DOI URL or title.

Blank lines and lines starting with ``#`` are skipped, and a list's marker before an item is
no part of it ("- ", "* ", "• ", "1. ", "2) ", "(3) ", "[4] "). A line that is exactly one
identifier in any form `bibnorm.identifiers` accepts becomes an id query;
everything else is a title (whitespace collapsed), without the venue/year tags reading
lists add ("[CVPR 2022] …", "… (NeurIPS'23)", "…, arXiv preprint"); a tag's year is
kept as evidence (`base.strip_title_tags`).
"""

from __future__ import annotations

import re

from bibnorm.identifiers import not_an_arxiv_id
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers.base import MAX_ITEM, URL_PATTERN, Reader, identifier_of, oversized, strip_title_tags

# A bullet, or an item's number of up to three digits (a year, "2021. …", is no item's number),
# before blanks and the item itself.
_LIST_MARKER = re.compile(r"(?:[-*+•·–]|\d{1,3}[.)]|\(\d{1,3}\)|\[\d{1,3}\])\s+(?=\S)")


def read_lines(text: str, path: str) -> list[Query]:
    """One `Query` per non-blank, non-comment line of ``text``."""
    queries: list[Query] = []
    for number, line in enumerate(text.splitlines(), start=1):
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if len(item) > MAX_ITEM:  # refused before any pattern runs over it
            raise oversized(path, number, len(item), "a line")
        origin = Origin(path=path, line=number)
        item = item[marker.end() :] if (marker := _LIST_MARKER.match(item)) else item
        arxiv, doi = identifier_of(item)
        if arxiv:
            queries.append(
                Query(
                    index=len(queries),
                    origin=origin,
                    kind=QueryKind.ARXIV_ID,
                    arxiv_id=arxiv.id,
                    arxiv_version=arxiv.version,
                    doi=doi,
                    raw=line,
                )
            )
        elif doi:
            queries.append(Query(index=len(queries), origin=origin, kind=QueryKind.DOI, doi=doi, raw=line))
        elif not_an_arxiv_id(item):
            # Shaped like an id but not one ("9999.99999"): reported as such, never searched as a title.
            queries.append(
                Query(index=len(queries), origin=origin, kind=QueryKind.ARXIV_ID, arxiv_id=item, raw=line)
            )
        else:
            # A URL that names no paper we can look up is still kept, so the user sees it
            # reported as unresolved instead of silently dropped.
            urls = tuple(URL_PATTERN.findall(item))
            title, year = strip_title_tags(" ".join(item.split()))
            queries.append(
                Query(
                    index=len(queries),
                    origin=origin,
                    kind=QueryKind.TITLE,
                    # The line itself when it is the title already: one string an item, not two.
                    title=line if title == line else title,
                    year=year,
                    urls=urls,
                    raw=line,
                )
            )
    return queries


READER = Reader(
    name="lines",
    description="one arXiv id, arXiv URL, DOI, DOI URL or title per line; '#' starts a comment line",
    read=read_lines,
    suffixes=(".lst", ".list"),
)
