"""Killing an index build midway, for the tests of every local index."""

from __future__ import annotations

import subprocess
import sys


def kill_when_loading(script: str, *args: str) -> None:
    """Run ``script`` (Python that prints "loading" once its build is under way, then waits) with
    ``args`` in a fresh interpreter, and SIGKILL it as soon as it says so."""
    build = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert build.stdout is not None
        assert build.stdout.readline() == "loading\n"
    finally:
        build.kill()
        build.wait()
        build.stdout.close()  # type: ignore[union-attr]
