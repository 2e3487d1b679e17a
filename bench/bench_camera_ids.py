"""Camera-ready, round three: identifiers printed once, one name per venue, ACM's
warnings, per BibTeX style.

The first N titles of the five scraped pages (bench_camera's "complete + DOIs" world: the fakes'
real records, synthetic ones for the rest, publisher DOIs with their Crossref works) are resolved
by ``bibnorm resolve --bst STYLE`` against the test fakes on 127.0.0.1, once per style; real
``bibtex`` runs each style on its file and each entry's text in the ``.bbl`` is read.

Per style it prints: published entries whose publisher DOI the style prints exactly once,
preprints whose arXiv id it prints exactly once, entries printing an id more than once, and
BibTeX's warnings per 10 entries; and once: booktitles holding a city, a date or a year
(dblp's and Crossref's decorations) and table venues with more than one booktitle in a year.

Usage: ``python bench/bench_camera_ids.py [N]`` (default 60 titles; the whole five pages, 610,
take several minutes). Needs bibtex (texlive-publishers for IEEEtran, splncs04, ACM).
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import bibtexparser  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.identifiers import is_arxiv_doi  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.text.venues import find_venue  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

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


def measure(folder: Path, env: dict[str, str], titles: Path) -> None:
    booktitles: dict[str, set[str]] = defaultdict(set)
    decorated = 0
    for style in BST:
        with contextlib.chdir(folder):
            result = CliRunner().invoke(
                main, ["resolve", str(titles), "-q", "-o", "out.bib", "--bst", style], env=env
            )
        assert result.exit_code == 0, result.output
        entries = bibtexparser.parse_string((folder / "out.bib").read_text("utf-8")).entries
        items, warnings = _bbl_items(folder, style)
        doi_once = doi_all = arxiv_once = arxiv_all = repeated = 0
        for entry in entries:
            fields = {f.key.casefold(): str(f.value) for f in entry.fields}
            text = items.get(entry.key, "")
            doi = fields.get("doi", "")
            arxiv = fields.get("eprint", "")
            counts = []
            if doi and not is_arxiv_doi(doi):
                doi_all += 1
                doi_once += text.count(doi) == 1
                counts.append(text.count(doi))
            if arxiv:
                # The bench's synthetic DOIs hold the arXiv id ("10.5555/bibnorm-bench.<id>"):
                # the id printed inside the DOI is the DOI's printing, not the id's.
                text = text.replace(doi, "") if doi else text
                counts.append(text.count(arxiv))
                if entry.entry_type == "misc":
                    arxiv_all += 1
                    arxiv_once += text.count(arxiv) == 1
            repeated += any(count > 1 for count in counts)
            if style == BST[0] and "booktitle" in fields:
                venue = find_venue(fields["booktitle"])
                # One name per venue and year: CVPR's proceedings were "IEEE", then "IEEE/CVF" (2019).
                name = f"{venue.short} {fields.get('year')}" if venue else fields["booktitle"]
                booktitles[name].add(fields["booktitle"])
                decorated += bool(_DECORATION.search(fields["booktitle"]))
        per_ten = 10 * warnings / max(len(entries), 1)
        print(
            f"{style:22} DOI once {doi_once}/{doi_all}  arXiv id once (preprints) {arxiv_once}/{arxiv_all}"
            f"  entries with an id twice+ {repeated}  warnings/10 entries {per_ten:.1f}"
        )
    many = {venue: len(names) for venue, names in booktitles.items() if len(names) > 1}
    print(
        f"booktitles with a city, date or year: {decorated}; "
        f"venues (and years) under more than one booktitle: {many}"
    )


def main_(count: int) -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    chosen = [q.title for q in queries if q.title][:count]
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:
        folder = Path(tmp)
        titles = folder / "titles.txt"
        titles.write_text("".join(f"{title}\n" for title in chosen), encoding="utf-8")
        print(f"== {len(chosen)} titles of the five pages")
        measure(folder, apis.env(folder / "cache"), titles)


if __name__ == "__main__":
    main_(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
