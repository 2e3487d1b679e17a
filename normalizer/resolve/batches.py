"""How a source is asked many questions: in the batches it allows, inside one progress phase,
a failed request costing only the items it asked about.

The one loop around a source's client, for the pipeline (``resolve``), ``verify``'s questions
and ``check``'s preprint facts. The client (`bibnorm.resolvers`) owns the rest of asking
politely: its session spaces, retries, caches and counts the requests, and marks a source down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from bibnorm.resolve.progress import Progress

Item = TypeVar("Item")
Answer = TypeVar("Answer")


@contextmanager
def phase(progress: Progress, name: str, total: int | None, unit: str = "items") -> Iterator[Progress]:
    """A progress phase around the block: started with ``total`` items, finished when the block
    ends normally (a block that raises leaves it to whatever reports the error)."""
    progress.start(name, total, unit)
    yield progress
    progress.finish()


def in_batches(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    """``items`` cut into consecutive batches of at most ``size``, in order."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def ask_each(
    questions: Sequence[Item],
    ask: Callable[[Item], Answer],
    errors: type[Exception] | tuple[type[Exception], ...],
    progress: Progress,
    failed: Callable[[Item], None] | None = None,
    weight: Callable[[Item], int] | None = None,
) -> Iterator[tuple[Item, Answer]]:
    """Each question with its answer, asked one at a time, in order.

    A question whose ``ask`` raises one of ``errors`` is handed to ``failed`` (when given) and
    left out; the others go on. Each question asked advances ``progress`` by its ``weight``
    (one, unless given), answered or not, before its answer is used.
    """
    for question in questions:
        try:
            answer = ask(question)
        except errors:
            if failed is not None:
                failed(question)
            continue
        finally:
            progress.advance(1 if weight is None else weight(question))
        yield question, answer


def ask_in_batches(
    items: Sequence[Item],
    size: int,
    ask: Callable[[Sequence[Item]], Answer],
    errors: type[Exception] | tuple[type[Exception], ...],
    progress: Progress,
    failed: Callable[[Sequence[Item]], None] | None = None,
) -> Iterator[tuple[Sequence[Item], Answer]]:
    """Each batch of at most ``size`` items with its answer, as `ask_each` asks them; progress
    counts items, so a batch advances it by its length."""
    return ask_each(in_batches(items, size), ask, errors, progress, failed, weight=len)
