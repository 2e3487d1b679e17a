"""The local arXiv snapshot index: an SQLite file built from arXiv metadata dumps.

`build_index` streams Kaggle-format JSON lines (``arxiv-metadata-oai-snapshot.json``,
optionally gzip-compressed) into a new SQLite file, one line at a time, and moves it
over the destination only when complete. `SnapshotResolver` answers queries from it:
by arXiv id, by DOI, and by title (exact title key, plus full-text candidates ranked
by BM25 for the pipeline's matcher to judge).

Layout (``SCHEMA_VERSION`` 1):

- ``meta(key, value)``: ``schema_version``, ``records``, ``built_at``, ``sources``;
- ``records``: one row per arXiv id (see `_snapshot_records.Row`), ``title_key`` indexed;
- ``dois(doi_key, record)``: every DOI a record names, case-folded, indexed;
- ``titles``: contentless FTS5 over each title's comparison words (rowid = record id);
- ``words(word, titles)``: how many titles hold each word, copied from the FTS5
  vocabulary at the end of the build (a B-tree seek, where fts5vocab scans).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from normalizer.errors import InputError, OutputError, SnapshotError
from normalizer.matching import title_key, title_similarity, title_words
from normalizer.models import Candidate, Lookup, Problem, Query, QueryKind, Reference, Severity
from normalizer.text import clean_reference
from resolvers._snapshot_records import (
    ROW_COLUMNS,
    SOURCE,
    BadRecordError,
    Row,
    doi_lookup_key,
    fts_words,
    reference_from_row,
    row_from_line,
    version_numbers,
)

SCHEMA_VERSION = 1
BATCH_SIZE = 5000  # rows per transaction while building: large enough to amortise commits
SKIP_EXAMPLES = 5  # bad lines reported individually; the rest are only counted

# Words too common in titles to tell papers apart; dropping them keeps full-text
# queries selective (the exact title-key lookup still sees every word).
# fmt: off
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
    "in", "into", "is", "it", "its", "of", "on", "or", "over", "the", "their", "to", "towards",
    "toward", "via", "vs", "we", "what", "when", "where", "which", "with", "without",
})
# fmt: on
FTS_HITS = 8  # full-text candidates per title: enough for the matcher, cheap to convert
FTS_RARE_WORDS = 4  # the rarest words of a title that select full-text hits
KEY_HITS = 20  # records sharing one exact title key (same-title papers do exist)
# Full-text hits whose title is less similar than this are not offered: `matching` never
# accepts one (its lowest bar, MatchThresholds.title_floor, is 0.80 by default; pass a
# lower value to SnapshotResolver if that is lowered), and turning records into
# References is most of a lookup's cost.
MIN_TITLE_SIMILARITY = 0.6
NEAR_MISSES = 3  # full-text hits offered even below MIN_TITLE_SIMILARITY, the most similar first

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records(
    id INTEGER PRIMARY KEY,
    arxiv_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    authors TEXT,
    abstract TEXT,
    versions TEXT,
    categories TEXT,
    doi TEXT,
    journal_ref TEXT,
    comments TEXT
);
CREATE TABLE dois(doi_key TEXT NOT NULL, record INTEGER NOT NULL);
CREATE VIRTUAL TABLE titles USING fts5(words, content='', tokenize='ascii');
CREATE VIRTUAL TABLE titles_vocab USING fts5vocab(titles, 'row');
CREATE TABLE words(word TEXT PRIMARY KEY, titles INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');
"""
# Built after the bulk load: cheaper than maintaining them row by row.
_INDEXES = """
CREATE INDEX records_title_key ON records(title_key);
CREATE INDEX dois_doi_key ON dois(doi_key);
INSERT INTO words(word, titles) SELECT term, doc FROM titles_vocab;
"""
_INSERT = (
    f"INSERT OR IGNORE INTO records({', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' * len(ROW_COLUMNS))})"
)
_SELECT = f"SELECT id, {', '.join(ROW_COLUMNS)} FROM records"


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


@dataclass(frozen=True)
class IndexInfo:
    """What an index file says about itself."""

    path: Path
    schema_version: int
    records: int
    built_at: str | None
    sources: tuple[str, ...]


ProgressCallback = Callable[[int], None]  # called with the number of lines read so far


def build_index(
    sources: Sequence[Path],
    output: Path,
    *,
    progress: ProgressCallback | None = None,
    progress_every: int = 100_000,
) -> BuildStats:
    """Build an index at ``output`` from snapshot JSON-lines files, atomically.

    Files are read line by line (``.gz`` files decompressed on the fly), never whole.
    Lines that are not JSON objects or lack ``id``/``title`` are skipped and counted;
    when an id appears twice the later line replaces the earlier one. The index is
    written to a temporary file next to ``output`` and moved over it at the end, so
    an interrupted build leaves any previous index intact.
    """
    for source in sources:
        if not source.is_file():
            raise InputError(f"{source}: no such file" if not source.exists() else f"{source}: not a file")
    started = time.monotonic()
    stats = BuildStats()
    folder = output.parent if str(output.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from error
    temp = Path(temp_name)
    try:
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            _load(connection, sources, stats, progress, progress_every)
        finally:
            connection.close()
        with temp.open("rb") as written:
            os.fsync(written.fileno())  # the build ran with synchronous=OFF
        os.replace(temp, output)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        raise OutputError(f"cannot build {output}: {error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    stats.seconds = time.monotonic() - started
    return stats


def _load(
    connection: sqlite3.Connection,
    sources: Sequence[Path],
    stats: BuildStats,
    progress: ProgressCallback | None,
    progress_every: int,
) -> None:
    # The file is private until os.replace, so durability during the load buys nothing.
    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;")
    connection.executescript(_SCHEMA)
    read = 0
    connection.execute("BEGIN")
    pending = 0
    for source in sources:
        with _open_lines(source) as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                read += 1
                if progress is not None and read % progress_every == 0:
                    progress(read)
                try:
                    row = row_from_line(line)
                except BadRecordError as error:
                    stats.skipped += 1
                    if len(stats.examples) < SKIP_EXAMPLES:
                        stats.examples.append(SkippedLine(str(source), number, str(error)))
                    continue
                _insert(connection, row, stats)
                pending += 1
                if pending >= BATCH_SIZE:
                    connection.execute("COMMIT")
                    connection.execute("BEGIN")
                    pending = 0
    connection.execute("COMMIT")
    connection.executescript(_INDEXES)
    stats.records = connection.execute("SELECT count(*) FROM records").fetchone()[0]
    meta = {
        "records": str(stats.records),
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sources": json.dumps([source.name for source in sources]),
    }
    connection.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", meta.items())
    connection.execute("INSERT INTO titles(titles) VALUES ('optimize')")
    connection.execute("ANALYZE")


@contextlib.contextmanager
def _open_lines(path: Path) -> Iterator[Iterable[bytes]]:
    # Binary lines: json.loads decodes UTF-8 itself, and a bad byte spoils one line, not the file.
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            yield handle
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error


def _insert(connection: sqlite3.Connection, row: Row, stats: BuildStats) -> None:
    cursor = connection.execute(_INSERT, row.values())
    if cursor.rowcount == 0:
        _forget(connection, row.arxiv_id)
        stats.replaced += 1
        cursor = connection.execute(_INSERT, row.values())
    record = cursor.lastrowid
    connection.execute("INSERT INTO titles(rowid, words) VALUES (?, ?)", (record, row.words))
    if row.dois:
        connection.executemany(
            "INSERT INTO dois(doi_key, record) VALUES (?, ?)", [(doi_lookup_key(d), record) for d in row.dois]
        )


def _forget(connection: sqlite3.Connection, arxiv_id: str) -> None:
    """Remove an earlier record with this id, including its full-text and DOI entries."""
    record, title = connection.execute(
        "SELECT id, title FROM records WHERE arxiv_id = ?", (arxiv_id,)
    ).fetchone()
    # A contentless FTS5 table forgets a row only when given the exact text it indexed.
    connection.execute(
        "INSERT INTO titles(titles, rowid, words) VALUES ('delete', ?, ?)", (record, fts_words(title))
    )
    connection.execute("DELETE FROM dois WHERE record = ?", (record,))
    connection.execute("DELETE FROM records WHERE id = ?", (record,))


def open_index(path: Path) -> sqlite3.Connection:
    """Open an index read-only after checking it is one; raises `SnapshotError` otherwise."""
    if not path.exists():
        raise SnapshotError(f"{path}: no snapshot index there; build one with 'bibnorm index build'")
    if not path.is_file():
        raise SnapshotError(f"{path}: is not a file, expected a snapshot index")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise SnapshotError(f"{path}: cannot open the snapshot index: {error}") from None
    try:
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as error:
        connection.close()
        raise SnapshotError(f"{path}: not a bibnorm snapshot index ({error}); rebuild it") from None
    if version is None or version[0] != str(SCHEMA_VERSION):
        connection.close()
        found = "no schema version" if version is None else f"schema version {version[0]}"
        raise SnapshotError(
            f"{path}: snapshot index has {found}, this bibnorm reads version {SCHEMA_VERSION}; "
            "rebuild it with 'bibnorm index build'"
        )
    connection.row_factory = sqlite3.Row
    return connection


def index_info(path: Path) -> IndexInfo:
    """Read an index's self-description (record count, schema version, build time, sources)."""
    connection = open_index(path)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        records = connection.execute("SELECT count(*) FROM records").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise SnapshotError(f"{path}: snapshot index is damaged ({error}); rebuild it") from None
    finally:
        connection.close()
    return IndexInfo(
        path=path,
        schema_version=int(meta["schema_version"]),
        records=records,
        built_at=meta.get("built_at"),
        sources=tuple(json.loads(meta.get("sources", "[]"))),
    )


def fts_query(words: Iterable[str], operator: str) -> str:
    """An FTS5 query joining ``words`` with ``operator``; each is quoted so none is read as syntax."""
    return f" {operator} ".join('"' + word.replace('"', '""') + '"' for word in words)


class SnapshotResolver:
    """The `Resolver` over a snapshot index (opened read-only, usable from any thread).

    Queries by arXiv id or DOI get the matching record as a by-identifier candidate;
    title queries get every record with the same title key plus the best full-text
    hits, for `normalizer.matching.choose` to judge.
    """

    name = SOURCE

    def __init__(self, path: Path, *, min_title_similarity: float = MIN_TITLE_SIMILARITY) -> None:
        self.path = path
        self.min_title_similarity = min_title_similarity
        self._connection = open_index(path)

    def close(self) -> None:
        """Close the index file."""
        self._connection.close()

    def __enter__(self) -> SnapshotResolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, queries: Sequence[Query]) -> Mapping[int, Lookup]:
        """Candidates from the snapshot for each query, keyed by ``Query.index``."""
        try:
            return {query.index: self._lookup_one(query) for query in queries}
        except sqlite3.DatabaseError as error:
            raise SnapshotError(f"{self.path}: snapshot index is damaged ({error}); rebuild it") from None

    def _lookup_one(self, query: Query) -> Lookup:
        if query.kind is QueryKind.ARXIV_ID and query.arxiv_id:
            return self._by_arxiv_id(query)
        if query.kind is QueryKind.DOI and query.doi:
            rows = self._connection.execute(
                f"{_SELECT} WHERE id IN (SELECT record FROM dois WHERE doi_key = ?)",
                (doi_lookup_key(query.doi),),
            ).fetchall()
            return Lookup(candidates=tuple(_candidate(row, by_identifier=True) for row in rows))
        if query.title:
            return Lookup(candidates=tuple(_candidate(row) for row in self._by_title(query.title)))
        return Lookup()

    def _by_arxiv_id(self, query: Query) -> Lookup:
        row = self._connection.execute(f"{_SELECT} WHERE arxiv_id = ?", (query.arxiv_id,)).fetchone()
        if row is None:
            return Lookup()
        problems: tuple[Problem, ...] = ()
        known = version_numbers(row["versions"])
        if query.arxiv_version is not None and known and query.arxiv_version not in known:
            problems = (
                Problem(
                    code="snapshot.unknown_version",
                    message=(
                        f"arXiv:{query.arxiv_id} has no v{query.arxiv_version} in the snapshot "
                        f"(it lists v{', v'.join(str(n) for n in known)}); the snapshot may be older"
                    ),
                    severity=Severity.WARNING,
                    source=SOURCE,
                ),
            )
        return Lookup(candidates=(_candidate(row, by_identifier=True),), problems=problems)

    def _by_title(self, title: str) -> list[sqlite3.Row]:
        rows: dict[int, sqlite3.Row] = {}
        key = title_key(title)
        if key:
            for row in self._connection.execute(f"{_SELECT} WHERE title_key = ? LIMIT {KEY_HITS}", (key,)):
                rows[row["id"]] = row
        hits = self._fts_hits(title)
        wanted = [record for record in hits if record not in rows]
        if wanted:
            marks = ", ".join("?" * len(wanted))
            fetched = {
                row["id"]: row for row in self._connection.execute(f"{_SELECT} WHERE id IN ({marks})", wanted)
            }
            similar = sorted(
                ((title_similarity(title, row["title"]), record) for record, row in fetched.items()),
                key=lambda pair: -pair[0],
            )
            # The closest few are kept whatever their similarity: reports show them as near misses.
            rows.update(
                (record, fetched[record])
                for rank, (similarity, record) in enumerate(similar)
                if rank < NEAR_MISSES or similarity >= self.min_title_similarity
            )
        return list(rows.values())

    def _fts_hits(self, title: str) -> list[int]:
        """Record ids of the best full-text matches (BM25), best first, at most `FTS_HITS`.

        Stop words are left out, and so are words no title holds (usually the query's
        own typos). Of the rest, the `FTS_RARE_WORDS` rarest decide: a record must hold
        all but one of them (all of them when there are fewer than three), so a title
        that differs by one word or one typo is still found, while very common words,
        whose long posting lists would dominate the lookup time, need not be scored.
        """
        words = list(dict.fromkeys(title_words(title)))
        content = [w for w in words if w not in STOP_WORDS] or words
        if not content:
            return []
        marks = ", ".join("?" * len(content))
        counts = dict(
            self._connection.execute(
                f"SELECT word, titles FROM words WHERE word IN ({marks})", content
            ).fetchall()
        )
        rare = sorted((w for w in content if counts.get(w)), key=lambda w: counts[w])[:FTS_RARE_WORDS]
        if not rare:
            return []
        search = "SELECT rowid FROM titles WHERE titles MATCH ? ORDER BY rank LIMIT ?"
        return [record for (record,) in self._connection.execute(search, (all_but_one_query(rare), FTS_HITS))]


def all_but_one_query(words: Sequence[str]) -> str:
    """An FTS5 query for records holding all but one of ``words`` (all of them when fewer than three).

    ``["a", "b", "c"]`` → ``("a" AND "b") OR ("a" AND "c") OR ("b" AND "c")``.
    """
    if len(words) < 3:
        return fts_query(words, "AND")
    return " OR ".join(f"({fts_query(group, 'AND')})" for group in combinations(words, len(words) - 1))


def _candidate(row: sqlite3.Row, *, by_identifier: bool = False) -> Candidate:
    # Cleaned at lookup time, not while building the index: only candidates pay for it.
    reference: Reference = clean_reference(reference_from_row(row))
    return Candidate(source=SOURCE, reference=reference, by_identifier=by_identifier)
