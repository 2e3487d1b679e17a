"""``.bbl`` files: the bibliography bibtex or biber wrote for a LaTeX document.

- bibtex (plain, abbrv, unsrt, alpha, plainnat, IEEEtran, splncs04 …): one
  ``\\bibitem[label]{key}`` block per reference; ``\\newblock`` separates the author,
  title and venue sentences. The block is turned into text (LaTeX accents and macros
  rendered) and read like a reference string (`refs.parse_reference`), with the
  ``\\newblock`` boundaries as sentence ends — so an IEEE quoted title, an arXiv id
  or a DOI printed in the block are found the same way.
- biber (biblatex): ``\\entry{key}{type}{}`` … ``\\endentry`` with ``\\field{title}{…}``,
  ``\\field{year}{…}`` (or ``\\field{date}``), ``family={…}`` names and ``\\verb{eprint}`` /
  ``\\verb{doi}`` or ``\\field{eprint}``.

The entry key becomes the query's key, so the written ``.bib`` keeps the draft's keys.
"""

from __future__ import annotations

import re

from normalizer.identifiers import canonical_doi, parse_arxiv_id
from normalizer.matching import plain_text
from normalizer.models import Origin, Query, QueryKind
from normalizer.readers.base import Reader
from normalizer.readers.refs import parse_reference

_BIBITEM = re.compile(r"\\bibitem\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*\{([^}]*)\}")
_END = re.compile(r"\\end\{thebibliography\}")
_ENTRY = re.compile(r"\\entry\{([^}]*)\}\{([^}]*)\}\{[^}]*\}(.*?)\\endentry", re.DOTALL)
_NEWBLOCK = re.compile(r"\\newblock\b")
_NOISE = re.compile(
    r"\\(?:BIBentryALTinterwordspacing|BIBentrySTDinterwordspacing|BIBentryALTinterwordstretchfactor"
    r"|providecommand|penalty\d*|natexlab\{[^}]*\}|bibinfo\{[^}]*\}|bibfield\{[^}]*\})"
)
_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}")
_VERB = re.compile(r"\\verb\{(\w+)\}\s*\\verb\s+(.*?)\s*\\endverb", re.DOTALL)
_FAMILY = re.compile(r"family=\{((?:[^{}]|\{[^{}]*\})*)\}")
_BLOCK_SEPARATOR = "\u2029"


def _field(body: str, name: str) -> str | None:
    """The braced value of ``\\field{name}{…}`` (nested braces allowed)."""
    start = body.find(f"\\field{{{name}}}{{")
    if start < 0:
        return None
    position = start + len(f"\\field{{{name}}}{{")
    depth = 1
    for end in range(position, len(body)):
        if body[end] == "{":
            depth += 1
        elif body[end] == "}":
            depth -= 1
            if depth == 0:
                return body[position:end]
    return None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _query(
    index: int, path: str, line: int, key: str, title: str | None, names: tuple[str, ...], year: int | None,
    arxiv: str | None, doi: str | None, raw: str,
) -> Query:  # fmt: skip
    kind = QueryKind.ARXIV_ID if arxiv else QueryKind.DOI if doi else QueryKind.TITLE
    return Query(
        index=index,
        origin=Origin(path=path, line=line),
        kind=kind,
        title=title or (raw if kind is QueryKind.TITLE else None),
        arxiv_id=arxiv,
        doi=doi,
        key=key or None,
        author_names=names,
        year=year,
        raw=raw,
    )


def _read_biber(text: str, path: str) -> list[Query]:
    queries: list[Query] = []
    for match in _ENTRY.finditer(text):
        key, body = match.group(1), match.group(3)
        verbs = {name.lower(): value.strip() for name, value in _VERB.findall(body)}
        title = _field(body, "title")
        year_text = _field(body, "year") or (_field(body, "date") or "")[:4]
        eprint = verbs.get("eprint") or _field(body, "eprint")
        arxiv = parse_arxiv_id(eprint) if eprint else None
        doi = canonical_doi(verbs["doi"]) if verbs.get("doi") else None
        names = tuple(plain_text(family) for family in _FAMILY.findall(body))
        queries.append(
            _query(
                len(queries), path, _line_of(text, match.start()), key,
                plain_text(title) if title else None, names,
                int(year_text) if year_text.isdigit() else None,
                arxiv.id if arxiv else None, doi, plain_text(title or key),
            )
        )  # fmt: skip
    return queries


def _read_bibtex(text: str, path: str) -> list[Query]:
    end = _END.search(text)
    body = text[: end.start()] if end else text
    items = list(_BIBITEM.finditer(body))
    queries: list[Query] = []
    for number, match in enumerate(items):
        stop = items[number + 1].start() if number + 1 < len(items) else len(body)
        block = body[match.end() : stop]
        block = _URL.sub(lambda m: f" {m.group(1)} ", _NOISE.sub(" ", block))
        block = _NEWBLOCK.sub(_BLOCK_SEPARATOR, block)
        sentences = [plain_text(part).strip() for part in block.split(_BLOCK_SEPARATOR)]
        joined = ". ".join(s.rstrip(".") for s in sentences if s)
        parsed = parse_reference(joined)
        queries.append(
            _query(
                len(queries), path, _line_of(text, match.start()), match.group(1), parsed.title,
                parsed.author_names, parsed.year, parsed.arxiv, parsed.doi, joined,
            )
        )  # fmt: skip
    return queries


def read_bbl(text: str, path: str) -> list[Query]:
    """One `Query` per bibliography item, biber's or bibtex's."""
    return _read_biber(text, path) if "\\entry{" in text else _read_bibtex(text, path)


def looks_like_bbl(text: str) -> bool:
    return "\\begin{thebibliography}" in text or ("\\entry{" in text and "\\endentry" in text)


READER = Reader(
    name="bbl",
    description="a .bbl bibliography written by bibtex (\\bibitem) or biber (\\entry)",
    read=read_bbl,
    suffixes=(".bbl",),
    sniff=looks_like_bbl,
)
