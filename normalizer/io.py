"""File input and output that never loses what the user had.

Writing (`write_atomic`):

- the path is resolved first: through a symlink the *target* is replaced and the link
  kept, so ``-o link.bib`` updates the file the link points at;
- a regular file (or a new one) is written to a temporary file in the same folder,
  flushed to disk, then moved over the destination in one `os.replace`, so an
  interrupted run leaves either the old file or the new one, never a truncated mix;
- a destination that is not a regular file (a character device such as ``/dev/null``, a
  FIFO, ``/dev/stdout``) is written directly: renaming over it would replace the device
  with a plain file;
- a new file gets the mode the umask allows (like any program's ``open``), an existing
  one keeps its mode and, where the process may, its owner and group.

Where a run may write (before any work starts):

- `expand_user`: ``~`` and ``~user`` at the start of a path given on the command line or in
  the configuration are expanded as a shell would; an unknown user is refused, never made
  a folder named ``~user``;
- `named_output`: a path taken from a file's *content* (a draft's ``\\bibliography{}``),
  not from the command line, is written only with the expected suffix, inside the draft's
  folder tree after resolving symlinks, never through ``..`` or an absolute path (TeX's
  ``openout_any = p``), unless the user allows it;
- `refuse_clashes`: the table of a run's roles: no file it writes is one it reads, and no
  two of its outputs are one file;
- `make_folders`: folders are created as needed, but never a home folder that does not
  exist (``HOME=/nonexistent`` is how services say "no home").

Every path written is recorded in `WRITTEN` so an interrupted command can say which
files it already changed. Data written to standard output (`write_stdout`) is written
whole or not at all: a short write (a full disk, ``ulimit -f``) is an error, never a
silently truncated output.

Reading (`read_text`) accepts UTF-8 (with or without BOM), UTF-16 (with BOM, or
without one when the NUL pattern shows it) and the legacy 8-bit encoding of old
exporters, Windows-1252 (Latin-1 with printable characters in 0x80-0x9F; Latin-1 for
the five bytes it leaves undefined), and says so in one line when a file is binary (a NUL
early on, or the first bytes of a PDF, an archive or an image) or a FIFO has no writer yet.

What one input may cost is bounded (`read_bytes`): a device is refused before reading, a
file by its size, a pipe or standard input once it has given more than `input_limit` bytes
(1 GiB, or ``BIBNORM_MAX_INPUT``).

A file that is not UTF-8 throughout is read line by line: each line that is valid
UTF-8 as UTF-8, each other line as Windows-1252, and one note on stderr names the
lines read the legacy way (none named: the whole file was). Everything bibnorm writes
is UTF-8, so a file mixing both (UTF-8 entries appended to an old Latin-1 ``.bib``) is
repaired rather than refused: refusing would leave the user a file no tool converts
(``iconv`` from Latin-1 double-encodes the UTF-8 part, "Müller" → "MÃ¼ller"), and the
decision per line is reliable because Latin-1 text with accents is practically never
valid UTF-8 (an accented capital such as "Ã" would have to be followed by a C1 control
or one of the symbols "¡" to "¿").
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from bibnorm.errors import InputError, OutputError, SafetyError, UsageError, shown

STDIO = "-"


class WrittenFiles:
    """The files this process has replaced or written, in order (for interrupt messages).

    This is a record of effects, not policy: it only ever grows, and nothing decides
    anything from it but the message a user sees when a run is interrupted.
    """

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def record(self, path: Path) -> None:
        if path not in self.paths:
            self.paths.append(path)

    def describe(self) -> str:
        """``"no output file was changed"`` or ``"already written: a.bib, r.json"``."""
        if not self.paths:
            return "no output file was changed"
        return "already written: " + ", ".join(str(p) for p in self.paths)


WRITTEN = WrittenFiles()


def current_umask() -> int:
    """The process umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def resolve_output(path: Path | str) -> Path:
    """Where a write to ``path`` really lands: symlinks followed, even dangling ones."""
    return Path(os.path.realpath(os.fspath(path)))


def same_file(a: Path | str, b: Path | str) -> bool:
    """True when two paths name one file (through links, ``./``, case-preserving names)."""
    if str(a) == STDIO or str(b) == STDIO:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return resolve_output(a) == resolve_output(b)


def write_atomic(path: Path | str, text: str | bytes) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``path`` without ever leaving a truncated
    file; ``"-"`` is stdout.

    See the module docstring for symlinks, devices, FIFOs and file modes. Raises
    `OutputError` with a one-line reason; the previous file is then left as it was.
    """
    if str(path) == STDIO:
        write_stdout(text)
        return
    target = resolve_output(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(Path(path), target, text)
        return
    _replace_atomically(Path(path), target, text, info)


def write_stdout(text: str | bytes) -> None:
    """Write ``text`` (or bytes, as they are) to standard output, every byte of it, and flush.

    The text layer ignores a short write (the raw stream's, under ``PYTHONUNBUFFERED``,
    when a full disk or ``ulimit -f`` cuts a write short): the output would end early
    with exit 0. The bytes go through the binary layer here until all are written, so
    the next write reports the disk's error. Raises `OutputError` with a one-line reason
    (`BrokenPipeError` is left to the caller: a closed pipe is not an error to report).
    """
    if sys.stdout is None:  # started with stdout closed (``>&-``): the data has nowhere to go
        raise OutputError("standard output is closed; write to a file with -o")
    stream = sys.stdout
    try:
        stream.flush()
        binary = getattr(stream, "buffer", None)
        if binary is None:  # a text-only stream (embedding): it has no short writes to check
            stream.write(text if isinstance(text, str) else text.decode("utf-8", "replace"))
            stream.flush()
            return
        if isinstance(text, bytes):
            data = memoryview(text)
        else:
            data = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        while data:
            data = data[binary.write(data) or 0 :]  # None: a non-blocking stream took nothing yet
        binary.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        # The unwritten text stays buffered; without this the interpreter's final flush
        # fails again and exits 120 instead of our one line and exit 1.
        silence_stdout()
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_in_place(given: Path, target: Path, text: str | bytes) -> None:
    """A device, FIFO or other special file: written like a stream, never renamed over."""
    try:
        with target.open("wb") as handle:
            handle.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as error:
        raise OutputError(f"cannot write {given}: {error.strerror or error}") from error
    WRITTEN.record(target)


def _replace_atomically(
    given: Path, target: Path, text: str | bytes, existing: os.stat_result | None
) -> None:
    temporary: str | None = None
    try:
        descriptor, temporary = temporary_beside(target)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        adopt_mode(temporary, existing)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise OutputError(f"cannot write {given}: {error.strerror or error}") from error
    finally:
        # Interrupted or failed: remove the temporary file, keep the old target.
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    WRITTEN.record(target)


def temporary_beside(target: Path) -> tuple[int, str]:
    """A new temporary file (descriptor, name) in ``target``'s folder, to be renamed over it.

    The folder is made if needed (`make_folders`), and temporary files a killed earlier
    run left for the same target are removed first. Raises `OSError`.
    """
    make_folders(target.parent)
    remove_stale_temporaries(target)
    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")


def adopt_mode(temporary: str | Path, existing: os.stat_result | None) -> None:
    """Give a finished temporary file the mode (and owner) of the file it replaces, or, for a
    new file, the mode the umask allows: mkstemp creates 0600, and a new output is as
    readable as any file the user creates."""
    if existing is not None:
        os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        with contextlib.suppress(OSError):  # only root (or the owner, for the group) may
            os.chown(temporary, existing.st_uid, existing.st_gid)
    else:
        os.chmod(temporary, 0o666 & ~current_umask())


STALE_AFTER = 3600.0  # seconds; no write of ours takes that long between create and rename


def remove_stale_temporaries(target: Path) -> None:
    """Delete temporary files a killed earlier run (SIGKILL, power loss) left beside ``target``."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.lstat().st_mtime > STALE_AFTER:
                leftover.unlink()


@contextlib.contextmanager
def locked(path: Path | str) -> Iterator[None]:
    """Hold an exclusive advisory lock for a read-modify-write of ``path``.

    The lock is taken on the file's folder: the file itself is replaced by
    `write_atomic`, so a lock on it would go with the old inode, and a separate lock
    file would be left behind. Processes that append to one shared file (``bibnorm
    tex``) take it around read → merge → write; everyone else is unaffected.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no advisory locks to take
        yield
        return
    folder = resolve_output(path).parent
    try:
        make_folders(folder)  # a new file in a new folder: the write would make it anyway
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError as error:
        raise OutputError(f"cannot lock {path}: {error.strerror or error}") from error
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


# --------------------------------------------------------------------------- where a run may write


def expand_user(path: str) -> str:
    """``~/x`` and ``~user/x`` expanded as a shell would; anything else unchanged.

    Shells leave them alone in ``--output=~/x``, in quotes and in configuration files, so
    bibnorm expands them itself. A user that does not exist is a `UsageError` rather
    than a folder named ``~user`` in the working directory.
    """
    if not path.startswith("~"):
        return path
    expanded = os.path.expanduser(path)
    if expanded.startswith("~"):
        user = path[1:].split("/", 1)[0]
        who = f"no user named {user!r}" if user else "no home folder is known ($HOME is not set)"
        raise UsageError(f"{path}: {who}; write ./{path} for a file of that name")
    return expanded


def make_folders(folder: Path) -> None:
    """``mkdir -p folder``, except that a home folder that does not exist is never created.

    ``HOME=/nonexistent`` is how services and containers say "no home"; creating it (as
    root) or failing deep inside it would both be wrong. Raises `FileNotFoundError`
    (``strerror`` names the missing home) or another `OSError`.
    """
    home = _home()
    if home is not None and not home.exists():
        absolute = Path(os.path.abspath(folder))
        if absolute == home or home in absolute.parents:
            raise FileNotFoundError(errno.ENOENT, f"the home folder {home} does not exist", str(home))
    folder.mkdir(parents=True, exist_ok=True)


def _home() -> Path | None:
    home = os.path.expanduser("~")
    return None if home.startswith("~") else Path(os.path.abspath(home))


def named_output(
    name: str,
    root: Path,
    *,
    named_in: Path | str,
    suffix: str = ".bib",
    allow_outside: bool = False,
) -> Path:
    """Where a path named *inside a file* may be written: ``root / name``, or a `SafetyError`.

    A draft from a co-author or an arXiv source tarball must not decide where bibnorm
    writes (its entries carry text from the network). So, like TeX's ``openout_any = p``,
    and stricter: the name must end in ``suffix`` (and so must the file a link leads to),
    must not be absolute (``~`` included) or climb with ``..``, and must stay inside
    ``root`` (the draft's folder, which LaTeX resolves names against) after symlinks are
    resolved. ``allow_outside``
    (``--allow-outside``) lifts the place rules, never the suffix rule; a path the user
    gives on the command line is not checked at all. The message is one line naming the
    path, the file that named it and the rule.
    """
    path = Path(os.path.normpath(root / name))
    landing = resolve_output(path)
    reason = None
    if PurePath(name).suffix.lower() != suffix:
        reason = f"is not a {suffix} file"
    elif landing.suffix.lower() != suffix:
        reason = f"is a link to {landing}, not a {suffix} file"
    elif allow_outside:
        return path
    elif os.path.isabs(name) or name.startswith("~"):
        reason = "is an absolute path"
    elif ".." in PurePath(name).parts:
        reason = "climbs out with '..'"
    elif not landing.is_relative_to(resolve_output(root)):
        reason = f"is a link leading out of the draft's folder (to {landing})"
    if reason is None:
        return path
    escape = (
        "give it with -o" if reason.endswith(f"{suffix} file") else "give it with -o or pass --allow-outside"
    )
    raise SafetyError(
        f"{named_in} names the bibliography {name}, which {reason}: bibnorm writes a bibliography a draft"
        f" names only as a {suffix} file inside the draft's folder, never through '..', an absolute path"
        f" or a link leading out; {escape} to write it anyway (nothing was written)"
    )


@dataclass(frozen=True)
class PinnedOutput:
    """Where a checked output lands, fixed when it was checked (`pin_output`): the real path,
    and the file there then as (device, inode), None when there was none yet."""

    given: Path
    landing: Path
    identity: tuple[int, int] | None


def pin_output(path: Path | str, landing: Path | None = None) -> PinnedOutput:
    """Fix where a write to ``path`` lands, so that `write_pinned` writes there or nowhere:
    ``landing``, where it led when it was checked (`named_output`, `resolve_output`; default:
    where it leads now), and the file there now. A read-modify-write pins under its `locked`,
    after another process's turn, and passes the landing of the checks before it."""
    landing = landing if landing is not None else resolve_output(path)
    try:
        info = os.lstat(landing)
    except OSError:
        return PinnedOutput(Path(path), landing, None)
    return PinnedOutput(Path(path), landing, (info.st_dev, info.st_ino))


def write_pinned(pinned: PinnedOutput, text: str | bytes) -> None:
    """`write_atomic` to the place `pin_output` fixed, never through a link swapped in since.

    Between the checks and the write (a whole run of lookups) the path may have been replaced:
    by a symlink to ``../victim.bib`` or to a file that is not a .bib. Then the path no longer
    leads to the pinned place, or another file is there (another device and inode): the write
    is refused with an `OutputError` and nothing is written. Otherwise a temporary file in the
    same folder is renamed over the pinned path itself; a rename replaces a link put there in
    the last instant, it never follows one. A file that is not a regular one (a device, a FIFO)
    is written as `write_atomic` writes it.
    """
    now = resolve_output(pinned.given)
    try:
        info: os.stat_result | None = os.lstat(pinned.landing)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {pinned.given}: {error.strerror or error}") from error
    identity = None if info is None else (info.st_dev, info.st_ino)
    if now != pinned.landing or identity != pinned.identity:
        moved = f"now leads to {now}" if now != pinned.landing else "was replaced"
        raise OutputError(
            f"refusing to write {pinned.given}: it {moved} since it was checked (a link or another file"
            " swapped in while bibnorm worked); nothing was written, run again"
        )
    if info is not None and not stat.S_ISREG(info.st_mode):
        write_atomic(pinned.given, text)
        return
    _replace_atomically(pinned.given, pinned.landing, text, info)


@dataclass(frozen=True)
class Role:
    """One file of a run and what it is to the user: ``Role("-o/--output", "out.bib")``."""

    what: str
    path: Path | str

    @property
    def stdio(self) -> bool:
        return str(self.path) == STDIO


def refuse_clashes(writes: Iterable[Role], reads: Iterable[Role] = ()) -> None:
    """The table of a run's roles, checked before any work: `UsageError` naming both roles
    when a file it writes is one it reads, or two of its outputs are one file (or both
    standard output). Paths are compared through links (`same_file`); ``None`` roles
    (an option not given) are left out by the caller."""
    outputs = list(writes)
    inputs = [role for role in reads if not role.stdio]
    for index, output in enumerate(outputs):
        for earlier in outputs[:index]:
            if output.stdio and earlier.stdio:
                raise UsageError(
                    f"{earlier.what} and {output.what} both write to standard output;"
                    " give one of them a file (nothing was written)"
                )
            if not output.stdio and not earlier.stdio and same_file(earlier.path, output.path):
                raise UsageError(
                    f"{earlier.what} {earlier.path} and {output.what} {output.path} are the same file;"
                    " give each its own (nothing was written)"
                )
        if output.stdio:
            continue
        for given in inputs:
            if same_file(given.path, output.path):
                raise UsageError(
                    f"{output.what} {output.path} is also {given.what}; write to another file"
                    " (nothing was written)"
                )


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
    global _stdin_read
    limit = input_limit()
    if str(path) == STDIO:
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
    try:
        mode = os.stat(path)
        if stat.S_ISDIR(mode.st_mode):
            raise InputError(f"{path}: is a directory, expected a file")
        if stat.S_ISFIFO(mode.st_mode) and not pipes:
            raise InputError(f"{path}: is a pipe (FIFO), expected a regular file; nothing was read")
        if not (stat.S_ISREG(mode.st_mode) or stat.S_ISFIFO(mode.st_mode)):
            raise InputError(
                f"{path}: is a device, not a file; give a file, or pipe the data into '-' (nothing was read)"
            )
        if mode.st_size > limit:
            raise _too_big(str(path), limit)
        if stat.S_ISFIFO(mode.st_mode):
            print(f"bibnorm: waiting for data on the pipe {path} (Ctrl-C to stop)", file=sys.stderr)
        with open(path, "rb") as handle:
            if stat.S_ISREG(mode.st_mode):  # its size was looked at: read whole, in one buffer
                return handle.read()
            return _read_capped(handle, str(path), limit)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


@dataclass(frozen=True)
class KeptEncoding:
    """How a file's bytes became text such that `encode` gives the same bytes back.

    An 8-bit file is read as UTF-8 with every byte that is not UTF-8 kept as it is (a lone
    surrogate, Python's ``surrogateescape``): a Latin-1 or Windows-1252 file, or one mixing
    them with UTF-8, is written back byte for byte where its text is unchanged, in
    whatever encoding each line had. BibTeX reads bytes, so this is what keeps its output
    the same. ``legacy`` says such bytes were found.
    """

    codec: str = "utf-8"  # or "utf-16-le" / "utf-16-be"
    bom: bool = False
    legacy: bool = False

    def encode(self, text: str) -> bytes:
        """``text`` in this encoding (with the BOM the file had)."""
        if self.codec == "utf-8":
            return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8", "surrogateescape")
        mark = ("\ufeff" if self.bom else "").encode(self.codec)
        return mark + text.encode(self.codec)


def decode_kept(data: bytes, name: str) -> tuple[str, KeptEncoding]:
    """``data`` as text that `KeptEncoding.encode` turns back into ``data`` (see there).

    UTF-16 is decoded as such; a binary file is an `InputError`, as for `read_text`.
    """
    refuse_binary(data, name)
    encoding = _utf16_encoding(data)
    if encoding is not None:
        bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        codec = ("utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le") if bom else encoding
        try:
            return data[2 if bom else 0 :].decode(codec), KeptEncoding(codec, bom)
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like UTF-16 text but does not decode as UTF-16") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, expected text")
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), KeptEncoding(bom=bom)
    except UnicodeDecodeError:
        return body.decode("utf-8", "surrogateescape"), KeptEncoding(bom=bom, legacy=True)


def _read_stdin() -> str:
    """Standard input as text, decoded like a file (its bytes, not the locale's guess)."""
    return decode_text(read_bytes(STDIO), "<stdin>")


LEGACY_ENCODING = "cp1252"
LEGACY_NAME = "Windows-1252 (Latin-1)"


# Files that are not text, by their first bytes: read as Windows-1252 they would become text
# with no entry in it ("check paper.pdf": "0 error(s)", exit 0).
BINARY_MAGIC = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive: .zip, .docx, .epub",
    b"\x1f\x8b": "gzip-compressed",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}


def refuse_binary(data: bytes, name: str) -> None:
    """`InputError` when ``data`` starts like one of the `BINARY_MAGIC` formats."""
    kind = next((kind for magic, kind in BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        raise InputError(f"{name}: is a binary file ({kind}), expected text; nothing was read")


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file to `str`; see `read_text` for the encodings accepted.

    When some lines are not UTF-8, says so on stderr (once per ``name`` and process). A file
    that starts like a PDF, an archive or an image (`BINARY_MAGIC`) is an `InputError`.
    """
    refuse_binary(data, name)
    encoding = _utf16_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like UTF-16 text but does not decode as UTF-16") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text, legacy = decode_lines(data)
    if name not in ENCODING_NOTES.told:
        ENCODING_NOTES.told.add(name)
        print(f"bibnorm: note: {encoding_note(name, legacy)}", file=sys.stderr)
    return text


# The five bytes Windows-1252 leaves undefined are read as Latin-1 (C1 control characters).
_UNDEFINED_AS_LATIN1 = {0xDC00 + byte: chr(byte) for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode_lines(data: bytes) -> tuple[str, list[int]]:
    """Text of ``data`` (not valid UTF-8 as a whole) read line by line, and the numbers of
    the lines read as Windows-1252 when the file also holds UTF-8 beyond ASCII; no numbers
    when it holds none (the whole file was read as Windows-1252).

    Lines end at ``\n``, ``\r\n`` or ``\r``, as everywhere in bibnorm. A file in one
    legacy encoding is decoded in one go; only a mixed one is looked at line by line.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    # Each byte that is not UTF-8 becomes one character; a valid sequence of 2-4 bytes, one.
    if len(data.decode("utf-8", "surrogateescape")) == len(data):
        return _legacy(data), []
    parts: list[str] = []
    legacy: list[int] = []
    utf8 = False  # a line beyond ASCII was UTF-8 (not only bytes that happen to pair up)
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            parts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            parts.append(_legacy(line))
    return "".join(parts), legacy if utf8 else []


def _legacy(data: bytes) -> str:
    try:
        return data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined
        return data.decode(LEGACY_ENCODING, "surrogateescape").translate(_UNDEFINED_AS_LATIN1)


def encoding_note(name: str, legacy: Sequence[int]) -> str:
    """The one line that says how a file that is not UTF-8 throughout was read (``legacy``:
    as `decode_lines` gives them)."""
    if not legacy:
        return f"{name}: not UTF-8; read as {LEGACY_NAME}; what bibnorm writes is UTF-8"
    return (
        f"{name}: mixes encodings: {_line_ranges(legacy)} not UTF-8 and read as {LEGACY_NAME}, "
        "the other lines as UTF-8; what bibnorm writes is UTF-8"
    )


def _line_ranges(numbers: Sequence[int], shown: int = 8) -> str:
    """``[3, 4, 5, 9]`` → ``"lines 3-5, 9 are"``, the first ``shown`` ranges and a count of the rest."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and ranges[-1][1] == number - 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    words = [f"{a}-{b}" if a != b else str(a) for a, b in ranges[:shown]]
    rest = sum(b - a + 1 for a, b in ranges[shown:])
    listed = ", ".join(words) + (f" and {rest} more" if rest else "")
    return f"line {listed} is" if len(numbers) == 1 else f"lines {listed} are"


class EncodingNotes:
    """The inputs whose encoding note was already printed (a record of messages, like `WRITTEN`)."""

    def __init__(self) -> None:
        self.told: set[str] = set()


ENCODING_NOTES = EncodingNotes()


def start_run() -> None:
    """Forget the records of an earlier run in this process (a command invoked again in-process,
    as tests and embedding programs do, says its notes and lists its written files afresh)."""
    WRITTEN.paths.clear()
    ENCODING_NOTES.told.clear()


def _utf16_encoding(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 has a NUL in nearly every other byte and almost none between.
    if odd_nuls > 0.8 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.8 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


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
