"""``bibnorm format``: canonical, deterministic layout of existing ``.bib`` files.

Also home of the helpers ``check`` and ``fix`` share: the ``[tool.bibnorm]`` options
they take from the configuration file (and, for ``fix``, reading the files whole).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from normalizer.bib.bibfile import (
    BibFile,
    Census,
    FormatOptions,
    RenderedBlock,
    assert_nothing_lost,
    dominant_newline,
    join_rendered,
    parse_bibtex,
    render_blocks,
)
from normalizer.cli import EXIT_FATAL, EXIT_OK
from normalizer.cli._options import UserPath, jobs_option, journal_names_option
from normalizer.config import find_config_file
from normalizer.errors import ConfigError, UsageError, shown
from normalizer.io import STDIO, read_text, write_atomic, write_stdout


def config_table(section: str | None = None) -> Mapping[str, Any]:
    """The ``[tool.bibnorm]`` table (or its ``section`` sub-table) of the nearest config file."""
    found = find_config_file(Path.cwd())
    table: Mapping[str, Any] = found[1] if found else {}
    if section is None:
        return table
    sub = table.get(section, {})
    if not isinstance(sub, dict):
        raise ConfigError(f"[tool.bibnorm.{section}] must be a table")
    return sub


def format_options(sort: bool | None = None, journal_names: str | None = None) -> FormatOptions:
    """`FormatOptions` from ``[tool.bibnorm.format]`` (``indent``, ``align``, ``sort``,
    ``month-macros``, ``field-order``) and the top-level ``journal_names`` setting, with
    ``--sort`` and ``--journal-names`` on top."""
    table = {k.replace("-", "_"): v for k, v in config_table("format").items()}
    if isinstance(table.get("field_order"), list):
        table["field_order"] = tuple(str(name).lower() for name in table["field_order"])
    if sort is not None:
        table["sort"] = sort
    configured = config_table().get("journal_names", config_table().get("journal-names"))
    if journal_names or configured:
        table["journal_names"] = journal_names or configured
    try:
        return FormatOptions(**table)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]).replace("_", "-")
        key = key if len(key) <= 40 else shown(key, 40)  # a 5 MB key is not echoed whole
        found = find_config_file(Path.cwd())
        where = f"{found[0]}: " if found else ""
        reason = first["msg"].removeprefix("Value error, ")
        section = "" if key == "journal-names" else ".format"
        raise ConfigError(f"{where}invalid [tool.bibnorm{section}] {key}: {reason}") from None


def read_files(paths: Sequence[str]) -> list[tuple[str, BibFile]]:
    """Each file's text and parsed form, in the order given."""
    out = []
    for path in paths:
        text = read_text(path)
        out.append((text, parse_bibtex(text, path)))
    return out


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff between two versions of a file ("" when equal)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def write_safely(path: str, before: BibFile | Census, text: str, jobs: int | None = None) -> None:
    """Replace ``path`` with ``text`` after asserting no entry is lost (atomic write)."""
    from normalizer.bib.parallel import map_pieces

    after = Census.total(map_pieces(text, path, lambda piece: Census.of(piece.blocks), jobs=jobs))
    assert_nothing_lost(before, after, path)
    write_atomic(path, text)


def format_text(text: str, path: str, options: FormatOptions, jobs: int | None = None) -> tuple[str, Census]:
    """``text`` in the canonical style, and the census of what it held (for `write_safely`)."""
    from normalizer.bib.parallel import map_pieces

    work = functools.partial(render_blocks, options=options)
    blocks: list[RenderedBlock] = [b for piece in map_pieces(text, path, work, jobs=jobs) for b in piece]
    return join_rendered(blocks, options, dominant_newline(text)), Census.of(blocks)


# From this size on, a file formatted to stdout is written piece by piece as it is rendered.
STREAM_MIN_CHARS = 32 * 2**20


def write_formatted(text: str, path: str, options: FormatOptions, jobs: int | None = None) -> None:
    """Write `format_text`'s text to stdout piece by piece: the memory of a few pieces' blocks,
    not of the whole file's (9 KB an entry). Not for ``options.sort``, which needs every key.
    Output already written stays written if a later piece fails (the error says so on stderr)."""
    from normalizer.bib.parallel import iter_pieces

    newline = options.newline or dominant_newline(text)
    work = functools.partial(render_blocks, options=options)
    written = False
    for blocks in iter_pieces(text, path, work, jobs=jobs):
        # `join_rendered`'s text, a piece at a time: blocks one blank line apart, a final newline.
        texts = [block.text for block in blocks if block.text]
        if texts:
            piece = ("\n\n" if written else "") + "\n\n".join(texts)
            write_stdout(piece.replace("\n", newline) if newline != "\n" else piece)
            written = True
    if written:
        write_stdout(newline)


@click.command("format")
@click.argument("files", nargs=-1, required=True, type=UserPath(), metavar="FILE.bib...")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes instead of the files."
)
@click.option(
    "-i",
    "--in-place",
    is_flag=True,
    help="Rewrite the files (atomically, refusing if an entry would be lost).",
)
@click.option("--sort/--no-sort", default=None, help="Sort entries by key (@string/@preamble stay first).")
@journal_names_option
@jobs_option
def command(
    files: tuple[str, ...],
    check_only: bool,
    show_diff: bool,
    in_place: bool,
    sort: bool | None,
    journal_names: str | None,
    jobs: int | None,
) -> None:
    """Format .bib files canonically: the same input always gives the same bytes.

    Lower-case types and field names, fields in a fixed order (author, title, venue,
    ..., year, month, doi, url; unknown fields after, as written), aligned `=`, every
    value in braces (macros and `#` concatenations kept), month macros (`month = mar`),
    one blank line between blocks, UTF-8. Comments, @string, @preamble and unknown
    fields are kept; blocks that cannot be parsed are kept verbatim. Formatting a
    formatted file changes nothing. Journal names change only with --journal-names
    (or journal_names in the config).

    \b
    Examples:
      bibnorm format refs.bib > tidy.bib        # one file to stdout
      bibnorm format --in-place refs.bib        # rewrite in place
      bibnorm format --check --diff *.bib       # CI: show drift, exit 1 if any
      bibnorm format --journal-names abbreviated refs.bib   # Phys. Rev. Lett., CVPR
    """
    if len(files) > 1 and not (check_only or show_diff or in_place):
        raise UsageError("several files need --in-place, --check or --diff (stdout takes one file)")
    if in_place and STDIO in files:
        raise UsageError("--in-place cannot rewrite stdin")
    options = format_options(sort, journal_names)
    changed: list[str] = []
    for path in files:
        text = read_text(path)
        if len(text) >= STREAM_MIN_CHARS and not (check_only or show_diff or in_place or options.sort):
            write_formatted(text, path, options, jobs)
            continue
        formatted, census = format_text(text, path, options, jobs)
        if formatted != text:
            changed.append(path)
        if show_diff:
            write_stdout(unified_diff(path, text, formatted))
        if in_place and formatted != text:
            write_safely(path, census, formatted, jobs)
        elif not (check_only or show_diff or in_place):
            write_stdout(formatted)  # the input file stays as it was: nothing to guard
    for path in changed:
        verb = "reformatted" if in_place else "would reformat"
        if check_only or in_place:
            click.echo(f"{verb} {path}", err=True)
    if check_only:
        unchanged = len(files) - len(changed)
        click.echo(f"{len(changed)} file(s) would be reformatted, {unchanged} already formatted", err=True)
        raise SystemExit(EXIT_FATAL if changed else EXIT_OK)
