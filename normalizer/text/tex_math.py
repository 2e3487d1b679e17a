"""TeX math to text: parsed once (`parse_math`), then shown as plain Unicode where it is only
symbols (`math_to_unicode`), as CSL rich text (`math_to_rich_text`), as the text it shows for names
and venues (`untagged_math`), or written canonically as math (`serialise_math`); `split_source_math`
finds the math in a source text. The rules are `bibnorm.text.clean`'s (its module docstring).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from bibnorm.text.word_tables import table_entries
from pylatexenc.latex2text import LatexNodes2Text

__all__ = [
    "LATEX_TEXT",
    "SUBSCRIPTS",
    "SUPERSCRIPTS",
    "latex_to_text",
    "math_to_rich_text",
    "math_to_unicode",
    "parse_math",
    "scripted",
    "serialise_math",
    "split_source_math",
    "symbol_of",
    "untagged_math",
]


def latex_to_text() -> LatexNodes2Text:
    r"""pylatexenc's renderer, math kept verbatim (its own parser handles math), with the TeX
    logos, and ``\mbox{…}``'s text kept: its default drops the box's content, and
    "Ebl{\mbox{$^2$}}" (ACL Anthology) is the title "Ebl²", not "Ebl". The one renderer of
    `bibnorm.text.clean` (records entering bibnorm) and `bibnorm.text.titles` (comparing titles)."""
    from pylatexenc.latex2text import MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    # the TeX family's logos, as their names are spelt in text (tex-logos.json): pylatexenc knows
    # none of them, and an unknown command is dropped ("{\TeX}: The Program" read as ": The Program")
    logos = table_entries("tex-logos.json").items()
    macros = [MacroTextSpec(name, simplify_repl=text) for name, text in logos]
    context.add_context_category("bibnorm", prepend=True, macros=[*macros, MacroTextSpec("mbox", "%s")])
    return LatexNodes2Text(latex_context=context, math_mode="verbatim", strict_latex_spaces=False)


LATEX_TEXT = latex_to_text()
# pylatexenc's warnings (a macro it cannot expand) are its own, not the user's: never printed
# unprefixed on stderr by logging's last resort; an application that sets up logging still sees them.
logging.getLogger("pylatexenc").addHandler(logging.NullHandler())

SUPERSCRIPTS = dict(zip("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾", strict=True))
SUBSCRIPTS = dict(zip("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎", strict=True))


def scripted(text: str, table: dict[str, str]) -> str | None:
    converted = [table.get(ch) for ch in text.replace(" ", "")]
    return "".join(c for c in converted if c) if converted and all(converted) else None


_MATH_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.DOTALL)

# The math commands a title holds and what each makes (latex-math-commands.json): a font's CSL tag
# ("textit": "i"), an alphabet with Unicode letters (𝒪, ℝ), an accent's combining mark, two
# arguments, a blank, nothing, and the kernel's spelling of an amsmath command ("dfrac": "frac").
_COMMANDS = table_entries("latex-math-commands.json")
_FONT: dict[str, str] = _COMMANDS["fonts"]
_ALPHABETS = frozenset(_COMMANDS["alphabets"])
_ACCENTS: dict[str, str] = _COMMANDS["accents"]
_TWO_ARGUMENTS = frozenset(_COMMANDS["two_arguments"])
_SPACING: dict[str, str] = _COMMANDS["spacing"]
_IGNORED = frozenset(_COMMANDS["ignored"])
_KERNEL_SPELLING: dict[str, str] = _COMMANDS["kernel_spellings"]
_RELATIONS = frozenset("=<>≤≥≈≠∼≃≡∈∉⊂⊆→←↔⇒⇐⇔≪≫∝")

Node = tuple[Any, ...]  # ("char", c) | ("space",) | ("group", nodes) | ("script", "^"|"_", nodes)
# | ("cmd", name, [args], optional)


class _Parser:
    """A small TeX math parser: enough structure to render, re-write and repair titles' math."""

    def __init__(self, math: str) -> None:
        self.tokens = _MATH_TOKEN.findall(math)
        self.position = 0
        self.repairs: list[str] = []

    def parse(self) -> list[Node]:
        nodes = self._sequence(closing=False)
        return nodes

    def _sequence(self, *, closing: bool) -> list[Node]:
        nodes: list[Node] = []
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token == "}":
                self.position += 1
                if closing:
                    return nodes
                self.repairs.append("an unmatched '}' in math was dropped")
                continue
            nodes.append(self._atom())
        if closing:
            self.repairs.append("an unclosed '{' in math was closed")
        return nodes

    def _atom(self) -> Node:
        token = self.tokens[self.position]
        self.position += 1
        if token == "{":
            return ("group", self._sequence(closing=True))
        if token in ("^", "_"):
            return ("script", token, self._argument())
        if token.isspace():
            return ("space",)
        if token.startswith("\\") and len(token) > 1 and token[1].isalpha():
            return self._command(token[1:].rstrip("*"))
        if token.startswith("\\") and len(token) == 2:
            # A control symbol: an escaped character (\% \&), or spacing (\, \;), or \|.
            return (
                ("cmd", token[1], [], None) if token[1] in _SPACING or token[1] == "|" else ("char", token[1])
            )
        return ("char", token)

    def _command(self, name: str) -> Node:
        """A command and the arguments it takes (``\\sqrt`` an optional one in brackets)."""
        optional: list[Node] | None = None
        if name == "sqrt" and self._peek() == "[":
            optional = self._bracketed()
        if name in _FONT or name in _ALPHABETS or name in _ACCENTS or name == "sqrt":
            return ("cmd", name, [self._argument()], optional)
        if name in _TWO_ARGUMENTS:
            return ("cmd", name, [self._argument(), self._argument()], None)
        return ("cmd", name, [], None)

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _argument(self) -> list[Node]:
        while (token := self._peek()) is not None and token.isspace():
            self.position += 1
        if token is None or token == "}":
            self.repairs.append("a command or script in math had no argument")
            return []
        atom = self._atom()
        return atom[1] if atom[0] == "group" else [atom]

    def _bracketed(self) -> list[Node]:
        self.position += 1  # "["
        nodes: list[Node] = []
        while (token := self._peek()) is not None and token != "]":
            nodes.append(self._atom())
        self.position += 1
        return nodes


def symbol_of(name: str) -> str | None:
    """What the math command ``name`` prints (``pi`` → ``π``, ``log`` → ``log``), None when unknown."""
    return _symbol(name)


@lru_cache(maxsize=1024)
def _symbol(name: str) -> str | None:
    """The Unicode a symbol command stands for (``pi`` → ``π``), None when unknown."""
    if len(name) == 1:  # \% \& \$ \# \_ \{ \} \|
        return {"|": "\u2016"}.get(name, name) if not name.isalnum() else None
    try:
        text = LATEX_TEXT.latex_to_text("\\" + name)
    except Exception:
        return None
    return text.strip() or None


@lru_cache(maxsize=1024)
def _alphabet_letter(command: str, letter: str) -> str:
    try:
        text = LATEX_TEXT.latex_to_text(f"\\{command}{{{letter}}}")
    except Exception:
        return letter
    return text if len(text) == 1 else letter


class _NotPlain(Exception):
    """Raised while rendering math that has no plain Unicode form (variables, structure)."""


Run = tuple[str, tuple[str, ...]]  # (text, tags from outside in: "sup", "sub", "b", "i")


class _Renderer:
    """Math nodes to runs of text with tags; ``plain`` refuses anything plain text cannot show."""

    def __init__(self, *, plain: bool) -> None:
        self.plain = plain

    def render(self, nodes: list[Node], tags: tuple[str, ...] = (), upright: bool = False) -> list[Run]:
        runs: list[Run] = []
        for node in nodes:
            runs.extend(self._node(node, tags, upright))
        return runs

    def _node(self, node: Node, tags: tuple[str, ...], upright: bool) -> list[Run]:
        kind = node[0]
        if kind == "char":
            ch = node[1]
            if ch == "'":
                return [("\u2032", tags)]
            if ch.isascii() and ch.isalpha() and not upright:
                if self.plain:
                    raise _NotPlain(ch)
                return [(ch, (*tags, "i"))]
            return [(ch, tags)]
        if kind == "space":
            return [(" ", tags)] if upright else []
        if kind == "group":
            return self.render(node[1], tags, upright)
        if kind == "script":
            return self._script(node[1], node[2], tags)
        return self._command(node[1], node[2], node[3], tags, upright)

    def _script(self, op: str, body: list[Node], tags: tuple[str, ...]) -> list[Run]:
        inner = self.render(body, (*tags, "sup" if op == "^" else "sub"))
        text = "".join(t for t, _ in inner)
        if op == "^" and text in ("\u2032", "'"):  # x^\prime is x′, no superscript quote mark
            return [("\u2032", tags)]
        if not self.plain:
            return inner
        converted = scripted(text, SUPERSCRIPTS if op == "^" else SUBSCRIPTS)
        if converted is None:
            raise _NotPlain(text)
        return [(converted, tags)]

    def _command(
        self,
        name: str,
        args: list[list[Node]],
        optional: list[Node] | None,
        tags: tuple[str, ...],
        upright: bool,
    ) -> list[Run]:
        if name in _FONT or name in _ALPHABETS or name in _ACCENTS:
            return self._lettering(name, args[0], tags, upright)
        if name in _TWO_ARGUMENTS or name == "sqrt":
            if self.plain:
                raise _NotPlain(name)
            if name == "sqrt":
                index = self.render(optional or [], (*tags, "sup"), upright)
                return [*index, ("\u221a", tags), *self._parenthesised(args[0], tags, upright)]
            top, bottom = (self._parenthesised(arg, tags, upright) for arg in args)
            return [*top, ("/", tags), *bottom]
        if name in _SPACING:
            return [(_SPACING[name], tags)] if _SPACING[name] else []
        if name in _IGNORED:
            return []
        return self._symbol_runs(name, tags)

    def _lettering(self, name: str, arg: list[Node], tags: tuple[str, ...], upright: bool) -> list[Run]:
        """A font (``\\mathbf``), an alphabet (``\\mathcal``) or an accent (``\\hat``) over its argument."""
        if name in _FONT:
            tag = _FONT[name]
            if tag == "b" and self.plain:
                raise _NotPlain(name)
            return self.render(arg, (*tags, tag) if tag else tags, upright=True)
        if name in _ALPHABETS:
            letters = "".join(t for t, _ in self.render(arg, tags, upright=True))
            return [("".join(_alphabet_letter(name, ch) for ch in letters), tags)]
        inner = self.render(arg, tags, upright)
        if not inner:
            return [(_ACCENTS[name].strip(), tags)]
        text, last_tags = inner[-1]
        return [*inner[:-1], (text + _ACCENTS[name], last_tags)]

    def _symbol_runs(self, name: str, tags: tuple[str, ...]) -> list[Run]:
        symbol = _symbol(name)
        if symbol is None:
            if self.plain:
                raise _NotPlain(name)
            return [(name, tags)]  # an unknown command: its name, never TeX
        if symbol in _RELATIONS:
            return [(f" {symbol} ", tags)]  # TeX spaces relations: "$\\geq 5$" is "≥ 5"
        if len(symbol) > 1 and symbol.isalpha():
            return [(f" {symbol} ", tags)]  # and operators' names: "$n \\log n$" is "n log n"
        return [(symbol, tags)]

    def _parenthesised(self, arg: list[Node], tags: tuple[str, ...], upright: bool) -> list[Run]:
        runs = self.render(arg, tags, upright)
        if sum(len(t) for t, _ in runs) <= 1:
            return runs
        return [("(", tags), *runs, (")", tags)]


def parse_math(math: str) -> tuple[list[Node], list[str]]:
    parser = _Parser(math)
    nodes = parser.parse()
    return nodes, parser.repairs


def math_to_unicode(math: str) -> str | None:
    """Plain Unicode for math that is only symbols (``\\pi`` → ``π``, ``^2`` → ``²``), else None.

    Math that shows nothing (``\\,``) is the empty string.

    ``math`` is the content between the dollars. Variables (``k``), bold, fractions and
    roots have no plain form: None.
    """
    nodes, _ = parse_math(math)
    try:
        runs = _Renderer(plain=True).render(nodes)
    except _NotPlain:
        return None
    return " ".join("".join(t for t, _ in runs).split())


def math_to_rich_text(math: str) -> str:
    """CSL rich text for math (``O(n^2)`` → ``<i>O</i>(<i>n</i><sup>2</sup>)``); never TeX."""
    nodes, _ = parse_math(math)
    runs = _Renderer(plain=False).render(nodes)
    out: list[str] = []
    open_tags: list[str] = []
    for text, tags in runs:
        if not text:
            continue
        shared = 0
        while shared < min(len(open_tags), len(tags)) and open_tags[shared] == tags[shared]:
            shared += 1
        while len(open_tags) > shared:
            out.append(f"</{open_tags.pop()}>")
        for tag in tags[shared:]:
            out.append(f"<{tag}>")
            open_tags.append(tag)
        out.append(text)
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return _SPARE_SPACE.sub("", "".join(out)).strip()


# A space an operator's name left inside brackets ("( log n)") or after a binary operator set
# without one ("x+ cos y", as this renderer sets "+"), which would read as a typo
_SPARE_SPACE = re.compile(r"(?<=[(\[]) +|(?<! ) +(?=[)\],])|(?<=\S[+\-−±×·/]) +")


# CSL's rich-text tags (<i>n</i>-gram, S<sup>3</sup>, <span class="nocase">): markup, not words.
_RICH_TEXT_TAG = re.compile(r"<(/?)(i|b|sc|sup|sub|span)\b[^<>]*>")
_SCRIPT_MARK = {"sup": "^", "sub": "_"}


def rich_text_to_plain(text: str) -> str:
    """CSL rich text as plain text: tags removed, a script keeping its mark, so "S<sup>3</sup>"
    reads as TeX's "$S^3$" does and ``<span class="nocase">3D</span>`` as "3D"."""
    if "<" not in text:
        return text
    return _RICH_TEXT_TAG.sub(lambda tag: "" if tag[1] else _SCRIPT_MARK.get(tag[2], ""), text)


def serialise_math(nodes: list[Node]) -> str:
    """Math nodes back to LaTeX, balanced, with the kernel's spelling of amsmath commands."""
    out: list[str] = []
    for node in nodes:
        kind = node[0]
        if kind == "char":
            out.append(node[1])
        elif kind == "space":
            out.append(" ")
        elif kind == "group":
            out.append("{" + serialise_math(node[1]) + "}")
        elif kind == "script":
            body = node[2]
            single = len(body) == 1 and body[0][0] == "char"
            out.append(node[1] + (body[0][1] if single else "{" + serialise_math(body) + "}"))
        else:
            name, args, optional = node[1], node[2], node[3]
            text = "\\" + str(_KERNEL_SPELLING.get(name) or name)
            if optional is not None:
                text += "[" + serialise_math(optional) + "]"
            for arg in args:
                text += "{" + serialise_math(arg) + "}"
            if not args and name.isalpha():
                text += " "  # "\pi x": the space ends the command name
            out.append(text)
    return re.sub(r" +", " ", "".join(out)).replace(" }", "}").replace(" ^", "^").replace(" _", "_")


# -- splitting text and math ------------------------------------------------------------------------


def split_source_math(text: str) -> tuple[list[tuple[bool, str]], list[str]]:
    """Split source text into ``(is_math, content)`` pieces (content without delimiters).

    ``$...$``, ``$$...$$`` and ``\\(...\\)`` are math; ``\\$`` is a dollar in text. An
    unpaired ``$`` is dropped, or kept as text before a digit (``$5``); the second list
    says what was repaired.
    """
    pieces: list[tuple[bool, str]] = []
    repairs: list[str] = []
    buffer: list[str] = []
    math = False
    opened_at = 0  # where the math open at the end (if any) began in `text`
    i = 0
    opener = ""
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            pair = text[i : i + 2]
            if (pair == "\\(" and not math) or (pair == "\\)" and math):
                pieces.append((math, "".join(buffer)))
                buffer = []
                math = not math
                opener, opened_at = pair, i
                i += 2
                continue
            buffer.append(pair)
            i += 2
            continue
        if ch == "$":
            width = 2 if text.startswith("$$", i) else 1
            pieces.append((math, "".join(buffer)))
            buffer = []
            math = not math
            opener, opened_at = "$", i
            i += width
            continue
        buffer.append(ch)
        i += 1
    rest = "".join(buffer)
    if math:
        # An unclosed math opener: the text after it is text again.
        if opener == "$" and text[opened_at + 1 : opened_at + 2].isdigit():
            pieces.append((False, "\\$" + rest))
            repairs.append("an unpaired '$' before a number was read as a dollar sign")
        else:
            pieces.append((False, rest))
            repairs.append(f"an unpaired {opener!r} was dropped")
    else:
        pieces.append((False, rest))
    return [(is_math, piece) for is_math, piece in pieces if piece], repairs


# -- the public cleaning functions ------------------------------------------------------------------


def untagged_math(nodes: list[Node]) -> str:
    """Math as the text it shows, without italics or scripts (for names and venues)."""
    return "".join(text for text, _ in _Renderer(plain=False).render(nodes))
