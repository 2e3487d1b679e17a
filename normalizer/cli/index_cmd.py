"""``bibnorm index``: build and inspect the local arXiv snapshot index."""

from __future__ import annotations

from pathlib import Path

import click

from normalizer.cli._options import UserPath
from normalizer.cli._progress import progress_for, progress_option
from normalizer.config import load_settings
from normalizer.io import Role, refuse_clashes
from resolvers.snapshot import build_index, index_info


def default_index_path() -> Path:
    """Where the index goes when no ``-o`` is given: the ``snapshot`` setting, else the cache folder."""
    return load_settings().default_index


@click.group("index")
def command() -> None:
    """Build and inspect the local arXiv snapshot index.

    The index is an SQLite file made from the arXiv metadata snapshot (the Kaggle
    "arXiv Dataset" JSON-lines file); with it, most arXiv papers resolve offline.

    \b
    Example:
      bibnorm index build arxiv-metadata-oai-snapshot.json
    """


@command.command("build")
@click.argument("files", nargs=-1, required=True, type=UserPath(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=UserPath(dir_okay=False, path_type=Path),
    help="Index file to write [default: $BIBNORM_SNAPSHOT, else <cache dir>/snapshot.sqlite]; "
    "an existing file is replaced only if it is a bibnorm index (or empty).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes parsing and compressing lines; 1 builds in this process alone "
    "[default: one per core for inputs of 32 MB or more].",
)
@progress_option
def build(files: tuple[Path, ...], output: Path | None, jobs: int | None, show_progress: bool | None) -> None:
    """Build a snapshot index from arXiv metadata JSON-lines FILES (.gz works too).

    Files are streamed line by line; lines that are not JSON objects or lack an
    id or title are skipped and counted. When an id appears twice, the later line
    wins. The index is written to a temporary file and moved into place at the
    end, so an interrupted build leaves the previous index untouched. The index
    is the same whatever --jobs is. A file that is not a bibnorm index (an input,
    a .bib, another database) is never replaced.

    \b
    Example:
      bibnorm index build arxiv-metadata-oai-snapshot.json -o ~/arxiv.sqlite --jobs 2
    """
    target = output or default_index_path()
    refuse_clashes(
        [Role("-o/--output" if output else "the index", target)], [Role("an input", path) for path in files]
    )
    with progress_for(quiet=False, wanted=show_progress) as progress:
        stats = build_index(list(files), target, progress=progress, jobs=jobs)
    for example in stats.examples:
        click.echo(f"skipped {example}", err=True)
    if stats.skipped > len(stats.examples):
        click.echo(f"... and {stats.skipped - len(stats.examples)} more skipped lines", err=True)
    if stats.replaced:
        click.echo(f"{stats.replaced} ids appeared more than once; the later line was kept", err=True)
    click.echo(f"wrote {target}", err=True)
    click.echo(
        f"indexed {stats.records} records ({stats.skipped} skipped) in {stats.seconds:.1f} s", err=True
    )


@command.command("info")
@click.argument("index", required=False, type=UserPath(dir_okay=False, path_type=Path))
def info(index: Path | None) -> None:
    """Show what a snapshot INDEX holds [default: the configured index].

    \b
    Example:
      bibnorm index info ~/arxiv.sqlite
    """
    described = index_info(index or default_index_path())
    click.echo(f"path: {described.path}")
    click.echo(f"schema version: {described.schema_version}")
    click.echo(f"records: {described.records}")
    click.echo(f"built at: {described.built_at or 'unknown'}")
    click.echo(f"sources: {', '.join(described.sources) or 'unknown'}")
