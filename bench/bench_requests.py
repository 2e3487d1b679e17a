"""Requests per distinct item per source: ``bibnorm resolve`` on the five scraped pages.

The sources are the test fakes on 127.0.0.1 (arXiv and Semantic Scholar with the dev-gold
papers, dblp's search, Crossref's works), so this counts requests, not their answers'
quality. Runs ``resolve`` on a cold cache, then again on the warm one, with the default
chain (``snapshot,arxiv,s2``) and with every published-version source
(``arxiv,s2,dblp,crossref``), and prints requests per distinct item per source and the wall
time the cold requests would take at each source's real spacing (arXiv 3 s, S2 1 s without a
key, dblp 2 s, Crossref 0.25 s). Issue 12's target: at most 0.15 requests per distinct item in
total, cold; 0 warm.

Usage: ``python bench/bench_requests.py``
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from click.testing import CliRunner  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.dblp_api import FakeDblp  # noqa: E402
from fakes.servers import running_fakes  # noqa: E402

from normalizer.cli import main  # noqa: E402

PAGES = sorted((ROOT / "fixtures" / "shared" / "inputs" / "hf-papers").glob("*.txt"))
SPACING = {"arxiv": 3.0, "s2": 1.0, "dblp": 2.0, "crossref": 0.25}
CHAINS = {"default": "snapshot,arxiv,s2", "published sources": "arxiv,s2,dblp,crossref"}


def run(chain: str, folder: Path, env: dict[str, str]) -> tuple[int, Counter[str]]:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(
            main,
            ["resolve", *map(str, PAGES), "--resolvers", chain, "-q", "-o", "out.bib", "--report", "r.json"],
            env=env,
        )
    assert result.exit_code == 0, result.output
    report = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    distinct = sum(1 for item in report["items"] if item.get("duplicate_of") is None)
    return distinct, Counter(report["summary"].get("requests") or {})


def main_() -> None:
    print(f"bibnorm resolve on {len(PAGES)} pages against the fakes")
    print(
        f"{'chain':20}{'items':>7}  requests per distinct item (cold)          total  at real spacing  warm"
    )
    for name, chain in CHAINS.items():
        with tempfile.TemporaryDirectory() as tmp, running_fakes() as apis:
            dblp, crossref = FakeDblp().start(), FakeCrossref().start()
            try:
                env = {
                    **apis.env(Path(tmp) / "cache"),
                    "BIBNORM_DBLP_API_URL": dblp.url,
                    "BIBNORM_DBLP_DELAY": "0",
                    "BIBNORM_CROSSREF_API_URL": crossref.url,
                    "BIBNORM_CROSSREF_DELAY": "0",
                }
                distinct, cold = run(chain, Path(tmp), env)
                _, warm = run(chain, Path(tmp), env)
            finally:
                dblp.stop()
                crossref.stop()
        per_source = ", ".join(f"{s} {n / distinct:.3f}" for s, n in sorted(cold.items()))
        seconds = sum(SPACING.get(s, 1.0) * n for s, n in cold.items())
        total = sum(cold.values()) / distinct
        minutes, warm_total = seconds / 60, sum(warm.values())
        print(f"{name:20}{distinct:>7}  {per_source:42}{total:>6.3f}  {minutes:>10.1f} min  {warm_total:>4}")


if __name__ == "__main__":
    main_()
