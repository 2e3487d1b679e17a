"""Venues: the claimed booktitle or journal against where the paper appeared (BN731, BN732),
a preprint cited as published (BN733), and the venue's name of another year (BN734, a note).

Citing the preprint of a published paper is not wrong; a venue that only a source the run
could not ask would have confirmed leaves the entry unverifiable, never verified.

Sources disagree about venues, and not all of them know: the publisher's record of the paper
(Crossref's, by its DOI), dblp's and OpenAlex's name where it appeared; Semantic Scholar's venue
string is its own guess (it names ACL for papers of NAACL and EMNLP). So a venue is the cited
one when any of those records of the paper names it (`_named_by_an_authority`), whichever
record the entry was matched with.
"""

from __future__ import annotations

from collections.abc import Iterator

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Reference
from bibnorm.resolve.venue_kind import SOURCE_NAMES
from bibnorm.text.journals import find_journal
from bibnorm.text.printed import venue_after_title
from bibnorm.text.titles import same_title
from bibnorm.text.venues import VenueKind, find_venue, is_preprint_venue
from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.journals import FIELD_OF_SOURCE, compare_journals, is_journal_citation, journal_findings
from bibnorm.verify.venue_names import venues_agree

# The sources that know preprints only: no published version to compare a venue with.
PREPRINT_SOURCES = frozenset({"arxiv", "snapshot"})


def venue_findings(claim: Claim, record: Reference, source: str, answers: Answers) -> list[VerifyFinding]:
    """The claimed venue against the paper's (`_claimed_venue_findings`). A printed reference
    (a PDF's, a list's) whose venue as read is not the paper's is read again where the text
    prints a venue after the paper's title (`venue_after_title`): a reader that split "Proc.
    ACM Manag. Data" at its dots or "Immunity, inflammation and disease" at its comma, or took
    a subtitle for the venue, cited the right venue all the same; one whose text prints nothing
    after the paper's title names no venue to judge."""
    findings = list(_claimed_venue_findings(claim, record, source, answers))
    if any(f.code in _WRONG_VENUE for f in findings) and _named_by_an_authority(claim, record, answers):
        findings = [f for f in findings if f.code not in _WRONG_VENUE]
    if not claim.text or not any(f.code in _WRONG_VENUE for f in findings):
        return findings
    printed = venue_after_title(claim.text, record.title)
    if printed is None or printed == claim.venue:
        return findings
    reread = claim.model_copy(update={"venue": printed or None})  # "": the text prints no venue
    again = list(_claimed_venue_findings(reread, record, source, answers))
    return findings if any(f.code in _WRONG_VENUE for f in again) else again


_WRONG_VENUE = frozenset({"BN731", "BN732"})

# The sources whose record names where a paper appeared: the publisher's (Crossref, by DOI) and
# the curated indexes. Semantic Scholar's venue string ranks below them.
AUTHORITATIVE_SOURCES = frozenset({"crossref", "dblp", "openalex"})


def _named_by_an_authority(claim: Claim, record: Reference, answers: Answers) -> bool:
    """Whether a record of the paper ``record`` is, from an authoritative source, names the
    claimed venue: the publisher's record of the cited DOI or of the paper's, dblp's, OpenAlex's."""
    assert claim.venue is not None
    return any(
        bool(compare_journals(claim, other, source).agree)
        if is_journal_citation(claim, other)
        else bool(venues_agree(claim.venue, other.venue or ""))
        for source, other in _authoritative_records(record, answers, claim.doi)
    )


def _authoritative_records(
    record: Reference, answers: Answers, doi: str | None = None
) -> Iterator[tuple[str, Reference]]:
    """(source, record) of each published record of the paper ``record`` is that an authoritative
    source holds: the same title, or the cited ``doi`` both carry."""
    for answer in (*answers.of_paper, *answers.by_doi, *answers.by_title, *answers.by_arxiv_id):
        other = answer.record
        if other is None or not other.venue or answer.source not in AUTHORITATIVE_SOURCES:
            continue
        if other.entry_type not in ("article", "inproceedings"):
            continue
        if same_title(other.title, record.title) or (bool(doi) and other.ids.doi == doi == record.ids.doi):
            yield answer.source, other


def with_authoritative_venue(record: Reference, source: str, answers: Answers) -> Reference:
    """``record`` (``source``'s) with the venue an authoritative record of the paper names in place
    of its own, when ``source`` is none (Semantic Scholar's venue string): what a report suggests
    citing is the publisher's or dblp's venue, never Semantic Scholar's alone."""
    if source in AUTHORITATIVE_SOURCES:
        return record
    for authority, other in _authoritative_records(record, answers):
        update = {
            "venue": other.venue,
            "venue_short": other.venue_short,
            "entry_type": other.entry_type,
            "provenance": {**record.provenance, "venue": authority},
        }
        return record.model_copy(update=update)
    return record


def _claimed_venue_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> Iterator[VerifyFinding]:
    """The claimed venue against the paper's: a journal's through `journal_findings`, a
    conference's through `venues_agree`; against a record that names no venue, see
    `_unpublished_venue_findings`."""
    if not claim.venue:
        return
    claimed = find_venue(claim.venue)
    if claimed is not None and claimed.kind is VenueKind.PREPRINT:
        return  # citing the preprint of a published paper is not wrong
    if not (record.entry_type in ("article", "inproceedings") and record.venue):
        yield from _unpublished_venue_findings(claim, record, source, answers)
    elif is_journal_citation(claim, record):
        yield from journal_findings(claim, record, source, answers)
    else:
        yield from _conference_findings(claim, record, source, claimed is not None)


def _unpublished_venue_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> Iterator[VerifyFinding]:
    """The matched record names no publication: the publisher's record of the paper, when
    Crossref gave one, is compared instead; else a preprint cited as published (BN733)."""
    publisher = _publisher_record(answers)
    if publisher is not None:
        yield from journal_findings(claim, publisher, "crossref", Answers())
        return
    if source in PREPRINT_SOURCES:
        return  # arXiv and the snapshot know no published versions: nothing to compare with
    if record.entry_type == "preprint" and record.ids.arxiv_id and claim.entry_type != "misc":
        # A preprint's record that names a journal DOI is published, its venue unknown here.
        if not _has_publisher_doi(record):
            preprint = f"the paper is an arXiv preprint ({record.ids.arxiv_id})"
            yield _preprint_as_published(claim, preprint, "arXiv", source)
        return
    yield from _unpublished_record_findings(claim, record, source, answers)


def _conference_findings(
    claim: Claim, record: Reference, source: str, claimed_known: bool
) -> Iterator[VerifyFinding]:
    """BN732 when the paper appeared at another venue, BN731 when the claimed one is not in the
    venue table and no rule can tell whether it is the paper's."""
    assert claim.venue is not None and record.venue is not None
    agree = venues_agree(claim.venue, record.venue)
    if agree:
        yield from _renamed_venue_note(claim, record, source)
        return
    if not claimed_known and agree is None:
        code = "BN731"
        message = (
            f"'{claim.venue}' is not where the paper appeared ({record.venue}), nor a venue bibnorm knows"
        )
    else:
        code, message = "BN732", f"the paper appeared in {record.venue}, not {claim.venue}"
    yield finding(code, "venue", message, expected=record.venue, found=claim.venue, source=source)


def _renamed_venue_note(claim: Claim, record: Reference, source: str) -> Iterator[VerifyFinding]:
    """BN734, a note: the venue is the paper's, under the name it carried in other years ("NeurIPS"
    for a 2017 paper, whose proceedings were "NIPS") — the same venue, not an error."""
    assert claim.venue is not None
    venue = find_venue(claim.venue)
    year = record.issued.year if record.issued else claim.year
    if venue is None or year is None or not venue.names_another_year(claim.venue, year):
        return
    named = venue.name_in(year)
    message = f"'{claim.venue}' is the venue's name of other years; its {year} proceedings are {named}"
    yield finding("BN734", "venue", message, expected=named, found=claim.venue, source=source)


def _preprint_as_published(claim: Claim, preprint: str, expected: str, source: str) -> VerifyFinding:
    """BN733: cited as published in a venue, but what ``preprint`` says has no published version."""
    issue = claim.volume_pages()
    published = f"cited as published in {claim.venue}{f' ({issue})' if issue else ''}"
    message = f"{published}, but {preprint} with no published version"
    return finding("BN733", "venue", message, expected=expected, found=claim.venue, source=source)


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
) -> Iterator[VerifyFinding]:
    """The paper's record names no publication: a preprint cited as published (BN733), or a cited
    venue that neither the record nor any list knows (BN731, unknown rather than verified)."""
    assert claim.venue is not None
    journal_doi = record.entry_type == "preprint" and _has_publisher_doi(record)  # not bioRxiv's own
    if is_preprint_record(record) and claim.entry_type != "misc" and not journal_doi:
        where = record.venue or "a preprint server"
        preprint = f"{SOURCE_NAMES.get(source, source)}'s record is a preprint on {where}"
        yield _preprint_as_published(claim, preprint, where, source)
        return
    known = find_venue(claim.venue) is not None or find_journal(claim.venue) is not None
    if not known and not any(a.record is not None and a.record.venue for a in answers.of_paper):
        yield finding(
            "BN731",
            "venue",
            f"'{claim.venue}': the paper's record ({FIELD_OF_SOURCE.get(source, source)}) names no venue, "
            f"and no journal list or venue table knows this one",
            found=claim.venue,
            source=source,
        )


def venue_unchecked(claim: Claim, record: Reference | None, source: str | None, answers: Answers) -> bool:
    """A claimed venue only a source that could not be asked would have confirmed."""
    if not claim.venue or record is None or source not in PREPRINT_SOURCES or not answers.unavailable:
        return False
    claimed = find_venue(claim.venue)
    return not (claimed is not None and claimed.kind is VenueKind.PREPRINT)
