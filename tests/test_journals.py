"""Journal names from data: the bundled JabRef lists, the table's journals, and how names are written."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Reference
from bibnorm.text.journals import (
    LIST,
    TABLE,
    abbreviates_title,
    abbreviation_shaped,
    dotted_abbreviation,
    find_journal,
    journal_key,
    journal_title_cores,
    list_version,
    same_journal,
    trailing_volume,
    venue_spelling,
)
from bibnorm.text.venues import VenueKind, find_venue
from bibnorm.writers import spell_venues
from paths import ROOT

DATA = ROOT / "normalizer" / "data" / "journals.tsv.gz"


def bundled_rows() -> list[list[str]]:
    text = gzip.decompress(DATA.read_bytes()).decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


# --- the bundled list ---------------------------------------------------------------------------


def test_the_bundled_list_names_its_source_commit_and_licence() -> None:
    version = list_version()
    assert "JabRef/abbrv.jabref.org@a6879a86014356ced6b1b705f5ee24eb1d173950" in version
    assert "CC0" in version
    provenance = (ROOT / "normalizer" / "data" / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "journals.tsv.gz" in provenance and "CC0 1.0" in provenance


def test_every_journal_of_the_list_is_found_by_its_name_and_its_unshared_abbreviations() -> None:
    """The round trip over the whole list: name → journal, ISO 4 → journal, MEDLINE → journal.

    An abbreviation two journals share ("J. Math. Phys.") finds neither, on purpose; a name the
    venue table holds as a conference ("Advances in Neural Information Processing Systems",
    which JabRef lists as a serial) is that conference; and a name is looked up before an
    abbreviation, so an abbreviation that is another journal's name finds that journal.
    """
    rows = bundled_rows()
    owners: dict[str, set[str]] = {}
    for name, iso4, medline, _ in rows:
        for abbreviation in (iso4, medline):
            if abbreviation:
                owners.setdefault(journal_key(abbreviation), set()).add(name)
    # An abbreviation that is also a journal's name or alias ("Physica B") finds that journal.
    names = {journal_key(n) for name, _, _, aliases in rows for n in (name, *aliases.split("|")) if n}
    lost_names, lost_abbreviations = [], []
    conferences = 0
    for name, iso4, medline, _ in rows:
        table = find_venue(name)
        if table is not None and table.kind is VenueKind.CONFERENCE:
            conferences += 1
            continue
        found = find_journal(name)
        if found is None or (found.origin == LIST and found.name != name):
            lost_names.append(name)
        for abbreviation in (iso4, medline):
            key = journal_key(abbreviation)
            if not abbreviation or len(owners[key]) > 1 or key in names:
                continue
            if find_journal(abbreviation) != found:
                lost_abbreviations.append((abbreviation, name))
    assert len(rows) > 30_000
    assert conferences < 5
    assert lost_names == []
    assert lost_abbreviations == []


@pytest.mark.parametrize(
    ("spelling", "name", "iso4", "medline", "origin"),
    [
        pytest.param(
            "Phys. Rev. Lett.",
            "Physical Review Letters",
            "Phys. Rev. Lett.",
            "Phys Rev Lett",
            LIST,
            id="iso4",
        ),
        pytest.param(
            "Phys Rev Lett",
            "Physical Review Letters",
            "Phys. Rev. Lett.",
            "Phys Rev Lett",
            LIST,
            id="medline",
        ),
        pytest.param(
            "The New England journal of medicine",
            "New England Journal of Medicine",
            "N. Engl. J. Med.",
            "N Engl J Med",
            LIST,
            id="nlm-catalogue-title",
        ),
        pytest.param(
            "Emerg Infect Dis",
            "Emerging Infectious Diseases",
            "Emerg. Infect. Dis.",
            "Emerg Infect Dis",
            LIST,
            id="dotted-from-medline",
        ),
        pytest.param(
            "J. Polit. Econ.",
            "Journal of Political Economy",
            "J. Polit. Economy",
            "J Polit Econ",
            LIST,
            id="economics-aea-list",
        ),
        pytest.param(
            "IEEE Transactions on Biomedical Engineering",
            "IEEE Transactions on Bio-Medical Engineering",
            "IEEE Trans. Bio-Med. Eng.",
            "IEEE Trans Biomed Eng",
            LIST,
            id="hyphen-aside",
        ),
        pytest.param("Sensors", "Sensors", "Sensors", "", TABLE, id="one-word-title-not-abbreviated"),
        pytest.param(
            "TPAMI",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
            "IEEE Trans. Pattern Anal. Mach. Intell.",
            "IEEE Trans Pattern Anal Mach Intell",
            TABLE,
            id="table-acronym-with-list-abbreviations",
        ),
        pytest.param(
            "TACL",
            "Transactions of the Association for Computational Linguistics",
            "Trans. Assoc. Comput. Linguist.",
            "",
            TABLE,
            id="table-abbreviation-the-list-lacks",
        ),
        pytest.param(
            "Journal of machine learning research : JMLR",
            "Journal of Machine Learning Research",
            "J. Mach. Learn. Res.",
            "J Mach Learn Res",
            TABLE,
            id="list-spelling-of-a-table-journal",
        ),
        pytest.param(
            "JMLR 24",
            "Journal of Machine Learning Research",
            "J. Mach. Learn. Res.",
            "J Mach Learn Res",
            TABLE,
            id="volume-glued-on",
        ),
        pytest.param(
            "JINST",
            "Journal of Instrumentation",
            "J. Instrum.",
            "",
            TABLE,
            id="inspire-hep-acronym",
        ),
        # IEEE Xplore's exports print the name inverted, its subject first
        pytest.param(
            "Automatic Control, IEEE Transactions on",
            "IEEE Transactions on Automatic Control",
            "IEEE Trans. Autom. Control",
            "",
            LIST,
            id="inverted-transactions",
        ),
        pytest.param(
            "Selected Areas in Communications, IEEE Journal on",
            "IEEE Journal on Selected Areas in Communications",
            "IEEE J. Sel. Areas Commun.",
            "",
            LIST,
            id="inverted-journal-on",
        ),
        pytest.param(
            "Pattern Analysis and Machine Intelligence, IEEE Transactions on",
            "IEEE Transactions on Pattern Analysis and Machine Intelligence",
            "IEEE Trans. Pattern Anal. Mach. Intell.",
            "IEEE Trans Pattern Anal Mach Intell",
            TABLE,
            id="inverted-table-journal",
        ),
    ],
)
def test_a_spelling_finds_its_journal(spelling: str, name: str, iso4: str, medline: str, origin: str) -> None:
    journal = find_journal(spelling)
    assert journal is not None
    assert (journal.name, journal.iso4, journal.medline, journal.origin) == (name, iso4, medline, origin)


@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param("J. Math. Phys.", id="abbreviation-of-two-journals"),
        pytest.param("Journal of Quantum Lattice Research", id="made-up"),
        pytest.param("CVPR", id="a-conference"),
        pytest.param("arXiv", id="a-preprint-server"),
        pytest.param("", id="empty"),
        pytest.param("Quantum Lattices, IEEE Transactions on", id="inverted-made-up"),
        pytest.param("Automatic Control, on", id="a-minor-word-alone-is-no-name"),
    ],
)
def test_no_journal_for_an_ambiguous_unknown_or_non_journal_spelling(spelling: str) -> None:
    assert find_journal(spelling) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Physical Review Letters", "Phys. Rev. Lett.", True, id="name-and-iso4"),
        pytest.param("Nature Communications", "Nature", False, id="a-sister-journal"),
        pytest.param("Physical Review B", "Physical Review B: Condensed Matter", True, id="subtitle"),
        pytest.param("Physical Review B", "Physical Review Letters", False, id="same-family"),
        pytest.param("The Lancet", "Lancet", True, id="leading-the"),
        pytest.param("Lancet", "Lancet Infectious Diseases", False, id="lancet-family"),
    ],
)
def test_same_journal(a: str, b: str, same: bool) -> None:
    journal_a, journal_b = find_journal(a), find_journal(b)
    assert journal_a is not None and journal_b is not None
    assert same_journal(journal_a, journal_b) is same


@pytest.mark.parametrize(
    ("text", "split"),
    [
        pytest.param("Entropy 27", ("Entropy", "27"), id="entropy"),
        pytest.param("JMLR 24", ("JMLR", "24"), id="jmlr"),
        pytest.param(
            "Journal of Machine Learning Research, vol. 24",
            ("Journal of Machine Learning Research", "24"),
            id="vol-dot",
        ),
        pytest.param("Physical Review B", None, id="a-letter-is-the-name"),
        pytest.param("Some Journal 12", None, id="unknown-journal-keeps-its-digits"),
    ],
)
def test_a_volume_glued_to_a_known_journal_comes_off(text: str, split: tuple[str, str] | None) -> None:
    assert trailing_volume(text) == split


@pytest.mark.parametrize(
    ("short", "name", "dotted"),
    [
        pytest.param(
            "Nat Mach Intell", "Nature Machine Intelligence", "Nat. Mach. Intell.", id="medline-style"
        ),
        pytest.param("Phys. Rev. Lett.", "Physical Review Letters", "Phys. Rev. Lett.", id="already-dotted"),
        pytest.param("CAIS", "Communications of the Association for Information Systems", None, id="acronym"),
        pytest.param("Nat Commun", "Nature Machine Intelligence", None, id="another-journal"),
        # the linking words ISO 4 leaves out, in the journal's language (title-omitted-words.json)
        pytest.param(
            "Z Anal Anwend",
            "Zeitschrift für Analysis und ihre Anwendungen",
            "Z. Anal. Anwend.",
            id="german-linking-words",
        ),
        pytest.param("Phys Lett A", "Physics Letters A", "Phys. Lett. A", id="a-series-letter-is-no-article"),
    ],
)
def test_a_short_title_is_an_abbreviation_only_when_it_shortens_the_names_words(
    short: str, name: str, dotted: str | None
) -> None:
    assert dotted_abbreviation(short, name) == dotted


# --- writing names ------------------------------------------------------------------------------


CIRCUITS = "IEEE Transactions on Circuits and Systems"


@pytest.mark.parametrize(
    ("short", "name", "abbreviates"),
    [
        pytest.param(
            "Probab. Theory Related Fields", "Probability Theory and Related Fields", True, id="ams"
        ),
        pytest.param(
            "Z. Wahrsch. Verw. Gebiete",
            "Zeitschrift für Wahrscheinlichkeitstheorie und Verwandte Gebiete",
            True,
            id="german-linking-words",
        ),
        pytest.param(
            "Ž. Vyčisl. Mat i Mat. Fiz.",
            "Žurnal Vyčislitelnoĭ Matematiki i Matematičeskoĭ Fiziki",
            True,
            id="transliterated-russian-a-word-without-its-dot",
        ),
        pytest.param("Časopis Pěst. Mat.", "Časopis Pro Pěstování Matematiky", True, id="czech"),
        pytest.param("J. Physique", "Le Journal de Physique", True, id="french-article"),
        pytest.param(
            "Amer. Math. Soc. Transl. (2)",
            "American Mathematical Society Translations",
            True,
            id="series-number",
        ),
        pytest.param(
            "Publ. Inst. Math. (Beograd)",
            "Publications Institut Mathématique",
            True,
            id="place-in-parentheses",
        ),
        pytest.param("Phys. Lett. A", "Physics Letters A", True, id="series-letter"),
        pytest.param(
            "Ann. Probab.", "Annals of Applied Probability", False, id="a-word-of-the-name-left-out"
        ),
        pytest.param("Ann. Appl. Probab.", "Annals of Probability", False, id="a-word-the-name-lacks"),
        pytest.param("Phys. Lett. A", "Physics Letters", False, id="a-series-the-name-lacks"),
        pytest.param("Phys. Rev. E", "Physical Review B", False, id="another-series"),
        pytest.param(
            "IEEE Trans. Circuits Syst. I",
            "IEEE Transactions on Circuits and Systems Part II",
            False,
            id="roman-series",
        ),
        pytest.param(
            "Stoch. Anal. Appl.", "Stochastic Processes and their Applications", False, id="another-word"
        ),
        pytest.param("Osaka J. Math.", "Journal of Mathematics", False, id="a-place-the-name-lacks"),
        pytest.param("Nature Physics", "Nature", False, id="not-abbreviated"),
    ],
)
def test_an_abbreviation_shortens_every_word_of_the_title_in_order(
    short: str, name: str, abbreviates: bool
) -> None:
    assert abbreviates_title(short, name) is abbreviates


@pytest.mark.parametrize(
    ("catalogue_name", "core"),
    [
        pytest.param(
            "Akademiya Nauk SSSR. Matematicheskie Zametki", "Matematicheskie Zametki", id="publisher-first"
        ),
        pytest.param(
            "Nonlinear Dynamics. An International Journal of Nonlinear Dynamics and Chaos",
            "Nonlinear Dynamics",
            id="subtitle",
        ),
        pytest.param(
            "Modern Physics Letters A. Particles and Fields, Gravitation, Cosmology, Nuclear Physics",
            "Modern Physics Letters A",
            id="after-a-series-letter",
        ),
        pytest.param(
            "Sociedad Matemática Mexicana. Boletín. Tercera Serie",
            "Boletín Sociedad Matemática Mexicana",
            id="reordered",
        ),
    ],
)
def test_a_catalogues_full_name_holds_the_journals_title(catalogue_name: str, core: str) -> None:
    assert core in journal_title_cores(catalogue_name)


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        # listed or not, old spellings: capitalised words cut short, a section's letter, words
        # ISO 4 prints whole; the last period maybe taken off by the reader
        ("Progr. Theoret. Phys.", True),
        ("Progr. Theoret. Phys", True),
        ("Acta Cryst. B", True),
        ("Acta Crystallogr., Sect. C", True),
        ("Rev. Mod. Phys.", True),
        ("Mem. della Soc. Astron. Ital.", True),  # a word ISO 4 leaves out, between cut ones
        ("della Soc. Astron.", False),  # not first
        # names' initials, words in full, a title with a small word, one word
        ("J. K.", False),
        ("A. Smith", False),
        ("Smith, J. K.", False),
        ("Physics Today", False),
        ("Deep Learning", False),
        ("Intro. to Alg.", False),
        ("Chem.", False),
    ],
)
def test_a_name_is_shaped_as_an_abbreviated_journals_by_its_words(text: str, shaped: bool) -> None:
    assert abbreviation_shaped(text) is shaped


def test_ieee_names_a_part_after_a_dash_and_its_subject_after_a_colon() -> None:
    cores = journal_title_cores(
        "IEEE Transactions on Circuits and Systems\u2014Part I: Fundamental Theory and Applications"
    )
    assert "IEEE Transactions on Circuits and Systems Part I" in cores
    assert abbreviates_title(
        "IEEE Trans. Circuits Syst. I", "IEEE Transactions on Circuits and Systems Part I"
    )


def test_only_a_publisher_is_left_out_before_the_title() -> None:
    assert "Condensed Matter" not in journal_title_cores("Journal of Physics: Condensed Matter")
    assert "Matematicheskie Zametki" in journal_title_cores("Akademiya Nauk SSSR. Matematicheskie Zametki")


def test_a_series_is_never_cut_off_a_catalogue_name() -> None:
    cores = journal_title_cores(
        "Discrete and Continuous Dynamical Systems. Series B. A Journal Bridging Mathematics"
    )
    assert "Discrete and Continuous Dynamical Systems" not in cores
    assert not abbreviates_title("Discrete Contin. Dyn. Syst.", cores[0])


@pytest.mark.parametrize(
    ("venue", "journal", "year", "form", "written"),
    [
        pytest.param("Phys. Rev. Lett.", True, 2013, "full", "Physical Review Letters", id="journal-full"),
        pytest.param(
            "Physical Review Letters", True, 2013, "abbreviated", "Phys. Rev. Lett.", id="journal-iso4"
        ),
        pytest.param("phys rev lett", True, 2013, "as-given", "phys rev lett", id="journal-as-given"),
        pytest.param(
            "TACL",
            True,
            2021,
            "full",
            "Transactions of the Association for Computational Linguistics",
            id="acronym-expanded",
        ),
        pytest.param(
            "Some Local Journal", True, 2020, "abbreviated", "Some Local Journal", id="unknown-journal"
        ),
        pytest.param(
            "CVPR",
            False,
            2016,
            "full",
            "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
            id="conference-full-of-its-year",
        ),
        pytest.param(
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            False,
            2022,
            "abbreviated",
            "CVPR",
            id="conference-acronym",
        ),
        pytest.param(
            "Advances in Neural Information Processing Systems (NeurIPS)",
            False,
            2016,
            "abbreviated",
            "NIPS",
            id="conference-acronym-of-its-year",
        ),
        pytest.param(
            "A-TEST@ESEC/SIGSOFT FSE",
            False,
            2016,
            "full",
            "A-TEST@ESEC/SIGSOFT FSE",
            id="a-workshop-is-not-its-conference",
        ),
    ],
)
def test_venue_spelling(venue: str, journal: bool, year: int, form: str, written: str) -> None:
    assert venue_spelling(venue, journal=journal, year=year, form=form) == written  # type: ignore[arg-type]


def _article(venue: str, *, issn: tuple[str, ...] = (), short: str | None = None) -> Reference:
    return Reference(
        title=f"A paper in {venue}",
        entry_type="article",
        venue=venue,
        issn=issn,
        venue_short=short,
        issued=PartialDate(year=2021),
        ids=Identifiers(),
    )


def test_one_spelling_per_journal_in_one_output() -> None:
    """The issue's file: "TACL" beside the full name, two spellings of a journal no list knows."""
    references = [
        ("a", _article("TACL")),
        ("b", _article("Transactions of the Association for Computational Linguistics")),
        ("c", _article("Journal of Foo Studies", issn=("1234-5678",))),
        ("d", _article("J. Foo Stud.", issn=("1234-5678",))),
        ("e", _article("journal of foo studies")),
    ]
    full = [r.venue for _, r in spell_venues(references, "full")]
    assert full == [
        "Transactions of the Association for Computational Linguistics",
        "Transactions of the Association for Computational Linguistics",
        "Journal of Foo Studies",
        "Journal of Foo Studies",
        "Journal of Foo Studies",
    ]
    abbreviated = [r.venue for _, r in spell_venues(references, "abbreviated")]
    assert abbreviated[:2] == ["Trans. Assoc. Comput. Linguist."] * 2
    as_given = [r.venue for _, r in spell_venues(references, "as-given")]
    assert as_given == [r.venue for _, r in references]


# --- the build script ------------------------------------------------------------------------


def _build_module() -> object:
    spec = importlib.util.spec_from_file_location("build_journals", ROOT / "scripts" / "build_journals.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_journals"] = module
    spec.loader.exec_module(module)
    return module


def test_the_build_combines_jabref_lists_by_their_own_rules(tmp_path: Path) -> None:
    """Synthetic rows in JabRef's CSV format through the real build: JabRef's first-wins order and
    filters (the later "Biomedical" row is the same key, so no alias is needed), MEDLINE joined by
    name, dots derived, NLM titles cleaned, one-word titles kept."""
    build = _build_module()
    lists = {
        "ieee": [["IEEE Transactions on Bio-Medical Engineering", "IEEE Trans. Bio-Med. Eng."]],
        "ubc": [
            ["Sensors", "Sens."],
            ["IEEE Transactions on Biomedical Engineering", "IEEE Trans. Biomed. Eng."],
            ["Artif. Intell.", "Artif. Intell."],
        ],
        "general": [
            ["Econometrica", "Econometrica"],
            ["Econometrica. Journal of the Econometric Society", "Econometrica"],
        ],
        "entrez": [
            ["Emerging infectious diseases", "Emerg Infect Dis"],
            ["The journal of political economy", "J Polit Econ"],
            ["Complement (Basel, Switzerland)", "Complement"],
        ],
    }
    folder = tmp_path / "journals"
    folder.mkdir()
    for name in (*build.DOTTED_LISTS, *build.MEDLINE_LISTS):  # type: ignore[attr-defined]
        with (folder / f"journal_abbreviations_{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(lists.get(name, []))
    rows = build.build(tmp_path)  # type: ignore[attr-defined]
    assert rows == [
        ("Complement", "Complement", "Complement", "Complement (Basel, Switzerland)"),
        ("Econometrica", "Econometrica", "", "Econometrica. Journal of the Econometric Society"),
        (
            "Emerging Infectious Diseases",
            "Emerg. Infect. Dis.",
            "Emerg Infect Dis",
            "Emerging infectious diseases",
        ),
        ("IEEE Transactions on Bio-Medical Engineering", "IEEE Trans. Bio-Med. Eng.", "", ""),
        (
            "Journal of Political Economy",
            "J. Polit. Econ.",
            "J Polit Econ",
            "The journal of political economy",
        ),
        ("Sensors", "Sensors", "", ""),
    ]
