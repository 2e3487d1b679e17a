"""What ``format`` and ``fix`` print about the files they handle: one JSON report for ``--json``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from bibnorm.io import write_stdout


def write_files_report(files: Sequence[Mapping[str, Any]]) -> None:
    """``format --json`` and ``fix --json``: one object a file (each with ``changed``), and the
    counts of files changed and unchanged, as one JSON object on stdout."""
    changed = sum(1 for file in files if file["changed"])
    report = {"files": list(files), "changed": changed, "unchanged": len(files) - changed}
    write_stdout(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
