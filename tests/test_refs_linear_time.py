"""A reference list holding one long crafted reference reads in time linear in its length: the
whole reader, not one pattern (`test_regex_linear`), on the shapes that once took a time
quadratic in them (a pattern run from each of many starts to the end of the text)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bibnorm.readers import read_inputs

GOOD = (
    "Smith J, Jones B. A paper on brains. J Biol. 2019;12:3-9.\n\n"
    "Doe J, Roe R. A third paper. Cell. 2018;1:1-2.\n\n"
    "Lee Y, Kang J. Structured attention for vision. Cell. 2022;1:1-2.\n\n"
)
FLOOR = 0.05  # CPU seconds: below it, no evidence of anything


def _cpu_seconds(path: Path, text: str) -> float:
    """The least CPU time of three readings: a collection or a page fault that lands inside one
    reading on a loaded machine is no growth of the reader's."""
    path.write_text(text, encoding="utf-8")
    times = []
    for _ in range(3):
        started = time.thread_time()
        read_inputs([path], budget=30.0)
        times.append(time.thread_time() - started)
    return min(times)


@pytest.mark.parametrize(
    ("lead", "pump"),
    [
        pytest.param("", "Family II, ", id="names before a year in parentheses (a publisher's place list)"),
        pytest.param("", "[1] ", id="brackets (an APA description)"),
        pytest.param("Smith, J. (2017). ", "http://a ", id="links after an APA year"),
        pytest.param("", "\n", id="blank lines (a .bib entry's start)"),
        pytest.param("Smith J. ", "“a ", id="quotation marks"),
        pytest.param("J. Smith. ", "A. ", id="initials"),
    ],
)
def test_a_crafted_reference_reads_in_linear_time(tmp_path: Path, lead: str, pump: str) -> None:
    short, long = (
        _cpu_seconds(tmp_path / "refs.txt", GOOD + lead + pump * (length // len(pump)) + " 2017.\n")
        for length in (4_000, 16_000)
    )
    assert long < 8 * max(short, FLOOR / 4) or long < FLOOR
