"""dblp's XML dump: its header, its entities, its chunks of records, and the index rows
parsed from them (`bibnorm.resolvers._dblp_records` reads the rows back). The one place
dblp's XML is read.

The dump (``dblp.xml.gz``, published with ``dblp.dtd`` beside it; format: dblp's FAQ "What do
I find in dblp.xml?" and the DTD) is one ``<dblp>`` element holding millions of records, none
deeper than level three, each starting on a line of its own:

- ``<article>``, ``<inproceedings>``, ``<incollection>``, ``<book>`` are kept as records,
  ``<proceedings>`` as the volumes papers point to with ``<crossref>``; ``<www>`` (person
  pages), ``<person>``, ``<data>``, ``<phdthesis>`` and ``<mastersthesis>`` are not kept;
- attributes ``key``, ``mdate`` and ``publtype`` (NMTOKENS since 2023: ``informal`` for CoRR
  listings and other informal publications, ``withdrawn``, ``survey`` …);
- fields ``author``/``editor`` (one element per person, homonyms numbered "Wei Liu 0002"),
  ``title`` (``<i>``, ``<sub>``, ``<sup>``, ``<tt>`` inside), ``booktitle``/``journal``,
  ``year``, ``volume``, ``number``, ``pages``, ``ee`` (electronic editions, DOI links among
  them), ``crossref``, ``publisher``, ``series`` (whose volume is the proceedings' ``volume``).

The file is ISO-8859-1 and writes every other character as a named entity (``&uuml;``,
``&weierp;`` …) that only the DTD defines: `dtd_entities` reads them from the DTD, and every
chunk of records is parsed behind a prologue declaring them (`prologue`).

Rows keep what a `Reference` needs, as JSON (`RECORD_FIELDS`, ``PROCEEDINGS_FIELDS``, whose
order `_record_row` and `_proceedings_row` follow: `bibnorm.resolvers._dblp_records` reads
them back).
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from bibnorm.resolvers._dblp_records import RECORD_FIELDS
from bibnorm.text.titles import title_words

RECORD_KINDS = frozenset({"article", "inproceedings", "incollection", "book"})
PROCEEDINGS = "proceedings"
# Every record element of the DTD: a chunk of the dump ends after the end tag of one of them.
RECORD_ELEMENTS = (
    "article",
    "inproceedings",
    "proceedings",
    "book",
    "incollection",
    "phdthesis",
    "mastersthesis",
    "www",
    "person",
    "data",
)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+dblp(?:\s+(?:SYSTEM\s+[\"']([^\"']*)[\"']|PUBLIC\s+[\"'][^\"']*[\"']\s+[\"']([^\"']*)[\"']))?"
    rb"\s*(\[.*?\])?\s*>",
    re.DOTALL,
)
_ROOT = re.compile(rb"<dblp(\s[^>]*)?>")
_MDATE = re.compile(rb"\bmdate\s*=\s*[\"']([0-9-]+)[\"']")


class BadDumpError(ValueError):
    """The dump is not a dblp XML dump, or not well-formed; ``str()`` says why and where."""


# --- the dump: header, entities, chunks ------------------------------------------------


@dataclass(frozen=True)
class Header:
    """What the start of a dump says: its encoding, its DTD, the root's attributes."""

    encoding: str
    dtd: str | None  # the DOCTYPE's system identifier ("dblp.dtd"), if any
    internal_subset: bytes  # an inline ``[…]`` DTD subset, if any (dblp's dumps have none)
    body_start: int  # the offset just after the root's start tag
    mdate: str | None  # the root's ``mdate`` attribute, if any


HEAD_BYTES = 1 << 20  # the prologue and root start tag lie in the first megabyte
# What a dump may declare (by Python's codec name): dblp writes ISO-8859-1; UTF-8 and its ASCII
# subset are XML's defaults. Anything else (UTF-7, UTF-16, a name no codec has) is refused
# before parsing, in one line, rather than failing inside the parser.
_DUMP_ENCODINGS = frozenset({"iso8859-1", "utf-8", "ascii"})


def _codec_name(encoding: str) -> str | None:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def read_header(head: bytes, name: str) -> Header:
    """Parse the start of a dump; raises `BadDumpError` when it is not a dblp XML dump."""
    root = _ROOT.search(head)
    if root is None or not head.lstrip().startswith(b"<"):
        raise BadDumpError(f"{name}: not a dblp XML dump (no <dblp> root element at its start)")
    declaration = _XML_DECLARATION.match(head)
    encoding = declaration.group(1).decode("ascii") if declaration else "UTF-8"
    if _codec_name(encoding) not in _DUMP_ENCODINGS:
        raise BadDumpError(
            f"{name}: declares the encoding {encoding!r}; a dblp XML dump is in ISO-8859-1 or UTF-8"
        )
    doctype = _DOCTYPE.search(head, 0, root.start())
    dtd = None
    subset = b""
    if doctype is not None:
        found = doctype.group(1) or doctype.group(2)
        dtd = found.decode("latin-1") if found else None
        subset = (doctype.group(3) or b"")[1:-1]
    mdate = _MDATE.search(root.group(1) or b"")
    return Header(
        encoding=encoding,
        dtd=dtd,
        internal_subset=subset,
        body_start=root.end(),
        mdate=mdate.group(1).decode("ascii") if mdate else None,
    )


def dtd_entities(dtd: Path) -> dict[str, str]:
    """The general entities a DTD declares (name → replacement text); raises `BadDumpError`
    when the file is not a DTD expat can read."""
    import xml.parsers.expat as expat

    entities: dict[str, str] = {}

    def declared(name: str, is_parameter: int, value: str | None, *_: object) -> None:
        if not is_parameter and value is not None:
            entities.setdefault(name, value)  # XML: the first declaration binds

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)

    def external(context: str | None, *_: object) -> int:
        sub = parser.ExternalEntityParserCreate(context)
        sub.EntityDeclHandler = declared
        sub.Parse(_as_utf8(dtd.read_bytes()), True)
        return 1

    parser.EntityDeclHandler = declared
    parser.ExternalEntityRefHandler = external
    try:
        parser.Parse(b'<!DOCTYPE dblp SYSTEM "dblp.dtd"><dblp/>', True)
    except expat.ExpatError as error:
        raise BadDumpError(
            f"{dtd}: not a DTD bibnorm can read ({expat.errors.messages[error.code]})"
        ) from None
    return entities


def _as_utf8(data: bytes) -> bytes:
    """A DTD without a text declaration is read as UTF-8: one written in ISO-8859-1 (its
    comments name "Universit\u00e4t Trier") is re-encoded first."""
    if data.lstrip().startswith(b"<?xml"):
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").encode("utf-8")
    return data


def prologue(encoding: str, entities: dict[str, str], internal_subset: bytes = b"") -> bytes:
    """The document start each chunk of records is parsed behind: the dump's encoding, its
    entities declared inline (as character references, so the prologue is ASCII whatever the
    encoding), the root's start tag."""
    declarations = "".join(
        f'<!ENTITY {name} "{"".join(f"&#{ord(ch)};" for ch in value)}">\n'
        for name, value in sorted(entities.items())
    )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<!DOCTYPE dblp [\n{declarations}'.encode("ascii")
        + internal_subset
        + b"]>\n<dblp>"
    )


_RECORD_ENDS = tuple(f"</{name}>".encode("ascii") for name in RECORD_ELEMENTS)


_TAIL = 1 << 16  # a record is a few hundred bytes: its end lies in the last 64 KiB before a cut


def last_record_end(block: bytes, end: int | None = None, start: int = 0) -> int:
    """The offset just after the last record end tag in ``block[start:end]`` (0 when it holds none)."""
    end = len(block) if end is None else end
    for begin in (max(start, end - _TAIL), start):  # the tail first; all of it for a record past 64 KiB
        cut = 0
        for tag in _RECORD_ENDS:
            found = block.rfind(tag, begin, end)
            if found >= 0:
                cut = max(cut, found + len(tag))
        if cut or begin == start:
            return cut
    return 0


# dblp's longest records (thousands of authors) are a few hundred KiB. Bytes that run on this
# long with no record end are no dump (a gzip bomb of blanks, a record never closed): one line,
# after reading this much, not hours of waiting for an end tag. It also bounds what one chunk
# costs the parser: 8 MiB of nested start tags make about 300 MB of elements.
MAX_RECORD_BYTES = 8 << 20
_LONGEST_END = max(len(tag) for tag in _RECORD_ENDS)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Whole records of the dump, the first on line ``first_line`` (for error messages)."""

    first_line: int
    data: bytes


def split_records(
    blocks: Iterator[bytes], body_start: int, block_bytes: int, max_record_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Chunk]:
    """The dump's records in chunks of about ``block_bytes``, each cut after a record end tag.

    ``blocks`` is the decompressed dump in pieces of any size; the prologue (before
    ``body_start``) is left out and so is whatever follows the last record (the root's end tag).
    More than ``max_record_bytes`` with no record end is a `BadDumpError`.
    """
    pending = b""
    searched = 0  # pending[:searched] holds no record end: each byte is searched once
    line = 1
    skip = body_start
    for block in blocks:
        if skip:
            taken = min(skip, len(block))
            line += block.count(b"\n", 0, taken)
            block, skip = block[taken:], skip - taken
        pending += block
        while len(pending) >= block_bytes:
            cut = last_record_end(pending, block_bytes) if searched < block_bytes else 0
            cut = cut or last_record_end(pending, start=searched)
            if not cut:
                if len(pending) > max_record_bytes:
                    raise BadDumpError(
                        f"line {line}: {len(pending) >> 20} MiB with no record end tag (a record never"
                        " closed, or no dblp dump at all)"
                    )
                searched = max(0, len(pending) - _LONGEST_END)
                break  # one record longer than the chunk: wait for its end
            chunk, pending, searched = pending[:cut], pending[cut:], 0
            yield Chunk(line, chunk)
            line += chunk.count(b"\n")
    cut = last_record_end(pending)
    if cut:
        yield Chunk(line, pending[:cut])
        pending = pending[cut:]
    rest = pending.strip()
    if rest and rest != b"</dblp>":
        where = line + pending.count(b"\n", 0, pending.find(rest[:1]))
        raise BadDumpError(f"line {where}: the dump ends inside a record (truncated?)")


# --- parsing one chunk -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One record or proceedings volume as the index stores it, before compression.

    ``title_key`` is the title's comparison key (records only); ``body`` the JSON array of
    `RECORD_FIELDS` or ``PROCEEDINGS_FIELDS`` (`bibnorm.resolvers._dblp_records`).
    """

    kind: str
    key: str
    title_key: str
    body: bytes


@dataclass(slots=True)
class ParsedChunk:
    """A chunk's rows, its skipped records (key or line, reason), its newest ``mdate`` and
    how many records of each element it held."""

    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    newest: str = ""
    elements: dict[str, int] = field(default_factory=dict)


# A build meets every title once: the lookups' cache would only hold on to them.
_uncached_title_words = title_words.__wrapped__


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


# Records the index does not keep, cut out before parsing (person pages are a third of the dump).
_NOT_KEPT_ELEMENTS = ("www", "person", "data", "phdthesis", "mastersthesis")
_NOT_KEPT_START = re.compile(rb"<(" + "|".join(_NOT_KEPT_ELEMENTS).encode() + rb")[\s>]")


def _without_not_kept(data: bytes) -> bytes:
    """``data`` with each element not kept cut out, its lines kept (so error messages name the
    right line). Linear: an element with no end tag (none follows it, so none follows a later
    one either) is left for the parser to report, not searched again for every start tag."""
    parts: list[bytes] = []
    position = 0
    unclosed: set[bytes] = set()
    for match in _NOT_KEPT_START.finditer(data):
        tag = match.group(1)
        if match.start() < position or tag in unclosed:
            continue
        end = data.find(b"</" + tag + b">", match.end())
        if end < 0:
            unclosed.add(tag)
            continue
        end += len(tag) + 3
        parts += (data[position : match.start()], b"\n" * data.count(b"\n", match.start(), end))
        position = end
    parts.append(data[position:])
    return b"".join(parts)


def parse_chunk(chunk: Chunk, start: bytes, name: str) -> ParsedChunk:
    """The rows of one chunk, parsed behind ``start`` (`prologue`); raises `BadDumpError`
    (naming the dump's line) when the chunk is not well-formed XML."""
    parsed = ParsedChunk()
    elements = parsed.elements
    for skipped in _NOT_KEPT_ELEMENTS:
        found = chunk.data.count(b"<" + skipped.encode())
        if found:
            elements[skipped] = found
    data = _without_not_kept(chunk.data) if elements else chunk.data
    parser = ET.XMLParser()
    try:
        parser.feed(start)
        parser.feed(data)
        parser.feed(b"</dblp>")
        root = parser.close()
    except ET.ParseError as error:
        line = error.position[0]
        offset = start.count(b"\n")
        where = chunk.first_line + line - 1 - offset if line > offset else chunk.first_line
        reason = str(error).split(":")[0]
        raise BadDumpError(f"{name}: line {where}: not well-formed XML ({reason})") from None
    for element in root:
        tag = element.tag
        elements[tag] = elements.get(tag, 0) + 1
        mdate = element.get("mdate") or ""
        if mdate > parsed.newest:
            parsed.newest = mdate
        if tag in RECORD_KINDS:
            row = _record_row(element, tag)
        elif tag == PROCEEDINGS:
            row = _proceedings_row(element)
        else:
            continue
        if isinstance(row, str):
            parsed.skipped.append((element.get("key") or f"a <{tag}> near line {chunk.first_line}", row))
        else:
            parsed.rows.append(row)
    return parsed


# Fields a record keeps, by element name: their position in `RECORD_FIELDS`. A second
# ``booktitle``/``journal`` or ``year`` is ignored (the DTD allows repeats the data never has).
_SINGLE_FIELDS = {
    element: RECORD_FIELDS.index(stored)
    for element, stored in (
        ("booktitle", "venue"),
        ("journal", "venue"),
        ("year", "year"),
        ("volume", "volume"),
        ("number", "number"),
        ("pages", "pages"),
        ("crossref", "crossref"),
    )
}

# Fields a record keeps every one of (authors, links), by element name: their list in the record.
_LISTED_FIELDS = {"author": RECORD_FIELDS.index("authors"), "ee": RECORD_FIELDS.index("links")}


def _record_row(element: ET.Element, tag: str) -> Row | str:
    # The build's hot path: no cleaning here that reading a record back can do (whitespace,
    # DOIs from links); only the title key must be computed, to store the record under it.
    key = element.get("key") or ""
    if not key:
        return "no key"
    values: list[Any] = [key, tag, "", [], "", "", "", "", "", [], None, element.get("publtype") or ""]
    for child in element:
        name = child.tag
        listed = _LISTED_FIELDS.get(name)
        if listed is not None:
            values[listed].append(child.text or "")
        elif name == "title":
            values[2] = _title_text(child)
        else:
            slot = _SINGLE_FIELDS.get(name)
            if slot is not None and not values[slot]:
                values[slot] = child.text or ""
    title = values[2]
    if not title.strip():
        return "no title"
    return Row(kind=tag, key=key, title_key="".join(_uncached_title_words(title)), body=orjson.dumps(values))


def _title_text(title: ET.Element) -> str:
    """A title's text, its markup's included (``<i>``, ``<sub>``)."""
    return "".join(title.itertext()) if len(title) else (title.text or "")


def _proceedings_row(element: ET.Element) -> Row | str:
    key = element.get("key") or ""
    if not key:
        return "no key"
    editors = [" ".join((child.text or "").split()) for child in element.iterfind("editor")]
    body = orjson.dumps(
        [
            key,
            _text(element.find("title")),
            _text(element.find("booktitle")),
            _text(element.find("publisher")),
            _text(element.find("series")),
            _text(element.find("volume")),
            editors,
            _text(element.find("year")),
        ]
    )
    return Row(kind=PROCEEDINGS, key=key, title_key="", body=body)
