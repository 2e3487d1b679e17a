"""The command line's plain answers to plain mistakes and plain trouble: nothing written when no
source could answer, counts that agree with each other, one line for an arXiv id that is none,
and the command a misspelt one may mean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_SOURCES_FAILED, EXIT_USAGE, main
from bibnorm.identifiers import not_an_arxiv_id
from click.testing import CliRunner
from fakes.broken_api import closed_port

TITLES = [
    "Attention Is All You Need",
    "Deep Residual Learning for Image Recognition",
    "Layer Normalization",
    "Adam: A Method for Stochastic Optimization",
]


@pytest.fixture
def unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every source behind a port nothing listens on; ``tmp_path`` the working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    port = closed_port()
    for source in ("ARXIV", "S2", "DBLP", "CROSSREF", "OPENALEX", "OPENLIBRARY"):
        monkeypatch.setenv(f"BIBNORM_{source}_API_URL", f"http://127.0.0.1:{port}/")
    for name in ("BIBNORM_OFFLINE", "BIBNORM_SNAPSHOT", "BIBNORM_DBLP_INDEX", "S2_API_KEY"):
        monkeypatch.setenv(name, "")
    return tmp_path


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Offline with an empty cache: every source answers "not in the cache"."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BIBNORM_OFFLINE", "1")
    for name in ("BIBNORM_SNAPSHOT", "BIBNORM_DBLP_INDEX", "S2_API_KEY"):
        monkeypatch.setenv(name, "")
    return tmp_path


def test_no_output_is_written_when_no_source_could_answer(unreachable: Path) -> None:
    (unreachable / "t.txt").write_text("\n".join(TITLES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "t.txt", "-o", "new.bib"])
    assert result.exit_code == EXIT_SOURCES_FAILED
    assert not (unreachable / "new.bib").exists()  # a Makefile would take an empty file for a result
    [line] = result.stderr.splitlines()
    assert line.startswith("bibnorm: error: no item could be resolved: no source could answer (")
    assert "new.bib not written" in line
    assert result.stdout == ""


def test_an_earlier_output_stays_as_it_was_when_no_source_could_answer(unreachable: Path) -> None:
    (unreachable / "t.txt").write_text("\n".join(TITLES) + "\n", encoding="utf-8")
    earlier = "@misc{kept,\n  title = {Kept},\n}\n"
    (unreachable / "new.bib").write_text(earlier, encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "t.txt", "-o", "new.bib"])
    assert result.exit_code == EXIT_SOURCES_FAILED
    assert (unreachable / "new.bib").read_text(encoding="utf-8") == earlier
    [line] = result.stderr.splitlines()
    assert "new.bib kept as it was (1 entry)" in line


def test_the_unresolved_count_agrees_with_the_summary_line(offline: Path) -> None:
    """Repeated items are counted as the summary counts them."""
    items = [*TITLES, *TITLES[:2], *[f"An Invented Paper Number {n}" for n in range(8)]]
    (offline / "t.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "t.txt", "-o", "out.bib"])
    lines = result.stderr.splitlines()
    [counted] = [line for line in lines if "not resolved" in line]
    assert counted.startswith(
        f"bibnorm: warning: {len(items)} items not resolved ({len(items)} unresolved); "
    )
    summary = lines[-1]
    assert re.match(
        rf"{len(items)} items \(2 duplicates\): 0 resolved, 0 ambiguous, {len(items)} unresolved", summary
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("9999.99999", "9999.99999 is not an arXiv id: there is no month 99", id="month-99"),
        pytest.param("2213.00001", "2213.00001 is not an arXiv id: there is no month 13", id="month-13"),
        pytest.param(
            "arXiv:2301.00000", "arXiv:2301.00000 is not an arXiv id: no paper is numbered 0", id="zero"
        ),
        pytest.param(
            "0612.0001",
            "0612.0001 is not an arXiv id: ids of this form began in April 2007 (0704)",
            id="too-early",
        ),
        pytest.param(
            "2301.0001",
            "2301.0001 is not an arXiv id: ids from 2015 (1501) on have five digits after the dot",
            id="four-digits-after-2014",
        ),
        pytest.param(
            "1312.00001",
            "1312.00001 is not an arXiv id: ids before 2015 (1501) have four digits after the dot",
            id="five-digits-before-2015",
        ),
        pytest.param("2301.00001", None, id="a-real-id"),
        pytest.param("arXiv:1706.03762v5", None, id="a-real-id-with-prefix-and-version"),
        pytest.param("1234.5678 things", None, id="a-title-holding-digits"),
        pytest.param("9" * 100_000 + "." + "9" * 5, None, id="long-adversarial-digits"),
    ],
)
def test_an_arxiv_id_that_is_none_says_why(text: str, expected: str | None) -> None:
    assert not_an_arxiv_id(text) == expected


def test_a_malformed_arxiv_id_is_one_line_not_no_candidate_found(offline: Path) -> None:
    (offline / "ids.txt").write_text("9999.99999\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "ids.txt", "-o", "out.bib"])
    [line] = [line for line in result.stderr.splitlines() if line.startswith("ids.txt:")]
    assert line == "ids.txt:1: unresolved: 9999.99999 (9999.99999 is not an arXiv id: there is no month 99)"
    assert "no candidate found" not in result.stderr


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        pytest.param("verfy", "verify", id="verfy"),
        pytest.param("reslove", "resolve", id="reslove"),
        pytest.param("chek", "check", id="chek"),
    ],
)
def test_a_misspelt_command_gets_clicks_suggestion(typed: str, meant: str) -> None:
    result = CliRunner().invoke(main, [typed, "x.bib"])
    assert result.exit_code == EXIT_USAGE
    assert f"Error: No such command '{typed}'. Did you mean '{meant}'?" in result.stderr


def test_a_command_nothing_resembles_gets_no_suggestion() -> None:
    result = CliRunner().invoke(main, ["zzz"])
    assert result.exit_code == EXIT_USAGE
    assert "Error: No such command 'zzz'." in result.stderr and "Did you mean" not in result.stderr
