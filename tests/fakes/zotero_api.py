"""A fake of Zotero's local API (Zotero 7+) and of Better BibTeX's JSON-RPC, on 127.0.0.1.

Speaks what Zotero's documentation and its implementation say (shared/reference/formats/zotero):

- ``GET /api/users/0/items`` and ``/api/users/0/collections/<key>/items`` answer the web API v3's
  item JSON, ``[{key, version, library, links, meta, data}]``, pretty-printed with 4 spaces as the
  local API does; every page carries ``Total-Results``, ``Zotero-API-Version: 3`` and
  ``Zotero-Schema-Version``; ``limit``/``start`` are honoured, and without them everything comes
  in one response (the local API does not page by default);
- ``GET /api/users/0/collections`` the collections (``data{key, name, parentCollection}``);
- any other user id is a 400, an unknown collection a 404, ``format=atom`` a 501, a request
  header ``Zotero-API-Version`` other than 3 a 501 (only version 3 is spoken);
- every response carries ``Zotero-Server-ID`` (Zotero 10+ sends it on every local response) and
  a list a ``Link`` header (``rel="next"``/``"last"`` when ``limit`` cuts it, ``"alternate"``
  always) and ``Last-Modified-Version``, as the local API page and the v3 basics say;
- with the local API off, every ``/api/`` request is a 403 ``Local API is not enabled``;
- ``POST /better-bibtex/json-rpc`` (and ``GET`` with the request JSON, URL-encoded, as the bare
  query string, as BBT's handler takes it): JSON-RPC 2.0 as BBT's ``content/json-rpc.ts``
  answers it: ``item.citationkey`` with positional or named ``item_keys``, answering
  ``{"<key as asked>": citekey | null}``; a batch (an array of requests) answered with an array;
  errors ``{"jsonrpc", "error": {code, message}, "id": null}`` with -32700 (parse), -32600
  (invalid request), -32601 (method not found), -32602 (invalid params), always with HTTP 200.
  Without Better BibTeX the path is a 404, as Zotero's server answers for an endpoint nobody
  registered.

`real_library` and `REAL_COLLECTIONS` are the REAL item and collection JSON of Zotero's public
demo library (pyzotero's recorded fixtures, shared/reference/formats/zotero), for serving what
Zotero really sends.

The library (`LIBRARY`) is built from Zotero's documented item format: a journal article, a
conference paper with a DOI, a preprint whose arXiv id is in ``archiveID``, one with it in
``extra``, a book, a thesis, a web page, and the child items (a note, an attachment) that are no
references. Its papers are the verify world's (tests/fakes/verify_world.py): real ones and
fabricated ones.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from paths import REFERENCE

from fakes.local_server import LocalServer, send

ZOTERO_SAMPLES = REFERENCE / "formats" / "zotero" / "web-api-pyzotero-fixtures"
SERVER_ID = "sPMHtLD6HHBd"  # the example ID on the local API page (Zotero 10+)
LIBRARY_ID = 475425  # the web user id Zotero reports for the logged-in user (local requests use 0)


def item(key: str, data: dict[str, Any], collections: Sequence[str] = (), **meta: Any) -> dict[str, Any]:
    """One object in the v3 envelope, as ``format=json`` returns it."""
    return {
        "key": key,
        "version": 12,
        "library": {"type": "user", "id": LIBRARY_ID, "name": "me", "links": {}},
        "links": {
            "self": {
                "href": f"http://localhost:23119/api/users/{LIBRARY_ID}/items/{key}",
                "type": "application/json",
            }
        },
        "meta": {"numChildren": 0, **meta},
        "data": {
            "key": key,
            "version": 12,
            "tags": [],
            "collections": list(collections),
            "relations": {},
            "dateAdded": "2026-01-01T00:00:00Z",
            "dateModified": "2026-01-01T00:00:00Z",
            **data,
        },
    }


def author(first: str, last: str, role: str = "author") -> dict[str, str]:
    return {"creatorType": role, "firstName": first, "lastName": last}


DDPM_AUTHORS = [author("Jonathan", "Ho"), author("Ajay", "Jain"), author("Pieter", "Abbeel")]
WANG_AUTHORS = [
    author("Jingbo", "Wang"),
    author("Yu", "Rong"),
    author("Jingyuan", "Liu"),
    author("Sijie", "Yan"),
    author("Dahua", "Lin"),
    author("Bo", "Dai"),
]
THESIS = "THES0001"

LIBRARY = [
    item(
        "DDPM0001",
        {
            "itemType": "conferencePaper",
            "title": "Denoising Diffusion Probabilistic Models",
            "creators": DDPM_AUTHORS,
            "date": "2020",
            "proceedingsTitle": "NeurIPS",
            "url": "https://arxiv.org/abs/2006.11239",
            "extra": "arXiv: 2006.11239",
        },
        collections=["COLL0001"],
        numChildren=1,
    ),
    item(
        "NOTE0001",
        {"itemType": "note", "parentItem": "DDPM0001", "note": "<p>read again</p>"},
    ),
    item(
        "WANG0001",
        {
            "itemType": "conferencePaper",
            "title": "Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis",
            "creators": WANG_AUTHORS,
            "date": "June 2022",
            "proceedingsTitle": "CVPR",
            "DOI": "10.1109/CVPR52688.2022.01981",
            "extra": "",
        },
        collections=["COLL0001"],
        numChildren=1,
    ),
    item(
        "ATTA0001",
        {
            "itemType": "attachment",
            "parentItem": "WANG0001",
            "linkMode": "imported_url",
            "title": "Full Text PDF",
            "contentType": "application/pdf",
            "filename": "Wang - 2022.pdf",
        },
    ),
    item(
        "FAKE0001",
        {
            "itemType": "preprint",
            "title": "Denoising Diffusion Probabilistic Models",
            "creators": DDPM_AUTHORS,
            "date": "2020-06-19",
            "repository": "arXiv",
            "archiveID": "arXiv:2006.99999",
            "extra": "Citation Key: fake_id",
        },
        collections=["COLL0002"],
    ),
    item(
        "CHIM0001",
        {
            "itemType": "journalArticle",
            "title": "Diffusion Models for High-Resolution Image Synthesis",
            "creators": [author("Antonios", "Alexos"), author("Alex J.", "Boyd")],
            "date": "2022",
            "publicationTitle": "ICML",
            "extra": "arXiv: 2006.11239",
        },
        collections=["COLL0002"],
    ),
    item(
        "BOOK0001",
        {
            "itemType": "book",
            "title": "A Book Nobody Wrote",
            "creators": [author("Ada", "Nobody")],
            "date": "2019",
            "publisher": "Imaginary Press",
            "ISBN": "",
        },
    ),
    item(
        THESIS,
        {
            "itemType": "thesis",
            "title": "Learning to Denoise",
            "creators": [author("Grace", "Student")],
            "date": "2021",
            "thesisType": "PhD thesis",
            "university": "University of Somewhere",
        },
    ),
]
CITEKEYS = {"DDPM0001": "ho2020ddpm", "WANG0001": "wang2022scene", "CHIM0001": "chimera"}
COLLECTIONS = [
    {"key": "COLL0001", "name": "Real papers", "parentCollection": False},
    {"key": "COLL0002", "name": "Suspicious", "parentCollection": False},
    {"key": "COLL0003", "name": "Suspicious", "parentCollection": "COLL0002"},
]


def _sample(name: str) -> Any:
    return json.loads((ZOTERO_SAMPLES / name).read_text(encoding="utf-8"))


def real_library() -> list[dict[str, Any]]:
    """Zotero's demo library as ``GET /users/475425/items`` recorded it (20 regular items), and
    the recorded attachment, a child item."""
    return [*_sample("items_doc.json"), _sample("attachments_doc.json")]


REAL_COLLECTIONS: list[dict[str, Any]] = _sample("collections_doc.json")


def collection(data: dict[str, Any]) -> dict[str, Any]:
    key = data["key"]
    return {
        "key": key,
        "version": 3,
        "library": {"type": "user", "id": LIBRARY_ID, "name": "me", "links": {}},
        "links": {},
        "meta": {"numCollections": 0, "numItems": 2},
        "data": {**data, "version": 3, "relations": {}},
    }


def rpc_error(code: int, message: str) -> dict[str, Any]:
    """BBT's error envelope: the id is null whatever the request's was (``content/json-rpc.ts``)."""
    return {"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": None}


class FakeZotero(LocalServer):
    """Zotero with ``items`` in its library; ``enabled`` is the local API's setting;
    ``citekeys`` is Better BibTeX's key of each item (None: Better BibTeX not installed)."""

    def __init__(
        self,
        items: list[dict[str, Any]] | None = None,
        *,
        enabled: bool = True,
        citekeys: dict[str, str] | None = CITEKEYS,
        collections: list[dict[str, Any]] | None = None,
    ) -> None:
        self.items = LIBRARY if items is None else items
        self.collections = [collection(c) for c in COLLECTIONS] if collections is None else collections
        self.enabled = enabled
        self.citekeys = citekeys
        self.requests: list[tuple[str, str, dict[str, str]]] = []  # (method, path with query, headers)
        super().__init__()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def answer_get(
        self, path: str, params: dict[str, str], version: str | None = None
    ) -> tuple[int, Any, dict[str, str]]:
        if not self.enabled:
            return 403, "Local API is not enabled", {}
        parts = path.strip("/").split("/")
        if parts[:1] != ["api"]:
            return 404, "No endpoint found", {}
        if params.get("format") == "atom" or params.get("content") == "atom":
            return 501, "Not implemented", {}
        if version not in (None, "3") and parts[1:] != [""]:
            return 501, "Only API version 3 is supported", {}
        if len(parts) < 3 or parts[1] != "users":
            return 404, "Not found", {}
        if parts[2] not in ("0", str(LIBRARY_ID)):
            return 400, "Only data for the logged-in user is available locally", {}
        rest = parts[3:]
        if rest == ["items"]:
            return self.page(path, self.items, params)
        if rest == ["collections"]:
            return self.page(path, self.collections, params)
        if len(rest) == 3 and rest[0] == "collections" and rest[2] == "items":
            if rest[1] not in {c["key"] for c in self.collections}:
                return 404, "Collection not found", {}
            chosen = [i for i in self.items if rest[1] in i["data"].get("collections", [])]
            return self.page(path, chosen, params)
        return 404, "Not found", {}

    def page(self, path: str, objects: list[Any], params: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        """One page: everything unless ``limit`` is given (the local API does not page by
        default), with the web API's ``Link`` header built as its basics page shows it."""
        start = int(params.get("start", "0"))
        limit = int(params["limit"]) if "limit" in params else len(objects)
        base = f"{self.url}{path}?limit={limit}"
        links = []
        if start + limit < len(objects):
            last = (len(objects) - 1) // limit * limit if limit else 0
            links += [f'<{base}&start={start + limit}>; rel="next"', f'<{base}&start={last}>; rel="last"']
        links.append(f'<{self.url}{path}>; rel="alternate"')
        headers = {
            "Total-Results": str(len(objects)),
            "Link": ", ".join(links),
            "Last-Modified-Version": str(max((o.get("version", 0) for o in objects), default=0)),
        }
        return 200, objects[start : start + limit], headers

    def answer_rpc(self, body: bytes) -> tuple[int, Any]:
        if self.citekeys is None:
            return 404, "No endpoint found"
        try:
            request = json.loads(body)
        except ValueError:
            return 200, rpc_error(-32700, "Parse error")
        if isinstance(request, list):  # a batch: one answer per request, in order
            return 200, [self.answer_one(one) for one in request]
        return 200, self.answer_one(request)

    def answer_one(self, request: Any) -> dict[str, Any]:
        if not isinstance(request, dict) or request.get("jsonrpc") != "2.0" or "method" not in request:
            return rpc_error(-32600, "Invalid Request")
        if request["method"] != "item.citationkey":
            return rpc_error(-32601, "Method not found")
        params = request.get("params")
        asked = params.get("item_keys") if isinstance(params, dict) else (params or [None])[0]
        if not isinstance(asked, list) or not all(isinstance(key, str) for key in asked):
            return rpc_error(-32602, "Invalid params")
        result = {key: self.citekeys.get(key.rsplit(":", 1)[-1]) for key in asked}
        return {"jsonrpc": "2.0", "result": result, "id": request.get("id")}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(("GET", self.path, dict(self.headers)))
                split = urlsplit(self.path)
                if split.path == "/better-bibtex/json-rpc":  # the request JSON is the query string
                    status, answer = fake.answer_rpc(unquote(split.query).encode())
                    self.reply(status, answer, {})
                    return
                params = {k: v[0] for k, v in parse_qs(split.query).items()}
                version = self.headers.get("Zotero-API-Version")
                status, body, headers = fake.answer_get(split.path, params, version)
                self.reply(status, body, headers)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                fake.requests.append(("POST", self.path, dict(self.headers)))
                if urlsplit(self.path).path != "/better-bibtex/json-rpc":
                    self.reply(404, "No endpoint found", {})
                    return
                status, answer = fake.answer_rpc(body)
                self.reply(status, answer, {})

            def reply(self, status: int, body: Any, headers: dict[str, str]) -> None:
                if isinstance(body, str):
                    data, kind = body.encode(), "text/plain"
                else:
                    data, kind = json.dumps(body, indent=4).encode(), "application/json"
                api = {
                    "Zotero-API-Version": "3",
                    "Zotero-Schema-Version": "31",
                    "Zotero-Server-ID": SERVER_ID,
                }
                send(self, status, data, {"Content-Type": kind, **api, **headers})

            def log_message(self, *args: object) -> None:
                pass

        return Handler
