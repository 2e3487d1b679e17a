"""CPU time of bibnorm's start-up: ``--help`` and a one-line offline ``resolve``, next to floors.

Each command runs as its own child process ``--repeat`` times (default 7); the figure is the
best run's user + sys CPU seconds from ``os.wait4`` (best of N: start-up is noise-free work,
so the least time is the cost, and anything above it is the machine's other load).

The floors, measured the same way in the same run, say what no change to bibnorm can go below:

- ``python -c pass``: the interpreter alone;
- ``pydantic``: importing pydantic and defining one model class, the least any run that
  builds bibnorm's pydantic model pays (the brief makes that model the core of every command
  that reads references);
- ``libraries``: that, plus importing the other libraries a one-line ``resolve`` to BibTeX
  cannot do without: click (the CLI), bibtexparser (the BibTeX writer, as the brief asks),
  rapidfuzz (title similarity), and sqlite3, zstandard and orjson (the snapshot index).

Commands measured (the demo snapshot index is built into a temporary folder first):

- ``bibnorm --help``;
- ``bibnorm resolve one.txt --offline --snapshot demo.sqlite --resolvers snapshot -o out.bib``:
  one title the snapshot holds, the snapshot alone;
- the same with the default chain, offline: the online sources answer from the HTTP cache
  only (the published-version sources are asked about the paper the snapshot found), first
  with no cache file (none is read or created), then with an (empty) cache file;
- the default chain with no cache file, for a title the snapshot lacks (arXiv and Semantic
  Scholar are asked too).

Before measuring, the packages are byte-compiled (as pip does at install time) and the children
run without ``PYTHONDONTWRITEBYTECODE``, so no run compiles modules.

    python bench/bench_startup.py [--repeat 7]

Target: ``--help`` and a one-line offline ``resolve`` at most 0.15 s of CPU.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bibnorm.config import Settings
from bibnorm.resolvers._http import CACHE_FILE
from bibnorm.resolvers._session import build_session

ROOT = Path(__file__).resolve().parent.parent
DEMO_SNAPSHOT = ROOT / "fixtures" / "demo" / "snapshot.jsonl"
PYDANTIC_FLOOR = "from pydantic import BaseModel\nclass Floor(BaseModel):\n    title: str\n"
LIBRARIES_FLOOR = "import click, bibtexparser, rapidfuzz, sqlite3, zstandard, orjson\n" + PYDANTIC_FLOOR


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
    bibnorm = [python, "-m", "bibnorm"]

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
        # The title of the first demo record: the snapshot holds it.
        (folder / "one.txt").write_text(
            "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain "
            "Generalized Semantic Segmentation\n",
            encoding="utf-8",
        )
        (folder / "absent.txt").write_text("Attention Is All You Need\n", encoding="utf-8")
        used_cache = folder / "used-cache"
        build_session(Settings(cache_dir=used_cache)).close()  # the cache file an earlier run leaves
        with_cache = {**env, "BIBNORM_CACHE_DIR": str(used_cache)}

        def resolve(titles: str, *options: str) -> list[str]:
            return [
                *bibnorm,
                "resolve",
                titles,
                "--offline",
                "--snapshot",
                str(index),
                "-o",
                "out.bib",
                *options,
            ]

        commands = [
            ("python -c pass (floor)", [python, "-c", "pass"], env),
            ("pydantic + one model (floor)", [python, "-c", PYDANTIC_FLOOR], env),
            ("libraries resolve needs (floor)", [python, "-c", LIBRARIES_FLOOR], env),
            ("bibnorm --help", [*bibnorm, "--help"], env),
            ("resolve, one line, snapshot only", resolve("one.txt", "--resolvers", "snapshot"), env),
            ("  default chain, no HTTP cache", resolve("one.txt"), env),
            ("  default chain, an HTTP cache", resolve("one.txt"), with_cache),
            ("  title not in the snapshot, no cache", resolve("absent.txt"), env),
        ]
        for label, command, run_env in commands:
            cpu_seconds(command, run_env, folder)  # warm the OS caches
            best = min(cpu_seconds(command, run_env, folder) for _ in range(args.repeat))
            print(f"{label:<38} {best:.3f} s CPU", flush=True)
        if (folder / "cache" / CACHE_FILE).exists():
            raise SystemExit("an offline run created an HTTP cache file")


if __name__ == "__main__":
    main()
