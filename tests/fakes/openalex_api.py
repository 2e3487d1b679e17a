"""A fake OpenAlex API (``GET /works?filter=doi:…|…``) on 127.0.0.1, in OpenAlex's wire format.

Works: the recorded ones in ``shared/reference/api-samples/openalex/`` (single works and the
results of the recorded lists), plus any a test adds. A list answer is
``{"meta": {count, db_response_time_ms, page, per_page, groups_count}, "results": […],
"group_by": []}`` as recorded; ``filter=doi:<url>|<url>`` ORs DOI URLs (lower-cased, as the
service stores them). Every request's parameters are logged in `FakeOpenAlex.requests`; a
request without ``api_key`` gets 401 with a JSON error (the key is required since February
2026; the exact refusal was not recorded). `FakeOpenAlex.slow_down` answers that many next
requests with 403 "rate limit exceeded; slow down", as OpenAlex's error documentation says it
does (the body's wording is modelled).
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from paths import SHARED

from fakes.local_server import LocalServer, send

SAMPLES = SHARED / "reference" / "api-samples" / "openalex"


def sample_works() -> list[dict[str, Any]]:
    works: dict[str, dict[str, Any]] = {}
    for path in sorted(SAMPLES.glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        for work in body.get("results", [body]):
            if work.get("doi") and work.get("authorships") is not None:
                works.setdefault(work["doi"].casefold(), work)
    return list(works.values())


class FakeOpenAlex(LocalServer):
    def __init__(self, works: list[dict[str, Any]] | None = None) -> None:
        self.works = {str(w["doi"]).casefold(): w for w in (works if works is not None else sample_works())}
        self.requests: list[dict[str, str]] = []
        self.slow_down = 0
        super().__init__()

    def answer(self, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if self.slow_down > 0:
            self.slow_down -= 1
            return 403, {"error": "Forbidden", "message": "rate limit exceeded; slow down"}
        if not params.get("api_key"):
            return 401, {"error": "API key required", "message": "Add api_key=… to your request"}
        wanted = params.get("filter", "").removeprefix("doi:").split("|")
        results = [self.works[d.casefold()] for d in wanted if d.casefold() in self.works]
        per_page = int(params.get("per-page", "25"))
        meta = {"count": len(results), "db_response_time_ms": 12, "page": 1, "per_page": per_page,
                "groups_count": None}  # fmt: skip
        return 200, {"meta": meta, "results": results[:per_page], "group_by": []}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                fake.requests.append({"path": parts.path, **params})
                status, body = fake.answer(params) if parts.path == "/works" else (404, {})
                send(self, status, json.dumps(body).encode(), {"Content-Type": "application/json"})

            def log_message(self, *args: object) -> None:
                pass

        return Handler
