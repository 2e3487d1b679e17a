"""The GitHub Action for ``bibnorm verify`` (.github/actions/verify), run as CI would run it.

GitHub itself cannot run here, so a sample repository's CI run is simulated: a git repository
with a base commit and a change, and the action's script (``verify.py``) run on it against fakes
of Semantic Scholar, arXiv and Crossref, twice, with the cache folder the action keeps between
runs (actions/cache) kept in between. The second run must ask the sources nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.verify_world import WorldSources, world_sources

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit")

ACTION = Path(__file__).resolve().parents[1] / ".github" / "actions" / "verify"
BIBNORM = Path(sys.executable).parent / "bibnorm"

DDPM = """@inproceedings{ho2020ddpm,
  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020}
}
"""
OLD_MISTAKE = """@inproceedings{fake_doi,
  author = {Jingbo Wang and Yu Rong and Jingyuan Liu and Sijie Yan and Dahua Lin and Bo Dai},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2022},
  doi = {10.88880/bpr.633067}
}
"""
SCENE = """@inproceedings{wang2022scene,
  author = {Jingbo Wang and Yu Rong and Jingyuan Liu and Sijie Yan and Dahua Lin and Bo Dai},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2022},
  doi = {10.1109/CVPR52688.2022.01981}
}
"""
NEW_MISTAKE = """@inproceedings{chimera,
  author = {Antonios Alexos and Alex J. Boyd},
  title = {Diffusion Models for High-Resolution Image Synthesis},
  booktitle = {ICML},
  year = {2022},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}
"""


@pytest.fixture(scope="module")
def sources() -> Iterator[WorldSources]:
    with world_sources() as running:
        yield running


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
    return subprocess.run(command, cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repository(tmp_path: Path) -> tuple[Path, str]:
    """A paper's repository: refs.bib with a real entry and an old mistake, then a change
    that adds a new mistake. Returns the folder and the base commit."""
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    (folder / "refs.bib").write_text(DDPM + "\n" + OLD_MISTAKE, encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "base")
    base = _git(folder, "rev-parse", "HEAD").strip()
    (folder / "refs.bib").write_text(DDPM + "\n" + OLD_MISTAKE + "\n" + NEW_MISTAKE, encoding="utf-8")
    _git(folder, "commit", "-q", "-am", "cite another paper")
    return folder, base


def run_action(
    folder: Path, cache: Path, sources: WorldSources, *args: str
) -> subprocess.CompletedProcess[str]:
    """The action's last step, as action.yml runs it."""
    command = [sys.executable, str(ACTION / "verify.py"), "--cache", str(cache), "--bibnorm", str(BIBNORM)]
    env = {**os.environ, **sources.env(), "GITHUB_STEP_SUMMARY": str(cache.parent / "summary.md")}
    return subprocess.run(
        [*command, *args, "refs.bib"], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_second_ci_run_with_the_cache_kept_asks_the_sources_nothing(
    sources: WorldSources, tmp_path: Path
) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    (folder / "refs.bib").write_text(DDPM + "\n" + SCENE, encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "a clean bibliography")
    cache = tmp_path / "kept-by-actions-cache"

    before = sources.requests()
    first = run_action(folder, cache, sources, "--base", "")
    asked = sources.requests() - before
    second = run_action(folder, cache, sources, "--base", "")

    assert first.returncode == 0, first.stdout + first.stderr
    assert asked > 0
    assert sources.requests() - before == asked  # the second run made 0 requests
    assert second.returncode == 0, second.stdout + second.stderr
    assert (
        second.stderr.splitlines()[-1]
        == "2 entries: 2 verified, 0 mismatch, 0 not found, 0 unverifiable; requests: none"
    )
    assert (cache / "bibnorm.lock").is_file()  # the verified entries are pinned for later runs


def test_a_rerun_asks_only_about_what_the_lock_does_not_hold(
    repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, base = repository
    cache = tmp_path / "cache"
    before = sources.requests()
    first = run_action(folder, cache, sources, "--base", base)
    asked = sources.requests() - before
    second = run_action(folder, cache, sources, "--base", base)
    # The verified entry is answered by the lock; the two mistakes are asked again (a fix may have
    # been published meanwhile), mostly from the HTTP cache: only a batch whose members changed
    # (the verified title left it) goes out again.
    assert second.stdout == first.stdout
    assert sources.requests() - before - asked < asked


def test_findings_on_changed_entries_are_annotated_and_only_they_fail_the_step(
    repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, base = repository
    result = run_action(folder, tmp_path / "cache", sources, "--base", base)
    lines = result.stdout.splitlines()
    new_line = 16  # @inproceedings{chimera, in the changed file
    assert any(
        line.startswith(
            f"::error file=refs.bib,line={new_line},title=bibnorm BN704::chimera: arXiv 2006.11239"
        )
        for line in lines
    ), result.stdout
    # The old mistake is listed, not annotated, and does not fail the step on its own.
    assert not any(line.startswith("::") and "fake_doi" in line for line in lines)
    assert any("fake_doi: BN701 error:" in line and line.endswith("(unchanged entry)") for line in lines)
    assert lines[-1] == "bibnorm verify: 1 error(s) in changed entries, 1 in unchanged entries (not failing)"
    assert "bibnorm verify: 1 error(s) in changed entries" in (tmp_path / "summary.md").read_text()


def test_a_change_that_adds_no_mistake_passes_although_old_ones_remain(
    repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, _ = repository
    head = _git(folder, "rev-parse", "HEAD").strip()
    result = run_action(folder, tmp_path / "cache", sources, "--base", head)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any(line.startswith("::error") for line in result.stdout.splitlines())


def test_without_a_base_every_entry_is_new(
    repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, _ = repository
    result = run_action(folder, tmp_path / "cache", sources, "--base", "0" * 40)  # a push creating a branch
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert result.returncode == 1
    assert len(errors) >= 2 and any("fake_doi" in line for line in errors)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param("plain", "plain", id="plain"),
        pytest.param("50% of\nthe authors", "50%25 of%0Athe authors", id="percent-and-newline"),
    ],
)
def test_annotation_text_is_escaped_as_github_reads_it(message: str, expected: str) -> None:
    sys.path.insert(0, str(ACTION))
    try:
        import verify as action_script  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ACTION))
    finding = action_script.Finding("a,b:c.bib", 3, "k", "BN713", "error", message)
    assert (
        action_script.annotation(finding)
        == f"::error file=a%2Cb%3Ac.bib,line=3,title=bibnorm BN713::k: {expected}"
    )


def test_the_action_caches_the_folder_its_script_uses() -> None:
    action = yaml.safe_load((ACTION / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    cache = next(step for step in steps if str(step.get("uses", "")).startswith("actions/cache@"))
    script = next(step for step in steps if "verify.py" in step.get("run", ""))
    assert cache["with"]["path"] == "${{ runner.temp }}/bibnorm-verify"
    assert '--cache "${{ runner.temp }}/bibnorm-verify"' in script["run"]
    assert cache["with"]["restore-keys"] in cache["with"]["key"]  # the newest earlier cache is restored
    assert steps.index(cache) < steps.index(script)
