"""Journals: a cited journal against the paper's, through ISSNs, the journals the names stand
for (full, ISO 4, MEDLINE, the venue table's acronyms) and the names word for word; and the
journal findings (BN731, BN732) that come of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from bibnorm.models import Frozen, Reference
from bibnorm.text.journal_abbreviations import abbreviates_loosely
from bibnorm.text.journals import (
    Journal,
    abbreviates_title,
    find_journal,
    is_listed,
    journal_key,
    journal_title_cores,
    same_journal,
    subtitled,
)
from bibnorm.text.venues import find_venue
from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding
from bibnorm.verify.venue_names import abbreviates


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


FIELD_OF_SOURCE = {
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
    paper = f"{record.venue} ({FIELD_OF_SOURCE.get(source, source)}"
    paper += f", ISSN {', '.join(record.issn)})" if record.issn else ")"
    cited = f"{claim.venue} ({_journal_origin(cited_journal, claim.venue)})"
    if claim.issn and record.issn:
        shared = set(claim.issn) & set(record.issn)
        return JournalComparison(
            agree=bool(shared), cited=f"{cited}, ISSN {', '.join(claim.issn)}", paper=paper
        )
    if cited_journal is not None and paper_journal is not None:
        one = same_journal(cited_journal, paper_journal) or _abbreviates_either(cited_journal, paper_journal)
        return JournalComparison(agree=one, cited=cited, paper=paper)
    agree = _names_agree(claim.venue, cited_journal, spellings, paper_journal)
    return JournalComparison(agree=agree, cited=cited, paper=paper)


def _names_agree(
    cited_name: str, cited_journal: Journal | None, paper_spellings: list[str], paper_journal: Journal | None
) -> bool | None:
    """One side unknown to every list: its name against the other side's names, word for word;
    None when nothing knows the cited name."""
    cited_names = (*cited_journal.spellings, cited_name) if cited_journal is not None else (cited_name,)
    paper_names = (*(paper_journal.spellings if paper_journal is not None else ()), *paper_spellings)
    if any(_same_journal_name(mine, theirs) for mine in cited_names for theirs in paper_names):
        return True
    if cited_journal is None and find_venue(cited_name) is None:
        # A name no list has, so no other journal's: its words against the paper's, the
        # publisher's seat added and its name left out as the AMS abbreviates serials.
        if not is_listed(cited_name) and any(
            abbreviates_loosely(cited_name, theirs) for theirs in paper_names
        ):
            return True
        return None
    return False


def _abbreviates_either(a: Journal, b: Journal) -> bool:
    """Two rows of the lists for one journal: a spelling of one is the other's title abbreviated
    (JabRef lists "IEEE Trans. Syst., Man, Cybern. A" and "… Cybernetics Part A: Systems and
    Humans" apart)."""
    pairs = ((a, b), (b, a))
    return any(
        abbreviates_title(short, core)
        for one, other in pairs
        for short in one.spellings
        for core in journal_title_cores(other.name)
    )


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
    for short, long in ((cited, name), (name, cited)):
        if " " not in short.strip() and abbreviates(short, long):
            return True  # an acronym: "JMLR"
        # Word by word, a series letter kept ("IEEE Trans. Syst., Man, Cybern. A" is not "IEEE
        # Transactions on Systems, Man, and Cybernetics"), also against a catalogue's full title
        # around the journal's own ("Akademiya Nauk SSSR. Matematicheskie Zametki": "Mat. Zametki").
        if any(abbreviates_title(short, core) for core in journal_title_cores(long)):
            return True
    return subtitled(cited, name) or subtitled(name, cited)


def journal_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> Iterator[VerifyFinding]:
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
        code = "BN731"
        message = (
            f"'{claim.venue}' is not where the paper appeared ({authority.paper}), and no source or "
            f"journal list knows it"
        )
    else:
        code, message = "BN732", f"the paper appeared in {authority.paper}, not in {authority.cited}"
    paper, where = records[-1]
    yield finding(code, "venue", message, expected=paper.venue, found=claim.venue, source=where)
