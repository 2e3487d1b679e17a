"""``bibnorm resolve`` as a library call: inputs in, a bibliography file (and a report, a lockfile)
out.

`plan_resolve` checks a `ResolveJob` before anything is read (key formula, which files it
writes and reads); `resolve_files` does the rest of what the command does between its options
and its messages: it reads the inputs, opens the sources, resolves, records the decisions in
the lockfile, renders the bibliography, keeps what an input held that did not resolve (a
``.bib`` into BibTeX, a CSL-JSON into CSL-JSON, a RIS file into RIS), keeps the earlier output's
entries for items this run could not settle (`bibnorm.api.previous`), and writes the report and
the output atomically. It prints nothing: what the user should hear while it runs goes to
``notify``, and the rest is in the `ResolveRun` it returns. Standard output (``-``) is left to
the caller, which writes it after its progress display is gone.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from bibnorm import writers
from bibnorm.bib import lockfile
from bibnorm.bib.bibfile import BibFile, FormatOptions, read_bibfile
from bibnorm.bib.lockfile import LOCK_FILE, load_lock, lock_from_resolutions, lock_in_use
from bibnorm.bib.merge import keep_bib_inputs, key_book_from_bib, replaced_places
from bibnorm.config import Settings
from bibnorm.errors import BibnormError, UsageError
from bibnorm.io import STDIO, Role, read_text, refuse_clashes, refuse_missing_home, write_atomic
from bibnorm.models import Reference, Resolution, Status
from bibnorm.readers import READERS
from bibnorm.readers.csl_json import csl_json_items
from bibnorm.readers.ris import ris_record_texts
from bibnorm.resolve import keys
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.report import ReportItems, report_chunks, streamed_report
from bibnorm.sources import open_sources
from bibnorm.text.clean import inert_text
from bibnorm.writers.csl_json import keep_csl_inputs, with_input_fields
from bibnorm.writers.ris import keep_ris_inputs
from pydantic import BaseModel, ConfigDict

from .previous import Outcome, PreviousOutput, kept_for, read_previous, settled_nothing, with_previous
from .reading import read_noted
from .resolving import ResolveResult, resolve_queries, with_user_fields
from .settings import format_options_from
from .writing import render

Notify = Callable[[str], None]
BIB_FORMATS = ("bibtex", "biblatex")


class ResolveJob(BaseModel):
    """What to resolve and where the results go (``-`` is standard output)."""

    model_config = ConfigDict(frozen=True)

    inputs: tuple[str, ...]
    output: str = STDIO
    output_format: str | None = None  # None: from the output's suffix, else bibtex
    input_format: str | None = None  # None: detected per input
    report_path: str | None = None
    report_on_stdout: bool = False  # the JSON report instead of the bibliography (``--json``)
    update_lock: bool = False  # record the decisions in the lockfile (created if missing)


class ResolvePlan(BaseModel):
    """A `ResolveJob` checked against its settings (`plan_resolve`), ready for `resolve_files`."""

    model_config = ConfigDict(frozen=True)

    job: ResolveJob
    settings: Settings  # the lockfile in use filled in
    lock_file: Path | None  # the lockfile to update, if any
    output_format: str


class ResolveRun(BaseModel):
    """What a `resolve_files` run did, for the caller to say and to exit by."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings  # as the run used them (the lockfile in use filled in)
    result: ResolveResult
    text: str  # the bibliography as written (or to write, for standard output)
    # The full report when one was asked for (its items made as they are read: `ReportItems`,
    # a sequence; `report_text` or `report_chunks` give its JSON), else only its summary.
    report: dict[str, Any]
    output_format: str
    read_notes: list[str]  # how inputs were read ("refs.txt: read as a reference list: …")
    input_warnings: list[str]  # an input .bib's blocks that could not be read, and their fate
    writer_warnings: list[str]
    previous: PreviousOutput | None = None  # what the output file held before, if kept from
    outcome: Outcome | None = None  # what the earlier output contributed to this one
    kept_all: bool = False  # nothing could be settled: the earlier output was left as it was
    # the input .bib's entries that did not resolve, which an output in another format leaves out
    left_out: int = 0
    # the items of input exports (CSL-JSON, RIS, Zotero) that did not resolve, which an output in
    # another format leaves out: the user's own records, said as the .bib's are
    exports_left_out: int = 0
    # the items that did not resolve written as the user's own record gives them (`Query.record`),
    # into another format than their input's
    as_given: int = 0

    def report_text(self) -> str:
        return dump_json(self.report)

    def report_chunks(self) -> Iterator[str]:
        """`report_text` in pieces, its items made as they are written (`report_chunks`)."""
        return report_chunks(self.report)


def resolve_files(
    plan: ResolvePlan, *, progress: Progress = NO_PROGRESS, notify: Notify | None = None
) -> ResolveRun:
    """Run a planned job: see the module docstring. Raises a `BibnormError` (one line) for an
    input that cannot be read or a source that cannot be set up."""
    job, settings, lock_file, chosen_format = plan.job, plan.settings, plan.lock_file, plan.output_format
    queries, read_notes = read_noted(
        job.inputs,
        input_format=job.input_format,
        settings=settings,
        progress=progress,
        budget=settings.read_budget,
    )
    with open_sources(settings, notify=notify) as sources:
        for note in sources.notes:
            _tell(notify, f"note: {note}")
        known = _known_keys(job.output, chosen_format, settings.lock)
        result = resolve_queries(
            queries, sources=sources, settings=settings, progress=progress, known_keys=known
        )
    bib_files = _bib_inputs(job)
    written = keys.written_entries(result.resolutions)
    # The file the output replaces, read once and only if asked: beside an input .bib it is not.
    earlier = _read_once(job.output, chosen_format) if not bib_files else _nothing_earlier
    kept_whole = _kept_whole_inputs(job, chosen_format)
    own = _own_records(result.resolutions, written, (kept_whole, settings.key_format), earlier)
    order = _entry_order(written, own, kept_whole)
    entries = [entry for _, entry in order]
    progress.start("write", len(entries), "entries")
    if lock_file is not None:
        resolutions = result.resolutions
        lockfile.update_lock(
            lock_file,
            lambda previous: previous.merged(lock_from_resolutions(resolutions, date.today(), previous)),
        )
    # The report's items (a dict per item, more than the item itself) only when it is written.
    wanted = job.report_on_stdout or job.report_path is not None
    report = (
        streamed_report(result.resolutions, result.summary()) if wanted else {"summary": result.summary()}
    )
    # The canonical layout `format` and `check` use, with the names as this run writes them.
    layout = format_options_from(settings, journal_names="full")
    rendered = render(entries, format=chosen_format, settings=settings, layout=layout)
    # The input .bib's own entries, kept as read, lose what the writers' text never carries
    # (control, direction-override and tag characters: `inert_text`).
    text = _with_bib_inputs(rendered.text, bib_files, result.resolutions, chosen_format, layout)
    text, placed = _with_export_inputs(text, job, result.resolutions, chosen_format)
    text = inert_text(text)
    # An input kept whole (a .bib into a .bib, a CSL-JSON into CSL-JSON, a RIS into RIS) is the
    # items' record: what an earlier output held for an item this run did not settle is not.
    run = _with_earlier_output(text, result.resolutions, order, layout, earlier() if not placed else None)
    _mark_kept(report, run.outcome.kept if run.outcome is not None else {}, own)
    if job.report_path and job.report_path != STDIO:
        write_atomic(Path(job.report_path), report_chunks(report))
    # A run that could ask no source writes nothing: an empty new file would pass for a result
    # (a Makefile would find its target up to date).
    if job.output != STDIO and not run.kept_all and not result.settled_nothing:
        write_atomic(job.output, run.text)
    progress.finish()
    return ResolveRun(
        settings=settings,
        result=result,
        text=run.text,
        report=report,
        output_format=chosen_format,
        read_notes=read_notes,
        input_warnings=_unread_blocks(bib_files, keeps_bib=chosen_format in BIB_FORMATS),
        writer_warnings=[warning.message for warning in rendered.warnings],
        previous=run.previous,
        outcome=run.outcome,
        kept_all=run.kept_all,
        left_out=left_out(bib_files, result.resolutions, chosen_format, set(own)),
        exports_left_out=_exports_left_out(job, result.resolutions, placed | set(own)),
        as_given=len(own),
    )


def plan_resolve(job: ResolveJob, settings: Settings) -> ResolvePlan:
    """``job`` checked before anything is read: the settings with the lockfile in use, the
    lockfile to update (if any) and the output format. Refuses (one line) a bad key formula,
    ``report_on_stdout`` with an output file but no report file, and a file the run would both
    read and write."""
    settings = settings.model_copy(update={"lock": lock_in_use(settings.lock)})
    lock_file = (settings.lock or Path(LOCK_FILE)) if job.update_lock else None
    try:
        keys.validate_key_format(settings.key_format)
    except UsageError as error:
        raise settings.refusal("key_format", str(error)) from None
    if job.report_on_stdout and job.output != STDIO and job.report_path is None:
        raise UsageError("--json prints the report on stdout; use --report PATH together with -o")
    _refuse_clashes(job, settings, lock_file)
    for written in (job.output, job.report_path):
        if written is not None and written != STDIO:
            refuse_missing_home(Path(written))
    chosen_format = job.output_format or writers.format_for_output(job.output) or "bibtex"
    return ResolvePlan(job=job, settings=settings, lock_file=lock_file, output_format=chosen_format)


def _refuse_clashes(job: ResolveJob, settings: Settings, lock_file: Path | None) -> None:
    """No file the run writes (output, report, lockfile) may be one it reads."""
    writes = [
        Role("-o/--output", job.output) if not (job.report_on_stdout and job.output == STDIO) else None,
        Role("--report", job.report_path) if job.report_path is not None else None,
        Role("the lockfile (--update-lock)", lock_file) if lock_file is not None else None,
    ]
    reads = [Role("an input", path) for path in job.inputs]
    refuse_clashes(
        [role for role in writes if role is not None],
        [*reads, *source_roles(settings, lock_written=job.update_lock)],
    )


def source_roles(settings: Settings, *, lock_written: bool = False) -> list[Role]:
    """The files a run that resolves reads besides its inputs, for `bibnorm.io.refuse_clashes`:
    the lockfile ``settings.lock`` (unless this run also writes it) and the snapshot index."""
    roles = []
    if settings.lock is not None and not lock_written:
        roles.append(Role("the lockfile", settings.lock))
    index = settings.snapshot_index()
    if index is not None:
        roles.append(Role("the snapshot index", index))
    return roles


def _known_keys(output: str, chosen_format: str, lock_path: Path | None) -> keys.KeyBook:
    """Keys written before for the same papers: the output .bib being replaced, then the lock."""
    book = keys.KeyBook()
    if lock_path is not None:
        for item in load_lock(lock_path).items.values():
            if item.key:
                book.add_reference(item.key, item.reference)
    if output != STDIO and chosen_format in BIB_FORMATS and Path(output).is_file():
        # An unreadable old output only loses its keys; it is replaced anyway.
        with contextlib.suppress(BibnormError):
            key_book_from_bib([read_bibfile(output)], book)
    return book


def _bib_inputs(job: ResolveJob) -> list[BibFile]:
    """The job's inputs read as ``.bib`` files, as BibTeX reads them (standard input is read once)."""
    return [
        read_bibfile(path)
        for path in job.inputs
        if path != STDIO and _read_as(path, job.input_format, ("bib",))
    ]


def _read_as(path: str, input_format: str | None, formats: tuple[str, ...]) -> bool:
    """Whether the input ``path`` is read in one of ``formats``: the one ``input_format`` forces,
    else the one its suffix names (``zotero:``, the Zotero library)."""
    if input_format is not None:
        return input_format in formats
    if path.startswith("zotero:"):
        return "zotero" in formats
    return path != STDIO and any(Path(path).suffix.lower() in READERS[name].suffixes for name in formats)


def _with_bib_inputs(
    text: str,
    bib_files: list[BibFile],
    resolutions: list[Resolution],
    chosen_format: str,
    layout: FormatOptions,
) -> str:
    """A .bib in, a .bib out: what was not resolved (and every field bibnorm does not own) stays.
    Into another format, the .bib entries that did not resolve are dropped (`left_out`)."""
    if bib_files and chosen_format in BIB_FORMATS:
        return keep_bib_inputs(bib_files, text, replaced_places(resolutions), layout)
    return text


def _with_export_inputs(
    text: str, job: ResolveJob, resolutions: list[Resolution], chosen_format: str
) -> tuple[str, set[int]]:
    """A CSL-JSON in, a CSL-JSON out, and a RIS in, a RIS out: each item of the input in its
    place, as bibnorm wrote it where it resolved (with the fields of its own bibnorm does not
    write), else as it was (`keep_csl_inputs`, `keep_ris_inputs`). Returns the text and the
    indices of the items placed so. The items of an input that cannot be paired with what was
    read of it (standard input, read once; a count that differs) give their fields by key alone."""
    if chosen_format not in ("csl-json", "ris"):
        return text, set()
    written = {r.query.index: key for r, key in keys.written_entries(resolutions)}
    placed: list[tuple[Any, str | None]] = []
    indices: set[int] = set()
    unpaired: list[dict[str, Any]] = []
    for path in job.inputs:
        units = _export_units(path, job.input_format, chosen_format)
        read = [r.query.index for r in resolutions if r.query.origin.path == path]
        if units and len(units) == len(read):
            placed += [(unit, written.get(index)) for unit, index in zip(units, read, strict=True)]
            indices.update(read)
        elif chosen_format == "csl-json":
            unpaired += units
    if chosen_format == "ris":
        return keep_ris_inputs(text, placed), indices
    return keep_csl_inputs(with_input_fields(text, unpaired) if unpaired else text, placed), indices


def _export_units(path: str, input_format: str | None, chosen_format: str) -> list[Any]:
    """The items (CSL-JSON) or records' texts (RIS) of the input ``path`` when it is read in
    ``chosen_format``; none for standard input (read once) or a file no longer readable so."""
    if path == STDIO or not _read_as(path, input_format, (chosen_format,)):
        return []
    try:
        text = read_text(path)
    except BibnormError:
        return []
    if chosen_format == "ris":
        return ris_record_texts(text)
    return csl_json_items(text) or []


def left_out(
    bib_files: list[BibFile], resolutions: list[Resolution], chosen_format: str, as_given: set[int]
) -> int:
    """How many entries of the input .bib files did not resolve and are not in the output (in a
    format other than BibTeX's, those no record of their own writes: ``as_given``; a .bib output
    keeps them all)."""
    if not bib_files or chosen_format in BIB_FORMATS:
        return 0
    return sum(
        1
        for r in resolutions
        if r.status is not Status.RESOLVED and r.query.key and r.query.index not in as_given
    )


def _read_once(output: str, chosen_format: str) -> Callable[[], PreviousOutput | None]:
    """The earlier output (`read_previous`) as a call that reads it the first time only."""
    return functools.cache(lambda: read_previous(output, chosen_format) if output != STDIO else None)


def _nothing_earlier() -> PreviousOutput | None:
    return None


def _own_records(
    resolutions: list[Resolution],
    written: list[tuple[Resolution, str]],
    kept: tuple[set[str], str],
    earlier: Callable[[], PreviousOutput | None],
) -> dict[int, tuple[str, Reference]]:
    """The items that did not resolve written as the user's own record gives them
    (`Query.record`: a .bib entry, a CSL-JSON item, a RIS record, a Zotero item), by their
    index: each under its own key, else one the key formula makes; none of an input an output
    in its own format keeps whole (`_with_bib_inputs`, `_with_export_inputs`), nor one an
    earlier output holds an entry for that names more (`_without_earlier_entries`). ``kept``: the
    inputs the output keeps whole (`_kept_whole_inputs`) and the key formula; ``earlier``: the file
    the output replaces, read when first asked (`_read_once`; none beside an input .bib)."""
    own = _records_as_given(resolutions, written, kept)
    return _without_earlier_entries(own, earlier(), resolutions, written) if own else own


def _records_as_given(
    resolutions: list[Resolution], written: list[tuple[Resolution, str]], kept: tuple[set[str], str]
) -> dict[int, tuple[str, Reference]]:
    """`_own_records` before an earlier output is looked at. An item that repeats another is
    written again under its own key (a draft may cite either, as a resolved one is:
    `written_entries`), else not."""
    kept_whole, key_format = kept
    taken = _keys_held(written, resolutions, kept_whole)
    own: dict[int, tuple[str, Reference]] = {}
    for r in resolutions:
        record = r.query.record
        if r.status is Status.RESOLVED or record is None or r.query.origin.path in kept_whole:
            continue
        given = r.query.key
        key = given if given and keys.is_citation_key(given) and given.casefold() not in taken else None
        if key is None and r.duplicate_of is not None:
            continue  # the same work again under no key of its own: written once
        key = key or keys.free_key(keys.make_key(record, key_format), taken)
        taken.add(key.casefold())
        own[r.query.index] = (key, record)
    return own


def entries_with_records_as_given(
    resolutions: list[Resolution], key_format: str
) -> tuple[list[tuple[str, Reference]], dict[int, str]]:
    """Every entry of a bibliography of ``resolutions`` written to no file, in input order: the
    resolved items' (with their records' own fields) and, for each item that did not resolve,
    the user's own record as it gives itself (`_records_as_given`); and those items' keys by
    index. What ``bibnorm resolve`` writes of its stdin; the MCP server's resolve_references."""
    written = keys.written_entries(resolutions)
    own = _records_as_given(resolutions, written, (set(), key_format))
    entries = [entry for _, entry in _entry_order(written, own, set())]
    return entries, {index: key for index, (key, _) in own.items()}


def _keys_held(
    written: list[tuple[Resolution, str]], resolutions: list[Resolution], kept_whole: set[str]
) -> set[str]:
    """The keys the output holds already, casefolded (BibTeX tells keys apart ignoring case): the
    resolved items', and every item's of an input it keeps whole (a .bib's entries in a .bib),
    which a record of another input cannot take."""
    held = {key for _, key in written} | {
        r.query.key for r in resolutions if r.query.key and r.query.origin.path in kept_whole
    }
    return {key.casefold() for key in held}


def _kept_whole_inputs(job: ResolveJob, chosen_format: str) -> set[str]:
    """The inputs an output in ``chosen_format`` keeps whole (`_kept_whole`)."""
    return {path for path in job.inputs if _kept_whole(path, job.input_format, chosen_format)}


def _kept_whole(path: str, input_format: str | None, chosen_format: str) -> bool:
    """Whether an output in ``chosen_format`` keeps the input ``path``'s items that do not resolve
    as they were: a .bib's in a .bib, a CSL-JSON's in CSL-JSON, a RIS file's in RIS."""
    if chosen_format in BIB_FORMATS:
        return path != STDIO and _read_as(path, input_format, ("bib",))
    return chosen_format in ("csl-json", "ris") and _read_as(path, input_format, (chosen_format,))


def _without_earlier_entries(
    own: dict[int, tuple[str, Reference]],
    earlier: PreviousOutput | None,
    resolutions: list[Resolution],
    written: list[tuple[Resolution, str]],
) -> dict[int, tuple[str, Reference]]:
    """``own`` without the items the output file holds an entry for that names an arXiv id or a
    DOI their record does not (an earlier run resolved them): that entry is kept in the item's
    place (`with_previous`), not replaced by the record. An earlier entry that names nothing more
    (a record an earlier run wrote as given) gives way to the record as the input gives it now."""
    if earlier is None or not earlier.entries:
        return own
    kept = kept_for(earlier, resolutions, {key for _, key in written})
    return {
        index: (key, record)
        for index, (key, record) in own.items()
        if index not in kept or not earlier.entries[kept[index]].names_more_than(record)
    }


def _entry_order(
    written: list[tuple[Resolution, str]], own: dict[int, tuple[str, Reference]], kept_whole: set[str]
) -> list[tuple[int, tuple[str, Reference]]]:
    """(index, (key, reference)) of every entry the output holds, in input order: the resolved
    items' (`written_entries`, with their records' own fields: `_with_user_fields`) and the
    records written as given."""
    resolved = [
        (r.query.index, (key, reference))
        for r, key in written
        if (reference := _with_user_fields(r, kept_whole)) is not None
    ]
    return sorted([*resolved, *own.items()], key=lambda entry: entry[0])


def _with_user_fields(resolution: Resolution, kept_whole: set[str]) -> Reference | None:
    """The resolved reference with the fields the item's own record keeps that no source gives
    (`with_user_fields`), unless the output keeps its input whole (a .bib into a .bib keeps them
    as they were, beside bibnorm's fields); None where the item did not resolve."""
    if resolution.query.origin.path in kept_whole:
        return resolution.reference
    return with_user_fields(resolution)


# The readers of reference managers' exports: records the user keeps, not text bibnorm read
_EXPORT_FORMATS = ("csl-json", "ris", "zotero")


def _exports_left_out(job: ResolveJob, resolutions: list[Resolution], placed: set[int]) -> int:
    """How many items of the job's export inputs (`_EXPORT_FORMATS`) did not resolve and are
    not in the output (an output in the input's own format keeps them: ``placed``)."""
    exports = {path for path in job.inputs if _read_as(path, job.input_format, _EXPORT_FORMATS)}
    return sum(
        1
        for r in resolutions
        if r.status is not Status.RESOLVED
        and r.duplicate_of is None
        and r.query.origin.path in exports
        and r.query.index not in placed
    )


class _EarlierOutput(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    text: str
    previous: PreviousOutput | None = None
    outcome: Outcome | None = None
    kept_all: bool = False


def _with_earlier_output(
    text: str,
    resolutions: list[Resolution],
    order: list[tuple[int, tuple[str, Reference]]],
    layout: FormatOptions,
    earlier: PreviousOutput | None,
) -> _EarlierOutput:
    """An output is replaced only by something at least as good (docs/inputs.md "Files are never
    lost"): the earlier entries of items this run did not settle stay, and a run that settled
    nothing leaves the file as it was. ``earlier``: the file the output replaces, unless an input
    kept whole is the items' record."""
    if earlier is None or not earlier.entries:
        return _EarlierOutput(text=text, previous=earlier)
    if settled_nothing(resolutions):
        return _EarlierOutput(text=text, previous=earlier, kept_all=True)
    keys_in_order = [(index, key) for index, (key, _) in order]
    # An item written (resolved, or as its record gives it) keeps no earlier entry beside it.
    placed = {index for index, _ in keys_in_order}
    unwritten = [r for r in resolutions if r.query.index not in placed]
    outcome = with_previous(earlier, text, unwritten, keys_in_order, layout)
    return _EarlierOutput(text=outcome.text, previous=earlier, outcome=outcome)


def _unread_blocks(bib_files: list[BibFile], *, keeps_bib: bool) -> list[str]:
    """A cut-off or broken entry of an input .bib was not looked up: where it is, and its fate."""
    lines = []
    for bib_file in bib_files:
        for block in bib_file.failed:
            what = f"entry {block.key}" if block.key else "block"
            fate = "kept verbatim in the output" if keeps_bib else "not in the output"
            lines.append(f"{bib_file.path}:{block.line}: warning: {what} not read ({block.error}); {fate}")
    return lines


def _mark_kept(report: dict[str, Any], kept: dict[int, str], own: dict[int, tuple[str, Reference]]) -> None:
    """Each report item says whether the output kept an earlier entry for it, or writes it as its
    input gave it (its key)."""
    as_given = {index: key for index, (key, _) in own.items()}
    items = report.get("items")  # none when no report is written
    if isinstance(items, ReportItems):
        items.mark_kept(kept, as_given)
    report["summary"]["kept_previous"] = len(kept)
    report["summary"]["as_given"] = len(as_given)


def _tell(notify: Notify | None, message: str) -> None:
    if notify is not None:
        notify(message)


def dump_json(data: Any) -> str:
    """The report's JSON text, as ``--report`` and ``--json`` write it."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=list) + "\n"  # `ReportItems` whole
