"""The local Retraction Watch index: retractions, corrections and expressions of concern by DOI.

Retraction Watch's data (open through Crossref since 2023: ``retraction_watch.csv``, one row a
notice, the columns its README documents) is streamed into an SQLite file of the rows that name
the original paper's DOI: that DOI, the notice's kind (``RetractionNature`` in Crossref's words:
``retraction``, ``correction``, ``expression_of_concern``; reinstatements are not kept, as they
end a notice rather than make one), the notice's DOI and date. Written by `_index.build_file`
(a killed build leaves the old index). `RetractionWatch.notices` answers for one DOI.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from bibnorm.errors import InputError
from bibnorm.identifiers import canonical_doi
from bibnorm.models import Notice, PartialDate
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._index import BULK_LOAD_PRAGMAS, BuildCounts, build_file, open_read_only, seal

KIND = "retraction-watch"
SCHEMA_VERSION = 1
WHAT = "Retraction Watch index"
SOURCE = "retraction-watch"
HEADER_START = "Record ID,Title,"
NATURES = {
    "retraction": "retraction",
    "correction": "correction",
    "expression of concern": "expression_of_concern",
}


def is_retraction_watch(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            start = handle.read(len(HEADER_START) + 3)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").startswith(HEADER_START.encode())


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """The file's rows; `InputError` naming the line for one the csv module cannot read (a field
    over its 128K-character limit, a NUL)."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        line = 1  # the header's; each row is one line (the file quotes no line breaks)
        try:
            for row in csv.DictReader(handle):
                line += 1
                yield row
        except csv.Error as error:
            raise InputError(
                f"{path}:{line + 1}: not a Retraction Watch row ({error}). No index was written"
            ) from None


def _date(text: str) -> PartialDate | None:
    """``8/16/2023 0:00`` (month/day/year, as the file writes it)."""
    parts = text.split(" ", 1)[0].split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    month, day, year = (int(p) for p in parts)
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        return None


def build_retraction_index(
    files: Sequence[Path], output: Path, progress: Progress = NO_PROGRESS
) -> BuildCounts:
    stats = BuildCounts()
    started = time.monotonic()

    def load(connection: sqlite3.Connection) -> None:
        connection.executescript(
            BULK_LOAD_PRAGMAS + "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE records (doi TEXT, kind TEXT, notice_doi TEXT, date TEXT, record_id TEXT);"
        )
        progress.start("retraction watch", len(files), "files")
        connection.execute("BEGIN")
        for path in files:
            for number, row in enumerate(_rows(path), 2):
                doi = canonical_doi(row.get("OriginalPaperDOI") or "")
                kind = NATURES.get((row.get("RetractionNature") or "").strip().lower())
                if doi is None or kind is None:
                    stats.skip(f"{path.name}:{number}: no original DOI or not a notice")
                    continue
                when = _date(row.get("RetractionDate") or "")
                connection.execute(
                    "INSERT INTO records VALUES (?, ?, ?, ?, ?)",
                    (doi.casefold(), kind, canonical_doi(row.get("RetractionDOI") or ""),
                     when.iso() if when else None, row.get("Record ID")),
                )  # fmt: skip
                stats.records += 1
            progress.advance()
        connection.execute("COMMIT")
        progress.finish()
        connection.executescript("CREATE INDEX records_doi ON records (doi);")
        seal(connection, KIND, stats.records, SCHEMA_VERSION)

    build_file(output, load, what=WHAT)
    stats.seconds = time.monotonic() - started
    return stats


class RetractionWatch:
    """The index, read-only."""

    def __init__(self, path: Path) -> None:
        self.connection = open_read_only(path, what=WHAT, kind=KIND, schema_version=SCHEMA_VERSION)

    def close(self) -> None:
        self.connection.close()

    def notices(self, doi: str) -> tuple[Notice, ...]:
        key = (canonical_doi(doi) or doi).casefold()
        rows = self.connection.execute(
            "SELECT kind, notice_doi, date FROM records WHERE doi = ? ORDER BY date, record_id", (key,)
        ).fetchall()
        return tuple(
            Notice(kind=kind, doi=notice_doi, date=_iso(date), source=SOURCE)
            for kind, notice_doi, date in rows
        )


def _iso(text: str | None) -> PartialDate | None:
    if not text:
        return None
    year, month, day = (int(part) for part in text.split("-"))
    return PartialDate(year=year, month=month, day=day)


__all__ = ["RetractionWatch", "build_retraction_index", "is_retraction_watch"]
