"""``bibnorm verify`` on journal citations from five fields: detection per kind and false alarms.

The cases are made by ``tests/fakes/journal_world.py`` from the 530 real records of
``fixtures/journals/cross-domain.jsonl`` (physics, biology, medicine, chemistry, economics;
origins in ``fixtures/journals/README.md``): each article cited as its bibliography cites it
(valid), with its journal abbreviated (valid), with another real journal of its field (wrong
venue) and with a made-up journal (invented venue); each preprint cited as a preprint (valid)
and three times as an article in a real journal with a volume and pages (preprint cited as
published). Semantic Scholar, arXiv and Crossref are fakes on 127.0.0.1 holding the records in
their APIs' formats. The entries are verified in shards in which no two cite the same paper,
on a cold cache, by the code path of ``bibnorm verify``.

Printed: per kind, how many entries were flagged (mismatch or not found) — detection for the
made-up kinds, false alarms for the valid ones — overall and per field; the verdicts; and the
requests per entry. ``--misses`` lists every entry judged against its label. ``--harsh``: Semantic
Scholar also names no venue for one in six of the papers whose bibliography gives no DOI, so no
source of this world knows their journal (a wrong journal cited for them cannot be seen).

Usage: ``python bench/bench_verify_journals.py [--misses] [--harsh]``
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_verify import fake_overrides  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.judge import EntryVerdict, Verdict  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import FakeArxivServer  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.journal_world import KINDS, Case, arxiv_records, cases, crossref_works, records, s2_papers  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402

TODAY = date(2026, 11, 22)
FLAGGED = {Verdict.MISMATCH, Verdict.NOT_FOUND}
TARGET = 0.97


def shards(all_cases: list[Case]) -> list[list[Case]]:
    """The cases in shards where no two cite the same paper (a record's n-th case goes to shard n)."""
    seen: Counter[str] = Counter()
    out: dict[int, list[Case]] = defaultdict(list)
    for case in all_cases:
        out[seen[case.origin]].append(case)
        seen[case.origin] += 1
    return [out[number] for number in sorted(out)]


def verify(all_cases: list[Case]) -> tuple[dict[str, EntryVerdict], Counter[str], float]:
    world = records()
    s2 = FakeS2(papers=s2_papers(world, venue_less_without_doi="--harsh" in sys.argv)).start()
    arxiv = FakeArxivServer(arxiv_records(world)).start()
    crossref = FakeCrossref(crossref_works(world)).start()
    verdicts: dict[str, EntryVerdict] = {}
    requests: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            overrides = {
                **fake_overrides(s2, arxiv, crossref, Path(tmp) / "cache"),
                "crossref_search_delay": 0,
            }
            for number, shard in enumerate(shards(all_cases)):
                path = Path(tmp) / f"shard{number}.bib"
                path.write_text("\n".join(case.text for case in shard), encoding="utf-8")
                outcome = run_verify(
                    [path], overrides, VerifyOptions(), today=TODAY, open_session=build_session
                )
                requests.update(outcome.requests)
                verdicts.update({verdict.key: verdict for verdict in outcome.verdicts})
    finally:
        s2.stop()
        arxiv.stop()
        crossref.stop()
    return verdicts, requests, time.perf_counter() - started


def main() -> None:
    all_cases = cases(records())
    verdicts, requests, elapsed = verify(all_cases)
    flagged = {case.key: verdicts[case.key].verdict in FLAGGED for case in all_cases}
    fields = sorted({case.field for case in all_cases})
    print(f"verify journal citations: {len(all_cases)} entries, {len(records())} records, {elapsed:.1f} s")
    print(f"\n{'kind':24}{'flagged':>16}   " + "".join(f"{field:>12}" for field in fields))
    for kind in KINDS:
        mine = [case for case in all_cases if case.kind == kind]
        hits = sum(flagged[case.key] for case in mine)
        cells = []
        for field in fields:
            theirs = [case for case in mine if case.field == field]
            cells.append(f"{sum(flagged[c.key] for c in theirs)}/{len(theirs)}" if theirs else "-")
        print(
            f"{kind:24}{hits:>6} / {len(mine):<5}({hits / len(mine):.3f})"
            + "".join(f"{c:>12}" for c in cells)
        )
    made_up = [case for case in all_cases if case.hallucinated]
    valid = [case for case in all_cases if not case.hallucinated]
    detection = sum(flagged[c.key] for c in made_up) / len(made_up)
    false_alarms = sum(flagged[c.key] for c in valid) / len(valid)
    print(f"\ndetection {detection:.3f} (target {TARGET} per kind), false alarms {false_alarms:.3f}")
    print("verdicts:", dict(Counter(v.verdict.value for v in verdicts.values())))
    per_source = ", ".join(f"{s} {n / len(all_cases):.3f}" for s, n in sorted(requests.items()))
    print(f"requests per entry (cold): {sum(requests.values()) / len(all_cases):.3f} ({per_source})")
    if "--misses" in sys.argv:
        for case in all_cases:
            if case.hallucinated != flagged[case.key]:
                verdict = verdicts[case.key]
                codes = "; ".join(f"{f.code} {f.message}" for f in verdict.findings)
                print(f"MISS {case.kind:22} {case.key} {case.paper!r} cited {case.cited!r}")
                print(f"     {verdict.verdict.value}: {codes}")


if __name__ == "__main__":
    main()
