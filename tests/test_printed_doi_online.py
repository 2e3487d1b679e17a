"""Online, a DOI read from a printed reference that does not exist is left out, with a note.

The resolve pipeline with the Crossref enricher as its DOI register, against the fake Crossref API
on 127.0.0.1 (tests/fakes/crossref_api.py: an unknown DOI is a 404, a batch is silent about it),
and a resolver that knows one paper by its title and DOIs only of the records it holds: a DOI that
a printed reference gives, that no resolver knows and Crossref does not hold, is dropped from the
item (its report's ``read`` block gives none) with a problem that names it, and the item is looked
up by its title; a DOI Crossref holds, one a resolver knows, and one from a ``.bib`` (no printed
reference) stay. Crossref is asked in batches, never once per item.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, Lookup, Origin, Query, QueryKind, Reference, Status
from bibnorm.resolve import pipeline
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import item_json
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.crossref import CrossrefClient, CrossrefEnricher
from fakes.crossref_api import FakeCrossref

TITLE = "Augmenting large language models with chemistry tools"
HELD = "10.1038/s42256-024-00832-8"  # a recorded Crossref work (the fake serves it)
MISPRINTED = "10.1038/s42256-024-0083"  # a DOI cut short: Crossref holds no such DOI
KNOWN = "10.1234/known.paper"  # one the resolver's record carries


class DoiOrTitleResolver:
    """A resolver that knows its records by DOI and by title (the matcher judges each)."""

    name = "s2"

    def __init__(self, records: Sequence[Reference]) -> None:
        self.records = records

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        answers: dict[int, Lookup] = {}
        for query in queries:
            if query.kind in (QueryKind.DOI, QueryKind.ARXIV_ID):
                key = "doi" if query.kind is QueryKind.DOI else "arxiv_id"
                found = [r for r in self.records if getattr(r.ids, key) == getattr(query, key)]
                by_doi = (Candidate(source=self.name, reference=r, by_identifier=True) for r in found)
                answers[query.index] = Lookup(candidates=tuple(by_doi))
            else:
                answers[query.index] = Lookup(
                    candidates=tuple(Candidate(source=self.name, reference=r) for r in self.records)
                )
        return answers


RECORD = Reference(title=TITLE, ids=Identifiers(arxiv_id="2304.05376", doi=KNOWN))


@pytest.fixture
def crossref() -> Iterator[FakeCrossref]:
    server = FakeCrossref().start()
    yield server
    server.stop()


def resolve(
    crossref: FakeCrossref, tmp_path: Path, queries: Sequence[Query], records: Sequence[Reference] = (RECORD,)
) -> list:
    settings = Settings(
        cache_dir=tmp_path / "cache", crossref_api_url=crossref.url, crossref_delay=0, resolvers=()
    )
    enricher = CrossrefEnricher(CrossrefClient(build_session(settings, sleep=lambda _: None), settings))
    return pipeline.run(queries, [DoiOrTitleResolver(records)], settings, enrichers=[enricher])


def query(index: int, doi: str, *, printed: bool = True, title: str = TITLE) -> Query:
    return Query(
        index=index,
        origin=Origin(path="paper.pdf", line=index + 1),
        kind=QueryKind.DOI,
        doi=doi,
        title=title,
        printed=printed,
        raw=f"Bran AM. {title}. Nat Mach Intell. 2024. doi:{doi}" if printed else "",
    )


def dropped_notes(resolution) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.message for p in resolution.problems if p.code == pipeline.DOI_NOT_REGISTERED]


def test_a_printed_doi_that_does_not_exist_is_left_out_with_a_note(
    crossref: FakeCrossref, tmp_path: Path
) -> None:
    resolution, again = resolve(crossref, tmp_path, [query(0, MISPRINTED), query(1, MISPRINTED)])
    assert again.duplicate_of == 0 and again.query.doi is None
    assert resolution.status is Status.RESOLVED  # by its title, which the DOI no longer hides
    assert resolution.reference.title == TITLE
    report = item_json(resolution)
    assert report["read"]["doi"] is None
    assert [p["message"] for p in report["problems"] if p["code"] == pipeline.DOI_NOT_REGISTERED] == [
        f"DOI {MISPRINTED}, read from the printed reference, does not exist (crossref has no such DOI): "
        "left out, the item looked up by its title"
    ]


@pytest.mark.parametrize(
    ("item", "doi", "requests"),
    [
        pytest.param(query(0, HELD), HELD, 1, id="a DOI Crossref holds"),
        # resolved by it: asked once, by the enricher completing the record, not to check it
        pytest.param(query(0, KNOWN), KNOWN, 1, id="a DOI a resolver knows"),
        pytest.param(query(0, MISPRINTED, printed=False), MISPRINTED, 0, id="a DOI of a .bib"),
    ],
)
def test_a_doi_that_exists_or_was_not_read_from_a_page_stays(
    crossref: FakeCrossref, tmp_path: Path, item: Query, doi: str, requests: int
) -> None:
    [resolution] = resolve(crossref, tmp_path, [item])
    assert resolution.query.doi == doi
    assert dropped_notes(resolution) == []
    assert [request["path"] for request in crossref.requests] == [f"/works/{doi}"] * requests


def test_crossref_is_asked_in_batches_not_once_an_item(crossref: FakeCrossref, tmp_path: Path) -> None:
    items = [query(i, f"10.1038/s42256-024-{i:04d}", title=f"{TITLE} {i}") for i in range(25)]
    resolutions = resolve(crossref, tmp_path, items)
    assert all(resolution.query.doi is None and dropped_notes(resolution) for resolution in resolutions)
    assert len(crossref.requests) == 2  # 20 DOIs a request


def test_the_answer_is_reused_when_a_record_with_that_doi_is_completed(
    crossref: FakeCrossref, tmp_path: Path
) -> None:
    other = Reference(title="Tools for chemistry agents in the laboratory", ids=Identifiers(doi=HELD))
    by_title = Query(index=1, origin=Origin(path="refs.bib", line=9), kind=QueryKind.TITLE, title=other.title)
    resolutions = resolve(crossref, tmp_path, [query(0, HELD), by_title], [RECORD, other])
    assert resolutions[0].query.doi == HELD and resolutions[1].reference.ids.doi == HELD
    assert resolutions[1].reference.venue == "Nature Machine Intelligence"  # completed by Crossref
    assert [request["path"] for request in crossref.requests] == [f"/works/{HELD}"]  # asked once


def test_a_printed_doi_beside_the_arxiv_id_that_found_the_paper_is_left_out_too(
    crossref: FakeCrossref, tmp_path: Path
) -> None:
    item = query(0, MISPRINTED).model_copy(update={"kind": QueryKind.ARXIV_ID, "arxiv_id": "2304.05376"})
    [resolution] = resolve(crossref, tmp_path, [item])
    assert resolution.status is Status.RESOLVED and resolution.reference.ids.doi == KNOWN
    assert resolution.query.doi is None and resolution.query.arxiv_id == "2304.05376"
    assert dropped_notes(resolution) == [
        f"DOI {MISPRINTED}, read from the printed reference, does not exist (crossref has no such DOI): "
        "left out"
    ]
