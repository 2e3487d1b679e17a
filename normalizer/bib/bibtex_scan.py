"""How BibTeX itself reads a ``.bib`` file: its commands, fields and errors, character for character.

This follows the reading procedures of BibTeX 0.99d (``bibtex.web``:
``get_bib_command_or_entry_and_process``, ``scan_and_store_the_field_value_and_eat_white``,
``scan_balanced_braces``, ``scan_identifier``) so that bibnorm sees exactly the entries,
fields and values BibTeX will typeset, and knows where BibTeX gives up:

- Outside a command BibTeX skips everything up to the next ``@``, wherever it is (inside a
  ``%`` comment, an e-mail address, the rest of a broken entry): ``%`` is no comment to it.
- ``@comment`` is read as a word and nothing more; what follows it is skipped like any text.
- Braces count wherever they are, a backslash before one included: ``\\{`` opens a group.
  A value's braces must balance; an unmatched ``{`` reads on, across entries, until some
  later ``}`` closes it or the file ends.
- A quoted value ends at the first ``"`` outside braces; a ``}`` there that closes nothing
  is an error.
- Between fields only ``,`` may stand; anything else (a missing comma, a ``%`` comment, a
  stray word) ends the reading of the entry: the fields read so far are kept, the rest is
  skipped up to the next ``@``.
- Whitespace is space, tab and the line end; anything else, a no-break space included,
  is text.
- BibTeX looks for the next command only while the file has lines left to read
  (``while not eof(bib_file) do get_bib_command_or_entry_and_process``): what follows the
  end of a command on the file's last line is never read, an entry there included.

`scan_commands` gives every command in order with the offset where BibTeX's reading of it
ended (where it resumes looking for ``@``). It needs no state beyond the text: a repeated
key, which BibTeX also refuses, is the duplicate-key check's business. Offsets index the
text with its line ends already normalized to ``\\n``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Characters that end an identifier (entry type, key of @string, field name, macro).
_IDENT = re.compile(r"""[^ \t\n"#%'(),={}]+""")
_WHITE = re.compile(r"[ \t\n]*")
_DIGITS = re.compile(r"[0-9]+")
_BRACES = re.compile(r"[{}]")
_QUOTED = re.compile(r'["{}]')
_WHITESPACE = " \t\n"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only, as BibTeX does for types, field names and macros."""
    return text.translate(_ASCII_LOWER) if not text.islower() else text


class ScannedField(NamedTuple):
    """One ``name = value`` as BibTeX read it; ``value`` is the raw text, delimiters included."""

    name: str  # as written
    name_at: int
    value: str
    value_at: int


class ScanError(NamedTuple):
    """Where and why BibTeX stopped reading a command (it resumes looking for ``@`` at ``at``).

    ``kind`` is one of: ``type`` (no entry type after ``@``), ``open`` (no ``{``/``(``),
    ``after-value`` (neither ``,`` nor the closing delimiter after a value), ``field-name``,
    ``equals`` (no ``=`` after a field name), ``value`` (no value where one must be),
    ``unbalanced`` (a ``}`` closing nothing in a quoted value), ``eof`` (the file ended
    inside the command), ``close`` (no closing delimiter after @string/@preamble).
    ``field`` is the field whose value was being read or had just been read, if any.
    """

    kind: str
    at: int
    field: str | None = None
    value_at: int | None = None  # where that field's value starts (an unclosed value: its start)
    start: int | None = None  # where the token BibTeX could not read starts (``field-name``, ``value``)


class Command(NamedTuple):
    """An ``@`` command: ``@comment``, ``@preamble``, ``@string`` or an entry.

    ``text[at:end]`` is what BibTeX read of it. ``fields`` are the ones BibTeX kept (for
    ``@string`` the one definition, for ``@preamble`` one field named ``""``).
    """

    at: int
    end: int
    kind: str  # "entry", "string", "preamble", "comment", or "" when no type could be read
    name: str  # the word after ``@`` as written
    delimiter: str  # "{" or "(", "" when none was read
    key: str | None  # entries only
    key_at: int
    fields: tuple[ScannedField, ...]
    error: ScanError | None


_COMMANDS = {"comment": "comment", "preamble": "preamble", "string": "string"}


def scan_commands(text: str, start: int = 0, end: int | None = None) -> list[Command]:
    """Every command BibTeX reads in ``text[start:end]``, in order (see the module docstring)."""
    stop = len(text) if end is None else end
    scanner = _Scanner(text, stop)
    commands: list[Command] = []
    position = start
    find = text.find
    while True:
        at = find("@", position, stop)
        if at == -1:
            return commands
        command = scanner.command(at)
        commands.append(command)
        position = command.end
        if ends_last_line(text, position):
            return commands


def ends_last_line(text: str, position: int) -> bool:
    """True when ``position`` is on the last line of ``text``: a command whose reading ends
    there is the last one BibTeX reads (the rest of that line is never looked at)."""
    newline = text.find("\n", position)
    return newline == -1 or newline + 1 == len(text)


class _Fail(Exception):
    def __init__(self, error: ScanError) -> None:
        self.error = error


class _Scanner:
    """One pass over a text; each method takes an offset and returns where it stopped."""

    def __init__(self, text: str, size: int) -> None:
        # The text is read as if it ended at ``size``: a piece of a large file is scanned in
        # place, never copied (a copy of the file up to each piece cost the file's size again
        # for every piece).
        self.text = text
        self.size = size

    def white(self, position: int) -> int:
        match = _WHITE.match(self.text, position, self.size)
        return match.end() if match else position

    def identifier(self, position: int) -> int:
        """The end of the identifier at ``position`` (== position when there is none: BibTeX's
        identifiers cannot start with a digit)."""
        if position < self.size and "0" <= self.text[position] <= "9":
            return position
        match = _IDENT.match(self.text, position, self.size)
        return match.end() if match else position

    def command(self, at: int) -> Command:
        text, size = self.text, self.size
        start = self.white(at + 1)
        end = self.identifier(start)
        name = text[start:end]
        fail = ScanError("eof", size) if start == size else None
        if fail is None and (end == start or (end < size and text[end] not in _WHITESPACE + "{(")):
            fail = ScanError("type", end)
        if fail is not None:
            return Command(at, fail.at, "", name, "", None, at, (), fail)
        kind = _COMMANDS.get(ascii_lower(name), "entry")
        if kind == "comment":
            return Command(at, end, kind, name, "", None, at, (), None)
        position = self.white(end)
        if position == size:
            return Command(at, size, kind, name, "", None, at, (), ScanError("eof", size))
        opening = text[position]
        if opening not in "{(":
            return Command(at, position, kind, name, "", None, at, (), ScanError("open", position))
        closing = "}" if opening == "{" else ")"
        position = self.white(position + 1)
        fields: list[ScannedField] = []
        key: str | None = None
        key_at = position
        try:
            if kind == "entry":
                key, position = self.key(position, closing)
                position = self.entry_fields(position, closing, fields)
            else:
                position = self.definition(kind, position, closing, fields)
        except _Fail as failure:
            return Command(
                at, failure.error.at, kind, name, opening, key, key_at, tuple(fields), failure.error
            )
        return Command(at, position, kind, name, opening, key, key_at, tuple(fields), None)

    def key(self, position: int, closing: str) -> tuple[str, int]:
        # The key ends at a comma, white space or (in braces) the closing brace; it may be empty.
        text, end = self.text, position
        stops = ", \t\n}" if closing == "}" else ", \t\n"
        while end < self.size and text[end] not in stops:
            end += 1
        return text[position:end], self.white(end)

    def entry_fields(self, position: int, closing: str, fields: list[ScannedField]) -> int:
        text, size = self.text, self.size
        last: str | None = None  # the name of the field before, which an error names
        while True:
            if position == size:
                raise _Fail(ScanError("eof", size, last))
            char = text[position]
            if char == closing:
                return position + 1
            if char != ",":
                raise _Fail(ScanError("after-value", position, last))
            position = self.white(position + 1)
            if position == size:
                raise _Fail(ScanError("eof", size, last))
            if text[position] == closing:
                return position + 1
            name_at = position
            last, value_at = self.assignment(name_at, last)
            value_end, position = self.value(value_at, closing, last)
            fields.append(ScannedField(last, name_at, text[value_at:value_end], value_at))

    def assignment(self, position: int, before: str | None) -> tuple[str, int]:
        """The name of a field or @string at ``position`` and where its value starts, after the
        ``=`` (``before``: the field before it, which an unreadable name's error names)."""
        text, size = self.text, self.size
        name_end = self.identifier(position)
        if name_end == position or (
            name_end < size and text[name_end] not in _WHITESPACE and text[name_end] != "="
        ):
            raise _Fail(ScanError("field-name", name_end, before, None, position))
        name = text[position:name_end]
        equals = self.white(name_end)
        if equals == size:
            raise _Fail(ScanError("eof", size, name))
        if text[equals] != "=":
            raise _Fail(ScanError("equals", equals, name))
        return name, self.white(equals + 1)

    def definition(self, kind: str, position: int, closing: str, fields: list[ScannedField]) -> int:
        text, size = self.text, self.size
        name, name_at, value_at = "", position, position  # a @preamble's value has no name
        if kind == "string":
            name, value_at = self.assignment(position, None)
        value_end, position = self.value(value_at, closing, name)
        fields.append(ScannedField(name, name_at, text[value_at:value_end], value_at))
        if position == size:
            raise _Fail(ScanError("eof", size, name))
        if text[position] != closing:
            raise _Fail(ScanError("close", position, name))
        return position + 1

    def value(self, position: int, closing: str, field: str) -> tuple[int, int]:
        """(end of the value's last token, position after the white space that follows)."""
        end = self.token(position, closing, field, position)
        after = self.white(end)
        text, size = self.text, self.size
        while after < size and text[after] == "#":
            token_at = self.white(after + 1)
            if token_at == size:
                raise _Fail(ScanError("eof", size, field, position))
            end = self.token(token_at, closing, field, position)
            after = self.white(end)
        return end, after

    def token(self, position: int, closing: str, field: str, value_at: int) -> int:
        text, size = self.text, self.size
        if position == size:
            raise _Fail(ScanError("eof", size, field, value_at))
        char = text[position]
        if char == "{":
            return self.braced(position, field, value_at)
        if char == '"':
            return self.quoted(position, field, value_at)
        if "0" <= char <= "9":
            digits = _DIGITS.match(text, position, size)
            assert digits is not None
            return digits.end()
        end = self.identifier(position)
        if end == position or (
            end < size and text[end] not in _WHITESPACE and text[end] not in (",", closing, "#")
        ):
            raise _Fail(ScanError("value", end, field, value_at, position))
        return end

    def braced(self, position: int, field: str, value_at: int) -> int:
        """The end of the braced token opening at ``position``."""
        depth = 1
        for match in _BRACES.finditer(self.text, position + 1, self.size):
            depth += 1 if match.group() == "{" else -1
            if depth == 0:
                return match.end()
        raise _Fail(ScanError("eof", self.size, field, value_at))

    def quoted(self, position: int, field: str, value_at: int) -> int:
        """The end of the quoted token opening at ``position``: a quote inside braces does not
        close it, and a ``}`` that closes nothing is an error."""
        depth = 0
        for match in _QUOTED.finditer(self.text, position + 1, self.size):
            found = match.group()
            if found == "{":
                depth += 1
            elif found == "}":
                if depth == 0:
                    raise _Fail(ScanError("unbalanced", match.start(), field, value_at))
                depth -= 1
            elif depth == 0:
                return match.end()
        raise _Fail(ScanError("eof", self.size, field, value_at))
