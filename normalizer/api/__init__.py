"""The public Python API: what ``import bibnorm`` offers, and what every command calls.

Each function takes its inputs, its `Settings` and its opened sources explicitly, prints
nothing, reports progress through the `Progress` interface and returns pydantic models; the CLI is
a thin layer over it (options → settings → one call → output and exit code). ``bibnorm``'s
top-level names (``bibnorm.resolve`` …) are these functions, imported when first used so that
``bibnorm --help`` does not pay for them.

Reading, resolving and writing: `reading` (``read``), `resolving` (``resolve_queries`` →
``ResolveResult``), `writing` (``write``, ``render``), `resolve_files` (``plan_resolve``,
``resolve_files``: the ``resolve`` command's run, with `previous` keeping an earlier output's
entries); LaTeX drafts: `drafts` (``tex``); `indexes` (``plan_index``, ``build_index``,
``index_info``); `cache` (``cache_info``, ``clear_cache``). docs/api.md shows each at work.

May import: bibnorm.corpus, bibnorm.latex, bibnorm.verify, bibnorm.sources,
bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib, bibnorm.resolve,
bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors,
bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
