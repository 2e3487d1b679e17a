"""Merging an arXiv record with its Semantic Scholar companion: upgrade, provenance, year policy.

The records are written by hand from dev-gold.jsonl facts: "Scaling Vision Transformers"
(arXiv 2106.04560, v1 June 2021, published at CVPR 2022) and a journal paper from the
S2 samples ("Augmenting large language models with chemistry tools", arXiv 2304.05376,
Nature Machine Intelligence 6, 525--535, doi 10.1038/s42256-024-00832-8).
"""

from __future__ import annotations

from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.merge import merge_reference

CVPR = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
AUTHORS = (Person(given="Xiaohua", family="Zhai"), Person(given="Alexander", family="Kolesnikov"))
ARXIV_PROVENANCE = {"title": "arxiv", "authors": "arxiv", "issued": "arxiv", "first_version": "arxiv"}


def arxiv_record(**changes: Any) -> Reference:
    base = Reference(
        title="Scaling Vision Transformers",
        authors=AUTHORS,
        abstract="Attention-based neural networks such as the Vision Transformer (ViT) ...",
        issued=PartialDate(year=2021, month=6, day=8),
        first_version=PartialDate(year=2021, month=6, day=8),
        entry_type="preprint",
        ids=Identifiers(arxiv_id="2106.04560", arxiv_version=2),
        primary_class="cs.CV",
        provenance=ARXIV_PROVENANCE,
    )
    return base.model_copy(update=changes)


def s2_record(**changes: Any) -> Candidate:
    reference = Reference(
        title="Scaling Vision Transformers",
        authors=AUTHORS,
        issued=PartialDate(year=2022),
        entry_type="inproceedings",
        venue=CVPR,
        ids=Identifiers(arxiv_id="2106.04560", s2_paper_id="fake-s2-id", corpus_id=800000001),
    )
    return Candidate(source="s2", reference=reference.model_copy(update=changes), by_identifier=True)


def settings(**changes: Any) -> Settings:
    return Settings(**changes)


def test_published_conference_paper_becomes_inproceedings_with_provenance() -> None:
    merged = merge_reference(arxiv_record(), [s2_record()], settings())
    assert merged.entry_type == "inproceedings"
    assert merged.venue == CVPR
    assert merged.issued == PartialDate(year=2022)
    # the preprint stays findable
    assert merged.ids.arxiv_id == "2106.04560" and merged.ids.arxiv_version == 2
    assert merged.primary_class == "cs.CV"
    assert merged.first_version == PartialDate(year=2021, month=6, day=8)
    assert merged.ids.s2_paper_id == "fake-s2-id" and merged.ids.corpus_id == 800000001
    assert merged.provenance == {
        **ARXIV_PROVENANCE,
        "entry_type": "s2",
        "venue": "s2",
        "issued": "s2",
        "s2_paper_id": "s2",
        "corpus_id": "s2",
    }
    assert merged.notes == ()


def test_published_journal_paper_becomes_article_with_volume_pages_and_doi() -> None:
    primary = arxiv_record(
        title="Augmenting large language models with chemistry tools",
        ids=Identifiers(arxiv_id="2304.05376"),
        issued=PartialDate(year=2023, month=4, day=11),
        first_version=PartialDate(year=2023, month=4, day=11),
    )
    companion = s2_record(
        title="Augmenting large language models with chemistry tools",
        entry_type="article",
        venue="Nature Machine Intelligence",
        volume="6",
        pages="525--535",
        issued=PartialDate(year=2023, month=4, day=11),
        ids=Identifiers(arxiv_id="2304.05376", doi="10.1038/s42256-024-00832-8"),
    )
    merged = merge_reference(primary, [companion], settings())
    assert (merged.entry_type, merged.venue, merged.volume, merged.pages) == (
        "article",
        "Nature Machine Intelligence",
        "6",
        "525--535",
    )
    assert merged.ids.doi == "10.1038/s42256-024-00832-8"
    assert {merged.provenance[f] for f in ("entry_type", "venue", "volume", "pages", "doi")} == {"s2"}


def test_prefer_preprint_keeps_the_preprint_and_says_where_it_was_published() -> None:
    merged = merge_reference(arxiv_record(), [s2_record()], settings(prefer="preprint"))
    assert merged.entry_type == "preprint"
    assert merged.venue is None
    assert merged.issued == PartialDate(year=2021, month=6, day=8)
    assert merged.notes == (f"Semantic Scholar lists a published version: {CVPR} 2022 (kept the preprint)",)


@pytest.mark.parametrize(
    ("policy", "companion_published", "expected", "source"),
    [
        pytest.param("published", True, PartialDate(year=2022), "s2", id="published-upgraded"),
        pytest.param(
            "published", False, PartialDate(year=2021, month=6, day=8), "arxiv", id="published-not-upgraded"
        ),
        pytest.param(
            "v1", True, PartialDate(year=2021, month=6, day=8), "arxiv", id="v1-even-when-published"
        ),
        pytest.param(
            "latest", True, PartialDate(year=2022, month=1, day=3), "arxiv", id="latest-arxiv-record-date"
        ),
    ],
)
def test_year_policy(policy: str, companion_published: bool, expected: PartialDate, source: str) -> None:
    # the arXiv record describes v2, updated 2022-01-03; v1 was 2021-06-08
    primary = arxiv_record(issued=PartialDate(year=2022, month=1, day=3))
    companion = s2_record() if companion_published else s2_record(entry_type="preprint", venue=None)
    merged = merge_reference(primary, [companion], settings(year_policy=policy))
    assert merged.issued == expected
    assert merged.provenance["issued"] == source


def test_v1_policy_without_first_version_keeps_the_records_date() -> None:
    primary = arxiv_record(first_version=None)
    merged = merge_reference(primary, [], settings(year_policy="v1"))
    assert merged.issued == PartialDate(year=2021, month=6, day=8)


def test_differing_title_is_noted_and_the_arxiv_title_wins() -> None:
    companion = s2_record(title="Scaling Vision Transformers to Gigantic Sizes")
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.title == "Scaling Vision Transformers"
    assert merged.notes == (
        "Semantic Scholar title differs: 'Scaling Vision Transformers to Gigantic Sizes'",
    )


def test_title_differing_only_in_case_and_punctuation_is_not_noted() -> None:
    merged = merge_reference(arxiv_record(), [s2_record(title="Scaling vision transformers.")], settings())
    assert merged.notes == ()


def test_missing_authors_and_abstract_are_filled_from_s2() -> None:
    primary = arxiv_record(authors=(), abstract=None, provenance={"title": "snapshot"})
    companion = s2_record(abstract="From S2.")
    merged = merge_reference(primary, [companion], settings())
    assert merged.authors == AUTHORS
    assert merged.abstract == "From S2."
    assert merged.provenance["authors"] == "s2" and merged.provenance["abstract"] == "s2"
    assert merged.provenance["title"] == "snapshot"


def test_arxiv_only_companion_adds_ids_but_does_not_upgrade() -> None:
    companion = s2_record(
        entry_type="preprint", venue=None, ids=Identifiers(arxiv_id="2106.04560", s2_paper_id="x")
    )
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.entry_type == "preprint"
    assert merged.venue is None
    assert merged.ids.s2_paper_id == "x"
    assert merged.issued == PartialDate(year=2021, month=6, day=8)


def test_arxiv_doi_of_the_companion_is_not_a_publication() -> None:
    companion = s2_record(entry_type="preprint", venue=None, ids=Identifiers(doi="10.48550/arXiv.2106.04560"))
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.entry_type == "preprint"
    assert merged.ids.doi is None


def test_companion_for_another_arxiv_paper_is_ignored() -> None:
    companion = s2_record(ids=Identifiers(arxiv_id="2302.05442"), title="Something else")
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.entry_type == "preprint"
    assert merged.notes == ("Semantic Scholar record ignored: it is arXiv:2302.05442, not arXiv:2106.04560",)


def test_no_companion_leaves_the_record_unchanged_under_the_default_policy() -> None:
    primary = arxiv_record()
    assert merge_reference(primary, [], settings()) == primary


def test_a_published_entry_takes_only_the_year_from_semantic_scholars_date() -> None:
    # S2's publicationDate for ICCV/CVPR papers is usually the arXiv submission day: the
    # entry would read "CVPR 2022, Jun." from a date that dates the preprint.
    companion = s2_record(issued=PartialDate(year=2022, month=6, day=8))
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.issued == PartialDate(year=2022)
    assert merged.provenance["issued"] == "s2"


def test_a_source_that_dates_the_publication_keeps_its_month() -> None:
    companion = s2_record(issued=PartialDate(year=2022, month=9)).model_copy(update={"source": "crossref"})
    merged = merge_reference(arxiv_record(), [companion], settings())
    assert merged.issued == PartialDate(year=2022, month=9)


def test_a_published_entry_without_a_publication_date_keeps_no_preprint_month() -> None:
    merged = merge_reference(arxiv_record(), [s2_record(issued=None)], settings())
    assert merged.entry_type == "inproceedings"
    assert merged.issued == PartialDate(year=2021)


def test_a_published_entry_never_keeps_the_preprints_arxiv_doi() -> None:
    primary = arxiv_record(ids=Identifiers(arxiv_id="2106.04560", doi="10.48550/arXiv.2106.04560"))
    merged = merge_reference(primary, [s2_record()], settings())
    assert merged.entry_type == "inproceedings"
    assert merged.ids.doi is None
    assert merged.ids.arxiv_id == "2106.04560"


def dblp_record(**changes: Any) -> Candidate:
    reference = Reference(
        title="Scaling Vision Transformers",
        authors=AUTHORS,
        issued=PartialDate(year=2022),
        entry_type="inproceedings",
        venue=CVPR,
        pages="1204--1213",
        ids=Identifiers(doi="10.1109/cvpr52688.2022.01179", dblp="conf/cvpr/Zhai0HB22"),
    )
    return Candidate(source="dblp", reference=reference.model_copy(update=changes), by_identifier=False)


def test_dblp_owns_the_venue_pages_and_doi_over_semantic_scholar_whatever_the_order() -> None:
    s2 = s2_record(venue="Computer Vision and Pattern Recognition", pages="1-10")
    for companions in ([s2, dblp_record()], [dblp_record(), s2]):
        merged = merge_reference(arxiv_record(), companions, settings())
        assert (merged.venue, merged.pages, merged.ids.doi) == (
            CVPR,
            "1204--1213",
            "10.1109/cvpr52688.2022.01179",
        )
        assert merged.provenance["venue"] == merged.provenance["doi"] == "dblp"
        assert any("Semantic Scholar says inproceedings in 'Computer Vision" in note for note in merged.notes)


def test_a_journal_according_to_dblp_is_an_article_even_if_semantic_scholar_says_conference() -> None:
    journal = dblp_record(entry_type="article", venue="IEEE Trans. Pattern Anal. Mach. Intell.", volume="45")
    merged = merge_reference(arxiv_record(), [s2_record(), journal], settings())
    assert (merged.entry_type, merged.venue, merged.volume) == (
        "article",
        "IEEE Trans. Pattern Anal. Mach. Intell.",
        "45",
    )


def openalex_record(**changes: Any) -> Candidate:
    """OpenAlex's record of the CVPR paper: names as published, but no record of authority."""
    reference = dblp_record().reference.model_copy(
        update={"ids": Identifiers(doi="10.1109/cvpr52688.2022.01179")}
    )
    return Candidate(source="openalex", reference=reference.model_copy(update=changes), by_identifier=True)


@pytest.mark.parametrize(
    "published_names",
    [
        pytest.param(("Fründ", "Kolesnikov"), id="umlaut-spelt-out-on-arxiv"),
        pytest.param(("Frund", "Kolesnikov"), id="another-spelling"),
        pytest.param(("Someone", "Kolesnikov"), id="another-person"),
        pytest.param(("Kolesnikov", "Fruend"), id="another-order"),
        pytest.param(("Fruend", "Kolesnikov", "Zhai"), id="another-number-of-people"),
    ],
)
def test_the_published_versions_list_is_dblps_whatever_the_preprint_lists(
    published_names: tuple[str, ...],
) -> None:
    arxiv_authors = (Person(given="I.", family="Fruend"), Person(given="A.", family="Kolesnikov"))
    published = tuple(Person(given="Ingo", family=name) for name in published_names)
    merged = merge_reference(
        arxiv_record(authors=arxiv_authors), [dblp_record(authors=published)], settings()
    )
    assert merged.authors == published
    assert merged.provenance["authors"] == "dblp"


@pytest.mark.parametrize(
    ("arxiv_family", "published_family", "published_given", "taken"),
    [
        # A camera-ready audit met an arXiv list with "Mexatas" where dblp prints "Metaxas".
        pytest.param("Mexatas", "Metaxas", "Dimitris N.", True, id="letters-swapped-on-arxiv"),
        pytest.param("Rusinol", "Rusiñol", "Marçal", True, id="accent-dropped-on-arxiv"),
        pytest.param("Mexatas", "Metaxas", "Konstantinos", False, id="typo-but-other-initial"),
        pytest.param("Lin", "Liu", "Dimitris", False, id="short-names-allow-no-typo"),
        pytest.param("Mexatas", "Metaxis", "Dimitris N.", False, id="two-typos"),
        pytest.param("Metaxas", "Metaxasi", "Dimitris N.", False, id="letter-added-is-another-name"),
    ],
)
def test_openalex_names_replace_arxivs_only_person_by_person_despite_one_typo_per_name(
    arxiv_family: str, published_family: str, published_given: str, taken: bool
) -> None:
    # Without a record of authority (dblp, Crossref), a source that prints names as published
    # replaces the preprint's list only when it names the same people in the same order.
    arxiv_authors = (Person(given="Xi", family="Peng"), Person(given="Dimitris N.", family=arxiv_family))
    published = (Person(given="Xi", family="Peng"), Person(given=published_given, family=published_family))
    merged = merge_reference(
        arxiv_record(authors=arxiv_authors), [openalex_record(authors=published)], settings()
    )
    assert merged.authors == (published if taken else arxiv_authors)


def test_semantic_scholar_names_never_replace_arxivs() -> None:
    s2_names = (Person(given="X.", family="Zhai"), Person(given="A.", family="Kolesnikov"))
    merged = merge_reference(arxiv_record(), [s2_record(authors=s2_names)], settings())
    assert merged.authors == AUTHORS


def test_dblp_names_the_venue_and_crossref_dates_it_when_the_years_agree() -> None:
    crossref = Candidate(
        source="crossref",
        reference=dblp_record().reference.model_copy(
            update={"issued": PartialDate(year=2022, month=6, day=18), "venue": "2022 IEEE/CVF CVPR"}
        ),
        by_identifier=True,
    )
    merged = merge_reference(arxiv_record(), [dblp_record(), crossref], settings())
    assert merged.venue == CVPR and merged.provenance["venue"] == "dblp"
    assert merged.issued == PartialDate(year=2022, month=6, day=18)
    assert merged.provenance["issued"] == "crossref"
    other_year = crossref.model_copy(
        update={
            "reference": crossref.reference.model_copy(update={"issued": PartialDate(year=2023, month=1)})
        }
    )
    assert merge_reference(arxiv_record(), [dblp_record(), other_year], settings()).issued == PartialDate(
        year=2022
    )


def test_crossref_dates_the_publication_its_doi_names_even_without_a_container_title() -> None:
    """SqueezeBERT (arXiv 2006.11316, SustaiNLP 2020): dblp names the venue and the year,
    Crossref's record of the same DOI the month (November 2020)."""
    title = "SqueezeBERT: What can computer vision teach NLP about efficient neural networks?"
    doi = "10.18653/v1/2020.sustainlp-1.17"
    preprint = arxiv_record(title=title, ids=Identifiers(arxiv_id="2006.11316"))
    dblp = dblp_record(
        title=title, venue="SustaiNLP@EMNLP", issued=PartialDate(year=2020), ids=Identifiers(doi=doi)
    )
    work = Reference(
        title=title,
        issued=PartialDate(year=2020, month=11),
        entry_type="inproceedings",
        ids=Identifiers(doi=doi),
    )
    crossref = Candidate(source="crossref", reference=work, by_identifier=True)
    merged = merge_reference(preprint, [dblp, crossref], settings())
    assert (merged.issued, merged.provenance["issued"]) == (PartialDate(year=2020, month=11), "crossref")
    other = crossref.model_copy(
        update={"reference": work.model_copy(update={"ids": Identifiers(doi="10.1/x")})}
    )
    assert merge_reference(preprint, [dblp, other], settings()).issued == PartialDate(year=2020)


@pytest.mark.parametrize(
    "s2_dblp",
    [
        pytest.param("journals/corr/abs-2106-04560", id="publication-over-corr"),
        pytest.param(None, id="no-key-before"),
    ],
)
def test_the_dblp_key_is_the_publications_when_the_entry_cites_it(s2_dblp: str | None) -> None:
    # Semantic Scholar gives the CoRR listing's key of papers it knows as published (its record
    # of "Attention Is All You Need": journals/corr/VaswaniSPUJGKP17); the dblp preset's biburl
    # and verify's link are made from the key.
    s2 = s2_record(ids=Identifiers(arxiv_id="2106.04560", s2_paper_id="fake-s2-id", dblp=s2_dblp))
    for companions in ([s2, dblp_record()], [dblp_record(), s2]):
        merged = merge_reference(arxiv_record(), companions, settings())
        assert (merged.entry_type, merged.ids.dblp) == ("inproceedings", "conf/cvpr/Zhai0HB22")
        assert merged.provenance["dblp"] == "dblp"


EDITORS = (Person(given="Kristin", family="Dana"), Person(given="Yael", family="Pritch"))


@pytest.mark.parametrize(
    ("crossref_changes", "publisher", "publisher_source"),
    [
        pytest.param({"publisher": "IEEE"}, "IEEE", "crossref", id="deposit-names-the-publisher"),
        pytest.param(
            {"publisher": None}, "Computer Vision Foundation / IEEE", "dblp", id="deposit-names-none"
        ),
        pytest.param(
            {"publisher": "IEEE", "ids": Identifiers(doi="10.1109/other.2022.1")},
            "Computer Vision Foundation / IEEE",
            "dblp",
            id="another-dois-deposit-is-not-this-papers",
        ),
    ],
)
def test_dblps_volume_adds_the_editors_crossrefs_deposit_lacks_and_keeps_its_publisher(
    crossref_changes: dict[str, Any], publisher: str, publisher_source: str
) -> None:
    """dblp's proceedings volume lists the editors Crossref's deposit of the DOI seldom does; the
    publisher the deposit names stays the deposit's, the DOI and pages the published record's."""
    dblp = dblp_record(editors=EDITORS, publisher="Computer Vision Foundation / IEEE")
    crossref = Candidate(
        source="crossref",
        reference=dblp_record().reference.model_copy(
            update={"venue": "2022 IEEE/CVF CVPR", **crossref_changes}
        ),
        by_identifier=True,
    )
    merged = merge_reference(arxiv_record(), [dblp, crossref], settings())
    assert (merged.editors, merged.provenance["editors"]) == (EDITORS, "dblp")
    assert (merged.publisher, merged.provenance["publisher"]) == (publisher, publisher_source)
    assert (merged.ids.doi, merged.pages) == ("10.1109/cvpr52688.2022.01179", "1204--1213")
