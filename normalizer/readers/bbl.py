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
from collections.abc import Iterator

from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.io import LineCounter
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers._bbl_apacite import read_apacite
from bibnorm.readers._bbl_bibinfo import braced, read_bibinfo
from bibnorm.readers.base import Reader
from bibnorm.readers.refs import parse_reference
from bibnorm.text.titles import plain_text

# Keys never hold a backslash: stopping there keeps a run of unclosed "\\bibitem{" or "\\entry{"
# linear (each start would otherwise scan to the end of the file).
# The optional label ("[{Vaswani et~al.(2017)}]") is bounded for the same reason, above what
# REVTeX writes (apsrev4-2 names every author in it for natbib's long citations: 1,700+ characters).
# (The blanks before the key read once: around an optional label, two runs of blanks would split
# them every way.)
_BIBITEM = re.compile(r"\\bibitem\s*+(?:\[(?:[^\[\]]|\[[^\[\]]{0,200}\]){0,4000}\]\s*+)?\{([^}\\]*)\}")
_END = re.compile(r"\\end\{thebibliography\}")
_ENTRY_HEAD = re.compile(r"\\entry\{([^}\\]*)\}\{([^}\\]*)\}\{[^}\\]*\}")
_END_ENTRY = "\\endentry"
_NEWBLOCK = re.compile(r"\\newblock\b")
_NOISE = re.compile(
    r"\\(?:BIBentryALTinterwordspacing|BIBentrySTDinterwordspacing|BIBentryALTinterwordstretchfactor"
    r"|providecommand|penalty\d*|natexlab\{[^}]*\}|bibinfo\{[^}]*\}|bibfield\{[^}]*\})"
)
_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}")
_VERB_HEAD = re.compile(r"\\verb\{(\w+)\}\s*\\verb\s+")
_END_VERB = "\\endverb"
_FAMILY = re.compile(r"family=\{((?:[^{}]|\{[^{}]*\})*)\}")
_GIVEN = re.compile(r"\bgiven=\{((?:[^{}]|\{[^{}]*\})*)\}")
_PERSON_START = re.compile(r"\{\{(?:hash|un|uniquepart)=")  # each person of a \name list opens so
_NAME_DELIMITER = re.compile(r"\\bibnamedelim[a-d]|\\bibinitdelim|\\bibnamedelimi")
_BLOCK_SEPARATOR = "\u2029"
_COMMENT = re.compile(r"%[^\n]*\n\s*|\s+")  # "{%\nkey}": a TeX comment's line end before the key


def _field(body: str, name: str) -> str | None:
    """The braced value of ``\\field{name}{…}`` (nested braces allowed)."""
    start = body.find(f"\\field{{{name}}}{{")
    if start < 0:
        return None
    return braced(body, start + len(f"\\field{{{name}}}{{"))


def _authors(body: str) -> tuple[str, ...]:
    """ "Family, Given" of each person of a biber entry's author list."""
    start = body.find("\\name{author}")
    if start < 0:
        return ()
    stop = min(
        (
            at
            for at in (body.find(m, start + 1) for m in ("\\name{", "\\list{", "\\field{", "\\strng{"))
            if at > 0
        ),
        default=len(body),
    )
    people = []
    for chunk in _PERSON_START.split(body[start:stop])[1:]:
        family, given = _FAMILY.search(chunk), _GIVEN.search(chunk)
        if family:
            name = f"{family.group(1)}, {given.group(1)}" if given else family.group(1)
            people.append(" ".join(plain_text(_NAME_DELIMITER.sub(" ", name)).split()))
    return tuple(people)


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


def _verbs(body: str) -> dict[str, str]:
    """``\\verb{name}`` ``\\verb value`` ``\\endverb`` fields by lower-case name (found like
    `_entries`: one `str.find` for each end)."""
    verbs: dict[str, str] = {}
    position = 0
    while (head := _VERB_HEAD.search(body, position)) is not None:
        end = body.find(_END_VERB, head.end())
        if end < 0:
            break
        verbs[head.group(1).lower()] = body[head.end() : end].strip()
        position = end + len(_END_VERB)
    return verbs


def _entries(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(offset, key, type, body) of each ``\\entry{key}{type}{}`` … ``\\endentry``, in order. The end
    is found with one `str.find` per entry, not a lazy ``.*?`` per start: a file of headers
    with no end stays linear."""
    position = 0
    while (head := _ENTRY_HEAD.search(text, position)) is not None:
        end = text.find(_END_ENTRY, head.end())
        if end < 0:
            return
        yield head.start(), head.group(1), head.group(2), text[head.end() : end]
        position = end + len(_END_ENTRY)


def _read_biber(text: str, path: str) -> list[Query]:
    queries: list[Query] = []
    line_of = LineCounter(text)
    for start, key, entry_type, body in _entries(text):
        verbs = _verbs(body)
        title = _field(body, "title")
        year_text = _field(body, "year") or (_field(body, "date") or "")[:4]
        eprint = verbs.get("eprint") or _field(body, "eprint")
        arxiv = parse_arxiv_id(eprint) if eprint else None
        doi = canonical_doi(verbs["doi"]) if verbs.get("doi") else None
        names = tuple(plain_text(family) for family in _FAMILY.findall(body))
        people = _authors(body)
        venue = _field(body, "booktitle") or _field(body, "journaltitle") or _field(body, "journal")
        queries.append(
            _query(
                len(queries), path, line_of(start), key,
                plain_text(title) if title else None, names,
                int(year_text) if year_text.isdigit() else None,
                arxiv.id if arxiv else None, doi, plain_text(title or key),
                authors=people, venue=plain_text(venue) if venue else None, entry_type=entry_type.lower(),
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
