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
from typing import TYPE_CHECKING, Any

# The public API, by name → the module that defines it. Imported when first used: `bibnorm --help`
# and a short offline run must not pay for what they do not call.
_PUBLIC: dict[str, str] = {
    # settings and sources, reading, resolving, writing, LaTeX drafts, local indexes, the cache
    "load_settings": "bibnorm.api.settings",
    "Settings": "bibnorm.config",
    "open_sources": "bibnorm.sources",
    "Sources": "bibnorm.sources",
    "read": "bibnorm.api.reading",
    "queries_from_text": "bibnorm.api.reading",
    "resolve_queries": "bibnorm.api.resolving",
    "ResolveResult": "bibnorm.api.resolving",
    "render": "bibnorm.api.writing",
    "write": "bibnorm.api.writing",
    "Rendered": "bibnorm.writers",
    "plan_resolve": "bibnorm.api.resolve_files",
    "resolve_files": "bibnorm.api.resolve_files",
    "ResolveJob": "bibnorm.api.resolve_files",
    "ResolvePlan": "bibnorm.api.resolve_files",
    "ResolveRun": "bibnorm.api.resolve_files",
    "tex": "bibnorm.api.drafts",
    "TexResult": "bibnorm.api.drafts",
    "plan_index": "bibnorm.api.indexes",
    "build_index": "bibnorm.api.indexes",
    "index_info": "bibnorm.api.indexes",
    "IndexPlan": "bibnorm.api.indexes",
    "IndexBuilt": "bibnorm.api.indexes",
    "IndexFigures": "bibnorm.api.indexes",
    "cache_info": "bibnorm.api.cache",
    "clear_cache": "bibnorm.api.cache",
    "CacheInfo": "bibnorm.api.cache",
    "ClearedCache": "bibnorm.api.cache",
    # the models the functions take and return: what a query says, what a resolution found
    "Query": "bibnorm.models",
    "QueryKind": "bibnorm.models",
    "Origin": "bibnorm.models",
    "Reference": "bibnorm.models",
    "Resolution": "bibnorm.models",
    "Status": "bibnorm.models",
    "Progress": "bibnorm.resolve.progress",
    "BibnormError": "bibnorm.errors",
    # verify, check, format, fix (and the corpus verify) with the models they take and return
    "verify_references": "bibnorm.api.verifying",  # bibnorm.verify is the verify package
    "Verification": "bibnorm.api.verifying",
    "Failure": "bibnorm.api.verifying",
    "VerifyOptions": "bibnorm.api.verifying",
    "ReadInput": "bibnorm.api.verifying",
    "VerifyOutcome": "bibnorm.verify.run",
    "EntryVerdict": "bibnorm.verify.judge",
    "Verdict": "bibnorm.verify.judge",
    "TexAudit": "bibnorm.verify.audit",
    "Finding": "bibnorm.bib.checks.base",
    "verify_corpus": "bibnorm.api.corpus",
    "resolve_corpus": "bibnorm.api.corpus",  # resolve CORPUS --out DIR: the same corpus run
    "CorpusOutcome": "bibnorm.corpus.run",
    "check": "bibnorm.api.checking",
    "Checked": "bibnorm.api.checking",
    "CheckConfig": "bibnorm.bib.checks.base",
    "format": "bibnorm.api.formatting",
    "Formatted": "bibnorm.api.formatting",
    "BibSource": "bibnorm.api.formatting",
    "FormatOptions": "bibnorm.bib.formatting",
    "fix": "bibnorm.api.fixing",
    "Fixed": "bibnorm.api.fixing",
}

__all__ = sorted(_PUBLIC)

if TYPE_CHECKING:
    # What the names above are, for type checkers and editors (never run: the imports stay lazy).
    # `tests/test_public_api.py` holds this list and `_PUBLIC` to the same names and modules.
    from bibnorm.api.cache import CacheInfo as CacheInfo
    from bibnorm.api.cache import ClearedCache as ClearedCache
    from bibnorm.api.cache import cache_info as cache_info
    from bibnorm.api.cache import clear_cache as clear_cache
    from bibnorm.api.checking import Checked as Checked
    from bibnorm.api.checking import check as check
    from bibnorm.api.corpus import resolve_corpus as resolve_corpus
    from bibnorm.api.corpus import verify_corpus as verify_corpus
    from bibnorm.api.drafts import TexResult as TexResult
    from bibnorm.api.drafts import tex as tex
    from bibnorm.api.fixing import Fixed as Fixed
    from bibnorm.api.fixing import fix as fix
    from bibnorm.api.formatting import BibSource as BibSource
    from bibnorm.api.formatting import Formatted as Formatted
    from bibnorm.api.formatting import format as format
    from bibnorm.api.indexes import IndexBuilt as IndexBuilt
    from bibnorm.api.indexes import IndexFigures as IndexFigures
    from bibnorm.api.indexes import IndexPlan as IndexPlan
    from bibnorm.api.indexes import build_index as build_index
    from bibnorm.api.indexes import index_info as index_info
    from bibnorm.api.indexes import plan_index as plan_index
    from bibnorm.api.reading import queries_from_text as queries_from_text
    from bibnorm.api.reading import read as read
    from bibnorm.api.resolve_files import ResolveJob as ResolveJob
    from bibnorm.api.resolve_files import ResolvePlan as ResolvePlan
    from bibnorm.api.resolve_files import ResolveRun as ResolveRun
    from bibnorm.api.resolve_files import plan_resolve as plan_resolve
    from bibnorm.api.resolve_files import resolve_files as resolve_files
    from bibnorm.api.resolving import ResolveResult as ResolveResult
    from bibnorm.api.resolving import resolve_queries as resolve_queries
    from bibnorm.api.settings import load_settings as load_settings
    from bibnorm.api.verifying import Failure as Failure
    from bibnorm.api.verifying import ReadInput as ReadInput
    from bibnorm.api.verifying import Verification as Verification
    from bibnorm.api.verifying import VerifyOptions as VerifyOptions
    from bibnorm.api.verifying import verify_references as verify_references
    from bibnorm.api.writing import render as render
    from bibnorm.api.writing import write as write
    from bibnorm.bib.checks.base import CheckConfig as CheckConfig
    from bibnorm.bib.checks.base import Finding as Finding
    from bibnorm.bib.formatting import FormatOptions as FormatOptions
    from bibnorm.config import Settings as Settings
    from bibnorm.corpus.run import CorpusOutcome as CorpusOutcome
    from bibnorm.errors import BibnormError as BibnormError
    from bibnorm.models import Origin as Origin
    from bibnorm.models import Query as Query
    from bibnorm.models import QueryKind as QueryKind
    from bibnorm.models import Reference as Reference
    from bibnorm.models import Resolution as Resolution
    from bibnorm.models import Status as Status
    from bibnorm.resolve.progress import Progress as Progress
    from bibnorm.sources import Sources as Sources
    from bibnorm.sources import open_sources as open_sources
    from bibnorm.verify.audit import TexAudit as TexAudit
    from bibnorm.verify.judge import EntryVerdict as EntryVerdict
    from bibnorm.verify.judge import Verdict as Verdict
    from bibnorm.verify.run import VerifyOutcome as VerifyOutcome
    from bibnorm.writers import Rendered as Rendered

    __version__: str
else:
    # Outside type checking only: to a type checker, a module `__getattr__` would make every
    # misspelt name (`bibnorm.raed`) an `Any` rather than an error.
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


def __dir__() -> list[str]:
    """The public names (`__all__`, imported or not yet), ``__version__`` and the module's own
    dunders: what `dir` and completion in an editor or IPython offer."""
    return sorted({*__all__, "__version__", *(name for name in globals() if name.startswith("__"))})
