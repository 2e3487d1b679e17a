"""``bibnorm check``: findings about existing ``.bib`` files, for CI and pre-commit."""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from normalizer.checks import (
    CHECKS,
    CheckConfig,
    FileIndex,
    Finding,
    OnlineFacts,
    arxiv_ids,
    finish_checks,
    scan_text,
)
from normalizer.cli import EXIT_FATAL, EXIT_OK
from normalizer.cli._options import jobs_option
from normalizer.cli.format_cmd import config_table, format_options, quiet_bibtexparser
from normalizer.config import Settings, load_settings
from normalizer.errors import UsageError
from normalizer.io import read_text
from normalizer.models import Identifiers, Origin, Query, QueryKind, Reference, Severity

_PREPRINT_VENUES = ("arxiv", "corr", "biorxiv", "medrxiv")


def parse_codes(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"BN201,BN3"`` (or a TOML list) → codes/prefixes; `UsageError` for one that matches no check."""
    if text is None:
        return ()
    items = text.split(",") if isinstance(text, str) else [str(t) for t in text]
    codes = tuple(item.strip().upper() for item in items if item.strip())
    for code in codes:
        if code != "ALL" and not any(check.code.startswith(code) for check in CHECKS):
            raise UsageError(f"unknown check code {code!r} (see docs/checks.md or 'bibnorm check --list')")
    return codes


def check_config(select: str | None, ignore: str | None) -> CheckConfig:
    """`CheckConfig` from ``[tool.bibnorm.check]`` (``select``, ``ignore``) and the options.

    BN601 checks keys against ``key-format`` only when the config file sets one.
    """
    table = config_table("check")
    top = config_table()
    key_format = top.get("key-format") or top.get("key_format")
    return CheckConfig(
        select=parse_codes(select) or parse_codes(table.get("select")) or ("ALL",),
        ignore=parse_codes(ignore) or parse_codes(table.get("ignore")),
        key_format=str(key_format) if key_format else None,
        format_options=format_options(),
    )


def online_facts(indexes: Sequence[FileIndex], settings: Settings, config: CheckConfig) -> OnlineFacts | None:
    """Ask Semantic Scholar for published versions and arXiv for latest versions of cited preprints.

    Returns None (and says why on stderr) when a source cannot be asked; the BN5xx
    checks then stay silent rather than guess.
    """
    wanted = arxiv_ids(indexes)
    if not wanted:
        return OnlineFacts()
    from resolvers._http import SourceUnavailable, build_session

    session = build_session(settings)
    published: dict[str, Reference] = {}
    latest: dict[str, int] = {}
    try:
        if config.enabled("BN501"):
            from resolvers.semantic_scholar import build_s2

            _, enricher = build_s2(session, settings)
            ids = sorted(wanted)
            references = {i: Reference(title="", ids=Identifiers(arxiv_id=a)) for i, a in enumerate(ids)}
            for index, answer in enricher.enrich(references).items():
                for candidate in answer.candidates:
                    record = candidate.reference
                    venue = (record.venue or "").lower()
                    if (
                        record.entry_type in ("article", "inproceedings")
                        and venue
                        and not venue.startswith(_PREPRINT_VENUES)
                    ):
                        published[ids[index]] = record
                        break
        pinned = sorted(a for a, version in wanted.items() if version is not None)
        if config.enabled("BN502") and pinned:
            from resolvers.arxiv import ArxivResolver

            queries = [
                Query(index=i, origin=Origin(path="-", line=0), kind=QueryKind.ARXIV_ID, arxiv_id=a)
                for i, a in enumerate(pinned)
            ]
            for index, answer in ArxivResolver(settings, session).lookup_ids(queries).items():
                for candidate in answer.candidates:
                    if candidate.reference.ids.arxiv_version:
                        latest[pinned[index]] = candidate.reference.ids.arxiv_version
    except SourceUnavailable as error:
        click.echo(f"bibnorm: note: online checks skipped: {error}", err=True)
        return None
    return OnlineFacts(published=published, latest_version=latest)


def _summary(findings: Sequence[Finding], files: int) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    return f"{errors} error(s), {warnings} warning(s) in {files} file(s)"


@click.command("check")
@click.argument("files", nargs=-1, required=False, metavar="FILE.bib...")
@click.option("--json", "json_out", is_flag=True, help="Print the findings as a JSON array.")
@click.option(
    "--select", default=None, metavar="CODES", help="Only these codes or prefixes, e.g. 'BN2,BN301'."
)
@click.option("--ignore", default=None, metavar="CODES", help="Skip these codes or prefixes, e.g. 'BN305'.")
@click.option(
    "--offline", is_flag=True, default=None, help="Skip the checks that ask Semantic Scholar/arXiv (BN5xx)."
)
@click.option("--list", "list_checks", is_flag=True, help="List every check and exit.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@jobs_option
def command(
    files: tuple[str, ...],
    json_out: bool,
    select: str | None,
    ignore: str | None,
    offline: bool | None,
    list_checks: bool,
    quiet: bool,
    jobs: int | None,
) -> None:
    """Report problems in .bib files, one line each: PATH:LINE: KEY: CODE message.

    Finds duplicates (same key, arXiv id, DOI or title), missing required fields,
    malformed author lists, unprotected acronyms, non-canonical DOIs/URLs/code links,
    formatting drift, and (online, cached) arXiv preprints that have a published
    version or a newer version. Codes are listed with --list and in docs/checks.md;
    [tool.bibnorm.check] select/ignore in pyproject.toml set the defaults.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

    \b
    Examples:
      bibnorm check refs.bib
      bibnorm check --offline --ignore BN305,BN602 refs.bib
      bibnorm check --json --select BN2 *.bib
    """
    if list_checks:
        for check in CHECKS:
            marker = " (online)" if check.online else ""
            click.echo(f"{check.code}  {check.name:<20} {check.severity.value:<8} {check.summary}{marker}")
        return
    if not files:
        raise UsageError("give at least one .bib file (or --list)")
    config = check_config(select, ignore)
    quiet_bibtexparser()
    entry_findings: list[Finding] = []
    indexes: list[FileIndex] = []
    for path in files:
        found, index = scan_text(read_text(path), path, config, jobs=jobs)
        entry_findings += found
        indexes.append(index)
    online = None
    wants_online = any(config.enabled(c.code) for c in CHECKS if c.online)
    if wants_online and not offline:
        settings = load_settings({"offline": offline})
        if not settings.offline:
            online = online_facts(indexes, settings, config)
    findings = finish_checks(entry_findings, indexes, config, online)
    if json_out:
        click.echo(json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False))
    else:
        click.echo("".join(f"{finding}\n" for finding in findings), nl=False)
    if not quiet:
        click.echo(_summary(findings, len(files)), err=True)
    has_errors = any(f.severity is Severity.ERROR for f in findings)
    raise SystemExit(EXIT_FATAL if has_errors else EXIT_OK)
