"""Benchmark the snapshot index: build speed, title lookup speed, memory.

Writes a snapshot of ``--records`` synthetic but realistic records (titles made from the
words of the real scraped pages' titles, arXiv-shaped ids, authors taken from the real
dev snapshot, 1-4 versions with RFC 1123 dates, abstracts of real length, hard-wrapped
like the Kaggle dump) plus the 177 real records of ``shared/reference/dev-snapshot.jsonl``,
builds an index from it, then resolves the 610 distinct titles of the five scraped pages
through `SnapshotResolver.lookup` and `normalizer.matching.choose`.

Throughput is measured without tracing; peak Python heap is measured in separate
traced passes (tracemalloc slows allocation-heavy code several-fold).

    python bench/bench_snapshot.py [--records 200000] [--seed 1]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, TypeVar

from normalizer.config import MatchThresholds
from normalizer.matching import Decision, choose, title_key
from normalizer.models import Query, Status
from normalizer.names import split_authors
from normalizer.pipeline import deduplicate
from normalizer.readers import read_inputs
from resolvers.snapshot import SnapshotResolver, build_index

SHARED = Path(__file__).resolve().parents[1] / "fixtures" / "shared"  # see tests/paths.py
PAGES = sorted((SHARED / "inputs" / "hf-papers").glob("*.txt"))
DEV_SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"
DEV_GOLD = SHARED / "reference" / "dev-gold.jsonl"
CATEGORIES = ["cs.CV", "cs.LG", "cs.CL", "cs.AI", "stat.ML", "cs.RO", "eess.IV", "cs.NE", "math.OC", "cs.IR"]
OLD_ARCHIVES = ["hep-th", "hep-ph", "astro-ph", "cond-mat", "math", "quant-ph", "gr-qc"]
T = TypeVar("T")


class Corpus:
    """Real words and names the synthetic records are made of."""

    def __init__(self, queries: Sequence[Query]) -> None:
        titles = [q.title or "" for q in queries]
        words = collections.Counter(w for t in titles for w in t.split())
        self.title_words = list(words)
        self.title_weights = list(words.values())
        self.title_lengths = [len(t.split()) for t in titles]
        self.abstract_words = [w for q in queries for w in (q.abstract or "").split()]
        self.abstract_lengths = [len(q.abstract) for q in queries if q.abstract]
        self.authors: list[tuple[str, str]] = []
        for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines():
            for name in split_authors(json.loads(line).get("authors") or ""):
                given, _, family = name.rpartition(" ")
                if given and family:
                    self.authors.append((family, given))


def synthetic_records(
    count: int, corpus: Corpus, taken: set[str], rng: random.Random
) -> Iterator[dict[str, Any]]:
    """``count`` records in the Kaggle snapshot format, with ids not in ``taken``."""
    serial: collections.Counter[str] = collections.Counter()
    made = 0
    while made < count:
        arxiv_id, created = _identifier(rng, serial)
        if arxiv_id in taken:
            continue
        made += 1
        length = rng.choice(corpus.title_lengths)
        title = " ".join(rng.choices(corpus.title_words, corpus.title_weights, k=length))
        if rng.random() < 0.3:  # "Name: description" titles are common in ML
            title = rng.choice(corpus.title_words).strip(":,.") + "Net: " + title
        people = rng.sample(
            corpus.authors, k=min(len(corpus.authors), rng.choice([1, 2, 3, 3, 4, 5, 6, 8, 12]))
        )
        names = [f"{given} {family}" for family, given in people]
        authors = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        size = rng.choice(corpus.abstract_lengths)
        start = rng.randrange(max(1, len(corpus.abstract_words) - 400))
        abstract = " ".join(corpus.abstract_words[start : start + 400])[:size]
        versions = [
            created + timedelta(days=sum(rng.randrange(5, 200) for _ in range(v)))
            for v in range(rng.choice([1, 1, 1, 2, 2, 3, 4]))
        ]
        categories = rng.sample(CATEGORIES, k=rng.choice([1, 1, 2, 3]))
        published = rng.random() < 0.3
        yield {
            "id": arxiv_id,
            "submitter": names[0],
            "authors": authors,
            "title": _wrap(title, 72),
            "comments": f"{rng.randrange(4, 40)} pages, {rng.randrange(1, 12)} figures"
            if rng.random() < 0.6
            else None,
            "journal-ref": _journal_ref(rng, versions[0].year) if published else None,
            "doi": f"10.5555/synthetic.{arxiv_id.replace('/', '.')}" if published else None,
            "report-no": None,
            "categories": " ".join(categories),
            "license": "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
            "abstract": "  " + _wrap(abstract, 80) + "\n",
            "versions": [
                {"version": f"v{i}", "created": format_datetime(d, usegmt=True)}
                for i, d in enumerate(versions, 1)
            ],
            "update_date": versions[-1].strftime("%Y-%m-%d"),
            "authors_parsed": [[family, given, ""] for family, given in people],
        }


def _journal_ref(rng: random.Random, year: int) -> str:
    return f"J. Synth. Res. {rng.randrange(1, 60)}, {rng.randrange(1, 999)} ({year + 1})"


def _identifier(rng: random.Random, serial: collections.Counter[str]) -> tuple[str, datetime]:
    roll = rng.random()
    if roll < 0.05:  # old style, 1991 to March 2007
        archive, year, month = rng.choice(OLD_ARCHIVES), rng.randrange(1992, 2007), rng.randrange(1, 13)
        prefix = f"{archive}/{year % 100:02d}{month:02d}"
        serial[prefix] += 1
        arxiv_id = f"{prefix}{serial[prefix]:03d}"
    else:  # new style: 4-digit numbers 0704-1412, 5-digit from 1501
        year = rng.randrange(2008, 2015) if roll < 0.15 else rng.randrange(2015, 2025)
        month = rng.randrange(1, 13)
        prefix = f"{year % 100:02d}{month:02d}"
        serial[prefix] += 1
        width = 4 if year < 2015 else 5
        arxiv_id = f"{prefix}.{serial[prefix] + 3000:0{width}d}"  # above the real dev ids' usual range
    created = datetime(year, month, rng.randrange(1, 29), rng.randrange(24), rng.randrange(60), tzinfo=UTC)
    return arxiv_id, created


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n  ".join(lines)


def write_snapshot(path: Path, records: Iterator[dict[str, Any]]) -> int:
    """Stream records to ``path`` one JSON line at a time, then the real dev records; returns the lines."""
    lines = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            lines += 1
        for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines():
            out.write(line + "\n")
            lines += 1
    return lines


def traced(work: Callable[[], T]) -> tuple[T, int]:
    """Run ``work`` under tracemalloc; its result and the peak Python heap in bytes."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def resolve_all(resolver: SnapshotResolver, queries: Sequence[Query]) -> tuple[dict[int, Decision], float]:
    """Look every query up and let `choose` decide, as the pipeline does; also the lookup seconds."""
    thresholds = MatchThresholds()
    started = time.perf_counter()
    answers = resolver.lookup(queries)
    lookup_seconds = time.perf_counter() - started
    return {q.index: choose(q, answers[q.index].candidates, thresholds) for q in queries}, lookup_seconds


def correctness(decisions: dict[int, Decision], queries: Sequence[Query], real_ids: set[str]) -> str:
    """Resolved ids checked against dev-gold's verified title → id pairs."""
    gold = {}
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold[title_key(item["title"])] = item["arxiv_id"]
    found = {i: d.best.candidate.reference.ids.arxiv_id for i, d in decisions.items() if d.best is not None}
    checked = [q for q in queries if q.index in found and title_key(q.title or "") in gold]
    wrong = sum(1 for q in checked if found[q.index] != gold[title_key(q.title or "")])
    synthetic = sum(1 for arxiv_id in found.values() if arxiv_id not in real_ids)
    return (
        f"{len(checked)} checked against dev-gold: {wrong} wrong; {synthetic} resolved to synthetic records"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="synthetic records to generate")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    queries = read_inputs(PAGES)
    duplicates = deduplicate(queries)
    distinct = [q for q in queries if q.index not in duplicates]
    corpus = Corpus(queries)
    real_ids = {json.loads(line)["id"] for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines()}
    rows: list[tuple[str, str]] = []
    mib = 2**20

    with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as folder:
        source, index = Path(folder) / "snapshot.jsonl", Path(folder) / "index.sqlite"
        started = time.perf_counter()
        records = synthetic_records(args.records, corpus, real_ids, random.Random(args.seed))
        lines = write_snapshot(source, records)
        seconds = time.perf_counter() - started
        rows.append(
            ("generate", f"{lines:,} lines, {source.stat().st_size / mib:.0f} MiB in {seconds:.1f} s")
        )

        stats = build_index([source], index)
        rate = stats.records / stats.seconds
        rows.append(("build", f"{stats.records:,} records in {stats.seconds:.1f} s = {rate:,.0f} records/s"))
        rows.append(("  skipped / replaced", f"{stats.skipped} / {stats.replaced}"))
        rows.append(("  index size", f"{index.stat().st_size / mib:.0f} MiB"))

        with SnapshotResolver(index) as resolver:
            started = time.perf_counter()
            decisions, lookup_seconds = resolve_all(resolver, distinct)
            seconds = time.perf_counter() - started
            count = len(distinct)
            rows.append(("resolve", f"{count} titles in {seconds:.2f} s = {count / seconds:,.0f} titles/s"))
            rows.append(
                (
                    "  of which lookup",
                    f"{lookup_seconds:.2f} s = {count / lookup_seconds:,.0f} titles/s (choose: rest)",
                )
            )
            outcome = collections.Counter(d.status.value for d in decisions.values())
            rows.append(
                (
                    "  outcome",
                    ", ".join(f"{outcome[s.value]} {s.value}" for s in Status if s is not Status.FAILED),
                )
            )
            rows.append(("  correctness", correctness(decisions, distinct, real_ids)))
            _, resolve_heap = traced(lambda: resolve_all(resolver, distinct))

        _, build_heap = traced(lambda: build_index([source], Path(folder) / "traced.sqlite"))
        rows.append(
            (
                "peak heap (tracemalloc)",
                f"build {build_heap / mib:.1f} MiB, resolve {resolve_heap / mib:.1f} MiB",
            )
        )

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    rows.append(("peak RSS (ru_maxrss)", f"{rss / 1024:.0f} MiB (whole process)"))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
