"""CPU time of bibnorm's start-up: ``--help`` and a one-line offline ``resolve``, next to floors.

Each command runs as its own child process ``--repeat`` times (default 7); the figure is the
best run's user + sys CPU seconds from ``os.wait4`` (best of N: start-up is noise-free work,
so the least time is the cost, and anything above it is the machine's other load).

The floors, measured the same way in the same run, say what no change to bibnorm can go below:

- ``python -c pass``: the interpreter alone;
- ``pydantic``: importing pydantic and defining one model class, the least any run that
  builds bibnorm's pydantic model pays (the brief makes that model the core of every command
  that reads references).

Commands measured (the demo snapshot index is built into a temporary folder first):

- ``bibnorm --help``;
- ``bibnorm resolve one.txt --offline --snapshot demo.sqlite --resolvers snapshot``: one title,
  the snapshot alone;
- the same with the default chain (offline: the online sources answer from the HTTP cache
  only, here an empty one).

Before measuring, the packages are byte-compiled (as pip does at install time) and the children
run without ``PYTHONDONTWRITEBYTECODE``, so no run compiles modules.

    python bench/bench_startup.py [--repeat 7]

Target (issue 16): ``--help`` and a one-line offline ``resolve`` at most 0.15 s of CPU.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_SNAPSHOT = ROOT / "fixtures" / "demo" / "snapshot.jsonl"
PYDANTIC_FLOOR = "from pydantic import BaseModel\nclass Floor(BaseModel):\n    title: str\n"


def cpu_seconds(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """User + sys CPU of one child process (and anything it waited for)."""
    with open(os.devnull, "wb") as devnull:
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: the title is unresolved, which is an answer
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per command; the best is shown")
    args = parser.parse_args()

    for package in ("normalizer", "resolvers"):
        compileall.compile_dir(ROOT / package, quiet=1)
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    python = sys.executable
    bibnorm = [python, "-m", "normalizer"]

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temporary:
        folder = Path(temporary)
        env["BIBNORM_CACHE_DIR"] = str(folder / "cache")
        index = folder / "demo.sqlite"
        subprocess.run(
            [*bibnorm, "index", "build", str(DEMO_SNAPSHOT), "-o", str(index)],
            env=env,
            check=True,
            capture_output=True,
        )
        (folder / "one.txt").write_text("Attention Is All You Need\n", encoding="utf-8")
        resolve = [*bibnorm, "resolve", "one.txt", "--offline", "--snapshot", str(index), "-o", "out.bib"]
        commands = [
            ("python -c pass (floor)", [python, "-c", "pass"]),
            ("pydantic + one model (floor)", [python, "-c", PYDANTIC_FLOOR]),
            ("bibnorm --help", [*bibnorm, "--help"]),
            ("resolve, one line, snapshot only", [*resolve, "--resolvers", "snapshot"]),
            ("resolve, one line, default chain", resolve),
        ]
        for label, command in commands:
            cpu_seconds(command, env, folder)  # warm the OS caches
            best = min(cpu_seconds(command, env, folder) for _ in range(args.repeat))
            print(f"{label:<34} {best:.3f} s CPU", flush=True)


if __name__ == "__main__":
    main()
