"""The three local indexes of a venue run at a realistic size, for bench/bench_corpus_verify.py.

Built from real records' shapes by the generators the index benches use (no material of our own):

- the **OpenAlex works** index: ``rows`` Work objects (the objects the API returns, one a line,
  gzip) whose titles, authors, years, arXiv links and DOIs are recombined from the real arXiv
  records (`bench_snapshot.synthetic_records`: real title shapes with half their words replaced
  from the real vocabulary, real author names), then the venue's own real papers;
- the **arXiv snapshot** index: the same ``rows`` synthetic records in the Kaggle snapshot format,
  then the real dev snapshot;
- the **dblp** index: a dump of ``rows`` records in dblp's XML (`bench_dblp_index.write_dump`:
  real titles recombined, dblp's venue spellings and record mix).

A synthetic record never carries an arXiv id or a title key of a paper the venue cites, so the
venue's verdicts do not change with the indexes' size (the bench checks it). Each index is built
once into ``folder`` and reused while its file exists; the inputs are deleted once built.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH.parent / "tests"), str(BENCH)]

from bench_dblp_index import write_dump  # noqa: E402
from bench_snapshot import DEV_SNAPSHOT, Corpus, synthetic_records  # noqa: E402
from bibnorm.resolvers.dblp_index import build_dblp_index  # noqa: E402
from bibnorm.resolvers.openalex_works import build_works_index  # noqa: E402
from bibnorm.resolvers.snapshot import build_index  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from fakes.verify_world import as_work  # noqa: E402

FIRST_SYNTHETIC_WORK = 100_000_000  # OpenAlex ids above the real papers' W0…W1628


def arxiv_records(rows: int, seed: int, cited: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``rows`` synthetic arXiv records sharing no arXiv id or title with a cited paper."""
    taken_ids = {paper["arxiv_id"] for paper in cited if paper.get("arxiv_id")}
    taken_titles = {title_key(paper["title"]) for paper in cited}
    written = 0
    for record in synthetic_records(rows * 2, Corpus(), random.Random(seed)):
        if record["id"] in taken_ids or title_key(record["title"]) in taken_titles:
            continue
        yield record
        written += 1
        if written == rows:
            return


def as_synthetic_work(number: int, record: dict[str, Any]) -> dict[str, Any]:
    """An arXiv record as OpenAlex has such a paper: the preprint, or its journal version."""
    title = " ".join(record["title"].split())
    journal = (record.get("journal-ref") or "").split(" ")[0] or None
    return {
        "id": f"https://openalex.org/W{FIRST_SYNTHETIC_WORK + number}",
        "doi": f"https://doi.org/{record['doi']}" if record.get("doi") else None,
        "title": title,
        "display_name": title,
        "publication_year": int(record["update_date"][:4]),
        "type": "article" if journal else "preprint",
        "authorships": [
            {"author": {"display_name": f"{given} {family}"}} for family, given, _ in record["authors_parsed"]
        ],
        "primary_location": {"source": {"display_name": journal, "type": "journal"} if journal else None},
        "locations": [{"landing_page_url": f"https://arxiv.org/abs/{record['id']}"}],
        "is_retracted": False,
        "updated_date": f"{record['update_date']}T00:00:00",
    }


def built(index: Path, build: Callable[[Path], None]) -> Path:
    """``index``, built with ``build(folder)`` unless it is there already; the time it took is printed."""
    if not index.exists():
        started = time.perf_counter()
        build(index.parent)
        print(f"  built {index.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return index


def large_indexes(folder: Path, rows: int, seed: int, cited: list[dict[str, Any]]) -> dict[str, Path]:
    """The settings naming the three indexes of ``rows`` synthetic records (and the cited papers)."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = f"{rows // 1000}k"

    def works(into: Path) -> None:
        part = into / "works-input" / "part_000.gz"
        part.parent.mkdir(exist_ok=True)
        with gzip.open(part, "wt", encoding="utf-8", compresslevel=1) as lines:
            for number, record in enumerate(arxiv_records(rows, seed, cited)):
                lines.write(json.dumps(as_synthetic_work(number, record)) + "\n")
            lines.writelines(json.dumps(as_work(n, paper)) + "\n" for n, paper in enumerate(cited))
        build_works_index([part], into / f"works-{tag}.sqlite")
        part.unlink()

    def arxiv(into: Path) -> None:
        source = into / "arxiv-input.jsonl"
        with source.open("w", encoding="utf-8") as lines:
            lines.writelines(json.dumps(record) + "\n" for record in arxiv_records(rows, seed + 1, cited))
            lines.write(DEV_SNAPSHOT.read_text(encoding="utf-8"))
        build_index([source], into / f"arxiv-{tag}.sqlite")
        source.unlink()

    def dblp(into: Path) -> None:
        dump = into / "dblp-input" / "dblp.xml.gz"
        dump.parent.mkdir(exist_ok=True)
        write_dump(dump, rows, seed + 2)
        build_dblp_index(dump, into / f"dblp-{tag}.sqlite")
        dump.unlink()

    return {
        "openalex_works": built(folder / f"works-{tag}.sqlite", works),
        "snapshot": built(folder / f"arxiv-{tag}.sqlite", arxiv),
        "dblp_index": built(folder / f"dblp-{tag}.sqlite", dblp),
    }
