"""A title that names no work: what a style that prints no article title leaves in the title's
place, which the rules and the model both read as a title.

A report's, a thesis's or a manual's reference in such a style prints its institution, its
designation as a report or its publisher where the title would be ("Girard A. Rutherford Appleton
Laboratory; 1990.", "Craig J. 1983. Rapport de recherche, UC/CS-83/92. University of Cambridge.",
"Scharf LL. Addison-Wesley: Reading, MA, USA, 1991."), and an edited book's editors in
parentheses ("(DeVinne TL, editor)"). `names_no_work` says so of such a title; the field choice
then keeps none (`_field_choice.choose_fields`), as for a venue read in the title's place.

Each test is on words, not patterns: a title is split at its commas, colons and semicolons, and
each part is judged by its words against the data tables (``organisation-words.json``'s
institutions, ``kinds-of-work.json``'s report words, ``publisher-words.json``, ``minor-words.json``'s
articles).
"""

from __future__ import annotations

import re

from bibnorm.text.accents import folded
from bibnorm.text.capitals_words import is_english_word
from bibnorm.text.word_tables import (
    alternation,
    bare_words,
    institutions,
    minor_words,
    publisher_words,
    reference_abbreviations,
    report_words,
)

__all__ = ["NUMBER_CUES", "ORDINAL_IN_FIGURES", "names_no_work", "report_at_the_end", "report_in_parentheses"]

# a title's parts: "Cornell University, TR-2023-28, Report", "Australian National University.
# Report ANU/TR-15/97" (a sentence's end before a capital too)
_PARTS = re.compile(r"[,:;]\s*|\.\s+(?=[A-Z])")
_EDGES = ".,;:()[]{}–—-‘’“”\"'"  # stripped from a word's ends: "– Digital", "(DeVinne", "No."

_INSTITUTIONS = institutions().words
_OPENING_ONLY = institutions().opening_only  # not last: "Help Center", "Microsoft Office"
_REPORTS = report_words()
_PUBLISHERS = publisher_words()
_EDITORS = frozenset(mark.casefold() for mark in reference_abbreviations().editors)
# the words that join an institution's name to what it is of ("University of Cambridge", "Office
# for National Statistics", "Istituto di Ricerca", "Institut für …"), not a conjunction nor an
# article ("Foundation and Empire" is a novel, "Microsoft Corporation Die Neue Typographie" a
# publisher before a title)
_OF = institutions().linking
_ARTICLES = minor_words().articles  # a work's title opens with one ("The Affluent Society")
# the lower-case words inside a name besides its linking ones: "Food and Agriculture Organization
# of the United Nations", "O'Reilly & Associates"
_JOINING = _ARTICLES | institutions().conjunctions
# the farthest an institution's word that opens its name stands: "Food and Agriculture Organization of …"
_HEAD_AT_MOST = 3
# a report's word alone that is also a work's title ("Paper", a book's; "Report" alone is none)
_WORKS = (["paper"], ["papers"])
# a number's cues, without their period: "volume", "vol", "no", "pp", "heft" (reference-abbreviations.json);
# also what `_field_choice` lets stand between a journal's numbers
NUMBER_CUES = frozenset(
    cue.casefold()
    for cue in bare_words((*reference_abbreviations().numbers, *reference_abbreviations().issue_numbers))
)
_ROMAN = re.compile(r"[ivxlc]{1,6}")
# An edition's ordinal in figures, its ending from reference-abbreviations.json: "2nd", "3e",
# "2.ª", "3." (`_field_choice` reads one after a title too)
ORDINAL_IN_FIGURES = rf"\d{{1,2}}(?:{alternation(reference_abbreviations().edition_ordinal_endings)})"
# an edition's words and ordinals, spelled out or in figures: "aufl", "third", "2nd", "3"
_EDITION_WORDS = frozenset(word.casefold() for word in reference_abbreviations().editions)
_ORDINALS = frozenset(reference_abbreviations().edition_ordinals)
_ORDINAL_FIGURES = re.compile(rf"{ORDINAL_IN_FIGURES}|\d{{1,2}}")  # (a word's period is gone: "3")
_VERSIONS = frozenset(word.casefold() for word in reference_abbreviations().versions)
# A version's number: "1.1-7", "2.0.1", "3", "v2.1" (a word's period is gone: "2.0.1")
_VERSION_NUMBER = re.compile(r"v?\d{1,4}(?:[.-]\d{1,6}){0,4}[a-z]?")
_VERSIONED = frozenset(word.casefold() for word in reference_abbreviations().versioned)  # "package"
_BEFORE_A_VERSION = 2  # the most words before a version's word: "R package", "Python package"
_LONGEST_NAME = 8  # the most words of an institution's name
_LONGEST_PLACE = 3  # the most words of a place: "San Francisco", "The Netherlands"


def names_no_work(title: str, printed: str = "") -> bool:
    """Whether ``title`` names no work: an editors' statement in parentheses, a publisher and its
    place ("Addison-Wesley: Reading, MA, USA"), or parts each an institution's name, a report's
    designation, an identifier or a year, one of them at least an institution or a report
    ("University of Illinois at Urbana-Champaign", "Tech. Rep. 87-4", "University of Edinburgh,
    Internal Report No"). An institution's own page or publication — where the reference
    (``printed``) prints the name twice, as its author's and its title ("World Health
    Organization. World Health Organization. https://…") — is titled with its name."""
    stripped = title.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        return _editors(stripped[1:-1])
    keys = [word.casefold().rstrip(".") for word in _words(stripped)]
    if _a_cue_alone(keys) or _a_version_alone(keys):
        return True
    parts = [_words(part) for part in _PARTS.split(stripped)]
    parts = [words for words in parts if words]
    if not parts:
        return False
    return _publisher_and_place(parts) or _named_parts(parts, title, printed)


_LAST_PARTS = 3  # the most parts after a report's designation (its institution, its place, …)


def report_at_the_end(title: str) -> int | None:
    """Where the tail of ``title`` that designates a report starts, if it has one: its comma
    before a report's designation and, after it, parts each an institution's name, a report's
    designation or identifiers ("Anytime Dense Prediction …, Internal Report TR-2022-04",
    "Mackellar, Smiths and Jordan …, Working Paper 3105, Max-Planck-Institut für Informatik").
    A style prints the report's number after its title, which the rules read as one."""
    head, *parts = title.rsplit(",", _LAST_PARTS + 1)
    for first in range(len(parts)):
        words = [_words(part) for part in parts[first:]]
        if words[0] and _a_report(words[0]) and all(_named_or_numbered(part) for part in words[1:]):
            return len(head) + sum(len(part) + 1 for part in parts[:first])
    return None


def report_in_parentheses(title: str) -> int | None:
    """Where a report's designation in parentheses that closes ``title`` starts, if it has one
    (APA's "Efficient Attention … (Report No. 21-12)", "… (Internal Report TR-2022-27)",
    "… (Forschungsbericht 4400)"): a style prints the report's number after its title, which the
    rules read as one."""
    start = title.rfind("(")
    if start <= 0 or not title.endswith(")") or ")" in title[start:-1]:
        return None
    words = _words(title[start + 1 : -1])
    return start if words and _a_report(words) else None


def _named_or_numbered(words: list[str]) -> bool:
    return bool(words) and (_a_report(words) or _an_institution(words) or _identifiers(words))


_LINK = re.compile(r"https?://|www\.")  # a page's address: "https://…", "www.…"


def _named_parts(parts: list[list[str]], title: str, printed: str) -> bool:
    """Whether every part is an institution's name, a report's designation or identifiers, one of
    them at least an institution or a report; an institution not where ``printed`` is its own page.
    Where the reference prints no link (a page's), an institution's name is also one that opens
    on its word before proper names ("Université Paris-Sud", "Universität Hamburg": a thesis's or
    a report's reference in a style that prints no title, not a page about the institution,
    "Université Paris-Saclay. https://…") or a name of three words or more that its word ends
    ("Naval Postgraduate School"); beside a report's designation, any name its word ends
    ("Australian National University. Report ANU/TR-15/97"; two words alone are as often a work's
    title: "Second Foundation"). After an institution, a part may be its place ("University of
    Sydney, Sydney, NSW, Australia")."""
    reports = [_a_report(words) for words in parts]
    reported = any(reports)
    unlinked = reported or not _LINK.search(printed)
    institutions = [_an_institution(words, unlinked, reported) for words in parts]
    if any(institutions) and _printed_twice(title, printed):
        institutions = [False] * len(parts)
    named = [institution or report for institution, report in zip(institutions, reports, strict=True)]
    # the institution's place after it: "University of Sydney, Sydney, NSW, Australia"
    placed = [any(institutions[:at]) and _a_place(words) for at, words in enumerate(parts)]
    return any(named) and all(
        known or place or _identifiers(words)
        for known, place, words in zip(named, placed, parts, strict=True)
    )


def _a_place(words: list[str]) -> bool:
    """Capitalised words naming a place, a proper name or an acronym among them and no article or
    conjunction ("Sydney", "New York", "NSW"; not "A History")."""
    return (
        _capitalised_place(words)
        and not any(word.casefold() in _JOINING for word in words)
        and any(_an_acronym(word) or not is_english_word(folded(word)) for word in words)
    )


def _capitalised_place(words: list[str]) -> bool:
    """A place's shape: at most `_LONGEST_PLACE` words, each capitalised ("Reading", "The
    Netherlands")."""
    return len(words) <= _LONGEST_PLACE and all(word[:1].isupper() for word in words)


def _printed_twice(title: str, printed: str) -> bool:
    """Whether the reference prints the title twice ("Office for National Statistics. Office for
    National Statistics 1983."); not a page whose title comes before its owner's name ("Stable
    Diffusion. National Institute of Standards and Technology. https://…")."""
    return " ".join(printed.split()).count(" ".join(title.split())) > 1


def _a_cue_alone(keys: list[str]) -> bool:
    """ "Volume 60", "No. 5", "Aufl", "Third", "2nd ed": a volume's, a number's or pages' cue and
    its number, or an edition's statement (its ordinal, its word or both), alone in the title's
    place: a later field a style printed where the rules looked for the title (``keys``: its
    words in lower case without their periods)."""
    if len(keys) == 2 and keys[0] in NUMBER_CUES:
        return keys[1].isdigit() or _ROMAN.fullmatch(keys[1]) is not None
    edition = [key in _EDITION_WORDS or key in _ORDINALS or _ORDINAL_FIGURES.fullmatch(key) for key in keys]
    # (not a number alone: "24", "1984" may be a work's title)
    return 1 <= len(keys) <= 2 and all(edition) and not all(key.isdigit() for key in keys)


def _a_version_alone(keys: list[str]) -> bool:
    """ "R package version 1.1-7", "Version 2.0", "ver. 3": a program's or a package's version
    and its number, a note the style printed after the title, alone in the title's place; the
    version's word first or after the kind of program ("package"), not after a name ("OSPF
    version 2", an RFC's title). ``keys`` as `_a_cue_alone` reads them."""
    if not 2 <= len(keys) <= _BEFORE_A_VERSION + 2 or keys[-2] not in _VERSIONS:
        return False
    kind = len(keys) == 2 or keys[-3] in _VERSIONED
    return kind and _VERSION_NUMBER.fullmatch(keys[-1]) is not None


def _words(part: str) -> list[str]:
    return [word for word in (word.strip(_EDGES) for word in part.split()) if word]


def _editors(inside: str) -> bool:
    """ "T. Scheermesser and O. Bryngdahl, eds", "DeVinne TL, editor": names, then an editors' mark."""
    words = _words(inside)
    return len(words) >= 2 and words[-1].casefold() in _EDITORS


def _an_institution(words: list[str], unlinked: bool = False, reported: bool = False) -> bool:
    """Capitalised words naming an institution: its word among the first four and what it is of
    right after it ("University of Cambridge", "Indian Institute of Science",
    "Universidad Politécnica de Madrid", "Office for National Statistics"), or its word last
    after a name ("Rutherford Appleton Laboratory", "Cornell University", "RAND Corporation");
    not opened by an article. A work's title in title case holds the same words ("Culture and
    Agency", "Second Foundation", "Why You Should Use Office for the Web"): the word last needs a
    proper name before it (a word no English word list holds, or an acronym) and no conjunction,
    and the word first opens the title. Where the reference prints no link (``unlinked``) or a
    report's designation (``reported``), the looser forms `_named_parts` says."""
    if not 2 <= len(words) <= _LONGEST_NAME or words[0].casefold() in _ARTICLES:
        return False
    if not all(word[:1].isupper() or folded(word) in _OF or word.casefold() in _JOINING for word in words):
        return False
    if _named_strictly(words):
        return True
    # (unlinked, a name of three words or more that its word ends: "Naval Postgraduate School",
    # "Digital Equipment Corporation"; two are as often a work's title, "Second Foundation")
    long_name = len(words) > _SHORT_NAME and _after_any_name(words)
    return (unlinked and (_before_proper_names(words) or long_name)) or (reported and _after_any_name(words))


def _named_strictly(words: list[str]) -> bool:
    """Whether an institution's word, among the first four, has what it is of right after it, or
    ends ``words`` after a name (`_an_institution`'s strict forms)."""
    heads = [index for index, word in enumerate(words) if _an_institutions_word(word)]
    if not heads:
        return False
    of_what = any(
        head <= _HEAD_AT_MOST and any(folded(word) in _OF for word in words[head + 1 : head + 3])
        for head in heads
    )
    return of_what or (heads[-1] == len(words) - 1 and _after_a_name(words))


def _an_institutions_word(word: str) -> bool:
    """An institution's word, alone or closing a compound after a proper name as German sets one
    ("Max-Planck-Institut", "Helmholtz-Zentrum"; not "Non-University")."""
    *names, last = word.split("-")
    return word.casefold() in _INSTITUTIONS or (
        bool(names)
        and last.casefold() in _INSTITUTIONS
        and all(name[:1].isupper() for name in names)
        and any(not is_english_word(folded(name)) for name in names)
    )


def _after_a_name(words: list[str]) -> bool:
    """Whether the words before an institution's word, ``words``' last, name it: a proper name or
    an acronym among them ("Rutherford Appleton", "RAND"), no conjunction nor article ("Culture
    and", "Bill & Melinda", "Announcing the JuliaHealth"); and the word one that may end a name
    (not "Help Center", "Microsoft Office")."""
    *before, last = words
    if last.casefold() in _OPENING_ONLY or any(word.casefold() in _JOINING for word in before):
        return False
    return any(
        _an_acronym(word) or not is_english_word(folded(word)) for word in before if word[:1].isupper()
    )


_PROPER_NAMES_AT_MOST = 2  # "Université Paris-Sud", "Università Ca' Foscari"
_SHORT_NAME = 2  # "Second Foundation", "Bell Laboratories": a title as often as a name


def _before_proper_names(words: list[str]) -> bool:
    """Whether an institution's word opens ``words`` and proper names follow it, each no English
    word ("Université Paris-Sud", "Universität Hamburg"; not "University Physics", a book's)."""
    names = words[1:]
    return (
        _an_institutions_word(words[0])
        and 1 <= len(names) <= _PROPER_NAMES_AT_MOST
        and all(name[:1].isupper() and not is_english_word(folded(name)) for name in names)
    )


def _after_any_name(words: list[str]) -> bool:
    """Whether an institution's word that may end a name ends ``words`` after capitalised words,
    no conjunction nor article among them ("Australian National University", "Digital Equipment
    Corporation")."""
    *before, last = words
    return (
        _an_institutions_word(last)
        and last.casefold() not in _OPENING_ONLY
        and not any(word.casefold() in _JOINING for word in before)
    )


def _an_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _a_report(words: list[str]) -> bool:
    """A report's designation and its number: "Internal Report No. 5522", "Tech. Rep. 87-4",
    "Rapport de recherche 9162", "NBER Working Paper 13/56", "Memorandum". Its number follows its
    designation: a name with digits before it is a work's ("GPT-4 Technical Report")."""
    lowered = [word.casefold() for word in words]
    heads = [index for index, word in enumerate(lowered) if word in _REPORTS.heads]
    if not heads or lowered in _WORKS:
        return False
    before, after = heads[0], heads[0] + 1
    return all(
        lower in _REPORTS.words
        or (index < before and _an_acronym(word))
        or (index >= after and _an_identifier(word))
        or lower in _REPORTS.heads
        for index, (word, lower) in enumerate(zip(words, lowered, strict=True))
    )


def _an_identifier(word: str) -> bool:
    """A number, a code or an acronym: "5522", "UC/CS-83/92", "DEC-TR-1379", "NBER"."""
    return any(c.isdigit() for c in word) or (len(word) >= 2 and word.isupper())


def _identifiers(words: list[str]) -> bool:
    return all(_an_identifier(word) for word in words)


def _publisher_and_place(parts: list[list[str]]) -> bool:
    """A publisher's name, then its place: "Addison-Wesley: Reading, MA, USA", "North-Holland
    Publishing Company: Amsterdam, The Netherlands"."""
    if len(parts) < 2:
        return False
    publisher = [word.casefold() for word in parts[0]]
    if not any(word in _PUBLISHERS or word.startswith("publish") for word in publisher):
        return False
    if not all(word[:1].isupper() or word.casefold() in _JOINING for word in parts[0]):
        return False  # a sentence, not a name: "Teaching electronic publishing to …"
    return all(_capitalised_place(place) for place in parts[1:])
