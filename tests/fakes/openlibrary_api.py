"""A fake Open Library on 127.0.0.1, in its wire formats.

Routes: ``GET /api/books?bibkeys=ISBN:a,ISBN:b&format=json&jscmd=data`` — one JSON object keyed
by the bibkeys exactly as asked, each value an edition in the ``jscmd=data`` shape; a bibkey it
does not hold is absent (``{}`` for none), as the service's ``dynlinks`` does. ``GET
/search.json?title=…&author=…&fields=…&limit=N`` — the top ``limit`` works whose title shares a
word with the asked one (and, with ``author``, whose ``author_name`` shares one too), ``fields``
honoured, in the ``{numFound, start, numFoundExact, docs, …}`` envelope.

Data: the editions and works of ``fixtures/verify-kinds/openlibrary/`` (see its README), plus
any a test adds. Every request's path and parameters are logged in `FakeOpenLibrary.requests`.
"""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from paths import FIXTURES

from fakes.local_server import LocalServer, send

SAMPLES = FIXTURES / "verify-kinds" / "openlibrary"


def sample_editions() -> dict[str, dict[str, Any]]:
    """The recorded-format editions, by 13-digit ISBN."""
    books = json.loads((SAMPLES / "books-isbn-jscmd-data.json").read_text(encoding="utf-8"))
    return {key.removeprefix("ISBN:"): edition for key, edition in books.items()}


def sample_works() -> list[dict[str, Any]]:
    return list(json.loads((SAMPLES / "search-json-works.json").read_text(encoding="utf-8"))["docs"])


def _words(text: str) -> set[str]:
    return set(re.findall(r"[0-9a-z]+", text.casefold()))


class FakeOpenLibrary(LocalServer):
    def __init__(
        self, editions: dict[str, dict[str, Any]] | None = None, works: list[dict[str, Any]] | None = None
    ) -> None:
        self.editions = sample_editions() if editions is None else editions
        self.works = sample_works() if works is None else works
        self.requests: list[dict[str, str]] = []
        super().__init__()

    def books(self, params: dict[str, str]) -> bytes:
        answer = {}
        for bibkey in params.get("bibkeys", "").split(","):
            kind, _, value = bibkey.partition(":")
            edition = self.editions.get(value.replace("-", "")) if kind.upper() == "ISBN" else None
            if edition is not None:
                answer[bibkey] = edition
        return json.dumps(answer).encode()

    def search(self, params: dict[str, str]) -> bytes:
        wanted, author = _words(params.get("title", "")), _words(params.get("author", ""))
        docs = [
            work
            for work in self.works
            if wanted & _words(work.get("title", ""))
            and (not author or author & _words(" ".join(work.get("author_name", []))))
        ]
        docs.sort(key=lambda work: -len(wanted & _words(work.get("title", ""))))
        limit = int(params.get("limit", "100"))
        if "fields" in params:
            keep = params["fields"].split(",")
            docs = [{k: work[k] for k in keep if k in work} for work in docs]
        body = {
            "numFound": len(docs),
            "start": 0,
            "numFoundExact": True,
            "docs": docs[:limit],
            "num_found": len(docs),
            "q": "",
            "offset": None,
        }
        return json.dumps(body).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                fake.requests.append({"path": parts.path, **params})
                if parts.path == "/api/books":
                    send(self, 200, fake.books(params), {"Content-Type": "application/json"})
                elif parts.path == "/search.json":
                    send(self, 200, fake.search(params), {"Content-Type": "application/json"})
                else:
                    send(self, 404, b"<html>Not Found</html>", {"Content-Type": "text/html"})

            def log_message(self, *args: object) -> None:
                pass

        return Handler
