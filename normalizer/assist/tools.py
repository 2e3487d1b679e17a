"""The assistant's tools as plain functions: the library calls ``resolve``, ``verify``, ``check``
and ``format`` make, on text an assistant passes (or a file under a root the user opened).

Each tool is read-only (it writes no file, and reads only files under `AssistConfig.roots`),
bounded (`MAX_TEXT_CHARS`, `MAX_LOOKUP_CHARS`, `MAX_ITEMS`, and `CALL_SECONDS` a call: a
`CallBudget` the server gives each call, which also stops a cancelled call from asking the sources
any further) and deterministic for the same sources; each returns a JSON-ready dict. Trouble
with the input or the settings is a `ToolInputError` whose message is one line; per-item trouble
is data (an unresolved item with its best candidates, an unverifiable entry with its reasons), as
on the command line.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast, get_args

from bibnorm import writers
from bibnorm.api.resolve_files import entries_with_records_as_given
from bibnorm.api.resolving import ResolveResult, resolve_queries
from bibnorm.api.writing import render
from bibnorm.bib.bibfile import FormatOptions, parse_bibtex
from bibnorm.bib.checks.base import CheckConfig
from bibnorm.config import BstName, Settings, load_settings
from bibnorm.errors import BibnormError, one_line
from bibnorm.io import read_text
from bibnorm.models import Query, Status
from bibnorm.readers import READERS, detect_format, refuse_unreadable
from bibnorm.resolve import keys
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import ReportItems, item_json
from bibnorm.resolvers import SessionFactory
from bibnorm.sources import open_sources

MAX_TEXT_CHARS = 1_000_000  # a bibliography or a reference list passed as text, or read from a file
MAX_LOOKUP_CHARS = 2_000  # one reference: a title, an id, a DOI or one reference string
MAX_ITEMS = 500  # references one call resolves or verifies (each may cost requests to the sources)
CALL_SECONDS = 300.0  # one call's time: 500 references at the sources' polite pace, not longer
TEXT_NAME = "<text>"  # where findings in text passed to a tool are said to be
BST_NAMES: tuple[str, ...] = get_args(BstName)


class ToolInputError(BibnormError):
    """A tool's input or settings cannot be used; ``str()`` is one line for the assistant."""


class CallStopped(BaseException):
    """A call was cancelled or ran out of time; ``str()`` is one line. A `BaseException`, so that
    no source's per-item handling of errors turns it into one more failed item."""


class CallBudget:
    """One call's time and its cancellation, heard at every step of the work (a `Progress`: each
    phase started and each item done, per source): past ``seconds``, or once `cancel` was called
    (the assistant cancelled, the client went away), the next step raises `CallStopped`, so no
    further source is asked."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._ends = clock() + seconds
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise CallStopped("the call was cancelled")
        if self._clock() > self._ends:
            raise CallStopped(
                f"the call took more than {self.seconds:g} s, a call's limit; ask about fewer"
                " references at a time"
            )

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        self.check()

    def expect(self, total: int) -> None:
        self.check()

    def advance(self, count: int = 1) -> None:
        self.check()

    def finish(self) -> None:
        self.check()


_CALL = threading.local()  # the budget of the call this thread runs


@contextlib.contextmanager
def within(budget: CallBudget) -> Iterator[None]:
    """Run a tool in this thread under ``budget`` (`current_budget` gives it to the work)."""
    _CALL.budget = budget
    try:
        yield
    finally:
        _CALL.budget = None


def current_budget() -> Progress:
    """The budget of the call this thread runs (no bound outside a call: a library caller's)."""
    return getattr(_CALL, "budget", None) or NO_PROGRESS


@dataclass(frozen=True)
class AssistConfig:
    """What the tools are given by the one composition root (``bibnorm mcp``).

    ``overrides`` are the CLI's source settings (offline, snapshot, resolvers, key, cache
    folder); ``roots`` the folders whose files a tool may read (none: text only);
    ``open_session`` builds verify's session (resolving opens `bibnorm.sources.open_sources`,
    as ``bibnorm resolve`` does); ``layout`` is the BibTeX layout ``resolve`` and ``format`` write;
    ``check_config`` the checks ``check`` runs; ``format_text(text, name, bst)`` what ``format``
    (``--bst``) does to a file's text (the formatted text and a note for each block kept as it was).
    """

    overrides: dict[str, Any]
    open_session: SessionFactory
    layout: FormatOptions
    check_config: CheckConfig
    format_text: Callable[[str, str, BstName | None], tuple[str, list[str]]]
    roots: tuple[Path, ...] = ()
    today: Callable[[], date] = field(default=date.today)

    def settings(self) -> Settings:
        return load_settings(self.overrides)


def _bounded(text: str, what: str, limit: int = MAX_TEXT_CHARS) -> str:
    if len(text) > limit:
        raise ToolInputError(f"{what} is {len(text):,} characters; this tool takes at most {limit:,}")
    if not text.strip():
        raise ToolInputError(f"{what} is empty")
    return text


def _queries(text: str, name: str) -> list[Query]:
    """The references in ``text``, read as ``resolve`` reads a file of that content."""
    found = detect_format(text)
    if found == "lines":
        refuse_unreadable(text, name)
    queries = READERS[found].read(text, name)
    if not queries:
        raise ToolInputError(f"{name}: no references found (read as {found})")
    if len(queries) > MAX_ITEMS:
        raise ToolInputError(f"{name}: {len(queries)} references; this tool takes at most {MAX_ITEMS} a call")
    return queries


def _resolved(config: AssistConfig, queries: Sequence[Query]) -> tuple[ResolveResult, Settings]:
    """`bibnorm.api.resolving.resolve` over sources opened for this call alone."""
    settings = config.settings()
    keys.validate_key_format(settings.key_format)
    with open_sources(settings) as sources:
        return resolve_queries(
            queries, sources=sources, settings=settings, progress=current_budget()
        ), settings


def lookup_reference(config: AssistConfig, reference: str) -> dict[str, Any]:
    """One reference (a title, an arXiv id or URL, a DOI, or one reference string) → what it
    resolved to, or, when nothing matched with confidence, ``unresolved``/``ambiguous`` with the
    best candidates; each candidate with its score and evidence. Never a guess."""
    text = _bounded(reference, "the reference", MAX_LOOKUP_CHARS)
    queries = _queries(" ".join(text.split()), "reference")
    result, _ = _resolved(config, queries[:1])
    item = item_json(result.resolutions[0])
    resolved = result.resolutions[0].status is Status.RESOLVED
    return {"resolved": resolved, **item}


def resolve_references(config: AssistConfig, text: str, output_format: str = "bibtex") -> dict[str, Any]:
    """Many references (one per line, a pasted reference list, a papers page, BibTeX, CSL-JSON)
    → the bibliography of those that resolved, in ``output_format`` (a writer's name, as
    ``resolve --format`` takes it), and the ones that did not. An item of the user's own records
    (a BibTeX entry, a CSL-JSON item, an RIS record) that did not resolve is written as it gives
    itself, as ``bibnorm resolve`` writes it: a bibliography handed back loses none of them."""
    if output_format not in writers.WRITERS:
        choices = ", ".join(sorted(writers.WRITERS))
        raise ToolInputError(f"unknown format {output_format!r}; choose one of: {choices}")
    queries = _queries(_bounded(text, "the text"), TEXT_NAME)
    result, settings = _resolved(config, queries)
    entries, as_given = entries_with_records_as_given(result.resolutions, settings.key_format)
    rendered = render(entries, format=output_format, settings=settings, layout=config.layout)
    items = ReportItems(result.resolutions)
    items.mark_kept({}, as_given)
    not_written = [item for item in items if item["status"] != Status.RESOLVED.value]
    return {
        "format": output_format,
        "text": rendered.text,
        "summary": {**result.summary(), "as_given": len(as_given)},
        "not_resolved": not_written,
        "warnings": [warning.message for warning in rendered.warnings],
    }


def read_under_roots(config: AssistConfig, path: str) -> tuple[str, str]:
    """(the text, the name to report) of a file under one of the configured roots; a path
    elsewhere (after following links and ``..``) is refused."""
    if not config.roots:
        raise ToolInputError("no folder is open to this server (start it with --root DIR); pass the text")
    given = Path(path).expanduser()
    candidate = (given if given.is_absolute() else config.roots[0] / given).resolve()
    for root in config.roots:
        if candidate.is_relative_to(root.resolve()):
            break
    else:
        raise ToolInputError(f"{path}: outside the folders open to this server")
    if not candidate.is_file():
        raise ToolInputError(f"{path}: no such file under the open folders")
    if candidate.stat().st_size > MAX_TEXT_CHARS * 4:  # UTF-8 takes at most 4 bytes a character
        raise ToolInputError(f"{path}: larger than this tool reads ({MAX_TEXT_CHARS:,} characters)")
    return _bounded(read_text(str(candidate)), path), path


def _bibtex_or_path(config: AssistConfig, bibtex: str | None, path: str | None) -> tuple[str, str]:
    if (bibtex is None) == (path is None):
        raise ToolInputError("give either the BibTeX text or a path, not both or neither")
    if path is not None:
        return read_under_roots(config, path)
    assert bibtex is not None
    return _bounded(bibtex, "the BibTeX text"), TEXT_NAME


def verify_bibliography(
    config: AssistConfig, bibtex: str | None = None, path: str | None = None
) -> dict[str, Any]:
    """Is every entry of a bibliography a real work, cited faithfully? Each entry's verdict
    (verified, mismatch, not_found, unverifiable) with its findings and the record it matched."""
    from bibnorm.verify.run import ReadInput, VerifyOptions, as_findings, run_verify

    text, name = _bibtex_or_path(config, bibtex, path)
    entries = len(parse_bibtex(text, name).entries)
    if entries > MAX_ITEMS:
        raise ToolInputError(f"{name}: {entries} entries; this tool takes at most {MAX_ITEMS} a call")
    given = ReadInput(name, bibtex=text)
    outcome = run_verify(
        [given], config.overrides, VerifyOptions(), config.today(), config.open_session, current_budget()
    )
    document = outcome.as_json()
    for entry, verdict in zip(document["entries"], outcome.verdicts, strict=True):
        entry["line"] = verdict.line
        entry["unverifiable_because"] = list(verdict.unverifiable_because)
    return {
        **document,
        "lines": [finding.render() for finding in as_findings(outcome.verdicts)],
        "warnings": outcome.warnings(),
    }


def check_bibtex(config: AssistConfig, bibtex: str | None = None, path: str | None = None) -> dict[str, Any]:
    """``bibnorm check`` of one .bib text: each finding (code, severity, line, key, message);
    the checks that need the sources (BN5xx) are not run here."""
    from bibnorm.bib.checks import finish_checks, scan_text

    text, name = _bibtex_or_path(config, bibtex, path)
    found, index = scan_text(text, name, config.check_config, jobs=1)
    findings = finish_checks(found, [index], config.check_config, None)
    return {
        "findings": [finding.as_json() for finding in findings],
        "lines": [finding.render() for finding in findings],
        "errors": sum(1 for f in findings if f.severity.value == "error"),
    }


def format_bibtex(config: AssistConfig, bibtex: str, bst: str | None = None) -> dict[str, Any]:
    """``bibnorm format`` of one .bib text: the canonical layout, nothing BibTeX reads changed;
    with ``bst`` (``format --bst``), each DOI and arXiv id where that BibTeX style prints it once."""
    if bst is not None and bst not in BST_NAMES:
        raise ToolInputError(f"unknown BibTeX style {bst!r}; choose one of: {', '.join(BST_NAMES)}")
    style = cast(BstName | None, bst)  # one of BST_NAMES, or None
    formatted, kept = config.format_text(_bounded(bibtex, "the BibTeX text"), TEXT_NAME, style)
    return {"text": formatted, "changed": formatted != bibtex, "kept_as_is": kept}


def describe_error(error: BaseException) -> str:
    """One line for an error a tool ran into."""
    return one_line(str(error)) or type(error).__name__
