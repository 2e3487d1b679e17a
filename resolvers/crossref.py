"""Crossref: the publisher's record of a DOI — the authority for publication dates and journals.

An `Enricher`: for the resolved papers that have a publisher DOI (from the arXiv record,
Semantic Scholar or dblp — enrichers run after one another, so this one sees the DOIs the
others found), their works in batches: ``GET /works?filter=doi:A,doi:B,…`` (the same filter
named several times is OR-ed; up to `DOI_BATCH` DOIs a request), or ``GET /works/{doi}`` for
a single DOI. API facts (docs/sources.md#crossref): ``{"status": "ok", "message-type": "work",
"message": {…}}``; 404 with the plain-text body ``Resource not found.`` for a DOI Crossref did
not register, arXiv's DataCite DOIs included (so those are never asked), and likewise a DOI
missing from a batch's items; the polite pool takes a ``mailto`` (``Settings.mailto``); the
public pool allows 5 single-work requests a second and 1 list request a second since December
2025 — bibnorm spaces them by ``crossref_delay`` (0.25 s) and ``crossref_search_delay`` (1 s).

What a work gives: ``type`` (``journal-article`` → article, ``proceedings-article`` →
inproceedings; a ``book-chapter`` in a volume of a proceedings series such as LNCS is a
proceedings paper of that volume, `series_chapter`; other types are not a publication bibnorm
upgrades to — and this type is the first evidence of what a venue is,
`bibnorm.resolve.venue_kind`), ``container-title``,
``short-container-title`` and ``ISSN`` (the journal's own short title and numbers: what
verify compares a cited journal with), ``volume``, ``issue``, ``page`` (else
``article-number``: "235306" in an online-only journal), authors (``given``/``family`` as the
publisher printed them) and the date: ``published-print``, else ``issued`` — the date of the
publication itself, so its month may be printed (``merge.DATES_PUBLICATIONS``); a year-only one
takes its month from ``published-online``/``published`` of the same year. Crossref's
``date-parts`` may hold ``[[null]]`` (no date). ``updated-by`` lists the notices published about
the work — retractions, corrections, expressions of concern, from the publisher or Retraction
Watch (`work_notices`); ``verify`` reads them from the same batched answers. A preprint
(``posted-content``, bioRxiv's ``institution``) is a ``misc`` record whose venue names the
server, for verify's "preprint cited as published".

`bibliographic_search` is the citation look-up for a published paper no DOI names
(``query.bibliographic``: title, first author, year); the caller judges every hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import requests
from bibnorm.config import MatchThresholds, Settings
from bibnorm.identifiers import canonical_doi
from bibnorm.models import (
    Candidate,
    EntryType,
    Identifiers,
    Lookup,
    Notice,
    Origin,
    PartialDate,
    Person,
    Problem,
    Query,
    QueryKind,
    Reference,
    Severity,
    Status,
)
from bibnorm.resolve.matching import choose
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._asking import wants_doi, wants_search
from bibnorm.resolvers._http import register_validator
from bibnorm.resolvers._provenance import sourced_reference
from bibnorm.resolvers._wire import RecentAnswers, ask, json_body, json_validator, source_url
from bibnorm.text.series import Series, named_series

SOURCE = "crossref"
_TYPES: dict[str, EntryType] = {"journal-article": "article", "proceedings-article": "inproceedings"}


class CrossrefError(Exception):
    """One Crossref call failed; ``str()`` is a user-ready reason."""


class CrossrefRejected(CrossrefError):
    """Crossref refused the request itself (HTTP 400: a filter value it cannot read)."""


# A 404 ("Resource not found.") is plain text, and an answer: only 200s must be JSON.
_JSON_VALIDATOR = json_validator("Crossref sent a body that is not JSON (truncated or an error page)")


SEARCH_ROWS = 5
# DOIs per filtered list request: a long filter is one URL, and lists are paced at 1 request a
# second, so a batch of 20 costs what 4 single works do and answers five times as many.
DOI_BATCH = 20
# DOIs sent in a filter: plain characters only. A comma would split the filter, and a DOI with
# ';', ':', '<' or parentheses (SICI DOIs) is asked alone rather than trusted to the filter's
# parser — a batch answer's silence about a DOI is read as "Crossref does not hold it".
_BATCHABLE_DOI = re.compile(r"^10\.\d{4,9}/[A-Za-z0-9._/-]+$")


def batchable(doi: str) -> bool:
    """Whether ``doi`` may be one value of a ``filter=doi:…`` list request."""
    return bool(_BATCHABLE_DOI.match(doi))


def doi_batches(dois: Iterable[str]) -> list[list[str]]:
    """``dois`` (sorted, so the same papers give the same cached requests) in `DOI_BATCH`es;
    a DOI that is not `batchable` makes a batch of its own."""
    ordered = sorted(set(dois))
    plain = [doi for doi in ordered if batchable(doi)]
    return [plain[start : start + DOI_BATCH] for start in range(0, len(plain), DOI_BATCH)] + [
        [doi] for doi in ordered if not batchable(doi)
    ]


# What judging a hit needs; `select` keeps answers small (and drops `score`, which we never trust).
# `updated-by` carries the notices (retractions, corrections) of a work in the same answer.
SEARCH_FIELDS = ",".join(
    ["DOI", "title", "author", "container-title", "short-container-title", "ISSN", "issued",
     "published-print", "published-online", "type", "volume", "issue", "page", "article-number",
     "publisher", "institution", "subtype", "updated-by", "update-to", "editor",
     "publisher-location"]
)  # fmt: skip


class CrossrefClient:
    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = source_url(session, settings.crossref_api_url, _JSON_VALIDATOR)
        self.mailto = settings.mailto
        register_validator(session, f"{self.base_url}/works", _JSON_VALIDATOR)  # lists: their own policy

    def work(self, doi: str) -> Mapping[str, Any] | None:
        """The ``message`` of ``/works/{doi}``, or ``None`` when Crossref has no such DOI."""
        message = self._message(f"/works/{quote(doi, safe='')}", {})
        if message is None:
            return None
        if not isinstance(message, dict):
            raise CrossrefError("Crossref sent an unexpected /works answer")
        return message

    def works(self, dois: Sequence[str]) -> dict[str, Mapping[str, Any]]:
        """The works Crossref holds for ``dois`` (at most `DOI_BATCH`), by case-folded DOI.

        One ``/works?filter=doi:…,doi:…`` list request; a DOI Crossref does not hold is simply
        absent from the answer.
        """
        if len(dois) == 1:
            work = self.work(dois[0])
            return {} if work is None else {dois[0].casefold(): work}
        if not all(batchable(doi) for doi in dois):
            raise ValueError("only plain DOIs go into a filter; ask the others alone")
        params = {
            "filter": ",".join(f"doi:{doi}" for doi in dois),
            "rows": str(len(dois)),
            "select": SEARCH_FIELDS,
        }
        message = self._message("/works", params)
        items = message.get("items") if isinstance(message, dict) else None
        if not isinstance(items, list):
            raise CrossrefError("Crossref sent an unexpected /works list answer")
        wanted = {doi.casefold() for doi in dois}
        found = {str(item.get("DOI") or "").casefold(): item for item in items if isinstance(item, dict)}
        return {doi: work for doi, work in found.items() if doi in wanted}

    def answers(self, dois: Sequence[str]) -> dict[str, Mapping[str, Any] | CrossrefError | None]:
        """Crossref's answer for each of ``dois`` (a `doi_batches` batch): its work, ``None`` when
        Crossref does not hold it, or the `CrossrefError` that kept it unanswered.

        One list request (`works`); a batch Crossref refuses to read (`CrossrefRejected`: a DOI
        it cannot parse) is asked DOI by DOI, so that DOI costs only its own answer. What a
        refusal means is the caller's to say (no companion for `resolve`, unverifiable for verify).
        """
        failed: CrossrefError
        try:
            works = self.works(dois)
            return {doi: works.get(doi.casefold()) for doi in dois}
        except CrossrefRejected as refused:
            if len(dois) > 1:
                return {doi: self._work_or_error(doi) for doi in dois}
            failed = refused
        except CrossrefError as error:
            failed = error
        return dict.fromkeys(dois, failed)

    def _work_or_error(self, doi: str) -> Mapping[str, Any] | CrossrefError | None:
        try:
            return self.work(doi)
        except CrossrefError as error:
            return error

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
        response = ask(self.session, "GET", self.base_url + path, "Crossref", CrossrefError, params=params)
        if response.status_code == 404:
            return None
        if response.status_code == 400:
            raise CrossrefRejected("Crossref answered HTTP 400 (a value it cannot read)")
        body = json_body(response, "Crossref", CrossrefError)
        return body.get("message") if isinstance(body, dict) else None


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _date_field(work: Mapping[str, Any], field: str) -> PartialDate | None:
    numbers = _date_parts(work.get(field))
    if not numbers:
        return None
    month = numbers[1] if len(numbers) > 1 else None
    day = numbers[2] if len(numbers) > 2 and month else None
    return PartialDate(year=numbers[0], month=month, day=day)


def _date_parts(value: Any) -> list[int] | None:
    """The first ``date-parts`` of a Crossref date, when every part it gives is a number."""
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]):
        return None
    numbers = [p for p in parts[0] if isinstance(p, int)]
    return numbers if len(numbers) == len([p for p in parts[0] if p is not None]) else None


# Where a work's date may be, in order of authority; a later one only adds the month a
# year-only earlier one lacks, in the same year.
_DATE_FIELDS = ("published-print", "issued", "published-online", "published")


def _date(work: Mapping[str, Any]) -> PartialDate | None:
    """``published-print``, else ``issued``: the date of the publication, as precise as given.

    Some deposits carry a year-only ``published-print`` (or ``issued``) beside a
    ``published-online``/``published`` date of the same year with its month: the month is
    taken from there rather than dropped.
    """
    dates = [date for field in _DATE_FIELDS if (date := _date_field(work, field)) is not None]
    if not dates:
        return None
    first = dates[0]
    if first.month is None:
        first = next((d for d in dates[1:] if d.year == first.year and d.month), first)
    return first


def _person(author: Mapping[str, Any]) -> Person:
    if author.get("family"):
        given, family = str(author.get("given") or ""), str(author["family"])
        initials = _LEADING_INITIALS.match(family)
        if initials and initials.end() < len(family):
            # Some deposits split "Andres M. Bran" as given "Andres", family "M. Bran": an
            # initial belongs to the given names, never to the family name.
            given, family = f"{given} {initials.group().strip()}".strip(), family[initials.end() :]
        return Person(given=given, family=family)
    return Person(literal=str(author.get("name") or author.get("given") or ""))


# Initials ("M. ", "J.-P. ") at the start of a deposited family name.
_LEADING_INITIALS = re.compile(r"(?:[A-Z]\.(?:-[A-Z]\.)?\s+)+")


def series_chapter(work: Mapping[str, Any]) -> tuple[str, Series] | None:
    """(proceedings title, series) of a ``book-chapter`` in a volume of a proceedings series
    (`bibnorm.text.series`: LNCS, PMLR, CEUR), else ``None``.

    Springer deposits an LNCS paper as a chapter whose ``container-title`` names the series
    and the volume, in either order: ``["Lecture Notes in Computer Science", "Medical Image
    Computing and Computer-Assisted Intervention – MICCAI 2015"]``. The paper is a proceedings
    paper of that volume; the series is no journal, and its ISSN (0302-9743) is the series'.
    A chapter of a series not in the table (an edited book) is not a publication bibnorm
    upgrades to.
    """
    if work.get("type") != "book-chapter":
        return None
    titles = [" ".join(str(t).split()) for t in work.get("container-title") or () if str(t).strip()]
    series = next((found for title in titles if (found := named_series(title)) is not None), None)
    volume_titles = [title for title in titles if named_series(title) is None]
    if series is None or not volume_titles:
        return None
    return volume_titles[0], series


def work_to_reference(work: Mapping[str, Any]) -> Reference | None:
    """A published record (``None`` for posted content, books and the other types; a chapter
    of a proceedings series is a proceedings paper, `series_chapter`)."""
    in_series = series_chapter(work)
    entry_type = "inproceedings" if in_series else _TYPES.get(str(work.get("type") or ""))
    if entry_type is None:
        return None
    values: dict[str, Any] = {
        "title": _first(work.get("title")),
        "authors": tuple(_person(a) for a in work.get("author") or [] if isinstance(a, dict)),
        "issued": _date(work),
        "entry_type": entry_type,
        **_container(work, in_series),
        "volume": _first(work.get("volume")) or None,
        "number": _first(work.get("issue")) or None,
        "pages": (_first(work.get("page")).replace("-", "--") or _first(work.get("article-number")) or None),
        "publisher": _first(work.get("publisher")) or None,
        **_proceedings_volume(work, entry_type),
        "ids": Identifiers(doi=canonical_doi(str(work.get("DOI") or ""))),
    }
    return sourced_reference(values, SOURCE)


def _container(work: Mapping[str, Any], in_series: tuple[str, Series] | None) -> dict[str, Any]:
    """The venue, its short title, the series and the ISSNs: for a chapter of a proceedings
    series, the volume's title and the series (whose ISSN is no journal's)."""
    if in_series:
        return {"venue": in_series[0], "venue_short": None, "series": in_series[1].name, "issn": ()}
    return {
        "venue": _first(work.get("container-title")) or None,
        "venue_short": _first(work.get("short-container-title")) or None,
        "series": None,
        "issn": _issns(work.get("ISSN")),
    }


def _proceedings_volume(work: Mapping[str, Any], entry_type: str) -> dict[str, Any]:
    """The place and the editors of a proceedings volume, which the publisher deposits with
    each paper of it; a journal article has neither."""
    if entry_type != "inproceedings":
        return {"address": None, "editors": ()}
    return {
        "address": _first(work.get("publisher-location")) or None,
        "editors": tuple(_person(e) for e in work.get("editor") or [] if isinstance(e, dict)),
    }


def _issns(value: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v).strip().upper() for v in value or () if str(v).strip()))


def work_to_any_reference(work: Mapping[str, Any]) -> Reference:
    """Any registered work as a record (posted content and books as ``misc``): a DOI that
    Crossref holds exists, whatever its type, and names the paper with this title. A preprint's
    venue is its server (``institution``: "bioRxiv"), never a publication."""
    published = work_to_reference(work)
    if published is not None:
        return published
    server = None
    if work.get("type") == "posted-content":
        institutions = [i for i in work.get("institution") or [] if isinstance(i, dict)]
        server = _first(institutions[0].get("name")) if institutions else None
    return Reference(
        title=_first(work.get("title")),
        authors=tuple(_person(a) for a in work.get("author") or [] if isinstance(a, dict)),
        issued=_date(work),
        entry_type="misc",
        venue=server or None,
        ids=Identifiers(doi=canonical_doi(str(work.get("DOI") or ""))),
        provenance={"title": SOURCE, **({"venue": SOURCE} if server else {})},
    )


def _update_date(update: Mapping[str, Any]) -> PartialDate | None:
    """An update's ``updated`` date: ``date-parts`` (a Partial Date, as documented), else the
    ``date-time`` some recorded answers carry alone."""
    updated = update.get("updated")
    if not isinstance(updated, dict):
        return None
    dated = _date({"issued": updated})
    if dated is not None:
        return dated
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(updated.get("date-time") or ""))
    if match:
        return PartialDate(year=int(match[1]), month=int(match[2]), day=int(match[3]))
    return None


def work_notices(work: Mapping[str, Any]) -> tuple[Notice, ...]:
    """The notices that update ``work`` (its ``updated-by`` list), oldest first.

    Crossref documents an *Update* as ``{"updated": <Partial Date>, "DOI": <the notice>,
    "type": "retraction", "label": "Retraction"}``; since 2024 the works a notice updates
    carry it as ``updated-by`` too, each with a ``source`` (``publisher`` or
    ``retraction-watch``: Retraction Watch's data is served through Crossref). A notice
    recorded by both sources is one notice.
    """
    notices: dict[tuple[str, str], Notice] = {}
    for update in work.get("updated-by") or []:
        if not isinstance(update, dict) or not update.get("type"):
            continue
        doi = canonical_doi(str(update.get("DOI") or "")) if update.get("DOI") else None
        notice = Notice(
            kind=str(update["type"]).casefold().replace(" ", "_").replace("-", "_"),
            doi=doi,
            date=_update_date(update),
            label=_first(update.get("label")),
            source=_first(update.get("source")),
        )
        notices.setdefault((notice.kind, (doi or "").casefold()), notice)
    return tuple(sorted(notices.values(), key=lambda n: n.date.iso() if n.date else ""))


# A published version appears from a year before the preprint to this many years after it.
MAX_YEARS_AFTER_PREPRINT = 5


def citation(reference: Reference) -> str:
    """The citation string Crossref's bibliographic query is asked: title, first author, year."""
    first = reference.authors[0] if reference.authors else None
    year = reference.first_version or reference.issued
    author = (first.family or first.literal) if first else ""
    return " ".join(part for part in (reference.title, author, str(year.year) if year else "") if part)


def accepted_hit(
    reference: Reference, works: Sequence[Mapping[str, Any]], thresholds: MatchThresholds
) -> Reference | None:
    """The one published work the matcher accepts as ``reference`` (title, authors), dated
    from a year before its first version to `MAX_YEARS_AFTER_PREPRINT` after; else ``None``."""
    records = [r for r in (work_to_reference(w) for w in works) if r is not None]
    first = reference.first_version or reference.issued
    if first is not None:
        records = [
            r
            for r in records
            if r.issued is None or first.year - 1 <= r.issued.year <= first.year + MAX_YEARS_AFTER_PREPRINT
        ]
    if not records:
        return None
    query = Query(
        index=0,
        origin=Origin(path="crossref", line=0),
        kind=QueryKind.TITLE,
        title=reference.title,
        author_names=tuple(p.family or p.literal for p in reference.authors),
    )
    decision = choose(query, [Candidate(source=SOURCE, reference=r) for r in records], thresholds)
    return decision.best.candidate.reference if decision.status is Status.RESOLVED and decision.best else None


class CrossrefEnricher:
    """Enricher: Crossref's record of each resolved paper's publisher DOI (batched), and, for the
    published papers outside computer science that no DOI names (`wants_search`), one citation
    search each whose hit the matcher must accept (`accepted_hit`)."""

    name = SOURCE

    def __init__(
        self, client: CrossrefClient, thresholds: MatchThresholds | None = None, *, search: bool = True
    ) -> None:
        self.client = client
        self.thresholds = thresholds or MatchThresholds()
        self.search = search  # False: DOIs only (check's dating of known publications)
        # What Crossref answered for each DOI lately (None: no publication it holds).
        self.answered: RecentAnswers[str, Reference | None] = RecentAnswers()
        # Whether it holds each DOI asked lately (`holds`), whatever the work's type.
        self.held: RecentAnswers[str, bool] = RecentAnswers()

    def holds(self, dois: Sequence[str], progress: Progress = NO_PROGRESS) -> dict[str, bool | None]:
        """Whether Crossref holds each of ``dois`` (a DOI it does not hold it answers 404, or leaves
        out of a batch's answer; None: it could not be asked), `DOI_BATCH` to a request; the works
        it sends are kept for `enrich`, so completing a record later asks none of them again."""
        answers: dict[str, bool | None] = dict(self.held.known(dois))
        progress.advance(len(answers))
        for chunk in doi_batches(doi for doi in dois if doi not in answers):
            for doi, work in self.client.answers(chunk).items():
                if isinstance(work, CrossrefError):  # unreachable, or a DOI it cannot read: no answer
                    answers[doi] = None
                    continue
                answers[doi] = work is not None
                self.held.remember({doi: work is not None})
                self.answered.remember({doi: None if work is None else work_to_reference(work)})
            progress.advance(len(chunk))
        return answers

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        answers = dict(self._by_doi(references, progress))
        searching = [
            index
            for index, reference in references.items()
            if self.search and index not in answers and wants_search(reference)
        ]
        if searching:
            progress.expect(len(searching))
        for index in searching:
            answers[index] = self._searched(references[index])
            progress.advance()
        return answers

    def _searched(self, reference: Reference) -> Lookup:
        try:
            works = self.client.search(citation(reference))
        except CrossrefError as error:
            problem = Problem(code="crossref.unavailable", message=str(error), severity=Severity.WARNING)
            return Lookup(problems=(problem,), failed=True)
        hit = accepted_hit(reference, works, self.thresholds)
        return Lookup(candidates=(Candidate(source=SOURCE, reference=hit),) if hit else ())

    def _by_doi(self, references: Mapping[int, Reference], progress: Progress) -> Mapping[int, Lookup]:
        wanted: dict[str, list[int]] = {}
        for index, reference in references.items():
            if (doi := wants_doi(reference, SOURCE)) is not None:
                wanted.setdefault(doi, []).append(index)
        progress.expect(len(wanted))
        answers: dict[int, Lookup] = {}
        known = self.answered.known(wanted)
        progress.advance(len(known))
        for chunk in doi_batches(doi for doi in wanted if doi not in known):
            for doi, work in self.client.answers(chunk).items():
                if isinstance(work, CrossrefError) and not isinstance(work, CrossrefRejected):
                    problem = Problem(
                        code="crossref.unavailable", message=str(work), severity=Severity.WARNING
                    )
                    answers |= {i: Lookup(problems=(problem,), failed=True) for i in wanted[doi]}
                    continue
                # A DOI Crossref cannot read or does not hold, or a work that is no publication:
                # no companion.
                known[doi] = (
                    None if work is None or isinstance(work, CrossrefRejected) else work_to_reference(work)
                )
                self.answered.remember({doi: known[doi]})
            progress.advance(len(chunk))
        for doi, published in known.items():
            if published is not None:
                candidate = Candidate(source=SOURCE, reference=published, by_identifier=True)
                answers |= {i: Lookup(candidates=(candidate,)) for i in wanted[doi]}
        return answers


def build_crossref(session: requests.Session, settings: Settings, *, search: bool = True) -> CrossrefEnricher:
    return CrossrefEnricher(CrossrefClient(session, settings), settings.thresholds, search=search)
