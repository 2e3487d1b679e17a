"""Semantic Scholar (S2) Graph API v1: title matching, id batches, and the published version.

Two roles share one `SemanticScholarClient` (so a rejected API key stops both):

- `S2Resolver` (``name="s2"``) — for queries no earlier resolver settled: titles through
  ``/paper/search/bulk`` (up to `BULK_TITLES` quoted titles OR-ed in one call), then
  ``/paper/search/match`` for each title the bulk pass did not settle (one call per title;
  its ``matchScore`` is not a probability, the pipeline verifies the title), DOIs and arXiv
  ids through ``POST /paper/batch`` (``DOI:<doi>``/``ARXIV:<id>``, up to 500 ids per call);
- `S2Enricher` (``name="s2"``) — for resolved papers: one ``POST /paper/batch`` per 500
  papers with ``ARXIV:<id>`` (or ``DOI:<doi>``) ids, never one call each; each S2 record
  comes back as a by-identifier `Candidate` that `bibnorm.resolve.merge` folds in.

Wire facts (``shared/reference/API-NOTES.md`` and the S2 samples): explicit ``fields=``;
404 ``{"error": ...}`` is "not found" (no candidates, and cached); 429 has no
``Retry-After`` and is retried by the session; 403 means the API key is wrong, which is
fatal for S2 for the rest of the run (every later item fails with `KEY_REJECTED`,
without another request); 400 means we sent a bad request (a bug) and becomes an error
`Problem`; batch answers are arrays with ``null`` for unknown ids; ``journal`` of
``{"name": "ArXiv", "volume": "abs/..."}`` means "on arXiv", not a publication.

The API key travels only in the ``x-api-key`` header of each request — never in a URL,
a message, or the session's default headers.

`paper_to_reference` is the one place S2 JSON becomes a `Reference`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import requests
from bibnorm.config import Settings
from bibnorm.identifiers import canonical_doi, is_arxiv_doi, parse_arxiv_id
from bibnorm.models import (
    Candidate,
    EntryType,
    Identifiers,
    Lookup,
    PartialDate,
    Problem,
    Query,
    QueryKind,
    Reference,
    Severity,
)
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._asking import s2_batch_id
from bibnorm.resolvers._provenance import sourced_reference
from bibnorm.resolvers._wire import (
    AsksThrough,
    RecentAnswers,
    ask,
    json_body,
    json_object,
    json_validator,
    source_url,
)
from bibnorm.safejson import loads
from bibnorm.text.clean import clean_reference
from bibnorm.text.names import parse_name
from bibnorm.text.series import named_series
from bibnorm.text.titles import same_title, title_words
from bibnorm.text.venues import VenueKind, canonical_venue_name, find_venue, is_preprint_venue, tidy_venue

SOURCE = "s2"
FIELDS = (
    "paperId",
    "corpusId",
    "externalIds",
    "title",
    "abstract",  # evidence for title matching
    "authors",
    "year",
    "publicationDate",
    "venue",
    "publicationVenue",
    "journal",
    "publicationTypes",
)
BATCH_SIZE = 500  # the documented maximum of ids per /paper/batch call
# Bulk title search (`SemanticScholarClient.search_titles_in_bulk`): phrases per request, and
# the query's length, which keeps the GET URL (with the field list) far below common 8 KB
# limits; shorter titles occur as phrases in thousands of abstracts and would fill the page.
BULK_TITLES = 25
BULK_QUERY_CHARS = 1800
BULK_MIN_WORDS = 4
KEY_REJECTED = "Semantic Scholar rejected the API key (HTTP 403)"

_PAGE_RANGE = re.compile(r"^\s*([^\s-]+)\s*[-\u2013\u2014]+\s*([^\s-]+)\s*$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CONFERENCE_WORDS = re.compile(r"\b(conference|proceedings|workshops?|symposium|meeting)\b", re.IGNORECASE)


class S2Error(Exception):
    """One S2 call failed; ``str()`` is a user-ready reason (never containing the key)."""

    code = "s2.unavailable"
    severity = Severity.ERROR


class S2KeyRejected(S2Error):
    code = "s2.key_rejected"


class S2BadRequest(S2Error):
    """HTTP 400: the request we built is wrong (a bug), not a fact about the paper."""

    code = "s2.bad_request"


_JSON_VALIDATOR = json_validator("Semantic Scholar sent a body that is not JSON (truncated or an error page)")


class SemanticScholarClient:
    """The S2 Graph API on the run's shared (cached, polite) session.

    Methods return `Reference`s (or ``None`` for "not found") and raise `S2Error`
    when S2 could not answer.
    """

    def __init__(self, session: requests.Session, settings: Settings, fields: Sequence[str] = FIELDS) -> None:
        self.session = session
        self.fields = ",".join(fields)
        self.base_url = source_url(session, settings.s2_api_url, _JSON_VALIDATOR)
        self._api_key = settings.s2_api_key.get_secret_value() if settings.s2_api_key else None
        self.key_rejected = False
        # What `/paper/batch` answered for each id lately (None: S2 does not know it).
        self.batched: RecentAnswers[str, Reference | None] = RecentAnswers()

    def match_title(self, title: str) -> Reference | None:
        """The record S2 thinks best matches ``title`` (maybe another paper), or ``None``."""
        body = self._call("GET", "/paper/search/match", {"query": title, "fields": self.fields})
        if body is None:
            return None
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, list):
            raise S2Error("Semantic Scholar sent an unexpected /paper/search/match answer")
        return paper_to_reference(data[0]) if data and isinstance(data[0], dict) else None

    def search(self, query: str, limit: int = 10) -> list[Reference]:
        """Relevance search: the first ``limit`` records (an empty result has no ``data`` key)."""
        params = {"query": query, "fields": self.fields, "offset": "0", "limit": str(limit)}
        body = self._call("GET", "/paper/search", params)
        if not isinstance(body, dict):
            return []
        return [paper_to_reference(item) for item in body.get("data") or [] if isinstance(item, dict)]

    def bulk_search(self, query: str) -> tuple[list[Reference], bool]:
        """``/paper/search/bulk`` (boolean syntax: ``"phrase" | "phrase"``): the first page
        of up to 1,000 papers, and whether that page is all there is (no continuation token).

        Bulk search is unranked and matches titles and abstracts, so callers keep only the
        papers whose own title is the one they asked for.
        """
        body = self._call("GET", "/paper/search/bulk", {"query": query, "fields": self.fields})
        if not isinstance(body, dict):
            return [], True
        data = body.get("data") or []
        if not isinstance(data, list):
            raise S2Error("Semantic Scholar sent an unexpected /paper/search/bulk answer")
        records = [paper_to_reference(item) for item in data if isinstance(item, dict)]
        return records, not body.get("token")

    def search_titles_in_bulk(
        self, titles: Mapping[int, str], titled: Callable[[str, Sequence[Reference]], list[Reference]]
    ) -> tuple[dict[int, list[Reference]], list[int]]:
        """Titles many at a time: ``/paper/search/bulk`` with up to `BULK_TITLES` quoted titles
        OR-ed. Returns the papers ``titled`` keeps for each title, and the titles still to ask
        one by one (`match_title`).

        A title is answered only from a complete answer (no continuation token) in which
        ``titled`` finds papers; anything less — no such paper, a truncated page, a refused or
        failed request, a title of fewer than `BULK_MIN_WORDS` words — leaves it to the caller,
        exactly as if this pass had not run.
        """
        found: dict[int, list[Reference]] = {}
        unsettled: list[int] = []
        for batch in _bulk_batches(titles, unsettled):
            query = " | ".join(f'"{phrase}"' for phrase in batch)
            try:
                records, complete = self.bulk_search(query)
            except S2Error:
                records, complete = [], False
            for wanted in batch.values():
                for i in wanted:
                    hits = titled(titles[i], records) if complete else []
                    if hits:
                        found[i] = hits
                    else:
                        unsettled.append(i)
        return found, sorted(unsettled)

    def paper(self, identifier: str) -> Reference | None:
        """One paper by ``ARXIV:<id>``, ``DOI:<doi>``, ``CorpusId:<n>`` or S2 id; ``None`` if unknown."""
        path = "/paper/" + quote(identifier, safe=":/")
        body = self._call("GET", path, {"fields": self.fields})
        return paper_to_reference(body) if isinstance(body, dict) else None

    def batch(self, identifiers: Sequence[str]) -> list[Reference | None]:
        """Records for up to `BATCH_SIZE` ids in one call, in order, ``None`` for unknown ids."""
        if len(identifiers) > BATCH_SIZE:
            raise ValueError(f"at most {BATCH_SIZE} ids per batch call")
        body = self._call("POST", "/paper/batch", {"fields": self.fields}, {"ids": list(identifiers)})
        if not isinstance(body, list) or len(body) != len(identifiers):
            raise S2Error("Semantic Scholar sent an unexpected /paper/batch answer")
        return [paper_to_reference(item) if isinstance(item, dict) else None for item in body]

    def _call(
        self, method: str, path: str, params: Mapping[str, str], payload: Any | None = None
    ) -> Any | None:
        """Parsed JSON of a 200 answer; ``None`` for 404; `S2Error` otherwise."""
        if self.key_rejected:
            raise S2KeyRejected(KEY_REJECTED)
        headers = {"x-api-key": self._api_key} if self._api_key else {}
        response = ask(
            self.session, method, self.base_url + path, "Semantic Scholar", S2Error,
            params=params, json=payload, headers=headers,
        )  # fmt: skip
        status = response.status_code
        if status == 404:
            return None
        if status == 403:
            self.key_rejected = True
            raise S2KeyRejected(KEY_REJECTED)
        if status == 400:
            raise S2BadRequest(f"Semantic Scholar refused the request (HTTP 400): {_error_text(response)}")
        return json_body(response, "Semantic Scholar", S2Error)


def _error_text(response: requests.Response) -> str:
    try:
        body = loads(response.content)
    except ValueError:
        return "no details"
    if isinstance(body, dict):
        return str(body.get("error") or body.get("message") or "no details")[:200]
    return "no details"


# --- wire JSON -> Reference ---------------------------------------------------------


def normalize_pages(text: str | None) -> str | None:
    """Trim S2's page text and write ranges with ``--``: ``" 1 - 10 "`` → ``"1--10"``.

    Values are not reordered or corrected (``"117 - 97"`` → ``"117--97"``); S2's data is
    not normalised and guessing would invent facts.
    """
    if text is None:
        return None
    text = " ".join(text.split())
    if not text:
        return None
    match = _PAGE_RANGE.match(text)
    return f"{match.group(1)}--{match.group(2)}" if match else text


def _issued(year: Any, date: Any) -> PartialDate | None:
    """The publication date: ``publicationDate`` when it agrees with ``year``, else the year."""
    match = _DATE.match(date) if isinstance(date, str) else None
    if match and (not isinstance(year, int) or int(match.group(1)) == year):
        return PartialDate(year=int(match.group(1)), month=int(match.group(2)), day=int(match.group(3)))
    if isinstance(year, int):
        return PartialDate(year=year)
    return None


def _publication(paper: Mapping[str, Any]) -> tuple[EntryType | None, str | None]:
    """The entry type and venue name of a peer-reviewed publication, or ``(None, None)``.

    Venue spellings are tried in order ``publicationVenue.name``, ``journal.name``,
    ``venue``; preprint servers (arXiv, medRxiv, ...) and book series do not count: for a
    Springer LNCS paper ``journal.name`` is "Lecture Notes in Computer Science" (and
    ``journal.volume`` the series volume) while ``venue`` names the conference.
    """
    pub_venue = json_object(paper.get("publicationVenue"))
    spellings: list[tuple[str, str]] = [
        ("publicationVenue", str(pub_venue.get("name") or "")),
        ("journal", str(json_object(paper.get("journal")).get("name") or "")),
        ("venue", str(paper.get("venue") or "")),
    ]
    for origin, text in spellings:
        if not text.strip() or named_series(text) is not None:
            continue  # a book series ("Lecture Notes in Computer Science") is not the venue
        venue = find_venue(text)
        if venue is not None and venue.kind is VenueKind.PREPRINT:
            continue
        if venue is not None:
            kind = venue.kind
        else:
            kind = _kind_by_labels(origin, text, pub_venue, paper.get("publicationTypes") or [])
        entry: EntryType = "inproceedings" if kind is VenueKind.CONFERENCE else "article"
        return entry, canonical_venue_name(text) if venue is not None else tidy_venue(text)
    return None, None


def _kind_by_labels(origin: str, text: str, pub_venue: Mapping[str, Any], types: Sequence[str]) -> VenueKind:
    """What S2's labels say a venue the venue table does not know is, ``text`` being its
    spelling from ``origin`` (``publicationVenue``, ``journal`` or ``venue``)."""
    if origin == "publicationVenue" and pub_venue.get("type") in ("conference", "journal"):
        return VenueKind(pub_venue["type"])
    conference_words = bool(_CONFERENCE_WORDS.search(text))
    if origin == "journal" and not conference_words:
        # `journal.name` without conference words names a journal ("Nature", "Entropy")
        # even when publicationTypes also says "Conference", as it often does.
        return VenueKind.JOURNAL
    if "Conference" in types:
        return VenueKind.CONFERENCE
    if origin == "journal" or ("JournalArticle" in types and not conference_words):
        return VenueKind.JOURNAL
    return VenueKind.CONFERENCE if conference_words else VenueKind.JOURNAL


def _preprint_server(paper: Mapping[str, Any]) -> str | None:
    """The preprint server an unpublished record names ("bioRxiv"), else ``None``."""
    names = (
        str(json_object(paper.get("publicationVenue")).get("name") or ""),
        str(json_object(paper.get("journal")).get("name") or ""),
        str(paper.get("venue") or ""),
    )
    server = next((find_venue(name) for name in names if is_preprint_venue(name)), None)
    return server.name if server is not None and server.short != "arXiv" else None


def paper_to_reference(paper: Mapping[str, Any]) -> Reference:
    """Convert one S2 paper object (any subset of `FIELDS`) into a `Reference`.

    Published papers (see `_publication`) become ``inproceedings``/``article`` with venue,
    volume and pages; arXiv-only records become ``preprint``; anything else ``misc``.
    Every field set carries provenance ``"s2"``.
    """
    entry_type, venue = _publication(paper)
    ids = _identifiers(paper, published=entry_type is not None)
    values: dict[str, Any] = {
        "title": " ".join(str(paper.get("title") or "").split()),
        "authors": tuple(
            parse_name(author["name"])
            for author in paper.get("authors") or []
            if isinstance(author, dict) and str(author.get("name") or "").strip()
        ),
        "abstract": " ".join(paper["abstract"].split()) if isinstance(paper.get("abstract"), str) else None,
        "issued": _issued(paper.get("year"), paper.get("publicationDate")),
        "ids": ids,
    }
    if entry_type is not None:
        values |= _published_fields(paper, entry_type, venue)
    else:
        values["entry_type"] = "preprint" if ids.arxiv_id else "misc"
        # bioRxiv, medRxiv, SSRN…: the record is a preprint there, which verify must know.
        values["venue"] = None if ids.arxiv_id else _preprint_server(paper)
    return clean_reference(sourced_reference(values, SOURCE))


def _identifiers(paper: Mapping[str, Any], *, published: bool) -> Identifiers:
    """The paper's ids; a published record never carries arXiv's own DOI, which names the preprint."""
    external = json_object(paper.get("externalIds"))
    arxiv = parse_arxiv_id(str(external["ArXiv"])) if external.get("ArXiv") else None
    doi = canonical_doi(str(external["DOI"])) if external.get("DOI") else None
    if published and is_arxiv_doi(doi):
        doi = None
    corpus = paper.get("corpusId") or external.get("CorpusId")
    return Identifiers(
        arxiv_id=arxiv.id if arxiv else None,
        doi=doi,
        s2_paper_id=paper.get("paperId") or None,
        corpus_id=int(corpus) if isinstance(corpus, int | str) and str(corpus).isdigit() else None,
        dblp=external.get("DBLP") or None,
    )


def _published_fields(paper: Mapping[str, Any], entry_type: EntryType, venue: str | None) -> dict[str, Any]:
    """A publication's series, type, venue, volume, pages and ISSNs; a book series' volume and numbers
    (LNCS: volume 9351, ISSN 0302-9743) are the series', never a journal's."""
    journal = json_object(paper.get("journal"))
    if is_preprint_venue(str(journal.get("name") or "")):
        journal = {}  # {"name": "ArXiv", "volume": "abs/<id>"}: arXiv's listing, not the venue's
    volume = str(journal.get("volume") or "").strip()
    series = named_series(str(journal.get("name") or ""))
    fields: dict[str, Any] = {}
    if series is not None and entry_type == "inproceedings":
        fields["series"] = series.name  # the volume is the series' ("volume 9351 of LNCS")
    elif series is not None:
        volume = ""  # the series' volume is not the journal's
    return fields | {
        "entry_type": entry_type,
        "venue": venue,
        "volume": volume if volume and not volume.startswith("abs/") else None,
        "pages": normalize_pages(journal.get("pages")),
        "issn": _journal_issns(json_object(paper.get("publicationVenue"))),
    }


def _journal_issns(pub_venue: Mapping[str, Any]) -> tuple[str, ...]:
    """The venue's ISSNs, none for a book series (LNCS: 0302-9743 is the series', not a journal's)."""
    if named_series(str(pub_venue.get("name") or "")) is not None:
        return ()
    issns = [pub_venue.get("issn"), *(pub_venue.get("alternate_issns") or [])]
    return tuple(dict.fromkeys(str(i).strip().upper() for i in issns if isinstance(i, str) and i.strip()))


# --- the two roles ------------------------------------------------------------------


def _bulk_batches(titles: Mapping[int, str], left_out: list[int]) -> Iterator[dict[str, list[int]]]:
    """The titles as bulk-search phrases (their words), grouped so each query stays short;
    titles of fewer than `BULK_MIN_WORDS` words are appended to ``left_out`` instead."""
    batch: dict[str, list[int]] = {}
    size = 0
    for i, title in titles.items():
        words = title_words(title)
        if len(words) < BULK_MIN_WORDS:
            left_out.append(i)
            continue
        phrase = " ".join(words)
        if (
            phrase not in batch
            and batch
            and (size + len(phrase) > BULK_QUERY_CHARS or len(batch) >= BULK_TITLES)
        ):
            yield batch
            batch, size = {}, 0
        if phrase not in batch:
            size += len(phrase) + 5  # the quotes and " | "
        batch.setdefault(phrase, []).append(i)
    if batch:
        yield batch


def same_title_key(title: str, records: Sequence[Reference]) -> list[Reference]:
    """The records whose title has ``title``'s key (case, accents, TeX and punctuation aside)."""
    return [record for record in records if same_title(title, record.title)]


def _failure(error: S2Error, severity: Severity) -> Lookup:
    return Lookup(
        failed=True,
        problems=(Problem(code=error.code, message=str(error), severity=severity, source=SOURCE),),
    )


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batch_lookup(
    client: SemanticScholarClient,
    wanted: Mapping[int, str],
    severity: Severity,
    progress: Progress = NO_PROGRESS,
) -> dict[int, Lookup]:
    """Ask for every distinct id once in the run (`BATCH_SIZE` per call; an id the client's batches
    answered before is not asked again); a Lookup per index.

    Each batch answered advances ``progress`` by the indexes it settled."""
    distinct = list(dict.fromkeys(wanted.values()))
    asking = {identifier: 0 for identifier in distinct}
    for identifier in wanted.values():
        asking[identifier] += 1
    found = client.batched.known(distinct)
    progress.advance(sum(asking[identifier] for identifier in found))
    failed: dict[str, Lookup] = {}
    for chunk in _chunks([identifier for identifier in distinct if identifier not in found], BATCH_SIZE):
        try:
            answered = dict(zip(chunk, client.batch(chunk), strict=True))
        except S2Error as error:
            failed.update(dict.fromkeys(chunk, _failure(error, severity)))
        else:
            found |= answered
            client.batched.remember(answered)
        progress.advance(sum(asking[identifier] for identifier in chunk))
    answers: dict[int, Lookup] = {}
    for index, identifier in wanted.items():
        if identifier in failed:
            answers[index] = failed[identifier]
            continue
        reference = found.get(identifier)
        answers[index] = (
            Lookup(candidates=(Candidate(source=SOURCE, reference=reference, by_identifier=True),))
            if reference is not None
            else Lookup()
        )
    return answers


class S2Resolver(AsksThrough[SemanticScholarClient]):
    """Resolver: S2 candidates for ids (``/paper/batch``) and titles (``/paper/search/bulk``
    many at a time, then ``/paper/search/match`` for each title the bulk pass did not settle)."""

    name = SOURCE

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        """A `Lookup` per query; per-item trouble is a failed Lookup, never an exception."""
        by_id: dict[int, str] = {}
        titles: dict[int, str] = {}  # index -> the title, its whitespace collapsed
        for query in queries:
            if query.kind is QueryKind.DOI and query.doi:
                by_id[query.index] = f"DOI:{query.doi}"
            elif query.kind is QueryKind.ARXIV_ID and query.arxiv_id:
                by_id[query.index] = f"ARXIV:{query.arxiv_id}"
            elif query.title and query.title.strip():
                titles[query.index] = " ".join(query.title.split())
        progress.advance(len(queries) - len(by_id) - len(titles))  # nothing to ask about these
        answers = _batch_lookup(self.client, by_id, Severity.ERROR, progress) if by_id else {}
        # Titles 25 to a request first; the matcher still judges every paper found this way.
        in_bulk, unsettled = self.client.search_titles_in_bulk(titles, same_title_key)
        progress.advance(len(titles) - len(unsettled))
        for index, papers in in_bulk.items():
            answers[index] = Lookup(candidates=tuple(Candidate(source=SOURCE, reference=p) for p in papers))
        for index in unsettled:
            progress.advance()
            try:
                reference = self.client.match_title(titles[index])
            except S2Error as error:
                answers[index] = _failure(error, Severity.ERROR)
                continue
            answers[index] = (
                Lookup(candidates=(Candidate(source=SOURCE, reference=reference),))
                if reference is not None
                else Lookup()
            )
        return answers


class S2Enricher(AsksThrough[SemanticScholarClient]):
    """Enricher: the S2 record of each resolved paper, by arXiv id (else DOI), in batches."""

    name = SOURCE

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        """Companion candidates per index; papers that came from S2 itself are skipped."""
        wanted = {
            index: asked for index, reference in references.items() if (asked := s2_batch_id(reference))
        }
        progress.expect(len(wanted))
        if not wanted:
            return {}
        answers = _batch_lookup(self.client, wanted, Severity.WARNING, progress)
        for index, answer in answers.items():
            # S2 merges records; a companion naming another arXiv paper is not this paper's.
            mine = references[index].ids.arxiv_id
            kept = tuple(
                c for c in answer.candidates if not (mine and c.reference.ids.arxiv_id not in (None, mine))
            )
            if kept != answer.candidates:
                answers[index] = answer.model_copy(update={"candidates": kept})
        return answers


def build_s2(session: requests.Session, settings: Settings) -> tuple[S2Resolver, S2Enricher]:
    """The resolver and the enricher on one client (a rejected key then stops both)."""
    client = SemanticScholarClient(session, settings)
    return S2Resolver(client), S2Enricher(client)
