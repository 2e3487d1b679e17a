"""`bibnorm.resolve.batches`: the one loop that asks a source many questions."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from bibnorm.resolve.batches import ask_each, ask_in_batches, in_batches, phase
from progress_log import ProgressLog


class SourceDownError(Exception):
    pass


@pytest.mark.parametrize(
    ("items", "size", "expected"),
    [
        pytest.param([], 3, [], id="nothing"),
        pytest.param([1, 2, 3], 3, [[1, 2, 3]], id="one-full-batch"),
        pytest.param([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]], id="last-batch-partial"),
    ],
)
def test_items_are_cut_into_consecutive_batches(
    items: list[int], size: int, expected: list[list[int]]
) -> None:
    assert [list(batch) for batch in in_batches(items, size)] == expected


def test_a_failed_batch_costs_only_its_own_items_and_still_counts_as_done() -> None:
    progress = ProgressLog()
    failed: list[Sequence[str]] = []

    def ask(batch: Sequence[str]) -> list[str]:
        if "c" in batch:
            raise SourceDownError
        return [item.upper() for item in batch]

    with phase(progress, "s2: identifiers", 5, "ids"):
        answered = list(
            ask_in_batches(["a", "b", "c", "d", "e"], 2, ask, SourceDownError, progress, failed.append)
        )
    assert answered == [(["a", "b"], ["A", "B"]), (["e"], ["E"])]
    assert failed == [["c", "d"]]
    (logged,) = progress.phases
    assert (logged.name, logged.total, logged.unit) == ("s2: identifiers", 5, "ids")
    assert (logged.done, logged.advances, logged.finished) == (5, 3, True)


def test_questions_are_asked_one_at_a_time_and_in_order() -> None:
    progress = ProgressLog()
    asked: list[str] = []

    def ask(title: str) -> int:
        asked.append(title)
        if title == "invented":
            raise SourceDownError
        return len(title)

    with phase(progress, "s2: titles", 3, "titles"):
        answered = list(ask_each(["one", "invented", "three"], ask, SourceDownError, progress))
    assert asked == ["one", "invented", "three"]
    assert answered == [("one", 3), ("three", 5)]  # no ``failed``: a failure is simply left out
    assert progress.phases[0].done == 3


def test_an_error_that_is_not_the_sources_trouble_stops_the_loop_and_leaves_the_phase_open() -> None:
    progress = ProgressLog()

    def ask(item: int) -> int:
        raise KeyError(item)

    with pytest.raises(KeyError), phase(progress, "find: arxiv", 1):
        list(ask_each([1], ask, SourceDownError, progress))
    assert progress.phases[0].finished is False
