"""The local arXiv snapshot index: an SQLite file built from arXiv metadata dumps.

`build_index` (`bibnorm.resolvers._snapshot_build`) streams Kaggle-format JSON lines
(``arxiv-metadata-oai-snapshot.json``, optionally gzip-compressed) into a new SQLite file, in
chunks parsed and compressed by worker processes (``--jobs``) and written in order by the
calling one, and moves the file over the destination only when complete. `SnapshotResolver`
answers queries from it: by arXiv id, by DOI, and by title (the records with the same title
key, plus full-text candidates for the pipeline's matcher to judge).

The file's layout, and how it is built, are `bibnorm.resolvers._snapshot_build`'s; this
module opens it (`open_index`, `index_info`) and looks papers up in it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import orjson
import zstandard
from bibnorm.errors import SnapshotError, WorkerError
from bibnorm.models import Candidate, Lookup, Problem, Query, QueryKind, Reference, Severity
from bibnorm.processes import available_cpus, shared_objects_frozen
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._index import key_hash, make_decompressor, open_read_only
from bibnorm.resolvers._snapshot_build import SCHEMA_VERSION, build_index  # noqa: F401 (build_index re-exported)
from bibnorm.resolvers._snapshot_records import (
    SOURCE,
    decode_record,
    doi_lookup_key,
    reference_from_row,
    version_numbers,
)
from bibnorm.text.clean import clean_reference
from bibnorm.text.titles import title_key, title_similarities, title_words, typo_spellings
from bibnorm.text.word_tables import search_stop_words

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
    from types import TracebackType

# Words too common in titles to tell papers apart; dropping them keeps full-text
# queries selective (the exact title-key lookup still sees every word): search-stop-words.json.
STOP_WORDS = search_stop_words().titles
FTS_HITS = 8  # full-text candidates per title: enough for the matcher, cheap to convert
FTS_RARE_WORDS = 4  # the rarest words of a title that select full-text hits
# Full-text matches scored per title, at most: a title of common words only ("Audio Language
# Models") matches hundreds of thousands of records, and reading them all would cost more
# than everything else. Past the cap the query is narrowed to all the title's known words.
FTS_CAP = 200
# Lookups in one call are shared with a worker (a forked process, else a thread; each with its
# own connection) when `threads` is 2 or more and there are at least PARALLEL_LOOKUPS_MIN of
# them: fewer are not worth it.
LOOKUP_THREADS = 2
PARALLEL_LOOKUPS_MIN = 64
WORKER_SHARE = 50  # percent of the shared lookups the worker (process or thread) does

Judgement = TypeVar("Judgement")
# What a caller makes of one query's candidates (`matching.choose`); a worker process that looks
# them up applies it there, so the caller receives it made.
Judge = Callable[[Query, Sequence[Candidate]], Judgement]
# The most of an index mapped into memory (SQLite caps it at its own limit, 2 GiB by default): the
# whole file for any real snapshot. Mapped pages are the OS's file cache, shared and dropped
# under memory pressure, though counted in the process's resident size once read.
MMAP_BYTES = 1 << 34
KEY_HITS = 20  # records sharing one exact title key (same-title papers do exist)
# Full-text hits whose title is less similar than this are not offered: `matching` never
# accepts one (its lowest bar, MatchThresholds.title_floor, is 0.80 by default; pass a
# lower value to SnapshotResolver if that is lowered), and turning records into
# References is most of a lookup's cost.
MIN_TITLE_SIMILARITY = 0.6
NEAR_MISSES = 3  # full-text hits offered even below MIN_TITLE_SIMILARITY, the most similar first

_SELECT = "SELECT id, arxiv_id, title, record FROM records"


@dataclass(frozen=True)
class IndexInfo:
    """What an index file says about itself."""

    path: Path
    schema_version: int
    records: int
    built_at: str | None
    sources: tuple[str, ...]


def open_index(path: Path) -> sqlite3.Connection:
    """Open an index read-only after checking it is one; raises `SnapshotError` otherwise."""
    return open_read_only(path, what="snapshot index", kind="snapshot", schema_version=SCHEMA_VERSION)


def _open_for_lookups(path: Path) -> sqlite3.Connection:
    """`open_index`, with the file memory-mapped: a lookup reads a few rows from each of many
    64 KiB pages, which SQLite would otherwise copy whole into its page cache one by one
    (reading the titles of a title's full-text matches took twice as long that way)."""
    connection = open_index(path)
    connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
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
        sources=tuple(orjson.loads(meta.get("sources", "[]"))),
    )


def fts_query(words: Iterable[str], operator: str) -> str:
    """An FTS5 query joining ``words`` with ``operator``; each is quoted so none is read as syntax."""
    return f" {operator} ".join('"' + word.replace('"', '""') + '"' for word in words)


class SnapshotResolver:
    """The `Resolver` over a snapshot index (opened read-only, usable from any thread).

    Queries by arXiv id or DOI get the matching record as a by-identifier candidate;
    title queries get every record with the same title key plus the most similar
    full-text hits, for `bibnorm.resolve.matching.choose` to judge. Candidates are chosen on
    (id, title) pairs; only the few offered are decompressed and made `Reference`s.
    """

    name = SOURCE
    # Queries the pipeline asks in one call: each call shares its queries with the worker
    # anew, and a small last chunk leaves one process idle. Candidates are a few KB each.
    lookup_chunk = 2_000

    def __init__(
        self,
        path: Path,
        *,
        min_title_similarity: float = MIN_TITLE_SIMILARITY,
        threads: int | None = None,
    ) -> None:
        self.path = path
        self.min_title_similarity = min_title_similarity
        if threads is None:
            threads = min(LOOKUP_THREADS, available_cpus())
        self.threads = threads
        first = _open_for_lookups(path)
        try:
            stored = first.execute("SELECT value FROM meta WHERE key = 'dictionary'").fetchone()
        except sqlite3.DatabaseError as error:
            first.close()
            raise SnapshotError(f"{path}: snapshot index is damaged ({error}); rebuild it") from None
        self._dictionary: bytes | None = stored[0] if stored and stored[0] else None
        # A connection and a zstd decompressor per thread: neither may be shared between threads.
        self._local = threading.local()
        self._local.connection = first
        self._connections = [first]
        self._connections_lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._workers: tuple[contextlib.ExitStack, ProcessPoolExecutor] | None = None

    @property
    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = _open_for_lookups(self.path)
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    def _decompress(self, data: bytes) -> bytes:
        decompressor = getattr(self._local, "decompressor", None)
        if decompressor is None:
            decompressor = self._local.decompressor = make_decompressor(self._dictionary)
        decompressed: bytes = decompressor.decompress(data)
        return decompressed

    def close(
        self,
        error_type: type[BaseException] | None = None,
        error: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        """Close the index file (every thread's connection to it) and stop the lookup worker;
        the exception that ends the run, if any, cancels its unstarted work."""
        global _forked
        if self._workers is not None:
            stack, self._workers = self._workers[0], None
            try:
                stack.__exit__(error_type, error, traceback)
            finally:
                _forked = None
        if self._pool is not None:
            self._pool.shutdown()
        with self._connections_lock:
            for connection in self._connections:
                connection.close()

    def __enter__(self) -> SnapshotResolver:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(error_type, error, traceback)

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        """Candidates from the snapshot for each query, keyed by ``Query.index`` (`judged_lookup`
        with nobody to judge them)."""
        return {index: lookup for index, (lookup, _) in self.judged_lookup(queries, None, progress).items()}

    def judged_lookup(
        self, queries: Sequence[Query], judge: Judge[Judgement] | None, progress: Progress = NO_PROGRESS
    ) -> Mapping[int, tuple[Lookup, Judgement | None]]:
        """Each query's candidates, keyed by ``Query.index``, with the ``judge``'s judgement of
        them where a worker process made it (None where there are none, or the caller judges).
        Where a judgement is given, the lookup comes without its candidates: the judgement
        holds what the caller keeps of them, and only it is sent back from the worker.

        Many queries are shared with a forked worker process (or, where a fork is unsafe, a
        thread): this process looks up the first half, the worker looks up the other and
        judges its candidates too. The answer holds this process's lookups at once and the
        worker's when first asked for, so the caller judges its half while the worker works.
        """
        with _index_errors(self.path):
            if self.threads < 2 or len(queries) < PARALLEL_LOOKUPS_MIN:
                return {query.index: (self._lookup_one(query, progress), None) for query in queries}
            split = len(queries) - len(queries) * WORKER_SHARE // 100
            mine, theirs = queries[:split], queries[split:]
            pool = self._lookup_pool()
            if pool is not None:
                from concurrent.futures.process import BrokenProcessPool

                try:
                    with shared_objects_frozen():  # the first submit forks the worker
                        running = pool.submit(_lookup_in_worker, theirs, judge)
                except BrokenProcessPool:  # the worker died since the last call
                    raise _worker_lost(self.path) from None
                found: dict[int, tuple[Lookup, Judgement | None]] = {
                    query.index: (self._lookup_one(query, progress), None) for query in mine
                }
                return _Answers(self.path, found, theirs, running, progress)
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor  # not on the start-up path

                self._pool = ThreadPoolExecutor(self.threads - 1, thread_name_prefix="snapshot")
            thread = self._pool.submit(self._lookup_each, theirs, progress)
            lookups = self._lookup_each(mine, progress) + thread.result()
            return {query.index: (lookup, None) for query, lookup in zip(queries, lookups, strict=True)}

    def _lookup_pool(self) -> ProcessPoolExecutor | None:
        """The forked lookup worker, started at the first lookup that shares its queries and
        kept until `close`; None when no worker can be forked (another thread runs, no
        ``fork``, another resolver's worker is running), for a thread to do its share.

        Threads gain little on a busy machine: half of a lookup is Python that holds the GIL.
        A forked worker shares the mapped index and the imported modules; it opens its own
        connection (one is never used across a fork), and only the lookups come back.
        """
        global _forked
        if self._workers is not None:
            return self._workers[1]
        from bibnorm.processes import can_fork, fork_pool

        if _forked is not None or not can_fork():
            return None
        stack = contextlib.ExitStack()
        _forked = self  # what the worker looks up with: the fork copies it
        try:
            pool = stack.enter_context(fork_pool(1, _start_lookup_worker))
        except BaseException:
            _forked = None
            raise
        if pool is None:
            _forked = None
            return None
        self._workers = (stack, pool)
        return pool

    def _lookup_each(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> list[Lookup]:
        return [self._lookup_one(query, progress) for query in queries]

    def _lookup_one(self, query: Query, progress: Progress = NO_PROGRESS) -> Lookup:
        lookup = self._look_up(query)
        progress.advance()
        return lookup

    def _look_up(self, query: Query) -> Lookup:
        if query.kind is QueryKind.ARXIV_ID and query.arxiv_id:
            return self._by_arxiv_id(query)
        if query.kind is QueryKind.DOI and query.doi:
            rows = self._connection.execute(
                f"{_SELECT} WHERE id IN (SELECT record FROM dois WHERE doi_key = ?)",
                (doi_lookup_key(query.doi),),
            ).fetchall()
            if rows or not query.title:
                return Lookup(candidates=tuple(self._candidate(row, by_identifier=True) for row in rows))
            # a publisher's DOI the arXiv record does not carry: the paper found by its title, as
            # any item's, the DOI the published version's (Zotero's and RIS's journal articles)
        if query.title:
            return Lookup(candidates=tuple(self._candidate(row) for row in self._by_title(query.title)))
        return Lookup()

    def _by_arxiv_id(self, query: Query) -> Lookup:
        row = self._connection.execute(f"{_SELECT} WHERE arxiv_id = ?", (query.arxiv_id,)).fetchone()
        if row is None:
            return Lookup()
        problems: tuple[Problem, ...] = ()
        known = version_numbers(decode_record(row, self._decompress))
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
        return Lookup(candidates=(self._candidate(row, by_identifier=True),), problems=problems)

    def _by_title(self, title: str) -> list[sqlite3.Row]:
        wanted: dict[int, None] = {}  # record ids in the order they are offered
        key = title_key(title)
        if key:
            # The hash is the index; the key itself is compared here (hashes can collide).
            same = self._connection.execute(
                "SELECT id, title FROM records WHERE key = ? LIMIT ?", (key_hash(key), KEY_HITS * 2)
            )
            wanted.update((record, None) for record, stored in same if title_key(stored) == key)
            wanted = dict(list(wanted.items())[:KEY_HITS])
        hits = [(record, stored) for record, stored in self._fts_titles(title) if record not in wanted]
        similarities = title_similarities(title, [stored for _, stored in hits])
        similar = sorted(
            zip(similarities, (record for record, _ in hits), strict=True), key=lambda pair: -pair[0]
        )[:FTS_HITS]
        # The closest few are kept whatever their similarity: reports show them as near misses.
        wanted.update(
            (record, None)
            for rank, (similarity, record) in enumerate(similar)
            if rank < NEAR_MISSES or similarity >= self.min_title_similarity
        )
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        fetched = {
            row["id"]: row
            for row in self._connection.execute(f"{_SELECT} WHERE id IN ({marks})", list(wanted))
        }
        return [fetched[record] for record in wanted if record in fetched]

    def _fts_titles(self, title: str) -> list[tuple[int, str]]:
        """(record id, title) of the full-text matches of a title: at most `FTS_CAP`, plus
        those a typo's correction finds.

        Stop words are left out, and so are words no title holds (usually the query's
        own typos). Of the rest, the `FTS_RARE_WORDS` rarest decide: a record must hold
        all but one of them (all of them when there are fewer than three), so a title
        that differs by one word or one typo is still found. When that matches more
        than `FTS_CAP` records (titles of common words only), a record must hold every
        known word of the title instead, so common words never cost a long scan.

        A title whose known words still match more than `FTS_CAP` records, or that has no
        known word, may owe it to a typo in its one rare word ("Atention Is All You Need"):
        then the records that also hold a spelling of each unknown word one typo away
        (`titles.typo_spellings`) are added, which the cap would otherwise cut off.
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
        known = sorted((w for w in content if counts.get(w)), key=lambda w: (counts[w], w))
        hits = self._known_word_hits(known)
        if known and len(hits) <= FTS_CAP:
            return hits
        unknown = [w for w in content if not counts.get(w)]
        return self._with_typo_corrections(hits[:FTS_CAP], known, unknown)

    def _known_word_hits(self, known: Sequence[str]) -> list[tuple[int, str]]:
        """Up to `FTS_CAP` + 1 records holding all but one of the rarest known words, or every
        known word when that matches more (none when no word is known)."""
        if not known:
            return []
        hits = self._search(all_but_one_query(known[:FTS_RARE_WORDS]), FTS_CAP + 1)
        if len(hits) > FTS_CAP and len(known) > 1:
            hits = self._search(fts_query(known, "AND"), FTS_CAP + 1)
        return hits

    def _with_typo_corrections(
        self, hits: list[tuple[int, str]], known: Sequence[str], unknown: Sequence[str]
    ) -> list[tuple[int, str]]:
        """``hits`` and the records holding every known word and a spelling one typo away
        from each unknown one."""
        corrected = self._typo_corrections(unknown)
        if not corrected:
            return hits
        every = [fts_query(known, "AND")] if known else []
        query = " AND ".join([*every, *(f"({fts_query(group, 'OR')})" for group in corrected)])
        seen = {record for record, _ in hits}
        return hits + [hit for hit in self._search(query, FTS_CAP) if hit[0] not in seen]

    def _search(self, query: str, limit: int) -> list[tuple[int, str]]:
        """(record id, title) of the first ``limit`` records whose title words match an FTS5 query."""
        hits: list[tuple[int, str]] = self._connection.execute(
            "SELECT records.id, records.title FROM records"
            " WHERE records.id IN (SELECT rowid FROM titles WHERE titles MATCH ? LIMIT ?)",
            (query, limit),
        ).fetchall()
        return hits

    def _typo_corrections(self, words: Sequence[str]) -> list[list[str]]:
        """For each of ``words`` (which no title holds) that has any, the index's title words it
        could be a typo of; one query for them all."""
        spellings = [sorted(typo_spellings(word)) for word in words]
        asked = sorted({spelling for group in spellings for spelling in group})
        if not asked:
            return []
        marks = ", ".join("?" * len(asked))
        held = {
            word
            for (word,) in self._connection.execute(f"SELECT word FROM words WHERE word IN ({marks})", asked)
        }
        return [
            found for group in spellings if (found := [spelling for spelling in group if spelling in held])
        ]

    def _candidate(self, row: sqlite3.Row, *, by_identifier: bool = False) -> Candidate:
        # Cleaned at lookup time, not while building the index: only candidates pay for it.
        reference: Reference = clean_reference(reference_from_row(row, self._decompress))
        return Candidate(source=SOURCE, reference=reference, by_identifier=by_identifier)


# The resolver forked workers look up with: set just before the pool forks, cleared after.
_forked: SnapshotResolver | None = None


@contextlib.contextmanager
def _index_errors(path: Path) -> Iterator[None]:
    """A damaged index, found by this process or by the lookup worker, is one `SnapshotError`."""
    try:
        yield
    except (sqlite3.DatabaseError, zstandard.ZstdError, orjson.JSONDecodeError) as error:
        raise SnapshotError(f"{path}: snapshot index is damaged ({error}); rebuild it") from None


def _worker_lost(path: Path) -> WorkerError:
    return WorkerError(f"a worker process reading {path} stopped unexpectedly (killed, or out of memory?)")


class _Answers(Mapping[int, tuple[Lookup, Judgement | None]]):
    """`SnapshotResolver.judged_lookup`'s answer when a worker process shares the queries: this
    process's lookups, and the worker's once the first of them is asked for (waited for then)."""

    def __init__(
        self,
        path: Path,
        found: dict[int, tuple[Lookup, Judgement | None]],
        theirs: Sequence[Query],
        running: Future[list[tuple[Lookup, Judgement | None]]],
        progress: Progress,
    ) -> None:
        self._path = path
        self._found = found
        self._theirs = [query.index for query in theirs]
        self._running: Future[list[tuple[Lookup, Judgement | None]]] | None = running
        self._progress = progress

    def _arrived(self) -> None:
        if self._running is None:
            return
        running, self._running = self._running, None
        from concurrent.futures.process import BrokenProcessPool

        with _index_errors(self._path):
            try:
                found = running.result()
            except BrokenProcessPool:
                raise _worker_lost(self._path) from None
        self._found.update(zip(self._theirs, found, strict=True))
        self._progress.advance(len(found))

    def __getitem__(self, index: int) -> tuple[Lookup, Judgement | None]:
        if index not in self._found:
            self._arrived()
        return self._found[index]

    def __iter__(self) -> Iterator[int]:
        self._arrived()
        return iter(self._found)

    def __len__(self) -> int:
        self._arrived()
        return len(self._found)


def _start_lookup_worker() -> None:
    # The parent's connections and decompressors stay the parent's: the worker opens its own.
    assert _forked is not None, "lookup worker started without a resolver"
    _forked._local = threading.local()
    _forked._connections = []
    _forked._connections_lock = threading.Lock()
    _forked._pool = None
    _forked._workers = None  # the parent's pool, not this process's


def _lookup_in_worker(
    queries: Sequence[Query], judge: Judge[Judgement] | None
) -> list[tuple[Lookup, Judgement | None]]:
    assert _forked is not None, "lookup worker started without a resolver"
    found: list[tuple[Lookup, Judgement | None]] = []
    for query in queries:
        lookup = _forked._look_up(query)
        if judge is None or not lookup.candidates:
            found.append((lookup, None))
        else:  # the judgement holds what the caller keeps of the candidates: only it travels
            found.append((lookup.model_copy(update={"candidates": ()}), judge(query, lookup.candidates)))
    return found


def all_but_one_query(words: Sequence[str]) -> str:
    """An FTS5 query for records holding all but one of ``words`` (all of them when fewer than three).

    Written so that each word appears twice, not once per pair of groups: every posting
    list read costs, and those of common words are long. ``[a, b, c, d]`` →
    ``(("a" AND "b" AND ("c" OR "d")) OR ("c" AND "d" AND ("a" OR "b")))``, which is
    ``abc OR abd OR acd OR bcd``.
    """
    if len(words) < 3:
        return fts_query(words, "AND")
    return _missing_at_most_one(words)


def _missing_at_most_one(words: Sequence[str]) -> str:
    # A record missing at most one word misses none of one half and at most one of the other.
    if len(words) == 2:
        return f"({fts_query(words, 'OR')})"
    left, right = words[: len(words) // 2], words[len(words) // 2 :]
    every_left, every_right = fts_query(left, "AND"), fts_query(right, "AND")
    some_left = "" if len(left) == 1 else f" AND {_missing_at_most_one(left)}"  # one word may go
    return f"(({every_left} AND {_missing_at_most_one(right)}) OR ({every_right}{some_left}))"
