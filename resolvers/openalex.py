"""OpenAlex: published versions by DOI, many DOIs a request — only with an API key.

An `Enricher` (opt in: ``--resolvers …,openalex`` and an ``openalex_api_key``; since
February 2026 OpenAlex requires a key and prices list calls, so bibnorm never asks it
without one). For the resolved papers that have a publisher DOI, one
``GET /works?filter=doi:<url>|<url>|…&per-page=N&api_key=…`` per `BATCH_SIZE` DOIs
(OR-ed values of one filter; the docs allow 100, the single-entity page hints 50 — 50 is
asked). API facts (docs/sources.md#openalex): a list answer ``{meta, results, group_by}``;
each work's ``doi`` is a lower-case ``https://doi.org/…`` URL, ``type`` is ``article`` for
journal and proceedings papers alike and ``preprint`` for works hosted on a preprint server;
the venue is ``primary_location.source`` (``type`` ``journal`` / ``conference`` /
``repository``); ``publication_date`` dates the version at the primary location; pages are
``biblio.first_page``/``last_page``; authors ``authorships[].author.display_name``.

A work counts as a published version only when its primary source is a journal or a
conference: repository copies (arXiv, bioRxiv) are the preprint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import requests
from bibnorm.config import Settings
from bibnorm.identifiers import canonical_doi
from bibnorm.models import (
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
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._asking import publisher_doi
from bibnorm.resolvers._provenance import sourced_reference
from bibnorm.resolvers._wire import AsksThrough, ask, json_body, json_object, source_url
from bibnorm.text.names import parse_name

SOURCE = "openalex"
BATCH_SIZE = 50
_SOURCE_TYPES: dict[str, EntryType] = {"journal": "article", "conference": "inproceedings"}


class OpenAlexError(Exception):
    """One OpenAlex call failed; ``str()`` is a user-ready reason."""


def _json_validator(response: requests.Response) -> str | None:
    """OpenAlex answers JSON on success; its 404 is an HTML page (recorded), not an outage."""
    if response.status_code != 200:
        return None
    if "json" not in response.headers.get("Content-Type", "json"):
        return "OpenAlex sent a page that is not JSON"
    return None


class OpenAlexClient:
    def __init__(self, session: requests.Session, settings: Settings) -> None:
        if settings.openalex_api_key is None:
            raise ValueError("OpenAlex needs an API key (openalex_api_key)")
        self.session = session
        self.base_url = source_url(session, settings.openalex_api_url, _json_validator)
        self._key = settings.openalex_api_key.get_secret_value()
        self.mailto = settings.mailto

    def works_by_doi(self, dois: Sequence[str]) -> list[Mapping[str, Any]]:
        """The works OpenAlex holds for up to `BATCH_SIZE` DOIs, in one request."""
        if len(dois) > BATCH_SIZE:
            raise ValueError(f"at most {BATCH_SIZE} DOIs a request")
        params = {
            "filter": "doi:" + "|".join(f"https://doi.org/{doi}" for doi in dois),
            "per-page": str(len(dois)),
            "api_key": self._key,
        }
        if self.mailto:
            params["mailto"] = self.mailto
        response = ask(
            self.session, "GET", f"{self.base_url}/works", "OpenAlex", OpenAlexError, params=params
        )
        if response.status_code == 401:  # its 403 means "slow down": waited out by the session
            raise OpenAlexError("OpenAlex refused the request (HTTP 401; is the API key right?)")
        body = json_body(response, "OpenAlex", OpenAlexError)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise OpenAlexError("OpenAlex sent an unexpected /works answer")
        return [work for work in results if isinstance(work, dict)]


def _date(text: Any) -> PartialDate | None:
    """``publication_date`` as precise as it really is: OpenAlex writes a year alone as January 1
    (the recorded arXiv works posted in April 2023 are dated ``2023-01-01``), so that date is
    read as the year only — a printed "January" would be invented."""
    parts = str(text or "").split("-")
    if not parts[0].isdigit():
        return None
    numbers = [int(p) for p in parts if p.isdigit()]
    if numbers[1:] == [1, 1]:
        return PartialDate(year=numbers[0])
    return PartialDate(year=numbers[0], month=numbers[1] if len(numbers) > 1 else None,
                       day=numbers[2] if len(numbers) > 2 else None)  # fmt: skip


def _pages(biblio: Mapping[str, Any]) -> str | None:
    first, last = str(biblio.get("first_page") or ""), str(biblio.get("last_page") or "")
    if not first:
        return None
    return first if not last or last == first else f"{first}--{last}"


def work_doi(work: Mapping[str, Any]) -> str | None:
    return canonical_doi(str(work.get("doi") or "")) if work.get("doi") else None


def work_to_reference(work: Mapping[str, Any]) -> Reference | None:
    """A published record, or ``None`` for a preprint-server copy, paratext or a venue-less work."""
    source = json_object(json_object(work.get("primary_location")).get("source"))
    entry_type = _SOURCE_TYPES.get(str(source.get("type") or ""))
    if entry_type is None or work.get("type") in ("preprint", "paratext") or work.get("is_paratext"):
        return None
    values: dict[str, Any] = {
        "title": " ".join(str(work.get("title") or work.get("display_name") or "").split()),
        "authors": _authors(work),
        "issued": _date(work.get("publication_date")) or _year(work.get("publication_year")),
        "entry_type": entry_type,
        **_venue(source),
        **_volume_issue_pages(json_object(work.get("biblio"))),
        "ids": Identifiers(doi=work_doi(work)),
    }
    if not values["title"] or not values["venue"]:
        return None
    return sourced_reference(values, SOURCE)


def _venue(source: Mapping[str, Any]) -> dict[str, Any]:
    """The primary source's name and ISSNs."""
    return {
        "venue": " ".join(str(source.get("display_name") or "").split()) or None,
        "issn": tuple(str(i).upper() for i in source.get("issn") or () if isinstance(i, str) and i.strip()),
    }


def _volume_issue_pages(biblio: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "volume": biblio.get("volume") or None,
        "number": biblio.get("issue") or None,
        "pages": _pages(biblio),
    }


def _authors(work: Mapping[str, Any]) -> tuple[Person, ...]:
    names = (
        json_object(a.get("author")).get("display_name")
        for a in work.get("authorships") or []
        if isinstance(a, dict)
    )
    return tuple(parse_name(str(name)) for name in names if name)


def _year(year: Any) -> PartialDate | None:
    return PartialDate(year=int(year)) if year else None


class OpenAlexEnricher(AsksThrough[OpenAlexClient]):
    """Enricher: OpenAlex's published record of each resolved paper's publisher DOI, batched."""

    name = SOURCE

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        asking: dict[str, list[int]] = {}
        for index, reference in references.items():
            if doi := publisher_doi(reference):
                asking.setdefault(doi, []).append(index)
        progress.expect(len(asking))
        answers: dict[int, Lookup] = {}
        dois = sorted(asking)
        for start in range(0, len(dois), BATCH_SIZE):
            chunk = dois[start : start + BATCH_SIZE]
            try:
                works = self.client.works_by_doi(chunk)
            except OpenAlexError as error:
                problem = Problem(code="openalex.unavailable", message=str(error), severity=Severity.WARNING)
                for doi in chunk:
                    for index in asking[doi]:
                        answers[index] = Lookup(problems=(problem,), failed=True)
                continue
            finally:
                progress.advance(len(chunk))
            for work in works:
                doi = work_doi(work)
                published = work_to_reference(work)
                if doi is None or published is None:
                    continue
                candidate = Candidate(source=SOURCE, reference=published, by_identifier=True)
                for index in asking.get(doi.casefold(), ()):
                    answers[index] = Lookup(candidates=(candidate,))
        return answers


def build_openalex(session: requests.Session, settings: Settings) -> OpenAlexEnricher:
    return OpenAlexEnricher(OpenAlexClient(session, settings))
