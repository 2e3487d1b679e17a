"""bibnorm: messy paper references in, clean and correct bibliographies out.

The packages, from the ground up (each imports only those below it; the contracts in
``pyproject.toml`` are checked by the test suite with import-linter):

- the ground: `models` (the one typed currency), `identifiers`, `errors`, `config`,
  `io` (files that are never lost), `processes` (worker pools), `safejson`;
- `text`: cleaning, title keys, capitals, names, links, venues;
- `resolve`: pipeline, matching, merge, normalize, keys, report;
- `bib`: existing ``.bib`` files (parsing, checks, fixes, merging, the lockfile);
- `readers`, `writers` and the top-level package `resolvers` (one module per source);
- the workflows `verify` and `latex`, independent of each other;
- `cli`: the only composition root.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    # ``__version__`` is looked up only when asked for: importlib.metadata costs ~20 ms of
    # start-up that `bibnorm --help` and offline runs need not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("bibnorm")
        except PackageNotFoundError:  # running from a source tree without installation
            return "0.0.0+local"
    raise AttributeError(f"module 'bibnorm' has no attribute {name!r}")
