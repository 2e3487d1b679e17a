"""An API that answers every request the same broken way, on 127.0.0.1.

For the sources a run loses: one that is busy until bibnorm gives up (503 with
``Retry-After: 0``, so the retries cost no time), or one that answers 200 with a hostile
body (a JSON document nested 100,000 deep). `closed_port` gives a port nothing listens on:
a source there refuses every connection.
"""

from __future__ import annotations

import socket
from http.server import BaseHTTPRequestHandler
from typing import Self

from fakes.local_server import LocalServer, send

DEEP_JSON = b"[" * 100_000


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BrokenApi(LocalServer):
    """Every GET and POST gets ``status`` with ``body``; ``requests`` counts them."""

    def __init__(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.status, self.body, self.headers = status, body, headers or {}
        self.requests = 0
        super().__init__()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.command == "POST":  # read the body, or the client sees a reset
                    self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.requests += 1
                send(self, fake.status, fake.body, {"Content-Type": "application/json", **fake.headers})

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def busy_api() -> BrokenApi:
    """A source that is always busy: 503 with ``Retry-After: 0``, until the client gives up."""
    return BrokenApi(503, b"", {"Retry-After": "0"})


def deep_json_api() -> BrokenApi:
    """A source whose every answer is 200 with JSON nested 100,000 deep."""
    return BrokenApi(200, DEEP_JSON)
