"""``bibnorm check``: findings about existing ``.bib`` files, for CI and pre-commit (one
`bibnorm.check` call; the findings printed and the exit status decided here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import click
from bibnorm.api.checking import Checked, run_checks
from bibnorm.api.settings import check_config_from, with_table
from bibnorm.bib.checks import CHECKS
from bibnorm.bib.checks.base import Finding, OnlineFacts
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._options import (
    FindingArgs,
    UserPath,
    asking_options,
    jobs_option,
    json_option,
    list_option,
    lock_option,
    quiet_option,
    selection_options,
)
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.config import load_settings, settings_of
from bibnorm.errors import UsageError
from bibnorm.io import write_stdout
from bibnorm.models import Severity
from bibnorm.sources.preprints import preprint_facts

if TYPE_CHECKING:
    from bibnorm.verify.run import VerifyOptions


def _summary(findings: Sequence[Finding], files: int, paint: Painter) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    notes = sum(1 for f in findings if f.severity is Severity.INFO)
    warnings = len(findings) - errors - notes
    shown_errors = paint.severity("error") if errors else "error"
    shown_warnings = paint.severity("warning") if warnings else "warning"
    noted = f", {notes} note(s)" if notes else ""
    return f"{errors} {shown_errors}(s), {warnings} {shown_warnings}(s){noted} in {files} file(s)"


@click.command("check")
@click.argument("files", nargs=-1, required=False, type=UserPath(), metavar="FILE.bib...")
@json_option("Print the findings as a JSON array.")
@selection_options("BN2,BN301", "BN305")
@asking_options("Ask no source: BN501 uses only the lockfile's decisions, BN502 is skipped.")
@lock_option("Take BN501's published versions from this lockfile ('bibnorm resolve --update-lock' writes it)")
@list_option("every check")
@click.option(
    "--verify",
    "also_verify",
    is_flag=True,
    help="Also run 'bibnorm verify': is every entry a real work, cited faithfully (BN7xx)?",
)
@click.option(
    "--strings",
    "strings_files",
    multiple=True,
    type=UserPath(),
    metavar="FILE",
    help="A .bib file whose @string macros count as defined (BN102), e.g. a shared abbreviations "
    "file; repeatable.",
)
@quiet_option("No progress and no summary line on stderr.")
@jobs_option
@progress_option
@color_option
def command(**given: Any) -> None:
    """Report problems in .bib files, one line each: PATH:LINE: KEY: CODE SEVERITY: message.

    Reads each file as BibTeX does and says where BibTeX will lose or misread data
    (a missing comma, an unbalanced brace, a % comment inside an entry, an entry
    inside a comment), then finds duplicates (same key, arXiv id, DOI, or title,
    year and first author), missing required fields (crossref/xdata inherited),
    malformed author lists, unprotected acronyms, non-canonical DOIs/URLs/code links,
    formatting drift, and arXiv preprints that have a published version or a newer
    version (BN501 from bibnorm.lock's decisions when it has them; otherwise
    asked of Semantic Scholar, cached, with the local dblp index when one was
    built; BN502 of arXiv). The files given are checked together: @string macros
    defined in one are defined for all. Codes are listed with --list and in
    docs/checks.md; [tool.bibnorm.check] select/ignore in pyproject.toml set the
    defaults.

    Exit status: 0 no errors (warnings and notes allowed), 3 errors found, 1 could not run
    (a missing or unreadable file, a PDF or other file that is not BibTeX), 2 usage error.

    \b
    Examples:
      bibnorm check refs.bib
      bibnorm check --offline --ignore BN305,BN602 refs.bib
      bibnorm check --json --select BN2 *.bib
      bibnorm check --strings abbrev.bib refs.bib               # macros defined elsewhere
      bibnorm resolve refs.bib --update-lock -o resolved.bib   # once: pin decisions
      bibnorm check --offline refs.bib                          # CI: BN501 from the lock
    """
    args = CheckArgs(**given)
    if args.list_checks:
        for known in CHECKS:
            marker = " (online)" if known.online else ""
            click.echo(f"{known.code}  {known.name:<20} {known.severity.value:<8} {known.summary}{marker}")
        return
    if not args.files:
        raise UsageError("give at least one .bib file (or --list)")
    asking = {"offline": args.offline, "s2_api_key": args.s2_api_key, "cache_dir": args.cache_dir}
    settings = with_table(load_settings(asking), "check", select=args.select, ignore=args.ignore)
    config = check_config_from(settings, args.strings_files)
    with progress_for(quiet=args.quiet, wanted=args.show_progress) as progress:

        def facts(wanted: Mapping[str, int | None]) -> OnlineFacts | None:
            answering = settings_of(settings, lock=args.lock_path)
            return preprint_facts(wanted, answering, config, progress, notify=partial(say, progress))

        checked = run_checks(
            args.files,
            config,
            settings,
            jobs=args.jobs,
            preprint_facts=facts,
            verify=verify_options(args),
            progress=progress,
        )
        for line in checked.warnings:  # the sources lost, once each, as `verify` says them
            say(progress, line)
    report(checked, args)
    raise SystemExit(EXIT_FINDINGS if checked.has_errors else EXIT_OK)


@dataclass(frozen=True)
class CheckArgs(FindingArgs):
    """One ``bibnorm check`` command line, as click parsed it (None: an option not given)."""

    also_verify: bool
    strings_files: tuple[str, ...]
    jobs: int | None


def verify_options(args: CheckArgs) -> VerifyOptions | None:
    """``--verify``: verify's options (the lockfile), imported only then: ``check`` alone does not
    pay for loading the verifier."""
    if not args.also_verify:
        return None
    from bibnorm.verify.run import VerifyOptions

    return VerifyOptions(lock=args.lock_path)


def report(checked: Checked, args: CheckArgs) -> None:
    """The findings on stdout (a JSON array with ``--json``), the summary on stderr."""
    findings = checked.findings
    if args.json_out:
        write_stdout(json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False) + "\n")
    else:
        paint = Painter.for_stream(sys.stdout)
        severity = paint.severity if paint.on else None
        write_stdout("".join(f"{finding.render(severity)}\n" for finding in findings))
    if not args.quiet:
        click.echo(_summary(findings, len(args.files), Painter.for_stream(sys.stderr)), err=True)
