"""The snapshot index: building it from arXiv metadata lines, and resolving queries from it.

The index is built once per module from the real dev snapshot (177 verified records,
many fields missing) plus the first 100 lines of the real Kaggle snapshot
(0704.0001 to 0704.0100, hard-wrapped, with authors_parsed and versions).
Expected values below were read by hand from those files.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

import pytest
from bibnorm.cli import main
from bibnorm.config import MatchThresholds
from bibnorm.errors import InputError, OutputError, SafetyError, SnapshotError
from bibnorm.io import STALE_AFTER
from bibnorm.models import Lookup, Origin, PartialDate, Query, QueryKind, Reference, Status
from bibnorm.resolve.matching import choose
from bibnorm.resolve.progress import Silent
from bibnorm.resolvers import _snapshot_build, snapshot
from bibnorm.resolvers._index import is_index
from bibnorm.resolvers.snapshot import (
    FTS_CAP,
    SCHEMA_VERSION,
    SnapshotResolver,
    all_but_one_query,
    build_index,
    index_info,
)
from builds import kill_when_loading
from click.testing import CliRunner
from paths import SHARED

DEV_SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"
SAMPLE = (
    SHARED / "reference" / "api-samples" / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"
)
DEMO = Path(__file__).parents[1] / "fixtures" / "demo"
ORIGIN = Origin(path="test", line=1)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("snapshot") / "index.sqlite"
    stats = build_index([DEV_SNAPSHOT, SAMPLE], path)
    assert (stats.records, stats.skipped, stats.replaced) == (277, 0, 0)
    return path


@pytest.fixture(scope="module")
def resolver(index: Path) -> SnapshotResolver:
    return SnapshotResolver(index)


def ask(resolver: SnapshotResolver, **fields: object) -> Lookup:
    query = Query(index=7, origin=ORIGIN, **fields)  # type: ignore[arg-type]
    answers = resolver.lookup([query])
    assert set(answers) == {7}
    return answers[7]


def only(lookup: Lookup) -> Reference:
    assert len(lookup.candidates) == 1
    return lookup.candidates[0].reference


# --- lookups by identifier ------------------------------------------------------------


@pytest.mark.parametrize(
    ("arxiv_id", "title", "version", "first_version", "doi"),
    [
        pytest.param(
            "0704.0001",
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
            2,
            PartialDate(year=2007, month=4, day=2),
            "10.1103/PhysRevD.76.013009",
            id="four-digit-id-hard-wrapped-title",
        ),
        pytest.param(
            "0704.0002",
            "Sparsity-certifying Graph Decompositions",
            2,
            PartialDate(year=2007, month=3, day=31),
            None,
            id="four-digit-id-no-doi",
        ),
        pytest.param(
            "2312.02021",
            "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain "
            "Generalized Semantic Segmentation",
            None,
            None,
            None,
            id="five-digit-id-no-versions",
        ),
        pytest.param(
            "2401.17992",
            "Multilinear Operator Networks",
            1,
            PartialDate(year=2024, month=1, day=31),
            None,
            id="five-digit-id-one-version",
        ),
    ],
)
def test_lookup_by_arxiv_id(
    resolver: SnapshotResolver,
    arxiv_id: str,
    title: str,
    version: int | None,
    first_version: PartialDate | None,
    doi: str | None,
) -> None:
    lookup = ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id=arxiv_id)
    assert lookup.candidates[0].by_identifier
    assert lookup.candidates[0].source == "snapshot"
    reference = only(lookup)
    assert reference.title == title
    assert reference.ids.arxiv_id == arxiv_id
    assert reference.ids.arxiv_version == version
    assert reference.first_version == first_version
    expected_issued = (
        None if first_version is None else PartialDate(year=first_version.year, month=first_version.month)
    )
    assert reference.issued == expected_issued
    assert reference.ids.doi == doi
    assert lookup.problems == ()


@pytest.mark.parametrize(
    "arxiv_id",
    [
        pytest.param("hep-th/9901001", id="old-style-id-not-in-snapshot"),
        pytest.param("2501.00001", id="new-style-id-not-in-snapshot"),
    ],
)
def test_unknown_arxiv_id_gives_no_candidate(resolver: SnapshotResolver, arxiv_id: str) -> None:
    assert ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id=arxiv_id) == Lookup()


@pytest.mark.parametrize(
    ("version", "problem_codes"),
    [
        pytest.param(None, [], id="no-version-asked"),
        pytest.param(2, [], id="latest-version"),
        pytest.param(1, [], id="first-version"),
        pytest.param(3, ["snapshot.unknown_version"], id="version-the-snapshot-lacks"),
    ],
)
def test_asked_version_is_checked_against_the_record(
    resolver: SnapshotResolver, version: int | None, problem_codes: list[str]
) -> None:
    lookup = ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0001", arxiv_version=version)
    assert only(lookup).ids.arxiv_id == "0704.0001"  # still the paper: the version is a remark
    assert [p.code for p in lookup.problems] == problem_codes


@pytest.mark.parametrize(
    ("doi", "arxiv_id"),
    [
        pytest.param("10.1103/PhysRevD.76.013009", "0704.0001", id="as-written"),
        pytest.param("10.1103/physrevd.76.013009", "0704.0001", id="case-insensitive"),
        pytest.param("10.1364/JOSAA.23.002578", "0704.0033", id="first-of-two-dois"),
        pytest.param("10.1364/JOSAA.32.002407", "0704.0033", id="second-of-two-dois"),
        pytest.param("10.1016/j.jqsrt.2015.11.025", "0704.0038", id="erratum-doi"),
    ],
)
def test_lookup_by_doi(resolver: SnapshotResolver, doi: str, arxiv_id: str) -> None:
    lookup = ask(resolver, kind=QueryKind.DOI, doi=doi)
    assert lookup.candidates[0].by_identifier
    assert only(lookup).ids.arxiv_id == arxiv_id


def test_record_with_two_dois_keeps_the_first(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0033"))
    assert reference.ids.doi == "10.1364/JOSAA.23.002578"
    assert reference.title == "Convergence of the discrete dipole approximation. I. Theoretical analysis"


def test_unknown_doi_gives_no_candidate(resolver: SnapshotResolver) -> None:
    assert ask(resolver, kind=QueryKind.DOI, doi="10.1000/not-in-the-snapshot") == Lookup()


def test_a_publishers_doi_the_record_lacks_finds_the_paper_by_its_title(resolver: SnapshotResolver) -> None:
    # a Zotero or RIS journal article: its publisher's DOI, which the arXiv record does not carry
    lookup = ask(
        resolver,
        kind=QueryKind.DOI,
        doi="10.1000/the-journals-own",
        title="Sparsity-certifying Graph Decompositions",
    )
    assert "0704.0002" in [c.reference.ids.arxiv_id for c in lookup.candidates]
    assert not any(c.by_identifier for c in lookup.candidates)  # a title's candidates, judged as such


# --- lookups by title -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "arxiv_id"),
    [
        pytest.param("Scaling Vision Transformers", "2106.04560", id="short-title-of-common-words"),
        pytest.param(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
            "0704.0001",
            id="title-hard-wrapped-in-the-snapshot",
        ),
        pytest.param(
            "Convergence of the discrete dipole approximation. I. Theoretical analysis",
            "0704.0033",
            id="wrapped-with-roman-numeral",
        ),
        pytest.param("sparsity certifying graph decompositions", "0704.0002", id="case-and-hyphen-differ"),
        pytest.param("Multilinear Operator Netwoks", "2401.17992", id="typo-in-the-query-full-text-path"),
        pytest.param("Neural Prompt Search", "2206.04673", id="three-word-title"),
    ],
)
def test_title_lookup_offers_the_paper_and_choose_accepts_it(
    resolver: SnapshotResolver, title: str, arxiv_id: str
) -> None:
    query = Query(index=0, origin=ORIGIN, kind=QueryKind.TITLE, title=title)
    lookup = resolver.lookup([query])[0]
    assert all(not c.by_identifier for c in lookup.candidates)
    assert arxiv_id in [c.reference.ids.arxiv_id for c in lookup.candidates]
    assert len(lookup.candidates) <= 8 + 20
    decision = choose(query, lookup.candidates, MatchThresholds())
    assert decision.status is Status.RESOLVED
    assert decision.best is not None and decision.best.candidate.reference.ids.arxiv_id == arxiv_id


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Scaling Vision Transformers to Gigapixel Images", id="longer-title-than-any-record"),
        pytest.param("the of and", id="only-stop-words"),
        pytest.param("Zyxwvut Qwertyuiop", id="words-no-record-has"),
        pytest.param("?!", id="no-words-at-all"),
    ],
)
def test_title_without_a_record_resolves_to_nothing(resolver: SnapshotResolver, title: str) -> None:
    query = Query(index=0, origin=ORIGIN, kind=QueryKind.TITLE, title=title)
    decision = choose(query, resolver.lookup([query])[0].candidates, MatchThresholds())
    assert decision.status is Status.UNRESOLVED


@pytest.mark.parametrize(
    ("title", "arxiv_id"),
    [
        pytest.param(
            "Representation Learning: A Review and Novel Perspectives", "1206.5538", id="one-word-replaced"
        ),
        pytest.param("Scaling Vision Transformers Efficiently", "2106.04560", id="one-word-added"),
        pytest.param(
            "Battle of the Backbones: A Large-Scale Comparison of Pretrained Models across Vision Tasks",
            "2310.19909",
            id="one-word-dropped",
        ),
    ],
)
def test_near_miss_titles_are_offered_but_not_accepted(
    resolver: SnapshotResolver, title: str, arxiv_id: str
) -> None:
    query = Query(index=0, origin=ORIGIN, kind=QueryKind.TITLE, title=title)
    candidates = resolver.lookup([query])[0].candidates
    assert arxiv_id in [c.reference.ids.arxiv_id for c in candidates]
    assert (
        choose(query, candidates, MatchThresholds()).status is Status.UNRESOLVED
    )  # a different word is not a typo


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_all_but_one_query_matches_titles_missing_at_most_one_word(count: int) -> None:
    words = ["alpha", "beta", "gamma", "delta", "omega"][:count]
    index = sqlite3.connect(":memory:")
    index.execute("CREATE VIRTUAL TABLE t USING fts5(words, content='', detail=none, tokenize='ascii')")
    subsets = [subset for size in range(count + 1) for subset in combinations(words, size)]
    index.executemany(
        "INSERT INTO t(rowid, words) VALUES (?, ?)", enumerate(" ".join(s) + " zeta" for s in subsets)
    )
    matched = {
        rowid
        for (rowid,) in index.execute("SELECT rowid FROM t WHERE t MATCH ?", (all_but_one_query(words),))
    }
    # fewer than three words: all of them are needed
    allowed_missing = 1 if count >= 3 else 0
    assert matched == {n for n, s in enumerate(subsets) if len(s) >= count - allowed_missing}


def test_all_but_one_query_quotes_words_so_none_is_read_as_syntax() -> None:
    assert all_but_one_query(['say"', "x"]) == '"say""" AND "x"'


def test_lookup_answers_every_query_by_its_index(resolver: SnapshotResolver) -> None:
    queries = [
        Query(index=3, origin=ORIGIN, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0002"),
        Query(index=5, origin=ORIGIN, kind=QueryKind.DOI, doi="10.1103/PhysRevD.76.013009"),
        Query(index=9, origin=ORIGIN, kind=QueryKind.TITLE, title="Neural Prompt Search"),
    ]
    answers = resolver.lookup(queries)
    assert sorted(answers) == [3, 5, 9]
    assert only(answers[3]).ids.arxiv_id == "0704.0002"
    assert only(answers[5]).ids.arxiv_id == "0704.0001"


_FORKED_LOOKUPS = """
import json, os, signal, sys, threading
from functools import partial
from pathlib import Path
from bibnorm.config import MatchThresholds
from bibnorm.errors import WorkerError
from bibnorm.resolve.matching import choose
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.processes import can_fork
from bibnorm.resolvers.snapshot import SnapshotResolver

index, snapshot = Path(sys.argv[1]), Path(sys.argv[2])
records = [json.loads(line) for line in snapshot.read_text(encoding="utf-8").splitlines()]
origin = Origin(path="t", line=1)
queries = [
    Query(index=n, origin=origin, kind=QueryKind.TITLE, title=record["title"].lower())
    for n, record in enumerate(records)
] + [Query(index=len(records), origin=origin, kind=QueryKind.ARXIV_ID, arxiv_id=records[0]["id"])]
with SnapshotResolver(index, threads=1) as alone:
    expected = alone.lookup(queries)
could_fork = can_fork()
with SnapshotResolver(index, threads=2) as forked:
    forked_same, forked_connections = forked.lookup(queries) == expected, len(forked._connections)
    again_same = forked.lookup(queries[::-1]) == expected  # the same worker, asked again
    judge = partial(choose, thresholds=MatchThresholds())
    judged = forked.judged_lookup(queries, judge)
    judged_there = sum(1 for _, decision in judged.values() if decision is not None)
    judged_same = all(  # judged there: the judgement travels instead of the candidates
        judged[query.index] == (expected[query.index], None)
        or judged[query.index] == (
            expected[query.index].model_copy(update={"candidates": ()}),
            judge(query, expected[query.index].candidates),
        )
        for query in queries
    )
    workers = [process.pid for process in forked._workers[1]._processes.values()]
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    try:
        dict(forked.lookup(queries))
        lost = None
    except WorkerError as error:
        lost = str(error)
hold = threading.Event()
other = threading.Thread(target=hold.wait)
other.start()
with SnapshotResolver(index, threads=2) as shared:
    shared_same, shared_connections = shared.lookup(queries) == expected, len(shared._connections)
hold.set()
other.join()
names = "could_fork forked_same forked_connections again_same workers lost judged_there judged_same"
names += " shared_same shared_connections"
workers = len(workers)
print(json.dumps({"count": len(queries), **{name: globals()[name] for name in names.split()}}))
"""


def test_many_queries_get_the_same_answers_alone_in_a_forked_worker_or_in_threads(index: Path) -> None:
    # In a fresh process: only there is it sure that no other thread runs (a test's fake server
    # would make the forked worker a thread).
    done = subprocess.run(
        [sys.executable, "-c", _FORKED_LOOKUPS, str(index), str(DEV_SNAPSHOT)],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    found = json.loads(done.stdout)
    count = found["count"]
    assert count >= snapshot.PARALLEL_LOOKUPS_MIN  # enough to be shared
    assert found["could_fork"]  # nothing else ran: the other half went to a forked worker …
    assert (found["forked_same"], found["forked_connections"]) == (True, 1)  # … with its own connection
    assert (found["again_same"], found["workers"]) == (True, 1)  # one worker serves every lookup
    assert found["lost"] == (
        f"a worker process reading {index} stopped unexpectedly (killed, or out of memory?)"
    )  # a killed worker is one line, not a wait
    # The worker judged the candidates of its share (the caller judges its own), as the caller would.
    assert count // 3 < found["judged_there"] < count
    assert found["judged_same"]
    # Another thread running: forking could deadlock, so a second thread of the process asks,
    # with a connection of its own.
    assert (found["shared_same"], found["shared_connections"]) == (True, 2)


# --- record → Reference ---------------------------------------------------------------


def test_full_record_becomes_a_complete_reference(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0001"))
    assert [(p.given, p.family) for p in reference.authors] == [
        ("C.", "Balázs"),
        ("E. L.", "Berger"),
        ("P. M.", "Nadolsky"),
        ("C.-P.", "Yuan"),
    ]
    assert reference.primary_class == "hep-ph"
    assert reference.categories == ("hep-ph",)
    assert reference.journal_ref == "Phys.Rev.D76:013009,2007"
    assert reference.comment == "37 pages, 15 figures; published version"
    assert reference.abstract is not None
    assert reference.abstract.startswith(
        "A fully differential calculation in perturbative quantum chromodynamics is presented"
    )
    assert "\n" not in reference.abstract
    assert reference.entry_type == "preprint"
    assert set(reference.provenance.values()) == {"snapshot"}
    assert set(reference.provenance) == {
        "title",
        "authors",
        "abstract",
        "issued",
        "first_version",
        "primary_class",
        "categories",
        "journal_ref",
        "comment",
        "ids.arxiv_id",
        "ids.arxiv_version",
        "ids.doi",
    }


def test_categories_keep_their_order(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0002"))
    assert (reference.primary_class, reference.categories) == ("math.CO", ("math.CO", "cs.CG"))
    assert [p.family for p in reference.authors] == ["Streinu", "Theran"]


def test_sparse_record_adds_nothing_invented(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2106.04560"))
    assert [(p.given, p.family) for p in reference.authors] == [
        ("Xiaohua", "Zhai"),
        ("Alexander", "Kolesnikov"),
        ("Neil", "Houlsby"),
        ("Lucas", "Beyer"),
    ]
    assert (reference.issued, reference.first_version, reference.ids.arxiv_version) == (None, None, None)
    assert (reference.primary_class, reference.categories, reference.ids.doi) == (None, (), None)
    assert (reference.journal_ref, reference.comment, reference.url) == (None, None, None)
    assert set(reference.provenance) == {"title", "authors", "abstract", "ids.arxiv_id"}


def test_record_without_authors_is_still_a_reference(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2503.03272"))
    assert reference.authors == ()
    assert reference.title.startswith(
        "Towards Effective and Sparse Adversarial Attack on Spiking Neural Networks"
    )
    assert "authors" not in reference.provenance


def test_unicode_author_string_is_split_into_people(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2312.02021"))
    assert [p.family for p in reference.authors] == [
        "Hümmer",
        "Schwonberg",
        "Zhong",
        "Cao",
        "Knoll",
        "Gottschalk",
    ]


_PARSED = [["Vaswani", "Ashish", ""], ["Shazeer", "Noam", ""]]


@pytest.mark.parametrize(
    ("fields", "families", "version", "first"),
    [
        pytest.param(
            {"authors": "A. Other and B. Else", "authors_parsed": _PARSED},
            ["Vaswani", "Shazeer"], None, None, id="parsed-names-are-read-not-the-string",
        ),
        pytest.param(
            {"authors": "Ashish Vaswani and Noam Shazeer", "authors_parsed": [*_PARSED, []]},
            ["Vaswani", "Shazeer"], None, None, id="unusable-parsed-names-fall-back-to-the-string",
        ),
        pytest.param(
            {"authors": "Ashish Vaswani and Noam Shazeer"},
            ["Vaswani", "Shazeer"], None, None, id="only-the-string",
        ),
        pytest.param(
            {"versions": [
                {"version": "V2", "created": "Tue, 3 Apr 2007 10:00:00 GMT"},
                {"version": "v1", "created": "2 Apr 2007 19:18:42 +0000"},
            ]},
            [], 2, PartialDate(year=2007, month=4, day=2), id="versions-any-spelling",
        ),
    ],
)  # fmt: skip
def test_what_the_index_keeps_of_a_line_reads_as_the_line(
    tmp_path: Path,
    fields: dict[str, object],
    families: list[str],
    version: int | None,
    first: PartialDate | None,
) -> None:
    # The index keeps a line without what no reader needs (`_stored`): nothing a Reference holds is lost.
    line = {"id": "1706.03762", "title": "Attention Is All You Need", "submitter": "Ashish", **fields}
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    build_index([source], tmp_path / "one.sqlite")
    with SnapshotResolver(tmp_path / "one.sqlite") as one:
        reference = only(ask(one, kind=QueryKind.ARXIV_ID, arxiv_id="1706.03762"))
    assert [person.family for person in reference.authors] == families
    assert (reference.ids.arxiv_version, reference.first_version) == (version, first)


# --- building -------------------------------------------------------------------------


def test_bad_lines_are_skipped_counted_and_reported(tmp_path: Path) -> None:
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        "\n".join(
            [
                good[0],
                "",  # blank lines are not records, nor errors
                "not json at all",
                "[1, 2]",
                '{"id": "0704.0003"}',
                '{"title": "A line without an id"}',
                '{"id": "0704.0004", "title": null}',
                good[1],
                good[0],  # the same id again: the later line replaces the earlier
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.sqlite"
    stats = build_index([source], output)
    assert (stats.records, stats.skipped, stats.replaced) == (2, 5, 1)
    assert [(e.line, e.reason) for e in stats.examples] == [
        (3, "not valid JSON (JSONDecodeError)"),
        (4, "not a JSON object but list"),
        (5, "0704.0003: no 'title'"),
        (6, "no usable 'id'"),
        (7, "0704.0004: no 'title'"),
    ]
    with SnapshotResolver(output) as resolver:
        title = "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
        hits = ask(resolver, kind=QueryKind.TITLE, title=title).candidates
        assert [c.reference.ids.arxiv_id for c in hits] == ["0704.0001"]  # one record, one full-text entry
        assert (
            only(ask(resolver, kind=QueryKind.DOI, doi="10.1103/PhysRevD.76.013009")).ids.arxiv_id
            == "0704.0001"
        )


def test_gzip_input_is_read(tmp_path: Path) -> None:
    import gzip

    source = tmp_path / "sample.jsonl.gz"
    source.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    assert build_index([source], tmp_path / "out.sqlite").records == 100


def test_failed_build_leaves_the_previous_index(tmp_path: Path, index: Path) -> None:
    output = tmp_path / "index.sqlite"
    shutil.copy(index, output)
    with pytest.raises(InputError, match=r"missing\.jsonl: no such file"):
        build_index([SAMPLE, tmp_path / "missing.jsonl"], output)
    assert index_info(output).records == 277
    assert [p.name for p in tmp_path.iterdir()] == ["index.sqlite"]  # no temporary file left behind


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"<?xml version='1.0'?>\n<rss><channel/></rss>\n", id="xml-that-is-no-dblp-dump"),
        pytest.param(b'{"title": "no id"}\n[1, 2]\n', id="json-lines-without-records"),
    ],
)
def test_a_file_with_no_record_is_refused_and_the_previous_index_kept(
    tmp_path: Path, index: Path, content: bytes
) -> None:
    output = tmp_path / "index.sqlite"
    shutil.copy(index, output)
    wrong = tmp_path / "wrong.xml"
    wrong.write_bytes(content)
    result = CliRunner().invoke(main, ["index", "build", str(wrong), "-o", str(output)])
    assert result.exit_code == 1
    assert result.stderr.startswith("bibnorm: error: no record could be read (")
    assert "a dblp dump is dblp.xml(.gz) with dblp.dtd" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert index_info(output).records == 277


def test_an_interrupted_build_leaves_the_previous_index(tmp_path: Path, index: Path) -> None:
    output = tmp_path / "index.sqlite"
    shutil.copy(index, output)

    class Interrupt(Silent):
        def advance(self, count: int = 1) -> None:
            raise KeyboardInterrupt  # Ctrl-C once the first lines are written

    with pytest.raises(KeyboardInterrupt):
        build_index([DEV_SNAPSHOT, SAMPLE], output, progress=Interrupt())
    assert index_info(output).records == 277
    assert [p.name for p in tmp_path.iterdir()] == ["index.sqlite"]


def test_a_killed_build_leaves_the_previous_index_and_no_file_that_reads_as_one(
    tmp_path: Path, index: Path
) -> None:
    output = tmp_path / "index.sqlite"
    shutil.copy(index, output)
    # The build stops (and is killed) once its first lines are written: past the schema, mid-load.
    script = (
        "import sys, time; from pathlib import Path; from bibnorm.resolvers.snapshot import build_index\n"
        "from bibnorm.resolve.progress import Silent\n"
        "class Stop(Silent):\n"
        "    def advance(self, count=1): print('loading', flush=True); time.sleep(60)\n"
        "build_index([Path(sys.argv[1])], Path(sys.argv[2]), progress=Stop(), jobs=1)\n"
    )
    kill_when_loading(script, str(DEV_SNAPSHOT), str(output))
    assert index_info(output).records == 277
    (left,) = [p for p in tmp_path.iterdir() if p.name != "index.sqlite"]  # SIGKILL leaves the temp file
    assert left.name.startswith(".index.sqlite.") and left.name.endswith(".tmp")
    with pytest.raises(SnapshotError, match="snapshot index has no schema version"):
        index_info(left)
    # The next build removes it, as every bibnorm writer does, once no build can still be writing it.
    hours_ago = time.time() - 2 * STALE_AFTER
    os.utime(left, (hours_ago, hours_ago))
    build_index([SAMPLE], output)
    assert [p.name for p in tmp_path.iterdir()] == ["index.sqlite"]


def _die(chunk: object) -> None:
    os._exit(3)  # a worker killed mid-build (out of memory, by hand)


def test_a_build_whose_worker_dies_fails_and_leaves_the_previous_index(
    tmp_path: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_snapshot_build, "CHUNK_LINES", 50)
    monkeypatch.setattr(_snapshot_build, "DICTIONARY_SAMPLES", 100)
    monkeypatch.setattr(_snapshot_build, "_encode_in_worker", _die)
    output = tmp_path / "index.sqlite"
    shutil.copy(index, output)
    with pytest.raises(OutputError, match=r"^a build worker process stopped unexpectedly"):
        build_index([DEV_SNAPSHOT, SAMPLE], output, jobs=2)
    assert index_info(output).records == 277
    assert [p.name for p in tmp_path.iterdir()] == ["index.sqlite"]


def _many_records(path: Path, copies: int) -> None:
    """The dev and sample records ``copies`` times under fresh ids, with bad lines and repeated ids."""
    real = [json.loads(line) for source in (DEV_SNAPSHOT, SAMPLE) for line in source.open(encoding="utf-8")]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for n, record in enumerate(real):
                out.write(json.dumps({**record, "id": f"{2000 + copy}.{n:05d}"}) + "\n")
            out.write("not json\n\n")
        for n, record in enumerate(real[:50]):  # ids seen in the first copy, now with new titles
            out.write(json.dumps({**record, "id": f"2000.{n:05d}", "title": f"Replaced {n}"}) + "\n")


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything an index holds (but its build time), table by table, in a stable order."""
    with sqlite3.connect(path) as connection:
        tables = {
            "records": "SELECT * FROM records ORDER BY id",
            "dois": "SELECT * FROM dois ORDER BY doi_key, record",
            "words": "SELECT * FROM words ORDER BY word",
            "meta": "SELECT * FROM meta WHERE key != 'built_at' ORDER BY key",
            "titles": "SELECT rowid FROM titles WHERE titles MATCH 'deep OR model OR quantum' ORDER BY rowid",
        }
        content = {name: connection.execute(query).fetchall() for name, query in tables.items()}
    connection.close()
    return content


def test_workers_build_the_same_index_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks and a small dictionary sample, so that most lines go through the workers.
    monkeypatch.setattr(_snapshot_build, "CHUNK_LINES", 300)
    monkeypatch.setattr(_snapshot_build, "DICTIONARY_SAMPLES", 600)
    source = tmp_path / "many.jsonl"
    _many_records(source, copies=8)
    one = build_index([source], tmp_path / "one.sqlite", jobs=1)
    two = build_index([source], tmp_path / "two.sqlite", jobs=2)
    assert (
        (one.records, one.skipped, one.replaced)
        == (two.records, two.skipped, two.replaced)
        == (8 * 277, 8, 50)
    )
    assert one.examples == two.examples
    assert [str(e) for e in two.examples[:2]] == [
        f"{source}:278: not valid JSON (JSONDecodeError)",
        f"{source}:557: not valid JSON (JSONDecodeError)",
    ]
    content = _content(tmp_path / "one.sqlite")
    assert len(dict(content["meta"])["dictionary"]) > 1000  # the records were compressed with one
    assert _content(tmp_path / "two.sqlite") == content
    with SnapshotResolver(tmp_path / "two.sqlite") as resolver:
        replaced = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2000.00007"))
        assert replaced.title == "Replaced 7"
        assert only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2007.00007")).abstract == (
            only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="2003.00007")).abstract
        )


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jobs must be 1 or more, not 0"):
        build_index([SAMPLE], tmp_path / "out.sqlite", jobs=0)


def test_index_info(index: Path) -> None:
    info = index_info(index)
    assert (info.schema_version, info.records) == (SCHEMA_VERSION, 277)
    assert info.sources == ("dev-snapshot.jsonl", "arxiv-metadata-oai-snapshot.first-100-lines.jsonl")


# --- unusable index files -------------------------------------------------------------


def _text_file(path: Path) -> Path:
    path.write_text("this is not a database\n" * 100)
    return path


def _empty_database(path: Path) -> Path:
    sqlite3.connect(path).execute("CREATE TABLE other(x)").connection.close()
    return path


def _wrong_schema(path: Path, index: Path) -> Path:
    shutil.copy(index, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    connection.close()
    return path


def _previous_schema(path: Path, index: Path) -> Path:
    _wrong_schema(path, index)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    return path


def _meta_only(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(lambda p, i: shutil.copy(i, p) and p, True, id="an-index"),
        pytest.param(_wrong_schema, True, id="a-newer-schema"),
        pytest.param(_previous_schema, True, id="a-previous-schema"),
        pytest.param(lambda p, i: _text_file(p), False, id="text"),
        pytest.param(lambda p, i: _empty_database(p), False, id="another-database"),
        pytest.param(lambda p, i: _meta_only(p), False, id="a-meta-table-without-records"),
        pytest.param(lambda p, i: p, False, id="missing"),
    ],
)
def test_is_index_knows_a_bibnorm_index_of_any_schema(
    tmp_path: Path, index: Path, make, expected: bool
) -> None:
    assert is_index(make(tmp_path / "index.sqlite", index)) is expected


def test_a_build_never_replaces_a_file_that_is_not_an_index(tmp_path: Path) -> None:
    target = _empty_database(tmp_path / "app.sqlite")
    before = target.read_bytes()
    with pytest.raises(
        SafetyError, match=r"refusing to replace .*app\.sqlite: it is not a bibnorm snapshot index"
    ):
        build_index([SAMPLE], target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["app.sqlite"]


def test_a_build_through_a_link_replaces_the_index_it_points_at(tmp_path: Path) -> None:
    real = tmp_path / "store" / "index.sqlite"
    real.parent.mkdir()
    build_index([SAMPLE], real)
    link = tmp_path / "index.sqlite"
    link.symlink_to(real)
    build_index([DEV_SNAPSHOT], link)
    assert link.is_symlink()
    assert index_info(real).records == 177


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p, i: p, "no snapshot index there", id="missing-file"),
        pytest.param(lambda p, i: _text_file(p), "not a bibnorm snapshot index", id="not-a-database"),
        pytest.param(
            lambda p, i: _empty_database(p), "not a bibnorm snapshot index", id="database-without-meta"
        ),
        pytest.param(
            _wrong_schema,
            f"schema version 999, this bibnorm reads version {SCHEMA_VERSION}",
            id="wrong-schema-version",
        ),
        pytest.param(lambda p, i: p.parent, "is not a file", id="a-directory"),
    ],
)
def test_unusable_index_raises_a_one_line_snapshot_error(
    tmp_path: Path, index: Path, make, message: str
) -> None:
    path = make(tmp_path / "index.sqlite", index)
    with pytest.raises(SnapshotError, match=message) as raised:
        SnapshotResolver(path)
    assert "\n" not in str(raised.value)


# --- the command line -----------------------------------------------------------------


def test_cli_index_build_and_info(tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "demo.sqlite"
    result = runner.invoke(
        main, ["index", "build", str(DEMO / "snapshot.jsonl"), "-o", str(output), "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"wrote {output}"
    assert lines[1].startswith("indexed 177 records (0 skipped) in ")
    assert lines[1].endswith(" s")

    result = runner.invoke(main, ["index", "info", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        f"path: {output}",
        f"schema version: {SCHEMA_VERSION}",
        "records: 177",
    ]
    assert result.stdout.splitlines()[4] == "sources: snapshot.jsonl"


def test_cli_build_defaults_to_the_configured_snapshot_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no bibnorm.toml of the developer's in the way
    runner = CliRunner()
    target = tmp_path / "configured.sqlite"
    result = runner.invoke(main, ["index", "build", str(SAMPLE)], env={"BIBNORM_SNAPSHOT": str(target)})
    assert result.exit_code == 0, result.output
    assert "indexed 100 records (0 skipped)" in result.stderr
    info = runner.invoke(main, ["index", "info"], env={"BIBNORM_SNAPSHOT": str(target)})
    assert "records: 100" in info.stdout.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["index", "build", "missing.jsonl", "-o", "x.sqlite"],
            "bibnorm: error: missing.jsonl: no such file\n",
            id="missing-input",
        ),
        pytest.param(
            ["index", "info", "missing.sqlite"],
            "bibnorm: error: missing.sqlite: no snapshot index there; build one with 'bibnorm index build'\n",
            id="missing-index",
        ),
    ],
)
def test_cli_errors_are_one_line_with_exit_code_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_cli_help_has_examples() -> None:
    runner = CliRunner()
    for args in (["index"], ["index", "build"], ["index", "info"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout
        assert "bibnorm index" in result.stdout


# --- at scale: common words, the title-key table ----------------------------------------


def offered_for(tmp_path: Path, titles: list[str], title: str) -> list[str]:
    """The arXiv ids an index of ``titles`` (ids 2501.00000, 2501.00001, … in order) offers for ``title``."""
    source = tmp_path / "titles.jsonl"
    lines = (json.dumps({"id": f"2501.{n:05d}", "title": t}) + "\n" for n, t in enumerate(titles))
    source.write_text("".join(lines), encoding="utf-8")
    build_index([source], tmp_path / "titles.sqlite")
    with SnapshotResolver(tmp_path / "titles.sqlite") as resolver:
        lookup = ask(resolver, kind=QueryKind.TITLE, title=title)
    return [c.reference.ids.arxiv_id or "" for c in lookup.candidates]


def test_a_title_of_common_words_is_narrowed_to_all_its_words(tmp_path: Path) -> None:
    # Every record holds "audio", "language" and "models": the usual all-but-one query over
    # the rarest words matches more than FTS_CAP records, so all known words are required.
    assert FTS_CAP < 300
    titles = [f"Audio Language Models for {'Speech' if n % 2 else 'Music'} Tag{n}" for n in range(300)]
    titles.append("Audio Language Models for Speech and Music")
    assert "2501.00300" in offered_for(tmp_path, titles, "Audio Language Models for Speech and Musc")


def test_a_typo_in_the_only_rare_word_of_a_title_of_common_words_is_corrected(tmp_path: Path) -> None:
    # "atention" is in no title, and every record holds "all", "you" and "need": even all the
    # known words match more than FTS_CAP records, and the paper is not among the first ones.
    assert FTS_CAP < 300
    titles = [f"Is All You Need for Task{n}" for n in range(300)]
    titles.append("Attention Is All You Need")
    assert "2501.00300" in offered_for(tmp_path, titles, "Atention Is All You Need")


def test_a_title_of_unknown_words_only_is_searched_by_their_corrections(tmp_path: Path) -> None:
    titles = ["Denoising Diffusion Models", "Diffusion Processes", "Denoising Autoencoders"]
    assert offered_for(tmp_path, titles, "Dnoising Difusion")[:1] == ["2501.00000"]
    assert offered_for(tmp_path, titles, "Qwxyz Plokm") == []


def test_records_with_the_same_title_key_are_all_offered(tmp_path: Path) -> None:
    offered = offered_for(
        tmp_path, ["Deep Learning", "Deep-Learning", "deep learning.", "Deep Learnings"], "DEEP LEARNING"
    )
    assert offered[:3] == ["2501.00000", "2501.00001", "2501.00002"]  # the key's records first


def test_titles_whose_key_hashes_collide_are_told_apart_by_their_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_snapshot_build, "key_hash", lambda key: 7)  # every title key collides
    monkeypatch.setattr(snapshot, "key_hash", lambda key: 7)  # in the build and in the lookups
    offered = offered_for(
        tmp_path, ["Graph Networks", "Deep Learning", "Quantum Dots", "Deep-Learning"], "deep learning"
    )
    # Without comparing keys, all four would come back by the hash, in file order.
    assert offered[:2] == ["2501.00001", "2501.00003"]


def test_an_index_of_the_previous_schema_asks_for_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    connection.close()
    result = CliRunner().invoke(main, ["index", "info", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"bibnorm: error: {path}: snapshot index has schema version 1, "
        f"this bibnorm reads version {SCHEMA_VERSION}; rebuild it with 'bibnorm index build'\n"
    )


def test_abstracts_come_back_whole_from_compression(resolver: SnapshotResolver) -> None:
    reference = only(ask(resolver, kind=QueryKind.ARXIV_ID, arxiv_id="0704.0001"))
    assert reference.abstract is not None
    assert reference.abstract.endswith(
        "showing that enhanced sensitivity to the signal can be obtained with judicious selection of events."
    )
