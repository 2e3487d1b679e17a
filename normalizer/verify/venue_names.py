"""Whether two spellings name one venue: the venue table's identities, then keys, acronyms
("ICML" = International Conference on Machine Learning), abbreviations word by word
("Mach. Learn." = "Machine Learning") and shared significant words.
"""

from __future__ import annotations

import re

from bibnorm.text.titles import plain_text
from bibnorm.text.venues import find_venue, proceedings_name, venue_key
from bibnorm.text.word_tables import title_omitted_words, venue_words

# The words an abbreviation of a venue's name leaves out ("of", "the", "de", "und"):
# normalizer/data/title-omitted-words.json.
_LINKING = title_omitted_words()
# Words that say what kind of venue a name is, not which one (normalizer/data/venue-words.json).
_STOP = _LINKING | venue_words().kinds
_ACRONYM_IN_PARENS = re.compile(r"\(\s*([A-Za-z][A-Za-z&-]{1,15})(?:['\s]*\d{2,4})?\s*\)")
# Share of significant words two spellings of one venue have in common, at least.
SAME_VENUE_WORDS = 0.6


def venues_agree(claimed: str, record: str) -> bool | None:
    """Whether two venue spellings name one venue; None when neither rule can tell.

    Table venues compare by identity (so "CVPR" is "Computer Vision and Pattern
    Recognition" but not its workshops; a joint event is each of its venues, `Venue.includes`:
    ACL-IJCNLP 2021 is ACL); others by key, acronym ("ICML" = International
    Conference on Machine Learning) or abbreviation ("Mach. Learn." = "Machine Learning").
    """
    mine, theirs = find_venue(claimed), find_venue(record)
    if mine is not None and theirs is not None:
        return mine.includes(theirs)
    key_mine, key_theirs = venue_key(claimed), venue_key(record)
    if not key_mine or not key_theirs:
        return None
    if f" {key_mine} " in f" {key_theirs} " or f" {key_theirs} " in f" {key_mine} ":
        return True  # "…International Conference on Machine Learning" within its proceedings' title
    if key_mine == venue_key(proceedings_name(record)):
        return True  # resolve's own name of a decorated proceedings title: "Foo Machines (COLT/Kernel)"
    if abbreviates(claimed, record) or abbreviates(record, claimed):
        return True
    if _acronym_in_parens(claimed, record) or _acronym_in_parens(record, claimed):
        return True  # "… Applications of Computer Vision (WACV)"
    # The same name with words added or dropped ("IEEE", "Proc.", a city).
    return _shared_words(claimed, record) >= SAME_VENUE_WORDS or None


def _acronym_in_parens(text: str, other: str) -> bool:
    """``text`` gives an acronym in parentheses that ``other`` spells out or names."""
    return any(
        abbreviates(acronym, other) or acronym.casefold() in _significant(other)
        for acronym in _ACRONYM_IN_PARENS.findall(text)
    )


def _shared_words(a: str, b: str) -> float:
    """The share of significant words two names have in common (0 when either has none)."""
    words_a, words_b = set(_significant(a)), set(_significant(b))
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def _significant(text: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", plain_text(text).casefold()) if w and w not in _STOP]


def abbreviates(short: str, long: str) -> bool:
    """True for an acronym ("ICML": International Conference on Machine Learning) or an
    abbreviation word by word ("J. Mach. Learn. Res.": Journal of Machine Learning Research)."""
    words = [w for w in re.split(r"[^0-9a-z]+", plain_text(long).casefold()) if w]
    return _is_acronym(short, words) or ("." in short and _shortens_each_word(short, words))


def _is_acronym(short: str, words: list[str]) -> bool:
    """``short`` is one word made of the initials of ``words``, all of them or the significant ones."""
    compact = re.sub(r"[^0-9a-z]", "", short.casefold())
    if len(compact) < 2 or " " in short.strip():
        return False
    significant = [w for w in words if w not in _STOP]
    return compact in ("".join(w[0] for w in words), "".join(w[0] for w in significant))


def _shortens_each_word(short: str, words: list[str]) -> bool:
    """Each word of ``short`` begins the word of ``words`` in its place (linking words left out)."""
    parts = [p for p in re.split(r"[^0-9a-z]+", short.casefold()) if p and p not in _LINKING]
    linked = [w for w in words if w not in _LINKING]
    return len(parts) == len(linked) and all(w.startswith(p) for p, w in zip(parts, linked, strict=True))
