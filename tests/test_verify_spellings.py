"""Names and venues as people write them.

`verify` flagged correct citations: letters that do not decompose (ł, ø, ß, æ, ı …) were
dropped instead of folded, transliterations ("Fruend") and the spelling corrections dblp makes
("Metaxas", "Gomez-Bigorda") read as other people, an entry following the published version's
author list was judged against arXiv's, ISO 4 conference abbreviations and dblp's long
proceedings titles were "not a venue bibnorm knows", and a PDF's T1 glyph slots ("Solja£i¢")
reached the claim unrepaired. Each case below is a citation a user wrote, and what it must get.
"""

from __future__ import annotations

import gzip
import importlib.util
from datetime import date
from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.readers import read_inputs
from bibnorm.text.names import family_forms, name_words, one_edit
from bibnorm.text.venues import find_venue, iso4_abbreviation
from bibnorm.verify.judge import Answer, Answers, Claim, Verdict, judge
from paths import ROOT

TODAY = date(2026, 11, 24)
ATTENTION = Reference(
    title="Attention Is All You Need",
    authors=(
        Person(given="Ashish", family="Vaswani"),
        Person(given="Noam", family="Shazeer"),
        Person(given="Lukasz", family="Kaiser"),
    ),
    issued=PartialDate(year=2017),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    ids=Identifiers(arxiv_id="1706.03762"),
)


def claim(authors: tuple[str, ...], venue: str = "NIPS", title: str = ATTENTION.title) -> Claim:
    return Claim(
        key="k",
        path="refs.bib",
        line=1,
        entry_type="inproceedings",
        title=title,
        authors=authors,
        year=2017,
        venue=venue,
    )


def with_authors(*people: Person) -> Reference:
    return ATTENTION.model_copy(update={"authors": people})


def codes(authors: tuple[str, ...], record: Reference, *others: Answer) -> list[str]:
    answers = Answers(by_title=(Answer(source="s2", record=record), *others))
    return [finding.code for finding in judge(claim(authors), answers, TODAY).findings]


# --- every Latin letter folded, TeX and Unicode alike ------------------------------------------


@pytest.mark.parametrize(
    ("written", "recorded"),
    [
        pytest.param("Kaiser, {\\L}ukasz", Person(given="Lukasz", family="Kaiser"), id="tex-braced-L"),
        pytest.param("\\L{}ukasz Kaiser", Person(given="Lukasz", family="Kaiser"), id="tex-L-empty-group"),
        pytest.param("Łukasz Kaiser", Person(given="Lukasz", family="Kaiser"), id="unicode-L-stroke"),
        pytest.param("Lukasz Kaiser", Person(given="Łukasz", family="Kaiser"), id="record-has-the-letter"),
        pytest.param("S{\\o}ren Hauberg", Person(given="Soren", family="Hauberg"), id="tex-o-slash"),
        pytest.param("Søren Hauberg", Person(given="Soeren", family="Hauberg"), id="o-slash-spelt-oe"),
        pytest.param("Gro{\\ss}e, Ivo", Person(given="Ivo", family="Grosse"), id="tex-sharp-s"),
        pytest.param("Ivo Große", Person(given="Ivo", family="Grosse"), id="sharp-s"),
        pytest.param("{\\AE}lfric Smith", Person(given="AElfric", family="Smith"), id="tex-ae"),
        pytest.param("Y{\\i}lmaz, Emre", Person(given="Emre", family="Yilmaz"), id="tex-dotless-i"),
        pytest.param("Emre Kılıç", Person(given="Emre", family="Kilic"), id="dotless-i"),
        pytest.param("Đorđe Đorđević", Person(given="Djordje", family="Dordevic"), id="d-stroke"),
        pytest.param("Þór Jónsson", Person(given="Thor", family="Jonsson"), id="thorn"),
        pytest.param("Frédo Œuvrard", Person(given="Fredo", family="Oeuvrard"), id="oe-ligature"),
        pytest.param("Roland Fründ", Person(given="Roland", family="Fruend"), id="u-umlaut-spelt-ue"),
        pytest.param("Roland Fruend", Person(given="Roland", family="Fründ"), id="ue-for-u-umlaut"),
        pytest.param("Anders Ångström", Person(given="Anders", family="Aangstroem"), id="a-ring-spelt-aa"),
        pytest.param("Jens Østergaard", Person(given="Jens", family="Oestergaard"), id="o-slash-capital"),
    ],
)
def test_a_name_written_with_any_latin_letter_is_the_same_person(written: str, recorded: Person) -> None:
    record = with_authors(recorded)
    assert codes((written,), record) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("Kaiser, {\\L}ukasz", ("kaiser", "lukasz"), id="tex"),
        pytest.param("Đorđević", ("dordevic",), id="d-stroke"),
        pytest.param("Þór", ("thor",), id="thorn"),
        pytest.param("Gro{\\ss}e", ("grosse",), id="sharp-s"),
    ],
)
def test_name_words_fold_every_latin_letter(text: str, words: tuple[str, ...]) -> None:
    assert name_words(text) == words


def test_a_family_name_has_its_accent_free_and_its_spelt_out_keys() -> None:
    assert family_forms("Fründ") == {"frund", "fruend"}
    assert family_forms("Kaiser") == {"kaiser"}


# --- the corrections dblp and Crossref make --------------------------------------------------


NOBODY = ["BN712"]  # the one author the record lists is not the one claimed


@pytest.mark.parametrize(
    ("written", "recorded", "expected"),
    [
        pytest.param("Dimitris N. Metaxas", Person(given="Dimitris", family="Mexatas"), [], id="swapped"),
        pytest.param("Lluis Gomez-Bigorda", Person(given="Lluis", family="Gomez"), [], id="double-family"),
        pytest.param("Lluis Gomez", Person(given="Lluís", family="Gómez-Bigorda"), [], id="the-other-way"),
        pytest.param(
            "Jürgen Schmidhuber", Person(given="Jurgen", family="Schmidhubber"), [], id="added-long"
        ),
        pytest.param("J. Vaswani", Person(given="Ashish", family="Vaswani"), NOBODY, id="other-initial"),
        pytest.param("Yu Chen", Person(given="Yu", family="Cheng"), NOBODY, id="short-name-is-another"),
        pytest.param("Wei Li", Person(given="Wei", family="Liu"), NOBODY, id="li-is-not-liu"),
        pytest.param("D. Metaxas", Person(given="Kostas", family="Mexatas"), NOBODY, id="typo-other-initial"),
    ],
)
def test_a_corrected_spelling_is_the_same_person_only_with_the_same_initial(
    written: str, recorded: Person, expected: list[str]
) -> None:
    assert codes((written,), with_authors(recorded)) == expected


def test_an_exact_name_is_paired_before_a_corrected_one() -> None:
    # "Gomez" matches "Gomez-Bigorda" only loosely; the record's own "Gomez" is taken first.
    record = with_authors(
        Person(given="Lluis", family="Gomez-Bigorda"), Person(given="Lluis", family="Gomez")
    )
    assert codes(("Lluis Gomez-Bigorda", "Lluis Gomez"), record) == []
    assert codes(("Lluis Gomez", "Lluis Gomez-Bigorda"), record) == ["BN715"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("metaxas", "mexatas", True, id="swap"),
        pytest.param("schmidhuber", "schmidhubber", True, id="added-in-a-long-name"),
        pytest.param("kaiser", "kaisser", False, id="added-in-a-short-name"),
        pytest.param("chen", "cheng", False, id="short"),
    ],
)
def test_one_edit(a: str, b: str, same: bool) -> None:
    assert one_edit(a, b) is same


# --- a citation of any version ------------------------------------------------------------------

ARXIV_ORDER = (
    Person(given="Xiaohua", family="Zhai"),
    Person(given="Lluis", family="Gomez"),
    Person(given="Lucas", family="Beyer"),
)
DBLP_ORDER = (
    Person(given="Xiaohua", family="Zhai"),
    Person(given="Lucas", family="Beyer"),
    Person(given="Lluis", family="Gomez-Bigorda"),
    Person(given="Neil", family="Houlsby"),
)


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        pytest.param(("Xiaohua Zhai", "Lluis Gomez", "Lucas Beyer"), [], id="as-arxiv-lists-them"),
        pytest.param(
            ("Zhai, Xiaohua", "Beyer, Lucas", "Gomez-Bigorda, Lluis", "Houlsby, Neil"),
            [],
            id="as-dblp-lists-them",
        ),
        pytest.param(("Xiaohua Zhai", "Lucas Beyer", "Lluis Gomez"), ["BN715"], id="as-neither"),
    ],
)
def test_a_citation_following_either_versions_author_list_is_correct(
    authors: tuple[str, ...], expected: list[str]
) -> None:
    preprint = ATTENTION.model_copy(update={"authors": ARXIV_ORDER, "title": "Scaling Vision Transformers"})
    published = preprint.model_copy(update={"authors": DBLP_ORDER})
    answers = Answers(
        by_arxiv_id=(Answer(source="arxiv", record=preprint),),
        by_title=(Answer(source="dblp", record=published),),
    )
    verdict = judge(claim(authors, title="Scaling Vision Transformers"), answers, TODAY)
    assert [finding.code for finding in verdict.findings if finding.field == "author"] == expected


# --- venues: ISO 4 / IEEE abbreviations and dblp's proceedings titles ------------------------

CVPR_2022 = "IEEE/CVF Conference on Computer Vision and Pattern Recognition, CVPR 2022"


@pytest.mark.parametrize(
    ("written", "short"),
    [
        pytest.param(
            "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)", "CVPR", id="ieee-with-acronym"
        ),
        pytest.param("Proc. IEEE Conf. Comput. Vis. Pattern Recognit.", "CVPR", id="ieee-cvpr"),
        pytest.param("Proc. IEEE/CVF Conf. Comput. Vis. Pattern Recognit.", "CVPR", id="ieee-cvf-cvpr"),
        pytest.param("Proc. IEEE Int. Conf. Comput. Vis.", "ICCV", id="ieee-iccv"),
        pytest.param("Proc. Eur. Conf. Comput. Vis.", "ECCV", id="eccv"),
        pytest.param("Adv. Neural Inf. Process. Syst.", "NeurIPS", id="neurips"),
        pytest.param("Proc. Int. Conf. Learn. Represent.", "ICLR", id="iclr-plural-stem"),
        pytest.param("Proc. Int. Conf. Mach. Learn.", "ICML", id="icml"),
        pytest.param("Proc. AAAI Conf. Artif. Intell.", "AAAI", id="aaai"),
        pytest.param("Proc. Annu. Meet. Assoc. Comput. Linguist.", "ACL", id="acl"),
        pytest.param(
            f"{CVPR_2022}, New Orleans, LA, USA, June 18-24, 2022",
            "CVPR",
            id="dblp-proceedings-title",
        ),
        pytest.param(
            "IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops, CVPR Workshops 2022, "
            "New Orleans, LA, USA, June 19-20, 2022",
            "CVPRW",
            id="dblp-workshops-are-not-the-conference",
        ),
    ],
)
def test_abbreviated_and_long_venue_names_find_their_venue(written: str, short: str) -> None:
    venue = find_venue(written)
    assert venue is not None and venue.short == short


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("Proc. Int. Conf. Zebra Stripes", id="unknown-venue"),
        pytest.param("Machine Learning, ICCV 2023, Paris, France", id="name-and-acronym-of-two-venues"),
    ],
)
def test_venues_no_rule_names_stay_unknown(written: str) -> None:
    assert find_venue(written) is None


@pytest.mark.parametrize(
    ("name", "abbreviated"),
    [
        pytest.param(
            "IEEE Conference on Computer Vision and Pattern Recognition",
            "IEEE Conf. Comput. Vis. Pattern Recognit.",
            id="cvpr",
        ),
        # "Empirical" is in the LTWA, not in JabRef's lists; "Methods" is a word ISO 4 keeps whole.
        pytest.param(
            "Conference on Empirical Methods in Natural Language Processing",
            "Conf. Empir. Methods Nat. Lang. Process.",
            id="emnlp-word-the-ltwa-has",
        ),
        pytest.param(
            "Annual Meeting of the Association for Computational Linguistics",
            "Annu. Meet. Assoc. Comput. Linguist.",
            id="acl-word-beginnings",
        ),
        # the linking words of other languages too (title-omitted-words.json), as MathSciNet's
        # "Z. Anal. Anwendungen" and "Ann. Inst. Fourier" leave them out, an elided "l'" with them
        pytest.param(
            "Zeitschrift für Analysis und ihre Anwendungen", "Z. Anal. Anwendungen", id="german-linking-words"
        ),
        pytest.param("Annales de l'Institut Fourier", "Ann. Inst. Fourier", id="french-elided-article"),
        pytest.param(
            "International Conference on 3D Vision", "Int. Conf. 3D Vis.", id="a-letter-after-a-digit-stays"
        ),
    ],
)
def test_iso4_abbreviates_word_by_word_and_drops_linking_words(name: str, abbreviated: str) -> None:
    assert iso4_abbreviation(name) == abbreviated


@pytest.mark.parametrize(
    ("written", "short"),
    [
        pytest.param("Proc. Conf. Empir. Methods Nat. Lang. Process.", "EMNLP", id="emnlp"),
        pytest.param("Conf. Empir. Methods Nat. Lang. Process. (EMNLP)", "EMNLP", id="with-acronym"),
        pytest.param("Proc. Annu. Meet. Assoc. Comput. Linguist.", "ACL", id="acl"),
        pytest.param("Adv. Neural Inf. Process. Syst.", "NeurIPS", id="neurips"),
        # "Workshops" as IEEE and JabRef's lists write it, and as the LTWA's "work-" abbreviates it.
        pytest.param("IEEE Conf. Comput. Vis. Pattern Recognit. Workshops", "CVPRW", id="whole"),
        pytest.param("IEEE/CVF Conf. Comput. Vis. Pattern Recognit. Work.", "CVPRW", id="ltwa"),
    ],
)
def test_an_iso4_abbreviated_proceedings_is_its_venue(written: str, short: str) -> None:
    venue = find_venue(written)
    assert venue is not None and venue.short == short


# dblp's proceedings titles of two ACL venues (the 2020 volumes).
EMNLP_2020 = (
    "Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing, EMNLP 2020"
)
ACL_2020 = "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics, ACL 2020"


@pytest.mark.parametrize(
    ("appeared", "findings"),
    [
        pytest.param(EMNLP_2020, [], id="at-emnlp"),
        pytest.param(ACL_2020, ["BN732"], id="at-acl-another-venue"),
    ],
)
def test_an_ltwa_abbreviated_emnlp_citation_is_judged_against_the_papers_venue(
    appeared: str, findings: list[str]
) -> None:
    record = ATTENTION.model_copy(update={"venue": f"{appeared}, Online, November 16-20, 2020"})
    authors = ("Ashish Vaswani", "Noam Shazeer", "Lukasz Kaiser")
    written = claim(authors, venue="Proc. Conf. Empir. Methods Nat. Lang. Process.")
    verdict = judge(written, Answers(by_title=(Answer(source="dblp", record=record),)), TODAY)
    assert [found.code for found in verdict.findings] == findings


def test_the_ltwa_build_keeps_english_words_and_beginnings() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_ltwa_words", ROOT / "scripts" / "build_ltwa_words.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rows = [  # rows as ltwa_20210702.csv has them
        ["empirical", "empir.", "eng"],
        ["conferen-", "conf.", "fre, eng"],
        ["information", "inf.", "mul"],
        ["method", "n.a.", "eng"],
        ["-graph-", "-gr.", "eng"],
        ["processi verbali", "p. v.", "ita"],
        ["Abendland", "Abendl.", "ger"],
        ["anti-dumping", "anti-dump.", "eng"],
    ]
    assert build.patterns(rows) == {
        "empirical": "empir",
        "conferen-": "conf",
        "information": "inf",
        "method": "",
    }


def test_the_ltwa_words_name_the_issn_file_they_come_from() -> None:
    with gzip.open(ROOT / "normalizer" / "data" / "ltwa-words.tsv.gz", "rt", encoding="utf-8") as lines:
        header = next(lines)
    # sha256 of https://www.issn.org/wp-content/uploads/2021/07/ltwa_20210702.csv as published
    assert "ltwa_20210702.csv" in header
    assert "8e74bc63dc7c7a0d8bdcbdd13e74ba20d4ecd7d984b70cdf3488c9530e87b486" in header


def test_an_ieee_abbreviated_venue_verifies_against_dblps_proceedings_title() -> None:
    record = ATTENTION.model_copy(update={"venue": f"{CVPR_2022}, New Orleans, LA, USA, June 18-24, 2022"})
    authors = ("Ashish Vaswani", "Noam Shazeer", "Lukasz Kaiser")
    written = claim(authors, venue="Proc. IEEE Conf. Comput. Vis. Pattern Recognit.")
    verdict = judge(written, Answers(by_title=(Answer(source="dblp", record=record),)), TODAY)
    assert verdict.verdict is Verdict.VERIFIED, verdict.findings


# --- a PDF's glyph slots ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("copied", "read"),
    [
        pytest.param("Marin Solja£i¢", "Marin Soljačić", id="c-caron-c-acute"),
        pytest.param("Wªodzisªaw Duch", "Włodzisław Duch", id="l-stroke"),
        pytest.param("Jan R·ºi£ka", "Jan Růžička", id="three-in-a-row"),
        pytest.param("\x8aukasz Kaiser", "Łukasz Kaiser", id="capital-at-the-start"),
    ],
)
def test_t1_glyph_slots_in_a_pasted_reference_list_become_their_letters(
    tmp_path: Path, copied: str, read: str
) -> None:
    lines = [
        f"[1] {copied} and J. D. Joannopoulos. Photonic crystals for everyone. In CVPR, 2020.",
        "[2] Ashish Vaswani and Noam Shazeer. Attention is all you need. In NeurIPS, 2017.",
        "[3] Prices rose to £5 for 10 m² of µm-thin film. In Proc. Zebra, 2019.",
    ]
    path = tmp_path / "refs.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    queries = read_inputs([str(path)])
    assert read in queries[0].raw
    assert queries[2].raw.startswith(
        "Prices rose to £5 for 10 m² of µm-thin film"
    )  # signs that are signs stay
