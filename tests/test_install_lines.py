"""Every install command the docs and the messages give is valid where bibnorm is: it is not on
PyPI, so a requirement naming bibnorm is its repository's git URL (with the extras and the tag it
wants), and a tag named is the one the release workflow makes from pyproject.toml's version; an
optional extra that is missing is one line saying both commands that add it."""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
import tomllib
from pathlib import Path

import pytest
from bibnorm.cli import main
from bibnorm.errors import EXTRAS, REPOSITORY
from click.testing import CliRunner
from packaging.requirements import Requirement
from paths import ROOT

_spec = importlib.util.spec_from_file_location("install_lines", ROOT / "scripts" / "install_lines.py")
assert _spec is not None and _spec.loader is not None
install_lines = sys.modules["install_lines"] = importlib.util.module_from_spec(_spec)  # for its dataclass
_spec.loader.exec_module(install_lines)

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OPTIONAL = {name: set(requirements) for name, requirements in PROJECT["optional-dependencies"].items()}
TAG = f"v{PROJECT['version']}"
GIT = re.compile(
    rf"^(?:bibnorm(?:\[(?P<extras>[a-z,]+)\])? @ )?git\+{re.escape(REPOSITORY)}(?:@(?P<tag>v[\d.]+))?$"
)


def doc_commands() -> list[tuple[str, str]]:
    """(where, command) of every pip or pipx command in code in the README and docs/*.md
    (`scripts/install_lines.py`, which runs them, finds them)."""
    return [(found.where, found.command) for found in install_lines.doc_commands()]


def message_commands() -> list[tuple[str, str]]:
    """(where, command) of both commands the message for each missing extra gives."""
    return [(found.where, found.command) for found in install_lines.message_commands()]


def refused(command: str) -> str | None:
    """Why ``command`` cannot work as written today; None when it can."""
    words = shlex.split(command.removeprefix("$ ").split(" #")[0])
    _tool, verb, *rest = words
    # Options and the values of those that take one are no requirement.
    valued = {"--config-settings", "-C", "-r", "-c", "--target", "-t", "--python", "--index-url", "-i"}
    arguments = [
        word
        for before, word in zip(["", *rest], rest, strict=False)
        if not word.startswith("-") and before not in valued
    ]
    if verb == "inject":
        target, *requirements = arguments
        offered = set().union(*OPTIONAL.values())
        wrong = [requirement for requirement in requirements if requirement not in offered]
        return f"injects {wrong}, no extra's requirement" if target != "bibnorm" or wrong else None
    for argument in arguments:
        if argument.startswith((".", "/", "~")):  # a clone: its folder, with extras it has
            extras = re.fullmatch(r"[^\[]*(?:\[([a-z,]+)\])?", argument)
            unknown = set(((extras and extras[1]) or "").split(",")) - set(OPTIONAL) - {""}
            if unknown:
                return f"{argument!r}: no extra {sorted(unknown)}"
            continue
        if "bibnorm" not in argument:
            Requirement(argument)  # another package: a valid requirement
            continue
        matched = GIT.match(argument)
        if matched is None:
            return f"{argument!r} names bibnorm, which is not on PyPI: give its git URL"
        unknown = set((matched["extras"] or "").split(",")) - set(OPTIONAL) - {""}
        if unknown:
            return f"{argument!r}: no extra {sorted(unknown)}"
        if matched["tag"] not in (None, TAG):
            return f"{argument!r}: the tag the release workflow makes is {TAG}"
    return None


@pytest.mark.parametrize(("where", "command"), [*doc_commands(), *message_commands()])
def test_every_install_command_works_from_where_bibnorm_is(where: str, command: str) -> None:
    assert refused(command) is None, f"{where}: {command}"


@pytest.mark.parametrize(
    ("command", "why"),
    [
        pytest.param("pip install 'bibnorm[mcp]'", "names bibnorm, which is not on PyPI", id="pypi-name"),
        pytest.param(
            f"pip install 'bibnorm[gpu] @ git+{REPOSITORY}'", "no extra ['gpu']", id="no-such-extra"
        ),
        pytest.param(f"pipx install git+{REPOSITORY}@v9.9.9", "the tag the release workflow makes", id="tag"),
        pytest.param("pipx inject bibnorm 'mcp>=1'", "no extra's requirement", id="inject-other"),
        pytest.param("pip install -e '.[gpu]'", "no extra ['gpu']", id="clone-no-extra"),
    ],
)
def test_the_check_refuses_commands_that_cannot_work(command: str, why: str) -> None:
    assert why in (refused(command) or "")


def test_the_docs_give_install_commands_to_check() -> None:
    pages = {where for where, _ in doc_commands()}
    assert {"README.md", "mcp.md", "scale.md", "drafts.md", "ci.md", "install.md"} <= pages


def test_the_extras_the_messages_name_are_the_projects() -> None:
    for extra, requirement in EXTRAS.items():
        assert OPTIONAL[extra] == {shlex.split(requirement)[0]}, extra


def test_every_tag_the_docs_and_hooks_name_is_the_release_workflows() -> None:
    named = []
    for path in [
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / ".github").rglob("*.yml"),
        ROOT / ".pre-commit-hooks.yaml",
    ]:
        named += re.findall(
            r"(?:bibnorm/bibnorm[\w/.-]*@|rev: )(v\d[\w.]*)", path.read_text(encoding="utf-8")
        )
    assert named and set(named) == {TAG}
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert 'tag="v${VERSION}"' in workflow  # the tag it makes: v and pyproject.toml's version


def test_tex_watch_without_watchfiles_says_how_to_add_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # what an install without the extra has
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text("\\cite{2403.07392}\n\\bibliography{paper}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tex", "paper.tex", "--watch", "--offline", "--cache-dir", "cache"])
    assert result.exit_code == 2
    assert result.stderr == (
        "bibnorm: error: --watch needs watchfiles, an optional extra: "
        f"pip install 'bibnorm[watch] @ git+{REPOSITORY}' "
        "(in a pipx install: pipx inject bibnorm 'watchfiles>=0.21')\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.tex"]  # no pass ran
