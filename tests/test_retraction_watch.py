"""The local Retraction Watch index (resolvers/retraction_watch.py), built from the data's CSV
(the header and a row as Crossref's Labs API serves them: shared/reference/formats), and the
retractions ``verify`` reports from it with no source asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_OK, main
from click.testing import CliRunner
from paths import REFERENCE

SAMPLE = REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"
RETRACTED = """@article{zhang2021,
  author = {Haiyan Zhang},
  title = {Construction of Mental Health Education Model Based on Computer Multimedia Group
           Psychological Measurement},
  journal = {Advances in Multimedia},
  year = {2021},
  doi = {10.1155/2021/6907871}
}
"""


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "retraction_watch.csv"
    # The sample row, a row without an original DOI, and a reinstatement (not a notice to report).
    header, row = SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    no_doi = row.replace("10.1155/2021/6907871", "unavailable")
    reinstated = row.replace(",Retraction,", ",Reinstatement,")
    data.write_text("\n".join([header, row, no_doi, reinstated]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["index", "build", str(data), "-o", "rw.sqlite"])
    assert result.exit_code == EXIT_OK, result.output
    assert "indexed 1 notices (2 skipped)" in result.stderr + result.stdout
    monkeypatch.setenv("BIBNORM_RETRACTION_WATCH", str(tmp_path / "rw.sqlite"))
    return tmp_path / "rw.sqlite"


def test_offline_a_retracted_paper_is_reported_with_its_notice(index: Path) -> None:
    Path("refs.bib").write_text(RETRACTED, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--offline", "--json", "refs.bib"])

    (entry,) = json.loads(result.stdout)["entries"]
    (finding,) = [f for f in entry["findings"] if f["code"] != "BN700"]  # BN700: unverifiable offline
    assert finding["code"] == "BN751"
    assert finding["expected"] == "10.1155/2023/9804945"  # the retraction notice's DOI
    assert "of 2023-08-16" in finding["message"] and "retraction-watch" in finding["message"]
