"""``bibnorm.verify_corpus``: a whole venue verified into a results folder, resumably
(``bibnorm verify CORPUS --out DIR``; `bibnorm.corpus` does the work, docs/scale.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.corpus.run import CorpusOutcome
from bibnorm.errors import UsageError
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.verify.run import VerifyOptions

if TYPE_CHECKING:
    from bibnorm.sources.session import SessionFactory


def verify_corpus(
    corpus: str | Path,
    out: str | Path,
    options: VerifyOptions | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    workers: int | None = None,
    scheduler: Any | None = None,
    today: date | None = None,
    open_session: SessionFactory | None = None,
    progress: Progress = NO_PROGRESS,
) -> CorpusOutcome:
    """Verify every document of ``corpus`` (a folder, a glob or a ``.csv``/``.jsonl`` manifest)
    not yet verified in ``out``: one JSON line per document, then ``summary.csv`` and
    ``summary.html``. ``workers`` local processes, or a Dask ``scheduler`` (an address, a cluster
    or a client); the other arguments as `bibnorm.verify_references` takes them. A lockfile is for one
    bibliography, never a corpus: `UsageError` when ``options`` names one."""
    from bibnorm.corpus.engines import engine_for
    from bibnorm.corpus.run import run_corpus
    from bibnorm.corpus.verifying import Job

    chosen = options or VerifyOptions()
    if chosen.lock is not None or chosen.update_lock:
        raise UsageError("--out verifies a corpus: --lock and --update-lock are for one bibliography")
    engine = engine_for(workers, scheduler)
    from bibnorm.sources import build_session

    job = Job.make(dict(overrides or {}), chosen, today or date.today(), open_session or build_session)
    return run_corpus(str(corpus), Path(out), job, engine, progress)


__all__ = ["CorpusOutcome", "verify_corpus"]
