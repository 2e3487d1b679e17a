"""dblp enricher against the fake dblp search on 127.0.0.1 (tests/fakes/dblp_api.py).

Specifies: the recorded wire format converts to published `Reference`s; a published
version is accepted only with the same title key, agreeing authors and a plausible year;
CoRR listings are never publications; two different publications of one paper give
none; workshops stay workshops; 429 with Retry-After is waited out; non-CS papers cost
no request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.identifiers import canonical_doi
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.dblp import (
    DblpClient,
    DblpEnricher,
    author_names,
    build_dblp,
    hit_to_reference,
    search_query,
)
from bibnorm.text.venues import find_venue
from fakes.dblp_api import CONFERENCE, JOURNAL, SAMPLE, FakeDblp, sample_records

CVPR = find_venue("CVPR")
CVPRW = find_venue("CVPRW")
assert CVPR is not None and CVPRW is not None


def preprint(title: str, authors: list[str], arxiv_id: str, year: int, **changes: Any) -> Reference:
    reference = Reference(
        title=title,
        authors=tuple(Person(given=" ".join(n.split()[:-1]), family=n.split()[-1]) for n in authors),
        issued=PartialDate(year=year, month=6),
        first_version=PartialDate(year=year, month=6),
        ids=Identifiers(arxiv_id=arxiv_id),
        primary_class="cs.CV",
    )
    return reference.model_copy(update=changes)


SVT = preprint(
    "Scaling Vision Transformers",
    ["Xiaohua Zhai", "Alexander Kolesnikov", "Neil Houlsby", "Lucas Beyer"],
    "2106.04560",
    2021,
)


@pytest.fixture
def fake() -> Iterator[FakeDblp]:
    server = FakeDblp().start()
    yield server
    server.stop()


class Harness:
    def __init__(self, fake: FakeDblp, cache_dir: Path, **overrides: Any) -> None:
        self.sleeps: list[float] = []
        settings = Settings(cache_dir=cache_dir, dblp_api_url=fake.url, dblp_delay=0, **overrides)
        self.session = build_session(settings, sleep=self.sleeps.append, jitter=lambda: 0.0)
        self.enricher = DblpEnricher(DblpClient(self.session, settings))

    def published(self, reference: Reference) -> list[Reference]:
        answer = self.enricher.enrich({0: reference}).get(0)
        return [c.reference for c in answer.candidates] if answer else []


@pytest.fixture
def harness(fake: FakeDblp, tmp_path: Path) -> Iterator[Harness]:
    made = Harness(fake, tmp_path / "cache")
    yield made
    made.session.close()


# --------------------------------------------------------------------------- wire format


def test_recorded_hits_convert_by_type_with_venue_pages_and_doi() -> None:
    body = json.loads(SAMPLE.read_text(encoding="utf-8"))
    infos = [hit["info"] for hit in body["result"]["hits"]["hit"]]
    conference = hit_to_reference(infos[0])  # Asian Test Symposium 2005, pages 366-371
    assert conference is not None
    assert (conference.entry_type, conference.venue, conference.pages) == (
        "inproceedings",
        "Asian Test Symposium",
        "366--371",
    )
    assert conference.issued == PartialDate(year=2005)
    assert conference.ids.doi == canonical_doi("10.1109/ATS.2005.17")
    assert conference.ids.dblp == "conf/ats/ShinogiYHTY05"
    assert conference.title.endswith("Full-Scan Test Architecture")  # dblp's final "." dropped
    journal = hit_to_reference(infos[3])  # Softw. Test., Verif. Reliab. 24(7)
    assert journal is not None
    assert (journal.entry_type, journal.venue, journal.volume, journal.number) == (
        "article",
        "Softw. Test., Verif. Reliab.",
        "24",
        "7",
    )
    books = [info for info in infos if info["type"] == "Books and Theses"]
    assert books and all(hit_to_reference(info) is None for info in books)


@pytest.mark.parametrize(
    ("venue", "kind", "entry_type", "printed"),
    [
        ("ICIP", CONFERENCE, "inproceedings",
         "Proceedings of the IEEE International Conference on Image Processing (ICIP)"),
        ("VCIP", CONFERENCE, "inproceedings",
         "Proceedings of the IEEE International Conference on Visual Communications and Image "
         "Processing (VCIP)"),
        ("IEEE Trans. Multim.", JOURNAL, "article", "IEEE Transactions on Multimedia"),
        ("Entropy", JOURNAL, "article", "Entropy"),
        # not in the table: printed as dblp spells it
        ("Softw. Test. Verification Reliab.", JOURNAL, "article", "Softw. Test. Verification Reliab."),
        # a record in several venues lists them all
        (["CVPR", "Workshops"], CONFERENCE, "inproceedings",
         "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition "
         "Workshops (CVPRW)"),
    ],
)  # fmt: skip
def test_dblps_short_venue_spellings_print_the_venues_full_name(
    venue: str | list[str], kind: str, entry_type: str, printed: str
) -> None:
    info = {"title": "A paper.", "venue": venue, "year": "2024", "type": kind, "key": "conf/x/A24"}
    reference = hit_to_reference(info)
    assert reference is not None and (reference.entry_type, reference.venue) == (entry_type, printed)


def test_a_workshop_at_a_conference_is_not_the_conference() -> None:
    [a_test] = [info for info in sample_records() if info.get("venue") == "A-TEST@ESEC/SIGSOFT FSE"]
    reference = hit_to_reference(a_test)
    assert reference is not None and reference.venue == "A-TEST@ESEC/SIGSOFT FSE"


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        pytest.param({"author": "Jane Doe 0002"}, ["Jane Doe"], id="one-author-is-a-string"),
        pytest.param(
            {"author": ["Wei Liu 0001", "Jürgen Schmidhuber"]}, ["Wei Liu", "Jürgen Schmidhuber"], id="list"
        ),
        pytest.param({"author": [{"@pid": "x/1", "text": "Ana Ruiz"}]}, ["Ana Ruiz"], id="pid-objects"),
    ],
)
def test_author_names_in_every_layout_dblp_uses(authors: dict[str, Any], expected: list[str]) -> None:
    assert author_names({"authors": authors}) == expected


# --------------------------------------------------------------------------- choosing


def test_the_conference_version_is_found_and_the_corr_listing_is_not(harness: Harness) -> None:
    [published] = harness.published(SVT)
    assert (published.entry_type, published.venue, published.issued) == (
        "inproceedings",
        CVPR.name,
        PartialDate(year=2022),
    )
    assert published.ids.dblp and published.ids.dblp.startswith("conf/cvpr/")
    assert not published.ids.doi  # dblp gave none; nothing invented


def test_a_paper_only_on_corr_has_no_published_version(harness: Harness, fake: FakeDblp) -> None:
    mobilenets = preprint(
        "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
        ["Andrew G. Howard", "Menglong Zhu", "Bo Chen", "Dmitry Kalenichenko", "Weijun Wang",
         "Tobias Weyand", "Marco Andreetto", "Hartwig Adam"],
        "1704.04861",
        2017,
    )  # fmt: skip
    assert harness.published(mobilenets) == []
    assert len(fake.requests) == 1


def test_a_workshop_paper_stays_a_workshop_paper(harness: Harness) -> None:
    cnn = preprint(
        "CNN Features off-the-shelf: an Astounding Baseline for Recognition",
        ["Ali Sharif Razavian", "Hossein Azizpour", "Josephine Sullivan", "Stefan Carlsson"],
        "1403.6382",
        2014,
    )
    [published] = harness.published(cnn)
    assert published.venue == CVPRW.name


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"title": "Scaling Vision"}, id="a-prefix-of-the-title"),
        pytest.param({"title": "Scaling Vision Transformers to Gigantic Sizes"}, id="a-longer-title"),
        pytest.param(
            {"authors": (Person(given="Ada", family="Lovelace"), Person(given="Alan", family="Turing"))},
            id="other-authors",
        ),
        pytest.param(
            {"first_version": PartialDate(year=2012), "issued": PartialDate(year=2012)}, id="year-far-before"
        ),
    ],
)
def test_a_hit_that_is_not_this_paper_is_never_taken(harness: Harness, changes: dict[str, Any]) -> None:
    assert harness.published(SVT.model_copy(update=changes)) == []


def test_two_different_publications_of_one_paper_give_none(tmp_path: Path) -> None:
    authors = {"author": ["Xiaohua Zhai", "Alexander Kolesnikov", "Neil Houlsby", "Lucas Beyer"]}
    records = [
        {"authors": authors, "title": "Scaling Vision Transformers.", "venue": "CVPR", "year": "2022",
         "type": CONFERENCE, "key": "conf/cvpr/ZhaiKHB22"},
        {"authors": authors, "title": "Scaling Vision Transformers.",
         "venue": "IEEE Trans. Pattern Anal. Mach. Intell.", "volume": "46", "year": "2024",
         "type": JOURNAL, "key": "journals/pami/ZhaiKHB24"},
    ]  # fmt: skip
    server = FakeDblp(records).start()
    try:
        harness = Harness(server, tmp_path / "cache")
        answer = harness.enricher.enrich({0: SVT})[0]
        assert answer.candidates == ()
        [problem] = answer.problems
        assert problem.code == "dblp.several_versions" and "CVPR" in problem.message
    finally:
        server.stop()


# --------------------------------------------------------------------------- politeness


def test_a_429_is_waited_out_as_retry_after_says(harness: Harness, fake: FakeDblp) -> None:
    fake.inject("429")
    assert len(harness.published(SVT)) == 1
    assert 1.0 in harness.sleeps
    assert len(fake.searches) == 2


def test_a_body_that_is_not_json_is_retried_not_cached(harness: Harness, fake: FakeDblp) -> None:
    fake.inject("non_json")
    assert len(harness.published(SVT)) == 1
    assert len(fake.searches) == 2


def test_papers_outside_computer_science_cost_no_request(harness: Harness, fake: FakeDblp) -> None:
    physics = SVT.model_copy(update={"primary_class": "hep-th", "categories": ("hep-th",)})
    assert harness.enricher.enrich({0: physics}) == {}
    assert fake.requests == []


S2_SAYS_PREPRINT = {
    "ids": Identifiers(arxiv_id="2105.15203", s2_paper_id="a" * 40, dblp="journals/corr/abs-2105-15203")
}
S2_SAYS_PUBLISHED = {
    "ids": Identifiers(arxiv_id="2105.15203", s2_paper_id="a" * 40),
    "entry_type": "inproceedings",
    "venue": "Neural Information Processing Systems",
}
PUBLISHED_WITH_DOI = {**S2_SAYS_PUBLISHED, "ids": Identifiers(arxiv_id="2105.15203", doi="10.5555/segformer")}


@pytest.mark.parametrize(
    ("changes", "doi_sources", "searched"),
    [
        pytest.param({}, True, True, id="semantic-scholar-not-asked"),
        pytest.param(S2_SAYS_PREPRINT, True, False, id="s2-record-names-no-publication"),
        pytest.param({"ids": S2_SAYS_PREPRINT["ids"].model_copy(update={"dblp": "conf/nips/XieWYAAL21"})},
                     True, True, id="s2-preprint-but-dblp-lists-a-publication"),
        pytest.param(S2_SAYS_PUBLISHED, True, True, id="published-without-doi"),
        pytest.param(PUBLISHED_WITH_DOI, True, False, id="publisher-doi-for-crossref"),
        pytest.param(PUBLISHED_WITH_DOI, False, True, id="publisher-doi-but-no-doi-source"),
        pytest.param({"ids": Identifiers(arxiv_id="2105.15203", doi="10.48550/arXiv.2105.15203")},
                     True, True, id="arxiv-doi-settles-nothing"),
    ],
)  # fmt: skip
def test_dblp_is_searched_only_for_papers_no_batch_settled(
    fake: FakeDblp, tmp_path: Path, changes: dict[str, Any], doi_sources: bool, searched: bool
) -> None:
    harness = Harness(fake, tmp_path / "cache")
    harness.enricher.doi_sources = doi_sources
    harness.enricher.enrich({0: SVT.model_copy(update=changes)})
    assert len(fake.searches) == (1 if searched else 0)
    harness.session.close()


@pytest.mark.parametrize(
    ("chain", "key", "doi_sources"),
    [
        (("snapshot", "arxiv", "s2", "dblp", "crossref"), None, True),
        (("arxiv", "s2", "crossref", "dblp"), None, False),  # Crossref runs before dblp's DOIs exist
        (("arxiv", "s2", "dblp", "openalex"), None, False),  # OpenAlex is off without a key
        (("arxiv", "s2", "dblp", "openalex"), "k", True),
    ],
)
def test_dblp_knows_whether_a_doi_source_follows_it(
    tmp_path: Path, chain: tuple[str, ...], key: str | None, doi_sources: bool
) -> None:
    settings = Settings(cache_dir=tmp_path, resolvers=chain, openalex_api_key=key)
    assert build_dblp(build_session(settings), settings).doi_sources is doi_sources


def test_an_unreachable_dblp_fails_the_lookup_in_plain_words(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url="http://127.0.0.1:9", dblp_delay=0)
    session = build_session(settings, sleep=lambda _: None)
    try:
        answer = DblpEnricher(DblpClient(session, settings)).enrich({0: SVT})[0]
    finally:
        session.close()
    assert answer.failed
    assert answer.problems[0].message == "dblp unreachable: connection refused"


@pytest.mark.parametrize(
    ("title", "query"),
    [
        pytest.param("What's in the Image?", "what s in the image", id="apostrophe-split"),
        pytest.param("Poincar{\\'e} ResNet", "poincare resnet", id="latex-accent"),
        pytest.param("Pre-training Ünits", "pre training units", id="hyphen-and-umlaut"),
    ],
)
def test_the_search_query_is_dblps_prefix_words(title: str, query: str) -> None:
    assert search_query(title) == query
