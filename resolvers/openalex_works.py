"""The local OpenAlex works index: the works snapshot, kept to what verifying needs.

OpenAlex's snapshot (``data/works/updated_date=YYYY-MM-DD/part_NNN.gz``) holds one Work per
line, the same objects its API returns (tests/fakes and shared/reference hold API samples). The
build streams every line of every part (gzip or plain), worker processes parse chunks of lines
(``--jobs``), and this process keeps of each work only its id, DOI, title, authors' names, dates,
type, primary source, biblio, arXiv id (from its locations), ``is_retracted`` and
``updated_date``, written (as orjson) to an SQLite file keyed by OpenAlex id, DOI and title key
(`_index.key_hash`). A work that appears in several partitions is kept as its latest
``updated_date`` says. The file is written by `_index.build_file`: a killed or failed build leaves
the old index.

Built from whole works folders whose manifests list every part present (`complete_as_of`), the
index records in its metadata that it is complete and the snapshot's date: only then may its
silence about a title count (docs/scale.md, "When silence counts").

`OpenAlexWorks` answers by DOI and by title, with the records as `Reference`s (the published
ones exactly as `bibnorm.resolvers.openalex.work_to_reference` makes them from the API) and the
retraction OpenAlex records as a `Notice`. It opens read-only and may stay open for a whole
corpus run.
"""

from __future__ import annotations

import gzip
import re
import sqlite3
import time
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from bibnorm.errors import InputError
from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.models import Identifiers, Notice, PartialDate, Reference
from bibnorm.processes import available_cpus
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._index import (
    BULK_LOAD_PRAGMAS,
    BuildCounts,
    build_file,
    key_hash,
    open_read_only,
    run_in_workers,
    seal,
)
from bibnorm.text.names import parse_name
from bibnorm.text.printed import PrintedText
from bibnorm.text.titles import title_head, title_key

KIND = "openalex-works"
SCHEMA_VERSION = 2  # 2: each title's head before its subtitle is keyed too (`title_head`)
WHAT = "OpenAlex works index"
SOURCE = "openalex"


def is_works_snapshot(path: Path) -> bool:
    """A part of the works snapshot (or a folder of them): its first line a Work object."""
    if path.is_dir():
        return any(_parts(path))
    try:
        first = _lines(path).__next__()
    except (StopIteration, OSError, EOFError, gzip.BadGzipFile, InputError):
        return False  # empty, unreadable, cut off or one endless line: not a works part to sniff
    return first.lstrip().startswith(b"{") and b'"https://openalex.org/W' in first[:2000]


MANIFESTS = ("manifest.json", "manifest")  # the 2026 layout's name, then the earlier one's
PARTITION = re.compile(r"updated_date=(\d{4}-\d{2}-\d{2})/")


def _parts(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name.endswith((".gz", ".jsonl", ".json")) and p.name not in MANIFESTS
    )


def complete_as_of(dumps: Sequence[Path]) -> str | None:
    """The date of the full works snapshot ``dumps`` are, or None when they may not be one.

    OpenAlex writes a works folder's manifest last, listing every part of the snapshot: "if the
    manifest is present, the data … is complete" (its snapshot documentation). The index is
    complete only when every part read lies in such a folder (``works/updated_date=…/part_…``,
    given as the folder or part by part) and every part its manifest lists was read; its date
    is the manifest's ``date`` (the 2026 layout), else its latest ``updated_date`` partition."""
    read: dict[Path, set[str]] = {}
    for dump in dumps:
        folder = dump if dump.is_dir() else dump.parent.parent
        if not dump.is_dir() and not PARTITION.search(f"{dump.parent.name}/"):
            return None  # a part outside any updated_date partition: no manifest speaks for it
        parts = _parts(dump) if dump.is_dir() else [dump]
        read.setdefault(folder.resolve(), set()).update(
            p.resolve().relative_to(folder.resolve()).as_posix() for p in parts
        )
    dates = [_manifest_date(folder, parts) for folder, parts in read.items()]
    return None if not dates or None in dates else min(d for d in dates if d is not None)


def _manifest_date(folder: Path, read: set[str]) -> str | None:
    """The date of ``folder``'s manifest when every part it lists is among those ``read``."""
    manifest = next((folder / name for name in MANIFESTS if (folder / name).is_file()), None)
    if manifest is None:
        return None
    try:
        listed = orjson.loads(manifest.read_bytes())
        urls = [str(item["url"]) for item in listed.get("files") or listed.get("entries") or ()]
        # Each listed part by its path from the works folder: "updated_date=…/part_0000.gz".
        listed_parts = [url[found.start() :] for url in urls if (found := PARTITION.search(url))]
        if not urls or len(listed_parts) != len(urls) or not set(listed_parts) <= read:
            return None
        latest = max(part.split("/", 1)[0].removeprefix("updated_date=") for part in listed_parts)
        return date.fromisoformat(str(listed.get("date") or latest)).isoformat()
    except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


# The longest Work line of a snapshot (thousands of authorships, a long abstract index) is a few
# MB. Bytes that run on this long with no line end are no works part (a gzip bomb of blanks, one
# endless line): one line, after reading this much, not gigabytes held for one line.
MAX_LINE_BYTES = 32 << 20


def _lines(path: Path) -> Iterator[bytes]:
    """The part's lines (gzip or plain); `InputError` naming the line for one longer than
    `MAX_LINE_BYTES` or a compressed file cut off or damaged there."""
    with path.open("rb") as raw:
        magic = raw.read(2)
    opener: Any = gzip.open if magic == b"\x1f\x8b" else open
    number = 0
    try:
        with opener(path, "rb") as lines:
            while line := lines.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(line) > MAX_LINE_BYTES:
                    raise InputError(
                        f"{path}:{number}: a line of more than {MAX_LINE_BYTES >> 20} MB: not an OpenAlex"
                        " works part. No index was written"
                    )
                yield line
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise InputError(
            f"{path}: the compressed file is cut off or damaged at line {number + 1}"
            f" ({error or 'truncated'}); download it again. No index was written"
        ) from None


def kept(work: dict[str, Any]) -> dict[str, Any] | None:
    """What the index keeps of a Work (None: no id or no title)."""
    work_id = str(work.get("id") or "").rsplit("/", 1)[-1]
    title = work.get("title") or work.get("display_name")
    if not work_id.startswith("W") or not title:
        return None
    source = (work.get("primary_location") or {}).get("source") or {}
    return {
        "id": work_id,
        "doi": work.get("doi"),
        "title": title,
        "authorships": [
            {"author": {"display_name": (a.get("author") or {}).get("display_name")}}
            for a in work.get("authorships") or ()
            if isinstance(a, dict)
        ],
        "publication_year": work.get("publication_year"),
        "publication_date": work.get("publication_date"),
        "type": work.get("type"),
        "is_paratext": work.get("is_paratext"),
        "is_retracted": bool(work.get("is_retracted")),
        "primary_location": {
            "source": {k: source.get(k) for k in ("display_name", "type", "issn")} if source else None
        },
        "biblio": work.get("biblio") or {},
        "arxiv_id": _arxiv_id(work),
        "updated_date": str(work.get("updated_date") or ""),
    }


def _arxiv_id(work: dict[str, Any]) -> str | None:
    """The arXiv id of the first location on arXiv's abstract pages, if any."""
    for location in work.get("locations") or ():
        url = str((location or {}).get("landing_page_url") or "")
        if "arxiv.org/abs/" in url:
            parsed = parse_arxiv_id(url.split("arxiv.org/abs/", 1)[1])
            return parsed.id if parsed is not None else None
    return None


Row = tuple[str, str, str | None, int, int | None, bytes]
Chunk = tuple[str, int, list[bytes]]  # a part's name, the number of the chunk's first line, its lines
CHUNK_LINES = 2_000
PARALLEL_MIN_BYTES = 64 * 1024 * 1024  # below this, forking workers costs more than it saves


def build_works_index(
    dumps: Sequence[Path], output: Path, progress: Progress = NO_PROGRESS, jobs: int | None = None
) -> BuildCounts:
    """Index the works snapshot's parts (files, or folders of them) into ``output``; ``jobs``
    worker processes parse chunks of lines while this one writes them, in order (default: one
    per CPU for inputs of 64 MB or more, else this process alone)."""
    stats = BuildCounts()
    started = time.monotonic()
    parts = [part for dump in dumps for part in (_parts(dump) if dump.is_dir() else [dump])]
    complete = complete_as_of(dumps)
    if jobs is None:
        jobs = 1 if sum(part.stat().st_size for part in parts) < PARALLEL_MIN_BYTES else available_cpus()

    def write(chunk: Chunk, parsed: tuple[list[Row], list[str]]) -> None:
        rows, skipped = parsed
        _write(connection_of[0], rows)
        for example in skipped:
            stats.skip(example)
        progress.advance(len(rows))

    connection_of: list[sqlite3.Connection] = []

    def load(connection: sqlite3.Connection) -> None:
        connection_of.append(connection)
        connection.executescript(
            BULK_LOAD_PRAGMAS + "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE records (id TEXT PRIMARY KEY, updated TEXT, doi TEXT, title_hash INTEGER,"
            " head_hash INTEGER, record BLOB);"
        )
        progress.start("openalex works", None, "works")
        in_workers = jobs > 1 and run_in_workers(
            _chunks(parts), _parse_chunk, write, jobs=jobs, initializer=_start_worker
        )
        if not in_workers:
            for chunk in _chunks(parts):
                write(chunk, _parse_chunk(chunk))
        progress.finish()
        connection.executescript(
            "CREATE INDEX records_doi ON records (doi) WHERE doi IS NOT NULL;"
            "CREATE INDEX records_title ON records (title_hash);"
            "CREATE INDEX records_head ON records (head_hash) WHERE head_hash IS NOT NULL;"
        )
        stats.records = connection.execute("SELECT count(*) FROM records").fetchone()[0]
        if complete is not None:
            connection.execute("INSERT INTO meta VALUES ('complete_as_of', ?)", (complete,))
        seal(connection, KIND, stats.records, SCHEMA_VERSION)

    build_file(output, load, what=WHAT)
    stats.seconds = time.monotonic() - started
    return stats


def _chunks(parts: Sequence[Path]) -> Iterator[Chunk]:
    for part in parts:
        lines: list[bytes] = []
        first = 1
        for number, line in enumerate(_lines(part), 1):
            lines.append(line)
            if len(lines) >= CHUNK_LINES:
                yield part.name, first, lines
                first, lines = number + 1, []
        if lines:
            yield part.name, first, lines


def _start_worker() -> None:
    """Nothing to set up: a worker parses lines with module-level functions only."""


def _parse_chunk(chunk: Chunk) -> tuple[list[Row], list[str]]:
    """The rows of a chunk's works, and where the lines that are not works are."""
    name, first, lines = chunk
    rows: list[Row] = []
    skipped: list[str] = []
    for number, line in enumerate(lines, first):
        if not line.strip():
            continue
        try:
            work = orjson.loads(line)
            record = kept(work) if isinstance(work, dict) else None
        except (orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
            record = None  # not JSON, or a Work whose parts have the wrong types (a string for an object)
        if record is None:
            skipped.append(f"{name}:{number}: not a work with an id and a title")
            continue
        doi = canonical_doi(str(record["doi"])) if record["doi"] else None
        title = str(record["title"])
        head = title_head(title)
        key, head_key = key_hash(title_key(title)), key_hash("".join(head)) if head else None
        rows.append((record["id"], record["updated_date"], doi, key, head_key, orjson.dumps(record)))
    return rows, skipped


def _write(connection: sqlite3.Connection, rows: list[Row]) -> None:
    connection.execute("BEGIN")
    # A work met again replaces the one kept only when it was updated later (partitions may come in
    # any order); equal dates keep the later line, as the snapshot index does.
    connection.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
        " updated=excluded.updated, doi=excluded.doi, title_hash=excluded.title_hash,"
        " head_hash=excluded.head_hash, record=excluded.record"
        " WHERE excluded.updated >= records.updated",
        rows,
    )
    connection.execute("COMMIT")


def record_reference(record: dict[str, Any]) -> Reference:
    """The work as a `Reference`: the API's conversion for published works, else its title,
    authors, year and identifiers (a preprint, a work without a venue)."""
    from bibnorm.resolvers.openalex import work_to_reference

    published = work_to_reference(record)
    arxiv = record.get("arxiv_id")
    if published is not None:
        return published.model_copy(update={"ids": published.ids.model_copy(update={"arxiv_id": arxiv})})
    year = record.get("publication_year")
    return Reference(
        title=" ".join(str(record["title"]).split()),
        authors=tuple(
            parse_name(str(a["author"]["display_name"]))
            for a in record.get("authorships") or ()
            if a["author"].get("display_name")
        ),
        issued=PartialDate(year=int(year)) if isinstance(year, int) else None,
        entry_type="preprint" if arxiv or record.get("type") == "preprint" else "misc",
        ids=Identifiers(doi=canonical_doi(str(record["doi"])) if record.get("doi") else None, arxiv_id=arxiv),
    )


def record_notices(record: dict[str, Any]) -> tuple[Notice, ...]:
    if not record.get("is_retracted"):
        return ()
    return (Notice(kind="retraction", label="Retracted", source=SOURCE),)


class OpenAlexWorks:
    """The index, read-only: records by DOI and by title key."""

    def __init__(self, path: Path) -> None:
        self.connection = open_read_only(path, what=WHAT, kind=KIND, schema_version=SCHEMA_VERSION)

    def close(self) -> None:
        self.connection.close()

    def complete_as_of(self) -> date | None:
        """The date of the full snapshot the index was built from (`complete_as_of`), or None
        when it may hold only part of OpenAlex: then its silence proves nothing."""
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'complete_as_of'").fetchone()
        return date.fromisoformat(row[0]) if row else None

    def by_doi(self, doi: str) -> list[dict[str, Any]]:
        doi = canonical_doi(doi) or doi
        rows = self.connection.execute(
            "SELECT record FROM records WHERE doi = ? ORDER BY id", (doi,)
        ).fetchall()
        return [orjson.loads(row[0]) for row in rows]

    def by_title(self, title: str) -> list[dict[str, Any]]:
        key = title_key(title)
        rows = self.connection.execute(
            "SELECT record FROM records WHERE title_hash = ? ORDER BY id", (key_hash(key),)
        ).fetchall()
        records = [orjson.loads(row[0]) for row in rows]
        return [record for record in records if title_key(str(record["title"])) == key]

    def by_subtitle_variant(self, title: str) -> list[dict[str, Any]]:
        """The records whose title is ``title`` with a subtitle added (``title`` is their
        `title_head`) or left out (their title is ``title``'s head): the citations that differ
        from a paper's title only so (`bibnorm.verify.identity.title_variant`)."""
        key = title_key(title)
        rows = self.connection.execute(
            "SELECT record FROM records WHERE head_hash = ? ORDER BY id", (key_hash(key),)
        ).fetchall()
        records = [orjson.loads(row[0]) for row in rows]
        found = [record for record in records if "".join(title_head(str(record["title"]))) == key]
        head = title_head(title)
        return found + (self.by_title(" ".join(head)) if head else [])

    def titles_near(self, title: str, text: str) -> list[dict[str, Any]]:
        """The records whose title the printed reference ``text``, which a reader took ``title``
        from, carries where the title was read: starting where the words read start and ending
        at another word (the reader cut the title short at a question mark, a quotation, a
        colon), starting just after them (it took a fragment of the names for the title) or ending
        just before them (it took the title for names and the venue for the title):
        `bibnorm.text.printed.title_misread` holds of each record found."""
        printed = PrintedText(text)
        read = printed.find(title)
        if read is None:
            return []
        # Runs over the words read and past them, from just after them or to just before them:
        # never one the words read run past ("Attention Is All You Need" in "… Need in Speech
        # Separation").
        longer = (key for key in printed.runs_from(read.start) if len(key) > read.end - read.start)
        keys = {*longer, *printed.runs_from(read.end), *printed.runs_to(read.start)}
        found = []
        for batch in _batched(sorted(keys), 500):
            rows = self.connection.execute(
                f"SELECT record FROM records WHERE title_hash IN ({','.join('?' * len(batch))}) ORDER BY id",
                [key_hash(key) for key in batch],
            ).fetchall()
            records = [orjson.loads(row[0]) for row in rows]
            found += [record for record in records if title_key(str(record["title"])) in keys]
        return sorted(found, key=lambda record: str(record["id"]))


def _batched(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
