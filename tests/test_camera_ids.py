"""Camera-ready, round three: each DOI and arXiv id printed once per entry.

An audit typeset the default output and found the same DOI three times in plainnat and
splncs04, twice in IEEEtran and ACM-Reference-Format, "arXiv:ID [cs.CV]" twice in ACM,
the arXiv id three ways in splncs04 and biblatex, and "(No. 1910.04867)" beside the arXiv
DOI in APA. With ``--bst STYLE`` the BibTeX output carries each identifier in the fields
that style prints, once; biblatex and CSL output do so for their standard styles.

BibTeX styles are run by real ``bibtex`` and their ``.bbl`` read (what the style prints,
LaTeX markup aside); biblatex and APA are typeset by biber+pdflatex and pandoc and their
text read back.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import pytest
from bibnorm.cli import main
from bibnorm.config import Settings
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.writers import WriterOptions, get_writer
from click.testing import CliRunner
from clients import flat, need, run, typeset_biblatex
from paths import FIXTURES
from test_writer_styles import PREPRINT
from test_writer_styles import PUBLISHED as PAPER

# arXiv's LoRA preprint, a proceedings paper with its preprint's id, a journal paper without one.
ARTICLE = Reference(
    title="Deep Residual Learning",
    authors=(Person(given="Kaiming", family="He"),),
    issued=PartialDate(year=2016),
    entry_type="article",
    venue="Journal of Testing",
    volume="3",
    pages="1--9",
    ids=Identifiers(doi="10.5555/bibnorm-test.resnet"),
)
REFERENCES = [("pre", PREPRINT), ("pap", PAPER), ("art", ARTICLE)]
# A NeurIPS paper: no DOI, its proceedings page and its preprint; a CVPR paper whose record's URL is
# its arXiv page; a journal paper whose record's URL is its DOI's link.
NEURIPS_URL = "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6-Abstract.html"
NEURIPS = Reference(
    title="Language Models are Few-Shot Learners",
    authors=(Person(given="Tom", family="Brown"),),
    issued=PartialDate(year=2020),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    volume="33",
    pages="1877--1901",
    url=NEURIPS_URL,
    primary_class="cs.CL",
    ids=Identifiers(arxiv_id="2005.14165"),
)
CVPR = Reference(
    title="Scaling Vision Transformers",
    authors=(Person(given="Xiaohua", family="Zhai"),),
    issued=PartialDate(year=2022),
    entry_type="inproceedings",
    venue="IEEE/CVF Conference on Computer Vision and Pattern Recognition",
    pages="1204--1213",
    url="https://arxiv.org/abs/2106.04560",
    primary_class="cs.CV",
    ids=Identifiers(doi="10.1109/CVPR52688.2022.01179", arxiv_id="2106.04560"),
)
LINKED = ARTICLE.model_copy(
    update={
        "title": "Identity Mappings",
        "url": "https://doi.org/10.5555/bibnorm-test.identity",
        "ids": Identifiers(doi="10.5555/bibnorm-test.identity"),
    }
)
KINDS = [*REFERENCES, ("neu", NEURIPS), ("cvpr", CVPR), ("lin", LINKED)]
# What each entry must print exactly once: the id a reader finds it by (and a URL of its own).
ONCE = {
    "pre": ("2106.09685",),
    "pap": ("10.1007/11880561_13",),
    "art": ("10.5555/bibnorm-test.resnet",),
    "neu": ("2005.14165",),
    "cvpr": ("10.1109/CVPR52688.2022.01179",),
    "lin": ("10.5555/bibnorm-test.identity",),
}
# Printed at most once: a published paper's preprint, which a style that prints eprint shows.
AT_MOST_ONCE = {"pap": ("0601001",), "cvpr": ("2106.04560",)}
TEN_BST = (
    "plain",
    "abbrv",
    "plainnat",
    "unsrtnat",
    "IEEEtran",
    "splncs04",
    "ACM-Reference-Format",
    "apalike",
)

PREPRINT_ID = "2106.09685"
PAPER_DOI = "10.1007/11880561_13"
ARTICLE_DOI = "10.5555/bibnorm-test.resnet"


def _bbl_items(folder: Path, bib: str, style: str) -> dict[str, str]:
    """Each entry's text in the .bbl ``style`` makes of ``bib``, LaTeX escapes undone."""
    need("bibtex")
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.aux").write_text(f"\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n", "utf-8")
    result = run(["bibtex", "doc"], folder)
    assert result.returncode == 0, result.stdout
    bbl = (folder / "doc.bbl").read_text("utf-8")
    body = "\n".join(line for line in bbl.splitlines() if not line.lstrip().startswith("%"))
    items = re.split(r"\\bibitem(?:\[[^\]]*\]%?\s*)?\s*\{(\w+)\}", body.replace("\\_", "_"))
    return dict(zip(items[1::2], items[2::2], strict=True))


@pytest.mark.clients
@pytest.mark.parametrize(
    "style",
    [
        pytest.param("plain", id="plain"),
        pytest.param("abbrv", id="abbrv"),
        pytest.param("plainnat", id="plainnat"),
        pytest.param("unsrtnat", id="unsrtnat"),
        pytest.param("IEEEtran", id="IEEEtran"),
        pytest.param("splncs04", id="splncs04"),
        pytest.param("ACM-Reference-Format", id="acm"),
    ],
)
def test_each_bst_prints_each_doi_and_the_preprints_id_once(tmp_path: Path, style: str) -> None:
    bib = get_writer("bibtex").write(REFERENCES, WriterOptions(bst=style))  # type: ignore[arg-type]
    items = _bbl_items(tmp_path, bib, style)
    assert items["pre"].count(PREPRINT_ID) == 1, items["pre"]
    assert items["pap"].count(PAPER_DOI) == 1, items["pap"]
    assert items["pap"].count("0601001") <= 1, items["pap"]  # the preprint's id, where the style prints it
    assert items["art"].count(ARTICLE_DOI) == 1, items["art"]


@pytest.mark.clients
@pytest.mark.parametrize("preset", ["arxiv", "dblp", "google-scholar"])
@pytest.mark.parametrize("style", ["plain", "plainnat", "IEEEtran", "splncs04", "ACM-Reference-Format"])
def test_every_preset_shows_each_id_once_in_the_named_style(tmp_path: Path, preset: str, style: str) -> None:
    # An export's layout keeps its fields; with --bst the style's repeats go and an id the
    # layout would not show (dblp's DOI in plain, Scholar's anywhere) goes in the note.
    options = WriterOptions(style=preset, bst=style)  # type: ignore[arg-type]
    items = _bbl_items(tmp_path, get_writer("bibtex").write(REFERENCES, options), style)
    assert items["pre"].count(PREPRINT_ID) == 1, items["pre"]
    assert items["pap"].count(PAPER_DOI) == 1, items["pap"]
    assert items["art"].count(ARTICLE_DOI) == 1, items["art"]


@pytest.mark.parametrize(
    ("style", "kept", "left_out"),
    [
        pytest.param("plain", {"note", "doi", "howpublished"}, set(), id="plain-note"),
        pytest.param("plainnat", {"doi", "howpublished"}, {"note"}, id="natbib-doi"),
        pytest.param("IEEEtran", {"url", "howpublished"}, {"note"}, id="ieeetran-url"),
        pytest.param("ACM-Reference-Format", {"eprint", "doi"}, {"note", "howpublished"}, id="acm-eprint"),
    ],
)
def test_the_bst_decides_which_fields_carry_the_ids(style: str, kept: set[str], left_out: set[str]) -> None:
    bib = get_writer("bibtex").write(REFERENCES, WriterOptions(bst=style))  # type: ignore[arg-type]
    names = set(re.findall(r"^\s+(\w+)\s*=", bib, re.MULTILINE))
    assert kept <= names and not (left_out & names)


def test_the_bst_comes_from_the_settings() -> None:
    assert WriterOptions.from_settings(Settings(bst="IEEEtran")).bst == "IEEEtran"
    assert WriterOptions.from_settings(Settings()).bst is None


@pytest.mark.clients
def test_biblatex_prints_each_id_once(tmp_path: Path) -> None:
    text = typeset_biblatex(tmp_path, get_writer("biblatex").write(REFERENCES, WriterOptions()), "numeric")
    for identifier in (PREPRINT_ID, PAPER_DOI, "0601001", ARTICLE_DOI):
        assert text.count(flat(identifier)) == 1, (identifier, text)


@pytest.mark.clients
def test_pandoc_apa_prints_each_id_once(tmp_path: Path) -> None:
    need("pandoc")
    (tmp_path / "refs.json").write_text(get_writer("csl-json").write(REFERENCES, WriterOptions()), "utf-8")
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    csl = FIXTURES / "csl" / "styles" / "apa.csl"
    args = ["pandoc", "--citeproc", "--bibliography", "refs.json", "--csl", str(csl), "--wrap=none"]
    result = run([*args, "-t", "plain", "doc.md"], tmp_path)
    assert result.returncode == 0, result.stderr
    for identifier in (PREPRINT_ID, PAPER_DOI, ARTICLE_DOI):
        assert result.stdout.count(identifier) == 1, (identifier, result.stdout)
    assert "(No." not in result.stdout


def test_an_unknown_bst_is_a_usage_error(tmp_path: Path) -> None:
    titles = tmp_path / "titles.txt"
    titles.write_text("Attention Is All You Need\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", str(titles), "--bst", "fancy"])
    assert result.exit_code == 2 and "'fancy' is not one of" in result.output


@pytest.fixture(scope="module")
def default_bibtex() -> str:
    """The BibTeX writer's default output (no --bst, no --doi-link) for every kind of entry."""
    return get_writer("bibtex").write(KINDS, WriterOptions())


@pytest.mark.clients
@pytest.mark.parametrize("style", [pytest.param(style, id=style) for style in TEN_BST])
def test_the_default_prints_each_id_once_in_every_common_bst(
    tmp_path: Path, default_bibtex: str, style: str
) -> None:
    items = _bbl_items(tmp_path, default_bibtex, style)
    for key, ids in ONCE.items():
        for identifier in ids:
            assert items[key].count(identifier) == 1, (style, key, items[key])
    for key, ids in AT_MOST_ONCE.items():
        for identifier in ids:
            assert items[key].count(identifier) <= 1, (style, key, items[key])


@pytest.mark.parametrize(
    ("key", "kept", "left_out"),
    [
        pytest.param(
            "pre", {"howpublished"}, {"eprint", "archiveprefix", "doi", "url", "note"}, id="preprint"
        ),
        pytest.param("cvpr", {"note", "eprint", "archiveprefix"}, {"doi", "url"}, id="doi-and-preprint"),
        pytest.param("neu", {"note", "url"}, {"eprint", "archiveprefix", "primaryclass", "doi"}, id="no-doi"),
        pytest.param("lin", {"note"}, {"doi", "url"}, id="url-of-the-doi"),
    ],
)
def test_the_default_keeps_the_fields_every_style_prints(
    default_bibtex: str, key: str, kept: set[str], left_out: set[str]
) -> None:
    entry = next(e for e in bibtexparser.parse_string(default_bibtex).entries if e.key == key)
    names = {f.key.casefold() for f in entry.fields}
    assert kept <= names and not (left_out & names), names


def test_the_default_notes_say_doi_or_arxiv(default_bibtex: str) -> None:
    entries = {e.key: e for e in bibtexparser.parse_string(default_bibtex).entries}
    assert entries["cvpr"]["note"] == "doi: 10.1109/CVPR52688.2022.01179"
    assert entries["neu"]["note"] == "arXiv:2005.14165 [cs.CL]"
    assert entries["neu"]["url"] == NEURIPS_URL


@pytest.mark.clients
@pytest.mark.parametrize(
    ("writer", "style"),
    [
        pytest.param("biblatex", "numeric", id="biblatex-numeric"),
        pytest.param("biblatex", "authoryear", id="biblatex-authoryear"),
        pytest.param("bibtex", "numeric", id="bibtex-file-under-biber"),
    ],
)
def test_biblatex_styles_print_each_id_once_by_default(tmp_path: Path, writer: str, style: str) -> None:
    page = typeset_biblatex(tmp_path, get_writer(writer).write(KINDS, WriterOptions()), style)
    # (pdftotext reads the "\_" of a note in pdfLaTeX's default font as nothing.)
    text = page.replace("_", "")
    for ids in ONCE.values():
        for identifier in ids:
            assert text.count(flat(identifier).replace("_", "")) == 1, (identifier, page)
    for ids in AT_MOST_ONCE.values():
        for identifier in ids:
            assert text.count(flat(identifier).replace("_", "")) <= 1, (identifier, page)
