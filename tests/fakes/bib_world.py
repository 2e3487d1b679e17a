"""A world of sources built from a .bib file, without bibnorm: each entry's paper as a source serves it.

A Semantic Scholar record (and an arXiv record for the entries with an arXiv id) per entry,
made by bibtexparser and pylatexenc alone — TeX decoded to Unicode, braces gone, names as
"Given Family", the DOI and the year as they are — never by bibnorm's own readers, so that
`verify`'s judging of real BibTeX is measured against an independent reading of it. Used by
``bench/bench_verify_corpus.py`` and ``tests/test_verify_corpus.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

import bibtexparser
from bibtexparser import middlewares

from fakes.arxiv_api import Author, FakeRecord, _date_from_id

ARXIV_URL = re.compile(r"arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5})")


def world_papers(
    bib_text: str,
    *,
    spell_name: Callable[[str], str] = str,
    spell_venue: Callable[[str], str] = str,
) -> tuple[list[dict[str, Any]], list[FakeRecord], set[str]]:
    """S2 papers and arXiv records for every entry bibtexparser reads, and those entries' keys.

    ``spell_name`` and ``spell_venue`` turn the entry's decoded name and venue into the
    source's spelling of them (an ASCII name as arXiv writes it, a venue's acronym)."""
    library = bibtexparser.parse_string(
        bib_text,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    papers: list[dict[str, Any]] = []
    arxiv: list[FakeRecord] = []
    keys: set[str] = set()
    for entry in library.entries:
        fields = {field.key.casefold(): field.value for field in entry.fields}
        title = " ".join(str(fields.get("title") or "").replace("{", "").replace("}", "").split())
        year = str(fields.get("year") or "")
        if not title or not year.isdigit():
            continue
        names = [spell_name(_full_name(part)) for part in fields.get("author") or []]
        venue = spell_venue(" ".join(str(fields.get("booktitle") or fields.get("journal") or "").split()))
        external: dict[str, Any] = {}
        if fields.get("doi"):
            external["DOI"] = str(fields["doi"]).strip()
        eprint = str(fields.get("eprint") or "").strip()
        if not eprint and (on_arxiv := ARXIV_URL.search(str(fields.get("url") or ""))):
            eprint = on_arxiv.group(1)  # DBLP's CoRR-derived entries link the abstract page
        if eprint and "arxiv" in str(fields.get("archiveprefix") or "arxiv").casefold():
            external["ArXiv"] = eprint
            arxiv.append(
                FakeRecord(
                    arxiv_id=eprint,
                    title=title,
                    abstract="",
                    authors=tuple(Author(name) for name in names),
                    versions=(_date_from_id(eprint),),
                    categories=("cs.CL",),
                )
            )
        journal = entry.entry_type.casefold() == "article"
        paper_id = hashlib.sha1(entry.key.encode()).hexdigest()
        papers.append(
            {
                "paperId": paper_id,
                "externalIds": external,
                "title": title,
                "authors": [{"authorId": None, "name": name} for name in names],
                "year": int(year),
                "venue": venue,
                "publicationVenue": None,
                "journal": {"name": venue} if journal else None,
                "publicationTypes": ["JournalArticle"] if journal else ["Conference"],
                "publicationDate": None,
                "abstract": None,
            }
        )
        keys.add(entry.key)
    return papers, arxiv, keys


def _full_name(parts: Any) -> str:
    if isinstance(parts, str):
        return " ".join(parts.replace("{", "").replace("}", "").split())
    words = [*parts.first, *parts.von, *parts.last, *parts.jr]
    return " ".join(" ".join(words).replace("{", "").replace("}", "").split())
