"""bibnorm: messy paper references in, clean and correct bibliographies out.

The packages, from the ground up (each imports only those below it; the contracts in
``pyproject.toml`` are checked by the test suite with import-linter):

- the ground: `models` (the one typed currency), `identifiers`, `errors`, `config`,
  `io` (files that are never lost), `processes` (worker pools), `safejson`;
- `text`: cleaning, title keys, capitals, names, links, venues;
- `resolve`: pipeline, matching, merge, normalize, keys, report;
- `bib`: existing ``.bib`` files (parsing, checks, fixes, merging, the lockfile);
- `readers`, `writers` and `resolvers` (one module per source);
- `sources`: the one place that builds the HTTP session and the sources, and asks them;
- the workflows `verify` and `latex`, independent of each other, and `corpus` (a whole venue);
- `api`: the public functions below, which every command calls;
- `assist` (the MCP tools) and `cli`, thin layers over `api`.
"""

from importlib import import_module
from typing import Any

# The public API, by name → the module that defines it. Imported when first used: `bibnorm --help`
# and a short offline run must not pay for what they do not call.
_PUBLIC: dict[str, str] = {
    # settings and sources, reading, resolving, writing, LaTeX drafts, local indexes, the cache
    "load_settings": "bibnorm.config",
    "Settings": "bibnorm.config",
    "open_sources": "bibnorm.sources",
    "Sources": "bibnorm.sources",
    "read": "bibnorm.api.reading",
    "resolve_queries": "bibnorm.api.resolving",
    "ResolveResult": "bibnorm.api.resolving",
    "render": "bibnorm.api.writing",
    "write": "bibnorm.api.writing",
    "plan_resolve": "bibnorm.api.resolve_files",
    "resolve_files": "bibnorm.api.resolve_files",
    "ResolveJob": "bibnorm.api.resolve_files",
    "ResolveRun": "bibnorm.api.resolve_files",
    "tex": "bibnorm.api.drafts",
    "TexResult": "bibnorm.api.drafts",
    "plan_index": "bibnorm.api.indexes",
    "build_index": "bibnorm.api.indexes",
    "index_info": "bibnorm.api.indexes",
    "cache_info": "bibnorm.api.cache",
    "clear_cache": "bibnorm.api.cache",
    # verify, check, format, fix (and the corpus verify) with the models they take and return
    "verify_references": "bibnorm.api.verifying",  # bibnorm.verify is the verify package
    "Verification": "bibnorm.api.verifying",
    "VerifyOptions": "bibnorm.api.verifying",
    "ReadInput": "bibnorm.api.verifying",
    "verify_corpus": "bibnorm.api.corpus",
    "resolve_corpus": "bibnorm.api.corpus",  # resolve CORPUS --out DIR: the same corpus run
    "check": "bibnorm.api.checking",
    "Checked": "bibnorm.api.checking",
    "format": "bibnorm.api.formatting",
    "Formatted": "bibnorm.api.formatting",
    "fix": "bibnorm.api.fixing",
    "Fixed": "bibnorm.api.fixing",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    # ``__version__`` is looked up only when asked for: importlib.metadata costs ~20 ms of
    # start-up that `bibnorm --help` and offline runs need not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("bibnorm")
        except PackageNotFoundError:  # running from a source tree without installation
            return "0.0.0+local"
    raise AttributeError(f"module 'bibnorm' has no attribute {name!r}")
