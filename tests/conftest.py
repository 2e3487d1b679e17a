"""Shared pytest fixtures. Keep each service's fixtures in its own section."""

from __future__ import annotations

import signal
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from bibnorm.config import Settings
from bibnorm.resolvers._http import BibnormSession
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.snapshot import build_index
from fakes.arxiv_api import FakeArxivServer
from fakes.hostile_api import HostileServer, Script
from paths import DEV_SNAPSHOT

# --------------------------------------------------------------------------- stop signals

# A shell that starts the suite in the background (`tests &`, nohup, some CI runners) leaves
# SIGINT ignored, and an ignored signal stays ignored in every child: the CLI runs the tests
# interrupt would never see their Ctrl-C. The suite runs as if in the foreground: a handled
# signal is the default again in each child.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


# --------------------------------------------------------------------------- snapshot index


@pytest.fixture(scope="session")
def dev_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot index of dev-snapshot.jsonl (177 real records), built once; do not modify it."""
    path = tmp_path_factory.mktemp("dev-index") / "dev.sqlite"
    build_index([DEV_SNAPSHOT], path)
    return path


# --------------------------------------------------------------------------- arXiv API fake


@pytest.fixture(scope="session")
def arxiv_server() -> Iterator[FakeArxivServer]:
    """One fake arXiv API for the whole test session (building its data takes a moment)."""
    with FakeArxivServer() as server:
        yield server


@pytest.fixture
def fake_arxiv(arxiv_server: FakeArxivServer) -> Iterator[FakeArxivServer]:
    """The session's fake arXiv API with an empty request log and no faults armed."""
    arxiv_server.reset()
    arxiv_server.api.rejected_ids.clear()
    yield arxiv_server
    arxiv_server.reset()
    arxiv_server.api.rejected_ids.clear()


@pytest.fixture
def arxiv_settings(fake_arxiv: FakeArxivServer, tmp_path: Path) -> Settings:
    """Settings pointing at the fake, no politeness delay, a fresh cache directory."""
    return Settings(
        arxiv_api_url=fake_arxiv.url,
        arxiv_delay=0,
        cache_dir=tmp_path / "cache",
        timeout=5.0,
        max_attempts=3,
        backoff_base=0.01,
        resolvers=("arxiv",),
    )


@pytest.fixture
def sleeps() -> list[float]:
    """The waits the HTTP layer asked for (recorded instead of slept)."""
    return []


@pytest.fixture
def arxiv_session(arxiv_settings: Settings, sleeps: list[float]) -> BibnormSession:
    """A session on the test's cache directory whose backoff sleeps are only recorded."""
    return build_session(arxiv_settings, sleep=sleeps.append)


# --------------------------------------------------------------------------- hostile servers


@pytest.fixture
def script() -> Script:
    """What the hostile server does to the next requests (armed by each test)."""
    return Script()


@pytest.fixture
def hostile(script: Script) -> Iterator[HostileServer]:
    """A server on 127.0.0.1 that answers as ``script`` says: bombs, drips, redirects."""
    server = HostileServer(script).start()
    yield server
    server.stop()


# --------------------------------------------------------------------------- the tagger


@pytest.fixture
def tag_many_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], bool]]:
    """Each call of `Tagger.tag_many` (a `tag` is one too) from here on: its texts and ``weigh``."""
    from bibnorm.readers.tagger import TaggedReference, Tagger

    calls: list[tuple[list[str], bool]] = []
    tag_many = Tagger.tag_many

    def counted(self: Tagger, texts: Sequence[str], weigh: bool = False) -> list[TaggedReference]:
        calls.append((list(texts), weigh))
        return tag_many(self, texts, weigh)

    monkeypatch.setattr(Tagger, "tag_many", counted)
    return calls
