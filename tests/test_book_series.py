"""A paper in a volume of a proceedings series (Springer's LNCS, PMLR, CEUR) is a proceedings
paper of that volume, never a journal article of the series.

Sources name the series where a journal would stand: Crossref deposits an LNCS paper as a
``book-chapter`` whose ``container-title`` lists the series and the volume (in either order,
the series' ISSN 0302-9743 beside them), Semantic Scholar's ``journal.name`` is "Lecture Notes
in Computer Science" with the series volume while ``venue`` names the conference, and JabRef's
journal list holds the series. The records below have those real shapes; the paper is U-Net
(MICCAI 2015, LNCS 9351, pages 234–241, DOI 10.1007/978-3-319-24574-4_28).
"""

from __future__ import annotations

from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.merge import merge_reference
from bibnorm.resolve.venue_kind import kind_by_evidence
from bibnorm.resolvers.crossref import work_to_reference
from bibnorm.resolvers.semantic_scholar import paper_to_reference
from bibnorm.writers.bibtex import write_bibtex

LNCS = "Lecture Notes in Computer Science"
MICCAI_VOLUME = "Medical Image Computing and Computer-Assisted Intervention – MICCAI 2015"
DOI = "10.1007/978-3-319-24574-4_28"
TITLE = "U-Net: Convolutional Networks for Biomedical Image Segmentation"
AUTHORS = (Person(given="Olaf", family="Ronneberger"), Person(given="Philipp", family="Fischer"))


def crossref_chapter(container: list[str], **changes: Any) -> dict[str, Any]:
    return {
        "DOI": DOI,
        "type": "book-chapter",
        "title": [TITLE],
        "author": [{"given": "Olaf", "family": "Ronneberger"}, {"given": "Philipp", "family": "Fischer"}],
        "container-title": container,
        "ISSN": ["0302-9743", "1611-3349"],
        "page": "234-241",
        "publisher": "Springer International Publishing",
        "published-print": {"date-parts": [[2015]]},
        "issued": {"date-parts": [[2015]]},
        **changes,
    }


@pytest.mark.parametrize(
    "container",
    [
        pytest.param([LNCS, MICCAI_VOLUME], id="series-first"),
        pytest.param([MICCAI_VOLUME, LNCS], id="volume-first"),
    ],
)
def test_a_crossref_chapter_of_lncs_is_a_proceedings_paper_of_its_volume(container: list[str]) -> None:
    reference = work_to_reference(crossref_chapter(container))
    assert reference is not None
    assert (reference.entry_type, reference.venue, reference.series) == ("inproceedings", MICCAI_VOLUME, LNCS)
    assert reference.issn == ()  # the series' numbers are not a journal's
    assert reference.pages == "234--241"


@pytest.mark.parametrize(
    "container",
    [
        pytest.param(["An Introduction to Statistical Learning"], id="edited-book"),
        pytest.param([LNCS], id="series-alone"),
        pytest.param(
            ["Studies in Computational Intelligence", "Deep Learning Applications"], id="other-series"
        ),
    ],
)
def test_a_chapter_that_names_no_proceedings_volume_of_a_known_series_settles_nothing(
    container: list[str],
) -> None:
    assert work_to_reference(crossref_chapter(container)) is None


def s2_paper(**changes: Any) -> dict[str, Any]:
    return {
        "paperId": "6364fdaa0a0eccd823a779fcdd489173f938e91a",
        "externalIds": {"DOI": DOI, "ArXiv": "1505.04597", "CorpusId": 3719281},
        "title": TITLE,
        "venue": "International Conference on Medical Image Computing and Computer-Assisted Intervention",
        "year": 2015,
        "publicationTypes": ["JournalArticle", "Conference"],
        "journal": {"name": LNCS, "volume": "9351", "pages": "234-241"},
        "publicationVenue": None,
        "authors": [{"name": "O. Ronneberger"}, {"name": "P. Fischer"}],
        **changes,
    }


def test_semantic_scholars_lncs_journal_is_the_series_and_its_venue_the_conference() -> None:
    reference = paper_to_reference(s2_paper())
    assert reference.entry_type == "inproceedings"
    assert reference.venue is not None and "Medical Image Computing" in reference.venue
    assert (reference.series, reference.volume, reference.pages) == (LNCS, "9351", "234--241")


def test_a_semantic_scholar_record_naming_only_the_series_is_no_publication_but_keeps_its_doi() -> None:
    reference = paper_to_reference(s2_paper(venue=""))
    assert reference.entry_type == "preprint"
    assert reference.venue is None
    assert reference.ids.doi == DOI


@pytest.mark.parametrize(
    ("text", "series"),
    [
        pytest.param(LNCS, LNCS, id="name"),
        pytest.param("Lect. Notes Comput. Sci.", LNCS, id="abbreviation"),
        pytest.param(
            "JMLR Workshop and Conference Proceedings", "Proceedings of Machine Learning Research", id="alias"
        ),
        pytest.param("JMLR", None, id="the-journal"),
        pytest.param("JMLR 25", None, id="the-journal-with-its-volume"),
        pytest.param("Journal of Machine Learning Research", None, id="the-journal-in-full"),
        pytest.param("Proceedings of LNCS 2020", None, id="more-than-the-series"),
    ],
)
def test_a_venue_names_a_series_only_as_a_whole_spelling(text: str, series: str | None) -> None:
    from bibnorm.text.series import named_series

    found = named_series(text)
    assert (found.name if found else None) == series


def test_semantic_scholars_jmlr_journal_stays_a_journal() -> None:
    paper = s2_paper(venue="", journal={"name": "JMLR", "volume": "25", "pages": "70:1-70:53"})
    assert paper_to_reference(paper).entry_type == "article"


def test_the_series_as_a_venue_is_no_evidence_of_a_journal() -> None:
    # It has an ISSN and JabRef lists it: neither makes the series a journal.
    named = Reference(title=TITLE, entry_type="inproceedings", venue=LNCS, issn=("0302-9743",))
    assert kind_by_evidence(named) is None


def arxiv_primary() -> Reference:
    return Reference(
        title=TITLE,
        authors=AUTHORS,
        issued=PartialDate(year=2015, month=5, day=18),
        first_version=PartialDate(year=2015, month=5, day=18),
        entry_type="preprint",
        ids=Identifiers(arxiv_id="1505.04597", arxiv_version=1),
        primary_class="cs.CV",
        provenance={"title": "arxiv", "authors": "arxiv", "issued": "arxiv"},
    )


def test_crossrefs_chapter_names_the_volume_and_semantic_scholar_the_series_volume_number() -> None:
    crossref = work_to_reference(crossref_chapter([LNCS, MICCAI_VOLUME]))
    assert crossref is not None
    companions = [
        Candidate(source="s2", reference=paper_to_reference(s2_paper()), by_identifier=True),
        Candidate(source="crossref", reference=crossref, by_identifier=True),
    ]
    merged = merge_reference(arxiv_primary(), companions, Settings())
    assert (merged.venue, merged.series, merged.volume) == (MICCAI_VOLUME, LNCS, "9351")
    assert (merged.provenance["venue"], merged.provenance["volume"]) == ("crossref", "s2")


def test_semantic_scholar_naming_lncs_its_journal_gives_way_to_crossrefs_chapter() -> None:
    # The shape the roadmap named: S2 labels the paper an article of the series, with the DOI.
    s2 = Reference(
        title=TITLE,
        authors=AUTHORS,
        issued=PartialDate(year=2015),
        entry_type="article",
        venue=LNCS,
        volume="9351",
        ids=Identifiers(doi=DOI, arxiv_id="1505.04597"),
    )
    crossref = work_to_reference(crossref_chapter([LNCS, MICCAI_VOLUME]))
    assert crossref is not None
    companions = [
        Candidate(source="s2", reference=s2, by_identifier=True),
        Candidate(source="crossref", reference=crossref, by_identifier=True),
    ]
    merged = merge_reference(arxiv_primary(), companions, Settings())
    assert (merged.entry_type, merged.venue, merged.series) == ("inproceedings", MICCAI_VOLUME, LNCS)
    assert merged.ids.doi == DOI
    text = write_bibtex([("ronneberger2015unet", merged)])
    assert text.startswith("@inproceedings{ronneberger2015unet,")
    assert "journal" not in text
    assert "series" in text and LNCS in text
