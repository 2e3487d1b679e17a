"""Benchmark the online resolvers: requests per item on the five scraped pages, cold and warm.

Starts the fake arXiv and Semantic Scholar APIs (tests/fakes/) in this process, then runs
the real pipeline (`bibnorm.sources.open_sources` + `bibnorm.resolve.pipeline.run`, as
``bibnorm resolve`` does) over all five pages of ``shared/inputs/hf-papers/`` with a
fresh cache directory, no politeness delay, and prints: items, distinct, resolved,
requests per API and per item, wall time, peak memory, and the time the same requests
would take at the real rate limits (arXiv one call per 3 s, S2 one per 1 s). A second,
warm run over the same cache follows (it should make no request).

``--complete`` (default): the fakes hold real records only for the 177 gold papers, so
on them most page titles are "not on arXiv" and fall through to per-title fallbacks,
which real arXiv (holding nearly every Hugging Face daily paper) would not cause. With
``--complete`` the fakes also get one clearly synthetic record per missing title (ids
``2912.8xxxx``, author "Synthetic Bench", used only here); ``--no-complete`` measures
the fakes as they are; ``--both`` prints both.

Memory: peak Python heap comes from a separate traced cold run (tracemalloc slows
allocation-heavy code); both it and ru_maxrss include the in-process fake servers.

    python bench/bench_online.py [--both | --no-complete]
"""

from __future__ import annotations

import argparse
import collections
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the fakes live with the tests

from bibnorm.config import Settings
from bibnorm.models import Query
from bibnorm.readers import read_inputs
from bibnorm.resolve import pipeline
from bibnorm.resolve.report import build_report, summarize
from bibnorm.sources import open_sources
from fakes.servers import FakeApis, running_fakes, synthetic_completion
from paths import SHARED

PAGES = sorted((SHARED / "inputs" / "hf-papers").glob("*.txt"))
GOLD = SHARED / "reference" / "dev-gold.jsonl"
REAL_SPACING = {"arxiv": 3.0, "s2": 1.0}  # seconds per call at the services' limits
TARGET_PER_ITEM = 0.1


@dataclass
class Measure:
    summary: dict[str, Any]
    wall: float
    endpoints: collections.Counter[str]
    wrong_gold: int  # resolved items whose arXiv id contradicts dev-gold.jsonl


def _gold_ids() -> dict[str, str]:
    rows = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["title"]: row["arxiv_id"] for row in rows}


def _settings(apis: FakeApis, cache: Path) -> Settings:
    return Settings(
        arxiv_api_url=apis.arxiv.url,
        arxiv_delay=0,
        s2_api_url=apis.s2.url,
        s2_delay=0,
        cache_dir=cache,
        resolvers=("arxiv", "s2"),
    )


def _endpoint_counts(apis: FakeApis) -> collections.Counter[str]:
    """What the requests were for: arXiv id pages, batched or single title searches; S2 routes."""
    counts: collections.Counter[str] = collections.Counter()
    for _, params in apis.arxiv_requests:
        query = params.get("search_query", "")
        if params.get("id_list"):
            counts["arxiv id_list"] += 1
        elif query.startswith("all:") or " OR all:" in query:
            counts["arxiv broad title (1/title)"] += 1
        elif ") OR (" in query:
            counts["arxiv batched titles"] += 1
        else:
            counts["arxiv single title"] += 1
    for request in apis.s2_requests:
        route = request.path.split("/graph/v1", 1)[-1]
        if route.startswith("/paper/") and route not in (
            "/paper/search/match",
            "/paper/search",
            "/paper/batch",
        ):
            route = "/paper/{id}"
        counts[f"s2 {request.method} {route}"] += 1
    return counts


def run_once(apis: FakeApis, queries: Sequence[Query], cache: Path) -> Measure:
    apis.reset()
    settings = _settings(apis, cache)
    started = time.perf_counter()
    with open_sources(settings) as sources:
        resolutions = pipeline.run(queries, sources.resolvers, settings, enrichers=sources.enrichers)
        stats = sources.stats
    wall = time.perf_counter() - started
    report = build_report(resolutions, summarize(resolutions, stats.requests, stats.cache_hits))
    gold = _gold_ids()
    wrong = sum(
        1
        for item in report["items"]
        if item["status"] == "resolved"
        and item["input_title"] in gold
        and item["arxiv_id"] != gold[item["input_title"]]
    )
    return Measure(report["summary"], wall, _endpoint_counts(apis), wrong)


def traced_peak(apis: FakeApis, queries: Sequence[Query], cache: Path) -> int:
    tracemalloc.start()
    try:
        run_once(apis, queries, cache)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _row(label: str, value: object) -> None:
    print(f"  {label:<44} {value}")


def _requests_table(measure: Measure) -> float:
    summary = measure.summary
    distinct = summary["distinct"]
    requests = {name: summary["requests"].get(name, 0) for name in REAL_SPACING}
    total = sum(requests.values())
    for name, count in requests.items():
        _row(f"requests {name}", f"{count}  ({count / distinct:.3f} per distinct item)")
    _row(
        "requests total",
        f"{total}  ({total / distinct:.3f} per distinct item, {total / summary['items']:.3f} per input item)",
    )
    real = sum(count * REAL_SPACING[name] for name, count in requests.items())
    _row("time at real limits (arXiv 3 s, S2 1 s)", f"{real:.0f} s ({real / 60:.1f} min)")
    _row("cache hits", summary["cache_hits"])
    _row("wall time (fakes, no delay)", f"{measure.wall:.2f} s")
    return total / distinct


def scenario(complete: bool, queries: Sequence[Query]) -> None:
    if complete:
        completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
        fakes = running_fakes(arxiv_records=completion.arxiv_records, s2_papers=completion.s2_papers)
        label = f"complete: fakes + {completion.added} synthetic records (2912.8xxxx) for titles they lacked"
    else:
        fakes = running_fakes()
        label = "as is: fakes hold only the 177 gold papers (+ samples, decoys)"
    with fakes as apis, tempfile.TemporaryDirectory(prefix="bibnorm-bench-") as tmp:
        cold = run_once(apis, queries, Path(tmp) / "cache")
        warm = run_once(apis, queries, Path(tmp) / "cache")
        peak = traced_peak(apis, queries, Path(tmp) / "cache-traced")
    summary = cold.summary
    print(f"\n== {label}")
    _row("items / distinct", f"{summary['items']} / {summary['distinct']}")
    _row(
        "resolved / unresolved / ambiguous / failed (items)",
        f"{summary['resolved']} / {summary['unresolved']} / {summary['ambiguous']} / {summary['failed']}",
    )
    _row("resolved gold titles with a wrong arXiv id", cold.wrong_gold)
    print(" cold cache:")
    per_item = _requests_table(cold)
    _row("peak Python heap (tracemalloc, separate run)", f"{peak / 2**20:.1f} MiB")
    _row(
        "max RSS of the process so far",
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB",
    )
    print(" cold requests by kind:")
    for kind, count in sorted(cold.endpoints.items(), key=lambda kv: -kv[1]):
        _row(f"  {kind}", count)
    print(" warm cache (second run, same cache):")
    _requests_table(warm)
    verdict = "met" if per_item <= TARGET_PER_ITEM and warm.summary["requests_total"] == 0 else "NOT met"
    print(f" target (<= {TARGET_PER_ITEM} requests per item cold, 0 warm): {verdict}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--complete",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="give the fakes a synthetic record for every page title they lack (default: on)",
    )
    parser.add_argument("--both", action="store_true", help="run with and without --complete")
    args = parser.parse_args(argv)
    queries = read_inputs([str(p) for p in PAGES])
    print(
        f"bibnorm online bench: {len(PAGES)} pages of {SHARED / 'inputs' / 'hf-papers'}, {len(queries)} items"
    )
    for complete in (True, False) if args.both else (args.complete,):
        scenario(complete, queries)


if __name__ == "__main__":
    main()
