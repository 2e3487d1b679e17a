"""What every input reader is: a name, the file suffixes it claims, a parser and a sniffer.

Readers are pure functions of the text and the path as the user gave it; reading the
file (or stdin) happens once, in `bibnorm.readers.read_inputs`. Each reader numbers
its queries from 0 within its file; `read_inputs` renumbers them across all files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from bibnorm.bib.shown_ids import holds_only
from bibnorm.errors import InputError
from bibnorm.identifiers import ArxivId, canonical_doi, is_arxiv_doi, parse_arxiv_id
from bibnorm.models import EntryType, Identifiers, PartialDate, Person, Query, Reference, UserFields
from bibnorm.text.clean import clean_reference
from bibnorm.text.venues import is_preprint_venue, names_preprint_server
from bibnorm.text.word_tables import item_types

ReadFunction = Callable[[str, str], list[Query]]
"""``read(text, path) -> queries``: ``path`` is only used for `Origin` and messages."""

SniffFunction = Callable[[str], bool]
"""``sniff(text) -> bool``: true when the text is in this reader's format."""

DescribeFunction = Callable[[str, Sequence[Query]], str | None]
"""``describe(text, queries) -> line``: how the text was read and why, for the run's summary."""

ReadBinaryFunction = Callable[[bytes, str], tuple[list[Query], str]]
"""``read(data, path) -> (queries, how it was read)``, for a format that is not text (PDF)."""

URL_PATTERN = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Reader:
    """One input format.

    ``suffixes`` are lower-case file suffixes (with the dot) that select this reader
    without looking at the content; ``sniff`` recognises the format from the text,
    for files whose suffix says nothing (``.txt``, stdin). ``describe``, when given, says
    in one line how a text was read (a detection the user should hear about).

    A binary format gives ``read_binary`` and the ``magic`` bytes its files start with;
    its ``read`` is then never called with text.
    """

    name: str
    description: str
    read: ReadFunction
    suffixes: tuple[str, ...] = ()
    sniff: SniffFunction | None = None
    describe: DescribeFunction | None = None
    read_binary: ReadBinaryFunction | None = None
    magic: bytes = b""


MAX_ITEM = 1_000_000
"""Characters one title, abstract or line of a list may have (a real abstract has about 2,000;
the longest, 10,000): a longer one stops the run with one line naming where it is. Matching
works on the whole text, and a single 100 MB "title" cost 3.2 GB before anything was looked up."""


def oversized(name: str, line: int, length: int, what: str = "item") -> InputError:
    """The one-line refusal of an input item longer than `MAX_ITEM`."""
    return InputError(
        f"{name}:{line}: {what} of {length:,} characters, more than the {MAX_ITEM:,} bibnorm reads "
        "as one title or field; nothing was looked up"
    )


@dataclass(frozen=True)
class Publication:
    """Where an input's own record says its work was published: its journal or proceedings and
    their numbers, as the input writes them."""

    venue: str | None
    year: int | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None


def published_version(
    entry_type: str | None, title: str | None, doi: str | None, publication: Publication
) -> Reference | None:
    """The publication an input's article or proceedings paper names (its journal or
    proceedings, not a preprint server's: Google Scholar's "arXiv preprint arXiv:…" is none), as
    a `Reference`: `Query.published`, which the pipeline keeps where no source knows the
    published version. ``entry_type`` is the BibTeX type the input's own type maps to."""
    venue = publication.venue
    if not title or not venue:
        return None
    if entry_type == "article":
        kind: EntryType = "article"
    elif entry_type == "inproceedings":
        kind = "inproceedings"
    else:
        return None
    if is_preprint_venue(venue) or names_preprint_server(venue):
        return None
    return Reference(
        title=title,
        entry_type=kind,
        venue=venue,
        issued=PartialDate(year=publication.year) if publication.year else None,
        ids=Identifiers(doi=doi if doi and not is_arxiv_doi(doi) else None),
        volume=publication.volume,
        number=publication.number,
        pages=publication.pages,
        publisher=publication.publisher,
    )


@dataclass(frozen=True)
class OwnRecord:
    """What a user's own record (a .bib entry, a CSL-JSON item, a RIS record, a Zotero item)
    says of its work, field by field as its reader found them, plain text; the kind is the
    BibTeX type its own type maps to (``"incollection"``, ``"phdthesis"``)."""

    entry_type: str | None
    title: str | None
    own_type: str | None = None  # the type as the export names it ("article-magazine", "MGZN")
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    translators: tuple[Person, ...] = ()
    year: int | None = None
    month: int | None = None
    venue: str | None = None  # a journal, proceedings, or the book a chapter is in
    volume: str | None = None
    number: str | None = None  # an issue, or a report's number
    pages: str | None = None
    publisher: str | None = None  # or a thesis's school, a report's institution
    address: str | None = None
    series: str | None = None
    genre: str | None = None  # "PhD thesis", "Technical report"
    edition: str | None = None
    isbn: str | None = None
    doi: str | None = None
    arxiv: ArxivId | None = None
    url: str | None = None
    user_fields: UserFields | None = None

    def reference(self) -> Reference | None:
        """The record as a `Reference` of the kind its type names (`item-types.json`'s ``kinds``;
        others are ``misc``); a preprint server's name is no journal (an arXiv paper's record is a
        preprint, another's misc, the server where it appeared). None for a record without a
        title: nothing to write."""
        if not self.title:
            return None
        server = self._on_a_preprint_server()
        kind = self._kind(None if server else self.venue)
        venue = self.venue if kind == "misc" or not server else None  # where a misc work appeared
        doi = self.doi if self.doi and (kind == "preprint" or not is_arxiv_doi(self.doi)) else None
        given = {name: _composed(value) for name, value in self._fields(venue).items() if value}
        return clean_reference(
            Reference(
                title=self.title,
                entry_type=kind,
                ids=Identifiers(
                    arxiv_id=self.arxiv.id if self.arxiv else None,
                    arxiv_version=self.arxiv.version if self.arxiv else None,
                    doi=doi,
                ),
                issued=PartialDate(year=self.year, month=self.month) if self.year else None,
                provenance=dict.fromkeys(["title", "entry_type", *given], "input"),
                user_fields=self._user_fields(),
                **given,
            )
        )

    def _user_fields(self) -> UserFields | None:
        """The record's own fields, its note left out where it holds nothing but the record's
        DOI or arXiv id ("doi: X", as bibnorm's default BibTeX layout writes it): every writer
        prints those in fields of their own, and the note would print them twice."""
        fields = self.user_fields
        if fields is None or not fields.note:
            return fields
        note = without_data_lines(fields.note)
        if note and self._only_own_ids(note):
            note = None
        kept = fields.model_copy(update={"note": note})
        return kept if kept != UserFields() else None

    def _only_own_ids(self, text: str) -> bool:
        return holds_only(
            text, [i.casefold() for i in (self.doi, self.arxiv.id if self.arxiv else None) if i]
        )

    def _on_a_preprint_server(self) -> bool:
        venue = self.venue
        return bool(venue) and (is_preprint_venue(venue) or names_preprint_server(venue or ""))

    def _kind(self, venue: str | None) -> EntryType:
        """The kind its type names (its own type's, `item-types.json`'s ``own_kinds``, else its
        BibTeX type's); a work in a journal, proceedings or book that names none, and
        a misc one, is a preprint where it has an arXiv id (as the writers take such a record)."""
        types = item_types()
        named = types.own_kinds.get(self.own_type or "") or types.kinds.get(
            (self.entry_type or "").casefold()
        )
        kind = cast(EntryType, named or "misc")
        if (kind in ("article", "inproceedings", "chapter") and not venue) or kind == "misc":
            return "preprint" if self.arxiv is not None else "misc"
        return kind

    def _fields(self, venue: str | None) -> dict[str, Any]:
        return {
            "authors": self.authors,
            "editors": self.editors,
            "translators": self.translators,
            "venue": venue,
            "volume": self.volume,
            "number": self.number,
            "pages": self.pages,
            "publisher": self.publisher,
            "address": self.address,
            "series": self.series,
            "genre": self.genre or ("Master's thesis" if self.entry_type == "mastersthesis" else None),
            "edition": self.edition,
            "isbn": self.isbn,
            "url": self.url,
        }


def without_data_lines(note: str) -> str | None:
    """A note without the lines of data Zotero keeps in an item's Extra field, which its CSL-JSON
    export writes as the note and its BibTeX export as ``note``: Zotero reads "key: value" lines
    there as fields, and importers leave theirs ("PMID: 7235198", "OCLC: 988077969", CSL's
    "original-date: 1925", "_eprint: https://…", "Select: zotero://select/…", "Cairndomain:
    www.cairn.info", Better BibTeX's "Citation Key: …" and "tex.ids: …", Juris-M's "mlzsync1:…").
    A line is data when its key is one or two words with no space before the colon and either
    the key is no word of prose (capitals, a hyphen, an underscore or a dot in it) or the value is
    one word; so is a line of digits alone (Zotero's citation-count plug-ins keep "00012" there).
    "Note: see chapter 3", "Tome 11 : Articles I" and a bare link stay. None where nothing else
    is left."""
    kept = [line for line in note.splitlines() if not _a_data_line(line.strip())]
    return "\n".join(kept).strip() or None


def _a_data_line(line: str) -> bool:
    if line.casefold().startswith("mlzsync") or line.isdigit():  # (a plug-in's count of citations: "00012")
        return True
    key, colon, value = line.partition(": ")
    words = key.split()  # (a space before the colon is French prose: "Tome 11 : Articles I")
    if not colon or not value.strip() or not 1 <= len(words) <= 2 or key != key.rstrip():
        return False
    coded = key.isupper() or any(mark in key for mark in "_-.")
    return coded or len(value.split()) == 1


def user_fields(
    *,
    note: str | None = None,
    keywords: str | Sequence[str] = (),
    abstract: str | None = None,
    issn: str | None = None,
    accessed: PartialDate | None = None,
) -> UserFields | None:
    """The fields a user's record keeps of its own (`UserFields`), each trimmed and composed
    (NFC); ``keywords`` one per item or one text of them; None where it keeps none."""
    # one text of them: BibTeX's and biblatex's commas between them, or JabRef's semicolons
    words = keywords.replace(";", ",").split(",") if isinstance(keywords, str) else keywords
    fields = UserFields(
        note=_given(note),
        keywords=tuple(dict.fromkeys(filter(None, map(_given, words)))),
        abstract=_given(abstract),
        issn=_given(issn),
        accessed=accessed,
    )
    return fields if fields != UserFields() else None


def _given(text: str | None) -> str | None:
    """A record's text trimmed and composed (`_composed`); None for none or only spaces."""
    return _composed(text.strip()) or None if text else None


def _composed(value: Any) -> Any:
    """A record's text in Unicode's composed form (NFC): an export may write "è" as "e" and a
    combining grave, which LaTeX cannot typeset and no comparison finds equal (`clean_reference`
    composes the title, venue, publisher and people's names)."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def display_path(path: str) -> str:
    """How a path appears in messages: stdin (``-``) gets a readable name."""
    return "<stdin>" if path == "-" else path


def arxiv_doi_id(doi: str | None) -> ArxivId | None:
    """The arXiv id inside arXiv's own DataCite DOI (``10.48550/arXiv.2211.09119``), if it is one."""
    if doi and doi.startswith("10.48550/arXiv."):
        return parse_arxiv_id(doi.removeprefix("10.48550/arXiv."))
    return None


def identifier_of(text: str) -> tuple[ArxivId | None, str | None]:
    """The arXiv id and DOI ``text`` names, when it is nothing but one identifier.

    A DataCite arXiv DOI yields both: it names an arXiv paper exactly.
    """
    arxiv = parse_arxiv_id(text)
    if arxiv:
        return arxiv, None
    doi = canonical_doi(text)
    return arxiv_doi_id(doi), doi


_TAG_YEAR = r"(?:'\d{2}|(?:19|20)\d{2})"
_TAG_INSIDE = rf"[^\])]*?{_TAG_YEAR}[^\])]*"
# "[CVPR 2022] Title", "Title (NeurIPS'23)": brackets holding a year.
_BRACKETED_TAG = re.compile(
    rf"^\s*[\[(](?P<tag>{_TAG_INSIDE})[\])]\s*+(?:[:\-–—]\s*)?"
    rf"|(?<!\s)\s*[\[(](?P<tail>{_TAG_INSIDE})[\])]\s*\.?$"  # from a run of blanks' first
)
# "ICLR 2021: Title", "Title, CVPR 2022": only when the words name a known venue.
_VENUE_WORDS = r"[A-Za-z][\w&@ ]{1,20}?"
_PLAIN_TAG = re.compile(
    rf"^(?P<head>{_VENUE_WORDS})\s*{_TAG_YEAR}\s*[:\-–—]\s+"
    rf"|[,.\-–—]\s*(?P<tail>{_VENUE_WORDS})\s*{_TAG_YEAR}\s*\.?$"
)
_ARXIV_TAIL = re.compile(
    r"(?<![,.\s])[,.\s]*\b(?:arXiv(?: preprint)?|CoRR)\b(?:\s*+(?:abs/)?[\w./:]*)?\s*+\.?$", re.IGNORECASE
)
_YEAR_IN_TAG = re.compile(r"(?:19|20)\d{2}")
# A year a reading list sets alone after a title's comma or period ("Title, 2023.", "Title. (2023)")
_YEAR_AFTER = re.compile(r"[.,]\s*+\(?(?:19|20)\d\d\)?\.?$")


MAX_TAGGED_TITLE = 1000  # characters: longer lines are never searched for venue/year tags


def strip_title_tags(title: str) -> tuple[str, int | None]:
    """A title without the venue/year tags reading lists add, and the year a tag gave.

    "[CVPR 2022] Scaling Vision Transformers", "Scaling Vision Transformers (CVPR'22)",
    "Scaling Vision Transformers, CVPR 2022", "…, arXiv preprint" and a year alone after a comma
    or a period ("Scaling Vision Transformers, 2022.") all give the bare title. Unbracketed tags
    count only when they name a known venue, so "BERT: Pre-training of …" and "GPT-4 Technical
    Report" keep every word.
    """
    year: int | None = None
    text = title.strip()
    if len(text) > MAX_TAGGED_TITLE:
        # No reading list tags a title this long, and the tag patterns would take time
        # quadratic in its length (a 100 KB line of brackets: minutes).
        return " ".join(text.split()) or title, None
    for _ in range(3):
        stripped, year = _tags_off_once(text, year)
        if stripped == text:
            break
        text = stripped
    if (dated := _YEAR_AFTER.search(text)) is not None:  # "Title, 2023.": a year alone is a tag too
        text, year = text[: dated.start()], year or int(dated.group().strip(" .,()"))
    return " ".join(text.split()) or title, year


def _tags_off_once(text: str, year: int | None) -> tuple[str, int | None]:
    """``text`` without one bracketed tag, one plain tag naming a known venue and an arXiv tail,
    and ``year`` or, when it is None, the year a tag gave."""
    from bibnorm.text.venues import find_venue  # local: venues is a large table

    match = _BRACKETED_TAG.search(text)
    if match:
        tag = match.group("tag") or match.group("tail") or ""
        year = year or _year_of(tag)
        text = (text[: match.start()] + " " + text[match.end() :]).strip()
    match = _PLAIN_TAG.search(text)
    if match and find_venue(match.group("head") or match.group("tail") or "") is not None:
        year = year or _year_of(match.group())
        text = (text[: match.start()] + " " + text[match.end() :]).strip()
    return _ARXIV_TAIL.sub("", text).strip() or text, year


def _year_of(tag: str) -> int | None:
    found = _YEAR_IN_TAG.search(tag)
    if found:
        return int(found.group())
    short = re.search(r"'(\d{2})", tag)
    return 2000 + int(short.group(1)) if short else None
