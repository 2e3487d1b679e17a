"""CSL-JSON: the bibliography format of Zotero, Better BibTeX, pandoc and citeproc.

A JSON array of items (or ``{"items": [...]}``) with ``title``, ``author`` (``family`` /
``given`` / ``literal``), ``issued`` (``date-parts`` or ``raw``/``literal``), ``DOI``,
``URL``, ``number`` and ``id``/``citation-key``. JSON that is not CSL-JSON is not read
here; it is refused with one line before any request (`_unreadable`).
"""

from __future__ import annotations

from typing import Any

from bibnorm.errors import InputError
from bibnorm.models import Origin, Query
from bibnorm.readers._exports import BIBTEX_TYPES, item_query
from bibnorm.readers.base import Reader
from bibnorm.safejson import loads

_FIELDS_WITH_IDS = ("URL", "number", "note", "archive_location")


def _items(text: str) -> list[dict[str, Any]] | None:
    try:
        data = loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = data.get("items")
    if not isinstance(data, list) or not data or not all(isinstance(item, dict) for item in data):
        return None
    if not all("title" in item or "type" in item for item in data):
        return None
    return data


def _names(item: dict[str, Any]) -> list[str]:
    names = []
    for person in item.get("author") or []:
        if isinstance(person, dict):
            names.append(" ".join(str(person.get(part) or "") for part in ("given", "family", "literal")))
    return names


def _year(item: dict[str, Any]) -> str | None:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])
        return str(issued.get("raw") or issued.get("literal") or "") or None
    return None


def read_csl_json(text: str, path: str) -> list[Query]:
    items = _items(text)
    if items is None:
        raise InputError(f"{path}: not CSL-JSON (a JSON array of items with titles)")
    queries = []
    line_starts = [n for n, line in enumerate(text.splitlines(), start=1) if '"title"' in line]
    for number, item in enumerate(items):
        queries.append(
            item_query(
                number,
                Origin(path=path, line=line_starts[number] if number < len(line_starts) else 1),
                title=str(item.get("title") or ""),
                names=_names(item),
                year_text=_year(item),
                doi_text=str(item.get("DOI") or ""),
                texts_with_ids=[str(item.get(field) or "") for field in _FIELDS_WITH_IDS],
                key=str(item.get("citation-key") or item.get("id") or ""),
                raw=str(item.get("title") or item.get("id") or ""),
                venue=str(item.get("container-title") or "") or None,
                entry_type=BIBTEX_TYPES.get(str(item.get("type") or ""), "misc"),
                publisher=str(item.get("publisher") or "") or None,
            )
        )
    return queries


READER = Reader(
    name="csl-json",
    description="CSL-JSON (Zotero, Better BibTeX, pandoc): title, authors, year, DOI, URL, key",
    read=read_csl_json,
    suffixes=(".json",),
    sniff=lambda text: text.lstrip()[:1] in "[{" and _items(text) is not None,
)
