"""One entry's verdict: the rules of its kind (`normalizer.verify.kinds.rules`), then the notices
about the work it cites (`normalizer.verify.notices`)."""

from __future__ import annotations

from datetime import date

from normalizer.verify.judge import Answers, Claim, EntryVerdict
from normalizer.verify.kinds.rules import RULES
from normalizer.verify.notices import notice_findings


def judge_entry(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    """The verdict for one entry: pure, like `normalizer.verify.judge.judge`, for every kind."""
    verdict = RULES[claim.kind](claim, answers, today)
    notices = notice_findings(claim, answers, [f.code for f in verdict.findings])
    if not notices:
        return verdict
    return verdict.model_copy(update={"findings": (*verdict.findings, *notices)})
