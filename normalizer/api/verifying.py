"""``bibnorm.verify_references``: is every entry of a bibliography a real work, cited faithfully —
and, given a LaTeX draft, are its citations and its bibliography the same set? (The name is not
``verify``: ``bibnorm.verify`` is the package that judges.)

What ``bibnorm verify`` does between reading its options and printing, as one call: the inputs
(files, or items already read), the `VerifyOptions`, the settings overrides and the session
factory in; a `Verification` out (the verdicts, what the run asked and lost, the draft audit).
The codes and conditions a caller may name (`parse_verify_codes`, `parse_fail_on`) and what
counts as failing (`Verification.failure`) live here too, so every caller fails alike.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.bib.bibfile import read_bibfile
from bibnorm.bib.checks.base import Finding
from bibnorm.config import Settings
from bibnorm.errors import UsageError, shown
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.verify.audit import ListedEntry, TexAudit
from bibnorm.verify.codes import ALL_CHECKS
from bibnorm.verify.judge import Verdict
from bibnorm.verify.run import ReadInput, VerifyOptions, VerifyOutcome, as_findings, enabled, run_verify
from pydantic import BaseModel, ConfigDict

from .settings import given_settings

if TYPE_CHECKING:
    from bibnorm.readers.drafts import DraftFormat
    from bibnorm.readers.latex import LatexDocument
    from bibnorm.sources.session import SessionFactory

# What ``fail_on`` adds to the failing conditions (a mismatch, a work not found and, with a
# draft, a cited key no entry holds always fail).
FAIL_ON = ("retracted", "unverifiable")


class Failure(Enum):
    """Why a verification fails, in the order the conditions are weighed (`Verification.failure`)."""

    FINDINGS = "findings"  # something is certainly wrong, whatever the sources
    NOTHING_VERIFIED = "nothing_verified"  # no entry could be judged for want of a source


class Verification(BaseModel):
    """One verification: the run's `VerifyOutcome` (verdicts in input order, requests, sources
    lost, notes) and, when a draft was audited, its `TexAudit` and the draft's reading warnings."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    outcome: VerifyOutcome
    audit: TexAudit | None = None
    draft_warnings: tuple[str, ...] = ()

    def findings(self) -> list[Finding]:
        """Every finding as ``check`` reports it (an unverifiable entry: one BN700 warning), then
        the audit's."""
        return as_findings(self.outcome.verdicts, self.audit)

    def as_json(self) -> dict[str, Any]:
        """The ``--json`` document: the outcome's, with the audit under ``"audit"`` when there is one."""
        document = self.outcome.as_json()
        if self.audit is not None:
            document["audit"] = self.audit.as_json()
        return document

    def failure(self, conditions: Collection[str] = ()) -> Failure | None:
        """Why this verification fails, the first that applies, or None:

        1. `Failure.FINDINGS` for what is certain whatever the sources: an entry ``mismatch`` or
           ``not_found``, a cited key no entry holds, and with ``"retracted"`` among the
           ``conditions`` a retracted or withdrawn work;
        2. `Failure.NOTHING_VERIFIED` when no entry could be verified for want of a source
           (`VerifyOutcome.nothing_verified`), so a CI job never passes having verified nothing;
        3. `Failure.FINDINGS` with ``"unverifiable"`` when an entry is unverifiable.
        """
        from bibnorm.verify.notices import RETRACTED_CODES

        verdicts = self.outcome.verdicts
        if any(v.verdict in (Verdict.MISMATCH, Verdict.NOT_FOUND) for v in verdicts):
            return Failure.FINDINGS
        if self.audit is not None and self.audit.missing:
            return Failure.FINDINGS
        if "retracted" in conditions and any(f.code in RETRACTED_CODES for v in verdicts for f in v.findings):
            return Failure.FINDINGS
        if self.outcome.nothing_verified:
            return Failure.NOTHING_VERIFIED
        if "unverifiable" in conditions and any(v.verdict is Verdict.UNVERIFIABLE for v in verdicts):
            return Failure.FINDINGS
        return None


def parse_verify_codes(text: str | None) -> tuple[str, ...]:
    """``"BN71,BN722"`` → codes/prefixes; `UsageError` for one that names no verify check."""
    from bibnorm.api.settings import parse_codes

    return parse_codes(text, [check.code for check in ALL_CHECKS], "verify")


def parse_fail_on(text: str | None) -> frozenset[str]:
    """``"retracted,unverifiable"`` → the conditions; `UsageError` for an unknown one."""
    names = frozenset(item.strip().lower() for item in (text or "").split(",") if item.strip())
    unknown = sorted(names - set(FAIL_ON))
    if unknown:
        raise UsageError(f"--fail-on: unknown condition {shown(unknown[0])} (known: {', '.join(FAIL_ON)})")
    return names


def verify_references(
    inputs: str | Path | Sequence[str | Path | ReadInput] = (),
    *,
    tex: str | Path | None = None,
    options: VerifyOptions | None = None,
    settings: Settings | None = None,
    overrides: Mapping[str, Any] | None = None,
    today: date | None = None,
    open_session: SessionFactory | None = None,
    progress: Progress = NO_PROGRESS,
) -> Verification:
    """Verify ``inputs``: ``.bib`` files, anything ``resolve`` reads (a ``.bbl``, RIS, CSL-JSON,
    a reference list, a PDF), or items already read (`ReadInput`).

    With ``tex`` (a draft's ``.tex`` or ``.aux``), audit its citations against its bibliography
    (``inputs``, else the files the draft names) and verify only the entries it cites.

    ``options`` selects codes and the lockfile; ``settings`` are the `Settings` to verify with
    (`bibnorm.load_settings`), or ``overrides`` the values `load_settings` is given above the
    environment and the config file (``offline``, ``cache_dir``, ``resolvers`` …; not both);
    ``open_session`` opens the HTTP session the
    online sources share (`bibnorm.sources.build_session` unless given); ``today`` dates the
    judgement (future years) and the lock's lines. Nothing is printed: ``progress`` hears a
    ``read`` phase, then one phase per question the sources are asked.
    """
    if isinstance(inputs, str | Path):  # one path alone, not a sequence of its characters
        inputs = [inputs]
    chosen = options or VerifyOptions()
    given = given_settings(settings, overrides)
    when = today or date.today()
    from bibnorm.sources import build_session

    session = open_session or build_session
    if tex is not None:
        return _audit_draft(Path(tex), inputs, chosen, given, when, session, progress)
    files = [item if isinstance(item, ReadInput) else Path(item) for item in inputs]
    return Verification(outcome=run_verify(files, given, chosen, when, session, progress))


def _audit_draft(
    document: Path,
    inputs: Sequence[str | Path | ReadInput],
    options: VerifyOptions,
    given: Settings | dict[str, Any],
    today: date,
    open_session: SessionFactory,
    progress: Progress,
) -> Verification:
    """The draft's citations against its bibliography, and the verdicts of the entries it cites;
    the audit's findings as the options' selection leaves them."""
    from bibnorm.readers.drafts import read_draft
    from bibnorm.verify.audit import audit

    if any(isinstance(item, ReadInput) for item in inputs):
        raise UsageError("a draft's bibliography is read from files, not from items already read")
    kind, draft = read_draft(document)
    paths = _bibliographies(document, inputs, kind, draft)
    entries = [entry for path in paths for entry in _draft_entries(path, kind.yaml_format)]
    found = _as_selected(audit(str(document), draft.citations, entries, nocite_all=draft.nocite_all), options)
    cited_only = replace(options, keys=frozenset(found.cited))
    # verify reads .bib and CSL-JSON entries; a YAML bibliography's are audited only (cited vs listed).
    readable = [path for path in paths if path.suffix.lower() not in (".yaml", ".yml")]
    warnings = [
        *draft.warnings,
        *(
            f"{path}: its entries are audited, not verified (a YAML bibliography)"
            for path in paths
            if path not in readable
        ),
    ]
    outcome = (
        run_verify(readable, given, cited_only, today, open_session, progress)
        if readable
        else VerifyOutcome(verdicts=[])
    )
    return Verification(outcome=outcome, audit=found, draft_warnings=tuple(warnings))


def _bibliographies(
    document: Path, inputs: Sequence[str | Path | ReadInput], kind: DraftFormat, draft: LatexDocument
) -> list[Path]:
    """The bibliography files audited: those given, else those the draft names; `UsageError`
    when there are none (as `bibnorm tex` says it: the command line must name the files)."""
    paths = [Path(str(item)) for item in inputs] or list(draft.bibliographies)
    if not paths:
        files = ".bib files" if kind.bibliography_suffixes == (".bib",) else "bibliography files"
        raise UsageError(f"{document}: names no bibliography ({kind.bibliography_hint}); give the {files}")
    return paths


def _as_selected(found: TexAudit, options: VerifyOptions) -> TexAudit:
    """The audit with only the missing and uncited citations whose codes the options select."""
    return found.model_copy(
        update={
            "missing": tuple(a for a in found.missing if enabled(a.finding.code, options)),
            "uncited": tuple(a for a in found.uncited if enabled(a.finding.code, options)),
        }
    )


def _draft_entries(path: Path, yaml_format: str) -> list[ListedEntry]:
    """The entries of one of a draft's bibliographies: a ``.bib`` as `listed_entries` reads it,
    CSL-JSON, CSL YAML and Hayagriva by their keys."""
    from bibnorm.io import read_text
    from bibnorm.latex.libraries import format_of

    text = read_text(path) if path.exists() else ""
    library = format_of(str(path), text, yaml_format)
    if library is None or library.name == "bibtex":
        return listed_entries(path)
    return [ListedEntry(key=k.key, path=str(path), line=k.line) for k in library.listed(text, str(path))]


def listed_entries(path: Path) -> list[ListedEntry]:
    """Every entry of a ``.bib`` file as the audit sees it: key, place, the keys it pulls in."""
    entries = []
    for entry in read_bibfile(path).entries:
        pulls = [
            entry.get("crossref") or "",
            *(entry.get("xdata") or "").split(","),
            *(entry.get("entryset") or "").split(","),
        ]
        entries.append(
            ListedEntry(
                key=entry.key,
                path=str(path),
                line=entry.line,
                pulls=tuple(key.strip() for key in pulls if key.strip()),
            )
        )
    return entries


__all__ = [
    "FAIL_ON",
    "Failure",
    "ReadInput",
    "Verification",
    "VerifyOptions",
    "parse_fail_on",
    "parse_verify_codes",
    "verify_references",
]
