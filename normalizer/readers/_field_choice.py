"""Which reading of a reference's fields the reader keeps: the trained tagger's where it doubts
the rules', the rules' where the model is unsure.

The reader of reference lists reads each item by the trained field tagger
(`bibnorm.readers.tagger`) and by the rules of `bibnorm.readers.refs` (`parse_reference`), and
keeps per field the model's reading where it is sure of its own (the mean marginal of the
field's tokens at least the field's threshold in `SURE`) and gives the rules' a low probability
where the two differ: the rules' title run on into the venue, a venue line read as the title, a
title's start cut off, names lost. A title the rules read where the model reads none and
reads other fields (names, a venue, numbers: a style that prints no article title) is left out
(`_no_title_printed`), and so is one where the model's title is that style's venue
(`_title_is_a_venue`) or where the model reads no title and the rules' is a word of its venue
(`_title_in_the_venue`), or a journal and its numbers (`_journal_and_its_numbers`); a title
the rules read none of is none unless the model is all but sure of one right after its names,
and a year the rules read stays theirs. The title so kept is
overruled where a classifier trained on the validation styles is sure another (the rules', the
model's, none) is right (`_title_arbiter.overruled_title`), and the venue, the year and the
author list likewise (`_venue_arbiter`, `_year_arbiter`, `_authors_arbiter`; the last two within
bounds real lists asked for: the model's year only where printed after the rules', names only
where the rules read some). The thresholds and the patterns the model may replace were
chosen on the validation styles of ``bench/bench_tagger_heldout.py`` against the changes they
make on the team's PDF corpus and reference-list tests, where the rules read 98–100% whole
(docs/tagger.md).

A reference read as an item of a list is read knowing how well the rules fit the list's style
(`list_fit`: a list is typeset in one style): where the choice made item by item keeps few of
its titles as the rules read them, the model's title is kept wherever it is sure of it and
doubts the rules' (`_title_of_the_list`).

The identifiers (DOI, arXiv id) are not chosen here: they stay `_ref_ids`'s, which joins them
across line breaks and checks their form. A reference in a script written without spaces
(Chinese, Japanese, Korean) stays the rules': the tagger's tokens are words between spaces. A
title in Japanese title brackets (「…」, 『…』) is what they hold, in any reference, and the names
before it are the authors where the rules cut one of them short (`_names_before_the_bracket`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import takewhile
from typing import TypeVar

from bibnorm.models import latest_year
from bibnorm.readers._arbiter import LABEL_GROUPS, words_as_numbers
from bibnorm.readers._authors_arbiter import overruled_authors
from bibnorm.readers._bbl_astro import printed_abbreviations
from bibnorm.readers._no_work_title import (
    NUMBER_CUES,
    ORDINAL_IN_FIGURES,
    names_no_work,
    report_at_the_end,
    report_in_parentheses,
)
from bibnorm.readers._ref_apa import DATE_SLOT
from bibnorm.readers._ref_dates import YEARS
from bibnorm.readers._ref_entry_types import names_a_meeting
from bibnorm.readers._ref_ids import LINK_WORD, without_ids
from bibnorm.readers._title_arbiter import overruled_title
from bibnorm.readers._title_questions import title_before_a_marked_question
from bibnorm.readers._venue_arbiter import overruled_venue
from bibnorm.readers._year_arbiter import overruled_year
from bibnorm.readers.tagger import LABELS, NAME_LABELS, QUOTATION_MARKS, TaggedReference, is_given_name
from bibnorm.text.accents import without_accents
from bibnorm.text.capitals_words import is_english_word, word_key
from bibnorm.text.months import ANY_SPELLING as MONTH
from bibnorm.text.months import SPELLINGS as MONTH_SPELLINGS
from bibnorm.text.names import (
    AND_OTHERS,
    ELIDED_PARTICLE,
    INITIAL,
    LATIN_CAPITAL,
    ORGANISATION_WORDS,
    PARTICLES,
    is_name_suffix,
)
from bibnorm.text.printed import EDITORS_MARK, VENUE_IN
from bibnorm.text.titles import PART_NUMBER, ROMAN_NUMERAL, title_key, without_chapter, without_kind_of_work
from bibnorm.text.word_tables import (
    alternation,
    bare_words,
    identifier_labels,
    kinds_of_work,
    minor_words,
    name_list_conjunctions,
    publisher_words,
    publishers,
    reference_abbreviations,
    reference_cues,
    report_words,
    title_omitted_words,
    venue_words,
    visit_dates,
)

# Chosen on the validation styles (docs/tagger.md). Per field: the model's reading is kept where
# its confidence (the mean marginal of the field's tokens) is at least "FIELD"; where the rules read
# the field otherwise, only where the model also gives the rules' reading less than
# "FIELD-doubted" (the lowest probability of the label on a token where the two disagree: the
# model doubts it). A field the model reads nowhere is absent where it gives each token of the
# rules' reading the label with a probability below "FIELD-dropped", else the rules'.
SURE: Mapping[str, float] = {
    "title": 0.5,
    "title-doubted": 0.02,
    "title-dropped": 0.3,
    "title-dropped-dated": 0.5,  # a title the model reads a venue and a date in (`_no_title_printed`)
    "title-filled": 0.99,  # a title the rules read none of: the model's right after its names (all but sure)
    "venue": 0.5,
    "venue-doubted": 0.02,
    "venue-dropped": 0.1,
    "year": 0.5,
    "year-doubted": 0.02,
    "year-dropped": 0.0,
    "year-filled": 0.9,
    "authors": 0.99,
    "authors-filled": 0.9,
    "authors-filled-given": 0.7,  # names the rules read none of, a person's as printed (`_named`)
    "authors-before-title": 0.5,  # names the rules read none of, before the title (`_names_before_the_title`)
    "publisher": 0.5,
    "publisher-filled": 0.5,
}

# How sure the model must be of the other fields it reads where the rules read a field, to drop
# or replace the rules' reading (0.9 for the CRF: the network's marginals on styles it never saw
# are softer, 0.8–0.9 on fields it reads right: "See supplemental word list" a note at 0.82).
_SURE_OF_OTHERS = 0.8
# How sure of a venue the model must be where the rules' title is a listed journal's name.
_SURE_OF_A_JOURNAL = 0.5

Value = TypeVar("Value", str, int, tuple[str, ...])
# Scripts written without spaces between words (CJK ideographs, kana, Hangul), and full-width
# forms glued to a letter ("Methods，2019"): the tagger's tokens are words between spaces, so a
# reference in them stays the rules'. Not a full-width mark between digits alone, which glues no
# words ("16(8):715～721": a page range, one token as "715–721" is).
_FULL_WIDTH = "\uff00-\uffef"
UNSPACED_SCRIPTS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"  # kana, ideographs, Hangul
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]|(?<=[^\\W\\d_])[{_FULL_WIDTH}]|[{_FULL_WIDTH}](?=[^\\W\\d_])")


# What the rules read as a field may be left out where the model reads these there, sure: names, a
# venue, numbers (a style that prints no title: "Lee, Y.; Kang, J. ICLR. 2022."), not a note or
# words it labels nothing ("Title1.", "Poetics.": a short title the model reads as neither).
# Nor editors ("Aristotle. Poetics. Ed. by D. W. Lucas.": the title read as the editor's name).
_OTHER_FIELDS = frozenset(LABELS) - {"title", "note", "other", "editor"}
# What a title or venue the rules read too far runs into: the fields after it, not an edition or
# a note ("Galactic Dynamics: Second Edition" is a title).
_RUN_INTO = frozenset(LABELS) - {"title", "note", "other", "edition"} - NAME_LABELS
# What the rules read as a title may be the venue line the model reads there ("Family, I. Title.
# Journal Year, Vol, Pages.": MDPI's, ACS's layout; AMS's "2013: Title. J. Atmos. Sci., 70"), or a
# book's place or edition after its title (GOST's "Title. — Los Altos, CA", "Title. Third. New York").
_VENUE_LINE = frozenset({"container", "date", "volume", "issue", "pages", "publisher", "place", "edition"})


def is_listed_journal(text: str) -> bool:
    """Whether the journal list or the venue table names ``text`` (`journals.is_listed`), or it
    is a journal's one-word abbreviation as the astronomy classes print it ("PhRvL", "A&A":
    `_bbl_astro.printed_abbreviations`); the list's module imported on first use: the reader's
    start-up does not load the journal tables."""
    from bibnorm.text.journals import is_listed

    return text.strip(" .,;:") in printed_abbreviations() or is_listed(text)


def _a_journals_name(text: str) -> bool:
    """Whether ``text`` is a listed journal's name (`is_listed_journal`) or, listed or not, shaped as a
    journal's abbreviated name (`journals.abbreviation_shaped`: an old spelling, "Progr. Theoret.
    Phys.")."""
    from bibnorm.text.journals import abbreviation_shaped

    return is_listed_journal(text) or abbreviation_shaped(text)


def _a_venue_in_the_titles_place(title: str, text: str) -> bool:
    """Whether the title read is a venue's lead (`_VENUE_OPENING`), a meeting's word and "of" alone
    (`_MEETINGS_OF`: "Proceedings of the" of "MacKay, P. A. Proceedings of the IEEE International
    Conference …, pages 481–484", the rest read as the venue) or a journal's abbreviation cut at its
    periods (`_cut_from_a_journals_name`), printed where a title goes."""
    lead = _VENUE_OPENING.match(title) or _MEETINGS_OF.fullmatch(title)
    cut = _cut_from_a_journals_name(title, text, whole=True) and not _a_title_before_a_listed_journal(
        title, text
    )
    return bool(lead) or cut


def _a_title_before_a_listed_journal(title: str, text: str) -> bool:
    """Whether a listed journal's name follows ``title`` and its period, and the two are no listed
    journal: a short title before its journal ("Fang, W., …. 2011. Mars. IEEE Trans. Parallel
    Distrib. Syst. 22: 608–620."), not a journal's first word ("Phys. Rev. E", listed whole)."""
    journal = _name_up_to_the_numbers(title, text) or ""
    after = journal[len(title) + 1 :].strip()
    return bool(after) and is_listed_journal(after) and not is_listed_journal(journal)


def _name_up_to_the_numbers(title: str, text: str, start: int = 0) -> str | None:
    """The words ``text`` prints from ``title`` and its period on (looked for from ``start``) up
    to the numbers, a year or a field's punctuation (`_UP_TO_THE_NUMBERS`): the journal's name
    a title that opens it runs on to; None where ``text`` does not print ``title`` so."""
    at = text.find(f"{title}.", start)
    if at < 0:
        return None
    name = _UP_TO_THE_NUMBERS.match(text, at)
    return name.group().strip(" .") if name else ""


_LABELS = frozenset(identifier_labels().labels)  # "doi", "url", "pmid" (identifier-labels.json)


def _a_works_title(tagged: TaggedReference, title: str | None) -> str | None:
    """The title chosen where it names a work: none where it is a venue's lead, a journal's
    abbreviation cut at its periods (`_a_venue_in_the_titles_place`) or no word at all
    (`_no_words`); the model's where it is an institution or a report (`names_no_work`)."""
    if not title or _no_words(title) or _a_venue_in_the_titles_place(title, tagged.text):
        return None
    return _the_models_title_instead(tagged, title) if names_no_work(title, tagged.text) else title


def _the_journal_in_the_titles_place(
    journal: str | None, venue: str | None, publisher: str | None = None
) -> str | None:
    """The venue: the journal printed in the title's place (`_journal_before_its_numbers_alone`)
    where none was read, or a part of its name ("B" of "Physical Review B"), or its ``publisher``
    ("Elsevier" of "Acta Oecologica. Elsevier; 1999; 20(1)")."""
    if journal and (venue is None or _word_run(venue) in _word_run(journal) or venue == publisher):
        return journal
    series = _A_SERIES.search(journal or "")
    if journal and venue and series and venue.startswith(series.group()):
        return journal  # the model read the series and its name, "Series A, Mathematical and …"
    return venue


def _no_words(title: str) -> bool:
    """Whether a title read holds no word: marks alone ("–", "??–??"), an
    identifier's label ("DOI" of "Names, 2018. DOI: https://…") or a number's ("no" of "…, and K. M.
    de Reuck 1985. no. 8958NBER Working Paper"), what a style that prints no title leaves in its
    place."""
    bare = title.strip(" .,:;").casefold()
    return not any(char.isalnum() for char in title) or bare in _LABELS or bare in NUMBER_CUES


def _no_title_words(title: str) -> bool:
    """Whether a title chosen holds no word of a title (`_no_words`): numbers and marks alone, a
    year alone or a venue's "In" alone: what the rules read between two fields ("… 2023.
    Delivering …. 2023.", "… 2023 CiCo. In , CVPR.", "… Regression (Report No. 21-12).
    Australian …" read "21-12)"); or, where a style prints no title, an edition's statement alone
    and its publisher's parenthesis ("Varian, Hal R., 1990, second edition (Libreria Editrice
    Cafoscarina, Venice, Italy)") or a note in parentheses alone ("(in Russian)")."""
    bare = title.strip(" .,:;")
    lettered = any(char.isalpha() for char in bare)
    alone = _YEAR_ALONE.fullmatch(bare) is not None or _IN.fullmatch(bare) is not None
    noted = _AN_EDITION_ALONE.fullmatch(bare) is not None or _A_NOTE_ALONE.fullmatch(bare) is not None
    return _no_words(title) or not lettered or alone or noted


def _a_title_with_words(tagged: TaggedReference, title: str | None) -> str | None:
    """``title`` where it holds a title's words (`_no_title_words`), else the model's where it is
    sure of it and it does, else none: what the cuts left of the title, or what the rules read
    between two fields in its place ("[91] Blanchard v. Brandt, Volume 624. 2016, page 690." read
    with the title "2016")."""
    if not title or not (_no_title_words(title) or _the_dates_month(title, tagged.text)):
        return title
    own = tagged.title
    sure = tagged.field_confidences().get("title", 0.0) >= SURE["title"]
    # without what a style prints after it, as the title chosen was cut ("(Report No. 21-12)")
    return _without_what_follows_it(own, tagged) if own and sure and not _no_title_words(own) else None


def _the_dates_month(title: str, text: str) -> bool:
    """Whether ``title`` is a month's name alone that ``text`` prints before a year: the date's
    ("Vellend, M. June 2010, 85(2), 183–206."), not a book's one-word title ("March. Viking, 2005.")."""
    bare = title.strip(" .,:;")
    return (
        bare.casefold() in MONTH_SPELLINGS
        and re.search(rf"{re.escape(bare)}\.?,?\s++(?:{YEARS})", text) is not None
    )


# A journal's series after its name: "Physical Review B".
_SERIES_LETTER = re.compile(r"\s*+([A-Z])(?![^\W\d_])")
# A year alone, no journal's volume or pages: "1987", "2015a".
_YEAR_ALONE = re.compile(rf"(?:{YEARS})[a-z]?")
# The months of a range: "July-August", "Jan/Feb".
_MONTHS_APART = re.compile(r"[-–/]")


def _journal_before_its_numbers_alone(title: str, tagged: TaggedReference) -> str | None:
    """The listed journal's name the title read is — its words up to the first number or
    parenthesis, a series' letter after them —, where the reference prints after that name
    nothing but the journal's numbers, the words before them and months ("Hamilton, J. D. (2005).
    JChPh, (July-August), 435–452.", "Zauner-Stauber V, … (2018) Physical Review B, vol. 97, no.
    4, p. 045145", "An, Sungbae en Frank Schorfheide. Econometric Reviews 26, nr. 2--4 (2007)"),
    the publisher the model reads right after the name first (`_a_publisher`), as records exported
    with the journal's publisher print it ("Sellin A. Acta Oecologica. Elsevier; 1999;
    20(1):51–59."): a style that prints no title. Printed once."""
    text = " ".join(tagged.text.split())
    printed = _printed_journal(title, text)
    if printed is None:
        return None
    name, rest = _with_its_abbreviated_words(*printed, text)
    rest = _without_the_publisher_first(rest, _a_publisher(tagged))
    if subtitle := _SERIES_SUBTITLE.match(rest) if _A_SERIES.search(name) else None:
        rest = rest[subtitle.end() :]  # "…. Series A, Mathematical and Physical Sciences 183, 405"
    listed = name
    if section := _SECTION.match(rest):  # "Biochimica et Biophysica Acta (BBA) - Biomembranes 813"
        name, rest = f"{name} {section.group().strip()}", rest[section.end() :]
    rest = without_ids(rest)  # (APS's "…, 343 (1985), ISSN 0005-2736, URL http://…": its labels are
    # identifiers' words, `_a_numbers_word`)
    # not "In NeurIPS"; nor one plain word before fewer than two numbers, as often a work's or a
    # report's ("Report 189"), where a journal's abbreviation has capitals inside ("JChPh", "AZh");
    # before a volume and a page it is the journal's ("Science (80-. )., 325, 412", an export's)
    one_word = " " not in name and not any(char.isupper() for char in name[1:])
    # a year alone after it is a book's ("Complex Systems, 1987.") unless the name says it is a
    # journal's ("…, Ricci Z. Journal of Clinical Monitoring and Computing. 2019.")
    dated = _a_year_alone(rest) and _JOURNALS_WORDS.intersection(name.casefold().split())
    if (
        (one_word and len(_NUMBERS.findall(rest)) < 2)
        or _VENUE_OPENING.match(name)
        or not (_numbers_alone(rest) or dated)
    ):
        return None
    # (the text's own checks first: the journal tables load on a first ask)
    return name if _named_as_a_journal(name, rest) or is_listed_journal(listed) else None


def _named_as_a_journal(name: str, rest: str) -> bool:
    """Whether ``name`` is a journal's that no list names: it opens saying it is one ("Journal",
    "Transactions"), no other field's mark in it, and a range of pages follows it in ``rest``
    ("Journal of verbal learning and verbal behavior, 1983, 22, No. 5, 591–608.")."""
    words = name.split()
    return (
        words[0].casefold() in _JOURNALS_WORDS
        and not any(mark in name for mark in ",:;[(")
        and words[-1].casefold().strip(".") not in NUMBER_CUES
        and _PAGE_RANGE.search(rest) is not None
    )


# A run of digits: a volume's, an issue's, a page's.
_NUMBERS = re.compile(r"\d++")


def _a_publisher(tagged: TaggedReference) -> str | None:
    """The publisher the model reads, or the venue it reads where a publisher's word names it
    ("Elsevier", "Wiley Online Library": publisher-words.json), an article's publisher being
    where a journal's name is printed after a title."""
    venue = tagged.container
    named = venue and any(word.strip(".,;:").casefold() in publisher_words() for word in venue.split())
    return tagged.text_of("publisher") or (venue if named else None)


def _without_the_publisher_first(rest: str, publisher: str | None) -> str:
    """``rest`` without ``publisher`` where it opens it after a mark (". Elsevier; 1999; 20(1)")."""
    publisher = " ".join(publisher.split()).strip(" .,;:") if publisher else ""
    marks = len(rest) - len(rest.lstrip(" .,;:"))
    if publisher and marks and rest[marks:].startswith(publisher):
        return rest[marks + len(publisher) :]
    return rest


# A journal's section after its abbreviation in brackets and a dash, before its numbers: Elsevier's
# "Biochimica et Biophysica Acta (BBA) - Biomembranes 813, 343", "(BBA) - Molecular Cell Research"
_SECTION = re.compile(r"\s?\([A-Z]{2,8}\)\s?[-–—]\s?(?:(?:[A-Z][a-z]+|and|of|the|&)\s){1,6}(?=\d)")


# A journal's series ("… Series A", "… Section B") and the series' own name after a comma, words
# of capitals but for "and", "of", "the" ("Proceedings of the Royal Society of London. Series A,
# Mathematical and Physical Sciences 183, 405 (1945)")
_A_SERIES = re.compile(r"\b(?:Series|Section|Ser\.|Sect\.)\s[A-Z]$")
_SERIES_SUBTITLE = re.compile(r",\s(?:(?:[A-Z][a-z]+|and|of|the|&),?\s){1,8}(?=\d)")


# abbreviated words of a journal's name ("J.", "Res."), before the title read or after it (at most
# `_ABBREVIATED_WORDS` of them)
_ABBREVIATED_WORD = re.compile(r"[A-Z][a-z]{0,6}\.")
_ABBREVIATED_AFTER = re.compile(r"\.?(?:\s[A-Z][a-z]{0,6}\.){1,6}")
_ABBREVIATED_WORDS = 6


def _abbreviated_words_before(text: str, at: int) -> int:
    """Where the abbreviated words right before ``at`` start (``at``: none)."""
    start = at
    for _ in range(_ABBREVIATED_WORDS):
        word_start = text.rfind(" ", 0, start - 1) + 1
        if (
            start < 2
            or text[start - 1] != " "
            or not _ABBREVIATED_WORD.fullmatch(text, word_start, start - 1)
        ):
            break
        start = word_start
    return start


def _with_its_abbreviated_words(name: str, rest: str, text: str) -> tuple[str, str]:
    """A journal's name read without the abbreviated words around it ("Bone Miner" of "…, and M.
    J. Buehler, J. Bone Miner. Res. 31, 380 (2016).": the model's title) with them, where the whole
    is a listed journal, and what the text prints after it; else ``name`` and ``rest``."""
    at = text.find(name)
    start = _abbreviated_words_before(text, at)
    after = _ABBREVIATED_AFTER.match(rest)
    if start == at and after is None:
        return name, rest
    whole = text[start : at + len(name)] + (after.group() if after else "")
    if not is_listed_journal(whole.strip()):
        return name, rest
    return whole.strip(), rest[after.end() :] if after else rest


def _numbers_alone(rest: str) -> bool:
    """Whether ``rest`` holds nothing but a journal's numbers, the words before them and months,
    a volume or pages among them, not a year alone (a book's: "Complex Systems, 1987.")."""
    tokens = [token.strip(".,;:()[]") for token in rest.split()]
    numbered = any(char.isdigit() for token in tokens for char in token if not _YEAR_ALONE.fullmatch(token))
    return numbered and all(_a_numbers_word(token) for token in tokens)


# the words that make a venue's name a journal's: "Journal", "Transactions", "Letters", "Review"
_JOURNALS_WORDS = frozenset(venue_words().journals)


def _a_year_alone(rest: str) -> bool:
    """Whether ``rest`` holds a year and marks alone (". 2019.", ", 2018")."""
    tokens = [token for token in (token.strip(".,;:()[]") for token in rest.split()) if token]
    return len(tokens) == 1 and _YEAR_ALONE.fullmatch(tokens[0]) is not None


def _printed_journal(title: str, text: str) -> tuple[str, str] | None:
    """A journal's name the title opens with — its words up to the first number or parenthesis,
    a series' letter after them in ``text`` —, and what ``text`` prints after it; printed once."""
    words: list[str] = []
    for word in title.split():
        if any(char.isdigit() for char in word) or word.startswith("("):
            break
        words.append(word)
    name = " ".join(words).rstrip(" ,.;:")
    if not name or text.count(name) != 1:
        return None
    rest = text[text.index(name) + len(name) :]
    if series := _SERIES_LETTER.match(rest):
        return f"{name} {series.group(1)}", rest[series.end() :]
    return name, rest


def _a_numbers_word(token: str) -> bool:
    """A journal's number ("97", "435–452", "2--4", "??–??"), a word before one, a month's name
    ("July-August"), or an identifier's label ("ISSN", "URL"; its identifier a number or left out
    with the others: `without_ids`)."""
    if not token or any(char.isdigit() for char in token) or not any(char.isalpha() for char in token):
        return True
    lowered = token.casefold()
    return (
        lowered in NUMBER_CUES
        or lowered in _LABELS
        or all(part in MONTH_SPELLINGS for part in _MONTHS_APART.split(lowered))
    )


def _cut_from_a_journals_name(title: str, text: str, start: int = 0, whole: bool = False) -> bool:
    """Whether ``title`` is the first words of a journal's abbreviated name that a style printed in
    the title's place, cut at their periods ("Everaers, R. (2003) Phys. Rev. E, 67, 041710." read
    as "Phys", "Savitzky A, Golay MJE. Anal. Chem.. 1964;36(8)" as "Anal"): each word, with the
    period after it, a word the list's ISO 4 abbreviations cut so ("Phys.", not a short title's
    "Scater." before "Bioinformatics"; no number: "Report 2."), and the name it opens runs on to
    the numbers (`_a_journals_name`). The title is looked for from ``start`` on. A ``whole`` title
    read may also hold, beside such words, words the abbreviations print whole or leave out
    (`_a_journals_words`: "Lancet Gastroenterol", "Mem. della Soc"); the last words of a title
    read on into a journal's name may not: they are as often the title's own ("… Electron Gas")."""
    from bibnorm.text.journals import is_listed_cut_word

    journal = _name_up_to_the_numbers(title, text, start)
    words = [word.removesuffix(".") for word in title.split()]
    if journal is None or not all(word.isalpha() for word in words):
        return False
    # a venue's "In" after the words is the title's end ("… Hierarchical Web Data. In The 31st …");
    # the text's own checks first: the journal tables load on a first ask
    if _IN_A_VENUE.search(journal):
        return False
    cut = all(is_listed_cut_word(f"{word}.") for word in words) or (
        whole and _a_journals_words(title.split())
    )
    return cut and _a_journals_name(journal)


def _a_journals_words(printed: Sequence[str]) -> bool:
    """Whether the ``printed`` words of a title read are the words of a journal's abbreviated name,
    some of them printed whole: beside a word the list's ISO 4 abbreviations cut so with a period
    after it, printed with that period before the title's end ("Mem." of "Mem. della Soc") or no
    English word ("Gastroenterol"; not "Design", which ends a name in full), each other one a word
    they cut so or print whole ("Lancet" of "Lancet Gastroenterol. Hepatol.") or, after the first,
    a word ISO 4 leaves out ("della" of "Mem. della Soc. Astron. Ital.")."""
    from bibnorm.text.journals import is_listed_cut_word, printed_whole

    words = [word.removesuffix(".") for word in printed]
    cut = [is_listed_cut_word(f"{word}.") for word in words]
    abbreviated = any(
        cut[at]
        and ((printed[at].endswith(".") and at < len(printed) - 1) or not is_english_word(word_key(word)))
        for at, word in enumerate(words)
    )
    others = [
        printed_whole(word) or (at > 0 and word in title_omitted_words())
        for at, word in enumerate(words)
        if not cut[at]
    ]
    return abbreviated and all(others)


# A journal's name runs to its volume, year or pages, or to a field's punctuation.
JOURNAL_NAME_RUN = r"[^\d,;:()\[\]]++"
_UP_TO_THE_NUMBERS = re.compile(JOURNAL_NAME_RUN)
_IN_A_VENUE = re.compile(r"(?<![^\s.])[Ii]n(?![^\s:])")


def _short_title_as_names(read: str, labels: set[str]) -> bool:
    """Whether the rules' title is a short title the model reads as a name: a word or two
    without initials ("Pierre Duchet. Hypergraphs. In …", "Berns, C. and J. Zurbach. Miletus.
    2025."), not a list of names the rules read as the title ("Johnson D. D., Hanchi A. E.", "P.A.
    MacKay" where the style printed no title) nor
    a publisher's ("B. K. Bul, Energia Press, Moscow 1964": a book's, where no title is printed)."""
    words = read.split()
    return (
        labels <= {"family", "given"}
        and len(words) <= 2
        and not any(_INITIAL.fullmatch(w) for w in words)
        and not any(w.strip(".,").casefold() in publisher_words() for w in words)
    )


def _short_title_kept(tagged: TaggedReference, read: str, labels: set[str]) -> bool:
    """Whether the rules' title is a short title the model reads as a name (`_short_title_as_names`)
    before anything but a journal's numbers or a DOI: a journal's name the model reads so stands
    there ("Glass L. B., Byte Magazine, 1990, 15, No. 8, 289–290"), not a title ("Berns, C. and
    J. Zurbach. Miletus. 2025.")."""
    inside = tagged.tokens_of(read)
    return _short_title_as_names(read, labels) and not (inside and _numbers_or_doi_after(tagged, max(inside)))


# an initial, or a name's initials written together ("J.", "Th.", "P.A.", "W,", "Y.-J.")
_INITIAL = re.compile(rf"(?:{INITIAL}-?)*{LATIN_CAPITAL}[a-z]?\.?,?")


_SHORT_TITLE_WORDS = 4  # the most words of a title the model may glue to the venue after it


def _glued_to_the_venue(tagged: TaggedReference, read: str, venue: str | None) -> bool:
    """Whether the model reads the rules' title and the rules' venue after it as one venue ("…
    and Carles Sierra. Charms. Applied Artificial Intelligence, 26(4)": a short title); not a
    proceedings' name the rules cut in two ("P. A. MacKay, Proceedings of the IEEE International
    Conference on Systems, Man and Cybernetics. 1990", where the style printed no title), nor a
    listed journal's name the rules cut at its comma ("R. Rich, J. Tracy, Journal of Money, Credit
    and Banking. 2021, 53 (1)": `_one_journals_name`)."""
    if venue is None or len(read.split()) > _SHORT_TITLE_WORDS:
        return False
    if tagged.overlap("container", read) not in ("within", "same"):
        return False
    if _cut_from_the_venue(tagged, read) or tagged.overlap("container", venue) not in ("within", "same"):
        return False
    return not _one_journals_name(tagged.text, read, venue)


def _one_journals_name(text: str, read: str, venue: str) -> bool:
    """Whether ``read``, what the text prints after it and ``venue`` make one listed journal's name."""
    start = text.find(read)
    end = text.find(venue, start + len(read)) if start >= 0 else -1
    return end >= 0 and is_listed_journal(" ".join(text[start : end + len(venue)].split()))


def _cut_from_the_venue(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title starts inside the model's venue, after its first word: words of
    a venue the rules cut in pieces ("In J. Mach. Learn. Res." read as a name, the title "Learn"
    and the venue "Res"; "In Proc. IEEE International Workshop on …" read from "IEEE")."""
    venue, inside = tagged.run_of("container"), tagged.tokens_of(read)
    return bool(inside) and venue.start < min(inside) < venue.stop


def _in_one_title(tagged: TaggedReference, title: str | None, venue: str) -> bool:
    """Whether the model's title holds both the rules' title and their venue."""
    return title is not None and tagged.overlap("title", title) == tagged.overlap("title", venue) == "within"


def _replaces(tagged: TaggedReference, label: str, read: str) -> bool:
    """Whether the model's reading of ``label`` may replace the rules' ``read``: where the rules
    ran on past it ("Title. In: Venue" read as one title), or read it from elsewhere, or shifted
    its end; not where the model's starts after the rules' ("simple framework …" of "A simple
    framework …": an article read as an initial), nor a title the model reads where names
    stand, none before it ("World Health Organization. (2019). Title": a group as author), nor a
    title the model opens inside its date's parenthesis (`_opens_inside_the_date`)."""
    overlap = tagged.overlap(label, read)
    if overlap == "same" or tagged.first(label) is None:
        return False
    if label == "title" and (not _after_names(tagged, read, overlap) or _opens_inside_the_date(tagged)):
        return False
    if overlap == "apart" and label == "title":
        return (
            _venue_line_read_as_title(tagged, read)
            or _names_read_as_title(tagged, read)
            or _later_fields_read_as_title(tagged, read)
        )
    if overlap == "shifted":
        return _shifted_by_the_rules(tagged, label, read)
    if label == "date":
        return _year_among_numbers(tagged, read)
    if overlap == "runs-on":
        return _run_on_into_fields(tagged, label, read)
    if overlap == "within" and label == "title":
        return _title_cut_by_the_rules(tagged, read)
    return label != "title"


# the most words of a date's parenthesis after its year: "(2023, May 28)", "(2019, 3 de mayo)"
_DATES_TAIL = 3


def _opens_inside_the_date(tagged: TaggedReference) -> bool:
    """Whether the model's title opens inside the parenthesis its date opened and closes it within
    its first words ("Kumar, A. (2023, May 28). Aic & bic for selecting regression models: …",
    read with the title "May 28). Aic & bic …"): the model took the date's day for the title's
    start, and where the title starts is the rules' to say."""
    own = tagged.run_of("title")
    if not own or own.start == 0 or tagged.labels[own.start - 1] != "date":
        return False
    opening = tagged.tokens[own.start - 1]
    if opening.count("(") <= opening.count(")"):
        return False
    for token in tagged.tokens[own.start : min(own.stop, own.start + _DATES_TAIL)]:
        if "(" in token:
            return False
        if ")" in token:
            return True
    return False


def _title_cut_by_the_rules(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title, inside the model's, is the model's cut short: at a part's number
    before the venue, inside a sentence or a word, or after a first sentence the model's goes on
    from up to the venue's "In" or a book's publication."""
    return (
        _cut_short_by_the_rules(tagged, read)
        or _cut_inside_a_sentence(tagged, read)
        or _cut_before_the_venues_in(tagged, read)
        or _cut_before_the_publication(tagged, read)
        or _cut_at_a_question(tagged, read)
        or _cut_at_a_comma_before_the_journal(tagged, read)
        or _head_cut_off_after_the_date(tagged, read)
        or _cut_inside_a_word(tagged.text, read)
    )


def _head_cut_off_after_the_date(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the model's last sentences, its first cut off, where the model's
    title opens right after the names' date ("Morris, R.A., 1989, Rendering digital type. A
    historical and economic view of technology. Comput. J., 32", the rules' title the second
    sentence): the words between the date and a title are the title's. A date, not a number the
    model reads as one: "…, Durbin, R., and 1000 Genome Project Data Processing Subgroup (2009).
    The sequence alignment/map format and SAMtools." holds a group's name before its date."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read)
    if not inside or min(inside) <= own.start or max(inside) != own.stop - 1 or own.start == 0:
        return False
    date = tagged.tokens[own.start - 1]
    return (
        tagged.labels[own.start - 1] == "date"
        and _LONE_YEAR.search(date) is not None
        and tagged.tokens[min(inside) - 1].endswith(_SENTENCE_END)
    )


def _cut_at_a_comma_before_the_journal(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut at a comma inside it, where the
    model's title ends a sentence right before a journal and its numbers ("Book Review: Hala Auji,
    Printing Arab Modernity: Book Culture … in Nineteenth-Century Beirut. Printing History (New
    Series), 2018, No. 24", the rules reading the words after the comma into the journal's name):
    a style that sets the journal after a comma sets no sentence's end between the two."""
    last = _last_before_the_models_rest(tagged, read)
    own, venue = tagged.run_of("title"), tagged.run_of("container")
    if last is None or not tagged.tokens[last].endswith(",") or not venue or venue.start != own.stop:
        return False
    after = tagged.tokens[last + 1 : own.stop]
    return (
        tagged.tokens[own.stop - 1].endswith(".")
        and len(after) >= _SUBTITLE_WORDS
        and _numbers_after(tagged, venue.stop - 1)
    )


def _cut_at_a_question(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut after a question the model's goes
    on from with a subtitle ("Lost in Space? Information Shortcuts, Spatial Voting, and Local
    Government Representation", "Are thermophilic proteins rigid or flexible? An in silico
    investigation. 2014."): a capitalised sentence of three words at least, no number in it (not
    a series' volume), not opened by "In" (a chapter's book) or a bracket (a description)."""
    last = _last_before_the_models_rest(tagged, read)
    if last is None or not tagged.tokens[last].endswith("?"):
        return False
    after = tagged.tokens[last + 1 : tagged.run_of("title").stop]
    return after[0][:1].isupper() and _IN.fullmatch(after[0]) is None and _a_subtitles_words(after)


def _last_before_the_models_rest(tagged: TaggedReference, read: str) -> int | None:
    """The last token of the rules' title ``read`` where it is the start of the model's title and
    the model's goes on after it; None otherwise."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read)
    if not inside or min(inside) != own.start or max(inside) + 1 >= own.stop:
        return None
    return max(inside)


# What a book's title is followed by: its edition, its publisher, its place (the model's labels).
_PUBLICATION_LABELS = frozenset({"edition", "publisher", "place"})
_PAGE_RANGE = re.compile(r"\d[–-]{1,2}\d")  # "629–637": a chapter's pages, not a book's count ("308 p.")


def _cut_before_the_publication(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut at a sentence's end inside it,
    where the model's title is a book's, its subtitle a sentence of its own, and its publication
    follows ("Feature Engineering for Machine Learning. Principles and Techniques for Data
    Scientists. First edit. Sebastopol, CA: O'Reilly Media", "Flow. Das Geheimnis des Glücks.
    Stuttgart: Klett-Cotta"): the model reads no venue, and the first field after its title is an
    edition, a publisher or a place. Not where the words after the rules' title open with "In" (a
    chapter's book), a bracket (a description), hold a number (a series' volume: "Know No Fear.
    Number 19 in The Horus Heresy"), nor where a page range follows: a chapter's pages, the second
    sentence its book's title ("Origins of plant agriculture …. Our fragile world: …. Oxford:
    EOLSS Publishers, 629–637"). So too where the model's title closes the reference, nothing
    printed after it ("Morris, R. A. (1989) Rendering digital type. A historical and economic view
    of technology."), where its last sentence is no listed journal's name nor a body's ("3-D Neutron
    Transport Benchmarks. Organisation for Economic Co-operation and Development's Nuclear Energy
    Agency.": its publisher, a body's words, `_an_organisations`)."""
    own, after = tagged.run_of("title"), _sentences_after(tagged, read)
    if tagged.first("container") is not None or not after:
        return False
    if not (_a_subtitles_words(after) and _IN.fullmatch(after[0]) is None):
        return False
    if own.stop >= len(tagged.tokens):
        sentence = " ".join(after)
        return not _an_organisations(sentence) and not is_listed_journal(sentence.rstrip("."))
    return tagged.labels[own.stop] in _PUBLICATION_LABELS and not any(
        _PAGE_RANGE.search(token) for token in tagged.tokens[own.stop :]
    )


def _cut_inside_a_word(text: str, read: str) -> bool:
    """Whether the rules' title ends inside a word of the text, where it first stands ("Learn" of
    "… Nonparametric Learning of Stochastic Differential Equations.. In: J. Mach. Learn. Res..",
    the rules cut at the doubled period): no title a style printed. Case aside, as the model's
    title is compared (`TaggedReference.tokens_of`)."""
    lowered = text.lower()
    at = lowered.find(read.lower())
    end = at + len(read)
    return at >= 0 and len(lowered) == len(text) and text[end : end + 1].isalpha()


def _after_names(tagged: TaggedReference, read: str, overlap: str) -> bool:
    """Whether a title may be the model's at all: it reads names before its title — authors', or
    an edited work's editors in their place ("Brachman, R. J., Levesque, H. J. & Reiter, R. (eds),
    1991. Special volume: …") —, or a date and nothing else but words it labels as nothing (a work
    without authors dated first: "(2009). Picturing Victorian America: … (Hartford, CT, USA: …)"),
    or a citation label alone (a title-first style's: GOST's "[23b] Title / J. Ye [et al.]"); and
    (where the two readings are not apart) the style did not quote the rules' title
    ("“ABSPACK, CrysAlis …”"). Not a title that opens the reference, though the rules' opens it
    too: the model cuts a work's name short before a link ("Broad Institute Genomespace
    portal:[[http://…]]" read "Broad Institute Genomespace")."""
    start = tagged.labels.index("title")
    before = set(tagged.labels[:start])
    labelled = start == 1 and _a_label(tagged, 0)  # a title-first style's label alone before it
    if not (before & _NAMES_OR_EDITORS or before - {"other"} == {"date"} or labelled):
        return False
    return overlap == "apart" or not _quoted(tagged, read)


_NAMES_OR_EDITORS = frozenset({"family", "editor"})  # the names a title follows


def _quoted(tagged: TaggedReference, read: str) -> bool:
    """Whether the text quotes ``read``: opens a quotation mark right before it, or a blank
    before it (French spacing's "« Title »", a PDF's blank moved: "Climbing the“ Stairway")."""
    at = tagged.text.find(read)
    before = tagged.text[max(0, at - 2) : at] if at > 0 else ""
    return before[-1:] in _OPENING_MARKS or (before[-1:] == " " and before[:1] in _OPENING_MARKS)


_OPENING_MARKS = frozenset(mark for mark in QUOTATION_MARKS if len(mark) == 1)  # "“", "«", German "„"


def _venue_line_read_as_title(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules read another field as the title, which the model is sure is a venue
    line (quoted or not: the italics pass quotes an italic journal the rules took for a title,
    AMS's "2002: Title. *J. Atmos. Sci.*, 59"), or a listed journal's name the model reads as the
    venue, less sure (ACS's "Title. *Nat. Protoc.* 2017, 12", its abbreviated words ~0.9 each)."""
    labels, lowest = tagged.labels_of(read)
    if labels <= _VENUE_LINE and lowest >= _SURE_OF_OTHERS:
        return True
    return labels == {"container"} and lowest >= _SURE_OF_A_JOURNAL and is_listed_journal(read)


def _later_fields_read_as_title(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules read as the title words after the model's title that the model reads as
    no title (a note, an edition, a report's number, a place: "Helfer, A. Introduction to Modern
    Differential Geometry. Addison-Wesley, Reading, MA, USA (1990). Prepared with TeX.", "M. L.
    Luvisetto and E. Ugolini, LaTeX: easy recipes. Technical Report INFN/TC-92/05, Ist. …"), where
    the model is all but sure of its own title right after the names (`title-filled`); not a
    title the model reads where names stand, none before it (a group as author), nor one a date
    alone (and words it labels as nothing) parts from the rules' (an author-year style's title
    after its date, the model's title the author list's end: "Jr, F. E. H., with contributions
    from Charles Dupont, and many others. (2015). Hmisc: Harrell Miscellaneous."), unless the rules'
    title is words the model reads as nothing, a cue ("doi" of "M. Tomasini, An introduction to
    multilayer networks, 2015. doi:10. 13140/…")."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read)
    if not own or not inside or min(inside) < own.stop or not _title_right_after_names(tagged):
        return False
    # a cue word after the date the model reads as nothing ("… networks, 2015. doi:10. 13140/…")
    cue = tagged.labels_of(read)[0] == {"other"}
    if set(tagged.labels[own.stop : min(inside)]) - {"other"} == {"date"} and not cue:
        return False
    likeliest = tagged.likeliest("title", read)
    sure = tagged.field_confidences().get("title", 0.0) >= SURE["title-filled"]
    return sure and likeliest is not None and likeliest < _UNLIKELY_TITLE


_UNLIKELY_TITLE = 0.1  # the most the model may give a title label on a word it reads as another field's


def _names_read_as_title(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules read the end of the author list as the title, which the model is sure
    is names before its own title (an author list closed by "and et al.": "J. G. Bartlett, and
    et al. Planck 2015 results. XIII. …" read with the title "Bartlett, and et al"); not a title
    the style quoted, which the model may take for a name ("Aristotle. “De Anima”. Ed. by …").
    Sure it is no title, not sure of each name's label: "and" of "Axelrod, and et al" may be an
    author's word or a name's."""
    labels, _ = tagged.labels_of(read)
    inside = tagged.tokens_of(read)
    before = max(inside) < tagged.run_of("title").start and _title_after_names_and_date(tagged)
    no_title = (tagged.likeliest("title", read) or 0.0) <= 1 - _SURE_OF_OTHERS
    return labels <= NAME_LABELS and no_title and before and not _quoted(tagged, read)


def _opens_a_quotation(name: str) -> bool:
    """ "“Climbing the": a quotation opened and not closed, the start of a quoted title."""
    closing = QUOTATION_MARKS.get(name[:1])
    return closing is not None and closing not in name[1:]


_CASE_PARTIES = frozenset({"v.", "v", "vs.", "vs"})  # "Shell v. Board of Education"


def _names_and_their_year(tagged: TaggedReference, stop: int) -> bool:
    """Whether the tokens before ``stop`` are names the model reads, then a year alone, marks or
    none around it ("International Monetary Fund 2021 A Model of …", "Smith, J. (2020) Title"): the
    year parts the names from the title."""
    labels = tagged.labels[:stop]
    year = tagged.tokens[stop - 1].strip("().,;:[]")
    named = len(labels) >= 2 and set(labels[:-1]) <= NAME_LABELS
    return named and labels[-1] == "date" and _YEAR_ALONE.fullmatch(year) is not None


def _labelled_names(tagged: TaggedReference, stop: int) -> bool:
    """Whether the tokens before ``stop`` are names, years alone and marks alone, a year among
    them, the last a mark or ending in one: a label of names and a year before the names a style
    prints in full ("Nishiura, Linton, Akhmetzhanov 2020 : NISHIURA (H.), LINTON (N. M.) – Serial
    interval …", French archaeology's). Not a title's words the model reads as names, no year
    after them ("Computer Vision - What it is and why it matters")."""
    labels, tokens = tagged.labels[:stop], tagged.tokens[:stop]
    for label, token in zip(labels, tokens, strict=True):
        year = label == "date" and _YEAR_ALONE.fullmatch(token.strip("().,;:[]")) is not None
        mark = label == "other" and not any(char.isalnum() for char in token)
        if not (label in NAME_LABELS or year or mark):
            return False
    named = any(label in NAME_LABELS for label in labels) and "date" in labels
    return named and (labels[-1] == "other" or tokens[-1][-1:] in ",.;:")


def _after_the_label(tagged: TaggedReference) -> int:
    """Where the names a style prints in full after a label of names and a year open
    (`_labelled_names`: "Nishiura, Linton, Akhmetzhanov 2020 : NISHIURA (H.), LINTON (N. M.) –
    Serial interval …" → "NISHIURA (H.)"): the first name after the label's year; 0, the
    reference's start, where the model's title follows no label."""
    own = tagged.run_of("title")
    if not own or not _labelled_names(tagged, own.start):
        return 0
    year = max(index for index in range(own.start) if tagged.labels[index] == "date")
    return next((index for index in range(year, own.start) if tagged.labels[index] in NAME_LABELS), 0)


def _names_read_into_the_title(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules, reading no authors, read the names that open the reference into the
    title: the model reads names (or an editor) from the first token up to its own title, sure of
    that title, and the rules' title ends where the model's does ("Elias/Sekri/Leblanc/Cucherat/
    Vanhems, The incubation period of COVID-19: A meta-analysis, 2021", "Dash, B. ed: The
    American Bibliography of …"), the names ending in a punctuation mark — or, after a label's
    names and year (`_labelled_names`), where the model's venue right after it does; not a case's parties
    ("Shell v. Board of Education. P.3d, 2023", whose first the model reads as a name), nor a
    work without authors whose title opens with a name ("Amazon EC2 Cloud global regions")."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(str(rules.title))
    if rules.authors or not own or not inside or min(inside) != 0 or own.start == 0:
        return False  # (own.start 0: no names before the model's title)
    sure = tagged.field_confidences().get("title", 0.0) >= _SURE_OF_OTHERS
    last = tagged.tokens[own.start - 1]
    if not sure or last.casefold() in _CASE_PARTIES:
        return False
    if max(inside) != own.stop - 1:  # the rules ran on: into the venue after a label's names
        return _through_the_venue(tagged, own, max(inside)) and _labelled_names(tagged, own.start)
    before = set(tagged.labels[: own.start])
    # names end in a mark a title's first word does not ("Amazon EC2 Cloud global regions",
    # "BioTeam: Scriptable Cloud Infrastructures": no names), an editor's in a colon
    ended = last[-1:] in ",.;)" or (last[-1:] == ":" and "editor" in before)
    return (
        (before <= NAME_LABELS | {"editor"} and ended)
        or _names_and_their_year(tagged, own.start)
        or _labelled_names(tagged, own.start)
    )


def _through_the_venue(tagged: TaggedReference, own: range, end: int) -> bool:
    """Whether token ``end`` ends the venue the model reads right after its title (``own``)."""
    venue = tagged.run_of("container")
    return bool(venue) and venue.start == own.stop and end == venue.stop - 1


def _year_read_into_the_title(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title ends in the year they read, printed once, which the model reads
    as the date after its title, the rules' but for it ("Donnelly CA, Ghani AC. Epidemiological
    determinants of spread of … in Hong Kong 2003.": a style that prints the year after the
    title, no venue between): one printed year is the title's or the date, not both."""
    if not rules.title or not tagged.title or rules.year is None:
        return False
    year = str(rules.year)
    head, _, last = rules.title.rstrip(" .,").rpartition(" ")
    if last != year or tagged.text.count(year) != 1:
        return False
    own = tagged.run_of("title")
    return title_key(head) == title_key(tagged.title) and tagged.labels[own.stop : own.stop + 1] == ("date",)


def _title_across_left_out_text(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title runs across what they left out of the text — a link, an
    identifier, an editor's mark —, so that it stands nowhere as printed ("J. Weinberg, The great
    recession and its aftermath,   Nov" of "J. Weinberg, *The great recession and its aftermath*,
    https://…, Nov. 2013."; "Tesanovic, Z 1990, Field Theories …" of "Tesanovic, Z (ed.) 1990, …"),
    and the model's title, which it is sure of, is a part of it."""
    if not rules.title or not tagged.title or tagged.tokens_of(rules.title):
        return False
    part = title_key(tagged.title) in title_key(rules.title)
    return part and tagged.field_confidences().get("title", 0.0) >= _SURE_OF_OTHERS


def _title_read_into_the_names(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules read the model's title into their last author, and another field or none
    as their title, unquoted: a short title right after the names, before the venue ("Kim M, Seo S, Han B.
    InfoNeRF. In: CVPR.", read with the author "Han B. InfoNeRF"; "Field K. Cartography. Redlands,
    CA: ESRI Press; 2018.", with the title "Redlands"), the model sure of it; less sure, where the
    name without it ends in its initial's period ("Steinhardt J." of "… Steinhardt J. Jailbroken.
    In: NeurIPS"): the sentence of names ended there."""
    title = tagged.title
    if not rules.authors or not title or not _title_right_after_names(tagged):
        return False
    # (not where the rules' title holds the model's, nor where it is quoted: "Vohra, Rajiv O R
    # Debraj Ray. 2018. “Maximality in …”", the model's title "Debraj Ray")
    if rules.title and (title_key(title) in title_key(rules.title) or _quoted(tagged, rules.title)):
        return False
    last = rules.authors[-1]
    if title_key(title) not in title_key(last)[1:]:  # (after a name's word: "Han B. InfoNeRF")
        return False
    confidence = tagged.confidence("title") or 0.0
    initialled = _ENDS_IN_AN_INITIAL.search(_without_the_title(last, title)) is not None
    return confidence >= _SURE_OF_OTHERS or (initialled and confidence >= _SURE_AFTER_AN_INITIAL)


def _title_read_across_the_names(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules read the model's title into two of their names or more, split where it
    prints "and" or a comma, and another field or none as their title ("Docker Inc.. Optimal
    Reserve and Export Policies for the California Almond Industry: Theory, …. DI. 1995", read
    with the authors "Docker Inc.. Optimal Reserve", "Export Policies for …" and the title "DI";
    "Leslie, J. (ed.), Roles and Rituals for Hindu Women, ed. J. Leslie (…)", with the title "J.
    Leslie"). Only where the model is sure of that title, right after the names that open the
    reference (`_opening_names_end`, an editor's too), one of the names it was split into holding
    a lower-case word no name holds (not "Romano, G., Youssef Benali, and Sora Takahashi. 2022.",
    names the model reads as a title), no date slot after it, where an author-date style prints
    its date after the names ("Jr, F. E. H., with contributions from Charles Dupont, and many
    others. (2015). Hmisc: …"), and the rules' title neither holds it nor is quoted."""
    own = tagged.run_of("title")
    if len(rules.authors) < 2 or not _right_after_the_opening_names(tagged, own):
        return False
    if not _sure_and_unquoted(tagged, str(tagged.title)):
        return False
    if rules.title and (
        title_key(str(tagged.title)) in title_key(rules.title) or _quoted(tagged, rules.title)
    ):
        return False
    holding = {
        name: inside for name in rules.authors if (inside := _printed_tokens_of(name, tagged) & set(own))
    }
    words = {index for index in own if any(char.isalnum() for char in tagged.tokens[index])}
    # every word of the title in a name but the "and" or "&" the rules split it at
    split = len(holding) >= 2 and len(words - set().union(*holding.values())) <= 1
    return split and any(_a_word_no_name_holds(name) for name in holding)


def _right_after_the_opening_names(tagged: TaggedReference, own: range) -> bool:
    """Whether the model's title ``own`` follows the names that open the reference, and no date
    slot follows it."""
    if not own or own.start == 0 or own.start != _opening_names_end(tagged):
        return False
    following = tagged.tokens[own.stop] if own.stop < len(tagged.tokens) else ""
    return DATE_SLOT.match(following) is None


def _a_word_no_name_holds(name: str) -> bool:
    """Whether ``name`` holds a lower-case word that is no name's particle ("for" of "Rituals for
    Hindu Women"; not "van" of "van Mill, J.")."""
    return any(word[:1].islower() and word.casefold() not in PARTICLES for word in name.split())


_ENDS_IN_AN_INITIAL = re.compile(rf"(?<![^\s.-]){LATIN_CAPITAL}\.$")  # "Steinhardt J.", "Lee M.-J."
_SURE_AFTER_AN_INITIAL = 0.5  # how sure of its title the model must be after a name's initial


_TITLES_HEAD_WORDS = 2  # the fewest words of a title's head the rules may read into a name
_OPENING_QUOTES = '“‘«„"'  # a quotation's opening marks


def _titles_head_in_the_names(tagged: TaggedReference, rules: RuleReading) -> str | None:
    """The head of the model's title, as printed, where the rules read it into their last author
    and the rest of it as their title ("King J-R, …, Dehaene S. Two Distinct Dynamic Modes Subtend
    the Detection of Unexpected Sounds. Part X. PLoS ONE", read with the author "Dehaene S. Two
    Distinct … Sounds" and the title "Part X"; "Yao F 2023 How Sampling Shapes LLM Alignment. X:
    From One-Shot Optima …"), the model sure of its title: an initial's period the rules took for
    no sentence's end."""
    if not rules.title or not tagged.title or not rules.authors:
        return None
    own, read = title_key(tagged.title), title_key(rules.title)
    if own == read or not read or not own.endswith(read):
        return None
    head = _printed_head(tagged.title, own[: len(own) - len(read)])
    if head is None or not _sure_and_unquoted(tagged, tagged.title):
        return None
    # (a name's words before it, or names before that name: not one name that is the whole head,
    # "No authors listed. Barro v. Wang." or a group's page titled with its name again, "Wikipedia
    # contributors. Wikipedia Contributors."; nor a group's name, which a title does not go on
    # from: "GBD 2015 Mortality Collaborators. Global, …", "MASSACHUSETTS INSTITUTE OF TECHNOLOGY:
    # MIT License")
    last, head_key = title_key(rules.authors[-1]), title_key(head)
    after_a_name = len(last) > len(head_key) or len(rules.authors) > 1
    group = _an_organisations(rules.authors[-1])
    return head if last.endswith(head_key) and after_a_name and not group else None


def _sure_and_unquoted(tagged: TaggedReference, title: str) -> bool:
    """Whether the model is sure of its title and it opens no quotation (not a quoted title the
    model runs names into: "Vohra, Rajiv O R Debraj Ray, ‘Maximality in The Farsighted Stable
    Set.’ 2018")."""
    quoted = any(mark in title for mark in _OPENING_QUOTES)
    return not quoted and (tagged.confidence("title") or 0.0) >= _SURE_OF_OTHERS


def _printed_head(title: str, key: str) -> str | None:
    """The first words of ``title`` whose key is ``key``, two at least, as printed."""
    words = title.split()
    for count in range(_TITLES_HEAD_WORDS, len(words)):
        head = " ".join(words[:count])
        if title_key(head) == key:
            return head
    return None


def _title_read_as_a_name(tagged: TaggedReference, rules: RuleReading) -> int | None:
    """Where the rules read the model's title as one of their names after the first, the model
    sure of that title right after its own names: that name's place among the rules' ("Benjamin
    McKay, Characteristic forms of complex Cartan geometries, Adv. Geom. 11 (2011)", read with the
    names "Benjamin McKay", "Characteristic forms of complex Cartan geometries" and "Adv", and the
    title "Geom": a style that prints names in full, then the title after a comma). Not where the
    model reads a second title, which may be the rules' (APA's group author and its unit,
    "American Psychological Association, Task Force on the Sexualization of Girls. (2007). Report
    of …")."""
    title = tagged.title
    if not title or len(rules.authors) < 2 or not _title_right_after_names(tagged):
        return None
    if sum(field.label == "title" for field in tagged.fields) > 1:
        return None
    if (tagged.confidence("title") or 0.0) < _SURE_OF_OTHERS:
        return None
    key = title_key(title)
    return next((at for at, name in enumerate(rules.authors) if at and title_key(name) == key), None)


def _title_right_after_names(tagged: TaggedReference) -> bool:
    """Whether the model's title follows the names it reads, nothing between: what a title the
    rules read none of may be filled with (DIN 1505's "SINGHAL, Amit: Modern Information
    Retrieval: A Brief Overview. In: …", whose names end in a colon), not words after an
    editor's or a translator's "by" ("Aristotle. De Anima. Ed. by Robert Drew Hicks")."""
    start = tagged.run_of("title").start
    if not 0 < start < len(tagged.labels):
        return False
    # (an edited book's editors, where they open the reference: "Sánchez-Mondragón, J. and K. B.
    # Wolf, Lie Methods in Optics, ed. by …")
    return tagged.labels[start - 1] in NAME_LABELS or start == _opening_names_end(tagged)


def _title_after_names_and_date(tagged: TaggedReference) -> bool:
    """Whether the model's title follows the names it reads, nothing between but their date
    (`_title_right_after_names`; an author-year style's "MAKOWSKI D., …, LÜDECKE D. (2020),
    modelbased: Estimation of …"); not a visit's date the model reads as a title after the date
    (ABNT's "LINUX-KVM. KVM. 2015. Acesso em 14 de setembro de 2015.", visit-dates.json)."""
    before = tagged.run_of("title").start
    while before > 0 and tagged.labels[before - 1] == "date":
        before -= 1
    after_names = 0 < before < len(tagged.labels) and tagged.labels[before - 1] in NAME_LABELS
    return after_names and not _visit_date(tagged.title or "")


def _visit_date(title: str) -> bool:
    """Whether ``title`` opens with a visit date's words ("Acesso em …", "Accessed …")."""
    words = title.casefold().split()
    return any(" ".join(words[:count]).strip(" .,:;") in visit_dates().words for count in (1, 2, 3))


def _fills_the_title(tagged: TaggedReference) -> bool:
    """Whether the model's title may stand where the rules read none: right after its names, or
    after them and a date (an author-year style's "Abreu, D. 1988: On the Theory …. In:
    Econometrica 56"), not a journal's name before its numbers where it reads no venue, nor one
    whose venue right after it ends a listed journal's name (a style that prints no title:
    "Anonymous (2013). Review of Scientific Instruments 84, 056101.", MNRAS's "2014, Monthly
    Notices of the Royal Astronomical Society, 443", read with the title "Monthly")."""
    own, venue = tagged.run_of("title"), tagged.run_of("container")
    before = tagged.labels[max(own.start - 2, 0) : own.start]
    dated = len(before) == 2 and before[0] in NAME_LABELS and before[1] == "date"
    if (
        venue
        and venue.start == own.stop
        and is_listed_journal(" ".join(tagged.tokens[own.start : venue.stop]))
    ):
        return False  # a journal's first word ("2014, Monthly Notices of the Royal Astronomical Society")
    if venue or not _numbers_after(tagged, own.stop - 1):
        return dated or _title_right_after_names(tagged)
    return False


def _shifted_by_the_rules(tagged: TaggedReference, label: str, read: str) -> bool:
    """Whether the model's reading starts no later than the rules' (they cut its start off), or
    after what ends in a colon or a comma, the rules' start ("Coauthors, 2017: Title"), or a
    citation label the rules read into it ("[23b] Initialization Matters: … / J. Ye [et al.]",
    a title-first style's work), not a word ("A", "How") the model read as a name or a venue."""
    start, own_start = min(tagged.tokens_of(read)), tagged.labels.index(label)
    return (
        start >= own_start
        or tagged.tokens[own_start - 1][-1:] in ":,"
        or _names_before(tagged, start, own_start)
        or (own_start == start + 1 and _a_label(tagged, start))
    )


def _names_before(tagged: TaggedReference, start: int, stop: int) -> bool:
    """Whether tokens ``start`` to ``stop`` are the names opening the reference, the model sure
    of each, a family name and a given one among them: the author list the rules read into the
    title ("Braswell F.M. Inside PostScript", "Adil D;Bullins B;Sachdeva S. Unifying …"), with
    the year after them where an author-year style sets no mark between ("Jaeschke, R 1991 The
    Dictionary of Standard C. 101 Witmer Road, …"), or its last name only, from the conjunction
    before it, after a comma ("…, J.-R. Murua, ja R. J. Sexton. Optimal Reserve …"); not a title's
    first word ("A", "How") nor a case's party after its authors ("Anon. Suzuki v. Board of
    Education")."""
    if start != 0 and not _a_conjunction_after_names(tagged, start):
        return False
    start = 0
    if tagged.labels[0] == "other" and _a_label(tagged, 0):
        start = 1  # an alphabetic style's label before the names ("[Hoe90] Hoenig A. Applied …")
    if stop - start > 2 and tagged.labels[stop - 1] == "date" and tagged.labels[stop - 2] != "date":
        stop -= 1  # the year, one token, right after the names
    labels = set(tagged.labels[start:stop])
    sure = all(
        marginal >= _SURE_OF_OTHERS or tagged.tokens[index].casefold() in _CONJUNCTIONS
        for index, marginal in enumerate(tagged.marginals[start:stop], start)
    )
    return sure and labels <= NAME_LABELS and {"family", "given"} <= labels


def _a_conjunction_after_names(tagged: TaggedReference, index: int) -> bool:
    """Whether the token at ``index`` is a conjunction the model reads as an author list's, after
    a name and its comma ("Murua, ja R. J. Sexton")."""
    return (
        tagged.tokens[index].casefold() in _CONJUNCTIONS
        and tagged.labels[index] == "author"
        and tagged.tokens[index - 1].endswith(",")
        and tagged.labels[index - 1] in NAME_LABELS
    )


# the words that join an author list's last two names in its language ("and", "und", "ja"), which
# the model may be unsure of in a language it saw little of (name-list-conjunctions.json)
_CONJUNCTIONS = name_list_conjunctions()


_LABEL = re.compile(r"\[[^\[\]\s]{1,12}\]")  # a citation label in brackets: "[Hoe90]", "[Knu79a]"


def _a_label(tagged: TaggedReference, index: int) -> bool:
    """Whether the token at ``index`` is a citation label in brackets (`_LABEL`)."""
    return _LABEL.fullmatch(tagged.tokens[index]) is not None


_SUBTITLE_WORDS = 3  # the fewest words of a title's part after its number ("I. The Algorithm.")
_SERIES_PART_WORDS = ("Part", "Paper")  # a part's or a paper's word before its number: "Paper II"


_SENTENCE_END = (".", "?", "!")  # a token that ends a sentence ends in one


def _sentences_after(tagged: TaggedReference, read: str) -> Sequence[str] | None:
    """The words the model's title goes on with after the rules' title, where that is its start
    cut at a sentence's end (a period, a question or an exclamation: "Information Flows? A
    Critique of Transfer Entropies.") and the model's ends at one too; None otherwise."""
    last, own = _last_before_the_models_rest(tagged, read), tagged.run_of("title")
    tokens = tagged.tokens
    if last is None or not (
        tokens[last].endswith(_SENTENCE_END) and tokens[own.stop - 1].endswith(_SENTENCE_END)
    ):
        return None
    return tokens[last + 1 : own.stop]


def _a_subtitles_words(after: Sequence[str]) -> bool:
    """Whether ``after`` may be a subtitle's sentence: three words at least, no number (not a
    version's or an edition's note, "Title. Version 3. arXiv: …", nor a series' volume), not
    opened by a bracket (APA's description: "Title? [Review of the book …].")."""
    no_number = not any(char.isdigit() for word in after for char in word)
    return len(after) >= _SUBTITLE_WORDS and no_number and not after[0].startswith(("(", "["))


def _cut_short_by_the_rules(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut at a sentence's end inside it
    (a question's too) at a part's number or right before one ("Weighing the Giants - III.
    Methods and measurements …", "The Sloan Lens ACS Survey. X. Stellar, Dynamical …") — where
    the model reads the venue right after its title: without one it has often run on into it
    ("Title. Stochastic Processes and their Applications, 104", "Title. In Gravel-bed rivers:
    …"), as it has where the words it adds are a listed journal's name."""
    own, venue = tagged.run_of("title"), tagged.run_of("container")
    after = _sentences_after(tagged, read)
    if not (after and venue and venue.start == own.stop and _a_subtitles_words(after)):
        return False
    # a part's number ends the rules' title or opens the words after it, or the model's venue is
    # a journal's, listed or before its numbers: not a book's or a series' title the model ran on
    # into ("Title. Warhammer Fantasy Battle. Nottingham: …"); nor where the words after the
    # rules' title are a journal's name, alone or with the venue the model reads after them
    # ("Title. Magnetic Resonance in *Medicine*, 69(3)")
    last = own.stop - len(after) - 1  # the rules' title's last word
    part = PART_NUMBER.fullmatch(tagged.tokens[last]) or PART_NUMBER.fullmatch(after[0])
    if not (part or _a_journal(tagged, venue)):
        return False
    return not any(
        is_listed_journal(" ".join(words))
        for words in (after, [*after, *tagged.tokens[venue.start : venue.stop]])
    )


_IN = re.compile(VENUE_IN)  # the word that opens a part's venue, as a token: "In", "In:", "in:"


def _cut_before_the_venues_in(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut at a sentence's end inside it,
    where the model's runs on up to the "In" that opens the venue ("Is the Performance of My Deep
    Network Too Good to Be True? A Direct Approach to Estimating the Bayes Error in Binary
    Classification. In : ICLR. 2030."): what it adds is no venue, which stands after that word."""
    own = tagged.run_of("title")
    if own.stop >= len(tagged.tokens) or _sentences_after(tagged, read) is None:
        return False
    return _IN.fullmatch(tagged.tokens[own.stop]) is not None


# an abbreviation no sentence ends on, a few lower-case letters ("ca.", "ssp.", "var.", "cf."),
# capitalised in a title written in title case ("Ca.", "Ssp."), up to four with a capital (a
# species' authority: "Sieb.", "Torr."), or a genus cut to its initial ("M. musculus")
_ABBREVIATION = re.compile(r"[a-z]{1,3}\.|[A-Z][a-z]{0,3}\.")


def _cut_inside_a_sentence(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is the start of the model's, cut where its sentence goes on:
    before an opening bracket the model's title closes and goes on after ("Page Makeup (Daucus
    carota ssp. sativus) by Postprocessing …"), or at an abbreviation before a word in lower case,
    an ampersand or a number ("… to ca. 1850 (mostly from …)", "B. vulgaris ssp. maritima L.",
    "Glycine soja Sieb. & Zucc.", "… between Escherichia coli and M. musculus")."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read)
    last = max(inside)
    if min(inside) != own.start or last + 1 >= own.stop:
        return False
    tokens = tagged.tokens
    following = tokens[last + 1][:1]
    if following in ("(", "[") and last + 1 < own.stop - 1:
        closing = ")" if following == "(" else "]"
        closed = next((index for index in range(last + 1, own.stop) if closing in tokens[index]), own.stop)
        # the sentence goes on after the bracket: not a description and the venue after it (APA's
        # "Title [Powerpoint slides]. SlideShare", "Title (Version 4.0) [Computer software]")
        goes_on = closed + 1 < own.stop and tokens[closed].rstrip(":").endswith(closing)
        return goes_on and tokens[closed + 1][:1] not in ("(", "[")
    return bool(_ABBREVIATION.fullmatch(tokens[last])) and (following.islower() or following in "&0123456789")


def _cut_where_no_sentence_ends(tagged: TaggedReference, read: str | None) -> bool:
    """Whether the rules' title is the start of the model's, cut where no sentence ends, however
    the model doubts theirs: at an abbreviation before a word in lower case or an ampersand (a
    botanist's "Populus trichocarpa Torr. & A. Gray"), at a case's "v." before the second party's
    name ("Dreyfus v. Mahajan 1992."), or inside a parenthesis the model's title closes (no title
    ends with one open). Not before a number: "Pro Git. 2. Edited by …", an
    edition (`_cut_inside_a_sentence` has the model doubt theirs there)."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read) if read else set()
    if not inside or min(inside) != own.start or max(inside) + 1 >= own.stop:
        return False
    tokens, last = tagged.tokens, max(inside)
    following = tokens[last + 1][:1]
    if _ABBREVIATION.fullmatch(tokens[last]) and (following.islower() or following == "&"):
        return True
    if tokens[last] in _VERSUS and following.isupper():
        return True
    return _left_open(tokens[own.start : last + 1]) and not _left_open(tokens[own.start : own.stop])


def _cut_before_a_subtitle_a_journal_follows(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the start of the model's, cut at a sentence's end, the rest of
    the model's title what the rules read as the venue, and the model's venue right after its
    title a listed journal's name the rules' venue is not: a subtitle's sentence of three words or
    more, no number but its part's first, then the journal ("Maier-Reimer, E.: Geochemical cycles
    in an ocean general circulation model. Preindustrial tracer distributions, Global
    Biogeochemical Cycles, 7, 645–677, 1993."); not a version's note ("… 2-Groups. Version 3.
    arXiv: …")."""
    last = _last_before_the_models_rest(tagged, rules.title) if rules.title and rules.venue else None
    own, venue = tagged.run_of("title"), tagged.run_of("container")
    if last is None or not tagged.tokens[last].endswith(".") or venue.start != own.stop:
        return False
    rest = tagged.tokens[last + 1 : own.stop]
    # (a subtitle's words, maybe after its part's number, "North Atlantic. 1. Solutions for …"; not a
    # version's or an edition's note, "2-Groups. Version 3. arXiv: …")
    words = rest[1:] if rest and rest[0].strip(".:").isdigit() else rest
    if len(words) < _SUBTITLE_WORDS or any(word.strip(".,;:").isdigit() for word in words):
        return False
    if _word_run(" ".join(rest)) != _word_run(str(rules.venue)):
        return False
    return is_listed_journal(" ".join(tagged.tokens[venue.start : venue.stop])) and not _a_journals_name(
        str(rules.venue)
    )


# a case's "versus" between its parties' names ("Roe v. Wade"), in lower case
_VERSUS = frozenset({"v.", "vs."})


def _left_open(tokens: Sequence[str], opening: str = "(", closing: str = ")") -> bool:
    """Whether ``tokens`` open more parentheses (or other brackets) than they close."""
    return sum(token.count(opening) - token.count(closing) for token in tokens) > 0


_NUMBER_SIGN = re.compile(r"[Nn][or]\.")  # "No.", "Nr.": a number follows


def _cut_at_a_number(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title ends at a number's sign the model's title goes on after, through
    the number ("Confronting false discoveries in single-cell differential expression, No. 7.
    Nature Communications 12", read "…, No"): a title ending in a number's sign is none, whatever
    the model's doubt."""
    if not rules.title or not tagged.title:
        return False
    last, tokens = _last_before_the_models_rest(tagged, rules.title), tagged.tokens
    return (
        last is not None
        and _NUMBER_SIGN.fullmatch(tokens[last]) is not None
        and tokens[last + 1][:1].isdigit()
    )


# the word before a part's or a report's number in a title ("Part XVII", "Pt. 2", "Report 12")
_PART_WORD = re.compile(r"Part|Pt\.|Report")
_PART_ARABIC = re.compile(r"\d{1,3}[.,]?")  # a part's number in figures: "2", "12.", not a year
_PARTS_LAST_WORDS = 2  # a part's word and its number: "Part XVII."


def _cut_at_a_parts_number(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title ends at a sentence's end the model's title goes on after through
    a part's number (`_a_parts_number_after`), or right after a Roman numeral of two letters or
    more the model's title goes on from ("LaTeX Band 3. XII. Erweiterungen — mit einer Einführung
    in METAFONT."): a part of a work in a series of them, the title's own words, not a venue's."""
    if not rules.title or not tagged.title:
        return False
    end = _last_before_the_models_rest(tagged, rules.title)
    if end is None or not tagged.tokens[end].endswith(_SENTENCE_END):
        return False
    after = tagged.tokens[end + 1 : tagged.run_of("title").stop]
    last = tagged.tokens[end].rstrip(".:")
    if len(last) >= 2 and PART_NUMBER.fullmatch(last) and len(after) > _SUBTITLE_WORDS:
        return True
    return _a_parts_number_after(after)


def _a_parts_number_after(after: Sequence[str]) -> bool:
    """Whether the words a title goes on with (``after``) are a part's number: its last words, a
    part's or a report's word and the number ("… and their Relation to Differential Games. Part
    XVII.", "Jailbroken. Report 12."), or a part's word and number that open the title's next
    part ("… cable galloping vibrations. Part II: Application to an iced cable …"), or a Roman
    numeral of two letters or more ("… calculations. XIV."), or a Roman numeral that opens the
    title's next part ("MultiVI. XIV. Deep generative model …", "Seq2Seq. I: Lossless data
    compression …")."""
    if len(after) == _PARTS_LAST_WORDS and _PART_WORD.fullmatch(after[0]):
        return bool(PART_NUMBER.fullmatch(after[1].rstrip(",")) or _PART_ARABIC.fullmatch(after[1]))
    # (the part's title ends its sentence: not a journal run into, "KASCADE. Part VII. Nuclear
    # Instruments and Methods in Physics Research Section A: Accelerators, …")
    opening = after[0] == "Part" and after[1].endswith((".", ":")) and after[-1].endswith(".")
    if len(after) > _PARTS_LAST_WORDS + _SUBTITLE_WORDS and opening:
        number = after[1].rstrip(":")
        return bool(PART_NUMBER.fullmatch(number) or _PART_ARABIC.fullmatch(number))
    numeral = PART_NUMBER.fullmatch(after[0].rstrip(":,"))
    if len(after) == 1:  # not an initial: "V." of "… Games. V. Smith"
        return numeral is not None and len(after[0].rstrip(".,")) >= 2
    return numeral is not None and after[0].endswith((".", ":")) and len(after) > _SUBTITLE_WORDS


_VOLUME_SIGN = re.compile(r"[Vv]ols?\.?|Bd\.?")  # "vol.", "Vol.", "Bd."


def _a_volume_read(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is a volume's sign alone, which the model reads after its own
    title ("In re Adil. vol. 636. 1985.", "Girard v. Krönert. Bd. 757, 2008.": a court case's
    parties, its law report's volume read as the title): a title so read is none."""
    if not rules.title or not tagged.title or _VOLUME_SIGN.fullmatch(rules.title.strip()) is None:
        return False
    inside = tagged.tokens_of(rules.title)
    return bool(inside) and min(inside) >= tagged.run_of("title").stop


def _quotation_cut_short(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules read a part of a title the style quoted and the model reads the whole
    quotation, from its opening mark to its closing one (`_one_quotation`): its start ("Dalal, R.
    “Book Review: Hala Auji, Printing Arab Modernity: Book Culture …”. Printing History", read
    "Book Review: Hala Auji"; "«MackSo 3: MacKichan Software, Inc.»"; French spacing's "« Book
    Review: Hala Auji, Printing … »"), or a quotation inside it ("“Climbing the“ Stairway to
    Heaven”–A Multiple-Case Study …,” in", read "Stairway to Heaven"): the quotation marks tell
    where the title ends, whatever the model's doubt. Not where the words after the rules' open
    with a bracket: a description the style quoted with the title ("“Aggregating Binary
    Judgments Ranked by Accuracy [White paper],” in AAAI")."""
    if not rules.title or not tagged.title or not _quoted(tagged, rules.title):
        return False
    own, inside = tagged.run_of("title"), tagged.tokens_of(rules.title)
    if not inside or min(inside) < own.start or max(inside) + 1 >= own.stop:
        return False
    if tagged.tokens[max(inside) + 1][:1] in ("[", "("):
        return False
    return _one_quotation(tagged.tokens, own)


def _one_quotation(tokens: Sequence[str], own: range) -> bool:
    """Whether the title's tokens are one quotation: its opening mark glued to the first or the
    token before it, its closing mark glued to the last (a field's mark after it) or the token
    after it, and every closing mark between them closing a quotation opened inside it."""
    first = tokens[own.start]
    if first[:1] in QUOTATION_MARKS:
        opening, words = first[:1], [first[1:], *tokens[own.start + 1 : own.stop]]
    elif own.start > 0 and tokens[own.start - 1] in QUOTATION_MARKS:
        opening, words = tokens[own.start - 1], list(tokens[own.start : own.stop])
    else:
        return False
    closing = QUOTATION_MARKS[opening]
    last = words[-1].rstrip(".,;:")
    if last.endswith(closing):
        words[-1] = last.removesuffix(closing)
    elif own.stop >= len(tokens) or tokens[own.stop].rstrip(".,;:") != closing:
        return False
    if opening == closing:  # (a straight quotation mark opens none inside: none may stand between)
        return not any(closing in word for word in words)
    depth = 1
    for mark in (char for word in words for char in word if char in (opening, closing)):
        depth += 1 if mark == opening else -1
        if depth == 0:
            return False
    return depth == 1


def _a_journal(tagged: TaggedReference, venue: range) -> bool:
    """Whether the model's venue is a journal's: its numbers right after it, or a listed name."""
    name = " ".join(tagged.tokens[venue.start : venue.stop])
    return _numbers_after(tagged, venue.stop - 1) or is_listed_journal(name)


def _year_among_numbers(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules read the year in the pages, the volume, a title's range of years or an
    address's number ("CRC Press, 2000 N.W. Corporate Blvd., …, 1999"), a number alone (not one
    glued to a title's first word: econ's "Rutherford 2013.“Computing …"), and not right after the
    model's date in brackets: a first edition's year, then the work's own ("((1890) 1989): Title",
    "[1988] 1993,", which the model may read as the title's first word; not Vancouver's "1993;
    1825: 378–388", a year and its volume)."""
    labels, lowest = tagged.labels_of(read)
    inside = tagged.tokens_of(read)
    alone = not any(char.isalpha() for index in inside for char in tagged.tokens[index])
    sure = labels <= _NUMBERED_FIELDS and lowest >= _SURE_OF_OTHERS
    return sure and alone and not _reprinted(tagged, inside)


def _reprinted(tagged: TaggedReference, inside: set[int]) -> bool:
    """Whether the tokens ``inside`` come right after the model's date, which ends in a bracket."""
    date = tagged.run_of("date")
    return bool(date and inside) and min(inside) == date.stop and tagged.tokens[date.stop - 1][-1:] in ")]"


_NUMBERED_FIELDS = frozenset({"pages", "volume", "issue", "title", "place"})


def _run_on_into_fields(tagged: TaggedReference, label: str, read: str) -> bool:
    """Whether the rules' reading ran on into the fields after the model's — the first it enters
    one of `_RUN_INTO`, whatever follows (a note after the publisher and the place: munich's
    "Microeconomic Analysis, third Aufl., W. W. Norton & Co., New York, …, Prepared with TeX") —,
    not into an edition alone ("Title: Second Edition", "Theory of Elasticity (Third Edition)",
    both titles so printed) nor a subtitle ("Title: Technical Report"); an edition and the fields
    after it ("Microeconomia, second Aufl., Libreria Editrice Cafoscarina, Venice"). Not where
    the model reads no authors before its title, editors at most, and the rules' runs on into
    what it reads as a venue: an edited proceedings volume's title is the proceedings' name
    ("Zoubin Ghahramani, editor. Machine Learning, Proceedings of the Twenty-Fourth International
    Conference (ICML 2007), …")."""
    own = tagged.run_of(label)
    if tagged.tokens[own.stop - 1].endswith(":"):
        return False
    if label == "title" and _a_parts_title_after(tagged, own, read):
        return False
    labels = tagged.labels
    into = [
        labels[index] for index in sorted(tagged.tokens_of(read)) if labels[index] not in (label, "other")
    ]
    # an edition, then other fields: no edition of the title's
    first = next((entered for entered in into if entered != "edition"), None)
    if first == "container" and label == "title" and "family" not in labels[: own.start]:
        return False  # an edited proceedings volume's title
    return not into or first in _RUN_INTO or _an_edition_as_a_field(tagged, own, into)


# the editions' words abbreviated, case-folded: "ed", "edn", "Aufl" (reference-abbreviations.json)
_EDITION_ABBREVIATIONS = frozenset(
    word.casefold() for word in reference_abbreviations().edition_abbreviations
)


def _an_edition_as_a_field(tagged: TaggedReference, own: range, into: list[str]) -> bool:
    """Whether the rules' title runs on into an edition that a comma sets apart from the model's
    title, its word abbreviated, as only a style prints the record's edition field ("Statistical
    Decision Theory and Bayesian Analysis, 2 ed. New York: …", "Advanced Compiler Design, New
    edition. Aufl., …"); not a title's own edition, its word written out ("Speech and Language
    Processing, 2nd Edition", "Title: Second Edition")."""
    if not into or into[0] != "edition" or not tagged.tokens[own.stop - 1].endswith(","):
        return False
    edition = takewhile(lambda index: tagged.labels[index] == "edition", range(own.stop, len(tagged.tokens)))
    return any(tagged.tokens[index].strip(".,;:").casefold() in _EDITION_ABBREVIATIONS for index in edition)


def _a_parts_title_after(tagged: TaggedReference, own: range, read: str) -> bool:
    """Whether the rules' title goes on after the model's through a part's number in Roman
    numerals and the part's own title ("The relationship between firm growth, size, and age.
    XXIV. Estimates for 100 manufacturing industries.", the model reading "XXIV." as a venue): a
    work in a series of parts, not a run into the fields after the title."""
    inside = tagged.tokens_of(read)
    if not inside or own.stop >= len(tagged.tokens) or own.stop not in inside:
        return False
    number = tagged.tokens[own.stop]
    after = [index for index in inside if index > own.stop]
    # the part's title, not a publisher, a place or numbers after the numeral ("… MATLAB. X.
    # Springer-Verlag, Berlin, …, 1993")
    fields = {tagged.labels[index] for index in after} & _AFTER_A_TITLE
    return (
        PART_NUMBER.fullmatch(number.rstrip(":")) is not None
        and number.endswith((".", ":"))
        and len(after) >= _SUBTITLE_WORDS
        and not fields
    )


# what follows a title, not the title of a part after its number
_AFTER_A_TITLE = frozenset(
    {"publisher", "place", "date", "volume", "issue", "pages", "doi", "url", "edition"}
)


def _not_printed(
    tagged: TaggedReference, rules: RuleReading, label: str, name: str, thresholds: Mapping[str, float]
) -> bool:
    """Whether the rules' reading of a field (the model's ``label``, the rules' ``name``) the
    model reads none of is no such field: a title the style did not print (`_no_title_printed`),
    or a field the model reads as other fields there, sure of them (not a venue where the
    model's title runs over the rules' title and venue both: "Computer Modern Typefaces.
    Computers & Typesetting. Vol. E. Reading, Mass")."""
    if label == "title":
        return _no_title_printed(tagged, rules, thresholds)
    read = str(getattr(rules, name))
    likeliest = tagged.likeliest(label, read)
    return (
        likeliest is not None
        and likeliest < thresholds[f"{name}-dropped"]
        and tagged.labels_of(read)[1] >= thresholds[name]
        and not (label == "container" and _in_one_title(tagged, rules.title, read))
    )


def _dated(tagged: TaggedReference, read: str, labels: set[str]) -> bool:
    """Whether the model reads a date in ``read``, or right after it a date, or a volume and its
    issue or pages, where ``read`` is a listed journal's name ("Grimme, S. Chem. Phys. Lett. 1996,
    259", "Anonymous 2003. The Lancet 361: 1761–1766."; not a film's "Gravity, 2012" nor a book
    series' volume before its place: "Advances in Mathematical Economics. 8, New York"). Not
    the date before it: an author-year style prints its date before the title ("eds. 2006.
    Advances in Mathematical Economics. 8, New York: Springer.", a book series that is listed)."""
    last = max(tagged.tokens_of(read), default=len(tagged.labels) - 1)
    numbered = tagged.labels[last + 1 : last + 2] == ("date",) or _numbers_after(tagged, last)
    return "date" in labels or (numbered and is_listed_journal(read))


# A journal's numbers after its name: its year, volume or issue, then a volume, an issue or pages
# (an issue then pages: a lone number before the pages, which the model may read as either:
# "Tichenor, I. (1989) RMxAA, 11, ??–??.").
_JOURNAL_NUMBERS = frozenset(
    {
        ("volume", "issue"),
        ("volume", "pages"),
        ("issue", "pages"),
        ("date", "volume"),
        ("date", "issue"),
        ("date", "pages"),
    }
)
# a journal's volume, then its year, the pages left out (physics' "J. Chem. Phys. 127 (2007).")
_VOLUME_AND_YEAR = ("volume", "date")
_BETWEEN_NUMBERS = 2  # the most words labelled as nothing a journal's numbers skip ("vol.", "pp.", "??:")


def _numbers_after(tagged: TaggedReference, last: int) -> bool:
    """Whether the model reads a journal's numbers (`_JOURNAL_NUMBERS`) right after token
    ``last``, words it labels as nothing between them ("pp.", a placeholder: "1964; ??: ??–??.")."""
    after = tagged.labels[last + 1 : last + 3 + _BETWEEN_NUMBERS]
    named = [label for label in after if label != "other"]
    return after[:1] != ("other",) and tuple(named[:2]) in _JOURNAL_NUMBERS


def _numbers_or_doi_after(tagged: TaggedReference, last: int) -> bool:
    """Whether the model reads a journal's numbers or a DOI right after token ``last`` (AAS's
    "Colebunders, R., et al. 2007, The Journal of Infectious Diseases, 10.1086/520543")."""
    return _numbers_after(tagged, last) or tagged.labels[last + 1 : last + 2] == ("doi",)


def _journal_before_its_numbers(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is a journal's name the model reads a journal's numbers right
    after, whatever it reads the name as (Vancouver's "Blundell WE. Wall St J (East Ed). 1964; ??:
    ??–??.", read as names): a style that prints no title; not a short title before a year alone
    ("Berns, C. and J. Zurbach. Miletus. 2025."). The journal a listed one or one shaped so
    (`_a_journals_name`: "Nagai, O.; Nakamura, T. Progr. Theoret. Phys. 1960, 24, 432–454.")."""
    inside = tagged.tokens_of(read)
    return bool(inside) and _numbers_or_doi_after(tagged, max(inside)) and _a_journals_name(read)


def _named_labels(tagged: TaggedReference, read: str, labels: set[str], lowest: float) -> set[str]:
    """The labels the model gives the tokens of ``read`` but for ``other`` where it gives that to
    fewer than half of them, or to half where it is sure of each label (``lowest``): the words of
    a venue line or a report it labels as nothing ("In",
    "pages", "Tech. Rep.": "In Proc. IEEE …, pages 290–294", "Tech. Rep. 87-4, University of
    Southampton", an issue's word: "nᵒ 3", "vol. 6, fasc. 4" read with the title "6, fasc"), not
    a title it reads mostly as nothing ("Title1.")."""
    inside = tagged.tokens_of(read)
    unnamed = sum(tagged.labels[index] == "other" for index in inside)
    # half, unsure: a software's name and its version ("nipy/nibabel: 2.2.0, 2017.", 0.44)
    half = 2 * unnamed == len(inside) and lowest >= _SURE_OF_OTHERS
    return labels - {"other"} if 2 * unnamed < len(inside) or half else labels


def _note_after_the_venue(tagged: TaggedReference, read: str, labels: set[str], lowest: float) -> bool:
    """Whether the rules' title is a note, or words it labels as nothing, the model is sure of
    after the venue it reads (APS's "IEEE Trans. Prof. Commun. PC-18, 54 (1975), See supplemental
    word list", MHRA's "Ludden, J., TUGboat, 7.2 (1986), Edition, pp. 111–111"): a style that
    prints no title prints its notes at the end."""
    venue = tagged.run_of("container")
    inside = tagged.tokens_of(read)
    unnamed = bool(labels) and labels <= {"note", "other"}
    return unnamed and lowest >= _SURE_OF_OTHERS and bool(venue) and venue.stop <= min(inside)


def _no_title_printed(tagged: TaggedReference, rules: RuleReading, thresholds: Mapping[str, float]) -> bool:
    """Whether the rules' title is what a style that prints no article title leaves in its place
    (names, a venue, numbers: "Lee, Y.; Kang, J. ICLR. 2022.", "Taylor, P., 1992, TUGboat 13(2),
    138", "Bentley, J. L. Communications of the ACM 1986, 29(8)"), where the model reads none; a
    few words among them it labels as nothing ("In", "pages", "Tech. Rep.") do not keep it
    (`_named_labels`), nor does a note it is sure of after its venue (`_note_after_the_venue`) nor
    names it reads there (`_names_alone`: a family name, or names and their year alone).

    Where the model is sure of the other fields it reads there, the title label below
    `title-dropped` on each token drops it. Where it is less sure, so does that label below
    `title-dropped`, or below `title-dropped-dated` where it reads a venue and a date among them
    (a venue line the rules read up to its year) — not where it reads an edition or a word as a
    number (it is lost there: "(n.d.-a). Title1.", "Speech and Language Processing, 2nd Edition"
    with "2nd" read as a volume) unless the rules' title starts inside its venue
    (`_cut_from_the_venue`: "In Proc. IEEE … (MEMS'97), pages 290–294"), nor names where the
    rules read no authors (a title in the names' place: "Obergefell v. Hodges, 576 U.S. ___
    (2015)."), nor a short title it reads as a name or as one venue with the venue after it
    (`_short_title_as_names`, `_glued_to_the_venue`), nor a title the text quotes, as styles quote
    titles and nothing else ("… (2010), “Herschel-ATLAS”, 518, L8.")."""
    read = str(rules.title)
    likeliest = tagged.likeliest("title", read)
    below = thresholds["title-dropped"]
    labels, lowest = tagged.labels_of(read)
    if likeliest is None or _quoted(tagged, read):
        return False
    if likeliest < below and (
        _note_after_the_venue(tagged, read, labels, lowest) or _names_alone(tagged, rules)
    ):
        return True
    # a listed journal before its numbers, which the model reads as no title or, unsure, as the
    # venue ("Avants BB, Gee JC (2008) Medical Image Analysis 12: 26–41.", title 0.50, venue 0.49)
    unlikely = likeliest < thresholds["title-dropped-dated"] or labels == {"container"}
    if unlikely and _journal_before_its_numbers(tagged, read):
        return True
    labels = _named_labels(tagged, read, labels, lowest)
    if not labels or not labels <= _OTHER_FIELDS:
        return False
    if _a_title_printed_all_the_same(tagged, rules, labels):
        return False
    if lowest >= max(_SURE_OF_OTHERS, thresholds["title"]) and likeliest < below:
        return True
    return _dropped_less_sure(tagged, rules, labels, likeliest, thresholds)


def _a_title_printed_all_the_same(tagged: TaggedReference, rules: RuleReading, labels: set[str]) -> bool:
    """Whether the rules' title, which the model reads as other fields (``labels``), is a title
    all the same: a short one it reads as names or as one venue with the venue after it
    (`_short_title_kept`, `_glued_to_the_venue`), or a web page's (`_a_page_title`)."""
    read = str(rules.title)
    return (
        _short_title_kept(tagged, read, labels)
        or _glued_to_the_venue(tagged, read, rules.venue)
        or _a_page_title(tagged, read)
    )


def _names_alone(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is names the model reads, a style that prints no title
    (`_a_names_family_read_as_the_title`, `_a_name_and_its_date`)."""
    return _a_names_family_read_as_the_title(tagged, rules) or _a_name_and_its_date(tagged, rules)


def _a_names_family_read_as_the_title(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the family name of their last author, whom they read without
    it: the model reads that author's words as given names and the names with the title's words
    as the names ("Kathleen A. Walkup, ”, A&AS, vol. 17, …", read with the author "Kathleen A" and
    the title "Walkup, ”"), what a style that prints no title leaves after the names; not a short
    title the model runs into a name that has its family name ("Pierre Duchet. Hypergraphs. In …",
    "Kubernetes. Konzepte, 14.08.2020.")."""
    if not rules.authors:
        return False
    given = {tagged.labels[index] for index in tagged.tokens_of(rules.authors[-1])} == {"given"}
    completed = title_key(" ".join((*rules.authors, str(rules.title))))
    return given and title_key(" ".join(tagged.written_authors())) == completed


def _a_name_and_its_date(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules, reading no authors, read as the title the names the model reads, sure
    of them, with nothing but a year after them and no title anywhere ("Dwiggins, (1980).",
    "Schreiner Erin, 2018, ."): a style that prints no title; not a case's parties, whose
    report's numbers follow ("Obergefell v. Hodges, 576 U.S. ___ (2015)."), nor a page's title
    and its day ("Deployments, 13.06.2020.")."""
    if rules.authors or "title" in tagged.labels:
        return False
    names = " ".join(tagged.written_authors())
    sure = tagged.field_confidences().get("authors", 0.0) >= _SURE_OF_OTHERS
    inside = tagged.tokens_of(str(rules.title))
    after = tagged.tokens[max(inside) + 1 :] if inside else ("",)
    year_alone = all(_YEAR.fullmatch(token) or not any(char.isalnum() for char in token) for token in after)
    return sure and year_alone and title_key(names) == title_key(str(rules.title))


_AFTER_A_PAGE_TITLE = frozenset({"date", "other", "note", "url"})


def _a_page_title(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is a web page's, the one text between its names and its date,
    visit and link, which the model reads as a venue ("MICROSOFT. iSCSI. 2015. Acesso em: 18 nov.
    2015. Disponível em: <http://…>.", "IUPAC. 2014. Disponível em: <http://old.iupac.org/>."): it
    reads no title anywhere, the rules' title as a venue alone (not a journal's numbers: "Anonymous.
    TUGboat 2005;26:103–103. Available at: …" prints no title), only names before it (or the same
    venue: "MICROSOFT. iSCSI." one venue to it) and, after it, a date, the words of a link or a
    visit, and the link."""
    inside = tagged.tokens_of(read)
    if not inside or "title" in tagged.labels:
        return False
    before, after = tagged.labels[: min(inside)], tagged.labels[max(inside) + 1 :]
    return (
        {tagged.labels[index] for index in inside} == {"container"}  # no journal's numbers in it
        and set(before) <= NAME_LABELS | {"container"}
        and "url" in after
        and set(after) <= _AFTER_A_PAGE_TITLE
        and LINK_WORD.search(" ".join(tagged.tokens[max(inside) + 1 :])) is not None
    )


def _dropped_less_sure(
    tagged: TaggedReference,
    rules: RuleReading,
    labels: set[str],
    likeliest: float,
    thresholds: Mapping[str, float],
) -> bool:
    """`_no_title_printed` where the model is less sure of the other fields it reads in the rules'
    title (``labels``): the title label below `title-dropped` on each token, or below
    `title-dropped-dated` on a venue and its year or volume, drops it — not an edition, a date
    alone, words read as numbers (unless the title starts inside the venue), nor names the rules
    read none of."""
    read = str(rules.title)
    venue_line = "container" in labels and _dated(tagged, read, labels)  # a venue and its year or volume
    unlikely = likeliest < thresholds["title-dropped"] or (
        venue_line and likeliest < thresholds["title-dropped-dated"]
    )
    return (
        unlikely
        and "edition" not in labels
        and not labels <= {"date"}
        and (_cut_from_the_venue(tagged, read) or not words_as_numbers(tagged, tagged.tokens_of(read)))
        and (bool(rules.authors) or not labels <= {"family", "given"})
    )


def _title_is_a_venue(tagged: TaggedReference, read: str) -> bool:
    """Whether the model's title is the venue of a style that prints no article title, the rules'
    title not starting before it: the model's title is abbreviated words that with its venue after
    them are one listed journal's name ("Delorme, F., 1995, Electron. Lett. 31(15), 1244.";
    not a whole title, which a generous lookup may find a venue's name in with the venue after
    it), or the title follows "In" ("R.
    Wonneberger, In Proceedings of the XXXII International Congress …, Steiner, Stuttgart, 1992"),
    or it reads no venue and its title is a listed journal's name before a journal's numbers
    ("T. Hayashi, Software— Practice and Experience. 1987, 17 (1), 17–28."). Not another title
    the model reads a volume after and no venue: a journal's name the model reads into the title
    is as often one a record lacks ("Price LA. Hebrew letter (with source). 1981;2:122")."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(read)
    if not own or not inside or min(inside) < own.start:
        return False
    labels, tokens = tagged.labels, tagged.tokens
    venue = tagged.run_of("container")
    if venue and venue.start == own.stop:
        abbreviated = all(tokens[index].endswith(".") for index in own)
        return abbreviated and is_listed_journal(" ".join(tokens[own.start : venue.stop]))
    if not venue and _numbers_or_doi_after(tagged, own.stop - 1):
        return is_listed_journal(str(tagged.title))
    opener = tokens[own.start - 1].casefold().rstrip(":") if own.start else ""
    return opener == "in" and labels[own.start - 1] == "other"


def _title_as_the_venue(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the venue of a style that prints no title, the model's title
    or a word of its venue (`_title_is_a_venue`, `_title_in_the_venue`), or a journal and its
    numbers (`_journal_and_its_numbers`). Not a title the text quotes: no style quotes a journal's
    name ("Clements, D. L., … (2010), “Herschel-ATLAS”, 518, L8.")."""
    read = str(rules.title)
    return (
        bool(rules.title)
        and not _quoted(tagged, read)
        and (
            _title_is_a_venue(tagged, read)
            or _title_in_the_venue(tagged, read)
            or _journal_and_its_numbers(tagged, read, rules.venue)
        )
    )


def _the_year_again(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the year they read, alone, which the model reads as the date
    and reads no title anywhere (AAS's "National Research Council. 2022, in AAAI, 10.1609/…": no
    title printed; where the model reads a title, `_replaces` may take it)."""
    read = str(rules.title).strip(" .,;:()[]")
    dated = read.isdigit() and int(read) == rules.year and tagged.labels_of(read)[0] == {"date"}
    return dated and "title" not in tagged.labels


_NAME_WORDS = 2  # the fewest words of a name a title may be again: not a one-word title ("Editorial")


def _the_names_again(
    tagged: TaggedReference, title: str | None, words_of_names: Mapping[str, set[str]], alone: bool
) -> bool:
    """Whether ``title`` is one of the names (``words_of_names``: each name and its words) again (`_a_name`),
    then more names ("K. Benson, A. J. Hartz"), a year or what the model reads as a date, a journal's
    name or its numbers — or nothing, where
    ``alone`` (the rules read the name as the authors; a group's name the rules read as the title alone is a
    web page's title as often as its author: "The Coq Development Team. Available at: https://…"): a style
    that prints no title, the rules or the model reading the authors' name where it would stand ("National
    Institute of Standards and Technology, in ICML 2023.", "Intergovernmental Panel on Climate Change 2005.
    IPCC. https://…", "National Institute of Standards and Technology, TUGboat 2008, 29, 315.", the model's
    "Utting IA 1992" of "Brown H, Utting IA 1992. Electronic Publishing …, 5(2):91–96", "European Space
    Agency. Joho Shori 1993; 34: 915–921.")."""
    inside = sorted(tagged.tokens_of(title)) if title else []
    # no title's opening longer than a name may be: a reference's time stays linear in its length
    # however many names it has
    longest = min(len(inside) if alone else len(inside) - 1, _GROUP_WORDS)
    for count in range(longest, 0, -1):
        opening = _words_of(" ".join(tagged.tokens[index] for index in inside[:count]))
        if any(words == opening and _a_name(tagged, name) for name, words in words_of_names.items()):
            rest = [index for index in inside[count:] if not _YEAR.fullmatch(tagged.tokens[index])]
            return {tagged.labels[index] for index in rest} <= _NUMBER_LABELS | NAME_LABELS | {"container"}
    return False


def _a_name(tagged: TaggedReference, name: str) -> bool:
    """Whether ``name`` is a person's (initials after a family name or before it: "Utting IA",
    "J. Smith") or a group's (an organisation's word: "European Space Agency"), of two to eight
    words (`_GROUP_WORDS`), each capitalised but for
    the words a name's abbreviation leaves out ("of", "for"), not a title the rules read as a name
    ("Introduction to Statistics", "LaTeX: easy recipes"); printed once: a name printed twice
    is as often a work's title that is its author's name ("Statistics Canada (2022) Statistics
    Canada.")."""
    words = name.split()
    initialled = bool(_INITIALS.fullmatch(words[-1]) or (_INITIALS.fullmatch(words[0]) and "." in words[0]))
    shaped = initialled or _an_organisations(name)
    once = title_key(tagged.text).count(title_key(name)) == 1
    return _NAME_WORDS <= len(words) <= _GROUP_WORDS and shaped and _capitalised(name) and once


_INITIALS = re.compile(r"(?:[A-Z]\.?-?){1,3},?")  # "IA", "J.", "G.-M."


def _capitalised(name: str) -> bool:
    """Whether each word of ``name`` is capitalised but for the words a name's abbreviation leaves
    out ("of", "and", "for"): a name, not a title the rules read as one ("LaTeX: easy recipes")."""
    return all(word[:1].isupper() or word.casefold() in title_omitted_words() for word in name.split())


_YEAR = re.compile(r"\(?\d{4}[a-z]?\)?[.,;:]?")  # a year as printed after a name: "1992.", "(2005)"


def _authors_as_the_title(tagged: TaggedReference, rules: RuleReading) -> tuple[bool, bool]:
    """Whether the rules' title and the model's are the authors' names again (`_the_names_again`):
    the names the rules read — the model's where the rules' are a title's words (`_prose`: a
    style that prints the names after the title) —, else a group's name opening the reference
    (`_opening_group`)."""
    names = rules.authors or _opening_group(tagged.text)
    if rules.authors and _prose(rules.authors[0]):
        names = tagged.written_authors() or names
    alone = bool(rules.authors)  # the name alone: where the rules read it as the authors
    # each name once with its words, for both titles (a list may print one name many times)
    words_of_names = {name: _words_of(name) for name in dict.fromkeys(names)}
    return _the_names_again(tagged, rules.title, words_of_names, alone), _the_names_again(
        tagged, tagged.title, words_of_names, alone
    )


_NAMES_OR_DATE = NAME_LABELS | {"date"}
_NUMBER_LABELS = frozenset({"date", "volume", "issue", "pages"})


def _journal_and_its_numbers(tagged: TaggedReference, read: str, venue: str | None) -> bool:
    """Whether the rules' title is, after names and a date at most, a journal's whole name right
    before the journal's numbers (`_JOURNAL_NUMBERS`, words the model labels as nothing between
    them: "vol.", "pp."), the rules' title reading into them or up to their first: a style that
    prints no title ("Sowa F. ApJL 1991; 12: 58–63", "Tichenor, I. (1989) RMxAA, 11, ??–??.",
    "Shaw, R. 1994 A&A 16: 50–??."). The journal a listed one (`is_listed_journal`), or the model's whole
    venue where it reads no title anywhere and the rules read no venue (``venue``: "Kernighan, B.
    W., and Wyk, C. J. V. 1989. Computing Systems 2:103–132."; not a chapter's title the model
    reads so, the publisher the rules' venue: "Joanna J. Bryson. Structuring intelligence, chapter
    7, page 126–143. Springer, 2012."). Not a title the model reads before the journal, which the
    rules may have cut there, nor a work without names a journal's name opens (a magazine's volume
    cited as a book: "The Bankers Magazine (1860). Vol. 15. Warren, Gorham & Lamont"), nor a title
    the model reads as the start of its venue ("… and M R Rosenzweig. CHEMICAL AND ANATOMICAL
    PLASTICITY BRAIN. Science, 146(3644):610–619")."""
    inside = sorted(tagged.tokens_of(read))
    labels, tokens = tagged.labels, tagged.tokens
    start = next((i for i in inside if labels[i] not in _NAMES_OR_DATE or is_listed_journal(tokens[i])), None)
    if start is None or _a_title_before(tagged, start) or not NAME_LABELS & set(labels[:start]):
        return False
    stop = next((i for i in range(start, len(labels)) if labels[i] in _NUMBER_LABELS), len(labels))
    return stop > start and inside[-1] >= stop - 1 and _numbered_journal(tagged, start, stop, venue)


def _numbered_journal(tagged: TaggedReference, start: int, stop: int, venue: str | None) -> bool:
    """Whether tokens ``start`` to ``stop`` are a journal's name (`_journal_between`) and a
    journal's numbers follow them (`_JOURNAL_NUMBERS`), or a listed journal's volume and its year
    (not "IA 32. 2015.", a manual's title and number)."""
    labels = tagged.labels
    numbers = tuple(label for label in labels[stop:] if label != "other")[:2]
    if numbers == _VOLUME_AND_YEAR:
        return is_listed_journal(" ".join(tagged.tokens[start:stop])) and "title" not in labels[stop:]
    return numbers in _JOURNAL_NUMBERS and _journal_between(tagged, start, stop, venue)


def _a_title_before(tagged: TaggedReference, start: int) -> bool:
    """Whether the model reads a title before token ``start``: a word other than a name's
    generation, which it may read as a title's one word ("H. Schaefer III, J. Chem. Phys. 127
    (2007)." with "III," a title; name-suffixes.json)."""
    return any(
        label == "title" and not is_name_suffix(tagged.tokens[index].strip(",.;:"))
        for index, label in enumerate(tagged.labels[:start])
    )


def _journal_between(tagged: TaggedReference, start: int, stop: int, venue: str | None) -> bool:
    """Whether tokens ``start`` to ``stop`` are a journal's name: a listed one, the model reading
    no title after it, or the model's whole venue, the model reading no title anywhere and the
    rules no ``venue``."""
    labels = tagged.labels
    if is_listed_journal(" ".join(tagged.tokens[start:stop])):
        return "title" not in labels[stop:]
    own = tagged.run_of("container")
    whole = own.start == start and set(labels[own.stop : stop]) <= {"other"}
    return whole and venue is None and "title" not in labels


def _title_in_the_venue(tagged: TaggedReference, read: str) -> bool:
    """Whether the rules' title is a word of the venue the model reads where it reads no title:
    the model sure of a venue (its threshold in `SURE`), a journal's name (`_a_journals_name`),
    that holds the rules' title after words of its own: an abbreviated journal the rules cut in
    pieces ("Lett" of "Delorme, F., 1995, Electron. Lett. 31(15), 1244.", "Theoret" of "Nagai, O.;
    Nakamura, T. Progr. Theoret. Phys. 1960, 24, 432–454."). `_title_is_a_venue`'s case where the
    model reads the whole journal as one venue. Not a title the model's venue starts with: that
    is as often a title the model ran on into the journal ("Anonymous. Technology Reviews.
    Communication arts. 1994;36"); nor one in a venue no list holds, as often the title's words
    after a group's name ("Falcon Communications UK. Cbrne world. 2019.")."""
    venue, inside = tagged.run_of("container"), tagged.tokens_of(read)
    if tagged.run_of("title") or not inside or not inside <= set(venue) or min(inside) == venue.start:
        return False
    sure = tagged.field_confidences().get("venue", 0.0) >= SURE["venue"]
    return sure and _a_journals_name(" ".join(tagged.tokens[venue.start : venue.stop]))


def _same_names(read: tuple[str, ...], own: tuple[str, ...]) -> bool:
    """Whether two readings of an author list hold the same words, however either groups or
    punctuates them, but for two or fewer the model leaves out. The rules' then stay ("Kenen,
    Peter B", "M. v. Spengler", "Sham M Kakade" as the rules write them, where the model may pair
    the words otherwise or leave out a particle): the model's is taken where the rules lost a
    name or ran on into the title."""

    def words(names: tuple[str, ...]) -> Counter[str]:
        return Counter(word for name in names for word in _WORD_RUN.findall(name.casefold()))

    rules, model = words(read), words(own)
    return not model - rules and sum((rules - model).values()) <= 2


def _names_the_title(own: tuple[str, ...], title: str | None) -> bool:
    """Whether the model's names hold a word of the rules' title: a work without authors whose
    title the model reads as a name ("Editorial. (2003).", "Apache Storm. https://…")."""
    if not title or len(title.split()) > 3:  # a short title; not names the rules read into one
        return False
    titled = set(re.findall(r"[^\W_]{3,}", title.casefold()))  # a year too: "K. Reckdahl, 1996"
    named = {word for name in own for word in re.findall(r"[^\W\d_]{3,}", name.casefold())}
    # not a title that runs on from the names into words the model reads otherwise ("Anonymous,
    # Technology Reviews, 1994": the rules' title, the model's name and title)
    return bool(named & titled) and titled <= named


def _names_after_the_title(tagged: TaggedReference) -> bool:
    """Whether the model's first name comes after its title, or after other words (a translator's
    or an editor's "by …"): an author list opens a reference."""
    labels = tagged.labels
    first_name = _first_name(tagged)
    return first_name > 1 or ("title" in labels and labels.index("title") < first_name)


def _first_name(tagged: TaggedReference) -> int:
    """The index of the model's first name's first token (a family or a given name), or the
    number of tokens where it reads none."""
    labels = tagged.labels
    return next((i for i, label in enumerate(labels) if label in ("family", "given")), len(labels))


@dataclass(frozen=True)
class RuleReading:
    """The rules' fields of one reference (what `refs.ParsedReference` says, by name)."""

    title: str | None
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    publisher: str | None = None


@dataclass(frozen=True)
class ChosenFields:
    """The fields the reader keeps, and the tagger's confidence in each it read (0–1)."""

    title: str | None
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    volume: str | None
    pages: str | None
    confidence: dict[str, float]
    publisher: str | None = None


def _rules_names_kept(tagged: TaggedReference, rules: RuleReading, title: str | None) -> bool:
    """Whether the rules' authors stand whatever the model reads: the same names, names the
    model reads in a title the rules read without authors and the choice keeps (``title``; not a
    person's initials and family name: "P.A. MacKay, 1991, 205."; not where the choice keeps none,
    the style's printing none: "Glass, L B. 1990."), a quoted word the model takes for a name (a
    title's, never a name's: "Aristotle. “De Anima”. Ed. by …"), or names the model reads after
    the title or other words (no authors': "Physics. Trans. by P. H. Wicksteed …")."""
    written = tagged.written_authors()
    titled = bool(title) and _names_the_title(written, rules.title)
    return (
        (_same_names(rules.authors, written) and not _an_initial_alone(rules.authors))
        or (not rules.authors and titled and not _initialled(tagged))
        or any(mark in name for name in written for mark in '“”"«»')
        or (_names_after_the_title(tagged) and not _authors_right_after_the_title(tagged))
    )


def _names_after_the_title_read_as_names(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules read the title's words as names (`_prose`) where the model reads the
    authors right after its title (`_authors_right_after_the_title`): a style that prints the
    names after the title, which the rules read as names before it."""
    return bool(rules.authors) and _prose(rules.authors[0]) and _authors_right_after_the_title(tagged)


def _authors_right_after_the_title(tagged: TaggedReference) -> bool:
    """Whether the model's first name follows its title, no word between, as an inverted family
    name ("Self-Distillation from the Last Mini-Batch … Shen, Y. et al., CVPR (2022).") or
    initials before a family name ("A comparison of … trials. K. Benson, A. J. Hartz. New England
    Journal of Medicine 2000"): a style that prints the authors after the title; not a
    translator's or an editor's names after their cue ("Physics. Trans. by P. H. Wicksteed")."""
    labels, tokens = tagged.labels, tagged.tokens
    first = _first_name(tagged)
    if not 0 < first < len(labels) or labels[first - 1] != "title":
        return False
    if labels[first] == "family":  # "Shen, Y.", or Vancouver's "Djulbegovic B,"
        return tokens[first].endswith(",") or _initials_at(tagged, first + 1)
    initials = first
    while _initials_at(tagged, initials):
        initials += 1
    return first < initials < len(labels) and labels[initials] == "family"


def _initials_at(tagged: TaggedReference, index: int) -> bool:
    """Whether the token at ``index`` is a given name's initials ("B,", "CL.", "J.-P.")."""
    return (
        index < len(tagged.labels)
        and tagged.labels[index] == "given"
        and _INITIALS.fullmatch(tagged.tokens[index].rstrip(".")) is not None
    )


# a name that is one initial alone ("G."): no one's whole name, but the rules' reading of inverted
# names split at each comma ("Chen, G., Yao, W., and Song, X. 2023 PLOT." read "Chen", "G.",
# "Yao", …); not two ("W. E.", Weinan E's name as printed given names first)
_AN_INITIAL_ALONE = re.compile(rf"{LATIN_CAPITAL}\.")


def _an_initial_alone(names: Sequence[str]) -> bool:
    """Whether one of ``names`` is one initial alone (`_AN_INITIAL_ALONE`)."""
    return any(_AN_INITIAL_ALONE.fullmatch(name.strip(" ,")) for name in names)


def _learned_names(tagged: TaggedReference, rules: RuleReading, kept: tuple[str, ...]) -> tuple[str, ...]:
    """The hand-written choice of names (``kept``), overruled by the learned one where the rules
    read names — not where they read none: real lists print there what no validation style does
    (a case's parties, a group, a short title: "Brown v. Board of Education, 347 U.S. 483",
    "CTAN", "Editorial. (2003)"), which the model reads as names, less than all but sure."""
    return overruled_authors(tagged, kept, rules.authors, rules.title) if rules.authors else kept


def _kept_names(
    tagged: TaggedReference,
    rules: RuleReading,
    thresholds: Mapping[str, float],
    confidence: Mapping[str, float],
) -> tuple[str, ...]:
    """The hand-written choice of names where the rules' do not stand (`_rules_names_kept`): the
    model's where it is sure of them — where the rules read none, all but sure, or less where its
    first name is a person's (`_named`) —, else the rules'."""
    written = tagged.written_authors()
    sure = confidence.get("authors", 0.0)
    if rules.authors:
        sure_enough = sure >= thresholds["authors"] or _names_after_the_title_read_as_names(tagged, rules)
        return written if written and sure_enough else rules.authors
    filled = sure >= thresholds["authors-filled"]
    named = sure >= thresholds["authors-filled-given"] and (
        _named(tagged, written, rules.title) or _labelled(tagged)
    )
    return written if filled or named else ()


# lower-case words no name holds but as a particle: a sentence's, a title's read as a name
_PROSE_WORDS = 2


def _prose(name: str) -> bool:
    """Whether ``name`` holds `_PROSE_WORDS` lower-case words that are neither a name's particles
    ("de la Torre") nor words a name's abbreviation leaves out ("of", "and"): a title's words the
    rules read as a name ("A comparison of observational studies", before "and randomized")."""
    lower = [
        word
        for word in name.split()
        if word[:1].islower() and word not in PARTICLES and word.casefold() not in title_omitted_words()
    ]
    return len(lower) >= _PROSE_WORDS


def _named(tagged: TaggedReference, written: tuple[str, ...], title: str | None) -> bool:
    """Whether the model's first name is a person's as printed: a given name or an initial (a
    capital) and a family name, the first tokens of the reference, set off by a punctuation mark
    where the model's title follows ("Helmut Kopka, Band 2: …", "T. D. Club, Typography 22",
    "Jeffrey, Alan: Labelled diagrams …"); not a case's parties, an act's or a group's name
    ("Lilly Leadbetter Fair Play Act of 2009", "Brown v. Board of Education"), nor names that are
    the rules' whole title ("Mission, Vision & Values. (n.d.). Retrieved …")."""
    given, family = tagged.run_of("given"), tagged.run_of("family")
    first, second = sorted((given, family), key=lambda run: run.start)
    if not (first and second and first.start == 0 and second.start == first.stop):
        return False
    punctuated = any(tagged.tokens[index][-1:] in ".,;:" for index in range(second.stop))
    return (
        (punctuated or tagged.labels[second.stop : second.stop + 1] != ("title",))
        # capitals but for a family name's particles ("van Huu L."); a given name in brackets
        # after the family name ("Kronenberg (Shirley), Cold type …", "Savi (P.) and Vecchi (G.)")
        and all(tagged.tokens[index].lstrip("(")[:1].isupper() for index in (*given, family[-1]))
        and not (title and _words_of(title) <= _words_of(" ".join(written)))
    )


def _labelled(tagged: TaggedReference) -> bool:
    """Whether the reference opens with a label of its first author's family name and its year,
    which the names after it print again after an initial ("Heck 1993: A. Heck, Introduction to
    Maple, …", "Haralambous 1993 : Y. HARALAMBOUS, …"): a person's, not a case's parties nor a
    group's ("Wennberg v. Wennberg. 2013.", "IAFDSD (1982). IAFDSD. Holt, …")."""
    tokens, date = tagged.tokens, tagged.run_of("date")
    if tagged.labels[:1] != ("family",) or not date or date.start > _LABEL_NAMES:
        return False
    family = _words_of(tokens[0])
    return any(
        _words_of(tokens[index]) == family and _INITIAL_TOKEN.fullmatch(tokens[index - 1])
        for index in range(date.stop + 1, len(tokens))
    )


_LABEL_NAMES = 4  # a label's family names before its year ("Okada, Dejima, Ohishi 1995:")
_INITIAL_TOKEN = re.compile(rf"{LATIN_CAPITAL}\.(?:-?{LATIN_CAPITAL}\.)*")  # "A.", "M.J.", "J.-P."


def _initialled(tagged: TaggedReference) -> bool:
    """Whether the reference opens with initials and a family name as the model reads them, in
    either order ("P.A. MacKay, 1991, 205.", "P. A. MacKay, in …", Nature's chapter without its
    title "Heinz, A. in Including pictures in TeX 2nd edn (1990)."): a person's name, which no title
    is."""
    given, family = tagged.run_of("given"), tagged.run_of("family")
    opening = (given.start == 0 and family.start == given.stop) or (
        family.start == 0 and given.start == family.stop
    )
    return (
        bool(given and family)
        and opening
        and all(_INITIAL_TOKEN.fullmatch(tagged.tokens[index].rstrip(",")) for index in given)
    )


def _words_of(text: str) -> set[str]:
    return set(_WORD_RUN.findall(text.casefold()))


_WORD_RUN = re.compile(r"[^\W_]+")  # a word: letters and digits


# A title in Japanese title brackets: an article's or a chapter's in 「…」, a book's in 『…』
# (which after an article's holds its journal or book: 「Title」『Journal』).
_ARTICLE_BRACKETS = re.compile(r"「([^「」]+)」")
_BOOK_BRACKETS = re.compile(r"『([^『』]+)』")


def _bracketed_title(text: str) -> str | None:
    """The title a reference prints in Japanese title brackets, the first 「…」, else the first
    『…』 ("Barbara Beeton 「Multi-column output format」 TUGboat 3巻 2号 28–33頁 (1982)",
    "Hal R. Varian 『Microeconomic Analysis』 xv + 506頁 (W. W. Norton & Co., 1991)"): the rules
    read names, pages or the journal with it."""
    found = _ARTICLE_BRACKETS.search(text) or _BOOK_BRACKETS.search(text)
    title = " ".join(found.group(1).split()) if found else ""
    return title if any(char.isalnum() for char in title) else None


# What parts the names before a bracketed title ("J. D. Berry＝J. Randle", "山田・鈴木"), and what
# ends a list cut short ("Y. W. C. Duan ほか", "… 他").
_BRACKETED_NAME_MARKS = re.compile(r"[＝=・、]")
_BRACKETED_OTHERS = ("ほか", "他", "et al.", "et al")


def _bracketed_names(text: str) -> tuple[str, ...]:
    """The names before a title in Japanese title brackets, where a reference opens with them
    ("Stephan Lindner＝Lutz Birkhahn 「Towards a complete …」", "Royal Society 『Field Theories
    …』", "Y. W. C. Duan ほか 「A point-charge …」"): none where anything but names may stand
    before the bracket (a digit: a list's number, a year; a bracket, a quotation mark)."""
    before = (
        re.split(r"[「『]", text, maxsplit=1)[0]
        if _ARTICLE_BRACKETS.search(text) or _BOOK_BRACKETS.search(text)
        else ""
    )
    before = " ".join(before.split())
    others = next((mark for mark in _BRACKETED_OTHERS if before.endswith(mark)), "")
    before = before[: len(before) - len(others)].rstrip()
    if not before or any(char.isdigit() or char in '()[]（）“”"«»:;' for char in before):
        return ()
    names = tuple(name.strip(" ,") for name in _BRACKETED_NAME_MARKS.split(before))
    return names if all(any(char.isalpha() for char in name) for name in names) else ()


@dataclass(frozen=True)
class ListFit:
    """How well the rules fit the style a list is typeset in: per field, the share of the list's
    items whose field the choice made item by item keeps as the rules read it (`list_fit`). A
    list is typeset in one style, so where the model doubts the rules' reading in most of its
    items, they were not written for it, and the items whose reading no single item shows wrong
    are likely wrong too; 1.0, the rules fit, for a reference read alone or a short list."""

    title: float = 1.0

    @property
    def unfit(self) -> bool:
        """Whether the rules do not fit the list's style for some field (`UNFIT`)."""
        return self.title < UNFIT["title"]

    @property
    def doubted(self) -> bool:
        """Whether the rules fit the list's style less than well (`UNFIT`: "doubted"): its items
        are read again knowing it; an unfit list is doubted too."""
        return self.title < max(UNFIT["doubted"], UNFIT["title"])


FITS = ListFit()
# Chosen on the validation styles read as lists (docs/tagger.md): where the choice made item by
# item keeps fewer than "title" of a list's titles as the rules read them, the model's title is
# kept wherever it is at least "title-sure" of it and gives the title kept a probability below
# "title-doubted" (`TaggedReference.agreement`); lists of fewer than "items" items fit (too few
# to tell a style from a few odd references). Where it keeps fewer than "doubted" of them, the
# title's learned choice takes the model's title at "overrule" in place of its own threshold
# (`_overruled_in_the_list`).
UNFIT: Mapping[str, float] = {
    "title": 0.45,
    "title-sure": 0.8,
    "title-doubted": 0.1,
    "items": 10,
    "doubted": 0.85,
    "overrule": 0.9,
}


def list_fit(titles: Sequence[tuple[str | None, str | None]]) -> ListFit:
    """How well the rules fit the style of the list whose items' ``titles`` are given (each as
    the rules read it and as the choice made item by item, `choose_fields` without a fit, kept
    it): the share of items whose title the choice keeps as the rules read it (case, spaces and
    punctuation aside; none where they read none). Where the rules fit, the model doubts few of
    them."""
    if len(titles) < UNFIT["items"]:
        return FITS
    return ListFit(title=sum(_alike(read, kept) for read, kept in titles) / len(titles))


def _title_of_the_list(tagged: TaggedReference, kept: str | None, fit: ListFit) -> str | None:
    """The title kept (``kept``), or the model's where the rules do not fit the list's style
    (``fit``), the model is sure of its title and doubts the one kept (`UNFIT`); not where the kept
    title is quoted and the model's runs past the quotation marks ("Oman, Paul W. and Curtis R.
    Cook, “Typographic Style is More than Cosmetic” Communications of the …")."""
    if not fit.unfit or (tagged.confidence("title") or 0.0) < UNFIT["title-sure"]:
        return kept
    if kept and _quoted(tagged, kept) and tagged.overlap("title", kept) == "within":
        return kept
    agreement = tagged.agreement("title", kept) if kept else None
    if agreement is not None and agreement >= UNFIT["title-doubted"]:
        return kept
    return tagged.title


def _overruled_in_the_list(
    tagged: TaggedReference, kept: str | None, learned: str | None, rules: RuleReading, fit: ListFit
) -> str | None:
    """The title the learned choice keeps (``learned``), or, in a list the rules fit less than
    well (``fit``: `ListFit.doubted`), the model's title where the learned choice gives it at
    least `UNFIT`'s "overrule" over the title kept (``kept``): a title the rules ran on into the
    venue, the publisher or a note, or read in the venue's place ("Fornasini, P.: The Uncertainty
    in Physical Measurements: …, Springer, 2008.", "…: Recent Advances in Graph Partitioning.
    Algorithm Engineering - Selected Results and Surveys, 117–158"). Not none (a short title of
    a work without authors the learned choice drops: "Flexiscale Cloud."), nor a model's title
    that starts after the title kept ("Amazon EC2 Cloud global regions" read "Cloud global
    regions"), nor one shorter than a title kept whose last word is glued to a link ("Broad
    Institute Genomespace portal:[[http://www.genomespace.org]].", read "Broad Institute
    Genomespace")."""
    if not fit.doubted or learned != kept or not tagged.title:
        return learned
    own = overruled_title(tagged, kept, rules.title, rules.authors, rules.venue, overrule=UNFIT["overrule"])
    if own is None or own != tagged.title:
        return learned
    inside = tagged.tokens_of(kept) if kept else set()
    starts_after = bool(inside) and min(inside) < tagged.run_of("title").start
    linked = bool(inside) and bool(tagged.labels_of(str(kept))[0] & LABEL_GROUPS["ids"])
    return learned if starts_after or linked else own


def _alike(read: str | None, own: str | None) -> bool:
    """Whether two readings of a title have the same words (`title_key`), or both none; a kind of
    work's mark glued to the one kept aside (GB/T 7714's "Title[M].", which the rules leave out)."""
    return title_key(read or "") == title_key(without_kind_of_work(own or ""))


def _chosen_names(
    tagged: TaggedReference,
    rules: RuleReading,
    thresholds: Mapping[str, float],
    confidence: Mapping[str, float],
    bracketed: str | None,
    title: str | None,
) -> tuple[str, ...]:
    """The authors: the rules' where they stand (`_rules_names_kept`), else the hand-written
    choice the learned one overrules; where both read none, the names before a title in Japanese
    title brackets (`_bracketed_names`); where the rules read none, the model's right before the
    title kept (``title``: `_names_before_the_title`). Where the rules read the model's title as
    one of their names, theirs before it (`_title_read_as_a_name`); where they read it, or its
    head, into their last name, that name without it (`_title_read_into_the_names`,
    `_titles_head_in_the_names`); none from one that opens a quotation it does not close on."""
    if (read_as_a_name := _title_read_as_a_name(tagged, rules)) is not None:
        return rules.authors[:read_as_a_name]
    if _rules_names_kept(tagged, rules, title):
        names = rules.authors
    else:
        names = _learned_names(tagged, rules, _kept_names(tagged, rules, thresholds, confidence))
    if (
        not names
        and not rules.authors
        and confidence.get("authors", 0.0) >= thresholds["authors-before-title"]
    ):
        if _names_before_the_title(tagged, title):
            names = tagged.written_authors(_after_the_label(tagged))
        elif (start := _names_after_the_opening_title(tagged, title)) is not None:
            names = tagged.written_authors(start)
    names = _without_other_fields_words(_without_the_titles_words(names, tagged, rules), tagged)
    names = _without_words_no_name_holds(names)
    # (no name opens a quotation it does not close: the quoted title's first words, read up to a
    # quotation inside it, "“Climbing the“ Stairway to Heaven”–A …", are no author, nor those after
    # them; a name the italics pass quoted whole is one, "“N. B. D. V. M. von Bergen”")
    names = tuple(takewhile(lambda name: not _opens_a_quotation(name), names))
    names = names or (_bracketed_names(tagged.text) if bracketed else _opening_group(tagged.text))
    # a name's abbreviation and the names' period after it are one period ("Docker Inc.. Title")
    return tuple(
        name[:-1] if name.endswith("..") else name for name in _before_the_title(names, title, tagged.text)
    )


def _slashed_families(
    names: tuple[str, ...], title: str | None, text: str
) -> tuple[tuple[str, ...], str | None]:
    """Names printed as families alone joined by slashes, then a comma, as German legal styles
    print them ("Blei/Jordan, Variational Inference …"): each family a name, and the words the
    readers read into the names after the comma the title's head, where a colon or a blank joins
    it to the title read ("Pierog/Karpenko/Katzy, EPOS LHC: Test of collective hadronization …",
    "Bostock/Ogievetsky/Heer, D$^3$ data-driven documents, …"); a head set off by a comma may be
    the whole title ("Steuwer/Gorlatch, SkelCL, The Journal of …"): the title read stays. Each
    family capitalised and holding a lower-case letter: a body's parts are not ("CEA/DEN")."""
    printed = _printed_families(names[0]) if names else ""
    after = text.find(f"{printed}, ") if printed else -1
    if after < 0:
        return names, title
    after += len(printed) + 2
    if title and title.startswith(f"{printed},"):  # the families read into the title as well
        title = title[len(printed) + 1 :].strip() or None
    return tuple(printed.split("/")), _with_the_head_read_into_the_names(title, text, after)


def _upper_case_families_paired(names: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Names printed as ISO 690 prints them, each family in capitals and its given names after a
    comma ("KOKOSZKA, Piotr and REIMHERR, Matthew", "KHAN, Sheraz, COHEN, David"), which the
    readers split at every comma: each family with its given names again, as printed. Only where
    every name read alternates so, ending in "others" or not."""
    people = names[:-1] if names and names[-1] == "others" else names
    families, given = people[0::2], people[1::2]
    paired = len(people) >= 2 and len(families) == len(given)
    if not paired or not all(map(_a_family_in_capitals, families)) or not all(map(_given_names, given)):
        return names
    joined = tuple(f"{family}, {given_names}" for family, given_names in zip(families, given, strict=True))
    if not all(name in text for name in joined):
        return names
    return (*joined, *names[len(people) :])


def _a_family_in_capitals(name: str) -> bool:
    """Whether ``name`` is a family printed in capitals: two letters or more, none in lower case
    ("KOKOSZKA", "DE ZOTTI"; not an initial "J.", nor "Piotr")."""
    letters = [char for char in name if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters) and "." not in name


def _given_names(name: str) -> bool:
    """Whether ``name`` is a person's given names as ISO 690 prints them: each word capitalised,
    an initial or a particle, no word in capitals, no digit ("Simon L. Peyton", "J Megan"; not a
    role, "translator", nor another body, "OUP Oxford")."""
    words = name.split()
    capitalised = all(
        (word[0].isupper() and not _a_family_in_capitals(word)) or word.casefold() in PARTICLES
        for word in words
    )
    return bool(words) and capitalised and not any(char.isdigit() for char in name)


def _printed_families(name: str) -> str:
    """The families joined by slashes that open ``name`` as printed, each capitalised and holding
    a lower-case letter; "" where it opens with none or with one."""
    found = _SLASHED_FAMILIES.match(name)
    printed = found.group(1) if found else ""
    families = printed.split("/")
    if len(families) < 2 or not all(family[0].isupper() and not family.isupper() for family in families):
        return ""
    return printed


def _with_the_head_read_into_the_names(title: str | None, text: str, after: int) -> str | None:
    """``title`` with the words ``text`` prints between the names' comma (at ``after``) and it,
    where a colon or a blank joins them to it and they are few (`_TITLES_HEAD_WORDS_READ`)."""
    at = text.find(title, after) if title else -1
    head = text[after:at] if at > after else ""
    if head.strip() and head.rstrip()[-1:] not in ",;." and len(head.split()) <= _TITLES_HEAD_WORDS_READ:
        return text[after : at + len(str(title))]
    return title


# families joined by slashes, each a word of letters, an apostrophe or a hyphen ("B'enard",
# "Marin-Lafleche"); what the name holds after their comma
_SLASHED_FAMILIES = re.compile(r"([^\W\d_][\w'’-]*+(?:/[^\W\d_][\w'’-]*+)++)(?:,\s++.*+)?+$")
_TITLES_HEAD_WORDS_READ = 4  # the most words of a title's head the readers may read into the names


def _before_the_title(names: tuple[str, ...], title: str | None, text: str) -> tuple[str, ...]:
    """The names before one that is the title kept, where the reference prints those words once:
    they are its title or an author, not both ("Deep learning. Nature 521, 436–444 (2015).", a
    reference without names, whose title the rules read as its author). Printed twice, they are
    both ("GitHub. GitHub, 2012.", "DatabaseManagementSystems, Database management systems."); an
    organisation's name printed once is its author, whatever the title read ("Ettus Research.
    https://www.ettus.com/, 2010.": a page without a title). None where all the names are the
    title's words (`_names_of_the_titles_words`)."""
    key = title_key(title) if title else ""
    at = next((at for at, name in enumerate(names) if key and title_key(name) == key), None)
    if at is None:
        return () if title and _names_of_the_titles_words(names, title, text) else names
    if title_key(text).count(key) > 1 or _an_organisations(names[at]):
        return names
    return names[:at]


def _names_of_the_titles_words(names: tuple[str, ...], title: str, text: str) -> bool:
    """Whether every name is printed first inside the title kept, which the reference prints once:
    the title's words split into names at its "and" ("TAXONOMY and Origins of Cultivated Bananas.
    Nature (London), v. 177 …", ABNT's work without an author, entered by its title's first word in
    capitals, read as the names "TAXONOMY" and "Origins of Cultivated Bananas"). Not a name printed
    before the title too ("Smith. Smith and the Sea. …"), nor an organisation's or a person's with
    initials (with periods or without: "Smith B"), nor names a mark parts from the rest or from
    each other, which the title kept has run on into ("Will Glozer. wrk - a HTTP benchmarking
    tool", "Matt Kapko: How Gamification …", "Granstrom/Strommer, A criteria-directed protocol …")."""
    start = text.find(title)
    if not names or start < 0 or text.find(title, start + 1) >= 0:
        return False
    end = start + len(title)
    places = [text.find(name) for name in names]
    for name, at in zip(names, places, strict=True):
        if not start <= at <= end - len(name) or _an_organisations(name) or _INITIAL_TOKEN.search(name):
            return False
        if any(mark in name.rstrip(" .") for mark in _NAMES_MARKS):  # "Blei/Jordan, A": names run on
            return False
        if any(len(word) == 1 and word.isupper() for word in name.split()):  # Vancouver's "Smith B"
            return False
    return not text[places[0] + len(names[0]) :].lstrip().startswith(_NAMES_MARKS)


_NAMES_MARKS = tuple(".,:;/")  # what parts a name from the next, or the names from the title


def _an_organisations(name: str) -> bool:
    return any(word.casefold().strip(".,") in ORGANISATION_WORDS for word in name.split())


def _without_the_titles_words(
    names: tuple[str, ...], tagged: TaggedReference, rules: RuleReading
) -> tuple[str, ...]:
    """``names`` without the model's title, or its head, where the rules read it into their last
    name, the one kept (`_title_read_into_the_names`, `_titles_head_in_the_names`): that name
    without it, or none where it is all of it."""
    if not names or not rules.authors or names[-1] != rules.authors[-1]:
        return names
    if _title_read_into_the_names(tagged, rules):
        return (*names[:-1], _without_the_title(names[-1], str(tagged.title)))
    if head := _titles_head_in_the_names(tagged, rules):
        whole = title_key(names[-1]) == title_key(head)  # the head read as a name of its own
        return names[:-1] if whole else (*names[:-1], _without_the_title(names[-1], head))
    return names


def _without_other_fields_words(names: tuple[str, ...], tagged: TaggedReference) -> tuple[str, ...]:
    """``names`` up to where the model's author list ends, where they run on past it into words
    the model is sure are another field's (`_other_fields_words`): the name across its end cut
    there, the names after it left out ("Schrod J. TUGboat. 1991; 12: 232–233." read with the
    author "Schrod J. TUGboat"; "Corbett/Witten, On the Inclusion and Placement of …, The Computer
    Journal" with the authors "On the Inclusion" and "Placement of …"). Only where the model reads
    the names first, and the first name is among them: a style that prints them after the title
    reads otherwise, and names the rules read elsewhere stand or fall whole ("Tajima, T. &
    Shibata, K. 1997. Plasma astrophysics / T. Tajima, K. Shibata.": an editor's names); and only
    where the model is sure of the words of the name it cuts ("Bruce H. Edwards. Prove it,
    2012a.", read with the title "Edwards. Prove it", "Bruce" a family name at 0.59), not of
    every name ("Ribeiro Rafael V, …, Habermann Gustavo, …, Oliveira Ricardo F. Seasonal effects
    on …", "Gustavo" a given name at 0.51)."""
    if not names or not tagged.labels or tagged.labels[0] not in _OPENING_NAMES_LABELS:
        return names
    end = _opening_names_end(tagged)
    if min(_printed_tokens_of(names[0], tagged), default=end) >= end:
        return names
    kept: list[str] = []
    for name in names:
        inside = _printed_tokens_of(name, tagged)
        past = range(max(end, min(inside, default=end)), max(inside, default=end) + 1)
        if (
            not inside
            or max(inside) < end
            # a group's name holds a year: "GBD 2015 Mortality Collaborators"; not where the group's
            # word is in the model's names and the title runs on after them ("Docker Inc.. Optimal
            # Reserve and Export Policies …")
            or _an_organisations(" ".join(tagged.tokens[index] for index in past))
            or not _other_fields_words(tagged, past)
        ):
            kept.append(name)
            continue
        if min(inside) < end and (head := _name_before(name, tagged, end)):
            if min(tagged.marginals[min(inside) : end]) < _SURE_OF_OTHERS:
                return names
            kept.append(head)
        break
    return tuple(kept)


def _without_words_no_name_holds(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` up to "et al." or a lower-case word that no name holds right after a name's
    initials, the name cut there and the names after it left out: what follows is the title's,
    an editor's mark or a role ("Sánchez-Mondragón J, Wolf KB, eds. Lie Methods in Optics",
    "Krönert, G. t.t. Importance of the ISO standard 8613 …", "Kahle D, Wickham H. ggmap. 3.
    Spatial Visualization …", "Futatsugi K et al. [eds] (2000) Cafe"). A name's particle ("van",
    "d’Alpoim", "de-la-Fuente"), a group's word ("of", "for": "C. M. of . Style", CSL's inverted
    group names) and a one-letter word ("Smit G d V.") are a name's; so is a name that opens
    with a lower-case given name and holds initials ("yan Zhang, Y.", "deBruynKops SM"). An "et
    al." inside the first name, after its initials alone or none (a malformed record's "et al.
    Zhang Y.", "E. E. et al Peters"), is read as if it closed the list."""
    kept: list[str] = []
    for name in names:
        words = [] if name == "others" else name.split()  # "others": the list's "et al.", as BibTeX writes it
        for at in range(len(words)):
            if _OTHERS_MARK.fullmatch(" ".join(words[at : at + 2])):
                # a malformed record's "et al. Zhang Y.", "E. E. et al Peters": the name around the mark
                if not kept and len(words) > at + 2 and all(map(_INITIALS.fullmatch, words[:at])):
                    after = (" ".join(words[:at] + words[at + 2 :]), *names[1:])
                    return _without_words_no_name_holds(after if "others" in after else (*after, "others"))
                head = " ".join(words[:at]).rstrip(" ,;:")
                return (*kept, *([head] if head else []), "others")
            if _past_the_names_initials(words, at, kept):
                head = " ".join(words[:at]).rstrip(" ,;:")
                return (*kept, head) if head else tuple(kept)
        kept.append(name)
    return tuple(kept)


_OTHERS_MARK = re.compile(AND_OTHERS)  # "et al.", "et. al." (text/names.py)


def _past_the_names_initials(words: Sequence[str], at: int, kept: Sequence[str]) -> bool:
    """Whether ``words[at]`` is a word no name holds (`_no_names_word`) right after a name's
    initials: the name's own before it, or the last kept name's where it opens a name that holds
    no initials of its own; the words before it a name's (`_a_names_words`)."""
    if not _no_names_word(words[at]):
        return False
    if at:
        return _an_initials_word(words[at - 1], opening=at == 1) and _a_names_words(words[:at])
    holds_initials = any(_an_initials_word(word, opening=False) for word in words[1:])
    return bool(kept) and not holds_initials and _an_initials_word(kept[-1].split()[-1], opening=False)


def _an_initials_word(word: str, opening: bool) -> bool:
    """Whether ``word`` is a name's initials: "G.", "KB", "J.-P.", a name's last "G"; not the
    article "A" that opens a title read as a name (``opening``: "A survey of …")."""
    return _INITIALS.fullmatch(word) is not None and ("." in word or len(word) > 1 or not opening)


def _a_names_words(words: Sequence[str]) -> bool:
    """Whether each of ``words`` is capitalised or a name's particle: no title's words ("Do local
    analysts know more? A")."""
    return all(not word[:1].islower() or _a_particle(word) for word in words)


def _no_names_word(word: str) -> bool:
    """Whether ``word`` is a lower-case word of two letters or more that no name holds: no
    particle, no conjunction between names ("and", "și"), no word of a group's name ("of"), no
    capital inside ("deBettencourt", "deBruynKops")."""
    letters = "".join(char for char in word if char.isalpha())
    bare = word.casefold().strip(".,;:")
    return (
        len(letters) >= 2
        and letters.islower()  # not a family with its particle glued on: "M T deBettencourt"
        and not _a_particle(word)
        and bare not in _CONJUNCTIONS
        and without_accents(bare) not in title_omitted_words()
    )


def _a_particle(word: str) -> bool:
    """Whether ``word`` is a name's particle, alone, elided (`ELIDED_PARTICLE`: "d’Alpoim") or
    joined to the family by a hyphen ("van", "de-la-Fuente-Aragon")."""
    bare = word.casefold().strip(".,;:")
    return bare in PARTICLES or bare.partition("-")[0] in PARTICLES or ELIDED_PARTICLE.match(word) is not None


# The labels of the names that open a reference: an edited book's editors as well as authors
# ("Eason, R., Rookledge, S., …, Rookledge, G. eds: Rookledge's handbook of typedesigners: …").
_OPENING_NAMES_LABELS = NAME_LABELS | {"editor"}


def _opening_names_end(tagged: TaggedReference) -> int:
    """The index of the first token after the names that open the reference (`_OPENING_NAMES_LABELS`),
    across the words between two of them that the model labels as no field ("and", "&" between
    editors' names: "Brachman, R.J., Levesque, H.J. & Reiter, R. (Eds.). (1991) …")."""
    end = 0
    for index, label in enumerate(tagged.labels):
        if label in _OPENING_NAMES_LABELS:
            end = index + 1
        elif label != "other":
            break
    return end


def _printed_tokens_of(name: str, tagged: TaggedReference) -> set[int]:
    """The tokens of ``name`` as printed (`TaggedReference.tokens_of`); where the rules read it
    with words left out, those of its longest head that is printed ("Leary RA: Interaction Theory
    in Forest Ecology" of "Leary RA: Interaction Theory in Forest (Zea mays ssp. mexicana) Ecology
    and Management.")."""
    words = name.split()
    for cut in range(len(words), 0, -1):
        if inside := tagged.tokens_of(" ".join(words[:cut])):
            return inside
    return set()


def _other_fields_words(tagged: TaggedReference, tokens: range) -> bool:
    """Whether the model is sure each of ``tokens`` is another field's than the names' (words it
    labels as nothing among them, "and" of a title's "… Placement and …")."""
    labels = {tagged.labels[index] for index in tokens}
    sure = min(tagged.marginals[index] for index in tokens) >= _SURE_OF_OTHERS
    return sure and not labels & NAME_LABELS and bool(labels - {"other"})


def _name_before(name: str, tagged: TaggedReference, end: int) -> str:
    """The words of ``name`` before token ``end`` ("Schrod J." of "Schrod J. TUGboat")."""
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        head = " ".join(words[:cut])
        if max(tagged.tokens_of(head), default=end) < end:
            return head.rstrip(" ,;:")
    return ""


def _without_the_title(name: str, title: str) -> str:
    """The last author's name the rules read the title into, without it and what they read after
    it ("Han B. InfoNeRF" → "Han B.", "Hanba Yuko T. Why are sun leaves …? Plant Physiol" →
    "Hanba Yuko T.")."""
    words, key = name.split(), title_key(title)
    for cut in range(len(words) - 1, 0, -1):
        if title_key(" ".join(words[cut:])).startswith(key):
            return " ".join(words[:cut]).rstrip(" ,;:")
    return name


def _names_before_the_title(tagged: TaggedReference, title: str | None) -> bool:
    """Whether the model's names open the reference and the title kept is the model's, right
    after them or after a date that follows them ("NIST, Typefaces for Symbols …", "NIST (1998)
    Typefaces …", "Statistics Canada: On the Determination …"): what a reference prints before its
    title is its authors, a group's name as often as a person's, which the rules read into the title
    or not at all. Not where the names are the title's words ("CTAN (2006). CTAN."), nor where an
    author-date style's date slot follows the title (`_ref_apa.DATE_SLOT`), which it prints after
    the names: what the model read there is a title in the names' place, its first words read as
    a name ("Mission, Vision & Values. (n.d.).")."""
    if not title or not tagged.labels or tagged.labels[0] not in NAME_LABELS:
        return False
    names_end, date, own = tagged.author_list_end(), tagged.run_of("date"), tagged.run_of("title")
    after = date.stop if date and date.start == names_end else names_end
    if not (
        own and (own.start == after or _labelled_names(tagged, own.start)) and _alike(tagged.title, title)
    ):
        return False
    following = tagged.tokens[own.stop] if own.stop < len(tagged.tokens) else ""
    return not (
        _words_of(" ".join(tagged.tokens[:names_end])) <= _words_of(title)
        or DATE_SLOT.match(following) is not None
    )


def _names_after_the_opening_title(tagged: TaggedReference, title: str | None) -> int | None:
    """Where the model's names open when the reference opens with the title kept, the names
    right after it or after a date that follows it, as reading lists print them ("“Distilling
    the knowledge in a neural network” (2015), G. Hinton et al."; "Title <br /> Di Iorio A, et
    al. <br /> Journal"): the rules read no names after a title."""
    own = tagged.run_of("title")
    if not title or not own or own.start != 0 or not _alike(tagged.title, title):
        return None
    date = tagged.run_of("date")
    after = date.stop if date and date.start == own.stop else own.stop
    return after if after < len(tagged.labels) and tagged.labels[after] in NAME_LABELS else None


# the most words of a group's name ("Food and Agriculture Organization of the United Nations")
_GROUP_WORDS = 8


def _opening_group(text: str) -> tuple[str, ...]:
    """A group's name that opens a reference as its author, set off by a punctuation mark or
    followed by a year ("Python Software Foundation, NLPTB: …", "European Space Agency 1991. The
    Dictionary of …", "World Health Organization, PC World 1991, 9, 257."): up to eight words,
    each capitalised but for the words a name's abbreviation leaves out ("of", "and", "the",
    "für"), one of them an organisation's (`organisation-words.json`), none a digit or a bracket."""
    words = _opening_words(text.split())
    grouped = len(words) >= 2 and any(word.casefold() in ORGANISATION_WORDS for word in words)
    return (" ".join(words),) if grouped and words[-1].casefold() not in title_omitted_words() else ()


def _without_the_groups_name(title: str | None, text: str) -> str | None:
    """``title`` without the group's name that opens the reference as its author
    (`_opening_group`) and the colon after it, which the readers read into the title ("QGIS
    Development Team: NVivo. k. n., h. n., 2021.", "Centers for Disease Control and Prevention:
    How much baseline correction …")."""
    group = _opening_group(text)
    head, colon, rest = (title or "").partition(":")
    if group and colon and head.strip() == group[0] and rest.strip():
        return rest.strip()
    return title


def _opening_words(tokens: list[str]) -> list[str]:
    """The words that open a reference up to the first punctuation mark after one or a year,
    each capitalised or a word a name's abbreviation leaves out; none where a word is neither,
    holds a digit or a bracket, or there are more than `_GROUP_WORDS`."""
    words: list[str] = []
    for index, token in enumerate(tokens):
        word = token.rstrip(".,:;")
        lettered = all(char.isalpha() or char in "&-'’" for char in word)
        if not word or len(words) == _GROUP_WORDS or not lettered:
            return []
        if not (word[0].isupper() or word.casefold() in title_omitted_words()):
            return []
        words.append(word)
        following = tokens[index + 1].strip("(),.") if index + 1 < len(tokens) else ""
        if word != token or (following.isdigit() and len(following) == 4):
            break
    return words


def _spaced_names(tagged: TaggedReference, rules: RuleReading) -> tuple[str, ...]:
    """The authors of a reference in a script written without spaces: the rules', unless the model
    reads names written in spaced letters before them, the learned choice sure of its names
    ("Hal R. Varian 『Microeconomic Analysis』 xv + 506頁", which the rules read as "Hal R")."""
    written = tagged.written_authors()
    if not written or any(_UNSPACED.search(name) for name in written):
        return rules.authors
    return overruled_authors(tagged, rules.authors, rules.authors, rules.title)


def _names_before_the_bracket(tagged: TaggedReference, rules: RuleReading) -> tuple[str, ...]:
    """The authors of a reference in a script written without spaces (`_spaced_names`), else the
    names before its title in Japanese title brackets (`_bracketed_names`); those where they hold
    every word of the others and more: a name the rules or the model cut short, its last word read
    into the title ("Elizabeth M. Harris 「Printing and a Museum」 …" read "Elizabeth M")."""
    spaced, before = _spaced_names(tagged, rules), _bracketed_names(tagged.text)
    cut_short = bool(spaced) and _words_of(" ".join(spaced)) < _words_of(" ".join(before))
    return before if cut_short else spaced or before


def _title_beside_the_names(
    tagged: TaggedReference, rules: RuleReading, thresholds: Mapping[str, float]
) -> str | None:
    """The rules' title where the model's is the authors' names again, but none where the model
    reads a venue in it and no title (`_no_title_printed`: a journal and its numbers, "European
    Space Agency. Joho Shori 1993; 34: 915–921."); where it reads other fields there, its labels
    are shifted by the names it read as the title ("Department of Veteran Affairs. (2017a).
    Title1.", the title read as an edition)."""
    journal = bool(rules.title) and "container" in tagged.labels_of(str(rules.title))[0]
    return None if journal and _no_title_printed(tagged, rules, thresholds) else rules.title


# A venue's opening, never a work's title: "In: …", a lower-case "in" before a name ("in CVPR,
# Proceedings of …"), "In" before a meeting's word ("In Proceedings of the XXXII International
# Congress …", "In Proc. …"; venue-words.json): a style that prints no title, its venue read in
# the title's place ("In Search of …" is a title).
_MEETING_WORDS = (*venue_words().meetings, *venue_words().meeting_abbreviations)
_MEETING = alternation(word.capitalize() for word in _MEETING_WORDS)
# (or a meeting's year or ordinal first and up to four capitalised words before its word: "In 20th
# Annual International Conference on …", "In 2016 IEEE Conference on …")
_VENUE_OPENING = re.compile(
    rf"In:\s|in:?\s+[A-Z]|In\s+(?:the\s+)?{_MEETING}(?!\w)"
    rf"|In\s++(?:the\s++)?(?:\d{{4}}|\d{{1,3}}(?:st|nd|rd|th))\s++(?:[A-Z][\w/&-]*+\s++){{0,4}}?{_MEETING}(?!\w)"
)

# A meeting's word and "of" that open a venue's name, nothing after them: "Proceedings of the".
_MEETINGS_OF = re.compile(
    rf"(?:{alternation(word.capitalize() for word in _MEETING_WORDS)})\s++of(?:\s++the)?[\s.,;:]*+"
)


def _chosen_title(
    tagged: TaggedReference,
    rules: RuleReading,
    weighed: Callable[[str, str, str | None, str | None], str | None],
    fit: ListFit,
    thresholds: Mapping[str, float],
) -> str | None:
    """The title (``weighed``: the hand-written choice of a field between the model's reading and
    the rules'), overruled by the learned one and read in its list (``fit``); none where the
    rules' title is left out as the venue or the year of a style that prints none (the learned
    choice adds up the rules' and the model's same words, the journal both read). Where the
    rules' title is the authors' names again (`_the_names_again`), the model's where it is all but
    sure of it, as where the rules read none; where the model's is, the rules'
    (`_title_beside_the_names`)."""
    read_names, own_names = _authors_as_the_title(tagged, rules)
    if _title_as_the_venue(tagged, rules) or _the_year_again(tagged, rules):
        return None
    if read_names:  # the model's title where the rules' is the names, all but sure
        if _names_after_the_title_read_as_names(tagged, rules):
            return tagged.title
        return weighed("title", "title", None if own_names else tagged.title, None)
    if own_names:
        return _title_beside_the_names(tagged, rules, thresholds)
    own = tagged.title if _the_models_title_whatever_its_doubt(tagged, rules) else None
    own = own or weighed("title", "title", tagged.title or None, rules.title)
    # (not the learned choice, which weighs the model's title, where the model opened it inside
    # its date's parenthesis)
    if _opens_inside_the_date(tagged):
        learned = own
    else:
        learned = overruled_title(tagged, own, rules.title, rules.authors, rules.venue)
    learned = _a_pages_title_kept(tagged, own, rules.title, learned)
    return _title_of_the_list(tagged, _overruled_in_the_list(tagged, own, learned, rules, fit), fit)


def _names_and_title_mixed(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules read the names into the model's title, or its title into their names:
    into the last, across two or more, or as one of them."""
    return (
        _names_read_into_the_title(tagged, rules)
        or _title_read_into_the_names(tagged, rules)
        or _title_read_across_the_names(tagged, rules)
        or _title_read_as_a_name(tagged, rules) is not None
    )


def _the_models_title_whatever_its_doubt(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the model's title is kept however it doubts the rules': theirs cut short (at a
    number's sign, where no sentence ends, a part's number, inside its quotation, at a volume's
    sign), or read into the names, the names into it, across left-out text or with its year."""
    cut = (
        _cut_at_a_number(tagged, rules)
        or _cut_where_no_sentence_ends(tagged, rules.title)
        or _cut_before_a_subtitle_a_journal_follows(tagged, rules)
        or _cut_at_a_parts_number(tagged, rules)
        or _quotation_cut_short(tagged, rules)
        or _a_volume_read(tagged, rules)
    )
    return cut or (
        _names_and_title_mixed(tagged, rules)
        or _title_across_left_out_text(tagged, rules)
        or _year_read_into_the_title(tagged, rules)
        or _titles_head_in_the_names(tagged, rules) is not None
        or _a_number_for_the_title(tagged, rules)
        or _run_on_without_a_mark(tagged, rules)
        or _run_on_through_pages(tagged, rules)
        or _run_on_into_the_publisher(tagged, rules)
        or _run_on_past_its_end(tagged, rules)
    )


# how sure of each word of the publisher after a comma the model must be, and of its title
_SURE_OF_THE_PUBLISHER = 0.5
_SURE_OF_THE_TITLE_BEFORE = 0.9


def _runs_on_from(own: range, inside: set[int]) -> bool:
    """Whether the rules' title (its tokens ``inside``) is the model's (``own``) run on past its end."""
    return bool(own) and bool(inside) and min(inside) == own.start and max(inside) >= own.stop


def _run_on_into_the_publisher(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the model's run on past its comma into the publisher it reads
    there and no further, the reference's last words ("Barendregt, H.P. (1984) The lambda
    calculus: its syntax and semantics, North-Holland", "…, Microsoft Research"): a style that
    prints the publisher after a comma and nothing after it. Only where the model is all but
    sure of its title and sure of each of the publisher's words; not a title the style quoted."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(rules.title or "")
    if not _runs_on_from(own, inside):
        return False
    if not tagged.tokens[own.stop - 1].endswith(",") or _quoted(tagged, rules.title or ""):
        return False
    after = range(own.stop, len(tagged.tokens))
    publisher = all(
        tagged.labels[index] == "publisher" and tagged.marginals[index] >= _SURE_OF_THE_PUBLISHER
        for index in after
    )
    sure = (tagged.confidence("title") or 0.0) >= _SURE_OF_THE_TITLE_BEFORE
    return publisher and sure and max(inside) == len(tagged.tokens) - 1


def _run_on_past_its_end(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the model's run on past where it ends, a quotation's closing
    mark or a sentence's end, into words the model is sure are another field's: a genre, a
    no-date mark, a year ("“SciPy”. Preprint, 2001.", "Docker Hub. n.d. Retrieved …", "Ét eller 98
    kommunale valg i 2009?. 2009."). Only where the model is sure of its title; not where a
    quotation opens in what the rules add, after a part's number ("… results. VI."), where what
    they add opens with one ("The Milky Way Tomography with SDSS. II. Stellar Metallicity. ApJ":
    `_opens_a_part`), nor where either title is a listed journal's name."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(rules.title or "")
    if not _runs_on_from(own, inside) or max(inside) < own.stop or _opens_a_part(tagged, own.stop):
        return False
    closed = _a_closed_quotation(tagged, own)
    ended = closed or (tagged.tokens[own.start][:1] not in _CLOSING_MARKS and _a_sentences_end(tagged, own))
    sure = (tagged.confidence("title") or 0.0) >= SURE["title"]
    if not (ended and sure and _no_titles_words_after(tagged, range(own.stop, max(inside) + 1), closed)):
        return False
    # (asked last: the journal tables load on a first ask) a journal's name and its series the rules
    # read in the title's place, where a style prints no title ("Daniels, Proceedings of the Royal
    # Society of London. Series A, Mathematical …")
    return not (is_listed_journal(str(tagged.title)) or is_listed_journal(rules.title or ""))


def _opens_a_part(tagged: TaggedReference, at: int) -> bool:
    """Whether the token ``at`` opens a part of a work in a series of them: a part's or a paper's
    word, or a Roman numeral ("II.", "XIV:"), one of one letter ("I.", which may be an initial)
    only before a capitalised word the model reads as no name's ("Survey. I. The Cluster Catalog")."""
    word = tagged.tokens[at]
    if _a_parts_word(word):
        return True
    following = at + 1 < len(tagged.tokens) and tagged.tokens[at + 1][:1].isupper()
    one_letter = word.rstrip(".:,") in ("I", "V", "X")
    return one_letter and following and tagged.labels[at + 1] not in NAME_LABELS


def _a_parts_word(word: str) -> bool:
    """Whether ``word`` is a part's or a paper's word, or a Roman numeral of two letters or more."""
    numeral = word.rstrip(".:,")
    return word in _SERIES_PART_WORDS or (len(numeral) >= 2 and PART_NUMBER.fullmatch(numeral) is not None)


def _no_titles_words_after(tagged: TaggedReference, after: range, closed: bool) -> bool:
    """Whether the words ``after`` a title are words the model is sure are another field's, or,
    past a quotation the title ``closed``, of no field ("“SciPy”. Preprint, 2001."); none opening
    a quotation."""
    if any(char in _OPENING_QUOTES for index in after for char in tagged.tokens[index]):
        return False
    return _other_fields_words(tagged, after) or (closed and _sure_of_no_title(tagged, after))


def _a_closed_quotation(tagged: TaggedReference, own: range) -> bool:
    """Whether the title ``own`` opens a quotation and closes it with the mark that closes its
    opening one (no apostrophe: "“Factors Influencing Researchers’ Journal …”")."""
    opening = tagged.tokens[own.start][:1]
    return tagged.tokens[own.stop - 1].rstrip(".,;:")[-1:] in _CLOSING_MARKS.get(opening, "")


def _a_sentences_end(tagged: TaggedReference, own: range) -> bool:
    """Whether the title ``own`` ends a sentence, not at a part's number ("Planck 2018 results.
    VI. Cosmological parameters")."""
    last = tagged.tokens[own.stop - 1]
    return last.endswith(_SENTENCE_END) and PART_NUMBER.fullmatch(last) is None


def _sure_of_no_title(tagged: TaggedReference, tokens: range) -> bool:
    """Whether the model is sure each of ``tokens`` is neither a title's nor a name's word."""
    labels = {tagged.labels[index] for index in tokens}
    sure = min(tagged.marginals[index] for index in tokens) >= _SURE_OF_OTHERS
    return sure and not labels & (NAME_LABELS | {"title"})


# a quotation's opening mark and the marks that close it (German „…“, French «…»)
_CLOSING_MARKS = {"“": "”", "‘": "’", "«": "»", "„": "“”", '"': '"', "'": "'"}


_PAGE_WORDS = frozenset(word.casefold() for word in reference_abbreviations().pages)  # "pages", "pp."


def _run_on_through_pages(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the model's run on through a page cue and the pages the model
    reads after it, and on to the fields after them ("McQuarrie, D. A., Statistical Mechanics,
    pages 81–138, Harper and Row, 1976.", read "Statistical Mechanics, pages 81–138, Harper and
    Row"): no title holds a chapter's pages before its publisher. Not a title the style quoted,
    a book review's that names the book's pages ("‘The pilgrimage of grace … by s. m. harrison.
    (studies in history, 27.) pp. viii + 158. royal historical society, 1981.’")."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(rules.title or "")
    if not _runs_on_from(own, inside):
        return False
    if _quoted(tagged, rules.title or ""):
        return False
    return any(
        tagged.labels[index] == "pages" and tagged.tokens[index - 1].casefold() in _PAGE_WORDS
        for index in range(own.stop + 1, max(inside) + 1)
    )


def _run_on_without_a_mark(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is the model's run on, with no mark between, into what the model
    reads as the next fields: a venue after its "In" or an identifier ("… language models In
    arXiv.", "… Efficient Generation doi:10.48550/…"), or the authors of a style that prints
    them after the title ("Self-Distillation from the Last Mini-Batch … Shen, Y. et al., CVPR
    (2022)."). Not a subtitle after a colon, and only where the model is sure of its title."""
    own, inside = tagged.run_of("title"), tagged.tokens_of(rules.title or "")
    if not _runs_on_from(own, inside):
        return False
    if tagged.tokens[own.stop - 1][-1:] in ".,;:!?)]”\"'’":  # set off by a mark: the rules' own cut
        return False
    tail = [tagged.labels[index] for index in range(own.stop, max(inside) + 1)]
    sure = tagged.field_confidences().get("title", 0.0) >= SURE["title"]
    after = _names_and_a_venue_from(tagged, own.stop, tail) or _a_cued_field(tagged, own.stop, tail)
    return sure and after


def _names_and_a_venue_from(tagged: TaggedReference, start: int, labels: Sequence[str]) -> bool:
    """Whether the tokens from ``start`` (their ``labels``) open with an inverted name ("Shen,
    Y."), which the model reads as an author's or an editor's, and go on with nothing but names
    and a venue ("Shen, Y. et al., CVPR")."""
    names = list(takewhile(_NAME_OR_EDITOR_LABELS.__contains__, labels))
    inverted = tagged.tokens[start].endswith(",") and len(names) >= 2 and names[0] in ("family", "editor")
    return inverted and set(labels[len(names) :]) <= _NAME_OR_EDITOR_LABELS | _CUED | {"other"}


_NAME_OR_EDITOR_LABELS = NAME_LABELS | {"editor"}


_CUED = frozenset({"container", "doi", "arxiv", "url", "isbn"})  # a field a cue word may open


def _a_cued_field(tagged: TaggedReference, start: int, labels: Sequence[str]) -> bool:
    """Whether the tokens from ``start`` are a venue after its "In" or an identifier, its label
    glued on ("doi:10.48550/…") or apart ("doi: 10.…")."""
    first = tagged.tokens[start]
    label = first.partition(":")[0].casefold()
    cued = (_IN.fullmatch(first) is not None and labels[0] == "other") or label in _LABELS
    return cued and set(labels[1:]) <= _CUED | {"other"} and bool(set(labels) & _CUED)


def _a_number_for_the_title(tagged: TaggedReference, rules: RuleReading) -> bool:
    """Whether the rules' title is a number alone that ends the model's title ("176" of "HF-NeuS:
    Improved Surface Reconstruction …, No. 176. NeurIPS 2022"): the title's number, its words
    read as something else."""
    read = (rules.title or "").strip(" .,;:")
    own = title_key(tagged.title or "")
    return read.isdigit() and own.endswith(read) and len(own) > len(read)


def _a_pages_title_kept(
    tagged: TaggedReference, own: str | None, read: str | None, learned: str | None
) -> str | None:
    """The learned choice's title (``learned``), or the rules' (``read``) where it dropped the title
    kept (``own``, the rules') of a web page (`_a_page_title`: its one text between its names and
    its link). The learned choice saw few web pages: its styles' strings print their pages'
    titles as titles."""
    if learned is None and own is not None and own == read and _a_page_title(tagged, own):
        return own
    return learned


# The abbreviations that open the next field ("vol. A", "ed. O. Sokolova", "no. 7", "pp. 3"): a
# title read up to one, its period lost, ends before it ("The TeXbook, vol" is "The TeXbook").
_CUES = frozenset(
    word.casefold()
    for word in (
        *bare_words(reference_abbreviations().numbers),
        *reference_abbreviations().editors,
        *reference_abbreviations().editions,
    )
    if len(word) <= 5 and " " not in word
) - {"page", "pages"}


def _without_what_follows_it(title: str, tagged: TaggedReference) -> str | None:
    """``title`` without what a style prints after it that a reader read into it: a chapter's
    number (`without_chapter`), a field's cue (`_without_a_cue_at_the_end`), a journal's
    abbreviation's first words where the model reads a venue (`_without_a_journals_start`: not a
    book's title before its place, "PORTER, J. Designing for the Social Web. Berkeley, CA: New
    Riders, 2008.", whose last words are shaped as a journal's), a venue after a question's own
    mark (`title_before_a_marked_question`), a series statement (`_without_a_series_volume`), GOST's
    statement of responsibility (`_without_the_statement_of_responsibility`)."""
    title = _without_the_statement_of_responsibility(title, tagged)
    cued = _without_a_cue_at_the_end(
        without_chapter(_without_a_series_volume(title, tagged.text)), tagged.text
    )
    if cued and "container" in tagged.labels:
        venue = tagged.run_of("container")
        cued = _without_a_journals_start(cued, tagged.text, tagged.spans[venue.start][0])
    return cued and title_before_a_marked_question(cued)


# BibTeX's series statement after a book's title (plain's and its kin's "…, volume 496 of
# Contemporary Mathematics", "…. Volume 49 of Lecture Notes in Mathematics", "…, number 12 in
# Lecture Notes …"): a volume of the series named after "of" or "in", which the model reads on
# into the title. A title's own volume names no series after it ("…, Volume 3: Sorting and
# Searching"). Opened at a comma or a period; its rest runs to the text's end.
# (a volume's or a number's word: "volume 496 of", "number 12 in")
_A_NUMBERS_WORD = rf"(?i:{alternation(word.rstrip('.') for word in reference_abbreviations().volumes)})\.?"
_SERIES_STATEMENT = re.compile(rf"[.,]\s++{_A_NUMBERS_WORD}\s?\d{{1,5}}\s(?:of|in)\s(?=[A-Z])(?s:.*)$")
# A book's volume after its title, and the series before it (Springer's "Knowledge-Based Design
# Systems, Lecture Notes in Computer Science, vol 1647.", SAGE's "Lie Methods in Optics, volume 250."),
# at the end of the title read or right after it in the text. A volume's words only: a number's
# ("…, No. 7") may be the title's own.
_VOLUME_WORDS = [word.rstrip(".") for word in reference_abbreviations().volumes if word.startswith("vol")]
_A_VOLUME_WORD = rf"(?i:{alternation(_VOLUME_WORDS)})\.?"
# (after a comma, a period or the first blank of a run: a search tries one start a run)
_VOLUME_AT_THE_END = re.compile(
    rf"(?P<mark>[,.]|(?<=[^\s,.])(?=\s))\s++(?P<word>{_A_VOLUME_WORD})\s?\d{{1,5}}$"
)
_VOLUME_FIRST = re.compile(rf",?\s++{_A_VOLUME_WORD}\s?\d{{1,5}}\b")


def _without_a_series_volume(title: str, text: str) -> str:
    """``title`` without the series statement a style prints after a book's title, which the model
    reads on into it: BibTeX's (`_SERIES_STATEMENT`); a volume's number at its end and the series'
    name before it, after a comma, where that is listed, the number read in or printed right after
    the title in ``text`` (`_VOLUME_AT_THE_END`, `_VOLUME_FIRST`); a volume's number alone, but
    where it is capitalised after a comma or a blank, as a title's own is ("An Introduction to
    Probability Theory and Its Applications, Volume 2"), not in lower case ("Lie Methods in Optics
    vol. 250")."""
    title = _SERIES_STATEMENT.sub("", title)
    volume = _VOLUME_AT_THE_END.search(title)
    if volume is None:  # the volume printed right after the title read, if anywhere
        at = text.find(title)
        if at < 0 or not _VOLUME_FIRST.match(text, at + len(title)):
            return title
    head = title[: volume.start()] if volume else title
    before, comma, series = head.rpartition(",")
    if comma and before.strip() and is_listed_journal(series.strip()):
        return before.rstrip()
    own = volume is None or (volume["mark"] != "." and volume["word"][0].isupper())
    return title if own else head


def _without_the_statement_of_responsibility(title: str, tagged: TaggedReference) -> str:
    """``title`` up to GOST 7.1's statement of responsibility, which the model reads into it: " / "
    and the authors' names again, the reference's first family name among them ("Khan, Sheraz.
    Note: Magnetic Noise from the Inner Wall … Room / Sheraz Khan, David Cohen // Review of …").
    A title's own slash names no author of the reference after it ("Input / Output Systems")."""
    head, slash, statement = title.partition(" / ")
    family = _words_of(tagged.text_of("family") or "")
    named = bool(slash and head.strip() and family) and family <= _words_of(statement)
    return head.rstrip() if named else title


def _without_a_journals_start(title: str, text: str, venue_start: int = -1) -> str:
    """``title`` without the first words of the journal's abbreviated name at its end, which the
    rules read into it, cut at their periods: after its last comma ("Serial interval of novel
    coronavirus (COVID-19) infections, Int. J. Infect. Dis., 2020." read as "…infections, Int") or,
    two words or more, with none ("Intertemporal Choice and Inequality J. Polit. Economy 102(3)"
    read as "…Inequality J. Polit"; one word is as often the title's own: "… Transfer Method. J Chem
    Inf Model", "… Geometry Graph. In: ICML"): `_cut_from_a_journals_name`, the longest run first,
    but where the model's venue starts (at ``venue_start`` in ``text``) if a run starts there: a
    part's numeral ends a title as an abbreviation's word opens a name ("… of finite type I. J.
    Symb. Log.", whose longest run "I. J. Symb" would cut the title's "I.")."""
    words = title.split()
    cuts: list[tuple[int, str]] = []
    for first in range(max(1, len(words) - _JOURNAL_WORDS_READ), len(words)):
        head = " ".join(words[:first])
        at = text.find(head)
        set_off = head.endswith(",") or len(words) - first >= 2
        if set_off and at >= 0 and _cut_from_a_journals_name(" ".join(words[first:]), text, at + len(head)):
            cuts.append((at + len(head), head.rstrip(" ,")))
    at_the_venue = [head for at, head in cuts if at <= venue_start and not text[at:venue_start].strip()]
    return at_the_venue[0] if at_the_venue else cuts[0][1] if cuts else title


# The abbreviated words of a volume's, a number's and a page's ("vol.", "no.", "pp."), without
# their period.
_NUMBERS_ABBREVIATED = frozenset(
    word.rstrip(".").casefold() for word in reference_abbreviations().numbers if word.endswith(".")
)


def _printed_after_the_title(title: str, text: str) -> str:
    """What the reference ``text`` prints right after ``title``, its blanks one space and the
    leading one dropped ("" where the text does not hold the title as read)."""
    flat = " ".join(text.split())
    found = flat.find(title)
    return flat[found + len(title) :].lstrip() if found >= 0 else ""


# The most words of a journal's abbreviation a title is read on into ("J. Am. Stat. Assoc").
_JOURNAL_WORDS_READ = 4


def _without_a_cue_at_the_end(title: str, text: str) -> str | None:
    """``title`` without what a style prints after it, which the rules read into it: a field's
    abbreviation after its last comma ("The TeXbook, vol" → "The TeXbook", "Inside PostScript, ed"
    → "Inside PostScript"), or after a blank where the reference ``text`` goes on with its period
    and number ("A bibliography of the Kelmscott Press vol. 24", "… Century pp. 174"), an editors'
    statement in parentheses ("LaTeX Band 2 (Ed D.E. Knuth)"), a day's date (`_DATED_AT_THE_END`)
    or a report's designation and number, after a comma or in parentheses
    (`_no_work_title.report_at_the_end`, `_no_work_title.report_in_parentheses`)."""
    head, comma, last = title.rpartition(",")
    if comma and head.strip() and last.strip().casefold() in _CUES:
        return head.rstrip()
    head, blank, last = title.rpartition(" ")
    if blank and head.strip() and last.casefold() in _NUMBERS_ABBREVIATED:
        following = _printed_after_the_title(title, text)
        if following[:1] == "." and following[1:].lstrip()[:1].isdigit():
            return head.rstrip(" ,")
    after = _printed_after(title)
    return title[:after].rstrip() if after else title


# The reference's year, which the rules read into the title: before it, set off by a mark ("1989.
# Comparison of …", "1981:. Problems …", "(1982) QGIS Development Team", "1989): Practical …"), or
# after it, behind a semicolon or an opening parenthesis never closed ("ChatGPT; 2023", "Practical
# Numerical Algorithms for Chaotic Systems (1959"), or as a sentence of its own after the title's
# end ("… Penalized Autoencoders.. 2021", ABNT's; not a number's sign's: "…, No. 2021"). (Each
# starts at one mark, a year or a run of blanks' first: a search is linear.)
_YEAR_FIRST = re.compile(r"\(?(\d{4})[a-z]?(?:\)[.:,;]*+|[.:,;]++)\s++(?=\S)")
_YEAR_LAST = re.compile(r"(?:;|(?<!\s)\s*+\(|(?<=[^\W\d_]{3})(?<![Vv]ol)[.?!]\.?\s)\s*+(\d{4})[a-z]?$")
_WORDS_AFTER_A_YEAR = 2


def _without_its_year(title: str, year: int | None, tagged: TaggedReference) -> str | None:
    """``title`` without the reference's ``year`` where a style prints it right before the title
    (`_YEAR_FIRST`, two words of title or more after it, or one that is the model's whole title:
    "2011. PATUS. In: …") or right after it (`_YEAR_LAST`): a work's title holds its own year
    otherwise ("Container Market Adoption Survey 2016", "1993. Retrospective")."""
    if year is None:
        return title
    first = _YEAR_FIRST.match(title)
    rest = title[first.end() :] if first else ""
    words = len(rest.split())
    if (
        first
        and int(first.group(1)) == year
        and (words >= _WORDS_AFTER_A_YEAR or (words and title_key(rest) == title_key(tagged.title or "")))
    ):
        return rest
    last = _YEAR_LAST.search(title)
    if last and int(last.group(1)) == year and title[: last.start()].strip():
        return title[: last.start()].rstrip()
    return title


# a venue's last comma and the year after it ("Cell,2015" of GB/T's "Cell,2015, 163(7):1663–1677")
_VENUES_YEAR = re.compile(rf",\s?+({YEARS})[a-z]?[.,;:]?$")
# a part's number in Roman numerals opening what was read as the venue ("X. American Economic
# Review" of "Models of Segregation. X. American Economic Review 1969; 59:488–493"), or all of it
_PARTS_NUMBER_FIRST = re.compile(rf"(?=[IVX]){ROMAN_NUMERAL}(?:[.:]\s++|$)")
# an issue's months or number in a parenthesis at the venue's end, closed or left open ("Federal
# Reserve Bank of St. Louis Review (July-August)" of "… Review (July-August): 435–452"); not other
# words, which are the name's ("Printing History (New Series)")
_ISSUES_WORD = rf"(?:{MONTH}\.?|\d{{1,4}})"
_ISSUE_AT_THE_END = re.compile(rf"\(\s*+{_ISSUES_WORD}(?:\s*+[-–/]\s*+{_ISSUES_WORD})?\s*+\)?$")


def _venue_without_what_is_not_its(venue: str | None, year: int | None, text: str) -> str | None:
    """``venue`` without what the readers read into it that is not its name: the reference's
    ``year`` after its last comma, where a style sets no space after the comma ("Nature
    Methods,2019, 16(8):715–721"); a part's number in Roman numerals that closes the title before
    a listed journal (not a meeting's ordinal, "V. International … Congress", nor a publisher's
    initial, "I. B. Tauris"); an issue's months or number in a parenthesis at its end; a link's
    label before the link ("European Commission. URL https://…"; not an archive's name, "…,
    arXiv"). None where nothing is left (a part's number alone: "Internet Tomography, IX.")."""
    if not venue:
        return venue
    read = venue
    found = _VENUES_YEAR.search(venue)
    if found and year is not None and int(found.group(1)) == year:
        venue = venue[: found.start()]
    opening = _PARTS_NUMBER_FIRST.match(venue)
    if opening and (opening.end() == len(venue) or is_listed_journal(venue[opening.end() :])):
        venue = venue[opening.end() :]
    venue = _without_a_links_label(_ISSUE_AT_THE_END.sub("", venue).rstrip(), text)
    venue = venue if venue == read else venue.strip(" ,;:")
    return venue or None


_EDITIONS_WORDS = frozenset(word.casefold() for word in reference_abbreviations().editions)  # "edition", "ed"


def names_a_book(book: str) -> bool:
    """Whether what follows a chapter's editors is a book's title: not its pages or a number
    ("(pp. 451–466)", "Routledge: 451–466"), a publisher ("Oxford: Oxbow Books") or an edition
    ("Third Edition")."""
    words = [word.casefold().strip(".,:;()") for word in book.split()]
    numbered = any(character.isdigit() for character in book) or book.startswith("(")
    published = any(word in _PUBLISHERS_WORDS for word in words)
    edition = len(words) <= 2 and any(word in _EDITIONS_WORDS for word in words)
    return bool(words) and not (numbered or published or edition)


def _without_the_venues_first_word(title: str | None, venue: str | None) -> str | None:
    """``title`` without the venue's abbreviated first word that it ends with after a colon or a
    comma, its period lost to the title's end ("… in an emergency department: Oper" of "…: Oper.
    Res. Health Care, Vol. 21", the venue "Oper. Res. Health Care"): a word the journals'
    abbreviations cut so, not a title's own last word ("…, USA" before "USA. Biodiversity …")."""
    from bibnorm.text.journals import is_listed_cut_word

    if not title or not venue:
        return title
    for mark in (": ", ", "):
        head, cut, last = title.rpartition(mark)
        abbreviated = cut and venue.startswith(f"{last}. ") and is_listed_cut_word(f"{last.split()[-1]}.")
        if abbreviated and len(head.split()) >= _WORDS_BEFORE_THE_VENUE:
            return head.rstrip()
    return title


# A chapter's "In", its editors and their mark right before its book (`printed.EDITORS_MARK`), in
# what the text prints before the rules' venue: the last "In" and the mark
_IN_WORD = re.compile(r"(?:(?<=[.,;:]\s)[Ii]n|(?<![^\W\d_])In):?\s")  # "In", ", in" (not "Problems in")
_EDITORS_MARK_LAST = re.compile(f"{EDITORS_MARK}$")
_EDITORS_MOST = 200  # the most characters of "In", the editors' names and their mark


def _the_book_after_its_editors(venue: str | None, read: str | None, text: str) -> str | None:
    """``venue``, or where none was chosen, the rules' (``read``) where the text prints it right
    after "In", a chapter's editors' names and their mark ("In: Brooks S, Gelman A, …, editors.
    Handbook of Markov Chain Monte Carlo. Chapman & Hall/CRC; 2011.", "In: Grace FAB (ed) Plant
    Resource Allocation."): the book, which the model reads as the publisher's words or the
    title's. Not a book's publisher after its own editors ("Title. (Zwillinger D, ed.). New York")."""
    if venue or not read:
        return venue
    at = text.find(read)
    before = text[max(at - _EDITORS_MOST, 0) : at] if at > 0 else ""
    opening = list(_IN_WORD.finditer(before))
    editors = before[opening[-1].end() :] if opening else ""
    mark = _EDITORS_MARK_LAST.search(editors)
    book = mark and _editors_names_alone(editors[: mark.start()]) and names_a_book(read)
    return read if book else venue


def _editors_names_alone(text: str) -> bool:
    """Whether ``text`` holds names alone: no digit, and no word in lower case but a particle or
    a word that joins names ("Brooks S, Gelman A, Meng X-L,", "R. Skeates and J. Day", "F. A. B.
    Grace,"; not "… Methods in Analysis, with Applications: Proceedings of the …")."""
    words = [word.strip(".,;:()&") for word in text.split()]
    lowered = [word for word in words if word[:1].islower()]
    joining = all(word in PARTICLES or word in _CONJUNCTIONS for word in lowered)
    return bool(words) and joining and not any(character.isdigit() for character in text)


# Where a venue's name may end before what follows it: a comma or a period and a blank, or a blank.
_VENUES_PARTS = re.compile(r"[,.]?\s")
# A publisher's words (the tagger's `publisher-word`s: "press", "elsevier", "wiley"; firms': "Inc.")
_PUBLISHERS_WORDS = publisher_words() | {firm.casefold().strip(".") for firm in publishers().firms}
_ACRONYM = re.compile(r"[A-Z]{2,8}")  # a body's acronym alone: "CSIRO", "IOP"
# a publisher's or a host's name, a whole word's end after it ("Informa", not "Information")
_APPENDED = re.compile(rf"(?i:{alternation(publishers().appended)})(?![^\W\d_])")


_PUBLISHERS_NAME_WORDS = 8  # the most words of a publisher's name and its place


def _a_publishers_name(tail: str, set_off: bool) -> bool:
    """Whether ``tail`` (what follows a journal's name) is a publisher's: an acronym alone, or no
    number and opening with a publisher's word ("Wiley Online Library", "Elsevier") or a
    publisher's or a host's name ("Public Library of Science San Francisco, USA"), or, ``set_off``
    by a comma or a period, holding a publisher's word ("AACN Publishing"); not a part of a longer
    name ("of theoretical biology, Elsevier" after "Journal")."""
    words = [word.casefold().strip(".,()") for word in tail.split()]
    if not words or len(words) > _PUBLISHERS_NAME_WORDS or any(character.isdigit() for character in tail):
        return False
    worded = words[0] in _PUBLISHERS_WORDS or (set_off and not _PUBLISHERS_WORDS.isdisjoint(words))
    return worded or _APPENDED.match(tail) is not None or _ACRONYM.fullmatch(tail) is not None


def _journal_without_its_publisher(venue: str | None) -> str | None:
    """``venue`` without the publisher's name that a listed journal's is followed by, after a comma,
    a period or a blank ("Ann. Emerg. Med., Elsevier", "Plant Cell Environ., Wiley Online Library",
    "Functional Plant Biology. CSIRO", "Nature Nature Publishing Group"), as records exported with
    their publisher print them: a publisher's word, an acronym alone or a publisher's or a host's
    name (publisher-words.json's appended) after it, the whole no listed journal's name."""
    from bibnorm.text.journals import is_listed_cut_word

    if not venue:
        return venue
    for cut in _VENUES_PARTS.finditer(venue):
        head, tail = venue[: cut.start()], venue[cut.end() :].strip(" .,;:")
        published = _a_publishers_name(tail, set_off=venue[cut.start()] in ",.")
        if published and is_listed_journal(head) and not is_listed_journal(venue):
            # (an abbreviated last word keeps its period: "Ann. Emerg. Med.")
            abbreviated = venue[cut.start()] == "." and is_listed_cut_word(f"{head.rpartition(' ')[2]}.")
            return f"{head}." if abbreviated else head
    return venue


def _without_a_links_label(venue: str, text: str) -> str:
    """``venue`` without a link's or an identifier's label it ends in, where the link follows it
    in ``text`` ("European Commission. URL https://…")."""
    head, _, last = venue.rstrip(" .,;:").rpartition(" ")
    at = text.find(venue)
    after = text[at + len(venue) :].lstrip(" :") if at >= 0 else ""
    linked = after.startswith(("http", "www.", "doi", "10."))
    return head if head and linked and last.casefold() in _LABELS else venue


def _without_a_number_left_open(title: str) -> str | None:
    """``title`` without a parenthesis it leaves open that opens with a number: what a style prints
    after the title, where the title read was cut inside it — the original's year of a reprint
    (OUP's "Hermann Zapf and the World He Designed (1984; New York, NY, USA, 2019)", read up to
    the semicolon), an edition ("(2nd, Berlin …"). A title's own parenthesis is closed in it."""
    opened = _OPENED_BY_A_NUMBER.search(title)
    return title[: opened.start()].rstrip(" .,;:") or None if opened else title


_OPENED_BY_A_NUMBER = re.compile(r"\(\d[^()]*$")


def _without_its_medium(title: str) -> str | None:
    """``title`` up to the medium or kind of work in brackets that closes it (kinds-of-work.json's
    designators: NLM's "[Internet]", GOST's "[Электронный ресурс]", "[Electronic resource]"), which
    the model, never trained on a style that prints it, may read as the title's last words, and
    what it read on after it (GOST's "Теория чисел [Электронный ресурс]. М.: Наука"); and without
    the one that opens it (`_MEDIUM_FIRST`)."""
    title = _MEDIUM_AND_AFTER.sub("", title, count=1)
    first = _MEDIUM_FIRST.match(title)
    return (title[first.end() :] if first and title[first.end()].isupper() else title) or None


# (after a letter, not a blank: tried from a run's first blank only; the first found runs to the end;
# a mark after it, not a word: "Bridging [Text] and Images" is a title's own bracket)
_MEDIUM_AND_AFTER = re.compile(rf"(?<=\S)\s*+\[{kinds_of_work().designator()}\](?:\s?[.,:;/](?s:.*))?$")
# the same medium opening the title, as an author-date style prints it after the date ("(2014)
# [online] Introducing and Implementing the Allpairs Skeleton …"), a capitalised word after it
_MEDIUM_FIRST = re.compile(rf"\[{kinds_of_work().designator()}\][.,:;]?\s++(?=[^\W\d_])")


def _without_a_count_of_pages(title: str) -> str | None:
    """``title`` without a book's count of pages in the parenthesis that closes it, which styles
    print after the title (APA's variants: "Climate Science Special Report … (p. 470)", "(p. viii
    + 240)", Turkish "(s. 364)"; reference-abbreviations.json's ``page_counts``), or the
    parenthesis left open at its abbreviation, where the title read was cut at its period
    ("Hermann Zapf and the world he designed (s")."""
    counted = _COUNT_OF_PAGES.search(title)
    return title[: counted.start()].rstrip(" .,;:") or None if counted else title


# (opened at its parenthesis, after a blank: searched from each parenthesis alone, not from each
# blank of a run)
_PAGES_COUNTED = r"(?:[xivlc]++\s?\+\s?)?\d++"
_PAGE_COUNT_WORD = alternation(reference_abbreviations().page_counts)
_PAGE_COUNT_ABBREVIATION = alternation(
    bare_words(word for word in reference_abbreviations().page_counts if word.endswith("."))
)
_COUNT_OF_PAGES = re.compile(
    rf"(?<=\s)\((?:{_PAGE_COUNT_WORD}\s?{_PAGES_COUNTED}|{_PAGES_COUNTED}\s?{_PAGE_COUNT_WORD})\)$"
    rf"|(?<=\s)\({_PAGE_COUNT_ABBREVIATION}\.?$"
)


def _without_the_venue(title: str | None, venue: str | None, text: str) -> str | None:
    """``title`` without the venue chosen where it ends with it after a comma or a sentence's end
    and the reference prints that venue once ("Maintaining views incrementally, ACM SIGMOD Record
    22 (1993)" read with the title "Maintaining views incrementally, ACM SIGMOD Record"; ISO 690's
    "Fractal Aspects of the Iteration …. Annals of the New York Academy of Sciences [on-line].
    Blackwell Publishing Ltd, 1980, Vol. 357" read with the journal in the title): one printed span is one
    field, and the venue's reading (the model's and the rules') placed it. Not a word alone that
    no list names (a volume's Roman number read as the venue, "Internet Tomography, IX."), nor
    the end of a quoted title ("“VisPy: Harnessing The GPU For Fast, High-Level Visualization”",
    its last words misread as the venue). A venue's acronym counts as a word alone ("Two Distinct
    … Sounds, INRIA.", "ArcGIS Pro, CFDCAP."), and is left out after the title's last word too,
    no comma between, where the reference closes its field after it ("… Uncertainty-Aware
    Regression CVPR,.": a style that prints the proceedings' acronym right after the title)."""
    if not title or not venue or text.count(venue) != 1:
        return title
    after = text[text.index(venue) + len(venue) :]
    if after.lstrip(" ,.")[:1] in _CLOSING_QUOTES:
        return title
    acronym = _VENUES_ACRONYM.fullmatch(venue.strip(" .,")) is not None and not PART_NUMBER.fullmatch(venue)
    for mark in (",", ". "):
        head, cut, last = title.rpartition(mark)
        same = cut and last.strip(" .") == venue.strip(" .") and len(head.split()) >= _WORDS_BEFORE_THE_VENUE
        if not same:
            continue
        # after a sentence's end, only a listed journal's name: a title's last sentence may be read
        # as a venue ("Planck 2018 results. VI. Cosmological parameters, 641, A6"), and an acronym
        # or a case's parties may be a title's own ("… Protocol. ISO", "Braswell v. Board of …")
        if (cut == "," and (len(venue.split()) > 1 or acronym)) or is_listed_journal(venue):
            return head.rstrip()
    return _without_an_acronym_last(title, venue, after) if acronym else title


def _quoted_before_the_venue(title: str, venue: str | None) -> str:
    """The quotation alone where ``title`` is a quoted title, its closing mark, a sentence's end
    and the venue chosen ("“Zotero”. Google" of "Google. “Zotero”. Google, 2021.", the venue
    "Google"): a short title the rules read on past its quotes, a group's name the author and the
    publisher both, which `_without_the_venue` leaves (the venue printed twice)."""
    head, period, last = title.rpartition(". ")
    if not (venue and period and last.strip(" .") == venue.strip(" .")):
        return title
    quoted = head.strip()
    closing = QUOTATION_MARKS.get(quoted[:1])
    inside = quoted[1:-1]
    whole = closing is not None and quoted.endswith(closing) and closing not in inside
    return inside.strip() if whole and inside.strip() else title


# The word that opens a part's venue, last in a title after its comma: the title chosen up to where
# the model's venue starts, the word it reads as none ("…, dans Environ. Toxicol. Chem." read as
# "… streams, dans"; reference-abbreviations.json `venue_leads`), as printed or capitalised; a
# capital letter alone is a part's number ("easyTeX, I").
_VENUE_LEADS = reference_abbreviations().venue_leads
_CAPITALISED_LEADS = tuple(lead.capitalize() for lead in _VENUE_LEADS if len(lead) > 1)
_A_VENUES_LEAD_LAST = re.compile(rf",\s++(?:{alternation((*_VENUE_LEADS, *_CAPITALISED_LEADS))}):?$")


def _without_a_venues_lead(title: str) -> str:
    """``title`` without the word that opens a venue after its last comma (`_A_VENUES_LEAD_LAST`)."""
    lead = _A_VENUES_LEAD_LAST.search(title)
    return title[: lead.start()] if lead else title


def _the_book_opened_by_in_before_its_editors(
    title: str | None, venue: str | None, tagged: TaggedReference
) -> tuple[str | None, str | None]:
    """No title, and the book as the venue, where the title read opens with "In" and the model
    reads the book's editors right after it, or the chapter's pages after it and no journal
    (`_a_chapters_pages_after`): a chapter whose style printed no title of its own ("Geweke J
    (1996). In Bayesian Statistics 7 [Bernardo JM, …, editors]. Oxford University Press.", "D. I.
    Beaver, B. Geurts, In The Stanford Encyclopedia of Philosophy, Zalta, E. N., Ed., 2014.")."""
    own = tagged.text_of("title") or ""
    head, _, book = own.partition(" ")
    if not book or _IN.fullmatch(head) is None or not title_key(title or "").startswith(title_key(own)):
        return title, venue
    read = tagged.run_of("title")
    # (the editors' list may open with a word the model reads as none: "[Bernardo JM", "Zalta,")
    edited = "editor" in tagged.labels[read.stop : read.stop + _EDITORS_AFTER_THE_BOOK]
    if not (edited or _a_chapters_pages_after(tagged, read.stop)):
        return title, venue
    return None, venue or book.rstrip(" ,.;:")


def _a_chapters_pages_after(tagged: TaggedReference, start: int) -> bool:
    """Whether the model reads a range of pages from token ``start`` on and no journal: a chapter's
    pages in the book ("Goia, A.; Vieu, P. In Contributions in Infinite-Dimensional Statistics …;
    Societa Editrice Esculapio, 2014; pages 135–141."), which a book's own title ("In Cold Blood.
    Random House, 1966.") or an article's before its journal ("In Defense of …. Journal of
    Democracy 12: 1–15") has not."""
    after = range(start, len(tagged.tokens))
    if any(tagged.labels[at] == "container" for at in after):
        return False
    return any(tagged.labels[at] == "pages" and _PAGE_RANGE.search(tagged.tokens[at]) for at in after)


# A chapter's book after its title's end, opened by "In:" (Vancouver's, Springer's): a title's
# sentence never opens so, a title read across it holds the book.
_IN_A_BOOK = re.compile(r"(?<=[.?!])\s++In:\s++(?=\S)")


def _the_book_apart_from_the_title(title: str | None, venue: str | None) -> tuple[str | None, str | None]:
    """The title up to "In:" after its end, the book after it the venue, where the title read runs
    on into the book ("Hierarchical Data Format 5: HDF5. In: Handbook of Open Source Tools." read
    as one title, the publisher as the venue)."""
    book = _IN_A_BOOK.search(title or "")
    if not title or not book or len(title[: book.start()].split()) < 2:
        return title, venue
    return title[: book.start()].rstrip(" ."), title[book.end() :].rstrip(" .,;:")


# the most tokens after the book's name up to the first the model reads as an editor's
_EDITORS_AFTER_THE_BOOK = 3


_CLOSING = {"(": ")", "[": "]"}  # a bracket and what closes it
# a word of letters and digits ("osmdata", "r2d3", "Herschel-ATLAS", "ggplot2"), its sentence's period
_LONE_WORD = re.compile(r"[^\W_][\w+-]{1,40}\.")
# a field's cue, a number's or a venue's abbreviation ("Vol.", "pp.", "Tech.", "Proc."), never a
# one-word title
_CUE_WORDS = frozenset(
    word.casefold()
    for word in (
        *reference_cues(),
        *_CUES,  # the numbers' abbreviations among them
        *reference_abbreviations().after_quotation,
        *bare_words(reference_abbreviations().venues),
    )
)


def _a_lone_words_title(tagged: TaggedReference) -> str | None:
    """The one word the model reads as no field, a sentence of its own after the names, where
    nothing else is the title: a software package's or a survey's name ("Padgham M. osmdata.
    2021.", "Kubinec R. 2025. ordbetareg."), which the model, having met few one-word titles,
    does not read as one. Not a field's cue ("Vol."), nor one of two such words, nor a word inside
    brackets ("(Tech. Rep. No. 55)")."""
    start = tagged.author_list_end()
    if start == 0:
        return None
    lone = [
        at
        for at in range(start, len(tagged.tokens))
        if _LONE_WORD.fullmatch(tagged.tokens[at]) and _read_as_no_field(tagged, at)
    ]
    if _a_family_name_alone_last(tagged, start):
        lone.append(start - 1)
    if len(lone) != 1 or not tagged.tokens[lone[0] - 1].endswith("."):
        return None
    word = tagged.tokens[lone[0]].rstrip(".")
    before = tagged.tokens[: lone[0]]
    inside_brackets = any(_left_open(before, opening, closing) for opening, closing in _CLOSING.items())
    if word.casefold() in _CUE_WORDS or inside_brackets:
        return None
    # a journal's name: its abbreviation ("PhRvD. 2017;7:1949") or its first word cut ("Mol. Phys.
    # 119 (10)", "Bull. Mus. Comp. Zool. 102")
    journal = is_listed_journal(word) or _cut_from_a_journals_name(word, " ".join(tagged.text.split()))
    return None if journal else word


def _a_lone_word_and_the_names(
    names: tuple[str, ...], tagged: TaggedReference
) -> tuple[str | None, tuple[str, ...]]:
    """Where no title was chosen: the lone word's (`_a_lone_words_title`), and the names without
    it, which the model may take for a name ("Roundy D. Darcs."): the names chosen, or where none
    were, the model's."""
    title = _a_lone_words_title(tagged)
    if not title:
        return None, names
    return title, tuple(name for name in names or tagged.written_authors() if name.rstrip(".") != title)


def _the_titles_article_back(
    title: str | None, names: tuple[str, ...], text: str
) -> tuple[str | None, tuple[str, ...]]:
    """The title with its article "A" and the names without it, where the names took it for an
    initial (no period after it) and the title opens in lower case after it ("Peterson, A
    bibliography of the Kelmscott Press vol. 24 (1984).")."""
    if not title or not title[:1].islower() or not names or f" A {title}" not in text:
        return title, names
    last = names[-1]
    if last == "A":
        return f"A {title}", names[:-1]
    if last.endswith((" A", ",A")):
        return f"A {title}", (*names[:-1], last[:-1].rstrip(" ,"))
    return title, names


# A first author's initials, "et al." and the family name, as BibTeX prints a record's author
# "Abbott, B. P. et al.": "B. P. et al. Abbott. Title."
_ET_AL_BEFORE_THE_FAMILY = re.compile(
    rf"((?:{LATIN_CAPITAL}\.[\s-]?+){{1,3}})\s*+et\s++al\.?\s++([^\W\d_][\w'’-]*+)\.\s"
)


def _the_family_name_after_et_al(
    title: str | None, names: tuple[str, ...], tagged: TaggedReference
) -> tuple[str | None, tuple[str, ...]]:
    """The title and names where a malformed record's first author prints its initials, "et al."
    and its family name ("B. P. et al. Abbott. Observation of gravitational waves … Phys. Rev.
    Lett., 116:061102"), which the readers took for the title: the name "B. P. Abbott" and "others",
    the sentence after it the title."""
    found = _ET_AL_BEFORE_THE_FAMILY.match(tagged.text)
    if not found or not title or not names or names[0].strip(" .") != found.group(1).strip(" ."):
        return title, names
    family = found.group(2)
    if title.strip(" .") != family and not title.startswith(f"{family}. "):
        return title, names
    own = tagged.title or ""
    title = own[len(family) + 1 :] if own.startswith(f"{family}.") else title[len(family) + 2 :]
    # (no title left: the sentence the text prints after the name)
    title = title.strip(" .") or tagged.text[found.end() :].partition(". ")[0].strip() or None
    return title, (f"{found.group(1).strip()} {family}", "others")


def _a_family_name_alone_last(tagged: TaggedReference, end: int) -> bool:
    """Whether the author list that ends before token ``end`` ends with a word the model reads as a
    family name with no initials of its own, its sentence's period after it, right after a whole
    name printed family first ("Roundy D. Darcs. 2008.", "Wickham H. Tidyverse. 2019."): a
    Vancouver style's one-word title, which a name there never is (each name has its initials;
    "D. Roundy, J. Darcs." is two names printed given name first). A list of that name alone
    opens with no given name ("Nicolas P. Rougier." is one name, given name first)."""
    at = end - 1
    if at < 2 or tuple(tagged.labels[at - 2 : end]) != ("family", "given", "family"):
        return False
    family, initials, word = tagged.tokens[at - 2 : end]
    # (a given name before the family name only as the end of the name before it: "Francois R,")
    if at == 2:
        opening = not is_given_name(family)
    else:
        opening = tagged.labels[at - 3] != "given" or tagged.tokens[at - 3].endswith(",")
    whole_name = not family.endswith(",") and opening
    return whole_name and initials.endswith(".") and _LONE_WORD.fullmatch(word) is not None


def _read_as_no_field(tagged: TaggedReference, at: int) -> bool:
    """Whether the model reads the word at ``at`` as no field, or as one it is unsure of that
    holds it alone: a title of that word alone ("Kegel, P., …. 2013. dOpenCL.", the model's title
    too weak to be chosen), or the end of the date run it glued the word to after the year's
    sentence ("(2022). r2d3."; a word, no month: "(2019). June.")."""
    label = tagged.labels[at]
    if label == "other":
        return True
    if label == "title":
        return tagged.run_of("title") == range(at, at + 1)
    word = tagged.tokens[at].rstrip(".").casefold()
    last_of_the_date = at + 1 == len(tagged.labels) or tagged.labels[at + 1] != "date"
    return (
        label == "date"
        and last_of_the_date
        and tagged.labels[at - 1] == "date"
        and _YEAR_ALONE.search(tagged.tokens[at - 1]) is not None
        and any(character.isalpha() for character in word)
        and word not in MONTH_SPELLINGS
    )


def _without_an_unclosed_bracket(title: str, text: str) -> str:
    """``title`` cut before its first bracket that it leaves open where the reference ``text``
    closes it further on ("Handbook of Integration (A. K. Peters, Ltd., Wellesley, MA, USA)": the
    title ran into the publisher's parenthesis). A bracket the text closes right after the title
    is the title's own, its closing mark taken as punctuation ("Typography 22 (Typography)."), and
    one the text never closes is kept; a title that would be left with nothing is kept whole."""
    opened: list[tuple[int, str]] = []
    for at, character in enumerate(title):
        if character in _CLOSING:
            opened.append((at, _CLOSING[character]))
        elif opened and character == opened[-1][1]:
            opened.pop()
    if not opened:
        return title
    after = _printed_after_the_title(title, text)
    start, closing = opened[0]
    if closing not in after or after.startswith(closing):
        return title
    return title[:start].rstrip(" ,.;:") or title


def _without_an_acronym_last(title: str, venue: str, after: str) -> str:
    """``title`` without the venue's acronym that is its last word, where the reference closes
    the venue's field right after it (``after``: what it prints after the venue)."""
    head, _, last = title.rpartition(" ")
    closed = after[:1] in (",", ".", ";")
    glued = closed and last == venue.strip(" .,") and len(head.split()) >= _WORDS_BEFORE_THE_VENUE
    # (not after the word that opens a venue, "… transformers. In: CVPR": the venue's whole line
    # is the rules' run-on, which the choices before weighed)
    return head.rstrip() if glued and not _IN.fullmatch(head.split()[-1]) else title


_WORDS_BEFORE_THE_VENUE = 2
# A venue's acronym: capitals ("CVPR", "INRIA", "CFDCAP"), or a capital's word with a second
# capital inside ("NeurIPS", "SysML", "MobiCom", "SoCC").
_VENUES_ACRONYM = re.compile(r"[A-Z]{2,8}|[A-Z][a-z]{1,5}[A-Z][A-Za-z]{0,6}")


def _venue_apart_from(title: str | None, venue: str | None, text: str) -> str | None:
    """``venue``, unless the title kept lies inside it, with more words, and the reference prints
    the title once: the venue ran over the names and the title ("MICROSOFT. iSCSI. 2015. Acesso
    em: …", a web page's title read with its firm's name as one venue). A title printed again in
    the venue keeps both ("Learning. Learning and Memory, 81(3)"), and so does a listed journal's
    name. A venue that is the title's words alone stays too: which of the two the one printed span
    is, the choices do not tell (a web page's title, "Ian Kaplan. Shannon Entropy, 2002. Available
    from: http://…"; as often the site's name the title was read from, the page's own title read
    as its author: CSL's "scikit-learn. EUROSTAT. Accessed on …")."""
    if not title or not venue or text.count(title) != 1 or is_listed_journal(venue):
        return venue
    words, over = _word_run(title), _word_run(venue)
    return None if words != over and f" {words} " in f" {over} " else venue


def _venue_after_the_title(title: str | None, venue: str | None, text: str) -> str | None:
    """``venue`` without the part of a work in a series it opens with (a part's or a paper's word,
    a Roman numeral) where that part ends the title kept and the reference prints it once: the
    model's venue begun at the part's number inside the title the rules read whole ("… with SDSS.
    II. Stellar Metallicity. ApJ, 684(1)" read with the title "… with SDSS. II. Stellar
    Metallicity" and the venue "II. Stellar Metallicity. ApJ"); none where nothing is left."""
    venues = venue.split() if venue else []
    if (
        not title
        or not venues
        or not (venues[0] in _SERIES_PART_WORDS or PART_NUMBER.fullmatch(venues[0].rstrip(".:,")))
    ):
        return venue
    titles = title.split()
    for count in range(min(len(titles), len(venues)), 0, -1):
        shared = " ".join(venues[:count])
        if _word_run(" ".join(titles[-count:])) == _word_run(shared) and text.count(shared.rstrip(".")) == 1:
            return " ".join(venues[count:]).strip(" .,;:") or None
    return venue


def _fills(tagged: TaggedReference, label: str, own: object, venue: str | None) -> bool:
    """Whether the model's reading of a field the rules read none of may fill it: a title only
    right after its names (`_fills_the_title`) and where it is not what the rules read as the
    ``venue`` (`_read_as_the_venue`)."""
    return label != "title" or (_fills_the_title(tagged) and not _read_as_the_venue(own, venue))


def _venue_read_as_the_title(
    tagged: TaggedReference, venue: str | None, title: str | None, read: str | None
) -> str | None:
    """The venue chosen (``venue``), else the rules' (``read``) where no title is kept and the
    model read the rules' venue as its title (`_read_as_the_venue`), or as its title and the
    venue chosen ("Mem. della Soc" and "Astron. Ital."): the venue of a style that prints no
    title."""
    if title is not None or not read:
        return venue
    if venue is None and _read_as_the_venue(tagged.title, read):
        return read
    split = (
        venue is not None and tagged.title is not None and _read_as_the_venue(f"{tagged.title} {venue}", read)
    )
    return read if split else venue


def _read_as_the_venue(title: object, venue: str | None) -> bool:
    """Whether the model's title is what the rules read as the venue, and no title: a style that
    prints none (the AAS's "… 2011, Osong Public Health and Research Perspectives, 10.1016/…")."""
    return bool(title) and bool(venue) and _word_run(str(title)) == _word_run(str(venue))


def _word_run(text: str) -> str:
    """The words of ``text``, case-folded, one blank between them (no punctuation)."""
    return " ".join(_WORD_RUN.findall(text.casefold()))


def _the_inverted_journals_subject(
    title: str | None, venue: str | None, text: str
) -> tuple[str | None, str | None]:
    """The title and the venue where the venue is the head of a journal's name printed inverted
    (`journals.uninverted`: "…. Automatic Control, IEEE Transactions on, 45(10)" read with the
    venue "IEEE Transactions on" and the title ending in "Automatic Control"): the part printed
    right before it — after a sentence's period, a comma or a closing quotation mark — is the
    name's subject, the venue's, and no title's. Only where the name, whole, is a listed
    journal's and the reference prints the venue once."""
    from bibnorm.text.journals import ends_inverted  # local: the list's module is large

    if not venue or not ends_inverted(venue) or text.count(venue) != 1:
        return title, venue
    before = text[: text.index(venue)].rstrip()
    if not before.endswith(","):
        return title, venue
    subject = before[max(before.rfind(mark, 0, -1) for mark in _SUBJECTS_OPENING) + 1 : -1].strip()
    whole = f"{subject}, {venue.strip()}"
    if not subject or not is_listed_journal(whole):
        return title, venue
    if title and title.endswith(subject):
        title = title[: -len(subject)].rstrip(" .,;:") or None
    return title, whole


# A part's number opening a venue read, a part's or a paper's word before it or a Roman numeral of
# two letters or more: the title's next part ("Part I: New lower bounds for the oriented case" of
# "The two-dimensional finite bin packing problem. Part I: New lower bounds for the oriented case,
# 4OR 1 (2003) 27–42.", "II. Stellar Metallicity. ApJ" of "… with SDSS. II. Stellar Metallicity.
# ApJ, 684, 287."), never a venue's name.
_PARTS_OPENING = re.compile(
    rf"(?:{alternation(_SERIES_PART_WORDS)}\s(?:(?=[IVX]){ROMAN_NUMERAL}|\d{{1,3}})|(?=[IVX]{{2}}){ROMAN_NUMERAL})[.:]\s"
)


def _the_parts_title_read_as_the_venue(
    title: str | None, venue: str | None, text: str
) -> tuple[str | None, str | None]:
    """The title with its next part where both readers took that part, opened by a part's number,
    for the venue (`_PARTS_OPENING`), the text printing the two one after the other; the venue is
    what follows the part's sentence. A number that ends a sentence ("II.") is followed by the
    part's title only where another sentence follows it ("… XXIV. J Atmos Sci 40": the number ends
    the title, the journal follows), and not by a journal's name ("XI. J. Chem. Phys.")."""
    if not title or not venue or (opening := _PARTS_OPENING.match(venue)) is None:
        return title, venue
    end = venue.find(". ", opening.end())
    part, rest = (venue, None) if end < 0 else (venue[:end], venue[end + 2 :].strip() or None)
    joined = f"{title}. {part}"
    sentence = opening.group().rstrip().endswith(".")
    if (sentence and (rest is None or _a_journals_name(venue[opening.end() :]))) or len(
        part[opening.end() :].split()
    ) < _SUBTITLE_WORDS - 1:
        return title, venue
    return (joined, rest) if joined in " ".join(text.split()) else (title, venue)


def _the_journal_run_into_the_title(
    title: str | None, venue: str | None, text: str
) -> tuple[str | None, str | None]:
    """The title and the venue where a style prints the journal right after the title, no mark
    between, and its volume right after the journal ("… Effects of Exposure to Tones
    Electroencephalography and Clinical Neurophysiology, 86, pp. 283–293 (1993)", "… in R
    Bioinformatics, 33, …"): the title's last words and what runs on from them to the numbers,
    where together they are a listed journal's name (`is_listed_journal`), are the venue ("…
    approach J." and "Phys. Chem. Lett." read apart; "… Pancreas" and no venue before "Cell
    Metab., 24"; "… Expansion Phys" and the venue "Phys. Rev. B"). A sentence's period after the
    title ends it but after a journal's abbreviated word ("Phys."); not after a minor word that a
    title's words run on from ("Advances in Bioinformatics"), nor a journal's one word that is an
    English word, as a title's last word may be ("… Gravitational-wave Astronomy, 241, 27", the
    style leaving out ApJS's macro); the title keeps `_WORDS_BEFORE_THE_VENUE` words."""
    from bibnorm.text.journals import is_listed_cut_word  # local: the list's module is large

    flat = " ".join(text.split()) if title else ""
    if not title or flat.count(title) != 1:
        return title, venue
    after = flat[flat.index(title) + len(title) :]
    following = _UP_TO_THE_NUMBERS.match(after)
    run = following.group() if following else ""
    if _VOLUME_NEXT.match(after, len(run)) is None:
        return title, venue
    words = title.split()
    closed = run[:1] not in ("", " ") and not (run[:1] == "." and is_listed_cut_word(f"{words[-1]}."))
    if closed:  # the title's field closed by its own mark: what follows is another's
        return title, venue
    read = venue and venue.strip(" .")
    for cut in range(_WORDS_BEFORE_THE_VENUE, len(words) + 1):
        journal = f"{' '.join(words[cut:])}{run}".strip(" ,")
        if read in (None, run.strip(" ."), journal.strip(" .")) and _a_journal_after(words[cut - 1], journal):
            return " ".join(words[:cut]).rstrip(" ,;:"), venue if read == journal.strip(" .") else journal
    return title, venue


def _a_journal_after(word: str, journal: str) -> bool:
    """Whether ``journal``, after a title's ``word``, is a listed journal's name that no title's
    words run on into: not after a minor word, not one English word."""
    if not journal or not journal[0].isupper() or word.casefold() in _MINOR:
        return False
    english = journal.isalpha() and is_english_word(word_key(journal))
    return not english and is_listed_journal(journal)


_MINOR = minor_words().words


_SUBJECTS_OPENING = '.,:;”"’'  # what ends the field before an inverted journal's subject
_CLOSING_QUOTES = frozenset("”\"»’'")


def _printed_after(title: str) -> int | None:
    """Where what a style prints after a title starts, in it: an editors' statement (in
    parentheses or not), a day's date, pages, a publisher, a report's designation or an edition's
    ordinal, at its end or before the fields after it (the first of them found, in that order)."""
    for pattern in (
        _EDITED_AT_THE_END,
        _EDITORS_AT_THE_END,
        _DATED_AT_THE_END,
        _PAGES_AT_THE_END,
        _PUBLISHER_AT_THE_END,
    ):
        if (found := pattern.search(title)) and found.start() > 0:
            return found.start()
    if (event := _EVENT_AT_THE_END.search(title)) and not names_a_meeting(title[: event.start()]):
        return event.start()
    if report := report_at_the_end(title) or report_in_parentheses(title):
        return report
    edition = _EDITION_AT_THE_END.search(title)
    if edition and len(title[: edition.start()].split()) >= _WORDS_BEFORE_AN_EDITION:
        return edition.start()
    inside = _EDITION_INSIDE.search(title)
    return inside.start() if inside and inside.start() > 0 else None


# A day's date after a title, set off by a comma, a colon or a parenthesis: a date field a style
# prints next ("Hebrew letter (with source), 11 February 1981", "Including pictures in TeX, April
# 1", "UniSpeech, July 6, 2021", "Introduction to Statistics (1 May 1991)"); a day, its month
# named (months.json), the year maybe. Not a range of days: a meeting's (`_EVENT_AT_THE_END`).
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\.?"
_DATED_AT_THE_END = re.compile(
    rf"(?:[,:;]|\s\()\s*+(?:{_DAY}\s+{MONTH}\.?(?:,?\s+\d{{4}})?|{MONTH}\.?\s+{_DAY}(?:,\s*+\d{{4}})?)\)?$"
)
# A meeting's days after a title and its comma, a range of days in one month: the date of the event
# a paper was given at, which a style prints after its title ("Brainstorm: A User-Friendly
# Application for MEG/EEG Analysis, 24–26 November 2011", "…, October 15–17, 1997", or its year
# read apart, "…, October 15–17"), part of the title only where the title is a meeting's name
# (`_ref_entry_types.names_a_meeting`).
_DAYS = rf"{_DAY}\s?+[–-]\s?+{_DAY}"
_EVENT_AT_THE_END = re.compile(rf",\s*+(?:{_DAYS}\s+{MONTH}\.?|{MONTH}\.?\s+{_DAYS})(?:,?\s+\d{{4}})?$")
# The journal's volume right after its name (`_the_journal_run_into_the_title`): not a year ("…
# Tree Tensor Networks. 2022."), nor a meeting's day or days ("… Networks, 21–22 June 2022.").
_VOLUME_NEXT = re.compile(rf",?\s?(?!(?:1[5-9]|20)\d\d\b|{_DAY}(?:\s?+[–-]\s?+{_DAY})?\s+{MONTH})\d")


# Pages after a title and a comma, their word first ("Minimum Spanning Trees, pages 541–544"; the
# page words of reference-abbreviations.json): a chapter's, the rules reading the title up to them.
_PAGES_AT_THE_END = re.compile(
    rf",\s*+(?:{alternation(reference_abbreviations().pages)})\s*+\d++(?:\s*+[–-]++\s*+\d++)?\.?$",
    re.IGNORECASE,
)
# A publisher's name alone after a title's comma or sentence, its place maybe after it: a book's
# publisher the readers read into the title ("Numerical Optimization, Springer", "Lattice:
# Multivariate Data Visualization with R. Springer, New York"; publisher-words.json's names printed
# after a place, "Springer", "Wiley", "Elsevier", "… Press").
_PUBLISHER_AT_THE_END = re.compile(
    rf"[,.]\s++(?:[A-Z][\w&’'-]*+\s++){{0,3}}(?:{alternation(publishers().after_place)})(?:-Verlag)?"
    rf"(?:,\s++[A-Z][\w.’'-]*+(?:\s++[A-Z][\w.’'-]*+){{0,2}})?$"
)
# An edition's statement after a title, the record's edition field as a style prints it: its
# ordinal alone ("Microeconomic Analysis, Third", "Principles of Neural Science Fourth"); after a
# comma or a period, an ordinal with a qualifier or an edition's word, in any language of editions
# ("…, third ed.", "… , third edn", "…, 2nd rev. ed", "…, 3e édition", "…, 2a ed", "…, third Aufl",
# "…, Fifth revised"), bare figures with an abbreviated word (GOST's "… вероятностей. 8 изд",
# "…, 2 edn"), or with neither mark as Springer Nature prints it ("Microeconomic Analysis third edn
# (…)", "… fifth revised edn"), or an ordinal in figures alone (`_LETTERED_FIGURES`: "… with R.
# 2nd"); an ordinal and its word in parentheses ("… (2. Aufl.)", "… (Second revised edition.)";
# reference-abbreviations.json's edition ordinals, ordinal endings, qualifiers, words and
# abbreviations). Not after "the" ("Henry the Fifth"), nor after fewer than two words; not a
# title's own edition: spelled out ("Title: Second Edition", "Theory of Elasticity (Third
# Edition)", "DAFX: Digital Audio Effects, second edition") or its English word capitalised.
_SPELLED = rf"(?:{alternation(reference_abbreviations().edition_ordinals)})"
_FIGURES = ORDINAL_IN_FIGURES
_QUALIFIER = rf"(?:{alternation(reference_abbreviations().edition_qualifiers)})\.?"
# (after figures any edition's word but English "Edition" capitalised: dblp's and publishers'
# titles hold it, "Speech and Language Processing, 2nd Edition"; after a spelled-out ordinal, an
# abbreviated word: "DAFX: Digital Audio Effects, second edition" is as often a title's own)
_EDITION_WORD = rf"(?-i:(?!Edition\b))(?:{alternation(reference_abbreviations().editions)})\.?"
_ABBREVIATED = rf"(?:{alternation(reference_abbreviations().edition_abbreviations)})\.?"
# an ordinal in figures with a lettered ending alone ("… with R. 2nd", "…, 3rd"), as a style prints
# a record's edition field that holds no edition's word: not a bare ending, "2a" may be a part's
_LETTERED_ENDINGS = [
    ending
    for ending in reference_abbreviations().edition_ordinal_endings
    if len(ending) >= 2 and ending.isalpha()
]
_LETTERED_FIGURES = rf"\d{{1,2}}(?:{alternation(_LETTERED_ENDINGS)})"
_EDITION_AT_THE_END = re.compile(
    # (from a run's first mark only: a search that tried each mark of a long run was quadratic)
    rf"(?<![Tt]he)(?<![\s,.;:])"
    rf"(?:[\s,.;:]++{_SPELLED}\.?"
    rf"|(?:\s?+[,.]++\s*+|\s++)"
    rf"(?:{_FIGURES}(?:\s++{_QUALIFIER})?\s++{_EDITION_WORD}|(?:{_SPELLED}|\d{{1,2}})(?:\s++{_QUALIFIER})?\s++{_ABBREVIATED})"
    rf"|\s?+[,.]++\s*+(?:{_SPELLED}|{_FIGURES})\s++{_QUALIFIER}"
    rf"|\s?+[,.]++\s*+{_LETTERED_FIGURES}\.?"
    rf"|,?\s\((?:{_FIGURES}|{_SPELLED})(?:\s++{_QUALIFIER})?\s++{_EDITION_WORD}\))$",
    re.IGNORECASE,
)
_WORDS_BEFORE_AN_EDITION = 2
# An edition's statement alone, its publisher's parenthesis after it: "fifth revised edn", "second
# edition (Libreria Editrice Cafoscarina, Venice, Italy)"
_AN_EDITION_ALONE = re.compile(
    rf"(?:{_SPELLED}|{_FIGURES})(?:\s++{_QUALIFIER})?\s++(?:{_EDITION_WORD}|{_ABBREVIATED})(?:\s*+\([^()]*+\)?)?",
    re.IGNORECASE,
)
# A note in parentheses alone, in lower case: "(in Russian)", "(to appear)"
_A_NOTE_ALONE = re.compile(r"\([a-z][^()]*+\)")
# An edition's statement abbreviated after a title's comma and before the fields that follow it, all
# set off by commas, as AIAA's and other comma styles print a book ("Microeconomia, second ed.,
# Libreria Editrice Cafoscarina, Venice, Italy"): where a reader ran the title on past it. An ordinal
# and an abbreviated word are no title's words.
_EDITION_INSIDE = re.compile(
    rf",\s++(?:{_SPELLED}|{_FIGURES})(?:\s++{_QUALIFIER})?\s++{_ABBREVIATED},?\s++(?=\S)", re.IGNORECASE
)
# An editors' statement in parentheses closing a title, its mark first: "(Ed R.D. Coyne)", "(eds.
# J. Smith and K. Lee)", "(Hrsg. von …)" (reference-abbreviations.json's editors' marks).
_EDITED_AT_THE_END = re.compile(
    rf"\s\((?:{alternation(reference_abbreviations().editors)})\.?\s[^()]*+\)$", re.IGNORECASE
)
# An editors' (or translators') statement after a title's period, comma or blank, not in
# parentheses: the mark, then the names ("Title. Ed. C. Shi", "Title eds Sánchez-Mondragón J, Wolf
# KB", "Title. Edited by D. E. Knuth"), or Vancouver's names, then the mark ("Title Dash B, editor",
# "Title. Knuth DE editor"). Each name a person's in one of two shapes, its initials first or its
# initials last ("C. Shi", "Wolf KB"), so that no title's own words ("… Scienza ed Arte Moderna")
# are read as names (reference-abbreviations.json's editors' marks).
_PERSON = r"(?:(?:[A-Z]\.\s?+){1,3}[A-Z][\w'’-]++|[A-Z][\w'’-]++\s[A-Z]{1,3}\b)"
_PEOPLE = rf"{_PERSON}(?:(?:,\s++|\s++(?:and|&|und)\s++){_PERSON}){{0,11}}"
_EDITORS_AT_THE_END = re.compile(
    rf"(?:[.,]\s*+|\s)(?i:{alternation(reference_abbreviations().editors)})\.?\s++(?:by\s++)?{_PEOPLE}\.?$"
    rf"|(?:[.,]\s*+|\s){_PEOPLE},?\s++(?i:editors?|eds?)\.?$"
)


def _the_models_title_instead(tagged: TaggedReference, title: str) -> str | None:
    """Where the title chosen names no work (`names_no_work`: "Report 1991", "Fanstord
    University"), the model's, if it read another that names one ("TCP: The Craft of Prolog. Report
    1991"); else none: the style printed none."""
    own = tagged.title
    # not a part of what named no work ("Addison-Wesley" of "Addison-Wesley: Reading, MA, USA"),
    # nor running into a part of it ("Jerry Kelly. RIT Cary Graphic" of "Jerry Kelly. RIT Cary
    # Graphic Arts Press, Rochester, NY, USA, 2010."; all of it may close a title: "TCP: The Craft
    # of Prolog. Report 1991")
    if not own or title_key(own) in title_key(title) or _VENUE_OPENING.match(own):
        return None
    no_work, inside = set(tagged.tokens_of(title)), set(tagged.tokens_of(own))
    if no_work & inside and not no_work <= inside:
        return None
    return None if names_no_work(own, tagged.text) else own


# A work's original year beside its edition's, one of them in brackets: "(1896) 1991.", "(1976)
# (1991)", "1991 [1916]" (CSL's original-date, Chicago's "[1916]"). The second ends there (a mark
# or a bracket), not a year that opens a venue's name ("(2019) 2020 IEEE Conference …"); a
# physics style's pages and year ("64, 2005 (1990)") are neither form.
_TWO_YEARS = re.compile(
    rf"(?<![\d(\[])(?:\(({YEARS})\)\s*+\(?({YEARS})\)?(?=[.,:;)]|$)|({YEARS})\s*+\[({YEARS})\])"
)


def _the_editions_year(text: str, year: int | None) -> int | None:
    """``year``, or where the reference prints it beside another, a work's original year and its
    edition's (`_TWO_YEARS`), the later of the two: the edition's, the one it was published in."""
    if year is None:
        return None
    for found in _TWO_YEARS.finditer(text):
        years = {int(value) for value in found.groups() if value}
        if year in years and len(years) == 2:
            return max(years)
    return _the_year_beside_a_range(text, year)


# A range of years ("(1984–2012)": a journal's run named with it, a series' span) and a year alone.
_YEAR_RANGE = re.compile(rf"(?<!\d)({YEARS})\s*+[–-]\s*+(?:{YEARS})(?!\d)")
_LONE_YEAR = re.compile(rf"(?<![\d–-])({YEARS})(?![\d–-])")


def _the_year_beside_a_range(text: str, year: int) -> int:
    """``year``, or where it opens a range of years and the reference prints one other year alone,
    that year ("Journal of Geophysical Research: Atmospheres (1984–2012), 113, 2008."): a range
    is a span a venue or a series names, the year alone the work's."""
    starts = {int(found.group(1)) for found in _YEAR_RANGE.finditer(text)}
    if year not in starts:
        return year
    alone = {int(found.group(1)) for found in _LONE_YEAR.finditer(_YEAR_RANGE.sub(" ", text))}
    return alone.pop() if len(alone) == 1 else year


_LATEST_YEAR = latest_year(date.today())


def _a_past_year(year: int | None, read: int | None) -> int | None:
    """``year``, or where it is after `_LATEST_YEAR` and the rules' (``read``) is not, theirs: a
    number of a year's shape the model read as the date (an issue's, "Philos. Trans. R. Soc. A
    374(2065):20150202, 2016."). A later year both read is the one printed ("ICLR, 2030", a
    record's slip), which `verify` may question."""
    if year is None or year <= _LATEST_YEAR or read is None or read > _LATEST_YEAR:
        return year
    return read


# The words a colon after them labels as no title's head: an identifier's or a link's ("doi:",
# "Available:", "URL:"; identifier-labels.json), a venue's "In:"
_LABEL_WORDS = frozenset((*_LABELS, *identifier_labels().link_words))


def _with_its_head_before_a_colon(tagged: TaggedReference, title: str | None) -> str | None:
    """The model's title with the one word and its colon the model reads as no field's right
    before it, after the names: a program's or a package's name, its title's head ("Wickham, H.
    and Bryan, J. usethis: Automate Package and Project Setup, 2021. URL …": the model reads
    "Automate Package and Project Setup"). Not a label's word ("doi:", "Available:", "In:")."""
    own = tagged.run_of("title")
    if not title or not own or own.start == 0 or title != tagged.title:
        return title
    head, at = tagged.tokens[own.start - 1], own.start - 1
    word = head[:-1]
    if tagged.labels[at] != "other" or not head.endswith(":") or not any(char.isalpha() for char in word):
        return title
    after_names = at == 0 or tagged.labels[at - 1] in NAME_LABELS
    labelled = word.casefold() in _LABEL_WORDS or _IN.fullmatch(head) is not None
    return f"{head} {title}" if after_names and not labelled else title


# A link's label after a comma and what follows it, the link gone (its place blanked): "Dat awesome,
# URL:   (abgerufen am 01.07.2018)", "…, Available at:   [Accessed 3 May 2019]"
_LINKS_LABEL = re.compile(
    rf",\s*+(?:{alternation(word.capitalize() for word in identifier_labels().link_words)}|URL|WWW)"
    r"(?:\s++[a-z]{1,10})?\s*+:.*$",
    re.DOTALL,
)


def _title_alone(
    title: str | None, venue: str | None, year: int | None, tagged: TaggedReference
) -> str | None:
    """``title`` without what the reference prints after it that the title read ran into: the
    words after it, the venue, its year, a number's parenthesis left open, a count of pages, its
    medium in brackets, a link's label."""
    title = title and _without_what_follows_it(title, tagged)
    title = title and _without_the_venue(title, venue, tagged.text)
    title = title and _quoted_before_the_venue(title, venue)
    title = title and _without_its_year(title, year, tagged)
    title = title and _without_a_number_left_open(title)
    title = title and _without_a_count_of_pages(title)
    title = title and _without_its_medium(title)
    title = title and _before_a_link_left_out(title)
    title = title and _before_a_designation_after_a_colon(title, tagged.text)
    title = title and _without_a_no_date_mark(title)
    return title and _title_before_a_links_label(title)


def _designations_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of a report's or a thesis's designation, case-folded without their periods: the
    ones that name it ("Rep.", "Forschungsbericht", "thesis", "дис.") and all of them (beside those,
    "Technical", "Discussion", "Ph. D.": kinds-of-work.json's report words and degrees)."""
    kinds, reports = kinds_of_work(), report_words()
    naming = {*reports.heads, *(word.casefold() for word in kinds.thesis_words)}
    naming |= {word.casefold().strip(".") for note in kinds.thesis_notes for word in note.split()}
    spellings = [spelling for degree in kinds.degrees.values() for spelling in degree]
    degrees = {word.casefold().strip(".") for spelling in spellings for word in spelling.split()}
    return frozenset(naming), frozenset(naming | reports.words | degrees)


_NAMING_A_DESIGNATION, _A_DESIGNATIONS_WORDS = _designations_words()
_DESIGNATIONS_WORDS_MOST = 4  # "Ph. D. thesis", "Technical report", "Tech. Rep."
_ABBREVIATED_MOST = 4  # the most letters of a designation's abbreviated word: "Rep.", "Tech."


def _before_a_designation_after_a_colon(title: str, text: str) -> str:
    """``title`` up to the colon after which ``text`` prints a report's or a thesis's designation,
    then a field's separator or its number, as GOST prints them ("Testing for Indeterminacy …
    : Forschungsbericht : DASU-TR-793 / Division …", "… TCP/IP : Ph. D. thesis / A. Karnik ; …",
    "Typefaces for Symbols in Scientific Manuscripts: Tech. Rep.: Gaithersburg, …"): the kind of
    work, no subtitle — not one the title ends with ("Title: Technical Report. MIT, 2019.")."""
    at = text.find(title)
    if at < 0:
        return title
    for colon in (index for index, character in enumerate(title) if character == ":"):
        if colon > 0 and _a_designation_then_a_field(text[at + colon + 1 :]):
            return title[:colon].rstrip() or title
    return title


def _a_designation_then_a_field(rest: str) -> bool:
    """Whether ``rest`` opens with a designation's words (`_A_DESIGNATIONS_WORDS`, one naming it),
    then a separator (":", "/", ";") or a number."""
    words: list[str] = []
    for token in rest.split()[: _DESIGNATIONS_WORDS_MOST + 1]:
        if token[:1] in ":/;" or any(character.isdigit() for character in token):
            break
        words.append(token.rstrip(":;").casefold().strip(".,"))
        if token.endswith((":", ";")):
            break
        if token.endswith(",") or (token.endswith(".") and len(words[-1]) > _ABBREVIATED_MOST):
            return False  # a field's end: a subtitle ("…: Technical report, Technical Report 1813")
    else:
        return False
    named = any(word in _NAMING_A_DESIGNATION for word in words)
    return named and all(word in _A_DESIGNATIONS_WORDS for word in words)


# The blanks the reader leaves where it took a link out of the text (`_ref_ids.without_ids`), or a
# link the model read as the title's words
_LINK_LEFT_OUT = re.compile(r"\s{3,}|(?<!\S)(?:https?://|www\.)")
_LABELS_WORDS_AFTER = 2  # the most words after a link's label word before the link: "Accessed from"


def _before_a_link_left_out(title: str) -> str:
    """``title`` up to the link the reader took out of the text or the model read into it, and its
    label before it: a title read across a link ("BenchmarkAlignments <https://github.com/…>
    GitHub", "Implicit arguments, <https://…>, last accessed 2015/05/07", "Docker Inc.. Accessed
    from <https://…> 2013-3-19")."""
    gap = _LINK_LEFT_OUT.search(title)
    if gap is None:
        return title
    head = title[: gap.start()]
    labels = [found for found in LINK_WORD.finditer(head) if found.start() > 0]
    if labels and len(head[labels[-1].end() :].split()) <= _LABELS_WORDS_AFTER:
        head = head[: labels[-1].start()]
    head = head.rstrip(" ,.;:")
    return head if any(character.isalpha() for character in head) else title


# "n.d." and the forms other languages print for it (reference-abbreviations.json's no_date), as
# printed (lower case: "S.D. Warren Co. v. …" is a name), a word's marks around it left out
_NO_DATE_MARKS = frozenset(mark.rstrip(".") for mark in ("n.d.", *reference_abbreviations().no_date))


def _a_given_name_first(names: tuple[str, ...], tagged: TaggedReference) -> tuple[str, ...]:
    """``names`` with the first one whole where it is printed given name first, a middle initial
    and the family name and its comma ("Nicholas J. Higham, SSRv, 1993"), which the model and the
    rules read as a name printed family first ("Nicholas J.") and a second family name alone: the
    first word a given name the model knows (`tagger.is_given_name`), no initials after the family
    name."""
    tokens, labels = tagged.tokens, tagged.labels
    if not names or len(tokens) < 4 or tuple(labels[:3]) != ("family", "given", "family"):
        return names
    given, initial, family = tokens[:3]
    initialled = _AN_INITIAL_ALONE.fullmatch(initial) is not None
    shaped = initialled and family[:1].isupper() and family.endswith(",")
    if not (shaped and labels[3] != "given" and is_given_name(given) and names[0].startswith(given)):
        return names
    family = family.rstrip(",")
    return (f"{given} {initial} {family}", *(name for name in names[1:] if name != family))


def _without_a_no_date_mark_as_a_name(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` without a date slot's "no date" read as one ("s.d.: “Bitcoin Core”, …")."""
    return tuple(name for name in names if not _a_no_date_mark(name))


def _a_no_date_mark(word: str) -> bool:
    """Whether ``word`` is a date slot's "no date" ("n.d.", "(s.d.)", "o.J.:")."""
    return word.strip("()[].,:;") in _NO_DATE_MARKS


def _without_a_no_date_mark(title: str) -> str:
    """``title`` without the date slot's "no date" that a style prints where a year would be, read
    into it: before it ("s.d.: “Bitcoin Core”"), after it as a sentence of its own or in
    parentheses ("Docker Hub. n.d. Retrieved …", "Die Neue Typographie (n.d.). Berlin."), or
    between an author's name and the title ("ESA. n.d. European Space Agency."): a date is no
    title's word."""
    words = list(re.finditer(r"\S++", title))
    marks = [at for at, word in enumerate(words) if _a_no_date_mark(word.group())]
    if len(words) < 2 or not marks:
        return title
    at = marks[0]
    if at == 0:
        return title[words[1].start() :]
    set_off = words[at - 1].group().endswith(".") or words[at].group().startswith("(")
    if not set_off:
        return title
    if at == len(words) - 1:
        return title[: words[at].start()].rstrip(" .,:;")
    return title[words[at + 1].start() :]


def _title_before_a_links_label(title: str) -> str | None:
    """``title`` without a link's label and what follows it (`_LINKS_LABEL`): a web page's
    reference printed "Name, Title, URL: https://… (abgerufen am 30.06.2018)"."""
    return _LINKS_LABEL.sub("", title).strip() or None


def _without_the_authors_name(title: str, names: Sequence[str], text: str) -> str:
    """``title`` without the first author's name and the comma after it, or the last's and the
    period after it, where the title read is the printed name and the words after it
    ("Wikipedia, Zensur von Wikipedia" of "Wikipedia, Zensur von Wikipedia, URL: …", its author
    "Wikipedia"): a name is the author's or the title's, not both. Not where the title is printed
    again after the names ("National Academies of Sciences, Engineering, and Medicine (2021)
    National Academies …"), nor one word after it (a company's "Inc")."""
    if not names or text.count(title) != 1:
        return title
    # the first author's name and its comma, or the last's and its period (the rules read the
    # list's last name into the title: "J. S. Byrnes, K. Berry, K. A. Hargreaves. Probabilistic
    # and Stochastic Methods …" read "K. A. Hargreaves. Probabilistic …", the names chosen hold it)
    for name, mark in ((names[0], ", "), (names[-1], ". ")):
        if title.startswith(f"{name}{mark}") and text.find(title) == text.find(name):
            rest = title[len(name) + len(mark) :].strip()
            if len(rest.split()) >= _NAME_WORDS:
                return rest
    return title


def _not_a_volume(year: int | None, read: int | None, text: str) -> int | None:
    """``year``, or where its four digits are printed only as a volume before its issue and
    pages, or as an issue in brackets between a volume and its pages, the rules' (``read``): a
    journal's numbers are no date, whatever their size ("AIP Conference Proceedings,
    1721(1):060003, 03 2016." is of 2016; so is a volume 373 whose issue in brackets has four digits
    and whose year follows its pages); where the rules read that number too, the one other year
    the text prints."""
    if year is None:
        return year
    # each four digits the text prints, and whether it prints them as a volume's or an issue's
    printed = [
        (
            int(found.group(1)),
            bool(found.group(2)) or _AN_ISSUE.match(text, max(found.start() - 2, 0)) is not None,
        )
        for found in _FOUR_DIGITS.finditer(text)
    ]
    as_numbers = [numbered for digits, numbered in printed if digits == year]
    if not (as_numbers and all(as_numbers)):
        return year
    if read is not None and read != year:
        return read
    # both read the issue: the one other year the text prints ("… B 2020, 375(1798), 20190245.")
    others = {digits for digits, numbered in printed if not numbered and _YEAR_ALONE.fullmatch(str(digits))}
    return others.pop() if len(others) == 1 else year


# four digits, and the issue and the colon before the pages a volume's number has after it
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)(\(\d{1,4}\):)?")
# an issue's four digits between its volume's and its pages or article number, as matched from the
# volume's last digit ("373(1234):56", "375(1798), 20190245")
_AN_ISSUE = re.compile(r"\d\(\d{4}\)[:,]")


# a name's initial inside a text: "A.", "H." (not "No.")
_AN_INITIAL = re.compile(rf"(?<![^\W\d_]){_AN_INITIAL_ALONE.pattern}")


def _the_title_and_names_swapped_back(rules: RuleReading, tagged: TaggedReference) -> RuleReading:
    """The rules' reading with the title and the names the model reads, where the rules read them
    the other way round: the names as the title and the title as the one author (a style that
    prints the title first, "Handbook of Integration. Zwillinger, D. 1992."), or the title as the
    names and no title (`_the_title_read_as_names`). Compared by their `title_key`s, where each has
    one (a Cyrillic title's is empty: no reading is changed there)."""
    names, title = tagged.written_authors(), tagged.title
    if not title or not title_key(title):
        return rules
    if not names and not rules.title and rules.authors:
        return _the_title_read_as_names(rules, title, tagged)
    if not (rules.title and names and len(rules.authors) == 1):
        return rules
    read_names = title_key(rules.title)
    names_as_title = bool(read_names) and read_names == title_key(" ".join(names))
    swapped = names_as_title and title_key(rules.authors[0]) == title_key(title)
    return RuleReading(title, names, rules.year, rules.venue, rules.publisher) if swapped else rules


def _the_title_read_as_names(rules: RuleReading, title: str, tagged: TaggedReference) -> RuleReading:
    """The rules' reading with the model's ``title`` and no names, where the rules read no title
    and the title's words as the names ("The Habits of Legality: Criminal Justice and the Rule of
    Law. Allen, F. A. 1999." split at its "and"); not a person's name, its initials, that the model
    reads as a title ("Liam Smith[ A.A.H.]. In: ICML."), nor where the reference prints nothing
    but what the model reads as its title and its date: APA's names with no title ("American
    Psychological Association & National Institutes of Health. (2014).")."""
    keys = [title_key(name) for name in rules.authors]
    inside = all(key and key in title_key(title) for key in keys)
    initialled = any(_AN_INITIAL.search(name) for name in rules.authors)
    more = any(label not in ("title", "date") for label in tagged.labels)
    read_so = inside and more and not initialled
    return RuleReading(title, (), rules.year, rules.venue, rules.publisher) if read_so else rules


def _a_cases_name_as_its_title(rules: RuleReading) -> RuleReading:
    """A court case's name the rules read as its one author ("Mifflin v. Hoenig. P.3d, 1991.",
    "Cowlishaw v. Martin. QB, 1980."): its parties, no author list, are its title, and the rules'
    title (the reporter's name) its venue."""
    if len(rules.authors) != 1:
        return rules
    words = rules.authors[0].split()
    # (in lower case as courts print it: "V." is an initial, "Jones, V. K." one author)
    if not (len(words) >= 3 and any(word in _CASE_PARTIES for word in words[1:-1])):
        return rules
    return RuleReading(rules.authors[0], (), rules.year, rules.venue or rules.title, rules.publisher)


def choose_fields(
    rules: RuleReading,
    tagged: TaggedReference,
    sure: Mapping[str, float] | None = None,
    fit: ListFit = FITS,
) -> ChosenFields:
    """Per field, the tagger's reading where its confidence is at least the field's threshold
    (``sure``, else `SURE`) and it doubts the rules' reading, else the rules' (see the module's
    docstring for what is left out). ``fit``: how well the rules fit the style of the list the
    reference is an item of (`list_fit`); where they do not, the model's title where it is sure."""
    thresholds = {**SURE, **(sure or {})}
    rules = _the_title_and_names_swapped_back(_a_cases_name_as_its_title(rules), tagged)
    confidence = tagged.field_confidences()
    bracketed = _bracketed_title(tagged.text)
    if _UNSPACED.search(tagged.text):  # Chinese, Japanese, Korean: no spaces to tokenize by
        return ChosenFields(
            bracketed or rules.title,
            _names_before_the_bracket(tagged, rules),
            rules.year,
            rules.venue,
            None,
            None,
            {},
            rules.publisher,
        )

    def is_sure(name: str) -> bool:
        return confidence.get(name, 0.0) >= thresholds[name]

    def weighed(label: str, name: str, own: Value | None, read: Value | None) -> Value | None:
        """A field whose every token's marginal the model weighed: the model's reading unless
        the rules read it otherwise and the model does not doubt theirs."""
        if read is None:  # the rules read none: the model's, where it is sure of it
            filled = confidence.get(name, 0.0) >= thresholds.get(f"{name}-filled", thresholds[name])
            return own if filled and _fills(tagged, label, own, rules.venue) else None
        if own is None:  # none, where the style printed none
            return None if _not_printed(tagged, rules, label, name, thresholds) else read
        agreement = tagged.agreement(label, str(read))
        doubt = thresholds[f"{name}-doubted"]
        doubted = doubt > 0 and (agreement is None or agreement < doubt)
        return own if is_sure(name) and doubted and _replaces(tagged, label, str(read)) else read

    def kept(name: str, own: Value | None, read: Value | None) -> Value | None:
        """A field the model weighed no marginals of: its reading where it is sure of it."""
        if own is None:
            return read
        return own if confidence.get(name, 0.0) >= thresholds[name if read else f"{name}-filled"] else read

    publisher = tagged.text_of("publisher")
    title = _with_its_head_before_a_colon(
        tagged, bracketed or _chosen_title(tagged, rules, weighed, fit, thresholds)
    )
    journal = _journal_before_its_numbers_alone(title or rules.title or "", tagged)
    title = _a_works_title(tagged, None if journal else title)
    venue = overruled_venue(
        tagged, weighed("container", "venue", tagged.container or None, rules.venue), rules.venue, rules.title
    )
    venue = _venue_read_as_the_title(tagged, venue, title, rules.venue)
    venue = _the_journal_in_the_titles_place(journal, venue, _a_publisher(tagged) if journal else None)
    year = _a_past_year(
        _the_editions_year(
            tagged.text, overruled_year(tagged, weighed("date", "year", tagged.year, rules.year), rules.year)
        ),
        rules.year,
    )
    year = _not_a_volume(year, rules.year, tagged.text)
    title = _without_the_groups_name(
        _a_title_with_words(tagged, _title_alone(title, venue, year, tagged)), tagged.text
    )
    title, venue = _the_inverted_journals_subject(title, venue, tagged.text)
    title, venue = _the_journal_run_into_the_title(title, venue, tagged.text)
    title, venue = _the_parts_title_read_as_the_venue(title, venue, tagged.text)
    venue = _venue_after_the_title(title, _venue_apart_from(title, venue, tagged.text), tagged.text)
    venue = _the_book_after_its_editors(venue, rules.venue, tagged.text)
    title = _without_the_venues_first_word(title, venue)
    venue = _journal_without_its_publisher(_venue_without_what_is_not_its(venue, year, tagged.text))
    names = _chosen_names(tagged, rules, thresholds, confidence, bracketed, title)
    names, title = _slashed_families(_upper_case_families_paired(names, tagged.text), title, tagged.text)
    names = _a_given_name_first(_without_a_no_date_mark_as_a_name(names), tagged)
    # what is left of the title without the names may name no work: "J.H. Kingston, University of
    # Sydney, Sydney, NSW, Australia, 1992."
    title = _a_works_title(
        tagged,
        title
        and _without_an_unclosed_bracket(
            _without_a_venues_lead(_without_the_authors_name(title, names, tagged.text)), tagged.text
        ),
    )
    title, venue = _the_book_opened_by_in_before_its_editors(title, venue, tagged)
    title, venue = _the_book_apart_from_the_title(title, venue)
    title, names = (title, names) if title else _a_lone_word_and_the_names(names, tagged)
    title, names = _the_family_name_after_et_al(title, names, tagged)
    title, names = _the_titles_article_back(title, names, tagged.text)
    return ChosenFields(
        title=title,
        authors=names,
        year=year,
        venue=venue,
        volume=tagged.text_of("volume"),
        pages=tagged.text_of("pages"),
        confidence=confidence,
        publisher=kept("publisher", publisher, rules.publisher),
    )
