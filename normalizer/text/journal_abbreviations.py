"""A journal's abbreviation that adds or leaves out words its title's own abbreviation would not.

The AMS's abbreviations of serials (MathSciNet's ``journal`` field) name the publisher's seat
and leave out what the title says of its publisher or its form:

- "C. R. Acad. Sci. Paris Sér. I Math." is "Comptes Rendus de l'Académie des Sciences. Série I.
  Mathématique" — "Paris" added, the Académie's seat;
- "C. R. Acad. Sci. Paris Sér. A-B" is "Comptes Rendus Hebdomadaires des Séances de l'Académie
  des Sciences. Séries A et B" — "Hebdomadaires des Séances" left out (how often it appears);
- "Zap. Naučn. Sem. Leningrad. Otdel. Mat. Inst. Steklov. (LOMI)" is "Zapiski Naučnyh
  Seminarov Leningradskogo Otdelenija Matematičeskogo Instituta im. V. A. Steklova Akademii
  Nauk SSSR (LOMI)" — a person's initials and the academy that runs the institute left out.

`abbreviates_loosely` accepts such an abbreviation, and only such: every other word of the
abbreviation begins the title's word in its place, in order (`abbreviates_title`'s rule, the
scholarly and the library transliterations of Cyrillic, "Naučn" and "Nauchn", read as one). A
word is added only right after the publisher's name, written whole with a capital, and only one
that JabRef's list writes after that word in some journal's abbreviation ("Acad. Sci. Paris";
never "Acad. Sci. Physique", nor "Osaka J. Math." for "Journal of Mathematics"). A word is left
out only when it is part of the publisher's name (`_PUBLISHER`; the name left out whole), a
person's initials or a word of the serial's form (``normalizer/data/serial-form-words.txt``). A
series letter or number is never added or left out ("Sér. I" is not "Série II"). Callers use it
only for a cited name no journal list knows: a known journal's abbreviation is that journal,
compared as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from bibnorm.text import data_file
from bibnorm.text.journals import (  # one package: its own rules
    _LEFT_OUT,
    _PUBLISHER,
    _shortens,
    listed_abbreviations,
)
from bibnorm.text.names import folded_to_ascii
from bibnorm.text.word_tables import cyrillic_spellings

# A word, or what ends a segment of the title: a parenthesis, a full stop or colon before a word,
# IEEE's em dash.
_TOKEN = re.compile(r"[0-9A-Za-z]+|[()]|[.:](?=\s)|\u2014")
_PLAIN_WORD = re.compile(r"[0-9A-Za-z]+")
# Scholarly (ISO 9), library (ALA-LC) and English spellings of one Cyrillic letter, as one
# (cyrillic-spellings.json).
_TRANSLITERATIONS = cyrillic_spellings()
# Fewest words of the title an abbreviation must keep: one word and a seat are not a journal.
_FEWEST_KEPT = 2


@dataclass(frozen=True)
class _Word:
    text: str  # ASCII, lower case, transliteration folded
    segment: int  # which segment of the name (split at ". ", ": ", parentheses, an em dash)
    dotted: bool  # written shortened, with a dot
    capital: bool
    initial: bool = False  # one of a person's initials ("V. A. Steklova")


@cache
def _serial_form_words() -> frozenset[str]:
    text = data_file("serial-form-words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _written_seats() -> frozenset[tuple[str, str]]:
    """Each pair of words the list's abbreviations write one after the other ("Sci. Paris" of
    "C. R. Acad. Sci. Paris - Math."): where a publisher's seat follows its name."""
    pairs: set[tuple[str, str]] = set()
    for abbreviation in listed_abbreviations():
        words = [_fold(word) for word in _PLAIN_WORD.findall(folded_to_ascii(abbreviation))]
        pairs.update(pairwise(words))
    return frozenset(pairs)


def _fold(word: str) -> str:
    word = word.casefold()
    for spelling, same in _TRANSLITERATIONS:
        word = word.replace(spelling, same)
    return word


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[_Word, ...]:
    """The words an abbreviation keeps (`_title_words`' rule), with their segment, dot and case."""
    text = folded_to_ascii(name)
    out: list[_Word] = []
    segment = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if not token[0].isalnum():
            segment += 1
            continue
        single_capital = len(token) == 1 and token.isupper()
        if token.isdigit() or (token.casefold() in _LEFT_OUT and not (out and single_capital)):
            continue
        dotted = text.startswith(".", match.end())
        out.append(_Word(_fold(token), segment, dotted, token[0].isupper()))
    return _mark_initials(out)


def _mark_initials(words: list[_Word]) -> tuple[_Word, ...]:
    """Two or more dotted single letters inside a title, before a name written whole ("im. V. A.
    Steklova"), are a person's initials; not a series ("Séries A et B") nor the title's own
    abbreviation ("C. R. Acad. Sci.")."""
    out = list(words)
    start = 1
    while start < len(out):
        end = start
        while end < len(out) and len(out[end].text) == 1 and out[end].dotted:
            end += 1
        if end - start >= 2 and end < len(out) and not out[end].dotted:
            out[start:end] = [replace(word, initial=True) for word in out[start:end]]
        start = max(end, start + 1)
    return tuple(out)


def _publisher_names(words: tuple[_Word, ...]) -> dict[int, int]:
    """Where the publisher's names are: from a word `_PUBLISHER` knows to its segment's end,
    start → end (exclusive). Such a name is left out whole or not at all: "J. Math." is not
    "Journal of the Institute of Mathematics of Jussieu"."""
    out: dict[int, int] = {}
    place = 0
    while place < len(words):
        if not _PUBLISHER.search(words[place].text):
            place += 1
            continue
        end = place + 1
        while end < len(words) and words[end].segment == words[place].segment:
            end += 1
        out[place] = end
        place = end
    return out


def abbreviates_loosely(short: str, name: str) -> bool:
    """``short`` is ``name`` abbreviated, with the publisher's seat added and the publisher's name,
    initials and form words left out (see the module docstring)."""
    if "." not in short:
        return False
    cited, title = _words(short), _words(name)
    if [w.text for w in cited] == [w.text for w in title]:
        return False  # the name itself: compared by key elsewhere
    names = _publisher_names(title)
    publisher = frozenset(place for start, end in names.items() for place in range(start, end))
    omissible = frozenset(
        place for place, word in enumerate(title) if word.initial or word.text in _serial_form_words()
    )
    return _aligns(cited, title, _Title(publisher, names, omissible))


@dataclass(frozen=True)
class _Title:
    """What may happen to a title's words besides being begun by the abbreviation's."""

    publisher: frozenset[int]  # words of the publisher's name: the seat may follow them
    names: dict[int, int]  # the publisher's names, start → end: left out whole
    omissible: frozenset[int]  # initials and form words: each left out alone


def _aligns(cited: tuple[_Word, ...], title: tuple[_Word, ...], rules: _Title) -> bool:
    """Whether ``cited`` walks ``title`` in order: each of its words begins the title's next
    word or is the seat right after the publisher's name; each title word is begun or left out
    by ``rules``; at least `_FEWEST_KEPT` title words are begun."""
    # State: (cited words read, title words read, whether the last cited word began a publisher
    # word) → most title words begun on the way.
    best: dict[tuple[int, int, bool], int] = {(0, 0, False): 0}
    for i in range(len(cited) + 1):
        for j in range(len(title) + 1):
            for after_publisher in (False, True):
                kept = best.get((i, j, after_publisher))
                if kept is None:
                    continue
                for state, begun in _steps(cited, title, rules, (i, j, after_publisher)):
                    best[state] = max(best.get(state, -1), kept + begun)
    ends = [best.get((len(cited), len(title), flag), -1) for flag in (False, True)]
    return max(ends) >= _FEWEST_KEPT


def _steps(
    cited: tuple[_Word, ...], title: tuple[_Word, ...], rules: _Title, state: tuple[int, int, bool]
) -> list[tuple[tuple[int, int, bool], int]]:
    """The states one step on, each with the title words it begins: a word begun, a title word
    (or a publisher's name) left out, a seat added."""
    i, j, after_publisher = state
    out = []
    if i < len(cited) and j < len(title) and _shortens(cited[i].text, title[j].text):
        out.append(((i + 1, j + 1, j in rules.publisher), 1))
    if j in rules.omissible:
        out.append(((i, j + 1, after_publisher), 0))
    if j in rules.names:
        out.append(((i, rules.names[j], after_publisher), 0))
    if i < len(cited) and after_publisher and _is_seat(cited[i - 1], cited[i]):
        out.append(((i + 1, j, False), 0))
    return out


def _is_seat(publisher: _Word, word: _Word) -> bool:
    """A place after the publisher's name: a whole word with a capital, not a series letter, that
    the list's abbreviations write after the same word ("Sci. Paris"; never "Sci. Physique")."""
    if not word.capital or word.dotted or len(word.text) < 2 or not set(word.text) - set("ivxl"):
        return False
    return (publisher.text, word.text) in _written_seats()
