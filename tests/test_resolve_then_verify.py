"""What `resolve` writes, `verify` passes: in every style preset and format.

docs/bibliographies.md says bibnorm's output verifies clean; the issue found 3 of 498 entries of its own
output flagged. Here the dev gold's titles are resolved against the fake sources (real wire
formats, the records of the dev set) in each ``--style`` preset, ``--format`` and journal-name
form, and the output is verified against the same sources: every entry must verify.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from fakes.dblp_api import gold_records, sample_records
from fakes.servers import FakeApis, running_fakes
from paths import GOLD

TITLES = [json.loads(line)["title"] for line in GOLD.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], Path]]:
    """The fake sources, one cache for the whole module (the first resolve asks, the rest read
    it), and the dev gold's titles as a list."""
    folder = tmp_path_factory.mktemp("resolve-then-verify")
    (folder / "titles.txt").write_text("\n".join(TITLES) + "\n", encoding="utf-8")
    with running_fakes() as apis:
        yield _env(apis, folder / "cache"), folder


def _env(apis: FakeApis, cache: Path) -> dict[str, str]:
    return {**apis.env(cache), "NO_COLOR": "", "FORCE_COLOR": ""}


def verify_json(output: Path, env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """``bibnorm verify --json`` of ``output`` against the same world: exit code and document."""
    verified = CliRunner().invoke(main, ["verify", str(output), "--json", "-q"], env=env)
    return verified.exit_code, json.loads(verified.stdout)


def flagged(document: dict[str, Any]) -> dict[str, list[str]]:
    """Each entry not verified, with its findings' messages."""
    return {
        entry["key"]: [finding["message"] for finding in entry["findings"]]
        for entry in document["entries"]
        if entry["verdict"] != "verified"
    }


@pytest.mark.parametrize(
    ("options", "suffix"),
    [
        pytest.param([], ".bib", id="bibnorm-bibtex"),
        pytest.param(["--format", "biblatex"], ".bib", id="bibnorm-biblatex"),
        pytest.param(["--style", "arxiv"], ".bib", id="arxiv-preset"),
        pytest.param(["--style", "dblp"], ".bib", id="dblp-preset"),
        pytest.param(["--style", "google-scholar"], ".bib", id="google-scholar-preset"),
        pytest.param(["--journal-names", "abbreviated"], ".bib", id="abbreviated-venues"),
        pytest.param(["--prefer", "preprint"], ".bib", id="preprints"),
        pytest.param([], ".json", id="csl-json"),
    ],
)
def test_every_entry_resolve_writes_verifies(
    world: tuple[dict[str, str], Path], options: list[str], suffix: str, tmp_path: Path
) -> None:
    env, folder = world
    output = tmp_path / f"refs{suffix}"
    resolved = CliRunner().invoke(
        main, ["resolve", str(folder / "titles.txt"), "-o", str(output), "-q", *options], env=env
    )
    assert resolved.exit_code == 0, resolved.stderr
    code, document = verify_json(output, env)
    assert flagged(document) == {}
    assert document["summary"]["entries"] >= 150  # the dev gold's titles the fakes hold, not a handful
    assert code == 0


# dblp spells some names otherwise than arXiv does, and bibnorm writes dblp's ("names as
# published"): a letter arXiv got wrong, a letter arXiv spells out ("ae" for "ä").
DBLP_SPELLINGS = {
    "Alexander Kolesnikov": "Alexander Kolesnikow",
    "Philippe Weinzaepfel": "Philippe Weinzäpfel",
}


@pytest.fixture(scope="module")
def corrected_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], Path]]:
    folder = tmp_path_factory.mktemp("corrected-world")
    lines = GOLD.read_text(encoding="utf-8")
    for arxiv_spelling, dblp_spelling in DBLP_SPELLINGS.items():
        assert arxiv_spelling in lines
        lines = lines.replace(arxiv_spelling, dblp_spelling)
    (folder / "titles.txt").write_text("\n".join(TITLES) + "\n", encoding="utf-8")
    records = sample_records() + gold_records(lines.splitlines())
    with running_fakes(dblp_records=records) as apis:
        yield _env(apis, folder / "cache"), folder


@pytest.mark.parametrize("style", ["bibnorm", "dblp"])
def test_names_dblp_spells_otherwise_than_arxiv_verify_against_both(
    corrected_world: tuple[dict[str, str], Path], style: str, tmp_path: Path
) -> None:
    env, folder = corrected_world
    output = tmp_path / "refs.bib"
    args = ["resolve", str(folder / "titles.txt"), "-o", str(output), "-q", "--style", style]
    assert CliRunner().invoke(main, args, env=env).exit_code == 0
    written = output.read_text(encoding="utf-8")
    assert "Kolesnikow" in written and "Weinz" in written  # dblp's spellings were written
    assert flagged(verify_json(output, env)[1]) == {}
