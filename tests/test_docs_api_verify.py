"""docs/api-verify.md runs: every ``python`` block of the page, in order, in one namespace, offline.

The page is the verify/check/format/fix half of the Python API's reference, and its examples are
its specification: each block runs here as written, in a fresh folder holding what the page says
it holds — the demo snapshot indexed (``snapshot.sqlite``), the 44 papers resolved from the demo
page (``refs.bib``) and a copy of fixtures/latex/ (``draft/``), made with the commands the page
names. A failing block is named by its line in the page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from paths import FIXTURES, ROOT

PAGE = ROOT / "docs" / "api-verify.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line of the block's first code line, its code) of every ``python`` block, in order."""
    return [(text.count("\n", 0, match.start(1)) + 1, match.group(1)) for match in BLOCK.finditer(text)]


def test_every_section_the_page_lists_has_an_example() -> None:
    text = PAGE.read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    listed = re.findall(r"^- \[(.+?)\]\(#", text, re.MULTILINE)
    bodies = {section.split("\n", 1)[0]: section for section in sections}
    assert listed and set(listed) <= set(bodies)
    assert all("```python" in bodies[name] for name in listed)


def test_every_example_of_the_page_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("BIBNORM_OFFLINE", "BIBNORM_SNAPSHOT", "BIBNORM_DBLP_INDEX", "BIBNORM_RESOLVERS"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "latex", tmp_path / "draft")
    runner = CliRunner()
    built = runner.invoke(
        main,
        ["index", "build", str(FIXTURES / "demo" / "snapshot.jsonl"), "-o", "snapshot.sqlite", "--jobs", "1"],
    )
    assert built.exit_code == 0, built.output
    resolved = runner.invoke(
        main,
        [
            "resolve",
            str(FIXTURES / "demo" / "hf-page.txt"),
            "--offline",
            "--snapshot",
            "snapshot.sqlite",
            "--cache-dir",
            "cache",
            "-o",
            "refs.bib",
            "-q",
        ],
    )
    assert resolved.exit_code == 0, resolved.output
    namespace: dict[str, Any] = {"__name__": "docs_api_verify"}
    blocks = python_blocks(PAGE.read_text(encoding="utf-8"))
    assert blocks, "docs/api-verify.md has no python block"
    for line, code in blocks:
        exec(compile(code, f"docs/api-verify.md:{line}", "exec"), namespace)
