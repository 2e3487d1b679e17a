"""Write the GitHub workflows the docs show out to files, for the linters that read files.

Each ``yaml`` block of ``docs/*.md`` that is a whole workflow (it has ``on:`` and ``jobs:`` at its
top level) becomes ``OUT/.github/workflows/<page>-<n>.yml``, the n-th such block of that page, so
that ``tox -e lint`` audits what a reader copies as it audits ``.github/``.

    python scripts/docs_workflows.py OUT     # then: zizmor --offline --persona=pedantic OUT

Standard library only: the lint environment installs nothing else.
"""

from __future__ import annotations

import re
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
    if len(argv) != 1:
        print("usage: python scripts/docs_workflows.py OUT", file=sys.stderr)
        return 2
    folder = Path(argv[0]) / ".github" / "workflows"
    folder.mkdir(parents=True, exist_ok=True)
    for name, workflow in docs_workflows().items():
        (folder / name).write_text(workflow, encoding="utf-8")
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
