"""The links of Monthly Notices of the RAS's ``.bbl`` (``mnras.bst``), as the page prints them.

``mnras.bst`` writes its own link macros, and defines them at the head of the ``.bbl``:

- ``\\mn@doi [venue] {doi}`` prints the venue, linked to the DOI (a journal article with a DOI);
  ``\\mn@doi{doi}`` prints "doi:" and the DOI;
- ``\\mn@eprint {archive} {id}`` prints "archive:id" ("arXiv:2309.06443"; arXiv where the archive
  is empty);
- ``\\href {url} {text}`` (hyperref's, with a blank before each argument) prints the text alone:
  the volume and page linked to ADS ("\\href {https://ui.adsabs…} {814, 145}"); ``\\url {url}``
  prints the address.

- a journal's macro (``\\apj``, ``\\mnras``: ADS's exports write the journal so) prints its
  abbreviation as mnras.cls defines it ("ApJ", "MNRAS"; ``data/mnras-journal-macros.json``).

A DOI the macros give is the item's DOI, though the page prints none.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import NamedTuple

from bibnorm.text import data_file

# a venue in brackets may hold groups one level deep ("[{Journal of {C}osmology}]")
_VENUE = r"\[((?:[^\[\]{}]|\{[^{}]*\})*+)\]"
_ARGUMENT = r"\s*+\{([^{}]*)\}"
_DOI = re.compile(rf"\\mn@doi\s*+(?:{_VENUE})?{_ARGUMENT}")
_EPRINT = re.compile(rf"\\mn@eprint{_ARGUMENT}{_ARGUMENT}")
# the text of a link: groups one level deep ("{{\\tt arXiv:1610.02743}}")
_HREF = re.compile(rf"\\href{_ARGUMENT}\s*+\{{((?:[^{{}}]|\{{[^{{}}]*\}})*+)\}}")
_URL = re.compile(rf"\\url{_ARGUMENT}")
_MACRO = re.compile(r"\\([a-z]++)(?![A-Za-z@])")


@cache
def _journal_macros() -> dict[str, str]:
    """mnras.cls's journal macros and what each prints ("apj": "ApJ")."""
    macros: dict[str, str] = json.loads(data_file("mnras-journal-macros.json").read_text("utf-8"))
    return macros


class MnrasLinks(NamedTuple):
    text: str  # the item with its links as printed
    doi: str | None  # the first DOI a link gives


def written_by_mnras(bbl: str) -> bool:
    """Whether ``bbl`` defines mnras.bst's DOI macro (it does before its first item)."""
    return "\\def\\mn@doi" in bbl


def mnras_links(item: str) -> MnrasLinks:
    """``item`` (one ``\\bibitem``'s text) with mnras.bst's link macros as the page prints them."""
    dois: list[str] = []

    def doi_as_printed(found: re.Match[str]) -> str:
        dois.append(found.group(2).strip())
        return found.group(1) if found.group(1) is not None else f"doi:{found.group(2).strip()}"

    text = _DOI.sub(doi_as_printed, item)
    text = _EPRINT.sub(lambda found: f"{found.group(1).strip() or 'arXiv'}:{found.group(2).strip()}", text)
    text = _HREF.sub(lambda found: found.group(2), text)
    text = _URL.sub(lambda found: found.group(1), text)
    text = _MACRO.sub(_journal, text)
    return MnrasLinks(text, dois[0] if dois else None)


def _journal(macro: re.Match[str]) -> str:
    """A journal's macro as mnras.cls prints it; any other macro as it is."""
    return _journal_macros().get(macro.group(1), macro.group())
