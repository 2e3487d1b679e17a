"""How long work says how far it got: the callback interface the library reports progress through.

The library never prints progress. The pipeline, the sources' batch loops, ``verify`` and the
snapshot index build receive a `Progress` and report through it: a *phase* starts (``find:
arxiv``, 120 items), items of it are done, the phase finishes. What the user sees — a live line
on a terminal, lines in a log as a phase starts, runs and ends, nothing with ``-q`` — is the CLI's choice
(`bibnorm.cli._progress`); code that is not given a `Progress` gets `NO_PROGRESS`, which
ignores everything.

Phases follow one another (a new ``start`` ends the one before). Implementations must accept
calls from worker threads (the snapshot resolver shares its look-ups between two) and keep
``done`` at most ``total`` whatever callers report.

Work that runs side by side (the sources of a run, each asked at its own rate) reports through
*lanes*: `lane` gives a `Progress` whose phases follow one another within the lane while other
lanes' phases run at the same time, each shown on its own. An implementation shows lanes by a
``lane(name)`` method; one without it hears every lane's calls in turn, as they come.
"""

from __future__ import annotations

import threading
from typing import Protocol

BYTES = "bytes"  # the unit of phases counted in bytes (shown in MB)


class Progress(Protocol):
    """Receives how far long work got (see the module docstring)."""

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        """A phase begins with ``total`` items to do (None: not known); the previous one is over."""

    def expect(self, total: int) -> None:
        """The current phase turns out to have ``total`` items (a source asks about only some)."""

    def advance(self, count: int = 1) -> None:
        """``count`` more items of the current phase are done."""

    def finish(self) -> None:
        """The current phase is over: every one of its items is done."""


class Silent:
    """A `Progress` that ignores everything: the default for library callers and quiet runs."""

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        return None

    def expect(self, total: int) -> None:
        return None

    def advance(self, count: int = 1) -> None:
        return None

    def finish(self) -> None:
        return None

    def lane(self, name: str) -> Silent:
        return self


NO_PROGRESS: Progress = Silent()


def lane(progress: Progress, name: str) -> Progress:
    """A `Progress` for the work called ``name`` that runs beside other lanes of ``progress``
    (its own phase on screen and in logs); ``progress``'s own ``lane(name)`` where it has one."""
    own = getattr(progress, "lane", None)
    return own(name) if callable(own) else _InTurn(progress)


class _InTurn:
    """A lane of a `Progress` that shows one phase at a time: every call reaches it, one at a time."""

    _lock = threading.Lock()

    def __init__(self, progress: Progress) -> None:
        self._progress = progress

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        with self._lock:
            self._progress.start(phase, total, unit)

    def expect(self, total: int) -> None:
        with self._lock:
            self._progress.expect(total)

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self._progress.advance(count)

    def finish(self) -> None:
        with self._lock:
            self._progress.finish()


__all__ = ["BYTES", "NO_PROGRESS", "Progress", "Silent", "lane"]
