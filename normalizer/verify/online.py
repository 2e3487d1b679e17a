"""The questions ``verify`` puts to the online sources, each batched the way its API allows.

Semantic Scholar (identifiers 500 to a request, titles in bulk then one by one), arXiv
(``id_list``), Crossref (DOIs and their notices 20 to a request, citation searches, the
journal of a paper) and Open Library (ISBNs 40 to a request, then titles). Each function asks
one source one question for the claims that need it, on the run's session (`SourceSession`),
through the one batch loop (`bibnorm.resolve.batches`), and adds what it hears to each claim's
`Gathered`; a source that cannot answer is named in the claim's ``unavailable``. Which claims
need which question, and when, is `bibnorm.verify.sources`'s to decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from bibnorm.config import Settings
from bibnorm.identifiers import parse_isbn
from bibnorm.models import Notice, Reference
from bibnorm.resolve.batches import ask_each, ask_in_batches, phase
from bibnorm.resolve.progress import Progress
from bibnorm.sources.session import SourceSession
from bibnorm.verify.judge import Answer, Claim
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.kinds.standards import rfc_doi
from bibnorm.verify.questions import (
    Gathered,
    arxiv_id_query,
    by_doi,
    family_name,
    journal_question,
    titled_papers,
)

if TYPE_CHECKING:
    from bibnorm.resolvers.crossref import CrossrefClient
    from bibnorm.resolvers.openlibrary import OpenLibraryClient
    from bibnorm.resolvers.semantic_scholar import SemanticScholarClient


class Asking(NamedTuple):
    """One round of questions: the run's session, the claims, what each has gathered so far (in
    the claims' order), and the progress the questions report to."""

    session: SourceSession
    claims: Sequence[Claim]
    state: list[Gathered]
    progress: Progress


# --- identifiers -------------------------------------------------------------------


def s2_identifiers(asking: Asking) -> None:
    """Semantic Scholar's ``/paper/batch`` for every claimed DOI and arXiv id."""
    from bibnorm.resolvers.semantic_scholar import BATCH_SIZE, S2Error, SemanticScholarClient

    session, claims, state, progress = asking
    wanted: dict[str, list[tuple[int, str]]] = {}
    for i, claim in enumerate(claims):
        if claim.doi:
            wanted.setdefault(f"DOI:{claim.doi}", []).append((i, "doi"))
        if claim.arxiv_id:
            wanted.setdefault(f"ARXIV:{claim.arxiv_id}", []).append((i, "arxiv"))
    if not wanted:
        return
    client = SemanticScholarClient(session(), session.settings)

    def lost(identifiers: Sequence[str]) -> None:
        for identifier in identifiers:
            for i, _ in wanted[identifier]:
                state[i].unavailable.add("s2")

    ids = sorted(wanted)
    with phase(progress, "s2: identifiers", len(ids), "ids"):
        for chunk, records in ask_in_batches(ids, BATCH_SIZE, client.batch, S2Error, progress, lost):
            for identifier, record in zip(chunk, records, strict=True):
                for i, kind in wanted[identifier]:
                    target = state[i].by_doi if kind == "doi" else state[i].by_arxiv_id
                    target.append(Answer(source="s2", record=record))


def arxiv_identifiers(asking: Asking) -> None:
    """arXiv's ``id_list`` for every claimed arXiv id: its versions and its withdrawal."""
    from bibnorm.resolvers.arxiv import ArxivResolver

    session, claims, state, progress = asking
    queries = [arxiv_id_query(i, claim) for i, claim in enumerate(claims) if claim.arxiv_id]
    if not queries:
        return
    with phase(progress, "arxiv: identifiers", len(queries), "ids"):
        answers = ArxivResolver(session.settings, session()).lookup_ids(queries, progress)
    for query in queries:
        lookup = answers.get(query.index)
        if lookup is None or lookup.failed or any(p.code == "arxiv.unavailable" for p in lookup.problems):
            state[query.index].unavailable.add("arxiv")
            continue
        record = lookup.candidates[0].reference if lookup.candidates else None
        state[query.index].by_arxiv_id.append(Answer(source="arxiv", record=record))


def crossref_works(client: CrossrefClient, dois: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """Crossref's answer for each of ``dois``, 20 to a request (`CrossrefClient.answers`): its
    work, ``None`` when Crossref does not hold it (a batch's silence means that, like a 404), or
    the `CrossrefError` that kept it unanswered."""
    from bibnorm.resolvers.crossref import doi_batches

    for batch in doi_batches(dois):
        yield from client.answers(batch).items()


def crossref_dois(asking: Asking) -> None:
    """Crossref for every publisher DOI, in batches: the record of a DOI Semantic Scholar did
    not know (or could not be asked about), and for each DOI the notices Crossref holds
    (retractions, corrections); an RFC's number is asked as its DOI in the same batches."""
    from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, work_notices, work_to_any_reference

    session, claims, state, progress = asking
    citing_doi = by_doi(claims)
    standards: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.rfc is not None:
            standards.setdefault(rfc_doi(claim.rfc).casefold(), []).append(i)
    if not citing_doi and not standards:
        return
    client = CrossrefClient(session(), session.settings)
    dois = citing_doi.keys() | standards.keys()
    with phase(progress, "crossref: DOIs", len(dois), "DOIs"):
        for doi, work in crossref_works(client, dois):
            progress.advance()
            citing, citing_the_rfc = citing_doi.get(doi, []), standards.get(doi, [])
            if isinstance(work, CrossrefError):
                _crossref_lost(citing, citing_the_rfc, state)
                continue
            record = work_to_any_reference(work) if work is not None else None
            _crossref_answered(citing, record, work_notices(work) if work is not None else (), claims, state)
            for i in citing_the_rfc:
                state[i].by_standard.append(Answer(source="crossref", record=record))


def _crossref_lost(citing: Sequence[int], citing_the_rfc: Sequence[int], state: list[Gathered]) -> None:
    """Crossref could not answer a DOI: unavailable for the claims it left without a record."""
    for i in [*citing, *citing_the_rfc]:
        if i in citing and state[i].has_doi_record():
            continue  # Semantic Scholar answered the DOI; only its notices are unknown
        state[i].unavailable.add("crossref")


def _crossref_answered(
    citing: Sequence[int],
    record: Reference | None,
    notices: tuple[Notice, ...],
    claims: Sequence[Claim],
    state: list[Gathered],
) -> None:
    """Crossref's answer to a DOI: its notices for every claim citing it, and its record where
    Semantic Scholar gave none."""
    for i in citing:
        state[i].notices = notices
        if state[i].has_doi_record():
            continue  # Semantic Scholar's record stands; Crossref was asked for notices
        state[i].by_doi.append(Answer(source="crossref", record=record))
        if not claims[i].arxiv_id:
            state[i].unavailable.discard("s2")  # Crossref answered the DOI question S2 could not


def crossref_notices(
    session: SourceSession, claims: Sequence[Claim], progress: Progress
) -> list[tuple[Notice, ...]]:
    """Only the notices Crossref holds for each claim's DOI, batched (a ``crossref: notices``
    phase)."""
    from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, work_notices

    found: list[tuple[Notice, ...]] = [() for _ in claims]
    citing_doi = by_doi(claims)
    client = CrossrefClient(session(), session.settings)
    with phase(progress, "crossref: notices", len(citing_doi), "DOIs"):
        for doi, work in crossref_works(client, citing_doi):
            progress.advance()
            if work is None or isinstance(work, CrossrefError):
                continue
            for i in citing_doi[doi]:
                found[i] = work_notices(work)
    return found


# --- books -------------------------------------------------------------------------


def books(asking: Asking) -> None:
    """Open Library for every book: its ISBN (many to a request), else (or when Open Library
    lacks the ISBN) its title with its first author."""
    from bibnorm.resolvers.openlibrary import OpenLibraryClient

    session, claims, state, progress = asking
    asked = [i for i, claim in enumerate(claims) if claim.kind is EntryKind.BOOK]
    if not asked:
        return
    library = _Library(OpenLibraryClient(session(), session.settings), claims, state, progress)
    library.by_isbn(asked)
    library.by_title(
        [
            i
            for i in asked
            if claims[i].title
            and not any(answer.record is not None for answer in state[i].by_isbn)
            and "openlibrary" not in state[i].unavailable
        ]
    )


@dataclass(frozen=True)
class _Library:
    """Open Library, asked about the books among ``claims``."""

    client: OpenLibraryClient
    claims: Sequence[Claim]
    state: list[Gathered]
    progress: Progress

    def lost(self, i: int) -> None:
        self.state[i].unavailable.add("openlibrary")

    def by_isbn(self, asked: Sequence[int]) -> None:
        from bibnorm.resolvers.openlibrary import ISBN_BATCH, OpenLibraryError

        citing: dict[str, list[int]] = {}
        for i in asked:
            isbn = parse_isbn(self.claims[i].isbn or "")
            if isbn:
                citing.setdefault(isbn, []).append(i)
        if not citing:
            return

        def lost(isbns: Sequence[str]) -> None:
            for isbn in isbns:
                for i in citing[isbn]:
                    self.lost(i)

        isbns, ask = sorted(citing), self.client.books
        with phase(self.progress, "openlibrary: ISBNs", len(isbns), "ISBNs"):
            for chunk, found in ask_in_batches(isbns, ISBN_BATCH, ask, OpenLibraryError, self.progress, lost):
                for isbn in chunk:
                    book = found.get(isbn)
                    record, years = (book.reference, book.years) if book else (None, ())
                    for i in citing[isbn]:
                        self.state[i].by_isbn.append(Answer(source="openlibrary", record=record, years=years))

    def by_title(self, asked: Sequence[int]) -> None:
        from bibnorm.resolvers.openlibrary import OpenLibraryError

        if not asked:
            return

        def search(i: int) -> Any:
            claim = self.claims[i]
            return self.client.search(claim.title, family_name(claim.authors[0]) if claim.authors else None)

        with phase(self.progress, "openlibrary: titles", len(asked), "titles"):
            for i, hits in ask_each(asked, search, OpenLibraryError, self.progress, self.lost):
                self.state[i].by_title.extend(
                    Answer(source="openlibrary", record=h.reference, years=h.years) for h in hits
                )


# --- titles ------------------------------------------------------------------------


def s2_titles(asking: Asking, asked: Sequence[int]) -> None:
    """Semantic Scholar for the titles its identifiers left open: many at a time in bulk, then
    ``/paper/search/match`` one at a time for the rest."""
    from bibnorm.resolvers.semantic_scholar import S2Error, SemanticScholarClient

    session, claims, state, progress = asking
    if not asked:
        return
    client = SemanticScholarClient(session(), session.settings)

    def lost(i: int) -> None:
        state[i].unavailable.add("s2")

    with phase(progress, "s2: titles", len(asked), "titles"):
        unsettled = _s2_bulk_titles(client, claims, state, asked)
        progress.advance(len(asked) - len(unsettled))
        match = client.match_title
        for i, record in ask_each(unsettled, lambda i: match(claims[i].title), S2Error, progress, lost):
            state[i].by_title.append(Answer(source="s2", record=record))


def _s2_bulk_titles(
    client: SemanticScholarClient,
    claims: Sequence[Claim],
    state: list[Gathered],
    asked: Sequence[int],
) -> list[int]:
    """Settle titles many at a time with ``/paper/search/bulk`` (quoted titles OR-ed);
    returns the claims still to ask one by one.

    A claim is settled here only by the papers whose own title is the claimed one (or
    a harmless variant of it) in a complete answer — all of them, as two papers can
    share a title; anything less — no such paper, a truncated page, a refused or failed
    request — leaves the claim to ``/paper/search/match``, exactly as if this pass had
    not run. So a near-miss or invented title is never settled by it.
    """
    found, unsettled = client.search_titles_in_bulk({i: claims[i].title for i in asked}, titled_papers)
    for i, records in found.items():
        state[i].by_title.extend(Answer(source="s2", record=record) for record in records)
    return unsettled


def crossref_titles(asking: Asking, asked: Sequence[int]) -> None:
    """Crossref's citation search for titles Semantic Scholar could not be asked about: it may
    still find the published papers (never arXiv-only ones, so its silence proves nothing)."""
    from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, work_to_any_reference

    session, claims, state, progress = asking
    if not asked:
        return
    client = CrossrefClient(session(), session.settings)

    def search(i: int) -> Any:
        claim = claims[i]
        return client.search(" ".join([claim.title, *claim.authors[:3], str(claim.year or "")]).strip())

    with phase(progress, "crossref: titles", len(asked), "titles"):
        for i, works in ask_each(asked, search, CrossrefError, progress):
            records = [work_to_any_reference(work) for work in works]
            state[i].by_title.extend(Answer(source="crossref", record=record) for record in records)
            if state[i].settled(claims[i]):
                state[i].unavailable.discard("s2")


# --- journals ----------------------------------------------------------------------


def crossref_journals(asking: Asking) -> None:
    """Crossref's record of the paper for journal citations its other records left open:
    by DOI, 20 to a request, or one citation search for a paper with neither venue nor DOI
    (a hit only when the matcher accepts it: title, authors, year)."""
    from bibnorm.resolvers.crossref import CrossrefClient, CrossrefError, work_to_any_reference

    session, claims, state, _ = asking
    fetching: dict[str, list[int]] = {}
    searching: dict[int, Reference] = {}
    for i, claim in enumerate(claims):
        question = journal_question(claim, state[i])
        if question is not None and question.doi:
            fetching.setdefault(question.doi.casefold(), []).append(i)
        elif question is not None and question.search is not None:
            searching[i] = question.search
    if not fetching and not searching:
        return
    client = CrossrefClient(session(), session.settings)
    for doi, work in crossref_works(client, fetching):
        if isinstance(work, CrossrefError) or work is None:
            continue  # the matched record stays the only one compared
        record = work_to_any_reference(work)
        for i in fetching[doi]:
            state[i].of_paper.append(Answer(source="crossref", record=record))
    for i, hit in _accepted_hits(client, searching, session.settings):
        state[i].of_paper.append(Answer(source="crossref", record=hit))


def _accepted_hits(
    client: CrossrefClient, searching: Mapping[int, Reference], settings: Settings
) -> Iterator[tuple[int, Reference]]:
    """One citation search per paper, in order; the hit the matcher accepts, where one is."""
    from bibnorm.resolvers.crossref import CrossrefError, accepted_hit, citation

    for i, paper in searching.items():
        try:
            hit = accepted_hit(paper, client.search(citation(paper)), settings.thresholds)
        except CrossrefError:
            continue
        if hit is not None:
            yield i, hit
