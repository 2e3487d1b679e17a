"""biber's ``.bbl`` (biblatex): ``\\entry{key}{type}{options}`` … ``\\endentry`` with the entry's
fields as biber resolved them — ``\\field{title}{…}``, ``\\field{year}{…}`` (or ``\\field{date}``),
``\\verb{doi}`` ``\\verb 10.…`` ``\\endverb``, ``\\field{eprint}`` — and its names as
``\\name{author}{count}{options}{…}``, one braced group per person. Each version of the ``.bbl``
format (biblatex's "bbl format version", which biber writes to match the biblatex it runs for)
writes a person its own way:

- 3.x (biber 2.x, biblatex 3.x): ``{{hash=…}{%`` ``family={Knuth},`` ``familyi={K\\bibinitperiod},``
  ``given={Donald\\bibnamedelima E.},`` … ``prefix={van},`` ``suffix={Jr.}}}`` — the parts by name;
- 1.x and 2.x: ``{{uniquename=0,hash=…}{Knuth}{K\\bibinitperiod}{Donald~E.}{D\\bibinitperiod}{}{}{}{}}``
  — the options, then family, its initials, given, its initials, prefix, its initials, suffix,
  its initials, by place (biber 0.9 writes the options group empty: ``{{}{Gullam}{G.}…}``);
- before them (biber 0.5–0.8, ``\\name{author}{7}{%`` with no options argument):
  ``{{Aksın}{A}{Özge}{Ö}{}{}{}{}}`` — the same places, with no options group.

A group of options is known by its ``=`` (``hash=``, ``uniquename=``, ``un=``) or by being empty;
no family name holds one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bibnorm.readers._bbl_bibinfo import braced
from bibnorm.text.titles import plain_text

_ENTRY_HEAD = re.compile(r"\\entry\{([^}\\]*)\}\{([^}\\]*)\}\{[^}\\]*\}")
_END_ENTRY = "\\endentry"
_VERB_HEAD = re.compile(r"\\verb\{(\w+)\}\s*\\verb\s+")
_END_VERB = "\\endverb"
# "\\name{author}{3}{}{%" (1.x on) or "\\name{author}{3}{%" (0.x): the list's brace is the last one
_NAME_HEAD = re.compile(r"\\name\{(\w+)\}\{\d+\}(?:\{[^{}]*\})?\{")
_PART = re.compile(r"\b(family|given|prefix|suffix)=\{")
_NAME_DELIMITER = re.compile(r"\\bibnamedelim[a-d]|\\bibinitdelim|\\bibnamedelimi")
_SKIPPED = re.compile(r"(?:\s|%[^\n]*+\n)*+")  # blanks and TeX comments between groups
_POSITIONS = ("family", "familyi", "given", "giveni", "prefix", "prefixi", "suffix", "suffixi")


@dataclass(frozen=True)
class BblEntry:
    """What one item of a ``.bbl`` that names its fields says: biber's ``\\entry``, as biber
    resolved it, and amsrefs' ``\\bib`` (`bibnorm.readers._bbl_amsrefs`); LaTeX rendered."""

    offset: int  # where its ``\\entry`` (``\\bib``) starts in the file
    key: str
    entry_type: str
    title: str | None
    authors: tuple[str, ...]  # "Family, Given" ("prefix Family, Given" with a prefix)
    families: tuple[str, ...]
    year: int | None
    venue: str | None
    doi: str | None
    eprint: str | None


def entries(text: str) -> Iterator[BblEntry]:
    """Each ``\\entry`` of a biber ``.bbl``, in order. The end of each is found with one
    `str.find`, not a lazy ``.*?`` per start: a file of headers with no end stays linear."""
    position = 0
    while (head := _ENTRY_HEAD.search(text, position)) is not None:
        end = text.find(_END_ENTRY, head.end())
        if end < 0:
            return
        yield _entry(head.start(), head.group(1), head.group(2).lower(), text[head.end() : end])
        position = end + len(_END_ENTRY)


def _entry(offset: int, key: str, entry_type: str, body: str) -> BblEntry:
    verbs = _verbs(body)
    title = _field(body, "title")
    year = _field(body, "year") or (_field(body, "date") or "")[:4]
    people = names(body, "author") or names(body, "editor")
    venue = _field(body, "journaltitle") or _field(body, "journal") or _field(body, "booktitle")
    return BblEntry(
        offset=offset,
        key=key,
        entry_type=entry_type,
        title=plain_text(title) if title else None,
        authors=tuple(_written(person) for person in people),
        families=tuple(person["family"] for person in people),
        year=int(year) if year.isdigit() else None,
        venue=plain_text(venue) if venue else None,
        doi=verbs.get("doi") or _field(body, "doi"),
        eprint=verbs.get("eprint") or _field(body, "eprint"),
    )


def _field(body: str, name: str) -> str | None:
    """The braced value of ``\\field{name}{…}`` (nested braces allowed)."""
    start = body.find(f"\\field{{{name}}}{{")
    if start < 0:
        return None
    return braced(body, start + len(f"\\field{{{name}}}{{"))


def _verbs(body: str) -> dict[str, str]:
    """``\\verb{name}`` ``\\verb value`` ``\\endverb`` fields by lower-case name."""
    verbs: dict[str, str] = {}
    position = 0
    while (head := _VERB_HEAD.search(body, position)) is not None:
        end = body.find(_END_VERB, head.end())
        if end < 0:
            break
        verbs[head.group(1).lower()] = body[head.end() : end].strip()
        position = end + len(_END_VERB)
    return verbs


def _groups(text: str) -> Iterator[str]:
    """The braced groups that follow each other from the start of ``text`` (blanks and TeX
    comments between them), each's content; stops at anything else."""
    position = 0
    while True:
        position = _SKIPPED.match(text, position).end()  # type: ignore[union-attr]
        if not text.startswith("{", position):
            return
        content = braced(text, position + 1)
        if content is None:
            return
        yield content
        position += len(content) + 2


def names(body: str, role: str) -> list[dict[str, str]]:
    """The persons of ``\\name{role}``, each's parts (family, given, prefix, suffix) rendered."""
    for head in _NAME_HEAD.finditer(body):
        if head.group(1) == role:
            listed = braced(body, head.end())
            if listed is None:
                return []
            return [person for group in _groups(listed) if (person := _person(group))]
    return []


def _person(group: str) -> dict[str, str] | None:
    parts = list(_groups(group))
    if parts and ("=" in parts[0] or not parts[0].strip()):  # the options group (1.x on)
        parts = parts[1:]
    if len(parts) == 1 and _PART.search(parts[0]):  # 3.x: family={…}, given={…}
        named = {match.group(1): braced(parts[0], match.end()) or "" for match in _PART.finditer(parts[0])}
    else:  # 0.x-2.x: the parts by place
        named = dict(zip(_POSITIONS, parts, strict=False))
    person = {
        name: " ".join(plain_text(_NAME_DELIMITER.sub(" ", named.get(name, "")).replace("~", " ")).split())
        for name in ("family", "given", "prefix", "suffix")
    }
    return person if person["family"] else None


def _written(person: dict[str, str]) -> str:
    """ "prefix Family, Given", as BibTeX writes a name ("Family, Jr., Given" with a suffix)."""
    family = " ".join(part for part in (person["prefix"], person["family"]) if part)
    return ", ".join(part for part in (family, person["suffix"], person["given"]) if part)
