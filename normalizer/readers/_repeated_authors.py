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
wrapped lines with no author before its year (econ's rule; biblatex-chicago's 3-em rule, whose
line opens with the names' own punctuation: ". 2011. Gems and Jewels"), or AER's rule as wide as
the indent, after which a line opens with ", More Names", ", , and , “Title”" or, a space further
in, with "and Name". The reference's first line then has the previous names written in
(`first_line`) where the line before printed them before its year (`names_before_year`: "Knuth,
Donald E. (1984–1986a)", econ's "Abadie, Alberto and Guido Imbens, 2006."); an author-title
line prints its title and more before a year ("Aristotle. De Anima. Ed. by Robert Drew Hicks.
Cambridge: …, 1907"), none of it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.models import Query
from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.word_tables import alternation, bare_words, reference_abbreviations

_DASH = re.compile(r"^\s*(?:[—–]{1,3}|-{2,3})[.,]?\s+")
_YEAR = rf"\({YEARS}[a-z]?\)"
_RULED = re.compile(rf"^\s*(?:{_YEAR}|\(?[Ee]ds?\.\)?,?\s+{_YEAR})\s")  # "(2003) “…", "ed. (2009) …"


def with_repeated_authors(queries: Sequence[Query]) -> list[Query]:
    """``queries``, each that opens with a dash for its authors (or with the punctuation after
    a rule drawn as no text: ". Title") given the previous one's."""
    resolved: list[Query] = []
    for query in queries:
        raw = query.raw or ""
        dashed = _DASH.match(raw) or _RULED.match(raw) or _RULE_PUNCTUATION.match(raw)
        if resolved and dashed and _names_nobody(query):
            previous = resolved[-1]
            update: dict[str, object] = {"authors": previous.authors, "author_names": previous.author_names}
            if query.title and _DASH.match(query.title):
                update["title"] = _DASH.sub("", query.title, count=1)
            query = query.model_copy(update=update)
        resolved.append(query)
    return resolved


def dash_as_names(text: str) -> str:
    """``text`` with a dash that opens it for the names (or the period a rule drawn as no text
    left: ABNT's ". Title") written as a name, so that it reads as a reference by its form (names,
    a year, a title) as the reference it stands for does. (After amsplain's rule, ", Title, …",
    the comma already reads as the names' end.)"""
    if text.lstrip().startswith(".") and after_rule(text):
        return "Anonymous" + text.lstrip()
    return _DASH.sub("Anonymous. ", text, count=1)


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


def after_rule(text: str) -> bool:
    """Whether a line opens with the punctuation its names had, a rule drawn as no text standing
    for them (ABNT's and biblatex-chicago's ". Title", ", eds. …"): a line a reference's names open,
    never one a reference wraps onto (no line breaks before a period or a comma)."""
    return _RULE_PUNCTUATION.match(text) is not None


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
    """The names a reference's first ``line`` prints before its year (without their editors'
    mark: "Jones, R. W., (Eds.), 1984."), or "" where no year follows the names at once: what
    comes before the year holds a digit, a colon or a sentence's end after a word ("Kullback,
    Solomon. Information Theory …, 1997")."""
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


_DASH_EMS = 0.75  # a reference's first line set this much further in than its continuations
_REPEATED_AUTHORS = re.compile(r"^\s*[—–-]{1,3}[.,]?\s*")  # biblatex's "—", bibtex's "———."
# (after a rule drawn for the names, the punctuation that followed them: biblatex-chicago's
# ". 2011. Gems and Jewels", ", eds. 1987–. The History of Cartography")
_AUTHORLESS = re.compile(
    rf"^\s*(?:[.,]\s+)?(?:[—–-]{{1,3}}[.,]?\s*|\(?{YEARS}[a-z]?\)?|[Ee]ds?\.|\([Ee]d|trans\.)"
)
_NOTHING = re.compile("")
_RULE_PUNCTUATION = re.compile(r"^\s*[.,]\s")
# After a rule for the repeated names: more names or the title (", Simon Johnson, and …", ", “Title"),
# which a wrapped line never opens with; an empty volume's ", 1079–1089." does.
_RULE_THEN_NAMES = re.compile(r"^,\s*(?:[A-Z“‘\"]|and\s|,)")
_AND = re.compile(r"^and\s+(?:[A-Z]|,)")  # "and Colin Stirling, …", "and , “Handlers …"
_SPACE_EMS = 0.25  # a space: a line after a rule as wide as the indent starts this much further in
_BEFORE_YEAR = re.compile(rf"^(?P<names>.+?(?<![\s,.])[\s,.]*+)(?:\(?[Ee]ds?\.\)?[\s,.]*)?\(?{YEARS}[a-z]?\b")
# A word's period then more ("Solomon. Information"); "et al.", "eds.", "Jr." (a names' abbreviation,
# normalizer/data/reference-abbreviations.json) and initials ("E.") end no sentence.
_NAMES_ABBREVIATION = alternation(bare_words(reference_abbreviations().names), capitalised=True)
_SENTENCE_END = re.compile(rf"(?<![^\W\d_])(?!{_NAMES_ABBREVIATION}\.)[^\W\d_]{{2,}}\.\s")
