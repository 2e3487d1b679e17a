"""``--journal-names full|abbreviated|as-given`` (and ``journal_names`` in the config) for resolve,
format, fix and check: one spelling per journal in one file.

resolve runs against the fake Semantic Scholar holding the cross-domain records
(`fakes.journal_world`), which spells Nature Methods "Nat. Methods" for one paper and "Nature
Methods" for another, Physical Review Letters "Phys. Rev. Lett." — the mixed file the issue
describes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from fakes.journal_world import records, s2_papers
from fakes.s2_api import FakeS2

DOIS = ("10.1038/s41592-023-01909-9", "10.1038/s41592-020-01050-x", "10.1103/PhysRevLett.59.799")


@pytest.fixture(scope="module")
def s2() -> Iterator[FakeS2]:
    server = FakeS2(papers=s2_papers(records())).start()
    yield server
    server.stop()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dois.txt").write_text("\n".join(DOIS) + "\n", encoding="utf-8")
    return tmp_path


def resolve(s2: FakeS2, folder: Path, *options: str) -> list[str]:
    env = {
        "BIBNORM_S2_API_URL": s2.url,
        "BIBNORM_S2_DELAY": "0",
        "BIBNORM_CACHE_DIR": str(folder / "cache"),
        "BIBNORM_SNAPSHOT": "",
        "S2_API_KEY": "",
    }
    result = CliRunner().invoke(main, ["resolve", "dois.txt", "--resolvers", "s2", "-q", *options], env=env)
    assert result.exit_code == 0, result.output
    return re.findall(r"journal\s*= \{(.*)\},", result.stdout)


@pytest.mark.parametrize(
    ("options", "journals"),
    [
        pytest.param(
            (), ["Nature Methods", "Nature Methods", "Physical Review Letters"], id="full-by-default"
        ),
        pytest.param(
            ("--journal-names", "abbreviated"),
            ["Nat. Methods", "Nat. Methods", "Phys. Rev. Lett."],
            id="abbreviated",
        ),
        pytest.param(
            ("--journal-names", "as-given"),
            ["Nat. Methods", "Nature Methods", "Phys. Rev. Lett."],
            id="as-given-keeps-the-sources-spellings",
        ),
    ],
)
def test_resolve_writes_one_spelling_per_journal(
    s2: FakeS2, folder: Path, options: tuple[str, ...], journals: list[str]
) -> None:
    assert resolve(s2, folder, *options) == journals


def test_the_config_key_chooses_the_form_and_the_option_overrides_it(s2: FakeS2, folder: Path) -> None:
    (folder / "bibnorm.toml").write_text('journal_names = "abbreviated"\n', encoding="utf-8")
    assert resolve(s2, folder) == ["Nat. Methods", "Nat. Methods", "Phys. Rev. Lett."]
    assert resolve(s2, folder, "--journal-names", "full")[2] == "Physical Review Letters"


MIXED = """@article{a,
  title   = {One},
  journal = {Physical Review Letters},
  year    = {2013},
}

@article{b,
  title   = {Two},
  journal = {Phys. Rev. B},
  year    = {2016},
}

@article{ieee,
  title   = {Two and a half},
  journal = {Automatic Control, IEEE Transactions on},
  year    = {2000},
}

@inproceedings{c,
  title     = {Three},
  booktitle = {CVPR},
  year      = {2016},
}

@article{d,
  title   = {Four},
  journal = prl,
  year    = {2013},
}

@article{e,
  title   = {Five},
  journal = {Journal of Foo \\& Bar Studies},
  year    = {2020},
}
"""


def venue_lines(text: str) -> list[str]:
    return [
        " ".join(line.split()) for line in text.splitlines() if re.match(r"\s*(journal|booktitle)\s*=", line)
    ]


@pytest.mark.parametrize(
    ("form", "lines"),
    [
        pytest.param(
            "abbreviated",
            [
                "journal = {Phys. Rev. Lett.},",
                "journal = {Phys. Rev. B},",
                "journal = {IEEE Trans. Autom. Control},",  # IEEE Xplore's inverted name
                "booktitle = {CVPR},",
                "journal = prl,",
                "journal = {Journal of Foo \\& Bar Studies},",
            ],
            id="abbreviated",
        ),
        pytest.param(
            "full",
            [
                "journal = {Physical Review Letters},",
                "journal = {Physical Review B},",
                "journal = {IEEE Transactions on Automatic Control},",
                "booktitle = {Proceedings of the IEEE Conference on Computer Vision and Pattern "
                "Recognition (CVPR)},",
                "journal = prl,",
                "journal = {Journal of Foo \\& Bar Studies},",
            ],
            id="full",
        ),
        pytest.param(
            "as-given",
            [
                "journal = {Physical Review Letters},",
                "journal = {Phys. Rev. B},",
                "journal = {Automatic Control, IEEE Transactions on},",
                "booktitle = {CVPR},",
                "journal = prl,",
                "journal = {Journal of Foo \\& Bar Studies},",
            ],
            id="as-given",
        ),
    ],
)
def test_format_writes_journal_and_conference_names_in_the_form_asked(
    folder: Path, form: str, lines: list[str]
) -> None:
    (folder / "refs.bib").write_text(MIXED, encoding="utf-8")
    result = CliRunner().invoke(main, ["format", "--journal-names", form, "refs.bib"])
    assert result.exit_code == 0, result.output
    assert venue_lines(result.stdout) == lines
    again = CliRunner().invoke(main, ["format", "--journal-names", form, "-"], input=result.stdout)
    assert again.stdout == result.stdout  # idempotent


def test_format_leaves_names_alone_unless_asked(folder: Path) -> None:
    (folder / "refs.bib").write_text(MIXED, encoding="utf-8")
    result = CliRunner().invoke(main, ["format", "refs.bib"])
    assert "Phys. Rev. B" in result.stdout and "{CVPR}" in result.stdout


def test_the_config_key_makes_check_report_and_fix_mend_names_in_another_form(folder: Path) -> None:
    (folder / "refs.bib").write_text(
        CliRunner().invoke(main, ["format", "-"], input=MIXED).stdout, encoding="utf-8"
    )
    (folder / "bibnorm.toml").write_text('journal_names = "full"\n', encoding="utf-8")
    check = CliRunner().invoke(main, ["check", "--select", "BN602", "refs.bib"])
    assert [line.split(": ")[1] for line in check.stdout.splitlines()] == ["b", "ieee", "c"]
    fixed = CliRunner().invoke(main, ["fix", "--in-place", "refs.bib"])
    assert fixed.exit_code == 0, fixed.output
    text = (folder / "refs.bib").read_text(encoding="utf-8")
    assert "journal = {Physical Review B}," in text
    assert "journal = {IEEE Transactions on Automatic Control}," in text
    assert CliRunner().invoke(main, ["check", "--select", "BN602", "refs.bib"]).stdout == ""


def test_a_bad_value_in_the_config_is_one_line_naming_the_key(folder: Path) -> None:
    (folder / "refs.bib").write_text(MIXED, encoding="utf-8")
    (folder / "bibnorm.toml").write_text('journal_names = "short"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["format", "refs.bib"])
    assert result.exit_code != 0
    assert "bibnorm.toml: journal_names: invalid value" in result.output
    assert len(result.output.strip().splitlines()) == 1


# From a sociology bibliography (github:kjhealy/socbibs, socbib.bib) and a cognitive science
# lab's (github:ContextLab/CDL-bibliography, cdl.bib): a journal the list spells in another
# case, a chapter's book, proceedings without a table venue
SOCIOLOGY = """\
@article{abbott81,
  author  = {Abbott, Andrew},
  title   = {Status and Status Strain in the Professions},
  journal = {American Journal of Sociology},
  year    = {1981},
}

@incollection{bourdieu,
  author    = {Pierre Bourdieu},
  title     = {The Forms of Capital},
  booktitle = {The Sociology of Economic Life},
  publisher = {Westview Press},
  year      = {2001},
}

@inproceedings{cogsci,
  author    = {Doe, Jane},
  title     = {A Paper},
  booktitle = {Proceedings of the Cognitive Science Society},
  year      = {2010},
}
"""


@pytest.mark.parametrize(
    ("form", "journal"),
    [("full", "American Journal of Sociology"), ("abbreviated", "Am. J. Sociol.")],
)
def test_format_respells_journals_alone(tmp_path: Path, form: str, journal: str) -> None:
    (tmp_path / "refs.bib").write_text(SOCIOLOGY, encoding="utf-8")
    result = CliRunner().invoke(main, ["format", "--journal-names", form, str(tmp_path / "refs.bib")])
    assert result.exit_code == 0, result.output
    assert re.findall(r"journal\s*= \{(.*)\},", result.stdout) == [journal]  # the list's "Of" not taken
    assert re.findall(r"booktitle\s*= \{(.*)\},", result.stdout) == [
        "The Sociology of Economic Life",  # a chapter's book: its title, no venue
        "Proceedings of the Cognitive Science Society",  # what a style prints after "In"
    ]
