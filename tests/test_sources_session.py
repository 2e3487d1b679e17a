"""The run's one HTTP session (`bibnorm.sources.session.SourceSession`): opened at the first
question, closed by the block that opened it; and every command that asks the sources closes
each session it opened before it returns."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import main
from bibnorm.config import Settings
from bibnorm.resolvers import session as public_session
from bibnorm.resolvers._stats import HttpStats
from bibnorm.sources.session import SourceSession
from click.testing import CliRunner
from fakes.servers import FakeApis, running_fakes

# A preprint the fakes know (S2's batch answers it; arXiv's id_list holds v7), pinned to v1 so
# that both BN501 (published version) and BN502 (newest version) ask a source.
PINNED_PREPRINT = """\
@misc{attention,
  title = {Attention Is All You Need},
  eprint = {1706.03762v1},
  archiveprefix = {arXiv},
}
"""


class FakeSession:
    """Stands for a `BibnormSession`: counts how often it is closed."""

    def __init__(self, stats: HttpStats | None) -> None:
        self.stats = stats
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


class Opener:
    """A `SessionFactory` that hands out `FakeSession`s and keeps them."""

    def __init__(self) -> None:
        self.opened: list[FakeSession] = []

    def __call__(self, settings: Settings, *, stats: HttpStats | None = None) -> Any:
        self.opened.append(FakeSession(stats))
        return self.opened[-1]


def test_the_session_is_opened_at_the_first_call_and_then_reused() -> None:
    opener = Opener()
    session = SourceSession(Settings(), open_session=opener)
    assert opener.opened == []  # nothing asked yet: no session, no cache database
    first = session()
    assert session() is first
    assert opener.opened == [first]
    assert first.stats is session.stats  # the counters the run's warnings are made from


def test_the_block_closes_the_session_it_opened_even_when_it_fails() -> None:
    opener = Opener()
    with pytest.raises(RuntimeError), SourceSession(Settings(), open_session=opener) as session:
        session()
        raise RuntimeError("a fatal error inside the run")
    assert [opened.closed for opened in opener.opened] == [1]
    assert session.opened is None


def test_a_session_never_opened_is_never_made_to_close() -> None:
    opener = Opener()
    with SourceSession(Settings(), open_session=opener):
        pass
    assert opener.opened == []


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as fakes:
        yield fakes


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every real session the run builds, each with a count of its closes (``closes``)."""
    built: list[Any] = []
    build = public_session.build_session

    def recording(settings: Settings, **options: Any) -> Any:
        session = build(settings, **options)
        close = session.close
        session.closes = 0

        def counted_close() -> None:
            session.closes += 1
            close()

        session.close = counted_close
        built.append(session)
        return session

    monkeypatch.setattr(public_session, "build_session", recording)  # where bibnorm.sources looks it up
    return built


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("check", "--select", "BN5"), id="check"),
        pytest.param(("fix", "--upgrade-preprints"), id="fix"),
        pytest.param(("verify",), id="verify"),
    ],
)
def test_a_command_that_asks_the_sources_closes_every_session_it_opened(
    args: tuple[str, ...], apis: FakeApis, sessions: list[Any], tmp_path: Path
) -> None:
    apis.reset()
    (tmp_path / "refs.bib").write_text(PINNED_PREPRINT, encoding="utf-8")
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, [*args, "refs.bib"], env=apis.env(tmp_path / "cache"))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert apis.request_counts()["s2"] >= 1  # the sources were asked, on a session ...
    assert len(sessions) == 1  # ... one, shared by every source ...
    assert [session.closes for session in sessions] == [1]  # ... and closed once, before the end
