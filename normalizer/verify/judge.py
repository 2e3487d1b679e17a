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

Finding codes (docs/checks.md has an example of each): BN70x identifiers and existence,
BN71x authors, BN72x years, BN73x venues, BN74x arXiv versions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum

from bibnorm.bib.bibfile import BibEntry, split_value, unquote
from bibnorm.identifiers import canonical_doi, is_arxiv_doi, parse_arxiv_id
from bibnorm.models import Frozen, Notice, Person, ReadItem, Reference, Severity
from bibnorm.resolve.venue_kind import SOURCE_NAMES
from bibnorm.text.journals import Journal, find_journal, journal_key, same_journal
from bibnorm.text.names import family_forms, name_words, one_edit, parse_name
from bibnorm.text.titles import plain_text, same_title, title_similarity, title_words
from bibnorm.text.venues import VenueKind, find_venue, is_preprint_venue, venue_key
from bibnorm.verify.kinds import EntryKind, kind_fields
from pydantic import Field


class Verdict(StrEnum):
    VERIFIED = "verified"
    MISMATCH = "mismatch"
    NOT_FOUND = "not_found"
    UNVERIFIABLE = "unverifiable"


class VerifyCheck(Frozen):
    code: str
    name: str
    severity: Severity
    summary: str


# Every finding `judge` can report. Errors make an entry a mismatch; warnings are shown only.
_E, _W = Severity.ERROR, Severity.WARNING
# fmt: off
VERIFY_CHECKS: tuple[VerifyCheck, ...] = tuple(
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
        ("BN741", "arxiv-version-missing", _E, "the arXiv version cited does not exist"),
    )
)
# fmt: on
VERIFY_CODES = {check.code: check for check in VERIFY_CHECKS}


class VerifyFinding(Frozen):
    code: str
    severity: Severity
    message: str
    field: str
    expected: str | None = None
    found: str | None = None
    source: str | None = None


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


# --- what an entry claims -------------------------------------------------------------


class Claim(Frozen):
    """What one ``.bib`` entry says about the paper it cites."""

    key: str
    path: str
    line: int
    entry_type: str
    title: str
    authors: tuple[str, ...] = ()  # as written, "and others" removed
    and_others: bool = False
    year: int | None = None
    venue: str | None = None  # booktitle or journal, as written
    doi: str | None = None  # a publisher DOI (arXiv's own DOIs become `arxiv_id`)
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    # What kind of work the entry cites, and the claims only that kind's rules compare
    # (normalizer/verify/kinds).
    kind: EntryKind = EntryKind.PAPER
    isbn: str | None = None  # as written
    publisher: str | None = None
    edition: str | None = None
    school: str | None = None  # a thesis's school (or institution)
    url: str | None = None
    urldate: str | None = None
    version: str | None = None  # software's version
    standard: str | None = None  # the issuing body's number: "RFC 7540", "ISO 8601:2004"
    rfc: int | None = None

    issn: tuple[str, ...] = ()  # the journal's ISSNs, when the entry gives them
    volume: str | None = None  # where in the journal (named in BN733's message; not judged)
    page: int | None = Field(default=None, exclude=True)  # a PDF's page the item is on (no claim)
    pages: str | None = None

    def fingerprint(self) -> str:
        """A digest of every claim: a lock's "verified" holds only while none has changed.

        The claims of the entry kinds count only when made, so a paper's digest is what it was
        before they existed (a lock written then still holds); for the same reason an empty
        ISSN is left out, and volume and pages (not judged) never count.
        """
        unset = {name for name in _KIND_CLAIMS if getattr(self, name) in (None, "paper")}
        left_out = {"path", "line", "volume", "pages", *unset, *(() if self.issn else ("issn",))}
        fields = self.model_dump(exclude=left_out)
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]

    def read(self) -> ReadItem:
        """What was read from the entry (the report's ``read`` block)."""
        authors = (*self.authors, "others") if self.and_others else self.authors
        return ReadItem.of(self, self.page, self.line, title=self.title or None, authors=authors)

    def volume_pages(self) -> str:
        """ "vol. 12, pp. 34--56" as far as the entry says."""
        parts = [f"vol. {self.volume}" if self.volume else "", f"pp. {self.pages}" if self.pages else ""]
        return ", ".join(part for part in parts if part)


_KIND_CLAIMS = (
    "kind",
    "isbn",
    "publisher",
    "edition",
    "school",
    "url",
    "urldate",
    "version",
    "standard",
    "rfc",
)


_ARXIV_IN_TEXT = re.compile(
    r"arxiv(?:\.org/(?:abs|pdf)/|[:\s]\s*(?:abs/)?)([a-z-]+(?:\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})(v\d+)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def claim_from_entry(entry: BibEntry, path: str, strings: Mapping[str, str] | None = None) -> Claim:
    """The claims of one entry; fields it lacks stay empty (missing is not wrong).

    ``strings``: the file's ``@string`` macros, expanded where a field uses them
    (``journal = pami``), so the claim is what BibTeX prints.
    """
    entry = _expanded(entry, strings or {})
    names = [" ".join(plain_text(n).split()) for n in _author_names(entry.get("author") or "")]
    and_others = any(n.casefold() in ("others", "et al.", "et al") for n in names[-1:])
    authors = tuple(names[:-1] if and_others else names)
    year_text = entry.get("year") or entry.get("date") or ""
    year_match = _YEAR.search(year_text)
    venue = entry.get("booktitle") or entry.get("journal") or entry.get("journaltitle")
    doi, arxiv_id, version = _identifiers(entry)
    issns = tuple(dict.fromkeys(m.upper() for m in _ISSN.findall(entry.get("issn") or "")))
    return Claim(
        key=entry.key,
        path=path,
        line=entry.line,
        entry_type=entry.entry_type,
        title=plain_text(entry.get("title") or ""),
        authors=authors,
        and_others=and_others,
        year=int(year_match.group(1)) if year_match else None,
        venue=plain_text(venue) if venue else None,
        doi=doi,
        arxiv_id=arxiv_id,
        arxiv_version=version,
        **kind_fields(entry),
        issn=issns,
        volume=plain_text(entry.get("volume") or "") or None,
        pages=plain_text(entry.get("pages") or "") or None,
    )


_ISSN = re.compile(r"\b\d{4}-\d{3}[\dXx]\b")
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _expanded(entry: BibEntry, strings: Mapping[str, str]) -> BibEntry:
    """The entry with macro uses and ``#`` concatenations replaced by their text."""

    def expand(value: str) -> str:
        parts = split_value(value)
        if len(parts) == 1 and parts[0][:1] in ('"', "{"):
            return value
        texts = []
        for part in parts:
            name = part.strip().lower()
            if part[:1] in ('"', "{") or name.isdigit() or name in _MONTHS or name not in strings:
                texts.append(unquote(part) if part[:1] in ('"', "{") else part.strip())
            else:
                texts.append(unquote(strings[name]))
        return "{" + "".join(texts) + "}"

    if not strings and not any("#" in f.value for f in entry.fields):
        return entry
    return entry.replace_fields(f._replace(value=expand(f.value)) for f in entry.fields)


def _author_names(text: str) -> list[str]:
    parts = re.split(r"\s+and\s+(?![^{]*\})", " ".join(text.split()))
    return [part.strip() for part in parts if part.strip()]


def _identifiers(entry: BibEntry) -> tuple[str | None, str | None, int | None]:
    """(publisher DOI, arXiv id, arXiv version) from doi, eprint, url, note and howpublished."""
    doi = canonical_doi(entry.get("doi") or "") if entry.get("doi") else None
    arxiv_text = None
    if doi and is_arxiv_doi(doi):
        arxiv_text, doi = re.split(r"arxiv\.", doi, maxsplit=1, flags=re.IGNORECASE)[-1], None
    eprint_type = (entry.get("archiveprefix") or entry.get("eprinttype") or "").casefold()
    if entry.get("eprint") and eprint_type in ("", "arxiv"):
        arxiv_text = entry.get("eprint")
    if arxiv_text is None:
        for name in ("url", "howpublished", "note", "journal"):
            match = _ARXIV_IN_TEXT.search(entry.get(name) or "")
            if match:
                arxiv_text = match.group(1) + (match.group(2) or "")
                break
    parsed = parse_arxiv_id(arxiv_text) if arxiv_text else None
    if parsed is None:
        return doi, None, None
    return doi, parsed.id, parsed.version


# --- what the sources answered --------------------------------------------------------


class Answer(Frozen):
    """One source's answer to one question: the record it holds, or ``None`` (it has none)."""

    source: str
    record: Reference | None = None
    # Every year the work appeared in, when the source knows more than one (a book's editions).
    years: tuple[int, ...] = ()


class Answers(Frozen):
    """Everything the sources said that bears on one claim.

    ``unavailable`` names the sources that could not be asked a question this claim needed.
    An answer with ``record=None`` is a real "no such paper" from a source that answered.
    ``by_isbn`` answers a book's ISBN, ``by_standard`` an RFC's number (its DOI), and
    ``notices`` are the retractions and corrections published for the work behind the DOI.
    """

    by_doi: tuple[Answer, ...] = ()
    by_arxiv_id: tuple[Answer, ...] = ()
    by_title: tuple[Answer, ...] = ()
    by_isbn: tuple[Answer, ...] = ()
    by_standard: tuple[Answer, ...] = ()
    notices: tuple[Notice, ...] = ()
    unavailable: tuple[str, ...] = ()
    # Crossref's record of the matched paper (by the DOI it carries, or found by a citation
    # search when it has none): the publisher's journal name, short title and ISSN, asked for
    # journal citations the matched record did not settle.
    of_paper: tuple[Answer, ...] = ()


# --- judging ----------------------------------------------------------------------------


# fmt: off
_PLACEHOLDER_NAMES = frozenset({
    "john doe", "jane doe", "j doe", "doe john", "doe jane", "john smith", "jane smith", "a author",
    "an author", "author", "first author", "second author", "third author", "author name",
    "firstname lastname", "first last", "anonymous", "anon", "unknown", "et al", "others",
    "author one", "author two", "lorem ipsum",
})
# fmt: on
NEAR_MISS_TITLE = 0.8  # below this a search hit is another paper, not a reworded title
# Sources cut long author lists (a world record of PaLM lists 10 of its 67 authors).
TRUNCATED_AUTHOR_LISTS = 10


def judge(claim: Claim, answers: Answers, today: date) -> EntryVerdict:
    """The verdict for one entry (see the module docstring)."""
    findings: list[VerifyFinding] = list(_offline_findings(claim, today))
    id_record, id_findings = _identifier_records(claim, answers)
    findings += id_findings
    record, source, title_findings = _paper_record(claim, answers, id_record)
    findings += title_findings
    if record is not None and source is not None:
        findings += _version_author_findings(claim, record, source, answers)
        findings += _year_findings(claim, record, source)
        findings += _venue_findings(claim, record, source, answers)
        findings += _version_findings(claim, answers)
    findings = _deduplicated(findings)
    matched = matched_record(source, record) if record is not None and source is not None else None
    verdict = _verdict(answers, record, findings)
    if verdict is Verdict.VERIFIED and _venue_unchecked(claim, record, source, answers):
        verdict = Verdict.UNVERIFIABLE
    if verdict is Verdict.NOT_FOUND:
        findings.append(not_found_finding(claim, answers))
    return EntryVerdict(
        key=claim.key,
        path=claim.path,
        line=claim.line,
        verdict=verdict,
        findings=tuple(findings),
        matched=matched,
        unverifiable_because=answers.unavailable if verdict is Verdict.UNVERIFIABLE else (),
        claim=claim,
    )


def _finding(
    code: str,
    field: str,
    message: str,
    *,
    expected: object = None,
    found: object = None,
    source: str | None = None,
    severity: Severity | None = None,  # for codes of other registries (bibnorm.verify.codes)
) -> VerifyFinding:
    return VerifyFinding(
        code=code,
        severity=severity or VERIFY_CODES[code].severity,
        message=message,
        field=field,
        expected=None if expected is None else str(expected),
        found=None if found is None else str(found),
        source=source,
    )


def _offline_findings(claim: Claim, today: date) -> Iterable[VerifyFinding]:
    """What is wrong whatever the sources say."""
    if claim.year is not None and claim.year > today.year + 1:
        yield _finding(
            "BN721",
            "year",
            f"year {claim.year} is in the future",
            found=claim.year,
            expected=f"at most {today.year + 1}",
        )
    for name in claim.authors:
        if " ".join(title_words(name)) in _PLACEHOLDER_NAMES:
            yield _finding("BN711", "author", f"'{name}' is a placeholder, not an author", found=name)


def _first_record(answers: Sequence[Answer]) -> Answer | None:
    return next((answer for answer in answers if answer.record is not None), None)


def title_variant(claimed: str, record: str) -> str | None:
    """How a claimed title differs harmlessly from the record's, else None.

    Harmless: a dropped subtitle, British/American spelling. A word changed by one letter
    ("Learnings", "Privacys") is not: a citation must carry the paper's title.
    """
    mine, theirs = title_words(claimed), title_words(record)
    if not mine or not theirs:
        return None
    head = title_words(record.split(":")[0]) if ":" in record else ()
    if head and mine == head and len(head) >= 3:
        return "the subtitle is left out"
    own_head = title_words(claimed.split(":")[0]) if ":" in claimed else ()
    if own_head and theirs == own_head and len(own_head) >= 3:
        return "the record has no subtitle"
    if len(mine) == len(theirs):
        differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        if differing and all(_spelling_variant(a, b) for a, b in differing):
            return "a spelling differs"
    return None


def title_relation(claim: Claim, record: Reference) -> str:
    """How the claimed title relates to the record's: ``same``, ``variant`` (a harmless
    difference), ``near`` (reworded, by the same authors) or ``other`` (another paper)."""
    if same_title(claim.title, record.title):
        return "same"
    if title_variant(claim.title, record.title):
        return "variant"
    if title_similarity(claim.title, record.title) >= NEAR_MISS_TITLE and (
        not claim.authors or _authors_overlap(claim, record)
    ):
        return "near"
    return "other"


def _spelling_variant(a: str, b: str) -> bool:
    """British and American spellings ("normalisation"/"normalization", "colour"/"color")."""
    return a.replace("is", "iz").replace("our", "or") == b.replace("is", "iz").replace("our", "or")


def _identifier_records(
    claim: Claim,
    answers: Answers,
    *,
    doi_absence_proves: bool = True,
    names_claim: Callable[[Claim, Reference], bool] | None = None,
) -> tuple[Answer | None, list[VerifyFinding]]:
    """The record behind the entry's DOI or arXiv id when it names the claimed paper,
    and the findings about identifiers that name no paper or another one.

    The kinds of works that are not papers (normalizer/verify/kinds) say whether a DOI no
    source knows is evidence (DataCite's DOIs are in none of the sources) and how loosely a
    record's title may name the claimed work (``names_claim``; default: `title_relation`).
    """
    findings: list[VerifyFinding] = []
    matching: Answer | None = None
    for kind, value, asked in (
        ("doi", claim.doi, answers.by_doi),
        ("arxiv", claim.arxiv_id, answers.by_arxiv_id),
    ):
        if not value or not asked:
            continue
        found = _first_record(asked)
        if found is None:
            sources = ", ".join(sorted({a.source for a in asked}))
            if kind == "doi" and "crossref" in answers.unavailable:
                # DOIs are Crossref's: another source's silence proves nothing while it could
                # not be asked (unverifiable, never "no source knows").
                continue
            if kind == "doi":
                if doi_absence_proves:
                    findings.append(
                        _finding(
                            "BN701",
                            "doi",
                            f"no source knows DOI {value} (asked {sources})",
                            found=value,
                            source=sources,
                        )
                    )
            elif any(a.source in ("arxiv", "s2") for a in asked):
                findings.append(
                    _finding("BN703", "eprint", f"arXiv has no paper {value}", found=value, source=sources)
                )
            continue
        assert found.record is not None
        if names_claim is not None:
            fits = names_claim(claim, found.record)
        else:
            fits = not claim.title or title_relation(claim, found.record) != "other"
        if fits:
            matching = matching or found
        else:
            code, field = ("BN702", "doi") if kind == "doi" else ("BN704", "eprint")
            findings.append(
                _finding(
                    code,
                    field,
                    f"{'DOI' if kind == 'doi' else 'arXiv'} {value} is "
                    f'"{found.record.title}", not this title',
                    expected=found.record.title,
                    found=claim.title,
                    source=found.source,
                )
            )
    return matching, findings


def _paper_record(
    claim: Claim, answers: Answers, id_record: Answer | None
) -> tuple[Reference | None, str | None, list[VerifyFinding]]:
    """The record of the paper the entry's title names, and findings about the title.

    A reworded title ("near") still names its paper when the authors agree: the other
    claims are compared with that paper too.
    """
    if id_record is not None and id_record.record is not None:
        return id_record.record, id_record.source, _title_findings(claim, id_record)
    hits = [a for a in (*answers.by_title, *answers.by_doi, *answers.by_arxiv_id) if a.record is not None]
    for wanted in ("same", "variant", "near"):
        fitting = [
            hit for hit in hits if hit.record is not None and title_relation(claim, hit.record) == wanted
        ]
        if fitting:
            # Two papers may carry one title (a conference paper and its journal version, a
            # talk re-published in another track): the claim names the one it agrees with.
            best = max(fitting, key=lambda hit: _agreement(claim, hit))
            return best.record, best.source, _title_findings(claim, best)
    return None, None, []


def _agreement(claim: Claim, hit: Answer) -> tuple[int, bool, bool]:
    """How well a record with the claimed title fits the claim's other fields."""
    record = hit.record
    assert record is not None
    people = _people(claim)
    authors = sum(any(same_person(mine, theirs) for theirs in record.authors) for mine in people)
    year = claim.year is not None and record.issued is not None and record.issued.year == claim.year
    venue = bool(claim.venue and record.venue and venues_agree(claim.venue, record.venue))
    return authors, year, venue


def _title_findings(claim: Claim, hit: Answer) -> list[VerifyFinding]:
    assert hit.record is not None
    relation = title_relation(claim, hit.record) if claim.title else "same"
    if relation == "variant":
        how = title_variant(claim.title, hit.record.title)
        return [
            _finding(
                "BN707",
                "title",
                f"title differs from the paper's: {how}",
                expected=hit.record.title,
                found=claim.title,
                source=hit.source,
            )
        ]
    if relation == "near":
        return [
            _finding(
                "BN705",
                "title",
                f'the paper\'s title is "{hit.record.title}"',
                expected=hit.record.title,
                found=claim.title,
                source=hit.source,
            )
        ]
    return []


# --- authors ----------------------------------------------------------------------------


_BARE_ACCENT = re.compile(r"\\[`'^\"~=.uvHcdbk](?=[A-Za-z])")  # "\vZ": an accent written without braces


def _words(text: str) -> str:
    return "".join(name_words(_BARE_ACCENT.sub("", text)))


def _name_key(person: Person) -> tuple[set[str], str]:
    """(family name keys, first initial): what must agree for two spellings to be one person.
    A family name has more than one key when it can be spelt out ("Fründ": frund, fruend)."""
    if person.is_literal:
        return {_words(person.literal)} - {""}, ""
    family = family_forms(_BARE_ACCENT.sub("", f"{person.particle} {person.family}"))
    given = name_words(_BARE_ACCENT.sub("", person.given))
    return family, given[0][0] if given else ""


def _whole_name(person: Person) -> tuple[str, ...]:
    """The name's words in reading order, wherever the given/family split falls."""
    if person.is_literal:
        return name_words(_BARE_ACCENT.sub("", person.literal))
    return name_words(_BARE_ACCENT.sub("", f"{person.given} {person.particle} {person.family}"))


def same_person(a: Person, b: Person) -> bool:
    """Equal up to initials, accents and how a letter is spelt without them ("Łukasz",
    "{\\L}ukasz", "Lukasz"; "Fründ", "Fruend"), particles, hyphens, where the family name
    starts ("Suresh Ragupathi, Sridhar" is "Sridhar Suresh Ragupathi") and the order of
    Chinese names."""
    (family_a, initial_a), (family_b, initial_b) = _name_key(a), _name_key(b)
    if family_a & family_b:
        return not initial_a or not initial_b or initial_a == initial_b
    whole_a, whole_b = _whole_name(a), _whole_name(b)
    if whole_a and "".join(whole_a) == "".join(whole_b):
        return True
    # Initials on one side, a family name of several words on the other ("S. S. Ragupathi").
    if (
        len(whole_a) > 1
        and len(whole_b) > 1
        and whole_a[-1] == whole_b[-1]
        and whole_a[0][0] == whole_b[0][0]
    ):
        return True
    # "Zhang Wei" for "Wei Zhang": given and family names written the other way round.
    given_a, given_b = _words(a.given), _words(b.given)
    return bool(given_a) and given_a in family_b and given_b in family_a


def corrected_person(a: Person, b: Person) -> bool:
    """The same person under a spelling one source corrected: one letter changed, swapped,
    added or dropped in a long family name ("Mexatas" on arXiv, "Metaxas" on dblp), or a
    double family name that contains the other ("Gomez" beside "Gomez-Bigorda") — always with
    the same first initial. Tried only for names no author matched as `same_person`."""
    (family_a, initial_a), (family_b, initial_b) = _name_key(a), _name_key(b)
    if not initial_a or initial_a != initial_b or a.is_literal or b.is_literal:
        return False
    if any(one_edit(x, y) for x in family_a for y in family_b):
        return True
    words_a = set(name_words(f"{a.particle} {a.family}"))
    words_b = set(name_words(f"{b.particle} {b.family}"))
    return bool(words_a and words_b) and words_a != words_b and (words_a <= words_b or words_b <= words_a)


def _people(claim: Claim) -> list[Person]:
    return [parse_name(name) for name in claim.authors]


def _authors_overlap(claim: Claim, record: Reference) -> bool:
    mine = _people(claim)
    return any(same_person(m, t) for m in mine for t in record.authors)


def _pairing(mine: Sequence[Person], theirs: Sequence[Person]) -> list[int | None]:
    """For each claimed author, the index of the same person on the record (or None): first
    by `same_person`, then what is left by `corrected_person`, so that a loose match never
    takes a record author another claimed name matches exactly."""
    used: set[int] = set()
    pairing: list[int | None] = [None] * len(mine)
    for alike in (same_person, corrected_person):
        for position, person in enumerate(mine):
            if pairing[position] is not None:
                continue
            index = next(
                (i for i, other in enumerate(theirs) if i not in used and alike(person, other)), None
            )
            if index is not None:
                used.add(index)
                pairing[position] = index
    return pairing


def _version_author_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> list[VerifyFinding]:
    """The author findings against the matched record, unless the authors are as another
    version of the same paper lists them: a preprint and its publication may differ in order,
    in who is listed, and in spelling, and a citation that follows either is correct."""
    findings = list(_author_findings(claim, record, source))
    if not findings:
        return findings
    for other in _versions(record, answers):
        if other.record is not None and not list(_author_findings(claim, other.record, other.source)):
            return []
    return findings


SAME_PAPER_AUTHORS = 0.5  # of the shorter list, for two records of one title to be one paper


def _versions(record: Reference, answers: Answers) -> list[Answer]:
    """The other records the sources hold of the paper ``record`` is: the same title, and
    at least half of the shorter author list the same people (two papers may share a title)."""
    versions = []
    for answer in (*answers.by_doi, *answers.by_arxiv_id, *answers.by_title, *answers.of_paper):
        other = answer.record
        if other is None or other is record or not same_title(other.title, record.title):
            continue
        shorter = min(len(other.authors), len(record.authors))
        shared = sum(any(same_person(a, b) for b in record.authors) for a in other.authors)
        if shorter and shared >= SAME_PAPER_AUTHORS * shorter:
            versions.append(answer)
    return versions


def _names(people: Iterable[Person]) -> str:
    return "; ".join(person.display() for person in people)


def _author_findings(claim: Claim, record: Reference, source: str) -> Iterable[VerifyFinding]:
    mine = _people(claim)
    theirs = [person for person in record.authors if person.display().strip()]
    unreadable = len(record.authors) - len(theirs)  # names the source sent that no parser reads ("\\vZ")
    if not mine or not theirs:
        return
    pairing = _pairing(mine, theirs)
    expected, found = _names(theirs), _names(mine)
    matched = [index for index in pairing if index is not None]
    if not matched:
        yield _finding(
            "BN712",
            "author",
            "none of the authors listed wrote this paper",
            expected=expected,
            found=found,
            source=source,
        )
        return
    strangers = [person for person, index in zip(mine, pairing, strict=True) if index is None]
    if strangers and len(theirs) >= TRUNCATED_AUTHOR_LISTS and len(matched) == len(theirs):
        strangers = []  # the source cut a long list short; the entry names everyone it lists
    if len(strangers) <= unreadable:
        strangers = []
    if strangers:
        yield _finding(
            "BN713",
            "author",
            f"not an author of this paper: {_names(strangers)}",
            expected=expected,
            found=found,
            source=source,
        )
    missing = [person for i, person in enumerate(theirs) if i not in set(matched)]
    if missing and not claim.and_others:
        yield _finding(
            "BN714",
            "author",
            f"{len(missing)} of the paper's {len(theirs)} authors missing: {_names(missing)}",
            expected=expected,
            found=found,
            source=source,
        )
    if matched != sorted(matched) or (claim.and_others and matched and matched[0] != 0):
        yield _finding(
            "BN715",
            "author",
            "authors listed in another order than on the paper",
            expected=expected,
            found=found,
            source=source,
        )


# --- year and venue -----------------------------------------------------------------------


def _year_findings(claim: Claim, record: Reference, source: str) -> Iterable[VerifyFinding]:
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
    earliest = min(years)
    if claim.year < earliest - 1 or min(abs(claim.year - y) for y in years) > 1:
        yield _finding(
            "BN722",
            "year",
            f"year {claim.year}; the paper is from {paper_year}",
            expected=paper_year,
            found=claim.year,
            source=source,
        )
    else:
        yield _finding(
            "BN723",
            "year",
            f"year {claim.year}; the paper is from {paper_year}",
            expected=paper_year,
            found=claim.year,
            source=source,
        )


def _arxiv_id_year(arxiv_id: str) -> int | None:
    match = re.match(r"(\d\d)(\d\d)\.", arxiv_id) or re.search(r"/(\d\d)(\d\d)", arxiv_id)
    if not match:
        return None
    yy = int(match.group(1))
    return 1900 + yy if yy >= 91 else 2000 + yy


_STOP = frozenset(
    {
        "of",
        "on",
        "the",
        "and",
        "in",
        "for",
        "to",
        "a",
        "an",
        "at",
        "proceedings",
        "conference",
        "international",
        "annual",
        "meeting",
        "workshop",
        "journal",
        "transactions",
        "ieee",
        "acm",
    }
)


def venues_agree(claimed: str, record: str) -> bool | None:
    """Whether two venue spellings name one venue; None when neither rule can tell.

    Table venues compare by identity (so "CVPR" is "Computer Vision and Pattern
    Recognition" but not its workshops); others by key, acronym ("ICML" = International
    Conference on Machine Learning) or abbreviation ("Mach. Learn." = "Machine Learning").
    """
    mine, theirs = find_venue(claimed), find_venue(record)
    if mine is not None and theirs is not None:
        return mine.short == theirs.short
    key_mine, key_theirs = venue_key(claimed), venue_key(record)
    if not key_mine or not key_theirs:
        return None
    if f" {key_mine} " in f" {key_theirs} " or f" {key_theirs} " in f" {key_mine} ":
        return True  # "…International Conference on Machine Learning" within its proceedings' title
    if _abbreviates(claimed, record) or _abbreviates(record, claimed):
        return True
    for text, other in ((claimed, record), (record, claimed)):
        for acronym in _ACRONYM_IN_PARENS.findall(text):
            if _abbreviates(acronym, other) or acronym.casefold() in _significant(other):
                return True  # "… Applications of Computer Vision (WACV)"
    words_mine, words_theirs = set(_significant(claimed)), set(_significant(record))
    if words_mine and words_theirs:
        overlap = len(words_mine & words_theirs) / len(words_mine | words_theirs)
        if overlap >= SAME_VENUE_WORDS:
            return True  # the same name with words added or dropped ("IEEE", "Proc.", a city)
    return None


_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Za-z][A-Za-z&-]{1,15})(?:['\s]*\d{2,4})?\s*\)")
# Share of significant words two spellings of one venue have in common, at least.
SAME_VENUE_WORDS = 0.6


def _significant(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", plain_text(text).casefold()) if w and w not in _STOP]


_LINKING = frozenset({"of", "on", "the", "and", "in", "for", "to", "a", "an", "at"})


def _abbreviates(short: str, long: str) -> bool:
    """True for an acronym ("ICML": International Conference on Machine Learning) or an
    abbreviation word by word ("J. Mach. Learn. Res.": Journal of Machine Learning Research)."""
    words = [w for w in re.split(r"[^0-9a-z]+", plain_text(long).casefold()) if w]
    significant = [w for w in words if w not in _STOP]
    compact = re.sub(r"[^0-9a-z]", "", short.casefold())
    initials = ("".join(w[0] for w in words), "".join(w[0] for w in significant))
    if len(compact) >= 2 and " " not in short.strip() and compact in initials:
        return True
    if "." not in short:
        return False
    parts = [p for p in re.split(r"[^0-9a-z]+", short.casefold()) if p and p not in _LINKING]
    linked = [w for w in words if w not in _LINKING]
    return len(parts) == len(linked) and all(w.startswith(p) for p, w in zip(parts, linked, strict=True))


def _venue_findings(
    claim: Claim, record: Reference, source: str, answers: Answers | None = None
) -> Iterable[VerifyFinding]:
    if not claim.venue:
        return
    claimed = find_venue(claim.venue)
    if claimed is not None and claimed.kind is VenueKind.PREPRINT:
        return  # citing the preprint of a published paper is not wrong
    published = record.entry_type in ("article", "inproceedings") and bool(record.venue)
    publisher = _publisher_record(answers or Answers())
    if not published and publisher is not None:
        # The matched record names no venue; the publisher's record of the paper does.
        yield from _journal_findings(claim, publisher, "crossref", Answers())
        return
    if not published:
        if source in PREPRINT_SOURCES:
            return  # arXiv and the snapshot know no published versions: nothing to compare with
        if record.entry_type == "preprint" and record.ids.arxiv_id and claim.entry_type != "misc":
            if _has_publisher_doi(record):
                return  # a preprint's record that names a journal DOI: published, venue unknown here
            issue = claim.volume_pages()
            yield _finding(
                "BN733",
                "venue",
                f"cited as published in {claim.venue}{f' ({issue})' if issue else ''}, but the paper is an "
                f"arXiv preprint ({record.ids.arxiv_id}) with no published version",
                expected="arXiv",
                found=claim.venue,
                source=source,
            )
            return
        yield from _unpublished_record_findings(claim, record, source, answers or Answers())
        return
    assert record.venue is not None
    if is_journal_citation(claim, record):
        yield from _journal_findings(claim, record, source, answers or Answers())
        return
    agree = venues_agree(claim.venue, record.venue)
    if agree:
        return
    if claimed is None and agree is None:
        yield _finding(
            "BN731",
            "venue",
            f"'{claim.venue}' is not where the paper appeared ({record.venue}), nor a venue bibnorm knows",
            expected=record.venue,
            found=claim.venue,
            source=source,
        )
    else:
        yield _finding(
            "BN732",
            "venue",
            f"the paper appeared in {record.venue}, not {claim.venue}",
            expected=record.venue,
            found=claim.venue,
            source=source,
        )


# --- journals: a cited journal against the paper's, through names, abbreviations and ISSNs -----


def is_journal_citation(claim: Claim, record: Reference) -> bool:
    """A journal is cited or is the paper's venue (not two conferences, which `venues_agree` compares)."""
    if record.entry_type == "article" or claim.entry_type == "article":
        return True
    claimed = find_venue(claim.venue) if claim.venue else None
    return claimed is None and claim.venue is not None and find_journal(claim.venue) is not None


class JournalComparison(Frozen):
    """Whether a cited journal is the paper's, and what was compared (for the finding's message)."""

    agree: bool | None  # None: no data tells (the cited name is unknown to every list)
    cited: str  # what the cited name is, and where that is known from
    paper: str  # the paper's journal, and which source and field said so


_FIELD_OF_SOURCE = {
    "crossref": "Crossref's container-title",
    "s2": "Semantic Scholar's venue",
    "dblp": "dblp's venue",
    "openalex": "OpenAlex's source",
    "arxiv": "arXiv's journal reference",
    "snapshot": "the arXiv snapshot",
}


def compare_journals(claim: Claim, record: Reference, source: str) -> JournalComparison:
    """The cited journal against the record's: ISSNs, then the journals the names (full, ISO 4,
    MEDLINE, the venue table's acronyms) stand for, then the names themselves word for word."""
    assert claim.venue is not None and record.venue is not None
    cited_journal = find_journal(claim.venue)
    spellings = [s for s in (record.venue, record.venue_short) if s]
    paper_journal = next((j for j in map(find_journal, spellings) if j is not None), None)
    paper = f"{record.venue} ({_FIELD_OF_SOURCE.get(source, source)}"
    paper += f", ISSN {', '.join(record.issn)})" if record.issn else ")"
    cited = f"{claim.venue} ({_journal_origin(cited_journal, claim.venue)})"
    if claim.issn and record.issn:
        shared = set(claim.issn) & set(record.issn)
        return JournalComparison(
            agree=bool(shared), cited=f"{cited}, ISSN {', '.join(claim.issn)}", paper=paper
        )
    if cited_journal is not None and paper_journal is not None:
        return JournalComparison(agree=same_journal(cited_journal, paper_journal), cited=cited, paper=paper)
    # One side unknown to every list: its name against the other side's names, word for word.
    cited_names = cited_journal.spellings if cited_journal is not None else (claim.venue,)
    paper_names = (*(paper_journal.spellings if paper_journal is not None else ()), *spellings)
    if any(_same_journal_name(mine, theirs) for mine in cited_names for theirs in paper_names):
        return JournalComparison(agree=True, cited=cited, paper=paper)
    if cited_journal is None and find_venue(claim.venue) is None:
        return JournalComparison(agree=None, cited=cited, paper=paper)  # nothing knows the cited name
    return JournalComparison(agree=False, cited=cited, paper=paper)


def _journal_origin(journal: Journal | None, text: str) -> str:
    """What the data says a cited name is: a journal of a list, a table conference, or nothing."""
    if journal is not None:
        return f"{journal.name} in {journal.origin}"
    venue = find_venue(text)
    if venue is not None:
        return f"{venue.name}, a {venue.kind.value} in bibnorm's venue table"
    return "in no journal list"


def _same_journal_name(cited: str, name: str) -> bool:
    """One journal's name two ways: equal keys, an abbreviation word by word, a subtitle left out.

    Never containment or shared words: "Nature" is not "Nature Communications", nor is
    "Journal of Applied Physics" "Journal of Applied Physics Letters".
    """
    if journal_key(cited) == journal_key(name):
        return True
    if _abbreviates(cited, name) or _abbreviates(name, cited):
        return True
    heads = [re.split(r"\s*[:.]\s+|\s+-\s+", text, maxsplit=1)[0] for text in (cited, name)]
    return journal_key(heads[0]) == journal_key(name) or journal_key(heads[1]) == journal_key(cited)


def _journal_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> Iterable[VerifyFinding]:
    """BN732 when the paper appeared in another journal, BN731 when no source and no list knows the
    cited one. Crossref's record of the paper (`Answers.of_paper`), when it was asked, is compared
    too: the citation stands when any record of the paper agrees, and the finding is the
    publisher's record's when there is one."""
    assert claim.venue is not None
    records = [(record, source)]
    records += [(answer.record, answer.source) for answer in answers.of_paper if answer.record is not None]
    comparisons = [compare_journals(claim, r, s) for r, s in records if r.venue]
    if any(c.agree for c in comparisons):
        return
    authority = comparisons[-1]  # Crossref's record of the DOI when it was asked, else the match
    if authority.agree is None:
        yield _finding(
            "BN731",
            "venue",
            f"'{claim.venue}' is not where the paper appeared ({authority.paper}), and no source or "
            f"journal list knows it",
            expected=records[-1][0].venue,
            found=claim.venue,
            source=records[-1][1],
        )
        return
    yield _finding(
        "BN732",
        "venue",
        f"the paper appeared in {authority.paper}, not in {authority.cited}",
        expected=records[-1][0].venue,
        found=claim.venue,
        source=records[-1][1],
    )


def _publisher_record(answers: Answers) -> Reference | None:
    """Crossref's published record of the matched paper, when it was asked for one."""
    return next(
        (
            answer.record
            for answer in answers.of_paper
            if answer.record is not None
            and answer.record.venue
            and answer.record.entry_type in ("article", "inproceedings")
        ),
        None,
    )


def _has_publisher_doi(record: Reference) -> bool:
    return bool(record.ids.doi) and not is_arxiv_doi(record.ids.doi)


def is_preprint_record(record: Reference) -> bool:
    """A record of a preprint server's copy with no published version (bioRxiv, SSRN, arXiv)."""
    if record.entry_type == "preprint":
        return True
    return record.entry_type == "misc" and is_preprint_venue(record.venue)


def _unpublished_record_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> Iterable[VerifyFinding]:
    """The paper's record names no publication: a preprint cited as published (BN733), or a cited
    venue that neither the record nor any list knows (BN731, unknown rather than verified)."""
    assert claim.venue is not None
    journal_doi = record.entry_type == "preprint" and _has_publisher_doi(record)  # not bioRxiv's own
    if is_preprint_record(record) and claim.entry_type != "misc" and not journal_doi:
        where = record.venue or "a preprint server"
        issue = claim.volume_pages()
        yield _finding(
            "BN733",
            "venue",
            f"cited as published in {claim.venue}{f' ({issue})' if issue else ''}, but "
            f"{SOURCE_NAMES.get(source, source)}'s record is a preprint on {where} with no published version",
            expected=where,
            found=claim.venue,
            source=source,
        )
        return
    known = find_venue(claim.venue) is not None or find_journal(claim.venue) is not None
    if not known and not any(a.record is not None and a.record.venue for a in answers.of_paper):
        yield _finding(
            "BN731",
            "venue",
            f"'{claim.venue}': the paper's record ({_FIELD_OF_SOURCE.get(source, source)}) names no venue, "
            f"and no journal list or venue table knows this one",
            found=claim.venue,
            source=source,
        )


def _version_findings(claim: Claim, answers: Answers) -> Iterable[VerifyFinding]:
    if claim.arxiv_version is None:
        return
    arxiv = next((a for a in answers.by_arxiv_id if a.source == "arxiv" and a.record is not None), None)
    if arxiv is None or arxiv.record is None or arxiv.record.ids.arxiv_version is None:
        return
    latest = arxiv.record.ids.arxiv_version
    if claim.arxiv_version > latest:
        yield _finding(
            "BN741",
            "eprint",
            f"arXiv {claim.arxiv_id} has no v{claim.arxiv_version} (latest v{latest})",
            expected=f"v1..v{latest}",
            found=f"v{claim.arxiv_version}",
            source="arxiv",
        )


PREPRINT_SOURCES = frozenset({"arxiv", "snapshot"})


def _venue_unchecked(claim: Claim, record: Reference | None, source: str | None, answers: Answers) -> bool:
    """A claimed venue only a source that could not be asked would have confirmed."""
    if not claim.venue or record is None or source not in PREPRINT_SOURCES or not answers.unavailable:
        return False
    claimed = find_venue(claim.venue)
    return not (claimed is not None and claimed.kind is VenueKind.PREPRINT)


def _deduplicated(findings: Iterable[VerifyFinding]) -> list[VerifyFinding]:
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for finding in findings:
        if (finding.code, finding.found) not in seen:
            seen.add((finding.code, finding.found))
            kept.append(finding)
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
    return _finding(
        "BN706",
        "title",
        f"no paper with this title in {', '.join(asked)}",
        found=claim.title,
        source=", ".join(asked),
    )
