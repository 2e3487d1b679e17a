"""Web pages (``@online``, ``@electronic``, ``@www``; a ``@misc`` whose only locator is a link
that is no paper's page) and other works no source holds (``@patent``, ``@unpublished``).

Reachability is not checked — verify works offline and a page that moved is no invented
reference — so a web page is never called fabricated: it is ``unverifiable`` ("a web page:
not checked") unless a DOI or arXiv id it gives names another work. The offline checks (a
future year, a placeholder author) apply as to every entry.
"""

from __future__ import annotations

from datetime import date

from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.judge import EntryVerdict, offline_findings
from bibnorm.verify.kinds.base import (
    author_findings,
    identifier_findings,
    title_findings,
    verdict_of,
)


def _judge_unheld(claim: Claim, answers: Answers, today: date, why: str) -> EntryVerdict:
    findings = offline_findings(claim, today)
    matched, id_findings, unchecked = identifier_findings(claim, answers, doi_absence_proves=False)
    findings += id_findings
    if matched is not None and matched.record is not None:
        findings += title_findings(claim, matched.record, matched.source)
        findings += author_findings(claim, matched.record, matched.source)
    return verdict_of(claim, findings, matched, [*unchecked, why], answers)


def judge_web_page(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    return _judge_unheld(claim, answers, today, "a web page: its reachability is not checked")


def judge_other(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    return _judge_unheld(claim, answers, today, "no source holds patents or unpublished works")
