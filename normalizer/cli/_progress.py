"""What the user sees while a command works: the `Progress` the CLI hands the library.

- stderr is a terminal: a live line per phase (rich), with its count done/total, rate and time
  left; finished phases stay on screen, one line each. Sources asked side by side each have
  their line at once (the library reports them in lanes, `bibnorm.resolve.progress.lane`).
- stderr is not a terminal (a log, a pipe, CI): nothing, or with ``--progress`` plain lines: one
  when a phase starts, one at least every `EVERY` seconds while it runs (``bibnorm: enrich: dblp:
  40/262 items, 0.5 items/s, 7:24 left``: a CI system that ends a job silent for ten
  minutes sees it live through a slow source) and one when it ends (``bibnorm: find: arxiv:
  120/120 items in 14.2 s, 8.5 items/s``); every running phase of the sources asked side by side
  says so.
- ``-q`` or ``--no-progress``: nothing.

Never on stdout. rich is imported only for the live display: a run whose stderr is not a
terminal does not pay its import (about 0.03 s of CPU on top of click's), so
``bench/bench_startup.py``, whose children write to /dev/null, measures no change.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, TypeVar

import click
from bibnorm.cli._style import colors
from bibnorm.resolve.progress import BYTES, NO_PROGRESS, Progress

F = TypeVar("F", bound=Callable[..., Any])
_MB = 1_000_000
EVERY = 30.0  # seconds: the longest a log waits for a line while a phase runs


def progress_option(function: F) -> F:
    """``--progress/--no-progress``: the default shows progress only on a terminal."""
    return click.option(
        "--progress/--no-progress",
        "show_progress",
        default=None,
        help="Progress on stderr: live on a terminal (default); in logs with --progress, a line when "
        "each phase starts and ends and every 30 s between; none with --no-progress.",
    )(function)


@contextmanager
def progress_for(*, quiet: bool, wanted: bool | None, stream: IO[str] | None = None) -> Iterator[Progress]:
    """The `Progress` a command passes to the library, closed (its last line shown) on the way out."""
    stream = stream or sys.stderr
    if quiet or wanted is False:
        yield NO_PROGRESS
        return
    shown: LiveProgress | PhaseLines
    if _is_terminal(stream):
        shown = LiveProgress(stream)
    elif wanted:
        shown = PhaseLines(lambda line: click.echo(line, file=stream), every=EVERY)
    else:
        yield NO_PROGRESS
        return
    try:
        yield shown
    finally:
        shown.close()


def say(progress: Progress, line: str) -> None:
    """One line on stderr while ``progress`` may be drawn: through the live display's console
    when there is one, so that it stands above the bars (a plain write would land between
    rich's redraws and leave finished phases on screen twice), else as a plain line."""
    if isinstance(progress, LiveProgress):
        progress.say(line)
    else:
        click.echo(line, err=True)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (ValueError, AttributeError):  # closed, or not a real file
        return False


# --- how counts, rates and times read --------------------------------------------------------


def count_text(done: int, total: int | None, unit: str) -> str:
    """``120/250 items``, ``37/1,830 MB``, ``2,000 lines`` (total not known)."""
    if unit == BYTES:
        shown = f"{done / _MB:,.0f}" if total is None else f"{done / _MB:,.0f}/{total / _MB:,.0f}"
        return f"{shown} MB"
    return f"{done:,} {unit}" if total is None else f"{done:,}/{total:,} {unit}"


def rate_text(per_second: float | None, unit: str) -> str:
    """``8.5 items/s``, ``41 MB/s``; empty when not known yet."""
    if not per_second:
        return ""
    if unit == BYTES:
        return f"{per_second / _MB:,.0f} MB/s"
    return f"{per_second:,.0f} {unit}/s" if per_second >= 10 else f"{per_second:.1f} {unit}/s"


def clock_text(seconds: float) -> str:
    """``0:07``, ``12:40``, ``1:02:03``."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def started_line(phase: str, total: int | None, unit: str) -> str:
    """The line a phase starts with in a log."""
    return f"bibnorm: {phase}: started" + ("" if total is None else f", {count_text(total, None, unit)}")


def running_line(phase: str, done: int, total: int | None, unit: str, seconds: float) -> str:
    """The line a running phase says in a log every so often: how far, how fast, how long left."""
    per_second = done / seconds if seconds > 0 and done else None
    said = [f"bibnorm: {phase}: {count_text(done, total, unit)}"]
    if rate := rate_text(per_second, unit):
        said.append(rate)
    if per_second and total is not None:
        said.append(f"{clock_text(max(0, total - done) / per_second)} left")
    else:
        said.append(f"{clock_text(seconds)} so far")
    return ", ".join(said)


def phase_line(phase: str, done: int, total: int | None, unit: str, seconds: float) -> str:
    """The one line a finished phase leaves in a log."""
    took = f"{seconds:.1f} s"
    if total is None and not done:
        return f"bibnorm: {phase}: done in {took}"
    rate = rate_text(done / seconds if seconds > 0 else None, unit)
    return f"bibnorm: {phase}: {count_text(done, total, unit)} in {took}" + (f", {rate}" if rate else "")


# --- not a terminal: lines in a log ----------------------------------------------------------


class _Running:
    """A phase a log is told about: its count so far, when it started and when it last said so."""

    def __init__(self, phase: str, total: int | None, unit: str, now: float) -> None:
        self.phase, self.total, self.unit, self.done = phase, total, unit, 0
        self.started = self.said = now


class _Lanes:
    """A progress display of several lanes at once; the caller's own phases run in lane "".

    Subclasses keep each lane's running phase under ``_lock`` (``_end`` is called holding it).
    """

    _lock: threading.Lock

    def _start(self, lane: str, phase: str, total: int | None, unit: str) -> None:
        raise NotImplementedError

    def _expect(self, lane: str, total: int) -> None:
        raise NotImplementedError

    def _advance(self, lane: str, count: int) -> None:
        raise NotImplementedError

    def _end(self, lane: str, *, finished: bool) -> None:
        raise NotImplementedError

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        self._start("", phase, total, unit)

    def expect(self, total: int) -> None:
        self._expect("", total)

    def advance(self, count: int = 1) -> None:
        self._advance("", count)

    def finish(self) -> None:
        with self._lock:
            self._end("", finished=True)


class _Lane:
    """One lane of a `_Lanes` display, as a `Progress` of its own."""

    def __init__(self, lanes: _Lanes, name: str) -> None:
        self._lanes, self._name = lanes, name

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        self._lanes._start(self._name, phase, total, unit)

    def expect(self, total: int) -> None:
        self._lanes._expect(self._name, total)

    def advance(self, count: int = 1) -> None:
        self._lanes._advance(self._name, count)

    def finish(self) -> None:
        with self._lanes._lock:
            self._lanes._end(self._name, finished=True)


class PhaseLines(_Lanes):
    """A `Progress` for logs and CI (``--progress``): a line when a phase starts, when it ends, and,
    with ``every``, one at least every ``every`` seconds while it runs (`beat`, called by a
    thread of its own from the first phase to `close`). Phases of other lanes (`lane`: the sources
    asked side by side) run beside this one's, each with its own lines."""

    def __init__(
        self,
        echo: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
        *,
        every: float | None = None,
    ) -> None:
        self.echo, self.clock, self.every = echo, clock, every
        self._lock = threading.Lock()
        self._running: dict[str, _Running] = {}  # lane → its phase, in the order they started
        self._closed = threading.Event()
        self._beating: threading.Thread | None = None

    def lane(self, name: str) -> _Lane:
        """The `Progress` of work running beside this one's: its phases said as this one's are."""
        return _Lane(self, f"lane:{name}")

    def _start(self, lane: str, phase: str, total: int | None, unit: str) -> None:
        with self._lock:
            self._end(lane, finished=False)
            self._running[lane] = _Running(phase, total, unit, self.clock())
            self.echo(started_line(phase, total, unit))
            if self.every is not None and self._beating is None:
                self._beating = threading.Thread(target=self._beat_until_closed, name="progress", daemon=True)
                self._beating.start()

    def _expect(self, lane: str, total: int) -> None:
        with self._lock:
            running = self._running.get(lane)
            if running is not None:
                running.total = total
                running.done = min(running.done, total)

    def _advance(self, lane: str, count: int) -> None:
        with self._lock:
            running = self._running.get(lane)
            if running is not None:
                done = running.done + count
                running.done = done if running.total is None else min(done, running.total)

    def beat(self) -> float:
        """Say how each running phase is doing if no line was said of it for ``every`` seconds;
        the seconds until the next line is due."""
        every = self.every if self.every is not None else EVERY
        with self._lock:
            now = self.clock()
            due = every
            for running in self._running.values():
                if now - running.said >= every:
                    self.echo(
                        running_line(
                            running.phase, running.done, running.total, running.unit, now - running.started
                        )
                    )
                    running.said = now
                due = min(due, max(0.0, running.said + every - now))
            return due

    def _beat_until_closed(self) -> None:
        # The first wait is a whole period: the phase's start line was just said.
        wait = self.every if self.every is not None else EVERY
        while not self._closed.wait(wait):
            wait = self.beat()

    def close(self) -> None:
        self._closed.set()
        if self._beating is not None:
            self._beating.join()
        with self._lock:
            for lane in list(self._running):
                self._end(lane, finished=False)

    def _end(self, lane: str, *, finished: bool) -> None:
        running = self._running.pop(lane, None)
        if running is None:
            return
        done = running.total if finished and running.total is not None else running.done
        self.echo(
            phase_line(running.phase, done, running.total, running.unit, self.clock() - running.started)
        )


# --- a terminal: live lines (rich) -------------------------------------------------------------


class LiveProgress(_Lanes):
    """A `Progress` drawn live on a terminal with rich: one bar per phase, finished ones kept; the
    phases of lanes running side by side (`lane`) each drawn at once.

    While it is drawn, rich shows what the command writes to stderr (notes, warnings) above the
    bars instead of through them.
    """

    def __init__(self, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn
        from rich.progress import Progress as Bars

        # The caller decided this is a terminal (FORCE_COLOR must not make a log "live"); colour
        # follows the command's --color / NO_COLOR choice.
        console = Console(file=stream, force_terminal=True, no_color=not colors(stream))
        self._bars = Bars(
            TextColumn("bibnorm: {task.description}"),
            BarColumn(bar_width=24),
            _counts(),
            _rate(),
            _time_left(),
            console=console,
            transient=False,
            redirect_stdout=False,
            refresh_per_second=8,
        )
        self._lock = threading.Lock()
        self._tasks: dict[str, Any] = {}  # lane → the bar of its running phase
        self._bars.start()

    def lane(self, name: str) -> _Lane:
        """The `Progress` of work running beside this one's (a source asked side by side): a bar
        of its own."""
        return _Lane(self, f"lane:{name}")

    def _start(self, lane: str, phase: str, total: int | None, unit: str) -> None:
        with self._lock:
            self._end(lane, finished=False)
            self._tasks[lane] = self._bars.add_task(phase, total=total, unit=unit)

    def _expect(self, lane: str, total: int) -> None:
        with self._lock:
            if (task := self._tasks.get(lane)) is not None:
                self._bars.update(task, total=total)

    def _advance(self, lane: str, count: int) -> None:
        with self._lock:
            if (task_id := self._tasks.get(lane)) is not None:
                task = self._bars.tasks[task_id]
                room = count if task.total is None else max(0, min(count, int(task.total - task.completed)))
                if room:
                    self._bars.advance(task_id, room)

    def say(self, line: str) -> None:
        """``line`` above the bars, as it is (no markup, no highlighting, not wrapped)."""
        with self._lock:
            self._bars.console.print(line, markup=False, highlight=False, soft_wrap=True, emoji=False)

    def close(self) -> None:
        with self._lock:
            for lane in list(self._tasks):
                self._end(lane, finished=False)
            self._bars.stop()

    def _end(self, lane: str, *, finished: bool) -> None:
        task_id = self._tasks.pop(lane, None)
        if task_id is None:
            return
        task = self._bars.tasks[task_id]
        total = task.total if finished and task.total is not None else task.completed
        self._bars.update(task_id, total=total, completed=total)
        self._bars.stop_task(task_id)


def _counts() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Counts(ProgressColumn):
        def render(self, task: Any) -> Text:
            total = None if task.total is None else int(task.total)
            return Text(
                count_text(int(task.completed), total, task.fields["unit"]), style="progress.download"
            )

    return Counts()


def _average_rate(task: Any) -> float | None:
    """Items per second over the whole phase so far: sources answer in lumps (a batch settles
    hundreds of titles at once), so a rate over the last few seconds would swing wildly."""
    seconds = task.finished_time if task.finished else task.elapsed
    return task.completed / seconds if seconds and task.completed else None


def _rate() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(rate_text(_average_rate(task), task.fields["unit"]), style="progress.data.speed")

    return Rate()


def _time_left() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class TimeLeft(ProgressColumn):
        # No max_refresh: rich would show a cached "so far" for a finished phase of 0 items, and
        # the estimate, from the phase's average rate, does not jump about anyway.
        def render(self, task: Any) -> Text:
            if task.finished:
                return Text(f"in {clock_text(task.finished_time or 0.0)}", style="progress.elapsed")
            rate = _average_rate(task)
            if rate is None or task.total is None:
                return Text(f"{clock_text(task.elapsed or 0.0)} so far", style="progress.elapsed")
            left = max(0.0, task.total - task.completed) / rate
            return Text(f"{clock_text(left)} left", style="progress.remaining")

    return TimeLeft()


__all__ = [
    "LiveProgress",
    "PhaseLines",
    "phase_line",
    "progress_for",
    "progress_option",
    "running_line",
    "say",
    "started_line",
]
