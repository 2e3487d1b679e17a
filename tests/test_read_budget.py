"""Reading an input runs under a time budget: a pasted list built to make the reader backtrack
ends with one line (`ReadingTimeError`, exit 1 in the CLI), never a hang."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, main
from bibnorm.errors import InputError, ReadingTimeError
from bibnorm.processes import OutOfTime, time_bound
from bibnorm.readers import _ref_vancouver, read_inputs
from click.testing import CliRunner
from regex_growth import OLD_VANCOUVER

# Three pasted references whose authors are "Family II" names before a year in parentheses: with
# yesterday's Vancouver pattern (re-installed below) each took hours to read.
STALLING_LIST = "\n\n".join(
    ", ".join(f"Family{chr(97 + at)} II" for at in range(authors))
    + " (2017). A title of a paper. J Biol. 12:3."
    for authors in (14, 15, 16)
)


@pytest.fixture
def stalling_reader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A reader whose Vancouver names backtrack exponentially again, and a list that makes them."""
    monkeypatch.setattr(_ref_vancouver, "_VANCOUVER", OLD_VANCOUVER)
    path = tmp_path / "refs.txt"
    path.write_text(STALLING_LIST, encoding="utf-8")
    return path


def test_a_stalling_list_ends_within_its_budget(stalling_reader: Path) -> None:
    started = time.process_time()
    with pytest.raises(ReadingTimeError, match=r"refs\.txt: reading it takes more than 0\.3 s"):
        read_inputs([stalling_reader], budget=0.3)
    assert time.process_time() - started < 3


def test_the_budget_is_an_input_error(stalling_reader: Path) -> None:
    with pytest.raises(InputError):
        read_inputs([stalling_reader], budget=0.3)


def test_the_cli_says_it_in_one_line(stalling_reader: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(stalling_reader.parent)
    result = CliRunner().invoke(
        main,
        ["resolve", "refs.txt", "-o", "out.bib"],
        env={"BIBNORM_OFFLINE": "1", "BIBNORM_READ_BUDGET": "0.3"},
    )
    assert result.exit_code == EXIT_FATAL
    lines = result.output.strip().splitlines()
    assert lines[-1] == (
        "bibnorm: error: refs.txt: reading it takes more than 0.3 s (a text built to stall the reader?);"
        " nothing was read"
    )
    assert "Traceback" not in result.output
    assert not (stalling_reader.parent / "out.bib").exists()


def test_a_list_within_its_budget_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(
        "Yeshurun Y, Nguyen M, Hasson U. The default mode network. Nat Rev Neurosci. 2021;22:181-92.\n\n"
        "Smith JA, Jones B. A second paper on brains. J Biol. 2019;12:3-9.\n\n"
        "Doe J, Roe R. A third paper. Cell. 2018;1:1-2.\n",
        encoding="utf-8",
    )
    queries = read_inputs([path], budget=5.0)
    assert [query.title for query in queries] == [
        "The default mode network",
        "A second paper on brains",
        "A third paper",
    ]


def test_a_bound_stops_a_backtracking_regex_and_is_not_swallowed() -> None:
    def swallowing() -> None:  # as a reader trying one reading after another might
        with contextlib.suppress(Exception):
            re.match(r"(a+)+$", "a" * 40 + "!")

    started = time.process_time()
    with pytest.raises(OutOfTime), time_bound(0.2):
        swallowing()
    assert time.process_time() - started < 2


def test_no_budget_is_no_bound() -> None:
    with time_bound(None):
        assert re.match(r"(a+)+$", "a" * 12 + "!") is None
