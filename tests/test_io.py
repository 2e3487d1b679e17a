"""Writing and reading files without losing what the user had (`normalizer.io`)."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from normalizer import io
from normalizer.errors import InputError, OutputError


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
