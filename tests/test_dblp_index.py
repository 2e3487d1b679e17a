"""The local dblp index: built from dblp's XML dump, asked before dblp's search.

Specifies: the dump is read through its DTD (named entities, title markup) and refused in one
line without it; records keep what a published entry needs, a paper's proceedings joined
(series, volume, publisher, editors); the index and the search turn the same record into the
same `Reference`; the acceptance rule is the search's (CoRR never counts, a withdrawn record
neither, two publications give none and a note); what the index holds is final, other papers
go online with a note when the index is older than them; a build that fails or is killed
leaves the previous index, and workers build the same index as one process.

Fixture: ``fixtures/dblp/dblp.xml`` with dblp's DTD (every record's source in its
PROVENANCE.md); the fake dblp search of tests/fakes/dblp_api.py for the online half.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import main
from bibnorm.config import Settings
from bibnorm.errors import InputError, OutputError, SnapshotError
from bibnorm.models import Identifiers, Lookup, PartialDate, Person, Reference
from bibnorm.resolvers import dblp_index
from bibnorm.resolvers._dblp_dump import dtd_entities
from bibnorm.resolvers._dblp_records import published_reference
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.dblp import DblpClient, DblpEnricher, build_dblp, record_from_hit
from bibnorm.resolvers.dblp_index import DblpIndex, build_dblp_index, dblp_index_info
from bibnorm.text.venues import find_venue
from builds import kill_when_loading
from click.testing import CliRunner
from fakes.dblp_api import FakeDblp, sample_records
from fakes.dblp_dump import record_xml, write_dump, write_fake_dump
from paths import FIXTURES

DUMP = FIXTURES / "dblp" / "dblp.xml"
DTD = FIXTURES / "dblp" / "dblp.dtd"
ICML, CVPR, CVPRW = (find_venue(short) for short in ("ICML", "CVPR", "CVPRW"))
assert ICML is not None and CVPR is not None and CVPRW is not None


def person(name: str) -> Person:
    *given, family = name.split()
    return Person(given=" ".join(given), family=family)


def paper(title: str, authors: list[str], year: int, month: int | None = None, **changes: Any) -> Reference:
    """A resolved preprint as the enricher sees it (a computer-science arXiv paper)."""
    return Reference(
        title=title,
        authors=tuple(person(name) for name in authors),
        issued=PartialDate(year=year, month=month),
        first_version=PartialDate(year=year, month=month),
        primary_class="cs.CV",
        **changes,
    )


SHOW_ATTEND = paper(
    "Show, Attend and Tell: Neural Image Caption Generation with Visual Attention",
    ["Kelvin Xu", "Jimmy Ba", "Ryan Kiros", "Kyunghyun Cho", "Aaron Courville", "Ruslan Salakhutdinov",
     "Richard Zemel", "Yoshua Bengio"],
    2015, 2, ids=Identifiers(arxiv_id="1502.03044"),
)  # fmt: skip
SPIRE = paper(
    "Output-Sensitive Autocompletion Search",
    ["Holger Bast", "Christian Worm Mortensen", "Ingmar Weber"],
    2006,
)
RESNET = paper(
    "Deep Residual Learning for Image Recognition",
    ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"],
    2015, 12,
)  # fmt: skip
SCALING = paper(
    "Scaling Vision Transformers",
    ["Xiaohua Zhai", "Alexander Kolesnikov", "Neil Houlsby", "Lucas Beyer"],
    2021,
    6,
)
CNN_FEATURES = paper(
    "CNN Features off-the-shelf: an Astounding Baseline for Recognition",
    ["Ali Sharif Razavian", "Hossein Azizpour", "Josephine Sullivan", "Stefan Carlsson"],
    2014, 3,
)  # fmt: skip
TWO_VENUES = paper(
    "A Synthetic Paper at a Workshop and at its Main Conference", ["Synthetic Author", "Jurgen Muller"], 2024
)
MARKUP = paper(
    "Learning k-Means for H2O at 106 × Scale: Naïve & Fast",
    ["Synthetic Author", "Francois Emile Munoz"],
    2024,
)
MOBILENETS = paper(
    "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
    ["Andrew G. Howard", "Menglong Zhu", "Bo Chen", "Dmitry Kalenichenko", "Weijun Wang", "Tobias Weyand",
     "Marco Andreetto", "Hartwig Adam"],
    2017, 4,
)  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dblp_index.DblpBuildStats]:
    folder = tmp_path_factory.mktemp("dblp")
    dump = folder / "dblp.xml.gz"
    dump.write_bytes(gzip.compress(DUMP.read_bytes()))
    shutil.copy(DTD, folder / "dblp.dtd")
    stats = build_dblp_index(dump, folder / "dblp.sqlite")
    return folder / "dblp.sqlite", stats


@pytest.fixture(scope="module")
def index(built: tuple[Path, dblp_index.DblpBuildStats]) -> Iterator[DblpIndex]:
    with DblpIndex(built[0]) as opened:
        yield opened


def local(index: DblpIndex, reference: Reference) -> tuple[list[Reference], list[str]]:
    """What the index alone answers for one paper: its publications and the problems' codes."""
    answer = DblpEnricher(index=index, online=False).enrich({0: reference}).get(0)
    if answer is None:
        return [], []
    return [c.reference for c in answer.candidates], [p.code for p in answer.problems]


# --------------------------------------------------------------------------- the build


def test_the_dump_is_read_whole_with_what_each_record_is(
    built: tuple[Path, dblp_index.DblpBuildStats],
) -> None:
    path, stats = built
    assert (stats.records, stats.proceedings, stats.skipped) == (41, 3, 1)
    assert stats.examples == [f"{path.parent / 'dblp.xml.gz'}: journals/synthetic/NoTitle24: no title"]
    assert stats.elements == {
        "article": 16, "book": 1, "incollection": 1, "inproceedings": 24, "phdthesis": 3, "proceedings": 3,
        "www": 1,
    }  # fmt: skip
    info = dblp_index_info(path)
    assert (info.records, info.proceedings, info.dump, info.dump_date) == (41, 3, "dblp.xml.gz", "2024-06-03")


def test_named_entities_and_title_markup_are_read_through_the_dtd(index: DblpIndex) -> None:
    [record] = index.records_titled(MARKUP.title)
    assert record.title == "Learning k-Means for H2O at 106 × Scale: Naïve & Fast."
    assert record.authors == ("Synthetic Author", "François Émile Muñoz")
    [published], problems = local(index, MARKUP)
    assert problems == []
    assert (published.entry_type, published.venue, published.volume, published.number, published.pages) == (
        "article", "Synthetic J.", "7", "2", "1--12",
    )  # fmt: skip
    assert published.authors[1] == Person(given="François Émile", family="Muñoz")


def test_the_index_and_the_search_make_one_reference_of_one_record(index: DblpIndex) -> None:
    """The 30 recorded search hits are in the dump too: both paths give the same entry."""
    compared = 0
    for info in sample_records():
        online = published_reference(record_from_hit(info))
        held = [r for r in index.records_titled(info["title"]) if r.key == info["key"]]
        offline = published_reference(held[0]) if held else None
        assert offline == online, info["key"]
        compared += online is not None
    assert compared == 26  # the conference papers and journal articles; theses and a chapter are none


# --------------------------------------------------------------------------- answering


def test_a_conference_paper_carries_its_proceedings_series_volume_publisher_and_editors(
    index: DblpIndex,
) -> None:
    [published], _ = local(index, SHOW_ATTEND)
    assert (published.entry_type, published.venue, published.pages, published.issued) == (
        "inproceedings", ICML.name, "2048--2057", PartialDate(year=2015),
    )  # fmt: skip
    # dblp's "JMLR Workshop and Conference Proceedings" volume 37 is PMLR's volume 37.
    assert (published.series, published.volume, published.publisher) == (
        "Proceedings of Machine Learning Research", "37", "PMLR",
    )  # fmt: skip
    assert published.editors == (
        Person(given="Francis R.", family="Bach"),
        Person(given="David M.", family="Blei"),
    )
    assert published.ids == Identifiers(dblp="conf/icml/XuBKCCSZB15")

    [spire], _ = local(index, SPIRE)
    assert (spire.venue, spire.series, spire.volume, spire.publisher, spire.pages) == (
        "SPIRE", "Lecture Notes in Computer Science", "4209", "Springer", "150--162",
    )  # fmt: skip
    assert [p.family for p in spire.editors] == ["Crestani", "Ferragina", "Sanderson"]
    assert spire.ids.doi == "10.1007/11880561_13"


def test_dblps_full_proceedings_title_is_never_the_venue(index: DblpIndex) -> None:
    [resnet], _ = local(index, RESNET)
    assert resnet.venue == CVPR.name  # not "2016 IEEE Conference on …, CVPR 2016, Las Vegas, NV, USA, …"
    assert (resnet.publisher, resnet.series, resnet.ids.doi) == (
        "IEEE Computer Society",
        None,
        "10.1109/CVPR.2016.90",
    )
    assert [p.family for p in resnet.authors] == ["He", "Zhang", "Ren", "Sun"]  # homonym numbers dropped


AUTHOR = person("Ada Lovelace")
YEARS_BEFORE = {"first_version": PartialDate(year=2012), "issued": PartialDate(year=2012)}


@pytest.mark.parametrize(
    ("reference", "venue", "codes"),
    [
        pytest.param(SCALING, CVPR.name, [], id="corr-twin-and-withdrawn-record-do-not-count"),
        pytest.param(CNN_FEATURES, CVPRW.name, [], id="a-workshop-paper-stays-a-workshop-paper"),
        pytest.param(TWO_VENUES, None, ["dblp.several_versions"], id="workshop-and-conference-give-none"),
        pytest.param(SCALING.model_copy(update={"authors": (AUTHOR,)}), None, [], id="other-authors"),
        pytest.param(SCALING.model_copy(update=YEARS_BEFORE), None, [], id="a-year-far-before"),
    ],
)  # fmt: skip
def test_the_index_applies_the_searchs_acceptance_rule(
    index: DblpIndex, reference: Reference, venue: str | None, codes: list[str]
) -> None:
    published, problems = local(index, reference)
    assert [p.venue for p in published] == ([venue] if venue else [])
    assert problems == codes


# --------------------------------------------------------------------------- index and search


@pytest.fixture
def fake() -> Iterator[FakeDblp]:
    server = FakeDblp().start()
    yield server
    server.stop()


class Online:
    """The enricher with the index and the fake search (no waiting: sleeps are recorded)."""

    def __init__(self, fake: FakeDblp, cache: Path, index: DblpIndex | None, delay: float = 0) -> None:
        self.sleeps: list[float] = []
        self.notes: list[str] = []
        settings = Settings(cache_dir=cache, dblp_api_url=fake.url, dblp_delay=delay)
        self.session = build_session(settings, sleep=self.sleeps.append, jitter=lambda: 0.0)
        self.enricher = DblpEnricher(
            DblpClient(self.session, settings), index=index, notify=self.notes.append
        )

    def ask(self, *references: Reference) -> dict[int, Any]:
        return dict(self.enricher.enrich(dict(enumerate(references))))


def test_a_paper_the_index_holds_costs_no_request_and_others_go_online(
    index: DblpIndex, fake: FakeDblp, tmp_path: Path
) -> None:
    online = Online(fake, tmp_path / "cache", index)
    held, not_held = online.ask(SCALING, MOBILENETS).values()
    assert [c.reference.venue for c in held.candidates] == [CVPR.name]
    assert not_held.candidates == () and not_held.problems == ()  # the fake lists only its CoRR record
    assert [request["q"] for request in fake.requests] == [
        "mobilenets efficient convolutional neural networks for mobile vision applications"
    ]
    online.session.close()


def ask_with_doi_source(
    fake: FakeDblp, tmp_path: Path, index: DblpIndex | None, reference: Reference
) -> Lookup | None:
    """The enricher's answer for one paper when a batched DOI source (Crossref) follows dblp."""
    settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url=fake.url, dblp_delay=0)
    with build_session(settings, sleep=lambda _: None, jitter=lambda: 0.0) as session:
        enricher = DblpEnricher(DblpClient(session, settings), index=index, doi_sources=True)
        return enricher.enrich({0: reference}).get(0)


def test_a_paper_a_doi_source_settles_gets_the_indexs_record_and_no_search(
    index: DblpIndex, fake: FakeDblp, tmp_path: Path
) -> None:
    # Crossref follows and reads the publisher's record of the DOI, so dblp's search is not
    # spent on it; the index, which costs nothing, still gives dblp's record (its author list is
    # the published version's record of authority).
    with_doi = SCALING.model_copy(update={"ids": Identifiers(doi="10.1109/CVPR52688.2022.01179")})
    for with_index, venues in ((index, [CVPR.name]), (None, None)):
        answer = ask_with_doi_source(fake, tmp_path, with_index, with_doi)
        assert (answer and [c.reference.venue for c in answer.candidates]) == venues
        if answer is not None:
            assert answer.candidates[0].reference.authors[0].family == "Zhai"
    assert fake.requests == []


def test_a_paper_a_doi_source_settles_gets_its_volumes_editors_from_the_index_with_no_request(
    index: DblpIndex, fake: FakeDblp, tmp_path: Path
) -> None:
    # Crossref's deposit of the DOI seldom lists the proceedings' editors; the index joins the
    # paper's volume (its crossref key) at no cost.
    with_doi = SPIRE.model_copy(update={"ids": Identifiers(doi="10.1007/11880561_13")})
    answer = ask_with_doi_source(fake, tmp_path, index, with_doi)
    assert answer is not None
    [candidate] = answer.candidates
    assert [p.family for p in candidate.reference.editors] == ["Crestani", "Ferragina", "Sanderson"]
    assert candidate.reference.provenance["editors"] == "dblp"
    assert fake.requests == [] and fake.exports_asked == []


def test_an_index_older_than_the_paper_says_so_and_dblp_is_asked_online(
    index: DblpIndex, fake: FakeDblp, tmp_path: Path
) -> None:
    recent = paper("A Paper From After The Dump", ["Synthetic Author"], 2025, 3)
    [answer] = Online(fake, tmp_path / "cache", index).ask(recent).values()
    [note] = answer.problems
    assert (note.code, note.message) == (
        "dblp.index_older",
        "the dblp index (dump of 2024-06-03) is older than this paper (2025-03); asked dblp online",
    )
    assert len(fake.requests) == 1
    _, codes = local(index, recent)  # offline: the note, and nothing asked
    assert codes == ["dblp.index_older"]


@pytest.mark.parametrize(
    ("with_index", "announced"),
    [
        pytest.param(
            False,
            "dblp: 4 papers to look up online, about 20 s at one request every 5 s; "
            "a local dblp index answers at once: bibnorm index fetch dblp",
            id="without-an-index",
        ),
        pytest.param(
            True,
            "dblp: 3 papers to look up online, about 15 s at one request every 5 s; "
            "the dblp index (2024-06-03) does not hold them",
            id="with-an-index",
        ),
    ],
)
def test_a_long_online_phase_is_announced_with_its_count_and_wait(
    index: DblpIndex, fake: FakeDblp, tmp_path: Path, with_index: bool, announced: str
) -> None:
    papers = [
        MOBILENETS,
        paper("Attention Is All You Need", ["Ashish Vaswani"], 2017),
        paper("Deep Learning", ["Yann LeCun"], 2015),
        SCALING,  # held: not counted when the index is there
    ]
    online = Online(fake, tmp_path / "cache", index if with_index else None, delay=5)
    online.ask(*papers)
    assert online.notes == [announced]
    assert online.sleeps  # the spacing was kept (and recorded, not waited for)
    online.ask(*papers)  # again: every search is in the cache, nothing to wait for, nothing said
    assert online.notes == [announced]
    online.session.close()


def test_offline_the_papers_dblp_cannot_settle_are_named_with_no_wait_promised(
    fake: FakeDblp, tmp_path: Path
) -> None:
    """Offline nothing is waited for (the cache answers or the search is refused): the user hears
    how many papers dblp cannot settle and what would, not how long the searches would take."""
    settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url=fake.url, dblp_delay=5, offline=True)
    notes: list[str] = []
    session = build_session(settings)
    enricher = build_dblp(session, settings, notify=notes.append)
    papers = [
        MOBILENETS,
        paper("Attention Is All You Need", ["Ashish Vaswani"], 2017),
        paper("Deep Learning", ["Yann LeCun"], 2015),
        SCALING,
    ]
    enricher.enrich(dict(enumerate(papers)))
    assert notes == [
        "dblp: 4 papers not in the cache, not looked up offline; "
        "a local dblp index answers offline: bibnorm index fetch dblp"
    ]
    assert fake.requests == []
    session.close()


# --------------------------------------------------------------------------- build failures


@pytest.mark.parametrize(
    "encoding", [pytest.param("utf-8", id="utf-8-dtd"), pytest.param("latin-1", id="iso-8859-1-dtd")]
)
def test_the_dtd_is_read_in_either_encoding_its_comments_may_have(tmp_path: Path, encoding: str) -> None:
    dtd = tmp_path / "dblp.dtd"
    dtd.write_bytes(DTD.read_text(encoding="utf-8").encode(encoding))
    assert "Universität" in dtd.read_text(encoding=encoding)  # a non-ASCII comment
    entities = dtd_entities(dtd)
    assert (len(entities), entities["uuml"], entities["times"]) == (65, "ü", "×")


def test_without_its_dtd_the_dump_is_refused_in_one_line(tmp_path: Path) -> None:
    dump = tmp_path / "dblp.xml.gz"
    dump.write_bytes(gzip.compress(DUMP.read_bytes()))
    with pytest.raises(InputError) as refused:
        build_dblp_index(dump, tmp_path / "dblp.sqlite")
    assert str(refused.value) == (
        f"{dump}: its DTD dblp.dtd is not beside it (dblp publishes dblp.dtd with the dump and its "
        f"entities, such as &uuml;, are defined only there): download it to {tmp_path}, or name it with --dtd"
    )
    assert list(tmp_path.iterdir()) == [dump]
    assert build_dblp_index(dump, tmp_path / "dblp.sqlite", dtd=DTD).records == 41


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        pytest.param(
            lambda data: gzip.compress(data)[:-400],
            "the file ends early (an interrupted download?); download it again",
            id="truncated-download",
        ),
        pytest.param(
            lambda data: gzip.compress(data.replace(b"<pages>97-105</pages>", b"<pages>97-105</page>")),
            "line 302: not well-formed XML (mismatched tag)",
            id="not-well-formed",
        ),
        pytest.param(
            lambda data: gzip.compress(data[: data.index(b"<dblp>") + len(b"<dblp>")] + b"\n</dblp>\n"),
            "no publication record in the dump (0 skipped); the previous index, if any, is kept",
            id="empty-dump",
        ),
        pytest.param(
            lambda data: gzip.compress(b'{"id": "2101.00001", "title": "A JSON line"}\n'),
            "not a dblp XML dump (no <dblp> root element at its start)",
            id="not-a-dump",
        ),
        pytest.param(
            lambda data: gzip.compress(data.replace(b'encoding="ISO-8859-1"', b'encoding="UTF-7"', 1)),
            "declares the encoding 'UTF-7'; a dblp XML dump is in ISO-8859-1 or UTF-8",
            id="utf-7",
        ),
        pytest.param(
            lambda data: gzip.compress(
                data.replace(b'encoding="ISO-8859-1"', b'encoding="no-such-codec"', 1)
            ),
            "declares the encoding 'no-such-codec'; a dblp XML dump is in ISO-8859-1 or UTF-8",
            id="unknown-encoding",
        ),
        pytest.param(
            # A gzip bomb: 10 KiB that inflate to 9 MiB of blanks after the first record (line 15).
            lambda data: gzip.compress(data[: data.index(b"</inproceedings>") + 16] + b" " * (9 << 20)),
            "line 15: 8 MiB with no record end tag (a record never closed, or no dblp dump at all)",
            id="gzip-bomb-of-blanks",
        ),
        pytest.param(
            # Start tags never closed, from the root's line on.
            lambda data: gzip.compress(data[: data.index(b"<dblp>") + 6] + b"<article key='x'><i>" * 500_000),
            "line 3: 8 MiB with no record end tag (a record never closed, or no dblp dump at all)",
            id="a-record-never-closed",
        ),
    ],
)
def test_a_damaged_dump_fails_in_one_line_and_keeps_the_previous_index(
    tmp_path: Path, built: tuple[Path, dblp_index.DblpBuildStats], damage: Any, message: str
) -> None:
    dump = tmp_path / "dblp.xml.gz"
    dump.write_bytes(damage(DUMP.read_bytes()))
    shutil.copy(DTD, tmp_path / "dblp.dtd")
    output = tmp_path / "dblp.sqlite"
    shutil.copy(built[0], output)
    with pytest.raises(InputError) as failed:
        build_dblp_index(dump, output)
    assert str(failed.value) == f"{dump}: {message}"
    assert dblp_index_info(output).records == 41
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dblp.dtd", "dblp.sqlite", "dblp.xml.gz"]


def test_a_killed_build_leaves_the_previous_index_and_no_file_that_reads_as_one(
    tmp_path: Path, built: tuple[Path, dblp_index.DblpBuildStats]
) -> None:
    dump = tmp_path / "fake.xml.gz"
    write_fake_dump(dump)
    output = tmp_path / "index.sqlite"
    shutil.copy(built[0], output)
    # Small chunks, so the build is killed midway: after its first records are written.
    script = (
        "import sys, time; from pathlib import Path; from bibnorm.resolvers import dblp_index\n"
        "from bibnorm.resolve.progress import Silent\n"
        "dblp_index.CHUNK_BYTES = 4096\n"
        "class Stop(Silent):\n"
        "    def advance(self, count=1): print('loading', flush=True); time.sleep(60)\n"
        "dblp_index.build_dblp_index(Path(sys.argv[1]), Path(sys.argv[2]), progress=Stop(), jobs=1)\n"
    )
    kill_when_loading(script, str(dump), str(output))
    assert dblp_index_info(output).records == 41
    (left,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # SIGKILL leaves the temp file
    with pytest.raises(SnapshotError, match="dblp index has no schema version"):
        dblp_index_info(left)


def _die(chunk: object) -> None:
    import os

    os._exit(3)  # a worker killed mid-build (out of memory, by hand)


def test_a_build_whose_worker_dies_fails_and_leaves_the_previous_index(
    tmp_path: Path, built: tuple[Path, dblp_index.DblpBuildStats], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dblp_index, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(dblp_index, "DICTIONARY_SAMPLES", 120)
    monkeypatch.setattr(dblp_index, "_encode_in_worker", _die)
    dump = tmp_path / "fake.xml.gz"
    write_fake_dump(dump)
    output = tmp_path / "index.sqlite"
    shutil.copy(built[0], output)
    with pytest.raises(OutputError, match=r"^a build worker process stopped unexpectedly"):
        build_dblp_index(dump, output, jobs=2)
    assert dblp_index_info(output).records == 41


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        content = {
            "records": connection.execute("SELECT * FROM records ORDER BY id").fetchall(),
            "proceedings": connection.execute("SELECT * FROM proceedings ORDER BY key").fetchall(),
            "meta": connection.execute("SELECT * FROM meta WHERE key != 'built_at' ORDER BY key").fetchall(),
        }
    connection.close()
    return content


def test_workers_build_the_same_index_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks and a small dictionary sample, so that most records go through the workers.
    monkeypatch.setattr(dblp_index, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(dblp_index, "DICTIONARY_SAMPLES", 120)
    dump = tmp_path / "fake.xml.gz"
    write_fake_dump(dump, root_mdate="2025-12-01")
    one = build_dblp_index(dump, tmp_path / "one.sqlite", jobs=1)
    two = build_dblp_index(dump, tmp_path / "two.sqlite", jobs=2)
    assert (one.records, one.dump_date, one.elements) == (two.records, two.dump_date, two.elements)
    assert (one.records, one.dump_date) == (
        305,
        "2025-12-01",
    )  # 30 recorded hits, 177 CoRR + 101 venues - 3 theses
    content = _content(tmp_path / "one.sqlite")
    assert dict(content["meta"])["dictionary"]  # the records were compressed with one
    assert _content(tmp_path / "two.sqlite") == content


# --------------------------------------------------------------------------- the command line


def test_index_build_tells_a_dblp_dump_and_info_says_what_it_holds(tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "dblp.sqlite"
    result = runner.invoke(main, ["index", "build", str(DUMP), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[:2] == [
        f"skipped {DUMP}: journals/synthetic/NoTitle24: no title",
        f"wrote {output}",
    ]
    assert result.stderr.splitlines()[2].startswith(
        "indexed 41 records and 3 proceedings (1 skipped) of the dump of 2024-06-03 in "
    )
    info = runner.invoke(main, ["index", "info", str(output)])
    assert info.exit_code == 0, info.output
    lines = info.stdout.splitlines()
    assert lines[:7] == [
        f"path: {output}", "kind: dblp", "schema version: 1", "records: 41", "proceedings: 3",
        "dump: dblp.xml", "dump date: 2024-06-03",
    ]  # fmt: skip
    assert lines[8] == (
        "elements in the dump: article 16, book 1, incollection 1, inproceedings 24, phdthesis 3, "
        "proceedings 3, www 1"
    )


def test_index_info_shows_every_index_bibnorm_would_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"BIBNORM_CACHE_DIR": str(tmp_path / "cache"), "BIBNORM_SNAPSHOT": "", "BIBNORM_DBLP_INDEX": ""}
    runner = CliRunner()
    built = runner.invoke(main, ["index", "build", str(DUMP)], env=env)  # to the default place
    assert built.exit_code == 0, built.output
    assert (tmp_path / "cache" / "dblp.sqlite").is_file()
    info = runner.invoke(main, ["index", "info"], env=env)
    assert info.exit_code == 0, info.output
    assert info.stdout.splitlines()[:2] == [f"path: {tmp_path / 'cache' / 'dblp.sqlite'}", "kind: dblp"]


def test_index_info_json_is_an_array_of_one_object_for_each_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    env = {"BIBNORM_CACHE_DIR": str(cache), "BIBNORM_SNAPSHOT": "", "BIBNORM_DBLP_INDEX": ""}
    runner = CliRunner()
    for dump in (DUMP, FIXTURES / "demo" / "snapshot.jsonl"):
        built = runner.invoke(main, ["index", "build", str(dump)], env=env)
        assert built.exit_code == 0, built.output
    info = runner.invoke(main, ["index", "info", "--json"], env=env)
    assert info.exit_code == 0, info.output
    dblp, snapshot = json.loads(info.stdout)
    assert {key: dblp[key] for key in ("kind", "path", "records", "proceedings", "dump", "dump_date")} == {
        "kind": "dblp",
        "path": str(cache / "dblp.sqlite"),
        "records": 41,
        "proceedings": 3,
        "dump": "dblp.xml",
        "dump_date": "2024-06-03",
    }
    assert dblp["elements"]["inproceedings"] == 24
    assert sorted(dblp) == [
        "built_at", "dump", "dump_date", "elements", "kind", "path", "proceedings", "records",
        "schema_version",
    ]  # fmt: skip
    assert {key: snapshot[key] for key in ("kind", "path", "records", "sources")} == {
        "kind": "snapshot",
        "path": str(cache / "snapshot.sqlite"),
        "records": 177,
        "sources": ["snapshot.jsonl"],
    }
    assert sorted(snapshot) == ["built_at", "kind", "path", "records", "schema_version", "sources"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["index", "build", str(DUMP), str(DUMP), "-o", "x.sqlite"],
            "bibnorm: error: give one dblp dump (dblp.xml.gz) at a time\n",
            id="two-dumps",
        ),
        pytest.param(
            [
                "index",
                "build",
                str(FIXTURES / "demo" / "snapshot.jsonl"),
                "--dtd",
                str(DTD),
                "-o",
                "x.sqlite",
            ],
            "bibnorm: error: --dtd is for a dblp dump; arXiv snapshot files have no DTD\n",
            id="dtd-for-a-snapshot",
        ),
        pytest.param(
            ["index", "build", str(DUMP), str(FIXTURES / "demo" / "snapshot.jsonl"), "-o", "x.sqlite"],
            "bibnorm: error: give the files of one index at a time (a dblp dump, or arXiv snapshot files)\n",
            id="mixed-inputs",
        ),
    ],
)
def test_index_usage_errors_are_one_line_with_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert not (tmp_path / "x.sqlite").exists()


def test_a_dblp_index_is_not_taken_for_a_snapshot(built: tuple[Path, dblp_index.DblpBuildStats]) -> None:
    from bibnorm.resolvers.snapshot import index_info

    with pytest.raises(SnapshotError, match="is a dblp index, not a snapshot index"):
        index_info(built[0])


def test_a_configured_dblp_index_that_is_missing_stops_resolve_before_any_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "titles.txt").write_text("Scaling Vision Transformers\n", encoding="utf-8")
    env = {
        "BIBNORM_DBLP_INDEX": "missing.sqlite",
        "BIBNORM_CACHE_DIR": str(tmp_path / "cache"),
        "BIBNORM_SNAPSHOT": "",
        "BIBNORM_ARXIV_API_URL": "http://127.0.0.1:9",
    }
    result = CliRunner().invoke(main, ["resolve", "titles.txt"], env=env)
    assert result.exit_code == 1
    assert result.stderr == (
        "bibnorm: error: missing.sqlite: no dblp index there; "
        "build one with 'bibnorm index build dblp.xml.gz'\n"
    )
    assert not (tmp_path / "cache").exists()  # no session was made, no request sent


def test_a_common_title_finds_its_paper_among_many_records_of_that_title(tmp_path: Path) -> None:
    """dblp holds dozens of papers titled "Deep Learning": authors and year choose among all of them."""
    others = [
        {"type": "Journal Articles", "key": f"journals/synthetic/Other{n}", "title": "Deep Learning.",
         "authors": {"author": [f"Synthetic Author{n:03d}"]}, "venue": "Synthetic J.",
         "year": str(2000 + n % 20)}
        for n in range(60)
    ]  # fmt: skip
    lecun = {
        "type": "Journal Articles", "key": "journals/nature/LeCunBH15", "title": "Deep learning.",
        "authors": {"author": ["Yann LeCun", "Yoshua Bengio", "Geoffrey E. Hinton"]}, "venue": "Nat.",
        "volume": "521", "number": "7553", "pages": "436-444", "year": "2015",
    }  # fmt: skip
    dump = tmp_path / "dblp.xml"
    write_dump([record_xml(info) for info in [*others, lecun]], dump)
    build_dblp_index(dump, tmp_path / "dblp.sqlite")
    with DblpIndex(tmp_path / "dblp.sqlite") as many:
        assert len(many.records_titled("Deep Learning")) == 61
        [published], problems = local(
            many, paper("Deep Learning", ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"], 2015, 5)
        )
    assert (published.ids.dblp, published.volume, published.pages, problems) == (
        "journals/nature/LeCunBH15", "521", "436--444", [],
    )  # fmt: skip


def test_elements_not_kept_left_unclosed_are_cut_in_linear_time(tmp_path: Path) -> None:
    """100,000 ``<www>`` start tags without an end before a record's end: each is looked for
    once (searching every one to the chunk's end took hours at 400,000), and the chunk is then
    the parser's to refuse."""
    data = DUMP.read_bytes()
    body = data.index(b"<dblp>") + len(b"<dblp>")
    dump = tmp_path / "dblp.xml"
    dump.write_bytes(
        data[:body] + b"\n<article key='x'>" + b"<www key='y'>" * 100_000 + b"</article>\n</dblp>\n"
    )
    shutil.copy(DTD, tmp_path / "dblp.dtd")
    with pytest.raises(InputError) as failed:
        build_dblp_index(dump, tmp_path / "dblp.sqlite")
    assert str(failed.value) == f"{dump}: line 4: not well-formed XML (mismatched tag)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dblp.dtd", "dblp.xml"]
