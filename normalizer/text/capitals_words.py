"""The words of capitals evidence: what a token and its parts are (`TOKEN`, `PART_RE`), a word's
shape (`needs_protection`), its key for counting (`word_key`), the known names and ordinary English
words, and `Evidence`, the counts the prose of a bibliography gives (rules 1, 2 and 4 of
`bibnorm.text.capitals`).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from bibnorm.text import data_file

# A token: letter/digit runs joined by hyphens (ASCII and Unicode) or "&"; apostrophes
# stay inside a part ("Kolmogorov's"). Linear without possessive quantifiers: a run, an apostrophe
# and a joiner are disjoint, so each character has one place in a match and nothing after the last
# repetition can fail and make it backtrack. (Possessive ones, ~15% faster, are not used: before
# 3.11.5, CPython's `(?:'[^\W_]++)*+` kept a trailing apostrophe, "a'" in "a' b" (CPython
# gh-100061), so the evidence depended on the patch release.)
_PART = r"[^\W_]+(?:['\u2019][^\W_]+)*"
_JOINER = "-\u2010\u2011&"
TOKEN = re.compile(rf"{_PART}(?:[{_JOINER}]{_PART})*")
PART_RE = re.compile(_PART)
JOINED = re.compile(f"[{_JOINER}]")
POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)


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
    key = (word if word.isalpha() else POSSESSIVE.sub("", word)).casefold()  # (no apostrophe: no "'s")
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """The `word_key`s of the names in ``normalizer/data/proper-nouns.txt``."""
    text = data_file("proper-nouns.txt").read_text("utf-8")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word_key(name) for name in names if name)


@lru_cache(maxsize=1)
def _english_words() -> bytes:
    """``normalizer/data/english-words.txt.gz``: sorted lower-case words, one a line."""
    data = data_file("english-words.txt.gz").read_bytes()
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

    def remembered_spans(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Where `protected_spans` remembers each token's spans under this evidence."""
        return self._spans

    def names_token(self, token: str) -> bool:
        """True when the prose names a hyphenated token as written ("MLP-Mixer") more often
        than it writes it in lower case."""
        token = POSSESSIVE.sub("", token)
        return self.tokens.get(token, 0) > self.tokens_lower.get(token.casefold(), 0)

    def token_count(self, token: str) -> int:
        """How often the prose names a hyphenated token as written (`names_token`)."""
        return self.tokens.get(POSSESSIVE.sub("", token), 0)

    def counts(self, key: str) -> tuple[int, int, int]:
        """How often the prose writes a `word_key` named, in lower case and in title case."""
        return self.named.get(key, 0), self.lower.get(key, 0), self.titled.get(key, 0)

    def leads_compounds(self, part: str) -> bool:
        """True when the prose names a hyphenated token that begins with this part as written
        ("Temporal-ConvNets" for "Temporal"): it writes the part capitalised as one with a name."""
        lead = f"{part}-"
        return any(token.startswith(lead) for token in self.tokens)


@dataclass(frozen=True, eq=False)
class PaperEvidence(Evidence):
    """The evidence one paper's title is braced from in a run: its own (`evidence_for` its title
    and abstract, read by ``read_own`` when a decision first needs it; ``title_names`` and
    ``has_prose`` say what its title gives at once) and the ``run``'s pooled evidence (`pool`
    of a run this paper is part of), such that no other paper of the run changes a decision
    the paper's own evidence settles (`settled`).

    The run decides only what the paper's own prose leaves open: whether an ordinary English
    word the paper capitalises mid-sentence is a name ("we propose Hyena") or a term of its
    field ("a hierarchical Transformer": the run's other papers write "transformer"), and every
    word of a paper with no prose of its own (no abstract, a title in title case)."""

    run: Evidence = field(default_factory=Evidence)
    read_own: Callable[[], Evidence] = field(default=Evidence, repr=False)
    has_prose: bool = False

    @cached_property
    def own(self) -> Evidence:
        return self.read_own()

    def _decide(self, key: str) -> bool:
        settled = self.settled(key)
        return self.run.names(key) if settled is None else settled

    def settled(self, key: str) -> bool | None:
        """What the paper's own evidence says about a `word_key`, ``None`` for the run to say:
        a name when it is a known name, when the paper's sentence-case title names it outright
        or when its prose names it (capitalised mid-sentence, not in title case) more often
        than it lowers it and it is no ordinary English word; not a name when its prose lowers
        it at least as often, or never writes it but in title case or not at all (title case
        says nothing about one word: "Perceptual Group Tokenizer")."""
        if key in known_names() or key in self.title_names:
            return True
        if not self.has_prose:
            return None
        english = is_english_word(key)
        # What the paper's abstract cannot change needs no reading of it: an English word is a
        # name only if the run says so too, and a word no paper of the run names, this one
        # does not name either.
        if (english and not self.run.names(key)) or not self.run.counts(key)[0]:
            return False
        named, lower, _ = self.own.counts(key)
        if lower and lower >= named:
            return False
        if named:
            return None if english else True
        return False

    def names_token(self, token: str) -> bool:
        """The paper's prose settles whether a hyphenated token is named as written: writing it
        capitalised mid-sentence ("we propose Brain-Score"), a paper names it, English words or not."""
        if not self.has_prose:
            return self.run.names_token(token)
        # A token no paper of the run names as written, this one does not either.
        return bool(self.run.token_count(token)) and self.own.names_token(token)

    def leads_compounds(self, part: str) -> bool:
        return (self.own if self.has_prose else self.run).leads_compounds(part)


NO_EVIDENCE = Evidence()


class Counts:
    """Counts of how prose writes words, gathered into an `Evidence` (`evidence`)."""

    def __init__(self) -> None:
        self.named, self.titled, self.lower = Counter[str](), Counter[str](), Counter[str]()
        self.tokens, self.tokens_lower = Counter[str](), Counter[str]()
        self.forms: dict[str, str] = {}

    def evidence(self, title_names: frozenset[str] = frozenset()) -> Evidence:
        return Evidence(
            self.named, self.titled, self.lower, self.tokens, self.tokens_lower, title_names, self.forms
        )


def pool(evidences: Iterable[Evidence]) -> Evidence:
    """One `Evidence` for a whole bibliography: the counts of every record added up."""
    counts = Counts()
    title_names: set[str] = set()
    for evidence in evidences:
        if evidence is NO_EVIDENCE:
            continue
        counts.named.update(evidence.named)
        counts.titled.update(evidence.titled)
        counts.lower.update(evidence.lower)
        counts.tokens.update(evidence.tokens)
        counts.tokens_lower.update(evidence.tokens_lower)
        title_names.update(evidence.title_names)
        for key, form in evidence.forms.items():
            counts.forms.setdefault(key, form)
    return counts.evidence(frozenset(title_names))
