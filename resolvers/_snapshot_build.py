"""Building the local arXiv snapshot index (`bibnorm.resolvers.snapshot` reads it):
`build_index` streams Kaggle-format JSON lines (``arxiv-metadata-oai-snapshot.json``,
optionally gzip-compressed) into a new SQLite file, in chunks parsed and compressed by
worker processes (``--jobs``) and written in order by the calling one, and moves the file
over the destination only when complete.

Layout (``SCHEMA_VERSION`` 4), sized for the full snapshot (2.8 million records), in 64 KiB pages:

- ``meta(key, value)``: ``schema_version`` (written last), ``records``, ``built_at``,
  ``sources``, ``record_bytes`` (what the stored lines take), ``dictionary`` (the zstd dictionary);
- ``records(id, arxiv_id, key, title, record)``: ``key`` is a 32-bit hash of the
  title key (`key_hash`), indexed: exact-title lookups are one index seek; ``title`` is
  plain text for scoring; ``record`` is the snapshot line less what no reader needs
  (`_snapshot_records._stored`), zstd-compressed with a dictionary trained on the first lines
  of the build, and read (authors, versions, abstract) only when a lookup returns the record:
  the build does only what lookups search by;
- ``dois(doi_key, record)``: every DOI a record names, case-folded; the table is its own
  index (``WITHOUT ROWID``);
- ``titles``: contentless FTS5 over each title's comparison words, without positions or
  sizes (``detail=none, columnsize=0``: only rowids, which is all the candidate queries need);
- ``words(word, titles)``: how many titles hold each word, copied from the FTS5
  vocabulary at the end of the build (a B-tree seek, where fts5vocab scans).
"""

from __future__ import annotations

import contextlib
import gzip
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import orjson
from bibnorm.errors import InputError
from bibnorm.processes import available_cpus
from bibnorm.resolve.progress import BYTES, NO_PROGRESS, Progress
from bibnorm.resolvers._index import (
    BULK_LOAD_PRAGMAS,
    SAFE_PRAGMAS,
    build_file,
    key_hash,
    make_compressor,
    run_in_workers,
    train_dictionary,
)
from bibnorm.resolvers._snapshot_records import BadRecordError, Row, doi_lookup_key, fts_words, row_from_line

SCHEMA_VERSION = 4
CHUNK_LINES = 5_000  # lines per worker task and per transaction: large enough to amortise both
PARALLEL_MIN_BYTES = 32 * 2**20  # smaller inputs are built in one process by default
SKIP_EXAMPLES = 5  # bad lines reported individually; the rest are only counted
# Records the compression dictionary is trained on (`bibnorm.resolvers._index.train_dictionary`).
DICTIONARY_SAMPLES = 10_000

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE records(
    id INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL,
    key INTEGER NOT NULL,
    title TEXT NOT NULL,
    record BLOB NOT NULL
);
CREATE TABLE dois_load(doi_key TEXT NOT NULL, record INTEGER NOT NULL);
CREATE TABLE dois(doi_key TEXT NOT NULL, record INTEGER NOT NULL, PRIMARY KEY(doi_key, record)) WITHOUT ROWID;
CREATE VIRTUAL TABLE titles USING fts5(
    words, content='', detail=none, columnsize=0, tokenize='ascii'
);
CREATE VIRTUAL TABLE titles_vocab USING fts5vocab(titles, 'row');
CREATE TABLE words(word TEXT PRIMARY KEY, titles INTEGER NOT NULL) WITHOUT ROWID;
"""
_INSERT = "INSERT INTO records(id, arxiv_id, key, title, record) VALUES (?, ?, ?, ?, ?)"


@dataclass(frozen=True)
class SkippedLine:
    """A snapshot line that was not indexed, and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class BuildStats:
    """What `build_index` did: records indexed, lines skipped (first few kept), time taken."""

    records: int = 0
    skipped: int = 0
    replaced: int = 0  # ids seen again in a later line; the later line wins
    seconds: float = 0.0
    examples: list[SkippedLine] = field(default_factory=list)


def build_index(
    sources: Sequence[Path],
    output: Path,
    *,
    progress: Progress = NO_PROGRESS,
    jobs: int | None = None,
) -> BuildStats:
    """Build an index at ``output`` from snapshot JSON-lines files, atomically.

    Files are read line by line (``.gz`` files decompressed on the fly), never whole.
    Lines that are not JSON objects or lack ``id``/``title`` are skipped and counted;
    when an id appears twice the later line replaces the earlier one. The index is
    written to a temporary file next to ``output`` and moved over it at the end, so
    an interrupted build leaves any previous index intact; as with every bibnorm
    writer (`bibnorm.io`), a link is written through, temporary files a killed
    build left are removed, and a new index gets the mode the umask allows. An
    existing file that is not a bibnorm index (`is_index`) is never replaced: a
    `SafetyError` says so before any work.

    ``jobs`` worker processes parse and compress the lines (batches of `CHUNK_LINES`)
    while this one writes them; the index is the same whatever their number. The default, one
    per available core, pays from two cores on, and only for inputs of `PARALLEL_MIN_BYTES` or
    more (starting workers costs more than a small file); 1 does it all in this process.

    ``progress`` hears two phases: ``index: read`` (the bytes of the lines written so far, of
    the files' total unless one is compressed) and ``index: finish`` (the indexes).
    """
    for source in sources:
        if not source.is_file():
            raise InputError(f"{source}: no such file" if not source.exists() else f"{source}: not a file")
    if jobs is None:
        small = sum(source.stat().st_size for source in sources) < PARALLEL_MIN_BYTES
        jobs = 1 if small else available_cpus()
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    started = time.monotonic()
    stats = BuildStats()
    build_file(
        output,
        lambda connection: _load(connection, sources, stats, progress, jobs),
        what="snapshot index",
    )
    stats.seconds = time.monotonic() - started
    return stats


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Up to `CHUNK_LINES` consecutive lines of one source, the first numbered ``first``."""

    source: int  # position in the build's sources
    first: int
    lines: list[bytes]
    read_to: int = 0  # bytes of the build's lines read up to this chunk's end


# One prepared record: arxiv_id, key hash, title, compressed line, full-text words, DOI lookup keys.
_Prepared = tuple[str, int, str, bytes, str, tuple[str, ...]]
# A chunk ready to write: its prepared records, its skipped lines (line number, reason) and its
# non-blank lines.
_Encoded = tuple[list[_Prepared], list[tuple[int, str]], int]


@dataclass(slots=True)
class _Parsed:
    """A chunk's usable rows, its skipped lines (line number, reason) and its non-blank lines."""

    rows: list[Row]
    skipped: list[tuple[int, str]]
    read: int


def _parse(chunk: _Chunk) -> _Parsed:
    parsed = _Parsed([], [], 0)
    for number, line in enumerate(chunk.lines, start=chunk.first):
        if not line.strip():
            continue
        parsed.read += 1
        try:
            parsed.rows.append(row_from_line(line))
        except BadRecordError as error:
            parsed.skipped.append((number, str(error)))
    return parsed


class _Encoder:
    """Rows → the tuples the index stores; the same bytes in any process given the same dictionary."""

    def __init__(self, dictionary: bytes) -> None:
        self._compress = make_compressor(dictionary)

    def encode(self, row: Row) -> _Prepared:
        dois = tuple(doi_lookup_key(doi) for doi in row.dois)
        return (row.arxiv_id, key_hash(row.key), row.title, self._compress(row.record), row.words, dois)

    def chunk(self, chunk: _Chunk) -> _Encoded:
        return self.parsed(_parse(chunk))

    def parsed(self, parsed: _Parsed) -> _Encoded:
        return [self.encode(row) for row in parsed.rows], parsed.skipped, parsed.read


_worker_encoder: _Encoder | None = None  # set once in each worker process by _start_worker


def _start_worker(dictionary: bytes) -> None:
    global _worker_encoder
    _worker_encoder = _Encoder(dictionary)


def _encode_in_worker(chunk: _Chunk) -> _Encoded:
    assert _worker_encoder is not None
    return _worker_encoder.chunk(chunk)


def _chunks(sources: Sequence[Path]) -> Iterator[_Chunk]:
    read = 0  # bytes of lines read so far, over every source
    for position, source in enumerate(sources):
        with _open_lines(source) as lines:
            first = 1
            while chunk := list(islice(lines, CHUNK_LINES)):
                read += sum(map(len, chunk))
                yield _Chunk(position, first, chunk, read)
                first += len(chunk)


def _input_bytes(sources: Sequence[Path]) -> int | None:
    """The bytes the build reads, None when a source is compressed (its size on disk is not)."""
    if any(source.suffix == ".gz" for source in sources):
        return None
    return sum(source.stat().st_size for source in sources)


def _load(
    connection: sqlite3.Connection,
    sources: Sequence[Path],
    stats: BuildStats,
    progress: Progress,
    jobs: int,
) -> None:
    connection.executescript(BULK_LOAD_PRAGMAS)
    connection.executescript(_SCHEMA)
    chunks = _chunks(sources)
    # The dictionary is trained on the first records, so the build streams in one pass.
    first: list[tuple[_Chunk, _Parsed]] = []
    while sum(len(parsed.rows) for _, parsed in first) < DICTIONARY_SAMPLES:
        chunk = next(chunks, None)
        if chunk is None:
            break
        first.append((chunk, _parse(chunk)))
    rows = [row for _, parsed in first for row in parsed.rows][:DICTIONARY_SAMPLES]
    dictionary = train_dictionary([row.record for row in rows])
    encoder = _Encoder(dictionary)
    progress.start("index: read", _input_bytes(sources), BYTES)
    writer = _Writer(connection, sources, stats, progress)
    for chunk, parsed in first:
        writer.write(chunk, encoder.parsed(parsed))
    in_workers = jobs > 1 and run_in_workers(
        chunks, _encode_in_worker, writer.write, jobs=jobs, initializer=_start_worker, initargs=(dictionary,)
    )
    if not in_workers:  # one process asked for, or no worker process could start
        for chunk in chunks:
            writer.write(chunk, encoder.chunk(chunk))
    progress.finish()
    progress.start("index: finish", None, "steps")
    _finish(connection, sources, stats, writer.record_bytes, dictionary)
    progress.finish()


class _Writer:
    """Inserts prepared chunks in order, numbering records from 1, one transaction per chunk."""

    def __init__(
        self, connection: sqlite3.Connection, sources: Sequence[Path], stats: BuildStats, progress: Progress
    ) -> None:
        self.connection, self.sources, self.stats, self.progress = connection, sources, stats, progress
        self.read = 0  # bytes reported to progress
        self.record = 0
        self.record_bytes = 0

    def write(self, chunk: _Chunk, prepared: _Encoded) -> None:
        encoded, skipped, _lines = prepared
        records: list[tuple[object, ...]] = []
        titles: list[tuple[int, str]] = []
        dois: list[tuple[str, int]] = []
        record = self.record
        for arxiv_id, key, title, line, words, doi_keys in encoded:
            record += 1
            self.record_bytes += len(line)
            records.append((record, arxiv_id, key, title, line))
            titles.append((record, words))
            dois.extend((doi, record) for doi in doi_keys)
        self.record = record
        connection = self.connection
        connection.execute("BEGIN")
        connection.executemany(_INSERT, records)
        connection.executemany("INSERT INTO titles(rowid, words) VALUES (?, ?)", titles)
        connection.executemany("INSERT INTO dois_load(doi_key, record) VALUES (?, ?)", dois)
        connection.execute("COMMIT")
        self.stats.skipped += len(skipped)
        for number, reason in skipped[: SKIP_EXAMPLES - len(self.stats.examples)]:
            self.stats.examples.append(SkippedLine(str(self.sources[chunk.source]), number, reason))
        self.progress.advance(chunk.read_to - self.read)
        self.read = chunk.read_to


def _finish(
    connection: sqlite3.Connection,
    sources: Sequence[Path],
    stats: BuildStats,
    record_bytes: int,
    dictionary: bytes,
) -> None:
    """After the bulk load: later lines win, indexes, word counts, meta, safe pragmas."""
    connection.execute("BEGIN")
    connection.execute("CREATE INDEX records_arxiv_id ON records(arxiv_id)")
    stats.replaced = _keep_last_of_each_id(connection)
    # Sorted once into its final B-tree: inserting DOIs in arrival order would split pages.
    connection.execute(
        "INSERT INTO dois(doi_key, record) SELECT doi_key, record FROM dois_load ORDER BY 1, 2"
    )
    connection.execute("DROP TABLE dois_load")
    connection.execute("COMMIT")
    connection.execute("INSERT INTO titles(titles) VALUES ('optimize')")
    connection.execute("BEGIN")
    # Created after the optimize and the DOI copy, so they reuse the pages those freed.
    connection.execute("CREATE INDEX records_key ON records(key)")
    connection.execute("INSERT INTO words(word, titles) SELECT term, doc FROM titles_vocab")
    stats.records = connection.execute("SELECT count(*) FROM records").fetchone()[0]
    if not stats.records and stats.examples:
        # Every line was refused: not a snapshot at all (a dump of another kind, a wrong file).
        # An empty index written with exit 0 would hide that, and replace a good one.
        raise InputError(
            f"no record could be read ({stats.skipped} lines skipped, the first {stats.examples[0]}); "
            "a snapshot is arXiv metadata as JSON lines, a dblp dump is dblp.xml(.gz) with dblp.dtd"
        )
    meta = {
        # Written last: a file a killed build left behind is not taken for an index.
        "schema_version": str(SCHEMA_VERSION),
        "records": str(stats.records),
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sources": orjson.dumps([source.name for source in sources]).decode(),
        "record_bytes": str(record_bytes),
    }
    connection.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", meta.items())
    connection.execute("INSERT INTO meta(key, value) VALUES ('dictionary', ?)", (dictionary,))
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.executescript(SAFE_PRAGMAS)


def _keep_last_of_each_id(connection: sqlite3.Connection) -> int:
    """Remove all but the last record of every arXiv id seen more than once; how many went."""
    earlier = connection.execute(
        "SELECT r.id, r.title FROM records AS r JOIN"
        " (SELECT arxiv_id, max(id) AS last FROM records GROUP BY arxiv_id HAVING count(*) > 1) AS d"
        " ON r.arxiv_id = d.arxiv_id AND r.id < d.last"
    ).fetchall()
    if not earlier:
        return 0
    # A contentless FTS5 table forgets a row only when given the exact text it indexed.
    connection.executemany(
        "INSERT INTO titles(titles, rowid, words) VALUES ('delete', ?, ?)",
        [(record, fts_words(title)) for record, title in earlier],
    )
    connection.execute("CREATE TEMP TABLE earlier(id INTEGER PRIMARY KEY)")
    connection.executemany("INSERT INTO earlier(id) VALUES (?)", [(record,) for record, _ in earlier])
    connection.execute("DELETE FROM dois_load WHERE record IN earlier")
    connection.execute("DELETE FROM records WHERE id IN earlier")
    connection.execute("DROP TABLE earlier")
    return len(earlier)


@contextlib.contextmanager
def _open_lines(path: Path) -> Iterator[Iterator[bytes]]:
    # Binary lines: orjson decodes UTF-8 itself, and a bad byte spoils one line, not the file.
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            yield _numbered(handle, path)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error


def _numbered(handle: Iterable[bytes], path: Path) -> Iterator[bytes]:
    """The lines of ``handle``; a compressed file that is cut off or damaged is an `InputError`
    naming the line where it broke (gzip raises `EOFError` or `zlib.error` there, which would
    otherwise end the build in a bare "Aborted!")."""
    number = 0
    try:
        for line in handle:
            number += 1
            yield line
    except EOFError:
        raise InputError(
            f"{path}: the compressed file is truncated: it ends inside line {number + 1} "
            f"(after {number:,} complete lines); download it again. No index was written"
        ) from None
    except (zlib.error, OSError) as error:
        if isinstance(error, OSError) and error.errno is not None:  # the disk, not the data
            raise InputError(f"{path}: cannot read line {number + 1}: {error.strerror or error}") from None
        # gzip.BadGzipFile and a failed CRC check are OSErrors without an errno.
        raise InputError(
            f"{path}: the compressed file is damaged at line {number + 1} ({error}); "
            "download it again. No index was written"
        ) from None
