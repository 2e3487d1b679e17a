"""Every answer bounded: its body read in chunks and refused past a byte cap (counted as sent
and as decompressed, so a gzip bomb stops at the cap), and a watchdog that cuts the connection
when one attempt, from the request to the last byte, outlasts its time (requests' own timeout
is per socket read: a server dripping a byte a second would never end). `PoliteAdapter`
(`bibnorm.resolvers._http`) mounts `WATCHED_POOLS` and runs each attempt inside a `Deadline`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_CHUNK = 64 * 1024  # bytes read at a time; a gzip chunk inflates at most ~1000 times this


class TooLarge(Exception):
    """An answer past the byte cap; ``str()`` says how big ("of more than 32 MB")."""


def read_bounded(response: requests.Response, max_bytes: int) -> None:
    """Read a streamed ``response``'s body into ``response.content``, or raise `TooLarge` once
    more than ``max_bytes`` arrived or inflated (a gzip bomb stops at the cap, not at its size).

    A declared ``Content-Length`` past the cap is refused before any of the body is read.
    """
    try:
        declared = int(response.headers.get("Content-Length", ""))
    except ValueError:
        declared = 0
    if declared > max_bytes:
        response.close()
        raise TooLarge(f"of {_megabytes(declared)} (more than the {_megabytes(max_bytes)} allowed)")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body += chunk
        # ``tell()`` counts the bytes as sent (compressed), ``body`` as decoded: both are capped.
        if len(body) > max_bytes or response.raw.tell() > max_bytes:
            response.close()
            raise TooLarge(f"of more than {_megabytes(max_bytes)}")
    response._content = bytes(body)


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 10 else f"{value:.2g} MB"


_watched = threading.local()  # the `Deadline` of the request this thread is sending, if any


class Deadline:
    """A watchdog over one attempt: ``seconds`` after it starts, the connection's socket is shut
    down, so a read blocked on a server that drips bytes (or headers) ends at once.

    The socket is handed over by `_WatchedConnection` when the response is awaited; a deadline
    that passed before that shuts it down as soon as it is handed over.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._socket: socket.socket | None = None
        self._guard = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        _watched.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _watched.deadline = None
        with self._guard:
            self._socket = None  # back in the pool: a late timer must not cut it

    def watch(self, sock: socket.socket | None) -> None:
        with self._guard:
            self._socket = sock
            if self.expired:
                self._cut()

    def _expire(self) -> None:
        with self._guard:
            self.expired = True
            self._cut()

    def _cut(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                # The plain socket's shutdown, also for TLS: it wakes the reading thread
                # without touching the TLS object that thread is using.
                socket.socket.shutdown(self._socket, socket.SHUT_RDWR)


class _WatchedConnection(HTTPConnection):
    """A connection that hands its socket to the sending thread's `Deadline` before waiting
    for the answer (a kept-alive connection is handed over again on every request)."""

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        deadline = getattr(_watched, "deadline", None)
        if deadline is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    getresponse = _WatchedConnection.getresponse


class _WatchedPool(HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


WATCHED_POOLS = {"http": _WatchedPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(HTTPAdapter):
    """A plain adapter (no retries, no spacing) whose connections a `Deadline` can cut: for a
    session that is not a source's (Zotero's local API), so that it is bounded in time too."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = WATCHED_POOLS
