"""What every check shares: findings, the run's policy, and the per-file index.

A check is a `Check` (stable code, name, default severity, one-line summary) with a pure
function over parsed files (``run``) or over the files' `FileIndex`es (``run_index``);
`CheckContext.finding` gives each finding its severity from the run's policy. The helpers over
entries here (arXiv ids, preprints, name lists) are read by several code families.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, NamedTuple, TypeVar

from bibnorm.bib.bibfile import (
    BibEntry,
    BibFile,
    CommentBlock,
    FailedBlock,
    FormatOptions,
    StringBlock,
    split_value,
)
from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.identifiers import ArxivId, canonical_doi, doi_in_note, parse_arxiv_id
from bibnorm.models import Reference, Severity
from bibnorm.text.titles import title_key, title_words
from bibnorm.text.venues import names_preprint_server
from pydantic import BaseModel, ConfigDict, Field


class Finding(NamedTuple):
    """One problem found in a ``.bib`` file, printed as ``path:line: key: CODE severity: message``
    (editors parse the ``path:line:`` prefix; the severity word says which findings fail a run).

    A named tuple, not a pydantic model: an unformatted 20,000-entry file has 20,000
    findings, which worker processes pickle back (ten times faster as tuples).
    """

    path: str
    line: int
    key: str | None
    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return self.render()

    def render(self, paint: Callable[[str], str] | None = None) -> str:
        """The finding's line; ``paint`` may colour its severity word (the CLI's, on a terminal)."""
        word = self.severity.value
        shown = paint(word) if paint is not None else word
        return f"{self.path}:{self.line}: {self.key or '-'}: {self.code} {shown}: {self.message}"

    def as_json(self) -> dict[str, object]:
        """The finding as a JSON object (``--json``)."""
        return {**self._asdict(), "severity": self.severity.value}


class CheckConfig(BaseModel):
    """Which checks run and the policy they check against.

    ``select``/``ignore`` hold codes or code prefixes (``BN2`` is every duplicate
    check; ``ALL`` everything). ``key_format`` enables BN601; without it no key
    formula is assumed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    key_format: str | None = None
    format_options: FormatOptions = FormatOptions()
    strings: frozenset[str] = frozenset()  # @string names other files define (``--strings``), lower-case
    # @string names (lower-case) no file checked defines -> a .bib file beside them that does (BN102
    # says which: a project's abbreviations often live in a file of their own).
    companions: Mapping[str, str] = {}
    # crossref/xdata keys (lower-case) no file checked defines -> a .bib file beside them that
    # does (BN306 and BN301 say which: proceedings are often kept in a file of their own).
    parent_files: Mapping[str, str] = {}

    def enabled(self, code: str) -> bool:
        """True when ``code`` is selected and not ignored (the longer matching prefix wins)."""
        selected = _longest_prefix(code, self.select)
        ignored = _longest_prefix(code, self.ignore)
        return selected > ignored


def _longest_prefix(code: str, patterns: Iterable[str]) -> int:
    best = -1
    for pattern in patterns:
        pattern = pattern.strip().upper()
        if pattern == "ALL":
            best = max(best, 0)
        elif pattern and code.startswith(pattern):
            best = max(best, len(pattern))
    return best


class OnlineFacts(BaseModel):
    """What metadata sources said about the arXiv papers a file cites.

    ``published`` maps a canonical arXiv id to the record of its published version;
    ``latest_version`` maps an id to its newest arXiv version number.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: dict[str, Reference] = Field(default_factory=dict)
    latest_version: dict[str, int] = Field(default_factory=dict)

    def merged(self, other: OnlineFacts) -> OnlineFacts:
        """These facts with ``other``'s added (``other`` wins for an id both know)."""
        return OnlineFacts(
            published={**self.published, **other.published},
            latest_version={**self.latest_version, **other.latest_version},
        )


@dataclass(frozen=True)
class CheckContext:
    """One run's policy, plus per-entry facts several checks need, computed once."""

    config: CheckConfig
    severities: Mapping[str, Severity]
    online: OnlineFacts | None = None
    _people: dict[tuple[str, int], list[tuple[str, int, list[str], str]]] = dataclass_field(
        default_factory=dict
    )

    def finding(self, code: str, path: str, line: int, key: str | None, message: str) -> Finding:
        """A finding of check ``code`` with the severity this run gives it."""
        return Finding(
            path=path, line=line, key=key, code=code, severity=self.severities[code], message=message
        )

    def people(self, bibfile: BibFile, entry: BibEntry) -> list[tuple[str, int, list[str], str]]:
        """(field name, line, names, text) of the entry's author and editor lists."""
        where = (bibfile.path, entry.line)
        if where not in self._people:
            self._people[where] = list(person_fields(entry))
        return self._people[where]


class IndexedEntry(NamedTuple):
    """What the checks that compare entries need to know of one entry (a named tuple: workers
    pickle 20,000 of them)."""

    line: int
    key: str
    readable: bool = True  # False: a block kept verbatim that still names a key
    arxiv: ArxivId | None = None
    preprint: bool = False
    doi: str | None = None  # canonical and case-folded
    title: str | None = None  # the title key, when long enough to identify a paper
    macros: tuple[tuple[str, int, str], ...] = ()  # (field, line, name) of each @string use
    kind: str = ""  # the entry type, lower-case
    fields: frozenset[str] = frozenset()  # the fields with a value (BN301 and what inherits them)
    parents: tuple[str, ...] = ()  # crossref and xdata keys, lower-case
    crossref: str | None = None  # BibTeX's crossref key alone, lower-case (BN307: BibTeX's order)
    aliases: tuple[str, ...] = ()  # biblatex's ``ids``: other keys it may be cited and inherited by
    year: str | None = None
    first_author: str | None = None  # the first author's (or editor's) family name, folded
    place: tuple[str, ...] = ()  # `PLACE_FIELDS`' values ("" when absent; () when not indexed)
    venue: str = ""  # the journal or booktitle, folded as titles are ("" when absent)
    hidden: str = ""  # read by BibTeX inside text kept verbatim: "a comment", "a broken entry"


@dataclass(frozen=True, slots=True)
class FileIndex:
    """A file's entries as `IndexedEntry`s, in file order, and the @string names it defines
    (lower-case, with the line of their first definition)."""

    path: str
    entries: tuple[IndexedEntry, ...]
    strings: Mapping[str, int]

    @staticmethod
    def join(pieces: Sequence[FileIndex]) -> FileIndex:
        """One file's index from the indexes of its pieces, in order."""
        strings: dict[str, int] = {}
        for piece in pieces:
            for name, line in piece.strings.items():
                strings.setdefault(name, line)
        return FileIndex(
            path=pieces[0].path,
            entries=tuple(entry for piece in pieces for entry in piece.entries),
            strings=strings,
        )


EntryCheckFunction = Callable[[Sequence[BibFile], CheckContext], Iterator[Finding]]
IndexCheckFunction = Callable[[Sequence[FileIndex], CheckContext], Iterator[Finding]]


@dataclass(frozen=True)
class CheckSpec:
    """A check as users know it: stable ``code``, kebab-case ``name``, default ``severity``,
    one-line ``summary`` (``bibnorm check --list``, docs/checks.md)."""

    code: str
    name: str
    severity: Severity
    summary: str


@dataclass(frozen=True)
class Check(CheckSpec):
    """A named check (`CheckSpec`) and how it runs.

    ``run`` looks at one block at a time; ``run_index`` compares entries through the
    files' indexes. A check has exactly one of them.
    """

    run: EntryCheckFunction | None = None
    run_index: IndexCheckFunction | None = None
    online: bool = False  # needs `OnlineFacts`


# -- helpers over entries --------------------------------------------------------------------------

_ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\s*+(?:[:.]\s*+)?|\babs/)([A-Za-z.-]*/?\d{4}\.?\d{3,5}(?:v\d+)?)", re.IGNORECASE
)
_URL_IN_TEXT = re.compile(r"https?://[^\s{}\\]+", re.IGNORECASE)


_ARXIV_ID_FIELDS = frozenset({"eprint", "arxivid", "arxiv"})
_ARXIV_FIELDS = frozenset({"url", "journal", "volume", "note", "howpublished", "booktitle", "doi"})
_ARXIV_HINT = re.compile(r"arxiv|abs/|10\.48550", re.IGNORECASE)


def entry_arxiv_id(entry: BibEntry) -> ArxivId | None:
    """The arXiv paper an entry names (``eprint``, ``arxivid``, an arXiv ``url``, or journal text)."""
    # Most entries of a big file cite no preprint: rule them out with one cheap scan.
    if not any(
        f.name in _ARXIV_ID_FIELDS or (f.name in _ARXIV_FIELDS and _ARXIV_HINT.search(f.value))
        for f in entry.fields
    ):
        return None
    return next(filter(None, _arxiv_readings(entry)), None)


def _arxiv_readings(entry: BibEntry) -> Iterator[ArxivId | None]:
    """What each place an entry may name its arXiv paper in says, most explicit first."""
    eprint = entry.get("eprint")
    prefix = (entry.get("archiveprefix") or entry.get("eprinttype") or "arxiv").strip().lower()
    if eprint and prefix == "arxiv":
        yield parse_arxiv_id(eprint)
    for name in ("arxivid", "arxiv"):
        value = entry.get(name)
        if value:
            yield parse_arxiv_id(value)
    for url in _URL_IN_TEXT.findall(entry.get("url") or ""):
        yield parse_arxiv_id(url)
    for name in ("journal", "volume", "note", "howpublished", "booktitle"):
        for match in _ARXIV_IN_TEXT.finditer(entry.get(name) or ""):
            yield parse_arxiv_id(match.group(1))
    doi = entry.get("doi") or ""
    if doi.lower().startswith("10.48550/arxiv."):
        yield parse_arxiv_id(doi[len("10.48550/arxiv.") :])


def is_preprint(entry: BibEntry) -> bool:
    """True when an entry cites a preprint rather than a journal or proceedings version."""
    venue = entry.get("journal") or entry.get("booktitle") or entry.get("journaltitle") or ""
    return not venue.strip() or names_preprint_server(venue)


def arxiv_ids(indexes: Iterable[FileIndex]) -> dict[str, int | None]:
    """Every arXiv id the files cite, with the version pinned (or None): what BN5xx need looked up."""
    found: dict[str, int | None] = {}
    for index in indexes:
        for entry in index.entries:
            arxiv = entry.arxiv
            if arxiv and (arxiv.id not in found or found[arxiv.id] is None):
                found[arxiv.id] = arxiv.version
    return found


_LATEX_ONLY_BRACES = re.compile(r"[\\$^_~]")


def _title_key(title: str) -> str:
    # Braces alone render to nothing, so dropping them first keeps the key identical while
    # sparing the LaTeX renderer most DBLP-style titles ("{BERT:} Pre-training ...").
    if not _LATEX_ONLY_BRACES.search(title):
        title = title.replace("{", "").replace("}", "")
    # Not through title_words' cache: each title is keyed once, and a worker's cache of a large
    # file's titles would only grow (tens of MB a process, never given back).
    return "".join(_uncached_title_words(title))


_uncached_title_words: Callable[[str], tuple[str, ...]] = title_words.__wrapped__


# -- the index of a file ---------------------------------------------------------------------------


class _Wanted(NamedTuple):
    """The facts of an entry that the enabled checks read (the others are not computed)."""

    title: bool  # BN204, BN205, BN501: the title key and what tells works of one title apart
    doi: bool  # BN203
    macros: bool  # BN102
    fields: bool  # BN301

    @staticmethod
    def of(config: CheckConfig) -> _Wanted:
        return _Wanted(
            title=config.enabled("BN204") or config.enabled("BN205") or config.enabled("BN501"),
            doi=config.enabled("BN203"),
            macros=config.enabled("BN102"),
            fields=config.enabled("BN301"),
        )


def index_file(bibfile: BibFile, config: CheckConfig | None = None) -> FileIndex:
    """The `FileIndex` of a parsed file (or piece of one); facts only enabled checks read are left out."""
    wanted = _Wanted.of(config or CheckConfig())
    entries: list[IndexedEntry] = []
    strings: dict[str, int] = {}
    # A worker pickles its piece's index to the parent, which holds every entry's until the end
    # (2 KB an entry when each fact is its own object): equal facts (entry types, field sets, years,
    # venues, place values) made one object here are pickled and unpickled as one.
    shared: dict[Any, Any] = {}
    for block in bibfile.blocks:
        if isinstance(block, StringBlock):
            strings.setdefault(ascii_lower(block.name), block.line)
        elif isinstance(block, FailedBlock | CommentBlock):
            entries.extend(_unread_entries(block, strings))
        elif isinstance(block, BibEntry):
            entries.append(_indexed(block, wanted, shared))
    return FileIndex(path=bibfile.path, entries=tuple(entries), strings=strings)


def _unread_entries(block: FailedBlock | CommentBlock, strings: dict[str, int]) -> Iterator[IndexedEntry]:
    """The entries BibTeX reads in a block kept verbatim (its @string names go into ``strings``)."""
    if isinstance(block, FailedBlock) and block.key is not None:
        yield IndexedEntry(line=block.line, key=block.key, readable=False)
    where = "a comment" if isinstance(block, CommentBlock) else "a block BibTeX cannot read whole"
    for inner in block.inner:
        if inner.kind == "string":
            strings.setdefault(ascii_lower(inner.name), inner.line)
        else:
            yield IndexedEntry(line=inner.line, key=inner.name, readable=False, hidden=where)


def _indexed(entry: BibEntry, wanted: _Wanted, shared: dict[Any, Any]) -> IndexedEntry:
    arxiv = entry_arxiv_id(entry)
    title = _title_identity(entry) if wanted.title else None
    return IndexedEntry(
        line=entry.line,
        key=entry.key,
        arxiv=arxiv,
        preprint=arxiv is not None and is_preprint(entry),
        doi=_doi_identity(entry) if wanted.doi else None,
        title=title,
        macros=tuple(_macro_uses(entry)) if wanted.macros else (),
        kind=_one(shared, entry.entry_type),
        fields=_filled_fields(entry, shared) if wanted.fields else frozenset(),
        parents=entry.parents(),
        crossref=ascii_lower(crossref.strip()) or None if (crossref := entry.get("crossref")) else None,
        aliases=_aliases(entry),
        year=_one(shared, _year(entry)) if title else None,
        first_author=_one(shared, _first_author(entry)) if title else None,
        place=_place(entry, shared) if title else (),
        venue=_one(shared, _venue(entry)) if title else "",
    )


_Shared = TypeVar("_Shared")


def _one(shared: dict[Any, Any], value: _Shared) -> _Shared:
    """The one object equal to ``value`` in ``shared`` (``value`` itself the first time)."""
    found: _Shared = shared.setdefault(value, value)
    return found


_EMPTY_VALUES = frozenset({"", "{}", '""', "{ }", '" "'})


def _filled_fields(entry: BibEntry, shared: dict[Any, Any]) -> frozenset[str]:
    names = (_one(shared, f.name) for f in entry.fields if f.value.strip(" \t\n") not in _EMPTY_VALUES)
    return _one(shared, frozenset(names))


def _aliases(entry: BibEntry) -> tuple[str, ...]:
    """biblatex's ``ids``: the other keys of an entry, lower-case."""
    return tuple(ascii_lower(key.strip()) for key in (entry.get("ids") or "").split(",") if key.strip())


_YEAR = re.compile(r"\d{4}")


def _year(entry: BibEntry) -> str | None:
    found = _YEAR.search(entry.get("year") or entry.get("date") or "")
    return found.group() if found else None


# What tells two works of one title, year and author apart: where in a venue each is, and
# which edition or publication ("DHEW Publication No. HRA 75-1151", "... 75-115").
PLACE_FIELDS = ("volume", "number", "pages", "chapter", "edition", "howpublished")


def _place(entry: BibEntry, shared: dict[Any, Any]) -> tuple[str, ...]:
    """`PLACE_FIELDS`' values, spaces, braces and dashes dropped (equal ones one object of ``shared``)."""
    values = (_one(shared, re.sub(r"[\s{}\-–]+", "", entry.get(name) or "")) for name in PLACE_FIELDS)
    return _one(shared, tuple(values))


def _venue(entry: BibEntry) -> str:
    """The journal or proceedings an entry appeared in, folded as titles are."""
    text = entry.get("journal") or entry.get("journaltitle") or entry.get("booktitle") or ""
    return title_key(text)


def _first_author(entry: BibEntry) -> str | None:
    """The family name of an entry's first author (else editor), folded for comparison."""
    for name in ("author", "editor"):
        text = entry.get(name)
        if not text:
            continue
        first = name_list(text)[0]
        family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
        key = title_key(family)
        return key or None
    return None


def entry_doi(entry: BibEntry) -> str | None:
    """The DOI an entry names: its ``doi``, else one its ``note`` or ``howpublished`` gives as
    "doi: X" (`doi_in_note`)."""
    doi = entry.get("doi")
    if doi:
        return canonical_doi(doi)
    return doi_in_note(entry.get("note") or "") or doi_in_note(entry.get("howpublished") or "")


def _doi_identity(entry: BibEntry) -> str | None:
    canonical = entry_doi(entry)
    return canonical.casefold() if canonical else None


def _title_identity(entry: BibEntry) -> str | None:
    title = entry.get("title")
    key = _title_key(title) if title else ""
    return key if len(key) >= 12 else None  # "Introduction", "Preface": too short to mean one paper


def _macro_uses(entry: BibEntry) -> Iterator[tuple[str, int, str]]:
    for field in entry.fields:
        value = field.value
        first = value[:1]
        if first.isspace():
            first = value.lstrip()[:1]
        if first == "{" or (first == '"' and "#" not in value):
            continue  # a braced or quoted value
        for part in split_value(field.value):
            if part and part[0] not in '{"' and not part.isdigit():
                yield field.name, field.line, part


_AND = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)


def name_list(text: str) -> list[str]:
    """Split a BibTeX name list on ``and`` at brace depth 0, keeping empty names (they are findings)."""
    if "{" not in text:  # no braces, so every "and" word is at depth 0
        return [name.strip() for name in _AND.split(" ".join(text.split()))]
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for token in text.split():
        if depth == 0 and token.lower() == "and":
            names.append(" ".join(current))
            current = []
        else:
            current.append(token)
        depth += token.count("{") - token.count("}")
    names.append(" ".join(current))
    return names


def person_fields(entry: BibEntry) -> Iterator[tuple[str, int, list[str], str]]:
    for name in ("author", "editor"):
        field = entry.field(name)
        if field is None:
            continue
        text = field.text
        if not text.strip() or split_value(field.value)[0][:1] not in '{"':
            continue  # empty, or a macro: nothing to say about its names
        yield name, field.line, name_list(text), text
