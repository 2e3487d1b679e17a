"""A synthetic venue resolved offline: ``resolve CORPUS --out`` at scale (normalizer/corpus).

The venue is made from real records: the 177 real arXiv records of the dev snapshot
(``shared/reference/dev-snapshot.jsonl``), indexed as the arXiv snapshot index. Each document is
a reference list citing ``--refs`` of them, each by its title or its arXiv id (half and half), and
every tenth reference an invented title (left unresolved: the matcher never guesses).

Printed: the venue's size; the whole venue resolved with 1 and 2 local worker processes (and 2
Dask workers with ``--dask``), references/s, the scaling, peak memory of this process and of the
largest worker, whether the results folders are byte-identical, and the statuses.

    python bench/bench_corpus_resolve.py                        # 200 documents x 30 references
    python bench/bench_corpus_resolve.py --documents 400 --refs 50 --dask
    python bench/bench_corpus_resolve.py --documents 2000 --refs 5 --keep /tmp/resolved  # the screenshot
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.api.corpus import resolve_job  # noqa: E402
from bibnorm.corpus.engines import DaskEngine, Engine, ProcessEngine, SerialEngine  # noqa: E402
from bibnorm.corpus.run import CorpusOutcome, run_corpus  # noqa: E402
from bibnorm.resolvers.snapshot import build_index  # noqa: E402
from paths import DEV_SNAPSHOT  # noqa: E402

INVENTED = ("Quantum", "Llamas", "Orbital", "Sparse", "Gradient", "Lattice", "Harmonic", "Vision", "Entropy")


def make_venue(folder: Path, documents: int, refs: int, seed: int) -> int:
    records = [json.loads(line) for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(seed)
    for number in range(documents):
        lines = []
        for position in range(refs):
            if (number * refs + position) % 10 == 9:  # every tenth of the venue, however long the lists
                lines.append(f"On {' '.join(rng.sample(INVENTED, 4))} in the Wild")
                continue
            record = rng.choice(records)
            lines.append(" ".join(record["title"].split()) if rng.random() < 0.5 else f"arXiv:{record['id']}")
        (folder / f"track{number % 3}").mkdir(exist_ok=True)
        (folder / f"track{number % 3}/paper{number:05d}.txt").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return documents * refs


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def timed(venue: Path, out: Path, engine: Engine, overrides: dict) -> tuple[CorpusOutcome, float]:
    started = time.perf_counter()
    outcome = run_corpus(str(venue), out, resolve_job(overrides), engine)
    return outcome, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--refs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=46)
    parser.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster of 2 workers")
    parser.add_argument("--keep", type=Path, default=None, help="work in this (new) folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-resolve-") as tmp:
        work = args.keep or Path(tmp)
        if args.keep:
            work.mkdir(parents=True)
        build_index([DEV_SNAPSHOT], work / "arxiv.sqlite")
        (work / "venue").mkdir()
        refs = make_venue(work / "venue", args.documents, args.refs, args.seed)
        print(f"venue: {args.documents} documents, {refs} references (10% invented titles)")
        overrides = {"offline": True, "snapshot": work / "arxiv.sqlite", "cache_dir": work / "cache"}
        timings = {}
        for name, engine in (("1 process", SerialEngine()), ("2 processes", ProcessEngine(2))):
            outcome, timings[name] = timed(work / "venue", work / name, engine, overrides)
            print(f"{name}: {refs / timings[name]:,.0f} refs/s over the venue ({timings[name]:.1f} s)")
        print(f"scaling 1 -> 2 processes: {timings['1 process'] / timings['2 processes']:.2f}x")
        print(f"statuses: {dict(outcome.verdicts())}")
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory: this process {self_peak:.0f} MB, largest worker process {child_peak:.0f} MB")
        same = folder_bytes(work / "1 process") == folder_bytes(work / "2 processes")
        if args.dask:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                _, seconds = timed(work / "venue", work / "dask", DaskEngine(cluster), overrides)
            print(f"2 Dask workers: {refs / seconds:,.0f} refs/s ({seconds:.1f} s)")
            same = same and folder_bytes(work / "dask") == folder_bytes(work / "1 process")
        print(f"results byte-identical across engines: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
