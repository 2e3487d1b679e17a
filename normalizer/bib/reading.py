"""Reading a ``.bib`` file the way BibTeX 0.99d reads it: the one reading of ``.bib`` input.

`parse_bibtex` turns text into a `BibFile` whose blocks are what BibTeX reads
(`bibnorm.bib.bibtex_scan` finds its commands); every command of bibnorm that reads a ``.bib``
file (``check``, ``format``, ``fix``, ``verify``, ``resolve``, ``tex``) reads it through here,
so they all see the same entries. Field values stay exactly as written (delimiters, ``@string``
references and ``#`` concatenations included). A command BibTeX does not read as it is meant
is kept verbatim as a `FailedBlock` with its line and what BibTeX does with it
(`bibnorm.bib.problems`), never dropped; entries whose key repeats an earlier one are kept as
ordinary entries (the duplicate-key check reports them).

A long text is read in pieces that hold whole blocks (`chunk_spans`), which `bibnorm.bib.parallel`
also hands to worker processes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from bibnorm.bib.bibtex_scan import Command, ends_last_line, scan_commands
from bibnorm.bib.blocks import BibEntry, BibFile, Block, CommentBlock, FailedBlock, InnerCommand, block_of
from bibnorm.bib.problems import command_name, command_problem
from bibnorm.bib.values import BLANKS
from bibnorm.io import LineCounter, read_text

_BRACE = re.compile(r"[{}]")


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


_LINE_END = re.compile(r"\r\n|\r|\n")


def as_written(text: str, entries: Sequence[BibEntry]) -> list[str]:
    """Each entry's ``raw`` as ``text`` (what `parse_bibtex` read) has it: the reading counts
    every line ending as ``\\n``, and this gives each line its own ending back."""
    if "\r" not in text:
        return [entry.raw for entry in entries]
    line_ends = _LINE_END.findall(text.lstrip("\ufeff"))
    written = []
    for entry in entries:
        lines = entry.raw.split("\n")
        ends = line_ends[entry.line - 1 : entry.line - 1 + len(lines) - 1]
        written.append("".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1])
    return written


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
        # Where the raw counts cannot tell (a quote that is text: one in braces, the umlaut
        # ``\"o``; an escaped brace), the marks read as a value's delimiters are, from then on for
        # this piece. Counted raw only, one ``{"}`` kept every later "@" from being a cut, and
        # 100 MB of a 147 MB file were parsed as one piece. A cut misjudged all the same is no
        # boundary of BibTeX's, which `parse_piece` finds out.
        delimiters: tuple[int, bool] | None = None
        counted = start
        cut = text.find("\n@", start + size)
        while cut != -1:
            if delimiters is None:
                depth += text.count("{", counted, cut) - text.count("}", counted, cut)
                quotes += text.count('"', counted, cut)
                if depth == 0 and quotes % 2 == 0:
                    break
                delimiters = _delimiter_state(text, start, cut, (0, False))
            else:
                delimiters = _delimiter_state(text, counted, cut, delimiters)
            counted = cut
            if delimiters == (0, False):
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


def _delimiter_state(text: str, start: int, end: int, state: tuple[int, bool]) -> tuple[int, bool]:
    """(brace depth, inside a quoted value) after ``text[start:end]``, from ``state``, as
    a value's delimiters read: an escaped brace or quote is text, a quote inside braces is text,
    and so is a brace inside quotes."""
    depth, quoted = state
    for match in _SPLITTER_MARK.finditer(text, start, end):
        if match.group() == '"':
            quoted = quoted if depth else not quoted
        elif not quoted:
            depth += 1 if match.group() == "{" else -1
    return depth, quoted


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
        self.out: list[Block] = []  # the blocks so far
        self.unit: _Unit | None = None  # the text kept verbatim being read, if any

    def blocks(self) -> list[Block]:
        commands = scan_commands(self.text, self.span.start, self.span.end)
        last_error = commands[-1].error if commands else None
        self.runs_on = self.span.end < len(self.text) and last_error is not None and last_error.kind == "eof"
        self.out, self.unit = [], None
        previous = self.span.start
        for index, command in enumerate(commands):
            following = commands[index + 1].at if index + 1 < len(commands) else self.span.end
            previous = self._place(command, previous, following)
        junk = self.text[previous : self.span.end]
        if self.unit is None and commands and "@" in junk and ends_last_line(self.text, previous):
            self.out.append(self._unread_tail(commands[-1], junk))
        else:
            self._close(previous, junk, self.span.end)
        return self.out

    def _place(self, command: Command, previous: int, following: int) -> int:
        """Put ``command`` (and the text since ``previous``) into the blocks; where its text ends.

        ``following`` is where the next command starts (what BibTeX skips after an error)."""
        junk = self.text[previous : command.at]
        unit = self.unit
        if not _starts_line(junk) or (unit is not None and command.at < unit.hides_until):
            if unit is None:
                unit = self.unit = _Unit(previous, self._first_line(previous, junk))
            unit.inner.extend(self._inner(command))
            return command.end
        self._close(previous, junk, command.at)
        problem = command_problem(self.text, command, self.line, following)
        if problem is not None or command.kind == "comment":
            self.unit = _Unit(command.at, self.line(command.at), command, problem)
            if command.kind == "comment":
                self.unit.hides_until = _braced_end(self.text, command.end, self.span.end)
        else:
            self.out.append(block_of(command, self.text, self.line))
        return command.end

    def _close(self, previous: int, junk: str, end: int) -> None:
        """End the text kept verbatim at ``end``, or keep ``junk`` (text between blocks) as a comment."""
        if self.unit is not None:
            block = self.unit.block(self.text, end)
            if block is not None:
                self.out.append(block)
            self.unit = None
        elif junk.strip(BLANKS):
            self.out.append(CommentBlock(junk.strip(BLANKS), self._first_line(previous, junk)))

    def _first_line(self, previous: int, junk: str) -> int:
        """The line of the first character of ``junk`` (read from ``previous``) that is not blank."""
        return self.line(previous + len(junk) - len(junk.lstrip(BLANKS)))

    def _unread_tail(self, last: Command, junk: str) -> FailedBlock:
        """The text after the last command on the file's last line, which BibTeX never reads: kept
        on that line (on a line of its own BibTeX would read it)."""
        at = self.text.index("@", last.end)
        what = command_name(scan_commands(self.text, at)[0])
        return FailedBlock(
            junk.strip(" \t\n"),
            self.line(at),
            f"BibTeX ignores {what} and the rest of line {self.line(at)}: it follows the end of "
            f"{command_name(last)} on the file's last line, and BibTeX stops reading there "
            "(biber reads it); put it on a line of its own",
            glued=True,
        )

    def _inner(self, command: Command) -> list[InnerCommand]:
        if command.kind == "entry" and command.key is not None:
            line_end = self.text.find("\n", command.at)
            rest = self.text[command.at + 1 : line_end if line_end != -1 else len(self.text)]
            before = self.text[self.text.rfind("\n", 0, command.at) + 1 : command.at]
            unit = self.unit
            hidden = "%" in before or (
                unit is not None and (unit.problem is not None or command.at < unit.hides_until)
            )
            line = self.line(command.at)
            return [InnerCommand("entry", command.key, line, not rest.strip(" \t"), biber_reads=not hidden)]
        if command.kind == "string" and command.error is None:
            return [InnerCommand("string", command.fields[0].name, self.line(command.at))]
        return []


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
