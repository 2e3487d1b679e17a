"""A reference whose authors a style replaced by a dash: the previous reference's authors.

biblatex prints "—" for the authors of a reference by the same authors as the one before
(its ``dashed`` option, on by default in its authoryear and authortitle styles), IEEEtran
"——,", BibTeX's plain-like styles "———."; the reference's own text names nobody. Where the
dash opens a reference that no layout rule gave authors to (authortitle prints no year after
the names, so a dash cannot be told by what precedes a year), the reference takes the authors
of the reference before it, and the dash is no part of its title.

econ-bst draws its dash as a rule, no text at all, and in a numbered list (econ-numbers) no
indent shows it either: "[54] ed. (2009) Mainstreaming Sex …", "[60] (2003) “Correlation, …”".
A reference that opens with its year or its editors' mark and names nobody is one by the
previous reference's authors too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.models import Query

_DASH = re.compile(r"^\s*(?:[—–]{1,3}|-{2,3})[.,]?\s+")
_YEAR = r"\((?:1[5-9]|20)\d{2}[a-z]?\)"
_RULED = re.compile(rf"^\s*(?:{_YEAR}|\(?[Ee]ds?\.\)?,?\s+{_YEAR})\s")  # "(2003) “…", "ed. (2009) …"


def with_repeated_authors(queries: Sequence[Query]) -> list[Query]:
    """``queries``, each that opens with a dash for its authors given the previous one's."""
    resolved: list[Query] = []
    for query in queries:
        dashed = _DASH.match(query.raw or "") or _RULED.match(query.raw or "")
        if resolved and dashed and _names_nobody(query):
            previous = resolved[-1]
            update: dict[str, object] = {"authors": previous.authors, "author_names": previous.author_names}
            if query.title and _DASH.match(query.title):
                update["title"] = _DASH.sub("", query.title, count=1)
            query = query.model_copy(update=update)
        resolved.append(query)
    return resolved


def _names_nobody(query: Query) -> bool:
    """No author read, or only the dash read as one ("—", "— Des Averroës Abhandlung")."""
    return not query.authors or _DASH.match(query.authors[0] + " ") is not None
