"""The sources of a run asked side by side, each at its own rate (bibnorm.resolve.pipeline with
bibnorm.resolve.side_by_side): dblp looks up the papers of the first group while arXiv reads the
next, no source is asked faster than its spacing, and the output is the one the sources give when
asked one after another.

Fakes: arXiv, Semantic Scholar, dblp and Crossref (tests/fakes/servers.py), each behind a
`RateReferee` that answers 429 to a request coming sooner than the spacing after the previous one.
The titles are gold papers with a venue, so dblp is asked about each.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import main
from bibnorm.resolve import pipeline
from click.testing import CliRunner
from fakes.rate_referee import RateReferee, crossref_limit
from fakes.servers import FakeApis, running_fakes
from paths import GOLD

SPACING = 0.04  # seconds between two requests to one source: small, so that the test is quick
# arXiv's own: long enough that its four requests (a group of three titles each) take longer
# than the first group's way to dblp, however loaded the machine.
ARXIV_SPACING = 0.4
TITLES = 12
CONFIG = "max_attempts = 1\ntimeout = 5.0\n"  # a request refused for its rate is not asked again


@pytest.fixture(scope="module")
def titles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    with_venue = [row["title"] for row in rows if row.get("venue")][:TITLES]
    path = tmp_path_factory.mktemp("titles") / "titles.txt"
    path.write_text("\n".join(with_venue) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as running:
        yield running


@contextlib.contextmanager
def refereed(apis: FakeApis) -> Iterator[dict[str, RateReferee]]:
    """A referee in front of each fake, new for each run (its own record of arrivals)."""
    referees = {
        "arxiv": RateReferee(apis.arxiv.url, ARXIV_SPACING, refuse=True).start(),
        "s2": RateReferee(apis.s2.url, SPACING, refuse=True).start(),
        "dblp": RateReferee(apis.dblp.url, SPACING, refuse=True).start(),
        "crossref": RateReferee(apis.crossref.url, SPACING, refuse=True, kind=crossref_limit).start(),
    }
    try:
        yield referees
    finally:
        for referee in referees.values():
            referee.stop()


def resolve(
    folder: Path, titles: Path, group: int, apis: FakeApis, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """One cold run in ``folder`` with groups of ``group`` items: its output, and when each source
    was asked."""
    monkeypatch.setattr(pipeline, "LOOKUP_CHUNK", group)
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", group)
    folder.mkdir()
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    with refereed(apis) as referees:
        env = apis.env(folder / "cache") | {
            f"BIBNORM_{name.upper()}_API_URL": referee.url for name, referee in referees.items()
        }
        sources = ("ARXIV", "S2", "DBLP", "CROSSREF", "CROSSREF_SEARCH")
        env |= {f"BIBNORM_{name}_DELAY": str(SPACING) for name in sources}
        env["BIBNORM_ARXIV_DELAY"] = str(ARXIV_SPACING)
        with contextlib.chdir(folder):
            result = CliRunner().invoke(
                main, ["resolve", str(titles), "-q", "-o", "out.bib", "--report", "r.json"], env=env
            )
        assert result.exit_code == 0, result.output
        return {
            "bib": (folder / "out.bib").read_bytes(),
            "report": json.loads((folder / "r.json").read_text(encoding="utf-8")),
            "asked": {
                name: sorted(t for ts in r.arrivals.values() for t in ts) for name, r in referees.items()
            },
            "violations": {name: list(r.violations) for name, r in referees.items()},
        }


def test_sources_are_asked_side_by_side_at_their_rates_with_the_output_of_one_after_another(
    tmp_path: Path, titles: Path, apis: FakeApis, monkeypatch: pytest.MonkeyPatch
) -> None:
    side_by_side = resolve(tmp_path / "groups", titles, 3, apis, monkeypatch)
    # One group: one source, then the next.
    in_turn = resolve(tmp_path / "one-group", titles, 1000, apis, monkeypatch)
    # Two of the titles meet a decoy of the fake arXiv (ambiguous): the others are resolved.
    assert side_by_side["report"]["summary"]["resolved"] == TITLES - 2
    assert side_by_side["bib"] == in_turn["bib"]
    assert side_by_side["violations"] == in_turn["violations"] == {name: [] for name in side_by_side["asked"]}
    # dblp searched the first group's papers before arXiv had read the last group's titles.
    asked = side_by_side["asked"]
    assert asked["dblp"][0] < asked["arxiv"][-1]
    # One group: the sources in turn, dblp after arXiv's last request.
    assert in_turn["asked"]["dblp"][0] > in_turn["asked"]["arxiv"][-1]
