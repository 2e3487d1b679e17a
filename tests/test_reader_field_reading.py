"""The title, first author and year the reader of a PDF's reference list reads, on items real
PDFs printed (`fixtures/pdf/items/field-reading.jsonl`, with the italic runs the page sets in
each): ACS's italic journal after an upright title, which the rules read as the title; a title
with a part's number after a period, which the rules cut there and the tagger reads whole; an
author list closed by "and et al.", whose end the rules read as the title; acmart's "[n.d.]"
in the year's place; a journal's name after a title's period, which the tagger may read
into the title and the rules do not; and amsplain's italic title before a link ("*Title*,
https://arxiv.org/abs/…"), whose scheme after the comma is no small word of the title going on."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bibnorm.models import Origin
from bibnorm.readers._italic_titles import queries_with_italic_titles
from bibnorm.readers._reflist import Item, Layout, ReferenceList
from misreadings import misread
from paths import FIXTURES

ROWS = [
    json.loads(line) for line in (FIXTURES / "pdf" / "items" / "field-reading.jsonl").open(encoding="utf-8")
]


# rows the shipped network reads wrong (tests/misreadings.py), by id: none since the reader keeps a
# part's Roman numeral and its title between periods ("Planck 2015 results. XIII. Cosmological
# parameters", which the network ends before the numeral)
MISREAD: dict[str, str] = {}


def _row_param(row: dict[str, Any]) -> Any:
    name = f"{row['why']}-{row['printed'][:24]}"
    return pytest.param(row, id=name, marks=[misread(MISREAD[name])] if name in MISREAD else [])


@pytest.mark.parametrize("row", [_row_param(row) for row in ROWS])
def test_a_printed_items_title_first_author_and_year(row: dict[str, Any]) -> None:
    references = ReferenceList(Layout.NUMBERED, [Item(1, row["printed"], "1")])
    (query,) = queries_with_italic_titles(
        references, [row["italic"]], lambda line: Origin(path="x.pdf", line=line)
    )
    assert query.title == row["title"]
    assert query.year == row["year"]
    if row["first_author"] is None:  # a work without names: none read
        assert query.authors == ()
    else:
        assert row["first_author"].casefold() in query.authors[0].casefold()
