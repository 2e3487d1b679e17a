"""The fake APIs of the default chain started together, for end-to-end tests and the benches.

`running_fakes` starts the fake arXiv API (`fakes.arxiv_api`), the fake Semantic Scholar
API (`fakes.s2_api`), and the fake dblp (`fakes.dblp_api`) and Crossref (`fakes.crossref_api`)
that the default chain asks for published versions, on ephemeral 127.0.0.1 ports, and yields
a `FakeApis` that knows the environment ``bibnorm resolve`` needs to use them, counts the
requests each received since the last `FakeApis.reset`, and arms fault plans on arXiv and S2.

`synthetic_completion` is for the bench only: it gives the fakes a clearly synthetic
record (ids in the reserved ``2912.8xxxx`` range, authors "Synthetic Bench", a note in
the comment) for every page title they lack, because real arXiv holds nearly every
Hugging Face daily paper while the fakes hold real records only for the gold titles.
"""

from __future__ import annotations

import http.client
import itertools
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fakes.arxiv_api import Author, FakeArxivServer, FakeRecord, default_records, tokens
from fakes.crossref_api import FakeCrossref
from fakes.dblp_api import FakeDblp
from fakes.s2_api import FakeS2, RecordedRequest, build_papers

SYNTHETIC_PREFIX = "2912.8"  # December 2029, next to the arXiv fake's 2912.9xxxx decoys: no real id
SYNTHETIC_AUTHOR = "Synthetic Bench"

# A fault plan: request number (0-based, retries included, per fake) -> fault name or None.
FaultPlan = Callable[[int], str | None]


class PlannedFakeS2(FakeS2):
    """`FakeS2` with an optional per-request fault plan.

    ``plan`` is consulted after the fake's own injected faults, with the number of the
    request (counted from the last `clear_plan`), so a test can fault exactly the
    requests it means to while later ones go through. ``route_faults`` faults every request to
    a route (``{"/paper/batch": "503"}``) whenever it comes: the sources are asked side by side,
    so which number a route's requests get depends on timing.
    """

    def __init__(self, expected_key: str | None = None, papers: list[dict[str, Any]] | None = None) -> None:
        super().__init__(expected_key=expected_key, papers=papers)
        self.plan: FaultPlan | None = None
        self.route_faults: dict[str, str] = {}
        self._counter = itertools.count()
        self._plan_lock = threading.Lock()

    def next_fault(self, path: str = "") -> str | None:
        """Injected faults first, then the plan's fault for this request, then its route's, if any."""
        fault = super().next_fault(path)
        with self._plan_lock:
            number = next(self._counter)
            plan = self.plan
        if fault is None and plan is not None:
            fault = plan(number)
        if fault is None:
            fault = next((kind for route, kind in self.route_faults.items() if path.endswith(route)), None)
        return fault

    def clear_plan(self) -> None:
        """Drop the plan and every injected fault; restart the request numbering."""
        self.inject_forever(None)
        while super().next_fault() is not None:
            pass
        with self._plan_lock:
            self.plan = None
            self.route_faults = {}
            self._counter = itertools.count()


@dataclass
class FakeApis:
    """The running fakes, with request logs counted from the last `reset`."""

    arxiv: FakeArxivServer
    s2: PlannedFakeS2
    dblp: FakeDblp
    crossref: FakeCrossref
    _s2_seen: int = field(default=0)

    def env(self, cache_dir: Path, *, api_key: str = "") -> dict[str, str]:
        """Environment for ``bibnorm resolve``: these fakes, no politeness delay, this cache."""
        return {
            "BIBNORM_ARXIV_API_URL": self.arxiv.url,
            "BIBNORM_S2_API_URL": self.s2.url,
            "BIBNORM_ARXIV_DELAY": "0",
            "BIBNORM_S2_DELAY": "0",
            "BIBNORM_DBLP_API_URL": self.dblp.url,
            "BIBNORM_DBLP_DELAY": "0",
            "BIBNORM_CROSSREF_API_URL": self.crossref.url,
            "BIBNORM_CROSSREF_DELAY": "0",
            "BIBNORM_CROSSREF_SEARCH_DELAY": "0",
            "BIBNORM_OPENALEX_API_KEY": "",
            "BIBNORM_CACHE_DIR": str(cache_dir),
            "BIBNORM_SNAPSHOT": "",
            "BIBNORM_DBLP_INDEX": "",
            "BIBNORM_OFFLINE": "",
            "S2_API_KEY": api_key,
        }

    @property
    def arxiv_requests(self) -> list[tuple[str, dict[str, str]]]:
        """(path, params) of every arXiv request since the last reset."""
        return list(self.arxiv.requests)

    @property
    def s2_requests(self) -> list[RecordedRequest]:
        """Every S2 request (with headers) since the last reset."""
        return self.s2.requests[self._s2_seen :]

    def request_counts(self) -> dict[str, int]:
        counts = {"arxiv": len(self.arxiv_requests), "s2": len(self.s2_requests)}
        return counts | {"dblp": len(self.dblp.requests), "crossref": len(self.crossref.requests)}

    def reset(self) -> None:
        """Forget the request logs and disarm every fault."""
        self.dblp.requests.clear()
        self.crossref.requests.clear()
        self.arxiv.reset()
        self.arxiv.api.rejected_ids.clear()
        self.s2.clear_plan()
        self._s2_seen = len(self.s2.requests)

    def plan_faults(
        self,
        arxiv_plan: FaultPlan | None,
        s2_plan: FaultPlan | None,
        *,
        s2_routes: dict[str, str] | None = None,
    ) -> None:
        """Arm per-request fault plans (numbered from 0 on each fake), and S2's faults by route."""
        self.reset()
        self.s2.route_faults = dict(s2_routes or {})
        if arxiv_plan is not None:
            numbers = itertools.count()
            lock = threading.Lock()

            def rule(params: dict[str, str]) -> str | None:
                with lock:
                    number = next(numbers)
                return arxiv_plan(number)

            self.arxiv.fault_rule = rule
        self.s2.plan = s2_plan


@contextmanager
def running_fakes(
    *,
    expected_key: str | None = None,
    arxiv_records: Sequence[FakeRecord] | None = None,
    s2_papers: list[dict[str, Any]] | None = None,
    crossref_works: list[dict[str, Any]] | None = None,
    dblp_records: list[dict[str, Any]] | None = None,
) -> Iterator[FakeApis]:
    """Start the fakes (their standard data unless given) and stop them afterwards."""
    arxiv = FakeArxivServer(arxiv_records).start()
    s2 = PlannedFakeS2(expected_key=expected_key, papers=s2_papers)
    s2.start()
    dblp, crossref = FakeDblp(dblp_records).start(), FakeCrossref(crossref_works).start()
    try:
        yield FakeApis(arxiv=arxiv, s2=s2, dblp=dblp, crossref=crossref)
    finally:
        crossref.stop()
        dblp.stop()
        s2.stop()
        arxiv.stop()


@dataclass(frozen=True)
class Completion:
    """Standard fake data plus synthetic records for the titles the fakes lacked."""

    arxiv_records: list[FakeRecord]
    s2_papers: list[dict[str, Any]]
    added: int


def _title_key(title: str) -> str:
    return " ".join(tokens(title))


def synthetic_completion(pages: Iterable[tuple[str, str | None]]) -> Completion:
    """Standard data, plus one synthetic arXiv record (and its S2 twin) per missing title.

    ``pages`` yields (title, scraped abstract or None). The abstract is reused so the
    matcher's abstract evidence agrees, as it would for the real record. A title counts
    as held when a non-decoy record has the same word tokens.
    """
    records = default_records()
    held = {_title_key(r.title) for r in records if r.decoy_of is None}
    papers = build_papers()
    added: list[FakeRecord] = []
    for title, abstract in pages:
        key = _title_key(title)
        if not key or key in held:
            continue
        held.add(key)
        number = len(added) + 1
        arxiv_id = f"{SYNTHETIC_PREFIX}{number:04d}"
        added.append(
            FakeRecord(
                arxiv_id=arxiv_id,
                title=" ".join(title.split()),
                abstract=" ".join((abstract or "Synthetic abstract for the bibnorm bench.").split()),
                authors=(Author(SYNTHETIC_AUTHOR),),
                versions=(f"2029-12-{1 + number % 28:02d}T12:00:00Z",),
                categories=("cs.CV",),
                comment="synthetic record made by bench/bench_online.py; not a real paper",
            )
        )
        papers.append(
            {
                "paperId": f"synthetic{number:031d}",
                "externalIds": {"ArXiv": arxiv_id, "CorpusId": 950000000 + number},
                "corpusId": 950000000 + number,
                "publicationVenue": None,
                "url": f"https://www.semanticscholar.org/paper/synthetic{number:031d}",
                "title": title,
                "abstract": abstract,
                "venue": "arXiv.org",
                "year": 2029,
                "authors": [{"authorId": "950000000", "name": SYNTHETIC_AUTHOR}],
                "publicationTypes": ["JournalArticle"],
                "publicationDate": None,
                "journal": {"name": "ArXiv", "volume": f"abs/{arxiv_id}"},
            }
        )
    return Completion(arxiv_records=[*records, *added], s2_papers=papers, added=len(added))


class SharedHostProxy(ThreadingHTTPServer):
    """One 127.0.0.1 port in front of several fakes, routed by path prefix (a mirror or proxy).

    ``routes`` maps a prefix (``"/arxiv"``) to a fake's origin (``"http://127.0.0.1:PORT"``);
    the prefix is stripped and the request forwarded with its method, headers and body,
    and the answer (status, headers, body) passed back unchanged.
    """

    daemon_threads = True

    def __init__(self, routes: dict[str, str]) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.routes = routes
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> SharedHostProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


_HOP_HEADERS = frozenset({"content-length", "connection", "transfer-encoding", "date", "server"})


class _ProxyHandler(BaseHTTPRequestHandler):
    server: SharedHostProxy
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._forward("GET")

    def do_POST(self) -> None:
        self._forward("POST")

    def log_message(self, *args: object) -> None:
        pass

    def _forward(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        for prefix, origin in self.server.routes.items():
            if self.path.startswith(prefix + "/"):
                target = urlsplit(origin)
                connection = http.client.HTTPConnection(
                    target.hostname or "127.0.0.1", target.port, timeout=30
                )
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                connection.request(method, self.path[len(prefix) :], body=body, headers=headers)
                answer = connection.getresponse()
                payload = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in (
                        "content-length",
                        "connection",
                        "transfer-encoding",
                        "date",
                        "server",
                    ):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                connection.close()
                return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def one_host(apis: FakeApis) -> Iterator[dict[str, str]]:
    """Both fakes behind one host:port (``/arxiv/...``, ``/s2/...``); yields the URL settings."""
    arxiv, s2 = urlsplit(apis.arxiv.url), urlsplit(apis.s2.url)
    routes = {"/arxiv": f"http://{arxiv.netloc}", "/s2": f"http://{s2.netloc}"}
    with SharedHostProxy(routes) as proxy:
        yield {
            "BIBNORM_ARXIV_API_URL": f"{proxy.origin}/arxiv{arxiv.path}",
            "BIBNORM_S2_API_URL": f"{proxy.origin}/s2{s2.path}",
        }
