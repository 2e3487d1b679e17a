"""Astronomy's ``.bbl`` files: mnras.bst's links, and the journals' macros ADS's exports write.

``mnras.bst`` (Monthly Notices of the RAS) writes its own link macros, and defines them at the head
of the ``.bbl``:

- ``\\mn@doi [venue] {doi}`` prints the venue, linked to the DOI (a journal article with a DOI);
  ``\\mn@doi{doi}`` prints "doi:" and the DOI;
- ``\\mn@eprint {archive} {id}`` prints "archive:id" ("arXiv:2309.06443"; arXiv where the archive
  is empty);
- ``\\href {url} {text}`` (hyperref's, with a blank before each argument) prints the text alone:
  the volume and page linked to ADS ("\\href {https://ui.adsabs…} {814, 145}"); ``\\url {url}``
  prints the address.

A DOI the macros give is the item's DOI, though the page prints none.

A journal's macro (``\\apj``, ``\\pasp``: ADS's exports write a ``.bib``'s journal so, whatever
the style) prints the abbreviation the document's class defines, and the classes differ
(``\\apjl``: "ApJ" in mnras.cls, "ApJL" in aastex631.cls; ``data/<class>-journal-macros.json``).
The ``.bbl`` names no class: mnras.bst's is set with mnras.cls, any other with AASTeX's class,
whose own style (aasjournal.bst) and ADS's macros are AASTeX's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from bibnorm.text.word_tables import table_entries

# a venue in brackets may hold groups one level deep ("[{Journal of {C}osmology}]")
_VENUE = r"\[((?:[^\[\]{}]|\{[^{}]*\})*+)\]"
_ARGUMENT = r"\s*+\{([^{}]*)\}"
_DOI = re.compile(rf"\\mn@doi\s*+(?:{_VENUE})?{_ARGUMENT}")
_EPRINT = re.compile(rf"\\mn@eprint{_ARGUMENT}{_ARGUMENT}")
# the text of a link: groups one level deep ("{{\\tt arXiv:1610.02743}}")
_HREF = re.compile(rf"\\href{_ARGUMENT}\s*+\{{((?:[^{{}}]|\{{[^{{}}]*\}})*+)\}}")
_URL = re.compile(rf"\\url{_ARGUMENT}")
_MACRO = re.compile(r"\\([a-z]++)(?![A-Za-z@])")


_MNRAS_CLASS = "mnras"
_AASTEX_CLASS = "aastex631"


@cache
def printed_abbreviations() -> frozenset[str]:
    """The one-word journal abbreviations the astronomy classes print ("ApJL", "PhRvL", "A&A",
    "JQSRT": ADS's), which a style that prints no article title sets where a title would stand."""
    return frozenset(
        printed
        for document_class in (_AASTEX_CLASS, _MNRAS_CLASS)
        for printed in table_entries(f"{document_class}-journal-macros.json").values()
        if " " not in printed
    )


class MnrasLinks(NamedTuple):
    text: str  # the item with its links as printed
    doi: str | None  # the first DOI a link gives


def written_by_mnras(bbl: str) -> bool:
    """Whether ``bbl`` defines mnras.bst's DOI macro (it does before its first item)."""
    return "\\def\\mn@doi" in bbl


def journal_class(bbl: str) -> str:
    """The document class whose journal macros ``bbl`` prints: mnras.cls where mnras.bst wrote it,
    else AASTeX's."""
    return _MNRAS_CLASS if written_by_mnras(bbl) else _AASTEX_CLASS


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
    return MnrasLinks(text, dois[0] if dois else None)


class Journals(NamedTuple):
    text: str  # the item with its journals' macros as printed (TeX still)
    venue: str | None  # what the first journal's macro prints: the .bib's journal


def journals_as_printed(item: str, document_class: str) -> Journals:
    """``item`` (TeX) with each journal's macro as ``document_class`` prints it ("\\apjl" as "ApJL"
    in aastex631, "\\aap" as "A\\&A"); any other macro as it is."""
    macros = table_entries(f"{document_class}-journal-macros.json")  # "apj": "ApJ"
    printed: list[str] = []

    def as_printed(macro: re.Match[str]) -> str:
        if macro.group(1) not in macros:
            return macro.group()
        printed.append(macros[macro.group(1)])
        return _as_tex(printed[-1])

    text = _MACRO.sub(as_printed, item)
    return Journals(text, printed[0] if printed else None)


def _as_tex(printed: str) -> str:
    """``printed`` as TeX source, the item being rendered after ("A&A" as "A\\&A": a bare "&" is
    TeX's column separator, which the rendering drops)."""
    return printed.replace("&", "\\&")
