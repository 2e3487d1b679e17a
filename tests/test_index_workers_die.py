"""The worker processes of an ``index build -j N`` end with the build, even when it is SIGKILLed
(`bibnorm.processes.die_with_parent`): none is left holding its caller's pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

# A build whose workers start, say who they are and then work for a minute.
BUILD = """
import os, sys, time
from bibnorm.resolvers._index import run_in_workers

def started():
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the two workers never interleave

def work(chunk):
    time.sleep(60)
    return chunk

run_in_workers(iter(range(4)), work, lambda chunk, result: None, jobs=2, initializer=started)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_sigkilled_builds_workers_die_with_it() -> None:
    build = subprocess.Popen(
        [sys.executable, "-c", BUILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert build.stdout is not None and build.stderr is not None
    try:
        said = [build.stdout.readline() for _ in range(2)]
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert all(line.strip().isdigit() for line in said), build.stderr.read()
    workers = [int(line) for line in said]

    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # never leave one behind, whatever the test found
        os.kill(pid, signal.SIGKILL)
    assert left == []
