"""Where a title that asks a question ends: at its question mark only when what follows is the
venue, not the title going on.

"How fast was wild wheat domesticated? Science 311, 1886–1886" (Elsevier's author-year: the
journal, its volume and pages) and "… of encoding? J Exp Psychol" (Vancouver: the journal's
abbreviation) end at the question; "Show or tell? Exploring when (and why) teaching with
language outperforms demonstration" goes on after it — a subtitle, in sentence case.
"""

from __future__ import annotations

import re

from bibnorm.text.accents import without_accents
from bibnorm.text.word_tables import title_omitted_words

_QUESTION = re.compile(r"(?<=[?!])[.,]?\s+(?=[A-Z])")  # its own period or comma after it: "…cycle?, Federal"
# A journal's volume and pages closing the text: "311, 1886–1886", "16, 176", "24 (3), 1–10",
# "45, S35– S58" (a number alone may be a title's year: "… language models, 2024").
_VOLUME_PAGES = re.compile(r"\s\d+(?:\s*\(\d+\))?,\s*[A-Za-z]?\d+(?:\s*[–-]\s*[A-Za-z]?\d+)?$")
# The words a journal's name or abbreviation writes in lower case: those its abbreviation leaves
# out (title-omitted-words.json: "of", "&", "und", "fur", without accents).
_LOWER_IN_VENUES = title_omitted_words()


def title_before_question(text: str) -> str:
    """``text`` up to its first question or exclamation mark that a venue follows, else whole."""
    return _before_a_venue_after(_QUESTION, text)


def title_before_a_marked_question(text: str) -> str:
    """``text`` up to its first question or exclamation mark that the style's own period or comma
    follows and a venue after it ("What's real about the business cycle?. Federal Reserve Bank of
    St. Louis Review"), else whole: a title's subtitle follows its question with no mark between,
    so where a reader took a title in title case up to the venue, this is where it ends."""
    return _before_a_venue_after(_MARKED_QUESTION, text)


_MARKED_QUESTION = re.compile(r"(?<=[?!])[.,]\s+(?=[A-Z])")


def _before_a_venue_after(questions: re.Pattern[str], text: str) -> str:
    """``text`` up to the first of its ``questions``' ends that a venue follows, else whole."""
    for match in questions.finditer(text):
        if _reads_as_venue(text[match.end() :]):
            return text[: match.start()]
    return text


def _reads_as_venue(text: str) -> bool:
    """Whether ``text`` is a venue: it closes with a volume and pages, or each of its words is
    capitalised (an abbreviation: "J Exp Psychol", "Proc Natl Acad Sci U S A")."""
    text = text.strip(" .,;")
    if _VOLUME_PAGES.search(text):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    # a subtitle in title case opens with an indefinite article ("… Converge To? A Theory of …"); a
    # venue's name hardly ever does (17 of the 34,792 names of journals.tsv, books' series mostly)
    if len(words) > 1 and words[0] in ("A", "An"):
        return False
    return bool(words) and all(
        word[0].isupper() or without_accents(word) in _LOWER_IN_VENUES for word in words
    )
