"""Running the real clients (pdflatex, bibtex, biber, pandoc) from tests."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

PDFLATEX = ("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc")  # compiles doc.tex


def need(*tools: str) -> None:
    """Skip the calling test, saying which Debian packages provide what is missing."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: texlive-latex-extra biber pandoc)")


def run(args: Sequence[str], cwd: Path, *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def latex_errors(log: str) -> list[str]:
    """Error lines of a LaTeX log, including characters the font cannot typeset."""
    return [line for line in log.splitlines() if line.startswith("!") or "Unicode character" in line]
