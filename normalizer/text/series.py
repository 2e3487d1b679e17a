"""One spelling per book series that proceedings appear in: PMLR, LNCS, CEUR.

A paper published in proceedings that are a volume of a series is cited with the series and
its volume ("volume 37 of Proceedings of Machine Learning Research"). Sources spell a series
several ways — dblp's proceedings records say "JMLR Workshop and Conference Proceedings" for
the volumes PMLR published under its earlier name, with the same numbers — and some name it
only through a link (``https://proceedings.mlr.press/v37/xuc15.html`` is PMLR volume 37).

The table is a data file, ``normalizer/data/series.json``: one object per series with ``name``
(what is printed), ``short``, ``publisher`` (the series' own imprint, printed instead of a
source's spelling of it), ``aliases`` and ``links`` (regular expressions whose first group is
the volume). Unknown series are not guessed: `find_series` returns ``None``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from bibnorm.text import data_file
from bibnorm.text.venues import venue_key


@dataclass(frozen=True)
class Series:
    """A book series with its printed name and publisher."""

    name: str
    short: str
    publisher: str
    aliases: tuple[str, ...] = ()
    links: tuple[re.Pattern[str], ...] = ()


@cache
def series_table() -> tuple[Series, ...]:
    """Every series of ``normalizer/data/series.json``, read once."""
    rows = json.loads(data_file("series.json").read_text("utf-8"))
    return tuple(map(_series, rows))


def _series(row: dict[str, Any]) -> Series:
    links = tuple(re.compile(pattern, re.IGNORECASE) for pattern in row.get("links", ()))
    return Series(row["name"], row["short"], row["publisher"], tuple(row.get("aliases", ())), links)


def _spelling_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold().replace("&", " and ")).split())


@cache
def _by(key: Callable[[str], str]) -> dict[str, Series]:
    """Every series under ``key`` of each of its spellings."""
    return {
        key(spelling): series
        for series in series_table()
        for spelling in (series.name, series.short, *series.aliases)
    }


def find_series(text: str | None) -> Series | None:
    """The table's series for a spelling (case, punctuation and "&"/"and" aside), else ``None``."""
    if not text or not text.strip():
        return None
    return _by(venue_key).get(venue_key(text))


def named_series(text: str | None) -> Series | None:
    """The table's series when ``text`` is one of its spellings as a whole (case and punctuation
    aside), else ``None``: for a source's venue field, where "JMLR 25" is the journal and not
    the series that "JMLR Proceedings" names (`find_series`, which compares venue keys, takes
    both for PMLR)."""
    if not text or not text.strip():
        return None
    return _by(_spelling_key).get(_spelling_key(text))


def series_of_link(url: str | None) -> tuple[Series, str] | None:
    """(series, volume) a link names ("https://proceedings.mlr.press/v37/…" → PMLR, "37"), else ``None``."""
    if not url:
        return None
    for series in series_table():
        for pattern in series.links:
            match = pattern.match(url.strip())
            if match:
                return series, match.group(1)
    return None
