"""What the local indexes share: an SQLite file built from a dump, atomically, in worker processes.

`snapshot` (the arXiv metadata snapshot) and `dblp_index` (the dblp XML dump) are built the
same way, and this module is that way:

- `build_file` writes the index to a temporary file next to its destination and moves it
  over the destination only when complete, so an interrupted, failed or killed build leaves
  the previous index as it was; the builders write ``schema_version`` into ``meta`` last, so a
  file a killed build left behind never reads as an index (`open_read_only` refuses it). As
  with every bibnorm writer (`bibnorm.io`), a link is written through, temporary files a
  killed build left are removed, a new index gets the mode the umask allows, and an existing
  file that is not a bibnorm index (`is_index`) is never replaced;
- `run_in_workers` hands the dump's chunks to forked worker processes
  (`bibnorm.processes.fork_pool`) and writes their results in order, with a bounded
  window of chunks in flight (memory stays flat however long the dump);
- records are zstd-compressed (`make_compressor`) against a dictionary trained on the first
  records of the build (`train_dictionary`), in frames without magic number or dictionary id;
- `key_hash` is the 32-bit integer a title key is stored and looked up under.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import zstandard
from bibnorm.errors import OutputError, SafetyError, SnapshotError
from bibnorm.io import adopt_mode, resolve_output, temporary_beside
from bibnorm.processes import die_with_parent, fork_pool

if TYPE_CHECKING:
    from concurrent.futures import Future

# zstd level 4 costs what 3 does here (about 20 µs a record) and saves 13 bytes; 5 saves 5 more at
# twice the time. Frames carry neither magic number nor dictionary id (4 + 4 bytes each): every
# frame of an index is one of its own, read with its one dictionary.
COMPRESSION_LEVEL = 4
FRAME_FORMAT = zstandard.FORMAT_ZSTD1_MAGICLESS
# The dictionary is trained on the first records of a build (under a second with fixed cover
# parameters; searching for them took 5 s and found the same): the larger it is, the more of
# the records' vocabulary it holds, so that short texts compress as well as long ones (512 KiB
# trained on 10,000 arXiv records: abstracts to 0.35 of their size and bodies to 95 bytes,
# where 64 KiB on 2,000 gave 0.39 and 145 bytes).
DICTIONARY_BYTES = 512 * 1024
DICTIONARY_COVER = {"k": 2048, "d": 8}
# Large pages: a records page holds ~100 rows, so half a row wasted per page costs little
# (4 KiB pages wasted 85 bytes a record); lookups read few pages, from the OS cache.
PAGE_SIZE = 65536
# The file is private until it is moved into place, so durability during the load buys nothing.
BULK_LOAD_PRAGMAS = (
    f"PRAGMA page_size={PAGE_SIZE}; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
    "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;"
)
# Back to SQLite's safe defaults before anyone uses the file.
SAFE_PRAGMAS = "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA locking_mode=NORMAL;"

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")


def key_hash(key: str) -> int:
    """The 32-bit integer a title key is stored and looked up under (4 bytes, not the key's 60).

    Hashes of different keys can collide (a few hundred pairs among 2.8 million titles); lookups
    compare the keys themselves, so a collision costs one more row read, never a wrong match.
    """
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big", signed=True)


def train_dictionary(samples: list[bytes | bytearray | memoryview]) -> bytes:
    """A compression dictionary for texts like ``samples``; empty when they are too few to train on."""
    if len(samples) < 100:
        return b""  # zstd cannot train on a handful; small indexes do without
    try:
        return zstandard.train_dictionary(DICTIONARY_BYTES, samples, **DICTIONARY_COVER).as_bytes()
    except zstandard.ZstdError:
        return b""


def make_compressor(dictionary: bytes, level: int = COMPRESSION_LEVEL) -> Callable[[bytes], bytes]:
    """The compress function of one build: the same bytes in any process given the same dictionary."""
    # No dictionary id in each frame: every record of an index shares the one dictionary.
    data = zstandard.ZstdCompressionDict(dictionary) if dictionary else None
    parameters = zstandard.ZstdCompressionParameters.from_level(
        level, format=FRAME_FORMAT, write_dict_id=False, write_content_size=True
    )
    compress: Callable[[bytes], bytes] = zstandard.ZstdCompressor(
        dict_data=data, compression_params=parameters
    ).compress
    return compress


def make_decompressor(dictionary: bytes | None) -> zstandard.ZstdDecompressor:
    """A decompressor for an index's frames (one per thread: they may not be shared)."""
    data = zstandard.ZstdCompressionDict(dictionary) if dictionary else None
    return zstandard.ZstdDecompressor(dict_data=data, format=FRAME_FORMAT)


def build_file(output: Path, load: Callable[[sqlite3.Connection], None], *, what: str) -> None:
    """Run ``load`` on a new SQLite file next to ``output``, then move it over ``output``.

    Whatever stops the load (an error, Ctrl-C, a worker dying) removes the temporary file and
    leaves ``output`` as it was; a SIGKILL leaves the temporary file, which `open_read_only`
    refuses because its builder writes ``schema_version`` last, and the next build removes.
    ``what`` names the index in the refusal to replace a file that is not one.
    """
    target = resolve_output(output)
    existing = _replaceable(target, output, what)
    try:
        handle, temp_name = temporary_beside(target)
        os.close(handle)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from error
    temp = Path(temp_name)
    try:
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            load(connection)
        finally:
            connection.close()
        with temp.open("rb") as written:
            os.fsync(written.fileno())  # the build ran with synchronous=OFF
        adopt_mode(temp, existing)
        os.replace(temp, target)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        raise OutputError(f"cannot build {output}: {error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _replaceable(target: Path, given: Path, what: str) -> os.stat_result | None:
    """What is at ``target`` now, when a build may replace it (None: nothing there yet).

    An index, or an empty file, may be replaced; anything else (a ``.bib``, another
    program's database, the build's input itself, a device) is a `SafetyError`.
    """
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise OutputError(f"cannot write {given}: {error.strerror or error}") from error
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {given}: is a directory")
    if stat.S_ISREG(info.st_mode) and (info.st_size == 0 or is_index(target)):
        return info
    kind = "not a regular file" if not stat.S_ISREG(info.st_mode) else f"not a bibnorm {what}"
    raise SafetyError(
        f"refusing to replace {given}: it is {kind}; delete it or write the index elsewhere"
        " (nothing was written)"
    )


def is_index(path: Path) -> bool:
    """True when ``path`` is a bibnorm index of any kind and schema version (an SQLite file
    with the ``records`` table and a ``meta`` table naming its ``schema_version``)."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"meta", "records"} <= tables:
            return False
        return connection.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def run_in_workers(
    chunks: Iterator[Chunk],
    work: Callable[[Chunk], Result],
    write: Callable[[Chunk, Result], None],
    *,
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
) -> bool:
    """``write(chunk, work(chunk))`` for every chunk, in order, ``work`` running in ``jobs`` processes.

    At most ``2 * jobs`` chunks are in flight, so memory stays flat however long the input.
    A worker that dies (out of memory, killed by hand) fails the build with `OutputError`; the
    workers die with this process, however it ends (`bibnorm.processes.die_with_parent`).
    False, with no chunk taken, when no worker process can start: the caller does the work.
    """
    from concurrent.futures.process import BrokenProcessPool  # builds only: not at start-up

    try:
        # A build's workers die with it: a SIGKILLed `index build -j N` leaves no worker holding
        # its caller's pipes (and reading a dump) for ever.
        with fork_pool(jobs, _started_with_parent, (os.getpid(), initializer, initargs)) as pool:
            if pool is None:
                return False
            pending: deque[tuple[Chunk, Future[Result]]] = deque()
            for chunk in chunks:
                if len(pending) >= 2 * jobs:
                    done, future = pending.popleft()
                    write(done, future.result())
                pending.append((chunk, pool.submit(work, chunk)))
            while pending:
                done, future = pending.popleft()
                write(done, future.result())
    except BrokenProcessPool as error:
        raise OutputError(f"a build worker process stopped unexpectedly ({error})") from None
    return True


def _started_with_parent(parent: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    die_with_parent(parent)
    initializer(*initargs)


def open_read_only(path: Path, *, what: str, kind: str, schema_version: int) -> sqlite3.Connection:
    """Open an index read-only after checking it is a complete ``kind`` index of ``schema_version``.

    ``what`` names the index in messages ("snapshot index", "dblp index"); every refusal is a
    `SnapshotError` saying what to do. An index written before kinds were recorded is a snapshot.
    """
    hint = "build one with 'bibnorm index build" + ("'" if kind == "snapshot" else " dblp.xml.gz'")
    if not path.exists():
        raise SnapshotError(f"{path}: no {what} there; {hint}")
    if not path.is_file():
        raise SnapshotError(f"{path}: is not a file, expected a {what}")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise SnapshotError(f"{path}: cannot open the {what}: {error}") from None
    try:
        meta = dict(
            connection.execute(
                "SELECT key, value FROM meta WHERE key IN ('schema_version', 'kind')"
            ).fetchall()
        )
    except sqlite3.DatabaseError as error:
        connection.close()
        raise SnapshotError(f"{path}: not a bibnorm {what} ({error}); rebuild it") from None
    found_kind = meta.get("kind", "snapshot")
    if "schema_version" in meta and found_kind != kind:
        connection.close()
        raise SnapshotError(f"{path}: is a {found_kind} index, not a {what}")
    version = meta.get("schema_version")
    if version != str(schema_version):
        connection.close()
        found = "no schema version" if version is None else f"schema version {version}"
        raise SnapshotError(
            f"{path}: {what} has {found}, this bibnorm reads version {schema_version}; "
            "rebuild it with 'bibnorm index build'"
        )
    connection.row_factory = sqlite3.Row
    return connection


@dataclass
class BuildCounts:
    """What a build from a dump did: records indexed, records skipped (the first few said), time."""

    records: int = 0
    skipped: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)

    def skip(self, example: str, kept: int = 5) -> None:
        self.skipped += 1
        if len(self.examples) < kept:
            self.examples.append(example)


def seal(connection: sqlite3.Connection, kind: str, records: int, schema_version: int) -> None:
    """The last step of a build: its ``meta`` (``schema_version`` last, so a killed build's file
    never reads as an index) and SQLite's safe defaults back."""
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("kind", kind), ("records", str(records)), ("schema_version", str(schema_version))],
    )
    connection.executescript(SAFE_PRAGMAS)


def index_kind(path: Path) -> str:
    """The kind an index file says it is ("snapshot" when it says nothing or cannot be read,
    so that opening it as one reports what is wrong with it)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return "snapshot"
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
    except sqlite3.Error:
        return "snapshot"
    finally:
        connection.close()
    return str(row[0]) if row else "snapshot"
