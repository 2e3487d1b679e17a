"""Citation templates: Wikipedia's and SPIP's, wherever a text holds them.

Wikipedia's editors cite with templates — Citation Style 1's ``{{cite journal |last1=Vaswani
|first1=Ashish |title=Attention Is All You Need |journal=… |year=2017 |arxiv=1706.03762}}``, one
per kind of work (``cite book``, ``cite web``, ``cite arXiv`` …), and Citation Style 2's
``{{citation |…}}`` — inside an article's ``<ref>`` tags or in its list of references; SPIP's
``<cite|book|title=… |authors=… |year=… >`` names the same fields (the CSL style spip-cite prints
it). A text that holds more templates than lines outside them that read as references is read
for its templates alone, each template one item, and the prose, the ``<ref>`` tags and every other
template around them are left out (the summary says so); a reference list with a template among
its items stays a reference list. A ``<ref name=…>`` tag's name is the work's key. The
fields are named, so nothing is parsed out of free text: which parameter is which field is
``citation-templates.json``'s, the kind of work ``item-types.json``'s, and the query is built as
the exports' are (`_exports.item_query`). A template whose parameters name no title, DOI or arXiv
id (``{{cite Q|Q1234}}``, Wikidata's) is no item.

A template's parameters are split at its own pipes, not at a pipe inside a link or a template in
a value (``[[Scientific Data|Sci. Data]]``, ``{{!}}``); a value loses its wiki markup: a link is
its label, italics and bold marks, HTML tags and entities go, a template inside it goes (``{{!}}``
is a pipe). Comments (``<!-- … -->``) are blanked before anything is read
(`text.blanking.blanked_between`), the items' lines and offsets kept. A template never closed is
no item; the text is read in one pass for its templates' bounds, however many are left open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from bibnorm.io import LineCounter
from bibnorm.models import Origin, Query
from bibnorm.readers._exports import first_text, item_query
from bibnorm.readers.base import Reader
from bibnorm.readers.refs import looks_like_reference, read_list
from bibnorm.text.blanking import blanked_between
from bibnorm.text.markup import entities_decoded
from bibnorm.text.word_tables import citation_templates, item_types

_SNIFFED = 200_000  # characters of a text the sniffer looks for a template in

# A template's opening and its kind: Wikipedia's "{{cite journal |", "{{Cite arXiv|", "{{citation |"
# (not "{{citation needed}}", which has no pipe after its name), its first pipe on the next line
# as well, and SPIP's "<cite|book |".
_OPENING = re.compile(
    r"\{\{\s*+(?:[Cc]ite[ _](?P<kind>[^|{}<>\n]{1,40}+)|(?P<cs2>[Cc]itation))\s*+\|"
    r"|<cite\|\s*+(?P<spip>[A-Za-z]{1,40})\s*+\|"
)
_MARKS = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|")  # what a template's own pipes are told apart by

# A value's markup: an internal link ("[[target|label]]", "[[label]]"), an external one ("[https://…
# label]"), a template inside it (innermost first), italics and bold, an HTML tag.
_LINK = re.compile(r"\[\[(?:[^\[\]|]*+\|)?+([^\[\]]*+)\]\]")
_EXTERNAL_LINK = re.compile(r"\[(?:https?:)?//[^\s\[\]]*+\s*+([^\[\]]*+)\]")
_INNER_TEMPLATE = re.compile(r"\{\{([^{}]*+)\}\}")
_ITALICS_OR_BOLD = re.compile(r"'{2,}")
_TAG = re.compile(r"<[^<>]*+>")
_NESTING = 5  # templates inside templates a value is cleared of, innermost first

# Vancouver's author list: names apart by commas, a group's name in double parentheses
# ("((World Health Organization))"), which may hold a comma.
_VANCOUVER_NAME = re.compile(r"\(\(([^()]*+)\)\)|([^,\s][^,]*+)")  # a name opens with no blank
_MAX_AUTHORS = 1_000  # "last1" … "last1000": no template lists more
# The <ref> tag right before a template, and its name: "<ref name=Camp1989>", '<ref name="WHO23rd">'.
_REFERENCE_NAME = re.compile(r"<ref\s++name\s*+=\s*+\"?+([\w:.\-]{1,80}+)\"?+\s*+>\s*+\Z")
_REFERENCE_TAG = 120  # characters before a template its tag may take


def read_templates(text: str, path: str) -> list[Query]:
    """One `Query` per citation template of ``text`` that names a title or an identifier."""
    text = blanked_between(text, "<!--", "-->")
    line_of = LineCounter(text)
    queries: list[Query] = []
    for template in _templates(text):
        if not any(template.parameters.get(name) for name in _WORKS_NAMES):
            continue
        origin = Origin(path=path, line=line_of(template.start))
        queries.append(_query(len(queries), origin, template, _reference_name(text, template.start)))
    return queries


def _reference_name(text: str, start: int) -> str | None:
    """The name of the ``<ref>`` tag the template at ``start`` opens (``<ref name=Camp1989>{{cite
    …``, ``<ref name="WHO23rd">``): the article's own handle for the work, kept as its key where a
    BibTeX key may be it (letters, digits, ``_:.-``)."""
    named = _REFERENCE_NAME.search(text, max(0, start - _REFERENCE_TAG), start)
    return named.group(1) if named else None


class _Template(NamedTuple):
    start: int  # where it opens in the text
    end: int  # where it ends: after its closing "}}" or ">"
    kind: str  # lower case: "journal", "book", "citation", SPIP's "book"
    parameters: dict[str, str]  # names lower case, values without markup
    raw: str  # its text, white space folded


def _templates(text: str) -> Iterator[_Template]:
    """Each template of ``text`` that closes, in order."""
    closed = _closed_templates(text)
    spip_closing = True  # whether a ">" may still close an SPIP template
    for found in _OPENING.finditer(text):
        if found.group("spip") is None:
            bounds = closed.get(found.start())
        else:
            end = text.find(">", found.end()) if spip_closing else -1
            spip_closing = end >= 0
            bounds = ([at for at in range(found.end(), end) if text[at] == "|"], end) if end >= 0 else None
        if bounds is None:  # never closed: no item
            continue
        pipes, end = bounds
        kind = " ".join((found.group("kind") or found.group("cs2") or found.group("spip")).split()).casefold()
        cuts = [found.end() - 1, *pipes, end]
        parts = (text[left + 1 : right] for left, right in pairwise(cuts))
        closing = end + (1 if found.group("spip") else 2)
        raw = " ".join(text[found.start() : closing].split())
        yield _Template(found.start(), closing, kind, _parameters(parts), raw)


@dataclass
class _OpenTemplate:
    start: int  # where its "{{" stands
    pipes: list[int] = field(default_factory=list)  # its own, so far
    links: int = 0  # links opened inside it and not closed: a pipe there is the link's


def _closed_templates(text: str) -> dict[int, tuple[list[int], int]]:
    """Each template of ``text`` that closes, by where its "{{" stands: its own pipes (not those
    of a link or a template inside it) and where its "}}" stands. One pass over the text's
    braces, brackets and pipes, however many templates are left open."""
    closed: dict[int, tuple[list[int], int]] = {}
    still_open: list[_OpenTemplate] = []
    for mark in _MARKS.finditer(text):
        sign = mark.group()
        if sign == "{{":
            still_open.append(_OpenTemplate(mark.start()))
            continue
        if not still_open:
            continue
        innermost = still_open[-1]
        if sign == "}}":
            still_open.pop()
            closed[innermost.start] = (innermost.pipes, mark.start())
        elif sign == "[[":
            innermost.links += 1
        elif sign == "]]":
            innermost.links = max(0, innermost.links - 1)
        elif innermost.links == 0:
            innermost.pipes.append(mark.start())
    return closed


def _parameters(parts: Iterator[str]) -> dict[str, str]:
    """The named parameters of a template's parts ("last1 = Vaswani"), the first of a name kept;
    a positional part (no "=") is no field."""
    parameters: dict[str, str] = {}
    for part in parts:
        name, equals, value = part.partition("=")
        name = " ".join(name.split()).casefold()
        if equals and name and name not in parameters and (clean := _plain(value)):
            parameters[name] = clean
    return parameters


def _plain(value: str) -> str:
    """A parameter's value without its wiki markup, its white space folded."""
    for _ in range(_NESTING):
        inner = _INNER_TEMPLATE.sub(lambda found: "|" if found.group(1).strip() == "!" else "", value)
        if inner == value:
            break
        value = inner
    value = _EXTERNAL_LINK.sub(r"\1", _LINK.sub(r"\1", value))
    value = _TAG.sub("", _ITALICS_OR_BOLD.sub("", value))
    return " ".join(entities_decoded(value).split())


_FIELDS = citation_templates()
_KINDS = item_types().citation_templates
_WORKS_NAMES = (*_FIELDS.title, *_FIELDS.part, *_FIELDS.doi, *_FIELDS.arxiv)  # one names a work


def _query(index: int, origin: Origin, template: _Template, key: str | None) -> Query:
    """The work a template cites: a book's part cited (a chapter, an encyclopedia's entry) is the
    title, the book its venue; ``key``, the name of its ``<ref>`` tag."""
    parameters = template.parameters
    part, title = first_text(parameters, *_FIELDS.part), first_text(parameters, *_FIELDS.title)
    venue = first_text(parameters, *_FIELDS.venue)
    arxiv = first_text(parameters, *_FIELDS.arxiv)
    query = item_query(
        index,
        origin,
        title=part or title,
        names=_names(parameters),
        year_text=first_text(parameters, *_FIELDS.date),
        doi_text=first_text(parameters, *_FIELDS.doi),
        texts_with_ids=[
            *([f"arXiv:{arxiv}"] if arxiv else []),
            *(parameters.get(name, "") for name in _FIELDS.links),
        ],
        key=key,
        raw=template.raw,
        venue=(title if part else None) or venue,
        entry_type=_entry_type(template.kind, parameters, bool(part)),
        publisher=first_text(parameters, *_FIELDS.publisher),
    )
    numbers = {
        "volume": first_text(parameters, *_FIELDS.volume),
        "pages": first_text(parameters, *_FIELDS.pages),
    }
    return query.model_copy(update={name: value for name, value in numbers.items() if value})


def _entry_type(kind: str, parameters: Mapping[str, str], part: bool) -> str:
    """The BibTeX type of a template's kind (item-types.json); a book's part is a part of a
    collection; CS2's one template, ``citation``, is an article where it names a journal."""
    if kind == "citation":
        return "article" if any(parameters.get(name) for name in ("journal", "periodical")) else "misc"
    entry_type = _KINDS.get(kind, "misc")
    return "incollection" if part and entry_type == "book" else entry_type


def _names(parameters: Mapping[str, str]) -> list[str]:
    """The authors, each "Family, Given" where both are named: the numbered pairs ("last1",
    "first1"; "last" alone is the first), else the one list a template gives them in."""
    if vancouver := first_text(parameters, *_FIELDS.vancouver):
        written = ((group or name).strip() for group, name in _VANCOUVER_NAME.findall(vancouver))
        return [name for name in written if name]
    names = []
    for number in range(1, _MAX_AUTHORS + 1):
        family = _numbered(parameters, _FIELDS.family, number)
        if family is None:
            break
        given = _numbered(parameters, _FIELDS.given, number)
        names.append(f"{family}, {given}" if given else family)
    if names:
        return names
    listed = first_text(parameters, *_FIELDS.listed) or ""
    return [name.strip() for name in listed.split(";") if name.strip()]


def _numbered(parameters: Mapping[str, str], names: Sequence[str], number: int) -> str | None:
    suffixes = ("", "1") if number == 1 else (str(number),)
    return first_text(parameters, *(f"{name}{suffix}" for name in names for suffix in suffixes))


def sniff_templates(text: str) -> bool:
    """Whether ``text`` (its first `_SNIFFED` characters) holds citation templates, more of them
    than lines outside them that read as references: a reference list with a template among its
    items is a reference list, none of its items left out."""
    if _OPENING.search(text, 0, _SNIFFED) is None:  # most texts: no brace counted
        return False
    head = blanked_between(text[:_SNIFFED], "<!--", "-->")
    templates = list(_templates(head))
    if not templates:
        return False
    outside, position = [], 0
    for template in templates:
        outside.append(head[position : template.start])
        position = template.end
    outside.append(head[position:])
    lines = [line for piece in outside for line in piece.splitlines() if line.strip()][:_LINES_SNIFFED]
    items = read_list("\n".join(lines)).items  # as a list's items: numbers and wrapped lines read
    return sum(1 for item in items if looks_like_reference(item.text)) < len(templates)


_LINES_SNIFFED = 400  # lines outside the templates the sniffer reads


def _describe(text: str, queries: Sequence[Query]) -> str:
    return (
        f"read as citation templates: {len(queries)} (Wikipedia's cite/citation, SPIP's cite); "
        "the text around them is left out"
    )


READER = Reader(
    name="wikitext",
    description="citation templates in wikitext ({{cite journal |…}}, {{citation |…}}) or SPIP's <cite|…>: "
    "title, authors, year, venue, DOI, arXiv id, each named",
    read=read_templates,
    sniff=sniff_templates,
    describe=_describe,
)
