"""``.bbl`` files: the bibliography bibtex or biber wrote for a LaTeX document.

- bibtex (plain, abbrv, unsrt, alpha, plainnat, IEEEtran, splncs04 …): one
  ``\\bibitem[label]{key}`` block per reference; ``\\newblock`` separates the author,
  title and venue sentences. The block is turned into text (LaTeX accents and macros
  rendered) and read like a reference string (`refs.parse_reference`), with the
  ``\\newblock`` boundaries as sentence ends — so an IEEE quoted title, an arXiv id
  or a DOI printed in the block are found the same way. REVTeX's apsrev4-1/4-2 mark each field
  (``\\bibinfo {title} {…}``): those items take their fields from the markup
  (`_bbl_bibinfo`), and no title where Physical Review Letters prints none.
- biber (biblatex): ``\\entry{key}{type}{}`` … ``\\endentry`` with ``\\field{title}{…}``,
  ``\\field{year}{…}`` (or ``\\field{date}``), ``family={…}`` names and ``\\verb{eprint}`` /
  ``\\verb{doi}`` or ``\\field{eprint}``.

The entry key becomes the query's key, so the written ``.bib`` keeps the draft's keys.
"""

from __future__ import annotations

import re

from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.io import LineCounter
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers._bbl_apacite import read_apacite
from bibnorm.readers._bbl_bibinfo import read_bibinfo
from bibnorm.readers._bbl_biblatex import entries
from bibnorm.readers.base import Reader
from bibnorm.readers.refs import parse_reference
from bibnorm.text.titles import plain_text

# Keys never hold a backslash: stopping there keeps a run of unclosed "\\bibitem{" or "\\entry{"
# linear (each start would otherwise scan to the end of the file).
# The optional label ("[{Vaswani et~al.(2017)}]") is bounded for the same reason, above what
# REVTeX writes (apsrev4-2 names every author in it for natbib's long citations: 1,700+ characters).
# (The blanks before the key read once: around an optional label, two runs of blanks would split
# them every way.)
_BIBITEM = re.compile(
    r"\\bibitem\s*+(?:\[(?:[^\[\]]|\[[^\[\]]{0,200}\]){0,4000}\](?:\s|%[^\n]*+\n)*+)?\{([^}\\]*)\}"
)
_END = re.compile(r"\\end\{thebibliography\}")
_NEWBLOCK = re.compile(r"\\newblock\b")
_NOISE = re.compile(
    r"\\(?:BIBentryALTinterwordspacing|BIBentrySTDinterwordspacing|BIBentryALTinterwordstretchfactor"
    r"|providecommand|penalty\d*|natexlab\{[^}]*\}|bibinfo\{[^}]*\}|bibfield\{[^}]*\})"
)
_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}")
_BLOCK_SEPARATOR = "\u2029"
_COMMENT = re.compile(r"%[^\n]*\n\s*|\s+")  # "{%\nkey}": a TeX comment's line end before the key


def _query(
    index: int, path: str, line: int, key: str, title: str | None, names: tuple[str, ...], year: int | None,
    arxiv: str | None, doi: str | None, raw: str, *, authors: tuple[str, ...] = (), venue: str | None = None,
    entry_type: str | None = None, printed: bool = False,
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
        authors=authors,
        year=year,
        venue=venue,
        entry_type=entry_type,
        raw=raw,
        printed=printed,
    )


def _read_biber(text: str, path: str) -> list[Query]:
    queries: list[Query] = []
    line_of = LineCounter(text)
    for entry in entries(text):
        arxiv = parse_arxiv_id(entry.eprint) if entry.eprint else None
        queries.append(
            _query(
                len(queries), path, line_of(entry.offset), entry.key, entry.title, entry.families, entry.year,
                arxiv.id if arxiv else None, canonical_doi(entry.doi) if entry.doi else None,
                entry.title or entry.key, authors=entry.authors, venue=entry.venue, entry_type=entry.entry_type,
            )
        )  # fmt: skip
    return queries


def _read_bibtex(text: str, path: str) -> list[Query]:
    end = _END.search(text)
    body = text[: end.start()] if end else text
    items = list(_BIBITEM.finditer(body))
    queries: list[Query] = []
    line_of = LineCounter(text)
    for number, match in enumerate(items):
        stop = items[number + 1].start() if number + 1 < len(items) else len(body)
        block = body[match.end() : stop]
        apacite = read_apacite(block)
        block = apacite.text if apacite else block
        fielded = read_bibinfo(block)
        block = _URL.sub(lambda m: f" {m.group(1)} ", _NOISE.sub(" ", fielded.text if fielded else block))
        block = _NEWBLOCK.sub(_BLOCK_SEPARATOR, block)
        sentences = [plain_text(part).strip() for part in block.split(_BLOCK_SEPARATOR)]
        joined = ". ".join(s.rstrip(".") for s in sentences if s)
        parsed = parse_reference(joined)
        if fielded is not None:
            parsed = fielded.over(parsed)
        if apacite:
            parsed = parsed._replace(title=apacite.title or parsed.title, year=apacite.year)
        queries.append(
            _query(
                len(queries), path, line_of(match.start()), _COMMENT.sub("", match.group(1)), parsed.title,
                parsed.author_names, parsed.year, parsed.arxiv, parsed.doi, joined,
                authors=parsed.authors, venue=parsed.venue, printed=True,
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
