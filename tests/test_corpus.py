"""``bibnorm verify CORPUS --out DIR``: a venue verified document by document (normalizer/corpus).

The sources are the verify world's fakes on 127.0.0.1 (tests/fakes/verify_world.py); the
corpus is a folder of small bibliographies, some citing real papers, some fabricated ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_USAGE, main
from bibnorm.corpus.documents import find_documents
from bibnorm.corpus.engines import MAX_BATCH, DaskEngine, ProcessEngine, SerialEngine, batches, engine_for
from bibnorm.corpus.run import run_corpus
from bibnorm.corpus.store import ResultStore, result_key
from bibnorm.corpus.verifying import Job
from bibnorm.errors import InputError, UsageError
from bibnorm.io import HELD
from bibnorm.resolvers._session import build_session
from bibnorm.verify.run import VerifyOptions
from click.testing import CliRunner
from corpus_runs import folder_bytes, kill_once_results_appear, result_lines, summary_rows, two_dask_workers
from fakes.verify_world import world_sources
from paths import FIXTURES
from test_verify import FABRICATED, REAL
from test_verify_report import browser  # noqa: F401  (the real Chromium, as the report's tests drive it)

# The entries the verify tests cite, one per string: two real papers, a fabricated arXiv id.
DDPM, SCENE = (f"{entry.strip()}\n" for entry in REAL.split("\n\n"))
FAKE_ID = f"{FABRICATED.split(chr(10) * 2)[0].strip()}\n"
# Twelve documents: every fourth cites a fabricated arXiv id beside a real paper.
CORPUS = {
    f"track{n % 2}/paper{n:02d}.bib": (DDPM if n % 3 else SCENE) + ("\n" + FAKE_ID if n % 4 == 0 else "")
    for n in range(12)
}


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return tmp_path


def write_corpus(folder: Path, files: dict[str, str] = CORPUS) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def job() -> Job:
    return Job.make({}, VerifyOptions(), date(2026, 11, 1), build_session)


# --- finding the documents ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "spec", "expected"),
    [
        pytest.param(
            {"a/x.bib": "", "a/sub/y.pdf": "", "a/notes.md": "", "a/.hidden.bib": ""},
            "a",
            [("sub/y.pdf", "sub/y.pdf", None, None), ("x.bib", "x.bib", None, None)],
            id="folder-walked-for-inputs-only",
        ),
        pytest.param(
            {"a/x.bib": "", "a/y.bbl": "", "a/z.bib": ""},
            "a/*.bib",
            [("x.bib", "x.bib", None, None), ("z.bib", "z.bib", None, None)],
            id="glob-ids-relative-to-its-folder",
        ),
        pytest.param(
            {
                "m.csv": "id,path,venue,track\nP2,docs/b.pdf,ICLR,main\nP1,docs/a.bib,ICLR,\n",
                "docs/a.bib": "",
                "docs/b.pdf": "",
            },
            "m.csv",
            [("P1", "docs/a.bib", "ICLR", None), ("P2", "docs/b.pdf", "ICLR", "main")],
            id="csv-manifest",
        ),
        pytest.param(
            {"m.jsonl": '{"document": "S-7", "path": "a.bbl", "venue": "NeurIPS"}\n\n', "a.bbl": ""},
            "m.jsonl",
            [("S-7", "a.bbl", "NeurIPS", None)],
            id="jsonl-manifest",
        ),
    ],
)
def test_a_corpus_is_a_folder_a_glob_or_a_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], spec: str, expected: list[tuple]
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path, files)
    found = [(d.id, d.relative, d.venue, d.track) for d in find_documents(spec)]
    assert found == expected


@pytest.mark.parametrize(
    ("files", "spec", "message"),
    [
        pytest.param({}, "missing", "missing: no such file, folder or glob", id="nothing-there"),
        pytest.param({"a/notes.md": ""}, "a", "a: holds no document to verify", id="empty-folder"),
        pytest.param(
            {"m.csv": "id,path\nP1,a.bib\nP1,b.bib\n", "a.bib": "", "b.bib": ""},
            "m.csv",
            "m.csv: two documents have the id 'P1'",
            id="duplicate-id",
        ),
        pytest.param(
            {"m.csv": "id,path\nP1,gone.bib\n"},
            "m.csv",
            "m.csv: row 1: gone.bib: no such file",
            id="manifest-names-a-missing-file",
        ),
    ],
)
def test_a_corpus_that_names_nothing_usable_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], spec: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path, files)
    with pytest.raises(InputError) as raised:
        find_documents(spec)
    assert str(raised.value) == message


# --- the command ----------------------------------------------------------------------------


def test_a_venue_is_verified_into_one_line_per_document_and_a_summary(env: Path) -> None:
    write_corpus(env / "venue")
    result = CliRunner().invoke(main, ["verify", "venue", "--out", "out", "--workers", "1"])

    assert result.exit_code == EXIT_FINDINGS, result.output  # fabricated references were found
    assert (
        "12 documents (12 verified now, 0 from earlier runs, 0 unreadable): 15 references," in result.stderr
    )
    lines = result_lines(env / "out")
    assert sorted(lines) == sorted(CORPUS)
    paper04 = lines["track0/paper04.bib"]
    assert [(e["key"], e["verdict"]) for e in paper04["entries"]] == [
        ("ho2020ddpm", "verified"),
        ("fake_id", "mismatch"),  # the title is a real paper's; the arXiv id is no paper
    ]
    fake = paper04["entries"][1]
    assert fake["line"] == 10
    assert fake["read"] == {
        "title": "Denoising Diffusion Probabilistic Models",
        "authors": ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
        "year": 2020,
        "venue": "NeurIPS",
        "arxiv_id": "2006.99999",
        "kind": "paper",
    }
    assert "BN703" in [finding["code"] for finding in fake["findings"]]

    rows = summary_rows(env / "out")
    assert [row["document"] for row in rows] == sorted(CORPUS)
    flagged = {row["document"]: row["mismatch"] for row in rows if row["mismatch"] != "0"}
    assert flagged == {"track0/paper00.bib": "1", "track0/paper04.bib": "1", "track0/paper08.bib": "1"}
    assert rows[4]["worst_findings"].startswith("BN703 fake_id")

    page = (env / "out/summary.html").read_text(encoding="utf-8")
    first_rows = [line for line in page.splitlines() if line.startswith("<tr class=")][:3]
    assert all(">track0/paper0" in row and 'class="bad"' in row for row in first_rows)
    linked = page.split('<a href="', 2)[1].split('"', 1)[0]
    assert "fake_id" in (env / "out" / linked).read_text(encoding="utf-8")


def test_a_rerun_verifies_only_new_or_changed_documents(env: Path) -> None:
    write_corpus(env / "venue")
    runner = CliRunner()
    runner.invoke(main, ["verify", "venue", "--out", "out", "--workers", "1"])
    (env / "venue/track1/paper01.bib").write_text(SCENE, encoding="utf-8")  # changed
    (env / "venue/late.bib").write_text(DDPM, encoding="utf-8")  # a new submission
    (env / "venue/track1/paper03.bib").unlink()  # withdrawn

    result = runner.invoke(main, ["verify", "venue", "--out", "out", "--workers", "1"])

    assert "12 documents (2 verified now, 10 from earlier runs, 0 unreadable)" in result.stderr
    ids = [row["document"] for row in summary_rows(env / "out")]
    assert "late.bib" in ids and "track1/paper03.bib" not in ids
    assert len(list((env / "out/documents").glob("*.html"))) == 12


def test_a_run_killed_midway_resumes_to_the_same_bytes(env: Path) -> None:
    write_corpus(env / "venue")
    whole = run_corpus("venue", env / "whole", job(), SerialEngine())
    assert whole.verified_now == 12
    expected = folder_bytes(env / "whole")

    # What a kill leaves: the lines of the documents finished, in the order they finished,
    # and the one being written cut short; no settled shards, no summary.
    store = ResultStore(env / "killed")
    finished = [
        line
        for shard in sorted((env / "whole/results").glob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines(keepends=True)
    ]
    for line in reversed(finished[:7]):
        store.append(line, result_key(json.loads(line)))
    store.close()
    cut = store.shard(json.loads(finished[7])["document"]["sha256"])
    with cut.open("a", encoding="utf-8") as handle:
        handle.write(finished[7][:40])

    resumed = run_corpus("venue", env / "killed", job(), SerialEngine())

    assert (resumed.verified_now, resumed.reused) == (5, 7)
    assert folder_bytes(env / "killed") == expected


def test_a_run_killed_while_it_renamed_a_file_into_place_leaves_nothing_once_resumed(env: Path) -> None:
    """SIGKILL between writing a temporary file and renaming it over a shard, a page or a
    summary leaves the temporary file; the next run removes every one (it alone writes there)."""
    write_corpus(env / "venue")
    run_corpus("venue", env / "whole", job(), SerialEngine())
    expected = folder_bytes(env / "whole")
    run_corpus("venue", env / "killed", job(), SerialEngine())
    page = next((env / "killed/documents").iterdir()).name
    for left in (
        ".summary.csv.k1f9x2ab.tmp",
        "results/.3.jsonl.q0w8e7rt.tmp",
        f"documents/.{page}.zz81tq3v.tmp",
    ):
        (env / "killed" / left).write_text("half written", encoding="utf-8")

    again = run_corpus("venue", env / "killed", job(), SerialEngine())

    assert again.verified_now == 0
    assert folder_bytes(env / "killed") == expected


def test_a_second_run_into_a_folder_another_run_is_writing_is_refused_in_one_line(env: Path) -> None:
    import subprocess
    import sys

    write_corpus(env / "venue")
    (env / "out").mkdir()
    hold = (
        "import fcntl, os, sys, time\n"
        "descriptor = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.lockf(descriptor, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(env / "out" / HELD)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        busy = CliRunner().invoke(main, ["verify", "venue", "--out", "out", "--workers", "1"])
        written_meanwhile = sorted(path.name for path in (env / "out").iterdir())
    finally:
        holder.kill()
        holder.wait()
    free = CliRunner().invoke(main, ["verify", "venue", "--out", "out", "--workers", "1"])

    assert busy.exit_code == EXIT_FATAL
    assert (
        busy.stderr == "bibnorm: error: out: another bibnorm run is writing this folder; let it end first\n"
    )
    assert written_meanwhile == [HELD]  # the refused run wrote nothing
    assert free.exit_code == EXIT_FINDINGS
    assert len(summary_rows(env / "out")) == len(CORPUS)


def test_the_settle_parses_only_the_lines_earlier_runs_wrote(env: Path) -> None:
    """A run knows its own lines (it has their rows); a line of an earlier run is read back."""
    write_corpus(env / "venue")
    run_corpus("venue", env / "whole", job(), SerialEngine())
    fullest = max((env / "whole/results").glob("*.jsonl"), key=lambda shard: shard.stat().st_size)
    in_one_shard = [json.loads(line) for line in fullest.read_text(encoding="utf-8").splitlines()]
    assert len(in_one_shard) >= 2
    earlier, *this_run = reversed(in_one_shard)

    store = ResultStore(env / "settled")
    store.append(json.dumps(earlier) + "\n", result_key(earlier))
    store.close()
    store = ResultStore(env / "settled")
    for result in this_run:
        store.append(json.dumps(result) + "\n", result_key(result))
    settled = list(store.settle(result_key(result) for result in in_one_shard))

    assert [item.key for item in settled] == [result_key(result) for result in in_one_shard]  # sorted by id
    assert {item.key: item.parsed for item in settled} == {
        result_key(result): (result if result is earlier else None) for result in in_one_shard
    }
    assert [item.result() for item in settled] == in_one_shard
    assert store.shard(earlier["document"]["sha256"]).read_text(encoding="utf-8") == "".join(
        json.dumps(result) + "\n" for result in in_one_shard
    )


def test_serial_processes_and_dask_write_byte_identical_results(env: Path) -> None:
    write_corpus(env / "venue")
    run_corpus("venue", env / "serial", job(), SerialEngine())
    run_corpus("venue", env / "processes", job(), ProcessEngine(2))
    with two_dask_workers(processes=False) as cluster:
        run_corpus("venue", env / "dask", job(), DaskEngine(cluster))

    serial = folder_bytes(env / "serial")
    assert len([name for name in serial if name.startswith("results/")]) > 1  # sharded
    assert folder_bytes(env / "processes") == serial
    assert folder_bytes(env / "dask") == serial


def test_a_dask_engine_cuts_the_documents_for_the_workers_it_has(env: Path) -> None:
    """It learns its workers only once connected: the batches are cut then, not for one worker."""
    distributed = pytest.importorskip("distributed")
    write_corpus(env / "venue")
    with (
        two_dask_workers(processes=False) as cluster,
        distributed.Client(cluster) as client,
        distributed.get_task_stream(client) as tasks,
    ):
        run_corpus("venue", env / "dask", job(), DaskEngine(client))

    ran = [task for task in tasks.data if "run_batch" in str(task["key"])]
    assert len(ran) == len(batches(list(CORPUS), 2)) > len(batches(list(CORPUS), 1))


def test_the_command_runs_on_a_dask_scheduler_of_worker_processes(env: Path) -> None:
    write_corpus(env / "venue")
    CliRunner().invoke(main, ["verify", "venue", "--out", "serial", "--workers", "1"])
    with two_dask_workers(processes=True) as cluster:
        result = CliRunner().invoke(
            main, ["verify", "venue", "--out", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert folder_bytes(env / "dask") == folder_bytes(env / "serial")


def test_pdf_papers_are_read_on_dask_worker_processes_as_in_this_process(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dask's worker processes are daemonic and may not fork the worker a PDF is read in."""
    monkeypatch.setenv("BIBNORM_OFFLINE", "1")
    (env / "venue").mkdir()
    (env / "venue/paper.pdf").write_bytes((FIXTURES / "pdf/plain-1col.pdf").read_bytes())
    run_corpus("venue", env / "serial", job(), SerialEngine())
    with two_dask_workers(processes=True) as cluster:
        run_corpus("venue", env / "dask", job(), DaskEngine(cluster))

    assert len(result_lines(env / "serial")["paper.pdf"]["entries"]) > 5
    assert folder_bytes(env / "dask") == folder_bytes(env / "serial")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param(
            ["missing", "--out", "o"], "bibnorm: error: missing: no such file, folder or glob", id="no-corpus"
        ),
        pytest.param(["a", "b", "--out", "o"], "bibnorm: error: --out takes one CORPUS", id="two-corpora"),
        pytest.param(
            ["venue", "--workers", "2"],
            "bibnorm: error: --workers and --scheduler go with --out",
            id="workers-without-out",
        ),
        pytest.param(
            ["venue", "--out", "o", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"],
            "bibnorm: error: give --workers or --scheduler, not both",
            id="both-engines",
        ),
    ],
)
def test_bad_corpus_runs_fail_in_one_line(env: Path, arguments: list[str], message: str) -> None:
    write_corpus(env / "venue")
    result = CliRunner().invoke(main, ["verify", *arguments])
    assert result.exit_code in (EXIT_FATAL, EXIT_USAGE)
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1
    assert not (env / "o").exists()


def test_without_workers_the_engine_uses_every_available_cpu() -> None:
    from bibnorm.processes import available_cpus

    engine = engine_for(None, None)
    assert engine.workers == available_cpus()
    with pytest.raises(UsageError):
        engine_for(0, None)


@pytest.mark.parametrize(("documents", "workers"), [(2000, 2), (2000, 1), (100, 8), (12, 2), (3, 4), (0, 2)])
def test_batches_take_every_document_once_in_order_and_shrink_towards_the_end(
    documents: int, workers: int
) -> None:
    """Full batches while much is left, then smaller ones, so no worker waits long at the end."""
    todo: list[Any] = list(range(documents))
    cut = batches(todo, workers)
    sizes = [len(batch) for batch in cut]

    assert [item for batch in cut for item in batch] == todo
    assert all(1 <= size <= MAX_BATCH for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-workers:] == [1] * min(workers, documents)  # the last task of each worker: one document
    assert len(cut) >= min(documents, 4 * workers)  # never fewer tasks than the workers can share


def test_a_run_killed_by_sigkill_and_run_again_writes_what_an_uninterrupted_run_writes(env: Path) -> None:
    """The real thing: ``bibnorm verify`` with 2 worker processes, its whole process group sent
    SIGKILL once the first documents are written, then run again to the end."""
    import subprocess
    import sys

    files = {f"p{n:03d}.bib": (DDPM if n % 2 else SCENE) + (FAKE_ID if n % 5 == 0 else "") for n in range(60)}
    write_corpus(env / "venue", files)
    run_corpus("venue", env / "whole", job(), SerialEngine())
    command = [sys.executable, "-m", "bibnorm", "verify", "venue", "--out", "killed", "--workers", "2"]
    kill_once_results_appear(command, env, env / "killed")
    assert not (env / "killed/summary.csv").exists(), "the run ended before it could be killed"

    again = subprocess.run(command, cwd=env, capture_output=True, text=True, timeout=120)

    assert again.returncode == EXIT_FINDINGS, again.stderr
    whole, resumed = folder_bytes(env / "whole"), folder_bytes(env / "killed")
    assert resumed == whole


def test_the_summary_opens_in_a_real_browser_and_links_to_each_documents_page(
    env: Path,
    browser: Any,  # noqa: F811
) -> None:
    write_corpus(env / "venue")
    run_corpus("venue", env / "out", job(), SerialEngine())

    browser.get((env / "out/summary.html").as_uri())
    rows = browser.find_elements("css selector", "tbody tr")
    assert len(rows) == 12
    first = rows[0].find_element("css selector", "a")
    assert first.text == "track0/paper00.bib"  # flagged documents first, then by id
    first.click()
    assert browser.find_element("css selector", "h1").text == "track0/paper00.bib"
    cells = [row.text for row in browser.find_elements("css selector", "tbody tr")]
    assert any("fake_id" in cell and "mismatch" in cell and "BN703" in cell for cell in cells), cells
