"""The GitHub Action for ``bibnorm verify`` (.github/actions/verify), run as CI would run it.

GitHub itself cannot run here, so a sample repository's CI run is simulated: a git repository
with a base commit and a change, and the action's script (``verify.py``) run on it against fakes
of Semantic Scholar, arXiv and Crossref, twice, with the cache folder the action keeps between
runs (actions/cache) kept in between. The second run must ask the sources nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
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
    # bibnorm's stderr, shown with workflow commands off (between ::stop-commands:: markers)
    assert "2 entries: 2 verified, 0 mismatch, 0 not found, 0 unverifiable; requests: none" in (
        second.stderr.splitlines()
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


# A reference no source knows, and the lock line a pull request adds for it by hand: the
# record copied from the entry, as a forger would write it.
FABRICATED = """@article{made_up,
  author = {Ada Nobody},
  title = {A Paper That Was Never Written},
  journal = {Journal of Results},
  year = {2024},
  doi = {10.99999/never.1}
}
"""


def _pin(folder: Path, sources: WorldSources, cache: Path) -> None:
    """``bibnorm verify --update-lock`` on the author's machine (its own cache folder)."""
    env = {**os.environ, **sources.env(), "BIBNORM_CACHE_DIR": str(cache)}
    env.pop("BIBNORM_LOCK_KEY", None)
    command = [str(BIBNORM), "verify", "--no-progress", "--update-lock", "refs.bib"]
    subprocess.run(command, cwd=folder, env=env, capture_output=True, check=False, timeout=120)


def _forged_line(folder: Path) -> dict[str, object]:
    """The line ``verify`` wrote for DDPM, rewritten by hand to vouch for `FABRICATED`."""
    from bibnorm.bib.bibfile import parse_bibtex
    from bibnorm.verify.judge import claim_from_entry

    line = json.loads((folder / "bibnorm.lock").read_text(encoding="utf-8"))["verified"]["ho2020ddpm"]
    [entry] = parse_bibtex(FABRICATED).entries
    record = {
        "title": "A Paper That Was Never Written",
        "authors": [{"given": "Ada", "family": "Nobody"}],
        "entry_type": "article",
        "venue": "Journal of Results",
        "issued": {"year": 2024},
        "ids": {"doi": "10.99999/never.1"},
    }
    fingerprint = claim_from_entry(entry, "refs.bib").fingerprint()
    return {
        **line,
        "fingerprint": fingerprint,
        "title": record["title"],
        "record": record,
        "doi": "10.99999/never.1",
    }


@pytest.mark.parametrize(
    ("added", "fails"),
    [
        pytest.param(FABRICATED, True, id="a-fabricated-entry-and-a-hand-made-line"),
        pytest.param(SCENE, False, id="a-correct-entry-and-the-line-verify-wrote"),
    ],
)
def test_a_lock_line_added_by_the_change_vouches_for_nothing(
    sources: WorldSources, tmp_path: Path, added: str, fails: bool
) -> None:
    """The base commits a lock written on the author's machine; the change adds an entry and its
    line. The action (another machine: its own cache, no key) asks about the new entry again."""
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    (folder / "refs.bib").write_text(DDPM, encoding="utf-8")
    _pin(folder, sources, tmp_path / "author")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "base")
    base = _git(folder, "rev-parse", "HEAD").strip()
    (folder / "refs.bib").write_text(DDPM + "\n" + added, encoding="utf-8")
    _pin(folder, sources, tmp_path / "author")
    if fails:
        lock = json.loads((folder / "bibnorm.lock").read_text(encoding="utf-8"))
        lock["verified"]["made_up"] = _forged_line(folder)
        (folder / "bibnorm.lock").write_text(json.dumps(lock), encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "cite another paper")
    result = run_action(folder, tmp_path / "ci-cache", sources, "--base", base)
    assert (result.returncode == 1) is fails, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    if fails:
        assert any("title=bibnorm BN701::made_up: no source knows DOI" in line for line in errors), (
            result.stdout
        )
    else:
        assert errors == []
        assert "2 entries: 2 verified" in result.stderr


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
    assert '--cache "$RUNNER_TEMP/bibnorm-verify"' in script["run"]  # runner.temp
    assert cache["with"]["restore-keys"] in cache["with"]["key"]  # the newest earlier cache is restored
    assert steps.index(cache) < steps.index(script)


# --- No input runs a command or becomes an option ---------------------------------

CANARY = "CANARY"
HOSTILE_INPUTS = {
    "files": f'x"; touch {CANARY}; echo "',
    "base": f"$(touch {CANARY})",
    "online": f"true`touch {CANARY}`",
    "s2-api-key": f"'; touch {CANARY}; '",
    "python-version": "3.11",
    "bibnorm": f'x"; touch {CANARY}; echo "',
    "ignore": f"$(touch {CANARY})",
    "fail-on": f"; touch {CANARY}",
    "strict": f"`touch {CANARY}`",
}
INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def _action_steps() -> list[dict[str, object]]:
    return yaml.safe_load((ACTION / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]


def test_no_run_line_of_the_action_expands_an_expression() -> None:
    runs = [str(step["run"]) for step in _action_steps() if "run" in step]
    assert len(runs) == 2
    assert not [run for run in runs if "${{" in run]


@pytest.mark.parametrize("step", [0, 1], ids=["install", "verify"])
def test_hostile_inputs_reach_the_programs_as_data(step: int, tmp_path: Path) -> None:
    """Each run: step as the runner runs it (bash -eo pipefail), its env: filled with hostile inputs;
    ``python`` is a stand-in that records its arguments."""
    run_step = [s for s in _action_steps() if "run" in s][step]
    env = {
        name: INPUT.sub(lambda match: HOSTILE_INPUTS[match[1]], str(value))
        for name, value in dict(run_step.get("env") or {}).items()  # type: ignore[call-overload]
    }
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    recorder = bin_folder / "python"
    recorder.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f'json.dump({{"argv": sys.argv[1:], "env": dict(os.environ)}},\n'
        f'          open({str(tmp_path / "called.json")!r}, "w"))\n',
        encoding="utf-8",
    )
    recorder.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    shell_env = {
        "PATH": f"{bin_folder}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "GITHUB_ACTION_PATH": str(ACTION),
        "RUNNER_TEMP": str(tmp_path / "runner-temp"),
        **env,
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(run_step["run"])],
        cwd=work,
        env=shell_env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert not (work / CANARY).exists()
    called = json.loads((tmp_path / "called.json").read_text(encoding="utf-8"))
    if step == 0:
        assert called["argv"] == ["-m", "pip", "install", "--quiet", "--", HOSTILE_INPUTS["bibnorm"]]
    else:
        assert called["argv"] == [
            f"{ACTION}/verify.py",
            "--cache",
            f"{tmp_path}/runner-temp/bibnorm-verify",
        ]
        assert called["env"]["BIBNORM_VERIFY_FILES"] == HOSTILE_INPUTS["files"]
        assert called["env"]["BIBNORM_VERIFY_BASE"] == HOSTILE_INPUTS["base"]


def run_script(
    folder: Path, cache: Path, sources: WorldSources, inputs: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """verify.py as action.yml runs it: the inputs in the environment, only --cache on the line."""
    command = [sys.executable, str(ACTION / "verify.py"), "--cache", str(cache), "--bibnorm", str(BIBNORM)]
    variables = {f"BIBNORM_VERIFY_{name.upper().replace('-', '_')}": value for name, value in inputs.items()}
    env = {**os.environ, **sources.env(), **variables}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "base",
    [
        pytest.param("--output=HIJACKED", id="git-option"),
        pytest.param(f"$(touch {CANARY})", id="command-substitution"),
        pytest.param("HEAD; touch CANARY", id="shell-list"),
    ],
)
def test_a_hostile_base_is_no_commit_and_every_entry_counts_as_new(
    base: str, repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, _ = repository
    result = run_script(folder, tmp_path / "cache", sources, {"files": "refs.bib", "base": base})
    assert sorted(p.name for p in folder.iterdir()) == [".git", "refs.bib"]  # nothing written
    assert result.stdout.splitlines()[0].startswith("::warning::bibnorm verify: no commit ")
    assert result.returncode == 1  # both mistakes count: every entry is new
    assert result.stdout.splitlines()[-1] == "bibnorm verify: 2 error(s) in changed entries"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("--html=x.bib", id="an-option-of-bibnorm"),
        pytest.param("--lock=evil.bib", id="the-lock-option"),
        pytest.param(f"$(id>{CANARY}).bib", id="command-substitution"),
    ],
)
def test_hostile_file_names_are_file_names(
    name: str, repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, base = repository
    hostile = name
    (folder / hostile).write_text(DDPM, encoding="utf-8")
    _git(folder, "add", "--", hostile)
    _git(folder, "commit", "-q", "-m", "a file with a strange name")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = run_script(folder, tmp_path / "cache", sources, {"files": f"refs.bib {hostile}", "base": base})
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before  # no report, lock or other file appeared or changed
    assert not (tmp_path / "cache" / "evil.bib").exists()
    assert result.returncode == 1, result.stdout + result.stderr  # the new mistake in refs.bib
    # refs.bib's three entries and the hostile file's one were verified
    assert any(line.startswith("4 entries: 2 verified, ") for line in result.stderr.splitlines())


def test_a_pattern_in_the_files_input_names_the_files_it_matches(
    repository: tuple[Path, str], sources: WorldSources, tmp_path: Path
) -> None:
    folder, base = repository
    result = run_script(folder, tmp_path / "cache", sources, {"files": "*.bib", "base": base})
    assert result.stdout.splitlines()[-1].startswith("bibnorm verify: 1 error(s) in changed entries")
    assert any(line.startswith("3 entries: ") for line in result.stderr.splitlines())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(None, "refs.bib: no such file", id="missing-file"),
        pytest.param("% nothing but a comment\n", "no entries to verify", id="no-entries"),
    ],
)
def test_the_step_fails_when_bibnorm_could_not_run(
    content: str | None, expected: str, sources: WorldSources, tmp_path: Path
) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    if content is not None:
        (folder / "refs.bib").write_text(content, encoding="utf-8")
    result = run_script(folder, tmp_path / "cache", sources, {"files": "refs.bib", "base": ""})
    assert result.returncode != 0
    assert "error(s) in changed entries" not in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith("::error::bibnorm verify could not run (exit 1): "), result.stdout
    assert expected in last
    assert expected in result.stderr  # bibnorm's own message is shown


# A stand-in for bibnorm that prints what it is given and exits with the status given: how the
# step reads each exit status, whatever bibnorm printed (findings exit 3, not 1).
STAND_IN = """import os, sys
sys.stdout.write(os.environ["STAND_IN_STDOUT"])
sys.stderr.write("bibnorm: the stand-in's last line\\n")
sys.exit(int(os.environ["STAND_IN_EXIT"]))
"""
FABRICATED_LINE = "refs.bib:1: made_up: BN703 error: arXiv has no paper 2006.99999\n"


@pytest.mark.parametrize(
    ("status", "stdout", "code", "last"),
    [
        pytest.param(3, FABRICATED_LINE, 1, "bibnorm verify: 1 error(s) in changed entries", id="3-findings"),
        pytest.param(0, "", 0, "bibnorm verify: 0 error(s) in changed entries", id="0-passes"),
        pytest.param(3, "", 3, "::error::bibnorm verify could not run (exit 3): bibnorm: the stand-in's"
                     " last line", id="3-without-a-finding-could-not-run"),
        pytest.param(1, FABRICATED_LINE, 1, "::error::bibnorm verify could not run (exit 1): bibnorm: the"
                     " stand-in's last line", id="1-is-could-not-run-even-with-findings"),
        pytest.param(4, "", 4, "::error::bibnorm verify could not run (exit 4): bibnorm: the stand-in's"
                     " last line", id="4-verified-nothing"),
    ],
)  # fmt: skip
def test_only_exit_3_with_findings_is_found_problems(
    status: int, stdout: str, code: int, last: str, tmp_path: Path
) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    _git(folder, "init", "-q")
    (folder / "refs.bib").write_text("@misc{made_up,\n  eprint = {2006.99999}\n}\n", encoding="utf-8")
    (tmp_path / "stand_in.py").write_text(STAND_IN, encoding="utf-8")
    command = [sys.executable, str(ACTION / "verify.py"), "--cache", str(tmp_path / "cache")]
    command += ["--bibnorm", f"{sys.executable} {tmp_path / 'stand_in.py'}", "refs.bib"]
    env = {**os.environ, "STAND_IN_EXIT": str(status), "STAND_IN_STDOUT": stdout, "BIBNORM_VERIFY_BASE": ""}
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (code, last), result.stdout + result.stderr


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        pytest.param({"online": "yes"}, "the 'online' input is 'yes'; give 'true' or 'false'", id="online"),
        pytest.param({"strict": "1"}, "the 'strict' input is '1'; give 'true' or 'false'", id="strict"),
        pytest.param(
            {"fail-on": "--html=x"},
            "unknown --fail-on condition '--html=x'; give retracted or unverifiable",
            id="fail-on",
        ),
        pytest.param({"files": "  "}, "no .bib file given (the 'files' input)", id="no-files"),
    ],
)
def test_an_unusable_input_is_one_error_line(
    inputs: dict[str, str], message: str, sources: WorldSources, tmp_path: Path
) -> None:
    result = run_script(tmp_path, tmp_path / "cache", sources, {"files": "refs.bib", **inputs})
    assert result.returncode == 2
    assert result.stdout == f"::error::bibnorm verify: {message}\n"


@pytest.mark.parametrize(
    ("inputs", "code", "last", "said"),
    [
        pytest.param(
            {"ignore": "BN7"},
            0,
            "bibnorm verify: 0 error(s) in changed entries",
            "",
            id="ignore-reaches-verify",
        ),
        pytest.param(
            # bibnorm verified nothing (exit 4): the step fails, never "0 error(s)".
            {"online": "false"},
            4,
            "::error::bibnorm verify could not run (exit 4): "
            "3 entries: 0 verified, 0 mismatch, 0 not found, 3 unverifiable; requests: none",
            "bibnorm: hint: no lockfile holds these entries: run `bibnorm verify --update-lock FILE.bib`",
            id="offline-without-a-lock-fails-and-says-what-to-do",
        ),
    ],
)
def test_the_inputs_reach_verify(
    repository: tuple[Path, str],
    sources: WorldSources,
    tmp_path: Path,
    inputs: dict[str, str],
    code: int,
    last: str,
    said: str,
) -> None:
    folder, base = repository
    result = run_script(folder, tmp_path / "cache", sources, {"files": "refs.bib", "base": base, **inputs})
    assert result.returncode == code, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == last
    assert said in result.stderr


def test_output_of_bibnorm_cannot_issue_workflow_commands() -> None:
    sys.path.insert(0, str(ACTION))
    try:
        import verify as action_script
    finally:
        sys.path.remove(str(ACTION))
    text = "::add-mask::x\n::error::forged\n"
    shown = action_script.verbatim(text).splitlines()
    token = shown[0].removeprefix("::stop-commands::")
    assert len(token) == 64 and token not in text
    assert shown == [f"::stop-commands::{token}", "::add-mask::x", "::error::forged", f"::{token}::"]


def test_zizmor_finds_nothing_in_the_action() -> None:
    """The static audit tox's lint runs (template injection, unpinned actions, ...), pedantic."""
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install zizmor; tox -e lint installs it)")
    audit = subprocess.run(
        [zizmor, "--offline", "--persona=pedantic", "--no-progress", str(ACTION / "action.yml")],
        capture_output=True,
        text=True,
    )
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "No findings to report." in audit.stdout
