"""Timing regular expressions on adversarial strings of growing length, to catch the ones whose
matching time grows faster than the text (nested or ambiguous repetition: `(a+)+$`, two
quantified runs over the same letters before a failure).

`attack_strings` builds, for one pattern, strings that pump the pattern's whole match (a search
tries it again from each start: its shortest match, and its fullest, each optional part
present), a piece the pattern itself repeats (the shortest text each repeated part matches, each
character class's own characters) after the text that leads to it, plus generic pumps of
reference lists ("Family II, ", "Aa. ", digits, spaces), each followed by an ending that makes the
match fail late (among them a line break before the text's end, where a "." stops and "$" fails).
`super_linear` times a pattern on each at two lengths (about 2,000 and 8,000 characters) and
reports those where the time grows much faster than fourfold — a quadratic pattern grows
sixteenfold — or where one call takes longer than a bound outright (an exponential pattern never
reaches the longer string).

The lengths are long enough for a quadratic pattern to stand far above the floor (tens of
milliseconds and more at 8,000 characters, where the heaviest linear one takes 10); at 512
characters most quadratic patterns stayed under a floor of 4 ms, and passed. Times are CPU times
of this thread (the machine is shared), each the least of a few calls; a growth only counts above
a floor, and a pattern is flagged only when a second, longer measurement, its lengths timed in
turn, finds the same growth, or when two calls in a row run past the bound — so a loaded machine
does not fail a linear pattern.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# Characters a character class or a wildcard is tried with: letters of both cases, accented, digits,
# the punctuation of references, space, a line break.
CANDIDATES = "aAZzé1 .,;:-()[]'\"/&\n_"
# Generic pumps: what reference lists repeat (names, initials, words, sentence ends, numbers).
GENERIC_PUMPS = ("Family II, ", "Aa. ", "a ", ". ", "1", " ", "Smith JA, ", "A. ", "aA", "a-", "(a) ", ", ")
# Endings that make a match fail after the pumped run (or succeed only after it).
# "\n!": a line break before the text's end, where a "." stops and "$" fails, so a search tries the
# pattern's whole match again from each start of the pumped run.
ENDINGS = ("", "!\n", " (2017).", "\n!")
# The pumps' lengths compared: about SHORT characters, then four times as many pumps.
SHORT = 2048
GROWTH = 4
# One call longer than this (CPU seconds) on at most GROWTH * SHORT characters: flagged, whatever
# its growth — a linear pattern takes a few milliseconds there at most (the heaviest, 10).
CALL_BOUND = 0.1
# A time below this (seconds) at the longer length is no evidence of anything.
FLOOR = 0.003
# Growth from n to 4n pumps above which a pattern is super-linear (linear: 4, quadratic: 16).
MAX_RATIO = 9.0
# Calls whose least time is taken: screening, then confirming a growth seen once.
REPEATS = 3
CONFIRMING_REPEATS = 5
# The most attack strings tried per pattern (the pattern's own pumps first).
MAX_ATTACKS = 40


class _CallTooLong(Exception):
    pass


@dataclass(frozen=True)
class Finding:
    """A pattern whose time grows super-linearly on one attack string."""

    pattern: str
    method: str
    prefix: str
    pump: str
    ending: str
    short: float  # CPU seconds at n pumps (inf: the call was stopped)
    long: float  # at GROWTH * n pumps

    def __str__(self) -> str:
        return (
            f"{self.pattern!r} .{self.method}({self.prefix!r} + {self.pump!r} * n + {self.ending!r}):"
            f" {self.short * 1000:.1f} ms at n, {self.long * 1000:.1f} ms at {GROWTH}n"
        )


def _single(state: object, node: tuple[object, object], flags: int) -> re.Pattern[str]:
    return sre_compile.compile(sre_parse.SubPattern(state, [node]), flags)  # type: ignore[no-any-return]


def _members(state: object, node: tuple[object, object], flags: int) -> str:
    """The candidate characters that one class, literal or wildcard node matches."""
    op, arg = node
    if op is sre.LITERAL:
        return chr(arg)  # type: ignore[arg-type]
    own = ""  # a class's own characters: its literals and its ranges' ends
    if op is sre.IN:
        for item_op, item in arg:  # type: ignore[attr-defined]
            own += (
                chr(item)
                if item_op is sre.LITERAL
                else "".join(map(chr, item))
                if item_op is sre.RANGE
                else ""
            )
    try:
        single = _single(state, node, flags)
    except Exception:  # a node that cannot stand alone (a group reference)
        return ""
    return "".join(char for char in dict.fromkeys(own + CANDIDATES) if single.fullmatch(char))


def _witnesses(
    state: object, items: list[tuple[object, object]], flags: int, limit: int = 3, fullest: bool = False
) -> list[str]:
    """A few short strings that the sequence ``items`` matches (lookarounds and anchors taken as
    empty, which may make a witness fail: it is only a guess at what the pattern repeats); the
    ``fullest`` first, with each optional part present, else the shortest."""
    found = [""]
    for node in items:
        options = _node_witnesses(state, node, flags, limit, fullest)
        if not options:
            return []
        found = [head + tail for head in found for tail in options][:limit]
    return found


def _node_witnesses(
    state: object, node: tuple[object, object], flags: int, limit: int, fullest: bool
) -> list[str]:
    op, arg = node
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.RANGE, sre.CATEGORY):
        members = _members(state, node, flags)
        return list(dict.fromkeys(members[:1] + members[-1:])) if members else []
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.GROUPREF_EXISTS):
        return [""]
    if op is sre.SUBPATTERN:
        return _witnesses(state, list(arg[3]), flags, limit, fullest)  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _witnesses(state, list(arg), flags, limit, fullest)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        options = [w for branch in arg[1] for w in _witnesses(state, list(branch), flags, 1, fullest)]  # type: ignore[index]
        return options[:limit]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = arg  # type: ignore[misc]
        bodies = _witnesses(state, list(body), flags, limit, fullest)
        if low:
            return [b * low for b in bodies]
        return [*bodies, ""] if fullest else ["", *bodies]
    return [""]


def _pumps(
    state: object, items: list[tuple[object, object]], flags: int, prefix: str
) -> Iterator[tuple[str, str]]:
    """(prefix, pump) pairs: each repeated part's witnesses and its characters one by one, after
    a witness of what comes before it in the pattern."""
    for at, node in enumerate(items):
        op, arg = node
        before = _witnesses(state, items[:at], flags, 1)
        lead = prefix + (before[0] if before else "")
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _, high, body = arg  # type: ignore[misc]
            if high is sre.MAXREPEAT or high > 8:  # type: ignore[operator]
                for witness in _witnesses(state, list(body), flags):
                    if witness:
                        yield lead, witness
                for sub in body:  # type: ignore[attr-defined]
                    for char in _members(state, sub, flags)[:4]:
                        yield lead, char
            yield from _pumps(state, list(body), flags, lead)  # type: ignore[arg-type]
        elif op is sre.SUBPATTERN:
            yield from _pumps(state, list(arg[3]), flags, lead)  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            yield from _pumps(state, list(arg), flags, lead)  # type: ignore[arg-type]
        elif op is sre.BRANCH:
            for branch in arg[1]:  # type: ignore[index]
                yield from _pumps(state, list(branch), flags, lead)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _pumps(state, list(arg[1]), flags, lead)  # type: ignore[index]


def attack_strings(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(prefix, pump) pairs to grow ``pattern``'s text with: its own repeated parts, then the
    generic pumps, each pair once."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    # the whole match too: a search tries it again from each start of a text that repeats it
    whole = [
        ("", witness)
        for fullest in (False, True)
        for witness in _witnesses(parsed.state, list(parsed.data), pattern.flags, 1, fullest)
        if witness
    ]
    own = whole + list(_pumps(parsed.state, list(parsed.data), pattern.flags, ""))
    generic = [("", pump) for pump in GENERIC_PUMPS]
    return list(dict.fromkeys(own + generic))[:MAX_ATTACKS]


def _on_alarm(signum: int, frame: object) -> None:
    raise _CallTooLong


def _cpu_time(call: object, text: str) -> float:
    """CPU seconds of one ``call(text)``; inf when it runs past `CALL_BOUND` (stopped by SIGPROF:
    the regex engine checks for signals while it backtracks)."""
    signal.setitimer(signal.ITIMER_PROF, CALL_BOUND)
    start = time.thread_time()
    try:
        call(text)  # type: ignore[operator]
    except _CallTooLong:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return time.thread_time() - start


def _growth(call: object, short: str, long: str, repeats: int) -> tuple[float, float]:
    """The least times of ``call`` on ``short`` and on ``long``, the two timed in turn (a burst of
    load slows both alike, not one)."""
    times = [(_cpu_time(call, short), _cpu_time(call, long)) for _ in range(repeats)]
    return min(short for short, _ in times), min(long for _, long in times)


def _grows(short_time: float, long_time: float) -> bool:
    return long_time >= FLOOR and long_time > MAX_RATIO * max(short_time, FLOOR / GROWTH)


def super_linear(
    pattern: re.Pattern[str],
    attacks: list[tuple[str, str]] | None = None,
    methods: tuple[str, ...] = ("search", "fullmatch"),
) -> list[Finding]:
    """The attack strings on which ``pattern`` (called by each of ``methods``) takes more than
    `FLOOR` at the longer length and grows more than `MAX_RATIO` times from n to 4n pumps, twice,
    or takes longer than `CALL_BOUND` in one call; empty for a pattern that stays linear."""
    previous = signal.signal(signal.SIGPROF, _on_alarm)
    try:
        return list(_findings(pattern, attacks if attacks is not None else attack_strings(pattern), methods))
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _findings(
    pattern: re.Pattern[str], attacks: list[tuple[str, str]], methods: tuple[str, ...]
) -> Iterator[Finding]:
    for prefix, pump in attacks:
        count = max(1, SHORT // len(pump))
        for ending in ENDINGS:
            short = prefix + pump * count + ending
            long = prefix + pump * (count * GROWTH) + ending
            for method in methods:
                call = getattr(pattern, method)
                screened = _cpu_time(call, long)  # one call: most patterns end here, far below the floor
                if screened < FLOOR:
                    continue
                # stopped twice (not once: one call slowed by something else): no need to know how
                # far it would have gone
                if screened == float("inf") and _cpu_time(call, long) == float("inf"):
                    yield Finding(
                        pattern.pattern, method, prefix, pump, ending, _cpu_time(call, short), screened
                    )
                    return
                if not _grows(*_growth(call, short, long, REPEATS)):
                    continue
                short_time, long_time = _growth(call, short, long, CONFIRMING_REPEATS)
                if _grows(short_time, long_time):
                    yield Finding(pattern.pattern, method, prefix, pump, ending, short_time, long_time)
                    return  # one attack is enough to show it


# The Vancouver author list as it was: a particle is also a family word, "II" is initials or a
# generation, and a family word's lowercase letter could be any of its lowercase letters, so
# "Family II, Family II, … (2017)." was read every way before failing (5 names 0.008 s, 8 names
# 4.5 s, 10 names 123 s).
_PARTICLE = r"(?:[Vv][ao]n|[Dd][aeiou]|[Dd]e[lnrs]|[Dd]ell[ae]|[Dd]os|[Ll][ae]|[Ee]l|[Aa]l|[Tt]e[nr]|[Zz]u)"
_FAMILY_WORD = r"[A-Z][^\s\d,.;:]*[a-z][^\s\d,.;:]*"
_INITIALS = r"[A-Z](?:[a-z]?[A-Z]){0,3}[a-z]?(?:\s(?:Jr|Sr|2nd|3rd|4th|II|III|IV))?"
_NAME = rf"(?:{_PARTICLE}\s)*{_FAMILY_WORD}(?:\s(?:{_PARTICLE}\s)*{_FAMILY_WORD})?\s{_INITIALS}"
OLD_VANCOUVER = re.compile(rf"^(?P<authors>{_NAME}(?:,\s{_NAME})*(?:,\s(?:et al|others))?)\.\s+(?P<rest>.+)$")
