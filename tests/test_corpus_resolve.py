"""``bibnorm resolve CORPUS --out DIR``: a venue resolved document by document (normalizer/corpus).

The source is the snapshot index of the dev snapshot (177 real arXiv records), offline: each
document is a reference list citing some of them by title or arXiv id, every third one also a
title no record carries.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bibnorm.api.corpus import resolve_corpus, resolve_job
from bibnorm.cli import EXIT_FINDINGS, EXIT_USAGE, main
from bibnorm.corpus.engines import DaskEngine, ProcessEngine, SerialEngine
from bibnorm.corpus.resolving import ResolveDocuments
from bibnorm.corpus.run import run_corpus
from bibnorm.corpus.store import ResultStore, result_key
from bibnorm.corpus.summary import document_page
from click.testing import CliRunner
from corpus_runs import folder_bytes, kill_once_results_appear, result_lines, summary_rows, two_dask_workers
from paths import DEV_SNAPSHOT

INVENTED = "A Completely Invented Study of Quantum Llamas in Orbit"
RECORDS = [json.loads(line) for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines()[:16]]
# Eight documents: a title and an arXiv id each; every third also cites a title no record carries.
CORPUS = {
    f"track{n % 2}/paper{n}.txt": "\n".join(
        [RECORDS[2 * n]["title"], f"arXiv:{RECORDS[2 * n + 1]['id']}", *([INVENTED] if n % 3 == 0 else [])]
    )
    + "\n"
    for n in range(8)
}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dev_index: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BIBNORM_SNAPSHOT", str(dev_index))
    monkeypatch.setenv("BIBNORM_OFFLINE", "1")
    for name, text in CORPUS.items():
        (tmp_path / "venue" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "venue" / name).write_text(text, encoding="utf-8")
    return tmp_path


def job() -> ResolveDocuments:
    """The job ``bibnorm resolve CORPUS --out`` runs here (settings from the environment)."""
    return resolve_job({})


def test_a_venue_is_resolved_into_a_line_and_a_bib_per_document_and_a_summary(env: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", "venue", "--out", "out", "--workers", "1"])

    assert result.exit_code == 0, result.output
    assert (
        "8 documents (8 resolved now, 0 from earlier runs, 0 unreadable): 19 references, 16 resolved,"
        " 0 ambiguous, 3 unresolved, 0 failed; out/summary.html" in result.stderr
    )
    paper3 = result_lines(env / "out")["track1/paper3.txt"]
    assert [(e["origin"], e["status"], e["arxiv_id"]) for e in paper3["entries"]] == [
        ("1", "resolved", RECORDS[6]["id"]),
        ("2", "resolved", RECORDS[7]["id"]),
        ("3", "unresolved", None),
    ]
    invented = paper3["entries"][2]
    assert invented["read"]["title"] == INVENTED
    assert invented["candidates"] and not any(c["acceptable"] for c in invented["candidates"])
    assert paper3["entries"][0]["score"] == 1.0 and paper3["entries"][0]["evidence"]["title_key_equal"]

    rows = summary_rows(env / "out")
    assert [row["document"] for row in rows] == sorted(CORPUS)
    assert {row["document"]: row["unresolved"] for row in rows if row["unresolved"] != "0"} == {
        "track0/paper0.txt": "1",
        "track0/paper6.txt": "1",
        "track1/paper3.txt": "1",
    }
    assert rows[3]["unsettled"] == f"unresolved {INVENTED}"
    page = (env / "out/summary.html").read_text(encoding="utf-8")
    first_rows = [line for line in page.splitlines() if line.startswith("<tr class=")][:3]
    assert all('class="bad"' in row for row in first_rows)


def test_each_documents_bib_is_what_resolving_the_document_alone_writes(env: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["resolve", "venue", "--out", "out", "--workers", "1"])
    alone = runner.invoke(main, ["resolve", "venue/track1/paper3.txt", "-o", "alone.bib", "-q"])
    assert alone.exit_code == 0, alone.output

    name = Path(document_page("track1/paper3.txt")).with_suffix(".bib").name
    assert (env / "out/bib" / name).read_bytes() == (env / "alone.bib").read_bytes()
    assert (env / "alone.bib").read_text(encoding="utf-8").count("@misc{") == 2
    assert len(list((env / "out/bib").glob("*.bib"))) == 8


# A user's bibliography: a resolvable entry with a field bibnorm does not own, a @string, an entry
# no record matches (with its own odd layout), and a comment.
USERS_BIB = f"""@string{{lab = "Llama Lab"}}

@misc{{known,
  title = {{{RECORDS[0]["title"]}}},
  note = {{read twice}},
}}

% kept for the appendix
@techreport{{invented,   title={{{INVENTED}}}, institution = lab, year = 2031}}
"""


def test_a_bib_documents_bib_keeps_every_entry_as_resolving_it_alone_does(env: Path) -> None:
    (env / "mine").mkdir()
    (env / "mine/refs.bib").write_text(USERS_BIB, encoding="utf-8")
    runner = CliRunner()
    corpus = runner.invoke(main, ["resolve", "mine", "--out", "out", "--workers", "1", "-q"])
    alone = runner.invoke(main, ["resolve", "mine/refs.bib", "-o", "alone.bib", "-q"])
    assert (corpus.exit_code, alone.exit_code) == (0, 0), corpus.output + alone.output

    name = Path(document_page("refs.bib")).with_suffix(".bib").name
    written = (env / "out/bib" / name).read_text(encoding="utf-8")
    assert written == (env / "alone.bib").read_text(encoding="utf-8")
    statuses = [entry["status"] for entry in result_lines(env / "out")["refs.bib"]["entries"]]
    assert statuses == ["resolved", "unresolved"]
    assert '@string{lab = "Llama Lab"}' in written
    assert f"@techreport{{invented,   title={{{INVENTED}}}, institution = lab, year = 2031}}" in written
    assert "% kept for the appendix" in written
    resolved = written.split("@misc{known,")[1].split("\n}\n")[0]  # rewritten, the note kept
    assert "{read twice}" in resolved and RECORDS[0]["id"] in resolved


def test_serial_processes_and_dask_write_byte_identical_results(env: Path) -> None:
    run_corpus("venue", env / "serial", job(), SerialEngine())
    run_corpus("venue", env / "processes", job(), ProcessEngine(2))
    with two_dask_workers(processes=False) as cluster:
        run_corpus("venue", env / "dask", job(), DaskEngine(cluster))

    serial = folder_bytes(env / "serial")
    assert len([name for name in serial if name.startswith("results/")]) > 1  # sharded
    assert len([name for name in serial if name.startswith("bib/")]) == 8
    assert folder_bytes(env / "processes") == serial
    assert folder_bytes(env / "dask") == serial


def test_the_command_runs_on_a_dask_scheduler_of_worker_processes(env: Path) -> None:
    CliRunner().invoke(main, ["resolve", "venue", "--out", "serial", "--workers", "1"])
    with two_dask_workers(processes=True) as cluster:
        result = CliRunner().invoke(
            main, ["resolve", "venue", "--out", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert result.exit_code == 0, result.output
    assert folder_bytes(env / "dask") == folder_bytes(env / "serial")


def test_a_run_killed_midway_resumes_to_the_same_bytes(env: Path) -> None:
    whole = run_corpus("venue", env / "whole", job(), SerialEngine())
    assert whole.verified_now == 8
    expected = folder_bytes(env / "whole")

    # What a kill leaves: the lines of the documents finished, in the order they finished, the
    # .bib of the first of them, and the line being written cut short; no summary.
    store = ResultStore(env / "killed")
    finished = [
        line
        for shard in sorted((env / "whole/results").glob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines(keepends=True)
    ]
    for line in reversed(finished[:5]):
        store.append(line, result_key(json.loads(line)))
    store.close()
    bib = next(name for name in expected if name.startswith("bib/"))
    store.own.write(bib, expected[bib])
    cut = store.shard(json.loads(finished[5])["document"]["sha256"])
    store.own.claim(f"results/{cut.name}")  # as the run does before its first line there
    with cut.open("a", encoding="utf-8") as handle:
        handle.write(finished[5][:40])

    resumed = run_corpus("venue", env / "killed", job(), SerialEngine())

    assert (resumed.verified_now, resumed.reused) == (3, 5)
    assert folder_bytes(env / "killed") == expected


def test_a_rerun_resolves_only_new_or_changed_documents_and_drops_the_withdrawn(env: Path) -> None:
    resolve_corpus("venue", "out", workers=1)
    (env / "venue/track1/paper1.txt").write_text(f"{RECORDS[0]['title']}\n", encoding="utf-8")  # changed
    (env / "venue/track0/paper2.txt").unlink()  # withdrawn

    again = resolve_corpus("venue", "out", workers=1)

    assert (again.verified_now, again.reused) == (1, 6)
    assert "track0/paper2.txt" not in result_lines(env / "out")
    assert len(list((env / "out/bib").glob("*.bib"))) == 7
    assert len(list((env / "out/documents").glob("*.html"))) == 7


def test_strict_exits_with_findings_when_a_reference_did_not_resolve(env: Path) -> None:
    result = CliRunner().invoke(
        main, ["resolve", "venue", "--out", "out", "--workers", "1", "--strict", "-q"]
    )
    assert result.exit_code == EXIT_FINDINGS
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param(["venue", "--workers", "2"], "--workers and --scheduler go with --out DIR", id="no-out"),
        pytest.param(
            ["venue", "--out", "o", "-o", "refs.bib"],
            "--out resolves a corpus into its folder: --output is for one bibliography",
            id="with-output",
        ),
        pytest.param(
            ["venue", "--out", "o", "--update-lock"],
            "--out resolves a corpus into its folder: --update-lock is for one bibliography",
            id="with-update-lock",
        ),
        pytest.param(["a", "b", "--out", "o"], "--out takes one CORPUS", id="two-corpora"),
    ],
)
def test_bad_corpus_runs_fail_in_one_line(env: Path, arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["resolve", *arguments])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"bibnorm: error: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert not (env / "o").exists()


def test_a_run_killed_by_sigkill_and_run_again_writes_what_an_uninterrupted_run_writes(env: Path) -> None:
    """The real thing: ``bibnorm resolve`` with 2 worker processes, its whole process group sent
    SIGKILL once the first documents are written, then run again to the end."""
    import subprocess
    import sys

    for n in range(60):
        lines = [
            RECORDS[n % 16]["title"],
            f"arXiv:{RECORDS[(n + 5) % 16]['id']}",
            *([INVENTED] if n % 7 else []),
        ]
        (env / "venue" / f"extra/p{n:03d}.txt").parent.mkdir(exist_ok=True)
        (env / "venue" / f"extra/p{n:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus("venue", env / "whole", job(), SerialEngine())
    command = [sys.executable, "-m", "bibnorm", "resolve", "venue", "--out", "killed", "--workers", "2"]
    kill_once_results_appear(command, env, env / "killed")
    assert not (env / "killed/summary.csv").exists(), "the run ended before it could be killed"

    again = subprocess.run(command, cwd=env, capture_output=True, text=True, timeout=120)

    assert again.returncode == 0, again.stderr
    assert "68 documents (" in again.stderr and " 0 from earlier runs" not in again.stderr
    assert folder_bytes(env / "killed") == folder_bytes(env / "whole")
