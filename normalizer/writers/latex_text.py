"""Unicode text → BibTeX/LaTeX field text: escaping, accents and title protection.

`Reference` text is Unicode; the only markup it may carry is inline math between
``$...$``, which is kept as math. Everything else is escaped here, in one place:

- the ASCII characters LaTeX treats specially (``& % # _ $ { } ~ ^ \\``) become
  their escaped forms (``\\&``, ``\\%`` ...);
- non-ASCII characters become LaTeX through pylatexenc's `UnicodeToLatexEncoder`,
  every replacement wrapped in braces (``M{\\"u}ller``, ``{\\L}ukasz``) so that
  BibTeX sees a "special character" it can sort, purify and abbreviate; dashes and
  curly quotes use the TeX ligatures (``--``, ``---``, ``'``) instead of text
  commands; Unicode super- and subscripts become ``\\textsuperscript``/``\\textsubscript``
  and math alphabets (``𝒪``, ``ℝ``) the kernel's ``\\mathcal``/``\\mathbf``. With
  ``unicode=True`` (``--unicode``: a UTF-8 engine) non-ASCII text is kept as is;
- a character pylatexenc has no LaTeX form for (CJK, emoji ...) is kept as is and
  reported in `Encoded.unknown`; the caller turns that into a warning.

Title protection (`title_to_latex`): BibTeX styles and biblatex's sentence case
lower-case titles, so every stretch whose capitals matter is wrapped in braces. Which
stretches is decided in one place, `bibnorm.text.capitals.protected_spans` (acronyms and
mixed case, known names, the pronoun "I", names the bibliography's abstracts capitalise),
which ``bibnorm check`` (BN305) asks too. A hyphenated token is braced whole
(``{MLP-Mixer}``, ``{DALL-E}``, ``{I\\&S-ViT}``), a title never whole, nothing twice
(the input never carries braces of its own: they are escaped). Math containing capital
letters is protected as a whole (``{$O(N)$}``).

Math (``$...$``) is the author's LaTeX, kept as math; its non-ASCII symbols become
LaTeX commands in every mode but explicit ``unicode`` (pdflatex stops on a raw ``π``
even in math). ``latin=True`` (biblatex without ``--unicode``) keeps Latin and Cyrillic
letters and common punctuation as Unicode, which pdflatex's UTF-8 input reads, and encodes
the rest (Greek, symbols) as LaTeX.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from bibnorm.text.capitals import NO_EVIDENCE, Evidence, needs_protection, protected_spans
from bibnorm.text.word_tables import table_entries
from pylatexenc.latexencode import (
    RULE_CALLABLE,
    RULE_DICT,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
)

__all__ = [
    "Encoded",
    "encode_non_ascii",
    "escape_specials",
    "needs_protection",
    "split_math",
    "text_to_latex",
    "text_with_math_to_latex",
    "title_to_latex",
]

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
# Unicode superscripts and subscripts as the kernel's text commands (pylatexenc mixes
# ``\ensuremath{^-}`` and textcomp's ``\textthreesuperior``).
_LIGATURES |= {
    ord(sup): f"\\textsuperscript{{{plain}}}"
    for plain, sup in zip("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ", strict=True)
}
_LIGATURES |= {
    ord(sub): f"\\textsubscript{{{plain}}}"
    for plain, sub in zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", strict=True)
}
# Math alphabets (𝒪, ℝ, 𝐱) as the kernel's alphabets: pylatexenc's \mathscr and \mathbb
# need packages a bibliography cannot count on.
_KERNEL_ALPHABETS = (
    ("SCRIPT", "mathcal"),
    ("DOUBLE-STRUCK", "mathbf"),
    ("BOLD", "mathbf"),
    ("FRAKTUR", "mathrm"),
    ("SANS-SERIF", "mathsf"),
    ("MONOSPACE", "mathtt"),
    ("ITALIC", "mathit"),
)


def _math_alphabet(text: str, position: int) -> tuple[int, str] | None:
    """``𝒪`` → ``\\ensuremath{\\mathcal{O}}`` (pylatexenc's callable-rule protocol)."""
    ch = text[position]
    name = unicodedata.name(ch, "")
    plain = unicodedata.normalize("NFKC", ch)
    if not ("MATHEMATICAL" in name or "DOUBLE-STRUCK" in name or "SCRIPT CAPITAL" in name) or not (
        plain.isascii() and plain.isalnum()
    ):
        return None
    if plain.islower() and "SCRIPT" in name:
        return 1, f"\\ensuremath{{\\mathit{{{plain}}}}}"  # \mathcal has capitals only
    for word, command in _KERNEL_ALPHABETS:
        if word in name:
            return 1, f"\\ensuremath{{\\{command}{{{plain}}}}}"
    return None


# The math accents by their combining marks (latex-math-commands.json's, the first of a mark's:
# \hat before \widehat), for a math letter with one ("Λ̄", read from "$\bar{\Lambda}$")
_MATH_ACCENTS: dict[str, str] = {
    mark: command for command, mark in reversed(table_entries("latex-math-commands.json")["accents"].items())
}
_ENSUREMATH = re.compile(r"\{?\\ensuremath\{([^{}]+)\}\}?")


def _math_accented(text: str, position: int) -> tuple[int, str] | None:
    r"""``Λ̄`` → ``\ensuremath{\bar{\Lambda}}``: a letter pylatexenc writes as math (Greek) and the
    combining marks of math accents after it, which it would leave raw after the letter's group
    (pdflatex stops on them; the page lost the bar, the antiparticle printed as the particle)."""
    end = position + 1
    while end < len(text) and text[end] in _MATH_ACCENTS:
        end += 1
    if end == position + 1 or text[position].isascii():
        return None
    letter = _ENSUREMATH.fullmatch(_encoder().unicode_to_latex(text[position]))
    if letter is None:
        return None
    latex = letter.group(1)
    for mark in text[position + 1 : end]:
        latex = f"\\{_MATH_ACCENTS[mark]}{{{latex}}}"
    return end - position, f"\\ensuremath{{{latex}}}"


# Two letters under the two halves of a double inverted breve (U+FE20 after the first, U+FE21
# after the second), as library catalogues romanize Cyrillic ("Lit︠s︡a"): LaTeX's tie-after accent
# over both, ``\t{ts}`` (pdflatex stops on the raw halves).
_TIED = re.compile("([A-Za-z])\ufe20([A-Za-z])\ufe21")


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
        conversion_rules=[
            UnicodeToLatexConversionRule(rule_type=RULE_DICT, rule=_LIGATURES),
            UnicodeToLatexConversionRule(rule_type=RULE_CALLABLE, rule=_math_alphabet),
            UnicodeToLatexConversionRule(rule_type=RULE_CALLABLE, rule=_math_accented),
            "defaults",
        ],
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
    if len(parts) == 1:
        return parts[0]  # (most titles and values: one piece)
    unknown: dict[str, None] = {}
    for part in parts:
        for ch in part.unknown:
            unknown.setdefault(ch)
    return Encoded("".join(p.text for p in parts), tuple(unknown))


def escape_specials(text: str) -> str:
    """Escape the ASCII characters LaTeX treats specially (``&`` → ``\\&`` ...)."""
    return _ASCII_SPECIAL_RE.sub(lambda m: _ASCII_SPECIALS[m.group()], text)


# What pdflatex's UTF-8 input typesets without a package: Latin-1 and Latin Extended-A
# letters and the typographic punctuation of its text encodings.
# Cyrillic too: biber sorts and abbreviates it as letters only in UTF-8 ("{\CYRP}" sorted under
# "2"), pdflatex reads it so with T2A (as it needs for "{\CYRP}"), and the UTF-8 engines' TU
# encoding has no "\CYRP".
_PDFLATEX_UNICODE = re.compile(
    "[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0400-\u04ff\u2013\u2014\u2018\u2019\u201c\u201d]+"
)


def _encode_latin(text: str) -> Encoded:
    """Encode all but the characters pdflatex reads as UTF-8 text by itself."""
    parts: list[Encoded] = []
    position = 0
    for match in _PDFLATEX_UNICODE.finditer(text):
        parts.append(encode_non_ascii(text[position : match.start()]))
        parts.append(Encoded(match.group()))
        position = match.end()
    parts.append(encode_non_ascii(text[position:]))
    return _merge(parts)


def encode_non_ascii(text: str, *, unicode: bool = False, latin: bool = False) -> Encoded:
    """Non-ASCII characters to braced LaTeX (``ü`` → ``{\\"u}``) unless ``unicode``; ASCII untouched.

    ``latin`` keeps the letters and punctuation pdflatex reads as UTF-8 (``ü``, ``–``)
    and encodes the rest (``π`` → ``{\\ensuremath{\\pi}}``).
    """
    if text.isascii():  # most text: NFC leaves ASCII as it is
        return Encoded(text)
    text = unicodedata.normalize("NFC", text)
    if unicode or text.isascii():
        return Encoded(text)
    if latin:
        return _encode_latin(text)
    latex = _TIED.sub(r"{\\t{\1\2}}", _encoder().unicode_to_latex(text))
    unknown = _unknown_chars(latex)
    for ch in unknown:
        stacked = _stacked_accents(ch)
        if stacked:
            latex = latex.replace(ch, stacked)
    return Encoded(latex, _unknown_chars(latex))


def text_to_latex(text: str, *, unicode: bool = False, latin: bool = False) -> Encoded:
    """Plain Unicode text (no math) to LaTeX: specials escaped, non-ASCII encoded."""
    return encode_non_ascii(escape_specials(text), unicode=unicode, latin=latin)


def _math_to_latex(math: str, *, unicode: bool) -> Encoded:
    # Math is the author's LaTeX: kept verbatim apart from non-ASCII symbols, which
    # become commands unless the user asked for Unicode (pdflatex stops on a raw "π").
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


def text_with_math_to_latex(text: str, *, unicode: bool = False, latin: bool = False) -> Encoded:
    """Unicode text with optional ``$...$`` math to LaTeX, without case protection."""
    return _merge(
        [
            _math_to_latex(seg, unicode=unicode)
            if is_math
            else text_to_latex(seg, unicode=unicode, latin=latin)
            for is_math, seg in split_math(text)
        ]
    )


def title_to_latex(
    title: str, *, unicode: bool = False, latin: bool = False, evidence: Evidence = NO_EVIDENCE
) -> Encoded:
    """A title as a BibTeX field value: escaped, encoded, capitals protected with braces.

    ``evidence`` is what the prose says about names: the whole bibliography's
    (`bibnorm.text.capitals.pool`, as the writers use it) or one record's
    (`bibnorm.text.capitals.evidence_for`).
    """
    parts: list[Encoded] = []
    for number, (is_math, segment) in enumerate(split_math(" ".join(title.split()))):
        if is_math:
            math = _math_to_latex(segment, unicode=unicode)
            if _CAPITAL_RE.search(segment):
                math = Encoded("{" + math.text + "}", math.unknown)
            parts.append(math)
            continue
        spans = protected_spans(segment, evidence, title_start=number == 0)
        if segment.isascii() and not _ASCII_SPECIAL_RE.search(segment):  # most titles: nothing to escape
            pieces: list[str] = []
            position = 0
            for start, end in spans:
                pieces += (segment[position:start], "{", segment[start:end], "}")
                position = end
            pieces.append(segment[position:])
            parts.append(Encoded("".join(pieces)))
            continue
        position = 0
        for start, end in spans:
            parts.append(text_to_latex(segment[position:start], unicode=unicode, latin=latin))
            word = text_to_latex(segment[start:end], unicode=unicode, latin=latin)
            parts.append(Encoded("{" + word.text + "}", word.unknown))
            position = end
        parts.append(text_to_latex(segment[position:], unicode=unicode, latin=latin))
    return _merge(parts)
