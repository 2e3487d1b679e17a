"""``.bbl`` files: the bibliography bibtex or biber wrote for a LaTeX document.

- bibtex (plain, abbrv, unsrt, alpha, plainnat, IEEEtran, splncs04 …): one
  ``\\bibitem[label]{key}`` block per reference; ``\\newblock`` separates the author,
  title and venue sentences. The block is turned into text (LaTeX accents and macros
  rendered) and read like a reference string (`refs.parse_reference`), with the
  ``\\newblock`` boundaries as sentence ends — so an IEEE quoted title, an arXiv id
  or a DOI printed in the block are found the same way. REVTeX's apsrev4-1/4-2 mark each field
  (``\\bibinfo {title} {…}``): those items take their fields from the markup
  (`_bbl_bibinfo`), and no title where Physical Review Letters prints none.
- amsrefs (amsra, amsrn …): ``\\bib{key}{type}{author={…}, title={…}, …}``, each field by name
  (`_bbl_amsrefs`).
- biber (biblatex): ``\\entry{key}{type}{}`` … ``\\endentry`` with ``\\field{title}{…}``,
  ``\\field{year}{…}`` (or ``\\field{date}``), ``family={…}`` names and ``\\verb{eprint}`` /
  ``\\verb{doi}`` or ``\\field{eprint}``.

The entry key becomes the query's key, so the written ``.bib`` keeps the draft's keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from bibnorm.identifiers import canonical_doi, parse_arxiv_id
from bibnorm.io import LineCounter
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers._bbl_amsrefs import items as amsrefs_items
from bibnorm.readers._bbl_amsrefs import looks_like_amsrefs
from bibnorm.readers._bbl_apacite import ApaciteItem, read_apacite
from bibnorm.readers._bbl_astro import (
    MnrasLinks,
    journal_class,
    journals_as_printed,
    mnras_links,
    written_by_mnras,
)
from bibnorm.readers._bbl_bibinfo import BibinfoItem, braced, read_bibinfo
from bibnorm.readers._bbl_biblatex import BblEntry, entries
from bibnorm.readers._bbl_blocks import (
    BLOCK,
    BlockReading,
    Segment,
    joined_segments,
    mark_groups,
    read_segments,
)
from bibnorm.readers._field_choice import FITS, ChosenFields, ListFit, RuleReading, choose_fields, list_fit
from bibnorm.readers.base import Reader
from bibnorm.readers.refs import ParsedReference, _name_words, parse_reference, person_names
from bibnorm.readers.tagger import NAME_LABELS, TaggedReference, TaggedTogether
from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.titles import KIND_OF_WORK_CODE, plain_text, without_kind_of_work
from bibnorm.text.word_tables import alternation, name_list_conjunctions

# A "\\bibitem" and its head: the optional label and the key are found by `_bibitem_heads`, which
# counts the label's braces ("[{{Gaia Collaboration} {et~al.}(2016){Gaia Collaboration}, …}]":
# AASTeX's natbib label names every author, over lines, some 8,000 characters).
_BIBITEM = re.compile(r"\\bibitem(?![A-Za-z@])\s*+")
# what a label's scan stops at: a group's braces, an inner bracket, an escaped character
_LABEL_MARK = re.compile(r"[{}\[\]\\]")
# Keys never hold a backslash: stopping there keeps a run of unclosed "\\bibitem{" linear.
# (The blanks before the key read once, TeX comments that end a line among them: "]%".)
_KEY = re.compile(r"(?:\s|%[^\n]*+\n)*+\{([^}\\]*)\}")
# harvard's item: "\\harvarditem[short]{long names}{year}{key}" (agsm, dcu, econ, kluwer …)
_BRACED = r"\{(?:[^{}]|\{[^{}]*\})*+\}"  # a group, one level of groups within ("{\\uppercase{{}Name}}")
_GAP = r"(?:\s|%[^\n]*+\n)*+"  # blanks, and TeX comments that end a line ("]%")
_HARVARDITEM = re.compile(
    rf"\\harvarditem{_GAP}(?:\[(?:[^\[\]{{}}]|{_BRACED}){{0,1000}}\]{_GAP})?\{{((?:[^{{}}]|{_BRACED}){{0,4000}})\}}"
    rf"{_GAP}\{{((?:[^{{}}]|{_BRACED}){{0,100}})\}}{_GAP}\{{([^}}\\]*)\}}"
)
_HARVARD = re.compile(
    r"\\(harvardand|harvardyearleft|harvardyearright|harvardurl|bysame|btxauthorcolon)(?![A-Za-z])\\?\s*"
)
_HARVARD_WORDS = {
    "btxauthorcolon": ":" + BLOCK,  # babelbib's colon after the names ends the first sentence
    "harvardand": "and ",
    "harvardyearleft": "(",
    "harvardyearright": ")",
    "harvardurl": "",
    "bysame": "",
}
# IEEEtran's space between a book's title and its publisher (the "\\newblock" it defines)
_SPACING = re.compile(r"\\hskip\s*+1em\s*+plus\s*+0\.5em\s*+minus\s*+0\.4em\s*+(?:\\relax)?")
_NUMBERS = frozenset({"volume", "issue", "pages"})
_NOT_TITLE = NAME_LABELS | _NUMBERS | {"container", "date", "other"}
# what follows a title: its venue, numbers, publisher, place, links (not names, not more title)
_AFTER_TITLE = frozenset(
    {"container", "volume", "issue", "pages", "date", "other", "publisher", "place", "note", "edition", "url",
     "doi", "isbn"}
)  # fmt: skip
_DASHES = re.compile(r"[-—–_]{2,}+")
_SURE = 0.5
_ITALIC_LETTER = re.compile(r"\{\\em\s*+([a-z])\}")  # harvard's "1991{\\em a}": a year's letter
_FAMILY_INITIALS = re.compile(rf"(\w[\w'’-]*+(?: \w[\w'’-]*+){{0,3}}?) ({LATIN_CAPITAL}{{1,3}})")
# between the names of a label: "Müller und Schmidt", "Dupont et Curie" (not "et al.")
_NAME_SEPARATOR = re.compile(rf"[,&]|\b{alternation(name_list_conjunctions())}\b(?!\s*al\b)")
_CHANGE_CASE = re.compile(r"\\btxifchangecase\s*+\{")
_END = re.compile(r"\\end\{thebibliography\}")
_NEWBLOCK = re.compile(r"\\newblock\b")
_NOISE = re.compile(
    r"\\(?:BIBentryALTinterwordspacing|BIBentrySTDinterwordspacing|BIBentryALTinterwordstretchfactor"
    r"|providecommand|natexlab\{[^}]*\}|bibinfo\{[^}]*\}|bibfield\{[^}]*\}"
    r"|kern\s*+-?[\d.]++(?:em|pt|ex)|UseExtraLabel\{\}|nmbibLink\{[^{}]*\}\{[^{}]*\}|bibref\{[^{}]*\}"
    # an index's entries for the names (xagsm, xplain): no printed text
    r"|authorindexentries\{[^{}]*\}\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*+\})*+\}"
    # abnTeX2's citation data before the item: "\\abntrefinfo{{Name}}{{NAME}}{2013}"
    r"|abntrefinfo\{(?:[^{}]|\{[^{}]*\})*+\}\{(?:[^{}]|\{[^{}]*\})*+\}\{[^{}]*\}"
    # apacitex's author index entry: "\\AX{hünniger  d@{Hünniger}, D.}"
    r"|AX\{(?:[^{}]|\{[^{}]*\})*+\})"
)
# What prints nothing and no space: a break's or a penalty's command (gbt7714.bst's
# "Title\allowbreak[J].", "19\penalty0 (1)"), GB/T 7714's type of work after a title, "[J]"
# an article, "[M]" a book, "[EB/OL]" online: the title ends where the page's does ("Title.")
# — but after a number, which the mark tells from a year after the names ("Germany, 1820–1860[J].
# Printing History, 2009(5)": `refs._year_after_names`; the title drops it, `_proceedings_apart`); and
# the braces Google Scholar's exports write around a word ("{\{}USENIX{\}}", which bibtex sets
# as "$\{$USENIX$\}$"): no part of the name.
_ZERO_WIDTH = re.compile(
    rf"\\(?:allowbreak|penalty\d*)\b|(?<=[^\s\\\d]){KIND_OF_WORK_CODE}\](?=[.\s]|$)|\$\\[{{}}]\$"
)
# GB/T 7714's paper in proceedings, whose block goes on from the title to the proceedings'
# name: "Title[C]//ACM SIGMOD International Conference on Management of Data."
_CONTAINER_AFTER_CODE = re.compile(rf"{KIND_OF_WORK_CODE}\]//")
_URL = re.compile(r"\\(?:url|href)\{([^}]*)\}")
_COMMENT = re.compile(r"%[^\n]*\n\s*|\s+")  # "{%\nkey}": a TeX comment's line end before the key
# A line BibTeX broke where it had no blank to break at, a comment's "%" before the line end
# ("\url{https://doi.org/10.1000/a.long.suffix.withou%\nt.spaces}"): TeX prints the two lines as
# one, the "%", the line end and the next line's blanks gone, inside a link as outside it (a
# percent-encoded "%20" of a link, an escaped "\%" print as they are)
_LINE_BROKEN_BY_A_COMMENT = re.compile(r"(?<!\\)%\r?\n[ \t]*+")


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


def _read_structured(text: str, path: str, items: Iterable[BblEntry]) -> list[Query]:
    """One `Query` per item of a `.bbl` whose items name their fields (biber's ``\\entry``,
    amsrefs' ``\\bib``)."""
    queries: list[Query] = []
    line_of = LineCounter(text)
    for item in items:
        arxiv = parse_arxiv_id(item.eprint) if item.eprint else None
        queries.append(
            _query(
                len(queries), path, line_of(item.offset), item.key, item.title, item.families, item.year,
                arxiv.id if arxiv else None, canonical_doi(item.doi) if item.doi else None,
                item.title or item.key, authors=item.authors, venue=item.venue,
                entry_type=item.entry_type,
            )
        )  # fmt: skip
    return queries


def _items(body: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end of its head, key, names its label gives) of each ``\\bibitem`` and
    ``\\harvarditem`` of ``body``, in order."""
    found: list[tuple[int, int, str, tuple[str, ...]]] = [
        (start, end, key, _label_names(label)) for start, end, label, key in _bibitem_heads(body)
    ]
    found += [
        (m.start(), m.end(), m.group(3), _label_names(m.group(1) + "()")) for m in _HARVARDITEM.finditer(body)
    ]
    return sorted(found, key=lambda item: item[0])


def _bibitem_heads(body: str) -> list[tuple[int, int, str | None, str]]:
    """(start, end, optional label, key) of each ``\\bibitem[label]{key}`` of ``body``. A label's scan
    stops at the next ``\\bibitem`` (no label holds one), so the whole body is read once."""
    starts = list(_BIBITEM.finditer(body))
    heads = []
    for number, start in enumerate(starts):
        limit = starts[number + 1].start() if number + 1 < len(starts) else len(body)
        label_end = _label_end(body, start.end(), limit) if body.startswith("[", start.end()) else start.end()
        key = _KEY.match(body, label_end, limit) if label_end is not None else None
        if key is not None and label_end is not None:
            label = body[start.end() + 1 : label_end - 1] if label_end > start.end() else None
            heads.append((start.start(), key.end(), label, key.group(1)))
    return heads


def _label_end(body: str, opening: int, limit: int) -> int | None:
    """Where the optional label opened at ``body[opening]`` ("[") ends (after its "]"): the first
    "]" outside the label's groups and inner brackets ("[{[1]}]", "[{Name {et~al.}(2016)}]");
    none where it does not end before ``limit``."""
    braces = brackets = 0
    position = opening + 1
    while (mark := _LABEL_MARK.search(body, position, limit)) is not None:
        position = mark.end() + (mark.group() == "\\")  # an escaped character is text ("\\{")
        if mark.group() in "{}":
            braces += 1 if mark.group() == "{" else -1
        elif braces <= 0 and mark.group() == "[":
            brackets += 1
        elif braces <= 0 and mark.group() == "]":
            if not brackets:
                return mark.end()
            brackets -= 1
    return None


def _label_names(label: str | None) -> tuple[str, ...]:
    """The family names an author-year label gives: natbib's "{Vaswani et~al.(2017)Vaswani,
    Shazeer, and Polosukhin}" (the long list after the year, else the short one before it),
    harvard's long list; none from a label with no year in parentheses ("[Knu84]", "[12]")."""
    if not label or "(" not in label:
        return ()
    before, _, after = plain_text(label.replace("\\harvardand", " and ")).partition("(")
    names = after.partition(")")[2] or before
    return tuple(
        name
        for part in _NAME_SEPARATOR.split(names.strip(" {}"))
        if (name := part.strip(" {}.")) and not re.fullmatch(r"et\s*al|others|[\d\W]*", name)
    )


def _second_of_two(block: str) -> str:
    """babelbib's ``\\btxifchangecase {lower-cased}{as given}`` as the title is given."""
    out, position = [], 0
    while (macro := _CHANGE_CASE.search(block, position)) is not None:
        first = braced(block, macro.end())
        after = macro.end() + len(first) + 1 if first is not None else -1
        after += len(block[after:]) - len(block[after:].lstrip()) if after > 0 else 0
        second = braced(block, after + 1) if after > 0 and block.startswith("{", after) else None
        if second is None:
            break
        out += [block[position : macro.start()], "{", second, "}"]
        position = after + len(second) + 2
    return "".join(out) + block[position:]


def _rendered(block: str) -> str:
    """An item's text with its printing macros rendered or dropped, ``\\newblock`` as `BLOCK`."""
    block = _URL.sub(lambda m: f" {m.group(1)} ", _NOISE.sub(" ", _ZERO_WIDTH.sub("", block)))
    block = _second_of_two(block)
    block = _ITALIC_LETTER.sub(r"\1", block)
    block = _HARVARD.sub(lambda m: _HARVARD_WORDS[m.group(1)], _SPACING.sub(BLOCK, block))
    return _NEWBLOCK.sub(BLOCK, block)


class _Prepared(NamedTuple):
    """One ``\\bibitem`` read as far as it is before the tagger's reading (`_prepared`)."""

    joined: str  # the item as one reference string, as the page prints it
    segments: list[Segment]
    parsed: ParsedReference  # the rules' reading of ``joined``
    fielded: BibinfoItem | None  # REVTeX's field markup
    apacite: ApaciteItem | None
    venue: str | None  # a journal's macro's

    @property
    def by_sentences(self) -> bool:
        """Whether its fields are read from its sentences (`_by_structure`), with the tagger."""
        return self.fielded is None and not self.apacite


def _prepared(item: str, *, mnras: bool, journals_of: str) -> _Prepared:
    """The text of one ``\\bibitem`` (after its head) as the page prints it and the rules'
    reading of it, and its REVTeX or apacite field markup (``mnras``: the ``.bbl`` was written by
    mnras.bst, whose link macros are rendered first; journals' macros are rendered as the class
    ``journals_of`` prints them, the first the item's venue)."""
    item = _LINE_BROKEN_BY_A_COMMENT.sub("", item)
    links = mnras_links(item) if mnras else MnrasLinks(item, None)
    journals = journals_as_printed(links.text, journals_of)
    apacite = read_apacite(journals.text)
    fielded = read_bibinfo(apacite.text if apacite else journals.text)
    source = fielded.text if fielded else apacite.text if apacite else journals.text
    joined, segments = joined_segments(mark_groups(_rendered(source)))
    parsed = parse_reference(joined)
    if links.doi:  # the DOI mnras.bst links the venue to: the page prints none
        parsed = parsed._replace(doi=canonical_doi(links.doi) or parsed.doi)
    return _Prepared(joined, segments, parsed, fielded, apacite, journals.venue)


def _read_item(
    item: _Prepared, tag: TaggedTogether, fit: ListFit = FITS
) -> tuple[str, ParsedReference, tuple[str | None, str | None] | None]:
    """One item's text as the page prints it, its reading, and where its sentences were read
    (`_by_structure`, with the tagger's reading, ``tag``) the title as the rules read it and as
    the choice kept it (for `_field_choice.list_fit`): from REVTeX's or apacite's field markup
    where the item has it, else from its sentences (``fit``: how well the rules fit the list's
    style)."""
    titles = None
    if item.fielded is not None:
        reading = item.fielded.over(item.parsed)
    elif item.apacite:
        reading = item.parsed._replace(title=item.apacite.title or item.parsed.title, year=item.apacite.year)
    else:
        reading, kept = _by_structure(item.joined, item.segments, item.parsed, tag(item.joined), fit)
        titles = (item.parsed.title, kept)
    # a journal's macro stands for the .bib's journal: the venue, whatever the reading took for it
    # ("ApJ, 806, 51" of a style that prints no title reads as numbers alone)
    return item.joined, reading._replace(venue=item.venue) if item.venue else reading, titles


def _read_items(texts: list[str], *, mnras: bool, journals_of: str) -> list[tuple[str, ParsedReference]]:
    """Each item's text as printed and its reading (`_read_item`), the items read from their
    sentences tagged together, once (`TaggedTogether`). The list is typeset in one style: where
    the rules do not fit it (`_field_choice.list_fit`, of the titles read item by item), it is
    read again, each item knowing it."""
    prepared = [_prepared(item, mnras=mnras, journals_of=journals_of) for item in texts]
    tag = TaggedTogether(item.joined for item in prepared if item.by_sentences)
    read = [_read_item(item, tag) for item in prepared]
    fit = list_fit([titles for *_, titles in read if titles])
    if fit.doubted:
        read = [_read_item(item, tag, fit) for item in prepared]
    return [(joined, parsed) for joined, parsed, _ in read]


def _read_bibtex(text: str, path: str) -> list[Query]:
    end = _END.search(text)
    body = text[: end.start()] if end else text
    items = _items(body)
    queries: list[Query] = []
    line_of = LineCounter(text)
    texts = [
        body[head_end : items[number + 1][0] if number + 1 < len(items) else len(body)]
        for number, (_, head_end, *_) in enumerate(items)
    ]
    read = _read_items(texts, mnras=written_by_mnras(body), journals_of=journal_class(body))
    for (start, _, key, label_names), (joined, parsed) in zip(items, read, strict=True):
        if len(parsed.authors) == 1 and _DASHES.fullmatch(parsed.authors[0]) and queries:
            # IEEEtran's \\bysame ("------"): the previous item's names
            parsed = parsed._replace(authors=queries[-1].authors, author_names=queries[-1].author_names)
        if not parsed.authors and label_names:  # names the reading missed ("Anonymous (1989) …")
            parsed = parsed._replace(authors=label_names, author_names=_name_words(" ".join(label_names)))
        queries.append(
            _query(
                len(queries), path, line_of(start), _COMMENT.sub("", key), parsed.title,
                parsed.author_names, parsed.year, parsed.arxiv, parsed.doi, joined,
                authors=parsed.authors, venue=parsed.venue, printed=True,
            )
        )  # fmt: skip
    return queries


def _without_names(tagged: TaggedReference, title: str | None) -> str | None:
    """The tagger's title where the reading of the string ran on into the venue ("Converting
    Wikipedia articles to, TUGboat, 34"): the tagger reads the words after its own title as a
    venue and its numbers, sure of them, and none before it."""
    own = tagged.title
    if not title or not own or own == title or own not in title:
        return title
    start = title.index(own)
    before, lowest_before = tagged.labels_of(title[:start]) if start else (set(), 1.0)
    rest = title[start + len(own) :]
    after, lowest_after = tagged.labels_of(rest) if rest.strip(" .,;:") else (set(), 1.0)
    if min(lowest_before, lowest_after) < _SURE or before:
        return title
    # a venue, a publisher or a place after it: not a number alone ("… for area V4" of a title)
    if after and not (after & {"container", "publisher", "place"} and after <= _AFTER_TITLE):
        return title
    return own


def _venue_line(tagged: TaggedReference, title: str, names_read: bool, alone: bool) -> bool:
    """Whether the tagger reads ``title`` as what a style that prints no title prints in its
    place, sure of every token: a venue with its numbers ("TUGboat 2016, 37, 53--57"), names and
    a venue where the rules read no names ("D. Hünniger, TUGboat, 2013"), or the item's only
    venue, or it and a year ("Hünniger D., TUGboat, 2013, 34, 124--124"; "TUGboat 2013") — not
    where it is a sentence of its own (``alone``: a book's italic title, "\\newblock {\\em Learning
    Spark}.", reads like a venue)."""
    labels, lowest = tagged.labels_of(title)
    if "title" in labels or not labels <= _NOT_TITLE or lowest < _SURE:
        return False
    only_venue = (
        not alone
        and "container" in labels
        and labels <= {"container", "date"}
        and sum(run.label == "container" for run in tagged.fields) == 1
    )
    # names where the rules read none, with a venue or a date, or given and family names ("Chen W.,
    # Lin C."): a lone family-like word is a name of a work as well ("Apache_Storm")
    names_and_venue = not names_read and (
        (bool(labels & NAME_LABELS) and bool(labels & {"container", "date"})) or {"family", "given"} <= labels
    )
    return bool(labels & _NUMBERS) or names_and_venue or only_venue


def _inverted(name: str) -> str:
    """ "Hünniger D" (Vancouver's family name, then initials with no comma nor full stop) as
    "Hünniger, D.", the form a reader of names takes family-first; any other name as it is."""
    found = _FAMILY_INITIALS.fullmatch(name)
    if found is None:
        return name
    return f"{found.group(1)}, {' '.join(letter + '.' for letter in found.group(2))}"


def _by_structure(
    joined: str,
    segments: list[Segment],
    parsed: ParsedReference,
    tagged: TaggedReference,
    fit: ListFit = FITS,
) -> tuple[ParsedReference, str | None]:
    """``parsed`` (the item read as a reference string) with the fields its segments give (see
    `_bbl_blocks`), and where they give none, the tagger's (``tagged``, with the marginals
    `choose_fields` weighs) where `choose_fields` prefers it. Also the title `choose_fields` kept
    (``fit``: how well the rules fit the list's style)."""
    structure = read_segments(joined, segments, tagged, parsed.title, bool(parsed.authors))
    rules = RuleReading(parsed.title, parsed.authors, parsed.year, parsed.venue)
    # where the segments give the title, the names and the venue, the rules' year is all that is left
    all_given = structure.title and structure.names and structure.venue
    chosen: RuleReading | ChosenFields = rules if all_given else choose_fields(rules, tagged, fit=fit)
    title = structure.title or _without_names(tagged, chosen.title)
    title, proceedings = _proceedings_apart(title)
    if (
        title
        and (title == parsed.title or not structure.title)
        and _venue_line(tagged, title, bool(parsed.authors), alone=title == structure.title)
    ):
        title = None  # a style that prints no title: its venue line read for one
    authors = _authors(structure, chosen.authors, tagged, parsed.title)
    if (opening := _opening_title(joined, segments, parsed)) is not None:
        title, authors = opening, ()
    elif _unnamed(joined, segments):
        authors = ()
    reading = parsed._replace(
        title=title,
        authors=authors,
        author_names=parsed.author_names if authors == parsed.authors else _name_words(" ".join(authors)),
        year=chosen.year,
        venue=structure.venue or proceedings or chosen.venue or _venue_kept(parsed.venue, title),
    )
    return reading, chosen.title


def _proceedings_apart(title: str | None) -> tuple[str | None, str | None]:
    """The title without the proceedings GB/T 7714 prints in its block after the kind of work's
    code and "//", and the proceedings' name ("Pig latin: …[C]//ACM SIGMOD International
    Conference on Management of Data." → "Pig latin: …", "ACM SIGMOD International Conference on
    Management of Data")."""
    container = _CONTAINER_AFTER_CODE.search(title or "")
    if title is None or container is None or container.start() == 0:
        # (a mark after a title's number is left in the text: "Germany, 1820–1860[J]." ends the
        # title, not an author-year style's names and year, `_ZERO_WIDTH`)
        return (without_kind_of_work(title) or None) if title else title, None
    return title[: container.start()].rstrip(), title[container.end() :].strip(" .") or None


def _opening_title(joined: str, segments: list[Segment], parsed: ParsedReference) -> str | None:
    """The font group an item opens with, where the rules' title begins with it and any names they
    read lie inside it: the title, all of it and no more, and no names before it. BMC's styles set a work
    without authors as its bold title alone, or with its address after it
    ("\\textbf{Illumina BaseSpace:}\\urlprefix\\url{[http://…]}."): the tagger reads the title's
    capitalised words as names ("Flexiscale Cloud") and the rules run the title into the address
    ("Illumina BaseSpace: [") or read its words as a body's name too ("DNANexus Inc.:")."""
    if not parsed.title or not segments or not segments[0].group or segments[0].start:
        return None
    group = joined[segments[0].start : segments[0].end].strip(" .,;:")
    named_inside = all(name in group for name in parsed.authors)  # no names before the title
    return group if group and named_inside and parsed.title.startswith(group) else None


def _unnamed(joined: str, segments: list[Segment]) -> bool:
    """Whether the item's first sentence, of two or more, holds no letter: the empty name list a
    style prints for a work without authors (the Eurographics style's ":" before a web page's
    italic title), which the tagger would fill with the title's words."""
    first = [segment for segment in segments if segment.block == segments[0].block] if segments else []
    return 0 < len(first) < len(segments) and _LETTER.search(joined, first[0].start, first[-1].end) is None


_LETTER = re.compile(r"[^\W\d_]")


def _venue_kept(read: str | None, title: str | None) -> str | None:
    """The rules' venue where neither the item's segments nor the tagger give one, in an item read
    with no title: a style that prints no article title prints its venue after the names and the
    year (mnras.bst's "Alonso D., et al., 2015, ApJ, 814, 145"), and the venue the rules read there
    is what the style printed, whatever the tagger, which knows few journals' abbreviations, labels
    it. Not in an item with a title: the rules read a book's place or publisher as its venue."""
    return read if title is None else None


def _authors(
    structure: BlockReading, chosen: tuple[str, ...], tagged: TaggedReference, rules_title: str | None
) -> tuple[str, ...]:
    """The item's names, each family-first: its first sentence where that is the author list,
    else those `choose_fields` chose, else the tagger's — unless the rules' title is the first
    sentence ("Apache\\_Storm. \\newblock https://storm.apache.org/, 2015.")."""
    if structure.names:
        authors = person_names(structure.names)
    elif chosen:
        authors = chosen
    elif rules_title and structure.first == rules_title:
        authors = ()
    else:
        authors = tagged.written_authors()
    return tuple(_inverted(name) for name in authors)


def read_bbl(text: str, path: str) -> list[Query]:
    """One `Query` per bibliography item: biber's, amsrefs' or bibtex's."""
    if "\\entry{" in text:
        return _read_structured(text, path, entries(text))
    if looks_like_amsrefs(text):
        return _read_structured(text, path, amsrefs_items(text))
    return _read_bibtex(text, path)


def looks_like_bbl(text: str) -> bool:
    return (
        "\\begin{thebibliography}" in text
        or ("\\entry{" in text and "\\endentry" in text)
        or looks_like_amsrefs(text)
    )


READER = Reader(
    name="bbl",
    description="a .bbl bibliography written by bibtex (\\bibitem, amsrefs' \\bib) or biber (\\entry)",
    read=read_bbl,
    suffixes=(".bbl",),
    sniff=looks_like_bbl,
)
