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
4. **the prose**: the paper's own, and for what that leaves open the whole bibliography's
   (`paper_evidence`: `Evidence` of the record, `PaperEvidence` says what it settles, and of
   the run, pooled by `pool`), so no other paper changes what a paper's own prose settles.
   Each abstract, and each title written in sentence case, is read for how it writes the
   word in the middle of a sentence: *named* (capitalised on its own: "akin to Plato's concept", "we propose
   Hyena, a subquadratic operator"), *titled* (capitalised only inside a run of
   capitalised words — "from Street View imagery", "a Memory-Sharing Backpropagation
   strategy" — or in an acronym's spelling-out, "Vision Outlooker (VOLO)": title case,
   which says nothing about one word) or *lower*. A word is a name when it is named more
   often than written in lower case, and for an ordinary English word (`is_english_word`)
   only when the run's papers say so too ("Hyena" yes, "Transformer" no); in the run's
   pooled prose (a paper without prose of its own), also when never in lower case and
   capitalised only in title case, if it is no ordinary English word. A sentence-case
   title that capitalises a word that is no English word on its own ("Using Swin
   transformer") names it outright: that is the evidence ``check`` has too;
5. **its token**: a single capital letter joined to a protected part or a number
   (``DALL-E``, ``I&S-ViT``, ``2-D``);
6. **an eponym's pair**: capitalised words joined by a hyphen or an en dash, none of them an
   ordinary English word (``Auslander–Iyama``, ``Fokker-Planck``; not ``Vision–Language``).

A hyphenated token the prose names as written ("We present MLP-Mixer, an architecture")
is braced whole, and so are capitalised words joined by hyphens that end in a name, each
before it a name or leading a compound the prose names ("Temporal-ConvNets":
``{Temporal-Inception}``; ``Non-{Gaussian}``). Otherwise the protected parts of a token
are braced together with the numbers between them, so a token is braced whole (``{DALL-E}``,
``{Kolmogorov-Arnold}``, ``{GPT-4}``) unless a lower-case word or an unprotected capitalised word splits it
(``{CLIP}-based``, ``{CLIP}-Based`` in a title-case title). Words are braced one token at
a time, so a title is never braced whole and never twice.

`recover_capitals` puts back the capital of a name a sentence-case title writes in lower
case ("Escaping plato's cave") when the paper's abstract writes it capitalised and never
in lower case, and it is a known name or no ordinary English word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from bibnorm.text.capitals_prose import (
    abstract_evidence,
    bibliography_evidence,
    evidence_for,
    paper_evidence,
    recover_capitals,
    title_evidence,
    title_only_evidence,
)
from bibnorm.text.capitals_words import (
    NO_EVIDENCE,
    PART_RE,
    POSSESSIVE,
    TOKEN,
    Evidence,
    is_english_word,
    needs_protection,
    pool,
    word_key,
)

__all__ = [
    "NO_EVIDENCE",
    "TOKEN",
    "Evidence",
    "abstract_evidence",
    "bibliography_evidence",
    "evidence_for",
    "holds_position",
    "needs_protection",
    "paper_evidence",
    "pool",
    "protected_spans",
    "recover_capitals",
    "title_evidence",
    "title_only_evidence",
    "word_key",
]


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
    parts = [(m.start(), m.end(), m.group()) for m in PART_RE.finditer(token)]
    if (
        len(parts) > 1
        and token[:1].isupper()
        and (
            evidence.names_token(token)
            or _names_a_compound(parts, evidence)
            or all(_eponyms_word(text) for _, _, text in parts)
        )
    ):
        yield offset, offset + len(POSSESSIVE.sub("", token))  # one name: "MLP-Mixer", "Temporal-Inception"
        return
    for start, end in _protected_runs(parts, evidence):
        yield offset + start, offset + end


# The shortest word an eponym's name is taken to be ("Auslander–Iyama", not "Bi-Level")
_EPONYM_LETTERS = 3


def _eponyms_word(word: str) -> bool:
    """Rule 6: whether ``word``, joined by a hyphen or an en dash to another such word, is a
    person's name: a capitalised word of lower-case letters that is no ordinary English word
    ("Auslander–Iyama", "Donovan–Wemyss", "Cauchy–Schwarz": an eponym's pair; not
    "Vision–Language", "Multi-Scale", "Non-Gaussian", whose words are English)."""
    return (
        len(word) >= _EPONYM_LETTERS
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and not is_english_word(word_key(word))
    )


def _names_a_compound(parts: Sequence[tuple[int, int, str]], evidence: Evidence) -> bool:
    """Whether capitalised words joined by hyphens name one thing ("Temporal-Inception",
    "Nadaraya-Watson"): the last is a name (a word, not an acronym: "Non-IID" is "non-IID" in
    a sentence), and each before it is a name or leads a compound the prose names as written
    ("Temporal-ConvNets"); "Non-Gaussian" and "CLIP-Based" are not one name."""
    *modifiers, (_, _, head) = parts
    if not (head[:1].isupper() and head.isalpha() and not needs_protection(head)):
        return False
    if not evidence.names(word_key(head)):
        return False
    return all(
        text[:1].isupper()
        and (needs_protection(text) or evidence.names(word_key(text)) or evidence.leads_compounds(text))
        for _, _, text in modifiers
    )


def _protected_runs(parts: Sequence[tuple[int, int, str]], evidence: Evidence) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of a token's parts to brace together (rules 1–5), given
    ``(start, end, text)`` of each part."""
    alone = len(parts) == 1
    named = [_part_is_name(text, alone, evidence) for _, _, text in parts]
    numbers = [text.isdigit() for _, _, text in parts]
    if not any(named) and not any(numbers):
        return []
    # Rule 5: a single capital letter joined to a protected part or a number.
    keep = [
        is_named or (len(text) == 1 and text.isupper())
        for is_named, (_, _, text) in zip(named, parts, strict=True)
    ]
    return _runs(parts, keep, numbers)


def _runs(
    parts: Sequence[tuple[int, int, str]], keep: list[bool], numbers: list[bool]
) -> list[tuple[int, int]]:
    """The runs of kept parts that hold a capital; numbers join the braces of their protected
    neighbours ("GPT-4", "2-D")."""
    runs: list[tuple[int, int]] = []
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
            runs.append((run_start, run_end))
        run_start, run_has_capital = None, False
    if run_start is not None and run_has_capital:
        runs.append((run_start, run_end))
    return runs


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
    remembered = evidence.remembered_spans() if evidence is not NO_EVIDENCE else {}
    previous_end = 0
    previous: re.Match[str] | None = None
    for number, match in enumerate(TOKEN.finditer(text)):
        gap_start, previous_end = previous_end, match.end()
        before, previous = previous, match
        if near is not None and not holds_position(near, match.start(), match.end()):
            continue
        token = match.group()
        if token.islower() and token.isalpha():
            continue  # a lower-case word (most of any title): nothing to brace
        found = remembered.get(token)
        if found is None:
            found = remembered[token] = tuple(_token_spans(token, 0, evidence))
        start = match.start()
        if not found and token[0].isupper():
            found = _braced_by_its_place(text, number, gap_start, match, title_start)
        found = found or _braced_with_its_pair(text, before, match, spans)
        spans.extend([(start + begin, start + end) for begin, end in found])
    return spans


def _braced_by_its_place(
    text: str, number: int, gap_start: int, match: re.Match[str], title_start: bool
) -> tuple[tuple[int, int], ...]:
    """A capitalised token's first part, where its place keeps its capital: the first word after
    "?", "!" or a dash subtitle starts a sentence, which BibTeX's sentence case lowers ("…learn? a
    visual exploration"); so does the letter of "X-Rays", "T-Cell" (a letter, not a word: "x-rays"
    reads as a variable)."""
    token = match.group()
    if _opens_sentence(text, number, gap_start, match.start(), title_start) or _LETTER_JOINED.match(token):
        return ((0, len(PART_RE.match(token).group())),)  # type: ignore[union-attr]
    return ()


# An en dash between two words, no space around it (TeX's "--" too): how names are paired
_EN_DASH = ("\u2013", "--")


def _braced_with_its_pair(
    text: str, before: re.Match[str] | None, match: re.Match[str], spans: list[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """The token whole where it and the token ``before`` it are an eponym's pair across an en
    dash (`_eponyms_pair`), the word before added to ``spans`` (once); else nothing."""
    if before is None or not _eponyms_pair(text, before, match):
        return ()
    if not spans or spans[-1][1] != before.end():
        spans.append(before.span())
    return ((0, len(match.group())),)


def _eponyms_pair(text: str, before: re.Match[str], token: re.Match[str]) -> bool:
    """Rule 6 across an en dash ("Donovan–Wemyss"): whether the tokens on each side of it are an
    eponym's words (`_eponyms_word`)."""
    dashed = text[before.end() : token.start()] in _EN_DASH
    return dashed and _eponyms_word(before.group()) and _eponyms_word(token.group())


def _opens_sentence(text: str, number: int, gap_start: int, start: int, title_start: bool) -> bool:
    """Whether token ``number`` (at ``start``, after the gap from ``gap_start``) begins a sentence
    BibTeX would lower: the title's first word after a quote or bracket, or a word after a
    sentence break (`_SENTENCE_BREAK`, which ends the gap)."""
    if number == 0:
        return title_start and start > 0
    return _SENTENCE_BREAK.search(text, gap_start, start) is not None


# What ends the gap before a word: a question or exclamation mark (closing quotes allowed), or a
# dash with spaces around it (" - ", " -- ", " – ", " — "); the word then begins a sentence. A
# colon is not here: BibTeX's change.case$ keeps the letter after ": " itself ("You?": Explaining).
_SENTENCE_BREAK = re.compile(r"(?:[?!][\"'\u201d\u2019)\]]*|\s(?:--?-?|[\u2013\u2014]))\s+$")
# A single capital letter joined by a hyphen to a capitalised word: "X-Rays", "T-Cell".
_LETTER_JOINED = re.compile(r"[A-Z]-[A-Z][a-z]")
