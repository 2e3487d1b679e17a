"""How bench/bench_corpus_verify.py measures on a shared machine: wall clock with the load average
beside it, CPU seconds (the per-core rate the load does not hide), and the memory of worker
processes as /proc has it while a run goes on."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bench_bibfile import memory_kb

T = TypeVar("T")


def in_a_child(function: Callable[..., T], *arguments: Any) -> T:
    """``function(*arguments)`` in a forked child process, its result (or the exception it
    raised) sent back. What it grows (a worker's caches and sources, a venue's parsed results, an
    index build's keys) goes with the child: the worker processes forked later from this one,
    whose memory the bench measures, do not inherit it, as a venue run's workers inherit nothing
    of the kind from ``bibnorm verify``. The child is forked, not sent the function: a closure
    will do, and it may start processes of its own (it is no daemon)."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_send_outcome, args=(sending, function, arguments)
    )
    child.start()
    sending.close()
    try:
        failed, outcome = receiving.recv()
    except EOFError:
        raise SystemExit(f"{getattr(function, '__name__', function)}: its child process died") from None
    finally:
        child.join()
    if failed:
        raise outcome
    return outcome


def _send_outcome(sending: Any, function: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
    try:
        outcome: tuple[bool, Any] = (False, function(*arguments))
    except BaseException as error:  # SystemExit too: the parent raises it
        outcome = (True, error)
    sending.send(outcome)


def cpu_seconds() -> float:
    """The CPU time of this process and of its children ended so far (PDF readers, workers): on a
    shared machine, references per CPU-second is the per-core rate the load does not hide."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Stopwatch:
    """Wall and CPU seconds since it was made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, cpu_seconds() - self.cpu


def per_second(refs: int, seconds: tuple[float, float]) -> str:
    wall, cpu = seconds
    return f"{refs / wall:,.0f} refs/s ({refs / cpu:,.0f} per CPU-second)"


def load_figure() -> str:
    """The load average beside a figure: the machine is shared, and its load moves them."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


class WorkerMemory:
    """The largest resident and private (anonymous) memory of this process's children, sampled
    while a run goes on; and of each child with the processes it started (the kept PDF reader a
    worker forks), their proportional set sizes summed (`bench_bibfile.memory_kb`: a page the
    fork left shared is counted once, not in both). A worker's resident size counts the index
    pages it read through its memory map (the OS's file cache, shared by every worker and dropped
    under pressure); its private memory is its own.

    A sample is not free (smaps_rollup walks a process's page tables under its memory-map lock,
    a few milliseconds for each worker, on the cores the workers run on), so it is taken once a
    second: the kept indexes and PDF reader live for the whole run, and a worker's peak resident
    size is the kernel's own high-water mark, exact however seldom it is read."""

    INTERVAL = 1.0  # seconds between samples

    def __init__(self) -> None:
        self.resident = self.private = 0.0  # the largest worker alone (its peak, VmHWM)
        self.tree_proportional = 0.0  # a worker and its descendants, their PSS summed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.INTERVAL):
            processes = _processes()
            children: dict[int, list[int]] = {}
            for pid, fields in processes.items():
                children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
            for worker in children.get(me, []):
                fields = processes[worker]
                self.resident = max(self.resident, mib(fields.get("VmHWM")))
                self.private = max(self.private, mib(fields.get("RssAnon")))
                tree, todo = [], [worker]
                while todo:
                    pid = todo.pop()
                    tree.append(pid)
                    todo.extend(children.get(pid, []))
                self.tree_proportional = max(self.tree_proportional, sum(map(memory_kb, tree)) / 1024)


def _processes() -> dict[int, dict[str, str]]:
    """Every process's /proc status fields, by pid (those that end meanwhile left out)."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        found[int(status.parent.name)] = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    return found


def mib(field: str | None) -> float:
    return int(field.split()[0]) / 1024 if field else 0.0  # "123456 kB"
