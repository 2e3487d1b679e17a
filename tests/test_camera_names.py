"""Camera-ready, round three: authors as a careful reader expects them.

Sources shout or lower some names ("Bo XU", "Xingkai yu", as the audit found them), and a
capitalised syllable of a Chinese given name is no particle: "Zhi Da Soh" is given names
"Zhi Da" and family "Soh", which abbrv prints "Z. D. Soh", not "Z. Da Soh".
"""

from __future__ import annotations

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, Person, Reference
from bibnorm.resolve.merge import merge_reference
from bibnorm.resolve.normalize import name_casing
from bibnorm.text.names import parse_name
from test_merge import arxiv_record, dblp_record


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


# -- the published version's list (merge) ------------------------------------------------

PREPRINT_AUTHORS = (
    Person(given="Ruslan", family="Salakhudinov"),
    Person(given="Marcal", family="Rusinol"),
    Person(given="Yann", family="LeCun"),
)
PUBLISHED_AUTHORS = (
    Person(given="Yann", family="LeCun"),
    Person(given="Ruslan", family="Salakhutdinov"),
    Person(given="Marçal", family="Rusiñol"),
)


@pytest.mark.parametrize(
    ("published", "taken"),
    [
        pytest.param(PUBLISHED_AUTHORS, True, id="reordered-with-a-dropped-letter-and-accents"),
        pytest.param(PUBLISHED_AUTHORS[:2], False, id="another-number-of-people"),
        pytest.param(
            (*PUBLISHED_AUTHORS[:2], Person(given="Marçal", family="Rusiñolova")),
            False,
            id="letters-at-the-end-make-another-name",
        ),
        pytest.param(
            (
                Person(given="Yann", family="LeCun"),
                Person(given="Ruslan", family="Salakhutdinov"),
                Person(given="Ada", family="Lovelace"),
            ),
            False,
            id="another-person",
        ),
    ],
)
def test_dblps_list_replaces_the_preprints_when_the_same_people_are_on_it(
    published: tuple[Person, ...], taken: bool
) -> None:
    merged = merge_reference(
        arxiv_record(authors=PREPRINT_AUTHORS), [dblp_record(authors=published)], Settings()
    )
    assert merged.authors == (published if taken else PREPRINT_AUTHORS)


def test_two_publication_sources_agreeing_replace_the_preprints_list() -> None:
    # Crossref's record of the same DOI lists dblp's people in dblp's order: the preprint's
    # list (one name with a letter at its end, which no one-edit rule accepts) gives way.
    preprint = (Person(given="Yann", family="LeCuny"), *PUBLISHED_AUTHORS[1:])
    doi = dblp_record().reference.ids.doi
    crossref = Candidate(
        source="crossref",
        by_identifier=True,
        reference=dblp_record(authors=PUBLISHED_AUTHORS).reference.model_copy(
            update={"ids": Identifiers(doi=doi)}
        ),
    )
    companions = [dblp_record(authors=PUBLISHED_AUTHORS), crossref]
    assert (
        merge_reference(arxiv_record(authors=preprint), companions, Settings()).authors == PUBLISHED_AUTHORS
    )
    # dblp alone, its list not the same people person by person as the preprint's: kept.
    alone = merge_reference(arxiv_record(authors=preprint), companions[:1], Settings())
    assert alone.authors == preprint
