"""``fix --bst`` and ``format --bst``: an existing file's DOIs and arXiv ids where the named
BibTeX style prints each exactly once (`bibnorm.api.bst`).

A file bibnorm wrote without ``--bst`` (its default puts a DOI in ``note`` alone, which every
style prints; ``--doi-link url+note``, the default before, shows it three times in plainnat), and
entries as users paste them from arXiv's and Google Scholar's exports, are rewritten for each
style, run through real ``bibtex`` and each entry's ``.bbl`` text read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from bibnorm.api.bst import entry_for_style
from bibnorm.api.fixing import fix
from bibnorm.api.formatting import format
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.cli import main
from bibnorm.config import Settings
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.bibtex_styles import BST_FAMILIES
from click.testing import CliRunner
from fakes.servers import running_fakes
from records import PUBLISHED as NO_DOI  # the NeurIPS 2017 paper: an arXiv id, no DOI
from test_camera_ids import ARTICLE_DOI, PAPER_DOI, PREPRINT_ID, REFERENCES, _bbl_items

# As users paste them: arXiv's "Export BibTeX Citation" and Google Scholar's "Cite → BibTeX".
PASTED = """\
@misc{arxivexport,
  title={Visual Instruction Tuning},
  author={Haotian Liu and Chunyuan Li and Qingyang Wu and Yong Jae Lee},
  year={2023},
  eprint={2304.08485},
  archivePrefix={arXiv},
  primaryClass={cs.CV},
  url={https://arxiv.org/abs/2304.08485},
}

@article{scholar,
  title={Language models are few-shot learners},
  author={Brown, Tom and Mann, Benjamin},
  journal={arXiv preprint arXiv:2005.14165},
  year={2020}
}

@misc{zoteroarxiv,
	title = {Grounding {LLMs} {For} {Robot} {Task} {Planning}},
	url = {http://arxiv.org/abs/2402.08546},
	doi = {10.48550/arXiv.2402.08546},
	publisher = {arXiv},
	author = {Bhat, Vineet and Kaypak, Ali Umut},
	year = {2024},
	note = {arXiv:2402.08546 [cs]},
}

@misc{zenodo,
  author       = {Ian Czekala},
  title        = {iancze/MPoL: Base version},
  publisher    = {Zenodo},
  year         = 2019,
  doi          = {10.5281/zenodo.3594082},
  url          = {https://doi.org/10.5281/zenodo.3594082}
}
"""
# (and Zotero's export of an arXiv paper, and Zenodo's of its record: @misc, whose doi the natbib
# styles do not print)
STYLES = ("plain", "abbrv", "plainnat", "unsrtnat", "IEEEtran", "splncs04", "ACM-Reference-Format")


def default_output() -> str:
    """What ``resolve`` writes without --bst: a DOI in note, a preprint's id in howpublished."""
    return get_writer("bibtex").write(REFERENCES, WriterOptions())


def linked_output() -> str:
    """What ``resolve --doi-link url+note`` writes (and bibnorm wrote by default before): the DOI
    in doi, url and note."""
    return get_writer("bibtex").write(REFERENCES, WriterOptions(doi_link="url+note"))


@pytest.mark.clients
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("written", [default_output, linked_output], ids=["default", "url+note"])
def test_format_bst_prints_each_id_once_in_that_style(
    tmp_path: Path, style: str, written: Callable[[], str]
) -> None:
    text = format(written() + "\n" + PASTED, Settings(bst=style)).text
    items = _bbl_items(tmp_path, text, style)
    assert items["pre"].count(PREPRINT_ID) == 1, items["pre"]
    assert items["pap"].count(PAPER_DOI) == 1, items["pap"]
    assert items["art"].count(ARTICLE_DOI) == 1, items["art"]
    assert items["arxivexport"].count("2304.08485") == 1, items["arxivexport"]
    assert items["scholar"].count("2005.14165") == 1, items["scholar"]
    assert items["zoteroarxiv"].count("2402.08546") == 1, items["zoteroarxiv"]
    assert items["zenodo"].count("3594082") == 1, items["zenodo"]


@pytest.mark.clients
@pytest.mark.parametrize("style", ["plain", "plainnat", "IEEEtran"])
def test_fix_bst_prints_each_id_once_in_that_style(tmp_path: Path, style: str) -> None:
    (tmp_path / "refs.bib").write_text(default_output(), encoding="utf-8")
    (fixed,) = fix([str(tmp_path / "refs.bib")], Settings(bst=style))
    items = _bbl_items(tmp_path, fixed.text, style)
    assert items["pap"].count(PAPER_DOI) == 1, items["pap"]
    assert items["art"].count(ARTICLE_DOI) == 1, items["art"]


def fields_of(text: str, style: str) -> dict[str, str]:
    (entry,) = parse_bibtex(text).entries
    written = entry_for_style(entry, BST_FAMILIES[style])
    return {field.name: field.text for field in written.fields}


PUBLISHED = """@article{a, title={T}, journal={Neural Computation}, year={2023}, doi={10.1162/neco_a_01563},
  url={https://doi.org/10.1162/neco_a_01563}, note={doi: 10.1162/neco\\_a\\_01563}}"""


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        pytest.param(
            PUBLISHED,
            "plainnat",
            {"journal": "Neural Computation", "year": "2023", "doi": "10.1162/neco_a_01563"},
            id="natbib-keeps-doi-drops-its-repeats",
        ),
        pytest.param(
            PUBLISHED,
            "IEEEtran",
            {
                "journal": "Neural Computation",
                "year": "2023",
                "doi": "10.1162/neco_a_01563",
                "url": "https://doi.org/10.1162/neco_a_01563",
            },
            id="ieeetran-keeps-the-doi-link",
        ),
        pytest.param(
            "@article{a, title={T}, journal={J}, doi={10.1162/neco_a_01563}, note={Invited paper}}",
            "plain",
            {
                "journal": "J",
                "doi": "10.1162/neco_a_01563",
                "note": "Invited paper; doi: 10.1162/neco\\_a\\_01563",
            },
            id="plain-adds-the-doi-to-the-users-note",
        ),
        pytest.param(
            "@article{a, title={T}, journal={J}, doi={10.1162/neco_a_01563},"
            " note={Oral, doi: 10.1162/neco_a_01563}}",
            "plainnat",
            {"journal": "J", "doi": "10.1162/neco_a_01563", "note": "Oral, doi: 10.1162/neco_a_01563"},
            id="a-note-with-more-than-the-id-stays",
        ),
        pytest.param(
            "@misc{a, title={T}, eprint={2304.08485}, archiveprefix={arXiv}, primaryclass={cs.CV}}",
            "plain",
            {
                "eprint": "2304.08485",
                "archiveprefix": "arXiv",
                "primaryclass": "cs.CV",
                "howpublished": "arXiv:2304.08485 [cs.CV]",
            },
            id="plain-shows-a-preprints-id",
        ),
        pytest.param(
            "@article{a, title={T}, journal={arXiv preprint arXiv:2005.14165}, year={2020}}",
            "plain",
            {"journal": "arXiv preprint arXiv:2005.14165", "year": "2020"},
            id="a-journal-naming-the-id-shows-it",
        ),
        pytest.param(
            "@inproceedings{a, title={T}, booktitle={NIPS}, eprint={1706.03762}, archiveprefix={arXiv}}",
            "plain",
            {
                "booktitle": "NIPS",
                "eprint": "1706.03762",
                "archiveprefix": "arXiv",
                "note": "arXiv:1706.03762",
            },
            id="plain-shows-the-arxiv-id-of-a-paper-with-no-doi",
        ),
        pytest.param(
            "@article{a, title={T}, journal={J}, year={2020}}",
            "plain",
            {"journal": "J", "year": "2020"},
            id="no-id-nothing-to-do",
        ),
    ],
)
def test_each_entry_shows_its_id_where_the_style_prints_it(
    text: str, style: str, expected: dict[str, str]
) -> None:
    assert {k: v for k, v in fields_of(text, style).items() if k != "title"} == expected


def test_format_without_bst_leaves_identifiers_alone() -> None:
    text = linked_output()
    assert format(text).text == text  # the DOI in doi, url and note, as written


def run_in(folder: Path, command: str, *args: str) -> str:
    """``bibnorm COMMAND ARGS refs.bib`` in ``folder``; the file as the command left it (fix
    rewrites it in place) or wrote it (format, to stdout)."""
    in_place = ("--in-place",) if command == "fix" else ()
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, [command, *in_place, *args, "refs.bib"])
    assert result.exit_code == 0, result.output
    return (folder / "refs.bib").read_text("utf-8") if command == "fix" else result.stdout


@pytest.mark.parametrize("command", ["format", "fix"])
def test_the_bst_setting_names_the_style_for_format_and_fix(tmp_path: Path, command: str) -> None:
    (tmp_path / "bibnorm.toml").write_text('bst = "plainnat"\n', encoding="utf-8")
    (tmp_path / "refs.bib").write_text(default_output(), encoding="utf-8")
    configured = run_in(tmp_path, command).split("@article")[1]
    assert "note" not in configured  # plainnat prints the doi field
    assert f"= {{{ARTICLE_DOI}}}," in configured  # the note's DOI, now in doi
    assert "url" not in configured
    (tmp_path / "refs.bib").write_text(default_output(), encoding="utf-8")
    named = run_in(tmp_path, command, "--bst", "plain").split("@article")[1]
    assert f"note    = {{doi: {ARTICLE_DOI}}}," in named  # plain prints note, not doi


def test_an_unknown_bst_setting_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(default_output(), encoding="utf-8")
    (tmp_path / "bibnorm.toml").write_text('bst = "fancy"\n', encoding="utf-8")
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, ["format", "refs.bib"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    said = "bibnorm.toml: bst: invalid value: Input should be 'plain', 'abbrv'"
    assert said in result.stderr, result.stderr


@pytest.mark.clients
@pytest.mark.parametrize("style", STYLES)
def test_resolve_shows_the_arxiv_id_of_a_published_paper_with_no_doi(tmp_path: Path, style: str) -> None:
    """A NeurIPS or ICLR paper has no DOI: its arXiv id is how a reader finds it, in every style."""
    bib = get_writer("bibtex").write([("nodoi", NO_DOI)], WriterOptions(bst=style))  # type: ignore[arg-type]
    assert _bbl_items(tmp_path, bib, style)["nodoi"].count("1706.03762") == 1, bib


@pytest.mark.clients
def test_resolving_again_for_another_style_leaves_no_note_of_the_first(tmp_path: Path) -> None:
    """The "doi: X" note a run for plain wrote is bibnorm's, not the user's: a run for plainnat into
    the same file drops it (plainnat prints the doi field), so the DOI shows once."""
    doi = "10.1038/s42256-024-00832-8"  # S2's paper-by-doi.json: arXiv 2304.05376, published
    (tmp_path / "ids.txt").write_text("2304.05376\n", encoding="utf-8")
    with running_fakes() as apis, contextlib.chdir(tmp_path):
        for style in ("plain", "plainnat"):
            args = ["resolve", "ids.txt", "-q", "-o", "refs.bib", "--bst", style]
            result = CliRunner().invoke(main, args, env=apis.env(tmp_path / "cache"))
            assert result.exit_code == 0, result.output
    text = (tmp_path / "refs.bib").read_text("utf-8")
    assert "note" not in text
    (item,) = _bbl_items(tmp_path, text, "plainnat").values()
    assert item.count(doi) == 1, item
