"""The script of the bibnorm verify action (action.yml beside it); runs anywhere with git and bibnorm.

    python verify.py --cache DIR [--base REV] [--offline] [--ignore CODES] [--fail-on CONDITIONS]
                     [--strict] [--] FILE.bib...

Every option also comes from the environment (``BIBNORM_VERIFY_FILES``, ``_BASE``, ``_ONLINE``,
``_IGNORE``, ``_FAIL_ON``, ``_STRICT``): action.yml hands its inputs over that way, never by
writing them into a shell line, so an input is data and never a command or an option.

1. The cache folder ``DIR`` holds the HTTP cache (``DIR/http``) and the lockfile of verified
   entries (``DIR/bibnorm.lock``, first copied from the repository's ``bibnorm.lock`` as the
   ``BASE`` commit holds it, never as the change holds it: a lock line the change adds or edits
   vouches for nothing until this run asked the sources about its entry). ``bibnorm verify
   --update-lock`` records what this run verified, so the next run with the same folder asks the
   sources nothing about it, and answers the rest from the HTTP cache.
2. The changed lines are ``git diff --unified=0 BASE`` of each file; an entry is *changed* when a
   changed line falls inside it. Without a base (or a base git does not know) every entry is.
3. Each finding on a changed entry becomes a GitHub workflow command (``::error file=…,line=…,
   title=…::…``, ``::warning`` for warnings), which GitHub shows on the line; findings on
   unchanged entries are listed in the log only.
4. Exit 1 when a changed entry has an error finding (a mismatch, or not found; with ``--strict``
   or ``--fail-on`` also what those conditions count), else 0.
5. When bibnorm could not run or verified nothing (any exit but 0 and the documented "found
   problems" 3: 1 for a missing file or a .bib with no entries, 4 for nothing verified; or a 3
   with no finding to show for it), the step fails with bibnorm's exit status and its stderr
   shown.

Names reach commands only as arguments, after ``--`` (git, bibnorm); a base is first resolved with
``git rev-parse --verify --end-of-options`` and only the commit id it names is used, so no input
can become an option.

Standard library only: it runs before anything but bibnorm is installed.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import re
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
# bibnorm verify's exit status for "an entry is a mismatch or not found" (and what --strict and
# --fail-on add); every other non-zero status means it could not run or verified nothing
# (`bibnorm verify --help`, docs/checks.md).
FOUND_PROBLEMS = 3
# The codes each --fail-on condition fails on besides errors (`bibnorm verify --list`): BN700
# unverifiable; BN751 retracted, BN754 arXiv-withdrawn.
CONDITION_CODES = {"unverifiable": frozenset({"BN700"}), "retracted": frozenset({"BN751", "BN754"})}
ENV = "BIBNORM_VERIFY_"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    key: str
    code: str
    severity: str
    message: str


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if isinstance(args, str):
        print(f"::error::bibnorm verify: {_data(args)}")
        return 2
    args.cache.mkdir(parents=True, exist_ok=True)
    base = resolve_base(args.base)
    lock = args.cache / "bibnorm.lock"
    if not lock.exists() and base:
        seed_lock(base, lock)
    command = [*args.bibnorm.split(), "verify", "--color", "never", "--no-progress"]
    # Values glued to their option (--ignore=VALUE): a value starting with "-" stays a value.
    command += [f"--lock={lock}", "--update-lock", "--offline" if args.offline else "--online"]
    command += [f"--ignore={args.ignore}"] if args.ignore else []
    command += [f"--fail-on={condition}" for condition in sorted(args.fail_on)]
    command += ["--", *args.files]
    env = {**os.environ, "BIBNORM_CACHE_DIR": str(args.cache / "http")}
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    sys.stderr.write(verbatim(run.stderr))
    findings = [Finding(**_fields(m)) for line in run.stdout.splitlines() if (m := FINDING.match(line))]
    if run.returncode not in (0, FOUND_PROBLEMS) or (run.returncode == FOUND_PROBLEMS and not findings):
        sys.stdout.write(verbatim(run.stdout))
        last = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "no message"
        print(f"::error::bibnorm verify could not run (exit {run.returncode}): {_data(last)}")
        write_summary(f"bibnorm verify could not run (exit {run.returncode})", last)
        return run.returncode or 1

    changed = {path: changed_entries(path, base) for path in {f.path for f in findings}}
    new = [f for f in findings if changed[f.path] is None or f.line in changed[f.path]]
    for finding in new:
        print(annotation(finding))
    unchanged = [
        f"{f.path}:{f.line}: {f.key}: {f.code} {f.severity}: {f.message} (unchanged entry)\n"
        for f in findings
        if f not in new
    ]
    sys.stdout.write(verbatim("".join(unchanged)))
    counted = frozenset().union(*(CONDITION_CODES[condition] for condition in args.fail_on))
    failing = [f for f in new if f.severity == "error" or f.code in counted]
    old = sum(1 for f in findings if f.severity == "error" and f not in new)
    summary = (
        f"bibnorm verify: {len(failing)} error(s) in changed entries"
        f"{f', {old} in unchanged entries (not failing)' if old else ''}"
    )
    print(summary)
    write_summary(summary, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "")
    return 1 if failing else 0


def write_summary(summary: str, detail: str) -> None:
    """Add the run's summary and one line of detail to the job's summary page, when there is one."""
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(f"{summary}\n\n{detail}\n")


def _arguments(argv: list[str] | None) -> argparse.Namespace | str:
    """The options, each defaulting to its ``BIBNORM_VERIFY_*`` variable; a string: why they are
    not usable."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", help=f"the .bib files (default: {ENV}FILES, space-separated)")
    parser.add_argument("--cache", required=True, type=Path, help="folder kept between runs")
    parser.add_argument("--base", default=os.environ.get(f"{ENV}BASE", ""), help="the commit to compare with")
    parser.add_argument("--offline", action="store_true", help="answer from the lock and the cache only")
    parser.add_argument("--ignore", default=os.environ.get(f"{ENV}IGNORE", ""), help="codes not reported")
    parser.add_argument(
        "--fail-on", default=os.environ.get(f"{ENV}FAIL_ON", ""), help="unverifiable, retracted"
    )
    parser.add_argument("--strict", action="store_true", help="fail on unverifiable changed entries too")
    parser.add_argument("--bibnorm", default="bibnorm", help="the bibnorm command")
    args = parser.parse_args(argv)
    # The files input is words, each a name or a pattern (as the shell line once expanded it):
    # expanded here, so a name never meets a shell.
    words = os.environ.get(f"{ENV}FILES", "").split()
    args.files = args.files or [name for word in words for name in sorted(glob.glob(word)) or [word]]
    if not args.files:
        return "no .bib file given (the 'files' input)"
    online = os.environ.get(f"{ENV}ONLINE", "true").strip().lower()
    if online not in ("true", "false"):
        return f"the 'online' input is {online!r}; give 'true' or 'false'"
    args.offline = args.offline or online == "false"
    strict = os.environ.get(f"{ENV}STRICT", "false").strip().lower()
    if strict not in ("true", "false", ""):
        return f"the 'strict' input is {strict!r}; give 'true' or 'false'"
    conditions = {c.strip() for c in args.fail_on.split(",") if c.strip()}
    conditions |= {"unverifiable"} if args.strict or strict == "true" else set()
    if unknown := sorted(conditions - CONDITION_CODES.keys()):
        return f"unknown --fail-on condition {unknown[0]!r}; give {' or '.join(sorted(CONDITION_CODES))}"
    args.fail_on = conditions
    return args


def seed_lock(base: str, lock: Path) -> None:
    """``lock`` made from the repository's ``bibnorm.lock`` as the commit ``base`` holds it (nothing
    when it holds none): the lines the change itself adds are no evidence."""
    shown = subprocess.run(["git", "show", f"{base}:./bibnorm.lock"], capture_output=True)
    if shown.returncode == 0 and shown.stdout:
        lock.write_bytes(shown.stdout)


def resolve_base(base: str) -> str:
    """The commit id ``base`` names, for ``git diff``; empty when there is none to compare with
    (every entry is then new). ``--end-of-options`` keeps a base such as ``--output=FILE`` a name."""
    if not base or set(base) == {"0"}:  # a push that created the branch names no previous commit
        return ""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    commit = found.stdout.strip()
    if found.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", commit):
        print(
            f"::warning::bibnorm verify: no commit {_data(base)!r} to compare with; every entry counts as new"
        )
        return ""
    return commit


def _fields(match: re.Match[str]) -> dict[str, object]:
    fields: dict[str, object] = dict(match.groupdict())
    fields["line"] = int(match["line"])
    return fields


def changed_entries(path: str, base: str) -> set[int] | None:
    """The first lines of the entries of ``path`` that changed since the commit ``base`` (an id
    from `resolve_base`); None: all of them."""
    if not base:
        return None
    diff = subprocess.run(
        ["git", "diff", "--unified=0", "--no-color", "--no-ext-diff", base, "--", path],
        capture_output=True,
        text=True,
    )
    if diff.returncode != 0:
        print(
            f"::warning::bibnorm verify: cannot compare {_data(path)} with {base}; every entry counts as new"
        )
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


def verbatim(text: str) -> str:
    """``text`` for the log with GitHub's workflow commands off: a line of it that starts with
    ``::`` (a title in a finding, a file name) is shown, not obeyed. The token that turns them on
    again is the text's own hash, which the text cannot contain."""
    if not text:
        return text
    token = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
    return f"::stop-commands::{token}\n{text}{'' if text.endswith(chr(10)) else chr(10)}::{token}::\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
