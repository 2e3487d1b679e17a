"""The ``.bib`` files a LaTeX project passes together (`bibnorm.bib.companions`), and ``check``
reading them with the file given."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.bib.companions import named_bibliographies, project_companions
from bibnorm.cli import EXIT_FINDINGS, main
from click.testing import CliRunner

HERE = Path("/project")


@pytest.mark.parametrize(
    ("tex", "names"),
    [
        pytest.param(r"\bibliography{refs}", ["refs.bib"], id="bibtex-one-file-suffix-implied"),
        pytest.param(
            r"\bibliography{abbrev, refs ,procs}", ["abbrev.bib", "refs.bib", "procs.bib"], id="list"
        ),
        pytest.param(r"\bibliography{bib/refs.bib}", ["bib/refs.bib"], id="suffix-given"),
        pytest.param(r"\nobibliography{refs}", ["refs.bib"], id="bibentry"),
        pytest.param(r"\addbibresource{refs.bib}", ["refs.bib"], id="biblatex"),
        pytest.param(r"\addbibresource[location=local]{../refs.bib}", ["../refs.bib"], id="biblatex-options"),
        pytest.param(r"\addglobalbib{a.bib}\addsectionbib{b.bib}", ["a.bib", "b.bib"], id="biblatex-global"),
        pytest.param(r"\bibliographystyle{plain}", [], id="style-is-no-file"),
        pytest.param("% \\bibliography{old}\n\\bibliography{new}", ["new.bib"], id="commented-out"),
        pytest.param(r"50\% off \bibliography{refs}", ["refs.bib"], id="escaped-percent-no-comment"),
        pytest.param(r"\bibliography{\jobname}", [], id="macro-no-file"),
        pytest.param(r"\newcommand{\refs}[1]{\bibliography{#1}}", [], id="parameter-no-file"),
    ],
)
def test_the_files_a_document_names(tex: str, names: list[str]) -> None:
    assert named_bibliographies(tex, HERE) == [HERE / name for name in names]


def test_named_bibliographies_stays_linear_on_long_hostile_text() -> None:
    # Long runs of what the pattern could start to match, never finished.
    for hostile in ("\\bibliography" + " " * 100_000, "\\addbibresource[" + "x" * 100_000, "%" * 100_000):
        assert named_bibliographies(hostile, HERE) == []


def _project(root: Path, tex: str, files: dict[str, str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "main.tex").write_text(tex, encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_companions_are_the_other_files_a_document_near_names_in_its_order(tmp_path: Path) -> None:
    files = {"bib/abbrev.bib": "", "bib/refs.bib": "", "bib/procs.bib": "", "bib/unrelated.bib": ""}
    _project(tmp_path, r"\bibliography{bib/abbrev,bib/refs,bib/procs,bib/gone}", files)
    found = project_companions([str(tmp_path / "bib" / "refs.bib")])
    assert [(c.path.name, c.document.name, c.before) for c in found] == [
        ("abbrev.bib", "main.tex", True),
        ("procs.bib", "main.tex", False),  # listed after: its @strings come too late; gone.bib: absent
    ]


def test_a_file_no_document_names_has_no_companions(tmp_path: Path) -> None:
    _project(tmp_path, r"\bibliography{other}", {"other.bib": "", "refs.bib": ""})
    assert project_companions([str(tmp_path / "refs.bib")]) == []
    assert project_companions(["-"]) == []


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    return CliRunner()


REFS = (
    "@inproceedings{a, author = {A. B}, title = {T}, booktitle = conf, year = 2001}\n"
    "@inproceedings{b, author = {A. B}, title = {U}, crossref = {proc20}, year = 2020}\n"
)
ABBREV = '@string{conf = "Proc. Conf."}\n'
PROCS = "@proceedings{proc20, title = {Proc. 20}, booktitle = {Proc. 20}, year = 2020}\n"


def test_check_reads_the_files_the_document_passes_with_the_one_given(
    runner: CliRunner, tmp_path: Path
) -> None:
    _project(
        tmp_path,
        "\\bibliography{bib/abbrev,bib/refs,bib/procs}\n",
        {"bib/abbrev.bib": ABBREV, "bib/refs.bib": REFS, "bib/procs.bib": PROCS},
    )
    result = runner.invoke(main, ["check", "--offline", "--select", "BN1,BN3", "bib/refs.bib"])
    assert result.exit_code == 0
    assert result.stdout == ""  # the macro and the crossref parent are defined for the document
    assert "read bib/abbrev.bib too: main.tex names it with the file checked" in result.stderr
    assert "read bib/procs.bib too: main.tex names it with the file checked" in result.stderr


def test_macros_of_a_file_the_document_lists_after_are_still_undefined(
    runner: CliRunner, tmp_path: Path
) -> None:
    # \bibliography{refs,abbrev}: BibTeX reads refs.bib first, when 'conf' is not yet defined.
    _project(
        tmp_path,
        "\\bibliography{refs,abbrev,procs}\n",
        {"abbrev.bib": ABBREV, "refs.bib": REFS, "procs.bib": PROCS},
    )
    result = runner.invoke(main, ["check", "--offline", "--select", "BN102,BN306", "refs.bib"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "refs.bib:1: a: BN102 warning: booktitle uses @string 'conf', which abbrev.bib beside it defines: "
        "check them together (bibnorm check abbrev.bib refs.bib) or pass --strings abbrev.bib"
    ]


def test_without_a_document_the_companions_beside_are_named_not_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    for name, text in {"abbrev.bib": ABBREV, "refs.bib": REFS, "procs.bib": PROCS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check", "--offline", "--select", "BN102,BN306", "refs.bib"])
    assert result.exit_code == EXIT_FINDINGS
    assert [line.split(": ", 2)[1] for line in result.stdout.splitlines()] == ["a", "b"]
    assert "abbrev.bib beside it defines" in result.stdout and "procs.bib beside them does" in result.stdout
    assert "too:" not in result.stderr


def test_findings_inside_a_companion_are_not_reported(runner: CliRunner, tmp_path: Path) -> None:
    broken = "@proceedings{proc20, title = {Proc. 20}, year = 2020, author = {A and}}\n"
    _project(
        tmp_path,
        "\\addbibresource{refs.bib}\n\\addbibresource{procs.bib}\n",
        {"refs.bib": REFS, "procs.bib": broken},
    )
    result = runner.invoke(main, ["check", "--offline", "--select", "BN3", "refs.bib"])
    assert "procs.bib:" not in result.stdout


def test_macros_the_document_s_own_style_defines_count_as_defined(runner: CliRunner, tmp_path: Path) -> None:
    # A CVPR author kit's ieee.bst beside the paper defines the venues its egbib.bib uses.
    (tmp_path / "ieee.bst").write_text(
        'MACRO {jacm} {"J. ACM"}\nMACRO {CVPR} {"Proc. CVPR"}\n', encoding="utf-8"
    )
    refs = "@inproceedings{a, author = {A. B}, title = {T}, booktitle = cvpr, year = 2001}\n"
    refs += "@inproceedings{b, author = {A. B}, title = {U}, booktitle = iccv, year = 2001}\n"
    _project(
        tmp_path,
        "\\bibliographystyle{ieee}\n% \\bibliographystyle{other}\n\\bibliography{egbib}\n",
        {"egbib.bib": refs},
    )
    result = runner.invoke(main, ["check", "--offline", "--select", "BN102", "egbib.bib"])
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["b"]  # iccv: defined nowhere
    assert "'iccv'" in result.stdout
