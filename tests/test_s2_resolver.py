"""Semantic Scholar client, resolver and enricher, against the fake S2 API on 127.0.0.1.

The fake (tests/fakes/s2_api.py) serves the recorded wire formats; these tests pin the
conversion of real sample records, batching (one call per 500 ids), not-found answers,
the rejected-key rule, and that faults end in retries or failed items — never lost items
and never the API key in a message, URL or the cache file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import Identifiers, Origin, Query, QueryKind, Reference, Status
from bibnorm.resolve import matching
from bibnorm.resolvers._http import CACHE_FILE, HttpStats
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers._wire import RecentAnswers
from bibnorm.resolvers.semantic_scholar import (
    BATCH_SIZE,
    FIELDS,
    KEY_REJECTED,
    S2Enricher,
    S2Resolver,
    SemanticScholarClient,
    normalize_pages,
    paper_to_reference,
)
from fakes.s2_api import SAMPLES, FakeS2, build_papers, gold_paper_id
from pydantic import SecretStr

API_KEY = "test-key-7f3a9c"  # what the fake expects; must never show up anywhere but the header
CVPR = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
ORIGIN = Origin(path="input.txt", line=1)


@pytest.fixture(scope="module")
def papers() -> list[dict[str, Any]]:
    return build_papers()


@pytest.fixture
def fake(papers: list[dict[str, Any]]) -> Iterator[FakeS2]:
    server = FakeS2(expected_key=API_KEY, papers=papers).start()
    server.slow_seconds = 0.6
    yield server
    server.stop()


class Harness:
    """A client on a real session (cache in tmp_path), with sleeps recorded, not slept."""

    def __init__(self, fake: FakeS2, cache_dir: Path, key: str = API_KEY, **overrides: Any) -> None:
        self.settings = Settings(
            cache_dir=cache_dir,
            s2_api_url=fake.url,
            s2_delay=0,
            s2_api_key=SecretStr(key),
            timeout=0.5,  # well below the fake's slow answer (2 s); 0.15 s was missed by a loaded machine
            max_attempts=3,
            **overrides,
        )
        self.sleeps: list[float] = []
        self.stats = HttpStats()
        self.session = build_session(self.settings, sleep=self.sleeps.append, stats=self.stats)
        self.client = SemanticScholarClient(self.session, self.settings)
        self.resolver = S2Resolver(self.client)
        self.enricher = S2Enricher(self.client)


@pytest.fixture
def harness(fake: FakeS2, tmp_path: Path) -> Harness:
    return Harness(fake, tmp_path / "cache")


def title_query(index: int, title: str) -> Query:
    return Query(index=index, origin=ORIGIN, kind=QueryKind.TITLE, title=title)


def arxiv_query(index: int, arxiv_id: str) -> Query:
    return Query(index=index, origin=ORIGIN, kind=QueryKind.ARXIV_ID, arxiv_id=arxiv_id)


def doi_query(index: int, doi: str) -> Query:
    return Query(index=index, origin=ORIGIN, kind=QueryKind.DOI, doi=doi)


def sample(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def search_item(number: int) -> dict[str, Any]:
    return sample("search-full-fields-first-20-of-100.json")["data"][number]


# --- wire JSON -> Reference ------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(
            sample("search-match-arxiv-paper.json")["data"][0],
            {
                "entry_type": "inproceedings",
                "venue": "Advances in Neural Information Processing Systems (NeurIPS)",
                "pages": "5998--6008",
                "volume": None,
                "arxiv_id": "1706.03762",
                "doi": None,
                "year": 2017,
                "corpus_id": 13756489,
            },
            id="neurips-venue-string-pages-only-journal",
        ),
        pytest.param(
            sample("paper-by-doi.json"),
            {
                "entry_type": "article",
                "venue": "Nature Machine Intelligence",  # journal.name, not the abbreviated venue
                "pages": "525--535",
                "volume": "6",
                "arxiv_id": "2304.05376",
                "doi": "10.1038/s42256-024-00832-8",
                "year": 2023,
                "corpus_id": 258059792,
            },
            id="journal-article-with-arxiv-id",
        ),
        pytest.param(
            sample("paper-by-arxiv-doi.json"),
            {
                "entry_type": "preprint",
                "venue": None,
                "pages": None,
                "volume": None,  # "abs/2312.07559" is arXiv's listing, not a volume
                "arxiv_id": "2312.07559",
                "doi": "10.48550/arXiv.2312.07559",
                "year": 2023,
                "corpus_id": 266191420,
            },
            id="journal-ArXiv-means-not-published",
        ),
        pytest.param(
            search_item(10),
            {
                "entry_type": "inproceedings",
                "venue": "Proceedings of the Conference of the North American Chapter of the "
                "Association for Computational Linguistics (NAACL)",
                "pages": None,
                "volume": None,
                "arxiv_id": "2310.20216",
                "doi": None,  # the record's only DOI is arXiv's, which names the preprint
                "year": 2023,
                "corpus_id": 264816480,
            },
            id="conference-publicationVenue-beats-journal-ArXiv",
        ),
        pytest.param(
            search_item(13),
            {
                "entry_type": "preprint",
                "venue": None,
                "pages": None,
                "volume": None,
                "arxiv_id": "2301.10035",
                "doi": "10.48550/arXiv.2301.10035",
                "year": 2023,
                "corpus_id": 256190862,
            },
            id="medRxiv-is-a-preprint-server",
        ),
        pytest.param(
            search_item(2),
            {
                "entry_type": "article",
                "venue": "Proceedings of the Royal Society of London. A. Mathematical and Physical Sciences",
                "pages": "117--97",  # S2's data, not reordered
                "volume": "400",
                "arxiv_id": None,
                "doi": "10.1098/rspa.1985.0070",
                "year": 1985,
                "corpus_id": 1438116,
            },
            id="journal-name-without-publicationVenue",
        ),
        pytest.param(
            search_item(15),
            {
                "entry_type": "article",
                "venue": "Journal of Machine Learning Research",
                "pages": "75:1--75:35",
                "volume": "22",
                "arxiv_id": None,
                "doi": None,
                "year": 2021,
                "corpus_id": 233364065,
            },
            id="null-publicationDate-year-only",
        ),
        pytest.param(
            search_item(16),
            {
                "entry_type": "misc",
                "venue": None,
                "pages": None,
                "volume": None,
                "arxiv_id": None,
                "doi": None,
                "year": 2022,
                "corpus_id": 118988352,
            },
            id="empty-venue-only-corpus-id",
        ),
        pytest.param(
            search_item(18),
            {
                "entry_type": "article",
                "venue": "Physical Review E",
                "pages": "014216",  # padded with newlines and spaces on the wire
                "volume": "107 1-1",
                "arxiv_id": None,
                "doi": "10.1103/physreve.107.014216",
                "year": 2023,
                "corpus_id": 256351102,
            },
            id="pages-padded-with-whitespace",
        ),
    ],
)
def test_paper_to_reference_on_recorded_records(record: dict[str, Any], expected: dict[str, Any]) -> None:
    reference = paper_to_reference(record)
    assert reference.title == record["title"]
    got = {
        "entry_type": reference.entry_type,
        "venue": reference.venue,
        "pages": reference.pages,
        "volume": reference.volume,
        "arxiv_id": reference.ids.arxiv_id,
        "doi": reference.ids.doi,
        "year": reference.issued.year if reference.issued else None,
        "corpus_id": reference.ids.corpus_id,
    }
    assert got == expected
    assert reference.ids.s2_paper_id == record["paperId"]
    assert reference.provenance["title"] == "s2"


def test_conversion_splits_author_names_and_dates() -> None:
    reference = paper_to_reference(sample("paper-by-doi.json"))
    assert reference.authors[0].given == "Andrés M"
    assert reference.authors[0].family == "Bran"
    assert reference.authors[-1].family == "Schwaller"
    assert reference.issued is not None and reference.issued.iso() == "2023-04-11"
    assert reference.ids.dblp == "journals/natmi/BranCSBWS24"


@pytest.mark.parametrize(
    ("paper", "entry_type"),
    [
        pytest.param(
            {
                "journal": {"name": "Nature", "volume": "521"},
                "publicationTypes": ["JournalArticle", "Conference"],
            },
            "article",
            id="journal-name-wins-over-a-conference-type",
        ),
        pytest.param(
            {"venue": "Entropy", "publicationTypes": ["JournalArticle"]}, "article", id="journal-article-type"
        ),
        pytest.param(
            {
                "journal": {"name": "Proceedings of the 40th International Conference on Robots"},
                "publicationTypes": ["Conference"],
            },
            "inproceedings",
            id="proceedings-named-in-journal",
        ),
        pytest.param(
            {"venue": "Some Symposium", "publicationTypes": ["JournalArticle", "Conference"]},
            "inproceedings",
            id="conference-words-and-type",
        ),
    ],
)
def test_the_entry_type_follows_what_the_venue_is(paper: dict[str, Any], entry_type: str) -> None:
    # Shapes of the recorded records (journal {name, volume}, publicationTypes lists), new values.
    reference = paper_to_reference({"title": "A Paper", **paper})
    assert reference.entry_type == entry_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1 - 10", "1--10", id="spaced-range"),
        pytest.param("5998-6008", "5998--6008", id="tight-range"),
        pytest.param("117 - 97", "117--97", id="odd-range-kept"),
        pytest.param("\n          014216\n        ", "014216", id="article-number-padded"),
        pytest.param("75:1-75:35", "75:1--75:35", id="jmlr-style"),
        pytest.param("   ", None, id="blank"),
        pytest.param(None, None, id="missing"),
    ],
)
def test_normalize_pages(text: str | None, expected: str | None) -> None:
    assert normalize_pages(text) == expected


# --- resolver: titles -----------------------------------------------------------------


def test_title_match_returns_the_published_candidate_and_sends_the_key_header(
    harness: Harness, fake: FakeS2
) -> None:
    answers = harness.resolver.lookup([title_query(0, "Scaling Vision Transformers")])
    (candidate,) = answers[0].candidates
    assert not candidate.by_identifier
    assert candidate.source == "s2"
    assert candidate.reference.ids.arxiv_id == "2106.04560"
    assert candidate.reference.ids.s2_paper_id == gold_paper_id("2106.04560")
    assert candidate.reference.entry_type == "inproceedings"
    assert candidate.reference.venue == CVPR
    assert candidate.reference.issued is not None and candidate.reference.issued.year == 2022
    (request,) = fake.requests
    assert request.path == "/graph/v1/paper/search/match"
    assert request.params["fields"] == [",".join(FIELDS)]
    assert request.headers["x-api-key"] == API_KEY


def test_long_titles_are_settled_many_to_a_bulk_request_and_the_rest_matched_one_by_one(
    harness: Harness, fake: FakeS2
) -> None:
    answers = harness.resolver.lookup(
        [
            title_query(
                0, "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications"
            ),
            title_query(1, "A ConvNet for the 2020s"),
            title_query(2, "Searching the Search Space of Speech Transformers"),  # no such paper
            title_query(3, "Scaling Vision Transformers"),  # too short for a phrase search
        ]
    )
    assert [c.reference.ids.arxiv_id for c in answers[0].candidates] == ["1704.04861"]
    assert [c.reference.ids.arxiv_id for c in answers[1].candidates] == ["2201.03545"]
    paths = [request.path.removeprefix("/graph/v1/paper/") for request in fake.requests]
    assert paths == ["search/bulk", "search/match", "search/match"]
    assert fake.requests[0].params["query"][0].count('" | "') == 2  # three titles in one request
    assert [r.params["query"][0] for r in fake.requests[1:]] == [
        "Searching the Search Space of Speech Transformers",
        "Scaling Vision Transformers",
    ]


def test_title_without_match_is_no_candidates(harness: Harness) -> None:
    answers = harness.resolver.lookup([title_query(3, "qwertyuiop asdfghjkl zxcvbnm")])
    assert answers[3].candidates == ()
    assert not answers[3].failed


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        pytest.param("Stitchable Neural Nets", "Stitchable Neural Networks", id="one-word-off-real-title"),
        pytest.param("Neural Scene Flow", "Neural Scene Flow Prior", id="query-contained-in-longer-title"),
        pytest.param(
            "Searching the Search Space of Speech Transformers",
            "Searching the Search Space of Audio Transformers",
            id="decoy-one-word-off",
        ),
    ],
)
def test_search_match_offers_the_closest_title_which_matching_rejects(
    harness: Harness, query: str, offered: str
) -> None:
    answers = harness.resolver.lookup([title_query(0, query)])
    (candidate,) = answers[0].candidates
    assert candidate.reference.title == offered  # the service guessed ...
    decision = matching.choose(title_query(0, query), answers[0].candidates, harness.settings.thresholds)
    assert decision.status is Status.UNRESOLVED  # ... and verification refuses the guess


# --- resolver and enricher: ids in batches -------------------------------------------------


def test_ids_go_in_one_batch_with_null_for_unknown(harness: Harness, fake: FakeS2) -> None:
    queries = [
        doi_query(0, "10.1038/s42256-024-00832-8"),
        arxiv_query(1, "2106.04560"),
        arxiv_query(2, "2106.99999"),  # well-formed, not in S2
        doi_query(3, "10.1101/2024.04.01.587366"),  # the DOI of the recorded 404
    ]
    answers = harness.resolver.lookup(queries)
    assert answers[0].candidates[0].reference.title == "Augmenting large language models with chemistry tools"
    assert answers[0].candidates[0].by_identifier
    assert answers[1].candidates[0].reference.ids.arxiv_id == "2106.04560"
    assert answers[2].candidates == () and not answers[2].failed
    assert answers[3].candidates == () and not answers[3].failed
    (request,) = fake.requests
    assert (request.method, request.path) == ("POST", "/graph/v1/paper/batch")
    assert request.json() == {
        "ids": [
            "DOI:10.1038/s42256-024-00832-8",
            "ARXIV:2106.04560",
            "ARXIV:2106.99999",
            "DOI:10.1101/2024.04.01.587366",
        ]
    }


def test_enricher_asks_500_ids_per_call(harness: Harness, fake: FakeS2) -> None:
    known = {0: "2106.04560", 1: "2201.03545"}
    references = {i: Reference(title=f"Paper {i}", ids=Identifiers(arxiv_id=a)) for i, a in known.items()}
    for i in range(2, 1203):
        references[i] = Reference(title=f"Paper {i}", ids=Identifiers(arxiv_id=f"2301.{i:05d}"))
    references[1203] = Reference(title="A DOI-only paper", ids=Identifiers(doi="10.1063/1.4938384"))
    references[1204] = Reference(title="Already from S2", ids=Identifiers(s2_paper_id="abc"))

    answers = harness.enricher.enrich(references)

    sizes = [len(r.json()["ids"]) for r in fake.calls("/paper/batch")]
    assert sizes == [BATCH_SIZE, BATCH_SIZE, 204]
    assert len(fake.requests) == 3
    assert set(answers) == set(range(1204))  # the S2-sourced paper is not asked about
    assert answers[0].candidates[0].reference.venue == CVPR
    assert answers[1].candidates[0].reference.title == "A ConvNet for the 2020s"
    assert answers[1203].candidates[0].reference.venue == "Journal of Applied Physics"
    assert all(answers[i].candidates == () for i in range(2, 1203))
    assert fake.calls("/paper/batch")[2].json()["ids"][-1] == "DOI:10.1063/1.4938384"


def test_an_id_a_batch_answered_is_not_asked_again_in_the_run(harness: Harness, fake: FakeS2) -> None:
    """A run asks its papers a group at a time: a paper two groups hold is asked once."""
    first = {0: Reference(title="P", ids=Identifiers(arxiv_id="2106.04560"))}
    second = {
        7: Reference(title="P", ids=Identifiers(arxiv_id="2106.04560")),
        8: Reference(title="Q", ids=Identifiers(arxiv_id="2201.03545")),
        9: Reference(title="R", ids=Identifiers(arxiv_id="2106.99999")),  # unknown to S2
    }
    harness.enricher.enrich(first)
    answers = harness.enricher.enrich(second)
    harness.enricher.enrich({10: Reference(title="R", ids=Identifiers(arxiv_id="2106.99999"))})
    assert [r.json()["ids"] for r in fake.calls("/paper/batch")] == [
        ["ARXIV:2106.04560"],
        ["ARXIV:2201.03545", "ARXIV:2106.99999"],
    ]
    assert answers[7].candidates[0].reference.venue == CVPR
    assert answers[8].candidates[0].reference.title == "A ConvNet for the 2020s"
    assert answers[9].candidates == ()


def test_the_answers_kept_are_the_latest_few_not_every_paper_of_a_long_run() -> None:
    recent: RecentAnswers[str, int | None] = RecentAnswers(size=3)
    recent.remember({"ARXIV:1": 1, "ARXIV:2": None, "ARXIV:3": 3})
    assert recent.known(["ARXIV:1"]) == {"ARXIV:1": 1}  # asked again: kept the longest now
    recent.remember({"ARXIV:4": 4})
    # The oldest, ARXIV:2, is let go.
    assert recent.known(["ARXIV:1", "ARXIV:2", "ARXIV:3", "ARXIV:4"]) == {
        "ARXIV:1": 1,
        "ARXIV:3": 3,
        "ARXIV:4": 4,
    }


def test_second_run_is_served_from_the_cache(harness: Harness, fake: FakeS2) -> None:
    queries = [title_query(0, "A ConvNet for the 2020s"), arxiv_query(1, "2106.04560")]
    first = harness.resolver.lookup(queries)
    again = Harness(fake, harness.settings.cache_dir)
    second = again.resolver.lookup(queries)
    assert len(fake.requests) == 2
    assert again.stats.total_requests() == 0 and again.stats.cache_hits == 2
    assert first == second


def test_paper_endpoint_and_search(harness: Harness) -> None:
    found = harness.client.paper("DOI:10.1038/s42256-024-00832-8")
    assert found is not None and found.ids.corpus_id == 258059792
    assert harness.client.paper("CorpusId:1") is None
    assert harness.client.search("n0 r3sult s3arch t3rm") == []
    results = harness.client.search("Turing test", limit=3)
    assert len(results) == 3 and all("turing" in r.title.casefold() for r in results)


# --- errors and faults ------------------------------------------------------------------


def test_wrong_key_fails_every_item_once_and_never_shows_the_key(fake: FakeS2, tmp_path: Path) -> None:
    secret = "WRONG-secret-key-123"
    harness = Harness(fake, tmp_path / "cache", key=secret)
    queries = [title_query(0, "Scaling Vision Transformers"), title_query(1, "A ConvNet for the 2020s")]
    queries.append(arxiv_query(2, "2106.04560"))
    answers = harness.resolver.lookup(queries)
    enriched = harness.enricher.enrich({5: Reference(title="x", ids=Identifiers(arxiv_id="2106.04560"))})

    assert len(fake.requests) == 1  # fatal for S2: nothing more is asked
    for answer in [*answers.values(), *enriched.values()]:
        assert answer.failed
        assert [p.message for p in answer.problems] == [KEY_REJECTED]
        assert secret not in repr(answer)
    assert set(answers) == {0, 1, 2}
    assert secret not in fake.requests[0].path + repr(fake.requests[0].params)


def test_key_never_reaches_the_cache_file(harness: Harness, fake: FakeS2) -> None:
    harness.resolver.lookup([title_query(0, "Scaling Vision Transformers"), arxiv_query(1, "2201.03545")])
    harness.session.close()
    data = (harness.settings.cache_dir / CACHE_FILE).read_bytes()
    assert len(fake.requests) == 2
    assert b"search/match" in data  # the cache really holds the responses
    assert API_KEY.encode() not in data


def test_unsupported_field_is_a_bad_request_problem(harness: Harness) -> None:
    client = SemanticScholarClient(harness.session, harness.settings, fields=("title", "bogusField"))
    answers = S2Resolver(client).lookup([title_query(0, "Scaling Vision Transformers")])
    (problem,) = answers[0].problems
    assert answers[0].failed
    assert problem.code == "s2.bad_request"
    assert problem.message == (
        "Semantic Scholar refused the request (HTTP 400): Unrecognized or unsupported fields: [bogusField]"
    )


@pytest.mark.parametrize(
    ("fault", "times"),
    [
        pytest.param("429", 2, id="429-burst-without-retry-after"),
        pytest.param("500", 1, id="500"),
        pytest.param("503", 2, id="503"),
        pytest.param("truncated", 1, id="truncated-json"),
        pytest.param("non_json", 2, id="html-error-page"),
        pytest.param("slow", 1, id="timeout-then-ok"),
    ],
)
def test_transient_faults_are_retried_to_the_fault_free_answer(
    harness: Harness, fake: FakeS2, fault: str, times: int
) -> None:
    queries = [
        arxiv_query(0, "2106.04560"),
        arxiv_query(1, "2201.03545"),
        title_query(2, "A ConvNet for the 2020s"),
    ]
    fake.inject(fault, times)
    answers = harness.resolver.lookup(queries)
    assert set(answers) == {0, 1, 2}
    assert not any(a.failed for a in answers.values())
    assert answers[0].candidates[0].reference.venue == CVPR
    assert answers[2].candidates[0].reference.ids.arxiv_id == "2201.03545"
    assert len(fake.requests) == 2 + times
    assert len(harness.sleeps) == times  # backoff between attempts, injected


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        pytest.param("429", "HTTP 429", id="429"),
        pytest.param("503", "HTTP 503", id="503"),
        pytest.param("non_json", "not JSON", id="non-json"),
        pytest.param("slow", "no answer within", id="timeout"),
    ],
)
def test_persistent_faults_fail_each_item_with_the_reason(
    harness: Harness, fake: FakeS2, fault: str, reason: str
) -> None:
    fake.inject_forever(fault)
    queries = [
        arxiv_query(0, "2106.04560"),
        title_query(1, "A ConvNet for the 2020s"),
        doi_query(2, "10.1/x"),
    ]
    answers = harness.resolver.lookup(queries)
    assert set(answers) == {0, 1, 2}
    for answer in answers.values():
        assert answer.failed and answer.candidates == ()
        (problem,) = answer.problems
        assert problem.code == "s2.unavailable"
        assert reason in problem.message
        assert API_KEY not in problem.message
    if fault in ("429", "503"):
        # A busy source answers: the id batch, the bulk title search and (the bulk pass having
        # failed) the one-title match, each with max_attempts attempts.
        assert len(fake.requests) == 3 * harness.settings.max_attempts
    else:
        # An unusable source trips the breaker after 3 consecutive failures: later calls fail
        # at once, without a request.
        assert len(fake.requests) == harness.settings.breaker_failures == 3
