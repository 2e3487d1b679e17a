"""``bibnorm verify`` on journal citations: names, abbreviations, ISSNs, preprints.

First the judge alone, one claim against the records the sources hold (each finding names what
was compared and where it came from); then the cases `fakes.journal_world` makes from 533 real
articles and preprints of five fields, verified against the fakes of Semantic Scholar, arXiv
and Crossref: every kind of made-up citation detected in at least 97% of its entries, no valid
one flagged.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.verify.judge import Answer, Answers, Claim, Verdict, judge
from paths import ROOT

TODAY = date(2026, 11, 22)
TITLE = "Characterizing Topological Order by Studying the Ground States of an Infinite Cylinder"
AUTHORS = (Person(given="Lukasz", family="Cincio"), Person(given="Guifre", family="Vidal"))


def claim(venue: str, **changes: object) -> Claim:
    values: dict[str, object] = {
        "key": "cincio2013",
        "path": "refs.bib",
        "line": 1,
        "entry_type": "article",
        "title": TITLE,
        "authors": ("Lukasz Cincio", "Guifre Vidal"),
        "year": 2013,
        "venue": venue,
    }
    return Claim(**{**values, **changes})  # type: ignore[arg-type]


def record(venue: str | None, **changes: object) -> Reference:
    values: dict[str, object] = {
        "title": TITLE,
        "authors": AUTHORS,
        "issued": PartialDate(year=2013),
        "entry_type": "article" if venue else "misc",
        "venue": venue,
        "ids": Identifiers(doi="10.1103/PhysRevLett.110.067208"),
    }
    return Reference(**{**values, **changes})  # type: ignore[arg-type]


def by_title(*records: tuple[str, Reference], of_paper: tuple[Reference, ...] = ()) -> Answers:
    return Answers(
        by_title=tuple(Answer(source=source, record=r) for source, r in records),
        of_paper=tuple(Answer(source="crossref", record=r) for r in of_paper),
    )


@pytest.mark.parametrize(
    ("cited", "paper", "verdict"),
    [
        pytest.param("Phys. Rev. Lett.", "Physical Review Letters", Verdict.VERIFIED, id="iso4"),
        pytest.param("Phys Rev Lett", "Physical Review Letters", Verdict.VERIFIED, id="medline"),
        pytest.param(
            "Physical Review Letters", "Phys. Rev. Lett.", Verdict.VERIFIED, id="record-abbreviated"
        ),
        pytest.param("Physical review letters", "Physical Review Letters", Verdict.VERIFIED, id="nlm-case"),
        pytest.param("The Lancet", "Lancet", Verdict.VERIFIED, id="leading-the"),
        pytest.param(
            "Europhysics Letters", "EPL (Europhysics Letters)", Verdict.VERIFIED, id="parenthesised-name"
        ),
        pytest.param("Physical Review B", "Physical Review Letters", Verdict.MISMATCH, id="sister-journal"),
        pytest.param(
            "Nature Communications", "Nature", Verdict.MISMATCH, id="nature-communications-is-not-nature"
        ),
        pytest.param("Nature", "Nature Communications", Verdict.MISMATCH, id="nor-the-other-way"),
        pytest.param(
            "Journal of Applied Physics Letters",
            "Journal of Applied Physics",
            Verdict.MISMATCH,
            id="a-word-added-is-another-journal",
        ),
        pytest.param(
            "Quantum Physical Review Letters",
            "Physical Review Letters",
            Verdict.MISMATCH,
            id="made-up-around-a-real-name",
        ),
    ],
)
def test_a_cited_journal_is_the_papers_through_its_names_and_abbreviations(
    cited: str, paper: str, verdict: Verdict
) -> None:
    result = judge(claim(cited), by_title(("s2", record(paper))), TODAY)
    assert result.verdict is verdict, [f.message for f in result.findings]


def test_another_journal_is_bn732_naming_both_journals_and_where_each_is_known_from() -> None:
    result = judge(
        claim("Nature Communications"),
        by_title(("s2", record("Nature", issn=("0028-0836", "1476-4687")))),
        TODAY,
    )
    (finding,) = result.findings
    assert (finding.code, finding.expected, finding.found, finding.source) == (
        "BN732",
        "Nature",
        "Nature Communications",
        "s2",
    )
    assert finding.message == (
        "the paper appeared in Nature (Semantic Scholar's venue, ISSN 0028-0836, 1476-4687), not in "
        "Nature Communications (Nature Communications in bibnorm's venue table)"
    )


def test_a_journal_no_source_and_no_list_knows_is_bn731_unknown() -> None:
    result = judge(
        claim("Journal of Quantum Lattice Research"),
        by_title(("s2", record("Physical Review Letters"))),
        TODAY,
    )
    (finding,) = result.findings
    assert finding.code == "BN731"
    assert "no source or journal list knows it" in finding.message
    assert "Physical Review Letters (Semantic Scholar's venue)" in finding.message


def test_a_cited_journal_unknown_to_every_list_beside_a_record_without_venue_is_unknown_not_verified() -> (
    None
):
    result = judge(claim("Journal of Quantum Lattice Research"), by_title(("s2", record(None))), TODAY)
    assert result.verdict is Verdict.MISMATCH
    assert [f.code for f in result.findings] == ["BN731"]
    assert "names no venue" in result.findings[0].message


def test_a_known_journal_beside_a_record_without_venue_is_judged_by_crossrefs_record_of_the_paper() -> None:
    crossref = record("Physical Review Letters", issn=("0031-9007",))
    wrong = judge(claim("Physical Review B"), by_title(("s2", record(None)), of_paper=(crossref,)), TODAY)
    assert [(f.code, f.source) for f in wrong.findings] == [("BN732", "crossref")]
    assert "Physical Review Letters (Crossref's container-title, ISSN 0031-9007)" in wrong.findings[0].message
    right = judge(claim("Phys. Rev. Lett."), by_title(("s2", record(None)), of_paper=(crossref,)), TODAY)
    assert right.verdict is Verdict.VERIFIED


def test_crossrefs_record_of_the_paper_confirms_a_journal_the_matched_record_spells_otherwise() -> None:
    oddly_spelt = record("Phys. Rev. Letters (Print)")
    result = judge(
        claim("Physical Review Letters"),
        by_title(("s2", oddly_spelt), of_paper=(record("Physical Review Letters"),)),
        TODAY,
    )
    assert result.verdict is Verdict.VERIFIED


@pytest.mark.parametrize(
    ("mine", "theirs", "verdict"),
    [
        pytest.param(("0031-9007",), ("1079-7114", "0031-9007"), Verdict.VERIFIED, id="an-issn-in-common"),
        pytest.param(("0163-1829",), ("0031-9007",), Verdict.MISMATCH, id="other-issns"),
    ],
)
def test_issns_decide_when_both_sides_give_them(
    mine: tuple[str, ...], theirs: tuple[str, ...], verdict: Verdict
) -> None:
    result = judge(claim("PRL", issn=mine), by_title(("s2", record("Phys Rev Lett", issn=theirs))), TODAY)
    assert result.verdict is verdict


@pytest.mark.parametrize(
    ("paper", "server"),
    [
        pytest.param(
            record("bioRxiv", entry_type="misc", ids=Identifiers(doi="10.1101/512582")),
            "bioRxiv",
            id="biorxiv",
        ),
        pytest.param(
            record("medRxiv", entry_type="misc", ids=Identifiers(doi="10.1101/2020.01.01.1")),
            "medRxiv",
            id="medrxiv",
        ),
        pytest.param(
            record(None, entry_type="preprint", ids=Identifiers(arxiv_id="1208.2623")), "arXiv", id="arxiv"
        ),
    ],
)
def test_a_preprint_cited_with_a_journals_volume_and_pages_is_bn733(paper: Reference, server: str) -> None:
    cited = claim("Nature Physics", volume="9", pages="101--112")
    result = judge(cited, by_title(("s2", paper)), TODAY)
    assert [f.code for f in result.findings] == ["BN733"]
    message = result.findings[0].message
    assert "cited as published in Nature Physics (vol. 9, pp. 101--112)" in message
    assert server in message or "arXiv preprint" in message


def test_a_preprint_record_that_carries_a_journal_doi_is_not_called_unpublished() -> None:
    paper = record(None, entry_type="preprint", ids=Identifiers(arxiv_id="1208.2623", doi="10.1103/x.1"))
    assert judge(claim("Physical Review Letters"), by_title(("s2", paper)), TODAY).verdict is Verdict.VERIFIED


def test_a_preprint_cited_as_a_preprint_is_verified() -> None:
    paper = record("bioRxiv", entry_type="misc", ids=Identifiers(doi="10.1101/512582"))
    assert judge(claim("bioRxiv"), by_title(("s2", paper)), TODAY).verdict is Verdict.VERIFIED


# --- the cross-domain cases, through the sources ------------------------------------------------


@pytest.fixture(scope="module")
def cross_domain() -> tuple[dict[str, bool], dict[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_verify_journals import FLAGGED, verify
    from fakes.journal_world import cases, records

    all_cases = cases(records())
    verdicts, _, _ = verify(all_cases)
    flagged = {case.key: verdicts[case.key].verdict in FLAGGED for case in all_cases}
    return flagged, {case.key: case.kind for case in all_cases}


def test_every_made_up_kind_is_detected_in_at_least_97_percent_and_no_valid_citation_is_flagged(
    cross_domain: tuple[dict[str, bool], dict[str, str]],
) -> None:
    flagged, kinds = cross_domain
    entries, hits = Counter(kinds.values()), Counter(kinds[key] for key, hit in flagged.items() if hit)
    assert entries["wrong_venue"] >= 500 and entries["nonexistent_venue"] >= 500
    assert entries["preprint_as_published"] >= 80 and entries["valid_abbreviated"] >= 350
    for kind in ("wrong_venue", "nonexistent_venue", "preprint_as_published"):
        assert hits[kind] / entries[kind] >= 0.97, (kind, hits[kind], entries[kind])
    for kind in ("valid", "valid_abbreviated", "valid_preprint"):
        assert hits[kind] == 0, kind


def test_the_cross_domain_fixture_names_the_origin_of_every_record() -> None:
    from fakes.journal_world import records

    items = records()
    fields = Counter(item["field"] for item in items)
    assert set(fields) == {"biology", "chemistry", "economics", "medicine", "physics"}
    assert all("@" in item["origin"] and ":" in item["origin"] and "#" in item["origin"] for item in items)
    readme = (Path(ROOT) / "fixtures" / "journals" / "README.md").read_text(encoding="utf-8")
    for repository in {item["origin"].split("@")[0] for item in items}:
        assert repository in readme
