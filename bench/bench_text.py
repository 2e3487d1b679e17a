"""Cost of the title text work per title: BN305's capital check, title rendering, edge cleaning.

Titles are the real arXiv titles of ``shared/reference/dev-snapshot.jsonl`` (bundled
fixtures), repeated to ``--titles`` (default 20,000, the size of bench_bibfile.py's file;
the caches of repeated titles make repeats a little cheaper). It prints microseconds per title for:

- ``check`` BN305 (`bibnorm.bib.checks.fields.unprotected_capitals`) on each title as the
  BibTeX writer wrote it (braced), and on the raw title (title case, nothing braced);
- the BibTeX writer's title rendering (`title_to_latex` with title-only evidence);
- edge cleaning (`bibnorm.text.clean.clean_title`), which every resolver runs per candidate.

    python bench/bench_text.py [--titles N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from bibnorm.bib.checks.fields import unprotected_capitals
from bibnorm.text.capitals import evidence_for
from bibnorm.text.clean import clean_title
from bibnorm.writers.latex_text import title_to_latex

SNAPSHOT = Path(__file__).resolve().parents[1] / "fixtures" / "shared" / "reference" / "dev-snapshot.jsonl"


def _titles(count: int) -> list[str]:
    lines = [
        " ".join(json.loads(line)["title"].split())
        for line in SNAPSHOT.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return (lines * (count // len(lines) + 1))[:count]


def _per_title(name: str, function: Callable[[str], object], titles: list[str]) -> None:
    start = time.perf_counter()
    for title in titles:
        function(title)
    elapsed = time.perf_counter() - start
    print(f"{name:<42} {elapsed * 1e6 / len(titles):8.1f} µs/title   {elapsed:6.2f} s total")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20000)
    args = parser.parse_args()
    titles = _titles(args.titles)
    written = [title_to_latex(t, evidence=evidence_for(t, None)).text for t in titles]
    print(f"{len(titles)} titles ({len(set(titles))} distinct)")
    _per_title("check BN305, writer output", unprotected_capitals, written)
    _per_title("check BN305, raw titles", unprotected_capitals, titles)
    _per_title(
        "title_to_latex (title-only evidence)",
        lambda t: title_to_latex(t, evidence=evidence_for(t, None)),
        titles,
    )
    _per_title("clean_title (resolver edge)", clean_title, titles)


if __name__ == "__main__":
    main()
