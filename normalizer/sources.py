"""Building the run's metadata sources from `Settings`: the one composition root of the HTTP stack.

A registry maps resolver names (``Settings.resolvers``, ``--resolvers``) to
factories, so the chain order is configuration, not code. All online sources
share one cached session whose counters feed the run summary.

Online sources are built when first asked (`Deferred`): a run the snapshot settles
never imports the HTTP stack, which is most of a short run's start-up. Offline with no
response cached, they are not built at all: their stand-ins (`bibnorm.resolvers._refused`) give every
item the answer a refused request would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from bibnorm.config import Settings
from bibnorm.errors import shown
from bibnorm.models import Lookup, Query, Reference
from bibnorm.resolve.pipeline import Enricher, Resolver
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._stats import HttpStats

if TYPE_CHECKING:
    from bibnorm.resolvers._http import BibnormSession
    from bibnorm.resolvers._http import SessionFactory as SessionFactory
    from bibnorm.resolvers.dblp_index import DblpIndex


@dataclass
class Sources:
    resolvers: list[Resolver]
    enrichers: list[Enricher]
    stats: HttpStats
    session: BibnormSession | None = None
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
    path = settings.dblp_index_path()
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
    """A resolver or enricher built by ``build`` the first time it is asked (then kept)."""

    def __init__(self, name: str, build: Callable[[], Any]) -> None:
        self.name = name
        self._build = build
        self._built: Any = None

    def _source(self) -> Any:
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


def _deferred_s2(
    settings: Settings,
    session: Callable[[], BibnormSession],
    or_refused: Callable[[str, Callable[[], Any]], Callable[[], Any]],
) -> tuple[Deferred, Deferred]:
    """S2's resolver and enricher, both built (as one pair) when either is first asked."""
    pair: list[Any] = []
    make = or_refused("s2", partial(_s2_pair, settings, session))

    def part(position: int) -> Any:
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
    from bibnorm.resolvers._refused import STAND_INS

    stand_in = STAND_INS.get(name)
    return build() if stand_in is None else stand_in(settings, notify)  # none: refused the long way


RESOLVER_FACTORIES: dict[str, Callable[[Settings, Callable[[], BibnormSession]], Resolver | None]] = {
    "snapshot": _snapshot,
    "arxiv": _arxiv,
    "s2": _s2,
}
# Sources that only add the published version of papers other sources resolved.
ENRICHER_FACTORIES: dict[str, Callable[[Settings, Callable[[], BibnormSession]], Enricher | None]] = {
    "dblp": _dblp,
    "crossref": _crossref,
    "openalex": _openalex,
}


@contextmanager
def open_sources(settings: Settings, *, notify: Callable[[str], None] | None = None) -> Iterator[Sources]:
    """The resolver chain and enrichers ``settings`` asks for; closes them afterwards.

    A lockfile (``settings.lock``) answers first, so decisions recorded there are
    reused as they are. The HTTP session is created only when an online source is
    first asked, so a run the snapshot settles never touches the cache database.
    ``notify`` hears what a slow phase is about to cost ("dblp: 108 papers to look up …").
    """
    unknown = [name for name in settings.resolvers if name not in RESOLVER_FACTORIES | ENRICHER_FACTORIES]
    if unknown:
        known = ", ".join(RESOLVER_FACTORIES | ENRICHER_FACTORIES)
        raise settings.refusal("resolvers", f"unknown resolver {shown(unknown[0])} (known: {known})")
    stats = HttpStats()
    holder: list[BibnormSession] = []

    @cache
    def nothing_to_ask() -> bool:
        """Offline with no response cached: every online source could only be refused."""
        if not settings.offline:
            return False
        from bibnorm.resolvers._cache_file import nothing_cached

        return nothing_cached(settings.cache_dir)

    def or_refused(name: str, build: Callable[[], Any]) -> Callable[[], Any]:
        """``build``, or the source's stand-in (`bibnorm.resolvers._refused`) when nothing could answer."""
        return partial(_built_or_refused, name, build, settings, notify, nothing_to_ask)

    def session() -> BibnormSession:
        if not holder:
            from bibnorm.resolvers._session import build_session

            holder.append(build_session(settings, stats=stats))
        return holder[0]

    sources = Sources(resolvers=[], enrichers=[], stats=stats)
    local: list[DblpIndex] = []  # local indexes opened here, closed here
    if settings.lock is not None:
        from bibnorm.bib.lockfile import LockResolver, load_lock

        sources.resolvers.append(LockResolver(load_lock(settings.lock)))
    for name in settings.resolvers:
        if name == "s2":
            s2_resolver, s2_enricher = _deferred_s2(settings, session, or_refused)
            sources.resolvers.append(s2_resolver)
            sources.enrichers.append(s2_enricher)
            continue
        if name in ENRICHER_FACTORIES:
            if name == "openalex" and settings.openalex_api_key is None:
                if "resolvers" in settings.model_fields_set:  # asked for by name: say why it is not
                    sources.notes.append(f"{name} skipped: it needs an API key (openalex_api_key)")
                continue
            build: Callable[[], Enricher | None] = or_refused(
                name, partial(ENRICHER_FACTORIES[name], settings, session)
            )
            if name == "dblp":
                dblp_index = _dblp_index(settings)
                build = partial(_dblp, settings, session, dblp_index, notify)
                if dblp_index is not None:
                    local.append(dblp_index)  # it answers offline too: never stood in for
                else:
                    build = or_refused(name, build)
            sources.enrichers.append(Deferred(name, build))
            continue
        if name == "snapshot":  # local: opened now, so a missing index is reported before any work
            resolver = _snapshot(settings, session)
            if resolver is not None:
                sources.resolvers.append(resolver)
            continue
        sources.resolvers.append(
            Deferred(name, or_refused(name, partial(RESOLVER_FACTORIES[name], settings, session)))
        )
    try:
        yield sources
    finally:
        sources.session = holder[0] if holder else None
        for source in (*sources.resolvers, *local):
            close = getattr(source, "close", None)
            if callable(close):
                close()
        if holder:
            holder[0].close()


def build_session(settings: Settings, *, stats: HttpStats | None = None) -> BibnormSession:
    """The run's polite, cached HTTP session for ``settings`` (a `SessionFactory`): what the public
    API opens for the online sources unless its caller passes another factory."""
    from bibnorm.resolvers._session import build_session as build

    return build(settings, stats=stats)
