"""Books (``@book``, ``@inbook``, ``@collection``, ``@mvbook``, ``@periodical``, …): judged by ISBN
and title against Open Library, and by DOI (Crossref registers publishers' book DOIs).

- An ISBN whose check digit is wrong is an error (BN761), judged without any source.
- Open Library's edition for the ISBN must carry the claimed title: another title by other
  authors is another book (BN762); by the same authors only a title difference (BN707: a series
  title for a volume's, a translation). None of the claimed authors on it is an error (BN712);
  a year more than one from the edition's a warning (BN763: reprints, printings).
- Without an ISBN (or one Open Library lacks), a title search: a hit counts only when the title
  is the claimed one, some claimed author wrote it and the claimed year is one of its editions'
  years (±1) — type and year are evidence, so a paper of the same title never stands for a book.
- Nothing found is never ``not_found``: Open Library's coverage is wide but not complete, so the
  entry is ``unverifiable`` ("Open Library holds no such book"), or offline "no source holds books".
"""

from __future__ import annotations

from datetime import date

from bibnorm.identifiers import isbn_has_valid_check_digit, parse_isbn
from bibnorm.models import Reference
from bibnorm.verify.authors import authors_overlap
from bibnorm.verify.claims import Answer, Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.identity import title_relation
from bibnorm.verify.judge import EntryVerdict, offline_findings
from bibnorm.verify.kinds.base import (
    author_findings,
    identifier_findings,
    title_findings,
    verdict_of,
)

SOURCE = "openlibrary"


def judge_book(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    findings = offline_findings(claim, today)
    matched, id_findings, unchecked = identifier_findings(claim, answers, doi_absence_proves=True)
    findings += id_findings
    findings += _check_digit_findings(claim)
    by_isbn = next((a for a in answers.by_isbn if a.record is not None), None)
    if by_isbn is not None:
        findings += _isbn_findings(claim, by_isbn)
        matched = matched or (by_isbn if not any(f.code in ("BN762", "BN712") for f in findings) else None)
    if matched is None:
        matched = _title_hit(claim, answers.by_title)
    elif matched is not by_isbn and matched.record is not None:
        findings += title_findings(claim, matched.record, matched.source)
        findings += author_findings(claim, matched.record, matched.source)
    return verdict_of(claim, findings, matched, [*unchecked, *_why_unverifiable(answers)], answers)


def _check_digit_findings(claim: Claim) -> list[VerifyFinding]:
    """BN761: an ISBN whose check digit is wrong, whatever the sources say."""
    if claim.isbn and parse_isbn(claim.isbn) and not isbn_has_valid_check_digit(claim.isbn):
        return [finding("BN761", "isbn", f"ISBN {claim.isbn} has a wrong check digit", found=claim.isbn)]
    return []


def _why_unverifiable(answers: Answers) -> list[str]:
    """Why a book with no record is unverifiable: Open Library, asked, holds none; offline, no
    source holds books (nothing to add when a source could not be asked: it says so)."""
    if answers.by_isbn or answers.by_title:
        return ["Open Library holds no such book"]
    return [] if answers.unavailable else ["no source holds books"]


def _isbn_findings(claim: Claim, answer: Answer) -> list[VerifyFinding]:
    """Open Library's edition for the ISBN against the claim: its title (another book is
    BN762, and nothing else of it is compared), its authors, and its editions' years (BN763)."""
    record = answer.record
    assert record is not None
    title = _isbn_title_finding(claim, answer, record)
    if title is not None and title.code == "BN762":
        return [title]
    findings = [title] if title is not None else []
    findings += author_findings(claim, record, answer.source)
    years = answer.years or ((record.issued.year,) if record.issued else ())
    if claim.year is not None and years and min(abs(claim.year - year) for year in years) > 1:
        editions = ", ".join(map(str, years))
        message = f"year {claim.year}; the edition with ISBN {claim.isbn} is from {editions}"
        findings.append(
            finding("BN763", "year", message, expected=editions, found=claim.year, source=answer.source)
        )
    return findings


def _isbn_title_finding(claim: Claim, answer: Answer, record: Reference) -> VerifyFinding | None:
    """The ISBN's edition under another title: by the claimed authors only a title difference
    (BN707: a series title for a volume's, a translation), else another book (BN762)."""
    if not claim.title or _relation(claim, record) != "other":
        return None
    if claim.authors and authors_overlap(claim, record):
        code, field = "BN707", "title"
        message = f'ISBN {claim.isbn} is titled "{record.title}" (Open Library)'
    else:
        code, field = "BN762", "isbn"
        message = f'ISBN {claim.isbn} is "{record.title}", another book (Open Library)'
    return finding(code, field, message, expected=record.title, found=claim.title, source=answer.source)


def _title_hit(claim: Claim, hits: tuple[Answer, ...]) -> Answer | None:
    """Open Library's book that is the claimed one, if any: same title, a claimed author among
    its authors, the claimed year among its editions' years (each as far as both sides say)."""
    for hit in hits:
        record = hit.record
        if hit.source != SOURCE:
            continue  # a paper source's record is a paper: never the book, whatever its title
        if record is None or not claim.title or _relation(claim, record) not in ("same", "variant"):
            continue
        if claim.authors and record.authors and not authors_overlap(claim, record):
            continue
        years = hit.years or ((record.issued.year,) if record.issued else ())
        if claim.year is not None and years and min(abs(claim.year - year) for year in years) > 1:
            continue
        return hit
    return None


def _relation(claim: Claim, record: Reference) -> str:
    """`title_relation`, where a book's title also stands without its subtitle (catalogues
    append it; citations often leave it out, even when the title proper is short)."""
    relation = title_relation(claim, record)
    if relation == "same" or ":" not in record.title:
        return relation
    proper = title_relation(claim, record.model_copy(update={"title": record.title.split(":")[0]}))
    return "variant" if proper == "same" else relation
