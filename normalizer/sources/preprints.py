"""What the sources say about cited arXiv preprints: their published versions and newest versions.

The facts behind ``check``'s BN501 (a preprint that has a published version) and BN502 (a
pinned version that is not the newest), and behind ``fix --upgrade-preprints``: the lockfile's
decisions first (`preprint_facts`), then the sources (`online_facts`): Semantic Scholar's batch
for the published versions, the local dblp index naming the publication of the papers it
holds, Crossref dating the publications whose DOI it holds, and arXiv for the newest versions.
They are asked on one session (`SourceSession`), closed before the facts are returned.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bibnorm.bib.checks.base import CheckConfig, OnlineFacts
from bibnorm.bib.checks.online import facts_from_lock, is_published_version
from bibnorm.bib.lockfile import load_lock, lock_in_use
from bibnorm.config import Settings
from bibnorm.models import Identifiers, Lookup, Origin, Query, QueryKind, Reference
from bibnorm.resolve.batches import phase
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.sources import build_session
from bibnorm.sources.session import SourceSession

Notify = Callable[[str], None]


def _ignore(line: str) -> None:
    return None


def preprint_facts(
    wanted: Mapping[str, int | None],
    settings: Settings,
    config: CheckConfig,
    progress: Progress = NO_PROGRESS,
    notify: Notify = _ignore,
) -> OnlineFacts | None:
    """The BN5xx facts about the arXiv ids ``wanted`` (id → pinned version or None):
    published versions from the lockfile's decisions first, the sources for the rest
    (unless offline). None when nothing can be said (offline or a source failed, and no lock).
    ``notify`` hears why the sources said nothing, or what they could not say.
    """
    pinned = sorted(arxiv_id for arxiv_id, version in wanted.items() if version is not None)
    lock_file = lock_in_use(settings.lock)
    if lock_file is None:
        if settings.offline:
            return None
        return online_facts(sorted(wanted), pinned, settings, config, progress, notify)
    from_lock, unknown = facts_from_lock(load_lock(lock_file), sorted(wanted))
    looked_up = (
        None if settings.offline else online_facts(unknown, pinned, settings, config, progress, notify)
    )
    return from_lock.merged(looked_up) if looked_up else from_lock


def online_facts(
    published_of: Sequence[str],
    latest_of: Sequence[str],
    settings: Settings,
    config: CheckConfig,
    progress: Progress = NO_PROGRESS,
    notify: Notify = _ignore,
) -> OnlineFacts | None:
    """Ask Semantic Scholar for the published versions of the arXiv ids ``published_of``
    (BN501) — the local dblp index, when one was built, naming the publication of the papers
    it holds (the venue's authority; no request) — dated by Crossref where it holds their DOI,
    and arXiv for the newest versions of ``latest_of`` (BN502).

    Returns None (and tells ``notify`` why) when a source cannot be asked: the BN5xx checks
    then stay silent rather than report what only one source said. A source lost on the way
    that only cost some dates is told to ``notify`` too.
    """
    ask_s2 = list(published_of) if config.enabled("BN501") else []
    ask_arxiv = list(latest_of) if config.enabled("BN502") else []
    if not ask_s2 and not ask_arxiv:
        return OnlineFacts()
    with SourceSession(settings, build_session) as session:
        # The resolvers turn an unreachable source into failed `Lookup`s (never an exception).
        answers: list[Lookup] = []
        published = _published_versions(ask_s2, session, settings, progress, answers) if ask_s2 else {}
        latest: dict[str, int] = {}
        if ask_arxiv and not any(answer.failed for answer in answers):
            latest = _latest_versions(ask_arxiv, session, settings, progress, answers)
        failure = next((answer for answer in answers if answer.failed), None)
        if failure is not None:
            why = failure.problems[0].message if failure.problems else "a source did not answer"
            notify(f"bibnorm: note: online checks skipped: {why}")
            return None
        # Crossref giving up leaves the dates to S2's years: said, not silent.
        loses = "published versions it could not date keep Semantic Scholar's year"
        for line in session.lost_sources(loses, advice="Try again later, or run with --offline."):
            notify(line)
    return OnlineFacts(published=published, latest_version=latest)


def _published_versions(
    arxiv_ids: Sequence[str],
    session: SourceSession,
    settings: Settings,
    progress: Progress,
    answers: list[Lookup],
) -> dict[str, Reference]:
    """arXiv id → the record of its published version, by Semantic Scholar's batch, then the
    dblp index, dated by Crossref; S2's answers are added to ``answers``."""
    from bibnorm.resolvers.semantic_scholar import build_s2

    _, enricher = build_s2(session(), settings)
    references = {i: Reference(title="", ids=Identifiers(arxiv_id=a)) for i, a in enumerate(arxiv_ids)}
    with phase(progress, "s2: published versions", len(references), "papers"):
        found = enricher.enrich(references, progress)
    known: dict[str, Reference] = {}
    published: dict[str, Reference] = {}
    for index, answer in found.items():
        answers.append(answer)
        if answer.candidates:
            known[arxiv_ids[index]] = answer.candidates[0].reference
        records = [c.reference for c in answer.candidates if is_published_version(c.reference)]
        if records:
            published[arxiv_ids[index]] = records[0]
    published |= _published_in_dblp_index(known, settings)
    if "crossref" in settings.resolvers and published:
        _date_by_crossref(published, session, settings, progress)
    return published


def _published_in_dblp_index(known: Mapping[str, Reference], settings: Settings) -> dict[str, Reference]:
    """The publications the local dblp index (when built and dblp is in the chain) names for
    the papers ``known`` by their arXiv id: the venue's authority, asked with no request."""
    dblp_index = settings.index_file("dblp_index") if "dblp" in settings.resolvers else None
    if dblp_index is None or not known:
        return {}
    from bibnorm.resolvers.dblp import published_from_index
    from bibnorm.resolvers.dblp_index import DblpIndex

    with DblpIndex(dblp_index) as dblp:
        upgraded = published_from_index(dblp, known, settings)
    return {arxiv_id: r for arxiv_id, r in upgraded.items() if is_published_version(r)}


def _date_by_crossref(
    published: dict[str, Reference], session: SourceSession, settings: Settings, progress: Progress
) -> None:
    """Date each publication by the publisher's record Crossref holds of its DOI (S2's year is
    often the preprint's), in place."""
    from bibnorm.resolvers.crossref import build_crossref

    arxiv_ids = list(published)
    with phase(progress, "crossref: dates", len(arxiv_ids), "papers"):
        dated = build_crossref(session(), settings, search=False).enrich(
            dict(enumerate(published.values())), progress
        )
    for index, answer in dated.items():
        issued = answer.candidates[0].reference.issued if answer.candidates else None
        if issued is not None:
            record = published[arxiv_ids[index]]
            published[arxiv_ids[index]] = record.model_copy(update={"issued": issued})


def _latest_versions(
    arxiv_ids: Sequence[str],
    session: SourceSession,
    settings: Settings,
    progress: Progress,
    answers: list[Lookup],
) -> dict[str, int]:
    """arXiv id → its newest version, by arXiv's ``id_list``; its answers are added to ``answers``."""
    from bibnorm.resolvers.arxiv import ArxivResolver

    queries = [
        Query(index=i, origin=Origin(path="-", line=0), kind=QueryKind.ARXIV_ID, arxiv_id=a)
        for i, a in enumerate(arxiv_ids)
    ]
    with phase(progress, "arxiv: versions", len(queries), "ids"):
        versions = ArxivResolver(settings, session()).lookup_ids(queries, progress)
    latest: dict[str, int] = {}
    for index, answer in versions.items():
        answers.append(answer)
        for candidate in answer.candidates:
            if candidate.reference.ids.arxiv_version:
                latest[arxiv_ids[index]] = candidate.reference.ids.arxiv_version
    return latest
