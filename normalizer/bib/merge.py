"""Resolving a ``.bib`` file keeps everything bibnorm did not change.

`bibnorm resolve refs.bib -o clean.bib` rewrites the entries it resolved and keeps the
rest of the file: unresolved entries, comments, ``@string`` and ``@preamble`` blocks stay
byte for byte, in their place; a resolved entry keeps the fields bibnorm does not own
(``abstract``, ``keywords``, ``file``, ``note``, ``langid`` … as a Zotero export carries
them) next to the fields it rewrote. Entries resolved from other inputs (a title list
given with the ``.bib``) follow at the end.

Pure: parsed files and the writer's text in, the output text out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bibnorm.bib.bibfile import (
    BibEntry,
    BibField,
    BibFile,
    CommentBlock,
    FailedBlock,
    FormatOptions,
    PreambleBlock,
    StringBlock,
    parse_bibtex,
    render_block,
)
from bibnorm.bib.checks.base import entry_arxiv_id, entry_doi
from bibnorm.bib.shown_ids import repeats_an_id
from bibnorm.models import Resolution
from bibnorm.resolve.keys import KeyBook, written_entries
from bibnorm.text.titles import title_key

# Fields whose meaning bibnorm decides for a resolved entry: the original's value is
# replaced by the writer's, or dropped when the writer has none (an arXiv `journal` on
# an entry that became @inproceedings would contradict its booktitle).
OWNED_FIELDS = frozenset(
    {
        "author", "title", "journal", "journaltitle", "booktitle", "year", "month", "date",
        "volume", "number", "pages", "publisher", "doi", "url", "eprint", "archiveprefix",
        "eprinttype", "primaryclass", "eprintclass", "howpublished", "arxiv", "arxivid",
        "arxiv_id", "code", "verba", "key", "organization", "institution", "school", "series",
        "issue", "edition", "editor", "address", "location", "type",
    }
)  # fmt: skip

Place = tuple[str, int]
"""Where an entry started: (the input path as given, the 1-based line of its ``@``)."""


def keep_bib_inputs(
    originals: Sequence[BibFile],
    rendered: str,
    replaced: Mapping[Place, str],
    options: FormatOptions | None = None,
) -> str:
    """The output text: each original file with its resolved entries replaced, then the rest.

    ``rendered`` is the writer's text for every resolved entry; ``replaced`` says which
    original entry (by place) became which output key. Entries of ``rendered`` that
    replace no original entry are appended in their order.
    """
    options = options or FormatOptions()
    new_entries = {entry.key: entry for entry in parse_bibtex(rendered, "<rendered>").entries}
    used: set[str] = set()
    pieces: list[str] = []
    for bibfile in originals:
        for block in bibfile.blocks:
            key = replaced.get((bibfile.path, block.line)) if isinstance(block, BibEntry) else None
            if key is not None and key in new_entries and isinstance(block, BibEntry):
                pieces.append(render_block(_with_kept_fields(new_entries[key], block), options))
                used.add(key)
            else:
                pieces.append(_verbatim(block))
    for key, entry in new_entries.items():
        if key not in used:
            pieces.append(render_block(entry, options))
    text = "\n\n".join(piece for piece in pieces if piece)
    return text + "\n" if text else ""


def replaced_places(resolutions: Sequence[Resolution]) -> dict[Place, str]:
    """Which input entry (its place) each written entry replaces: `keep_bib_inputs`'s ``replaced``
    for these resolutions, as ``resolve FILE.bib`` and a corpus's ``.bib`` documents give it."""
    return {
        (r.query.origin.path, r.query.origin.line): key
        for r, key in written_entries(resolutions)
        if r.query.key is not None
    }


def _with_kept_fields(new: BibEntry, original: BibEntry) -> BibEntry:
    """``new`` plus the original's fields that bibnorm does not own and did not write."""
    written = {field.name for field in new.fields}
    kept = [f for f in original.fields if f.name not in written and not is_bibnorms(f, new)]
    return new.replace_fields((*new.fields, *kept))


def is_bibnorms(field: BibField, new: BibEntry) -> bool:
    """Whether an earlier entry's field is bibnorm's to replace or drop: one it owns, or a ``note``
    holding nothing but identifiers the new entry carries ("doi: X", written for a style that
    prints no ``doi``). A layout that shows them elsewhere (``--bst plainnat``) leaves that note
    out; kept, it prints the DOI twice."""
    return field.name in OWNED_FIELDS or (field.name == "note" and repeats_an_id(field.text, new))


def _verbatim(block: BibEntry | StringBlock | PreambleBlock | CommentBlock | FailedBlock) -> str:
    if isinstance(block, CommentBlock):
        return block.text.strip()
    return block.raw.strip()


def key_book_from_bib(files: Sequence[BibFile], book: KeyBook | None = None) -> KeyBook:
    """The keys an earlier output already gave its papers (by eprint, DOI and title)."""
    book = book if book is not None else KeyBook()
    for bibfile in files:
        for entry in bibfile.entries:
            identities = []
            arxiv = entry_arxiv_id(entry)
            if arxiv is not None:
                identities.append(f"arxiv:{arxiv.id}".casefold())
            doi = entry_doi(entry)
            if doi:
                identities.append(f"doi:{doi}".casefold())
            if entry.get("title") and (key := title_key(entry.get("title") or "")):
                identities.append(f"title:{key}")
            book.add(entry.key, identities)
    return book
