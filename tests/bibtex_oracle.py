"""The BibTeX writer's oracle: what bibtexparser v2's own writer writes for the writer's entries
(values enclosed by its `AddEnclosingMiddleware`), then ``bibnorm format`` of that text.

`bibnorm.writers.bibtex.render` lays entries out straight from their fields; the tests (and
``bench/bench_speed.py``) hold it to this long way byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

import bibtexparser
from bibnorm.bib.bibfile import format_bibtex
from bibnorm.models import Reference
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers.bibtex import Mode, bibliography_of, layout_for
from bibnorm.writers.bibtex_entry import BibtexEntry, entry_fields
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat

# Braces around every value except bare integers and fields that demand none (month macros).
_ENCLOSING = AddEnclosingMiddleware(
    reuse_previous_enclosing=False,
    enclose_integers=False,
    default_enclosing="{",
    allow_inplace_modification=True,
)


def _bibtex_format() -> BibtexFormat:
    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.value_column = 0
    fmt.block_separator = "\n"
    fmt.trailing_comma = False
    return fmt


def _entries(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode
) -> list[tuple[str, BibtexEntry]]:
    evidence = bibliography_of(references)
    return [(key, entry_fields(key, reference, mode, options, evidence)) for key, reference in references]


def _written(entries: Sequence[tuple[str, BibtexEntry]]) -> str:
    library = Library()
    for key, entry in entries:
        fields = [Field(f.key, f.value, enclosing=f.enclosing) for f in entry.fields]
        library.add(Entry(entry.entry_type, key, fields))
    enclosed = _ENCLOSING.transform(library)
    return bibtexparser.write_string(enclosed, unparse_stack=[], bibtex_format=_bibtex_format())


def written_by_bibtexparser(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode
) -> str:
    """bibtexparser's text of the writer's entries, values enclosed by its middleware."""
    return _written(_entries(references, options, mode))


def render_through_writer(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode
) -> Rendered:
    """`render` the long way: bibtexparser's `write_string`, then `bibnorm format` of that text."""
    entries = _entries(references, options, mode)
    warnings = tuple(problem for _, entry in entries for problem in entry.problems)
    text = format_bibtex(_written(entries), layout_for(options, mode))
    return Rendered(text=text, warnings=warnings)
