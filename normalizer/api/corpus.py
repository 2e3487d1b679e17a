"""``bibnorm.verify_corpus`` and ``bibnorm.resolve_corpus``: a whole venue verified or resolved
into a results folder, resumably (``bibnorm verify CORPUS --out DIR``, ``bibnorm resolve CORPUS
--out DIR``; `bibnorm.corpus` does the work, docs/scale.md).

Two functions, not one with a ``kind``: what a run is given differs (verify's `VerifyOptions`
and the date its verdicts are judged on; resolve's BibTeX layout), and each signature says what
its command takes. Both run the same engine, store and summaries (`bibnorm.corpus.run`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.config import Settings, settings_of
from bibnorm.corpus.run import CorpusOutcome
from bibnorm.errors import UsageError
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.verify.run import VerifyOptions

from .settings import given_settings

if TYPE_CHECKING:
    from bibnorm.corpus.resolving import ResolveDocuments
    from bibnorm.sources.session import SessionFactory


def verify_corpus(
    corpus: str | Path,
    out: str | Path,
    options: VerifyOptions | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    scheduler: Any | None = None,
    today: date | None = None,
    open_session: SessionFactory | None = None,
    progress: Progress = NO_PROGRESS,
    allow_outside: bool = False,
) -> CorpusOutcome:
    """Verify every document of ``corpus`` (a folder, a glob or a ``.csv``/``.jsonl`` manifest)
    not yet verified in ``out``: one JSON line per document, then ``summary.csv`` and
    ``summary.html``. ``workers`` local processes, or a Dask ``scheduler`` (an address, a cluster
    or a client); the other arguments as `bibnorm.verify_references` takes them. A lockfile is for one
    bibliography, never a corpus: `UsageError` when ``options`` names one. A document outside the
    corpus's folder (a manifest's ``..``, a link leading out) is an `InputError` unless
    ``allow_outside``."""
    from bibnorm.corpus.engines import engine_for
    from bibnorm.corpus.run import run_corpus
    from bibnorm.corpus.verifying import Job

    chosen = options or VerifyOptions()
    if chosen.lock is not None or chosen.update_lock:
        raise UsageError("--out verifies a corpus: --lock and --update-lock are for one bibliography")
    engine = engine_for(workers, scheduler)
    from bibnorm.sources import build_session

    given = given_settings(settings, overrides)
    job = Job.make(given, chosen, today or date.today(), open_session or build_session)
    return run_corpus(str(corpus), Path(out), job, engine, progress, allow_outside=allow_outside)


def resolve_corpus(
    corpus: str | Path,
    out: str | Path,
    overrides: Mapping[str, Any] | None = None,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    scheduler: Any | None = None,
    progress: Progress = NO_PROGRESS,
    allow_outside: bool = False,
) -> CorpusOutcome:
    """Resolve every document of ``corpus`` (a folder, a glob or a ``.csv``/``.jsonl`` manifest)
    not yet resolved in ``out``: one JSON line per document (each item as ``resolve --report``
    has it: what was read, the record chosen with its score and evidence, the candidates of what
    did not resolve), one ``bib/<name>.bib`` per document, then ``summary.csv`` and
    ``summary.html``. ``workers`` local processes, or a Dask ``scheduler`` (an address, a cluster
    or a client); ``settings`` (`bibnorm.load_settings`), or ``overrides`` as `load_settings` takes
    them, say how (not both). A lockfile is for one bibliography, never a corpus: `UsageError`
    when the settings name one. ``allow_outside`` as `verify_corpus` takes it."""
    from bibnorm.corpus.engines import engine_for
    from bibnorm.corpus.run import run_corpus

    job = resolve_job(given_settings(settings, overrides))
    engine = engine_for(workers, scheduler)
    return run_corpus(str(corpus), Path(out), job, engine, progress, allow_outside=allow_outside)


def resolve_job(given: Settings | Mapping[str, Any]) -> ResolveDocuments:
    """What `resolve_corpus` resolves each document with: the settings and the BibTeX layout
    ``bibnorm resolve`` would use here (for an engine given through `bibnorm.corpus.run.run_corpus`)."""
    from bibnorm.corpus.resolving import ResolveDocuments

    from .settings import format_options_from

    settings = settings_of(given)
    if settings.lock is not None:
        raise UsageError("--out resolves a corpus: --lock and --update-lock are for one bibliography")
    return ResolveDocuments.make(settings, format_options_from(settings, journal_names="full"))


__all__ = ["CorpusOutcome", "resolve_corpus", "verify_corpus"]
