"""Specification of person-name parsing: `parse_name`, `split_authors`, `person_from_parts`.

Expected parts are written by hand; the real-world strings come from the arXiv snapshot
sample (shared/reference/api-samples/snapshot) and dev-snapshot.jsonl.
"""

from __future__ import annotations

import json
import re

import pytest
from bibnorm.models import Person
from bibnorm.text.names import (
    INITIAL,
    _person_from_parts_in_full,
    parse_name,
    person_from_parts,
    split_authors,
)
from paths import FIXTURES, SHARED

SNAPSHOT_SAMPLE = SHARED / "reference/api-samples/snapshot/arxiv-metadata-oai-snapshot.first-100-lines.jsonl"


def P(given: str = "", family: str = "", particle: str = "", suffix: str = "") -> Person:
    return Person(given=given, family=family, particle=particle, suffix=suffix)


def L(literal: str) -> Person:
    return Person(literal=literal)


NAMES = [
    # plain natural order
    pytest.param("Xiaohua Zhai", P("Xiaohua", "Zhai"), id="given-family"),
    pytest.param("Andrew G. Howard", P("Andrew G.", "Howard"), id="middle-initial"),
    pytest.param("Duong Minh Duc", P("Duong Minh", "Duc"), id="three-words-last-is-family"),
    pytest.param("  Hu \n  Cao ", P("Hu", "Cao"), id="whitespace-and-newline"),
    # initials
    pytest.param("A. B. Smith", P("A. B.", "Smith"), id="spaced-initials"),
    pytest.param("A.B. Smith", P("A. B.", "Smith"), id="glued-initials"),
    pytest.param("J.P.Hague", P("J. P.", "Hague"), id="initials-glued-to-family"),
    pytest.param("Simon J.A. Malham", P("Simon J. A.", "Malham"), id="given-plus-glued-initials"),
    pytest.param("Yu.N. Kosovtsov", P("Yu. N.", "Kosovtsov"), id="two-letter-initial"),
    pytest.param("A.~B. Smith", P("A. B.", "Smith"), id="tex-tie-between-initials"),
    # arXiv 2006.15102 lists "C . Krishna Mohan": the stray space before the period goes
    pytest.param("C . Krishna Mohan", P("C. Krishna", "Mohan"), id="space-before-initial-period"),
    pytest.param("Mohan, C . Krishna", P("C. Krishna", "Mohan"), id="space-before-period-bibtex-order"),
    # hyphens and apostrophes
    pytest.param("C.-P. Yuan", P("C.-P.", "Yuan"), id="hyphenated-initials"),
    pytest.param("C. -P. Yuan", P("C.-P.", "Yuan"), id="hyphenated-initials-spaced"),
    pytest.param("Jean-Pierre Dupont", P("Jean-Pierre", "Dupont"), id="hyphenated-given"),
    pytest.param("Wael Abu-Shammala", P("Wael", "Abu-Shammala"), id="hyphenated-family"),
    pytest.param("N.d'Ambrumenil", P("N.", "d'Ambrumenil"), id="apostrophe-family-glued"),
    pytest.param("Vladimir I. Fal'ko", P("Vladimir I.", "Fal'ko"), id="apostrophe-in-family"),
    pytest.param("Dean E. McLaughlin", P("Dean E.", "McLaughlin"), id="mc-prefix"),
    # non-ASCII and TeX
    pytest.param("Łukasz Kaiser", P("Łukasz", "Kaiser"), id="unicode-L-stroke"),
    pytest.param("Christoph Hümmer", P("Christoph", "Hümmer"), id="unicode-umlaut"),
    pytest.param("Zoë Kravitz", P("Zoë", "Kravitz"), id="unicode-diaeresis"),
    pytest.param("C. Bal\\'azs", P("C.", "Balázs"), id="tex-acute"),
    pytest.param("Mikkel {\\O}bro", P("Mikkel", "Øbro"), id="tex-braced-O-slash"),
    pytest.param("Rastislav \\v{S}r\\'amek", P("Rastislav", "Šrámek"), id="tex-caron"),
    pytest.param("Tom\\'a\\v{s} Vina\\v{r}", P("Tomáš", "Vinař"), id="tex-several-accents"),
    pytest.param("\\L{}ukasz Kaiser", P("Łukasz", "Kaiser"), id="tex-L-stroke"),
    pytest.param('M{\\"u}ller, Hans', P("Hans", "Müller"), id="tex-umlaut-bibtex-order"),
    # particles
    pytest.param("Ludwig van Beethoven", P("Ludwig", "Beethoven", "van"), id="particle-van"),
    pytest.param("Johannes Diderik van der Waals", P("Johannes Diderik", "Waals", "van der"), id="van-der"),
    pytest.param("Otto von der Heide", P("Otto", "Heide", "von der"), id="von-der"),
    pytest.param("Jean de la Fontaine", P("Jean", "Fontaine", "de la"), id="de-la"),
    pytest.param(
        "Charles de la Vallée Poussin", P("Charles", "Vallée Poussin", "de la"), id="de-la-two-family"
    ),
    pytest.param("Robert P. C. de Marrais", P("Robert P. C.", "Marrais", "de"), id="de-after-initials"),
    pytest.param("Gerard 't Hooft", P("Gerard", "Hooft", "'t"), id="dutch-t"),
    pytest.param("M. De Napoli", P("M.", "De Napoli"), id="capital-particle-joins-family"),
    pytest.param("Vincent Van Gogh", P("Vincent", "Van Gogh"), id="capital-van-joins-family"),
    pytest.param("José Ortega y Gasset", P("José", "Ortega y Gasset"), id="spanish-y-joins-family"),
    pytest.param("Jan {van der Berg}", P("Jan", "van der Berg"), id="braced-family-not-split"),
    # suffixes
    pytest.param("Neal J. Evans II", P("Neal J.", "Evans", suffix="II"), id="suffix-roman"),
    pytest.param("Martin Luther King Jr", P("Martin Luther", "King", suffix="Jr."), id="suffix-jr-no-period"),
    pytest.param(
        "Martin Luther King, Jr.", P("Martin Luther", "King", suffix="Jr."), id="suffix-after-comma"
    ),
    pytest.param("John Smith Sr.", P("John", "Smith", suffix="Sr."), id="suffix-sr"),
    # BibTeX order
    pytest.param("Smith, J.", P("J.", "Smith"), id="bibtex-family-given"),
    pytest.param("van Beethoven, Ludwig", P("Ludwig", "Beethoven", "van"), id="bibtex-particle"),
    pytest.param("de la Fontaine, Jean", P("Jean", "Fontaine", "de la"), id="bibtex-de-la"),
    pytest.param("King, Jr., Martin Luther", P("Martin Luther", "King", suffix="Jr."), id="bibtex-suffix"),
    pytest.param("Evans II, Neal J.", P("Neal J.", "Evans", suffix="II"), id="bibtex-suffix-on-family"),
    pytest.param("De Napoli, M.", P("M.", "De Napoli"), id="bibtex-capital-particle"),
    # single names and CJK, by position
    pytest.param("Plato", P(family="Plato"), id="single-word-is-family"),
    pytest.param("王小明", P(family="王小明"), id="cjk-single-token-is-family"),
    pytest.param("Zhai Xiaohua", P("Zhai", "Xiaohua"), id="order-kept-by-position"),
    pytest.param("danah boyd", P("danah", "boyd"), id="lowercase-name-not-particle"),
    # organisations
    pytest.param("H1 Collaboration", L("H1 Collaboration"), id="collaboration-h1"),
    pytest.param("ATLAS Collaboration", L("ATLAS Collaboration"), id="collaboration-atlas"),
    pytest.param(
        "The LIGO Scientific Collaboration", L("The LIGO Scientific Collaboration"), id="the-collaboration"
    ),
    pytest.param("The BABAR Collaboration", L("The BABAR Collaboration"), id="babar"),
    pytest.param("OpenAI", L("OpenAI"), id="brand-camel-case"),
    pytest.param("DeepMind", L("DeepMind"), id="brand-deepmind"),
    pytest.param("DeepSeek-AI", L("DeepSeek-AI"), id="brand-hyphen-ai"),
    pytest.param("Mistral AI", L("Mistral AI"), id="two-word-ai-company"),
    pytest.param("Gemini Team", L("Gemini Team"), id="team"),
    pytest.param("Human Genome Consortium", L("Human Genome Consortium"), id="consortium"),
    pytest.param("Google Research Brain Group", L("Google Research Brain Group"), id="group"),
    pytest.param("{Barnes and Noble}", L("Barnes and Noble"), id="braced-literal"),
    # noise
    pytest.param("V. M. Biryukov (Serpukhov, IHEP)", P("V. M.", "Biryukov"), id="affiliation-dropped"),
    pytest.param("", Person(), id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_parse_name(text: str, expected: Person) -> None:
    assert parse_name(text) == expected


def test_name_table_is_big_enough() -> None:
    assert len(NAMES) >= 40


SPLITS = [
    pytest.param(
        "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
        ["C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"],
        id="commas-tex-kept",
    ),
    pytest.param("Ileana Streinu and Louis Theran", ["Ileana Streinu", "Louis Theran"], id="and"),
    pytest.param(
        "Alejandro Corichi, Tatjana Vukasinac and Jose A. Zapata",
        ["Alejandro Corichi", "Tatjana Vukasinac", "Jose A. Zapata"],
        id="commas-and",
    ),
    pytest.param(
        "A.A. Serga, M. Kostylev, and B. Hillebrands",
        ["A.A. Serga", "M. Kostylev", "B. Hillebrands"],
        id="oxford-comma",
    ),
    pytest.param(
        "Paul Harvey, Bruno Merin, Nicholas\n  Chapman, Neal J. Evans II",
        ["Paul Harvey", "Bruno Merin", "Nicholas Chapman", "Neal J. Evans II"],
        id="hard-wrapped",
    ),
    pytest.param(
        "The BABAR Collaboration, B. Aubert, et al",
        ["The BABAR Collaboration", "B. Aubert"],
        id="et-al-item",
    ),
    pytest.param("Smith et al.", ["Smith"], id="et-al-suffix"),
    pytest.param("A. Smith, B. Jones and others", ["A. Smith", "B. Jones"], id="and-others"),
    # "and others" in the list's language, as biblatex's `andothers` strings print it; its own
    # conjunction ("и", "i") splits no name off, and a person's capital initials are no "u. a."
    pytest.param("Jiahao Cui и др.", ["Jiahao Cui"], id="russian-and-others"),
    pytest.param("Johannes Höhne u. a.", ["Johannes Höhne"], id="german-and-others"),
    pytest.param("A. Nowak, B. Kowalski i in.", ["A. Nowak", "B. Kowalski"], id="polish-and-others"),
    pytest.param("Jan Berg m.fl.", ["Jan Berg"], id="swedish-without-its-thin-space"),
    pytest.param("Maier, U. A.", ["Maier", "U. A."], id="initials-are-no-and-others"),
    pytest.param(
        "A. A. Schekochihin (Oxford), S. C. Cowley (Culham), W. Dorland\n  (Maryland)",
        ["A. A. Schekochihin", "S. C. Cowley", "W. Dorland"],
        id="affiliations",
    ),
    pytest.param(
        "A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, Japan\n  Science and Technology"
        " Agency, (2) Russian Research Centre ``Kurchatov\n  Institute'', (3) The University of Tokyo)",
        ["A. S. Mishchenko", "N. Nagaosa"],
        id="nested-affiliations-with-and",
    ),
    pytest.param("V. M. Biryukov (Serpukhov, IHEP", ["V. M. Biryukov"], id="unclosed-parenthesis"),
    pytest.param(
        "Neal J. Evans, Jr., Philip C. Myers", ["Neal J. Evans Jr.", "Philip C. Myers"], id="jr-item"
    ),
    pytest.param(
        "Alexander Anderson and Randy Sand", ["Alexander Anderson", "Randy Sand"], id="and-inside-words"
    ),
    pytest.param("{Barnes and Noble}, Jim Smith", ["{Barnes and Noble}", "Jim Smith"], id="braces-protect"),
    pytest.param("A. Smith; B. Jones & C. Doe", ["A. Smith", "B. Jones", "C. Doe"], id="semicolon-ampersand"),
    pytest.param(
        "AT&T Labs, R&D Team & J. Doe", ["AT&T Labs", "R&D Team", "J. Doe"], id="ampersand-inside-words"
    ),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_authors(text: str, expected: list[str]) -> None:
    assert split_authors(text) == expected


PARTS = [
    pytest.param(("Balázs", "C.", ""), P("C.", "Balázs"), id="plain"),
    pytest.param(("Yuan", "C. -P.", ""), P("C.-P.", "Yuan"), id="spaced-hyphen-initials"),
    pytest.param(("Mohan", "C . Krishna", ""), P("C. Krishna", "Mohan"), id="space-before-initial-period"),
    pytest.param(("de Marrais", "Robert P. C.", ""), P("Robert P. C.", "Marrais", "de"), id="particle"),
    pytest.param(("De Napoli", "M.", ""), P("M.", "De Napoli"), id="capital-particle"),
    pytest.param(("Evans", "Neal J.", "II"), P("Neal J.", "Evans", suffix="II"), id="suffix"),
    pytest.param(("Smith", "John", "Jr"), P("John", "Smith", suffix="Jr."), id="suffix-jr"),
    pytest.param(("The BABAR Collaboration", "", ""), L("The BABAR Collaboration"), id="collaboration"),
    pytest.param(("Zhai", "", ""), P(family="Zhai"), id="family-only"),
    pytest.param(("\\v{S}r\\'amek", "Rastislav", ""), P("Rastislav", "Šrámek"), id="tex"),
    pytest.param(("Malham", "Simon J.A.", ""), P("Simon J. A.", "Malham"), id="glued-initials"),
    pytest.param(("", "", ""), Person(), id="empty"),
]


@pytest.mark.parametrize(("parts", "expected"), PARTS)
def test_person_from_parts(parts: tuple[str, str, str], expected: Person) -> None:
    assert person_from_parts(*parts) == expected


def _snapshot_records() -> list[dict[str, object]]:
    with SNAPSHOT_SAMPLE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_split_and_parse_agree_with_arxiv_parse_on_family_names() -> None:
    """On the real snapshot sample, splitting the ``authors`` string and parsing each name
    gives the same family names (particle included) as arXiv's own ``authors_parsed``."""
    checked = 0
    for record in _snapshot_records():
        names = [parse_name(n) for n in split_authors(str(record["authors"]))]
        parsed = record["authors_parsed"]
        assert isinstance(parsed, list)
        if len(parsed) != len(names):  # arXiv truncates long lists in authors_parsed
            continue
        for person, triple in zip(names, parsed, strict=True):
            family = person.literal or " ".join(p for p in (person.particle, person.family) if p)
            assert family == triple[0], (record["id"], person, triple)
            checked += 1
    assert checked > 200


def test_person_from_parts_on_every_snapshot_triple() -> None:
    """Every real triple gives a non-empty person whose family matches the triple."""
    for record in _snapshot_records():
        parsed = record["authors_parsed"]
        assert isinstance(parsed, list)
        for triple in parsed:
            person = person_from_parts(*triple[:3])
            assert person.literal or person.family
            family = person.literal or " ".join(p for p in (person.particle, person.family) if p)
            assert family == " ".join(triple[0].split())


def test_the_shortcut_for_plain_triples_gives_what_the_full_parse_gives() -> None:
    """`person_from_parts` takes one plain word with plain given names without the full parse;
    on every real triple the tests carry, and on plain-looking ones made to sit at its edges
    (particles and suffixes alone, an empty or spaced given name, initials, non-ASCII letters),
    both give the same person."""
    triples = [
        tuple(triple[:3])
        for path in (SNAPSHOT_SAMPLE, FIXTURES / "demo" / "snapshot.jsonl")
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        for triple in record.get("authors_parsed") or []
    ]
    lasts = ["Zhai", "van", "De", "Jr", "III", "Collaboration", "Müller", "O'Neil", "Smith-Jones", "Li "]
    firsts = ["Xiaohua", "Robert Paul", " Jan  Kees ", "", "A", "A.", "J R R", "Zoë", "Jr", "van"]
    triples += [(last, first, suffix) for last in lasts for first in firsts for suffix in ("", "Jr")]
    assert len(triples) > 400
    for triple in triples:
        assert person_from_parts(*triple) == _person_from_parts_in_full(*triple), triple


@pytest.mark.parametrize(
    ("word", "initial"),
    [
        ("J.", True),
        ("Th.", True),
        ("Yu.", True),
        ("J", False),  # no period: a capital alone, which the readers tell apart where they take it
        ("Tho.", False),
        ("j.", False),
        ("JP.", False),
    ],
)
def test_one_initial_is_a_capital_at_most_one_small_letter_and_the_period(word: str, initial: bool) -> None:
    assert (re.fullmatch(INITIAL, word) is not None) is initial
