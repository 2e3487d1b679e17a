"""The install as the README writes it: one list of Debian packages, quoted where it is used."""

from __future__ import annotations

import re

import pytest
from clients import DEBIAN_PACKAGES, need
from paths import ROOT


def listed_packages() -> list[str]:
    """The packages of ``.ci/debian-packages.txt``, in order, comments and blank lines left out."""
    lines = DEBIAN_PACKAGES.read_text(encoding="utf-8").splitlines()
    return [name for line in lines for name in line.split("#", 1)[0].split()]


def test_the_package_list_names_each_package_once_by_a_debian_name() -> None:
    packages = listed_packages()
    assert packages, "no package in the list"
    assert len(set(packages)) == len(packages)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", name) for name in packages)


def test_the_readme_quotes_the_package_list_exactly() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    quoted = re.search(r"\.ci/debian-packages\.txt`\): `([^`]*)`", readme)
    assert quoted is not None, "the README names .ci/debian-packages.txt and quotes it in a code span"
    assert quoted.group(1).split() == listed_packages()


def test_ci_installs_from_the_package_list() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/debian-packages.txt" in script
    assert "apt-get install" in script
    # No second list: no package of the file is named in the script itself.
    assert [name for name in listed_packages() if "-" in name and name in script] == []


def test_a_missing_client_skips_naming_the_package_list() -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        need("no-such-client-bibnorm-tests")
    assert str(skipped.value) == (
        "no-such-client-bibnorm-tests not installed"
        " (Debian: .ci/debian-packages.txt; bash .ci/run installs them)"
    )


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands on a fresh machine\n.*?```sh\n(.*?)```", readme, re.S)
    assert block is not None
    commands = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    assert commands == ["scripts/tox -e demo", "scripts/tox"]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [line for line in script if line.strip() and not line.lstrip().startswith("#")]
    assert steps[-1] == commands[-1]
