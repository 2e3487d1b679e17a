"""``bibnorm verify``: every entry a real paper, cited faithfully.

The judging rules are specified on hand-written claims and records; the command runs
against fakes of Semantic Scholar, arXiv and Crossref that hold the verify dev set's world
(tests/fakes/verify_world.py), over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED, main
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.verify.judge import Answer, Answers, Claim, Verdict, claim_from_entry, judge, venues_agree
from click.testing import CliRunner
from fakes.s2_api import FakeS2
from fakes.verify_world import s2_papers, world, world_sources

TODAY = date(2026, 11, 22)
DDPM = Reference(
    title="Denoising Diffusion Probabilistic Models",
    authors=(
        Person(given="Jonathan", family="Ho"),
        Person(given="Ajay", family="Jain"),
        Person(given="Pieter", family="Abbeel"),
    ),
    issued=PartialDate(year=2020),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    ids=Identifiers(arxiv_id="2006.11239"),
)
PREPRINT = Reference(
    title="A Study of Something Only on arXiv",
    authors=(Person(given="Ada", family="Lovelace"),),
    issued=PartialDate(year=2023),
    entry_type="preprint",
    ids=Identifiers(arxiv_id="2301.00001"),
)


def claim(**fields: object) -> Claim:
    values: dict[str, object] = {
        "key": "k",
        "path": "refs.bib",
        "line": 1,
        "entry_type": "inproceedings",
        "title": "Denoising Diffusion Probabilistic Models",
        "authors": ("Jonathan Ho", "Ajay Jain", "Pieter Abbeel"),
        "year": 2020,
        "venue": "NeurIPS",
    }
    return Claim(**(values | fields))  # type: ignore[arg-type]


def by_title(record: Reference | None, source: str = "s2") -> Answers:
    return Answers(by_title=(Answer(source=source, record=record),))


def codes(verdict_: object) -> list[str]:
    return [finding.code for finding in verdict_.findings]  # type: ignore[attr-defined]


# --- judging: the specification -------------------------------------------------------


def test_a_faithful_citation_is_verified() -> None:
    verdict = judge(claim(), by_title(DDPM), TODAY)
    assert verdict.verdict is Verdict.VERIFIED
    assert verdict.findings == ()
    assert verdict.matched is not None and verdict.matched.arxiv_id == "2006.11239"


def test_initials_accents_and_and_others_count_as_the_same_authors() -> None:
    verdict = judge(claim(authors=("J. Ho", "A. Jain"), and_others=True), by_title(DDPM), TODAY)
    assert verdict.verdict is Verdict.VERIFIED


def test_a_title_no_source_holds_is_not_found_when_every_source_answered() -> None:
    verdict = judge(
        claim(title="Structured Fast Fourier Attention for Vision Transformers"), by_title(None), TODAY
    )
    assert verdict.verdict is Verdict.NOT_FOUND
    assert codes(verdict) == ["BN706"]


def test_a_source_that_could_not_be_asked_makes_an_entry_unverifiable_never_not_found() -> None:
    verdict = judge(claim(), Answers(unavailable=("s2",)), TODAY)
    assert verdict.verdict is Verdict.UNVERIFIABLE
    assert verdict.unverifiable_because == ("s2",)


def test_a_fabricated_doi_is_flagged_even_when_the_paper_is_real() -> None:
    answers = Answers(
        by_doi=(Answer(source="s2"), Answer(source="crossref")), by_title=by_title(DDPM).by_title
    )
    verdict = judge(claim(doi="10.88880/bpr.633067"), answers, TODAY)
    assert verdict.verdict is Verdict.MISMATCH
    assert codes(verdict) == ["BN701"]
    assert verdict.findings[0].found == "10.88880/bpr.633067"


def test_a_real_arxiv_id_under_an_invented_title_is_a_chimera() -> None:
    answers = Answers(by_arxiv_id=(Answer(source="arxiv", record=DDPM),), by_title=(Answer(source="s2"),))
    verdict = judge(
        claim(
            title="Diffusion Models for High-Resolution Image Synthesis",
            authors=("Antonios Alexos",),
            arxiv_id="2006.11239",
        ),
        answers,
        TODAY,
    )
    assert verdict.verdict is Verdict.MISMATCH
    assert "BN704" in codes(verdict)
    assert verdict.findings[codes(verdict).index("BN704")].expected == DDPM.title


def test_an_arxiv_id_arxiv_does_not_have_is_flagged() -> None:
    answers = Answers(
        by_arxiv_id=(Answer(source="s2"), Answer(source="arxiv")), by_title=by_title(DDPM).by_title
    )
    verdict = judge(claim(arxiv_id="2602.99999"), answers, TODAY)
    assert codes(verdict) == ["BN703"]


def test_a_reworded_title_is_a_near_miss_but_a_dropped_subtitle_only_a_warning() -> None:
    near = judge(claim(title="Denoising Diffusion Probabilistic Modelling"), by_title(DDPM), TODAY)
    assert near.verdict is Verdict.MISMATCH
    assert codes(near) == ["BN705"]
    record = DDPM.model_copy(
        update={"title": "Denoising Diffusion Models: A View of Probabilistic Generation"}
    )
    shortened = judge(claim(title="Denoising Diffusion Models"), by_title(record), TODAY)
    assert shortened.verdict is Verdict.VERIFIED
    assert codes(shortened) == ["BN707"]


def test_a_subtitle_after_a_question_mark_left_out_is_only_a_warning() -> None:
    record = DDPM.model_copy(update={"title": "Do Diffusion Models Denoise Well? A Probabilistic View"})
    shortened = judge(claim(title="Do Diffusion Models Denoise Well?"), by_title(record), TODAY)
    assert (shortened.verdict, codes(shortened)) == (Verdict.VERIFIED, ["BN707"])


PRINTED = (
    "Jonathan Ho, Ajay Jain, Pieter Abbeel. Do Diffusion Models Denoise Well? A Probabilistic View. "
    "In Advances in Neural Information Processing Systems, 2020."
)


@pytest.mark.parametrize(
    ("read", "record_venue", "expected"),
    [
        # the reader took the subtitle for the venue: the title and the venue the text prints are the paper's
        pytest.param(
            {"title": "Do Diffusion Models Denoise Well?", "venue": "A Probabilistic View"},
            "Advances in Neural Information Processing Systems",
            (Verdict.VERIFIED, []),
            id="subtitle-read-as-the-venue",
        ),
        # what the text prints after the title is not the paper's venue either: still flagged
        pytest.param(
            {"title": "Do Diffusion Models Denoise Well?", "venue": "A Probabilistic View"},
            "Nature Communications",
            (Verdict.MISMATCH, ["BN731"]),
            id="another-venue-printed",
        ),
    ],
)
def test_a_printed_reference_is_judged_by_what_its_text_prints(
    read: dict[str, str], record_venue: str, expected: tuple[Verdict, list[str]]
) -> None:
    record = DDPM.model_copy(
        update={"title": "Do Diffusion Models Denoise Well? A Probabilistic View", "venue": record_venue}
    )
    verdict = judge(claim(text=PRINTED, **read), by_title(record), TODAY)
    assert (verdict.verdict, codes(verdict)) == expected


def test_the_same_claim_from_a_bib_file_has_no_text_to_read_again() -> None:
    record = DDPM.model_copy(update={"title": "Do Diffusion Models Denoise Well? A Probabilistic View"})
    verdict = judge(
        claim(title="Do Diffusion Models Denoise Well?", venue="A Probabilistic View"),
        by_title(record),
        TODAY,
    )
    assert codes(verdict) == ["BN707", "BN731"]


@pytest.mark.parametrize(
    ("authors", "and_others", "expected"),
    [
        (("Petra Silva", "Yacouba Ndiaye", "Yuki Sato"), False, ["BN712"]),  # another paper's (or nobody's)
        (("Jonathan Ho", "Ajay Jain"), False, ["BN714"]),  # partial list without "and others"
        (("Jonathan Ho", "Ajay Jain", "Pieter Abbeel", "Yann LeCun"), False, ["BN713"]),  # merged
        (("Ajay Jain", "Jonathan Ho", "Pieter Abbeel"), False, ["BN715"]),  # swapped
        (("John Doe", "Jonathan Ho", "Ajay Jain", "Pieter Abbeel"), False, ["BN711", "BN713"]),
        # a template's name, as placeholder-names.json lists it
        (("Jonathan Ho", "Ajay Jain", "Pieter Abbeel", "Firstname Lastname"), False, ["BN711", "BN713"]),
    ],
)
def test_author_claims_are_compared_person_by_person(
    authors: tuple[str, ...], and_others: bool, expected: list[str]
) -> None:
    verdict = judge(claim(authors=authors, and_others=and_others), by_title(DDPM), TODAY)
    assert verdict.verdict is Verdict.MISMATCH
    assert codes(verdict) == expected


@pytest.mark.parametrize(
    ("claimed", "recorded"),
    [
        ("Suresh Ragupathi, Sridhar", Person(given="Sridhar Suresh", family="Ragupathi")),  # ACL's split
        ("P. Namboodiri, Vinay", Person(given="Vinay P.", family="Namboodiri")),
        ("P.V.S., Avinesh", Person(given="Avinesh", family="P. V. S.")),
        ("S. S. Ragupathi", Person(given="Sridhar", family="Suresh Ragupathi")),
    ],
)
def test_a_name_is_the_same_wherever_the_family_name_is_taken_to_start(
    claimed: str, recorded: Person
) -> None:
    record = DDPM.model_copy(update={"authors": (recorded,)})
    assert judge(claim(authors=(claimed,)), by_title(record), TODAY).verdict is Verdict.VERIFIED


def test_chinese_names_written_family_first_are_the_same_person() -> None:
    record = DDPM.model_copy(update={"authors": (Person(given="Wei", family="Zhang"),)})
    assert judge(claim(authors=("Zhang Wei",)), by_title(record), TODAY).verdict is Verdict.VERIFIED


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2033, ["BN721", "BN722"]), (2017, ["BN722"]), (2021, ["BN723"]), (2020, [])],
)
def test_years(year: int, expected: list[str]) -> None:
    assert codes(judge(claim(year=year), by_title(DDPM), TODAY)) == expected


def test_a_future_year_is_flagged_even_when_no_source_can_be_asked() -> None:
    verdict = judge(claim(year=2035), Answers(unavailable=("s2",)), TODAY)
    assert verdict.verdict is Verdict.MISMATCH
    assert codes(verdict) == ["BN721"]


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("Advances in Neural Information Processing Systems 33", []),
        ("NeurIPS", []),
        ("arXiv preprint", []),  # citing the preprint of a published paper is fine
        ("arXiv preprint arXiv:2006.11239", []),  # Google Scholar's export of the same
        ("ICML", ["BN732"]),
        ("Symposium on Neural Scaling Laws", ["BN731"]),
    ],
)
def test_venues(venue: str, expected: list[str]) -> None:
    assert codes(judge(claim(venue=venue), by_title(DDPM), TODAY)) == expected


def test_a_preprint_cited_as_published_is_flagged() -> None:
    verdict = judge(
        claim(title=PREPRINT.title, authors=("Ada Lovelace",), year=2023, venue="CVPR"),
        by_title(PREPRINT),
        TODAY,
    )
    assert codes(verdict) == ["BN733"]


@pytest.mark.parametrize(
    ("entry_type", "venue"),
    [
        pytest.param("article", "arXiv preprint arXiv:2301.00001", id="google-scholar"),
        pytest.param("article", "CoRR", id="dblp"),
        pytest.param("misc", None, id="arxiv-and-bibnorm"),
    ],
)
def test_a_preprint_cited_the_way_the_exports_cite_preprints_is_faithful(entry_type: str, venue: str) -> None:
    verdict = judge(
        claim(title=PREPRINT.title, authors=("Ada Lovelace",), year=2023, venue=venue, entry_type=entry_type),
        by_title(PREPRINT),
        TODAY,
    )
    assert codes(verdict) == []


def test_venue_spellings_agree_by_acronym_and_abbreviation() -> None:
    assert venues_agree("ICML", "International Conference on Machine Learning")
    assert venues_agree("Mach. Learn.", "Machine Learning")
    assert venues_agree("J. Mach. Learn. Res.", "Journal of Machine Learning Research")
    # the linking words of a name in another language too (title-omitted-words.json)
    assert venues_agree("Ann. Inst. Fourier", "Annales de l'Institut Fourier")
    assert venues_agree(
        "IEEE Trans. Pattern Anal. Mach. Intell.",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    )
    assert venues_agree(
        "Proceedings of the 2021 Conference on Robot Learning", "Conference on Robot Learning"
    )
    assert venues_agree("CVPR", "2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)")
    assert not venues_agree("CVPR", "ICCV")


def test_claims_are_read_from_the_fields_bibtex_users_write() -> None:
    text = """@article{x,
      author = {M{\\"u}ller, Anna and others},
      title = {{PaLM}: Scaling},
      journal = {arXiv preprint arXiv:2204.02311v3},
      year = {2022}
    }
    @inproceedings{y, title = {T}, doi = {https://doi.org/10.48550/arXiv.2006.11239}, booktitle = {ICLR}}
    """
    first, second = (claim_from_entry(entry, "r.bib") for entry in parse_bibtex(text).entries)
    macros = parse_bibtex('@string{pami = "IEEE Trans. Pattern Anal. Mach. Intell."}\n'
                          '@article{z, title = "Deep " # "Learning", journal = pami}')  # fmt: skip
    third = claim_from_entry(macros.entries[0], "r.bib", macros.strings)
    assert (third.title, third.venue) == ("Deep Learning", "IEEE Trans. Pattern Anal. Mach. Intell.")
    assert (first.title, first.authors, first.and_others) == ("PaLM: Scaling", ("Müller, Anna",), True)
    assert (first.arxiv_id, first.arxiv_version, first.year, first.line) == ("2204.02311", 3, 2022, 1)
    assert (second.doi, second.arxiv_id, second.venue) == (None, "2006.11239", "ICLR")


# --- the command against the world's sources ---------------------------------------------

REAL = """@inproceedings{ho2020ddpm,
  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}

@inproceedings{wang2022scene,
  author = {Jingbo Wang and Yu Rong and Jingyuan Liu and Sijie Yan and Dahua Lin and Bo Dai},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2022},
  doi = {10.1109/CVPR52688.2022.01981}
}
"""
FABRICATED = """@inproceedings{fake_id,
  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020},
  eprint = {2006.99999},
  archiveprefix = {arXiv}
}

@inproceedings{fake_doi,
  author = {Jingbo Wang and Yu Rong and Jingyuan Liu and Sijie Yan and Dahua Lin and Bo Dai},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2022},
  doi = {10.88880/bpr.633067}
}

@inproceedings{chimera,
  author = {Antonios Alexos and Alex J. Boyd},
  title = {Diffusion Models for High-Resolution Image Synthesis},
  booktitle = {ICML},
  year = {2022},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}
"""


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env()


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


def test_verify_passes_a_real_bibliography(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    result = runner.invoke(main, ["verify", "refs.bib"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 entries: 2 verified, 0 mismatch, 0 not found, 0 unverifiable" in result.stderr


@pytest.mark.parametrize(
    ("file", "text", "code", "said"),
    [
        pytest.param("missing.bib", None, EXIT_FATAL, "bibnorm: error: missing.bib: no such file",
                     id="missing-file-could-not-run-exit-1"),
        pytest.param("empty.bib", "", EXIT_FATAL, "bibnorm: error: empty.bib: no entries to verify",
                     id="nothing-to-verify-could-not-run-exit-1"),
        pytest.param("fabricated.bib", FABRICATED, EXIT_FINDINGS, "3 entries: 0 verified",
                     id="fabricated-entries-found-exit-3"),
        pytest.param("real.bib", REAL, EXIT_OK, "2 entries: 2 verified", id="real-entries-exit-0"),
    ],
)  # fmt: skip
def test_one_meaning_per_exit_status_could_not_run_is_1_findings_are_3(
    runner: CliRunner, tmp_path: Path, file: str, text: str | None, code: int, said: str
) -> None:
    """A verify that ran and found problems exits 3, as ``check`` does; 1 is only ever
    "could not run", so a CI job can tell a broken bibliography from a broken run."""
    if text is not None:
        (tmp_path / file).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["verify", file])
    assert result.exit_code == code, result.output
    assert said in result.stderr
    assert "Traceback" not in result.output


def test_verify_flags_a_fabricated_id_a_fabricated_doi_and_a_chimera(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(FABRICATED, encoding="utf-8")
    result = runner.invoke(main, ["verify", "refs.bib"])
    assert result.exit_code == EXIT_FINDINGS
    lines = result.stdout.splitlines()
    assert "refs.bib:1: fake_id: BN703 error: arXiv has no paper 2006.99999" in lines
    assert any(
        line.startswith("refs.bib:10: fake_doi: BN701 error: no source knows DOI 10.88880/bpr.633067")
        for line in lines
    )
    assert any(
        line.startswith('refs.bib:18: chimera: BN704 error: arXiv 2006.11239 is "Denoising Diffusion')
        for line in lines
    )


def test_verify_json_has_the_documented_shape(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(FABRICATED, encoding="utf-8")
    result = runner.invoke(main, ["verify", "--json", "refs.bib"])
    document = json.loads(result.stdout)
    assert set(document) == {"version", "entries", "summary"}
    assert document["version"] == 1
    chimera = next(entry for entry in document["entries"] if entry["key"] == "chimera")
    assert set(chimera) == {"key", "verdict", "findings", "matched", "read"}
    assert chimera["verdict"] == "mismatch"
    assert chimera["read"] == {
        "title": "Diffusion Models for High-Resolution Image Synthesis",
        "authors": ["Antonios Alexos", "Alex J. Boyd"],
        "year": 2022,
        "venue": "ICML",
        "doi": None,
        "arxiv_id": "2006.11239",
        "entry_type": "inproceedings",
        "volume": None,
        "pages": None,
        "page": None,
        "line": 18,  # "refs.bib:18: chimera" above
        "confidence": None,  # read from a .bib, not tagged
    }
    assert set(chimera["findings"][0]) == {
        "code",
        "severity",
        "message",
        "field",
        "expected",
        "found",
        "source",
    }
    summary = document["summary"]
    assert {k: summary[k] for k in ("entries", "verified", "mismatch", "not_found", "unverifiable")} == {
        "entries": 3,
        "verified": 0,
        "mismatch": 3,
        "not_found": 0,
        "unverifiable": 0,
    }
    assert summary["requests"]["s2"] >= 1


def test_sources_that_are_down_give_unverifiable_never_not_found_and_exit_4(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing could be verified: exit 4 with or without --strict, so CI never passes on it
    (with some entries verified, unverifiable ones fail only with --strict: see
    tests/test_cli_hostile_inputs.py)."""
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    for name in ("BIBNORM_S2_API_URL", "BIBNORM_ARXIV_API_URL", "BIBNORM_CROSSREF_API_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9/")  # the discard port: nothing listens
    monkeypatch.setenv("BIBNORM_OFFLINE", "")
    relaxed = runner.invoke(main, ["verify", "refs.bib"])
    assert relaxed.exit_code == EXIT_SOURCES_FAILED, relaxed.output
    assert "0 not found, 2 unverifiable" in relaxed.stderr
    assert "refs.bib:1: ho2020ddpm: BN700 warning: could not be verified" in relaxed.stdout
    assert runner.invoke(main, ["verify", "--strict", "refs.bib"]).exit_code == EXIT_SOURCES_FAILED


def test_verified_entries_in_the_lock_are_not_asked_again(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    first = runner.invoke(main, ["verify", "--update-lock", "refs.bib"])
    assert first.exit_code == 0, first.output
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    assert sorted(lock["verified"]) == ["ho2020ddpm", "wang2022scene"]
    offline = runner.invoke(main, ["verify", "--offline", "refs.bib"])
    assert offline.exit_code == 0, offline.output
    assert "2 verified" in offline.stderr and "requests: none" in offline.stderr
    # An edited entry is no longer covered by the lock.
    (tmp_path / "refs.bib").write_text(REAL.replace("year = {2020}", "year = {2035}"), encoding="utf-8")
    edited = runner.invoke(main, ["verify", "--offline", "refs.bib"])
    assert edited.exit_code == EXIT_FINDINGS
    assert "ho2020ddpm: BN721 error: year 2035 is in the future" in edited.stdout


def test_select_and_ignore_filter_findings_and_verdicts(runner: CliRunner, tmp_path: Path) -> None:
    text = REAL.replace("Ajay Jain and Jonathan Ho", "x").replace(
        "Jonathan Ho and Ajay Jain", "Ajay Jain and Jonathan Ho"
    )
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    assert runner.invoke(main, ["verify", "refs.bib"]).exit_code == EXIT_FINDINGS
    ignored = runner.invoke(main, ["verify", "--ignore", "BN715", "refs.bib"])
    assert ignored.exit_code == 0, ignored.output
    bad = runner.invoke(main, ["verify", "--ignore", "BN999", "refs.bib"])
    assert bad.exit_code == 2
    assert "unknown verify code 'BN999'" in bad.stderr


def test_check_with_verify_adds_the_bn7xx_findings(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(FABRICATED, encoding="utf-8")
    result = runner.invoke(main, ["check", "--verify", "--select", "BN2", "refs.bib"])
    assert result.exit_code == EXIT_FINDINGS  # check's findings, whoever found them
    assert "refs.bib:1: fake_id: BN703 error: arXiv has no paper 2006.99999" in result.stdout.splitlines()


def test_when_semantic_scholar_is_down_crossrefs_citation_search_still_verifies_published_papers(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    monkeypatch.setenv("BIBNORM_S2_API_URL", "http://127.0.0.1:9/")  # the discard port: nothing listens
    result = runner.invoke(main, ["verify", "--json", "refs.bib"])
    verdicts = {e["key"]: e for e in json.loads(result.stdout)["entries"]}
    # The CVPR paper is in Crossref (found by its DOI and by a citation search); DDPM has an
    # arXiv id arXiv answers for, but no source that could be asked holds its published record.
    assert verdicts["wang2022scene"]["verdict"] == "verified"
    assert verdicts["wang2022scene"]["matched"]["source"] == "crossref"
    assert verdicts["ho2020ddpm"]["verdict"] == "unverifiable"
    assert result.exit_code == 0, result.output


def test_an_entry_that_cannot_be_parsed_is_reported_not_silently_skipped(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(REAL + "\n@article{broken, title = {Unclosed", encoding="utf-8")
    result = runner.invoke(main, ["verify", "--strict", "refs.bib"])
    assert result.exit_code == EXIT_FINDINGS
    assert any(
        line.startswith("refs.bib:18: ")
        and "BN700 warning: could not be verified (the block could not be parsed" in line
        for line in result.stdout.splitlines()
    ), result.stdout
    assert "3 entries: 2 verified" in result.stderr


def test_crossref_lists_are_spaced_as_their_own_source() -> None:
    """Crossref's public pool: 5 single works a second, but 1 list (search) a second."""
    from bibnorm.config import Settings
    from bibnorm.resolvers._http import source_policies

    policies = source_policies(Settings(crossref_api_url="https://api.crossref.org"))

    def owner(url: str) -> str:
        return max(policies, key=lambda policy: policy.owns(url)).source

    assert owner("https://api.crossref.org/works/10.1038/x") == "crossref"
    assert owner("https://api.crossref.org/works?query.bibliographic=x") == "crossref-search"
    search = next(p for p in policies if p.source == "crossref-search")
    assert search.min_interval == 1.0


# --- titles many at a time: /paper/search/bulk -------------------------------------------

TITLES_ONLY = """@inproceedings{he2023,
  author = {Jiawei He and Yuntao Chen and Naiyan Wang and Zhaoxiang Zhang},
  title = {3D Video Object Detection with Learnable Object-Centric Global Optimization},
  year = {2023}
}

@inproceedings{kim2022,
  author = {Jinwoo Kim and Heeseok Oh and Seongjean Kim and Hoseok Tong and Sanghoon Lee},
  title = {A Brand New Dance Partner: Music-Conditioned Pluralistic Dancing
           Controlled by Multiple Dance Genres},
  year = {2022}
}

@article{tan2021,
  author = {Xing Tan and Jimmy Xiangji Huang},
  title = {A Complexity-theoretic Analysis of Green Pickup-and-Delivery Problems},
  year = {2021}
}

@inproceedings{near,
  author = {Jiawei He and Yuntao Chen and Naiyan Wang and Zhaoxiang Zhang},
  title = {3D Video Object Tracking with Learnable Object-Centric Global Optimization},
  year = {2023}
}

@inproceedings{invented,
  author = {Ada Lovelace},
  title = {Structured Fast Fourier Attention for Vision Transformers},
  year = {2024}
}
"""
TITLES_ONLY_VERDICTS = {
    "he2023": "verified",
    "kim2022": "verified",
    "tan2021": "verified",
    "near": "mismatch",
    "invented": "not_found",
}


@pytest.fixture
def world_s2(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeS2]:
    """A Semantic Scholar fake of the dev world of this test's own (its request log is the test's)."""
    s2 = FakeS2(papers=s2_papers(world())).start()
    monkeypatch.setenv("BIBNORM_S2_API_URL", s2.url)
    try:
        yield s2
    finally:
        s2.stop()


def _verdicts(runner: CliRunner, tmp_path: Path) -> dict[str, str]:
    (tmp_path / "refs.bib").write_text(TITLES_ONLY, encoding="utf-8")
    result = runner.invoke(main, ["verify", "--json", "refs.bib"])
    return {entry["key"]: entry["verdict"] for entry in json.loads(result.stdout)["entries"]}


def test_titles_are_settled_many_to_a_request_and_only_the_rest_asked_one_by_one(
    runner: CliRunner, tmp_path: Path, world_s2: FakeS2
) -> None:
    assert _verdicts(runner, tmp_path) == TITLES_ONLY_VERDICTS
    [bulk] = world_s2.calls("/paper/search/bulk")
    query = bulk.params["query"][0]
    assert query.count(" | ") == 4  # all five titles, quoted, in one request
    assert '"a complexity theoretic analysis of green pickup and delivery problems"' in query
    # The reworded and the invented title name no paper exactly: each is matched on its own.
    asked = sorted(call.params["query"][0] for call in world_s2.calls("/paper/search/match"))
    assert asked == [
        "3D Video Object Tracking with Learnable Object-Centric Global Optimization",
        "Structured Fast Fourier Attention for Vision Transformers",
    ]


def test_a_truncated_bulk_page_settles_nothing_and_every_title_is_matched_alone(
    runner: CliRunner, tmp_path: Path, world_s2: FakeS2
) -> None:
    world_s2.bulk_page = 2  # three papers match: the answer carries a continuation token
    assert _verdicts(runner, tmp_path) == TITLES_ONLY_VERDICTS
    assert len(world_s2.calls("/paper/search/match")) == 5


def test_a_refused_bulk_search_costs_one_request_and_changes_no_verdict(
    runner: CliRunner, tmp_path: Path, world_s2: FakeS2
) -> None:
    world_s2.bulk_refused = True
    assert _verdicts(runner, tmp_path) == TITLES_ONLY_VERDICTS
    assert len(world_s2.calls("/paper/search/bulk")) == 1
    assert len(world_s2.calls("/paper/search/match")) == 5


def test_of_two_papers_with_one_title_the_claim_is_judged_against_the_one_it_cites() -> None:
    # COLT 2010 and IJCAI 2011 both published "Theoretical Justification of Popular Link
    # Prediction Heuristics": citing either is right.
    colt = DDPM.model_copy(update={"venue": "COLT", "issued": PartialDate(year=2010)})
    ijcai = DDPM.model_copy(update={"venue": "IJCAI", "issued": PartialDate(year=2011)})
    answers = Answers(by_title=(Answer(source="s2", record=ijcai), Answer(source="s2", record=colt)))
    verdict = judge(claim(venue="COLT 2010", year=2010), answers, TODAY)
    assert verdict.verdict is Verdict.VERIFIED, verdict.findings
    wrong = judge(claim(venue="NeurIPS", year=2010), answers, TODAY)
    assert "BN731" in codes(wrong) or "BN732" in codes(wrong)


def test_a_bulk_answer_settles_a_title_only_with_papers_that_carry_it() -> None:
    from bibnorm.verify.questions import titled_papers

    other = DDPM.model_copy(update={"authors": (Person(given="Ada", family="Lovelace"),)})
    assert titled_papers(DDPM.title, [DDPM]) == [DDPM]
    assert titled_papers(DDPM.title, [DDPM, other]) == [DDPM, other]  # the judge picks
    # A paper whose title merely contains the claimed one is no answer: S2's matcher is asked.
    longer = DDPM.model_copy(update={"title": DDPM.title + " Are Secretly Score Models: A Survey"})
    assert titled_papers(DDPM.title, [longer]) == []
