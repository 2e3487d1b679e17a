"""Findings about existing ``.bib`` files: the checks behind ``bibnorm check``.

Every check has a stable code (documented in ``docs/checks.md``), a name, a default
severity and a pure function over parsed files (`normalizer.bibfile.BibFile`).
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
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from pydantic import BaseModel, ConfigDict, Field

from normalizer.bibfile import (
    MONTH_MACROS,
    BibEntry,
    BibField,
    BibFile,
    Block,
    FailedBlock,
    FormatOptions,
    StringBlock,
    iter_entries,
    render_block,
    split_value,
)
from normalizer.identifiers import ArxivId, canonical_doi, parse_arxiv_id
from normalizer.links import CODE_HOSTS, extract_code_links
from normalizer.matching import title_key
from normalizer.models import Identifiers, PartialDate, Reference, Severity

__all__ = [
    "CHECKS",
    "Check",
    "CheckConfig",
    "Finding",
    "OnlineFacts",
    "apply_fixes",
    "arxiv_ids",
    "entry_arxiv_id",
    "fix_entry",
    "is_preprint",
    "run_checks",
]


class Finding(BaseModel):
    """One problem found in a ``.bib`` file, printed as ``path:line: key: CODE message``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    line: int
    key: str | None
    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key or '-'}: {self.code} {self.message}"


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


@dataclass(frozen=True)
class _Context:
    """One run's policy, plus per-entry facts several checks need, computed once."""

    config: CheckConfig
    online: OnlineFacts | None
    _arxiv: dict[tuple[str, int], ArxivId | None] = dataclass_field(default_factory=dict)

    _people: dict[tuple[str, int], list[tuple[str, int, list[str], str]]] = dataclass_field(
        default_factory=dict
    )

    def people(self, bibfile: BibFile, entry: BibEntry) -> list[tuple[str, int, list[str], str]]:
        """(field name, line, names, text) of the entry's author and editor lists."""
        where = (bibfile.path, entry.line)
        if where not in self._people:
            self._people[where] = list(_person_fields(entry))
        return self._people[where]

    def arxiv(self, bibfile: BibFile, entry: BibEntry) -> ArxivId | None:
        where = (bibfile.path, entry.line)
        if where not in self._arxiv:
            self._arxiv[where] = entry_arxiv_id(entry)
        return self._arxiv[where]


CheckFunction = Callable[[Sequence[BibFile], _Context], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    """A named check: stable ``code``, kebab-case ``name``, default ``severity``, one-line ``summary``."""

    code: str
    name: str
    severity: Severity
    summary: str
    run: CheckFunction
    online: bool = False  # needs `OnlineFacts`


def _finding(check_code: str, bibfile: BibFile, line: int, key: str | None, message: str) -> Finding:
    return Finding(
        path=bibfile.path,
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


_ARXIV_FIELDS = frozenset({"eprint", "arxivid", "arxiv", "url", "journal", "volume", "note", "howpublished"})
_ARXIV_HINTS = ("arxiv", "abs/", "10.48550")


def entry_arxiv_id(entry: BibEntry) -> ArxivId | None:
    """The arXiv paper an entry names (``eprint``, ``arxivid``, an arXiv ``url``, or journal text)."""
    # Most entries of a big file cite no preprint: rule them out with one cheap scan.
    if not any(
        f.name in ("eprint", "arxivid", "arxiv") or any(h in f.value.lower() for h in _ARXIV_HINTS)
        for f in entry.fields
        if f.name in _ARXIV_FIELDS or f.name in ("booktitle", "doi")
    ):
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


def arxiv_ids(files: Iterable[BibFile]) -> dict[str, int | None]:
    """Every arXiv id the files cite, with the version pinned (or None): what BN5xx need looked up."""
    found: dict[str, int | None] = {}
    for _, entry in iter_entries(files):
        arxiv = entry_arxiv_id(entry)
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


# -- BN1xx: structure ------------------------------------------------------------------------------


def _parse_errors(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile in files:
        for block in bibfile.failed:
            what = block.error or "cannot be parsed"
            yield _finding("BN101", bibfile, block.line, block.key, f"block not read, kept verbatim: {what}")


_PREDEFINED_MACROS = frozenset(MONTH_MACROS)


def _undefined_macros(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile in files:
        defined = set(_PREDEFINED_MACROS) | set(bibfile.strings)
        for block in bibfile.blocks:
            if not isinstance(block, BibEntry):
                continue
            for field in block.fields:
                first = field.value.lstrip()[:1]
                if first == "{" or (first == '"' and "#" not in field.value):
                    continue
                for part in split_value(field.value):
                    if part and part[0] not in '{"' and not part.isdigit() and part.lower() not in defined:
                        yield _finding(
                            "BN102",
                            bibfile,
                            field.line,
                            block.key,
                            f"{field.name} uses @string {part!r}, which this file does not define",
                        )


# -- BN2xx: duplicates -----------------------------------------------------------------------------


def _duplicate_keys(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    for bibfile in files:
        first: dict[str, int] = {}
        for block in bibfile.blocks:
            key = block.key if isinstance(block, BibEntry | FailedBlock) else None
            if key is None:
                continue
            folded = key.casefold()  # BibTeX and biber compare keys ignoring case
            if folded in first:
                yield _finding(
                    "BN201",
                    bibfile,
                    block.line,
                    key,
                    f"key already used on line {first[folded]}; later entry ignored",
                )
            else:
                first[folded] = block.line


def _same_paper(
    code: str, what: str, identity: Callable[[_Context, BibFile, BibEntry], str | None]
) -> CheckFunction:
    def check(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
        seen: dict[str, tuple[BibFile, BibEntry]] = {}
        for bibfile, entry in iter_entries(files):
            value = identity(ctx, bibfile, entry)
            if not value:
                continue
            if value in seen:
                other_file, other = seen[value]
                if other.key.casefold() == entry.key.casefold():
                    continue  # same key twice is BN201's finding
                where = f"line {other.line}" if other_file is bibfile else f"{other_file.path}:{other.line}"
                yield _finding(
                    code, bibfile, entry.line, entry.key, f"same {what} as {other.key!r} ({where})"
                )
            else:
                seen[value] = (bibfile, entry)

    return check


def _arxiv_identity(ctx: _Context, bibfile: BibFile, entry: BibEntry) -> str | None:
    arxiv = ctx.arxiv(bibfile, entry)
    return arxiv.id if arxiv else None


def _doi_identity(ctx: _Context, bibfile: BibFile, entry: BibEntry) -> str | None:
    doi = entry.get("doi")
    canonical = canonical_doi(doi) if doi else None
    return canonical.casefold() if canonical else None


def _title_identity(ctx: _Context, bibfile: BibFile, entry: BibEntry) -> str | None:
    title = entry.get("title")
    key = _title_key(title) if title else ""
    return key if len(key) >= 12 else None  # "Introduction", "Preface": too short to mean one paper


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
                "BN301", bibfile, entry.line, entry.key, f"@{entry.entry_type} needs {', '.join(missing)}"
            )


def _split_names(text: str) -> list[str]:
    """Split a BibTeX name list on ``and`` at brace depth 0, keeping empty names (they are findings)."""
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
            commas = [n for n in names if n and _top_level_commas(n) >= 3]
            if commas:
                problems.append(f"names separated by commas instead of 'and': {commas[0][:60]!r}")
            dangling = [n for n in names if n and (n.rstrip().endswith(",") or n.lstrip().startswith(","))]
            if dangling:
                problems.append(f"a name with a dangling comma: {dangling[0]!r}")
            if problems:
                yield _finding("BN302", bibfile, line, entry.key, f"{name} list: {'; '.join(problems)}")


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
                    bibfile,
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
                    bibfile,
                    line,
                    entry.key,
                    f"{name} has one-word names {a!r} and {b!r}: probably one name split at a comma "
                    f"(write '{a}, {b}' or '{b} {a}')",
                )


_TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z]")


def unprotected_capitals(title: str) -> list[str]:
    """Words of a title with two or more capitals outside braces and math (styles lower-case them)."""
    if not _TWO_CAPITALS.search(title):
        return []  # most titles: no word has two capitals anywhere, braced or not
    words: list[str] = []
    depth = 0
    math = False
    word: list[str] = []
    command = False

    def end_word() -> None:
        token = "".join(word)
        word.clear()
        if sum(1 for ch in token if ch.isupper()) >= 2:
            words.append(token)

    for ch in title:
        if ch == "\\":
            end_word()
            command = True
            continue
        if command:
            if ch.isalpha():
                continue  # a control word: \LaTeX is not an acronym to protect
            command = False
            if ch in "{}$":
                pass
            else:
                continue  # a control symbol such as \& or \%
        if ch == "$":
            end_word()
            math = not math
        elif ch == "{":
            end_word()
            depth += 1
        elif ch == "}":
            end_word()
            depth -= 1
        elif depth == 0 and not math and ch.isalnum():
            word.append(ch)
        else:
            end_word()
    end_word()
    return words


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
                bibfile,
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
            yield _finding("BN401", bibfile, field.line, entry.key, f"doi {value!r} is not a DOI")
        elif canonical != field.text:
            yield _finding(
                "BN401", bibfile, field.line, entry.key, f"doi {value!r} should be the bare DOI {canonical!r}"
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
            yield _finding("BN402", bibfile, field.line, entry.key, f"url should be {canonical}")
        elif canonical is None and value != value.strip():
            yield _finding("BN402", bibfile, field.line, entry.key, "url has surrounding spaces")


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
                        bibfile,
                        field.line,
                        entry.key,
                        f"code link {written} should be {canonical[-1]}",
                    )


# -- BN5xx: online facts ---------------------------------------------------------------------------


def _published(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    if ctx.online is None:
        return
    for bibfile, entry in iter_entries(files):
        arxiv = ctx.arxiv(bibfile, entry)
        if arxiv is None or not is_preprint(entry):
            continue
        published = ctx.online.published.get(arxiv.id)
        if published is None or not published.venue:
            continue
        year = f" {published.issued.year}" if published.issued else ""
        doi = f", doi {published.ids.doi}" if published.ids.doi else ""
        yield _finding(
            "BN501",
            bibfile,
            entry.line,
            entry.key,
            f"arXiv:{arxiv.id} was published in {published.venue}{year}{doi}; "
            "cite that version (bibnorm fix --upgrade-preprints)",
        )


def _version_pinned(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    if ctx.online is None:
        return
    for bibfile, entry in iter_entries(files):
        arxiv = ctx.arxiv(bibfile, entry)
        if arxiv is None or arxiv.version is None:
            continue
        latest = ctx.online.latest_version.get(arxiv.id)
        if latest is not None and latest > arxiv.version:
            yield _finding(
                "BN502",
                bibfile,
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
            "BN601", bibfile, entry.line, key, f"key does not follow {fmt!r}: expected {expected!r}"
        )


def _not_formatted(files: Sequence[BibFile], ctx: _Context) -> Iterator[Finding]:
    options = ctx.config.format_options
    order = {name: i for i, name in enumerate(options.field_order)}
    for bibfile in files:
        for block in bibfile.blocks:
            if not isinstance(block, BibEntry | StringBlock) or not block.raw:
                continue
            if render_block(block, options, order) != block.raw.strip():
                key = block.key if isinstance(block, BibEntry) else None
                yield _finding(
                    "BN602",
                    bibfile,
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
        _undefined_macros,
    ),
    Check("BN201", "duplicate-key", E, "two entries share a citation key", _duplicate_keys),
    Check(
        "BN202",
        "duplicate-arxiv",
        E,
        "two keys cite the same arXiv paper",
        _same_paper("BN202", "arXiv id", _arxiv_identity),
    ),
    Check(
        "BN203", "duplicate-doi", E, "two keys cite the same DOI", _same_paper("BN203", "DOI", _doi_identity)
    ),
    Check(
        "BN204",
        "duplicate-title",
        W,
        "two keys have the same normalized title",
        _same_paper("BN204", "normalized title", _title_identity),
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
        "BN501", "arxiv-published", W, "an arXiv preprint has a published version", _published, online=True
    ),
    Check(
        "BN502", "arxiv-version", W, "a pinned arXiv version has a newer one", _version_pinned, online=True
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
    ctx = _Context(config=config, online=online)
    findings: list[Finding] = []
    for check in CHECKS:
        if config.enabled(check.code):
            findings.extend(check.run(files, ctx))
    order = {bibfile.path: i for i, bibfile in enumerate(files)}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line, f.code))
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
            blocks.append(fix_entry(block, upgrade, note))
        else:
            blocks.append(block)
    return bibfile.with_blocks(blocks)
