"""Reference strings: a bibliography pasted from a paper, one reference per item.

Items start at a number (``[12]``, ``12.``, ``(12)``) and may run over several lines;
without numbers (``--input-format refs``) every non-blank line is one reference. From
each string:

- ids anywhere: ``arXiv:2106.04560``, ``arxiv.org/abs/…``, a DOI — an arXiv id or DOI
  makes the item an id query (the title stays as evidence);
- the title: in quotes (IEEE: ``A. Name, “Title,” in …``); after ``(2015).`` (APA:
  ``Name, A. (2015). Title. Venue.``); else the sentence after the author sentence
  (ACM, plain, natbib: ``Names. Title. Venue, year.``); venue/year tags and a trailing
  "arXiv preprint …" are never part of it;
- the authors' name words and the year, which matching uses as evidence
  (`matching.authors_agree`, `matching.year_consistent`).

Nothing here looks anything up; a string whose title cannot be found still becomes a
query, so it is reported as unresolved instead of dropped.

Why a small grammar (surveyed 2026-11-22): ``refextract`` 1.1.7 (INSPIRE) splits and
numbers references well but returns no title — on a plain-style list the title
is inside an unstructured ``misc`` blob for every item; ``refparse`` 0.5.0 reads Web of
Science/Scopus/CSSCI export lines only; GROBID (CRF/deep models) needs a Java server and
AnyStyle is Ruby — neither installs as a Python dependency that runs offline. This grammar
reads 159/159 titles exactly from lists typeset by plain, IEEEtran and splncs04 and copied
out of the PDF (``bench/bench_refs.py``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from normalizer.identifiers import canonical_doi, parse_arxiv_id
from normalizer.models import Origin, Query, QueryKind
from normalizer.readers.base import Reader

_NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.(?=\s))\s*")
_ARXIV = re.compile(
    r"(?:arXiv:?\s*|arxiv\.org/(?:abs|pdf)/)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)",
    re.IGNORECASE,
)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]])")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_YEAR = re.compile(r"(?<![\d./:-])((?:19|20)\d{2})[a-z]?(?![\d/-])")
_QUOTED = re.compile(r"(?:[“\"«]|``)\s*(?P<title>[^“”\"»]{8,}?)[,.]?\s*(?:[”\"»]|'')")
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?(?:,[^)]*)?\)\.?\s*(?P<rest>.+)$")
# A sentence ends at ". " after a word of two or more characters: initials ("A. Name",
# "J.-P. Name") do not end the author sentence; "et al." does.
_SENTENCE_END = re.compile(r"(?<=[^\W_]{2})\.\s+|(?<=[?!])\s+(?=(?:In|in|In:)\s)")
# LNCS (splncs04): "Name, A., Name, B.: Title. In: Venue (2025)".
_LNCS = re.compile(r"^(?P<authors>[^:]+?\.)\s*:\s+(?P<rest>.+)$")
# Where a venue starts inside a title sentence ("… models, in Proc. …", "… In: CVPR",
# "…, arXiv preprint arXiv:…"): "in the image" and "DataComp: In search of …" are titles.
_VENUE_TAIL = re.compile(
    r"(?:[.,]\s*\b[Ii]n\b:?\s.*|\sIn:\s.*|\s*[,.]?\s*\b[Aa]r[Xx]iv preprint\b.*|\s*[,.]?\s*\bCoRR\b.*)$"
)
_TRAILING_YEAR = re.compile(r"\s*(?:,\s*|\(\s*)(?:19|20)\d{2}[a-z]?\)?\s*\.?$")
# A page number or running head copied along with the list.
_PAGE_FURNITURE = re.compile(r"^\s*(?:\d{1,4}|\f.*)\s*$")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]+")
_NOT_NAMES = frozenset({"and", "et", "al", "others", "eds", "ed", "editors", "in", "with"})


class ParsedReference(NamedTuple):
    title: str | None
    author_names: tuple[str, ...]
    year: int | None
    arxiv: str | None
    doi: str | None
    venue: str | None = None


# Text copied out of a PDF typeset with T1-encoded fonts that lack a Unicode map
# (pdftotext, most viewers) carries the Cork slots of quotes and ligatures as control
# characters: IEEE's "\x10Title,\x11" and "E\x1ecient" for "Efficient".
_CORK_LIGATURES = str.maketrans(
    {"\x10": "“", "\x11": "”", "\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl"}
)


def split_references(text: str) -> list[tuple[int, str]]:
    """(line, text) of each reference: numbered items joined across lines, else one per line."""
    lines = text.translate(_CORK_LIGATURES).splitlines()
    numbered = sum(1 for line in lines if _NUMBERED.match(line))
    items: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("%") or _PAGE_FURNITURE.match(line):
            continue
        if numbered >= 2:
            if _NUMBERED.match(line):
                items.append((number, [_NUMBERED.sub("", line, count=1)]))
            elif items:  # text before the first number is a heading ("References")
                items[-1][1].append(line)
        else:
            items.append((number, [line]))
    return [(number, _join(parts)) for number, parts in items]


def _join(parts: list[str]) -> str:
    """Lines of one reference as one string; a word hyphenated at a line end is joined."""
    text = ""
    for part in parts:
        part = part.strip()
        if text.endswith("-") and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return " ".join(text.split())


def parse_reference(text: str) -> ParsedReference:
    """What one reference string says: title, name words, year, arXiv id, DOI."""
    arxiv_match = _ARXIV.search(text)
    arxiv = parse_arxiv_id(arxiv_match.group(1)) if arxiv_match else None
    doi_match = _DOI.search(text)
    doi = canonical_doi(doi_match.group(1)) if doi_match else None
    bare = _URL.sub(" ", _DOI.sub(" ", _ARXIV.sub(" ", text)))
    years = [int(y) for y in _YEAR.findall(bare)]

    title, authors = _title_and_authors(bare)
    return ParsedReference(
        venue=_venue_after(bare, title),
        title=title,
        author_names=tuple(
            w for w in _NAME_WORD.findall(authors) if w.casefold().strip(".") not in _NOT_NAMES and len(w) > 1
        ),
        year=years[-1] if years else None,
        arxiv=arxiv.id if arxiv else None,
        doi=doi,
    )


def _title_and_authors(text: str) -> tuple[str | None, str]:
    quoted = _QUOTED.search(text)
    if quoted:
        return _clean_title(quoted.group("title")), text[: quoted.start()]
    lncs = _LNCS.match(text)
    if lncs and _looks_like_authors(lncs.group("authors")):
        return _clean_title(_SENTENCE_END.split(lncs.group("rest"), maxsplit=1)[0]), lncs.group("authors")
    apa = _APA.match(text)
    if apa:
        return _clean_title(_SENTENCE_END.split(apa.group("rest"), maxsplit=1)[0]), apa.group("authors")
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    if len(sentences) >= 2 and _looks_like_authors(sentences[0]):
        return _clean_title(sentences[1]), sentences[0]
    return (_clean_title(sentences[0]) if sentences else None), ""


_VENUE_LEAD = re.compile(r"^[\s.,:;”\"'’]*(?:[Ii]n:?\s+)?(?:Proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?)?")
_VENUE_END = re.compile(r"\s*(?:,|\(|\bpp\.|\bpages\b|\d{4}|\.\s|\.$).*$", re.DOTALL)


def _venue_after(text: str, title: str | None) -> str | None:
    """The venue as written after the title ("In CVPR, 2022" → "CVPR"), if there is text there."""
    if not title:
        return None
    at = text.find(title)
    if at < 0:
        return None
    rest = _VENUE_LEAD.sub("", text[at + len(title) :])
    venue = _VENUE_END.sub("", rest).strip(" .,;:")
    return venue if 2 <= len(venue) <= 120 else None


def _looks_like_authors(text: str) -> bool:
    return "," in text or " and " in text or "&" in text or "et al" in text or len(text.split()) <= 3


def _clean_title(text: str) -> str | None:
    text = _TRAILING_YEAR.sub("", _VENUE_TAIL.sub("", text)).strip(" .,;:")
    return text if len(text) >= 2 else None


def read_refs(text: str, path: str) -> list[Query]:
    """One `Query` per reference string."""
    queries: list[Query] = []
    for line, reference in split_references(text):
        parsed = parse_reference(reference)
        kind = QueryKind.ARXIV_ID if parsed.arxiv else QueryKind.DOI if parsed.doi else QueryKind.TITLE
        queries.append(
            Query(
                index=len(queries),
                origin=Origin(path=path, line=line),
                kind=kind,
                title=parsed.title or (reference if kind is QueryKind.TITLE else None),
                arxiv_id=parsed.arxiv,
                doi=parsed.doi,
                author_names=parsed.author_names,
                year=parsed.year,
                venue=parsed.venue,
                raw=reference,
            )
        )
    return queries


def looks_like_reference_list(text: str) -> bool:
    """At least three numbered items, most of them with a year: a pasted bibliography."""
    items = [line for line in text.splitlines()[:400] if _NUMBERED.match(line)]
    if len(items) < 3:
        return False
    with_year = sum(1 for _, ref in split_references(text)[:200] if _YEAR.search(ref))
    return with_year >= 0.6 * min(len(items), 200)


READER = Reader(
    name="refs",
    description="a pasted reference list ([1] / 1. numbered, or one reference per line when forced)",
    read=read_refs,
    sniff=looks_like_reference_list,
)
