"""The questions ``verify`` puts to the local indexes built from dumps: no request, online or not.

The OpenAlex works index (each paper's DOI, then its title), Retraction Watch (the notices of
each DOI), the arXiv snapshot (arXiv ids and titles) and the dblp index (the publication of each
paper a source found). Each function adds what an index holds to each claim's `Gathered`; which
claims are asked, and when, is `bibnorm.verify.sources`'s to decide, and so is keeping an index
open across calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.config import Settings
from bibnorm.resolve.batches import phase
from bibnorm.resolve.progress import Progress
from bibnorm.verify.judge import Answer, Claim
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.questions import Gathered, arxiv_id_query, title_query

if TYPE_CHECKING:
    from bibnorm.resolvers.openalex_works import OpenAlexWorks
    from bibnorm.resolvers.retraction_watch import RetractionWatch


def openalex_works(
    works: OpenAlexWorks, claims: Sequence[Claim], state: list[Gathered], progress: Progress
) -> None:
    """The local OpenAlex works index: each paper's DOI (its record and whether OpenAlex
    records it retracted), then the title of each paper its DOI did not settle; a complete
    index's silence about a title is recorded as an answer where it counts (`silence_counts`),
    named with the snapshot's date: "no paper with this title in openalex-works (a complete index
    of 2026-06-25)" — not found, never "fabricated"."""
    from bibnorm.resolvers.openalex_works import record_notices, record_reference

    papers = [i for i, claim in enumerate(claims) if claim.kind is EntryKind.PAPER]
    complete = works.complete_as_of()
    with phase(progress, "openalex-works: DOIs and titles", len(papers), "claims"):
        for i in papers:
            claim = claims[i]
            for record in works.by_doi(claim.doi) if claim.doi else ():
                state[i].by_doi.append(Answer(source="openalex-works", record=record_reference(record)))
                state[i].notices += record_notices(record)
            if claim.title and not state[i].settled(claim):
                for record in _records_of_title(works, claim):
                    state[i].by_title.append(Answer(source="openalex-works", record=record_reference(record)))
                if not state[i].by_title and silence_counts(claim, complete):
                    source = f"openalex-works (a complete index of {complete})"
                    state[i].by_title.append(Answer(source=source, record=None, complete_as_of=complete))
            progress.advance()


def _records_of_title(works: OpenAlexWorks, claim: Claim) -> list[dict[str, Any]]:
    """The records of the claimed title: with that title, else with a subtitle added or left out
    (`OpenAlexWorks.by_subtitle_variant`), else, for a printed reference, a title its text
    carries where the title was read (`OpenAlexWorks.titles_near`: its reader split the
    reference in the wrong place)."""
    return (
        works.by_title(claim.title)
        or works.by_subtitle_variant(claim.title)
        or (works.titles_near(claim.title, claim.text) if claim.text else [])
    )


def silence_counts(claim: Claim, complete: date | None) -> bool:
    """Whether the OpenAlex works index holding no paper of ``claim``'s title (`_records_of_title`)
    is an answer: only when the index declares itself complete (built from a full snapshot of
    date ``complete``) and the paper's year is before that snapshot's year, so it had every
    chance to be in it. A paper of the snapshot's year or later, or with no year, may have come
    after it: unverifiable."""
    return complete is not None and claim.year is not None and claim.year < complete.year


def silence_answered(gathered: Gathered) -> bool:
    """Whether a complete index's silence answered this claim's title (`silence_counts`)."""
    return any(a.record is None and a.complete_as_of is not None for a in gathered.by_title)


def settled_by_indexes(claims: Sequence[Claim], state: list[Gathered], notices_indexed: bool) -> set[int]:
    """The claims the local indexes answered every online question of, which the online sources
    are then not asked about: a paper whose title a record found carries, whose DOI (if it cites
    one) a record answered and whose notices an index holds (``notices_indexed``: Retraction
    Watch is open), and whose arXiv id (if it cites one) a record found carries too."""
    settled = set()
    for i, claim in enumerate(claims):
        if claim.kind is not EntryKind.PAPER or not state[i].settled(claim):
            continue
        if claim.doi and not (notices_indexed and state[i].has_doi_record()):
            continue
        found = [a.record for a in (*state[i].by_doi, *state[i].by_title) if a.record is not None]
        if claim.arxiv_id and not any(_same_arxiv(record.ids.arxiv_id, claim.arxiv_id) for record in found):
            continue
        settled.add(i)
    return settled


def _same_arxiv(found: str | None, claimed: str) -> bool:
    return found is not None and found.casefold() == claimed.casefold()


def retraction_watch(retractions: RetractionWatch, claims: Sequence[Claim], state: list[Gathered]) -> None:
    """The notices Retraction Watch records for each claimed DOI (Crossref's, asked online
    later, carry the same data and replace them)."""
    for i, claim in enumerate(claims):
        if claim.doi:
            state[i].notices += retractions.notices(claim.doi)


def snapshot(
    path: Path, claims: Sequence[Claim], state: list[Gathered], asked: Sequence[int], progress: Progress
) -> None:
    """The arXiv snapshot at ``path``: the arXiv id of each claim no source answered it for, then
    the titles ``asked``."""
    from bibnorm.resolvers.snapshot import SnapshotResolver

    queries = [title_query(i, claims[i]) for i in asked]
    with phase(progress, "snapshot: titles", len(queries), "titles"):
        with SnapshotResolver(path) as index:
            id_queries = [
                arxiv_id_query(i, c) for i, c in enumerate(claims) if c.arxiv_id and not state[i].by_arxiv_id
            ]
            for query in id_queries:
                lookup = index.lookup([query])[query.index]
                if lookup.candidates:
                    state[query.index].by_arxiv_id.append(
                        Answer(source="snapshot", record=lookup.candidates[0].reference)
                    )
            found = index.lookup(queries, progress)
        for query in queries:
            for candidate in found[query.index].candidates:
                state[query.index].by_title.append(Answer(source="snapshot", record=candidate.reference))


def dblp_publications(path: Path, state: list[Gathered], settings: Settings) -> None:
    """Offer, before each record a source found, the record with the publication the dblp index
    at ``path`` holds of the paper merged in (the venue's authority, as ``resolve`` merges it);
    the source's own answer stays after it (arXiv's versions are still checked)."""
    from bibnorm.resolvers.dblp import published_from_index
    from bibnorm.resolvers.dblp_index import DblpIndex

    groups = [
        answers
        for gathered in state
        for answers in (gathered.by_doi, gathered.by_arxiv_id, gathered.by_title)
    ]
    found = {
        (g, position): answer.record
        for g, answers in enumerate(groups)
        for position, answer in enumerate(answers)
        if answer.record is not None and answer.source != "dblp"
    }
    with DblpIndex(path) as index:
        upgraded = published_from_index(index, found, settings)
    for g, position in sorted(upgraded, reverse=True):  # inserting from the end keeps positions
        groups[g].insert(position, Answer(source="dblp", record=upgraded[g, position]))
