"""The three local indexes of a venue run at a realistic size, for bench/bench_corpus_verify.py.

Built from real records' shapes by the generators the index benches use (no material of our own):

- the **OpenAlex works** index: ``rows`` Work objects (the objects the API returns, one a line,
  gzip) whose titles, authors, years, arXiv links and DOIs are recombined from the real arXiv
  records (`bench_snapshot.synthetic_records`: real title shapes with half their words replaced
  from the real vocabulary, real author names), then the venue's own real papers, laid out as
  a whole works snapshot with its manifest (`write_works_snapshot`): the index is complete;
- the **arXiv snapshot** index: the same ``rows`` synthetic records in the Kaggle snapshot format,
  then the real dev snapshot and the venue's papers that have arXiv ids (`world_arxiv_lines`);
- the **dblp** index: a dump of ``rows`` records in dblp's XML (`bench_dblp_index.write_dump`:
  real titles recombined, dblp's venue spellings and record mix).

A synthetic record never carries an arXiv id or a title key of a paper the venue cites, so the
venue's verdicts do not change with the indexes' size (the bench checks it). Each index is built
once into ``folder`` and reused while its file exists; the inputs are deleted once built.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
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
from venue_measure import in_a_child  # noqa: E402

FIRST_SYNTHETIC_WORK = 100_000_000  # OpenAlex ids above the real papers' W0…W1628
# The works snapshot a venue run of November 2026 would have: the one OpenAlex published in late
# October. Its manifest makes the index complete, so that its silence about a title cited with
# an earlier year is an answer (docs/scale.md, "When silence counts"), as with the real snapshot.
SNAPSHOT_DATE = "2026-10-27"


def write_works_snapshot(folder: Path, works: Iterable[dict[str, Any]]) -> Path:
    """``works`` (Work objects) written as a whole OpenAlex works snapshot in ``folder``, laid out
    as OpenAlex publishes it: one ``updated_date=…/part_0000.gz`` and, written last, the
    ``manifest.json`` listing it (dated `SNAPSHOT_DATE`); returns ``folder``."""
    part = f"updated_date={SNAPSHOT_DATE}/part_0000.gz"
    (folder / part).parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / part, "wt", encoding="utf-8", compresslevel=1) as lines:
        lines.writelines(json.dumps(work) + "\n" for work in works)
    manifest = {
        "date": SNAPSHOT_DATE,
        "format": "jsonl",
        "entity": "works",
        "files": [{"url": f"s3://openalex/data/jsonl/works/{part}"}],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def as_arxiv_record(paper: dict[str, Any]) -> dict[str, Any]:
    """A cited paper with an arXiv id as a line of arXiv's Kaggle snapshot, which holds every
    arXiv paper: dated the first of the month its new-style id names."""
    arxiv_id = paper["arxiv_id"]
    month = re.match(r"(\d\d)(\d\d)\.", arxiv_id)
    created = datetime(2000 + int(month.group(1)), int(month.group(2)), 1, tzinfo=UTC) if month else None
    return {
        "id": arxiv_id,
        "submitter": paper["authors"][0] if paper["authors"] else None,
        "authors": ", ".join(paper["authors"]),
        "title": paper["title"],
        "comments": None,
        "journal-ref": None,
        "doi": paper.get("doi"),
        "report-no": None,
        "categories": "cs.LG",
        "license": None,
        "abstract": "",
        "versions": [{"version": "v1", "created": format_datetime(created, usegmt=True)}] if created else [],
        "update_date": created.date().isoformat() if created else None,
    }


def world_arxiv_lines(cited: list[dict[str, Any]]) -> str:
    """The cited papers that have arXiv ids, as snapshot lines (each id once)."""
    seen: dict[str, dict[str, Any]] = {}
    for paper in cited:
        if paper.get("arxiv_id"):
            seen.setdefault(paper["arxiv_id"], paper)
    return "".join(json.dumps(as_arxiv_record(paper)) + "\n" for paper in seen.values())


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
    """``index``, built with ``build(folder)`` unless it is there already; the time it took is printed.
    It is built in a forked child (`in_a_child`): what a build holds (a million titles' keys)
    goes with it."""
    if not index.exists():
        started = time.perf_counter()
        in_a_child(build, index.parent)
        print(f"  built {index.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return index


def large_indexes(folder: Path, rows: int, seed: int, cited: list[dict[str, Any]]) -> dict[str, Path]:
    """The settings naming the three indexes of ``rows`` synthetic records (and the cited papers)."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = f"{rows // 1000}k"

    def works(into: Path) -> None:
        synthetic = (
            as_synthetic_work(n, record) for n, record in enumerate(arxiv_records(rows, seed, cited))
        )
        real = (as_work(n, paper) for n, paper in enumerate(cited))
        snapshot = write_works_snapshot(into / "works-input", itertools.chain(synthetic, real))
        build_works_index([snapshot], into / f"works-{tag}-complete.sqlite")
        shutil.rmtree(snapshot)

    def arxiv(into: Path) -> None:
        source = into / "arxiv-input.jsonl"
        with source.open("w", encoding="utf-8") as lines:
            lines.writelines(json.dumps(record) + "\n" for record in arxiv_records(rows, seed + 1, cited))
            lines.write(DEV_SNAPSHOT.read_text(encoding="utf-8"))
            lines.write(world_arxiv_lines(cited))
        build_index([source], into / f"arxiv-{tag}-world.sqlite")
        source.unlink()

    def dblp(into: Path) -> None:
        dump = into / "dblp-input" / "dblp.xml.gz"
        dump.parent.mkdir(exist_ok=True)
        write_dump(dump, rows, seed + 2)
        build_dblp_index(dump, into / f"dblp-{tag}.sqlite")
        dump.unlink()

    return {
        "openalex_works": built(folder / f"works-{tag}-complete.sqlite", works),
        "snapshot": built(folder / f"arxiv-{tag}-world.sqlite", arxiv),
        "dblp_index": built(folder / f"dblp-{tag}.sqlite", dblp),
    }
