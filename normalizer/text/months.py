"""The names of the months, from the packaged ``months.json`` (read once, when first imported):
the one table of them that readers, checks and writers of dates share.

Each month has its English name ("January"), its three-letter abbreviation ("Jan", whose lower
case is BibTeX's month macro, ``jan``) and any other abbreviation references print ("Sept").
"""

from __future__ import annotations

import itertools
import json
import re
from typing import NamedTuple

from bibnorm.models import PartialDate
from bibnorm.text import data_file


class Month(NamedTuple):
    name: str  # "September"
    abbreviation: str  # "Sep": lower-cased, BibTeX's macro
    also: tuple[str, ...]  # other abbreviations, each a start of the name ("Sept")


def _read() -> tuple[Month, ...]:
    months = json.loads(data_file("months.json").read_text("utf-8"))["months"]
    return tuple(Month(one["name"], one["abbreviation"], tuple(one.get("also", ()))) for one in months)


MONTHS = _read()
# Every spelling of a month, in lower case, and its number: "jan", "sept", "january" (a
# sentence-case style prints "november 17, 2014").
_NUMBERS = {
    spelling.casefold(): number
    for number, month in enumerate(MONTHS, start=1)
    for spelling in (month.name, month.abbreviation, *month.also)
}
SPELLINGS = frozenset(_NUMBERS)
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: "November" of "4 November 2019"
# A date written year first: ISO 8601's "2021-05-03" (a timestamp's "2021-05-03T10:00:00Z"
# too), RIS's "2021/05/03/" and "2021///", BibTeX's urldate "2021-05"
_YEAR_FIRST = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?!\d)")


def month_number(text: str | None) -> int | None:
    """The month a record's month or date field names (1–12): a number ("3", "03"), a name or an
    abbreviation in any case ("March", "mar", "Sept."), a date that starts with its year and
    month ("2019-11-04", "2019/11//"), or a date in words ("4 November 2019", "November
    2019"); None for anything else."""
    if not text:
        return None
    text = text.strip()
    if text.isdigit():
        number: int | None = int(text)
    else:
        number = dated.month if (dated := year_first_date(text)) else None
    if number is None:
        number = next((_NUMBERS[w] for w in _WORD.findall(text.casefold()) if w in _NUMBERS), None)
    return number if number is not None and 1 <= number <= 12 else None


def year_first_date(text: str | None) -> PartialDate | None:
    """The date a record writes year first (`_YEAR_FIRST`), to the month and the day where it
    gives them and they are ones a calendar has; None for any other text."""
    # (blanks left out first: searched, no pattern repeats them)
    found = _YEAR_FIRST.match((text or "").lstrip())
    if found is None:
        return None
    year, month, day = found.groups()
    if not month or not 1 <= int(month) <= 12:
        return PartialDate(year=int(year))
    return PartialDate(
        year=int(year), month=int(month), day=int(day) if day and 1 <= int(day) <= 31 else None
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
