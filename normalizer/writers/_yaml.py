"""YAML text for the YAML writers (Hayagriva, CSL YAML): PyYAML's safe dumper, made unambiguous.

PyYAML quotes what YAML 1.1 would read as something other than text (``no``, ``yes``,
``2023-03-14``, ``~``; not ``y`` and ``n``, quoted here) and what YAML's syntax would
misread (a leading ``@``, ``: ``, `` #``). The readers of these files are YAML 1.2 parsers
(Typst's serde_yaml, pandoc's HsYAML), which also read ``1e5`` and ``0o17`` as numbers where
YAML 1.1 sees text, and a numeric-looking volume or page range read as a number loses its
leading zeros. So every
string that starts like a number (a digit, or a sign or dot before one) is double-quoted
as well. Keys keep the order given; Unicode is written as itself; lines are never folded.

Unicode's line breaks (U+0085, U+2028, U+2029), which YAML folds into spaces in a plain or
single-quoted scalar, are double-quoted too, where YAML escapes them (``\\N``, ``\\L``, ``\\P``).

libyaml's emitter (PyYAML's C dumper) writes the same text as PyYAML's Python one, four times
as fast, except that it escapes characters beyond the Basic Multilingual Plane (``𝒪`` →
``"\\U0001D4AA"``), which the Python one writes as themselves; data holding one is written by
the Python emitter, so the text is the same with or without libyaml
(tests/test_writers_hayagriva.py holds the two to it).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_NUMBER_LIKE = re.compile(r"[-+.]?[.]?[0-9]")
_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# YAML 1.1's booleans PyYAML leaves plain: a given name's initial "N" or "Y", which pandoc's
# YAML reads as false and true ("Christlieb, N" printed as "Christlieb").
_LETTER_BOOLEANS = frozenset({"y", "Y", "n", "N"})


def _represent_str(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    quoted = _NUMBER_LIKE.match(value) or _LINE_BREAK.search(value) or value in _LETTER_BOOLEANS
    style = '"' if quoted else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class PythonDumper(yaml.SafeDumper):
    """PyYAML's safe dumper in Python, number-like strings quoted."""


PythonDumper.add_representer(str, _represent_str)
FastDumper: type | None = None
if yaml.__with_libyaml__:

    class _FastDumper(yaml.CSafeDumper):
        """The same dumper on libyaml's emitter."""

    _FastDumper.add_representer(str, _represent_str)
    FastDumper = _FastDumper


def _has_astral(data: Any) -> bool:
    if isinstance(data, str):
        return _ASTRAL.search(data) is not None
    if isinstance(data, dict):
        return any(_has_astral(key) or _has_astral(value) for key, value in data.items())
    if isinstance(data, list):
        return any(_has_astral(item) for item in data)
    return False


def dump_yaml(data: Any, *, dumper: type | None = None) -> str:
    """``data`` (plain dicts, lists, strings and ints) as a YAML document, byte-stable.

    ``dumper``: `PythonDumper` or `FastDumper` to force one (tests); by default the fast one
    when libyaml is there and the data lets it write the same text.
    """
    if dumper is None:
        dumper = FastDumper if FastDumper is not None and not _has_astral(data) else PythonDumper
    text: str = yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1 << 30,  # never fold a long title over lines
        indent=2,
    )
    return text
