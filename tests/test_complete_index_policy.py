"""When an OpenAlex works index's silence counts: the fabricated-offline policy.

Offline, a title no index holds is ``unverifiable`` — an index may hold only part of OpenAlex.
Only an index built from a full works snapshot (the folder whose manifest lists every part, all
present: OpenAlex writes the manifest last) records that it is complete, with the snapshot's
date; then a paper dated before that year that it does not hold is ``not_found`` "in a complete
index of <date>" (BN706), never called fabricated. The works are the OpenAlex API's own sample
(the snapshot's lines are the same objects).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED, main
from bibnorm.resolvers.openalex_works import complete_as_of
from click.testing import CliRunner
from paths import REFERENCE

WORK = json.loads((REFERENCE / "api-samples/openalex/work-by-doi-url.json").read_text(encoding="utf-8"))
PART = "updated_date=2026-06-24/part_0000.gz"
S3 = "s3://openalex/data/jsonl/works/"


def write_works(
    folder: Path, parts: list[str], manifest: dict | None, works: tuple[dict, ...] = (WORK,)
) -> Path:
    for name in parts:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(folder / name, "wt", encoding="utf-8") as part:
            part.writelines(json.dumps(work) + "\n" for work in works)
    if manifest is not None:
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def manifest(parts: list[str], **extra: str) -> dict:
    return {"format": "jsonl", "entity": "works", "files": [{"url": S3 + name} for name in parts], **extra}


@pytest.mark.parametrize(
    ("parts", "listed", "named", "expected"),
    [
        pytest.param([PART], manifest([PART], date="2026-06-25"), "folder", "2026-06-25", id="full-snapshot"),
        pytest.param(
            [PART, "updated_date=2025-11-02/part_0003.gz"],
            {"entries": [{"url": S3 + PART}, {"url": S3 + "updated_date=2025-11-02/part_0003.gz"}]},
            "folder",
            "2026-06-24",
            id="earlier-manifest-dated-by-its-latest-partition",
        ),
        pytest.param([PART], None, "folder", None, id="no-manifest"),
        pytest.param(
            [PART],
            manifest([PART, "updated_date=2026-06-24/part_0001.gz"], date="2026-06-25"),
            "folder",
            None,
            id="a-listed-part-missing",
        ),
        pytest.param(
            [PART], manifest([PART], date="2026-06-25"), "part", "2026-06-25", id="parts-named-one-by-one"
        ),
        pytest.param(
            [PART, "updated_date=2026-06-24/part_0001.gz"],
            manifest([PART, "updated_date=2026-06-24/part_0001.gz"], date="2026-06-25"),
            "part",
            None,
            id="some-listed-parts-not-read",
        ),
        pytest.param(["part_0000.gz"], None, "loose", None, id="a-part-outside-the-snapshot-layout"),
        pytest.param([PART], manifest([PART], date="someday"), "folder", None, id="a-date-that-is-no-date"),
    ],
)
def test_an_index_is_complete_only_when_built_from_a_whole_snapshot(
    tmp_path: Path, parts: list[str], listed: dict | None, named: str, expected: str | None
) -> None:
    folder = write_works(tmp_path / "works", parts, listed)
    given = {"folder": [folder], "part": [folder / PART], "loose": [folder / "part_0000.gz"]}[named]
    assert complete_as_of(given) == expected


def cited(title: str, year: int) -> str:
    fields = f"  author = {{Ada Lovelace}},\n  title = {{{title}}},\n  journal = {{Nature}},\n"
    return f"@article{{cited,\n{fields}  year = {{{year}}}\n}}\n"


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))

    def built(listed: dict | None, works: tuple[dict, ...] = (WORK,)) -> str:
        folder = write_works(tmp_path / "works", [PART], listed, works)
        result = CliRunner().invoke(main, ["index", "build", str(folder / PART), "-o", "works.sqlite"])
        assert result.exit_code == EXIT_OK, result.output
        monkeypatch.setenv("BIBNORM_OPENALEX_WORKS", str(tmp_path / "works.sqlite"))
        return CliRunner().invoke(main, ["index", "info", "works.sqlite"]).stdout

    return built


def verify_offline(bib: str) -> tuple[int, dict]:
    Path("refs.bib").write_text(bib, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--offline", "--json", "refs.bib"])
    (entry,) = json.loads(result.stdout)["entries"]
    return result.exit_code, entry


def test_a_complete_index_says_not_found_for_an_older_paper_it_does_not_hold(build) -> None:
    info = build(manifest([PART], date="2026-06-25"))
    assert "complete as of: 2026-06-25" in info

    status, entry = verify_offline(cited("A Study Nobody Wrote About Quantum Llamas", 2020))

    assert (status, entry["verdict"]) == (EXIT_FINDINGS, "not_found")
    (finding,) = entry["findings"]
    assert finding["code"] == "BN706"
    assert finding["message"] == (
        "no paper with this title in openalex-works (a complete index of 2026-06-25)"
    )
    assert "fabricat" not in json.dumps(entry)


@pytest.mark.parametrize(
    ("listed", "year", "because"),
    [
        pytest.param(
            manifest([PART], date="2026-06-25"), 2026, "the snapshot's year", id="not-before-the-snapshot"
        ),
        pytest.param(None, 2020, "no manifest", id="index-not-complete"),
    ],
)
def test_otherwise_silence_leaves_it_unverifiable(
    build, listed: dict | None, year: int, because: str
) -> None:
    info = build(listed)
    assert ("complete as of: 2026-06-25" in info) == (listed is not None), because

    status, entry = verify_offline(cited("A Study Nobody Wrote About Quantum Llamas", year))

    # Nothing verified offline: the run exits as one that verified nothing does.
    assert (status, entry["verdict"]) == (EXIT_SOURCES_FAILED, "unverifiable"), because
    assert entry["unverifiable_because"] == ["offline"]


def test_a_paper_the_complete_index_holds_is_still_verified(build) -> None:
    build(manifest([PART], date="2026-06-25"))
    authors = " and ".join(a["author"]["display_name"] for a in WORK["authorships"])
    bib = (
        f"@article{{cited,\n  author = {{{authors}}},\n  title = {{{WORK['title']}}},\n"
        f"  journal = {{Cell Genomics}},\n  year = {{2025}}\n}}\n"
    )
    status, entry = verify_offline(bib)
    assert (status, entry["verdict"]) == (EXIT_OK, "verified")


# A printed reference (a PDF's, a pasted list's) is split into names, title and venue by its
# reader, now and then in the wrong place: a complete index must not call the paper missing for
# that, nor its venue wrong (normalizer/text/printed.py).
ALAA = WORK | {
    "id": "https://openalex.org/W4",
    "doi": None,
    "title": "How Faithful is your Synthetic Data? "
    "Sample-level Metrics for Evaluating and Auditing Generative Models",
    "publication_year": 2022,
    "publication_date": "2022-07-17",
    "authorships": [
        {"author": {"display_name": name}}
        for name in ("Ahmed M. Alaa", "Boris van Breugel", "Evgeny S. Saveliev", "Mihaela van der Schaar")
    ],
    "primary_location": {
        "source": {"display_name": "International Conference on Machine Learning", "type": "conference"}
    },
}
JOINS = WORK | {
    "id": "https://openalex.org/W5",
    "doi": None,
    "title": "Continual Observation of Joins under Differential Privacy",
    "publication_year": 2024,
    "publication_date": "2024-02-01",
    "authorships": [{"author": {"display_name": "Wei Dong"}}, {"author": {"display_name": "Ke Yi"}}],
    "primary_location": {"source": {"display_name": "Proc. ACM Manag. Data", "type": "journal"}},
}
ATTENTION = WORK | {
    "id": "https://openalex.org/W6",
    "doi": None,
    "title": "Attention Is All You Need",
    "publication_year": 2017,
    "publication_date": "2017-12-04",
    "authorships": [
        {"author": {"display_name": "Ashish Vaswani"}},
        {"author": {"display_name": "Noam Shazeer"}},
    ],
    "primary_location": {
        "source": {"display_name": "Neural Information Processing Systems", "type": "conference"}
    },
}
LIST = "".join(
    f"[{number}] {reference}\n"
    for number, reference in enumerate(
        [
            "Ahmed M. Alaa, Boris van Breugel, Evgeny S. Saveliev, Mihaela van der Schaar. How Faithful is"
            " your Synthetic Data? Sample-level Metrics for Evaluating and Auditing Generative Models."
            " In ICML, 2022.",
            "Wei Dong, Ke Yi. Continual Observation of Joins under Differential Privacy. In Proc. ACM"
            " Manag. Data, 2024.",
            "Cem Subakan, Mirco Ravanelli. Attention Is All You Need in Speech Separation. In ICASSP, 2021.",
            "Wei Dong, Ke Yi. Continual Observation of Llamas under Quantum Privacy. In Proc. ACM Manag."
            " Data, 2024.",
        ],
        1,
    )
)


def test_a_printed_list_read_in_the_wrong_places_is_judged_by_what_it_prints(build) -> None:
    info = build(manifest([PART], date="2026-06-25"), (WORK, ALAA, JOINS, ATTENTION))
    assert "complete as of: 2026-06-25" in info
    Path("refs.txt").write_text(LIST, encoding="utf-8")

    result = CliRunner().invoke(main, ["verify", "--offline", "--json", "refs.txt"])
    entries = json.loads(result.stdout)["entries"]

    read = [(entry["read"]["title"], entry["read"].get("venue")) for entry in entries]
    # What the reader made of the first one: the title of two sentences whole, up to the venue's "In".
    assert read[:2] == [
        (
            "How Faithful is your Synthetic Data? Sample-level Metrics for Evaluating and Auditing"
            " Generative Models",
            "ICML",
        ),
        ("Continual Observation of Joins under Differential Privacy", "Proc. ACM Manag. Data"),
    ]
    verdicts = [(entry["verdict"], [f["code"] for f in entry["findings"]]) for entry in entries]
    assert verdicts == [
        ("verified", []),  # the title the text prints is the paper's, and so is ICML
        ("verified", []),  # the venue printed after the title is the paper's
        ("not_found", ["BN706"]),  # another paper than the one whose title starts it
        ("not_found", ["BN706"]),  # a title no paper has, cited before the snapshot's year
    ]
    assert entries[0]["matched"]["title"] == ALAA["title"]
