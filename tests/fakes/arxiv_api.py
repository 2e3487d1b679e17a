"""A fake arXiv API (``GET /api/query``) on 127.0.0.1 that speaks the real recorded format.

Everything the wire shows is copied from the recorded samples in
``shared/reference/api-samples/arxiv/`` (see their ``PROVENANCE.md``), current 2026 format:

- ``<?xml version='1.0' encoding='UTF-8'?>``; namespaces declared once on ``<feed>`` in the
  order opensearch, arxiv, Atom; feed ``<id>``: the API's base URL plus 27 base64 characters;
  feed ``<title>`` echoes the canonicalised query (``arXiv Query: search_query=…&id_list=…&
  start=…&max_results=…``, a bare term shown as ``all:term``); a ``<link>`` without ``rel``;
  ``opensearch:itemsPerPage`` / ``totalResults`` / ``startIndex`` in that order;
- entries: ``id`` (``http://arxiv.org/abs/<id>v<N>``), title, updated, the abs and pdf
  links (https), summary, categories, published, ``arxiv:comment``,
  ``arxiv:primary_category`` (no scheme), ``arxiv:journal_ref``, authors (with
  ``arxiv:affiliation``), then ``arxiv:doi`` and its ``https://doi.org/`` link;
- a malformed id answers HTTP 400 with the Atom error feed (``…/api/errors#incorrect_id_
  format_for_<id>``, title ``Error``); a well-formed unknown id gives zero entries and is
  dropped silently from a multi-id ``id_list``; ``max_results`` defaults to 10, ids too.

The query language implements the documented syntax: field prefixes (``ti au abs co jr cat
all``), quoted phrases, ``AND`` / ``OR`` / ``ANDNOT``, parentheses, a missing operator
meaning ``OR``. Matching is on lower-cased, ASCII-folded word tokens (possessive ``'s``
dropped, like an English analyzer). A ``word:`` inside a phrase is read as a field prefix
by the real parser, so such a phrase matches nothing here. Relevance is deliberately
imperfect: the score is the number of matched query words, ties go to the *higher* id,
so the near-miss decoys (ids ``2912.9xxxx``) come first among equals.

Data: the records of ``dev-snapshot.jsonl``, the 100-line Kaggle snapshot sample and the
entries of the recorded Atom samples, plus near-miss decoys generated deterministically
from the dev records (title plus a suffix, one word swapped, a prefix of the title, and
for a few the same title with another abstract). Fields the dev snapshot lacks are
synthesised deterministically (dates from the id, ``cs.CV`` when no category is known).

Fault switches (plain attributes, set by tests): ``faults`` is a queue consumed one per
request (``"429"``, ``"429-retry-after"``, ``"503"``, ``"truncated"``, ``"garbage"``,
``"empty"``, ``"disconnect"``, ``"slow"``); ``fault_rule(params) -> fault | None`` injects
faults by request content; ``delay`` slows every answer; ``api.rejected_ids`` are ids the
server refuses with the 400 error feed although they look well-formed. ``requests`` logs
``(path, params)`` for every request received.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit
from xml.sax.saxutils import escape

from lxml import etree
from paths import REFERENCE

from fakes.local_server import QuietHTTPServer

SAMPLES = REFERENCE / "api-samples" / "arxiv"
DEV_SNAPSHOT = REFERENCE / "dev-snapshot.jsonl"
SNAPSHOT_SAMPLE = REFERENCE / "api-samples" / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"

DECOY_PREFIX = "2912.9"  # December 2029: valid-looking, cannot collide with any real id used here
FEED_NS = (
    'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom"'
)
SCHEME = "http://arxiv.org/schemas/atom"
FIXED_NOW = "2026-04-12T22:09:26Z"
FAULTS = ("429", "429-retry-after", "503", "truncated", "garbage", "empty", "disconnect", "slow")

_NEW_ID = re.compile(r"^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$")
_OLD_ID = re.compile(r"^([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?)/(\d{7})(?:v(\d+))?$")
_NS = {"a": "http://www.w3.org/2005/Atom", "arxiv": SCHEME}


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Author:
    name: str
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True)
class FakeRecord:
    """One paper the fake knows, with every version's date (v1 first)."""

    arxiv_id: str
    title: str
    abstract: str
    authors: tuple[Author, ...]
    versions: tuple[str, ...]  # ISO timestamps "2017-06-12T17:57:34Z", one per version
    categories: tuple[str, ...]
    comment: str | None = None
    journal_ref: str | None = None
    doi: str | None = None
    decoy_of: str | None = None  # the real id this near-miss was made from

    @property
    def latest(self) -> int:
        return len(self.versions)


def _iso(dt_text: str) -> str:
    return parsedate_to_datetime(dt_text).strftime("%Y-%m-%dT%H:%M:%SZ")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _abstract(text: str) -> str:
    # The current API keeps arXiv's two leading spaces on old abstracts but no hard wraps.
    lead = "  " if text.startswith(" ") else ""
    return lead + _one_line(text)


def _date_from_id(arxiv_id: str) -> str:
    """A deterministic stand-in submission date for records whose dates were not recorded."""
    match = _NEW_ID.match(arxiv_id)
    if not match:
        return "2000-01-01T12:00:00Z"
    yy, mm, number = match.group(1), match.group(2), match.group(3)
    day = 1 + int(number) % 28
    return f"20{yy}-{mm}-{day:02d}T{10 + int(number) % 10:02d}:{int(number) % 60:02d}:00Z"


def load_dev_snapshot(path: Path = DEV_SNAPSHOT) -> list[FakeRecord]:
    """The verified dev records (partial fields; the rest synthesised deterministically)."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        versions = tuple(_iso(v["created"]) for v in row.get("versions") or ()) or (_date_from_id(row["id"]),)
        authors = tuple(Author(n.strip()) for n in (row.get("authors") or "").split(",") if n.strip())
        categories = tuple((row.get("categories") or "cs.CV").split())
        records.append(
            FakeRecord(
                arxiv_id=row["id"],
                title=_one_line(row["title"]),
                abstract=_abstract(row.get("abstract") or ""),
                authors=authors,
                versions=versions,
                categories=categories,
            )
        )
    return records


def load_snapshot_sample(path: Path = SNAPSHOT_SAMPLE) -> list[FakeRecord]:
    """The Kaggle snapshot sample (0704.0001-0704.0100): full metadata, TeX in titles."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        authors = tuple(
            # authors_parsed rows are [last, first, suffix] (a few carry extra trailing parts)
            Author(" ".join(p for p in (parts[1], parts[0], parts[2]) if p))
            for parts in row["authors_parsed"]
        )
        records.append(
            FakeRecord(
                arxiv_id=row["id"],
                title=_one_line(row["title"]),
                abstract=_abstract(row["abstract"]),
                authors=authors,
                versions=tuple(_iso(v["created"]) for v in row["versions"]),
                categories=tuple(row["categories"].split()),
                comment=_one_line(row["comments"]) if row.get("comments") else None,
                journal_ref=_one_line(row["journal-ref"]) if row.get("journal-ref") else None,
                doi=row.get("doi") or None,
            )
        )
    return records


def load_atom_samples(folder: Path = SAMPLES) -> list[FakeRecord]:
    """Entries of the recorded current-format feeds (old-style ids, DOIs, affiliations, v7)."""
    records = []
    for path in sorted(folder.glob("*.atom.xml")):
        if path.name.startswith(("legacy", "error")):
            continue
        root = etree.fromstring(path.read_bytes())
        for entry in root.iterfind("a:entry", _NS):
            short = entry.findtext("a:id", namespaces=_NS).split("/abs/")[-1]
            arxiv_id, _, version = short.rpartition("v")
            published = entry.findtext("a:published", namespaces=_NS)
            updated = entry.findtext("a:updated", namespaces=_NS)
            # Only v1's and the latest version's dates were recorded; in between we repeat the latest.
            versions = (published, *([updated] * (int(version) - 1)))
            primary = entry.find("arxiv:primary_category", _NS).get("term")
            categories = tuple(c.get("term") for c in entry.iterfind("a:category", _NS))
            if primary in categories:
                categories = (primary, *[c for c in categories if c != primary])
            records.append(
                FakeRecord(
                    arxiv_id=arxiv_id,
                    title=entry.findtext("a:title", namespaces=_NS),
                    abstract=entry.findtext("a:summary", namespaces=_NS),
                    authors=tuple(
                        Author(
                            a.findtext("a:name", namespaces=_NS),
                            tuple(x.text for x in a.iterfind("arxiv:affiliation", _NS)),
                        )
                        for a in entry.iterfind("a:author", _NS)
                    ),
                    versions=versions,
                    categories=categories,
                    comment=entry.findtext("arxiv:comment", namespaces=_NS),
                    journal_ref=entry.findtext("arxiv:journal_ref", namespaces=_NS),
                    doi=entry.findtext("arxiv:doi", namespaces=_NS),
                )
            )
    return records


_SWAPS = {
    "vision": "Language",
    "language": "Vision",
    "image": "Video",
    "video": "Image",
    "networks": "Graphs",
    "network": "Graph",
    "learning": "Reasoning",
    "transformers": "Mixers",
    "transformer": "Mixer",
    "neural": "Spiking",
    "convolutional": "Recurrent",
    "segmentation": "Detection",
    "detection": "Segmentation",
    "contrastive": "Generative",
    "models": "Agents",
    "attention": "Convolution",
}


def make_decoys(records: Sequence[FakeRecord]) -> list[FakeRecord]:
    """Near-miss records for real ones, deterministic, ids from the reserved 2912.9xxxx range.

    Every record gets a "title plus suffix" decoy; every 2nd one word swapped; every 3rd a
    prefix-only title (when long enough); every 10th the very same title with another
    paper's abstract and authors (two papers, one title). Decoys carry other papers'
    abstracts so only the title could make them look right.
    """
    ordered = sorted(records, key=lambda r: r.arxiv_id)
    decoys: list[FakeRecord] = []

    def add(source: FakeRecord, title: str, donor: FakeRecord) -> None:
        decoys.append(
            replace(
                source,
                arxiv_id=f"{DECOY_PREFIX}{len(decoys) + 1:04d}",
                title=title,
                abstract=donor.abstract,
                authors=donor.authors,
                versions=(source.versions[0],),
                decoy_of=source.arxiv_id,
            )
        )

    count = len(ordered)
    for i, record in enumerate(ordered):
        words = record.title.split()
        donor = ordered[(i + 37) % count]
        suffix = " to 22 Billion Parameters" if len(words) <= 4 else ": Extended Version"
        add(record, record.title + suffix, donor)
        if i % 2 == 0:
            swapped = next(
                (
                    j
                    for j, w in enumerate(words)
                    if w.lower() in _SWAPS and _SWAPS[w.lower()].lower() not in record.title.lower()
                ),
                None,
            )
            if swapped is not None:
                changed = [*words[:swapped], _SWAPS[words[swapped].lower()], *words[swapped + 1 :]]
            else:
                changed = [*words[:-1], "Revisited"]
            add(record, " ".join(changed), ordered[(i + 53) % count])
        if i % 3 == 0 and len(words) >= 4:
            add(
                record, " ".join(words[: max(2, len(words) * 2 // 3)]).rstrip(":,"), ordered[(i + 71) % count]
            )
        if i % 10 == 0:
            add(record, record.title, ordered[(i + 89) % count])
    return decoys


def default_records() -> list[FakeRecord]:
    """The fake's standard data: recorded samples, dev records, Kaggle sample, decoys."""
    by_id: dict[str, FakeRecord] = {}
    dev = load_dev_snapshot()
    for record in [*load_atom_samples(), *dev, *load_snapshot_sample()]:
        by_id.setdefault(record.arxiv_id, record)  # recorded samples are the richest: they win
    return [*by_id.values(), *make_decoys([by_id[r.arxiv_id] for r in dev])]


# --------------------------------------------------------------------------- text


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_APOSTROPHE = re.compile(r"['\u2019]")
_TOKEN_SPLIT = re.compile(r"[^0-9a-z]+")


def tokens(text: str) -> list[str]:
    """Index/query tokens: ASCII-folded, lower-case, possessive dropped, split on non-alphanumerics."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = _APOSTROPHE.sub("", _POSSESSIVE.sub("", folded))
    return [t for t in _TOKEN_SPLIT.split(folded) if t]


@dataclass(frozen=True)
class _Indexed:
    record: FakeRecord
    fields: dict[str, tuple[tuple[str, ...], ...]]
    vocab: dict[str, frozenset[str]] = field(default_factory=dict)  # per field, for a fast first test


def _index(record: FakeRecord) -> _Indexed:
    fields = {
        "ti": (tuple(tokens(record.title)),),
        "abs": (tuple(tokens(record.abstract)),),
        "au": tuple(tuple(tokens(a.name)) for a in record.authors),
        "co": (tuple(tokens(record.comment or "")),),
        "jr": (tuple(tokens(record.journal_ref or "")),),
        "cat": tuple((c.lower(),) for c in record.categories),
        "id": ((record.arxiv_id.lower(),),),
    }
    fields["all"] = fields["ti"] + fields["abs"] + fields["au"] + fields["co"] + fields["jr"] + fields["cat"]
    vocab = {name: frozenset(t for seq in seqs for t in seq) for name, seqs in fields.items()}
    return _Indexed(record, fields, vocab)


# --------------------------------------------------------------------------- query language


class QuerySyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Leaf:
    """A field-prefixed term or phrase."""

    field: str
    raw: str
    phrase: bool

    @functools.cached_property
    def _words(self) -> tuple[str, ...]:
        return self.words()

    def words(self) -> tuple[str, ...]:
        if self.field == "cat":
            return (self.raw.lower(),)
        if self.phrase and re.search(r"\w:", self.raw):
            return ()  # the real parser reads "word:" inside a phrase as a field prefix: no match
        return tuple(tokens(self.raw))

    def canonical(self) -> str:
        return f'{self.field}:"{self.raw}"' if self.phrase else f"{self.field}:{self.raw}"

    def score(self, doc: _Indexed) -> int | None:
        words = self._words
        sequences = doc.fields.get(self.field)
        if not words or sequences is None or not all(w in doc.vocab[self.field] for w in words):
            return None
        n = len(words)
        if n == 1:
            return 1
        for seq in sequences:
            for i in range(len(seq) - n + 1):
                if seq[i : i + n] == words:
                    return n
        return None


@dataclass(frozen=True)
class Node:
    op: str  # "AND" | "OR" | "ANDNOT" | "()"
    left: Expr
    right: Expr | None = None

    def canonical(self) -> str:
        if self.op == "()":
            return f"({self.left.canonical()})"
        assert self.right is not None
        return f"{self.left.canonical()} {self.op} {self.right.canonical()}"

    def score(self, doc: _Indexed) -> int | None:
        left = self.left.score(doc)
        if self.op == "()":
            return left
        assert self.right is not None
        right = self.right.score(doc)
        if self.op == "AND":
            return None if left is None or right is None else left + right
        if self.op == "ANDNOT":
            return left if right is None else None
        if left is None and right is None:
            return None
        return (left or 0) + (right or 0)


Expr = Leaf | Node

_QUERY_TOKEN = re.compile(r'\s*(?:(\()|(\))|(\w+):"([^"]*)"|"([^"]*)"|(\w+):([^\s()"]+)|([^\s()"]+))')


def _lex(text: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = _QUERY_TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise QuerySyntaxError(f"cannot read query at {text[pos:]!r}")
        pos = match.end()
        lpar, rpar, f_phrase, phrase_text, bare_phrase, f_term, term_text, bare = match.groups()
        if lpar:
            out.append(("(", "", ""))
        elif rpar:
            out.append((")", "", ""))
        elif f_phrase is not None:
            out.append(("phrase", f_phrase, phrase_text))
        elif bare_phrase is not None:
            out.append(("phrase", "all", bare_phrase))
        elif f_term is not None:
            out.append(("term", f_term, term_text))
        elif bare in ("AND", "OR", "ANDNOT"):
            out.append(("op", bare, ""))
        elif bare is not None:
            out.append(("term", "all", bare))
    return out


def parse_query(text: str) -> Expr:
    """Parse a ``search_query``; OR binds loosest, AND/ANDNOT tighter, adjacency means OR."""
    items = _lex(text)
    pos = 0

    def peek() -> tuple[str, str, str] | None:
        return items[pos] if pos < len(items) else None

    def atom() -> Expr:
        nonlocal pos
        item = peek()
        if item is None or item[0] in (")", "op"):
            raise QuerySyntaxError("expected a term")
        pos += 1
        if item[0] == "(":
            inner = disjunction()
            if peek() is None or peek()[0] != ")":  # type: ignore[index]
                raise QuerySyntaxError("unbalanced parenthesis")
            pos += 1
            return Node("()", inner)
        return Leaf(item[1], item[2], item[0] == "phrase")

    def conjunction() -> Expr:
        nonlocal pos
        left = atom()
        while (item := peek()) is not None and item[0] == "op" and item[1] in ("AND", "ANDNOT"):
            pos += 1
            left = Node(item[1], left, atom())
        return left

    def disjunction() -> Expr:
        nonlocal pos
        left = conjunction()
        while (item := peek()) is not None and item[0] != ")":
            if item[0] == "op" and item[1] == "OR":
                pos += 1
            left = Node("OR", left, conjunction())
        return left

    expr = disjunction()
    if pos != len(items):
        raise QuerySyntaxError("trailing input")
    return expr


def split_id(text: str) -> tuple[str, int | None] | None:
    """(id, version) for an id the real API accepts, None for a malformed one."""
    match = _NEW_ID.match(text)
    if match:
        # Recorded: "0000.0000" and "0808.05394" are well-formed (HTTP 200, no entry) while
        # "1234.12345" is not (HTTP 400): the server checks the shape and the month only.
        if int(match.group(2)) > 12:
            return None
        version = match.group(4)
        return text.split("v")[0], int(version) if version else None
    match = _OLD_ID.match(text)
    if match:
        version = match.group(3)
        return f"{match.group(1)}/{match.group(2)}", int(version) if version else None
    return None


# --------------------------------------------------------------------------- the service


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    empty_body: bytes | None = None  # the same feed without entries, for the "empty" fault


class ArxivApi:
    """The service logic, independent of HTTP: params in, (status, body) out."""

    def __init__(self, records: Iterable[FakeRecord], now: str = FIXED_NOW) -> None:
        self.docs = [_index(r) for r in records]
        self.by_id = {d.record.arxiv_id: d for d in self.docs}
        self.now = now
        # Ids answered with the HTTP 400 error feed although they look fine (server rules we do not know).
        self.rejected_ids: set[str] = set()

    def answer(self, params: dict[str, str]) -> Answer:
        search_query = params.get("search_query", "")
        id_text = params.get("id_list", "")
        try:
            start = int(params.get("start", "0"))
            max_results = int(params.get("max_results", "10"))
        except ValueError:
            return self._error("max_results_must_be_an_integer", "max_results must be an integer")
        if max_results < 0 or start < 0:
            return self._error("max_results_must_be_non-negative", "max_results must be non-negative")
        if start + max_results > 30000:
            return self._error("start_too_large", "start plus max_results must not exceed 30000")

        ids = [i for i in id_text.split(",") if i] if id_text else []
        wanted: list[tuple[_Indexed, int]] = []
        for raw_id in ids:
            parsed = split_id(raw_id)
            if parsed is None or raw_id in self.rejected_ids:
                return self._error(f"incorrect_id_format_for_{raw_id}", f"incorrect id format for {raw_id}")
            doc = self.by_id.get(parsed[0])
            if doc is None:
                continue  # unknown ids are dropped without a word
            version = parsed[1] or doc.record.latest
            if version > doc.record.latest:
                continue
            wanted.append((doc, version))

        canonical = ""
        if search_query.strip():
            try:
                expr: Expr | None = parse_query(search_query)
            except QuerySyntaxError:
                expr = None
            canonical = expr.canonical() if expr is not None else search_query
            scored: list[tuple[int, _Indexed, int]] = []
            if expr is not None:
                pool = wanted if ids else [(d, d.record.latest) for d in self.docs]
                for doc, version in pool:
                    score = expr.score(doc)
                    if score is not None:
                        scored.append((score, doc, version))
            if not ids:
                scored = self._sort(
                    scored, params.get("sortBy", "relevance"), params.get("sortOrder", "descending")
                )
            hits = [(doc, version) for _, doc, version in scored]
        else:
            hits = wanted

        page = hits[start : start + max_results]
        return self._feed(canonical, ",".join(ids), start, max_results, len(hits), page)

    @staticmethod
    def _sort(
        scored: list[tuple[int, _Indexed, int]], by: str, order: str
    ) -> list[tuple[int, _Indexed, int]]:
        if by == "submittedDate":
            key: Callable[[tuple[int, _Indexed, int]], object] = lambda s: s[1].record.versions[0]  # noqa: E731
        elif by == "lastUpdatedDate":
            key = lambda s: s[1].record.versions[-1]  # noqa: E731
        else:
            # Deliberately naive relevance: matched word count, ties to the higher (newer) id.
            key = lambda s: (s[0], s[1].record.arxiv_id)  # noqa: E731
        return sorted(scored, key=key, reverse=order != "ascending")  # type: ignore[arg-type]

    def _header(self, canonical: str, id_text: str, start: int, max_results: int) -> tuple[str, str, str]:
        title = (
            f"arXiv Query: search_query={canonical}&id_list={id_text}&start={start}&max_results={max_results}"
        )
        # Feed metadata text the real API prints (never requested): the feed's <link> and <id>.
        link = (
            f"https://arxiv.org/api/query?search_query={quote_plus(canonical, safe=':/,')}"  # feed text
            f"&start={start}&max_results={max_results}&id_list={quote_plus(id_text, safe=':/,')}"
        )
        digest = base64.b64encode(hashlib.sha1(title.encode()).digest()).decode().rstrip("=")
        return f"https://arxiv.org/api/{digest}", title, link  # feed <id> text, not a URL we call

    def _feed(
        self,
        canonical: str,
        id_text: str,
        start: int,
        max_results: int,
        total: int,
        page: list[tuple[_Indexed, int]],
    ) -> Answer:
        feed_id, title, link = self._header(canonical, id_text, start, max_results)
        head = [
            "<?xml version='1.0' encoding='UTF-8'?>",
            f"<feed {FEED_NS}>",
            f"  <id>{feed_id}</id>",
            f"  <title>{escape(title)}</title>",
            f"  <updated>{self.now}</updated>",
            f'  <link href="{_attr(link)}" type="application/atom+xml"/>',
            f"  <opensearch:itemsPerPage>{max_results}</opensearch:itemsPerPage>",
            f"  <opensearch:totalResults>{total}</opensearch:totalResults>",
            f"  <opensearch:startIndex>{start}</opensearch:startIndex>",
        ]
        entries = [line for doc, version in page for line in _entry(doc.record, version)]
        body = "\n".join([*head, *entries, "</feed>"]) + "\n"
        empty = "\n".join([*head, "</feed>"]) + "\n"
        return Answer(200, body.encode("utf-8"), _ATOM, empty.encode("utf-8"))

    def _error(self, slug: str, message: str) -> Answer:
        error_id = f"https://arxiv.org/api/errors#{slug}"
        lines = [
            "<?xml version='1.0' encoding='UTF-8'?>",
            f"<feed {FEED_NS}>",
            "  <id>https://arxiv.org/</id>",
            "  <title>arXiv Search Results</title>",
            f"  <updated>{self.now}</updated>",
            "  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>",
            "  <opensearch:totalResults>1</opensearch:totalResults>",
            "  <opensearch:startIndex>0</opensearch:startIndex>",
            "  <entry>",
            f"    <id>{escape(error_id)}</id>",
            "    <title>Error</title>",
            f"    <updated>{self.now}</updated>",
            f'    <link href="{_attr(error_id)}" rel="alternate" type="text/html"/>',
            f"    <summary>{escape(message)}</summary>",
            "    <author>",
            "      <name>arXiv api core</name>",
            "    </author>",
            "  </entry>",
            "</feed>",
        ]
        return Answer(400, ("\n".join(lines) + "\n").encode("utf-8"), _ATOM)


_ATOM = {"Content-Type": "application/atom+xml; charset=utf-8"}


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _entry(record: FakeRecord, version: int) -> Iterator[str]:
    vid = f"{record.arxiv_id}v{version}"
    yield "  <entry>"
    yield f"    <id>http://arxiv.org/abs/{vid}</id>"
    yield f"    <title>{escape(record.title)}</title>"
    yield f"    <updated>{record.versions[version - 1]}</updated>"
    yield f'    <link href="https://arxiv.org/abs/{vid}" rel="alternate" type="text/html"/>'
    yield f'    <link href="https://arxiv.org/pdf/{vid}" rel="related" type="application/pdf" title="pdf"/>'
    yield f"    <summary>{escape(record.abstract)}</summary>"
    for category in record.categories:
        yield f'    <category term="{_attr(category)}" scheme="{SCHEME}"/>'
    yield f"    <published>{record.versions[0]}</published>"
    if record.comment:
        yield f"    <arxiv:comment>{escape(record.comment)}</arxiv:comment>"
    yield f'    <arxiv:primary_category term="{_attr(record.categories[0])}"/>'
    if record.journal_ref:
        yield f"    <arxiv:journal_ref>{escape(record.journal_ref)}</arxiv:journal_ref>"
    for author in record.authors:
        yield "    <author>"
        yield f"      <name>{escape(author.name)}</name>"
        for affiliation in author.affiliations:
            yield f"      <arxiv:affiliation>{escape(affiliation)}</arxiv:affiliation>"
        yield "    </author>"
    if record.doi:
        yield f"    <arxiv:doi>{escape(record.doi)}</arxiv:doi>"
        yield f'    <link rel="related" href="https://doi.org/{_attr(record.doi)}" title="doi"/>'
    yield "  </entry>"


# --------------------------------------------------------------------------- HTTP


class FakeArxivServer:
    """The fake API on an ephemeral 127.0.0.1 port, served from a daemon thread.

    Use as a context manager or call `start`/`stop`. ``url`` is the ``/api/query``
    endpoint to put in ``Settings.arxiv_api_url``.
    """

    def __init__(self, records: Iterable[FakeRecord] | None = None) -> None:
        self.api = ArxivApi(default_records() if records is None else records)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.faults: list[str] = []
        self.fault_rule: Callable[[dict[str, str]], str | None] | None = None
        self.delay = 0.0
        self.slow_seconds = 1.0
        self._lock = threading.Lock()
        self._httpd: QuietHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/api/query"

    def reset(self) -> None:
        """Forget the request log and every fault switch."""
        with self._lock:
            self.requests.clear()
            self.faults.clear()
        self.fault_rule = None
        self.delay = 0.0

    def start(self) -> FakeArxivServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms ACK stalls

            def do_GET(self) -> None:
                server._handle(self)

            def log_message(self, format: str, *args: object) -> None:  # quiet test output
                pass

        self._httpd = QuietHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeArxivServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _next_fault(self, params: dict[str, str]) -> str | None:
        with self._lock:
            if self.faults:
                return self.faults.pop(0)
        return self.fault_rule(params) if self.fault_rule else None

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        with self._lock:
            self.requests.append((parts.path, params))
        fault = self._next_fault(params)
        if self.delay:
            time.sleep(self.delay)
        if fault == "slow":
            time.sleep(self.slow_seconds)
        if parts.path != "/api/query":
            _send(handler, 404, b"Not Found", {"Content-Type": "text/plain"})
            return
        if fault == "429":
            _send(handler, 429, b"Rate exceeded.", {"Content-Type": "text/plain"})
            return
        if fault == "429-retry-after":
            _send(handler, 429, b"Rate exceeded.", {"Content-Type": "text/plain", "Retry-After": "1"})
            return
        if fault == "503":
            body = b"<html><body><h1>503 Service Unavailable</h1></body></html>"
            _send(handler, 503, body, {"Content-Type": "text/html"})
            return
        if fault == "garbage":
            body = b"<html><head><title>Just a moment...</title></head><body>checking</body></html>"
            _send(handler, 200, body, {"Content-Type": "text/html; charset=utf-8"})
            return
        answer = self.api.answer(params)
        body = answer.body
        if fault == "empty" and answer.status == 200 and answer.empty_body is not None:
            body = answer.empty_body  # totalResults still says there are hits: the known arXiv glitch
        if fault == "truncated":
            body = body[: len(body) // 2]
        if fault == "disconnect":
            handler.send_response(answer.status)
            for name, value in answer.headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 3])
            handler.wfile.flush()
            handler.close_connection = True
            return
        _send(handler, answer.status, body, answer.headers)


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
