"""A referee in front of a fake source: it keeps the source's rate as the real one does.

`RateReferee` is a small HTTP proxy on 127.0.0.1 that forwards every request to the fake behind
it and notes when each arrived. A request that arrives sooner than ``gap`` seconds after the
previous one of its kind is a violation: counted, and, with ``refuse=True``, answered ``429``
as dblp, arXiv and Crossref answer a client that asks too fast (without being forwarded).
``kind`` sorts requests into the limits a source keeps apart (Crossref's lists and single
works): by default every request is of one kind; ``gaps`` gives a kind a gap of its own
(Crossref's lists 1 s, its single works 0.25 s).

Point a setting at ``referee.url`` (the fake's URL on the referee's port) instead of the fake's
own URL; the fake sees the same requests.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from fakes.local_server import LocalServer, send

_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "content-length"})


def crossref_limit(path: str) -> str:
    """Which of Crossref's limits a request counts against: its lists (``/works?…``, 1 a second in
    the public pool) or its single works (``/works/{doi}``, 5 a second)."""
    return "list" if path.startswith("/works?") else "one"


class RateReferee(LocalServer):
    """Forwards to ``upstream`` (a base URL), counting requests that came under ``gap`` seconds
    after the previous one of the same `kind`."""

    def __init__(
        self,
        upstream: str,
        gap: float,
        *,
        refuse: bool = False,
        kind: Callable[[str], str] = lambda path: "",
        gaps: dict[str, float] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.upstream = urlsplit(upstream)
        self.gap = gap
        self.gaps = gaps or {}
        self.refuse = refuse
        self.kind = kind
        self.clock = clock
        self.arrivals: dict[str, list[float]] = {}
        self.violations: list[tuple[str, float]] = []  # (path, seconds since the previous one)
        self.asked: list[str] = []  # every request's path and query, in order (a POST's body aside)
        self._lock = threading.Lock()
        super().__init__()
        self.url += self.upstream.path  # the same paths, asked of the referee

    def requests(self) -> int:
        return sum(len(times) for times in self.arrivals.values())

    def _arrived(self, path: str) -> bool:
        """Note a request's arrival; False when it came too soon after the previous one."""
        now = self.clock()
        with self._lock:
            self.asked.append(path)
            kind = self.kind(path)
            times = self.arrivals.setdefault(kind, [])
            too_soon = bool(times) and now - times[-1] < self.gaps.get(kind, self.gap)
            if too_soon:
                self.violations.append((path, now - times[-1]))
            times.append(now)
        return not too_soon

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            kept = {name: value for name, value in answer.getheaders() if name.lower() not in _HOP_BY_HOP}
            return answer.status, kept, answer.read()
        finally:
            connection.close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        referee = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if not referee._arrived(self.path) and referee.refuse:
                    send(self, 429, b"", {"Retry-After": "1"})
                    return
                headers = {
                    name: value for name, value in self.headers.items() if name.lower() not in _HOP_BY_HOP
                }
                status, kept, answer = referee._forward(self.command, self.path, headers, body)
                send(self, status, answer if self.command != "HEAD" else b"", kept)

            do_GET = do_POST = do_HEAD = _relay

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
