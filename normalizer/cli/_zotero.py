"""Where ``verify`` reads a ``zotero:`` input from: `bibnorm.api.reading.read_zotero_library`,
under the name it has always imported (the library owns the reading now)."""

from bibnorm.api.reading import read_zotero_library as read_library

__all__ = ["read_library"]
