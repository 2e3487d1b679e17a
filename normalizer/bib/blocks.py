"""The parsed form of a ``.bib`` file: its blocks in file order, none dropped.

Entries (`BibEntry`, with their `BibField`s), ``@string`` (`StringBlock`) and ``@preamble``
(`PreambleBlock`) definitions, the text between them (`CommentBlock`) and the commands BibTeX
does not read as they are meant (`FailedBlock`, kept verbatim), together a `BibFile`. Values
are the raw text, delimiters included (`bibnorm.bib.values` reads them); `bibnorm.bib.reading`
makes these blocks, `bibnorm.bib.formatting` writes them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from bibnorm.bib.bibtex_scan import Command, ascii_lower
from bibnorm.bib.values import expand_value, macro_texts, unquote

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

    def texts(self, macros: dict[str, str]) -> dict[str, str]:
        """Each field's text as BibTeX prints it (`bibnorm.bib.values.expand_value`, ``macros``
        from `BibFile.macros`), stripped, by name; a field given twice counts once, as BibTeX
        reads the first."""
        texts: dict[str, str] = {}
        for field in self.fields:
            if field.name not in texts:
                texts[field.name] = expand_value(field.value, macros).strip()
        return texts

    def parents(self) -> tuple[str, ...]:
        """The keys the entry inherits fields from, lower-case as BibTeX compares them: BibTeX's
        ``crossref``, biblatex's ``xdata`` (a list)."""
        found: list[str] = []
        for field in self.fields:
            if field.name == "crossref":
                found.append(field.text.strip())
            elif field.name == "xdata":
                found += [key.strip() for key in field.text.split(",")]
        return tuple(ascii_lower(key) for key in found if key)

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
    # biber reads it too: only stray text precedes it on its line, no ``%`` and no
    # ``@comment{`` around it (biber skips both; BibTeX neither).
    biber_reads: bool = False


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

    def macros(self) -> dict[str, str]:
        """The text of each ``@string`` macro by lower-case name, each definition expanded with
        the ones before it (`bibnorm.bib.values.macro_texts`)."""
        return macro_texts((b.name, b.value) for b in self.blocks if isinstance(b, StringBlock))

    def entry_keys(self) -> list[str]:
        """Every entry key, duplicates included, entries kept as failed blocks too."""
        keys = [b.key for b in self.blocks if isinstance(b, BibEntry)]
        keys += [b.key for b in self.blocks if isinstance(b, FailedBlock) and b.key is not None]
        return keys

    def with_blocks(self, blocks: Iterable[Block]) -> BibFile:
        return dataclasses.replace(self, blocks=tuple(blocks))


def block_of(
    command: Command, text: str, line: Callable[[int], int]
) -> BibEntry | StringBlock | PreambleBlock:
    """The block of a command BibTeX reads whole, from ``text`` (``line``: an offset's line)."""
    raw = text[command.at : command.end]
    at = line(command.at)
    if command.kind == "string":
        field = command.fields[0]
        return StringBlock(name=field.name, value=field.value, line=at, raw=raw)
    if command.kind == "preamble":
        return PreambleBlock(value=command.fields[0].value, line=at, raw=raw)
    fields = tuple([BibField(ascii_lower(f.name), f.value, line(f.name_at)) for f in command.fields])
    return BibEntry(ascii_lower(command.name), command.key or "", fields, at, raw)


def iter_entries(files: Iterable[BibFile]) -> Iterator[tuple[BibFile, BibEntry]]:
    """Every entry of every file, with its file."""
    for bibfile in files:
        for block in bibfile.blocks:
            if isinstance(block, BibEntry):
                yield bibfile, block
