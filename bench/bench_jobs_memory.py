"""Memory and time of ``bibnorm check`` and ``bibnorm format`` on one big real file, with one
process (``--jobs 1``) and with the default, to choose the default number of workers.

The rule the default must keep: its peak memory at most 1.2 times ``--jobs 1``'s, unless it is
at least 1.3 times faster. Forked workers share the parent's pages copy-on-write until they
touch them, so the memory that counts is the summed PSS of the process tree (sampled from
``/proc/<pid>/smaps_rollup`` by ``bench/bench_bibfile.py``'s sampler); RSS would count shared
pages once per process.

The file is a concatenation of the UTF-8 files of a corpus folder (``bench/corpus_assemble.py``;
default the unseen corpus), repeated in order until it reaches ``--megabytes`` (28): what a big
shared library or a whole group's bibliography is. Each command runs ``--repeat`` times (best
wall time kept, with that run's memory), as a child process of its own, byte-compiled first.

    python bench/bench_jobs_memory.py [--corpus /work/corpus-unseen] [--megabytes 28] [--repeat 2]

Prints one line per command and jobs: wall seconds, CPU seconds, peak tree PSS and max RSS in
MB, the processes seen; then, per command, the default's memory and speed against ``--jobs 1``'s
and whether the rule holds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_bibfile import Bench, Run, bytecode_env, compile_packages, measure  # noqa: E402 (a sibling)

MEMORY_FACTOR = 1.2  # the default may use this much more memory than --jobs 1 ...
SPEED_FACTOR = 1.3  # ... only if it is at least this much faster


def concatenate(corpus: Path, megabytes: float, target: Path) -> tuple[int, int]:
    """The UTF-8 ``.bib`` files of ``corpus`` in path order, repeated until ``megabytes``; (files, bytes)."""
    texts = []
    for path in sorted(corpus.rglob("*.bib")):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a legacy encoding would make the whole concatenation one
        texts.append(data.removeprefix(b"\xef\xbb\xbf"))
    if not texts:
        raise SystemExit(f"no UTF-8 .bib file under {corpus}")
    wanted, size, used = int(megabytes * 1_000_000), 0, 0
    with target.open("wb") as out:
        while size < wanted:
            data = texts[used % len(texts)]
            out.write(data + b"\n")
            size += len(data) + 1
            used += 1
    return used, size


def _print_run(name: str, jobs: str, run: Run) -> None:
    print(
        f"  {name:<7} {jobs:<8} {run.wall:7.1f} s {run.cpu:7.1f} s {run.peak_pss_mb:8.0f} MB "
        f"{run.max_rss_mb:8.0f} MB {run.processes:3d}  exit {run.status}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus-unseen"))
    parser.add_argument("--megabytes", type=float, default=28.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--interval-ms", type=float, default=10.0)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-jobs-memory-"))
    try:
        big = scratch / "big.bib"
        files, size = concatenate(args.corpus, args.megabytes, big)
        compile_packages()
        env = {**bytecode_env(), "BIBNORM_OFFLINE": "1", "BIBNORM_CACHE_DIR": str(scratch / "cache")}
        bibnorm = [sys.executable, "-m", "bibnorm"]
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"file: {size / 1e6:.1f} MB from {files} corpus files ({args.corpus}); CPUs: {os.cpu_count()}")
        print(f"  {'command':<7} {'jobs':<8} {'wall':>9} {'CPU':>9} {'tree PSS':>11} {'max RSS':>11} procs")
        commands = {
            "check": [*bibnorm, "check", "--offline", "-q", str(big)],
            "format": [*bibnorm, "format", str(big)],
        }
        for name, command in commands.items():
            best: dict[str, Run] = {}
            for jobs, extra in (("-j 1", ["--jobs", "1"]), ("default", [])):
                bench = Bench(name, [*command, *extra], scratch / "out.bib", env)
                runs = [measure(bench, args.interval_ms / 1000) for _ in range(args.repeat)]
                best[jobs] = min(runs, key=lambda run: run.wall)
                _print_run(name, jobs, best[jobs])
            one, default = best["-j 1"], best["default"]
            memory = default.peak_pss_mb / one.peak_pss_mb
            speed = one.wall / default.wall
            holds = memory <= MEMORY_FACTOR or speed >= SPEED_FACTOR
            print(
                f"  {name}: default uses {memory:.2f}x the memory of -j 1 and is {speed:.2f}x as fast: "
                f"{'holds' if holds else 'FAILS'} (<= {MEMORY_FACTOR}x memory, or >= {SPEED_FACTOR}x speed)"
            )
        print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
