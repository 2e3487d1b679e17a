"""Open Library client against the fake Open Library on 127.0.0.1 (tests/fakes/openlibrary_api.py).

Specifies: an edition of the Books API (``jscmd=data``) and a work of the search API become
records (title and subtitle, authors, publisher, the edition's year or every edition's year);
many ISBNs go in one request, and an ISBN Open Library lacks is simply absent; a failing
service is an `OpenLibraryError` with a user-ready reason, never an exception of another kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.config import Settings
from bibnorm.models import PartialDate
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.openlibrary import OpenLibraryClient, OpenLibraryError, edition_record, search_record
from fakes.broken_api import DEEP_JSON, BrokenApi
from fakes.openlibrary_api import FakeOpenLibrary, sample_editions, sample_works

DEEP_LEARNING = "9780262035613"
BISHOP = "9780387310732"


def test_an_edition_is_a_book_record_dated_by_its_publication() -> None:
    book = edition_record(sample_editions()[DEEP_LEARNING])
    assert book.reference.title == "Deep Learning"
    assert [p.display() for p in book.reference.authors] == [
        "Ian Goodfellow",
        "Yoshua Bengio",
        "Aaron Courville",
    ]
    assert book.reference.publisher == "The MIT Press"
    assert book.reference.issued == PartialDate(year=2016)  # "Nov 18, 2016"
    assert book.years == (2016,)
    assert "9780262035613" in book.isbns


@pytest.mark.parametrize(
    ("fields", "title", "years"),
    [
        pytest.param(
            {"title": "Slow reading", "publish_date": "March 2009"}, "Slow reading", (2009,), id="month-year"
        ),
        pytest.param(
            {"title": "T", "subtitle": "A Sub", "publish_date": "1998"}, "T: A Sub", (1998,), id="subtitle"
        ),
        pytest.param({"title": "T"}, "T", (), id="undated"),
    ],
)
def test_an_editions_title_joins_its_subtitle_and_its_year_is_read_from_any_date(
    fields: dict[str, str], title: str, years: tuple[int, ...]
) -> None:
    book = edition_record({"key": "/books/OL1M", **fields})
    assert (book.reference.title, book.years) == (title, years)


def test_a_search_hit_is_a_work_with_every_editions_year() -> None:
    work = search_record(sample_works()[0])
    assert work.reference.title == "Pattern Recognition and Machine Learning"
    assert work.reference.issued == PartialDate(year=2006)
    assert work.years == (2006, 2007, 2016)
    assert work.reference.url == "https://openlibrary.org/works/OL17809442W"


@pytest.fixture
def fake() -> Iterator[FakeOpenLibrary]:
    server = FakeOpenLibrary().start()
    try:
        yield server
    finally:
        server.stop()


def client_at(url: str, tmp_path: Path, **settings: Any) -> OpenLibraryClient:
    """A client of the Open Library at ``url``: no pacing, no sleeping between retries."""
    chosen = Settings(
        **{
            "openlibrary_api_url": url,
            "openlibrary_delay": 0,
            "cache_dir": tmp_path / "cache",
            "max_attempts": 2,
            "backoff_base": 0.01,
            **settings,
        }
    )
    return OpenLibraryClient(build_session(chosen, sleep=lambda seconds: None), chosen)


@pytest.fixture
def client(fake: FakeOpenLibrary, tmp_path: Path) -> OpenLibraryClient:
    return client_at(fake.url, tmp_path)


def test_many_isbns_are_asked_in_one_request_and_one_it_lacks_is_absent(
    client: OpenLibraryClient, fake: FakeOpenLibrary
) -> None:
    found = client.books([DEEP_LEARNING, BISHOP, "9780000000002"])
    assert sorted(found) == [DEEP_LEARNING, BISHOP]
    assert found[BISHOP].reference.title == "Pattern Recognition and Machine Learning"
    [request] = fake.requests
    assert request == {
        "path": "/api/books",
        "bibkeys": f"ISBN:{DEEP_LEARNING},ISBN:{BISHOP},ISBN:9780000000002",
        "format": "json",
        "jscmd": "data",
    }


def test_a_title_search_names_the_author_and_the_fields_it_reads(
    client: OpenLibraryClient, fake: FakeOpenLibrary
) -> None:
    hits = client.search("Pattern Recognition and Machine Learning", "Bishop")
    assert [hit.reference.title for hit in hits] == ["Pattern Recognition and Machine Learning"]
    assert fake.requests[0]["author"] == "Bishop"
    assert set(fake.requests[0]["fields"].split(",")) >= {"title", "author_name", "publish_year", "isbn"}


def test_a_failing_service_is_an_error_with_a_reason(tmp_path: Path) -> None:
    client = client_at("http://127.0.0.1:9", tmp_path, max_attempts=1, timeout=2)
    with pytest.raises(OpenLibraryError, match="Open Library"):
        client.books([DEEP_LEARNING])


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"<html>Service Unavailable</html>", id="an-error-page"),
        pytest.param(b'{"ISBN:9780262035613": {"title": "Deep', id="truncated"),
        pytest.param(DEEP_JSON, id="nested-100k-deep"),
    ],
)
def test_a_body_that_is_not_json_is_retried_then_an_error_never_a_traceback(
    tmp_path: Path, body: bytes
) -> None:
    with BrokenApi(200, body) as api:
        client = client_at(api.url, tmp_path)
        with pytest.raises(OpenLibraryError, match="Open Library sent a body that is not JSON"):
            client.books([DEEP_LEARNING])
        assert api.requests == 2  # retried as unusable (never cached), then given up
