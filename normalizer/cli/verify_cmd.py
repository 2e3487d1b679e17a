"""``bibnorm verify``: is every entry of a .bib a real paper, cited faithfully?"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from normalizer.cli import EXIT_FATAL, EXIT_OK, EXIT_SOURCES_FAILED
from normalizer.cli._options import UserPath, lock_option, source_options, source_overrides
from normalizer.cli._progress import progress_for, progress_option
from normalizer.cli._style import Painter, color_option
from normalizer.errors import UsageError
from normalizer.io import Role, refuse_clashes, write_atomic
from normalizer.verify.judge import VERIFY_CHECKS, EntryVerdict, Verdict

if TYPE_CHECKING:
    from normalizer.verify.run import VerifyOutcome

EXAMPLES = """
\b
Examples:
  bibnorm verify refs.bib
  bibnorm verify paper.pdf                       # every reference of a paper
  bibnorm verify --json refs.bib > verdicts.json
  bibnorm verify --update-lock refs.bib          # once, online: pin what was verified
  bibnorm verify --offline refs.bib              # CI on the committed bibnorm.lock
  bibnorm verify --ignore BN715,BN723 --strict refs.bib
  bibnorm verify --html report.html refs.bib     # a report to read in a browser
"""


def parse_verify_codes(text: str | None) -> tuple[str, ...]:
    """``"BN71,BN722"`` → codes/prefixes; `UsageError` for one that names no verify check."""
    from normalizer.cli.check_cmd import parse_codes

    return parse_codes(text, [check.code for check in VERIFY_CHECKS], "verify")


@click.command("verify", epilog=EXAMPLES)
@click.argument("files", nargs=-1, required=False, type=UserPath(), metavar="FILE...")
@click.option(
    "--json", "json_out", is_flag=True, help="Print the verdicts as one JSON document (see docs/checks.md)."
)
@click.option("--strict", is_flag=True, help="Also fail (exit 1) when an entry could not be verified.")
@click.option(
    "--select", default=None, metavar="CODES", help="Only these codes or prefixes, e.g. 'BN70,BN71'."
)
@click.option("--ignore", default=None, metavar="CODES", help="Skip these codes or prefixes, e.g. 'BN715'.")
@lock_option("Reuse (and with --update-lock record) verified entries in this lockfile")
@click.option("--update-lock", is_flag=True, help="Record the entries found verified in the lockfile.")
@click.option("--list", "list_checks", is_flag=True, help="List every verify finding code and exit.")
@click.option(
    "--html",
    "html_path",
    default=None,
    metavar="PATH",
    help="Also write a report to read in a browser: one self-contained HTML file, written atomically.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@progress_option
@color_option
@source_options
def command(
    files: tuple[str, ...],
    json_out: bool,
    html_path: str | None,
    strict: bool,
    select: str | None,
    ignore: str | None,
    lock_path: Path | None,
    update_lock: bool,
    list_checks: bool,
    quiet: bool,
    show_progress: bool | None,
    offline: bool | None,
    snapshot: Path | None,
    resolver_names: str | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
) -> None:
    """Check that every entry cites a real paper faithfully: PATH:LINE: KEY: CODE SEVERITY: message.

    FILE is a .bib, or anything `resolve` reads: a .bbl, an RIS or CSL-JSON export, a
    reference list pasted from a paper, a paper as PDF (its references section), a list
    of titles or ids. Each item is judged as the equivalent .bib entry would be; an item
    keeps its own key, else its number ([12]) or first author and year (Zhai2022).
    A file with nothing to verify is an error, never a pass.

    Each entry's DOI, arXiv id and title are looked up (Semantic Scholar, arXiv,
    Crossref; the snapshot index when configured) and its authors, year and venue
    compared with the record found. Catches fabricated DOIs and arXiv ids, real ids
    under invented titles, near-miss titles, wrong, missing or placeholder authors,
    future or wrong years, invented venues, preprints cited as published.

    Verdicts: verified, mismatch, not_found (every source answered, none holds it),
    unverifiable (a source could not be asked: never reported as not found).

    Exit status: 0 nothing flagged; 1 a mismatch or not_found (with --strict also
    unverifiable); 2 usage error; 4 no entry could be verified (every source needed
    was down, or --offline without a lock that holds them: the reason is on stderr).
    """
    from normalizer.verify.run import VerifyOptions, run_verify
    from resolvers._session import build_session

    if list_checks:
        for check in VERIFY_CHECKS:
            click.echo(f"{check.code}  {check.name:<24} {check.severity.value:<8} {check.summary}")
        return
    if not files:
        raise UsageError("give at least one file to verify (or --list)")
    if html_path is not None:
        refuse_clashes([Role("--html", html_path)], [Role("an input", path) for path in files])
    options = VerifyOptions(
        select=parse_verify_codes(select) or ("ALL",),
        ignore=parse_verify_codes(ignore),
        lock=lock_path,
        update_lock=update_lock,
    )
    overrides = source_overrides(offline, snapshot, resolver_names, s2_api_key, cache_dir)
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        outcome = run_verify(
            [Path(f) for f in files],
            overrides,
            options,
            today=date.today(),
            open_session=build_session,
            progress=progress,
        )
        if html_path is not None:
            from normalizer.verify.html import render_report

            progress.start("write", len(outcome.verdicts), "entries")
            write_atomic(html_path, render_report(outcome, files=files, generated=date.today()))
            progress.finish()
    if json_out:
        click.echo(json.dumps(outcome.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(
            "".join(f"{line}\n" for line in human_lines(outcome.verdicts, Painter.for_stream())), nl=False
        )
    if not quiet:
        for line in outcome.warnings():
            click.echo(line, err=True)
        for note in outcome.notes:
            click.echo(f"bibnorm: note: {note}", err=True)
        click.echo(summary_line(outcome.verdicts, outcome.requests, Painter.for_stream(sys.stderr)), err=True)
    raise SystemExit(exit_code(outcome, strict=strict))


def human_lines(verdicts: Sequence[EntryVerdict], paint: Painter | None = None) -> list[str]:
    """One line per finding: ``path:line: key: CODE severity: message`` (an unverifiable entry: BN700)."""
    from normalizer.verify.run import as_findings

    severity = paint.severity if paint is not None and paint.on else None
    return [finding.render(severity) for finding in as_findings(verdicts)]


def summary_line(
    verdicts: Sequence[EntryVerdict], requests: dict[str, int], paint: Painter | None = None
) -> str:
    paint = paint or Painter(on=False)
    counts = Counter(v.verdict for v in verdicts)
    asked = ", ".join(f"{source} {n}" for source, n in sorted(requests.items())) or "none"
    shown = ", ".join(
        paint.counted(counts[verdict], verdict.value, f"{counts[verdict]} {verdict.value.replace('_', ' ')}")
        for verdict in (Verdict.VERIFIED, Verdict.MISMATCH, Verdict.NOT_FOUND, Verdict.UNVERIFIABLE)
    )
    entries = "1 entry" if len(verdicts) == 1 else f"{len(verdicts)} entries"
    return f"{entries}: {shown}; requests: {asked}"


def exit_code(outcome: VerifyOutcome, *, strict: bool) -> int:
    """1 for a mismatch or not_found (with ``strict`` also unverifiable); `EXIT_SOURCES_FAILED`
    when no entry could be verified at all, so a CI job never passes having verified nothing."""
    if outcome.nothing_verified:
        return EXIT_SOURCES_FAILED
    failing = {Verdict.MISMATCH, Verdict.NOT_FOUND} | ({Verdict.UNVERIFIABLE} if strict else set())
    return EXIT_FATAL if any(v.verdict in failing for v in outcome.verdicts) else EXIT_OK
