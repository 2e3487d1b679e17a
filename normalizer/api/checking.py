"""``bibnorm.check``: the findings about existing ``.bib`` files that ``bibnorm check`` prints —
where BibTeX will lose or misread data, duplicates, missing fields, drift from the canonical
layout, preprints with a published or newer version — and, asked for, ``verify``'s (BN7xx).

Read as BibTeX reads (`bibnorm.bib.checks.scan_text`); the files are checked together, so an
@string one defines is defined for all. The ``.bib`` files a LaTeX document near them names with
them (``\\bibliography{abbrev,refs}``, ``\\addbibresource``) are read too, for their keys and macros
(`bibnorm.bib.companions`), and a macro or ``crossref`` parent still undefined is looked for in
the other ``.bib`` files of their folders (`companion_strings`, `companion_parents`), which the
finding then names.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.api.reading import given_paths
from bibnorm.api.settings import check_config_from, defined_strings, given_settings
from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.checks import CHECKS, finish_checks, scan_text
from bibnorm.bib.checks.base import CheckConfig, FileIndex, Finding, OnlineFacts, arxiv_ids
from bibnorm.bib.companions import companion_indexes, project_companions, style_macros
from bibnorm.bib.reading import parse_bibtex
from bibnorm.config import Settings, settings_of
from bibnorm.errors import BibnormError
from bibnorm.io import read_text
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from pydantic import BaseModel

if TYPE_CHECKING:
    from bibnorm.sources.session import SessionFactory
    from bibnorm.verify.run import VerifyOptions

# What answers the online checks (BN5xx): the arXiv ids the files cite (id → the version an entry
# pins, or None) in, the facts about them out; None when nothing can be said (offline, no lock).
PreprintFacts = Callable[[Mapping[str, int | None]], OnlineFacts | None]

# A folder's other .bib files are read for the macros no file given defines only up to these sizes.
_COMPANIONS_READ = 20
_COMPANION_BYTES = 5 << 20


class Checked(BaseModel):
    """What ``check`` found in ``files``: its findings in order, and notes for the user: the
    companion files read with them (`bibnorm.bib.companions`) and what the verification
    (``verify=``) could not ask (the sources it lost, as ``verify`` says them)."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        from bibnorm.models import Severity

        return any(f.severity is Severity.ERROR for f in self.findings)


def check(
    files: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    *,
    strings: Sequence[str] = (),
    overrides: Mapping[str, Any] | None = None,
    jobs: int | None = None,
    preprint_facts: PreprintFacts | None = None,
    verify: VerifyOptions | None = None,
    open_session: SessionFactory | None = None,
    progress: Progress = NO_PROGRESS,
    config: CheckConfig | None = None,
) -> Checked:
    """Check ``files`` (one path, or several) together, as ``settings`` say (their ``check``
    table's ``select`` and ``ignore``, their ``format`` layout, their ``key_format`` when set:
    `check_config_from`), or the settings `bibnorm.load_settings` makes of ``overrides``;
    ``strings`` are other files whose @string macros count as defined.

    The online checks (BN5xx) are answered by ``preprint_facts`` when given (``bibnorm check``
    passes one that reads the lockfile and asks the sources), else stay silent. With ``verify``,
    every entry is also verified (`bibnorm.verify_references` with these options and settings,
    and ``open_session``) and its findings follow. ``progress`` hears a ``read`` phase (one item
    a file), then the sources' phases. Big files are read on ``jobs`` processes.

    ``config`` (a `CheckConfig`, also accepted in the place of ``settings``) is the older way to
    say which checks run: deprecated, it is used as it is.
    """
    if isinstance(settings, CheckConfig):
        config, settings = settings, None
    if config is not None:
        _deprecated_config()
        chosen: Settings | None = settings
    else:
        chosen = settings_of(given_settings(settings, overrides))
        config, overrides = check_config_from(chosen, strings), None
    return run_checks(
        [str(path) for path in given_paths(files)],
        config,
        chosen,
        overrides=overrides,
        jobs=jobs,
        preprint_facts=preprint_facts,
        verify=verify,
        open_session=open_session,
        progress=progress,
    )


def _deprecated_config() -> None:
    warnings.warn(
        "bibnorm.check(files, CheckConfig(...)) is deprecated: give it the Settings"
        " (bibnorm.load_settings; the check table's select and ignore)",
        DeprecationWarning,
        stacklevel=3,
    )


def run_checks(
    files: Sequence[str],
    config: CheckConfig,
    settings: Settings | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    jobs: int | None = None,
    preprint_facts: PreprintFacts | None = None,
    verify: VerifyOptions | None = None,
    open_session: SessionFactory | None = None,
    progress: Progress = NO_PROGRESS,
) -> Checked:
    """`check` with the checks already read from the settings (``bibnorm check`` reads them once,
    for the online checks' answers too)."""
    entry_findings: list[Finding] = []
    indexes: list[FileIndex] = []
    progress.start("read", len(files), "files")
    for path in files:
        found, index = scan_text(read_text(path), path, config, jobs=jobs)
        entry_findings += found
        indexes.append(index)
        progress.advance()
    progress.finish()
    # The .bib files a document near them names with the files given: read for their keys and
    # macros, as the document reads them; their own findings are not reported.
    companions = project_companions(files)
    context = companion_indexes(companions, config)
    notes = tuple(companion.note() for companion in companions)
    together = [*indexes, *context]
    online = None
    if preprint_facts is not None and any(config.enabled(c.code) for c in CHECKS if c.online):
        online = preprint_facts(arxiv_ids(indexes))
    if config.enabled("BN102"):
        config = config.model_copy(update={"strings": config.strings | style_macros(files)})
        config = config.model_copy(update={"companions": companion_strings(files, together, config)})
    if config.enabled("BN306") or config.enabled("BN301"):
        config = config.model_copy(update={"parent_files": companion_parents(files, together)})
    findings = finish_checks(entry_findings, together, config, online)
    if context:
        read_only = {index.path for index in context}
        findings = [finding for finding in findings if finding.path not in read_only]
    if verify is None:
        return Checked(files=tuple(files), findings=tuple(findings), warnings=notes)
    from bibnorm.api.verifying import verify_references

    verification = verify_references(
        files,
        options=verify,
        settings=settings,
        overrides=overrides,
        open_session=open_session,
        progress=progress,
    )
    return Checked(
        files=tuple(files),
        findings=(*findings, *verification.findings()),
        warnings=(*notes, *verification.outcome.warnings()),
    )


def companion_strings(
    files: Sequence[str], indexes: Sequence[FileIndex], config: CheckConfig
) -> dict[str, str]:
    """For the @string macros the files use and none of them (nor ``--strings``, nor the standard
    styles) defines: the first other .bib file in a given file's folder that defines each."""
    from bibnorm.bib.checks.structure import PREDEFINED_MACROS

    defined = set(config.strings) | PREDEFINED_MACROS
    for index in indexes:
        defined.update(index.strings)
    wanted = {
        ascii_lower(name) for index in indexes for entry in index.entries for _, _, name in entry.macros
    }
    wanted -= defined
    if not wanted:
        return {}
    return _first_defining(files, wanted, _string_names)


def companion_parents(files: Sequence[str], indexes: Sequence[FileIndex]) -> dict[str, str]:
    """For the crossref/xdata keys the entries name and no file given defines: the first other
    .bib file in a given file's folder that defines each."""
    defined = {
        key
        for index in indexes
        for entry in index.entries
        for key in (ascii_lower(entry.key), *entry.aliases)
    }
    wanted = {parent for index in indexes for entry in index.entries for parent in entry.parents} - defined
    if not wanted:
        return {}
    return _first_defining(files, wanted, _entry_keys)


def _string_names(path: Path) -> frozenset[str]:
    """The @string names a .bib file defines."""
    return defined_strings([str(path)])


def _entry_keys(path: Path) -> frozenset[str]:
    """The keys of a .bib file's entries, as BibTeX compares them."""
    return frozenset(
        ascii_lower(entry.key) for entry in parse_bibtex(read_text(str(path)), str(path)).entries
    )


def _first_defining(
    files: Sequence[str], wanted: set[str], names_in: Callable[[Path], frozenset[str]]
) -> dict[str, str]:
    """For each name ``wanted``: the first other .bib file in a given file's folder whose names
    (``names_in`` reads them) include it, as a path from the working folder."""
    given = {Path(path).resolve() for path in files if path != "-"}
    found: dict[str, str] = {}
    for folder in dict.fromkeys(Path(path).resolve().parent for path in files if path != "-"):
        for sibling in _siblings(folder, given):
            try:
                names = names_in(sibling)
            except BibnormError:
                continue  # an unreadable neighbour is no companion
            for name in wanted & names:
                found.setdefault(name, os.path.relpath(sibling))
    return found


def _siblings(folder: Path, given: set[Path]) -> list[Path]:
    """The other .bib files of ``folder`` worth reading for macros: the first few, not too big."""
    siblings = sorted(p for p in folder.glob("*.bib") if p.resolve() not in given and p.is_file())
    return [sibling for sibling in siblings[:_COMPANIONS_READ] if sibling.stat().st_size <= _COMPANION_BYTES]


__all__ = ["Checked", "PreprintFacts", "check", "companion_parents", "companion_strings", "run_checks"]
