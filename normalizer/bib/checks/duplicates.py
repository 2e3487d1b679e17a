"""BN2xx: duplicates (one key twice; one arXiv paper, DOI or work under two keys) and versions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.checks.base import CheckContext, FileIndex, Finding, IndexCheckFunction, IndexedEntry

# -- BN2xx: duplicates -----------------------------------------------------------------------------


def duplicate_keys(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    for index in indexes:
        first: dict[str, IndexedEntry] = {}
        for entry in index.entries:
            folded = ascii_lower(entry.key)  # BibTeX and biber compare keys ignoring (ASCII) case
            if folded not in first:
                first[folded] = entry
                continue
            earlier = first[folded]
            where = f"line {earlier.line}" + (
                f", inside {earlier.hidden} BibTeX reads" if earlier.hidden else ""
            )
            yield ctx.finding(
                "BN201",
                index.path,
                entry.line,
                entry.key,
                f"key already used ({where}); BibTeX ignores this later entry",
            )


def same_paper(code: str, what: str, identity: Callable[[IndexedEntry], str | None]) -> IndexCheckFunction:
    def check(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
        for index, entry, other_index, other in _pairs(indexes, identity):
            yield ctx.finding(
                code,
                index.path,
                entry.line,
                entry.key,
                f"same {what} as {other.key!r} ({_where(index, other_index, other)})",
            )

    return check


# Entry types that name the same kind of publication.
_KIND = {
    "conference": "inproceedings",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "electronic": "online",
}


def is_same_work(entry: IndexedEntry, other: IndexedEntry) -> bool:
    """Two entries of one title are the same work unless something tells them apart: the year,
    the first author, the type (a conference paper and its journal version, a preprint and
    its publication), or a volume, number, pages, chapter, edition or howpublished both give
    (two issues' columns, two volumes of one series)."""
    if entry.year != other.year or entry.first_author != other.first_author:
        return False
    if _KIND.get(entry.kind, entry.kind) != _KIND.get(other.kind, other.kind):
        return False
    return all(not a or not b or a == b for a, b in zip(entry.place, other.place, strict=True))


def _same_identifier(entry: IndexedEntry, other: IndexedEntry) -> bool:
    """The pair BN202 or BN203 already reports."""
    return bool(entry.doi and entry.doi == other.doi) or bool(
        entry.arxiv and other.arxiv and entry.arxiv.id == other.arxiv.id
    )


def same_work(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN204: the same work twice under two keys (`is_same_work`)."""
    for index, entry, other_index, other in _pairs(indexes, lambda entry: entry.title):
        if is_same_work(entry, other) and not _same_identifier(entry, other):
            yield ctx.finding(
                "BN204",
                index.path,
                entry.line,
                entry.key,
                f"same title, year and first author as {other.key!r} ({_where(index, other_index, other)}): "
                "the same work twice?",
            )


def other_versions(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN205, a note: the same title and first author on another work: a conference and a
    journal version, a preprint and its publication, two editions of a book. A title that
    recurs in one journal or proceedings (a column, an editorial, an index in every volume),
    or that another first author gave another work ("Introduction", a placeholder title, two
    chapters of one book), is no version: not noted."""
    for index, entry, other_index, other in _pairs(indexes, lambda entry: entry.title):
        if is_same_work(entry, other) or _same_identifier(entry, other) or _recurs(entry, other):
            continue
        differs = []
        if entry.year != other.year:
            differs.append(f"year ({other.year or '-'} / {entry.year or '-'})")
        if entry.first_author != other.first_author:
            differs.append("first author")  # one of them gives none
        if not differs and entry.kind != other.kind:
            differs.append(f"type (@{other.kind} / @{entry.kind})")
        if not differs:
            differs.append("volume, number, pages, chapter, edition or howpublished")
        if differs:
            yield ctx.finding(
                "BN205",
                index.path,
                entry.line,
                entry.key,
                f"same title as {other.key!r} ({_where(index, other_index, other)}) with another "
                f"{' and '.join(differs)}: another version, edition or issue",
            )


def _recurs(entry: IndexedEntry, other: IndexedEntry) -> bool:
    """Two entries of one title by two first authors, or of one type in one journal or
    proceedings."""
    if entry.first_author and other.first_author and entry.first_author != other.first_author:
        return True
    return bool(entry.venue) and entry.venue == other.venue and entry.kind == other.kind


def _pairs(
    indexes: Sequence[FileIndex], identity: Callable[[IndexedEntry], str | None]
) -> Iterator[tuple[FileIndex, IndexedEntry, FileIndex, IndexedEntry]]:
    """Each entry whose identity an earlier entry (of another key) of its file shares, with
    that entry. Files are compared within themselves: files checked together may be separate
    bibliographies (every paper of a repository), and one paper twice in two of them is no
    mistake."""
    for index in indexes:
        seen: dict[str, tuple[FileIndex, IndexedEntry]] = {}
        for entry in index.entries:
            value = identity(entry) if entry.readable else None
            if not value:
                continue
            if value not in seen:
                seen[value] = (index, entry)
                continue
            other_index, other = seen[value]
            if ascii_lower(other.key) != ascii_lower(entry.key):  # same key twice is BN201's finding
                yield index, entry, other_index, other


def _where(index: FileIndex, other_index: FileIndex, other: IndexedEntry) -> str:
    return f"line {other.line}" if other_index is index else f"{other_index.path}:{other.line}"
