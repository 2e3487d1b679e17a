"""``bibnorm check``: findings about existing ``.bib`` files, for CI and pre-commit (one
`bibnorm.check` call; the findings printed and the exit status decided here)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click
from bibnorm.api.checking import Checked, check
from bibnorm.api.settings import check_config
from bibnorm.bib.checks import CHECKS
from bibnorm.bib.checks.base import CheckConfig, Finding, OnlineFacts
from bibnorm.bib.checks.online import facts_from_lock, is_published_version
from bibnorm.bib.lockfile import load_lock, lock_in_use
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
from bibnorm.config import Settings, load_settings
from bibnorm.errors import UsageError
from bibnorm.io import write_stdout
from bibnorm.models import Identifiers, Lookup, Origin, Query, QueryKind, Reference, Severity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import source_warnings

if TYPE_CHECKING:
    from bibnorm.verify.run import VerifyOptions


def preprint_facts(
    wanted: Mapping[str, int | None],
    settings: Settings,
    config: CheckConfig,
    progress: Progress = NO_PROGRESS,
) -> OnlineFacts | None:
    """The BN5xx facts about the arXiv ids ``wanted`` (id → pinned version or None):
    published versions from the lockfile's decisions first, the sources for the rest
    (unless offline). None when nothing can be said (offline or a source failed, and no lock).
    """
    pinned = sorted(arxiv_id for arxiv_id, version in wanted.items() if version is not None)
    lock_file = lock_in_use(settings.lock)
    if lock_file is None:
        return None if settings.offline else online_facts(sorted(wanted), pinned, settings, config, progress)
    from_lock, unknown = facts_from_lock(load_lock(lock_file), sorted(wanted))
    looked_up = None if settings.offline else online_facts(unknown, pinned, settings, config, progress)
    return from_lock.merged(looked_up) if looked_up else from_lock


def online_facts(
    published_of: Sequence[str],
    latest_of: Sequence[str],
    settings: Settings,
    config: CheckConfig,
    progress: Progress = NO_PROGRESS,
) -> OnlineFacts | None:
    """Ask Semantic Scholar for the published versions of the arXiv ids ``published_of``
    (BN501) — the local dblp index, when one was built, naming the publication of the papers
    it holds (the venue's authority; no request) — dated by Crossref where it holds their DOI,
    and arXiv for the newest versions of ``latest_of`` (BN502).

    Returns None (and says why on stderr) when a source cannot be asked: the BN5xx
    checks then stay silent rather than report what only one source said.
    """
    ask_s2 = list(published_of) if config.enabled("BN501") else []
    ask_arxiv = list(latest_of) if config.enabled("BN502") else []
    if not ask_s2 and not ask_arxiv:
        return OnlineFacts()
    from bibnorm.resolvers._session import build_session

    session = build_session(settings)
    published: dict[str, Reference] = {}
    latest: dict[str, int] = {}
    # The resolvers turn an unreachable source into failed `Lookup`s (never an exception).
    answers: list[Lookup] = []
    if ask_s2:
        from bibnorm.resolvers.semantic_scholar import build_s2

        _, enricher = build_s2(session, settings)
        references = {i: Reference(title="", ids=Identifiers(arxiv_id=a)) for i, a in enumerate(ask_s2)}
        progress.start("s2: published versions", len(references), "papers")
        found = enricher.enrich(references, progress)
        progress.finish()
        known: dict[str, Reference] = {}
        for index, answer in found.items():
            answers.append(answer)
            if answer.candidates:
                known[ask_s2[index]] = answer.candidates[0].reference
            records = [c.reference for c in answer.candidates if is_published_version(c.reference)]
            if records:
                published[ask_s2[index]] = records[0]
        dblp_index = settings.dblp_index_path() if "dblp" in settings.resolvers else None
        if dblp_index is not None and known:
            from bibnorm.resolvers.dblp import published_from_index
            from bibnorm.resolvers.dblp_index import DblpIndex

            with DblpIndex(dblp_index) as dblp:
                upgraded = published_from_index(dblp, known, settings)
            published |= {arxiv_id: r for arxiv_id, r in upgraded.items() if is_published_version(r)}
        if "crossref" in settings.resolvers and published:
            # The publisher's record dates the publication (S2's year is often the preprint's).
            from bibnorm.resolvers.crossref import build_crossref

            arxiv_ids = list(published)
            progress.start("crossref: dates", len(arxiv_ids), "papers")
            dated = build_crossref(session, settings, search=False).enrich(
                dict(enumerate(published.values())), progress
            )
            progress.finish()
            for index, answer in dated.items():
                issued = answer.candidates[0].reference.issued if answer.candidates else None
                if issued is not None:
                    record = published[arxiv_ids[index]]
                    published[arxiv_ids[index]] = record.model_copy(update={"issued": issued})
    if ask_arxiv and not any(answer.failed for answer in answers):
        from bibnorm.resolvers.arxiv import ArxivResolver

        queries = [
            Query(index=i, origin=Origin(path="-", line=0), kind=QueryKind.ARXIV_ID, arxiv_id=a)
            for i, a in enumerate(ask_arxiv)
        ]
        progress.start("arxiv: versions", len(queries), "ids")
        versions = ArxivResolver(settings, session).lookup_ids(queries, progress)
        progress.finish()
        for index, answer in versions.items():
            answers.append(answer)
            for candidate in answer.candidates:
                if candidate.reference.ids.arxiv_version:
                    latest[ask_arxiv[index]] = candidate.reference.ids.arxiv_version
    failure = next((answer for answer in answers if answer.failed), None)
    if failure is not None:
        why = failure.problems[0].message if failure.problems else "a source did not answer"
        say(progress, f"bibnorm: note: online checks skipped: {why}")
        return None
    stats = session.stats  # Crossref giving up leaves the dates to S2's years: said, not silent
    for line in source_warnings(
        "published versions it could not date keep Semantic Scholar's year",
        stats.down,
        stats.refused,
        stats.gave_up,
        advice="Try again later, or run with --offline.",
    ):
        say(progress, line)
    return OnlineFacts(published=published, latest_version=latest)


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
    config = check_config(args.select, args.ignore, args.strings_files)
    asking = {"offline": args.offline, "s2_api_key": args.s2_api_key, "cache_dir": args.cache_dir}
    with progress_for(quiet=args.quiet, wanted=args.show_progress) as progress:

        def facts(wanted: Mapping[str, int | None]) -> OnlineFacts | None:
            settings = load_settings({**asking, "lock": args.lock_path})
            return preprint_facts(wanted, settings, config, progress)

        checked = check(
            args.files,
            config,
            jobs=args.jobs,
            preprint_facts=facts,
            verify=verify_options(args),
            overrides=asking,
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
