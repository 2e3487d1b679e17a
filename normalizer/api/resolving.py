"""Resolving queries against opened sources: `resolve_queries` and the `ResolveResult` it returns.

(Not ``bibnorm.resolve``: that name is the resolve core's package, `bibnorm.resolve`.)
`resolve_queries` runs the pipeline (find each paper, add its published version, normalize, key) over
sources the caller opened with `bibnorm.sources.open_sources` and may reuse for further calls.
The result holds one `Resolution` per query, in input order, and the sources' counters as they
stood when it finished; the report ``--report`` writes, the summary line's figures, the entries
a bibliography holds and the warnings about sources that could not answer are read off it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bibnorm.config import Settings
from bibnorm.models import Query, Reference, Resolution, Status
from bibnorm.resolve import keys, pipeline
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import build_report, source_trouble, summarize
from bibnorm.sources import Sources
from pydantic import BaseModel, ConfigDict

from .previous import settled_nothing


class ResolveResult(BaseModel):
    """What `resolve_queries` found: each query's `Resolution` and what asking the sources cost."""

    model_config = ConfigDict(frozen=True)

    resolutions: list[Resolution]
    requests: dict[str, int]  # real requests per source (the sources' counters so far)
    cache_hits: int
    sources_down: dict[str, str]  # source → why it stopped being asked
    refused: list[str]  # sources that refused access (a wrong key)
    gave_up: dict[str, str]  # source → why a request to it was given up while it stayed up

    def entries(self) -> list[tuple[str, Reference]]:
        """(key, reference) of every entry a bibliography holds, in input order: each paper
        once, and again under the key of each ``.bib`` entry that repeats it."""
        return written_entries(self.resolutions)

    def summary(self) -> dict[str, Any]:
        """The report's ``summary``: counts by status, requests, cache hits, sources down."""
        return summarize(self.resolutions, self.requests, self.cache_hits, self.sources_down)

    def report(self) -> dict[str, Any]:
        """The JSON report (``resolve --report``): every item in input order, and the summary."""
        return build_report(self.resolutions, self.summary())

    def source_trouble(self, *, offline: bool = False) -> list[str]:
        """One warning line for each source that refused the key, and one for those that were
        unreachable, went down or gave up, with what it cost; none when every source answered."""
        return source_trouble(
            self.resolutions, self.sources_down, self.refused, self.gave_up, offline=offline
        )

    @property
    def settled_nothing(self) -> bool:
        """Nothing could be asked: no item resolved, and every one was left by a source that
        could not answer (down, refused, or offline with nothing cached)."""
        return settled_nothing(self.resolutions)

    @property
    def all_resolved(self) -> bool:
        """Every item resolved (what ``resolve --strict`` asks)."""
        return all(r.status is Status.RESOLVED for r in self.resolutions)


def resolve_queries(
    queries: Sequence[Query],
    *,
    sources: Sources,
    settings: Settings,
    progress: Progress = NO_PROGRESS,
    known_keys: keys.KeyBook | None = None,
) -> ResolveResult:
    """Match every query to its paper's record and complete it with its published version.

    ``sources`` are open (`bibnorm.sources.open_sources(settings)`); ``progress`` hears one
    phase per source asked; ``known_keys`` are keys written earlier for the same papers
    (reused unless ``settings.rekey``). Items that cannot be matched with confidence are never
    guessed: they come back ``unresolved`` or ``ambiguous`` with their best candidates."""
    resolutions = pipeline.run(
        list(queries),
        sources.resolvers,
        settings,
        enrichers=sources.enrichers,
        progress=progress,
        known_keys=known_keys,
    )
    stats = sources.stats
    return ResolveResult(
        resolutions=resolutions,
        requests=dict(stats.requests),
        cache_hits=stats.cache_hits,
        sources_down=dict(stats.down),
        refused=sorted(stats.refused),
        gave_up=dict(stats.gave_up),
    )


def written_entries(resolutions: Sequence[Resolution]) -> list[tuple[str, Reference]]:
    """(key, reference) in input order: each paper once, plus the ``.bib`` entries repeating it;
    each reference with its item's own fields (`with_user_fields`)."""
    return [
        (key, reference)
        for r, key in keys.written_entries(resolutions)
        if (reference := with_user_fields(r)) is not None
    ]


def with_user_fields(resolution: Resolution) -> Reference | None:
    """The resolved reference with what the item's own record keeps that no source gives
    (`UserFields`: a .bib entry's, a CSL-JSON item's … note, keywords, abstract), which every
    writer writes in its own fields; None where the item did not resolve."""
    reference, record = resolution.reference, resolution.query.record
    if reference is None or record is None or record.user_fields is None:
        return reference
    return reference.model_copy(update={"user_fields": record.user_fields})
