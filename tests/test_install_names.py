"""Installing bibnorm puts one name on the import path: ``bibnorm`` (the core from normalizer/, the
sources from resolvers/ as ``bibnorm.resolvers``). A generic top-level name (``normalizer``,
``resolvers``, ``tests``) would collide with other distributions installed beside it.

The wheel comes from the offline wheelhouse the test command builds (``BIBNORM_TEST_WHEELHOUSE``);
without it (bare ``pytest``) these tests skip, as the pre-commit tests do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

WHEELHOUSE = os.environ.get("BIBNORM_TEST_WHEELHOUSE", "")
needs_wheelhouse = pytest.mark.skipif(
    not WHEELHOUSE, reason="BIBNORM_TEST_WHEELHOUSE is not set: the test command (scripts/tox) builds it"
)


def bibnorm_wheel() -> Path:
    wheels = sorted(Path(WHEELHOUSE).glob("bibnorm-*.whl"))
    assert wheels, f"no bibnorm wheel in {WHEELHOUSE}"
    return wheels[-1]


@needs_wheelhouse
def test_the_wheel_holds_no_top_level_name_but_bibnorm() -> None:
    with zipfile.ZipFile(bibnorm_wheel()) as wheel:
        tops = {name.split("/", 1)[0] for name in wheel.namelist()}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"bibnorm"}
    with zipfile.ZipFile(bibnorm_wheel()) as wheel:
        names = set(wheel.namelist())
    assert "bibnorm/resolvers/arxiv.py" in names
    assert "bibnorm/py.typed" in names
    assert any(name.startswith("bibnorm/data/") for name in names)


@needs_wheelhouse
def test_a_fresh_install_imports_bibnorm_and_nothing_generic(tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", WHEELHOUSE, "bibnorm"],
        check=True,
        capture_output=True,
    )
    probe = (
        "import importlib.util, sys, sysconfig, os;"
        "import bibnorm, bibnorm.resolvers.arxiv;"
        "print(sorted(os.listdir(sysconfig.get_paths()['purelib'])));"
        "print([n for n in ('normalizer', 'resolvers', 'tests') if importlib.util.find_spec(n)])"
    )
    shown = subprocess.run(
        [python, "-I", "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    installed, generic = shown.stdout.splitlines()
    assert generic == "[]"
    assert "'bibnorm'" in installed
    assert "'normalizer'" not in installed and "'resolvers'" not in installed and "'tests'" not in installed
    assert sys.version_info >= (3, 11)


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    """setuptools installs the packages pyproject.toml lists (``package-dir`` maps the folders), so
    a new sub-package missing from the list would be left out of the wheel without a word."""
    import tomllib

    from paths import ROOT

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]
    )
    folders = {
        ".".join(("bibnorm", *init.parent.relative_to(ROOT / "normalizer").parts))
        for init in (ROOT / "normalizer").rglob("__init__.py")
    }
    assert listed == folders | {"bibnorm.resolvers"}
