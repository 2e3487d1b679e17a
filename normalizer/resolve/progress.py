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
"""

from __future__ import annotations

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


NO_PROGRESS: Progress = Silent()


__all__ = ["BYTES", "NO_PROGRESS", "Progress", "Silent"]
