"""Where the documents are worked on: in this process, on local worker processes, or on Dask.

Every engine cuts the documents into batches for its number of workers (`batches`), runs the same
task on each, `jobs.run_batch` (a batch of documents → their result lines and the pages beside
them, for any `jobs.CorpusJob`: verify's or resolve's), and yields each batch's results as it
finishes;
the store sorts them when the run ends, so the engine and the number of workers change how fast
a venue is done, never what is written.

- `SerialEngine`: one document after another, here (``--workers 1``).
- `ProcessEngine`: ``N`` forked workers (`bibnorm.processes.fork_pool`); each opens the
  sources and local indexes once and keeps them for every batch it is given.
- `DaskEngine`: a Dask ``distributed`` cluster, by the scheduler's address (``--scheduler
  tcp://host:8786``) or, through the API, a cluster object (``LocalCluster``, dask-jobqueue's
  ``SLURMCluster``/``PBSCluster``, dask-kubernetes) or a ``Client``. Workers import bibnorm
  and open the read-only indexes from the path the settings give (shared, or a copy per node).
  Dask is an optional extra, ``dask`` (docs/scale.md: how to install it). A scheduler and its
  workers are trusted like this machine (Dask pickles tasks and results: docs/scale.md): the job
  is sent to each worker once, not in every task, and an offline job carries no API key at all; a
  scheduler that does not answer within `CONNECT_SECONDS`, or has no worker within
  `WORKERS_SECONDS`, is one line.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from bibnorm.corpus.documents import Document
from bibnorm.corpus.jobs import CorpusJob, DocumentResult, close_kept, run_batch
from bibnorm.errors import UsageError, needs_extra

Todo = Sequence[tuple[Document, str]]  # the documents to do, with their content hashes
Batch = list[tuple[Document, str]]

MAX_BATCH = 16  # documents a task: the per-task overhead paid once, a stop loses little
CONNECT_SECONDS = 10.0  # for the scheduler to answer (Dask's own timeout misses a silent one)
WORKERS_SECONDS = 60.0  # for a first worker to join a scheduler that has none
BATCHES_PER_WORKER = 4  # what is left is cut at least this fine per worker


def batches(todo: Todo, workers: int) -> list[Batch]:
    """``todo`` in consecutive batches for ``workers`` workers, each a ``1/(BATCHES_PER_WORKER ×
    workers)`` share of the documents left, at most `MAX_BATCH` and at least one: full batches
    while there is much to do, then smaller and smaller ones (guided self-scheduling), so that at
    the end no worker waits long for another to finish a large batch."""
    cut: list[Batch] = []
    start = 0
    while start < len(todo):
        size = max(1, min(MAX_BATCH, (len(todo) - start) // (max(1, workers) * BATCHES_PER_WORKER)))
        cut.append(list(todo[start : start + size]))
        start += size
    return cut


class Engine(Protocol):
    workers: int

    def run(self, job: CorpusJob, todo: Todo, decision: str) -> Iterator[list[DocumentResult]]:
        """Each batch's results (`batches` for the engine's workers), as batches finish (in any
        order)."""


class SerialEngine:
    workers = 1

    def run(self, job: CorpusJob, todo: Todo, decision: str) -> Iterator[list[DocumentResult]]:
        try:
            for batch in batches(todo, self.workers):
                yield run_batch(job, batch, decision)
        finally:
            close_kept()


class ProcessEngine:
    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, job: CorpusJob, todo: Todo, decision: str) -> Iterator[list[DocumentResult]]:
        from concurrent.futures import as_completed

        from bibnorm.processes import fork_pool

        with fork_pool(self.workers) as pool:
            if pool is None:  # no semaphores or no fork here: the same run, in this process
                yield from SerialEngine().run(job, todo, decision)
                return
            futures = [pool.submit(run_batch, job, batch, decision) for batch in batches(todo, self.workers)]
            try:
                for future in as_completed(futures):
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()


class DaskEngine:
    """Batches as Dask tasks on ``scheduler``: an address, a cluster object or a ``Client``."""

    def __init__(
        self,
        scheduler: Any,
        *,
        connect_seconds: float = CONNECT_SECONDS,
        workers_seconds: float = WORKERS_SECONDS,
    ) -> None:
        self.scheduler = scheduler
        self.workers = 0  # known once connected
        self.connect_seconds = connect_seconds
        self.workers_seconds = workers_seconds

    def run(self, job: CorpusJob, todo: Todo, decision: str) -> Iterator[list[DocumentResult]]:
        client, owned = self._client()
        try:
            self._wait_for_workers(client)
            self.workers = len(client.scheduler_info().get("workers", {}))
            cut = batches(todo, self.workers)
            # The job (its settings, with the API keys an online run needs) goes to each worker
            # once; the tasks name it.
            [shared] = client.scatter([without_unused_keys(job)], broadcast=True, hash=False)
            futures = client.map(run_batch, [shared] * len(cut), cut, [decision] * len(cut), pure=False)
            pending = set(futures)
            try:
                for future in _as_completed(futures):
                    results = future.result()
                    # Let the worker drop its copy now: a venue's results held until the run
                    # ends grew each worker by its share of them (lines and pages).
                    pending.discard(future)
                    future.release()
                    yield results
            finally:
                client.cancel(list(pending))
        finally:
            if owned:
                client.close()

    def _client(self) -> tuple[Any, bool]:
        try:
            from distributed import Client
        except ImportError:
            raise needs_extra("--scheduler needs Dask's distributed scheduler", "dask") from None
        if isinstance(self.scheduler, Client):
            return self.scheduler, False
        made: list[Any] = []
        failed: list[BaseException] = []

        def connect() -> None:
            try:
                made.append(Client(self.scheduler, timeout=f"{self.connect_seconds}s"))
            except Exception as error:
                failed.append(error)

        # Dask's own timeout covers the connection, not a scheduler that accepts and never speaks.
        connecting = threading.Thread(target=connect, name="bibnorm-dask-connect", daemon=True)
        connecting.start()
        connecting.join(self.connect_seconds + 1)
        if made:
            return made[0], True
        reason = failed[0] if failed else f"no answer within {self.connect_seconds:g} s"
        raise UsageError(f"--scheduler: cannot reach the Dask scheduler at {self.scheduler}: {reason}")

    def _wait_for_workers(self, client: Any) -> None:
        try:
            client.wait_for_workers(1, timeout=self.workers_seconds)
        except TimeoutError:
            raise UsageError(
                f"--scheduler: the Dask scheduler at {self.scheduler} has no worker"
                f" (none joined within {self.workers_seconds:g} s); start some: dask worker ADDRESS"
            ) from None


def without_unused_keys(job: CorpusJob) -> CorpusJob:
    """``job`` without the secrets its workers do not use: the lock key always (a corpus takes no
    lock), the sources' API keys when it is offline (no source is asked)."""
    settings = getattr(job, "settings", None)
    if settings is None or not dataclasses.is_dataclass(job):
        return job
    unused = {"lock_key": None}
    if settings.offline:
        unused |= {"s2_api_key": None, "openalex_api_key": None}
    return dataclasses.replace(job, settings=settings.model_copy(update=unused))


def _as_completed(futures: list[Any]) -> Iterator[Any]:
    from distributed import as_completed

    yield from as_completed(futures)


def engine_for(workers: int | None, scheduler: Any | None) -> Engine:
    """``--scheduler`` (Dask) when given, else ``--workers`` local processes (1: this process)."""
    from bibnorm.processes import available_cpus

    if scheduler is not None:
        if workers is not None:
            raise UsageError("give --workers or --scheduler, not both (a Dask cluster has its own workers)")
        return DaskEngine(scheduler)
    count = available_cpus() if workers is None else workers
    if count < 1:
        raise UsageError("--workers must be at least 1")
    return SerialEngine() if count == 1 else ProcessEngine(count)
