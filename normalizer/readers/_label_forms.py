"""A reference list labels its references in one form: "[12]", "(12)", "12)" or "12.".

A line that opens with a number in another form than the list's is a wrapped line, not a
reference: in a list labelled "[10]", "[11]", the line "12. ITG Symposium Speech Communication"
goes on reference [10] (a conference's ordinal), as "3. Auflage" or "2. Edition" would.

A number that breaks the run of labels around it is a wrapped line too: between "1." and "2.",
the line "120. Princeton University Press, 2003." is the end of reference 1's pages (91–120).

A number in brackets ("[12]") and a bracketed text ("[Knu84]", "[Zhai et al., 2022]") are two
forms where the numbers are the more: in a list numbered "[n]", a wrapped line that opens with a
bracketed text is no reference (biblatex's editors of a report, "[Core Writing Team, R.K. Pachauri
and L.A. Meyer (eds.)]” In: IPCC (2014).", went on reference [29]). In a list of alphabetic labels,
a work without an author is labelled by its year's two digits ("[96]"): one form with the rest.

LNCS's class prints an alphabetic label bare, a period after it ("BDF+ 03. Paul Barham, …",
"HG07. Michael R. Hines, …"), and a work without a year by its letters alone ("Dre. Ulrich
Drepper. …"): where most of a list's references open with such a label, half of them at least
dated, they are its labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_MINORITY = 0.25  # labels of another form up to this share of the list's own are wrapped lines
_OWN_FORM_AT_LEAST = 3


def label_form(label: str) -> str:
    """The form of a label as `_reflist` matches it: "[n" (a number in brackets, "[12]"), "["
    (an alphabetic or author-year label in brackets: "[Knu84]", "[Zhai et al., 2022]", AAAI's
    repeated author's "[1996]"), "(", ")" ("12)"), "." or " ." (Frontiers' "12 .": a line that
    opens "883." in such a list is a wrapped page range's end)."""
    label = label.strip()
    if _BRACKETED_NUMBER.fullmatch(label):
        return "[n"
    if label[:1] in "[(":
        return label[0]
    if label.endswith(")"):
        return ")"
    return " ." if label.endswith(" .") else "."


_BRACKETED_NUMBER = re.compile(r"\[\d{1,3}\]")  # a year in brackets is an author-year label


def in_one_form(starts: Sequence[re.Match[str] | None]) -> list[re.Match[str] | None]:
    """``starts`` (each line's label match, or None) without the labels of a form other than
    the list's own, when the list's own form clearly dominates."""
    labelled = [label_form(start.group("label")) if start is not None else None for start in starts]
    # A list labelled with bracketed texts ("[Knu84]") gives a work without author its year's two
    # digits ("[96]"): where the texts are as many as the numbers or more, both are its one form.
    if labelled.count("[") >= labelled.count("[n"):
        labelled = ["[" if form == "[n" else form for form in labelled]
    forms = Counter(form for form in labelled if form is not None)
    if not forms:
        return list(starts)
    own, count = forms.most_common(1)[0]
    others = sum(forms.values()) - count
    if count < _OWN_FORM_AT_LEAST or others > _MINORITY * count:
        return list(starts)
    return [start if form == own else None for start, form in zip(starts, labelled, strict=True)]


def in_sequence(starts: Sequence[re.Match[str] | None]) -> list[re.Match[str] | None]:
    """``starts`` without a number label that the labels around it skip: the one before it and
    the next one go up by one (``1.``, ``120.``, ``2.``)."""
    numbers = [_number(start) for start in starts]
    followings: list[int | None] = []  # the first number label after each start: one pass back
    following: int | None = None
    for number in reversed(numbers):
        followings.append(following)
        if number is not None:
            following = number
    followings.reverse()
    kept = list(starts)
    previous: int | None = None
    for at, (number, following) in enumerate(zip(numbers, followings, strict=True)):
        if number is None:
            continue
        if previous is not None and following == previous + 1 and number != following:
            kept[at] = None  # the run goes on around it: a wrapped line
            continue
        previous = number
    return kept


def _number(start: re.Match[str] | None) -> int | None:
    label = start.group("label").strip().strip("[]().") if start is not None else ""
    return int(label) if label.isdigit() else None


# LNCS's bare alphabetic label: a capital, letters, "+" for more authors, the year's two digits, a
# period, then the names ("BDF+ 03. Paul Barham"); without a year, two to four letters ("Dre. Ulrich
# Drepper", a key's "xen. Xen - Wikipedia")
_BARE_ALPHA = re.compile(r"[^\W\d_a-z][^\W\d_]{0,7}\+?\s?\d{2}[a-z]?\.\s+(?=[^\W\d_])")
_BARE_YEARLESS = re.compile(r"[^\W\d_]{2,4}\+?\.\s+(?=[^\W\d_])")
_BARE_DATED_SHARE = 0.5  # of the references: labels holding a year's digits …
_BARE_SHARE = 0.8  # … and labels of either kind


def bare_alpha_labels(texts: Sequence[str]) -> list[str | None]:
    """Each of the references ``texts``'s bare alphabetic label with its period and the space
    after it ("BDF+ 03. "), where three of them and half at least open with one holding a year's
    digits, and four in five with one of either kind; else none."""
    dated = [_BARE_ALPHA.match(text) for text in texts]
    labels = [match or _BARE_YEARLESS.match(text) for match, text in zip(dated, texts, strict=True)]
    found = sum(1 for match in dated if match is not None)
    if found < max(_OWN_FORM_AT_LEAST, _BARE_DATED_SHARE * len(texts)) or sum(
        1 for match in labels if match is not None
    ) < _BARE_SHARE * len(texts):
        return [None] * len(texts)
    return [match.group(0) if match is not None else None for match in labels]
