"""One entry's verdict: the rules of its kind (`bibnorm.verify.kinds.rules`), then the notices
about the work it cites (`bibnorm.verify.notices`)."""

from __future__ import annotations

from datetime import date

from bibnorm.verify.judge import Answers, Claim, EntryVerdict
from bibnorm.verify.kinds.rules import RULES
from bibnorm.verify.notices import notice_findings


def judge_entry(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    """The verdict for one entry: pure, like `bibnorm.verify.judge.judge`, for every kind."""
    verdict = RULES[claim.kind](claim, answers, today)
    notices = notice_findings(claim, answers, [f.code for f in verdict.findings])
    if not notices:
        return verdict
    return verdict.model_copy(update={"findings": (*verdict.findings, *notices)})
