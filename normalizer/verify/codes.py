"""Every finding ``verify`` reports, in one registry: the paper checks (BN70x–BN74x, `judge`)
and those of retractions and other notices (BN75x, `notices`), of the kinds of work that are not
papers (BN76x, `kinds`) and of the LaTeX audit (BN79x, `audit`).

`finding` makes a finding of any of them, with the severity registered here; `ALL_CHECKS` is
what ``verify --list`` prints and what ``--select``/``--ignore`` accept, and `ALL_CODES` the same
by code (the ``--html`` report's names and summaries).
"""

from __future__ import annotations

from bibnorm.models import Severity
from bibnorm.verify.judge import VERIFY_CHECKS, VerifyCheck, VerifyFinding, _finding

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO


def _checks(*rows: tuple[str, str, Severity, str]) -> tuple[VerifyCheck, ...]:
    return tuple(
        VerifyCheck(code=code, name=name, severity=severity, summary=summary)
        for code, name, severity, summary in rows
    )


# fmt: off
NOTICE_CHECKS: tuple[VerifyCheck, ...] = _checks(
    ("BN751", "retracted", _W, "the work was retracted, withdrawn or removed (Crossref notice)"),
    ("BN752", "expression-of-concern", _W, "an expression of concern was published about the work"),
    ("BN753", "corrected", _I, "a correction, erratum or addendum was published for the work"),
    ("BN754", "arxiv-withdrawn", _W, "the arXiv paper was withdrawn by its authors"),
)
KIND_CHECKS: tuple[VerifyCheck, ...] = _checks(
    ("BN761", "isbn-invalid", _E, "the ISBN's check digit is wrong"),
    ("BN762", "isbn-other-book", _E, "the ISBN is another book's"),
    ("BN763", "book-year-differs", _W, "the year is not the ISBN's edition's, nor any edition's"),
    ("BN764", "standard-other-document", _E, "the standard's number names another document"),
    ("BN765", "standard-number-unknown", _E, "no RFC has the number the entry gives"),
    ("BN766", "thesis-without-school", _W, "a thesis names no school or institution"),
    ("BN767", "software-unlocated", _W, "software or a dataset names neither a URL nor a DOI"),
)
AUDIT_CHECKS: tuple[VerifyCheck, ...] = _checks(
    ("BN791", "cited-not-listed", _E, "the draft cites a key no .bib file holds"),
    ("BN792", "listed-not-cited", _W, "an entry the draft never cites (verify --tex)"),
)
# fmt: on
ALL_CHECKS: tuple[VerifyCheck, ...] = tuple(
    sorted((*VERIFY_CHECKS, *NOTICE_CHECKS, *KIND_CHECKS, *AUDIT_CHECKS), key=lambda check: check.code)
)
ALL_CODES = {check.code: check for check in ALL_CHECKS}


def finding(
    code: str,
    field: str,
    message: str,
    *,
    expected: object = None,
    found: object = None,
    source: str | None = None,
) -> VerifyFinding:
    """A finding of ``code`` with the severity the registry gives it."""
    severity = ALL_CODES[code].severity
    return _finding(code, field, message, expected=expected, found=found, source=source, severity=severity)
