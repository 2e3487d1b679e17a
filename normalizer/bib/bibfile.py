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
or abbreviated (`bibnorm.text.journals`; plain values only: a macro or a value with
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
from bibnorm.bib.bibtex_scan import Command, ascii_lower, ends_last_line, scan_commands
from bibnorm.config import JournalNames
from bibnorm.errors import SafetyError, shown
from bibnorm.io import LineCounter, read_text
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
# BibTeX's white space is space, tab and the line end; a no-break space is text.
_SPACES = re.compile(r"[ \t\n]+")
_BLANKS = " \t\n"
_BRACE = re.compile(r"[{}]")
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


class InnerCommand(NamedTuple):
    """An entry or @string BibTeX reads inside text bibnorm keeps verbatim: a ``%`` comment
    (``%@article{...}``), an ``@comment{...}`` (biber skips its content, BibTeX does not), or
    the rest of a broken entry."""

    kind: str  # "entry" or "string"
    name: str  # the entry's key or the macro's name
    line: int
    # The ``@`` ends its line (btxdoc's ``...may use.@`` before ``MaNuAl (scribe,``): written
    # there on purpose, it reads as an entry, not as one hidden in text.
    deliberate: bool = False


@dataclass(frozen=True, slots=True)
class CommentBlock:
    """Text between entries, or an ``@comment`` block (``explicit``); kept verbatim.

    ``inner`` are the entries and @strings BibTeX reads in it all the same (``%`` is no
    comment to BibTeX, and its ``@comment`` hides nothing).
    """

    text: str
    line: int
    explicit: bool = False
    inner: tuple[InnerCommand, ...] = ()


@dataclass(frozen=True, slots=True)
class FailedBlock:
    """A command BibTeX does not read as it is meant; written back verbatim.

    ``error`` says what BibTeX does with it (which line, what is lost); ``code`` is the
    check that reports it. ``key`` is set when the block is an entry, so it still counts
    as one; ``inner`` are the entries and @strings BibTeX reads in the text it skips.
    """

    raw: str
    line: int
    error: str
    key: str | None = None
    code: str = "BN101"
    inner: tuple[InnerCommand, ...] = ()
    glued: bool = False  # written on the line where the block before it ends (see `_Layout`)


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
        return {ascii_lower(b.name): b.value for b in self.blocks if isinstance(b, StringBlock)}

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
        piece = parse_piece(text, span)
        if piece is None:
            blocks.extend(parse_span(text, rest_of(text, span)))
            break
        blocks.extend(piece)
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
    return _Layout(text, span).blocks()


def parse_piece(text: str, span: Span) -> list[Block] | None:
    """`parse_span`, or None when BibTeX's reading of the piece's last command runs past the
    piece's end (a brace that never closes swallows the rest of the file; a value cut at the
    piece's end): the cut was no boundary of BibTeX's, and the text from the piece's start on
    must be read as one piece (`rest_of`), whatever the number of pieces or workers."""
    layout = _Layout(text, span)
    blocks = layout.blocks()
    return None if layout.runs_on else blocks


def rest_of(text: str, span: Span) -> Span:
    """The piece from ``span``'s start to the end of ``text``."""
    return Span(span.start, len(text), span.lines)


# Text that starts a field (``name =``) or an entry at a line start: what a runaway value
# swallowed, or what a broken entry loses.
_FIELD_START = re.compile(r"(?:^|[,}\"])[ \t\n]*([A-Za-z][\w.:+-]{0,40})[ \t\n]*=", re.MULTILINE)
# A field swallowed by a value: after a closing brace or quote and a comma, a name at the start
# of a line. (biblatex's name parts, ``{given={Jean}, family=Duc}``, are not fields.)
# (An escaped brace does not end a field: Mendeley writes a record pasted into a note with its
# braces escaped, ``year = 2010,`` after ``\},``, and BibTeX reads it as the note's text.)
_SWALLOWED_FIELD = re.compile(
    r"(?<!\\)[}\"][ \t]*,[ \t]*\n[ \t\n]*([A-Za-z][\w.:+-]{0,40})[ \t]*=[ \t\n]*[{\"0-9A-Za-z]"
)
_NAME_PARTS = frozenset({"given", "family", "prefix", "suffix", "middle", "giveni", "familyi", "useprefix"})
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*[{(][ \t]*([^\s,{}()]*)", re.MULTILINE)
_DEFINITIONS = frozenset({"comment", "string", "preamble"})


@dataclass
class _Unit:
    """Text kept verbatim: a comment (free text, ``@comment``) or a command BibTeX cannot read
    whole, with the commands BibTeX reads inside it."""

    start: int
    line: int
    command: Command | None = None  # the failed command, or the @comment
    problem: tuple[str, str] | None = None  # (check code, message) of a failed command
    hides_until: int = -1  # an @comment's closing brace: biber skips everything before it
    inner: list[InnerCommand] = dataclasses.field(default_factory=list)

    def block(self, text: str, end: int) -> Block | None:
        raw = text[self.start : end].rstrip(" \t\n")
        inner = tuple(self.inner)
        if self.problem is None:
            explicit = self.command is not None
            stripped = raw.strip(" \t\n")
            return CommentBlock(stripped, self.line, explicit, inner) if stripped else None
        key = self.command.key if self.command is not None and self.command.kind == "entry" else None
        code, message = self.problem
        return FailedBlock(raw, self.line, message, key, code, inner)


class _Layout:
    """The blocks of a piece of text, from the commands BibTeX reads in it (`scan_commands`).

    A command starts a block of its own only when its ``@`` is the first thing on its line
    (or follows another block on the same line). An ``@`` inside other text -- a ``%``
    comment, an e-mail address, the rest of a broken entry -- is still read by BibTeX, so
    that text is kept verbatim, together with whatever BibTeX reads from there. An
    ``@comment{...}`` keeps its braces' content verbatim for the same reason (biber skips it,
    BibTeX reads the entries in it). A command BibTeX cannot read whole is a `FailedBlock`
    running to the next block, so that the text BibTeX skips stays exactly as it was.
    """

    def __init__(self, text: str, span: Span) -> None:
        self.text, self.span = text, span
        self.line = LineCounter(text, span.start, span.lines)
        self.runs_on = False  # BibTeX's reading of the last command goes on past the piece's end

    def blocks(self) -> list[Block]:
        text, line = self.text, self.line
        commands = scan_commands(text, self.span.start, self.span.end)
        last_error = commands[-1].error if commands else None
        self.runs_on = self.span.end < len(text) and last_error is not None and last_error.kind == "eof"
        out: list[Block] = []
        unit: _Unit | None = None
        previous = self.span.start
        for index, command in enumerate(commands):
            junk = text[previous : command.at]
            if not _starts_line(junk) or (unit is not None and command.at < unit.hides_until):
                if unit is None:
                    unit = _Unit(previous, line(previous + len(junk) - len(junk.lstrip(" \t\n"))))
                unit.inner.extend(self._inner(command))
                previous = command.end
                continue
            if unit is not None:
                block = unit.block(text, command.at)
                if block is not None:
                    out.append(block)
                unit = None
            elif junk.strip(" \t\n"):
                first = previous + len(junk) - len(junk.lstrip(" \t\n"))
                out.append(CommentBlock(junk.strip(" \t\n"), line(first)))
            following = commands[index + 1].at if index + 1 < len(commands) else self.span.end
            problem = _problem(text, command, line, following)
            if problem is not None or command.kind == "comment":
                unit = _Unit(command.at, line(command.at), command, problem)
                if command.kind == "comment":
                    unit.hides_until = _braced_end(text, command.end, self.span.end)
            else:
                out.append(self._block(command))
            previous = command.end
        if unit is not None:
            block = unit.block(text, self.span.end)
            if block is not None:
                out.append(block)
        else:
            junk = text[previous : self.span.end]
            if commands and "@" in junk and ends_last_line(text, previous):
                out.append(self._unread_tail(commands[-1], junk))
            elif junk.strip(" \t\n"):
                out.append(
                    CommentBlock(junk.strip(" \t\n"), line(previous + len(junk) - len(junk.lstrip(" \t\n"))))
                )
        return out

    def _unread_tail(self, last: Command, junk: str) -> FailedBlock:
        """The text after the last command on the file's last line, which BibTeX never reads: kept
        on that line (on a line of its own BibTeX would read it)."""
        at = self.text.index("@", last.end)
        what = _command_name(scan_commands(self.text, at)[0])
        return FailedBlock(
            junk.strip(" \t\n"),
            self.line(at),
            f"BibTeX ignores {what} and the rest of line {self.line(at)}: it follows the end of "
            f"{_command_name(last)} on the file's last line, and BibTeX stops reading there "
            "(biber reads it); put it on a line of its own",
            glued=True,
        )

    def _inner(self, command: Command) -> list[InnerCommand]:
        if command.kind == "entry" and command.key is not None:
            line_end = self.text.find("\n", command.at)
            rest = self.text[command.at + 1 : line_end if line_end != -1 else len(self.text)]
            return [InnerCommand("entry", command.key, self.line(command.at), not rest.strip(" \t"))]
        if command.kind == "string" and command.error is None:
            return [InnerCommand("string", command.fields[0].name, self.line(command.at))]
        return []

    def _block(self, command: Command) -> Block:
        text, line = self.text, self.line
        raw = text[command.at : command.end]
        at = line(command.at)
        if command.kind == "string":
            field = command.fields[0]
            return StringBlock(name=field.name, value=field.value, line=at, raw=raw)
        if command.kind == "preamble":
            return PreambleBlock(value=command.fields[0].value, line=at, raw=raw)
        fields = tuple([BibField(ascii_lower(f.name), f.value, line(f.name_at)) for f in command.fields])
        return BibEntry(ascii_lower(command.name), command.key or "", fields, at, raw)


def _starts_line(junk: str) -> bool:
    """True when an ``@`` after ``junk`` is the first thing on its line, or follows the
    previous block with only blanks between."""
    newline = junk.rfind("\n")
    return not junk[newline + 1 :].strip(" \t")


def _braced_end(text: str, position: int, end: int) -> int:
    """Where the braces (or parentheses) that follow ``position`` close, as biber reads an
    ``@comment``: -1 when no group follows."""
    while position < end and text[position] in " \t\n":
        position += 1
    if position >= end or text[position] not in "{(":
        return -1
    if text[position] == "(":
        close = text.find(")", position, end)
        return close if close != -1 else end
    depth = 0
    for match in _BRACE.finditer(text, position, end):
        depth += 1 if match.group() == "{" else -1
        if depth == 0:
            return match.start()
    return end


_COUNTS = "BibTeX counts \\{ and \\} as braces too"


def _command_name(command: Command) -> str:
    return f"@{command.name}{{{command.key}}}" if command.key is not None else f"@{command.name}"


def _problem(text: str, command: Command, line: LineCounter, following: int) -> tuple[str, str] | None:
    """(check code, message) when BibTeX does not read ``command`` as it is meant, else None.

    ``following`` is where the next command starts: the text up to it is what BibTeX
    skips after an error, and what an entry closed too early leaves outside it.
    """
    what = _command_name(command)
    swallowed = _swallowing_field(command)
    if swallowed is not None:
        field, fields, entries, close = swallowed
        lost = _listed(fields + [f"entry {key}" for key in entries])
        return (
            "BN104",
            f"the value of {field} (line {line(_field_at(command, field))}) "
            f"closes only on line {line(close)}: "
            f"a brace in it is unmatched ({_COUNTS}), so BibTeX reads {lost} into it",
        )
    if command.error is None:
        after = text[command.end : following]
        if command.kind == "entry" and _EXTRA_FIELDS.match(after):
            return (
                "BN104",
                f"an extra '{text[command.end - 1]}' on line {line(command.end - 1)} ends {what} early: "
                f"BibTeX ignores {_listed(_FIELD_START.findall(after))}",
            )
        return None
    return _error_problem(text, command, what, line, following)


_EXTRA_FIELDS = re.compile(r"[ \t\n]*,?[ \t\n]*([A-Za-z][\w.:+-]{0,40})[ \t\n]*=")


def _error_problem(
    text: str, command: Command, what: str, line: LineCounter, following: int
) -> tuple[str, str]:
    """What BibTeX does with a command it stopped reading (`Command.error`)."""
    error = command.error
    assert error is not None
    if error.kind == "eof":
        if error.value_at is None:
            return (
                "BN104",
                f"{what} is not closed at the end of the file: BibTeX keeps what it read (an error)",
            )
        entries = [
            key
            for kind, key in _ENTRY_START.findall(text, error.value_at)
            if kind.lower() not in _DEFINITIONS
        ]
        lost = _listed([error.field or "the value", *(f"entry {key}" for key in entries)])
        return (
            "BN104",
            f"the value of {error.field} (line {line(error.value_at)}) never closes: "
            "a brace or quote in it is "
            f"unmatched ({_COUNTS}), so BibTeX reads to the end of the file and loses {lost}",
        )
    at = line(error.at)
    lost = _listed(_FIELD_START.findall(text[error.at : following]))  # a slice: ^ matches at its start
    gone = f"BibTeX stops reading {what} there" + (f" and loses {lost}" if lost != "nothing" else "")
    start = error.start if error.start is not None else error.at
    first = text[start : start + 1]
    if error.kind in ("after-value", "field-name") and first == "%":
        return (
            "BN106",
            f"a % comment inside {what} (line {at}): BibTeX knows no comments; {gone} (biber reads them)",
        )
    if error.kind == "after-value" and first == "@":
        return (
            "BN104",
            f"{what} is not closed before the next entry (line {at}): BibTeX reports an error, reads on",
        )
    if error.kind == "field-name" and first == "@":
        following_entry = _ENTRY_START.match(text, text.rfind("\n", 0, start) + 1)
        next_entry = f"entry {following_entry.group(2)}" if following_entry else "the next entry"
        return (
            "BN104",
            f"{what} is not closed before the next entry (line {at}): BibTeX reads its '@' as a field name "
            f"and loses {next_entry}",
        )
    if error.kind == "after-value":
        return _after_value(text, command, what, at, gone)
    messages = {
        "field-name": f"BibTeX cannot read a field name at {_shown_at(text, start)} (line {at}): {gone}",
        "equals": f"no '=' after {error.field} (line {at}): {gone}",
        "value": f"{_shown_at(text, start)} is no value BibTeX reads (line {at}; a value is {{...}}, "
        f'"...", a number or an @string name): {gone}',
        "type": f"'@' is not followed by an entry type (line {at}): BibTeX skips to the next '@'",
        "open": f"@{command.name} has no '{{' or '(' (line {at}): BibTeX skips it",
        "close": f"@{command.name} is not closed (line {at}): {gone}",
    }
    if error.kind == "field-name" and "0" <= first <= "9":
        return ("BN101", f"a field name starts with a digit (line {at}): {gone}")
    if error.kind == "unbalanced":
        return (
            "BN104",
            f"the quoted value of {error.field} has a '}}' that closes nothing (line {at}): {gone}",
        )
    return ("BN101", messages[error.kind])


def _after_value(text: str, command: Command, what: str, at: int, gone: str) -> tuple[str, str]:
    """Neither ``,`` nor the closing brace where BibTeX expects one: a missing comma, a missing key."""
    error = command.error
    assert error is not None
    following_field = re.match(r"([A-Za-z][\w.:+-]{0,40})[ \t\n]*=", text[error.at : error.at + 60])
    if following_field and error.field is None:
        return ("BN103", f"no comma after the key {command.key} (line {at}): {gone}")
    if following_field:
        return ("BN103", f"no comma between {error.field} and {following_field.group(1)} (line {at}): {gone}")
    if error.field is None and text.startswith("=", error.at):
        return (
            "BN101",
            f"@{command.name} has no key (line {at}): BibTeX takes {command.key!r} for its key and stops "
            "reading it there",
        )
    return (
        "BN101",
        f"unexpected {_shown_at(text, error.at)} after the value of {error.field} (line {at}): {gone}",
    )


def _swallowing_field(command: Command) -> tuple[str, list[str], list[str], int] | None:
    """(field, fields, entries, closing offset) when a value of ``command`` holds other
    fields or entries: an unmatched brace made BibTeX read them into it."""
    for field in command.fields:
        value = field.value
        if "=" not in value and "@" not in value:
            continue
        entries = [key for kind, key in _ENTRY_START.findall(value) if kind.lower() not in _DEFINITIONS]
        fields = [name for name in _SWALLOWED_FIELD.findall(value) if name.lower() not in _NAME_PARTS]
        if entries or fields:
            return field.name, fields, entries, field.value_at + len(value) - 1
    return None


def _field_at(command: Command, name: str) -> int:
    return next((f.value_at for f in command.fields if f.name == name), command.at)


def _listed(names: Sequence[str], shown: int = 6) -> str:
    """``["title", "year"]`` → ``"title, year"``; the first ``shown`` and a count of the rest."""
    names = list(dict.fromkeys(names))
    if not names:
        return "nothing"
    words = ", ".join(names[:shown])
    return words + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _shown_at(text: str, position: int) -> str:
    """The text at ``position`` as a message shows it: the rest of its line, quoted and cut."""
    end = text.find("\n", position)
    piece = text[position : end if end != -1 else len(text)].strip()
    return repr(piece[:30] + ("..." if len(piece) > 30 else "")) if piece else "the end of the line"


# -- values ----------------------------------------------------------------------------------------


def split_value(value: str) -> list[str]:
    """Split a raw value on top-level ``#`` into its parts (braced, quoted, number or macro)."""
    if "#" not in value:
        return [value.strip(_BLANKS)]
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
            parts.append(value[start:i].strip(_BLANKS))
            start = i + 1
    parts.append(value[start:].strip(_BLANKS))
    return parts


def unquote(value: str) -> str:
    """The content of a single ``{...}`` or ``"..."`` value; other values are returned as written."""
    value = value.strip(_BLANKS)
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
        return _SPACES.sub(" ", value).strip(_BLANKS)  # malformed concatenation: tidy spaces only
    # Spaces at the ends of a concatenated part or an @string text are part of the
    # result ("Proceedings of the " # venue): only a whole field value may be trimmed.
    trim = len(parts) == 1 and not definition
    out = [_normalize_part(name, part, trim) for part in parts]
    if name == "month" and month_macros and len(out) == 1:
        inner = unquote(out[0]).strip(_BLANKS).rstrip(".").lower()
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
        return ascii_lower(part) if _MACRO.fullmatch(part) else part
    if name not in _VERBATIM_FIELDS and ("  " in content or "\t" in content or "\n" in content):
        content = _SPACES.sub(_one_space, content)  # (single spaces alone are already what this writes)
    return "{" + (content.strip(_BLANKS) if trim else content) + "}"


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


def render_blocks(bibfile: BibFile, options: FormatOptions) -> list[RenderedBlock]:
    """Every block of a file (or of a piece of one) in the canonical style."""
    order = _order(options)
    out: list[RenderedBlock] = []
    for block in bibfile.blocks:
        text = render_block(block, options, order)
        if isinstance(block, BibEntry):
            out.append(RenderedBlock(text, "entry", block.key))
        elif isinstance(block, FailedBlock):
            note = f"{block.line}: {block.code} {block.error}"
            out.append(RenderedBlock(text, "failed", block.key, note, block.glued))
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
        return f"@preamble{{{block.value.strip(_BLANKS)}}}"
    if isinstance(block, CommentBlock):
        return block.text.strip(_BLANKS)
    return block.raw.strip(_BLANKS)


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
        if options.journal_names != "as-given" and name in VENUE_FIELDS:
            text = _spelled_venue(name, text, options.journal_names, _year(entry))
        lines.append(f"{indent}{name.ljust(width)} = {text},")
    lines.append("}")
    return "\n".join(lines)


VENUE_FIELDS = frozenset({"journal", "journaltitle", "booktitle"})  # respelt per `journal_names`
_PLAIN_VENUE = re.compile(r"\{[^{}\\]*(?:\\&[^{}\\]*)*\}")  # braced, no commands but \&


def _year(entry: BibEntry) -> int | None:
    match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", entry.get("year") or entry.get("date") or "")
    return int(match.group(1)) if match else None


def venue_as_laid_out(entry: BibEntry, name: str, text: str, form: JournalNames) -> str:
    """The canonical ``text`` of ``entry``'s venue field ``name`` (one of `VENUE_FIELDS`) as
    `render_block` writes it in a layout whose ``journal_names`` is ``form``."""
    return _spelled_venue(name, text, form, _year(entry))


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
    raw = block.raw.strip(_BLANKS)
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
        if options.journal_names != "as-given" and name in VENUE_FIELDS:
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
