"""Is every reference a real paper, cited faithfully? The judging half of ``bibnorm verify``.

An entry *claims* a paper: a title, authors, a year, a venue, maybe a DOI and an arXiv id
(`Claim`). The sources answer what they hold under that DOI, that arXiv id and that title
(`Answers`, gathered by `bibnorm.verify.sources`). `judge` compares the two, field by
field, and gives one `EntryVerdict`:

- ``verified``: the paper exists and every claim agrees with the record;
- ``mismatch``: the paper (or the paper behind its DOI / arXiv id) exists, but a claim is
  wrong; one `VerifyFinding` per field, with expected and found values and the source;
- ``not_found``: every source that was asked answered, and none holds the paper;
- ``unverifiable``: a source that was needed could not be asked. A source that is down
  never makes a real reference look fabricated.

Judging is pure: the same claim and answers always give the same verdict, and an entry is
judged only against the sources, never against its neighbours in the file.

This module owns the verdict; each field is judged by its own module: `claims` (what an entry
claims, what the sources answered), `identity` (which paper the DOI, arXiv id or title names:
BN70x, BN741), `authors` (BN71x), `years` (BN72x), `venues`, `venue_names` and `journals`
(BN73x); `codes` registers every finding code (docs/checks.md has an example of each). The
names other modules import from here (`Claim`, `Answers`, `venues_agree`, …) stay importable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum

from bibnorm.models import Frozen, ReadItem, Reference, Severity
from bibnorm.verify.authors import placeholder_findings, version_author_findings
from bibnorm.verify.claims import Answer, Answers, Claim, claim_from_entry
from bibnorm.verify.codes import VERIFY_CODES, VerifyFinding, finding
from bibnorm.verify.identity import identifier_records, paper_record, title_variant, version_findings
from bibnorm.verify.journals import compare_journals
from bibnorm.verify.venue_names import venues_agree
from bibnorm.verify.venues import venue_findings, venue_unchecked, with_authoritative_venue
from bibnorm.verify.years import future_year_findings, year_findings
from pydantic import Field

__all__ = [
    "VERIFY_CODES",
    "Answer",
    "Answers",
    "Claim",
    "EntryVerdict",
    "Matched",
    "Verdict",
    "VerifyFinding",
    "claim_from_entry",
    "compare_journals",
    "deduplicated",
    "judge",
    "matched_record",
    "not_found_finding",
    "offline_findings",
    "title_variant",
    "venues_agree",
]


class Verdict(StrEnum):
    """What ``verify`` says of one entry (docs/checks.md: the verdicts)."""

    VERIFIED = "verified"
    MISMATCH = "mismatch"
    NOT_FOUND = "not_found"
    UNVERIFIABLE = "unverifiable"


class Matched(Frozen):
    """The record an entry was compared with."""

    source: str
    doi: str | None = None
    arxiv_id: str | None = None
    title: str
    # The record itself (abstract left out), for the HTML report; not in --json.
    record: Reference | None = Field(default=None, exclude=True)


def matched_record(source: str, record: Reference) -> Matched:
    """What an entry was matched to: ``source``'s ``record`` (kept without its abstract)."""
    return Matched(
        source=source,
        doi=record.ids.doi,
        arxiv_id=record.ids.arxiv_id,
        title=record.title,
        record=record.model_copy(update={"abstract": None}),
    )


class EntryVerdict(Frozen):
    """The verdict on one entry of a bibliography (its ``key``, where it is: ``path``, ``line``):
    verified, a mismatch, not found or unverifiable, with its findings and the record it was
    matched to."""

    key: str
    path: str
    line: int
    verdict: Verdict
    findings: tuple[VerifyFinding, ...] = ()
    matched: Matched | None = None
    # Why an unverifiable entry could not be verified: the sources that could not be asked, and
    # for a work that is not a paper the reason of its kind ("no source holds theses").
    unverifiable_because: tuple[str, ...] = ()
    # A work that is not a paper, judged with every source its kind's rules ask answering: when
    # unverifiable, it is for its kind (no source holds it), not for a source the run lost.
    no_source_missing: bool = False
    claim: Claim | None = Field(default=None, exclude=True)  # what the entry said (HTML report)
    # What was read from an item that made no claim (no title could be read from it).
    unclaimed: ReadItem | None = Field(default=None, exclude=True)

    @classmethod
    def of_claim(
        cls,
        claim: Claim,
        verdict: Verdict,
        findings: Iterable[VerifyFinding],
        matched: Matched | None,
        because: tuple[str, ...],
        *,
        no_source_missing: bool = False,
    ) -> EntryVerdict:
        """The verdict on the entry ``claim`` was read from; ``because`` is kept only when
        the entry is unverifiable."""
        return cls(
            key=claim.key,
            path=claim.path,
            line=claim.line,
            verdict=verdict,
            findings=tuple(findings),
            matched=matched,
            unverifiable_because=because if verdict is Verdict.UNVERIFIABLE else (),
            claim=claim,
            no_source_missing=no_source_missing,
        )

    @property
    def unverifiable_message(self) -> str | None:
        """What the text report's BN700 line says of an unverifiable entry (None otherwise)."""
        if self.verdict is not Verdict.UNVERIFIABLE:
            return None
        return f"could not be verified ({', '.join(self.unverifiable_because) or 'no source could be asked'})"

    def as_json(self) -> dict[str, object]:
        """The entry in the documented ``--json`` shape (docs/checks.md; tools read it), and
        what was read from it (``read``), beside what it matched; an unverifiable entry carries
        the BN700 finding the text shows, and why."""
        findings = [finding.model_dump(mode="json") for finding in self.findings]
        if (message := self.unverifiable_message) is not None:
            findings.append(
                VerifyFinding(
                    code="BN700", severity=Severity.WARNING, message=message, field="entry"
                ).model_dump(mode="json")
            )
        read = self.claim.read() if self.claim else self.unclaimed
        document: dict[str, object] = {
            "key": self.key,
            "verdict": self.verdict.value,
            "findings": findings,
            "matched": self.matched.model_dump(mode="json") if self.matched else None,
            "read": read.model_dump(mode="json") if read else None,
        }
        if self.verdict is Verdict.UNVERIFIABLE:
            document["unverifiable_because"] = list(self.unverifiable_because)
        return document


def judge(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    """The verdict for one entry (see the module docstring)."""
    findings = offline_findings(claim, today)
    id_record, id_findings = identifier_records(claim, answers)
    findings += id_findings
    record, source, title_findings = paper_record(claim, answers, id_record)
    findings += title_findings
    if record is not None and source is not None:
        findings += version_author_findings(claim, record, source, answers)
        findings += year_findings(claim, record, source)
        findings += venue_findings(claim, record, source, answers)
        findings += version_findings(claim, answers)
    findings = deduplicated(findings)
    matched = (
        matched_record(source, with_authoritative_venue(record, source, answers))
        if record is not None and source is not None
        else None
    )
    verdict = _verdict(answers, record, findings)
    if verdict is Verdict.VERIFIED and venue_unchecked(claim, record, source, answers):
        verdict = Verdict.UNVERIFIABLE
    if verdict is Verdict.NOT_FOUND:
        findings.append(not_found_finding(claim, answers))
    return EntryVerdict.of_claim(claim, verdict, findings, matched, answers.unavailable)


def offline_findings(claim: Claim, today: date) -> list[VerifyFinding]:
    """What is wrong whatever the sources say: a future year (BN721), a placeholder author (BN711)."""
    return [*future_year_findings(claim, today), *placeholder_findings(claim)]


def deduplicated(findings: Iterable[VerifyFinding]) -> list[VerifyFinding]:
    """The findings in order, each code reported once for one found value."""
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for item in findings:
        if (item.code, item.found) not in seen:
            seen.add((item.code, item.found))
            kept.append(item)
    return kept


def _verdict(answers: Answers, record: Reference | None, findings: Sequence[VerifyFinding]) -> Verdict:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if record is None and not any(f.code in ("BN702", "BN704") for f in errors):
        if answers.unavailable or not (answers.by_title or answers.by_doi or answers.by_arxiv_id):
            return Verdict.MISMATCH if errors else Verdict.UNVERIFIABLE
        return Verdict.NOT_FOUND
    if errors:
        return Verdict.MISMATCH
    if record is None:
        return Verdict.UNVERIFIABLE
    return Verdict.VERIFIED


def not_found_finding(claim: Claim, answers: Answers) -> VerifyFinding:
    """The finding printed for a ``not_found`` entry: which sources were asked."""
    asked = sorted({a.source for a in (*answers.by_title, *answers.by_doi, *answers.by_arxiv_id)})
    sources = ", ".join(asked)
    return finding(
        "BN706", "title", f"no paper with this title in {sources}", found=claim.title, source=sources
    )
