"""dblp records: a stored index row or a search hit → `DblpRecord` → published `Reference`.

The one place any dblp record (from the dump, `bibnorm.resolvers._dblp_dump`, or from the
search API, `bibnorm.resolvers.dblp`) becomes a `Reference` (STYLE.md: wire formats are
converted at the edge).

Rows keep what a `Reference` needs, as JSON (`RECORD_FIELDS`, `PROCEEDINGS_FIELDS`); a
paper's proceedings are joined when it is read back, since the dump lists a volume anywhere
relative to its papers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import bibtexparser
from bibnorm.identifiers import canonical_doi, is_arxiv_doi
from bibnorm.models import EntryType, Identifiers, PartialDate, Reference
from bibnorm.resolvers._provenance import sourced_reference
from bibnorm.text.clean import clean_plain
from bibnorm.text.names import parse_name
from bibnorm.text.series import find_series, series_of_link
from bibnorm.text.venues import VenueKind, find_venue, tidy_venue

SOURCE = "dblp"
# The fields of a stored record and of stored proceedings, in order (JSON arrays).
RECORD_FIELDS = (
    "key", "kind", "title", "authors", "venue", "year", "volume", "number", "pages", "links", "crossref",
    "publtype",
)  # fmt: skip
PROCEEDINGS_FIELDS = ("key", "title", "venue", "publisher", "series", "volume", "editors", "year")

# (Both start where blanks start: a search does not walk a long run of blanks from each of them.)
_HOMONYM = re.compile(r"(?<!\s)\s+\d{4}$")
_WORKSHOP = re.compile(r"\bworkshops?\b|@", re.IGNORECASE)
_PAGES = re.compile(r"^\s*([^\s-]+)\s*-+\s*([^\s-]+)\s*$")
_AND = re.compile(r"(?<!\s)\s+and\s+")


# --- the record, whatever it came from ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proceedings:
    """A proceedings volume (``<proceedings>``) that papers point to with ``<crossref>``."""

    key: str
    title: str = ""  # dblp's full title: "…, CVPR 2016, Las Vegas, NV, USA, June 27-30, 2016"
    venue: str = ""  # dblp's short booktitle ("CVPR")
    publisher: str = ""
    series: str = ""
    volume: str = ""  # the volume of the series
    editors: tuple[str, ...] = ()
    year: str = ""


@dataclass(frozen=True, slots=True)
class DblpRecord:
    """One dblp publication record, from the dump or from a search hit.

    ``kind`` is the dump's element name ("article", "inproceedings", "incollection", "book";
    "other" for search hits of other types); ``venue`` is dblp's short booktitle or journal
    ("CVPR", "ECCV (12)", "IEEE Trans. Pattern Anal. Mach. Intell."); ``ee`` the first
    electronic edition that is not a DOI link; ``publtype`` the attribute's tokens.
    """

    key: str
    kind: str
    title: str
    authors: tuple[str, ...] = ()
    venue: str = ""
    year: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    doi: str | None = None
    ee: str | None = None
    publtype: frozenset[str] = frozenset()
    crossref: str | None = None
    proceedings: Proceedings | None = None

    @property
    def is_corr(self) -> bool:
        """dblp's record of an arXiv listing (CoRR): the preprint, not a publication."""
        return self.key.startswith("journals/corr/") or self.venue == "CoRR"

    @property
    def is_publication(self) -> bool:
        """A peer-reviewed paper in a journal or proceedings: never CoRR, informal or withdrawn."""
        return (
            self.kind in ("article", "inproceedings")
            and not self.is_corr
            and not self.publtype & {"informal", "withdrawn"}
        )


VolumeKey = tuple[str, str, str, str, str]


def volume_of(record: DblpRecord) -> VolumeKey | None:
    """What names the proceedings volume a conference paper's record belongs to, without its
    ``crossref`` (a search hit holds none): the key's stream (``conf/eccv``), dblp's short
    booktitle, which numbers the parts of a proceedings in several ("ECCV (12)"), the year, and
    the volume and number when the hit gives them. Papers with one volume key share their
    proceedings' editors, publisher and series; ``None`` when the record names too little."""
    stream, _, name = record.key.rpartition("/")
    if not (stream and name and record.venue and record.year):
        return None
    return (stream, record.venue, record.year, record.volume, record.number)


def author_names(record: DblpRecord) -> list[str]:
    """Author names as printed, homonym numbers ("Wei Liu 0002") removed."""
    return [_HOMONYM.sub("", name) for name in record.authors if name]


def _venue(text: str, entry_type: EntryType) -> str:
    """The printed venue: the table's name for dblp's short form, else dblp's own short spelling.

    A workshop held at a conference ("A-TEST@ESEC/SIGSOFT FSE", "CVPR Workshops") is never
    turned into the main conference; dblp's full proceedings title is never printed.
    """
    venue = find_venue(text)
    if venue is None or venue.kind is VenueKind.PREPRINT:
        return tidy_venue(text)
    if _WORKSHOP.search(text) and not _WORKSHOP.search(venue.name):
        return tidy_venue(text)
    if (venue.kind is VenueKind.JOURNAL) != (entry_type == "article"):
        return tidy_venue(text)
    return venue.name


def _pages(text: str) -> str | None:
    if not text:
        return None
    match = _PAGES.match(text)
    return f"{match.group(1)}--{match.group(2)}" if match else text


def _series(record: DblpRecord) -> tuple[str | None, str | None, str | None]:
    """(series, its volume, publisher) of a conference paper: its proceedings' when the record
    names them, else what its electronic edition's link says (PMLR, CEUR)."""
    proceedings = record.proceedings
    if proceedings is not None and proceedings.series:
        known = find_series(proceedings.series)
        name = known.name if known else tidy_venue(proceedings.series)
        publisher = known.publisher if known else proceedings.publisher
        return name, proceedings.volume or None, publisher or None
    linked = series_of_link(record.ee)
    if linked is not None:
        series, volume = linked
        return series.name, volume, series.publisher
    publisher = proceedings.publisher if proceedings is not None else ""
    return None, None, publisher or None


def published_reference(record: DblpRecord) -> Reference | None:
    """The published version a record describes (``None`` for CoRR listings, informal and
    withdrawn records, books, chapters and theses); every filled field has provenance "dblp"."""
    if not record.is_publication:
        return None
    entry_type: EntryType = "inproceedings" if record.kind == "inproceedings" else "article"
    doi = record.doi
    values: dict[str, Any] = {
        "title": record.title.removesuffix("."),
        "authors": tuple(parse_name(name) for name in author_names(record)),
        "issued": PartialDate(year=int(record.year)) if record.year.isdigit() else None,
        "entry_type": entry_type,
        "venue": _venue(record.venue, entry_type) or None,
        "volume": record.volume or None,
        "number": record.number or None,
        "pages": _pages(record.pages),
        "ids": Identifiers(doi=None if is_arxiv_doi(doi) else doi, dblp=record.key or None),
    }
    if entry_type == "inproceedings":
        values |= _proceedings_fields(record, values["volume"])
    return sourced_reference(values, SOURCE)


def _proceedings_fields(record: DblpRecord, volume: str | None) -> dict[str, Any]:
    """A conference paper's series, publisher and volume (the series' when it has one) and its
    proceedings' editors."""
    series, series_volume, publisher = _series(record)
    fields: dict[str, Any] = {"series": series, "publisher": publisher, "volume": series_volume or volume}
    if record.proceedings is not None and record.proceedings.editors:
        editors = (_HOMONYM.sub("", name) for name in record.proceedings.editors)
        fields["editors"] = tuple(parse_name(name) for name in editors if name)
    return fields


# --- reading rows back ------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def record_from_body(body: list[Any], proceedings: Proceedings | None = None) -> DblpRecord:
    """The `DblpRecord` a stored body (`RECORD_FIELDS`) describes, with its proceedings if known."""
    key, kind, title, authors, venue, year, volume, number, pages, links, crossref, publtype = body
    links = [_clean(link) for link in links]
    dois = [found for link in links if "10." in link and (found := canonical_doi(link))]
    return DblpRecord(
        key=key,
        kind=kind,
        title=_clean(title),
        authors=tuple(_clean(name) for name in authors),
        venue=_clean(venue),
        year=year.strip(),
        volume=volume.strip(),
        number=number.strip(),
        pages=pages.strip(),
        doi=dois[0] if dois else None,
        ee=next((link for link in links if link and not ("10." in link and canonical_doi(link))), None),
        publtype=frozenset(publtype.split()),
        crossref=_clean(crossref) if crossref else None,
        proceedings=proceedings,
    )


def proceedings_from_body(body: list[Any]) -> Proceedings:
    """The `Proceedings` a stored body (`PROCEEDINGS_FIELDS`) describes."""
    key, title, venue, publisher, series, volume, editors, year = body
    return Proceedings(key, title, venue, publisher, series, volume, tuple(editors), year)


# --- a record's BibTeX export ----------------------------------------------------------


def proceedings_from_bib(text: str, key: str) -> Proceedings | None:
    """The proceedings of the paper ``key`` as dblp's BibTeX export of it gives them, or ``None``
    when the export holds no such paper or names neither editors nor publisher.

    The standard export (``rec/{key}.bib``) copies the proceedings' ``editor``, ``series``,
    ``volume`` (the series') and ``publisher`` into the paper's entry; the export with crossref
    names them in an ``@proceedings`` entry that the paper's ``crossref`` points to. Both are read.
    """
    entries = {entry.key: entry for entry in bibtexparser.parse_string(text).entries}
    paper = entries.get(f"DBLP:{key}")
    if paper is None:
        return None
    fields = _bib_fields(paper)
    parent = entries.get(fields.get("crossref", ""))
    if parent is not None and parent.entry_type.casefold() == "proceedings":
        fields = _bib_fields(parent) | {name: value for name, value in fields.items() if name != "title"}
    editors = tuple(name for name in _AND.split(fields.get("editor", "")) if name)
    if not editors and not fields.get("publisher"):
        return None
    return Proceedings(
        key=fields.get("crossref", "").removeprefix("DBLP:"),
        title=fields.get("booktitle") or fields.get("title", ""),
        publisher=fields.get("publisher", ""),
        series=fields.get("series", ""),
        volume=fields.get("volume", ""),
        editors=editors,
        year=fields.get("year", ""),
    )


def _bib_fields(entry: Any) -> dict[str, str]:
    """An entry's non-empty fields by lower-case name, TeX turned into plain text ("{\\\"{o}}" → "ö")."""
    fields = {field.key.casefold(): clean_plain(str(field.value)).text for field in entry.fields}
    return {name: value for name, value in fields.items() if value}
