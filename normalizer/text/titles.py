"""Title keys and title comparison: what "the same title" means everywhere in bibnorm.

A title key drops case, accents, LaTeX, punctuation, dashes and whitespace, so two spellings
of one title have one key; `title_similarity`, `only_typo_differences` and `typo_spellings`
say how far two titles are apart. Pure functions over strings: the matcher
(`bibnorm.resolve.matching`), the snapshot index, the readers and the checks all use them.
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from bibnorm.text.accents import without_accents
from bibnorm.text.tex_math import LATEX_TEXT
from bibnorm.text.word_tables import table_entries
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

_LATEX_HINT = re.compile(r"[\\{}$^_~]")
_LATEX_MARKUP = re.compile(r"[\\$^_~]")
_TEX_LIGATURES = (
    ("---", "\u2014"),
    ("--", "\u2013"),
    ("``", "\u201c"),
    ("''", "\u201d"),
    ("!`", "\u00a1"),
    ("?`", "\u00bf"),
)
_WORD = re.compile(r"[0-9a-z]+")
_ASCII_WORD_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")  # what `_WORD` matches
# A differing word is a typo only when both spellings are letters and at least this long:
# "3d"/"4d", "gpt"/"gpu" or "v2"/"v3" name different things.
TYPO_MIN_LETTERS = 5
# A Roman numeral up to 39, as a title numbers the parts of a series ("… weather. VIII: A
# preliminary study …", "Part XVII"): a pattern's fragment, bounded, each letter's run fixed.
ROMAN_NUMERAL = r"X{0,3}(?:IX|IV|V?I{0,3})"
PART_NUMBER = re.compile(rf"(?=[IVX]){ROMAN_NUMERAL}\.?")  # one, as a token: "III.", "X.", "V"
_ABSTRACT_CHARS = 2000  # enough text to tell papers apart, cheap to compare


# Accent commands on one letter, the LaTeX most titles and names carry (``Donn{\\'e}es``,
# ``fran{\\c{c}}ais``, ``Nystr{\\"{o}}m``): rendered here, as pylatexenc would, without its
# parser, which costs a millisecond a title.
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327"}  # fmt: skip
_ACCENTED_LETTER = re.compile(
    r"\\(?:([`'^\"~=.])\s*|(c)\s+(?=[A-Za-z])|(c)\s*(?=\{))(?:\{(\\i|[A-Za-z])\}|(\\i\b|[A-Za-z]))"
)


def _accented(match: re.Match[str]) -> str:
    accent = match.group(1) or match.group(2) or match.group(3)
    letter = match.group(4) or match.group(5)
    return unicodedata.normalize("NFC", ("i" if letter == "\\i" else letter) + _ACCENTS[accent])


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """LaTeX markup to Unicode text (``M{\\"u}ller`` → ``Müller``), whitespace collapsed."""
    if _LATEX_HINT.search(text):
        if "\\" in text:
            accented = _ACCENTED_LETTER.sub(_accented, text)
            if not _LATEX_MARKUP.search(accented):
                text = accented
        if not _LATEX_MARKUP.search(text):
            # Only protective braces (the common BibTeX case): no need for a LaTeX parser.
            text = text.replace("{", "").replace("}", "")
            for ligature, character in _TEX_LIGATURES:
                text = text.replace(ligature, character)
            return " ".join(text.split())
        try:
            text = LATEX_TEXT.latex_to_text(text)  # the renderer bibnorm.text.clean uses too
        except Exception:  # pylatexenc is lenient, but a broken brace must not abort a run
            text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


# Greek letters by name, as TeX writes them: "ϵ-greedy" and "$\epsilon$-greedy" are one title.
# (NFKD has already turned the symbol forms ϵ ϑ ϕ µ into the plain letters.)
_GREEK = str.maketrans(
    {
        letter: f" {name} "
        for letters, name in (
            ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"),
            ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"),
            ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("ο", "omicron"), ("π", "pi"),
            ("ρ", "rho"), ("σς", "sigma"), ("τ", "tau"), ("υ", "upsilon"), ("φ", "phi"),
            ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
        )
        for letter in letters
    }
)  # fmt: skip
# TeX's variant letters name the same letter; ``\ell`` is the letter l (NFKD makes ℓ an l):
# "varepsilon": "epsilon" (latex-math-commands.json).
_TEX_LETTER_WORDS: dict[str, str] = table_entries("latex-math-commands.json")["variant_letters"]
# Any of them as a whole word of lower-cased text (`title_keys` keys such titles one by one).
_TEX_LETTER_WORD = re.compile(rf"(?<![0-9a-z])(?:{'|'.join(_TEX_LETTER_WORDS)})(?![0-9a-z])")


def _fold(text: str) -> tuple[str, ...]:
    """Lower-case ASCII words: accents folded, Greek letters named, apostrophes joined,
    punctuation dropped."""
    if not text.isascii():
        text = without_accents(text).replace("ß", "ss").replace("\u2019", "").casefold().translate(_GREEK)
    words = _WORD.findall(text.casefold().replace("'", ""))
    if _TEX_LETTER_WORDS.keys().isdisjoint(words):
        return tuple(words)  # nearly every title: no word to rename (a build's hot path)
    return tuple(_TEX_LETTER_WORDS.get(w, w) for w in words)


# Commands whose names are not words of the title: styles (DBLP writes "L\({}_{\mbox{1}}\)-norm"
# where a source has "L₁-norm") and symbols a source prints as a sign ("√n", "k-means||", "→").
_NON_WORD_COMMAND = re.compile(
    r"\\(?:mbox|hbox|text(?:rm|bf|it|tt|sf|sc|normal|up)?|math(?:rm|bf|it|sf|tt|cal|bb|frak|scr|normal)"
    r"|operatorname|boldsymbol|bm|emph|displaystyle|left|right|[Bb]igg?[lr]?|rm|bf|it|sf|tt"
    r"|sqrt|surd|[vV]ert|mid|cdots?|[lc]?dots|times|pm|mp|leq?|geq?|neq|approx|sim|simeq|equiv|infty"
    r"|to|[lL]eftarrow|[rR]ightarrow|mapsto|in|subseteq?|cup|cap|circ|star|ast|prime)(?![a-zA-Z])"
)


_WORD_RUN = re.compile(r"[0-9a-z]+")
_NOT_KEY = re.compile(r"[^0-9a-z\n]+")  # what a key leaves out of lower-cased text (lines kept)


@lru_cache(maxsize=65536)
def title_words(title: str) -> tuple[str, ...]:
    """Lower-case ASCII words of a title: accents folded, LaTeX rendered, punctuation dropped."""
    if title.isascii() and not _LATEX_HINT.search(title):
        # Most titles: nothing to render or fold, so `_fold`'s words directly (spaces are
        # separators either way). A third of the cost, which lookups pay for every stored
        # title they rank and builds for every record.
        words = _WORD_RUN.findall(title.lower().replace("'", ""))
        if _TEX_LETTER_WORDS.keys().isdisjoint(words):
            return tuple(words)
        return tuple(_TEX_LETTER_WORDS.get(w, w) for w in words)
    text = plain_text(title)
    if "\\" in text:
        text = _NON_WORD_COMMAND.sub(" ", text)
    return _fold(text)


def title_key(title: str) -> str:
    """The comparison key of a title: its words joined without separators.

    Joining makes "Pre-training", "Pre training" and "Pretraining" the same key.
    """
    return "".join(title_words(title))


# GB/T 7714's mark of a kind of work after a title, its code in brackets: "[J]" an article, "[M]"
# a book, "[EB/OL]" online; or its name in Chinese, as thesis classes print a kind the standard
# has no code for ("Title[缺文献类型标志代码]", "code of the kind missing"; "Title[硕士学位论文]").
# Each reader closes it as it meets it ("Title[M].", a model's "Title[M").
KIND_OF_WORK = r"(?:(?:[A-Z]{1,2}|EB|DB|CP)(?:/(?:OL|MT|DK|CD))?|[\u4e00-\u9fff]{2,12})"
KIND_OF_WORK_CODE = rf"\[{KIND_OF_WORK}"
# the mark glued to a title's last word, as a title read with it ends: "[J", "[M]", "[J/OL]",
# "[C]//Proceedings …" (a reader that trims a title's closing punctuation took the period or bracket)
_GLUED_KIND_OF_WORK = re.compile(rf"(?<=\S){KIND_OF_WORK_CODE}(?:\](?://[\s\S]*+)?)?$")


def without_kind_of_work(title: str) -> str:
    """``title`` without the kind of work GB/T 7714 glues to its end ("Typesetting Khmer[J" →
    "Typesetting Khmer"); a bracket after a space, or inside the title, is the title's."""
    return _GLUED_KIND_OF_WORK.sub("", title).rstrip()


# BibTeX's book chapter (plain's, natbib's, their translations' @inbook) after the book's title:
# "Genotype by Environment Interaction, chapter Statistical test and …, pages 199–234", Spanish
# and Portuguese "…, cap. New Developments in …, págs. 201–213" (the title's sentence read up to
# "cap."), German "…, Kapitel 3": the chapter, named or numbered, is no part of the title. Its
# rest runs to the text's very end ("(?s:.*)"): a "." stopped by a line break would be tried again
# from each later ", chapter", each try running to the break and back (quadratic).
_CHAPTER_TAIL = re.compile(r",\s(?:chapter|cap\.|capítulo|Kapitel)(?:\s(?s:.*))?$|,\scap$")


def without_chapter(title: str) -> str:
    """``title`` without the chapter a style prints after a book's title, which a reader ran on
    into ("Treatment of cancer, cap. Statistical aspects of cancer trials" → "Treatment of
    cancer")."""
    return _CHAPTER_TAIL.sub("", title)


# What ends a title's head before its subtitle: a colon, or a question or exclamation mark with
# more words after it ("Is Attention All You Need? A Study of …").
_SUBTITLE_MARK = re.compile(r"[:?!]\s+(?=\S)")
SUBTITLE_HEAD_WORDS = 3  # a shorter head ("Deep Learning: …") names no one paper


def title_head(title: str) -> tuple[str, ...]:
    """The words of ``title`` before its subtitle (`title_words`), when it has a subtitle and a
    head of at least `SUBTITLE_HEAD_WORDS` words; else ``()``. A citation that leaves the
    subtitle out carries these words."""
    mark = _SUBTITLE_MARK.search(title)
    if mark is None:
        return ()
    head = title_words(title[: mark.start()])
    return head if len(head) >= SUBTITLE_HEAD_WORDS else ()


def same_title(a: str, b: str) -> bool:
    """Whether two titles have the same, non-empty key (case, accents, TeX and punctuation aside)."""
    key = title_key(a)
    return bool(key) and key == title_key(b)


# Greek capitals shaped like Latin ones, which TeX has no command for (there is no \Alpha):
# a BibTeX title, bibnorm's own included, writes the Latin letter ("{A}pproximation" for a
# record's "Αpproximation"). Another letter changes a word: only these are the same title.
_LATIN_SHAPED_GREEK = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")


def same_title_or_latin_shaped(claimed: str, record: str) -> bool:
    """`same_title`, or the same once the record's Latin-shaped Greek capitals are read as the
    Latin letters a BibTeX title writes for them."""
    return same_title(claimed, record) or same_title(claimed, record.translate(_LATIN_SHAPED_GREEK))


def title_variant(claimed: str, record: str) -> str | None:
    """How a claimed title differs harmlessly from the record's, else None.

    Harmless: a dropped subtitle, British/American spelling. A word changed by one letter
    ("Learnings", "Privacys") is not: a citation must carry the paper's title.
    """
    mine, theirs = title_words(claimed), title_words(record)
    if not mine or not theirs:
        return None
    if _without_subtitle(mine, record):
        return "the subtitle is left out"
    if _without_subtitle(theirs, claimed):
        return "the record has no subtitle"
    if len(mine) == len(theirs):
        differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        if differing and all(_spelling_variant(a, b) for a, b in differing):
            return "a spelling differs"
    return None


def _without_subtitle(words: tuple[str, ...], title: str) -> bool:
    """``words`` are ``title`` without its subtitle (`title_head`)."""
    head = title_head(title)
    return bool(head) and words == head


def _spelling_variant(a: str, b: str) -> bool:
    """British and American spellings ("normalisation"/"normalization", "colour"/"color")."""
    return a.replace("is", "iz").replace("our", "or") == b.replace("is", "iz").replace("our", "or")


_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\*?|[{}$^_~\\]")


# A query's abstract meets several candidates in a row; a candidate's is rarely seen again.
# Each entry holds a few hundred word pairs (tens of KB), so the cache stays small.
@lru_cache(maxsize=256)
def _abstract_bigrams(text: str) -> frozenset[bytes]:
    """The word pairs of an abstract's first `_ABSTRACT_CHARS` characters, each as one ASCII
    string ("word word": words hold no space, so no two pairs meet), as `_fold` reads the words."""
    text = text[:_ABSTRACT_CHARS]
    if text.isascii() and "\\" not in text:
        # Most abstracts: no accent to fold, no command to drop. Lower-cased, apostrophes
        # deleted and every other character not a letter or digit made a space, the words are
        # `_fold`'s, found by C-speed byte operations at a third of the regexes' cost.
        words = text.encode("ascii").lower().translate(_NOT_WORD_BYTES, b"'").split()
        if not _TEX_LETTER_BYTES.keys().isdisjoint(words):
            words = [_TEX_LETTER_BYTES.get(word, word) for word in words]
    else:
        # LaTeX commands are simply dropped here (rendering them with pylatexenc costs tens of
        # milliseconds each and changes no word that matters).
        words = [word.encode("ascii") for word in _fold(_LATEX_COMMAND.sub(" ", text))]
    return frozenset(map(b" ".join, itertools.pairwise(words)))


# `_fold`'s words in bytes: each byte that is not a lower-case ASCII letter or a digit is a space.
_NOT_WORD_BYTES = bytes(byte if chr(byte) in _ASCII_WORD_CHARS else 0x20 for byte in range(256))
_TEX_LETTER_BYTES = {name.encode(): word.encode() for name, word in _TEX_LETTER_WORDS.items()}


def title_similarity(a: str, b: str) -> float:
    """Character similarity of two titles' keys in [0, 1] (1 = same key)."""
    key_a, key_b = title_key(a), title_key(b)
    if not key_a or not key_b:
        return 0.0
    return fuzz.ratio(key_a, key_b) / 100.0


def title_similarities(title: str, others: Sequence[str]) -> list[float]:
    """`title_similarity` of ``title`` to each of ``others``, its key made once (a lookup ranks
    dozens of stored titles against one query)."""
    key = title_key(title)
    if not key:
        return [0.0 for _ in others]
    ratio = fuzz.ratio
    return [ratio(key, other_key) / 100.0 if other_key else 0.0 for other_key in title_keys(others)]


def title_keys(titles: Sequence[str]) -> list[str]:
    """`title_key` of each title. Plain ASCII titles with no LaTeX are keyed all at once: their
    key is their lower-cased text without apostrophes and without anything but letters and
    digits (`title_words`' quick path, joined), made by two C-speed passes over the titles
    joined by line breaks instead of a regex search per title; the rest one by one."""
    keys: list[str | None] = [None] * len(titles)
    quick = [
        n
        for n, title in enumerate(titles)
        if title.isascii() and "\n" not in title and not _LATEX_HINT.search(title)
    ]
    if quick:
        text = "\n".join(titles[n] for n in quick).lower().replace("'", "")
        if not _TEX_LETTER_WORD.search(text):  # a word title_words renames: nearly never
            for n, key in zip(quick, _NOT_KEY.sub("", text).split("\n"), strict=True):
                keys[n] = key
    return [title_key(title) if key is None else key for title, key in zip(titles, keys, strict=True)]


def abstract_similarity(a: str | None, b: str | None) -> float | None:
    """Similarity of two abstracts in [0, 1], or None when either is missing or too short."""
    if not a or not b:
        return None
    pairs_a, pairs_b = _abstract_bigrams(a), _abstract_bigrams(b)
    if min(len(pairs_a), len(pairs_b)) < 12:
        return None  # too short to say anything either way
    # Overlap coefficient of word bigrams: ~0 for unrelated texts, ~1 for the same
    # abstract even when one version appends sentences.
    return len(pairs_a & pairs_b) / min(len(pairs_a), len(pairs_b))


def only_typo_differences(a: str, b: str) -> bool:
    """True when two titles have the same words up to typos in long alphabetic words.

    Word counts must agree (after joining hyphenated parts both ways), and each
    differing word pair must be alphabetic, at least 5 letters, and one edit apart.
    Numbers and short tokens ("v2", "3d", "gpt4") must match exactly.
    """
    words_a, words_b = title_words(a), title_words(b)
    if len(words_a) != len(words_b):
        return title_key(a) == title_key(b)
    for wa, wb in zip(words_a, words_b, strict=True):
        if wa == wb:
            continue
        if not (wa.isalpha() and wb.isalpha()) or min(len(wa), len(wb)) < TYPO_MIN_LETTERS:
            return False
        if OSA.distance(wa, wb) > 1:  # one edit; two swapped neighbours count as one
            return False
    return True


def typo_spellings(word: str) -> frozenset[str]:
    """The words ``word`` could be a typo of, in `only_typo_differences`' sense.

    Every spelling one edit away (a letter deleted, inserted or replaced, or two neighbours
    swapped), when ``word`` and the spelling are both letters and `TYPO_MIN_LETTERS` long.
    """
    if not word.isalpha() or len(word) < TYPO_MIN_LETTERS:
        return frozenset()
    splits = [(word[:cut], word[cut:]) for cut in range(len(word) + 1)]
    spellings = {head + tail[1:] for head, tail in splits if tail}
    spellings.update(head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1)
    spellings.update(
        head + letter + tail[1:] for head, tail in splits if tail for letter in string.ascii_lowercase
    )
    spellings.update(head + letter + tail for head, tail in splits for letter in string.ascii_lowercase)
    spellings.discard(word)
    return frozenset(spelling for spelling in spellings if len(spelling) >= TYPO_MIN_LETTERS)
