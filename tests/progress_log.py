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

    def lane(self, name: str) -> LaneLog:
        """A lane of its own (work that runs side by side): its phases are written down here too,
        each call going to the lane's own phase."""
        return LaneLog(self)

    def summary(self) -> list[tuple[str, int, int | None]]:
        """(phase, done, total) for each phase, in order."""
        return [(phase.name, phase.done, phase.total) for phase in self.phases]


class LaneLog:
    """One lane of a `ProgressLog`: its calls go to the phase it started last."""

    def __init__(self, log: ProgressLog) -> None:
        self.log = log
        self.phase: Phase | None = None

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        with self.log._lock:
            self.phase = Phase(phase, total, unit)
            self.log.phases.append(self.phase)

    def expect(self, total: int) -> None:
        with self.log._lock:
            assert self.phase is not None, "expect outside a phase"
            self.phase.expected.append(total)
            self.phase.total = total

    def advance(self, count: int = 1) -> None:
        with self.log._lock:
            assert self.phase is not None, "advance outside a phase"
            self.phase.done += count
            self.phase.advances += 1

    def finish(self) -> None:
        with self.log._lock:
            assert self.phase is not None, "finish outside a phase"
            self.phase.finished = True
