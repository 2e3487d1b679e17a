"""Unicode text → BibTeX/LaTeX field text: escaping, accents and title protection.

`Reference` text is Unicode; the only markup it may carry is inline math between
``$...$``, which is kept as math. Everything else is escaped here, in one place:

- the ASCII characters LaTeX treats specially (``& % # _ $ { } ~ ^ \\``) become
  their escaped forms (``\\&``, ``\\%`` ...);
- non-ASCII characters become LaTeX through pylatexenc's `UnicodeToLatexEncoder`,
  every replacement wrapped in braces (``M{\\"u}ller``, ``{\\L}ukasz``) so that
  BibTeX sees a "special character" it can sort, purify and abbreviate; dashes and
  curly quotes use the TeX ligatures (``--``, ``---``, ``'``) instead of text
  commands. With ``unicode=True`` non-ASCII text is kept as is (biblatex, or BibTeX
  users on a UTF-8 toolchain);
- a character pylatexenc has no LaTeX form for (CJK, emoji ...) is kept as is and
  reported in `Encoded.unknown`; the caller turns that into a warning.

Title protection (`title_to_latex`): BibTeX styles and biblatex's sentence-case
lower-case titles, so every word whose capitals matter is wrapped in braces. A
*word* is a maximal run of letters and digits; hyphens and other punctuation split
words, so ``ViT-CoMer`` becomes ``{ViT}-{CoMer}`` and ``CLIP-based`` becomes
``{CLIP}-based`` (the lower-case part stays free to change). A word is protected
when it has a capital after its first character (``ViT``, ``BERT``, ``ImageNet``,
``mIoU``, ``3D``) or mixes digits with capitals (``T5``). Plain capitalised words
(``Scaling``) and single capitals (``A``) are left to the style. Math containing
capital letters is protected as a whole (``{$O(N)$}``). Since the input never
carries braces of its own (they are escaped), nothing is ever double-braced.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

# ASCII characters with a special meaning in LaTeX or BibTeX, and their text-mode forms.
_ASCII_SPECIALS = {
    "\\": r"\textbackslash{}",
    # Not \{ \}: BibTeX counts every brace, escaped or not, so those would unbalance the field.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ASCII_SPECIAL_RE = re.compile("[" + re.escape("".join(_ASCII_SPECIALS)) + "]")

# Typographic characters whose TeX ligature form reads better than a text command and
# needs no package; tried before pylatexenc's defaults.
_LIGATURES = {
    ord("\u2014"): "---",  # em dash
    ord("\u2013"): "--",  # en dash
    ord("\u2010"): "-",  # hyphen
    ord("\u2011"): "-",  # non-breaking hyphen
    ord("\u2018"): "`",
    ord("\u2019"): "'",
    ord("\u201c"): "``",
    ord("\u201d"): "''",
    ord("\u00a0"): "~",
}

# Combining accents for letters pylatexenc has no single form for (Vietnamese ``ễ`` is
# ``e`` + circumflex + tilde → ``{\~{\^e}}``): the accent macros of LaTeX's text encodings.
_COMBINING_ACCENTS = {
    0x300: "`",
    0x301: "'",
    0x302: "^",
    0x303: "~",
    0x304: "=",
    0x306: "u",
    0x307: ".",
    0x308: '"',
    0x30A: "r",
    0x30B: "H",
    0x30C: "v",
    0x323: "d",
    0x327: "c",
    0x328: "k",
    0x331: "b",
}

# Inline math: a pair of single dollars with something between them.
_MATH_RE = re.compile(r"\$[^$]+\$")
_WORD_RE = re.compile(r"[^\W_]+")
_CAPITAL_RE = re.compile(r"[A-Z]")


class Encoded(NamedTuple):
    """LaTeX text plus the characters that had no LaTeX form (kept as is)."""

    text: str
    unknown: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _encoder() -> UnicodeToLatexEncoder:
    return UnicodeToLatexEncoder(
        non_ascii_only=True,
        replacement_latex_protection="braces-all",
        unknown_char_policy="keep",
        unknown_char_warning=False,
        conversion_rules=[UnicodeToLatexConversionRule(rule_type=RULE_DICT, rule=_LIGATURES), "defaults"],
    )


def _stacked_accents(ch: str) -> str | None:
    """``{\\~{\\^e}}`` for a letter that decomposes into an ASCII letter and known accents."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not (base.isascii() and base.isalpha() and marks) or any(
        ord(m) not in _COMBINING_ACCENTS for m in marks
    ):
        return None
    latex = base
    for mark in marks:
        latex = f"\\{_COMBINING_ACCENTS[ord(mark)]}{{{latex}}}"
    return "{" + latex + "}"


def _unknown_chars(latex: str) -> tuple[str, ...]:
    """Non-ASCII characters still present after encoding: those pylatexenc could not map."""
    seen: dict[str, None] = {}
    for ch in latex:
        if ord(ch) > 127:
            seen.setdefault(ch)
    return tuple(seen)


def _merge(parts: list[Encoded]) -> Encoded:
    unknown: dict[str, None] = {}
    for part in parts:
        for ch in part.unknown:
            unknown.setdefault(ch)
    return Encoded("".join(p.text for p in parts), tuple(unknown))


def escape_specials(text: str) -> str:
    """Escape the ASCII characters LaTeX treats specially (``&`` → ``\\&`` ...)."""
    return _ASCII_SPECIAL_RE.sub(lambda m: _ASCII_SPECIALS[m.group()], text)


def encode_non_ascii(text: str, *, unicode: bool = False) -> Encoded:
    """Non-ASCII characters to braced LaTeX (``ü`` → ``{\\"u}``) unless ``unicode``; ASCII untouched."""
    text = unicodedata.normalize("NFC", text)
    if unicode or text.isascii():
        return Encoded(text)
    latex = _encoder().unicode_to_latex(text)
    unknown = _unknown_chars(latex)
    for ch in unknown:
        stacked = _stacked_accents(ch)
        if stacked:
            latex = latex.replace(ch, stacked)
    return Encoded(latex, _unknown_chars(latex))


def text_to_latex(text: str, *, unicode: bool = False) -> Encoded:
    """Plain Unicode text (no math) to LaTeX: specials escaped, non-ASCII encoded."""
    return encode_non_ascii(escape_specials(text), unicode=unicode)


def _math_to_latex(math: str, *, unicode: bool) -> Encoded:
    # Math is the author's LaTeX: kept verbatim apart from non-ASCII symbols.
    return encode_non_ascii(math, unicode=unicode)


def split_math(text: str) -> list[tuple[bool, str]]:
    """Split text into ``(is_math, segment)`` pieces; only paired ``$...$`` count as math."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for match in _MATH_RE.finditer(text):
        if match.start() > position:
            pieces.append((False, text[position : match.start()]))
        pieces.append((True, match.group()))
        position = match.end()
    if position < len(text):
        pieces.append((False, text[position:]))
    return pieces


def needs_protection(word: str) -> bool:
    """Whether a word's capitals must survive a style that lower-cases titles.

    True for a capital after the first character (``ViT``, ``BERT``, ``ImageNet``,
    ``3D``) or a word mixing digits and capitals (``T5``).
    """
    if any(ch.isupper() for ch in word[1:]):
        return True
    return any(ch.isdigit() for ch in word) and any(ch.isupper() for ch in word)


def text_with_math_to_latex(text: str, *, unicode: bool = False) -> Encoded:
    """Unicode text with optional ``$...$`` math to LaTeX, without case protection."""
    return _merge(
        [
            _math_to_latex(seg, unicode=unicode) if is_math else text_to_latex(seg, unicode=unicode)
            for is_math, seg in split_math(text)
        ]
    )


def title_to_latex(title: str, *, unicode: bool = False) -> Encoded:
    """A title as a BibTeX field value: escaped, encoded, capitals protected with braces."""
    parts: list[Encoded] = []
    for is_math, segment in split_math(" ".join(title.split())):
        if is_math:
            math = _math_to_latex(segment, unicode=unicode)
            if _CAPITAL_RE.search(segment):
                math = Encoded("{" + math.text + "}", math.unknown)
            parts.append(math)
            continue
        position = 0
        for match in _WORD_RE.finditer(segment):
            parts.append(text_to_latex(segment[position : match.start()], unicode=unicode))
            word = text_to_latex(match.group(), unicode=unicode)
            if needs_protection(match.group()):
                word = Encoded("{" + word.text + "}", word.unknown)
            parts.append(word)
            position = match.end()
        parts.append(text_to_latex(segment[position:], unicode=unicode))
    return _merge(parts)
