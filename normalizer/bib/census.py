"""The safety net of every rewrite of a ``.bib`` file: nothing BibTeX would read is lost.

A `Census` counts what must survive (every entry key, repeats included, and the blocks BibTeX
cannot read whole); `assert_nothing_lost` compares the census before and after and refuses
the write (`SafetyError`) when they differ. Every writer of a ``.bib`` file calls it before
replacing the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from bibnorm.bib.blocks import BibEntry, BibFile, Block, FailedBlock
from bibnorm.bib.formatting import RenderedBlock
from bibnorm.bib.reading import parse_bibtex
from bibnorm.errors import SafetyError


class Census(NamedTuple):
    """What must survive a rewrite: every entry key (with repeats) and the unreadable blocks."""

    keys: Counter[str]
    unkeyed_failures: int

    @staticmethod
    def of(blocks: Iterable[Block | RenderedBlock]) -> Census:
        keys: Counter[str] = Counter()
        unkeyed = 0
        for block in blocks:
            if isinstance(block, RenderedBlock):
                entry, failed, key = block.kind == "entry", block.kind == "failed", block.key
            else:
                entry, failed = isinstance(block, BibEntry), isinstance(block, FailedBlock)
                key = block.key if isinstance(block, BibEntry | FailedBlock) else None
            if key is not None and (entry or failed):
                keys[key] += 1
            elif failed:
                unkeyed += 1
        return Census(keys, unkeyed)

    @staticmethod
    def total(pieces: Iterable[Census]) -> Census:
        keys: Counter[str] = Counter()
        unkeyed = 0
        for piece in pieces:
            keys.update(piece.keys)
            unkeyed += piece.unkeyed_failures
        return Census(keys, unkeyed)


def assert_nothing_lost(
    before: BibFile | Census | str, after: BibFile | Census | str, path: str = ""
) -> None:
    """Raise `SafetyError` unless ``after`` has the same entries (count and key multiset) as ``before``.

    Either side may be text, which is parsed first: the check is on what a
    BibTeX reader would see, not on our model.
    """
    old, new = _census(before), _census(after)
    if old == new:
        return
    lost = sorted((old.keys - new.keys).elements())
    gained = sorted((new.keys - old.keys).elements())
    detail = []
    if lost:
        detail.append("lost " + ", ".join(lost[:5]) + (" ..." if len(lost) > 5 else ""))
    if gained:
        detail.append("gained " + ", ".join(gained[:5]) + (" ..." if len(gained) > 5 else ""))
    if not detail:
        detail.append(f"unreadable blocks went from {old.unkeyed_failures} to {new.unkeyed_failures}")
    where = path or next(
        (f.path for f in (after, before) if isinstance(f, BibFile) and f.path != "<string>"), "<string>"
    )
    raise SafetyError(
        f"{where}: refusing to write: {old.keys.total()} entries before, "
        f"{new.keys.total()} after ({'; '.join(detail)})"
    )


def _census(value: BibFile | Census | str) -> Census:
    if isinstance(value, Census):
        return value
    return Census.of((parse_bibtex(value) if isinstance(value, str) else value).blocks)
