"""One ``bibnorm verify`` run: read the files, reuse the lock, ask the sources, judge.

The public API (`bibnorm.api.verifying.verify_references`, which ``verify`` and ``check --verify``
call), the corpus workers, the assistant's tools and the benches all run exactly this; the
session for the online sources is the caller's (``open_session``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.bib.bibfile import BibFile, parse_bibtex, read_bibfile
from bibnorm.bib.checks.base import Finding
from bibnorm.bib.lockfile import (
    Lock,
    VerifiedItem,
    lines_since,
    load_lock,
    lock_at,
    lock_in_use,
    lock_key,
    record_of,
    sealed,
    trusted,
    update_lock,
)
from bibnorm.config import Settings, settings_of
from bibnorm.errors import InputError
from bibnorm.io import Role, refuse_clashes
from bibnorm.models import Notice, Query, Reference, Severity
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolve.venue_kind import SOURCE_NAMES
from bibnorm.resolvers import SessionFactory
from bibnorm.verify.audit import TexAudit
from bibnorm.verify.judge import (
    VERIFY_CODES,
    Answer,
    Answers,
    Claim,
    EntryVerdict,
    Matched,
    Verdict,
    claim_from_entry,
    matched_record,
)
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.notices import notice_findings
from bibnorm.verify.verdicts import judge_entry

if TYPE_CHECKING:
    from bibnorm.sources.session import SessionFactory

LOCK_SOURCE = "lock"


@dataclass(frozen=True)
class VerifyOptions:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    lock: Path | None = None
    update_lock: bool = False
    keys: frozenset[str] | None = None  # verify only these entries (the ones a draft cites); None: all
    # A git revision (the pre-commit hook's HEAD, a pull request's base): a lock line that is new
    # or changed since is asked about again, never trusted (`PinnedLock`).
    lock_base: str | None = None


@dataclass(frozen=True)
class ReadInput:
    """An input that is no file: its items already read (a Zotero library, `zotero:`), or its
    BibTeX text; verified as a file holding them would be, under ``name``."""

    name: str
    queries: tuple[Query, ...] = ()
    note: str | None = None  # how it was read, for the summary
    bibtex: str | None = None  # BibTeX text (an assistant's, `bibnorm.assist`): read as a .bib is


Input = Path | ReadInput


def input_name(given: Input) -> str:
    return given.name if isinstance(given, ReadInput) else str(given)


@dataclass
class VerifyOutcome:
    verdicts: list[EntryVerdict]
    requests: dict[str, int] = field(default_factory=dict)
    # What the run lost, as `bibnorm.resolvers._stats.HttpStats` records it: sources that went down
    # (and why), refused the key, or gave a request up.
    sources_down: dict[str, str] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)
    gave_up: dict[str, str] = field(default_factory=dict)
    asked: tuple[str, ...] = ()  # the sources this run could ask (the lock first when it answered)
    notes: list[str] = field(default_factory=list)  # how inputs that are not BibTeX were read
    # The record an entry's DOI or arXiv id names when that is another paper (BN702, BN704), by
    # the entry's (path, line): the HTML report shows it beside what the entry cites.
    id_records: dict[tuple[str, int], Matched] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        counts = Counter(v.verdict.value for v in self.verdicts)
        return {
            "version": 1,
            "entries": [verdict.as_json() for verdict in self.verdicts],
            "summary": {
                "entries": len(self.verdicts),
                **{verdict.value: counts[verdict.value] for verdict in Verdict},
                "requests": dict(sorted(self.requests.items())),
                "sources_down": dict(sorted(self.lost_sources().items())),
            },
        }

    def lost_sources(self) -> dict[str, str]:
        """Every source the run lost, and why: those its HTTP counters saw go down or give up,
        and those an entry could not be verified without that they did not see (one host:port
        for several sources, a proxy, counts every failure as the first source's)."""
        lost = {**self.gave_up, **self.sources_down}
        named = {_source_of(reason) for reason in lost.values()}
        for verdict in self.verdicts:
            if verdict.no_source_missing:
                continue
            for source in verdict.unverifiable_because:
                label = SOURCE_NAMES.get(source)
                if label is not None and source not in lost and label not in named:
                    lost[source] = f"{label} could not be asked"
        return lost

    @property
    def nothing_verified(self) -> bool:
        """True when there were entries, not one could be judged (every one unverifiable), and
        some could have been with the sources the run lacked (down, refused, offline): a file of
        theses and web pages, which no source holds, is no run that verified nothing."""
        return (
            bool(self.verdicts)
            and all(v.verdict is Verdict.UNVERIFIABLE for v in self.verdicts)
            and not all(v.no_source_missing for v in self.verdicts)
        )

    def warnings(self) -> list[str]:
        """Why entries could not be verified, for stderr: each source the run lost, once, with
        the words ``resolve`` uses; else, when nothing could be verified, the entries' reasons."""
        from bibnorm.resolve.report import source_warnings

        # Works no source holds (a thesis, a web page) would be unverifiable with every source up.
        unverifiable = sum(
            1 for v in self.verdicts if v.verdict is Verdict.UNVERIFIABLE and not v.no_source_missing
        )
        effect = (
            f"{unverifiable} entr{'y' if unverifiable == 1 else 'ies'} could not be verified"
            if unverifiable
            else "No entry was left unverified by it"
        )
        lines = source_warnings(effect, self.lost_sources(), self.refused)
        if not lines and self.nothing_verified:
            wanting = [v for v in self.verdicts if not v.no_source_missing]
            reasons = ", ".join(dict.fromkeys(why for v in wanting for why in v.unverifiable_because))
            why = reasons or "no source could be asked"
            lines.append(f"bibnorm: warning: no entry could be verified ({why})")
        return lines


def enabled(code: str, options: VerifyOptions) -> bool:
    """Selected and not ignored; the longer matching prefix wins (as in ``check``)."""
    from bibnorm.bib.checks.base import CheckConfig

    return CheckConfig(select=options.select, ignore=options.ignore).enabled(code)


def apply_selection(verdict: EntryVerdict, options: VerifyOptions) -> EntryVerdict:
    """Drop the findings the user turned off; a mismatch left without errors is verified."""
    findings = tuple(f for f in verdict.findings if enabled(f.code, options))
    outcome = verdict.verdict
    if outcome is Verdict.MISMATCH and not any(f.severity is Severity.ERROR for f in findings):
        outcome = Verdict.VERIFIED if verdict.matched is not None else Verdict.UNVERIFIABLE
    return verdict.model_copy(update={"findings": findings, "verdict": outcome})


def read_claims(
    paths: Sequence[Input], progress: Progress = NO_PROGRESS, notes: list[str] | None = None
) -> tuple[list[Claim], list[EntryVerdict]]:
    """The claims of every entry, and a verdict for each block that could not be parsed
    (unverifiable: what cannot be read cannot be checked, and must not pass unnoticed).

    A file that is not BibTeX is read by `bibnorm.verify.reading` (``.bbl``, RIS,
    CSL-JSON, reference lists, PDFs); how it was read goes into ``notes``. A file that
    gives nothing to verify is an `InputError`.
    """
    from bibnorm.verify import reading

    claims: list[Claim] = []
    unreadable: list[EntryVerdict] = []
    progress.start("read", len(paths), "files")
    for path in paths:
        if isinstance(path, ReadInput) and path.bibtex is not None:
            found, unclaimable = _claims_from_bibfile(parse_bibtex(path.bibtex, path.name), path.name)
        elif isinstance(path, ReadInput):
            found, unclaimable = reading.claims_from_queries(list(path.queries), path.name)
            if not found and not unclaimable:
                raise InputError(f"{path.name}: no entries to verify; nothing was checked")
            if path.note is not None and notes is not None:
                notes.append(f"{path.name}: {path.note}")
        elif reading.is_bibtex(path):
            found, unclaimable = _claims_from_bib(path)
        else:
            found, unclaimable, note = reading.claims_from_file(path)
            if note is not None and notes is not None:
                notes.append(f"{path}: {note}")
        claims += found
        unreadable += unclaimable
        progress.advance()
    progress.finish()
    return claims, unreadable


def _claims_from_bib(path: Path) -> tuple[list[Claim], list[EntryVerdict]]:
    return _claims_from_bibfile(read_bibfile(path), str(path))


def _claims_from_bibfile(bibfile: BibFile, path: str) -> tuple[list[Claim], list[EntryVerdict]]:
    from bibnorm.verify import reading

    if not bibfile.entries and not bibfile.failed:
        raise reading.no_entries(Path(path), "BibTeX")
    strings = bibfile.strings  # a property that walks every block: read once, not once an entry
    claims = [claim_from_entry(entry, path, strings) for entry in bibfile.entries]
    unreadable = [
        EntryVerdict(
            key=failed.key or "-",
            path=path,
            line=failed.line,
            verdict=Verdict.UNVERIFIABLE,
            unverifiable_because=(f"the block could not be parsed: {failed.error}",),
        )
        for failed in bibfile.failed
    ]
    return claims, unreadable


def from_lock(claim: Claim, item: VerifiedItem | None, today: date) -> EntryVerdict | None:
    """The lock's "verified" for ``claim``, when its line ``item`` vouches for it: the entry
    compared with the record the line keeps agrees with it, as it would with the source's answer
    (an entry edited since agrees as long as the record bears it out and carries no identifier
    the record lacks). A line with no record (a version 1 or 2 lock)
    vouches for nothing here (`PinnedLock.verdicts` trusts it under the key that sealed it)."""
    if item is None or item.record is None:
        return None
    record = item.record
    unchanged = item.fingerprint == claim.fingerprint()
    if not unchanged and not _names_the_record(claim, record):
        return None
    if claim.kind is not EntryKind.PAPER:
        agrees = unchanged  # other kinds are judged by other answers than a paper's record
    else:
        answer = (Answer(source=item.source, record=record),)
        answers = Answers(
            by_doi=answer if claim.doi and claim.doi == record.ids.doi else (),
            by_arxiv_id=answer if claim.arxiv_id and claim.arxiv_id == record.ids.arxiv_id else (),
            by_title=answer,
        )
        judged = judge_entry(claim, answers, today)
        # An entry unchanged since the line was written needs only to name the record's paper:
        # what settled the rest then (another version's authors, the publisher's venue) is not
        # in the record.
        agrees = judged.verdict is Verdict.VERIFIED or (unchanged and judged.matched is not None)
    if not agrees:
        return None
    matched = Matched(
        source=LOCK_SOURCE, doi=item.doi, arxiv_id=item.arxiv_id, title=item.title, record=record
    )
    return EntryVerdict.of_claim(claim, Verdict.VERIFIED, (), matched, ())


def _names_the_record(claim: Claim, record: Reference) -> bool:
    """Every identifier an edited entry carries is the record's: a DOI or arXiv id the record
    does not carry was never checked against it."""
    return (not claim.doi or claim.doi == record.ids.doi) and (
        not claim.arxiv_id or claim.arxiv_id == record.ids.arxiv_id
    )


def untrusted_note(lock_file: Path | None, keys: Sequence[str], *, offline: bool, base: str | None) -> str:
    fate = "not trusted (unverifiable offline)" if offline else "not trusted: asked the sources again"
    shown_keys = ", ".join(keys[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
    why = (
        f"new or changed since {base}"
        if base
        else "with no record of the source's answer, or one the entry disagrees with"
    )
    return (
        f"{lock_file}: {len(keys)} verified line(s) {why} ({shown_keys}); {fate}. Refresh them with "
        "'bibnorm verify --update-lock' online"
    )


def judge_all(
    claims: Sequence[Claim], answers: Sequence[Answers], options: VerifyOptions, today: date
) -> list[EntryVerdict]:
    return [
        apply_selection(judge_entry(claim, answer, today), options)
        for claim, answer in zip(claims, answers, strict=True)
    ]


def _source_of(reason: str) -> str:
    """The source a reason names: "Semantic Scholar unreachable: …" → "Semantic Scholar"."""
    return next((label for label in SOURCE_NAMES.values() if reason.startswith(f"{label} ")), "")


def run_verify(
    paths: Sequence[Input],
    given: Settings | Mapping[str, Any],
    options: VerifyOptions,
    today: date,
    open_session: SessionFactory,
    progress: Progress = NO_PROGRESS,
) -> VerifyOutcome:
    """Verify the files at ``paths`` (``.bib``, or any input ``resolve`` reads: `read_claims`;
    or inputs already read, `ReadInput`) with the settings ``given`` (or the overrides
    `load_settings` reads them with); sessions for the online sources come from ``open_session``.

    ``progress`` hears a ``read`` phase (one item per file, whatever its format), then one per
    question the sources are asked (`VerifySources.answers`).
    """
    from bibnorm.verify.sources import VerifySources

    notes: list[str] = []
    claims, unreadable = read_claims(paths, progress, notes)
    if options.keys is not None:
        claims = [claim for claim in claims if claim.key in options.keys]
    settings = settings_of(given, lock=options.lock)
    pinned = PinnedLock.open(settings, options, paths)
    locked = pinned.verdicts(claims, today)
    if untrusted := pinned.untrusted(claims, locked):
        base = options.lock_base if pinned.since_base else None
        notes.append(untrusted_note(pinned.file, untrusted, offline=settings.offline, base=base))
    asking = [claim for i, claim in enumerate(claims) if i not in locked]
    sources = VerifySources(settings, open_session)
    try:
        answers = sources.answers(asking, progress)
        # A lock vouches for the citation, not for what happened to the work since: its
        # notices (a retraction) are asked with no other question, in the same batches.
        locked_notices = sources.notices([claims[i] for i in locked], progress)
    finally:
        sources.close()
    locked = with_notices(locked, claims, locked_notices, options)
    judged = judge_all(asking, answers, options, today)
    verdicts = merge_in_order(len(claims), locked, judged)
    if options.update_lock and pinned.file is not None:
        update_lock(pinned.file, lambda current: updated_lock(current, claims, verdicts, today, pinned.key))
    paths_order = {input_name(path): number for number, path in enumerate(paths)}
    stats = sources.stats
    return VerifyOutcome(
        verdicts=sorted([*verdicts, *unreadable], key=lambda v: (paths_order[v.path], v.line)),
        requests=dict(stats.requests),
        sources_down=dict(stats.down),
        refused=set(stats.refused),
        gave_up=dict(stats.gave_up),
        asked=((LOCK_SOURCE,) if locked else ()) + sources.names(),
        notes=notes,
        id_records=other_papers(judged, answers),
    )


@dataclass(frozen=True)
class PinnedLock:
    """The lockfile a run reuses (``file``, None without one), what it holds, the key its lines
    may be sealed under (``BIBNORM_LOCK_KEY``; None), and the lines new since the base revision
    (``--lock-base``), which vouch for nothing unless sealed under that key."""

    file: Path | None
    lock: Lock
    key: bytes | None
    since_base: frozenset[str] = frozenset()

    @classmethod
    def open(cls, settings: Settings, options: VerifyOptions, paths: Sequence[Input]) -> PinnedLock:
        """The lock ``settings`` name (``./bibnorm.lock`` when ``--update-lock`` will write it);
        refused when it is one of the inputs it would overwrite."""
        file = lock_in_use(settings.lock) or (Path("bibnorm.lock") if options.update_lock else None)
        if options.update_lock and file is not None:
            refuse_clashes(
                [Role("the lockfile (--update-lock)", file)],
                [Role("an input", p) for p in paths if isinstance(p, Path)],
            )
        lock = load_lock(file) if file is not None else Lock()
        key = lock_key(settings.lock_key.get_secret_value() if settings.lock_key else None)
        since: frozenset[str] = frozenset()
        if options.lock_base is not None and file is not None:
            since = lines_since(lock, lock_at(file, options.lock_base) if options.lock_base else None)
        return cls(file, lock, key, since)

    def vouching(self, claim: Claim) -> VerifiedItem | None:
        """The line that may vouch for ``claim``: none when it is new since the base, unless
        sealed under this run's key."""
        item = self.lock.verified.get(claim.key)
        if item is not None and claim.key in self.since_base and not trusted(self.key, claim.key, item):
            return None
        return item

    def verdicts(self, claims: Sequence[Claim], today: date) -> dict[int, EntryVerdict]:
        """The lock's "verified" for each claim it vouches for, by the claim's position."""
        found = {}
        for i, claim in enumerate(claims):
            item = self.vouching(claim)
            verdict = from_lock(claim, item, today)
            if verdict is None and item is not None and item.record is None:
                verdict = _sealed_line(claim, item, self.key)
            if verdict is not None:
                found[i] = verdict
        return found

    def untrusted(self, claims: Sequence[Claim], locked: Mapping[int, EntryVerdict]) -> list[str]:
        """Keys of the entries a line of the lock is written for (the same fingerprint) that it
        did not vouch for: new since the base, with no record and no seal, or a record the entry
        disagrees with."""
        return [
            claim.key
            for i, claim in enumerate(claims)
            if i not in locked
            and (item := self.lock.verified.get(claim.key)) is not None
            and item.fingerprint == claim.fingerprint()
        ]


def _sealed_line(claim: Claim, item: VerifiedItem, key: bytes | None) -> EntryVerdict | None:
    """A line of an older lock (no record): it vouches for the very entry it was sealed for,
    under ``key`` (``BIBNORM_LOCK_KEY``)."""
    if item.fingerprint != claim.fingerprint() or not trusted(key, claim.key, item):
        return None
    matched = Matched(source=LOCK_SOURCE, doi=item.doi, arxiv_id=item.arxiv_id, title=item.title)
    return EntryVerdict.of_claim(claim, Verdict.VERIFIED, (), matched, ())


def with_notices(
    locked: Mapping[int, EntryVerdict],
    claims: Sequence[Claim],
    notices: Sequence[tuple[Notice, ...]],
    options: VerifyOptions,
) -> dict[int, EntryVerdict]:
    """The lock's verdicts with the notices (retractions, corrections) found since as findings."""
    updated = dict(locked)
    for i, found in zip(locked, notices, strict=True):
        extra = notice_findings(claims[i], Answers(notices=found), [])
        if extra:
            updated[i] = apply_selection(locked[i].model_copy(update={"findings": tuple(extra)}), options)
    return updated


def merge_in_order(
    count: int, locked: Mapping[int, EntryVerdict], judged: Sequence[EntryVerdict]
) -> list[EntryVerdict]:
    """The ``count`` claims' verdicts in claim order: the lock's where it vouched, else the next judged."""
    rest = iter(judged)
    return [locked[i] if i in locked else next(rest) for i in range(count)]


def other_papers(
    judged: Sequence[EntryVerdict], answers: Sequence[Answers]
) -> dict[tuple[str, int], Matched]:
    """By entry (path, line): the record its DOI or arXiv id names when that is another paper."""
    return {
        (verdict.path, verdict.line): named
        for verdict, answer in zip(judged, answers, strict=True)
        if (named := record_of_other_paper(verdict, answer)) is not None
    }


# The findings that say an identifier names another paper, and the answers holding that paper.
_OTHER_PAPER = {"BN702": "by_doi", "BN704": "by_arxiv_id"}


def record_of_other_paper(verdict: EntryVerdict, answers: Answers) -> Matched | None:
    """The record the entry's DOI or arXiv id names when it is another paper's, else None."""
    if verdict.matched is not None:
        return None
    for finding in verdict.findings:
        field_name = _OTHER_PAPER.get(finding.code)
        if field_name is None:
            continue
        held = [answer for answer in getattr(answers, field_name) if answer.record is not None]
        named = next((a for a in held if a.record is not None and a.record.title == finding.expected), None)
        named = named or (held[0] if held else None)
        if named is not None and named.record is not None:
            return matched_record(named.source, named.record)
    return None


def as_findings(verdicts: Sequence[EntryVerdict], audit: TexAudit | None = None) -> list[Finding]:
    """Each verdict's findings as ``check`` findings, an unverifiable entry's as one BN700 warning;
    then the findings of a draft's ``audit`` (``verify --tex``), at the citation or the entry."""
    findings = []
    for verdict in verdicts:
        for found in verdict.findings:
            findings.append(
                Finding(verdict.path, verdict.line, verdict.key, found.code, found.severity, found.message)
            )
        if (message := verdict.unverifiable_message) is not None:
            findings.append(
                Finding(verdict.path, verdict.line, verdict.key, "BN700", Severity.WARNING, message)
            )
    for line in audit.lines() if audit is not None else ():
        found = line.finding
        findings.append(Finding(line.path, line.line, line.key, found.code, found.severity, found.message))
    return findings


def updated_lock(
    lock: Lock, claims: Sequence[Claim], verdicts: Sequence[EntryVerdict], today: date, key: bytes | None
) -> Lock:
    """``lock`` with this run's verified entries recorded, each with the record it was verified
    against (sealed under ``key`` when there is one), and its failed ones forgotten."""
    verified = dict(lock.verified)
    for claim, verdict in zip(claims, verdicts, strict=True):
        if verdict.verdict is Verdict.VERIFIED and verdict.matched is not None:
            old = verified.get(claim.key)
            if old is not None and verdict.matched.source == LOCK_SOURCE:
                # Vouched for by its line: kept as it is, so a stable file gives a byte-identical
                # lock; an entry edited since, which the line's record bears out, keeps its record.
                if old.fingerprint != claim.fingerprint():
                    verified[claim.key] = sealed(
                        key, claim.key, old.model_copy(update={"fingerprint": claim.fingerprint()})
                    )
                continue
            record = verdict.matched.record
            item = VerifiedItem(
                fingerprint=claim.fingerprint(),
                source=verdict.matched.source,
                title=verdict.matched.title,
                doi=verdict.matched.doi,
                arxiv_id=verdict.matched.arxiv_id,
                date=today.isoformat(),
                record=record_of(record) if record is not None else None,
            )
            if old is not None and old.model_copy(update={"date": item.date, "seal": None}) == item:
                item = old.model_copy(
                    update={"seal": None}
                )  # the same answer: keep the date it was first asked
            verified[claim.key] = sealed(key, claim.key, item)
        elif verdict.verdict in (Verdict.MISMATCH, Verdict.NOT_FOUND):
            verified.pop(claim.key, None)
    return lock.model_copy(update={"verified": verified})


__all__ = ["VERIFY_CODES", "ReadInput", "VerifyOptions", "VerifyOutcome", "run_verify"]
