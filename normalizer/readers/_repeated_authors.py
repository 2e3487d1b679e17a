"""A reference whose authors a style replaced by a dash: the previous reference's authors.

biblatex prints "—" for the authors of a reference by the same authors as the one before
(its ``dashed`` option, on by default in its authoryear and authortitle styles), IEEEtran
"——,", BibTeX's plain-like styles "———."; the reference's own text names nobody. Where the
dash opens a reference that no layout rule gave authors to (authortitle prints no year after
the names, so a dash cannot be told by what precedes a year), the reference takes the authors
of the reference before it, and the dash is no part of its title.
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


def _names_nobody(query: Query) -> bool:
    """No author read, or only the dash read as one ("—", "— Des Averroës Abhandlung")."""
    return not query.authors or _DASH.match(query.authors[0] + " ") is not None
