"""Hostile sources: no credential reaches another host, and every answer is bounded in
bytes (as sent and as inflated) and in time — one clear line, never a traceback or a hang.

Each attack is a real server on 127.0.0.1 (`fakes.hostile_api`); the "other host" a redirect
points to is a recording server on 127.0.0.2.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_SOURCES_FAILED, main
from bibnorm.config import Settings
from bibnorm.resolvers._http import SourceUnavailable, same_origin
from bibnorm.resolvers._session import build_session
from click.testing import CliRunner
from fakes.broken_api import closed_port
from fakes.hostile_api import BOMB_MB, HostileServer, RecordingServer, Script, gzip_bomb

SECRET = "s3cr3t-key-0123"


@pytest.fixture
def recorder() -> Iterator[RecordingServer]:
    server = RecordingServer().start()
    yield server
    server.stop()


def settings_for(tmp_path: Path, hostile: HostileServer, **extra: object) -> Settings:
    values: dict[str, object] = {
        "cache_dir": tmp_path / "cache",
        "s2_api_url": hostile.url + "/graph/v1",
        "openalex_api_url": hostile.url + "/openalex",
        "arxiv_api_url": f"http://127.0.0.1:{closed_port()}/api/query",
        "s2_delay": 0.0,
        "openalex_delay": 0.0,
        "max_attempts": 1,
    }
    return Settings(**{**values, **extra})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- secrets stay home


@pytest.mark.parametrize(
    ("status", "method", "path"),
    [
        pytest.param(302, "GET", "/graph/v1/paper/search/match", id="s2-lookup-302"),
        pytest.param(307, "GET", "/graph/v1/paper/search/match", id="s2-lookup-307"),
        pytest.param(307, "POST", "/graph/v1/paper/batch", id="s2-batch-307"),
        pytest.param(308, "POST", "/graph/v1/paper/batch", id="s2-batch-308"),
        pytest.param(301, "GET", "/openalex/works", id="openalex-301"),
    ],
)
def test_a_redirect_to_another_host_is_not_followed_and_carries_no_secret(
    tmp_path: Path,
    hostile: HostileServer,
    script: Script,
    recorder: RecordingServer,
    status: int,
    method: str,
    path: str,
) -> None:
    script.mode, script.status, script.target = "redirect", status, recorder.url
    session = build_session(settings_for(tmp_path, hostile))
    label = "OpenAlex" if "openalex" in path else "Semantic Scholar"
    expected = (
        f"{label} redirected to another host ({recorder.url}); "
        "not followed, so no credential leaves its source"
    )
    with pytest.raises(SourceUnavailable) as raised:
        session.request(
            method,
            hostile.url + path,
            headers={"x-api-key": SECRET},
            params={"api_key": SECRET, "mailto": "me@example.org"},
            json={"ids": ["arXiv:1706.03762"]} if method == "POST" else None,
        )
    assert str(raised.value) == expected
    assert recorder.seen == []
    assert [seen.method for seen in script.seen] == [method]


def test_a_redirect_within_the_source_is_followed_with_its_key(
    tmp_path: Path, hostile: HostileServer, script: Script
) -> None:
    script.mode, script.target = "redirect", ""  # to /here/… on the same server
    session = build_session(settings_for(tmp_path, hostile))
    response = session.get(hostile.url + "/graph/v1/paper/X", headers={"x-api-key": SECRET})
    assert response.json() == {"here": True}
    assert [seen.path for seen in script.seen] == ["/graph/v1/paper/X", "/here/graph/v1/paper/X"]
    assert script.seen[1].headers.get("x-api-key") == SECRET


@pytest.mark.parametrize(
    ("origin", "target", "same"),
    [
        pytest.param("https://api.x.org/a", "https://api.x.org/b?q=1", True, id="same-origin"),
        pytest.param("https://api.x.org/a", "https://API.X.org:443/b", True, id="default-port-and-case"),
        pytest.param("http://api.x.org/a", "https://api.x.org/a", True, id="upgrade-to-https"),
        pytest.param("https://api.x.org/a", "http://api.x.org/a", False, id="downgrade-to-http"),
        pytest.param("https://api.x.org/a", "https://evil.org/a", False, id="other-host"),
        pytest.param("https://api.x.org/a", "https://api.x.org.evil.org/a", False, id="suffixed-host"),
        pytest.param("http://127.0.0.1:80/a", "http://127.0.0.1:8080/a", False, id="other-port"),
        pytest.param("https://api.x.org/a", "https://user@evil.org/a", False, id="userinfo"),
        pytest.param("https://api.x.org/a", "https://api.x.org:bad/a", False, id="bad-port"),
    ],
)
def test_same_origin(origin: str, target: str, same: bool) -> None:
    assert same_origin(origin, target) is same


@pytest.fixture
def elsewhere(
    tmp_path: Path, script: Script, recorder: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> RecordingServer:
    """The hostile source redirects every request (307: method and body kept) to ``recorder``;
    the CLI runs in ``tmp_path``."""
    script.mode, script.status, script.target = "redirect", 307, recorder.url
    monkeypatch.chdir(tmp_path)
    return recorder


def test_resolve_with_a_redirecting_s2_keeps_the_key_and_says_so_in_one_line(
    tmp_path: Path, hostile: HostileServer, elsewhere: RecordingServer
) -> None:
    (tmp_path / "titles.txt").write_text("Attention Is All You Need\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["resolve", "titles.txt", "-o", "out.bib", "--report", "r.json", "--resolvers", "s2"],
        env=cli_env(tmp_path, hostile),
    )
    assert "Traceback" not in result.stderr
    assert elsewhere.seen == []
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    [item] = report["items"]
    assert [problem["message"] for problem in item["problems"]] == [
        f"Semantic Scholar redirected to another host ({elsewhere.url}); "
        "not followed, so no credential leaves its source"
    ]


def test_verify_batch_post_redirected_elsewhere_sends_nothing_there(
    tmp_path: Path, hostile: HostileServer, script: Script, elsewhere: RecordingServer
) -> None:
    (tmp_path / "refs.bib").write_text(
        "@article{vaswani2017,\n  title = {Attention Is All You Need},\n"
        "  author = {Vaswani, Ashish},\n  year = {2017},\n  eprint = {1706.03762},\n"
        "  archiveprefix = {arXiv}\n}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["verify", "refs.bib"], env=cli_env(tmp_path, hostile))
    assert "Traceback" not in result.stderr
    assert "POST" in {seen.method for seen in script.seen}
    assert elsewhere.seen == []
    assert "redirected to another host" in result.output + result.stderr


def cli_env(tmp_path: Path, hostile: HostileServer) -> dict[str, str]:
    port = closed_port()
    return {
        "BIBNORM_CACHE_DIR": str(tmp_path / "cache"),
        "BIBNORM_ARXIV_API_URL": f"http://127.0.0.1:{port}/api/query",
        "BIBNORM_S2_API_URL": hostile.url + "/graph/v1",
        "BIBNORM_DBLP_API_URL": f"http://127.0.0.1:{port}/dblp",
        "BIBNORM_CROSSREF_API_URL": f"http://127.0.0.1:{port}/crossref",
        "BIBNORM_SNAPSHOT": "",
        "BIBNORM_OFFLINE": "",
        "BIBNORM_MAX_ATTEMPTS": "1",
        "S2_API_KEY": SECRET,
    }


# --------------------------------------------------------------------------- bounded in bytes

OVER_1_MB = "Semantic Scholar sent an answer of more than 1 MB; refused"


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        pytest.param("endless", OVER_1_MB, id="endless-body-without-length"),
        pytest.param(
            "declared-huge",
            "Semantic Scholar sent an answer of 10240 MB (more than the 1 MB allowed); refused",
            id="declared-10-GB",
        ),
        pytest.param("gzip-bomb", OVER_1_MB, id="gzip-bomb"),
    ],
)
def test_an_oversized_answer_is_refused_at_the_cap_and_never_cached(
    tmp_path: Path, hostile: HostileServer, script: Script, mode: str, message: str
) -> None:
    script.mode = mode  # type: ignore[assignment]
    session = build_session(settings_for(tmp_path, hostile, max_response_mb=1))
    for _ in range(2):  # the second is asked again: a refused answer is not in the cache
        with pytest.raises(SourceUnavailable) as raised:
            session.get(hostile.url + "/graph/v1/paper/X")
        assert str(raised.value) == message
    assert len(script.seen) == 2
    assert session.stats.gave_up == {"s2": message}
    # The endless answer was cut off near the cap (socket buffers hold a few MB more).
    assert script.sent < 32 * 1024 * 1024


def test_a_gzip_bomb_costs_memory_near_the_cap_not_its_size(
    tmp_path: Path, hostile: HostileServer, script: Script
) -> None:
    script.mode = "gzip-bomb"
    gzip_bomb()  # built before measuring: the server's copy is not the client's cost
    session = build_session(settings_for(tmp_path, hostile, max_response_mb=4))
    tracemalloc.start()
    try:
        with pytest.raises(SourceUnavailable, match="more than 4 MB"):
            session.get(hostile.url + "/graph/v1/paper/X")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < BOMB_MB * 1024 * 1024 // 4  # it inflates to 256 MB; the read stops near 4 MB


def test_a_compressed_answer_under_the_cap_is_read_inflated_and_cached(
    tmp_path: Path, hostile: HostileServer, script: Script
) -> None:
    script.mode = "gzip-small"
    session = build_session(settings_for(tmp_path, hostile, max_response_mb=1))
    first = session.get(hostile.url + "/graph/v1/paper/X")
    again = session.get(hostile.url + "/graph/v1/paper/X")
    assert first.json() == again.json() == {"data": "x" * 100_000}
    assert getattr(again, "from_cache", False) is True
    assert len(script.seen) == 1


# --------------------------------------------------------------------------- bounded in time

NO_ANSWER_IN_1_S = "Semantic Scholar failed: no answer within 1 s (gave up after 1 attempts)"


@pytest.mark.parametrize(
    ("mode", "every"),
    [
        pytest.param("drip", 0.2, id="body"),
        pytest.param("drip-headers", 0.2, id="status-line"),
        # The status line whole, then the deadline in a header: no answer, not an empty one.
        pytest.param("drip-headers", 0.02, id="headers"),
    ],
)
def test_a_dripping_answer_ends_within_the_timeout(
    tmp_path: Path, hostile: HostileServer, script: Script, mode: str, every: float
) -> None:
    # A byte every 0.2 s never trips requests' per-read timeout of 1 s; the whole is 1000 bytes.
    script.mode, script.drip_every = mode, every  # type: ignore[assignment]
    session = build_session(settings_for(tmp_path, hostile, timeout=1.0))
    started = time.monotonic()
    with pytest.raises(SourceUnavailable) as raised:
        session.get(hostile.url + "/graph/v1/paper/X")
    assert time.monotonic() - started < 3.0
    assert str(raised.value) == NO_ANSWER_IN_1_S


@pytest.mark.parametrize(
    ("mode", "problem"),
    [
        pytest.param("endless", OVER_1_MB, id="endless"),
        pytest.param("gzip-bomb", OVER_1_MB, id="gzip-bomb"),
        pytest.param("drip", NO_ANSWER_IN_1_S, id="drip"),
    ],
)
def test_resolve_with_a_hostile_s2_loses_the_source_in_one_line(
    tmp_path: Path,
    hostile: HostileServer,
    script: Script,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    problem: str,
) -> None:
    script.mode = mode  # type: ignore[assignment]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bibnorm.toml").write_text("max_response_mb = 1\ntimeout = 1.0\nmax_attempts = 1\n")
    (tmp_path / "titles.txt").write_text("Attention Is All You Need\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        main,
        ["resolve", "titles.txt", "-o", "out.bib", "--report", "r.json", "--resolvers", "s2"],
        env=cli_env(tmp_path, hostile),
    )
    assert time.monotonic() - started < 10
    assert "Traceback" not in result.stderr
    assert result.exit_code == EXIT_SOURCES_FAILED
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    [item] = report["items"]
    assert [p["message"] for p in item["problems"]] == [problem]
    assert [line for line in result.stderr.splitlines() if problem in line] != []
