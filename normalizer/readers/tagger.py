"""Fields of one reference string by a trained sequence labeller, not by rules per citation style.

A network — the tokens' features summed, a bidirectional LSTM over the string, a linear-chain
CRF over the labels (`_tagger_network`) — labels each whitespace-separated token of one
reference — ``Zhai, X., Kolesnikov, A.: Scaling vision transformers. In: CVPR, pp. 1–10
(2022)`` — with one of `LABELS`, and `tag_reference` joins the runs of one label into typed
fields, each with the model's confidence: the mean marginal probability of its tokens' labels.

The model is a data file, ``normalizer/data/reference-tagger.npz``, trained on reference
strings that real records typeset through hundreds of citation styles with exact labels
(``scripts/make_tagger_data.py`` makes them, ``scripts/train_tagger.py`` trains; docs/tagger.md
says how, how it is measured on styles it never saw, and how a style is added). The features
(`token_features`) are the training's and the reading's both, so they live here, once.

Nothing here looks anything up or reads a layout: the text of one reference in, fields out.
"""

from __future__ import annotations

import bisect
import gc
import gzip
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, groupby
from typing import NamedTuple

from bibnorm.text import data_file
from bibnorm.text.accents import folded
from bibnorm.text.months import SPELLINGS as MONTH_SPELLINGS
from bibnorm.text.names import PARTICLES
from bibnorm.text.titles import KIND_OF_WORK, PART_NUMBER, without_kind_of_work
from bibnorm.text.word_tables import publisher_words, reference_cues

MODEL_FILE = "reference-tagger.npz"
GIVEN_NAMES_FILE = "given-names.txt"
# the venue table's words as the model was trained with them: the table grows without moving its inputs
VENUE_WORDS_FILE = "tagger-venue-words.txt"

# The labels, in the order docs/tagger.md lists them. An author's name is split into its family
# and given parts; "and", "&", "et al." between or after names are `author`.
LABELS = (
    "family",
    "given",
    "author",
    "editor",
    "title",
    "container",
    "date",
    "volume",
    "issue",
    "pages",
    "publisher",
    "place",
    "edition",
    "note",
    "doi",
    "arxiv",
    "url",
    "isbn",
    "other",
)
NAME_LABELS = frozenset({"family", "given", "author"})  # the labels of a name's words and of "and", "et al."
# the word of an author list that stands for the names it leaves out: "al" of "et al.", "et.al", "others"
_OTHERS_WORD = re.compile(r"al|et\.?al|others")

# The labels whose every token's marginal a tagging keeps (`TaggedReference.agreement`).
WEIGHED_LABELS = ("title", "container", "date")

_TOKEN = re.compile(r"\S+")
# Where a packed run of numbers changes field: after "2019;" or "(7553):" before a digit or "(",
# and before "(7553)" after a digit.
_PACKED_CUT = re.compile(r"(?<=[\d)][;:])(?=[\d(])|(?<=\d)(?=\(\d)")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>,.;:!?"
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# a year as a date prints it: "2021", "(2021a)", not the decade of "the 2020s"
_YEAR_ALONE = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d|s\b)")
_DOI = re.compile(r"10\.\d{4,9}/")
_ARXIV = re.compile(r"(?<!\d)\d{4}\.\d{4,5}(?!\d)|(?:^|/|:)[a-z-]+(?:\.[A-Z]{2})?/\d{7}")
_URL = re.compile(r"https?://|www\.|\.(?:org|com|net|edu|html?)\b", re.IGNORECASE)
_RANGE = re.compile(r"\d[-–—‐]+\d")
_ISBN = re.compile(r"^(?:97[89][-‐]?)?\d{1,5}[-‐]\d+[-‐]\d+[-‐][\dX]$")
# "X.", "A.B.", "X.-H.", "M-L.", "Th.", "JM": each piece led by a capital, so bounded and linear
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.?[-‐]?){1,4}")
# Words that announce a field in many styles (their own tokens are labelled `other`, but they
# tell the next token's label): "pp. 1–10", "vol. 3", "In: Venue", "doi: 10.…", "(eds.)"
# (reference-cues.json).
_CUE_WORDS = reference_cues()
# Words of publishers' names ("Academic Press", "A. K. Peters, Ltd.", "Springer-Verlag"), which
# tell a book's publisher from the end of its title (publisher-words.json).
_PUBLISHER_WORDS = publisher_words()


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Stop words (CSL's), venue words (the venue table's names as the model was trained with
    them, `VENUE_WORDS_FILE`) and English words (SCOWL's), lower case, from ``normalizer/data/``."""
    stop = json.loads(data_file("stop-words.json").read_text("utf-8"))["stop-words"]
    lines = data_file(VENUE_WORDS_FILE).read_text("utf-8").splitlines()
    venue_words = {line for line in lines if line and not line.startswith("#")}
    english = gzip.decompress(data_file("english-words.txt.gz").read_bytes()).decode().split()
    return frozenset(w for w in stop if " " not in w), frozenset(venue_words), frozenset(english)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names (``given-names.txt``: the training records' authors' given names, folded), which
    tell "Daniel D. Lincoll" from "Lincoll D. D." where punctuation does not."""
    lines = data_file(GIVEN_NAMES_FILE).read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_given_name(word: str) -> bool:
    """Whether ``word`` (its marks around it left out) is a given name the model knows as one
    (``given-names.txt``)."""
    return fold_word(word.strip(".,;:")) in _given_names()


def _shape(core: str) -> str:
    """ "Zhai" -> "Xx", "X." -> "X.", "2021" -> "d", "123–145" -> "d–d": character classes, runs
    collapsed, so a shape says what kind of token it is and not how long."""
    head = core[:12]
    if head.isascii():  # most tokens: one translation, where the classes below are ASCII's
        classes = head.translate(_ASCII_CLASSES)
    else:
        classes = "".join(_character_class(char) for char in head)
    return "".join(char for char, _ in groupby(classes))  # each run of one class as one


def _character_class(char: str) -> str:
    if char.isupper():
        return "X"
    if char.isalpha():
        return "x"
    return "d" if char.isdigit() else char


_ASCII_CLASSES = str.maketrans({chr(code): _character_class(chr(code)) for code in range(128)})


def _core(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def fold_word(word: str) -> str:
    """A word as the features and word lists compare it: case-folded, accents dropped."""
    return folded(word)


def _case_features(letters: str) -> list[str]:
    """ "upper" (two capitals or more), "capital" (one), "titlecase" or "lower"."""
    if not letters:
        return []
    if letters.isupper():
        return ["upper" if len(letters) > 1 else "capital"]
    if letters[0].isupper():
        return ["titlecase"]
    return ["lower"] if letters.islower() else []


def _pattern_features(token: str, core: str) -> list[str]:
    """What the token's characters hold: a year, digits, a range, a DOI, an arXiv id, a link, an
    ISBN, initials. (Each pattern is searched only where it can match: most tokens are words,
    with no digit, no period or slash, no capital first.)"""
    features = []
    digits = any(map(str.isdigit, token))  # a year, range, DOI, arXiv id and ISBN hold digits
    if digits:
        if _YEAR.search(token):
            features.append("year")
        features.append("digit")
        if _RANGE.search(token):
            features.append("range")
        for name, pattern in (("doi", _DOI), ("arxiv", _ARXIV)):
            if pattern.search(token):
                features.append(name)
    if ("." in token or "/" in token) and _URL.search(token):  # "://", "www.", ".org"
        features.append("url")
    if digits and _ISBN.match(core):
        features.append("isbn")
    if "A" <= token[0] <= "Z" and _INITIALS.fullmatch(token.rstrip(",;:)")):
        features.append("initials")
    return features


def _lexicon_features(word: str, core: str, letters: str) -> list[str]:
    """The word lists the folded word is in (`_lexicons`, the name particles, months, cues)."""
    stop, venue, english = _lexicons()
    features = [
        name for name, words in (("stop", stop), ("particle", PARTICLES), ("venue", venue)) if word in words
    ]
    if word in english:
        features.append("english")
    elif letters and not core[0].isdigit():
        features.append("not-english")
    bare = word.rstrip(".")
    if bare in MONTH_SPELLINGS:  # "jan", "sept", "january"
        features.append("month")
    if word in _given_names():
        features.append("given-name")
    if word in _CUE_WORDS or bare in _CUE_WORDS:
        features.append("cue")
    if bare in _PUBLISHER_WORDS:
        features.append("publisher-word")
    return features


def _own_features(token: str) -> tuple[str, ...]:
    """The features of a token alone: its word and shape first (`_Token.near` takes them from
    there), its edges, length and suffix, its case, patterns and word lists."""
    core = _core(token)
    word = fold_word(core)
    letters = "".join(filter(str.isalpha, core))
    features = [
        "w=" + word,
        "shape=" + _shape(core),
        "first=" + token[0],
        "last=" + token[-1],
        "len=" + str(min(len(core), 8)),
    ]
    if len(word) > 3:
        features.append("suf3=" + word[-3:])
    return (
        *features,
        *_case_features(letters),
        *_pattern_features(token, core),
        *_lexicon_features(word, core, letters),
    )


_CHUNK_FLAGS = frozenset(
    {"venue", "lower", "english", "initials", "titlecase", "digit", "year", "publisher-word"}
)
_QUOTES_OPENING = '“"‘«'
_QUOTES_CLOSING = '”"’»'


class _Token(NamedTuple):
    """What one token's text tells, worked out once per distinct token (`_token`): references
    repeat their words, names and punctuation, so the features cost a cache look-up each."""

    own: tuple[str, ...]
    # what it tells the tokens two before it, one before, one after and two after, in that order
    near: tuple[tuple[str, ...], ...]
    flags: frozenset[str]  # the own features a chunk counts (`_chunk_features`)
    ends_chunk: bool
    opens_quote: bool
    closes_quote: bool
    opens_bracket: bool
    closes_bracket: bool
    ends_sentence: bool
    ends_comma: bool


def _ends_chunk(token: str) -> bool:
    """Whether a token closes a chunk: a sentence's period (not an initial's: "X.", "Th."), a
    colon, semicolon or question mark, a closing quotation mark."""
    last = token.rstrip(")]")[-1:]
    if last in ':;?!”"’»' or token.endswith("''"):
        return True
    return last == "." and not _is_initial(token)


def _is_initial(token: str) -> bool:
    """ "X.", "Th.": a period that ends no sentence. Vancouver's "MR." ends the author list."""
    core = _core(token)
    return len(core) <= 2 and core[:1].isupper() and not core[1:].isupper()


@lru_cache(maxsize=65536)  # words, names and punctuation recur from one reference to the next
def _token(token: str) -> _Token:
    own = _own_features(token)
    word, shape = own[0][2:], own[1][6:]
    mark = "last=" + token[-1]
    near = (
        ("-2:w=" + word, "-2:shape=" + shape),
        ("-1:w=" + word, "-1:shape=" + shape, "-1:" + mark),
        ("1:w=" + word, "1:shape=" + shape, "1:" + mark),
        ("2:w=" + word, "2:shape=" + shape),
    )
    last = token.rstrip(')]"”’')[-1:]
    return _Token(
        own=own,
        near=near,
        flags=_CHUNK_FLAGS.intersection(own),
        ends_chunk=_ends_chunk(token),
        opens_quote=token[0] in _QUOTES_OPENING or token.startswith("``"),
        closes_quote=token[-1] in _QUOTES_CLOSING
        or token.endswith("''")
        or token[-2:] in ('",', "”,", "”.", '".'),
        opens_bracket=token[0] in "([",
        closes_bracket=token[-1] in ")]" or token[-2:] in ("),", ").", "]."),
        ends_sentence=last == "." and not _is_initial(token),
        ends_comma=last == ",",
    )


def _bucket(count: int) -> str:
    return (
        "1" if count == 1 else "2" if count == 2 else "3-4" if count <= 4 else "5-8" if count <= 8 else "9+"
    )


# (feature, own flag, the share of the chunk's words that must have it)
_CHUNK_SHARES = (
    ("c.venue", "venue", 0.5),
    ("c.prose", "lower", 0.4),
    ("c.english", "english", 0.6),
    ("c.initials", "initials", 0.3),
    ("c.titlecase", "titlecase", 0.7),
)


def _chunks(tokens: Sequence[_Token], comma: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each chunk: the runs of tokens up to one that `_ends_chunk` (with
    ``comma``, or ends in a comma)."""
    chunks: list[tuple[int, int]] = []
    start = 0
    for index, token in enumerate(tokens):
        if token.ends_chunk or (comma and token.ends_comma):
            chunks.append((start, index + 1))
            start = index + 1
    if start < len(tokens):
        chunks.append((start, len(tokens)))
    return chunks


def _segment_features(tokens: Sequence[_Token]) -> list[_Ends]:
    """Where each token stands in its segment, the run of tokens between two commas or chunk
    ends, and the segment's length: a name list's "Daniel D. Lincoll," ends in the family name,
    its "Lincoll, D. D.," starts with it."""
    rows: list[_Ends] = []
    for a, b in _chunks(tokens, comma=True):
        rows += _with_ends(("s.len=" + _bucket(b - a),), b - a, ("s.first",), ("s.last",), ("s.only",))
    return rows


_Ends = tuple[tuple[str, ...], tuple[str, ...]]  # the features a run's tokens share, and the token's own end


def _with_ends(
    inside: tuple[str, ...],
    length: int,
    first: tuple[str, ...],
    last: tuple[str, ...],
    alone: tuple[str, ...],
) -> list[_Ends]:
    """The rows of a run of ``length`` tokens that share the features ``inside``, each beside
    what marks its place: its first token's ``first``, its last one's ``last``, a token
    alone's ``alone``."""
    if length == 1:
        return [(inside, alone)]
    return [(inside, first), *[(inside, ())] * (length - 2), (inside, last)]


def _chunk_features(tokens: Sequence[_Token]) -> list[_Ends]:
    """Each token's chunk's features — the run of tokens between two sentence ends, colons or
    quotation marks, where one field usually ends and the next begins (`_chunk_words`) — and
    whether the token opens or closes it."""
    chunks = _chunks(tokens)
    year_chunk = _first_year_chunk(tokens, chunks)
    rows: list[_Ends] = []
    for number, (a, b) in enumerate(chunks):
        inside = _chunk_words(tokens[a:b], number, year_chunk)
        rows += _with_ends(inside, b - a, ("c.start",), ("c.end",), ("c.start", "c.end"))
    return rows


def _first_year_chunk(tokens: Sequence[_Token], chunks: Sequence[tuple[int, int]]) -> int | None:
    """The number of the first chunk that holds a year (None where none does)."""
    for number, (a, b) in enumerate(chunks):
        if any("year" in token.flags for token in tokens[a:b]):
            return number
    return None


def _chunk_words(chunk: Sequence[_Token], number: int, year_chunk: int | None) -> tuple[str, ...]:
    """What one chunk, the ``number``th, holds: its length, whether its words are venue words,
    prose, initials or numbers, how far it stands from the first chunk holding a year (a title
    follows APA's "(2015)."; ACM's venue follows the title), the word it opens with."""
    # each token's flags, one after the other: a flag's count is the tokens having it (a few
    # list counts of a few dozen flags cost less than a Counter's making)
    having = list(chain.from_iterable(token.flags for token in chunk))
    numbers = having.count("digit")
    words = (len(chunk) - numbers) or 1  # the shares are of its words, not numbers
    features = ["c.len=" + _bucket(len(chunk)), f"c.n={min(number, 6)}", "c.open=" + chunk[0].own[0][2:]]
    if year_chunk is not None:
        features.append(f"c.year={max(-2, min(number - year_chunk, 3))}")
    features += [name for name, flag, share in _CHUNK_SHARES if having.count(flag) >= share * words]
    if 2 * numbers >= len(chunk):
        features.append("c.numbers")
    if "publisher-word" in having:
        features.append("c.publisher")
    return tuple(features)


_POSITIONS = tuple(f"pos={tenth}" for tenth in range(10))
_SENTENCES = tuple(f"sent={count}" for count in range(6))
_COMMAS = tuple(f"commas={count}" for count in range(7))


def token_features(tokens: Sequence[str]) -> list[list[str]]:
    """Each token's features: its own (word, shape, punctuation, lexicons), its chunk's
    (`_chunk_features`) and segment's, where it stands (`_place_features`), and its neighbours'
    words and shapes (`_near_features`) — `token_feature_groups` joined."""
    return [list(chain.from_iterable(groups)) for groups in token_feature_groups(tokens)]


def token_feature_groups(tokens: Sequence[str]) -> list[tuple[tuple[str, ...], ...]]:
    """Each token's features (`token_features`) as the groups they are made of, in their order:
    its own, its chunk's and its place in it, its segment's and its place in it, where it
    stands, and its four neighbours'. The groups recur — a word's own features in every
    reference that prints it, a chunk's in each of its tokens — so a reader that turns features
    into numbers does it once per group (`_tagger_network`)."""
    read = [_token(token) for token in tokens]
    columns = (_chunk_features(read), _segment_features(read), _place_features(read), _near_features(read))
    return [
        (token.own, *chunk, *segment, place, *near)
        for token, chunk, segment, place, near in zip(read, *columns, strict=True)
    ]


def _place_features(tokens: Sequence[_Token]) -> list[tuple[str, ...]]:
    """Where each token stands: its tenth of the reference, the sentences and commas before it,
    whether it is inside quotation marks (or after them: a quoted title is over) or brackets."""
    rows: list[tuple[str, ...]] = []
    sentences = commas = 0
    quoted = bracketed = after_quote = False
    for index, token in enumerate(tokens):
        quoted = quoted or token.opens_quote
        bracketed = bracketed or token.opens_bracket
        row = [_POSITIONS[10 * index // len(tokens)], _SENTENCES[min(sentences, 5)], _COMMAS[min(commas, 6)]]
        if quoted:
            row.append("quoted")
        elif after_quote:
            row.append("after-quote")
        if bracketed:
            row.append("bracketed")
        rows.append(tuple(row))
        if token.closes_quote:
            after_quote = after_quote or quoted
            quoted = False
        if token.closes_bracket:
            bracketed = False
        if token.ends_sentence:
            sentences += 1
        elif token.ends_comma:
            commas += 1
    return rows


# What stands in for a neighbour beyond either end of the reference (`_Token.near`'s four offsets):
# the first token's left neighbour tells "BOS", the last one's right neighbour "EOS", no other.
_NO_NEIGHBOUR: tuple[tuple[str, ...], ...] = ((), (), (), ())
_BEFORE_FIRST: tuple[tuple[str, ...], ...] = ((), ("BOS",), (), ())
_AFTER_LAST: tuple[tuple[str, ...], ...] = ((), (), ("EOS",), ())


def _near_features(tokens: Sequence[_Token]) -> list[tuple[tuple[str, ...], ...]]:
    """Each token's neighbours' words and shapes (`_Token.near`), "BOS" and "EOS" at the ends:
    the one before it, the one before that, the one after it, the one after that."""
    near = [_NO_NEIGHBOUR, _BEFORE_FIRST, *(token.near for token in tokens), _AFTER_LAST, _NO_NEIGHBOUR]
    # token ``at`` is ``near[at + 2]``: each neighbour fills the slot of its offset (`_Token.near`)
    return [(near[at + 1][1], near[at][0], near[at + 3][2], near[at + 4][3]) for at in range(len(tokens))]


def tokenize(text: str) -> list[tuple[int, int]]:
    """The spans of the tokens of ``text``: whitespace-separated, and Vancouver's packed numbers
    split where one field ends ("2019;521(7553):436-44" is "2019;", "521", "(7553):", "436-44"),
    except in a link or DOI (a token with a slash). A line break is a space."""
    spans = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        token = match.group()
        # a cut needs ";", ":" or "(": most tokens have none and skip the search
        if "/" in token or not (";" in token or ":" in token or "(" in token):
            spans.append((start, end))
            continue
        for cut in _PACKED_CUT.finditer(text, start, end):
            spans.append((start, cut.start()))
            start = cut.start()
        spans.append((start, end))
    return spans


# GB/T 7714's mark of a kind of work (`titles.KIND_OF_WORK`) and the period or "//" after it,
# at a venue's start
_MARK_BEFORE_A_CONTAINER = re.compile(rf"^\[?{KIND_OF_WORK}\](?://|\.)\s*+")


@dataclass(frozen=True)
class Field:
    """One labelled run of tokens: its text as printed and the model's confidence in it (the
    mean marginal probability of its tokens' label, 0–1)."""

    label: str
    text: str
    confidence: float


@dataclass(frozen=True)
class TaggedReference:
    """What the tagger read in one reference string. `fields` keeps every run in order; the
    properties give the first run of each kind, and `authors` the names as (family, given)."""

    text: str
    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    fields: tuple[Field, ...] = field(default=())
    marginals: tuple[float, ...] = ()  # each token's label's marginal probability
    spans: tuple[tuple[int, int], ...] = ()  # each token's place in `text`
    # per label of `WEIGHED_LABELS`, each token's marginal probability of having it
    label_marginals: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def first(self, label: str) -> Field | None:
        return next((run for run in self.fields if run.label == label), None)

    def text_of(self, label: str) -> str | None:
        run = self.first(label)
        return _trimmed(run.text) if run else None

    @property
    def title(self) -> str | None:
        """The title, without the kind of work's mark GB/T 7714 glues to it ("Title[J]."), which
        the model reads as the title's (the mark's token is the title's last word's)."""
        run = self.first("title")
        text = _trimmed(_within_its_quotation(run.text)) if run else None
        return without_kind_of_work(text) or None if text else None

    @property
    def container(self) -> str | None:
        """The venue, without the kind of work's mark before it where a space set the mark apart
        from the title ("Title [C]//Proc of …": the model reads "[C]//Proc" as the venue's word)."""
        text = self.text_of("container")
        return _MARK_BEFORE_A_CONTAINER.sub("", text) or None if text else None

    @property
    def year(self) -> int | None:
        run = self.first("date")
        found = _YEAR_ALONE.search(run.text) if run else None
        return int(found.group()) if found else None

    @property
    def doi(self) -> str | None:
        run = self.first("doi")
        if run is None:
            return None
        found = re.search(r"10\.\d{4,9}/\S+", run.text)
        return found.group().rstrip(".,;)") if found else None

    @property
    def authors(self) -> tuple[tuple[str, str], ...]:
        """The names of the author list as (family, given), in order: a run of family tokens
        and the run of given tokens next to it (before it in "X. Zhai", after it in "Zhai, X.")."""
        return tuple((family, given) for family, given, _ in self._names())

    def _names(self, start: int = 0) -> list[tuple[str, str, str]]:
        """(family, given, the name as printed) of each name of the author list (the one that
        opens at token ``start``, up to its end: `author_list_end`)."""
        end = self.author_list_end(start)
        runs = _name_runs(self.tokens[start:end], self.labels[start:end])
        if next((label for label, _ in runs if label != "sep"), "family") == "given":
            return _given_first_names(runs)
        return _family_first_names(runs)

    def confidence(self, label: str) -> float | None:
        run = self.first(label)
        return run.confidence if run else None

    def agreement(self, label: str, fragment: str) -> float | None:
        """How probable the model finds another reading of ``label``: ``fragment``, found in the
        text (its first occurrence, case- and space-blind). Where the fragment and the model's
        own first run of ``label`` differ, the lowest probability the model gives the fragment's
        side — ``label`` for a token only the fragment holds, another label for one only the
        run holds —; 1.0 where they hold the same tokens; None when the fragment is not found or
        ``label`` was not weighed (`WEIGHED_LABELS`)."""
        weighed = self._weighed(label, fragment)
        if weighed is None:
            return None
        marginals, inside = weighed
        own = set(self.run_of(label))
        sides = [marginals[index] for index in inside - own] + [
            1 - marginals[index] for index in own - inside
        ]
        return min(sides, default=1.0)

    def likeliest(self, label: str, fragment: str) -> float | None:
        """The highest probability the model gives ``label`` on a token of ``fragment`` (found
        as `agreement` finds it); None when it is not found or ``label`` was not weighed."""
        weighed = self._weighed(label, fragment)
        if weighed is None:
            return None
        marginals, inside = weighed
        return max(marginals[index] for index in inside)

    def _weighed(self, label: str, fragment: str) -> tuple[tuple[float, ...], set[int]] | None:
        """The model's probabilities of ``label`` per token, and the tokens of ``fragment`` (found
        as `agreement` finds it); None when it is not found or ``label`` was not weighed."""
        marginals = self.label_marginals.get(label)
        inside = self.tokens_of(fragment)
        if marginals is None or not inside:
            return None
        return marginals, inside

    def overlap(self, label: str, fragment: str) -> str:
        """How ``fragment`` (found as `agreement` finds it) lies against the model's own first
        run of ``label``: "same" tokens, "runs-on" (the run, then more tokens: a title read into
        its venue), "within" (part of the run), "apart" (no token in common), else "shifted";
        "unfound" when it is not in the text."""
        inside = self.tokens_of(fragment)
        if not inside:
            return "unfound"
        own = set(self.run_of(label))
        if inside == own:
            return "same"
        if not inside & own:
            return "apart"
        if own < inside and min(inside - own) > max(own):
            return "runs-on"
        if inside < own:
            return "within"
        return "shifted"

    def run_of(self, label: str) -> range:
        """The indices of the model's first run of ``label`` (empty when it read none)."""
        first = self.labels.index(label) if label in self.labels else len(self.labels)
        last = first
        while last < len(self.labels) and self.labels[last] == label:
            last += 1
        return range(first, last)

    def labels_of(self, fragment: str) -> tuple[set[str], float]:
        """The labels the model gave the tokens of ``fragment`` (found as `agreement` finds it),
        and the lowest marginal probability among them (0 when it is not found)."""
        inside = self.tokens_of(fragment)
        lowest = min((self.marginals[index] for index in inside), default=0.0)
        return {self.labels[index] for index in inside}, lowest

    @cached_property
    def _letters_and_digits(self) -> tuple[list[int], str]:
        """The places of the text's letters and digits, and those characters case-folded: what
        `tokens_of` finds a fragment in, several times an item (the field choice, the arbiters)."""
        places = [index for index, char in enumerate(self.text) if char.isalnum()]
        return places, "".join(self.text[index] for index in places).casefold()

    def tokens_of(self, fragment: str) -> set[int]:
        """The indices of the tokens ``fragment`` overlaps where it first occurs in the text,
        letters and digits compared only (case, spaces, punctuation and quotes aside); none when
        it does not occur."""
        wanted = "".join(char for char in fragment.casefold() if char.isalnum())
        if not wanted:
            return set()
        places, letters = self._letters_and_digits
        at = letters.find(wanted)
        if at < 0 or len(places) < at + len(wanted):
            return set()
        start, end = places[at], places[at + len(wanted) - 1] + 1
        starts, ends = self._span_bounds
        # the tokens are in the text's order, none overlapping: those ending after ``start`` up to
        # the first starting at ``end`` or later
        return set(range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)))

    @cached_property
    def _span_bounds(self) -> tuple[list[int], list[int]]:
        """Where each token starts and ends, in order: `tokens_of` bisects them."""
        return [first for first, _ in self.spans], [last for _, last in self.spans]

    def written_authors(self, start: int = 0) -> tuple[str, ...]:
        """The author list one name a string as printed ("Zhai, X.", "X. Zhai", "Zhai X"),
        "others" last when it ends in "et al." or "others" (as BibTeX writes it); the list that
        opens at token ``start`` (after a label of names: `_field_choice._labelled_names`)."""
        written = tuple(printed for _, _, printed in self._names(start))
        end = self.author_list_end(start)
        # "al" of "et al.", not a French list's "et" alone ("SHIRTS, Michael R. et PANDE, Vijay S.")
        if written and any(
            label == "author" and _stands_for_the_others(token)
            for token, label in zip(self.tokens[start:end], self.labels[start:end], strict=True)
        ):
            written += ("others",)
        return written

    def author_list_end(self, start: int = 0) -> int:
        """The index of the first token after the author list (names, "and", "et al."), the
        list that opens at token ``start``: at the first token of another label, or right after
        its "et al." or "others" where a family name came before it — no name follows the names it
        leaves out ("F. Chollet et al., Keras, 2015.", the software's name read as a name's), where
        one may precede it or end (a malformed record's "et al Angermueller C.", "E. E. et al
        Peters")."""
        seen = named = False
        for index, label in enumerate(self.labels[start:], start):
            if label in NAME_LABELS:
                seen = True
                named = named or label == "family"
                if named and label == "author" and _stands_for_the_others(self.tokens[index]):
                    return index + 1
            elif seen:
                return index
        return len(self.labels)

    def field_confidences(self) -> dict[str, float]:
        """The model's confidence in each field it read (the mean marginal of its first run's
        tokens; of the whole author list for ``authors``), keyed as the ``read`` block names them."""
        confidences: dict[str, float] = {}
        names = [
            marginal
            for marginal, label in zip(self.marginals[: self.author_list_end()], self.labels, strict=False)
            if label in NAME_LABELS
        ]
        if names:
            confidences["authors"] = round(sum(names) / len(names), 3)
        for name, label in (
            ("title", "title"),
            ("year", "date"),
            ("venue", "container"),
            ("volume", "volume"),
            ("pages", "pages"),
            ("doi", "doi"),
        ):
            run = self.first(label)
            if run is not None:
                confidences[name] = run.confidence
        return confidences


def _stands_for_the_others(token: str) -> bool:
    """Whether an author list's token stands for the names it leaves out: "al." of "et al.",
    "et.al.", "others"."""
    return _OTHERS_WORD.fullmatch(token.casefold().strip(".,;[]()")) is not None


def _name_runs(tokens: Sequence[str], labels: Sequence[str]) -> list[tuple[str, str]]:
    """The author list's runs of family and given tokens, in order, as (label, text); an `author`
    token ("and", "&", "et al.") between them is a "sep", which keeps two names' runs of one label
    apart. The list ends at the first token of any other label after it began."""
    runs: list[tuple[str, str]] = []
    for token, label in zip(tokens, labels, strict=True):
        if label == "author":
            runs.append(("sep", ""))
        elif label not in ("family", "given"):
            if runs:
                break
        elif runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1] + " " + token)
        else:
            runs.append((label, token))
    return runs


def _given_first_names(runs: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The names of a list that prints each given name before its family name ("X. Zhai"), the
    last one without the period of the sentence it ends ("… and Charles J. Alpert.")."""
    names: list[tuple[str, str, str]] = []
    pending: str | None = None
    for label, text in runs:
        if label == "given":
            pending = text
        elif label == "family":
            printed = f"{pending} {text}" if pending else text
            names.append((_family_part(text), _name_part(pending or ""), _family_part(printed)))
            pending = None
    return names


def _family_first_names(runs: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The names of a list that prints each family name first ("Zhai, X."): a given run belongs to
    the family name before it, where that one has none yet. A family name alone (a group's:
    "Office for National Statistics. Using EPS graphics …") is printed without the period of the
    sentence it ends."""
    names: list[tuple[str, str, str]] = []
    for label, text in runs:
        if label == "family":
            names.append((_family_part(text), "", text))
        elif label == "given" and names and not names[-1][1]:
            family, _, printed = names[-1]
            names[-1] = (family, _name_part(text), f"{printed} {text}")
    return [(family, given, _name_part(printed) if given else family) for family, given, printed in names]


def _name_part(text: str) -> str:
    return text.strip(" ,;:&").removesuffix(" and").strip(" ,;:")


def _family_part(text: str) -> str:
    """A family name without the period of the sentence it ends ("Hinton." in "… and G. Hinton.")."""
    part = _name_part(text)
    return part[:-1] if part.endswith(".") and len(part) > 3 and part[-2].islower() else part


# A quotation's marks as styles print a quoted title, opening: closing (“…”, «…», ‘…’, "…", „…“,
# BibTeX's ``…'' left as typed).
QUOTATION_MARKS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "``": "''"}
_APOSTROPHE = "’"  # a single quotation's closing mark is the apostrophe too ("Bitcoin’s"): no end
_FIELD_ENDS = ",.;:"


def _within_its_quotation(title: str) -> str:
    """A title the model ran on past the quotation that opens it, cut where that quotation
    closes and a field ends ("“Sagas”, ACM SIGMOD Record," is "“Sagas”"; IEEE's "“Title,”
    Journal"): a quoted title is the whole quotation. Words that go on in the same field keep
    theirs (a quotation opening a title: "“Evolutionary” selection dynamics in games")."""
    title = title.strip()
    for opening, closing in QUOTATION_MARKS.items():
        if not title.startswith(opening) or closing == _APOSTROPHE:
            continue
        end = title.find(closing, len(opening))
        if end < 0:
            return title
        rest = title[end + len(closing) :]
        ends_field = title[end - 1] in _FIELD_ENDS or rest.startswith(tuple(_FIELD_ENDS))
        return title[: end + len(closing)] if ends_field and rest.strip(f" {_FIELD_ENDS}") else title
    return title


def _trimmed(text: str) -> str:
    """A field's text without the punctuation the style put around it."""
    text = text.strip()
    # (German's quotation too: „…“)
    while text and text[0] in '“"‘«„([,;:':
        text = text[1:].lstrip()
    while text and text[-1] in '”"’»“)],;:.':
        if text[-1] == "." and len(text) > 2 and text[-3:-1].isupper() and text[-3] == " ":
            break  # "… in AI." keeps nothing to cut but the style's period
        if _closes_its_own(text):
            break  # "Journal of the ACM (JACM)": the field's own bracket, not the style's
        text = text[:-1].rstrip()
    return text


def _closes_its_own(text: str) -> bool:
    """Whether ``text`` ends in a closing bracket that closes one it opens, around words: not a
    year's or an issue's number the style bracketed ("American Scientist (1980)", "mug.(4)")."""
    opening = {")": "(", "]": "["}.get(text[-1])
    if opening is None or text.count(opening) < text.count(text[-1]):
        return False
    inside = text[text.rfind(opening) + 1 : -1]
    return not inside.strip().isdigit()


class _CollectionPause:
    """Python's cyclic garbage collector paused while strings are tagged, then resumed as it was.

    Tagging allocates many small containers, most of which live on in the caches (a token's
    features, a group's rows); the collector's passes over them took a fifth of a cold reading's
    time (3,000 validation strings: 1,530–1,750 a second with it, 2,000 without). Reference
    counting still frees every other object at once: only reference cycles wait, for the length
    of one call. Several threads may tag at once: the collector resumes when the last one is
    done, and only if it ran when the first one began."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._inside = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._inside += 1

    def __exit__(self, *raised: object) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0 and self._resume:
                gc.enable()


COLLECTION_PAUSE = _CollectionPause()


class Tagger:
    """A loaded model: `tag` labels one reference string, `tag_many` several at once. The model
    is the network's (``.npz``, `_tagger_network`, the shipped one, which reads strings together)
    or, to compare with it, CRFsuite's (``.crfsuite``, the model shipped before; python-crfsuite,
    in the ``tagger-data`` and ``test`` extras; `tag_many` reads it one string at a time)."""

    def __init__(self, model_path: str) -> None:
        if model_path.endswith(".crfsuite"):
            import pycrfsuite  # a C extension: imported only when such a model is loaded

            self._crf = pycrfsuite.Tagger()
            self._crf.open(model_path)
            self._network = None
        else:
            from bibnorm.readers._tagger_network import TaggerNetwork

            self._network = TaggerNetwork(model_path)

    def tag(self, text: str, weigh: bool = False) -> TaggedReference:
        """The labels of ``text``'s tokens, their runs as fields with confidences; with
        ``weigh``, also every token's marginal of each of `WEIGHED_LABELS`, which a reader that
        weighs another reading of those fields needs (`TaggedReference.agreement`)."""
        return self.tag_many([text], weigh)[0]

    def tag_many(self, texts: Sequence[str], weigh: bool = False) -> list[TaggedReference]:
        """`tag` of each of ``texts``: the network reads them together, about twice as fast as
        one call each. The cyclic garbage collector waits meanwhile (`COLLECTION_PAUSE`)."""
        with COLLECTION_PAUSE:
            spans = [tokenize(text) for text in texts]
            tokens = [
                tuple(text[start:end] for start, end in own) for text, own in zip(texts, spans, strict=True)
            ]
            readings = iter(self._read_many([string for string in tokens if string], weigh))
            return [
                _tagged(text, own_spans, own_tokens, *next(readings))
                if own_tokens
                else TaggedReference(text, (), ())
                for text, own_spans, own_tokens in zip(texts, spans, tokens, strict=True)
            ]

    def clear_caches(self) -> None:
        """Forget what reading has kept to go faster: the tokens' features (`clear_token_caches`)
        and the network's groups' rows. For a caller measuring the tagger's speed cold."""
        clear_token_caches()
        if self._network is not None:
            self._network.clear_groups()

    def _read_many(self, strings: list[tuple[str, ...]], weigh: bool) -> list[_Reading]:
        """Each string's labels, each label's marginal, and with ``weigh`` every token's marginal
        of each of `WEIGHED_LABELS`."""
        if self._network is None:
            return [self._read_by_crf(tokens, weigh) for tokens in strings]
        names = self._network.labels
        weighed = WEIGHED_LABELS if weigh else ()
        columns = [names.index(label) for label in weighed]
        readings = self._network.read_grouped([token_feature_groups(tokens) for tokens in strings])
        return [
            (
                tuple(names[index] for index in path),
                posteriors[range(len(path)), path].tolist(),
                dict(zip(weighed, map(tuple, posteriors[:, columns].T.tolist()), strict=True)),
            )
            for path, posteriors in readings
        ]

    def _read_by_crf(self, tokens: tuple[str, ...], weigh: bool) -> _Reading:
        labels = tuple(self._crf.tag(token_features(tokens)))
        marginals = [self._crf.marginal(label, index) for index, label in enumerate(labels)]
        weighed = {
            label: tuple(self._crf.marginal(label, index) for index in range(len(tokens)))
            for label in (WEIGHED_LABELS if weigh else ())
        }
        return labels, marginals, weighed


# a string's labels, each one's marginal, and the weighed labels' marginals of every token
_Reading = tuple[tuple[str, ...], list[float], dict[str, tuple[float, ...]]]


def _tagged(
    text: str,
    spans: list[tuple[int, int]],
    tokens: tuple[str, ...],
    labels: tuple[str, ...],
    marginals: list[float],
    weighed: dict[str, tuple[float, ...]],
) -> TaggedReference:
    """The runs of one label as fields, each with its tokens' mean marginal; a title's colon or
    dash set apart by blanks is the title's (`_marks_inside_the_title`)."""
    labels = _marks_inside_the_title(tokens, labels)
    runs: list[Field] = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or labels[index] != labels[start]:
            if labels[start] != "other":
                run_text = text[spans[start][0] : spans[index - 1][1]]
                confidence = sum(marginals[start:index]) / (index - start)
                runs.append(Field(labels[start], run_text, round(confidence, 3)))
            start = index
    return TaggedReference(text, tokens, labels, tuple(runs), tuple(marginals), tuple(spans), weighed)


# A mark that parts a title from its subtitle, printed as a token of its own (French typography's
# " : ", a dash between blanks).
_TITLES_MARKS = frozenset(":–—-")


def _marks_inside_the_title(tokens: tuple[str, ...], labels: tuple[str, ...]) -> tuple[str, ...]:
    """``labels`` with a colon or a dash the model reads as no field's between two of the title's
    words the title's: "Riemann Solvers and Numerical Methods for Fluid Dynamics : A Practical
    Introduction" is one title, not two runs of which the first is taken; so is a part's number
    before the mark, read as no field's too ("… of weather. VIII : A preliminary study …")."""
    inside: list[int] = []
    for index in range(1, len(tokens) - 1):
        if labels[index] != "other" or labels[index + 1] != "title" or tokens[index] not in _TITLES_MARKS:
            continue
        if labels[index - 1] == "title":
            inside.append(index)
        elif index >= 2 and labels[index - 2] == "title" and _a_parts_numeral(tokens, labels, index - 1):
            inside += [index - 1, index]
    if not inside:
        return labels
    marked = list(labels)
    for index in inside:
        marked[index] = "title"
    return tuple(marked)


def _a_parts_numeral(tokens: tuple[str, ...], labels: tuple[str, ...], index: int) -> bool:
    """Whether the token at ``index`` is a part's number in Roman numerals read as no field's
    (before a mark that opens the part's own title: "… of weather. VIII : A preliminary study …")."""
    return labels[index] == "other" and PART_NUMBER.fullmatch(tokens[index]) is not None


def clear_token_caches() -> None:
    """Forget the features of the tokens seen so far: frees what the cache holds (up to 65,536
    distinct tokens' features), and lets a caller measuring the tagger's speed start cold (as
    ``bench/bench_tagger_heldout.py`` does, through `Tagger.clear_caches`). Public for such
    callers; reading never needs it."""
    _token.cache_clear()


@lru_cache(maxsize=1)
def packaged_tagger() -> Tagger:
    """The tagger of the model shipped in ``normalizer/data/`` (no download)."""
    from importlib import resources

    with resources.as_file(data_file(MODEL_FILE)) as path:
        return Tagger(str(path))


# The model `tag_reference` tags with inside a `reading_with` block (else the packaged one).
_MODEL_IN_USE: ContextVar[Tagger | None] = ContextVar("model_in_use", default=None)


@contextmanager
def reading_with(model_path: str) -> Iterator[None]:
    """Inside the block, `tag_reference` — and so every reader — tags with the model at
    ``model_path`` in place of the packaged one: to compare two models through the same reader,
    or to read a benchmark's truth with a model that does not change when the shipped one does."""
    token = _MODEL_IN_USE.set(_loaded_tagger(model_path))
    try:
        yield
    finally:
        _MODEL_IN_USE.reset(token)


@lru_cache(maxsize=2)  # a bench enters `reading_with` once per document it reads the truth of
def _loaded_tagger(model_path: str) -> Tagger:
    return Tagger(model_path)


def tag_reference(text: str, weigh: bool = False) -> TaggedReference:
    """Label the tokens of one reference string with the packaged model (or `reading_with`'s);
    fields with confidences (and with ``weigh``, the marginals `Tagger.tag` keeps for the reader)."""
    return _tagger_in_use().tag(text, weigh)


def _tagger_in_use() -> Tagger:
    return _MODEL_IN_USE.get() or packaged_tagger()


class TaggedTogether:
    """The items of a list tagged together once with the packaged model (or `reading_with`'s), weighed
    (`Tagger.tag_many`: a fraction of the cost of one call each), and then each item's
    reading looked up by its text, as ``tag_reference(text, weigh=True)`` reads it; a text
    that is not one of them (an item with its elided names written out, as the page prints it)
    is tagged alone, once: a list the rules do not fit is read twice (`list_fit`)."""

    def __init__(self, texts: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(texts))
        self._read = dict(zip(distinct, _tagger_in_use().tag_many(distinct, weigh=True), strict=True))

    def __call__(self, text: str) -> TaggedReference:
        read = self._read.get(text)
        if read is None:
            read = self._read[text] = tag_reference(text, weigh=True)
        return read
