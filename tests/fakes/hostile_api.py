"""A hostile source on 127.0.0.1: redirects elsewhere, endless and bomb answers, drips.

`HostileServer` answers every GET and POST the way its ``mode`` says; `RecordingServer`, on
another loopback address (127.0.0.2, so another host, not only another port), records what
reaches it — a redirect that carried a credential there would show in ``seen``.
"""

from __future__ import annotations

import contextlib
import time
import zlib
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler
from typing import Literal

from fakes.local_server import LocalServer, QuietHTTPServer

Mode = Literal["redirect", "endless", "declared-huge", "gzip-bomb", "gzip-small", "drip", "drip-headers"]
BOMB_MB = 256  # what the bomb inflates to; it is sent as ~250 KB


@cache
def gzip_bomb() -> bytes:
    """``BOMB_MB`` MB of zeros, gzip-compressed (built once, a chunk at a time)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip stream
    chunk = bytes(1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(BOMB_MB)]
    return b"".join(parts) + compressor.flush()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Script:
    mode: Mode = "redirect"
    status: int = 302  # of a redirect
    target: str = ""  # where a redirect points (the path is kept)
    drip_every: float = 0.2  # seconds between two bytes of a drip
    sent: int = 0  # body bytes an endless answer got out before the client hung up
    seen: list[Seen] = field(default_factory=list)


class HostileServer(LocalServer):
    """A source that answers as ``script.mode`` says, whatever was asked."""

    def __init__(self, script: Script) -> None:
        self.script = script
        super().__init__()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        script = self.script

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer("POST")

            def _answer(self, method: str) -> None:
                script.seen.append(Seen(method, self.path, dict(self.headers)))
                # The client hanging up is what a bounded reader does.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    ANSWERS[script.mode](self, script)
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _redirect(handler: BaseHTTPRequestHandler, script: Script) -> None:
    """To ``script.target`` + the path; with no target, to ``/here`` + the path on this server,
    which answers ``{"here": true}``."""
    if handler.path.startswith("/here/"):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", "14")
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(b'{"here": true}')
        return
    handler.send_response(script.status)
    handler.send_header("Location", (script.target or "/here") + handler.path)
    handler.send_header("Content-Length", "0")
    # Said, because every answer closes its connection: a client that believed the connection
    # alive would send the redirected request down a socket the server is closing (a reset).
    handler.send_header("Connection", "close")
    handler.end_headers()


def _endless(handler: BaseHTTPRequestHandler, script: Script) -> None:
    """A JSON-looking body with no length that never ends (until the client hangs up)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"[" + b" " * (64 * 1024 - 1)
    while True:
        handler.wfile.write(chunk)
        script.sent += len(chunk)
        chunk = b" " * len(chunk)


def _declared_huge(handler: BaseHTTPRequestHandler, script: Script) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(10 * 1024**3))
    handler.end_headers()
    handler.wfile.write(b"[")


def _gzip(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _gzip_bomb(handler: BaseHTTPRequestHandler, script: Script) -> None:
    _gzip(handler, gzip_bomb())


def _gzip_small(handler: BaseHTTPRequestHandler, script: Script) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    _gzip(handler, compressor.compress(b'{"data": "' + b"x" * 100_000 + b'"}') + compressor.flush())


def _drip(handler: BaseHTTPRequestHandler, script: Script) -> None:
    """Headers at once, then a body of a promised 1000 bytes, one byte per ``drip_every``."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    for _ in range(1000):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(script.drip_every)


def _drip_headers(handler: BaseHTTPRequestHandler, script: Script) -> None:
    """The status line and headers themselves, one byte per ``drip_every``."""
    for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 10_000:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(script.drip_every)


ANSWERS = {
    "redirect": _redirect,
    "endless": _endless,
    "declared-huge": _declared_huge,
    "gzip-bomb": _gzip_bomb,
    "gzip-small": _gzip_small,
    "drip": _drip,
    "drip-headers": _drip_headers,
}


class RecordingServer(LocalServer):
    """Another host (127.0.0.2): records every request that reaches it, answers ``{}``."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.server = QuietHTTPServer(("127.0.0.2", 0), self._handler())
        self.url = f"http://127.0.0.2:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        seen = self.seen

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._record("GET")

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._record("POST")

            def _record(self, method: str) -> None:
                seen.append(Seen(method, self.path, dict(self.headers)))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: object) -> None:
                pass

        return Handler
