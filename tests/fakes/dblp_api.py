"""A fake dblp publication search on 127.0.0.1, in dblp's native JSON layout.

Format: ``shared/reference/api-samples/dblp/search-publ-json-q-test-30-hits-2019.json``
(see its PROVENANCE.md row): ``result{query, status, time, completions, hits{@total,
@computed, @sent, @first, hit[{@score, @id, info{authors{author}, title, venue, volume,
number, pages, year, type, key, doi, ee, url}, url}]}}``; every number a string, ``author``
a bare string for one author, titles ending in ``.``.

Matching follows dblp's documented search (API-NOTES "dblp"): every query word is a
prefix of a word of the record (title, authors, venue), case and accents ignored, word
order free; hits come in stored order, so several records can match one title (the
CoRR listing, a workshop version) and callers must choose themselves.

Records: the 30 recorded hits as they are, plus per ``dev-gold.jsonl`` paper its CoRR
listing (``journals/corr/abs-YYMM-NNNNN``, "Informal and Other Publications") and, where
gold names a venue, the publication in dblp's venue spelling ("CVPR", "ECCV (12)",
"IEEE Trans. Pattern Anal. Mach. Intell."). Keys, ids and homonym numbers are synthetic;
titles, authors, venues and years come from gold only. No pages, volumes or DOIs are invented.

Record exports (``GET /rec/{key}.bib``, API-NOTES "Records"): the recorded body for the keys
`FakeDblp` is given exports of (``rec-bib-standard-inproceedings.bib``: editors, publisher,
series, volume), else the record's own fields in dblp's current layout
(``rec-bib-2023-layout-book.bib``: names padded to 13 columns, ``and`` ending each author line,
``biburl``, ``bibsource``); an unknown key, or one given an empty export, is dblp's 404.

Faults (`FakeDblp.inject`): ``"429"`` (empty body, ``Retry-After: 1``, as dblp's FAQ
describes), ``"non_json"`` (an HTML page); any other value (``"none"``) lets its request through,
to fault a later one.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections import deque
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from paths import SHARED

from fakes.local_server import LocalServer, send

CONFERENCE, JOURNAL = "Conference and Workshop Papers", "Journal Articles"
SAMPLES = SHARED / "reference" / "api-samples" / "dblp"
SAMPLE = SAMPLES / "search-publ-json-q-test-30-hits-2019.json"
# The recorded standard export of a conference paper (SPIRE 2006) and the search hit dblp gives
# for it: every value from the recording ("SPIRE" is dblp's short booktitle of that volume).
SPIRE_KEY = "conf/spire/BastMW06"
SPIRE_EXPORT = (SAMPLES / "rec-bib-standard-inproceedings.bib").read_text(encoding="utf-8")
SPIRE_HIT: dict[str, Any] = {
    "authors": {"author": ["H. Bast", "Christian Worm Mortensen", "Ingmar Weber"]},
    "title": "Output-Sensitive Autocompletion Search.",
    "venue": "SPIRE",
    "pages": "150-162",
    "year": "2006",
    "type": CONFERENCE,
    "key": SPIRE_KEY,
    "doi": "10.1007/11880561_13",
    "ee": "https://doi.org/10.1007/11880561_13",
    "url": f"https://dblp.org/rec/{SPIRE_KEY}",
}
GOLD = SHARED / "reference" / "dev-gold.jsonl"

# dblp's venue spelling, key stem and type for each venue dev-gold.jsonl names.
DBLP_VENUES: dict[str, tuple[str, str, str]] = {
    "CVPR": ("CVPR", "conf/cvpr", CONFERENCE),
    "CVPR Workshops": ("CVPR Workshops", "conf/cvpr", CONFERENCE),
    "CVPRW": ("CVPR Workshops", "conf/cvpr", CONFERENCE),
    "ICCV": ("ICCV", "conf/iccv", CONFERENCE),
    "ECCV": ("ECCV (12)", "conf/eccv", CONFERENCE),
    "NeurIPS": ("NeurIPS", "conf/nips", CONFERENCE),
    "ICML": ("ICML", "conf/icml", CONFERENCE),
    "ICLR": ("ICLR", "conf/iclr", CONFERENCE),
    "KDD": ("KDD", "conf/kdd", CONFERENCE),
    "AAAI": ("AAAI", "conf/aaai", CONFERENCE),
    "WACV": ("WACV", "conf/wacv", CONFERENCE),
    "ACL": ("ACL (1)", "conf/acl", CONFERENCE),
    "ACM MM": ("ACM Multimedia", "conf/mm", CONFERENCE),
    "TMLR": ("Trans. Mach. Learn. Res.", "journals/tmlr", JOURNAL),
    "TPAMI": ("IEEE Trans. Pattern Anal. Mach. Intell.", "journals/pami", JOURNAL),
}
_WORD = re.compile(r"[0-9a-z]+")


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _WORD.findall(text)


def _authors_field(names: list[str]) -> dict[str, Any]:
    return {"author": names[0] if len(names) == 1 else names}


def gold_records(lines: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """dblp ``info`` objects for dev-gold: a CoRR listing each, and the publication where known."""
    records: list[dict[str, Any]] = []
    rows = [
        json.loads(line) for line in (lines or GOLD.read_text(encoding="utf-8").splitlines()) if line.strip()
    ]
    for position, row in enumerate(rows):
        arxiv_id, names = row["arxiv_id"], list(row.get("authors") or [])
        if position % 7 == 3 and len(names) > 1:
            names[1] += " 0001"  # dblp numbers homonyms; bibnorm must drop the number
        corr_key = "journals/corr/abs-" + arxiv_id.replace(".", "-")
        records.append(
            {
                "authors": _authors_field(names),
                "title": row["title"] + ".",
                "venue": "CoRR",
                "volume": f"abs/{arxiv_id}",
                "year": "20" + arxiv_id[:2] if re.match(r"\d{4}\.", arxiv_id) else "2000",
                "type": "Informal and Other Publications",
                "key": corr_key,
                "ee": f"https://arxiv.org/abs/{arxiv_id}",
                "url": f"https://dblp.org/rec/{corr_key}",
            }
        )
        venue = re.sub(r"\s*\d{4}$", "", row.get("venue") or "")
        if venue not in DBLP_VENUES or not row.get("year"):
            continue
        spelling, stem, kind = DBLP_VENUES[venue]
        year = str(row["year"])
        family = "".join(_words(names[0].split()[-1])).title() if names else "Anon"
        key = f"{stem}/{family}{position}{year[2:]}" + ("W" if "Workshops" in spelling else "")
        records.append(
            {
                "authors": _authors_field(names),
                "title": row["title"] + ".",
                "venue": spelling,
                "year": year,
                "type": kind,
                "key": key,
                "url": f"https://dblp.org/rec/{key}",
            }
        )
    return records


def sample_records() -> list[dict[str, Any]]:
    body = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return [hit["info"] for hit in body["result"]["hits"]["hit"]]


class FakeDblp(LocalServer):
    """The fake on a free port; ``url`` is the base URL (``BIBNORM_DBLP_API_URL``)."""

    def __init__(
        self, records: list[dict[str, Any]] | None = None, exports: dict[str, str] | None = None
    ) -> None:
        self.records = records if records is not None else sample_records() + gold_records()
        self.exports = exports or {}
        self._index = [
            (
                record,
                set(_words(" ".join([record.get("title", ""), record.get("venue", ""), *_names(record)]))),
            )
            for record in self.records
        ]
        self.requests: list[dict[str, str]] = []
        self.faults: deque[str] = deque()
        self._lock = threading.Lock()
        super().__init__()

    @property
    def searches(self) -> list[dict[str, str]]:
        """The search requests received (``/search/publ/api``), record exports left out."""
        return [request for request in self.requests if request["path"] == "/search/publ/api"]

    @property
    def exports_asked(self) -> list[str]:
        """The keys whose record export (``/rec/{key}.bib``) was asked, in order."""
        paths = (request["path"] for request in self.requests if request["path"].startswith("/rec/"))
        return [path.removeprefix("/rec/").removesuffix(".bib") for path in paths]

    def inject(self, *faults: str) -> None:
        """Answer the next requests with these faults, in order."""
        self.faults.extend(faults)

    def search(self, query: str, hits: int, first: int = 0) -> dict[str, Any]:
        words = _words(query)
        matched = [
            record
            for record, vocabulary in self._index
            if words and all(any(w.startswith(q) for w in vocabulary) for q in words)
        ]
        page = matched[first : first + hits]
        hit_block: dict[str, Any] = {
            "@total": str(len(matched)),
            "@computed": str(min(len(matched), 1000)),
            "@sent": str(len(page)),
            "@first": str(first),
        }
        if page:
            hit_block["hit"] = [
                {"@score": "1", "@id": str(1000 + self.records.index(r)), "info": r, "url": f"URL#{1000 + i}"}
                for i, r in enumerate(page)
            ]
        return {
            "result": {
                "query": " ".join(f"{w}*" for w in words),
                "status": {"@code": "200", "text": "OK"},
                "time": {"@unit": "msecs", "text": "1.00"},
                "completions": {"@total": "0", "@computed": "0", "@sent": "0"},
                "hits": hit_block,
            }
        }

    def export(self, key: str) -> str | None:
        """The record's BibTeX export: the recorded one when given, else its own fields."""
        if key in self.exports:
            return self.exports[key]
        record = next((r for r in self.records if r.get("key") == key), None)
        return None if record is None else standard_export(record)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with fake._lock:
                    fake.requests.append({"path": parts.path, **params})
                    fault = fake.faults.popleft() if fake.faults else None
                if fault == "429":
                    send(self, 429, b"", {"Retry-After": "1"})
                elif fault == "non_json":
                    send(self, 200, b"<html><body>dblp is being updated</body></html>", {})
                elif parts.path.startswith("/rec/") and parts.path.endswith(".bib"):
                    export = fake.export(parts.path.removeprefix("/rec/").removesuffix(".bib"))
                    status = 200 if export else 404
                    send(
                        self,
                        status,
                        (export or "Not Found").encode(),
                        {"Content-Type": "application/x-bibtex"},
                    )
                elif parts.path != "/search/publ/api":
                    send(self, 404, b"Not Found", {})
                elif params.get("format") != "json":
                    send(self, 200, b'<?xml version="1.0"?><result/>', {"Content-Type": "text/xml"})
                else:
                    body = fake.search(
                        params.get("q", ""), int(params.get("h", "30")), int(params.get("f", "0"))
                    )
                    send(self, 200, json.dumps(body).encode(), {"Content-Type": "application/json"})

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _names(record: dict[str, Any]) -> list[str]:
    authors = (record.get("authors") or {}).get("author") or []
    return [authors] if isinstance(authors, str) else list(authors)


_EXPORT_KINDS = {CONFERENCE: ("inproceedings", "booktitle"), JOURNAL: ("article", "journal")}


def standard_export(info: dict[str, Any]) -> str:
    """A search hit's record as dblp's current standard export lays it out; only the hit's values."""
    kind, venue_field = _EXPORT_KINDS.get(info.get("type", ""), ("article", "journal"))
    pages = re.sub(r"-+", "--", info.get("pages", ""))
    fields = [
        ("author", (" and\n" + " " * 18).join(_names(info))),  # continuation lines at column 19
        ("title", info.get("title", "").removesuffix(".")),
        (venue_field, info.get("venue", "")),
        ("volume", info.get("volume", "")),
        ("pages", pages),
        ("year", info.get("year", "")),
        ("doi", info.get("doi", "").replace("_", "\\_")),
        ("biburl", f"https://dblp.org/rec/{info['key']}.bib"),
        ("bibsource", "dblp computer science bibliography, https://dblp.org"),
    ]
    body = ",\n".join(f"  {name.ljust(13)}= {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{DBLP:{info['key']},\n{body}\n}}\n"
