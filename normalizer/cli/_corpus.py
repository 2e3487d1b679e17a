"""``bibnorm verify CORPUS --out DIR`` and ``bibnorm resolve CORPUS --out DIR``: a whole venue,
resumably (`bibnorm.verify_corpus`, `bibnorm.resolve_corpus` do the work); their one summary line
and exit status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from bibnorm.api.corpus import CorpusOutcome
from bibnorm.api.corpus import resolve_corpus as resolve_documents
from bibnorm.api.corpus import verify_corpus as run_corpus
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED
from bibnorm.cli._progress import progress_for
from bibnorm.errors import UsageError, one_line
from bibnorm.verify.run import VerifyOptions

Engine = tuple[int | None, str | None, bool]  # --workers, --scheduler, --allow-outside


def verify_corpus(
    corpora: tuple[str, ...],
    out: Path,
    engine: Engine,
    options: VerifyOptions,
    overrides: dict[str, Any],
    quiet: bool,
    show_progress: bool | None,
) -> int:
    """Run the corpus on ``engine`` (``--workers``, ``--scheduler``) and print one summary line;
    the exit status: 3 when a reference is a mismatch or not found (as for one file), else 0."""
    workers, scheduler, allow_outside = engine
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        outcome = run_corpus(
            _one(corpora),
            out,
            options,
            overrides,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
            allow_outside=allow_outside,
        )
    tally = outcome.verdicts()
    _say_left_alone(outcome, out)
    if not quiet:
        _say(outcome, out, "verified")
    failed = _failed(outcome, out)
    if failed is not None:
        return failed
    return EXIT_FINDINGS if tally["mismatch"] or tally["not_found"] else EXIT_OK


def resolve_corpus(
    corpora: tuple[str, ...],
    out: Path,
    engine: Engine,
    overrides: dict[str, Any],
    quiet: bool,
    show_progress: bool | None,
    strict: bool,
) -> int:
    """Resolve the corpus on ``engine`` and print one summary line; the exit status: 3 with
    ``--strict`` when a reference did not resolve (as for one file), else 0."""
    workers, scheduler, allow_outside = engine
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        outcome = resolve_documents(
            _one(corpora),
            out,
            overrides,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
            allow_outside=allow_outside,
        )
    tally = outcome.verdicts()
    _say_left_alone(outcome, out)
    if not quiet:
        _say(outcome, out, "resolved")
    failed = _failed(outcome, out)
    if failed is not None:
        return failed
    return EXIT_FINDINGS if strict and sum(tally.values()) != tally["resolved"] else EXIT_OK


def _failed(outcome: CorpusOutcome, out: Path) -> int | None:
    """A run that read no document (exit 1), or could judge none of the references it read
    (exit 4, the sources could not answer), says so in one line; None for any other run."""
    shortfall = outcome.shortfall()
    if shortfall is None:
        return None
    click.echo(f"bibnorm: error: {one_line(shortfall)}; see {out / 'summary.csv'}", err=True)
    return EXIT_FATAL if outcome.unreadable() == len(outcome.rows) else EXIT_SOURCES_FAILED


def _one(corpora: tuple[str, ...]) -> str:
    if len(corpora) != 1:
        raise UsageError("--out takes one CORPUS: a folder, a glob (quoted) or a manifest (.csv, .jsonl)")
    return corpora[0]


def _say_left_alone(outcome: CorpusOutcome, out: Path) -> None:
    """One line naming the files of the results folder no run wrote (left as they were)."""
    if outcome.left_alone:
        shown = ", ".join(outcome.left_alone[:LEFT_ALONE_SHOWN])
        more = len(outcome.left_alone) - LEFT_ALONE_SHOWN
        click.echo(
            f"bibnorm: warning: left alone in {out} (no bibnorm run wrote them): {shown}"
            + (f" and {more} more" if more > 0 else ""),
            err=True,
        )


LEFT_ALONE_SHOWN = 10


def _say(outcome: CorpusOutcome, out: Path, done: str) -> None:
    """The run's one line on stderr: documents done now and reused, then the references by outcome."""
    tally = outcome.verdicts()
    counts = ", ".join(f"{tally[name]} {name.replace('_', ' ')}" for name in outcome.tally.outcomes)
    click.echo(
        f"{len(outcome.rows)} documents ({outcome.verified_now} {done} now, {outcome.reused} from"
        f" earlier runs, {outcome.unreadable()} unreadable): {sum(tally.values())} references,"
        f" {counts}; {out / 'summary.html'}",
        err=True,
    )
