"""The one HTTP session every online resolver shares, and the politeness it enforces.

Layers, from the caller down:

1. `BibnormSession` — a requests session that counts into `HttpStats`; the run's is a
   cached one (`bibnorm.resolvers._cache.CachedBibnormSession`, SQLite in ``Settings.cache_dir``).
   Cache hits return here and are never throttled; the ``x-api-key`` header is an ignored
   parameter, so it is neither part of a cache key nor stored with cached requests.
   Offline with no cache file nothing could answer, so no cache is opened (nor created):
   the session is a plain one whose every request is refused as a cache miss would be,
   and requests-cache (a tenth of a second of start-up) is never imported.
2. `PoliteAdapter` — the transport adapter reached only on a cache miss. It finds the
   request's source by its configured base URL (`SourcePolicy`; the longest matching
   prefix wins, so two sources behind one host:port keep their own rules), spaces that
   source's requests (one at a time, ``arxiv_delay``/``s2_delay``; the turn is shared by every
   process and run using the cache folder, `bibnorm.resolvers._spacing`),
   adds a timeout to every call, retries 429/5xx/connection errors/timeouts and
   bodies a source's validator rejects, with exponential backoff and jitter, honours
   ``Retry-After``, and gives up after ``max_attempts`` with `SourceUnavailable`.
   A raised error means nothing is cached, so a bad body never poisons the cache.
   Every answer is bounded: its body is read in chunks and refused past ``max_bytes``
   (counted both as sent and as decompressed, so a gzip bomb stops at the cap), and a
   watchdog cuts the connection when an attempt, from the request to the last byte, takes
   longer than ``timeout`` (requests' own timeout is per socket read: a server dripping a
   byte a second would never end). A refused or cut-off body raises, so it is never cached.
   The bounds are `bibnorm.resolvers._bounded`'s; the words a failure is told in,
   `bibnorm.resolvers._failures`'.
3. `OfflineAdapter` — mounted instead in ``--offline`` mode: it raises on any send,
   so no socket is ever opened. Offline, a request the cache cannot answer never gets this
   far: with no response cached at all the session is a `RefusingSession`, and otherwise
   the cached session looks the request's key up first (`bibnorm.resolvers._cache`).

Redirects are followed only to the same origin (scheme, host and port; plain HTTP may be
upgraded to HTTPS on the same host): a source's credentials (S2's ``x-api-key`` header,
OpenAlex's ``api_key`` and the ``mailto`` parameter) travel with the request, and requests
strips only ``Authorization`` on a cross-host redirect. A redirect elsewhere is
`SourceUnavailable` (`BibnormSession.get_redirect_target`), the one rule for every source.

Clock, sleep and randomness are injectable so the tests run in milliseconds.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NoReturn, Protocol
from urllib.parse import urljoin, urlsplit

import requests
from bibnorm import __version__
from bibnorm.config import Settings
from bibnorm.resolvers._bounded import WATCHED_POOLS, Deadline, TooLarge, read_bounded
from bibnorm.resolvers._cache_file import (  # noqa: F401 (re-exported: the cache commands, the sessions)
    CACHE_FILE,
    OFFLINE_MISS,
    cache_file_in,
    cached_responses,
)
from bibnorm.resolvers._failures import (
    describe_error,
    gave_up_reason,
    retry_after_seconds,
    status_reason,
)
from bibnorm.resolvers._spacing import SharedSpacing, Turn
from bibnorm.resolvers._stats import HttpStats
from requests.adapters import HTTPAdapter

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
AUTH_STATUSES = frozenset({401, 403})
CONNECTION_RETRY_DELAY = 1.0  # seconds before retrying a connection that failed
CACHEABLE_STATUSES = (200, 400, 404)  # 400/404 are deterministic answers (bad id, not found)
MAX_BACKOFF = 120.0  # seconds; a longer Retry-After means "not this run"
# The biggest legitimate answers (an S2 batch of 500 papers with abstracts, 100 arXiv entries)
# are a few MB; 32 MB leaves room for them and bounds what a hostile answer can cost.
MAX_RESPONSE_MB = 32.0

Validator = Callable[[requests.Response], str | None]


class SourceUnavailable(Exception):
    """A source could not be asked: offline, or every attempt failed. ``str()`` is the reason."""


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
    label: str = ""  # the name users read ("arXiv", "Semantic Scholar"); defaults to ``source``
    # Only the base URL's own path, not the paths below it: Crossref's lists (``/works?query…``,
    # 1 request/s in the public pool) are another source than its single works (``/works/{doi}``, 5/s).
    exact: bool = False
    # Statuses this source sends for "slow down" beyond 429 (OpenAlex: 403 "rate limit exceeded;
    # slow down"): waited out like a 429, never read as a refused key.
    busy_statuses: frozenset[int] = frozenset()
    # Run state (the circuit breaker): consecutive connection-level failures, seconds spent
    # waiting on this source, and why it is down (empty while it is up).
    failures: int = 0
    waited: float = 0.0
    down: str = ""
    _netloc: str = field(init=False, repr=False)
    _path: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.label = self.label or self.source
        parts = urlsplit(self.base_url)
        self._netloc = parts.netloc.lower()
        self._path = parts.path.rstrip("/")

    def owns(self, url: str) -> int:
        """How specific a match ``url`` is for this source (its base path's length + 1), 0 if none."""
        parts = urlsplit(url)
        if parts.netloc.lower() != self._netloc:
            return 0
        path = parts.path
        if self.exact:
            return len(self._path) + 1 if path.rstrip("/") == self._path else 0
        if path == self._path or path.startswith(self._path + "/") or not self._path:
            return len(self._path) + 1
        return 0


@dataclass(frozen=True)
class _Attempt:
    """What one attempt came to: the answer to hand back, or why to try again (the reason,
    the wait the source asked for, whether it was a failure to reach the source at all)."""

    response: requests.Response | None = None
    reason: str = ""
    retry_after: float | None = None
    unreachable: bool = False


# Failures of the transport (as opposed to an answer): asked again, and counted by the breaker.
_TRANSPORT_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,  # body cut off mid-transfer
    requests.exceptions.ContentDecodingError,
)


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


class PoliteAdapter(HTTPAdapter):
    """Per-source spacing, timeouts, bounded retries and a circuit breaker; see the module docstring."""

    def __init__(
        self,
        policies: list[SourcePolicy],
        *,
        timeout: float,
        max_attempts: int,
        backoff_base: float,
        user_agent: str,
        stats: HttpStats,
        breaker_failures: int = 3,
        max_wait: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        max_bytes: int = int(MAX_RESPONSE_MB * 1024 * 1024),
        spacing: SharedSpacing | None = None,
    ) -> None:
        # pool_maxsize=1: one connection at a time per host, as arXiv's terms ask; a pool for each
        # source's host kept open, as the sources are asked side by side.
        super().__init__(pool_connections=10, pool_maxsize=1, max_retries=0)
        self.policies = list(policies)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_attempts = max(1, max_attempts)
        self.backoff_base = backoff_base
        self.user_agent = user_agent
        self.stats = stats
        self.breaker_failures = max(1, breaker_failures)
        self.max_wait = max_wait
        self.clock = clock
        self.sleep = sleep
        self.jitter = jitter
        # The turns other processes share (None: spaced within this process only).
        self.spacing = spacing if spacing is not None else SharedSpacing(None)
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

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):  # SOCKS has its own connections (and no watchdog)
            manager.pool_classes_by_scheme = WATCHED_POOLS
        return manager

    def _lock(self, source: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(source, threading.Lock())

    def _wait_turn(self, policy: SourcePolicy, turn: Turn) -> None:
        """Wait until the source's spacing has passed since its last request ended, in this
        process or any other sharing the turn; never longer than one spacing (a time recorded
        on another clock, or before a reboot, is not waited out)."""
        ends = [end for end in (self._last_request.get(policy.source), turn.last) if end is not None]
        if ends:
            wait = min(max(ends) + policy.min_interval - self.clock(), policy.min_interval)
            if wait > 0:
                self.sleep(wait)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        policy = self.policy_for(request.url or "")
        request.headers["User-Agent"] = self.user_agent
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        with self._lock(policy.source):
            if policy.down:
                raise SourceUnavailable(policy.down)
            if policy.min_interval <= 0:  # nothing to space: no turn to take
                return self._send_with_retries(policy, request, kwargs, Turn(None))
            with self.spacing.turn(policy.source, policy.base_url) as turn:
                return self._send_with_retries(policy, request, kwargs, turn)

    def _send_with_retries(
        self, policy: SourcePolicy, request: requests.PreparedRequest, kwargs: dict[str, Any], turn: Turn
    ) -> requests.Response:
        reason = "no attempt made"
        for attempt in range(1, self.max_attempts + 1):
            self._wait_turn(policy, turn)
            outcome = self._attempt(policy, request, kwargs, turn)
            if outcome.response is not None:
                return outcome.response
            reason = outcome.reason
            if outcome.unreachable:
                policy.failures += 1
                if policy.failures >= self.breaker_failures or policy.waited >= self.max_wait:
                    self._trip(policy, f"{policy.label} unreachable: {reason}")
            if attempt == self.max_attempts:
                break
            self._pause(policy, attempt, outcome)
        message = f"{policy.label} {gave_up_reason(reason)} (gave up after {attempt} attempts)"
        self.stats.gave_up.setdefault(policy.source, message)
        raise SourceUnavailable(message)

    def _attempt(
        self, policy: SourcePolicy, request: requests.PreparedRequest, kwargs: dict[str, Any], turn: Turn
    ) -> _Attempt:
        """One try, its body read whole inside the deadline; an answer past the byte cap is
        `SourceUnavailable` at once (asking again would bring the same)."""
        started = self.clock()
        never_arrived = False
        deadline = Deadline(self.timeout)
        try:
            with deadline:
                response = super().send(request, **{**kwargs, "stream": True})
                # Read the body now, inside the retry loop and the deadline.
                read_bounded(response, self.max_bytes)
                if deadline.expired:  # cut off in its headers, it may look like a whole answer
                    response.close()
                    raise requests.Timeout("cut off at the deadline")
        except TooLarge as error:
            message = f"{policy.label} sent an answer {error}; refused"
            self.stats.gave_up.setdefault(policy.source, message)
            raise SourceUnavailable(message) from None
        except _TRANSPORT_ERRORS as error:
            # A cut-off drip reads as the timeout it is (the same words, whichever came first).
            reason = describe_error(requests.Timeout() if deadline.expired else error, self.timeout)
            if isinstance(error, requests.Timeout) or deadline.expired:
                policy.waited += max(0.0, self.clock() - started)
            never_arrived = (
                isinstance(error, requests.ConnectionError)
                and not isinstance(error, requests.exceptions.ChunkedEncodingError | requests.ReadTimeout)
                and not deadline.expired
            )
            return _Attempt(reason=reason, unreachable=True)
        else:
            return self._judge(policy, response)
        finally:
            self.stats.requests[policy.source] += 1
            if not never_arrived:  # a refused connection put no load on the server: no spacing
                self._last_request[policy.source] = ended = self.clock()
                turn.ended(ended)

    def _judge(self, policy: SourcePolicy, response: requests.Response) -> _Attempt:
        """What an answer means: hand it back (a refused key marks the source down), or say
        why it is asked again (busy, or a body the source's validator rejects)."""
        status = response.status_code
        if status in AUTH_STATUSES and status not in policy.busy_statuses:
            # A wrong or missing key, or a blocked client: asking again cannot help.
            policy.down = f"{policy.label} refused access (HTTP {status}; is the API key right?)"
            self.stats.refused.add(policy.source)
            self.stats.down[policy.source] = policy.down
            return _Attempt(response=response)
        if status in RETRY_STATUSES or status in policy.busy_statuses:
            outcome = _Attempt(
                reason=status_reason(status),
                retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            )
            policy.failures = 0  # it answered: reachable, only busy
        elif status == 200 and policy.validator and (bad := policy.validator(response)):
            # A proxy or a wrong URL answers like this every time: counted as unreachable.
            outcome = _Attempt(reason=bad, unreachable=True)
        else:
            policy.failures = 0
            return _Attempt(response=response)
        response.close()
        return outcome

    def _pause(self, policy: SourcePolicy, attempt: int, outcome: _Attempt) -> None:
        """Wait before the next attempt; a wait past what the run allows trips the breaker."""
        retry_after = outcome.retry_after
        delay = self._backoff(attempt, retry_after, connection_error=outcome.unreachable)
        if retry_after is not None and retry_after > MAX_BACKOFF:
            self._trip(policy, f"{policy.label} {outcome.reason}: it asks to wait {retry_after:.0f} s")
        if policy.waited + delay > self.max_wait:
            self._trip(
                policy,
                f"{policy.label} {outcome.reason}: gave up after waiting {policy.waited:.0f} s in this run",
            )
        policy.waited += delay
        self.sleep(delay)

    def _trip(self, policy: SourcePolicy, reason: str) -> NoReturn:
        """Mark the source down for the rest of the run; later calls fail at once."""
        policy.down = reason
        self.stats.down[policy.source] = reason
        raise SourceUnavailable(reason)

    def _backoff(self, attempt: int, retry_after: float | None, *, connection_error: bool = False) -> float:
        """Seconds to wait before the next attempt."""
        if retry_after is not None:
            return retry_after
        exponential = self.backoff_base * (2 ** (attempt - 1))
        delay = min(MAX_BACKOFF, exponential * (0.5 + self.jitter()))
        # A refused or failed connection is not a load problem: a short pause is enough
        # to ride out a blip, and a source that stays away trips the breaker quickly.
        return min(delay, CONNECTION_RETRY_DELAY) if connection_error else delay


class OfflineAdapter(HTTPAdapter):
    """Refuses every request: in offline mode only the cache may answer."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        raise SourceUnavailable(OFFLINE_MISS)


class BibnormSession(requests.Session):
    """The session every online source is given: requests counted into `HttpStats`, redirects
    followed only within their origin (the module docstring says why)."""

    stats: HttpStats

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        target = super().get_redirect_target(resp)
        if target is None or not resp.url:
            return target
        where = urljoin(resp.url, target)
        if not same_origin(resp.url, where):
            adapter = self.get_adapter(resp.url)
            source = label = _netloc(resp.url)
            if isinstance(adapter, PoliteAdapter):
                policy = adapter.policy_for(resp.url)
                source, label = policy.source, policy.label
            parts = urlsplit(where)
            message = (
                f"{label} redirected to another host ({parts.scheme}://{parts.netloc}); "
                "not followed, so no credential leaves its source"
            )
            if hasattr(self, "stats"):
                self.stats.gave_up.setdefault(source, message)
            raise SourceUnavailable(message)
        return target


_DEFAULT_PORTS = {"http": 80, "https": 443}


def same_origin(origin: str, target: str) -> bool:
    """True when ``target`` is on ``origin``'s scheme, host and port, or is the same host's
    HTTPS on default ports when ``origin`` is plain HTTP (an upgrade only adds protection)."""
    before, after = urlsplit(origin), urlsplit(target)
    try:
        before_port = before.port or _DEFAULT_PORTS.get(before.scheme)
        after_port = after.port or _DEFAULT_PORTS.get(after.scheme)
    except ValueError:  # a port that is not a number
        return False
    if (before.hostname or "").lower() != (after.hostname or "").lower():
        return False
    if (before.scheme, before_port) == (after.scheme, after_port):
        return True
    return (before.scheme, before_port, after.scheme, after_port) == ("http", 80, "https", 443)


class RefusingSession(BibnormSession):
    """Offline with nothing cached: every request is refused as a cache miss is, at once.

    The answer is the one the cache and `OfflineAdapter` would give, without preparing the
    request, reading the proxy settings of the environment or opening a cache (a millisecond
    and more a request, for an answer known before asking).
    """

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        raise SourceUnavailable(OFFLINE_MISS)


class SessionFactory(Protocol):
    """What opens the run's session (`bibnorm.resolvers._session.build_session`), for code that must not
    compose one itself: only the CLI decides how a session is built."""

    def __call__(self, settings: Settings, *, stats: HttpStats | None = None) -> BibnormSession: ...


def user_agent(settings: Settings) -> str:
    return f"bibnorm/{__version__} (+{settings.contact})"


def source_policies(settings: Settings) -> list[SourcePolicy]:
    """One policy per configured source: its name, base URL and spacing.

    A new source adds its line here; its resolver registers its body validator.
    """
    return [
        SourcePolicy("arxiv", settings.arxiv_api_url, settings.arxiv_delay, label="arXiv"),
        SourcePolicy("s2", settings.s2_api_url, settings.s2_delay, label="Semantic Scholar"),
        SourcePolicy("dblp", settings.dblp_api_url, settings.dblp_delay, label="dblp"),
        SourcePolicy("crossref", settings.crossref_api_url, settings.crossref_delay, label="Crossref"),
        SourcePolicy(
            "crossref-search",
            settings.crossref_api_url.rstrip("/") + "/works",
            settings.crossref_search_delay,
            label="Crossref search",
            exact=True,
        ),
        SourcePolicy(
            "openalex",
            settings.openalex_api_url,
            settings.openalex_delay,
            label="OpenAlex",
            busy_statuses=frozenset({403}),  # "rate limit exceeded; slow down" (its error docs)
        ),
        SourcePolicy(
            "openlibrary", settings.openlibrary_api_url, settings.openlibrary_delay, label="Open Library"
        ),
    ]


def register_validator(session: requests.Session, base_url: str, validator: Validator) -> None:
    """Reject unusable 200 bodies of the source at ``base_url``: retried, never cached.

    The validator belongs to the source whose base URL owns ``base_url`` (another source
    on the same host keeps its own, or none).
    """
    adapter = session.get_adapter("https://")
    if isinstance(adapter, PoliteAdapter):
        adapter.policy_for(base_url).validator = validator
