"""Reading an input's bytes and text, with one-line errors and a bound on what it may cost.

`read_text` accepts what `bibnorm.io.encodings.decode_text` decodes (UTF-8, UTF-16, the legacy
Windows-1252 of old exporters, line by line for a file that mixes them) and says so in one line
when a file is binary (a NUL early on, or the first bytes of a PDF, an archive or an image) or
a FIFO has no writer yet.

What one input may cost is bounded (`read_bytes`): a device is refused before reading, a
file by its size, a pipe or standard input once it has given more than `input_limit` bytes
(1 GiB, or ``BIBNORM_MAX_INPUT``). Standard input is read once and the same bytes are given
to every later reader of ``-`` (a command may look at its input twice). `LineCounter` numbers
the lines of a text read in one pass.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from bibnorm.errors import InputError, UsageError, shown
from bibnorm.io.encodings import NOTICES, decode_text
from bibnorm.io.writing import STDIO


def read_text(path: Path | str) -> str:
    """Read a text input; ``"-"`` reads stdin.

    UTF-8 (a BOM is dropped), UTF-16 (by BOM, or by the NULs every other byte of ASCII
    text has), else line by line UTF-8 or Windows-1252 (see the module docstring), with
    a note on stderr once per file. A binary file or a directory is an `InputError`; a
    FIFO with no writer yet is waited for with a message on stderr.
    """
    if str(path) == STDIO:
        return _read_stdin()
    return decode_text(read_bytes(path), str(path))


# Standard input as read the first time, with the stream it came from: a command may look at its
# input twice (what format it is, then its entries), and a stream is read only once.
_stdin_read: tuple[object, bytes] | None = None


INPUT_LIMIT = 1 << 30
"""Bytes bibnorm reads from one input at most (1 GiB): a title list of 10 million lines is a tenth
of it. ``BIBNORM_MAX_INPUT`` (bytes, or with a K, M or G suffix) sets another limit."""
INPUT_LIMIT_VARIABLE = "BIBNORM_MAX_INPUT"
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def input_limit() -> int:
    """`INPUT_LIMIT`, or what ``BIBNORM_MAX_INPUT`` says (a `UsageError` when it is not a size)."""
    return size_limit(INPUT_LIMIT_VARIABLE, INPUT_LIMIT)


def size_limit(variable: str, default: int) -> int:
    """``default``, or the size the environment ``variable`` gives (bytes, or with a K, M or G
    suffix; a `UsageError` when it is not a size)."""
    given = os.environ.get(variable, "").strip().upper().removesuffix("B")
    if not given:
        return default
    number, unit = (given[:-1], given[-1]) if given[-1:] in _UNITS else (given, "")
    if not number.isdigit() or int(number) == 0:
        raise UsageError(f"{variable}={shown(given)} is not a size (bytes, or e.g. 200M, 2G)")
    return int(number) * _UNITS[unit]


def _too_big(name: str, limit: int) -> InputError:
    return InputError(
        f"{name}: more than {limit:,} bytes, the most bibnorm reads from one input "
        f"(set {INPUT_LIMIT_VARIABLE} to allow more); nothing was read"
    )


def _read_capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    """All of ``stream`` up to ``limit`` bytes, read in chunks; `InputError` when there is more.

    A pipe or standard input has no size to look at first: ``resolve - < /dev/zero`` read until
    the memory was gone.
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(1 << 20, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_big(name, limit)
    return b"".join(chunks)


def read_bytes(path: Path | str, *, pipes: bool = True) -> bytes:
    """The bytes of an input file (``"-"``: stdin, the same bytes each time it is asked for),
    with `read_text`'s one-line errors.

    At most `input_limit` bytes are read. A device (``/dev/zero``, ``/dev/urandom``, a terminal)
    is refused before reading; a FIFO is read like standard input, unless ``pipes`` is false
    (a file another file names, such as a draft's ``.bib``, which must be a regular file).
    """
    limit = input_limit()
    if str(path) == STDIO:
        return _stdin_bytes(limit)
    try:
        regular = _readable_kind(path, pipes=pipes, limit=limit)
        if not regular:
            NOTICES.info("waiting for data on the pipe %s (Ctrl-C to stop)", path)
        with open(path, "rb") as handle:
            if regular:  # its size was looked at: read whole, in one buffer
                return handle.read()
            return _read_capped(handle, str(path), limit)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def _readable_kind(path: Path | str, *, pipes: bool, limit: int) -> bool:
    """True for a regular file no larger than ``limit``, False for a FIFO (when ``pipes``);
    `InputError` for anything else. Raises `OSError` when the file cannot be looked at."""
    info = os.stat(path)
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, expected a file")
    if stat.S_ISFIFO(mode) and not pipes:
        raise InputError(f"{path}: is a pipe (FIFO), expected a regular file; nothing was read")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise InputError(
            f"{path}: is a device, not a file; give a file, or pipe the data into '-' (nothing was read)"
        )
    if info.st_size > limit:
        raise _too_big(str(path), limit)
    return stat.S_ISREG(mode)


def _stdin_bytes(limit: int) -> bytes:
    """Standard input's bytes, read the first time they are asked for."""
    global _stdin_read
    if sys.stdin is None:
        raise InputError("standard input is closed; give a file, or pipe the input into '-'")
    if _stdin_read is not None and _stdin_read[0] is sys.stdin:
        return _stdin_read[1]
    try:
        if hasattr(sys.stdin, "buffer"):
            data = _read_capped(sys.stdin.buffer, "<stdin>", limit)
        else:  # a text-only stream (embedding, tests): its text is already in memory
            data = sys.stdin.read(limit + 1).encode()
            if len(data) > limit:
                raise _too_big("<stdin>", limit)
    except OSError as error:
        raise InputError(f"<stdin>: cannot read: {error.strerror or error}") from None
    _stdin_read = (sys.stdin, data)
    return data


def _read_stdin() -> str:
    """Standard input as text, decoded like a file (its bytes, not the locale's guess)."""
    return decode_text(read_bytes(STDIO), "<stdin>")


class LineCounter:
    """Line numbers (1-based) of offsets into one text, counted from the last offset asked.

    Readers ask in ascending order, so numbering every record of a file costs one pass over it;
    counting from the start for each record was quadratic (a 400,000-record RIS file: past 15
    minutes). ``start`` and ``lines_before`` place a piece of a larger file.
    """

    def __init__(self, text: str, start: int = 0, lines_before: int = 0) -> None:
        self.text, self.offset, self.line = text, start, lines_before + 1

    def __call__(self, offset: int) -> int:
        if offset >= self.offset:
            self.line += self.text.count("\n", self.offset, offset)
        else:
            self.line -= self.text.count("\n", offset, self.offset)
        self.offset = offset
        return self.line
