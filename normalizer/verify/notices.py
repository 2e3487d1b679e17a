"""Retractions, corrections and withdrawals of the works entries cite (BN751–BN754).

Crossref records the notices a publisher (or, since 2023, Retraction Watch) published about a
work: each is an *update* — a DOI, a type (``retraction``, ``withdrawal``, ``removal``,
``expression_of_concern``, ``correction``, ``erratum``, …), a label and a date — listed in the
work's ``updated-by`` (and, on the notice itself, ``update-to``). They come with the DOI lookups
``verify`` makes anyway (`bibnorm.verify.sources`). arXiv marks a withdrawal as a new version
whose comment gives the reason ("This paper has been withdrawn by the authors …"); the earlier
versions stay readable, so citing one is still citing a withdrawn paper.

A notice is a warning, not a mismatch: the reference is real and cited faithfully. CI that must
not cite retracted work uses ``verify --fail-on retracted``. Notices are reported only when the
entry's DOI (or arXiv id) names the claimed work; a DOI that is another paper's is a mismatch of
its own, and that paper's notices are not the entry's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bibnorm.models import Notice
from bibnorm.text.word_tables import alternation, withdrawal_words
from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding

# Crossref's update types (Crossmark), by the finding each gives; others (new_version,
# new_edition, …) say nothing against the work.
RETRACTIONS = frozenset({"retraction", "partial_retraction", "withdrawal", "removal"})
CONCERNS = frozenset({"expression_of_concern"})
CORRECTIONS = frozenset({"correction", "erratum", "corrigendum", "addendum", "clarification"})
# The codes `--fail-on retracted` fails on.
RETRACTED_CODES = frozenset({"BN751", "BN754"})
# "This paper has been withdrawn", "Withdrawn due to an error", "the authors withdraw this paper".
_WITHDRAWAL = withdrawal_words()  # normalizer/data/withdrawal-words.json
_WITHDRAWN = re.compile(
    rf"^\W*withdrawn\b|\b{alternation((*_WITHDRAWAL.works, *_WITHDRAWAL.versions))}\s+(?:\w+\s+)?"
    rf"(?:has\s+been|is|was|been)\s+withdrawn\b|\bwithdraws?\s+(?:this|the)\s+{alternation(_WITHDRAWAL.works)}\b",
    re.IGNORECASE,
)


def arxiv_withdrawal(comment: str | None) -> bool:
    """Whether an arXiv version's comment says the paper was withdrawn."""
    return bool(comment and _WITHDRAWN.search(comment))


def notice_findings(claim: Claim, answers: Answers, codes: Sequence[str]) -> list[VerifyFinding]:
    """The notices of the work the entry's DOI names and its arXiv withdrawal, as findings;
    ``codes`` are the findings judging gave (no notice for an identifier that names another work)."""
    findings: list[VerifyFinding] = []
    if claim.doi and not {"BN701", "BN702"} & set(codes):
        findings += _crossref_findings(claim.doi, answers.notices)
    if claim.arxiv_id and not {"BN703", "BN704"} & set(codes):
        findings += _withdrawal_findings(claim, answers)
    return findings


def _describe(notice: Notice) -> str:
    when = f" of {notice.date.iso()}" if notice.date else ""
    link = f", https://doi.org/{notice.doi}" if notice.doi else ""
    who = f" (recorded by {notice.source})" if notice.source else ""
    label = notice.label or notice.kind.replace("_", " ").capitalize()
    return f"{label} {notice.doi or ''}{when}{link}{who}".replace("  ", " ")


def _crossref_findings(doi: str, notices: Iterable[Notice]) -> list[VerifyFinding]:
    findings = []
    for notice in notices:
        if notice.kind in RETRACTIONS:
            code, what = "BN751", "retracted"
        elif notice.kind in CONCERNS:
            code, what = "BN752", "expression of concern"
        elif notice.kind in CORRECTIONS:
            code, what = "BN753", "corrected"
        else:
            continue
        findings.append(
            finding(
                code, "doi", f"{what}: {_describe(notice)}", expected=notice.doi, found=doi, source="crossref"
            )
        )
    return findings


def _withdrawal_findings(claim: Claim, answers: Answers) -> list[VerifyFinding]:
    for answer in answers.by_arxiv_id:
        record = answer.record
        if record is None or not arxiv_withdrawal(record.comment):
            continue
        version = f" in v{record.ids.arxiv_version}" if record.ids.arxiv_version else ""
        when = f" ({record.latest_version.iso()})" if record.latest_version else ""
        message = f"arXiv {claim.arxiv_id} was withdrawn{version}{when}: {record.comment}"
        link = f"https://arxiv.org/abs/{claim.arxiv_id}"
        return [
            finding("BN754", "eprint", message, expected=link, found=claim.arxiv_id, source=answer.source)
        ]
    return []
