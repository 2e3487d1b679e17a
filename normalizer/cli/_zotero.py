"""Inputs that name the user's Zotero library (``zotero:``, ``zotero:COLLECTION``), read in place.

The composition of three layers only the CLI may join: the local session
(`resolvers._session.build_local_session`), the local API's client (`resolvers.zotero`) and the
one reader that maps Zotero items (`normalizer.readers.zotero`).
"""

from __future__ import annotations

from normalizer.config import Settings
from normalizer.models import Query
from normalizer.readers.zotero import read_zotero


def read_library(spec: str, settings: Settings) -> tuple[str, list[Query], str]:
    """The library (or collection) ``spec`` names: its name for messages, its items as queries
    (numbered from 0), and how it was read; `ZoteroError` (one line) when Zotero cannot be read."""
    from resolvers._session import build_local_session
    from resolvers.zotero import ZoteroClient, parse_spec

    session = build_local_session(settings)
    try:
        library = ZoteroClient(session, settings).library(parse_spec(spec))
    finally:
        session.close()
    queries = read_zotero(library.items_json, library.name, library.citekeys)
    keyed = sum(1 for query in queries if query.key)
    keys = "Better BibTeX's citation keys" if library.citekeys else "citation keys from 'extra'"
    note = f"read from Zotero's local API: {len(queries)} items, {keyed} with {keys}"
    return library.name, queries, note
