"""Journals by name, ISO 4 abbreviation and MEDLINE abbreviation, from data.

Two data files say what a journal is called:

- ``normalizer/data/venues.json``: the venue table of `bibnorm.text.venues`, whose
  ``kind = "journal"`` rows (TPAMI, JMLR, Nature, …) carry the name bibnorm prints, the
  acronyms people write ("TPAMI", "JMLR") and, where the list below lacks the journal, its
  ISO 4 abbreviation (``abbreviation``);
- ``normalizer/data/journals.tsv.gz``: JabRef's journal-abbreviation lists
  (abbrv.jabref.org, CC0 1.0), combined by ``scripts/build_journals.py``: about 33,000
  journals with their name, ISO 4 abbreviation (with dots) and MEDLINE abbreviation
  (without), provenance in ``normalizer/data/PROVENANCE.md``.

`find_journal` looks a spelling up in the table first (its rows are the names bibnorm has
always printed), then in the list, by name (or a variant of it the list records), then by
abbreviation. Spellings are compared by `journal_key`: case, accents, punctuation, spaces,
``&`` for "and" and a leading "The" aside, so "Phys. Rev. Lett.", "Phys Rev Lett" and
"Physical Review Letters" all find one journal; a trailing volume ("Entropy 27") or acronym in
parentheses ("… Research (JMLR)") is tried without. An abbreviation two journals share
("J. Math. Phys.") finds neither: it is ambiguous, and a wrong journal is worse than none.

The list is read on the first look-up only (about 2.4 MB of text): runs that never look a
journal up do not pay for it.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import permutations

from bibnorm.config import JournalNames
from bibnorm.text import data_file
from bibnorm.text.accents import without_accents
from bibnorm.text.names import folded_to_ascii
from bibnorm.text.venues import (
    VENUES,
    Venue,
    VenueKind,
    decorated_venue,
    find_venue,
    iso4_keeps_whole,
    proceedings_name,
    tidy_venue,
)
from bibnorm.text.word_tables import alternation, journal_catalogue_words, minor_words, title_omitted_words

TABLE = "bibnorm's venue table"
LIST = "JabRef's journal list"


@dataclass(frozen=True)
class Journal:
    """One journal: the name printed in full, its abbreviations, and where they come from."""

    name: str
    iso4: str = ""  # ISO 4 abbreviation, with dots ("Phys. Rev. Lett.")
    medline: str = ""  # MEDLINE/NLM abbreviation, without dots ("Phys Rev Lett")
    aliases: tuple[str, ...] = ()  # other spellings of the name (acronyms, old catalogue titles)
    origin: str = LIST

    @property
    def abbreviation(self) -> str:
        """The ISO 4 abbreviation, else the name (a journal without one is written in full)."""
        return self.iso4 or self.name

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for s in (self.name, self.iso4, self.medline, *self.aliases) if s))

    def spelled(self, form: JournalNames, given: str) -> str:
        """The name in ``form``: ``full``, ``abbreviated`` (ISO 4), or ``as-given`` (``given``)."""
        if form == "full":  # the list's case where the given name is it in another ("Journal Of …")
            return given if given.casefold() == self.name.casefold() else self.name
        if form == "abbreviated":
            return self.abbreviation
        return given


_NON_WORD = re.compile(r"[^0-9a-z]+")
_TRAILING_VOLUME = re.compile(r"(?<![\s,])[\s,]+(?:vol\.?\s*)?\d+\s*$", re.IGNORECASE)
_PARENS = re.compile(r"(?:(?<!\s)\s+)?\([^()]*\)\s*")  # blanks before from their first


def journal_key(text: str) -> str:
    """The comparison key of a journal spelling: its letters and digits, lower-case and without
    accents, ``&`` read as "and", a leading "The" dropped, and — as JabRef compares names — no
    spaces or hyphens ("Bio-Medical" is "Biomedical", "Knowledge-Based" "Knowledge Based")."""
    text = without_accents(text)
    words = [w for w in _NON_WORD.split(text.casefold().replace("&", " and ")) if w]
    return "".join(words[1:] if words[:1] == ["the"] else words)


@dataclass(frozen=True)
class _List:
    """The bundled list: one line per journal, sorted by `journal_key` of its name."""

    lines: tuple[str, ...]
    version: str


@cache
def _journal_list() -> _List:
    """The bundled list's lines (read on first use; nothing is indexed yet)."""
    data = data_file("journals.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    lines = text.split("\n")
    header = [line for line in lines[:5] if line.startswith("#")]
    return _List(
        lines=tuple(line for line in lines if line and not line.startswith("#")), version=header[0][2:]
    )


@cache
def _fields(index: int) -> tuple[str, str, str, str]:
    name, iso4, medline, aliases = _journal_list().lines[index].split("\t")
    return name, iso4, medline, aliases


@cache
def _name_key(index: int) -> str:
    line = _journal_list().lines[index]
    return journal_key(line[: line.index("\t")])


def _by_name(key: str) -> int | None:
    """The row whose name has ``key``: a binary search over the sorted names (no index to build)."""
    lo, hi = 0, len(_journal_list().lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if _name_key(mid) < key:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(_journal_list().lines) and _name_key(lo) == key:
        return lo
    return _by_alias().get(key)


@cache
def _by_alias() -> Mapping[str, int]:
    """Other spellings of the names (catalogue titles, variants JabRef folded), by key."""
    out: dict[str, int] = {}
    for index, line in enumerate(_journal_list().lines):
        aliases = line[line.rindex("\t") + 1 :]
        for alias in aliases.split("|") if aliases else ():
            out.setdefault(journal_key(alias), index)
    return out


@cache
def _by_abbreviation() -> Mapping[str, tuple[int, ...]]:
    """ISO 4 and MEDLINE abbreviations by key (built on the first look-up of one)."""
    out: dict[str, list[int]] = {}
    for index, line in enumerate(_journal_list().lines):
        _, iso4, medline, _ = line.split("\t")
        key = journal_key(iso4)
        out.setdefault(key, []).append(index)
        if medline and medline.replace(" ", "").casefold() != key and journal_key(medline) != key:
            out.setdefault(journal_key(medline), []).append(index)
    out.pop("", None)
    return {key: tuple(found) for key, found in out.items()}


def is_listed(text: str) -> bool:
    """Whether a row of the list or the venue table has ``text`` for a name or abbreviation, even
    one two journals share ("J. Math. Phys."): a spelling with a journal of its own."""
    key = journal_key(text)
    if find_venue(text) is not None or _by_name(key) is not None or key in _by_abbreviation():
        return True
    upright = uninverted(text)
    return upright is not None and is_listed(upright)


def uninverted(text: str) -> str | None:
    """A journal's name printed inverted, its subject first, in its usual order: IEEE Xplore's
    exports — and the .bib files and reference lists made from them — print "Automatic Control,
    IEEE Transactions on" for "IEEE Transactions on Automatic Control" and "Selected Areas in
    Communications, IEEE Journal on". A name ends in no minor word ("on", "of"), so one that does
    after its last comma is the name's head, the subject before it. None for a name in order."""
    subject, comma, head = text.rpartition(",")
    words = head.split()
    if not comma or len(words) < 2 or not ends_inverted(head) or not subject.strip(" ,"):
        return None
    return f"{' '.join(words)} {subject.strip(' ,')}"


def ends_inverted(name: str) -> bool:
    """Whether a journal's name ends as the head of a name printed inverted does: in a minor word
    ("IEEE Transactions on"), where no name in its usual order ends (`uninverted`)."""
    words = name.split()
    return bool(words) and words[-1].casefold() in _MINOR


_MINOR = frozenset(minor_words().words)


def abbreviation_shaped(text: str) -> bool:
    """Whether ``text`` is shaped as a journal's abbreviated name, listed or not: each word
    capitalised and cut short with a period (the last one's period maybe taken off), a section's
    capital letter, or a word ISO 4 prints whole (`printed_whole`), among them a cut word of
    three letters or more ("Progr. Theoret. Phys.", "Acta Cryst. B"); three cut words or more
    maybe with words ISO 4 leaves out between them ("Mem. della Soc. Astron. Ital.", not a title
    written short, "Intro. to Alg."). Names' initials alone are not ("J. K."), nor words in full
    ("Physics Today")."""
    words = _without_left_out_words([word.rstrip(",") for word in text.split()])
    cut = [_cut_short(word) for word in words]
    if len(words) < 2 or not any(
        shortened and len(word) > _SHORTEST_CUT_WORD for word, shortened in zip(words, cut, strict=True)
    ):
        return False
    cut[-1] = cut[-1] or _cut_short(words[-1] + ".")
    return all(
        shortened or _section_letter(word) or printed_whole(word)
        for word, shortened in zip(words, cut, strict=True)
    )


def _without_left_out_words(printed: list[str]) -> list[str]:
    """The ``printed`` words of a name without the words ISO 4 leaves out between its first and
    last, where three words or more of it are cut short (`_CUT_WORDS_AROUND_LEFT_OUT`); else all."""
    words = [word for at, word in enumerate(printed) if not (0 < at < len(printed) - 1 and word in _LEFT_OUT)]
    short = len(words) < len(printed) and sum(map(_cut_short, words)) < _CUT_WORDS_AROUND_LEFT_OUT
    return printed if short else words


# A word cut short is longer than this, its period counted: "Phys." is one, "J." may be an initial.
_SHORTEST_CUT_WORD = 3
# The fewest words cut short a name with words ISO 4 leaves out between them holds to be shaped so.
_CUT_WORDS_AROUND_LEFT_OUT = 3


def _cut_short(word: str) -> bool:
    """ "Phys.", "Theoret.", "J.": a capitalised word's first letters and a period."""
    letters = word[:-1]
    return word.endswith(".") and letters.isalpha() and letters[:1].isupper() and letters[1:].islower()


def _section_letter(word: str) -> bool:
    """A journal's section, one capital letter ("B" of "Acta Cryst. B")."""
    letter = word.rstrip(".")
    return len(letter) == 1 and letter.isupper()


def printed_whole(word: str) -> bool:
    """A capitalised word the list's ISO 4 abbreviations print whole ("Acta", "Nature") or the
    LTWA keeps so."""
    return word[:1].isupper() and (word in _whole_words() or iso4_keeps_whole(word))


@cache
def _whole_words() -> frozenset[str]:
    return frozenset(word for word in _abbreviations_words() if not word.endswith("."))


def is_listed_cut_word(word: str) -> bool:
    """Whether ``word`` ("Phys.", "Trans.") is a word cut short in a listed journal's ISO 4
    abbreviation."""
    return word in _cut_words()


@cache
def _cut_words() -> frozenset[str]:
    return frozenset(word for word in _abbreviations_words() if word.endswith("."))


@cache
def _abbreviations_words() -> tuple[str, ...]:
    """Every word of the list's ISO 4 abbreviations, read once for the words printed whole and
    those cut short."""
    return tuple(word for abbreviation in listed_abbreviations() for word in abbreviation.split())


def listed_abbreviations() -> tuple[str, ...]:
    """The ISO 4 abbreviation of every journal of the list that has one."""
    return tuple(iso4 for iso4 in (_fields(i)[1] for i in range(len(_journal_list().lines))) if iso4)


def list_version() -> str:
    """The header line naming the bundled list's source and commit."""
    return _journal_list().version


@lru_cache(maxsize=4096)
def _from_list(index: int) -> Journal:
    name, iso4, medline, aliases = _fields(index)
    return Journal(name=name, iso4=iso4, medline=medline, aliases=tuple(a for a in aliases.split("|") if a))


def _in_list(key: str) -> Journal | None:
    if not key:
        return None
    index = _by_name(key)
    if index is not None:
        return _from_list(index)
    found = _by_abbreviation().get(key, ())
    if len(found) == 1:
        return _from_list(found[0])
    journals = [_from_list(index) for index in found]
    if journals and all(_variant_names(journals[0].name, j.name) for j in journals[1:]):
        return min(
            journals, key=lambda j: len(j.name)
        )  # "Europhysics Letters" and "EPL (Europhysics Letters)"
    return None  # unknown, or an abbreviation two journals share ("J. Math. Phys.")


def _variant_names(a: str, b: str) -> bool:
    """Two list names of one journal: equal once a parenthesised part is read as the name ("EPL
    (Europhysics Letters)"), or one is the other with a subtitle ("Physica B: Condensed Matter"
    beside "Physica B"). Not two titles of one publisher ("ESAIM. Control, Optimisation …" and
    "ESAIM. Mathematical Modelling …"), nor a series beside the journal it split from ("Discrete
    and Continuous Dynamical Systems - Series S")."""
    forms_a, forms_b = _name_forms(a), _name_forms(b)
    return bool(forms_a & forms_b) or _head_names(a, forms_b) or _head_names(b, forms_a)


def _name_forms(name: str) -> set[str]:
    """The name as a whole: as written, without parenthesised parts, and each of those parts."""
    inner = re.findall(r"\(([^()]+)\)", name)
    plain = _PARENS.sub(" ", name).strip()
    return {journal_key(form) for form in (name, plain, *inner) if form}


_HEAD_BREAK = re.compile(r"(?:(?<!\s)\s+)?[:.]\s+|(?<!\s)\s+-\s+")  # blanks from their first
_CATALOGUE_WORDS = journal_catalogue_words()  # normalizer/data/journal-catalogue-words.json
_SERIES_TAIL = re.compile(rf"(?i)^{alternation(_CATALOGUE_WORDS.series)}\b|^(?:[A-Z]|[IVX]+)$")


def _head_names(name: str, forms: set[str]) -> bool:
    """``name`` is one of ``forms`` with a subtitle after it, not a series."""
    parts = _HEAD_BREAK.split(_PARENS.sub(" ", name).strip(), maxsplit=1)
    return len(parts) == 2 and not _SERIES_TAIL.match(parts[1]) and journal_key(parts[0]) in forms


def subtitled(name: str, other: str) -> bool:
    """``name`` is ``other`` with a subtitle after it ("Physica D: Nonlinear Phenomena" of
    "Physica D"), not a series split off it ("Discrete and Continuous Dynamical Systems. Series
    B")."""
    return _head_names(name, {journal_key(other)})


@cache
def _table_journals() -> Mapping[str, Journal]:
    """The venue table's journals by short name, with the list's abbreviations of their names."""
    out: dict[str, Journal] = {}
    for venue in VENUES:
        if venue.kind is VenueKind.JOURNAL:
            out[venue.short] = _table_journal(venue)
    return out


def _table_journal(venue: Venue) -> Journal:
    listed = next(
        (j for j in (_in_list(journal_key(s)) for s in (venue.name, *venue.aliases)) if j is not None),
        None,
    )
    iso4 = venue.abbreviation or (listed.iso4 if listed else "")
    medline = listed.medline if listed else ""
    aliases = (venue.short, *venue.aliases, *(listed.spellings if listed else ()))
    return Journal(
        name=venue.name,
        iso4=iso4,
        medline=medline,
        aliases=tuple(a for a in dict.fromkeys(aliases) if a not in (venue.name, iso4, medline)),
        origin=TABLE,
    )


@lru_cache(maxsize=8192)
def find_journal(text: str | None) -> Journal | None:
    """The journal a spelling names (see the module docstring), or ``None``."""
    if not text or not text.strip():
        return None
    venue = find_venue(text)
    if venue is not None:
        return _table_journals().get(venue.short) if venue.kind is VenueKind.JOURNAL else None
    for candidate in _variants(text):
        found = _in_list(journal_key(candidate))
        if found is not None:
            # A table journal spelt in a way only the list knows ("Journal of machine learning
            # research : JMLR") is still the table's journal, printed as the table prints it.
            table = find_venue(found.name)
            if table is not None and table.kind is VenueKind.JOURNAL:
                return _table_journals()[table.short]
            return found
    return None


def _variants(text: str) -> tuple[str, ...]:
    """The spelling, then without a trailing volume, then without parenthesised parts; a name
    printed inverted, in its usual order (`uninverted`)."""
    upright = uninverted(text)
    if upright is not None:
        return (text, *_variants(upright))
    out = [text]
    no_volume = _TRAILING_VOLUME.sub("", text)
    if no_volume and no_volume != text:
        out.append(no_volume)
    no_parens = _PARENS.sub(" ", no_volume or text).strip()
    if no_parens and no_parens not in out:
        out.append(no_parens)
    return tuple(out)


def trailing_volume(text: str) -> tuple[str, str] | None:
    """``("Entropy", "27")`` for a known journal's name with its volume glued on ("Entropy 27")."""
    match = _TRAILING_VOLUME.search(text)
    if not match:
        return None
    head = text[: match.start()].strip()
    journal = find_journal(head)
    if journal is None or journal_key(text) in {journal_key(s) for s in journal.spellings}:
        return None  # "Physical Review 2"? the digits belong to the name
    return head, re.sub(r"\D", "", match.group(0))


def same_journal(a: Journal, b: Journal) -> bool:
    """One journal: the same row or name, a spelling in common, or one the other names with a
    subtitle or a parenthesised part ("Physical Review B: Condensed Matter", "EPL (Europhysics
    Letters)")."""
    if a == b or a.name == b.name:
        return True
    keys_a, keys_b = {journal_key(s) for s in a.spellings}, {journal_key(s) for s in b.spellings}
    return bool(keys_a & keys_b) or _variant_names(a.name, b.name)


def dotted_abbreviation(short: str, name: str) -> str | None:
    """Crossref's ``short-container-title`` as an ISO 4 abbreviation, when it is one.

    "Nat Mach Intell" of "Nature Machine Intelligence" → "Nat. Mach. Intell." (each word a
    beginning of the name's words, in order; dots after the shortened ones). An acronym
    ("CAIS") or a short title that is not the name's words shortened gives ``None``.
    """
    words = short.replace(".", " ").split()
    found = re.findall(r"[^\W_]+", name)
    name_words = [word for place, word in enumerate(found) if not _omitted(folded_to_ascii(word), place)]
    if len(words) < 2 or len(words) != len(name_words):
        return None
    out = []
    for word, full in zip(words, name_words, strict=True):
        if not full.casefold().startswith(word.casefold()):
            return None
        out.append(word if len(word) == len(full) else word + ".")
    return " ".join(out)


# Words an abbreviation leaves out of a journal's title (ISO 4 and the AMS's abbreviations alike):
# articles, prepositions, conjunctions and possessives, in the languages journal titles come in —
# "Funktsional. Anal. i Prilozhen." is "Funktsionalnyi Analiz i ego Prilozheniya", "Časopis Pěst.
# Mat." "Časopis Pro Pěstování Matematiky", "Z. Anal.
# Anwendungen" "Zeitschrift für Analysis und ihre Anwendungen", "J. Physique" "Le Journal de
# Physique", "Ann. Inst. H. Poincaré" "Annales de l'Institut Henri Poincaré"; "im." (Russian
# "imeni", named after) "Inst. Steklov." "Instituta im. V. A. Steklova".
_LEFT_OUT = title_omitted_words()  # normalizer/data/title-omitted-words.json
# A catalogue's full title (MathSciNet's ``fjournal``, zbMATH) names the publisher before the
# journal, a subtitle or a new series after it, and sometimes the journal after its society:
# "Akademiya Nauk SSSR. Matematicheskie Zametki", "Nonlinear Dynamics. An International Journal
# of …", "Sociedad Matemática Mexicana. Boletín. Tercera Serie" ("Bol. Soc. Mat. Mexicana (3)").
_SEGMENT_BREAK = re.compile(r"[.:]\s+|(?:(?<!\s)\s+)?\u2014\s*")  # IEEE's "Circuits and Systems—Part I: …"
_SUBTITLE = re.compile(
    rf"(?i)^{alternation(_CATALOGUE_WORDS.subtitle_openers)}\b"
    rf"|^{alternation(_CATALOGUE_WORDS.new_series)} s[eé]ri"
)
_SERIES_LETTER = re.compile(r"\b(?:[A-Z]|[IVX]+)$")  # "Physics Letters A", "Part II"
_PARENTHESISED = re.compile(r"(?:(?<!\s)\s+)?\([^()]*\)")
_MOST_SEGMENTS_REORDERED = 4
# The publisher a catalogue names first: an academy, a university, an institute, a society or
# one of their branches. Only such a segment may be left out before the title: "Journal of
# Physics: Condensed Matter" is not "Condensed Matter".
_PUBLISHER = re.compile(
    rf"(?i){alternation(_CATALOGUE_WORDS.publisher_stems)}|\b{alternation(_CATALOGUE_WORDS.publisher_words)}\b"
)


_TITLE_WORD = re.compile(r"[0-9A-Za-z]+")


@lru_cache(maxsize=8192)
def _title_words(text: str) -> tuple[str, ...]:
    """The words of a journal title that an abbreviation keeps: ASCII, lower case, no linking
    words, no series numbers ("Amer. Math. Soc. Transl. (2)"); a capital letter after the first
    word is a series ("Phys. Lett. A", "Sér. I"), not the article or the conjunction."""
    words = _TITLE_WORD.findall(folded_to_ascii(text))
    kept = (word for place, word in enumerate(words) if not word.isdigit() and not _omitted(word, place))
    return tuple(word.casefold() for word in kept)


def _omitted(word: str, place: int) -> bool:
    """Whether an abbreviation leaves out a title's ``word`` (folded; at ``place`` among its
    words): a linking word (`_LEFT_OUT`), unless a capital letter after the first word, which is
    a series ("Phys. Lett. A", "Sér. I"), not the article or the conjunction."""
    return word.casefold() in _LEFT_OUT and not (place and len(word) == 1 and word.isupper())


@lru_cache(maxsize=4096)
def journal_title_cores(name: str) -> tuple[str, ...]:
    """The title itself inside a catalogue's full name: without the subtitle segments after it
    (a segment starting "A", "An", "The", "Journal" or naming a new series, or any after a
    series letter: "Modern Physics Letters A. Particles and Fields, …"), and without the
    publisher's segments before it (`_PUBLISHER`) as long as two words are left; its segments in
    any order when there are a few ("Institut Mathématique. Publications" is "Publ. Inst. Math.")."""
    segments = [s for s in _SEGMENT_BREAK.split(name.strip()) if s]
    end = len(segments)
    while end > 1 and (_SUBTITLE.match(segments[end - 1]) or _SERIES_LETTER.search(segments[end - 2])):
        end -= 1
    cores = [name, " ".join(segments[:end])]
    for start in range(end):
        if start and not _PUBLISHER.search(segments[start - 1]):
            break
        kept = segments[start:end]
        orders = permutations(kept) if len(kept) <= _MOST_SEGMENTS_REORDERED else [kept]
        cores += [
            " ".join(order) for order in orders if start == 0 or len(_title_words(" ".join(order))) >= 2
        ]
    return tuple(dict.fromkeys(cores))


def _shortens(part: str, word: str) -> bool:
    """``part`` begins ``word``; a series (a letter, a roman number) only as itself: "I" is not "II"."""
    if len(word) == 1 or not set(word) - set("ivxl"):
        return part == word
    return word.startswith(part)


def abbreviates_title(short: str, name: str) -> bool:
    """``short`` is ``name`` abbreviated word by word: each of its words begins the word of the
    name in its place, linking words and series numbers aside, and at least one is shortened
    with a dot ("Probab. Theory Related Fields", "Z. Wahrsch. Verw. Gebiete", "Ž. Vyčisl. Mat i
    Mat. Fiz."). Every word of the name must be accounted for: "Ann. Probab." is not "Annals of
    Applied Probability", nor "Nonlinear Anal." "Nonlinear Analysis: Real World Applications"."""
    if "." not in short:
        return False
    full = _title_words(name)
    # A parenthesised place or series ("Publ. Inst. Math. (Beograd) (N.S.)") the name may lack.
    for spelling in dict.fromkeys((short, _PARENTHESISED.sub("", short))):
        shortened = _title_words(spelling)
        if (
            len(shortened) == len(full)
            and shortened != full
            and all(_shortens(part, word) for part, word in zip(shortened, full, strict=True))
        ):
            return True
    return False


# --- writing venue names: one spelling per venue in one file ----------------------------------


def venue_spelling(
    venue: str, *, journal: bool, year: int | None, form: JournalNames, short: str | None = None
) -> str:
    """How a venue is written in ``form``.

    A journal (``journal=True``): its name or ISO 4 abbreviation from the data
    (`find_journal`), else, abbreviated, the source's short title when it is the name's words
    shortened (`dotted_abbreviation`), else the name as given. A proceedings: a table venue's
    name that year, or its acronym ("CVPR", "NIPS" until 2017); any other as given. ``as-given``
    changes nothing but whitespace.
    """
    if form == "as-given":
        return tidy_venue(venue)
    if not journal:
        table = find_venue(venue)
        if table is None:
            return proceedings_name(
                venue
            )  # dblp's "…, FOO 2021, Rome, Italy, May 3-7, 2021": no city, no dates
        if table.kind is not VenueKind.CONFERENCE or (
            not table.spells(venue) and table is not decorated_venue(venue)
        ):
            return tidy_venue(venue)  # a workshop "@CVPR" is not CVPR: only the table's own spellings
        return table.name_in(year) if form == "full" else table.short_in(year)
    table = find_venue(venue)
    if form == "full" and table is not None and table.kind is VenueKind.JOURNAL:
        return table.name  # the table's name: no need to read the list
    known = find_journal(venue)
    if known is not None:
        return known.spelled(form, venue)
    if form == "abbreviated" and short:
        return dotted_abbreviation(short, venue) or tidy_venue(venue)
    return tidy_venue(venue)
