"""apacite's ``.bbl`` (APA author-year with bibtex): its items are written with macros of its own
that the text of an item must be rendered from, as apacite prints them.

- ``\\APACrefatitle {As Given} {As printed}`` (and ``\\APACrefbtitle`` for a book's or a
  proceedings' title) holds a title twice, as the ``.bib`` gives it and in sentence case: the
  text holds the first, once, and the work's title is the article's, else the book's (the
  markup says where it ends: "What do Democrats do in their Spare Time? Latent Interest
  Detection …" is one title);
- ``\\APACrefYearMonthDay{2011}{}{}`` and ``\\APACrefYear{2011}`` are the date in parentheses
  ("(2011)", "(2014, October 8)"), ``\\bibnodate`` is "n.d.", ``\\APACexlab{{\\BCnt{1}}}`` the
  letter of a second work of a year ("2016a");
- ``\\APACjournalVolNumPages{Journal}{12}{3}{45--67}`` is "Journal, 12(3), 45--67";
- ``\\APACinsertmetastar{key}`` (a meta-analysis' asterisk) and ``\\PrintBackRefs{…}`` print no
  text of the reference;
- the words apacite sets by macro: ``\\BBA`` "&", ``\\BOthers`` "et al.", ``\\BIn`` "In",
  ``\\BPGS`` "pp.", ``\\BED`` "Ed." (an editor; ``\\BEd`` "ed." is an edition) and the like, as
  apacite.sty 6.03 defines them (``normalizer/data/apacite-words.json``); ``\\BBOQ``/``\\BBCQ``
  (quotes APA does not print), ``\\BCBT``/``\\BCBL`` (commas in a name list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bibnorm.readers._bbl_bibinfo import braced
from bibnorm.text.titles import plain_text
from bibnorm.text.word_tables import table_entries

_DROPPED = re.compile(r"\\(?:APACinsertmetastar|PrintBackRefs)\s*\{[^{}]*\}|\\(?:BBOQ|BBCQ)\b\s*(?:\{\})?")
_TWICE = re.compile(r"\\APACref(?P<which>[ab])title\s*\{")  # then its two arguments, any braces within
_ARGUMENT = r"\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}"  # two levels of braces within
_DATE = re.compile(rf"\\APACrefYear(?:MonthDay)?\s*{_ARGUMENT}(?:\s*{_ARGUMENT}\s*{_ARGUMENT})?")
_JOURNAL = re.compile(
    r"\\APACjournalVolNumPages\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{([^{}]*)\}\s*\{([^{}]*)\}\s*\{([^{}]*)\}"
)
_MARKUP = re.compile(r"\\protect\b|[{}]")
_COUNTER = re.compile(r"(?:\\protect\s*)?\\BCnt\s*\{(\d+)\}")
_WORDS = table_entries("apacite-words.json")  # apacite.sty 6.03's words by macro: "BBA": "\\&", "BPGS": "pp."
_WORD = re.compile(
    r"(?:\\protect\s*)?\\(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])\s*(?:\{\})?"
)


@dataclass(frozen=True)
class ApaciteItem:
    text: str  # the item with apacite's macros rendered (LaTeX still in it)
    title: str | None  # the work's title, from its markup
    year: int | None  # from its date's markup: none for "n.d." (a year in the title is no date)


def read_apacite(block: str) -> ApaciteItem | None:
    """An apacite item's text and title (see the module docstring); None for another style's."""
    if "\\APACref" not in block and "\\APACinsertmetastar" not in block:
        return None
    titles: dict[str, str] = {}
    for which, as_given, _, _ in _titles(block):
        titles.setdefault(which, as_given)
    title = titles.get("a") or titles.get("b")
    date = _DATE.search(_words(block))
    year = re.search(r"\b\d{4}\b", date.group(1)) if date else None
    return ApaciteItem(
        _text(block),
        plain_text(title).rstrip(".") if title else None,  # its whitespace collapsed
        int(year.group()) if year else None,
    )


def _titles(block: str) -> list[tuple[str, str, int, int]]:
    """Each ``\\APACref[ab]title {As Given} {As printed}``: which, the title as given, and where
    the macro starts and ends in ``block``."""
    found = []
    at = 0
    while (opening := _TWICE.search(block, at)) is not None:
        at = opening.end()
        as_given = braced(block, at)
        if as_given is None:
            continue
        second = at + len(as_given) + 1
        second += len(block[second:]) - len(block[second:].lstrip())
        printed = braced(block, second + 1) if block.startswith("{", second) else None
        if printed is None:
            continue
        at = second + len(printed) + 2
        found.append((opening.group("which"), as_given, opening.start(), at))
    return found


def _words(block: str) -> str:
    block = _COUNTER.sub(lambda m: chr(ord("a") + int(m.group(1)) - 1), block)
    return _WORD.sub(lambda m: _WORDS[m.group(1)], block)


def _text(block: str) -> str:
    block = _DROPPED.sub("", block)
    for _, as_given, start, end in reversed(_titles(block)):
        block = block[:start] + as_given + block[end:]
    block = _words(block)
    block = _DATE.sub(_date, block)
    return _JOURNAL.sub(_journal, block)


def _date(match: re.Match[str]) -> str:
    year, month, day = (_MARKUP.sub("", part).strip() if part else "" for part in match.groups())
    return f"({year}{', ' + month if month else ''}{' ' + day if day else ''})"


def _journal(match: re.Match[str]) -> str:
    journal, volume, number, pages = (part.strip() for part in match.groups())
    issue = f"({number})" if number else ""
    return ", ".join(part for part in (journal, f"{volume}{issue}", pages) if part)
