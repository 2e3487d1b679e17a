"""``bibnorm tex`` end to end on the fixture LaTeX project, offline against a snapshot index.

The fixture (fixtures/latex) cites three arXiv papers that are in dev-snapshot.jsonl
(2304.01663 with an "arXiv:" prefix and version, 1206.5538, 2201.13027 from an \\input
chapter), one key already in refs.bib, one unknown key and, in the natbib variant, one
DOI the snapshot cannot resolve. After the run the documents compile with real
pdflatex + bibtex / biber with only the unresolvable keys undefined.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import bibtexparser
import pytest
from bibnorm.cli import main
from bibnorm.cli.tex_cmd import watch_tex
from bibnorm.config import Settings
from click.testing import CliRunner, Result
from clients import PDFLATEX, need
from clients import run as run_client
from paths import ROOT

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"

UNKNOWN_LINE = "main.tex:13: smith2099unknown: not in the bibliography and not an arXiv id or DOI"
DOI_KEY = "doi:10.1038/s42256-024-00832-8"
ADDED = {
    # key the author cited: (arXiv id, title) as in dev-snapshot.jsonl; capitals braced from
    # evidence: BOAT's abstract writes "vision Transformer" mid-sentence, never "transformer".
    "arXiv:2304.01663v1": ("2304.01663", "On the Stability-Plasticity Dilemma of Class-Incremental Learning"),
    "1206.5538": ("1206.5538", "Representation Learning: A Review and New Perspectives"),
    "2201.13027": ("2201.13027", "{BOAT}: Bilateral Local Attention Vision {Transformer}"),
}


@pytest.fixture
def snapshot_index(dev_index: Path) -> Path:
    return dev_index


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the fixture project as the working directory, with no bibnorm env settings."""
    folder = tmp_path / "paper"
    shutil.copytree(FIXTURES, folder)
    monkeypatch.chdir(folder)
    for name in list(os.environ):
        if name.startswith("BIBNORM_") or name == "S2_API_KEY":
            monkeypatch.delenv(name)
    return folder


def run_tex(args: list[str], snapshot: Path, cache: Path) -> Result:
    offline = ["--offline", "--snapshot", str(snapshot), "--resolvers", "snapshot", "--cache-dir", str(cache)]
    return CliRunner().invoke(main, ["tex", *args, *offline])


def entries(path: Path) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    return {e.key: {f.key.lower(): str(f.value) for f in e.fields} for e in library.entries}


def test_natbib_project_gets_its_arxiv_keys_and_reports_the_rest(project: Path, snapshot_index: Path) -> None:
    original = (project / "refs.bib").read_bytes()
    result = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert UNKNOWN_LINE in lines
    assert any(line.startswith(f"main.tex:14: {DOI_KEY}: ") for line in lines), lines
    assert lines[-1] == (
        "bibnorm: refs.bib: added 3 (arXiv:2304.01663v1, 1206.5538, 2201.13027);"
        " 1 already present; 2 not resolved"
    )
    written = (project / "refs.bib").read_bytes()
    assert written.startswith(original)  # the existing entry and comment, byte for byte
    found = entries(project / "refs.bib")
    assert set(found) == {"vaswani2017attention", *ADDED}
    for key, (arxiv_id, title) in ADDED.items():
        assert (found[key]["eprint"], found[key]["title"]) == (arxiv_id, title)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("style", "kept", "left_out"),
    [
        # plainnat's @misc prints howpublished and url (not eprint, nor doi): the id once, eprint and
        # the arXiv DOI kept for tools.
        pytest.param("plainnat", {"howpublished", "eprint"}, {"url"}, id="plainnat"),
        # ACM-Reference-Format prints eprint and howpublished: eprint alone.
        pytest.param("ACM-Reference-Format", {"eprint"}, {"howpublished", "doi", "url"}, id="acm"),
        # A style bibnorm does not know: the default, which every common style prints once.
        pytest.param("elsarticle-num", {"howpublished"}, {"eprint", "doi", "url"}, id="unknown-style"),
    ],
)
def test_new_entries_follow_the_drafts_style(
    project: Path, snapshot_index: Path, style: str, kept: set[str], left_out: set[str]
) -> None:
    main_tex = project / "main.tex"
    main_tex.write_text(main_tex.read_text("utf-8").replace("{plainnat}", "{" + style + "}"), "utf-8")
    run_tex(["main.tex"], snapshot_index, project / "cache")
    for key in ADDED:
        names = set(entries(project / "refs.bib")[key])
        assert kept <= names and not (left_out & names), (key, names)


def test_bst_overrides_the_drafts_style(project: Path, snapshot_index: Path) -> None:
    run_tex(["main.tex", "--bst", "ACM-Reference-Format"], snapshot_index, project / "cache")
    assert "howpublished" not in entries(project / "refs.bib")["1206.5538"]


@pytest.mark.clients
def test_a_plainnat_draft_prints_each_new_id_once(project: Path, snapshot_index: Path) -> None:
    need("bibtex")
    run_tex(["main.tex"], snapshot_index, project / "cache")
    (project / "doc.aux").write_text("\\citation{*}\n\\bibstyle{plainnat}\n\\bibdata{refs}\n", "utf-8")
    assert run_client(["bibtex", "doc"], project).returncode == 0
    bbl = (project / "doc.bbl").read_text("utf-8")
    for key in ADDED:
        bbl = bbl.replace("{" + key + "}", "")  # the \\bibitem's key, which may be the id
    for arxiv_id, _ in ADDED.values():
        assert bbl.count(arxiv_id) == 1, (arxiv_id, bbl)


def test_rerun_changes_nothing(project: Path, snapshot_index: Path) -> None:
    run_tex(["main.tex"], snapshot_index, project / "cache")
    first = (project / "refs.bib").read_bytes()
    stamp = (project / "refs.bib").stat().st_mtime_ns
    again = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert again.exit_code == 3
    assert (project / "refs.bib").read_bytes() == first
    assert (project / "refs.bib").stat().st_mtime_ns == stamp  # not even rewritten
    assert again.stderr.splitlines()[-1] == "bibnorm: refs.bib: unchanged; 4 already present; 2 not resolved"


def test_all_keys_present_exits_0(project: Path, snapshot_index: Path) -> None:
    (project / "done.tex").write_text("\\citep{vaswani2017attention}\n\\bibliography{refs}\n")
    result = run_tex(["done.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 0, result.output
    assert result.stderr == "bibnorm: refs.bib: unchanged; 1 already present\n"


def test_from_aux_after_a_latex_run(project: Path, snapshot_index: Path) -> None:
    need("pdflatex")
    _latex(project, "main")
    result = run_tex(["main.aux"], snapshot_index, project / "cache")
    assert result.exit_code == 3
    assert UNKNOWN_LINE in result.stderr.splitlines()  # located through main.tex
    assert set(entries(project / "refs.bib")) == {"vaswani2017attention", *ADDED}


def test_output_option_writes_elsewhere_and_counts_the_document_bibliography(
    project: Path, snapshot_index: Path
) -> None:
    original = (project / "refs.bib").read_bytes()
    result = run_tex(["main.tex", "-o", "new.bib"], snapshot_index, project / "cache")
    assert result.exit_code == 3
    assert (project / "refs.bib").read_bytes() == original
    assert set(entries(project / "new.bib")) == set(ADDED)  # vaswani2017attention is in refs.bib already


def test_stdout_output_prints_only_the_new_entries(project: Path, snapshot_index: Path) -> None:
    original = (project / "refs.bib").read_bytes()
    result = run_tex(["main.tex", "-o", "-"], snapshot_index, project / "cache")
    assert result.exit_code == 3
    assert result.stdout.startswith("@misc{arXiv:2304.01663v1,\n")
    assert [line for line in result.stdout.splitlines() if line.startswith("@")] == [
        "@misc{arXiv:2304.01663v1,",
        "@misc{1206.5538,",
        "@misc{2201.13027,",
    ]
    assert (project / "refs.bib").read_bytes() == original


def test_json_says_what_was_added_and_what_was_not(project: Path, snapshot_index: Path) -> None:
    result = run_tex(["main.tex", "--json"], snapshot_index, project / "cache")
    assert result.exit_code == 3, result.output
    report = json.loads(result.stdout)
    unresolved = {item["key"]: item for item in report.pop("unresolved")}
    assert report == {"bibliography": "refs.bib", "added": list(ADDED), "upgraded": [], "present": 1}
    assert sorted(unresolved) == sorted(["smith2099unknown", DOI_KEY])
    assert unresolved["smith2099unknown"] == {
        "key": "smith2099unknown",
        "message": "not in the bibliography and not an arXiv id or DOI",
        "cited_at": [{"path": "main.tex", "line": 13}],
    }
    assert set(entries(project / "refs.bib")) == {"vaswani2017attention", *ADDED}  # written as without


@pytest.mark.parametrize(
    "args",
    [pytest.param(["-o", "-"], id="entries-on-stdout"), pytest.param(["--watch"], id="watching")],
)
def test_json_is_refused_where_stdout_would_hold_more_than_one_report(
    project: Path, snapshot_index: Path, args: list[str]
) -> None:
    result = run_tex(["main.tex", "--json", *args], snapshot_index, project / "cache")
    assert (result.exit_code, result.stderr) == (
        2,
        "bibnorm: error: --json prints one report on stdout: not with --watch or -o -\n",
    )


@pytest.mark.parametrize(
    ("tex", "args", "code", "message"),
    [
        pytest.param(
            "\\cite{2201.13027}\n",
            [],
            2,
            "bibnorm: error: nobib.tex: names no bibliography"
            " (\\bibliography or \\addbibresource); give -o PATH\n",
            id="no-bibliography-no-output",
        ),
        pytest.param(None, [], 1, "bibnorm: error: nobib.tex: no such file\n", id="missing-main"),
    ],
)
def test_fatal_and_usage_errors(
    project: Path, snapshot_index: Path, tex: str | None, args: list[str], code: int, message: str
) -> None:
    if tex is not None:
        (project / "nobib.tex").write_text(tex)
    result = run_tex(["nobib.tex", *args], snapshot_index, project / "cache")
    assert (result.exit_code, result.stderr) == (code, message)


def test_interrupted_render_leaves_the_bib_intact(
    project: Path, snapshot_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bibnorm.writers import WriterSpec

    original = (project / "refs.bib").read_bytes()

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(WriterSpec, "render", interrupted)
    result = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 130
    assert (project / "refs.bib").read_bytes() == original


def test_failed_write_leaves_the_bib_intact(
    project: Path, snapshot_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = (project / "refs.bib").read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 1
    assert result.stderr.endswith("bibnorm: error: cannot write refs.bib: No space left on device\n")
    assert (project / "refs.bib").read_bytes() == original
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == []  # no temp file left


@pytest.mark.parametrize(
    ("swap", "why"),
    [
        pytest.param("link-out", "now leads to {victim}", id="a-link-to-a-bib-outside"),
        pytest.param("link-not-bib", "now leads to {notes}", id="a-link-to-a-file-that-is-not-a-bib"),
        pytest.param("replaced", "was replaced", id="another-file-renamed-over-it"),
    ],
)
def test_a_bib_swapped_while_the_run_resolves_is_not_written_through(
    project: Path, snapshot_index: Path, monkeypatch: pytest.MonkeyPatch, swap: str, why: str
) -> None:
    """The draft's refs.bib passes the checks, then, while bibnorm works, another process
    swaps it (time of check to time of use). The write must go to the checked file or nowhere."""
    from bibnorm.writers import WriterSpec

    victim = project.parent / "victim.bib"
    victim.write_text("@misc{mine, title = {Mine}}\n", encoding="utf-8")
    notes = project / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    bib = project / "refs.bib"
    original = bib.read_bytes()
    render = WriterSpec.render

    def swapped_then_rendered(self: WriterSpec, *args: object, **kwargs: object) -> object:
        if not bib.is_symlink() and bib.read_bytes() == original:
            if swap == "replaced":  # an editor's save: a new file renamed over it
                (project / "refs.bib.new").write_bytes(original)
                os.replace(project / "refs.bib.new", bib)
            else:
                bib.unlink()
                bib.symlink_to(os.path.relpath(victim if swap == "link-out" else notes, project))
        return render(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(WriterSpec, "render", swapped_then_rendered)
    result = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 1, result.output
    message = why.format(victim=victim.resolve(), notes=notes.resolve())
    assert result.stderr.splitlines()[-1] == (
        f"bibnorm: error: refusing to write refs.bib: it {message} since it was checked (a link or another"
        " file swapped in while bibnorm worked); nothing was written, run again"
    )
    assert victim.read_text(encoding="utf-8") == "@misc{mine, title = {Mine}}\n"
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert bib.is_symlink() == (swap != "replaced")  # the link is left as the other process made it
    if swap == "replaced":
        assert bib.read_bytes() == original  # the file now there: untouched
    assert not [p.name for p in project.iterdir() if p.name.endswith(".tmp")]


def test_non_utf8_bib_is_refused(project: Path, snapshot_index: Path) -> None:
    (project / "refs.bib").write_bytes("@misc{m, author = {M\xfcller}}\n".encode("latin-1"))
    result = run_tex(["main.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 1
    assert "refs.bib: not UTF-8" in result.stderr


def test_watch_reruns_when_an_included_file_changes(project: Path, snapshot_index: Path) -> None:
    settings = Settings(
        offline=True, snapshot=snapshot_index, resolvers=("snapshot",), cache_dir=project / "cache"
    )
    stop = threading.Event()
    worker = threading.Thread(
        target=watch_tex,
        args=(Path("main.tex"), None, None, settings),
        kwargs={"quiet": True, "debounce_ms": 50, "stop_event": stop},
    )
    worker.start()
    try:
        _wait_for(lambda: "@misc{2201.13027," in (project / "refs.bib").read_text())
        time.sleep(0.3)  # let the watcher arm before editing
        with (project / "chapters" / "intro.tex").open("a") as handle:
            handle.write("Operators: \\citep{2401.17992}.\n")
        _wait_for(lambda: "@misc{2401.17992," in (project / "refs.bib").read_text())
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    assert entries(project / "refs.bib")["2401.17992"]["title"] == "Multilinear Operator Networks"


def _wait_for(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["tex", "--help"])
    assert result.exit_code == 0
    assert "bibnorm tex paper.tex --watch" in result.output


# ---------------------------------------------------------------------- real LaTeX toolchains


def _latex(folder: Path, job: str) -> str:
    completed = run_client([*PDFLATEX[:-1], f"{job}.tex"], folder)
    assert completed.returncode == 0, completed.stdout[-2000:]
    return (folder / f"{job}.log").read_text(errors="replace")


def _undefined(log: str) -> set[str]:
    flat = re.sub(r"\n", "", log)  # TeX wraps log lines at 79 characters
    return set(re.findall(r"Citation [`']([^']+)' (?:on page \d+ )?undefined", flat))


@pytest.mark.clients
def test_natbib_project_compiles_with_bibtex(project: Path, snapshot_index: Path) -> None:
    need("pdflatex", "bibtex")
    assert _undefined(_latex(project, "main")) >= {"arXiv:2304.01663v1", "1206.5538", "2201.13027"}
    run_tex(["main.aux"], snapshot_index, project / "cache")
    bibtex = run_client(["bibtex", "main"], project)
    warnings = [line for line in bibtex.stdout.splitlines() if line.startswith("Warning--")]
    assert warnings == [
        'Warning--I didn\'t find a database entry for "smith2099unknown"',
        f'Warning--I didn\'t find a database entry for "{DOI_KEY}"',
    ]
    _latex(project, "main")
    assert _undefined(_latex(project, "main")) == {"smith2099unknown", DOI_KEY}


@pytest.mark.clients
def test_biblatex_project_compiles_with_biber(project: Path, snapshot_index: Path) -> None:
    need("pdflatex", "biber")
    original = (project / "refs-biblatex.bib").read_bytes()
    result = run_tex(["main-biblatex.tex"], snapshot_index, project / "cache")
    assert result.exit_code == 3
    assert "main-biblatex.tex:10: smith2099unknown: not in the bibliography and not an arXiv id or DOI" in (
        result.stderr.splitlines()
    )
    assert (project / "refs-biblatex.bib").read_bytes().startswith(original)
    _latex(project, "main-biblatex")
    biber = run_client(["biber", "main-biblatex"], project)
    assert biber.returncode == 0, biber.stdout
    warnings = [line for line in biber.stdout.splitlines() if line.startswith("WARN")]
    assert warnings == ["WARN - I didn't find a database entry for 'smith2099unknown' (section 0)"]
    _latex(project, "main-biblatex")
    log = _latex(project, "main-biblatex")
    assert _undefined(log) == {"smith2099unknown"}


def test_two_drafts_completing_one_bib_at_once_both_keep_their_entries(
    project: Path, snapshot_index: Path
) -> None:
    """Each run reads, resolves and appends under a lock, so neither overwrites the other's entries."""
    drafts = {"a.tex": "1206.5538", "b.tex": "2201.13027"}
    for name, key in drafts.items():
        (project / name).write_text(
            f"\\documentclass{{article}}\\begin{{document}}\\cite{{{key}}}\\bibliography{{refs}}\\end{{document}}\n",
            encoding="utf-8",
        )
    original = (project / "refs.bib").read_bytes()
    for _trial in range(3):
        (project / "refs.bib").write_bytes(original)
        offline = ["--offline", "--snapshot", str(snapshot_index), "--resolvers", "snapshot"]
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "normalizer",
                    "tex",
                    name,
                    *offline,
                    "--cache-dir",
                    str(project / "c"),
                ],
                cwd=project,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stderr=subprocess.PIPE,
            )
            for name in drafts
        ]
        messages = [run.communicate(timeout=120)[1].decode() for run in runs]
        assert [run.returncode for run in runs] == [0, 0], messages
        assert set(entries(project / "refs.bib")) == {"vaswani2017attention", *drafts.values()}
        assert (project / "refs.bib").read_bytes().startswith(original)
