"""The offline stand-ins (`bibnorm.resolvers._refused`) answer exactly as their sources do on a session that
refuses every request: same answers per item, same announcements, same progress counts.

Each source is built for real on `RefusingSession` (what an offline run with nothing cached had
before the stand-ins) and asked the same items as its stand-in; the items cover every branch of the
sources' rules for whom they ask (ids, malformed ids, DOIs, titles with and without words to search
for, papers of other fields, papers a batch settles, dblp's own venues, shared DOIs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import Identifiers, Lookup, Origin, PartialDate, Query, QueryKind, Reference
from bibnorm.resolvers._http import OFFLINE_MISS, RefusingSession
from bibnorm.resolvers._refused import (
    STAND_INS,
    RefusedArxiv,
    RefusedCrossref,
    RefusedDblp,
    RefusedOpenAlex,
    RefusedS2,
)
from bibnorm.resolvers._stats import HttpStats
from bibnorm.resolvers.arxiv import ArxivResolver
from bibnorm.resolvers.crossref import build_crossref
from bibnorm.resolvers.dblp import build_dblp
from bibnorm.resolvers.openalex import build_openalex
from bibnorm.resolvers.semantic_scholar import build_s2
from bibnorm.sources import ENRICHER_FACTORIES, RESOLVER_FACTORIES
from pydantic import SecretStr

ORIGIN = Origin(path="items.txt", line=1)


def query(index: int, kind: QueryKind = QueryKind.TITLE, **fields: Any) -> Query:
    return Query(index=index, origin=ORIGIN, kind=kind, **fields)


QUERIES = [
    query(0, title="Attention Is All You Need"),
    query(1, title="   "),
    query(2, title="$x^2$"),  # math only: no word to search for
    query(3, title="What's"),  # apostrophe words only: none either
    query(4, title="A"),
    query(5, title="Ümlaut Überall: Späße mit Akzenten"),
    query(6, QueryKind.ARXIV_ID, arxiv_id="1706.03762", title="Attention Is All You Need"),
    query(7, QueryKind.ARXIV_ID, arxiv_id="1706.03762", arxiv_version=9),
    query(8, QueryKind.ARXIV_ID, arxiv_id="not-an-id"),
    query(9, QueryKind.ARXIV_ID, title="An arXiv query that lost its id"),
    query(10, QueryKind.DOI, doi="10.1145/3065386"),
    query(11, QueryKind.DOI, doi="10.1145/3065386", title="ImageNet classification"),
    query(12, QueryKind.DOI),
    query(13, title="hep-th/9901001 in a title", arxiv_id="hep-th/9901001"),
    query(14),
]

PREPRINT = Reference(
    title="Deep Residual Learning", ids=Identifiers(arxiv_id="1512.03385"), categories=("cs.CV",)
)
REFERENCES = {
    0: PREPRINT,
    1: PREPRINT.model_copy(
        update={"ids": Identifiers(arxiv_id="1512.03385", s2_paper_id="abc")}
    ),  # S2 says preprint
    2: Reference(
        title="Dark Matter Halos", ids=Identifiers(arxiv_id="2101.00001"), categories=("astro-ph.CO",)
    ),
    3: Reference(
        title="Dark Matter Halos",
        entry_type="article",
        venue="The Astrophysical Journal",
        ids=Identifiers(arxiv_id="2101.00001"),
        categories=("astro-ph.CO",),
    ),  # published outside computer science, no DOI: Crossref searches for it
    4: Reference(title="A Journal Paper", ids=Identifiers(doi="10.1000/xyz123"), entry_type="article"),
    5: Reference(title="The Same DOI", ids=Identifiers(doi="10.1000/XYZ123"), entry_type="article"),
    6: Reference(title="An arXiv DOI", ids=Identifiers(doi="10.48550/arXiv.1512.03385")),
    7: Reference(
        title="Published in dblp's words",
        entry_type="inproceedings",
        venue="CVPR",
        provenance={"venue": "dblp"},
        ids=Identifiers(arxiv_id="1512.03385"),
    ),
    8: Reference(
        title="A DOI Crossref gave", ids=Identifiers(doi="10.1000/abc"), provenance={"doi": "crossref"}
    ),
    9: Reference(title="Listed by dblp", ids=Identifiers(dblp="conf/cvpr/HeZRS16"), categories=("math.AG",)),
    10: Reference(
        title="No identifiers at all",
        journal_ref="Phys. Rev. D 1 (2020)",
        first_version=PartialDate(year=2019),
    ),
}


class Recorder:
    """A `Progress` that remembers every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        self.calls.append(("start", total or 0))

    def expect(self, total: int) -> None:
        self.calls.append(("expect", total))

    def advance(self, count: int = 1) -> None:
        self.calls.append(("advance", count))

    def finish(self) -> None:
        self.calls.append(("finish", 0))

    def totals(self) -> tuple[list[int], int]:
        """What the phase was expected to hold (each time it was said) and how far it got."""
        return [n for call, n in self.calls if call == "expect"], sum(
            n for call, n in self.calls if call == "advance"
        )


def refusing_session() -> RefusingSession:
    session = RefusingSession()
    session.stats = HttpStats()
    return session


def settings_for(tmp_path: Path, **values: Any) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", offline=True, **values)


def answers_of(
    ask: Callable[[Recorder], Mapping[int, Lookup]],
) -> tuple[dict[int, Lookup], tuple[list[int], int]]:
    progress = Recorder()
    return dict(ask(progress)), progress.totals()


def test_every_online_source_has_a_stand_in() -> None:
    online = set(RESOLVER_FACTORIES) | set(ENRICHER_FACTORIES)
    assert online - {"snapshot"} == set(STAND_INS)


def test_every_stand_in_has_its_source_s_name(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    assert {name: STAND_INS[name](settings, None).name for name in STAND_INS} == {  # type: ignore[attr-defined]
        name: name for name in ("arxiv", "s2", "dblp", "crossref", "openalex")
    }


@pytest.mark.parametrize(
    "broad", [pytest.param(True, id="broad-fallback"), pytest.param(False, id="no-broad")]
)
def test_arxiv_stand_in_answers_as_arxiv_refused(tmp_path: Path, broad: bool) -> None:
    settings = settings_for(tmp_path, arxiv_broad_search=broad)
    real = ArxivResolver(settings, refusing_session())

    expected = answers_of(lambda progress: real.lookup(QUERIES, progress))

    assert answers_of(lambda progress: RefusedArxiv().lookup(QUERIES, progress)) == expected
    refused = sorted(i for i, lookup in expected[0].items() if lookup.failed)
    assert refused == [0, 4, 5, 6, 7, 9, 11, 13]  # a word to search for, or a well-formed id
    assert expected[0][8].problems[0].code == "arxiv.malformed_id"


def test_s2_stand_in_answers_as_s2_refused_in_both_roles(tmp_path: Path) -> None:
    resolver, enricher = build_s2(refusing_session(), settings_for(tmp_path))
    stand_in = RefusedS2()

    assert answers_of(lambda p: stand_in.lookup(QUERIES, p)) == answers_of(
        lambda p: resolver.lookup(QUERIES, p)
    )
    assert answers_of(lambda p: stand_in.enrich(REFERENCES, p)) == answers_of(
        lambda p: enricher.enrich(REFERENCES, p)
    )


@pytest.mark.parametrize(
    "chain",
    [
        pytest.param(("snapshot", "arxiv", "s2", "dblp", "crossref"), id="crossref-follows"),
        pytest.param(("snapshot", "arxiv", "s2", "dblp"), id="dblp-last"),
        pytest.param(("snapshot", "dblp", "openalex"), id="openalex-follows-without-key"),
    ],
)
@pytest.mark.parametrize("delay", [pytest.param(2.0, id="announced"), pytest.param(0.0, id="unspaced")])
def test_dblp_stand_in_answers_and_announces_as_dblp_refused(
    tmp_path: Path, chain: Sequence[str], delay: float
) -> None:
    settings = settings_for(tmp_path, resolvers=list(chain), dblp_delay=delay)
    many = {i: PREPRINT.model_copy(update={"title": f"Paper number {i}"}) for i in range(100, 110)}
    references = {**REFERENCES, **many}
    heard: list[str] = []
    real = build_dblp(refusing_session, settings, notify=heard.append)
    expected = answers_of(lambda p: real.enrich(references, p))

    stand_in_heard: list[str] = []
    assert (
        answers_of(lambda p: RefusedDblp(settings, stand_in_heard.append).enrich(references, p)) == expected
    )
    assert stand_in_heard == heard
    assert bool(heard) == (delay > 0)
    assert all(lookup.problems[0].message == OFFLINE_MISS for lookup in expected[0].values())


def test_crossref_stand_in_answers_as_crossref_refused(tmp_path: Path) -> None:
    real = build_crossref(refusing_session(), settings_for(tmp_path))

    expected = answers_of(lambda p: real.enrich(REFERENCES, p))

    assert answers_of(lambda p: RefusedCrossref().enrich(REFERENCES, p)) == expected
    assert sorted(expected[0]) == [3, 4, 5, 10]


def test_openalex_stand_in_answers_as_openalex_refused(tmp_path: Path) -> None:
    real = build_openalex(refusing_session(), settings_for(tmp_path, openalex_api_key=SecretStr("key")))

    expected = answers_of(lambda p: real.enrich(REFERENCES, p))

    assert answers_of(lambda p: RefusedOpenAlex().enrich(REFERENCES, p)) == expected
    assert sorted(expected[0]) == [4, 5, 8]
