"""The HTTP cache's file: where it is, how many responses it holds, and what a miss says.

Free of the HTTP stack (requests, requests-cache), so that an offline run can find out that
nothing is cached, and answer as a refused request would, without importing either
(`bibnorm.resolvers._refused`); `bibnorm.resolvers._http` and the ``cache`` commands use it too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from bibnorm.errors import CacheError

CACHE_FILE = "http-cache.sqlite"
OFFLINE_MISS = "offline: not in the cache"  # what an offline request the cache cannot answer gets


def folder_is_a_file(folder: Path) -> CacheError:
    return CacheError(f"cache folder {folder} is a file; point BIBNORM_CACHE_DIR or --cache-dir at a folder")


BUSY_WAIT = 5.0
"""Seconds a run waits for another bibnorm process to let go of the cache database (SQLite's
busy timeout) before it says the cache is in use."""


def cache_failure(error: sqlite3.Error, path: Path | None = None) -> CacheError:
    """The one line for a cache database that failed: *in use* when another process holds its
    lock past `BUSY_WAIT` (SQLite says "database is locked"), *damaged* otherwise. Only a
    damaged cache is worth 'bibnorm cache clear', which deletes every cached response."""
    named = f"the HTTP cache {path}" if path is not None else "the HTTP cache"
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return CacheError(
            f"{named} is in use by another bibnorm process (still locked after {BUSY_WAIT:.0f} s); "
            "wait for it to finish, or give this run another folder with --cache-dir"
        )
    return CacheError(f"{named} is damaged ({error}); run 'bibnorm cache clear'")


def cache_file_in(folder: Path) -> Path:
    """The cache database's path in ``folder``; `CacheError` when ``folder`` is a file."""
    if folder.exists() and not folder.is_dir():
        raise folder_is_a_file(folder)
    return folder / CACHE_FILE


def cached_responses(folder: Path) -> tuple[Path, int]:
    """The cache database in ``folder`` and how many responses it holds (0 when there is none
    yet), read without creating or changing anything. Raises `CacheError` when the folder is a
    file, or the database is not a file, cannot be read or is damaged: a count of 0 there
    would say "empty" about a cache that cannot answer at all."""
    path = cache_file_in(folder)
    if not path.exists():
        return path, 0
    if not path.is_file():
        raise CacheError(f"the HTTP cache {path} is not a file; remove it, or set BIBNORM_CACHE_DIR")
    if not os.access(path, os.R_OK):
        raise CacheError(f"the HTTP cache {path} cannot be read (permission denied)")
    try:
        # Read-only through a URI (as_uri quotes a '?' or '#' in the path): never creates a file.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=BUSY_WAIT)) as database:
            tables = {name for (name,) in database.execute("select name from sqlite_master")}
            count = 0
            if "responses" in tables:  # an empty file is an empty database: a cache not yet written
                count = database.execute("select count(*) from responses").fetchone()[0]
    except sqlite3.Error as error:
        raise cache_failure(error, path) from None
    return path, int(count)


def nothing_cached(folder: Path) -> bool:
    """True when ``folder`` holds no cached response: no cache file, or one without any."""
    if not (folder / CACHE_FILE).exists():
        return True
    try:
        return cached_responses(folder)[1] == 0
    except CacheError:
        return False  # opening it as the cache says what is wrong with it, as it always did
