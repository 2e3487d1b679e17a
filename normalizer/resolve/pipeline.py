"""The run: queries in, resolutions out, through a chain of resolvers.

Stages, each a small pure function over the typed models:

1. `deduplicate` — items asking for the same paper are looked up once;
2. the resolver chain — each `Resolver` is asked, in order, only for the queries
   no earlier resolver settled, in chunks inside one progress phase (`batches`);
   `matching.choose` decides on its candidates;
3. enrichment — `Enricher`s (Semantic Scholar, dblp, Crossref, OpenAlex), each seeing what
   the earlier ones found, add companion records for resolved papers, which
   `merge.merge_reference` folds in with per-field provenance;
4. normalization — `normalize.normalize_reference`;
5. citation keys — `keys.assign_keys`.

The pipeline does no I/O of its own: resolvers own their sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Protocol, runtime_checkable

from bibnorm.config import MatchThresholds, Settings
from bibnorm.models import (
    Candidate,
    Lookup,
    Problem,
    Query,
    Reference,
    Resolution,
    ScoredCandidate,
    Severity,
    Status,
)
from bibnorm.resolve import keys, matching, merge, normalize
from bibnorm.resolve.batches import in_batches, phase
from bibnorm.resolve.progress import NO_PROGRESS, Progress


@runtime_checkable
class Resolver(Protocol):
    """A metadata source that finds candidate records for queries.

    ``lookup`` receives every pending query at once so a source can batch its
    requests; it returns a `Lookup` per query index it was given (a missing index
    counts as "no candidates"). It must not raise for per-item trouble: failures
    are `Lookup(failed=True, problems=...)`. It reports each query it is done with to
    ``progress`` (``advance``), inside the phase the pipeline started for it.
    """

    name: str

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]: ...


def is_final(resolver: Resolver) -> bool:
    """A resolver whose records are already merged and enriched (the lockfile).

    Its answers skip enrichment and merging, so a run on a committed lock needs no
    network and reproduces the locked records exactly. Declared by ``final = True``.
    """
    return bool(getattr(resolver, "final", False))


@runtime_checkable
class Enricher(Protocol):
    """A source that adds companion records (e.g. the published version) to resolved papers.

    Receives the resolved references keyed by query index; returns, per index, the
    companion candidates found (by identifier, so no title matching is needed). The
    pipeline starts a phase of one item per reference; an enricher that asks about only
    some says how many (``progress.expect``) and reports each it is done with.
    """

    name: str

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]: ...


LOOKUP_CHUNK = 500


@dataclass(slots=True)
class _Pending:
    """Mutable working state for one distinct query while the chain runs (slots: one of these
    lives per distinct item until the chain has run)."""

    query: Query
    ranked: tuple[ScoredCandidate, ...] = ()
    problems: tuple[Problem, ...] = ()
    failed: bool = False
    resolution: Resolution | None = None


def deduplicate(queries: Sequence[Query]) -> dict[int, int]:
    """Map each duplicate query's index to the index of the first query asking the same."""
    first_by_identity: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    for query in queries:
        identity = matching.query_identity(query)
        if identity in first_by_identity:
            duplicates[query.index] = first_by_identity[identity]
        else:
            first_by_identity[identity] = query.index
    return duplicates


def run(
    queries: Sequence[Query],
    resolvers: Sequence[Resolver],
    settings: Settings,
    enrichers: Sequence[Enricher] = (),
    progress: Progress = NO_PROGRESS,
    known_keys: keys.KeyBook | None = None,
) -> list[Resolution]:
    """Resolve every query; the result has one `Resolution` per query, in input order.

    ``progress`` hears one phase per source asked (``find: NAME``, then ``enrich: NAME``).
    ``known_keys``: keys written earlier for the same papers (reused unless ``rekey``).
    """
    duplicates = deduplicate(queries)
    finished = _settle([q for q in queries if q.index not in duplicates], resolvers, settings, progress)
    final_sources = {r.name for r in resolvers if is_final(r)}
    _enrich(finished, enrichers, settings, skip_sources=final_sources, progress=progress)
    for index, resolution in finished.items():
        finished[index] = _finish(resolution)
    duplicates.update(same_paper(finished))
    # An item deduplicated onto one that then proved the same paper as an earlier item (a title,
    # then its arXiv id twice) follows it there: every duplicate points at an item that is written.
    duplicates = {index: duplicates.get(first, first) for index, first in duplicates.items()}
    with_keys = _assign_keys(
        {i: r for i, r in finished.items() if i not in duplicates}, settings, known_keys or keys.KeyBook()
    )
    return [
        _as_duplicate(query, with_keys[duplicates[query.index]], finished.get(query.index))
        if query.index in duplicates
        else with_keys[query.index]
        for query in queries
    ]


def _settle(
    distinct: Sequence[Query], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> dict[int, Resolution]:
    """Each distinct query's resolution by the resolver chain (undecided where none settled it);
    the working state ends here, so a long run holds one resolution an item, not two."""
    pending = {q.index: _Pending(q) for q in distinct}
    _find(pending, resolvers, settings, progress)
    return {
        index: state.resolution or _undecided(state, offline=settings.offline)
        for index, state in pending.items()
    }


def _find(
    pending: Mapping[int, _Pending], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> None:
    """Ask each resolver, in order, about the queries no earlier one settled."""
    for resolver in resolvers:
        asking = [p.query for p in pending.values() if p.resolution is None]
        if not asking:
            break
        # Chunks bound the answers held at once. Each chunk may end in one partial source
        # batch (one extra request), so chunks are large: 500 = S2's batch limit. A resolver
        # may ask for other chunks (``lookup_chunk``).
        size = getattr(resolver, "lookup_chunk", LOOKUP_CHUNK)
        with phase(progress, f"find: {resolver.name}", len(asking)):
            for chunk in in_batches(asking, size):
                answers = _judged_lookup(resolver, chunk, settings, progress)
                for query in chunk:
                    lookup, decision = answers.get(query.index, (Lookup(), None))
                    _absorb(pending[query.index], lookup, settings, decision)


def _as_duplicate(query: Query, original: Resolution, own: Resolution | None) -> Resolution:
    """The resolution of a query that asked for the same paper as ``original``'s (with the
    problems its own lookup had, ``own``'s)."""
    own_problems = own.problems if own is not None else ()
    return original.model_copy(
        update={
            "query": query,
            "duplicate_of": original.query.index,
            "problems": (*original.problems, *own_problems),
        }
    )


def same_paper(finished: Mapping[int, Resolution]) -> dict[int, int]:
    """Items that asked differently (a title, an id) but resolved to the same paper.

    Maps each later item's index to the first one's, so the paper is written once.
    """
    first_by_paper: dict[str, int] = {}
    later: dict[int, int] = {}
    for index in sorted(finished):
        reference = finished[index].reference
        if reference is None:
            continue
        paper = reference.ids.arxiv_id or reference.ids.doi
        if paper is None:
            continue
        paper = paper.casefold()
        if paper in first_by_paper:
            later[index] = first_by_paper[paper]
        else:
            first_by_paper[paper] = index
    return later


def _judged_lookup(
    resolver: Resolver, queries: Sequence[Query], settings: Settings, progress: Progress
) -> Mapping[int, tuple[Lookup, matching.Decision | None]]:
    """The resolver's answer to each query, with the matcher's decision where the resolver made
    it: one that looks up in another process (``judged_lookup``, the snapshot's) judges there
    too, by the same `matching.choose`, so the judging is shared between processes as well."""
    judged = getattr(resolver, "judged_lookup", None)
    if callable(judged):
        answers: Mapping[int, tuple[Lookup, matching.Decision | None]] = judged(
            queries, partial(_choose_to_send, thresholds=settings.thresholds), progress
        )
        return answers
    return {index: (lookup, None) for index, lookup in resolver.lookup(queries, progress).items()}


def _choose_to_send(
    query: Query, candidates: Sequence[Candidate], thresholds: MatchThresholds
) -> matching.Decision:
    """`matching.choose`, its decision cut to what `_absorb` keeps of it (the chosen record whole,
    the ranked ones outlined), so a worker process sends a fraction of the records back."""
    decision = matching.choose(query, candidates, thresholds)
    return replace(decision, ranked=tuple(_outline(scored) for scored in decision.ranked))


def _absorb(
    state: _Pending, answer: Lookup, settings: Settings, decision: matching.Decision | None = None
) -> None:
    """Fold one resolver's answer into a query's state; settle it when the matcher accepts
    (its decision is made here unless it came with the answer)."""
    if answer.problems:
        state.problems = (*state.problems, *answer.problems)
    if answer.failed:
        state.failed = True
    if decision is None and not answer.candidates:
        return
    if decision is None:
        decision = matching.choose(state.query, answer.candidates, settings.thresholds)
    state.ranked = _merge_ranked(state.ranked, decision.ranked)
    if decision.status is Status.RESOLVED and decision.best is not None:
        state.resolution = Resolution(
            query=state.query,
            status=Status.RESOLVED,
            reference=decision.best.candidate.reference,
            source=decision.best.candidate.source,
            score=decision.best.score,
            evidence=decision.best.evidence,
            candidates=state.ranked,
            problems=state.problems,
        )
    elif decision.status is Status.AMBIGUOUS:
        # An ambiguous answer is final: asking another source could only add guesses.
        state.resolution = Resolution(
            query=state.query,
            status=Status.AMBIGUOUS,
            candidates=state.ranked,
            problems=(*state.problems, *decision.problems),
        )


KEPT_CANDIDATES = 5  # candidates a resolution lists (reports show them as near misses)


def _merge_ranked(
    old: Iterable[ScoredCandidate], new: Iterable[ScoredCandidate]
) -> tuple[ScoredCandidate, ...]:
    combined = [*old, *new]
    combined.sort(key=lambda s: (-s.score, s.candidate.reference.ids.arxiv_id or "", s.candidate.source))
    # Kept until the run ends, for every item: only what reports show of them (ids, title),
    # so memory does not grow by whole records (abstracts, authors) per title.
    return tuple(_outline(s) for s in combined[:KEPT_CANDIDATES])


def _outline(scored: ScoredCandidate) -> ScoredCandidate:
    """A ranked candidate with its record cut down to its title and identifiers."""
    reference = scored.candidate.reference
    outline = Reference(title=reference.title, ids=reference.ids, entry_type=reference.entry_type)
    return scored.model_copy(update={"candidate": scored.candidate.model_copy(update={"reference": outline})})


# Frozen, so one of each is shared by every unresolved item (a million of them offline).
_NO_CANDIDATE = Problem(code="match.none", message="no candidate found", severity=Severity.WARNING)
_BELOW_THE_BAR = Problem(
    code="match.none", message="no candidate reached the acceptance bar", severity=Severity.WARNING
)


def _undecided(state: _Pending, *, offline: bool) -> Resolution:
    """The resolution of a query no resolver settled: failed if a source could not answer.

    Any source that could not be asked makes the answer incomplete, so the item is
    failed (with whatever candidates the others offered). Offline, a source that cannot
    answer from the cache was not asked by the user's choice, so the item is unresolved
    (its problems still say why).
    """
    status = Status.FAILED if state.failed and not offline else Status.UNRESOLVED
    problems = state.problems
    if status is Status.UNRESOLVED:
        problems = (*problems, _BELOW_THE_BAR if state.ranked else _NO_CANDIDATE)
    return Resolution(query=state.query, status=status, candidates=state.ranked, problems=problems)


def _enrich(
    resolutions: dict[int, Resolution],
    enrichers: Sequence[Enricher],
    settings: Settings,
    skip_sources: set[str] | frozenset[str] = frozenset(),
    progress: Progress = NO_PROGRESS,
) -> None:
    """Ask enrichers for companions, then merge every resolved item exactly once.

    Items no enricher answered are merged with no companions, so the year policy
    and field provenance apply to every resolved item alike.
    """
    targets = {
        i: resolution.reference
        for i, resolution in resolutions.items()
        if resolution.status is Status.RESOLVED
        and resolution.reference
        and resolution.source not in skip_sources
    }
    if not targets:
        return
    companions: dict[int, list[Candidate]] = {i: [] for i in targets}
    extra_problems: dict[int, list[Problem]] = {i: [] for i in targets}
    view = targets
    for position, enricher in enumerate(enrichers):
        with phase(progress, f"enrich: {enricher.name}", len(view), "papers"):
            for index, answer in enricher.enrich(view, progress).items():
                companions[index].extend(answer.candidates)
                extra_problems[index].extend(answer.problems)
        if position + 1 < len(enrichers):
            # Later enrichers see what earlier ones found (Crossref needs the DOI that
            # Semantic Scholar or dblp gave); the final merge still starts from the record.
            view = {i: merge.merge_reference(targets[i], companions[i], settings) for i in targets}
    for index, reference in targets.items():
        resolutions[index] = resolutions[index].model_copy(
            update={
                "reference": merge.merge_reference(reference, companions[index], settings),
                "problems": (*resolutions[index].problems, *extra_problems[index]),
            }
        )


def _finish(resolution: Resolution) -> Resolution:
    if resolution.reference is None:
        return resolution
    return resolution.model_copy(update={"reference": normalize.normalize_reference(resolution.reference)})


def _assign_keys(
    finished: Mapping[int, Resolution], settings: Settings, known: keys.KeyBook
) -> dict[int, Resolution]:
    with_reference = [i for i in sorted(finished) if finished[i].reference is not None]
    wanted: list[tuple[Reference, str | None]] = []
    replaced: dict[int, str] = {}  # item → the input key that is not a key (it gets a generated one)
    for i in with_reference:
        reference = finished[i].reference
        assert reference is not None
        given = finished[i].query.key or known.key_for(reference)
        if given is not None and not keys.is_citation_key(given):
            replaced[i], given = given, None
        wanted.append((reference, given))
    assigned = keys.assign_keys(wanted, settings.key_format, keep_existing=not settings.rekey)
    out = dict(finished)
    for i, key in zip(with_reference, assigned, strict=True):
        problems = finished[i].problems
        if i in replaced:
            problems = (*problems, keys.replaced_key_problem(replaced[i]))
        out[i] = finished[i].model_copy(update={"key": key, "problems": problems})
    return out
