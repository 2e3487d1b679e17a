"""BN1xx: the file's structure (blocks that cannot be read, undefined @string macros)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from normalizer.bib.bibfile import (
    MONTH_MACROS,
    BibFile,
)
from normalizer.bib.checks.base import CheckContext, FileIndex, Finding

# -- BN1xx: structure ------------------------------------------------------------------------------


def parse_errors(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile in files:
        for block in bibfile.failed:
            what = block.error or "cannot be parsed"
            yield ctx.finding(
                "BN101", bibfile.path, block.line, block.key, f"block not read, kept verbatim: {what}"
            )


_PREDEFINED_MACROS = frozenset(MONTH_MACROS)


def undefined_macros(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    for index in indexes:
        defined = _PREDEFINED_MACROS | index.strings
        for entry in index.entries:
            for field, line, name in entry.macros:
                if name.lower() not in defined:
                    yield ctx.finding(
                        "BN102",
                        index.path,
                        line,
                        entry.key,
                        f"{field} uses @string {name!r}, which this file does not define",
                    )
