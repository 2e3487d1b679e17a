"""A failed HTTP attempt in plain words: a transport error ("connection refused"), a status
that means "busy" or "down", and the wait a ``Retry-After`` header asks for. Never a
library's dump: these words end up in the one line a user reads.
"""

from __future__ import annotations

import email.utils
import socket
from datetime import UTC, datetime

import requests


def status_reason(status: int) -> str:
    """Why an answer with ``status`` is asked again, in the words a user reads."""
    if status == 429:
        return "rate limit reached (HTTP 429)"
    if status == 503:
        return "temporarily unavailable (HTTP 503)"
    if status == 403:
        return "rate limit reached (HTTP 403: slow down)"
    return f"server error (HTTP {status})"


def gave_up_reason(reason: str) -> str:
    """``reason`` as the end of "<source> … (gave up after N attempts)": a status reads as it is,
    a transport error after "failed: "."""
    return reason if reason.startswith(("rate", "temporarily", "server")) else f"failed: {reason}"


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def describe_error(error: BaseException, timeout: float | None = None) -> str:
    """A transport error in plain words ("connection refused"), never a library's dump."""
    if isinstance(error, requests.Timeout):
        return f"no answer within {timeout:g} s" if timeout else "timed out"
    if isinstance(error, requests.exceptions.SSLError):
        return "secure connection failed (TLS)"
    if isinstance(error, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
        return "the answer was cut off"
    chain = _error_chain(error)
    for link in chain:
        for inner in (link, getattr(link, "reason", None)):
            if isinstance(inner, ConnectionRefusedError):
                return "connection refused"
            if isinstance(inner, socket.gaierror):
                return "host not found (no network, or a wrong URL?)"
            if isinstance(inner, ConnectionResetError):
                return "connection reset"
    text = " ".join(str(link) for link in chain)
    for needle, words in _ERROR_WORDS:
        if needle in text:
            return words
    return "connection failed"


def _error_chain(error: BaseException) -> list[BaseException]:
    """The error and what it wraps (requests → urllib3 → socket), causes and first args."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        wrapped = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = current.__cause__ or current.__context__ or wrapped
    return chain


_ERROR_WORDS = (
    ("Connection refused", "connection refused"),
    ("Name or service not known", "host not found (no network, or a wrong URL?)"),
    ("Temporary failure in name resolution", "host not found (no network, or a wrong URL?)"),
    ("Failed to resolve", "host not found (no network, or a wrong URL?)"),
    ("Network is unreachable", "network unreachable"),
    ("No route to host", "no route to host"),
    ("Connection reset", "connection reset"),
    ("RemoteDisconnected", "the server closed the connection"),
    ("Connection aborted", "the server closed the connection"),
)
