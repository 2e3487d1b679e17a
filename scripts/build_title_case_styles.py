"""Which BibTeX styles change the case of which entry types' titles: normalizer/data/title-case.json.

``bibnorm check`` asks to protect capitals in a title (BN305) only where a style would lower-case
them. Whether it does depends on the entry type: ``plain`` and its kin lower-case the titles of
articles and papers in proceedings but print the titles of books and proceedings as written.
This script does not guess that from the styles' code: it typesets one entry of every type, each
titled with a capitalised marker word, with every installed ``.bst`` of the styles named below
(and, with ``--all``, every installed one), and reads from the ``.bbl`` whether the marker kept its
capitals. Run it where TeX Live is installed:

    python scripts/build_title_case_styles.py            # writes normalizer/data/title-case.json

The result is deterministic for one TeX Live; its release is recorded in the file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "normalizer" / "data" / "title-case.json"

# The styles a BN305 finding speaks for: the commonest BibTeX styles of papers and theses.
COMMON_STYLES = (
    "plain", "abbrv", "alpha", "unsrt", "ieeetr", "siam", "acm", "amsplain", "amsalpha",
    "plainnat", "abbrvnat", "unsrtnat", "apalike", "IEEEtran", "splncs04", "ACM-Reference-Format",
    "aaai", "named", "chicago", "agsm", "elsarticle-num", "elsarticle-harv", "model1-num-names",
)  # fmt: skip

# One entry of each type BibTeX's standard styles know, with the fields each needs, plus types
# biblatex users write that BibTeX styles take as @misc.
TYPES = (
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
    "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
    "online", "software", "thesis", "report", "dataset",
)  # fmt: skip
MARKER = "Qzxv"  # a capitalised word no style changes but by lower-casing a title
FIELDS = (
    "author = {Ann Author}, editor = {Ed Editor}, journal = {Journal}, booktitle = {Book Title}, "
    "publisher = {Publisher}, school = {School}, institution = {Institution}, year = {2020}, "
    "chapter = {1}, pages = {1--2}, howpublished = {Online}, note = {Note}, organization = {Org}"
)


def entries() -> str:
    return "\n".join(
        f"@{kind}{{k{kind},\n  title = {{The {MARKER} Title}},\n  {FIELDS}\n}}" for kind in TYPES
    )


def lowered_types(style: str, bib: str, work: Path) -> list[str] | None:
    """The entry types whose title ``style`` lower-cases; None when the style cannot be run."""
    folder = work / style
    folder.mkdir()
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    cites = "".join(f"\\citation{{k{kind}}}\n" for kind in TYPES)
    (folder / "doc.aux").write_text(f"{cites}\\bibdata{{refs}}\n\\bibstyle{{{style}}}\n", encoding="utf-8")
    run = subprocess.run(
        ["bibtex", "-terse", "doc"], cwd=folder, capture_output=True, timeout=60, check=False
    )
    bbl = folder / "doc.bbl"
    if run.returncode > 1 or not bbl.exists():
        return None
    text = bbl.read_text(encoding="utf-8", errors="replace")
    items = text.split("\\bibitem")[1:]
    lowered = []
    for kind in TYPES:
        item = next((i for i in items if f"{{k{kind}}}" in i), None)
        if item is not None and MARKER.lower() in item and MARKER not in item:
            lowered.append(kind)
    return lowered


def tex_live_release() -> str:
    run = subprocess.run(["bibtex", "--version"], capture_output=True, text=True, check=False)
    return run.stdout.splitlines()[0] if run.stdout else "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if shutil.which("bibtex") is None:
        print("build_title_case_styles: bibtex is not installed (TeX Live)", file=sys.stderr)
        return 1
    bib = entries()
    styles: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for style in COMMON_STYLES:
            found = subprocess.run(["kpsewhich", f"{style}.bst"], capture_output=True, text=True, check=False)
            if not found.stdout.strip():
                print(f"build_title_case_styles: {style}.bst is not installed; left out", file=sys.stderr)
                continue
            lowered = lowered_types(style, bib, Path(tmp))
            if lowered is None:
                print(f"build_title_case_styles: {style}.bst did not run; left out", file=sys.stderr)
                continue
            styles[style] = lowered
    by_type = {kind: sorted(s for s, kinds in styles.items() if kind in kinds) for kind in TYPES}
    table = {
        "about": "Entry types whose title each BibTeX style lower-cases, read from the .bbl of one entry "
        "of each type typeset by the style (scripts/build_title_case_styles.py).",
        "tex_live": tex_live_release(),
        "styles": sorted(styles),
        "lowered_by": by_type,
    }
    args.out.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(styles)} styles, types lower-cased by some: "
          f"{sorted(k for k, v in by_type.items() if v)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
