"""``bibnorm format``: canonical, deterministic layout of existing ``.bib`` files.

Also home of the helpers ``fix`` shares (reading the files whole, writing them safely).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import click
from bibnorm.api.settings import format_options
from bibnorm.bib.bibfile import (
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
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._options import UserPath, jobs_option, journal_names_option
from bibnorm.errors import UsageError
from bibnorm.io import (
    STDIO,
    KeptEncoding,
    decode_kept,
    decode_text,
    read_bytes,
    read_text,
    write_atomic,
    write_stdout,
)


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


def write_safely(
    path: str,
    before: BibFile | Census,
    text: str,
    jobs: int | None = None,
    encoding: KeptEncoding | None = None,
) -> None:
    """Replace ``path`` with ``text`` after asserting no entry is lost (atomic write), in
    ``encoding`` (default UTF-8)."""
    from bibnorm.bib.parallel import map_pieces

    after = Census.total(map_pieces(text, path, lambda piece: Census.of(piece.blocks), jobs=jobs))
    assert_nothing_lost(before, after, path)
    write_atomic(path, encoding.encode(text) if encoding is not None else text)


def read_for_format(path: str, convert: bool) -> tuple[bytes, str, KeptEncoding]:
    """A file's bytes, its text and the encoding to write it back in.

    By default the encoding is kept byte for byte (`bibnorm.io.KeptEncoding`): BibTeX
    reads bytes, and a Latin-1 file re-encoded would typeset differently. ``convert``
    (``--encoding utf-8``) reads a legacy file as `read_text` does and writes UTF-8.
    """
    data = read_bytes(path)
    name = "<stdin>" if path == STDIO else path
    if convert:
        return data, decode_text(data, name), KeptEncoding()
    text, encoding = decode_kept(data, name)
    if encoding.legacy:
        click.echo(
            f"bibnorm: note: {name}: not UTF-8 throughout: its bytes are kept as they are "
            "(--encoding utf-8 converts it, reading them as Windows-1252)",
            err=True,
        )
    return data, text, encoding


def format_text(
    text: str, path: str, options: FormatOptions, jobs: int | None = None
) -> tuple[str, Census, list[str]]:
    """``text`` in the canonical style, the census of what it held (for `write_safely`), and
    ``line: why`` of each block kept as it was."""
    from bibnorm.bib.parallel import map_pieces

    work = functools.partial(render_blocks, options=options)
    blocks: list[RenderedBlock] = [b for piece in map_pieces(text, path, work, jobs=jobs) for b in piece]
    kept = [block.note for block in blocks if block.note]
    return join_rendered(blocks, options, dominant_newline(text)), Census.of(blocks), kept


def write_files_report(files: Sequence[Mapping[str, Any]]) -> None:
    """``format --json`` and ``fix --json``: one object a file (each with ``changed``), and the
    counts of files changed and unchanged, as one JSON object on stdout."""
    changed = sum(1 for file in files if file["changed"])
    report = {"files": list(files), "changed": changed, "unchanged": len(files) - changed}
    write_stdout(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


# From this size on, a file formatted to stdout is written piece by piece as it is rendered.
STREAM_MIN_CHARS = 32 * 2**20


def write_formatted(
    text: str, path: str, options: FormatOptions, kept: KeptEncoding, jobs: int | None = None
) -> None:
    """Write `format_text`'s text to stdout piece by piece, in the file's own encoding
    (``kept``): the memory of a few pieces' blocks, not of the whole file's (9 KB an entry).
    Not for ``options.sort``, which needs every key. Output already written stays written if
    a later piece fails (the error says so on stderr)."""
    from bibnorm.bib.parallel import iter_pieces

    newline = options.newline or dominant_newline(text)
    work = functools.partial(render_blocks, options=options)
    written = False
    for blocks in iter_pieces(text, path, work, jobs=jobs):
        for block in blocks:
            if block.note:
                click.echo(f"bibnorm: note: {path}:{block.note} (kept as it is)", err=True)
        # `join_rendered`'s text, a piece at a time: blocks one blank line apart, a final newline.
        texts = [block.text for block in blocks if block.text]
        if texts:
            piece = ("\n\n" if written else "") + "\n\n".join(texts)
            piece = piece.replace("\n", newline) if newline != "\n" else piece
            # The byte-order mark, if the file had one, goes before the first piece only.
            write_stdout((kept if not written else replace(kept, bom=False)).encode(piece))
            written = True
    if written:
        write_stdout(replace(kept, bom=False).encode(newline))


@click.command("format")
@click.argument("files", nargs=-1, required=True, type=UserPath(), metavar="FILE.bib...")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 3 if any file would change.")
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
@click.option(
    "--month-macros/--no-month-macros",
    default=None,
    help="Write months as BibTeX's macros (month = {March} -> mar). Changes the printed month "
    "with styles whose macros differ from the text ('{jan}' prints 'January' as jan).",
)
@click.option(
    "--encoding",
    type=click.Choice(["keep", "utf-8"]),
    default="keep",
    show_default=True,
    help="keep: write each file's bytes in the encoding they had; utf-8: convert Latin-1 "
    "(Windows-1252) and mixed files to UTF-8.",
)
@jobs_option
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help="With --check or --in-place: print what was found as JSON (stdout holds only that).",
)
def command(
    files: tuple[str, ...],
    check_only: bool,
    show_diff: bool,
    in_place: bool,
    sort: bool | None,
    journal_names: str | None,
    month_macros: bool | None,
    encoding: str,
    jobs: int | None,
    json_out: bool,
) -> None:
    """Format .bib files canonically without changing what BibTeX typesets.

    Lower-case types and field names, fields in a fixed order (author, title, venue,
    ..., year, month, doi, url; unknown fields after, as written), aligned `=`, every
    value in braces (macros and `#` concatenations kept), one blank line between blocks.
    Only what BibTeX ignores changes: the values BibTeX stores are the same, and the
    file keeps its encoding. Comments, @string, @preamble and unknown fields are kept; a
    block BibTeX cannot read as meant (see `bibnorm check`, BN1xx) is kept byte for byte
    and named once on stderr. Formatting a formatted file changes nothing. Journal names
    change only with --journal-names (or journal_names in the config).

    With --json (and --check or --in-place), stdout is one JSON object: "files", one
    object a file in the order given, with "path", "changed" (its formatted text
    differs), "written" (--in-place rewrote it) and "kept" (the blocks kept as they
    were, "LINE: why"); then "changed" and "unchanged", the counts.

    \b
    Examples:
      bibnorm format refs.bib > tidy.bib        # one file to stdout
      bibnorm format --in-place refs.bib        # rewrite in place
      bibnorm format --check --diff *.bib       # CI: show drift, exit 3 if any
      bibnorm format --journal-names abbreviated refs.bib   # Phys. Rev. Lett., CVPR
      bibnorm format -i --encoding utf-8 old.bib  # also convert a Latin-1 file
      bibnorm format --check --json *.bib       # which files would change, as JSON
    """
    if len(files) > 1 and not (check_only or show_diff or in_place):
        raise UsageError("several files need --in-place, --check or --diff (stdout takes one file)")
    if in_place and STDIO in files:
        raise UsageError("--in-place cannot rewrite stdin")
    if json_out and (show_diff or not (check_only or in_place)):
        raise UsageError("--json needs --check or --in-place, without --diff (stdout holds the JSON alone)")
    options = format_options(sort, journal_names, month_macros)
    changed: list[str] = []
    reports: list[dict[str, Any]] = []
    for path in files:
        data, text, kept = read_for_format(path, encoding == "utf-8")
        if len(text) >= STREAM_MIN_CHARS and not (check_only or show_diff or in_place or options.sort):
            del data  # the file's bytes are not compared when streaming: their memory goes back
            write_formatted(text, path, options, kept, jobs)
            continue
        formatted, census, kept_blocks = format_text(text, path, options, jobs)
        for note in kept_blocks:
            click.echo(f"bibnorm: note: {path}:{note} (kept as it is)", err=True)
        output = kept.encode(formatted)
        if output != data:
            changed.append(path)
        written = in_place and output != data
        reports.append({"path": path, "changed": output != data, "written": written, "kept": kept_blocks})
        if show_diff:
            write_stdout(unified_diff(path, text, formatted).encode("utf-8", "surrogateescape"))
        if in_place and output != data:
            write_safely(path, census, formatted, jobs, kept)
        elif not (check_only or show_diff or in_place):
            write_stdout(output)  # the input file stays as it was: nothing to guard
    for path in changed:
        verb = "reformatted" if in_place else "would reformat"
        if check_only or in_place:
            click.echo(f"{verb} {path}", err=True)
    unchanged = len(files) - len(changed)
    if json_out:
        write_files_report(reports)
    if check_only:
        click.echo(f"{len(changed)} file(s) would be reformatted, {unchanged} already formatted", err=True)
        raise SystemExit(EXIT_FINDINGS if changed else EXIT_OK)
