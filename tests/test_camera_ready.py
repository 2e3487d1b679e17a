"""Camera-ready, round two: the audit's examples typeset by the real clients.

An audit typeset bibnorm's output with plain, IEEEtran, biblatex and pandoc (APA) and read
it back. What it saw, and what these tests now require of the same titles:

- ordinary words braced ("Hierarchically Decoupled spatial-temporal contrast", "from
  street View imagery", "approximate and memory-Sharing backpropagation"): each word of
  these titles is an ordinary English word its paper's abstract capitalises only in title
  case (a run of capitalised words, an acronym's spelling-out), so none is braced;
- one bibliography bracing "Transformers" in "Scaling vision Transformers" and not in
  "Vision transformer adapters": the word is one form, decided once for the file;
- capitals lost: "Escaping plato's cave" (Plato is a name; a source that lower-cases it
  gets it back from the abstract), "The platonic representation hypothesis", "VOLO:
  Vision outlooker" (Outlooker is no English word; its abstract capitalises it);
- a published entry's DOI invisible in plain and IEEEtran, which ignore ``doi``.

The titles and abstracts are the five scraped pages' (fixtures/shared/inputs/hf-papers);
records go through `clean_reference` and `normalize_reference`, as every resolved record
does, then through the writers. PDFs are read back with ``pdftotext`` (one wide page, so
no line break splits a title), pandoc's output as plain text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.readers import read_inputs
from bibnorm.resolve.normalize import normalize_reference
from bibnorm.text.clean import clean_reference
from bibnorm.writers import WriterOptions, get_writer
from clients import flat, need, run, typeset_biblatex, typeset_bibtex
from paths import FIXTURES, HF_PAGES_DIR
from title_census import census


def _page_abstracts() -> dict[str, str]:
    queries = read_inputs(sorted(str(p) for p in HF_PAGES_DIR.glob("*.txt")))
    return {q.title: q.abstract for q in queries if q.title and q.abstract}


ABSTRACTS = _page_abstracts()
HDC = "Hierarchically Decoupled Spatial-Temporal Contrast for Self-supervised Video Representation Learning"
SVHN = "Multi-digit Number Recognition from Street View Imagery using Deep Convolutional Neural Networks"
APPROX_BP = "Reducing Fine-Tuning Memory Overhead by Approximate and Memory-Sharing Backpropagation"
SCALING = "Scaling Vision Transformers"
ADAPTERS = "Vision Transformer Adapters for Generalizable Multitask Learning"
PLATO = "Escaping Plato's Cave: Towards the Alignment of 3D and Text Latent Spaces"
PLATONIC = "The Platonic Representation Hypothesis"
VOLO = "VOLO: Vision Outlooker for Visual Recognition"
SWIN = "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows"
# A record as a source that lower-cases names gives it; its abstract is written for this test.
PLATO_LOWER = "Escaping plato's cave: 3D shape from adversarial rendering"
PLATO_LOWER_ABSTRACT = (
    "We recover the 3D shape of an object class from an unstructured collection of its 2D images."
    " Like the prisoners in Plato's allegory of the cave, the generator only sees the shadows of"
    " the shapes, and it must infer the shapes that cast them."
)

# arXiv id, title, abstract (None: the page's), publisher DOI or None. Ids and the venue are
# dev-gold's for Scaling Vision Transformers and Escaping Plato's Cave; the others are
# synthetic (2912.7xxxx, no real id), and so is the second DOI (Crossref's test prefix).
RECORDS = (
    ("2912.70001", HDC, None, None),
    ("2912.70002", SVHN, None, None),
    ("2912.70003", APPROX_BP, None, None),
    ("2106.04560", SCALING, None, "10.1109/CVPR52688.2022.01179"),
    ("2912.70005", ADAPTERS, None, None),
    ("2503.05283", PLATO, None, None),
    ("2912.70007", PLATONIC, None, None),
    ("2912.70008", VOLO, None, None),
    ("2912.70009", SWIN, None, "10.5555/bibnorm-test.swin"),
    ("2912.70010", PLATO_LOWER, PLATO_LOWER_ABSTRACT, None),
)

# How each title reads where a style lower-cases titles (plain, IEEEtran, biblatex-ieee) …
SENTENCE_CASE = (
    "Hierarchically decoupled spatial-temporal contrast for self-supervised video representation learning",
    "Multi-digit number recognition from street view imagery using deep convolutional neural networks",
    "Reducing fine-tuning memory overhead by approximate and memory-sharing backpropagation",
    "Scaling vision transformers",
    "Vision transformer adapters for generalizable multitask learning",
    "Escaping Plato's cave: Towards the alignment of 3D and text latent spaces",
    "The Platonic representation hypothesis",
    "VOLO: Vision Outlooker for visual recognition",
    "Swin transformer: Hierarchical vision transformer using shifted windows",
    "Escaping Plato's cave: 3D shape from adversarial rendering",
)
# … and where titles print as written (pandoc's APA, biblatex's standard styles).
AS_WRITTEN = (
    HDC,
    SVHN,
    APPROX_BP,
    SCALING,
    ADAPTERS,
    PLATO,
    PLATONIC,
    VOLO,
    SWIN,
    PLATO_LOWER.replace("plato", "Plato"),
)


def _references() -> list[tuple[str, Reference]]:
    keyed = []
    for index, (arxiv_id, title, abstract, doi) in enumerate(RECORDS):
        source = Reference(
            title=title,
            abstract=abstract if abstract is not None else ABSTRACTS[title],
            authors=(Person(given="Ada", family="Lovelace"),),
            issued=PartialDate(year=2000 + int(arxiv_id[:2]), month=int(arxiv_id[2:4])),
            entry_type="inproceedings" if doi else "preprint",
            venue="Computer Vision and Pattern Recognition" if doi else None,
            ids=Identifiers(arxiv_id=arxiv_id, doi=doi),
            primary_class="cs.CV",
        )
        keyed.append((f"k{index:02d}", normalize_reference(clean_reference(source))))
    return keyed


def test_the_audits_titles_brace_only_names() -> None:
    text = get_writer("bibtex").write(_references(), WriterOptions())
    found = census(text)
    braced = {form: len(keys) for form, keys in found.braced.items()}
    assert braced == {"plato": 2, "platonic": 1, "outlooker": 1}  # ("{Swin}" starts its title)
    assert found.inconsistent() == {}


def test_one_decision_per_word_form_across_a_bibliography() -> None:
    """Swin's abstract only ever capitalises "Transformer" ("adapting Transformer from
    language to vision", "a hierarchical Transformer whose ..."), the other abstracts mostly
    write it in lower case: one form, one decision for the file, braced in no entry."""
    references = _references()
    text = get_writer("bibtex").write(references, WriterOptions())
    assert census(text).inconsistent() == {}
    transformer_titles = [line for line in text.splitlines() if "Transformer" in line and "title" in line]
    assert len(transformer_titles) == 3 and not any("{Transformer" in line for line in transformer_titles)
    # Written one at a time, each entry is decided from its own abstract, and they disagree:
    # the audit's "Scaling vision Transformers" beside "Vision transformer adapters".
    alone = "".join(get_writer("bibtex").write([pair], WriterOptions()) for pair in references)
    assert "transformer" in census(alone).inconsistent()


def test_a_lower_cased_name_comes_back_from_the_abstract_and_nothing_else_does() -> None:
    references = dict(_references())
    assert references["k09"].title == "Escaping Plato's cave: 3D shape from adversarial rendering"
    assert any("Plato's capitalised as the abstract writes it" in note for note in references["k09"].notes)
    assert references["k00"].title == HDC  # title case: nothing to recover


# --------------------------------------------------------------------------- typeset


def _missing(text: str, expected: tuple[str, ...]) -> list[str]:
    return [title for title in expected if flat(title) not in text]


DOIS = ("10.1109/CVPR52688.2022.01179", "10.5555/bibnorm-test.swin")
PREPRINT_IDS = ("2912.70001", "2912.70002", "2912.70007")


@pytest.mark.clients
@pytest.mark.parametrize("style", ["plain", "IEEEtran"])
def test_bibtex_styles_print_the_audits_titles_and_the_publishers_doi(tmp_path: Path, style: str) -> None:
    text = typeset_bibtex(tmp_path, get_writer("bibtex").write(_references(), WriterOptions()), style)
    assert _missing(text, SENTENCE_CASE) == []
    assert all(doi in text for doi in DOIS), text  # note = {doi: …} in plain, also the url in IEEEtran
    assert all(arxiv_id in text for arxiv_id in PREPRINT_IDS)


@pytest.mark.clients
def test_biblatex_prints_the_audits_titles_and_the_publishers_doi(tmp_path: Path) -> None:
    text = typeset_biblatex(tmp_path, get_writer("biblatex").write(_references(), WriterOptions()), "ieee")
    assert _missing(text, SENTENCE_CASE) == []
    assert all(doi in text for doi in DOIS)


@pytest.mark.clients
def test_pandoc_apa_prints_the_titles_as_written_with_the_recovered_name(tmp_path: Path) -> None:
    need("pandoc")
    (tmp_path / "refs.json").write_text(get_writer("csl-json").write(_references(), WriterOptions()), "utf-8")
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    csl = FIXTURES / "csl" / "styles" / "apa.csl"
    args = ["pandoc", "--citeproc", "--bibliography", "refs.json", "--csl", str(csl), "--wrap=none"]
    result = run([*args, "-t", "plain", "doc.md"], tmp_path)
    assert result.returncode == 0, result.stderr
    text = flat(result.stdout)
    assert _missing(text, AS_WRITTEN) == []
    assert all(doi in text for doi in DOIS)
