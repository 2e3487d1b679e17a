"""docs/api.md runs: every ``python`` block of the page, in order, in one namespace, offline.

The page is the Python API's reference and its examples are its specification: each block runs
here as written, in a fresh folder holding a copy of fixtures/demo/ (the scraped page and the
snapshot records the examples resolve against), with ``DBLP_FIXTURES`` and ``PDF_FIXTURES``
naming fixtures/dblp/ and fixtures/pdf/.
A failing block is named by its line in the page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from paths import FIXTURES, ROOT

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
    for name in ("hf-page.txt", "snapshot.jsonl"):
        shutil.copy(FIXTURES / "demo" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for variable in ("BIBNORM_OFFLINE", "BIBNORM_SNAPSHOT", "BIBNORM_DBLP_INDEX", "BIBNORM_RESOLVERS"):
        monkeypatch.delenv(variable, raising=False)
    namespace: dict[str, Any] = {
        "__name__": "docs_api",
        "DBLP_FIXTURES": FIXTURES / "dblp",
        "PDF_FIXTURES": FIXTURES / "pdf",
    }
    blocks = python_blocks(PAGE.read_text(encoding="utf-8"))
    assert blocks, "docs/api.md has no python block"
    for line, code in blocks:
        exec(compile(code, f"docs/api.md:{line}", "exec"), namespace)
