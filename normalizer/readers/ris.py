"""RIS: the tagged export of EndNote, Zotero, Mendeley and most publishers (via ``rispy``).

Each ``TY - … ER -`` record gives ``title`` (TI/T1), ``authors`` (AU/A1), ``year``
(PY/Y1/DA), ``doi`` (DO), ``urls`` (UR; rispy splits ``a; b`` and repeated lines alike), ``id``
(ID), the venue (T2, JO, JF), the type (TY: RIS's codes, or the spelled-out names EndNote
writes, ``Journal Article``) and the publisher, a thesis's school (PB). A UTF-8 BOM before the
first record is dropped (rispy's ``loads`` would find no record behind it); record numbers
(``1.``) and continuation lines are rispy's to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bibnorm.errors import InputError
from bibnorm.io import LineCounter
from bibnorm.models import Origin, Query, UserFields
from bibnorm.readers._exports import BIBTEX_TYPES, first_text, item_origin, item_query
from bibnorm.readers.base import Reader, user_fields
from bibnorm.text.months import month_number, year_first_date
from bibnorm.text.names import parse_name
from bibnorm.text.word_tables import item_types

RIS_TAG = re.compile(r"^(TY|TI|T1|AU|A1|PY|DO|ER)  -", re.MULTILINE)  # type, title, authors, year, DOI, end
_START = re.compile(r"^TY  -", re.MULTILINE)
# EndNote's reference type names, as its RIS exports spell them in TY instead of RIS's codes
# (item-types.json).
_ENDNOTE_TYPES = item_types().endnote


def _entry_type(ris_type: str) -> str:
    return BIBTEX_TYPES.get(ris_type) or _ENDNOTE_TYPES.get(ris_type.strip().casefold(), "misc")


def _query(number: int, origin: Origin, record: dict[str, Any]) -> Query:
    entry_type = _entry_type(first_text(record, "type_of_reference") or "")
    return item_query(
        number,
        origin,
        title=first_text(record, "title", "primary_title"),
        names=[*(record.get("authors") or []), *(record.get("first_authors") or [])],
        year_text=first_text(record, "year", "publication_year", "date"),
        doi_text=record.get("doi"),
        texts_with_ids=[*(record.get("urls") or []), first_text(record, "notes") or ""],
        key=record.get("id"),
        raw=first_text(record, "title", "primary_title") or "",
        venue=first_text(record, "secondary_title", "journal_name", "alternate_title3"),
        entry_type=entry_type,
        publisher=first_text(record, "publisher"),
        numbers={
            "volume": first_text(record, "volume"),
            "number": first_text(record, "number"),
            "pages": _pages(record),
        },
        more=_own_fields(record, entry_type),
    )


def _own_fields(record: dict[str, Any], entry_type: str) -> dict[str, Any]:
    """What else the record says of its work (`OwnRecord`), its tags as Zotero's RIS translator
    writes them (RIS.js): a chapter's or paper's editors in A2, a book's in A3 and its series in
    T2 (a chapter's in T3), a report's number in SN (a journal's ISSN), the kind of thesis or
    report in M3; the user's keywords (KW), abstract (AB, N2) and day the link was read (Y2)."""
    book = entry_type == "book"
    editors = record.get("tertiary_authors" if book else "secondary_authors") or []
    fields: dict[str, Any] = {
        "own_type": first_text(record, "type_of_reference"),
        "editors": tuple(parse_name(name) for name in editors if isinstance(name, str))
        if book or entry_type in _IN_A_BOOK
        else (),
        "translators": tuple(
            parse_name(n) for n in record.get("subsidiary_authors") or [] if isinstance(n, str)
        ),
        "month": month_number(first_text(record, "date")),
        "edition": first_text(record, "edition"),
        "address": first_text(record, "place_published"),
        "series": first_text(record, "secondary_title" if book else "tertiary_title"),
        "genre": first_text(record, "type_of_work"),
        "url": next(iter(record.get("urls") or []), None),
        "user_fields": _users(record, entry_type),
    }
    if entry_type == "techreport":
        fields["number"] = first_text(record, "issn", "number")
    elif entry_type in ("book", "incollection"):
        fields["isbn"] = first_text(record, "issn")  # a book's SN is its ISBN (a report's, its number)
    return fields


_IN_A_BOOK = ("incollection", "inproceedings")


def _users(record: dict[str, Any], entry_type: str) -> UserFields | None:
    """The user's keywords, abstract, a journal's ISSN and the day the link was read. N1 is left
    out: Zotero reads it as the item's notes, the user's own and never printed."""
    return user_fields(
        keywords=[k for k in record.get("keywords") or [] if isinstance(k, str)],
        abstract=first_text(record, "abstract", "notes_abstract"),
        issn=first_text(record, "issn") if entry_type == "article" else None,
        accessed=year_first_date(first_text(record, "access_date")),
    )


def _pages(record: dict[str, Any]) -> str | None:
    """SP and EP as one range ("379–423"), or the first page alone."""
    first, last = first_text(record, "start_page"), first_text(record, "end_page")
    return f"{first}–{last}" if first and last and last != first else first


def _unended(text: str) -> int | None:
    """Where the last record starts when no ``ER`` line ends it (a file cut off inside it), which
    rispy would drop without a word; else None."""
    starts = list(_START.finditer(text))
    if not starts:
        return None
    last = starts[-1].start()
    return None if _END.search(text, last) else last


_END = re.compile(r"^ER  -", re.MULTILINE)


def read_ris(text: str, path: str) -> list[Query]:
    import rispy  # local: detection imports every reader, and only RIS input needs rispy

    text = text.removeprefix("\ufeff")
    if _unended(text) is not None:  # read to the end of the file, and said (`_describe`)
        text = f"{text.rstrip()}\nER  - \n"
    try:
        records = rispy.loads(text)
    except Exception as error:  # rispy raises plain IOError/ValueError subclasses on malformed input
        raise InputError(f"{path}: not readable as RIS ({error})") from None
    line_of = LineCounter(text)
    starts = [line_of(m.start()) for m in _START.finditer(text)]
    return [
        _query(number, item_origin(path, starts, number), record) for number, record in enumerate(records)
    ]


def ris_record_texts(text: str) -> list[str]:
    """Each record of a RIS text as written, its ``TY`` line to its ``ER`` line (a record no ``ER``
    line ends, to the next record or the file's end): one per `Query` `read_ris` reads, where
    rispy reads each ``TY`` line as a record."""
    text = text.removeprefix("\ufeff")
    starts = [match.start() for match in _START.finditer(text)]
    records = []
    for start, bound in zip(starts, [*starts[1:], len(text)], strict=True):
        end = _END.search(text, start, bound)
        stop = text.find("\n", end.start(), bound) if end else -1
        records.append(text[start : bound if stop < 0 else stop + 1])
    return records


def _describe(text: str, queries: Sequence[Query]) -> str | None:
    """A note for a file whose last record no ``ER`` line ends: read to the file's end."""
    start = _unended(text.removeprefix("\ufeff"))
    if start is None:
        return None
    line = LineCounter(text.removeprefix("\ufeff"))(start)
    return f"the last record (line {line}) has no ER line: read to the end of the file (was it cut off?)"


READER = Reader(
    name="ris",
    description="RIS (EndNote, Zotero, Mendeley exports): title, authors, year, DOI, URLs",
    read=read_ris,
    suffixes=(".ris",),
    describe=_describe,
    sniff=lambda text: (
        len(RIS_TAG.findall(text[:20000].removeprefix("\ufeff"))) >= 2
        and _START.search(text.removeprefix("\ufeff")) is not None
    ),
)
