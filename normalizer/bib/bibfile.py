"""Existing ``.bib`` files in one import: reading them as BibTeX does, their blocks, formatting.

The names every other package uses, gathered from the modules that own them:

- `bibnorm.bib.reading` — `parse_bibtex` / `read_bibfile`: the one reading of ``.bib`` input
  for every command, the way BibTeX 0.99d reads it (blocks it cannot read whole are kept
  verbatim as `FailedBlock`s, with what BibTeX does with them, `bibnorm.bib.problems`);
  the pieces a long file is read in (`chunk_spans`, `parse_piece`);
- `bibnorm.bib.blocks` — the parsed file: `BibFile`, `BibEntry`, `BibField` and the other blocks;
- `bibnorm.bib.values` — raw values: `split_value`, `unquote`, and `expand_value`, the text
  BibTeX makes of a value with the file's ``@string`` macros;
- `bibnorm.bib.formatting` — the canonical layout of ``bibnorm format`` (`FormatOptions`,
  `render`, `format_bibtex`, `is_canonical`);
- `bibnorm.bib.census` — `assert_nothing_lost`, the safety net every writer of a ``.bib``
  file calls before replacing it.
"""

from __future__ import annotations

from bibnorm.bib.blocks import (
    BibEntry,
    BibField,
    BibFile,
    Block,
    CommentBlock,
    FailedBlock,
    InnerCommand,
    PreambleBlock,
    StringBlock,
    iter_entries,
)
from bibnorm.bib.census import Census, assert_nothing_lost
from bibnorm.bib.formatting import (
    DEFAULT_FIELD_ORDER,
    MONTH_MACROS,
    VENUE_FIELDS,
    FormatOptions,
    RenderedBlock,
    format_bibtex,
    is_canonical,
    join_rendered,
    normalize_value,
    render,
    render_block,
    render_blocks,
    unsorted_because,
    venue_as_laid_out,
)
from bibnorm.bib.reading import (
    CHUNK_CHARS,
    Span,
    as_written,
    chunk_spans,
    dominant_newline,
    normalize_newlines,
    parse_bibtex,
    parse_piece,
    parse_span,
    read_bibfile,
    rest_of,
)
from bibnorm.bib.values import expand_value, macro_texts, split_value, unquote

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_FIELD_ORDER",
    "MONTH_MACROS",
    "VENUE_FIELDS",
    "BibEntry",
    "BibField",
    "BibFile",
    "Block",
    "Census",
    "CommentBlock",
    "FailedBlock",
    "FormatOptions",
    "InnerCommand",
    "PreambleBlock",
    "RenderedBlock",
    "Span",
    "StringBlock",
    "as_written",
    "assert_nothing_lost",
    "chunk_spans",
    "dominant_newline",
    "expand_value",
    "format_bibtex",
    "is_canonical",
    "iter_entries",
    "join_rendered",
    "macro_texts",
    "normalize_newlines",
    "normalize_value",
    "parse_bibtex",
    "parse_piece",
    "parse_span",
    "read_bibfile",
    "render",
    "render_block",
    "render_blocks",
    "rest_of",
    "split_value",
    "unquote",
    "unsorted_because",
    "venue_as_laid_out",
]
