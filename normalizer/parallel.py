"""Reading a big ``.bib`` file on every core.

bibtexparser's splitter is pure Python and needs about 2 s for 20,000 entries: on
its own more than the time `check` and `format` are allowed (issue 5). A file is cut
into pieces that hold whole blocks (`chunk_spans`); worker processes parse the
pieces and run the per-piece work (checks, rendering) there, and send back only its
small result, never the parsed blocks (pickling those costs as much as parsing).

Workers are forked, so they share the already imported modules and the text for
free and need nothing pickled but the piece numbers and the results. Forking is
only done from a single-threaded process (a fork taken while another thread holds
a lock can deadlock the child); otherwise, on platforms without ``fork``, for
small texts and for ``jobs=1`` the same work runs in-process, piece by piece, with
identical results.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from typing import TypeVar, cast

from normalizer.bibfile import CHUNK_CHARS, BibFile, Span, chunk_spans, normalize_newlines, parse_span

T = TypeVar("T")

# Small pieces balance the two workers; the fixed cost per piece is a fraction of a millisecond.
PARALLEL_CHUNK_CHARS = 1 << 18


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing  # local: the snapshot asks available_cpus at start-up

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


# What forked workers read: set just before the pool forks, cleared after.
_job: tuple[str, list[Span], str, str, Callable[[BibFile], object]] | None = None


# A piece allocates hundreds of thousands of small objects that plain reference counting frees;
# the default first-generation threshold (700) would run the cycle collector thousands of times.
_WORKER_GC_THRESHOLDS = (20_000, 20, 20)


def _start_worker() -> None:
    # The inherited objects (modules, the text) will never be garbage: freezing them keeps the
    # collector from scanning them again and again, and from copying their pages on write.
    gc.freeze()
    gc.set_threshold(*_WORKER_GC_THRESHOLDS)


def _run_piece(index: int) -> object:
    assert _job is not None, "worker started without a job"
    text, spans, path, newline, work = _job
    return work(BibFile(path=path, blocks=tuple(parse_span(text, spans[index])), newline=newline))


def map_pieces(
    text: str,
    path: str,
    work: Callable[[BibFile], T],
    *,
    jobs: int | None = None,
    chunk_chars: int | None = None,
) -> list[T]:
    """``work`` applied to each piece of ``text`` parsed as a `BibFile`, results in file order.

    Line numbers are the whole file's. ``jobs`` defaults to the CPUs available;
    ``chunk_chars`` (the piece size) exists for tests.
    """
    global _job
    jobs = available_cpus() if jobs is None else max(1, jobs)
    newline, text = normalize_newlines(text)
    parallel = jobs > 1 and can_fork()
    size = chunk_chars or (PARALLEL_CHUNK_CHARS if parallel else CHUNK_CHARS)
    spans = chunk_spans(text, size)
    if not parallel or len(spans) < 2:
        return [
            work(BibFile(path=path, blocks=tuple(parse_span(text, span)), newline=newline)) for span in spans
        ]
    import multiprocessing

    _job = (text, spans, path, newline, work)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(spans)), _start_worker) as pool:
            return cast("list[T]", pool.map(_run_piece, range(len(spans)), chunksize=1))
    finally:
        _job = None
