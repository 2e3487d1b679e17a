"""The run: queries in, resolutions out, through a chain of resolvers.

Stages, each a small pure function over the typed models:

1. `deduplicate` — items asking for the same paper are looked up once;
2. the resolver chain — each `Resolver` is asked, in order, only for the queries
   no earlier resolver settled; `matching.choose` decides on its candidates;
3. enrichment — `Enricher`s (Semantic Scholar, dblp, Crossref, OpenAlex), each seeing what
   the earlier ones found, add companion records for resolved papers, which
   `merge.merge_reference` folds in with per-field provenance;
4. normalization — `normalize.normalize_reference`;
5. citation keys — `keys.assign_keys`.

Stages 2 and 3 run side by side (`side_by_side`): each source of the chain is a stage with a
thread of its own, asked about the items in groups of `LOOKUP_CHUNK` (the first of
`FIRST_CHUNK`; a resolver may ask for other groups, ``lookup_chunk``), so dblp looks up the
first group's papers while arXiv reads the next group, each source at its own rate. An item
still meets the sources in the chain's order, and every stage cuts the same groups whatever the
timing, so a run's requests and results are those of the sources asked one after another,
group by group.

The pipeline does no I/O of its own: resolvers own their sources.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Protocol, runtime_checkable

from bibnorm.config import MatchThresholds, Settings
from bibnorm.identifiers import is_arxiv_doi, not_an_arxiv_id, parse_arxiv_id
from bibnorm.models import (
    Candidate,
    Lookup,
    Problem,
    Query,
    QueryKind,
    Reference,
    Resolution,
    ScoredCandidate,
    Severity,
    Status,
)
from bibnorm.resolve import keys, matching, merge, normalize
from bibnorm.resolve.batches import in_batches, phase
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.side_by_side import Stage, run_stages
from bibnorm.text.titles import title_key


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


@runtime_checkable
class DoiRegister(Protocol):
    """A source that can say whether a DOI exists (Crossref): asked, in batches, about the DOIs
    printed references gave that no resolver knows. ``holds`` answers per DOI: True (it holds
    it), False (it does not), None (it could not be asked)."""

    name: str

    def holds(self, dois: Sequence[str], progress: Progress = NO_PROGRESS) -> Mapping[str, bool | None]: ...


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


# Items a source is asked about at a time, and handed on to the next: small enough that the next
# source starts soon after the first (dblp while arXiv still reads), large enough to keep the
# sources' batches full (arXiv's 100 ids a page and 15 titles a query; S2's batch would take 500
# ids, so 610 papers cost it 7 requests instead of 2).
LOOKUP_CHUNK = 100
# The first group of each source is smaller: the later sources start after one group's way
# through the earlier ones (arXiv's 3 s a request), which a group of 20 makes short.
FIRST_CHUNK = 20


@dataclass(slots=True)
class _Pending:
    """Mutable working state for one distinct query while the chain runs (slots: one of these
    lives per distinct item until the chain has run)."""

    query: Query
    ranked: tuple[ScoredCandidate, ...] = ()
    problems: tuple[Problem, ...] = ()
    failed: bool = False
    resolution: Resolution | None = None
    unanswered_by: tuple[str, ...] = ()  # the resolvers that could not be asked about it
    # The record the query's identifier names, when its own title and authors describe another
    # work (`matching.identifier_names_item`): never the item's paper, reported with the title's.
    other_work: ScoredCandidate | None = None


def deduplicate(queries: Sequence[Query]) -> dict[int, int]:
    """Map each duplicate query's index to the index of the first query asking the same."""
    first_by_identity: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    for query in queries:
        identity = matching.query_identity(query)
        if query.venue and not (query.arxiv_id or query.doi):
            # the same title, names and year in two venues are two works (a court's ruling and
            # the appeal's, "F. Supp. 3d" and "F.3d"); the same paper asked twice is written once
            # all the same once both are resolved (`same_paper`)
            identity += f"|{title_key(query.venue)}"
        if (query.arxiv_id or query.doi) and query.title:
            # The same identifier under another title may be a wrong identifier, which only its
            # own lookup can tell; the same paper asked twice is written once all the same
            # (`same_paper`).
            identity += f"|{title_key(query.title)}"
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

    ``progress`` hears one phase per source asked (``find: NAME``, then ``enrich: NAME``), each in
    a lane of its own (`bibnorm.resolve.progress.lane`): the sources are asked side by side.
    ``known_keys``: keys written earlier for the same papers (reused unless ``rekey``).
    """
    duplicates = deduplicate(queries)
    distinct = [q for q in queries if q.index not in duplicates]
    finished = _resolve(distinct, resolvers, enrichers, settings, progress)
    _ask_the_identifiers_given(finished, resolvers, settings, progress)
    _leave_out_missing_dois(finished, [e for e in enrichers if isinstance(e, DoiRegister)], progress)
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


@dataclass(slots=True)
class _Work:
    """One distinct item on its way through the stages: its finding state until it is settled,
    then its resolution and, for a resolved paper, what the enrichers add to its record."""

    index: int
    pending: _Pending | None
    resolution: Resolution | None = None
    target: Reference | None = None  # the record the enrichers complete (resolved items only)
    view: Reference | None = None  # the record with what earlier enrichers found: what the next sees
    companions: list[Candidate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _resolve(
    distinct: Sequence[Query],
    resolvers: Sequence[Resolver],
    enrichers: Sequence[Enricher],
    settings: Settings,
    progress: Progress,
) -> dict[int, Resolution]:
    """Each distinct query's resolution: found by the resolver chain (undecided where none settled
    it) and, resolved, completed by the enrichers; every source a stage of its own, side by side."""
    works = [_Work(q.index, _Pending(q)) for q in distinct]
    for work in works:
        assert work.pending is not None
        _refuse_malformed_id(work.pending)
    run_stages(works, _stages(resolvers, enrichers, settings), progress, first=FIRST_CHUNK)
    return {work.index: _finished(work, settings) for work in works}


def _stages(
    resolvers: Sequence[Resolver], enrichers: Sequence[Enricher], settings: Settings
) -> list[Stage[_Work]]:
    """The stages an item passes through: one a resolver of the chain, the settling, one an
    enricher."""
    chain = [_OneAtATime(resolver) for resolver in resolvers]
    final_sources = frozenset(r.name for r in resolvers if is_final(r))
    stages: list[Stage[_Work]] = [
        Stage(
            partial(_find_stage, resolver, settings),
            getattr(resolver, "lookup_chunk", LOOKUP_CHUNK),
            f"find: {resolver.name}",
            _unsettled,
        )
        for resolver in chain
    ]
    # A register is asked by the stage that settles a group while its own stage enriches another:
    # one question at a time, as the resolvers of the chain.
    enrichers = [_OneRegisterAtATime(e) if isinstance(e, DoiRegister) else e for e in enrichers]
    registers = [enricher for enricher in enrichers if isinstance(enricher, DoiRegister)]
    stages.append(Stage(partial(_settle_stage, chain, registers, settings, final_sources), LOOKUP_CHUNK))
    stages.extend(
        Stage(
            partial(_enrich_stage, enricher, settings, position + 1 < len(enrichers)),
            LOOKUP_CHUNK,
            f"enrich: {enricher.name}",
            _targets,
            "papers",
        )
        for position, enricher in enumerate(enrichers)
    )
    return stages


def _finished(work: _Work, settings: Settings) -> Resolution:
    """A work's resolution; for a resolved paper, its record merged with what the enrichers found
    and their problems added."""
    resolution = work.resolution
    assert resolution is not None
    if work.target is None:
        return resolution
    companions = [*work.companions, *_published_by_the_input(resolution.query, work.target, work.companions)]
    return resolution.model_copy(
        update={
            "reference": merge.merge_reference(work.target, companions, settings),
            "problems": (*resolution.problems, *work.problems),
        }
    )


def _published_by_the_input(
    query: Query, target: Reference, companions: Sequence[Candidate]
) -> list[Candidate]:
    """The publication the input gives (`Query.published`: a .bib's @article in Nature with its
    volume and pages) as a companion of least authority, where no source named one: resolving
    must never leave the user a preprint for the paper they cited as published. Not where the
    paper's record names another publisher DOI (the input's is then not this paper's)."""
    given = query.published
    if (
        given is None
        or merge.is_published(target)
        or any(merge.is_published(c.reference) for c in companions)
    ):
        return []
    own = target.ids.doi if target.ids.doi and not is_arxiv_doi(target.ids.doi) else None
    if own and given.ids.doi and own.casefold() != given.ids.doi.casefold():
        return []
    # (the record's own title: the input's, as the user typed it, would only add a note)
    return [Candidate(source="input", reference=given.model_copy(update={"title": target.title}))]


def _unsettled(group: Sequence[_Work]) -> int:
    return sum(1 for work in group if work.pending is not None and work.pending.resolution is None)


def _targets(group: Sequence[_Work]) -> int:
    return sum(1 for work in group if work.target is not None)


def _find_stage(resolver: Resolver, settings: Settings, group: Sequence[_Work], progress: Progress) -> None:
    """Ask ``resolver`` about the items of ``group`` no earlier resolver settled."""
    _find_with(resolver, {w.index: w.pending for w in group if w.pending is not None}, settings, progress)


def _settle_stage(
    resolvers: Sequence[Resolver],
    registers: Sequence[DoiRegister],
    settings: Settings,
    final_sources: frozenset[str],
    group: Sequence[_Work],
    progress: Progress,
) -> None:
    """The group's items settled: asked again where the chain left them half answered, each given
    its resolution (undecided where no resolver settled it); the finding state ends here, so a
    long run holds one resolution an item, not two."""
    pending = {w.index: w.pending for w in group if w.pending is not None}
    _drop_unregistered_dois(pending, resolvers, registers, settings, progress)
    _ask_again_by_identifier(pending, resolvers, settings, progress)
    _settle_other_works(pending, resolvers, settings, progress)
    for work in group:
        state = work.pending
        assert state is not None
        resolution = state.resolution or _undecided(state, offline=settings.offline)
        work.resolution, work.pending = resolution, None
        if (
            resolution.status is Status.RESOLVED
            and resolution.reference
            and resolution.source not in final_sources  # a lock's records are final as they are
        ):
            work.target = work.view = resolution.reference


def _enrich_stage(
    enricher: Enricher, settings: Settings, more_follow: bool, group: Sequence[_Work], progress: Progress
) -> None:
    """``enricher``'s companions for the group's resolved papers. Where other enrichers follow,
    the record they see holds what this one found (Crossref needs the DOI that Semantic Scholar
    or dblp gave); the final merge still starts from the record."""
    targets = {w.index: w for w in group if w.target is not None}
    if not targets:
        return
    view = {index: w.view for index, w in targets.items() if w.view is not None}
    for index, answer in enricher.enrich(view, progress).items():
        targets[index].companions.extend(answer.candidates)
        targets[index].problems.extend(answer.problems)
    for work in targets.values():
        assert work.target is not None
        # The last enricher's view is not needed again: the final merge starts from the record.
        work.view = merge.merge_reference(work.target, work.companions, settings) if more_follow else None


class _OneAtATime:
    """A resolver asked by one stage at a time: its own stage finds with it while the stage that
    settles a group may ask it again by identifier, and no client need answer two threads at once."""

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._lock = threading.Lock()
        self.name = resolver.name
        if callable(getattr(resolver, "judged_lookup", None)):
            self.judged_lookup = self._judged_lookup

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._resolver, attribute)

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        with self._lock:
            return self._resolver.lookup(queries, progress)

    def _judged_lookup(self, queries: Sequence[Query], choose: Any, progress: Progress) -> Any:
        with self._lock:
            return self._resolver.judged_lookup(queries, choose, progress)  # type: ignore[attr-defined]


class _OneRegisterAtATime:
    """An enricher that is also a `DoiRegister`, asked by one stage at a time (`_OneAtATime`)."""

    def __init__(self, register: Any) -> None:
        self._register = register
        self._lock = threading.Lock()
        self.name = register.name

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        with self._lock:
            answers: Mapping[int, Lookup] = self._register.enrich(references, progress)
            return answers

    def holds(self, dois: Sequence[str], progress: Progress = NO_PROGRESS) -> Mapping[str, bool | None]:
        with self._lock:
            answers: Mapping[str, bool | None] = self._register.holds(dois, progress)
            return answers


def _find(
    pending: Mapping[int, _Pending], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> None:
    """Ask each resolver, in order, about the queries no earlier one settled, one phase each."""
    for resolver in resolvers:
        waiting = sum(1 for p in pending.values() if p.resolution is None)
        if not waiting:
            break
        with phase(progress, f"find: {resolver.name}", waiting):
            _find_with(resolver, pending, settings, progress)


def _find_with(
    resolver: Resolver, pending: Mapping[int, _Pending], settings: Settings, progress: Progress
) -> None:
    """Ask ``resolver`` about the queries of ``pending`` not settled yet, and fold its answers in."""
    asking = [p.query for p in pending.values() if p.resolution is None]
    # Chunks bound the answers held at once (a resolver may ask for other chunks, ``lookup_chunk``).
    for chunk in in_batches(asking, getattr(resolver, "lookup_chunk", LOOKUP_CHUNK)):
        answers = _judged_lookup(resolver, chunk, settings, progress)
        for query in chunk:
            lookup, decision = answers.get(query.index, (Lookup(), None))
            state = pending[query.index]
            if lookup.failed:
                state.unanswered_by = (*state.unanswered_by, resolver.name)
            _absorb(state, lookup, settings, decision)


def _ask_again_by_identifier(
    pending: Mapping[int, _Pending], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> None:
    """A paper a later resolver found by its title while an earlier one could not be asked (an
    arXiv batch that failed, then Semantic Scholar) is asked of the earlier one again, by the
    identifier the record carries: the entry then holds what that source alone knows (arXiv's
    primary class and month), as when it answered the first time. Which source answered must not
    change a resolved entry."""
    for position, resolver in enumerate(resolvers[:-1]):
        later = frozenset(other.name for other in resolvers[position + 1 :])
        retry = {
            index: _by_found_identifier(state)
            for index, state in pending.items()
            if _resolved_without(resolver.name, later, state)
        }
        asking = {index: query for index, query in retry.items() if query is not None}
        if not asking:
            continue
        with phase(progress, f"find: {resolver.name}", len(asking)):
            answers = _judged_lookup(resolver, list(asking.values()), settings, progress)
        for index, query in asking.items():
            lookup, decision = answers.get(query.index, (Lookup(), None))
            again = _Pending(query)
            _absorb(again, lookup, settings, decision)
            state = pending[index]
            if again.resolution is not None and again.resolution.status is Status.RESOLVED:
                state.resolution = again.resolution.model_copy(
                    update={"query": state.query, "candidates": state.ranked, "problems": state.problems}
                )


def _resolved_without(unanswered: str, later: frozenset[str], state: _Pending) -> bool:
    """Whether one of the ``later`` resolvers resolved the item, not by an identifier, where the
    resolver ``unanswered`` could not be asked about it: that one is asked again, by the record's."""
    resolution = state.resolution
    return (
        unanswered in state.unanswered_by
        and resolution is not None
        and resolution.status is Status.RESOLVED
        and resolution.source in later
        and not (resolution.evidence and resolution.evidence.by_identifier)
    )


def _drop_unregistered_dois(
    pending: Mapping[int, _Pending],
    resolvers: Sequence[Resolver],
    registers: Sequence[DoiRegister],
    settings: Settings,
    progress: Progress,
) -> None:
    """A DOI read from a printed reference that no resolver knows and the DOI registers answer
    does not exist (a misprint, or a reading of a cut one) is left out of the item, with a
    problem that says so: the item is looked up by its title instead, and its ``read`` block no
    longer gives the DOI. One batch of questions per group (the register keeps its answers, so
    the DOI is not asked again when the record is completed)."""
    unknown = {index: state for index, state in pending.items() if _printed_doi_unknown(state)}
    missing = _missing_dois([state.query.doi or "" for state in unknown.values()], registers, progress)
    dropped: dict[int, _Pending] = {}
    for index, state in unknown.items():
        if (state.query.doi or "").casefold() in missing:
            problem = _doi_left_out(state.query, registers, "left out, the item looked up by its title")
            state.query = state.query.model_copy(update={"kind": QueryKind.TITLE, "doi": None})
            state.problems = (*state.problems, problem)
            dropped[index] = state
    _find(dropped, resolvers, settings, progress)


def _missing_dois(dois: Sequence[str], registers: Sequence[DoiRegister], progress: Progress) -> set[str]:
    """The ``dois`` (case-folded) a register answers it does not hold and none answers it holds,
    asked in one phase per register."""
    wanted = sorted(set(filter(None, dois)))
    if not wanted:
        return set()
    answers: dict[str, list[bool | None]] = {}
    for register in registers:
        with phase(progress, f"check: {register.name}", len(wanted), "DOIs"):
            for doi, held in register.holds(wanted, progress).items():
                answers.setdefault(doi.casefold(), []).append(held)
    return {doi for doi, said in answers.items() if False in said and True not in said}


def _doi_left_out(query: Query, registers: Sequence[DoiRegister], then: str) -> Problem:
    """The problem of an item whose printed DOI does not exist, ``then`` saying what was done."""
    asked = ", ".join(register.name for register in registers)
    return Problem(
        code=DOI_NOT_REGISTERED,
        message=f"DOI {query.doi}, read from the printed reference, does not exist ({asked} has no such "
        f"DOI): {then}",
        severity=Severity.WARNING,
        source=asked,
    )


DOI_NOT_REGISTERED = "doi.not_registered"


def _printed_doi_unknown(state: _Pending) -> bool:
    """Whether the item gives a DOI read from a printed reference, with its title, that every
    resolver was asked about and none knows (no record found by it)."""
    query = state.query
    return (
        state.resolution is None
        and not state.failed
        and not state.unanswered_by
        and query.kind is QueryKind.DOI
        and query.printed
        and bool(query.doi and query.title)
        and not is_arxiv_doi(query.doi)  # arXiv's DataCite DOIs: their preprint's id answers them
        and not any(scored.candidate.by_identifier for scored in state.ranked)
    )


def _by_found_identifier(state: _Pending) -> Query | None:
    """The item's query asking by the identifier its resolved record carries (its title and
    authors kept, so the record must still be theirs)."""
    assert state.resolution is not None and state.resolution.reference is not None
    ids = state.resolution.reference.ids
    if ids.arxiv_id:
        return state.query.model_copy(update={"kind": QueryKind.ARXIV_ID, "arxiv_id": ids.arxiv_id})
    if ids.doi:
        return state.query.model_copy(update={"kind": QueryKind.DOI, "doi": ids.doi})
    return None


def _refuse_malformed_id(state: _Pending) -> None:
    """An arXiv id that is none (``9999.99999``) is settled before any source is asked: the
    item is unresolved, and its problem says why the id is not one."""
    query = state.query
    if query.kind is not QueryKind.ARXIV_ID or not query.arxiv_id or parse_arxiv_id(query.arxiv_id):
        return
    why = not_an_arxiv_id(query.arxiv_id) or f"{query.arxiv_id} is not an arXiv id"
    problem = Problem(code="arxiv.malformed_id", message=why, severity=Severity.ERROR)
    state.resolution = Resolution(query=query, status=Status.UNRESOLVED, problems=(problem,))


def _settle_other_works(
    pending: Mapping[int, _Pending], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> None:
    """Items whose identifier names another work than their title and authors describe: the
    sources are asked for the title alone, and the item is settled as not resolved, with both
    candidates (the identifier's record and the title's match, if any) and a problem that names
    them. Neither record is written under the item's key: which one the user meant is theirs
    to say."""
    torn = {
        index: state
        for index, state in pending.items()
        if state.other_work is not None
        and (
            state.resolution is None
            or not (state.resolution.evidence and state.resolution.evidence.by_identifier)
        )
    }
    if not torn:
        return
    by_title = {
        index: _Pending(_title_only(state.query))
        for index, state in torn.items()
        if state.resolution is None and state.query.title
    }
    _find(by_title, resolvers, settings, progress)
    for index, state in torn.items():
        found = by_title.get(index)
        title_state = found.resolution if found is not None else state.resolution
        state.resolution = _names_another_work(
            state, title_state, found.problems if found is not None else ()
        )


def _ask_the_identifiers_given(
    finished: dict[int, Resolution], resolvers: Sequence[Resolver], settings: Settings, progress: Progress
) -> None:
    """An item found by its title (a source searched the title before any asked its DOI) whose
    record, completed, carries none of the identifiers the item gives: the sources are asked
    what each identifier names, and when that is another work than the item's title and authors
    describe, the item is not resolved but reported with both records, as when the identifier
    was asked first (`_settle_other_works`)."""
    probes = {
        index: _Pending(asking)
        for index, resolution in finished.items()
        if resolution.status is Status.RESOLVED
        and resolution.reference is not None
        and not (resolution.evidence and resolution.evidence.by_identifier)
        and (asking := _by_other_identifier(resolution.query, resolution.reference)) is not None
    }
    if not probes:
        return
    _find(probes, resolvers, settings, progress)
    for index, probe in probes.items():
        found = probe.resolution
        if found is None or found.status is not Status.RESOLVED or found.reference is None:
            continue
        resolution = finished[index]
        query = resolution.query
        named = Candidate(source=found.source or "", reference=found.reference, by_identifier=True)
        scored = matching.score_candidate(query, named, settings.thresholds)
        if scored.acceptable:
            continue  # another identifier of the same work (a preprint's, a version's)
        state = _Pending(query, problems=resolution.problems, other_work=_outline(scored))
        finished[index] = _names_another_work(state, resolution, ())


def _leave_out_missing_dois(
    finished: dict[int, Resolution], registers: Sequence[DoiRegister], progress: Progress
) -> None:
    """A DOI read from a printed reference that the item's record does not carry and no source
    found a record by (beside the arXiv id or the title that found the paper, or of an item left
    unresolved), which the registers answer does not exist: left out of the item's query, with a
    note. A DOI checked while the item was looked up costs no request again (the register keeps
    its answers)."""
    unsure = {index: r.query for index, r in finished.items() if _printed_doi_not_found(r)}
    missing = _missing_dois([query.doi or "" for query in unsure.values()], registers, progress)
    for index, query in unsure.items():
        if (query.doi or "").casefold() in missing:
            resolution = finished[index]
            finished[index] = resolution.model_copy(
                update={
                    "query": query.model_copy(update={"doi": None}),
                    "problems": (*resolution.problems, _doi_left_out(query, registers, "left out")),
                }
            )


def _printed_doi_not_found(resolution: Resolution) -> bool:
    """Whether the item gives a DOI read from a printed reference that neither its record nor any
    candidate found by an identifier carries."""
    query, record = resolution.query, resolution.reference
    doi = (query.doi or "").casefold()
    return (
        query.printed
        and bool(doi)
        and not is_arxiv_doi(doi)
        and (record is None or (record.ids.doi or "").casefold() != doi)
        and not any(
            scored.candidate.by_identifier and (scored.candidate.reference.ids.doi or "").casefold() == doi
            for scored in resolution.candidates
        )
    )


def _by_other_identifier(query: Query, record: Reference) -> Query | None:
    """``query`` asking by an identifier it gives that its resolved record does not carry, alone
    (no title for a source to search); None when the record carries every one it gives."""
    if not query.title:
        return None
    update: dict[str, object] = {"title": None, "author_names": (), "urls": ()}
    if query.arxiv_id and query.arxiv_id.casefold() != (record.ids.arxiv_id or "").casefold():
        return query.model_copy(update={**update, "kind": QueryKind.ARXIV_ID, "doi": None})
    if query.doi and query.doi.casefold() != (record.ids.doi or "").casefold():
        return query.model_copy(
            update={**update, "kind": QueryKind.DOI, "arxiv_id": None, "arxiv_version": None}
        )
    return None


def _title_only(query: Query) -> Query:
    """``query`` with its identifiers left out: what its title and authors alone find."""
    return query.model_copy(
        update={"kind": QueryKind.TITLE, "arxiv_id": None, "arxiv_version": None, "doi": None, "urls": ()}
    )


def _names_another_work(
    state: _Pending, by_title: Resolution | None, title_problems: Sequence[Problem]
) -> Resolution:
    """The resolution of an item whose identifier names another work (``state.other_work``):
    ambiguous between that record and the title's match when the title found one, else
    unresolved; either way with a problem that names both."""
    assert state.other_work is not None
    matches: tuple[ScoredCandidate, ...] = ()
    if by_title is not None and by_title.status is Status.RESOLVED:
        matches = tuple(c for c in by_title.candidates if c.acceptable)[:1]
    elif by_title is not None and by_title.status is Status.AMBIGUOUS:
        matches = tuple(c for c in by_title.candidates if c.acceptable)
    problem = Problem(
        code=matching.IDENTIFIER_NAMES_ANOTHER_WORK,
        message=_other_work_message(state.query, state.other_work, matches),
        severity=Severity.ERROR,
        source=state.other_work.candidate.source,
    )
    return Resolution(
        query=state.query,
        status=Status.AMBIGUOUS if matches else Status.UNRESOLVED,
        candidates=(state.other_work, *matches),
        problems=(*state.problems, *title_problems, problem),
    )


def _other_work_message(query: Query, other: ScoredCandidate, matches: Sequence[ScoredCandidate]) -> str:
    record = other.candidate.reference
    if query.arxiv_id and record.ids.arxiv_id and query.arxiv_id.casefold() == record.ids.arxiv_id.casefold():
        named = f"arXiv:{query.arxiv_id}"
    elif query.doi:
        named = f"DOI {query.doi}"
    elif query.arxiv_id:
        named = f"arXiv:{query.arxiv_id}"
    else:
        named = f"the link {query.urls[0]}" if query.urls else "the identifier"
    said = f'{named} names another work, "{record.title}"'
    if not matches:
        return f"{said}; no source knows a work with this title"
    titles = "; ".join(
        f'"{m.candidate.reference.title}" ({_identifier(m.candidate.reference)})' for m in matches
    )
    return f"{said}; the title names {titles}: which one is meant is the user's to say"


def _identifier(reference: Reference) -> str:
    ids = reference.ids
    return f"arXiv:{ids.arxiv_id}" if ids.arxiv_id else f"DOI {ids.doi}" if ids.doi else "no identifier"


def _as_duplicate(query: Query, original: Resolution, own: Resolution | None) -> Resolution:
    """The resolution of a query that asked for the same paper as ``original``'s (with the
    problems its own lookup had, ``own``'s)."""
    own_problems = own.problems if own is not None else ()
    if original.query.doi is None and any(p.code == DOI_NOT_REGISTERED for p in original.problems):
        query = query.model_copy(update={"doi": None})  # the same printed DOI: it does not exist
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
    if state.other_work is None:
        state.other_work = next(
            (_outline(s) for s in decision.ranked if s.candidate.by_identifier and not s.acceptable), None
        )
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
