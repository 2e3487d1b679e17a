"""docs/api.md runs: every ``python`` block of the page, in order, in one namespace, offline.

The page is the Python API's reference and its examples are its specification: each block runs
here as written, from the top folder of the clone, as one script: its first block makes the
folder it works in (a copy of fixtures/demo/, the scraped page and the snapshot records the
examples resolve against) and names the fixtures it reads.
A failing block is named by its line in the page.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from paths import ROOT

PAGE = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line of the block's first code line, its code) of every ``python`` block, in order."""
    return [(text.count("\n", 0, match.start(1)) + 1, match.group(1)) for match in BLOCK.finditer(text)]


def test_the_page_has_examples_for_every_section_it_lists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", text, re.MULTILINE)
    listed = re.findall(r"^- \[(.+?)\]\(#", text, re.MULTILINE)
    assert listed and set(listed) <= set(sections)
    assert len(python_blocks(text)) >= len(listed)


def test_every_public_name_is_importable_and_documented_on_the_page() -> None:
    import bibnorm

    # The API's reference is two pages: this one and its second half, docs/api-verify.md.
    text = PAGE.read_text(encoding="utf-8") + (ROOT / "docs" / "api-verify.md").read_text(encoding="utf-8")
    for name in bibnorm.__all__:
        assert getattr(bibnorm, name) is not None
        assert f"bibnorm.{name}" in text, f"bibnorm.{name} is public but docs/api*.md does not name it"


def test_every_example_of_the_page_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a reader runs the page: from the clone's top folder, the blocks one script, nothing
    defined for them; the folder the page makes for itself is under ``tmp_path``."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for variable in ("BIBNORM_OFFLINE", "BIBNORM_SNAPSHOT", "BIBNORM_DBLP_INDEX", "BIBNORM_RESOLVERS"):
        monkeypatch.delenv(variable, raising=False)
    namespace: dict[str, Any] = {"__name__": "docs_api"}
    blocks = python_blocks(PAGE.read_text(encoding="utf-8"))
    assert blocks, "docs/api.md has no python block"
    for line, code in blocks:
        exec(compile(code, f"docs/api.md:{line}", "exec"), namespace)
    assert Path.cwd().parent == tmp_path  # it worked in its own folder, not in the clone
