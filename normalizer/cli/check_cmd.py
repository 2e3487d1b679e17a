"""``bibnorm check``: findings about existing ``.bib`` files, for CI and pre-commit."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import click
from bibnorm.api.settings import check_config, defined_strings
from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.checks import CHECKS, finish_checks, scan_text
from bibnorm.bib.checks.base import CheckConfig, FileIndex, Finding, arxiv_ids
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._options import UserPath, asking_options, jobs_option, lock_option
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.config import load_settings
from bibnorm.errors import BibnormError, UsageError
from bibnorm.io import read_text, write_stdout
from bibnorm.models import Severity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.sources.preprints import preprint_facts

# A folder's other .bib files are read for the macros no file given defines only up to these sizes.
_COMPANIONS_READ = 20
_COMPANION_BYTES = 5 << 20


def companion_strings(
    files: Sequence[str], indexes: Sequence[FileIndex], config: CheckConfig
) -> dict[str, str]:
    """For the @string macros the files use and none of them (nor ``--strings``, nor the standard
    styles) defines: the first other .bib file in a given file's folder that defines each."""
    from bibnorm.bib.checks.structure import PREDEFINED_MACROS

    defined = set(config.strings) | PREDEFINED_MACROS
    for index in indexes:
        defined.update(index.strings)
    wanted = {
        ascii_lower(name) for index in indexes for entry in index.entries for _, _, name in entry.macros
    }
    wanted -= defined
    if not wanted:
        return {}
    given = {Path(path).resolve() for path in files if path != "-"}
    folders = dict.fromkeys(Path(path).resolve().parent for path in files if path != "-")
    found: dict[str, str] = {}
    for folder in folders:
        siblings = sorted(p for p in folder.glob("*.bib") if p.resolve() not in given and p.is_file())
        for sibling in siblings[:_COMPANIONS_READ]:
            if sibling.stat().st_size > _COMPANION_BYTES:
                continue
            try:
                names = defined_strings([str(sibling)])
            except BibnormError:
                continue  # an unreadable neighbour is no companion
            shown = os.path.relpath(sibling)
            for name in wanted & names:
                found.setdefault(name, shown)
    return found


def verify_findings(
    files: Sequence[str],
    overrides: Mapping[str, Any],
    lock_path: Path | None,
    progress: Progress = NO_PROGRESS,
) -> list[Finding]:
    """``check --verify``: the BN7xx findings of ``bibnorm verify``, as check findings."""
    from datetime import date

    from bibnorm.resolvers.session import build_session
    from bibnorm.verify.run import VerifyOptions, as_findings, run_verify

    outcome = run_verify(
        [Path(f) for f in files],
        dict(overrides),
        VerifyOptions(lock=lock_path),
        today=date.today(),
        open_session=build_session,
        progress=progress,
    )
    for line in outcome.warnings():  # the sources lost, once each, as `verify` says them
        say(progress, line)
    return as_findings(outcome.verdicts)


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
@click.option("--json", "json_out", is_flag=True, help="Print the findings as a JSON array.")
@click.option(
    "--select", default=None, metavar="CODES", help="Only these codes or prefixes, e.g. 'BN2,BN301'."
)
@click.option("--ignore", default=None, metavar="CODES", help="Skip these codes or prefixes, e.g. 'BN305'.")
@asking_options("Ask no source: BN501 uses only the lockfile's decisions, BN502 is skipped.")
@lock_option("Take BN501's published versions from this lockfile ('bibnorm resolve --update-lock' writes it)")
@click.option("--list", "list_checks", is_flag=True, help="List every check and exit.")
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
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary line on stderr.")
@jobs_option
@progress_option
@color_option
def command(
    files: tuple[str, ...],
    json_out: bool,
    select: str | None,
    ignore: str | None,
    offline: bool | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
    lock_path: Path | None,
    list_checks: bool,
    also_verify: bool,
    strings_files: tuple[str, ...],
    quiet: bool,
    jobs: int | None,
    show_progress: bool | None,
) -> None:
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
    if list_checks:
        for check in CHECKS:
            marker = " (online)" if check.online else ""
            click.echo(f"{check.code}  {check.name:<20} {check.severity.value:<8} {check.summary}{marker}")
        return
    if not files:
        raise UsageError("give at least one .bib file (or --list)")
    config = check_config(select, ignore, strings_files)
    entry_findings: list[Finding] = []
    indexes: list[FileIndex] = []
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        progress.start("read", len(files), "files")
        for path in files:
            found, index = scan_text(read_text(path), path, config, jobs=jobs)
            entry_findings += found
            indexes.append(index)
            progress.advance()
        progress.finish()
        online = None
        asking = {"offline": offline, "s2_api_key": s2_api_key, "cache_dir": cache_dir}
        if any(config.enabled(c.code) for c in CHECKS if c.online):
            settings = load_settings({**asking, "lock": lock_path})
            online = preprint_facts(
                arxiv_ids(indexes), settings, config, progress, notify=partial(say, progress)
            )
        if config.enabled("BN102"):
            config = config.model_copy(update={"companions": companion_strings(files, indexes, config)})
        findings = finish_checks(entry_findings, indexes, config, online)
        if also_verify:
            findings += verify_findings(files, asking, lock_path, progress)
    if json_out:
        write_stdout(json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False) + "\n")
    else:
        paint = Painter.for_stream(sys.stdout)
        severity = paint.severity if paint.on else None
        write_stdout("".join(f"{finding.render(severity)}\n" for finding in findings))
    if not quiet:
        click.echo(_summary(findings, len(files), Painter.for_stream(sys.stderr)), err=True)
    has_errors = any(f.severity is Severity.ERROR for f in findings)
    raise SystemExit(EXIT_FINDINGS if has_errors else EXIT_OK)
