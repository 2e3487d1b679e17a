"""The README is the front page and the manual is in docs/: the README stays short, and every link
it has leads to a file of the repository (the manual's own links are checked by its build,
`mkdocs build --strict`, in the tox env ``docs``; the README is outside that build).
"""

from __future__ import annotations

import re

import pytest
from paths import ROOT

README = ROOT / "README.md"
# [text](target): the target up to a closing parenthesis or a space (a title may follow).
LINK = re.compile(r"\]\(([^)\s]+)")
FRONT_PAGE_LINES = 250


def relative_links(text: str) -> list[str]:
    """The README's links into the repository: no scheme, no bare anchor, the anchor cut off."""
    targets = LINK.findall(text)
    return [
        target.split("#", 1)[0] for target in targets if "://" not in target and not target.startswith("#")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[a](docs/a.md) [b](https://x.org/b)", ["docs/a.md"], id="a-url-is-not-a-file"),
        pytest.param("[a](docs/a.md#part) [b](#top)", ["docs/a.md"], id="anchors-cut-or-skipped"),
        pytest.param('[a](LICENSE "the licence")', ["LICENSE"], id="a-title-after-the-target"),
    ],
)
def test_relative_links_are_the_files_a_link_names(text: str, expected: list[str]) -> None:
    assert relative_links(text) == expected


def test_the_readme_is_a_front_page_not_the_manual() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= FRONT_PAGE_LINES, "move the detail into a page of docs/ and link to it"


def test_every_link_of_the_readme_leads_to_a_file_of_the_repository() -> None:
    links = relative_links(README.read_text(encoding="utf-8"))
    assert len(links) >= 15  # the manual's pages, the licence, the changelog
    assert [link for link in links if not (ROOT / link).exists()] == []
