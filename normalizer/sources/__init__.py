"""Building and asking the run's metadata sources: the one composition root of the HTTP stack.

This module builds the resolver chain and the enrichers from `Settings` (`open_sources`);
`session` holds the run's one HTTP session (`SourceSession`: opened by `build_session` when
first needed, closed with the block that opened it), the one way ``resolve``, ``verify``,
``check`` and ``fix`` get a session; `preprints` asks the sources what ``check`` and ``fix``
need to know of cited arXiv preprints (published versions, newest versions).

A registry maps resolver names (``Settings.resolvers``, ``--resolvers``) to
factories, so the chain order is configuration, not code. All online sources
share one cached session whose counters feed the run summary.

Online sources are built when first asked (`Deferred`): a run the snapshot settles
never imports the HTTP stack, which is most of a short run's start-up. Offline with no
response cached, they are not built at all: their stand-ins (`bibnorm.resolvers._refused`) give every
item the answer a refused request would.

May import: bibnorm.readers, bibnorm.writers, bibnorm.resolvers, bibnorm.bib, bibnorm.resolve,
bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config,
bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

from bibnorm.config import Settings
from bibnorm.errors import shown
from bibnorm.models import Lookup, Query, Reference
from bibnorm.resolve.pipeline import Enricher, Resolver
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers import HttpStats
from bibnorm.sources.session import SourceSession

if TYPE_CHECKING:
    from bibnorm.resolvers import BibnormSession
    from bibnorm.resolvers.dblp_index import DblpIndex


@dataclass
class Sources:
    """What `open_sources` yields: the resolver chain and the enrichers, in the chain's order, the
    counters of the session they share (for the run's summary and its warnings about lost
    sources), and notes on sources left out ("openalex skipped: it needs an API key")."""

    resolvers: list[Resolver]
    enrichers: list[Enricher]
    stats: HttpStats
    notes: list[str] = field(default_factory=list)  # e.g. "snapshot not configured"


def _snapshot(settings: Settings, session: Callable[[], BibnormSession]) -> Resolver | None:
    index = settings.snapshot_index()
    if index is None:
        return None
    from bibnorm.resolvers.snapshot import SnapshotResolver

    # Never drop a candidate the matcher could still accept under a lowered title_floor.
    return SnapshotResolver(index, min_title_similarity=min(0.6, settings.thresholds.title_floor))


def _arxiv(settings: Settings, session: Callable[[], BibnormSession]) -> Resolver | None:
    from bibnorm.resolvers.arxiv import ArxivResolver

    return ArxivResolver(settings, session())


def _s2(settings: Settings, session: Callable[[], BibnormSession]) -> Resolver | None:
    return _s2_pair(settings, session)[0]


def _s2_pair(settings: Settings, session: Callable[[], BibnormSession]) -> tuple[Resolver, Enricher]:
    """S2 resolver and enricher share one client, so a rejected key stops both."""
    from bibnorm.resolvers.semantic_scholar import build_s2

    return build_s2(session(), settings)


def _dblp(
    settings: Settings,
    session: Callable[[], BibnormSession],
    index: DblpIndex | None = None,
    notify: Callable[[str], None] | None = None,
) -> Enricher:
    """dblp: its local ``index`` (asked first, no request), then its search on the session, made
    only when the index leaves a paper to ask about."""
    from bibnorm.resolvers.dblp import build_dblp

    return build_dblp(session, settings, index=index, notify=notify)


def _dblp_index(settings: Settings) -> DblpIndex | None:
    """The dblp index ``settings`` name or the default one, if built; opened now, so a broken or
    missing configured index is reported before any work."""
    path = settings.index_file("dblp_index")
    if path is None or "dblp" not in settings.resolvers:
        return None
    from bibnorm.resolvers.dblp_index import DblpIndex

    return DblpIndex(path)


def _crossref(settings: Settings, session: Callable[[], BibnormSession]) -> Enricher:
    from bibnorm.resolvers.crossref import build_crossref

    return build_crossref(session(), settings)


def _openalex(settings: Settings, session: Callable[[], BibnormSession]) -> Enricher | None:
    if settings.openalex_api_key is None:
        return None  # OpenAlex requires a key since February 2026: never asked without one
    from bibnorm.resolvers.openalex import build_openalex

    return build_openalex(session(), settings)


class Deferred:
    """A resolver or enricher built by ``build`` the first time it is asked (then kept; the sources
    are asked side by side, so two first questions build it once)."""

    def __init__(self, name: str, build: Callable[[], Any]) -> None:
        self.name = name
        self._build = build
        self._built: Any = None
        self._building = threading.Lock()

    def _source(self) -> Any:
        with self._building:
            if self._built is None:
                self._built = self._build()
        return self._built

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        answers: Mapping[int, Lookup] = self._source().lookup(queries, progress)
        return answers

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        answers: Mapping[int, Lookup] = self._source().enrich(references, progress)
        return answers

    def close(self) -> None:
        close = getattr(self._built, "close", None)
        if callable(close):
            close()


class DeferredRegister(Deferred):
    """A `Deferred` enricher that is also a DOI register (`bibnorm.resolve.pipeline.DoiRegister`:
    its factory says so, `EnricherFactory.registers_dois`); its offline stand-in, which holds
    nothing, can say nothing."""

    def holds(self, dois: Sequence[str], progress: Progress = NO_PROGRESS) -> Mapping[str, bool | None]:
        holds = getattr(self._source(), "holds", None)
        answers: Mapping[str, bool | None] = holds(dois, progress) if callable(holds) else {}
        return answers


def _deferred_s2(
    settings: Settings,
    session: Callable[[], BibnormSession],
    or_refused: Callable[[str, Callable[[], Any]], Callable[[], Any]],
) -> tuple[Deferred, Deferred]:
    """S2's resolver and enricher, both built (as one pair) when either is first asked."""
    pair: list[Any] = []
    make = or_refused("s2", partial(_s2_pair, settings, session))
    building = threading.Lock()  # its two roles are asked side by side: the pair is built once

    def part(position: int) -> Any:
        with building:
            if not pair:
                pair.append(make())
        built = pair[0]
        return built[position] if isinstance(built, tuple) else built  # a stand-in plays both roles

    return Deferred("s2", partial(part, 0)), Deferred("s2", partial(part, 1))


def _built_or_refused(
    name: str,
    build: Callable[[], Any],
    settings: Settings,
    notify: Callable[[str], None] | None,
    nothing_to_ask: Callable[[], bool],
) -> Any:
    """The source ``build`` makes, or, offline with nothing cached, its stand-in: the same answers
    without the HTTP stack (requests, the session, the source's queries)."""
    if not nothing_to_ask():
        return build()
    from bibnorm.resolvers import STAND_INS

    stand_in = STAND_INS.get(name)
    return build() if stand_in is None else stand_in(settings, notify)  # none: refused the long way


RESOLVER_FACTORIES: dict[str, Callable[[Settings, Callable[[], BibnormSession]], Resolver | None]] = {
    "snapshot": _snapshot,
    "arxiv": _arxiv,
    "s2": _s2,
}


@dataclass(frozen=True)
class EnricherFactory:
    """How an enricher is built (when first asked), and what it can do besides enriching, which
    must be known before it is built: the pipeline chooses its DOI registers when it starts."""

    build: Callable[[Settings, Callable[[], BibnormSession]], Enricher | None]
    registers_dois: bool = False  # also a `bibnorm.resolve.pipeline.DoiRegister`: says whether a DOI exists


# Sources that only add the published version of papers other sources resolved.
ENRICHER_FACTORIES: dict[str, EnricherFactory] = {
    "dblp": EnricherFactory(_dblp),
    "crossref": EnricherFactory(_crossref, registers_dois=True),
    "openalex": EnricherFactory(_openalex),
}


def build_session(settings: Settings, *, stats: HttpStats | None = None) -> BibnormSession:
    """The run's polite, cached session for ``settings``: the `SessionFactory` the composition
    root hands to whatever asks the sources."""
    from bibnorm.resolvers.session import build_session as build

    return build(settings, stats=stats)


@contextmanager
def open_sources(settings: Settings, *, notify: Callable[[str], None] | None = None) -> Iterator[Sources]:
    """The resolver chain and enrichers ``settings`` asks for; closes them afterwards.

    A lockfile (``settings.lock``) answers first, so decisions recorded there are
    reused as they are. The HTTP session is created only when an online source is
    first asked, so a run the snapshot settles never touches the cache database.
    ``notify`` hears what a slow phase is about to cost ("dblp: 108 papers to look up …").
    """
    unknown = [name for name in settings.resolvers if name not in RESOLVER_FACTORIES | ENRICHER_FACTORIES]
    known = ", ".join(RESOLVER_FACTORIES | ENRICHER_FACTORIES)
    if unknown:
        raise settings.refusal("resolvers", f"unknown resolver {shown(unknown[0])} (known: {known})")
    if not settings.resolvers and settings.lock is None:
        # every item would come back "not found" from sources never asked
        raise settings.refusal("resolvers", f"no resolver named: nothing would be asked (known: {known})")
    with SourceSession(settings, build_session) as session:
        chain = _Chain(settings, session, notify, Sources(resolvers=[], enrichers=[], stats=session.stats))
        try:  # a source that cannot be opened (a broken index) leaves none of the others open
            if settings.lock is not None:
                from bibnorm.bib.lockfile import LockResolver, load_lock

                chain.sources.resolvers.append(LockResolver(load_lock(settings.lock)))
            for name in settings.resolvers:
                chain.add(name)
            yield chain.sources
        finally:
            for source in (*chain.sources.resolvers, *chain.local):
                close = getattr(source, "close", None)
                if callable(close):
                    close()


@dataclass
class _Chain:
    """The sources `open_sources` builds, one name of the chain at a time."""

    settings: Settings
    session: SourceSession
    notify: Callable[[str], None] | None
    sources: Sources
    local: list[DblpIndex] = field(default_factory=list)  # local indexes opened here, closed here

    @cached_property
    def nothing_to_ask(self) -> bool:
        """Offline with no response cached: every online source could only be refused."""
        if not self.settings.offline:
            return False
        from bibnorm.resolvers import nothing_cached

        return nothing_cached(self.settings.cache_dir)

    def or_refused(self, name: str, build: Callable[[], Any]) -> Callable[[], Any]:
        """``build``, or the source's stand-in (`bibnorm.resolvers._refused`) when nothing could answer."""
        return partial(
            _built_or_refused, name, build, self.settings, self.notify, lambda: self.nothing_to_ask
        )

    def add(self, name: str) -> None:
        """The source ``name`` of the chain, in its place: a resolver, an enricher or both (S2)."""
        settings, session = self.settings, self.session
        if name == "s2":
            s2_resolver, s2_enricher = _deferred_s2(settings, session, self.or_refused)
            self.sources.resolvers.append(s2_resolver)
            self.sources.enrichers.append(s2_enricher)
        elif name in ENRICHER_FACTORIES:
            self.add_enricher(name)
        elif name == "snapshot":  # local: opened now, so a missing index is reported before any work
            resolver = _snapshot(settings, session)
            if resolver is not None:
                self.sources.resolvers.append(resolver)
        else:
            build = partial(RESOLVER_FACTORIES[name], settings, session)
            self.sources.resolvers.append(Deferred(name, self.or_refused(name, build)))

    def add_enricher(self, name: str) -> None:
        """dblp (its local index first, when built), Crossref or OpenAlex (only with its key)."""
        settings, session = self.settings, self.session
        if name == "openalex" and settings.openalex_api_key is None:
            if "resolvers" in settings.model_fields_set:  # asked for by name: say why it is not
                self.sources.notes.append(f"{name} skipped: it needs an API key (openalex_api_key)")
            return
        factory = ENRICHER_FACTORIES[name]
        build: Callable[[], Enricher | None] = self.or_refused(
            name, partial(factory.build, settings, session)
        )
        if name == "dblp":
            dblp_index = _dblp_index(settings)
            build = partial(_dblp, settings, session, dblp_index, self.notify)
            if dblp_index is not None:
                self.local.append(dblp_index)  # it answers offline too: never stood in for
            else:
                build = self.or_refused(name, build)
        self.sources.enrichers.append((DeferredRegister if factory.registers_dois else Deferred)(name, build))


@contextmanager
def open_local_session(settings: Settings) -> Iterator[BibnormSession]:
    """The session for a program on this computer (Zotero's local API), closed on exit: no
    cache, no retries or spacing, no proxy from the environment, not refused by ``--offline``."""
    from bibnorm.resolvers.session import build_local_session

    session = build_local_session(settings)
    try:
        yield session
    finally:
        session.close()
