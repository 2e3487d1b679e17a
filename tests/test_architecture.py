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
        pytest.param(
            "bibnorm/verify/judge.py",
            "from bibnorm.resolvers.session import build_session",
            "one composition root",
            id="verify-builds-a-session-through-the-public-module",
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


# --------------------------------------------------------------------------- private modules

PRIVATE_IMPORT_RULE = (
    "a private module (`_name`) is imported only from inside its parent package; "
    "other packages use the names the package makes public"
)


def module_name(path: Path) -> str:
    """The dotted name a file of the repository is installed under."""
    if path.is_relative_to(ROOT / "resolvers"):
        parts = ("resolvers", *path.relative_to(ROOT / "resolvers").with_suffix("").parts)
    else:
        parts = path.relative_to(ROOT / "normalizer").with_suffix("").parts
    return ".".join(("bibnorm", *parts)).removesuffix(".__init__")


def is_module(name: str) -> bool:
    """Whether a dotted bibnorm name is a module or package of the repository (not a name in one)."""
    path = source_path(name)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported_modules(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool) -> list[str]:
    """The modules an import statement reaches: ``from a.b import c`` reaches ``a.b.c`` when ``c``
    is a module, and ``a.b`` when it is a name defined there."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: counted from the importer's package
        package = importer.split(".")
        anchor = package[: len(package) - node.level + (1 if is_package else 0)]
        base = ".".join([*anchor, *([base] if base else [])])
    return [f"{base}.{alias.name}" if is_module(f"{base}.{alias.name}") else base for alias in node.names]


def private_parent(name: str) -> str | None:
    """The package holding the first private module on a dotted name, None if there is none."""
    parts = name.split(".")
    for depth, part in enumerate(parts):
        if part.startswith("_") and not (part.startswith("__") and part.endswith("__")):
            return ".".join(parts[:depth])
    return None


def foreign_private_imports(importer: str, source: str, *, is_package: bool = False) -> list[str]:
    """The private modules of other packages that ``source`` (the code of module ``importer``)
    imports, at any depth of the code (function-local imports included)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for name in imported_modules(node, importer, is_package):
            parent = private_parent(name)
            if not name.startswith("bibnorm.") or parent is None:
                continue
            if importer != parent and not importer.startswith(parent + "."):
                found.append(f"line {node.lineno}: {name}")
    return found


@pytest.mark.parametrize(
    ("importer", "statement"),
    [
        pytest.param(
            "bibnorm.verify.run",
            "from bibnorm.resolvers._http import SessionFactory",
            id="from-private-module",
        ),
        pytest.param("bibnorm.sources", "import bibnorm.resolvers._session", id="import-private-module"),
        pytest.param(
            "bibnorm.cli.cache_cmd", "from bibnorm.resolvers import _http", id="private-module-by-name"
        ),
        pytest.param(
            "bibnorm.cli.index_cmd",
            "def kind():\n    from bibnorm.resolvers._index import index_kind",
            id="function-local-import",
        ),
        pytest.param("bibnorm.verify.judge", "from ..cli._progress import say", id="relative-import"),
        pytest.param(
            "bibnorm.verify.judge",
            "from bibnorm.verify.kinds._rules import x",
            id="a-subpackage-is-another-package",
        ),
    ],
)
def test_an_import_of_another_packages_private_module_is_found(importer: str, statement: str) -> None:
    assert foreign_private_imports(importer, statement) != []


@pytest.mark.parametrize(
    ("importer", "statement"),
    [
        pytest.param("bibnorm.resolvers.arxiv", "from bibnorm.resolvers._http import x", id="own-package"),
        pytest.param("bibnorm.cli.check_cmd", "from ._progress import say", id="own-package-relative"),
        pytest.param(
            "bibnorm.readers.csl_json", "from bibnorm.readers._exports import x", id="inside-the-parent"
        ),
        pytest.param(
            "bibnorm.verify.kinds.books", "from bibnorm.verify.judge import _x", id="a-private-name"
        ),
        pytest.param("bibnorm.verify.run", "from bibnorm.resolvers import SessionFactory", id="public-name"),
        pytest.param(
            "bibnorm.cli.check_cmd", "from bibnorm.resolvers.session import build_session", id="public-module"
        ),
        pytest.param("bibnorm.cli", "from bibnorm import __version__", id="dunder-is-not-private"),
    ],
)
def test_an_import_the_rule_allows_is_not_found(importer: str, statement: str) -> None:
    assert foreign_private_imports(importer, statement) == []


@pytest.mark.parametrize(
    "path",
    sorted([*ROOT.glob("normalizer/**/*.py"), *ROOT.glob("resolvers/**/*.py")]),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_no_package_imports_another_packages_private_module(path: Path) -> None:
    found = foreign_private_imports(
        module_name(path), path.read_text(encoding="utf-8"), is_package=path.name == "__init__.py"
    )
    assert found == [], f"{PRIVATE_IMPORT_RULE}; {path.relative_to(ROOT)} breaks it: {found}"
