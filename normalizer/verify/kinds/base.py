"""What the rules of every kind that is not a paper share: identifiers, and the verdict.

An identifier the entry gives (a DOI, an arXiv id) is checked as for a paper — a record with
another title is an error (BN702, BN704) — except that a DOI no source knows is evidence only
where the kind's DOIs are registered with Crossref (books, standards): software, datasets,
theses and web pages carry DataCite DOIs (Zenodo, figshare, university repositories), which
neither Crossref nor Semantic Scholar holds. Of the authors only "none of them wrote it"
(BN712) is held against the entry: catalogues list editors, translators and organisations in
ways citations do not. A kind never ends ``not_found``: without a record it is
``unverifiable``, with its reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bibnorm.models import Reference, Severity
from bibnorm.text.titles import title_words
from bibnorm.text.word_tables import release_title_words
from bibnorm.verify.authors import author_findings as paper_author_findings
from bibnorm.verify.claims import Answer, Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.identity import identifier_records, title_relation
from bibnorm.verify.judge import EntryVerdict, Verdict, deduplicated, matched_record

# Words too common to tie a software's name to a record's ("scikit-learn/scikit-learn: v1.2"):
# normalizer/data/release-title-words.json.
_COMMON = release_title_words()


def names_same_work(claim: Claim, record: Reference, *, loose: bool = False) -> bool:
    """Whether ``record`` is the work the claim's title names.

    ``loose``: software and datasets are deposited under release titles
    ("google/jax: JAX v0.3.13"), so one shared distinctive word is enough.
    """
    if not claim.title or title_relation(claim, record) != "other":
        return True
    if loose:
        mine = {w for w in title_words(claim.title) if len(w) > 2 and w not in _COMMON}
        return bool(mine & set(title_words(record.title)))
    return False


def identifier_findings(
    claim: Claim, answers: Answers, *, doi_absence_proves: bool, loose: bool = False
) -> tuple[Answer | None, list[VerifyFinding], list[str]]:
    """The record the entry's DOI or arXiv id names (when it is the claimed work), the findings
    about identifiers, and why an identifier could not be checked."""
    matching, findings = identifier_records(
        claim,
        answers,
        doi_absence_proves=doi_absence_proves,
        names_claim=lambda claim, record: names_same_work(claim, record, loose=loose),
    )
    unchecked = []
    if claim.doi and answers.by_doi and not doi_absence_proves and not any(a.record for a in answers.by_doi):
        sources = ", ".join(sorted({answer.source for answer in answers.by_doi}))
        unchecked.append(f"{sources}: no DOI {claim.doi}; DataCite, which registers such DOIs, is not asked")
    return matching, findings, unchecked


def title_findings(claim: Claim, record: Reference, source: str) -> list[VerifyFinding]:
    """A harmless or sloppy title difference is a warning for a work that is not a paper."""
    if not claim.title or title_relation(claim, record) == "same":
        return []
    message = f'the record\'s title is "{record.title}"'
    return [finding("BN707", "title", message, expected=record.title, found=claim.title, source=source)]


def author_findings(claim: Claim, record: Reference, source: str) -> list[VerifyFinding]:
    """Only "none of the listed authors" (BN712): the rest is catalogue noise for these kinds."""
    return [f for f in paper_author_findings(claim, record, source) if f.code == "BN712"]


def verdict_of(
    claim: Claim,
    findings: Iterable[VerifyFinding],
    matched: Answer | None,
    why_unverifiable: Sequence[str],
    answers: Answers,
) -> EntryVerdict:
    """``mismatch`` on an error, ``verified`` with a record, else ``unverifiable`` — never ``not_found``."""
    kept = deduplicated(findings)
    if any(f.severity is Severity.ERROR for f in kept):
        verdict = Verdict.MISMATCH
    elif matched is not None and matched.record is not None:
        verdict = Verdict.VERIFIED
    else:
        verdict = Verdict.UNVERIFIABLE
    record = matched.record if matched is not None else None
    matched_to = (
        matched_record(matched.source, record) if matched is not None and record is not None else None
    )
    because = (*answers.unavailable, *why_unverifiable)
    return EntryVerdict.of_claim(
        claim, verdict, kept, matched_to, because, no_source_missing=not answers.unavailable
    )
