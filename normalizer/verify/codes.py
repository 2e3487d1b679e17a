"""Every finding ``verify`` reports, in one registry: the paper checks (BN70x–BN74x: identifiers
and existence, authors, years, venues, arXiv versions), notices (BN75x), entry kinds (BN76x)
and the LaTeX audit (BN79x); and the finding itself (`VerifyFinding`).

`finding` makes a finding of any code with the severity the registry gives it; `ALL_CHECKS` is
what ``verify --list`` prints and what ``--select``/``--ignore`` accept (`ALL_CODES` by code).
Errors make an entry a mismatch; warnings and notes are shown only.
"""

from __future__ import annotations

from bibnorm.models import Frozen, Severity


class VerifyCheck(Frozen):
    code: str
    name: str
    severity: Severity
    summary: str


class VerifyFinding(Frozen):
    code: str
    severity: Severity
    message: str
    field: str
    expected: str | None = None
    found: str | None = None
    source: str | None = None


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
# fmt: off
ALL_CHECKS: tuple[VerifyCheck, ...] = tuple(
    VerifyCheck(code=code, name=name, severity=severity, summary=summary)
    for code, name, severity, summary in (
        ("BN701", "doi-not-found", _E, "no source knows the entry's DOI"),
        ("BN702", "doi-other-paper", _E, "the DOI is another paper's"),
        ("BN703", "arxiv-id-not-found", _E, "arXiv has no paper with the entry's id"),
        ("BN704", "arxiv-id-other-paper", _E, "the arXiv id is another paper's"),
        ("BN705", "near-miss-title", _E, "the title is a real paper's title with words changed"),
        ("BN706", "paper-not-found", _E, "no source holds a paper with this title"),
        ("BN707", "title-differs", _W, "the title leaves out the subtitle or differs in spelling"),
        ("BN711", "placeholder-author", _E, "an author is a placeholder ('John Doe', 'et al.')"),
        ("BN712", "authors-other-paper", _E, "none of the authors wrote the paper"),
        ("BN713", "author-not-on-paper", _E, "an author listed is not an author of the paper"),
        ("BN714", "author-missing", _E, "authors of the paper are missing (and no 'and others')"),
        ("BN715", "author-order", _E, "the authors are listed in another order"),
        ("BN721", "year-in-future", _E, "the year is after next year"),
        ("BN722", "year-differs", _E, "the year is neither the paper's nor its preprint's"),
        ("BN723", "year-off-by-one", _W, "the year is one off the paper's"),
        ("BN731", "venue-unknown", _E, "the venue is neither the paper's nor a venue bibnorm knows"),
        ("BN732", "venue-differs", _E, "the paper appeared at another venue"),
        ("BN733", "preprint-as-published", _E, "a preprint is cited as published"),
        ("BN734", "venue-name-of-another-year", _I, "the venue under the name it had in other years"),
        ("BN741", "arxiv-version-missing", _E, "the arXiv version cited does not exist"),
        ("BN751", "retracted", _W, "the work was retracted, withdrawn or removed (Crossref notice)"),
        ("BN752", "expression-of-concern", _W, "an expression of concern was published about the work"),
        ("BN753", "corrected", _I, "a correction, erratum or addendum was published for the work"),
        ("BN754", "arxiv-withdrawn", _W, "the arXiv paper was withdrawn by its authors"),
        ("BN761", "isbn-invalid", _E, "the ISBN's check digit is wrong"),
        ("BN762", "isbn-other-book", _E, "the ISBN is another book's"),
        ("BN763", "book-year-differs", _W, "the year is not the ISBN's edition's, nor any edition's"),
        ("BN764", "standard-other-document", _E, "the standard's number names another document"),
        ("BN765", "standard-number-unknown", _E, "no RFC has the number the entry gives"),
        ("BN766", "thesis-without-school", _W, "a thesis names no school or institution"),
        ("BN767", "software-unlocated", _W, "software or a dataset names neither a URL nor a DOI"),
        ("BN791", "cited-not-listed", _E, "the draft cites a key no .bib file holds"),
        ("BN792", "listed-not-cited", _W, "an entry the draft never cites (verify --tex)"),
    )
)
# fmt: on
ALL_CODES = {check.code: check for check in ALL_CHECKS}
# The checks of papers (what `bibnorm.verify.judge.judge` reports), by code.
VERIFY_CODES = {check.code: check for check in ALL_CHECKS if check.code < "BN750"}


def finding(
    code: str,
    field: str,
    message: str,
    *,
    expected: object = None,
    found: object = None,
    source: str | None = None,
) -> VerifyFinding:
    """A finding of ``code`` with the severity the registry gives it; ``expected`` and
    ``found`` are kept as text."""
    return VerifyFinding(
        code=code,
        severity=ALL_CODES[code].severity,
        message=message,
        field=field,
        expected=None if expected is None else str(expected),
        found=None if found is None else str(found),
        source=source,
    )
