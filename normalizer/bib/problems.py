"""What BibTeX does with a command it does not read as it is meant, in words and a check code.

`command_problem` looks at one command `bibnorm.bib.bibtex_scan` read: a value that swallowed
the fields or entries after it (an unmatched brace), an entry closed too early, or where and why
BibTeX stopped reading it (`Command.error`); the message says what BibTeX loses there, and the
code (BN101, BN103, BN104, BN106) is the check that reports it. `bibnorm.bib.reading` keeps
such a command verbatim as a `FailedBlock` carrying that message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.bib.bibtex_scan import Command, ScanError
from bibnorm.io import LineCounter

# Text that starts a field (``name =``) or an entry at a line start: what a runaway value
# swallowed, or what a broken entry loses.
# (A line start is taken as the start of the blanks holding it: from any later line start in the
# same blanks, the same name would be found — and a long run of empty lines walked once per line.)
_FIELD_START = re.compile(r"(?:\A|[,}\"]|(?<![ \t\n])[ \t]*+\n)[ \t\n]*+([A-Za-z][\w.:+-]{0,40}+)[ \t\n]*+=")
# A field swallowed by a value: after a closing brace or quote and a comma, a name at the start
# of a line. (biblatex's name parts, ``{given={Jean}, family=Duc}``, are not fields.)
# (An escaped brace does not end a field: Mendeley writes a record pasted into a note with its
# braces escaped, ``year = 2010,`` after ``\},``, and BibTeX reads it as the note's text.)
_SWALLOWED_FIELD = re.compile(
    r"(?<!\\)[}\"][ \t]*,[ \t]*\n[ \t\n]*([A-Za-z][\w.:+-]{0,40})[ \t]*=[ \t\n]*[{\"0-9A-Za-z]"
)
_NAME_PARTS = frozenset({"given", "family", "prefix", "suffix", "middle", "giveni", "familyi", "useprefix"})
ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z][\w-]*)[ \t]*[{(][ \t]*([^\s,{}()]*)", re.MULTILINE)
_DEFINITIONS = frozenset({"comment", "string", "preamble"})

_COUNTS = "BibTeX counts \\{ and \\} as braces too"


def command_name(command: Command) -> str:
    """``@article{key}``, or ``@article`` for a command without a key, as messages name it."""
    return f"@{command.name}{{{command.key}}}" if command.key is not None else f"@{command.name}"


def command_problem(text: str, command: Command, line: LineCounter, following: int) -> tuple[str, str] | None:
    """(check code, message) when BibTeX does not read ``command`` as it is meant, else None.

    ``following`` is where the next command starts: the text up to it is what BibTeX
    skips after an error, and what an entry closed too early leaves outside it.
    """
    what = command_name(command)
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
            names = _FIELD_START.findall(after)
            ignored = _listed(names)
            own = {field.name.lower() for field in command.fields}
            apart = _BLANK_LINE.match(after) or own.intersection(name.lower() for name in names)
            if _closes_alone(text, command.end - 1) and apart:
                # The entry closed as entries close, and the fields after it stand apart (an empty
                # line between) or repeat fields it has (no entry has two abstracts): they are
                # what is left of an entry whose first line went, not the rest of this one.
                orphans = command.end + len(after) - len(after.lstrip(" \t\n"))
                return (
                    "BN104",
                    f"{what} ends on line {line(command.end - 1)}; the fields after it from line "
                    f"{line(orphans)} ({ignored}) belong to no entry (an entry's '@type{{key,' line "
                    "deleted?): BibTeX ignores them",
                )
            return (
                "BN104",
                f"an extra '{text[command.end - 1]}' on line {line(command.end - 1)} ends {what} early: "
                f"BibTeX ignores {ignored}",
            )
        return None
    return _error_problem(text, command, what, line, following)


def _closes_for_biber(text: str, at: int) -> bool:
    """Whether the command at ``at`` closes as biber reads it: ``%`` starts a comment to the end
    of its line, braces count, and an ``@`` first on its line (the next entry) comes too late."""
    position = _opening_at(text, at)
    if position is None:
        return False
    nesting = _NESTING[text[position]]
    depth = 0
    line_start = False
    while position < len(text):
        char = text[position]
        if char == "%" and text[position - 1] != "\\":
            position = text.find("\n", position) + 1
            if position == 0:
                return False
            line_start = True
            continue
        if line_start and char == "@":
            return False
        line_start = char == "\n" or (line_start and char in " \t")
        # The opening takes the depth to 1, so only a closing brings it back to 0.
        depth += nesting.get(char, 0)
        if depth == 0:
            return True
        position += 1
    return False


# What each delimiter does to the depth, by the command's opening: in a (…) command braces count too.
_NESTING = {"{": {"{": 1, "}": -1}, "(": {"(": 1, ")": -1, "{": 1, "}": -1}}


def _opening_at(text: str, at: int) -> int | None:
    """Where the command at ``at`` opens: its first ``{`` or ``(``, unless a newline or an ``@``
    comes first."""
    position = at + 1
    while position < len(text) and text[position] not in "{(\n@":
        position += 1
    return position if position < len(text) and text[position] in "{(" else None


# Both read the text's start only (`match`): anchored, a search does not walk a run of blanks
# again from each of them.
_EXTRA_FIELDS = re.compile(r"\A[ \t\n]*+(?:,[ \t\n]*+)?([A-Za-z][\w.:+-]{0,40}+)[ \t\n]*+=")
_BLANK_LINE = re.compile(r"\A[ \t]*+\n[ \t]*+\n")  # the text after a block starts with an empty line


def _closes_alone(text: str, close: int) -> bool:
    """Whether the brace at ``close`` stands alone on its line, as an entry's last line."""
    start = text.rfind("\n", 0, close) + 1
    end = text.find("\n", close)
    return not text[start:close].strip(" \t") and not text[close + 1 : end if end != -1 else len(text)].strip(
        " \t"
    )


def _error_problem(
    text: str, command: Command, what: str, line: LineCounter, following: int
) -> tuple[str, str]:
    """What BibTeX does with a command it stopped reading (`Command.error`)."""
    error = command.error
    assert error is not None
    if error.kind == "eof":
        return _runaway(text, error, what, line)
    at = line(error.at)
    lost = _listed(_FIELD_START.findall(text[error.at : following]))  # a slice: ^ matches at its start
    gone = f"BibTeX stops reading {what} there" + (f" and loses {lost}" if lost != "nothing" else "")
    start = error.start if error.start is not None else error.at
    interrupted = _interrupted(text, command, what, at, gone, start)
    if interrupted is not None:
        return interrupted
    if error.kind == "after-value":
        return _after_value(text, command, what, at, gone)
    if error.kind == "field-name" and "0" <= text[start : start + 1] <= "9":
        return ("BN101", f"a field name starts with a digit (line {at}): {gone}")
    if error.kind == "unbalanced":
        return (
            "BN104",
            f"the quoted value of {error.field} has a '}}' that closes nothing (line {at}): {gone}",
        )
    messages = {
        "field-name": f"BibTeX cannot read a field name at {_shown_at(text, start)} (line {at}): {gone}",
        "equals": f"no '=' after {error.field} (line {at}): {gone}",
        "value": f"{_shown_at(text, start)} is no value BibTeX reads (line {at}; a value is {{...}}, "
        f'"...", a number or an @string name): {gone}',
        "type": (
            f"'@{command.name}' is followed by {text[error.at]!r}, not '{{' or '(' (line {at}): "
            "BibTeX skips to the next '@'"
            if command.name and error.at < len(text)
            else f"'@' is not followed by an entry type (line {at}): BibTeX skips to the next '@'"
        ),
        "open": f"@{command.name} has no '{{' or '(' (line {at}): BibTeX skips it",
        "close": f"@{command.name} is not closed (line {at}): {gone}",
    }
    return ("BN101", messages[error.kind])


def _runaway(text: str, error: ScanError, what: str, line: LineCounter) -> tuple[str, str]:
    """A command still open at the end of the file: BibTeX read the rest of the file into it."""
    if error.value_at is None:
        return (
            "BN104",
            f"{what} is not closed at the end of the file: BibTeX keeps what it read (an error)",
        )
    entries = [
        key for kind, key in ENTRY_START.findall(text, error.value_at) if kind.lower() not in _DEFINITIONS
    ]
    lost = _listed([error.field or "the value", *(f"entry {key}" for key in entries)])
    return (
        "BN104",
        f"the value of {error.field} (line {line(error.value_at)}) never closes: "
        "a brace or quote in it is "
        f"unmatched ({_COUNTS}), so BibTeX reads to the end of the file and loses {lost}",
    )


def _interrupted(
    text: str, command: Command, what: str, at: int, gone: str, start: int
) -> tuple[str, str] | None:
    """A ``%`` comment or the next entry's ``@`` where BibTeX expects a field: None otherwise."""
    error = command.error
    assert error is not None
    first = text[start : start + 1]
    if error.kind not in ("after-value", "field-name") or first not in ("%", "@"):
        return None
    if first == "%":
        biber = (
            "biber reads them" if _closes_for_biber(text, command.at) else "biber rejects it: it never closes"
        )
        return ("BN106", f"a % comment inside {what} (line {at}): BibTeX knows no comments; {gone} ({biber})")
    if error.kind == "after-value":
        return (
            "BN104",
            f"{what} is not closed before the next entry (line {at}): BibTeX reports an error, reads on",
        )
    following_entry = ENTRY_START.match(text, text.rfind("\n", 0, start) + 1)
    next_entry = f"entry {following_entry.group(2)}" if following_entry else "the next entry"
    return (
        "BN104",
        f"{what} is not closed before the next entry (line {at}): BibTeX reads its '@' as a field name "
        f"and loses {next_entry}",
    )


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
    after = f"the value of {error.field}" if error.field is not None else f"the key {command.key}"
    return ("BN101", f"unexpected {_shown_at(text, error.at)} after {after} (line {at}): {gone}")


def _swallowing_field(command: Command) -> tuple[str, list[str], list[str], int] | None:
    """(field, fields, entries, closing offset) when a value of ``command`` holds other
    fields or entries: an unmatched brace made BibTeX read them into it."""
    for field in command.fields:
        value = field.value
        if "=" not in value and "@" not in value:
            continue
        entries = [key for kind, key in ENTRY_START.findall(value) if kind.lower() not in _DEFINITIONS]
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
