"""The ``.bbl`` reader on every BibTeX style of TeX Live and on biber's output for biblatex styles.

    python bench/bench_bbl_styles.py                      # every .bst, then the biblatex styles
    python bench/bench_bbl_styles.py --only plain,IEEEtran --show IEEEtran   # a few, with each miss
    python bench/bench_bbl_styles.py --keep DIR           # keep each style's .bbl in DIR

The same real records — evaluation records of the tagger's data (`make_tagger_data.record_split`
is not "train": neither the tagger nor the rules were fitted on them), the first ``--records`` by
the SHA-1 of their keys, with books, chapters and reports of TeX Live's bibliographies — are
written once as a ``.bib`` (`make_tagger_data.bib_entry`, its field markers stripped: one file
for every style) and typeset by bibtex with every ``.bst`` of the TeX Live tree
(`make_tagger_data.bst_styles`), and by biber for a set of biblatex styles (pdflatex writes the
``.bcf`` biber reads). Each ``.bbl`` is read by `bibnorm.readers.bbl.read_bbl`, and each item is
compared with its record, matched by the item's key.

Printed per style: the items read and the accuracy of the title, the first author's family name,
the year, the venue (journal or book title) and the DOI — each counted over the items whose
``.bbl`` text prints it (the field's letters appear in the item), and a title read where the
style prints none counts as wrong (an invented title). Text is compared case-, accent- and
punctuation-blind. A style bibtex fails on (or writes no item for) is listed apart.

Styles split by a fixed rule: ``bbl-heldout`` when the SHA-1 of ``bbl:<style>`` is 0 mod 4.
Those styles were never looked at while the reader was tuned; their figures are printed apart
from the others (the tuned ones).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import multiprocessing
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))

import make_tagger_data as DATA  # noqa: E402
from bibnorm.readers.bbl import read_bbl  # noqa: E402

TEXMF = Path("/usr/share/texlive/texmf-dist")
FIELDS = ("title", "author", "year", "venue", "doi")
# biblatex styles biber is run for: the standard ones and contributed ones of TeX Live.
BIBLATEX_STYLES = (
    "numeric", "alphabetic", "authoryear", "authortitle", "verbose", "ieee", "apa", "chicago-authordate",
    "nature", "phys", "science", "mla", "iso-numeric", "vancouver", "nejm", "lncs", "ext-authoryear",
    "gb7714-2015", "oxnum", "chem-acs",
)  # fmt: skip


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


# Styles the reader was written or fixed for: always tuned, never held out.
TUNED = frozenset(
    {"plain", "abbrv", "unsrt", "alpha", "plainnat", "unsrtnat", "abbrvnat", "IEEEtran", "splncs04",
     "ACM-Reference-Format", "apsrev4-1", "apsrev4-2", "apacite", "apalike"}
)  # fmt: skip


def is_heldout(style: str) -> bool:
    """The fixed rule: a style never looked at while the reader was tuned (biber's output is one
    format for every biblatex style: they are all tuned)."""
    return style not in TUNED and not style.startswith("biblatex:") and _hash("bbl:" + style) % 4 == 0


def letters(text: object) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in text.casefold() if ch.isalnum() and not unicodedata.combining(ch))


@dataclass(frozen=True)
class Truth:
    key: str
    title: str
    family: str  # the first author's, particle included
    year: int | None
    venue: str  # as written in the .bib (a journal may be written abbreviated)
    doi: str


def _marked(entry: str, k: int) -> str:
    found = re.search(chr(DATA.OPEN + k) + "(.*?)" + chr(DATA.CLOSE + k), entry)
    return found.group(1) if found else ""


_DOUBLE_BRACED_TITLE = re.compile(r"^(  title = )\{\{(.*)\}\}(,?)$", re.MULTILINE)


def bib_and_truths(count: int) -> tuple[str, list[Truth]]:
    """The ``.bib`` every style typesets, and what each of its entries says."""
    records = [record for record in DATA.all_records(TEXMF) if DATA.record_split(record.key) != "train"]
    records = [record for record in records if record.authors and record.year]
    records = sorted(records, key=lambda record: _hash(record.key))[:count]
    entries, truths = [], []
    for number, record in enumerate(records):
        marked = DATA.bib_entry(record, number, random.Random(_hash(record.key)))
        # the title once braced, not twice: a style may change its case, as with most .bib files
        entries.append(_DOUBLE_BRACED_TITLE.sub(r"\1{\2}\3", DATA._MARKERS.sub("", marked)))
        first = record.authors[0]
        truths.append(
            Truth(
                key=f"r{number}",
                title=record.title,
                family=(first.particle + " " + first.family).strip(),
                year=record.year,
                venue=_marked(marked, 4),
                doi=_marked(marked, 13),
            )
        )
    return "".join(entries), truths


def run_bibtex(style: Path, bib: str, work: Path) -> str | None:
    (work / "refs.bib").write_text(bib, encoding="utf-8")
    (work / "style.bst").write_bytes(style.read_bytes())
    (work / "main.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{style}\n", encoding="utf-8")
    try:
        subprocess.run(["bibtex", "-terse", "main"], cwd=work, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return None
    bbl = work / "main.bbl"
    return bbl.read_text("utf-8", errors="replace") if bbl.exists() else None


def run_biber(style: str, bib: str, work: Path) -> str | None:
    (work / "refs.bib").write_text(bib, encoding="utf-8")
    (work / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
        f"\\usepackage[style={style},backend=biber]{{biblatex}}\n\\addbibresource{{refs.bib}}\n"
        "\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    try:
        subprocess.run(
            ["pdflatex", "-draftmode", "-interaction=batchmode", "main"],
            cwd=work, capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        if not (work / "main.bcf").exists():
            return None
        subprocess.run(["biber", "--quiet", "main"], cwd=work, capture_output=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        return None
    bbl = work / "main.bbl"
    return bbl.read_text("utf-8", errors="replace") if bbl.exists() else None


_BIBITEM_OR_ENTRY = re.compile(r"\\(?:bibitem|harvarditem|entry|bib)\b")


def _item_texts(bbl: str) -> dict[str, str]:
    """Each item's raw text in the ``.bbl``, by key (whatever the reader makes of it)."""
    starts = [m.start() for m in _BIBITEM_OR_ENTRY.finditer(bbl)] + [len(bbl)]
    texts = {}
    for start, end in itertools.pairwise(starts):
        chunk = bbl[start:end]
        for key in re.findall(r"\{%?\s*(r\d+)\}", chunk[:4000])[:1]:
            texts[key] = chunk
    return texts


def _family_of(author: str) -> str:
    return author.split(",")[0] if "," in author else (author.split() or [""])[-1]


def score(style: str, bbl: str, truths: list[Truth], show: bool) -> dict[str, tuple[int, int]]:
    """(right, counted) per field over the style's items."""
    queries = {query.key: query for query in read_bbl(bbl, "main.bbl")}
    texts = _item_texts(bbl)
    tally = {name: [0, 0] for name in (*FIELDS, "items", "invented")}
    for truth in truths:
        printed = letters(texts.get(truth.key, ""))
        if not printed:
            continue
        tally["items"][1] += 1
        query = queries.get(truth.key)
        if query is None:
            if show:
                print(f"  {style} {truth.key}: not read")
            continue
        tally["items"][0] += 1
        # a .bibitem's text is its query's title when no title was read in it
        title = None if query.printed and query.title == query.raw else query.title
        family = _family_of(query.authors[0]) if query.authors else ""
        checks = {
            "title": (letters(truth.title) in printed, letters(title) == letters(truth.title)),
            "author": (
                letters(truth.family) in printed,
                letters(family) in (letters(truth.family), letters(truth.family.split(" ")[-1])),
            ),
            "year": (str(truth.year) in printed, query.year == truth.year),
            "venue": (
                bool(truth.venue) and letters(truth.venue) in printed,
                letters(re.sub(r"^(?:In:?|in:?)\s+", "", query.venue or "")) == letters(truth.venue),
            ),
            "doi": (
                bool(truth.doi) and letters(truth.doi) in printed,
                (query.doi or "").casefold() == truth.doi.casefold(),
            ),
        }
        for name, (expected, right) in checks.items():
            if expected:
                tally[name][1] += 1
                tally[name][0] += right
                if show and not right:
                    read = {"title": title, "author": family, "year": query.year, "venue": query.venue,
                            "doi": query.doi}[name]  # fmt: skip
                    want = {"title": truth.title, "author": truth.family, "year": truth.year,
                            "venue": truth.venue, "doi": truth.doi}[name]  # fmt: skip
                    print(f"  {style} {truth.key} {name}: read {read!r}, printed {want!r}")
        if not checks["title"][0]:
            tally["invented"][1] += 1
            tally["invented"][0] += title is not None
            if show and title is not None:
                print(f"  {style} {truth.key} title invented: {title!r}")
    return {name: (right, counted) for name, (right, counted) in tally.items()}


def _measure(
    job: tuple[str, str, list[Truth], bool, Path | None],
) -> tuple[str, dict[str, tuple[int, int]] | None, float]:
    style, bib, truths, show, keep = job
    bbl: str | None
    with tempfile.TemporaryDirectory() as folder:
        if style.startswith("kept:"):
            bbl = Path(style.removeprefix("kept:")).read_text("utf-8")
        elif style.startswith("biblatex:"):
            bbl = run_biber(style.removeprefix("biblatex:"), bib, Path(folder))
        else:
            bbl = run_bibtex(Path(style.removeprefix("bst:")), bib, Path(folder))
    name = _name(style)
    if bbl is None or not _BIBITEM_OR_ENTRY.search(bbl):
        return name, None, 0.0
    if keep is not None and not style.startswith("kept:"):
        (keep / f"{name.replace(':', '-')}.bbl").write_text(bbl, encoding="utf-8")
    started = time.perf_counter()
    tally = score(name, bbl, truths, show)
    return name, tally, time.perf_counter() - started


def _name(style: str) -> str:
    if style.startswith("kept:"):
        return Path(style).stem.replace("biblatex-", "biblatex:", 1)
    return style if style.startswith("biblatex:") else Path(style.removeprefix("bst:")).stem


def _percent(right: int, counted: int) -> str:
    return f"{100 * right / counted:5.1f}" if counted else "    -"


def report(title: str, results: list[tuple[str, dict[str, tuple[int, int]]]]) -> None:
    if not results:
        return
    print(f"\n{title}: {len(results)} styles")
    print(f"{'style':28} {'items':>9} " + " ".join(f"{name:>6}" for name in FIELDS) + "  invented")
    totals = {name: [0, 0] for name in (*FIELDS, "items", "invented")}
    for name, tally in sorted(results):
        for field_name, (right, counted) in tally.items():
            totals[field_name][0] += right
            totals[field_name][1] += counted
        items = tally["items"]
        invented = tally["invented"]
        print(
            f"{name[:28]:28} {items[0]:>4}/{items[1]:<4} "
            + " ".join(f"{_percent(*tally[field_name]):>6}" for field_name in FIELDS)
            + f"  {invented[0]}/{invented[1]}"
        )
    print(
        f"{'all items':28} {totals['items'][0]:>4}/{totals['items'][1]:<4} "
        + " ".join(f"{_percent(*totals[field_name]):>6}" for field_name in FIELDS)
        + f"  {totals['invented'][0]}/{totals['invented'][1]}"
    )
    for field_name in FIELDS:
        shares = [
            right / counted for _, tally in results for right, counted in [tally[field_name]] if counted
        ]
        if shares:
            print(
                f"  {field_name:6} median style {100 * statistics.median(shares):5.1f}"
                f"  worst {100 * min(shares):5.1f}"
                f"  styles at >= 95%: {sum(share >= 0.95 for share in shares)}/{len(shares)}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=40, help="records typeset by each style (default 40)")
    parser.add_argument("--only", default="", help="comma-separated style names (bst stems, biblatex:NAME)")
    parser.add_argument("--show", default="", help="comma-separated styles whose misses are printed")
    parser.add_argument("--no-bst", action="store_true", help="biblatex styles only")
    parser.add_argument("--no-biblatex", action="store_true", help="BibTeX styles only")
    parser.add_argument("--keep", type=Path, default=None, help="a folder to keep each style's .bbl in")
    parser.add_argument(
        "--kept",
        type=Path,
        default=None,
        help="read the .bbl files a run with --keep kept (no bibtex, no biber)",
    )
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args(argv)
    bib, truths = bib_and_truths(arguments.records)
    styles = [] if arguments.no_bst else DATA.bst_styles(TEXMF / "bibtex" / "bst")
    if arguments.kept is not None:
        styles = [f"kept:{path}" for path in sorted(arguments.kept.glob("*.bbl"))]
    elif not arguments.no_biblatex:
        styles += [f"biblatex:{name}" for name in BIBLATEX_STYLES]
    wanted = {name for name in arguments.only.split(",") if name}
    if wanted:
        styles = [style for style in styles if _name(style) in wanted]
    show = {name for name in arguments.show.split(",") if name}
    if arguments.keep is not None:
        arguments.keep.mkdir(parents=True, exist_ok=True)
    jobs = [(style, bib, truths, _name(style) in show, arguments.keep) for style in styles]
    measured, failed = [], []
    seconds = 0.0
    with multiprocessing.Pool(arguments.workers) as pool:
        for name, tally, spent in pool.imap(_measure, jobs, chunksize=1):
            seconds += spent
            if tally is None or not tally["items"][1]:
                failed.append(name)
            else:
                measured.append((name, tally))
    report("tuned styles", [row for row in measured if not is_heldout(row[0])])
    report("held-out styles (never looked at while tuning)", [row for row in measured if is_heldout(row[0])])
    print(f"\n{len(failed)} styles wrote no item: {', '.join(sorted(failed))}")
    print(f"reading: {seconds:.1f} s for {sum(t['items'][1] for _, t in measured)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
