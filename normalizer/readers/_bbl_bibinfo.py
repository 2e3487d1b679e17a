"""Fielded ``.bbl`` items: REVTeX's apsrev4-1/4-2 (and other makebst styles with field markup)
mark every field of a ``\\bibitem`` as ``\\bibinfo {name} {value}`` — persons as
``\\bibfnamefont {M.}~\\bibnamefont {Tegmark}`` — and wrap them in ``\\bibfield``, ``\\href``,
``\\Eprint`` and ``\\BibitemShut`` markup. acmart's ACM-Reference-Format marks each person of a
list ``\\bibfield{author}{\\bibinfo{person}{Ashish Vaswani}, …}`` (the name as printed, given
names first), an article's title ``\\showarticletitle{…}``, a book's ``\\bibinfo{booktitle}{…}``
where no "In" precedes it. The fields are read from that markup itself (a
reference string reader would guess what the style already says), and the markup is dropped
from the item's text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.readers.refs import ParsedReference
from bibnorm.text.names import parse_name
from bibnorm.text.titles import plain_text

_BIBINFO = re.compile(r"\\bibinfo\s*\{(\w+)\}\s*\{")
_FAMILY = re.compile(r"\\bibnamefont\s*\{")
_GIVEN = re.compile(r"\\bibfnamefont\s*\{")
_DOI = re.compile(r"(?:\\doibase\s*|\\href\s*\{https?://(?:dx\.)?doi\.org/)([^\s{}]+)")
_SHOWN_TITLE = re.compile(r"\\showarticletitle\s*\{")
_FIELD = re.compile(r"\\bibfield\s*\{(\w+)\}\s*\{")
_IN_BEFORE = re.compile(r"\bIn\s*(?:\\newblock\s*)?$")  # "In \\bibinfo{booktitle}{…}": a part of a book
_EPRINT = re.compile(r"\\Eprint\s*\{([^{}]*)\}")
# Markup with no printed text of its own: field names, hooks, link targets. A macro that only
# sets the font of its argument (\bibnamefont {X}) is dropped and its argument kept.
_MARKUP = re.compile(
    r"(?:\\(?:bibinfo|bibfield)\s*\{\w+\}|\\BibitemOpen|\\BibitemShut\s*\{\w+\}|\\href@noop\s*\{\}"
    r"|\\(?:href|Eprint)\s*\{[^{}]*\}|\\urldef\\tempurl%?|\\(?:showURL|showDOI)\s*\{%?\s*\\tempurl\}"
    r"|\\(?:bibnamefont|bibfnamefont|citenamefont|textbf|enquote|showarticletitle)\b)\s*"
)


@dataclass(frozen=True)
class BibinfoItem:
    """The fields one fielded ``\\bibitem`` gives, as printed."""

    text: str  # the item as printed, markup dropped (LaTeX still in it)
    title: str | None
    authors: tuple[str, ...]  # "Family, Given"
    families: tuple[str, ...]
    year: int | None
    venue: str | None
    doi: str | None
    arxiv_id: str | None

    def over(self, parsed: ParsedReference) -> ParsedReference:
        """``parsed`` (the item's text read as a reference string) with the fields the markup
        gives. The title always comes from the markup: a style that prints none (Physical
        Review Letters) must not get the journal read as one."""
        return parsed._replace(
            title=self.title,
            author_names=self.families or parsed.author_names,
            authors=self.authors or parsed.authors,
            year=self.year or parsed.year,
            venue=self.venue or parsed.venue,
            doi=self.doi or parsed.doi,
            arxiv=self.arxiv_id or parsed.arxiv,
        )


def braced(text: str, start: int) -> str | None:
    """The text from ``start`` up to the brace that closes the one just before it (nested braces
    allowed); None when it is never closed."""
    depth = 1
    for end in range(start, len(text)):
        if text[end] == "{":
            depth += 1
        elif text[end] == "}":
            depth -= 1
            if depth == 0:
                return text[start:end]
    return None


def _listed_person(value: str) -> tuple[str, str]:
    """(family, "Family, Given") of one ``\\bibinfo{person}{Given Family}`` of ACM's lists."""
    person = parse_name(value)
    if person.literal:
        return person.literal, person.literal
    family = " ".join(part for part in (person.particle, person.family) if part)
    return family, f"{family}, {person.given}" if person.given else family


def _people(block: str, values: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The authors' (else the editors') names: REVTeX's ``\\bibinfo {author}``, ACM's persons of
    ``\\bibfield{author}``."""
    for role in ("author", "editor"):
        if values[role]:
            return [_person(value) for value in values[role]]
        for field in _FIELD.finditer(block):
            if field.group(1) == role:
                listed = braced(block, field.end()) or ""
                persons = [
                    braced(listed, m.end()) or "" for m in _BIBINFO.finditer(listed) if m.group(1) == "person"
                ]
                if persons:
                    return [_listed_person(plain_text(value)) for value in persons]
    return []


def _title(block: str, values: dict[str, list[str]]) -> str | None:
    """The work's title: its ``\\bibinfo{title}`` or ACM's ``\\showarticletitle``; else a book's
    (ACM's ``\\bibinfo{booktitle}`` with no "In" before it)."""
    shown = _SHOWN_TITLE.search(block)
    if shown:
        return braced(block, shown.end())
    if values["title"]:
        return values["title"][0]
    if not values["person"]:  # REVTeX's booktitle with no title: a style that prints none
        return None
    for match in _BIBINFO.finditer(block):
        if match.group(1) == "booktitle" and not _IN_BEFORE.search(block, 0, match.start()):
            return braced(block, match.end())
    return None


def _person(value: str) -> tuple[str, str]:
    """(family, "Family, Given") of one ``\\bibinfo {author}`` value; a group name ("Planck
    Collaboration") has no ``\\bibnamefont`` and is its own family name."""
    family_at, given_at = _FAMILY.search(value), _GIVEN.search(value)
    family = plain_text((braced(value, family_at.end()) if family_at else None) or value).strip()
    given = plain_text(braced(value, given_at.end()) or "").strip() if given_at else ""
    return family, f"{family}, {given}" if given else family


def read_bibinfo(block: str) -> BibinfoItem | None:
    """The fields of a fielded ``\\bibitem`` block (the text after its key), or None when the
    block has no ``\\bibinfo`` markup."""
    values: dict[str, list[str]] = defaultdict(list)
    for match in _BIBINFO.finditer(block):
        values[match.group(1)].append(braced(block, match.end()) or "")
    if not values:
        return None
    people = _people(block, values)
    title = _title(block, values)
    year = re.search(r"\d{4}", " ".join(values["year"]))
    doi = _DOI.search(block)
    eprint = _EPRINT.search(block)
    arxiv = parse_arxiv_id(eprint.group(1)) if eprint else None
    venue = next(
        iter(values["journal"] or (values["booktitle"] if title not in values["booktitle"] else [])), None
    )
    return BibinfoItem(
        text=_MARKUP.sub("", block),
        title=plain_text(title).strip().rstrip(".,") if title else None,
        authors=tuple(person for _, person in people),
        families=tuple(family for family, _ in people),
        year=int(year.group()) if year else None,
        venue=plain_text(venue).strip() if venue else None,
        doi=canonical_doi(doi.group(1)) if doi else None,
        arxiv_id=arxiv.id if arxiv else None,
    )
