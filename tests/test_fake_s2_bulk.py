"""The S2 fake's ``/paper/search/bulk`` follows the documented query syntax and paging.

bibnorm's verify pass is only as honest as this fake: it must not match more loosely
than the service documents (or a test would pass that the live API fails).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from fakes.s2_api import FakeS2
from fakes.s2_bulk_query import parse, tokens


def paper(paper_id: str, title: str, abstract: str = "") -> dict[str, object]:
    return {"paperId": paper_id, "title": title, "abstract": abstract, "externalIds": {}, "authors": []}


PAPERS = [
    paper("a1", "Fish Ladders for Salmon"),
    paper("a2", "Ladder Networks", abstract="We study fish populations."),
    paper("a3", "Deep Residual Learning for Image Recognition"),
    paper("a4", "Residual Learning", abstract="Deep residual learning for image recognition, revisited."),
]


def matching(query: str) -> list[str]:
    term = parse(query)
    return [
        str(p["paperId"])
        for p in PAPERS
        if term.matches((tokens(str(p["title"])), tokens(str(p["abstract"]))))
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"fish ladder"', ["a1"]),  # a phrase, stemmed ("ladders")
        ("fish ladder", ["a1", "a2"]),  # whitespace is AND, over title and abstract
        ("fish + ladder", ["a1", "a2"]),
        ('"fish ladder" | "ladder networks"', ["a1", "a2"]),
        ("fish -salmon", ["a2"]),
        ("(salmon | networks) + ladder", ["a1", "a2"]),
        ('"deep residual learning for image recognition"', ["a3", "a4"]),  # abstracts match too
        ("lad*", ["a1", "a2"]),
        ("fish-ladder", []),  # a hyphenated term matches nothing (API-NOTES)
    ],
)
def test_the_query_language(query: str, expected: list[str]) -> None:
    assert matching(query) == expected


@pytest.mark.parametrize("query", ["", "(fish", "fish )", "| fish"])
def test_queries_it_cannot_parse_are_refused(query: str) -> None:
    with pytest.raises(ValueError):
        parse(query)


@pytest.fixture
def s2() -> Iterator[FakeS2]:
    server = FakeS2(papers=PAPERS).start()
    try:
        yield server
    finally:
        server.stop()


def test_pages_carry_a_continuation_token_until_the_last(s2: FakeS2) -> None:
    s2.bulk_page = 1
    url = s2.url + "/paper/search/bulk"
    first = requests.get(url, params={"query": "ladder", "fields": "title"}, timeout=5).json()
    assert first["total"] == 2 and [p["paperId"] for p in first["data"]] == ["a1"]
    last = requests.get(
        url, params={"query": "ladder", "fields": "title", "token": first["token"]}, timeout=5
    )
    assert [p["paperId"] for p in last.json()["data"]] == ["a2"]
    assert last.json()["token"] is None
    refused = requests.get(url, params={"query": "(ladder", "fields": "title"}, timeout=5)
    assert refused.status_code == 400
