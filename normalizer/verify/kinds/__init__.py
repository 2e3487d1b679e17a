"""What kind of work an entry cites — a paper, a book, a thesis, software, a standard, a
dataset, a web page — and the verdict rules of each kind that is not a paper.

A paper is judged against the paper sources (`bibnorm.verify.judge`); absence from them is
evidence, so an invented title is ``not_found``. The other kinds are mostly absent from those
sources, so their absence proves nothing: each kind is judged by its own rules (one module per
kind: `books`, `theses`, `software`, `standards`, `web`; `rules` is the registry), against the
sources that hold it where one exists (Open Library for books, Crossref for RFCs and DOIs), and
is otherwise ``unverifiable`` with the reason — never ``not_found``. A record of another type
never stands for the work: the book "Deep Learning" (2016) is not the 2014 paper of that title.

`entry_kind` reads the kind from the entry type and its fields (a registry of rules, first
match wins); `kind_fields` gives the claims each kind's rules need.

May import: bibnorm.sources, bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib,
bibnorm.resolve, bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers,
bibnorm.errors, bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from bibnorm.bib.bibfile import BibEntry
from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.text.titles import plain_text
from bibnorm.text.word_tables import alternation, link_hosts, standard_bodies


class EntryKind(StrEnum):
    PAPER = "paper"
    BOOK = "book"
    THESIS = "thesis"
    SOFTWARE = "software"
    DATASET = "dataset"
    STANDARD = "standard"
    WEB = "web"
    OTHER = "other"  # patents, unpublished works: no source holds them


# fmt: off
_BOOK_TYPES = frozenset({"book", "mvbook", "inbook", "bookinbook", "booklet", "collection", "mvcollection",
                         "reference", "mvreference", "periodical"})
_THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
_SOFTWARE_TYPES = frozenset({"software", "softwareversion", "softwaremodule", "codefragment"})
_DATASET_TYPES = frozenset({"dataset", "data"})
_WEB_TYPES = frozenset({"online", "www", "electronic", "webpage", "url"})
_OTHER_TYPES = frozenset({"patent", "unpublished"})
# Types whose fields decide: a @misc may be a paper, a web page, software or a standard.
_OPEN_TYPES = frozenset({"misc", "manual", "techreport", "report", *_WEB_TYPES})
# fmt: on


def _link_to(hosts: Iterable[str], *, subdomains: str = r"(?:www\.)?", after: str = "/") -> re.Pattern[str]:
    """A link to any of ``hosts`` (link-hosts.json's: one ending in a period is any host under that
    name, "dataverse." dataverse.harvard.edu; one with a path that part of the site), in any case;
    a host is no link to a part of its site whose pages are papers ("huggingface.co/papers")."""
    return re.compile(
        rf"https?://{subdomains}(?:{'|'.join(map(_host_pattern, hosts))}){after}", re.IGNORECASE
    )


_HOSTS = link_hosts()  # normalizer/data/link-hosts.json
# Parts of a code host's site whose pages are papers: "huggingface.co/papers" is no model's.
_SITE_PARTS = _HOSTS.papers


def _host_pattern(host: str) -> str:
    if host.endswith("."):
        return re.escape(host) + "[a-z.]+"
    parts = [part.removeprefix(f"{host}/") for part in _SITE_PARTS if part.startswith(f"{host}/")]
    return re.escape(host) + (rf"(?!/{alternation(parts)}/)" if parts else "")


# Where code lives: a link there names software (or, under /datasets/, a dataset).
_CODE_HOSTS = _link_to((*_HOSTS.repositories, *_HOSTS.code))
_DATASET_URLS = _link_to(_HOSTS.datasets)
# Pages that are papers (a landing page or a PDF), not web pages in their own right.
_PAPER_URLS = _link_to(_HOSTS.papers, subdomains=r"(?:[a-z0-9-]+\.)*", after=r"[/:]|\.pdf(?:$|[?#])")
# DOI prefixes of data repositories (DataCite members): figshare, Dryad, PANGAEA, Harvard
# Dataverse, Mendeley Data, GBIF, 4TU.ResearchData.
_DATASET_DOI = re.compile(r"^10\.(?:6084|5061|1594|7910|17632|15468|4121)/", re.IGNORECASE)
_ZENODO_DOI = re.compile(r"^10\.5281/zenodo\.", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s{}\\]+", re.IGNORECASE)
# RFC numbers: "RFC 7540", "RFC7540", "Request for Comments 7540", rfc-editor/ietf links, RFC DOIs.
_RFC_TEXT = re.compile(r"\bRFC\s*+(?:[-:]\s*+)?0*(\d{1,5})\b", re.IGNORECASE)
_RFC_URL = re.compile(
    r"(?:rfc-editor\.org/(?:rfc|info)/rfc|ietf\.org/rfc/rfc|datatracker\.ietf\.org/doc/(?:html/)?rfc"
    r"|tools\.ietf\.org/html/rfc)0*(\d{1,5})",
    re.IGNORECASE,
)
_RFC_DOI = re.compile(r"^10\.17487/rfc0*(\d{1,5})$", re.IGNORECASE)
_RFC_SERIES = re.compile(r"\b(?:RFC|Request for Comments)\b", re.IGNORECASE)
# Issuing bodies whose documents are standards (only read on @misc/@manual/@techreport-like
# entries: an @article published by IEEE is no standard).
_STANDARD_BODIES = re.compile(
    rf"\b{alternation(standard_bodies(), any_blank=True)}\b"
)  # standard-bodies.json
_STANDARD_NUMBER = re.compile(
    # ANSI's co-issuer ("ANSI/IEEE 754", "ANSI/X3.4"): its letters end at a blank, else the number
    # starts one letter in — written so, the letters are not read once per way to split them.
    r"\b(?:ISO(?:/IEC)?(?:/IEEE)?|IEC|IEEE\s+Std|ANSI(?:/[A-Z]++\s++(?=[\dA-Z])|/[A-Z](?=[\dA-Z]))?|"
    r"ITU-[TR]\s+[A-Z]\.?|ETSI\s+[A-Z]{2}|NIST\s+(?:SP|FIPS|IR)|FIPS(?:\s+PUB)?|ECMA-|OGC)"
    r"\s*[\dA-Z][\w.:/-]*+",
)
_KIND_FIELDS = ("series", "type", "howpublished", "note", "number", "organization", "institution",
                "publisher", "journal")  # fmt: skip


def _value(entry: BibEntry, name: str) -> str:
    return plain_text(entry.get(name) or "") if entry.get(name) else ""


def entry_urls(entry: BibEntry) -> list[str]:
    """Every link the entry gives: ``url``, then those written in ``howpublished`` and ``note``."""
    urls = [u for u in (entry.get("url") or "").split() if u.lower().startswith("http")]
    for name in ("howpublished", "note"):
        urls += _URL_IN_TEXT.findall(entry.get(name) or "")
    return [url.rstrip(".,;)") for url in urls]


def rfc_number(entry: BibEntry) -> int | None:
    """The RFC the entry cites, from its DOI, an RFC link, or an "RFC n" its series names."""
    doi = canonical_doi(entry.get("doi") or "") if entry.get("doi") else None
    if doi and (match := _RFC_DOI.match(doi)):
        return int(match.group(1))
    for url in entry_urls(entry):
        if match := _RFC_URL.search(url):
            return int(match.group(1))
    series = " ".join(_value(entry, name) for name in ("series", "type", "howpublished", "journal", "note"))
    if _RFC_SERIES.search(series):
        number = _value(entry, "number")
        if number.isdigit():
            return int(number)
        if match := _RFC_TEXT.search(series):
            return int(match.group(1))
    return None


def standard_number(entry: BibEntry) -> str | None:
    """The issuing body's number ("RFC 7540", "ISO 8601:2004", "IEEE Std 754-2008"), if the entry
    names one."""
    rfc = rfc_number(entry)
    if rfc is not None:
        return f"RFC {rfc}"
    for name in ("number", "type", "series", "howpublished", "note", "title"):
        if match := _STANDARD_NUMBER.search(_value(entry, name)):
            return match.group(0).strip()
    number = _value(entry, "number")
    body = _STANDARD_BODIES.search(" ".join(_value(entry, name) for name in _KIND_FIELDS))
    if number and body:
        return f"{body.group(0)} {number}" if body.group(0) not in number else number
    return None


# "journal = {GitHub repository}": what GitHub's "Cite this repository" and some templates write.
_NOT_A_VENUE = re.compile(rf"\b{alternation(_HOSTS.not_venues)}\b", re.IGNORECASE)  # link-hosts.json


def _has_paper_identifiers(entry: BibEntry) -> bool:
    venue = _value(entry, "journal") or _value(entry, "journaltitle") or _value(entry, "booktitle")
    if venue and not _NOT_A_VENUE.search(venue):
        return True
    if entry.get("eprint") or any(parse_arxiv_id(u) for u in entry_urls(entry)):
        return True
    doi = canonical_doi(entry.get("doi") or "") if entry.get("doi") else None
    return bool(doi and not (_ZENODO_DOI.match(doi) or _DATASET_DOI.match(doi) or _RFC_DOI.match(doi)))


def _is_standard(entry: BibEntry) -> bool:
    if entry.entry_type not in _OPEN_TYPES:
        return False  # an @article or @inproceedings is no standard, whoever published it
    if rfc_number(entry) is not None:
        return True
    text = " ".join(_value(entry, name) for name in _KIND_FIELDS)
    return bool(_STANDARD_BODIES.search(text) or _STANDARD_NUMBER.search(text))


def _is_dataset(entry: BibEntry) -> bool:
    if entry.entry_type not in _OPEN_TYPES:
        return False
    doi = canonical_doi(entry.get("doi") or "") if entry.get("doi") else None
    if doi and _DATASET_DOI.match(doi):
        return True
    if any(_DATASET_URLS.match(url) for url in entry_urls(entry)):
        return True
    described = " ".join(_value(entry, name) for name in ("type", "howpublished", "note"))
    return bool(re.search(r"\b(?:data\s*set|dataset|data\s+repository)\b", described, re.IGNORECASE))


def _is_software(entry: BibEntry) -> bool:
    if entry.entry_type == "manual":
        return True  # a program's manual: cited for the program
    if entry.entry_type not in _OPEN_TYPES:
        return False
    if entry.get("version") and not _has_paper_identifiers(entry):
        return True
    doi = canonical_doi(entry.get("doi") or "") if entry.get("doi") else None
    if doi and _ZENODO_DOI.match(doi):
        return True
    return any(_CODE_HOSTS.match(url) for url in entry_urls(entry)) and not _has_paper_identifiers(entry)


def _is_web_page(entry: BibEntry) -> bool:
    if entry.entry_type not in _WEB_TYPES and entry.entry_type != "misc":
        return False
    if _has_paper_identifiers(entry):
        return False  # a paper cited as @online (biblatex's way with an arXiv eprint)
    if entry.entry_type in _WEB_TYPES:
        return True
    urls = entry_urls(entry)
    return bool(urls) and not any(_PAPER_URLS.search(url) for url in urls)


# First match wins: an RFC served as @online is a standard, a GitHub repository as @online software.
_RULES: tuple[tuple[EntryKind, Callable[[BibEntry], bool]], ...] = (
    (EntryKind.THESIS, lambda entry: entry.entry_type in _THESIS_TYPES),
    (EntryKind.BOOK, lambda entry: entry.entry_type in _BOOK_TYPES),
    (EntryKind.OTHER, lambda entry: entry.entry_type in _OTHER_TYPES),
    (EntryKind.SOFTWARE, lambda entry: entry.entry_type in _SOFTWARE_TYPES),
    (EntryKind.DATASET, lambda entry: entry.entry_type in _DATASET_TYPES),
    (EntryKind.STANDARD, lambda entry: entry.entry_type == "standard" or _is_standard(entry)),
    (EntryKind.BOOK, lambda entry: entry.entry_type in _OPEN_TYPES and bool(entry.get("isbn"))),
    (EntryKind.DATASET, _is_dataset),
    (EntryKind.SOFTWARE, _is_software),
    (EntryKind.WEB, _is_web_page),
)


def entry_kind(entry: BibEntry) -> EntryKind:
    """The kind of work ``entry`` cites (`EntryKind.PAPER` unless a rule says otherwise)."""
    for kind, applies in _RULES:
        if applies(entry):
            return kind
    return EntryKind.PAPER


def kind_fields(entry: BibEntry) -> dict[str, Any]:
    """The claims of ``entry`` that only the rules of its kind compare (the `Claim` fields of the
    same names); empty ones are left out."""
    kind = entry_kind(entry)
    values: dict[str, Any] = {"kind": kind.value}
    if kind is EntryKind.PAPER:
        return values
    urls = entry_urls(entry)
    values |= {
        "isbn": " ".join((entry.get("isbn") or "").split()) or None,
        "publisher": _value(entry, "publisher") or None,
        "edition": _value(entry, "edition") or None,
        "school": _value(entry, "school") or _value(entry, "institution") or None,
        "url": urls[0] if urls else None,
        "urldate": _value(entry, "urldate") or None,
        "version": _value(entry, "version") or None,
        "standard": standard_number(entry) if kind is EntryKind.STANDARD else None,
        "rfc": rfc_number(entry) if kind is EntryKind.STANDARD else None,
    }
    return {name: value for name, value in values.items() if value is not None}
