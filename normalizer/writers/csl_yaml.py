"""CSL YAML output: the CSL-JSON items as the YAML bibliography pandoc, Quarto and Obsidian read.

The items are the CSL-JSON writer's (`bibnorm.writers.csl_json.csl_items`): one conversion,
the same fields in the same order, under a ``references`` key, between ``---`` and ``...``.
What differs is how pandoc reads text in YAML: every string is Markdown (pandoc's own ``-t
markdown`` writer escapes them so). So each string has Markdown's specials escaped (``*``,
``_``, ``[``, ``@``, ...), and CSL's rich-text markup in titles becomes Markdown's:
``<i>O</i>(<i>n</i><sup>2</sup>)`` → ``*O*(*n*^2^)``, ``<span class="nocase">3D</span>`` →
``[3D]{.nocase}``. Numbers (the date parts) stay numbers;
YAML is written by `bibnorm.writers._yaml` (ambiguous strings quoted).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bibnorm.models import Reference
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers._yaml import dump_yaml
from bibnorm.writers.csl_json import csl_items

# The characters pandoc's Markdown writer escapes in text, and a '#' too (a heading at the start).
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]`<>@~^$#])")
# A list marker at the start of a string would make pandoc read a list, not text.
_LIST_START = re.compile(r"^([-+]|[0-9]+[.)])(?= |$)")
# CSL rich text (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) the CSL-JSON
# writer produces, and its Markdown delimiters (pandoc's superscript and subscript extensions;
# the case protection is pandoc's span with class ``nocase``, as its manual writes it).
_RICH_TAG = re.compile(r'<(/?)(i|b|sup|sub|span)(?: class="nocase")?>')
_MARKDOWN_DELIMITER = {
    "i": ("*", "*"),
    "b": ("**", "**"),
    "sup": ("^", "^"),
    "sub": ("~", "~"),
    "span": ("[", "]{.nocase}"),
}


def markdown_text(value: str) -> str:
    """A CSL string as pandoc Markdown that reads back as the same text and rich-text markup."""
    out: list[str] = []
    position = 0
    scripted = 0  # inside <sup>/<sub>, where Markdown needs spaces escaped
    for match in _RICH_TAG.finditer(value):
        out.append(_escaped(value[position : match.start()], scripted > 0))
        closing, tag = match.groups()
        if tag in ("sup", "sub"):
            scripted += -1 if closing else 1
        out.append(_MARKDOWN_DELIMITER[tag][1 if closing else 0])
        position = match.end()
    out.append(_escaped(value[position:], scripted > 0))
    text = "".join(out)
    return _LIST_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)


def _escaped(text: str, scripted: bool) -> str:
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace(" ", "\\ ") if scripted else text


def _as_markdown(value: Any) -> Any:
    """Every string of a JSON-ready value as Markdown; numbers and structure unchanged."""
    if isinstance(value, str):
        return markdown_text(value)
    if isinstance(value, list):
        return [_as_markdown(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_markdown(item) for key, item in value.items()}
    return value


def csl_yaml_items(references: Sequence[tuple[str, Reference]]) -> list[dict[str, Any]]:
    """The CSL-JSON items with every string as pandoc Markdown, in the order given."""
    items: list[dict[str, Any]] = _as_markdown(csl_items(references))
    return items


def render_csl_yaml(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """A YAML document with the CSL items under ``references`` (``options``: nothing CSL needs),
    between ``---`` and ``...``: a file of its own, or a Markdown file's metadata block as is."""
    return Rendered(text="---\n" + dump_yaml({"references": csl_yaml_items(references)}) + "...\n")
