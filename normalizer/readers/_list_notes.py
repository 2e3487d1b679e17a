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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.readers._pdf_sections import LineT
from bibnorm.readers._ref_apa import AUTHOR_DATE
from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import looks_like_reference

_NOTE = re.compile(r"^\s*Note[:.]\s")
_DATE_OR_LINK = re.compile(
    r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)|\bn\.\s?d\.|\bin press\b|https?://|www\.|\bdoi\b|\b10\.\d{4,9}/",
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
        elif in_note and (AUTHOR_DATE.match(text) or looks_like_reference(text)):
            in_note = False
        kept.append(line._replace(text="") if in_note and text else line)  # type: ignore[attr-defined]
    return kept


def without_leading_notes(references: ReferenceList) -> ReferenceList:
    """The list without the sentences set before its first reference (see the module docstring)."""
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
