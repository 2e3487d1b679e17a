"""A corpus run says what it did: relative paths work on workers that run in another folder, a
document that could not be read is never counted as verified, a run that read nothing or could
judge nothing fails in one line, and an interrupt names the results folder, not every file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bibnorm import io
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.config import load_settings
from bibnorm.corpus.documents import find_documents
from bibnorm.corpus.jobs import with_absolute_paths
from click.testing import CliRunner
from corpus_runs import folder_bytes, two_dask_workers
from fakes.broken_api import closed_port
from test_corpus import env, sources, write_corpus  # noqa: F401  (fixtures)


def test_every_document_path_a_worker_gets_is_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "venue", {"a/x.bib": "", "y.bib": ""})
    documents = find_documents("venue")
    assert [d.path for d in documents] == [tmp_path / "venue/a/x.bib", tmp_path / "venue/y.bib"]
    assert [d.relative for d in documents] == ["a/x.bib", "y.bib"]  # the results keep relative ones


def test_every_path_setting_a_worker_gets_is_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "index.sqlite").write_bytes(b"")
    settings = with_absolute_paths(load_settings({"cache_dir": "cache", "snapshot": "index.sqlite"}))
    assert (settings.cache_dir, settings.snapshot) == (tmp_path / "cache", tmp_path / "index.sqlite")


def test_relative_paths_on_dask_workers_in_another_folder_give_the_local_results(
    env: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The workers start in one folder; the run is asked from another, with relative paths."""
    elsewhere = env / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with two_dask_workers(processes=True) as cluster:
        monkeypatch.chdir(env)
        write_corpus(env / "venue")
        local = CliRunner().invoke(main, ["verify", "venue", "--out", "local", "--workers", "2"])
        dask = CliRunner().invoke(
            main, ["verify", "venue", "--out", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert local.exit_code == dask.exit_code == EXIT_FINDINGS, dask.output
    assert "0 unreadable" in dask.stderr
    assert folder_bytes(env / "dask") == folder_bytes(env / "local")


def test_a_corpus_of_unreadable_documents_fails_in_one_line(env: Path) -> None:  # noqa: F811
    write_corpus(env / "venue", {f"paper{n}.pdf": "not a PDF at all" for n in range(3)})
    result = CliRunner().invoke(main, ["verify", "venue", "--out", "results"])
    assert result.exit_code == EXIT_FATAL
    summary, error = result.stderr.splitlines()
    assert summary.startswith("3 documents (0 verified now, 0 from earlier runs, 3 unreadable)")
    assert error.startswith("bibnorm: error: no document could be read (3 unreadable; ")
    assert error.endswith(f"see {Path('results') / 'summary.csv'}")


def test_a_corpus_whose_references_no_source_could_judge_fails_in_one_line(
    env: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port = closed_port()
    for source in ("ARXIV", "S2", "DBLP", "CROSSREF", "OPENALEX", "OPENLIBRARY"):
        monkeypatch.setenv(f"BIBNORM_{source}_API_URL", f"http://127.0.0.1:{port}/")
    write_corpus(env / "venue", {"a.bib": "@misc{x, title={Denoising Diffusion Probabilistic Models}}\n"})
    result = CliRunner().invoke(main, ["verify", "venue", "--out", "results", "-q"])
    assert result.exit_code == EXIT_SOURCES_FAILED
    [error] = result.stderr.splitlines()
    assert error.startswith("bibnorm: error: no reference could be judged (all 1 unverifiable")


def test_an_interrupted_corpus_run_names_its_results_folder_not_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    journal = io.WrittenFiles()
    journal.record_folder(Path("results"))
    for n in range(88):
        journal.record((tmp_path / "results/documents" / f"paper{n}.html").absolute())
    journal.record(Path("results/summary.csv").absolute())
    described = journal.describe()
    assert described == (
        f"the results so far are in results{os.sep} (a run with the same folder goes on from them)"
    )


def test_an_interrupt_names_a_few_files_and_counts_the_rest(tmp_path: Path) -> None:
    journal = io.WrittenFiles()
    for n in range(5):
        journal.record(tmp_path / f"{n}.bib")
    assert journal.describe() == (
        f"already written: {tmp_path / '0.bib'}, {tmp_path / '1.bib'}, {tmp_path / '2.bib'} and 2 more"
    )
