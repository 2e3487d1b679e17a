"""Camera-ready, round three: authors as a careful reader expects them.

Sources shout or lower some names ("Bo XU", "Xingkai yu", as the audit found them), and a
capitalised syllable of a Chinese given name is no particle: "Zhi Da Soh" is given names
"Zhi Da" and family "Soh", which abbrv prints "Z. D. Soh", not "Z. Da Soh".
"""

from __future__ import annotations

from collections.abc import Callable

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
        # a lower-case word beside capitalised ones is the person's own (arXiv's authors_parsed)
        pytest.param("Blaise", "Aguera y Arcas", ("Blaise", "Aguera y Arcas"), id="spanish-y"),
        pytest.param("Anna", "Fontcuberta i Morral", ("Anna", "Fontcuberta i Morral"), id="catalan-i"),
        pytest.param("Roy L. M.", "Op het Veld", ("Roy L. M.", "Op het Veld"), id="dutch-het"),
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
    "published",
    [
        pytest.param(PUBLISHED_AUTHORS, id="reordered-with-a-dropped-letter-and-accents"),
        pytest.param(PUBLISHED_AUTHORS[:2], id="another-number-of-people"),
        pytest.param(
            (*PUBLISHED_AUTHORS[:2], Person(given="Marçal", family="Rusiñolova")), id="another-spelling"
        ),
        pytest.param(
            (
                Person(given="Yann", family="LeCun"),
                Person(given="Ruslan", family="Salakhutdinov"),
                Person(given="Ada", family="Lovelace"),
            ),
            id="another-person",
        ),
    ],
)
def test_dblps_list_replaces_the_preprints_whatever_the_preprint_lists(published: tuple[Person, ...]) -> None:
    merged = merge_reference(
        arxiv_record(authors=PREPRINT_AUTHORS), [dblp_record(authors=published)], Settings()
    )
    assert merged.authors == published


def _crossref(authors: tuple[Person, ...], **changes: object) -> Candidate:
    """Crossref's record of the DOI dblp's record carries."""
    doi = dblp_record().reference.ids.doi
    reference = dblp_record(authors=authors).reference.model_copy(
        update={"ids": Identifiers(doi=doi), **changes}
    )
    return Candidate(source="crossref", by_identifier=True, reference=reference)


# The CVPR paper found by its DOI alone (Crossref's record, no dblp): the venue's order, not
# arXiv's ("Rohrbach, Guadarrama" reordered), and its spelling ("Gomez-Bigorda", "Rusiñol").
ARXIV_ORDER = (
    Person(given="Lluis", family="Gomez"),
    Person(given="Marcal", family="Rusinol"),
    Person(given="Anna", family="Rohrbach"),
    Person(given="Sergio", family="Guadarrama"),
)
VENUE_ORDER = (
    Person(given="Lluís", family="Gomez-Bigorda"),
    Person(given="Marçal", family="Rusiñol"),
    Person(given="Sergio", family="Guadarrama"),
    Person(given="Anna", family="Rohrbach"),
)


@pytest.mark.parametrize(
    ("companions", "source"),
    [
        pytest.param(lambda: [_crossref(VENUE_ORDER)], "crossref", id="crossref-alone"),
        pytest.param(
            lambda: [_crossref(ARXIV_ORDER), dblp_record(authors=VENUE_ORDER)],
            "dblp",
            id="dblp-before-crossref",
        ),
        pytest.param(
            lambda: [
                Candidate(source="s2", by_identifier=True, reference=_crossref(ARXIV_ORDER).reference),
                _crossref(VENUE_ORDER, venue=None, entry_type="misc"),
            ],
            "crossref",
            id="found-by-semantic-scholar-listed-by-crossref",
        ),
    ],
)
def test_the_published_versions_list_comes_from_its_record_of_authority_whichever_path_found_it(
    companions: Callable[[], list[Candidate]], source: str
) -> None:
    merged = merge_reference(arxiv_record(authors=ARXIV_ORDER), companions(), Settings())
    assert merged.entry_type == "inproceedings"
    assert merged.authors == VENUE_ORDER
    assert merged.provenance["authors"] == source


def test_the_preprint_keeps_its_own_list() -> None:
    # With --prefer preprint no published version is taken, nor its list.
    merged = merge_reference(
        arxiv_record(authors=ARXIV_ORDER), [_crossref(VENUE_ORDER)], Settings(prefer="preprint")
    )
    assert merged.authors == ARXIV_ORDER


def test_a_record_of_authority_without_authors_leaves_the_preprints_list() -> None:
    merged = merge_reference(arxiv_record(authors=ARXIV_ORDER), [_crossref(())], Settings())
    assert merged.entry_type == "inproceedings"
    assert merged.authors == ARXIV_ORDER
