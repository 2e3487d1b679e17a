"""A `Progress` that writes down what it hears, for tests of who reports what."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Phase:
    name: str
    total: int | None
    unit: str
    done: int = 0  # the sum of what callers advanced, unclamped: over-reporting shows
    expected: list[int] = field(default_factory=list)
    advances: int = 0
    finished: bool = False


class ProgressLog:
    """Every phase started, with what was advanced and expected in it."""

    def __init__(self) -> None:
        self.phases: list[Phase] = []
        self._lock = threading.Lock()

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        with self._lock:
            self.phases.append(Phase(phase, total, unit))

    def expect(self, total: int) -> None:
        with self._lock:
            self.phases[-1].expected.append(total)
            self.phases[-1].total = total

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.phases[-1].done += count
            self.phases[-1].advances += 1

    def finish(self) -> None:
        with self._lock:
            self.phases[-1].finished = True

    def summary(self) -> list[tuple[str, int, int | None]]:
        """(phase, done, total) for each phase, in order."""
        return [(phase.name, phase.done, phase.total) for phase in self.phases]
