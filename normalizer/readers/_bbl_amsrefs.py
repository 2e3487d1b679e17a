"""amsrefs' ``.bbl`` (the AMS's amsra, amsrn, amsrs, amsru, amsry styles): ``\\bib{key}{type}{…}``
items inside ``\\begin{biblist}``, each field given by name — ``author={Family, Given}`` once per
person, ``title={…}``, ``date={2013}``, ``journal={…}`` or ``booktitle={…}`` (or a ``book={…}`` or
``conference={…}`` group of fields of its own), ``doi={…}``, ``eprint={…}`` — so the fields are
read as written, none guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from bibnorm.readers._bbl_bibinfo import braced
from bibnorm.readers._bbl_biblatex import BblEntry
from bibnorm.readers.refs import _name_words
from bibnorm.text.titles import plain_text

_BIB_HEAD = re.compile(r"\\bib\*?\{([^{}\\]*)\}\{(\w+)\}\s*+\{")
_FIELD = re.compile(r"(?<![\w])(\w+)=\{")


def looks_like_amsrefs(text: str) -> bool:
    return "\\begin{biblist}" in text and _BIB_HEAD.search(text) is not None


def items(text: str) -> Iterator[BblEntry]:
    """Each ``\\bib`` item, in order."""
    position = 0
    while (head := _BIB_HEAD.search(text, position)) is not None:
        body = braced(text, head.end())
        if body is None:
            return
        yield _item(head.start(), head.group(1), head.group(2).lower(), body)
        position = head.end() + len(body) + 1


def _fields(body: str) -> dict[str, list[str]]:
    """Each top-level ``name={value}`` of ``body``, by name (a group's own fields not among them)."""
    fields: dict[str, list[str]] = defaultdict(list)
    position = 0
    while (field := _FIELD.search(body, position)) is not None:
        value = braced(body, field.end())
        if value is None:
            break
        fields[field.group(1).lower()].append(value)
        position = field.end() + len(value) + 1
    return fields


def _item(offset: int, key: str, entry_type: str, body: str) -> BblEntry:
    fields = _fields(body)
    within = {name: _fields(group[0]) for name in ("book", "conference") if (group := fields.get(name))}
    venue = next(
        iter(
            fields["journal"]
            or fields["booktitle"]
            or within.get("book", {}).get("title", [])
            or within.get("conference", {}).get("title", [])
        ),
        None,
    )
    year = re.search(r"\d{4}", " ".join(fields["date"] or fields["year"]))
    people = tuple(_plain(person) for person in fields["author"] or fields["editor"])  # "Family, Given"
    return BblEntry(
        offset=offset,
        key=key,
        entry_type=entry_type,
        title=_plain(fields["title"][0]) if fields["title"] else None,
        authors=people,
        families=_name_words(" ".join(name.split(",")[0] for name in people)),
        year=int(year.group()) if year else None,
        venue=_plain(venue) if venue else None,
        doi=fields["doi"][0].strip() if fields["doi"] else None,
        eprint=fields["eprint"][0].strip() if fields["eprint"] else None,
    )


def _plain(value: str) -> str:
    return " ".join(plain_text(value).split())
