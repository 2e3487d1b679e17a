"""Writing files so that an interrupted run never leaves a truncated one.

`write_atomic`:

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

Every path written is recorded in `WRITTEN` so an interrupted command can say which
files it already changed. Data written to standard output (`write_stdout`) is written
whole or not at all: a short write (a full disk, ``ulimit -f``) is an error, never a
silently truncated output. `make_folders` creates folders as needed, but never a home
folder that does not exist (``HOME=/nonexistent`` is how services say "no home"); `locked`
holds a read-modify-write of one file against other processes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from bibnorm.errors import OutputError

STDIO = "-"
# What a write takes: text (written as UTF-8), bytes as they are, or text in pieces (a report too
# large to hold whole, written as it is made).
Data = str | bytes | Iterable[str]


class WrittenFiles:
    """The files this process has replaced or written, in order (for interrupt messages).

    This is a record of effects, not policy: it only ever grows, and nothing decides
    anything from it but the message a user sees when a run is interrupted.
    """

    SHOWN = 3  # files named one by one; past this, counted

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._known: set[Path] = set()  # the same paths: a venue's run writes thousands
        self.folders: list[Path] = []  # results folders this process wrote into (`held_folder`)

    def record(self, path: Path) -> None:
        if path not in self._known:
            self._known.add(path)
            self.paths.append(path)

    def clear(self) -> None:
        """Forget every record (a new run in the same process)."""
        self.paths.clear()
        self._known.clear()
        self.folders.clear()

    def record_folder(self, folder: Path) -> None:
        """A results folder (a corpus run's): what is in it is named by the folder, not file by file."""
        if folder not in self.folders:
            self.folders.append(folder)

    def describe(self) -> str:
        """``"no output file was changed"``, ``"already written: a.bib, r.json"``, or for a results
        folder ``"the results so far are in out/ (a run with the same folder goes on from them)"``:
        one short line however many files a venue's run wrote."""
        held = [folder.absolute() for folder in self.folders]
        others = [p for p in self.paths if not any(p.absolute().is_relative_to(f) for f in held)]
        parts = [
            f"the results so far are in {folder}{os.sep} (a run with the same folder goes on from them)"
            for folder in self.folders
        ]
        if others:
            named = ", ".join(str(p) for p in others[: self.SHOWN])
            more = len(others) - self.SHOWN
            parts.append(f"already written: {named}" + (f" and {more} more" if more > 0 else ""))
        return "; ".join(parts) or "no output file was changed"


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


def write_atomic(path: Path | str, text: Data) -> None:
    """Write ``text`` (UTF-8; bytes as they are; text in pieces, `Data`) to ``path`` without ever
    leaving a truncated file; ``"-"`` is stdout.

    See the module docstring for symlinks, devices, FIFOs and file modes. Raises
    `OutputError` with a one-line reason; the previous file is then left as it was.
    """
    if str(path) == STDIO:
        for piece in _pieces(text):
            write_stdout(piece)
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
    replace_atomically(Path(path), target, text, info)


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


def _pieces(text: Data) -> Iterator[bytes]:
    """``text`` as the bytes to write, a piece at a time."""
    if isinstance(text, bytes):
        yield text
    elif isinstance(text, str):
        yield text.encode("utf-8")
    else:
        for piece in text:
            yield piece.encode("utf-8")


def _write_in_place(given: Path, target: Path, text: Data) -> None:
    """A device, FIFO or other special file: written like a stream, never renamed over."""
    try:
        with target.open("wb") as handle:
            for piece in _pieces(text):
                handle.write(piece)
    except OSError as error:
        raise OutputError(f"cannot write {given}: {error.strerror or error}") from error
    WRITTEN.record(target)


def replace_atomically(given: Path, target: Path, text: Data, existing: os.stat_result | None) -> None:
    """Write ``text`` to a temporary file beside ``target`` and rename it over ``target`` (whose
    stat is ``existing``, None for a new file); ``given`` is the path as the user named it."""
    temporary: str | None = None
    try:
        descriptor, temporary = temporary_beside(target)
        with os.fdopen(descriptor, "wb") as handle:
            for piece in _pieces(text):
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        adopt_mode(temporary, existing)
        os.replace(temporary, target)
        temporary = None
        _TEMPORARIES.changed_here(target.parent)
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
    for leftover in _TEMPORARIES.beside(target):
        with contextlib.suppress(OSError):
            if now - leftover.lstat().st_mtime > STALE_AFTER:
                leftover.unlink()


# What `temporary_beside` names a temporary file for ``name``: ".name.XXXXXXXX.tmp" (mkstemp's).
# (Matched whole: anchored, a search does not try every dot of a long name again.)
_TEMPORARY_NAME = re.compile(r"\A\.(.+)\.[^.]++\.tmp", re.DOTALL)


class _FolderTemporaries:
    """The temporary files in each folder this process writes to, listed once and listed again
    only when another process changed the folder (its mtime moved but for this process's own
    renames), and at least every half `STALE_AFTER`.

    A venue's results folder takes thousands of pages: listing the folder at each write cost
    time growing with the square of the pages (20,000 pages: 400 million entries read). What
    the cache can miss is a temporary file made since it was listed, which is fresh (no run
    of ours takes an hour between creating and renaming one): the next listing finds it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._folders: dict[str, tuple[int, float, dict[str, list[str]]]] = {}

    def beside(self, target: Path) -> list[Path]:
        folder = os.path.abspath(target.parent)
        try:
            changed = os.stat(folder).st_mtime_ns
        except OSError:
            return []
        with self._lock:
            listed = self._folders.get(folder)
            if listed is None or listed[0] != changed or time.monotonic() - listed[1] > STALE_AFTER / 2:
                listed = self._folders[folder] = (changed, time.monotonic(), _temporaries_in(folder))
            return [Path(folder, name) for name in listed[2].get(target.name, ())]

    def changed_here(self, folder: Path) -> None:
        """This process renamed a file into ``folder``: the change needs no new listing."""
        folder_name = os.path.abspath(folder)
        with self._lock, contextlib.suppress(OSError):
            listed = self._folders.get(folder_name)
            if listed is not None:
                self._folders[folder_name] = (os.stat(folder_name).st_mtime_ns, *listed[1:])


def _temporaries_in(folder: str) -> dict[str, list[str]]:
    """The temporary files in ``folder`` by the name of the file each was to replace."""
    found: dict[str, list[str]] = {}
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            named = _TEMPORARY_NAME.fullmatch(entry.name)
            if named is not None:
                found.setdefault(named.group(1), []).append(entry.name)
    return found


_TEMPORARIES = _FolderTemporaries()


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


HELD = ".bibnorm-run.lock"  # the empty file `held_folder` locks


@contextlib.contextmanager
def held_folder(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one writing process (a corpus run's results folder), refused at once
    with a one-line `OutputError` while another process holds it.

    The lock is a POSIX record lock on an empty file in the folder, `HELD`: it is this
    process's alone (the worker processes it forks do not inherit it, so a PDF reader that
    outlives a run holds nothing) and goes with the process when it is killed. Where the file
    system takes no locks, the folder is written unlocked, as before."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no advisory locks to take
        yield
        return
    WRITTEN.record_folder(folder)
    try:
        make_folders(folder)
        descriptor = os.open(folder / HELD, os.O_RDWR | os.O_CREAT, 0o666 & ~current_umask())
    except OSError as error:
        raise OutputError(f"cannot write {folder}: {error.strerror or error}") from error
    try:
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            busy = f"{folder}: another bibnorm run is writing this folder; let it end first"
            raise OutputError(busy) from None
        except OSError:
            pass  # no locks on this file system
        yield
    finally:
        os.close(descriptor)


def remove_temporaries(folder: Path) -> None:
    """Delete every temporary file `write_atomic` left in ``folder`` (a run killed between
    writing one and renaming it), however recent: for a folder this process holds
    (`held_folder`), where no other writer may be making one."""
    for names in _temporaries_in(os.path.abspath(folder)).values():
        for name in names:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))


def refuse_missing_home(path: Path) -> None:
    """`OutputError` (one line) when ``path`` lies in a home folder that does not exist, which
    `make_folders` would refuse to create: said before a run's work, not after it."""
    try:
        home_exists_for(path)
    except FileNotFoundError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None


def home_exists_for(path: Path) -> None:
    """`FileNotFoundError` naming the home folder when ``path`` lies in one that does not exist."""
    home = _home()
    if home is not None and not home.exists():
        absolute = Path(os.path.abspath(path))
        if absolute == home or home in absolute.parents:
            raise FileNotFoundError(errno.ENOENT, f"the home folder {home} does not exist", str(home))


def make_folders(folder: Path) -> None:
    """``mkdir -p folder``, except that a home folder that does not exist is never created.

    ``HOME=/nonexistent`` is how services and containers say "no home"; creating it (as
    root) or failing deep inside it would both be wrong. Raises `FileNotFoundError`
    (``strerror`` names the missing home) or another `OSError`.
    """
    home_exists_for(folder)
    folder.mkdir(parents=True, exist_ok=True)


def _home() -> Path | None:
    home = os.path.expanduser("~")
    return None if home.startswith("~") else Path(os.path.abspath(home))
