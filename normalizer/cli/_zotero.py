"""Inputs that name the user's Zotero library (``zotero:``, ``zotero:COLLECTION``), read in place.

The composition of three layers only the CLI may join: the local session
(`bibnorm.resolvers._session.build_local_session`), the local API's client
(`bibnorm.resolvers.zotero`) and the one reader that maps Zotero items (`bibnorm.readers.zotero`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm.config import Settings
from bibnorm.errors import InputError
from bibnorm.models import Query
from bibnorm.readers import read_inputs_noted
from bibnorm.readers.zotero import is_zotero_spec, parse_spec, read_zotero
from bibnorm.resolve.progress import Progress


def read_library(spec: str, settings: Settings) -> tuple[str, list[Query], str]:
    """The library (or collection) ``spec`` names: its name for messages, its items as queries
    (numbered from 0), and how it was read; `ZoteroError` (one line) when Zotero cannot be read."""
    from bibnorm.resolvers.session import build_local_session
    from bibnorm.resolvers.zotero import ZoteroClient

    session = build_local_session(settings)
    try:
        library = ZoteroClient(session, settings).library(parse_spec(spec))
    finally:
        session.close()
    queries = read_zotero(library.items_json, library.name, library.citekeys)
    keyed = sum(1 for query in queries if query.key)
    bbt = "Better BibTeX's keys first" if library.citekeys else "no Better BibTeX: keys from 'extra'"
    note = f"read from Zotero's local API: {len(queries)} items, {keyed} with a citation key ({bbt})"
    return library.name, queries, note


def read_inputs_with_zotero(
    inputs: Sequence[str], settings: Settings, input_format: str | None, progress: Progress
) -> tuple[list[Query], list[str]]:
    """`bibnorm.readers.read_inputs_noted`, where an input may also be ``zotero:`` or
    ``zotero:COLLECTION``: the queries of every input in order, numbered across all of them."""
    if not any(is_zotero_spec(given) for given in inputs):
        return read_inputs_noted(list(inputs), input_format=input_format, progress=progress)
    queries: list[Query] = []
    notes: list[str] = []
    for given in inputs:
        if is_zotero_spec(given):
            name, found, note = read_library(given, settings)
            if not found:
                raise InputError(f"{name}: no references found (read as zotero)")
            notes.append(f"{name}: {note}")
        else:
            found, noted = read_inputs_noted([given], input_format=input_format)
            notes += noted
        queries += [query.model_copy(update={"index": len(queries) + query.index}) for query in found]
    return queries, notes
