"""File input and output that never loses what the user had.

Outputs are written to a temporary file in the destination's folder, flushed to
disk, then moved over the destination in one `os.replace`, so an interrupted run
leaves either the old file or the new one, never a truncated mix.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from normalizer.errors import InputError, OutputError

STDIO = "-"


def write_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; ``"-"`` writes to stdout."""
    if str(path) == STDIO:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Not a context manager on purpose: the file must survive closing, for os.replace.
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w",
            encoding="utf-8",
            newline="",
            dir=folder,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        )
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(handle.name, target.stat().st_mode & 0o7777)
        os.replace(handle.name, target)
    except BaseException as error:
        # Interrupted or failed: remove the temporary file, keep the old target.
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(handle.name)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {target}: {error.strerror or error}") from error
        raise


def read_text(path: Path | str) -> str:
    """Read a text input: UTF-8 (BOM tolerated), falling back to Latin-1; ``"-"`` reads stdin."""
    if str(path) == STDIO:
        return sys.stdin.read()
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
