"""A results folder's own files: a corpus run writes, replaces and deletes only what a run made.

``OUT/.bibnorm-files`` lists, one a line, every file a run wrote in the folder (its summaries, its
shards, each document's page and the job's files beside it). A name goes into the list before
its file is first written, so a run killed at any point still knows its files. A file the list
does not name is someone else's: it is never overwritten nor deleted, and the run names it in
one line (`OwnFiles.foreign`). A folder whose summaries or shards are someone else's is refused
before any work (`OwnFiles.refuse_foreign`).

Links are never followed: a link planted where a run writes (``summary.csv`` pointing at a file
the user cares about) makes the run refuse in one line, and every write renames a complete
temporary file over the name itself (`bibnorm.io.replace_atomically`), which replaces a name and
never what a link leads to. A folder that earlier versions wrote (no list, but their lock file)
is adopted for the names those versions gave their files, and only those.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from bibnorm.errors import OutputError
from bibnorm.io import make_folders, replace_atomically, write_atomic

OWN = ".bibnorm-files"
SUMMARIES = ("summary.csv", "summary.html")
SHARD_NAMES = tuple(f"results/{digit}.jsonl" for digit in "0123456789abcdef")
# The names earlier versions gave the files of a results folder (a page or a .bib is named by 16
# hex digits of its document id's hash): what a folder without a list is adopted for.
_EARLIER_NAME = re.compile(
    r"summary\.(?:csv|html)|results/[0-9a-f]\.jsonl|(?:documents|bib)/[0-9a-f]{16}\.(?:html|bib)"
)


class OwnFiles:
    """The files of a results ``folder`` that runs wrote, kept in ``folder/.bibnorm-files``."""

    def __init__(self, folder: Path, *, adopt_earlier: bool = False) -> None:
        """``adopt_earlier``: a folder without a list is one a run of an earlier version wrote
        (its lock file was there before this run took it): its files are adopted by name."""
        self.folder = folder
        self.names = self._load(adopt_earlier)
        self.foreign: set[str] = set()  # files met where the run works that no run wrote

    def _load(self, adopt_earlier: bool) -> set[str]:
        try:
            text = read_unlinked(self.folder / OWN).decode("utf-8", "replace")
        except FileNotFoundError:
            if not adopt_earlier:
                return set()
            return {name for name in _files_under(self.folder) if _EARLIER_NAME.fullmatch(name)}
        return {name for name in text.splitlines() if _plain_name(name)}

    def refuse_foreign(self, folders: Iterable[str]) -> None:
        """`OutputError` before any work when a run's folder is a link, or its summaries or
        shards exist but no run wrote them (the folder is not a results folder)."""
        for name in ("results", *folders):
            if (self.folder / name).is_symlink():
                raise OutputError(
                    f"{self.folder / name} is a link: a results folder's folders are its own;"
                    " remove it or choose another --out (nothing was written)"
                )
        theirs = [
            name
            for name in (*SUMMARIES, *SHARD_NAMES)
            if _exists(self.folder / name) and name not in self.names
        ]
        if theirs:
            raise OutputError(
                f"{self.folder} holds {', '.join(theirs)}, which no bibnorm run wrote there: a run writes"
                " only into its own results folder; move them or choose another --out (nothing was written)"
            )

    def claim(self, name: str) -> bool:
        """Whether the run may write ``name``: a file a run wrote, or none yet (then listed before
        it is written). A file no run wrote is left alone and remembered in `foreign`."""
        if name in self.names:
            return True
        if _exists(self.folder / name):
            self.foreign.add(name)
            return False
        self.names.add(name)
        with _open_unlinked(self.folder / OWN, os.O_WRONLY | os.O_APPEND | os.O_CREAT) as listed:
            os.write(listed, f"{name}\n".encode())
        return True

    def write(self, name: str, text: str | bytes, *, unless_same: bool = False) -> None:
        """``text`` into ``name`` atomically, never through a link; ``unless_same``: an unchanged
        file is not rewritten. A file no run wrote is left as it is."""
        if not self.claim(name):
            return
        path = self.folder / name
        self.make_folder(str(PurePosixPath(name).parent))
        data = text.encode("utf-8") if isinstance(text, str) else text
        try:
            existing: os.stat_result | None = os.lstat(path)
        except FileNotFoundError:
            existing = None
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        if existing is not None:
            if not stat.S_ISREG(existing.st_mode):
                raise _not_a_file(path)
            if unless_same and read_unlinked(path) == data:
                return
        replace_atomically(path, path, data, existing)

    def make_folder(self, name: str) -> None:
        """The folder ``name`` of the results folder, made if needed; a link there is refused."""
        if name in ("", "."):
            return
        folder = self.folder / name
        make_folders(folder)
        if folder.is_symlink():
            raise OutputError(
                f"refusing to write into {folder}: it is a link; remove it (a results folder's folders"
                " are its own)"
            )

    def remove(self, name: str) -> None:
        """Delete ``name`` if a run wrote it (the name itself: a link there is not followed)."""
        if name not in self.names:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.folder / name)
        self.names.discard(name)

    def tidy(self, folder: str, kept: set[str]) -> None:
        """Delete the files runs wrote in ``folder`` that are not ``kept``; name the others."""
        for name in sorted(self.names):
            if name.startswith(f"{folder}/") and name not in kept:
                self.remove(name)
        for name in _files_under(self.folder / folder):
            if f"{folder}/{name}" not in self.names:
                self.foreign.add(f"{folder}/{name}")

    def save(self) -> None:
        """The list rewritten with exactly the files there now (sorted: the same bytes each run)."""
        present = sorted(name for name in self.names if _exists(self.folder / name))
        self.names = set(present)
        if (self.folder / OWN).is_symlink():
            raise _not_a_file(self.folder / OWN)
        write_atomic(self.folder / OWN, "".join(f"{name}\n" for name in present))


def read_unlinked(path: Path) -> bytes:
    """A file's bytes, refused (`OutputError`) when the name is a link; `FileNotFoundError` when
    there is none."""
    with _open_unlinked(path, os.O_RDONLY) as descriptor, os.fdopen(os.dup(descriptor), "rb") as handle:
        return handle.read()


@contextlib.contextmanager
def _open_unlinked(path: Path, flags: int) -> Iterator[int]:
    """A descriptor of ``path`` itself, never of what a link there points to."""
    try:
        descriptor = os.open(path, flags | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o666)
    except FileNotFoundError:
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _not_a_file(path) from None
        raise OutputError(f"cannot open {path}: {error.strerror or error}") from error
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def _not_a_file(path: Path) -> OutputError:
    return OutputError(
        f"refusing to write {path}: it is a link or not a plain file, and a results folder's files are"
        " its own (a link there would make the run overwrite what it points to); remove it and run again"
    )


def _exists(path: Path) -> bool:
    return os.path.lexists(path)


def _plain_name(name: str) -> bool:
    """A listed name the run may delete: relative, inside the folder, no ``..``."""
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "\\" not in name


def _files_under(folder: Path) -> list[str]:
    """The files (and links) under ``folder``, relative, with ``/``; links are not walked into."""
    found = []
    for top, folders, files in os.walk(folder):
        for name in (*files, *(f for f in folders if os.path.islink(os.path.join(top, f)))):
            relative = os.path.relpath(os.path.join(top, name), folder).replace(os.sep, "/")
            if not PurePosixPath(relative).name.startswith("."):
                found.append(relative)
    return sorted(found)
