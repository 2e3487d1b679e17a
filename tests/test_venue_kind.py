"""A venue is a journal or a proceedings by evidence: Crossref's type, the ISSN, the venue data.

The records are the recorded Crossref works (journal articles with and without a short title,
one with two ISSNs, a proceedings paper without an ISSN) and the labels sources put on papers:
Semantic Scholar's "Conference" on a Nature paper, OpenAlex's "conference" source, dblp's
"Conference and Workshop Papers". The label gives way to the evidence, and a note names both.
"""

from __future__ import annotations

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.merge import merge_reference
from bibnorm.resolve.normalize import volume_out_of_journal_name
from bibnorm.resolve.venue_kind import kind_by_evidence, settle_entry_type
from bibnorm.resolvers.crossref import work_to_reference
from fakes.crossref_api import sample_works


def crossref(doi: str) -> Reference:
    [work] = [w for w in sample_works() if w["DOI"].casefold() == doi.casefold()]
    record = work_to_reference(work)
    assert record is not None
    return record


@pytest.mark.parametrize(
    ("doi", "label", "kind", "because"),
    [
        pytest.param(
            "10.1038/s42256-024-00832-8",
            "inproceedings",
            "article",
            "Crossref's type of 10.1038/s42256-024-00832-8 is journal-article",
            id="journal-article",
        ),
        pytest.param(
            "10.1063/1.4938384",
            "inproceedings",
            "article",
            "Crossref's type of 10.1063/1.4938384 is journal-article",
            id="journal-article-two-issns",
        ),
        pytest.param(
            "10.1109/icdcsw.2003.1203662",
            "article",
            "inproceedings",
            "Crossref's type of 10.1109/icdcsw.2003.1203662 is proceedings-article",
            id="proceedings-article-no-issn",
        ),
    ],
)
def test_crossrefs_type_of_the_doi_decides(doi: str, label: str, kind: str, because: str) -> None:
    record = crossref(doi)
    crossref_type = "journal-article" if record.entry_type == "article" else "proceedings-article"
    labelled = record.model_copy(update={"entry_type": label, "provenance": {"entry_type": "s2"}})
    evidence = kind_by_evidence(labelled, crossref_type)
    assert evidence is not None and (evidence.kind, evidence.because) == (kind, because)
    settled = settle_entry_type(labelled, crossref_type)
    assert settled.entry_type == kind
    assert settled.provenance["entry_type"] == "crossref"
    assert settled.notes[-1].startswith("Semantic Scholar labels it ")
    assert because in settled.notes[-1]


def _labelled(venue: str, label: str = "inproceedings", **changes: object) -> Reference:
    return Reference(
        title="A paper",
        entry_type=label,  # type: ignore[arg-type]
        venue=venue,
        provenance={"entry_type": "openalex", "venue": "openalex"},
        **changes,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("reference", "kind"),
    [
        pytest.param(_labelled("Nature"), "article", id="table-journal"),
        pytest.param(_labelled("Physical Review Letters"), "article", id="list-journal"),
        pytest.param(_labelled("Some Society Bulletin", issn=("1234-5678",)), "article", id="issn"),
        pytest.param(
            _labelled("Proceedings of the Some Symposium", issn=("1234-5678",)),
            None,
            id="issn-of-a-proceedings-series-is-no-evidence",
        ),
        pytest.param(
            _labelled("Conference on Computer Vision and Pattern Recognition", "article"),
            "inproceedings",
            id="table-conference",
        ),
        pytest.param(_labelled("Some Local Venue"), None, id="nothing-knows-it"),
        pytest.param(_labelled("arXiv", "article"), None, id="a-preprint-server-is-no-venue"),
    ],
)
def test_without_a_crossref_type_the_issn_and_the_venue_data_decide(
    reference: Reference, kind: str | None
) -> None:
    evidence = kind_by_evidence(reference)
    assert (evidence.kind if evidence else None) == kind


def test_the_label_is_kept_when_nothing_speaks_and_when_the_evidence_agrees() -> None:
    unknown = _labelled("Some Local Venue")
    assert settle_entry_type(unknown) is unknown
    agreeing = _labelled("Nature", "article")
    assert settle_entry_type(agreeing) is agreeing


# --- through the merge: "In Nature, 2015." as a conference paper is the bug ---------------------


LECUN = Reference(
    title="Deep learning",
    authors=(
        Person(given="Yann", family="LeCun"),
        Person(given="Yoshua", family="Bengio"),
        Person(given="Geoffrey", family="Hinton"),
    ),
    first_version=PartialDate(year=2015, month=5),
    entry_type="misc",
    ids=Identifiers(),
)
NATURE_DOI = "10.1038/nature14539"


def _companion(source: str, entry_type: str, venue: str, **changes: object) -> Candidate:
    record = LECUN.model_copy(
        update={
            "entry_type": entry_type,
            "venue": venue,
            "issued": PartialDate(year=2015, month=5, day=27),
            "ids": Identifiers(doi=NATURE_DOI),
            "provenance": {"entry_type": source, "venue": source},
            **changes,
        }
    )
    return Candidate(source=source, reference=record, by_identifier=True)


def test_dblps_conference_label_gives_way_to_crossrefs_journal_article_and_a_note_names_both() -> None:
    dblp = _companion("dblp", "inproceedings", "Nature")
    published = _companion(
        "crossref", "article", "Nature", volume="521", number="7553", pages="436--444", issn=("0028-0836",)
    )
    merged = merge_reference(LECUN, [dblp, published], Settings())
    assert (merged.entry_type, merged.venue, merged.volume, merged.number, merged.pages) == (
        "article",
        "Nature",
        "521",
        "7553",
        "436--444",
    )
    assert merged.issn == ("0028-0836",)
    assert "dblp says inproceedings in 'Nature'; Crossref's article in 'Nature' was used" in merged.notes


def test_an_openalex_conference_label_on_a_journal_gives_way_to_the_venue_data() -> None:
    merged = merge_reference(LECUN, [_companion("openalex", "inproceedings", "Nature")], Settings())
    assert merged.entry_type == "article"
    assert merged.notes[-1] == (
        "OpenAlex labels it a proceedings paper; bibnorm's venue table lists 'Nature' as a journal: "
        "written as a journal article"
    )


@pytest.mark.parametrize(
    ("venue", "volume", "expected"),
    [
        pytest.param("Entropy 27", None, ("Entropy", "27"), id="entropy"),
        pytest.param("JMLR 24", "24", ("JMLR", "24"), id="same-volume"),
        pytest.param("Physical Review B", "94", ("Physical Review B", "94"), id="letter-stays"),
    ],
)
def test_the_volume_never_stays_in_the_journal_name(
    venue: str, volume: str | None, expected: tuple[str, str]
) -> None:
    reference = Reference(title="A paper", entry_type="article", venue=venue, volume=volume)
    fixed = volume_out_of_journal_name(reference)
    assert (fixed.venue, fixed.volume) == expected
