"""arXiv metadata snapshot lines → index rows → `Reference`s.

The one place raw snapshot dicts are read (STYLE.md: wire formats are converted at the
edge). A snapshot line is one JSON object in the Kaggle "arXiv Dataset" format:
``id, submitter, authors, title, comments, journal-ref, doi, report-no, categories,
license, abstract, versions[{version, created}], update_date, authors_parsed``.
Any field but ``id`` and ``title`` may be missing or ``null``; titles, abstracts and
comments are hard-wrapped; ``versions[].created`` is an RFC 1123 date.

Rows keep only what a `Reference` needs, already cleaned (whitespace collapsed,
dates as ISO days), so turning a row into a `Reference` at lookup time is cheap.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from email.utils import parsedate
from typing import Any

from normalizer.identifiers import canonical_doi
from normalizer.matching import title_key, title_words
from normalizer.models import Identifiers, PartialDate, Person, Reference
from normalizer.names import parse_name, person_from_parts, split_authors

SOURCE = "snapshot"

_DOI_SEPARATORS = re.compile(r"[\s,;]+")
_VERSION = re.compile(r"v?(\d+)", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}

# The columns `reference_from_row` reads, in the order `Row.values` writes them.
ROW_COLUMNS = (
    "arxiv_id",
    "title",
    "title_key",
    "authors",
    "abstract",
    "versions",
    "categories",
    "doi",
    "journal_ref",
    "comments",
)


class BadRecordError(ValueError):
    """A snapshot line that cannot become a record; ``str()`` says why, for the build report."""


@dataclass(frozen=True, slots=True)
class Row:
    """One record as the index stores it.

    ``authors`` is JSON: the ``[last, first, suffix]`` lists as the line's
    ``authors_parsed`` gave them (whitespace is cleaned on reading), else the raw
    author string with whitespace collapsed. ``versions`` is JSON
    ``[[number, "YYYY-MM-DD" | null], ...]`` in the line's order. ``dois`` holds every
    DOI the line named (``doi`` the first of them); ``words`` is the title's words
    for the full-text index.
    """

    arxiv_id: str
    title: str
    title_key: str
    words: str
    authors: str | None
    abstract: str | None
    versions: str | None
    categories: str | None
    dois: tuple[str, ...]
    journal_ref: str | None
    comments: str | None

    def values(self) -> tuple[str | None, ...]:
        """The row's values in `ROW_COLUMNS` order."""
        return (
            self.arxiv_id,
            self.title,
            self.title_key,
            self.authors,
            self.abstract,
            self.versions,
            self.categories,
            self.dois[0] if self.dois else None,
            self.journal_ref,
            self.comments,
        )


def collapse(value: Any) -> str | None:
    """A string field with hard wraps and runs of spaces collapsed; ``None`` when empty or not text."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def fts_words(title: str) -> str:
    """The text the full-text index holds for a title: its comparison words, space-separated."""
    return " ".join(title_words(title))


def row_from_line(line: bytes | str) -> Row:
    """Parse one snapshot line; raises `BadRecordError` when it is not a usable record."""
    try:
        record = json.loads(line)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise BadRecordError(f"not valid JSON ({error.__class__.__name__})") from None
    if not isinstance(record, dict):
        raise BadRecordError(f"not a JSON object but {type(record).__name__}")
    return row_from_record(record)


def row_from_record(record: dict[str, Any]) -> Row:
    """Turn one decoded snapshot object into a `Row`; raises `BadRecordError` without id or title."""
    arxiv_id = collapse(record.get("id"))
    if arxiv_id is None or " " in arxiv_id:
        raise BadRecordError("no usable 'id'")
    title = collapse(record.get("title"))
    if title is None:
        raise BadRecordError(f"{arxiv_id}: no 'title'")
    return Row(
        arxiv_id=arxiv_id,
        title=title,
        title_key=title_key(title),
        words=fts_words(title),
        authors=_authors_json(record.get("authors_parsed"), record.get("authors")),
        abstract=collapse(record.get("abstract")),
        versions=_versions_json(record.get("versions")),
        categories=collapse(record.get("categories")),
        dois=_dois(record.get("doi")),
        journal_ref=collapse(record.get("journal-ref")),
        comments=collapse(record.get("comments")),
    )


def _authors_json(parsed: Any, raw: Any) -> str | None:
    # authors_parsed is kept as given (cleaned only when a record is read back, which is
    # rare next to building); a fourth element, when present, is an affiliation.
    if isinstance(parsed, list) and parsed and all(isinstance(item, list) and item for item in parsed):
        return json.dumps([item[:3] for item in parsed], ensure_ascii=False, separators=(",", ":"))
    text = collapse(raw)
    return None if text is None else json.dumps(text, ensure_ascii=False)


def _versions_json(versions: Any) -> str | None:
    if not isinstance(versions, list):
        return None
    out: list[list[Any]] = []
    for position, item in enumerate(versions, start=1):
        if not isinstance(item, dict):
            continue
        match = _VERSION.fullmatch(str(item.get("version") or "").strip())
        number = int(match[1]) if match else position
        out.append([number, _iso_day(item.get("created"))])
    return json.dumps(out, separators=(",", ":")) if out else None


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


def version_numbers(versions_json: str | None) -> tuple[int, ...]:
    """The version numbers a stored ``versions`` value lists (empty when unknown)."""
    if not versions_json:
        return ()
    return tuple(number for number, _ in json.loads(versions_json))


def reference_from_row(row: sqlite3.Row) -> Reference:
    """Rebuild the `Reference` a stored row describes; every filled field has provenance "snapshot"."""
    fields: dict[str, Any] = {"title": row["title"]}
    authors = _authors(row["authors"])
    if authors:
        fields["authors"] = authors
    for column, field in (("abstract", "abstract"), ("journal_ref", "journal_ref"), ("comments", "comment")):
        if row[column]:
            fields[field] = row[column]
    if row["categories"]:
        categories = tuple(row["categories"].split())
        fields["categories"] = categories
        fields["primary_class"] = categories[0]

    ids: dict[str, Any] = {"arxiv_id": row["arxiv_id"]}
    if row["doi"]:
        ids["doi"] = row["doi"]
    if row["versions"]:
        versions = json.loads(row["versions"])
        ids["arxiv_version"] = max(number for number, _ in versions)
        first = next((day for number, day in versions if number == 1), versions[0][1])
        if first:
            year, month, day = (int(part) for part in first.split("-"))
            fields["first_version"] = PartialDate(year=year, month=month, day=day)
            fields["issued"] = PartialDate(year=year, month=month)

    provenance = {name: SOURCE for name in fields}
    provenance.update({f"ids.{name}": SOURCE for name in ids})
    return Reference(ids=Identifiers(**ids), provenance=provenance, **fields)


def _authors(stored: str | None) -> tuple[Person, ...]:
    if not stored:
        return ()
    value = json.loads(stored)
    if isinstance(value, list):
        people = []
        for item in value:
            last, first, suffix = (collapse(part) or "" for part in (*item, "", "")[:3])
            if last or first:
                people.append(person_from_parts(last, first, suffix))
        return tuple(people)
    return tuple(parse_name(name) for name in split_authors(value))
