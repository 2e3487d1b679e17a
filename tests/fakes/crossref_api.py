"""A fake Crossref REST API on 127.0.0.1, in Crossref's wire format.

Routes: ``GET /works/{doi}``; ``GET /works?query.bibliographic=…`` (a top-N by word overlap);
``GET /works?filter=doi:A,doi:B`` (the same filter named several times is OR-ed, as Crossref
documents; any other filter name, or a value that is not a DOI, is a 400 ``validation-failure``
in the recorded envelope).

Records: the recorded works in ``shared/reference/api-samples/crossref/work-*.json``
served as recorded (``{"status": "ok", "message-type": "work", "message": …}``), plus any
``message`` objects a test adds. An unknown DOI — arXiv's DataCite DOIs included — gets
404 with the recorded plain-text body ``Resource not found.`` Every request's path and
parameters are logged in `FakeCrossref.requests`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from paths import SHARED

from fakes.local_server import LocalServer, send

SAMPLES = SHARED / "reference" / "api-samples" / "crossref"
NOT_FOUND = (SAMPLES / "error-404-unknown-doi.txt").read_bytes()


def sample_works() -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))["message"]
        for path in sorted(SAMPLES.glob("work-*.json"))
    ]


class FakeCrossref(LocalServer):
    def __init__(
        self, works: list[dict[str, Any]] | None = None, refuses: Callable[[str], bool] | None = None
    ) -> None:
        self.works = {str(w["DOI"]).casefold(): w for w in (works if works is not None else sample_works())}
        # Filter values the service's validation refuses (which ones it does was not recorded).
        self.refuses = refuses or (lambda value: not re.match(r"10\.\d+/", value))
        self.requests: list[dict[str, str]] = []
        super().__init__()

    def search(self, params: dict[str, str]) -> bytes:
        """``/works?query.bibliographic=…``: like the real service, always the top ``rows`` works by
        word overlap, however unrelated (a nonsense query finds nothing); ``select`` honoured."""
        wanted = set(re.findall(r"[0-9a-z]+", params["query.bibliographic"].casefold()))
        scored = []
        for work in self.works.values():
            text = " ".join([*work.get("title", []), *(a.get("family", "") for a in work.get("author", []))])
            overlap = len(wanted & set(re.findall(r"[0-9a-z]+", text.casefold())))
            if overlap:
                scored.append((-overlap, str(work["DOI"]), work))
        rows = int(params.get("rows", "20"))
        items = [work for _, _, work in sorted(scored, key=lambda t: t[:2])[:rows]]
        if "select" in params:
            keep = params["select"].split(",")
            items = [{k: work[k] for k in keep if k in work} for work in items]
        message = {"facets": {}, "total-results": len(scored), "items": items, "items-per-page": rows,
                   "query": {"start-index": 0, "search-terms": None}}  # fmt: skip
        return json.dumps({"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                           "message": message}).encode()  # fmt: skip

    def filtered(self, params: dict[str, str]) -> tuple[int, bytes]:
        """``/works?filter=doi:…,doi:…``: the works holding any of the DOIs; ``rows``/``select`` honoured."""
        clauses = [clause.partition(":") for clause in params["filter"].split(",")]
        unknown = [name for name, _, value in clauses if name != "doi" or self.refuses(value)]
        if unknown:
            message = f"Filter {unknown[0]} specified but there is no such filter for this route."
            problem = {"type": "filter-not-available", "value": unknown[0], "message": message}
            return 400, json.dumps({"status": "failed", "message-type": "validation-failure",
                                    "message": [problem]}).encode()  # fmt: skip
        dois = {value.casefold() for _, _, value in clauses}
        items = [work for doi, work in sorted(self.works.items()) if doi in dois]
        rows = int(params.get("rows", "20"))
        if "select" in params:
            keep = params["select"].split(",")
            items = [{k: work[k] for k in keep if k in work} for work in items]
        message = {"facets": {}, "total-results": len(items), "items": items[:rows], "items-per-page": rows,
                   "query": {"start-index": 0, "search-terms": None}}  # fmt: skip
        return 200, json.dumps({"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                                "message": message}).encode()  # fmt: skip

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                fake.requests.append({"path": unquote(parts.path), **params})
                if parts.path == "/works" and "query.bibliographic" in params:
                    send(self, 200, fake.search(params), {"Content-Type": "application/json"})
                    return
                if parts.path == "/works" and "filter" in params:
                    status, body = fake.filtered(params)
                    send(self, status, body, {"Content-Type": "application/json"})
                    return
                doi = unquote(parts.path).removeprefix("/works/").casefold()
                work = fake.works.get(doi) if parts.path.startswith("/works/") else None
                if work is None:
                    send(self, 404, NOT_FOUND, {"Content-Type": "text/plain"})
                    return
                body = {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": work}
                send(self, 200, json.dumps(body).encode(), {"Content-Type": "application/json"})

            def log_message(self, *args: object) -> None:
                pass

        return Handler
