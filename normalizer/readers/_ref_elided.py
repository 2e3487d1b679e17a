"""Author names a style leaves blank because they repeat the previous reference's.

econ's styles without the rule print each name that repeats the previous reference's name in
the same place as nothing, keeping the punctuation around it: after "d’Aspremont, Claude,
Jacques Crémer, & Louis-André Gérard-Varet, ‘Correlation…’" come ", , & , ‘Balanced…’" (the
same three) and "& Louis-André Gérard-Varet, ‘Linear…’" (the first the same). Each separator
before the first name printed follows one blank name: the blank is the previous reference's
name in that place. AER (``economic``'s aer.bst) writes "and" where econ writes "&": ", , and ,
“Flow-Limited Authorization: Technical Report,”".

econ's styles with the rule draw it where the names go, and in a numbered list the rule follows
the label: the text opens at the year, or at the editors' mark before it ("[57] ——— eds. (1985)
Handbook of International Economics, 2" reads "eds. (1985) Handbook …"). A reference that opens
so names nobody of its own: its names are the previous reference's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.readers._ref_dates import YEARS

_BLANK_NAMES = re.compile(r"^(?>\s*(?:,\s*(?:&|and\b)|,|&|and\b)\s*)+")  # (atomic: spaces read one way)
_SEPARATOR = re.compile(r",\s*(?:&|and\b)|,|&|and\b")


def with_elided_names(text: str, previous: Sequence[str]) -> str:
    """``text`` with the names it leaves blank written out from ``previous`` (the previous
    reference's names, one each, as printed); as it was when it leaves none blank, or more
    than the previous reference had."""
    blank = _BLANK_NAMES.match(text)
    names = [name for name in previous if name != "others"]
    if blank is None:
        return f"{_joined(names)} {text}" if names and _RULED.match(text) else text
    separators = _SEPARATOR.findall(blank.group(0))
    if len(separators) > len(names):
        return text
    written = "".join(
        f"{name}{' ' if separator[:1].isalpha() or separator == '&' else ''}{separator} "
        for name, separator in zip(names, separators, strict=False)
    )
    return written + text[blank.end() :]


_RULED = re.compile(rf"^\s*(?:eds?\.\s*)?\({YEARS}[a-z]?\)\s")


def _joined(names: Sequence[str]) -> str:
    """Names as a list prints them: "A and B", "A, B, and C"."""
    return (
        names[0]
        if len(names) == 1
        else f"{', '.join(names[:-1])}{',' if len(names) > 2 else ''} and {names[-1]}"
    )
