"""Crossref: the publisher's record of a DOI — the authority for publication dates and journals.

An `Enricher` (opt in: ``--resolvers …,crossref``): for every resolved paper that has a
publisher DOI (from the arXiv record, Semantic Scholar or dblp — enrichers run after one
another, so this one sees the DOIs the others found), one ``GET /works/{doi}``. API facts
(docs/sources.md#crossref): ``{"status": "ok", "message-type": "work", "message": {…}}``;
404 with the plain-text body ``Resource not found.`` for a DOI Crossref did not register,
arXiv's DataCite DOIs included (so those are never asked); the polite pool takes a
``mailto`` (``Settings.mailto``); the public pool allows 5 single-work requests a second
since December 2025 — bibnorm spaces them by ``crossref_delay`` (0.25 s).

What a work gives: ``type`` (``journal-article`` → article, ``proceedings-article`` →
inproceedings; other types are not a publication bibnorm upgrades to), ``container-title``,
``volume``, ``issue``, ``page``, authors (``given``/``family`` as the publisher printed
them) and the date: ``published-print``, else ``issued`` — the date of the publication
itself, so its month may be printed (``merge.DATES_PUBLICATIONS``). Crossref's
``date-parts`` may hold ``[[null]]`` (no date).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import requests

from normalizer.config import Settings
from normalizer.identifiers import canonical_doi, is_arxiv_doi
from normalizer.models import (
    Candidate,
    EntryType,
    Identifiers,
    Lookup,
    PartialDate,
    Person,
    Problem,
    Reference,
    Severity,
)
from resolvers._http import SourceUnavailable, describe_error, register_validator

SOURCE = "crossref"
_TYPES: dict[str, EntryType] = {"journal-article": "article", "proceedings-article": "inproceedings"}


class CrossrefError(Exception):
    """One Crossref call failed; ``str()`` is a user-ready reason."""


def _json_validator(response: requests.Response) -> str | None:
    if response.status_code != 200:
        return None  # 404 "Resource not found." is plain text, and an answer
    try:
        json.loads(response.content)
    except ValueError:
        return "Crossref sent a body that is not JSON (truncated or an error page)"
    return None


SEARCH_ROWS = 5
# What judging a hit needs; `select` keeps answers small (and drops `score`, which we never trust).
SEARCH_FIELDS = ",".join(
    ["DOI", "title", "author", "container-title", "issued", "published-print", "published-online", "type",
     "volume", "issue", "page", "publisher"]
)  # fmt: skip


class CrossrefClient:
    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = settings.crossref_api_url.rstrip("/")
        self.mailto = settings.mailto
        register_validator(session, self.base_url, _json_validator)
        register_validator(session, f"{self.base_url}/works", _json_validator)  # lists: their own policy

    def work(self, doi: str) -> Mapping[str, Any] | None:
        """The ``message`` of ``/works/{doi}``, or ``None`` when Crossref has no such DOI."""
        message = self._message(f"/works/{quote(doi, safe='')}", {})
        if message is None:
            return None
        if not isinstance(message, dict):
            raise CrossrefError("Crossref sent an unexpected /works answer")
        return message

    def search(self, bibliographic: str, rows: int = SEARCH_ROWS) -> list[Mapping[str, Any]]:
        """The top ``rows`` works for a citation string (``query.bibliographic``).

        Crossref always answers a top-N by relevance, related or not: every hit must be
        judged by the caller. Lists are paced at 1 request a second in the public pool.
        """
        params = {"query.bibliographic": bibliographic, "rows": str(rows), "select": SEARCH_FIELDS}
        message = self._message("/works", params)
        items = message.get("items") if isinstance(message, dict) else None
        if not isinstance(items, list):
            raise CrossrefError("Crossref sent an unexpected /works list answer")
        return [item for item in items if isinstance(item, dict)]

    def _message(self, path: str, params: dict[str, str]) -> Any:
        """The ``message`` of a 200 answer; ``None`` for 404; `CrossrefError` otherwise."""
        if self.mailto:
            params = {**params, "mailto": self.mailto}
        try:
            response = self.session.get(self.base_url + path, params=params)
        except SourceUnavailable as error:
            raise CrossrefError(str(error)) from None
        except requests.RequestException as error:
            raise CrossrefError(f"Crossref unreachable: {describe_error(error)}") from None
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise CrossrefError(f"Crossref answered HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise CrossrefError("Crossref sent a body that is not JSON") from None
        return body.get("message") if isinstance(body, dict) else None


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _date(work: Mapping[str, Any]) -> PartialDate | None:
    """``published-print``, else ``issued``: the date of the publication, as precise as given."""
    for field in ("published-print", "issued"):
        parts = (work.get(field) or {}).get("date-parts") if isinstance(work.get(field), dict) else None
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            numbers = [p for p in parts[0] if isinstance(p, int)]
            if numbers and len(numbers) == len([p for p in parts[0] if p is not None]):
                month = numbers[1] if len(numbers) > 1 else None
                day = numbers[2] if len(numbers) > 2 and month else None
                return PartialDate(year=numbers[0], month=month, day=day)
    return None


def _person(author: Mapping[str, Any]) -> Person:
    if author.get("family"):
        return Person(given=str(author.get("given") or ""), family=str(author["family"]))
    return Person(literal=str(author.get("name") or author.get("given") or ""))


def work_to_reference(work: Mapping[str, Any]) -> Reference | None:
    """A published record (``None`` for posted content, books and the other types)."""
    entry_type = _TYPES.get(str(work.get("type") or ""))
    if entry_type is None:
        return None
    doi = canonical_doi(str(work.get("DOI") or ""))
    values: dict[str, Any] = {
        "title": _first(work.get("title")),
        "authors": tuple(_person(a) for a in work.get("author") or [] if isinstance(a, dict)),
        "issued": _date(work),
        "entry_type": entry_type,
        "venue": _first(work.get("container-title")) or None,
        "volume": _first(work.get("volume")) or None,
        "number": _first(work.get("issue")) or None,
        "pages": (_first(work.get("page")).replace("-", "--") or None),
        "publisher": _first(work.get("publisher")) or None,
        "ids": Identifiers(doi=doi),
    }
    provenance = {name: SOURCE for name, value in values.items() if value not in (None, "", ())}
    provenance.pop("ids", None)
    if doi:
        provenance["doi"] = SOURCE
    return Reference(**values, provenance=provenance)


def work_to_any_reference(work: Mapping[str, Any]) -> Reference:
    """Any registered work as a record (posted content and books as ``misc``): a DOI that
    Crossref holds exists, whatever its type, and names the paper with this title."""
    published = work_to_reference(work)
    if published is not None:
        return published
    return Reference(
        title=_first(work.get("title")),
        authors=tuple(_person(a) for a in work.get("author") or [] if isinstance(a, dict)),
        issued=_date(work),
        entry_type="misc",
        ids=Identifiers(doi=canonical_doi(str(work.get("DOI") or ""))),
        provenance={"title": SOURCE},
    )


class CrossrefEnricher:
    """Enricher: Crossref's record of each resolved paper's publisher DOI."""

    name = SOURCE

    def __init__(self, client: CrossrefClient) -> None:
        self.client = client

    def enrich(self, references: Mapping[int, Reference]) -> Mapping[int, Lookup]:
        answers: dict[int, Lookup] = {}
        for index, reference in references.items():
            doi = reference.ids.doi
            if not doi or is_arxiv_doi(doi):
                continue
            try:
                work = self.client.work(doi)
            except CrossrefError as error:
                problem = Problem(code="crossref.unavailable", message=str(error), severity=Severity.WARNING)
                answers[index] = Lookup(problems=(problem,), failed=True)
                continue
            published = work_to_reference(work) if work is not None else None
            if published is not None:
                answers[index] = Lookup(
                    candidates=(Candidate(source=SOURCE, reference=published, by_identifier=True),)
                )
        return answers


def build_crossref(session: requests.Session, settings: Settings) -> CrossrefEnricher:
    return CrossrefEnricher(CrossrefClient(session, settings))
