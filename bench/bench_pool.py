"""Hangs and stray stderr of pooled ``bibnorm format`` and ``bibnorm check`` over many runs.

Seen before: ``Process ForkPoolWorker-N … Terminated: SIGTERM`` tracebacks in 1-6 of 10
successful runs on files over 256 KB, and a hang in about 2 of 350 pooled runs. Both came
from timing (a worker's signal landing in a window a few instructions wide), so they show
only over many runs, best on a busy machine. This bench runs each command ``--runs`` times
(default 500) with ``--jobs 2`` on a generated file of ``--entries`` entries (default
2,500, about 600 KB: three pieces for the worker processes), ``--concurrent`` runs at a
time (default 2, so that runs compete for the CPUs), and prints per command:

- hangs: runs still going after ``--timeout`` seconds (default 120; a run takes about a
  second): the run's process tree is listed with each process's state and kernel wait
  channel (and its Python stacks when ``py-spy`` is on the PATH), then killed;
- noisy: finished runs whose stderr is anything but the command's own lines (nothing for
  ``format`` to stdout; the one summary line for ``check``);
- the exit codes seen, and the median and slowest wall time of a run.

``--tree DIR`` runs the bibnorm found in DIR (a checkout or worktree, through PYTHONPATH),
so the figures of an older commit can be taken on the same machine in the same way.
``--file PATH`` runs the commands on a copy of a real file instead (one of the corpus of
``bench/corpus_assemble.py``); its ``bibnorm: note:`` lines (a block kept as it is, an
encoding) are the command's own, not noise.

    python bench/bench_pool.py [--runs 500] [--entries 2500] [--concurrent 2] [--timeout 120] [--tree DIR]
    python bench/bench_pool.py --file CORPUS/texlive-bibtex-extra/bibtex/bib/beebe/printing-history.bib
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"\d+ error\(s\), \d+ warning\(s\)(, \d+ note\(s\))? in 1 file\(s\)")
# Real-looking entries (several fields, accents, a few arXiv-style fields), not in the
# canonical layout, so that format and check both do their usual work on each piece.
AUTHORS = ["Müller, Hans", "Smith, John", "Ngũgĩ, Wanjiru", "van der Berg, Anna", "Dupré, Éloïse"]
WORDS = ["efficient", "robust", "learning", "graph", "neural", "transformer", "vision", "sparse", "attention"]


def generate(path: Path, entries: int) -> None:
    rng = random.Random(24)
    blocks = []
    for n in range(entries):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
        authors = " and ".join(rng.sample(AUTHORS, rng.randint(1, 4)))
        blocks.append(
            f"@ARTICLE{{key{n:05d},\n  Author = {{{authors}}},\n  TITLE = {{{title}}},\n"
            f"  journal = {{Journal of {rng.choice(WORDS).capitalize()} Studies}},\n"
            f'  year = {2000 + n % 25}, volume = "{n % 50}", pages = "{n}--{n + 9}"\n}}\n'
        )
    path.write_text("\n".join(blocks), encoding="utf-8")


@dataclass
class Tally:
    """What the runs of one command did."""

    runs: int = 0
    hangs: int = 0
    noisy: int = 0
    codes: Counter[int] = field(default_factory=Counter)
    walls: list[float] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, parents first (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop(0)
        found.append(current)
        with contextlib.suppress(OSError):
            queue += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
    return found


def _describe_hang(pid: int) -> str:
    lines = []
    for process in _tree(pid):
        try:
            state = Path(f"/proc/{process}/stat").read_text().split(")")[-1].split()[0]
            wchan = Path(f"/proc/{process}/wchan").read_text() or "-"
        except OSError:
            continue
        lines.append(f"    pid {process}: state {state}, waiting in {wchan}")
        if shutil.which("py-spy"):
            dump = subprocess.run(["py-spy", "dump", "--pid", str(process)], capture_output=True, text=True)
            lines += ["      " + line for line in dump.stdout.splitlines()[2:]]
    return "\n".join(lines)


Outcome = tuple[str, int | None, float, str]  # "ok"/"noisy"/"hang", exit code, wall seconds, stderr or stacks


def run_once(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float, expected: re.Pattern[str] | None
) -> Outcome:
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env=env,
        cwd=cwd,  # not a checkout: `python -m` looks in the working folder before PYTHONPATH
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        report = _describe_hang(process.pid)
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return "hang", None, time.monotonic() - started, report
    lines = [line for line in stderr.splitlines() if not line.startswith("bibnorm: note: ")]
    clean = lines == [] if expected is None else len(lines) == 1 and bool(expected.fullmatch(lines[0]))
    return ("ok" if clean else "noisy"), process.returncode, time.monotonic() - started, stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500, help="runs of each command (default 500)")
    parser.add_argument("--entries", type=int, default=2500)
    parser.add_argument("--file", type=Path, default=None, help="a real .bib file instead of a generated one")
    parser.add_argument("--concurrent", type=int, default=2, help="runs at a time (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds after which a run is a hang")
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="the bibnorm checkout to run (default: this one)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-pool-"))
    source = work / "pooled.bib"
    if args.file is not None:
        shutil.copyfile(args.file, source)
    else:
        generate(source, args.entries)
    env = {**os.environ, "PYTHONPATH": str(args.tree.resolve()), "BIBNORM_CACHE_DIR": str(work / "cache")}
    bibnorm = [sys.executable, "-m", "bibnorm"]
    commands = {
        "format --jobs 2 (to stdout)": ([*bibnorm, "format", "--jobs", "2", str(source)], None),
        "check --offline --jobs 2": ([*bibnorm, "check", "--offline", "--jobs", "2", str(source)], SUMMARY),
    }
    where = subprocess.run(  # as the runs find it: from the same folder
        [sys.executable, "-c", "import bibnorm.bib.parallel as p; print(p.__file__)"],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(
        f"bibnorm from {Path(where).parent.parent}; file: {args.file or f'{args.entries} entries'}, "
        f"{source.stat().st_size / 1024:.0f} KB; "
        f"{args.runs} runs of each command, {args.concurrent} at a time, a hang after {args.timeout:g} s",
        flush=True,
    )
    order = [name for _ in range(args.runs) for name in commands]
    tallies = {name: Tally() for name in commands}
    with concurrent.futures.ThreadPoolExecutor(args.concurrent) as threads:
        futures = []
        for name in order:
            command, expected = commands[name]
            futures.append((name, threads.submit(run_once, command, env, work, args.timeout, expected)))
        for name, future in futures:
            outcome, code, wall, detail = future.result()
            tally = tallies[name]
            tally.runs += 1
            tally.walls.append(wall)
            if outcome == "hang":
                tally.hangs += 1
                print(f"HANG ({name}):\n{detail}", flush=True)
                continue
            tally.codes[code] += 1
            if outcome == "noisy":
                tally.noisy += 1
                if len(tally.examples) < 3:
                    lines = [
                        line
                        for line in detail.splitlines()
                        if not SUMMARY.fullmatch(line) and not line.startswith("bibnorm: note: ")
                    ]
                    tally.examples.append(f"{lines[0]} … {lines[-1]}" if lines else "(no summary line)")
    header = f"{'command':30} {'runs':>5} {'hangs':>5} {'noisy':>5}  {'exit codes':<14} {'median s':>8}"
    print(f"{header} {'max s':>7}")
    for name, tally in tallies.items():
        codes = ", ".join(f"{code}: {count}" for code, count in sorted(tally.codes.items()))
        print(
            f"{name:30} {tally.runs:5} {tally.hangs:5} {tally.noisy:5}  {codes:<14} "
            f"{statistics.median(tally.walls):8.2f} {max(tally.walls):7.2f}"
        )
        for example in tally.examples:
            print(f"    e.g. stderr: {example}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
