"""A quoted title with words between it and the names' sentence: what those words are.

Most styles put the quoted title right after the names ("Moore. “Cramming …”", "A. Name and
B. Name, “Title,”"). Where words stand between the sentence of names and the quotes, they are
one of two things (biblatex's standard styles):

- a multi-volume work's title before the volume's own, "Vol. 1:" last ("Friedrich Nietzsche.
  Sämtliche Werke. Kritische Studienausgabe. Vol. 1: *Die Geburt der Tragödie …*", its italic
  volume title quoted by `_italic_titles`): the quoted part is the title, the names end at
  their sentence;
- the title's own words, a quotation inside the title ("Martha Nussbaum. Aristotle’s “De Motu
  Animalium.” Princeton: …", "Averroes. Des Averroës Abhandlung: “Über die Möglichkeit der
  Conjunktion” oder “Über den materiellen Intellekt.” Ed. …"): the title runs from those words
  to the end of its sentence, the quotes dropped.

Not words between: a year (ACM's "Names. 2015. “Title”"), more names ("B. Smith Jr. and C. Doe,
“Title”": they start with "and" or end with a comma). The state that stands in the year's place
(Chicago's "Names. Forthcoming. “Title.”", "Names. Accepted. “Title.”") is none of the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.word_tables import alternation, publication_states

# The names' sentence ends after a word of two letters or more ("Nussbaum. "), not after an
# initial ("E. "); or the year after them ends it, its sentence's period or its brackets
# ("Widmann, A. 2016. ", "Widmann, A. (2016) ", "Widmann, A. (2016): ", as author-date styles print
# it: "2016" is no name).
_NAMES_END = re.compile(rf"(?<=[^\W\d_]{{2}})\.\s+|\s(?:{YEARS}[a-z]?|\({YEARS}[a-z]?\))[.:]?\s+")
_VOLUME_LEAD = re.compile(r"\bVol(?:ume)?\.?\s+[\w.]{1,6}:\s*$")
_NO_TITLE = re.compile(rf"^(?:and\b|&|In\b|\(?{YEARS}[a-z]?\)?\.?$)|,$")
# a work's state in its year's place: "Forthcoming.", "Submitted." (publication-states.json)
_A_STATE = re.compile(rf"(?i:{alternation(publication_states(), any_blank=True)})\.?")
# The title's sentence ends at a period, question or exclamation mark (inside the closing quote
# or not) before a capital: "… Intellekt.” Ed.", "… Animalium.” Princeton".
_TITLE_END = re.compile(r"[.?!][”\"’]?\s+(?=[A-Z])")
_QUOTES = re.compile(r"[“”\"«»]|``|''")


def title_around_quotes(
    text: str, quote_start: int, quoted_title: str, names: Callable[[str], bool]
) -> tuple[str, str] | None:
    """Title and authors of a reference whose quotes open at ``quote_start`` with words between
    its names (``names`` tells an author list) and the quotes, or None where there are none."""
    before = text[:quote_start]
    end = _NAMES_END.search(before)
    if end is None or not names(before[: end.start()]):
        return None
    authors, between = before[: end.start()], before[end.end() :].strip()
    if not re.search(r"[^\W\d_]{3}", between) or _NO_TITLE.search(between):
        return None
    if _VOLUME_LEAD.search(between) or _A_STATE.fullmatch(between):
        return quoted_title, authors
    stop = _TITLE_END.search(text, quote_start)
    title = text[end.end() : stop.start() + 1 if stop else len(text)]
    return _QUOTES.sub("", title).strip(" .,;:"), authors
