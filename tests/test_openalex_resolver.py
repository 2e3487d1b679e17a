"""OpenAlex enricher against the fake OpenAlex API on 127.0.0.1 (tests/fakes/openalex_api.py).

Specifies: recorded works convert (journal works are published versions with their own date;
arXiv-hosted works are not); many DOIs go in one OR-ed filter request with the key; arXiv
DOIs are never asked; without a key OpenAlex is never built; a refused key is a failed lookup,
not an exception.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.config import Settings
from bibnorm.models import Identifiers, PartialDate, Reference
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.openalex import OpenAlexClient, OpenAlexEnricher, build_openalex, work_to_reference
from fakes.openalex_api import FakeOpenAlex, sample_works

NATURE_MI = "10.1038/s42256-024-00832-8"
PEERJ = "10.7717/peerj.4375"


def sample(doi: str) -> dict:
    [work] = [w for w in sample_works() if w["doi"].casefold() == f"https://doi.org/{doi}".casefold()]
    return work


def test_a_journal_work_is_a_published_version_with_its_own_date() -> None:
    reference = work_to_reference(sample(NATURE_MI))
    assert reference is not None
    assert (reference.entry_type, reference.venue) == ("article", "Nature Machine Intelligence")
    assert reference.issued == PartialDate(year=2024, month=5, day=8)
    assert reference.ids.doi == NATURE_MI
    assert [p.display() for p in reference.authors[:2]] == ["Andres M. Bran", "Sam Cox"]


@pytest.mark.parametrize(
    ("publication_date", "issued"),
    [
        ("2024-05-08", PartialDate(year=2024, month=5, day=8)),
        ("2024-01-01", PartialDate(year=2024)),  # how OpenAlex writes a year alone
        ("2024-01-02", PartialDate(year=2024, month=1, day=2)),
    ],
)
def test_january_first_is_a_year_alone(publication_date: str, issued: PartialDate) -> None:
    work = copy.deepcopy(sample(NATURE_MI)) | {"publication_date": publication_date}
    reference = work_to_reference(work)
    assert reference is not None and reference.issued == issued


def test_an_arxiv_hosted_work_is_not_a_published_version() -> None:
    assert work_to_reference(sample("10.48550/arxiv.2304.05376")) is None


@pytest.fixture
def fake() -> Iterator[FakeOpenAlex]:
    server = FakeOpenAlex().start()
    try:
        yield server
    finally:
        server.stop()


def settings(fake: FakeOpenAlex, tmp_path: Path, key: str | None = "k3y") -> Settings:
    return Settings(
        openalex_api_url=fake.url, openalex_delay=0, openalex_api_key=key, cache_dir=tmp_path, max_attempts=1
    )


def test_many_dois_are_asked_in_one_request_with_the_key(fake: FakeOpenAlex, tmp_path: Path) -> None:
    config = settings(fake, tmp_path)
    enricher = build_openalex(build_session(config), config)
    references = {
        0: Reference(title="ChemCrow", ids=Identifiers(doi=NATURE_MI, arxiv_id="2304.05376")),
        1: Reference(title="PeerJ", ids=Identifiers(doi=PEERJ)),
        2: Reference(title="arXiv only", ids=Identifiers(doi="10.48550/arXiv.2312.07559")),
        3: Reference(title="Unknown", ids=Identifiers(doi="10.9999/nothing")),
    }
    answers = enricher.enrich(references)
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request["api_key"] == "k3y"
    assert request["filter"].startswith("doi:https://doi.org/")
    assert "arxiv" not in request["filter"].casefold()
    assert sorted(answers) == [0, 1]
    assert answers[0].candidates[0].reference.venue == "Nature Machine Intelligence"
    assert answers[0].candidates[0].by_identifier
    stored = b"".join(path.read_bytes() for path in tmp_path.rglob("*.sqlite*"))
    assert b"k3y" not in stored and b"peerj" in stored.lower()  # cached, without the key


def test_without_a_key_openalex_is_never_asked(fake: FakeOpenAlex, tmp_path: Path) -> None:
    from bibnorm.sources import open_sources

    config = settings(fake, tmp_path, key=None).model_copy(update={"resolvers": ("s2", "openalex")})
    with open_sources(config) as sources:
        assert [e.name for e in sources.enrichers] == ["s2"]
        assert sources.notes == ["openalex skipped: it needs an API key (openalex_api_key)"]
    assert fake.requests == []
    with pytest.raises(ValueError, match="API key"):
        OpenAlexClient(build_session(config), config)


def test_a_403_is_openalexs_slow_down_waited_out_not_a_refused_key(
    fake: FakeOpenAlex, tmp_path: Path
) -> None:
    config = settings(fake, tmp_path, key="k3y").model_copy(update={"backoff_base": 0.0, "max_attempts": 4})
    fake.slow_down = 2
    enricher = OpenAlexEnricher(OpenAlexClient(build_session(config), config))
    answers = enricher.enrich({0: Reference(title="PeerJ", ids=Identifiers(doi=PEERJ))})
    assert not answers[0].failed and answers[0].candidates
    assert len(fake.requests) == 3  # two answered "slow down", the third the works


def test_a_refused_key_is_a_failed_lookup(fake: FakeOpenAlex, tmp_path: Path) -> None:
    config = settings(fake, tmp_path, key="k3y")
    enricher = OpenAlexEnricher(OpenAlexClient(build_session(config), config))
    enricher.client._key = ""  # as if the service no longer accepted it
    answers = enricher.enrich({0: Reference(title="PeerJ", ids=Identifiers(doi=PEERJ))})
    assert answers[0].failed
    assert "API key" in answers[0].problems[0].message
