"""What the JSON sources (Crossref, dblp, OpenAlex, Open Library, Semantic Scholar) share at
their wire edge: one request whose failures are the source's own error in plain words, a body read
as JSON, a validator that keeps bodies that are not JSON out of the cache, a client's base URL
with its validator registered, the roles (resolver, enricher) that ask through one client, and
what a source answered lately (`RecentAnswers`), so that nothing is asked twice in a run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import requests
from bibnorm.resolvers._http import SourceUnavailable, Validator, describe_error, register_validator
from bibnorm.safejson import loads

Client = TypeVar("Client")
Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def source_url(session: requests.Session, base_url: str, validator: Validator) -> str:
    """A source's base URL as its client asks it (no trailing slash), with ``validator``
    registered for the source's 200 answers."""
    url = base_url.rstrip("/")
    register_validator(session, url, validator)
    return url


class AsksThrough(Generic[Client]):
    """A resolver or an enricher that asks its source through one client (shared, for S2, by
    both roles, so that a rejected key stops both)."""

    def __init__(self, client: Client) -> None:
        self.client = client


class RecentAnswers(Generic[Key, Value]):
    """What a source answered to its latest ``size`` questions (by id or DOI), kept so that none is
    asked twice: a run asks its papers a group at a time, and two groups may name one paper. At
    most ``size`` are kept, the oldest let go first: a worker that keeps its sources open over
    many documents holds a few thousand answers, not every paper it ever asked about. Safe to use
    from the two roles of one client (S2's resolver and enricher run side by side)."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._answers: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def known(self, keys: Iterable[Key]) -> dict[Key, Value]:
        """The answers held for any of ``keys``."""
        with self._lock:
            found = {key: self._answers[key] for key in keys if key in self._answers}
            for key in found:
                self._answers.move_to_end(key)
            return found

    def remember(self, answers: Mapping[Key, Value]) -> None:
        with self._lock:
            self._answers.update(answers)
            for key in answers:
                self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


def json_validator(message: str) -> Validator:
    """A body validator: a 200 answer whose body is not JSON (an error page, a truncated or
    absurdly nested body) is rejected with ``message``, so it is retried and never cached."""

    def validate(response: requests.Response) -> str | None:
        if response.status_code != 200:
            return None
        try:
            loads(response.content)
        except ValueError:
            return message
        return None

    return validate


def ask(
    session: requests.Session, method: str, url: str, label: str, error: type[Exception], **kwargs: Any
) -> requests.Response:
    """``session.request``; a source that cannot be asked raises ``error`` naming ``label``."""
    try:
        return session.request(method, url, **kwargs)
    except SourceUnavailable as unavailable:
        raise error(str(unavailable)) from None
    except requests.RequestException as failed:
        raise error(f"{label} unreachable: {describe_error(failed)}") from None


def json_body(response: requests.Response, label: str, error: type[Exception]) -> Any:
    """The JSON of a 200 answer; any other status, or a body that is not JSON, raises ``error``."""
    if response.status_code != 200:
        raise error(f"{label} answered HTTP {response.status_code}")
    try:
        return loads(response.content)
    except ValueError:
        raise error(f"{label} sent a body that is not JSON") from None


def json_object(value: Any) -> Mapping[str, Any]:
    """A JSON object field, or an empty mapping for ``null``/missing/odd values."""
    return value if isinstance(value, dict) else {}
