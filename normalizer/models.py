"""The one typed currency of bibnorm.

Every stage passes these models: readers make `Query`s, resolvers make `Candidate`s,
matching makes `Resolution`s, writers read `Reference`s. All are frozen pydantic models
with ``extra="forbid"`` so a misspelt field is an error, not silent data loss.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# Pydantic gives every instance its own set of the field names it was given (200-700 bytes);
# a frozen instance never changes its set (a copy gets a copy of it), so instances given the
# same names can share one. Only the models a run keeps one of per input item do: the hook costs
# every construction a call, which the records' many small models (names, ids) would pay for nothing.
_FIELD_NAME_SETS: dict[frozenset[str], set[str]] = {}


class PerItem(Frozen):
    """A model a run holds one of per input item to its end (a million offline)."""

    def model_post_init(self, context: Any, /) -> None:
        given = self.__pydantic_fields_set__
        shared = _FIELD_NAME_SETS.setdefault(frozenset(given), given)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Person(Frozen):
    """A person name split the way BibTeX and CSL need it.

    ``literal`` is used for names that must never be split (collaborations,
    organisations); when it is set the other parts are empty.
    """

    given: str = ""
    family: str = ""
    particle: str = ""  # "van", "von", "de", "van der" ... (CSL non-dropping-particle)
    suffix: str = ""  # "Jr.", "III" ...
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    def display(self) -> str:
        """The name in natural "Given particle Family, Suffix" order, for humans."""
        if self.literal:
            return self.literal
        parts = [p for p in (self.given, self.particle, self.family) if p]
        text = " ".join(parts)
        return f"{text}, {self.suffix}" if self.suffix else text


class PartialDate(Frozen):
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """ISO 8601 with as much precision as known: ``2023``, ``2023-03``, ``2023-03-14``."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text


def latest_year(today: date) -> int:
    """The latest year a work may be dated: next year (a work in press may carry it); a later one
    is a slip, whatever prints or records it."""
    return today.year + 1


class Identifiers(Frozen):
    arxiv_id: str | None = None  # canonical, without version: "2211.09119", "hep-th/9901001"
    arxiv_version: int | None = None  # the version the record describes, when known
    doi: str | None = None  # canonical lower-case-prefix DOI without resolver URL
    s2_paper_id: str | None = None
    corpus_id: int | None = None
    dblp: str | None = None


class UserFields(Frozen):
    """What a user's own record (a .bib entry, a CSL-JSON item, a RIS record, a Zotero item)
    keeps that no source gives and bibnorm never writes of its own: the user's note, keywords and
    abstract, the journal's ISSN, the day its link was read. They go with the record's item into
    every output format, resolved or not (`Reference.user_fields`); an output in the input's own
    format keeps the input's fields as they were instead."""

    note: str | None = None
    keywords: tuple[str, ...] = ()
    abstract: str | None = None
    issn: str | None = None
    accessed: PartialDate | None = None


# The sources' records are preprints, articles, proceedings papers or misc; the other kinds come
# only from a user's own record (a .bib entry, a CSL-JSON item, a RIS record) that did not
# resolve, written in another format as the record gives it (`Query.record`).
EntryType = Literal["preprint", "article", "inproceedings", "misc", "book", "chapter", "thesis", "report"]


class Reference(Frozen):
    """One bibliographic record, as complete as the sources allow.

    ``provenance`` maps a field name to the source it came from ("snapshot",
    "arxiv", "s2", "input"), so users can see why a value is what it is.
    """

    title: str
    authors: tuple[Person, ...] = ()
    abstract: str | None = None
    issued: PartialDate | None = None  # the year/month the citation shows
    first_version: PartialDate | None = None  # v1 date on arXiv, when known
    latest_version: PartialDate | None = None  # date of the newest arXiv version, when known
    entry_type: EntryType = "preprint"
    ids: Identifiers = Identifiers()
    venue: str | None = None  # journal or proceedings title for published versions
    venue_short: str | None = None  # the venue's own short title (Crossref's short-container-title)
    issn: tuple[str, ...] = ()  # the journal's ISSNs (print, electronic) as the source gives them
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None
    address: str | None = None  # the publisher's city (Crossref's publisher-location): ACM's style wants it
    series: str | None = None  # the book series proceedings appeared in ("Lecture Notes in Computer Science")
    genre: str | None = None  # a thesis's or report's kind as its record names it ("Master's thesis")
    edition: str | None = None  # a book's edition as its record names it ("2", "2nd", "Revised")
    isbn: str | None = None  # a book's ISBN as its record gives it (a user's own record)
    editors: tuple[Person, ...] = ()  # the proceedings' editors, for styles that print them
    translators: tuple[Person, ...] = ()  # a translated work's translators (a user's own record)
    primary_class: str | None = None
    categories: tuple[str, ...] = ()
    journal_ref: str | None = None
    comment: str | None = None
    url: str | None = None
    code_links: tuple[str, ...] = ()
    project_pages: tuple[str, ...] = ()
    provenance: dict[str, str] = Field(default_factory=dict)
    notes: tuple[str, ...] = ()  # human-readable remarks (e.g. "S2 title differs")
    user_fields: UserFields | None = None  # the user's own record's note, keywords … (never a source's)


class Notice(Frozen):
    """A notice attached to a published work: a retraction, a correction, a withdrawal.

    ``kind`` is the registry's own word for it (Crossref's update types: ``retraction``,
    ``withdrawal``, ``removal``, ``expression_of_concern``, ``correction``, ``erratum``,
    ``addendum``, ``clarification``, ...); ``doi`` names the notice itself, ``date`` is when it
    was published, ``source`` who recorded it (``publisher``, ``retraction-watch``).
    """

    kind: str
    doi: str | None = None
    date: PartialDate | None = None
    label: str = ""
    source: str = ""


class QueryKind(StrEnum):
    """What an input item names its paper by: an arXiv id, a DOI, or else its title (with the
    authors and year the input gives as evidence)."""

    TITLE = "title"
    ARXIV_ID = "arxiv_id"
    DOI = "doi"


class Origin(PerItem):
    """Where an input item starts: a line of the input's text, and for a PDF the page too.

    For a PDF, ``line`` counts the lines of the text read from the whole document, so it
    grows with the page and orders the items; ``page`` (1-based) is what a reader looks for.
    """

    path: str
    line: int
    page: int | None = None

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}" if self.page is None else f"{self.path}:{self.line} (page {self.page})"
        )


class ReadConfidence(Frozen):
    """How sure the trained field tagger (`bibnorm.readers.tagger`) is of each field it read from
    a printed reference: the mean marginal probability of the field's tokens' labels, 0–1; None
    for a field it read nothing as. The reader keeps the tagger's reading of a field where this
    is high and the rules' elsewhere (docs/tagger.md)."""

    title: float | None = None
    authors: float | None = None
    year: float | None = None
    venue: float | None = None
    volume: float | None = None
    pages: float | None = None
    doi: float | None = None


class ReadItem(Frozen):
    """What was read from one input item, beside whatever it resolves to: the ``read`` block of
    every report item (``resolve --report``/``--json``, ``verify --json``), so a user sees why an
    item did not resolve and the reader can be measured through the product."""

    title: str | None = None
    authors: tuple[str, ...] = ()  # as printed, "others" last for "et al."
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    entry_type: str | None = None  # the BibTeX type the item gives or implies
    volume: str | None = None
    pages: str | None = None
    page: int | None = None  # a PDF's page (1-based)
    line: int | None = None  # the line of the input's text the item starts at
    # a printed reference's fields as sure as the trained tagger is of them (None: not tagged)
    confidence: ReadConfidence | None = None

    @classmethod
    def of(cls, item: object, page: int | None, line: int | None, **given: object) -> ReadItem:
        """The block of ``item`` (a `Query`, a verify claim): its fields of these names, ``given``
        over them."""
        fields = {name: getattr(item, name, None) for name in _READ_FIELDS} | given
        return cls.model_validate({**fields, "page": page, "line": line})


_READ_FIELDS = ("title", "authors", "year", "venue", "doi", "arxiv_id", "entry_type", "volume", "pages")


class Query(PerItem):
    """What one input item says about a paper, before any lookup."""

    index: int  # position in the run's input order, 0-based
    origin: Origin
    kind: QueryKind
    title: str | None = None
    abstract: str | None = None
    urls: tuple[str, ...] = ()
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    doi: str | None = None
    key: str | None = None  # citation key the user already uses, if any
    # What a reference string or .bbl says besides the title: evidence for matching.
    author_names: tuple[str, ...] = ()  # name words as written ("LeCun", "Yann", "Bengio")
    year: int | None = None
    venue: str | None = None  # as written ("CVPR", "Advances in Neural Information Processing Systems")
    # What `verify` compares besides: each person's name as written ("Y. LeCun", "LeCun, Yann"),
    # "others" last for "et al."; the BibTeX type the input gives or implies; the item's own
    # number in a numbered reference list ("12" for "[12]").
    authors: tuple[str, ...] = ()
    entry_type: str | None = None
    # The publisher, or a thesis's school, as the item names it ("MIT Press"; "MIT" for "PhD
    # thesis, MIT"): the claim `verify` judges books and theses by.
    publisher: str | None = None
    label: str | None = None
    raw: str = ""  # the input text the query was read from
    # Read from a printed reference (an item of a PDF's or a pasted reference list, a BibTeX
    # .bbl's): its title and venue are where a reader split ``raw``, a guess `verify` checks
    # against the text itself (`bibnorm.text.printed`).
    printed: bool = False
    volume: str | None = None  # as a printed reference gives them ("596", "583–589")
    pages: str | None = None
    read_confidence: ReadConfidence | None = None  # the field tagger's, for a printed reference
    # The published version the input itself gives (a .bib's @article in its journal, with its
    # volume, number, pages and DOI): the publication where no source names one
    # (`bibnorm.resolve.pipeline`), never evidence for matching.
    published: Reference | None = None
    # The item as the user's own record gives it (a .bib entry, a CSL-JSON item, a RIS record,
    # a Zotero item): what an output in another format than the input's holds for the item
    # where it does not resolve, in its place (`bibnorm.api.resolve_files`), never evidence.
    record: Reference | None = None

    def read(self) -> ReadItem:
        """What was read from the item (the report's ``read`` block)."""
        return ReadItem.of(
            self,
            self.origin.page,
            self.origin.line,
            title=self.title or None,
            confidence=self.read_confidence,
        )


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Problem(Frozen):
    """Per-item trouble recorded as data (see STYLE.md habit 3)."""

    code: str  # stable, e.g. "arxiv.malformed_id", "http.failed", "title.differs"
    message: str
    severity: Severity = Severity.WARNING
    source: str | None = None


class Candidate(Frozen):
    """A record a resolver offers for one query.

    ``by_identifier`` is true when the resolver found it by an exact id the query
    carried (arXiv id, DOI), which makes title matching unnecessary.
    """

    source: str
    reference: Reference
    by_identifier: bool = False


class Evidence(Frozen):
    """Why a candidate got its score; shown in reports."""

    title_similarity: float | None = None
    title_key_equal: bool = False
    abstract_similarity: float | None = None
    authors_agree: bool | None = None  # None: the input named no authors (or the record has none)
    year_consistent: bool | None = None  # None: the input gave no year
    venue_agrees: bool | None = None  # None: a venue unknown to the table on either side
    by_identifier: bool = False
    notes: tuple[str, ...] = ()


class ScoredCandidate(Frozen):
    candidate: Candidate
    score: float
    evidence: Evidence
    acceptable: bool  # passes the acceptance rule on its own


class Status(StrEnum):
    """How a query ended: one record chosen, several too close to choose, none good enough, or
    the sources could not be asked."""

    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"
    FAILED = "failed"


class Lookup(Frozen):
    """A resolver's answer for one query: candidates, or a failure with its reason."""

    candidates: tuple[Candidate, ...] = ()
    problems: tuple[Problem, ...] = ()
    failed: bool = False  # the source could not be asked (network, rate limit, bad reply)


class Resolution(PerItem):
    """The outcome for one input item."""

    query: Query
    status: Status
    reference: Reference | None = None
    source: str | None = None
    score: float | None = None
    evidence: Evidence | None = None
    candidates: tuple[ScoredCandidate, ...] = ()
    problems: tuple[Problem, ...] = ()
    duplicate_of: int | None = None  # index of the first item asking for the same paper
    key: str | None = None
