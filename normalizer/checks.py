"""Findings about existing ``.bib`` files: the checks behind ``bibnorm check``.

Every check has a stable code (documented in ``docs/checks.md``), a name, a default
severity and a pure function. Most checks look at one entry at a time (``run``, over
parsed files, `normalizer.bibfile.BibFile`), so they can run on any piece of a file,
in parallel (`scan_text`); the checks that compare entries (duplicates, undefined
macros, the online ones) read a `FileIndex` instead (``run_index``): the few facts of
each entry they need, small enough for a worker process to send back.
Codes are grouped by hundreds:

- ``BN1xx`` file structure (unreadable blocks, undefined macros),
- ``BN2xx`` duplicates,
- ``BN3xx`` field content (required fields, author lists, title capitals),
- ``BN4xx`` identifiers and links,
- ``BN5xx`` facts only a metadata source knows (published versions, newer arXiv
  versions); they read `OnlineFacts` the caller looked up, and stay silent without them,
- ``BN6xx`` style (citation keys, formatting).

`run_checks` does no I/O: the CLI reads the files and, unless offline, asks the
sources for the facts the ``BN5xx`` checks need (`arxiv_ids` says which).
`scan_text` + `finish_checks` are the same checks split in two around that lookup.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from normalizer.bibfile import (
    MONTH_MACROS,
    BibEntry,
    BibField,
    BibFile,
    Block,
    FailedBlock,
    FormatOptions,
    StringBlock,
    is_canonical,
    iter_entries,
    split_value,
)
from normalizer.capitals import evidence_for, holds_position, protected_spans
from normalizer.identifiers import ArxivId, canonical_doi, parse_arxiv_id
from normalizer.links import CODE_HOSTS, extract_code_links
from normalizer.lockfile import Lock
from normalizer.matching import title_key
from normalizer.merge import is_published
from normalizer.models import Identifiers, PartialDate, Reference, Severity
from normalizer.venues import is_preprint_venue, venue_name_in_year

__all__ = [
    "CHECKS",
    "Check",
    "CheckConfig",
    "FileIndex",
    "Finding",
    "OnlineFacts",
    "apply_fixes",
    "arxiv_ids",
    "entry_arxiv_id",
    "facts_from_lock",
    "finish_checks",
    "fix_entry",
    "index_file",
    "is_preprint",
    "is_published_version",
    "run_checks",
    "scan_text",
]


class Finding(NamedTuple):
    """One problem found in a ``.bib`` file, printed as ``path:line: key: CODE message``.

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
        return f"{self.path}:{self.line}: {self.key or '-'}: {self.code} {self.message}"

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


def is_published_version(record: Reference) -> bool:
    """True when a source's record is a peer-reviewed publication, not a preprint server's listing."""
    return is_published(record) and not is_preprint_venue(record.venue)


def facts_from_lock(lock: Lock, wanted: Iterable[str]) -> tuple[OnlineFacts, list[str]]:
    """What a lockfile's decisions say about the published versions of the arXiv ids
    ``wanted``, and the ids it does not know.

    ``bibnorm resolve --update-lock`` records, per arXiv id, the record it settled on
    (the published version when Semantic Scholar knew one), so a check run on a
    committed lock repeats those BN501 answers with no network. The lock holds no
    "newest arXiv version" fact (a pinned citation resolves to the version it pins):
    BN502 always asks arXiv.
    """
    published: dict[str, Reference] = {}
    unknown: list[str] = []
    for arxiv_id in wanted:
        item = lock.get(f"arxiv:{arxiv_id}".casefold())
        if item is None:
            unknown.append(arxiv_id)
        elif is_published_version(item.reference):
            published[arxiv_id] = item.reference
    return OnlineFacts(published=published), unknown


@dataclass(frozen=True)
class _Context:
    """One run's policy, plus per-entry facts several checks need, computed once."""

    config: CheckConfig
    online: OnlineFacts | None = None
    _people: dict[tuple[str, int], list[tuple[str, int, list[str], str]]] = dataclass_field(
        default_factory=dict
    )

    def people(self, bibfile: BibFile, entry: BibEntry) -> list[tuple[str, int, list[str], str]]:
        """(field name, line, names, text) of the entry's author and editor lists."""
        where = (bibfile.path, entry.line)
        if where not in self._people:
            self._people[where] = list(_person_fields(entry))
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


@dataclass(frozen=True, slots=True)
class FileIndex:
    """A file's entries as `IndexedEntry`s, in file order, and the @string names it defines."""

    path: str
    entries: tuple[IndexedEntry, ...]
    strings: frozenset[str]  # lower-case

    @staticmethod
    def join(pieces: Sequence[FileIndex]) -> FileIndex:
        """One file's index from the indexes of its pieces, in order."""
        return FileIndex(
            path=pieces[0].path,
            entries=tuple(entry for piece in pieces for entry in piece.entries),
            strings=frozenset().union(*(piece.strings for piece in pieces)),
        )


EntryCheckFunction = Callable[[Sequence[BibFile], _Context], Iterator[Finding]]
IndexCheckFunction = Callable[[Sequence[FileIndex], _Context], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    """A named check: stable ``code``, kebab-case ``name``, default ``severity``, one-line ``summary``.

    ``run`` looks at one block at a time; ``run_index`` compares entries through the
    files' indexes. A check has exactly one of them.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    run: EntryCheckFunction | None = None
    run_index: IndexCheckFunction | None = None
    online: bool = False  # needs `OnlineFacts`


def _finding(check_code: str, path: str, line: int, key: str | None, message: str) -> Finding:
    return Finding(
        path=path,
        line=line,
        key=key,
        code=check_code,
        severity=_SEVERITY[check_code],
        message=message,
    )


# -- helpers over entries --------------------------------------------------------------------------

_ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\s*[:.]?\s*|\babs/)([A-Za-z.-]*/?\d{4}\.?\d{3,5}(?:v\d+)?)", re.IGNORECASE
)
_URL_IN_TEXT = re.compile(r"https?://[^\s{}\\]+", re.IGNORECASE)
_PREPRINT_VENUE = re.compile(r"arxiv|corr|preprint|biorxiv|medrxiv|ssrn", re.IGNORECASE)


_ARXIV_ID_FIELDS = frozenset({"eprint", "arxivid", "arxiv"})
_ARXIV_FIELDS = frozenset({"url", "journal", "volume", "note", "howpublished", "booktitle", "doi"})
_ARXIV_HINT = re.compile(r"arxiv|abs/|10\.48550", re.IGNORECASE)


def entry_arxiv_id(entry: BibEntry) -> ArxivId | None:
    """The arXiv paper an entry names (``eprint``, ``arxivid``, an arXiv ``url``, or journal text)."""
    # Most entries of a big file cite no preprint: rule them out with one cheap scan.
    for f in entry.fields:
        if f.name in _ARXIV_ID_FIELDS or (f.name in _ARXIV_FIELDS and _ARXIV_HINT.search(f.value)):
            break
    else:
        return None
    eprint = entry.get("eprint")
    prefix = (entry.get("archiveprefix") or entry.get("eprinttype") or "arxiv").strip().lower()
    if eprint and prefix == "arxiv":
        found = parse_arxiv_id(eprint)
        if found:
            return found
    for name in ("arxivid", "arxiv"):
        value = entry.get(name)
        if value and (found := parse_arxiv_id(value)):
            return found
    for url in _URL_IN_TEXT.findall(entry.get("url") or ""):
        if found := parse_arxiv_id(url):
            return found
    for name in ("journal", "volume", "note", "howpublished", "booktitle"):
        for match in _ARXIV_IN_TEXT.finditer(entry.get(name) or ""):
            if found := parse_arxiv_id(match.group(1)):
                return found
    doi = entry.get("doi") or ""
    if doi.lower().startswith("10.48550/arxiv."):
        return parse_arxiv_id(doi[len("10.48550/arxiv.") :])
    return None


def is_preprint(entry: BibEntry) -> bool:
    """True when an entry cites a preprint rather than a journal or proceedings version."""
    venue = entry.get("journal") or entry.get("booktitle") or entry.get("journaltitle") or ""
    return not venue.strip() or bool(_PREPRINT_VENUE.search(venue))


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
    return title_key(title)


# -- the index of a file ---------------------------------------------------------------------------


def index_file(bibfile: BibFile, config: CheckConfig | None = None) -> FileIndex:
    """The `FileIndex` of a parsed file (or piece of one); facts only enabled checks read are left out."""
    config = config or CheckConfig()
    wants_title = config.enabled("BN204") or config.enabled("BN501")  # BN501: is the id this paper's?
    wants_doi = config.enabled("BN203")
    wants_macros = config.enabled("BN102")
    entries: list[IndexedEntry] = []
    for block in bibfile.blocks:
        if isinstance(block, FailedBlock) and block.key is not None:
            entries.append(IndexedEntry(line=block.line, key=block.key, readable=False))
        elif isinstance(block, BibEntry):
            arxiv = entry_arxiv_id(block)
            entries.append(
                IndexedEntry(
                    line=block.line,
                    key=block.key,
                    arxiv=arxiv,
                    preprint=arxiv is not None and is_preprint(block),
                    doi=_doi_identity(block) if wants_doi else None,
                    title=_title_identity(block) if wants_title else None,
                    macros=tuple(_macro_uses(block)) if wants_macros else (),
                )
            )
    return FileIndex(path=bibfile.path, entries=tuple(entries), strings=frozenset(bibfile.strings))


def _doi_identity(entry: BibEntry) -> str | None:
    doi = entry.get("doi")
    canonical = canonical_doi(doi) if doi else None
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


# -- BN1xx: structure ------------------------------------------------------------------------------


def _parse_errors(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile in files:
        for block in bibfile.failed:
            what = block.error or "cannot be parsed"
            yield _finding(
                "BN101", bibfile.path, block.line, block.key, f"block not read, kept verbatim: {what}"
            )


_PREDEFINED_MACROS = frozenset(MONTH_MACROS)


def _undefined_macros(indexes: Sequence[FileIndex], ctx: _Context) -> Iterator[Finding]:
    for index in indexes:
        defined = _PREDEFINED_MACROS | index.strings
        for entry in index.entries:
            for field, line, name in entry.macros:
                if name.lower() not in defined:
                    yield _finding(
                        "BN102",
                        index.path,
                        line,
                        entry.key,
                        f"{field} uses @string {name!r}, which this file does not define",
                    )


# -- BN2xx: duplicates -----------------------------------------------------------------------------


def _duplicate_keys(indexes: Sequence[FileIndex], ctx: _Context) -> Iterator[Finding]:
    for index in indexes:
        first: dict[str, int] = {}
        for entry in index.entries:
            folded = entry.key.casefold()  # BibTeX and biber compare keys ignoring case
            if folded in first:
                yield _finding(
                    "BN201",
                    index.path,
                    entry.line,
                    entry.key,
                    f"key already used on line {first[folded]}; later entry ignored",
                )
            else:
                first[folded] = entry.line


def _same_paper(code: str, what: str, identity: Callable[[IndexedEntry], str | None]) -> IndexCheckFunction:
    def check(indexes: Sequence[FileIndex], ctx: _Context) -> Iterator[Finding]:
        seen: dict[str, tuple[FileIndex, IndexedEntry]] = {}
        for index in indexes:
            for entry in index.entries:
                value = identity(entry) if entry.readable else None
                if not value:
                    continue
                if value in seen:
                    other_index, other = seen[value]
                    if other.key.casefold() == entry.key.casefold():
                        continue  # same key twice is BN201's finding
                    where = (
                        f"line {other.line}" if other_index is index else f"{other_index.path}:{other.line}"
                    )
                    yield _finding(
                        code, index.path, entry.line, entry.key, f"same {what} as {other.key!r} ({where})"
                    )
                else:
                    seen[value] = (index, entry)

    return check


# -- BN3xx: content --------------------------------------------------------------------------------

# BibTeX's standard types (btxdoc); a tuple is "one of these". biblatex spellings count.
_REQUIRED: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), ("year", "date")),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year", "date")),
    "booklet": (("title",),),
    "conference": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "inbook": (("author", "editor"), ("title",), ("chapter", "pages"), ("publisher",), ("year", "date")),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), ("year", "date")),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "misc": (),
    "phdthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "proceedings": (("title",), ("year", "date")),
    "techreport": (("author",), ("title",), ("institution", "school"), ("year", "date")),
    "unpublished": (("author",), ("title",), ("note",)),
}


_EMPTY_VALUES = frozenset({"", "{}", '""', "{ }", '" "'})


def _missing_fields(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        required = _REQUIRED.get(entry.entry_type)
        if not required:
            continue
        present = {f.name for f in entry.fields if f.value.strip() not in _EMPTY_VALUES}
        missing = ["/".join(group) for group in required if not present.intersection(group)]
        if missing:
            yield _finding(
                "BN301",
                bibfile.path,
                entry.line,
                entry.key,
                f"@{entry.entry_type} needs {', '.join(missing)}",
            )


_AND = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)


def _split_names(text: str) -> list[str]:
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


_ET_AL = re.compile(r"\bet[\s~]*al\b\.?", re.IGNORECASE)


def _person_fields(entry: BibEntry) -> Iterator[tuple[str, int, list[str], str]]:
    for name in ("author", "editor"):
        field = entry.field(name)
        if field is None:
            continue
        text = field.text
        if not text.strip() or split_value(field.value)[0][:1] not in '{"':
            continue  # empty, or a macro: nothing to say about its names
        yield name, field.line, _split_names(text), text


def _malformed_authors(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name, line, names, text in ctx.people(bibfile, entry):
            problems: list[str] = []
            if len(names) > 1 and not names[0]:
                problems.append("starts with 'and'")
            if len(names) > 1 and not names[-1]:
                problems.append("ends with 'and'")
            if any(not n for n in names[1:-1]):
                problems.append("'and and' (an empty name)")
            if ",," in text.replace(" ", ""):
                problems.append("',,' (an empty name part)")
            commas = [n for n in names if n.count(",") >= 3 and _top_level_commas(n) >= 3]
            if commas:
                problems.append(f"names separated by commas instead of 'and': {commas[0][:60]!r}")
            dangling = [n for n in names if n and (n.rstrip().endswith(",") or n.lstrip().startswith(","))]
            if dangling:
                problems.append(f"a name with a dangling comma: {dangling[0]!r}")
            if problems:
                yield _finding("BN302", bibfile.path, line, entry.key, f"{name} list: {'; '.join(problems)}")


def _top_level_commas(name: str) -> int:
    depth = 0
    count = 0
    for ch in name:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return count


def _et_al(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name, line, _, text in ctx.people(bibfile, entry):
            if _ET_AL.search(text):
                yield _finding(
                    "BN303",
                    bibfile.path,
                    line,
                    entry.key,
                    f"{name} contains 'et al.'; list the names, or end with 'and others'",
                )


def _is_one_word(name: str) -> bool:
    return (
        bool(name) and " " not in name and "," not in name and not name.startswith("{") and name != "others"
    )


def _split_names_check(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name, line, names, _ in ctx.people(bibfile, entry):
            pairs = [(a, b) for a, b in itertools.pairwise(names) if _is_one_word(a) and _is_one_word(b)]
            if pairs:
                a, b = pairs[0]
                yield _finding(
                    "BN304",
                    bibfile.path,
                    line,
                    entry.key,
                    f"{name} has one-word names {a!r} and {b!r}: probably one name split at a comma "
                    f"(write '{a}, {b}' or '{b} {a}')",
                )


_BRACE_OR_CAPITAL = re.compile(r"[{}]|[^\W\d_a-z]")
_FIRST_LETTER = re.compile(r"[^\W_]")


# TeX control symbols that stand for a character of the title; other ones are accents.
_SYMBOL_CHARACTERS = frozenset("&%#_$")


def _tex_plain(title: str) -> tuple[str, list[int]]:
    """A title with TeX: its text (commands, accents and braces dropped, math a space) and
    where in that text its capitals outside braces are. ``M{\\"u}ller`` reads ``Muller``:
    accents do not change which capitals a style lower-cases."""
    out: list[str] = []
    free: list[int] = []
    depth = 0
    math = False
    position = 0
    while position < len(title):
        ch = title[position]
        position += 1
        if ch == "\\":
            if position < len(title) and title[position].isalpha():
                while position < len(title) and title[position].isalpha():
                    position += 1  # a control word: \LaTeX is not an acronym to protect
            elif position < len(title):
                if title[position] in _SYMBOL_CHARACTERS and not math:
                    out.append(title[position])
                position += 1
        elif ch == "$":
            math = not math
            out.append(" ")
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif not math:
            if depth == 0 and ch.isupper():
                free.append(len(out))
            out.append(ch)
    return "".join(out), free


def _unbraced_capitals(title: str) -> tuple[str, list[int]]:
    """A title without TeX commands or math: its text without braces, and where in that
    text its capitals outside braces are (only braces and capitals are visited)."""
    depth = removed = 0
    found: list[int] = []
    for match in _BRACE_OR_CAPITAL.finditer(title):
        ch = match.group()
        if ch == "{":
            depth, removed = depth + 1, removed + 1
        elif ch == "}":
            depth, removed = depth - 1, removed + 1
        elif depth == 0 and ch.isupper():
            found.append(match.start() - removed)
    return title.replace("{", "").replace("}", ""), found


def unprotected_capitals(title: str) -> list[str]:
    """What a style would lower-case in a BibTeX title though `normalizer.capitals` protects it.

    The rule is the writer's (`normalizer.capitals.protected_spans`: acronyms, mixed case,
    known names, "I", names a sentence-case title capitalises); ``check`` has no abstract,
    so names known only from one are not asked for. Returns the tokens with a capital
    outside braces, in title order. Styles keep the title's first letter as written.
    """
    if not any(ch.isupper() for ch in title[1:]):
        return []  # most sentence-case titles: a capital at most at the start
    text, free = _tex_plain(title) if "\\" in title or "$" in title else _unbraced_capitals(title)
    first = _FIRST_LETTER.search(text)
    unbraced = [i for i in free if first is None or i != first.start()]
    if not unbraced:
        return []
    spans = protected_spans(text, evidence_for(text, None), near=unbraced)
    return [text[start:end] for start, end in spans if holds_position(unbraced, start, end)]


def _unprotected_acronyms(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        field = entry.field("title")
        if field is None:
            continue
        words = unprotected_capitals(field.text)
        if words:
            shown = ", ".join(dict.fromkeys(words))
            yield _finding(
                "BN305",
                bibfile.path,
                field.line,
                entry.key,
                f"title has capitals a style may lower-case: {shown} (protect as {{{words[0]}}})",
            )


# -- BN4xx: identifiers and links ------------------------------------------------------------------


def _doi_form(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        field = entry.field("doi")
        if field is None:
            continue
        value = field.text.strip()
        canonical = canonical_doi(value)
        if canonical is None:
            yield _finding("BN401", bibfile.path, field.line, entry.key, f"doi {value!r} is not a DOI")
        elif canonical != field.text:
            yield _finding(
                "BN401",
                bibfile.path,
                field.line,
                entry.key,
                f"doi {value!r} should be the bare DOI {canonical!r}",
            )


def canonical_url(url: str) -> str | None:
    """The canonical spelling of an arXiv or DOI link, or None when ``url`` is neither."""
    text = url.strip()
    lowered = text.lower()
    if "arxiv.org/" in lowered:
        arxiv = parse_arxiv_id(text)
        if arxiv is None:
            return None
        version = f"v{arxiv.version}" if arxiv.version else ""
        return f"https://arxiv.org/abs/{arxiv.id}{version}"
    if "doi.org/" in lowered:
        doi = canonical_doi(text)
        return f"https://doi.org/{doi}" if doi else None
    return None


def _url_form(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        field = entry.field("url")
        if field is None:
            continue
        value = field.text
        canonical = canonical_url(value)
        if canonical is not None and canonical != value:
            yield _finding("BN402", bibfile.path, field.line, entry.key, f"url should be {canonical}")
        elif canonical is None and value != value.strip():
            yield _finding("BN402", bibfile.path, field.line, entry.key, "url has surrounding spaces")


_CODE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:" + "|".join(re.escape(h) for h in sorted(CODE_HOSTS)) + r")/[^\s{}\\]*",
    re.IGNORECASE,
)
_CODE_FIELDS = ("url", "code", "github", "repository", "howpublished", "note")


def _code_links(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name in _CODE_FIELDS:
            field = entry.field(name)
            if field is None:
                continue
            for match in _CODE_URL.finditer(field.text):
                written = match.group(0).rstrip(".,;:)")
                canonical, _ = extract_code_links([written if "://" in written else "https://" + written])
                if canonical and written not in canonical:
                    yield _finding(
                        "BN403",
                        bibfile.path,
                        field.line,
                        entry.key,
                        f"code link {written} should be {canonical[-1]}",
                    )


# -- BN5xx: online facts ---------------------------------------------------------------------------


def _arxiv_citations(
    indexes: Sequence[FileIndex], ctx: _Context
) -> Iterator[tuple[OnlineFacts, FileIndex, IndexedEntry, ArxivId]]:
    """Every entry citing an arXiv paper, with the online facts (nothing without them)."""
    if ctx.online is None:
        return
    for index in indexes:
        for entry in index.entries:
            if entry.arxiv is not None:
                yield ctx.online, index, entry, entry.arxiv


def _published(indexes: Sequence[FileIndex], ctx: _Context) -> Iterator[Finding]:
    for online, index, entry, arxiv in _arxiv_citations(indexes, ctx):
        published = online.published.get(arxiv.id)
        if not entry.preprint or published is None or not published.venue:
            continue
        if entry.title and not names_the_paper(entry.title, published.title, keyed=True):
            continue  # the id is another paper's (a chimera): `bibnorm verify` reports it
        year = f" {published.issued.year}" if published.issued else ""
        doi = f", doi {published.ids.doi}" if published.ids.doi else ""
        yield _finding(
            "BN501",
            index.path,
            entry.line,
            entry.key,
            f"arXiv:{arxiv.id} was published in "
            f"{venue_name_in_year(published.venue, published.issued.year if published.issued else None)}"
            f"{year}{doi}; "
            "cite that version (bibnorm fix --upgrade-preprints)",
        )


def _version_pinned(indexes: Sequence[FileIndex], ctx: _Context) -> Iterator[Finding]:
    for online, index, entry, arxiv in _arxiv_citations(indexes, ctx):
        latest = online.latest_version.get(arxiv.id)
        if arxiv.version is not None and latest is not None and latest > arxiv.version:
            yield _finding(
                "BN502",
                index.path,
                entry.line,
                entry.key,
                f"cites arXiv:{arxiv.id}v{arxiv.version} but v{latest} is the latest; drop the version "
                "unless you mean that one",
            )


# -- BN6xx: style ----------------------------------------------------------------------------------


def reference_of(entry: BibEntry) -> Reference:
    """A `Reference` with what an entry says that citation keys are made of."""
    from normalizer.matching import plain_text  # local: only the key check needs it
    from normalizer.names import parse_name

    author = entry.get("author") or entry.get("editor") or ""
    names = [n for n in _split_names(author) if n and n.lower() != "others"] if "{" not in author[:1] else []
    year_text = re.search(r"\d{4}", entry.get("year") or entry.get("date") or "")
    arxiv = entry_arxiv_id(entry)
    doi = entry.get("doi")
    return Reference(
        title=plain_text(entry.get("title") or ""),
        authors=tuple(parse_name(n) for n in names),
        issued=PartialDate(year=int(year_text.group())) if year_text else None,
        ids=Identifiers(arxiv_id=arxiv.id if arxiv else None, doi=canonical_doi(doi) if doi else None),
    )


def _key_format(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    fmt = ctx.config.key_format
    if not fmt:
        return
    from normalizer.keys import make_key  # local: keys pulls in the transliteration tables

    for bibfile, entry in iter_entries(files):
        expected = make_key(reference_of(entry), fmt)
        key = entry.key
        if key == expected or (
            key.startswith(expected) and key[len(expected) :].isalpha() and key[-1].islower()
        ):
            continue  # the formula's key, or it with a collision suffix
        yield _finding(
            "BN601", bibfile.path, entry.line, key, f"key does not follow {fmt!r}: expected {expected!r}"
        )


def _not_formatted(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    options = ctx.config.format_options
    order = {name: i for i, name in enumerate(options.field_order)}
    for bibfile in files:
        for block in bibfile.blocks:
            if not isinstance(block, BibEntry | StringBlock) or not block.raw:
                continue
            if not is_canonical(block, options, order):
                key = block.key if isinstance(block, BibEntry) else None
                yield _finding(
                    "BN602",
                    bibfile.path,
                    block.line,
                    key,
                    "not formatted like `bibnorm format` (run it with --in-place)",
                )


# -- the registry ----------------------------------------------------------------------------------

E, W = Severity.ERROR, Severity.WARNING

CHECKS: tuple[Check, ...] = (
    Check("BN101", "parse-error", E, "a block could not be parsed (kept verbatim)", _parse_errors),
    Check(
        "BN102",
        "undefined-string",
        W,
        "a field uses an @string macro the file does not define",
        run_index=_undefined_macros,
    ),
    Check("BN201", "duplicate-key", E, "two entries share a citation key", run_index=_duplicate_keys),
    Check(
        "BN202",
        "duplicate-arxiv",
        E,
        "two keys cite the same arXiv paper",
        run_index=_same_paper("BN202", "arXiv id", lambda entry: entry.arxiv.id if entry.arxiv else None),
    ),
    Check(
        "BN203",
        "duplicate-doi",
        E,
        "two keys cite the same DOI",
        run_index=_same_paper("BN203", "DOI", lambda entry: entry.doi),
    ),
    Check(
        "BN204",
        "duplicate-title",
        W,
        "two keys have the same normalized title",
        run_index=_same_paper("BN204", "normalized title", lambda entry: entry.title),
    ),
    Check("BN301", "missing-field", E, "a field the entry type requires is missing", _missing_fields),
    Check("BN302", "malformed-names", E, "an author/editor list is malformed", _malformed_authors),
    Check("BN303", "et-al", W, "'et al.' written into an author list", _et_al),
    Check(
        "BN304", "split-name", W, "one-word names that look like one name split in two", _split_names_check
    ),
    Check("BN305", "unprotected-acronym", W, "title capitals not protected by braces", _unprotected_acronyms),
    Check("BN401", "doi-form", W, "doi field is a URL or not a DOI", _doi_form),
    Check("BN402", "url-form", W, "arXiv/DOI url not in canonical https form", _url_form),
    Check("BN403", "code-link", W, "code repository link not canonical", _code_links),
    Check(
        "BN501",
        "arxiv-published",
        W,
        "an arXiv preprint has a published version",
        run_index=_published,
        online=True,
    ),
    Check(
        "BN502",
        "arxiv-version",
        W,
        "a pinned arXiv version has a newer one",
        run_index=_version_pinned,
        online=True,
    ),
    Check("BN601", "key-format", W, "key does not follow the configured key format", _key_format),
    Check("BN602", "not-formatted", W, "entry differs from `bibnorm format` output", _not_formatted),
)

_SEVERITY: Mapping[str, Severity] = {check.code: check.severity for check in CHECKS}
CHECKS_BY_CODE: Mapping[str, Check] = {check.code: check for check in CHECKS}


def run_checks(
    files: Sequence[BibFile], config: CheckConfig | None = None, online: OnlineFacts | None = None
) -> list[Finding]:
    """All findings of the enabled checks, sorted by file order, line and code.

    ``online`` feeds the BN5xx checks; without it they report nothing.
    """
    config = config or CheckConfig()
    findings = [finding for bibfile in files for finding in _entry_findings(config, bibfile)]
    return finish_checks(findings, [index_file(bibfile, config) for bibfile in files], config, online)


def scan_text(
    text: str, path: str, config: CheckConfig, *, jobs: int | None = None
) -> tuple[list[Finding], FileIndex]:
    """The per-entry findings of one file's text and its index, computed on ``jobs`` CPUs."""
    from normalizer.parallel import map_pieces  # local: only the CLI's big files need processes

    pieces = map_pieces(text, path, functools.partial(_scan_piece, config), jobs=jobs)
    return [finding for findings, _ in pieces for finding in findings], FileIndex.join([i for _, i in pieces])


def _scan_piece(config: CheckConfig, piece: BibFile) -> tuple[list[Finding], FileIndex]:
    return list(_entry_findings(config, piece)), index_file(piece, config)


def _entry_findings(config: CheckConfig, bibfile: BibFile) -> Iterator[Finding]:
    ctx = _Context(config=config)
    for check in CHECKS:
        if check.run is not None and config.enabled(check.code):
            yield from check.run([bibfile], ctx)


def finish_checks(
    entry_findings: Iterable[Finding],
    indexes: Sequence[FileIndex],
    config: CheckConfig,
    online: OnlineFacts | None = None,
) -> list[Finding]:
    """``entry_findings`` plus the findings of the checks that compare entries, sorted."""
    ctx = _Context(config=config, online=online)
    findings = list(entry_findings)
    for check in CHECKS:
        if check.run_index is not None and config.enabled(check.code):
            findings.extend(check.run_index(indexes, ctx))
    order = {index.path: i for i, index in enumerate(indexes)}
    codes = {check.code: i for i, check in enumerate(CHECKS)}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line, codes[f.code]))
    return findings


def findings_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity."""
    counts: dict[Severity, int] = defaultdict(int)
    for finding in findings:
        counts[finding.severity] += 1
    return dict(counts)


# -- safe fixes (``bibnorm fix``) --------------------------------------------------------------------


def _braced(text: str) -> str:
    """A plain string as a braced BibTeX value (``&``, ``%``, ``#`` escaped; stray braces dropped)."""
    text = re.sub(r"(?<!\\)([&%#])", r"\\\1", " ".join(text.split()))
    if text.count("{") != text.count("}"):
        text = text.replace("{", "").replace("}", "")
    return "{" + text + "}"


def fix_entry(entry: BibEntry, published: Reference | None = None, note: str = "") -> BibEntry:
    """The entry with the safe fixes applied: bare DOI, canonical arXiv/DOI and code URLs,
    and, when ``published`` is given, the published venue instead of the preprint.

    The upgrade keeps the arXiv id in ``eprint``/``archiveprefix`` and records where
    the new data came from in a ``bibnorm-upgrade`` field (``note`` says what to write).
    """
    fields = list(entry.fields)
    for i, field in enumerate(fields):
        text = field.text
        if field.name == "doi" and (canonical := canonical_doi(text.strip())) and canonical != text:
            fields[i] = field._replace(value="{" + canonical + "}")
        elif field.name == "url" and (url := canonical_url(text)) and url != text:
            fields[i] = field._replace(value="{" + url + "}")
        elif field.name in _CODE_FIELDS and _CODE_URL.search(text):
            fixed = _CODE_URL.sub(lambda m: _canonical_code(m.group(0)), text)
            if fixed != text:
                fields[i] = field._replace(value="{" + fixed + "}")
    fixed_entry = entry.replace_fields(fields)
    if published is not None and published.venue and published.entry_type in ("article", "inproceedings"):
        fixed_entry = _upgrade(fixed_entry, published, note)
    return fixed_entry


def _canonical_code(written: str) -> str:
    trimmed = written.rstrip(".,;:)")
    code, _ = extract_code_links([trimmed if "://" in trimmed else "https://" + trimmed])
    return (code[-1] + written[len(trimmed) :]) if code else written


_PREPRINT_ONLY_FIELDS = frozenset(
    {"journal", "booktitle", "howpublished", "volume", "number", "pages", "publisher"}
)


def _upgrade(entry: BibEntry, published: Reference, note: str) -> BibEntry:
    arxiv = entry_arxiv_id(entry)
    line = entry.line
    kept = [f for f in entry.fields if f.name not in _PREPRINT_ONLY_FIELDS and f.name not in {"year", "doi"}]
    if published.entry_type == "inproceedings" and published.venue:
        new = {"booktitle": published.venue}
    else:
        new = {"journal": published.venue or ""}
    for name, value in (
        ("volume", published.volume),
        ("number", published.number),
        ("pages", published.pages),
        ("publisher", published.publisher),
        ("year", str(published.issued.year) if published.issued else None),
        ("doi", published.ids.doi),
    ):
        if value:
            new[name] = value
    if not new.get("year") and entry.get("year"):
        new["year"] = entry.get("year") or ""
    if arxiv and not entry.get("eprint"):
        new["eprint"] = arxiv.id + (f"v{arxiv.version}" if arxiv.version else "")
        new["archiveprefix"] = "arXiv"
    if arxiv:
        new["bibnorm-upgrade"] = f"from arXiv:{arxiv.id}{f'v{arxiv.version}' if arxiv.version else ''}" + (
            f"; {note}" if note else ""
        )
    fields = kept + [BibField(name, _braced(value), line) for name, value in new.items()]
    return entry._replace(entry_type=published.entry_type, fields=tuple(fields))


# Below this an entry's title is another paper's than the one its arXiv id names.
SAME_PAPER_TITLE = 0.9


def names_the_paper(title: str, record_title: str, *, keyed: bool = False) -> bool:
    """Whether an entry's ``title`` (a title key when ``keyed``) is the record's title,
    up to spelling; an entry without a title names whatever its id names."""
    if not title.strip() or not record_title.strip():
        return True
    theirs = title_key(record_title)
    mine = title if keyed else title_key(title)
    return fuzz.ratio(mine, theirs) / 100.0 >= SAME_PAPER_TITLE


def apply_fixes(
    bibfile: BibFile, published: Mapping[str, Reference] | None = None, note: str = ""
) -> BibFile:
    """A copy of the file with `fix_entry` applied to every entry (preprints upgraded when
    ``published`` names their arXiv id and they still cite the preprint)."""
    blocks: list[Block] = []
    for block in bibfile.blocks:
        if isinstance(block, BibEntry):
            arxiv = entry_arxiv_id(block) if published else None
            upgrade = published.get(arxiv.id) if (published and arxiv and is_preprint(block)) else None
            if upgrade is not None and not names_the_paper(block.get("title") or "", upgrade.title):
                upgrade = None  # never dress an invented title up as the published paper of the id
            blocks.append(fix_entry(block, upgrade, note))
        else:
            blocks.append(block)
    return bibfile.with_blocks(blocks)
