"""Software and datasets (``@software``, ``@dataset``, ``@manual``; ``@misc``/``@online`` with a
repository or data-repository link, a Zenodo or data-repository DOI, or a version).

Such a work is found by where it lives: one naming neither a URL nor a DOI is a warning
(BN767). Repositories are not asked (reachability is not checked), and a Zenodo or figshare DOI
is DataCite's, which neither Crossref nor Semantic Scholar holds: its absence proves nothing. A
DOI or arXiv id a source does hold must name the work — loosely, since deposits carry release
titles ("google/jax: JAX v0.3.13"): one distinctive word of the title in common is enough.
Otherwise the entry is ``unverifiable``, never ``not_found``.
"""

from __future__ import annotations

from datetime import date

from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.codes import finding
from bibnorm.verify.judge import EntryVerdict, offline_findings
from bibnorm.verify.kinds.base import author_findings, identifier_findings, verdict_of


def _judge_deposit(claim: Claim, answers: Answers, today: date, what: str) -> EntryVerdict:
    findings = offline_findings(claim, today)
    if not claim.url and not claim.doi:
        findings.append(finding("BN767", "url", f"the {what} names neither a URL nor a DOI to find it by"))
    matched, id_findings, unchecked = identifier_findings(
        claim, answers, doi_absence_proves=False, loose=True
    )
    findings += id_findings
    if matched is not None and matched.record is not None:
        findings += author_findings(claim, matched.record, matched.source)
    why = (
        "no source holds software; repositories are not asked"
        if what == "software"
        else "no source holds datasets"
    )
    return verdict_of(claim, findings, matched, [*unchecked, why], answers)


def judge_software(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    return _judge_deposit(claim, answers, today, "software")


def judge_dataset(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    return _judge_deposit(claim, answers, today, "dataset")
