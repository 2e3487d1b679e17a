"""One spelling per venue: the table of common ML/CV/NLP/IR/speech venues.

Semantic Scholar spells the same venue many ways — ``publicationVenue.name``
("Computer Vision and Pattern Recognition"), ``venue`` ("2022 IEEE/CVF Conference on
Computer Vision and Pattern Recognition (CVPR)"), ``journal.name``, abbreviations
("Nat. Mac. Intell.") — and users write "CVPR 2022" or "CVPRW". `find_venue` maps any
of them to one `Venue` whose ``name`` is the booktitle/journal we print and whose
``short`` is the acronym.

How a spelling is matched (`venue_key`): case, accents, punctuation, years, ordinals
("35th"), a trailing volume number, "Proceedings of (the)", and publisher tags (IEEE,
CVF, ACM) are ignored; a parenthesised acronym ("... (ICCV)") is tried when the long
form is not in the table. Unknown venues are not guessed: `canonical_venue_name`
returns them tidied but otherwise unchanged.

The table is a data file, ``normalizer/data/venues.json``: one object per venue with
``short``, ``name`` (what is printed), ``kind`` (``conference``, ``journal`` or
``preprint`` — preprint servers are never a publication), ``aliases`` (other spellings
seen in Semantic Scholar data and user input), ``earlier_names`` (``[last year,
name]``: CVPR/CVPRW until 2018, ICCV/ICCVW until 2017 and WACV until 2020 print their
"IEEE" names without "/CVF", NeurIPS until 2017 "(NIPS)"; applied by
`venue_name_in_year`), for a joint or co-located event (ACL-IJCNLP, EMNLP-IJCNLP, COLING-ACL)
the venues it is ``joint`` of (a paper of ACL-IJCNLP 2021 appeared in ACL: `Venue.includes`),
and, for a journal that JabRef's list (`bibnorm.text.journals`) lacks, its ISO 4
``abbreviation``. Adding a venue is one line there.

The ACL Anthology's booktitles name a track after the event ("(Volume 1: Long Papers)",
", Volume 1 (Long and Short Papers)", ": Main Volume", "(System Demonstrations)"): the track
is left out when a spelling is looked up (`without_track`).

Every venue has a full and a short spelling (`Venue.spelled`): a conference's short one is
its acronym as it was that year ("NIPS" until 2017, "NeurIPS" after), a journal's its ISO 4
abbreviation (`bibnorm.text.journals`).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache, partial
from types import MappingProxyType

from bibnorm.text import data_file
from bibnorm.text.accents import without_accents
from bibnorm.text.months import MONTHS
from bibnorm.text.word_tables import alternation, title_omitted_words, venue_words


class VenueKind(StrEnum):
    CONFERENCE = "conference"
    JOURNAL = "journal"
    PREPRINT = "preprint"  # a preprint server: listing there is not a publication


@dataclass(frozen=True)
class Venue:
    """A venue with its one printed spelling.

    ``name`` is what goes into ``booktitle`` (conferences) or ``journal`` (journals);
    ``aliases`` are the other spellings seen in Semantic Scholar data and in user input.
    """

    short: str
    name: str
    kind: VenueKind
    aliases: tuple[str, ...] = ()
    # Names the venue printed before it took `name`: (last year, name), oldest first.
    # CVPR became "IEEE/CVF" in 2019: a CVPR 2016 paper cited with it reads as an error.
    earlier_names: tuple[tuple[int, str], ...] = ()
    abbreviation: str = ""  # ISO 4, for a journal JabRef's list lacks
    # The venues a joint event is made of, by their ``short`` ("ACL-IJCNLP": ACL and IJCNLP).
    joint: tuple[str, ...] = ()

    def includes(self, other: Venue) -> bool:
        """Whether a paper of ``other`` is one of this venue's: the same venue, or one of the
        venues it is a joint event of, or the joint event ``other`` is (either way round: a
        source names ACL for a paper whose proceedings are ACL-IJCNLP's)."""
        return self.short == other.short or other.short in self.joint or self.short in other.joint

    @property
    def is_publication(self) -> bool:
        return self.kind is not VenueKind.PREPRINT

    def name_in(self, year: int | None) -> str:
        """The name the venue's proceedings carried in ``year`` (the current one if unknown)."""
        if year is not None:
            for last_year, name in self.earlier_names:
                if year <= last_year:
                    return name
        return self.name

    def short_in(self, year: int | None) -> str:
        """The acronym the venue went by in ``year``: the one its name then carried ("NIPS")."""
        name = self.name_in(year)
        if name != self.name:
            inner = _PAREN.findall(name)
            if inner:
                return inner[-1]
        return self.short

    def spells(self, text: str) -> bool:
        """Whether ``text`` is one of this venue's own spellings (up to `venue_key`), not merely a
        name that contains it ("A-TEST@ESEC/SIGSOFT FSE" is a workshop, not FSE)."""
        key = venue_key(text)
        return any(
            key in (venue_key(s), venue_key(_PAREN.sub(" ", s)))
            for s in (self.short, *self.all_names, *self.aliases)
        )

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *(name for _, name in self.earlier_names))

    def names_another_year(self, text: str, year: int) -> bool:
        """Whether ``text`` is a name (or acronym) the venue carried only in years other than
        ``year``: "NeurIPS" for a 2017 paper, whose proceedings were "NIPS"; not that year's own
        name, nor a spelling every year shares ("Advances in Neural Information Processing Systems")."""
        if not self.earlier_names:
            return False
        key = _spelling_key(text)
        current = self.name_in(year)
        eras = {name: {_spelling_key(name), _spelling_key(_PAREN.sub(" ", name))} for name in self.all_names}
        for name in self.all_names:
            inner = _PAREN.findall(name)
            eras[name].add(_spelling_key(inner[-1] if inner else self.short))
        return key not in eras[current] and any(key in keys for keys in eras.values())


def _load_venues() -> tuple[Venue, ...]:
    rows = json.loads(data_file("venues.json").read_text("utf-8"))
    return tuple(
        Venue(
            short=row["short"],
            name=row["name"],
            kind=VenueKind(row["kind"]),
            aliases=tuple(row.get("aliases", ())),
            earlier_names=tuple((int(year), name) for year, name in row.get("earlier_names", ())),
            abbreviation=row.get("abbreviation", ""),
            joint=tuple(row.get("joint", ())),
        )
        for row in rows
    )


VENUES: tuple[Venue, ...] = _load_venues()

# Words that do not tell venues apart: who sponsors it, how often it meets (venue-words.json).
_NOISE_WORDS = venue_words().noise
_YEAR = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?![0-9])|'[0-9]{2}\b")
_ORDINAL = re.compile(r"\b[0-9]+(st|nd|rd|th)\b", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _spelling_key(text: str) -> str:
    """A spelling compared as written, up to case, punctuation, years and "Proceedings of (the)":
    unlike `venue_key` it keeps the sponsors, which tell CVPR's "IEEE" years from its "IEEE/CVF" ones."""
    text = _YEAR.sub(" ", text.casefold())
    words = [w for w in re.split(r"[^0-9a-z/]+", text) if w]
    while words and words[0] in ("proceedings", "of", "the"):
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)  # a venue's references name the same few venues, every record too
def venue_key(text: str) -> str:
    """The comparison key of a venue spelling (see the module docstring for what is ignored)."""
    text = without_accents(text).casefold()
    text = text.replace("&", " and ")
    text = _YEAR.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    words = [w for w in _NON_WORD.split(text) if w and w not in _NOISE_WORDS]
    if len(words) > 1 and words[-1].isdigit():
        words.pop()  # a volume number: "Advances in Neural Information Processing Systems 35"
    return " ".join(words)


@cache
def _index() -> Mapping[str, Venue]:
    """Every spelling's key → its venue; built on the first look-up (a run that never looks a
    venue up, a list of preprints, does not pay for the whole table's keys). A name's ISO 4
    abbreviation is a spelling too ("Proc. IEEE Conf. Comput. Vis. Pattern Recognit."), unless
    two venues' names abbreviate alike."""
    index: dict[str, Venue] = {}
    abbreviated: dict[str, set[str]] = {}
    for venue in VENUES:
        for spelling in (venue.short, *venue.all_names, *venue.aliases):
            key = venue_key(spelling)
            # The printed name contains "(CVPR)": index it with and without the acronym.
            for variant in (key, venue_key(_PAREN.sub(" ", spelling))):
                if variant and variant not in index:
                    index[variant] = venue
            if " " in spelling.strip():
                plain = _PAREN.sub(" ", spelling)
                # The LTWA's abbreviation and the one JabRef's lists use, which people write too
                # ("… Pattern Recognit. Workshops", "Proc. Natl. Acad. Sci. U. S. A.").
                for abbreviation in {iso4_abbreviation(plain), iso4_abbreviation(plain, ltwa=False)}:
                    abbreviated.setdefault(venue_key(abbreviation), set()).add(venue.short)
    by_short = {venue.short: venue for venue in VENUES}
    for key, shorts in sorted(abbreviated.items()):
        if key and key not in index and len(shorts) == 1:
            index[key] = by_short[next(iter(shorts))]
    return MappingProxyType(index)


# Words ISO 4 leaves out of a title: articles, prepositions, conjunctions (title-omitted-words.json).
_ISO4_DROPPED = title_omitted_words()
_ISO4_WORD = re.compile(r"[dlDL]['’](?=[^\W\d_])|[^\W\d_]+")  # "l'" of "l'Institut" is a word


@cache
def _word_table(name: str) -> Mapping[str, str]:
    """A ``word<TAB>abbreviation`` data file (``#`` lines are its header)."""
    table = {}
    for line in gzip.decompress(data_file(name).read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, abbreviation = line.split("\t")
            table[word] = abbreviation
    return MappingProxyType(table)


def _ltwa_abbreviation(lower: str) -> str | None:
    """The word's abbreviation in the LTWA (``normalizer/data/ltwa-words.tsv.gz``, the ISSN's
    List of Title Word Abbreviations, by ``scripts/build_ltwa_words.py``): its own row, else the
    longest word beginning that fits ("conferen-" for "Conference"); "" for a word ISO 4 keeps
    whole, None for one the list does not have."""
    table = _word_table("ltwa-words.tsv.gz")
    if lower in table:
        return table[lower]
    return next((table[f"{lower[:n]}-"] for n in range(len(lower), 1, -1) if f"{lower[:n]}-" in table), None)


def iso4_keeps_whole(word: str) -> bool:
    """Whether the LTWA lists ``word`` as one ISO 4 never abbreviates ("Quantum", "Today"; by its
    own row or a word beginning's, as `iso4_abbreviation` reads the list)."""
    return _ltwa_abbreviation(word.casefold()) == ""


def _iso4_word(match: re.Match[str], *, ltwa: bool = True) -> str:
    word = match.group(0)
    lower = word.casefold()
    glued = match.start() > 0 and match.string[match.start() - 1].isdigit()  # the "D" of "3D" is no word
    folded = without_accents(lower)
    if folded.rstrip("'’") in _ISO4_DROPPED and not glued:  # "für" as the table has it, "fur"; "l'"
        return ""
    stem = _ltwa_abbreviation(lower) if ltwa else None
    if stem is None:
        # Words the LTWA lacks, as JabRef's journal lists abbreviate them
        # (``iso4-words.tsv.gz``, by ``scripts/build_iso4_words.py``), plurals as their singular.
        table = _word_table("iso4-words.tsv.gz")
        stem = table.get(lower) or (table.get(lower[:-1]) if lower.endswith("s") else None)
    if not stem:
        return word
    return f"{stem[:1].upper() + stem[1:] if word[:1].isupper() else stem}."


def iso4_abbreviation(name: str, *, ltwa: bool = True) -> str:
    """A name abbreviated word by word as ISO 4 does ("IEEE Conference on Computer Vision and
    Pattern Recognition" → "IEEE Conf. Comput. Vis. Pattern Recognit."): linking words left
    out, each word the list knows abbreviated, the others kept. ``ltwa=False``: the words as
    JabRef's lists abbreviate them only ("Workshops" whole, where the LTWA has "Work.")."""
    return " ".join(_ISO4_WORD.sub(partial(_iso4_word, ltwa=ltwa), name).split())


# dblp's and Crossref's proceedings titles decorate the name: "2018 IEEE Conference on Computer
# Vision and Pattern Recognition, CVPR 2018, Salt Lake City, UT, USA, June 18-22, 2018",
# "9th International Conference on Learning Representations, ICLR 2021, Virtual Event, Austria,
# May 3-7, 2021", "Computer Vision - ECCV 2020 - 16th European Conference, Glasgow, UK, ...".
# The venue is the name before the "ACRONYM YEAR" part (or before the dates and place), without
# its year, edition and "Proceedings of"; a booktitle never carries the city or the dates.
_SEGMENT = re.compile(r",\s+|(?<!\s)\s+[-\u2013\u2014]\s+")  # blanks from their first
_ACRONYM_YEAR = re.compile(r"^([A-Z][\w&/+.@-]*(?:\s[A-Z][\w&/+.@-]*)?)\s+(?:19|20)\d{2}$")
_MONTHS = "|".join(month.abbreviation.lower() for month in MONTHS)
_PLACE_OR_DATE = re.compile(
    rf"(?i)\b(?:{_MONTHS})[a-z]*\.?\s+\d|\d\s+(?:{_MONTHS})|\b\d{{1,2}}\s*[-\u2013]\s*\d{{1,2}}\b"
    r"|^(?:virtual(?: event)?|online|proceedings|part [ivxl]+|volume \d++.*)$|^(?:19|20)\d{2}\b"
)
# "String Processing and Information Retrieval, 13th International Conference, SPIRE 2006, …":
# the edition, as a part of its own.
_EDITION_PART = re.compile(r"(?i)^(?:the )?\d+(?:st|nd|rd|th)\b")
_EDITION = re.compile(
    r"(?i)^(?:proceedings of )?(?:the )?(?:(?:19|20)\d{2}\s+)?(?:\d+(?:st|nd|rd|th)\s+)?|\s+(?:19|20)\d{2}$"
)
_PROCEEDINGS_OF = re.compile(r"(?i)proceedings of (?:the )?")
# an event beside the main one: "Workshops", "Companion", "Findings" (venue-words.json)
_NOT_THE_MAIN_EVENT = re.compile(rf"(?i)\b{alternation(venue_words().satellites)}\b")


def undecorated_proceedings(text: str) -> tuple[str, str | None]:
    """A proceedings title without what dblp and Crossref add to it: ``(name, acronym)``.

    ``"9th International Conference on Learning Representations, ICLR 2021, Virtual Event,
    Austria, May 3-7, 2021"`` → ``("International Conference on Learning Representations",
    "ICLR")``; a plain name comes back tidied, with no acronym.
    """
    segments = [part.strip() for part in _SEGMENT.split(tidy_venue(text)) if part.strip()]
    acronym = None
    for index, part in enumerate(segments):
        found = _ACRONYM_YEAR.match(part)
        if found:
            acronym = found.group(1)
            segments = segments[:index] or segments[index + 1 : index + 2]
            break
    kept: list[str] = []
    for part in segments:
        if kept and _PLACE_OR_DATE.search(part):
            break  # the place and the dates, and whatever follows them
        if not (kept and _EDITION_PART.match(part)):
            kept.append(part)
    name = _EDITION.sub("", ", ".join(kept)).strip(" ,;:")
    return (name or tidy_venue(text)), acronym


def proceedings_name(text: str) -> str:
    """The printed name of proceedings no table knows: `undecorated_proceedings`' name, with its
    acronym in parentheses ("International Conference on Foo (FOO)"), and the "Proceedings of
    (the)" it opens with, which a style prints after its "In" ("Proceedings of the Cognitive
    Science Society", not "In Cognitive Science Society")."""
    name, acronym = undecorated_proceedings(text)
    opening = _PROCEEDINGS_OF.match(tidy_venue(text))
    if opening is not None and not name.casefold().startswith("proceedings"):
        name = opening.group() + name
    if acronym and acronym.casefold() not in name.casefold():
        return f"{name} ({acronym})"
    return name


def decorated_venue(text: str) -> Venue | None:
    """The table venue a dblp/Crossref proceedings title names, by its name, else by its acronym
    (never a workshop's or companion's title by its main conference's acronym), else the venue
    its first parts spell (`_leading_venue`: a name followed by a city, as users write it)."""
    name, acronym = undecorated_proceedings(text)
    if name == tidy_venue(text) and acronym is None:
        return _leading_venue(text)
    index = _index()
    by_acronym = index.get(venue_key(acronym)) if acronym else None
    for candidate in (name, name.split(":")[0]):
        found = index.get(venue_key(candidate))
        if found is not None:
            # a name and an acronym that point to two venues ("Machine Learning, ICCV 2023"): neither
            return found if by_acronym is None or by_acronym is found else None
    found = by_acronym
    if found is not None and _NOT_THE_MAIN_EVENT.search(name) and not _NOT_THE_MAIN_EVENT.search(found.name):
        return None
    return found or _leading_venue(text)


# "Advances in Neural Information Processing Systems 31 (NIPS 2018)": the acronym and year in
# parentheses at the end of a name.
_PAREN_ACRONYM_YEAR = re.compile(r"(?:(?<!\s)\s+)?\(([A-Z][\w&/+.-]*)\s*'?(?:(?:19|20)\d{2}|\d{2})\)$")


def _another_event_of(venue: Venue, text: str) -> bool:
    """``text`` names a workshop, companion or findings of ``venue``, not ``venue`` itself
    ("Proceedings of the … (CVPR) Workshops")."""
    return bool(_NOT_THE_MAIN_EVENT.search(text)) and not _NOT_THE_MAIN_EVENT.search(venue.name)


def _leading_venue(text: str) -> Venue | None:
    """The table conference a spelling begins with when what follows says only where it met ("…,
    Long Beach, CA, USA" — a place without dates, as users write it) or its acronym and year in
    parentheses; never a name followed by a workshop's, companion's or findings' words."""
    segments = [part.strip() for part in _SEGMENT.split(tidy_venue(text)) if part.strip()]
    for end in range(1, len(segments) + 1):
        if _NOT_THE_MAIN_EVENT.search(" ".join(segments[end:])):
            return None
        head = ", ".join(segments[:end])
        found = _PAREN_ACRONYM_YEAR.search(head)
        named = _index().get(venue_key(found.group(1))) if found else None
        name = _PAREN_ACRONYM_YEAR.sub("", head)
        # The table's own spellings only (no `find_venue`: it asks this function back).
        venue = _index().get(venue_key(name)) or _index().get(venue_key(_PAREN.sub(" ", name)))
        if (
            venue is not None
            and venue.kind is VenueKind.CONFERENCE
            and venue.spells(name)
            and named in (None, venue)
        ):
            return venue
    return None


@lru_cache(maxsize=8192)
def find_venue(text: str | None) -> Venue | None:
    """The table entry for a venue spelling, or ``None`` when the venue is not in the table.

    A preprint cited by its arXiv id where the venue goes ("arXiv preprint arXiv:2106.04560",
    "CoRR abs/2106.04560") is arXiv's entry.
    """
    if not text or not text.strip():
        return None
    for reading in _VENUE_READINGS:
        found = reading(text)
        if found is not None:
            return found
    return None


def _by_spelling(text: str) -> Venue | None:
    return _index().get(venue_key(text))


def _by_acronym_in_parentheses(text: str) -> Venue | None:
    """ "2023 IEEE/CVF International Conference on Computer Vision (ICCV)": the long form may be a
    variant we do not list, but the acronym in parentheses is unambiguous."""
    for inner in reversed(_PAREN.findall(text)):
        found = _index().get(venue_key(inner))
        if found is not None and not _another_event_of(found, _PAREN.sub(" ", text)):
            return found
    return None


def _by_spelling_outside_parentheses(text: str) -> Venue | None:
    """The spelling without what parentheses hold, else as a proceedings title decorates it."""
    return _index().get(venue_key(_PAREN.sub(" ", text))) or decorated_venue(text)


def _by_event_without_track(text: str) -> Venue | None:
    """An ACL Anthology booktitle without its track ("…, Volume 1 (Long Papers)")."""
    trackless = without_track(text)
    return find_venue(trackless) if trackless != text else None


def _by_acm_event(text: str) -> Venue | None:
    """ACM's "… - KDD '19": the title before the event, else the event's acronym."""
    event = _ACM_EVENT.search(text)
    if event is None:
        return None
    return find_venue(text[: event.start()]) or _index().get(venue_key(event.group(1)))


def _by_abbreviated_words(text: str) -> Venue | None:
    """A spelling abbreviated word by word (only one with a period can be)."""
    return _abbreviated_venue(text) if "." in text else None


def _by_arxiv_citation(text: str) -> Venue | None:
    """A preprint cited by its id where a venue goes: Google Scholar's "arXiv preprint
    arXiv:2106.04560", dblp's "CoRR abs/2106.04560"; "arXiv:2106.04560 [cs.CV]" alone is arXiv's
    own citation form."""
    if not _ARXIV_CITATION.search(text):
        return None
    return find_venue(_ARXIV_CITATION.sub(" ", text).strip() or "arXiv")


# How `find_venue` reads a spelling, in turn: the first that finds a table venue decides.
_VENUE_READINGS: tuple[Callable[[str], Venue | None], ...] = (
    _by_spelling,
    _by_acronym_in_parentheses,
    _by_spelling_outside_parentheses,
    _by_event_without_track,
    _by_acm_event,
    _by_abbreviated_words,
    _by_arxiv_citation,
)


_ARXIV_CITATION = re.compile(
    r"(?:arxiv:\s*|abs/)(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\s*\[[^\]]*\])?",
    re.IGNORECASE,
)


# The track an ACL Anthology booktitle names after its event: "(Volume 1: Long Papers)", ",
# Volume 1 (Long and Short Papers)", ": Main Volume", "(System Demonstrations)", "Volume 2:
# Short Papers". Matched on text whose whitespace is single spaces; each try begins at a
# literal and its open parts are bounded, so a long string costs linear time.
_TRACK = re.compile(
    r"(?i)(?:[,:;] |\(| )(?:volume \d+\b(?:[:,]? [^()]{0,80}|)(?: ?\([^()]{0,80}\))?"
    rf"|{alternation(venue_words().tracks)})\)?\Z"  # the tracks of venue-words.json
)


_LONGEST_TRACK = 200  # characters: what `_TRACK` can match, and more


def without_track(text: str) -> str:
    """``text`` without the track an ACL Anthology booktitle names after its event ("Proceedings
    of the 2019 Conference of the North American Chapter …, Volume 1 (Long and Short Papers)"
    → "Proceedings of the 2019 Conference of the North American Chapter …"); else unchanged."""
    tidy = " ".join(text.split())
    head, tail = tidy[:-_LONGEST_TRACK], tidy[-_LONGEST_TRACK:]  # a track is at the end, and short
    if not _TRACK.search(tail):
        return text
    return (head + _TRACK.sub("", tail)).rstrip(" ,:;")


# ACM's proceedings titles (Crossref's container titles of its DOIs) end with the event's
# acronym and year: "… and the 44th annual meeting of the ACL - ACL '06", "… - KDD '19".
_ACM_EVENT = re.compile(r" - ([A-Z][\w&/+.-]*(?: [A-Z][\w&/+.-]*)?) '\d{2}\Z")
# Words an abbreviation leaves out or that tell no venue apart, besides `venue_key`'s (venue-words.json).
_NOT_ABBREVIATED = venue_words().not_abbreviated


@cache
def _spellings_by_words() -> tuple[tuple[tuple[str, ...], Venue], ...]:
    """Every spelling of several words in the table, as its words (`_abbreviation_words`)."""
    rows = []
    for venue in VENUES:
        for spelling in (*venue.all_names, *venue.aliases):
            words = _abbreviation_words(_PAREN.sub(" ", spelling))
            if len(words) > 1:
                rows.append((words, venue))
    return tuple(rows)


def _abbreviation_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in venue_key(text).split() if w not in _NOT_ABBREVIATED)


def _abbreviated_venue(text: str) -> Venue | None:
    """The one table venue ``text`` abbreviates word by word, in whatever style: IEEE's "Proc.
    Annu. Meeting Assoc. Comput. Linguistics", ISO 4's "Annu. Meet. Assoc. Comput. Linguist."
    (each word its spelling's first letter, then letters of it in order); None when none does,
    or several venues do."""
    words = _abbreviation_words(text)
    if len(words) < 2:
        return None
    # A word in capitals is an acronym, which abbreviates no single word: "Trans. GIS." is
    # Transactions in GIS, not "Transactions on Graphics" (g, i, s are letters of "graphics").
    acronyms = frozenset(word.lower() for word in _ACRONYM.findall(text))
    found = {
        venue.short: venue
        for spelled, venue in _spellings_by_words()
        if len(spelled) == len(words)
        and all(
            short == word or (short not in acronyms and _shortens(short, word))
            for short, word in zip(words, spelled, strict=True)
        )
    }
    return next(iter(found.values())) if len(found) == 1 else None


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def _shortens(short: str, word: str) -> bool:
    """``short`` is ``word`` or an abbreviation of it: the same first letter, then some of its
    letters in order ("comput": computational, "jt": joint, "natl": national)."""
    if short == word:
        return True
    if not short or short[0] != word[0] or len(short) >= len(word):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def venue_name_in_year(text: str, year: int | None) -> str:
    """A table venue's printed name as it was in ``year``; any other spelling unchanged."""
    venue = find_venue(text)
    if venue is None or text not in venue.all_names:
        return text
    return venue.name_in(year)


def tidy_venue(text: str) -> str:
    """Whitespace collapsed and stray punctuation trimmed; nothing else changed."""
    return " ".join(text.split()).strip(" ,;")


def canonical_venue_name(text: str) -> str:
    """The printed spelling of a venue: the table's name when known, else the tidied input."""
    venue = find_venue(text)
    return venue.name if venue is not None else tidy_venue(text)


def preprint_servers() -> tuple[str, ...]:
    """The names of the table's preprint servers, as printed ("arXiv", "bioRxiv", "SSRN Electronic
    Journal")."""
    return tuple(venue.name for venue in VENUES if venue.kind is VenueKind.PREPRINT)


def is_preprint_venue(text: str | None) -> bool:
    """True for preprint servers (arXiv, bioRxiv, ...): being listed there is not a publication."""
    venue = find_venue(text)
    return venue is not None and venue.kind is VenueKind.PREPRINT


# Any spelling of a preprint server of the table ("arXiv", "CoRR", "SSRN Electronic Journal"), or
# the kind's own word ("preprint"), not inside a longer word: "Corrosion Science" names no "CoRR".
_NAMES_PREPRINT_SERVER = re.compile(
    r"(?<![^\W\d_])"
    + alternation(
        {VenueKind.PREPRINT.value}
        | {
            spelling.casefold()
            for venue in VENUES
            if venue.kind is VenueKind.PREPRINT
            for spelling in (venue.short, venue.name, *venue.aliases)
        }
    )
    + r"(?![^\W\d_])",
    re.IGNORECASE,
)


def names_preprint_server(text: str) -> bool:
    """Whether a journal field names a preprint server anywhere in it, or only says the work is a
    preprint ("arXiv preprint arXiv:2101.00001", "CoRR abs/2101.00001", "bioRxiv", "Preprint"):
    a work that field gives is not published (unlike `is_preprint_venue`, the whole field need not
    be the server's name)."""
    return bool(_NAMES_PREPRINT_SERVER.search(text))
