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

In a hanging-indent list (`bibnorm.readers.pdf` splits it by its geometry) the dash or rule
also tells where such a reference starts (`reference_start`): a line set further in than the
wrapped lines with no author before its year (econ's rule), or AER's rule as wide as the indent,
after which a line opens with ", More Names", ", , and , “Title”" or, a space further in, with
"and Name"; the reference's first line then has the previous names written in (`first_line`).
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


# In a hanging-indent list (`bibnorm.readers.pdf`): the line a dash or a rule opens.
def reference_start(text: str, em: float, flush: bool, continued: float) -> tuple[bool, re.Match[str] | None]:
    """Whether a line starts a reference, and the dash or rule that stands for its authors: a
    flush line starts one; so does one set further in than the continuations with no author
    before its year."""
    dashed = _REPEATED_AUTHORS.match(text)
    if not flush and em >= continued + _DASH_EMS and _AUTHORLESS.match(text):
        return True, dashed or _NOTHING.match(text)  # a rule, not text: nothing to drop
    # AER's rule is as wide as the indent: a comma right after it, or a space and "and" further in;
    # the names it leaves blank are written in by `_ref_elided` (the year comes after the title)
    if not flush and (_RULE_THEN_NAMES.match(text) or (em >= continued + _SPACE_EMS and _AND.match(text))):
        return True, None
    return flush, dashed


def first_line(text: str, dashed: re.Match[str] | None, authors: str) -> tuple[str, str]:
    """A reference's first line, the previous reference's authors in place of its dash; and
    the authors a dashed reference after it stands for."""
    if dashed is not None and authors:
        return f"{authors.rstrip()} {text[dashed.end() :]}", authors
    before_year = _BEFORE_YEAR.match(text)
    return text, before_year.group("authors") if before_year else ""


_DASH_EMS = 1.5  # a reference's first line set this much further in than its continuations
_REPEATED_AUTHORS = re.compile(r"^\s*[—–-]{1,3}[.,]?\s*")  # biblatex's "—", bibtex's "———."
_AUTHORLESS = re.compile(r"^\s*(?:[—–-]{1,3}[.,]?\s*|\(?(?:1[5-9]|20)\d{2}[a-z]?\)?|[Ee]ds?\.|\([Ee]d)")
_NOTHING = re.compile("")
# After a rule for the repeated names: more names or the title (", Simon Johnson, and …", ", “Title"),
# which a wrapped line never opens with; an empty volume's ", 1079–1089." does.
_RULE_THEN_NAMES = re.compile(r"^,\s*(?:[A-Z“‘\"]|and\s|,)")
_AND = re.compile(r"^and\s+(?:[A-Z]|,)")  # "and Colin Stirling, …", "and , “Handlers …"
_SPACE_EMS = 0.25  # a space: a line after a rule as wide as the indent starts this much further in
# the names a rule after them stands for, without their editors' mark ("Jones, R. W., (Eds.), 1984.")
_BEFORE_YEAR = re.compile(r"^(?P<authors>.+?[\s,.]*)(?:\(?[Ee]ds?\.\)?[\s,.]*)?\(?(?:1[5-9]|20)\d{2}[a-z]?\b")
