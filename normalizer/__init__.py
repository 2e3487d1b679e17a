"""bibnorm: messy paper references in, clean and correct bibliographies out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bibnorm")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+local"
