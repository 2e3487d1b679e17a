"""Crossref enricher against the fake Crossref API on 127.0.0.1 (tests/fakes/crossref_api.py).

Specifies: recorded works convert by type with the publication's own date; arXiv DOIs are
never asked; unknown DOIs are no companion; the polite pool's mailto is sent; enrichers run
in turn so Crossref sees the DOI Semantic Scholar found; and the merged entry of the
recorded Nature Machine Intelligence paper carries Crossref's 2024 date, not the
preprint's April 2023 that Semantic Scholar reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import (
    Candidate,
    Identifiers,
    Lookup,
    Origin,
    PartialDate,
    Person,
    Query,
    QueryKind,
    Reference,
)
from bibnorm.resolve import pipeline
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.crossref import (
    DOI_BATCH,
    CrossrefClient,
    CrossrefEnricher,
    work_to_any_reference,
    work_to_reference,
)
from bibnorm.writers import WriterOptions, get_writer
from fakes.crossref_api import FakeCrossref, sample_works

NATURE_MI_DOI = "10.1038/s42256-024-00832-8"


def sample(doi: str) -> dict:
    [work] = [w for w in sample_works() if w["DOI"].casefold() == doi.casefold()]
    return work


@pytest.mark.parametrize(
    ("doi", "entry_type", "venue", "issued"),
    [
        pytest.param("10.1063/1.4938384", "article", "Journal of Applied Physics",
                     PartialDate(year=2015, month=12, day=21), id="published-print"),
        pytest.param(NATURE_MI_DOI, "article", "Nature Machine Intelligence",
                     PartialDate(year=2024, month=5, day=8), id="issued"),
        pytest.param("10.1109/icdcsw.2003.1203662", "inproceedings",
                     "23rd International Conference on Distributed Computing Systems Workshops, 2003. "
                     "Proceedings.", None, id="date-parts-null"),
    ],
)  # fmt: skip
def test_recorded_works_convert_with_the_publications_own_date(
    doi: str, entry_type: str, venue: str, issued: PartialDate | None
) -> None:
    reference = work_to_reference(sample(doi))
    assert reference is not None
    assert (reference.entry_type, reference.venue, reference.issued) == (entry_type, venue, issued)
    assert reference.ids.doi == doi


# SqueezeBERT (arXiv 2006.11316) as the ACL Anthology lists it: SustaiNLP 2020, November 2020.
# The date fields are laid out as some deposits have them (the work itself is not recorded).
SQUEEZEBERT = {
    "DOI": "10.18653/v1/2020.sustainlp-1.17",
    "type": "proceedings-article",
    "title": ["SqueezeBERT: What can computer vision teach NLP about efficient neural networks?"],
    "container-title": [
        "Proceedings of SustaiNLP: Workshop on Simple and Efficient Natural Language Processing"
    ],
    "page": "124-135",
    "publisher": "Association for Computational Linguistics",
}


@pytest.mark.parametrize(
    ("dates", "issued"),
    [
        pytest.param({"published-print": [[2020]], "published-online": [[2020, 11]]},
                     PartialDate(year=2020, month=11), id="year-only-print-month-online"),
        pytest.param({"issued": [[2020]], "published": [[2020, 11, 20]]},
                     PartialDate(year=2020, month=11, day=20), id="year-only-issued-month-published"),
        pytest.param({"published-print": [[2021]], "published-online": [[2020, 11]]},
                     PartialDate(year=2021), id="another-years-month-is-not-taken"),
        pytest.param({"published-print": [[2020, 12]], "published-online": [[2020, 11]]},
                     PartialDate(year=2020, month=12), id="print-month-wins"),
    ],
)  # fmt: skip
def test_a_year_only_date_takes_the_month_the_same_work_gives_for_that_year(
    dates: dict[str, list[list[int]]], issued: PartialDate
) -> None:
    work = SQUEEZEBERT | {field: {"date-parts": parts} for field, parts in dates.items()}
    reference = work_to_reference(work)
    assert reference is not None and reference.issued == issued


@pytest.mark.parametrize(
    ("publisher", "kept"),
    [
        pytest.param("Crossref Member", None, id="placeholder"),
        pytest.param("  crossref   MEMBER ", None, id="placeholder-spaced-and-cased"),
        pytest.param("Association for Computational Linguistics", "Association for Computational Linguistics",
                     id="a-publisher"),
    ],
)  # fmt: skip
def test_a_placeholder_publisher_is_no_publisher(publisher: str, kept: str | None) -> None:
    reference = work_to_reference(SQUEEZEBERT | {"publisher": publisher})
    assert reference is not None
    assert reference.publisher == kept
    assert ("publisher" in reference.provenance) is (kept is not None)  # nor is it named as a source's


@pytest.mark.parametrize(
    ("author", "person"),
    [
        pytest.param(
            {"given": "Andres", "family": "M. Bran"},
            Person(given="Andres M.", family="Bran"),
            id="initial-deposited-with-the-family-name",
        ),  # 10.1038/s42256-024-00832-8
        pytest.param(
            {"given": "Jean", "family": "P. A. Dupont"},
            Person(given="Jean P. A.", family="Dupont"),
            id="initials",
        ),
        pytest.param(
            {"given": "Y", "family": "St. John"}, Person(given="Y", family="St. John"), id="no-initial"
        ),
        pytest.param(
            {"given": "X", "family": "M."}, Person(given="X", family="M."), id="an-initial-alone-stays"
        ),
        pytest.param(
            {"given": "A", "family": "B. " * 5000 + "x"},
            Person(given="A " + "B. " * 4999 + "B.", family="x"),
            id="long-run-in-linear-time",
        ),
    ],
)
def test_a_deposited_family_name_keeps_no_initial(author: dict[str, str], person: Person) -> None:
    [reference] = [work_to_reference(SQUEEZEBERT | {"author": [author]})]
    assert reference is not None and reference.authors == (person,)


def test_posted_content_is_not_a_publication() -> None:
    assert work_to_reference(sample("10.1101/2024.04.01.587366")) is None


@pytest.fixture
def fake() -> Iterator[FakeCrossref]:
    server = FakeCrossref().start()
    yield server
    server.stop()


def enricher(fake: FakeCrossref, tmp_path: Path, **changes: object) -> CrossrefEnricher:
    settings = Settings(cache_dir=tmp_path / "cache", crossref_api_url=fake.url, crossref_delay=0, **changes)
    return CrossrefEnricher(CrossrefClient(build_session(settings, sleep=lambda _: None), settings))


def paper(doi: str | None, arxiv_id: str = "2304.05376") -> Reference:
    return Reference(
        title="Augmenting large language models with chemistry tools",
        authors=(Person(given="Andres M.", family="Bran"),),
        issued=PartialDate(year=2023, month=4, day=11),
        first_version=PartialDate(year=2023, month=4, day=11),
        ids=Identifiers(arxiv_id=arxiv_id, doi=doi),
    )


def test_a_publisher_doi_is_looked_up_once_with_the_polite_mailto(fake: FakeCrossref, tmp_path: Path) -> None:
    answers = enricher(fake, tmp_path, mailto="team@example.org").enrich({0: paper(NATURE_MI_DOI)})
    [companion] = answers[0].candidates
    assert companion.source == "crossref" and companion.reference.venue == "Nature Machine Intelligence"
    assert fake.requests == [{"path": f"/works/{NATURE_MI_DOI}", "mailto": "team@example.org"}]


def test_arxiv_dois_and_missing_dois_cost_no_request(fake: FakeCrossref, tmp_path: Path) -> None:
    answers = enricher(fake, tmp_path).enrich({0: paper("10.48550/arXiv.2304.05376"), 1: paper(None)})
    assert answers == {}
    assert fake.requests == []


def test_a_doi_crossref_does_not_know_is_no_companion(fake: FakeCrossref, tmp_path: Path) -> None:
    answers = enricher(fake, tmp_path).enrich({0: paper("10.1371/notarealdoi")})
    assert answers == {}
    assert len(fake.requests) == 1


def test_several_dois_are_one_filtered_list_request_and_unknown_ones_are_no_companion(
    fake: FakeCrossref, tmp_path: Path
) -> None:
    papers = {
        0: paper(NATURE_MI_DOI),
        1: paper("10.1063/1.4938384", arxiv_id="1512.00001"),
        2: paper("10.1371/notarealdoi", arxiv_id="1512.00002"),
        3: paper(NATURE_MI_DOI.upper(), arxiv_id="2304.05376"),  # the same DOI in another case
    }
    answers = enricher(fake, tmp_path).enrich(papers)
    assert sorted(answers) == [0, 1, 3]
    assert answers[0].candidates[0].reference.venue == "Nature Machine Intelligence"
    assert answers[1].candidates[0].reference.venue == "Journal of Applied Physics"
    [request] = fake.requests
    assert request["path"] == "/works"
    assert request["filter"].split(",") == [
        "doi:10.1038/s42256-024-00832-8", "doi:10.1063/1.4938384", "doi:10.1371/notarealdoi"
    ]  # fmt: skip
    assert request["rows"] == "3"


def test_a_doi_answered_before_in_the_run_is_not_asked_again(fake: FakeCrossref, tmp_path: Path) -> None:
    """A run asks its papers a group at a time: a DOI two groups name is asked once, held or not."""
    asking = enricher(fake, tmp_path)
    asking.enrich({0: paper(NATURE_MI_DOI), 1: paper("10.1371/notarealdoi", arxiv_id="1512.00002")})
    later = asking.enrich(
        {
            5: paper(NATURE_MI_DOI),
            6: paper("10.1371/notarealdoi", arxiv_id="1512.00002"),
            7: paper("10.1063/1.4938384", arxiv_id="1512.00001"),
        }
    )
    assert sorted(later) == [5, 7]
    assert later[5].candidates[0].reference.venue == "Nature Machine Intelligence"
    assert [request["path"] for request in fake.requests] == ["/works", "/works/10.1063/1.4938384"]


def test_dois_beyond_one_batch_take_further_requests(fake: FakeCrossref, tmp_path: Path) -> None:
    papers = {i: paper(f"10.5555/unknown.{i:03}", arxiv_id=f"2401.{i:05}") for i in range(DOI_BATCH + 1)}
    assert enricher(fake, tmp_path).enrich(papers) == {}
    first, second = fake.requests
    assert len(first["filter"].split(",")) == DOI_BATCH
    assert second == {"path": f"/works/10.5555/unknown.{DOI_BATCH:03}"}  # the one left over, as a single work


def test_a_batch_crossref_refuses_is_asked_doi_by_doi(tmp_path: Path) -> None:
    fake = FakeCrossref(refuses=lambda value: value.endswith("/refused")).start()
    try:
        papers = {0: paper(NATURE_MI_DOI), 1: paper("10.1063/1.4938384"), 2: paper("10.5555/refused")}
        answers = enricher(fake, tmp_path).enrich(papers)
        assert sorted(answers) == [0, 1]  # the unreadable DOI costs only its own paper, and is no failure
        assert [r["path"] for r in fake.requests] == [
            "/works", f"/works/{NATURE_MI_DOI}", "/works/10.1063/1.4938384", "/works/10.5555/refused"
        ]  # fmt: skip
    finally:
        fake.stop()


def test_only_plain_dois_go_into_a_filter(fake: FakeCrossref, tmp_path: Path) -> None:
    sici = "10.1002/(sici)1097-4636(199812)43:4<436::aid-jbm12>3.0.co;2-f"
    comma = "10.5555/a,b"
    papers = {0: paper(NATURE_MI_DOI), 1: paper("10.1063/1.4938384"), 2: paper(sici), 3: paper(comma)}
    enricher(fake, tmp_path).enrich(papers)
    assert [r["path"] for r in fake.requests] == ["/works", f"/works/{sici}", f"/works/{comma}"]
    assert fake.requests[0]["filter"] == "doi:10.1038/s42256-024-00832-8,doi:10.1063/1.4938384"


def test_a_failed_batch_marks_each_of_its_papers_failed(tmp_path: Path) -> None:
    settings = Settings(
        cache_dir=tmp_path / "cache",
        crossref_api_url="http://127.0.0.1:9",
        crossref_delay=0,
        breaker_failures=1,
    )
    client = CrossrefClient(build_session(settings, sleep=lambda _: None), settings)
    answers = CrossrefEnricher(client).enrich({0: paper(NATURE_MI_DOI), 1: paper("10.1063/1.4938384")})
    assert sorted(answers) == [0, 1]
    assert all(a.failed and a.problems[0].code == "crossref.unavailable" for a in answers.values())


class PublishedElsewhere:
    """An enricher that reports the paper's publisher DOI, as Semantic Scholar does."""

    name = "s2"

    def enrich(self, references: Mapping[int, Reference], progress: object = None) -> Mapping[int, Lookup]:
        published = Reference(
            title="Augmenting large language models with chemistry tools",
            issued=PartialDate(year=2023, month=4, day=11),  # S2's publicationDate: the preprint's
            entry_type="article",
            venue="Nature Machine Intelligence",
            ids=Identifiers(arxiv_id="2304.05376", doi=NATURE_MI_DOI),
        )
        return {i: Lookup(candidates=(Candidate(source="s2", reference=published),)) for i in references}


class Preprint:
    """arXiv's record of the paper (by default without a DOI)."""

    name = "arxiv"

    def __init__(self, reference: Reference | None = None) -> None:
        self.reference = reference or paper(None)

    def lookup(self, queries: object, progress: object = None) -> Mapping[int, Lookup]:
        return {
            0: Lookup(candidates=(Candidate(source="arxiv", reference=self.reference, by_identifier=True),))
        }


def resolved(preprint: Preprint, enrichers: list[Any], tmp_path: Path) -> Reference:
    """The paper's entry as the pipeline resolves it from ``preprint`` with ``enrichers``."""
    query = Query(index=0, origin=Origin(path="t", line=1), kind=QueryKind.ARXIV_ID, arxiv_id="2304.05376")
    [resolution] = pipeline.run(
        [query], [preprint], Settings(cache_dir=tmp_path / "cache"), enrichers=enrichers
    )
    assert resolution.reference is not None
    return resolution.reference


def test_crossref_sees_the_doi_an_earlier_enricher_found_and_dates_the_publication(
    fake: FakeCrossref, tmp_path: Path
) -> None:
    reference = resolved(Preprint(), [PublishedElsewhere(), enricher(fake, tmp_path)], tmp_path)
    assert (reference.entry_type, reference.venue, reference.ids.doi) == (
        "article",
        "Nature Machine Intelligence",
        NATURE_MI_DOI,
    )
    assert reference.issued == PartialDate(year=2024, month=5, day=8)  # not S2's April 2023
    assert reference.provenance["issued"] == "crossref"


CHEMCROW_AUTHORS = (
    ("Andres M.", "Bran"),
    ("Sam", "Cox"),
    ("Oliver", "Schilter"),
    ("Carlo", "Baldassari"),
    ("Andrew D.", "White"),
    ("Philippe", "Schwaller"),
)  # Crossref's record of 10.1038/s42256-024-00832-8, in its order


def test_the_doi_path_lists_the_authors_as_crossrefs_record_of_the_publication_does(
    fake: FakeCrossref, tmp_path: Path
) -> None:
    # arXiv's record names the journal's DOI and lists the authors in another order.
    arxiv_order = tuple(Person(given=given, family=family) for given, family in reversed(CHEMCROW_AUTHORS))
    preprint = Preprint(paper(NATURE_MI_DOI).model_copy(update={"authors": arxiv_order}))
    reference = resolved(preprint, [enricher(fake, tmp_path)], tmp_path)
    assert reference.venue == "Nature Machine Intelligence"
    assert [(p.given, p.family) for p in reference.authors] == list(CHEMCROW_AUTHORS)
    assert reference.provenance["authors"] == "crossref"


@pytest.mark.parametrize("writer", ["bibtex", "csl-json", "ris"])
def test_a_placeholder_publisher_reaches_no_output(tmp_path: Path, writer: str) -> None:
    # The recorded Nature Machine Intelligence work as a member that deposited no publisher name
    # would give it.
    work = sample(NATURE_MI_DOI) | {"publisher": "Crossref Member"}
    server = FakeCrossref(works=[work]).start()
    try:
        reference = resolved(Preprint(paper(NATURE_MI_DOI)), [enricher(server, tmp_path)], tmp_path)
    finally:
        server.stop()
    assert reference.venue == "Nature Machine Intelligence" and reference.publisher is None
    text = get_writer(writer).write([("bran2024", reference)], WriterOptions())
    assert "Nature Machine Intelligence" in text and "Crossref Member" not in text


# --- the journal's own data, and the citation search for DOI-less published papers ---


@pytest.mark.parametrize(
    ("doi", "venue_short", "issn", "pages"),
    [
        pytest.param(
            NATURE_MI_DOI, "Nat Mach Intell", ("2522-5839",), "525--535", id="journal-short-title-issn"
        ),
        pytest.param(
            "10.1063/1.4938384", None, ("0021-8979", "1089-7550"), "235306", id="article-number-as-pages"
        ),
        pytest.param("10.17705/1cais.04607", "CAIS", ("1529-3181",), "134--186", id="acronym-short-title"),
        pytest.param("10.1109/icdcsw.2003.1203662", None, (), "877--882", id="proceedings-without-issn"),
    ],
)
def test_recorded_works_give_the_journals_short_title_and_issns(
    doi: str, venue_short: str | None, issn: tuple[str, ...], pages: str
) -> None:
    reference = work_to_reference(sample(doi))
    assert reference is not None
    assert (reference.venue_short, reference.issn, reference.pages) == (venue_short, issn, pages)


def test_a_recorded_biorxiv_preprint_is_a_record_whose_venue_is_its_server() -> None:
    record = work_to_any_reference(sample("10.1101/2024.04.01.587366"))
    assert (record.entry_type, record.venue) == ("misc", "bioRxiv")


PHYSICS_WORK = {
    "DOI": "10.1103/PhysRevLett.110.067208",
    "type": "journal-article",
    "title": ["Characterizing Topological Order by Studying the Ground States of an Infinite Cylinder"],
    "author": [
        {"given": "L.", "family": "Cincio", "sequence": "first"},
        {"given": "G.", "family": "Vidal", "sequence": "additional"},
    ],
    "container-title": ["Physical Review Letters"],
    "short-container-title": ["Phys. Rev. Lett."],
    "ISSN": ["0031-9007", "1079-7114"],
    "volume": "110",
    "issue": "6",
    "page": "067208",
    "issued": {"date-parts": [[2013, 2, 7]]},
}  # tenpy/tenpy @ 7f1d955 doc/literature.bib#cincio2013, in Crossref's work format


def physics_preprint(**changes: object) -> Reference:
    """arXiv 1208.2623 as resolved, with Semantic Scholar's record folded in: published, no DOI."""
    values: dict[str, object] = {
        "title": "Characterizing topological order by studying the ground states of an infinite cylinder",
        "authors": (Person(given="Lukasz", family="Cincio"), Person(given="Guifre", family="Vidal")),
        "first_version": PartialDate(year=2012, month=8),
        "entry_type": "article",
        "venue": "Phys. Rev. Lett.",
        "categories": ("cond-mat.str-el",),
        "ids": Identifiers(arxiv_id="1208.2623"),
        "provenance": {"venue": "s2"},
    }
    return Reference(**{**values, **changes})


@pytest.fixture
def physics() -> Iterator[FakeCrossref]:
    server = FakeCrossref([*sample_works(), PHYSICS_WORK]).start()
    yield server
    server.stop()


def test_a_published_paper_outside_cs_without_a_doi_is_found_by_one_citation_search(
    physics: FakeCrossref, tmp_path: Path
) -> None:
    answers = enricher(physics, tmp_path).enrich({0: physics_preprint()})
    (candidate,) = answers[0].candidates
    assert candidate.reference.ids.doi == "10.1103/PhysRevLett.110.067208"
    assert (candidate.reference.venue, candidate.reference.issn) == (
        "Physical Review Letters",
        ("0031-9007", "1079-7114"),
    )
    (request,) = physics.requests
    assert (
        request["query.bibliographic"].startswith("Characterizing topological order")
        and "Cincio 2012" in (request["query.bibliographic"])
    )


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"authors": (Person(given="Jane", family="Doe"),)}, id="other-authors"),
        pytest.param({"first_version": PartialDate(year=2005)}, id="years-apart"),
        pytest.param({"title": "Characterizing topological order of cylinders"}, id="other-title"),
    ],
)
def test_a_search_hit_the_matcher_does_not_accept_is_no_companion(
    physics: FakeCrossref, tmp_path: Path, changes: dict[str, object]
) -> None:
    answers = enricher(physics, tmp_path).enrich({0: physics_preprint(**changes)})
    assert answers[0].candidates == ()
    assert len(physics.requests) == 1


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"categories": ("cs.LG",)}, id="computer-science-is-dblps"),
        pytest.param({"entry_type": "preprint", "venue": None}, id="no-publication-named"),
        pytest.param({"provenance": {"venue": "dblp"}}, id="dblp-settled-it"),
        pytest.param(
            {"ids": Identifiers(arxiv_id="1208.2623", doi="10.1103/PhysRevLett.110.067208")},
            id="a-doi-goes-to-the-batch",
        ),
    ],
)
def test_no_search_for_papers_a_batch_or_dblp_settles(
    physics: FakeCrossref, tmp_path: Path, changes: dict[str, object]
) -> None:
    enricher(physics, tmp_path).enrich({0: physics_preprint(**changes)})
    assert not [r for r in physics.requests if "query.bibliographic" in r]
