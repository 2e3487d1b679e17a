"""Camera-ready, round three: identifiers printed once, one name per venue, ACM's
warnings, per BibTeX style.

Two bibliographies, each resolved by ``bibnorm resolve --bst STYLE`` against the test fakes on
127.0.0.1 (bench_camera's "complete + DOIs" world: the fakes' real records, synthetic ones for the
rest, publisher DOIs with their Crossref works), once per style into a fresh file; real
``bibtex`` runs each style on its file and each entry's text in the ``.bbl`` is read:

- "five pages": the first N titles of the five scraped pages;
- "dev gold": the 177 papers of dev-gold.jsonl alone, asked by their arXiv ids.

Per BibTeX style it prints: published entries whose publisher DOI the style prints exactly once,
preprints whose arXiv id it prints exactly once, entries printing an id more than once, and
BibTeX's warnings per 10 entries. For ACM-Reference-Format each warning about a field it wants
(address, publisher, pages) is sorted by whether a source the run asked holds a value for it
(the Crossref work of the entry's DOI: ``publisher-location``, ``publisher``, ``page``; the
Semantic Scholar record's ``journal.pages``; dblp's record: ``pages``): "held" warnings are
bibnorm's to fix, "no source holds the data" ones are not. Once per bibliography: booktitles
holding a city, a date or a year (dblp's and Crossref's decorations) and table venues with more
than one booktitle in a year. biblatex (numeric, biber, pdftotext) and APA (``pandoc --citeproc``
on the CSL-JSON output) are counted on the whole page: each DOI and preprint's arXiv id printed
exactly once.

Usage: ``python bench/bench_camera_ids.py [N]`` (default 60 titles of the five pages; all of
them, 610, take about two minutes). Needs bibtex (texlive-publishers for IEEEtran, splncs04, ACM).
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import bibtexparser  # noqa: E402
from bench_requests import GOLD, PAGES, with_publisher_dois  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.identifiers import is_arxiv_doi  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from bibnorm.text.venues import find_venue  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from clients import flat, typeset_biblatex  # noqa: E402
from fakes.servers import FakeApis, running_fakes, synthetic_completion  # noqa: E402
from paths import FIXTURES  # noqa: E402

BST = ("plain", "abbrv", "plainnat", "unsrtnat", "IEEEtran", "splncs04", "ACM-Reference-Format")
# ACM-Reference-Format's warnings about a field it wants, and the field each names.
_ACM_WANTS = re.compile(r"^Warning--(?:empty (address|publisher)|page numbers (missing)).* in (\S+)$")
_DECORATION = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\bUSA\b",
    re.IGNORECASE,
)


def _bbl_items(folder: Path, style: str) -> tuple[dict[str, str], list[str]]:
    (folder / "doc.aux").write_text(f"\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{out}}\n", "utf-8")
    run = subprocess.run(
        ["bibtex", "doc"], cwd=folder, capture_output=True, text=True, timeout=300, check=False
    )
    bbl = (folder / "doc.bbl").read_text("utf-8")
    body = "\n".join(line for line in bbl.splitlines() if not line.lstrip().startswith("%"))
    items = re.split(r"\\bibitem(?:\[[^\]]*\]%?\s*)?\s*\{([^}]+)\}", body.replace("\\_", "_"))
    warnings = [line for line in run.stdout.splitlines() if line.startswith("Warning--")]
    return dict(zip(items[1::2], items[2::2], strict=True)), warnings


def _id_counts(entry_type: str, fields: dict[str, str], text: str) -> Counter[str]:
    """What one entry's typeset text shows of its ids: DOI (once or not), arXiv id of a preprint
    (once or not), and whether any id shows more than once."""
    counts: Counter[str] = Counter()
    doi, arxiv = fields.get("doi", ""), fields.get("eprint", "")
    shown = []
    if doi and not is_arxiv_doi(doi):
        counts["doi_all"] += 1
        counts["doi_once"] += text.count(doi) == 1
        shown.append(text.count(doi))
    if arxiv:
        # The bench's synthetic DOIs hold the arXiv id ("10.5555/bibnorm-bench.<id>"):
        # the id printed inside the DOI is the DOI's printing, not the id's.
        text = text.replace(doi, "") if doi else text
        shown.append(text.count(arxiv))
        if entry_type == "misc":
            counts["arxiv_all"] += 1
            counts["arxiv_once"] += text.count(arxiv) == 1
    counts["repeated"] += any(count > 1 for count in shown)
    return counts


def _held(field: str, fields: dict[str, str], apis: FakeApis) -> bool:
    """Whether a source the run asked holds a value for the field ACM's warning names."""
    work = apis.crossref.works.get(fields.get("doi", "").casefold(), {})
    if field in ("address", "publisher"):
        return bool(work.get("publisher-location" if field == "address" else "publisher"))
    paper = apis.s2.index.by_key.get(f"arxiv:{fields.get('eprint', '')}".casefold(), {})
    title = title_key(fields.get("title", ""))
    dblp = (r for r in apis.dblp.records if r.get("pages") and title_key(r.get("title", "")) == title)
    return bool(work.get("page") or (paper.get("journal") or {}).get("pages") or next(dblp, None))


def _acm_wants(warnings: list[str], entries: dict[str, dict[str, str]], apis: FakeApis) -> Counter[str]:
    """ACM's warnings about address, publisher and pages, by field and whether a source holds it."""
    found: Counter[str] = Counter()
    for warning in warnings:
        match = _ACM_WANTS.match(warning)
        if match is None:
            continue
        field = match[1] or "pages"
        held = _held(field, entries.get(match[3], {}), apis)
        found[f"{field} {'held' if held else 'no source'}"] += 1
    return found


def measure(folder: Path, apis: FakeApis, inputs: list[str]) -> None:
    booktitles: dict[str, set[str]] = defaultdict(set)
    decorated = 0
    env = apis.env(folder / "cache")
    for style in BST:
        # A fresh file per style: a rewritten output keeps what the earlier one held that this
        # style's layout does not write (api/previous.py), which is not this style's output.
        (folder / "out.bib").unlink(missing_ok=True)
        with contextlib.chdir(folder):
            result = CliRunner().invoke(
                main, ["resolve", *inputs, "-q", "-o", "out.bib", "--bst", style], env=env
            )
        assert result.exit_code == 0, result.output
        parsed = bibtexparser.parse_string((folder / "out.bib").read_text("utf-8")).entries
        entries = {entry.key: {f.key.casefold(): str(f.value) for f in entry.fields} for entry in parsed}
        items, warnings = _bbl_items(folder, style)
        if style == BST[0]:
            published = sum(bool(_venue(fields)) for fields in entries.values())
            print(f"{len(entries)} entries, {published} of them published")
        counts: Counter[str] = Counter()
        for entry in parsed:
            fields = entries[entry.key]
            counts += _id_counts(entry.entry_type, fields, items.get(entry.key, ""))
            if style == BST[0] and "booktitle" in fields:
                venue = find_venue(fields["booktitle"])
                # One name per venue and year: CVPR's proceedings were "IEEE", then "IEEE/CVF" (2019).
                name = f"{venue.short} {fields.get('year')}" if venue else fields["booktitle"]
                booktitles[name].add(fields["booktitle"])
                decorated += bool(_DECORATION.search(fields["booktitle"]))
        per_ten = 10 * len(warnings) / max(len(entries), 1)
        print(
            f"{style:22} DOI once {counts['doi_once']}/{counts['doi_all']}  arXiv id once (preprints) "
            f"{counts['arxiv_once']}/{counts['arxiv_all']}  entries with an id twice+ {counts['repeated']}  "
            f"warnings {len(warnings)} ({per_ten:.1f} per 10 entries)"
        )
        if style == "ACM-Reference-Format":
            wants = _acm_wants(warnings, entries, apis)
            held = sum(n for kind, n in wants.items() if kind.endswith("held"))
            print(
                f"{'':22} address/publisher/pages warnings a source holds the data for: {held} "
                f"({10 * held / max(len(entries), 1):.1f} per 10 entries); by field: {sorted(wants.items())}"
            )
    _page_styles(folder, env, inputs, entries)
    many = {venue: len(names) for venue, names in booktitles.items() if len(names) > 1}
    print(
        f"booktitles with a city, date or year: {decorated}; "
        f"venues (and years) under more than one booktitle: {many}"
    )


def _resolve(folder: Path, env: dict[str, str], inputs: list[str], output: str, *args: str) -> str:
    (folder / output).unlink(missing_ok=True)
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["resolve", *inputs, "-q", "-o", output, *args], env=env)
    assert result.exit_code == 0, result.output
    return (folder / output).read_text("utf-8")


def _page_styles(
    folder: Path, env: dict[str, str], inputs: list[str], entries: dict[str, dict[str, str]]
) -> None:
    """biblatex (numeric, biber) and APA (pandoc --citeproc, CSL-JSON output): each entry's ids
    counted on the whole page, which names every DOI and arXiv id of one entry only."""
    biblatex = _resolve(folder, env, inputs, "out-biblatex.bib", "--format", "biblatex")
    (folder / "biblatex").mkdir(exist_ok=True)
    pages = {"biblatex": typeset_biblatex(folder / "biblatex", biblatex, "numeric")}
    (folder / "refs.json").write_text(
        _resolve(folder, env, inputs, "refs.json", "--format", "csl-json"), "utf-8"
    )
    (folder / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    csl = FIXTURES / "csl" / "styles" / "apa.csl"
    pandoc = ["pandoc", "--citeproc", "--bibliography", "refs.json", "--csl", str(csl), "--wrap=none"]
    apa = subprocess.run(
        [*pandoc, "-t", "plain", "doc.md"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    pages["APA (pandoc)"] = flat(apa.stdout)
    dois = [f["doi"] for f in entries.values() if f.get("doi") and not is_arxiv_doi(f["doi"])]
    preprints = [f["eprint"] for f in entries.values() if f.get("eprint") and not _venue(f)]
    for style, page in pages.items():
        # The bench's synthetic DOIs hold the arXiv id: an id inside a DOI is the DOI's printing.
        rest = page
        for doi in dois:
            rest = rest.replace(flat(doi), "")
        doi_once = sum(page.count(flat(doi)) == 1 for doi in dois)
        arxiv_once = sum(rest.count(arxiv) == 1 for arxiv in preprints)
        print(
            f"{style:22} DOI once {doi_once}/{len(dois)}  "
            f"arXiv id once (preprints) {arxiv_once}/{len(preprints)}"
        )


def _venue(fields: dict[str, str]) -> str:
    return fields.get("booktitle") or fields.get("journal") or ""


def main_(count: int) -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    chosen = [q.title for q in queries if q.title][:count]
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:
        folder = Path(tmp)
        titles, ids = folder / "titles.txt", folder / "gold-ids.txt"
        titles.write_text("".join(f"{title}\n" for title in chosen), encoding="utf-8")
        ids.write_text("".join(f"arXiv:{row['arxiv_id']}\n" for row in gold), encoding="utf-8")
        print(f"== five pages: {len(chosen)} titles")
        measure(folder, apis, [str(titles)])
        print(f"== dev gold: {len(gold)} papers by their arXiv ids")
        measure(folder, apis, [str(ids)])


if __name__ == "__main__":
    main_(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
