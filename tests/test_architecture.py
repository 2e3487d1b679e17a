"""The house's layers: declared once in pyproject.toml, kept by the code, named by every package.

The contracts (`[tool.importlinter]`) are checked with import-linter, so a change that
breaks the layering fails here with the contract's name; every package's docstring
says which packages it may import, and must say exactly what the contracts allow.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
LAYERS = next(c for c in CONTRACTS["contracts"] if c["type"] == "layers")["layers"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
DOTTED_NAME = re.compile(r"\bbibnorm(?:\.[a-z_]+)+\b")


def installed_layout(into: Path) -> Path:
    """The packages laid out as the wheel installs them (normalizer/ as bibnorm/, resolvers/ as
    bibnorm/resolvers/), with the contracts beside them: import-linter reads packages, not folders."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "normalizer", into / "bibnorm", ignore=ignore)
    shutil.copytree(ROOT / "resolvers", into / "bibnorm" / "resolvers", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into


def source_path(module: str) -> Path:
    """The folder a dotted package name lives in, in the repository."""
    parts = module.split(".")[1:]
    if parts[:1] == ["resolvers"]:
        return ROOT.joinpath(*parts)
    return ROOT.joinpath("normalizer", *parts)


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed (it comes with the 'test' extra)")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_code_keeps_every_import_contract(tmp_path: Path) -> None:
    result = lint_imports(installed_layout(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS['contracts'])} kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "statement", "contract"),
    [
        pytest.param(
            "bibnorm/text/titles.py",
            "import bibnorm.cli",
            "layers: each package imports only the packages below it",
            id="text-rules-import-the-cli",
        ),
        pytest.param(
            "bibnorm/resolve/merge.py",
            "import requests",
            "only resolvers/ speak HTTP",
            id="core-imports-requests",
        ),
        pytest.param(
            "bibnorm/verify/judge.py",
            "import bibnorm.resolvers._session",
            "one composition root",
            id="verify-builds-a-session",
        ),
    ],
)
def test_a_change_that_breaks_the_house_fails_with_the_contracts_name(
    tmp_path: Path, module: str, statement: str, contract: str
) -> None:
    installed_layout(tmp_path)
    broken = tmp_path / module
    broken.write_text(broken.read_text(encoding="utf-8") + f"\n{statement}  # noqa\n", encoding="utf-8")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert f"{contract}" in " ".join(result.stdout.split())
    assert "BROKEN" in result.stdout


def packages() -> list[str]:
    found = [
        ".".join(("bibnorm", *i.parent.relative_to(ROOT / "normalizer").parts))
        for i in ROOT.glob("normalizer/*/**/__init__.py")
    ]
    return sorted([*found, "bibnorm.resolvers"])


def layer_of(module: str) -> int:
    for depth, layer in enumerate(LAYERS):
        for member in layer.split("|"):
            member = member.strip()
            if module == member or module.startswith(member + "."):
                return depth
    raise AssertionError(f"{module} is in no layer of the contract")


def below(depth: int) -> set[str]:
    return {member.strip() for layer in LAYERS[depth + 1 :] for member in layer.split("|")}


@pytest.mark.parametrize("package", packages())
def test_every_package_says_exactly_what_it_may_import(package: str) -> None:
    init = source_path(package) / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring, f"{package} has no docstring saying what it owns"
    paragraph = next((p for p in docstring.split("\n\n") if p.startswith("May import:")), None)
    assert paragraph is not None, f"{package}'s docstring has no 'May import:' paragraph"
    allowed = below(layer_of(package))
    if "everything" in paragraph:
        assert layer_of(package) == 0, f"only the top layer may import everything, not {package}"
        return
    assert set(DOTTED_NAME.findall(paragraph)) == allowed
