"""``--style``: whole-entry layouts matching arXiv's, dblp's and Google Scholar's BibTeX exports.

Expected layouts are read off the exports themselves (dblp's in
fixtures/shared/reference/api-samples/dblp/rec-bib-standard-inproceedings.bib; arXiv's "Export
BibTeX Citation" and Google Scholar's "Cite → BibTeX" as documented on their pages), and each
style's output is run through real BibTeX with plain.bst, which must accept it without warnings.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest

from normalizer.models import Identifiers, PartialDate, Person, Reference
from normalizer.writers import WriterOptions
from normalizer.writers.bibtex import render_bibtex

PREPRINT = Reference(
    title="LoRA: Low-Rank Adaptation of Large Language Models",
    authors=(Person(given="Edward J.", family="Hu"), Person(given="Yelong", family="Shen")),
    issued=PartialDate(year=2021, month=6),
    first_version=PartialDate(year=2021, month=6),
    entry_type="preprint",
    primary_class="cs.CL",
    ids=Identifiers(arxiv_id="2106.09685"),
    code_links=("https://github.com/microsoft/LoRA",),
)
PUBLISHED = Reference(
    title="Output-Sensitive Autocompletion Search",
    authors=(Person(given="H.", family="Bast"), Person(given="Ingmar", family="Weber")),
    issued=PartialDate(year=2006, month=10),
    entry_type="inproceedings",
    venue="String Processing and Information Retrieval",
    pages="150--162",
    publisher="Springer",
    ids=Identifiers(doi="10.1007/11880561_13", arxiv_id="0601001"),
)


def fields(reference: Reference, style: str) -> tuple[str, dict[str, str]]:
    text = render_bibtex([("k", reference)], WriterOptions(style=style)).text  # type: ignore[arg-type]
    entry = bibtexparser.parse_string(text).entries[0]
    return entry.entry_type, {f.key.casefold(): str(f.value) for f in entry.fields}


def test_arxiv_style_is_arxivs_own_export() -> None:
    kind, values = fields(PREPRINT, "arxiv")
    assert kind == "misc"
    assert values == {
        "author": "Hu, Edward J. and Shen, Yelong",
        "title": "{LoRA}: Low-Rank Adaptation of Large Language Models",
        "year": "2021",
        "eprint": "2106.09685",
        "archiveprefix": "arXiv",
        "primaryclass": "cs.CL",
        "url": "https://arxiv.org/abs/2106.09685",
    }


def test_dblp_style_cites_preprints_as_corr_and_papers_with_their_doi() -> None:
    kind, values = fields(PREPRINT, "dblp")
    assert kind == "article"
    assert (values["journal"], values["volume"], values["eprinttype"], values["eprint"]) == (
        "CoRR", "abs/2106.09685", "arXiv", "2106.09685")  # fmt: skip
    assert "month" not in values and "code" not in values
    kind, values = fields(PUBLISHED, "dblp")
    assert kind == "inproceedings"
    assert values["doi"] == "10.1007/11880561_13"
    assert values["url"] == "https://doi.org/10.1007/11880561_13"
    assert (values["pages"], values["publisher"], values["year"]) == ("150--162", "Springer", "2006")
    assert not {"month", "eprint", "archiveprefix"} & set(values)


def test_google_scholar_style_names_the_preprint_in_journal_and_carries_no_ids() -> None:
    kind, values = fields(PREPRINT, "google-scholar")
    assert kind == "article"
    assert values == {
        "author": "Hu, Edward J. and Shen, Yelong",
        "title": "{LoRA}: Low-Rank Adaptation of Large Language Models",
        "journal": "arXiv preprint arXiv:2106.09685",
        "year": "2021",
    }
    kind, values = fields(PUBLISHED, "google-scholar")
    assert kind == "inproceedings"
    assert set(values) == {"author", "title", "booktitle", "pages", "year", "publisher"}


@pytest.mark.skipif(shutil.which("bibtex") is None, reason="bibtex is not installed (texlive-binaries)")
@pytest.mark.parametrize("style", ["bibnorm", "arxiv", "dblp", "google-scholar"])
def test_plain_bst_takes_every_style_without_a_warning(tmp_path: Path, style: str) -> None:
    text = render_bibtex([("pre", PREPRINT), ("pub", PUBLISHED)], WriterOptions(style=style)).text  # type: ignore[arg-type]
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    (tmp_path / "doc.aux").write_text(
        "\\citation{pre}\n\\citation{pub}\n\\bibstyle{plain}\n\\bibdata{refs}\n"
    )
    run = subprocess.run(["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout
    assert "Warning--" not in run.stdout, run.stdout
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    if style != "arxiv":  # arXiv's own export prints no identifier in plain.bst: that is its layout
        assert "2106.09685" in bbl
