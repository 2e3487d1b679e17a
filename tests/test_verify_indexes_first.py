"""``verify`` asks the local indexes first and the online sources only about what no index settled.

The online sources are the verify world's fakes on 127.0.0.1 (Semantic Scholar, arXiv, Crossref),
which log every request; the OpenAlex works index is built from the same world's papers as lines
of the works snapshot (`fakes.verify_world.as_work`), Retraction Watch from a real sample row.
A reference the indexes settle (its title, DOI and notices, its arXiv id) costs no request.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import main
from bibnorm.resolvers.openalex_works import build_works_index
from bibnorm.resolvers.retraction_watch import build_retraction_index
from click.testing import CliRunner
from fakes.verify_world import WorldSources, as_work, bib_entry, papers, world_sources
from paths import REFERENCE

PAPERS = papers()
WITH_DOI = [p for p in PAPERS if p.get("doi") and "arxiv" not in p["doi"].casefold() and p["venue"]][:3]
WITH_ARXIV_ID = [p for p in PAPERS if p.get("arxiv_id") and not p.get("doi") and p["venue"]][:3]
# In the world (the online fakes hold it) but left out of the index.
NOT_INDEXED = [p for p in PAPERS if p.get("arxiv_id") and not p.get("doi") and p["venue"]][3]


@pytest.fixture
def fakes() -> Iterator[WorldSources]:
    """Fresh fakes for each test: their logs hold only its requests."""
    with world_sources() as running:
        yield running


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fakes: WorldSources) -> WorldSources:
    monkeypatch.chdir(tmp_path)
    for name, value in fakes.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    indexed = [p for p in PAPERS if p is not NOT_INDEXED]
    with gzip.open(tmp_path / "part_000.gz", "wt", encoding="utf-8") as part:
        part.writelines(json.dumps(as_work(n, paper)) + "\n" for n, paper in enumerate(indexed))
    build_works_index([tmp_path / "part_000.gz"], tmp_path / "works.sqlite")
    sample = REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"
    build_retraction_index([sample], tmp_path / "retractions.sqlite")
    monkeypatch.setenv("BIBNORM_OPENALEX_WORKS", str(tmp_path / "works.sqlite"))
    monkeypatch.setenv("BIBNORM_RETRACTION_WATCH", str(tmp_path / "retractions.sqlite"))
    return fakes


def verdicts(bib: str) -> dict[str, str]:
    Path("refs.bib").write_text(bib, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--json", "refs.bib"])
    return {e["key"]: e["verdict"] for e in json.loads(result.stdout)["entries"]}


def test_references_the_indexes_settle_cost_no_request(env: WorldSources) -> None:
    cited = {f"doi{n}": p for n, p in enumerate(WITH_DOI)} | {
        f"arxiv{n}": p for n, p in enumerate(WITH_ARXIV_ID)
    }

    found = verdicts("".join(bib_entry(key, paper) for key, paper in cited.items()))

    assert found == dict.fromkeys(cited, "verified")
    assert env.requests() == 0


def test_only_the_reference_no_index_settled_is_asked_online(env: WorldSources) -> None:
    settled = WITH_DOI[0]

    found = verdicts(bib_entry("settled", settled) + bib_entry("online", NOT_INDEXED))

    assert found == {"settled": "verified", "online": "verified"}
    assert env.requests() > 0  # the reference the index lacks was asked about
    logged = " ".join(
        str(request) for server in (env.s2, env.arxiv, env.crossref) for request in server.requests
    )
    assert NOT_INDEXED["arxiv_id"] in logged
    assert settled["doi"].casefold() not in logged.casefold()
