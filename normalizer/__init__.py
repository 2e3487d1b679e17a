"""bibnorm: messy paper references in, clean and correct bibliographies out."""

from typing import Any


def __getattr__(name: str) -> Any:
    # ``__version__`` is read from the installed metadata on first use only: importing
    # importlib.metadata costs about 60 ms, a sixth of a short run's start-up.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("bibnorm")
    except PackageNotFoundError:  # running from a source tree without installation
        found = "0.0.0+local"
    globals()["__version__"] = found
    return found
