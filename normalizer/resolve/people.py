"""Whether two author lists name the same people: the rule by which a merge takes the
published spelling of the authors (dblp's, Crossref's) over the preprint's.

A family name matches when its forms agree (accents and case aside), or with one typo when the
given names' initials agree; a reordered list matches when the same people stand in it and each
family name is at most one edit away (`same_set_of_people`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm.models import Person
from bibnorm.text.names import TYPO_MIN_LETTERS, family_forms, one_typo


def same_people(mine: Sequence[Person], theirs: Sequence[Person]) -> bool:
    """Same length and, person by person, the same family name: accents and case aside, or
    with one typo ("Mexatas" on arXiv for dblp's "Metaxas") when the given names' initials agree."""
    return len(mine) == len(theirs) > 0 and all(same_person(a, b) for a, b in zip(mine, theirs, strict=True))


def same_set_of_people(mine: Sequence[Person], theirs: Sequence[Person]) -> bool:
    """The same people in any order, each family name alike up to one edit (a letter replaced,
    added or dropped: "Salakhudinov" for "Salakhutdinov") when the initials agree: the authority's
    (dblp's) list then replaces the preprint's reordered or misspelt one."""
    if len(mine) != len(theirs) or not mine:
        return False
    left = list(theirs)
    for person in mine:
        match = next(
            (other for other in left if same_person(person, other) or _one_edit_apart(person, other)), None
        )
        if match is None:
            return False
        left.remove(match)
    return True


def same_person(mine: Person, theirs: Person) -> bool:
    """The same family name, accents aside, or one typo apart when the initials agree."""
    forms, other_forms = (
        family_forms(mine.family or mine.literal),
        family_forms(theirs.family or theirs.literal),
    )
    if forms & other_forms:
        return True
    initials = (mine.given[:1].casefold(), theirs.given[:1].casefold())
    return initials[0] == initials[1] != "" and any(one_typo(a, b) for a in forms for b in other_forms)


def _one_edit_apart(mine: Person, theirs: Person) -> bool:
    if mine.given[:1].casefold() != theirs.given[:1].casefold() or not mine.given:
        return False
    forms, other_forms = family_forms(mine.family), family_forms(theirs.family)
    return any(
        _one_letter_more(a, b) or _one_letter_more(b, a) or one_typo(a, b) for a in forms for b in other_forms
    )


def _one_letter_more(longer: str, shorter: str) -> bool:
    """One letter dropped inside the name ("salakhudinov"): not at either end, where a letter
    makes another name ("Ivanov"/"Ivanova", "Metaxas"/"Metaxasi"), nor an umlaut's spelt-out
    "e" ("Fruend"/"Frund" are two spellings of Fründ, not a mistake in one).

    Stricter than verify's `bibnorm.text.names.one_edit` (any one edit, 7 letters or more) on
    purpose: a resolve decision rewrites the record with the other list, while verify only
    tolerates a spelling, so the two rules differ and are not merged."""
    if len(longer) != len(shorter) + 1 or len(shorter) < TYPO_MIN_LETTERS:
        return False
    return any(
        longer[:index] + longer[index + 1 :] == shorter
        and not (longer[index] == "e" and longer[index - 1] in "aou")
        for index in range(1, len(longer) - 1)
    )
