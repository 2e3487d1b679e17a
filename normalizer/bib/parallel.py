"""Reading a big ``.bib`` file on every core.

Reading (`bibnorm.bib.reading`) is pure Python and needs seconds for 20,000 entries: on
its own more than the time `check` and `format` are allowed. A file is cut
into pieces that hold whole blocks (`chunk_spans`); worker processes parse the
pieces and run the per-piece work (checks, rendering) there, and send back only its
small result, never the parsed blocks (pickling those costs as much as parsing).

Workers are forked, so they share the already imported modules and the text for
free and need nothing pickled but the piece numbers and the results. Forking is
only done from a single-threaded process (a fork taken while another thread holds
a lock can deadlock the child); otherwise, on platforms without ``fork``, for
small texts, for ``jobs=1`` and when no pool can be started (`bibnorm.processes`) the
same work runs in-process, piece by piece, with identical results. How workers
start, stop and fail is `bibnorm.processes.fork_pool`'s: quietly, and never in a hang.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Generator, Iterator
from itertools import islice
from typing import Any, TypeVar

from bibnorm.bib.bibfile import (
    CHUNK_CHARS,
    BibFile,
    Span,
    chunk_spans,
    normalize_newlines,
    parse_piece,
    parse_span,
    rest_of,
)
from bibnorm.errors import WorkerError
from bibnorm.processes import available_cpus, can_fork, fork_pool

T = TypeVar("T")

# Small pieces balance the two workers; the fixed cost per piece is a fraction of a millisecond.
PARALLEL_CHUNK_CHARS = 1 << 18
# Pieces handed to the pool ahead of the one the caller waits for, per worker: enough to keep
# every worker busy, few enough that results wait for the caller in bounded memory.
AHEAD = 4


# A piece job: the text (line ends made ``\n``), its pieces, the path, the file's line ending, the work.
_Job = tuple[str, list[Span], str, str, Callable[[BibFile], Any]]
# What forked workers read: set just before the pool forks, cleared after.
_job: _Job | None = None


# A piece allocates hundreds of thousands of small objects that plain reference counting frees;
# the default first-generation threshold (700) would run the cycle collector thousands of times.
_WORKER_GC_THRESHOLDS = (20_000, 20, 20)


def _start_worker() -> None:
    # The inherited objects (modules, the text) will never be garbage: freezing them keeps the
    # collector from scanning them again and again, and from copying their pages on write.
    gc.freeze()
    gc.set_threshold(*_WORKER_GC_THRESHOLDS)


def _run_piece(index: int) -> tuple[bool, object]:
    """(True, the work's result), or (False, None) when the piece is no piece (`parse_piece`)."""
    assert _job is not None, "worker started without a job"
    text, spans, path, newline, work = _job
    blocks = parse_piece(text, spans[index])
    if blocks is None:
        return False, None
    return True, work(BibFile(path=path, blocks=tuple(blocks), newline=newline))


def map_pieces(text: str, path: str, work: Callable[[BibFile], T], **options: int | None) -> list[T]:
    """``work`` applied to each piece of ``text`` parsed as a `BibFile`, results in file order.

    Line numbers are the whole file's. ``options`` are `iter_pieces`': ``jobs`` (default: the
    CPUs available) and ``chunk_chars`` (the piece size, for tests).
    """
    return list(iter_pieces(text, path, work, **options))


def iter_pieces(
    text: str,
    path: str,
    work: Callable[[BibFile], T],
    *,
    jobs: int | None = None,
    chunk_chars: int | None = None,
) -> Iterator[T]:
    """`map_pieces`, one result at a time: a few pieces ahead of the caller are worked on,
    so a caller that drops each result holds a few pieces' results, never the file's."""
    jobs = available_cpus() if jobs is None else max(1, jobs)
    newline, text = normalize_newlines(text)
    parallel = jobs > 1 and can_fork()
    size = chunk_chars or (PARALLEL_CHUNK_CHARS if parallel else CHUNK_CHARS)
    job: _Job = (text, chunk_spans(text, size), path, newline, work)
    if parallel and len(job[1]) >= 2:
        done = yield from _in_workers(job, jobs)
        if done:
            return
    for span in job[1]:
        blocks = parse_piece(text, span)
        if blocks is None:
            yield _rest(job, span)
            return
        yield work(BibFile(path=path, blocks=tuple(blocks), newline=newline))


def _rest(job: _Job, span: Span) -> Any:
    """``work`` on the text from ``span`` to the end of the file, read as one piece."""
    text, _, path, newline, work = job
    return work(BibFile(path=path, blocks=tuple(parse_span(text, rest_of(text, span))), newline=newline))


def _in_workers(job: _Job, jobs: int) -> Generator[Any, None, bool]:
    """The pieces' results from forked workers, in order; False when no pool could be started."""
    global _job
    from concurrent.futures.process import BrokenProcessPool  # local: imported with the pool

    spans, path = job[1], job[2]
    _job = job
    try:
        with fork_pool(min(jobs, len(spans)), _start_worker) as pool:
            if pool is None:
                return False
            following = iter(range(len(spans)))
            ahead = deque(pool.submit(_run_piece, index) for index in islice(following, AHEAD * jobs))
            for span in spans:
                read, result = ahead.popleft().result()
                if not read:
                    # BibTeX reads on from this piece to the end of the file (a brace that
                    # never closes): the rest is one piece, as with one worker.
                    for future in ahead:
                        future.cancel()
                    yield _rest(job, span)
                    return True
                ahead.extend(pool.submit(_run_piece, index) for index in islice(following, 1))
                yield result
            return True
    except BrokenProcessPool as error:
        raise WorkerError(
            f"a worker process reading {path} stopped unexpectedly (killed, or out of memory?); "
            "try again with --jobs 1"
        ) from error
    finally:
        _job = None
