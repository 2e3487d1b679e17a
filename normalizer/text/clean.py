"""Source text to plain Unicode, once, where records enter bibnorm (the resolvers).

Metadata sources write titles and names in three dialects: Unicode (Semantic Scholar,
mostly), TeX (arXiv: ``5\\%``, ``{\\"u}``, ``about~5``, ``$\\pi$``) and text that lost its
TeX halfway (``BT^2`` for ``BT$^2$``). Every resolver passes what it read through
`clean_reference`, so the rest of bibnorm — matching, keys, writers — sees one
dialect: **plain Unicode text**, whose only markup is inline math between ``$...$``
that has no plain form. The rules:

- **TeX in text** becomes the characters it stands for: accents (``M{\\"u}ller`` →
  ``Müller``), escaped specials (``5\\%`` → ``5%``, ``\\&`` → ``&``), ligatures (``--`` →
  ``–``, ``\\`\\``` → ``“``), a tie (``about~5``) a space, protective braces (``{BERT}``)
  nothing; font commands keep their text (``\\textbf{x}`` → ``x``); unknown commands are
  dropped and their arguments kept. A bare ``%``, ``&`` or ``#`` is that character.
- **Superscripts and subscripts** of digits and signs become Unicode (``BT^2``,
  ``BT$^2$``, ``\\textsuperscript{2}`` → ``BT²``; ``10^{-3}`` → ``10⁻³``; ``H_2O`` → ``H₂O``).
- **Math** (``$...$``, ``\\(...\\)``) that is only symbols becomes Unicode (``$\\pi$`` →
  ``π``, ``$\\times$`` → ``×``, ``$\\geq 5\\%$`` → ``≥ 5%``, ``$\\mathcal{O}$`` → ``𝒪``). Math
  with variables or structure (``$k$-means``, ``$O(n^2)$``, ``$\\frac{1}{2}$``) stays math,
  written canonically (spaces collapsed, braces balanced) with LaTeX's own commands for
  the amsmath ones pdflatex lacks (``\\text`` → ``\\mathrm``, ``\\boldsymbol`` → ``\\mathbf``).
  Names and venues never keep math: theirs is rendered as text.
- **Quotes**: paired straight double quotes become typographic ones (``"Why?"`` →
  ``“Why?”``), which LaTeX and CSL both print the right way round.
- **Repairs**: an unpaired ``$`` is dropped (or kept as a literal dollar before a digit,
  ``$5``); unbalanced braces in math are dropped or closed. Each repair is reported in
  `Cleaned.repairs` and lands in the record's ``notes``; broken TeX is never passed on.

The writers then turn this text into each format's own markup: LaTeX escapes
(`bibnorm.writers.latex_text`) or CSL rich text (`math_to_rich_text`).
Cleaning is idempotent on what it produces, except for the rare literal ``$``/braces
it leaves in text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

from bibnorm.models import Person, Reference
from bibnorm.text.tex_math import (
    LATEX_TEXT,
    SUBSCRIPTS,
    SUPERSCRIPTS,
    math_to_rich_text,
    math_to_unicode,
    parse_math,
    scripted,
    serialise_math,
    split_source_math,
    untagged_math,
)

__all__ = [
    "SUBSCRIPTS",
    "SUPERSCRIPTS",
    "Cleaned",
    "clean_plain",
    "clean_reference",
    "clean_title",
    "inert_text",
    "math_to_rich_text",
    "math_to_unicode",
    "split_source_math",
]


class Cleaned(NamedTuple):
    """Clean text plus what had to be repaired to get it (one human-readable line each)."""

    text: str
    repairs: tuple[str, ...] = ()


# Anything that may be TeX; text without these is already clean (the fast path).
_TEX_HINT = re.compile(r"[\\{}$^_~]|--|``|''")
_SPACE = re.compile(r"\s+")

# -- text mode --------------------------------------------------------------------------------------

# A tie between two non-spaces is a space; "~" elsewhere ("~10x") is a literal tilde.
_TIE = re.compile(r"(?<=[^\s\\])~(?=\S)")
# "X^2", "X^{-3}", "\textsuperscript{2}" in text; the caret must follow a character.
_TEXT_SCRIPT = re.compile(
    r"(?<=\S)(?P<op>\^|_)(?:\{(?P<braced>[^{}]*)\}|(?P<bare>[-+\u2212]?\d+))"
    r"|\\text(?P<cmd>super|sub)script\{(?P<arg>[^{}]*)\}"
)
_BARE_SPECIAL = re.compile(r"(?<!\\)([%&#])")


def _text_scripts(match: re.Match[str]) -> str:
    if match.group("cmd"):
        table = SUPERSCRIPTS if match.group("cmd") == "super" else SUBSCRIPTS
        return scripted(match.group("arg"), table) or match.group("arg")
    table = SUPERSCRIPTS if match.group("op") == "^" else SUBSCRIPTS
    body = match.group("braced") if match.group("braced") is not None else match.group("bare")
    return scripted(body, table) or match.group(0)


def _text_to_unicode(text: str) -> str:
    """TeX text (no math) to Unicode, as the module docstring says."""
    if not _TEX_HINT.search(text):
        return text
    text = _TIE.sub(" ", text)
    text = _TEXT_SCRIPT.sub(_text_scripts, text)
    if "\\" not in text and "{" not in text and "}" not in text:
        # No command and no group: only ligatures and literal carets/underscores are left.
        return (
            text.replace("---", "\u2014")
            .replace("--", "\u2013")
            .replace("``", "\u201c")
            .replace("''", "\u201d")
        )
    # A bare % & # is the character (plain-text sources), not a comment or alignment.
    escaped = _BARE_SPECIAL.sub(r"\\\1", text).replace("^", r"\^{}").replace("_", r"\_")
    try:
        converted = LATEX_TEXT.latex_to_text(escaped)
    except Exception:  # pylatexenc is lenient; a broken group must not abort a run
        converted = text.replace("{", "").replace("}", "")
    return converted.replace("\u00a0", " ")


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


_STRAIGHT_QUOTED = re.compile(r'"([^"$]+)"')


def _curly_quotes(text: str) -> str:
    """Paired straight double quotes as typographic ones (``"Why?"`` → ``“Why?”``).

    A straight ``"`` typesets as a closing quote on both sides in LaTeX.
    """
    return _STRAIGHT_QUOTED.sub("\u201c\\1\u201d", text) if text.count('"') % 2 == 0 else text


def _clean(text: str, *, keep_math: bool) -> Cleaned:
    text = unicodedata.normalize("NFC", text)
    if '"' in text:
        cleaned = _clean_tex(text, keep_math=keep_math)
        return Cleaned(_curly_quotes(cleaned.text), cleaned.repairs)
    return _clean_tex(text, keep_math=keep_math)


def _clean_tex(text: str, *, keep_math: bool) -> Cleaned:
    if not _TEX_HINT.search(text):
        return Cleaned(_collapse(text))
    pieces, repairs = split_source_math(text)
    out: list[str] = []
    for is_math, piece in pieces:
        if not is_math:
            out.append(_text_to_unicode(piece))
            continue
        nodes, math_repairs = parse_math(piece)
        repairs.extend(math_repairs)
        plain = math_to_unicode(piece)
        if plain is not None:
            out.append(plain)
        elif keep_math:
            out.append("$" + serialise_math(nodes).strip() + "$")
        else:
            out.append(untagged_math(nodes))
    return Cleaned(_collapse("".join(out)), tuple(dict.fromkeys(repairs)))


def clean_title(text: str) -> Cleaned:
    """A title (or other free text) as plain Unicode, keeping math that has no plain form."""
    return _clean(text, keep_math=True)


def clean_plain(text: str) -> Cleaned:
    """A name part, venue or publisher as plain Unicode; any math is rendered as text."""
    return _clean(text, keep_math=False)


# The same people recur across the records of a run (co-authors, a record offered for several
# titles); a `Person` is immutable and hashable, so each is cleaned once.
@lru_cache(maxsize=16_384)
def _clean_person(person: Person) -> tuple[Person, tuple[str, ...]]:
    parts = {}
    repairs: list[str] = []
    for name in ("given", "family", "particle", "suffix", "literal"):
        value = getattr(person, name)
        cleaned = clean_plain(value) if value else Cleaned(value)
        repairs.extend(cleaned.repairs)
        parts[name] = cleaned.text
    unchanged = all(parts[n] == getattr(person, n) for n in parts)
    return (person if unchanged else Person(**parts)), tuple(repairs)


def _clean_people(people: tuple[Person, ...]) -> tuple[tuple[Person, ...], list[str]]:
    """The people cleaned (`_clean_person`), and their repairs, each once."""
    cleaned = [_clean_person(person) for person in people]
    repairs = [repair for _, person_repairs in cleaned for repair in person_repairs]
    return tuple(person for person, _ in cleaned), list(dict.fromkeys(repairs))


def clean_reference(reference: Reference) -> Reference:
    """The record with title, people's names, venue and publisher as plain Unicode (see the module).

    Repairs are added to ``notes`` ("title: an unpaired '$' was dropped"). The abstract
    and comments are left as the source wrote them: they are evidence, never written.
    """
    changes: dict[str, Any] = {}
    notes: list[str] = []
    title = clean_title(reference.title)
    if title.text != reference.title:
        changes["title"] = title.text
    notes.extend(f"title: {repair}" for repair in title.repairs)
    for field in ("venue", "publisher"):
        value = getattr(reference, field)
        if value:
            cleaned = clean_plain(value)
            if cleaned.text != value:
                changes[field] = cleaned.text or None
            notes.extend(f"{field}: {repair}" for repair in cleaned.repairs)
    for field in ("authors", "editors", "translators"):
        people, name_repairs = _clean_people(getattr(reference, field))
        if people != getattr(reference, field):
            changes[field] = people
        notes.extend(f"{field}: {repair}" for repair in name_repairs)
    if notes:
        changes["notes"] = tuple(dict.fromkeys([*reference.notes, *notes]))
    return reference.model_copy(update=changes) if changes else reference


# Invisible characters that only steer how text is shown: the bidirectional embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069, the "Trojan Source" characters), the
# direction marks (U+200E, U+200F, U+061C), zero-width space, word joiner and a byte-order
# mark inside text. In a title they make a reference print reversed or differ invisibly from
# the paper's. ZWNJ and ZWJ (U+200C, U+200D) stay: Persian, Indic scripts and emoji need them.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def without_invisible(text: str) -> tuple[str, int]:
    """``text`` without the invisible direction and zero-width characters above, and how many
    there were."""
    return _INVISIBLE.subn("", text)


# What no output bibnorm writes may carry from a source or an input: control characters but tab,
# newline and carriage return (ESC starts a terminal's escape sequences; DEL and the C1 range
# too), the bidirectional embeddings, overrides and isolates (text shown in another order than
# it is read: "Trojan Source") and Unicode's tag characters (U+E0000-U+E007F, invisible text an
# assistant reads as instructions).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]")


def inert_text(text: str) -> str:
    """``text`` without the control, direction-override and tag characters above."""
    return _UNSAFE.sub("", text) if _UNSAFE.search(text) else text
