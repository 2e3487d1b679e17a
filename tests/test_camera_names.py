"""Camera-ready, round three (issue 44): authors as a careful reader expects them.

Sources shout or lower some names ("Bo XU", "Xingkai yu", as the audit found them), and a
capitalised syllable of a Chinese given name is no particle: "Zhi Da Soh" is given names
"Zhi Da" and family "Soh", which abbrv prints "Z. D. Soh", not "Z. Da Soh".
"""

from __future__ import annotations

import pytest

from normalizer.models import Person, Reference
from normalizer.resolve.normalize import name_casing
from normalizer.text.names import parse_name


@pytest.mark.parametrize(
    ("given", "family", "written"),
    [
        pytest.param("Bo", "XU", ("Bo", "Xu"), id="shouted-family"),
        pytest.param("Xingkai", "yu", ("Xingkai", "Yu"), id="lowered-family"),
        pytest.param("ANNA", "SCHMIDT", ("Anna", "Schmidt"), id="shouted-both"),
        pytest.param("jean-luc", "o'brien", ("Jean-Luc", "O'Brien"), id="lowered-compounds"),
        pytest.param("JJ", "Abrams", ("JJ", "Abrams"), id="initials-kept"),
        pytest.param("María", "de la cruz", ("María", "de la Cruz"), id="particles-stay-lower"),
        pytest.param("Ronald", "McDonald", ("Ronald", "McDonald"), id="mixed-case-is-the-persons-own"),
    ],
)
def test_names_shouted_or_lowered_by_a_source_get_their_usual_case(
    given: str, family: str, written: tuple[str, str]
) -> None:
    reference = Reference(title="A paper", authors=(Person(given=given, family=family),))
    person = name_casing(reference).authors[0]
    assert (person.given, person.family) == written


def test_a_literal_name_is_never_recased() -> None:
    reference = Reference(title="A paper", authors=(Person(literal="ATLAS Collaboration"),))
    assert name_casing(reference) == reference


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        pytest.param("Zhi Da Soh", "Zhi Da", "Soh", id="pinyin-syllable-is-a-given-name"),
        pytest.param("Xin Di Wu", "Xin Di", "Wu", id="pinyin-di"),
        pytest.param("Leonardo Da Vinci", "Leonardo", "Da Vinci", id="italian-particle"),
        pytest.param("Luca De Rossi", "Luca", "De Rossi", id="de-after-a-western-name"),
        pytest.param("Jean Le Roux", "Jean", "Le Roux", id="le-after-a-western-name"),
    ],
)
def test_a_capitalised_particle_is_decided_by_the_name_before_it(name: str, given: str, family: str) -> None:
    person = parse_name(name)
    assert (person.given, person.family) == (given, family)
