"""Which ``verified`` lines of ``bibnorm.lock`` ``verify`` trusts, on which machine.

A line keeps the source's record of the paper (title, authors, venue, year, identifiers, the
date asked), and an offline run compares the entry with that record: a lock written on machine A
(one cache folder) holds on machine B (another, no shared key). What a line cannot show is
whether ``verify`` wrote it: a pull request can add a fabricated entry and, next to it, a line
vouching for it. So where lines come in (the pre-commit hook: ``--lock-base HEAD``; the action:
the base commit), a line new or changed since the base is never trusted: online its entry is
asked about again (and not found), offline it is unverifiable. Runs against the verify world's
fakes, in git repositories made in tmp folders.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.bib.lockfile import VerifiedItem, seal_of
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.models import Person, Reference
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
# The same paper with its first author changed: the lock's record says otherwise.
REAL_MISQUOTED = REAL.replace("Jonathan Ho and", "Jonathan Hoang and")
# The same paper with pages added: not a claim the record contradicts.
REAL_WITH_PAGES = REAL.replace("year = {2020},", "year = {2020},\n  pages = {6840--6851},")
TEAM_KEY = "team-secret-0123456789abcdef0123456789"


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env()


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "machine-a"))
    monkeypatch.delenv("BIBNORM_LOCK_KEY", raising=False)
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


def verify(runner: CliRunner, *args: str, **env: str) -> Result:
    result = runner.invoke(main, ["verify", *args, "refs.bib"], env=env or None)
    assert "Traceback" not in result.output
    return result


def on_machine_b(tmp_path: Path) -> dict[str, str]:
    """Another machine: its own, empty cache folder, and no key."""
    return {"BIBNORM_CACHE_DIR": str(tmp_path / "machine-b")}


def git(folder: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)


def forged_line(version: int, seal: str | None, *, record: bool) -> dict[str, object]:
    """A hand-made "verified" line for `MADE_UP`: its fingerprint computed with bibnorm's own
    code, and (``record``) a record copied from the entry, as a forger would write it."""
    [entry] = parse_bibtex(MADE_UP).entries
    copied = Reference(
        title="A Paper That Was Never Written",
        authors=(Person(given="Ada", family="Nobody"),),
        entry_type="article",
        venue="Journal of Results",
        issued={"year": 2024},
        ids={"doi": "10.99999/never.1"},
    )
    item = VerifiedItem(
        fingerprint=claim_from_entry(entry, "refs.bib").fingerprint(),
        source="crossref",
        title="A Paper That Was Never Written",
        doi="10.99999/never.1",
        date="2026-01-01",
        record=copied if record else None,
    )
    if seal == "another key":  # what the forger's own bibnorm, under its own key, would write
        seal = seal_of(b"the forger's key, not ours, 32+ bytes", "made_up", item)
    line = item.model_dump(mode="json", exclude_none=True) | ({"seal": seal} if seal else {})
    return {"version": version, "items": {}, "verified": {"made_up": line}}


def forge(folder: Path, version: int, seal: str | None, *, record: bool = False) -> None:
    """`MADE_UP` in ``refs.bib``, and the forged line vouching for it in ``bibnorm.lock``."""
    (folder / "refs.bib").write_text(MADE_UP, encoding="utf-8")
    lock = forged_line(version, seal, record=record)
    (folder / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")


OLD_FORGERIES = [
    pytest.param(1, None, id="version-1-line-without-seal"),
    pytest.param(2, None, id="version-2-line-without-seal"),
    pytest.param(2, "0" * 64, id="made-up-seal"),
    pytest.param(2, "another key", id="sealed-under-another-key"),
]


@pytest.mark.parametrize(("version", "seal"), OLD_FORGERIES)
def test_a_line_with_no_record_does_not_verify_a_fabricated_entry_offline(
    runner: CliRunner, tmp_path: Path, version: int, seal: str | None
) -> None:
    forge(tmp_path, version, seal)
    result = verify(runner, "--offline")
    assert result.exit_code == EXIT_SOURCES_FAILED  # verified nothing
    assert "refs.bib:1: made_up: BN700 warning: could not be verified (offline)" in result.stdout
    assert "0 verified" in result.stderr
    [note] = [line for line in result.stderr.splitlines() if "(made_up)" in line]
    assert "unverifiable offline" in note and "'bibnorm verify --update-lock' online" in note


@pytest.mark.parametrize(("version", "seal"), OLD_FORGERIES)
def test_a_line_with_no_record_is_asked_about_again_online(
    runner: CliRunner, tmp_path: Path, version: int, seal: str | None
) -> None:
    forge(tmp_path, version, seal)
    result = verify(runner)
    assert result.exit_code == EXIT_FINDINGS
    assert "refs.bib:1: made_up: BN701 error: no source knows DOI 10.99999/never.1" in result.stdout
    assert any(
        "(made_up)" in line and "asked the sources again" in line for line in result.stderr.splitlines()
    )


def test_a_lock_written_on_machine_a_holds_offline_on_machine_b(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    line = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))["verified"]["ho2020ddpm"]
    # The source's record, as it answered: what machine B compares the entry with.
    assert line["record"]["title"] == "Denoising Diffusion Probabilistic Models"
    assert [a["family"] for a in line["record"]["authors"]] == ["Ho", "Jain", "Abbeel"]
    assert line["record"]["issued"]["year"] and line["record"]["venue"] and "seal" not in line
    elsewhere = verify(runner, "--offline", **on_machine_b(tmp_path))
    assert elsewhere.exit_code == 0, elsewhere.output
    assert "1 verified" in elsewhere.stderr
    assert not (tmp_path / "machine-a" / "lock.key").exists()  # no key of its own is made


@pytest.mark.parametrize(
    ("entry", "holds"),
    [
        pytest.param(REAL_WITH_PAGES, True, id="edited-entry-the-record-bears-out"),
        pytest.param(REAL_MISQUOTED, False, id="edited-entry-the-record-contradicts"),
    ],
)
def test_offline_the_entry_is_compared_with_the_record_of_its_line(
    runner: CliRunner, tmp_path: Path, entry: str, holds: bool
) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    (tmp_path / "refs.bib").write_text(entry, encoding="utf-8")
    result = verify(runner, "--offline", **on_machine_b(tmp_path))
    assert (result.exit_code == 0) is holds, result.output
    assert ("1 verified" in result.stderr) is holds


def test_a_forged_line_new_since_the_base_commit_fails_online_and_vouches_for_nothing_offline(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The hook's path: ``--lock-base HEAD``; the line and the entry are added in one change."""
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "refs.bib", "bibnorm.lock")
    git(tmp_path, "commit", "-q", "-m", "a verified bibliography")
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    lock["verified"] |= forged_line(3, None, record=True)["verified"]  # type: ignore[operator]
    (tmp_path / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REAL + "\n" + MADE_UP, encoding="utf-8")

    online = verify(runner, "--lock-base", "HEAD", **on_machine_b(tmp_path))
    assert online.exit_code == EXIT_FINDINGS
    assert "made_up: BN701 error: no source knows DOI 10.99999/never.1" in online.stdout
    assert any("new or changed since HEAD (made_up)" in line for line in online.stderr.splitlines())
    offline = verify(runner, "--offline", "--lock-base", "HEAD", **on_machine_b(tmp_path))
    assert "made_up: BN700 warning: could not be verified (offline)" in offline.stdout
    assert "1 verified" in offline.stderr  # the committed line still vouches for the real entry
    # Without a base to compare with, a line is taken for what it says: the base is the gate.
    assert "2 verified" in verify(runner, "--offline", **on_machine_b(tmp_path)).stderr


def test_a_correct_entry_added_with_its_line_passes_the_hook_path(runner: CliRunner, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "refs.bib").write_text("", encoding="utf-8")
    git(tmp_path, "add", "refs.bib")
    git(tmp_path, "commit", "-q", "-m", "empty")
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0  # machine A writes the line
    result = verify(runner, "--lock-base", "HEAD", **on_machine_b(tmp_path))  # asked again, found
    assert result.exit_code == 0, result.output
    assert "1 verified" in result.stderr


@pytest.mark.parametrize(
    "base",
    [
        pytest.param("HEAD", id="a-first-commit-has-no-HEAD"),
        pytest.param("no-such-branch", id="a-name-git-does-not-know"),
        pytest.param("--output=x", id="an-option-stays-a-name"),
    ],
)
def test_a_base_git_cannot_show_makes_every_line_new(runner: CliRunner, tmp_path: Path, base: str) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    git(tmp_path, "init", "-q")
    result = verify(runner, "--offline", "--lock-base", base)
    assert result.exit_code == EXIT_SOURCES_FAILED
    assert not (tmp_path / "x").exists()


def test_a_team_key_vouches_for_its_own_new_lines_and_only_with_that_key(
    runner: CliRunner, tmp_path: Path
) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    team = {"BIBNORM_LOCK_KEY": TEAM_KEY}
    assert verify(runner, "--update-lock", **team).exit_code == 0
    line = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))["verified"]["ho2020ddpm"]
    assert len(line["seal"]) == 64
    with_key = verify(runner, "--offline", "--lock-base", "HEAD", **team, **on_machine_b(tmp_path))
    assert "1 verified" in with_key.stderr
    no_key = verify(runner, "--offline", "--lock-base", "HEAD", **on_machine_b(tmp_path))
    assert no_key.exit_code == EXIT_SOURCES_FAILED


def test_an_old_lock_is_read_and_refreshed_to_lines_with_records(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    assert verify(runner, "--update-lock").exit_code == 0
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    del lock["verified"]["ho2020ddpm"]["record"]
    lock["version"] = 1  # as bibnorm wrote it before records and seals
    (tmp_path / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    assert verify(runner, "--offline").exit_code == EXIT_SOURCES_FAILED
    refreshed = verify(runner, "--update-lock")
    assert refreshed.exit_code == 0, refreshed.output
    assert json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))["version"] == 3
    assert "1 verified" in verify(runner, "--offline", **on_machine_b(tmp_path)).stderr
