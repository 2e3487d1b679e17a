"""`bibnorm.io.diffs.unified_diff`: the diff `format --diff`, `fix` and `tex --refresh` print,
a unified diff that turns the old version into the new one, in time close to linear in their
length (difflib's alone took two minutes on a 2.5 MB ``.bib`` of RFCs: github:moogle19/IT-Seminar's
rfc.bib, 6,765 entries, each reformatted)."""

from __future__ import annotations

import difflib
import random
import re
import time

import pytest
from bibnorm.io.diffs import unified_diff

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def applied(old: str, diff: str) -> str:
    """``old`` with ``diff``'s hunks applied, each checked against the lines it says it removes."""
    lines, out, at = old.splitlines(keepends=True), [], 0
    body = diff.splitlines(keepends=True)[2:]
    for line in body:
        if hunk := _HUNK.match(line):
            start = int(hunk.group(1)) - (0 if hunk.group(2) == "0" else 1)
            out += lines[at:start]
            at = start
        elif line.startswith((" ", "-")):
            assert lines[at] == line[1:], (at, line)
            if line.startswith(" "):
                out.append(line[1:])
            at += 1
        else:
            out.append(line[1:])
    return "".join(out + lines[at:])


def entries(count: int, form: str) -> str:
    """``count`` RFC entries as the slow file holds them (``form`` "quoted") or formatted."""
    if form == "quoted":
        one = '@misc{{rfc{0},\n  author="A. Author{0}",\n  year=1999,\n  month=apr,\n}}\n\n'
    else:
        one = "@misc{{rfc{0},\n  author = {{A. Author{0}}},\n  year   = {{1999}},\n  month  = apr,\n}}\n\n"
    return "".join(one.format(number) for number in range(count))


@pytest.mark.parametrize("seed", range(40))
def test_the_diff_turns_the_old_version_into_the_new(seed: int) -> None:
    generator = random.Random(seed)
    old = [generator.choice(["}\n", "year = 1999,\n", "\n", f"title = {{T{generator.randrange(9)}}},\n"])
           for _ in range(generator.randrange(0, 900))]  # fmt: skip
    new = list(old)
    for _ in range(generator.randrange(0, 30)):
        at = generator.randrange(len(new) + 1)
        if generator.random() < 0.5 and at < len(new):
            del new[at]
        else:
            new.insert(at, f"line {generator.randrange(1000)}\n")
    diff = unified_diff("".join(old), "".join(new), "refs.bib")
    assert applied("".join(old), diff) == "".join(new)
    assert (diff == "") is (old == new)


def test_a_short_diff_is_difflib_s() -> None:
    old, new = entries(30, "quoted"), entries(30, "quoted").replace("Author7", "Author Seven")
    expected = "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), "a/refs.bib", "b/refs.bib")
    )
    assert unified_diff(old, new, "refs.bib") == expected


def test_a_long_file_every_entry_changed_is_diffed_in_near_linear_time() -> None:
    old, new = entries(7_000, "quoted"), entries(7_000, "formatted")
    started = time.thread_time()  # CPU time: a loaded machine's waits are no slowness of the diff's
    diff = unified_diff(old, new, "rfc.bib")
    assert time.thread_time() - started < 10  # difflib alone: some two minutes
    assert applied(old, diff) == new
