"""The word tables of reading references: one data file per concept (name particles, reference
headings, kinds of work, abbreviations), each with its provenance, read by
`bibnorm.text.word_tables`, and every rule of that concept built from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bibnorm.readers._ref_entry_types import entry_type_of
from bibnorm.readers._ref_headings import names_references
from bibnorm.readers._reflist import HEADING
from bibnorm.text.names import parse_name
from bibnorm.text.word_tables import (
    alternation,
    bare_words,
    kinds_of_work,
    name_particles,
    reference_abbreviations,
    reference_headings,
)

ROOT = Path(__file__).resolve().parents[1]
TABLES = (
    "name-particles.json",
    "reference-headings.json",
    "kinds-of-work.json",
    "reference-abbreviations.json",
)


@pytest.mark.parametrize("name", TABLES)
def test_each_table_says_where_its_words_come_from(name: str) -> None:
    table = json.loads((ROOT / "normalizer" / "data" / name).read_text("utf-8"))
    assert len(table["_provenance"]) > 100
    assert f"\n{name}:" in (ROOT / "normalizer" / "data" / "PROVENANCE.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("words", "text", "matched"),
    [
        pytest.param(["del", "della"], "della Porta", "della", id="the longest word first"),
        pytest.param(["Ph.D.", "PhD"], "PhD thesis", "PhD", id="a period is a period, not any character"),
        pytest.param(["Ph.D."], "PhxDx thesis", None, id="escaped"),
        pytest.param(["van"], "Van Gennep", None, id="as written"),
    ],
)
def test_an_alternation_matches_its_words_literally(words: list[str], text: str, matched: str | None) -> None:
    found = re.match(alternation(words), text)
    assert (found.group() if found else None) == matched


def test_a_capitalised_alternation_also_matches_each_word_capitalised() -> None:
    pattern = re.compile(alternation(["van", "'t"], capitalised=True) + "$")
    assert [bool(pattern.match(word)) for word in ("van", "Van", "'t", "VAN")] == [True, True, True, False]


def test_every_particle_and_joiner_is_one_word() -> None:
    # the readers repeat "(?:particle\s)*": a particle of two words ("de la") would let "de la "
    # be read two ways, and the repetition backtrack exponentially in a run of them
    table = name_particles()
    assert all(" " not in word and word.strip() == word for word in table.particles | table.family_joiners)


def test_y_joins_family_names_and_is_no_particle() -> None:
    particles = name_particles()
    assert "y" not in particles.particles
    assert {"y", "e", "i"} <= particles.family_joiners
    assert {"van", "von", "de", "della", "delle", "ibn", "'t", "’t"} <= particles.particles


@pytest.mark.parametrize(
    ("name", "particle", "family"),
    [
        pytest.param("José Ortega y Gasset", "", "Ortega y Gasset", id="a joiner"),
        pytest.param("Luigi delle Monache", "delle", "Monache", id="Italian"),
        pytest.param("Johann zur Mühlen", "zur", "Mühlen", id="German"),
        pytest.param("Abu Bakr ibn Zakariya", "ibn", "Zakariya", id="Arabic"),
        pytest.param("M. De Napoli", "", "De Napoli", id="capitalised: part of the family name"),
    ],
)
def test_names_split_by_the_one_particle_table(name: str, particle: str, family: str) -> None:
    person = parse_name(name)
    assert (person.particle, person.family) == (particle, family)


# A hand-written table of a concept in a module: what the data files replace.
_HAND_TABLES = {
    "particles": re.compile(r"\bvan\|von\b|\bde\|van\b|[\"']van[\"'],\s*[\"']von[\"']|\[Vv\]\[ao\]n"),
    "headings": re.compile(r"literatur\(\?:verzeichnis|bibliogra\(\?:ph"),
    "degrees": re.compile(r"Ph\\\\?\.\?\\\\?s\?D|Master\['’\]"),
}


@pytest.mark.parametrize("concept", sorted(_HAND_TABLES))
def test_no_reader_writes_a_concept_s_table_by_hand(concept: str) -> None:
    modules = [*(ROOT / "normalizer" / "readers").glob("*.py"), *(ROOT / "normalizer" / "text").glob("*.py")]
    written = [module.name for module in modules if _HAND_TABLES[concept].search(module.read_text("utf-8"))]
    assert written == []


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        pytest.param("References", True, id="English"),
        pytest.param("7 Literature Cited", True, id="numbered"),
        pytest.param("VII. LITERATURVERZEICHNIS", True, id="German, in capitals"),
        pytest.param("Références bibliographiques", True, id="French"),
        pytest.param("本文参考文献", True, id="Chinese"),
        pytest.param("References to the appendix are given", False, id="a sentence"),
        pytest.param("Acknowledgements", False, id="another section"),
    ],
)
def test_a_references_heading_is_one_of_the_tables_headings(line: str, heading: bool) -> None:
    assert bool(HEADING.match(line)) is heading


@pytest.mark.parametrize(
    ("line", "names"),
    [
        pytest.param("Further References", True, id="in a longer heading"),
        pytest.param("Weitere Literatur", True, id="German"),
        pytest.param("其它参考文献示例", True, id="inside a word of a script without spaces"),
        pytest.param("Appendix A", False, id="none"),
    ],
)
def test_a_heading_names_references_by_the_tables_words(line: str, names: bool) -> None:
    assert names_references(line) is names


def test_every_heading_word_is_found_by_both_patterns() -> None:
    headings = reference_headings()
    assert all(HEADING.match(heading) for heading in headings.headings)
    assert all(names_references(word) for word in (*headings.words, *headings.words_unspaced))


@pytest.mark.parametrize(
    ("venue", "entry_type"),
    [
        pytest.param("PhD thesis, MIT", "phdthesis", id="PhD"),
        pytest.param("Ph. D. dissertation, Stanford University", "phdthesis", id="spaced periods"),
        pytest.param("Doctoral dissertation", "phdthesis", id="APA"),
        pytest.param("MSc thesis, University of Oslo", "mastersthesis", id="MSc"),
        pytest.param("Master’s thesis", "mastersthesis", id="a typographic apostrophe"),
        pytest.param("Diploma thesis", "misc", id="a degree BibTeX has no type for"),
    ],
)
def test_a_thesis_s_degree_gives_its_bibtex_type(venue: str, entry_type: str) -> None:
    assert entry_type_of(venue) == entry_type


def test_every_degree_has_a_bibtex_or_biblatex_type() -> None:
    assert set(kinds_of_work().degrees) == {"phdthesis", "mastersthesis", "thesis"}


def test_an_abbreviation_s_bare_word_is_its_last_word_without_its_period() -> None:
    assert bare_words(["et al.", "pp.", "Jr.", "pages"]) == {"al", "pp", "Jr", "pages"}
    assert all(spelling.endswith(".") for spelling in reference_abbreviations().abbreviations)
    assert {"et al.", "eds.", "pp.", "vol.", "Proc."} <= set(reference_abbreviations().abbreviations)
