"""``verify`` online with local indexes: how many requests the online sources still get.

The online sources are the verify world's fakes on 127.0.0.1 (Semantic Scholar, arXiv, Crossref;
`tests/fakes/verify_world.py`), which log every request. The OpenAlex works index is built from
the same world's real papers (titles, authors, DOIs, arXiv ids, dblp venues and years) written as
the works snapshot's lines, and a Retraction Watch index from its real sample row. A ``.bib``
cites ``--refs`` of those papers correctly, ``--missing`` of them left out of the index (the
references the online sources must answer). Printed: the verdicts, the requests each fake got,
and the seconds the run took.

    python bench/bench_verify_indexes_first.py                # 300 references, 30 not indexed
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.api.verifying import verify_references  # noqa: E402
from bibnorm.resolvers.openalex_works import build_works_index  # noqa: E402
from bibnorm.resolvers.retraction_watch import build_retraction_index  # noqa: E402
from fakes.verify_world import as_work, bib_entry, papers, world_sources  # noqa: E402
from paths import REFERENCE  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refs", type=int, default=300)
    parser.add_argument("--missing", type=int, default=30)
    parser.add_argument("--seed", type=int, default=46)
    args = parser.parse_args()
    pool = papers()
    citable = [p for p in pool if p["venue"] and (p.get("doi") or p.get("arxiv_id"))]
    cited = random.Random(args.seed).sample(citable, args.refs)
    missing = {id(paper) for paper in cited[: args.missing]}
    with tempfile.TemporaryDirectory(prefix="bench-indexes-first-") as tmp, world_sources() as fakes:
        work = Path(tmp)
        with gzip.open(work / "part_000.gz", "wt", encoding="utf-8") as part:
            indexed = [paper for paper in pool if id(paper) not in missing]
            part.writelines(json.dumps(as_work(n, paper)) + "\n" for n, paper in enumerate(indexed))
        build_works_index([work / "part_000.gz"], work / "works.sqlite")
        sample = REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"
        build_retraction_index([sample], work / "retractions.sqlite")
        (work / "refs.bib").write_text(
            "".join(bib_entry(f"r{n}", p) for n, p in enumerate(cited)), encoding="utf-8"
        )
        overrides = {
            **{name.removeprefix("BIBNORM_").lower(): value for name, value in fakes.env().items()},
            "offline": False,
            "snapshot": None,
            "openalex_works": work / "works.sqlite",
            "retraction_watch": work / "retractions.sqlite",
            "cache_dir": work / "cache",
        }
        started = time.perf_counter()
        verification = verify_references([work / "refs.bib"], overrides=overrides)
        seconds = time.perf_counter() - started
        verdicts = Counter(str(verdict.verdict) for verdict in verification.outcome.verdicts)
        print(f"{args.refs} references ({args.missing} not in the index): {dict(sorted(verdicts.items()))}")
        print(
            f"requests: s2 {len(fakes.s2.requests)}, arxiv {len(fakes.arxiv.requests)},"
            f" crossref {len(fakes.crossref.requests)}; total {fakes.requests()}; {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
