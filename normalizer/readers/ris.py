"""RIS: the tagged export of EndNote, Zotero, Mendeley and most publishers (via ``rispy``).

Each ``TY - … ER -`` record gives ``title`` (TI/T1), ``authors`` (AU/A1), ``year``
(PY/Y1/DA), ``doi`` (DO), ``urls`` (UR), ``id`` (ID), the type (TY) and the publisher, a
thesis's school (PB).
"""

from __future__ import annotations

import re

from normalizer.errors import InputError
from normalizer.models import Origin, Query
from normalizer.readers._exports import BIBTEX_TYPES, item_query
from normalizer.readers.base import LineCounter, Reader

_TAG = re.compile(r"^(TY|TI|T1|AU|A1|PY|DO|ER)  -", re.MULTILINE)
_START = re.compile(r"^TY  -", re.MULTILINE)


def read_ris(text: str, path: str) -> list[Query]:
    import rispy  # local: detection imports every reader, and only RIS input needs rispy

    try:
        records = rispy.loads(text)
    except Exception as error:  # rispy raises plain IOError/ValueError subclasses on malformed input
        raise InputError(f"{path}: not readable as RIS ({error})") from None
    line_of = LineCounter(text)
    starts = [line_of(m.start()) for m in _START.finditer(text)]
    queries = []
    for number, record in enumerate(records):
        urls = record.get("urls") or []
        queries.append(
            item_query(
                number,
                Origin(path=path, line=starts[number] if number < len(starts) else 1),
                title=record.get("title") or record.get("primary_title"),
                names=[*(record.get("authors") or []), *(record.get("first_authors") or [])],
                year_text=str(record.get("year") or record.get("publication_year") or ""),
                doi_text=record.get("doi"),
                texts_with_ids=[*urls, str(record.get("notes") or "")],
                key=record.get("id"),
                raw=str(record.get("title") or record.get("primary_title") or ""),
                venue=record.get("secondary_title")
                or record.get("journal_name")
                or record.get("alternate_title3"),
                entry_type=BIBTEX_TYPES.get(str(record.get("type_of_reference") or ""), "misc"),
                publisher=str(record.get("publisher") or "") or None,
            )
        )
    return queries


READER = Reader(
    name="ris",
    description="RIS (EndNote, Zotero, Mendeley exports): title, authors, year, DOI, URLs",
    read=read_ris,
    suffixes=(".ris",),
    sniff=lambda text: len(_TAG.findall(text[:20000])) >= 2 and _START.search(text) is not None,
)
