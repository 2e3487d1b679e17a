"""CSL-JSON: the bibliography format of Zotero, Better BibTeX, pandoc and citeproc.

A JSON array of items (or ``{"items": [...]}``) with ``title``, ``author`` (``family`` /
``given`` / ``literal``), ``issued`` (``date-parts`` or ``raw``/``literal``), ``DOI``,
``URL``, ``number`` and ``id``/``citation-key``. JSON that is not CSL-JSON is not read
here; it is refused with one line before any request (`_unreadable`).
"""

from __future__ import annotations

import json
from typing import Any

from bibnorm.errors import InputError
from bibnorm.models import Origin, PartialDate, Person, Query
from bibnorm.readers._exports import BIBTEX_TYPES, first_text, item_origin, item_query
from bibnorm.readers.base import Reader, user_fields
from bibnorm.safejson import TooDeepError, loads
from bibnorm.text.months import month_number, year_first_date
from bibnorm.text.tex_math import rich_text_to_plain

_FIELDS_WITH_IDS = ("URL", "number", "note", "archive_location")


def csl_json_items(text: str) -> list[dict[str, Any]] | None:
    """The items of a CSL-JSON text, one per `Query` `read_csl_json` reads; None for text that
    is not CSL-JSON."""
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
    if not any(key in item for item in data for key in _CSL_KEYS):
        return None  # another program's JSON of titles: its names and years would be lost unsaid
    return data


# What every CSL-JSON export has in some item: its type, names, date, key, container or ids, as
# CSL spells them (another program's JSON has "authors", "year", "container_title", "url")
_CSL_KEYS = ("type", "author", "editor", "issued", "citation-key", "container-title", "DOI", "URL")


# A CSL name's parts in the order a name is written given name first ("Peter van Inwagen",
# "Alan de Brauw", "Roman E. Ramirez Jr."): its particles are its own, and so is a suffix.
_NAME_PARTS = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix", "literal")


def _why_not(text: str) -> str:
    """Why ``text`` is no CSL-JSON, in a few words: the place JSON's syntax breaks (a file cut
    off: "not valid JSON at line 111, column 30: Expecting ',' delimiter"), else its shape."""
    try:
        loads(text)
    except TooDeepError:
        return "not CSL-JSON (nested too deeply)"
    except json.JSONDecodeError as error:
        return f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except ValueError as error:
        return f"not valid JSON: {error}"
    return "not CSL-JSON (a JSON array of items with titles and CSL's type, author or issued fields)"


def _people(item: dict[str, Any], role: str) -> tuple[Person, ...]:
    """The item's persons in ``role`` ("author", "editor") as `Person`, their parts as CSL gives
    them (a particle CSL drops before the family name is the name's particle too)."""
    people = []
    for person in item.get(role) or []:
        if not isinstance(person, dict):
            continue
        part = {name: " ".join(str(person.get(name) or "").split()) for name in _NAME_PARTS}
        particle = " ".join(filter(None, (part["dropping-particle"], part["non-dropping-particle"])))
        if part["family"] or part["literal"]:
            people.append(
                Person(
                    given=part["given"],
                    family=part["family"],
                    particle=particle,
                    suffix=part["suffix"],
                    literal=part["literal"],
                )
            )
        elif part["given"]:
            people.append(Person(literal=part["given"]))  # a one-word name ("Plato")
    return tuple(people)


def _names(item: dict[str, Any]) -> list[str]:
    names = []
    for person in item.get("author") or []:
        if isinstance(person, dict):
            names.append(" ".join(str(person.get(part) or "") for part in _NAME_PARTS))
    return names


def _issued(item: dict[str, Any]) -> tuple[str | None, str | None]:
    """The year and the month of the item's ``issued`` date-parts (``[[2019, 11, 4]]``) as text,
    else its raw or literal date for both (a year and a month `month_number` reads in it)."""
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return None, None
    if parts := _first_date_parts(issued):
        return str(parts[0]), str(parts[1]) if len(parts) > 1 else None
    raw = str(issued.get("raw") or issued.get("literal") or "") or None
    return raw, raw if not issued.get("date-parts") else None


def _first_date_parts(date: dict[str, Any]) -> list[Any]:
    """A CSL date's first date-parts (``[2019, 11, 4]`` of ``[[2019, 11, 4]]``), empty for none."""
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        return parts[0]
    return []


def _accessed(item: dict[str, Any]) -> PartialDate | None:
    """The day the item's link was read: its ``accessed`` date-parts, else its raw date."""
    accessed = item.get("accessed")
    if not isinstance(accessed, dict):
        return None
    if parts := _first_date_parts(accessed):
        return year_first_date("-".join(str(part) for part in parts[:3]))
    return year_first_date(str(accessed.get("raw") or ""))


def _a_book(item: dict[str, Any]) -> bool:
    """A book, whose ``collection-number`` is its number in its series (a record's ``number``)."""
    return item.get("type") == "book" and bool(first_text(item, "collection-number"))


def _query(number: int, origin: Origin, item: dict[str, Any]) -> Query:
    # CSL's rich-text tags are markup, not words: bibnorm's writer puts math and case protection in them.
    title = first_text(item, "title")
    year, month = _issued(item)
    return item_query(
        number,
        origin,
        title=rich_text_to_plain(title) if title else title,
        names=_names(item),
        year_text=year,
        doi_text=first_text(item, "DOI"),
        texts_with_ids=[first_text(item, field) or "" for field in _FIELDS_WITH_IDS],
        key=first_text(item, "citation-key", "id"),
        raw=first_text(item, "title", "id") or "",
        venue=first_text(item, "container-title"),
        entry_type=BIBTEX_TYPES.get(first_text(item, "type") or "", "misc"),
        publisher=first_text(item, "publisher"),
        numbers={
            "volume": first_text(item, "volume"),
            "number": first_text(item, "issue"),
            "pages": first_text(item, "page"),
        },
        more={
            "own_type": first_text(item, "type"),
            "authors": _people(item, "author"),
            "editors": _people(item, "editor"),
            "translators": _people(item, "translator"),
            "month": month_number(month),
            "edition": first_text(item, "edition"),
            "isbn": first_text(item, "ISBN"),
            **({"number": first_text(item, "collection-number")} if _a_book(item) else {}),
            "address": first_text(item, "publisher-place"),
            "series": first_text(item, "collection-title"),
            "genre": first_text(item, "genre"),
            "url": first_text(item, "URL"),
            "user_fields": user_fields(
                note=first_text(item, "note"),
                keywords=first_text(item, "keyword") or (),
                abstract=first_text(item, "abstract"),
                issn=first_text(item, "ISSN"),
                accessed=_accessed(item),
            ),
        },
    )


def read_csl_json(text: str, path: str) -> list[Query]:
    items = csl_json_items(text)
    if items is None:
        raise InputError(f"{path}: {_why_not(text)}")
    line_starts = [n for n, line in enumerate(text.splitlines(), start=1) if '"title"' in line]
    return [_query(number, item_origin(path, line_starts, number), item) for number, item in enumerate(items)]


READER = Reader(
    name="csl-json",
    description="CSL-JSON (Zotero, Better BibTeX, pandoc): title, authors, year, DOI, URL, key",
    read=read_csl_json,
    suffixes=(".json",),
    sniff=lambda text: text.lstrip()[:1] in "[{" and csl_json_items(text) is not None,
)
