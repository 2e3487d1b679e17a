"""Peak memory of a whole offline run: ``bibnorm resolve titles.txt --offline -o out.bib -q``.

A title list of N synthetic titles (bench_readers' ``write_lines``: real-looking words, each
title distinct) is resolved offline with an empty cache, so every title goes through the
whole pipeline (read, deduplicate, every resolver's "not in the cache" answer, an unresolved
resolution, the summary) and none is settled: the run holds one item per title to its end,
the most an offline run of that list can hold. Printed per size: wall seconds, peak RSS of the
run's process (``ru_maxrss`` from ``os.wait4``) and bytes per title above the interpreter's
own start-up.

    python bench/bench_resolve_memory.py                        # 100,000 titles, about 30 s
    python bench/bench_resolve_memory.py --sizes 100000,1000000 # the figures in docs/performance.md
    python bench/bench_resolve_memory.py --report               # each run also writes --report

Target: 1,000,000 titles under 2 GB peak, with ``--report`` too (the report is written item by
item as it is made, never held whole).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_readers import write_lines  # a sibling script, not a package


def _peak_of_run(arguments: list[str], environment: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(arguments, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100000", help="title counts, comma-separated")
    parser.add_argument("--report", action="store_true", help="write the JSON report too (--report)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bibnorm-resolve-memory-") as folder:
        work = Path(folder)
        environment = {**os.environ, "BIBNORM_CACHE_DIR": str(work / "cache")}
        _, baseline_mb, _ = _peak_of_run([sys.executable, "-c", "import bibnorm.cli"], environment)
        print(f"{'titles':>10} {'seconds':>8} {'peak MB':>8} {'bytes/title':>11}  exit")
        for size in (int(s) for s in options.sizes.split(",")):
            titles = work / f"titles-{size}.txt"
            write_lines(titles, size)
            command = [sys.executable, "-m", "bibnorm", "resolve", str(titles), "--offline"]
            command += ["-o", str(work / "out.bib"), "-q"]
            if options.report:
                command += ["--report", str(work / "report.json")]
            seconds, peak_mb, code = _peak_of_run(command, environment)
            per_title = (peak_mb - baseline_mb) * 1024 * 1024 / size
            print(f"{size:>10,} {seconds:>8.1f} {peak_mb:>8.0f} {per_title:>11,.0f}  {code}")
            titles.unlink()


if __name__ == "__main__":
    main()
