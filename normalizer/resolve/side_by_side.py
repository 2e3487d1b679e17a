"""Stages that run side by side: every item passes every stage in order, while each stage works on
its own group of items at the same time as the others work on theirs.

A run asks its sources one after another for each item (arXiv, then Semantic Scholar for what
arXiv left, then dblp and Crossref for the published version), and each source is asked at its
own rate. Asked one phase after another, the sources' waits add up; here each stage has a thread
of its own, so while dblp looks up the papers of one group arXiv already reads the next group, and
a run takes about as long as its slowest source. Each source is still asked one request at a
time and at its spacing: the session's turns (`bibnorm.resolvers._spacing`) hold across threads.

What comes out does not depend on timing. A stage cuts what reaches it, in the items' order, into
groups of its own ``size`` (the first one at most ``first`` items, so that the later stages start
soon; the last one smaller), so every stage sees the same groups, in the same order, however fast
the others are: the requests made, and so the HTTP cache's keys and what a warm run finds there,
are those of any other run of the same items. Stages work on the items in
place; results are read by item afterwards, never by arrival.

The first failure (an exception in a stage) stops every stage after the group it is on and is
raised again in the caller's thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from bibnorm.resolve.progress import Progress, lane

Item = TypeVar("Item")


@dataclass(frozen=True)
class Stage(Generic[Item]):
    """One step every item passes: ``work`` does it for a group of at most ``size`` items (in place).

    ``phase`` (``"enrich: dblp"``) names the stage's progress phase, which starts when its first
    group has items it ``counts`` (the items the stage asks about) and counts them group by group;
    ``work`` reports into the `Progress` it is given as a source's ``lookup``/``enrich`` does
    (``expect`` what it asks about of the group, ``advance`` as it goes). A stage without a phase is
    given its lane as it is, for phases of its own.
    """

    work: Callable[[Sequence[Item], Progress], None]
    size: int
    phase: str | None = None
    counts: Callable[[Sequence[Item]], int] = len
    unit: str = "items"


_END = object()  # no more groups


def run_stages(
    items: Sequence[Item], stages: Sequence[Stage[Item]], progress: Progress, first: int | None = None
) -> None:
    """Pass every item through every stage, in order, each stage in a thread of its own; each
    stage's first group holds at most ``first`` items (None: its ``size``)."""
    if not stages or not items:
        return
    inboxes: list[queue.SimpleQueue[object]] = [queue.SimpleQueue() for _ in stages]
    inboxes[0].put(list(items))
    inboxes[0].put(_END)
    stopped = threading.Event()
    failures: list[BaseException] = []
    # The first stage's phase is known whole from the start (every item reaches it as it is).
    tallies = [_Tally(stage, lane(progress, stage.phase or f"stage {n}")) for n, stage in enumerate(stages)]
    tallies[0].known = stages[0].counts(items)
    outboxes: list[queue.SimpleQueue[object] | None] = [*inboxes[1:], None]
    workers = [
        threading.Thread(
            target=_serve,
            args=(tally, inbox, outbox, first, stopped, failures),
            name=f"bibnorm {tally.stage.phase or 'stage'}",
            daemon=True,  # an interrupted run does not wait for a source's next answer
        )
        for tally, inbox, outbox in zip(tallies, inboxes, outboxes, strict=True)
    ]
    for worker in workers:
        worker.start()
    try:
        for worker in workers:
            worker.join()
    except BaseException:  # interrupted: the stages stop after the group each is on
        stopped.set()
        raise
    if failures:
        raise failures[0]


def _serve(
    tally: _Tally[Item],
    inbox: queue.SimpleQueue[object],
    outbox: queue.SimpleQueue[object] | None,
    first: int | None,
    stopped: threading.Event,
    failures: list[BaseException],
) -> None:
    """One stage's thread: groups of ``stage.size`` items (the first of at most ``first``) cut
    from what arrives, worked on in order and handed on; the end handed on when the inbox ends
    (or a stage failed)."""
    stage = tally.stage
    size = min(stage.size, first or stage.size)
    held: list[Item] = []
    ended = False
    try:
        while not ended:
            arrived = inbox.get()
            if arrived is _END:
                ended = True
            else:
                held.extend(cast(list[Item], arrived))
            while held and (len(held) >= size or ended) and not stopped.is_set():
                group, held = held[:size], held[size:]
                size = stage.size
                tally.work(group)
                if outbox is not None:
                    outbox.put(group)
        tally.close()
    except BaseException as error:  # handed to the caller's thread, which raises it
        failures.append(error)
        stopped.set()
    finally:
        if outbox is not None:
            outbox.put(_END)


class _Tally(Generic[Item]):
    """A stage's phase across its groups: started at the first group with items to count, its
    total growing by each group's count (unless ``known`` from the start), each group's count
    reached when the group is done."""

    def __init__(self, stage: Stage[Item], shown: Progress) -> None:
        self.stage = stage
        self.shown = shown
        self.started = False
        self.total = 0
        self.known: int | None = None

    def work(self, group: Sequence[Item]) -> None:
        stage = self.stage
        if stage.phase is None:
            stage.work(group, self.shown)
            return
        count = stage.counts(group)
        if count == 0:
            stage.work(group, _GroupShare(self, 0))  # nothing to ask about, nothing to show
            return
        if self.known is not None:
            if not self.started:
                self.total = self.known
                self.shown.start(stage.phase, self.total, stage.unit)
        elif not self.started:  # the whole is not known yet: said as it grows
            self.total = count
            self.shown.start(stage.phase, None, stage.unit)
            self.shown.expect(count)
        else:
            self.total += count
            self.shown.expect(self.total)
        self.started = True
        share = _GroupShare(self, count)
        stage.work(group, share)
        share.close()

    def close(self) -> None:
        if self.started:
            self.shown.finish()


class _GroupShare(Generic[Item]):
    """The `Progress` one group's work reports into: its ``expect`` and ``advance`` counted
    within the group's share of the stage's phase."""

    def __init__(self, tally: _Tally[Item], share: int) -> None:
        self.tally = tally
        self.share = share
        self.done = 0

    def start(self, phase: str, total: int | None = None, unit: str = "items") -> None:
        return None  # the stage's phase is the one shown

    def expect(self, total: int) -> None:
        if not self.tally.started or total == self.share:
            return
        self.tally.total += total - self.share
        self.share = total
        self.done = min(self.done, total)
        self.tally.shown.expect(self.tally.total)

    def advance(self, count: int = 1) -> None:
        room = max(0, min(count, self.share - self.done))
        if room and self.tally.started:
            self.done += room
            self.tally.shown.advance(room)

    def finish(self) -> None:
        return None

    def close(self) -> None:
        """The group is done: whatever of its share was not reported is."""
        self.advance(self.share - self.done)


__all__ = ["Stage", "run_stages"]
