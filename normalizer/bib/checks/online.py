"""BN5xx: facts only a metadata source knows (published versions, newer arXiv versions).

They read the `OnlineFacts` the caller looked up (or a lockfile recorded) and stay silent
without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bibnorm.bib.checks.base import CheckContext, FileIndex, Finding, IndexedEntry, OnlineFacts
from bibnorm.bib.lockfile import Lock
from bibnorm.identifiers import ArxivId
from bibnorm.models import Reference
from bibnorm.resolve.merge import is_published
from bibnorm.text.titles import title_key
from bibnorm.text.venues import is_preprint_venue, venue_name_in_year
from rapidfuzz import fuzz


def is_published_version(record: Reference) -> bool:
    """True when a source's record is a peer-reviewed publication, not a preprint server's listing."""
    return is_published(record) and not is_preprint_venue(record.venue)


def facts_from_lock(lock: Lock, wanted: Iterable[str]) -> tuple[OnlineFacts, list[str]]:
    """What a lockfile's decisions say about the published versions of the arXiv ids
    ``wanted``, and the ids it does not know.

    ``bibnorm resolve --update-lock`` records, per arXiv id, the record it settled on
    (the published version when Semantic Scholar knew one), so a check run on a
    committed lock repeats those BN501 answers with no network. The lock holds no
    "newest arXiv version" fact (a pinned citation resolves to the version it pins):
    BN502 always asks arXiv.
    """
    published: dict[str, Reference] = {}
    unknown: list[str] = []
    for arxiv_id in wanted:
        item = lock.get(f"arxiv:{arxiv_id}".casefold())
        if item is None:
            unknown.append(arxiv_id)
        elif is_published_version(item.reference):
            published[arxiv_id] = item.reference
    return OnlineFacts(published=published), unknown


# -- BN5xx: online facts ---------------------------------------------------------------------------


def _arxiv_citations(
    indexes: Sequence[FileIndex], ctx: CheckContext
) -> Iterator[tuple[OnlineFacts, FileIndex, IndexedEntry, ArxivId]]:
    """Every entry citing an arXiv paper, with the online facts (nothing without them)."""
    if ctx.online is None:
        return
    for index in indexes:
        for entry in index.entries:
            if entry.arxiv is not None:
                yield ctx.online, index, entry, entry.arxiv


def published_versions(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    for online, index, entry, arxiv in _arxiv_citations(indexes, ctx):
        published = online.published.get(arxiv.id)
        if not entry.preprint or published is None or not published.venue:
            continue
        if entry.title and not names_the_paper(entry.title, published.title, keyed=True):
            continue  # the id is another paper's (a chimera): `bibnorm verify` reports it
        year = f" {published.issued.year}" if published.issued else ""
        doi = f", doi {published.ids.doi}" if published.ids.doi else ""
        yield ctx.finding(
            "BN501",
            index.path,
            entry.line,
            entry.key,
            f"arXiv:{arxiv.id} was published in "
            f"{venue_name_in_year(published.venue, published.issued.year if published.issued else None)}"
            f"{year}{doi}; "
            "cite that version (bibnorm fix --upgrade-preprints)",
        )


def pinned_versions(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    for online, index, entry, arxiv in _arxiv_citations(indexes, ctx):
        latest = online.latest_version.get(arxiv.id)
        if arxiv.version is not None and latest is not None and latest > arxiv.version:
            yield ctx.finding(
                "BN502",
                index.path,
                entry.line,
                entry.key,
                f"cites arXiv:{arxiv.id}v{arxiv.version} but v{latest} is the latest; drop the version "
                "unless you mean that one",
            )


# Below this an entry's title is another paper's than the one its arXiv id names.
SAME_PAPER_TITLE = 0.9


def names_the_paper(title: str, record_title: str, *, keyed: bool = False) -> bool:
    """Whether an entry's ``title`` (a title key when ``keyed``) is the record's title,
    up to spelling; an entry without a title names whatever its id names."""
    if not title.strip() or not record_title.strip():
        return True
    theirs = title_key(record_title)
    mine = title if keyed else title_key(title)
    return fuzz.ratio(mine, theirs) / 100.0 >= SAME_PAPER_TITLE
