"""``bibnorm format``: canonical, deterministic layout of existing ``.bib`` files (one
`bibnorm.format` call a file; what is printed or written, and the exit status, decided here)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Any

import click
from bibnorm.api.formatting import format, read_source
from bibnorm.api.settings import format_options_from, with_table
from bibnorm.bib.bibfile import FormatOptions, dominant_newline, render_blocks
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._files import write_files_report
from bibnorm.cli._options import (
    UserPath,
    bst_option,
    in_place_option,
    jobs_option,
    journal_names_option,
    json_option,
)
from bibnorm.config import Settings, load_settings
from bibnorm.errors import UsageError
from bibnorm.io import STDIO, KeptEncoding, write_stdout

__all__ = ["STREAM_MIN_CHARS", "command"]

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
@in_place_option
@click.option(
    "--sort/--no-sort",
    default=None,
    help="Sort entries by key (@string/@preamble stay first; a crossref/xdata parent after the entries "
    "naming it; a file defining one @string twice is left in its order).",
)
@journal_names_option
@bst_option
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
    "(Windows-1252), mixed, GBK, Shift_JIS and Big5 files to UTF-8.",
)
@jobs_option
@json_option("With --check or --in-place: print what was found as JSON (stdout holds only that).")
def command(**given: Any) -> None:
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
      bibnorm format --bst plainnat refs.bib    # each DOI and arXiv id shown once
      bibnorm format -i --encoding utf-8 old.bib  # also convert a Latin-1 file
      bibnorm format --check --json *.bib       # which files would change, as JSON
    """
    args = FormatArgs(**given)
    args.refuse_mismatched_options()
    settings = with_table(
        load_settings({"journal_names": args.journal_names, "bst": args.bst}),
        "format",
        sort=args.sort,
        month_macros=args.month_macros,
    )
    options = format_options_from(settings)  # a bad layout is one line before any file is read
    reports = [
        report for path in args.files if (report := format_file(path, args, settings, options)) is not None
    ]
    changed = [report["path"] for report in reports if report["changed"]]
    if args.check_only or args.in_place:
        verb = "reformatted" if args.in_place else "would reformat"
        for path in changed:
            click.echo(f"{verb} {path}", err=True)
    if args.json_out:
        write_files_report(reports)
    if args.check_only:
        unchanged = len(args.files) - len(changed)
        click.echo(f"{len(changed)} file(s) would be reformatted, {unchanged} already formatted", err=True)
        raise SystemExit(EXIT_FINDINGS if changed else EXIT_OK)


@dataclass(frozen=True)
class FormatArgs:
    """One ``bibnorm format`` command line, as click parsed it (None: an option not given)."""

    files: tuple[str, ...]
    check_only: bool
    show_diff: bool
    in_place: bool
    sort: bool | None
    journal_names: str | None
    bst: str | None
    month_macros: bool | None
    encoding: str
    jobs: int | None
    json_out: bool

    @property
    def to_stdout(self) -> bool:
        """The formatted file goes to stdout: neither --check, --diff nor --in-place."""
        return not (self.check_only or self.show_diff or self.in_place)

    def refuse_mismatched_options(self) -> None:
        if len(self.files) > 1 and self.to_stdout:
            raise UsageError("several files need --in-place, --check or --diff (stdout takes one file)")
        if self.in_place and STDIO in self.files:
            raise UsageError("--in-place cannot rewrite stdin")
        if self.json_out and (self.show_diff or not (self.check_only or self.in_place)):
            raise UsageError(
                "--json needs --check or --in-place, without --diff (stdout holds the JSON alone)"
            )


def format_file(
    path: str, args: FormatArgs, settings: Settings, options: FormatOptions
) -> dict[str, Any] | None:
    """Format one file as the options ask (to stdout, as a diff, in place or only compared) in
    the layout of the ``settings`` (``options``); its line of the ``--json`` report, or None for
    a big file streamed to stdout."""
    source = read_source(path, args.encoding == "utf-8")
    if source.note is not None:
        click.echo(f"bibnorm: note: {source.note}", err=True)
    if len(source.text) >= STREAM_MIN_CHARS and args.to_stdout and not options.sort and settings.bst is None:
        text, kept = source.text, source.encoding
        del source  # the file's bytes are not compared when streaming: their memory goes back
        write_formatted(text, path, options, kept, args.jobs)
        return None
    formatted = format(source, settings, jobs=args.jobs)
    for note in formatted.kept:
        click.echo(f"bibnorm: note: {path}:{note} (kept as it is)", err=True)
    if args.show_diff:
        write_stdout(formatted.diff().encode("utf-8", "surrogateescape"))
    if args.in_place and formatted.changed:
        formatted.write(args.jobs)
    elif args.to_stdout:
        write_stdout(formatted.output)  # the input file stays as it was: nothing to guard
    written = args.in_place and formatted.changed
    return {"path": path, "changed": formatted.changed, "written": written, "kept": list(formatted.kept)}
