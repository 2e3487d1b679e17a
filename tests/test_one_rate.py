"""One rate per source for the whole run (resolvers/_spacing.py): every process, thread and run
that shares a cache folder asks a source at its spacing, however many there are.

The sources are fakes on 127.0.0.1 behind a `RateReferee` that notes when each request arrived
and counts those that came sooner than the spacing after the previous one.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from bibnorm.config import Settings
from bibnorm.resolvers._http import PoliteAdapter, SourcePolicy
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers._spacing import FOLDER, SharedSpacing
from bibnorm.resolvers._stats import HttpStats
from click.testing import CliRunner
from corpus_runs import folder_bytes, two_dask_workers
from fakes.local_server import LocalServer, send
from fakes.rate_referee import RateReferee
from fakes.verify_world import RefereedWorld, refereed_world, write_venue

SPACING = 0.05  # seconds: small, so that the tests are quick; the rule is the same at 3 s


class Echo(LocalServer):
    """Answers every GET with 200 and a short body."""

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                send(self, 200, b"ok", {"Content-Type": "text/plain"})

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def referee() -> Iterator[RateReferee]:
    echo = Echo().start()
    referee = RateReferee(echo.url, SPACING).start()
    yield referee
    referee.stop()
    echo.stop()


def settings_for(url: str, cache: Path) -> Settings:
    return Settings(
        arxiv_api_url=url, arxiv_delay=SPACING, cache_dir=cache, timeout=5.0, resolvers=("arxiv",)
    )


def ask(url: str, cache: str, name: str, count: int, ready: Any) -> None:
    """A process of a run: its own session on the shared cache folder, ``count`` requests the
    cache cannot answer, started together with the others."""
    session = build_session(settings_for(url, Path(cache)))
    ready.wait()
    for number in range(count):
        session.get(f"{url}/query", params={"id_list": f"{name}-{number}"}).raise_for_status()


def test_processes_sharing_a_cache_folder_ask_a_source_at_its_one_spacing(
    referee: RateReferee, tmp_path: Path
) -> None:
    processes, each = 3, 4
    context = multiprocessing.get_context("spawn")  # this process runs the fakes' threads
    ready = context.Barrier(processes)
    started = [
        context.Process(target=ask, args=(referee.url, str(tmp_path / "cache"), f"p{n}", each, ready))
        for n in range(processes)
    ]
    for process in started:
        process.start()
    for process in started:
        process.join(timeout=60)
    assert [process.exitcode for process in started] == [0] * processes
    assert referee.requests() == processes * each
    assert referee.violations == []


def ask_on_threads(url: str, folders: list[Path]) -> None:
    """A session on each of ``folders``, each on its own thread, four requests each, started together."""
    sessions = [build_session(settings_for(url, folder)) for folder in folders]
    ready = threading.Barrier(len(sessions))

    def asks(number: int) -> None:
        ready.wait()
        for request in range(4):
            sessions[number].get(f"{url}/query", params={"id_list": f"t{number}-{request}"})

    threads = [threading.Thread(target=asks, args=(number,)) for number in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


@pytest.mark.parametrize(
    ("folders", "shared"),
    [
        # A Dask worker runs its tasks on threads, a session each: one spacing for all of them.
        pytest.param(["cache", "cache", "cache"], True, id="one-cache-folder-one-spacing"),
        # What the shared turn prevents: sessions on separate folders ask side by side.
        pytest.param(["cache0", "cache1", "cache2"], False, id="separate-folders-separate-spacings"),
    ],
)
def test_sessions_on_threads_share_the_spacing_of_their_cache_folder(
    referee: RateReferee, tmp_path: Path, folders: list[str], shared: bool
) -> None:
    ask_on_threads(referee.url, [tmp_path / folder for folder in folders])
    assert referee.requests() == 12
    assert (referee.violations == []) is shared


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def adapter_on(folder: Path | None, clock: FakeClock) -> PoliteAdapter:
    return PoliteAdapter(
        [SourcePolicy("arxiv", "http://127.0.0.1:9/api", 3.0)],
        timeout=5.0,
        max_attempts=1,
        backoff_base=0.0,
        user_agent="test",
        stats=HttpStats(),
        clock=clock,
        sleep=clock.sleep,
        spacing=SharedSpacing(folder),
    )


@pytest.mark.parametrize(
    ("recorded", "now", "wait"),
    [
        pytest.param(100.0, 101.0, [2.0], id="another-process-asked-a-second-ago"),
        pytest.param(100.0, 104.0, [], id="the-spacing-has-passed"),
        pytest.param(1e9, 5.0, [3.0], id="a-time-from-another-clock-waits-one-spacing-at-most"),
    ],
)
def test_a_turn_waits_from_the_end_of_the_last_request_any_process_made(
    tmp_path: Path, recorded: float, now: float, wait: list[float]
) -> None:
    spacing = SharedSpacing(tmp_path)
    with spacing.turn("arxiv", "http://127.0.0.1:9/api") as turn:
        turn.ended(recorded)  # as another process would have written it
    clock = FakeClock(now)
    adapter = adapter_on(tmp_path, clock)
    policy = adapter.policy_for("http://127.0.0.1:9/api/query")
    with spacing.turn("arxiv", "http://127.0.0.1:9/api") as turn:
        adapter._wait_turn(policy, turn)
    assert clock.sleeps == wait


def test_each_source_and_each_server_has_its_own_turn(tmp_path: Path) -> None:
    spacing = SharedSpacing(tmp_path)
    paths = {
        spacing.path_for("arxiv", "https://arxiv.example.org/api"),
        spacing.path_for("arxiv", "http://127.0.0.1:8080/api"),
        spacing.path_for("crossref", "https://api.crossref.org"),
        spacing.path_for("crossref-search", "https://api.crossref.org/works"),
    }
    assert len(paths) == 4
    assert all(path is not None and path.parent == tmp_path for path in paths)


def test_the_run_s_session_keeps_its_turns_beside_the_http_cache(
    referee: RateReferee, tmp_path: Path
) -> None:
    session = build_session(settings_for(referee.url, tmp_path / "cache"))
    session.get(f"{referee.url}/query", params={"id_list": "1"})
    assert [path.name.split("-")[0] for path in (tmp_path / "cache" / FOLDER).iterdir()] == ["arxiv"]


def test_a_folder_that_takes_no_files_leaves_the_spacing_to_the_process(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where the folder would be", encoding="utf-8")
    clock = FakeClock(10.0)
    adapter = adapter_on(tmp_path / "taken" / FOLDER, clock)
    policy = adapter.policy_for("http://127.0.0.1:9/api/query")
    with adapter.spacing.turn("arxiv", policy.base_url) as turn:
        assert turn.last is None
        turn.ended(10.0)  # written nowhere, and no error
        adapter._last_request["arxiv"] = 10.0
        adapter._wait_turn(policy, turn)
    assert clock.sleeps == [3.0]


# --- a venue verified on several workers --------------------------------------------------------


@pytest.fixture(scope="module")
def refereed() -> Iterator[RefereedWorld]:
    with refereed_world(SPACING) as world:
        yield world


@contextmanager
def engine_options(engine: str) -> Iterator[list[str]]:
    """The options that run a venue on ``engine``: two local worker processes, or a Dask cluster of
    two workers (threads of this process, a session each, as on a Dask worker)."""
    if engine == "processes":
        yield ["--workers", "2"]
        return
    with two_dask_workers(processes=False) as cluster:
        yield ["--scheduler", cluster.scheduler_address]


@pytest.mark.parametrize(
    "engine",
    [pytest.param("processes", id="two-worker-processes"), pytest.param("dask", id="two-dask-workers")],
)
def test_a_venue_on_several_workers_keeps_every_source_s_spacing_and_its_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refereed: RefereedWorld, engine: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in refereed.env().items():
        monkeypatch.setenv(name, value)
    (tmp_path / "venue").mkdir()
    write_venue(tmp_path / "venue", 8)

    outcomes = {}
    for run in ("one", "many"):
        monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / f"cache-{run}"))  # each run asks anew
        refereed.reset()
        with engine_options(engine) if run == "many" else nullcontext(["--workers", "1"]) as options:
            result = CliRunner().invoke(main, ["verify", "venue", "--out", run, *options])
        assert result.exit_code in (0, EXIT_FINDINGS), result.output
        outcomes[run] = folder_bytes(tmp_path / run)
        assert all(referee.requests() for referee in refereed.referees.values())
        assert refereed.violations() == {name: [] for name in refereed.referees}
    assert outcomes["many"] == outcomes["one"]
