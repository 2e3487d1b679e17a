"""One module per metadata source: wire format (XML, JSON) in, `Candidate`s and `Reference`s out.

`arxiv` (the arXiv API through the ``arxiv`` package), `semantic_scholar`, `dblp`,
`crossref`, `openalex` (with a key), `openlibrary` (books, for ``verify``), and the local
SQLite indexes built from dumps by the machinery of `_index`: `snapshot` (the arXiv metadata
dump) and `dblp_index` (dblp's XML dump, asked by `dblp` before its search). Every online
source shares the one session of `_session` (requests-cache when a cache is used, `_cache`)
and the politeness of `_http` (per-host spacing, retries honouring ``Retry-After``, a timeout
on every call). Raw dicts never leave this package.

What other packages may use of the private modules is named here, in `_PUBLIC`, and imported
only when first asked for, so that importing this package costs nothing (a run the snapshot
settles never imports requests); building a session is `bibnorm.resolvers.session`, a module
of its own so that the contracts can tell who composes one.

May import: bibnorm.bib, bibnorm.resolve, bibnorm.text and the ground
(bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bibnorm.resolvers._cache_file import cache_file_in, cached_responses, nothing_cached
    from bibnorm.resolvers._download import DownloadError, fetch_dblp_dump
    from bibnorm.resolvers._http import BibnormSession, SessionFactory
    from bibnorm.resolvers._index import index_kind
    from bibnorm.resolvers._refused import STAND_INS
    from bibnorm.resolvers._stats import HttpStats

# Public name → the private module that defines it.
_PUBLIC: dict[str, str] = {
    # the session every online source is given, and the counters the run summary reads
    "BibnormSession": "bibnorm.resolvers._http",
    "SessionFactory": "bibnorm.resolvers._http",
    "HttpStats": "bibnorm.resolvers._stats",
    # the HTTP cache's file (the ``cache`` commands; an offline run with nothing cached)
    "cache_file_in": "bibnorm.resolvers._cache_file",
    "cached_responses": "bibnorm.resolvers._cache_file",
    "nothing_cached": "bibnorm.resolvers._cache_file",
    # what answers for each online source offline when nothing is cached
    "STAND_INS": "bibnorm.resolvers._refused",
    # which local index a file holds
    "index_kind": "bibnorm.resolvers._index",
    # dblp's dump and DTD, downloaded whole (``bibnorm index fetch dblp``)
    "fetch_dblp_dump": "bibnorm.resolvers._download",
    "DownloadError": "bibnorm.resolvers._download",
}

__all__ = [
    "STAND_INS",
    "BibnormSession",
    "DownloadError",
    "HttpStats",
    "SessionFactory",
    "cache_file_in",
    "cached_responses",
    "fetch_dblp_dump",
    "index_kind",
    "nothing_cached",
]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'bibnorm.resolvers' has no attribute {name!r}")
