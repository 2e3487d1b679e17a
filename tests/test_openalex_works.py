"""The local OpenAlex works index (resolvers/openalex_works.py): built from the works snapshot,
whose lines are the Work objects the API returns, and asked by ``verify`` before any source."""

from __future__ import annotations

import copy
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_OK, main
from bibnorm.resolvers.openalex_works import OpenAlexWorks, build_works_index
from click.testing import CliRunner
from paths import REFERENCE

SAMPLE = REFERENCE / "api-samples/openalex/work-by-doi-url.json"


def work() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def retracted(updated: str, is_retracted: bool) -> dict:
    """Another work, as a later (or earlier) partition of the snapshot holds it."""
    changed = copy.deepcopy(work())
    changed |= {
        "id": "https://openalex.org/W1",
        "doi": "https://doi.org/10.9999/retracted.1",
        "title": "A Retracted Study of Things",
        "display_name": "A Retracted Study of Things",
        "is_retracted": is_retracted,
        "updated_date": updated,
    }
    return changed


def write_part(path: Path, works: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as part:
        part.write("".join(json.dumps(w) + "\n" for w in works) + "not json\n")
    return path


def entry(key: str, title: str, doi: str | None = None) -> str:
    authors = " and ".join(a["author"]["display_name"] for a in work()["authorships"])
    doi_line = f"  doi = {{{doi}}},\n" if doi else ""
    return (
        f"@article{{{key},\n  author = {{{authors}}},\n  title = {{{title}}},\n"
        f"  journal = {{Cell Genomics}},\n{doi_line}  year = {{2025}}\n}}\n\n"
    )


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    snapshot = tmp_path / "works"
    # Partitions by updated_date: the later one says the work was retracted since.
    write_part(snapshot / "updated_date=2025-08-01/part_000.gz", [retracted("2025-08-01T00:00:00", True)])
    write_part(
        snapshot / "updated_date=2025-01-01/part_000.gz", [work(), retracted("2025-01-01T00:00:00", False)]
    )
    parts = [str(path) for path in sorted(snapshot.rglob("*.gz"), reverse=True)]  # the later one first
    result = CliRunner().invoke(main, ["index", "build", *parts, "-o", "works.sqlite"])
    assert result.exit_code == EXIT_OK, result.output
    assert "indexed 2 OpenAlex works (2 skipped)" in result.stderr + result.stdout
    monkeypatch.setenv("BIBNORM_OPENALEX_WORKS", str(tmp_path / "works.sqlite"))
    return tmp_path / "works.sqlite"


def test_offline_the_index_verifies_by_doi_and_title_and_reports_retractions(index: Path) -> None:
    title = work()["title"]
    Path("refs.bib").write_text(
        entry("by_doi", title, "10.1016/j.xgen.2025.100814")
        + entry("by_title", title)
        + entry("retracted", "A Retracted Study of Things", "10.9999/retracted.1")
        + entry("invented", "A Study Nobody Wrote"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["verify", "--offline", "--json", "refs.bib"])

    verdicts = {
        e["key"]: (e["verdict"], [f["code"] for f in e["findings"]])
        for e in json.loads(result.stdout)["entries"]
    }
    assert verdicts == {
        "by_doi": ("verified", []),
        "by_title": ("verified", []),
        "retracted": ("verified", ["BN751"]),  # the later partition's word wins
        "invented": ("unverifiable", ["BN700"]),  # offline, the index's silence proves nothing
    }


def test_index_info_names_the_kind_and_the_records(index: Path) -> None:
    result = CliRunner().invoke(main, ["index", "info", str(index)])
    assert result.stdout.splitlines()[1:4] == ["kind: openalex-works", "schema version: 2", "records: 2"]


def test_the_snapshots_own_lines_build_an_index_that_verifies_a_preprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """works-sample.jsonl: three lines of the real works snapshot (a journal article, a Cell
    Genomics paper, an arXiv preprint OpenAlex dates 2023-01-01)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    sample = REFERENCE / "formats/openalex-snapshot/works-sample.jsonl"
    result = CliRunner().invoke(main, ["index", "build", str(sample), "-o", "works.sqlite"])
    assert "indexed 3 OpenAlex works (0 skipped)" in result.stderr + result.stdout
    monkeypatch.setenv("BIBNORM_OPENALEX_WORKS", str(tmp_path / "works.sqlite"))
    Path("refs.bib").write_text(
        "@article{bran2023,\n  author = {Andres M. Bran and Sam Cox"
        " and Andrew D. White and Philippe Schwaller},\n  title = {ChemCrow: Augmenting large-language models"
        " with chemistry tools},\n  journal = {arXiv preprint arXiv:2304.05376},\n  year = {2023}\n}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["verify", "--offline", "--json", "refs.bib"])
    (entry,) = json.loads(result.stdout)["entries"]
    assert (entry["verdict"], entry["matched"]["source"]) == ("verified", "openalex-works")


def test_a_build_in_worker_processes_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from bibnorm.resolvers import openalex_works

    monkeypatch.setattr(openalex_works, "CHUNK_LINES", 3)  # many chunks from a few lines
    works = [work(), retracted("2025-01-01T00:00:00", False), retracted("2025-08-01T00:00:00", True)]
    part = write_part(tmp_path / "part_000.gz", works * 4)
    one = openalex_works.build_works_index([part], tmp_path / "one.sqlite", jobs=1)
    two = openalex_works.build_works_index([part], tmp_path / "two.sqlite", jobs=2)

    def rows(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as connection:
            return connection.execute(
                "SELECT id, updated, doi, title_hash, record FROM records ORDER BY id"
            ).fetchall()

    assert (one.records, one.skipped, two.records, two.skipped) == (2, 1, 2, 1)
    assert rows(tmp_path / "two.sqlite") == rows(tmp_path / "one.sqlite")
    assert json.loads(rows(tmp_path / "one.sqlite")[0][4])["is_retracted"] is True  # W1: the later date


def titled(number: int, title: str) -> dict:
    return work() | {
        "id": f"https://openalex.org/W{number}",
        "doi": None,
        "title": title,
        "display_name": title,
    }


@pytest.fixture
def titles(tmp_path: Path) -> Iterator[OpenAlexWorks]:
    """An index of works whose titles have subtitles, or none."""
    part = write_part(
        tmp_path / "updated_date=2026-01-01/part_000.gz",
        [
            titled(10, "Is Attention All You Need? A Study of Transformers"),
            titled(11, "Deep Residual Learning: Going Deeper with Shortcuts"),
            titled(12, "Graph Neural Networks at Scale"),
            titled(13, "Attention Is All You Need"),
            titled(14, "Learning: A Survey"),
        ],
    )
    build_works_index([part], tmp_path / "titles.sqlite")
    works = OpenAlexWorks(tmp_path / "titles.sqlite")
    yield works
    works.close()


@pytest.mark.parametrize(
    ("cited", "found"),
    [
        pytest.param("Is Attention All You Need?", ["W10"], id="subtitle-after-a-question-left-out"),
        pytest.param("Deep Residual Learning", ["W11"], id="subtitle-after-a-colon-left-out"),
        pytest.param("Graph Neural Networks at Scale: A Benchmark", ["W12"], id="a-subtitle-the-paper-lacks"),
        pytest.param("Learning", [], id="a-head-too-short-names-no-paper"),
        pytest.param("Residual Learning", [], id="not-the-head"),
    ],
)
def test_a_title_is_found_with_its_subtitle_added_or_left_out(
    titles: OpenAlexWorks, cited: str, found: list[str]
) -> None:
    assert [record["id"] for record in titles.by_subtitle_variant(cited)] == found


@pytest.mark.parametrize(
    ("text", "read", "found"),
    [
        pytest.param(
            "A. Vaswani. Is Attention All You Need? A Study of Transformers. In NeurIPS, 2017.",
            "Is Attention All You",
            ["W10"],
            id="the-title-read-cut-short",
        ),
        pytest.param(
            "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun. Deep Residual Learning: Going Deeper with "
            "Shortcuts. In CVPR, 2016.",
            "Sun",
            ["W11"],
            id="a-name-read-as-the-title",
        ),
        pytest.param(
            "Kaiming He, Jian Sun. Graph Neural Networks at Scale. In KDD, 2020.",
            "In KDD",
            ["W12"],
            id="the-title-read-as-names-the-venue-as-the-title",
        ),
        pytest.param(
            "C. Subakan. Attention Is All You Need in Speech Separation. In ICASSP, 2021.",
            "Attention Is All You Need in Speech Separation",
            [],
            id="a-title-the-words-read-run-past-is-another-papers",
        ),
        pytest.param(
            "A. B. Graph Neural Networks. In KDD, 2020.", "Something Not Printed", [], id="read-elsewhere"
        ),
    ],
)
def test_a_printed_reference_finds_the_title_it_carries_where_its_title_was_read(
    titles: OpenAlexWorks, text: str, read: str, found: list[str]
) -> None:
    assert [record["id"] for record in titles.titles_near(read, text)] == found
