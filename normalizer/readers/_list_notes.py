"""Notes set with a reference list that are no reference.

- A note after a list's references opens with "Note:" or "Note." (APA sets its notes so;
  biblatex-apa's examples: "Note: The username feature is nicely managed by biber's annotation
  feature …"), flush with the list. It goes on until a line that opens a reference — an author's
  place and a date, as the list's references open ("Smith, A. (2014a).") — or reads as one; its
  lines are no part of the reference before it, which it would otherwise be read as going on.
- A note before a list's references is a sentence about them: APA's "References marked with an
  asterisk indicate studies included in the meta-analysis." It has no date (no year, "n.d.",
  "in press"), no link or identifier, and reads as prose: one sentence of five words or more,
  no comma in it, the second word in lower case ("References marked …") — an author's place
  holds names and commas, a title's place comes after a date.
- A paper's note set as an item of the list: REVTeX (APS, AIP) prints the footnotes of the text
  as numbered items of the reference list, and so do styles with ``\\bibnote`` (natbib's notes,
  achemso). Such a note is a sentence of the paper, not a work: "In the static case we observed
  d-wave instability for T = 0.02t.", "The equation … differs from the one usually reported,
  see, e.g., Ref. 9. This is because we took …". An item is one when it speaks as the paper
  does — "we", "our", "us", or points into the paper or its list ("Ref. 9", "Eq. (3)", "Fig. 2",
  "Sec. IV") — and holds nothing a reference is found by: no year, no DOI, no arXiv id, no link,
  and it does not open with a name. So is a long sentence of the paper set there (achemso's
  ``\\bibnote``: "In Koopmans theorem the ith ionization potential is approximated by the
  corresponding energy eigenvalue of the canonical SCF equation."): twelve words or more in
  sentence case, one full stop at its end and none of the marks that set a reference's fields
  apart (comma, semicolon, colon, quotes, italics), holding nothing a reference is found by and
  not opening with a name; and so is a paragraph of the paper's prose (a thesis's notes: "This
  analysis assumes that both D and J are isotropic. For molecules on an optical lattice, the
  magnitude and sign of D and J depend on …"): two sentences or more, twenty-four words or more,
  at most a quarter of them capitalised and none in italics, three of them or more the verbs and
  pointers prose is made of and a title seldom holds ("is", "are", "may", "this", "that", "there"
  …), holding nothing a reference is found by and not opening with a name. The pointer to a
  paper's supplemental material is a note, whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.readers._pdf_sections import LineT, reads_as_entry
from bibnorm.readers._pdf_typography import unmark_italics
from bibnorm.readers._ref_dates import YEARS
from bibnorm.readers._ref_ids import OLD_STYLE_ID
from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import looks_like_reference
from bibnorm.text.names import PARTICLES_BEFORE
from bibnorm.text.word_tables import alternation, table_entries

_NOTE = re.compile(r"^\s*Note[:.]\s")
_DATE_OR_LINK = re.compile(
    rf"(?<!\d){YEARS}(?!\d)|\bn\.\s?d\.|\bin press\b|https?://|www\.|\bdoi\b|\b10\.\d{{4,9}}/",
    re.IGNORECASE,
)
_PROSE = re.compile(r"^[A-Z][a-z]+\s+[a-z]+\b")
_PROSE_WORDS = 5


def blank_notes(lines: Sequence[LineT]) -> list[LineT]:
    """The lines with those of a note after the references blanked (see the module docstring)."""
    kept: list[LineT] = []
    in_note = False
    for line in lines:
        text = line.text
        if _NOTE.match(text):
            in_note = True
        elif in_note and reads_as_entry(text):
            in_note = False
        kept.append(line._replace(text="") if in_note and text else line)  # type: ignore[attr-defined]
    return kept


def without_notes(references: ReferenceList) -> ReferenceList:
    """The list without the sentences set before its first reference and the paper's notes set
    among its items (see the module docstring)."""
    references = _without_leading_notes(references)
    return references._replace(items=[item for item in references.items if not is_note(item.text)])


def _without_leading_notes(references: ReferenceList) -> ReferenceList:
    """The list without the sentences set before its first reference."""
    items = list(references.items)
    while len(items) > 1 and _is_note(items[0].text):
        items.pop(0)
    return references._replace(items=items) if len(items) < len(references.items) else references


def _is_note(text: str) -> bool:
    text = " ".join(text.split())
    return (
        len(text.split()) >= _PROSE_WORDS
        and "," not in text
        and ". " not in text.rstrip(".")
        and bool(_PROSE.match(text))
        and not _DATE_OR_LINK.search(text)
        and not looks_like_reference(text)
    )


_PAPER_WORDS = table_entries("prose-words.json")  # a paper's own words: "we", "Ref", "is"
_PAPER_SPEAKS = re.compile(  # "we", "Ref. [20]", "Eq. (3)", "Sec. IV"
    rf"\b{alternation(_PAPER_WORDS['speaking'])}\b"
    rf"|\b{alternation(_PAPER_WORDS['pointers'])}\.\s?(?:[(\[]?\d|[IVX])"
)
# How a reference opens: initials and a family name ("A. A. Abrikosov", "J. van der Berg",
# "É. É. Flanagan"), an inverted name ("Hasson, U.", "Hasson U,"), a collaboration.
_OPENS_WITH_NAME = re.compile(
    rf"^(?:[^\W\d_a-z]\.\s?(?:-[^\W\d_a-z]\.\s?)?){{1,4}}\s?{PARTICLES_BEFORE}[^\W\d_a-z]"
    r"|^[^\W\d_a-z][\w'’-]+,?\s(?:[^\W\d_a-z]\.?\s?){1,3}[,.]"
    r"|^(?:[^\W\d_a-z][\w-]+\s){1,4}Collaboration"
)
# (An old-style arXiv id is looked for once per run of its letters: from the run's start, up to the
# first letter a word boundary precedes, where the id's search would start.)
_FOUND_BY = re.compile(
    rf"(?<!\d){YEARS}(?!\d)|\b10\.\d{{4,9}}/|arXiv|https?://|www\.|"
    rf"(?<![a-z-])(?=[a-z-]*?\b[a-z-])[a-z-]++{OLD_STYLE_ID.removeprefix('[a-z-]+')}\b"
)


def is_note(text: str) -> bool:
    """Whether a list's item ``text`` is one of the paper's notes, not a reference."""
    if _SUPPLEMENT.match(text):
        return True
    return (
        (bool(_PAPER_SPEAKS.search(text)) or _reads_as_prose(*_sentence_case(text)))
        and not _FOUND_BY.search(text)
        and not _OPENS_WITH_NAME.match(text)
    )


def _reads_as_prose(plain: str, words: list[str]) -> bool:
    """Whether an item's text without its italics marks (``plain``, its ``words`` as
    `_sentence_case` gives them) is one long sentence of prose or a paragraph of it."""
    return _one_sentence(plain, words) or _prose(plain, words)


def _one_sentence(plain: str, words: list[str]) -> bool:
    """Whether a text is one long sentence of prose: twelve words or more, at most a quarter of
    them capitalised (a title in title case is none), one full stop at its end, and no mark that
    sets a reference's fields apart (see the module docstring)."""
    return len(words) >= _SENTENCE_WORDS and not _FIELD_MARKS.search(plain.rstrip(". "))


_SENTENCE_WORDS = 12


def _prose(plain: str, words: list[str]) -> bool:
    """Whether a text is a paragraph of prose: two sentences or more, twenty-four words or more,
    at most a quarter of them capitalised and none in italics, three or more of prose's own words
    (see the module docstring)."""
    return (
        len(words) >= _PARAGRAPH_WORDS
        and sum(1 for word in words if word.strip(",.;:").casefold() in _PROSE_VERBS) >= _MIN_PROSE_VERBS
        and _SENTENCE_BREAK.search(plain) is not None
    )


def _sentence_case(text: str) -> tuple[str, list[str]]:
    """``text`` without its italics marks, and its words where at most a quarter of them are
    capitalised and none is in italics, as prose is set (none otherwise)."""
    plain, italics = unmark_italics(text)
    words = plain.split()
    capitalised = sum(1 for word in words if word[:1].isupper())
    return plain, words if 4 * capitalised <= len(words) and not italics else []


_PARAGRAPH_WORDS = 24
# Verbs and pointers of a paper's sentences that a title seldom holds (three in one item).
_PROSE_VERBS = frozenset(_PAPER_WORDS["verbs"])
_MIN_PROSE_VERBS = 3
# A sentence's end and the next one's start: a full stop after a word of two letters or more (not
# an initial's), then a capitalised word of lower-case letters.
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?]\s[A-Z][a-z]+\s")
_FIELD_MARKS = re.compile(r"[,;:“”\"]|\.\s")


# The note every Physical Review paper sets in its list, link and references included: "See
# Supplemental Material at http://link.aps.org/supplemental/… for …, which includes Refs. [40–42]."
_SUPPLEMENT = re.compile(r"^See (?:the |also )?supplementa(?:l|ry) (?:material|information)\b", re.IGNORECASE)
