"""What each claim still needs while the sources are asked: the answers gathered so far
(`Gathered`), and the pure rules that decide which question a source is asked next.

No source is asked here: `bibnorm.verify.sources` puts the questions, and `bibnorm.verify.online`
and `bibnorm.verify.indexes` ask them, each reading and adding to a claim's `Gathered`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Notice, Origin, Query, QueryKind, Reference
from bibnorm.text.names import parse_name
from bibnorm.text.titles import same_title
from bibnorm.text.venues import VenueKind, find_venue
from bibnorm.verify.authors import author_findings
from bibnorm.verify.judge import Answer, Answers, Claim, compare_journals, title_variant, venues_agree
from bibnorm.verify.kinds import EntryKind


@dataclass
class Gathered:
    """Answers gathered so far for one claim (mutable while the sources are asked)."""

    by_doi: list[Answer] = field(default_factory=list)
    by_arxiv_id: list[Answer] = field(default_factory=list)
    by_title: list[Answer] = field(default_factory=list)
    by_isbn: list[Answer] = field(default_factory=list)
    by_standard: list[Answer] = field(default_factory=list)
    notices: tuple[Notice, ...] = ()
    unavailable: set[str] = field(default_factory=set)
    of_paper: list[Answer] = field(default_factory=list)

    def frozen(self) -> Answers:
        return Answers(
            by_doi=tuple(self.by_doi),
            by_arxiv_id=tuple(self.by_arxiv_id),
            by_title=tuple(self.by_title),
            by_isbn=tuple(self.by_isbn),
            by_standard=tuple(self.by_standard),
            notices=self.notices,
            unavailable=tuple(sorted(self.unavailable)),
            of_paper=tuple(self.of_paper),
        )

    def settled(self, claim: Claim) -> bool:
        """True when a record already found carries the claimed title."""
        return any(
            answer.record is not None
            and (
                same_title(claim.title, answer.record.title)
                or title_variant(claim.title, answer.record.title)
            )
            for answer in (*self.by_doi, *self.by_arxiv_id, *self.by_title)
        )

    def has_doi_record(self) -> bool:
        """Whether a source already answered the claimed DOI with a record."""
        return any(answer.record is not None for answer in self.by_doi)


def by_doi(claims: Sequence[Claim]) -> dict[str, list[int]]:
    """Each claimed DOI (case-folded) → the positions of the claims that cite it."""
    asking: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.doi:
            asking.setdefault(claim.doi.casefold(), []).append(i)
    return asking


def arxiv_id_query(index: int, claim: Claim) -> Query:
    """The question a source of arXiv records is asked about a claim's arXiv id."""
    return _query(index, claim, kind=QueryKind.ARXIV_ID, arxiv_id=claim.arxiv_id)


def title_query(index: int, claim: Claim) -> Query:
    """The question a source is asked about a claim's title (with its authors and year)."""
    asked = {"title": claim.title, "author_names": claim.authors, "year": claim.year}
    return _query(index, claim, kind=QueryKind.TITLE, **asked)


def _query(index: int, claim: Claim, **asked: Any) -> Query:
    return Query(index=index, origin=Origin(path=claim.path, line=claim.line), **asked)


class JournalQuestion(NamedTuple):
    """What Crossref is asked for a journal citation: the record of a DOI, or a citation search."""

    doi: str | None = None
    search: Reference | None = None  # the paper's record to search by (title, authors, year)


def journal_question(claim: Claim, gathered: Gathered) -> JournalQuestion | None:
    """What a claim still needs from the publisher's record of the paper (Crossref's), else ``None``.

    Asked when no record found with the claimed title confirms the cited venue (a journal's by
    `compare_journals`, a conference's of the venue table by `venues_agree`; a preprint server
    needs nothing) or the claimed authors (in their order): the record of the publisher DOI a
    record carries — the publisher's container title and author list outrank another source's
    venue string and a preprint's author list (`bibnorm.verify.venues`, `bibnorm.verify.authors`)
    — or, for a journal when the records name no venue and carry no DOI, one citation search.
    """
    conference, journal = _cites_a_conference(claim), _cites_a_journal(claim)
    records = _records_titled(claim, gathered)
    if not records or any(answer.source == "crossref" for answer in records):
        return None  # nothing to complete, or Crossref's own record is already among them
    venue_open = (conference or journal) and _no_record_confirms_venue(claim, records, conference=conference)
    if not venue_open and not _every_record_differs_in_authors(claim, records):
        return None
    question = _question_completing(records)
    if question is not None and question.doi is None and not (journal and venue_open):
        return None  # a citation search only for a journal no record names
    return question


def _no_record_confirms_venue(claim: Claim, records: Sequence[Answer], *, conference: bool) -> bool:
    """Whether none of the records confirms the cited venue (as a conference's or a journal's)."""
    return not any(_confirms_the_venue(claim, answer, conference=conference) for answer in records)


def _every_record_differs_in_authors(claim: Claim, records: Sequence[Answer]) -> bool:
    """Whether the claim names authors and every record finds fault with them."""
    return bool(claim.authors) and all(
        answer.record is not None and any(author_findings(claim, answer.record, answer.source))
        for answer in records
    )


def _question_completing(records: Sequence[Answer]) -> JournalQuestion | None:
    """The record of the first publisher DOI the records carry; else, when none names a venue,
    a citation search by the first of them."""
    dois = (answer.record.ids.doi for answer in records if answer.record is not None)
    publisher_doi = next((doi for doi in dois if doi and not is_arxiv_doi(doi)), None)
    if publisher_doi is not None:
        return JournalQuestion(doi=publisher_doi)
    if all(answer.record is not None and not answer.record.venue for answer in records):
        return JournalQuestion(search=records[0].record)
    return None


def _records_titled(claim: Claim, gathered: Gathered) -> list[Answer]:
    """The answers whose record carries the claimed title (or a harmless variant of it)."""
    return [
        answer
        for answer in (*gathered.by_doi, *gathered.by_arxiv_id, *gathered.by_title)
        if answer.record is not None and title_variant_or_same(claim.title, answer.record.title)
    ]


def _cites_a_journal(claim: Claim) -> bool:
    """The claim names a venue that is neither a conference of the venue table nor a preprint
    server (a ``@misc`` names none)."""
    if not claim.venue or claim.entry_type == "misc":
        return False
    table = find_venue(claim.venue)
    return table is None or table.kind is VenueKind.JOURNAL


def _cites_a_conference(claim: Claim) -> bool:
    """The claim names a conference of the venue table (a ``@misc`` names none)."""
    if not claim.venue or claim.entry_type == "misc":
        return False
    table = find_venue(claim.venue)
    return table is not None and table.kind is VenueKind.CONFERENCE


def _confirms_the_venue(claim: Claim, answer: Answer, *, conference: bool) -> bool:
    """A published record (a venue, an article or a paper in proceedings) agreeing with the
    cited venue."""
    record = answer.record
    assert record is not None and claim.venue is not None
    published = bool(record.venue) and record.entry_type in ("article", "inproceedings")
    if not published or record.venue is None:
        return False
    if conference:
        return bool(venues_agree(claim.venue, record.venue))
    return bool(compare_journals(claim, record, answer.source).agree)


def title_variant_or_same(claimed: str, record: str) -> bool:
    return same_title(claimed, record) or title_variant(claimed, record) is not None


def titled_papers(title: str, records: Sequence[Reference]) -> list[Reference]:
    """The records titled ``title`` (else those carrying a harmless variant of it): all of
    them, since two papers can share a title and the judge picks the one the claim cites."""
    for fits in (same_title, title_variant):
        hits = [record for record in records if fits(title, record.title)]
        if hits:
            return hits
    return []


def family_name(name: str) -> str:
    """A written name's family name ("Ian Goodfellow", "Goodfellow, Ian" → "Goodfellow"), for searches."""
    person = parse_name(name)
    return person.literal or " ".join(p for p in (person.particle, person.family) if p) or name


def asks_online(claim: Claim) -> bool:
    """Whether a claim that is no paper has a question only an online source answers."""
    return bool(claim.doi or claim.arxiv_id or claim.rfc is not None or claim.kind is EntryKind.BOOK)
