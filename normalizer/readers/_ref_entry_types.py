"""What a printed venue says of a reference's kind: the BibTeX entry type it implies and, for a
book or a thesis, its publisher or school.

A thesis prints its kind where a paper names its venue ("PhD thesis, MIT", "Ph.D.
dissertation", "Master's thesis"); a book its press alone ("MIT Press", "Cambridge University
Press"); a known conference or journal (`bibnorm.text.venues`) is a paper in proceedings or an
article, as is a venue that names proceedings or a journal; anything else is ``misc``.
"""

from __future__ import annotations

import re

from bibnorm.text.word_tables import alternation, kinds_of_work, venue_words

# The words that make a venue a meeting's proceedings or a journal (venue-words.json).
_VENUE_WORDS = venue_words()
_PROCEEDINGS = re.compile(
    rf"\b{alternation((*_VENUE_WORDS.meetings, *_VENUE_WORDS.meeting_abbreviations))}\b", re.IGNORECASE
)


def names_a_meeting(text: str) -> bool:
    """Whether ``text`` holds a meeting's word (venue-words.json: "Proceedings", "Workshop")."""
    return _PROCEEDINGS.search(text) is not None


_JOURNAL = re.compile(
    rf"\b{alternation((*_VENUE_WORDS.journals, *_VENUE_WORDS.journal_abbreviations))}\b", re.IGNORECASE
)


# What a printed thesis or book says where a paper names its venue: "PhD thesis, MIT",
# "Ph.D. dissertation", "Master's thesis"; a press alone ("MIT Press", "Cambridge University
# Press"), as a book is printed, where a journal or proceedings would be named.
# (The degrees and words of normalizer/data/kinds-of-work.json.)
_THESIS_WORD = kinds_of_work().thesis_word
_THESES = {  # by the BibTeX type each is
    kind: re.compile(rf"^{kinds_of_work().thesis_kind(kind)}\b") for kind in ("phdthesis", "mastersthesis")
}
_PRESS = re.compile(r"^(?:[A-Z][\w'.&-]*\s+){1,4}Press$")


def entry_type_of(venue: str | None) -> str:
    """The BibTeX type a printed venue implies: a thesis, a book (a press alone), a conference's
    proceedings, a journal, else misc."""
    from bibnorm.text.venues import VenueKind, find_venue  # local: venues is a large table

    if not venue:
        return "misc"
    thesis = next((kind for kind, printed in _THESES.items() if printed.match(venue)), None)
    if thesis is not None:
        return thesis
    if _PRESS.match(venue.strip(" .,")):
        return "book"  # capitalised words then "Press": never "Proceedings of the … Press"
    known = find_venue(venue)
    if known is not None:
        return {VenueKind.CONFERENCE: "inproceedings", VenueKind.JOURNAL: "article"}.get(known.kind, "misc")
    if _PROCEEDINGS.search(venue):
        return "inproceedings"
    return "article" if _JOURNAL.search(venue) else "misc"


# A thesis's school as printed after it: "PhD thesis, MIT, 2001" → "MIT".
_SCHOOL = re.compile(
    rf"\b{_THESIS_WORD}\s*[,.]\s*+([^,.;()\d][^,.;()]*?)(?<!\s)\s*+(?:[,.;(]|$)", re.IGNORECASE
)


def publisher_of(reference: str, venue: str | None, entry_type: str) -> str | None:
    """A book's press (its venue) or a thesis's school (printed after "PhD thesis,")."""
    if entry_type == "book":
        return venue
    if entry_type in ("phdthesis", "mastersthesis"):
        match = _SCHOOL.search(reference)
        return match.group(1).strip() if match else None
    return None
