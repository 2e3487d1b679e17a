"""Author lists written family name first: which opens with its first author inverted, and
where a list of inverted names ends and its title begins.

Chicago, econ's styles and biblatex's author-title and author-year styles print the first
author family name first and the others in their natural order: "Crémer, Jacques, Louis
Gérard, and Jean Tirole", "Brandt, Ahasver von and Erich Hoffmann". The first two pieces
between commas are then one person.

Nature, ACS and Science's inverted lists write every name family first with initials ("Booth,
G. & Chatt, J. The reactions of carbon monoxide …"): `INVERTED_NAMES` reads the names and the
rest, whose first sentence is the title (`refs` takes it where no quoted, APA or physics reading
did). Nature prints a paper in proceedings as "Title in Booktitle Place (Year)", no punctuation
between them: the title ends at an "in" before a proceedings', conference's or congress's name
("… Phylogenetic Inference in 8th IEEE International Conference on BioInformatics …", "… for
catalysis in Pacifichem (International Chemical Congress of Pacific Basin Societies) Hawaii").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.word_tables import (
    alternation,
    name_list_conjunctions,
    name_particles,
    name_suffixes,
    venue_words,
)

# An inverted first author: a family name (particles before it: "van Gennep", "Van Gennep";
# joined by them: "Vázques de Parga"), then a given name with a lower-case letter, middle
# initials after it ("Mustafa H.", "Özge"), and the particle biblatex sets after the given
# names ("Brandt, Ahasver von", "Geer, Ingrid de"). Several given names ("Cicero, Marcus
# Tullius") only where no other name follows but after "and" or as "et al.": in "OpenAI, Josh
# Achiam, Steven Adler" the names are in their natural order.
# (its small letter looked for ahead, the word then read whole: a name's words are read one way,
# or a list of names that fails at its end would try every small letter of every word as the one,
# a time exponential in the words: "Smith, Lukasz Lukasz … Lukasz 1")
_NAME = r"(?![a-z])[^\W\d_](?=[^\s\d.,]*?[a-z])[^\s\d.,]*+"
# A family name's or a title's first letter, an initial: "Šulc, P.", "Über …", "Kaiser, Ł.".
_CAPITAL = LATIN_CAPITAL
_PARTICLE = alternation(name_particles().particles)
# Between two family names also the words that join them ("Ortega y Gasset"), which are no particles.
_JOINING = alternation(name_particles().particles | name_particles().family_joiners)
_FAMILY_FIRST = re.compile(
    rf"^(?:(?i:{_PARTICLE})\s+){{0,2}}{_NAME}(?:(?:\s+{_JOINING})+\s+{_NAME})?$|^[dlo][’'][A-Z]\S*$"
)
# or initials alone, where more names follow ("Krantz, H. D., R. D. Luce, P. Suppes and A. Tversky",
# the economic styles' ier)
_ONLY_INITIALS = re.compile(rf"(?:{_CAPITAL}\.\s?-?)*{_CAPITAL}")
_GIVEN_FIRST = re.compile(rf"^{_NAME}(?:\s+{_CAPITAL}\.?)*(?:\s+{_PARTICLE})*$|^{_ONLY_INITIALS.pattern}$")
_GIVEN_NAMES = re.compile(rf"^{_NAME}(?:\s+(?:{_NAME}|{_CAPITAL}\.?))*(?:\s+{_PARTICLE})*$")


def inverted_first(text: str, pieces: Sequence[str]) -> bool:
    """Whether the list opens with the first author inverted, the rest in natural order (econ,
    Chicago): a family name, a comma, its given names, and only whole names after them."""
    return (
        len(pieces) >= 2
        and _FAMILY_FIRST.match(pieces[0]) is not None
        and (_GIVEN_FIRST if len(pieces) > 2 else _GIVEN_NAMES).match(pieces[1]) is not None
        and all(" " in piece for piece in pieces[2:])
        and re.match(rf"\s*{re.escape(pieces[0])}\s*,\s*{re.escape(pieces[1])}\b", text) is not None
    )


def joined_first_person(pieces: Sequence[str]) -> list[str]:
    """The pieces with the inverted first author's two made one person, initials given back the
    period the split took ("Krantz", "H. D" → "Krantz, H. D.")."""
    given = f"{pieces[1]}." if _ONLY_INITIALS.fullmatch(pieces[1]) else pieces[1]
    return [f"{pieces[0]}, {given}", *pieces[2:]]


# "Jr", "III" after the initials, with or without a period (name-suffixes.json).
_GENERATION = alternation(name_suffixes().unpunctuated)
_SUFFIX = alternation((*name_suffixes().unpunctuated, *name_suffixes().numerals))

# The word before the last name, in the list's language: "and", "und", "et" (not "et al.").
_CONJUNCTION = rf"{alternation(name_list_conjunctions())}\s(?!al\b)"
# A title's first word with a lower-case lead before its capitals: "xTRAM", "mRNA", "iPSC".
_LOWER_LEAD = r"[a-z]{1,3}[A-Z]"
# Names written family first with initials, joined by commas (ACS's by semicolons: "Deluca, M.;
# Shi, Z.") and "&" or "and", then the title (the last initials' period ends no sentence):
# particles and "St." before a family name ("von Haeseler, A.", "St. John, K."), "Jr." after it
# ("Rees Jr., W. S.") or after the initials ("Lucas, R. E., Jr.").
INVERTED_NAMES = re.compile(
    rf"^(?P<authors>(?:(?:(?:{_PARTICLE}|St\.)\s)*"
    rf"{_CAPITAL}[^\s,.]*(?:\s(?:{_CAPITAL}[^\s,.]*|{_GENERATION}\.)){{0,2}},\s(?:{_CAPITAL}\.\s?-?){{1,4}}"
    rf"(?:,?\s{_SUFFIX}\.?)?"
    rf"(?:[,;]\s(?:&\s|{_CONJUNCTION})?|\s?&\s|\s{_CONJUNCTION}"
    rf"|\s(?={_CAPITAL}(?!\.)|{_LOWER_LEAD}|[‘“\[{{])))+)"
    # the title: no other inverted name ("Eckaus, R. S. 2007", one a line's break split: "Ra jeswaran,
    # A. ICLR.") nor a "Jr." opens it, nor the next
    # of names in natural order ("Sae-Young Chung, G. David Forney, Thomas J. …"); a quote, a
    # formula or a word with a lower-case lead may (Nature: "‘Pincer’ pyridine …",
    # "[{Au[µ-N(SiMe3)2]}4]: …"; ACS: "xTRAM: Estimating …")
    rf"(?P<rest>(?!{_CAPITAL}[^\s,.]*(?:\s[^\s,.]+){{0,2}},\s{_CAPITAL}\.|{_GENERATION}\."
    rf"|{_CAPITAL}[a-z]+(?:\s{_CAPITAL}\.)*\s{_CAPITAL}[\w'’-]+,\s(?:and\s)?{_CAPITAL}[a-z]*\.?\s{_CAPITAL})"
    # (the rest to the text's very end, "(?s:.+)": one stopped at a line break failed, and the names
    # were read again from each of their ends)
    rf"(?:{_CAPITAL}(?!\.)|{_LOWER_LEAD}|[‘“\[{{])(?s:.+))$"
)


# A meeting's proceedings: "Proceedings", "Congress" (venue-words.json's meetings), capitalised.
_MEETING = alternation(word.capitalize() for word in venue_words().meetings)
_IN_PROCEEDINGS = re.compile(rf"(?<!\s)\s+in\s+(?=[A-Z0-9(])(?=[^.]*?\b{_MEETING}\b).*$")


def without_proceedings(title: str) -> str:
    """``title`` without the proceedings Nature prints after it with "in"."""
    return _IN_PROCEEDINGS.sub("", title)
