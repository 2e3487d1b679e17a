"""The arXiv API as a resolver: ids through ``id_list``, titles through ``search_query``.

Transport: an `arxiv.Client` (the ``arxiv`` package parses the Atom feed and builds the
URLs) whose session is *our* injected requests-cache session, so caching, per-host
spacing (``arxiv_delay``), timeouts and bounded retries all live in `bibnorm.resolvers._http`;
the package's own delay and retries are switched off. The base URL is
``Settings.arxiv_api_url``. A validator registered for the arXiv host rejects bodies that
are not a complete Atom ``<feed>`` (truncated, HTML, garbage) or that are the known
"empty page although totalResults > 0" glitch, so they are retried and never cached.

The ``arxiv`` package is pinned to its 4.0 series (``arxiv>=4.0,<4.1`` in pyproject.toml): its
public API fetches with a session of its own and keeps the server's error messages and the
page's ``totalResults`` from its caller, so `_FeedClient` stands on
`bibnorm.resolvers._arxiv_package`, the one module that names the package's private pieces
(and says which releases they were read from).

Error feeds: the real API answers a malformed id with HTTP 400 and an Atom feed whose
only entry has an ``…/api/errors#…`` id and the title ``Error`` (the package's parser
silently drops that entry: it has no ``<published>``), so such feeds are recognised
here, also when they come with HTTP 200, and never become records.

**Ids** (`ArxivResolver.lookup` for queries carrying ``arxiv_id``): validated locally
first (a malformed id is a per-item ``arxiv.malformed_id`` error and costs no request);
then asked version-less, `ID_PAGE` per request with ``max_results`` set to the number of
ids (the API's default is 10, also for ``id_list``). Ids missing from the answer do not
exist (``arxiv.not_found``: the API drops them silently). If a page is refused with
HTTP 400 anyway, it is bisected so only the bad id fails. A requested version is kept
on the record when arXiv has it, otherwise ``arxiv.no_such_version``.

**Titles** — the query strategy. A title is cut into *segments*: runs of plain words
between the characters the query syntax cannot carry (``$…$`` math, colons — a
``word:`` inside a phrase is read as a field prefix —, quotes, parentheses, ``&``,
punctuation, and words with apostrophes such as ``Plato's``, which tokenizers treat
differently). Hyphens and slashes separate words inside a segment; accents are folded to
ASCII; all words are lower-cased so a title word ``AND``/``OR`` is never an operator.

1. *strict*: ``ti:"segment one" AND ti:"segment two"`` (one-word segments unquoted; a
   segment of stop words only, or a single character, is dropped unless nothing else is
   left). Asked **batched**: up to `TITLE_BATCH` titles OR-ed in one ``search_query``
   (kept under `MAX_QUERY_CHARS` URL-encoded characters), ``max_results`` =
   `RESULTS_PER_TITLE` × titles. Every result is scored against every title of the
   batch with `bibnorm.resolve.matching`; a title is *settled* when `matching.choose` finds an
   acceptable candidate (or calls it ambiguous).
2. *loose*: ``ti:w1 AND ti:w2 …`` over the significant words (stop words and one-letter
   words dropped), batched the same way, for the titles step 1 did not settle.
3. Per title, for what is still unsettled: the strict and the loose query alone, each
   only if its batch was truncated (``totalResults`` above what the page held — an
   exhaustive batch already showed everything that query matches), then, only when
   ``Settings.arxiv_broad_search`` is on (off by default: it costs one request per
   title arXiv does not hold), *broad*: ``all:w1 OR all:w2 …`` (recall for
   hyphenation, spelling or revised titles).

Each title's candidates are the results whose title is similar enough
(`CANDIDATE_FLOOR`); the pipeline decides with `matching.choose` again, abstract evidence
included. A request that fails (`SourceUnavailable` after the session's retries, an
unusable answer) makes every query it carried ``failed`` with ``arxiv.unavailable`` and the
reason; `ArxivResolver.lookup` never raises for that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

import arxiv
import requests
from bibnorm.config import Settings
from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.models import (
    Candidate,
    Identifiers,
    Lookup,
    PartialDate,
    Problem,
    Query,
    Reference,
    Severity,
    Status,
)
from bibnorm.resolve import matching
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._arxiv_package import OnePageClient, ParsedFeed, parse_feed
from bibnorm.resolvers._arxiv_query import SOURCE, STOP_WORDS, malformed_id, problem, title_segments
from bibnorm.resolvers._http import SourceUnavailable, describe_error, register_validator
from bibnorm.text import titles
from bibnorm.text.clean import clean_reference
from bibnorm.text.names import parse_name
from lxml import etree

ID_PAGE = 100  # ids per id_list request: ~1.2 kB of URL, one page of answers
TITLE_BATCH = 15  # titles OR-ed in one search_query
LOOSE_BATCH = 8  # loose clauses match more papers: fewer per request
RESULTS_PER_TITLE = 10  # room per title in a batched answer
SINGLE_RESULTS = 10  # max_results of a one-title fallback query
MAX_QUERY_CHARS = 1500  # URL-encoded search_query; the whole URL stays under ~2000 characters
CANDIDATE_FLOOR = 0.5  # title similarity a result needs to be offered as a candidate
MAX_CANDIDATES = 10

_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)


# --------------------------------------------------------------------------- wire → models


class ArxivAnswerError(Exception):
    """The API answered, but not with results: an error feed, an unusable body, HTTP error."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def error_message(body: bytes) -> str | None:
    """The message of an arXiv error feed (``…/api/errors#…`` entry), None for any other body."""
    try:
        root = etree.fromstring(body, parser=_XML_PARSER)
    except etree.XMLSyntaxError:
        return None
    for entry in root.iterfind(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id") or ""
        title = (entry.findtext(f"{_ATOM}title") or "").strip()
        # A paper may be titled "Error"; an error entry has no /abs/ id.
        if "/api/errors" in entry_id or (title == "Error" and "/abs/" not in entry_id):
            return " ".join((entry.findtext(f"{_ATOM}summary") or title).split())
    return None


def validate_feed(response: requests.Response) -> str | None:
    """Why a 200 body from the arXiv API is unusable (then retried, never cached), or None.

    Rejects bodies lxml cannot parse strictly (truncated, binary garbage), documents
    whose root is not an Atom ``<feed>`` (an HTML error or challenge page), and the
    documented glitch of an empty first page whose ``totalResults`` says there are hits.
    """
    try:
        root = etree.fromstring(response.content, parser=_XML_PARSER)
    except etree.XMLSyntaxError as error:
        return f"unreadable answer (truncated or not XML: {str(error)[:80]})"
    if root is None or root.tag != f"{_ATOM}feed":
        tag = getattr(root, "tag", None)
        return f"unexpected answer: <{tag}> instead of an Atom feed"
    total = root.findtext("{http://a9.com/-/spec/opensearch/1.1/}totalResults")
    start = root.findtext("{http://a9.com/-/spec/opensearch/1.1/}startIndex")
    numbers = (total or "").strip(), (start or "").strip()
    if (
        all(n.isdigit() for n in numbers)
        and int(numbers[0]) > int(numbers[1])
        and root.find(f"{_ATOM}entry") is None
    ):
        return f"empty page although totalResults={int(numbers[0])}"
    return None


def _collapse(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    return value or None


def reference_from_result(result: arxiv.Result) -> Reference | None:
    """One `Reference` from a parsed feed entry; None when the entry is not a paper record."""
    short = result.entry_id.split("/abs/")[-1]
    parsed = parse_arxiv_id(short)
    if parsed is None:
        return None
    day = result.published
    date = PartialDate(year=day.year, month=day.month, day=day.day)
    doi = canonical_doi(result.doi) if result.doi else None
    values: dict[str, Any] = {
        "title": " ".join(result.title.split()),
        "authors": tuple(parse_name(a.name) for a in result.authors if a.name.strip()),
        "abstract": _collapse(result.summary),
        "issued": date,
        "first_version": date,
        "primary_class": result.primary_category or None,
        "categories": tuple(result.categories),
        "journal_ref": _collapse(result.journal_ref),
        "comment": _collapse(result.comment),
        "url": f"https://arxiv.org/abs/{parsed.id}",
    }
    values = {k: v for k, v in values.items() if v not in (None, ())}
    ids = Identifiers(arxiv_id=parsed.id, arxiv_version=parsed.version, doi=doi)
    provenance = dict.fromkeys([*values, "ids"], SOURCE)
    # Titles and names as plain Unicode once, here at the edge (arXiv writes TeX: 5\%, $\pi$).
    return clean_reference(Reference(ids=ids, provenance=provenance, **values))


class _FeedClient(OnePageClient):
    """`arxiv.Client` on our session, fetching exactly one page per call.

    An error feed or a non-200 answer raises `ArxivAnswerError` with the server's message (the
    package drops both the body and the error entry), and the page's ``totalResults`` is kept.
    """

    def __init__(self, session: requests.Session, base_url: str) -> None:
        super().__init__(session, base_url)
        self.last_total = 0

    def fetch_feed(self, url: str) -> ParsedFeed:
        response = self.session.get(url)
        message = error_message(response.content)
        if message is not None:
            raise ArxivAnswerError(f"arXiv error: {message}", response.status_code)
        if response.status_code != 200:
            raise ArxivAnswerError(f"arXiv answered HTTP {response.status_code}", response.status_code)
        feed = parse_feed(response.content)
        if feed.malformed:
            raise ArxivAnswerError(f"unreadable answer: {feed.error}", response.status_code)
        self.last_total = feed.header.total_results
        return feed

    def fetch(
        self, *, query: str = "", id_list: Sequence[str] = (), max_results: int
    ) -> tuple[list[Reference], int]:
        """One request; the records it returned and the ``totalResults`` it announced."""
        self.page_size = max_results
        self.last_total = 0
        search = arxiv.Search(query=query, id_list=list(id_list), max_results=max_results)
        records = [r for r in (reference_from_result(x) for x in self.results(search)) if r is not None]
        return records, self.last_total


# --------------------------------------------------------------------------- title queries


def significant_words(title: str) -> list[str]:
    """Distinct words of the segments that carry meaning: no stop words, no single letters."""
    words = [w for s in title_segments(title) for w in s]
    keep = [w for w in words if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(keep or words))


def _term(field_name: str, words: Sequence[str]) -> str:
    return f'{field_name}:"{" ".join(words)}"' if len(words) > 1 else f"{field_name}:{words[0]}"


def strict_clause(title: str) -> str | None:
    """``ti:"seg one" AND ti:"seg two"`` for a title, None when nothing searchable is left."""
    segments = title_segments(title)
    return " AND ".join(_term("ti", s) for s in segments) if segments else None


def loose_clause(title: str) -> str | None:
    """``ti:w1 AND ti:w2 …`` over the significant words; None when no looser than strict."""
    words = significant_words(title)
    clause = " AND ".join(_term("ti", [w]) for w in words) if words else None
    return None if clause == strict_clause(title) else clause


def broad_clause(title: str) -> str | None:
    """``all:w1 OR all:w2 …``: any significant word anywhere, ranked by the server."""
    words = significant_words(title)
    return " OR ".join(_term("all", [w]) for w in words) if words else None


def _or(clauses: Sequence[str]) -> str:
    if len(clauses) == 1:
        return clauses[0]
    return " OR ".join(f"({c})" if " AND " in c or " OR " in c else c for c in clauses)


def _encoded_length(query: str) -> int:
    return len(quote_plus(query))


# --------------------------------------------------------------------------- the resolver


@dataclass
class _TitleState:
    query: Query
    candidates: dict[str, Candidate] = field(default_factory=dict)
    settled: bool = False
    failed: Problem | None = None
    exhaustive: dict[str, bool] = field(default_factory=dict)  # stage → batch showed every hit


class ArxivResolver:
    """The arXiv API resolver (see the module docstring for the request strategy).

    ``session`` is the run's shared session from `bibnorm.resolvers.session.build_session`; this
    resolver registers its feed validator on it for the arXiv host.
    """

    name = SOURCE

    def __init__(
        self, settings: Settings, session: requests.Session, *, broad_fallback: bool | None = None
    ) -> None:
        self.settings = settings
        self.client = _FeedClient(session, settings.arxiv_api_url)
        self.broad_fallback = settings.arxiv_broad_search if broad_fallback is None else broad_fallback
        register_validator(session, settings.arxiv_api_url, validate_feed)

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        """Candidates per query index: by id for queries with an arXiv id, else by title."""
        by_id = [q for q in queries if q.arxiv_id]
        by_title = [q for q in queries if not q.arxiv_id and q.title and q.title.strip()]
        progress.advance(len(queries) - len(by_id) - len(by_title))  # nothing to ask about these
        answers: dict[int, Lookup] = {}
        answers.update(self.lookup_ids(by_id, progress))
        answers.update(self.lookup_titles(by_title, progress))
        return answers

    # ----------------------------------------------------------------- ids

    def lookup_ids(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> dict[int, Lookup]:
        """Id queries through ``id_list`` pages; see the module docstring."""
        answers: dict[int, Lookup] = {}
        wanted: dict[str, list[tuple[Query, int | None]]] = {}
        for query in queries:
            parsed = parse_arxiv_id(query.arxiv_id or "")
            if parsed is None:
                answers[query.index] = Lookup(problems=(malformed_id(query.arxiv_id or ""),))
                continue
            version = query.arxiv_version if query.arxiv_version is not None else parsed.version
            wanted.setdefault(parsed.id, []).append((query, version))
        ids = list(wanted)
        found: dict[str, Reference] = {}
        failures: dict[str, Problem] = {}
        progress.advance(len(queries) - sum(len(asking) for asking in wanted.values()))  # malformed
        for start in range(0, len(ids), ID_PAGE):
            page = ids[start : start + ID_PAGE]
            self._fetch_ids(page, found, failures)
            progress.advance(sum(len(wanted[arxiv_id]) for arxiv_id in page))
        for arxiv_id, asking in wanted.items():
            for query, version in asking:
                answers[query.index] = self._id_answer(
                    arxiv_id, version, found.get(arxiv_id), failures.get(arxiv_id)
                )
        return answers

    def _fetch_ids(self, ids: list[str], found: dict[str, Reference], failures: dict[str, Problem]) -> None:
        try:
            records, _ = self.client.fetch(id_list=ids, max_results=len(ids))
        except ArxivAnswerError as error:
            if error.status == 400 and len(ids) > 1:
                middle = len(ids) // 2  # one bad id spoils its page: halve until it stands alone
                self._fetch_ids(ids[:middle], found, failures)
                self._fetch_ids(ids[middle:], found, failures)
                return
            code = "arxiv.malformed_id" if error.status == 400 else "arxiv.unavailable"
            for arxiv_id in ids:
                failures[arxiv_id] = problem(code, str(error))
            return
        except (SourceUnavailable, requests.RequestException) as error:
            for arxiv_id in ids:
                failures[arxiv_id] = _unavailable(error)
            return
        for record in records:
            if record.ids.arxiv_id:
                found[record.ids.arxiv_id] = record

    @staticmethod
    def _id_answer(
        arxiv_id: str, version: int | None, record: Reference | None, failure: Problem | None
    ) -> Lookup:
        if failure is not None:
            return Lookup(problems=(failure,), failed=failure.code == "arxiv.unavailable")
        if record is None:
            return Lookup(problems=(problem("arxiv.not_found", f"arXiv has no paper {arxiv_id}"),))
        latest = record.ids.arxiv_version
        problems: tuple[Problem, ...] = ()
        if version is not None and latest is not None and version > latest:
            problems = (
                problem(
                    "arxiv.no_such_version",
                    f"{arxiv_id} has no version v{version}; the latest is v{latest}",
                    Severity.WARNING,
                ),
            )
        elif version is not None:
            record = record.model_copy(
                update={"ids": record.ids.model_copy(update={"arxiv_version": version})}
            )
        return Lookup(
            candidates=(Candidate(source=SOURCE, reference=record, by_identifier=True),), problems=problems
        )

    # ----------------------------------------------------------------- titles

    def lookup_titles(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> dict[int, Lookup]:
        """Title queries: batched strict, batched loose, then per-title fallbacks."""
        states = [_TitleState(q) for q in queries]
        for stage, make, size in (
            ("strict", strict_clause, TITLE_BATCH),
            ("loose", loose_clause, LOOSE_BATCH),
        ):
            self._batched_stage(stage, [s for s in states if _open(s)], make, size, progress)
        # A title a batch settled was reported done with its batch; each other one is done
        # after its own requests.
        for state in states:
            if _open(state):
                self._ask_alone(state)
                progress.advance()
        return {s.query.index: _title_answer(s) for s in states}

    def _ask_alone(self, state: _TitleState) -> None:
        """A title no batch settled: its strict, loose and broad queries alone, while it stays open,
        each skipped when its batch already showed every hit (or, broad, when it is off)."""
        title = state.query.title or ""
        for stage, make in (("strict", strict_clause), ("loose", loose_clause), ("broad", broad_clause)):
            if not _open(state):
                return
            if state.exhaustive.get(stage, False) or (stage == "broad" and not self.broad_fallback):
                continue
            clause = make(title)
            if clause is not None:
                self._ask([state], clause, SINGLE_RESULTS, stage)

    def _batched_stage(
        self,
        stage: str,
        states: list[_TitleState],
        make: Callable[[str], str | None],
        size: int,
        progress: Progress,
    ) -> None:
        batch: list[tuple[_TitleState, str]] = []
        for state in states:
            clause = make(state.query.title or "")
            if clause is None:
                state.exhaustive[stage] = True  # nothing to ask at this stage
                continue
            candidate_batch = [*batch, (state, clause)]
            if batch and (
                len(candidate_batch) > size
                or _encoded_length(_or([c for _, c in candidate_batch])) > MAX_QUERY_CHARS
            ):
                self._ask_batch(batch, stage, progress)
                candidate_batch = [(state, clause)]
            batch = candidate_batch
        if batch:
            self._ask_batch(batch, stage, progress)

    def _ask_batch(self, batch: list[tuple[_TitleState, str]], stage: str, progress: Progress) -> None:
        self._ask([s for s, _ in batch], _or([c for _, c in batch]), RESULTS_PER_TITLE * len(batch), stage)
        progress.advance(sum(1 for state, _ in batch if not _open(state)))  # settled (or failed) now

    def _ask(self, states: list[_TitleState], search_query: str, max_results: int, stage: str) -> None:
        """One search request; its results are matched back to every title it carried."""
        try:
            records, total = self.client.fetch(query=search_query, max_results=max_results)
        except (SourceUnavailable, requests.RequestException) as error:
            for state in states:
                state.failed = _unavailable(error)
            return
        except ArxivAnswerError as error:
            for state in states:
                state.failed = problem("arxiv.unavailable", str(error))
            return
        exhaustive = total <= len(records)
        thresholds = self.settings.thresholds
        for state in states:
            state.exhaustive[stage] = exhaustive
            title = state.query.title or ""
            for record in records:
                if titles.title_similarity(title, record.title) >= CANDIDATE_FLOOR and record.ids.arxiv_id:
                    state.candidates.setdefault(
                        record.ids.arxiv_id, Candidate(source=SOURCE, reference=record)
                    )
            if state.candidates:
                decision = matching.choose(state.query, list(state.candidates.values()), thresholds)
                state.settled = decision.status is not Status.UNRESOLVED


def _open(state: _TitleState) -> bool:
    return not state.settled and state.failed is None


def _unavailable(error: Exception) -> Problem:
    # The session retries what is worth retrying; anything it lets through (e.g. a body cut
    # off mid-transfer) still fails only the items of this request.
    message = (
        str(error) if isinstance(error, SourceUnavailable) else f"arXiv unreachable: {describe_error(error)}"
    )
    return problem("arxiv.unavailable", message[:300])


def _title_answer(state: _TitleState) -> Lookup:
    title = state.query.title or ""
    ranked = sorted(
        state.candidates.values(),
        key=lambda c: (-titles.title_similarity(title, c.reference.title), c.reference.ids.arxiv_id or ""),
    )
    problems = (state.failed,) if state.failed is not None else ()
    return Lookup(
        candidates=tuple(ranked[:MAX_CANDIDATES]), problems=problems, failed=state.failed is not None
    )
