"""An entry's fields laid out as ``bibnorm format`` lays out an entry (`laid_out_entry`), and the
text of entries as the writer writes them before layout (`written_entries`).

`laid_out_entry` gives what `format` would write for the entry's written text, without writing
and reading it: field names lower-case, aligned and ordered by the layout, each value spelt as
`format` spells it. It declines (None) where the written text might read back as something else
than the entry (a value with a line break, an unbalanced brace or a trailing backslash, a field
given twice, a key the reader would cut): the writer then has `format` read the written text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from bibnorm.bib.bibfile import (
    VENUE_FIELDS,
    BibEntry,
    BibField,
    FormatOptions,
    normalize_value,
    venue_as_laid_out,
)
from bibnorm.config import JournalNames
from bibnorm.writers.bibtex_styles import EntryField

# What the reader's splitter treats as a brace (an escaped one is text).
_SPLITTER_BRACE = re.compile(r"(?<!\\)[{}]")
# The fields whose digits the writer leaves bare, as bibtexparser's `ENTRY_POTENTIALLY_INT_FIELDS`.
_POTENTIALLY_INT_FIELDS = frozenset(
    ("year", "month", "volume", "number", "pages", "edition", "chapter", "issue")
)
_KEY_BREAKERS = frozenset('{}(),="# \t\n')


def written_entries(entries: Sequence[tuple[str, str, Sequence[EntryField]]]) -> str:
    """The text of ``(entry type, key, fields)`` entries as the writer writes them before layout:
    bibtexparser v2's writer (two-space indent, no alignment, no trailing comma, one newline
    between entries), every value braced except bare digits in a possibly numeric field and a
    field that demands none (month macros)."""
    return "\n".join(_written_entry(entry_type, key, fields) for entry_type, key, fields in entries)


def _written_entry(entry_type: str, key: str, fields: Sequence[EntryField]) -> str:
    lines = [f"  {name} = {_enclosed(name, value, enclosing)}" for name, value, enclosing in fields]
    return (
        f"@{entry_type}{{{key},\n"
        + "".join(line + ",\n" for line in lines[:-1])
        + "".join(line + "\n" for line in lines[-1:])
        + "}\n"
    )


def _enclosed(name: str, value: str, enclosing: str | None) -> str:
    return value if _written_bare(name, value, enclosing) else "{" + value + "}"


def laid_out_entry(
    entry_type: str, key: str, fields: Sequence[EntryField], layout: FormatOptions
) -> str | None:
    """The entry as `format` lays out the writer's text of it, without that text; None where the
    reading could differ from the entry (`_canonical_value`, a field given twice, a key the
    splitter would cut)."""
    if not key or _KEY_BREAKERS.intersection(key):
        return None
    names: list[str] = []
    texts: list[str] = []
    for name, value, enclosing in fields:
        text = _canonical_value(name, value, enclosing, layout)
        if text is None:
            return None
        names.append(name)
        texts.append(text)
    lines = _field_lines(tuple(names), layout.field_order, layout.align, layout.indent)
    if lines is None:
        return None
    entry_type = entry_type.lower()
    if layout.journal_names != "as-given":
        texts = _venues_as_laid_out(entry_type, key, names, texts, layout.journal_names)
    body = "".join([f"{start}{texts[index]},\n" for index, start in lines])
    return f"@{entry_type}{{{key},\n{body}}}"


def _venues_as_laid_out(
    entry_type: str, key: str, names: Sequence[str], texts: list[str], form: JournalNames
) -> list[str]:
    """``texts`` with the venue fields respelt as `format` respells them in a layout whose
    ``journal_names`` is ``form`` (the writer's own spelling mostly stands)."""
    lower = [name.lower() for name in names]
    if VENUE_FIELDS.isdisjoint(lower):
        return texts
    read = BibEntry(entry_type, key, tuple(map(BibField, lower, texts, repeat(0))), 0)
    return [
        venue_as_laid_out(read, name, text, form) if name in VENUE_FIELDS else text
        for name, text in zip(lower, texts, strict=True)
    ]


@lru_cache(maxsize=1024)  # a writer gives few distinct field sequences
def _field_lines(
    names: tuple[str, ...], order: tuple[str, ...], align: bool, indent: str
) -> tuple[tuple[int, str], ...] | None:
    """How `format` lays out fields called ``names`` (`_render_entry`): for each line, which
    field and the line's start (indent, lower-case name padded to the longest when aligned,
    ``=``), in a stable sort by rank in ``order`` (unknown fields after the known ones, in the
    order they came). None for a name given twice (which reading back would not keep)."""
    lower = [name.lower() for name in names]
    if len(set(lower)) != len(lower):
        return None
    rank = {name: place for place, name in enumerate(order)}
    width = max(map(len, lower), default=0) if align else 0
    placed = sorted(range(len(lower)), key=lambda index: rank.get(lower[index], len(order)))
    return tuple((index, f"{indent}{lower[index].ljust(width)} = ") for index in placed)


def _canonical_value(name: str, value: str, enclosing: str | None, layout: FormatOptions) -> str | None:
    """The value ``format`` writes for a field the writer writes as ``name = <enclosed value>``
    (`written_entries`), or None where reading that text might not give the value back.

    A value reads back as written when its unescaped braces balance (its last brace is not an
    escaped one), it holds no line break (reading turns a carriage return into a newline, and an
    ``@`` starting a line ends an entry), and an unbraced one (a number, a month macro) is
    letters and digits alone.
    """
    if "\n" in value or "\r" in value:
        return None
    if _written_bare(name, value, enclosing):
        return normalize_value(name.lower(), value, layout) if value.isalnum() else None
    if not _reads_back_braced(value):
        return None
    if _respelt_by_format(name, value):
        return normalize_value(name.lower(), "{" + value + "}", layout)
    return "{" + value.strip(" ") + "}"  # most values: the braces hold them whole; `format` trims


def _written_bare(name: str, value: str, enclosing: str | None) -> bool:
    """Whether the writer writes the value without braces or quotes: it says so, or it is a
    number in a field that may hold one."""
    return enclosing == "no-enclosing" or (
        enclosing is None and name in _POTENTIALLY_INT_FIELDS and value.isdigit()
    )


def _reads_back_braced(value: str) -> bool:
    """Whether ``{value}`` reads back as ``value``: its last character does not escape the
    closing brace, and its unescaped braces balance."""
    if value.endswith("\\"):
        return False
    return not ("{" in value or "}" in value) or _braces_balance(value)


def _respelt_by_format(name: str, value: str) -> bool:
    """Whether `format` writes the value otherwise than trimmed in braces: a TeX command, a tab or
    a run of spaces it respells, or a month it names."""
    return "\\" in value or "\t" in value or "  " in value or name == "month"


def _braces_balance(value: str) -> bool:
    """Whether every unescaped brace of ``value`` closes, and none closes before it opens (a "}"
    would close the enclosing brace early)."""
    depth = 0
    for match in _SPLITTER_BRACE.finditer(value):
        depth += 1 if match.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0
