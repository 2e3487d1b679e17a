"""Person names: author-list strings split into names, names split into `Person` parts.

Sources write names three ways, all handled here:

- arXiv API and most inputs: natural order, ``"Given [particle] Family [Suffix]"``;
- BibTeX: ``"[particle] Family, Given"`` and ``"[particle] Family, Suffix, Given"``;
- the arXiv snapshot: an ``authors`` string (``"C. Bal\\'azs, E. L. Berger and C.-P. Yuan"``,
  TeX accents, affiliations in parentheses, hard-wrapped) plus ``authors_parsed`` triples
  ``[family, given, suffix]``.

Decisions (the places where names are ambiguous):

- **Particles.** Lower-case particle words (``van``, ``von der``, ``de la`` ...) between
  the given names and the last word become ``particle`` (CSL's non-dropping particle).
  A *capitalised* particle word just before the last word belongs to the family name
  (``"M. De Napoli"`` → family ``"De Napoli"``, as arXiv's own parse has it).
- **Single words.** A one-word name is a ``family`` name (``"Plato"``, ``"王小明"``),
  unless it looks like an organisation — a digit, or capitals inside the word
  (``"OpenAI"``, ``"DeepMind"``, ``"ATLAS"``) — which makes it a ``literal``.
- **Organisations.** A name containing a word like Collaboration, Consortium, Team,
  Group, Institute, University, Lab or Research, or starting with "The", or wholly in
  braces (``"{Barnes and Noble}"``), is a ``literal`` and never split.
- **Order.** Names are split by position, never by guessing a culture: ``"Zhai Xiaohua"``
  gives given ``Zhai``, family ``Xiaohua``; only a comma changes the order.
- **Spelling.** TeX accents become Unicode, whitespace is collapsed, run-together
  initials are spaced (``"A.B."`` → ``"A. B."``, ``"J.P.Hague"`` → ``J. P. Hague``),
  hyphenated initials stay joined (``"C.-P."``), ``Jr``/``Sr`` get their period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bibnorm.models import Person
from bibnorm.text.accents import without_accents
from bibnorm.text.titles import plain_text, title_key, title_words
from bibnorm.text.word_tables import (
    alternation,
    author_list_words,
    latin_letters,
    name_list_conjunctions,
    name_particles,
    name_suffixes,
    organisation_words,
    table_entries,
)

__all__ = [
    "LATIN_LETTERS",
    "ORGANISATION_WORDS",
    "family_forms",
    "fold_letters",
    "is_pinyin_syllable",
    "name_words",
    "one_edit",
    "one_typo",
    "parse_name",
    "person_from_parts",
    "split_authors",
    "tidy_name_part",
]

# Lower-case words that start a family name's particle ("von" part in BibTeX terms), the
# capitalised ones that, just before the last word, are part of the family name ("De Napoli"),
# and the words that join two family names, which are no particles ("Ortega y Gasset"): one
# table, normalizer/data/name-particles.json.
PARTICLES = name_particles().particles
# The particles before a family name as a pattern, each followed by a space ("van der ", "de "):
# the one the list readers put before a name's capital.
PARTICLES_BEFORE = rf"(?:{alternation(PARTICLES)}\s)*"
# The capital letters a Latin-script name may open with, as a character class's inside: ASCII's,
# Latin-1's and Latin Extended-A's ("Šulc", "Łukasz", "Øksendal").
LATIN_CAPITALS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LATIN_CAPITAL = f"[{LATIN_CAPITALS}]"  # one of them, as a pattern: an initial's letter ("Ł.", "Á.")
# One initial of a given name as a reference prints it, as a pattern: a capital, at most one small
# letter, the period ("J.", "Th.", "Yu.", "Ł."): the list readers' one spelling of it.
INITIAL = rf"{LATIN_CAPITAL}[a-z]?\."
_CAPITAL_PARTICLES = name_particles().capitalised_in_family
_FAMILY_JOINERS = name_particles().family_joiners
# The word before an author list's last name, in its language ("and", "und", "et", "и":
# name-list-conjunctions.json), as a whole lower-case word; "et al." is no conjunction. A word that
# also joins two family names ("Ortega y Gasset": name-particles.json's family_joiners) is one
# before an initial, which opens a given name: Croatian's and Polish's "S. Konyagin i D. Kutzarova",
# Spanish's "A. Pérez y J. García", Italian's and Portuguese's "M. Rossi e G. Bianchi".
_CONJUNCTION = re.compile(
    rf"(?:^|\s)(?:{alternation(name_list_conjunctions())}(?=\s|$)(?!\s+al\b)"
    rf"|{alternation(_FAMILY_JOINERS)}(?=\s+{INITIAL}))"
)
# A Hanyu Pinyin syllable without tone marks (ISO 7098's initials and finals: pinyin-syllables.json):
# "Zhi Da Soh" is given names "Zhi Da" (Da is a syllable of a Chinese given name after another
# one), not the Portuguese/Italian particle of "Leonardo Da Vinci".
_SYLLABLES = table_entries("pinyin-syllables.json")
_PINYIN = re.compile(
    f"{alternation(_SYLLABLES['initials'])}?{alternation(_SYLLABLES['finals'])}", re.IGNORECASE
)


def is_pinyin_syllable(word: str) -> bool:
    """Whether ``word`` is spelled like one Hanyu Pinyin syllable ("Xu", "Zhi", "Da")."""
    return _PINYIN.fullmatch(word) is not None


_ROMAN_SUFFIXES = frozenset(name_suffixes().numerals)  # "II", "III" (name-suffixes.json)
_ORDINAL_SUFFIXES = frozenset(name_suffixes().ordinals)  # Vancouver's "3rd" (name-suffixes.json)
_SUFFIXES = {  # case-folded spelling -> written: "jr" and "jr." -> "Jr."
    spelling.casefold(): generation
    for generation in name_suffixes().generations
    for spelling in (generation, generation.rstrip("."))
}
# Words that make a name an organisation rather than a person, case-folded (organisation-words.json).
ORGANISATION_WORDS = frozenset(word.casefold() for word in organisation_words())
_DROPPED_ITEMS = frozenset({"others", "and others"})


# An author list's last "and others" in its language (author-list-words.json's and_others: "et
# al.", German's "u. a." and "u.a.", Russian's "и др."), its last period optional: "et al." in any
# case ("ET AL." of small capitals), the others lower case as printed ("U. A." is a person's initials).
AND_OTHERS = (
    r"(?:(?i:et\.?\s*al)|"
    + alternation(
        (phrase for phrase in author_list_words().and_others if not phrase.startswith("et")), any_blank=True
    )
    + r")\.?"
)
_OTHERS_LAST = re.compile(rf"(?:^|\s){AND_OTHERS}$")

_SPACE = re.compile(r"\s+")
_TIE = re.compile(r"(?<!\\)~")  # a TeX tie is a space; "\~" is an accent
# A period glued to the next word after an initial: "A.B." / "J.P.Hague" / "Yu.N." / "N.d'A".
_GLUED_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_])\.(?=[^\W\d_])|(?<![^\W\d_])([A-Z][a-z])\.(?=[A-Z])")
_SPACED_HYPHEN_INITIAL = re.compile(r"\.\s+-(?=[^\W\d_])")  # "C. -P." (authors_parsed) -> "C.-P."
# A stray space between an initial and its period ("C . Krishna Mohan", as arXiv lists it).
_SPACED_PERIOD = re.compile(r"(?<![^\W\d_])([^\W\d_])\s+\.(?=\s|$|-)")
_NAME_PREFIX = re.compile(rf"^{alternation(name_particles().glued_prefixes)}(?=[A-Z])")  # name-particles.json
# A name word's elided or glued particle: "d'Ascoli", "l'Hôpital", "O'Neil", "deBettencourt"
ELIDED_PARTICLE = re.compile(rf"^(?:(?i:[dlo])[’']|{alternation(PARTICLES)}(?=[A-Z]))")


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _scan(text: str) -> Iterator[tuple[int, str, int]]:
    """Yield (position, character, brace depth) for each character outside escapes."""
    depth = 0
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        yield index, char, depth


def _drop_parentheses(text: str) -> str:
    """Remove ``(...)`` asides (affiliations, footnote marks) outside braces; an unclosed
    one runs to the end (truncated snapshot strings)."""
    out: list[str] = []
    level = 0
    for _, char, depth in _scan(text):
        if depth == 0 and char == "(":
            level += 1
        elif depth == 0 and char == ")" and level:
            level -= 1
        elif not level:
            out.append(char)
    return "".join(out)


def _split_top(text: str, separators: str) -> list[str]:
    """Split at separator characters that are outside braces; an "&" between two letters or
    digits is a word's ("AT&T", "R&D"), no separator."""
    parts: list[str] = []
    start = 0
    for index, char, depth in _scan(text):
        if depth == 0 and char in separators and not (char == "&" and _inside_a_word(text, index)):
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _inside_a_word(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def _is_braced(text: str) -> bool:
    """True when ``text`` is one brace group: ``{...}``."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    return all(depth > 0 for index, _, depth in _scan(text) if index < len(text) - 1)


def tidy_name_part(text: str) -> str:
    """One part of a name (given, family ...) with its whitespace tidied: runs collapsed and
    a stray space before an initial's period dropped ("C . Krishna" → "C. Krishna", as
    arXiv lists an author of 2006.15102); for name parts a source gives apart, which
    `parse_name` never saw."""
    return _SPACED_PERIOD.sub(r"\1.", _collapse(text))


def _clean_initials(text: str) -> str:
    text = _SPACED_HYPHEN_INITIAL.sub(".-", _SPACED_PERIOD.sub(r"\1.", text))
    return _GLUED_INITIAL.sub(lambda m: (m.group(1) or m.group(2)) + ". ", text)


def _words(part: str) -> list[tuple[str, bool]]:
    """The words of one comma-part as (Unicode text, protected-by-braces) pairs."""
    words: list[tuple[str, bool]] = []
    part = _SPACED_HYPHEN_INITIAL.sub(".-", _SPACED_PERIOD.sub(r"\1.", _TIE.sub(" ", part)))
    for raw in _split_top(part, " \t\n"):
        if not raw:
            continue
        protected = raw.startswith("{") and not raw.startswith("{\\")
        text = plain_text(raw)
        if protected:
            words.append((text, True))
        else:
            words.extend((w, False) for w in _clean_initials(text).split())
    return words


def _is_particle(word: tuple[str, bool]) -> bool:
    return not word[1] and word[0] in PARTICLES


def _suffix(word: str) -> str | None:
    return word if word in _ROMAN_SUFFIXES else _SUFFIXES.get(word.casefold())


def is_name_suffix(word: str) -> bool:
    """Whether ``word`` is a person name's generation as printed: "Jr." or "Jr" in any case,
    "III", Vancouver's "3rd" (name-suffixes.json)."""
    return _suffix(word) is not None or word in _ORDINAL_SUFFIXES


def _is_plain_word(piece: str) -> bool:
    """No capital after the first letter, once a Mc/Mac/Fitz prefix is set aside."""
    rest = _NAME_PREFIX.sub("", piece)
    return not any(ch.isupper() for ch in rest[1:])


def _looks_like_organisation(text: str, words: list[str]) -> bool:
    if any(w.casefold().strip(",").removesuffix(".") in ORGANISATION_WORDS for w in words) or "AI" in words:
        return True
    if len(words) > 1 and words[0] in {"The", "the"}:
        return True
    if len(words) == 1:
        # Capitals inside a single word ("OpenAI", "DeepMind", "ATLAS") or a digit mark a
        # brand, not a person; "Abu-Shammala", "McLaughlin", "O'Neil" are still names.
        word = words[0]
        if any(ch.isdigit() for ch in word):
            return True
        return not all(_is_plain_word(piece) for piece in re.split(r"[-'’]", word) if piece)
    return "&" in text


def _family_with_particle(words: list[tuple[str, bool]]) -> tuple[str, str]:
    """Split BibTeX's "von Last" words into (particle, family)."""
    cut = 0
    while cut < len(words) - 1 and _is_particle(words[cut]):
        cut += 1
    return " ".join(w for w, _ in words[:cut]), " ".join(w for w, _ in words[cut:])


def _joined(words: list[tuple[str, bool]]) -> str:
    return " ".join(w for w, _ in words)


def _natural(words: list[tuple[str, bool]], suffix: str = "") -> Person:
    """Parse "Given [particle] Family [Suffix]" words."""
    if not suffix and len(words) >= 3:
        found = _suffix(words[-1][0]) if not words[-1][1] else None
        if found:
            suffix, words = found, words[:-1]
    if not words:
        return Person(suffix=suffix)
    if len(words) == 1:
        return Person(family=words[0][0], suffix=suffix)
    particle = _particle_run(words)
    if particle is not None:
        start, end = particle
        return Person(
            given=_joined(words[:start]),
            particle=_joined(words[start:end]),
            family=_joined(words[end:]),
            suffix=suffix,
        )
    first_family = _first_family_word(words)
    return Person(given=_joined(words[:first_family]), family=_joined(words[first_family:]), suffix=suffix)


def _particle_run(words: list[tuple[str, bool]]) -> tuple[int, int] | None:
    """Where the first run of particle words before the last word starts and ends ("de la" in
    "Charles de la Vallée Poussin" ends the run; "Vallée Poussin" is the family)."""
    last = len(words) - 1
    start = next((i for i in range(last) if _is_particle(words[i])), None)
    if start is None:
        return None
    end = start
    while end < last and _is_particle(words[end]):
        end += 1
    return start, end


def _first_family_word(words: list[tuple[str, bool]]) -> int:
    """Where the family name starts in words without a particle: the last word, with the
    capitalised particles before it ("Van", "De"), or the last three words joined by "y"/"e"."""
    last = len(words) - 1
    if len(words) >= 4 and words[-2][0] in _FAMILY_JOINERS:
        return last - 2  # Spanish/Portuguese "José Ortega y Gasset": the joined names are all family.
    first_family = last
    while (
        first_family > 1
        and not words[first_family - 1][1]
        and words[first_family - 1][0] in _CAPITAL_PARTICLES
        and not (
            is_pinyin_syllable(words[first_family - 1][0]) and is_pinyin_syllable(words[first_family - 2][0])
        )
    ):
        first_family -= 1
    return first_family


# A venue's references name the same people again and again (a worker parses each paper's
# authors for every document citing it, and each record's): half of judging a reference was
# parsing names. A `Person` is frozen, so one parse serves every caller.
@lru_cache(maxsize=32768)
def parse_name(text: str) -> Person:
    """Split one name into `Person` parts.

    Accepts natural order (``"Ludwig van Beethoven"``, ``"Neal J. Evans II"``) and BibTeX
    order (``"van Beethoven, Ludwig"``, ``"King, Jr., Martin Luther"``); TeX accents become
    Unicode; organisations become ``literal`` (see the module docstring for the rules).
    An empty or blank ``text`` gives an empty `Person`.
    """
    text = _collapse(_drop_parentheses(_collapse(text)))
    if not text:
        return Person()
    if _is_braced(text):
        return Person(literal=plain_text(text[1:-1]))
    plain = plain_text(text)
    if _looks_like_organisation(plain, _clean_initials(plain).split()):
        return Person(literal=plain)
    parts = [p.strip() for p in _split_top(text, ",")]
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return _natural(_words(parts[0]))
    if len(parts) == 2 and _suffix(plain_text(parts[1])):
        # "Given Family, Jr." — natural order with the suffix after a comma.
        return _natural(_words(parts[0]), suffix=_suffix(plain_text(parts[1])) or "")
    return _bibtex_order(parts)


def _bibtex_order(parts: list[str]) -> Person:
    """``Family, Given`` or ``Family, Suffix, Given`` parts (at least two)."""
    family_words = _words(parts[0])
    suffix = ""
    if len(parts) >= 3:
        suffix_text = plain_text(parts[1])
        suffix = _suffix(suffix_text) or suffix_text
        given_parts = parts[2:]
    else:
        given_parts = parts[1:]
        # authors_parsed-style "Evans II, Neal J.": the suffix rides on the family part.
        if len(family_words) > 1 and not family_words[-1][1] and _suffix(family_words[-1][0]):
            suffix = _suffix(family_words[-1][0]) or ""
            family_words = family_words[:-1]
    particle, family = _family_with_particle(family_words)
    given = " ".join(w for part in given_parts for w, _ in _words(part))
    return Person(given=given, family=family, particle=particle, suffix=suffix)


def person_from_parts(last: str, first: str, suffix: str) -> Person:
    """A `Person` from an arXiv snapshot ``authors_parsed`` triple ``[last, first, suffix]``.

    ``["de Marrais", "Robert P. C.", ""]`` → particle ``de``, family ``Marrais``;
    ``["The BABAR Collaboration", "", ""]`` → literal; ``["Yuan", "C. -P.", ""]`` → given
    ``C.-P.``. TeX accents become Unicode. A triple with only ``last`` is parsed like a
    whole name (arXiv puts names it could not split there).
    """
    if (
        not suffix
        and last.isalpha()
        and last.isascii()
        and first.replace(" ", "").isalpha()
        and first.isascii()
    ):
        # Most triples (["Vaswani", "Ashish", ""]): one plain word, plain given names. Nothing
        # below changes them, and a run parses the authors of every candidate record it reads.
        return Person(given=" ".join(first.split()), family=last)
    return _person_from_parts_in_full(last, first, suffix)


def _person_from_parts_in_full(last: str, first: str, suffix: str) -> Person:
    """`person_from_parts` for any triple: words, TeX, initials, particles, suffixes."""
    last_words = _words(_collapse(last))
    given = " ".join(w for w, _ in _words(_collapse(first)))
    suffix_text = plain_text(_collapse(suffix))
    suffix_text = _suffix(suffix_text) or suffix_text
    if not given and not suffix_text:
        return parse_name(" ".join(w for w, _ in last_words))
    particle, family = _family_with_particle(last_words)
    return Person(given=given, family=family, particle=particle, suffix=suffix_text)


def _is_dropped(item: str) -> bool:
    return item.casefold() in _DROPPED_ITEMS


def split_authors(text: str) -> list[str]:
    """Split an arXiv-style author list into one string per name.

    Separators are commas, semicolons, ``&`` and the conjunctions of the list's language
    (``and``, ``und``, ``et``, ``и``: `name_list_conjunctions`) outside braces
    (``"A, B, and C"``, ``"A und B"``, ``"A; B"``); parenthesised affiliations
    (``"A (MIT), B"``) and "and others" in the list's language (``et al.``, ``u. a.``,
    ``и др.``, ``others``: `AND_OTHERS`) are dropped; a lone ``Jr.`` item is
    joined to the name before it; whitespace (arXiv hard wraps) is collapsed. Names
    keep their TeX (`parse_name` converts it). BibTeX ``"Family, Given and ..."``
    fields are not this format: split those on ``and`` and give each to `parse_name`.
    """
    text = _collapse(_drop_parentheses(_collapse(text)))
    pieces: list[str] = []
    for chunk in _split_top(text, ",;&"):
        # "and others" first: its own conjunction splits no name off ("Jiahao Cui и др.")
        listed = _OTHERS_LAST.sub("", chunk)
        # a conjunction splits only as a whole lower-case word outside braces.
        start = 0
        for match in _CONJUNCTION.finditer(listed):
            if all(depth == 0 for index, _, depth in _scan(listed) if index == match.start()):
                pieces.append(listed[start : match.start()])
                start = match.end()
        pieces.append(listed[start:])
    names: list[str] = []
    for piece in pieces:
        item = _collapse(_OTHERS_LAST.sub("", _collapse(piece)))
        if not item or _is_dropped(item):
            continue
        if names and _suffix(item):
            names[-1] = f"{names[-1]} {_suffix(item)}"
            continue
        names.append(item)
    return names


# --- comparing names ------------------------------------------------------------------------

# Latin letters Unicode does not decompose into a base letter and an accent, so that folding
# accents away leaves them out ("Łukasz" would compare as "ukasz"): spelt in ASCII as the
# languages that use them transliterate them (TeX's \L, \o, \ss, \ae, \oe, \i, \dh, \th).
LATIN_LETTERS = str.maketrans(latin_letters().folded)
# How German and the Nordic languages spell their letters without the accent ("Fründ" is
# "Fruend" in a passport, "Ångström" "Aangstroem"): a second spelling of the same name.
_SPELT_OUT = str.maketrans(latin_letters().spelt_out)


def fold_letters(text: str) -> str:
    """``text`` (TeX rendered) with the letters that do not decompose spelt in ASCII."""
    text = plain_text(text) if "\\" in text or "{" in text else text
    return text if text.isascii() else text.translate(LATIN_LETTERS)


def folded_to_ascii(text: str) -> str:
    """``text`` without its accents, its letters folded to ASCII ("für" → "fur", "Łódź" → "Lodz")."""
    return without_accents(fold_letters(text))


def name_words(text: str) -> tuple[str, ...]:
    """A name's lower-case ASCII words, every Latin letter folded (``{\\L}ukasz`` → ``lukasz``)."""
    return title_words(fold_letters(text))


def family_forms(text: str) -> set[str]:
    """A family name's comparison keys: accents dropped ("Fründ" → "frund") or spelt out
    ("fruend", "Østergaard" → "oestergaard"), every Latin letter folded."""
    text = plain_text(text) if "\\" in text or "{" in text else text
    return {title_key(fold_letters(text)), title_key(fold_letters(text.translate(_SPELT_OUT)))} - {""}


# A shorter name has too many neighbours one letter away ("Liu"/"Lin") to allow a typo.
TYPO_MIN_LETTERS = 5
# A letter added or dropped only in a long name ("Metaxas"/"Metaxass" is the same person,
# "Chen"/"Cheng" is not).
EDIT_MIN_LETTERS = 7


def one_typo(a: str, b: str) -> bool:
    """One letter replaced, or two letters swapped ("mexatas"/"metaxas"), in a name of
    `TYPO_MIN_LETTERS` or more. A letter added or dropped is no typo here: "Frund" beside
    "Fruend" is another spelling of the name, not a mistake in it."""
    if len(a) != len(b) or len(a) < TYPO_MIN_LETTERS:
        return False
    differ = [index for index, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) == 1:
        return True
    return len(differ) == 2 and (a[differ[0]], a[differ[1]]) == (b[differ[1]], b[differ[0]])


def one_edit(a: str, b: str) -> bool:
    """`one_typo`, or one letter added or dropped in a name of `EDIT_MIN_LETTERS` or more:
    the spelling corrections dblp and Crossref make to a name arXiv got wrong. Looser than
    resolve's rule for a dropped letter (`bibnorm.resolve.people`, inner letters of 5 or more) on
    purpose: verify only tolerates a spelling, while a resolve decision rewrites the record."""
    if one_typo(a, b):
        return True
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1 or len(short) < EDIT_MIN_LETTERS:
        return False
    return any(long[:index] + long[index + 1 :] == short for index in range(len(long)))
