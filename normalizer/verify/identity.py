"""Which paper an entry cites: the record behind its DOI or arXiv id when that record carries
the claimed title, else the sources' record with the claimed title (or a harmless or reworded
variant of it); and the findings about identifiers (BN701–BN704, BN741) and titles (BN705, BN707).

An identifier that names another paper is an error, never a reason to look the title up
elsewhere: a citation must point at the work it names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from bibnorm.config import MatchThresholds
from bibnorm.models import Reference
from bibnorm.resolve.matching import identifier_names_item
from bibnorm.text.printed import title_misread
from bibnorm.text.titles import same_title_or_latin_shaped, title_similarity, title_variant
from bibnorm.verify.authors import authors_overlap, claimed_people, same_person
from bibnorm.verify.claims import Answer, Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.venue_names import venues_agree

NEAR_MISS_TITLE = 0.8  # below this a search hit is another paper, not a reworded title


def _first_record(answers: Sequence[Answer]) -> Answer | None:
    return next((answer for answer in answers if answer.record is not None), None)


def title_relation(claim: Claim, record: Reference) -> str:
    """How the claimed title relates to the record's: ``same`` (or the title the printed
    reference carries, which its reader took only part of: `title_misread`), ``variant`` (a
    harmless difference), ``near`` (reworded, by the same authors) or ``other`` (another paper)."""
    if same_title_or_latin_shaped(claim.title, record.title):
        return "same"
    if claim.text and title_misread(claim.text, claim.title, record.title):
        return "same"  # the printed reference carries the record's title; its reader split it elsewhere
    if title_variant(claim.title, record.title):
        return "variant"
    if title_similarity(claim.title, record.title) >= NEAR_MISS_TITLE and (
        not claim.authors or authors_overlap(claim, record)
    ):
        return "near"
    return "other"


def identifier_records(
    claim: Claim,
    answers: Answers,
    *,
    doi_absence_proves: bool = True,
    names_claim: Callable[[Claim, Reference], bool] | None = None,
) -> tuple[Answer | None, list[VerifyFinding]]:
    """The record behind the entry's DOI or arXiv id when it names the claimed paper,
    and the findings about identifiers that name no paper or another one.

    The kinds of works that are not papers (normalizer/verify/kinds) say whether a DOI no
    source knows is evidence (DataCite's DOIs are in none of the sources) and how loosely a
    record's title may name the claimed work (``names_claim``; default: `title_relation`).
    """
    fits = names_claim or _names_claimed_paper
    findings: list[VerifyFinding] = []
    matching: Answer | None = None
    for kind, value, asked in (
        ("doi", claim.doi, answers.by_doi),
        ("arxiv", claim.arxiv_id, answers.by_arxiv_id),
    ):
        if not value or not asked:
            continue
        found = _first_record(asked)
        if found is None or found.record is None:
            findings += _unknown_identifier(kind, value, asked, answers, doi_absence_proves)
        elif fits(claim, found.record):
            matching = matching or found
        else:
            findings.append(_other_paper(kind, value, claim, found))
    return matching, findings


def _names_claimed_paper(claim: Claim, record: Reference) -> bool:
    """The rule resolve follows too: the record is the claimed paper's when the entry's own
    title and authors agree with it."""
    return identifier_names_item(claim.title, claim.authors, record, MatchThresholds(), printed=claim.text)


def _unknown_identifier(
    kind: str, value: str, asked: Sequence[Answer], answers: Answers, doi_absence_proves: bool
) -> list[VerifyFinding]:
    """BN701 for a DOI, BN703 for an arXiv id, that the sources asked do not know."""
    sources = ", ".join(sorted({a.source for a in asked}))
    if kind == "arxiv":
        if any(a.source in ("arxiv", "s2") for a in asked):
            return [finding("BN703", "eprint", f"arXiv has no paper {value}", found=value, source=sources)]
        return []
    # DOIs are Crossref's: another source's silence proves nothing while it could not be asked
    # (unverifiable, never "no source knows").
    if "crossref" in answers.unavailable or not doi_absence_proves:
        return []
    message = f"no source knows DOI {value} (asked {sources})"
    return [finding("BN701", "doi", message, found=value, source=sources)]


def _other_paper(kind: str, value: str, claim: Claim, found: Answer) -> VerifyFinding:
    """BN702 / BN704: the DOI or arXiv id is another paper's."""
    assert found.record is not None
    code, field, name = ("BN702", "doi", "DOI") if kind == "doi" else ("BN704", "eprint", "arXiv")
    message = f'{name} {value} is "{found.record.title}", not this title'
    return finding(code, field, message, expected=found.record.title, found=claim.title, source=found.source)


def paper_record(
    claim: Claim, answers: Answers, id_record: Answer | None
) -> tuple[Reference | None, str | None, list[VerifyFinding]]:
    """The record of the paper the entry's title names, and findings about the title.

    A reworded title ("near") still names its paper when the authors agree: the other
    claims are compared with that paper too.
    """
    if id_record is not None and id_record.record is not None:
        return id_record.record, id_record.source, title_findings(claim, id_record)
    hits = [a for a in (*answers.by_title, *answers.by_doi, *answers.by_arxiv_id) if a.record is not None]
    for wanted in ("same", "variant", "near"):
        fitting = [
            hit for hit in hits if hit.record is not None and title_relation(claim, hit.record) == wanted
        ]
        if fitting:
            # Two papers may carry one title (a conference paper and its journal version, a
            # talk re-published in another track): the claim names the one it agrees with.
            best = max(fitting, key=lambda hit: _agreement(claim, hit))
            return best.record, best.source, title_findings(claim, best)
    return None, None, []


def _agreement(claim: Claim, hit: Answer) -> tuple[int, bool, bool]:
    """How well a record with the claimed title fits the claim's other fields."""
    record = hit.record
    assert record is not None
    people = claimed_people(claim)
    authors = sum(any(same_person(mine, theirs) for theirs in record.authors) for mine in people)
    year = claim.year is not None and record.issued is not None and record.issued.year == claim.year
    venue = bool(claim.venue and record.venue and venues_agree(claim.venue, record.venue))
    return authors, year, venue


def title_findings(claim: Claim, hit: Answer) -> list[VerifyFinding]:
    """BN707 for a harmless difference from the paper's title, BN705 for a reworded one."""
    assert hit.record is not None
    relation = title_relation(claim, hit.record) if claim.title else "same"
    if relation == "variant":
        code, message = (
            "BN707",
            f"title differs from the paper's: {title_variant(claim.title, hit.record.title)}",
        )
    elif relation == "near":
        code, message = "BN705", f'the paper\'s title is "{hit.record.title}"'
    else:
        return []
    return [finding(code, "title", message, expected=hit.record.title, found=claim.title, source=hit.source)]


def version_findings(claim: Claim, answers: Answers) -> Iterator[VerifyFinding]:
    """BN741: the arXiv version cited is later than arXiv's latest."""
    if claim.arxiv_version is None:
        return
    arxiv = next((a for a in answers.by_arxiv_id if a.source == "arxiv" and a.record is not None), None)
    if arxiv is None or arxiv.record is None or arxiv.record.ids.arxiv_version is None:
        return
    latest = arxiv.record.ids.arxiv_version
    if claim.arxiv_version > latest:
        yield finding(
            "BN741",
            "eprint",
            f"arXiv {claim.arxiv_id} has no v{claim.arxiv_version} (latest v{latest})",
            expected=f"v1..v{latest}",
            found=f"v{claim.arxiv_version}",
            source="arxiv",
        )
