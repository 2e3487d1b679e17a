"""What reference-manager exports (CSL-JSON, RIS) say about one item, as a `Query`.

Both formats carry structured fields, so nothing is parsed out of free text: the title,
the authors' names, the year, a DOI, an arXiv id (from an arXiv URL, arXiv's DataCite
DOI, or an ``arXiv:`` number) and the item's own key when it has one; a field is the first of
its several names that holds a value (`first_text`), and an item's line the one it starts on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bibnorm.identifiers import ArxivId, canonical_doi, parse_arxiv_id
from bibnorm.models import Origin, Query, QueryKind, Reference
from bibnorm.readers._ref_dates import YEAR
from bibnorm.readers._ref_ids import DOI
from bibnorm.readers.base import OwnRecord, Publication, arxiv_doi_id, published_version
from bibnorm.text.names import parse_name
from bibnorm.text.word_tables import item_types

_ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arXiv:\s*)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)",
    re.IGNORECASE,
)


def first_text(item: Mapping[str, Any], *names: str) -> str | None:
    """The value of the first of ``names`` the item fills (not empty), as text; None for none."""
    for name in names:
        value = item.get(name)
        if value:
            return str(value)
    return None


def item_origin(path: str, starts: Sequence[int], number: int) -> Origin:
    """Where item ``number`` (0-based) starts: its line in ``starts``, else the first line."""
    return Origin(path=path, line=starts[number] if number < len(starts) else 1)


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
    venue: str | None = None,
    entry_type: str | None = None,
    publisher: str | None = None,
    numbers: Mapping[str, str | None] | None = None,
    more: Mapping[str, Any] | None = None,
) -> Query:
    """One `Query` from an export's fields (any of them may be missing).

    ``names``: one string per person ("Given Family" or "Family, Given"); ``entry_type``: the
    BibTeX type the export's own type maps to (`BIBTEX_TYPES`); ``publisher``: the publisher,
    or a thesis's school (both formats name it so); ``numbers``: the venue's ``volume``,
    ``number`` (issue) and ``pages``, which the published version the item names keeps
    (`Query.published`); ``more``: the rest of what the item's record holds (`OwnRecord`'s
    ``editors``, ``address``, ``series``, ``genre``, ``url``, and ``authors`` as `Person` where
    the export gives a name's parts), which `Query.record` keeps.
    """
    doi = (canonical_doi(doi_text) or _doi_in_a_link(doi_text)) if doi_text else None
    arxiv = arxiv_doi_id(doi) or _arxiv_in(texts_with_ids)
    kind = QueryKind.ARXIV_ID if arxiv else QueryKind.DOI if doi else QueryKind.TITLE
    people = tuple(" ".join(name.split()) for name in names if name and name.strip())
    year = _year(year_text)
    title, venue, publisher = _one_line(title), _one_line(venue), _one_line(publisher)
    numbers = numbers or {}
    publication = Publication(
        venue=venue,
        year=year,
        volume=_one_line(numbers.get("volume")),
        number=_one_line(numbers.get("number")),
        pages=_one_line(numbers.get("pages")),
        publisher=publisher,
    )
    return Query(
        index=index,
        origin=origin,
        kind=kind,
        title=title,  # (an item without one is none: never its key, "chambersFeminism12")
        arxiv_id=arxiv.id if arxiv else None,
        arxiv_version=arxiv.version if arxiv else None,
        doi=doi,
        key=key or None,
        author_names=_name_words(people),
        authors=people,
        year=year,
        venue=venue,
        entry_type=entry_type,
        publisher=publisher,
        raw=raw,
        published=published_version(entry_type, title, doi, publication),
        record=_own_record(publication, entry_type, title, people, (doi, arxiv), more or {}),
    )


def _own_record(
    publication: Publication,
    entry_type: str | None,
    title: str | None,
    people: Iterable[str],
    ids: tuple[str | None, ArxivId | None],
    more: Mapping[str, Any],
) -> Reference | None:
    """The item as its record gives it (`Query.record`): ``more`` over what the query holds."""
    given = {name: _one_line(value) if isinstance(value, str) else value for name, value in more.items()}
    doi, arxiv = ids
    return OwnRecord(
        **{
            **vars(publication),
            "entry_type": entry_type,
            "title": title,
            "authors": tuple(parse_name(name) for name in people),
            "doi": doi,
            "arxiv": arxiv,
            **given,
        }
    ).reference()


def _doi_in_a_link(text: str) -> str | None:
    """The DOI a DOI field holding more than the DOI gives (the references' `DOI` pattern): an HTML
    anchor ('<a href="https://doi.org/10.1017/…">'), a library's proxy
    ("dx.doi.org.ezproxy.elon.edu/10.2979/…"), "doi:http://dx.doi.org/10.1063/…"."""
    found = DOI.search(text)
    return canonical_doi(found.group(1)) if found else None


def _arxiv_in(texts: Iterable[str]) -> ArxivId | None:
    """The first arXiv id written in any of ``texts`` (a URL, an ``arXiv:`` number)."""
    for text in texts:
        match = _ARXIV_IN_TEXT.search(text) if text else None
        arxiv = parse_arxiv_id(match.group(1)) if match else None
        if arxiv is not None:
            return arxiv
    return None


def _name_words(people: Iterable[str]) -> tuple[str, ...]:
    """The words of the authors' names, initials left out."""
    return tuple(w for name in people for w in name.replace(",", " ").split() if len(w) > 1)


def _year(text: str | None) -> int | None:
    match = YEAR.search(text or "")  # 1500–2099 (Hilbert's 1891), not inside a longer number
    return int(match.group()) if match else None


def _one_line(text: str | None) -> str | None:
    """``text`` with its white space folded to single spaces; None when it is blank."""
    return " ".join(text.split()) or None if text else None


# What the export's item type is as a BibTeX type, CSL's and RIS's (item-types.json; anything else
# is ``misc``).
BIBTEX_TYPES = {**item_types().csl, **item_types().ris}
