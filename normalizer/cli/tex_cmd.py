"""``bibnorm tex``: fill a draft's bibliography with the papers it cites by id (LaTeX, Markdown,
Quarto, R Markdown, MyST and Jupyter notebooks, Typst).

Thin: the options become `Settings`, `bibnorm.api.drafts.tex` does one pass (read the draft,
plan, resolve, add to its bibliography), and this module says what it did and exits by it;
``--watch`` runs a pass again whenever the draft's files change (`watch_tex`).
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import click
from bibnorm.api.drafts import TexResult, tex
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._options import UserPath, bst_option, source_options, source_overrides
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.config import Settings, load_settings
from bibnorm.errors import BibnormError, InputError, UsageError, needs_extra
from bibnorm.io import STDIO, write_stdout
from bibnorm.resolve.progress import NO_PROGRESS

__all__ = ["command", "watch_tex"]

DEFAULT_DEBOUNCE_MS = 800


class StopEvent(Protocol):
    """Anything with ``is_set()`` (a `threading.Event`), to end `watch_tex` from outside."""

    def is_set(self) -> bool: ...


def watch_tex(
    main: Path,
    output: Path | None,
    output_format: str | None,
    settings: Settings,
    *,
    refresh: bool = False,
    quiet: bool = False,
    allow_outside: bool = False,
    debounce_ms: int = DEFAULT_DEBOUNCE_MS,
    stop_event: StopEvent | None = None,
) -> None:
    """Run `bibnorm.api.drafts.tex` now and after every (debounced) change of the files it read.

    Folders are watched rather than files, because editors save by replacing the file; events
    are filtered to the draft's own files, so writing the ``.bib`` does not trigger a run. Errors
    of one pass are reported and watching goes on. Returns when ``stop_event`` is set; Ctrl-C
    raises `KeyboardInterrupt`, so the command exits 130 like every interrupted command."""
    import logging

    try:
        import watchfiles  # only --watch needs it: an optional extra
    except ModuleNotFoundError as error:
        if error.name != "watchfiles":
            raise
        raise needs_extra("--watch needs watchfiles", "watch") from None

    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # its "stopping watch" line is noise

    def one_pass() -> tuple[Path, ...]:
        try:
            result = tex(
                main,
                settings=settings,
                output=output,
                output_format=output_format,
                refresh=refresh,
                allow_outside=allow_outside,
                notify=partial(say, NO_PROGRESS),
            )
        except BibnormError as error:
            click.echo(f"bibnorm: error: {error}", err=True)
            return ()
        _summarize(result, quiet=quiet)
        return result.files

    files = one_pass() or (main,)
    while True:
        watched = {path.resolve() for path in files}
        folders = sorted({path.parent for path in watched})

        def ours(change: watchfiles.Change, path: str, watched: set[Path] = watched) -> bool:
            return Path(path).resolve() in watched

        rearm = False
        for _changes in watchfiles.watch(
            *folders, watch_filter=ours, debounce=debounce_ms, stop_event=stop_event, raise_interrupt=True
        ):
            found = one_pass()
            if found and {p.resolve() for p in found} != watched:
                files, rearm = found, True  # a new \input appeared: watch its folder too
                break
        if not rearm:
            return


@click.command("tex")
@click.argument("main", type=UserPath(path_type=Path, dir_okay=False), metavar="DRAFT")
@click.option(
    "-o",
    "--output",
    type=UserPath(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    metavar="PATH",
    help="Bibliography to complete, any file anywhere (default: the first one the document names, "
    "if it is a .bib (.json, .yaml, .yml: not for LaTeX) inside the draft's folder; created if missing); "
    "'-' prints only the new entries.",
)
@click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the draft name a bibliography outside its folder (an absolute path, '..', a link leading out).",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["bibtex", "biblatex", "csl-json", "csl-yaml", "hayagriva"]),
    default=None,
    help="Format of the new entries (default: the bibliography's own; for a .bib, biblatex when the "
    "document uses \\addbibresource or is not LaTeX).",
)
@click.option(
    "--refresh", is_flag=True, help="Also replace preprint entries that have been published (shows a diff)."
)
@click.option(
    "--watch",
    is_flag=True,
    help="Run again whenever the draft's files change; Ctrl-C stops (exit 130). Needs the optional "
    "extra watch.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress and no summary line; keys that could not be resolved are still listed.",
)
@click.option("--unicode", is_flag=True, default=None, help="Keep non-ASCII characters in new entries.")
@bst_option
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help="Print what the run did as JSON on stdout (the summary line is still on stderr).",
)
@progress_option
@source_options
def command(
    main: Path, watch: bool, quiet: bool, json_out: bool, show_progress: bool | None, **options: Any
) -> None:
    """Add the papers a draft cites by arXiv id or DOI to its bibliography.

    Also run as `bibnorm draft`.

    DRAFT is a LaTeX file (MAIN.tex and the files it \\input/\\include\\s, or MAIN.aux
    after a LaTeX run), pandoc Markdown, Quarto or R Markdown (.md, .qmd, .Rmd: [@key],
    @key, [-@key], MyST's {cite:p}`key`), a Jupyter notebook (.ipynb, its Markdown
    cells) or Typst (.typ: @key, #cite(<key>), #cite(label("doi:..."))). Keys already
    in the bibliography are left exactly as they are; keys that are arXiv ids
    (2211.09119, arXiv:2211.09119v2) or DOIs (doi:10.1109/..., 10.1109/...) are
    resolved and added under the key the document uses, in the bibliography's own
    format (.bib; CSL-JSON .json; CSL YAML .yaml/.yml, or Hayagriva for Typst), so it
    compiles without edits. Any other missing key is listed as FILE:LINE: KEY: message
    on stderr. Exit 0 when every key is present, 3 when some could not be resolved.

    A bibliography the draft names (in the draft, its front matter, or a project file
    such as _quarto.yml, myst.yml, _config.yml) is written only inside the folder of the
    file naming it (never through '..', an absolute path or a link leading out, as TeX's
    openout_any=p): a draft from a co-author or an arXiv tarball must not choose where
    bibnorm writes. Otherwise the run stops (exit 1) and writes nothing. With -o PATH
    you name the file yourself; --allow-outside lets the draft's bibliography be
    outside its folder.

    With --json, stdout is one JSON object: "bibliography" (the file completed),
    "added" and "upgraded" (the keys, in citation order), "present" (how many cited
    keys it held already) and "unresolved" (one object a key: "key", "message",
    "cited_at": [{"path", "line"}]). Not with --watch or -o -.

    \b
    Examples:
      bibnorm tex paper.tex                         # complete the \\bibliography{} file
      bibnorm tex paper.aux -o refs.bib --offline   # after pdflatex, from snapshot/cache only
      bibnorm tex paper.tex --watch                 # next to latexmk -pvc
      bibnorm tex paper.tex --refresh               # also upgrade published preprints
      bibnorm tex paper.tex --json                  # what it did, as JSON
      bibnorm tex paper.qmd                         # the front matter's bibliography:
      bibnorm tex paper.typ --watch                 # next to typst watch
    """
    sources = source_overrides(**{name: options.pop(name) for name in SOURCE_OPTIONS})
    settings = load_settings({**sources, "unicode": options.pop("unicode"), "bst": options.pop("bst")})
    # What is left says where a pass writes and what it may do: output, output_format, refresh,
    # allow_outside (the keywords of `tex`).
    _refuse_unusable(main, options["output"], watch=watch, json_out=json_out)
    if watch:
        watch_tex(main, options.pop("output"), options.pop("output_format"), settings, quiet=quiet, **options)
        return
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        result = tex(main, settings=settings, progress=progress, notify=partial(say, progress), **options)
        _summarize(result, quiet=quiet, progress=progress)
    if json_out:
        write_stdout(json.dumps(result.as_json(), indent=2, ensure_ascii=False) + "\n")
    sys.exit(EXIT_FINDINGS if result.unresolved else EXIT_OK)


SOURCE_OPTIONS = ("offline", "snapshot", "resolver_names", "s2_api_key", "cache_dir")


def _refuse_unusable(main: Path, output: Path | None, *, watch: bool, json_out: bool) -> None:
    """One line for options that cannot go together, before anything is read."""
    to_stdout = output is not None and str(output) == STDIO
    if json_out and (watch or to_stdout):
        raise UsageError("--json prints one report on stdout: not with --watch or -o -")
    if not watch:
        return
    if to_stdout:
        raise UsageError("--watch writes a file; give -o PATH, not '-'")
    if not (main.exists() or main.with_name(main.name + ".tex").exists()):
        # Watching a folder for a file that is not there would wait for ever, silently.
        raise InputError(f"{main}: no such file; nothing to watch")


def _summarize(result: TexResult, *, quiet: bool, progress: Any = NO_PROGRESS) -> None:
    """The pass's summary line on stderr (not with -q), above the live progress when drawn."""
    if not quiet:
        say(progress, result.summary)
