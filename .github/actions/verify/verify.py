"""The script of the bibnorm verify action (action.yml beside it); runs anywhere with git and bibnorm.

    python verify.py --cache DIR [--base REV] [--offline] FILE.bib...

1. The cache folder ``DIR`` holds the HTTP cache (``DIR/http``) and the lockfile of verified
   entries (``DIR/bibnorm.lock``, first copied from the repository's ``bibnorm.lock`` when it has
   one). ``bibnorm verify --update-lock`` records what this run verified, so the next run with
   the same folder asks the sources nothing about it, and answers the rest from the HTTP cache.
2. The changed lines are ``git diff --unified=0 BASE`` of each file; an entry is *changed* when a
   changed line falls inside it. Without a base (or a base git does not know) every entry is.
3. Each finding on a changed entry becomes a GitHub workflow command (``::error file=…,line=…,
   title=…::…``, ``::warning`` for warnings), which GitHub shows on the line; findings on
   unchanged entries are listed in the log only.
4. Exit 1 when a changed entry has an error finding (a mismatch, or not found), else 0; bibnorm's
   own failures (a usage error, a bad file) pass their exit code through.

Standard library only: it runs before anything but bibnorm is installed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

FINDING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): (?P<key>\S+): (?P<code>BN\d{3}) (?P<severity>error|warning|info): "
    r"(?P<message>.*)$"
)
ENTRY_START = re.compile(r"^\s*@\s*(?!comment\b|string\b|preamble\b)\w+\s*[{(]", re.IGNORECASE)
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    key: str
    code: str
    severity: str
    message: str


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--cache", required=True, type=Path, help="folder kept between runs")
    parser.add_argument("--base", default="", help="the commit to compare with (empty: every entry is new)")
    parser.add_argument("--offline", action="store_true", help="answer from the lock and the cache only")
    parser.add_argument("--bibnorm", default="bibnorm", help="the bibnorm command")
    args = parser.parse_args(argv)

    args.cache.mkdir(parents=True, exist_ok=True)
    lock = args.cache / "bibnorm.lock"
    if not lock.exists() and Path("bibnorm.lock").is_file():
        shutil.copyfile("bibnorm.lock", lock)
    command = [*args.bibnorm.split(), "verify", "--color", "never", "--no-progress"]
    command += [
        "--lock",
        str(lock),
        "--update-lock",
        "--offline" if args.offline else "--online",
        *args.files,
    ]
    env = {**os.environ, "BIBNORM_CACHE_DIR": str(args.cache / "http")}
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    sys.stderr.write(run.stderr)
    if run.returncode not in (0, 1):
        sys.stdout.write(run.stdout)
        return run.returncode

    findings = [Finding(**_fields(m)) for line in run.stdout.splitlines() if (m := FINDING.match(line))]
    changed = {path: changed_entries(path, args.base) for path in {f.path for f in findings}}
    new = [f for f in findings if changed[f.path] is None or f.line in changed[f.path]]
    for finding in findings:
        if finding in new:
            print(annotation(finding))
        else:
            print(
                f"{finding.path}:{finding.line}: {finding.key}: {finding.code} {finding.severity}: "
                f"{finding.message} (unchanged entry)"
            )
    failing = [f for f in new if f.severity == "error"]
    old = sum(1 for f in findings if f.severity == "error" and f not in new)
    summary = (
        f"bibnorm verify: {len(failing)} error(s) in changed entries"
        f"{f', {old} in unchanged entries (not failing)' if old else ''}"
    )
    print(summary)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(f"{summary}\n\n{run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''}\n")
    return 1 if failing else 0


def _fields(match: re.Match[str]) -> dict[str, object]:
    fields: dict[str, object] = dict(match.groupdict())
    fields["line"] = int(match["line"])
    return fields


def changed_entries(path: str, base: str) -> set[int] | None:
    """The first lines of the entries of ``path`` that changed since ``base``; None: all of them."""
    if not base or set(base) == {"0"}:  # a push that created the branch names no previous commit
        return None
    diff = subprocess.run(
        ["git", "diff", "--unified=0", "--no-color", "--no-ext-diff", base, "--", path],
        capture_output=True,
        text=True,
    )
    if diff.returncode != 0:
        print(f"::warning::bibnorm verify: cannot compare {path} with {base}; every entry counts as new")
        return None
    lines: set[int] = set()
    for hunk in (HUNK.match(line) for line in diff.stdout.splitlines()):
        if hunk:
            start, count = int(hunk["start"]), int(hunk["count"] or 1)
            lines.update(range(start, start + max(count, 1)))  # a deletion marks the line before it
    text = _read(path)
    starts = [number for number, line in enumerate(text, start=1) if ENTRY_START.match(line)]
    ends = []
    for end in [*(start - 1 for start in starts[1:]), len(text)]:
        while end > 0 and not text[end - 1].strip():
            end -= 1  # blank lines after an entry are not part of it
        ends.append(end)
    spans = zip(starts, ends, strict=True)
    return {start for start, end in spans if any(start <= line <= end for line in lines)}


def _read(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()


def annotation(finding: Finding) -> str:
    """The GitHub workflow command that shows ``finding`` on its line."""
    properties = {"file": finding.path, "line": str(finding.line), "title": f"bibnorm {finding.code}"}
    shown = ",".join(f"{name}={_property(value)}" for name, value in properties.items())
    message = f"{finding.key}: {finding.message}"
    return f"::{COMMANDS[finding.severity]} {shown}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
