"""Building the run's session: `BibnormSession` with the polite or offline transport, and
the requests-cache SQLite cache when one is used (`bibnorm.resolvers._cache`, imported only then).

Its own module so that the cached session (`bibnorm.resolvers._cache`) and the plain one
(`bibnorm.resolvers._http`) never import each other.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bibnorm.config import Settings
from bibnorm.errors import CacheError
from bibnorm.io import make_folders
from bibnorm.resolvers._cache_file import BUSY_WAIT, cache_failure, folder_is_a_file, nothing_cached
from bibnorm.resolvers._http import (
    CACHE_FILE,
    CACHEABLE_STATUSES,
    BibnormSession,
    OfflineAdapter,
    PoliteAdapter,
    RefusingSession,
    source_policies,
    user_agent,
)
from bibnorm.resolvers._spacing import FOLDER, SharedSpacing
from bibnorm.resolvers._stats import HttpStats
from requests.adapters import HTTPAdapter


def build_session(
    settings: Settings,
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    jitter: Callable[[], float] = random.random,
    stats: HttpStats | None = None,
    expire_after: timedelta = timedelta(days=30),
) -> BibnormSession:
    """The run's session: cache in ``settings.cache_dir``, polite or offline transport.

    Offline with no response cached (no cache file there, or an empty one), the session has no
    cache and creates none: each request is refused at once with the cache miss's "offline: not
    in the cache". Offline with a cache, a request is looked up in it before anything else
    (`bibnorm.resolvers._cache.OfflineCachedSession`): only hits go through the HTTP stack.
    Raises `CacheError` (one line, naming ``bibnorm cache clear`` or the setting to change)
    when the cache folder cannot be made or its database is damaged.
    """
    session: BibnormSession
    if settings.offline and nothing_cached(settings.cache_dir):
        session = RefusingSession()  # nothing could answer: every request is a miss, said at once
    else:
        # requests-cache: only when a cache is used
        from bibnorm.resolvers._cache import CachedBibnormSession, OfflineCachedSession

        kind = OfflineCachedSession if settings.offline else CachedBibnormSession
        session = kind(
            cache_name=str(open_cache_file(settings.cache_dir)),
            backend="sqlite",
            allowable_codes=CACHEABLE_STATUSES,
            allowable_methods=("GET", "POST"),
            ignored_parameters=["x-api-key", "api_key"],  # secrets never become part of the cache
            match_headers=False,
            expire_after=expire_after,
            stale_if_error=False,
        )
    session.stats = stats if stats is not None else HttpStats()
    session.headers["User-Agent"] = user_agent(settings)
    adapter: HTTPAdapter
    if settings.offline:
        adapter = OfflineAdapter()
    else:
        adapter = PoliteAdapter(
            source_policies(settings),
            timeout=settings.timeout,
            max_bytes=int(settings.max_response_mb * 1024 * 1024),
            max_attempts=settings.max_attempts,
            backoff_base=settings.backoff_base,
            user_agent=user_agent(settings),
            stats=session.stats,
            breaker_failures=settings.breaker_failures,
            max_wait=settings.max_wait_per_source,
            clock=clock,
            sleep=sleep,
            jitter=jitter,
            spacing=SharedSpacing(settings.cache_dir / FOLDER),
        )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def open_cache_file(folder: Path) -> Path:
    """The cache database's path, after checking that the folder and the database are usable."""
    try:
        make_folders(folder)  # never under a home folder that does not exist
    except FileExistsError:
        raise folder_is_a_file(folder) from None
    except OSError as error:
        raise CacheError(
            f"cache folder {folder}: {error.strerror or error}; point BIBNORM_CACHE_DIR or "
            "--cache-dir at a writable folder"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CacheError(f"cache folder {folder} is not writable; set BIBNORM_CACHE_DIR or --cache-dir")
    path = folder / CACHE_FILE
    if path.exists():
        try:
            with contextlib.closing(sqlite3.connect(path, timeout=BUSY_WAIT)) as database:
                database.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.Error as error:
            raise cache_failure(error, path) from None
    return path


def build_local_session(settings: Settings) -> BibnormSession:
    """A session for a program on this computer (Zotero's local API): no cache, so what is read is
    what the library holds now; no retries or spacing, so a Zotero that is not running is said at
    once; never refused by ``--offline``, which keeps bibnorm off the network, not off the user's
    own applications."""
    session = BibnormSession()
    session.stats = HttpStats()
    session.headers["User-Agent"] = user_agent(settings)
    session.trust_env = False  # a proxy from the environment must not see the user's library
    adapter = HTTPAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def build_download_session(settings: Settings) -> BibnormSession:
    """A session for downloading a dump whole (`bibnorm.resolvers._download`): no cache (a dump of
    several GB has no place in it) and no cap on an answer's size; the User-Agent, and redirects
    kept within their origin, as for every source. Offline, every request is refused."""
    session: BibnormSession = RefusingSession() if settings.offline else BibnormSession()
    session.stats = HttpStats()
    session.headers["User-Agent"] = user_agent(settings)
    adapter = HTTPAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
