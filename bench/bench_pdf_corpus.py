"""Real PDFs nobody on the team typeset: how whole their references are read, per style family.

The corpus is ``bench/pdf_corpus/manifest.csv``: style packages' own sample documents
(biblatex's examples and styles, econ-bst, economic, apalike-ejor, zootaxa, iopart-num, apacite;
LPPL, shipped by Debian's ``texlive-doc`` package) and papers from public GitHub repositories that hold the
paper's compiled PDF beside the ``.bbl`` that produced it. Only the manifest is committed;
``--fetch`` copies the files into the cache (``$BIBNORM_BENCH_CACHE``, else
``~/.cache/bibnorm-bench/pdf-corpus``): from ``/usr/share/doc/texlive-doc`` (``apt-get install
texlive-doc``) and by ``git`` from GitHub at the manifest's commit (or from ``--mirror DIR``, a
folder of bare clones named ``owner+name/repo``).

Ground truth: the entries of the ``.bib`` or ``.bbl`` (read by bibnorm's BibTeX-faithful
``.bib`` reader and its ``.bbl`` reader, not by the PDF reader) whose title is printed in the
PDF — found in ``pdftotext``'s text (poppler, independent of PDFium), letters and digits only —
are the references the PDF prints. For each, the read item whose raw text holds the most of
its title is its item; the reference is read **whole** when that item is its alone and its
title (ratio ≥ 90 to the true title), first author's family name and year are right. Also
printed: title, first author and year right; DOIs printed, read right, and read WRONG
(truncated or otherwise: must be 0); items that are no printed reference.

Usage: ``python bench/bench_pdf_corpus.py [--fetch] [--mirror DIR] [--only ID ...] [--items]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bibnorm.errors import InputError  # noqa: E402
from bibnorm.models import Query  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

MANIFEST = ROOT / "bench" / "pdf_corpus" / "manifest.csv"
TEXLIVE_DOC = Path("/usr/share/doc/texlive-doc")
CACHE = Path(os.environ.get("BIBNORM_BENCH_CACHE", Path.home() / ".cache" / "bibnorm-bench")) / "pdf-corpus"


@dataclass(frozen=True)
class Document:
    id: str
    family: str
    columns: int
    source: str
    commit: str
    pdf: str
    truth: str

    def local(self, which: str) -> Path:
        name = Path(getattr(self, which)).name.removesuffix(".gz")
        return CACHE / self.id / name


@dataclass(frozen=True)
class Truth:
    title: str
    family: str  # the first author's family name, letters only, lower case
    year: int | None
    doi: str | None


_WHERE = ("source", "commit", "pdf", "truth")


def manifest() -> list[Document]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Document(row["id"], row["family"], int(row["columns"]), *(row[k] for k in _WHERE)) for row in rows
    ]


def fetch(document: Document, mirror: Path | None) -> None:
    (CACHE / document.id).mkdir(parents=True, exist_ok=True)
    for which in ("pdf", "truth"):
        target = document.local(which)
        if target.exists():
            continue
        inside = getattr(document, which)
        if document.source.startswith("debian:"):
            data = (TEXLIVE_DOC / inside).read_bytes()
        else:
            data = _git_show(document.source.removeprefix("github:"), document.commit, inside, mirror)
        target.write_bytes(gzip.decompress(data) if inside.endswith(".gz") else data)


def _git_show(repo: str, commit: str, inside: str, mirror: Path | None) -> bytes:
    local = mirror / repo.replace("/", "+") / "repo" if mirror else None
    if local is None or not local.exists():
        local = CACHE / "git" / repo.replace("/", "+")
        if not local.exists():
            subprocess.run(["git", "clone", "--bare", f"https://github.com/{repo}", str(local)], check=True)
    return subprocess.run(
        ["git", "-C", str(local), "show", f"{commit}:{inside}"], check=True, capture_output=True
    ).stdout


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _family(author: str) -> str:
    author = re.sub(r"[{}\\]|~", " ", author)
    family = author.split(",")[0] if "," in author else (author.split() or [""])[-1]
    return _letters(family)


def truths(document: Document) -> list[Truth]:
    path = document.local("truth")
    if path.suffix == ".bib":
        from bibnorm.bib.bibfile import read_bibfile

        entries = read_bibfile(path).entries
        rows = []
        for entry in entries:
            authors = entry.get("author") or entry.get("editor") or ""
            year = re.search(r"\d{4}", entry.get("year") or entry.get("date") or "")
            title = entry.get("title") or ""
            if entry.get("subtitle"):  # biblatex prints "Title. Subtitle"
                title = f"{title}. {entry.get('subtitle')}"
            rows.append(
                Truth(
                    title,
                    _family(authors.split(" and ")[0]),
                    int(year.group()) if year else None,
                    (entry.get("doi") or "").casefold() or None,
                )
            )
        return rows
    queries = read_inputs([path])
    return [
        Truth(q.title or "", _family(next(iter(q.authors), "")), q.year, (q.doi or "").casefold() or None)
        for q in queries
    ]


def printed(document: Document, rows: list[Truth]) -> list[Truth]:
    text = subprocess.run(
        ["pdftotext", str(document.local("pdf")), "-"], check=True, capture_output=True, text=True
    ).stdout
    letters = _letters(text)
    seen: set[str] = set()
    kept = []
    for row in rows:
        key = _letters(row.title)
        if len(key) >= 12 and key in letters and key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


@dataclass
class Score:
    references: int = 0
    whole: int = 0
    title: int = 0
    author: int = 0
    year: int = 0
    dois: int = 0
    dois_right: int = 0
    dois_wrong: int = 0
    items: int = 0
    strays: int = 0
    refused: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(rows: list[Truth], queries: list[Query], show: bool) -> Score:
    result = Score(references=len(rows), items=len(queries))
    raws = [_letters(q.raw) for q in queries]
    owner: dict[int, list[Truth]] = defaultdict(list)
    mapped: list[tuple[Truth, int]] = []
    for row in rows:
        key = _letters(row.title)
        best = max(range(len(queries)), key=lambda at: fuzz.partial_ratio(key, raws[at]), default=None)
        if best is None or fuzz.partial_ratio(key, raws[best]) < 80:
            continue
        owner[best].append(row)
        mapped.append((row, best))
    result.strays = sum(1 for at in range(len(queries)) if at not in owner)
    for row, at in mapped:
        query = queries[at]
        title = fuzz.ratio(title_key(row.title), title_key(query.title or "")) >= 90
        read_authors = " ".join(query.authors[:1]) or " ".join(query.author_names[:2])
        author = bool(row.family) and row.family in _letters(read_authors)
        year = row.year is None or query.year == row.year
        result.title += title
        result.author += author
        result.year += year
        whole = title and author and year and len(owner[at]) == 1
        result.whole += whole
        if show and not whole:
            print(f"    ✗ {row.title[:60]!r} {row.family} {row.year} ← title={query.title!r} "
                  f"authors={query.authors[:2]} year={query.year} shared={len(owner[at])}")  # fmt: skip
        if row.doi and row.doi in queries[at].raw.casefold().replace(" ", ""):
            result.dois += 1
            result.dois_right += (query.doi or "").casefold() == row.doi
            result.dois_wrong += bool(query.doi) and (query.doi or "").casefold() != row.doi
    return result


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def report(name: str, s: Score) -> None:
    n = s.references
    print(f"{name:<34}{n:>6}{_percent(s.whole, n):>7}{_percent(s.title, n):>7}{_percent(s.author, n):>8}"
          f"{_percent(s.year, n):>6}{f'{s.dois_right}/{s.dois}':>9}{s.dois_wrong:>7}{s.items:>7}{s.strays:>8}"
          f"{s.refused:>9}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fetch", action="store_true", help="copy the corpus into the cache first")
    parser.add_argument("--mirror", type=Path, help="a folder of bare clones named owner+name/repo")
    parser.add_argument("--only", nargs="*", help="these document ids only")
    parser.add_argument("--items", action="store_true", help="print each reference not read whole")
    args = parser.parse_args()
    documents = [d for d in manifest() if not args.only or d.id in args.only]
    print(f"{'document':<34}{'refs':>6}{'whole':>7}{'title':>7}{'author':>8}{'year':>6}{'DOIs':>9}{'WRONG':>7}"
          f"{'items':>7}{'strays':>8}{'refused':>9}")  # fmt: skip
    families: dict[str, Score] = defaultdict(Score)
    for document in documents:
        if args.fetch:
            fetch(document, args.mirror)
        if not document.local("pdf").exists():
            print(f"{document.id:<34} not fetched (run with --fetch)")
            continue
        rows = printed(document, truths(document))
        try:
            queries = read_inputs([document.local("pdf")])
            s = score(rows, queries, args.items)
        except InputError as error:
            print(f"    refused: {error}")
            s = Score(references=len(rows), refused=1)
        report(document.id, s)
        families[f"{document.family} ({document.columns} col)"].add(s)
    print("\nper family")
    total = Score()
    for family in sorted(families):
        report(family, families[family])
        total.add(families[family])
    report("all", total)


if __name__ == "__main__":
    if shutil.which("pdftotext") is None:
        sys.exit("bench_pdf_corpus: needs poppler's pdftotext (apt-get install poppler-utils)")
    main()
