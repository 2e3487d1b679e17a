"""Zotero libraries: the item JSON of Zotero's web API v3 and of its local API (Zotero 7+).

The one place a Zotero item becomes a `Query`. Its input is what ``GET …/users/0/items?format=json``
answers (a JSON array of ``{key, version, library, links, meta, data}``; `bibnorm.resolvers.zotero` fetches
it from a running Zotero, pages joined) or the same array saved to a file. The fields read are
``data``'s, named as Zotero's schema names them:

- ``itemType`` gives the BibTeX type (`ITEM_TYPES`, after Zotero's own BibTeX export translator);
  notes, attachments and annotations (child items) and items in the trash are skipped;
- ``title``; ``creators`` (``{creatorType, firstName, lastName}`` or ``{creatorType, name}``):
  the authors, else the primary creators of the item's type (a book's editors, a program's
  programmers), never the contributors or translators; ``date`` (free text: ``"May 01, 1980"``,
  ``"08/1993"``, ``"2021-03-04"``), its year;
- ``DOI``, ``url``, ``archiveID`` (a preprint's ``arXiv:2101.00001``) and ``extra``, where Zotero
  keeps what its schema has no field for: ``arXiv: 2101.00001``, ``DOI: 10.…`` for item types
  without a DOI field, and Better BibTeX's pinned ``Citation Key: …``;
- the venue (``publicationTitle``, ``proceedingsTitle``, ``bookTitle``, ``websiteTitle``,
  ``repository``) and the publisher, a thesis's ``university``, a report's ``institution``.

The citation key is Better BibTeX's when the caller has it (its JSON-RPC ``item.citationkey``,
asked by `bibnorm.resolvers.zotero`), else the ``Citation Key:`` line of ``extra``, else Zotero's own
``citationKey`` field (Zotero 7's schema has one); an item without any is keyed as ``verify`` keys
items of a reference list. The query's line is the item's position in the library (1 for the
first item read), since a library has no lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bibnorm.errors import InputError
from bibnorm.models import Origin, Person, Query
from bibnorm.readers._exports import item_query
from bibnorm.readers.base import Reader, user_fields
from bibnorm.safejson import loads
from bibnorm.text.months import month_number, year_first_date
from bibnorm.text.names import parse_name
from bibnorm.text.word_tables import item_types

# Zotero item type → BibTeX type, after Zotero's BibTeX export translator, with the types bibnorm's
# verify knows by their own rules (item-types.json); anything else is ``misc``.
ITEM_TYPES = item_types().zotero
SKIPPED_TYPES = frozenset({"note", "attachment", "annotation"})  # child items, never references
# Creator types that never stand for a work's authors (Zotero's schema, ``creatorTypes``).
_NOT_PRIMARY = frozenset(
    {"contributor", "translator", "seriesEditor", "reviewedAuthor", "bookAuthor", "commenter"}
)
_VENUE_FIELDS = ("publicationTitle", "proceedingsTitle", "bookTitle", "websiteTitle", "repository")
_PUBLISHER_FIELDS = ("publisher", "university", "institution")
# (Blanks before the name on its own line only: blank lines above it would be read again from
# each of their line starts. The value read is the same.)
_CITATION_KEY = re.compile(r"^[^\S\n]*Citation Key:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
_EXTRA_DOI = re.compile(r"^[^\S\n]*DOI:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
_MASTERS = re.compile(r"master|m\.\s?sc|msc|m\.a\.", re.IGNORECASE)


def parse_spec(spec: str) -> str | None:
    """``zotero:`` → None (the whole library); ``zotero:NAME`` → the collection's key or name."""
    rest = spec.split(":", 1)[1] if ":" in spec else ""
    return rest.strip() or None


def is_zotero_spec(text: str) -> bool:
    """Whether an input names a Zotero library (``zotero:`` or ``zotero:COLLECTION``), not a file."""
    return text.lower().startswith("zotero:")


def _items(text: str) -> list[dict[str, Any]] | None:
    """The library's item objects, or None when ``text`` is not Zotero's item JSON."""
    try:
        data = loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):  # one item, as ``GET …/items/<key>`` answers
        data = [data]
    if not isinstance(data, list) or not data:
        return None
    if not all(isinstance(item, dict) and isinstance(item.get("data"), dict) for item in data):
        return None
    if not all("itemType" in item["data"] and "key" in item for item in data):
        return None
    return data


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    return str(value).strip() if isinstance(value, str | int) else ""


def _person(creator: Mapping[str, Any]) -> str:
    """``"Family, Given"`` (as Zotero's BibTeX export writes it), or the single-field ``name``."""
    if _text(creator, "name"):
        return _text(creator, "name")
    family, given = _text(creator, "lastName"), _text(creator, "firstName")
    return f"{family}, {given}" if family and given else family or given


def _people(data: Mapping[str, Any]) -> list[str]:
    """The authors; a work with none is claimed by its primary creators, whatever its type calls
    them (a program's ``programmer``, an edited book's ``editor``), never by its contributors."""
    creators = [c for c in data.get("creators") or [] if isinstance(c, dict)]
    role = "author" if any(c.get("creatorType") == "author" for c in creators) else None
    if role is None:
        primary = [c for c in creators if c.get("creatorType") not in _NOT_PRIMARY]
        role = primary[0].get("creatorType") if primary else None
    return [_person(c) for c in creators if c.get("creatorType") == role and _person(c)]


def _entry_type(data: Mapping[str, Any]) -> str:
    item_type = _text(data, "itemType")
    if item_type == "thesis" and _MASTERS.search(_text(data, "thesisType")):
        return "mastersthesis"
    return ITEM_TYPES.get(item_type, "misc")


def citation_key(data: Mapping[str, Any], better_bibtex: Mapping[str, str]) -> str | None:
    """The item's citation key: Better BibTeX's, the ``Citation Key:`` line of ``extra``,
    Zotero's ``citationKey`` field; None when it has none."""
    key = better_bibtex.get(_text(data, "key"))
    if key:
        return key
    pinned = _CITATION_KEY.search(_text(data, "extra"))
    return pinned.group(1) if pinned else _text(data, "citationKey") or None


def item_to_query(number: int, data: Mapping[str, Any], path: str, better_bibtex: Mapping[str, str]) -> Query:
    """One Zotero item's ``data`` as a `Query` (``number``: 0-based among the items read)."""
    extra = _text(data, "extra")
    extra_doi = _EXTRA_DOI.search(extra)
    title = _text(data, "title")
    return item_query(
        number,
        Origin(path=path, line=number + 1),
        title=title,
        names=_people(data),
        year_text=_text(data, "date"),
        doi_text=_text(data, "DOI") or (extra_doi.group(1) if extra_doi else ""),
        texts_with_ids=[_text(data, "archiveID"), _text(data, "url"), extra],
        key=citation_key(data, better_bibtex),
        # The item as its key names it, never the bare title: a title that holds a year would
        # read as a whole reference string that could not be split (`verify.reading`).
        raw=f"{title} [Zotero item {_text(data, 'key')}]" if title else "",
        venue=next((_text(data, name) for name in _VENUE_FIELDS if _text(data, name)), None),
        entry_type=_entry_type(data),
        publisher=next((_text(data, name) for name in _PUBLISHER_FIELDS if _text(data, name)), None),
        more=_own_fields(data),
    )


def _own_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """What else the item says of its work (`OwnRecord`): editors, numbers, place, series, the
    kind of thesis or report, its URL (empty fields left out); the user's tags, abstract, the
    journal's ISSN and the day the link was read (`UserFields`; a child note is an item of its own)."""
    fields = {
        "volume": _text(data, "volume"),
        "number": _text(data, "issue") or _text(data, "reportNumber"),
        "pages": _text(data, "pages"),
        "address": _text(data, "place"),
        "series": _text(data, "series"),
        "genre": _text(data, "thesisType") or _text(data, "reportType"),
        "url": _text(data, "url"),
        "edition": _text(data, "edition"),
        "isbn": _text(data, "ISBN"),
        "month": month_number(_text(data, "date")),
        "own_type": _text(data, "itemType"),
    }
    own = user_fields(
        keywords=[
            t["tag"] for t in data.get("tags") or [] if isinstance(t, dict) and isinstance(t.get("tag"), str)
        ],
        abstract=_text(data, "abstractNote"),
        issn=_text(data, "ISSN"),
        accessed=year_first_date(_text(data, "accessDate")),
    )
    people = {"editors": _editors(data), "translators": _creators(data, "translator")}
    return people | {name: value for name, value in fields.items() if value} | {"user_fields": own}


def _editors(data: Mapping[str, Any]) -> tuple[Person, ...]:
    """The editors of a work that has authors (an edited book's editors are its authors: `_people`)."""
    creators = [c for c in data.get("creators") or [] if isinstance(c, dict)]
    if not any(c.get("creatorType") == "author" for c in creators):
        return ()
    return _creators(data, "editor")


def _creators(data: Mapping[str, Any], role: str) -> tuple[Person, ...]:
    creators = [c for c in data.get("creators") or [] if isinstance(c, dict)]
    return tuple(parse_name(_person(c)) for c in creators if c.get("creatorType") == role and _person(c))


def read_zotero(text: str, path: str, better_bibtex: Mapping[str, str] | None = None) -> list[Query]:
    """The references of a Zotero library's item JSON: one `Query` per regular item, in the
    order given; ``better_bibtex`` maps item keys to Better BibTeX citation keys."""
    items = _items(text)
    if items is None:
        raise InputError(f"{path}: not Zotero item JSON (an array of items with 'key' and 'data')")
    keys = better_bibtex or {}
    regular = [
        item["data"]
        for item in items
        if _text(item["data"], "itemType") not in SKIPPED_TYPES and not item["data"].get("deleted")
    ]
    return [item_to_query(number, data, path, keys) for number, data in enumerate(regular)]


READER = Reader(
    name="zotero",
    description="Zotero item JSON (web or local API, format=json): type, title, creators, date, ids, extra",
    read=read_zotero,
    suffixes=(".json",),  # shared with CSL-JSON: `detect_format` tells them apart by content
    sniff=lambda text: text.lstrip()[:1] in "[{" and _items(text) is not None,
)
