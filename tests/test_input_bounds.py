"""What one input may cost, and what each exit code means.

Every case runs through the real command group (or a real process, where a signal or a pipe
matters) and asserts the exit code and the one line on stderr: a device is refused before a
byte is read; a pipe, standard input and a file are read up to ``BIBNORM_MAX_INPUT`` (set small
here, so the tests stay fast); an oversized title is one line, not gigabytes; a file that is not
text is refused by ``check`` (exit 1, "could not run"), which keeps exit 3 for its findings; a
locked cache is "in use", never "damaged"; SIGTERM is 143 even in ``tex --watch``. That the
readers are linear in their input is shown by ``bench/bench_readers.py``, not here.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import bibnorm.resolvers._cache_file
import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_SOURCES_FAILED, EXIT_TERMINATED, main
from bibnorm.readers import read_inputs
from bibnorm.readers.base import MAX_ITEM
from click.testing import CliRunner, Result
from paths import ROOT
from test_cli_hostile_inputs import one_error_line

PDF = ROOT / "fixtures" / "pdf" / "plain-1col.pdf"
TITLES = "Attention Is All You Need\nDeep Residual Learning for Image Recognition\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("BIBNORM_MAX_INPUT", "BIBNORM_LOCK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BIBNORM_OFFLINE", "1")
    (tmp_path / "titles.txt").write_text(TITLES, encoding="utf-8")
    return tmp_path


def invoke(args: list[str], **kwargs: object) -> Result:
    result = CliRunner().invoke(main, args, **kwargs)  # type: ignore[arg-type]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# --------------------------------------------------------------------------- devices, pipes, caps


@pytest.mark.parametrize(
    ("args", "named"),
    [
        pytest.param(["resolve", "/dev/zero", "-o", "out.bib"], "/dev/zero", id="resolve-dev-zero"),
        pytest.param(["check", "/dev/urandom"], "/dev/urandom", id="check-dev-urandom"),
        pytest.param(["resolve", "titles.txt", "--lock", "/dev/zero", "-o", "out.bib"], "/dev/zero",
                     id="lock-dev-zero"),
        pytest.param(["format", "/dev/zero"], "/dev/zero", id="format-dev-zero"),
        pytest.param(["verify", "/dev/urandom"], "/dev/urandom", id="verify-dev-urandom"),
    ],
)  # fmt: skip
def test_a_device_is_refused_before_a_byte_is_read(workdir: Path, args: list[str], named: str) -> None:
    result = invoke(args)
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        f"bibnorm: error: {named}: is a device, not a file; give a file, or pipe the data into '-' "
        "(nothing was read)"
    )
    assert not (workdir / "out.bib").exists()


def test_standard_input_above_the_cap_is_refused(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBNORM_MAX_INPUT", "1K")
    result = invoke(["resolve", "-", "-o", "out.bib"], input="Attention Is All You Need\n" * 100)
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        "bibnorm: error: <stdin>: more than 1,024 bytes, the most bibnorm reads from one input "
        "(set BIBNORM_MAX_INPUT to allow more); nothing was read"
    )


def test_a_file_above_the_cap_is_refused_by_its_size(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBNORM_MAX_INPUT", "40")
    result = invoke(["resolve", "titles.txt", "-o", "out.bib"])
    assert result.exit_code == EXIT_FATAL
    assert "titles.txt: more than 40 bytes, the most bibnorm reads from one input" in one_error_line(result)


def test_a_file_at_the_cap_is_read(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIBNORM_MAX_INPUT", str(len(TITLES.encode())))
    assert len(read_inputs(["titles.txt"])) == 2


@pytest.mark.parametrize(
    "value",
    [pytest.param("lots", id="a-word"), pytest.param("0", id="zero"), pytest.param("-5M", id="negative")],
)
def test_a_cap_that_is_not_a_size_is_a_usage_error(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BIBNORM_MAX_INPUT", value)
    result = invoke(["resolve", "titles.txt", "-o", "out.bib"])
    assert result.exit_code == 2
    assert "BIBNORM_MAX_INPUT=" in one_error_line(result) and "is not a size" in result.stderr


@pytest.fixture
def fifo(workdir: Path) -> Iterator[Path]:
    path = workdir / "pipe.txt"
    os.mkfifo(path)
    yield path


def _write_into(path: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            with path.open("wb") as handle:
                handle.write(data)
        except BrokenPipeError:
            pass  # the reader stopped at its cap: what it refused was not all read

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_a_pipe_is_read_up_to_the_cap_and_no_further(
    workdir: Path, fifo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIBNORM_MAX_INPUT", "64K")
    writer = _write_into(fifo, b"x" * (1 << 20))
    result = invoke(["resolve", str(fifo), "-o", "out.bib"])
    writer.join(timeout=10)
    assert result.exit_code == EXIT_FATAL
    assert result.stderr.splitlines()[-1].startswith(f"bibnorm: error: {fifo}: more than 65,536 bytes")


def test_a_pipe_within_the_cap_is_read_as_a_title_list(workdir: Path, fifo: Path) -> None:
    writer = _write_into(fifo, TITLES.encode())
    queries = read_inputs([fifo])
    writer.join(timeout=10)
    assert [q.title for q in queries] == TITLES.splitlines()


def test_tex_refuses_a_pipe_named_as_the_drafts_bib_instead_of_waiting_on_it(workdir: Path) -> None:
    (workdir / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\\cite{2201.13027}\n\\bibliography{refs}\\end{document}\n",
        encoding="utf-8",
    )
    os.mkfifo(workdir / "refs.bib")  # nobody ever writes to it: reading it would hang the run
    result = invoke(["tex", "paper.tex"])
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result).endswith(
        "refs.bib: is a pipe (FIFO), expected a regular file; nothing was read"
    )


@pytest.mark.parametrize(
    ("content", "what"),
    [
        pytest.param("A" * (MAX_ITEM + 1), "a line", id="a-title-line"),
        pytest.param(f"@article{{k, title = {{{'A' * (MAX_ITEM + 1)}}}}}", "a title", id="a-bib-title"),
        pytest.param(f"@article{{k, title = {{T}}, abstract = {{{'a' * (MAX_ITEM + 1)}}}}}", "an abstract",
                     id="a-bib-abstract"),
        pytest.param(f"TY  - JOUR\nTI  - {'a' * (MAX_ITEM + 1)}\nER  - \n", "a title", id="a-ris-title"),
    ],
)  # fmt: skip
def test_a_title_or_field_above_the_limit_is_one_line(workdir: Path, content: str, what: str) -> None:
    suffix = ".bib" if content.startswith("@") else ".ris" if content.startswith("TY") else ".txt"
    (workdir / f"big{suffix}").write_text(content + "\n", encoding="utf-8")
    result = invoke(["resolve", f"big{suffix}", "-o", "out.bib"])
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        f"bibnorm: error: big{suffix}:1: {what} of {MAX_ITEM + 1:,} characters, more than the "
        f"{MAX_ITEM:,} bibnorm reads as one title or field; nothing was looked up"
    )


# --------------------------------------------------------------------------- a file that is not text


def test_check_refuses_a_pdf_as_could_not_run_and_keeps_3_for_findings(workdir: Path) -> None:
    (workdir / "paper.pdf").write_bytes(PDF.read_bytes())
    refused = invoke(["check", "paper.pdf"])
    assert refused.exit_code == EXIT_FATAL
    assert (
        one_error_line(refused)
        == "bibnorm: error: paper.pdf: is a binary file (a PDF), expected text; nothing was read"
    )
    assert refused.stdout == ""

    (workdir / "refs.bib").write_text("@misc{a, title = {A}}\n@misc{a, title = {B}}\n", encoding="utf-8")
    found = invoke(["check", "--offline", "--select", "BN201", "refs.bib"])
    assert found.exit_code == EXIT_FINDINGS
    assert "BN201 error" in found.stdout
    missing = invoke(["check", "nowhere.bib"])
    assert missing.exit_code == EXIT_FATAL
    assert one_error_line(missing) == "bibnorm: error: nowhere.bib: no such file"


@pytest.mark.parametrize("command", ["check", "format", "fix"])
def test_every_bib_command_refuses_a_pdf_by_its_first_bytes(workdir: Path, command: str) -> None:
    (workdir / "refs.bib").write_bytes(b"%PDF-1.7\n" + b"stream of text without a NUL\n" * 400)
    result = invoke([command, "refs.bib"])
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        "bibnorm: error: refs.bib: is a binary file (a PDF), expected text; nothing was read"
    )


def test_a_pdf_on_standard_input_is_read_as_a_pdf(workdir: Path) -> None:
    result = invoke(["resolve", "-", "-o", "out.bib"], input=PDF.read_bytes())
    assert result.exit_code == EXIT_SOURCES_FAILED, result.stderr  # offline, nothing cached: none settled
    assert "<stdin>: the PDF's references section (pages " in result.stderr
    assert "too few lines" not in result.stderr


# --------------------------------------------------------------------------- the cache, signals


def test_a_cache_another_process_holds_is_in_use_not_damaged(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bibnorm.resolvers._cache_file, "BUSY_WAIT", 0.2)  # how long to wait, not what to say
    (workdir / "cache").mkdir()
    holder = sqlite3.connect(workdir / "cache" / "http-cache.sqlite", isolation_level=None)
    holder.execute("create table responses (key text)")
    holder.execute("begin exclusive")  # as a writing bibnorm holds it, mid-transaction
    try:
        result = invoke(["cache", "info"])
    finally:
        holder.execute("rollback")
        holder.close()
    assert result.exit_code == EXIT_FATAL
    line = one_error_line(result)
    assert "is in use by another bibnorm process" in line
    assert "damaged" not in line and "cache clear" not in line


def test_tex_watch_stopped_by_sigterm_exits_143(workdir: Path) -> None:
    (workdir / "paper.tex").write_text("\\documentclass{article}\\begin{document}x\\end{document}\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "bibnorm", "tex", "paper.tex", "--watch", "-o", "refs.bib"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=workdir,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    ready, _, _ = select.select([process.stderr], [], [], 60)
    first = process.stderr.readline().decode() if ready else ""  # the first pass said what it did
    assert first.startswith("bibnorm: refs.bib: "), first
    time.sleep(0.5)  # the watcher is arming
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == EXIT_TERMINATED
    assert stderr.decode().splitlines()[-1].startswith("bibnorm: stopped by SIGTERM; ")
