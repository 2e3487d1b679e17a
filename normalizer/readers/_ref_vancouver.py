"""Vancouver's names (ICMJE, NLM; medicine): family names with initials without periods, so
the names' sentence ends at the last initials ("Hasson U."), which a one-letter word never does
elsewhere. `refs` reads such a list before quotes (its titles quote words).

The title is a sentence of its own and the journal the next, before the date that opens the
journal's numbers ("Title. Journal. 2015;16(1):176."): where the list prints that date, the
title is everything between the names and the journal's sentence, whatever periods it holds
("Glycine max (L.) Merr. and G. soja", "AB-QTL analysis in spring barley: II. Detection", "… the
Eastern Mediterranean 1"), and a question mark ends it only where the journal follows ("… a
central dogma? Genome biology. 2015;…").
"""

from __future__ import annotations

import re

from bibnorm.readers._ref_author_year import NOT_AFTER_A_RUNNING_ON
from bibnorm.readers._ref_dates import YEARS
from bibnorm.readers._title_questions import title_before_question
from bibnorm.text.names import LATIN_CAPITAL, LATIN_CAPITALS
from bibnorm.text.word_tables import (
    alternation,
    conjunctions_after_vancouver_names,
    kinds_of_work,
    name_particles,
    name_suffixes,
    reference_abbreviations,
)

# Particles before a family name ("van de Pol J", "de Munck JC", "ter Haar G", "dos Santos A").
_PARTICLE = alternation(name_particles().particles, capitalised=True)
_LOWER_PARTICLE = alternation(name_particles().particles)
_CAPITAL = LATIN_CAPITAL  # a name's capital, an initial: "Á", "Ł" too (names.py's table)
# A family name's word: capitalised, a lowercase letter in it ("Hasson", "Hämäläinen", "Boyd-Graber").
_FAMILY_WORD = rf"{_CAPITAL}[^\s\d,.;:a-z]*[a-z][^\s\d,.;:]*"
# Initials: capitals, a lowercase letter after one where the given name prints two of its letters
# ("JC", "MCW", "Tanno Ki", "von Bothmer Rv", "Gonzalez JdJS"), or GB/T 7714's single capitals a
# space apart, the name's comma or period after them ("Moore J B", "Wong R C W").
# A generation after them: "Smith JA Jr", "Hughes HE 3rd".
_SUFFIXES = name_suffixes()  # name-suffixes.json
_INITIALS = (
    rf"(?:{_CAPITAL}(?:\s{_CAPITAL}){{1,3}}(?=[,.])|{_CAPITAL}(?:[a-z]?{_CAPITAL}){{0,3}}[a-z]?)"
    rf"(?:\s{alternation((*_SUFFIXES.unpunctuated, *_SUFFIXES.ordinals, *_SUFFIXES.numerals))})?"
)
# Vancouver (ICMJE, NLM; medicine): "Yeshurun Y, Nguyen M, Hasson U. Title. Journal. 2021;22:181-92."
# Family names then initials without periods, so "Hasson U." ends the author sentence, which a
# one-letter word never does elsewhere. "van de Pol J", "Von Korff M", "Lopes da Silva F",
# "Campos Viola F" (two family names), "Boyd-Graber J", ", et al." are names too;
# "Andrew G. Howard, Menglong Zhu", "Robert L. Augustine. Title", "John C. Baez and Aaron D.
# Lauda", "Willy W. Chiu and We Min Chow.", "Andrew K. Hirsch, Pedro de Amorim", "Duy M. H.
# Nguyen" and amsplain's "James E. Humphreys, “Linear algebraic groups”" are no Vancouver list
# (after the period, a name and "et al", a period, or "and" or a comma before another full name
# — given names, then a family name that a comma, a period, "and" or "et al" ends; or a comma
# before a quoted title; or another initial): "Hyvärinen A. Fast and Robust Fixed-Point
# Algorithms for …" and "Laakso A, Cottrell G. Content and Cluster Analysis: …" are titles. So
# are "Causal and chronological …", "Goals, attention, and …", "Single- and Two-Channel …" (no
# name ends in a hyphen), a lowercase name with a digit ("wav2vec 2.0: …", "vq-wav2vec: …"), a
# word whose capitals follow a lowercase letter ("xDAWN Algorithm …", "fMRI …") and a lowercase
# word its own sentence or a subtitle's colon ends (R packages: "tidyr. 2021.", "vegan: Community
# Ecology Package."). (The lowercase name's letters and hyphens are read once, up to its first
# digit: letters read either before the digits' run or inside it were tried both ways, a time
# quadratic in a long lowercase word.)
# A name holds no comma or period and the list goes on only after one, so every way of reading a
# name ends at the same place: the first way is kept (an atomic group), or a list that fails after
# its names ("… Family II, Family II (2017).") would try every way of reading every name, a time
# exponential in their number (a particle is also a family word; "II" initials or a generation).
# At most three particles stand before a family word ("van de la"): a run of particles is read as
# family words too, and an unbounded run would be read again from each of its words.
_VANCOUVER_NAME = (
    rf"(?>(?:{_PARTICLE}\s){{0,3}}{_FAMILY_WORD}(?:\s(?:{_PARTICLE}\s){{0,3}}{_FAMILY_WORD})?"
    rf"\s{_INITIALS}(?=[,.]))"
)
_AND = alternation(conjunctions_after_vancouver_names())  # "and", "et" (name-list-conjunctions.json)
_VANCOUVER = re.compile(
    rf"^(?P<authors>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,\s(?:et al|others))?)\.\s+"
    rf"(?!{_CAPITAL}[^\s,.]*[^\s,.-]"
    rf"(?:\set al\b|(?:,?\s{_AND}|,)\s(?:{_CAPITAL}[^\s,.]*\.?\s){{1,3}}(?:{_LOWER_PARTICLE}\s)*"
    rf"{_CAPITAL}[^\s,.]*(?:[,.]|\s{_AND}\b|\set al\b)|\.\s|,\s(?:[“\"‘]|``))|{_CAPITAL}\.)"
    rf"(?P<rest>(?:[{LATIN_CAPITALS}\d`‘“\"']|[a-z](?:[^\W\d]|-)*+\d|[a-z]{{1,3}}[A-Z]|[a-z][a-z-]{{1,30}}[:.]\s).+)$"
)
# The title's end: a sentence end, or a question before the journal ("… of encoding? J Exp Psychol",
# `title_before_question`); not after a variety's or a species' abbreviation ("… Solanum
# lycopersicum var. cerasiforme L.").
_VANCOUVER_END = re.compile(rf"(?<=[^\W_]{{2}}){NOT_AFTER_A_RUNNING_ON}\.\s+|(?<=[)\]])\.\s+")
# The date that opens a journal's numbers, a sentence of its own: "2015;16(1):176", "1989:1795-806",
# "2014 Oct;22(10)", "2003 Jan 5;", "2010 Jul-Aug;", "2016 Mar." and a year alone closing the
# reference ("… Rome. 1995.").
_JOURNAL_DATE = re.compile(
    rf"(?<=[.?!]\s)(?P<year>{YEARS})(?:\s[A-Z][a-z]{{2}}(?:\s\d{{1,2}})?(?:-[A-Z]?[a-z]{{2}}(?:\s\d{{1,2}})?)?)?"
    r"(?:[;:]\s?\S|\.?\s*$)"
)
# What NLM prints after a title in brackets, the medium or the kind of work: no part of the title.
_DESIGNATOR = re.compile(  # "[Internet]", "[letter]" (normalizer/data/kinds-of-work.json)
    rf"(?<!\s)\s*\[{kinds_of_work().designator()}\]$"
)
# A sentence's end inside the rest: the journal's sentence opens after the last one before the date.
_SENTENCE_END = re.compile(r"[.?!]\s+")
# A journal that prints periods of its own ("J. Neurosci.", "Proc. Natl. Acad. Sci. U S A"): the
# title would end in an abbreviation's word ("J", "Sci") and the journal's sentence be one word or
# a few short ones. There the first sentence is the title; "… Gossypium barbadense L. Theoretical
# and Applied Genetics. 1990;…" is a title that ends in a botanist's initial.
_ABBREVIATION_LAST = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}$")
_ABBREVIATED_JOURNAL = re.compile(r"[A-Z]\S*|[A-Z][a-z]{0,3}(?:\s[A-Z][a-z]{0,3})*")


def vancouver_title(text: str) -> tuple[str, str, bool] | None:
    """The title and the authors of a Vancouver reference, and whether the title is known whole
    (it stands between the names and the journal); None when ``text`` is no Vancouver reference."""
    vancouver = _VANCOUVER.match(text)
    if vancouver is None:
        return None
    rest, authors = vancouver.group("rest"), vancouver.group("authors")
    title, whole = _title_in(rest)
    # ("Donald B. Rubin, ed. Title.": a given name and an initial read as "Family I.", the title
    # the rest of the name, or of the names)
    rest_of_a_name = _REST_OF_A_NAME.fullmatch(title) or _NAMES_GO_ON.match(title)
    # ("Donald E. Knuth, Tracy Larrabee & Paul M. Roberts (1989). Title.": the names' year in
    # parentheses closing what was read as the title, as author-year styles print it)
    dated_names = _NAMES_YEAR.search(title)
    return None if rest_of_a_name or dated_names else (title, authors, whole)


# A year in parentheses last: an author-year style's date after the names.
_NAMES_YEAR = re.compile(rf"\s\({YEARS}[a-z]?\)$")


def _title_in(rest: str) -> tuple[str, bool]:
    """The title in what follows a Vancouver reference's names, and whether it is known whole."""
    date = _JOURNAL_DATE.search(rest)
    if date is not None:
        ends = [end for end in _SENTENCE_END.finditer(rest, 0, date.start()) if end.end() < date.start()]
        title = rest[: ends[-1].start() + 1].rstrip(" .") if ends else ""
        journal = rest[ends[-1].end() : date.start()].rstrip(" .") if ends else ""
        if title and not (_ABBREVIATION_LAST.search(title) and _ABBREVIATED_JOURNAL.fullmatch(journal)):
            return _DESIGNATOR.sub("", title), True
    return title_before_question(_VANCOUVER_END.split(rest, maxsplit=1)[0]), False


# The rest of a person's name after the given name and initial `_VANCOUVER` took for "Family I.":
# the family name and the editors' mark biblatex prints after the names ("Donald B. Rubin, ed.
# Title. …"), or a family name its capitalised particle opens ("Jan A. Van Mieghem. Title. …";
# name-particles.json's `capitalised_in_family`). No Vancouver title.
_NAME_PARTICLE = alternation(name_particles().capitalised_in_family)
_EDITORS_MARK = rf",\s{alternation(reference_abbreviations().abbreviated_editors)}\.?"
_REST_OF_A_NAME = re.compile(  # (a word's start only: linear when searched too)
    rf"(?<![\w'’-])(?:(?:{_NAME_PARTICLE}\s)?[A-Z][\w'’-]*{_EDITORS_MARK}|{_NAME_PARTICLE}\s[A-Z][\w'’-]*)"
)
# … or that family name, then the next person's given name after its comma ("Giuseppe A. Di Lucca,
# Anna Rita Fasolino, M. Mastroianni, and …").
_NAMES_GO_ON = re.compile(rf"{_NAME_PARTICLE}\s[A-Z][\w'’-]*,\s(?:and\s)?[A-Z]")


# A journal's date before its volume and pages, which no other date is printed like, wherever it
# stands ("Journal of Economic Theory 1991;55(1):64–99", "NeuroImage 2014;86:111–122"): the
# work's year, not one a title ends on ("…, 2015. Journal … 1991;55(1)").
_YEAR_VOLUME_PAGES = re.compile(
    rf"(?<![\d/.:-])(?P<year>{YEARS});\s?\d{{1,5}}(?:\s?\([^()]{{1,12}}\))?:\s?[A-Za-z]?\d"
)


def vancouver_year(text: str) -> int | None:
    """The year of a Vancouver journal reference: the one that opens its numbers
    ("2011;369(1952):3768-84" is of 2011, not of its issue's number; "1989:1795-806" of 1989); in
    any reference, a year before a volume and pages so printed (`_YEAR_VOLUME_PAGES`)."""
    date = _JOURNAL_DATE.search(text) if _VANCOUVER.match(text) else None
    numbered = date is not None and re.search(r"[;:]", text[date.end("year") : date.end()])
    if date is not None and numbered:
        return int(date.group("year"))
    journal = _YEAR_VOLUME_PAGES.search(text)
    return int(journal.group("year")) if journal else None
