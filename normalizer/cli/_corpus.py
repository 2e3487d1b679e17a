"""``bibnorm verify CORPUS --out DIR``: a whole venue, resumably (`bibnorm.verify_corpus` does the
work); its one summary line and exit status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from bibnorm.api.corpus import verify_corpus as run_corpus
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._progress import progress_for
from bibnorm.errors import UsageError
from bibnorm.verify.run import VerifyOptions


def verify_corpus(
    corpora: tuple[str, ...],
    out: Path,
    engine: tuple[int | None, str | None],
    options: VerifyOptions,
    overrides: dict[str, Any],
    quiet: bool,
    show_progress: bool | None,
) -> int:
    """Run the corpus on ``engine`` (``--workers``, ``--scheduler``) and print one summary line;
    the exit status: 3 when a reference is a mismatch or not found (as for one file), else 0."""
    if len(corpora) != 1:
        raise UsageError("--out takes one CORPUS: a folder, a glob (quoted) or a manifest (.csv, .jsonl)")
    workers, scheduler = engine
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        outcome = run_corpus(
            corpora[0], out, options, overrides, workers=workers, scheduler=scheduler, progress=progress
        )
    tally = outcome.verdicts()
    if not quiet:
        click.echo(
            f"{len(outcome.rows)} documents ({outcome.verified_now} verified now, {outcome.reused} from"
            f" earlier runs, {outcome.unreadable()} unreadable): {sum(tally.values())} references,"
            f" {tally['verified']} verified, {tally['mismatch']} mismatch, {tally['not_found']} not found,"
            f" {tally['unverifiable']} unverifiable; {out / 'summary.html'}",
            err=True,
        )
    return EXIT_FINDINGS if tally["mismatch"] or tally["not_found"] else EXIT_OK
