"""Where a title ends in the author-year lists with hanging indents (econ-bst, the economic
journals' styles, Harvard ``agsm``, elsarticle's author-year), and the single quotes Harvard
and econ set titles in.

- A sentence ends at ". " after a word of two or more characters (initials, "A. Name", do
  not end the author sentence; "et al." does), or after a closing parenthesis (APA's
  "… (2nd ed.). Chicago"). Not before a word all in lower case: a style that sets titles in
  sentence case (elsarticle-harv, bibtex's ``change.case``) lowers every word after the
  first, and the period before such a word is an abbreviation's ("(vitis vinifera ssp.
  vinifera)", "glycine max (l.) merr. and g. soja", "spring barley: Ii. detection"); a
  journal in lower case has a capital inside ("bioRxiv"), and the words that open a style's
  next field ("volume 149 of …", "in: …") are no title's. Nor after a taxon's abbreviation
  ("Sphyraena intermedia sp. nov. (Pisces: Sphyraenidae)"), nor "vs." ("Multilayer perceptrons
  vs. dynamic time warping"); a title may end at a lone number ("… of logic 1. Annals of …").
  econ-jet's book without a place ends its title at ".:" before the publisher ("… Online
  Pornography.: Peter Lang").
- A single-quoted title (agsm, dcu: "Abadi, M. (1993), ‘A calculus for access control’,
  TOPLAS"; econ's "‘Title.’ Journal") ends at a closing mark followed by punctuation or
  nothing, so an apostrophe ("students’ views") does not end it, or after the title's own
  period or question mark inside the marks ("‘Is Bilateralism Bad?’ In Helpman …"). It may
  open with a quotation of its own ("‘‘Up for the Commonweal’: The Significance …’"). A
  book's name quoted after "in" or after its editors ("in R. Holt & G. Rosser, eds, ‘The
  Medieval Town in England’") is no title. A title in single quotes holds double ones
  ("‘Endogenous growth or “big bang”: Two views …’"): the outer marks are the title's. A T1
  font without a Unicode map leaves TeX's own marks, "`Title'" (jmr).
- A body as author (AEA, AJAE: "U.S. Bureau of the Budget. 1963. The Budget of …"): its
  capitalised words, "of", "the", "and" between them, read as the names when the year
  alone follows it.
- A year that ends a title after a comma is the title's where the work's year came after
  the names ("Ghana, Republic of. 1962. Economic Survey, 1961. Accra", "… Ending June 30,
  1964."); elsewhere ("Names. Title, 2019.") it is the work's and no part of the title.
"""

from __future__ import annotations

import re

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.word_tables import (
    alternation,
    author_list_words,
    name_list_conjunctions,
    name_particles,
    organisation_words,
    reference_abbreviations,
)

_ABBREVIATIONS = reference_abbreviations()  # normalizer/data/reference-abbreviations.json
# no sentence ends at these: "sp. nov.", "cf.", "vs.", "cv. Chokanan" (reference-abbreviations.json),
# in any case (a style that sets titles in title case: "Daucus Carota Ssp. Sativus")
NOT_AFTER_A_RUNNING_ON = "".join(rf"(?<!\b(?i:{word}))" for word in _ABBREVIATIONS.running_on)
# the lower-case words that open a style's next field, not a title's next word ("… Isomorphism.
# volume 149 of Studies in Logic", "… Title. in: Venue", "… Title. phd thesis";
# normalizer/data/reference-abbreviations.json)
_NEXT_FIELD = rf"{alternation(_ABBREVIATIONS.fields)}\b"
# a given name's abbreviation before the rest of a name ("Md. Anik Chowdhury", "Mohd. Faiz", the
# Greek patronymic of "Ioannis Ch. Paschalidis", "Wm. David Washington", "Chr. Møller": its
# letters need not be ASCII), a title before a name ("Dr. Dominik Schnitzer", "Prof. Dr.
# Kleucker"), a Russian given name's two letters before a patronymic's initial ("Yu. A.
# Shchekinov"): no sentence ends there ("Baltimore, Md. 1990" does)
_IN_NAME = "|".join(rf"(?<=\b{word})" for word in _ABBREVIATIONS.in_names)
_BEFORE_INITIAL = "|".join(rf"(?<=\b{word})" for word in _ABBREVIATIONS.before_initials)
_NAME_ABBREVIATION = rf"(?!(?:{_IN_NAME})\.\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])(?!(?:{_BEFORE_INITIAL})\.\s+[A-Z]\.)"
SENTENCE_END = re.compile(
    rf"(?<=[^\W_]\d)\.\s+|(?<=[^\W_][^\W\d_]){NOT_AFTER_A_RUNNING_ON}{_NAME_ABBREVIATION}\.\s+"
    rf"(?!(?!{_NEXT_FIELD})[a-z]+[\s,;.)])"
    r"|(?<=\W\d)\.\s+(?=[A-Z][a-z])|(?<=[)\]}])\.\s+|(?<=[?!])\s+(?=(?:In|in|In:)\s)|\.:\s+"
)

SINGLE_QUOTED = re.compile(
    r"(?<![Ii]n )(?<!eds, )(?<!eds\., )(?<!ed\., )[‘`]\s*+(?P<title>(?:[’'][^‘’`]{1,200}’)?[^‘`]{8,}?)"
    r"(?:[,.]?[’'](?=[,.;:]|\s*$)|\.[’'](?=\s|[A-Z])|(?<=[?!])[’'](?=\s))"
)


def outer_quotes(double: re.Match[str] | None, single: re.Match[str] | None) -> re.Match[str] | None:
    """The quoted title: the double-quoted one, unless a word of an unquoted title comes right
    before it (Harvard kluwer's "1997, Endogenous growth or “big bang”: Two views …": a
    quotation inside the title)."""
    if double and _INSIDE_A_TITLE.search(double.string, 0, double.start()):
        double = None
    if single and _INSIDE_A_TITLE.search(single.string, 0, single.start()):
        single = None  # "Clark's malthus delusion: response to ‘farming in england …’"
    return double or single


# "or “big bang”", "The “Narratives” fMRI dataset"; "in “Book”" is a venue
_INSIDE_A_TITLE = re.compile(r"(?<![\w.’'-])(?![Ii]n\b)(?:[a-z]+|[A-Z][a-z]+)\s$")

# Harvard kluwer's year after the names' colon: "Chandler, A. D.: 1984, The emergence of …".
KLUWER_YEAR = re.compile(rf"^{YEARS}[a-z]?,\s+")


# A capitalised word or a linking word of a body's name (author-list-words.json): "Department of
# Health"; "&" as its "and" ("Bill & Melinda Gates Foundation").
_CAPITALISED = r"[A-Z][\w.&’'-]*"
_BODY_WORD = rf"(?:{_CAPITALISED}|&|{alternation(author_list_words().body_linking)})"
_BODY = re.compile(rf"{_CAPITALISED}(?:,?\s{_BODY_WORD}){{0,9}}")


def is_body(sentence: str) -> bool:
    """Whether a sentence before a lone year reads as a body's name ("U.S. Department of Agriculture")."""
    return _BODY.fullmatch(sentence) is not None


# An organisation's word (organisation-words.json) and an initial ("J.", "J"), as whole words
# ("AT&T"'s letters are no initials).
_ORGANISATION = alternation(organisation_words())
_ORGANISATION_WORD = re.compile(rf"\b{_ORGANISATION}\b")
_INITIAL = re.compile(rf"(?<![\w&]){LATIN_CAPITAL}(?![\w&])")
# A country's abbreviation opening a body's name, its capitals glued by full stops ("U.S.
# Department of Health and Human Services", "U.K. Office for National Statistics"): not a
# person's initials, which a body's name never has.
_COUNTRYS_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}\s")


# What joins two bodies' names, or two words of one: "and" in the list's language
# (name-list-conjunctions.json, and the "e", "y" that join two family names: "Instituto Brasileiro
# de Geografia e Estatística", "Centro de Investigación en Movimiento Humano"), "&" (not one inside
# a word: "AT&T").
_JOINING_WORDS = {"and", *name_list_conjunctions(), *name_particles().family_joiners}
_JOINER = re.compile(rf"\s{alternation(_JOINING_WORDS)}\s|(?<![\w&])&|&(?![\w&])")
# A body's name in any language: capitalised words, the joining words and the linking words of
# a body's name or a person's ("of", "for"; "de", "da", "del", "di": name-particles.json).
_LINKING_ANY = alternation({*author_list_words().body_linking, *_JOINING_WORDS, *name_particles().particles})
_BODY_ANY = re.compile(rf"{_CAPITALISED}(?:\s(?:{_CAPITALISED}|&|{_LINKING_ANY})){{0,14}}")
# A body's whole name before a joiner: it ends in an organisation's word ("American Psychological
# Association & National Institutes of Health", "LIGO Scientific Collaboration and Virgo
# Collaboration": two bodies).
_WHOLE_BODY = re.compile(rf"\b{_ORGANISATION}\s*$")


def is_one_body(authors: str) -> bool:
    """Whether an author list whose "and" or "&" would split it reads as one body's name:
    capitalised words and linking words with an organisation's word among them, no commas or
    initials (a country's abbreviation first is none: "U.S."), no part before an "and" a body's
    whole name ("Organization for Economic Cooperation and Development", "Robotics and Perception
    Group", "AT&T Bell Laboratories", "Bill & Melinda Gates Foundation", "Instituto Brasileiro de
    Geografia e Estatística", "U.S. Food and Drug Administration"; "Smith and Jones", "Google
    Research and J. Smith" and "American Psychological Association & National Institutes of
    Health" are two)."""
    text = authors.strip(" .:;")
    parts = _JOINER.split(text)
    country = _COUNTRYS_ABBREVIATION.match(text)
    return (
        ("&" in text or len(parts) > 1)
        and not any(mark in text for mark in ",;")
        and _INITIAL.search(text, country.end() if country else 0) is None
        and (_ORGANISATION_WORD.search(text) is not None or _names_no_persons(text))
        and not any(_WHOLE_BODY.search(part) for part in parts[:-1])
        and _BODY_ANY.fullmatch(text) is not None
    )


def _names_no_persons(text: str) -> bool:
    """Whether two sides of an "&", with neither comma nor initial, name no persons: one side a
    single word, the other more ("Art & Architecture Thesaurus": a person's name printed without
    initials has its given name, a name list's family names stand alone on both sides, "Smith &
    Jones")."""
    sides = [side.split() for side in text.split("&")]
    return len(sides) == 2 and sorted(map(len, sides))[0] == 1 and max(map(len, sides)) >= 2


_YEAR_AFTER_TITLE = re.compile(rf",\s({YEARS}(?:[–-]\d{{2,4}})?)(?=[.”’]|\s*$)")


def title_with_its_year(title: str, text: str, year: int) -> str:
    """``title`` with the year the text prints after it (another than the work's ``year``, read
    after the names), which the title's cleaning took for the work's."""
    # The first place the title is printed with a year after it; each place tried in turn, one
    # character on from the last (places may overlap), with one pattern compiled for all titles.
    start = text.find(title)
    while start != -1:
        after = _YEAR_AFTER_TITLE.match(text, start + len(title))
        if after:
            return f"{title}, {after.group(1)}" if after.group(1) != str(year) else title
        start = text.find(title, start + 1)
    return title
