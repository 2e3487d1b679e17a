"""The HTTP response cache: `cache_info` (where it is, how many responses, its size) and
`clear_cache` (delete every cached response), as ``bibnorm cache info|clear`` use them.

The cache is one SQLite file in the settings' cache folder (`Settings.cache_dir`); the local
indexes beside it are left alone.
"""

from __future__ import annotations

from pathlib import Path

from bibnorm.config import Settings
from bibnorm.errors import CacheError
from bibnorm.resolvers import cache_file_in, cached_responses
from pydantic import BaseModel, ConfigDict


class CacheInfo(BaseModel):
    """Where the cache database is, whether it exists, the responses it holds and its bytes."""

    model_config = ConfigDict(frozen=True)

    path: Path
    exists: bool
    responses: int
    bytes: int


class ClearedCache(BaseModel):
    """The cache database `clear_cache` emptied, and how many of its files it removed (0: none
    was there)."""

    model_config = ConfigDict(frozen=True)

    path: Path
    removed: int


def cache_info(settings: Settings) -> CacheInfo:
    """The figures of the cache in ``settings.cache_dir``. A cache folder that is a file, or a
    database that is damaged or unreadable, is a `CacheError` (one line), never "0 responses"."""
    path, responses = cached_responses(settings.cache_dir)
    size = path.stat().st_size if path.exists() else 0
    return CacheInfo(path=path, exists=path.exists(), responses=responses, bytes=size)


def clear_cache(settings: Settings) -> ClearedCache:
    """Delete the cache database in ``settings.cache_dir`` and its write-ahead files (the next
    run asks the sources again); a `CacheError` when one of them cannot be removed."""
    path = cache_file_in(settings.cache_dir)
    removed = 0
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.is_dir():
            raise CacheError(f"{candidate} is a folder, not the cache database; nothing was removed")
        try:
            candidate.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CacheError(f"cannot remove {candidate}: {error.strerror or error}") from None
        removed += 1
    return ClearedCache(path=path, removed=removed)
