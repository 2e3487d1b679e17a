"""arXiv metadata snapshot lines → index rows → `Reference`s.

The one place raw snapshot dicts are read (STYLE.md: wire formats are converted at the
edge). A snapshot line is one JSON object in the Kaggle "arXiv Dataset" format:
``id, submitter, authors, title, comments, journal-ref, doi, report-no, categories,
license, abstract, versions[{version, created}], update_date, authors_parsed``.
Any field but ``id`` and ``title`` may be missing or ``null``; titles, abstracts and
comments are hard-wrapped; ``versions[].created`` is an RFC 1123 date.

The build's hot path does the least it can per line (orjson, no pydantic): a `Row` holds
what lookups search by (the id, the title, its key and words, the DOIs) and the rest of the
line, which the index stores compressed as it came but for what no reader needs (`_stored`).
Everything else (names, abstract, categories, comments) is cleaned by `reference_from_row`,
for the few records a lookup returns.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate
from functools import lru_cache
from typing import Any

import orjson
from bibnorm.identifiers import canonical_doi
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.text.months import MONTHS
from bibnorm.text.names import parse_name, person_from_parts, split_authors
from bibnorm.text.titles import title_words

SOURCE = "snapshot"

_DOI_SEPARATORS = re.compile(r"[\s,;]+")
_VERSION = re.compile(r"v?(\d+)", re.IGNORECASE)
_MONTHS = {month.abbreviation: number for number, month in enumerate(MONTHS, 1)}  # "Jan" → 1 (months.json)


class BadRecordError(ValueError):
    """A snapshot line that cannot become a record; ``str()`` says why, for the build report."""


@dataclass(frozen=True, slots=True)
class Row:
    """One record as the index stores it, before compression: what lookups search by (``key``
    the title key, ``words`` the title's words for the full-text index, ``dois`` every DOI the
    line named) and ``record``, the rest of the line as JSON (`_stored`)."""

    arxiv_id: str
    title: str
    key: str
    words: str
    dois: tuple[str, ...]
    record: bytes


def collapse(value: Any) -> str | None:
    """A string field with hard wraps and runs of spaces collapsed; ``None`` when empty or not text."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def fts_words(title: str) -> str:
    """The text the full-text index holds for a title: its comparison words, space-separated."""
    return " ".join(title_words(title))


# A build meets every title once: the lookups' cache would only hold on to them.
_uncached_title_words: Callable[[str], tuple[str, ...]] = title_words.__wrapped__


def row_from_line(line: bytes) -> Row:
    """Parse one snapshot line; raises `BadRecordError` when it is not a usable record."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as error:  # bad UTF-8 too
        reason = "UnicodeDecodeError" if "utf-8" in str(error).lower() else "JSONDecodeError"
        raise BadRecordError(f"not valid JSON ({reason})") from None
    if not isinstance(record, dict):
        raise BadRecordError(f"not a JSON object but {type(record).__name__}")
    arxiv_id = collapse(record.get("id"))
    if arxiv_id is None or " " in arxiv_id:
        raise BadRecordError("no usable 'id'")
    title = collapse(record.get("title"))
    if title is None:
        raise BadRecordError(f"{arxiv_id}: no 'title'")
    words = _uncached_title_words(title)
    dois = _dois(record.get("doi"))
    return Row(arxiv_id, title, "".join(words), " ".join(words), dois, _stored(record))


# What the index's columns hold, or what no `Reference` reads.
_NOT_STORED = ("id", "title", "submitter", "license", "update_date", "report-no")


def _stored(record: dict[str, Any]) -> bytes:
    """The JSON the index keeps of a line (as `reference_from_row` reads it): the line's object
    without `_NOT_STORED`, without ``authors`` where ``authors_parsed`` names them all, and with
    ``versions`` as ``[[number, "YYYY-MM-DD" | null], ...]``: 15 % fewer bytes compressed, at a
    few microseconds a line."""
    for name in _NOT_STORED:
        record.pop(name, None)
    if isinstance(_authors(record.get("authors_parsed"), None), list):
        record.pop("authors", None)  # the parsed names are read, never this
    if "versions" in record:
        record["versions"] = _versions(record["versions"])
    return orjson.dumps(record)


def _authors(parsed: Any, raw: Any) -> list[Any] | str | None:
    # authors_parsed as given (whitespace is cleaned by `_person`); a fourth element, when
    # present, is an affiliation.
    if isinstance(parsed, list) and parsed:
        people: list[Any] = []
        for item in parsed:
            if not isinstance(item, list) or not item:
                return collapse(raw)
            people.append(item if len(item) <= 3 else item[:3])
        return people
    return collapse(raw)


def _versions(versions: Any) -> list[list[Any]] | None:
    if not isinstance(versions, list):
        return None
    out: list[list[Any]] = []
    for position, item in enumerate(versions, start=1):
        if not isinstance(item, dict):
            continue
        version = item.get("version")
        if isinstance(version, str) and version[:1] == "v" and version[1:].isdigit():
            number = int(version[1:])  # "v2", as every snapshot line writes it
        else:
            match = _VERSION.fullmatch(str(version or "").strip())
            number = int(match[1]) if match else position
        out.append([number, _iso_day(item.get("created"))])
    return out or None


def _iso_day(created: Any) -> str | None:
    if not isinstance(created, str):
        return None
    # RFC 1123 ("Mon, 2 Apr 2007 19:18:42 GMT") as every snapshot writes it, read directly
    # because email.utils.parsedate is a tenth of the build time; anything else goes to it.
    parts = created.split()
    if len(parts) >= 4 and parts[1].isdigit() and parts[2] in _MONTHS and parts[3].isdigit():
        year, month, day = int(parts[3]), _MONTHS[parts[2]], int(parts[1])
    else:
        parsed = parsedate(created)
        if parsed is None:
            return None
        year, month, day = parsed[:3]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _dois(value: Any) -> tuple[str, ...]:
    if not isinstance(value, str):
        return ()
    # Several DOIs are written space-separated ("10.1364/JOSAA.23.002578 10.1364/JOSAA.32.002407").
    found = (canonical_doi(token) for token in _DOI_SEPARATORS.split(value) if token)
    return tuple(dict.fromkeys(doi for doi in found if doi))


def doi_lookup_key(doi: str) -> str:
    """DOIs are case-insensitive: the form both the index and lookups compare."""
    return doi.casefold()


Decompress = Callable[[bytes], bytes]


def decode_record(row: sqlite3.Row, decompress: Decompress) -> dict[str, Any]:
    """What a stored row keeps of its snapshot line (`_stored`), decompressed and decoded."""
    record: dict[str, Any] = orjson.loads(decompress(row["record"]))
    return record


def version_numbers(record: dict[str, Any]) -> tuple[int, ...]:
    """The version numbers a decoded record lists (empty when unknown)."""
    versions = record.get("versions")
    return tuple(number for number, _ in versions) if versions else ()


def reference_from_row(row: sqlite3.Row, decompress: Decompress) -> Reference:
    """Rebuild the `Reference` a stored row describes; every filled field has provenance "snapshot"."""
    record = decode_record(row, decompress)
    fields: dict[str, Any] = {"title": row["title"]}
    authors = _people(_authors(record.get("authors_parsed"), record.get("authors")))
    if authors:
        fields["authors"] = authors
    for field, name in (("abstract", "abstract"), ("journal_ref", "journal-ref"), ("comment", "comments")):
        value = collapse(record.get(name))
        if value:
            fields[field] = value
    categories_value = collapse(record.get("categories"))
    if categories_value:
        categories = tuple(categories_value.split())
        fields["categories"] = categories
        fields["primary_class"] = categories[0]

    ids: dict[str, Any] = {"arxiv_id": row["arxiv_id"]}
    dois = _dois(record.get("doi"))
    if dois:
        ids["doi"] = dois[0]
    versions = record.get("versions")  # as `_versions` made them at build time
    if versions:
        ids["arxiv_version"] = max(number for number, _ in versions)
        first = next((day for number, day in versions if number == 1), versions[0][1])
        if first:
            year, month, day = (int(part) for part in first.split("-"))
            fields["first_version"] = PartialDate(year=year, month=month, day=day)
            fields["issued"] = PartialDate(year=year, month=month)

    provenance = {name: SOURCE for name in fields}
    provenance.update({f"ids.{name}": SOURCE for name in ids})
    return Reference(ids=Identifiers(**ids), provenance=provenance, **fields)


# Names recur across the records a run reads (co-authors, prolific authors, the same record
# offered for several titles), and parsing one costs tens of microseconds; `Person` is
# immutable, so one parse serves them all. 16,384 entries are a few MB.
@lru_cache(maxsize=16_384)
def _person(last: str, first: str = "", suffix: str = "") -> Person | None:
    last, first, suffix = (" ".join(part.split()) for part in (last, first, suffix))
    return person_from_parts(last, first, suffix) if last or first else None


def _people(value: list[Any] | str | None) -> tuple[Person, ...]:
    if not value:
        return ()
    if isinstance(value, list):
        people = (
            _person(*(part if isinstance(part, str) else "" for part in item[:3]))
            for item in value
            if isinstance(item, list)
        )
        return tuple(person for person in people if person is not None)
    return tuple(parse_name(name) for name in split_authors(value))
