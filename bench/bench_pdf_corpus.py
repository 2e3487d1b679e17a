"""Real PDFs nobody on the team typeset: how whole their references are read, per style family.

The corpus is ``bench/pdf_corpus/manifest.csv``: style packages' own sample documents
(biblatex's examples and styles, econ-bst, economic, apalike-ejor, zootaxa, iopart-num, apacite;
LPPL, shipped by Debian's ``texlive-doc`` package) and papers from public GitHub repositories that hold the
paper's compiled PDF beside the ``.bbl`` that produced it; and real third-party ``.bib`` files
from public repositories set here in the styles no sample covers (Vancouver, Harvard ``agsm``,
REVTeX 4.2's PRL in two columns with and without article titles, Elsevier's author-year in
two columns): a manifest row whose ``pdf`` is ``build:NAME`` sets the first 150 complete
entries of its ``.bib`` with
``bench/pdf_corpus/templates/NAME.tex`` (pdflatex, bibtex, pdflatex twice; the ground truth is
the entries whose keys the ``.bbl`` holds). Only the manifest and the templates are committed;
``--fetch`` copies the files into the cache (``$BIBNORM_BENCH_CACHE``, else
``~/.cache/bibnorm-bench/pdf-corpus``): from ``/usr/share/doc/texlive-doc`` (``apt-get install
texlive-doc``) and by ``git`` from GitHub at the manifest's commit (or from ``--mirror DIR``, a
folder of bare clones named ``owner+name/repo``).

Ground truth: the entries of the ``.bib`` or ``.bbl`` (read by bibnorm's BibTeX-faithful
``.bib`` reader and its ``.bbl`` reader, not by the PDF reader) whose title is printed in the
PDF — found in ``pdftotext``'s text (poppler, independent of PDFium), letters and digits only —
are the references the PDF prints. For each, the read item whose raw text holds the most of
its title is its item; the reference is read **whole** when that item is its alone and its
title (ratio ≥ 90 to the true title), first author's family name and year are right.
A style that prints no article title (Physical Review Letters, REVTeX's ``nolongbibliography``)
still prints the first author, the year and the volume and first page: a ``.bib`` entry whose
title is nowhere in the text but whose first author's family name, year and volume-and-first-page
("519, 2615" → ``5192615``) are, is a printed reference too — in a document where such entries
outnumber the articles (entries with volume and pages) found by title (a style prints articles'
titles or it does not; where it does, one not found is a title printed otherwise than the
``.bib`` spells it); its item is the first whose raw
text holds its volume-and-first-page and first author's name, and its title is right when the
item reads none (there is none to read: the journal is no title; a query that keeps the item's
whole text as its search text reads none either). Also
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
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bibnorm.errors import InputError  # noqa: E402
from bibnorm.models import Query  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.clean import clean_plain  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

MANIFEST = ROOT / "bench" / "pdf_corpus" / "manifest.csv"
TEXLIVE_DOC = Path("/usr/share/doc/texlive-doc")
TEMPLATES = ROOT / "bench" / "pdf_corpus" / "templates"
BUILD_ENTRIES = 150
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

    @property
    def built(self) -> bool:
        """Compiled here from a real ``.bib`` with a style's own template (``pdf`` is ``build:NAME``)."""
        return self.pdf.startswith("build:")

    def local(self, which: str) -> Path:
        if self.built:  # the build's own PDF, and the .bbl it produced as the truth
            return CACHE / self.id / ("paper.pdf" if which == "pdf" else "paper.bbl")
        name = Path(getattr(self, which)).name.removesuffix(".gz")
        return CACHE / self.id / name


@dataclass(frozen=True)
class Truth:
    title: str
    family: str  # the first author's family name, letters only, lower case
    year: int | None
    doi: str | None
    # Volume and first page, letters and digits only ("5192615" for 519, 2615–2630): what finds a
    # reference whose style prints no title (Physical Review Letters). From a .bib only.
    locator: str = ""
    titled: bool = True  # its title is printed
    # The year of the day a web page was visited: biblatex-nature and -science print it alone
    # for an online work ("Lancaster, S. J. Alkylation … http://… (2008)." of a 2003 work).
    visited: int | None = None


_WHERE = ("source", "commit", "pdf", "truth")


def manifest() -> list[Document]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Document(row["id"], row["family"], int(row["columns"]), *(row[k] for k in _WHERE)) for row in rows
    ]


def fetch(document: Document, mirror: Path | None) -> None:
    (CACHE / document.id).mkdir(parents=True, exist_ok=True)
    if document.built:
        build(document, mirror)
        return
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


def build(document: Document, mirror: Path | None) -> None:
    """Set the first ``BUILD_ENTRIES`` complete entries of a real ``.bib`` with a style's template
    (``bench/pdf_corpus/templates``): pdflatex, bibtex, pdflatex twice. The PDF is the document,
    the ``.bbl`` bibtex wrote its truth."""
    folder = CACHE / document.id
    if document.local("pdf").exists() and document.local("truth").exists():
        return
    from bibnorm.bib.bibfile import read_bibfile

    source = folder / "refs.bib"
    source.write_bytes(
        _git_show(document.source.removeprefix("github:"), document.commit, document.truth, mirror)
    )
    complete = [
        entry.key
        for entry in read_bibfile(source).entries
        if all(entry.get(name) for name in ("author", "title", "year"))
        and re.fullmatch(r"[\w:./+-]+", entry.key)
    ]
    template = TEMPLATES / f"{document.pdf.removeprefix('build:')}.tex"
    keys = ",".join(complete[:BUILD_ENTRIES])
    (folder / "paper.tex").write_text(
        template.read_text(encoding="utf-8").replace("%KEYS%", keys), encoding="utf-8"
    )
    for command in (["pdflatex"], ["bibtex"], ["pdflatex"], ["pdflatex"]):
        extra = ["-interaction=batchmode"] if command == ["pdflatex"] else []
        # bibtex and LaTeX warn (and exit non-zero) on real entries' quirks; the PDF is what counts.
        subprocess.run([*command, *extra, "paper"], cwd=folder, capture_output=True, check=False)
    if not document.local("pdf").exists():
        raise SystemExit(f"bench_pdf_corpus: {document.id} did not build (see {folder / 'paper.log'})")


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
    text = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_LANGUAGE = re.compile(r"\\(?:foreignlanguage|textlang|hyphenrules)\s*\{[^{}]*\}")

# Letters NFKD does not take apart, as their base letters: a .bib's "J{\\o}rgensen" and a PDF's
# "Jørgensen" compare as one name however each side spells it.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"})


def _family(author: str) -> str:
    author = _LANGUAGE.sub("", author)  # "\\foreignlanguage{vietnamese}{Hàn Thế}" prints "Hàn Thế"
    author = re.sub(r"[{}\\]|~", " ", clean_plain(author).text)  # "Civ{\\'a}{\\v{n}}" is "Civáň"
    family = author.split(",")[0] if "," in author else (author.split() or [""])[-1]
    return _letters(family)


def truths(document: Document) -> list[Truth]:
    path = document.local("truth")
    if document.built:  # the entries bibtex set (their keys are in its .bbl), as the .bib gives them
        bbl = path.read_text(encoding="utf-8", errors="replace")
        return _bib_truths(path.with_name("refs.bib"), lambda key: "{" + key + "}" in bbl)
    if path.suffix == ".bib":
        return _bib_truths(path, lambda key: True)
    rows: list[Truth] = []
    for q in read_inputs([path]):
        first = next(iter(q.authors), "")
        # IEEEtran's \bysame ("------", printed "——") stands for the previous entry's authors.
        family = rows[-1].family if _DASH.fullmatch(first) and rows else _family(first)
        rows.append(Truth(q.title or "", family, q.year, (q.doi or "").casefold() or None))
    return rows


_DASH = re.compile(r"\s*(?:[-–—]{2,}|—)")
_RULED = re.compile(r"\s*(?:eds?\.\s*)?\((?:1[5-9]|20)\d{2}[a-z]?\)\s")


def _bib_truths(path: Path, wanted: Callable[[str], bool]) -> list[Truth]:
    from bibnorm.bib.bibfile import read_bibfile

    # Biber, which set the biblatex documents, reads a "%" inside an entry as a comment to the line's
    # end ("issn = {0022-2879, 1538-4616},% ISSN (ISSN-L), e-ISSN"); BibTeX's grammar, which
    # bibnorm's reader keeps, would lose the entry. The truth is what biber read.
    data = path.read_bytes()
    if _ENTRY_COMMENT.search(data):
        uncommented = Path(tempfile.mkdtemp(prefix="bench-truth-")) / path.name
        uncommented.write_bytes(_ENTRY_COMMENT.sub(b"", data))
        path = uncommented
    rows = []
    for entry in read_bibfile(path).entries:
        if wanted(entry.key):
            # biblatex's usetranslator prints a translated work's translators as its names
            # ("Monika B. Vizedom and Gabrielle L. Caffee, trans. The Rites of Passage").
            authors = entry.get("author") or entry.get("editor") or entry.get("translator") or ""
            year = re.search(r"\d{4}", entry.get("year") or entry.get("date") or "")
            title = entry.get("title") or ""
            visited = re.match(r"\d{4}", entry.get("urldate") or "")
            first_page = re.split(r"[-–—]", entry.get("pages") or "")[0]
            if entry.get("subtitle"):  # biblatex prints "Title. Subtitle"
                title = f"{title}. {entry.get('subtitle')}"
            rows.append(
                Truth(
                    _as_printed(title),
                    _family(authors.split(" and ")[0]),
                    int(year.group()) if year else None,
                    _bare_doi(entry.get("doi") or "") or None,
                    _letters(f"{entry.get('volume')}{first_page}")
                    if entry.get("volume") and first_page
                    else "",
                    visited=int(visited.group()) if visited else None,
                )
            )
    return rows


# A "%" after a field's closing brace and its comma, or opening an indented line of an entry, to the
# line's end (not one inside a field: "50\\%", "a%20b" in a URL).
_ENTRY_COMMENT = re.compile(rb"(?m)(?<=\},)[ \t]*%[^\n]*$|^[ \t]+%[^\n]*$")


def _as_printed(title: str) -> str:
    """A .bib title as the PDF prints it: "\\textsc{Aura}" is "Aura", "$\\lambda$" is "λ", and TeX's
    logos are their names (bibnorm's cleaning drops "\\TeX", "\\LaTeX", "\\BibTeX" altogether) and a
    sort key (apacite's ``\\APACSortNoop{…}``) is not printed."""
    title = _SORT_KEY.sub("", title)
    return clean_plain(_TEX_LOGO.sub(lambda logo: logo.group(1), title)).text


_TEX_LOGO = re.compile(r"\\((?:La|Bib|Con)?TeXe?)\b(?:\{\})?")
_SORT_KEY = re.compile(r"\\(?:APACSortNoop|noopsort|SortNoop)\{[^{}]*\}")  # a sort key, not printed


def _bare_doi(field: str) -> str:
    """A .bib ``doi`` field as the DOI itself: some .bib files give it as a resolver link."""
    return re.sub(r"^https?://(dx\.)?doi\.org/", "", field.strip().casefold())


def printed(document: Document, rows: list[Truth]) -> list[Truth]:
    # pdftotext's default order can interleave the two columns of a page line by line, and then a
    # title wrapped in one column is split by the other column's lines; its raw mode keeps each
    # column's lines in the order the PDF draws them. A title is printed when either text holds it.
    # A review copy's line numbers and the page numbers are lines of their own there, inside titles.
    texts = (_pdftotext(document, mode) for mode in ([], ["-raw"]))
    letters = "\n".join(_letters(re.sub(r"(?m)^\d+$", "", text)) for text in texts)
    # A .bbl holds what was typeset, each entry once: one that holds two with the same title,
    # authors and year (IEEEtran's "——" for the second) printed both.
    typeset = document.local("truth").suffix == ".bbl" and not document.built
    seen: set[tuple[str, str, int | None] | str] = set()
    kept, untitled = [], []
    for row in rows:
        key = _letters(row.title)
        if len(key) >= 12 and key in letters and (typeset or (key, row.family, row.year) not in seen):
            seen.add((key, row.family, row.year))  # two works may share a title, not also authors and year
            kept.append(row)
        elif _printed_without_title(row, key, letters) and row.locator not in seen:
            seen.add(row.locator)
            untitled.append(replace(row, titled=False))
    # A style prints articles' titles or it does not (books keep theirs in both): where most
    # articles are found by their titles, one that is not is a title printed otherwise than the
    # .bib spells it (markup, math), not a missing one.
    return kept + untitled if len(untitled) > sum(1 for row in kept if row.locator) else kept


def _printed_without_title(row: Truth, key: str, letters: str) -> bool:
    """A reference set with no title (Physical Review Letters): its title is nowhere in the text,
    its first author's family name, its year and its volume-and-first-page are."""
    return (
        bool(row.locator and row.family and row.year)
        and (not key or key not in letters)  # an entry may have no title at all
        and all(part in letters for part in (row.locator, row.family, str(row.year)))
    )


def _pdftotext(document: Document, options: list[str]) -> str:
    command = ["pdftotext", *options, str(document.local("pdf")), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


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


def score(rows: list[Truth], queries: list[Query], show: bool, known: list[Truth]) -> Score:
    """``rows`` are the printed references; ``known`` all the source's, to tell a stray from a
    reference whose title is too short to be looked for in the whole text ("Linear Logic")."""
    result = Score(references=len(rows), items=len(queries))
    raws = [_letters(q.raw) for q in queries]
    # Where to look for the first author: a "——" item's names are the item's before it, and so
    # are those of an item that opens at its year (econ draws a rule, no text, for the names).
    names = [
        raws[at - 1] if at and (_DASH.match(q.raw) or _RULED.match(q.raw)) else raws[at]
        for at, q in enumerate(queries)
    ]
    owner: dict[int, list[Truth]] = defaultdict(list)
    mapped = _assign(rows, raws, names)
    for row, at in mapped:
        owner[at].append(row)
    # A reference its style prints without its title (Science's articles and theses, Nature's
    # chapters and patents: "G. Booth, J. Chatt, J. Chem. Soc. 2099–2106 (1962).") is no stray.
    untitled = [row for row in known if row not in rows]
    strays = [
        at
        for at in range(len(queries))
        if at not in owner and not _holds_any(raws[at], known) and not _holds_untitled(raws[at], untitled)
    ]
    result.strays = len(strays)
    for at in strays if show else ():
        print(f"    stray: {queries[at].raw[:100]!r}")
    for row, at in mapped:
        query = queries[at]
        title = fuzz.ratio(title_key(row.title), title_key(query.title or "")) >= 90
        # None printed: none may be read (the item's whole text kept as its query text is no title).
        title = title or (not row.titled and query.title in (None, "", query.raw))
        read_authors = " ".join(query.authors[:1]) or " ".join(query.author_names[:2])
        # A work with no author or editor (a manual, a web site, a standard) has none to read.
        author = row.family in _letters(read_authors) if row.family else not read_authors
        # Where the item prints only the day of the visit's year, that is the year to read.
        printed = row.year is None or str(row.year) in raws[at] or row.visited is None
        year = row.year is None or query.year == (row.year if printed else row.visited)
        result.title += title
        result.author += author
        result.year += year
        whole = title and author and year and len(owner[at]) == 1
        result.whole += whole
        if show and not whole:
            print(f"    ✗ {row.title[:60]!r} {row.family} {row.year} ← title={query.title!r} "
                  f"authors={query.authors[:2]} year={query.year} shared={len(owner[at])}")  # fmt: skip
        _tally_doi(result, row, query)
    return result


def _assign(rows: list[Truth], raws: list[str], names: list[str]) -> list[tuple[Truth, int]]:
    """Each reference's item: the read item whose raw text holds the most of its title (works that
    share a title go to the items that also hold their author and year, one each); with no title
    printed, the first that holds its volume-and-first-page and its first author's name. A
    reference that only one free item holds as well as its best chooses first ("Sämtliche Werke"
    is in all three of Nietzsche's items, its first volume's title in two, an essay's in one),
    else the first in the source's order; where all its best are taken, it shares the first."""
    tops = _fewest_others([_best_items(row, raws, names) for row in rows], rows, raws)
    taken: set[int] = set()
    mapped: list[tuple[Truth, int]] = []
    pending = list(range(len(rows)))
    while pending:
        free = {at: [item for item in tops[at] if item not in taken] for at in pending}
        at = next((at for at in pending if len(free[at]) == 1), pending[0])
        pending.remove(at)
        item = (free[at] or tops[at] or [None])[0]
        if item is not None:
            taken.add(item)
            mapped.append((rows[at], item))
    return mapped


def _best_items(row: Truth, raws: list[str], names: list[str]) -> list[int]:
    """The items that hold the reference as well as any does (at least 80% of its title)."""
    if not row.titled:
        return [at for at, raw in enumerate(raws) if row.locator in raw and row.family in raw][:1]
    key = _letters(row.title)
    alike = [_likeness(row, key, raw, name) for raw, name in zip(raws, names, strict=True)]
    top = max(alike, default=None)
    return [at for at, this in enumerate(alike) if top is not None and this == top and top[0] >= 80]


def _fewest_others(tops: list[list[int]], rows: list[Truth], raws: list[str]) -> list[list[int]]:
    """Each reference's best items, those that hold fewer other references' titles first: an item
    that holds another's title too is rather that one's ("Donald E. Knuth. Computers &
    Typesetting. Vol. A: The TEXbook." is the volume's, not the whole work's)."""
    keys = [_letters(row.title) for row in rows]

    def others(at: int, item: int) -> int:
        return sum(
            1 for other, key in enumerate(keys) if other != at and len(key) >= 12 and key in raws[item]
        )

    return [
        sorted(items, key=lambda item: others(at, item)) if len(items) > 1 else items
        for at, items in enumerate(tops)
    ]


def _likeness(row: Truth, key: str, raw: str, names: str) -> tuple[float, bool, bool, bool]:
    # Last, an item whose names open with the first author: the work's own reference, not one that
    # names it as a related work ("…, trans. The Rites of Passage. … Trans. of Arnold van Gennep.").
    named = 0 <= names.find(row.family) <= 0.4 * len(names)
    return fuzz.partial_ratio(key, raw), row.family in names, str(row.year) in raw, named


def _holds_any(raw: str, known: list[Truth]) -> bool:
    """Whether an item's letters hold some reference's title (all but a mis-set accent) and first author."""
    return any(row.family in raw and fuzz.partial_ratio(_letters(row.title), raw) >= 90 for row in known)


def _holds_untitled(raw: str, untitled: list[Truth]) -> bool:
    """Whether an item's letters hold the first author and year of a reference whose title the
    PDF does not print (a name of three letters or more: "li" is inside too many words)."""
    return any(
        len(row.family) >= 3 and row.family in raw and (row.year is None or str(row.year) in raw)
        for row in untitled
    )


def _tally_doi(result: Score, row: Truth, query: Query) -> None:
    """Where the PDF prints the reference's DOI: read right, or read WRONG (truncated, invented)."""
    if row.doi and row.doi in query.raw.casefold().replace(" ", ""):
        read = (query.doi or "").casefold()
        result.dois += 1
        result.dois_right += read == row.doi
        result.dois_wrong += bool(read) and read != row.doi


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
    parser.add_argument("--items", action="store_true", help="print references not read whole, and strays")
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
        known = truths(document)
        rows = printed(document, known)
        try:
            queries = read_inputs([document.local("pdf")])
            s = score(rows, queries, args.items, known)
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
