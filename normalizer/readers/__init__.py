"""Input readers: files in, `Query` objects out, chosen by name, file suffix or content.

The registry (`READERS`) maps a format name to its `Reader`. `read_inputs` reads
each path once (``-`` is stdin), picks the reader — the forced ``input_format``,
else `detect_format` — and numbers the queries contiguously across all files in
input order.

Detection order: a binary format by suffix or first bytes (a PDF); a suffix some reader
claims (``.bib``); else the content sniffers in registry order (BibTeX entries, a ``.bbl``,
Zotero's item JSON, CSL-JSON, RIS, a Hugging Face papers page, citation templates, a reference list); else
``lines``, which accepts any text — unless the text looks like something no installed reader
reads (JSON, XML, binary, lines that are neither titles nor ids: `_unreadable`), which stops the
run with one line before any request.

Adding a format: a module in this package exposing ``READER`` (a `base.Reader`),
listed in `_READER_MODULES`.

May import: bibnorm.bib, bibnorm.resolve, bibnorm.text and the ground
(bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from bibnorm.errors import InputError, ReadingTimeError, UsageError
from bibnorm.io import read_bytes, read_text
from bibnorm.models import Query
from bibnorm.processes import OutOfTime, time_bound
from bibnorm.readers._unreadable import what_it_looks_like
from bibnorm.readers.base import MAX_ITEM, Reader, display_path, oversized
from bibnorm.resolve.progress import NO_PROGRESS, Progress

__all__ = [
    "READERS",
    "Reader",
    "available_formats",
    "detect_format",
    "read_inputs",
    "read_inputs_noted",
    "read_text_items",
    "reader_for",
]

# Sniffing order matters: the first sniffer that recognises the text wins, and the
# fallback ("lines") has no sniffer.
_READER_MODULES = ("bib", "bbl", "zotero", "csl_json", "ris", "pdf", "hf_papers", "wikitext", "refs", "lines")
FALLBACK_FORMAT = "lines"
# Processor seconds reading one input may take (`bibnorm.processes.time_bound`): finding its format
# and reading it, a PDF's pages apart (read in a worker held to `pdf.TIME_BUDGET`). A 400-page
# thesis's list or 20,000 pasted references read in a few seconds; a text built to make the reader
# backtrack ends here with one line instead of never.
READ_BUDGET = 60.0


def _load_readers() -> Mapping[str, Reader]:
    readers = [importlib.import_module(f"{__name__}.{name}").READER for name in _READER_MODULES]
    return MappingProxyType({reader.name: reader for reader in readers})


READERS: Mapping[str, Reader] = _load_readers()
"""Every installed input format by name (read-only)."""


def available_formats() -> tuple[str, ...]:
    """The names ``--input-format`` accepts, sorted."""
    return tuple(sorted(READERS))


def reader_for(name: str) -> Reader:
    """The reader registered as ``name``; `UsageError` naming the choices if there is none."""
    try:
        return READERS[name]
    except KeyError:
        choices = ", ".join(available_formats())
        raise UsageError(f"unknown input format {name!r}; choose one of: {choices}") from None


def detect_format(text: str, path: str | Path = "-") -> str:
    """The name of the format ``text`` (read from ``path``) is in.

    A suffix a reader claims decides first (one several claim, by their sniffers in registry order,
    the last claimant when none recognises it); then the content sniffers; then ``lines``.
    """
    suffix = Path(str(path)).suffix.lower() if str(path) != "-" else ""
    claimants = [reader for reader in READERS.values() if suffix and suffix in reader.suffixes]
    if len(claimants) > 1:  # .json: Zotero's item JSON or CSL-JSON, told apart by their content
        return next(
            (r.name for r in claimants[:-1] if r.sniff is not None and r.sniff(text)), claimants[-1].name
        )
    if claimants:
        return claimants[0].name
    for reader in READERS.values():
        if reader.sniff is not None and reader.sniff(text):
            return reader.name
    return FALLBACK_FORMAT


def _claimed_by_suffix(path: str) -> bool:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    return any(suffix in reader.suffixes for reader in READERS.values())


def refuse_unreadable(text: str, name: str) -> None:
    """`InputError` naming what ``text`` seems to be when no reader can read it as items."""
    kind = what_it_looks_like(text)
    if kind is not None:
        choices = ", ".join(available_formats())
        raise InputError(
            f"{name}: {kind}, not a list of titles or ids; nothing was looked up "
            f"(--input-format takes: {choices})"
        )


def read_inputs(
    paths: Sequence[str | Path],
    input_format: str | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    budget: float | None = READ_BUDGET,
) -> list[Query]:
    """Read every input file and return their queries, indexed 0.. in input order.

    ``input_format`` forces one reader for all files; otherwise each file's format is
    detected. Raises `UsageError` for an unknown format and `InputError` for a
    missing, unreadable or empty input, or one without a single reference;
    `ReadingTimeError` (an `InputError`) for one whose reading takes more than ``budget``
    processor seconds (None: no bound).
    ``progress`` hears a ``read`` phase of one item per file.
    """
    return read_inputs_noted(paths, input_format, progress, budget=budget)[0]


def read_inputs_noted(
    paths: Sequence[str | Path],
    input_format: str | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    budget: float | None = READ_BUDGET,
) -> tuple[list[Query], list[str]]:
    """`read_inputs`, and one line per file whose reading the user should hear about
    ("refs.txt: read as a reference list: 150 references, unnumbered, one per line …")."""
    forced = reader_for(input_format) if input_format is not None else None
    if not paths:
        raise InputError("no input files given")
    queries: list[Query] = []
    notes: list[str] = []
    progress.start("read", len(paths), "files")
    for given in paths:
        path = str(given)
        name = display_path(path)
        try:
            with time_bound(budget):
                found, reader, note = _read_one(path, name, forced)
        except OutOfTime:
            raise ReadingTimeError(
                f"{name}: reading it takes more than {budget:g} s (a text built to stall the reader?);"
                " nothing was read"
            ) from None
        if not found:
            raise InputError(f"{name}: no references found (read as {reader.name})")
        if note:
            notes.append(f"{name}: {note}")
        offset = len(queries)
        if offset:
            queries.extend(q.model_copy(update={"index": offset + q.index}) for q in found)
        else:  # numbered from 0 in their file: the first file's need no copy each
            queries = found
        progress.advance()
    progress.finish()
    return queries, notes


def _read_one(path: str, name: str, forced: Reader | None) -> tuple[list[Query], Reader, str | None]:
    binary = forced if forced is not None else _binary_reader(path)
    if binary is not None and binary.read_binary is not None:
        found, note = binary.read_binary(read_bytes(path), name)
        return found, binary, note
    return read_text_items(read_text(path), name, forced, path=path)


def read_text_items(
    text: str, name: str, forced: Reader | None = None, *, path: str = "-"
) -> tuple[list[Query], Reader, str | None]:
    """The queries of a text read from ``path`` (named ``name`` in messages and origins), the
    reader that read them (``forced``, else the one `detect_format` chooses) and its note."""
    if not text.strip():
        raise InputError(f"{name}: input is empty")
    reader = forced or READERS[detect_format(text, path)]
    if forced is None and reader.name == FALLBACK_FORMAT and not _claimed_by_suffix(path):
        refuse_unreadable(text, name)
    found = reader.read(text, name)
    for query in found:
        for what, value in (("a title", query.title), ("an abstract", query.abstract)):
            if value is not None and len(value) > MAX_ITEM:
                raise oversized(name, query.origin.line, len(value), what)
    return found, reader, reader.describe(text, found) if reader.describe and found else None


def _binary_reader(path: str) -> Reader | None:
    """The binary format a file or standard input is in, by its suffix or its first bytes."""
    binary = [reader for reader in READERS.values() if reader.read_binary is not None]
    if path == "-":  # read once and kept (`read_bytes`), so looking at its head costs nothing
        return _by_magic(binary, read_bytes(path)[:16])
    suffix = Path(path).suffix.lower()
    for reader in binary:
        if suffix in reader.suffixes:
            return reader
    try:
        if not Path(path).is_file():
            return None  # a pipe is read once, as text; peeking would block or eat its bytes
        with open(path, "rb") as handle:
            return _by_magic(binary, handle.read(16))
    except OSError:
        return None  # read_text says why, in its words


def _by_magic(binary: Sequence[Reader], head: bytes) -> Reader | None:
    return next((reader for reader in binary if reader.magic and head.startswith(reader.magic)), None)
