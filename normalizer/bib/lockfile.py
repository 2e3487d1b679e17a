"""``bibnorm.lock``: the match decisions of a run, so the next run repeats them offline.

The lock is JSON, one item per distinct input (keyed by `Query.identity`), sorted
and indented so a change to one decision is a small diff in review. Each item keeps
what was chosen (ids, score, source, the date it was decided) and a compact copy of
the resolved `Reference`, which is enough for `LockResolver` to answer the same
query again with no network: a CI run on a committed lock is deterministic.

Entries ``bibnorm verify`` found faithful are kept under ``verified``, by citation key, each
bound to the entry it was made from (`VerifiedItem.fingerprint`, a digest of the entry's
claims) and to the record it was verified against (source, title, DOI, arXiv id) by a
``seal``: an HMAC-SHA256 of both under the lock key (`lock_key`: ``BIBNORM_LOCK_KEY``, else a
random key kept in the cache folder). A digest anyone can compute would not tell a line
``verify`` wrote from one written by hand for a fabricated entry; the key does. So an edited
entry, a line edited or written by hand, a line of a version 1 lock (no seal) and one sealed
under another key are not trusted (`trusted`): ``verify`` asks the sources again online and
reports the entry unverifiable offline.

Updates are read-modify-write under an exclusive lock (`update_lock`), written atomically, so
parallel ``--update-lock`` runs on one lock keep every run's decisions.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from bibnorm.errors import InputError, OutputError
from bibnorm.io import locked, make_folders, read_text, size_limit, write_atomic
from bibnorm.models import Candidate, Lookup, Query, Reference, Resolution, Status
from bibnorm.resolve.matching import query_identity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.safejson import loads
from pydantic import BaseModel, ConfigDict, Field, ValidationError

# 2: verified entries carry a seal; 1 (still read): they did not, and are no longer trusted.
LOCK_VERSION = 2
SOURCE = "lock"
LOCK_FILE = "bibnorm.lock"  # used from the working directory when it exists
KEY_FILE = "lock.key"  # the lock key in the cache folder, when BIBNORM_LOCK_KEY is not set


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
    """An entry ``bibnorm verify`` found faithful, as long as its claims stay the same."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str  # `bibnorm.verify.judge.Claim.fingerprint`: any edit to the entry voids it
    source: str
    title: str
    doi: str | None = None
    arxiv_id: str | None = None
    date: str
    seal: str | None = None  # `seal_of`; none in a version 1 lock


def seal_of(key: bytes, citation_key: str, item: VerifiedItem) -> str:
    """The HMAC binding the entry (its citation key and claims' digest) to the record it was
    verified against (source, title, DOI, arXiv id), under the lock ``key``."""
    bound = [LOCK_VERSION, citation_key, item.fingerprint, item.source, item.title, item.doi, item.arxiv_id]
    message = json.dumps(bound, ensure_ascii=False, separators=(",", ":")).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sealed(key: bytes, citation_key: str, item: VerifiedItem) -> VerifiedItem:
    return item.model_copy(update={"seal": seal_of(key, citation_key, item)})


def trusted(key: bytes | None, citation_key: str, item: VerifiedItem) -> bool:
    """True when ``item`` was sealed under ``key`` for ``citation_key`` and nothing in it changed."""
    if key is None or item.seal is None:
        return False
    return hmac.compare_digest(item.seal, seal_of(key, citation_key, item))


def lock_key(configured: str | None, folder: Path, *, create: bool) -> bytes | None:
    """The key lock lines are sealed with: ``configured`` (``BIBNORM_LOCK_KEY``, shared by a team
    and its CI), else the one in ``folder/lock.key`` (the cache folder: one per machine), made
    when ``create`` and missing. ``None`` when there is none (nothing is trusted then).

    A new key is written whole beside the file, then linked into place, so parallel first runs
    agree on one key. Raises `OutputError` when a key must be made and cannot be.
    """
    if configured:
        return configured.encode()
    path = folder / KEY_FILE
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if text := path.read_text(encoding="ascii").strip():
            return text.encode()
    if not create:
        return None
    try:
        make_folders(folder)
        draft = folder / f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp"  # one per thread too
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)  # fails when another run made the key first: theirs is used
        except FileExistsError:
            pass
        finally:
            draft.unlink()
        made = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not a key bibnorm wrote"
        raise OutputError(f"cannot make the lock key {path}: {reason}; set BIBNORM_LOCK_KEY") from None
    if not made:
        raise OutputError(f"the lock key {path} is empty; delete it and run again")
    return made.encode()


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
        document["verified"] = {
            key: item.model_dump(mode="json", exclude_none=True)
            for key, item in sorted(lock.verified.items())
        }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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
