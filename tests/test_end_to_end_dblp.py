"""The five pages with dblp as the venue authority (``--resolvers …,dblp``), end to end.

Fakes: arXiv and Semantic Scholar as in test_end_to_end.py, plus the fake dblp search
(tests/fakes/dblp_api.py: a CoRR listing for every dev-gold paper and the publication
for every gold row with a venue, in dblp's spellings). Expected values come from
dev-gold.jsonl (venue, year) and from what a camera-ready entry must never carry.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from fakes.dblp_api import DBLP_VENUES, JOURNAL, FakeDblp
from fakes.servers import running_fakes
from paths import SHARED
from records import entries_by_arxiv_id

PAGES = sorted((SHARED / "inputs" / "hf-papers").glob("*.txt"))
GOLD = SHARED / "reference" / "dev-gold.jsonl"
SECRET = "some-secret-value"
CONFIG = "max_attempts = 3\nbackoff_base = 0.0\ntimeout = 5.0\n"


def _gold() -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["arxiv_id"]: row for row in rows}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("e2e-dblp")
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    dblp = FakeDblp().start()
    try:
        with running_fakes(expected_key=SECRET) as apis:
            env = {
                **apis.env(folder / "cache", api_key=SECRET),
                "BIBNORM_DBLP_API_URL": dblp.url,
                "BIBNORM_DBLP_DELAY": "0",
            }
            args = ["resolve", *map(str, PAGES), "--resolvers", "arxiv,s2,dblp"]
            with contextlib.chdir(folder):
                cold = CliRunner().invoke(main, [*args, "-o", "cold.bib", "--report", "cold.json"], env=env)
                cold_requests, cold_searches = len(dblp.requests), len(dblp.searches)
                warm = CliRunner().invoke(main, [*args, "-o", "warm.bib"], env=env)
            assert cold.exit_code == 0, cold.output
            assert warm.exit_code == 0, warm.output
            yield {
                "bib": (folder / "cold.bib").read_text(encoding="utf-8"),
                "warm_bib": (folder / "warm.bib").read_text(encoding="utf-8"),
                "report": json.loads((folder / "cold.json").read_text(encoding="utf-8")),
                "cold_searches": cold_searches,
                "cold_exports": cold_requests - cold_searches,
                "warm_requests": len(dblp.requests) - cold_requests,
            }
    finally:
        dblp.stop()


def _entries(text: str) -> dict[str, Any]:
    return entries_by_arxiv_id(text)


def test_every_gold_venue_comes_from_dblp_with_its_year_and_type(run: dict[str, Any]) -> None:
    entries = _entries(run["bib"])
    provenance = {
        item["arxiv_id"]: item["provenance"]
        for item in run["report"]["items"]
        if item["status"] == "resolved"
    }
    checked = 0
    for arxiv_id, gold in _gold().items():
        venue = re.sub(r"\s*\d{4}$", "", gold.get("venue") or "")
        if not venue:
            continue
        entry = entries[arxiv_id]
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        expected_type = "article" if DBLP_VENUES[venue][2] == JOURNAL else "inproceedings"
        assert entry.entry_type == expected_type, gold["title"]
        assert provenance[arxiv_id]["venue"] == "dblp", gold["title"]
        assert fields["year"] == str(gold["year"])
        assert "month" not in fields, gold["title"]  # no source dated the publication
        assert "doi" not in fields  # dblp's fake gives none; arXiv's is never a venue's
        if "Workshop" in venue or venue == "CVPRW":
            assert "Workshops" in fields["booktitle"], gold["title"]
        checked += 1
    assert checked == 101


def test_preprints_stay_preprints_and_print_their_arxiv_id(run: dict[str, Any]) -> None:
    entries = _entries(run["bib"])
    for arxiv_id, gold in _gold().items():
        if gold.get("venue"):
            continue
        entry = entries[arxiv_id]
        assert entry.entry_type == "misc"
        assert entry.fields_dict["howpublished"].value.startswith(f"arXiv:{arxiv_id}")


def test_dblp_homonym_numbers_never_reach_a_name(run: dict[str, Any]) -> None:
    authors = [
        entry.fields_dict["author"].value for entry in _entries(run["bib"]).values() if "author" in entry
    ]
    assert authors and not any(re.search(r"\b\d{4}\b", names) for names in authors)


def test_one_dblp_search_per_resolved_paper_one_export_per_its_paper_and_none_warm(
    run: dict[str, Any],
) -> None:
    resolved = {item["arxiv_id"] for item in run["report"]["items"] if item["status"] == "resolved"}
    assert 0 < run["cold_searches"] <= len(resolved)
    # The record's export (editors, publisher) only for a conference paper dblp found.
    conference_papers = [e for e in _entries(run["bib"]).values() if e.entry_type == "inproceedings"]
    assert 0 < run["cold_exports"] <= len(conference_papers)
    assert run["warm_requests"] == 0
    assert run["warm_bib"] == run["bib"]
