"""What every small fake API shares: a threaded HTTP server on a free 127.0.0.1 port."""

from __future__ import annotations

import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class QuietHTTPServer(ThreadingHTTPServer):
    """A threaded server whose request errors never reach the code under test's stderr.

    The stock server prints a traceback to ``sys.stderr`` when a client hangs up (a timeout,
    a connection the client's pool dropped); a test running the CLI in-process captures
    ``sys.stderr``, so that noise would land in the command's own output. Hang-ups are
    expected and ignored; any other error goes to the process's real stderr.
    """

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        traceback.print_exc(file=sys.__stderr__)


class LocalServer:
    """Serves ``self._handler()`` on a free port; ``url`` is its base URL. ``start`` returns self."""

    def __init__(self) -> None:
        self.server = QuietHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        raise NotImplementedError

    def start(self) -> Self:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    """One complete answer with a Content-Length."""
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
