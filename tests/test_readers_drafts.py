"""Reading drafts that are not LaTeX: Markdown (pandoc, Quarto, R Markdown, MyST), notebooks, Typst.

The Markdown cases are held to pandoc's own reader where pandoc is installed: the keys
`scan_markdown` finds are the ``Cite`` elements of ``pandoc -t json`` (cross-references apart,
which Quarto resolves before citeproc). The Typst cases are held to Typst's: the keys found are
those Typst cites when compiling with a bibliography holding exactly them.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from bibnorm.readers.drafts import DRAFT_FORMATS, draft_format
from bibnorm.readers.markdown import notebook_markdown, read_markdown, read_notebook, scan_markdown
from bibnorm.readers.typst import read_typst, scan_typst
from paths import FIXTURES

DRAFTS = FIXTURES / "drafts"

# --------------------------------------------------------------------------- pandoc's citations

MARKDOWN = [
    pytest.param("Attention [@vaswani2017].", ["vaswani2017"], id="bracketed"),
    pytest.param("As @vaswani2017 shows.", ["vaswani2017"], id="in-text"),
    pytest.param("Shown [-@vaswani2017].", ["vaswani2017"], id="suppress-author"),
    pytest.param("[see @a, p. 3; also @b, ch. 2]", ["a", "b"], id="prefixes-locators-several"),
    pytest.param(
        "[@arXiv:2106.04560] and @arXiv:2106.04560v2.",
        ["arXiv:2106.04560", "arXiv:2106.04560v2"],
        id="arxiv-key-sentence-dot",
    ),
    pytest.param("[@doi:10.1038/s41586-021-03819-2].", ["doi:10.1038/s41586-021-03819-2"], id="doi-key"),
    pytest.param("@10.1145/3290605.3300233, then", ["10.1145/3290605.3300233"], id="bare-doi-key"),
    pytest.param("[@{https://x.org/a?b=1}] @{f}", ["https://x.org/a?b=1", "f"], id="braced-keys"),
    pytest.param("@h--i @j: @k//l @m/", ["h", "j", "k//l", "m"], id="internal-punctuation-only"),
    pytest.param("Mail someone@example.org or é@x.", [], id="emails"),
    pytest.param("Escaped \\@a, doubled @@b.", ["b"], id="escaped"),
    pytest.param("(@good) An example.\n\nAs (@good) and (see @c).", ["c"], id="numbered-example"),
    pytest.param("As (@good) and (see @c).", ["good", "c"], id="no-such-example"),
    pytest.param("Code `@a` and ``x `@b` y``, not @c.", ["c"], id="inline-code"),
    pytest.param("```python\n@decorator\n```\n\n~~~~\n@x\n~~~~\n@after", ["after"], id="fenced-code"),
    pytest.param("```{r}\nemail <- 'a@b'\n@chunk\n```\n@after", ["after"], id="quarto-rmarkdown-chunk"),
    pytest.param("Text.\n\n    @indented\n\n@after", ["after"], id="indented-code"),
    pytest.param("- item\n\n    @in_the_list continued", ["in_the_list"], id="list-continuation-is-text"),
    pytest.param("<!-- [@hidden]\n@also -->\n@seen", ["seen"], id="html-comment"),
    pytest.param("<https://x.org/@a> [b](https://x.org/@b) @c", ["c"], id="links"),
    pytest.param("_@a_ *@b*", ["a_", "b"], id="emphasis-underscore-is-a-key-character"),
]


def _pandoc_cites(text: str) -> list[str]:
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"], input=text, capture_output=True, text=True, check=True
    )
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Cite":
                found.extend(citation["citationId"] for citation in node["c"][0])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(done.stdout))
    return found


@pytest.mark.parametrize(("text", "keys"), MARKDOWN)
def test_pandoc_citations(text: str, keys: list[str]) -> None:
    assert [key for key, _ in scan_markdown(text).citations] == keys


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize(("text", "keys"), MARKDOWN)
def test_pandoc_reads_the_same_keys(text: str, keys: list[str]) -> None:
    assert _pandoc_cites(text) == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        pytest.param(
            "@fig-plot, @tbl-x, @sec-intro, @eq-1, @thm-a, @fig:pandoc-crossref, @figure",
            ["figure"],
            id="crossrefs",
        ),
    ],
)
def test_cross_references_are_not_citations(text: str, keys: list[str]) -> None:
    assert [key for key, _ in scan_markdown(text).citations] == keys


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        pytest.param("{cite}`a`", ["a"], id="cite"),
        pytest.param("{cite:p}`a, b,c`", ["a", "b", "c"], id="parenthetical-list"),
        pytest.param(
            "{cite:t}`arXiv:2106.04560` and {cite:ps}`doi:10.1/x`",
            ["arXiv:2106.04560", "doi:10.1/x"],
            id="textual-and-starred",
        ),
        pytest.param("```\n{cite}`in_code`\n```\n{cite:p}`seen`", ["seen"], id="not-in-code"),
        pytest.param("{cite:p}`a` and [@b]", ["a", "b"], id="with-pandoc-syntax"),
    ],
)
def test_myst_roles(text: str, keys: list[str]) -> None:
    assert [key for key, _ in scan_markdown(text).citations] == keys


def _commonmark_roles(text: str) -> list[str]:
    """The keys of MyST's roles as CommonMark (markdown-it-py) parses the text: a text ending in
    ``{cite...}`` followed by inline code holding the keys; never in a code block."""
    from markdown_it import MarkdownIt

    keys: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        children = token.children or []
        for before, code in itertools.pairwise(children):
            role = before.type == "text" and re.search(r"\{cite(:[a-z]+)?\}$", before.content)
            if role and code.type == "code_inline":
                keys += [key.strip() for key in code.content.split(",") if key.strip()]
    return keys


ROLE_TEXTS = [
    pytest.param("{cite:p}`a, b` and\n{cite:t}`c`", id="roles"),
    pytest.param("```\n{cite}`in_fence`\n```\n\n    {cite}`indented`\n\n{cite}`after`", id="code-blocks"),
    pytest.param("- item\n\n    {cite}`in_the_item`\n", id="list-continuation"),
    pytest.param("~~~~md\n```\n{cite}`still_fenced`\n~~~~\n{cite}`out`", id="nested-fences"),
    pytest.param(
        "\n\n".join(
            "".join(cell["source"])
            for cell in json.loads((DRAFTS / "myst" / "paper.ipynb").read_text())["cells"]
            if cell["cell_type"] == "markdown"
        ),
        id="the-fixture-notebook",
    ),
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_myst_roles_are_where_commonmark_reads_them(text: str) -> None:
    pytest.importorskip("markdown_it")
    role_keys = [key for key, _ in scan_markdown(re.sub(r"\[-?@[^\]]*\]", "", text)).citations]
    assert role_keys == _commonmark_roles(text)


def test_lines_are_those_of_the_file() -> None:
    text = "---\ntitle: x\n---\n\nOne [@a].\n```\n@b\n```\nTwo @c and\n{cite:p}`d`.\n"
    assert scan_markdown(text).citations == (("a", 5), ("c", 9), ("d", 10))


@pytest.mark.parametrize(
    ("front", "bibliographies", "nocite"),
    [
        pytest.param("bibliography: refs.bib", ("refs.bib",), [], id="one"),
        pytest.param("bibliography:\n  - a.yaml\n  - b.json", ("a.yaml", "b.json"), [], id="a-list"),
        pytest.param("title: x", None, [], id="none"),
        pytest.param("bibliography: [a.bib]\nnocite: |\n  @x, @y", ("a.bib",), ["x", "y"], id="nocite"),
        pytest.param("bibliography: [a.bib\n", None, [], id="unreadable-yaml"),
    ],
)
def test_front_matter(front: str, bibliographies: tuple[str, ...] | None, nocite: list[str]) -> None:
    scan = scan_markdown(f"---\n{front}\n---\nText.\n")
    assert scan.bibliographies == bibliographies
    assert [key for key, _ in scan.citations] == nocite


def test_nocite_star_cites_everything() -> None:
    assert scan_markdown("---\nnocite: '@*'\n---\n").nocite_all


# --------------------------------------------------------------------------- notebooks and project files


def test_notebook_cells_keep_the_lines_of_the_json_file() -> None:
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "See [@a].\n"]},
            {"cell_type": "code", "metadata": {}, "source": ["x = '@not'\n"], "outputs": []},
            {"cell_type": "markdown", "metadata": {}, "source": "One string {cite:p}`b`"},
        ],
        "nbformat": 4,
    }
    text = json.dumps(notebook, indent=1)
    lines = text.splitlines()
    cells = notebook_markdown(text, "n.ipynb")
    assert [source for source, _ in cells] == ["# Title\nSee [@a].\n", "One string {cite:p}`b`"]
    assert [lines[line - 1].strip() for _, line in cells] == [
        '"# Title\\n",',
        '"source": "One string {cite:p}`b`"',
    ]


def test_a_notebook_names_its_bibliography_in_its_first_cell_or_in_myst_yml(tmp_path: Path) -> None:
    (tmp_path / "myst.yml").write_text("project:\n  bibliography: [refs.bib]\n")
    (tmp_path / "sub").mkdir()
    cell = {
        "cell_type": "markdown",
        "metadata": {},
        "source": ["[@a]\n", "\n", "---\n", "bibliography: no.bib\n"],
    }
    (tmp_path / "sub" / "n.ipynb").write_text(json.dumps({"cells": [cell], "nbformat": 4}, indent=1))
    document = read_notebook(tmp_path / "sub" / "n.ipynb")
    assert [(r.name, r.path, r.named_in) for r in document.resources] == [
        ("refs.bib", tmp_path / "refs.bib", tmp_path / "myst.yml")
    ]
    assert [c.key for c in document.citations] == ["a"]
    assert tmp_path / "myst.yml" in document.files  # watched too


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        pytest.param(
            "_quarto.yml", "project:\n  type: book\nbibliography: refs.bib\n", ["refs.bib"], id="quarto"
        ),
        pytest.param(
            "myst.yml", "project:\n  bibliography:\n    - a.bib\n    - b.bib\n", ["a.bib", "b.bib"], id="myst"
        ),
        pytest.param("_config.yml", "bibtex_bibfiles:\n  - refs.bib\n", ["refs.bib"], id="jupyter-book"),
        pytest.param("_quarto.yml", "project:\n  type: default\n", [], id="names-none"),
    ],
)
def test_project_files(tmp_path: Path, name: str, text: str, named: list[str]) -> None:
    (tmp_path / name).write_text(text)
    (tmp_path / "paper.qmd").write_text("[@a]\n")
    assert [r.name for r in read_markdown(tmp_path / "paper.qmd").resources] == named


def test_the_front_matter_wins_over_the_project_file(tmp_path: Path) -> None:
    (tmp_path / "_quarto.yml").write_text("bibliography: project.bib\n")
    (tmp_path / "paper.qmd").write_text("---\nbibliography: own.json\n---\n[@a]\n")
    assert [r.name for r in read_markdown(tmp_path / "paper.qmd").resources] == ["own.json"]


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("paper.tex", "latex"),
        ("paper.aux", "latex"),
        ("paper", "latex"),
        ("paper.md", "markdown"),
        ("paper.qmd", "markdown"),
        ("paper.Rmd", "markdown"),
        ("paper.ipynb", "notebook"),
        ("paper.typ", "typst"),
    ],
)
def test_the_format_is_chosen_by_suffix(name: str, format_name: str) -> None:
    assert draft_format(Path(name)).name == format_name


def test_typst_bibliographies_are_hayagriva_and_the_others_csl_yaml() -> None:
    assert {f.name: f.yaml_format for f in DRAFT_FORMATS} == {
        "latex": "csl-yaml",
        "markdown": "csl-yaml",
        "notebook": "csl-yaml",
        "typst": "hayagriva",
    }


# --------------------------------------------------------------------------- Typst

TYPST = [
    pytest.param("See @vaswani2017.", ["vaswani2017"], id="reference"),
    pytest.param("@arXiv:2106.04560. And @a[p. 3]", ["arXiv:2106.04560", "a"], id="arxiv-key-and-supplement"),
    pytest.param('#cite(<he2016>) #cite(<b>, form: "prose")', ["he2016", "b"], id="cite-label"),
    pytest.param(
        '#cite(label("doi:10.48550/arXiv.2310.19909"))',
        ["doi:10.48550/arXiv.2310.19909"],
        id="cite-label-function-for-a-doi",
    ),
    pytest.param(
        '#set heading(numbering: "1.")\n= Intro <intro>\nSee @intro and @a.',
        ["a"],
        id="cross-reference-to-a-label",
    ),
    pytest.param("// @comment\n/* @block /* @nested */ @still */ @a", ["a"], id="comments"),
    pytest.param("`@raw` and\n```\n@block\n```\n@a", ["a"], id="raw"),
    pytest.param("someone\\@example.org https://x.org/a // @comment\n@a", ["a"], id="escape-url-comment"),
    # glued to the word before it, as Typst's lexer reads it (github:AU-Master-Thesis/thesis cites so)
    pytest.param(
        "Swarm robotics@li2023potato scales, as in 1998@original-rrt and @alg@sampling.",
        ["li2023potato", "original-rrt", "alg", "sampling"],
        id="glued-to-a-word",
    ),
    # an "@" in a string of code is text: a field's, a link's; in prose's quotation marks, a citation
    pytest.param(
        '#let author = (name: "Ada", email: "ada@example.org")\n'
        '#link("mailto:ada@example.org")[mail] @a, as "said @b"',
        ["a", "b"],
        id="strings-of-code",
    ),
    pytest.param("See https://mastodon.social/@someone and @a.", ["a"], id="a-links-path"),
]


@pytest.mark.parametrize(("text", "keys"), TYPST)
def test_typst_citations(text: str, keys: list[str]) -> None:
    assert [key for key, _ in scan_typst(text).citations] == keys


@pytest.mark.parametrize(("text", "keys"), TYPST)
def test_typst_cites_the_same_keys(tmp_path: Path, text: str, keys: list[str]) -> None:
    typst = pytest.importorskip("typst")
    entries = "".join(f'"{key}":\n  type: misc\n  title: T\n' for key in keys)
    (tmp_path / "refs.yml").write_text(entries or "{}\n")
    (tmp_path / "d.typ").write_text(text + '\n#bibliography("refs.yml")\n')
    cited = json.loads(typst.query(str(tmp_path / "d.typ"), "cite"))
    assert [
        c["key"].removeprefix("<").removesuffix(">").removeprefix('label("').removesuffix('")') for c in cited
    ] == keys


def test_a_typst_template_s_package_import_cites_nothing() -> None:
    # the first line of Typst's own templates (typst/templates: charged-ieee), which compiling here
    # would download: the package's name in the import's string is no key
    text = '#import "@preview/charged-ieee:0.1.0": ieee\n#show: ieee.with(title: [A])\nSee @a.'
    assert [key for key, _ in scan_typst(text).citations] == ["a"]


def test_typst_bibliography_files(tmp_path: Path) -> None:
    text = '#bibliography(("refs.yml", "more.bib"), style: "apa")\n@a\n'
    assert scan_typst(text).bibliographies == ("refs.yml", "more.bib")
    (tmp_path / "p.typ").write_text(text)
    document = read_typst(tmp_path / "p.typ")
    assert [(c.key, [o.line for o in c.origins]) for c in document.citations] == [("a", [2])]
    assert document.bibliographies == (tmp_path / "refs.yml", tmp_path / "more.bib")


def test_typst_includes_are_followed_inside_the_draft_folder(tmp_path: Path) -> None:
    (tmp_path / "ch").mkdir()
    (tmp_path / "paper.typ").write_text(
        '#include "ch/one.typ"\nSee @method and @a.\n#include "../outside.typ"\n#include "gone.typ"\n'
    )
    (tmp_path / "ch" / "one.typ").write_text(
        '= Method <method>\nAs @b shows.\n#include "../paper.typ"\n#bibliography("refs.yml")\n'
    )
    document = read_typst(tmp_path / "paper.typ")
    assert [(c.key, [(Path(o.path).name, o.line) for o in c.origins]) for c in document.citations] == [
        ("a", [("paper.typ", 2)]),  # @method is the chapter's label: a cross-reference
        ("b", [("one.typ", 2)]),  # an included file's citations come after its includer's
    ]
    assert [(r.name, r.path) for r in document.resources] == [("ch/refs.yml", tmp_path / "ch" / "refs.yml")]
    assert document.files == (tmp_path / "paper.typ", tmp_path / "ch" / "one.typ")
    assert [w.split(": ", 1)[1] for w in document.warnings] == [
        "not following #include '../outside.typ': outside the draft's folder",
        "cannot find included file 'gone.typ'",
    ]


def test_works_the_front_matter_defines_are_cited_from_no_file() -> None:
    # pandoc's manual, "Specifying bibliographic data": a `references` list in the metadata
    text = (
        "---\ntitle: Inline refs\nreferences:\n- type: article-journal\n  id: WatsonCrick1953\n"
        "  author:\n  - family: Watson\n    given: J. D.\n  title: 'Molecular structure of nucleic acids'\n"
        "  issued:\n    date-parts:\n    - - 1953\n---\n"
        "As shown by @WatsonCrick1953 and [@arXiv:2106.04560].\n"
    )
    scan = scan_markdown(text)
    assert [key for key, _ in scan.citations] == ["arXiv:2106.04560"]
    assert scan.defined == frozenset({"WatsonCrick1953"})


def test_quarto_includes_are_followed_inside_the_draft_folder(tmp_path: Path) -> None:
    # Quarto's shortcode, as a book's index.qmd holds its chapters (github:TomBener/quarto-chinese)
    (tmp_path / "ch").mkdir()
    (tmp_path / "index.qmd").write_text(
        "---\nbibliography: refs.bib\n---\n\n{{< include ch/_intro.qmd >}}\nSee [@a].\n"
        "{{< include ../outside.qmd >}}\n{{< include gone.qmd >}}\n"
    )
    (tmp_path / "ch" / "_intro.qmd").write_text(
        "Intro [@b; @a].\n{{< include _nested.qmd >}}\n{{< include ../index.qmd >}}\n"
    )
    (tmp_path / "ch" / "_nested.qmd").write_text("```\n@not-in-code\n```\nAs @c shows.\n")
    document = read_markdown(tmp_path / "index.qmd")
    assert [(c.key, [(Path(o.path).name, o.line) for o in c.origins]) for c in document.citations] == [
        ("a", [("index.qmd", 6), ("_intro.qmd", 1)]),
        ("b", [("_intro.qmd", 1)]),
        ("c", [("_nested.qmd", 4)]),
    ]
    assert document.files == (
        tmp_path / "index.qmd",
        tmp_path / "ch" / "_intro.qmd",
        tmp_path / "ch" / "_nested.qmd",
    )
    assert [(r.name, r.path) for r in document.resources] == [("refs.bib", tmp_path / "refs.bib")]
    assert [w.split(": ", 1)[1] for w in document.warnings] == [
        "not following include '../outside.qmd': outside the draft's folder",
        "cannot find included file 'gone.qmd'",
    ]


# --------------------------------------------------------------------------- hostile text

ADVERSARIAL = [
    pytest.param("@" * 100_000, id="at-signs"),
    pytest.param("`" * 50_001 + "a`b" * 20_000, id="backtick-runs"),
    pytest.param("<!--" * 40_000, id="open-comments"),
    pytest.param("@{" + "a" * 100_000, id="open-braced-key"),
    pytest.param("{cite:p}`" * 20_000, id="open-roles"),
    pytest.param("@a." * 40_000 + "-" * 100_000, id="punctuation"),
    pytest.param("[" * 50_000 + "@a;" * 30_000, id="brackets"),
    pytest.param("<a:" * 40_000, id="open-autolinks"),
    pytest.param("/*" * 50_000 + "//" * 50_000, id="open-typst-comments"),
    pytest.param("#cite(<" * 30_000 + "#bibliography((" * 10_000, id="open-typst-calls"),
    pytest.param("{{< include " * 30_000 + "a" * 100_000, id="open-quarto-includes"),
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_long_hostile_text_is_read_in_linear_time(text: str) -> None:
    started = time.thread_time()  # CPU time: a loaded machine's waits are no slowness of the reader's
    scan_markdown(text)
    scan_typst(text)
    assert time.thread_time() - started < 1.5
