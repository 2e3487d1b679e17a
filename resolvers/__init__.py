"""One module per metadata source: wire format (XML, JSON) in, `Candidate`s and `Reference`s out.

`arxiv` (the arXiv API through the ``arxiv`` package), `semantic_scholar`, `dblp`,
`crossref`, `openalex` (with a key), `openlibrary` (books, for ``verify``), and the local
SQLite indexes built from dumps by the machinery of `_index`: `snapshot` (the arXiv metadata
dump) and `dblp_index` (dblp's XML dump, asked by `dblp` before its search). Every online
source shares the one session of `_session` (requests-cache when a cache is used, `_cache`)
and the politeness of `_http` (per-host spacing, retries honouring ``Retry-After``, a timeout
on every call). Raw dicts never leave this package.

May import: bibnorm.bib, bibnorm.resolve, bibnorm.text and the ground
(bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""
