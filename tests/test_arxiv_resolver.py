"""The arXiv resolver against the fake arXiv API: ids, titles, decoys, faults, cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from arxiv._feed import parse as parse_feed
from bibnorm.config import Settings
from bibnorm.models import Origin, Query, QueryKind, Severity, Status
from bibnorm.resolve.pipeline import run
from bibnorm.resolvers._http import BibnormSession
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.arxiv import (
    ArxivResolver,
    error_message,
    loose_clause,
    reference_from_result,
    strict_clause,
    validate_feed,
)
from fakes.arxiv_api import FakeArxivServer, default_records
from paths import REFERENCE as SHARED
from requests import Response

SAMPLES = SHARED / "api-samples" / "arxiv"
ABSTRACTS = {
    row["id"]: row["abstract"]
    for row in map(json.loads, (SHARED / "dev-snapshot.jsonl").read_text(encoding="utf-8").splitlines())
}
GOLD = [json.loads(line) for line in (SHARED / "dev-gold.jsonl").read_text(encoding="utf-8").splitlines()]


def id_query(index: int, arxiv_id: str, version: int | None = None) -> Query:
    return Query(
        index=index,
        origin=Origin(path="t", line=index + 1),
        kind=QueryKind.ARXIV_ID,
        arxiv_id=arxiv_id,
        arxiv_version=version,
    )


def title_query(index: int, title: str, abstract: str | None = None) -> Query:
    return Query(
        index=index,
        origin=Origin(path="t", line=index + 1),
        kind=QueryKind.TITLE,
        title=title,
        abstract=abstract,
    )


# --------------------------------------------------------------------------- wire → models


def test_reference_from_a_recorded_entry() -> None:
    [result] = parse_feed((SAMPLES / "id-list-single-v2-published-ne-updated.atom.xml").read_bytes()).results
    reference = reference_from_result(result)
    assert reference is not None
    assert reference.title == "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis"
    assert (reference.ids.arxiv_id, reference.ids.arxiv_version) == ("2003.08934", 2)
    assert reference.first_version is not None and reference.first_version.iso() == "2020-03-19"
    assert reference.issued == reference.first_version
    assert [a.family for a in reference.authors] == [
        "Mildenhall",
        "Srinivasan",
        "Tancik",
        "Barron",
        "Ramamoorthi",
        "Ng",
    ]
    assert (reference.primary_class, reference.categories) == ("cs.CV", ("cs.CV", "cs.GR"))
    assert reference.comment == "ECCV 2020 (oral). Project page with videos and code: http://tancik.com/nerf"
    assert reference.url == "https://arxiv.org/abs/2003.08934"
    assert reference.provenance["title"] == "arxiv"


def test_reference_keeps_doi_journal_ref_and_old_style_ids() -> None:
    results = parse_feed(
        (SAMPLES / "search-all-testing-10-entries-doi-journalref-versions.atom.xml").read_bytes()
    ).results
    first = reference_from_result(results[0])
    assert first is not None and first.ids.doi == "10.1109/ICSTW55395.2022.00035"
    [old] = parse_feed(
        (SAMPLES / "id-list-old-style-id-affiliation-journal-ref.atom.xml").read_bytes()
    ).results
    reference = reference_from_result(old)
    assert reference is not None
    assert (reference.ids.arxiv_id, reference.ids.arxiv_version) == ("astro-ph/0601001", 1)
    assert reference.journal_ref == "ActaAstron.56:1-50,2006"


def test_error_feed_is_recognised_and_papers_titled_error_are_not() -> None:
    body = (SAMPLES / "error-malformed-id-http400.atom.xml").read_bytes()
    assert error_message(body) == "incorrect id format for abc"
    assert error_message((SAMPLES / "id-list-title-is-zero.atom.xml").read_bytes()) is None


def _response(body: bytes) -> Response:
    response = Response()
    response.status_code = 200
    response._content = body
    return response


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        pytest.param((SAMPLES / "query-by-title-phrase.atom.xml").read_bytes(), None, id="good"),
        pytest.param(
            (SAMPLES / "empty-result-nonexistent-id.atom.xml").read_bytes(), None, id="empty-result"
        ),
        pytest.param(
            (SAMPLES / "query-by-title-phrase.atom.xml").read_bytes()[:900], "unreadable", id="truncated"
        ),
        pytest.param(b"<html><body>Rate exceeded</body></html>", "unexpected answer", id="html"),
        pytest.param(b"Rate exceeded.", "unreadable", id="plain-text"),
        pytest.param(
            (SAMPLES / "query-by-title-phrase.atom.xml").read_bytes().split(b"<entry>")[0] + b"</feed>",
            "empty page although totalResults=1",
            id="empty-page-glitch",
        ),
    ],
)
def test_validator(body: bytes, reason: str | None) -> None:
    verdict = validate_feed(_response(body))
    assert verdict == reason if reason is None else (verdict or "").startswith(reason)


# --------------------------------------------------------------------------- query building


@pytest.mark.parametrize(
    ("title", "strict", "loose"),
    [
        pytest.param(
            "ResNeSt: Split-Attention Networks",
            'ti:resnest AND ti:"split attention networks"',
            "ti:resnest AND ti:split AND ti:attention AND ti:networks",
            id="colon-hyphen",
        ),
        pytest.param(
            "Escaping Plato's Cave: Towards the Alignment",
            'ti:escaping AND ti:cave AND ti:"towards the alignment"',
            "ti:escaping AND ti:cave AND ti:towards AND ti:alignment",
            id="apostrophe-s",
        ),
        pytest.param(
            "From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$",
            'ti:"from dyadic"',
            "ti:from AND ti:dyadic",
            id="math",
        ),
        pytest.param("Poincaré ResNet", 'ti:"poincare resnet"', "ti:poincare AND ti:resnet", id="accent"),
        pytest.param(
            'Origin of adaptive mutants: a "quantum measurement"?',
            'ti:"origin of adaptive mutants" AND ti:"quantum measurement"',
            "ti:origin AND ti:adaptive AND ti:mutants AND ti:quantum AND ti:measurement",
            id="quotes",
        ),
        pytest.param(
            "Black & White (and Grey)",
            'ti:black AND ti:white AND ti:"and grey"',
            "ti:black AND ti:white AND ti:grey",
            id="ampersand-parens",
        ),
        pytest.param(
            "Search AND Rescue OR Not", 'ti:"search and rescue or not"', "ti:search AND ti:rescue", id="ops"
        ),
        pytest.param("0", "ti:0", None, id="very-short"),
    ],
)
def test_title_clauses(title: str, strict: str, loose: str | None) -> None:
    assert strict_clause(title) == strict
    assert loose_clause(title) == loose


# --------------------------------------------------------------------------- ids


def test_many_ids_in_one_request(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    ids = [f"0704.{n:04d}" for n in range(1, 13)]
    answers = ArxivResolver(arxiv_settings, arxiv_session).lookup([id_query(i, x) for i, x in enumerate(ids)])
    assert [answers[i].candidates[0].reference.ids.arxiv_id for i in range(12)] == ids
    assert all(answers[i].candidates[0].by_identifier for i in range(12))
    [(_, params)] = fake_arxiv.requests
    assert params["max_results"] == "12"  # the API's default of 10 would lose two


@pytest.mark.parametrize(
    ("arxiv_id", "version", "found", "stored_version", "problem"),
    [
        pytest.param("hep-th/9901001", None, None, None, "arxiv.not_found", id="old-style-unknown"),
        pytest.param("quant-ph/0201082", None, "quant-ph/0201082", 1, None, id="old-style"),
        pytest.param("1706.03762", None, "1706.03762", 7, None, id="latest-version"),
        pytest.param("1706.03762", 3, "1706.03762", 3, None, id="requested-version-kept"),
        pytest.param("0704.0002", 5, "0704.0002", 2, "arxiv.no_such_version", id="version-beyond-latest"),
        pytest.param("2401.99999", None, None, None, "arxiv.not_found", id="nonexistent"),
        pytest.param("1234.12345", None, None, None, "arxiv.malformed_id", id="malformed"),
    ],
)
def test_id_cases(
    fake_arxiv: FakeArxivServer,
    arxiv_settings: Settings,
    arxiv_session: BibnormSession,
    arxiv_id: str,
    version: int | None,
    found: str | None,
    stored_version: int | None,
    problem: str | None,
) -> None:
    queries = [id_query(0, arxiv_id, version), id_query(1, "2003.08934")]
    answers = ArxivResolver(arxiv_settings, arxiv_session).lookup(queries)
    answer = answers[0]
    if found is None:
        assert answer.candidates == ()
    else:
        reference = answer.candidates[0].reference
        assert (reference.ids.arxiv_id, reference.ids.arxiv_version) == (found, stored_version)
    assert [p.code for p in answer.problems] == ([problem] if problem else [])
    assert not answer.failed
    assert answers[1].candidates[0].reference.ids.arxiv_id == "2003.08934"  # the other item is unaffected
    requested = [p["id_list"] for _, p in fake_arxiv.requests]
    assert (
        all(arxiv_id not in ids for ids in requested)
        if problem == "arxiv.malformed_id"
        else len(requested) == 1
    )


def test_server_side_400_is_bisected_to_the_bad_id(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    fake_arxiv.api.rejected_ids.add("0704.0003")
    ids = [f"0704.{n:04d}" for n in range(1, 6)]
    answers = ArxivResolver(arxiv_settings, arxiv_session).lookup([id_query(i, x) for i, x in enumerate(ids)])
    assert [p.code for p in answers[2].problems] == ["arxiv.malformed_id"]
    assert answers[2].problems[0].severity is Severity.ERROR
    assert "incorrect id format for 0704.0003" in answers[2].problems[0].message
    assert [len(answers[i].candidates) for i in range(5)] == [1, 1, 0, 1, 1]


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("ResNeSt: Split-Attention Networks", "2004.08955", id="colon-hyphen"),
        pytest.param(
            "Escaping Plato's Cave: Towards the Alignment of 3D and Text Latent Spaces",
            "2503.05283",
            id="apostrophe-s",
        ),
        pytest.param(
            "I&S-ViT: An Inclusive & Stable Method for Pushing the Limit of Post-Training ViTs Quantization",
            "2311.10126",
            id="ampersand",
        ),
        pytest.param("Text-To-Concept (and Back) via Cross-Model Alignment", "2305.06386", id="parentheses"),
        pytest.param("Poincare ResNet", "2303.14027", id="accent-missing-in-input"),
        pytest.param("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$", "0704.0005", id="math"),
        pytest.param(
            "$p$-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight",
            "0704.0013",
            id="math-prefix",
        ),
        pytest.param('Origin of adaptive mutants: a "quantum measurement"?', "0704.0034", id="quotes"),
        pytest.param(
            "A Transcendental Approach to Kollár's Injectivity Theorem", "0704.0073", id="accent-and-s"
        ),
        pytest.param("Visualizing Teleportation", "0704.0051", id="short"),
        pytest.param("0", "2104.12255", id="title-zero"),
        pytest.param("Scaling Vision Transformers", "2106.04560", id="same-title-decoy-beaten-by-abstract"),
        pytest.param(
            "What's in the Image? A Deep-Dive into the Vision of Vision Language Models",
            "2411.17491",
            id="qmark",
        ),
    ],
)
def test_tricky_titles_resolve(
    fake_arxiv: FakeArxivServer,
    arxiv_settings: Settings,
    arxiv_session: BibnormSession,
    title: str,
    expected: str,
) -> None:
    query = title_query(0, title, ABSTRACTS.get(expected))
    [resolution] = run([query], [ArxivResolver(arxiv_settings, arxiv_session)], arxiv_settings)
    assert resolution.status is Status.RESOLVED, resolution.problems
    assert resolution.reference is not None and resolution.reference.ids.arxiv_id == expected


def test_same_title_without_abstract_is_ambiguous_not_guessed(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    [resolution] = run(
        [title_query(0, "Scaling Vision Transformers")],
        [ArxivResolver(arxiv_settings, arxiv_session)],
        arxiv_settings,
    )
    assert resolution.status is Status.AMBIGUOUS
    assert {c.candidate.reference.ids.arxiv_id for c in resolution.candidates if c.acceptable} == {
        "2106.04560",
        "2912.90080",
    }


def test_gold_titles_resolve_in_batches_and_never_to_a_decoy(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    queries = [title_query(i, g["title"], ABSTRACTS[g["arxiv_id"]]) for i, g in enumerate(GOLD)]
    resolutions = run(queries, [ArxivResolver(arxiv_settings, arxiv_session)], arxiv_settings)
    got = {r.query.index: r.reference.ids.arxiv_id for r in resolutions if r.reference is not None}
    assert got == {i: g["arxiv_id"] for i, g in enumerate(GOLD)}
    assert len(fake_arxiv.requests) <= len(GOLD) // 10  # batched: 177 titles in well under 18 requests


def test_only_near_misses_on_the_server_means_unresolved(arxiv_settings: Settings, tmp_path: Path) -> None:
    """With the real record gone, no decoy (suffix, swapped word, prefix) may be accepted."""
    records = [r for r in default_records() if r.arxiv_id not in {"2106.04560", "2004.08955", "2305.06386"}]
    records = [
        r for r in records if r.title not in {"Scaling Vision Transformers"}
    ]  # drop the same-title decoy too
    titles = [
        "Scaling Vision Transformers",
        "ResNeSt: Split-Attention Networks",
        "Text-To-Concept (and Back) via Cross-Model Alignment",
    ]
    with FakeArxivServer(records) as server:
        settings = arxiv_settings.model_copy(update={"arxiv_api_url": server.url})
        session = build_session(settings, sleep=lambda _: None)
        resolutions = run(
            [title_query(i, t) for i, t in enumerate(titles)], [ArxivResolver(settings, session)], settings
        )
    assert [r.status for r in resolutions] == [Status.UNRESOLVED] * 3
    assert all(
        any((c.candidate.reference.ids.arxiv_id or "").startswith("2912.9") for c in r.candidates)
        for r in resolutions
    )


# --------------------------------------------------------------------------- faults, cache, offline


@pytest.mark.parametrize(
    "faults",
    [
        pytest.param(["429"], id="429"),
        pytest.param(["429-retry-after"], id="429-retry-after"),
        pytest.param(["503", "503"], id="503-twice"),
        pytest.param(["truncated"], id="truncated"),
        pytest.param(["garbage"], id="garbage"),
        pytest.param(["empty"], id="empty-page"),
    ],
)
def test_faults_are_retried_and_recovered(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession, faults: list[str]
) -> None:
    fake_arxiv.faults.extend(faults)
    queries = [id_query(0, "1706.03762"), id_query(1, "2003.08934")]
    answers = ArxivResolver(arxiv_settings, arxiv_session).lookup(queries)
    assert [answers[i].candidates[0].reference.ids.arxiv_id for i in (0, 1)] == ["1706.03762", "2003.08934"]
    assert len(fake_arxiv.requests) == len(faults) + 1
    # the bad bodies were not cached: a second session on the same cache asks nothing and gets the good answer
    fake_arxiv.requests.clear()
    again = ArxivResolver(arxiv_settings, build_session(arxiv_settings)).lookup(queries)
    assert again[0].candidates[0].reference.ids.arxiv_version == 7
    assert fake_arxiv.requests == []


def test_broken_connection_never_escapes_lookup(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    """A body cut off mid-transfer: recovered by a retry, or the items fail with the reason."""
    fake_arxiv.faults.append("disconnect")
    answers = ArxivResolver(arxiv_settings, arxiv_session).lookup(
        [id_query(0, "1706.03762"), id_query(1, "2003.08934")]
    )
    for index in (0, 1):
        answer = answers[index]
        assert answer.candidates or (answer.failed and answer.problems[0].code == "arxiv.unavailable")


def test_retry_after_is_honoured(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession, sleeps: list[float]
) -> None:
    fake_arxiv.faults.append("429-retry-after")
    ArxivResolver(arxiv_settings, arxiv_session).lookup([id_query(0, "1706.03762")])
    assert 1.0 in sleeps


def test_slow_answer_times_out_then_recovers(fake_arxiv: FakeArxivServer, arxiv_settings: Settings) -> None:
    settings = arxiv_settings.model_copy(update={"timeout": 0.2})
    fake_arxiv.slow_seconds = 0.6
    fake_arxiv.faults.append("slow")
    answers = ArxivResolver(settings, build_session(settings, sleep=lambda _: None)).lookup(
        [id_query(0, "1706.03762")]
    )
    assert answers[0].candidates and len(fake_arxiv.requests) == 2


def test_persistent_failure_fails_only_the_items_of_that_request(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    fake_arxiv.fault_rule = lambda params: "503" if params.get("search_query") else None
    queries = [id_query(0, "1706.03762"), title_query(1, "Poincaré ResNet"), id_query(2, "2003.08934")]
    resolutions = run(queries, [ArxivResolver(arxiv_settings, arxiv_session)], arxiv_settings)
    assert [r.status for r in resolutions] == [Status.RESOLVED, Status.FAILED, Status.RESOLVED]
    [problem] = resolutions[1].problems
    assert problem.code == "arxiv.unavailable"
    assert problem.message == "arXiv temporarily unavailable (HTTP 503) (gave up after 3 attempts)"
    assert (
        sum(1 for _, p in fake_arxiv.requests if p.get("search_query")) == 3
    )  # bounded: max_attempts, then stop


def test_second_run_makes_no_request_and_offline_answers_from_cache(
    fake_arxiv: FakeArxivServer, arxiv_settings: Settings, arxiv_session: BibnormSession
) -> None:
    queries = [
        id_query(0, "1706.03762"),
        title_query(1, "ResNeSt: Split-Attention Networks", ABSTRACTS["2004.08955"]),
        title_query(2, "A title that no paper on the server has at all"),
    ]
    first = run(queries, [ArxivResolver(arxiv_settings, arxiv_session)], arxiv_settings)
    assert len(fake_arxiv.requests) > 0
    fake_arxiv.requests.clear()
    for settings in (arxiv_settings, arxiv_settings.model_copy(update={"offline": True})):
        again = run(queries, [ArxivResolver(settings, build_session(settings))], settings)
        assert (
            [r.status for r in again]
            == [r.status for r in first]
            == [
                Status.RESOLVED,
                Status.RESOLVED,
                Status.UNRESOLVED,
            ]
        )
        assert fake_arxiv.requests == []


def test_offline_cache_miss_fails_with_reason(fake_arxiv: FakeArxivServer, arxiv_settings: Settings) -> None:
    settings = arxiv_settings.model_copy(update={"offline": True})
    resolver = ArxivResolver(settings, build_session(settings))
    answers = resolver.lookup([id_query(0, "1706.03762"), title_query(1, "Poincaré ResNet")])
    for index in (0, 1):
        assert answers[index].failed
        assert answers[index].problems[0].code == "arxiv.unavailable"
        assert answers[index].problems[0].message.startswith("offline")
    assert fake_arxiv.requests == []
