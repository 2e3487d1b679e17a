"""``bibnorm verify``: is every entry of a bibliography (a .bib, or anything ``resolve`` reads)
a real work, cited faithfully? With ``--tex``, also a draft's citations against its bibliography.
The command reads its options, makes one `bibnorm.verify_references` call and prints what it returns.

``--tex`` lives here rather than in ``bibnorm tex --audit``: the audit is a report with
verify's verdicts, exit-code rules, ``--json``, lock and sources, while ``tex`` writes the
``.bib`` (it resolves and adds what a draft cites)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from bibnorm.bib.lockfile import LOCK_FILE
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED
from bibnorm.cli._options import (
    FindingArgs,
    UserPath,
    corpus_options,
    json_option,
    list_option,
    lock_option,
    path_option,
    quiet_option,
    selection_options,
    source_options,
    source_overrides,
)
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.errors import UsageError
from bibnorm.io import Role, refuse_clashes, write_atomic
from bibnorm.verify.codes import ALL_CHECKS
from bibnorm.verify.judge import EntryVerdict, Verdict

# The verifier (bibnorm.api.verifying and what it imports) is loaded when a run needs it, not for
# --help, --list or a usage error.
if TYPE_CHECKING:
    from bibnorm.api.verifying import Verification
    from bibnorm.resolve.progress import Progress
    from bibnorm.verify.audit import TexAudit
    from bibnorm.verify.run import ReadInput, VerifyOptions

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

HELP = """\
Check that every entry cites a real work faithfully: PATH:LINE: KEY: CODE SEVERITY: message.

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


@dataclass(frozen=True)
class VerifyArgs(FindingArgs):
    """One ``bibnorm verify`` command line, as click parsed it (None: an option not given)."""

    html_path: str | None
    tex_path: Path | None
    zotero: bool
    strict: bool
    fail_on: str | None
    update_lock: bool
    lock_base: str | None
    out_dir: Path | None
    workers: int | None
    scheduler: str | None
    allow_outside: bool
    snapshot: Path | None
    resolver_names: str | None

    @property
    def inputs(self) -> tuple[str, ...]:
        """The files to verify, the Zotero library last when ``--zotero`` asks for it."""
        return (*self.files, "zotero:") if self.zotero else self.files

    @property
    def corpus(self) -> bool:
        """A corpus run: ``--out``, ``--workers`` or ``--scheduler`` given."""
        return self.out_dir is not None or self.workers is not None or self.scheduler is not None

    def options(self) -> VerifyOptions:
        from bibnorm.api.verifying import VerifyOptions, parse_verify_codes

        return VerifyOptions(
            select=parse_verify_codes(self.select) or ("ALL",),
            ignore=parse_verify_codes(self.ignore),
            lock=self.lock_path,
            update_lock=self.update_lock,
            lock_base=self.lock_base,
        )

    def overrides(self) -> dict[str, Any]:
        return source_overrides(
            self.offline, self.snapshot, self.resolver_names, self.s2_api_key, self.cache_dir
        )


@click.command("verify", epilog=EXAMPLES, help=HELP)
@click.argument("files", nargs=-1, required=False, type=UserPath(), metavar="FILE...")
@json_option("Print the verdicts as one JSON document (see docs/checks.md).")
@path_option(
    "--tex",
    "tex_path",
    dir_okay=False,
    metavar="DRAFT",
    help=(
        "Audit a draft (LaTeX .tex or .aux, .md, .qmd, .Rmd, .ipynb, .typ): cited keys no entry holds"
        " (BN791), entries never cited (BN792), and the verdicts of the cited entries (.bib and CSL-JSON;"
        " a YAML bibliography is audited only). FILE.bib default to the draft's bibliography."
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
@selection_options("BN70,BN71", "BN715")
@click.option(
    "--zotero",
    "zotero",
    is_flag=True,
    help="Also verify the Zotero library, read in place through Zotero's local API (the same as a"
    " FILE 'zotero:'; 'zotero:COLLECTION' names one collection by key or name).",
)
@lock_option("Reuse (and with --update-lock record) verified entries in this lockfile")
@click.option("--update-lock", is_flag=True, help="Record the entries found verified in the lockfile.")
@click.option(
    "--lock-base",
    default=None,
    metavar="REV",
    help="Trust only the lockfile's lines git's commit REV held: a line new or changed since (HEAD in"
    " a pre-commit hook, the base branch in CI) is asked about again (docs/ci.md).",
)
@list_option("every verify finding code")
@click.option(
    "--html",
    "html_path",
    default=None,
    metavar="PATH",
    help="Also write a report to read in a browser: one self-contained HTML file, written atomically.",
)
@corpus_options("Verify", "FILE", "one JSON line per document")
@quiet_option("No progress or summary on stderr.")
@progress_option
@color_option
@source_options
def command(**given: Any) -> None:
    args = VerifyArgs(**given)
    if args.list_checks:
        click.echo("".join(f"{line}\n" for line in list_lines()), nl=False)
        return
    if not args.inputs and args.tex_path is None:
        raise UsageError("give at least one file to verify, --tex DRAFT, or --list")
    if args.html_path is not None:
        named: list[str | Path] = [*args.inputs, *([args.tex_path] if args.tex_path is not None else [])]
        refuse_clashes([Role("--html", args.html_path)], [Role("an input", path) for path in named])
    from bibnorm.api.verifying import parse_fail_on

    conditions = parse_fail_on(args.fail_on) | ({"unverifiable"} if args.strict else set())
    options, overrides = args.options(), args.overrides()
    if args.corpus:
        raise SystemExit(verify_corpus(args, options, overrides))
    with progress_for(quiet=args.quiet, wanted=args.show_progress) as progress:
        verification = run(args, options, overrides, progress)
        if args.html_path is not None:
            write_html(verification, args, progress)
    report(verification, args)
    raise SystemExit(exit_code(verification, conditions))


def run(
    args: VerifyArgs, options: VerifyOptions, overrides: dict[str, Any], progress: Progress
) -> Verification:
    """The one library call: the draft audited (``--tex``; its reading warnings said above the
    progress), else the inputs verified, a Zotero library read in place."""
    from bibnorm.api.verifying import verify_references
    from bibnorm.sources import build_session

    if args.tex_path is None:
        inputs = verify_inputs(args.inputs, overrides)
        return verify_references(
            inputs, options=options, overrides=overrides, open_session=build_session, progress=progress
        )
    verification = verify_references(
        args.inputs,
        tex=args.tex_path,
        options=options,
        overrides=overrides,
        open_session=build_session,
        progress=progress,
    )
    for warning in verification.draft_warnings:
        say(progress, f"bibnorm: warning: {warning}")
    return verification


def write_html(verification: Verification, args: VerifyArgs, progress: Progress) -> None:
    """``--html``: the report page, written atomically in a ``write`` phase."""
    from bibnorm.verify.html import render_report

    named = [*([str(args.tex_path)] if args.tex_path is not None else []), *args.inputs]
    progress.start("write", len(verification.outcome.verdicts), "entries")
    page = render_report(verification.outcome, files=named, generated=date.today(), audit=verification.audit)
    write_atomic(str(args.html_path), page)
    progress.finish()


def report(verification: Verification, args: VerifyArgs) -> None:
    """The findings on stdout (the verdicts as JSON with ``--json``); the sources lost, the notes
    and the summary on stderr."""
    outcome = verification.outcome
    if args.json_out:
        click.echo(json.dumps(verification.as_json(), indent=2, ensure_ascii=False))
    else:
        paint = Painter.for_stream()
        severity = paint.severity if paint.on else None
        click.echo("".join(f"{finding.render(severity)}\n" for finding in verification.findings()), nl=False)
    for line in outcome.warnings():  # a lost source is said with -q too: it is a failure
        click.echo(line, err=True)
    if args.quiet:
        return
    offline = any("offline" in v.unverifiable_because for v in outcome.verdicts)
    if outcome.nothing_verified and offline:  # the lock, if any, held none of the entries
        click.echo(NO_LOCK_HINT, err=True)
    for note in outcome.notes:
        click.echo(f"bibnorm: note: {note}", err=True)
    paint = Painter.for_stream(sys.stderr)
    click.echo(summary_line(outcome.verdicts, outcome.requests, paint, verification.audit), err=True)


def verify_corpus(args: VerifyArgs, options: VerifyOptions, overrides: dict[str, Any]) -> int:
    """``--out``: the corpus verified, its summary line; the exit status."""
    from bibnorm.cli._corpus import verify_corpus as run_corpus

    if args.out_dir is None or args.tex_path is not None or args.json_out or args.html_path is not None:
        raise UsageError("--workers and --scheduler go with --out DIR, not --tex, --json or --html")
    engine = (args.workers, args.scheduler, args.allow_outside)
    return run_corpus(args.inputs, args.out_dir, engine, options, overrides, args.quiet, args.show_progress)


def verify_inputs(files: Sequence[str], overrides: dict[str, Any]) -> list[Path | ReadInput]:
    """The files to verify, with each ``zotero:`` input read from Zotero's local API."""
    from bibnorm.api.reading import read_zotero_library
    from bibnorm.config import load_settings
    from bibnorm.readers.zotero import is_zotero_spec
    from bibnorm.verify.run import ReadInput

    inputs: list[Path | ReadInput] = []
    for given in files:
        if is_zotero_spec(given):
            name, queries, note = read_zotero_library(given, load_settings(overrides))
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


def exit_code(verification: Verification, conditions: Collection[str] = ()) -> int:
    """The exit status (the table in ``--help``): `EXIT_FINDINGS` or `EXIT_SOURCES_FAILED` as
    `Verification.failure` weighs the run, else `EXIT_OK`."""
    from bibnorm.api.verifying import Failure

    failure = verification.failure(conditions)
    if failure is None:
        return EXIT_OK
    return EXIT_SOURCES_FAILED if failure is Failure.NOTHING_VERIFIED else EXIT_FINDINGS
