"""YAML text for the YAML writers (Hayagriva, CSL YAML): PyYAML's safe dumper, made unambiguous.

PyYAML quotes what YAML 1.1 would read as something other than text (``no``, ``yes``,
``2023-03-14``, ``~``) and what YAML's syntax would misread (a leading ``@``, ``: ``,
`` #``). The readers of these files are YAML 1.2 parsers (Typst's serde_yaml, pandoc's
HsYAML), which also read ``1e5`` and ``0o17`` as numbers where YAML 1.1 sees text, and a
numeric-looking volume or page range read as a number loses its leading zeros. So every
string that starts like a number (a digit, or a sign or dot before one) is double-quoted
as well. Keys keep the order given; Unicode is written as itself; lines are never folded.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_NUMBER_LIKE = re.compile(r"[-+.]?[.]?[0-9]")


class _Dumper(yaml.SafeDumper):
    """The safe dumper with lists indented under their key (the layout people write by hand)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _NUMBER_LIKE.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """``data`` (plain dicts, lists, strings and ints) as a YAML document, byte-stable."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1 << 30,  # never fold a long title over lines
        indent=2,
    )
    return text
