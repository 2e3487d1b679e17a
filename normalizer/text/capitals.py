"""Which capitals of a title must survive styles that lower-case titles.

BibTeX styles (plain, IEEEtran, splncs04 ...) and biblatex's sentence case lower-case
every title letter outside braces except the first. A capital survives only when it is
protected, so the BibTeX writer (`bibnorm.writers.latex_text.title_to_latex`) braces
what `protected_spans` returns, and ``bibnorm check`` (BN305, `unprotected_capitals`)
asks the same function what should have been braced — with the evidence a .bib file
alone gives, which is part of what the writer had, so check never asks for more.

A *token* is a run of letters and digits joined by hyphens or ``&`` (``MLP-Mixer``,
``I&S-ViT``, ``2-D``); its *parts* are the runs between those joiners. A part keeps its
capitals when the tool has evidence it is a name, never on a guess:

1. **its shape**: a capital after the first character or a digit with a capital
   (``ViT``, ``BERT``, ``mIoU``, ``3D``, ``T5``);
2. **a known name** in ``normalizer/data/proper-nouns.txt`` (people such as Turing,
   Kolmogorov, Plato; models and methods as the papers spell them, such as Mamba, Swin),
   matched with possessive and plural endings removed (``Gaussians``, ``Plato's``);
3. **the pronoun** ``I`` (a token of its own);
4. **the prose of the whole bibliography** (`Evidence`, pooled over every record of a run
   by `pool`, so a word is braced in every entry or in none). Each abstract, and each
   title written in sentence case, is read for how it writes the word in the middle of a
   sentence: *named* (capitalised on its own: "akin to Plato's concept", "we propose
   Hyena, a subquadratic operator"), *titled* (capitalised only inside a run of
   capitalised words — "from Street View imagery", "a Memory-Sharing Backpropagation
   strategy" — or in an acronym's spelling-out, "Vision Outlooker (VOLO)": title case,
   which says nothing about one word) or *lower*. A word is a name when it is named more
   often than written in lower case; or, never in lower case and capitalised only in
   title case, when it is no ordinary English word (`is_english_word`: "Outlooker" is a
   name, "Decoupled" and "View" are not). A sentence-case title that capitalises a word
   that is no English word on its own ("Using Swin transformer") names it outright: that
   is the evidence ``check`` has too;
5. **its token**: a single capital letter joined to a protected part or a number
   (``DALL-E``, ``I&S-ViT``, ``2-D``).

A hyphenated token the prose names as written ("We present MLP-Mixer, an architecture")
is braced whole. Otherwise the protected parts of a token are braced together with the
numbers between them, so a token is braced whole (``{DALL-E}``, ``{Kolmogorov-Arnold}``,
``{GPT-4}``) unless a lower-case word or an unprotected capitalised word splits it
(``{CLIP}-based``, ``{CLIP}-Based`` in a title-case title). Words are braced one token at
a time, so a title is never braced whole and never twice.

`recover_capitals` puts back the capital of a name a sentence-case title writes in lower
case ("Escaping plato's cave") when the paper's abstract writes it capitalised and never
in lower case, and it is a known name or no ordinary English word.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain, compress, islice

__all__ = [
    "NO_EVIDENCE",
    "Evidence",
    "abstract_evidence",
    "bibliography_evidence",
    "evidence_for",
    "holds_position",
    "is_english_word",
    "known_names",
    "needs_protection",
    "pool",
    "protected_spans",
    "recover_capitals",
    "title_evidence",
    "title_only_evidence",
    "word_key",
]

# A token: letter/digit runs joined by hyphens (ASCII and Unicode) or "&"; apostrophes
# stay inside a part ("Kolmogorov's"). The quantifiers are possessive: what follows each run can
# match nothing, so giving a character back never finds another match, and not trying to makes
# the tokenizer four times faster (every title and abstract word goes through it).
_PART = r"[^\W_]++(?:['\u2019][^\W_]++)*+"
_JOINER = "-\u2010\u2011&"
TOKEN = re.compile(rf"{_PART}(?:[{_JOINER}]{_PART})*+")
_PART_RE = re.compile(_PART)
_JOINED = re.compile(f"[{_JOINER}]")
_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")  # words long enough to say which case a title is in


def needs_protection(word: str) -> bool:
    """Whether a word's shape says its capitals matter (rule 1).

    True for a capital after the first character (``ViT``, ``BERT``, ``ImageNet``,
    ``3D``) or a word mixing digits and capitals (``T5``).
    """
    rest = word[1:]
    # (`islower` and `isalpha` answer in C for most words: lower-case after the first letter
    # means no capital there, letters alone mean no digit.)
    if not rest.islower() and any(ch.isupper() for ch in rest):
        return True
    if word.isalpha():
        return False
    return any(ch.isdigit() for ch in word) and any(ch.isupper() for ch in word)


@lru_cache(maxsize=65_536)  # the same words recur in every abstract
def word_key(word: str) -> str:
    """A word compared for evidence: case-folded, without possessive and plural ``s``."""
    key = (word if word.isalpha() else _POSSESSIVE.sub("", word)).casefold()  # (no apostrophe: no "'s")
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """The `word_key`s of the names in ``normalizer/data/proper-nouns.txt``."""
    text = resources.files("bibnorm").joinpath("data", "proper-nouns.txt").read_text("utf-8")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word_key(name) for name in names if name)


@lru_cache(maxsize=1)
def _english_words() -> bytes:
    """``normalizer/data/english-words.txt.gz``: sorted lower-case words, one a line."""
    data = resources.files("bibnorm").joinpath("data", "english-words.txt.gz").read_bytes()
    return gzip.decompress(data)


def _holds_line(data: bytes, word: bytes) -> bool:
    """Binary search for a whole line in sorted newline-separated ``data`` (no list is built:
    a run asks about a few dozen words, and splitting 115,000 lines would cost more)."""
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end]
        if line == word:
            return True
        if line < word:
            low = end + 1
        else:
            high = start
    return False


@lru_cache(maxsize=4096)
def is_english_word(key: str) -> bool:
    """Whether a `word_key` is an ordinary English word: SCOWL's American English list
    (size 70) writes it, or its plural, in lower case ("decoupled", "view", "analysis";
    not "outlooker", "plato", "swin")."""
    if not key.isascii() or not key.isalpha():
        return False
    if len(key) < 3:
        return True  # "A", "Al", "Of": too short to be a name on prose evidence alone
    data = _english_words()
    return _holds_line(data, key.encode()) or _holds_line(data, key.encode() + b"s")


@dataclass(frozen=True, eq=False)
class Evidence:
    """What the prose of one record, or of a whole bibliography (`pool`), says about
    capitalised words (rule 4): how often each `word_key` is written *named*, *titled*
    or in *lower* case, hyphenated tokens named as written (``tokens``, by their exact
    spelling) or written in lower case (``tokens_lower``, case-folded), the words a
    sentence-case title names outright (``title_names``) and the capitalised spelling
    the prose gives each named word (``forms``). Decisions are made once per word and
    remembered, so every entry of a bibliography gets the same one."""

    named: Mapping[str, int] = field(default_factory=dict)
    titled: Mapping[str, int] = field(default_factory=dict)
    lower: Mapping[str, int] = field(default_factory=dict)
    tokens: Mapping[str, int] = field(default_factory=dict)
    tokens_lower: Mapping[str, int] = field(default_factory=dict)
    title_names: frozenset[str] = frozenset()
    forms: Mapping[str, str] = field(default_factory=dict)
    _decided: dict[str, bool] = field(default_factory=dict, repr=False)
    _spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False)

    def names(self, key: str) -> bool:
        """True when the word (a `word_key`) is a name: rules 2 and 4."""
        decided = self._decided.get(key)
        if decided is None:
            decided = self._decide(key)
            self._decided[key] = decided
        return decided

    def _decide(self, key: str) -> bool:
        if key in known_names() or key in self.title_names:
            return True
        named, lower = self.named.get(key, 0), self.lower.get(key, 0)
        if named > lower:
            return True
        return lower == 0 and self.titled.get(key, 0) > 0 and not is_english_word(key)

    def names_token(self, token: str) -> bool:
        """True when the prose names a hyphenated token as written ("MLP-Mixer") more often
        than it writes it in lower case."""
        token = _POSSESSIVE.sub("", token)
        return self.tokens.get(token, 0) > self.tokens_lower.get(token.casefold(), 0)


NO_EVIDENCE = Evidence()


def pool(evidences: Iterable[Evidence]) -> Evidence:
    """One `Evidence` for a whole bibliography: the counts of every record added up."""
    named: Counter[str] = Counter()
    titled: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    tokens: Counter[str] = Counter()
    tokens_lower: Counter[str] = Counter()
    title_names: set[str] = set()
    forms: dict[str, str] = {}
    for evidence in evidences:
        if evidence is NO_EVIDENCE:
            continue
        named.update(evidence.named)
        titled.update(evidence.titled)
        lower.update(evidence.lower)
        tokens.update(evidence.tokens)
        tokens_lower.update(evidence.tokens_lower)
        title_names.update(evidence.title_names)
        for key, form in evidence.forms.items():
            forms.setdefault(key, form)
    return Evidence(named, titled, lower, tokens, tokens_lower, frozenset(title_names), forms)


# What an abstract holds that is not prose: URLs, TeX commands, inline math.
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\\[A-Za-z]+|\$[^$]*\$")
_NOT_PROSE_STARTS = ("http", "www.", "\\", "$")  # each alternative begins with one of these


def _prose(text: str) -> str:
    """``text`` with what is not prose (`_NOT_PROSE`) made a full stop; most texts hold none of
    it, which four substring searches tell faster than the pattern's scan."""
    if any(start in text for start in _NOT_PROSE_STARTS):
        return _NOT_PROSE.sub(" . ", text)
    return text


# Tokens, and the punctuation after which a capital says nothing (a sentence or clause
# start); commas only bound an acronym's spelling-out.
_PROSE_TOKEN = re.compile(rf"{TOKEN.pattern}|[.!?:;,()\[\]{{}}\"\u201c\u201d\u2022]|\n")
# Lower-case words a spelt-out acronym may hold without a letter of their own ("Region of Interest").
_EXPANSION_GLUE = frozenset({"of", "and", "for", "the", "in", "on", "to", "with", "a", "an", "by", "from"})


def _read_prose(text: str) -> Evidence:
    """How one text writes each word, as `Evidence` counts it."""
    tokens = [m.group() for m in _PROSE_TOKEN.finditer(_prose(text))]
    expansion = _acronym_expansions(tokens)
    capital = [token[:1].isupper() for token in tokens]
    named: Counter[str] = Counter()
    titled: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    named_tokens: Counter[str] = Counter()
    lower_tokens: Counter[str] = Counter()
    forms: dict[str, str] = {}
    start = True
    for index, token in enumerate(tokens):
        if token == ",":
            continue  # a comma ends an acronym's spelling-out, not a sentence
        if not token[0].isalnum():
            start = True
            continue
        hyphenated = _JOINED.search(token) is not None
        if token.islower():  # most words of any abstract: only counted
            for part in _PART_RE.findall(token) if hyphenated else (token,):
                if part.islower():
                    lower[word_key(part)] += 1
            if hyphenated:
                lower_tokens[token] += 1
            start = False
            continue
        parts = _PART_RE.findall(token)
        in_title_case = index in expansion or _in_capital_run(tokens, capital, index)
        if hyphenated and not start and not in_title_case and capital[index]:
            named_tokens[_POSSESSIVE.sub("", token)] += 1
        for part in parts:
            if part.islower():
                lower[word_key(part)] += 1
        for key, part, title_case in _capitalised_parts(parts, hyphenated, start, in_title_case):
            if title_case:
                titled[key] += 1
            else:
                named[key] += 1
                forms.setdefault(key, part)
        start = False
    return Evidence(named, titled, lower, named_tokens, lower_tokens, frozenset(), forms)


def _capitalised_parts(
    parts: Sequence[str], hyphenated: bool, start: bool, in_title_case: bool
) -> Iterable[tuple[str, str, bool]]:
    """``(word_key, form, in title case)`` of each part of a token that counts as named or
    titled: capitalised, not an acronym by its shape, not the first word of a sentence."""
    # The parts of a compound with an acronym or a letter in it ("MLP-Mixer", "U-Net") are
    # that name's, not words of their own.
    compound = hyphenated and any(_is_acronym(part) for part in parts)
    for number, part in enumerate(parts):
        if part.islower() or (start and number == 0) or compound:
            continue
        if not part[0].isupper() or needs_protection(part):
            continue
        yield word_key(part), _POSSESSIVE.sub("", part), in_title_case


def _positions(items: list[str], wanted: str) -> Iterator[int]:
    """The indexes of ``wanted`` in ``items``: `list.index` compares in C, without the Python
    call for each item that ``compress`` over ``map(wanted.__eq__, items)`` makes."""
    index = -1
    while True:
        try:
            index = items.index(wanted, index + 1)
        except ValueError:
            return
        yield index


_RUN_LINKS = frozenset({"of", ","})  # what `_in_capital_run` looks across


def _in_capital_run(tokens: Sequence[str], capital: Sequence[bool], index: int) -> bool:
    """Whether a capitalised token stands next to another ("Street View", "Region of
    Interest"), or in a list of capitalised words ("a new Open-World, Diverse,
    Cross-Spatial-Temporal dataset": a title's words copied into the abstract)."""
    if not capital[index]:
        return False
    # Most words stand between lower-case ones: nothing to look across or at.
    previous = tokens[index - 1] if index else ""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if not (
        previous in _RUN_LINKS or following in _RUN_LINKS or previous[:1].isupper() or following[:1].isupper()
    ):
        return False
    for step in (-1, 1):
        near = index + step
        if 0 <= near < len(tokens) and tokens[near] in _RUN_LINKS:
            if tokens[near] == "," and (_has_acronym(tokens[index]) or not 0 <= near + step < len(tokens)):
                continue
            near += step
            if tokens[near - step] == "," and _has_acronym(tokens[near]):
                continue  # "Unlike ViT, Hyena ...": a list of names, not of title words
        if 0 <= near < len(tokens) and capital[near] and tokens[near][0].isalnum():
            return True
    return False


def _is_acronym(part: str) -> bool:
    return needs_protection(part) or (len(part) == 1 and part.isupper())


def _has_acronym(token: str) -> bool:
    return any(_is_acronym(part) for part in _PART_RE.findall(token))


@lru_cache(maxsize=4096)
def abstract_evidence(abstract: str | None) -> Evidence:
    """How one abstract writes each word (rule 4).

    Words that spell out an acronym ("Spiking Neural Networks (SNNs)") and capitalised
    words next to each other ("Street View") are title case, not names by themselves.
    """
    return _read_prose(abstract) if abstract else NO_EVIDENCE


# Between two abstracts read as one text: three tokens that end a sentence, so no capital run,
# spelt-out acronym or sentence start reaches from one abstract into the next (an acronym looks
# at most three tokens ahead for its closing parenthesis).
_BETWEEN_ABSTRACTS = " . . . "
_ABSTRACTS_AT_ONCE = 1_000


class _Capitals(Sequence[bool]):
    """``capital`` of `_read_prose` (whether a token starts with a capital), asked per index."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self._tokens = tokens

    def __len__(self) -> int:
        return len(self._tokens)

    def __getitem__(self, index: int) -> bool:  # type: ignore[override]
        return self._tokens[index][:1].isupper()


class _Abstracts:
    """Every abstract of a bibliography read as one token sequence, `_read_prose`'s, with each
    capitalised word's context (sentence start, capital run, acronym spelt out) worked out only
    for the words asked about (`read`).

    Tokens never span whitespace, so the text is split at whitespace (C speed) and each distinct
    piece is tokenized once; a line break is a token of its own, which plays the same part as a
    full stop everywhere `_read_prose` looks (it starts a sentence, ends a capital run and a
    spelling-out), so it is read as one. Lower-case counts need no context: they are counted once
    for every word, from the distinct pieces.
    """

    def __init__(self, abstracts: Iterable[str]) -> None:
        counted: Counter[str] = Counter()
        tokenized: dict[str, list[str]] = {}
        self.tokens: list[str] = []
        texts = map(_prose, abstracts)
        # A thousand abstracts at a time: the pieces are one string object each (most of the memory,
        # about ten times the text's), and let go of before the next chunk's are made they reuse
        # the same memory instead of asking the system for more (a third of the time, fresh).
        # Chunks are joined as the abstracts inside them are, so the tokens are the same.
        first = True
        while chunk := list(islice(texts, _ABSTRACTS_AT_ONCE)):
            pieces = _BETWEEN_ABSTRACTS.join(chunk).replace("\n", " . ").split()
            if not first:
                pieces[:0] = _BETWEEN_ABSTRACTS.split()
            first = False
            in_chunk = Counter(pieces)
            counted.update(in_chunk)
            for piece in in_chunk.keys() - tokenized.keys():  # (letters alone: one token, itself)
                tokenized[piece] = [piece] if piece.isalpha() else _PROSE_TOKEN.findall(piece)
            self.tokens += chain.from_iterable(map(tokenized.__getitem__, pieces))
        self.lower: Counter[str] = Counter()
        self.lower_tokens: Counter[str] = Counter()
        self.named: Counter[str] = Counter()
        self.titled: Counter[str] = Counter()
        self.named_tokens: Counter[str] = Counter()
        self.forms: dict[str, str] = {}
        # Distinct capitalised tokens: their parts' keys and their hyphenated spelling.
        self._capitalised: dict[str, tuple[frozenset[str], str | None]] = {}
        for piece, count in counted.items():
            if piece.islower() and piece.isalpha():  # most pieces: one lower-case word
                self.lower[word_key(piece)] += count
                continue
            for token in tokenized[piece]:
                if token == "," or not token[0].isalnum():
                    continue
                hyphenated = _JOINED.search(token) is not None
                parts = _PART_RE.findall(token) if hyphenated else (token,)
                for part in parts:
                    if part.islower():
                        self.lower[word_key(part)] += count
                if token.islower():
                    if hyphenated:
                        self.lower_tokens[token] += count
                elif token not in self._capitalised:
                    keys = frozenset(word_key(part) for part in parts if part[0].isupper())
                    spelling = _POSSESSIVE.sub("", token) if hyphenated and token[0].isupper() else None
                    if keys or spelling:
                        self._capitalised[token] = (keys, spelling)
        self._read_keys: set[str] = set()
        self._read_spellings: set[str] = set()
        self._expansion: set[int] | None = None

    def read(self, keys: Iterable[str] = (), spellings: Iterable[str] = ()) -> None:
        """Count how the abstracts write these `word_key`s (named, titled) and these hyphenated
        tokens (named as written), as `_read_prose` would; what was read before is not again."""
        keys = set(keys) - self._read_keys
        spellings = set(spellings) - self._read_spellings
        if not keys and not spellings:
            return
        self._read_keys |= keys
        self._read_spellings |= spellings
        wanted = {
            token
            for token, (token_keys, spelling) in self._capitalised.items()
            if not keys.isdisjoint(token_keys) or spelling in spellings
        }
        if not wanted:
            return
        tokens = self.tokens
        if self._expansion is None:
            self._expansion = set()
            for index in (number + 1 for number in _positions(tokens, "(")):
                # (`_spell_out` asks for capitals too; a call costs more than asking first)
                if 2 <= index < len(tokens) - 1 and not tokens[index].islower():
                    _spell_out(tokens, index, self._expansion)
        capital = _Capitals(tokens)
        # What each token counts, worked out once: its spelling named as written, and its
        # capitalised parts' (key, form) mid-sentence and at a sentence start.
        counted = {token: self._counted(token, keys, spellings) for token in wanted}
        for index in compress(range(len(tokens)), map(wanted.__contains__, tokens)):
            spelling, anywhere, first = counted[tokens[index]]
            before = index - 1
            while before >= 0 and tokens[before] == ",":
                before -= 1  # a comma neither starts nor ends a sentence
            start = before < 0 or not tokens[before][0].isalnum()
            if start and not first:
                continue  # a sentence's first word says nothing ("We", "The"), nor its spelling
            in_title_case = index in self._expansion or _in_capital_run(tokens, capital, index)
            if spelling is not None and not start and not in_title_case:
                self.named_tokens[spelling] += 1
            for key, form in first if start else anywhere:
                if in_title_case:
                    self.titled[key] += 1
                else:
                    self.named[key] += 1
                    self.forms.setdefault(key, form)

    @staticmethod
    def _counted(
        token: str, keys: set[str], spellings: set[str]
    ) -> tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]:
        """For one capitalised token: its spelling when asked about, the ``(key, form)`` of its
        parts asked about, counted mid-sentence and at a sentence start."""
        hyphenated = _JOINED.search(token) is not None
        parts = _PART_RE.findall(token) if hyphenated else (token,)
        spelling = _POSSESSIVE.sub("", token) if hyphenated and token[0].isupper() else None
        spelling = spelling if spelling in spellings else None

        def asked(start: bool) -> list[tuple[str, str]]:
            found = _capitalised_parts(parts, hyphenated, start, in_title_case=False)
            return [(key, form) for key, form, _ in found if key in keys]

        return spelling, asked(False), asked(True)


@dataclass(frozen=True, eq=False)
class _ReadOnDemand(Evidence):
    """`Evidence` whose abstracts' counts of a word are read when a decision first needs them."""

    abstracts: _Abstracts | None = field(default=None, repr=False)

    def _decide(self, key: str) -> bool:
        if self.abstracts is not None and key not in known_names() and key not in self.title_names:
            self.abstracts.read(keys=(key,))
        return super()._decide(key)

    def names_token(self, token: str) -> bool:
        if self.abstracts is not None:
            self.abstracts.read(spellings=(_POSSESSIVE.sub("", token),))
        return super().names_token(token)


def bibliography_evidence(records: Sequence[tuple[str, str | None]]) -> Evidence:
    """``pool(evidence_for(title, abstract) for title, abstract in records)``, as far as any
    question about a word asks (`Evidence.names`, `Evidence.names_token`), at a fraction of its
    cost: the abstracts are read only for the capitalised words and hyphenated tokens the
    titles hold (a word asked about beyond those is read when asked), each once for the whole
    bibliography. Its counts of the words read equal `pool`'s."""
    titles = [title_evidence(title) for title, _ in records]
    abstracts = _Abstracts(abstract for _, abstract in records if abstract)
    named, titled, tokens = abstracts.named, abstracts.titled, abstracts.named_tokens
    title_names: set[str] = set()
    for found in titles:
        if found is not NO_EVIDENCE:
            named.update(found.named)
            titled.update(found.titled)
            tokens.update(found.tokens)
            title_names.update(found.title_names)
    keys: set[str] = set()
    spellings: set[str] = set()
    for token in set(chain.from_iterable(TOKEN.findall(title) for title, _ in records)):
        if not token[0].isupper() and token.isalpha():
            continue  # a lower-case word: never asked about
        parts = _PART_RE.findall(token)
        keys.update(word_key(part) for part in parts if part[0].isupper() and not needs_protection(part))
        if len(parts) > 1 and token[0].isupper():
            spellings.add(_POSSESSIVE.sub("", token))
    abstracts.read(keys - known_names() - title_names, spellings)
    return _ReadOnDemand(
        named,
        titled,
        abstracts.lower,
        tokens,
        abstracts.lower_tokens,
        frozenset(title_names),
        abstracts.forms,
        abstracts=abstracts,
    )


# Words that title case leaves in lower case too: they say nothing about a title's case.
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "via", "vs", "with", "is", "are", "but", "nor", "over", "per", "than", "up"}
)


def is_sentence_case(title: str) -> bool:
    """Whether more of a title's words (the first one and minor words such as "for" aside)
    are lower-case than capitalised."""
    return _sentence_case_prose(title) is not None


def _sentence_case_prose(title: str) -> Evidence | None:
    """`_read_prose` of a title in sentence case (`is_sentence_case`), None for any other."""
    words = _WORD.findall(title)[1:]  # the first word is capitalised in any case
    if sum(word.islower() for word in words) * 2 <= len(words):
        return None  # most words capitalised: title case (fast path)
    found = _read_prose(title)
    capitalised = sum(found.named.values()) + sum(found.titled.values())
    lowered = sum(count for key, count in found.lower.items() if key not in _MINOR_WORDS)
    return found if capitalised < lowered else None


@lru_cache(maxsize=4096)
def title_evidence(title: str) -> Evidence:
    """What a title in sentence case says: its capitalised words are the authors' own
    ("Brain-Score for Area V4", "Scaling laws for Hyena models"); a title in title case says
    nothing. Its lower-case words are not counted: a source may have lower-cased a name."""
    found = _sentence_case_prose(title)
    if found is None:
        return NO_EVIDENCE
    outright = frozenset(key for key in found.named if not is_english_word(key))
    return Evidence(named=found.named, titled=found.titled, tokens=found.tokens, title_names=outright)


def title_only_evidence(title: str) -> Evidence:
    """What a .bib title alone shows (``check``): the words its sentence case names outright.
    The writer's evidence always holds these, so ``check`` never asks for a brace that
    ``resolve`` did not write."""
    names = title_evidence(title).title_names
    return Evidence(title_names=names) if names else NO_EVIDENCE


def evidence_for(title: str, abstract: str | None) -> Evidence:
    """Rule 4's evidence for one record: its abstract, plus its title when in sentence case."""
    found, in_title = abstract_evidence(abstract), title_evidence(title)
    if in_title is NO_EVIDENCE:
        return found
    return pool((found, in_title))


def recover_capitals(title: str, abstract: str | None) -> str:
    """A sentence-case title with the capitals its own abstract gives names it writes in
    lower case ("Escaping plato's cave" → "Escaping Plato's cave" when the abstract writes
    "Plato's" mid-sentence and never "plato"). Only known names and words that are no
    ordinary English word are recovered; any other title comes back unchanged."""
    if not abstract or not is_sentence_case(title):
        return title
    evidence = abstract_evidence(abstract)
    pieces: list[str] = []
    last = 0
    for match in _PART_RE.finditer(title):
        part = match.group()
        key = word_key(part)
        if (
            match.start() == 0
            or not part.islower()
            or evidence.named.get(key, 0) == 0
            or evidence.lower.get(key, 0) > 0
            or not (key in known_names() or not is_english_word(key))
        ):
            continue
        form = evidence.forms.get(key, "")
        stem = _POSSESSIVE.sub("", part)
        written = form if form.casefold() == stem.casefold() else stem[:1].upper() + stem[1:]
        pieces += [title[last : match.start()], written + part[len(stem) :]]
        last = match.end()
    return "".join(pieces) + title[last:] if pieces else title


def _acronym_expansions(tokens: list[str]) -> set[int]:
    """Indexes of the tokens that spell out a parenthesised acronym: ``... (SNNs)``.

    Going back from the parenthesis, as many capitalised word parts as the acronym has
    capitals (lower-case words such as "of" or "vision" are free; at most 15 tokens).
    """
    found: set[int] = set()
    for index in range(2, len(tokens) - 1):
        if tokens[index - 1] == "(":  # (`_spell_out` asks first; a call costs more than asking)
            _spell_out(tokens, index, found)
    return found


def _spell_out(tokens: Sequence[str], index: int, found: set[int]) -> None:
    """Add to ``found`` the indexes of the tokens spelling out ``tokens[index]`` when it is an
    acronym in parentheses (`_acronym_expansions`)."""
    acronym = tokens[index]
    if tokens[index - 1] != "(" or ")" not in tokens[index + 1 : index + 4]:
        return
    letters = sum(ch.isupper() for ch in acronym)
    if letters < 2:
        return
    back = index - 2
    # Lower-case words are free ("Bilateral lOcal Attention vision Transformer (BOAT)"):
    # only capitalised parts spend a letter of the acronym.
    while back >= 0 and letters > 0 and tokens[back][0].isalnum() and index - back < 16:
        found.add(back)
        if tokens[back] not in _EXPANSION_GLUE:
            letters -= sum(1 for part in _PART_RE.findall(tokens[back]) if not part.islower()) or 0
        back -= 1


def _part_is_name(part: str, alone: bool, evidence: Evidence) -> bool:
    """Rules 1–4 for one part of a token."""
    if needs_protection(part):
        return True
    if not part[:1].isupper():
        return False
    if len(part) == 1:
        # A lone Latin capital is a symbol ("worth C x 16 x 16", "vitamin D") or the pronoun
        # "I", never an ordinary word; but "A", the article of a title in title case. (A Greek
        # one, "Δ", is math: its LaTeX form is braced already.)
        return alone and part != "A" and part.isascii()
    return evidence.names(word_key(part))


def _token_spans(token: str, offset: int, evidence: Evidence) -> Iterable[tuple[int, int]]:
    if token.isalpha() and (token.islower() or (token[1:].islower() and token != "I")):
        # One plain word (most of any title): only a known or evidenced name is braced.
        if token[0].isupper() and evidence.names(word_key(token)):
            yield offset, offset + len(token)
        return
    parts = [(m.start(), m.end(), m.group()) for m in _PART_RE.finditer(token)]
    if len(parts) > 1 and token[:1].isupper() and evidence.names_token(token):
        yield offset, offset + len(_POSSESSIVE.sub("", token))  # named as written: "MLP-Mixer"
        return
    alone = len(parts) == 1
    named = [_part_is_name(text, alone, evidence) for _, _, text in parts]
    if not any(named) and not any(t.isdigit() for _, _, t in parts):
        return
    # Rule 5: a single capital letter joined to a protected part or a number.
    anchored = any(named) or any(t.isdigit() for _, _, t in parts)
    keep = [
        is_named or (anchored and len(text) == 1 and text.isupper())
        for is_named, (_, _, text) in zip(named, parts, strict=True)
    ]
    # Numbers join the braces of their protected neighbours ("GPT-4", "2-D").
    numbers = [text.isdigit() for _, _, text in parts]
    run_start: int | None = None
    run_end = 0
    run_has_capital = False
    for index, (start, end, _text) in enumerate(parts):
        if keep[index] or (numbers[index] and run_start is not None):
            if run_start is None:
                run_start = start
            run_end = end
            run_has_capital = run_has_capital or keep[index]
            continue
        if numbers[index] and index + 1 < len(parts) and keep[index + 1]:
            run_start, run_end = start, end  # a number just before a protected part
            continue
        if run_start is not None and run_has_capital:
            yield offset + run_start, offset + run_end
        run_start, run_has_capital = None, False
    if run_start is not None and run_has_capital:
        yield offset + run_start, offset + run_end


def holds_position(positions: Sequence[int], start: int, end: int) -> bool:
    """Whether sorted ``positions`` has one in ``[start, end)``."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def protected_spans(
    text: str,
    evidence: Evidence = NO_EVIDENCE,
    *,
    title_start: bool = False,
    near: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """``(start, end)`` of each stretch of ``text`` (plain Unicode, no math) to brace.

    ``evidence``: what the bibliography's prose says (`pool`, `evidence_for`).
    ``title_start``: ``text`` begins the title. BibTeX keeps only the title's very first
    character, so a capitalised first word after an opening quote or bracket
    (``"Why Should I Trust You?"``) is braced too, or styles print "why".
    ``near``: only tokens holding one of these (sorted) positions are looked at (``check``).
    """
    spans: list[tuple[int, int]] = []
    # A token's spans depend on the token and the evidence alone: worked out once per evidence
    # (a bibliography's titles share most of their words), except for the shared empty one,
    # which `check` asks about every title of a file with.
    remembered = evidence._spans if evidence is not NO_EVIDENCE else {}
    previous_end = 0
    for number, match in enumerate(TOKEN.finditer(text)):
        gap_start, previous_end = previous_end, match.end()
        if near is not None and not holds_position(near, match.start(), match.end()):
            continue
        token = match.group()
        if token.islower() and token.isalpha():
            continue  # a lower-case word (most of any title): nothing to brace
        found = remembered.get(token)
        if found is None:
            found = remembered[token] = tuple(_token_spans(token, 0, evidence))
        start = match.start()
        opens = (number == 0 and title_start and start > 0) or (
            number > 0 and _SENTENCE_BREAK.search(text, gap_start, start) is not None  # ends the gap
        )
        if not found and token[0].isupper() and (opens or _LETTER_JOINED.match(token)):
            # The first word after "?", "!" or a dash subtitle starts a sentence, which BibTeX's
            # sentence case lowers ("…learn? a visual exploration"); so does the letter of
            # "X-Rays", "T-Cell" (a letter, not a word: "x-rays" reads as a variable).
            found = ((0, len(_PART_RE.match(token).group())),)  # type: ignore[union-attr]
        spans.extend([(start + begin, start + end) for begin, end in found])
    return spans


# What ends the gap before a word: a question or exclamation mark (closing quotes allowed), or a
# dash with spaces around it (" - ", " -- ", " – ", " — "); the word then begins a sentence. A
# colon is not here: BibTeX's change.case$ keeps the letter after ": " itself ("You?": Explaining).
_SENTENCE_BREAK = re.compile(r"(?:[?!][\"'\u201d\u2019)\]]*|\s(?:--?-?|[\u2013\u2014]))\s+$")
# A single capital letter joined by a hyphen to a capitalised word: "X-Rays", "T-Cell".
_LETTER_JOINED = re.compile(r"[A-Z]-[A-Z][a-z]")
