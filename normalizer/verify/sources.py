"""Asking the sources what they hold for each claim: the I/O half of ``bibnorm verify``.

Questions are batched the way each API allows, and each is asked only when an earlier,
cheaper answer did not settle it:

1. identifiers — Semantic Scholar ``/paper/batch`` (500 DOIs and arXiv ids a request);
   arXiv ``id_list`` for every arXiv id (its versions, its withdrawal, and ids S2 does not
   know yet); Crossref for every DOI, 20 to a request: the record of the DOIs Semantic
   Scholar does not know (DOIs are Crossref's), every DOI's notices (retractions,
   corrections), and the DOI of each RFC cited by number;
2. books — Open Library, for ``@book``-like entries only: their ISBNs (40 a request), then
   the title and first author of those it holds no ISBN of;
3. titles — only for papers whose identifiers did not name the claimed paper: the
   snapshot index when configured, then Semantic Scholar ``/paper/search/bulk`` with
   up to 25 quoted titles OR-ed in one request (it settles the titles some paper carries
   exactly), then ``/paper/search/match`` one title at a time for the rest. Works of other
   kinds (normalizer/verify/kinds) are not searched for: absent from these sources, their
   absence would prove nothing.
4. published versions — the local dblp index, when one was built and dblp is in the chain,
   for every paper a source found: its publication (venue, type, year, pages) is merged into
   the record as ``resolve`` merges it, and offered first, under the source "dblp"; no request.
5. journals — for a cited journal the paper's records did not confirm (another name, an
   abbreviation a record does not spell, no venue at all), Crossref's record of the paper
   (`Answers.of_paper`): by the DOI a record carries (the publisher's container title, short
   title and ISSNs, 20 DOIs a request), or, when the records carry neither venue nor DOI, one
   citation search whose hit the matcher must accept (title, authors, year).

A source that fails is named in ``Answers.unavailable`` for the questions it could not
answer, so `bibnorm.verify.judge.judge` says "unverifiable", never "not found". Offline,
only the snapshot index (and the dblp index) answers; the snapshot holds arXiv records only,
so its silence proves nothing and an entry it does not hold is unverifiable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from bibnorm.config import Settings
from bibnorm.identifiers import is_arxiv_doi, parse_isbn
from bibnorm.models import Notice, Origin, Query, QueryKind, Reference
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers import BibnormSession, HttpStats, SessionFactory
from bibnorm.text.names import parse_name
from bibnorm.text.titles import same_title
from bibnorm.text.venues import VenueKind, find_venue
from bibnorm.verify.judge import Answer, Answers, Claim, compare_journals, title_variant
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.kinds.standards import rfc_doi

if TYPE_CHECKING:
    from bibnorm.resolvers.openalex_works import OpenAlexWorks
    from bibnorm.resolvers.openlibrary import OpenLibraryClient
    from bibnorm.resolvers.retraction_watch import RetractionWatch
    from bibnorm.resolvers.semantic_scholar import SemanticScholarClient


@dataclass
class _Questions:
    """Answers gathered so far for one claim (mutable while the sources are asked)."""

    by_doi: list[Answer] = field(default_factory=list)
    by_arxiv_id: list[Answer] = field(default_factory=list)
    by_title: list[Answer] = field(default_factory=list)
    by_isbn: list[Answer] = field(default_factory=list)
    by_standard: list[Answer] = field(default_factory=list)
    notices: tuple[Notice, ...] = ()
    unavailable: set[str] = field(default_factory=set)
    of_paper: list[Answer] = field(default_factory=list)

    def frozen(self) -> Answers:
        return Answers(
            by_doi=tuple(self.by_doi),
            by_arxiv_id=tuple(self.by_arxiv_id),
            by_title=tuple(self.by_title),
            by_isbn=tuple(self.by_isbn),
            by_standard=tuple(self.by_standard),
            notices=self.notices,
            unavailable=tuple(sorted(self.unavailable)),
            of_paper=tuple(self.of_paper),
        )

    def settled(self, claim: Claim) -> bool:
        """True when a record already found carries the claimed title."""
        return any(
            answer.record is not None
            and (
                same_title(claim.title, answer.record.title)
                or title_variant(claim.title, answer.record.title)
            )
            for answer in (*self.by_doi, *self.by_arxiv_id, *self.by_title)
        )


class VerifySources:
    """The sources ``verify`` asks, on one shared cached session (made only when needed).

    The session comes from ``open_session`` (the CLI, the only composition root, passes
    `bibnorm.resolvers._session.build_session`), called once, at the first question a source must answer.
    """

    def __init__(
        self, settings: Settings, open_session: SessionFactory, stats: HttpStats | None = None
    ) -> None:
        self.settings = settings
        self.open_session = open_session
        self.stats = stats or HttpStats()
        self._session: BibnormSession | None = None
        names = settings.resolvers
        self.use_s2 = not settings.offline and "s2" in names
        self.use_arxiv = not settings.offline and "arxiv" in names
        self.use_crossref = not settings.offline and ("crossref" in names or "s2" in names)
        # Books are asked of Open Library whenever verify is online: no other source holds them.
        self.use_openlibrary = not settings.offline
        self.snapshot = settings.snapshot_index() if "snapshot" in names or settings.offline else None
        self.dblp_index = settings.dblp_index_path() if "dblp" in names else None
        # The OpenAlex works index, when built: asked first, online or not; opened once and kept
        # open until `close` (a corpus run verifies thousands of documents with one VerifySources).
        self.openalex_works = settings.openalex_works_path()
        self._works: OpenAlexWorks | None = None
        self.retraction_watch = settings.retraction_watch_path()
        self._retractions: RetractionWatch | None = None

    def names(self) -> tuple[str, ...]:
        """The sources this run may ask, in the order they are asked."""
        used = [
            ("s2", self.use_s2),
            ("arxiv", self.use_arxiv),
            ("crossref", self.use_crossref),
            ("openlibrary", self.use_openlibrary),
            ("snapshot", self.snapshot is not None),
            ("openalex-works", self.openalex_works is not None),
            ("retraction-watch", self.retraction_watch is not None),
        ]
        return tuple(name for name, use in used if use)

    def session(self) -> BibnormSession:
        if self._session is None:
            self._session = self.open_session(self.settings, stats=self.stats)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        if self._works is not None:
            self._works.close()
            self._works = None
        if self._retractions is not None:
            self._retractions.close()
            self._retractions = None

    def answers(self, claims: Sequence[Claim], progress: Progress = NO_PROGRESS) -> list[Answers]:
        """What the sources say about each claim, in order.

        ``progress`` hears one phase per question asked (``s2: identifiers``, ``arxiv:
        identifiers``, ``crossref: DOIs``, ``openlibrary: ISBNs``, ``openlibrary: titles``,
        ``snapshot: titles``, ``s2: titles``, ``crossref: titles``), each counted in the claims
        it concerns.
        """
        state = [_Questions() for _ in claims]
        if self.openalex_works is not None:
            self._openalex_works(claims, state, progress)
        if self.retraction_watch is not None:
            self._retraction_watch(claims, state)
        if self.use_s2:
            self._s2_identifiers(claims, state, progress)
        if self.use_arxiv:
            self._arxiv_identifiers(claims, state, progress)
        if self.use_crossref:
            self._crossref_dois(claims, state, progress)
        if self.use_openlibrary:
            self._books(claims, state, progress)
        if self.settings.offline:
            for i, claim in enumerate(claims):
                if claim.kind is not EntryKind.PAPER and _asks_online(claim):
                    state[i].unavailable.add("offline")
        # Only papers are looked up by title in the paper sources: a book, a thesis or a web
        # page is absent from them, and that absence proves nothing (normalizer/verify/kinds).
        open_titles = [
            i
            for i, claim in enumerate(claims)
            if claim.kind is EntryKind.PAPER and claim.title and not state[i].settled(claim)
        ]
        if self.snapshot is not None:
            self._snapshot(claims, state, open_titles, progress)
            open_titles = [i for i in open_titles if not state[i].settled(claims[i])]
        if self.use_s2:
            self._s2_titles(claims, state, open_titles, progress)
        if self.use_crossref:
            # Semantic Scholar could not be asked: Crossref's citation search may still find the
            # published papers (never arXiv-only ones, so its silence proves nothing).
            fallback = [
                i for i in open_titles if "s2" in state[i].unavailable and not state[i].settled(claims[i])
            ]
            self._crossref_titles(claims, state, fallback, progress)
        elif self.snapshot is None or self.settings.offline:
            for i in open_titles:
                state[i].unavailable.add("offline" if self.settings.offline else "no title source")
        for i, claim in enumerate(claims):
            if claim.kind is not EntryKind.PAPER:
                continue
            if self.snapshot is not None and not self.use_s2 and not state[i].settled(claim):
                # The snapshot holds arXiv only: its silence says nothing about other papers.
                state[i].unavailable.add("snapshot (arXiv only)")
        if self.dblp_index is not None:
            self._dblp_publications(state)
        if self.use_crossref:
            self._crossref_journals(claims, state)
        return [questions.frozen() for questions in state]

    def notices(self, claims: Sequence[Claim], progress: Progress = NO_PROGRESS) -> list[tuple[Notice, ...]]:
        """Only the notices of each claim's DOI (for entries a lock answers): Crossref, batched
        (a ``crossref: notices`` phase); nothing offline or when Crossref cannot be asked."""
        found: list[tuple[Notice, ...]] = [() for _ in claims]
        if not self.use_crossref or not any(claim.doi for claim in claims):
            return found
        from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, doi_batches, work_notices

        asking: dict[str, list[int]] = {}
        for i, claim in enumerate(claims):
            if claim.doi:
                asking.setdefault(claim.doi.casefold(), []).append(i)
        client = CrossrefClient(self.session(), self.settings)
        progress.start("crossref: notices", len(asking), "DOIs")
        for batch in doi_batches(asking):
            for doi, work in client.answers(batch).items():
                progress.advance()
                if work is None or isinstance(work, CrossrefError):
                    continue
                for i in asking[doi]:
                    found[i] = work_notices(work)
        progress.finish()
        return found

    # --- published versions ------------------------------------------------------------

    def _dblp_publications(self, state: list[_Questions]) -> None:
        """Offer, before each record a source found, the record with dblp's publication of the
        paper merged in (the venue's authority, as ``resolve`` merges it); the source's own
        answer stays after it (arXiv's versions are still checked)."""
        from bibnorm.resolvers.dblp import published_from_index
        from bibnorm.resolvers.dblp_index import DblpIndex

        assert self.dblp_index is not None
        groups = [
            answers
            for questions in state
            for answers in (questions.by_doi, questions.by_arxiv_id, questions.by_title)
        ]
        found = {
            (g, position): answer.record
            for g, answers in enumerate(groups)
            for position, answer in enumerate(answers)
            if answer.record is not None and answer.source != "dblp"
        }
        with DblpIndex(self.dblp_index) as index:
            upgraded = published_from_index(index, found, self.settings)
        for g, position in sorted(upgraded, reverse=True):  # inserting from the end keeps positions
            groups[g].insert(position, Answer(source="dblp", record=upgraded[g, position]))

    # --- identifiers ---------------------------------------------------------------

    def _s2_identifiers(self, claims: Sequence[Claim], state: list[_Questions], progress: Progress) -> None:
        from bibnorm.resolvers.semantic_scholar import BATCH_SIZE, S2Error, SemanticScholarClient

        wanted: dict[str, list[tuple[int, str]]] = {}
        for i, claim in enumerate(claims):
            if claim.doi:
                wanted.setdefault(f"DOI:{claim.doi}", []).append((i, "doi"))
            if claim.arxiv_id:
                wanted.setdefault(f"ARXIV:{claim.arxiv_id}", []).append((i, "arxiv"))
        if not wanted:
            return
        client = SemanticScholarClient(self.session(), self.settings)
        ids = sorted(wanted)
        progress.start("s2: identifiers", len(ids), "ids")
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            try:
                records = client.batch(chunk)
            except S2Error:
                for identifier in chunk:
                    for i, _ in wanted[identifier]:
                        state[i].unavailable.add("s2")
                continue
            finally:
                progress.advance(len(chunk))
            for identifier, record in zip(chunk, records, strict=True):
                for i, kind in wanted[identifier]:
                    target = state[i].by_doi if kind == "doi" else state[i].by_arxiv_id
                    target.append(Answer(source="s2", record=record))
        progress.finish()

    def _arxiv_identifiers(
        self, claims: Sequence[Claim], state: list[_Questions], progress: Progress
    ) -> None:
        from bibnorm.resolvers.arxiv import ArxivResolver

        queries = [
            Query(
                index=i,
                origin=Origin(path=claim.path, line=claim.line),
                kind=QueryKind.ARXIV_ID,
                arxiv_id=claim.arxiv_id,
            )
            for i, claim in enumerate(claims)
            if claim.arxiv_id
        ]
        if not queries:
            return
        progress.start("arxiv: identifiers", len(queries), "ids")
        answers = ArxivResolver(self.settings, self.session()).lookup_ids(queries, progress)
        progress.finish()
        for query in queries:
            lookup = answers.get(query.index)
            if lookup is None or lookup.failed or any(p.code == "arxiv.unavailable" for p in lookup.problems):
                state[query.index].unavailable.add("arxiv")
                continue
            record = lookup.candidates[0].reference if lookup.candidates else None
            state[query.index].by_arxiv_id.append(Answer(source="arxiv", record=record))

    def _crossref_dois(self, claims: Sequence[Claim], state: list[_Questions], progress: Progress) -> None:
        """Crossref for every publisher DOI, in batches: the record of a DOI Semantic Scholar did
        not know (or could not be asked about), and for each DOI the notices Crossref holds
        (retractions, corrections); an RFC's number is asked as its DOI in the same batches."""
        from bibnorm.resolvers.crossref import (
            CrossrefClient,
            CrossrefError,
            doi_batches,
            work_notices,
            work_to_any_reference,
        )

        asking: dict[str, list[int]] = {}
        standards: dict[str, list[int]] = {}
        for i, claim in enumerate(claims):
            if claim.doi:
                asking.setdefault(claim.doi.casefold(), []).append(i)
            if claim.rfc is not None:
                standards.setdefault(rfc_doi(claim.rfc).casefold(), []).append(i)
        if not asking and not standards:
            return
        client = CrossrefClient(self.session(), self.settings)
        dois = asking.keys() | standards.keys()
        progress.start("crossref: DOIs", len(dois), "DOIs")
        for batch in doi_batches(dois):
            # A batch answer's silence about a DOI means Crossref does not hold it, like a 404.
            for doi, work in client.answers(batch).items():
                progress.advance()
                if isinstance(work, CrossrefError):
                    for i in asking.get(doi, []) + standards.get(doi, []):
                        if i in asking.get(doi, []) and any(a.record is not None for a in state[i].by_doi):
                            continue  # Semantic Scholar answered the DOI; only its notices are unknown
                        state[i].unavailable.add("crossref")
                    continue
                record = work_to_any_reference(work) if work is not None else None
                notices = work_notices(work) if work is not None else ()
                for i in asking.get(doi, []):
                    state[i].notices = notices
                    if any(answer.record is not None for answer in state[i].by_doi):
                        continue  # Semantic Scholar's record stands; Crossref was asked for notices
                    state[i].by_doi.append(Answer(source="crossref", record=record))
                    if not claims[i].arxiv_id:
                        state[i].unavailable.discard("s2")  # Crossref answered the DOI question S2 could not
                for i in standards.get(doi, []):
                    state[i].by_standard.append(Answer(source="crossref", record=record))
        progress.finish()

    def _books(self, claims: Sequence[Claim], state: list[_Questions], progress: Progress) -> None:
        """Open Library for every book: its ISBN (many to a request), else (or when Open Library
        lacks the ISBN) its title with its first author."""
        from bibnorm.resolvers.openlibrary import OpenLibraryClient

        books = [i for i, claim in enumerate(claims) if claim.kind is EntryKind.BOOK]
        if not books:
            return
        client = OpenLibraryClient(self.session(), self.settings)
        self._books_by_isbn(client, claims, state, books, progress)
        titles = [
            i
            for i in books
            if claims[i].title
            and not any(answer.record is not None for answer in state[i].by_isbn)
            and "openlibrary" not in state[i].unavailable
        ]
        self._books_by_title(client, claims, state, titles, progress)

    def _books_by_isbn(
        self,
        client: OpenLibraryClient,
        claims: Sequence[Claim],
        state: list[_Questions],
        books: Sequence[int],
        progress: Progress,
    ) -> None:
        from bibnorm.resolvers.openlibrary import ISBN_BATCH, OpenLibraryError

        by_isbn: dict[str, list[int]] = {}
        for i in books:
            isbn = parse_isbn(claims[i].isbn or "")
            if isbn:
                by_isbn.setdefault(isbn, []).append(i)
        if not by_isbn:
            return
        isbns = sorted(by_isbn)
        progress.start("openlibrary: ISBNs", len(isbns), "ISBNs")
        for start in range(0, len(isbns), ISBN_BATCH):
            chunk = isbns[start : start + ISBN_BATCH]
            try:
                found = client.books(chunk)
            except OpenLibraryError:
                for isbn in chunk:
                    for i in by_isbn[isbn]:
                        state[i].unavailable.add("openlibrary")
                continue
            finally:
                progress.advance(len(chunk))
            for isbn in chunk:
                book = found.get(isbn)
                for i in by_isbn[isbn]:
                    state[i].by_isbn.append(
                        Answer(
                            source="openlibrary",
                            record=book.reference if book else None,
                            years=book.years if book else (),
                        )
                    )
        progress.finish()

    def _books_by_title(
        self,
        client: OpenLibraryClient,
        claims: Sequence[Claim],
        state: list[_Questions],
        books: Sequence[int],
        progress: Progress,
    ) -> None:
        from bibnorm.resolvers.openlibrary import OpenLibraryError

        if not books:
            return
        progress.start("openlibrary: titles", len(books), "titles")
        for i in books:
            claim = claims[i]
            author = family_name(claim.authors[0]) if claim.authors else None
            try:
                hits = client.search(claim.title, author)
            except OpenLibraryError:
                state[i].unavailable.add("openlibrary")
                continue
            finally:
                progress.advance()
            state[i].by_title.extend(
                Answer(source="openlibrary", record=h.reference, years=h.years) for h in hits
            )
        progress.finish()

    # --- journals --------------------------------------------------------------------

    def _crossref_journals(self, claims: Sequence[Claim], state: list[_Questions]) -> None:
        """Crossref's record of the paper for journal citations its other records left open:
        by DOI, 20 to a request, or one citation search for a paper with neither venue nor DOI
        (a hit only when the matcher accepts it: title, authors, year)."""
        from bibnorm.resolvers.crossref import (
            CrossrefClient,
            CrossrefError,
            accepted_hit,
            citation,
            doi_batches,
            work_to_any_reference,
        )

        asking: dict[str, list[int]] = {}
        searching: list[tuple[int, Reference]] = []
        for i, claim in enumerate(claims):
            question = journal_question(claim, state[i])
            if question is not None and question.doi:
                asking.setdefault(question.doi.casefold(), []).append(i)
            elif question is not None and question.search is not None:
                searching.append((i, question.search))
        if not asking and not searching:
            return
        client = CrossrefClient(self.session(), self.settings)
        for batch in doi_batches(asking):
            for doi, work in client.answers(batch).items():
                if isinstance(work, CrossrefError) or work is None:
                    continue  # the matched record stays the only one compared
                record = work_to_any_reference(work)
                for i in asking[doi]:
                    state[i].of_paper.append(Answer(source="crossref", record=record))
        for i, paper in searching:
            try:
                hit = accepted_hit(paper, client.search(citation(paper)), self.settings.thresholds)
            except CrossrefError:
                continue
            if hit is not None:
                state[i].of_paper.append(Answer(source="crossref", record=hit))

    # --- titles ----------------------------------------------------------------------

    def _openalex_works(self, claims: Sequence[Claim], state: list[_Questions], progress: Progress) -> None:
        """The local OpenAlex works index: each paper's DOI (its record and whether OpenAlex
        records it retracted), then the title of each paper its DOI did not settle."""
        from bibnorm.resolvers.openalex_works import OpenAlexWorks, record_notices, record_reference

        assert self.openalex_works is not None
        if self._works is None:
            self._works = OpenAlexWorks(self.openalex_works)
        papers = [i for i, claim in enumerate(claims) if claim.kind is EntryKind.PAPER]
        progress.start("openalex-works: DOIs and titles", len(papers), "claims")
        for i in papers:
            claim = claims[i]
            for record in self._works.by_doi(claim.doi) if claim.doi else ():
                state[i].by_doi.append(Answer(source="openalex-works", record=record_reference(record)))
                state[i].notices += record_notices(record)
            if claim.title and not state[i].settled(claim):
                for record in self._works.by_title(claim.title):
                    state[i].by_title.append(Answer(source="openalex-works", record=record_reference(record)))
            progress.advance()
        progress.finish()

    def _retraction_watch(self, claims: Sequence[Claim], state: list[_Questions]) -> None:
        """The notices Retraction Watch records for each claimed DOI (Crossref's, asked online
        later, carry the same data and replace them)."""
        from bibnorm.resolvers.retraction_watch import RetractionWatch

        assert self.retraction_watch is not None
        if self._retractions is None:
            self._retractions = RetractionWatch(self.retraction_watch)
        for i, claim in enumerate(claims):
            if claim.doi:
                state[i].notices += self._retractions.notices(claim.doi)

    def _snapshot(
        self, claims: Sequence[Claim], state: list[_Questions], indexes: Sequence[int], progress: Progress
    ) -> None:
        from bibnorm.resolvers.snapshot import SnapshotResolver

        assert self.snapshot is not None
        queries = [self._title_query(i, claims[i]) for i in indexes]
        progress.start("snapshot: titles", len(queries), "titles")
        with SnapshotResolver(self.snapshot) as snapshot:
            id_queries = [
                Query(
                    index=i,
                    origin=Origin(path=c.path, line=c.line),
                    kind=QueryKind.ARXIV_ID,
                    arxiv_id=c.arxiv_id,
                )
                for i, c in enumerate(claims)
                if c.arxiv_id and not state[i].by_arxiv_id
            ]
            for query in id_queries:
                lookup = snapshot.lookup([query])[query.index]
                if lookup.candidates:
                    state[query.index].by_arxiv_id.append(
                        Answer(source="snapshot", record=lookup.candidates[0].reference)
                    )
            found = snapshot.lookup(queries, progress)
        for query in queries:
            for candidate in found[query.index].candidates:
                state[query.index].by_title.append(Answer(source="snapshot", record=candidate.reference))
        progress.finish()

    def _crossref_titles(
        self, claims: Sequence[Claim], state: list[_Questions], indexes: Sequence[int], progress: Progress
    ) -> None:
        from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, work_to_any_reference

        if not indexes:
            return
        client = CrossrefClient(self.session(), self.settings)
        progress.start("crossref: titles", len(indexes), "titles")
        for i in indexes:
            claim = claims[i]
            citation = " ".join([claim.title, *claim.authors[:3], str(claim.year or "")]).strip()
            try:
                works = client.search(citation)
            except CrossrefError:
                continue
            finally:
                progress.advance()
            records = [work_to_any_reference(work) for work in works]
            state[i].by_title.extend(Answer(source="crossref", record=record) for record in records)
            if state[i].settled(claim):
                state[i].unavailable.discard("s2")
        progress.finish()

    def _s2_titles(
        self,
        claims: Sequence[Claim],
        state: list[_Questions],
        indexes: Sequence[int],
        progress: Progress,
    ) -> None:
        from bibnorm.resolvers.semantic_scholar import S2Error, SemanticScholarClient

        if not indexes:
            return
        client = SemanticScholarClient(self.session(), self.settings)
        progress.start("s2: titles", len(indexes), "titles")
        unsettled = self._s2_bulk_titles(client, claims, state, indexes)
        progress.advance(len(indexes) - len(unsettled))
        for i in unsettled:
            record: Reference | None
            try:
                record = client.match_title(claims[i].title)
            except S2Error:
                state[i].unavailable.add("s2")
                continue
            finally:
                progress.advance()
            state[i].by_title.append(Answer(source="s2", record=record))
        progress.finish()

    def _s2_bulk_titles(
        self,
        client: SemanticScholarClient,
        claims: Sequence[Claim],
        state: list[_Questions],
        indexes: Sequence[int],
    ) -> list[int]:
        """Settle titles many at a time with ``/paper/search/bulk`` (quoted titles OR-ed);
        returns the claims still to ask one by one.

        A claim is settled here only by the papers whose own title is the claimed one (or
        a harmless variant of it) in a complete answer — all of them, as two papers can
        share a title; anything less — no such paper, a truncated page, a refused or failed
        request — leaves the claim to ``/paper/search/match``, exactly as if this pass had
        not run. So a near-miss or invented title is never settled by it.
        """
        found, unsettled = client.search_titles_in_bulk({i: claims[i].title for i in indexes}, _titled_papers)
        for i, records in found.items():
            state[i].by_title.extend(Answer(source="s2", record=record) for record in records)
        return unsettled

    @staticmethod
    def _title_query(index: int, claim: Claim) -> Query:
        return Query(
            index=index,
            origin=Origin(path=claim.path, line=claim.line),
            kind=QueryKind.TITLE,
            title=claim.title,
            author_names=claim.authors,
            year=claim.year,
        )


class JournalQuestion(NamedTuple):
    """What Crossref is asked for a journal citation: the record of a DOI, or a citation search."""

    doi: str | None = None
    search: Reference | None = None  # the paper's record to search by (title, authors, year)


def journal_question(claim: Claim, questions: _Questions) -> JournalQuestion | None:
    """What a journal citation still needs from Crossref, else ``None``.

    Asked when the claim names a venue that is no conference of the venue table and no
    preprint server, and no record found with its title confirms the cited journal
    (`compare_journals`): the record of the publisher DOI a record carries, or — when the
    records name no venue and carry no DOI — one citation search for the paper.
    """
    venue = claim.venue
    if not venue or claim.entry_type == "misc":
        return None
    table = find_venue(venue)
    if table is not None and table.kind is not VenueKind.JOURNAL:
        return None
    records = [
        answer
        for answer in (*questions.by_doi, *questions.by_arxiv_id, *questions.by_title)
        if answer.record is not None and title_variant_or_same(claim.title, answer.record.title)
    ]
    if not records or any(answer.source == "crossref" for answer in records):
        return None  # nothing to complete, or Crossref's own record is already among them
    for answer in records:
        record = answer.record
        assert record is not None
        published = bool(record.venue) and record.entry_type in ("article", "inproceedings")
        if published and compare_journals(claim, record, answer.source).agree:
            return None
    for answer in records:
        assert answer.record is not None
        doi = answer.record.ids.doi
        if doi and not is_arxiv_doi(doi):
            return JournalQuestion(doi=doi)
    if all(answer.record is not None and not answer.record.venue for answer in records):
        return JournalQuestion(search=records[0].record)
    return None


def title_variant_or_same(claimed: str, record: str) -> bool:
    return same_title(claimed, record) or title_variant(claimed, record) is not None


def _titled_papers(title: str, records: Sequence[Reference]) -> list[Reference]:
    """The records titled ``title`` (else those carrying a harmless variant of it): all of
    them, since two papers can share a title and the judge picks the one the claim cites."""
    for fits in (same_title, title_variant):
        hits = [record for record in records if fits(title, record.title)]
        if hits:
            return hits
    return []


def family_name(name: str) -> str:
    """A written name's family name ("Ian Goodfellow", "Goodfellow, Ian" → "Goodfellow"), for searches."""
    person = parse_name(name)
    return person.literal or " ".join(p for p in (person.particle, person.family) if p) or name


def _asks_online(claim: Claim) -> bool:
    """Whether a claim that is no paper has a question only an online source answers."""
    return bool(claim.doi or claim.arxiv_id or claim.rfc is not None or claim.kind is EntryKind.BOOK)
