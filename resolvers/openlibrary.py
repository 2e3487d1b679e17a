"""Open Library: book records by ISBN (many to a request) and by title — asked by ``verify`` for books.

Open Library (openlibrary.org, the Internet Archive's open catalogue; its data is CC0) is the
well-kept open source of book metadata reachable by ISBN or title. Two endpoints:

- the Books API, ``GET /api/books?bibkeys=ISBN:a,ISBN:b&format=json&jscmd=data``: one JSON
  object keyed by the bibkeys *as asked*, each value an edition (``title``, ``subtitle``,
  ``authors`` ``[{url, name}]``, ``publishers`` ``[{name}]``, ``publish_date`` as catalogued —
  ``"2016"``, ``"March 2009"``, ``"Nov 18, 2016"`` —, ``identifiers`` ``{isbn_10, isbn_13, …}``,
  ``url``, ``key``); an ISBN it does not hold is simply absent (``{}`` for none). Its
  implementation (``openlibrary/plugins/books/dynlinks.py``, ``DataProcessor.process_doc``)
  drops empty fields, so any of them may be missing;
- the search API, ``GET /search.json?title=…&author=…&fields=…&limit=N``: ``{numFound, start,
  docs: [{key, title, subtitle, author_name[], first_publish_year, publish_year[], isbn[],
  publisher[]}]}`` — works (all editions grouped), a top-N by relevance, related or not.

Open Library asks clients to identify themselves (the session's User-Agent does) and to keep
to about one request a second (``openlibrary_delay``). Raw JSON never leaves this module: an
edition or a search hit becomes a `Reference` (``entry_type`` ``misc``; the year is the
edition's, or every edition's year for a search hit, in `BookRecord`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import requests
from bibnorm.config import Settings
from bibnorm.models import Frozen, PartialDate, Reference
from bibnorm.resolvers._wire import ask, json_body, json_object, json_validator, source_url
from bibnorm.text.names import parse_name

SOURCE = "openlibrary"
# ISBNs per Books API request: the bibkeys travel in the URL (13 digits and "ISBN:" each).
ISBN_BATCH = 40
SEARCH_ROWS = 5
SEARCH_FIELDS = "key,title,subtitle,author_name,first_publish_year,publish_year,isbn,publisher"
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


class OpenLibraryError(Exception):
    """One Open Library call failed; ``str()`` is a user-ready reason."""


class BookRecord(Frozen):
    """A book as Open Library holds it: the record, and every year an edition of it appeared
    (one for an ISBN's edition; all of a work's editions for a search hit)."""

    reference: Reference
    years: tuple[int, ...] = ()
    isbns: tuple[str, ...] = ()


# A 200 that is not JSON (an error page, a truncated or absurdly nested body) is retried, never cached.
_JSON_VALIDATOR = json_validator("Open Library sent a body that is not JSON")


class OpenLibraryClient:
    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = source_url(session, settings.openlibrary_api_url, _JSON_VALIDATOR)

    def books(self, isbns: Sequence[str]) -> dict[str, BookRecord]:
        """The editions Open Library holds for ``isbns`` (13-digit, at most `ISBN_BATCH`), by ISBN;
        an ISBN it does not hold is absent."""
        if len(isbns) > ISBN_BATCH:
            raise ValueError(f"at most {ISBN_BATCH} ISBNs a request")
        params = {"bibkeys": ",".join(f"ISBN:{isbn}" for isbn in isbns), "format": "json", "jscmd": "data"}
        body = self._json("/api/books", params)
        if not isinstance(body, dict):
            raise OpenLibraryError("Open Library sent an unexpected /api/books answer")
        found = {}
        for isbn in isbns:
            edition = body.get(f"ISBN:{isbn}")
            if isinstance(edition, dict) and edition.get("title"):
                found[isbn] = edition_record(edition)
        return found

    def search(self, title: str, author: str | None = None, rows: int = SEARCH_ROWS) -> list[BookRecord]:
        """The top ``rows`` works for a title (and an author's name), however unrelated."""
        params = {"title": title, "fields": SEARCH_FIELDS, "limit": str(rows)}
        if author:
            params["author"] = author
        body = self._json("/search.json", params)
        docs = body.get("docs") if isinstance(body, dict) else None
        if not isinstance(docs, list):
            raise OpenLibraryError("Open Library sent an unexpected /search.json answer")
        return [search_record(doc) for doc in docs if isinstance(doc, dict) and doc.get("title")]

    def _json(self, path: str, params: dict[str, str]) -> Any:
        response = ask(
            self.session, "GET", self.base_url + path, "Open Library", OpenLibraryError, params=params
        )
        return json_body(response, "Open Library", OpenLibraryError)


def _title(data: Mapping[str, Any]) -> str:
    title = " ".join(str(data.get("title") or "").split())
    subtitle = " ".join(str(data.get("subtitle") or "").split())
    return f"{title}: {subtitle}" if subtitle else title


def _names(values: Any) -> list[str]:
    return [" ".join(str(v).split()) for v in values or [] if str(v).strip()]


def _named(items: Any) -> list[str]:
    """The ``name`` of each object in a Books API list (its authors, its publishers)."""
    return _names(item.get("name") for item in items or [] if isinstance(item, dict))


def edition_record(edition: Mapping[str, Any]) -> BookRecord:
    """One Books API (``jscmd=data``) edition as a record."""
    year_match = _YEAR.search(str(edition.get("publish_date") or ""))
    year = int(year_match.group(1)) if year_match else None
    authors = _named(edition.get("authors"))
    publishers = _named(edition.get("publishers"))
    identifiers = json_object(edition.get("identifiers"))
    isbns = (*_names(identifiers.get("isbn_13")), *_names(identifiers.get("isbn_10")))
    reference = Reference(
        title=_title(edition),
        authors=tuple(parse_name(name) for name in authors),
        issued=PartialDate(year=year) if year else None,
        entry_type="misc",
        publisher=publishers[0] if publishers else None,
        url=str(edition.get("url") or "") or None,
        provenance={"title": SOURCE},
    )
    return BookRecord(reference=reference, years=(year,) if year else (), isbns=isbns)


def search_record(doc: Mapping[str, Any]) -> BookRecord:
    """One ``/search.json`` work (all its editions) as a record dated by its first edition."""
    years = sorted({int(y) for y in doc.get("publish_year") or [] if isinstance(y, int)})
    first = doc.get("first_publish_year")
    if isinstance(first, int) and first not in years:
        years = sorted({*years, first})
    publishers = _names(doc.get("publisher"))
    reference = Reference(
        title=_title(doc),
        authors=tuple(parse_name(name) for name in _names(doc.get("author_name"))),
        issued=PartialDate(year=first) if isinstance(first, int) else None,
        entry_type="misc",
        publisher=publishers[0] if publishers else None,
        url=f"https://openlibrary.org{doc['key']}" if str(doc.get("key") or "").startswith("/") else None,
        provenance={"title": SOURCE},
    )
    return BookRecord(reference=reference, years=tuple(years), isbns=tuple(_names(doc.get("isbn"))))
