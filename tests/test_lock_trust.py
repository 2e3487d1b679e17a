"""Which ``verified`` lines of ``bibnorm.lock`` ``verify`` trusts: only a line sealed
under the lock key for the very entry and record it was made from.

The attack: a pull request adds a fabricated entry and, next to it, a lock line marking it
verified — its fingerprint computed with bibnorm's own `Claim.fingerprint`, as anyone can. Such a
line is never trusted: online the entry is asked about again (and not found), offline it is
unverifiable, with a note saying how to refresh the lock. Runs against the verify world's fakes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.bib.lockfile import VerifiedItem, seal_of
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.verify.judge import claim_from_entry
from click.testing import CliRunner, Result
from fakes.verify_world import world_sources

MADE_UP = """@article{made_up,
  author = {Ada Nobody},
  title = {A Paper That Was Never Written},
  journal = {Journal of Results},
  year = {2024},
  doi = {10.99999/never.1}
}
"""
REAL = """@inproceedings{ho2020ddpm,
  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}
"""
NOTE = "not sealed by this lock key (made_up)"


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env()


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BIBNORM_LOCK_KEY", raising=False)
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


def verify(runner: CliRunner, *args: str, **env: str) -> Result:
    result = runner.invoke(main, ["verify", *args, "refs.bib"], env=env or None)
    assert "Traceback" not in result.output
    return result


def forged_line(version: int, seal: str | None) -> dict[str, object]:
    """A lock holding a hand-made "verified" line for `MADE_UP`, fingerprint and all."""
    [entry] = parse_bibtex(MADE_UP).entries
    item = VerifiedItem(
        fingerprint=claim_from_entry(entry, "refs.bib").fingerprint(),
        source="crossref",
        title="A Paper That Was Never Written",
        doi="10.99999/never.1",
        date="2026-01-01",
    )
    if seal == "another key":  # what the forger's own bibnorm, under its own key, would write
        seal = seal_of(b"the forger's key, not ours, 32+ bytes", "made_up", item)
    line = item.model_dump(mode="json", exclude_none=True) | ({"seal": seal} if seal else {})
    return {"version": version, "items": {}, "verified": {"made_up": line}}


def forge(folder: Path, version: int, seal: str | None) -> None:
    """`MADE_UP` in ``refs.bib``, and the forged line vouching for it in ``bibnorm.lock``."""
    (folder / "refs.bib").write_text(MADE_UP, encoding="utf-8")
    (folder / "bibnorm.lock").write_text(json.dumps(forged_line(version, seal)), encoding="utf-8")


FORGERIES = [
    pytest.param(1, None, id="version-1-line-without-seal"),
    pytest.param(2, None, id="line-without-seal"),
    pytest.param(2, "0" * 64, id="made-up-seal"),
    pytest.param(2, "another key", id="sealed-under-another-key"),
]


@pytest.mark.parametrize(("version", "seal"), FORGERIES)
def test_a_forged_line_does_not_verify_a_fabricated_entry_offline(
    runner: CliRunner, tmp_path: Path, version: int, seal: str | None
) -> None:
    forge(tmp_path, version, seal)
    result = verify(runner, "--offline")
    assert result.exit_code == EXIT_SOURCES_FAILED  # verified nothing
    assert "refs.bib:1: made_up: BN700 warning: could not be verified (offline)" in result.stdout
    assert "0 verified" in result.stderr
    [note] = [line for line in result.stderr.splitlines() if NOTE in line]
    assert "unverifiable offline" in note and "'bibnorm verify --update-lock' online" in note


@pytest.mark.parametrize(("version", "seal"), FORGERIES)
def test_a_forged_line_is_asked_about_again_online(
    runner: CliRunner, tmp_path: Path, version: int, seal: str | None
) -> None:
    forge(tmp_path, version, seal)
    result = verify(runner)
    assert result.exit_code == EXIT_FINDINGS
    assert "refs.bib:1: made_up: BN701 error: no source knows DOI 10.99999/never.1" in result.stdout
    assert any(NOTE in line and "asked the sources again" in line for line in result.stderr.splitlines())


def test_a_line_verify_wrote_holds_offline_and_a_changed_line_does_not(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    assert lock["version"] == 2 and len(lock["verified"]["ho2020ddpm"]["seal"]) == 64
    trusted = verify(runner, "--offline")
    assert trusted.exit_code == 0 and "1 verified" in trusted.stderr
    # The record it was verified against, changed by hand: the seal no longer matches.
    lock["verified"]["ho2020ddpm"]["arxiv_id"] = "2006.99999"
    (tmp_path / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    changed = verify(runner, "--offline")
    assert changed.exit_code == EXIT_SOURCES_FAILED
    assert "ho2020ddpm: BN700 warning: could not be verified (offline)" in changed.stdout


def test_a_team_key_makes_a_lock_hold_on_every_machine_and_only_with_that_key(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    team = {"BIBNORM_LOCK_KEY": "team-secret-0123456789abcdef0123456789"}
    assert verify(runner, "--update-lock", **team).exit_code == 0
    elsewhere = {**team, "BIBNORM_CACHE_DIR": str(tmp_path / "another-machine")}
    assert "1 verified" in verify(runner, "--offline", **elsewhere).stderr
    no_key = verify(runner, "--offline", BIBNORM_CACHE_DIR=str(tmp_path / "another-machine"))
    assert no_key.exit_code == EXIT_SOURCES_FAILED


def test_an_old_lock_is_read_and_refreshed_to_sealed_lines(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    del lock["verified"]["ho2020ddpm"]["seal"]
    lock["version"] = 1  # as bibnorm wrote it before seals
    (tmp_path / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    assert verify(runner, "--offline").exit_code == EXIT_SOURCES_FAILED
    refreshed = verify(runner, "--update-lock")
    assert refreshed.exit_code == 0, refreshed.output
    assert "1 verified" in verify(runner, "--offline").stderr
