"""A world of sources built from a .bib file, without bibnorm: each entry's paper as a source serves it.

A Semantic Scholar record (and an arXiv record for the entries with an arXiv id) per entry,
made by bibtexparser and pylatexenc alone — TeX decoded to Unicode, braces gone, names as
"Given Family", the DOI and the year as they are, a title's math as ``$…$`` TeX the way arXiv
and Semantic Scholar serve it (dblp's ``\\(…\\)`` too) — never by bibnorm's own readers, so that
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
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from fakes.arxiv_api import Author, FakeArxivServer, FakeRecord, _date_from_id
from fakes.crossref_api import FakeCrossref
from fakes.s2_api import FakeS2
from fakes.verify_world import WorldSources

ARXIV_URL = re.compile(r"arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5})")
DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/", re.IGNORECASE)
# A math span's placeholder while the text around it is decoded: a private-use character, which
# pylatexenc passes through as it is.
PLACEHOLDER = 0xE000


def _decoder() -> LatexNodes2Text:
    """bibtexparser's decoder (math kept verbatim, ``\\url{x}`` as x) that also keeps ``\\mbox``'s
    text: pylatexenc's default drops it, and "Ebl{\\mbox{$^2$}}" would lose its math."""
    context = get_default_latex_context_db()
    context.add_context_category(
        "bib-world", prepend=True, macros=[MacroTextSpec("url", "%s"), MacroTextSpec("mbox", "%s")]
    )
    return LatexNodes2Text(latex_context=context, math_mode="verbatim")


DECODER = _decoder()


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
        # the space after \\l ends the command, and "and" still separates two names. Each field
        # is decoded below, the title keeping its math.
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    papers: list[dict[str, Any]] = []
    arxiv: list[FakeRecord] = []
    keys: set[str] = set()
    for entry in library.entries:
        tex = {field.key.casefold(): field.value for field in entry.fields}
        fields = {key: _decoded(value) for key, value in tex.items()}
        title = _title(str(tex.get("title") or ""))
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


def _decoded(value: Any) -> Any:
    """A field's TeX as text; the names, still parts, are decoded by ``_full_name``."""
    return DECODER.latex_to_text(value) if isinstance(value, str) else value


def _title(tex: str) -> str:
    """The title as text, its math spans (``$…$``, ``\\(…\\)``) as ``$…$`` with their TeX as written.

    The math is set aside before the text around it is decoded and its braces dropped, so that
    ``f\\({}_{\\mbox{BGD}}\\)`` becomes ``f${}_{\\mbox{BGD}}$``, not ``f\\(_\\mboxBGD\\)``. Spans
    that end up side by side are one: ``$a$$b$`` is not TeX (``$$`` opens display math)."""
    spans: list[str] = []
    text: list[str] = []
    for piece, is_math in _math_split(tex):
        if is_math:
            text.append(chr(PLACEHOLDER + len(spans)))
            spans.append(" ".join(piece.split()))
        else:
            text.append(piece)
    decoded = " ".join(DECODER.latex_to_text("".join(text)).replace("{", "").replace("}", "").split())
    if not spans:
        return decoded
    run = re.compile(f"[{chr(PLACEHOLDER)}-{chr(PLACEHOLDER + len(spans) - 1)}]+")
    return run.sub(lambda found: "$" + " ".join(spans[ord(c) - PLACEHOLDER] for c in found[0]) + "$", decoded)


def _math_split(tex: str) -> Iterator[tuple[str, bool]]:
    """Text and math pieces in order, each math piece without its delimiters; a ``\\(…\\)`` may
    hold another (dblp: ``\\({}^{\\mbox{log1-{\\(\\epsilon\\)} n}}\\)``), kept inside it."""
    start = at = 0
    while at < len(tex):
        if tex.startswith(("\\\\", "\\$"), at):
            at += 2
        elif tex.startswith("\\(", at) or tex[at] == "$":
            closing = "\\)" if tex[at] == "\\" else "$"
            end = _closing(tex, at + len(closing), closing)
            if end < 0:
                break  # an unclosed span: the rest is text, as it is
            yield tex[start:at], False
            yield tex[at + len(closing) : end], True
            start = at = end + len(closing)
        else:
            at += 1
    yield tex[start:], False


def _closing(tex: str, at: int, closing: str) -> int:
    """Where the span opened before ``at`` closes (a nested ``\\(…\\)`` skipped), or -1."""
    depth = 0
    while at < len(tex):
        if tex.startswith(("\\\\", "\\$"), at):
            at += 2
        elif closing == "\\)" and tex.startswith("\\(", at):
            depth, at = depth + 1, at + 2
        elif tex.startswith(closing, at):
            if depth == 0:
                return at
            depth, at = depth - 1, at + len(closing)
        else:
            at += 1
    return -1


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
