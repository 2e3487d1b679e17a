"""APA's reference forms that the general field reading does not know (APA 7, §9–10).

- The date slot holds "(n.d.)" for a work without a date, "(in press)" for one not yet out.
- A work without an author moves its title into the author's place: "Title. (n.d.).
  Retrieved August 8, 2000, from https://…" — after the date comes no title, only where the
  work was found.
- A work without an author moves its title into the author's place also when a venue or a
  publisher follows the date: "Study finds free care used more. (1982). APA Monitor, 14, 5."
  An author's place holds names (capitalised words, initials, "of" and "and" in a body's
  name); a word in lower case other than those is a title's, set in sentence case. So is a
  one-word place when an entry's work ("Heuristic. (n.d.). In Merriam-Webster's …") or a
  newspaper's page ("Editorial. (2003b, February 12). The Edited Newspaper, p. 2.") follows.
- A retrieval statement ("Retrieved July 12, 2019, from …"; Zootaxa's "Available from: …")
  follows the title and the source and is never part of either.
- In APA proper (a period after the date) titles are in sentence case: after a title's "?" or
  "!", words in title case to the sentence's end are the journal's ("… imply dominance?
  Journal of Personality and Social Psychology."), and so is "Unpublished manuscript"; a work
  with no title prints a description in brackets in its place ("[Letter to Robert M. Ogden]"),
  the title it is read by.
- A title's sentence ends at a period after a word, not after an abbreviation a title holds
  ("Science vs. Ideology", "Who shot Mr. Burns?", "Symphony No. 3", "An oral history with Dr.
  Colley F. Sparkman"); after a number that ends it ("Test title 2. Seasonal Journal"), and at
  the period after an abbreviation's ("… DOI Genres, etc.. Message posted to …").
- A work without a title (a style's examples of the author element: "Author, A. A., & Author,
  B. B. (2014).") ends at its date, or at a note in parentheses after it ("Shakespeare, W.
  (1995). (Original work published 1623)"): it has authors and a year, and no title. Its
  author's place holds no digit and closes with its sentence's period, as APA's does (a
  journal's volume and page before a physics reference's year are no names).
- A reference opens with its author's place and its date: "Author, A. A., & Author, B. B.
  (2014).", "Patel, S. N. (n.d.).", "The book of eibon. [ca. 2001 B.C.E.]." — a list of works
  without titles is still a list of references, one a line where none wraps.
- APA writes every person's name inverted ("Family, I."), so an author's place without a comma
  or "&" holds one author: a group's name, "and" inside it ("U.S. Department of Health and
  Human Services. (2003)."). With commas it may be a person's (Chicago: "Clark, Hazel V.") —
  or a group's list of its parts, which is left to the general reading.
- A note in parentheses after the title names who else made the work or what it is: "(J.
  Magidson, Ed.)", "(F. W. Truscott & F. L. Emory, Trans.)", "(J. Dale, Narr.)", "(Version
  4.0)", "(Summer 2019 ed.)", "(5th ed., Vol. 1)", "(Unpublished doctoral dissertation)", a
  report's number "(DHHS Publication No. ADM 90-1679)" or its series with the series' own
  numbering (a government report series' name, then "Series" and "Issue" with their numbers);
  no part of the title. Nor is a translation or a description in brackets
  after it ("… Reducer? [Intensity dependence in event-related EEG potentials …]", "[Film]").
"""

from __future__ import annotations

import re

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.word_tables import (
    alternation,
    author_list_words,
    final_abbreviations,
    kinds_of_work,
    name_particles,
    reference_abbreviations,
)

# APA's date slot as it opens: "(2011", "(2011, March 8)", "(n.d.)", "(in press)", "[ca. 1920]"
_DATE_SLOT = rf"[(\[](?:{YEARS}|n\.\s?d\.|in press|ca\.)"
DATE_SLOT = re.compile(_DATE_SLOT)
"""A date slot opening the text it is matched at, where author-date styles print a work's date."""
AUTHOR_DATE = re.compile(rf"^\s*\*?[^\W\d_][^()\[\]]{{0,300}}?[.?!]\s{_DATE_SLOT}")
"""How an APA reference opens: its author's place (a meta-analysis' "*" before it), then its date."""
_ONE_A_LINE_SHARE = 0.75


def one_a_line(lines: list[str]) -> bool:
    """Whether a list's lines (none wrapped) are APA references one a line: two or more, most of
    them (three quarters) opening with an author's place and a date (`AUTHOR_DATE`)."""
    texts = [text for text in lines if text.strip()]
    return len(texts) >= 2 and sum(1 for text in texts if AUTHOR_DATE.match(text)) >= _ONE_A_LINE_SHARE * len(
        texts
    )


_UNTITLED = re.compile(
    r"^(?P<authors>[^\W\d_][^\d()\[\]]*?[.?!])\s"
    rf"\((?:{YEARS}|n\.\s?d\.|in press)-?[a-z]?(?:,[^()]*)?\)\.?(?:\s*\([^()]*\)\.?)?\s*$"
)


def untitled_authors(text: str) -> str | None:
    """The author's place of a work without a title (see the module docstring), else None."""
    match = _UNTITLED.match(text.strip())
    return match.group("authors") if match else None


def group_author(text: str, author_place: str) -> tuple[str] | None:
    """The one author of an APA reference whose author's place holds no person's inverted name
    (see the module docstring), else None."""
    place = author_place.strip(" .")
    if not place or any(mark in place for mark in (",", "&", " et al")) or _EDITORS_ONLY.fullmatch(place):
        return None  # (econ's "ed. (2009) …": the editors' mark of names a rule stands for)
    if not AUTHOR_DATE.match(text) or title_in_author_place(author_place, ""):
        return None
    return (place,) if text.lstrip(" *").startswith(place) else None


# "eds", "trans" (reference-abbreviations.json's editors printed abbreviated), also capitalised
_EDITOR_MARK = alternation(reference_abbreviations().abbreviated_editors, capitalised=True)
_EDITORS_ONLY = re.compile(rf"\(?{_EDITOR_MARK}\.?\)?")

REPRINT = re.compile(r"\((?:Reprinted from|Original work published)\b[^()]*\)")
"""APA's note on the original of a reprint, its DOI the original's: "(Reprinted from "Marking
time …," 1981, American Journal of Orthopsychiatry, 51[3], 391–402, https://doi.org/10.1111/…)"."""

NO_DATE = re.compile(r"\((?:n\.\s?d\.|in press)(?:-?[a-z])?\)")
"""The date slot of a work without a date or not yet out: "(n.d.)", "(n.d.-a)", "(in press-b)"."""

# APA's "n.d." as styles in other languages print it in the date slot (biblatex-apa's and
# biblatex's strings): Spanish "(s.f.)", Portuguese, French, Italian and Galician "(s.d.)",
# German "(o.D.)" and "(o.J.)", Dutch "(z.d.)", Swedish "(u.å.)", Catalan "(s/ d)"
# (reference-abbreviations.json's no_date): a blank may follow a period or slash inside one.


def _spaced_inside(word: str) -> str:
    """``word`` as a pattern, literally, but for a blank that may follow each period or slash
    inside it ("s.f." is also "s. f.", "s/d" "s/ d")."""
    return r"\s?".join(map(re.escape, re.split(r"(?<=[./])(?=.)", word)))


_NO_DATE_WORD = "(?:" + "|".join(map(_spaced_inside, reference_abbreviations().no_date)) + ")"
_NO_DATE_ELSEWHERE = re.compile(rf"\({_NO_DATE_WORD}(?=-?[a-z]?\))")


def in_english_no_date(text: str) -> str:
    """``text`` with a date slot that says "no date" in another language as APA's "(n.d.":
    "Azure. (s.f.). ¿Qué es …?" is read as "Azure. (n.d.). ¿Qué es …?" is."""
    return _NO_DATE_ELSEWHERE.sub("(n.d.", text) if "(" in text else text


_ENTRY_IN = re.compile(r"In\s+[A-Z]")
_PAGE_AFTER = re.compile(r"[^.]*?\s?,\s+pp?\.\s?[A-Z]?\d")  # the first sentence after the date is a venue's
_WHERE_FOUND = re.compile(r"(?:Retrieved|Available)\b|(?:https?://|www\.)")
# (Blanks are tried from their first: from a later one the same would be found.)
_RETRIEVAL = re.compile(r"(?<=[.?!])\s+Retrieved\s.*$|(?:[.,]|(?<![\s.,]))\s++Available (?:from|at):.*$")


# Lower-case words an author's place has: a body's name ("Department of Health and Human
# Services"), particles ("van der Laan"), editors ("eds."), "et al.", "with" (author-list-words.json).
_NAME_PLACE_WORDS = (
    author_list_words().not_names | author_list_words().body_linking | name_particles().particles
)
# "Laan, R." — searched once per run of a name's characters (from the run's start, up to its first
# letter), not from each of its letters again.
_INVERTED_NAME = re.compile(r"(?<![\w’'-])(?>[\w’'-]*?[^\W\d_])[\w’'-]*+,\s(?:[A-Z]\.\s?-?)+")
# What APA's note after a title opens with (reference-abbreviations.json): "Eds.", "Trans." (the
# editors' marks printed abbreviated, capitalised), "Narr.", "ed.", "Nos."; "Series", "Issue" and
# a thesis's word (kinds-of-work.json) as whole words.
_NOTE_MARKS = (
    *(f"{mark.capitalize()}." for mark in reference_abbreviations().abbreviated_editors),
    *(note for note in reference_abbreviations().notes if note.endswith(".")),
)
_NOTE_WORDS = (
    *kinds_of_work().thesis_words,
    *(note for note in reference_abbreviations().notes if not note.endswith(".")),
)
_NOTE = re.compile(
    rf"(?<!\s)\s*\((?:[^()]*\b{alternation(_NOTE_MARKS)}[^()]*|[^()]*\bVersion\s[^()]*"
    rf"|[^()]*\b{alternation(_NOTE_WORDS)}\b[^()]*)\)$"
)


def title_in_author_place(author_place: str, after_date: str) -> bool:
    """Whether the author's place held the title: what follows the date is only where the work
    was found, or the author's place reads as a title in sentence case (a word in lower case
    that no name has)."""
    after_date = after_date.lstrip()
    if _WHERE_FOUND.match(after_date):
        return True
    if not author_place.rstrip().endswith((".", "?", "!")) or _INVERTED_NAME.search(author_place):
        return False  # APA closes the author's place with its sentence: "Title. (1982)."
    # An entry of a reference work ("Heuristic. (n.d.). In Merriam-Webster's …"), or a newspaper's
    # page right after the date ("Editorial. (2003b, February 12). The Edited Newspaper, p. 2.").
    if _ENTRY_IN.match(after_date) or _PAGE_AFTER.match(after_date):
        return True
    words = re.findall(r"[^\W\d_][\w’'-]*", author_place)
    return len(words) >= 2 and any(
        word[0].islower() and len(word) >= 3 and word not in _NAME_PLACE_WORDS for word in words[1:]
    )


_VENUE_AFTER_QUESTION = re.compile(
    rf"(?<=[?!])\s+(?:(?:(?:[A-Z][\w’'&.-]*|{alternation(author_list_words().body_linking)}|&)(?:\s+|$|(?=,)))+(?:,.*)?"
    r"|(?:Unpublished|Manuscript)\b.*)$"
)
# A translation or a description in brackets after the title: "Intensitätsabhängigkeit … Reducer?
# [Intensity dependence …]", "The lord of the rings: The fellowship of the ring [Film; …]". Not a
# bracket holding a parenthesis: a species' name and authority, the title's own ("… responses of
# soybean [Glycine max (L.) Merr.]").
_BRACKETED_AFTER = re.compile(r"(?<=\S)\s+\[(?=[A-Z][^\[\]()]*+\])")
_DESCRIPTION_ONLY = re.compile(r"^\[(?P<description>[^\[\]]{3,})\]\.?$")
# A medium or a kind of work in brackets, which NLM and IEEE print after a title ("[Internet]",
# "[Online]": kinds-of-work.json's designators), describes no work: in the title's place ("(1991).
# [Online]. Available: …") the style printed no title.
_A_MEDIUM = re.compile(kinds_of_work().designator())


# Words whose period ends no title: "vs.", "Inc.", "Dr." (final-abbreviations.json), "Vol.", "No."
# (reference-abbreviations.json's numbers), in lower case and capitalised.
_ABBREVIATIONS = sorted(
    {
        spelling
        for abbreviation in (*final_abbreviations(), *reference_abbreviations().numbers)
        if abbreviation.endswith(".")
        for spelling in (abbreviation[:-1], abbreviation[:-1].capitalize())
    }
)
_TITLE_END = re.compile(
    "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS)
    + r"(?<=[^\W_]{2})\.\s+|(?<=[)\]])\.\s+|(?<=[?!])\s+(?=(?:In|in|In:)\s)"
    + r"|(?<=\.)\.\s+|(?<=\s\d)\.\s+(?=[A-Z])"  # "…, etc.. Message posted", "Test title 2. Seasonal Journal"
)


def title_sentence(after_date: str) -> str:
    """The sentence after an APA date that holds the title (see the module docstring), with the
    sentences after it that open in lower case: a style that sets titles in sentence case
    lowercases a title's second sentence ("Machine learning … workflow. a case of django rest
    framework. American Journal …", "… analysis. part2. python et les données : …")."""
    position = depth = 0  # depth: the parentheses open before the sentence's end
    while (end := _TITLE_END.search(after_date, position)) is not None:
        depth += after_date.count("(", position, end.start()) - after_date.count(")", position, end.start())
        # (not inside parentheses: biblatex's "… 2.7.0. url: … (cit. on pp. 41, 42)")
        if depth or not _GOES_ON.match(after_date, end.end()):
            return after_date[: end.start()]
        position = end.end()
    return after_date


# A word in lower case (digits may follow its letters: "part2"), which no venue, link or note
# after a title opens with, but "in", "npj", "pp." and the like ("arXiv", "eLife" are not all lower
# case), and no field's label before its colon (biblatex's "isbn: …", "url: …"):
# reference-abbreviations.json's after_apa_title.
_GOES_ON = re.compile(
    rf"(?!{alternation(reference_abbreviations().after_apa_title)}\b)[a-z]++[0-9]*+(?=[\s,;]|\.\s)"
)


def apa_title(sentence: str) -> str:
    """The title of an APA reference's title sentence (see the module docstring)."""
    described = _DESCRIPTION_ONLY.match(sentence.strip())
    if described:
        description = described.group("description")
        return "" if _A_MEDIUM.fullmatch(description) else description
    return _VENUE_AFTER_QUESTION.sub("", _BRACKETED_AFTER.split(sentence, maxsplit=1)[0])


def without_note(title: str) -> str:
    """A title without the note in parentheses after it (see the module docstring)."""
    return _NOTE.sub("", title)


def without_retrieval(title: str) -> str:
    """A title read up to a retrieval statement, without it ("… You do! Retrieved October 5,
    2000, from" → "… You do!", "… references Available from: http://…" → "… references")."""
    return _RETRIEVAL.sub("", title)
