"""The names of the months, from the packaged ``months.json`` (read once, when first imported):
the one table of them that readers, checks and writers of dates share.

Each month has its English name ("January"), its three-letter abbreviation ("Jan", whose lower
case is BibTeX's month macro, ``jan``) and any other abbreviation references print ("Sept").
"""

from __future__ import annotations

import itertools
import json
from typing import NamedTuple

from bibnorm.text import data_file


class Month(NamedTuple):
    name: str  # "September"
    abbreviation: str  # "Sep": lower-cased, BibTeX's macro
    also: tuple[str, ...]  # other abbreviations, each a start of the name ("Sept")


def _read() -> tuple[Month, ...]:
    months = json.loads(data_file("months.json").read_text("utf-8"))["months"]
    return tuple(Month(one["name"], one["abbreviation"], tuple(one.get("also", ()))) for one in months)


MONTHS = _read()
# Every spelling of a month, in lower case: "jan", "sept", "january" (a sentence-case style prints
# "november 17, 2014").
SPELLINGS = frozenset(
    spelling.casefold() for month in MONTHS for spelling in (month.name, month.abbreviation, *month.also)
)


def _spelling(month: Month) -> str:
    """A pattern of the month's abbreviations and name, each a start of the next: "Sep(?:t(?:ember)?)?"."""
    spellings = sorted({month.abbreviation, *month.also, month.name}, key=len)
    pattern = ""
    for shorter, longer in reversed(list(itertools.pairwise(spellings))):
        pattern = f"(?:{longer[len(shorter) :]}{pattern})?"
    return spellings[0] + pattern


# A month as a pattern, named or abbreviated (case as printed): "Jan(?:uary)?|…|May|Jun(?:e)?|…".
ANY_SPELLING = "(?:" + "|".join(_spelling(month) for month in MONTHS) + ")"
