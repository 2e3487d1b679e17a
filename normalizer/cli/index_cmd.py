"""``bibnorm index``: build and inspect the local indexes (the arXiv snapshot, dblp), through
`bibnorm.api.indexes`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from bibnorm.api.indexes import build_index, fetch_dblp, index_info, plan_index
from bibnorm.cli._options import UserPath
from bibnorm.cli._progress import progress_for, progress_option


@click.group("index")
def command() -> None:
    """Build and inspect the local indexes: the arXiv snapshot and dblp.

    The snapshot index is an SQLite file made from the arXiv metadata snapshot (the
    Kaggle "arXiv Dataset" JSON-lines file); with it, most arXiv papers resolve
    offline. The dblp index is made from dblp's XML dump (dblp.xml.gz with its
    dblp.dtd); with it, published versions of computer-science papers come without
    waiting for dblp's search.

    \b
    Example:
      bibnorm index build arxiv-metadata-oai-snapshot.json
      bibnorm index build dblp.xml.gz
      bibnorm index fetch dblp
    """


@command.command("build")
@click.argument("files", nargs=-1, required=True, type=UserPath(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=UserPath(dir_okay=False, path_type=Path),
    help="Index file to write [default: $BIBNORM_SNAPSHOT, else <cache dir>/snapshot.sqlite; for a dblp "
    "dump $BIBNORM_DBLP_INDEX, else <cache dir>/dblp.sqlite]; an existing file is replaced only if it "
    "is a bibnorm index (or empty).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes parsing and compressing records; 1 builds in this process alone "
    "[default: one per core for big inputs].",
)
@click.option(
    "--dtd",
    type=UserPath(dir_okay=False, path_type=Path),
    help="dblp.dtd for a dblp dump [default: the DTD its DOCTYPE names, beside the dump].",
)
@progress_option
def build(
    files: tuple[Path, ...],
    output: Path | None,
    jobs: int | None,
    dtd: Path | None,
    show_progress: bool | None,
) -> None:
    """Build an index from arXiv metadata JSON-lines FILES (.gz works too) or a dblp XML dump.

    The kind is told from the input: dblp's dump (dblp.xml.gz, with dblp.dtd beside it,
    from https://dblp.org/xml/) builds the dblp index; anything else is read as arXiv
    snapshot lines. Inputs are streamed, never loaded whole; records that cannot be
    used (no id or title; no key or title) are skipped and counted; snapshot lines of
    which none is a record, and a dblp dump with no publication, are refused (exit 1).
    The index is written to a temporary file and moved into place at the end, so an interrupted or failed
    build leaves the previous index untouched. The index is the same whatever --jobs is.
    A file that is not a bibnorm index (an input, a .bib, another database) is never
    replaced.

    \b
    Example:
      bibnorm index build arxiv-metadata-oai-snapshot.json -o ~/arxiv.sqlite --jobs 2
      bibnorm index build dblp.xml.gz                       # dblp.dtd beside it
    """
    plan = plan_index(files, output=output, dtd=dtd)  # refusals before the progress display starts
    with progress_for(quiet=False, wanted=show_progress) as progress:
        built = build_index(plan, jobs=jobs, progress=progress)
    for line in built.lines:
        click.echo(line, err=True)


@command.command("fetch")
@click.argument("source", type=click.Choice(["dblp"]))
@click.option(
    "--to",
    "folder",
    type=UserPath(file_okay=False, path_type=Path),
    help="Folder the dump and its DTD are downloaded to [default: <cache dir>/dblp-dump].",
)
@click.option(
    "--from",
    "base_url",
    metavar="URL",
    help="The folder dblp publishes its dump in [default: https://dblp.org/xml/; a mirror: "
    "https://dblp.uni-trier.de/xml/].",
)
@click.option(
    "-o",
    "--output",
    type=UserPath(dir_okay=False, path_type=Path),
    help="Index file to write [default: $BIBNORM_DBLP_INDEX, else <cache dir>/dblp.sqlite].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes building the index [default: one per core].",
)
@progress_option
def fetch(
    source: str,
    folder: Path | None,
    base_url: str | None,
    output: Path | None,
    jobs: int | None,
    show_progress: bool | None,
) -> None:
    """Download SOURCE's dump and build its index: dblp's dblp.xml.gz and dblp.dtd.

    The dump (about 1 GB) is checked against the MD5 checksum dblp publishes beside
    it; an interrupted download is resumed by running the command again; the folder's
    free space is checked first (the dump and the index built from it). A dump already
    there that is dblp's current one is not downloaded again. Then the index is built
    as by 'bibnorm index build', and the last line says where it is.

    \b
    Example:
      bibnorm index fetch dblp
      bibnorm index fetch dblp --to /data/dblp -o /shared/idx/dblp.sqlite
    """
    from bibnorm.config import load_settings
    from bibnorm.resolvers.session import build_download_session

    settings = load_settings()
    with progress_for(quiet=False, wanted=show_progress) as progress:
        built = fetch_dblp(
            folder or settings.cache_dir / "dblp-dump",
            build_download_session,
            base_url=base_url,
            output=output,
            jobs=jobs,
            settings=settings,
            progress=progress,
        )
    for line in built.lines:
        click.echo(line, err=True)


@command.command("info")
@click.argument("index", required=False, type=UserPath(dir_okay=False, path_type=Path))
@click.option(
    "--json", "json_out", is_flag=True, help="Print the figures as a JSON array, one object an index."
)
def info(index: Path | None, json_out: bool) -> None:
    """Show what an INDEX holds [default: the configured snapshot and dblp indexes].

    A dblp index says which dump it was built from and that dump's date: papers
    published after it are asked of dblp online.

    With --json, stdout is an array of one object for each index shown: "kind"
    ("snapshot" or "dblp"), "path", "schema_version", "records", "built_at" (null when
    unknown); a snapshot adds "sources" (the files it was built from), a dblp index
    "proceedings", "dump", "dump_date" and "elements" (records of each kind in the dump).

    \b
    Example:
      bibnorm index info ~/arxiv.sqlite
      bibnorm index info                     # every index bibnorm would use
      bibnorm index info --json
    """
    shown = index_info(index)
    if json_out:
        click.echo(json.dumps([figures.as_json() for figures in shown], indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(figures.text() for figures in shown))
