"""Every function of the product stays small enough to read: none in `normalizer/` or
`resolvers/` above a cyclomatic complexity of 15, as radon counts it (every `and`/`or` a branch,
a method and a nested function each measured on its own). A decision that grows past it is
split into named steps or made a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted([*(ROOT / "normalizer").rglob("*.py"), *(ROOT / "resolvers").rglob("*.py")])
MOST = 15


def too_complex(source: str) -> list[str]:
    """The functions and methods of ``source`` above `MOST`, as "name (complexity)"."""
    found: set[str] = set()  # radon lists a class's methods both in it and beside it
    blocks = list(cc_visit(source))
    while blocks:
        block = blocks.pop()
        blocks.extend([*getattr(block, "methods", ()), *getattr(block, "closures", ())])
        if not hasattr(block, "methods") and block.complexity > MOST:
            found.add(f"{block.name} ({block.complexity})")
    return sorted(found)


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_function_is_above_the_bound(module: Path) -> None:
    assert too_complex(module.read_text(encoding="utf-8")) == []


def branches(count: int) -> str:
    return "".join(f"    if x == {n}:\n        return {n}\n" for n in range(count))


def either(count: int) -> str:
    return "def either(x):\n    return " + " or ".join(f"x == {n}" for n in range(count)) + "\n"


def test_the_check_sees_a_function_over_the_bound_and_inside_a_closure() -> None:
    assert too_complex(f"def flat(x):\n{branches(14)}    return -1\n") == []
    assert too_complex(f"def flat(x):\n{branches(15)}    return -1\n") == ["flat (16)"]
    nested = (
        "def outer(x):\n    def inner(x):\n"
        + branches(15).replace("    ", "        ")
        + "        return -1\n    return inner(x)\n"
    )
    assert too_complex(nested) == ["inner (16)"]
    assert too_complex(either(15)) == []
    assert too_complex(either(16)) == ["either (16)"]  # each `or` a branch
    method = (
        "class Reader:\n    def read(self, x):\n"
        + branches(15).replace("    ", "        ")
        + "        return -1\n"
    )
    assert too_complex(method) == ["read (16)"]
