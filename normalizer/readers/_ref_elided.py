"""Author names a style leaves blank because they repeat the previous reference's.

econ's styles without the rule print each name that repeats the previous reference's name in
the same place as nothing, keeping the punctuation around it: after "d’Aspremont, Claude,
Jacques Crémer, & Louis-André Gérard-Varet, ‘Correlation…’" come ", , & , ‘Balanced…’" (the
same three) and "& Louis-André Gérard-Varet, ‘Linear…’" (the first the same). Each separator
before the first name printed follows one blank name: the blank is the previous reference's
name in that place. AER (``economic``'s aer.bst) writes "and" where econ writes "&": ", , and ,
“Flow-Limited Authorization: Technical Report,”".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BLANK_NAMES = re.compile(r"^(?:\s*(?:,\s*(?:&|and\b)|,|&|and\b)\s*)+")
_SEPARATOR = re.compile(r",\s*(?:&|and\b)|,|&|and\b")


def with_elided_names(text: str, previous: Sequence[str]) -> str:
    """``text`` with the names it leaves blank written out from ``previous`` (the previous
    reference's names, one each, as printed); as it was when it leaves none blank, or more
    than the previous reference had."""
    blank = _BLANK_NAMES.match(text)
    if blank is None:
        return text
    separators = _SEPARATOR.findall(blank.group(0))
    names = [name for name in previous if name != "others"]
    if len(separators) > len(names):
        return text
    written = "".join(
        f"{name}{' ' if separator[:1].isalpha() or separator == '&' else ''}{separator} "
        for name, separator in zip(names, separators, strict=False)
    )
    return written + text[blank.end() :]
