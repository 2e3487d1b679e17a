"""Years: the claimed year against the paper's, its first version's and its arXiv id's
(BN722, a year off by one BN723); a year after next year is wrong whatever the sources say (BN721).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from bibnorm.models import Reference, latest_year
from bibnorm.verify.claims import Claim
from bibnorm.verify.codes import VerifyFinding, finding


def future_year_findings(claim: Claim, today: date) -> list[VerifyFinding]:
    """BN721: a year after next year, wrong whatever the sources say."""
    latest = latest_year(today)
    if claim.year is None or claim.year <= latest:
        return []
    message = f"year {claim.year} is in the future"
    return [finding("BN721", "year", message, found=claim.year, expected=f"at most {latest}")]


def year_findings(claim: Claim, record: Reference, source: str) -> Iterator[VerifyFinding]:
    """The claimed year against the paper's years: more than one off (or before the first
    version's year less one) is BN722, one off BN723."""
    if claim.year is None or record.issued is None:
        return
    years = {record.issued.year}
    if record.first_version is not None:
        years.add(record.first_version.year)
    if record.ids.arxiv_id:
        preprint_year = _arxiv_id_year(record.ids.arxiv_id)
        if preprint_year:
            years.add(preprint_year)
    if claim.year in years:
        return
    paper_year = record.issued.year
    far = claim.year < min(years) - 1 or min(abs(claim.year - y) for y in years) > 1
    message = f"year {claim.year}; the paper is from {paper_year}"
    yield finding(
        "BN722" if far else "BN723", "year", message, expected=paper_year, found=claim.year, source=source
    )


def _arxiv_id_year(arxiv_id: str) -> int | None:
    match = re.match(r"(\d\d)(\d\d)\.", arxiv_id) or re.search(r"/(\d\d)(\d\d)", arxiv_id)
    if not match:
        return None
    yy = int(match.group(1))
    return 1900 + yy if yy >= 91 else 2000 + yy
