"""Specification of the normalization steps, each on its own, then the whole stack."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.normalize import (
    STEPS,
    Step,
    canonicalize_identifiers,
    collapse_text_whitespace,
    date_from_arxiv_id,
    merge_code_links,
    normalize_reference,
    recover_title_capitals,
    strip_title_period,
    tidy_authors,
    tidy_venue,
    url_from_arxiv_id,
)
from bibnorm.text.names import parse_name, split_authors
from paths import API_SAMPLES

SNAPSHOT_SAMPLE = API_SAMPLES / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"


def ref(**fields: Any) -> Reference:
    fields.setdefault("title", "A Title")
    return Reference(**fields)


def test_steps_are_named_and_ordered() -> None:
    assert [step.name for step in STEPS] == [
        "text_whitespace",
        "title_period",
        "title_capitals",
        "authors",
        "name_casing",
        "identifiers",
        "date_from_arxiv_id",
        "url_from_arxiv_id",
        "code_links",
        "venue",
        "venue_year",
        "journal_volume",
    ]


# -- title_capitals --------------------------------------------------------------------

MAMBA_ABSTRACT = (
    "In this paper, we show that the reliance of visual representation learning on self-attention is"
    " not necessary and propose a new generic vision backbone with bidirectional Mamba blocks (Vim),"
    " which marks the image sequences with position embeddings and compresses the visual"
    " representation with bidirectional state space models."
)  # a sentence of arXiv 2401.09417's abstract (Vision Mamba), as the scraped pages hold it


@pytest.mark.parametrize(
    ("title", "abstract", "recovered"),
    [
        pytest.param("Vision mamba: efficient visual representation learning", MAMBA_ABSTRACT,
                     "Vision Mamba: efficient visual representation learning", id="known-name-from-abstract"),
        pytest.param("Escaping plato's cave: 3D shape from adversarial rendering",
                     "Like the prisoners in Plato's allegory of the cave, we see shadows only.",
                     "Escaping Plato's cave: 3D shape from adversarial rendering", id="possessive"),
        pytest.param("Scaling vision transformers to many parameters",
                     "We present a Transformer model. It scales.",
                     "Scaling vision transformers to many parameters", id="english-word-stays"),
        pytest.param("Vision mamba: efficient visual representation learning",
                     "The Mamba model and the mamba snake.",
                     "Vision mamba: efficient visual representation learning", id="abstract-also-lower"),
        pytest.param("Vision mamba: efficient visual representation learning", None,
                     "Vision mamba: efficient visual representation learning", id="no-abstract"),
        pytest.param("Vision Mamba: Efficient Visual Representation Learning", MAMBA_ABSTRACT,
                     "Vision Mamba: Efficient Visual Representation Learning", id="title-case-untouched"),
    ],
)  # fmt: skip
def test_title_capitals_come_back_from_the_abstract(title: str, abstract: str | None, recovered: str) -> None:
    reference = Reference(title=title, abstract=abstract)
    result = recover_title_capitals(reference)
    assert result.title == recovered
    assert (result is reference) == (recovered == title)  # unchanged records are not copied


# -- text_whitespace -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"title": "Calculation of prompt diphoton production cross sections at\n  LHC energies"},
            {"title": "Calculation of prompt diphoton production cross sections at LHC energies"},
            id="arxiv-hard-wrapped-title",
        ),
        pytest.param(
            {"abstract": "  A fully differential calculation\npresented for the\n production.\n"},
            {"abstract": "A fully differential calculation presented for the production."},
            id="abstract-leading-space-and-wraps",
        ),
        pytest.param(
            {"comment": "16 pages, LaTeX, in this version\n  (v5) the typos were fixed"},
            {"comment": "16 pages, LaTeX, in this version (v5) the typos were fixed"},
            id="comment",
        ),
        pytest.param(
            {"journal_ref": "Phys.Rev.D76:013009,2007 "},
            {"journal_ref": "Phys.Rev.D76:013009,2007"},
            id="jref",
        ),
        pytest.param({"abstract": " \n "}, {"abstract": None}, id="blank-abstract-becomes-none"),
    ],
)
def test_collapse_text_whitespace(fields: dict[str, Any], expected: dict[str, Any]) -> None:
    result = collapse_text_whitespace(ref(**fields))
    for name, value in expected.items():
        assert getattr(result, name) == value


# -- title_period ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Scaling Vision Transformers.", "Scaling Vision Transformers", id="sentence-period"),
        pytest.param("Scaling Vision Transformers", "Scaling Vision Transformers", id="no-period"),
        pytest.param("Wait for it...", "Wait for it...", id="ellipsis"),
        pytest.param("Data from the U.S.", "Data from the U.S.", id="abbreviation-with-inner-period"),
        pytest.param("Revisiting Smith et al.", "Revisiting Smith et al.", id="et-al"),
        pytest.param("Cats, dogs, etc.", "Cats, dogs, etc.", id="etc"),
    ],
)
def test_strip_title_period(title: str, expected: str) -> None:
    assert strip_title_period(ref(title=title)).title == expected


# -- authors ---------------------------------------------------------------------------


def test_tidy_authors_collapses_whitespace_drops_empty_and_consecutive_repeats() -> None:
    messy = (
        Person(given="Xiaohua ", family=" Zhai"),
        Person(),
        Person(given="Xiaohua", family="Zhai"),
        Person(given="Lucas", family="Beyer"),
        Person(given="Xiaohua", family="Zhai"),  # not consecutive: a real second author of that name
        Person(literal="  ATLAS  Collaboration "),
    )
    assert tidy_authors(ref(authors=messy)).authors == (
        Person(given="Xiaohua", family="Zhai"),
        Person(given="Lucas", family="Beyer"),
        Person(given="Xiaohua", family="Zhai"),
        Person(literal="ATLAS Collaboration"),
    )


@pytest.mark.parametrize(
    ("given", "tidied"),
    [
        pytest.param("C . Krishna", "C. Krishna", id="space-before-initials-period"),
        pytest.param("C . V .", "C. V.", id="two-initials"),
        pytest.param("Krishna .", "Krishna .", id="not-an-initial"),
        pytest.param("J.-P.", "J.-P.", id="hyphenated-initials-untouched"),
    ],
)
def test_tidy_authors_drops_the_stray_space_before_an_initials_period(given: str, tidied: str) -> None:
    # arXiv 2006.15102 lists "C . Krishna Mohan". Names parsed from a string are tidied by
    # parse_name; this step tidies every source's, Crossref's given/family parts included.
    person = Person(given=given, family="Mohan")
    assert tidy_authors(ref(authors=(person,))).authors == (Person(given=tidied, family="Mohan"),)


# -- identifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        pytest.param(
            Identifiers(arxiv_id="arXiv:2211.09119v2"),
            Identifiers(arxiv_id="2211.09119", arxiv_version=2),
            id="prefix-and-version",
        ),
        pytest.param(
            Identifiers(arxiv_id="2211.09119v3", arxiv_version=1),
            Identifiers(arxiv_id="2211.09119", arxiv_version=1),
            id="known-version-kept",
        ),
        pytest.param(
            Identifiers(arxiv_id="https://arxiv.org/abs/hep-th/9901001v1"),
            Identifiers(arxiv_id="hep-th/9901001", arxiv_version=1),
            id="old-style-url",
        ),
        pytest.param(
            Identifiers(doi="https://doi.org/10.1103/PhysRevD.76.013009"),
            Identifiers(doi="10.1103/PhysRevD.76.013009"),
            id="doi-url",
        ),
        pytest.param(
            Identifiers(doi="10.48550/ARXIV.2211.09119"),
            Identifiers(doi="10.48550/arXiv.2211.09119"),
            id="arxiv-datacite-doi",
        ),
    ],
)
def test_canonicalize_identifiers(ids: Identifiers, expected: Identifiers) -> None:
    result = canonicalize_identifiers(ref(ids=ids))
    assert result.ids == expected
    assert result.notes == ()


def test_invalid_identifiers_are_kept_and_noted() -> None:
    result = canonicalize_identifiers(ref(ids=Identifiers(arxiv_id="1234.12345", doi="not a doi")))
    assert result.ids == Identifiers(arxiv_id="1234.12345", doi="not a doi")
    assert result.notes == (
        "arXiv id '1234.12345' is not a valid arXiv identifier",
        "DOI 'not a doi' is not a valid DOI",
    )


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "issued", "provenance"),
    [
        pytest.param(
            {"ids": Identifiers(arxiv_id="2211.09119")},
            PartialDate(year=2022, month=11),
            {"issued": "arxiv-id"},
            id="new-style-id",
        ),
        pytest.param(
            {"ids": Identifiers(arxiv_id="0704.0001")},
            PartialDate(year=2007, month=4),
            {"issued": "arxiv-id"},
            id="first-new-style-month",
        ),
        pytest.param({"ids": Identifiers(arxiv_id="hep-th/9901001")}, None, {}, id="old-style-not-used"),
        pytest.param(
            {"ids": Identifiers(arxiv_id="2211.09119"), "issued": PartialDate(year=2023)},
            PartialDate(year=2023),
            {},
            id="issued-kept",
        ),
        pytest.param(
            {
                "ids": Identifiers(arxiv_id="2211.09119"),
                "first_version": PartialDate(year=2022, month=11, day=16),
            },
            None,
            {},
            id="first-version-known",
        ),
        pytest.param({}, None, {}, id="no-id"),
    ],
)
def test_date_from_arxiv_id(
    fields: dict[str, Any], issued: PartialDate | None, provenance: dict[str, str]
) -> None:
    result = date_from_arxiv_id(ref(**fields))
    assert result.issued == issued
    assert result.provenance == provenance


# -- url -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "url", "provenance"),
    [
        pytest.param(
            {"ids": Identifiers(arxiv_id="2211.09119")},
            "https://arxiv.org/abs/2211.09119",
            {"url": "arxiv-id"},
            id="new-style",
        ),
        pytest.param(
            {"ids": Identifiers(arxiv_id="hep-th/9901001")},
            "https://arxiv.org/abs/hep-th/9901001",
            {"url": "arxiv-id"},
            id="old-style",
        ),
        pytest.param(
            {
                "ids": Identifiers(arxiv_id="2211.09119"),
                "url": "https://example.org/paper",
                "provenance": {"url": "s2"},
            },
            "https://example.org/paper",
            {"url": "s2"},
            id="existing-url-kept",
        ),
        pytest.param({}, None, {}, id="no-id"),
    ],
)
def test_url_from_arxiv_id(fields: dict[str, Any], url: str | None, provenance: dict[str, str]) -> None:
    result = url_from_arxiv_id(ref(**fields))
    assert result.url == url
    assert result.provenance == provenance


# -- code links ------------------------------------------------------------------------


def test_code_links_from_abstract_and_comment_after_existing_ones() -> None:
    reference = ref(
        abstract="Code is available at https://github.com/microsoft/Cream/tree/main/TinyViT.",
        comment="Project page: https://ecodepth-iitd.github.io; code https://github.com/MICROSOFT/cream",
        code_links=("https://github.com/existing/repo",),
        provenance={"code_links": "s2"},
    )
    result = merge_code_links(reference)
    assert result.code_links == (
        "https://github.com/existing/repo",
        "https://github.com/microsoft/Cream",
        "https://github.com/microsoft/Cream/tree/main/TinyViT",
    )
    assert result.project_pages == ("https://ecodepth-iitd.github.io",)
    assert result.provenance == {"code_links": "s2+abstract", "project_pages": "comment"}


def test_code_links_nothing_found_changes_nothing() -> None:
    reference = ref(abstract="No links here.", code_links=("https://github.com/a/b",))
    assert merge_code_links(reference) is reference


# -- venue -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        pytest.param("Physical Review\n  D", "Physical Review D", id="wrapped"),
        pytest.param("   ", None, id="blank"),
        pytest.param(None, None, id="none"),
    ],
)
def test_tidy_venue(venue: str | None, expected: str | None) -> None:
    assert tidy_venue(ref(venue=venue)).venue == expected


# -- the whole stack -------------------------------------------------------------------


def test_normalize_reference_on_a_real_snapshot_record() -> None:
    """The first line of the real snapshot sample, turned into a Reference as a resolver would."""
    record = json.loads(SNAPSHOT_SAMPLE.read_text("utf-8").splitlines()[0])
    raw = Reference(
        title=record["title"],
        authors=tuple(parse_name(n) for n in split_authors(record["authors"])),
        abstract=record["abstract"],
        comment=record["comments"],
        journal_ref=record["journal-ref"],
        ids=Identifiers(arxiv_id=f"arXiv:{record['id']}v2", doi=record["doi"]),
        provenance={"title": "snapshot"},
    )
    result = normalize_reference(raw)
    assert result.title == (
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    )
    assert result.abstract is not None
    assert result.abstract.startswith(
        "A fully differential calculation in perturbative quantum chromodynamics is presented"
    )
    assert "\n" not in result.abstract
    assert [a.display() for a in result.authors] == [
        "C. Balázs",
        "E. L. Berger",
        "P. M. Nadolsky",
        "C.-P. Yuan",
    ]
    assert result.ids == Identifiers(arxiv_id="0704.0001", arxiv_version=2, doi="10.1103/PhysRevD.76.013009")
    assert result.issued == PartialDate(year=2007, month=4)
    assert result.url == "https://arxiv.org/abs/0704.0001"
    assert result.code_links == ()
    assert result.provenance == {"title": "snapshot", "issued": "arxiv-id", "url": "arxiv-id"}


def test_normalize_is_idempotent_and_leaves_input_untouched() -> None:
    raw = ref(
        title="Scaling  Vision\n Transformers.",
        abstract="Code at https://github.com/google-research/big_vision.",
        ids=Identifiers(arxiv_id="2106.04560v2"),
    )
    once = normalize_reference(raw)
    assert normalize_reference(once) == once
    assert raw.title == "Scaling  Vision\n Transformers."
    assert once.title == "Scaling Vision Transformers"
    assert once.code_links == ("https://github.com/google-research/big_vision",)


def test_custom_steps_are_applied_in_order() -> None:
    shout = Step("shout", lambda r: r.model_copy(update={"title": r.title.upper()}))
    result = normalize_reference(ref(title="a  title."), steps=(*STEPS, shout))
    assert result.title == "A TITLE"


# -- venue_year --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "entry_type", "expected_prefix"),
    [
        pytest.param(2016, "inproceedings", "Proceedings of the IEEE Conference", id="cvpr-2016"),
        pytest.param(2022, "inproceedings", "Proceedings of the IEEE/CVF Conference", id="cvpr-2022"),
    ],
)
def test_a_venue_has_its_years_name(year: int, entry_type: str, expected_prefix: str) -> None:
    reference = Reference(
        title="Deep Residual Learning for Image Recognition",
        entry_type=entry_type,
        venue="Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
        issued=PartialDate(year=year),
    )
    assert normalize_reference(reference).venue.startswith(expected_prefix)
