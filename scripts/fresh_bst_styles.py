"""Which BibTeX styles from outside TeX Live are new to the reference tagger: the fixed rule that
chose ``bench/bst_fresh/manifest.csv``.

    python scripts/fresh_bst_styles.py --texmf /usr/share/texlive/texmf-dist FILE.bst...

Journals' and publishers' ``.bst`` files, as their LaTeX templates in public repositories carry
them, are styles no file of TeX Live holds under their names — but many are copies of one, or
its makebst siblings, renamed. A file is kept where it is none of these:

- a style whose name TeX Live has (``ieee.bst`` is its own; the training, validation and held-out
  styles are TeX Live's, split by name: `make_tagger_data.style_split`);
- a near copy of a TeX Live style: 90% or more of its lines (comments and blanks aside, blanks
  within a line joined) are that style's, by the Jaccard index of the two sets of lines;
- close to a held-out TeX Live style: 75% or more, since a held-out style's strings must stay
  unseen by anything tuned on this set;
- a near copy of a file kept before it (the files in the order of their names), 90% or more.

Prints one CSV row a file, kept or not: its name, the TeX Live style it is closest to, that
style's split, the share of lines, and ``kept`` or why not. The threshold is the line share, not
what the styles print: two makebst styles share most lines and may print differently, which keeps
the rule on the side of leaving a style out.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_tagger_data import style_split

NEAR_COPY = 0.9
NEAR_HELD_OUT = 0.75


def lines_of(path: Path) -> frozenset[str]:
    """The lines of a ``.bst`` file without comments and blanks, blanks within a line joined."""
    kept = set()
    for line in path.read_text("latin-1").splitlines():
        line = line.split("%", 1)[0].strip()
        if line:
            kept.add(re.sub(r"\s+", " ", line))
    return frozenset(kept)


def share(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def judged(candidates: list[Path], texmf: Path) -> list[tuple[str, str, str, float, str]]:
    """(name, closest TeX Live style, its split, share of lines, verdict) for each candidate."""
    tex_live = {path.stem: lines_of(path) for path in sorted(texmf.rglob("*.bst"))}
    kept: dict[str, frozenset[str]] = {}
    rows = []
    for path in sorted(candidates, key=lambda path: path.name):
        lines = lines_of(path)
        shares = ((share(lines, other), name) for name, other in tex_live.items())
        nearest, closest = max(shares, default=(0.0, ""))
        split = style_split(f"bst:{closest}") if closest else ""
        sibling = max(((share(lines, other), name) for name, other in kept.items()), default=(0.0, ""))
        if path.stem in tex_live:
            verdict = "a TeX Live style's name"
        elif nearest >= NEAR_COPY:
            verdict = "a near copy of a TeX Live style"
        elif split == "heldout" and nearest >= NEAR_HELD_OUT:
            verdict = "close to a held-out style"
        elif sibling[0] >= NEAR_COPY:
            verdict = f"a near copy of {sibling[1]}"
        else:
            verdict = "kept"
            kept[path.stem] = lines
        rows.append((path.name, closest, split, nearest, verdict))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texmf", type=Path, required=True, help="a TeX Live texmf-dist tree")
    parser.add_argument("files", type=Path, nargs="+", help="the candidate .bst files")
    arguments = parser.parse_args(argv)
    if not arguments.texmf.is_dir():
        print(f"fresh_bst_styles: no such folder: {arguments.texmf}", file=sys.stderr)
        return 1
    writer = csv.writer(sys.stdout)
    writer.writerow(("file", "closest_tex_live_style", "its_split", "line_share", "verdict"))
    for name, closest, split, nearest, verdict in judged(arguments.files, arguments.texmf):
        writer.writerow((name, closest, split, f"{nearest:.2f}", verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
