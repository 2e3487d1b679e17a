"""The one HTTP session every online resolver shares, and the politeness it enforces.

Layers, from the caller down:

1. `BibnormSession` — a requests-cache `CachedSession` (SQLite, in
   ``Settings.cache_dir``). Cache hits return here and are never throttled; the
   ``x-api-key`` header is an ignored parameter, so it is neither part of a cache
   key nor stored with cached requests.
2. `PoliteAdapter` — the transport adapter reached only on a cache miss. It finds the
   request's source by its configured base URL (`SourcePolicy`; the longest matching
   prefix wins, so two sources behind one host:port keep their own rules), spaces that
   source's requests (one at a time, ``arxiv_delay``/``s2_delay``),
   adds a timeout to every call, retries 429/5xx/connection errors/timeouts and
   bodies a source's validator rejects, with exponential backoff and jitter, honours
   ``Retry-After``, and gives up after ``max_attempts`` with `SourceUnavailable`.
   A raised error means nothing is cached, so a bad body never poisons the cache.
3. `OfflineAdapter` — mounted instead in ``--offline`` mode: it raises on any send,
   so no socket is ever opened.

Clock, sleep and randomness are injectable so the tests run in milliseconds.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests_cache import CachedSession

from normalizer import __version__
from normalizer.config import Settings

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CACHEABLE_STATUSES = (200, 400, 404)  # 400/404 are deterministic answers (bad id, not found)
MAX_BACKOFF = 120.0  # seconds; a longer Retry-After means "not this run"
CACHE_FILE = "http-cache.sqlite"

Validator = Callable[[requests.Response], str | None]


class SourceUnavailable(Exception):
    """A source could not be asked: offline, or every attempt failed. ``str()`` is the reason."""


@dataclass
class HttpStats:
    """Counters for the run summary: real requests per source, and cache hits."""

    requests: Counter[str] = field(default_factory=Counter)
    cache_hits: int = 0

    def total_requests(self) -> int:
        return sum(self.requests.values())


@dataclass
class SourcePolicy:
    """The rules of one metadata source, found by the base URL it was configured with.

    Spacing, body validation and counters belong to the source, not to its host: a mirror,
    a proxy or one test server may put several sources behind one host:port.
    """

    source: str  # "arxiv", "s2": the name counted in HttpStats and used in messages
    base_url: str  # requests whose URL starts with this (at a path boundary) are this source's
    min_interval: float  # seconds between two requests to this source
    validator: Validator | None = None
    _netloc: str = field(init=False, repr=False)
    _path: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        self._netloc = parts.netloc.lower()
        self._path = parts.path.rstrip("/")

    def owns(self, url: str) -> int:
        """How specific a match ``url`` is for this source (its base path's length + 1), 0 if none."""
        parts = urlsplit(url)
        if parts.netloc.lower() != self._netloc:
            return 0
        path = parts.path
        if path == self._path or path.startswith(self._path + "/") or not self._path:
            return len(self._path) + 1
        return 0


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


class PoliteAdapter(HTTPAdapter):
    """Per-host spacing, timeouts, bounded retries with backoff; see the module docstring."""

    def __init__(
        self,
        policies: list[SourcePolicy],
        *,
        timeout: float,
        max_attempts: int,
        backoff_base: float,
        user_agent: str,
        stats: HttpStats,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        # pool_maxsize=1: one connection at a time per host, as arXiv's terms ask.
        super().__init__(pool_connections=4, pool_maxsize=1, max_retries=0)
        self.policies = list(policies)
        self.timeout = timeout
        self.max_attempts = max(1, max_attempts)
        self.backoff_base = backoff_base
        self.user_agent = user_agent
        self.stats = stats
        self.clock = clock
        self.sleep = sleep
        self.jitter = jitter
        self._last_request: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def policy_for(self, url: str) -> SourcePolicy:
        """The source ``url`` belongs to: the policy with the longest matching base URL."""
        best, best_length = None, 0
        for policy in self.policies:
            length = policy.owns(url)
            if length > best_length:
                best, best_length = policy, length
        if best is None:
            # A URL of no configured source (a redirect, a test): its own unthrottled source.
            netloc = _netloc(url)
            best = SourcePolicy(
                source=netloc, base_url=f"{urlsplit(url).scheme}://{netloc}", min_interval=0.0
            )
            self.policies.append(best)
        return best

    def _lock(self, source: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(source, threading.Lock())

    def _wait_turn(self, policy: SourcePolicy) -> None:
        last = self._last_request.get(policy.source)
        if last is not None:
            wait = last + policy.min_interval - self.clock()
            if wait > 0:
                self.sleep(wait)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        policy = self.policy_for(request.url or "")
        request.headers["User-Agent"] = self.user_agent
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        validator = policy.validator
        reason = "no attempt made"
        with self._lock(policy.source):
            for attempt in range(1, self.max_attempts + 1):
                self._wait_turn(policy)
                retry_after: float | None = None
                try:
                    response = super().send(request, **kwargs)
                    _ = response.content  # read the body now, inside the retry loop
                except (
                    requests.ConnectionError,
                    requests.Timeout,
                    requests.exceptions.ChunkedEncodingError,  # body cut off mid-transfer
                    requests.exceptions.ContentDecodingError,
                ) as error:
                    reason = _describe_error(error)
                else:
                    if response.status_code in RETRY_STATUSES:
                        reason = f"HTTP {response.status_code}"
                        retry_after = _retry_after_seconds(response.headers.get("Retry-After"), self.clock)
                    elif response.status_code == 200 and validator and (bad := validator(response)):
                        reason = bad
                    else:
                        return response
                    response.close()
                finally:
                    self.stats.requests[policy.source] += 1
                    self._last_request[policy.source] = self.clock()
                if attempt == self.max_attempts:
                    break
                delay = self._backoff(attempt, retry_after)
                if delay is None:
                    reason += f" (server asked to wait {retry_after:.0f} s)"
                    break
                self.sleep(delay)
        raise SourceUnavailable(f"{policy.source}: {reason} (gave up after {attempt} attempts)")

    def _backoff(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to wait before the next attempt; None when the server asks for too long."""
        if retry_after is not None:
            return None if retry_after > MAX_BACKOFF else retry_after
        exponential = self.backoff_base * (2 ** (attempt - 1))
        return min(MAX_BACKOFF, exponential * (0.5 + self.jitter()))


class OfflineAdapter(HTTPAdapter):
    """Refuses every request: in offline mode only the cache may answer."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        raise SourceUnavailable("offline: not in the cache")


class BibnormSession(CachedSession):
    """A CachedSession that counts cache hits into `HttpStats`."""

    stats: HttpStats

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().send(request, **kwargs)
        if getattr(response, "from_cache", False):
            self.stats.cache_hits += 1
        return response


def _retry_after_seconds(value: str | None, clock: Callable[[], float]) -> float | None:
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


def _describe_error(error: Exception) -> str:
    if isinstance(error, requests.Timeout):
        return "timed out"
    text = str(error).split("\n", 1)[0]
    return f"connection failed: {text[:160]}"


def user_agent(settings: Settings) -> str:
    return f"bibnorm/{__version__} (+{settings.contact})"


def source_policies(settings: Settings) -> list[SourcePolicy]:
    """One policy per configured source: its name, base URL and spacing.

    A new source adds its line here; its resolver registers its body validator.
    """
    return [
        SourcePolicy("arxiv", settings.arxiv_api_url, settings.arxiv_delay),
        SourcePolicy("s2", settings.s2_api_url, settings.s2_delay),
    ]


def build_session(
    settings: Settings,
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    jitter: Callable[[], float] = random.random,
    stats: HttpStats | None = None,
    expire_after: timedelta = timedelta(days=30),
) -> BibnormSession:
    """The run's session: cache in ``settings.cache_dir``, polite or offline transport."""
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    session = BibnormSession(
        cache_name=str(settings.cache_dir / CACHE_FILE),
        backend="sqlite",
        allowable_codes=CACHEABLE_STATUSES,
        allowable_methods=("GET", "POST"),
        ignored_parameters=["x-api-key"],
        match_headers=False,
        expire_after=expire_after,
        stale_if_error=False,
    )
    session.stats = stats if stats is not None else HttpStats()
    session.headers["User-Agent"] = user_agent(settings)
    adapter: HTTPAdapter
    if settings.offline:
        adapter = OfflineAdapter()
    else:
        adapter = PoliteAdapter(
            source_policies(settings),
            timeout=settings.timeout,
            max_attempts=settings.max_attempts,
            backoff_base=settings.backoff_base,
            user_agent=user_agent(settings),
            stats=session.stats,
            clock=clock,
            sleep=sleep,
            jitter=jitter,
        )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def register_validator(session: requests.Session, base_url: str, validator: Validator) -> None:
    """Reject unusable 200 bodies of the source at ``base_url``: retried, never cached.

    The validator belongs to the source whose base URL owns ``base_url`` (another source
    on the same host keeps its own, or none).
    """
    adapter = session.get_adapter("https://")
    if isinstance(adapter, PoliteAdapter):
        adapter.policy_for(base_url).validator = validator
