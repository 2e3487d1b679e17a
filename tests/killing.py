"""Killing a real corpus run: the command in its own process group, sent SIGKILL once it has
written its first results — what a power cut, an OOM killer or a SLURM wall time does."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path


def kill_once_results_appear(command: Sequence[str], cwd: Path, results: Path, timeout: float = 60) -> None:
    """Start ``command`` in ``cwd``, kill its whole process group with SIGKILL as soon as a shard
    under ``results`` holds a byte, and wait for it to be gone."""
    started = subprocess.Popen(
        list(command), cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and started.poll() is None:
        if any(shard.stat().st_size for shard in (results / "results").glob("*.jsonl")):
            break
        time.sleep(0.01)
    os.killpg(started.pid, signal.SIGKILL)
    started.wait()
