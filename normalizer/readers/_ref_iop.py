"""References in IOP Publishing's numbered style (iopart-num; J. Phys., Class. Quantum Grav.):
family names with bare initials, the year after the names, and no punctuation between fields —
"Carlip S and Vera R 1998 Phys. Rev. D 58 011345". An article prints no title: the journal
follows the year at once. A book, thesis or preprint prints one, ended by what IOP sets after
it: the publisher in parentheses "(Moscow: Moscow State University Press)", "(Preprint …)",
"vol 1", "4th ed", "ed Dunning F B", "p 103", "Ph.D. thesis".
"""

from __future__ import annotations

import re

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.names import PARTICLES
from bibnorm.text.word_tables import alternation, kinds_of_work

# A family name's particles, lower-case or capitalised ("de ", "De Pasquale D", "Della Rocca V").
_PARTICLES_BEFORE = rf"(?:{alternation(PARTICLES, capitalised=True)}\s)*"
_NAME = rf"{_PARTICLES_BEFORE}[A-Z][^\s\d,.;:()a-z]*[a-z][^\s\d,.;:()]*(?:\s[A-Z]){{1,3}}"  # "Mottelson B R"
_IOP = re.compile(
    rf"^(?P<authors>{_NAME}(?:,\s{_NAME})*(?:,?\sand\s{_NAME})?(?:\set al\.)?(?:\s\(eds?\))?)"
    rf"\s{YEARS}[a-z]?\s(?P<rest>.+)$"
)
# An abbreviated journal, then its volume: "Phys. Rev. D 58", "Astrophys. Space Sci. 10",
# "J. High Energy Phys. JHEP12", "Eur. Phys. J. A 25(s01)", a place in parentheses after it
# ("J. Phys. (London) G41").
# (An abbreviated word first, then words abbreviated or not: one way to read a run of words.)
_JOURNAL = re.compile(r"^[A-Z][a-z]*\.\s(?:[A-Z][a-z]*+\.?\s)*(?:\([A-Z][a-z]++\)\s)?(?:[A-Z]\s)?[A-Z]*\d")
# A thesis's kind (normalizer/data/kinds-of-work.json): "Ph.D. thesis".
_THESIS_KIND = kinds_of_work().thesis_kind()
# A series in parentheses ends a title too: "(Lecture Notes in Physics vol 708)".
_TITLE_END = re.compile(
    r"(?:^|\s)(?:\((?:Preprint\b|[^():]*:[^()]*\)|[^()]*\b(?:vol|no)\s\d[^()]*\))"
    rf"|vol\s\d|\d+(?:st|nd|rd|th)\sed\b|ed\s[A-Z]|pp?\s\d|{_THESIS_KIND}\b)"
)


def iop_title_and_authors(text: str) -> tuple[str | None, str] | None:
    """The title (None for an article: IOP prints none) and the authors of an IOP-style reference,
    or None when ``text`` is not one."""
    match = _IOP.match(text)
    if match is None:
        return None
    rest = match.group("rest")
    if _JOURNAL.match(rest):
        return None, match.group("authors")
    end = _TITLE_END.search(rest)
    title = (rest[: end.start()] if end else rest).strip(" .,")
    return (title or None), match.group("authors")
