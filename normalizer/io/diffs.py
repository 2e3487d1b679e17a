"""Unified diffs of two versions of a file, in time close to linear in their length.

`difflib`'s matcher compares every line of one version with the lines of the other that look
alike, which on a long ``.bib`` whose entries repeat the same lines (``}``, ``year = 1999,``)
grows with the square of its length: ``fix`` on a 2.5 MB file spent two minutes on its diff. Here
the versions are first cut apart at anchors — lines that occur exactly once in each, in the same
order (the longest such run: patience diff's anchors) — and `difflib` compares only the short
stretches between two anchors; a stretch longer than `_MATCHED_LINES` with no anchor of its own is
one replacement. The output is `difflib.unified_diff`'s format, three lines of context.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Literal

Tag = Literal["replace", "delete", "insert", "equal"]
Opcode = tuple[Tag, int, int, int, int]

# The most lines of each side `difflib` compares at once (its time grows with their product).
_MATCHED_LINES = 400
_DEPTH = 50  # stretches cut within one another at most (each cut a generator's frame)


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff between two versions of the file ``name`` (``a/NAME``, ``b/NAME``; "" when
    they are equal), each line ended by a line break."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = _Anchored(old, new)
    lines: list[str] = []
    for group in matcher.get_grouped_opcodes(3):
        if not lines:
            lines += [f"--- a/{name}\n", f"+++ b/{name}\n"]
        first, last = group[0], group[-1]
        lines.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [" " + line for line in old[i1:i2]]
                continue
            if tag in ("replace", "delete"):
                lines += ["-" + line for line in old[i1:i2]]
            if tag in ("replace", "insert"):
                lines += ["+" + line for line in new[j1:j2]]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _range(start: int, stop: int) -> str:
    """A hunk's range as `difflib` writes it: "start,length", 1-based ("start" for one line)."""
    length = stop - start
    first = start + 1
    if length == 1:
        return str(first)
    return f"{first - 1 if length == 0 else first},{length}"


class _Anchored(difflib.SequenceMatcher[str]):
    """`difflib`'s matcher whose opcodes come from `_opcodes`: its grouping into hunks is reused."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, (), (), autojunk=False)
        self.old, self.new = a, b

    def get_opcodes(self) -> list[Opcode]:
        return _merged(list(_opcodes(self.old, self.new, 0, len(self.old), 0, len(self.new))))


def _opcodes(
    old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int, depth: int = 0
) -> Iterator[Opcode]:
    """The opcodes turning ``old[i1:i2]`` into ``new[j1:j2]`` (``depth``: stretches cut so far
    within one another, up to `_DEPTH`)."""
    while i1 < i2 and j1 < j2 and old[i1] == new[j1]:  # a common head
        yield ("equal", i1, i1 + 1, j1, j1 + 1)
        i1, j1 = i1 + 1, j1 + 1
    tail: list[Opcode] = []
    while i2 > i1 and j2 > j1 and old[i2 - 1] == new[j2 - 1]:
        tail.append(("equal", i2 - 1, i2, j2 - 1, j2))
        i2, j2 = i2 - 1, j2 - 1
    if i2 - i1 <= _MATCHED_LINES and j2 - j1 <= _MATCHED_LINES:
        matcher = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            yield (tag, i1 + a1, i1 + a2, j1 + b1, j1 + b2)
    else:
        yield from _between_anchors(old, new, i1, i2, j1, j2, depth)
    yield from reversed(tail)


def _between_anchors(
    old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int, depth: int
) -> Iterator[Opcode]:
    """The opcodes of a long stretch: cut at its anchors (`_anchors`), each piece between two
    compared alone; no anchor (or cut `_DEPTH` deep), one replacement (or insertion, deletion)."""
    anchors = _anchors(old, new, i1, i2, j1, j2) if depth < _DEPTH else []
    if not anchors:
        if i1 < i2 or j1 < j2:
            tag: Tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
            yield (tag, i1, i2, j1, j2)
        return
    for i, j in anchors:
        yield from _opcodes(old, new, i1, i, j1, j, depth + 1)
        yield ("equal", i, i + 1, j, j + 1)
        i1, j1 = i + 1, j + 1
    yield from _opcodes(old, new, i1, i2, j1, j2, depth + 1)


def _anchors(
    old: Sequence[str], new: Sequence[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int, int]]:
    """The lines that occur once in ``old[i1:i2]`` and once in ``new[j1:j2]``, the longest run of
    them in the same order in both (patience sorting: n log n)."""
    counts_old = Counter(old[i1:i2])
    counts_new = Counter(new[j1:j2])
    where_new = {line: j for j, line in enumerate(new[j1:j2], j1) if counts_new[line] == 1}
    pairs = [
        (i, where_new[line])
        for i, line in enumerate(old[i1:i2], i1)
        if counts_old[line] == 1 and line in where_new
    ]
    # the longest run of pairs whose new positions go up (their old ones do already)
    tops: list[int] = []  # the smallest last new position of a run of each length
    ends: list[int] = []  # the pair ending that run
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
        before[index] = ends[length - 1] if length else -1
    run: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index != -1:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _merged(opcodes: list[Opcode]) -> list[Opcode]:
    """Adjacent opcodes of one tag as one."""
    merged: list[Opcode] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 == i2 and j1 == j2:
            continue
        if merged and merged[-1][0] == tag and merged[-1][2] == i1 and merged[-1][4] == j1:
            previous = merged[-1]
            merged[-1] = (tag, previous[1], i2, previous[3], j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged
