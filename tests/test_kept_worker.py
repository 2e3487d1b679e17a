"""`bibnorm.processes.KeptWorker`: one worker process kept across calls (the PDF reader's bound).

It serves call after call from the same process; it is started anew after it failed, died, ran
out of time, served its quota of calls or was asked with other start arguments; it starts no
thread here; a forked child and a daemonic process never use it; it ends with its owner.
The workers are real processes and the failures real: exits, kills, sleeps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.processes import KeptWorker, WorkerLostError, WorkerTimeoutError
from paths import ROOT

LIVENESS = 60.0  # seconds a call may take here before it counts as a hang; the calls take milliseconds


@pytest.fixture
def kept() -> Iterator[KeptWorker]:
    worker = KeptWorker()
    yield worker
    worker.close()


def worker_pid(kept: KeptWorker, *start: object) -> int:
    initializer, initargs = (start[0], start[1:]) if start else (None, ())
    pid = kept.call(initializer, initargs, LIVENESS, os.getpid)  # type: ignore[arg-type]
    assert pid is not None
    return pid


def test_call_after_call_is_served_by_the_same_process_apart_from_this_one(kept: KeptWorker) -> None:
    first = worker_pid(kept)
    assert first != os.getpid()
    assert [worker_pid(kept) for _ in range(5)] == [first] * 5


def test_what_the_function_returns_comes_back_whole(kept: KeptWorker) -> None:
    assert kept.call(None, (), LIVENESS, sorted, [3, 1, 2]) == [1, 2, 3]
    assert kept.call(None, (), LIVENESS, divmod, 17, 5) == (3, 2)


def test_what_the_function_raises_is_raised_here_and_the_next_call_has_a_new_worker(kept: KeptWorker) -> None:
    before = worker_pid(kept)
    with pytest.raises(ValueError, match="invalid literal"):
        kept.call(None, (), LIVENESS, int, "not a number")
    after = worker_pid(kept)
    assert after != before


def test_a_worker_that_dies_during_a_call_is_an_error_and_the_next_call_starts_another(
    kept: KeptWorker,
) -> None:
    before = worker_pid(kept)
    with pytest.raises(WorkerLostError):
        kept.call(None, (), LIVENESS, os._exit, 3)
    assert worker_pid(kept) not in (before, os.getpid())


def test_a_worker_killed_between_calls_is_replaced(kept: KeptWorker) -> None:
    before = worker_pid(kept)
    os.kill(before, 9)
    _wait_until_gone(before)
    assert worker_pid(kept) != before


def test_a_call_past_its_time_kills_the_worker_and_says_so(kept: KeptWorker) -> None:
    before = worker_pid(kept)
    started = time.monotonic()
    with pytest.raises(WorkerTimeoutError):
        kept.call(None, (), 0.2, time.sleep, 60)
    assert time.monotonic() - started < LIVENESS / 2
    _wait_until_gone(before)
    assert worker_pid(kept) != before


def test_a_worker_from_the_fork_server_killed_between_calls_is_replaced_every_time() -> None:
    # With another thread running the worker comes from the fork server, which learns of a death
    # a moment after the kernel does: the next call must still be served, not lost.
    stop = threading.Event()
    other_thread = threading.Thread(target=stop.wait, daemon=True)
    other_thread.start()
    try:
        for _ in range(40):
            kept = KeptWorker()
            try:
                before = worker_pid(kept)
                os.kill(before, 9)
                _wait_until_gone(before)
                assert worker_pid(kept) != before
            finally:
                kept.close()
    finally:
        stop.set()


def test_a_worker_serves_its_quota_of_calls_then_another_takes_over() -> None:
    kept = KeptWorker(calls_per_worker=2)
    try:
        pids = [worker_pid(kept) for _ in range(5)]
    finally:
        kept.close()
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_other_start_arguments_start_another_worker(kept: KeptWorker) -> None:
    first = worker_pid(kept, os.nice, 0)
    assert worker_pid(kept, os.nice, 0) == first
    assert worker_pid(kept, os.nice, 1) != first


def test_no_thread_is_started_in_this_process(kept: KeptWorker) -> None:
    threads = threading.active_count()
    worker_pid(kept)
    assert threading.active_count() == threads


def test_closing_ends_the_worker(kept: KeptWorker) -> None:
    pid = worker_pid(kept)
    kept.close()
    _wait_until_gone(pid)


def test_calls_from_several_threads_take_turns(kept: KeptWorker) -> None:
    answers: list[object] = []
    threads = [
        threading.Thread(target=lambda n=n: answers.append(kept.call(None, (), LIVENESS, pow, n, 2)))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [n * n for n in range(8)]  # type: ignore[type-var]


def _script(source: str) -> list[str]:
    """The lines a Python script prints, run as its own process (forks are the point)."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(source)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=LIVENESS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.split()


def test_a_forked_child_starts_its_own_worker_and_leaves_the_parents_alone() -> None:
    parent_worker, child_worker, parent_worker_after = _script(
        """
        import os
        from bibnorm.processes import KeptWorker
        kept = KeptWorker()
        print(kept.call(None, (), 60, os.getpid), flush=True)
        child = os.fork()
        if child == 0:
            print(kept.call(None, (), 60, os.getpid), flush=True)
            kept.close()
            os._exit(0)
        os.waitpid(child, 0)
        print(kept.call(None, (), 60, os.getpid), flush=True)
        kept.close()
        """
    )
    assert parent_worker == parent_worker_after != child_worker


def test_a_daemonic_process_gets_no_worker_and_does_the_work_itself() -> None:
    assert _script(
        """
        import multiprocessing, os
        from bibnorm.processes import KeptWorker
        def probe(answers):
            answers.put(KeptWorker().call(None, (), 60, os.getpid))
        if __name__ == "__main__":
            context = multiprocessing.get_context("fork")
            answers = context.Queue()
            daemon = context.Process(target=probe, args=(answers,), daemon=True)
            daemon.start()
            print(answers.get(timeout=60))
            daemon.join()
        """
    ) == ["None"]


def test_the_worker_ends_when_its_owner_is_killed(tmp_path: Path) -> None:
    owner = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, sys, time\nfrom bibnorm.processes import KeptWorker\n"
            "print(KeptWorker().call(None, (), 60, os.getpid), flush=True)\ntime.sleep(600)",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert owner.stdout is not None
    worker = int(owner.stdout.readline())
    owner.kill()
    owner.wait()
    _wait_until_gone(worker)


def _wait_until_gone(pid: int) -> None:
    """Until ``pid`` has exited (gone, or a zombie its new parent has yet to reap)."""
    deadline = time.monotonic() + LIVENESS
    status = Path(f"/proc/{pid}/status")
    while time.monotonic() < deadline:
        try:
            state = next(line for line in status.read_text().splitlines() if line.startswith("State:"))
        except (OSError, StopIteration):
            return
        if "zombie" in state:
            return
        time.sleep(0.001)  # soon after the death: the moment the next call is most likely lost
    raise AssertionError(f"process {pid} still runs after {LIVENESS} s")
