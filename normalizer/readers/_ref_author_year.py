"""Author-year lists with hanging indents (econ, economic's journals, Harvard ``agsm``,
elsarticle's author-year): what their styles print around the names and the title.
"""

from __future__ import annotations

import re

from bibnorm.readers.refs import looks_like_names

# What may stand before a book's title besides its names: a label ("[12] "), the names a style
# leaves blank or dashes because they repeat the previous reference's (econ's ", , & ,", "—."),
# the editors' mark and the year ("Attwood, Feona ed. (2010)", "Jones, R. W., eds. , 1997.").
_LABEL = re.compile(r"^\s*\[[^\]]{1,20}\]\s*")
_BLANK_NAMES = re.compile(r"^(?:\s*(?:[—–]{1,3}|-{2,3})\.?|\s*(?:,\s*&|,|&))*\s*")
_YEAR_OR_EDITORS = re.compile(
    r"(?:[\s,.]*(?:\(?(?:1[5-9]|20)\d{2}[a-z]?\)?|\(?\b[Ee]ds?\.?\)?|\b[Ee]ditors?|Forthcoming))+[\s,.:]*$"
)


def names_before(prefix: str) -> bool:
    """Whether ``prefix`` (a reference's text before its title) holds only names as the
    style prints them, or the blanks and dashes standing for the previous reference's."""
    rest = _YEAR_OR_EDITORS.sub("", _BLANK_NAMES.sub("", _LABEL.sub("", prefix), count=1))
    rest = rest.strip(" ,.:;")
    return not rest or looks_like_names(rest)


def book_title_run(before: str, run: str, after: str, *, ends_title: bool) -> bool:
    """Whether an italic ``run`` with ``before`` and ``after`` it is a book's title after its
    names: only names before it (a run that opens the reference is `_italic_titles`' own case),
    and a separator on each side (a comma, a period, a colon or a year's parenthesis) — an
    italic word inside a title (a species, "Modéliser & *simuler*") has none; on the right, the
    end of the title read (``ends_title``) is one too (econ's "*Title* Ph.D. dissertation")."""
    return (
        bool(before.strip() and _BEFORE_TITLE.search(before))
        and (ends_title or bool(_AFTER_TITLE.search(run) or _AFTER_TITLE.match(after)))
        and names_before(before)
    )


_BEFORE_TITLE = re.compile(r"(?:^|[,.:;)])\s*$")
_AFTER_TITLE = re.compile(r"[,.:;]\s*$|^\s*(?:[,.:;(]|$)")
