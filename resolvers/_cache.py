"""The cached session: requests-cache's SQLite cache under `resolvers._http.BibnormSession`.

Its own module so that only runs that use a cache import requests-cache (`_session.build_session`
imports it when it builds one).
"""

from __future__ import annotations

import sqlite3
from typing import Any

import requests
from requests_cache import CacheMixin

from normalizer.errors import CacheError
from resolvers._http import BibnormSession


class CachedBibnormSession(CacheMixin, BibnormSession):
    """A `BibnormSession` answered from the HTTP cache first; cache hits are counted too."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> Any:  # type: ignore[override]
        try:
            response = super().send(request, **kwargs)
        except sqlite3.Error as error:  # the cache database broke (disk full, damaged) mid-run
            raise CacheError(f"the HTTP cache failed ({error}); run 'bibnorm cache clear'") from None
        if getattr(response, "from_cache", False):
            self.stats.cache_hits += 1
        return response
