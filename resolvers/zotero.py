"""Zotero's local API (Zotero 7+) and Better BibTeX's JSON-RPC: the user's library, read in place.

Zotero serves the user's own library on this computer at ``http://localhost:23119/api/``
(``zotero_api_url``), the web API v3's endpoints and item JSON under user ``0``, read without a
key. Two things stand between a client and it, and each is said in one line (`ZoteroError`):
Zotero not running (the connection is refused) and the local API not enabled (403 "Local API is
not enabled": Settings → Advanced → "Allow other applications on this computer to communicate
with Zotero"). Items are asked page by page (``limit``/``start``, ``Total-Results``), which the
local API honours though it does not page by default; a collection is named by its key or its
name (``GET …/collections``).

Better BibTeX, when installed, answers ``POST /better-bibtex/json-rpc`` on the same port; its
``item.citationkey`` gives the citation keys the user cites by. It is optional: a Zotero without
it (404, a JSON-RPC error, no answer) leaves the keys to the items' ``extra``.

Nothing is written to Zotero (the local API's write support, Zotero 10+, is not used), no API key
is sent, and nothing is cached: a library is read fresh each run, like a file. Every answer is
bounded like a source's: at most ``max_response_mb`` as sent and as decompressed (a gzip bomb
stops at the cap), ``timeout`` seconds from the request to its last byte (a server that drips is
cut), no redirect followed, and a library of at most `MAX_LIBRARY_MB` in all. Raw JSON never
leaves this module as data: the items go out as the JSON text `bibnorm.readers.zotero` reads.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin

import requests
from bibnorm.config import Settings
from bibnorm.errors import InputError
from bibnorm.resolvers._bounded import Deadline, TooLarge, WatchedAdapter, read_bounded
from bibnorm.safejson import loads

SOURCE = "zotero"
USER = "users/0"  # the local API's name for the logged-in user's library
PAGE = 100  # items a request (the web API's maximum; the local API takes more, pages are cheap)
MAX_ITEMS = 200_000  # a library beyond this is refused rather than read for ever
MAX_LIBRARY_MB = 128  # the pages of one library together (a real 100,000-item library: ~150 MB)
BBT_PATH = "/better-bibtex/json-rpc"
_ITEM_KEY = re.compile(r"^[A-Z0-9]{8}$")  # Zotero's object keys: 8 of 23456789ABCDEFGHIJKLMNPQRSTUVWXYZ


class ZoteroError(InputError):
    """The library could not be read; ``str()`` is one line saying why and what to do."""


@dataclass(frozen=True)
class ZoteroLibrary:
    """What was read: the items as Zotero's JSON (one array, pages joined), Better BibTeX's
    citation keys by item key (empty without Better BibTeX), and the input's name for messages."""

    name: str
    items_json: str
    citekeys: dict[str, str] = field(default_factory=dict)


class ZoteroClient:
    """Reads the user's library from a running Zotero through ``session`` (no cache, no key)."""

    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = settings.zotero_api_url.rstrip("/") + "/"
        self.timeout = settings.timeout
        self.max_bytes = int(settings.max_response_mb * 1024 * 1024)
        for scheme in ("http://", "https://"):  # connections a `Deadline` can cut
            session.mount(scheme, WatchedAdapter(max_retries=0))

    def _ask(self, method: str, url: str, **arguments: Any) -> requests.Response:
        """One request, its whole answer read within ``timeout`` seconds and ``max_bytes``; no
        redirect followed. `ZoteroError` for an answer too large or too slow; other
        `requests.RequestException` as they come."""
        deadline = Deadline(self.timeout)
        late = ZoteroError(
            f"Zotero's local API did not answer within {self.timeout:g} s ({url}); is Zotero busy?"
        )
        try:
            with deadline:
                response = self.session.request(
                    method, url, stream=True, allow_redirects=False, timeout=self.timeout, **arguments
                )
                read_bounded(response, self.max_bytes)
        except TooLarge as error:
            raise ZoteroError(f"Zotero's local API sent an answer {error} ({url})") from None
        except requests.RequestException:
            if deadline.expired:
                raise late from None
            raise
        if deadline.expired:  # cut short: what arrived is not the whole answer
            raise late
        return response

    def library(self, collection: str | None = None) -> ZoteroLibrary:
        """Every regular and child item of the library, or of one collection (by key or name),
        with Better BibTeX's citation keys when it answers."""
        if collection is None:
            name, path = "zotero", f"{USER}/items"
        else:
            key = self.collection_key(collection)
            name, path = f"zotero:{collection}", f"{USER}/collections/{key}/items"
        items = self._all(path)
        keys = [str(item.get("key")) for item in items if isinstance(item, dict) and item.get("key")]
        return ZoteroLibrary(name=name, items_json=json.dumps(items), citekeys=self.citekeys(keys))

    def collection_key(self, wanted: str) -> str:
        """The key of the collection named ``wanted`` (its key, or its name, case aside)."""
        collections = [c for c in self._all(f"{USER}/collections") if isinstance(c, dict)]
        by_key = [c for c in collections if c.get("key") == wanted]
        if by_key:
            return wanted
        named = [
            str(c.get("key"))
            for c in collections
            if str((c.get("data") or {}).get("name") or "").casefold() == wanted.casefold()
        ]
        if len(named) == 1:
            return named[0]
        if named:
            raise ZoteroError(
                f"zotero:{wanted}: {len(named)} collections have this name; "
                f"name one by its key ({', '.join(sorted(named))})"
            )
        looks_like = "key" if _ITEM_KEY.match(wanted) else "name"
        raise ZoteroError(f"zotero:{wanted}: no collection has this {looks_like} in the Zotero library")

    def citekeys(self, item_keys: list[str]) -> dict[str, str]:
        """Better BibTeX's citation key of each item that has one; {} when Better BibTeX does not
        answer (not installed, an older version, an error)."""
        if not item_keys:
            return {}
        url = urljoin(self.base_url, BBT_PATH)
        request = {
            "jsonrpc": "2.0",
            "method": "item.citationkey",
            "params": {"item_keys": item_keys},
            "id": 1,
        }
        try:
            # As the maintainer's own calls send it (``util/json-rpc.sh``): JSON in, JSON back.
            response = self._ask("POST", url, json=request, headers={"Accept": "application/json"})
            answer = loads(response.content) if response.status_code == 200 else None
        except (requests.RequestException, ValueError, ZoteroError):
            return {}
        result = answer.get("result") if isinstance(answer, dict) else None
        if not isinstance(result, dict):
            return {}
        # Keys come back as asked ("ABCD1234"), or with a library id ("1:ABCD1234").
        return {
            str(asked).rsplit(":", 1)[-1]: key
            for asked, key in result.items()
            if isinstance(key, str) and key
        }

    def _all(self, path: str) -> list[Any]:
        """Every object of a list endpoint, page by page."""
        objects: list[Any] = []
        start = 0
        read = 0  # bytes of the pages so far
        while True:
            response = self._get(path, {"format": "json", "limit": str(PAGE), "start": str(start)})
            read += len(response.content)
            if read > MAX_LIBRARY_MB * 1024 * 1024:
                raise ZoteroError(
                    f"the Zotero library is more than {MAX_LIBRARY_MB} MB of JSON; name a collection"
                )
            try:
                page = loads(response.content)
            except ValueError:
                raise ZoteroError(
                    f"Zotero's local API sent a body that is not JSON ({self._url(path)})"
                ) from None
            if not isinstance(page, list):
                raise ZoteroError(f"Zotero's local API sent no list of objects ({self._url(path)})")
            objects += page
            start += len(page)
            total = _total(response)
            if not page or (total is not None and start >= total) or (total is None and len(page) < PAGE):
                return objects
            if start >= MAX_ITEMS:
                raise ZoteroError(f"the Zotero library has more than {MAX_ITEMS} objects; name a collection")

    def _url(self, path: str) -> str:
        return urljoin(self.base_url, quote(path))

    def _get(self, path: str, params: dict[str, str]) -> requests.Response:
        url = self._url(path)
        try:
            response = self._ask("GET", url, params=params)
        except requests.ConnectionError:
            raise ZoteroError(
                f"Zotero is not running: nothing answers at {self.base_url} "
                "(start Zotero 7 or later, or set BIBNORM_ZOTERO_API_URL)"
            ) from None
        except requests.RequestException as error:
            raise ZoteroError(f"Zotero's local API could not be read at {self.base_url}: {error}") from None
        if response.status_code == 403:
            raise ZoteroError(
                "Zotero's local API is not enabled: turn on Settings → Advanced → 'Allow other "
                "applications on this computer to communicate with Zotero'"
            )
        if response.status_code == 404 and path.startswith(USER + "/collections/"):
            raise ZoteroError(f"no such Zotero collection ({path.split('/')[3]})")
        if response.status_code == 404:
            raise ZoteroError(f"this Zotero has no local API at {self.base_url} (Zotero 7 or later has it)")
        if response.status_code != 200:
            raise ZoteroError(f"Zotero's local API answered HTTP {response.status_code} for {url}")
        return response


def _total(response: requests.Response) -> int | None:
    value = response.headers.get("Total-Results", "")
    return int(value) if value.strip().isdigit() else None
