"""Canonical formatting of a parsed ``.bib`` file: what ``bibnorm format`` writes.

Formatting (`render`, `format_bibtex`) is deterministic and idempotent: fields in a fixed
order, lower-case names, one indentation and alignment, every value braced except macros and
concatenations, month macros, one blank line between blocks, and — when
``FormatOptions.journal_names`` asks — journal and conference names written in full or
abbreviated (`bibnorm.text.journals`; plain values only: a macro or a value with LaTeX
commands stays as written). Blocks kept verbatim (comments, failed blocks) are written as they
were. `is_canonical` tells whether an entry is already laid out so, without rendering it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.blocks import BibEntry, BibFile, Block, CommentBlock, FailedBlock, PreambleBlock, StringBlock
from bibnorm.bib.reading import parse_bibtex
from bibnorm.bib.values import BLANKS, balanced, encloses, split_value, unquote
from bibnorm.config import JournalNames
from bibnorm.errors import shown
from bibnorm.text.months import MONTHS
from pydantic import BaseModel, ConfigDict, field_validator

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

# BibTeX's month macros: the months' abbreviations in lower case ("jan" … "dec").
MONTH_MACROS: tuple[str, ...] = tuple(month.abbreviation.lower() for month in MONTHS)
_MONTH_NAMES = {
    **{m: m for m in MONTH_MACROS},
    **{month.name.lower(): macro for month, macro in zip(MONTHS, MONTH_MACROS, strict=True)},
    **{str(i + 1): m for i, m in enumerate(MONTH_MACROS)},
    **{f"{i + 1:02d}": m for i, m in enumerate(MONTH_MACROS)},
    **{other.lower(): m for month, m in zip(MONTHS, MONTH_MACROS, strict=True) for other in month.also},
}

# Values where whitespace is data (a URL with a space is broken, not reflowed).
_VERBATIM_FIELDS = frozenset(
    {"url", "doi", "eprint", "file", "pdf", "verb", "verba", "verbb", "howpublished"}
)
# BibTeX's white space is space, tab and the line end; a no-break space is text.
_SPACES = re.compile(r"[ \t\n]+")
_NUMBER = re.compile(r"[0-9]+")
_MACRO = re.compile(r"[^ \t\n\"#%'(),={}]+")


class FormatOptions(BaseModel):
    """How `bibnorm format` lays a file out. The defaults are the canonical style."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indent: str = "  "
    align: bool = True  # pad field names so the ``=`` signs of an entry line up
    field_order: tuple[str, ...] = DEFAULT_FIELD_ORDER
    sort: bool = False  # entries by key (``@string``/``@preamble`` stay first)
    # ``month = {March}`` -> ``month = mar``: off by default, as it changes the printed month
    # under styles whose macros are not the text (``{jan}`` -> ``jan`` prints "January").
    month_macros: bool = False
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
        return _SPACES.sub(" ", value).strip(BLANKS)  # malformed concatenation: tidy spaces only
    # Spaces at the ends of a concatenated part or an @string text are part of the
    # result ("Proceedings of the " # venue): only a whole field value may be trimmed.
    trim = len(parts) == 1 and not definition
    out = [_normalize_part(name, part, trim) for part in parts]
    if name == "month" and month_macros and len(out) == 1:
        inner = unquote(out[0]).strip(BLANKS).rstrip(".").lower()
        if inner in _MONTH_NAMES:
            return _MONTH_NAMES[inner]
    return " # ".join(out)


def _normalize_part(name: str, part: str, trim: bool) -> str:
    braced = part[0] == "{" and encloses(part)
    quoted = part[0] == '"' and part[-1] == '"' and len(part) >= 2 and balanced(part[1:-1])
    if braced or quoted:
        content = part[1:-1]
    elif _NUMBER.fullmatch(part):
        content = part
    else:
        # A macro (@string reference or month); lower-case as BibTeX compares them that way.
        return ascii_lower(part) if _MACRO.fullmatch(part) else part
    if name not in _VERBATIM_FIELDS and ("  " in content or "\t" in content or "\n" in content):
        content = _SPACES.sub(_one_space, content)  # (single spaces alone are already what this writes)
    return "{" + (content.strip(BLANKS) if trim else content) + "}"


def _one_space(run: re.Match[str]) -> str:
    """A white space run as one space, as BibTeX reads it; but a run with a tab and no line end
    stays: biber keeps it in the value it hands to biblatex (``models<tab>and``)."""
    text = run.group()
    return text if "\t" in text and "\n" not in text else " "


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
    note: str | None = None  # a failed block: "line: what BibTeX does with it" (it is kept as it was)
    glued: bool = False  # written right after the block before it, on its last line
    parents: tuple[str, ...] = ()  # an entry's crossref and xdata keys: sorting keeps them after it
    macro: str | None = None  # a @string's name, lower-case


def render_blocks(bibfile: BibFile, options: FormatOptions) -> list[RenderedBlock]:
    """Every block of a file (or of a piece of one) in the canonical style."""
    order = _order(options)
    out: list[RenderedBlock] = []
    for block in bibfile.blocks:
        text = render_block(block, options, order)
        if isinstance(block, BibEntry):
            out.append(RenderedBlock(text, "entry", block.key, parents=block.parents()))
        elif isinstance(block, FailedBlock):
            note = f"{block.line}: {block.code} {block.error}"
            out.append(RenderedBlock(text, "failed", block.key, note, block.glued))
        elif isinstance(block, StringBlock):
            out.append(RenderedBlock(text, "string", macro=ascii_lower(block.name)))
        elif isinstance(block, PreambleBlock):
            out.append(RenderedBlock(text, "preamble"))
        else:
            out.append(RenderedBlock(text, "comment"))
    return out


def unsorted_because(blocks: Sequence[RenderedBlock]) -> str | None:
    """Why sorting would change what BibTeX prints, so the blocks keep their order: a macro
    defined twice (`_sorted_blocks` puts every @string first, so an entry between the two
    definitions would print the second); None where sorting is safe."""
    seen: set[str] = set()
    for block in blocks:
        if block.macro is not None:
            if block.macro in seen:
                return f"@string {block.macro} is defined twice: sorting would change what BibTeX prints"
            seen.add(block.macro)
    return None


def join_rendered(blocks: Sequence[RenderedBlock], options: FormatOptions, newline: str = "\n") -> str:
    """The file text of rendered blocks: sorted if ``options.sort`` (where sorting changes nothing
    BibTeX prints: `unsorted_because`), one blank line between blocks."""
    if options.sort and unsorted_because(blocks) is None:
        blocks = _sorted_blocks(blocks)
    parts: list[str] = []
    for block in blocks:
        if block.text and parts:
            parts.append("" if block.glued else "\n\n")
        if block.text:
            parts.append(block.text)
    text = "".join(parts)
    text = text + "\n" if text else ""
    newline = options.newline or newline
    return text.replace("\n", newline) if newline != "\n" else text


def render_block(block: Block, options: FormatOptions, order: dict[str, int] | None = None) -> str:
    """One block in the canonical style (without a trailing newline)."""
    if isinstance(block, BibEntry):
        return _render_entry(block, options, order if order is not None else _order(options))
    if isinstance(block, StringBlock):
        value = normalize_value(ascii_lower(block.name), block.value, options, definition=True)
        return f"@string{{{block.name} = {value}}}"
    if isinstance(block, PreambleBlock):
        return f"@preamble{{{block.value.strip(BLANKS)}}}"
    if isinstance(block, CommentBlock):
        return block.text.strip(BLANKS)
    return block.raw.strip(BLANKS)


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
        if options.journal_names != "as-given" and _a_venue(entry, name):
            text = _spelled_venue(name, text, options.journal_names, _year(entry))
        lines.append(f"{indent}{name.ljust(width)} = {text},")
    lines.append("}")
    return "\n".join(lines)


VENUE_FIELDS = frozenset({"journal", "journaltitle", "booktitle"})  # respelt per `journal_names`
# Entries whose booktitle is a book's title, no proceedings' or journal's name: never respelt.
_BOOK_PARTS = frozenset({"inbook", "incollection", "bookinbook", "suppbook", "inreference"})


def _a_venue(entry: BibEntry, name: str) -> bool:
    """Whether ``entry``'s field ``name`` names a venue `journal_names` respells: a journal, or
    proceedings (not a chapter's book: "The Sociology of Economic Life")."""
    return name in VENUE_FIELDS and not (name == "booktitle" and entry.entry_type in _BOOK_PARTS)


_PLAIN_VENUE = re.compile(r"\{[^{}\\]*(?:\\&[^{}\\]*)*\}")  # braced, no commands but \&


def _year(entry: BibEntry) -> int | None:
    match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", entry.get("year") or entry.get("date") or "")
    return int(match.group(1)) if match else None


def venue_as_laid_out(entry: BibEntry, name: str, text: str, form: JournalNames) -> str:
    """The canonical ``text`` of ``entry``'s venue field ``name`` (one of `VENUE_FIELDS`) as
    `render_block` writes it in a layout whose ``journal_names`` is ``form``."""
    return _spelled_venue(name, text, form, _year(entry)) if _a_venue(entry, name) else text


@lru_cache(maxsize=8192)
def _spelled_venue(name: str, value: str, form: JournalNames, year: int | None) -> str:
    """A plain journal/booktitle value in ``form``; macros and LaTeX stay as written."""
    if not _PLAIN_VENUE.fullmatch(value):
        return value
    from bibnorm.text.journals import venue_spelling  # local: the journal list is large

    given = value[1:-1].replace("\\&", "&")
    spelt = venue_spelling(given, journal=name != "booktitle", year=year, form=form)
    return value if spelt == " ".join(given.split()) else "{" + spelt.replace("&", "\\&") + "}"


def is_canonical(block: BibEntry | StringBlock, options: FormatOptions, order: dict[str, int]) -> bool:
    """``render_block(block) == block.raw.strip()``, deciding at the first difference.

    An unformatted entry usually differs in its first field line, so most of them are
    told apart without normalizing a single value.
    """
    raw = block.raw.strip(BLANKS)
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
        if options.journal_names != "as-given" and _a_venue(block, name):
            text = _spelled_venue(name, text, options.journal_names, year)
        for piece in (f"\n{options.indent}{name.ljust(width)} = ", text + ","):
            if not raw.startswith(piece, position):
                return False
            position += len(piece)
    return raw[position:] == "\n}"


def _sorted_blocks(blocks: Sequence[RenderedBlock]) -> list[RenderedBlock]:
    """``@string``/``@preamble`` first; then entries by key, each with the comments just above it;
    the entries another one's ``crossref`` or ``xdata`` names last, by key (BibTeX reads a
    parent only after the entries that name it: sorted before them, their inherited fields would
    be lost)."""
    head = [b for b in blocks if b.kind in ("string", "preamble")]
    parents = {parent for block in blocks for parent in block.parents}
    groups: list[tuple[bool, str, int, list[RenderedBlock]]] = []
    pending: list[RenderedBlock] = []
    for index, block in enumerate(blocks):
        if block.kind in ("string", "preamble"):
            continue
        pending.append(block)
        if block.key is not None:
            groups.append((ascii_lower(block.key) in parents, block.key.casefold(), index, pending))
            pending = []
    groups.sort(key=lambda g: (g[0], g[1], g[2]))
    out = head + [b for *_, group in groups for b in group]
    return out + pending  # trailing comments and unkeyed failures stay at the end
