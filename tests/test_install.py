"""The install as the README writes it: one list of Debian packages, quoted where it is used."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

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


# What Debian 12's python3 says when python3-venv is not installed (copied from a bookworm root).
DEBIAN_NO_VENV = """\
The virtual environment was not created successfully because ensurepip is not
available.  On Debian/Ubuntu systems, you need to install the python3-venv
package using the following command.

    apt install python3.11-venv
"""
NO_VENV_LINE = (
    "scripts/tox: python3 cannot make a virtual environment (no ensurepip): on Debian/Ubuntu, "
    "apt-get install python3-venv (or install uv or pipx), then run this again\n"
)


def fake_python(version: str) -> str:
    """A ``python3`` of ``version`` whose ``-m venv`` fails as Debian's does without python3-venv."""
    too_old = int(tuple(map(int, version.split("."))) < (3, 11))
    return (
        "#!/bin/sh\n"
        f'case "$2" in *version_info*) exit {too_old};; *python_version*) echo {version}; exit 0;; esac\n'
        f"cat >&2 <<'END'\n{DEBIAN_NO_VENV}END\nexit 1\n"
    )


@pytest.mark.parametrize(
    ("version", "tools", "code", "stdout", "stderr"),
    [
        pytest.param("3.11.2", (), 1, "", NO_VENV_LINE, id="no-venv-no-uv-no-pipx"),
        pytest.param(
            "3.11.2",
            ("uv",),
            0,
            "uv tool run --python python3 tox -e demo\n",
            "scripts/tox: python3 cannot make a virtual environment; running tox with uv\n",
            id="no-venv-uv",
        ),
        pytest.param(
            "3.11.2",
            ("pipx",),
            0,
            "pipx run --python python3 tox -e demo\n",
            "scripts/tox: python3 cannot make a virtual environment; running tox with pipx\n",
            id="no-venv-pipx",
        ),
        pytest.param(
            "3.10.12",
            ("uv",),
            1,
            "",
            "scripts/tox: python3 is Python 3.10.12; bibnorm needs 3.11 or later: "
            "PYTHON=python3.11 scripts/tox -e demo\n",
            id="python-too-old",
        ),
    ],
)
def test_scripts_tox_on_a_python_that_cannot_make_a_venv(
    tmp_path: Path, version: str, tools: tuple[str, ...], code: int, stdout: str, stderr: str
) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "tox", checkout / "scripts" / "tox")
    # A PATH of exactly what the script may use: no real python3, uv or pipx of this machine.
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for tool in ("dirname", "rm", "tail", "cat"):
        (bin_ / tool).symlink_to(shutil.which(tool) or tool)
    programs = {"python3": fake_python(version)}
    programs |= {tool: f'#!/bin/sh\necho {tool} "$@"\n' for tool in tools}
    for name, text in programs.items():
        (bin_ / name).write_text(text, encoding="utf-8")
        (bin_ / name).chmod(0o755)
    result = subprocess.run(
        ["/bin/sh", str(checkout / "scripts" / "tox"), "-e", "demo"],
        env={"PATH": str(bin_)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (code, stdout, stderr)
    assert not (checkout / ".tox" / "bootstrap").exists()  # nothing half-made left behind
