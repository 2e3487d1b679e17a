"""Camera-ready, round three: identifiers printed once, one name per venue, ACM's
warnings, per BibTeX style.

The first N titles of the five scraped pages (bench_camera's "complete + DOIs" world: the fakes'
real records, synthetic ones for the rest, publisher DOIs with their Crossref works) are resolved
by ``bibnorm resolve --bst STYLE`` against the test fakes on 127.0.0.1, once per style; real
``bibtex`` runs each style on its file and each entry's text in the ``.bbl`` is read.

Per ``--style`` preset and style (the config naming both, as a user would): published entries whose
publisher DOI the style prints exactly once, preprints whose arXiv id it prints exactly once,
entries printing an id more than once, entries with an id that print none, BibTeX's warnings per
10 entries, ``bibnorm check``'s findings on the file and ``bibnorm verify``'s against the fakes
(BN721 on the synthetic 2029 ids counted apart, as bench_camera does); and once: booktitles
holding a city, a date or a year (dblp's and Crossref's decorations) and table venues with more
than one booktitle in a year. Then biblatex (biber, numeric) and APA (pandoc's citeproc on the
CSL-JSON output), typeset and read back: the same id figures.

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
from bibnorm.text.venues import find_venue  # noqa: E402
from bibtexparser.model import Entry  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from clients import flat, typeset_biblatex  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

PRESETS = ("bibnorm", "arxiv", "dblp", "google-scholar")
BST = ("plain", "abbrv", "plainnat", "unsrtnat", "IEEEtran", "splncs04", "ACM-Reference-Format")
_DECORATION = re.compile(
    r"\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\bUSA\b",
    re.IGNORECASE,
)


def _bbl_items(folder: Path, style: str) -> tuple[dict[str, str], int]:
    (folder / "doc.aux").write_text(f"\\citation{{*}}\n\\bibstyle{{{style}}}\n\\bibdata{{out}}\n", "utf-8")
    run = subprocess.run(
        ["bibtex", "doc"], cwd=folder, capture_output=True, text=True, timeout=300, check=False
    )
    bbl = (folder / "doc.bbl").read_text("utf-8")
    body = "\n".join(line for line in bbl.splitlines() if not line.lstrip().startswith("%"))
    items = re.split(r"\\bibitem(?:\[[^\]]*\]%?\s*)?\s*\{([^}]+)\}", body.replace("\\_", "_"))
    return dict(zip(items[1::2], items[2::2], strict=True)), run.stdout.count("Warning--")


class Ids(NamedTuple):
    """What an entry should show: its publisher DOI (published entries) or arXiv id (preprints)."""

    doi: str
    arxiv: str
    preprint: bool


def _ids_of(entries: list[Entry]) -> dict[str, Ids]:
    """Each entry's identifiers, by key, from bibnorm's own layout (the presets leave some out:
    Google Scholar's export has no DOI, dblp's keeps the arXiv id in a volume "abs/ID")."""
    ids = {}
    for entry in entries:
        fields = {f.key.casefold(): str(f.value) for f in entry.fields}
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


def measure(folder: Path, env: dict[str, str], titles: Path) -> dict[str, Ids]:
    """Every preset in every style: ids on the page, BibTeX's warnings, check and verify; and once,
    the booktitles of the default layout. Returns each entry's ids."""
    booktitles: dict[str, set[str]] = defaultdict(set)
    decorated = 0
    wanted: dict[str, Ids] = {}
    for preset, style in itertools.product(PRESETS, BST):
        (folder / "bibnorm.toml").write_text(f'style = "{preset}"\nbst = "{style}"\n', "utf-8")
        # A fresh file each time: resolve keeps what an earlier output holds and it would not write.
        (folder / "out.bib").unlink(missing_ok=True)
        with contextlib.chdir(folder):
            result = CliRunner().invoke(main, ["resolve", str(titles), "-q", "-o", "out.bib"], env=env)
        assert result.exit_code == 0, result.output
        entries = bibtexparser.parse_string((folder / "out.bib").read_text("utf-8")).entries
        items, warnings = _bbl_items(folder, style)
        wanted = wanted or _ids_of(entries)
        ids = _id_figures(entries, items, wanted)
        checked = _check_codes(folder, env)
        verified, synthetic = verify(folder, env, "out.bib")
        print(
            f"{preset:15} {style:21} DOI once {ids['doi_once']}/{ids['doi_all']}"
            f"  arXiv id once (preprints) {ids['arxiv_once']}/{ids['arxiv_all']}"
            f"  id twice+ {ids['repeated']}  no id shown {ids['unshown']}"
            f"  warnings/10 {10 * warnings / max(len(entries), 1):.1f}"
            f"  check {dict(checked)}  verify {dict(verified)} (+{synthetic} BN721 synthetic)"
        )
        if (preset, style) == (PRESETS[0], BST[0]):
            for entry in entries:
                fields = {f.key.casefold(): str(f.value) for f in entry.fields}
                if "booktitle" in fields:
                    venue = find_venue(fields["booktitle"])
                    # One name per venue and year: CVPR's proceedings were "IEEE", then "IEEE/CVF" (2019).
                    name = f"{venue.short} {fields.get('year')}" if venue else fields["booktitle"]
                    booktitles[name].add(fields["booktitle"])
                    decorated += bool(_DECORATION.search(fields["booktitle"]))
    many = {venue: len(names) for venue, names in booktitles.items() if len(names) > 1}
    print(
        f"booktitles with a city, date or year: {decorated}; "
        f"venues (and years) under more than one booktitle: {many}"
    )
    return wanted


def _page_figures(page: str, wanted: dict[str, Ids]) -> str:
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
    return (
        f"DOI once {doi_once}/{len(dois)}  arXiv id once (preprints) {arxiv_once}/{len(preprints)}"
        f"  id twice+ {repeated}  no id shown {unshown}"
    )


def measure_typeset(folder: Path, env: dict[str, str], titles: Path, wanted: dict[str, Ids]) -> None:
    """biblatex (biber, numeric) and APA (pandoc's citeproc) typeset, their text read back."""
    for name, args in (
        ("biblatex", ["-f", "biblatex", "-o", "out-biblatex.bib"]),
        ("APA", ["-o", "out.json"]),
    ):
        with contextlib.chdir(folder):
            result = CliRunner().invoke(main, ["resolve", str(titles), "-q", *args], env=env)
        assert result.exit_code == 0, result.output
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            if name == "biblatex":
                page = typeset_biblatex(
                    Path(tmp), (folder / "out-biblatex.bib").read_text("utf-8"), "numeric"
                )
            else:
                page = _apa_page(Path(tmp), folder / "out.json")
        print(f"{'-':15} {name:21} {_page_figures(page, wanted)}")


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
        wanted = measure(folder, apis.env(folder / "cache"), titles)
        measure_typeset(folder, apis.env(folder / "cache"), titles, wanted)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main_(int(arguments[0]) if arguments and arguments[0].isdigit() else 60, "--gold" in arguments)
