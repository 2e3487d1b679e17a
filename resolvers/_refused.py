"""Stand-ins for the online sources of an offline run that has nothing cached.

Offline, with no response cached (no cache file, or an empty one), every request a source would
make is refused with the cache miss's words ("offline: not in the cache"). Which items that
touches is each source's own rule (`bibnorm.resolvers._arxiv_query`, `bibnorm.resolvers._asking`), so these
stand-ins give each item the answer the source would give it — the same problems, the same
"failed", dblp's same announcement — without building the source, making its queries or
importing the HTTP stack. `tests/test_refused.py` holds each to its source on a refusing session.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from bibnorm.config import Settings
from bibnorm.identifiers import parse_arxiv_id
from bibnorm.models import Lookup, Problem, Query, QueryKind, Reference, Severity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._arxiv_query import malformed_id, title_segments
from bibnorm.resolvers._asking import (
    dblp_announcement,
    doi_source_settles,
    doi_sources_follow,
    publisher_doi,
    s2_batch_id,
    s2_says_preprint,
    search_query,
    wants_dblp,
    wants_doi,
    wants_search,
)
from bibnorm.resolvers._cache_file import OFFLINE_MISS

Notify = Callable[[str], None]


@functools.cache
def refused(source: str, severity: Severity, *, named: bool = True) -> Lookup:
    """A failed answer with the cache miss's words (``named``: the problem names its source).

    One frozen answer per source and severity, shared by every query it is given for: a new one
    each time cost a million titles offline two models each (about 1.5 KB a title)."""
    problem = Problem(
        code=f"{source}.unavailable",
        message=OFFLINE_MISS,
        severity=severity,
        source=source if named else None,
    )
    return Lookup(problems=(problem,), failed=True)


class RefusedArxiv:
    """arXiv: an id query is refused unless its id is malformed (then not asked); a title query
    is refused when the title has a word to search for."""

    name = "arxiv"

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        answers: dict[int, Lookup] = {}
        for query in queries:
            if query.arxiv_id:
                if parse_arxiv_id(query.arxiv_id) is None:
                    answers[query.index] = Lookup(problems=(malformed_id(query.arxiv_id),))
                else:
                    answers[query.index] = refused(self.name, Severity.ERROR)
            elif query.title and query.title.strip():
                answers[query.index] = (
                    refused(self.name, Severity.ERROR) if title_segments(query.title) else Lookup()
                )
        progress.advance(len(queries))
        return answers


class RefusedS2:
    """Semantic Scholar, both roles: every query with an id or a title is refused, and so is every
    resolved paper with an arXiv id or a DOI that S2 did not give."""

    name = "s2"

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        answers = {
            query.index: refused(self.name, Severity.ERROR)
            for query in queries
            if (query.kind is QueryKind.DOI and query.doi)
            or (query.kind is QueryKind.ARXIV_ID and query.arxiv_id)
            or (query.title and query.title.strip())
        }
        progress.advance(len(queries))
        return answers

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        asked = [index for index, reference in references.items() if s2_batch_id(reference)]
        progress.expect(len(asked))
        progress.advance(len(asked))
        return {index: refused(self.name, Severity.WARNING) for index in asked}


class RefusedDblp:
    """dblp with no local index: each computer-science paper no batch settles is refused, after
    the announcement of the wait its searches would have cost (the cache holds none of them)."""

    name = "dblp"

    def __init__(self, settings: Settings, notify: Notify | None = None) -> None:
        self.delay = settings.dblp_delay
        self.doi_sources = doi_sources_follow(settings)
        self.notify = notify

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        asked: dict[int, Reference] = {}
        for index, reference in references.items():
            if reference.entry_type != "preprint" and reference.provenance.get("venue") == self.name:
                continue
            if not wants_dblp(reference) or doi_source_settles(reference, doi_sources=self.doi_sources):
                continue
            if not s2_says_preprint(reference):
                asked[index] = reference
        if asked and self.notify is not None and self.delay > 0:
            searches = len({search_query(reference.title) for reference in asked.values()})
            message = dblp_announcement(searches, searches, self.delay, None, offline=True)
            if message is not None:
                self.notify(message)
        progress.expect(len(asked))
        progress.advance(len(asked))
        return {index: refused(self.name, Severity.WARNING) for index in asked}


class RefusedCrossref:
    """Crossref: each paper with a publisher DOI is refused, and so is each it would search for."""

    name = "crossref"

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        dois = {
            index: doi for index, reference in references.items() if (doi := wants_doi(reference, self.name))
        }
        progress.expect(len(set(dois.values())))
        progress.advance(len(set(dois.values())))
        searched = [i for i, reference in references.items() if i not in dois and wants_search(reference)]
        if searched:
            progress.expect(len(searched))
            progress.advance(len(searched))
        return {index: refused(self.name, Severity.WARNING, named=False) for index in (*dois, *searched)}


class RefusedOpenAlex:
    """OpenAlex: each paper with a publisher DOI is refused."""

    name = "openalex"

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        dois = {index: doi for index, reference in references.items() if (doi := publisher_doi(reference))}
        progress.expect(len(set(dois.values())))
        progress.advance(len(set(dois.values())))
        return {index: refused(self.name, Severity.WARNING, named=False) for index in dois}


# The stand-in of each online source, by its name in `Settings.resolvers`.
STAND_INS: dict[str, Callable[[Settings, Notify | None], object]] = {
    "arxiv": lambda settings, notify: RefusedArxiv(),
    "s2": lambda settings, notify: RefusedS2(),
    "dblp": RefusedDblp,
    "crossref": lambda settings, notify: RefusedCrossref(),
    "openalex": lambda settings, notify: RefusedOpenAlex(),
}
