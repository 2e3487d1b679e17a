"""Benchmark the dblp index at dblp scale: build speed, peak memory, size, and lookups.

The dump is written in dblp's format (`tests/fakes/dblp_dump.py`: ISO-8859-1, the DTD's named
entities, one element per record and per field) from real material recombined: titles from
the real titles of ``dev-gold.jsonl``, ``dev-snapshot.jsonl`` and the recorded dblp search
answer (about half their words replaced by words of the same titles), author names from the
same records (accents written as entities, one in fifteen with a homonym number), dblp's venue
spellings, pages, volumes, DOI links. Its mix follows the real dump's shape: per 100 records
42 conference papers (each pointing to its proceedings with ``crossref``), 28 journal
articles, 12 CoRR listings (``publtype="informal"``, arXiv links), 12 person pages (``www``),
2 chapters, 2 theses, 1 book and 1 withdrawn article; one ``proceedings`` record per venue and
year. The dump's elements are all counted; the index keeps articles, papers, chapters and
books (records) and proceedings.

Each stage runs in its own process, so its peak RSS is its own:

- **build**: `build_dblp_index` over the dump with the default worker count (one per core);
  records indexed per second of wall time, the CPU time of all its processes (records per
  CPU-second do not move with the machine's load; twice that bounds a 2-core machine's rate),
  the peak RSS of the building process and of its largest worker (and their sum, an upper
  bound of what the build held at once), index bytes per record;
- **lookup**: 10,000 papers (half titled as a record of the dump with its authors, half
  absent) through the dblp enricher on the index alone: papers/s, peak RSS, and how many got a
  publication that is not the record they were made from (a wrong match).

    python bench/bench_dblp_index.py                        # 200,000 records
    python bench/bench_dblp_index.py --records 1000000      # the issue's scale
    python bench/bench_dblp_index.py --records 1000000 --keep /tmp/dblp-bench   # keep and reuse the dump

Targets: at least 20,000 records/s on 2 cores, at most 1 GB peak, at most 300
bytes a record.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fakes.dblp_dump import DTD, escape  # noqa: E402

SHARED = ROOT / "fixtures" / "shared" / "reference"
GOLD = SHARED / "dev-gold.jsonl"
DEV_SNAPSHOT = SHARED / "dev-snapshot.jsonl"
DBLP_SAMPLE = SHARED / "api-samples" / "dblp" / "search-publ-json-q-test-30-hits-2019.json"
LOOKUPS = 10_000
# dblp's venue spellings (its short booktitles and journal abbreviations).
CONFERENCES = [
    "CVPR", "ICCV", "ECCV (12)", "NeurIPS", "ICML", "ICLR", "KDD", "AAAI", "WACV", "ACL (1)",
    "ACM Multimedia", "CVPR Workshops", "Asian Test Symposium", "DATE", "SPIRE", "EMNLP", "IJCAI",
    "SIGIR", "WWW", "ICRA", "IROS", "INTERSPEECH", "ICASSP", "MICCAI (3)", "BMVC",
]  # fmt: skip
JOURNALS = [
    "IEEE Trans. Pattern Anal. Mach. Intell.", "Trans. Mach. Learn. Res.", "J. Mach. Learn. Res.",
    "Softw. Test., Verif. Reliab.", "J. Electronic Testing", "Commun. ACM", "Neural Comput.",
    "IEEE Trans. Image Process.", "Int. J. Comput. Vis.", "Artif. Intell.",
]  # fmt: skip
_TEX = re.compile(r"[\\$^_{}~]")
MIX = (
    ["inproceedings"] * 42 + ["article"] * 28 + ["corr"] * 12 + ["www"] * 12
    + ["incollection"] * 2 + ["phdthesis"] * 2 + ["book"] * 1 + ["withdrawn"] * 1
)  # fmt: skip


class Corpus:
    """The real titles and names records are recombined from."""

    def __init__(self) -> None:
        titles: list[str] = []
        names: list[str] = []
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            titles.append(row["title"])
            names += row.get("authors") or []
        for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            titles.append(" ".join(row["title"].split()))
            for family, given, *_ in row.get("authors_parsed") or []:
                names.append(f"{given} {family}".strip())
        for hit in json.loads(DBLP_SAMPLE.read_text(encoding="utf-8"))["result"]["hits"]["hit"]:
            titles.append(hit["info"]["title"].removesuffix("."))
            authors = hit["info"]["authors"]["author"]
            names += [authors] if isinstance(authors, str) else authors
        # dblp's titles are Unicode text: words carrying TeX (arXiv's "$\\alpha$") are left out.
        words = [[w for w in title.split() if not _TEX.search(w)] for title in titles]
        self.shapes = [shape for shape in words if shape]
        self.words = sorted({w for shape in self.shapes for w in shape})
        self.names = sorted({" ".join(n.split()) for n in names if n.strip()})

    def title(self, rng: random.Random) -> str:
        shape = rng.choice(self.shapes)
        words = [w if rng.random() < 0.5 else rng.choice(self.words) for w in shape]
        return " ".join(words).rstrip(".") + "."

    def authors(self, rng: random.Random) -> list[str]:
        chosen = rng.sample(self.names, rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8)))
        return [f"{name} {rng.randrange(1, 40):04d}" if rng.random() < 1 / 15 else name for name in chosen]


def _key_name(authors: list[str], serial: int) -> str:
    return "".join(re.sub(r"[^A-Za-z]", "", a.split()[-1])[:1] or "X" for a in authors) + str(serial)


def write_dump(path: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """A dump of ``count`` records at ``path``; returns a sample of its titled records (for lookups)."""
    rng = random.Random(seed)
    corpus = Corpus()
    sample: list[dict[str, Any]] = []
    volumes: set[tuple[str, int]] = set()
    with gzip.open(path, "wt", encoding="latin-1", compresslevel=6, newline="\n") as out:
        out.write('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
        for serial in range(count):
            kind = MIX[serial % len(MIX)]
            year = rng.randrange(1990, 2025)
            mdate = f"{rng.randrange(2015, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            if kind == "www":
                name = rng.choice(corpus.names)
                out.write(
                    f'<www mdate="{mdate}" key="homepages/{serial % 97}/{serial}">\n'
                    f"<author>{escape(name)}</author>\n<title>Home Page</title>\n</www>\n"
                )
                continue
            authors = corpus.authors(rng)
            title = corpus.title(rng)
            lines = [f"<author>{escape(a)}</author>" for a in authors] + [f"<title>{escape(title)}</title>"]
            first = rng.randrange(1, 900)
            pages = f"<pages>{first}-{first + rng.randrange(3, 15)}</pages>"
            doi = f"<ee>https://doi.org/10.{rng.randrange(1000, 9999)}/{serial:x}.{year}</ee>"
            attributes = ""
            if kind in ("inproceedings", "incollection"):
                venue = rng.choice(CONFERENCES)
                stem = re.sub(r"[^a-z]", "", venue.lower())[:8]
                tag, key = kind, f"conf/{stem}/{_key_name(authors, serial)}"
                lines += [pages, f"<year>{year}</year>", f"<booktitle>{escape(venue)}</booktitle>", doi]
                lines.append(f"<crossref>conf/{stem}/{year}</crossref>")
                if (stem, year) not in volumes:
                    volumes.add((stem, year))
                    out.write(
                        f'<proceedings mdate="{mdate}" key="conf/{stem}/{year}">\n'
                        f"<editor>{escape(rng.choice(corpus.names))}</editor>\n"
                        f"<title>Proceedings of {escape(venue)} {year}, Somewhere, {year}</title>\n"
                        f"<booktitle>{escape(venue)}</booktitle>\n<publisher>IEEE</publisher>\n"
                        f"<year>{year}</year>\n</proceedings>\n"
                    )
            elif kind == "corr":
                number = f"{year % 100:02d}{rng.randrange(1, 13):02d}.{serial % 100000:05d}"
                tag, key, attributes = (
                    "article",
                    f"journals/corr/abs-{number.replace('.', '-')}",
                    ' publtype="informal"',
                )
                lines += [
                    "<journal>CoRR</journal>",
                    f"<volume>abs/{number}</volume>",
                    f"<year>{year}</year>",
                    f'<ee type="oa">https://arxiv.org/abs/{number}</ee>',
                ]
            elif kind in ("phdthesis", "book"):
                tag, key = kind, f"{'phd' if kind == 'phdthesis' else 'books'}/x/{_key_name(authors, serial)}"
                lines += [
                    f"<year>{year}</year>",
                    "<publisher>Springer</publisher>" if kind == "book" else "<school>Univ.</school>",
                ]
            else:
                journal = rng.choice(JOURNALS)
                tag, key = (
                    "article",
                    f"journals/{re.sub(r'[^a-z]', '', journal.lower())[:6]}/{_key_name(authors, serial)}",
                )
                attributes = ' publtype="withdrawn"' if kind == "withdrawn" else ""
                lines += [
                    pages,
                    f"<year>{year}</year>",
                    f"<volume>{rng.randrange(1, 60)}</volume>",
                    f"<journal>{escape(journal)}</journal>",
                    f"<number>{rng.randrange(1, 13)}</number>",
                    doi,
                ]
            out.write(
                f'<{tag} mdate="{mdate}" key="{key}"{attributes}>\n' + "\n".join(lines) + f"\n</{tag}>\n"
            )
            if kind in ("inproceedings", "article") and len(sample) < LOOKUPS // 2 and rng.random() < 0.02:
                sample.append({"title": title, "authors": authors, "year": year, "key": key})
        out.write("</dblp>\n")
    (path.parent / "dblp.dtd").write_bytes(DTD.read_bytes())
    return sample


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def stage_build(dump: Path, index: Path) -> dict[str, Any]:
    from bibnorm.resolvers.dblp_index import build_dblp_index

    index.unlink(missing_ok=True)
    started = time.perf_counter()
    stats = build_dblp_index(dump, index)
    seconds = time.perf_counter() - started
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "records": stats.records,
        "proceedings": stats.proceedings,
        "elements": sum(stats.elements.values()),
        "seconds": seconds,
        "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
        "bytes": index.stat().st_size,
        "rss": peak_rss_mib(),
        "worker_rss": peak_rss_mib(resource.RUSAGE_CHILDREN),
    }


def stage_lookup(index: Path, papers_file: Path) -> dict[str, Any]:
    from bibnorm.models import Identifiers, PartialDate, Reference
    from bibnorm.resolvers.dblp import DblpEnricher
    from bibnorm.resolvers.dblp_index import DblpIndex
    from bibnorm.text.names import parse_name

    papers = json.loads(papers_file.read_text(encoding="utf-8"))
    references = {
        n: Reference(
            title=paper["title"].removesuffix("."),
            authors=tuple(parse_name(re.sub(r"\s+\d{4}$", "", a)) for a in paper["authors"]),
            first_version=PartialDate(year=paper["year"]),
            ids=Identifiers(arxiv_id=f"2401.{n:05d}"),
            primary_class="cs.LG",
        )
        for n, paper in enumerate(papers)
    }
    with DblpIndex(index) as dblp:
        enricher = DblpEnricher(index=dblp, online=False)
        started = time.perf_counter()
        answers = enricher.enrich(references)
        seconds = time.perf_counter() - started
    found = wrong = 0
    for n, paper in enumerate(papers):
        answer = answers.get(n)
        if answer is not None and answer.candidates:
            found += 1
            wrong += answer.candidates[0].reference.ids.dblp != paper["key"]
    return {"papers": len(papers), "seconds": seconds, "found": found, "wrong": wrong, "rss": peak_rss_mib()}


def run_stage(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", *args], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def lookup_papers(sample: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """The sample's papers, plus as many absent ones (a word of the title replaced)."""
    rng = random.Random(seed + 1)
    absent = []
    for paper in sample:
        words = paper["title"].split()
        words[rng.randrange(len(words))] = "Unheardofword" + str(rng.randrange(10**6))
        absent.append({**paper, "title": " ".join(words), "key": None})
    return sample + absent


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="records to write into the dump")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the dump and the index in")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, *paths = args.stage
        stage = {"build": stage_build, "lookup": stage_lookup}[name]
        print(json.dumps(stage(*map(Path, paths))))
        return
    with tempfile.TemporaryDirectory(prefix="bench-dblp-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        dump = folder / f"dblp-{args.records}-{args.seed}.xml.gz"
        papers = folder / f"papers-{args.records}-{args.seed}.json"
        index = folder / "dblp.sqlite"
        took = 0.0
        if not (dump.exists() and papers.exists()):
            started = time.perf_counter()
            papers.write_text(json.dumps(lookup_papers(write_dump(dump, args.records, args.seed), args.seed)))
            took = time.perf_counter() - started
        build = run_stage("build", str(dump), str(index))
        lookup = run_stage("lookup", str(index), str(papers))
        b, found = build, lookup
        rows = [
            ("dump", f"{b['elements']:,} records in dblp's format, "
             f"{dump.stat().st_size / 2**20:,.0f} MiB gzip ({took:.0f} s to write)"),
            ("build", f"{b['records']:,} records and {b['proceedings']:,} proceedings indexed in "
             f"{b['seconds']:.1f} s = {b['records'] / b['seconds']:,.0f} records/s "
             f"({b['elements'] / b['seconds']:,.0f} dump records/s)"),
            ("  CPU time", f"{b['cpu']:.1f} s in all processes = {b['records'] / b['cpu']:,.0f} records "
             f"per CPU-second (2 idle cores: at most {2 * b['records'] / b['cpu']:,.0f}/s)"),
            ("  peak RSS", f"{b['rss']:.0f} MiB building, {b['worker_rss']:.0f} MiB the largest worker "
             f"(at most {b['rss'] + 2 * b['worker_rss']:.0f} MiB with two workers)"),
            ("index size", f"{b['bytes'] / 2**20:,.1f} MiB = {b['bytes'] / b['records']:,.0f} bytes/record"),
            ("lookups", f"{found['papers']:,} papers in {found['seconds']:.2f} s = "
             f"{found['papers'] / found['seconds']:,.0f} papers/s, peak RSS {found['rss']:.0f} MiB"),
            ("  outcome", f"{found['found']:,} publications found for {found['papers'] // 2:,} "
             f"present papers, {found['wrong']} wrong"),
        ]  # fmt: skip
        if not args.keep:
            index.unlink()
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
