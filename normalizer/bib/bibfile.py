"""Existing ``.bib`` files: reading them without losing anything, and canonical formatting.

Reading goes through bibtexparser v2's splitter with an *empty* parse stack, so field
values stay exactly as written (delimiters, ``@string`` references and ``#``
concatenations included). Blocks the splitter cannot read are kept verbatim as
`FailedBlock`s with their line numbers, never dropped; entries whose key repeats an
earlier one are kept as ordinary entries (the duplicate-key check reports them).

Formatting (`render`, `format_bibtex`) is deterministic and idempotent: fields in a
fixed order, lower-case names, one indentation and alignment, every value braced
except macros and concatenations, month macros, one blank line between blocks, and —
when ``FormatOptions.journal_names`` asks — journal and conference names written in full
or abbreviated (`normalizer.text.journals`; plain values only: a macro or a value with
LaTeX commands stays as written).
`assert_nothing_lost` is the safety net every writer of a ``.bib`` file calls
before replacing it.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import bibtexparser
from bibtexparser import model as bp
from pydantic import BaseModel, ConfigDict, field_validator

from normalizer.config import JournalNames
from normalizer.errors import SafetyError, shown
from normalizer.io import read_text

# Standard BibTeX fields first, in the order a reader scans them; anything else
# follows in the order the user wrote it.
DEFAULT_FIELD_ORDER: tuple[str, ...] = (
    "author",
    "editor",
    "title",
    "booktitle",
    "journal",
    "series",
    "volume",
    "number",
    "chapter",
    "pages",
    "edition",
    "publisher",
    "organization",
    "institution",
    "school",
    "address",
    "howpublished",
    "type",
    "year",
    "month",
    "day",
    "note",
    "doi",
    "eprint",
    "archiveprefix",
    "primaryclass",
    "url",
    "isbn",
    "issn",
)

MONTH_MACROS: tuple[str, ...] = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_MONTH_NAMES = {
    **{m: m for m in MONTH_MACROS},
    **{
        name: MONTH_MACROS[i]
        for i, name in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        )
    },
    **{str(i + 1): m for i, m in enumerate(MONTH_MACROS)},
    **{f"{i + 1:02d}": m for i, m in enumerate(MONTH_MACROS)},
    "sept": "sep",
}

# Values where whitespace is data (a URL with a space is broken, not reflowed).
_VERBATIM_FIELDS = frozenset(
    {"url", "doi", "eprint", "file", "pdf", "verb", "verba", "verbb", "howpublished"}
)
_SPACES = re.compile(r"\s+")
_BRACE = re.compile(r"[{}]")
_NUMBER = re.compile(r"\d+")
_MACRO = re.compile(r"[^\s\"#%'(),={}]+")


class FormatOptions(BaseModel):
    """How `bibnorm format` lays a file out. The defaults are the canonical style."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indent: str = "  "
    align: bool = True  # pad field names so the ``=`` signs of an entry line up
    field_order: tuple[str, ...] = DEFAULT_FIELD_ORDER
    sort: bool = False  # entries by key (``@string``/``@preamble`` stay first)
    month_macros: bool = True  # ``month = {March}`` -> ``month = mar``
    newline: str | None = None  # None keeps the input's dominant line ending
    # Journals (``journal``) and table conferences (``booktitle``) in full or abbreviated.
    journal_names: JournalNames = "as-given"

    @field_validator("indent")
    @classmethod
    def _indent_is_blank(cls, value: str) -> str:
        # Anything but spaces or tabs would be written into the file as BibTeX text.
        if value.strip(" \t") or len(value) > 16:
            raise ValueError('must be up to 16 spaces or tabs, e.g. indent = "  "')
        return value

    @field_validator("field_order")
    @classmethod
    def _field_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not _FIELD_NAME.fullmatch(name):
                raise ValueError(f"{shown(name)} is not a BibTeX field name")
        return value

    @field_validator("newline")
    @classmethod
    def _newline(cls, value: str | None) -> str | None:
        if value not in (None, "\n", "\r\n"):
            raise ValueError('must be "\\n" or "\\r\\n"')
        return value


_FIELD_NAME = re.compile(r"[a-z][a-z0-9_:.+-]*")


# -- the parsed file -------------------------------------------------------------------------------
# Named tuples and frozen dataclasses, not pydantic: a 20,000-entry file has a quarter of a
# million fields and validation would triple the time `check` needs; the data comes from
# the parser, not from users. Fields and entries, the bulk, are named tuples (cheapest to build).


class BibField(NamedTuple):
    """One ``name = value`` pair; ``value`` is the raw text, delimiters included."""

    name: str  # lower-case
    value: str
    line: int  # 1-based

    @property
    def text(self) -> str:
        """The value without its outer delimiters (a macro or concatenation stays as written)."""
        return unquote(self.value)


class BibEntry(NamedTuple):
    """An ``@type{key, ...}`` entry."""

    entry_type: str  # lower-case
    key: str
    fields: tuple[BibField, ...]
    line: int  # 1-based line of the ``@``
    raw: str = ""  # the text as read, for "is it formatted?" comparisons

    def get(self, name: str) -> str | None:
        """The unquoted value of the first field called ``name`` (lower-case), if any."""
        for field in self.fields:
            if field.name == name:
                return unquote(field.value)
        return None

    def field(self, name: str) -> BibField | None:
        """The first field called ``name`` (lower-case), if any."""
        for field in self.fields:  # a loop, not next(generator): checks call this 200,000 times
            if field.name == name:
                return field
        return None

    def replace_fields(self, fields: Iterable[BibField]) -> BibEntry:
        """A copy with other fields (``raw`` is kept so the change shows as a formatting diff)."""
        return self._replace(fields=tuple(fields))


@dataclass(frozen=True, slots=True)
class StringBlock:
    """``@string{name = value}``."""

    name: str
    value: str  # raw
    line: int
    raw: str = ""


@dataclass(frozen=True, slots=True)
class PreambleBlock:
    value: str  # raw, without the outer braces of the block
    line: int
    raw: str = ""


@dataclass(frozen=True, slots=True)
class CommentBlock:
    """Text between entries, or an ``@comment`` block (``explicit``); kept verbatim."""

    text: str
    line: int
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class FailedBlock:
    """A block the parser could not read; written back verbatim.

    ``key`` is set when the block is an entry that was read but cannot be rewritten
    safely (e.g. a field name given twice), so it still counts as an entry.
    """

    raw: str
    line: int
    error: str
    key: str | None = None


Block = BibEntry | StringBlock | PreambleBlock | CommentBlock | FailedBlock


@dataclass(frozen=True, slots=True)
class BibFile:
    """A parsed ``.bib`` file: all its blocks in file order."""

    path: str
    blocks: tuple[Block, ...]
    newline: str = "\n"

    @property
    def entries(self) -> list[BibEntry]:
        return [b for b in self.blocks if isinstance(b, BibEntry)]

    @property
    def failed(self) -> list[FailedBlock]:
        return [b for b in self.blocks if isinstance(b, FailedBlock)]

    @property
    def strings(self) -> dict[str, str]:
        """``@string`` definitions, names lower-cased (BibTeX macros are case-insensitive)."""
        return {b.name.lower(): b.value for b in self.blocks if isinstance(b, StringBlock)}

    def entry_keys(self) -> list[str]:
        """Every entry key, duplicates included, entries kept as failed blocks too."""
        keys = [b.key for b in self.blocks if isinstance(b, BibEntry)]
        keys += [b.key for b in self.blocks if isinstance(b, FailedBlock) and b.key is not None]
        return keys

    def with_blocks(self, blocks: Iterable[Block]) -> BibFile:
        return dataclasses.replace(self, blocks=tuple(blocks))


# -- reading ---------------------------------------------------------------------------------------


def read_bibfile(path: Path | str) -> BibFile:
    """Read and parse a ``.bib`` file (UTF-8 with or without BOM, or Latin-1; ``-`` is stdin)."""
    return parse_bibtex(read_text(path), str(path))


def parse_bibtex(text: str, path: str = "<string>") -> BibFile:
    """Parse BibTeX text into a `BibFile`, keeping every block and its line number."""
    newline, text = normalize_newlines(text)
    blocks: list[Block] = []
    for span in chunk_spans(text):
        # Each chunk's parser objects die before the next chunk is read, which keeps the
        # peak memory of a 20,000-entry file at a fraction of a one-shot parse.
        blocks.extend(parse_span(text, span))
    return BibFile(path=path, blocks=tuple(blocks), newline=newline)


def dominant_newline(text: str) -> str:
    """``"\r\n"`` when most lines of ``text`` end so, else ``"\n"`` (what formatting writes back)."""
    return "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"


def normalize_newlines(text: str) -> tuple[str, str]:
    """(the dominant line ending, the text without BOM and with ``\n`` line endings)."""
    return dominant_newline(text), text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class Span(NamedTuple):
    """A piece of a text that holds whole blocks: ``text[start:end]``, ``lines`` lines in."""

    start: int
    end: int
    lines: int


CHUNK_CHARS = 1 << 20


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[Span]:
    """Cut ``text`` into pieces of about ``size`` characters, only before an ``@`` that starts
    a line outside any braces, so every block lies wholly inside one piece."""
    spans: list[Span] = []
    start = 0
    line = 0
    while len(text) - start > size:
        # Braces and quotes are counted once per stretch of text, never again from `start`.
        depth = quotes = 0
        # Where the raw counts cannot tell (a quote that bibtexparser's splitter reads as text:
        # one in braces, the umlaut ``\"o``; an escaped brace), the splitter's own reading of the
        # marks, from then on for this piece. Counted raw only, one ``{"}`` kept every later
        # "@" from being a cut, and 100 MB of a 147 MB file were parsed as one piece.
        splitter: tuple[int, bool] | None = None
        counted = start
        cut = text.find("\n@", start + size)
        while cut != -1:
            if splitter is None:
                depth += text.count("{", counted, cut) - text.count("}", counted, cut)
                quotes += text.count('"', counted, cut)
                if depth == 0 and quotes % 2 == 0:
                    break
                splitter = _splitter_state(text, start, cut, (0, False))
            else:
                splitter = _splitter_state(text, counted, cut, splitter)
            counted = cut
            if splitter == (0, False):
                break
            cut = text.find("\n@", cut + 2)
        if cut == -1:
            break
        spans.append(Span(start, cut + 1, line))
        line += text.count("\n", start, cut + 1)
        start = cut + 1
    spans.append(Span(start, len(text), line))
    return spans


_SPLITTER_MARK = re.compile(r'(?<!\\)[{}"]')


def _splitter_state(text: str, start: int, end: int, state: tuple[int, bool]) -> tuple[int, bool]:
    """(brace depth, inside a quoted value) after ``text[start:end]``, from ``state``, as
    bibtexparser's splitter reads the marks: an escaped brace or quote is text, a quote inside
    braces is text, and so is a brace inside quotes."""
    depth, quoted = state
    for match in _SPLITTER_MARK.finditer(text, start, end):
        if match.group() == '"':
            quoted = quoted if depth else not quoted
        elif not quoted:
            depth += 1 if match.group() == "{" else -1
    return depth, quoted


def parse_library(text: str, **options: Any) -> bibtexparser.Library:
    """``bibtexparser.parse_string`` without its log line per unreadable block: every parse in
    bibnorm goes through here, and each command reports those blocks itself, once, at the
    block's own line (bibtexparser's line counts from 0 and names where it gave up)."""
    logger = logging.getLogger("bibtexparser")
    if logger.level < logging.ERROR:
        logger.setLevel(logging.ERROR)
    return bibtexparser.parse_string(text, **options)


def parse_span(text: str, span: Span) -> list[Block]:
    """The blocks of one piece of ``text`` (line numbers counted from the start of ``text``)."""
    library = parse_library(text[span.start : span.end], parse_stack=[])
    converted = (_convert(block, span.lines) for block in library.blocks)
    return [block for block in converted if block is not None]


def _convert(block: bp.Block, offset: int = 0) -> Block | None:
    line = (block.start_line or 0) + 1 + offset
    raw = block.raw or ""
    if isinstance(block, bp.Entry):
        return _entry(block, raw, offset)
    if isinstance(block, bp.DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, bp.Entry):
        # A repeated key is a finding, not a reason to stop handling the entry.
        return _entry(block.ignore_error_block, raw, offset)
    if isinstance(block, bp.DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, bp.String):
        string = block.ignore_error_block
        return StringBlock(name=string.key, value=string.value, line=line, raw=raw)
    if isinstance(block, bp.DuplicateFieldKeyBlock):
        entry = block.ignore_error_block
        key = entry.key if isinstance(entry, bp.Entry) else None
        return FailedBlock(raw=raw, line=line, error=_reason(block.error), key=key)
    if isinstance(block, bp.ParsingFailedBlock):
        return FailedBlock(raw=raw, line=line, error=_reason(block.error))
    if isinstance(block, bp.String):
        return StringBlock(name=block.key, value=block.value, line=line, raw=raw)
    if isinstance(block, bp.Preamble):
        return PreambleBlock(value=block.value, line=line, raw=raw)
    if isinstance(block, bp.ExplicitComment):
        return CommentBlock(text=raw.strip() or f"@comment{{{block.comment}}}", line=line, explicit=True)
    if isinstance(block, bp.ImplicitComment):
        text = block.comment.strip()
        return CommentBlock(text=text, line=line) if text else None
    return FailedBlock(raw=raw, line=line, error=f"unknown block type {type(block).__name__}")


def _entry(entry: bp.Entry, raw: str, offset: int) -> BibEntry:
    base = (entry.start_line or 0) + 1 + offset
    fields = tuple(
        [
            BibField(f.key.lower(), f.value, base if f.start_line is None else f.start_line + 1 + offset)
            for f in entry.fields
        ]
    )
    return BibEntry(entry.entry_type.lower(), entry.key, fields, base, raw)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reason(error: Exception) -> str:
    """A one-line reason for a failed block (bibtexparser's abort exceptions have empty ``str``)."""
    text = getattr(error, "abort_reason", None) or str(error) or type(error).__name__
    return _one_line(str(text))


# -- values ----------------------------------------------------------------------------------------


def split_value(value: str) -> list[str]:
    """Split a raw value on top-level ``#`` into its parts (braced, quoted, number or macro)."""
    if "#" not in value:
        return [value.strip()]
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(value[start:i].strip())
            start = i + 1
    parts.append(value[start:].strip())
    return parts


def unquote(value: str) -> str:
    """The content of a single ``{...}`` or ``"..."`` value; other values are returned as written."""
    value = value.strip()
    if len(value) >= 2 and (
        (value[0] == "{" and value[-1] == "}" and _encloses(value)) or (value[0] == value[-1] == '"')
    ):
        return value[1:-1]
    return value


def _encloses(value: str) -> bool:
    """True when the first brace of ``value`` closes at its last character."""
    if value.find("{", 1) == -1:  # the common case: no inner group
        return value.find("}") == len(value) - 1
    depth = 0
    for match in _BRACE.finditer(value):  # visits only the braces: values are long, braces few
        if match.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start() == len(value) - 1
    return False


def _balanced(text: str) -> bool:
    if "{" not in text and "}" not in text:
        return True
    depth = 0
    for match in _BRACE.finditer(text):
        ch = match.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def normalize_value(name: str, value: str, options: FormatOptions, *, definition: bool = False) -> str:
    """The canonical spelling of one raw field value (see `_normalized`)."""
    return _normalized(name, value, options.month_macros, definition)


# Publishers, venues, editors and DBLP's bibsource repeat across thousands of entries.
@lru_cache(maxsize=16384)
def _normalized(name: str, value: str, month_macros: bool, definition: bool) -> str:
    """The canonical spelling of one raw field value.

    Quoted and numeric parts become braced, macros and ``#`` concatenations stay,
    whitespace runs become one space (outside verbatim fields such as ``url``), and
    a month becomes its three-letter macro when ``options.month_macros``.
    """
    parts = split_value(value)
    if any(not p for p in parts):
        return " ".join(value.split())  # malformed concatenation: keep the text, tidy spaces only
    # Spaces at the ends of a concatenated part or an @string text are part of the
    # result ("Proceedings of the " # venue): only a whole field value may be trimmed.
    trim = len(parts) == 1 and not definition
    out = [_normalize_part(name, part, trim) for part in parts]
    if name == "month" and month_macros and len(out) == 1:
        inner = unquote(out[0]).strip().rstrip(".").lower()
        if inner in _MONTH_NAMES:
            return _MONTH_NAMES[inner]
    return " # ".join(out)


def _normalize_part(name: str, part: str, trim: bool) -> str:
    braced = part[0] == "{" and _encloses(part)
    quoted = part[0] == '"' and part[-1] == '"' and len(part) >= 2 and _balanced(part[1:-1])
    if braced or quoted:
        content = part[1:-1]
    elif _NUMBER.fullmatch(part):
        content = part
    else:
        # A macro (@string reference or month); lower-case as BibTeX compares them that way.
        return part.lower() if _MACRO.fullmatch(part) else part
    if name not in _VERBATIM_FIELDS:
        content = _SPACES.sub(" ", content)
    return "{" + (content.strip() if trim else content) + "}"


# -- formatting ------------------------------------------------------------------------------------


def format_bibtex(text: str, options: FormatOptions | None = None) -> str:
    """Format BibTeX text canonically; ``format_bibtex(format_bibtex(x)) == format_bibtex(x)``."""
    return render(parse_bibtex(text), options)


def render(bibfile: BibFile, options: FormatOptions | None = None) -> str:
    """Write a `BibFile` in the canonical style."""
    options = options or FormatOptions()
    return join_rendered(render_blocks(bibfile, options), options, bibfile.newline)


class RenderedBlock(NamedTuple):
    """A block in the canonical style, with what sorting and the safety check need of it."""

    text: str
    kind: str  # "entry", "failed", "string", "preamble" or "comment"
    key: str | None = None  # entries, and failed blocks that still name a key


def render_blocks(bibfile: BibFile, options: FormatOptions) -> list[RenderedBlock]:
    """Every block of a file (or of a piece of one) in the canonical style."""
    order = _order(options)
    out: list[RenderedBlock] = []
    for block in bibfile.blocks:
        text = render_block(block, options, order)
        if isinstance(block, BibEntry):
            out.append(RenderedBlock(text, "entry", block.key))
        elif isinstance(block, FailedBlock):
            out.append(RenderedBlock(text, "failed", block.key))
        elif isinstance(block, StringBlock):
            out.append(RenderedBlock(text, "string"))
        elif isinstance(block, PreambleBlock):
            out.append(RenderedBlock(text, "preamble"))
        else:
            out.append(RenderedBlock(text, "comment"))
    return out


def join_rendered(blocks: Sequence[RenderedBlock], options: FormatOptions, newline: str = "\n") -> str:
    """The file text of rendered blocks: sorted if ``options.sort``, one blank line between blocks."""
    if options.sort:
        blocks = _sorted_blocks(blocks)
    text = "\n\n".join(block.text for block in blocks if block.text)
    text = text + "\n" if text else ""
    newline = options.newline or newline
    return text.replace("\n", newline) if newline != "\n" else text


def render_block(block: Block, options: FormatOptions, order: dict[str, int] | None = None) -> str:
    """One block in the canonical style (without a trailing newline)."""
    if isinstance(block, BibEntry):
        return _render_entry(block, options, order if order is not None else _order(options))
    if isinstance(block, StringBlock):
        value = normalize_value(block.name.lower(), block.value, options, definition=True)
        return f"@string{{{block.name} = {value}}}"
    if isinstance(block, PreambleBlock):
        return f"@preamble{{{block.value.strip()}}}"
    if isinstance(block, CommentBlock):
        return block.text.strip()
    return block.raw.strip()


def _order(options: FormatOptions) -> dict[str, int]:
    return {name: i for i, name in enumerate(options.field_order)}


def _render_entry(entry: BibEntry, options: FormatOptions, order: dict[str, int]) -> str:
    last = len(order)
    # A stable sort: unknown fields (all ranked `last`) keep the order they were written in.
    fields = sorted(entry.fields, key=lambda field: order.get(field.name, last))
    head = f"@{entry.entry_type}{{{entry.key},"
    if not fields:
        return head + "\n}"
    width = max([len(f.name) for f in fields]) if options.align else 0
    indent, month_macros = options.indent, options.month_macros
    lines = [head]
    for name, value, _ in fields:
        text = _normalized(name, value, month_macros, False)
        if options.journal_names != "as-given" and name in _VENUE_FIELDS:
            text = _spelled_venue(name, text, options.journal_names, _year(entry))
        lines.append(f"{indent}{name.ljust(width)} = {text},")
    lines.append("}")
    return "\n".join(lines)


_VENUE_FIELDS = frozenset({"journal", "journaltitle", "booktitle"})
_PLAIN_VENUE = re.compile(r"\{[^{}\\]*(?:\\&[^{}\\]*)*\}")  # braced, no commands but \&


def _year(entry: BibEntry) -> int | None:
    match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", entry.get("year") or entry.get("date") or "")
    return int(match.group(1)) if match else None


@lru_cache(maxsize=8192)
def _spelled_venue(name: str, value: str, form: JournalNames, year: int | None) -> str:
    """A plain journal/booktitle value in ``form``; macros and LaTeX stay as written."""
    if not _PLAIN_VENUE.fullmatch(value):
        return value
    from normalizer.text.journals import venue_spelling  # local: the journal list is large

    given = value[1:-1].replace("\\&", "&")
    spelt = venue_spelling(given, journal=name != "booktitle", year=year, form=form)
    return value if spelt == " ".join(given.split()) else "{" + spelt.replace("&", "\\&") + "}"


def is_canonical(block: BibEntry | StringBlock, options: FormatOptions, order: dict[str, int]) -> bool:
    """``render_block(block) == block.raw.strip()``, deciding at the first difference.

    An unformatted entry usually differs in its first field line, so most of them are
    told apart without normalizing a single value.
    """
    raw = block.raw.strip()
    if isinstance(block, StringBlock):
        return render_block(block, options, order) == raw
    head = f"@{block.entry_type}{{{block.key},"
    if not raw.startswith(head):
        return False
    position = len(head)
    fields = sorted(block.fields, key=lambda field: order.get(field.name, len(order)))
    width = max([len(f.name) for f in fields], default=0) if options.align else 0
    year = _year(block) if options.journal_names != "as-given" else None
    for name, value, _ in fields:
        text = _normalized(name, value, options.month_macros, False)
        if options.journal_names != "as-given" and name in _VENUE_FIELDS:
            text = _spelled_venue(name, text, options.journal_names, year)
        for piece in (f"\n{options.indent}{name.ljust(width)} = ", text + ","):
            if not raw.startswith(piece, position):
                return False
            position += len(piece)
    return raw[position:] == "\n}"


def _sorted_blocks(blocks: Sequence[RenderedBlock]) -> list[RenderedBlock]:
    """``@string``/``@preamble`` first; then entries by key, each with the comments just above it."""
    head = [b for b in blocks if b.kind in ("string", "preamble")]
    groups: list[tuple[str, int, list[RenderedBlock]]] = []
    pending: list[RenderedBlock] = []
    for index, block in enumerate(blocks):
        if block.kind in ("string", "preamble"):
            continue
        pending.append(block)
        if block.key is not None:
            groups.append((block.key.casefold(), index, pending))
            pending = []
    groups.sort(key=lambda g: (g[0], g[1]))
    out = head + [b for _, _, group in groups for b in group]
    return out + pending  # trailing comments and unkeyed failures stay at the end


# -- safety ----------------------------------------------------------------------------------------


class Census(NamedTuple):
    """What must survive a rewrite: every entry key (with repeats) and the unreadable blocks."""

    keys: Counter[str]
    unkeyed_failures: int

    @staticmethod
    def of(blocks: Iterable[Block | RenderedBlock]) -> Census:
        keys: Counter[str] = Counter()
        unkeyed = 0
        for block in blocks:
            if isinstance(block, RenderedBlock):
                entry, failed, key = block.kind == "entry", block.kind == "failed", block.key
            else:
                entry, failed = isinstance(block, BibEntry), isinstance(block, FailedBlock)
                key = block.key if isinstance(block, BibEntry | FailedBlock) else None
            if key is not None and (entry or failed):
                keys[key] += 1
            elif failed:
                unkeyed += 1
        return Census(keys, unkeyed)

    @staticmethod
    def total(pieces: Iterable[Census]) -> Census:
        keys: Counter[str] = Counter()
        unkeyed = 0
        for piece in pieces:
            keys.update(piece.keys)
            unkeyed += piece.unkeyed_failures
        return Census(keys, unkeyed)


def assert_nothing_lost(
    before: BibFile | Census | str, after: BibFile | Census | str, path: str = ""
) -> None:
    """Raise `SafetyError` unless ``after`` has the same entries (count and key multiset) as ``before``.

    Either side may be text, which is parsed first: the check is on what a
    BibTeX reader would see, not on our model.
    """
    old, new = _census(before), _census(after)
    if old == new:
        return
    lost = sorted((old.keys - new.keys).elements())
    gained = sorted((new.keys - old.keys).elements())
    detail = []
    if lost:
        detail.append("lost " + ", ".join(lost[:5]) + (" ..." if len(lost) > 5 else ""))
    if gained:
        detail.append("gained " + ", ".join(gained[:5]) + (" ..." if len(gained) > 5 else ""))
    if not detail:
        detail.append(f"unreadable blocks went from {old.unkeyed_failures} to {new.unkeyed_failures}")
    where = path or next(
        (f.path for f in (after, before) if isinstance(f, BibFile) and f.path != "<string>"), "<string>"
    )
    raise SafetyError(
        f"{where}: refusing to write: {old.keys.total()} entries before, "
        f"{new.keys.total()} after ({'; '.join(detail)})"
    )


def _census(value: BibFile | Census | str) -> Census:
    if isinstance(value, Census):
        return value
    return Census.of((parse_bibtex(value) if isinstance(value, str) else value).blocks)


def iter_entries(files: Iterable[BibFile]) -> Iterator[tuple[BibFile, BibEntry]]:
    """Every entry of every file, with its file."""
    for bibfile in files:
        for block in bibfile.blocks:
            if isinstance(block, BibEntry):
                yield bibfile, block
