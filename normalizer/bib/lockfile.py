"""``bibnorm.lock``: the match decisions of a run, so the next run repeats them offline.

The lock is JSON, one item per distinct input (keyed by `Query.identity`), sorted
and indented so a change to one decision is a small diff in review. Each item keeps
what was chosen (ids, score, source, the date it was decided) and a compact copy of
the resolved `Reference`, which is enough for `LockResolver` to answer the same
query again with no network: a CI run on a committed lock is deterministic.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from normalizer.errors import InputError
from normalizer.io import read_text, write_atomic
from normalizer.models import Candidate, Lookup, Query, Reference, Resolution, Status
from normalizer.resolve.matching import query_identity
from normalizer.resolve.progress import NO_PROGRESS, Progress
from normalizer.safejson import loads

LOCK_VERSION = 1
SOURCE = "lock"
LOCK_FILE = "bibnorm.lock"  # used from the working directory when it exists


def lock_in_use(configured: Path | None) -> Path | None:
    """The lockfile a run reuses: the configured one, else ``./bibnorm.lock`` when it exists."""
    if configured is not None:
        return configured
    return Path(LOCK_FILE) if Path(LOCK_FILE).is_file() else None


class LockItem(BaseModel):
    """The decision for one input."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: str  # query_identity(): "arxiv:2211.09119", "doi:10...", "title:<key>"
    arxiv_id: str | None = None
    doi: str | None = None
    s2_paper_id: str | None = None
    key: str | None = None
    score: float | None = None
    source: str | None = None  # the resolver that decided
    date: str  # ISO date of the decision
    reference: Reference


class VerifiedItem(BaseModel):
    """An entry ``bibnorm verify`` found faithful, as long as its claims stay the same."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str  # `normalizer.verify.judge.Claim.fingerprint`: any edit to the entry voids it
    source: str
    title: str
    doi: str | None = None
    arxiv_id: str | None = None
    date: str


class Lock(BaseModel):
    """All decisions, by input identity; verified entries by citation key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = LOCK_VERSION
    items: dict[str, LockItem] = Field(default_factory=dict)
    verified: dict[str, VerifiedItem] = Field(default_factory=dict)

    def get(self, identity: str) -> LockItem | None:
        return self.items.get(identity)

    def merged(self, newer: Lock) -> Lock:
        """This lock with ``newer``'s items added or replacing ours (``--update-lock``)."""
        return Lock(items={**self.items, **newer.items}, verified={**self.verified, **newer.verified})


def load_lock(path: Path | str) -> Lock:
    """Read a lock file; a missing file is an empty lock, a corrupt one an `InputError`."""
    if not Path(path).exists():
        return Lock()
    text = read_text(path)  # at most BIBNORM_MAX_INPUT bytes; a device is refused unread
    try:
        with _collector_paused():
            data = loads(text)
            del text  # not needed while the models are built (a lock of a million items: 0.5 GB)
            items = data.get("items") if isinstance(data, dict) else None
            if isinstance(items, dict):
                # One item at a time, its parsed dict dropped as its model is made: the dicts and
                # the models of a large lock are never all alive at once (`Lock` takes the models
                # as they are).
                data["items"] = {
                    identity: LockItem.model_validate(items.pop(identity)) for identity in list(items)
                }
            return Lock.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise InputError(
            f"{path}: not a bibnorm lock file ({first}); delete it or run with --update-lock"
        ) from None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block: parsing a lock and building its models
    makes millions of objects without a cycle, and each of the collector's passes over the oldest
    generation walked every one made so far (a million items: 2.5× the time per item of 10,000)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def dump_lock(lock: Lock) -> str:
    """The lock as diff-friendly JSON: sorted keys, two-space indent, defaults left out."""
    items = {
        identity: item.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        for identity, item in sorted(lock.items.items())
    }
    for identity, item in items.items():
        # The reference's defaults must go too, or every empty tuple becomes a line.
        item["reference"] = lock.items[identity].reference.model_dump(
            mode="json", exclude_none=True, exclude_defaults=True
        )
    document: dict[str, object] = {"version": lock.version, "items": items}
    if lock.verified:
        document["verified"] = {
            key: item.model_dump(mode="json", exclude_none=True)
            for key, item in sorted(lock.verified.items())
        }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save_lock(path: Path | str, lock: Lock) -> None:
    """Write the lock atomically (a crash leaves the old lock intact)."""
    write_atomic(path, dump_lock(lock))


def lock_from_resolutions(
    resolutions: Iterable[Resolution], today: date, previous: Lock | None = None
) -> Lock:
    """A lock holding every resolved item; duplicates of an input are stored once.

    An item whose decision did not change keeps its date from ``previous``, so
    re-running a stable bibliography leaves the lock file byte-identical.
    """
    items: dict[str, LockItem] = {}
    for resolution in resolutions:
        if resolution.status is not Status.RESOLVED or resolution.reference is None:
            continue
        identity = query_identity(resolution.query)
        if identity in items:
            continue
        reference = resolution.reference
        item = LockItem(
            input=identity,
            arxiv_id=reference.ids.arxiv_id,
            doi=reference.ids.doi,
            s2_paper_id=reference.ids.s2_paper_id,
            key=resolution.key,
            score=resolution.score,
            source=resolution.source,
            date=today.isoformat(),
            reference=reference,
        )
        old = previous.get(identity) if previous else None
        if old is not None and old.model_copy(update={"date": item.date}) == item:
            item = old
        items[identity] = item
    return Lock(items=items)


class LockResolver:
    """A `Resolver` that answers queries from a lock, by identity, as exact matches."""

    name = SOURCE
    final = True  # locked records are complete: the pipeline neither enriches nor re-merges them

    def __init__(self, lock: Lock) -> None:
        self.lock = lock

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        """A by-identifier candidate for each query whose identity the lock holds (no I/O, so
        ``progress`` hears of them all at once, when the pipeline ends the phase)."""
        answers: dict[int, Lookup] = {}
        for query in queries:
            item = self.lock.get(query_identity(query))
            if item is not None:
                candidate = Candidate(source=SOURCE, reference=item.reference, by_identifier=True)
                answers[query.index] = Lookup(candidates=(candidate,))
        return answers
