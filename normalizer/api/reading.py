"""Reading inputs into `Query`s: files, standard input and the user's Zotero library.

`read` is what ``bibnorm resolve`` reads its INPUTs with: each file's format is detected (or
forced with ``input_format``), items are numbered across every input, and an input may also be
``zotero:`` or ``zotero:COLLECTION`` (Zotero 7's local API, read in place). `read_noted` gives,
besides the queries, one line per input whose reading the user should hear about.
`queries_from_text` reads text a program holds (titles, ids, pasted references) the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bibnorm.config import Settings, load_settings
from bibnorm.errors import InputError, UsageError
from bibnorm.models import Query
from bibnorm.readers import READ_BUDGET, read_inputs_noted, read_text_items, reader_for
from bibnorm.readers.zotero import is_zotero_spec, parse_spec, read_zotero
from bibnorm.resolve.progress import NO_PROGRESS, Progress


def given_paths(inputs: str | Path | Sequence[str | Path]) -> list[str | Path]:
    """The paths a function of the API is given: one path alone (``"refs.bib"``, which as a
    sequence would be its characters, each read as a file) or several."""
    return [inputs] if isinstance(inputs, str | Path) else list(inputs)


def read(
    inputs: str | Path | Sequence[str | Path],
    *,
    input_format: str | None = None,
    settings: Settings | None = None,
    progress: Progress = NO_PROGRESS,
    budget: float | None = READ_BUDGET,
) -> list[Query]:
    """The queries of every input (one path, or several), in order, numbered from 0 across all
    of them.

    ``settings`` are needed only for a ``zotero:`` input (how to reach Zotero); without them
    the configured ones are loaded. Raises `bibnorm.errors.InputError` for an input that
    cannot be read or holds no reference, and `bibnorm.errors.ReadingTimeError` (an
    `InputError`) for a file whose reading takes more than ``budget`` seconds of processor time
    (None: unbounded; bounded only when called from the main thread)."""
    paths = given_paths(inputs)
    queries, _ = read_noted(
        paths, input_format=input_format, settings=settings, progress=progress, budget=budget
    )
    return queries


def queries_from_text(
    text: str | Sequence[str], *, input_format: str | None = None, name: str = "<text>"
) -> list[Query]:
    """The queries of text held in memory, as `read` reads a file: a title, an arXiv id, a DOI or
    a URL a line, a pasted reference list, BibTeX, RIS, CSL-JSON … (the format detected, or
    forced with ``input_format``).

    A sequence of strings is read item by item: each string is one text (a title, an id, one
    pasted reference), and its queries follow the earlier ones' (``origin.line`` is then the
    string's place in the sequence, from 1). ``name`` is the origin's path and names the text in
    messages. Raises `bibnorm.errors.InputError` for text with no reference in it.
    """
    forced = reader_for(input_format) if input_format is not None else None
    if forced is not None and forced.read_binary is not None:
        raise UsageError(f"{forced.name} is read from its file, not from text: give the file to bibnorm.read")
    if isinstance(text, str):
        found, reader, _ = read_text_items(text, name, forced)
        if not found:
            raise InputError(f"{name}: no references found (read as {reader.name})")
        return found
    queries: list[Query] = []
    for place, item in enumerate(text, start=1):
        found, reader, _ = read_text_items(item, f"{name}[{place}]", forced)
        if not found:
            raise InputError(f"{name}[{place}]: no references found (read as {reader.name})")
        queries += [
            query.model_copy(
                update={
                    "index": len(queries) + number,
                    "origin": query.origin.model_copy(update={"path": name, "line": place}),
                }
            )
            for number, query in enumerate(found)
        ]
    if not queries:
        raise InputError(f"{name}: no text given")
    return queries


def read_noted(
    inputs: Sequence[str | Path],
    *,
    input_format: str | None = None,
    settings: Settings | None = None,
    progress: Progress = NO_PROGRESS,
    budget: float | None = READ_BUDGET,
) -> tuple[list[Query], list[str]]:
    """`read`, and one note per input whose reading the user should hear about ("refs.txt:
    read as a reference list: 150 references, …", "zotero:: read from Zotero's local API …")."""
    given = [str(path) for path in inputs]
    if not any(is_zotero_spec(path) for path in given):
        return read_inputs_noted(given, input_format=input_format, progress=progress, budget=budget)
    queries: list[Query] = []
    notes: list[str] = []
    for path in given:
        if is_zotero_spec(path):
            name, found, note = read_zotero_library(path, settings or load_settings())
            if not found:
                raise InputError(f"{name}: no references found (read as zotero)")
            notes.append(f"{name}: {note}")
        else:
            found, noted = read_inputs_noted([path], input_format=input_format, budget=budget)
            notes += noted
        queries += [query.model_copy(update={"index": len(queries) + query.index}) for query in found]
    return queries, notes


def read_zotero_library(spec: str, settings: Settings) -> tuple[str, list[Query], str]:
    """The library (or collection) ``spec`` names: its name for messages, its items as queries
    (numbered from 0), and how it was read; `ZoteroError` (one line) when Zotero cannot be read.

    Joins three layers: the local session (`bibnorm.sources.open_local_session`), the local
    API's client (`bibnorm.resolvers.zotero`) and the one reader that maps Zotero items
    (`bibnorm.readers.zotero`)."""
    from bibnorm.resolvers.zotero import ZoteroClient
    from bibnorm.sources import open_local_session

    with open_local_session(settings) as session:
        library = ZoteroClient(session, settings).library(parse_spec(spec))
    queries = read_zotero(library.items_json, library.name, library.citekeys)
    keyed = sum(1 for query in queries if query.key)
    bbt = "Better BibTeX's keys first" if library.citekeys else "no Better BibTeX: keys from 'extra'"
    note = f"read from Zotero's local API: {len(queries)} items, {keyed} with a citation key ({bbt})"
    return library.name, queries, note
