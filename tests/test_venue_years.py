"""One name for a renamed venue, the one it had that year, in every command.

NeurIPS was "NIPS" until its 2017 proceedings and "NeurIPS" from 2018; CVPR's proceedings were
"IEEE" until 2018 and "IEEE/CVF" from 2019 (the venue table's ``earlier_names``,
normalizer/data/venues.json). For the same paper ``resolve``, ``fix --upgrade-preprints``,
``format --journal-names full`` and ``check`` (BN602, against that layout) write the name of the
paper's year; ``verify`` accepts that name and tells a name of another year with a note (BN734),
never an error: it is the same venue.

The commands run against the fakes on 127.0.0.1 with their recorded data: Semantic Scholar's
``search-match-arxiv-paper.json`` holds arXiv 1706.03762 ("Attention Is All You Need") at
"Neural Information Processing Systems", 2017.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.cli import main
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.text.journals import venue_spelling
from bibnorm.text.venues import find_venue
from bibnorm.verify.judge import Answer, Answers, Claim, Verdict, judge
from click.testing import CliRunner, Result
from fakes.servers import FakeApis, running_fakes

NIPS_2017 = "Advances in Neural Information Processing Systems (NIPS)"
NEURIPS = "Advances in Neural Information Processing Systems (NeurIPS)"
AUTHORS = (
    "Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and "
    "Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia"
)
CONFIG = "max_attempts = 2\nbackoff_base = 0.0\ntimeout = 5.0\n"
TODAY = date(2026, 11, 22)


def attention(booktitle: str, entry_type: str = "inproceedings", year: int = 2017) -> str:
    return (
        f"@{entry_type}{{vaswani2017attention,\n  author = {{{AUTHORS}}},\n"
        f"  title = {{Attention Is All You Need}},\n  booktitle = {{{booktitle}}},\n"
        f"  year = {{{year}}},\n}}\n"
    )


PREPRINT = (
    "@misc{vaswani2017attention,\n  author = {" + AUTHORS + "},\n  title = {Attention Is All You Need},\n"
    "  year = {2017},\n  eprint = {1706.03762},\n  archiveprefix = {arXiv},\n}\n"
)


# --- the rule: which spellings are the name of another year ----------------------------------


@pytest.mark.parametrize(
    ("venue", "spelling", "year", "another_year"),
    [
        pytest.param("NeurIPS", "NIPS", 2017, False, id="nips-2017"),
        pytest.param("NeurIPS", NIPS_2017, 2017, False, id="nips-name-2017"),
        pytest.param("NeurIPS", "NeurIPS", 2019, False, id="neurips-2019"),
        pytest.param("NeurIPS", "NeurIPS 2017", 2017, True, id="neurips-for-2017"),
        pytest.param("NeurIPS", NEURIPS, 2017, True, id="neurips-name-for-2017"),
        pytest.param("NeurIPS", "NIPS", 2019, True, id="nips-for-2019"),
        pytest.param(
            "NeurIPS", "Advances in Neural Information Processing Systems", 2017, False, id="name-every-year"
        ),
        pytest.param("CVPR", "CVPR", 2016, False, id="cvpr-acronym-every-year"),
        pytest.param(
            "CVPR",
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            2016,
            True,
            id="cvf-for-2016",
        ),
        pytest.param(
            "CVPR", "IEEE Conference on Computer Vision and Pattern Recognition", 2016, False, id="ieee-2016"
        ),
        pytest.param("ICML", "ICML", 2016, False, id="never-renamed"),
    ],
)
def test_a_name_of_another_year_is_told_from_the_name_of_the_year(
    venue: str, spelling: str, year: int, another_year: bool
) -> None:
    table = find_venue(venue)
    assert table is not None
    assert table.names_another_year(spelling, year) is another_year


# --- verify: the name of the year is faithful, another year's is a note ----------------------


def record(year: int, venue: str = "Neural Information Processing Systems") -> Reference:
    return Reference(
        title="Attention Is All You Need",
        authors=(Person(given="Ashish", family="Vaswani"), Person(given="Noam", family="Shazeer")),
        issued=PartialDate(year=year),
        entry_type="inproceedings",
        venue=venue,
        ids=Identifiers(arxiv_id="1706.03762"),
    )


@pytest.mark.parametrize(
    ("venue", "year", "codes"),
    [
        pytest.param("NIPS", 2017, [], id="nips-2017"),
        pytest.param(NIPS_2017, 2017, [], id="resolve-name-2017"),
        pytest.param("NeurIPS", 2019, [], id="neurips-2019"),
        pytest.param(NEURIPS, 2019, [], id="resolve-name-2019"),
        pytest.param("NeurIPS", 2017, ["BN734"], id="neurips-for-2017"),
        pytest.param("NIPS", 2019, ["BN734"], id="nips-for-2019"),
        pytest.param("ICML", 2017, ["BN732"], id="another-venue"),
    ],
)
def test_verify_accepts_the_name_of_the_year_and_notes_another_years(
    venue: str, year: int, codes: list[str]
) -> None:
    claim = Claim(
        key="k",
        path="refs.bib",
        line=1,
        entry_type="inproceedings",
        title="Attention Is All You Need",
        authors=("Ashish Vaswani", "Noam Shazeer"),
        year=year,
        venue=venue,
    )
    verdict = judge(claim, Answers(by_title=(Answer(source="s2", record=record(year)),)), TODAY)
    assert [finding.code for finding in verdict.findings] == codes
    assert (verdict.verdict is Verdict.VERIFIED) is (codes != ["BN732"])


# --- every command writes the 2017 paper's venue as NIPS -------------------------------------


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as fakes:
        yield fakes


def run(apis: FakeApis, folder: Path, *args: str) -> Result:
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    with contextlib.chdir(folder):
        return CliRunner().invoke(main, list(args), env=apis.env(folder / "cache"))


def booktitles(text: str) -> list[str | None]:
    return [entry.get("booktitle") for entry in parse_bibtex(text).entries]


def test_resolve_writes_the_name_of_the_year(apis: FakeApis, tmp_path: Path) -> None:
    (tmp_path / "ids.txt").write_text("1706.03762\n", encoding="utf-8")
    result = run(apis, tmp_path, "resolve", "ids.txt", "-q", "-o", "out.bib")
    assert result.exit_code == 0, result.output
    assert booktitles((tmp_path / "out.bib").read_text("utf-8")) == [NIPS_2017]


def test_fix_upgrades_a_preprint_to_the_name_of_the_year(apis: FakeApis, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(PREPRINT, encoding="utf-8")
    result = run(apis, tmp_path, "fix", "--upgrade-preprints", "--in-place", "refs.bib")
    assert result.exit_code == 0, result.output
    assert booktitles((tmp_path / "refs.bib").read_text("utf-8")) == [NIPS_2017]


@pytest.mark.parametrize(
    ("given", "year", "written"),
    [
        pytest.param("NeurIPS", 2017, NIPS_2017, id="neurips-2017"),
        pytest.param(NEURIPS, 2017, NIPS_2017, id="neurips-name-2017"),
        pytest.param("NIPS", 2017, NIPS_2017, id="nips-2017"),
        pytest.param("NIPS", 2019, NEURIPS, id="nips-2019"),
    ],
)
def test_format_and_fix_write_the_name_of_the_year(
    apis: FakeApis, tmp_path: Path, given: str, year: int, written: str
) -> None:
    (tmp_path / "refs.bib").write_text(attention(given, year=year), encoding="utf-8")
    for command in ("format", "fix"):
        result = run(apis, tmp_path, command, "--journal-names", "full", "refs.bib")
        assert result.exit_code == 0, result.output
        if command == "format":
            assert booktitles(result.stdout) == [written]
        else:
            assert f"+  booktitle = {{{written}}}," in result.stdout.splitlines()


def test_check_expects_the_name_of_the_year_where_the_layout_writes_full_names(
    apis: FakeApis, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(attention("NeurIPS"), encoding="utf-8")
    (tmp_path / "bibnorm.toml").write_text(CONFIG + 'journal_names = "full"\n', encoding="utf-8")
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, ["check", "--select", "BN602", "refs.bib"])
    assert [line.split(": ")[2].split()[0] for line in result.stdout.splitlines()] == ["BN602"]


@pytest.mark.parametrize(
    ("booktitle", "codes"),
    [
        pytest.param(NIPS_2017, "", id="resolve-name"),
        pytest.param("NIPS", "", id="nips"),
        pytest.param("Advances in Neural Information Processing Systems", "", id="name-every-year"),
        pytest.param("NeurIPS", "BN734 info", id="neurips-renamed-later"),
    ],
)
def test_verify_on_the_2017_paper(apis: FakeApis, tmp_path: Path, booktitle: str, codes: str) -> None:
    (tmp_path / "refs.bib").write_text(attention(booktitle), encoding="utf-8")
    result = run(apis, tmp_path, "verify", "refs.bib")
    assert result.exit_code == 0, result.output
    findings = [line.split(": ", 3)[2] for line in result.stdout.splitlines() if line.startswith("refs.bib:")]
    assert findings == ([codes] if codes else [])
    assert "1 verified" in result.stderr


# --- real spellings: one name per venue, no city or dates --------------------------------------

CVPR_CVF = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"


@pytest.mark.parametrize(
    ("given", "year", "written"),
    [
        # As printed in the reference lists of papers kept in public repositories (dblp's and
        # Crossref's proceedings titles, and the shorter forms authors write by hand).
        pytest.param(
            "Advances in Neural Information Processing Systems 30: Annual Conference on Neural "
            "Information Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA",
            2017,
            NIPS_2017,
            id="dblp-nips-2017",
        ),
        pytest.param(
            "Proceedings of the Advances in Neural Information Processing Systems 30, Long Beach, CA, "
            "USA, 4–9 December 2017",
            2017,
            NIPS_2017,
            id="mdpi-nips-2017",
        ),
        pytest.param(
            "31st Conference on Neural Information Processing Systems (NIPS 2017), Long Beach, CA, USA",
            2017,
            NIPS_2017,
            id="paper-footer-nips-2017",
        ),
        pytest.param(
            "Advances in Neural Information Processing Systems 31 (NIPS 2018)",
            2018,
            NEURIPS,
            id="nips-2018-page",
        ),
        pytest.param(
            "IEEE Conference on Computer Vision and Pattern Recognition, CVPR 2019, Long Beach, CA, USA, "
            "June 16-20, 2019",
            2019,
            CVPR_CVF,
            id="dblp-cvpr-2019",
        ),
        pytest.param(
            "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), Long Beach, CA, USA",
            2019,
            CVPR_CVF,
            id="ieee-cvpr-2019-city",
        ),
        pytest.param(
            "9th International Conference on Learning Representations, ICLR 2021, Virtual Event, "
            "Austria, May 3-7, 2021",
            2021,
            "International Conference on Learning Representations (ICLR)",
            id="dblp-iclr-2021",
        ),
        pytest.param(
            "International Conference on Machine Learning, Workshop on Foo",
            2019,
            "International Conference on Machine Learning, Workshop on Foo",
            id="a-workshop-is-not-its-conference",
        ),
    ],
)
def test_a_real_proceedings_spelling_is_written_as_the_venue_of_its_year(
    given: str, year: int, written: str
) -> None:
    assert venue_spelling(given, journal=False, year=year, form="full") == written
