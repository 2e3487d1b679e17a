"""The registry of sources (`bibnorm.sources`): what an enricher can do besides enriching is
declared by its factory, before it is built, and matches what it builds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from bibnorm import sources
from bibnorm.config import Settings
from bibnorm.models import Lookup, Reference
from bibnorm.resolve.pipeline import DoiRegister
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.sources import ENRICHER_FACTORIES, EnricherFactory, build_session, open_sources


@pytest.mark.parametrize("name", sorted(ENRICHER_FACTORIES))
def test_an_enricher_is_a_doi_register_exactly_when_its_factory_says_so(name: str, tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path, openalex_api_key="key")
    factory = ENRICHER_FACTORIES[name]
    with build_session(settings) as session:
        built = factory.build(settings, lambda: session)
    assert isinstance(built, DoiRegister) is factory.registers_dois


class _Register:
    """An enricher that registers DOIs, under a name that is not Crossref's."""

    name = "openalex"

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        return {}

    def holds(self, dois: Sequence[str], progress: Progress = NO_PROGRESS) -> Mapping[str, bool | None]:
        return {doi: doi.endswith("1") for doi in dois}


def test_the_run_asks_a_register_by_what_its_factory_declares_not_by_its_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(
        sources.ENRICHER_FACTORIES, "openalex", EnricherFactory(lambda settings, session: _Register(), True)
    )
    monkeypatch.setitem(
        sources.ENRICHER_FACTORIES, "crossref", EnricherFactory(ENRICHER_FACTORIES["crossref"].build)
    )
    settings = Settings(cache_dir=tmp_path, resolvers=("openalex", "crossref"), openalex_api_key="key")
    with open_sources(settings) as opened:
        registers = [enricher for enricher in opened.enrichers if isinstance(enricher, DoiRegister)]
        assert [register.name for register in registers] == ["openalex"]
        assert registers[0].holds(["10.1/1", "10.1/2"]) == {"10.1/1": True, "10.1/2": False}
