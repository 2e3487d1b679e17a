"""Write the GitHub workflows the docs show out to files, for the linters that read files.

Each ``yaml`` block of ``docs/*.md`` that is a whole workflow (it has ``on:`` and ``jobs:`` at its
top level) becomes ``OUT/.github/workflows/<page>-<n>.yml``, the n-th such block of that page, so
that ``tox -e lint`` audits what a reader copies as it audits ``.github/``.

    python scripts/docs_workflows.py OUT                  # then: zizmor --offline --persona=pedantic OUT
    python scripts/docs_workflows.py OUT -- actionlint    # and run actionlint on the files written

After ``--``, a command is run with the written files added to its arguments, and its exit status
is the script's: actionlint takes files, not folders, and tox expands no patterns.

Standard library only: the lint environment installs nothing else.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def docs_workflows(docs: Path = ROOT / "docs") -> dict[str, str]:
    """``<page>-<n>.yml`` → the text of each whole workflow the pages of ``docs`` show."""
    found: dict[str, str] = {}
    for page in sorted(docs.glob("*.md")):
        blocks = YAML_BLOCK.findall(page.read_text(encoding="utf-8"))
        workflows = [b for b in blocks if re.search(r"^on:", b, re.M) and re.search(r"^jobs:", b, re.M)]
        for number, workflow in enumerate(workflows, start=1):
            found[f"{page.stem}-{number}.yml"] = workflow
    return found


def main(argv: list[str]) -> int:
    out, command = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, None)
    if len(out) != 1 or command == []:
        print("usage: python scripts/docs_workflows.py OUT [-- COMMAND [ARG ...]]", file=sys.stderr)
        return 2
    folder = Path(out[0]) / ".github" / "workflows"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, workflow in docs_workflows().items():
        (folder / name).write_text(workflow, encoding="utf-8")
        written.append(str(folder / name))
        print(folder / name)
    if command is None:
        return 0
    sys.stdout.flush()
    try:
        return subprocess.call([*command, *written])
    except OSError as error:  # not installed, not executable
        print(f"docs_workflows.py: cannot run {command[0]}: {error.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
