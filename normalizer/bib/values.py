"""Raw field values as BibTeX reads them: ``#`` concatenations, delimiters and ``@string`` macros.

A value in a `bibnorm.bib.blocks.BibField` is the text as written (``{...}``, ``"..."``, a
number, a macro name, or parts joined by ``#``). `split_value` cuts it into its parts,
`unquote` takes one part's delimiters off, and `expand_value` is the text BibTeX makes of it,
the file's ``@string`` macros (`macro_texts`) put in: what every command that reads a value
for its meaning (``resolve``, ``tex``) reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bibnorm.bib.bibtex_scan import ascii_lower

BLANKS = " \t\n"  # BibTeX's white space is space, tab and the line end; a no-break space is text
_BRACE = re.compile(r"[{}]")


def split_value(value: str) -> list[str]:
    """Split a raw value on top-level ``#`` into its parts (braced, quoted, number or macro)."""
    if "#" not in value:
        return [value.strip(BLANKS)]
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
            parts.append(value[start:i].strip(BLANKS))
            start = i + 1
    parts.append(value[start:].strip(BLANKS))
    return parts


def unquote(value: str) -> str:
    """The content of a single ``{...}`` or ``"..."`` value; other values are returned as written."""
    value = value.strip(BLANKS)
    if len(value) >= 2 and (
        (value[0] == "{" and value[-1] == "}" and encloses(value)) or (value[0] == value[-1] == '"')
    ):
        return value[1:-1]
    return value


def encloses(value: str) -> bool:
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


def balanced(text: str) -> bool:
    """True when every brace of ``text`` closes, and none closes before it opens."""
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


def expand_value(value: str, macros: Mapping[str, str]) -> str:
    """The text BibTeX makes of a raw value: each part of a ``#`` concatenation without its
    delimiters, a macro replaced by its text in ``macros`` (lower-case names, `macro_texts`);
    a number, or a macro no definition names (a month, a typo), stays as written."""
    parts = split_value(value)
    if len(parts) == 1:
        return _part_text(parts[0], macros)
    return "".join(_part_text(part, macros) for part in parts)


def _part_text(part: str, macros: Mapping[str, str]) -> str:
    if part[:1] in ('"', "{"):
        return unquote(part)
    return macros.get(ascii_lower(part), part)


def macro_texts(definitions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``@string`` texts by lower-case name, from ``(name, raw value)`` pairs in file order.

    Each definition is expanded with the ones before it, as BibTeX does when it reads
    ``@string{emnlp = procof # "Conference ..."}``; a later definition of a name wins.
    """
    texts: dict[str, str] = {}
    for name, value in definitions:
        texts[ascii_lower(name)] = expand_value(value, texts)
    return texts
