"""`bibnorm resolve` on the five scraped pages against both fake APIs, end to end.

The fakes (tests/fakes/arxiv_api.py, tests/fakes/s2_api.py, started together by
tests/fakes/servers.py) hold real records for the 177 papers of
``shared/reference/dev-gold.jsonl`` plus near-miss decoys (arXiv ids ``2912.9xxxx``, S2
paper ids ``decoy…``); the other 433 distinct page titles are on neither fake, as if
the papers did not exist. One cold run with an S2 API key is shared by most tests; the
others start from its warm cache or from an empty one. Retries are made fast by a
``bibnorm.toml`` (3 attempts, no backoff) in the run's working directory.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bibnorm
import pytest
from bibnorm.cli import EXIT_SOURCES_FAILED, main
from bibnorm.writers.csl_json import validate_csl
from click.testing import CliRunner, Result
from clients import PDFLATEX, latex_errors, need, run
from fakes.arxiv_api import DECOY_PREFIX
from fakes.s2_api import DECOYS, RecordedRequest
from fakes.servers import FakeApis, one_host, running_fakes
from paths import SHARED
from records import entries_by_arxiv_id
from title_census import census

PAGES = sorted((SHARED / "inputs" / "hf-papers").glob("*.txt"))
GOLD = SHARED / "reference" / "dev-gold.jsonl"
SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"

SECRET = "some-secret-value"  # the key the fake S2 expects; may appear in no file and no output
WRONG_KEY = "wrong-key-4e1d0b"
ITEMS = 695  # items on the five pages (85 repeat a title of another page)
DISTINCT = 610
GOLD_TITLES = 177  # every dev-gold title is on the pages, and both fakes hold every gold paper
CONFIG = "max_attempts = 3\nbackoff_base = 0.0\ntimeout = 5.0\n"


def _gold() -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["title"]: row for row in rows}


GOLD_BY_TITLE = _gold()


@dataclass
class Run:
    """One ``bibnorm resolve`` over the five pages and what the fakes saw meanwhile."""

    result: Result
    report: dict[str, Any]
    output: bytes
    arxiv_requests: list[tuple[str, dict[str, str]]]
    s2_requests: list[RecordedRequest]
    published_source_requests: int = 0  # dblp's and Crossref's together

    @property
    def requests(self) -> int:
        return len(self.arxiv_requests) + len(self.s2_requests) + self.published_source_requests

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.report["items"]

    def text_everywhere(self) -> str:
        return self.result.stdout + self.result.stderr + json.dumps(self.report) + self.output.decode("utf-8")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes(expected_key=SECRET) as fakes:
        yield fakes


def resolve(
    apis: FakeApis,
    workdir: Path,
    cache: Path,
    name: str,
    *args: str,
    key: str = SECRET,
    inputs: Sequence[Path] = PAGES,
    exit_code: int = 0,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``bibnorm resolve`` in ``workdir`` (its bibnorm.toml applies) with a fresh request log."""
    apis.reset()
    output = workdir / name
    report = workdir / f"{name}.report.json"
    with contextlib.chdir(workdir):
        result = CliRunner().invoke(
            main,
            ["resolve", *map(str, inputs), "-o", str(output), "--report", str(report), *args],
            env={**apis.env(cache, api_key=key), **(env or {})},
        )
    assert result.exit_code == exit_code, result.output
    return Run(
        result,
        json.loads(report.read_text(encoding="utf-8")),
        output.read_bytes() if output.exists() else b"",  # a run that settled nothing writes nothing
        apis.arxiv_requests,
        apis.s2_requests,
        len(apis.dblp.requests) + len(apis.crossref.requests),
    )


def resolve_with_plan(
    apis: FakeApis,
    workdir: Path,
    cache: Path,
    name: str,
    arxiv_plan: Any,
    s2_plan: Any,
    s2_routes: dict[str, str] | None = None,
) -> Run:
    """Like `resolve`, with per-request fault plans armed on the fakes for this run only."""
    apis.plan_faults(arxiv_plan, s2_plan, s2_routes=s2_routes)
    output, report = workdir / name, workdir / f"{name}.report.json"
    try:
        with contextlib.chdir(workdir):
            result = CliRunner().invoke(
                main,
                ["resolve", *map(str, PAGES), "-o", str(output), "--report", str(report)],
                env=apis.env(cache, api_key=SECRET),
            )
        run = Run(
            result,
            json.loads(report.read_text(encoding="utf-8")) if report.exists() else {},
            output.read_bytes() if output.exists() else b"",
            apis.arxiv_requests,
            apis.s2_requests,
            len(apis.dblp.requests) + len(apis.crossref.requests),
        )
    finally:
        apis.reset()
    return run


@pytest.fixture(scope="module")
def cold(apis: FakeApis, workdir: Path) -> Run:
    """The shared cold run: five pages, empty cache, with the S2 key, BibTeX out."""
    return resolve(apis, workdir, workdir / "cache", "cold.bib")


def test_both_sources_behind_one_host_resolve_the_pages_exactly_as_apart(
    apis: FakeApis, workdir: Path, cold: Run
) -> None:
    """A mirror, a proxy or one test server: each source keeps its own spacing, validator and counter."""
    with one_host(apis) as urls:
        run = resolve(apis, workdir, workdir / "one-host-cache", "one-host.bib", env=urls)
    assert run.output == cold.output
    assert [(i["status"], i["arxiv_id"], i["doi"]) for i in run.items] == [
        (i["status"], i["arxiv_id"], i["doi"]) for i in cold.items
    ]
    assert run.report["summary"]["requests"] == cold.report["summary"]["requests"]
    assert (len(run.arxiv_requests), len(run.s2_requests)) == (
        len(cold.arxiv_requests),
        len(cold.s2_requests),
    )


@pytest.fixture(scope="module")
def warm(apis: FakeApis, workdir: Path, cold: Run) -> Run:
    return resolve(apis, workdir, workdir / "cache", "warm.bib")


@dataclass
class Resolved:
    """The five pages resolved once, in this process, with the settings the command reads in
    ``workdir``: every format and style is rendered from these resolutions, as `resolve` renders
    the one it is asked for."""

    resolutions: list[bibnorm.Resolution]
    settings: bibnorm.Settings

    def text(self, fmt: str = "bibtex", **settings: Any) -> bytes:
        chosen = self.settings.model_copy(update=settings)
        return bibnorm.write(self.resolutions, format=fmt, settings=chosen).encode("utf-8")


@pytest.fixture(scope="module")
def resolved(apis: FakeApis, workdir: Path, cold: Run) -> Resolved:
    """The pages resolved from the cold run's cache through the API (`resolve_files`, what the
    command runs): no request, and the very bibliography the command wrote."""
    apis.reset()
    environ = {**os.environ, **apis.env(workdir / "cache", api_key=SECRET)}
    settings = bibnorm.load_settings(environ=environ, cwd=workdir)
    with contextlib.chdir(workdir):
        run = bibnorm.resolve_files(
            bibnorm.plan_resolve(bibnorm.ResolveJob(inputs=tuple(map(str, PAGES))), settings)
        )
    assert (apis.arxiv_requests, apis.s2_requests) == ([], [])
    assert run.text.encode("utf-8") == cold.output
    return Resolved(run.result.resolutions, run.settings)


def _snapshot_authorless() -> set[str]:
    rows = (json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"] for row in rows if not row.get("authors")}


def _bib_by_eprint(text: bytes) -> dict[str, Any]:
    return entries_by_arxiv_id(text.decode("utf-8"))


# --------------------------------------------------------------------------- matching


def test_every_item_is_reported_once_in_input_order(cold: Run) -> None:
    assert [item["index"] for item in cold.items] == list(range(ITEMS))
    assert cold.report["summary"]["items"] == ITEMS
    assert cold.report["summary"]["distinct"] == DISTINCT
    assert cold.report["summary"]["failed"] == 0
    first, last = cold.items[0], cold.items[-1]
    assert first["origin"].endswith("000_2f030982820f2c30.txt:3")
    assert last["origin"].startswith(str(PAGES[-1]))


def test_no_resolved_item_contradicts_the_gold_ids_and_every_gold_title_resolves(
    cold: Run, apis: FakeApis
) -> None:
    assert len(GOLD_BY_TITLE) == GOLD_TITLES
    on_pages = {item["input_title"] for item in cold.items} & set(GOLD_BY_TITLE)
    assert len(on_pages) == GOLD_TITLES
    # What the fakes hold: every gold paper on both (S2 by its arXiv id).
    held = {t for t in on_pages if GOLD_BY_TITLE[t]["arxiv_id"] in apis.arxiv.api.by_id}
    held &= {t for t in on_pages if apis.s2.index.get(f"ARXIV:{GOLD_BY_TITLE[t]['arxiv_id']}") is not None}
    assert held == on_pages

    resolved = [item for item in cold.items if item["status"] == "resolved"]
    wrong = [
        (item["input_title"], item["arxiv_id"])
        for item in resolved
        if item["input_title"] in GOLD_BY_TITLE
        and item["arxiv_id"] != GOLD_BY_TITLE[item["input_title"]]["arxiv_id"]
    ]
    assert wrong == []
    assert {item["input_title"] for item in resolved} == held  # the other 433 titles are on no fake
    assert cold.report["summary"]["resolved"] == 215  # the 177 gold titles, 38 of them twice


def test_nothing_resolves_to_a_decoy(cold: Run) -> None:
    decoy_titles = {title for title, _ in DECOYS}
    for item in cold.items:
        if item["status"] == "resolved":
            assert not (item["arxiv_id"] or "").startswith(DECOY_PREFIX), item
            assert item["title"] not in decoy_titles, item
    assert "Synthetic Decoy" not in cold.output.decode("utf-8")
    assert DECOY_PREFIX not in cold.output.decode("utf-8")


def test_unresolved_items_say_why(cold: Run) -> None:
    for item in cold.items:
        if item["status"] != "resolved":
            assert item["problems"], item["input_title"]


# --------------------------------------------------------------------------- published version


@pytest.mark.parametrize(
    ("arxiv_id", "entry_type", "container", "year"),
    [
        pytest.param(
            "2106.04560",
            "inproceedings",
            (
                "booktitle",
                "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            ),
            "2022",
            id="scaling-vit-cvpr-2022",
        ),
        pytest.param(
            "2207.01405",
            "inproceedings",
            ("booktitle", "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)"),
            "2023",
            id="i-vit-iccv-2023",
        ),
        pytest.param(
            "2410.09132",
            "inproceedings",
            (
                "booktitle",
                "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD)",
            ),
            "2025",
            id="graph-multimodal-kdd-2025",
        ),
    ],
)
def test_published_versions_are_cited_with_the_arxiv_id_in_the_note(
    cold: Run, arxiv_id: str, entry_type: str, container: tuple[str, str], year: str
) -> None:
    entry = _bib_by_eprint(cold.output)[arxiv_id]
    assert entry.entry_type == entry_type
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert fields[container[0]] == container[1]
    assert fields["year"] == year
    # No DOI: the free copy's id is how a reader finds the paper, in the note every style prints
    # (and no eprint, which ACM-Reference-Format and biblatex would print again).
    assert fields["note"].startswith(f"arXiv:{arxiv_id} [")
    assert "eprint" not in fields and "archiveprefix" not in fields


def test_every_gold_venue_upgrades_with_dblps_venue_and_no_month_or_arxiv_doi(cold: Run) -> None:
    """Semantic Scholar says these papers were published but gives no DOI, so dblp (the venue's
    authority) is searched and names the venue; no source dates them, so no month is printed."""
    entries = _bib_by_eprint(cold.output)
    upgraded = 0
    for item in cold.items:
        gold = GOLD_BY_TITLE.get(item["input_title"])
        if gold is None or item["duplicate_of"] is not None:
            continue
        entry = entries[gold["arxiv_id"]]
        if gold.get("venue"):
            upgraded += 1
            assert item["entry_type"] in ("inproceedings", "article"), gold["title"]
            assert item["provenance"]["venue"] == "dblp"
            assert "month" not in entry.fields_dict and "doi" not in entry.fields_dict
            assert entry.entry_type == item["entry_type"]
            assert ("booktitle" if entry.entry_type == "inproceedings" else "journal") in entry.fields_dict
            assert entry.fields_dict["year"].value == str(gold["year"])
            assert entry.fields_dict["note"].value.startswith(f"arXiv:{gold['arxiv_id']}")
        else:
            assert item["entry_type"] == "preprint", gold["title"]
            assert entry.entry_type == "misc"
    assert upgraded == 101  # gold rows with a venue


def test_prefer_preprint_keeps_every_entry_misc(apis: FakeApis, workdir: Path, cold: Run) -> None:
    run = resolve(apis, workdir, workdir / "cache", "preprint.bib", "--prefer", "preprint")
    assert run.arxiv_requests == [] and run.s2_requests == []
    entries = _bib_by_eprint(run.output)
    assert {entry.entry_type for entry in entries.values()} == {"misc"}
    scaling = entries["2106.04560"].fields_dict
    assert "booktitle" not in scaling
    assert scaling["howpublished"].value.startswith("arXiv:2106.04560")
    assert scaling["year"].value == "2021"


# --------------------------------------------------------------------------- cache


def test_a_second_run_makes_no_request_and_writes_the_same_bytes(cold: Run, warm: Run) -> None:
    assert cold.report["summary"]["requests_total"] == cold.requests > 0
    assert warm.requests == 0
    assert warm.report["summary"]["requests_total"] == 0
    assert warm.report["summary"]["cache_hits"] > 0
    assert warm.output == cold.output


def test_offline_on_a_warm_cache_gives_the_same_output_without_requests(
    apis: FakeApis, workdir: Path, cold: Run
) -> None:
    run = resolve(apis, workdir, workdir / "cache", "offline-warm.bib", "--offline")
    assert run.arxiv_requests == [] and run.s2_requests == []
    assert run.report["summary"]["requests_total"] == 0
    assert run.output == cold.output


def test_offline_on_a_cold_cache_makes_no_request(apis: FakeApis, workdir: Path) -> None:
    # Nothing could be asked: exit 4, not success.
    cold = workdir / "empty-cache"
    run = resolve(apis, workdir, cold, "offline-cold.bib", "--offline", exit_code=EXIT_SOURCES_FAILED)
    assert run.arxiv_requests == [] and run.s2_requests == []
    assert len(run.items) == ITEMS
    assert run.report["summary"]["resolved"] == 0
    assert all(item["problems"] for item in run.items)
    assert not (workdir / "offline-cold.bib").exists()  # no empty output to pass for a result


# --------------------------------------------------------------------------- faults


def _identity(item: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(item[k] for k in ("status", "arxiv_id", "doi", "title", "entry_type", "venue", "key"))


# Faults by request number (retries count): a 429 burst that outlasts 3 attempts, then
# single faults of each kind that one retry overcomes.
ARXIV_FAULTS = {0: "429", 3: "429", 4: "429", 5: "429", 9: "503", 14: "truncated", 20: "garbage", 30: "503"}
S2_FAULTS = {
    # a burst that outlasts the first bulk title search (its titles fall back to one-by-one
    # matches), and one that outlasts a match (its item fails, saying why)
    0: "429",
    1: "429",
    2: "429",
    40: "503",
    41: "503",
    42: "503",
    80: "truncated",
    120: "non_json",
    200: "429",
    201: "503",
}


@pytest.fixture(scope="module")
def faulty(apis: FakeApis, workdir: Path, cold: Run) -> Run:
    """A cold run with faults planned on both fakes."""
    return resolve_with_plan(
        apis, workdir, workdir / "fault-cache", "faults.bib", ARXIV_FAULTS.get, S2_FAULTS.get
    )


def _unavailable(item: dict[str, Any]) -> set[str]:
    return {p["code"] for p in item["problems"] if p["code"].endswith(".unavailable") and p["message"]}


def test_faults_lose_no_item_and_change_no_resolved_one(faulty: Run, cold: Run) -> None:
    assert faulty.result.exit_code == 0, faulty.result.output
    assert [item["index"] for item in faulty.items] == list(range(ITEMS))
    for before, item in zip(cold.items, faulty.items, strict=True):
        if item["status"] == "failed":
            assert _unavailable(item), item
        elif before["status"] == "resolved":
            assert item["status"] == "resolved"
            assert _identity(item) == _identity(before), item["input_title"]
            if (item["source"], item["arxiv_version"]) != (before["source"], before["arxiv_version"]):
                # arXiv was down for this title and S2 answered: same paper, fewer details.
                assert _unavailable(item) == {"arxiv.unavailable"}, item
        else:
            assert item["status"] == "unresolved"
    failed = [item for item in faulty.items if item["status"] == "failed"]
    # The arXiv 429 burst outlasted the 3 attempts for one batch of titles; the rest recovered.
    assert 1 <= len(failed) <= 15
    assert any("(HTTP 429) (gave up after 3 attempts)" in p["message"] for i in failed for p in i["problems"])
    touched = [item for item in faulty.items if _unavailable(item)]
    assert {code for item in touched for code in _unavailable(item)} == {
        "arxiv.unavailable",
        "s2.unavailable",
    }
    assert faulty.report["summary"]["requests"]["arxiv"] > len(cold.arxiv_requests)  # retries happened
    assert faulty.report["summary"]["requests"]["s2"] > len(cold.s2_requests)


def test_faults_leave_every_written_entry_byte_identical(faulty: Run, cold: Run) -> None:
    before = set(cold.output.decode("utf-8").split("\n\n"))
    assert [block for block in faulty.output.decode("utf-8").split("\n\n") if block not in before] == []


def test_s2_down_during_enrichment_still_gets_dblps_venue_and_says_so(
    apis: FakeApis, workdir: Path, cold: Run
) -> None:
    # S2's enrichment asks by batch (its title searches do not): fault every batch.
    assert not any(r.path.endswith("/paper/batch") for r in cold.s2_requests if r.method == "GET")
    routes = {"/paper/batch": "503"}
    run = resolve_with_plan(apis, workdir, workdir / "enrich-cache", "enrich.bib", None, None, routes)
    assert run.result.exit_code == 0, run.result.output
    baseline = {item["index"]: item for item in cold.items}
    degraded = 0
    for item in run.items:
        before = baseline[item["index"]]
        assert item["status"] == before["status"]
        if item["status"] == "resolved":
            assert (item["arxiv_id"], item["title"]) == (before["arxiv_id"], before["title"])
            if before["entry_type"] != "preprint":
                degraded += 1
                # dblp still names the venue: with no S2 record, no batch settled the paper
                assert (item["entry_type"], item["venue"]) == (before["entry_type"], before["venue"])
                assert "s2.unavailable" in {p["code"] for p in item["problems"]}
    assert degraded == 128  # the 101 gold venues, 27 of them twice on the pages


# --------------------------------------------------------------------------- API key


def _cache_bytes(cache: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(cache.rglob("*")) if path.is_file())


def test_the_api_key_is_sent_and_never_stored_or_shown(cold: Run, workdir: Path) -> None:
    assert cold.s2_requests
    assert {request.headers.get("x-api-key") for request in cold.s2_requests} == {SECRET}
    assert all(SECRET not in request.path for request in cold.s2_requests)
    cache = _cache_bytes(workdir / "cache")
    assert cache  # the cache was written …
    assert SECRET.encode() not in cache  # … without the key
    assert SECRET not in cold.text_everywhere()


def test_a_wrong_key_fails_the_s2_items_and_keeps_the_arxiv_results(
    apis: FakeApis, workdir: Path, cold: Run
) -> None:
    run = resolve(
        apis,
        workdir,
        workdir / "wrong-key-cache",
        "wrong-key.bib",
        key=WRONG_KEY,
        exit_code=EXIT_SOURCES_FAILED,  # published versions were not looked up: not a clean run
    )
    assert "Semantic Scholar refused access (HTTP 403; is the API key right?)" in run.result.output
    assert {request.headers.get("x-api-key") for request in run.s2_requests} == {WRONG_KEY}
    assert len(run.s2_requests) == 1  # a 403 stops S2 for the rest of the run
    resolved = [item for item in run.items if item["status"] == "resolved"]
    assert {i["arxiv_id"] for i in resolved} == {
        i["arxiv_id"] for i in cold.items if i["status"] == "resolved"
    }
    failed = [item for item in run.items if item["status"] == "failed"]
    assert failed
    for item in failed:
        assert any("rejected the API key" in p["message"] for p in item["problems"]), item
    for secret in (WRONG_KEY, SECRET):
        assert secret not in run.text_everywhere()
        assert secret.encode() not in _cache_bytes(workdir / "wrong-key-cache")


@pytest.fixture(scope="module")
def authorless(cold: Run) -> dict[str, str]:
    """Citation key -> BibTeX entry type of the entries written without authors."""
    return {
        entry.key: entry.entry_type
        for entry in _bib_by_eprint(cold.output).values()
        if "author" not in entry.fields_dict
    }


@pytest.fixture(scope="module")
def warned(authorless: dict[str, str]) -> set[str]:
    """Keys the real clients must warn about: published entries need authors, @misc do not."""
    keys = {key for key, entry_type in authorless.items() if entry_type != "misc"}
    assert len(keys) == 8
    return keys


def test_only_papers_the_fakes_know_no_authors_for_are_written_without(
    cold: Run, authorless: dict[str, str]
) -> None:
    # dev-snapshot.jsonl and dev-gold.jsonl list no authors for these papers, so neither fake
    # can serve any; the real APIs always do. They are the only source of client warnings below.
    entries = _bib_by_eprint(cold.output)
    missing = {eprint for eprint, entry in entries.items() if entry.key in authorless}
    assert len(missing) == 18
    assert missing <= _snapshot_authorless()
    assert all("authors" not in row for row in GOLD_BY_TITLE.values() if row["arxiv_id"] in missing)
    notes = {line for line in cold.result.stderr.splitlines() if line.endswith(": no authors known")}
    assert notes == {f"bibnorm: warning: {key}: no authors known" for key in authorless}


# --------------------------------------------------------------------------- real clients


def _latex(folder: Path) -> str:
    latex = run(PDFLATEX, folder)
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert latex_errors(log) == []
    assert latex.returncode == 0
    return log


PREAMBLE = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{url}\n"


@pytest.fixture(scope="module")
def formats(resolved: Resolved) -> dict[str, tuple[bytes, bytes]]:
    """Each format rendered twice from the one resolution: (first, second) bytes."""
    return {fmt: (resolved.text(fmt), resolved.text(fmt)) for fmt in ("bibtex", "biblatex", "csl-json")}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json"])
def test_two_renderings_give_byte_identical_output(
    formats: dict[str, tuple[bytes, bytes]], cold: Run, fmt: str
) -> None:
    first, second = formats[fmt]
    assert first and first == second
    if fmt == "bibtex":
        assert first == cold.output  # what the command wrote


@pytest.mark.clients
@pytest.mark.parametrize(
    ("style", "package"),
    [
        pytest.param("plain", "", id="plain"),
        pytest.param("plainnat", "\\usepackage{natbib}\n", id="plainnat"),
    ],
)
def test_the_bibtex_output_compiles_without_warnings(
    cold: Run, warned: set[str], tmp_path: Path, style: str, package: str
) -> None:
    need("pdflatex", "bibtex")
    (tmp_path / "refs.bib").write_bytes(cold.output)
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + package + "\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    _latex(tmp_path)
    bibtex = run(["bibtex", "doc"], tmp_path)
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    warnings = {line for line in blg.splitlines() if "Warning--" in line}
    assert warnings == {f"Warning--empty author in {key}" for key in warned}
    assert bibtex.returncode in (0, 1), blg  # 1: bibtex's exit code when it warned
    _latex(tmp_path)
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem") == GOLD_TITLES
    assert 'H{\\"u}mmer' in bbl and "J{\\'e}gou" in bbl


@pytest.mark.clients
def test_the_biblatex_output_passes_biber_and_compiles(
    formats: dict[str, tuple[bytes, bytes]], warned: set[str], tmp_path: Path
) -> None:
    need("pdflatex", "biber")
    (tmp_path / "refs.bib").write_bytes(formats["biblatex"][0])
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + "\\usepackage[backend=biber,texencoding=ascii,bibencoding=utf8]{biblatex}\n"
        "\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    _latex(tmp_path)
    biber = run(["biber", "--validate-datamodel", "doc"], tmp_path)
    output = biber.stdout + biber.stderr
    assert [line for line in output.splitlines() if "ERROR" in line] == []
    warnings = {line.split(" - ", 1)[1] for line in output.splitlines() if line.startswith("WARN")}
    assert warnings == {
        f"Datamodel: Entry '{key}' (refs.bib): Missing mandatory field 'author'" for key in warned
    }
    assert biber.returncode == 0, output
    _latex(tmp_path)
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert len(re.findall(r"\\entry\{", bbl)) == GOLD_TITLES
    assert 'family={H\\"{u}mmer}' in bbl


@pytest.mark.clients
def test_the_csl_json_validates_and_renders_with_pandoc(
    formats: dict[str, tuple[bytes, bytes]], tmp_path: Path
) -> None:
    need("pandoc")
    items = json.loads(formats["csl-json"][0])
    assert len(items) == GOLD_TITLES
    assert validate_csl(items) == []
    (tmp_path / "refs.json").write_bytes(formats["csl-json"][0])
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    result = run(
        ["pandoc", "--citeproc", "--bibliography", "refs.json", "--wrap=none", "-t", "plain", "doc.md"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for expected in (
        "Hümmer, Christoph",  # 2312.02021
        "Hervé Jégou",  # 2105.03404 (ResMLP)
        "Stéphane",  # 2103.10697 d'Ascoli
        "Marin Soljačić",  # 2303.02484
        "Gül Varol",  # 2104.00650
        "Poincaré ResNet",
        "Scaling Vision Transformers",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
        "Transactions on Machine Learning Research",
    ):
        assert expected in result.stdout, expected


# --------------------------------------------------------------------------- titles as text


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_check_on_fresh_resolve_output_finds_nothing_to_format_or_protect(
    formats: dict[str, tuple[bytes, bytes]], tmp_path: Path, fmt: str
) -> None:
    """`resolve` and `check` agree on the layout (BN602) and on which capitals to brace (BN305)."""
    (tmp_path / "refs.bib").write_bytes(formats[fmt][0])
    result = CliRunner().invoke(main, ["check", "--offline", "--json", str(tmp_path / "refs.bib")])
    findings = json.loads(result.stdout)
    assert [f for f in findings if f["code"] in ("BN602", "BN305")] == []


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_every_word_form_is_braced_in_every_title_or_in_none(
    formats: dict[str, tuple[bytes, bytes]], fmt: str
) -> None:
    """One capitalization decision per word form for the whole bibliography: the
    five pages' 177 papers, whose abstracts write "Transformer" both ways, never brace it in
    one title and not in another."""
    found = census(formats[fmt][0].decode("utf-8"))
    assert found.inconsistent() == {}
    assert "transformer" in found.free and "mamba" in found.braced  # both kinds are there


def test_the_csl_json_of_the_pages_has_no_tex(formats: dict[str, tuple[bytes, bytes]]) -> None:
    for item in json.loads(formats["csl-json"][0]):
        for text in (item["title"], *(n.get("family", "") for n in item.get("author", []))):
            assert not re.search(r"\$|\\[A-Za-z%&$#_{}]|[{}]", text), text


@pytest.mark.clients
@pytest.mark.parametrize(
    ("style", "expected"),
    [
        # splncs04 and IEEEtran lower-case titles; names and acronyms must survive.
        pytest.param("splncs04", "I&S-ViT: An inclusive & stable method", id="splncs04"),
        pytest.param("IEEEtran", "Kolmogorov-Arnold convolutions: Design principles", id="IEEEtran"),
    ],
)
def test_the_pages_typeset_with_sentence_casing_styles(
    cold: Run, tmp_path: Path, style: str, expected: str
) -> None:
    need("pdflatex", "bibtex", "pdftotext")
    (tmp_path / "refs.bib").write_bytes(cold.output)
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\input{glyphtounicode}\\pdfgentounicode=1\n\\usepackage{url}\n"
        "\\usepackage[paperwidth=90cm,paperheight=200cm,margin=1cm]{geometry}\n"
        f"\\begin{{document}}\n\\nocite{{*}}\n\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, tmp_path)
    run(["bibtex", "doc"], tmp_path)
    run(PDFLATEX, tmp_path)
    _latex(tmp_path)
    text = run(["pdftotext", "doc.pdf", "-"], tmp_path).stdout
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", expected) in flat
    assert len(re.findall(r"\[\d+\]", text)) >= GOLD_TITLES  # every entry kept its number


@pytest.mark.parametrize("style", ["bibnorm", "arxiv", "dblp", "google-scholar"])
def test_bibnorms_own_output_passes_verify_in_every_style(
    apis: FakeApis, workdir: Path, cold: Run, resolved: Resolved, style: str
) -> None:
    """Every entry bibnorm writes is a real paper cited faithfully, by `bibnorm verify`'s rules
    against the same sources (no false alarm on our own output), in bibnorm's layout and in
    each export preset's: dblp's ``journal = {CoRR}`` and Google Scholar's ``journal = {arXiv
    preprint arXiv:…}`` are how those exports cite a preprint, not a claim that it was published."""
    from fakes.crossref_api import FakeCrossref

    name = "cold.bib" if style == "bibnorm" else f"style-{style}.bib"
    if style != "bibnorm":  # what `resolve --style STYLE` writes: the one resolution, in that layout
        (workdir / name).write_bytes(resolved.text(style=style))
    crossref = FakeCrossref().start()
    try:
        with contextlib.chdir(workdir):
            env = {**apis.env(workdir / "cache", api_key=SECRET), "BIBNORM_CROSSREF_API_URL": crossref.url}
            result = CliRunner().invoke(main, ["verify", "--json", name], env=env)
    finally:
        crossref.stop()
    document = json.loads(result.stdout)
    flagged = {e["key"]: e["findings"] for e in document["entries"] if e["verdict"] != "verified"}
    assert flagged == {}
    assert result.exit_code == 0
    assert document["summary"]["verified"] == len(_bib_by_eprint(cold.output)) > 150
