"""``bibnorm verify``: is every entry of a bibliography (a .bib, or anything ``resolve`` reads)
a real work, cited faithfully? With ``--tex``, also a draft's citations against its bibliography.

``--tex`` lives here rather than in ``bibnorm tex --audit``: the audit is a report with
verify's verdicts, exit-code rules, ``--json``, lock and sources, while ``tex`` writes the
``.bib`` (it resolves and adds what a draft cites)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from bibnorm.bib.lockfile import LOCK_FILE
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED
from bibnorm.cli._options import UserPath, lock_option, source_options, source_overrides
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.errors import UsageError, shown
from bibnorm.io import Role, refuse_clashes, write_atomic
from bibnorm.verify.codes import ALL_CHECKS
from bibnorm.verify.judge import EntryVerdict, Verdict

if TYPE_CHECKING:
    from bibnorm.verify.audit import TexAudit
    from bibnorm.verify.run import ReadInput, VerifyOutcome

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
  bibnorm verify --fail-on retracted refs.bib   # CI: no retracted or withdrawn paper cited
  bibnorm verify --tex paper.tex                 # cited vs listed, and the cited entries' verdicts
  bibnorm verify zotero:                         # the Zotero library, read in place (Zotero 7+)
  bibnorm verify zotero:Thesis                   # one collection, by name or key
  bibnorm verify submissions/ --out results/     # a whole venue: resumable, summary.html (docs/scale.md)
"""

# What --fail-on adds to the failing conditions (mismatch, not_found and, with --tex, cited keys
# no entry holds, always fail).
FAIL_ON = ("retracted", "unverifiable")


def parse_verify_codes(text: str | None) -> tuple[str, ...]:
    """``"BN71,BN722"`` → codes/prefixes; `UsageError` for one that names no verify check."""
    from bibnorm.api.settings import parse_codes

    return parse_codes(text, [check.code for check in ALL_CHECKS], "verify")


def parse_fail_on(text: str | None) -> frozenset[str]:
    """``"retracted,unverifiable"`` → the conditions; `UsageError` for an unknown one."""
    names = frozenset(item.strip().lower() for item in (text or "").split(",") if item.strip())
    unknown = sorted(names - set(FAIL_ON))
    if unknown:
        raise UsageError(f"--fail-on: unknown condition {shown(unknown[0])} (known: {', '.join(FAIL_ON)})")
    return names


@click.command("verify", epilog=EXAMPLES)
@click.argument("files", nargs=-1, required=False, type=UserPath(), metavar="FILE...")
@click.option(
    "--json", "json_out", is_flag=True, help="Print the verdicts as one JSON document (see docs/checks.md)."
)
@click.option(
    "--tex",
    "tex_path",
    type=UserPath(path_type=Path, dir_okay=False),
    default=None,
    metavar="DRAFT.tex",
    help=(
        "Audit a LaTeX draft (.tex or .aux): cited keys no entry holds (BN791), entries never cited"
        " (BN792), and the verdicts of the cited entries. FILE.bib default to the draft's bibliography."
    ),
)
@click.option("--strict", is_flag=True, help="Also fail (exit 3) when an entry could not be verified.")
@click.option(
    "--fail-on",
    default=None,
    metavar="CONDITIONS",
    help=(
        "Also fail (exit 3) on 'retracted' (a retracted or withdrawn work cited),"
        " 'unverifiable' (the same as --strict)."
    ),
)
@click.option(
    "--select", default=None, metavar="CODES", help="Only these codes or prefixes, e.g. 'BN70,BN71'."
)
@click.option("--ignore", default=None, metavar="CODES", help="Skip these codes or prefixes, e.g. 'BN715'.")
@click.option(
    "--zotero",
    "zotero",
    is_flag=True,
    help="Also verify the Zotero library, read in place through Zotero's local API (the same as a"
    " FILE 'zotero:'; 'zotero:COLLECTION' names one collection by key or name).",
)
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
@click.option(
    "--out",
    "out_dir",
    type=UserPath(path_type=Path, file_okay=False),
    default=None,
    metavar="RESULTS_DIR",
    help=(
        "Verify a corpus (FILE is a folder, a quoted glob or a .csv/.jsonl manifest) into this folder:"
        " one JSON line per document, summary.csv and summary.html; resumes where a run stopped."
    ),
)
@click.option("--workers", type=int, default=None, metavar="N", help="With --out: N local processes.")
@click.option(
    "--scheduler", default=None, metavar="ADDRESS", help="With --out: a Dask scheduler (tcp://host:8786)."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@progress_option
@color_option
@source_options
def command(
    files: tuple[str, ...],
    json_out: bool,
    html_path: str | None,
    tex_path: Path | None,
    zotero: bool,
    strict: bool,
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
    lock_path: Path | None,
    update_lock: bool,
    list_checks: bool,
    out_dir: Path | None,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
    show_progress: bool | None,
    offline: bool | None,
    snapshot: Path | None,
    resolver_names: str | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
) -> None:
    """Check that every entry cites a real work faithfully: PATH:LINE: KEY: CODE SEVERITY: message.

    FILE is a .bib, or anything `resolve` reads: a .bbl, an RIS or CSL-JSON export, a
    reference list pasted from a paper, a paper as PDF (its references section), a list
    of titles or ids; 'zotero:' is the Zotero library (Zotero 7+, its local API enabled),
    'zotero:COLLECTION' one of its collections. Each item is judged as the equivalent .bib
    entry would be; an item keeps its own key, else its number ([12]) or first author and
    year (Zhai2022).
    A file with nothing to verify is an error, never a pass.

    Papers: each entry's DOI, arXiv id and title are looked up (Semantic Scholar,
    arXiv, Crossref; the snapshot index when configured; the publication the local
    dblp index holds, when one was built) and its authors, year and venue compared
    with the record found. Catches fabricated DOIs and arXiv ids, real ids under
    invented titles, near-miss titles, wrong, missing or placeholder authors, future
    or wrong years, invented venues, preprints cited as published. Books (ISBN,
    title: Open Library), theses, software, datasets, standards and RFCs, web pages:
    each kind by its own rules, never 'not found' for being absent from paper sources
    (--list shows them). Retractions, corrections and arXiv withdrawals are reported.

    Verdicts: verified, mismatch, not_found (every source answered, none holds it),
    unverifiable (a source could not be asked, or none holds this kind of work).

    \b
    Exit status, the first that applies (docs/checks.md):
      2  usage error
      1  could not run: a missing or unreadable file, nothing in it to verify
      3  an entry is a mismatch or not_found; with --tex a cited key no entry
         holds; with --fail-on retracted a retracted or withdrawn work cited
      4  no entry could be verified: a source it needed was down or refused the
         key, or --offline ran without a lock that holds the entries (the reason
         is on stderr); works no source holds (theses, web pages) never give 4
      3  with --strict (or --fail-on unverifiable) an entry is unverifiable
      0  otherwise
    """
    from bibnorm.resolvers.session import build_session
    from bibnorm.verify.run import VerifyOptions, run_tex_audit, run_verify

    if list_checks:
        click.echo("".join(f"{line}\n" for line in list_lines()), nl=False)
        return
    files = (*files, "zotero:") if zotero else files
    if not files and tex_path is None:
        raise UsageError("give at least one file to verify, --tex DRAFT.tex, or --list")
    if html_path is not None:
        inputs: list[str | Path] = [*files, *([tex_path] if tex_path is not None else [])]
        refuse_clashes([Role("--html", html_path)], [Role("an input", path) for path in inputs])
    conditions = parse_fail_on(fail_on) | ({"unverifiable"} if strict else set())
    options = VerifyOptions(
        select=parse_verify_codes(select) or ("ALL",),
        ignore=parse_verify_codes(ignore),
        lock=lock_path,
        update_lock=update_lock,
    )
    overrides = source_overrides(offline, snapshot, resolver_names, s2_api_key, cache_dir)
    if out_dir is not None or workers is not None or scheduler is not None:
        from bibnorm.cli._corpus import verify_corpus

        if out_dir is None or tex_path is not None or json_out or html_path is not None:
            raise UsageError("--workers and --scheduler go with --out DIR, not --tex, --json or --html")
        raise SystemExit(
            verify_corpus(files, out_dir, workers, scheduler, options, overrides, quiet, show_progress)
        )
    audit: TexAudit | None = None
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        if tex_path is not None:
            outcome, audit, warnings = run_tex_audit(
                tex_path,
                [Path(f) for f in files],
                overrides,
                options,
                today=date.today(),
                open_session=build_session,
                progress=progress,
            )
            for warning in warnings:
                say(progress, f"bibnorm: warning: {warning}")
        else:
            outcome = run_verify(
                verify_inputs(files, overrides),
                overrides,
                options,
                today=date.today(),
                open_session=build_session,
                progress=progress,
            )
        if html_path is not None:
            from bibnorm.verify.html import render_report

            named = [*([str(tex_path)] if tex_path is not None else []), *files]
            progress.start("write", len(outcome.verdicts), "entries")
            page = render_report(outcome, files=named, generated=date.today(), audit=audit)
            write_atomic(html_path, page)
            progress.finish()
    if json_out:
        document = outcome.as_json()
        if audit is not None:
            document["audit"] = audit.as_json()
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        lines = human_lines(outcome.verdicts, Painter.for_stream(), audit)
        click.echo("".join(f"{line}\n" for line in lines), nl=False)
    for line in outcome.warnings():  # a lost source is said with -q too: it is a failure
        click.echo(line, err=True)
    if not quiet:
        offline = any("offline" in v.unverifiable_because for v in outcome.verdicts)
        if outcome.nothing_verified and offline:  # the lock, if any, held none of the entries
            click.echo(NO_LOCK_HINT, err=True)
        for note in outcome.notes:
            click.echo(f"bibnorm: note: {note}", err=True)
        click.echo(
            summary_line(outcome.verdicts, outcome.requests, Painter.for_stream(sys.stderr), audit), err=True
        )
    raise SystemExit(exit_code(outcome, conditions, audit))


def verify_inputs(files: Sequence[str], overrides: dict[str, Any]) -> list[Path | ReadInput]:
    """The files to verify, with each ``zotero:`` input read from Zotero's local API."""
    from bibnorm.cli._zotero import read_library
    from bibnorm.config import load_settings
    from bibnorm.readers.zotero import is_zotero_spec
    from bibnorm.verify.run import ReadInput

    inputs: list[Path | ReadInput] = []
    for given in files:
        if is_zotero_spec(given):
            name, queries, note = read_library(given, load_settings(overrides))
            inputs.append(ReadInput(name, tuple(queries), note))
        else:
            inputs.append(Path(given))
    return inputs


# What to do when nothing could be verified offline, as no lockfile pins earlier verdicts (a pre-commit
# hook run offline without one would otherwise fail every commit with exit 4 and no way out).
NO_LOCK_HINT = (
    "bibnorm: hint: no lockfile holds these entries: run `bibnorm verify --update-lock FILE.bib` once"
    f" online and commit {LOCK_FILE}"
)


def list_lines() -> list[str]:
    """``verify --list``: every finding code, then the entry kinds and their rules."""
    from bibnorm.verify.kinds.rules import KINDS

    lines = [
        f"{check.code}  {check.name:<24} {check.severity.value:<8} {check.summary}" for check in ALL_CHECKS
    ]
    lines.append("")
    lines.append("Entry kinds (each judged by its own rules):")
    for rules in KINDS:
        lines.append(f"  {rules.kind.value:<9} {rules.entries}")
        lines.append(f"  {'':<9} -> {rules.summary}")
    return lines


def human_lines(
    verdicts: Sequence[EntryVerdict], paint: Painter | None = None, audit: TexAudit | None = None
) -> list[str]:
    """One line per finding: ``path:line: key: CODE severity: message`` (an unverifiable entry: BN700),
    then the draft audit's (``--tex``)."""
    from bibnorm.verify.run import as_findings

    severity = paint.severity if paint is not None and paint.on else None
    return [finding.render(severity) for finding in as_findings(verdicts, audit)]


def summary_line(
    verdicts: Sequence[EntryVerdict],
    requests: dict[str, int],
    paint: Painter | None = None,
    audit: TexAudit | None = None,
) -> str:
    paint = paint or Painter(on=False)
    counts = Counter(v.verdict for v in verdicts)
    asked = ", ".join(f"{source} {n}" for source, n in sorted(requests.items())) or "none"
    tally = ", ".join(
        paint.counted(counts[verdict], verdict.value, f"{counts[verdict]} {verdict.value.replace('_', ' ')}")
        for verdict in (Verdict.VERIFIED, Verdict.MISMATCH, Verdict.NOT_FOUND, Verdict.UNVERIFIABLE)
    )
    entries = "1 entry" if len(verdicts) == 1 else f"{len(verdicts)} entries"
    draft = ""
    if audit is not None:
        draft = (
            f"; {audit.document}: {len(audit.cited)} entries cited, {len(audit.missing)} cited keys"
            f" without an entry, {len(audit.uncited)} entries never cited"
        )
    return f"{entries}: {tally}; requests: {asked}{draft}"


def exit_code(outcome: VerifyOutcome, conditions: Collection[str] = (), audit: TexAudit | None = None) -> int:
    """The exit status (the table in ``--help``), in this order:

    1. `EXIT_FINDINGS` for what is certain whatever the sources: an entry ``mismatch`` or
       ``not_found``, a cited key no entry holds (``audit``), and with ``--fail-on retracted``
       a retracted or withdrawn work;
    2. `EXIT_SOURCES_FAILED` when no entry could be verified for want of a source
       (`VerifyOutcome.nothing_verified`), so a CI job never passes having verified nothing;
    3. `EXIT_FINDINGS` with ``--fail-on unverifiable`` (``--strict``) when an entry is unverifiable;
    4. else `EXIT_OK`.
    """
    from bibnorm.verify.notices import RETRACTED_CODES

    verdicts = outcome.verdicts
    if any(v.verdict in (Verdict.MISMATCH, Verdict.NOT_FOUND) for v in verdicts):
        return EXIT_FINDINGS
    if audit is not None and audit.missing:
        return EXIT_FINDINGS
    if "retracted" in conditions and any(f.code in RETRACTED_CODES for v in verdicts for f in v.findings):
        return EXIT_FINDINGS
    if outcome.nothing_verified:
        return EXIT_SOURCES_FAILED
    if "unverifiable" in conditions and any(v.verdict is Verdict.UNVERIFIABLE for v in verdicts):
        return EXIT_FINDINGS
    return EXIT_OK
