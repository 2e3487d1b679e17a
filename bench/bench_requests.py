"""Requests per distinct item per source: ``bibnorm resolve`` on the five scraped pages.

The sources are the test fakes on 127.0.0.1 (arXiv, Semantic Scholar, dblp's search,
Crossref's works), so this counts requests, not their answers' quality. Two worlds:

- "complete": the fakes plus one synthetic arXiv record (and its S2 twin, an arXiv-only
  preprint) for every page title they lack (`fakes.servers.synthetic_completion`), because
  real arXiv holds nearly every Hugging Face daily paper. This is the realistic figure.
- "as is": the fakes hold real records for the 177 gold papers only, so the other 433
  titles are on no source and each costs the lookups that prove it.

- "complete + DOIs": as "complete", and the gold papers published at venues whose publishers
  register DOIs with Crossref (IEEE/CVF, Springer, ACM, ACL, AAAI: 60 of the 101) carry a
  publisher DOI on their S2 record, as real S2 records do, and the fake Crossref holds a
  work for it. The DOIs are synthetic (Crossref's test prefix 10.5555, ``bibnorm-bench.*``)
  and so are the works (built from gold: title, authors, venue, year): this world models
  which papers carry a DOI, to count requests, not what the real records say.

In "complete" and "as is", the 101 gold papers with a venue are published without a DOI on
S2's record, so dblp is searched for each of them; in "complete + DOIs" only for the 41
(ICLR, NeurIPS, ICML, TMLR) that have none. Every other paper is settled by a batch (S2's
record names no publication).

``resolve`` runs on a cold cache, then again on the warm one, with the default chain
(``snapshot,arxiv,s2,dblp,crossref,openalex``; no snapshot index is built and OpenAlex is
off without a key), with the default chain and a local dblp index (built by ``bibnorm index
build`` from a dump in dblp's format of every record the fake dblp search serves,
`fakes.dblp_dump.write_fake_dump`) and with ``snapshot,arxiv,s2`` (no published-version
sources), and prints requests per distinct item per source and the wall time the cold requests would take
at each source's real spacing (arXiv 3 s, S2 1 s without a key, dblp 2 s, Crossref 0.25 s
for a single work and 1 s for a list). Target, as each request costs seconds at those rates:
at most 0.15 requests per
distinct item in total, cold; 0 warm.

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

from bibnorm.cli import main  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.dblp_dump import write_fake_dump  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

PAGES = sorted((ROOT / "fixtures" / "shared" / "inputs" / "hf-papers").glob("*.txt"))
DEFAULT = "snapshot,arxiv,s2,dblp,crossref,openalex"
# (chain, with the local dblp index)
CHAINS = {
    "default": (DEFAULT, False),
    "default + dblp index": (DEFAULT, True),
    "no published sources": ("snapshot,arxiv,s2", False),
}
# Seconds per request at each source's limit (Crossref's public pool: single works 5/s, lists 1/s).
SPACING = {"arxiv": 3.0, "s2": 1.0, "dblp": 2.0, "crossref": 0.25, "crossref-search": 1.0}


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


def seconds_at_real_spacing(requests: Counter[str]) -> float:
    return sum(SPACING.get(source, 1.0) * count for source, count in requests.items())


# Gold venues whose publishers register their papers' DOIs with Crossref, with the work type.
DOI_VENUES = {
    "CVPR": "proceedings-article", "CVPR Workshops": "proceedings-article", "CVPRW": "proceedings-article",
    "ICCV": "proceedings-article", "ECCV": "proceedings-article", "KDD": "proceedings-article",
    "AAAI": "proceedings-article", "WACV": "proceedings-article", "ACL": "proceedings-article",
    "ACM MM": "proceedings-article", "TPAMI": "journal-article",
}  # fmt: skip


def with_publisher_dois(s2_papers: list[dict]) -> tuple[list[dict], list[dict]]:
    """S2 papers with a synthetic publisher DOI where the gold venue's publisher registers one,
    and the Crossref works (built from gold) those DOIs name."""
    gold = {row["arxiv_id"]: row for row in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())}
    papers, works = [], []
    for paper in s2_papers:
        row = gold.get((paper.get("externalIds") or {}).get("ArXiv", ""))
        venue = " ".join((row or {}).get("venue", "").split()[:-1]) if row else ""
        if row is None or venue not in DOI_VENUES:
            papers.append(paper)
            continue
        doi = f"10.5555/bibnorm-bench.{row['arxiv_id']}"
        papers.append({**paper, "externalIds": {**paper["externalIds"], "DOI": doi}})
        works.append(
            {
                "DOI": doi,
                "type": DOI_VENUES[venue],
                "title": [row["title"]],
                "author": [
                    {"given": " ".join(n.split()[:-1]), "family": n.split()[-1]}
                    for n in row.get("authors", [])
                ],
                "container-title": [row["venue"]],
                "issued": {"date-parts": [[row["year"]]]},
            }
        )
    return papers, works


def page_worlds() -> dict[str, dict]:
    """The fakes' data of each world, by name: "complete", "complete + DOIs", "as is"."""
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers_with_dois, works = with_publisher_dois(completion.s2_papers)
    return {
        "complete": {"arxiv_records": completion.arxiv_records, "s2_papers": completion.s2_papers},
        "complete + DOIs": {
            "arxiv_records": completion.arxiv_records,
            "s2_papers": papers_with_dois,
            "crossref_works": works,
        },
        "as is": {},
    }


def main_() -> None:
    worlds = page_worlds()
    print(f"bibnorm resolve on {len(PAGES)} pages against the fakes")
    print(
        f"{'world':16}{'chain':22}{'items':>6}  {'requests per distinct item (cold)':50}"
        f"{'total':>6}  at real spacing  warm"
    )
    with tempfile.TemporaryDirectory() as dumps:
        dump, index = Path(dumps) / "dblp.xml.gz", Path(dumps) / "dblp.sqlite"
        write_fake_dump(dump)
        built = CliRunner().invoke(main, ["index", "build", str(dump), "-o", str(index)])
        assert built.exit_code == 0, built.output
        for world, data in worlds.items():
            for name, (chain, with_index) in CHAINS.items():
                measure(world, name, chain, data, index if with_index else None)


def measure(world: str, name: str, chain: str, data: dict, index: Path | None) -> None:
    """One world and chain: cold, then warm; one line of the table."""
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**data) as apis:
        env = {**apis.env(Path(tmp) / "cache"), "BIBNORM_DBLP_INDEX": str(index or "")}
        distinct, cold = run(chain, Path(tmp), env)
        _, warm = run(chain, Path(tmp), env)
    per_source = ", ".join(f"{s} {n / distinct:.3f}" for s, n in sorted(cold.items()) if n)
    total = sum(cold.values()) / distinct
    minutes, warm_total = seconds_at_real_spacing(cold) / 60, sum(warm.values())
    print(
        f"{world:16}{name:22}{distinct:>6}  {per_source:50}{total:>6.3f}"
        f"  {minutes:>10.1f} min  {warm_total:>4}"
    )


if __name__ == "__main__":
    main_()
