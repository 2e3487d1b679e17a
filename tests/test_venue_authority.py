"""Which venue a paper appeared in, when the sources disagree: the publisher's record (Crossref's,
of the cited DOI) and dblp's outrank Semantic Scholar's venue string; a joint event (ACL-IJCNLP,
EMNLP-IJCNLP, COLING-ACL) is each of its venues; the ACL Anthology's booktitles of every year,
with their tracks, and IEEE's and ISO 4's abbreviations name the venue; an author list that
follows any version of the paper (the preprint's or the published one's) is correct.

The booktitles are the ACL Anthology's own (fixtures/acl-anthology/volumes.json, from its XML).
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.text.venues import find_venue, without_track
from bibnorm.verify.html import render_report
from bibnorm.verify.judge import Answer, Answers, Claim, judge, venues_agree
from bibnorm.verify.run import VerifyOutcome

TODAY = date(2026, 11, 22)
ANTHOLOGY = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "acl-anthology" / "volumes.json").read_text(encoding="utf-8")
)
ACL = "Annual Meeting of the Association for Computational Linguistics"
EMNLP_IJCNLP_2019 = (
    "Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing and the 9th"
    " International Joint Conference on Natural Language Processing (EMNLP-IJCNLP)"
)


@pytest.mark.parametrize(
    ("booktitle", "event"),
    [
        pytest.param(v["booktitle"].replace("{", "").replace("}", ""), v["event"], id=v["file"])
        for v in ANTHOLOGY["volumes"]
    ],
)
def test_every_anthology_booktitle_names_its_event(booktitle: str, event: str) -> None:
    venue = find_venue(booktitle)
    assert venue is not None
    assert venue.short == event.replace("NAACL-HLT", "NAACL")


SPELLINGS = [
    ("ACL-IJCNLP 2021", "ACL-IJCNLP", "acronym-and-year"),
    (
        "Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics"
        " (Volume 1: Long Papers)",
        "ACL",
        "acl-2022-long",
    ),
    (
        "Proceedings of the 59th Annual Meeting of the Association for Computational Linguistics and the"
        " 11th International Joint Conference on Natural Language Processing (Volume 2: Short Papers)",
        "ACL-IJCNLP",
        "acl-ijcnlp-2021-short",
    ),
    (
        "Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing:"
        " System Demonstrations",
        "EMNLP",
        "emnlp-demos",
    ),
    (
        "Proceedings of the 16th Conference of the European Chapter of the Association for"
        " Computational Linguistics: Main Volume",
        "EACL",
        "eacl-main-volume",
    ),
    (
        "Proceedings of the 13th International Joint Conference on Natural Language Processing and the"
        " 3rd Conference of the Asia-Pacific Chapter of the Association for Computational Linguistics"
        " (Volume 1: Long Papers)",
        "AACL-IJCNLP",
        "ijcnlp-aacl-2023",
    ),
    (
        "Proceedings of the Joint Conference of the 47th Annual Meeting of the ACL and the 4th"
        " International Joint Conference on Natural Language Processing of the AFNLP",
        "ACL-IJCNLP",
        "acl-ijcnlp-2009",
    ),
    (
        "Human Language Technologies: The 2010 Annual Conference of the North American Chapter of the"
        " Association for Computational Linguistics",
        "NAACL",
        "naacl-hlt-2010",
    ),
    (
        "Proceedings of the 2024 Joint International Conference on Computational Linguistics, Language"
        " Resources and Evaluation (LREC-COLING 2024)",
        "LREC-COLING",
        "lrec-coling",
    ),
    ("Findings of the Association for Computational Linguistics: EMNLP 2020", "Findings of ACL", "findings"),
    (
        "Proceedings of the 21st International Conference on Computational Linguistics and the 44th"
        " annual meeting of the ACL - ACL '06",
        "COLING-ACL",
        "acm-container-title",
    ),
    (
        "Proc. Annu. Meeting Assoc. Comput. Linguistics Int. Joint Conf. Nat. Lang. Process.",
        "ACL-IJCNLP",
        "ieee-abbreviated",
    ),
    ("Proc. Conf. Empir. Methods Nat. Lang. Process.", "EMNLP", "iso4-abbreviated"),
    ("Proc. IEEE Conf. Comput. Vis. Pattern Recognit.", "CVPR", "ieee-cvpr"),
    (
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops",
        "CVPRW",
        "cvpr-workshops-not-cvpr",
    ),
]


@pytest.mark.parametrize(
    ("spelling", "short"), [pytest.param(spelling, short, id=name) for spelling, short, name in SPELLINGS]
)
def test_spellings_of_joint_and_co_located_events(spelling: str, short: str) -> None:
    venue = find_venue(spelling)
    assert venue is not None and venue.short == short


@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param("Trans. GIS.", id="an-acronym-is-no-abbreviated-word"),  # not "Transactions on Graphics"
        pytest.param("Int. J. GIS", id="acronym-among-abbreviations"),
    ],
)
def test_an_acronym_in_an_abbreviated_name_abbreviates_no_word_of_a_table_venue(spelling: str) -> None:
    assert find_venue(spelling) is None


@pytest.mark.parametrize(
    ("claimed", "record", "agree"),
    [
        pytest.param("ACL-IJCNLP 2021", ACL, True, id="joint-event-is-its-member"),
        pytest.param("EMNLP", EMNLP_IJCNLP_2019, True, id="member-is-its-joint-event"),
        pytest.param("EMNLP-IJCNLP 2019", ACL, False, id="another-conference"),
        pytest.param("AACL-IJCNLP 2020", "EMNLP-IJCNLP", False, id="two-joint-events-sharing-a-member"),
    ],
)
def test_a_joint_event_agrees_with_each_of_its_venues(claimed: str, record: str, agree: bool) -> None:
    assert bool(venues_agree(claimed, record)) is agree


@pytest.mark.parametrize(
    "adversarial",
    [
        pytest.param("volume 1 " * 20000, id="many-volumes"),
        pytest.param("(volume 1 (" * 20000, id="many-open-parentheses"),
        pytest.param(", Volume 1: " + "a" * 200000 + "(", id="a-long-unclosed-track"),
    ],
)
def test_the_track_rule_takes_linear_time(adversarial: str) -> None:
    started = time.process_time()
    without_track(adversarial)
    assert time.process_time() - started < 2.0


# --- the judge: which record's venue and authors count ------------------------------------

PAPER = Reference(
    title="Neural Self-Training through Spaced Repetition",
    authors=(Person(given="Hadi", family="Amiri"), Person(given="Ann", family="Other")),
    issued=PartialDate(year=2019),
    entry_type="inproceedings",
    venue=ACL,  # Semantic Scholar's venue string: its mislabelling of a NAACL paper
    ids=Identifiers(doi="10.18653/v1/N19-1003"),
)
NAACL_2019 = (
    "Proceedings of the 2019 Conference of the North American Chapter of the Association for"
    " Computational Linguistics: Human Language Technologies, Volume 1 (Long and Short Papers)"
)
PUBLISHED = PAPER.model_copy(update={"venue": NAACL_2019})


def cited(**fields: object) -> Claim:
    values: dict[str, object] = {
        "key": "k",
        "path": "refs.bib",
        "line": 1,
        "entry_type": "inproceedings",
        "title": PAPER.title,
        "authors": ("Hadi Amiri", "Ann Other"),
        "year": 2019,
        "venue": "NAACL-HLT 2019",
        "doi": "10.18653/v1/N19-1003",
    }
    return Claim(**(values | fields))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [
        pytest.param((Answer(source="crossref", record=PUBLISHED),), [], id="crossref-names-the-cited-venue"),
        pytest.param((Answer(source="dblp", record=PUBLISHED),), [], id="dblp-names-the-cited-venue"),
        pytest.param(
            (Answer(source="s2", record=PUBLISHED),), ["BN732"], id="another-s2-record-is-no-authority"
        ),
        pytest.param((), ["BN732"], id="no-other-record"),
    ],
)
def test_the_publishers_record_outranks_semantic_scholars_venue(
    publisher: tuple[Answer, ...], expected: list[str]
) -> None:
    answers = Answers(by_doi=(Answer(source="s2", record=PAPER), *publisher))
    verdict = judge(cited(), answers, TODAY)
    assert [f.code for f in verdict.findings if f.field == "venue"] == expected


def test_a_venue_no_record_names_is_still_wrong_when_the_publisher_answered() -> None:
    answers = Answers(by_doi=(Answer(source="s2", record=PAPER), Answer(source="crossref", record=PUBLISHED)))
    verdict = judge(cited(venue="EMNLP 2019"), answers, TODAY)
    assert [f.code for f in verdict.findings] == ["BN732"]


def test_an_author_order_following_the_published_version_is_correct() -> None:
    preprint = PAPER.model_copy(
        update={"authors": tuple(reversed(PAPER.authors)), "venue": None, "entry_type": "preprint"}
    )
    published = PUBLISHED
    answers = Answers(
        by_title=(Answer(source="s2", record=preprint),),
        of_paper=(Answer(source="crossref", record=published),),
    )
    assert judge(cited(doi=None), answers, TODAY).findings == ()
    alone = Answers(by_title=(Answer(source="s2", record=preprint),))
    assert [f.code for f in judge(cited(doi=None), alone, TODAY).findings] == ["BN715"]


def test_the_suggested_record_takes_its_venue_from_the_publisher_not_semantic_scholar() -> None:
    answers = Answers(by_doi=(Answer(source="s2", record=PAPER), Answer(source="crossref", record=PUBLISHED)))
    verdict = judge(cited(authors=("Hadi Amiri", "Ann Otter")), answers, TODAY)  # a misspelt author
    assert verdict.matched is not None and verdict.matched.record is not None
    assert verdict.matched.source == "s2"
    assert verdict.matched.record.venue == NAACL_2019
    assert verdict.matched.record.provenance["venue"] == "crossref"


def test_the_reports_suggested_entry_cites_the_publishers_venue() -> None:
    answers = Answers(by_doi=(Answer(source="s2", record=PAPER), Answer(source="crossref", record=PUBLISHED)))
    verdict = judge(cited(authors=("Hadi Amiri", "Zed Stranger")), answers, TODAY)  # a wrong author
    page = render_report(VerifyOutcome(verdicts=[verdict]), files=["refs.bib"], generated=TODAY)
    suggestion = page[page.index('<details class="suggestion"') :]
    suggestion = suggestion[: suggestion.index("</details>")]
    assert "from s2's record, its venue from crossref's" in suggestion
    assert "North American Chapter" in suggestion and ACL not in suggestion
