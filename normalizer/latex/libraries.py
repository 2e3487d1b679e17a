"""The bibliography formats a draft may name, and how new entries are added to each without
rewriting the entries already there.

==========  ==================  ==============================================================
format      read for its keys   new entries
==========  ==================  ==============================================================
bibtex      every entry's key   appended after the text (`append_text`): every byte kept
csl-json    each item's ``id``  inserted before the array's closing ``]``: every existing
                                item keeps its bytes; a ``,`` follows the last one, and the
                                blank space between it and ``]`` becomes one line break
csl-yaml    ``references[].id`` inserted after the last item of the ``references`` list, at its
                                indentation: every other line kept byte for byte
hayagriva   the top-level keys  inserted after the last entry, before any ``...``/comment that
                                ends the file: every other line kept byte for byte
==========  ==================  ==============================================================

A JSON or YAML file bibnorm cannot read (or whose list is written in flow style, ``[...]``) is
refused with one line rather than guessed at; after the insertion the file is read again and
must hold every old item unchanged followed by the new ones, or nothing is written
(`SafetyError`). `format_of` decides a file's format: by suffix, YAML files by content (a
``references`` list is CSL YAML) or, when empty or new, by what the draft's tool reads
(Typst: Hayagriva; pandoc, Quarto, MyST: CSL YAML).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

import yaml
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.errors import InputError, SafetyError

__all__ = [
    "LIBRARY_FORMATS",
    "LibraryFormat",
    "ListedKey",
    "append_text",
    "format_of",
]


@dataclass(frozen=True)
class ListedKey:
    """One entry a bibliography file holds: its key and the 1-based line it starts on."""

    key: str
    line: int


@dataclass(frozen=True)
class LibraryFormat:
    """A bibliography format: which writers render its entries, how its keys are read and how
    new entries join the existing text."""

    name: str
    writers: tuple[str, ...]  # the first is the default
    listed: Callable[[str, str], list[ListedKey]]  # (text, path) -> its entries
    insert: Callable[[str, str], str]  # (original, the writer's text for the new entries) -> merged

    def keys(self, text: str, path: str = "") -> frozenset[str]:
        return frozenset(listed.key for listed in self.listed(text, path))


# --------------------------------------------------------------------------- BibTeX


def append_text(original: str, rendered: str) -> str:
    """``original`` untouched, then ``rendered`` (a blank line between them, the original's
    line breaks, CRLF or LF, throughout)."""
    newline = "\r\n" if "\r\n" in original else "\n"  # keep a CRLF file CRLF throughout
    rendered = rendered.strip("\n").replace("\n", newline)
    separator = "" if not original.strip() else (newline if original.endswith("\n") else newline * 2)
    return original + separator + rendered + newline


def _bibtex_listed(text: str, path: str) -> list[ListedKey]:
    return [ListedKey(entry.key, entry.line) for entry in parse_bibtex(text, path).entries]


# --------------------------------------------------------------------------- CSL-JSON


def _json_items(text: str, path: str) -> list[Any]:
    if not text.strip():
        return []
    try:
        value = json.loads(text.removeprefix("\ufeff"))  # a byte-order mark is kept, not read
    except ValueError as error:
        raise InputError(f"{path}: not CSL-JSON ({error}); new entries cannot be added safely") from None
    if not isinstance(value, list):
        raise InputError(f"{path}: not CSL-JSON (not a list of items); new entries cannot be added safely")
    return value


def _json_listed(text: str, path: str) -> list[ListedKey]:
    out = []
    cursor = 0
    for item in _json_items(text, path):
        key = item.get("id") if isinstance(item, dict) else None
        if not isinstance(key, str | int):
            continue
        found = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(key, ensure_ascii=False)), text[cursor:])
        line = 1
        if found:
            line = text.count("\n", 0, cursor + found.start()) + 1
            cursor += found.end()
        out.append(ListedKey(str(key), line))
    return out


def _json_insert(original: str, rendered: str) -> str:
    old = _json_items(original, "the bibliography")
    if not old:
        return rendered
    newline = "\r\n" if "\r\n" in original else "\n"
    inner = rendered.strip().removeprefix("[").removesuffix("]").strip("\r\n")
    closing = original.rstrip().rfind("]")
    head = original[:closing].rstrip()
    merged = head + "," + newline + inner.replace("\n", newline) + newline + original[closing:]
    _refuse_changed(old, _json_items(merged, "the merged bibliography"), rendered)
    return merged


def _refuse_changed(old: list[Any], merged: list[Any], rendered: str) -> None:
    if merged[: len(old)] != old or len(merged) <= len(old):
        raise SafetyError("refusing to write: the existing entries would change (nothing was written)")


# --------------------------------------------------------------------------- YAML (CSL YAML, Hayagriva)


def _compose(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0] if str(error) else "cannot be read"
        raise InputError(f"{path}: not YAML ({first}); new entries cannot be added safely") from None


def _references_node(root: yaml.Node | None) -> yaml.SequenceNode | None:
    """CSL YAML's list of items: the ``references`` value, or a list at the top."""
    if isinstance(root, yaml.SequenceNode):
        return root
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "references":
                return value if isinstance(value, yaml.SequenceNode) else None
    return None


def _csl_yaml_listed(text: str, path: str) -> list[ListedKey]:
    items = _references_node(_compose(text, path))
    out = []
    for item in items.value if items is not None else ():
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if (
                    isinstance(key, yaml.ScalarNode)
                    and key.value == "id"
                    and isinstance(value, yaml.ScalarNode)
                ):
                    out.append(ListedKey(value.value, item.start_mark.line + 1))
    return out


def _hayagriva_listed(text: str, path: str) -> list[ListedKey]:
    root = _compose(text, path)
    if not isinstance(root, yaml.MappingNode):
        return []
    return [
        ListedKey(key.value, key.start_mark.line + 1)
        for key, _ in root.value
        if isinstance(key, yaml.ScalarNode)
    ]


def _last_line_end(text: str, node: yaml.Node) -> int:
    """Offset just after the line break ending the last line of ``node``'s own content."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return end  # a block scalar's end is already the start of the line after it
    found = text.find("\n", end)
    return len(text) if found == -1 else found + 1


def _yaml_insert(original: str, container: yaml.Node | None, items_text: str, what: str) -> str:
    """``items_text`` (block-style YAML at column 0) inserted after ``container``'s last item, at
    its column."""
    if container is None or getattr(container, "flow_style", False) or not container.value:
        raise InputError(
            f"the bibliography's {what} is empty or written in flow style ([...], {{...}}); new entries"
            " cannot be added without rewriting it (write it in block style, one item a line)"
        )
    column = container.start_mark.column
    newline = "\r\n" if "\r\n" in original else "\n"
    indented = "".join(
        (" " * column + line if line.strip() else line) + newline
        for line in items_text.strip("\n").split("\n")
    )
    at = _last_line_end(original, container)
    head = original[:at]
    if not head.endswith("\n"):
        head += newline
    return head + indented + original[at:]


def _csl_yaml_insert(original: str, rendered: str) -> str:
    if not original.strip():
        return rendered
    container = _references_node(_compose(original, "the bibliography"))
    new = yaml.safe_load(rendered)["references"]
    old = yaml.safe_load(original)
    items_text = rendered.split("references:", 1)[1].rsplit("\n...", 1)[0]
    merged = _yaml_insert(original, container, items_text, "list")
    after = yaml.safe_load(merged)
    old_items = old["references"] if isinstance(old, dict) else old
    new_items = after["references"] if isinstance(after, dict) else after
    _refuse_changed(old_items, new_items, rendered)
    if new_items[len(old_items) :] != new:
        raise SafetyError(
            "refusing to write: the new entries would not read back as written (nothing was written)"
        )
    return merged


def _hayagriva_insert(original: str, rendered: str) -> str:
    if not original.strip():
        return rendered
    root = _compose(original, "the bibliography")
    old = yaml.safe_load(original)
    body = rendered.removeprefix("---\n").rsplit("\n...", 1)[0]
    merged = _yaml_insert(original, root, body, "mapping")
    after = yaml.safe_load(merged)
    if not isinstance(after, dict) or any(after.get(key) != value for key, value in old.items()):
        raise SafetyError("refusing to write: the existing entries would change (nothing was written)")
    if len(after) <= len(old):
        raise SafetyError("refusing to write: a new entry's key is already in the file (nothing was written)")
    return merged


LIBRARY_FORMATS = MappingProxyType(
    {
        "bibtex": LibraryFormat("bibtex", ("bibtex", "biblatex"), _bibtex_listed, append_text),
        "csl-json": LibraryFormat("csl-json", ("csl-json",), _json_listed, _json_insert),
        "csl-yaml": LibraryFormat("csl-yaml", ("csl-yaml",), _csl_yaml_listed, _csl_yaml_insert),
        "hayagriva": LibraryFormat("hayagriva", ("hayagriva",), _hayagriva_listed, _hayagriva_insert),
    }
)
"""Every bibliography format a draft's entries can be added to, by name."""

LIBRARY_SUFFIXES = MappingProxyType({".bib": "bibtex", ".json": "csl-json", ".yaml": "yaml", ".yml": "yaml"})
"""What a bibliography's suffix says it is (``yaml``: CSL YAML or Hayagriva, decided by `format_of`)."""


def format_of(path: str, text: str, yaml_format: str) -> LibraryFormat | None:
    """The format of the bibliography ``path`` holding ``text``; ``yaml_format`` is the YAML
    format the draft's tool reads (when the text does not say). None: no format of ours."""
    kind = LIBRARY_SUFFIXES.get(PurePath(path).suffix.lower())
    if kind != "yaml":
        return None if kind is None else LIBRARY_FORMATS[kind]
    if text.strip():
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            root = None
        if root is not None:
            return LIBRARY_FORMATS["csl-yaml" if _references_node(root) is not None else "hayagriva"]
    return LIBRARY_FORMATS[yaml_format]
