"""bibnorm: messy paper references in, clean and correct bibliographies out."""

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
    raise AttributeError(f"module 'normalizer' has no attribute {name!r}")
