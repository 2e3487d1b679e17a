"""Writing and reading files without losing what the user had (`bibnorm.io`)."""

from __future__ import annotations

import io as io_module
import logging
import os
import pwd
import stat
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from bibnorm import io
from bibnorm.errors import InputError, OutputError, SafetyError, UsageError


@pytest.fixture
def umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask: None) -> None:
    for mask, expected in ((0o022, 0o644), (0o027, 0o640)):
        os.umask(mask)
        target = tmp_path / f"new-{mask:o}.bib"
        io.write_atomic(target, "@misc{a}\n")
        assert mode(target) == expected


def test_rewriting_keeps_the_original_mode_even_read_only(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    io.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert mode(target) == 0o444


def test_writing_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "refs.bib"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    io.write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["refs.bib"]  # no temporary file left


def test_a_fifo_is_written_as_a_stream_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    io.write_atomic(fifo, "@misc{a}\n")
    reader.join(timeout=10)
    assert received == [b"@misc{a}\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_stays_a_device(tmp_path: Path) -> None:
    device = tmp_path / "null"  # our own node of the null device, never /dev/null itself
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    io.write_atomic(device, "@misc{a}\n")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_an_interrupted_write_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "refs.bib"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        io.write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]


def test_a_directory_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        io.write_atomic(tmp_path, "x")


def test_written_files_are_recorded_for_the_interrupt_message(tmp_path: Path) -> None:
    journal = io.WrittenFiles()
    assert journal.describe() == "no output file was changed"
    journal.record(tmp_path / "a.bib")
    journal.record(tmp_path / "a.bib")
    assert journal.describe() == f"already written: {tmp_path / 'a.bib'}"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("\ufeffAttention Is All You Need\n".encode(), id="utf-8-bom"),
        pytest.param("Attention Is All You Need\n".encode("utf-16"), id="utf-16-bom"),
        pytest.param("Attention Is All You Need\n".encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param("Attention Is All You Need\n".encode("utf-16-be"), id="utf-16-be-no-bom"),
    ],
)
def test_text_in_utf8_with_bom_and_utf16_is_read_as_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "titles.txt"
    path.write_bytes(data)
    assert io.read_text(path) == "Attention Is All You Need\n"


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02\x03")
    with pytest.raises(InputError, match="binary"):
        io.read_text(path)


def test_same_file_sees_through_links_and_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "refs.bib"
    real.write_text("x", encoding="utf-8")
    (tmp_path / "link.bib").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    assert io.same_file("./refs.bib", "link.bib")
    assert not io.same_file("refs.bib", "other.bib")
    assert not io.same_file("-", "-")


def test_temporary_files_a_killed_run_left_are_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    stale, fresh = tmp_path / ".refs.bib.abc123.tmp", tmp_path / ".refs.bib.def456.tmp"
    for leftover in (stale, fresh):
        leftover.write_text("half a file", encoding="utf-8")
    old = time.time() - 2 * io.STALE_AFTER
    os.utime(stale, (old, old))
    io.write_atomic(target, "new\n")
    assert not stale.exists()
    assert fresh.exists()  # may belong to a run still writing


def test_a_temporary_file_left_after_this_process_wrote_to_the_folder_is_still_removed(
    tmp_path: Path,
) -> None:
    """The folder's temporary files are listed once and kept while only this process writes
    there (a venue's thousands of pages); a file another process leaves meanwhile is seen."""
    io.write_atomic(tmp_path / "a.html", "a\n")
    io.write_atomic(tmp_path / "b.html", "b\n")
    stale = tmp_path / ".a.html.k1llEd42.tmp"  # another run, killed while writing a.html
    stale.write_text("half a page", encoding="utf-8")
    old = time.time() - 2 * io.STALE_AFTER
    os.utime(stale, (old, old))
    io.write_atomic(tmp_path / "a.html", "a again\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


# --------------------------------------------------------------------------- where a run may write

DRAFT_RULE = (
    "bibnorm writes a bibliography a draft names only as a .bib file inside the draft's folder, never"
    " through '..', an absolute path or a link leading out"
)


@pytest.mark.parametrize(
    ("name", "reason", "escape"),
    [
        pytest.param("/etc/victim.sh", "is not a .bib file", "give it with -o", id="absolute-sh"),
        pytest.param("run.sh", "is not a .bib file", "give it with -o", id="sh-inside"),
        pytest.param("/elsewhere/x.bib", "is an absolute path", "or pass --allow-outside", id="absolute"),
        pytest.param("~/x.bib", "is an absolute path", "or pass --allow-outside", id="home"),
        pytest.param("../../x.bib", "climbs out with '..'", "or pass --allow-outside", id="dotdot"),
        pytest.param("sub/../x.bib", "climbs out with '..'", "or pass --allow-outside", id="dotdot-inside"),
        pytest.param(
            "out/refs.bib", "is a link leading out", "or pass --allow-outside", id="folder-link-out"
        ),
        pytest.param("to-sh.bib", "is a link to ", "give it with -o to", id="link-to-sh"),
    ],
)
def test_a_path_a_file_names_outside_the_rule_is_refused_in_one_line(
    tmp_path: Path, name: str, reason: str, escape: str
) -> None:
    draft = tmp_path / "paper"
    draft.mkdir()
    (tmp_path / "outside").mkdir()
    (draft / "out").symlink_to(tmp_path / "outside")
    (draft / "to-sh.bib").symlink_to(draft / "run.sh")
    with pytest.raises(SafetyError) as raised:
        io.named_output(name, draft, named_in="paper/p.tex")
    message = str(raised.value)
    assert message.startswith(f"paper/p.tex names the bibliography {name}, which {reason}")
    assert DRAFT_RULE in message and escape in message and message.endswith("(nothing was written)")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("name", "allow_outside", "expected"),
    [
        pytest.param("refs.bib", False, "paper/refs.bib", id="beside"),
        pytest.param("bib/refs.bib", False, "paper/bib/refs.bib", id="below"),
        pytest.param("./refs.BIB", False, "paper/refs.BIB", id="dot-slash-upper-case"),
        pytest.param("../common/refs.bib", True, "common/refs.bib", id="dotdot-allowed"),
        pytest.param("out/refs.bib", True, "paper/out/refs.bib", id="link-out-allowed"),
    ],
)
def test_a_path_a_file_names_inside_the_rule_is_where_it_says(
    tmp_path: Path, name: str, allow_outside: bool, expected: str
) -> None:
    draft = tmp_path / "paper"
    draft.mkdir()
    (draft / "out").symlink_to(tmp_path)
    path = io.named_output(name, draft, named_in="p.tex", allow_outside=allow_outside)
    assert path == tmp_path / expected


def test_allow_outside_never_allows_another_suffix(tmp_path: Path) -> None:
    with pytest.raises(SafetyError, match=r"which is not a \.bib file"):
        io.named_output("/etc/profile.d/x.sh", tmp_path, named_in="p.tex", allow_outside=True)


@pytest.mark.parametrize(
    ("writes", "reads", "message"),
    [
        pytest.param(
            [("-o/--output", "in.txt")],
            [("an input", "in.txt")],
            "-o/--output in.txt is also an input; write to another file (nothing was written)",
            id="output-is-input",
        ),
        pytest.param(
            [("-o/--output", "./link.txt")],
            [("the lockfile", "in.txt")],
            "-o/--output ./link.txt is also the lockfile; write to another file (nothing was written)",
            id="through-a-link",
        ),
        pytest.param(
            [("-o/--output", "out.bib"), ("--report", "sub/../out.bib")],
            [],
            "-o/--output out.bib and --report sub/../out.bib are the same file; give each its own"
            " (nothing was written)",
            id="two-outputs-not-yet-there",
        ),
        pytest.param(
            [("-o/--output", "-"), ("--report", "-")],
            [("an input", "-")],
            "-o/--output and --report both write to standard output; give one of them a file"
            " (nothing was written)",
            id="two-on-stdout",
        ),
    ],
)
def test_a_run_whose_roles_clash_is_refused_naming_both(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writes: list[tuple[str, str]],
    reads: list[tuple[str, str]],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "in.txt")
    with pytest.raises(UsageError) as raised:
        io.refuse_clashes([io.Role(*w) for w in writes], [io.Role(*r) for r in reads])
    assert str(raised.value) == message


def test_roles_that_do_not_clash_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    io.refuse_clashes(
        [io.Role("-o/--output", "-"), io.Role("--report", "r.json")], [io.Role("an input", "-")]
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("~/x.bib", "{home}/x.bib", id="tilde"),
        pytest.param("~root/x.bib", "{root}/x.bib", id="tilde-user"),
        pytest.param("./~x.bib", "./~x.bib", id="not-at-the-start"),
        pytest.param("-", "-", id="stdio"),
    ],
)
def test_a_home_in_a_path_is_expanded_as_a_shell_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, expected: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    root = pwd.getpwnam("root").pw_dir
    assert io.expand_user(given) == expected.format(home=tmp_path, root=root)


def test_an_unknown_user_is_refused_not_made_a_folder() -> None:
    with pytest.raises(UsageError) as raised:
        io.expand_user("~bibnorm-no-such-user/x.bib")
    assert str(raised.value) == (
        "~bibnorm-no-such-user/x.bib: no user named 'bibnorm-no-such-user';"
        " write ./~bibnorm-no-such-user/x.bib for a file of that name"
    )


def test_a_home_that_does_not_exist_is_never_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "nonexistent"
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(FileNotFoundError) as raised:
        io.make_folders(home / ".cache" / "bibnorm")
    assert raised.value.strerror == f"the home folder {home} does not exist"
    assert not home.exists()
    io.make_folders(tmp_path / "elsewhere" / "deep")  # anywhere else, parents are made
    assert (tmp_path / "elsewhere" / "deep").is_dir()
    home.mkdir()
    io.make_folders(home / ".cache" / "bibnorm")  # and inside a home that exists
    assert (home / ".cache" / "bibnorm").is_dir()


NOT_UTF8 = "not UTF-8; read as Windows-1252 (Latin-1); what bibnorm writes is UTF-8"
MIXED = "mixes encodings: {lines} not UTF-8 and read as Windows-1252 (Latin-1), the other lines as UTF-8; "
MIXED += "what bibnorm writes is UTF-8"


@pytest.mark.parametrize(
    ("data", "text", "note"),
    [
        pytest.param("Müller\n".encode(), "Müller\n", None, id="utf-8-says-nothing"),
        pytest.param("Müller\nHarremoës\n".encode("latin-1"), "Müller\nHarremoës\n", NOT_UTF8, id="latin-1"),
        pytest.param(
            b"\x93Deep\x94 learning \x96 a survey\n",
            "\u201cDeep\u201d learning \u2013 a survey\n",
            NOT_UTF8,
            id="windows-1252-quotes-and-dash",
        ),
        pytest.param(b"caf\xe9 \x81\n", "café \x81\n", NOT_UTF8, id="a-byte-windows-1252-leaves-undefined"),
        pytest.param(
            "Ã©t\xe9\n".encode("latin-1"),
            "Ã©té\n",
            NOT_UTF8,
            id="latin-1-bytes-that-pair-like-utf-8-in-a-line",
        ),
        pytest.param(
            "Müller\n".encode() + "Harremoës\n".encode("latin-1") + "Białynicki\n".encode(),
            "Müller\nHarremoës\nBiałynicki\n",
            MIXED.format(lines="line 2 is"),
            id="mixed-each-line-in-its-own",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + "Müller\r\n".encode() + "René\r\nRényi\r\n".encode("latin-1") + b"ok\r\n",
            "Müller\r\nRené\r\nRényi\r\nok\r\n",
            MIXED.format(lines="lines 2-3 are"),
            id="mixed-with-bom-and-crlf",
        ),
        pytest.param(
            b"".join(f"é{n}\n".encode("latin-1" if n % 2 else "utf-8") for n in range(1, 25)),
            "".join(f"é{n}\n" for n in range(1, 25)),
            MIXED.format(lines="lines 1, 3, 5, 7, 9, 11, 13, 15 and 4 more are"),
            id="many-lines-named-up-to-eight",
        ),
    ],
)
def test_each_line_is_read_in_its_own_encoding_and_the_user_is_told_once(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    data: bytes,
    text: str,
    note: str | None,
) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    with caplog.at_level(logging.INFO, logger="bibnorm.notices"):
        assert io.read_text(path) == text
        assert io.read_text(path) == text  # read again in the same run: no second note
    expected = [] if note is None else [f"note: {path}: {note}"]
    assert [record.getMessage() for record in caplog.records] == expected
    assert capsys.readouterr().err == ""  # said as a log record: the library prints nothing


# Entries as Chinese, Japanese and Taiwanese theses' .bib files hold them (the CJK package's GBK,
# pTeX's Shift_JIS, Big5), with an English one beside.
EAST_ASIAN_BIB = """@article{jiang2012,
  author = {姜斌 and 罗阿理 and 赵永恒},
  title = {基于随机森林的激变变星候选体的数据挖掘},
  journal = {光谱学与光谱分析},
  year = {2012},
}
@book{qu1987,
  title = {天问},
  publisher = {北京出版社},
  author = {屈原 and 陆元炽},
  year = {1987},
}
@article{roweis2000,
  author = {Sam T. Roweis and Lawrence K. Saul},
  title = {Nonlinear dimensionality reduction by locally linear embedding},
  year = {2000},
}
"""
JAPANESE_BIB = """@book{yamada2001,
  author = {山田 太郎 and 佐藤 花子},
  title = {日本語の自然言語処理について},
  publisher = {東京大学出版会},
  year = {2001},
}
@article{suzuki2015,
  author = {鈴木 一郎},
  title = {深層学習による文書の分類と検索},
  journal = {情報処理学会論文誌},
  year = {2015},
}
"""
TAIWANESE_BIB = """@article{lin2010,
  author = {林志明 and 陳美玲},
  title = {以隨機森林進行變星候選體的資料探勘},
  journal = {臺灣天文學會會刊},
  year = {2010},
}
@book{wang1998,
  title = {中國古代天文學史},
  publisher = {臺灣商務印書館},
  author = {王國維},
  year = {1998},
}
"""


@pytest.mark.parametrize(
    ("text", "codec", "language"),
    [
        pytest.param(EAST_ASIAN_BIB, "gbk", "Chinese", id="gbk"),
        pytest.param(JAPANESE_BIB, "shift_jis", "Japanese", id="shift-jis"),
        pytest.param(JAPANESE_BIB, "euc_jp", "Japanese", id="euc-jp"),
        pytest.param(TAIWANESE_BIB, "big5", "Chinese", id="big5"),
    ],
)
def test_a_file_in_a_legacy_east_asian_encoding_is_read_in_it_not_as_latin_letters(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, codec: str, language: str
) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(text.encode(codec))
    with caplog.at_level(logging.INFO, logger="bibnorm.notices"):
        assert io.read_text(path) == text
    (note,) = [record.getMessage() for record in caplog.records]
    assert note.startswith(f"note: {path}: not UTF-8; read as ")
    assert note.endswith(f"({language}); what bibnorm writes is UTF-8")


@pytest.mark.parametrize(
    ("text", "codec", "note"),
    [
        pytest.param(
            "@article{凯撒2013,\n  author = {凯撒},\n  journal = {测试期刊}\n}\n",
            "gbk",
            "gb18030 (Chinese), a guess: it reads as cp949 (Korean) too",
            id="hanzi-also-hangul-and-hanja",
        ),
        pytest.param(
            "@article{kim2013,\n  author = {김철수},\n  title = {한국어 논문 제목},\n  year = {2013}\n}\n",
            "cp949",
            "cp949 (Korean), a guess: it reads as gb18030 (Chinese) too",  # as hanzi, all common
            id="hangul-only",
        ),
    ],
)
def test_a_few_east_asian_characters_are_read_in_the_likelier_encoding_and_called_a_guess(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str, codec: str, note: str
) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(text.encode(codec))
    with caplog.at_level(logging.INFO, logger="bibnorm.notices"):
        assert io.read_text(path) == text
    assert [record.getMessage() for record in caplog.records] == [
        f"note: {path}: not UTF-8; read as {note}; what bibnorm writes is UTF-8"
    ]


def test_short_writes_to_stdout_are_completed_not_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    class ShortWrites(io_module.RawIOBase):
        """A raw stream that takes at most 5 bytes a call, as a nearly full disk does."""

        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            self.data += bytes(data[:5])
            return min(5, len(data))

    raw = ShortWrites()
    # As under PYTHONUNBUFFERED: the text layer writes straight to the raw stream.
    stdout = io_module.TextIOWrapper(cast(Any, raw), encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stdout", stdout)
    io.write_stdout("Müller and more than five bytes\n")
    assert raw.data.decode() == "Müller and more than five bytes\n"
