"""A corpus run's results folder is its own: it writes, replaces and deletes only the files a run
made there (`bibnorm.corpus.owned`), never through a link, and never into the corpus itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_OK, EXIT_SOURCES_FAILED, EXIT_USAGE, main
from bibnorm.corpus.engines import SerialEngine
from bibnorm.corpus.owned import OWN
from bibnorm.corpus.run import run_corpus
from bibnorm.errors import OutputError, UsageError
from bibnorm.io import HELD
from click.testing import CliRunner
from test_corpus import DDPM, env, job, sources, write_corpus  # noqa: F401  (fixtures)

VENUE = {"a.bib": DDPM, "sub/b.bib": DDPM}


@pytest.fixture
def here(env: Path) -> Path:  # noqa: F811  (test_corpus's: the working folder, its sources running)
    return env


PRECIOUS = "the user's own file\n"


def test_a_run_into_a_folder_with_files_of_its_own_leaves_them_and_names_them_in_one_line(here: Path) -> None:
    write_corpus(here / "venue", VENUE)
    # A folder the user keeps other things in, under the names a run uses for its folders.
    write_corpus(
        here / "out", {"bib/mine.bib": PRECIOUS, "documents/notes.html": PRECIOUS, "README": PRECIOUS}
    )

    first = CliRunner().invoke(main, ["resolve", "venue", "--out", "out", "--offline", "-q"])
    second = CliRunner().invoke(main, ["resolve", "venue", "--out", "out", "--offline", "-q"])

    for result in (first, second):
        assert result.exit_code == EXIT_OK, result.output
        assert result.stderr == (
            "bibnorm: warning: left alone in out (no bibnorm run wrote them):"
            " bib/mine.bib, documents/notes.html\n"
        )
    for name in ("bib/mine.bib", "documents/notes.html", "README"):
        assert (here / "out" / name).read_text(encoding="utf-8") == PRECIOUS
    own = (here / "out" / OWN).read_text(encoding="utf-8").splitlines()
    assert "summary.csv" in own and "bib/mine.bib" not in own
    assert len([name for name in own if name.startswith("documents/")]) == len(VENUE)


def test_a_withdrawn_document_takes_only_the_files_a_run_wrote_for_it(here: Path) -> None:
    write_corpus(here / "venue", VENUE)
    run_corpus("venue", here / "out", job(), SerialEngine())
    pages = sorted((here / "out/documents").iterdir())
    assert len(pages) == 2
    (here / "out/documents/kept.html").write_text(PRECIOUS, encoding="utf-8")
    (here / "venue/sub/b.bib").unlink()

    outcome = run_corpus("venue", here / "out", job(), SerialEngine())

    assert len(outcome.rows) == 1
    assert sorted(path.name for path in (here / "out/documents").iterdir()) == sorted(
        [next(p.name for p in pages if p.exists()), "kept.html"]
    )
    assert (here / "out/documents/kept.html").read_text(encoding="utf-8") == PRECIOUS
    assert outcome.left_alone == ["documents/kept.html"]


@pytest.mark.parametrize(
    ("out", "message"),
    [
        pytest.param("papers", "--out papers is the corpus's folder papers", id="out-is-the-corpus"),
        pytest.param(".", "--out . holds the corpus's folder papers", id="out-holds-the-corpus"),
    ],
)
def test_a_results_folder_that_is_or_holds_the_corpus_is_refused_before_anything_is_written(
    here: Path, out: str, message: str
) -> None:
    write_corpus(here / "papers", {"bib/a.bib": DDPM, "bib/b.bib": DDPM})
    before = sorted(str(path) for path in here.rglob("*"))

    result = CliRunner().invoke(main, ["resolve", "papers", "--out", out, "--offline", "-q"])

    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith(f"bibnorm: error: {message}: give the results a folder of their own")
    assert len(result.stderr.splitlines()) == 1
    assert sorted(str(path) for path in here.rglob("*")) == before
    assert (here / "papers/bib/a.bib").read_text(encoding="utf-8") == DDPM


def test_a_manifest_beside_its_documents_is_refused_as_the_output_folder(here: Path) -> None:
    write_corpus(here / "venue", {"m.csv": "id,path\nP1,a.bib\n", "a.bib": DDPM})
    with pytest.raises(UsageError):
        run_corpus("venue/m.csv", here / "venue", job(), SerialEngine())
    assert sorted(path.name for path in (here / "venue").iterdir()) == ["a.bib", "m.csv"]


@pytest.mark.parametrize(
    "planted",
    [
        pytest.param("summary.csv", id="summary-csv"),
        pytest.param("summary.html", id="summary-html"),
        pytest.param("results/0.jsonl", id="a-shard"),
        pytest.param(OWN, id="the-list-of-its-files"),
    ],
)
@pytest.mark.parametrize("earlier_run", [False, True], ids=["new-folder", "after-a-run"])
def test_a_link_planted_in_the_results_folder_never_makes_the_run_write_its_target(
    here: Path, planted: str, earlier_run: bool
) -> None:
    write_corpus(here / "venue", VENUE)
    victim = here / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    if earlier_run:
        run_corpus("venue", here / "out", job(), SerialEngine())
        (here / "venue/late.bib").write_text(DDPM, encoding="utf-8")  # so the next run writes again
    link = here / "out" / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        link.unlink()
    link.symlink_to(victim)

    result = CliRunner().invoke(main, ["verify", "venue", "--out", "out", "--offline", "-q"])

    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert result.exit_code == EXIT_FATAL, result.output
    assert len(result.stderr.splitlines()) == 1
    assert "bibnorm: error:" in result.stderr and planted.split("/")[-1] in result.stderr
    assert link.is_symlink()


def test_every_shard_a_killed_run_left_is_opened_by_its_name_never_through_a_link(here: Path) -> None:
    write_corpus(here / "venue", VENUE)
    run_corpus("venue", here / "out", job(), SerialEngine())
    victim = here / "victim.jsonl"
    victim.write_text("not a result", encoding="utf-8")  # no newline: a run would cut it back
    for shard in (here / "out/results").iterdir():
        shard.unlink()
        shard.symlink_to(victim)

    with pytest.raises(OutputError, match="link"):
        run_corpus("venue", here / "out", job(), SerialEngine())
    assert victim.read_text(encoding="utf-8") == "not a result"


@pytest.mark.parametrize("folder", ["documents", "results", "bib"])
def test_a_results_folder_whose_own_folders_are_links_is_refused(here: Path, folder: str) -> None:
    write_corpus(here / "venue", VENUE)
    elsewhere = here / "elsewhere"
    elsewhere.mkdir()
    (here / "out").mkdir()
    (here / "out" / folder).symlink_to(elsewhere, target_is_directory=True)

    result = CliRunner().invoke(main, ["resolve", "venue", "--out", "out", "--offline", "-q"])

    assert result.exit_code == EXIT_FATAL
    assert result.stderr == (
        f"bibnorm: error: out/{folder} is a link: a results folder's folders are its own; remove it or choose"
        " another --out (nothing was written)\n"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_folder_holding_someone_elses_summary_is_refused(here: Path) -> None:
    write_corpus(here / "venue", VENUE)
    write_corpus(here / "out", {"summary.csv": PRECIOUS})

    result = CliRunner().invoke(main, ["verify", "venue", "--out", "out", "--offline", "-q"])

    assert result.exit_code == EXIT_FATAL
    assert "out holds summary.csv, which no bibnorm run wrote there" in result.stderr
    assert (here / "out/summary.csv").read_text(encoding="utf-8") == PRECIOUS


def test_a_results_folder_an_earlier_version_wrote_is_taken_over_for_the_names_it_gave(here: Path) -> None:
    write_corpus(here / "venue", VENUE)
    run_corpus("venue", here / "out", job(), SerialEngine())
    expected = sorted(str(path.relative_to(here / "out")) for path in (here / "out").rglob("*"))
    (here / "out" / OWN).unlink()  # as earlier versions left it: their lock file, no list
    (here / "out/documents/0123456789abcdef.html").write_text("a withdrawn document's page", encoding="utf-8")
    (here / "out/documents/mine.html").write_text(PRECIOUS, encoding="utf-8")

    outcome = run_corpus("venue", here / "out", job(), SerialEngine())

    assert (here / "out" / HELD).exists()
    assert not (here / "out/documents/0123456789abcdef.html").exists()  # an earlier version's, withdrawn
    assert outcome.left_alone == ["documents/mine.html"]
    assert sorted(str(p.relative_to(here / "out")) for p in (here / "out").rglob("*")) == sorted(
        [*expected, "documents/mine.html"]
    )


def test_the_summary_csv_never_starts_a_cell_with_a_formula(here: Path) -> None:
    write_corpus(here / "venue", {"=HYPERLINK(1).bib": DDPM, "+a.bib": DDPM, "@b.bib": DDPM, "-c.bib": DDPM})
    run_corpus("venue", here / "out", job(), SerialEngine())
    cells = [
        line.split(",")[0] for line in (here / "out/summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    assert sorted(cells) == ["'+a.bib", "'-c.bib", "'=HYPERLINK(1).bib", "'@b.bib"]


# --- the documents stay in the corpus ---------------------------------------------------------------


def _outside_layouts(here: Path) -> None:
    """A secret beside the corpus, and the ways a corpus could bring it in."""
    write_corpus(here, {"secret/notes.bib": DDPM, "venue/a.bib": DDPM})
    (here / "venue/m-dots.csv").write_text("id,path\nP1,a.bib\nP2,../secret/notes.bib\n", encoding="utf-8")
    (here / "venue/m-abs.csv").write_text(
        f"id,path\nP1,a.bib\nP2,{here}/secret/notes.bib\n", encoding="utf-8"
    )
    (here / "venue/m-link.jsonl").write_text('{"id": "P1", "path": "linked.bib"}\n', encoding="utf-8")


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        pytest.param("venue/m-dots.csv", "../secret/notes.bib", id="manifest-climbs-with-dots"),
        pytest.param("venue/m-abs.csv", "{here}/secret/notes.bib", id="manifest-absolute-path"),
        pytest.param("venue/m-link.jsonl", "linked.bib", id="manifest-names-a-link-leading-out"),
        pytest.param("venue", "linked.bib", id="folder-holds-a-link-leading-out"),
        pytest.param("venue/*.bib", "linked.bib", id="glob-matches-a-link-leading-out"),
    ],
)
def test_a_document_outside_the_corpus_is_refused_unless_allowed(here: Path, spec: str, shown: str) -> None:
    _outside_layouts(here)
    (here / "venue/linked.bib").symlink_to(here / "secret/notes.bib")

    refused = CliRunner().invoke(main, ["verify", spec, "--out", "out", "--offline", "-q"])
    written = (here / "out").exists()
    allowed = CliRunner().invoke(main, ["verify", spec, "--out", "out", "--offline", "-q", "--allow-outside"])

    assert refused.exit_code == EXIT_FATAL
    assert refused.stderr == (
        f"bibnorm: error: {spec}: {shown.format(here=here)} is outside the corpus's folder"
        f" {Path(spec).parent if '.' in Path(spec).name else spec} (it leads to {here / 'secret/notes.bib'}):"
        " a corpus takes only its own files; pass --allow-outside to take it\n"
    )
    assert not written
    # Taken: offline with nothing cached no reference can be judged (exit 4, one line), but every
    # document, the one outside included, was read and is in the summary.
    assert allowed.exit_code == EXIT_SOURCES_FAILED, allowed.output
    paths = [
        line.split(",")[1] for line in (here / "out/summary.csv").read_text(encoding="utf-8").splitlines()
    ]
    assert shown.format(here=here) in paths


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        pytest.param(
            "m.csv",
            "id,path\nP0,a.bib\nP1," + "a" * 200_000 + "\n",
            "m.csv: row 2: not a manifest row: field larger than field limit (131072)",
            id="csv-field-over-128k",
        ),
        pytest.param(
            "m.jsonl",
            '{"id": "P0", "path": "a.bib"}\n' + "[" * 200_000 + "\n",
            "m.jsonl:2: not JSON: nested too deeply",
            id="jsonl-nested-deeply",
        ),
    ],
)
def test_a_hostile_manifest_is_one_line(here: Path, name: str, text: str, message: str) -> None:
    write_corpus(here, {name: text, "a.bib": DDPM})
    result = CliRunner().invoke(main, ["verify", name, "--out", "out", "--offline", "-q"])
    assert (result.exit_code, result.stderr) == (EXIT_FATAL, f"bibnorm: error: {message}\n")
