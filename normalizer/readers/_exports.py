"""What reference-manager exports (CSL-JSON, RIS) say about one item, as a `Query`.

Both formats carry structured fields, so nothing is parsed out of free text: the title,
the authors' names, the year, a DOI, an arXiv id (from an arXiv URL, arXiv's DataCite
DOI, or an ``arXiv:`` number) and the item's own key when it has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from normalizer.identifiers import canonical_doi, parse_arxiv_id
from normalizer.models import Origin, Query, QueryKind
from normalizer.readers.base import arxiv_doi_id

_ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arXiv:\s*)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d{2}")


def item_query(
    index: int,
    origin: Origin,
    *,
    title: str | None,
    names: Iterable[str],
    year_text: str | None,
    doi_text: str | None,
    texts_with_ids: Iterable[str],
    key: str | None,
    raw: str,
) -> Query:
    """One `Query` from an export's fields (any of them may be missing)."""
    doi = canonical_doi(doi_text) if doi_text else None
    arxiv = arxiv_doi_id(doi)
    for text in texts_with_ids:
        if arxiv is None and text:
            match = _ARXIV_IN_TEXT.search(text)
            arxiv = parse_arxiv_id(match.group(1)) if match else None
    year_match = _YEAR.search(year_text or "")
    kind = QueryKind.ARXIV_ID if arxiv else QueryKind.DOI if doi else QueryKind.TITLE
    clean_title = " ".join((title or "").split()) or None
    return Query(
        index=index,
        origin=origin,
        kind=kind,
        title=clean_title or (raw if kind is QueryKind.TITLE else None),
        arxiv_id=arxiv.id if arxiv else None,
        arxiv_version=arxiv.version if arxiv else None,
        doi=doi,
        key=key or None,
        author_names=tuple(w for name in names for w in name.replace(",", " ").split() if len(w) > 1),
        year=int(year_match.group()) if year_match else None,
        raw=raw,
    )
