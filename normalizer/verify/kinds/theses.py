"""Theses (``@phdthesis``, ``@mastersthesis``, ``@thesis``): no source holds theses.

A thesis is named by its school and year: one without a school or institution is a warning
(BN766). A DOI or arXiv id it gives is checked (a university repository's DOI is DataCite's, so
its absence from Crossref proves nothing); otherwise the entry is ``unverifiable`` ("no source
holds theses"), never ``not_found``.
"""

from __future__ import annotations

from datetime import date

from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.codes import finding
from bibnorm.verify.judge import EntryVerdict, offline_findings
from bibnorm.verify.kinds.base import (
    author_findings,
    identifier_findings,
    title_findings,
    verdict_of,
)


def judge_thesis(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    findings = offline_findings(claim, today)
    if not claim.school:
        findings.append(finding("BN766", "school", "the thesis names no school or institution"))
    matched, id_findings, unchecked = identifier_findings(claim, answers, doi_absence_proves=False)
    findings += id_findings
    if matched is not None and matched.record is not None:
        findings += title_findings(claim, matched.record, matched.source)
        findings += author_findings(claim, matched.record, matched.source)
    return verdict_of(claim, findings, matched, [*unchecked, "no source holds theses"], answers)
