"""No regular expression of the reading packages takes a time that grows faster than its text.

Every compiled pattern of `bibnorm.readers` and `bibnorm.text` (`regex_inventory`) is run on
adversarial strings of growing length built from its own repeated parts and from what reference
lists repeat (`regex_growth`); one whose time grows more than about quadratically from n to 4n
pumps above a floor, or that runs past a bound in one call, fails the suite. The detector is
tested too: today's fixed patterns, as they were, are flagged.
"""

from __future__ import annotations

import re
import time

import pytest
from regex_growth import GENERIC_PUMPS, OLD_VANCOUVER, attack_strings, super_linear
from regex_inventory import reading_patterns

PATTERNS = reading_patterns()


def test_the_inventory_holds_the_reading_patterns() -> None:
    # module patterns, patterns in module tuples, and patterns compiled in functions' code
    assert len(PATTERNS) > 350
    assert any(where.endswith("_ref_vancouver._VANCOUVER") for where in PATTERNS)
    assert any("(in code" in where for where in PATTERNS)
    assert any(where.startswith("bibnorm.text.") for where in PATTERNS)


@pytest.mark.parametrize(
    ("pattern", "attacks"),
    [
        pytest.param(OLD_VANCOUVER, [("", "Family II, ")], id="yesterday's Vancouver names, exponential"),
        pytest.param(OLD_VANCOUVER, None, id="yesterday's Vancouver names, its own pumps"),
        pytest.param(re.compile(r"^(?:\w+\s?)+$"), None, id="nested repetition"),
        pytest.param(re.compile(r"^(?:[A-Z][a-z]?\.\s?-?\s?)+$"), None, id="yesterday's initials"),
        pytest.param(re.compile(r"\s*[,.]?\s*\bCoRR\b.*$"), None, id="two runs of spaces, cubic"),
    ],
)
def test_the_detector_flags_a_super_linear_pattern(
    pattern: re.Pattern[str], attacks: list[tuple[str, str]] | None
) -> None:
    assert super_linear(pattern, attacks)


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(re.compile(r"\b(?:19|20)\d{2}\b"), id="a year"),
        pytest.param(re.compile(r"(?<!\s)\s+(\S+)"), id="a guarded run of spaces"),
        pytest.param(re.compile(r"^(?>[A-Z][a-z]?\.\s?+-?+\s?+)+$"), id="today's initials"),
    ],
)
def test_the_detector_passes_a_linear_pattern(pattern: re.Pattern[str]) -> None:
    assert super_linear(pattern) == []


def test_the_old_vancouver_pattern_is_caught_before_it_hangs() -> None:
    started = time.perf_counter()
    findings = super_linear(OLD_VANCOUVER, [("", "Family II, ")])
    assert findings and findings[0].long == float("inf")
    assert time.perf_counter() - started < 5


def test_attacks_pump_the_patterns_own_parts() -> None:
    pumps = {pump for _, pump in attack_strings(re.compile(r"^(?:Smith\s)+X$"))}
    assert "Smith " in pumps
    assert "Family II, " in GENERIC_PUMPS


def test_no_reading_pattern_grows_super_linearly() -> None:
    findings = {where: super_linear(pattern) for where, pattern in PATTERNS.items()}
    assert {
        where: [str(found) for found in found_here] for where, found_here in findings.items() if found_here
    } == {}
