"""Standards and RFCs (``@standard``; an RFC as ``@misc``/``@techreport``/``@online``; a
``@manual`` or ``@misc`` an issuing body publishes: ISO, IEC, IEEE Std, ITU-T, NIST, W3C, OGC, …).

An RFC is checked by its number: the RFC Editor registers a Crossref DOI for every RFC
(``10.17487/RFC7540``), which is asked with the other DOIs, in the same batches. The RFC must
carry the claimed title — another title is another document (BN764); Crossref holding no such
RFC is an error too (BN765) — and the claimed year is compared as for papers (BN722/BN723).
Another standard is checked only by a DOI it gives (IEEE's and NIST's are Crossref's); without
one it is ``unverifiable`` ("no source holds these standards"), never ``not_found``.
"""

from __future__ import annotations

from datetime import date

from bibnorm.verify.claims import Answer, Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.judge import EntryVerdict, offline_findings
from bibnorm.verify.kinds.base import (
    author_findings,
    identifier_findings,
    names_same_work,
    title_findings,
    verdict_of,
)
from bibnorm.verify.years import year_findings


def rfc_doi(number: int) -> str:
    """The DOI the RFC Editor registered for RFC ``number`` (four digits at least: RFC0793)."""
    return f"10.17487/RFC{number:04d}"


def judge_standard(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    findings = offline_findings(claim, today)
    matched, id_findings, unchecked = identifier_findings(claim, answers, doi_absence_proves=True)
    findings += id_findings
    if claim.rfc is not None and not (claim.doi and claim.doi.casefold() == rfc_doi(claim.rfc).casefold()):
        rfc_answer, rfc_findings = _rfc_findings(claim, answers.by_standard)
        findings += rfc_findings
        matched = matched or rfc_answer
    if matched is not None and matched.record is not None:
        findings += title_findings(claim, matched.record, matched.source)
        findings += author_findings(claim, matched.record, matched.source)
        findings += year_findings(claim, matched.record, matched.source)
    if claim.rfc is None:
        why = [*unchecked, "no source holds these standards"]
    else:
        why = [*unchecked] if answers.unavailable else [*unchecked, "the RFC's number could not be looked up"]
    return verdict_of(claim, findings, matched, why, answers)


def _rfc_findings(claim: Claim, asked: tuple[Answer, ...]) -> tuple[Answer | None, list[VerifyFinding]]:
    if not asked:
        return None, []
    found = next((answer for answer in asked if answer.record is not None), None)
    name = f"RFC {claim.rfc}"
    if found is None or found.record is None:
        sources = ", ".join(sorted({answer.source for answer in asked}))
        message = f"{sources} holds no {name} (DOI {rfc_doi(claim.rfc or 0)})"
        return None, [finding("BN765", "number", message, found=name, source=sources)]
    if names_same_work(claim, found.record):
        return found, []
    message = f'{name} is "{found.record.title}", not this title'
    return None, [
        finding(
            "BN764", "number", message, expected=found.record.title, found=claim.title, source=found.source
        )
    ]
