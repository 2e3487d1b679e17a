"""What the output file already held: an output is replaced only by something at least as good.

A run that could not settle an item this time (a source down, an empty cache offline, a
flaky network on a train) keeps the entry an earlier run wrote for it instead of dropping it,
and a run that settled nothing at all leaves the output as it was. A field of a rewritten
entry that differs from what this run writes (edited by hand, or changed at the source) is
named as replaced, and a field the earlier file had that bibnorm neither owns nor writes
(a hand-added ``abstract``, ``keywords``, ``file``) stays, as it does for a ``.bib`` input.

Pure apart from `read_previous`: the earlier file in, the text to write and what happened out.
`bibnorm.api.resolve_files` applies it; the command only says what it did.
"""

# No `from __future__ import annotations` here: these dataclasses are fields of pydantic models
# (`ResolveRun`), and pydantic 2.5 (the floor) cannot resolve a dataclass's string annotations
# from another module.
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bibnorm.bib.bibfile import BibEntry, BibField, FormatOptions, parse_bibtex, read_bibfile, render_block
from bibnorm.bib.checks.base import entry_arxiv_id, entry_doi
from bibnorm.bib.merge import is_bibnorms
from bibnorm.errors import BibnormError
from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.io import read_text
from bibnorm.models import Identifiers, Reference, Resolution, Status
from bibnorm.resolve.keys import KeyBook
from bibnorm.text.tex_math import rich_text_to_plain

BIB_FORMATS = ("bibtex", "biblatex")
ARXIV_URL = re.compile(r"arxiv\.org/abs/(?P<id>[^\s?#]+)", re.IGNORECASE)


@dataclass(frozen=True)
class PreviousEntry:
    """One entry of the earlier output: its key, its text as written, and (BibTeX) its fields."""

    key: str
    text: str  # the entry as it stands in the file (BibTeX) or its JSON item (CSL-JSON)
    entry: BibEntry | None = None
    item: dict[str, Any] | None = None
    ids: Identifiers = field(default_factory=Identifiers)  # the arXiv id and DOI it names

    def names_more_than(self, record: Reference) -> bool:
        """Whether the entry names an arXiv id or a DOI the user's own ``record`` does not: an
        earlier run found its paper, and a record written as given would lose it."""
        return any(
            mine is not None and mine != theirs
            for mine, theirs in ((self.ids.arxiv_id, record.ids.arxiv_id), (self.ids.doi, record.ids.doi))
        )


@dataclass(frozen=True)
class PreviousOutput:
    """The earlier output's entries by key, and the key book that finds them by paper."""

    path: str
    fmt: str
    entries: dict[str, PreviousEntry]
    book: KeyBook = field(default_factory=KeyBook)


@dataclass(frozen=True)
class Replaced:
    """A rewritten entry whose fields differed in the earlier output."""

    key: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """The text to write and what the earlier output contributed to it."""

    text: str
    kept: dict[int, str]  # query index → key of the earlier entry kept for it
    replaced: list[Replaced]


def read_previous(path: str, fmt: str) -> PreviousOutput | None:
    """The entries of the file a run is about to replace; ``None`` when there is none to keep
    (no file, not a regular file, empty, or unreadable as the output's format)."""
    target = Path(path)
    if not target.is_file() or target.stat().st_size == 0:
        return None
    try:
        if fmt in BIB_FORMATS:
            return _previous_bib(path)
        if fmt == "csl-json":
            return _previous_csl(path)
    except (BibnormError, ValueError, OSError):
        return None  # not what this run writes: it is replaced as before
    return None


def _previous_bib(path: str) -> PreviousOutput:
    bibfile = read_bibfile(path)
    book = KeyBook()
    entries: dict[str, PreviousEntry] = {}
    for entry in bibfile.entries:
        if entry.key in entries:
            continue
        # (bibnorm's default layout gives a preprint's id in howpublished, a DOI in note.)
        arxiv = entry_arxiv_id(entry)
        paper = _paper(entry.get("title"), arxiv.id if arxiv else None, entry_doi(entry))
        entries[entry.key] = PreviousEntry(entry.key, entry.raw.strip(), entry=entry, ids=paper.ids)
        book.add_reference(entry.key, paper)
    return PreviousOutput(path, "bibtex", entries, book)


def _previous_csl(path: str) -> PreviousOutput:
    items = json.loads(read_text(path))
    if not isinstance(items, list):
        raise ValueError("not a CSL-JSON array")
    book = KeyBook()
    entries: dict[str, PreviousEntry] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item["id"] in entries:
            continue
        url = ARXIV_URL.search(str(item.get("URL") or ""))
        arxiv = parse_arxiv_id(url.group("id")) if url else None
        doi = canonical_doi(str(item.get("DOI") or "")) if item.get("DOI") else None
        title = rich_text_to_plain(item["title"]) if isinstance(item.get("title"), str) else None
        paper = _paper(title, arxiv.id if arxiv else None, doi)
        text = json.dumps(item, ensure_ascii=False)
        entries[item["id"]] = PreviousEntry(item["id"], text, item=item, ids=paper.ids)
        book.add_reference(item["id"], paper)
    return PreviousOutput(path, "csl-json", entries, book)


def _paper(title: str | None, arxiv_id: str | None, doi: str | None) -> Reference:
    """A reference with just what finds a paper again: title, arXiv id, DOI."""
    return Reference(title=title or "", ids=Identifiers(arxiv_id=arxiv_id, doi=doi))


def kept_for(
    previous: PreviousOutput, resolutions: Sequence[Resolution], written: set[str]
) -> dict[int, str]:
    """For each distinct item this run did not resolve, the earlier entry written for it (by
    arXiv id, DOI or title), unless this run writes that key for another item."""
    kept: dict[int, str] = {}
    for resolution in resolutions:
        if resolution.status is Status.RESOLVED or resolution.duplicate_of is not None:
            continue
        query = resolution.query
        key = previous.book.key_for(_paper(query.title, query.arxiv_id, query.doi))
        if key is not None and key in previous.entries and key not in written and key not in kept.values():
            kept[query.index] = key
    return kept


def replaced_fields(old: BibEntry, new: BibEntry) -> tuple[str, ...]:
    """The fields both entries have whose values differ (blanks aside)."""
    return tuple(
        f.name
        for f in new.fields
        if (before := old.field(f.name)) is not None
        and " ".join(before.value.split()) != " ".join(f.value.split())
    )


def with_previous(
    previous: PreviousOutput,
    rendered: str,
    resolutions: Sequence[Resolution],
    order: Sequence[tuple[int, str]],
    layout: FormatOptions,
) -> Outcome:
    """The output text with the earlier entries kept for unsettled items, in input order.

    ``order`` is (query index, key) of every entry this run writes, in input order."""
    written = {key for _, key in order}
    kept = kept_for(previous, resolutions, written)
    if previous.fmt == "csl-json":
        return _with_previous_csl(previous, rendered, order, kept)
    new_entries = {entry.key: entry for entry in parse_bibtex(rendered, "<rendered>").entries}
    pieces: dict[int, list[str]] = {}
    replaced = []
    for index, key in order:
        new = new_entries.get(key)
        old = previous.entries.get(key)
        if new is None:
            continue
        text = new.raw.strip()  # as the writer laid it out (a preset has its own field order)
        if old is not None and old.entry is not None:
            if changed := replaced_fields(old.entry, new):
                replaced.append(Replaced(key, changed))
            merged = _with_kept_fields(new, old.entry)
            if merged is not new:
                text = render_block(merged, layout)
        pieces.setdefault(index, []).append(text)
    for index, key in kept.items():
        pieces.setdefault(index, []).append(previous.entries[key].text)
    text = "\n\n".join(piece for index in sorted(pieces) for piece in pieces[index])
    return Outcome(text + "\n" if text else "", kept, replaced)


def _with_kept_fields(new: BibEntry, old: BibEntry) -> BibEntry:
    """``new`` plus the earlier entry's fields that bibnorm does not own and did not write
    (`is_bibnorms`: not an earlier run's note repeating an id the new entry carries)."""
    written = {f.name for f in new.fields}
    extra = [
        BibField(f.name, f.value, f.line)
        for f in old.fields
        if f.name not in written and not is_bibnorms(f, new)
    ]
    return new.replace_fields((*new.fields, *extra)) if extra else new


def _with_previous_csl(
    previous: PreviousOutput, rendered: str, order: Sequence[tuple[int, str]], kept: dict[int, str]
) -> Outcome:
    items = {item["id"]: item for item in json.loads(rendered)}
    placed: list[tuple[int, dict[str, Any]]] = [(index, items[key]) for index, key in order if key in items]
    placed += [(index, previous.entries[key].item or {}) for index, key in kept.items()]
    placed.sort(key=lambda pair: pair[0])
    text = json.dumps([item for _, item in placed], indent=2, ensure_ascii=False) + "\n"
    return Outcome(text, kept, [])


def settled_nothing(resolutions: Sequence[Resolution]) -> bool:
    """No distinct item resolved, and every one was left unsettled by a source that could not
    be asked (down, refused, or offline with nothing cached) or gave nothing to ask with (an
    entry with neither a title nor an identifier): nothing was settled."""
    distinct = [r for r in resolutions if r.duplicate_of is None]
    return bool(distinct) and all(
        r.status is Status.FAILED
        or (
            r.status is not Status.RESOLVED
            and (any(p.code.endswith(".unavailable") for p in r.problems) or _nothing_to_ask(r))
        )
        for r in distinct
    )


def _nothing_to_ask(resolution: Resolution) -> bool:
    query = resolution.query
    return not (query.title or query.arxiv_id or query.doi or query.urls)
