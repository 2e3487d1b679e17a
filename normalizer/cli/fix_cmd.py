"""``bibnorm fix``: apply the safe fixes ``check`` suggests, as a diff or in place (one
`bibnorm.fix` call; the files written and the diffs printed here)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path

import click
from bibnorm.api.fixing import UPGRADE_CHECKS, PublishedVersions, fix
from bibnorm.cli._files import write_files_report
from bibnorm.cli._options import (
    UserPath,
    asking_options,
    bst_option,
    in_place_option,
    journal_names_option,
    json_option,
)
from bibnorm.config import load_settings
from bibnorm.errors import UsageError
from bibnorm.io import STDIO, write_stdout
from bibnorm.models import Reference
from bibnorm.sources.preprints import online_facts


@click.command("fix")
@click.argument("files", nargs=-1, required=True, type=UserPath(), metavar="FILE.bib...")
@in_place_option
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
@bst_option
@json_option("Print what was found as JSON, each file's diff in it (stdout holds only that).")
def command(
    files: tuple[str, ...],
    in_place: bool,
    upgrade_preprints: bool,
    offline: bool | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
    journal_names: str | None,
    bst: str | None,
    json_out: bool,
) -> None:
    """Apply the safe fixes to .bib files; show a unified diff unless --in-place.

    Safe fixes: canonical formatting (as `bibnorm format`, journal names included when
    --journal-names or journal_names in the config asks), bare DOIs in `doi`,
    https://arxiv.org/abs/ and https://doi.org/ URLs, canonical code links. With
    --upgrade-preprints, arXiv entries with a published version become that
    version (venue, year, pages, DOI); the arXiv id stays in `eprint` and a
    `bibnorm-upgrade` field says where the new data came from. With --bst STYLE (or
    bst in the config), each DOI and arXiv id goes where that BibTeX style prints it,
    exactly once.

    With --json, stdout is one JSON object: "files", one object a file in the order
    given, with "path", "changed" (a fix applies), "written" (--in-place rewrote it)
    and "diff" (the unified diff of the fixes, "" when none); then "changed" and
    "unchanged", the counts.

    \b
    Examples:
      bibnorm fix refs.bib                              # show what would change
      bibnorm fix --upgrade-preprints --in-place refs.bib
      bibnorm fix --bst IEEEtran refs.bib               # ids where IEEEtran prints them
      bibnorm fix --json refs.bib                       # the same, as JSON
    """
    if in_place and STDIO in files:
        raise UsageError("--in-place cannot rewrite stdin")
    settings = load_settings({"journal_names": journal_names, "bst": bst})
    asking = {"offline": offline, "s2_api_key": s2_api_key, "cache_dir": cache_dir}
    upgrade = published_versions(asking) if upgrade_preprints else None
    reports = []
    for fixed in fix(files, settings, published_versions=upgrade):
        # A file not UTF-8 throughout keeps its bytes (``KeptEncoding``): so does its diff.
        diff_bytes = fixed.diff().encode("utf-8", "surrogateescape")
        if in_place and fixed.changed:
            fixed.write()
            click.echo(f"fixed {fixed.path}", err=True)
        elif not (in_place or json_out):
            write_stdout(diff_bytes)
        diff = diff_bytes.decode("utf-8", "replace")
        written = in_place and fixed.changed
        reports.append({"path": fixed.path, "changed": fixed.changed, "written": written, "diff": diff})
    if json_out:
        write_files_report(reports)


def published_versions(asking: Mapping[str, object]) -> PublishedVersions:
    """``--upgrade-preprints``: what asks the sources for the published versions (`online_facts`)."""

    def ask(wanted: Mapping[str, int | None]) -> Mapping[str, Reference]:
        settings = load_settings(dict(asking))
        facts = online_facts(
            sorted(wanted), [], settings, UPGRADE_CHECKS, notify=partial(click.echo, err=True)
        )
        return facts.published if facts else {}

    return ask
