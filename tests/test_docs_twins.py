"""Every command-line example of the README and the manual's command pages has its twin in the
Python API's pages.

The README's five examples and the command pages' examples (docs/usage.md, every command at a
glance; docs/bibliographies.md, check, format, fix and verify) each have a twin on the API pages
(docs/api.md and its second half, docs/api-verify.md): the command line done from Python — as a
``# bibnorm …`` comment over the code that does it, or a sentence "The twin of `bibnorm …`"
before it — and their code runs as tests (tests/test_docs_api.py, tests/test_docs_api_verify.py).
An example added without its twin fails here with its text.
"""

from __future__ import annotations

import re

from paths import ROOT

EXAMPLE_PAGES = (ROOT / "README.md", ROOT / "docs" / "usage.md", ROOT / "docs" / "bibliographies.md")
API_PAGES = (ROOT / "docs" / "api.md", ROOT / "docs" / "api-verify.md")
SHELL_BLOCK = re.compile(r"```(?:sh|bash|console|shell)\n(.*?)```", re.DOTALL)

# Examples whose twin cannot run offline in a test; the page still names them and says why.
NAMED_WITHOUT_RUNNING = {
    "bibnorm verify zotero:",  # needs Zotero running on this computer
    "bibnorm verify --offline manifest.csv --out results/ --scheduler tcp://head:8786",  # a cluster
}
# Not a function call: a server whose tools are the API's functions (docs/mcp.md says which).
SERVERS = {"bibnorm mcp --root ~/papers"}


def one_line(text: str) -> str:
    return " ".join(text.split())


def command_examples() -> list[str]:
    """The ``bibnorm …`` lines of the example pages' shell blocks, once each, in order."""
    examples = []
    text = "\n".join(page.read_text(encoding="utf-8") for page in EXAMPLE_PAGES)
    for block in SHELL_BLOCK.findall(text):
        for line in block.splitlines():
            command = line.strip().removeprefix("$ ").split("  #", 1)[0].split(" # ", 1)[0]
            if command.startswith("bibnorm "):
                examples.append(one_line(command))
    return list(dict.fromkeys(examples))


def twins_named() -> set[str]:
    text = "\n".join(page.read_text(encoding="utf-8") for page in API_PAGES)
    commented = re.findall(r"^#\s*(bibnorm [^\n]*?)(?::\s|\s\(|$)", text, re.MULTILINE)
    sentences = re.findall(r"`(bibnorm [^`]+)`", text)
    return {one_line(found) for found in [*commented, *sentences]}


def test_the_readme_and_the_command_pages_have_command_line_examples() -> None:
    assert len(command_examples()) >= 20


def test_every_readme_example_has_its_api_twin() -> None:
    named = twins_named()
    missing = [example for example in command_examples() if example not in named and example not in SERVERS]
    assert missing == []


def test_the_examples_without_a_running_twin_are_still_named_on_the_pages() -> None:
    named = twins_named()
    assert named >= NAMED_WITHOUT_RUNNING
    assert set(command_examples()) >= SERVERS
