"""The private pieces of the ``arxiv`` package bibnorm leans on, in one place.

The package's public API (`arxiv.Client.results`, `arxiv.Search`, `arxiv.Result`) fetches with
a session of its own, sends its own User-Agent and keeps from its caller the server's error
messages and the page's ``totalResults``. So bibnorm subclasses `arxiv.Client` here and uses
three private pieces, and nothing outside this module names them:

- ``Client._session``: set to bibnorm's session (cache, spacing, retries, timeouts);
- ``Client._parse_feed``: the package's one fetch point, replaced by `OnePageClient.fetch_feed`;
- ``arxiv._feed.parse`` / ``ParsedFeed``: its Atom feed parser and what it returns.

They were read from the wheels of 4.0.0, 4.0.1 and 4.0.2, whose ``arxiv/_feed.py`` and
``class Client`` are byte for byte the same (`READ_FINGERPRINTS`); 2.x and 3.x have no
``arxiv._feed``. tests/test_arxiv_package.py fails on an installed release whose pieces differ
from every release read, so a new series is let into pyproject.toml's range only after its
wheel has been read the same way and its fingerprint added here.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import arxiv
import requests
from arxiv._feed import ParsedFeed
from arxiv._feed import parse as parse_feed

__all__ = ["READ_FINGERPRINTS", "OnePageClient", "ParsedFeed", "installed_fingerprint", "parse_feed"]

# sha256 of arxiv/_feed.py, and of the source of `class Client` in arxiv/__init__.py.
READ_FINGERPRINTS: dict[str, tuple[str, str]] = {
    "4.0.0-4.0.2": (
        "6e5336497d7c7aa7110b277df7d9c82d700a74d31c03f1a46135dcdbe5c863c4",
        "a750b49cd0c1fd808637d0daef442a736a13993d57454ddce63e006c9aad3052",
    ),
}


def installed_fingerprint() -> tuple[str, str]:
    """The fingerprint of the installed package's private pieces (see `READ_FINGERPRINTS`)."""
    package = Path(arxiv.__file__).parent
    feed = hashlib.sha256((package / "_feed.py").read_bytes()).hexdigest()
    source = (package / "__init__.py").read_text(encoding="utf-8")
    [client] = [n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "Client"]
    segment = ast.get_source_segment(source, client) or ""
    return feed, hashlib.sha256(segment.encode("utf-8")).hexdigest()


class OnePageClient(arxiv.Client):
    """`arxiv.Client` on a session of the caller's, fetching each page through `fetch_feed`."""

    def __init__(self, session: requests.Session, base_url: str) -> None:
        super().__init__(page_size=10, delay_seconds=0, num_retries=0)
        self._session = session
        self.query_url_format = base_url + "?{}"

    @property
    def session(self) -> requests.Session:
        return self._session

    def fetch_feed(self, url: str) -> ParsedFeed:  # pragma: no cover - subclasses define it
        raise NotImplementedError

    def _parse_feed(self, url: str, first_page: bool = True, _try_index: int = 0) -> ParsedFeed:
        return self.fetch_feed(url)
