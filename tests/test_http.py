"""The shared HTTP layer: caching, politeness, retries, offline mode (against a real local server)."""

from __future__ import annotations

import contextlib
import json
import socket
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from bibnorm.config import Settings
from bibnorm.resolvers._http import CACHE_FILE, HttpStats, SourcePolicy, SourceUnavailable, register_validator
from bibnorm.resolvers._session import build_session
from fakes.broken_api import closed_port


class ScriptedServer(ThreadingHTTPServer):
    """Answers each request with the next scripted (status, headers, body); repeats the last."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[tuple[int, dict[str, str], bytes]] = [(200, {}, b'{"ok": true}')]
        self.seen: list[tuple[str, dict[str, str]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: ScriptedServer

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers)))
        status, headers, body = (
            self.server.script.pop(0) if len(self.server.script) > 1 else self.server.script[0]
        )
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def make_settings(tmp_path: Path, server: ScriptedServer, **extra: object) -> Settings:
    values: dict[str, object] = {
        "cache_dir": tmp_path / "cache",
        "s2_api_url": server.url + "/graph/v1",
        "arxiv_api_url": "http://127.0.0.2:9/api/query",
        "s2_delay": 1.0,
        "max_attempts": 3,
        "backoff_base": 2.0,
    }
    values.update(extra)
    return Settings(**values)  # type: ignore[arg-type]


def test_second_identical_request_is_a_cache_hit_and_not_throttled(
    tmp_path: Path, server: ScriptedServer
) -> None:
    clock = FakeClock()
    stats = HttpStats()
    session = build_session(make_settings(tmp_path, server), clock=clock, sleep=clock.sleep, stats=stats)
    for _ in range(3):
        assert session.get(server.url + "/graph/v1/paper/X").json() == {"ok": True}
    assert len(server.seen) == 1
    assert stats.requests == {"s2": 1}
    assert stats.cache_hits == 2
    assert clock.sleeps == []


def test_requests_to_one_host_are_spaced_by_its_delay(tmp_path: Path, server: ScriptedServer) -> None:
    clock = FakeClock()
    session = build_session(make_settings(tmp_path, server), clock=clock, sleep=clock.sleep)
    session.get(server.url + "/graph/v1/paper/A")
    session.get(server.url + "/graph/v1/paper/B")
    assert clock.sleeps == [1.0]


def test_429_is_retried_with_exponential_backoff_then_succeeds(
    tmp_path: Path, server: ScriptedServer
) -> None:
    body = b'{"message": "Too Many Requests.", "code": "429"}'
    server.script = [(429, {}, body), (429, {}, body), (200, {}, b'{"ok": 1}')]
    clock = FakeClock()
    settings = make_settings(tmp_path, server, s2_delay=0.0)
    session = build_session(settings, clock=clock, sleep=clock.sleep, jitter=lambda: 0.5)
    assert session.get(server.url + "/graph/v1/paper/A").json() == {"ok": 1}
    assert clock.sleeps == [2.0, 4.0]  # base * 2**(n-1) * (0.5 + jitter)


def test_retry_after_header_is_honoured(tmp_path: Path, server: ScriptedServer) -> None:
    server.script = [(503, {"Retry-After": "7"}, b"{}"), (200, {}, b"{}")]
    clock = FakeClock()
    session = build_session(make_settings(tmp_path, server, s2_delay=0.0), clock=clock, sleep=clock.sleep)
    session.get(server.url + "/graph/v1/paper/A")
    assert clock.sleeps == [7.0]


def test_exhausted_attempts_raise_source_unavailable_and_nothing_is_cached(
    tmp_path: Path, server: ScriptedServer
) -> None:
    server.script = [(503, {}, b"down")]
    clock = FakeClock()
    session = build_session(make_settings(tmp_path, server, s2_delay=0.0), clock=clock, sleep=clock.sleep)
    with pytest.raises(
        SourceUnavailable,
        match=r"Semantic Scholar temporarily unavailable \(HTTP 503\) \(gave up after 3 attempts\)",
    ):
        session.get(server.url + "/graph/v1/paper/A")
    server.script = [(200, {}, b'{"later": true}')]
    assert session.get(server.url + "/graph/v1/paper/A").json() == {"later": True}


def test_a_body_the_validator_rejects_is_retried_and_never_cached(
    tmp_path: Path, server: ScriptedServer
) -> None:
    server.script = [(200, {}, b'{"trunc'), (200, {}, b'{"whole": 1}')]
    clock = FakeClock()
    session = build_session(make_settings(tmp_path, server, s2_delay=0.0), clock=clock, sleep=clock.sleep)

    def must_be_json(response: object) -> str | None:
        try:
            json.loads(response.content)  # type: ignore[attr-defined]
        except ValueError:
            return "body is not JSON"
        return None

    register_validator(session, server.url + "/graph/v1", must_be_json)
    assert session.get(server.url + "/graph/v1/x").json() == {"whole": 1}
    assert len(server.seen) == 2


def test_requests_to_one_source_are_spaced_by_its_delay_not_its_hosts(
    tmp_path: Path, server: ScriptedServer
) -> None:
    clock = FakeClock()
    settings = make_settings(tmp_path, server, arxiv_api_url=server.url + "/arxiv/api/query", arxiv_delay=3.0)
    session = build_session(settings, clock=clock, sleep=clock.sleep)
    session.get(server.url + "/graph/v1/paper/A")
    session.get(server.url + "/arxiv/api/query?id_list=1")  # another source: no wait for S2's turn
    session.get(server.url + "/graph/v1/paper/B")
    session.get(server.url + "/arxiv/api/query?id_list=2")
    # S2 waits its 1 s; arXiv then waits what is left of its own 3 s (the clock moved 1 s).
    assert clock.sleeps == [1.0, 2.0]


def test_two_sources_behind_one_server_keep_their_own_validators_and_counters(
    tmp_path: Path, server: ScriptedServer
) -> None:
    stats = HttpStats()
    settings = make_settings(
        tmp_path, server, arxiv_api_url=server.url + "/arxiv/api/query", arxiv_delay=0.0, s2_delay=0.0
    )
    session = build_session(settings, stats=stats)
    register_validator(
        session, settings.s2_api_url, lambda r: None if r.content.startswith(b"{") else "not JSON"
    )
    register_validator(
        session, settings.arxiv_api_url, lambda r: None if r.content.startswith(b"<") else "not a feed"
    )
    server.script = [(200, {}, b"<feed/>"), (200, {}, b'{"ok": 1}')]
    assert session.get(server.url + "/arxiv/api/query?id_list=1").content == b"<feed/>"
    assert session.get(server.url + "/graph/v1/paper/A").json() == {"ok": 1}
    assert len(server.seen) == 2  # neither body was retried under the other source's validator
    assert stats.requests == {"arxiv": 1, "s2": 1}


def test_a_base_url_owns_only_paths_below_it() -> None:
    policy = SourcePolicy("s2", "http://h:1/graph/v1", 0.0)
    assert policy.owns("http://h:1/graph/v1/paper/A")
    assert policy.owns("http://h:1/graph/v1?x=1")
    assert not policy.owns("http://h:1/graph/v10/paper")
    assert not policy.owns("http://h:2/graph/v1/paper")


def test_offline_session_never_sends_and_answers_from_cache(tmp_path: Path, server: ScriptedServer) -> None:
    online = build_session(make_settings(tmp_path, server))
    online.get(server.url + "/graph/v1/paper/cached")
    offline = build_session(make_settings(tmp_path, server, offline=True))
    assert offline.get(server.url + "/graph/v1/paper/cached").json() == {"ok": True}
    with pytest.raises(SourceUnavailable, match="offline"):
        offline.get(server.url + "/graph/v1/paper/not-cached")
    assert len(server.seen) == 1


def test_offline_cache_miss_is_refused_before_the_transport(tmp_path: Path, server: ScriptedServer) -> None:
    online = build_session(make_settings(tmp_path, server))
    online.get(server.url + "/graph/v1/paper/cached", params={"fields": "title"})
    offline = build_session(make_settings(tmp_path, server, offline=True))
    sent: list[str] = []
    send = offline.send

    def recording_send(request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        sent.append(str(request.url))
        return send(request, **kwargs)

    offline.send = recording_send  # type: ignore[method-assign]
    with pytest.raises(SourceUnavailable, match=r"^offline: not in the cache$"):
        offline.get(server.url + "/graph/v1/paper/cached", params={"fields": "title,year"})
    assert sent == []  # the miss never became a prepared request on its way to an adapter
    response = offline.get(server.url + "/graph/v1/paper/cached", params={"fields": "title"})
    assert response.json() == {"ok": True} and getattr(response, "from_cache", False)
    assert sent == [server.url + "/graph/v1/paper/cached?fields=title"]
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    "cache_file",
    [pytest.param(None, id="no-cache-file"), pytest.param(b"", id="empty-cache-file")],
)
def test_offline_with_nothing_cached_refuses_every_request_and_writes_nothing(
    tmp_path: Path, server: ScriptedServer, cache_file: bytes | None
) -> None:
    folder = tmp_path / "cache"
    if cache_file is not None:
        folder.mkdir()
        (folder / CACHE_FILE).write_bytes(cache_file)
    session = build_session(make_settings(tmp_path, server, offline=True))
    with pytest.raises(SourceUnavailable, match=r"^offline: not in the cache$"):
        session.get(server.url + "/graph/v1/paper/A")
    with pytest.raises(SourceUnavailable, match=r"^offline: not in the cache$"):
        session.post(server.url + "/graph/v1/paper/batch", json={"ids": ["A"]})
    assert server.seen == []
    if cache_file is None:
        assert not (folder / CACHE_FILE).exists()
    else:
        assert (folder / CACHE_FILE).read_bytes() == cache_file


def test_api_key_is_sent_but_never_stored_in_the_cache(tmp_path: Path, server: ScriptedServer) -> None:
    session = build_session(make_settings(tmp_path, server))
    secret = "sEcReT-kEy-123"
    session.get(server.url + "/graph/v1/paper/A", headers={"x-api-key": secret})
    assert server.seen[0][1].get("x-api-key") == secret
    session.close()
    raw = (tmp_path / "cache" / CACHE_FILE).read_bytes()
    assert secret.encode() not in raw
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        assert db.execute("select count(*) from responses").fetchone()[0] == 1


def test_user_agent_names_bibnorm_and_a_contact(tmp_path: Path, server: ScriptedServer) -> None:
    session = build_session(make_settings(tmp_path, server))
    session.get(server.url + "/graph/v1/paper/A", headers={"user-agent": "arxiv.py/4"})
    assert server.seen[0][1]["User-Agent"].startswith("bibnorm/")


# --------------------------------------------------------------------------- the circuit breaker


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_refused_source_is_down_after_three_attempts_and_later_calls_fail_at_once(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/graph/v1"
    clock = FakeClock()
    stats = HttpStats()
    settings = Settings(cache_dir=tmp_path / "cache", s2_api_url=url, max_attempts=4, backoff_base=2.0)
    session = build_session(settings, clock=clock, sleep=clock.sleep, stats=stats, jitter=lambda: 0.5)
    with pytest.raises(SourceUnavailable, match=r"^Semantic Scholar unreachable: connection refused$"):
        session.get(url + "/paper/A")
    assert stats.requests == {"s2": 3}
    assert clock.sleeps == [1.0, 1.0]  # short pauses: a refused connection is not a load problem
    with pytest.raises(SourceUnavailable, match="connection refused"):
        session.get(url + "/paper/B")
    assert stats.requests == {"s2": 3}  # no further attempt
    assert stats.down == {"s2": "Semantic Scholar unreachable: connection refused"}


def test_a_source_that_never_answers_is_down_after_three_timeouts(tmp_path: Path, silent_server: str) -> None:
    stats = HttpStats()
    settings = Settings(
        cache_dir=tmp_path / "cache",
        s2_api_url=silent_server + "/graph/v1",
        timeout=0.2,
        backoff_base=0.01,
        max_attempts=4,
    )
    session = build_session(settings, stats=stats)
    with pytest.raises(SourceUnavailable, match=r"^Semantic Scholar unreachable: no answer within 0.2 s$"):
        session.get(silent_server + "/graph/v1/paper/A")
    with pytest.raises(SourceUnavailable):
        session.get(silent_server + "/graph/v1/paper/B")
    assert stats.requests == {"s2": 3}


def test_other_sources_stay_up_when_one_is_down(tmp_path: Path, server: ScriptedServer) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/api/query"
    stats = HttpStats()
    settings = make_settings(tmp_path, server, arxiv_api_url=refused, s2_delay=0.0, backoff_base=0.01)
    session = build_session(settings, stats=stats)
    with pytest.raises(SourceUnavailable, match="arXiv unreachable"):
        session.get(refused + "?id_list=1")
    assert session.get(server.url + "/graph/v1/paper/A").json() == {"ok": True}
    assert list(stats.down) == ["arxiv"]


@pytest.mark.parametrize(
    ("headers", "sleeps"),
    [
        pytest.param({"Retry-After": "5"}, [5.0, 5.0], id="retry-after"),
        pytest.param({}, [2.0, 4.0], id="exponential"),  # then 8 s would pass the 10 s budget
    ],
)
def test_a_rate_limit_storm_is_waited_out_only_within_the_budget(
    tmp_path: Path, server: ScriptedServer, headers: dict[str, str], sleeps: list[float]
) -> None:
    server.script = [(429, headers, b"{}")]
    clock = FakeClock()
    stats = HttpStats()
    settings = make_settings(tmp_path, server, s2_delay=0.0, max_attempts=10, max_wait_per_source=10.0)
    session = build_session(settings, clock=clock, sleep=clock.sleep, stats=stats, jitter=lambda: 0.5)
    with pytest.raises(SourceUnavailable, match=r"rate limit reached \(HTTP 429\): gave up after waiting"):
        session.get(server.url + "/graph/v1/paper/A")
    assert clock.sleeps == sleeps
    seen = len(server.seen)
    with pytest.raises(SourceUnavailable):
        session.get(server.url + "/graph/v1/paper/B")
    assert len(server.seen) == seen
    assert "s2" in stats.down


def test_a_retry_after_longer_than_the_run_should_wait_makes_the_source_down(
    tmp_path: Path, server: ScriptedServer
) -> None:
    server.script = [(503, {"Retry-After": "3600"}, b"{}")]
    clock = FakeClock()
    session = build_session(make_settings(tmp_path, server), clock=clock, sleep=clock.sleep)
    with pytest.raises(SourceUnavailable, match="it asks to wait 3600 s"):
        session.get(server.url + "/graph/v1/paper/A")
    assert clock.sleeps == []


def test_a_refused_key_makes_the_source_down_and_is_remembered(
    tmp_path: Path, server: ScriptedServer
) -> None:
    server.script = [(403, {}, b'{"message": "Forbidden"}')]
    stats = HttpStats()
    session = build_session(make_settings(tmp_path, server), stats=stats)
    assert session.get(server.url + "/graph/v1/paper/A").status_code == 403  # the client says why
    with pytest.raises(SourceUnavailable, match=r"refused access \(HTTP 403; is the API key right\?\)"):
        session.get(server.url + "/graph/v1/paper/B")
    assert stats.refused == {"s2"}
    assert len(server.seen) == 1
