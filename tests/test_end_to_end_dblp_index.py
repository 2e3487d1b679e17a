"""The five pages with a local dblp index and dblp's search unreachable, end to end.

Fakes: arXiv, Semantic Scholar, dblp's search and Crossref as in test_end_to_end.py (the default
chain). The index is built with ``bibnorm index build`` from a dump in dblp's format holding
exactly the records the fake search serves (tests/fakes/dblp_dump.py), so a run with the index
and a run with the search must write the same entries; with the index, dblp's address refuses
every connection and no dblp request is made. ``verify`` of those entries, with Semantic
Scholar down as well, still checks their venues against dblp's, from the index.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from click.testing import CliRunner
from clients import PDFLATEX, need, run
from fakes.dblp_dump import write_fake_dump
from fakes.servers import FakeApis, running_fakes
from paths import FIXTURES, GOLD, HF_PAGES_DIR

PAGES = sorted(HF_PAGES_DIR.glob("*.txt"))
CONFIG = "max_attempts = 3\nbackoff_base = 0.0\ntimeout = 5.0\n"
REFUSED = "http://127.0.0.1:9"  # the discard port: nothing listens, every connection is refused
FIXTURE_DUMP = FIXTURES / "dblp" / "dblp.xml"
GOLD_VENUES = sum(
    1 for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line).get("venue")
)


def _resolve(folder: Path, env: dict[str, str], name: str) -> dict[str, Any]:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(
            main, ["resolve", *map(str, PAGES), "-o", f"{name}.bib", "--report", f"{name}.json"], env=env
        )
    assert result.exit_code == 0, result.output
    return {
        "bib": (folder / f"{name}.bib").read_text(encoding="utf-8"),
        "report": json.loads((folder / f"{name}.json").read_text(encoding="utf-8")),
        "stderr": result.stderr,
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("e2e-dblp-index")
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    dump = folder / "dump" / "dblp.xml.gz"
    dump.parent.mkdir()
    write_fake_dump(dump, root_mdate="2025-12-01")
    index = folder / "dblp.sqlite"
    built = CliRunner().invoke(main, ["index", "build", str(dump), "-o", str(index)])
    assert built.exit_code == 0, built.output
    with running_fakes() as apis:
        online = _resolve(folder, apis.env(folder / "online-cache"), "online")
        online_dblp = len(apis.dblp.searches)  # record exports (editors, publisher) apart
        apis.reset()
        local_env = {
            **apis.env(folder / "local-cache"),
            "BIBNORM_DBLP_INDEX": str(index),
            "BIBNORM_DBLP_API_URL": REFUSED,
        }
        local = _resolve(folder, local_env, "local")
        local_dblp = len(apis.dblp.requests)
        yield {
            "folder": folder,
            "apis": apis,
            "index": index,
            "online": online,
            "online_dblp": online_dblp,
            "local": local,
            "local_dblp": local_dblp,
            "local_env": local_env,
        }


def test_the_index_writes_exactly_the_entries_the_search_writes(world: dict[str, Any]) -> None:
    assert world["online_dblp"] == GOLD_VENUES  # the search was asked about every published gold paper
    assert world["local"]["bib"] == world["online"]["bib"]
    fields = ("status", "arxiv_id", "entry_type", "venue", "doi", "title", "key", "provenance")
    online = [{f: item[f] for f in fields} for item in world["online"]["report"]["items"]]
    local = [{f: item[f] for f in fields} for item in world["local"]["report"]["items"]]
    assert local == online
    venues_from_dblp = {
        item["arxiv_id"]
        for item in world["local"]["report"]["items"]
        if item["provenance"].get("venue") == "dblp"
    }
    assert len(venues_from_dblp) == GOLD_VENUES


def test_with_the_index_no_dblp_request_is_made_or_attempted(world: dict[str, Any]) -> None:
    report = world["local"]["report"]
    assert world["local_dblp"] == 0
    assert "dblp" not in report["summary"]["requests"]
    assert "dblp" not in report["summary"]["sources_down"]
    codes = {problem["code"] for item in report["items"] for problem in item["problems"]}
    assert not {code for code in codes if code.startswith("dblp.")}
    assert "bibnorm: dblp" not in world["local"]["stderr"]
    assert "dblp unreachable" not in world["local"]["stderr"]


def _verify(world: dict[str, Any], env: dict[str, str]) -> dict[str, int]:
    apis: FakeApis = world["apis"]
    apis.plan_faults(None, lambda n: "503")  # Semantic Scholar down for the whole run
    with contextlib.chdir(world["folder"]):
        result = CliRunner().invoke(main, ["verify", "local.bib", "--json", "-q"], env=env)
    apis.reset()
    assert result.exit_code in (0, EXIT_FINDINGS), result.output
    entries = json.loads(result.stdout)["entries"]
    published = [e for e in entries if e["key"] in _published_keys(world)]
    assert len(published) == GOLD_VENUES
    verdicts: dict[str, int] = {}
    for entry in published:
        verdicts[entry["verdict"]] = verdicts.get(entry["verdict"], 0) + 1

    return verdicts


def _published_keys(world: dict[str, Any]) -> set[str]:
    return {
        item["key"]
        for item in world["local"]["report"]["items"]
        if item["status"] == "resolved" and item["entry_type"] != "preprint" and item["duplicate_of"] is None
    }


def test_verify_checks_published_venues_against_the_index_with_dblp_and_s2_unreachable(
    world: dict[str, Any],
) -> None:
    env = {**world["local_env"], "BIBNORM_CACHE_DIR": str(world["folder"] / "verify-cache")}
    assert _verify(world, env) == {"verified": GOLD_VENUES}
    # Without the index only arXiv, a preprint server, answered: no venue can be checked (and two
    # papers published two years after their preprint are flagged for their year).
    without = {**env, "BIBNORM_DBLP_INDEX": "", "BIBNORM_CACHE_DIR": str(world["folder"] / "verify-cache-2")}
    assert _verify(world, without) == {"unverifiable": GOLD_VENUES - 2, "mismatch": 2}


TITLES = "Show, Attend and Tell: Neural Image Caption Generation with Visual Attention\n"
PREAMBLE = (
    "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{url}\n"
)


@pytest.mark.parametrize(
    ("style", "printed"),
    [
        pytest.param(
            "plain",
            [
                "In Francis R. Bach and David M. Blei, editors, Proceedings of the International",
                "(ICML), volume 37 of Proceedings of Machine Learning Research, pages",
                "PMLR, 2015.",
            ],
            id="plain",
        ),
        pytest.param(
            "IEEEtran",
            # Two justified columns: pdftotext interleaves the lines of the title and the venue.
            ["ser. Proceedings of Machine", "F. R. Bach and D. M. Blei, Eds., vol. 37.", "PMLR, 2015"],
            id="IEEEtran",
        ),
    ],
)
def test_a_pmlr_paper_prints_its_volume_series_editors_and_publisher(
    world: dict[str, Any], tmp_path: Path, style: str, printed: list[str]
) -> None:
    """dblp's full record from the index (fixtures/dblp: ICML 2015 is PMLR volume 37), typeset."""
    need("pdflatex", "bibtex", "pdftotext")
    index = tmp_path / "fixture.sqlite"
    assert CliRunner().invoke(main, ["index", "build", str(FIXTURE_DUMP), "-o", str(index)]).exit_code == 0
    (tmp_path / "titles.txt").write_text(TITLES, encoding="utf-8")
    env = {**world["local_env"], "BIBNORM_DBLP_INDEX": str(index), "BIBNORM_CACHE_DIR": str(tmp_path / "c")}
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, ["resolve", "titles.txt", "-o", "refs.bib", "-q"], env=env)
    assert result.exit_code == 0, result.output
    bib = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert re.search(
        r"\n  series +\= \{Proceedings of Machine Learning Research\},\n  volume +\= \{37\},\n", bib
    )
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + f"\\begin{{document}}\n\\nocite{{*}}\n\\bibliographystyle{{{style}}}\n"
        "\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, tmp_path, timeout=60)
    run(["bibtex", "doc"], tmp_path, timeout=60)
    run(PDFLATEX, tmp_path, timeout=60)
    assert run(PDFLATEX, tmp_path, timeout=60).returncode == 0
    page = " ".join(run(["pdftotext", "doc.pdf", "-"], tmp_path, timeout=60).stdout.split())
    for text in printed:
        assert text in page, page
    assert "2016 IEEE Conference" not in page and "Las Vegas" not in page
