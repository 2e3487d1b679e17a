"""Writing dblp's XML dump format, for fixtures and benches: the fake dblp's records as a dump.

Format (dblp's FAQ "What do I find in dblp.xml?" and ``fixtures/dblp/dblp.dtd``): an
ISO-8859-1 file starting ``<?xml version="1.0" encoding="ISO-8859-1"?>`` and
``<!DOCTYPE dblp SYSTEM "dblp.dtd">``, one ``<dblp>`` root, one record per element, each
record's start tag on a line of its own and each field on its own line::

    <inproceedings mdate="2017-05-19" key="conf/spire/BastMW06">
    <author>H. Bast</author>
    <title>Output-Sensitive Autocompletion Search.</title>
    ...
    </inproceedings>

Every non-ASCII character is written as the DTD's named entity where it has one
(``&uuml;``), else as a character reference (``&#305;``), as the dump does; ``&``, ``<``
and ``>`` are escaped.

`record_xml` turns a search hit's ``info`` (the form `fakes.dblp_api.FakeDblp` serves) into
the record dblp's dump holds for it: "Conference and Workshop Papers" → ``<inproceedings>``
with ``<booktitle>``, "Journal Articles" → ``<article>`` with ``<journal>``, "Informal and
Other Publications" → ``<article publtype="informal">``, "Parts in Books or Collections" →
``<incollection>``, "Books and Theses" → ``<phdthesis>`` for ``phd/`` keys, else ``<book>``.
So an index built from `write_dump` of the fake's records holds what the fake's search finds.
"""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from html.entities import codepoint2name
from pathlib import Path
from typing import IO, Any

from paths import FIXTURES

DTD = FIXTURES / "dblp" / "dblp.dtd"
_DECLARED = re.compile(r'<!ENTITY\s+(\w+)\s+"&#(\d+);"')
# The named entities the DTD declares, by code point: the dump writes exactly these by name.
NAMED: dict[int, str] = {
    int(number): name for name, number in _DECLARED.findall(DTD.read_text(encoding="utf-8"))
}
assert set(NAMED) <= set(codepoint2name)  # the DTD's names are HTML's Latin-1 names

KINDS = {
    "Conference and Workshop Papers": ("inproceedings", "booktitle", ""),
    "Journal Articles": ("article", "journal", ""),
    "Informal and Other Publications": ("article", "journal", "informal"),
    "Parts in Books or Collections": ("incollection", "booktitle", ""),
    "Books and Theses": ("book", "", ""),
}


def escape(text: str) -> str:
    """Text as the dump writes it: ASCII, markup characters escaped, the rest as entities."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif code < 128:
            out.append(ch)
        elif code in NAMED:
            out.append(f"&{NAMED[code]};")
        else:
            out.append(f"&#{code};")
    return "".join(out)


def _values(value: Any) -> list[str]:
    """A hit's value as text; the search's HTML escapes (``&apos;``) are the API's, not the dump's."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [" ".join(_values(item)) for item in value]
    if isinstance(value, dict):
        return [html.unescape(str(value.get("text", "")))]
    return [html.unescape(str(value))]


def _authors(info: Mapping[str, Any]) -> list[str]:
    authors = (info.get("authors") or {}).get("author")
    if authors is None:
        return []
    return [
        name for author in (authors if isinstance(authors, list) else [authors]) for name in _values(author)
    ]


def element(name: str, text: str, **attributes: str) -> str:
    attrs = "".join(f' {key}="{escape(value)}"' for key, value in attributes.items() if value)
    return f"<{name}{attrs}>{escape(text)}</{name}>"


def record_xml(info: Mapping[str, Any], *, mdate: str = "2024-06-03", extra: Sequence[str] = ()) -> str:
    """The dump's record for a search hit's ``info`` (see the module docstring); ``extra`` are
    more field lines (``<crossref>…</crossref>``) placed before the record's end."""
    tag, venue_field, publtype = KINDS[str(info["type"])]
    key = str(info["key"])
    if tag == "book" and key.startswith("phd/"):
        tag = "phdthesis"
    start = (
        f'<{tag} mdate="{mdate}" key="{escape(key)}"' + (f' publtype="{publtype}"' if publtype else "") + ">"
    )
    lines = [start]
    lines += [element("author", name) for name in _authors(info)]
    lines.append(element("title", " ".join(_values(info.get("title")))))
    for name in ("pages", "year", "volume"):
        lines += [element(name, value) for value in _values(info.get(name))]
    if venue_field:
        lines += [element(venue_field, " ".join(_values(info.get("venue"))))] if info.get("venue") else []
    lines += [element("number", value) for value in _values(info.get("number"))]
    links = _values(info.get("ee"))
    if info.get("doi") and not any("doi.org/" in link for link in links):
        links.insert(0, f"https://doi.org/{info['doi']}")
    lines += [element("ee", link) for link in links]
    lines += list(extra)
    lines.append(f"</{tag}>")
    return "\n".join(lines)


def write_dump(
    records: Iterable[str], target: Path | IO[bytes], *, root_mdate: str | None = None, dtd: Path | None = DTD
) -> None:
    """Write a dump of ``records`` (`record_xml` texts) to ``target`` (gzip when it ends in .gz),
    and ``dtd`` beside it (a path target only)."""
    head = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n'
    root = f'<dblp mdate="{root_mdate}">' if root_mdate else "<dblp>"

    def write(handle: IO[bytes]) -> None:
        handle.write(f"{head}{root}\n".encode("latin-1"))
        for record in records:
            handle.write(record.encode("latin-1") + b"\n")
        handle.write(b"</dblp>\n")

    if isinstance(target, Path):
        with gzip.open(target, "wb", compresslevel=6) if target.suffix == ".gz" else target.open("wb") as out:
            write(out)
        if dtd is not None:
            (target.parent / "dblp.dtd").write_bytes(dtd.read_bytes())
    else:
        write(target)


def write_fake_dump(target: Path, *, root_mdate: str | None = None) -> None:
    """The dump of every record the fake dblp search serves by default (`fakes.dblp_api`):
    an index built from it holds what the fake's search finds."""
    from fakes.dblp_api import gold_records, sample_records

    write_dump(
        (record_xml(info) for info in sample_records() + gold_records()), target, root_mdate=root_mdate
    )
