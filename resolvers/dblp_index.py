"""The local dblp index: an SQLite file built from dblp's XML dump, asked before dblp's search.

`build_dblp_index` streams ``dblp.xml.gz`` (or ``dblp.xml``; format in `_dblp_dump`) into a
new SQLite file: the dump is cut into chunks of whole records by this process, worker
processes (``--jobs``) parse them behind a prologue declaring the DTD's entities and compress
the rows, and this process writes them in order; the file is moved over the destination only
when complete (`bibnorm.resolvers._index`, the machinery the arXiv snapshot index uses too). The DTD
is read from beside the dump (the file its DOCTYPE names) or from ``dtd``; without it the
build is refused, since the dump's named entities mean nothing without it.

`DblpIndex` answers "which records carry this title?": the records whose title has the same
comparison key, each with its proceedings joined; `bibnorm.resolvers.dblp` applies the acceptance
rule it applies to search hits.

Layout (``SCHEMA_VERSION`` 1), sized for the whole dump (about 7 million records) in 64 KiB pages:

- ``meta(key, value)``: ``kind`` (``dblp``), ``schema_version`` (written last), ``records``,
  ``proceedings``, ``built_at``, ``dump`` (the file's name), ``dump_date`` (the root's
  ``mdate``, else the newest record's), ``elements`` (records of each element, JSON),
  ``dictionary`` (the zstd dictionary);
- ``records(id, key, body)``: ``key`` is the 32-bit hash of the title key (`key_hash`),
  indexed; ``body`` the record's `_dblp_records.RECORD_FIELDS` as JSON, zstd-compressed
  with a dictionary trained on the first records of the build;
- ``proceedings(key, body)``: proceedings volumes by dblp key (``WITHOUT ROWID``), their
  `_dblp_records.PROCEEDINGS_FIELDS` compressed the same way.
"""

from __future__ import annotations

import gzip
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import orjson
import zstandard
from bibnorm.errors import InputError, SnapshotError
from bibnorm.processes import available_cpus
from bibnorm.resolve.progress import BYTES, NO_PROGRESS, Progress
from bibnorm.resolvers._dblp_dump import (
    HEAD_BYTES,
    PROCEEDINGS,
    BadDumpError,
    Chunk,
    Header,
    ParsedChunk,
    dtd_entities,
    parse_chunk,
    prologue,
    read_header,
    split_records,
)
from bibnorm.resolvers._dblp_records import DblpRecord, Proceedings, proceedings_from_body, record_from_body
from bibnorm.resolvers._index import (
    BULK_LOAD_PRAGMAS,
    SAFE_PRAGMAS,
    build_file,
    key_hash,
    make_compressor,
    make_decompressor,
    open_read_only,
    run_in_workers,
    train_dictionary,
)
from bibnorm.text.titles import title_key

SCHEMA_VERSION = 1
KIND = "dblp"
WHAT = "dblp index"
CHUNK_BYTES = 2 << 20  # about 5,000 records of the dump a chunk: one worker task, one transaction
READ_BYTES = 1 << 20
PARALLEL_MIN_BYTES = 16 << 20  # smaller dumps (compressed or not) are built in one process by default
DICTIONARY_SAMPLES = 10_000
# zstd level 3: records of ~300 bytes compress to ~86 bytes at 5 µs each; level 4 saves one
# byte at half again the time.
COMPRESSION_LEVEL = 3
SKIP_EXAMPLES = 5
# Records one title key may have: a paper, its CoRR listing and a journal version, but also the
# many editorials, prefaces and "Deep Learning"s of dblp, all of which are read (authors and year
# then choose); past this a title names too many records to be told apart.
KEY_HITS = 20_000

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE records(id INTEGER PRIMARY KEY, key INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE proceedings(key TEXT PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID;
"""


@dataclass
class DblpBuildStats:
    """What `build_dblp_index` did: records and proceedings indexed, records skipped, time taken."""

    records: int = 0
    proceedings: int = 0
    skipped: int = 0
    seconds: float = 0.0
    dump_date: str | None = None
    examples: list[str] = field(default_factory=list)
    elements: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DblpIndexInfo:
    """What a dblp index says about itself."""

    path: Path
    schema_version: int
    records: int
    proceedings: int
    built_at: str | None
    dump: str | None
    dump_date: str | None
    elements: dict[str, int]


def is_dblp_dump(path: Path) -> bool:
    """Whether a file (gzip-compressed or not) starts like dblp's XML dump."""
    try:
        with _open(path) as handle:
            head = handle.read(4096)
    except (OSError, EOFError):
        return False
    return head.lstrip().startswith(b"<") and (b"<dblp" in head or b"DOCTYPE dblp" in head)


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as raw:
        return raw.read(2) == b"\x1f\x8b"


def _open(path: Path) -> Any:
    return gzip.open(path, "rb") if _is_gzip(path) else path.open("rb")


def _blocks(path: Path) -> Iterator[bytes]:
    """The decompressed dump in pieces; a damaged or truncated file is an `InputError`."""
    try:
        with _open(path) as handle:
            while block := handle.read(READ_BYTES):
                yield block
    except EOFError:
        raise InputError(
            f"{path}: the file ends early (an interrupted download?); download it again"
        ) from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def _header(path: Path) -> Header:
    head = b""
    for block in _blocks(path):
        head += block
        if len(head) >= HEAD_BYTES or b"<dblp" in head.split(b"?>", 1)[-1]:
            break
    try:
        return read_header(head[:HEAD_BYTES], str(path))
    except BadDumpError as error:
        raise InputError(str(error)) from None


def find_dtd(dump: Path, header: Header, dtd: Path | None) -> Path | None:
    """The DTD to read entities from: ``dtd`` if given, else the file the DOCTYPE names, beside
    the dump; `InputError` (one line saying what to do) when it is not there."""
    if dtd is not None:
        if not dtd.is_file():
            raise InputError(f"{dtd}: no such DTD file")
        return dtd
    if header.dtd is None:
        return None  # no DOCTYPE: only XML's own entities can occur
    name = PurePosixPath(header.dtd).name or "dblp.dtd"  # a URL or path in the DOCTYPE: its file name
    beside = dump.parent / name
    if not beside.is_file():
        raise InputError(
            f"{dump}: its DTD {name} is not beside it (dblp publishes {name} with the dump and its "
            f"entities, such as &uuml;, are defined only there): download it to {dump.parent}, "
            "or name it with --dtd"
        )
    return beside


def build_dblp_index(
    dump: Path,
    output: Path,
    *,
    dtd: Path | None = None,
    progress: Progress = NO_PROGRESS,
    jobs: int | None = None,
) -> DblpBuildStats:
    """Build a dblp index at ``output`` from one dump, atomically (the previous index stays on failure).

    The dump is read in pieces, never whole; records without key or title are skipped and
    counted. ``jobs`` worker processes parse and compress chunks of records while this one
    writes them; the index is the same whatever their number (default: one per available
    core for dumps of `PARALLEL_MIN_BYTES` or more; 1 does it all in this process).
    ``progress`` hears two phases: ``index: read`` (the bytes of the dump read so far, of its size
    unless it is compressed) and ``index: finish`` (the indexes).
    """
    if not dump.is_file():
        raise InputError(f"{dump}: no such file" if not dump.exists() else f"{dump}: not a file")
    header = _header(dump)
    dtd_path = find_dtd(dump, header, dtd)
    try:
        entities = dtd_entities(dtd_path) if dtd_path is not None else {}
    except BadDumpError as error:
        raise InputError(str(error)) from None
    start = prologue(header.encoding, entities, header.internal_subset)
    if jobs is None:
        jobs = 1 if dump.stat().st_size < PARALLEL_MIN_BYTES else available_cpus()
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    started = time.monotonic()
    stats = DblpBuildStats()
    loader = _Loader(dump, header, start, stats, progress, jobs)
    try:
        build_file(output, loader.load, what=WHAT)
    except BadDumpError as error:
        message = str(error)
        raise InputError(message if message.startswith(str(dump)) else f"{dump}: {message}") from None
    stats.seconds = time.monotonic() - started
    return stats


# A prepared chunk: (title-key hash, compressed body) of its records, (key, compressed body) of
# its proceedings, skipped records, newest mdate, records of each element.
_Encoded = tuple[list[tuple[int, bytes]], list[tuple[str, bytes]], list[tuple[str, str]], str, dict[str, int]]


class _Encoder:
    def __init__(self, dictionary: bytes) -> None:
        self._compress = make_compressor(dictionary, COMPRESSION_LEVEL)

    def encoded(self, parsed: ParsedChunk) -> _Encoded:
        compress = self._compress
        records = [
            (key_hash(row.title_key), compress(row.body)) for row in parsed.rows if row.kind != PROCEEDINGS
        ]
        volumes = [(row.key, compress(row.body)) for row in parsed.rows if row.kind == PROCEEDINGS]
        return records, volumes, parsed.skipped, parsed.newest, parsed.elements


# Set once in each worker process by _start_worker.
_worker: tuple[_Encoder, bytes, str] | None = None


def _start_worker(dictionary: bytes, start: bytes, name: str) -> None:
    global _worker
    _worker = (_Encoder(dictionary), start, name)


def _encode_in_worker(chunk: Chunk) -> _Encoded:
    assert _worker is not None
    encoder, start, name = _worker
    return encoder.encoded(parse_chunk(chunk, start, name))


class _Loader:
    """The load of one build: schema, the first chunks parsed here (they train the dictionary),
    the rest in workers, then indexes and meta."""

    def __init__(
        self, dump: Path, header: Header, start: bytes, stats: DblpBuildStats, progress: Progress, jobs: int
    ) -> None:
        self.dump, self.header, self.start = dump, header, start
        self.stats, self.progress, self.jobs = stats, progress, jobs
        self.connection: sqlite3.Connection | None = None
        self.record = 0
        self.newest = ""

    def load(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        connection.executescript(BULK_LOAD_PRAGMAS)
        connection.executescript(_SCHEMA)
        name = str(self.dump)
        chunks = split_records(_blocks(self.dump), self.header.body_start, CHUNK_BYTES)
        first: list[tuple[Chunk, ParsedChunk]] = []
        while sum(len(parsed.rows) for _, parsed in first) < DICTIONARY_SAMPLES:
            chunk = next(chunks, None)
            if chunk is None:
                break
            first.append((chunk, parse_chunk(chunk, self.start, name)))
        samples: list[bytes | bytearray | memoryview] = []
        samples.extend(row.body for _, parsed in first for row in parsed.rows)
        del samples[DICTIONARY_SAMPLES:]
        dictionary = train_dictionary(samples)
        encoder = _Encoder(dictionary)
        # Bytes of the dump read: of its size, unless it is compressed (its size on disk is not).
        self.progress.start("index: read", None if _is_gzip(self.dump) else self.dump.stat().st_size, BYTES)
        for chunk, parsed in first:
            self.write(chunk, encoder.encoded(parsed))
        in_workers = self.jobs > 1 and run_in_workers(
            chunks,
            _encode_in_worker,
            self.write,
            jobs=self.jobs,
            initializer=_start_worker,
            initargs=(dictionary, self.start, name),
        )
        if not in_workers:  # one process asked for, or no worker process could start
            for chunk in chunks:
                self.write(chunk, encoder.encoded(parse_chunk(chunk, self.start, name)))
        self.progress.finish()
        self.progress.start("index: finish", None, "steps")
        self.finish(dictionary)
        self.progress.finish()

    def write(self, chunk: Chunk, encoded: _Encoded) -> None:
        records, volumes, skipped, newest, elements = encoded
        connection = self.connection
        assert connection is not None
        first = self.record + 1
        self.record += len(records)
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO records(id, key, body) VALUES (?, ?, ?)",
            [(number, key, body) for number, (key, body) in enumerate(records, start=first)],
        )
        # A key seen twice (dblp's keys are unique; a concatenated dump may repeat one): the later wins.
        connection.executemany("INSERT OR REPLACE INTO proceedings(key, body) VALUES (?, ?)", volumes)
        connection.execute("COMMIT")
        stats = self.stats
        stats.skipped += len(skipped)
        for where, reason in skipped[: SKIP_EXAMPLES - len(stats.examples)]:
            stats.examples.append(f"{self.dump}: {where}: {reason}")
        for element, count in elements.items():
            stats.elements[element] = stats.elements.get(element, 0) + count
        self.newest = max(self.newest, newest)
        self.progress.advance(len(chunk.data))

    def finish(self, dictionary: bytes) -> None:
        connection = self.connection
        assert connection is not None
        stats = self.stats
        connection.execute("BEGIN")
        connection.execute("CREATE INDEX records_key ON records(key)")
        stats.records = connection.execute("SELECT count(*) FROM records").fetchone()[0]
        stats.proceedings = connection.execute("SELECT count(*) FROM proceedings").fetchone()[0]
        if not stats.records:
            # An empty or cut-down dump would replace a working index with one that knows nothing.
            raise InputError(
                f"{self.dump}: no publication record in the dump ({stats.skipped} skipped); "
                "the previous index, if any, is kept"
            )
        stats.dump_date = self.header.mdate or self.newest or None
        meta = {
            "kind": KIND,
            "records": str(stats.records),
            "proceedings": str(stats.proceedings),
            "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "dump": self.dump.name,
            "dump_date": stats.dump_date or "",
            "elements": orjson.dumps(dict(sorted(stats.elements.items()))).decode(),
        }
        connection.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
        connection.execute("INSERT INTO meta(key, value) VALUES ('dictionary', ?)", (dictionary,))
        # Written last: a file a killed build left behind is not taken for an index.
        connection.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
        connection.executescript(SAFE_PRAGMAS)


def open_dblp_index(path: Path) -> sqlite3.Connection:
    """Open a dblp index read-only after checking it is one; `SnapshotError` otherwise."""
    return open_read_only(path, what=WHAT, kind=KIND, schema_version=SCHEMA_VERSION)


def _meta(connection: sqlite3.Connection, path: Path) -> dict[str, Any]:
    try:
        return dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as error:
        raise SnapshotError(f"{path}: {WHAT} is damaged ({error}); rebuild it") from None


def dblp_index_info(path: Path) -> DblpIndexInfo:
    """Read a dblp index's self-description (counts, build time, dump and its date)."""
    connection = open_dblp_index(path)
    try:
        meta = _meta(connection, path)
    finally:
        connection.close()
    return DblpIndexInfo(
        path=path,
        schema_version=int(meta["schema_version"]),
        records=int(meta.get("records", 0)),
        proceedings=int(meta.get("proceedings", 0)),
        built_at=meta.get("built_at"),
        dump=meta.get("dump"),
        dump_date=meta.get("dump_date") or None,
        elements=orjson.loads(meta.get("elements", "{}")),
    )


class DblpIndex:
    """A dblp index opened read-only: the records carrying a title, with their proceedings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = open_dblp_index(path)
        meta = _meta(self._connection, path)
        dictionary = meta.get("dictionary")
        self._decompressor = make_decompressor(dictionary if dictionary else None)
        self.dump_date: str | None = meta.get("dump_date") or None
        self._proceedings: dict[str, Proceedings | None] = {}

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> DblpIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def records_titled(self, title: str) -> list[DblpRecord]:
        """Every record whose title has the same comparison key as ``title`` (at most `KEY_HITS`:
        the records of one key are few but for the commonest titles)."""
        key = title_key(title)
        if not key:
            return []
        try:
            rows = self._connection.execute(
                "SELECT body FROM records WHERE key = ? LIMIT ?", (key_hash(key), KEY_HITS)
            ).fetchall()
            records = []
            for (body,) in rows:
                values = orjson.loads(self._decompressor.decompress(body))
                if title_key(values[2]) != key:
                    continue  # another title whose key hashes alike
                crossref = (values[10] or "").strip()
                records.append(record_from_body(values, self._volume(crossref) if crossref else None))
        except (sqlite3.DatabaseError, zstandard.ZstdError, orjson.JSONDecodeError, ValueError) as error:
            raise SnapshotError(f"{self.path}: {WHAT} is damaged ({error}); rebuild it") from None
        return records

    def _volume(self, key: str) -> Proceedings | None:
        if key not in self._proceedings:
            row = self._connection.execute("SELECT body FROM proceedings WHERE key = ?", (key,)).fetchone()
            self._proceedings[key] = (
                proceedings_from_body(orjson.loads(self._decompressor.decompress(row[0]))) if row else None
            )
        return self._proceedings[key]
