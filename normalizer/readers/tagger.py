"""Fields of one reference string by a trained sequence labeller, not by rules per citation style.

A linear-chain conditional random field (CRFsuite, through python-crfsuite) labels each
whitespace-separated token of one reference — ``Zhai, X., Kolesnikov, A.: Scaling vision
transformers. In: CVPR, pp. 1–10 (2022)`` — with one of `LABELS`, and `tag_reference` joins the
runs of one label into typed fields, each with the model's confidence: the mean marginal
probability of its tokens' labels.

The model is a data file, ``normalizer/data/reference-tagger.crfsuite``, trained on reference
strings that real records typeset through hundreds of citation styles with exact labels
(``scripts/make_tagger_data.py`` makes them, ``scripts/train_tagger.py`` trains; docs/tagger.md
says how, how it is measured on styles it never saw, and how a style is added). The features
(`token_features`) are the training's and the reading's both, so they live here, once.

Nothing here looks anything up or reads a layout: the text of one reference in, fields out.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bibnorm.text import data_file
from bibnorm.text.names import PARTICLES

MODEL_FILE = "reference-tagger.crfsuite"

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

_TOKEN = re.compile(r"\S+")
# Where a packed run of numbers changes field: after "2019;" or "(7553):" before a digit or "(",
# and before "(7553)" after a digit.
_PACKED_CUT = re.compile(r"(?<=[\d)][;:])(?=[\d(])|(?<=\d)(?=\(\d)")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>,.;:!?"
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/")
_ARXIV = re.compile(r"(?<!\d)\d{4}\.\d{4,5}(?!\d)|(?:^|/|:)[a-z-]+(?:\.[A-Z]{2})?/\d{7}")
_URL = re.compile(r"https?://|www\.|\.(?:org|com|net|edu|html?)\b", re.IGNORECASE)
_RANGE = re.compile(r"\d[-–—‐]+\d")
_ISBN = re.compile(r"^(?:97[89][-‐]?)?\d{1,5}[-‐]\d+[-‐]\d+[-‐][\dX]$")
# "X.", "A.B.", "X.-H.", "M-L.", "Th.", "JM": each piece led by a capital, so bounded and linear
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.?[-‐]?){1,4}")
_SHAPE_RUN = re.compile(r"(.)\1+")
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip
# Words that announce a field in many styles (their own tokens are labelled `other`, but they
# tell the next token's label): "pp. 1–10", "vol. 3", "In: Venue", "doi: 10.…", "(eds.)".
_CUE_WORDS = frozenset(
    {"in", "pp", "p", "vol", "vols", "no", "nr", "issue", "doi", "url", "isbn", "available", "at",
     "retrieved", "from", "accessed", "ed", "eds", "edn", "edition", "editor", "editors", "editors)",
     "(ed", "(eds", "hrsg", "press", "university", "proc", "proceedings", "journal", "conference",
     "transactions", "letters", "review", "arxiv", "preprint", "thesis", "report", "technical", "phd",
     "dissertation", "chapter", "et", "al", "and", "&", "pages", "volume", "number"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Stop words (CSL's), venue words (the venue table's names) and English words (SCOWL's),
    lower case, from ``normalizer/data/``."""
    stop = json.loads(data_file("stop-words.json").read_text("utf-8"))["stop-words"]
    venue_words: set[str] = set()
    for venue in json.loads(data_file("venues.json").read_text("utf-8")):
        for name in (venue.get("name", ""), *venue.get("aliases", ())):
            venue_words.update(word.casefold() for word in re.findall(r"[^\W\d_]{3,}", name))
    english = gzip.decompress(data_file("english-words.txt.gz").read_bytes()).decode().split()
    return frozenset(w for w in stop if " " not in w), frozenset(venue_words), frozenset(english)


def _shape(core: str) -> str:
    """ "Zhai" -> "Xx", "X." -> "X.", "2021" -> "d", "123–145" -> "d–d": character classes, runs
    collapsed, so a shape says what kind of token it is and not how long."""
    classes = []
    for char in core[:12]:
        if char.isupper():
            classes.append("X")
        elif char.isalpha():
            classes.append("x")
        elif char.isdigit():
            classes.append("d")
        else:
            classes.append(char)
    return _SHAPE_RUN.sub(r"\1", "".join(classes))


def _core(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def _fold(word: str) -> str:
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _own_features(
    token: str, stop: frozenset[str], venue: frozenset[str], english: frozenset[str]
) -> list[str]:
    core = _core(token)
    word = _fold(core)
    letters = "".join(char for char in core if char.isalpha())
    features = [
        "w=" + word,
        "shape=" + _shape(core),
        "first=" + token[0],
        "last=" + token[-1],
        "len=" + str(min(len(core), 8)),
    ]
    if len(word) > 3:
        features.append("suf3=" + word[-3:])
    if letters:
        if letters.isupper():
            features.append("upper" if len(letters) > 1 else "capital")
        elif letters[0].isupper():
            features.append("titlecase")
        elif letters.islower():
            features.append("lower")
    if _YEAR.search(token):
        features.append("year")
    if any(char.isdigit() for char in token):
        features.append("digit")
        if _RANGE.search(token):
            features.append("range")
    if _DOI.search(token):
        features.append("doi")
    if _ARXIV.search(token):
        features.append("arxiv")
    if _URL.search(token):
        features.append("url")
    if _ISBN.match(core):
        features.append("isbn")
    if word in stop:
        features.append("stop")
    if word in PARTICLES:
        features.append("particle")
    if word in venue:
        features.append("venue")
    if word in english:
        features.append("english")
    elif letters and not core[0].isdigit():
        features.append("not-english")
    if word.rstrip(".") in _MONTHS:
        features.append("month")
    if word in _CUE_WORDS or word.rstrip(".") in _CUE_WORDS:
        features.append("cue")
    if _INITIALS.fullmatch(token.rstrip(",;:)")):
        features.append("initials")
    return features


def token_features(tokens: Sequence[str]) -> list[list[str]]:
    """Each token's features: its own (word, shape, punctuation, lexicons), its neighbours'
    words and shapes, where it stands (position, sentences and commas before it, inside quotes
    or brackets)."""
    stop, venue, english = _lexicons()
    own = [_own_features(token, stop, venue, english) for token in tokens]
    count = len(tokens)
    rows: list[list[str]] = []
    sentences = commas = 0
    quoted = bracketed = False
    for index, token in enumerate(tokens):
        if token[0] in '“"‘«' or token.startswith("``"):
            quoted = True
        if token[0] in "([":
            bracketed = True
        features = [*own[index], "pos=" + str(10 * index // count), f"sent={min(sentences, 5)}"]
        features.append(f"commas={min(commas, 6)}")
        if quoted:
            features.append("quoted")
        if bracketed:
            features.append("bracketed")
        if index == 0:
            features.append("BOS")
        if index == count - 1:
            features.append("EOS")
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < count:
                neighbour = tokens[other]
                features.append(f"{offset}:w=" + own[other][0][2:])
                features.append(f"{offset}:shape=" + own[other][1][6:])
                if abs(offset) == 1:
                    features.append(f"{offset}:last=" + neighbour[-1])
        rows.append(features)
        if token[-1] in '”"’»' or token.endswith("''") or token[-2:] in ('",', "”,", "”.", '".'):
            quoted = False
        if token[-1] in ")]" or token[-2:] in ("),", ").", "]."):
            bracketed = False
        last = token.rstrip(')]"”’')[-1:]
        if last == "." and not (len(_core(token)) <= 2 and _core(token)[:1].isupper()):
            sentences += 1
        elif last == ",":
            commas += 1
    return rows


def tokenize(text: str) -> list[tuple[int, int]]:
    """The spans of the tokens of ``text``: whitespace-separated, and Vancouver's packed numbers
    split where one field ends ("2019;521(7553):436-44" is "2019;", "521", "(7553):", "436-44"),
    except in a link or DOI (a token with a slash). A line break is a space."""
    spans = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if "/" in match.group():
            spans.append((start, end))
            continue
        for cut in _PACKED_CUT.finditer(text, start, end):
            spans.append((start, cut.start()))
            start = cut.start()
        spans.append((start, end))
    return spans


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

    def first(self, label: str) -> Field | None:
        return next((run for run in self.fields if run.label == label), None)

    def text_of(self, label: str) -> str | None:
        run = self.first(label)
        return _trimmed(run.text) if run else None

    @property
    def title(self) -> str | None:
        return self.text_of("title")

    @property
    def container(self) -> str | None:
        return self.text_of("container")

    @property
    def year(self) -> int | None:
        run = self.first("date")
        found = _YEAR.search(run.text) if run else None
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
        names: list[tuple[str, str]] = []
        parts: list[tuple[str, str]] = []  # (label, text) runs of family/given, in order
        for token, label in zip(self.tokens, self.labels, strict=True):
            if label not in ("family", "given"):
                if label != "author" and names + parts:
                    break
                if label == "author":
                    parts.append(("sep", ""))
                continue
            if parts and parts[-1][0] == label:
                parts[-1] = (label, parts[-1][1] + " " + token)
            else:
                parts.append((label, token))
        given_first = next((label for label, _ in parts if label != "sep"), "family") == "given"
        pending: str | None = None
        for label, text in parts:
            if label == "sep":
                continue
            if label == "family":
                if given_first:
                    names.append((_family_part(text), _name_part(pending or "")))
                    pending = None
                else:
                    names.append((_family_part(text), ""))
            elif given_first:
                pending = text
            elif names and not names[-1][1]:
                names[-1] = (names[-1][0], _name_part(text))
        return tuple(names)

    @property
    def first_family(self) -> str | None:
        names = self.authors
        return names[0][0] if names else None

    def confidence(self, label: str) -> float | None:
        run = self.first(label)
        return run.confidence if run else None


def _name_part(text: str) -> str:
    return text.strip(" ,;&").removesuffix(" and").strip(" ,;")


def _family_part(text: str) -> str:
    """A family name without the period of the sentence it ends ("Hinton." in "… and G. Hinton.")."""
    part = _name_part(text)
    return part[:-1] if part.endswith(".") and len(part) > 3 and part[-2].islower() else part


def _trimmed(text: str) -> str:
    """A field's text without the punctuation the style put around it."""
    text = text.strip()
    while text and text[0] in '“"‘«([,;:':
        text = text[1:].lstrip()
    while text and text[-1] in '”"’»)],;:.':
        if text[-1] == "." and len(text) > 2 and text[-3:-1].isupper() and text[-3] == " ":
            break  # "… in AI." keeps nothing to cut but the style's period
        text = text[:-1].rstrip()
    return text


class Tagger:
    """A loaded model: `tag` labels one reference string."""

    def __init__(self, model_path: str) -> None:
        import pycrfsuite  # a C extension: imported only when a model is loaded

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)

    def tag(self, text: str) -> TaggedReference:
        spans = tokenize(text)
        tokens = tuple(text[start:end] for start, end in spans)
        if not tokens:
            return TaggedReference(text, (), ())
        labels = tuple(self._tagger.tag(token_features(tokens)))
        marginals = [self._tagger.marginal(label, index) for index, label in enumerate(labels)]
        runs: list[Field] = []
        start = 0
        for index in range(1, len(tokens) + 1):
            if index == len(tokens) or labels[index] != labels[start]:
                if labels[start] != "other":
                    run_text = text[spans[start][0] : spans[index - 1][1]]
                    confidence = sum(marginals[start:index]) / (index - start)
                    runs.append(Field(labels[start], run_text, round(confidence, 3)))
                start = index
        return TaggedReference(text, tokens, labels, tuple(runs))


@lru_cache(maxsize=1)
def packaged_tagger() -> Tagger:
    """The tagger of the model shipped in ``normalizer/data/`` (no download)."""
    from importlib import resources

    with resources.as_file(data_file(MODEL_FILE)) as path:
        return Tagger(str(path))


def tag_reference(text: str) -> TaggedReference:
    """Label the tokens of one reference string with the packaged model; fields with confidences."""
    return packaged_tagger().tag(text)
