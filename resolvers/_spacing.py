"""One rate per source for every process of a run, and for every run sharing a cache folder.

A source's spacing (``arxiv_delay``, ``dblp_delay``, …) is what the source asks of a client,
whatever the number of processes behind it: the local ``--workers`` processes, the threads of a
Dask worker (a session each), and a second bibnorm run started beside the first all ask through
one turn per source. The turn is a small file per source in the cache folder, beside the HTTP
cache, holding the time its last request ended; a process takes the source's turn by locking the
file (``flock``), waits until the spacing has passed since that time, asks (retries and their
waits included, still holding the turn: one connection at a time, as arXiv's terms ask), writes
the time its request ended and lets go. Waiting for the lock is the queue: a process that dies
holding it loses it at once (the kernel drops the lock with the process).

Chosen over keeping every online question in the driver process (the workers would have to hand
their questions back and wait, a rewrite of every engine) and over a token bucket in SQLite (a
bucket allows bursts; the sources ask for a gap between requests, which a time is enough to
keep). Taking a turn costs an open, a lock, an 8-byte read and write: tens of microseconds
against the milliseconds of any request (docs/scale.md has the figures).

The time kept is the adapter's clock (``time.monotonic``: one clock for every process of a
machine), so the turn holds across the processes of one machine. Several machines each keep
their own turns (their clocks are not comparable); docs/scale.md says how to divide a source's
rate among them. A recorded time further ahead than the spacing itself (a clock from before a
reboot, a test's fake clock) is not waited for beyond one spacing.

Where no lock can be taken (no ``fcntl``, a file system without locks, a folder that cannot be
written), the turn is this process's alone, as before: spaced within the process, never refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path

FOLDER = "spacing"  # under the cache folder: one small file per source
_TIME = struct.Struct("<d")  # the end of the source's last request, on the adapter's clock


class Turn:
    """A source's turn, held: when its last request ended, and where to write the next one's end."""

    def __init__(self, descriptor: int | None) -> None:
        self._descriptor = descriptor
        self.last: float | None = self._read()

    def _read(self) -> float | None:
        if self._descriptor is None:
            return None
        try:
            data = os.pread(self._descriptor, _TIME.size, 0)
        except OSError:
            return None
        return _TIME.unpack(data)[0] if len(data) == _TIME.size else None

    def ended(self, when: float) -> None:
        """Record that this process's request ended at ``when`` (the next one waits from there)."""
        self.last = when
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.pwrite(self._descriptor, _TIME.pack(when), 0)


class SharedSpacing:
    """The turns of the sources, kept as files in ``folder`` (``<cache folder>/spacing``)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path_for(self, source: str, base_url: str) -> Path | None:
        """The file of the source at ``base_url``: a mirror or a test server is another server, so
        its turns are its own."""
        if self.folder is None:
            return None
        digest = hashlib.sha256(base_url.encode()).hexdigest()[:16]
        name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in source)
        return self.folder / f"{name}-{digest}"

    @contextlib.contextmanager
    def turn(self, source: str, base_url: str) -> Iterator[Turn]:
        """Hold the source's turn (waiting for any other process that holds it) while the body runs."""
        descriptor = self._lock(self.path_for(source, base_url))
        try:
            yield Turn(descriptor)
        finally:
            if descriptor is not None:
                os.close(descriptor)  # closing the descriptor lets go of the lock

    def _lock(self, path: Path | None) -> int | None:
        """An open, locked descriptor of ``path``; None where no lock can be had (the turn is then
        this process's alone)."""
        if path is None:
            return None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX: no advisory locks to take
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:  # a file system that takes no locks
            os.close(descriptor)
            return None
        return descriptor
