"""The cached session: requests-cache's SQLite cache under `bibnorm.resolvers._http.BibnormSession`.

Its own module so that only runs that use a cache import requests-cache (`_session.build_session`
imports it when it builds one).
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import requests
from bibnorm.resolvers._cache_file import cache_failure
from bibnorm.resolvers._http import OFFLINE_MISS, BibnormSession, SourceUnavailable
from requests_cache import CacheMixin

_COUNTING = threading.Lock()  # sources asked side by side count their hits into one figure


class CachedBibnormSession(CacheMixin, BibnormSession):
    """A `BibnormSession` answered from the HTTP cache first; cache hits are counted too."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> Any:  # type: ignore[override]
        try:
            response = super().send(request, **kwargs)
        except sqlite3.Error as error:  # the cache database broke (disk full, damaged) mid-run
            raise cache_failure(error) from None
        if getattr(response, "from_cache", False):
            with _COUNTING:
                self.stats.cache_hits += 1
        return response


class OfflineCachedSession(CachedBibnormSession):
    """The cached session of an offline run: a request the cache lacks is refused before the
    HTTP stack sees it.

    Its cache key is computed from the request alone and looked up directly (the responses and
    the redirects, as requests-cache's own lookup does); only a key the cache holds goes the
    usual way, through requests and requests-cache, so a hit is answered exactly as before and
    a miss with the same "offline: not in the cache" `OfflineAdapter` would raise, without
    reading the environment's proxy settings, cookies or netrc for it.
    """

    def request(self, method: str, url: str, **kwargs: Any) -> Any:  # type: ignore[override]
        prepared = requests.Request(
            method,
            url,
            params=kwargs.get("params"),
            data=kwargs.get("data"),
            headers=kwargs.get("headers"),
            json=kwargs.get("json"),
        ).prepare()
        try:
            # The key requests-cache's send computes; ``verify`` is part of it and always on here.
            held = self.cache.contains(key=self.cache.create_key(prepared, verify=True))
        except sqlite3.Error as error:
            raise cache_failure(error) from None
        if not held:
            raise SourceUnavailable(OFFLINE_MISS)
        return super().request(method, url, **kwargs)
