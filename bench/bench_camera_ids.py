"""Camera-ready, round three: identifiers printed once, one name per venue, ACM's
warnings, per BibTeX style.

The first N titles of the five scraped pages (bench_camera's "complete + DOIs" world: the fakes'
real records, synthetic ones for the rest, publisher DOIs with their Crossref works) are resolved
by ``bibnorm resolve`` against the test fakes on 127.0.0.1, once per ``--style`` preset and BibTeX
style (the config naming both, as a user would) into a fresh file; real ``bibtex`` runs each style
on its file and each entry's text in the ``.bbl`` is read.

Per preset and style: published entries whose publisher DOI the style prints exactly once,
preprints whose arXiv id it prints exactly once, entries printing an id more than once, entries
with an id that print none, BibTeX's warnings (count and per 10 entries), ``bibnorm check``'s
findings on the file and ``bibnorm verify``'s against the fakes (BN721 on the synthetic 2029 ids
counted apart, as bench_camera does). For ACM-Reference-Format each warning about a field it
wants (address, publisher, pages) is sorted by whether a source the run asked holds a value for
it (the Crossref work of the entry's DOI: ``publisher-location``, ``publisher``, ``page``; the
Semantic Scholar record's ``journal.pages``; dblp's record: ``pages``): "held" warnings are
bibnorm's to fix, "no source holds the data" ones are not. Once: the entries and how many are
published; booktitles holding a city, a date or a year (dblp's and Crossref's decorations) and
table venues with more than one booktitle in a year; the same id figures when one output file is
rewritten with each style in turn (the bibnorm preset), as a user switching ``--bst`` does. Then
biblatex (biber, numeric) and APA (pandoc's citeproc on the CSL-JSON output), typeset and read
back: the same id figures.

Usage: ``python bench/bench_camera_ids.py [N]`` (default 60 titles; the whole five pages, 610,
take several minutes); ``python bench/bench_camera_ids.py --gold``: the 177 dev gold papers, asked
by their arXiv ids, in the same world. Needs bibtex (texlive-publishers for IEEEtran, splncs04, ACM).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import bibtexparser  # noqa: E402
from bench_camera import verify  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.identifiers import is_arxiv_doi  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from bibnorm.text.venues import find_venue  # noqa: E402
from bibtexparser.model import Entry  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from clients import flat, typeset_biblatex  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import FakeApis, running_fakes, synthetic_completion  # noqa: E402

PRESETS = ("bibnorm", "arxiv", "dblp", "google-scholar")
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


class Ids(NamedTuple):
    """What an entry should show: its publisher DOI (published entries) or arXiv id (preprints)."""

    doi: str
    arxiv: str
    preprint: bool


def _fields(entry: Entry) -> dict[str, str]:
    return {f.key.casefold(): str(f.value) for f in entry.fields}


def _ids_of(entries: list[Entry]) -> dict[str, Ids]:
    """Each entry's identifiers, by key, from bibnorm's own layout (the presets leave some out:
    Google Scholar's export has no DOI, dblp's keeps the arXiv id in a volume "abs/ID")."""
    ids = {}
    for entry in entries:
        fields = _fields(entry)
        doi = fields.get("doi", "")
        ids[entry.key] = Ids(
            "" if is_arxiv_doi(doi) else doi, fields.get("eprint", ""), entry.entry_type == "misc"
        )
    return ids


def _id_figures(entries: list[Entry], items: dict[str, str], wanted: dict[str, Ids]) -> dict[str, int]:
    """Per file: published entries printing their publisher DOI once, preprints printing their arXiv
    id once, entries printing an id twice or more, entries with an id that print none of theirs."""
    counts = dict.fromkeys(("doi_once", "doi_all", "arxiv_once", "arxiv_all", "repeated", "unshown"), 0)
    for entry in entries:
        ids = wanted.get(entry.key, Ids("", "", False))
        text = items.get(entry.key, "")
        shown = []
        if ids.doi:
            counts["doi_all"] += 1
            counts["doi_once"] += text.count(ids.doi) == 1
            shown.append(text.count(ids.doi))
        if ids.arxiv:
            # The bench's synthetic DOIs hold the arXiv id ("10.5555/bibnorm-bench.<id>"):
            # the id printed inside the DOI is the DOI's printing, not the id's.
            text = text.replace(ids.doi, "") if ids.doi else text
            shown.append(text.count(ids.arxiv))
            if ids.preprint:
                counts["arxiv_all"] += 1
                counts["arxiv_once"] += text.count(ids.arxiv) == 1
        counts["repeated"] += any(count > 1 for count in shown)
        counts["unshown"] += bool(shown) and not any(shown)
    return counts


def _check_codes(folder: Path, env: dict[str, str]) -> Counter[str]:
    """``bibnorm check`` on the output (the config names the preset, so BN602 expects its layout)."""
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["check", "--json", "out.bib"], env=env)
    return Counter(finding["code"] for finding in json.loads(result.stdout))


def _held(field: str, fields: dict[str, str], apis: FakeApis) -> bool:
    """Whether a source the run asked holds a value for the field ACM's warning names."""
    work = apis.crossref.works.get(fields.get("doi", "").casefold(), {})
    if field in ("address", "publisher"):
        return bool(work.get("publisher-location" if field == "address" else "publisher"))
    paper = apis.s2.index.by_key.get(f"arxiv:{fields.get('eprint', '')}".casefold(), {})
    title = title_key(fields.get("title", ""))
    dblp = (r for r in apis.dblp.records if r.get("pages") and title_key(r.get("title", "")) == title)
    return bool(work.get("page") or (paper.get("journal") or {}).get("pages") or next(dblp, None))


def _acm_wants(warnings: list[str], entries: list[Entry], apis: FakeApis) -> str:
    """ACM's warnings about address, publisher and pages, by field and whether a source holds it."""
    by_key = {entry.key: _fields(entry) for entry in entries}
    found: Counter[str] = Counter()
    for warning in warnings:
        match = _ACM_WANTS.match(warning)
        if match is None:
            continue
        field = match[1] or "pages"
        source_holds = _held(field, by_key.get(match[3], {}), apis)
        found[f"{field} {'held' if source_holds else 'no source'}"] += 1
    held = sum(n for kind, n in found.items() if kind.endswith("held"))
    return (
        f"address/publisher/pages warnings a source holds the data for: {held} "
        f"({10 * held / max(len(entries), 1):.1f} per 10 entries); by field: {sorted(found.items())}"
    )


def _resolve_bibtex(
    folder: Path, env: dict[str, str], titles: Path, preset: str, style: str
) -> tuple[list[Entry], dict[str, str], list[str]]:
    """``bibnorm resolve`` into out.bib with the config naming preset and style, then ``bibtex``."""
    (folder / "bibnorm.toml").write_text(f'style = "{preset}"\nbst = "{style}"\n', "utf-8")
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["resolve", str(titles), "-q", "-o", "out.bib"], env=env)
    assert result.exit_code == 0, result.output
    entries = bibtexparser.parse_string((folder / "out.bib").read_text("utf-8")).entries
    return entries, *_bbl_items(folder, style)


def _id_line(ids: dict[str, int]) -> str:
    return (
        f"DOI once {ids['doi_once']}/{ids['doi_all']}"
        f"  arXiv id once (preprints) {ids['arxiv_once']}/{ids['arxiv_all']}"
        f"  id twice+ {ids['repeated']}  no id shown {ids['unshown']}"
    )


def measure(folder: Path, apis: FakeApis, titles: Path) -> dict[str, Ids]:
    """Every preset in every style: ids on the page, BibTeX's warnings (ACM's sorted by whether a
    source holds the value), check and verify; and once, the default layout's entries and
    booktitles. Returns each entry's ids."""
    env = apis.env(folder / "cache")
    wanted: dict[str, Ids] = {}
    for preset, style in itertools.product(PRESETS, BST):
        # A fresh file each time: resolve keeps what an earlier output holds and it would not write.
        (folder / "out.bib").unlink(missing_ok=True)
        entries, items, warnings = _resolve_bibtex(folder, env, titles, preset, style)
        if not wanted:
            wanted = _ids_of(entries)
            _print_entries_and_booktitles(entries)
        checked = _check_codes(folder, env)
        verified, synthetic = verify(folder, env, "out.bib")
        print(
            f"{preset:15} {style:21} {_id_line(_id_figures(entries, items, wanted))}"
            f"  warnings {len(warnings)} ({10 * len(warnings) / max(len(entries), 1):.1f} per 10)"
            f"  check {dict(checked)}  verify {dict(verified)} (+{synthetic} BN721 synthetic)"
        )
        if style == "ACM-Reference-Format":
            print(f"{'':37} {_acm_wants(warnings, entries, apis)}")
    return wanted


def measure_rewrite(folder: Path, env: dict[str, str], titles: Path, wanted: dict[str, Ids]) -> None:
    """One output rewritten with each style in turn, as a user switching ``--bst`` does: what the
    earlier run wrote for its style must not make this style print an id twice."""
    (folder / "out.bib").unlink(missing_ok=True)
    for style in BST:
        entries, items, _ = _resolve_bibtex(folder, env, titles, PRESETS[0], style)
        print(f"{'rewritten':15} {style:21} {_id_line(_id_figures(entries, items, wanted))}")


def measure_default(folder: Path, env: dict[str, str], titles: Path, wanted: dict[str, Ids]) -> None:
    """One output in bibnorm's default layout (no --bst, no --doi-link) typeset by every style:
    each id where every common style prints it once."""
    (folder / "out.bib").unlink(missing_ok=True)
    (folder / "bibnorm.toml").unlink(missing_ok=True)
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["resolve", str(titles), "-q", "-o", "out.bib"], env=env)
    assert result.exit_code == 0, result.output
    entries = bibtexparser.parse_string((folder / "out.bib").read_text("utf-8")).entries
    for style in (*BST, "apalike"):
        items, warnings = _bbl_items(folder, style)
        figures = _id_line(_id_figures(entries, items, wanted))
        print(f"{'default':15} {style:21} {figures}  warnings {len(warnings)}")
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        page = typeset_biblatex(Path(tmp), (folder / "out.bib").read_text("utf-8"), "numeric")
    print(f"{'default':15} {'biber (BibTeX file)':21} {_id_line(_page_figures(page, wanted))}")


def _print_entries_and_booktitles(entries: list[Entry]) -> None:
    """How many entries and published ones; booktitles with a city, date or year, and venues (and
    years) under more than one booktitle."""
    booktitles: dict[str, set[str]] = defaultdict(set)
    decorated = published = 0
    for entry in entries:
        fields = _fields(entry)
        published += bool(fields.get("booktitle") or fields.get("journal"))
        if "booktitle" in fields:
            venue = find_venue(fields["booktitle"])
            # One name per venue and year: CVPR's proceedings were "IEEE", then "IEEE/CVF" (2019).
            name = f"{venue.short} {fields.get('year')}" if venue else fields["booktitle"]
            booktitles[name].add(fields["booktitle"])
            decorated += bool(_DECORATION.search(fields["booktitle"]))
    many = {venue: len(names) for venue, names in booktitles.items() if len(names) > 1}
    print(
        f"{len(entries)} entries, {published} of them published; "
        f"booktitles with a city, date or year: {decorated}; "
        f"venues (and years) under more than one booktitle: {many}"
    )


def _page_figures(page: str, wanted: dict[str, Ids]) -> dict[str, int]:
    """A typeset page's text (`flat`) read for each entry's ids: DOIs printed once, preprints' arXiv
    ids printed once, entries printing an id twice or more, entries with an id showing none."""
    dois = [ids.doi for ids in wanted.values() if ids.doi]
    without_dois = functools.reduce(lambda text, doi: text.replace(flat(doi), ""), dois, page)
    doi_once = sum(page.count(flat(doi)) == 1 for doi in dois)
    preprints = [ids.arxiv for ids in wanted.values() if ids.preprint and ids.arxiv]
    arxiv_once = sum(without_dois.count(arxiv) == 1 for arxiv in preprints)
    repeated = unshown = 0
    for ids in wanted.values():
        counts = [page.count(flat(ids.doi))] if ids.doi else []
        counts += [without_dois.count(ids.arxiv)] if ids.arxiv else []
        repeated += any(count > 1 for count in counts)
        unshown += bool(counts) and not any(counts)
    return {
        "doi_once": doi_once,
        "doi_all": len(dois),
        "arxiv_once": arxiv_once,
        "arxiv_all": len(preprints),
        "repeated": repeated,
        "unshown": unshown,
    }


def measure_typeset(folder: Path, env: dict[str, str], titles: Path, wanted: dict[str, Ids]) -> None:
    """biblatex (biber, numeric and authoryear) and APA (pandoc's citeproc) typeset, their text
    read back."""
    for name, args in (
        ("biblatex", ["-f", "biblatex", "-o", "out-biblatex.bib"]),
        ("biblatex authoryear", ["-f", "biblatex", "-o", "out-biblatex.bib"]),
        ("APA", ["-o", "out.json"]),
    ):
        with contextlib.chdir(folder):
            result = CliRunner().invoke(main, ["resolve", str(titles), "-q", *args], env=env)
        assert result.exit_code == 0, result.output
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            if name.startswith("biblatex"):
                page = typeset_biblatex(
                    Path(tmp),
                    (folder / "out-biblatex.bib").read_text("utf-8"),
                    "authoryear" if name.endswith("authoryear") else "numeric",
                )
            else:
                page = _apa_page(Path(tmp), folder / "out.json")
        print(f"{'-':15} {name:21} {_id_line(_page_figures(page, wanted))}")


def _apa_page(folder: Path, items: Path) -> str:
    (folder / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    csl = ROOT / "fixtures" / "csl" / "styles" / "apa.csl"
    args = ["pandoc", "--citeproc", "--bibliography", str(items), "--csl", str(csl), "--wrap=none"]
    result = subprocess.run(
        [*args, "-t", "plain", "doc.md"], cwd=folder, capture_output=True, text=True, check=True
    )
    return flat(result.stdout)


def main_(count: int, gold: bool) -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    if gold:
        rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
        lines, name = [f"arXiv:{row['arxiv_id']}" for row in rows], "dev gold papers, by arXiv id"
    else:
        lines, name = [q.title for q in queries if q.title][:count], "titles of the five pages"
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:
        folder = Path(tmp)
        titles = folder / "titles.txt"
        titles.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        print(f"== {len(lines)} {name}")
        wanted = measure(folder, apis, titles)
        measure_rewrite(folder, apis.env(folder / "cache"), titles, wanted)
        measure_default(folder, apis.env(folder / "cache"), titles, wanted)
        measure_typeset(folder, apis.env(folder / "cache"), titles, wanted)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main_(int(arguments[0]) if arguments and arguments[0].isdigit() else 60, "--gold" in arguments)
