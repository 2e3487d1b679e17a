"""The GitHub workflows and the Action bibnorm ships or shows: every action they use pinned by a
commit with its version beside it (what zizmor's pedantic audit, run by `tox -e lint`, asks; this
test needs no zizmor), on a current major version, and the docs' workflows written out whole by
scripts/docs_workflows.py for that audit."""

from __future__ import annotations

import importlib.util
import re

import pytest
import yaml
from paths import ROOT

_spec = importlib.util.spec_from_file_location("docs_workflows", ROOT / "scripts" / "docs_workflows.py")
assert _spec is not None and _spec.loader is not None
docs_workflows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs_workflows)

SHIPPED = [
    ROOT / ".github" / "actions" / "verify" / "action.yml",
    ROOT / ".github" / "workflows" / "release.yml",
]
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")
OWN = "bibnorm/bibnorm/.github/actions/verify@v"
# The oldest major version of each action that runs on a current runtime (node24).
CURRENT = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/cache": 5,
    "actions/upload-artifact": 6,
    "actions/download-artifact": 7,
}


def _uses_lines() -> list[tuple[str, str]]:
    texts = {path.name: path.read_text(encoding="utf-8") for path in SHIPPED}
    texts |= docs_workflows.docs_workflows()
    return [
        (name, line.split("uses:", 1)[1].strip())
        for name, text in texts.items()
        for line in text.splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


def test_the_docs_show_whole_workflows() -> None:
    workflows = docs_workflows.docs_workflows()
    assert sorted(workflows) == ["ci-1.yml", "ci-2.yml"]
    for text in workflows.values():
        parsed = yaml.safe_load(text)
        assert parsed["permissions"] == {} and parsed["jobs"]  # `on:` reads as True in YAML 1.1


@pytest.mark.parametrize(("where", "uses"), _uses_lines())
def test_every_action_is_pinned_by_a_commit_of_a_current_version(where: str, uses: str) -> None:
    if uses.startswith(OWN):  # the docs name bibnorm's own action by its release's tag
        assert uses.endswith("# zizmor: ignore[unpinned-uses]"), where
        return
    assert PINNED.match(uses), f"{where}: {uses}"
    action, version = uses.split("@")[0], int(uses.rsplit("# v", 1)[1].split(".")[0])
    assert version >= CURRENT.get(action, 0), f"{where}: {uses}"


def test_a_command_after_the_folder_runs_on_the_workflows_written(tmp_path, capsys) -> None:
    """How `tox -e lint` runs actionlint on them: it takes files, and tox expands no patterns."""
    listed = tmp_path / "listed.txt"
    command = [
        "python3",
        "-c",
        f"import sys; open({str(listed)!r}, 'w').write('\\n'.join(sys.argv[1:])); sys.exit(3)",
    ]
    status = docs_workflows.main([str(tmp_path / "out"), "--", *command])
    folder = tmp_path / "out" / ".github" / "workflows"
    assert status == 3  # the command's own
    assert listed.read_text().splitlines() == [str(folder / "ci-1.yml"), str(folder / "ci-2.yml")]
    assert capsys.readouterr().out.splitlines() == [str(folder / "ci-1.yml"), str(folder / "ci-2.yml")]


@pytest.mark.parametrize(
    ("argv", "status", "said"),
    [
        pytest.param(
            [], 2, "usage: python scripts/docs_workflows.py OUT [-- COMMAND [ARG ...]]", id="no-folder"
        ),
        pytest.param(
            ["a", "b"],
            2,
            "usage: python scripts/docs_workflows.py OUT [-- COMMAND [ARG ...]]",
            id="two-folders",
        ),
        pytest.param(
            ["{out}", "--"],
            2,
            "usage: python scripts/docs_workflows.py OUT [-- COMMAND [ARG ...]]",
            id="no-command",
        ),
        pytest.param(
            ["{out}", "--", "no-such-linter"],
            1,
            "docs_workflows.py: cannot run no-such-linter: No such file or directory",
            id="missing-command",
        ),
    ],
)
def test_bad_arguments_get_one_line(tmp_path, capsys, argv: list[str], status: int, said: str) -> None:
    assert docs_workflows.main([arg.format(out=tmp_path) for arg in argv]) == status
    assert capsys.readouterr().err.splitlines() == [said]
