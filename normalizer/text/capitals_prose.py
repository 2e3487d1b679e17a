"""Reading prose for capitals evidence (rule 4 of `bibnorm.text.capitals`): how an abstract, a
sentence-case title or a whole bibliography's abstracts write each word (named, titled, lower),
worked out as `Evidence`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, islice

from bibnorm.text.capitals_words import (
    JOINED,
    NO_EVIDENCE,
    PART_RE,
    POSSESSIVE,
    TOKEN,
    Counts,
    Evidence,
    PaperEvidence,
    is_english_word,
    known_names,
    needs_protection,
    pool,
    word_key,
)
from bibnorm.text.word_tables import minor_words

_WORD = re.compile(r"[^\W\d_]{4,}")  # words long enough to say which case a title is in

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
# Lower-case words a spelt-out acronym may hold without a letter of their own ("Region of
# Interest"): minor-words.json.
_EXPANSION_GLUE = minor_words().acronym_glue


def _read_prose(text: str) -> Evidence:
    """How one text writes each word, as `Evidence` counts it."""
    tokens = [m.group() for m in _PROSE_TOKEN.finditer(_prose(text))]
    expansion = _acronym_expansions(tokens)
    capital = [token[:1].isupper() for token in tokens]
    counts = Counts()
    start = True
    for index, token in enumerate(tokens):
        if token == ",":
            continue  # a comma ends an acronym's spelling-out, not a sentence
        if not token[0].isalnum():
            start = True
            continue
        if token.islower():  # most words of any abstract: only counted
            _count_lower(token, counts)
        else:
            in_title_case = index in expansion or _in_capital_run(tokens, capital, index)
            _count_capitalised(token, start, in_title_case, counts)
        start = False
    return counts.evidence()


def _count_lower(token: str, counts: Counts) -> None:
    hyphenated = JOINED.search(token) is not None
    for part in PART_RE.findall(token) if hyphenated else (token,):
        if part.islower():
            counts.lower[word_key(part)] += 1
    if hyphenated:
        counts.tokens_lower[token] += 1


def _count_capitalised(token: str, start: bool, in_title_case: bool, counts: Counts) -> None:
    """Count a token that is not all lower case: its lower-case parts, its capitalised parts
    (named or titled), and its spelling when a capitalised hyphenated token is named as written."""
    hyphenated = JOINED.search(token) is not None
    parts = PART_RE.findall(token)
    if hyphenated and not start and not in_title_case and token[:1].isupper():
        counts.tokens[POSSESSIVE.sub("", token)] += 1
    for part in parts:
        if part.islower():
            counts.lower[word_key(part)] += 1
    for key, part, title_case in _capitalised_parts(parts, hyphenated, start, in_title_case):
        if title_case:
            counts.titled[key] += 1
        else:
            counts.named[key] += 1
            counts.forms.setdefault(key, part)


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
        yield word_key(part), POSSESSIVE.sub("", part), in_title_case


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
    return _capital_beside(tokens, capital, index, -1) or _capital_beside(tokens, capital, index, 1)


def _capital_beside(tokens: Sequence[str], capital: Sequence[bool], index: int, step: int) -> bool:
    """Whether the word before (``step`` -1) or after (1) a capitalised token is capitalised too,
    looking across "of" or a comma (not a comma that lists names)."""
    near = index + step
    if 0 <= near < len(tokens) and tokens[near] in _RUN_LINKS:
        if tokens[near] == "," and (_has_acronym(tokens[index]) or not 0 <= near + step < len(tokens)):
            return False
        near += step
        if tokens[near - step] == "," and _has_acronym(tokens[near]):
            return False  # "Unlike ViT, Hyena ...": a list of names, not of title words
    return 0 <= near < len(tokens) and capital[near] and tokens[near][0].isalnum()


def _is_acronym(part: str) -> bool:
    return needs_protection(part) or (len(part) == 1 and part.isupper())


def _has_acronym(token: str) -> bool:
    return any(_is_acronym(part) for part in PART_RE.findall(token))


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


def _starts_sentence(tokens: Sequence[str], index: int) -> bool:
    """Whether ``tokens[index]`` begins a sentence: nothing but commas after a sentence's end
    before it (a comma neither starts nor ends a sentence)."""
    before = index - 1
    while before >= 0 and tokens[before] == ",":
        before -= 1
    return before < 0 or not tokens[before][0].isalnum()


# What one capitalised token counts: its spelling when asked about, and the (key, form) of its
# parts asked about, mid-sentence and at a sentence start.
_Counted = tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]


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
        self.tokens: list[str] = []
        self.lower: Counter[str] = Counter()
        self.lower_tokens: Counter[str] = Counter()
        self.named: Counter[str] = Counter()
        self.titled: Counter[str] = Counter()
        self.named_tokens: Counter[str] = Counter()
        self.forms: dict[str, str] = {}
        # Distinct capitalised tokens: their parts' keys and their hyphenated spelling.
        self._capitalised: dict[str, tuple[frozenset[str], str | None]] = {}
        counted, tokenized = self._tokenize(abstracts)
        for piece, count in counted.items():
            if piece.islower() and piece.isalpha():  # most pieces: one lower-case word
                self.lower[word_key(piece)] += count
                continue
            for token in tokenized[piece]:
                if token != "," and token[0].isalnum():
                    self._count_token(token, count)
        self._read_keys: set[str] = set()
        self._read_spellings: set[str] = set()
        self._expansion: set[int] | None = None

    def _tokenize(self, abstracts: Iterable[str]) -> tuple[Counter[str], dict[str, list[str]]]:
        """Fill `tokens`; give how often each whitespace-separated piece occurs, and its tokens."""
        counted: Counter[str] = Counter()
        tokenized: dict[str, list[str]] = {}
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
        return counted, tokenized

    def _count_token(self, token: str, count: int) -> None:
        """Count a word token's lower-case parts; remember a capitalised one's keys and spelling."""
        hyphenated = JOINED.search(token) is not None
        parts = PART_RE.findall(token) if hyphenated else (token,)
        for part in parts:
            if part.islower():
                self.lower[word_key(part)] += count
        if token.islower():
            if hyphenated:
                self.lower_tokens[token] += count
        elif token not in self._capitalised:
            keys = frozenset(word_key(part) for part in parts if part[0].isupper())
            spelling = POSSESSIVE.sub("", token) if hyphenated and token[0].isupper() else None
            if keys or spelling:
                self._capitalised[token] = (keys, spelling)

    def spellings_led_by(self, part: str) -> list[str]:
        """The capitalised hyphenated tokens' spellings that begin with ``part`` and a hyphen."""
        lead = f"{part}-"
        return [
            spelling for _, spelling in self._capitalised.values() if spelling and spelling.startswith(lead)
        ]

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
        # What each token counts, worked out once: its spelling named as written, and its
        # capitalised parts' (key, form) mid-sentence and at a sentence start.
        self._count_places({token: self._counted(token, keys, spellings) for token in wanted})

    def _count_places(self, counted: dict[str, _Counted]) -> None:
        """Count each place a token of ``counted`` stands, in its context."""
        tokens = self.tokens
        expansion = self._expansions()
        capital = _Capitals(tokens)
        for index in compress(range(len(tokens)), map(counted.__contains__, tokens)):
            spelling, anywhere, first = counted[tokens[index]]
            start = _starts_sentence(tokens, index)
            if start and not first:
                continue  # a sentence's first word says nothing ("We", "The"), nor its spelling
            in_title_case = index in expansion or _in_capital_run(tokens, capital, index)
            if spelling is not None and not start and not in_title_case:
                self.named_tokens[spelling] += 1
            for key, form in first if start else anywhere:
                if in_title_case:
                    self.titled[key] += 1
                else:
                    self.named[key] += 1
                    self.forms.setdefault(key, form)

    def _expansions(self) -> set[int]:
        """`_acronym_expansions` of the tokens, worked out on first use."""
        if self._expansion is None:
            tokens = self.tokens
            self._expansion = set()
            for index in (number + 1 for number in _positions(tokens, "(")):
                # (`_spell_out` asks for capitals too; a call costs more than asking first)
                if 2 <= index < len(tokens) - 1 and not tokens[index].islower():
                    _spell_out(tokens, index, self._expansion)
        return self._expansion

    @staticmethod
    def _counted(token: str, keys: set[str], spellings: set[str]) -> _Counted:
        """For one capitalised token: its spelling when asked about, the ``(key, form)`` of its
        parts asked about, counted mid-sentence and at a sentence start."""
        hyphenated = JOINED.search(token) is not None
        parts = PART_RE.findall(token) if hyphenated else (token,)
        spelling = POSSESSIVE.sub("", token) if hyphenated and token[0].isupper() else None
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
            self.abstracts.read(spellings=(POSSESSIVE.sub("", token),))
        return super().names_token(token)

    def token_count(self, token: str) -> int:
        if self.abstracts is not None:
            self.abstracts.read(spellings=(POSSESSIVE.sub("", token),))
        return super().token_count(token)

    def counts(self, key: str) -> tuple[int, int, int]:
        if self.abstracts is not None:
            self.abstracts.read(keys=(key,))
        return super().counts(key)

    def leads_compounds(self, part: str) -> bool:
        if self.abstracts is not None:
            self.abstracts.read(spellings=self.abstracts.spellings_led_by(part))
        return super().leads_compounds(part)


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
        parts = PART_RE.findall(token)
        keys.update(word_key(part) for part in parts if part[0].isupper() and not needs_protection(part))
        if len(parts) > 1 and token[0].isupper():
            spellings.add(POSSESSIVE.sub("", token))
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


# Words that title case leaves in lower case too: they say nothing about a title's case
# (minor-words.json).
_MINOR_WORDS = minor_words().words


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


def paper_evidence(title: str, abstract: str | None, run: Evidence | None = None) -> Evidence:
    """What one paper's title is braced from: its own evidence (`evidence_for`), and where that
    settles nothing, the ``run``'s (`PaperEvidence`; the pooled evidence of a run that includes
    this paper); without a run, the paper is its own run."""
    in_title = title_evidence(title)

    def read_own() -> Evidence:
        # (`bibliography_evidence` of the one record: what `evidence_for` would count, read
        # only for the words asked about, as the run's is.)
        return bibliography_evidence([(title, abstract)]) if abstract else in_title

    has_prose = bool(abstract) or in_title is not NO_EVIDENCE
    if run is None:
        run = read_own()
    return PaperEvidence(title_names=in_title.title_names, run=run, read_own=read_own, has_prose=has_prose)


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
    for match in PART_RE.finditer(title):
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
        stem = POSSESSIVE.sub("", part)
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
            letters -= sum(1 for part in PART_RE.findall(tokens[back]) if not part.islower()) or 0
        back -= 1
