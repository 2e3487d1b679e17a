"""Time and peak memory of ``bibnorm verify --offline`` on one large ``.bib``: linear in its entries.

    python bench/bench_verify_one_bib.py                      # 20,000, 40,000 and 100,000 entries
    python bench/bench_verify_one_bib.py --entries 1000 5000  # quicker

Each file (made in a temporary folder, never committed) has one ``@string`` and N entries citing
it, each with a title, two authors, the macro as booktitle, a year and an arXiv id; offline, with
no index, every entry is read, judged and reported unverifiable, so the figure is what reading and
judging one file costs. Each run is its own child process: wall time, CPU time (user + system, the
figure a machine shared with other work does not inflate) and ``ru_maxrss``. The bar: 100,000
entries in at most 60 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIBNORM = Path(sys.executable).parent / "bibnorm"
ENTRY = (
    "@inproceedings{{key{n},\n  title = {{A Study of Things Number {n}}},\n"
    "  author = {{Doe, Jane and Roe, Richard}},\n  booktitle = nips,\n  year = {{2020}},\n"
    "  eprint = {{2006.{id:05d}}}\n}}\n"
)


def write_bib(path: Path, entries: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("@string{nips = {Advances in Neural Information Processing Systems}}\n")
        for n in range(entries):
            out.write(ENTRY.format(n=n, id=n % 99_999))


def run(path: Path, folder: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak resident KB and the exit status of one verify."""
    environment = {**os.environ, "BIBNORM_CACHE_DIR": str(folder / "cache")}
    started = time.perf_counter()
    child = subprocess.Popen(
        [str(BIBNORM), "verify", "--offline", str(path), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[20_000, 40_000, 100_000])
    arguments = parser.parse_args()
    print(f"{'entries':>8} {'wall s':>8} {'cpu s':>7} {'cpu µs/entry':>13} {'peak MB':>8} exit")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for entries in arguments.entries:
            path = folder / f"{entries}.bib"
            write_bib(path, entries)
            wall, cpu, peak, code = run(path, folder)
            per_entry = cpu / entries * 1e6
            print(f"{entries:>8,} {wall:>8.1f} {cpu:>7.1f} {per_entry:>13.0f} {peak / 1024:>8.0f} {code}")
            path.unlink()


if __name__ == "__main__":
    main()
