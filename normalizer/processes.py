"""Forked worker processes that start, finish and fail without a trace on stderr or a hang.

`fork_pool` is the one way bibnorm starts pools of worker processes (``check`` and ``format``
on big files, ``index build``, the corpus engine); `KeptWorker` the one way it keeps a single
worker across calls (the PDF reader's memory and time bound). What they guarantee, and why:

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
import faulthandler
import functools
import gc
import os
import pickle
import signal
import sys
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# The signals that stop a run. In a worker: Ctrl-C ignored, the others fatal at once.
_IGNORED_IN_WORKERS = ("SIGINT",)
_DEFAULT_IN_WORKERS = ("SIGTERM", "SIGHUP")
_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in _IGNORED_IN_WORKERS + _DEFAULT_IN_WORKERS if hasattr(signal, name)
)


class OutOfTime(BaseException):
    """Raised inside a `time_bound` block when its time is up. A BaseException, so no ``except
    Exception`` of the code it interrupts (a reader trying one reading after another) swallows it."""


_bounded = False  # a `time_bound` block is open in this process


@contextlib.contextmanager
def time_bound(seconds: float | None) -> Iterator[None]:
    """Stop the block with `OutOfTime` once this process has spent ``seconds`` of processor time in
    it (a regular expression that backtracks is stopped too: the engine checks for signals).

    Processor time, not the clock's: a loaded machine does not end a reading that would finish, and
    waiting for a worker process (the PDF reader's pages, held to a bound of their own) costs none.
    Bounded only in the main thread of a platform with interval timers (where Python runs signal
    handlers), and by the outermost block; elsewhere, and with ``seconds`` None, the block runs
    unbounded."""
    global _bounded
    if (
        seconds is None
        or _bounded
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGPROF, stop)
    _bounded = True
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        _bounded = False


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


PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when the thread that forked it ends


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when ``parent`` (the pid that forked it) dies, even by
    SIGKILL, which leaves no chance to end the workers (Linux's ``PR_SET_PDEATHSIG``; elsewhere
    nothing). A parent already gone before the request was made ends this process at once.
    Fork from a thread that outlives the workers: the kernel watches the forking thread."""
    import ctypes  # local: only the workers that ask pay for it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:
        os._exit(1)


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


@functools.cache
def _pool_class() -> type[ProcessPoolExecutor]:
    """``ProcessPoolExecutor``; on a Python before 3.11.5, one whose broken pool shuts down (CPython
    gh-94777, mended as 3.11.5 mends it).

    There, a job bigger than a pipe's buffer (an index build's chunk) still being written to the
    workers when one died kept the pool's feeder thread blocked on the pipe forever, as the dead
    workers never read it, and the pool's shutdown waited for that thread: the build hung after
    its `BrokenProcessPool`. 3.11.5 has the pool's own thread close this process's end for reading
    before it ends the queue: the write fails and the feeder ends. Done from any other thread, the
    close races the feeder's own close of that end when the queue ends (both close the descriptor;
    the loser's error leaves the feeder waiting forever: now and then a pool whose workers died
    hung on a busy machine), so the backport closes it in the pool's own thread, as 3.11.5 does."""
    from concurrent.futures import ProcessPoolExecutor, process

    if sys.version_info >= (3, 11, 5):
        return ProcessPoolExecutor

    class ManagerThread(process._ExecutorManagerThread):
        def terminate_broken(self, cause: Any) -> None:
            self.call_queue._reader.close()  # type: ignore[attr-defined]
            super().terminate_broken(cause)

    class Pool(ProcessPoolExecutor):
        def _start_executor_manager_thread(self) -> None:  # as 3.11's, with the thread above
            pool: Any = self  # its state is the standard library's own, untyped
            if pool._executor_manager_thread is None:
                if not pool._safe_to_dynamically_spawn_children:  # "fork": workers start first
                    pool._launch_processes()
                pool._executor_manager_thread = ManagerThread(self)
                pool._executor_manager_thread.start()
                wakeups: Any = process._threads_wakeups
                wakeups[pool._executor_manager_thread] = pool._executor_manager_thread_wakeup

    return Pool


def _start_pool(
    jobs: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...], start_method: str
) -> ProcessPoolExecutor | None:
    """The pool with its workers forked (call with the stop signals held); None when it cannot start."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        return None  # a daemonic process (a Dask worker's, by default) may not have children
    before = set(multiprocessing.active_children())
    try:
        pool = _pool_class()(
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


class WorkerLostError(Exception):
    """The kept worker process died during a call (killed, out of memory, a crash in C code)."""


class WorkerTimeoutError(Exception):
    """The kept worker took longer than the call's time bound; it was killed."""


class KeptWorker:
    """One worker process kept across calls: started at the first, started anew when it died, when
    its start arguments change, and after ``calls_per_worker`` calls.

    For work that must run apart from this process (`bibnorm.readers.pdf` reads each PDF in a
    child held to a memory bound) but comes often: a process a call cost half a second a PDF where
    the fork server starts it (whenever another thread runs here: a progress display, a Dask
    worker's threads), more than the reading itself. The worker is forked from this process where
    `can_fork`, else started by the fork server with ``preload`` imported there once.

    No thread of this process's is started (a pipe, not a pool): `can_fork` stays true for the
    other forks bibnorm makes. Calls from several threads take turns. A child forked from this
    process forgets the worker (it is the parent's). The worker is a daemon: it ends with this
    process, or when it reads the end of its pipe.
    """

    def __init__(self, preload: Sequence[str] = (), *, calls_per_worker: int = 64) -> None:
        self._preload = list(preload)
        self._calls_per_worker = calls_per_worker
        self._lock = threading.Lock()
        self._process: Any = None
        self._connection: Any = None
        self._started_with: tuple[Any, ...] | None = None
        self._calls = 0
        self._owner = os.getpid()
        _KEPT_WORKERS.add(self)

    def call(
        self,
        initializer: Callable[..., object] | None,
        initargs: tuple[Any, ...],
        timeout: float,
        function: Callable[..., T],
        *args: Any,
    ) -> T | None:
        """``function(*args)`` in the worker (started with ``initializer(*initargs)`` run first);
        what it raises is raised here. None when no worker can be started here (a daemonic
        process, no fork and no fork server): the caller does the work itself. Raises
        `WorkerLostError` when the worker died during the call, `WorkerTimeoutError` (the worker
        killed) when it took more than ``timeout`` seconds; the next call starts another."""
        with self._lock:
            if not self._running((initializer, initargs)):
                return None
            if not self._sent((function, args)):
                # It died between calls (killed, or its death not yet reaped when `_running`
                # asked): it never saw this call, so a new worker takes it.
                self._stop()
                if not self._running((initializer, initargs)) or not self._sent((function, args)):
                    self._stop()
                    raise WorkerLostError
            try:
                if not self._connection.poll(timeout):
                    self._process.kill()
                    self._stop()
                    raise WorkerTimeoutError
                succeeded, outcome = self._connection.recv()
            except (EOFError, OSError):
                self._stop()
                raise WorkerLostError from None
            self._calls += 1
            if not succeeded:
                self._stop()  # its state after a failure (a MemoryError) is not to be trusted
                raise outcome
            return outcome

    def _sent(self, call: tuple[Any, ...]) -> bool:
        """Whether ``call`` reached the worker's pipe (False: the worker's end is closed)."""
        try:
            self._connection.send(call)
        except OSError:
            return False
        return True

    def close(self) -> None:
        """End the worker (it exits on its own once it reads the end of its pipe)."""
        with self._lock:
            self._stop()

    def _running(self, start: tuple[Any, ...]) -> bool:
        if self._owner != os.getpid():
            self._forget()
        if self._process is not None and (
            self._started_with != start
            or self._calls >= self._calls_per_worker
            or not self._process.is_alive()
        ):
            self._stop()
        if self._process is None:
            self._start(start)
        return self._process is not None

    def _start(self, start: tuple[Any, ...]) -> None:
        import multiprocessing

        if multiprocessing.current_process().daemon:
            return  # a daemonic process (a Dask worker's, by default) may not have children
        method = "fork" if can_fork() else "forkserver"
        if method not in multiprocessing.get_all_start_methods():
            return
        context: Any = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(self._preload)
        here, there = context.Pipe()
        process = context.Process(target=_serve_kept, args=(there, here, *start), daemon=True)
        try:
            with _stop_signals_held():
                process.start()
        except OSError:
            here.close()
            there.close()
            return
        there.close()
        self._process, self._connection, self._started_with, self._calls = process, here, start, 0

    def _stop(self) -> None:
        if self._process is None:
            return
        with contextlib.suppress(OSError):
            self._connection.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._forget()

    def _forget(self) -> None:
        """Let the worker go without ending it (in a forked child: it is the parent's)."""
        self._process = self._connection = self._started_with = None
        self._calls = 0
        self._owner = os.getpid()


T = TypeVar("T")
_KEPT_WORKERS: weakref.WeakSet[KeptWorker] = weakref.WeakSet()


def _forget_kept_workers_in_child() -> None:
    """In a child forked from this process: its copy of each kept worker's pipe is closed (so that
    worker still reads the end of its pipe when this process ends) and the worker forgotten."""
    for kept in list(_KEPT_WORKERS):
        if kept._connection is not None:
            with contextlib.suppress(OSError):
                kept._connection.close()
        kept._forget()
        kept._lock = threading.Lock()  # a lock held by another thread at the fork stays held in the copy


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_kept_workers_in_child)


def _serve_kept(
    connection: Any, parents_end: Any, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> None:
    """The kept worker's loop: a call a message, its outcome sent back, until the pipe ends."""
    parents_end.close()  # a forked child holds the parent's end too: closed, the end of the pipe is seen
    faulthandler.disable()  # a crash here is the caller's one line (`WorkerLostError`), not a dump on stderr
    worker_signals()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except Exception as error:  # sent back whole: the caller raises it
            outcome = (False, error)
        try:
            connection.send(outcome)
        except (pickle.PicklingError, TypeError, AttributeError) as error:  # an exception that cannot travel
            connection.send((False, RuntimeError(f"{outcome[1]!r} (not sent whole: {error})")))
