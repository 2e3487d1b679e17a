"""BibTeX files: one query per entry, keeping the user's citation key.

Parsed with bibtexparser v2 (strings resolved, enclosing braces removed). Blocks it
cannot parse are skipped, not fatal: the rest of the file is still read. Entries
whose key repeats an earlier one are kept too (bibtexparser sets them apart), since
they are input the user wrote.

An entry names an arXiv paper through ``eprint`` (with ``archivePrefix = arXiv`` or
no prefix at all), ``arxiv``/``arxivid``, an arXiv ``url``, a DataCite arXiv
``doi``, or text such as ``arXiv preprint arXiv:2211.09119`` / DBLP's ``CoRR``
``abs/2211.09119`` in ``journal``, ``volume``, ``note`` or ``howpublished``.
"""

from __future__ import annotations

import re

from bibnorm.bib.bibfile import parse_library
from bibnorm.identifiers import ArxivId, canonical_doi, parse_arxiv_id
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers.base import URL_PATTERN, Reader, arxiv_doi_id
from bibnorm.text.clean import clean_title
from bibnorm.text.titles import plain_text
from bibtexparser.model import DuplicateBlockKeyBlock, Entry

_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
# "arXiv:2211.09119", "arXiv preprint arXiv:hep-th/9901001v2", "abs/2211.09119" (DBLP CoRR)
_ARXIV_IN_TEXT = re.compile(r"(?:arxiv\s*:\s*|\babs/)(?P<id>[A-Za-z.-]*/?\d{4}\.?\d{3,5}(?:v\d+)?)", re.I)
_TEXT_FIELDS = ("journal", "journaltitle", "volume", "note", "howpublished", "booktitle")
_ID_FIELDS = ("arxiv", "arxivid", "arxiv_id")


def _unenclose(value: str) -> str:
    """``{text}`` or ``"text"`` → ``text`` (for blocks the middlewares never saw)."""
    value = value.strip()
    if len(value) >= 2 and (value[0], value[-1]) in {("{", "}"), ('"', '"')}:
        return value[1:-1].strip()
    return value


def _fields(entry: Entry, *, enclosed: bool = False) -> dict[str, str]:
    """Field values by lower-case name (BibTeX field names are case-insensitive).

    ``enclosed``: the values still carry their delimiters, as in entries bibtexparser
    set apart as duplicates (its middlewares skip those).
    """
    values = {field.key.lower(): str(field.value).strip() for field in entry.fields}
    return {k: _unenclose(v) for k, v in values.items()} if enclosed else values


def _arxiv_of(fields: dict[str, str]) -> ArxivId | None:
    eprint = fields.get("eprint")
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "arxiv").lower()
    if eprint and prefix == "arxiv":
        found = parse_arxiv_id(eprint)
        if found:
            return found
    for name in _ID_FIELDS:
        if fields.get(name):
            found = parse_arxiv_id(fields[name])
            if found:
                return found
    for url in URL_PATTERN.findall(fields.get("url", "")):
        found = parse_arxiv_id(url)
        if found:
            return found
    for name in _TEXT_FIELDS:
        for match in _ARXIV_IN_TEXT.finditer(fields.get(name, "")):
            found = parse_arxiv_id(match["id"])
            if found:
                return found
    return None


def _doi_of(fields: dict[str, str]) -> str | None:
    if fields.get("doi"):
        doi = canonical_doi(fields["doi"])
        if doi:
            return doi
    for url in URL_PATTERN.findall(fields.get("url", "")):
        doi = canonical_doi(url)
        if doi:
            return doi
    return None


def _query(entry: Entry, index: int, path: str, lines: list[str], *, enclosed: bool) -> Query:
    fields = _fields(entry, enclosed=enclosed)
    doi = _doi_of(fields)
    arxiv = _arxiv_of(fields) or arxiv_doi_id(doi)
    # The same plain Unicode the resolvers give candidates ($\pi$ → π), so titles compare alike.
    title = clean_title(fields["title"]).text if fields.get("title") else None
    abstract = plain_text(fields["abstract"]) if fields.get("abstract") else None
    kind = QueryKind.ARXIV_ID if arxiv else QueryKind.DOI if doi else QueryKind.TITLE
    start = entry.start_line or 0  # 0-based in bibtexparser
    return Query(
        index=index,
        origin=Origin(path=path, line=start + 1),
        kind=kind,
        title=title or None,
        abstract=abstract or None,
        urls=tuple(URL_PATTERN.findall(fields.get("url", ""))),
        arxiv_id=arxiv.id if arxiv else None,
        arxiv_version=arxiv.version if arxiv else None,
        doi=doi,
        key=entry.key,
        raw=entry.raw if entry.raw else (lines[start] if start < len(lines) else ""),
    )


def read_bib(text: str, path: str) -> list[Query]:
    """One `Query` per BibTeX entry, in file order; unparsable blocks are skipped."""
    library = parse_library(text)
    lines = text.splitlines()
    entries: list[tuple[Entry, bool]] = []
    for block in library.blocks:
        if isinstance(block, Entry):
            entries.append((block, False))
        elif isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            entries.append((block.ignore_error_block, True))
    return [
        _query(entry, index, path, lines, enclosed=enclosed)
        for index, (entry, enclosed) in enumerate(entries)
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
