"""Specification of the CSL YAML writer (bibnorm.writers.csl_yaml), and pandoc reading it.

The items are the CSL-JSON writer's; what pandoc reads back from the YAML (``pandoc -t csljson``)
is those items again, and ``pandoc --citeproc`` renders them. Tests that need pandoc skip,
saying so, when it is not installed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.csl_json import csl_items
from bibnorm.writers.csl_yaml import csl_yaml_items, markdown_text
from clients import need, run
from paths import REFERENCE
from records import HAZARD, JOURNAL_ARTICLE, POINCARE, PUBLISHED

CSL_YAML = get_writer("csl-yaml")
REFERENCES = [
    ("poincare", POINCARE),
    ("article", JOURNAL_ARTICLE),
    ("published", PUBLISHED),
    ("hazard", HAZARD),
]


def test_items_are_the_csl_json_items_when_nothing_needs_escaping() -> None:
    plain = [("article", JOURNAL_ARTICLE), ("published", PUBLISHED)]
    assert csl_yaml_items(plain) == csl_items(plain)


def test_document_is_the_csl_json_array_under_references() -> None:
    text = CSL_YAML.write([("article", JOURNAL_ARTICLE)], WriterOptions())
    assert text.startswith("---\nreferences:\n- id: article\n  citation-key: article\n")
    assert text.endswith("\n...\n")
    csl_json = get_writer("csl-json").write([("article", JOURNAL_ARTICLE)], WriterOptions())
    assert yaml.safe_load(text) == {
        "references": json.loads(csl_json)
    }  # the items: tests/test_writers_csl.py


@pytest.mark.parametrize(
    ("csl", "markdown"),
    [
        pytest.param("Plain words", "Plain words", id="plain"),
        pytest.param(
            "a*b_c [d] `e` @f ~g ^h $5 #1 \\",
            "a\\*b\\_c \\[d\\] \\`e\\` \\@f \\~g \\^h \\$5 \\#1 \\\\",
            id="specials",
        ),
        pytest.param("<i>O</i>(<i>n</i><sup>2</sup>)", "*O*(*n*^2^)", id="rich-text"),
        pytest.param("x<sub>i j</sub> and <b>bold</b>", "x~i\\ j~ and **bold**", id="spaces-in-scripts"),
        pytest.param('<span class="nocase">N2N</span> [x]', "[N2N]{.nocase} \\[x\\]", id="case-protected"),
        pytest.param("- dash", "\\- dash", id="list-marker"),
        pytest.param("1. First", "1\\. First", id="numbered-list-marker"),
        pytest.param("1.5 million", "1.5 million", id="number-not-a-list"),
    ],
)
def test_markdown_text(csl: str, markdown: str) -> None:
    assert markdown_text(csl) == markdown


@pytest.mark.parametrize(
    ("title", "written"),
    [
        pytest.param("no", '"no"', id="yaml-false"),
        pytest.param("n", '"n"', id="yaml-1.1-letter-false"),
        pytest.param("y", '"y"', id="yaml-1.1-letter-true"),
        pytest.param("1e5", '"1e5"', id="yaml-1.2-float"),
        pytest.param("2023-03-14", '"2023-03-14"', id="yaml-date"),
        pytest.param("key: value", '"key: value"', id="colon"),
    ],
)
def test_yaml_special_titles_are_quoted(title: str, written: str) -> None:
    text = CSL_YAML.write([("k", Reference(title=title, entry_type="misc"))], WriterOptions())
    assert f"  title: {written}\n" in text.replace("'", '"')
    assert yaml.safe_load(text)["references"][0]["title"] == title


# ---------------------------------------------------------------------------------------------
# pandoc reads it.


def pandoc(folder: Path, *args: str) -> str:
    need("pandoc")
    (folder / "refs.yaml").write_text(CSL_YAML.write(REFERENCES, WriterOptions()), encoding="utf-8")
    result = run(["pandoc", *args], folder, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.mark.clients
def test_pandoc_reads_back_the_csl_json_items(tmp_path: Path) -> None:
    read = json.loads(pandoc(tmp_path, "-f", "markdown", "-t", "csljson", "refs.yaml"))
    csl_json = json.loads(get_writer("csl-json").write(REFERENCES, WriterOptions()))
    written = {item["id"]: item for item in csl_json}
    assert [item["id"] for item in read] == list(written)
    for item in read:
        for field in (
            "type",
            "author",
            "issued",
            "container-title",
            "DOI",
            "URL",
            "publisher",
            "page",
            "number",
        ):
            assert item.get(field) == written[item["id"]].get(field), (item["id"], field)
    titles = {item["id"]: item["title"] for item in read}
    assert titles["hazard"] == (
        "R&D at 50% of #1 with a_b: PanGu-π, ΔNeRF and <i>O</i>(<i>N</i> log <i>N</i>)"
        " — “Quoted” {Braces} ~ ^ \\ $5"
    )
    assert titles["poincare"] == "Poincaré ResNet"


@pytest.mark.clients
def test_pandoc_citeproc_renders_titles_and_authors(tmp_path: Path) -> None:
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    page = pandoc(
        tmp_path, "--citeproc", "--bibliography", "refs.yaml", "--wrap=none", "-t", "plain", "doc.md"
    )
    for expected in (
        "Spengler, Max van",  # Chicago demotes the non-dropping particle when inverted
        "Martin Luther King Jr.",
        "Poincaré ResNet",
        "Soljačić, Marin",
        "Multi-Symmetry Ensembles",
        "Journal of Machine Learning Research",
        "Attention Is All You Need",
        "Kaiser, Łukasz",
        "AI & Society Lab",
        "R&D at 50% of #1 with a_b: PanGu-π, ΔNeRF and O(N log N)",
        "https://doi.org/10.48550/arXiv.2303.14027",
    ):
        assert expected in page, expected


# ---------------------------------------------------------------------------------------------
# Held to the real shape: a Better BibTeX "Better CSL YAML" export and pandoc's own regression
# tests (shared/reference/formats/csl-yaml-and-ris, see its PROVENANCE.md), read by pandoc.

CSL_SAMPLES = REFERENCE / "formats" / "csl-yaml-and-ris"
# BBT's export of Page 2013 (bbt-better-csl-yaml-biodigi_2022-references.yaml), as a Reference.
PAGE_2013 = Reference(
    title="BioNames: linking taxonomy, texts, and trees",
    authors=(Person(given="Roderic D.M.", family="Page"),),
    issued=PartialDate(year=2013, month=10, day=29),
    entry_type="article",
    venue="PeerJ",
    volume="1",
    pages="e190",
    url="https://peerj.com/articles/190",
    ids=Identifiers(doi="10.7717/peerj.190"),
)
# pandoc's test/command/biblatex-baez-article.md: the arXiv paper math/0307200v3 as an article.
BAEZ_ARTICLE = Reference(
    title="Higher-dimensional algebra V: 2-groups",
    authors=(Person(given="John C.", family="Baez"), Person(given="Aaron D.", family="Lauda")),
    issued=PartialDate(year=2004),
    entry_type="article",
    venue="Theory and Applications of Categories",
    volume="12",
    pages="423--491",
    ids=Identifiers(arxiv_id="math/0307200", arxiv_version=3),
)


def pandoc_reads(folder: Path, name: str, text: str) -> list[dict[str, Any]]:
    """What pandoc reads from a CSL YAML file (``pandoc -f markdown -t csljson``)."""
    need("pandoc")
    (folder / name).write_text(text, encoding="utf-8")
    result = run(["pandoc", "-f", "markdown", "-t", "csljson", name], folder, timeout=60)
    assert result.returncode == 0, result.stderr
    items: list[dict[str, Any]] = json.loads(result.stdout)
    return items


def pandoc_test_output(name: str) -> str:
    """The CSL YAML pandoc's regression test expects (the part after ``^D``)."""
    text = (CSL_SAMPLES / name).read_text(encoding="utf-8")
    return text.split("^D\n", 1)[1].rsplit("```", 1)[0]


@pytest.mark.clients
def test_pandoc_reads_bibnorms_item_as_it_reads_better_bibtexs(tmp_path: Path) -> None:
    real = (CSL_SAMPLES / "bbt-better-csl-yaml-biodigi_2022-references.yaml").read_text(encoding="utf-8")
    theirs = {i["id"]: i for i in pandoc_reads(tmp_path, "bbt.yaml", "---\n" + real + "...\n")}["Page2013"]
    (ours,) = pandoc_reads(tmp_path, "ours.yaml", CSL_YAML.write([("Page2013", PAGE_2013)], WriterOptions()))
    assert set(ours) - set(theirs) == set()  # every variable bibnorm writes, BBT writes too
    shared = ["type", "title", "author", "issued", "container-title", "volume", "page", "DOI", "URL"]
    assert {v: ours[v] for v in shared} == {v: theirs[v] for v in shared}


@pytest.mark.clients
def test_an_arxiv_eprint_is_a_url_as_pandoc_writes_it(tmp_path: Path) -> None:
    (expected, *_) = yaml.safe_load_all(pandoc_test_output("pandoc-test-command-biblatex-baez-article.md"))
    (theirs,) = expected["references"]
    assert theirs["url"] == "https://arxiv.org/abs/math/0307200v3"
    (ours,) = pandoc_reads(
        tmp_path, "ours.yaml", CSL_YAML.write([("baez-article", BAEZ_ARTICLE)], WriterOptions())
    )
    (read,) = pandoc_reads(
        tmp_path, "pandoc.yaml", pandoc_test_output("pandoc-test-command-biblatex-baez-article.md")
    )
    assert ours["URL"].startswith("https://arxiv.org/abs/math/0307200")
    shared = ["type", "author", "issued", "container-title", "volume", "page"]
    assert {v: ours[v] for v in shared} == {v: read[v] for v in shared}
    assert ours["title"].casefold() == read["title"].casefold()


def test_the_document_has_the_manuals_shape() -> None:
    """pandoc's manual: a YAML document, ``references:`` a list of CSL items with ``id``."""
    text = CSL_YAML.write([("Page2013", PAGE_2013)], WriterOptions())
    assert text.startswith("---\nreferences:\n- id: Page2013\n") and text.endswith("\n...\n")
    (item,) = yaml.safe_load(text.removesuffix("...\n"))["references"]
    assert item["issued"] == {"date-parts": [[2013, 10, 29]]}  # the manual's own date form


@pytest.mark.clients
def test_pandoc_reads_a_given_name_that_yaml_1_1_calls_a_boolean_as_the_name(tmp_path: Path) -> None:
    # "Christlieb, N" and "Demets, Y" (astronomy's initials-only names): unquoted, pandoc read
    # false and true and printed "Christlieb" and "Demets"
    authors = (Person(family="Christlieb", given="N"), Person(family="Demets", given="Y"))
    reference = Reference(
        title="The Hamburg/ESO R-process Enhanced Star survey", authors=authors, entry_type="misc"
    )
    need("pandoc")
    (tmp_path / "refs.yaml").write_text(CSL_YAML.write([("k", reference)], WriterOptions()), encoding="utf-8")
    result = run(["pandoc", "-f", "markdown", "-t", "csljson", "refs.yaml"], tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    assert item["author"] == [{"family": "Christlieb", "given": "N"}, {"family": "Demets", "given": "Y"}]
