"""Stages side by side (bibnorm.resolve.side_by_side): every item passes every stage in order, the
stages working at the same time, each on the same groups whatever the timing."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Sequence

import pytest
from bibnorm.resolve.batches import in_batches
from bibnorm.resolve.progress import Progress
from bibnorm.resolve.side_by_side import Stage, run_stages
from progress_log import ProgressLog


class Recorder:
    """A stage's work that writes down the groups it was given (after a random short pause)."""

    def __init__(self, name: str, seed: int) -> None:
        self.name = name
        self.groups: list[list[int]] = []
        self.random = random.Random(seed)

    def __call__(self, group: Sequence[list[str]], progress: Progress) -> None:
        time.sleep(self.random.random() / 500)
        self.groups.append([int(item[0]) for item in group])
        for item in group:
            item.append(self.name)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_stage_sees_the_same_groups_and_every_item_passes_the_stages_in_order(seed: int) -> None:
    items = [[str(n)] for n in range(23)]
    first, second, third = Recorder("a", seed), Recorder("b", seed + 10), Recorder("c", seed + 20)
    run_stages(items, [Stage(first, 5), Stage(second, 2), Stage(third, 7)], ProgressLog())
    numbers = list(range(23))
    assert first.groups == [list(g) for g in in_batches(numbers, 5)]
    assert second.groups == [list(g) for g in in_batches(numbers, 2)]
    assert third.groups == [list(g) for g in in_batches(numbers, 7)]
    assert all(item[1:] == ["a", "b", "c"] for item in items)


def test_each_stage_cuts_a_smaller_first_group_then_groups_of_its_size() -> None:
    items = [[str(n)] for n in range(23)]
    first, second = Recorder("a", 4), Recorder("b", 5)
    run_stages(items, [Stage(first, 10), Stage(second, 2)], ProgressLog(), first=3)
    assert first.groups == [[0, 1, 2], list(range(3, 13)), list(range(13, 23))]
    assert second.groups == [[0, 1], *([n, n + 1] for n in range(2, 22, 2)), [22]]


def test_a_later_stage_works_on_a_group_while_an_earlier_one_works_on_the_next() -> None:
    second_started = threading.Event()
    overlapped: list[bool] = []

    def first(group: Sequence[int], progress: Progress) -> None:
        if group[0] == 2:  # the second group: the second stage is at work on the first by now
            overlapped.append(second_started.wait(timeout=2))

    def second(group: Sequence[int], progress: Progress) -> None:
        second_started.set()

    run_stages([0, 1, 2, 3], [Stage(first, 2), Stage(second, 2)], ProgressLog())
    assert overlapped == [True]


def test_a_stage_that_fails_stops_the_run_and_its_error_reaches_the_caller() -> None:
    seen: list[int] = []

    def failing(group: Sequence[int], progress: Progress) -> None:
        raise LookupError(f"no answer for {group[0]}")

    def later(group: Sequence[int], progress: Progress) -> None:
        seen.extend(group)

    with pytest.raises(LookupError, match="no answer for 0"):
        run_stages(list(range(10)), [Stage(failing, 2), Stage(later, 2)], ProgressLog())
    assert seen == []


def test_each_stage_has_one_phase_in_a_lane_of_its_own_counting_what_it_asks_about() -> None:
    log = ProgressLog()

    def asks_about_odd_ones(group: Sequence[int], progress: Progress) -> None:
        progress.advance(1)  # reports one; the rest of the group's share is counted when it is done

    def odd(group: Sequence[int]) -> int:
        return sum(n % 2 for n in group)

    stages = [
        Stage(lambda group, progress: None, 4, "find: every"),
        Stage(asks_about_odd_ones, 4, "enrich: odd", odd, "papers"),
        Stage(lambda group, progress: None, 4, None),  # no phase of its own
    ]
    run_stages(list(range(10)), stages, log)
    assert log.summary() == [("find: every", 10, 10), ("enrich: odd", 5, 5)]
    assert [phase.unit for phase in log.phases] == ["items", "papers"]
    assert all(phase.finished for phase in log.phases)
    # The first stage's total is known from the start; the later stage's grew group by group (2,
    # then 4, then 5 odd numbers).
    assert [phase.expected for phase in log.phases] == [[], [2, 4, 5]]


def test_a_group_whose_work_expects_fewer_items_shrinks_the_phase() -> None:
    log = ProgressLog()

    def asks_about_one(group: Sequence[int], progress: Progress) -> None:
        progress.expect(1)
        progress.advance(1)

    run_stages(list(range(6)), [Stage(asks_about_one, 3, "enrich: some")], log)
    assert log.summary() == [("enrich: some", 2, 2)]


def test_no_items_start_no_stage() -> None:
    log = ProgressLog()
    run_stages([], [Stage(lambda group, progress: None, 3, "find: none")], log)
    assert log.phases == []
