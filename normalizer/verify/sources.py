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

The local indexes built from dumps are asked before all of these (the OpenAlex works index by
DOI then title, Retraction Watch by DOI), and a claim they settle — a paper whose title, DOI,
notices and arXiv id they all answered (`indexes.settled_by_indexes`) — is asked about online
no more: the online phases get only the claims no index settled.

The questions themselves are asked by `bibnorm.verify.online` (the online sources) and
`bibnorm.verify.indexes` (the local indexes), on the run's one session (`SourceSession`);
what each claim has gathered, and what it still needs, is `bibnorm.verify.questions`.

A source that fails is named in ``Answers.unavailable`` for the questions it could not
answer, so `bibnorm.verify.judge.judge` says "unverifiable", never "not found". Offline,
only the snapshot index (and the dblp index) answers; the snapshot holds arXiv records only,
so its silence proves nothing and an entry it does not hold is unverifiable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bibnorm.config import Settings
from bibnorm.models import Notice
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.sources.session import Closing, HttpStats, SessionFactory, SourceSession
from bibnorm.verify import indexes, online
from bibnorm.verify.judge import Answers, Claim
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.questions import Gathered, asks_online

if TYPE_CHECKING:
    from bibnorm.resolvers.openalex_works import OpenAlexWorks
    from bibnorm.resolvers.retraction_watch import RetractionWatch


class VerifySources(Closing):
    """The sources ``verify`` asks, on one shared cached session (made only when needed).

    The session comes from ``open_session`` (the composition root passes
    `bibnorm.sources.build_session`), called once, at the first question a source must answer.
    A context manager: the block that opens it closes the session and the local indexes it kept
    open.
    """

    def __init__(
        self, settings: Settings, open_session: SessionFactory, stats: HttpStats | None = None
    ) -> None:
        self.settings = settings
        self._session = SourceSession(settings, open_session, stats)
        self.stats = self._session.stats
        names = settings.resolvers
        self.use_s2 = not settings.offline and "s2" in names
        self.use_arxiv = not settings.offline and "arxiv" in names
        self.use_crossref = not settings.offline and ("crossref" in names or "s2" in names)
        # Books are asked of Open Library whenever verify is online: no other source holds them.
        self.use_openlibrary = not settings.offline
        self.snapshot = settings.snapshot_index() if "snapshot" in names or settings.offline else None
        self.dblp_index = settings.index_file("dblp_index") if "dblp" in names else None
        # The OpenAlex works index, when built: asked first, online or not; opened once and kept
        # open until `close` (a corpus run verifies thousands of documents with one VerifySources).
        self.openalex_works = settings.index_file("openalex_works")
        self._works: OpenAlexWorks | None = None
        self.retraction_watch = settings.index_file("retraction_watch")
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

    def close(self) -> None:
        """Close the session, if it was opened, and the local indexes kept open."""
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
        state = [Gathered() for _ in claims]
        self._ask_local_indexes(online.Asking(self._session, claims, state, progress))
        # The online phases ask only about the claims no local index settled.
        settled = indexes.settled_by_indexes(claims, state, notices_indexed=self.retraction_watch is not None)
        rest = [i for i in range(len(claims)) if i not in settled]
        asking = online.Asking(self._session, [claims[i] for i in rest], [state[i] for i in rest], progress)
        self._ask_identifiers(asking)
        self._ask_titles(asking)
        if self.dblp_index is not None:
            indexes.dblp_publications(self.dblp_index, state, self.settings)
        if self.use_crossref:
            online.crossref_journals(asking)
        return [gathered.frozen() for gathered in state]

    def notices(self, claims: Sequence[Claim], progress: Progress = NO_PROGRESS) -> list[tuple[Notice, ...]]:
        """Only the notices of each claim's DOI (for entries a lock answers): Crossref, batched
        (a ``crossref: notices`` phase); nothing offline or when Crossref cannot be asked."""
        if not self.use_crossref or not any(claim.doi for claim in claims):
            return [() for _ in claims]
        return online.crossref_notices(self._session, claims, progress)

    def _ask_local_indexes(self, asking: online.Asking) -> None:
        """The OpenAlex works index and Retraction Watch, when built: asked first, kept open."""
        _, claims, state, progress = asking
        if self.openalex_works is not None:
            from bibnorm.resolvers.openalex_works import OpenAlexWorks

            if self._works is None:
                self._works = OpenAlexWorks(self.openalex_works)
            indexes.openalex_works(self._works, claims, state, progress)
        if self.retraction_watch is not None:
            from bibnorm.resolvers.retraction_watch import RetractionWatch

            if self._retractions is None:
                self._retractions = RetractionWatch(self.retraction_watch)
            indexes.retraction_watch(self._retractions, claims, state)

    def _ask_identifiers(self, asking: online.Asking) -> None:
        """Every DOI, arXiv id, RFC number and ISBN, of the sources that hold them."""
        if self.use_s2:
            online.s2_identifiers(asking)
        if self.use_arxiv:
            online.arxiv_identifiers(asking)
        if self.use_crossref:
            online.crossref_dois(asking)
        if self.use_openlibrary:
            online.books(asking)
        if self.settings.offline:
            for i, claim in enumerate(asking.claims):
                if claim.kind is not EntryKind.PAPER and asks_online(claim):
                    asking.state[i].unavailable.add("offline")

    def _ask_titles(self, asking: online.Asking) -> None:
        """The titles of the papers whose identifiers did not name the claimed paper: the
        snapshot, then Semantic Scholar, then (for what S2 could not be asked) Crossref.

        Only papers are looked up by title in the paper sources: a book, a thesis or a web
        page is absent from them, and that absence proves nothing (normalizer/verify/kinds).
        """
        _, claims, state, progress = asking
        open_titles = _unsettled_papers(claims, state, [i for i, claim in enumerate(claims) if claim.title])
        if self.snapshot is not None:
            indexes.snapshot(self.snapshot, claims, state, open_titles, progress)
            open_titles = _unsettled_papers(claims, state, open_titles)
        if self.use_s2:
            online.s2_titles(asking, open_titles)
        if self.use_crossref:
            # Semantic Scholar could not be asked: Crossref's citation search may still find the
            # published papers (never arXiv-only ones, so its silence proves nothing).
            lost_by_s2 = [i for i in open_titles if "s2" in state[i].unavailable]
            online.crossref_titles(asking, _unsettled_papers(claims, state, lost_by_s2))
        elif self.snapshot is None or self.settings.offline:
            for i in _unanswered(state, open_titles):
                state[i].unavailable.add("offline" if self.settings.offline else "no title source")
        if self.snapshot is not None and not self.use_s2:
            # The snapshot holds arXiv only: its silence says nothing about other papers.
            for i in _unanswered(state, _unsettled_papers(claims, state, range(len(claims)))):
                state[i].unavailable.add("snapshot (arXiv only)")


def _unanswered(state: list[Gathered], among: Iterable[int]) -> list[int]:
    """The claims ``among`` these whose title no complete index's silence answered: the others
    are not found, not unverifiable (`indexes.silence_counts`)."""
    return [i for i in among if not indexes.silence_answered(state[i])]


def _unsettled_papers(claims: Sequence[Claim], state: list[Gathered], among: Iterable[int]) -> list[int]:
    """The claims ``among`` these that cite a paper no record found so far carries the title of."""
    return [i for i in among if claims[i].kind is EntryKind.PAPER and not state[i].settled(claims[i])]
