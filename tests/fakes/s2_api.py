"""A fake Semantic Scholar Graph API v1 on 127.0.0.1, speaking the recorded wire formats.

Formats follow ``shared/reference/api-samples/s2/`` (see its PROVENANCE.md):

- ``GET  /graph/v1/paper/search/match`` → ``{"data": [{..., "matchScore": float}]}`` or
  404 ``{"error": "Title match not found"}``;
- ``GET  /graph/v1/paper/search`` → ``{"total", "offset", "next"?, "data"?}`` (no ``data``
  key when empty, no ``next`` on the last page);
- ``GET  /graph/v1/paper/search/bulk`` → ``{"total", "token", "data"}``: the boolean query
  language (tests/fakes/s2_bulk_query.py) over titles and abstracts, unranked (by paper
  id), ``bulk_page`` papers a page (1,000 as the service) and an opaque continuation
  ``token`` (``null`` on the last page); a query it cannot parse → 400;
- ``POST /graph/v1/paper/batch?fields=...`` with ``{"ids": [...]}`` → a bare array in
  request order with ``null`` for unknown ids (more than 500 ids: 400);
- ``GET  /graph/v1/paper/{id}`` (``ARXIV:``, ``DOI:``, bare DOI, ``CorpusId:``, sha) → the
  bare object or 404 ``{"error": "Paper with id <id> not found"}``;
- an unknown field → 400 ``{"error": "Unrecognized or unsupported fields: [...]"}``;
- a wrong ``x-api-key`` → 403 ``{"message":"Forbidden"}`` (no key at all is allowed: the
  real service then uses its shared unauthenticated pool).

Records: the real records in the samples (served as recorded), plus one record per
``dev-gold.jsonl`` paper built only from facts in ``dev-gold.jsonl``/``dev-snapshot.jsonl``
(title, authors, abstract, arXiv id, venue and year where gold has them). Their paper
ids, corpus ids and author ids are synthetic (hashes; corpus ids from 800000000) — S2's
real ids are not in our data. Gold venues ("CVPR 2022") are spelt the ways S2 spells
them (publicationVenue names, "2022 IEEE/CVF Conference ... (CVPR)" venue strings, a
conference paper whose ``journal`` still says ArXiv), rotating by position. A few
obviously synthetic decoys (ids starting ``decoy``, corpus ids from 900000000) have
titles one word away from gold titles.

``/paper/search/match`` is realistically imperfect: it returns the record with the
closest title even when it is another paper (a decoy, or a longer title containing the
query), so callers must verify titles themselves.

Fault switches (`FakeS2.inject`): ``"429"`` (the recorded body, no Retry-After),
``"500"``, ``"503"``, ``"slow"`` (answers after ``slow_seconds``), ``"truncated"`` (200 with
half a JSON body), ``"non_json"`` (200 with an HTML page). Every request is logged with its
headers in `FakeS2.requests`.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from paths import SHARED
from rapidfuzz import fuzz

from fakes import s2_bulk_query

SAMPLES = SHARED / "reference" / "api-samples" / "s2"
GOLD = SHARED / "reference" / "dev-gold.jsonl"
SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"
PREFIX = "/graph/v1"
BATCH_LIMIT = 500
FAULTS = frozenset({"429", "500", "503", "slow", "truncated", "non_json"})

# Every field of a paper, as in the all-fields sample (paper-all-fields-trimmed.json).
VALID_FIELDS = frozenset(
    {
        "paperId", "externalIds", "corpusId", "publicationVenue", "url", "title", "abstract", "venue",
        "year", "referenceCount", "citationCount", "influentialCitationCount", "isOpenAccess",
        "openAccessPdf", "fieldsOfStudy", "s2FieldsOfStudy", "tldr", "publicationTypes",
        "publicationDate", "journal", "citationStyles", "embedding", "authors", "citations",
        "references", "textAvailability",
    }
)  # fmt: skip

_SAMPLE_FILES = (
    "search-full-fields-first-20-of-100.json",
    "search-match-arxiv-paper.json",
    "search-match-full-fields.json",
    "paper-by-doi.json",
    "paper-by-arxiv-doi.json",
    "paper-all-fields-trimmed.json",
    "batch-full-fields-with-null-for-unknown-id.json",
)

# How S2 names the venues that occur in dev-gold.jsonl: (publicationVenue name, type,
# venue string with {year}, or None when S2 only uses the name).
_S2_VENUES: dict[str, tuple[str, str, str | None]] = {
    "CVPR": (
        "Computer Vision and Pattern Recognition",
        "conference",
        "{year} IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
    ),
    "CVPR Workshops": (
        "{year} IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
        "conference",
        "{year} IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
    ),
    "ICCV": (
        "IEEE International Conference on Computer Vision",
        "conference",
        "{year} IEEE/CVF International Conference on Computer Vision (ICCV)",
    ),
    "ECCV": ("European Conference on Computer Vision", "conference", None),
    "NeurIPS": ("Neural Information Processing Systems", "conference", None),
    "ICML": ("International Conference on Machine Learning", "conference", None),
    "ICLR": ("International Conference on Learning Representations", "conference", None),
    "KDD": (
        "Knowledge Discovery and Data Mining",
        "conference",
        "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
    ),
    "AAAI": ("AAAI Conference on Artificial Intelligence", "conference", None),
    "WACV": (
        "IEEE Workshop/Winter Conference on Applications of Computer Vision",
        "conference",
        "{year} IEEE Winter Conference on Applications of Computer Vision (WACV)",
    ),
    "ACL": ("Annual Meeting of the Association for Computational Linguistics", "conference", None),
    "ACM MM": ("ACM Multimedia", "conference", None),
    "TMLR": ("Trans. Mach. Learn. Res.", "journal", None),
    "TPAMI": ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "journal", None),
}
_VENUE_ALIASES = {"CVPRW": "CVPR Workshops"}

# Synthetic near-miss records: (title, year). Obviously fake ids; never real papers.
DECOYS: tuple[tuple[str, int], ...] = (
    ("Stitchable Neural Fields", 2023),
    ("Searching the Search Space of Audio Transformers", 2021),
    ("Multilinear Operator Fields", 2024),
)

_ARXIV_PUBLICATION_VENUE = {
    "id": "1901e811-ee72-4b20-8f7e-de08cd395a10",
    "name": "arXiv.org",
    "alternate_names": ["ArXiv"],
    "issn": "2331-8422",
    "url": "https://arxiv.org",
}


def _read_json(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def sample_body(name: str) -> bytes:
    """The exact bytes of a recorded sample (used for error bodies)."""
    return (SAMPLES / name).read_bytes()


def _hash_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def gold_paper_id(arxiv_id: str) -> str:
    """The synthetic S2 paper id the fake gives the gold paper with this arXiv id."""
    return _hash_hex(f"bibnorm-fake-s2:{arxiv_id}")


def _split_gold_venue(text: str) -> tuple[str, int | None]:
    match = re.fullmatch(r"(.*?)\s*((?:19|20)\d\d)?", text.strip())
    assert match is not None
    name = _VENUE_ALIASES.get(match.group(1), match.group(1))
    return name, int(match.group(2)) if match.group(2) else None


def _arxiv_year(arxiv_id: str) -> int | None:
    match = re.fullmatch(r"(\d\d)(\d\d)\.\d{4,5}", arxiv_id)
    return 2000 + int(match.group(1)) if match else None


def _snapshot_date(record: dict[str, Any]) -> str | None:
    from email.utils import parsedate_to_datetime

    versions = record.get("versions") or []
    if not versions:
        return None
    return parsedate_to_datetime(versions[0]["created"]).date().isoformat()


def build_gold_records() -> list[dict[str, Any]]:
    """One S2-shaped record per gold paper (see the module docstring for what is synthetic)."""
    snapshot = {}
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            snapshot[row["id"]] = row
    records = []
    for position, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        gold = json.loads(line)
        arxiv_id = gold["arxiv_id"]
        snap = snapshot.get(arxiv_id, {})
        paper_id = gold_paper_id(arxiv_id)
        corpus_id = 800000000 + position
        year = gold.get("year") or _arxiv_year(arxiv_id)
        record: dict[str, Any] = {
            "paperId": paper_id,
            "externalIds": {"ArXiv": arxiv_id, "CorpusId": corpus_id},
            "corpusId": corpus_id,
            "url": f"https://www.semanticscholar.org/paper/{paper_id}",
            "title": gold["title"],
            "abstract": snap.get("abstract"),
            "year": year,
            "authors": [
                {"authorId": str(int(_hash_hex(name)[:8], 16)), "name": name}
                for name in gold.get("authors", [])
            ],
        }
        venue_text = gold.get("venue")
        known = _S2_VENUES.get(_split_gold_venue(venue_text)[0]) if venue_text else None
        if known is None:
            # An arXiv-only paper, spelt like "Neural Turing Machines" in the search sample.
            record |= {
                "publicationVenue": _ARXIV_PUBLICATION_VENUE,
                "venue": "arXiv.org",
                "publicationTypes": ["JournalArticle"],
                "publicationDate": _snapshot_date(snap),
                "journal": {"name": "ArXiv", "volume": f"abs/{arxiv_id}"},
            }
        else:
            name, kind, long_form = known
            name = name.format(year=year)
            spelt = (long_form or name).format(year=year)
            style = position % 3
            publication_venue = {"id": _uuid_like(name), "name": name, "type": kind}
            types = ["JournalArticle", "Conference"] if kind == "conference" else ["JournalArticle"]
            if style == 0:  # publicationVenue + venue name, no journal
                record |= {"publicationVenue": publication_venue, "venue": name, "journal": None}
            elif style == 1:  # no publicationVenue; the proceedings' own title in venue and journal
                record |= {"publicationVenue": None, "venue": spelt, "journal": {"name": spelt}}
            else:  # a conference record whose journal still says ArXiv (as the NAACL sample)
                record |= {
                    "publicationVenue": publication_venue,
                    "venue": name,
                    "journal": {"name": "ArXiv", "volume": f"abs/{arxiv_id}"},
                }
            record |= {"publicationTypes": types, "publicationDate": None}
        records.append(record)
    return records


def _uuid_like(text: str) -> str:
    digest = _hash_hex(text)
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def build_decoys() -> list[dict[str, Any]]:
    records = []
    for number, (title, year) in enumerate(DECOYS, start=1):
        paper_id = f"decoy{number:035d}"
        records.append(
            {
                "paperId": paper_id,
                "externalIds": {"CorpusId": 900000000 + number},
                "corpusId": 900000000 + number,
                "publicationVenue": None,
                "url": f"https://www.semanticscholar.org/paper/{paper_id}",
                "title": title,
                "abstract": None,
                "venue": "",
                "year": year,
                "authors": [{"authorId": "900000000", "name": "Synthetic Decoy"}],
                "publicationTypes": None,
                "publicationDate": None,
                "journal": None,
            }
        )
    return records


def build_sample_records() -> list[dict[str, Any]]:
    """The real records of the samples, each once, without per-response keys."""
    records: dict[str, dict[str, Any]] = {}
    for name in _SAMPLE_FILES:
        body = _read_json(name)
        items = body["data"] if isinstance(body, dict) and "data" in body else body
        for item in items if isinstance(items, list) else [items]:
            if item is None:
                continue
            item = {k: v for k, v in item.items() if k != "matchScore"}
            records.setdefault(item["paperId"], item)
    return list(records.values())


def build_papers() -> list[dict[str, Any]]:
    """Everything the fake serves: sample records, gold-derived records, decoys."""
    return [*build_sample_records(), *build_gold_records(), *build_decoys()]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # without the query string
    params: dict[str, list[str]]
    headers: dict[str, str]  # header names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def _words(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", text.casefold()))


@dataclass
class _Index:
    papers: list[dict[str, Any]]
    by_key: dict[str, dict[str, Any]] = field(default_factory=dict)
    _texts: list[tuple[list[str], list[str]]] | None = None
    _postings: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for paper in self.papers:
            ids = paper.get("externalIds") or {}
            self.by_key.setdefault(paper["paperId"], paper)
            if ids.get("ArXiv"):
                self.by_key.setdefault(f"arxiv:{ids['ArXiv']}".casefold(), paper)
                self.by_key.setdefault(f"doi:10.48550/arxiv.{ids['ArXiv']}".casefold(), paper)
            if ids.get("DOI"):
                self.by_key.setdefault(f"doi:{ids['DOI']}".casefold(), paper)
            corpus = ids.get("CorpusId") or paper.get("corpusId")
            if corpus is not None:
                self.by_key.setdefault(f"corpusid:{corpus}", paper)

    def get(self, identifier: str) -> dict[str, Any] | None:
        text = identifier.strip()
        if text.startswith("10."):
            text = f"DOI:{text}"
        return self.by_key.get(text.casefold()) or self.by_key.get(text)

    def texts(self) -> list[tuple[list[str], list[str]]]:
        """Every paper's title and abstract as bulk-search tokens, in `papers` order (made once)."""
        if self._texts is None:
            self._texts = [
                (
                    s2_bulk_query.tokens(paper.get("title") or ""),
                    s2_bulk_query.tokens(paper.get("abstract") or ""),
                )
                for paper in self.papers
            ]
            for position, fields in enumerate(self._texts):
                for word in {word for field in fields for word in field}:
                    self._postings.setdefault(word, set()).add(position)
        return self._texts

    def bulk(self, term: s2_bulk_query.Term) -> list[dict[str, Any]]:
        """The papers a bulk-search query matches, in paper-id order."""
        texts = self.texts()
        narrowed = term.candidates(self._postings)
        positions = range(len(texts)) if narrowed is None else sorted(narrowed)
        hits = [self.papers[i] for i in positions if term.matches(texts[i])]
        return sorted(hits, key=lambda paper: paper["paperId"])

    def ranked(self, query: str) -> list[tuple[float, dict[str, Any]]]:
        """Papers by title closeness: token-set overlap first (a longer title containing
        the query scores 100, as the real service's partial matches do), then plain ratio."""
        wanted = _words(query)
        scored = []
        for paper in self.papers:
            title = _words(paper.get("title") or "")
            overlap = fuzz.token_set_ratio(wanted, title)
            if overlap >= 60:
                scored.append((overlap + fuzz.ratio(wanted, title) / 1000, paper))
        scored.sort(key=lambda pair: (-pair[0], pair[1]["paperId"]))
        return scored


class FakeS2(ThreadingHTTPServer):
    """The fake service; start it with `running_fake_s2` (or `start`/`stop`)."""

    daemon_threads = True

    def __init__(self, expected_key: str | None = None, papers: list[dict[str, Any]] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.expected_key = expected_key
        self.index = _Index(papers if papers is not None else build_papers())
        self.slow_seconds = 2.0
        self.bulk_page = 1000  # papers per /paper/search/bulk page, as the service
        self.bulk_refused = False  # answer /paper/search/bulk with 400, as for a query it cannot parse
        self._faults: deque[str] = deque()
        self._forever: str | None = None
        self._log: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to put in ``Settings.s2_api_url``."""
        return f"http://127.0.0.1:{self.server_address[1]}{PREFIX}"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._log)

    def calls(self, path_suffix: str) -> list[RecordedRequest]:
        """Logged requests whose path ends with ``path_suffix`` (e.g. ``"/paper/batch"``)."""
        return [r for r in self.requests if r.path.endswith(path_suffix)]

    def inject(self, kind: str, times: int = 1) -> None:
        """Answer the next ``times`` requests with fault ``kind`` (see module docstring)."""
        assert kind in FAULTS, kind
        with self._lock:
            self._faults.extend([kind] * times)

    def inject_forever(self, kind: str | None) -> None:
        """Answer every request with fault ``kind`` until called with ``None``."""
        assert kind is None or kind in FAULTS, kind
        with self._lock:
            self._forever = kind

    def next_fault(self, path: str = "") -> str | None:
        """The fault for the next request (to ``path``), if any."""
        with self._lock:
            if self._faults:
                return self._faults.popleft()
            return self._forever

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._log.append(request)

    def start(self) -> FakeS2:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out and hung up is expected in the "slow" tests


@dataclass
class _Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _json_reply(status: int, payload: Any) -> _Reply:
    return _Reply(status, json.dumps(payload).encode("utf-8"))


def _error(status: int, text: str) -> _Reply:
    return _Reply(status, (json.dumps({"error": text}, separators=(",", ":")) + "\n").encode("utf-8"))


class _Handler(BaseHTTPRequestHandler):
    server: FakeS2
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms ACK stalls

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def log_message(self, *args: object) -> None:
        pass

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        params = parse_qs(parts.query, keep_blank_values=True)
        self.server.record(RecordedRequest(method, parts.path, params, headers, body))

        fault = self.server.next_fault(parts.path)
        if fault == "slow":
            time.sleep(self.server.slow_seconds)
            fault = None
        reply = self._fault_reply(fault) if fault else self._answer(method, parts.path, params, headers, body)
        if fault == "truncated":
            good = self._answer(method, parts.path, params, headers, body)
            reply = _Reply(200, good.body[: max(1, len(good.body) // 2)])
        self._send(reply)

    def _send(self, reply: _Reply) -> None:
        try:
            self.send_response(reply.status)
            content_type = reply.headers.pop("Content-Type", "application/json")
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    @staticmethod
    def _fault_reply(fault: str) -> _Reply:
        if fault == "429":
            return _Reply(
                429,
                sample_body("error-429-too-many-requests.json"),
                {"x-amzn-ErrorType": "TooManyRequestsException", "X-Cache": "Error from cloudfront"},
            )
        if fault in ("500", "503"):
            return _Reply(int(fault), b'{"message": "Internal server error"}')
        if fault == "non_json":
            return _Reply(
                200, b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"Content-Type": "text/html"}
            )
        return _Reply(200, b"")  # "truncated" is built by the caller

    def _answer(
        self, method: str, path: str, params: dict[str, list[str]], headers: dict[str, str], body: bytes
    ) -> _Reply:
        key = headers.get("x-api-key")
        if key is not None and self.server.expected_key is not None and key != self.server.expected_key:
            return _Reply(
                403,
                sample_body("error-403-forbidden-invalid-api-key.json"),
                {"x-amzn-ErrorType": "ForbiddenException"},
            )
        if not path.startswith(PREFIX + "/paper"):
            return _error(404, "Not found")
        fields = _fields(params)
        bad = [f for f in fields if f.split(".")[0] not in VALID_FIELDS]
        if bad:
            return _error(400, f"Unrecognized or unsupported fields: [{', '.join(bad)}]")
        route = path[len(PREFIX) :]
        if route == "/paper/search/match" and method == "GET":
            return self._match(params, fields)
        if route == "/paper/search" and method == "GET":
            return self._search(params, fields)
        if route == "/paper/search/bulk" and method == "GET":
            return self._bulk(params, fields)
        if route == "/paper/batch" and method == "POST":
            return self._batch(body, fields)
        if route.startswith("/paper/") and method == "GET":
            identifier = unquote(route[len("/paper/") :])
            paper = self.server.index.get(identifier)
            if paper is None:
                return _error(404, f"Paper with id {identifier} not found")
            return _json_reply(200, _project(paper, fields))
        return _error(404, "Not found")

    def _match(self, params: dict[str, list[str]], fields: list[str]) -> _Reply:
        query = (params.get("query") or [""])[0]
        ranked = self.server.index.ranked(query)
        if not query.strip() or not ranked:
            return _error(404, "Title match not found")
        score, paper = ranked[0]
        # matchScore is not a probability (the samples show 109.55, 133.32, 210.55).
        item = _project(paper, fields) | {"matchScore": round(score * 1.3 + len(query) / 3, 5)}
        return _json_reply(200, {"data": [item]})

    def _search(self, params: dict[str, list[str]], fields: list[str]) -> _Reply:
        query = (params.get("query") or [""])[0]
        offset = int((params.get("offset") or ["0"])[0])
        limit = int((params.get("limit") or ["10"])[0])
        ranked = self.server.index.ranked(query)
        payload: dict[str, Any] = {"total": len(ranked), "offset": offset}
        page = ranked[offset : offset + limit]
        if offset + limit < len(ranked):
            payload["next"] = offset + limit
        if page:
            payload["data"] = [_project(paper, fields) for _, paper in page]
        return _json_reply(200, payload)

    def _bulk(self, params: dict[str, list[str]], fields: list[str]) -> _Reply:
        try:
            if self.server.bulk_refused:
                raise ValueError("refused by the test")
            term = s2_bulk_query.parse((params.get("query") or [""])[0])
        except ValueError as error:
            return _error(400, f"Unable to parse query: {error}")
        hits = self.server.index.bulk(term)
        start = int((params.get("token") or ["0"])[0] or 0)
        page = hits[start : start + self.server.bulk_page]
        more = start + len(page) < len(hits)
        payload = {
            "total": len(hits),
            "token": str(start + len(page)) if more else None,
            "data": [_project(paper, fields) for paper in page],
        }
        return _json_reply(200, payload)

    def _batch(self, body: bytes, fields: list[str]) -> _Reply:
        try:
            ids = json.loads(body)["ids"]
        except (ValueError, KeyError, TypeError):
            return _error(400, "Body must be a JSON object with an ids array")
        if len(ids) > BATCH_LIMIT:
            return _error(400, f"Cannot process more than {BATCH_LIMIT} ids")
        found = [self.server.index.get(str(identifier)) for identifier in ids]
        return _json_reply(200, [None if paper is None else _project(paper, fields) for paper in found])


def _fields(params: dict[str, list[str]]) -> list[str]:
    text = ",".join(params.get("fields") or [])
    return [f for f in (part.strip() for part in text.split(",")) if f]


def _project(paper: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """``paperId`` plus the requested fields (null when the record lacks them), like the service."""
    wanted = fields or ["title"]
    out: dict[str, Any] = {"paperId": paper["paperId"]}
    for name in wanted:
        top = name.split(".")[0]
        if top == "corpusId" and "corpusId" not in paper:
            out[top] = (paper.get("externalIds") or {}).get("CorpusId")
        else:
            out[top] = paper.get(top)
    return out


def running_fake_s2(expected_key: str | None = None) -> Iterator[FakeS2]:
    """Generator for a pytest fixture: a started fake, stopped afterwards."""
    server = FakeS2(expected_key=expected_key).start()
    try:
        yield server
    finally:
        server.stop()
