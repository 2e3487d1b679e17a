"""``bibnorm tex``: fill a LaTeX draft's bibliography with the papers it cites by id.

The command reads the document's citations (`bibnorm.readers.latex`), decides
which keys are missing from its ``.bib`` (`bibnorm.latex.texflow`), resolves arXiv ids
and DOIs through the configured sources, and appends the new entries to the
bibliography file atomically. Existing entries are never touched unless
``--refresh`` is given. ``--watch`` repeats this whenever the sources change.

The draft decides which ``.bib`` is completed, so it must not decide to write anywhere
else: a bibliography it names is written only under `bibnorm.io.named_output`'s rule
(a ``.bib`` file inside the draft's folder), unless ``-o`` names the file or
``--allow-outside`` is given.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import click
from bibnorm import writers
from bibnorm.api.settings import format_options
from bibnorm.bib.bibfile import assert_nothing_lost
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK
from bibnorm.cli._options import UserPath, source_options, source_overrides, source_roles
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.config import Settings, load_settings
from bibnorm.errors import BibnormError, InputError, SafetyError, UsageError
from bibnorm.io import (
    STDIO,
    PinnedOutput,
    Role,
    locked,
    named_output,
    pin_output,
    read_bytes,
    refuse_clashes,
    resolve_output,
    write_atomic,
    write_pinned,
    write_stdout,
)
from bibnorm.latex import texflow
from bibnorm.models import Query, Reference, Resolution
from bibnorm.readers.latex import LatexDocument, read_document
from bibnorm.resolve import pipeline
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import source_trouble
from bibnorm.sources import open_sources

__all__ = ["TexOutcome", "command", "run_tex", "watch_tex"]

DEFAULT_DEBOUNCE_MS = 800


class StopEvent(Protocol):
    """Anything with ``is_set()`` (a `threading.Event`), to end `watch_tex` from outside."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class TexOutcome:
    """The result of one run: the exit code, every file it read (for watching), and what it did
    to the bibliography (for ``--json``)."""

    exit_code: int
    files: tuple[Path, ...]
    bibliography: Path | None = None
    added: tuple[str, ...] = ()
    upgraded: tuple[str, ...] = ()
    present: int = 0
    unresolved: tuple[texflow.Diagnostic, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """``tex --json``'s object (its shape is documented in the command's help)."""
        return {
            "bibliography": None if self.bibliography is None else str(self.bibliography),
            "added": list(self.added),
            "upgraded": list(self.upgraded),
            "present": self.present,
            "unresolved": [
                {
                    "key": d.key,
                    "message": d.message,
                    "cited_at": [{"path": o.path, "line": o.line} for o in d.origins],
                }
                for d in self.unresolved
            ],
        }


def read_library(path: Path) -> str:
    """A ``.bib`` file's text exactly as stored ('' when it does not exist yet).

    Decoded as UTF-8 without dropping a byte-order mark, so writing the text back
    reproduces the original bytes; a file in another encoding is refused rather
    than silently re-encoded.
    """
    if not path.exists():
        return ""
    # A pipe or device named as the bibliography is refused, not waited on (it would hang the run).
    data = read_bytes(path, pipes=False)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: not UTF-8; convert it first so new entries can be appended safely"
        ) from None


def run_tex(
    main: Path,
    output: Path | None,
    output_format: str | None,
    settings: Settings,
    *,
    refresh: bool = False,
    quiet: bool = False,
    allow_outside: bool = False,
    progress: Progress = NO_PROGRESS,
) -> TexOutcome:
    """One pass of ``bibnorm tex``: read, plan, resolve, write; diagnostics go to stderr.

    ``output`` is the file named on the command line (checked only against the run's
    other files); without it, the draft's first bibliography, if the write rule allows it.
    """
    document = read_document(main)
    for warning in document.warnings:
        _say(f"{warning}", quiet=False, progress=progress)
    if output is None:
        target, role = _default_output(document, allow_outside=allow_outside), "the bibliography"
    else:
        target, role = output, "-o/--output"
    # Where the write lands is fixed by the checks: a link swapped in for the target while the run
    # waits and resolves (seconds; --watch runs again and again) must not redirect the write.
    checked = None if str(target) == STDIO else resolve_output(target)
    refuse_clashes(
        [Role(role, target)], [*(Role("an input", path) for path in document.files), *source_roles(settings)]
    )
    if output is not None and output_format is None:
        writers.format_for_output(output, among=("bibtex", "biblatex"))  # refuses -o notes.txt
    if str(target) == STDIO:
        return _run_tex_on(
            document, target, output_format, settings, refresh=refresh, quiet=quiet, progress=progress
        )
    # Two runs completing one shared .bib (two drafts, latexmk and an editor) take turns:
    # each reads the file, resolves and appends under the lock, so neither loses the other's entries.
    with locked(target):
        pinned = pin_output(target, checked)
        return _run_tex_on(
            document,
            target,
            output_format,
            settings,
            refresh=refresh,
            quiet=quiet,
            progress=progress,
            pinned=pinned,
        )


def _run_tex_on(
    document: LatexDocument,
    target: Path,
    output_format: str | None,
    settings: Settings,
    *,
    refresh: bool,
    quiet: bool,
    progress: Progress = NO_PROGRESS,
    pinned: PinnedOutput | None = None,
) -> TexOutcome:
    chosen_format = output_format or ("biblatex" if document.biblatex else "bibtex")

    existing_keys: set[str] = set()
    original = ""
    for path in dict.fromkeys([*document.bibliographies, *([target] if str(target) != STDIO else [])]):
        text = read_library(path)
        existing_keys |= texflow.library_keys(text)
        for number in texflow.failed_blocks(text):
            _say(
                f"{path}:{number}: warning: entry could not be parsed; its key counts as missing",
                quiet=False,
                progress=progress,
            )
        if path == target:
            original = text

    plan = texflow.plan(((c.key, c.origins) for c in document.citations), existing_keys)
    queries = plan.queries
    preprints = texflow.preprint_queries(original, str(target)) if refresh else ()

    writer = writers.get_writer(chosen_format)
    options = writers.WriterOptions.from_settings(settings, layout=format_options())
    writer_warnings: list[str] = []

    def render(entries: Sequence[tuple[str, Reference]]) -> str:
        rendered = writer.render(entries, options)
        writer_warnings.extend(f"{target}: warning: {p.message}" for p in rendered.warnings)
        return rendered.text

    text = original
    diagnostics = list(plan.unknown())
    added: tuple[str, ...] = ()
    upgraded: tuple[str, ...] = ()
    if queries or preprints:
        with open_sources(settings) as sources:
            resolutions = _resolve(queries, sources, settings, progress)
            refreshed = _resolve(preprints, sources, settings, progress)
        for line in source_trouble(
            [*resolutions, *refreshed],
            sources.stats.down,
            sources.stats.refused,
            sources.stats.gave_up,
            offline=settings.offline,
        ):
            _say(line, quiet=False, progress=progress)
        if refresh:
            result = texflow.refresh(text, refreshed, render)
            upgraded = result.upgraded
            diff = texflow.unified_diff(text, result.text, target.name)
            if diff:
                _say(diff.rstrip("\n"), quiet=False, progress=progress)
            assert_nothing_lost(text, result.text)  # an upgrade replaces entries, never drops one
            text = result.text
        merged = texflow.merge(text, plan, resolutions, render)
        if not merged.text.startswith(text):
            raise SafetyError(f"{target}: refusing to write: the existing text would change")
        text, added = merged.text, merged.added
        diagnostics = [*merged.diagnostics, *diagnostics]

    if text != original or str(target) == STDIO:
        if pinned is None:
            write_atomic(target, text)  # standard output
        else:
            write_pinned(pinned, text)
    for warning in writer_warnings:
        _say(warning, quiet=False, progress=progress)
    order = {planned.key: index for index, planned in enumerate(plan.keys)}
    diagnostics = sorted(diagnostics, key=lambda d: order.get(d.key, len(order)))
    for diagnostic in diagnostics:
        for line in diagnostic.lines():
            _say(line, quiet=False, progress=progress)
    present = len(plan.of_kind(texflow.KeyKind.PRESENT))
    _say(_summary(target, added, upgraded, present, len(diagnostics)), quiet=quiet, progress=progress)
    return TexOutcome(
        exit_code=EXIT_FINDINGS if diagnostics else EXIT_OK,
        files=document.files,
        bibliography=None if str(target) == STDIO else target,
        added=added,
        upgraded=upgraded,
        present=present,
        unresolved=tuple(diagnostics),
    )


def _resolve(
    queries: Sequence[Query], sources: Any, settings: Settings, progress: Progress = NO_PROGRESS
) -> list[Resolution]:
    if not queries:
        return []
    return pipeline.run(queries, sources.resolvers, settings, enrichers=sources.enrichers, progress=progress)


def _default_output(document: LatexDocument, *, allow_outside: bool) -> Path:
    if not document.resources:
        raise UsageError(
            f"{document.main}: names no bibliography (\\bibliography or \\addbibresource); give -o PATH"
        )
    first = document.resources[0]
    return named_output(
        first.name, document.main.parent, named_in=first.named_in, allow_outside=allow_outside
    )


def _summary(target: Path, added: Sequence[str], upgraded: Sequence[str], present: int, problems: int) -> str:
    parts = []
    if added:
        parts.append(f"added {len(added)} ({', '.join(added)})")
    if upgraded:
        parts.append(f"upgraded {len(upgraded)} to published versions ({', '.join(upgraded)})")
    if not added and not upgraded:
        parts.append("unchanged")
    parts.append(f"{present} already present")
    if problems:
        parts.append(f"{problems} not resolved")
    return f"bibnorm: {target}: " + "; ".join(parts)


def _say(line: str, *, quiet: bool, progress: Progress = NO_PROGRESS) -> None:
    """``line`` on stderr, above the live progress when it is drawn (`bibnorm.cli._progress.say`)."""
    if not quiet:
        say(progress, line)


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
    """Run `run_tex` now and again after every (debounced) change of the files it read.

    Folders are watched rather than files, because editors save by replacing the
    file; events are filtered to the document's own files, so writing the ``.bib``
    does not trigger a run. Errors of one pass are reported and watching goes on.
    Returns when ``stop_event`` is set; Ctrl-C raises `KeyboardInterrupt`, so the
    command exits 130 like every interrupted command.
    """
    import logging

    import watchfiles  # only --watch needs it

    logging.getLogger("watchfiles").setLevel(logging.WARNING)  # its "stopping watch" line is noise

    def one_pass() -> tuple[Path, ...]:
        try:
            return run_tex(
                main,
                output,
                output_format,
                settings,
                refresh=refresh,
                quiet=quiet,
                allow_outside=allow_outside,
            ).files
        except BibnormError as error:
            click.echo(f"bibnorm: error: {error}", err=True)
            return ()

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
@click.argument("main", type=UserPath(path_type=Path, dir_okay=False), metavar="MAIN.tex|MAIN.aux")
@click.option(
    "-o",
    "--output",
    type=UserPath(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    metavar="PATH",
    help="Bibliography to complete, any file anywhere (default: the first one the document names, "
    "if it is a .bib inside the draft's folder; created if missing); '-' prints only the new entries.",
)
@click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the draft name a .bib outside its folder (an absolute path, '..', a link leading out).",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["bibtex", "biblatex"]),
    default=None,
    help="Style of the new entries (default: biblatex when the document uses \\addbibresource).",
)
@click.option(
    "--refresh", is_flag=True, help="Also replace preprint entries that have been published (shows a diff)."
)
@click.option(
    "--watch", is_flag=True, help="Run again whenever the .tex/.aux files change; Ctrl-C stops (exit 130)."
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress and no summary line; keys that could not be resolved are still listed.",
)
@click.option("--unicode", is_flag=True, default=None, help="Keep non-ASCII characters in new entries.")
@click.option(
    "--json",
    "json_out",
    is_flag=True,
    help="Print what the run did as JSON on stdout (the summary line is still on stderr).",
)
@progress_option
@source_options
def command(
    main: Path,
    output: Path | None,
    allow_outside: bool,
    output_format: str | None,
    refresh: bool,
    watch: bool,
    quiet: bool,
    unicode: bool | None,
    json_out: bool,
    show_progress: bool | None,
    **sources: Any,
) -> None:
    """Add the papers a LaTeX draft cites by arXiv id or DOI to its .bib.

    Reads the citations from MAIN.aux (after a LaTeX run) or from MAIN.tex and the
    files it \\input/\\include\\s. Keys already in the bibliography are left exactly as
    they are; keys that are arXiv ids (2211.09119, arXiv:2211.09119v2) or DOIs
    (doi:10.1109/..., 10.1109/...) are resolved and appended under the key the
    document uses, so it compiles without edits. Any other missing key is listed as
    FILE:LINE: KEY: message on stderr. Exit 0 when every key is present, 3 when some
    could not be resolved.

    A bibliography the draft names is written only as a .bib file inside the draft's
    folder (never through '..', an absolute path or a link leading out, as TeX's
    openout_any=p): a draft from a co-author or an arXiv tarball must not choose
    where bibnorm writes. Otherwise the run stops (exit 1) and writes nothing. With
    -o PATH you name the file yourself; --allow-outside lets the draft's .bib be
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
    """
    settings = load_settings({**source_overrides(**sources), "unicode": unicode})
    if json_out and (watch or (output is not None and str(output) == STDIO)):
        raise UsageError("--json prints one report on stdout: not with --watch or -o -")
    if watch:
        if output is not None and str(output) == STDIO:
            raise UsageError("--watch writes a file; give -o PATH, not '-'")
        if not (main.exists() or main.with_name(main.name + ".tex").exists()):
            # Watching a folder for a file that is not there would wait for ever, silently.
            raise InputError(f"{main}: no such file; nothing to watch")
        watch_tex(
            main, output, output_format, settings, refresh=refresh, quiet=quiet, allow_outside=allow_outside
        )
        return
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        outcome = run_tex(
            main,
            output,
            output_format,
            settings,
            refresh=refresh,
            quiet=quiet,
            allow_outside=allow_outside,
            progress=progress,
        )
    if json_out:
        write_stdout(json.dumps(outcome.as_json(), indent=2, ensure_ascii=False) + "\n")
    sys.exit(outcome.exit_code)
