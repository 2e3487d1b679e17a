"""The two sides ``verify`` compares: what an entry claims (`Claim`, read from a ``.bib`` entry
by `claim_from_entry`) and what the sources answered about it (`Answer`, `Answers`).

A claim is what the entry says, as BibTeX prints it (macros expanded, LaTeX made plain text);
a field the entry lacks stays empty, for missing is not wrong.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date

from bibnorm.bib.bibfile import BibEntry, split_value, unquote
from bibnorm.bib.checks.base import entry_doi
from bibnorm.identifiers import is_arxiv_doi, parse_arxiv_id
from bibnorm.models import Frozen, Notice, ReadItem, Reference
from bibnorm.text.months import MONTHS
from bibnorm.text.titles import plain_text
from bibnorm.verify.kinds import EntryKind, kind_fields
from pydantic import Field


class Claim(Frozen):
    """What one ``.bib`` entry says about the paper it cites."""

    key: str
    path: str
    line: int
    entry_type: str
    title: str
    authors: tuple[str, ...] = ()  # as written, "and others" removed
    and_others: bool = False
    year: int | None = None
    venue: str | None = None  # booktitle or journal, as written
    doi: str | None = None  # a publisher DOI (arXiv's own DOIs become `arxiv_id`)
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    # What kind of work the entry cites, and the claims only that kind's rules compare
    # (normalizer/verify/kinds).
    kind: EntryKind = EntryKind.PAPER
    isbn: str | None = None  # as written
    publisher: str | None = None
    edition: str | None = None
    school: str | None = None  # a thesis's school (or institution)
    url: str | None = None
    urldate: str | None = None
    version: str | None = None  # software's version
    standard: str | None = None  # the issuing body's number: "RFC 7540", "ISO 8601:2004"
    rfc: int | None = None

    issn: tuple[str, ...] = ()  # the journal's ISSNs, when the entry gives them
    volume: str | None = None  # where in the journal (named in BN733's message; not judged)
    page: int | None = Field(default=None, exclude=True)  # a PDF's page the item is on (no claim)
    # The item as printed, for a reference list's (a PDF's, a pasted list's, a .bbl's; no claim):
    # where its reader split it into names, title and venue is a guess, and the record's title and
    # venue are read in it too (`bibnorm.text.printed`).
    text: str = Field(default="", exclude=True)
    pages: str | None = None

    def fingerprint(self) -> str:
        """A digest of every claim: a lock's "verified" holds only while none has changed.

        The claims of the entry kinds count only when made, so a paper's digest is what it was
        before they existed (a lock written then still holds); for the same reason an empty
        ISSN is left out, and volume and pages (not judged) never count.
        """
        unset = {name for name in _KIND_CLAIMS if getattr(self, name) in (None, "paper")}
        left_out = {"path", "line", "volume", "pages", *unset, *(() if self.issn else ("issn",))}
        fields = self.model_dump(exclude=left_out)
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]

    def read(self) -> ReadItem:
        """What was read from the entry (the report's ``read`` block)."""
        authors = (*self.authors, "others") if self.and_others else self.authors
        return ReadItem.of(self, self.page, self.line, title=self.title or None, authors=authors)

    def volume_pages(self) -> str:
        """ "vol. 12, pp. 34--56" as far as the entry says."""
        parts = [f"vol. {self.volume}" if self.volume else "", f"pp. {self.pages}" if self.pages else ""]
        return ", ".join(part for part in parts if part)


_KIND_CLAIMS = (
    "kind",
    "isbn",
    "publisher",
    "edition",
    "school",
    "url",
    "urldate",
    "version",
    "standard",
    "rfc",
)


_ARXIV_IN_TEXT = re.compile(
    r"arxiv(?:\.org/(?:abs|pdf)/|[:\s]\s*(?:abs/)?)([a-z-]+(?:\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})(v\d+)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def claim_from_entry(entry: BibEntry, path: str, strings: Mapping[str, str] | None = None) -> Claim:
    """The claims of one entry; fields it lacks stay empty (missing is not wrong).

    ``strings``: the file's ``@string`` macros, expanded where a field uses them
    (``journal = pami``), so the claim is what BibTeX prints.
    """
    entry = _expanded(entry, strings or {})
    authors, and_others = _authors(entry)
    year_match = _YEAR.search(entry.get("year") or entry.get("date") or "")
    venue = entry.get("booktitle") or entry.get("journal") or entry.get("journaltitle")
    doi, arxiv_id, version = _identifiers(entry)
    issns = tuple(dict.fromkeys(m.upper() for m in _ISSN.findall(entry.get("issn") or "")))
    return Claim(
        key=entry.key,
        path=path,
        line=entry.line,
        entry_type=entry.entry_type,
        title=plain_text(entry.get("title") or ""),
        authors=authors,
        and_others=and_others,
        year=int(year_match.group(1)) if year_match else None,
        venue=plain_text(venue) if venue else None,
        doi=doi,
        arxiv_id=arxiv_id,
        arxiv_version=version,
        **kind_fields(entry),
        issn=issns,
        volume=_plain(entry.get("volume")),
        pages=_plain(entry.get("pages")),
    )


_ISSN = re.compile(r"\b\d{4}-\d{3}[\dXx]\b")
_MONTHS = frozenset(month.abbreviation.lower() for month in MONTHS)  # BibTeX's month macros


def _expanded(entry: BibEntry, strings: Mapping[str, str]) -> BibEntry:
    """The entry with macro uses and ``#`` concatenations replaced by their text."""

    def expand(value: str) -> str:
        parts = split_value(value)
        if len(parts) == 1 and parts[0][:1] in ('"', "{"):
            return value
        texts = []
        for part in parts:
            name = part.strip().lower()
            if part[:1] in ('"', "{") or name.isdigit() or name in _MONTHS or name not in strings:
                texts.append(unquote(part) if part[:1] in ('"', "{") else part.strip())
            else:
                texts.append(unquote(strings[name]))
        return "{" + "".join(texts) + "}"

    if not strings and not any("#" in f.value for f in entry.fields):
        return entry
    return entry.replace_fields(f._replace(value=expand(f.value)) for f in entry.fields)


# "and" between two names: where blanks start (a search does not walk a long run of blanks again
# from each of them).
_AND = re.compile(r"(?<!\s)\s+and\s+")
_BRACE = re.compile(r"[{}]")


def _split_names(text: str) -> list[str]:
    """``text`` split at each "and" outside braces: one that a closing brace follows before any
    opening one is inside a name. The next brace is looked up once per brace, not once per "and"
    (a long list stays one pass)."""
    parts: list[str] = []
    start = 0
    brace_at, brace = -1, ""
    for match in _AND.finditer(text):
        if brace_at < match.end():
            found = _BRACE.search(text, match.end())
            brace_at, brace = (found.start(), found.group()) if found else (len(text), "")
        if brace != "}":
            parts.append(text[start : match.start()])
            start = match.end()
    return [*parts, text[start:]]


def _authors(entry: BibEntry) -> tuple[tuple[str, ...], bool]:
    """The authors' names as plain text, and whether the list ends in "and others" (removed)."""
    text = " ".join((entry.get("author") or "").split())
    parts = [part.strip() for part in _split_names(text) if part.strip()]
    names = [" ".join(plain_text(name).split()) for name in parts]
    and_others = any(name.casefold() in ("others", "et al.", "et al") for name in names[-1:])
    return tuple(names[:-1] if and_others else names), and_others


def _plain(text: str | None) -> str | None:
    """A field's text as plain text; None when the entry lacks it or it is empty."""
    return plain_text(text) or None if text else None


def _identifiers(entry: BibEntry) -> tuple[str | None, str | None, int | None]:
    """(publisher DOI, arXiv id, arXiv version) from doi, eprint, url, note and howpublished (a DOI
    too: "doi: X" in a note, `entry_doi`)."""
    doi = entry_doi(entry)
    arxiv_text = None
    if doi and is_arxiv_doi(doi):
        arxiv_text, doi = re.split(r"arxiv\.", doi, maxsplit=1, flags=re.IGNORECASE)[-1], None
    eprint_type = (entry.get("archiveprefix") or entry.get("eprinttype") or "").casefold()
    if entry.get("eprint") and eprint_type in ("", "arxiv"):
        arxiv_text = entry.get("eprint")
    if arxiv_text is None:
        arxiv_text = _arxiv_in_fields(entry)
    parsed = parse_arxiv_id(arxiv_text) if arxiv_text else None
    if parsed is None:
        return doi, None, None
    return doi, parsed.id, parsed.version


def _arxiv_in_fields(entry: BibEntry) -> str | None:
    """An arXiv id (with its version) written in the url, howpublished, note or journal field."""
    for name in ("url", "howpublished", "note", "journal"):
        match = _ARXIV_IN_TEXT.search(entry.get(name) or "")
        if match:
            return match.group(1) + (match.group(2) or "")
    return None


class Answer(Frozen):
    """One source's answer to one question: the record it holds, or ``None`` (it has none)."""

    source: str
    record: Reference | None = None
    # Every year the work appeared in, when the source knows more than one (a book's editions).
    years: tuple[int, ...] = ()
    # A "none" from an index built from a whole snapshot of this date: silence that counts.
    complete_as_of: date | None = None


class Answers(Frozen):
    """Everything the sources said that bears on one claim.

    ``unavailable`` names the sources that could not be asked a question this claim needed.
    An answer with ``record=None`` is a real "no such paper" from a source that answered.
    ``by_isbn`` answers a book's ISBN, ``by_standard`` an RFC's number (its DOI), and
    ``notices`` are the retractions and corrections published for the work behind the DOI.
    """

    by_doi: tuple[Answer, ...] = ()
    by_arxiv_id: tuple[Answer, ...] = ()
    by_title: tuple[Answer, ...] = ()
    by_isbn: tuple[Answer, ...] = ()
    by_standard: tuple[Answer, ...] = ()
    notices: tuple[Notice, ...] = ()
    unavailable: tuple[str, ...] = ()
    # Crossref's record of the matched paper (by the DOI it carries, or found by a citation
    # search when it has none): the publisher's journal name, short title and ISSN, asked for
    # journal citations the matched record did not settle.
    of_paper: tuple[Answer, ...] = ()
