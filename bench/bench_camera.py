"""Camera-ready figures: capitals, visible DOIs and verify on every preset.

Two bibliographies, each resolved by ``bibnorm resolve`` against the test fakes on 127.0.0.1:

- "five pages": the five scraped pages (610 distinct titles) in bench_requests' "complete +
  DOIs" world: the fakes' real records for the 177 gold papers, a synthetic record (ids
  2912.8xxxx, the page's own abstract) for every other title, and a synthetic publisher DOI
  with its Crossref work for the gold papers whose venue's publisher registers DOIs;
- "dev gold": the 177 papers of dev-gold.jsonl alone, asked by their arXiv ids, in the same world.

For each it prints:

- **capitals** (the BibTeX output, read by tests/title_census.py): capitalised word forms
  braced, those of them not in the hand-labelled list of names below ("ordinary words
  braced"), occurrences of those names left free ("names lost" — a style lower-cases them),
  forms braced in some entries and not others ("inconsistent"), the hyphenated
  compounds braced whole (their own forms), words after "?", "!" or a spaced dash left free
  ("sentence starts lost"), and the titles braced otherwise when the same inputs are resolved
  in two halves (alternate input files) or in reverse order;
- **venues**: how many venues the entries name, those printed under more than one name in the
  file (a renamed venue counts once per name it had: NIPS until 2017, NeurIPS after), and the
  booktitles holding a year, dates or a place (dblp's and Crossref's decorations);
- **DOIs**: published entries with a publisher DOI, and how many of those DOIs the typeset
  page shows (pdflatex + bibtex with plain and IEEEtran, biber with biblatex-ieee; the text
  read back with pdftotext);
- **verify**: ``bibnorm verify`` on the output of ``resolve --style X`` for each preset,
  findings by code. In "five pages" the synthetic records' ids date them December 2029, so
  verify's BN721 (year after next year) flags each of them: those are counted apart.

The names are labelled by hand from every capitalised word of both bibliographies' titles
(the rest are ordinary words, technical terms included); multi-word names made of ordinary
words ("Street View", "Mantis Shrimp", "Major TOM") are not single-word names and are
listed apart as a known limit.

Usage: ``python bench/bench_camera.py`` (needs pdflatex, bibtex, biber and pdftotext for the
DOI figures; without them those rows say so).
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import bibtexparser  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.identifiers import is_arxiv_doi  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.venues import find_venue, is_preprint_venue, venue_key  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402
from title_census import census  # noqa: E402

# Single-word names among the titles' capitalised words (as `word_key`s), labelled by hand.
NAMES = frozenset(
    {
        "adam", "arnold", "bayesian", "earth", "fourier", "gaussian", "hessian", "hyena",
        "hyperfeature", "inception", "indonesian", "kolmogorov", "mamba", "mandarin", "moreau",
        "nadaraya", "outlooker", "painter", "perceiver", "plato", "platonic", "python",
        "rosetta", "siamese", "swin", "turing", "watson",
    }
)  # fmt: skip
MULTIWORD_NAMES = ("Street View", "Mantis Shrimp", "Major TOM")
STYLES = ("bibnorm", "arxiv", "dblp", "google-scholar")
SYNTHETIC_PREFIX = "2912.8"


def resolve(folder: Path, env: dict[str, str], inputs: list[str], name: str, *args: str) -> str:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["resolve", *inputs, "-q", "-o", name, *args], env=env)
    assert result.exit_code == 0, result.output
    return (folder / name).read_text(encoding="utf-8")


def verify(folder: Path, env: dict[str, str], name: str) -> tuple[Counter[str], int]:
    """Findings by code, and how many were BN721 on a synthetic record."""
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["verify", "--json", "-q", name], env=env)
    document = json.loads(result.stdout)
    codes: Counter[str] = Counter()
    synthetic = 0
    entries = {e.key: e for e in bibtexparser.parse_string((folder / name).read_text("utf-8")).entries}
    for verdict in document["entries"]:
        entry = entries.get(verdict["key"])
        text = "".join(str(f.value) for f in entry.fields) if entry is not None else ""
        for finding in verdict.get("findings", []):
            if finding["code"] == "BN721" and SYNTHETIC_PREFIX in text:
                synthetic += 1
            else:
                codes[finding["code"]] += 1
    return codes, synthetic


def capitals(bib: str) -> dict[str, object]:
    found = census(bib)
    words = {form: keys for form, keys in found.braced.items() if "-" not in form}
    compounds = sorted(form for form in found.braced if "-" in form)
    return {
        "forms braced": len(words),
        "ordinary words braced": sorted(form for form in words if form not in NAMES),
        "names lost": sorted((form, len(keys)) for form, keys in found.free.items() if form in NAMES),
        "inconsistent": sorted(found.inconsistent()),
        "compounds braced whole": compounds,
        "sentence starts lost": len(found.sentence_starts_free),
    }


def braced_titles(bib: str) -> dict[str, str]:
    """Each entry's title as written (braces and all), by its text without braces, case-folded."""
    titles = {}
    for entry in bibtexparser.parse_string(bib).entries:
        title = str(entry.fields_dict["title"].value)
        titles["".join(ch for ch in title if ch not in "{}").casefold()] = title
    return titles


def titles_changed_by_the_run(
    folder: Path, env: dict[str, str], inputs: list[str], whole: str
) -> dict[str, int]:
    """How many titles are braced otherwise when the same inputs are resolved in two halves
    (alternate input files), and in reverse order, than when resolved whole."""
    titles = braced_titles(whole)
    halves = {
        **braced_titles(resolve(folder, env, inputs[0::2], "half-1.bib")),
        **braced_titles(resolve(folder, env, inputs[1::2], "half-2.bib")),
    }
    reverse = braced_titles(resolve(folder, env, inputs[::-1], "reverse.bib"))
    return {
        "in two halves": sum(1 for key, title in halves.items() if titles.get(key, title) != title),
        "in reverse order": sum(1 for key, title in reverse.items() if titles.get(key, title) != title),
    }


# A booktitle carrying what dblp and Crossref add to a proceedings title: a year, dates, a place.
_DECORATION = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\bUSA\b"
    r"|\b\d{1,2}\s*[-\u2013]\s*\d{1,2}\b|\bvirtual event\b",
    re.IGNORECASE,
)


def venue_names(bib: str) -> dict[str, object]:
    """Each venue's printed names in one file (a renamed table venue once per name it had,
    `_venue_of_year`) and the booktitles holding a city or dates."""
    names: dict[str, set[str]] = defaultdict(set)
    decorated = []
    for entry in bibtexparser.parse_string(bib).entries:
        fields = {f.key.casefold(): str(f.value) for f in entry.fields}
        year = int(fields["year"]) if fields.get("year", "").isdigit() else None
        for name in ("booktitle", "journal"):
            value = fields.get(name)
            if not value or is_preprint_venue(value):
                continue
            names[_venue_of_year(value, year)].add(value)
            if name == "booktitle" and _DECORATION.search(value):
                decorated.append(value)
    return {
        "venues": len(names),
        "under more than one name": {key: sorted(found) for key, found in names.items() if len(found) > 1},
        "booktitles with a city or dates": decorated,
    }


def _venue_of_year(value: str, year: int | None) -> str:
    """The venue a name stands for, told apart by the name it had that year: "CVPR" from 2019,
    "CVPR until 2018" (its "IEEE" years), "NeurIPS until 2017" (NIPS); else the name's key."""
    venue = find_venue(value)
    if venue is None:
        return venue_key(value)
    last = next((last for last, _ in venue.earlier_names if year is not None and year <= last), None)
    return venue.short if last is None else f"{venue.short} until {last}"


def published_dois(bib: str) -> list[str]:
    dois = []
    for entry in bibtexparser.parse_string(bib).entries:
        doi = entry.fields_dict.get("doi")
        if entry.entry_type != "misc" and doi is not None and not is_arxiv_doi(str(doi.value)):
            dois.append(str(doi.value))
    return dois


def _typeset(folder: Path, bib: str, style: str) -> str:
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    geometry = "\\usepackage[paperwidth=90cm,paperheight=400cm,margin=1cm]{geometry}\\usepackage{url}\n"
    if style == "biblatex":
        body = "\\usepackage[backend=biber,style=ieee]{biblatex}\\addbibresource{refs.bib}\n"
        tail = "\\printbibliography\n"
        tools = [["pdflatex", "-interaction=nonstopmode", "doc"], ["biber", "doc"]]
    else:
        body, tail = "", f"\\bibliographystyle{{{style}}}\\bibliography{{refs}}\n"
        tools = [["pdflatex", "-interaction=nonstopmode", "doc"], ["bibtex", "doc"]]
        tools.append(tools[0])
    (folder / "doc.tex").write_text(
        f"\\documentclass{{article}}\n{geometry}{body}\\begin{{document}}\\nocite{{*}}\n{tail}\\end{{document}}\n",
        encoding="utf-8",
    )
    for tool in [*tools, ["pdflatex", "-interaction=nonstopmode", "doc"]]:
        subprocess.run(tool, cwd=folder, capture_output=True, timeout=600, check=False)
    out = subprocess.run(
        ["pdftotext", "doc.pdf", "-"], cwd=folder, capture_output=True, text=True, check=False
    )
    return "".join(out.stdout.split())


def dois_shown(folder: Path, bib: str, biblatex: str, dois: list[str]) -> dict[str, str]:
    if any(shutil.which(tool) is None for tool in ("pdflatex", "bibtex", "biber", "pdftotext")):
        return {"plain": "n/a", "IEEEtran": "n/a", "biblatex": "n/a"}
    shown = {}
    for style, text in (("plain", bib), ("IEEEtran", bib), ("biblatex", biblatex)):
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            page = _typeset(Path(tmp), text, style)
        shown[style] = f"{sum(1 for doi in dois if doi in page)}/{len(dois)}"
    return shown


def measure(name: str, inputs: list[str], world: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:  # type: ignore[arg-type]
        folder = Path(tmp)
        env = apis.env(folder / "cache")
        bib = resolve(folder, env, inputs, "bibnorm.bib")
        biblatex = resolve(folder, env, inputs, "biblatex.bib", "--format", "biblatex")
        entries = len(bibtexparser.parse_string(bib).entries)
        print(f"\n== {name}: {entries} entries")
        for label, value in capitals(bib).items():
            print(f"capitals  {label:24} {value}")
        for label, count in titles_changed_by_the_run(folder, env, inputs, bib).items():
            print(f"capitals  titles braced otherwise {label}: {count} of {entries}")
        for label, value in venue_names(bib).items():
            print(f"venues    {label:24} {value}")
        dois = published_dois(bib)
        shown = dois_shown(folder, bib, biblatex, dois)
        print(f"DOIs      published entries with a publisher DOI: {len(dois)}; shown: {shown}")
        for style in STYLES:
            output = "bibnorm.bib" if style == "bibnorm" else f"{style}.bib"
            if style != "bibnorm":
                resolve(folder, env, inputs, output, "--style", style)
            codes, synthetic = verify(folder, env, output)
            extra = f" (+{synthetic} BN721 on synthetic 2029 ids)" if synthetic else ""
            print(f"verify    --style {style:15} findings {sum(codes.values())} {dict(codes)}{extra}")


def main_() -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    print(f"multi-word names of ordinary words, not counted: {', '.join(MULTIWORD_NAMES)}")
    measure("five pages", [str(p) for p in PAGES], world)
    with tempfile.TemporaryDirectory() as tmp:
        rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
        halves = [Path(tmp) / "gold-ids-1.txt", Path(tmp) / "gold-ids-2.txt"]
        for number, ids in enumerate(halves):
            ids.write_text("".join(f"arXiv:{row['arxiv_id']}\n" for row in rows[number::2]), encoding="utf-8")
        measure("dev gold", [str(ids) for ids in halves], world)


if __name__ == "__main__":
    main_()
