"""Plain lists: one paper per line, as an arXiv id, arXiv URL, DOI, DOI URL or title.

Blank lines and lines starting with ``#`` are skipped. What a list or Markdown sets around an
item is no part of it: a marker ("- ", "* ", "• ", "1. ", "2) ", "(3) ", "[4] ", a task's box
"- [ ] "), emphasis ("**Title**"), a link's brackets ("[Title](https://arxiv.org/abs/…)"). A
line that is exactly one identifier in any form `bibnorm.identifiers` accepts becomes an id
query. A line holding an identifier among other words ("Title. arXiv:2106.09685", a Markdown
link to its arXiv page or DOI, a whole reference) is read as the one reference it is
(`refs.read_refs`): an id query that keeps its title, so the run can tell when the id names
another work. Everything else is a title (whitespace collapsed), without the venue/year
tags reading lists add ("[CVPR 2022] …", "… (NeurIPS'23)", "…, arXiv preprint"); a tag's year is
kept as evidence (`base.strip_title_tags`).
"""

from __future__ import annotations

import re

from bibnorm.identifiers import not_an_arxiv_id
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers._ref_ids import arxiv_id, only_doi
from bibnorm.readers.base import MAX_ITEM, URL_PATTERN, Reader, identifier_of, oversized, strip_title_tags

# A bullet, or an item's number of up to three digits (a year, "2021. …", is no item's number),
# before blanks and the item itself; after a bullet, a task list's box ("- [ ] ", "- [x] ").
_LIST_MARKER = re.compile(r"(?:[-*+•·–](?:\s+\[[ xX]\])?|\d{1,3}[.)]|\(\d{1,3}\)|\[\d{1,3}\])\s+(?=\S)")
# Markdown's link, "[text](target)": its text and its target, apart.
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")


def read_lines(text: str, path: str) -> list[Query]:
    """One `Query` per non-blank, non-comment line of ``text``."""
    queries: list[Query] = []
    for number, line in enumerate(text.splitlines(), start=1):
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if len(item) > MAX_ITEM:  # refused before any pattern runs over it
            raise oversized(path, number, len(item), "a line")
        queries.append(_query(_unmarked(item), line, len(queries), Origin(path=path, line=number)))
    return queries


def _unmarked(item: str) -> str:
    """``item`` without its list marker, Markdown emphasis and link brackets."""
    item = item[marker.end() :] if (marker := _LIST_MARKER.match(item)) else item
    if "**" in item or "__" in item:
        item = item.replace("**", "").replace("__", "")
    return _MARKDOWN_LINK.sub(r"\1 \2", item) if "](" in item else item


def _query(item: str, line: str, index: int, origin: Origin) -> Query:
    arxiv, doi = identifier_of(item)
    if arxiv:
        return Query(
            index=index,
            origin=origin,
            kind=QueryKind.ARXIV_ID,
            arxiv_id=arxiv.id,
            arxiv_version=arxiv.version,
            doi=doi,
            raw=line,
        )
    if doi:
        return Query(index=index, origin=origin, kind=QueryKind.DOI, doi=doi, raw=line)
    if not_an_arxiv_id(item):
        # Shaped like an id but not one ("9999.99999"): reported as such, never searched as a title.
        return Query(index=index, origin=origin, kind=QueryKind.ARXIV_ID, arxiv_id=item, raw=line)
    # A URL that names no paper we can look up is still kept, so the user sees it
    # reported as unresolved instead of silently dropped.
    inside = _with_identifier_inside(item, line, index, origin)
    if inside is not None:
        return inside
    urls = tuple(URL_PATTERN.findall(item))
    title, year = strip_title_tags(" ".join(item.split()))
    return Query(
        index=index,
        origin=origin,
        kind=QueryKind.TITLE,
        # The line itself when it is the title already: one string an item, not two.
        title=line if title == line else title,
        year=year,
        urls=urls,
        raw=line,
    )


def _with_identifier_inside(item: str, line: str, index: int, origin: Origin) -> Query | None:
    """The query of a line holding an identifier among other words, read as the one reference it
    is (`refs.read_refs`: its title apart from its authors, venue and year, for the run to weigh
    the id's record against); None for a line without one."""
    if arxiv_id(item) is None and only_doi(item) is None:
        return None
    from bibnorm.readers.refs import read_refs  # local: the reference reader loads its model

    read = read_refs(item, origin.path)
    if len(read) != 1:  # more than one reference on the line: none of them is the line's
        return None
    return read[0].model_copy(update={"index": index, "origin": origin, "raw": line})


READER = Reader(
    name="lines",
    description="one arXiv id, arXiv URL, DOI, DOI URL or title per line; '#' starts a comment line",
    read=read_lines,
    suffixes=(".lst", ".list"),
)
