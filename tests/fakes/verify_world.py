"""The sources as they would answer for the verify dev set's world (HALLMARK dev_public).

``verify-dev/dev_public.world.jsonl`` holds the real papers behind the split: each valid
entry's paper and the real paper each perturbed entry was made from; fabricated papers are
absent, as they are from the live databases. From it:

- Semantic Scholar papers: the record's ``s2`` block (Graph API field names) with its
  title, authors and abstract, and its arXiv id in ``externalIds``;
- arXiv records for the papers with an arXiv id (one version, dated from the id);
- Crossref works for the papers with a DOI (``proceedings-article`` or ``journal-article``
  by the dblp type, title, authors split at the last space, the dblp venue, the year);
- OpenAlex works snapshot lines (`as_work`) for the papers with a title, authors and a year.

Nothing here looks at the .bib entries or their labels: the fakes know papers, not citations.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paths import VERIFY_DEV

from fakes.arxiv_api import Author, FakeArxivServer, FakeRecord, _date_from_id
from fakes.crossref_api import FakeCrossref
from fakes.s2_api import FakeS2

if TYPE_CHECKING:
    from fakes.rate_referee import RateReferee

WORLD = VERIFY_DEV / "dev_public.world.jsonl"


def world() -> list[dict[str, Any]]:
    return [json.loads(line) for line in WORLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def papers() -> list[dict[str, Any]]:
    """The world's papers with a title, authors and a year (what a citation needs)."""
    found = []
    for record in world():
        dblp, s2 = record.get("dblp") or {}, record.get("s2") or {}
        year = dblp.get("year") or s2.get("year")
        if record.get("title") and record.get("authors") and year:
            found.append(record | {"year": int(year), "venue": dblp.get("venue") or s2.get("venue") or ""})
    return found


def as_work(number: int, paper: dict[str, Any]) -> dict[str, Any]:
    """A paper of `papers` as a line of OpenAlex's works snapshot (the Work object its API returns)."""
    dblp_type = (paper.get("dblp") or {}).get("type")
    return {
        "id": f"https://openalex.org/W{number}",
        "doi": f"https://doi.org/{paper['doi']}" if paper.get("doi") else None,
        "title": paper["title"],
        "display_name": paper["title"],
        "publication_year": paper["year"],
        "type": "preprint" if not paper["venue"] else "article",
        "authorships": [{"author": {"display_name": name}} for name in paper["authors"]],
        "primary_location": {
            "source": {
                "display_name": paper["venue"],
                "type": "journal" if dblp_type == "article" else "conference",
            }
            if paper["venue"]
            else None
        },
        "locations": [{"landing_page_url": f"https://arxiv.org/abs/{paper['arxiv_id']}"}]
        if paper.get("arxiv_id")
        else [],
        "is_retracted": False,
        "updated_date": "2026-01-01T00:00:00",
    }


def bib_entry(key: str, paper: dict[str, Any]) -> str:
    """A correct ``@inproceedings`` citing a paper of `papers`: its authors, title, venue, year,
    DOI and arXiv id, as an author would write it."""
    fields = {
        "author": " and ".join(paper["authors"]),
        "title": paper["title"],
        "booktitle": paper["venue"],
        "year": str(paper["year"]),
        **({"doi": paper["doi"]} if paper.get("doi") else {}),
        **({"eprint": paper["arxiv_id"], "archiveprefix": "arXiv"} if paper.get("arxiv_id") else {}),
    }
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@inproceedings{{{key},\n{body}}}\n\n"


def write_venue(folder: Path, documents: int) -> None:
    """``documents`` bibliographies in ``folder``, each citing three papers of `papers` (so that,
    past the first documents, some papers are cited again)."""
    cited = papers()
    for number in range(documents):
        chosen = [cited[(number * 3 + offset) % len(cited)] for offset in range(3)]
        text = "".join(bib_entry(f"p{number}x{at}", paper) for at, paper in enumerate(chosen))
        (folder / f"paper{number:02d}.bib").write_text(text, encoding="utf-8")


def s2_papers(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    papers = []
    for record in records:
        paper = dict(record.get("s2") or {})
        if not paper.get("paperId"):
            continue
        external = dict(paper.get("externalIds") or {})
        if record.get("arxiv_id"):
            external.setdefault("ArXiv", record["arxiv_id"])
        if record.get("doi"):
            external.setdefault("DOI", record["doi"])
        paper |= {
            "title": paper.get("title") or record["title"],
            "externalIds": external,
            "authors": [{"authorId": None, "name": name} for name in record.get("authors") or []],
            "abstract": record.get("abstract"),
        }
        papers.append(paper)
    return papers


def arxiv_records(records: list[dict[str, Any]]) -> list[FakeRecord]:
    seen: set[str] = set()
    out = []
    for record in records:
        arxiv_id = record.get("arxiv_id")
        if not arxiv_id or arxiv_id in seen:
            continue
        seen.add(arxiv_id)
        out.append(
            FakeRecord(
                arxiv_id=arxiv_id,
                title=record["title"],
                abstract=record.get("abstract") or "",
                authors=tuple(Author(name) for name in record.get("authors") or []),
                versions=(_date_from_id(arxiv_id),),
                categories=("cs.LG",),
                doi=record.get("doi"),
            )
        )
    return out


def crossref_works(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    works = []
    for record in records:
        if not record.get("doi") or "arxiv" in record["doi"].casefold():
            continue
        dblp = record.get("dblp") or {}
        s2 = record.get("s2") or {}
        year = dblp.get("year") or s2.get("year")
        works.append(
            {
                "DOI": record["doi"],
                "type": "journal-article" if dblp.get("type") == "article" else "proceedings-article",
                "title": [record["title"]],
                "author": [_crossref_name(name) for name in record.get("authors") or []],
                "container-title": [dblp.get("venue") or s2.get("venue") or ""],
                "issued": {"date-parts": [[year]]} if year else {"date-parts": [[None]]},
            }
        )
    return works


def _crossref_name(name: str) -> dict[str, str]:
    given, _, family = name.rpartition(" ")
    return {"given": given, "family": family, "sequence": "additional"}


@dataclass
class WorldSources:
    """Fakes of Semantic Scholar, arXiv and Crossref answering for the world, running."""

    s2: FakeS2
    arxiv: FakeArxivServer
    crossref: FakeCrossref

    def env(self) -> dict[str, str]:
        """Environment that points ``bibnorm`` at these fakes, unspaced, online, with no snapshot."""
        return {
            "BIBNORM_S2_API_URL": self.s2.url,
            "BIBNORM_ARXIV_API_URL": self.arxiv.url,
            "BIBNORM_CROSSREF_API_URL": self.crossref.url,
            "BIBNORM_S2_DELAY": "0",
            "BIBNORM_ARXIV_DELAY": "0",
            "BIBNORM_CROSSREF_DELAY": "0",
            "BIBNORM_CROSSREF_SEARCH_DELAY": "0",
            "BIBNORM_OFFLINE": "",
            "BIBNORM_SNAPSHOT": "",
        }

    def requests(self) -> int:
        """Requests the three fakes received so far."""
        return len(self.s2.requests) + len(self.arxiv.requests) + len(self.crossref.requests)


@contextmanager
def world_sources() -> Iterator[WorldSources]:
    """Start the three fakes over the world; stop them afterwards."""
    from fakes.arxiv_api import FakeArxivServer
    from fakes.crossref_api import FakeCrossref
    from fakes.s2_api import FakeS2

    records = world()
    running = WorldSources(
        FakeS2(papers=s2_papers(records)).start(),
        FakeArxivServer(arxiv_records(records)).start(),
        FakeCrossref(crossref_works(records)).start(),
    )
    try:
        yield running
    finally:
        running.s2.stop()
        running.arxiv.stop()
        running.crossref.stop()


@dataclass
class RefereedWorld:
    """The world's fakes, each behind a `RateReferee` keeping one spacing, by the name of its
    settings (``S2``, ``ARXIV``, ``CROSSREF``: Crossref's lists and single works apart)."""

    referees: dict[str, RateReferee]
    spacing: float

    def env(self) -> dict[str, str]:
        """Environment that points ``bibnorm`` at the referees, spaced as they referee, online."""
        env = {
            "BIBNORM_OFFLINE": "",
            "BIBNORM_SNAPSHOT": "",
            "BIBNORM_CROSSREF_SEARCH_DELAY": str(self.spacing),
        }
        for name, referee in self.referees.items():
            env |= {f"BIBNORM_{name}_API_URL": referee.url, f"BIBNORM_{name}_DELAY": str(self.spacing)}
        return env

    def reset(self) -> None:
        for referee in self.referees.values():
            referee.arrivals.clear()
            referee.violations.clear()

    def violations(self) -> dict[str, list[tuple[str, float]]]:
        return {name: list(referee.violations) for name, referee in self.referees.items()}


@contextmanager
def refereed_world(spacing: float) -> Iterator[RefereedWorld]:
    """`world_sources`, each behind a referee counting requests under ``spacing``."""
    from fakes.rate_referee import RateReferee, crossref_limit

    with world_sources() as sources:
        referees = {
            "S2": RateReferee(sources.s2.url, spacing).start(),
            "ARXIV": RateReferee(sources.arxiv.url, spacing).start(),
            "CROSSREF": RateReferee(sources.crossref.url, spacing, kind=crossref_limit).start(),
        }
        try:
            yield RefereedWorld(referees, spacing)
        finally:
            for referee in referees.values():
                referee.stop()
