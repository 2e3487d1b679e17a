"""Where a run may write, decided before any work starts.

- `expand_user`: ``~`` and ``~user`` at the start of a path given on the command line or in
  the configuration are expanded as a shell would; an unknown user is refused, never made
  a folder named ``~user``;
- `named_output`: a path taken from a file's *content* (a draft's ``\\bibliography{}``),
  not from the command line, is written only with the expected suffix, inside the draft's
  folder tree after resolving symlinks, never through ``..`` or an absolute path (TeX's
  ``openout_any = p``), unless the user allows it; `pin_output` and `write_pinned` make
  the write land where the check looked, or nowhere;
- `refuse_clashes`: the table of a run's roles: no file it writes is one it reads, and no
  two of its outputs are one file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from bibnorm.errors import OutputError, SafetyError, UsageError
from bibnorm.io.writing import STDIO, replace_atomically, resolve_output, same_file, write_atomic


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
    replace_atomically(pinned.given, pinned.landing, text, info)


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
