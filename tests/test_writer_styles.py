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
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.writers import WriterOptions
from bibnorm.writers.bibtex import render_bibtex
from clients import not_installed

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

DBLP_IDS = Identifiers(doi="10.1007/11880561_13", arxiv_id="0601001", dblp="conf/spire/BastMW06")


def fields(reference: Reference, style: str) -> tuple[str, dict[str, str]]:
    kind, ordered = ordered_fields(reference, style)
    return kind, dict(ordered)


def ordered_fields(reference: Reference, style: str) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the (name, value) pairs in the order the .bib holds them."""
    text = render_bibtex([("k", reference)], WriterOptions(style=style)).text  # type: ignore[arg-type]
    entry = bibtexparser.parse_string(text).entries[0]
    return entry.entry_type, [(f.key.casefold(), str(f.value)) for f in entry.fields]


def test_arxiv_style_is_arxivs_own_export() -> None:
    kind, values = ordered_fields(PREPRINT, "arxiv")
    assert kind == "misc"
    assert values == [
        ("title", "{LoRA}: Low-Rank Adaptation of Large Language Models"),
        ("author", "Edward J. Hu and Yelong Shen"),
        # Not in arXiv's export: classic styles print no eprint on @misc (once: no id shown).
        ("howpublished", "arXiv:2106.09685 [cs.CL]"),
        ("year", "2021"),
        ("eprint", "2106.09685"),
        ("archiveprefix", "arXiv"),
        ("primaryclass", "cs.CL"),
        ("url", "https://arxiv.org/abs/2106.09685"),
    ]


def test_arxiv_style_leaves_a_published_paper_as_published() -> None:
    # arXiv's export is a preprint's: a paper with a venue keeps it, its DOI and its year
    # (@misc with the v1 year, no venue shown, and BN501 from check).
    paper = PUBLISHED.model_copy(update={"first_version": PartialDate(year=2005, month=12)})
    assert fields(paper, "arxiv") == fields(paper, "bibnorm")  # the order is the preset's


def test_dblp_style_cites_preprints_as_corr_and_papers_with_their_doi() -> None:
    kind, values = ordered_fields(PREPRINT, "dblp")
    assert kind == "article"
    assert values == [
        ("author", "Edward J. Hu and Yelong Shen"),
        ("title", "{LoRA}: Low-Rank Adaptation of Large Language Models"),
        ("journal", "CoRR"),
        ("volume", "abs/2106.09685"),
        ("year", "2021"),
        ("url", "https://arxiv.org/abs/2106.09685"),
        ("eprinttype", "arXiv"),
        ("eprint", "2106.09685"),
    ]
    kind, values = ordered_fields(PUBLISHED.model_copy(update={"ids": DBLP_IDS}), "dblp")
    assert kind == "inproceedings"
    # The order of dblp's own rec/conf/spire/BastMW06.bib (api-samples/dblp), less what
    # bibnorm does not know (editor, series, volume, timestamp, bibsource).
    assert values == [
        ("author", "H. Bast and Ingmar Weber"),
        ("title", "Output-Sensitive Autocompletion Search"),
        ("booktitle", "String Processing and Information Retrieval"),
        ("pages", "150--162"),
        ("publisher", "Springer"),
        ("year", "2006"),
        ("url", "https://doi.org/10.1007/11880561_13"),
        ("doi", "10.1007/11880561_13"),
        ("biburl", "https://dblp.org/rec/conf/spire/BastMW06.bib"),
    ]


def test_google_scholar_style_names_the_preprint_in_journal_and_carries_no_ids() -> None:
    kind, values = ordered_fields(PREPRINT, "google-scholar")
    assert kind == "article"
    assert values == [
        ("title", "{LoRA}: Low-Rank Adaptation of Large Language Models"),
        ("author", "Hu, Edward J. and Shen, Yelong"),
        ("journal", "arXiv preprint arXiv:2106.09685"),
        ("year", "2021"),
    ]
    kind, values = ordered_fields(PUBLISHED, "google-scholar")
    assert kind == "inproceedings"
    assert [name for name, _ in values] == ["title", "author", "booktitle", "pages", "year", "publisher"]


@pytest.mark.parametrize(
    ("person", "written"),
    [
        pytest.param(Person(given="Xiaohua", family="Zhai"), "Xiaohua Zhai", id="given-family"),
        pytest.param(
            Person(given="Jan", family="Berg", particle="van der"), "Jan van der Berg", id="particle"
        ),
        pytest.param(Person(given="Martin", family="King", suffix="Jr."), "King, Jr., Martin", id="suffix"),
        pytest.param(Person(given="Ana", family="De la Torre"), "De la Torre, Ana", id="family-of-words"),
        pytest.param(Person(literal="H1 Collaboration"), "{H1 Collaboration}", id="literal"),
    ],
)
def test_given_first_names_fall_back_to_family_first_where_order_would_lose_a_part(
    person: Person, written: str
) -> None:
    _, values = fields(PREPRINT.model_copy(update={"authors": (person,)}), "dblp")
    assert values["author"] == written


@pytest.mark.skipif(shutil.which("bibtex") is None, reason=not_installed("bibtex is"))
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
    assert "2106.09685" in bbl
