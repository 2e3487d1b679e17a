"""Forked worker processes that start, finish and fail without a trace on stderr or a hang.

`fork_pool` is the one way bibnorm starts worker processes (``check`` and ``format`` on
big files, ``index build``). What it guarantees, and why:

- **Workers never run the parent's signal handlers.** The CLI turns SIGTERM and SIGHUP
  into an exception (``normalizer/cli/__init__.py``); a forked worker inherited that
  handler. When ``multiprocessing.Pool``'s ``terminate()`` sent its workers SIGTERM, the
  handler printed a ``Process ForkPoolWorker-N … Terminated: SIGTERM`` traceback, and now
  and then hung the run: a Python signal handler runs only when the interpreter next
  checks for signals, so a SIGTERM landing between that check and the worker's
  ``sem_wait`` on the task queue's lock (which ``terminate()`` holds in the parent) was
  never acted on, and the parent waited for that worker forever (1 run in about 200).
  In a worker, SIGINT is ignored (Ctrl-C reaches the whole process group; the parent
  alone decides to stop) and SIGTERM and SIGHUP take their default action: the kernel
  ends the process wherever it is blocked, silently. The parent holds (blocks) those
  signals while it forks, and each worker releases them only once its handlers are
  reset, so no signal can reach the parent's handlers inside a child.
- **Finishing is quiet.** On every path the pool is shut down the way
  ``concurrent.futures`` does it: each worker gets an end-of-work message and exits on
  its own; nobody is sent a signal. When the parent stops early (an error, Ctrl-C,
  SIGTERM) the jobs not yet started are cancelled and the running ones, a fraction of a
  second each, are waited for.
- **A dead worker is an error, not a wait.** A worker killed by hand or by the
  out-of-memory killer breaks the pool: every pending job fails at once with
  ``BrokenProcessPool`` and the other workers are ended (``multiprocessing.Pool``
  waits for the lost job forever).
- **A pool that cannot start is no pool.** Semaphores live in ``/dev/shm``: under
  ``ulimit -f 0`` or with ``/dev/shm`` full they cannot be created, and ``fork`` can be
  refused. `fork_pool` then yields None and the caller does the work in this process,
  so the run ends exactly as it does with ``--jobs 1``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# The signals that stop a run. In a worker: Ctrl-C ignored, the others fatal at once.
_IGNORED_IN_WORKERS = ("SIGINT",)
_DEFAULT_IN_WORKERS = ("SIGTERM", "SIGHUP")
_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in _IGNORED_IN_WORKERS + _DEFAULT_IN_WORKERS if hasattr(signal, name)
)


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def can_fork() -> bool:
    """True when worker processes may be forked: the platform forks, and no other thread
    runs (a fork taken while another thread holds a lock can deadlock the child)."""
    import multiprocessing  # local: the snapshot asks available_cpus at start-up

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


_freezes = 0  # `shared_objects_frozen` blocks open in this process


@contextlib.contextmanager
def shared_objects_frozen() -> Iterator[None]:
    """The objects alive now stay out of the garbage collections until the block ends (`gc.freeze`);
    inside another such block, until the outermost one ends (it unfreezes them all).

    Around a fork: a collection reads every object it tracks, and in a forked child that read makes
    the kernel copy each page it shares with the parent (reference counts and GC headers are
    written); frozen, the inherited objects are left alone, and the parent gets its own back after.
    Around a pass that makes many small objects beside many it only reads (rendering 20,000 entries
    beside their references and the bibliography's evidence): every collection of the oldest
    generation would walk them all, a third of such a pass's time.
    """
    global _freezes
    gc.freeze()
    _freezes += 1
    try:
        yield
    finally:
        _freezes -= 1
        if not _freezes:  # (counted here: `gc.get_freeze_count` walks every frozen object)
            gc.unfreeze()


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Block the stop signals in this thread for the duration (a signal sent meanwhile is
    delivered when they are released); forked children start with them blocked."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield  # no masks (Windows), or not the thread the Python handlers run in
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_signals() -> None:
    """In a worker: Ctrl-C ignored, SIGTERM and SIGHUP fatal, then the held signals released."""
    for name in _IGNORED_IN_WORKERS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    for name in _DEFAULT_IN_WORKERS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _start_worker(initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    worker_signals()
    if initializer is not None:
        initializer(*initargs)


@contextlib.contextmanager
def fork_pool(
    jobs: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    *,
    start_method: str = "fork",
) -> Iterator[ProcessPoolExecutor | None]:
    """``jobs`` forked worker processes, as a ``ProcessPoolExecutor``; None when they cannot start.

    ``start_method="forkserver"`` forks them from a fresh single-threaded server process instead
    of this one: safe while other threads run here (a live progress display), at the cost of
    the server's start and of pickling each job's arguments.

    ``initializer(*initargs)`` runs first in each worker, after its signals are set (see
    the module docstring). Leaving the block shuts the pool down and waits for the workers;
    an exception cancels the jobs not yet started. The futures raise ``BrokenProcessPool``
    when a worker died.
    """
    pool: ProcessPoolExecutor | None = None
    stopped = False
    try:
        with _stop_signals_held():
            pool = _start_pool(jobs, initializer, initargs, start_method)
        # A stop signal sent while the workers were forked is raised here, with the pool
        # already in hand to shut down.
        yield pool
    except BaseException:
        stopped = True
        raise
    finally:
        if pool is not None:
            # The wait is not interruptible: a Ctrl-C that cut it short left the pool's
            # thread closing its pipes while the interpreter's exit hook wrote to them
            # ("Exception ignored ... Bad file descriptor" after the one-line message). A
            # stop signal sent meanwhile is acted on as soon as the workers are gone.
            with _stop_signals_held():
                pool.shutdown(wait=True, cancel_futures=stopped)


def _start_pool(
    jobs: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...], start_method: str
) -> ProcessPoolExecutor | None:
    """The pool with its workers forked (call with the stop signals held); None when it cannot start."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if multiprocessing.current_process().daemon:
        return None  # a daemonic process (a Dask worker's, by default) may not have children
    before = set(multiprocessing.active_children())
    try:
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context(start_method),
            initializer=_start_worker,
            initargs=(initializer, initargs),
        )
        # With "fork", the first job forks every worker at once, before the pool's own
        # threads start (which inherit the held signals too: they reach the main thread).
        pool.submit(os.getpid)
    except OSError:
        # No semaphore (``/dev/shm`` full, ``ulimit -f``) or no fork: the workers already
        # forked wait for work that will never come, and the pool has no thread yet to end them.
        for child in set(multiprocessing.active_children()) - before:
            child.terminate()
            child.join()
        return None
    return pool
