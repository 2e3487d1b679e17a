"""What the corpus tests read of a results folder (its bytes, its lines, its summary rows) and how
they kill a real run: the command in its own process group, sent SIGKILL once it has written its
first results — what a power cut, an OOM killer or a SLURM wall time does."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path: two folders compare byte for byte."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def result_lines(folder: Path) -> dict[str, dict[str, Any]]:
    """The result line of each document in the results ``folder``, by document id."""
    shards = sorted((folder / "results").glob("*.jsonl"))
    lines = [json.loads(line) for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()]
    return {line["document"]["id"]: line for line in lines}


def summary_rows(folder: Path) -> list[dict[str, str]]:
    """``summary.csv``'s rows."""
    return list(csv.DictReader(io.StringIO((folder / "summary.csv").read_text(encoding="utf-8"))))


@contextmanager
def two_dask_workers(*, processes: bool) -> Iterator[Any]:
    """A Dask LocalCluster of 2 single-threaded workers on 127.0.0.1: in this process (threads,
    over TCP) or as 2 worker processes (skipped where Dask's distributed is not installed)."""
    distributed = pytest.importorskip("distributed")
    transport = {} if processes else {"protocol": "tcp"}
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=processes,
        host="127.0.0.1",
        dashboard_address=":0",  # a free port: two test workers may each start a cluster
        **transport,
    ) as cluster:
        yield cluster


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
