"""``bibnorm index``: build and inspect the local indexes (the arXiv snapshot, dblp)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from bibnorm.cli._options import UserPath
from bibnorm.cli._progress import progress_for, progress_option
from bibnorm.config import Settings, load_settings
from bibnorm.errors import UsageError
from bibnorm.io import Role, refuse_clashes
from bibnorm.resolve.progress import Progress

# One figure `index info` shows: its JSON key, its label in the text (None: in the JSON only), its
# value (None, "" or an empty list or table: "unknown" in the text, as they are in the JSON).
Figure = tuple[str, str | None, Any]


@dataclass(frozen=True)
class IndexKind:
    """One kind of local index: how to tell its dump, where it goes, how to build and show it."""

    name: str
    is_dump: Callable[[Path], bool]
    default_path: Callable[[Settings], Path]
    build: Callable[[Sequence[Path], Path, int | None, Path | None, Progress], list[str]]  # what it did
    info: Callable[[Path], list[Figure]]


def _is_dblp_dump(path: Path) -> bool:
    from bibnorm.resolvers.dblp_index import is_dblp_dump

    return is_dblp_dump(path)


def _build_snapshot(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> list[str]:
    from bibnorm.resolvers.snapshot import build_index

    if dtd is not None:
        raise UsageError("--dtd is for a dblp dump; arXiv snapshot files have no DTD")
    stats = build_index(list(files), target, progress=progress, jobs=jobs)
    lines = [f"skipped {example}" for example in stats.examples]
    if stats.skipped > len(stats.examples):
        lines.append(f"... and {stats.skipped - len(stats.examples)} more skipped lines")
    if stats.replaced:
        lines.append(f"{stats.replaced} ids appeared more than once; the later line was kept")
    return [
        *lines,
        f"wrote {target}",
        f"indexed {stats.records} records ({stats.skipped} skipped) in {stats.seconds:.1f} s",
    ]


def _build_dblp(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> list[str]:
    from bibnorm.resolvers.dblp_index import build_dblp_index

    if len(files) != 1:
        raise UsageError("give one dblp dump (dblp.xml.gz) at a time")
    stats = build_dblp_index(files[0], target, dtd=dtd, progress=progress, jobs=jobs)
    lines = [f"skipped {example}" for example in stats.examples]
    if stats.skipped > len(stats.examples):
        lines.append(f"... and {stats.skipped - len(stats.examples)} more skipped records")
    return [
        *lines,
        f"wrote {target}",
        f"indexed {stats.records} records and {stats.proceedings} proceedings ({stats.skipped} skipped) "
        f"of the dump of {stats.dump_date or 'unknown date'} in {stats.seconds:.1f} s",
    ]


def _snapshot_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.snapshot import index_info

    described = index_info(path)
    return [
        ("kind", None, "snapshot"),
        ("path", "path", str(described.path)),
        ("schema_version", "schema version", described.schema_version),
        ("records", "records", described.records),
        ("built_at", "built at", described.built_at),
        ("sources", "sources", list(described.sources)),
    ]


def _dblp_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.dblp_index import dblp_index_info

    described = dblp_index_info(path)
    return [
        ("path", "path", str(described.path)),
        ("kind", "kind", "dblp"),
        ("schema_version", "schema version", described.schema_version),
        ("records", "records", described.records),
        ("proceedings", "proceedings", described.proceedings),
        ("dump", "dump", described.dump),
        ("dump_date", "dump date", described.dump_date),
        ("built_at", "built at", described.built_at),
        ("elements", "elements in the dump", dict(described.elements)),
    ]


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = [f"{name} {count}" for name, count in value.items()]
    if isinstance(value, list):
        value = ", ".join(value)
    return str(value) if isinstance(value, int) or value else "unknown"


def _info_text(figures: list[Figure]) -> str:
    return "\n".join(f"{label}: {_shown(value)}" for _, label, value in figures if label is not None)


def _is_works_snapshot(path: Path) -> bool:
    from bibnorm.resolvers.openalex_works import is_works_snapshot

    return is_works_snapshot(path)


def _build_works(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> list[str]:
    from bibnorm.resolvers.openalex_works import build_works_index

    if dtd is not None:
        raise UsageError("--dtd is for a dblp dump; the OpenAlex works snapshot has no DTD")
    stats = build_works_index(list(files), target, progress=progress, jobs=jobs)
    return [
        *(f"skipped {example}" for example in stats.examples),
        f"wrote {target}",
        f"indexed {stats.records} OpenAlex works ({stats.skipped} skipped) in {stats.seconds:.1f} s",
    ]


def _works_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.openalex_works import OpenAlexWorks

    works = OpenAlexWorks(path)
    try:
        meta = dict(works.connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        works.close()
    return [
        ("path", "path", str(path)),
        ("kind", "kind", "openalex-works"),
        ("schema_version", "schema version", meta.get("schema_version")),
        ("records", "records", meta.get("records")),
    ]


def _is_retraction_watch(path: Path) -> bool:
    from bibnorm.resolvers.retraction_watch import is_retraction_watch

    return is_retraction_watch(path)


def _build_retractions(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> list[str]:
    from bibnorm.resolvers.retraction_watch import build_retraction_index

    stats = build_retraction_index(list(files), target, progress=progress)
    return [
        *(f"skipped {example}" for example in stats.examples),
        f"wrote {target}",
        f"indexed {stats.records} notices ({stats.skipped} skipped) in {stats.seconds:.1f} s",
    ]


# Registry: the first kind whose `is_dump` accepts the input builds it; the snapshot takes the rest.
INDEX_KINDS: dict[str, IndexKind] = {
    "dblp": IndexKind("dblp", _is_dblp_dump, lambda s: s.default_dblp_index, _build_dblp, _dblp_info),
    "retraction-watch": IndexKind(
        "retraction-watch",
        _is_retraction_watch,
        lambda s: s.default_retraction_watch,
        _build_retractions,
        lambda path: [("path", "path", str(path)), ("kind", "kind", "retraction-watch")],
    ),
    "openalex-works": IndexKind(
        "openalex-works", _is_works_snapshot, lambda s: s.default_openalex_works, _build_works, _works_info
    ),
    "snapshot": IndexKind(
        "snapshot", lambda _: True, lambda s: s.default_index, _build_snapshot, _snapshot_info
    ),
}


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
    """


def _kind_of(files: Sequence[Path]) -> IndexKind:
    kinds = {next(kind for kind in INDEX_KINDS.values() if kind.is_dump(path)).name for path in files}
    if len(kinds) > 1:
        raise UsageError("give the files of one index at a time (a dblp dump, or arXiv snapshot files)")
    return INDEX_KINDS[kinds.pop()]


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
    kind = _kind_of(files)
    target = output or kind.default_path(load_settings())
    inputs = [*files, *([dtd] if dtd is not None else [])]
    refuse_clashes(
        [Role("-o/--output" if output else "the index", target)], [Role("an input", path) for path in inputs]
    )
    with progress_for(quiet=False, wanted=show_progress) as progress:
        said = kind.build(files, target, jobs, dtd, progress)
    for line in said:
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
    from bibnorm.resolvers import index_kind

    if index is not None:
        kind = INDEX_KINDS["snapshot"] if not index.is_file() else INDEX_KINDS.get(index_kind(index))
        if kind is None:
            raise UsageError(f"{index}: an index of an unknown kind")
        blocks = [kind.info(index)]
    else:
        settings = load_settings()
        paths = [(kind, kind.default_path(settings)) for kind in INDEX_KINDS.values()]
        shown = [kind.info(path) for kind, path in paths if path.is_file()]
        # With none built, the snapshot's own message says where it was looked for and what to do.
        blocks = shown or [INDEX_KINDS["snapshot"].info(settings.default_index)]
    if json_out:
        objects = [{key: value for key, _, value in figures} for figures in blocks]
        click.echo(json.dumps(objects, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(_info_text(figures) for figures in blocks))
