"""``bibnorm verify`` on the labelled dev set (HALLMARK dev_public): detection and false alarms.

The sources are fakes on 127.0.0.1 built from the split's world (tests/fakes/verify_world.py:
Semantic Scholar, arXiv and Crossref answering for the real papers behind the split;
fabricated papers are absent, as from the live databases). The .bib is split into shards in
which no two entries cite the same title, DOI or arXiv id (the dev set's README asks for it),
and each shard is verified by the same code path as ``bibnorm verify`` on a cold cache.

Printed: detection rate, false-positive rate, F1 and tier-weighted F1 (HALLMARK's
definitions: an entry counts as flagged when its verdict is mismatch or not_found), overall
and per hallucination type, next to bibtex-updater's published figures on the same split;
verdict counts; requests per entry per source (cold), and a warm re-run's request count.

Usage: ``python bench/bench_verify.py``
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.bib.bibfile import FormatOptions, read_bibfile, render_block  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.judge import Verdict  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import FakeArxivServer  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402
from fakes.verify_world import arxiv_records, crossref_works, s2_papers, world  # noqa: E402

DEV = ROOT / "fixtures" / "shared" / "reference" / "verify-dev"
TODAY = date(2026, 11, 22)
BIBTEX_UPDATER = {"detection": 0.865, "false_positive": 0.092, "f1": 0.890, "tier_f1": 0.908}
FLAGGED = {Verdict.MISMATCH, Verdict.NOT_FOUND}


def fake_overrides(s2: FakeS2, arxiv: FakeArxivServer, crossref: FakeCrossref, cache: Path) -> dict[str, Any]:
    """Settings that point `run_verify` at the running fakes, unthrottled, on a cold cache."""
    return {
        "s2_api_url": s2.url,
        "arxiv_api_url": arxiv.url,
        "crossref_api_url": crossref.url,
        "s2_delay": 0,
        "arxiv_delay": 0,
        "crossref_delay": 0,
        "crossref_search_delay": 0,
        "cache_dir": cache,
        "resolvers": ("arxiv", "s2", "crossref"),
        "offline": False,
    }


def shards(path: Path) -> list[list[str]]:
    """Entries' raw text in shards where no two entries share a title, DOI or arXiv id."""
    bibfile = read_bibfile(path)
    groups: list[tuple[set[str], list[str]]] = []
    for entry in bibfile.entries:
        marks = {f"t:{re.sub(r'[^a-z0-9]', '', (entry.get('title') or '').casefold())}"}
        if entry.get("doi"):
            marks.add(f"d:{(entry.get('doi') or '').casefold()}")
        text = render_block(entry, _options())
        for seen, texts in groups:
            if not seen & marks:
                seen |= marks
                texts.append(text)
                break
        else:
            groups.append((set(marks), [text]))
    return [texts for _, texts in groups]


def _options() -> FormatOptions:
    return FormatOptions()


def metrics(rows: list[tuple[bool, bool, int]]) -> dict[str, float]:
    """rows: (hallucinated, flagged, tier). HALLMARK's detection, FPR, F1, tier-weighted F1."""
    tp = sum(1 for h, f, _ in rows if h and f)
    fn = sum(1 for h, f, _ in rows if h and not f)
    fp = sum(1 for h, f, _ in rows if not h and f)
    valid = sum(1 for h, _, _ in rows if not h)
    detection = tp / (tp + fn) if tp + fn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * detection / (precision + detection) if precision + detection else 0.0
    weighted_tp = sum(t for h, f, t in rows if h and f)
    weighted_fn = sum(t for h, f, t in rows if h and not f)
    weighted_recall = weighted_tp / (weighted_tp + weighted_fn) if weighted_tp + weighted_fn else 0.0
    tier_f1 = (
        2 * precision * weighted_recall / (precision + weighted_recall)
        if precision + weighted_recall
        else 0.0
    )
    return {
        "detection": detection,
        "false_positive": fp / valid if valid else 0.0,
        "f1": f1,
        "tier_f1": tier_f1,
    }


def main() -> None:
    labels = json.loads((DEV / "dev_public.expect.json").read_text(encoding="utf-8"))["entries"]
    records = world()
    s2 = FakeS2(papers=s2_papers(records)).start()
    arxiv = FakeArxivServer(arxiv_records(records)).start()
    crossref = FakeCrossref(crossref_works(records)).start()
    verdicts = {}
    requests: Counter[str] = Counter()
    warm_requests = 0
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            overrides = fake_overrides(s2, arxiv, crossref, Path(tmp) / "cache")
            parts = shards(DEV / "dev_public.bib")
            for number, texts in enumerate(parts):
                path = Path(tmp) / f"shard{number}.bib"
                path.write_text("\n".join(texts), encoding="utf-8")
                outcome = run_verify(
                    [path], overrides, VerifyOptions(), today=TODAY, open_session=build_session
                )
                requests.update(outcome.requests)
                verdicts.update({v.key: v for v in outcome.verdicts})
            elapsed = time.perf_counter() - started
            for number in range(len(parts)):
                outcome = run_verify(
                    [Path(tmp) / f"shard{number}.bib"],
                    overrides,
                    VerifyOptions(),
                    today=TODAY,
                    open_session=build_session,
                )
                warm_requests += sum(outcome.requests.values())
        s2_calls = Counter(request.path.rsplit("/paper", 1)[-1] or "/" for request in s2.requests)
    finally:
        s2.stop()
        arxiv.stop()
        crossref.stop()

    rows_by_type: dict[str, list[tuple[bool, bool, int]]] = defaultdict(list)
    all_rows = []
    for key, label in labels.items():
        verdict = verdicts[key]
        hallucinated = label["label"] == "HALLUCINATED"
        row = (hallucinated, verdict.verdict in FLAGGED, int(label.get("tier") or 0))
        all_rows.append(row)
        rows_by_type[label["type"] if hallucinated else "valid"].append(row)
    overall = metrics(all_rows)
    print(f"verify dev_public: {len(all_rows)} entries in {len(parts)} shards, {elapsed:.1f} s cold")
    print(f"{'':28}{'detection':>10}{'false pos':>10}{'F1':>8}{'tier F1':>9}")
    print(
        f"{'bibnorm verify':28}{overall['detection']:>10.3f}{overall['false_positive']:>10.3f}"
        f"{overall['f1']:>8.3f}{overall['tier_f1']:>9.3f}"
    )
    b = BIBTEX_UPDATER
    print(
        f"{'bibtex-updater (published)':28}{b['detection']:>10.3f}{b['false_positive']:>10.3f}"
        f"{b['f1']:>8.3f}{b['tier_f1']:>9.3f}"
    )
    print("\nper type (flagged / entries):")
    for name, rows in sorted(rows_by_type.items()):
        flagged = sum(1 for _, f, _ in rows if f)
        print(f"  {name:26} {flagged:4} / {len(rows):<4} ({flagged / len(rows):.3f})")
    print("\nverdicts:", dict(Counter(v.verdict.value for v in verdicts.values())))
    entries = len(all_rows)
    per_source = ", ".join(f"{s} {n / entries:.3f} ({n})" for s, n in sorted(requests.items()))
    cold = sum(requests.values()) / entries
    print(f"requests per entry (cold): {cold:.3f} ({per_source}); warm: {warm_requests}")
    endpoints = ", ".join(f"/paper{path} {count}" for path, count in sorted(s2_calls.items()))
    print(f"S2 requests by endpoint: {endpoints}")
    if "--misses" in sys.argv:
        for key, label in labels.items():
            verdict = verdicts[key]
            hallucinated = label["label"] == "HALLUCINATED"
            if hallucinated != (verdict.verdict in FLAGGED):
                codes = " ".join(f.code for f in verdict.findings)
                kind = label["type"] if hallucinated else "VALID"
                print(f"MISS {kind:24} {key} {verdict.verdict.value} {codes}")


if __name__ == "__main__":
    main()
