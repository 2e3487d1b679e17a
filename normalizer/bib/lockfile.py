"""``bibnorm.lock``: the match decisions of a run, so the next run repeats them offline.

The lock is JSON, one item per distinct input (keyed by `Query.identity`), sorted
and indented so a change to one decision is a small diff in review. Each item keeps
what was chosen (ids, score, source, the date it was decided) and a compact copy of
the resolved `Reference`, which is enough for `LockResolver` to answer the same
query again with no network: a CI run on a committed lock is deterministic.

Entries ``bibnorm verify`` found faithful are kept under ``verified``, by citation key: a digest
of the entry's claims (`VerifiedItem.fingerprint`) and the source's record it was verified
against (`VerifiedItem.record`: title, authors, venue, year, DOI, arXiv id, with the source and
the date asked). Offline, ``verify`` compares the entry with that record, as it would with the
source's answer, so a committed lock holds on every machine, with no key. What a line cannot
tell is whether ``verify`` wrote it or a person did for a fabricated entry: that is settled
where lines come in. ``verify --lock-base REV`` (the pre-commit hook: ``HEAD``; the CI action:
the pull request's base) trusts only the lines the lock held at ``REV`` (`lock_at`); a line
that is new or changed since is asked about again online (docs/ci.md, "What a lock line is
trusted for"). A ``seal`` (HMAC-SHA256 under ``BIBNORM_LOCK_KEY``, a CI secret) is written when
that key is set, and lets such a run trust a new line sealed under it.

Updates are read-modify-write under an exclusive lock (`update_lock`), written atomically, so
parallel ``--update-lock`` runs on one lock keep every run's decisions.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import json
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from bibnorm.errors import InputError
from bibnorm.io import locked, read_text, size_limit, write_atomic
from bibnorm.models import Candidate, Lookup, Query, Reference, Resolution, Status
from bibnorm.resolve.matching import query_identity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.safejson import loads
from pydantic import BaseModel, ConfigDict, Field, ValidationError

# 3: verified entries carry the source's record; 2 and 1 (still read): they did not, and are
# trusted only under the key that sealed them.
LOCK_VERSION = 3
SOURCE = "lock"
LOCK_FILE = "bibnorm.lock"  # used from the working directory when it exists


def lock_in_use(configured: Path | None) -> Path | None:
    """The lockfile a run reuses: the configured one, else ``./bibnorm.lock`` when it exists.
    A folder by that name is an `InputError`: passing over it would run without the decisions
    the user meant to pin, and exit 0."""
    path = configured if configured is not None else Path(LOCK_FILE)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a lock file")
    if configured is not None:
        return configured
    return path if path.is_file() else None


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
    """An entry ``bibnorm verify`` found faithful, and the source's record it was compared with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str  # `bibnorm.verify.judge.Claim.fingerprint`: the entry as it was verified
    source: str
    title: str
    doi: str | None = None
    arxiv_id: str | None = None
    date: str  # the date the source was asked
    # The record as the source gave it (`record_of`): what an offline run compares the entry with.
    # None in a version 1 or 2 lock.
    record: Reference | None = None
    seal: str | None = None  # `seal_of`, under BIBNORM_LOCK_KEY when it was set


# The fields of a record a lock line keeps: what ``verify`` compares (title, authors, year, venue,
# identifiers), nothing it does not (abstract, pages, links).
_RECORD_FIELDS = ("title", "authors", "issued", "entry_type", "ids", "venue", "venue_short", "issn")


def record_of(record: Reference) -> Reference:
    """``record`` reduced to what ``verify`` compares an entry with."""
    return Reference.model_validate({name: getattr(record, name) for name in _RECORD_FIELDS})


def seal_of(key: bytes, citation_key: str, item: VerifiedItem) -> str:
    """The HMAC binding the entry (its citation key and claims' digest) to the record it was
    verified against (source, title, DOI, arXiv id, and the record a version 3 line keeps),
    under the lock ``key``."""
    bound: list[object] = [citation_key, item.fingerprint, item.source, item.title, item.doi, item.arxiv_id]
    if item.record is not None:
        bound = [LOCK_VERSION, *bound, item.record.model_dump(mode="json", exclude_defaults=True)]
    else:
        bound = [2, *bound]  # as a version 2 lock sealed its lines
    message = json.dumps(bound, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sealed(key: bytes | None, citation_key: str, item: VerifiedItem) -> VerifiedItem:
    """``item`` sealed under ``key``; unsealed without one."""
    return item.model_copy(update={"seal": seal_of(key, citation_key, item) if key else None})


def trusted(key: bytes | None, citation_key: str, item: VerifiedItem) -> bool:
    """True when ``item`` was sealed under ``key`` for ``citation_key`` and nothing in it changed."""
    if key is None or item.seal is None:
        return False
    return hmac.compare_digest(item.seal, seal_of(key, citation_key, item))


def lock_key(configured: str | None) -> bytes | None:
    """The key lock lines are sealed with: ``configured`` (``BIBNORM_LOCK_KEY``, from the user's
    environment or CI's secrets), else None. bibnorm makes no key of its own: a lock is checked
    by its records, not by a seal only its writer's machine could verify."""
    return configured.encode() if configured else None


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


# A lock holds one project's decisions: a few thousand papers, a few MB. Reading one costs about
# ten times its size in memory (a lock of a million items, 0.5 GB of JSON, took 5.6 GB), so a
# larger file is refused in one line rather than read: 32 MiB is some 40,000 items.
LOCK_LIMIT = 32 << 20
LOCK_LIMIT_VARIABLE = "BIBNORM_MAX_LOCK"


def load_lock(path: Path | str) -> Lock:
    """Read a lock file; a missing file is an empty lock, a corrupt or oversized one an `InputError`."""
    if not Path(path).exists():
        return Lock()
    limit = size_limit(LOCK_LIMIT_VARIABLE, LOCK_LIMIT)
    with contextlib.suppress(OSError):
        if Path(path).is_file() and (size := Path(path).stat().st_size) > limit:
            raise InputError(
                f"{path}: a lock of {size:,} bytes, more than the {limit:,} bibnorm reads (set"
                f" {LOCK_LIMIT_VARIABLE} to allow more); nothing was read"
            )
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
            lock = Lock.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise InputError(
            f"{path}: not a bibnorm lock file ({first}); delete it or run with --update-lock"
        ) from None
    if lock.version > LOCK_VERSION:
        raise InputError(f"{path}: a version {lock.version} lock, from a newer bibnorm; upgrade bibnorm")
    return lock


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
    document: dict[str, object] = {"version": LOCK_VERSION, "items": items}
    if lock.verified:
        document["verified"] = {key: _verified_line(item) for key, item in sorted(lock.verified.items())}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _verified_line(item: VerifiedItem) -> dict[str, object]:
    line = item.model_dump(mode="json", exclude_none=True, exclude={"record"})
    if item.record is not None:
        line["record"] = item.record.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return line


def save_lock(path: Path | str, lock: Lock) -> None:
    """Write the lock atomically (a crash leaves the old lock intact)."""
    write_atomic(path, dump_lock(lock))


def update_lock(path: Path | str, change: Callable[[Lock], Lock]) -> Lock:
    """Replace the lock at ``path`` with ``change(the lock as it is now)``, and return it.

    The read, the change and the atomic write happen under an exclusive lock
    (`bibnorm.io.locked`), so runs updating one lock in parallel each start from what the
    others wrote: no run's decisions are lost.
    """
    with locked(path):
        new = change(load_lock(path))
        save_lock(path, new)
    return new


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


def lock_at(path: Path, revision: str) -> Lock | None:
    """The lock ``path`` as git's commit ``revision`` holds it: an empty lock when the commit has
    no such file, None when there is no such commit (no repository, a first commit's ``HEAD``,
    a name git does not know), so every line counts as new. ``--end-of-options`` keeps a
    revision such as ``--output=FILE`` a name."""
    folder = path.parent if str(path.parent) else Path()

    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=60, check=False)

    try:
        found = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        commit = found.stdout.decode("ascii", "replace").strip()
        if found.returncode != 0 or not commit:
            return None
        shown = git("show", f"{commit}:./{path.name}")
    except (OSError, subprocess.TimeoutExpired):
        return None
    if shown.returncode != 0:
        return Lock()  # the commit holds no lock: every line is new
    try:
        data = loads(shown.stdout.decode("utf-8"))
        return Lock.model_validate(data)
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        return Lock()  # not a lock bibnorm can read: nothing in it vouches


def lines_since(lock: Lock, base: Lock | None) -> frozenset[str]:
    """The citation keys whose verified line ``lock`` holds and ``base`` did not hold as it is."""
    if base is None:
        return frozenset(lock.verified)
    return frozenset(key for key, item in lock.verified.items() if base.verified.get(key) != item)
