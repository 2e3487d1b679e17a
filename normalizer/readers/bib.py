"""BibTeX files: one query per entry, keeping the user's citation key.

Read the way BibTeX reads them (`bibnorm.bib.bibfile.parse_bibtex`, the reading ``check``,
``format``, ``fix`` and ``verify`` use too): the entries are exactly the ones BibTeX reads, in
file order, those whose key repeats an earlier one included (they are input the user wrote);
a block BibTeX cannot read whole is skipped, not fatal. Values are the text BibTeX makes of
them: ``@string`` macros expanded, ``#`` concatenations joined, enclosing braces or quotes
removed (`BibEntry.texts`).

An entry names an arXiv paper through ``eprint`` (with ``archivePrefix = arXiv`` or
no prefix at all), ``arxiv``/``arxivid``, an arXiv ``url``, a DataCite arXiv
``doi``, or text such as ``arXiv preprint arXiv:2211.09119`` / DBLP's ``CoRR``
``abs/2211.09119`` in ``journal``, ``volume``, ``note`` or ``howpublished``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from bibnorm.bib.bibfile import BibEntry, BibFile, as_written, parse_bibtex
from bibnorm.bib.checks.base import name_list
from bibnorm.identifiers import ArxivId, canonical_doi, doi_in_note, parse_arxiv_id
from bibnorm.models import Origin, Person, Query, QueryKind
from bibnorm.readers._ref_dates import YEAR
from bibnorm.readers.base import (
    URL_PATTERN,
    OwnRecord,
    Publication,
    Reader,
    arxiv_doi_id,
    published_version,
    user_fields,
)
from bibnorm.text.clean import clean_title
from bibnorm.text.months import month_number, year_first_date
from bibnorm.text.names import parse_name
from bibnorm.text.titles import plain_text
from bibnorm.text.word_tables import item_types

# (Spaces on the line only before the "@": "^\s*" tried at every line of a file of blank lines
# scanned all that followed from each, a time quadratic in them.)
_ENTRY_START = re.compile(r"^[^\S\n]*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
# "arXiv:2211.09119", "arXiv preprint arXiv:hep-th/9901001v2", "abs/2211.09119" (DBLP CoRR)
_ARXIV_IN_TEXT = re.compile(r"(?:arxiv\s*:\s*|\babs/)(?P<id>[A-Za-z.-]*/?\d{4}\.?\d{3,5}(?:v\d+)?)", re.I)
_TEXT_FIELDS = ("journal", "journaltitle", "volume", "note", "howpublished", "booktitle")
_ID_FIELDS = ("arxiv", "arxivid", "arxiv_id")

_Found = TypeVar("_Found")


def _first(parse: Callable[[str], _Found | None], texts: Iterable[str]) -> _Found | None:
    """The first of ``texts`` that ``parse`` makes something of."""
    for text in texts:
        found = parse(text)
        if found:
            return found
    return None


def _arxiv_of(fields: dict[str, str]) -> ArxivId | None:
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "arxiv").lower()
    eprint = [fields.get("eprint", "")] if prefix == "arxiv" else []
    ids = [fields.get(name, "") for name in _ID_FIELDS]
    in_text = [m["id"] for name in _TEXT_FIELDS for m in _ARXIV_IN_TEXT.finditer(fields.get(name, ""))]
    candidates = [*eprint, *ids, *URL_PATTERN.findall(fields.get("url", "")), *in_text]
    return _first(parse_arxiv_id, [text for text in candidates if text])


def _doi_of(fields: dict[str, str]) -> str | None:
    candidates = [fields.get("doi", ""), *URL_PATTERN.findall(fields.get("url", ""))]
    written = [fields.get(name, "") for name in ("note", "howpublished")]  # "doi: X" (bibnorm's default)
    return _first(canonical_doi, [text for text in candidates if text]) or _first(doi_in_note, written)


def _query(entry: BibEntry, index: int, path: str, macros: dict[str, str], raw: str) -> Query:
    fields = entry.texts(macros)
    doi = _doi_of(fields)
    arxiv = _arxiv_of(fields) or arxiv_doi_id(doi)
    # The same plain Unicode the resolvers give candidates ($\pi$ → π), so titles compare alike.
    title = clean_title(fields["title"]).text if fields.get("title") else None
    abstract = plain_text(fields["abstract"]) if fields.get("abstract") else None
    kind = QueryKind.ARXIV_ID if arxiv else QueryKind.DOI if doi else QueryKind.TITLE
    entry_type = entry.entry_type.lower()
    publication = _publication(entry_type, fields)
    return Query(
        index=index,
        origin=Origin(path=path, line=entry.line),
        kind=kind,
        title=title or None,
        abstract=abstract or None,
        urls=tuple(URL_PATTERN.findall(fields.get("url", ""))),
        arxiv_id=arxiv.id if arxiv else None,
        arxiv_version=arxiv.version if arxiv else None,
        doi=doi,
        key=entry.key,
        raw=raw,
        published=published_version(
            "inproceedings" if entry_type == "conference" else entry_type, title, doi, publication
        ),
        record=_own_record(entry_type, fields, publication, title, (doi, arxiv)).reference(),
    )


def _own_record(
    entry_type: str,
    fields: dict[str, str],
    publication: Publication,
    title: str | None,
    ids: tuple[str | None, ArxivId | None],
) -> OwnRecord:
    """The entry as its fields give it (`Query.record`): its publication (`_publication`), a
    thesis's school and a report's institution its publisher, its ``type`` the genre."""
    doi, arxiv = ids
    return OwnRecord(
        entry_type=entry_type,
        title=title,
        authors=_people(fields.get("author", "")),
        editors=_people(fields.get("editor", "")),
        translators=_people(fields.get("translator", "")),
        year=publication.year,
        month=month_number(fields.get("month") or fields.get("date")),
        venue=publication.venue,
        volume=publication.volume,
        number=publication.number,
        pages=(publication.pages or "").replace("--", "–") or None,  # TeX's en dash as the character
        publisher=publication.publisher or _plain(fields, "school") or _plain(fields, "institution"),
        address=_plain(fields, "address") or _plain(fields, "location"),
        series=_plain(fields, "series"),
        genre=_plain(fields, "type"),
        edition=_plain(fields, "edition"),
        isbn=_plain(fields, "isbn"),
        doi=doi,
        arxiv=arxiv,
        url=next(iter(URL_PATTERN.findall(fields.get("url", ""))), None),
        user_fields=user_fields(
            note=_plain(fields, "note"),
            keywords=_plain(fields, "keywords") or (),
            abstract=_plain(fields, "abstract"),
            issn=_plain(fields, "issn"),
            accessed=year_first_date(fields.get("urldate")),
        ),
    )


def _people(names: str) -> tuple[Person, ...]:
    """A BibTeX name list as `Person` (BibTeX's "others", et al., is no person)."""
    return tuple(parse_name(name) for name in name_list(names) if name and name.casefold() != "others")


# The entry's fields a published version takes from it, by its type's venue field
# (biblatex's journal is its journaltitle)
_VENUE_FIELDS = {
    "article": ("journal", "journaltitle"),
    "inproceedings": ("booktitle",),
    "conference": ("booktitle",),
}


def _publication(entry_type: str, fields: dict[str, str]) -> Publication:
    """Where the entry says its work was published, as written: its journal or proceedings (a
    chapter's book, its ``booktitle``), year, numbers and publisher; the published version an
    @article or @inproceedings names (`published_version`) and its own record share it."""
    in_a_book = item_types().kinds.get(entry_type) == "chapter"  # @incollection, @inbook, @inreference
    venue_fields = _VENUE_FIELDS.get(entry_type, ("booktitle",) if in_a_book else ())
    year = YEAR.search(fields.get("year", "") or fields.get("date", ""))
    return Publication(
        venue=next((_plain(fields, name) for name in venue_fields if fields.get(name)), None),
        year=int(year.group()) if year else None,
        volume=_plain(fields, "volume"),
        number=_plain(fields, "number"),
        pages=_plain(fields, "pages"),
        publisher=_plain(fields, "publisher"),
    )


def _plain(fields: dict[str, str], name: str) -> str | None:
    return plain_text(fields[name]).strip() or None if fields.get(name) else None


def read_bib(text: str, path: str) -> list[Query]:
    """One `Query` per entry BibTeX reads, in file order; blocks it cannot read whole are skipped."""
    return bib_queries(parse_bibtex(text, path), text)


def bib_queries(bibfile: BibFile, text: str) -> list[Query]:
    """One `Query` per entry of ``bibfile`` (read from ``text``), in file order."""
    entries = bibfile.entries
    macros = bibfile.macros()
    return [
        _query(entry, index, bibfile.path, macros, raw)
        for index, (entry, raw) in enumerate(zip(entries, as_written(text, entries), strict=True))
    ]


def sniff_bib(text: str) -> bool:
    """True when the text contains at least one ``@type{`` entry start."""
    return bool(_ENTRY_START.search(text))


READER = Reader(
    name="bib",
    description="a BibTeX file: one query per entry, keeping its citation key",
    read=read_bib,
    suffixes=(".bib", ".bibtex"),
    sniff=sniff_bib,
)
