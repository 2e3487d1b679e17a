"""No false alarm on real entries that abbreviate their journal and carry accented names.

`tests/corpus/abbreviated/spdes-bib.bib`: 417 journal articles of a real bibliography nobody on
the team wrote (SPDEs-Bib's ``All.bib``, MathSciNet's BibTeX; provenance in
tests/corpus/README.md, each entry's source line in ``MANIFEST.tsv``), every one citing its
journal by an abbreviation ("Probab. Theory Related Fields", "Ann. Inst. H. Poincar\\'{e}
Probab. Statist.", "Comm. Pure Appl. Math.") and with TeX-accented names ("Aïdékon",
"{\\O}ksendal", "Fran\\c{c}ois").

The world holds each paper as the sources serve it, built without bibnorm (`fakes.bib_world`):
names in plain ASCII as arXiv and many Semantic Scholar records spell them (anyascii), and the
journal by its full title, the entry's own ``fjournal`` as MathSciNet wrote it ("Probability
Theory and Related Fields"). Every entry is a correct citation, so every one must verify.

And a wrong journal is still a wrong journal: the same entries citing, in the same abbreviated
style, a journal the paper did not appear in stay flagged.

IEEE's own abbreviations of its 263 journals and magazines (IEEEtran's string files,
`tests/corpus/ieee/`) are each its journal's full name, and never another one's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import pytest
from anyascii import anyascii
from bibnorm.cli import main
from bibnorm.models import Reference
from bibnorm.verify.claims import Claim
from bibnorm.verify.journals import compare_journals
from click.testing import CliRunner
from fakes.bib_world import serving, world_papers
from pylatexenc.latex2text import LatexNodes2Text

CORPUS = Path(__file__).parent / "corpus" / "abbreviated" / "spdes-bib.bib"
MANIFEST = CORPUS.with_name("MANIFEST.tsv")
# A TeX accent or letter command (\\'e, \\"{o}, \\v{c}, \\O, \\ss, \\aa, \\i) or a non-ASCII letter.
ACCENTED = re.compile(r"\\['\"`^~=.uvHckdbrt]|\\(?:[oOlL]|ss|ae|aa|AA|i)(?![A-Za-z])|[^\x00-\x7f]")


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, str]]:
    papers, arxiv_records, held = world_papers(
        CORPUS.read_text(encoding="utf-8"), spell_name=anyascii, venue_fields=("fjournal",)
    )
    assert len(held) == 417
    with serving(papers, arxiv_records) as env:
        yield env


def verify(bib: Path, env: dict[str, str], cache: Path) -> dict[str, list[str]]:
    """The flagged entries of ``bib``: key → the messages of their findings."""
    result = CliRunner().invoke(
        main, ["verify", str(bib), "--json", "-q"], env={**env, "BIBNORM_CACHE_DIR": str(cache)}
    )
    document = json.loads(result.stdout)
    return {
        entry["key"]: [finding["message"] for finding in entry["findings"]]
        for entry in document["entries"]
        if entry["verdict"] != "verified"
    }


def test_every_entry_abbreviates_its_journal_and_has_an_accented_name() -> None:
    entries = bibtexparser.parse_string(CORPUS.read_text(encoding="utf-8")).entries
    journals = [entry.fields_dict["journal"].value for entry in entries]
    assert len(journals) == 417 and all("." in journal for journal in journals)
    assert all(ACCENTED.search(entry.fields_dict["author"].value) for entry in entries)
    assert len(set(journals)) >= 200  # many journals, not one spelled 417 times
    manifest = MANIFEST.read_text(encoding="utf-8").splitlines()[1:]
    assert len(manifest) == 417
    assert {row.split("\t")[1] for row in manifest} == {"chenle02/SPDEs-Bib"}


# MathSciNet's abbreviations that add the publisher's seat ("Paris") or leave out the publisher's
# name ("Akademii Nauk SSSR"), a person's initials ("V. A.") or how often the journal appears
# ("Hebdomadaires des Séances"): no bundled list knows these journals, and each is its own.
SEAT_ADDED_OR_PUBLISHER_LEFT_OUT = {
    "airault.ren.ea:00:smoothness": "C. R. Acad. Sci. Paris Sér. I Math.",
    "decreusefond.hu.ea:93:inegalite": "C. R. Acad. Sci. Paris Sér. I Math.",
    "herrero.velazquez:94:explosion": "C. R. Acad. Sci. Paris Sér. I Math.",
    "lepingle.ouvrard:73:martingales": "C. R. Acad. Sci. Paris Sér. A-B",
    "sudakov.cirel-son:74:extremal": "Zap. Naučn. Sem. Leningrad. Otdel. Mat. Inst. Steklov. (LOMI)",
}


def test_no_correct_entry_with_an_abbreviated_journal_is_flagged(
    world: dict[str, str], tmp_path: Path
) -> None:
    flagged = verify(CORPUS, world, tmp_path / "cache")
    assert flagged == {}


def test_the_corpus_holds_the_abbreviations_adding_a_seat() -> None:
    """The test above covers them: their entries are in the corpus, cited this way."""
    entries = bibtexparser.parse_string(CORPUS.read_text(encoding="utf-8")).entries
    journals = {
        entry.key: " ".join(LatexNodes2Text().latex_to_text(entry.fields_dict["journal"].value).split())
        for entry in entries
        if entry.key in SEAT_ADDED_OR_PUBLISHER_LEFT_OUT
    }
    assert journals == SEAT_ADDED_OR_PUBLISHER_LEFT_OUT


# The entry's journal swapped for another journal's abbreviation, as MathSciNet writes it.
NEAR_MISSES = [
    pytest.param("Probab. Theory Related Fields", "Probab. Surv.", id="another-probability-journal"),
    pytest.param("Comm. Math. Phys.", "Comm. Pure Appl. Math.", id="communications-in-another-field"),
    pytest.param("J. Funct. Anal.", "J. Math. Anal. Appl.", id="another-analysis-journal"),
    pytest.param("Ann. Probab.", "Ann. Appl. Probab.", id="applied-sibling"),
    pytest.param("Stochastic Process. Appl.", "Stoch. Anal. Appl.", id="stochastic-sibling"),
    pytest.param("J. Stat. Phys.", "J. Math. Phys.", id="physics-sibling"),
]


@pytest.mark.parametrize(("cited", "other"), NEAR_MISSES)
def test_an_abbreviation_of_another_journal_stays_flagged(
    world: dict[str, str], tmp_path: Path, cited: str, other: str
) -> None:
    text = CORPUS.read_text(encoding="utf-8")
    entry = next(block for block in text.split("\n\n") if f"journal\t= {{{cited}}}," in block)
    key = re.search(r"\{\s*([^,\s]+),", entry)
    assert key is not None
    wrong = tmp_path / "wrong.bib"
    wrong.write_text(entry.replace(f"journal\t= {{{cited}}}", f"journal\t= {{{other}}}"), encoding="utf-8")
    flagged = verify(wrong, world, tmp_path / "cache")
    assert list(flagged) == [key.group(1)]
    assert any(other in message for message in flagged[key.group(1)])


# --- IEEE's own abbreviations of its journals ----------------------------------------------------

IEEE = Path(__file__).parent / "corpus" / "ieee"


def ieee_strings(name: str) -> dict[str, str]:
    """IEEEtran's ``@STRING`` macros, TeX decoded by pylatexenc (not bibnorm)."""
    library = bibtexparser.parse_string((IEEE / name).read_text(encoding="latin-1"))
    return {string.key: LatexNodes2Text().latex_to_text(string.value) for string in library.strings}


ABBREVIATED, FULL = ieee_strings("IEEEabrv.bib"), ieee_strings("IEEEfull.bib")
# IEEE's abbreviation leaves out a word of the name: the co-publisher ("IEEE/OSA Journal of
# Lightwave Technology": "J. Lightw. Technol."), or "Magazine".
IEEE_NAME_WORD_LEFT_OUT = {"IEEE_J_JLT", "IEEE_J_MEMS", "IEEE_J_MEMSI", "IEEE_M_CHINAC"}
# One journal two ways: under two publishers' names (IEEE, then IEEE/ACM from 2014), and with
# "Bio-Medical" once spelt in one word.
IEEE_ONE_JOURNAL = {
    (
        "IEEE Audio, Speech, Language Process.",
        "IEEE/ACM Transactions on Audio, Speech, and Language Processing",
    ),
    (
        "IEEE/ACM Trans. Audio, Speech, Language Process.",
        "IEEE Transactions on Audio, Speech, and Language Processing",
    ),
    ("IEEE Trans. Bio-Med. Eng.", "IEEE Transactions on Biomedical Engineering"),
    ("IEEE Trans. Biomed. Eng.", "IEEE Transactions on Bio-Medical Engineering"),
}
# Two journals read as one because a subtitle is left out: "…Cybernetics: Systems" (2013-) is not
# "…Cybernetics" (1971-1995).
IEEE_SUBTITLE_IS_A_SERIES = {
    ("IEEE Trans. Syst., Man, Cybern.", "IEEE Transactions on Systems, Man, and Cybernetics: Systems"),
    ("IEEE Trans. Syst., Man, Cybern., Syst.", "IEEE Transactions on Systems, Man, and Cybernetics"),
}


def journals_agree(cited: str, appeared: str) -> bool:
    claim = Claim(key="k", path="refs.bib", line=1, entry_type="article", title="T", venue=cited)
    return (
        compare_journals(claim, Reference(title="T", venue=appeared, entry_type="article"), "s2").agree
        is True
    )


def test_the_ieee_macros_are_ieeetrans_263_journals_and_magazines() -> None:
    assert set(ABBREVIATED) == set(FULL) and len(FULL) == 263


def test_every_ieee_abbreviation_is_its_journal() -> None:
    unmatched = {macro for macro in FULL if not journals_agree(ABBREVIATED[macro], FULL[macro])}
    assert unmatched == IEEE_NAME_WORD_LEFT_OUT


def test_no_ieee_abbreviation_is_another_journal() -> None:
    agreeing = {
        (ABBREVIATED[mine], FULL[other])
        for mine in FULL
        for other in FULL
        if FULL[other] != FULL[mine]
        and ABBREVIATED[other] != ABBREVIATED[mine]
        and journals_agree(ABBREVIATED[mine], FULL[other])
    }
    assert agreeing - IEEE_SUBTITLE_IS_A_SERIES == IEEE_ONE_JOURNAL


@pytest.mark.xfail(strict=True, reason="a subtitle naming a series is left out like any subtitle")
@pytest.mark.parametrize(("cited", "appeared"), sorted(IEEE_SUBTITLE_IS_A_SERIES))
def test_a_subtitle_naming_a_series_makes_another_journal(cited: str, appeared: str) -> None:
    assert not journals_agree(cited, appeared)


# --- words an abbreviation adds or leaves out ------------------------------------------------------

C_R_SERIE_I = "Comptes Rendus de l'Académie des Sciences. Série I. Mathématique"
C_R_SERIES_A_B = "Comptes Rendus Hebdomadaires des Séances de l'Académie des Sciences. Séries A et B"
ZAPISKI = (
    "Zapiski Naučnyh Seminarov Leningradskogo Otdelenija Matematičeskogo Instituta im. V. A. Steklova "
    "Akademii Nauk SSSR (LOMI)"
)

SEAT_OR_PUBLISHER = [
    pytest.param("C. R. Acad. Sci. Paris Sér. I Math.", C_R_SERIE_I, id="academy-seat-added"),
    pytest.param("C. R. Acad. Sci. Paris Sér. A-B", C_R_SERIES_A_B, id="how-often-left-out"),
    pytest.param(
        "Zap. Naučn. Sem. Leningrad. Otdel. Mat. Inst. Steklov. (LOMI)", ZAPISKI, id="academy-left-out"
    ),
    pytest.param(
        "Zap. Nauchn. Sem. Leningrad. Otdel. Mat. Inst. Steklov. (LOMI)",
        ZAPISKI,
        id="library-transliteration",
    ),
]


@pytest.mark.parametrize(("cited", "appeared"), SEAT_OR_PUBLISHER)
def test_an_abbreviation_adding_the_seat_or_leaving_out_the_publisher_is_its_journal(
    cited: str, appeared: str
) -> None:
    assert journals_agree(cited, appeared)


ANOTHER_JOURNAL = [
    pytest.param("Osaka J. Math.", "Journal of Mathematics", id="place-making-another-known-journal"),
    pytest.param(
        "Osaka J. Math.", "Journal of Mathematics of Kyoto University", id="place-where-the-title-has-another"
    ),
    pytest.param("C. R. Acad. Sci. Paris Sér. II", C_R_SERIE_I, id="another-series"),
    pytest.param("C. R. Acad. Sci. Paris Sér. I Méc.", C_R_SERIE_I, id="another-section"),
    pytest.param("C. R. Acad. Sci. Paris Sér. Math.", C_R_SERIE_I, id="series-number-left-out"),
    pytest.param("Paris C. R. Acad. Sci. Sér. I Math.", C_R_SERIE_I, id="place-not-after-the-publisher"),
    pytest.param(
        "C. R. Acad. Sci. Physique",
        "Comptes Rendus de l'Académie des Sciences",
        id="a-subject-where-the-seat-goes",
    ),
    pytest.param(
        "Zap. Naučn. Sem. Moskov. Otdel. Mat. Inst. Steklov.", ZAPISKI, id="another-city-abbreviated"
    ),
    pytest.param(
        "J. Math.", "Journal of the Institute of Mathematics of Jussieu", id="part-of-the-publisher-left-out"
    ),
    pytest.param("Zap. Sem. Leningrad.", ZAPISKI, id="title-words-left-out"),
    pytest.param(
        "ESAIM Math. Model. Numer. Anal.",
        "ESAIM. Control, Optimisation and Calculus of Variations",
        id="another-title-of-one-publisher",
    ),
    pytest.param(
        "Discrete Contin. Dyn. Syst.",
        "Discrete and Continuous Dynamical Systems. Series S",
        id="a-series-split-off",
    ),
    pytest.param(
        "Discrete Contin. Dyn. Syst.",
        "Discrete and Continuous Dynamical Systems. Series B. A Journal Bridging Mathematics and Sciences",
        id="a-series-split-off-as-a-catalogue-names-it",
    ),
    pytest.param(
        "Discrete Contin. Dyn. Syst. Ser. S",
        "Discrete and Continuous Dynamical Systems. Series A",
        id="another-series-of-the-journal",
    ),
]


@pytest.mark.parametrize(("cited", "appeared"), ANOTHER_JOURNAL)
def test_a_word_naming_another_journal_stays_another_journal(cited: str, appeared: str) -> None:
    assert not journals_agree(cited, appeared)
