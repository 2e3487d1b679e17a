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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import bibtexparser
from bibtexparser import middlewares
from pylatexenc.latex2text import LatexNodes2Text

from fakes.arxiv_api import Author, FakeArxivServer, FakeRecord, _date_from_id
from fakes.crossref_api import FakeCrossref
from fakes.s2_api import FakeS2
from fakes.verify_world import WorldSources

ARXIV_URL = re.compile(r"arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5})")
DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/", re.IGNORECASE)


def world_papers(
    bib_text: str,
    *,
    spell_name: Callable[[str], str] = str,
    spell_venue: Callable[[str], str] = str,
    venue_fields: tuple[str, ...] = ("booktitle", "journal"),
) -> tuple[list[dict[str, Any]], list[FakeRecord], set[str]]:
    """S2 papers and arXiv records for every entry bibtexparser reads, and those entries' keys.

    ``spell_name`` and ``spell_venue`` turn the entry's decoded name and venue into the
    source's spelling of them (an ASCII name as arXiv writes it, a venue's acronym); the venue
    is the first of ``venue_fields`` the entry has (MathSciNet's ``fjournal``: the full title
    of the journal its ``journal`` abbreviates)."""
    library = bibtexparser.parse_string(
        bib_text,
        # Names are split before TeX is decoded, as BibTeX reads them: in "Micha\\l and Zabczyk"
        # the space after \\l ends the command, and "and" still separates two names.
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    papers: list[dict[str, Any]] = []
    arxiv: list[FakeRecord] = []
    keys: set[str] = set()
    for entry in library.entries:
        fields = {field.key.casefold(): field.value for field in entry.fields}
        title = " ".join(str(fields.get("title") or "").replace("{", "").replace("}", "").split())
        # MathSciNet's "2004/05" (a volume across two years): the first, as sources give one year.
        year = str(fields.get("year") or "")[:4]
        if not title or not year.isdigit():
            continue
        names = [spell_name(_full_name(part)) for part in fields.get("author") or []]
        named = next((fields[name] for name in venue_fields if fields.get(name)), "")
        venue = spell_venue(" ".join(str(named).split()))
        external = _external_ids(fields)
        if "ArXiv" in external:
            arxiv.append(
                FakeRecord(
                    arxiv_id=external["ArXiv"],
                    title=title,
                    abstract="",
                    authors=tuple(Author(name) for name in names),
                    versions=(_date_from_id(external["ArXiv"]),),
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


def _external_ids(fields: dict[str, Any]) -> dict[str, str]:
    """The entry's DOI (bare, as sources serve it) and arXiv id, as S2's ``externalIds``."""
    external = {}
    if fields.get("doi"):
        external["DOI"] = DOI_URL.sub("", str(fields["doi"]).strip())
    eprint = str(fields.get("eprint") or "").strip()
    if not eprint and (on_arxiv := ARXIV_URL.search(str(fields.get("url") or ""))):
        eprint = on_arxiv.group(1)  # DBLP's CoRR-derived entries link the abstract page
    if eprint and "arxiv" in str(fields.get("archiveprefix") or "arxiv").casefold():
        external["ArXiv"] = eprint
    return external


@contextmanager
def serving(papers: list[dict[str, Any]], arxiv_records: list[FakeRecord]) -> Iterator[dict[str, str]]:
    """Semantic Scholar and arXiv fakes holding the world (Crossref holding nothing), running:
    the environment that points ``bibnorm`` at them."""
    running = WorldSources(
        FakeS2(papers=papers).start(), FakeArxivServer(arxiv_records).start(), FakeCrossref([]).start()
    )
    try:
        yield running.env()
    finally:
        running.crossref.stop()
        running.arxiv.stop()
        running.s2.stop()


def _full_name(parts: Any) -> str:
    words = [parts] if isinstance(parts, str) else [*parts.first, *parts.von, *parts.last, *parts.jr]
    text = LatexNodes2Text().latex_to_text(" ".join(words))
    return " ".join(text.replace("{", "").replace("}", "").split())
