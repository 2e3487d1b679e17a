"""Dask with stated trust and bounds (`bibnorm.corpus.engines.DaskEngine`): a scheduler that
never answers or has no worker is one line within its time, and the secrets a job's workers do
not use never leave this process."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest
from bibnorm.corpus.engines import DaskEngine, without_unused_keys
from bibnorm.corpus.verifying import Job
from bibnorm.errors import UsageError
from bibnorm.resolvers._session import build_session
from bibnorm.verify.run import VerifyOptions

SECRETS = {"s2_api_key": "s2-secret-0123456789", "openalex_api_key": "oa-secret-0123456789"}


@pytest.fixture
def silent_scheduler() -> Iterator[str]:
    """A TCP server that takes connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    taken: list[socket.socket] = []

    def take() -> None:
        while True:
            try:
                taken.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=take, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()
    for connection in taken:
        connection.close()


def test_a_scheduler_that_never_answers_is_one_line_within_its_time(silent_scheduler: str) -> None:
    pytest.importorskip("distributed")
    engine = DaskEngine(silent_scheduler, connect_seconds=1)
    started = time.monotonic()
    with pytest.raises(UsageError) as refused:
        list(engine.run(job(), [], "v"))
    assert time.monotonic() - started < 5
    assert str(refused.value) == (
        f"--scheduler: cannot reach the Dask scheduler at {silent_scheduler}: no answer within 1 s"
    )


def test_a_scheduler_without_workers_is_one_line_within_its_time() -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as cluster:
        engine = DaskEngine(cluster.scheduler_address, workers_seconds=1)
        started = time.monotonic()
        with pytest.raises(UsageError) as refused:
            list(engine.run(job(), [], "v"))
    assert time.monotonic() - started < 10
    assert str(refused.value) == (
        f"--scheduler: the Dask scheduler at {cluster.scheduler_address} has no worker (none joined"
        " within 1 s); start some: dask worker ADDRESS"
    )


def job(**overrides: object) -> Job:
    return Job.make(overrides, VerifyOptions(), date(2026, 11, 1), build_session)


@pytest.mark.parametrize(("offline", "kept"), [(True, False), (False, True)], ids=["offline", "online"])
def test_the_job_sent_to_workers_carries_only_the_keys_they_use(offline: bool, kept: bool) -> None:
    sent = without_unused_keys(job(offline=offline, lock_key="a-lock-key-0123456789", **SECRETS))
    settings = sent.settings  # type: ignore[attr-defined]
    assert settings.lock_key is None
    assert (settings.s2_api_key is not None, settings.openalex_api_key is not None) == (kept, kept)
    assert settings.offline is offline
