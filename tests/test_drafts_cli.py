"""``bibnorm tex`` on drafts that are not LaTeX, end to end, offline against the snapshot index.

The fixtures (fixtures/drafts, see its README) are a pandoc Markdown paper with a CSL-JSON
bibliography, a Quarto document with a list of bibliographies (CSL YAML first, then BibTeX), an
R Markdown file (BibTeX), a MyST notebook whose ``myst.yml`` names its BibTeX file, and a Typst
paper with a Hayagriva file, and with a BibTeX one. Each cites eleven works: four already in its
bibliography (three by hand-written keys, one by an arXiv key) and seven by arXiv id or arXiv
DOI that are not. One
run of ``bibnorm tex`` per draft (module-scoped) is what the tests look at; then each document
is compiled with the real tools: pandoc ``--citeproc`` for Markdown, Quarto and R Markdown (Quarto
renders through pandoc), the notebook's Markdown cells with MyST's roles written as pandoc
citations, and the ``typst`` package, each with every citation resolved and no warning.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bibnorm.cli import main
from bibnorm.cli.tex_cmd import watch_tex
from bibnorm.config import Settings
from click.testing import CliRunner, Result
from clients import need
from clients import run as run_client
from paths import FIXTURES

DRAFTS = FIXTURES / "drafts"

ADDED = [  # in citation order, the keys as each draft cites them
    "1704.04861",
    "arXiv:2207.01405",
    "doi:10.48550/arXiv.2310.19909",
    "2206.02680",
    "arXiv:2303.02165",
    "2401.10166",
    "doi:10.48550/arXiv.2106.05974",
]
PRESENT = {"vaswani2017attention", "he2016resnet", "dosovitskiy2021vit", "arXiv:2106.04560"}


@dataclass(frozen=True)
class Draft:
    folder: str
    draft: str
    target: str  # the bibliography the new entries go to
    read_keys: str  # how the test reads the target's keys: bib, json, csl-yaml, hayagriva


CASES = [
    pytest.param(Draft("markdown", "paper.md", "refs.json", "json"), id="pandoc-markdown-csl-json"),
    pytest.param(Draft("quarto", "paper.qmd", "refs.yaml", "csl-yaml"), id="quarto-list-csl-yaml"),
    pytest.param(Draft("rmarkdown", "paper.Rmd", "refs.bib", "bib"), id="rmarkdown-bibtex"),
    pytest.param(Draft("myst", "paper.ipynb", "refs.bib", "bib"), id="myst-notebook-bibtex"),
    pytest.param(Draft("typst", "paper.typ", "refs.yml", "hayagriva"), id="typst-hayagriva"),
    pytest.param(Draft("typst-bib", "paper.typ", "refs.bib", "bib"), id="typst-bibtex"),
]


def offline(snapshot: Path, cache: Path) -> list[str]:
    return ["--offline", "--snapshot", str(snapshot), "--resolvers", "snapshot", "--cache-dir", str(cache)]


def run_tex(folder: Path, args: list[str], snapshot: Path) -> Result:
    """``bibnorm tex ARGS`` with ``folder`` as the working directory."""
    here = Path.cwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["tex", *args, *offline(snapshot, folder.parent / "cache")])
    finally:
        os.chdir(here)


@dataclass
class Ran:
    folder: Path
    result: Result
    before: bytes
    after: bytes
    mtime: int


@pytest.fixture(scope="module")
def clean_env() -> Iterator[None]:
    saved = {k: v for k, v in os.environ.items() if k.startswith("BIBNORM_") or k == "S2_API_KEY"}
    for name in saved:
        del os.environ[name]
    yield
    os.environ.update(saved)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory, dev_index: Path, clean_env: None) -> dict[str, Ran]:
    """Every fixture draft copied and completed once by ``bibnorm tex``."""
    root = tmp_path_factory.mktemp("drafts")
    shutil.copytree(DRAFTS, root / "drafts")
    out = {}
    for case in CASES:
        draft: Draft = case.values[0]  # type: ignore[assignment]
        folder = root / "drafts" / draft.folder
        before = (folder / draft.target).read_bytes()
        result = run_tex(folder, [draft.draft], dev_index)
        target = folder / draft.target
        out[draft.folder] = Ran(folder, result, before, target.read_bytes(), target.stat().st_mtime_ns)
    return out


def keys_of(path: Path, kind: str) -> list[str]:
    """The keys of a bibliography file, read by the tool's own kind of reader (not bibnorm's)."""
    text = path.read_text(encoding="utf-8")
    if kind == "bib":
        import bibtexparser

        return [entry.key for entry in bibtexparser.parse_string(text).entries]
    if kind == "json":
        return [item["id"] for item in json.loads(text)]
    if kind == "csl-yaml":
        return [item["id"] for item in yaml.safe_load(text)["references"]]
    return list(yaml.safe_load(text))


@pytest.mark.parametrize("draft", CASES)
def test_exactly_the_missing_entries_are_added_under_the_keys_cited(
    draft: Draft, ran: dict[str, Ran]
) -> None:
    run = ran[draft.folder]
    assert run.result.exit_code == 0, run.result.output
    assert run.result.stderr == (
        f"bibnorm: {draft.target}: added 7 ({', '.join(ADDED)}); 4 already present\n"
    )
    keys = keys_of(run.folder / draft.target, draft.read_keys)
    before = [key for key in keys if key not in ADDED]
    assert keys == [*before, *ADDED]


@pytest.mark.parametrize("draft", CASES)
def test_existing_entries_keep_their_bytes(draft: Draft, ran: dict[str, Ran]) -> None:
    run = ran[draft.folder]
    before, after = run.before.decode(), run.after.decode()
    if draft.read_keys == "json":
        # Every item and the opening bracket as written; a comma after the last one.
        kept = before.rstrip().removesuffix("]").rstrip()
        assert after.startswith(kept + ",\n")
    elif draft.read_keys == "csl-yaml":
        # The new items go after the last one; the comment and the end marker after them stay.
        head, tail = before.split("# more to come\n")
        assert after.startswith(head) and after.endswith("# more to come\n" + tail)
    else:
        assert after.startswith(before)


def test_the_second_bibliography_of_a_list_is_not_written(ran: dict[str, Ran]) -> None:
    assert (ran["quarto"].folder / "shared.bib").read_bytes() == (
        DRAFTS / "quarto" / "shared.bib"
    ).read_bytes()


@pytest.mark.parametrize("draft", CASES)
def test_a_second_run_changes_nothing(draft: Draft, ran: dict[str, Ran], dev_index: Path) -> None:
    run = ran[draft.folder]
    again = run_tex(run.folder, [draft.draft], dev_index)
    assert (again.exit_code, again.stderr) == (0, f"bibnorm: {draft.target}: unchanged; 11 already present\n")
    assert (run.folder / draft.target).stat().st_mtime_ns == run.mtime


def test_bibnorm_draft_is_bibnorm_tex(ran: dict[str, Ran], dev_index: Path) -> None:
    run = ran["typst"]
    again = CliRunner().invoke(
        main, ["draft", str(run.folder / "paper.typ"), *offline(dev_index, run.folder / "cache")]
    )
    assert (again.exit_code, again.stderr) == (
        0,
        f"bibnorm: {run.folder / 'refs.yml'}: unchanged; 11 already present\n",
    )


# --------------------------------------------------------------------------- compiled by the real tools


def myst_as_pandoc(text: str) -> str:
    """MyST's citation roles written as pandoc citations: {cite:t}`a` -> @a, else [@a; @b]."""

    def citation(match: re.Match[str]) -> str:
        keys = [f"@{key.strip()}" for key in match.group(2).split(",")]
        return "; ".join(keys) if match.group(1) == ":t" else "[" + "; ".join(keys) + "]"

    return re.sub(r"\{cite(:[a-z]+)?\}`([^`]*)`", citation, text)


def pandoc_source(folder: Path, draft: str) -> Path:
    """The file pandoc reads: the draft itself, or a notebook's Markdown cells as Markdown."""
    if not draft.endswith(".ipynb"):
        return folder / draft
    cells = json.loads((folder / draft).read_text(encoding="utf-8"))["cells"]
    text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    source = folder / "notebook-cells.md"
    source.write_text(myst_as_pandoc(text), encoding="utf-8")
    return source


@pytest.mark.parametrize("draft", [case for case in CASES if not str(case.id).startswith("typst")])
def test_pandoc_citeproc_resolves_every_citation_without_a_warning(draft: Draft, ran: dict[str, Ran]) -> None:
    need("pandoc")
    folder = ran[draft.folder].folder
    source = pandoc_source(folder, draft.draft)
    args = ["pandoc", "-f", "markdown", "-t", "plain", "--citeproc", source.name]
    if draft.folder == "myst":  # myst.yml names it for MyST; pandoc is told
        args += ["--bibliography", "refs.bib"]
    done = run_client(args, folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "???" not in done.stdout
    for title in ("MobileNets", "I-ViT", "Battle of the Backbones", "VMamba", "Sparse Mixture of Experts"):
        assert title in done.stdout.replace("\n", " ")


@pytest.mark.parametrize("folder_name", ["typst", "typst-bib"])
def test_typst_compiles_with_every_citation_resolved_and_no_warning(
    ran: dict[str, Ran], folder_name: str
) -> None:
    typst = pytest.importorskip("typst")
    folder = ran[folder_name].folder
    pdf, warnings = typst.compile_with_warnings(str(folder / "paper.typ"))
    assert (pdf[:5], warnings) == (b"%PDF-", [])
    # Every citation Typst made, @key references to the bibliography included: label("...") for keys
    # with a '/', <...> for the others.
    made = json.loads(typst.query(str(folder / "paper.typ"), "cite"))
    cited = {
        re.sub(r'^<(.*)>$|^label\("(.*)"\)$', lambda m: m.group(1) or m.group(2), c["key"]) for c in made
    }
    assert cited == PRESENT | set(ADDED)


# --------------------------------------------------------------------------- unresolved keys, hostile drafts


@pytest.mark.parametrize(
    ("name", "text", "lines"),
    [
        pytest.param(
            "notes.md",
            "---\nbibliography: refs.json\n---\nSee [@smith2099unknown; @1704.04861].\n\n"
            "And @smith2099unknown.\n",
            [
                "notes.md:4: smith2099unknown: not in the bibliography and not an arXiv id or DOI",
                "notes.md:6: smith2099unknown: not in the bibliography and not an arXiv id or DOI",
            ],
            id="markdown",
        ),
        pytest.param(
            "notes.ipynb",
            json.dumps(
                {
                    "cells": [
                        {
                            "cell_type": "markdown",
                            "metadata": {},
                            "source": ["---\n", "bibliography: refs.json\n", "---\n"],
                        },
                        {
                            "cell_type": "markdown",
                            "metadata": {},
                            "source": ["Intro.\n", "See {cite:p}`smith2099unknown`.\n"],
                        },
                    ],
                    "metadata": {},
                    "nbformat": 4,
                    "nbformat_minor": 5,
                },
                indent=1,
            ),
            ["notes.ipynb:17: smith2099unknown: not in the bibliography and not an arXiv id or DOI"],
            id="notebook-line-in-the-json-file",
        ),
        pytest.param(
            "notes.typ",
            '#bibliography("refs.json")\n\nSee @smith2099unknown.\n',
            ["notes.typ:3: smith2099unknown: not in the bibliography and not an arXiv id or DOI"],
            id="typst",
        ),
    ],
)
def test_unresolved_keys_are_listed_file_line_key_message(
    tmp_path: Path, dev_index: Path, name: str, text: str, lines: list[str], clean_env: None
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_tex(tmp_path, [name], dev_index)
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines()[:-1] == lines


HOSTILE = [
    pytest.param(
        "paper.md",
        {"paper.md": "---\nbibliography: ../../etc/passwd.bib\n---\n[@1704.04861]\n"},
        "paper.md names the bibliography ../../etc/passwd.bib, which climbs out with '..'",
        id="md-dotdot",
    ),
    pytest.param(
        "paper.qmd",
        {"paper.qmd": "---\nbibliography:\n  - /etc/passwd.bib\n---\n[@1704.04861]\n"},
        "paper.qmd names the bibliography /etc/passwd.bib, which is an absolute path",
        id="qmd-absolute",
    ),
    pytest.param(
        "paper.Rmd",
        {"paper.Rmd": "---\nbibliography: ~/refs.json\n---\n[@1704.04861]\n"},
        "paper.Rmd names the bibliography ~/refs.json, which is an absolute path",
        id="rmd-home",
    ),
    pytest.param(
        "paper.md",
        {"paper.md": "---\nbibliography: notes.txt\n---\n[@1704.04861]\n"},
        "paper.md names the bibliography notes.txt, which is not a .bib file",
        id="md-not-a-bibliography",
    ),
    pytest.param(
        "sub/paper.ipynb",
        {
            "myst.yml": "project:\n  bibliography: [../../x.bib]\n",
            "sub/paper.ipynb": '{"cells": [{"cell_type": "markdown", "source": "[@1704.04861]"}]}',
        },
        "myst.yml names the bibliography ../../x.bib, which climbs out with '..'",
        id="myst-project-file",
    ),
    pytest.param(
        "paper.typ",
        {"paper.typ": '#include "ch/one.typ"\n@1704.04861\n', "ch/one.typ": '#bibliography("../../x.yml")\n'},
        "ch/one.typ names the bibliography ../x.yml, which climbs out with '..'",
        id="typst-included-file",
    ),
    pytest.param(
        "paper.typ",
        {"paper.typ": '@1704.04861\n#bibliography("/etc/passwd.yml")\n'},
        "paper.typ names the bibliography /etc/passwd.yml, which is an absolute path",
        id="typst-absolute",
    ),
]


@pytest.mark.parametrize(("draft", "files", "message"), HOSTILE)
def test_hostile_drafts_are_refused_with_one_line_and_nothing_written(
    tmp_path: Path, dev_index: Path, draft: str, files: dict[str, str], message: str, clean_env: None
) -> None:
    project = tmp_path / "project"
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    result = run_tex(project, [draft], dev_index)
    assert result.exit_code == 1, result.output
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr.replace(str(project) + "/", "")
    assert sorted(p for p in tmp_path.rglob("*") if p.name != "cache") == [
        p for p in before if p.name != "cache"
    ]


def test_format_that_is_not_the_bibliography_s_own_is_refused(
    tmp_path: Path, dev_index: Path, clean_env: None
) -> None:
    shutil.copytree(DRAFTS / "quarto", tmp_path / "quarto")
    result = run_tex(tmp_path / "quarto", ["paper.qmd", "-f", "csl-json"], dev_index)
    assert (result.exit_code, result.stderr) == (
        2,
        "bibnorm: error: refs.yaml: a csl-yaml file; --format csl-json would add csl-json entries to it"
        " (give -o with a file of that format)\n",
    )
    assert (tmp_path / "quarto" / "refs.yaml").read_bytes() == (DRAFTS / "quarto" / "refs.yaml").read_bytes()


# --------------------------------------------------------------------------- watching, verifying


@pytest.mark.parametrize(
    ("draft", "text", "new_citation", "target"),
    [
        pytest.param(
            "paper.qmd",
            "---\nbibliography: refs.yaml\n---\n[@1704.04861]\n",
            "\nAnd [@2401.10166].\n",
            "refs.yaml",
            id="quarto",
        ),
        pytest.param(
            "paper.typ",
            '@1704.04861\n#bibliography("refs.yml")\n',
            "\nAnd @2401.10166.\n",
            "refs.yml",
            id="typst",
        ),
    ],
)
def test_watch_picks_up_a_new_citation_within_two_seconds(
    tmp_path: Path, dev_index: Path, draft: str, text: str, new_citation: str, target: str, clean_env: None
) -> None:
    (tmp_path / draft).write_text(text, encoding="utf-8")
    settings = Settings(
        offline=True, snapshot=dev_index, resolvers=("snapshot",), cache_dir=tmp_path / "cache"
    )
    stop = threading.Event()
    here = Path.cwd()
    os.chdir(tmp_path)
    worker = threading.Thread(
        target=watch_tex,
        args=(Path(draft), None, None, settings),
        kwargs={"quiet": True, "debounce_ms": 50, "stop_event": stop},
    )
    worker.start()
    try:
        _wait_for(lambda: "1704.04861" in _text(tmp_path / target), 10.0)
        time.sleep(0.3)  # let the watcher arm before editing
        with (tmp_path / draft).open("a", encoding="utf-8") as handle:
            handle.write(new_citation)
        started = time.monotonic()
        _wait_for(lambda: "2401.10166" in _text(tmp_path / target), 2.0)
        assert time.monotonic() - started < 2.0
    finally:
        stop.set()
        worker.join(timeout=10)
        os.chdir(here)
    assert not worker.is_alive()


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_for(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


@pytest.mark.parametrize("draft", CASES)
def test_verify_tex_audits_cited_against_listed(
    draft: Draft, tmp_path: Path, dev_index: Path, clean_env: None
) -> None:
    folder = tmp_path / draft.folder
    shutil.copytree(DRAFTS / draft.folder, folder)
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(
            main, ["verify", "--tex", draft.draft, "--offline", "--cache-dir", str(tmp_path / "cache")]
        )
    finally:
        os.chdir(here)
    missing = sorted(re.findall(r": (\S+): BN791 error: cited, but no entry has this key", result.stdout))
    assert result.exit_code == 3, result.output
    assert missing == sorted(ADDED)
    assert (
        f"{draft.draft}: 4 entries cited, 7 cited keys without an entry, 0 entries never cited"
        in result.stderr
    )
