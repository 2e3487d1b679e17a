"""``bibnorm fix``: apply the safe fixes ``check`` suggests, as a diff or in place."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

import click
from bibnorm.api.settings import format_options
from bibnorm.bib.bibfile import render
from bibnorm.bib.checks.base import CheckConfig, arxiv_ids, index_file
from bibnorm.bib.fix import apply_fixes
from bibnorm.cli._options import UserPath, asking_options, journal_names_option
from bibnorm.cli.format_cmd import (
    read_files,
    unified_diff,
    write_files_report,
    write_safely,
)
from bibnorm.config import load_settings
from bibnorm.errors import UsageError
from bibnorm.io import STDIO, write_stdout
from bibnorm.sources.preprints import online_facts


@click.command("fix")
@click.argument("files", nargs=-1, required=True, type=UserPath(), metavar="FILE.bib...")
@click.option(
    "-i",
    "--in-place",
    is_flag=True,
    help="Rewrite the files (atomically, refusing if an entry would be lost).",
)
@click.option(
    "--upgrade-preprints",
    is_flag=True,
    help=(
        "Cite the published version of arXiv preprints that have one (asks Semantic Scholar, cached,"
        " and the local dblp index when one was built; Crossref dates it)."
    ),
)
@asking_options("--upgrade-preprints answers from the HTTP cache and the local dblp index only.")
@journal_names_option
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help="Print what was found as JSON, each file's diff in it (stdout holds only that).",
)
def command(
    files: tuple[str, ...],
    in_place: bool,
    upgrade_preprints: bool,
    offline: bool | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
    journal_names: str | None,
    json_out: bool,
) -> None:
    """Apply the safe fixes to .bib files; show a unified diff unless --in-place.

    Safe fixes: canonical formatting (as `bibnorm format`, journal names included when
    --journal-names or journal_names in the config asks), bare DOIs in `doi`,
    https://arxiv.org/abs/ and https://doi.org/ URLs, canonical code links. With
    --upgrade-preprints, arXiv entries with a published version become that
    version (venue, year, pages, DOI); the arXiv id stays in `eprint` and a
    `bibnorm-upgrade` field says where the new data came from.

    With --json, stdout is one JSON object: "files", one object a file in the order
    given, with "path", "changed" (a fix applies), "written" (--in-place rewrote it)
    and "diff" (the unified diff of the fixes, "" when none); then "changed" and
    "unchanged", the counts.

    \b
    Examples:
      bibnorm fix refs.bib                              # show what would change
      bibnorm fix --upgrade-preprints --in-place refs.bib
      bibnorm fix --json refs.bib                       # the same, as JSON
    """
    if in_place and STDIO in files:
        raise UsageError("--in-place cannot rewrite stdin")
    options = format_options(journal_names=journal_names)
    loaded = read_files(files)
    published = None
    if upgrade_preprints:
        settings = load_settings({"offline": offline, "s2_api_key": s2_api_key, "cache_dir": cache_dir})
        config = CheckConfig(select=("BN501",))
        wanted = arxiv_ids(index_file(b, config) for _, b in loaded)
        facts = online_facts(sorted(wanted), [], settings, config, notify=partial(click.echo, err=True))
        published = facts.published if facts else {}
    by_dblp = any(record.provenance.get("venue") == "dblp" for record in (published or {}).values())
    sources = "Semantic Scholar and dblp" if by_dblp else "Semantic Scholar"
    note = f"{sources}, {date.today().isoformat()}" if upgrade_preprints else ""
    reports = []
    for text, bibfile in loaded:
        fixed = render(apply_fixes(bibfile, published, note), options)
        diff = unified_diff(bibfile.path, text, fixed)
        if in_place and fixed != text:
            write_safely(bibfile.path, bibfile, fixed)
            click.echo(f"fixed {bibfile.path}", err=True)
        elif not (in_place or json_out):
            write_stdout(diff)
        written = in_place and fixed != text
        reports.append({"path": bibfile.path, "changed": fixed != text, "written": written, "diff": diff})
    if json_out:
        write_files_report(reports)
