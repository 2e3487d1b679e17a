"""Whether two author lists name the same people: the rule by which a merge takes the
published spelling of the authors over the preprint's when no record of authority (dblp's,
Crossref's, whose list always wins) lists them (OpenAlex's).

A family name matches when its forms agree (accents and case aside), or with one typo when the
given names' initials agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm.models import Person
from bibnorm.text.names import family_forms, one_typo


def same_people(mine: Sequence[Person], theirs: Sequence[Person]) -> bool:
    """Same length and, person by person, the same family name: accents and case aside, or
    with one typo ("Mexatas" on arXiv for dblp's "Metaxas") when the given names' initials agree."""
    return len(mine) == len(theirs) > 0 and all(same_person(a, b) for a, b in zip(mine, theirs, strict=True))


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
