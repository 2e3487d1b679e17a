"""Whether a field's text shows an entry's identifiers and nothing else: the one test that the
``--bst`` layouts (`bibnorm.api.bst`) and the rewriting of an earlier output (`bibnorm.bib.merge`,
`bibnorm.api.previous`) use to tell an identifier's repetition ("doi: X", a DOI link) from text a
user wrote."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bibnorm.bib.bibfile import BibEntry
from bibnorm.bib.checks.base import entry_arxiv_id, entry_doi
from bibnorm.identifiers import ArxivId, is_arxiv_doi

# What wraps an identifier in a field that holds nothing else (arXiv's DOI, 10.48550/arXiv.ID,
# is its id wrapped).
_ID_WRAPPING = re.compile(
    r"https?://(?:dx\.)?doi\.org/|\b10\.48550/|https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/|\bdoi\b|\barxiv\b|\bpreprint\b"
    r"|\babs/|\[[a-z-]+(?:\.[a-z-]+)?\]|\bv\d+\b|\.pdf\b|\\url|[\s{}\\.,;:()]+"
)


def repeats_an_id(text: str, entry: BibEntry) -> bool:
    """Whether ``text`` holds nothing but identifiers ``entry`` carries in fields of their own (the
    "doi: X" note an earlier run wrote for another style), so that dropping it loses nothing."""
    return holds_only(text, entry_ids(entry)[2])


def holds_only(text: str, ids: Iterable[str]) -> bool:
    """Whether ``text`` shows some of ``ids`` (casefolded) and nothing but them in their usual
    wrappings ("doi: X", a DOI link)."""
    shown = {i for i in ids if shows(text, i)}
    return bool(shown) and only_ids(text, shown)


def entry_ids(entry: BibEntry) -> tuple[str | None, ArxivId | None, tuple[str, ...]]:
    """An entry's publisher DOI, its arXiv id and both casefolded (the ones it has)."""
    doi = entry.get("doi") or entry_doi(entry)
    publisher_doi = doi.strip() if doi and not is_arxiv_doi(doi) else None
    arxiv = entry_arxiv_id(entry)
    ids = tuple(i.casefold() for i in (publisher_doi, arxiv.id if arxiv else None) if i)
    return publisher_doi, arxiv, ids


def shows(text: str, identifier: str) -> bool:
    return identifier in text.replace("\\", "").replace("{", "").replace("}", "").casefold()


def only_ids(text: str, ids: set[str]) -> bool:
    """Whether ``text`` holds nothing but ``ids`` in their usual wrappings (a link, "doi:")."""
    rest = text.replace("\\_", "_").casefold()
    # The longest first: an id inside another (an arXiv id in a DOI) must not cut that one up.
    for identifier in sorted(ids, key=len, reverse=True):
        rest = rest.replace(identifier, " ")
    return not _ID_WRAPPING.sub("", rest).strip()
