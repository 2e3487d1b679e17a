"""BN2xx: duplicates (one key twice, one arXiv paper, DOI or title under two keys)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from normalizer.bib.checks.base import CheckContext, FileIndex, Finding, IndexCheckFunction, IndexedEntry

# -- BN2xx: duplicates -----------------------------------------------------------------------------


def duplicate_keys(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    for index in indexes:
        first: dict[str, int] = {}
        for entry in index.entries:
            folded = entry.key.casefold()  # BibTeX and biber compare keys ignoring case
            if folded in first:
                yield ctx.finding(
                    "BN201",
                    index.path,
                    entry.line,
                    entry.key,
                    f"key already used on line {first[folded]}; later entry ignored",
                )
            else:
                first[folded] = entry.line


def same_paper(code: str, what: str, identity: Callable[[IndexedEntry], str | None]) -> IndexCheckFunction:
    def check(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
        seen: dict[str, tuple[FileIndex, IndexedEntry]] = {}
        for index in indexes:
            for entry in index.entries:
                value = identity(entry) if entry.readable else None
                if not value:
                    continue
                if value in seen:
                    other_index, other = seen[value]
                    if other.key.casefold() == entry.key.casefold():
                        continue  # same key twice is BN201's finding
                    where = (
                        f"line {other.line}" if other_index is index else f"{other_index.path}:{other.line}"
                    )
                    yield ctx.finding(
                        code, index.path, entry.line, entry.key, f"same {what} as {other.key!r} ({where})"
                    )
                else:
                    seen[value] = (index, entry)

    return check
