"""A published version is a journal article or a proceedings paper by evidence, never by a label.

Sources label papers loosely: Semantic Scholar's ``publicationTypes`` calls Nature papers
"Conference" as often as not, OpenAlex calls a source a "conference" when it publishes
proceedings in a journal, and a ``.bib`` entry may say ``@inproceedings{…, booktitle =
{Nature}}``. `kind_by_evidence` decides from, in this order:

1. **Crossref's type of the DOI** (``journal-article``, ``proceedings-article``; a
   ``book-chapter`` of a proceedings series such as LNCS): the publisher's own deposit;
2. **an ISSN** on a venue that nothing calls a conference (no "conference", "proceedings",
   "symposium", "workshop" or "meeting" in its name, not a conference in the venue table):
   journals are registered serials;
3. **the venue data**: the venue table's kind (`bibnorm.text.venues`), then JabRef's
   journal list (`bibnorm.text.journals`) for a name without conference words.

A book series (LNCS, PMLR, CEUR: `bibnorm.text.series`) named as the venue is evidence of
nothing: it has an ISSN and JabRef lists it, but it is no journal. A source's label counts only
when none of these speaks. When the evidence overrules the
label a record came with, the record's notes say both (`settle_entry_type`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bibnorm.models import EntryType, Reference
from bibnorm.text.word_tables import alternation, bare_words, venue_words

_VENUE_WORDS = venue_words()
# "Proceedings", "Symposium", "Proc." (venue-words.json's meetings): a meeting's, not a journal.
_CONFERENCE_WORDS = re.compile(
    rf"\b{alternation((*_VENUE_WORDS.meetings, *bare_words(_VENUE_WORDS.meeting_abbreviations)))}\b",
    re.IGNORECASE,
)
VENUE_DATA = "venue-data"  # provenance of an entry type the venue's own data decided
_LABELS = {"article": "a journal article", "inproceedings": "a proceedings paper"}
# The sources as notes and findings name them.
SOURCE_NAMES = {
    "s2": "Semantic Scholar",
    "arxiv": "arXiv",
    "snapshot": "the arXiv snapshot",
    "dblp": "dblp",
    "crossref": "Crossref",
    "openalex": "OpenAlex",
    "input": "the input",
}


class KindEvidence(NamedTuple):
    kind: EntryType
    because: str  # what said so, for notes: "Crossref's type of 10.1038/… is journal-article"
    source: str = VENUE_DATA  # the provenance the entry type then has


def kind_by_evidence(reference: Reference, crossref_type: str | None = None) -> KindEvidence | None:
    """What the evidence says a published record is (see the module docstring); ``None`` when
    only the record's own label speaks."""
    # Local: the venue table and the journal list are read only when a published record needs them.
    from bibnorm.text.journals import find_journal
    from bibnorm.text.series import named_series
    from bibnorm.text.venues import VenueKind, find_venue

    by_crossref = _crossref_evidence(reference, crossref_type)
    if by_crossref is not None:
        return by_crossref
    venue = reference.venue or ""
    if not venue:
        return None
    if named_series(venue) is not None:
        return None  # a book series (LNCS) is no journal, though it has an ISSN and JabRef lists it
    table = find_venue(venue)
    if table is not None and table.kind is VenueKind.PREPRINT:
        return None
    conference_words = bool(_CONFERENCE_WORDS.search(venue))
    if reference.issn and not conference_words and not (table and table.kind is VenueKind.CONFERENCE):
        return KindEvidence("article", f"{venue!r} has an ISSN ({reference.issn[0]}) and is no conference")
    if table is not None:
        kind: EntryType = "article" if table.kind is VenueKind.JOURNAL else "inproceedings"
        return KindEvidence(kind, f"bibnorm's venue table lists {venue!r} as a {table.kind.value}")
    if not conference_words and find_journal(venue) is not None:
        return KindEvidence("article", f"JabRef's journal list names {venue!r} a journal")
    return None


def _crossref_evidence(reference: Reference, crossref_type: str | None) -> KindEvidence | None:
    """What Crossref's type of the DOI says, the publisher's own deposit."""
    doi = reference.ids.doi or "the DOI"
    if crossref_type in ("journal-article", "proceedings-article"):
        kind: EntryType = "article" if crossref_type == "journal-article" else "inproceedings"
        return KindEvidence(kind, f"Crossref's type of {doi} is {crossref_type}", "crossref")
    if crossref_type == "book-chapter" and reference.series:
        because = f"Crossref files {doi} as a chapter of a {reference.series} proceedings volume"
        return KindEvidence("inproceedings", because, "crossref")
    return None


def settle_entry_type(reference: Reference, crossref_type: str | None = None) -> Reference:
    """The record with the entry type its evidence gives (`kind_by_evidence`), and a note
    naming the label it had and what overruled it; unchanged when they agree."""
    if reference.entry_type not in _LABELS or not reference.venue:
        return reference
    evidence = kind_by_evidence(reference, crossref_type)
    if evidence is None or evidence.kind == reference.entry_type:
        return reference
    labelled_by = reference.provenance.get("entry_type", "the record")
    note = (
        f"{SOURCE_NAMES.get(labelled_by, labelled_by)} labels it {_LABELS[reference.entry_type]}; "
        f"{evidence.because}: written as {_LABELS[evidence.kind]}"
    )
    return reference.model_copy(
        update={
            "entry_type": evidence.kind,
            "provenance": {**reference.provenance, "entry_type": evidence.source},
            "notes": tuple(dict.fromkeys((*reference.notes, note))),
        }
    )
