"""A draft's bibliography completed: `tex`, what ``bibnorm tex`` does in one pass.

The draft (LaTeX, Markdown, Quarto, R Markdown, MyST, a Jupyter notebook or Typst:
`bibnorm.readers.drafts`) has its citations read, the keys missing from its bibliography are
planned (`bibnorm.latex.texflow`), arXiv ids and DOIs among them are resolved through the
configured sources, and the new entries are added to the bibliography atomically, in its own
format (BibTeX, CSL-JSON, CSL YAML or Hayagriva: `bibnorm.latex.libraries`); existing entries
are never touched unless ``refresh`` asks for preprints in a ``.bib`` to be upgraded to their
published versions. New BibTeX entries are written for the style the draft names
(``\\bibliographystyle{plainnat}``: `_for_style`), each DOI and arXiv id where it prints it
once. `TexResult` says what was added, upgraded and left unresolved.

The draft decides which bibliography is completed, so it must not decide to write anywhere
else: a bibliography it names is written only under `bibnorm.io.named_output`'s rule (a
``.bib``, ``.json``, ``.yaml`` or ``.yml`` file inside the folder of the file naming it; only
``.bib`` for LaTeX), unless ``output`` names the file or ``allow_outside`` is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Any

from bibnorm import writers
from bibnorm.bib.bibfile import assert_nothing_lost
from bibnorm.config import Settings
from bibnorm.errors import InputError, SafetyError, UsageError
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
)
from bibnorm.latex import texflow
from bibnorm.latex.libraries import LIBRARY_FORMATS, LibraryFormat, format_of
from bibnorm.models import Frozen, Query, Reference, Resolution
from bibnorm.readers.drafts import DraftFormat, read_draft
from bibnorm.readers.latex import LatexDocument
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import source_trouble
from bibnorm.sources import Sources, open_sources
from bibnorm.writers.bibtex import BST_FAMILIES

from .resolve_files import source_roles
from .resolving import resolve_queries
from .settings import format_options_from

Notify = Callable[[str], None]


class TexResult(Frozen):
    """One pass of `tex`: every file it read (for watching), what it did to the bibliography,
    and the summary line ``bibnorm tex`` prints last."""

    files: tuple[Path, ...]
    bibliography: Path | None = None  # None: the new entries went to standard output
    added: tuple[str, ...] = ()
    upgraded: tuple[str, ...] = ()
    present: int = 0
    unresolved: tuple[texflow.Diagnostic, ...] = ()
    summary: str = ""

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


def tex(
    main: Path,
    *,
    settings: Settings,
    output: Path | None = None,
    output_format: str | None = None,
    refresh: bool = False,
    allow_outside: bool = False,
    progress: Progress = NO_PROGRESS,
    notify: Notify | None = None,
) -> TexResult:
    """Complete the bibliography of the draft ``main`` (a ``.tex`` or, after a LaTeX run, its
    ``.aux``; a ``.md``, ``.qmd``, ``.Rmd``, ``.ipynb`` or ``.typ``) with the papers it cites by
    arXiv id or DOI.

    ``output`` is a file to complete instead of the draft's first bibliography (``-``: print
    only the new entries); ``output_format`` a writer's name (default: the bibliography's own
    format; for a ``.bib``, biblatex when the draft uses ``\\addbibresource`` or is not LaTeX).
    What the user should hear (a draft's unreadable input, a block that could not be parsed,
    sources in trouble, the refresh diff, keys not resolved) goes to ``notify`` as it happens."""
    tell = notify or _silent
    kind, document = read_draft(main)
    for warning in document.warnings:
        tell(warning)
    if output is None:
        target, role = _default_output(document, kind, allow_outside=allow_outside), "the bibliography"
    else:
        target, role = output, "-o/--output"
    # Where the write lands is fixed by the checks: a link swapped in for the target while the run
    # waits and resolves (seconds; --watch runs again and again) must not redirect the write.
    checked = None if str(target) == STDIO else resolve_output(target)
    reads = [Role("an input", path) for path in document.files]
    refuse_clashes([Role(role, target)], [*reads, *source_roles(settings)])
    if output is not None and output_format is None and str(output) != STDIO:
        among = ("bibtex", "biblatex") if kind.name == "latex" else tuple(writers.WRITERS)
        writers.format_for_output(output, among=among)  # refuses -o notes.txt
    run = _Pass(
        document, kind, target, output_format, settings, refresh=refresh, progress=progress, tell=tell
    )
    if str(target) == STDIO:
        return run.complete(None)
    # Two runs completing one shared .bib (two drafts, latexmk and an editor) take turns:
    # each reads the file, resolves and appends under the lock, so neither loses the other's entries.
    with locked(target):
        return run.complete(pin_output(target, checked))


def _for_style(options: writers.WriterOptions, style: str | None) -> writers.WriterOptions:
    """``options`` for the BibTeX style the draft names when the settings name none (``--bst``,
    ``bst`` in the config): each id where that style prints it once (`BST_FAMILIES`). A style
    bibnorm does not know keeps the default layout, which every common style prints once."""
    if options.bst is None and style in BST_FAMILIES:
        return options.model_copy(update={"bst": style})
    return options


def read_bibliography(path: Path) -> str:
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


class _Pass:
    """One pass over a read draft: plan, resolve, refresh, merge, write."""

    def __init__(
        self,
        document: LatexDocument,
        kind: DraftFormat,
        target: Path,
        output_format: str | None,
        settings: Settings,
        *,
        refresh: bool,
        progress: Progress,
        tell: Notify,
    ) -> None:
        self.document, self.kind, self.target, self.settings = document, kind, target, settings
        self.refresh, self.progress, self.tell = refresh, progress, tell
        self.chosen_format = output_format
        self.output_format = output_format or ("biblatex" if document.biblatex else kind.bib_writer)
        self.writer_warnings: list[str] = []

    def render(self, entries: Sequence[tuple[str, Reference]]) -> str:
        rendered = self.writer.render(entries, self.options)
        self.writer_warnings.extend(f"{self.target}: warning: {p.message}" for p in rendered.warnings)
        return rendered.text

    def complete(self, pinned: PinnedOutput | None) -> TexResult:
        original, existing_keys = self._read_bibliographies()
        self.library = self._target_format(original)
        if self.refresh and self.library.name != "bibtex":
            raise UsageError(f"{self.target}: --refresh upgrades entries of a .bib file only")
        plan = texflow.plan(((c.key, c.origins) for c in self.document.citations), existing_keys)
        preprints = texflow.preprint_queries(original, str(self.target)) if self.refresh else ()
        # The layout is read here, after the bibliographies: their warnings come before a config error.
        self.writer = writers.get_writer(self.output_format)
        self.options = _for_style(
            writers.WriterOptions.from_settings(self.settings, layout=format_options_from(self.settings)),
            self.document.bibliography_style,
        )
        text, diagnostics = original, list(plan.unknown())
        added: tuple[str, ...] = ()
        upgraded: tuple[str, ...] = ()
        if plan.queries or preprints:
            text, added, upgraded, found = self._resolve_and_merge(original, plan, preprints)
            diagnostics = [*found, *diagnostics]
        if text != original or str(self.target) == STDIO:
            if pinned is None:
                write_atomic(self.target, text)  # standard output
            else:
                write_pinned(pinned, text)
        for warning in self.writer_warnings:
            self.tell(warning)
        order = {planned.key: index for index, planned in enumerate(plan.keys)}
        diagnostics = sorted(diagnostics, key=lambda d: order.get(d.key, len(order)))
        for diagnostic in diagnostics:
            for line in diagnostic.lines():
                self.tell(line)
        present = len(plan.of_kind(texflow.KeyKind.PRESENT))
        return TexResult(
            files=self.document.files,
            bibliography=None if str(self.target) == STDIO else self.target,
            added=added,
            upgraded=upgraded,
            present=present,
            unresolved=tuple(diagnostics),
            summary=_summary(self.target, added, upgraded, present, len(diagnostics)),
        )

    def _read_bibliographies(self) -> tuple[str, set[str]]:
        """The target's text as it is, and every key the draft's bibliographies define."""
        existing_keys: set[str] = set()
        original = ""
        targets = [self.target] if str(self.target) != STDIO else []
        for path in dict.fromkeys([*self.document.bibliographies, *targets]):
            text = read_bibliography(path)
            library = format_of(str(path), text, self.kind.yaml_format)
            if path == self.target:
                original = text
            if library is None:
                if path != self.target:
                    self.tell(
                        f"{path}: warning: not a bibliography format bibnorm reads; its keys count as missing"
                    )
                continue
            existing_keys |= library.keys(text, str(path))
            if library.name == "bibtex":
                for number in texflow.failed_blocks(text):
                    self.tell(
                        f"{path}:{number}: warning: entry could not be parsed; its key counts as missing"
                    )
        return original, existing_keys

    def _target_format(self, original: str) -> LibraryFormat:
        """The target's format: the one ``-f`` writes, else its own (by suffix and content);
        the writer follows it unless ``-f`` named one of its writers."""
        found = format_of(str(self.target), original, self.kind.yaml_format)
        if self.chosen_format is None:
            library = found if found is not None else LIBRARY_FORMATS["bibtex"]
        else:
            library = next(f for f in LIBRARY_FORMATS.values() if self.chosen_format in f.writers)
            # A new or empty .yml may be either YAML format; any other file keeps its own.
            either_yaml = {library.name, found.name if found else ""} <= {"csl-yaml", "hayagriva"}
            if found is not None and found is not library and not (either_yaml and not original.strip()):
                raise UsageError(
                    f"{self.target}: a {found.name} file; --format {self.chosen_format} would add"
                    f" {library.name} entries to it (give -o with a file of that format)"
                )
        if self.output_format not in library.writers:
            self.output_format = library.writers[0]
        return library

    def _resolve_and_merge(
        self, text: str, plan: texflow.Plan, preprints: Sequence[Query]
    ) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[texflow.Diagnostic, ...]]:
        """The text with the planned keys' entries appended (and, refreshing, the published
        preprints replaced), the keys added and upgraded, and the keys that did not resolve."""
        with open_sources(self.settings) as sources:
            resolutions = self._resolved(plan.queries, sources)
            refreshed = self._resolved(preprints, sources)
        stats = sources.stats
        asked = [*resolutions, *refreshed]
        for line in source_trouble(
            asked, stats.down, stats.refused, stats.gave_up, offline=self.settings.offline
        ):
            self.tell(line)
        upgraded: tuple[str, ...] = ()
        if self.refresh:
            result = texflow.refresh(text, refreshed, self.render)
            upgraded = result.upgraded
            diff = texflow.unified_diff(text, result.text, self.target.name)
            if diff:
                self.tell(diff.rstrip("\n"))
            assert_nothing_lost(text, result.text)  # an upgrade replaces entries, never drops one
            text = result.text
        try:
            merged = texflow.merge(text, plan, resolutions, self.render, insert=self.library.insert)
        except (InputError, SafetyError) as error:
            raise type(error)(f"{self.target}: {error}") from None
        if self.library.name == "bibtex" and not merged.text.startswith(text):
            raise SafetyError(f"{self.target}: refusing to write: the existing text would change")
        return merged.text, merged.added, upgraded, merged.diagnostics

    def _resolved(self, queries: Sequence[Query], sources: Sources) -> list[Resolution]:
        if not queries:
            return []
        result = resolve_queries(queries, sources=sources, settings=self.settings, progress=self.progress)
        return result.resolutions


def _default_output(document: LatexDocument, kind: DraftFormat, *, allow_outside: bool) -> Path:
    if not document.resources:
        raise UsageError(f"{document.main}: names no bibliography ({kind.bibliography_hint}); give -o PATH")
    first = document.resources[0]
    suffix = PurePath(first.name).suffix.lower()
    if suffix not in kind.bibliography_suffixes:
        suffix = kind.bibliography_suffixes[0]  # refused as "not a .bib file"
    # Names are relative to the main file's folder (LaTeX, Typst), or to the file naming them (a
    # Markdown draft, or a project file such as _quarto.yml above it): the tree they must stay in.
    root = first.root if first.root is not None else document.main.parent
    return named_output(first.name, root, named_in=first.named_in, suffix=suffix, allow_outside=allow_outside)


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


def _silent(line: str) -> None:
    return None
