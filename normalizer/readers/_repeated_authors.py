"""A reference whose authors a style replaced by a dash: the previous reference's authors.

biblatex prints "—" for the authors of a reference by the same authors as the one before
(its ``dashed`` option, on by default in its authoryear and authortitle styles), IEEEtran
"——,", BibTeX's plain-like styles "———."; the reference's own text names nobody. Where the
dash opens a reference that no layout rule gave authors to (authortitle prints no year after
the names, so a dash cannot be told by what precedes a year), the reference takes the authors
of the reference before it, and the dash is no part of its title.

A PDF's geometry writes the names in place of a dash or a rule where the line before printed
them before its year (`names_before_year`: "Knuth, Donald E. (1984–1986a)", econ's "Abadie,
Alberto and Guido Imbens, 2006."); an author-title line prints its title and more before a
year ("Aristotle. De Anima. Ed. by Robert Drew Hicks. Cambridge: …, 1907"), none of it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.models import Query

_DASH = re.compile(r"^\s*(?:[—–]{1,3}|-{2,3})[.,]?\s+")


def with_repeated_authors(queries: Sequence[Query]) -> list[Query]:
    """``queries``, each that opens with a dash for its authors given the previous one's."""
    resolved: list[Query] = []
    for query in queries:
        if resolved and _DASH.match(query.raw or "") and _names_nobody(query):
            previous = resolved[-1]
            update: dict[str, object] = {"authors": previous.authors, "author_names": previous.author_names}
            if query.title and _DASH.match(query.title):
                update["title"] = _DASH.sub("", query.title, count=1)
            query = query.model_copy(update=update)
        resolved.append(query)
    return resolved


def dash_as_names(text: str) -> str:
    """``text`` with a dash that opens it for the names written as a name, so that it reads as
    a reference by its form (names, a year, a title) as the reference it stands for does."""
    return _DASH.sub("Anonymous. ", text, count=1)


def first_line(text: str, dash_end: int | None, names: str) -> tuple[str, str]:
    """A reference's first line as the reader takes it, the ``names`` of the reference before
    it in place of its dash or rule (which ends at ``dash_end``, ``None`` for no dash); and the
    names a dash after it stands for. A rule's text opens with the names' own punctuation
    (biblatex-chicago's ". 2011. Gems and Jewels")."""
    if dash_end is None:
        return text, names_before_year(text)
    rest = text[dash_end:]
    if not names:
        return text, names
    if rest.startswith((".", ",")):
        return f"{names.rstrip(' .,')}{rest}", names
    return f"{names.rstrip()} {rest}", names


def names_before_year(line: str) -> str:
    """The names a reference's first ``line`` prints before its year, or "" where no year
    follows the names at once: what comes before the year holds a digit, a colon or a
    sentence's end after a word ("Kullback, Solomon. Information Theory …, 1997")."""
    found = _BEFORE_YEAR.match(line)
    names = found.group("names") if found else ""
    if (
        not names
        or _DASH.match(names)
        or re.search(r"[\d:]", names)
        or _SENTENCE_END.search(names.rstrip(" .,("))
    ):
        return ""
    return names


_BEFORE_YEAR = re.compile(r"^(?P<names>.+?[\s,.]*)\(?(?:1[5-9]|20)\d{2}[a-z]?\b")
# A word's period then more ("Solomon. Information"); "et al.", "eds." and initials ("E.") end no sentence.
_SENTENCE_END = re.compile(r"(?<![^\W\d_])(?!(?:al|eds|Eds|Jr|Sr)\.)[^\W\d_]{2,}\.\s")


def _names_nobody(query: Query) -> bool:
    """No author read, or only the dash read as one ("—", "— Des Averroës Abhandlung")."""
    return not query.authors or _DASH.match(query.authors[0] + " ") is not None
