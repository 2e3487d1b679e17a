"""Benchmark the snapshot index at arXiv scale: build speed and size, matching speed, memory.

Records are real ones recombined, so their shape is arXiv's: the 177 verified records of
``shared/reference/dev-snapshot.jsonl`` and the first 100 lines of the real Kaggle dump give
the title words (plus coined model names, as arXiv titles have), the abstracts (whole real
sentences up to a real abstract's length), 2–30 author names, categories, 1–4 versions with
RFC 1123 dates, comments, journal references and DOIs; every text is hard-wrapped as in the
dump. The real records themselves are appended, so the five scraped pages' 610 distinct titles
can resolve and be checked against dev-gold.

Each stage runs in its own process, so its peak RSS is its own:

- **build**: `build_index` over the file; records/s, index bytes per record (and the same
  figure without the compressed lines, from the index's own accounting);
- **floor**: a plain loop over the same file (orjson + ``executemany`` into one table and a
  contentless FTS5 table of the raw titles, no cleaning), the least any build can cost; the
  build's time is printed as a ratio of it;
- **pages**: the 610 distinct page titles through `pipeline.run` with the snapshot alone, offline;
- **mixed**: 10,000 titles (40 % present as written, 30 % perturbed by a typo, a changed case
  or punctuation, or a dropped word, 30 % absent) through `pipeline.run`; titles/s, peak RSS,
  and how many resolved to a record with another title (a wrong match).

    python bench/bench_snapshot.py                      # 200,000 records, about 2 minutes
    python bench/bench_snapshot.py --records 1000000    # about 8 minutes
    python bench/bench_snapshot.py --records 2800000 --keep /tmp/arxiv-bench   # the full scale

``--keep DIR`` keeps the generated snapshot and the index there (and reuses a snapshot of the
same size and seed), so stages can be re-run.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import orjson

SHARED = Path(__file__).resolve().parents[1] / "fixtures" / "shared"  # see tests/paths.py
PAGES = sorted((SHARED / "inputs" / "hf-papers").glob("*.txt"))
DEV_SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"
KAGGLE_SAMPLE = (
    SHARED / "reference" / "api-samples" / "snapshot" / "arxiv-metadata-oai-snapshot.first-100-lines.jsonl"
)
DEV_GOLD = SHARED / "reference" / "dev-gold.jsonl"
# Real arXiv categories, weighted roughly as the full snapshot has them.
CATEGORIES = (
    ["cs.CV"] * 8 + ["cs.LG"] * 10 + ["cs.CL"] * 6 + ["cs.AI"] * 4 + ["stat.ML"] * 3 + ["cs.RO"] * 2
    + ["hep-ph"] * 5 + ["hep-th"] * 5 + ["astro-ph.GA"] * 3 + ["astro-ph.CO"] * 3 + ["quant-ph"] * 6
    + ["cond-mat.mes-hall"] * 3 + ["cond-mat.str-el"] * 2 + ["math.CO"] * 3 + ["math.AP"] * 3
    + ["math.PR"] * 2 + ["physics.optics"] * 2 + ["eess.IV", "eess.SP", "q-bio.NC", "econ.EM", "gr-qc"]
)  # fmt: skip
OLD_ARCHIVES = ["hep-th", "hep-ph", "astro-ph", "cond-mat", "math", "quant-ph", "gr-qc"]
MIXED_TITLES = 10_000
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "tu",
    "vo",
    "si",
    "de",
    "ga",
    "bo",
    "ze",
    "fi",
    "nu",
    "pa",
    "ri",
    "co",
]


# --- realistic records ----------------------------------------------------------------------


class Corpus:
    """The real material records are recombined from."""

    def __init__(self) -> None:
        real = [orjson.loads(line) for path in (DEV_SNAPSHOT, KAGGLE_SAMPLE) for line in path.open("rb")]
        titles = [" ".join(r["title"].split()) for r in real]
        self.real_ids = {r["id"] for r in real}
        self.real_keys = {_plain_key(t) for t in titles}
        self.title_shapes = [t.split() for t in titles]
        counts = collections.Counter(w for t in titles for w in t.split())
        abstracts = [" ".join(r["abstract"].split()) for r in real if r.get("abstract")]
        counts.update(w.strip(".,;:()") for a in abstracts for w in a.split() if w.isalpha())
        self.words = list(counts)
        self.cumulative = list(itertools.accumulate(counts.values()))
        self.sentences = [s for a in abstracts for s in _SENTENCE.split(a)]
        self.abstract_lengths = [len(a) for a in abstracts]
        self.names: list[tuple[str, str]] = []
        for r in real:
            for family, given, *_ in r.get("authors_parsed") or []:
                self.names.append((family, given))
            if not r.get("authors_parsed"):
                for name in (r.get("authors") or "").replace(" and ", ", ").split(", "):
                    given, _, family = name.strip().rpartition(" ")
                    if given and family:
                        self.names.append((family, given))
        self.comments = [r["comments"] for r in real if r.get("comments")]
        self.journal_refs = [r["journal-ref"] for r in real if r.get("journal-ref")]

    def title(self, rng: random.Random) -> str:
        """A real title's shape with about half its words (at least one) replaced from the real
        vocabulary; never a real title again (those are the ones the benchmark looks up)."""
        while True:
            shape = rng.choice(self.title_shapes)
            fresh = rng.choices(self.words, cum_weights=self.cumulative, k=len(shape))
            keep = [rng.random() < 0.5 for _ in shape]
            keep[rng.randrange(len(shape))] = False
            words = [w if kept else new for w, new, kept in zip(shape, fresh, keep, strict=True)]
            if rng.random() < 0.35:  # "Name: what it does", names coined per paper
                name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize()
                words = [name + rng.choice(["", "Net", "-2", "GPT", "Former"]) + ":", *words]
            title = " ".join(words)
            if _plain_key(title) not in self.real_keys:
                return title


def _plain_key(title: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", title.lower())


def synthetic_records(count: int, corpus: Corpus, rng: random.Random) -> Iterator[dict[str, Any]]:
    """``count`` records in the Kaggle snapshot format, ids above the real ones' range."""
    serial: collections.Counter[str] = collections.Counter()
    for _ in range(count):
        arxiv_id, created = _identifier(rng, serial)
        people = [
            rng.choice(corpus.names) for _ in range(rng.choice([2, 2, 3, 3, 4, 4, 5, 6, 8, 11, 17, 30]))
        ]
        size = rng.choice(corpus.abstract_lengths)
        sentences: list[str] = []
        while sum(map(len, sentences)) < size:
            # Real sentences with their words shuffled: real words at real frequencies, but no
            # phrase repeated across records, which would flatter a compressor (real abstracts
            # share no whole sentences).
            words = rng.choice(corpus.sentences).split()
            rng.shuffle(words)
            sentences.append(" ".join(words))
        versions = [
            created + timedelta(days=sum(rng.randrange(5, 200) for _ in range(v)))
            for v in range(rng.choice([1, 1, 1, 2, 2, 3, 4]))
        ]
        published = rng.random() < 0.3
        yield {
            "id": arxiv_id,
            "submitter": f"{people[0][1]} {people[0][0]}",
            "authors": ", ".join(f"{given} {family}" for family, given in people),
            "title": _wrap(corpus.title(rng), 72),
            "comments": rng.choice(corpus.comments) if rng.random() < 0.6 else None,
            "journal-ref": rng.choice(corpus.journal_refs) if published else None,
            "doi": f"10.1103/PhysRev.{arxiv_id.replace('/', '.')}" if published else None,
            "report-no": None,
            "categories": " ".join(dict.fromkeys(rng.choices(CATEGORIES, k=rng.choice([1, 1, 2, 3])))),
            "license": "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
            "abstract": "  " + _wrap(" ".join(sentences), 80) + "\n",
            "versions": [
                {"version": f"v{i}", "created": format_datetime(d, usegmt=True)}
                for i, d in enumerate(versions, 1)
            ],
            "update_date": versions[-1].strftime("%Y-%m-%d"),
            "authors_parsed": [[family, given, ""] for family, given in people],
        }


def _identifier(rng: random.Random, serial: collections.Counter[str]) -> tuple[str, datetime]:
    roll = rng.random()
    if roll < 0.05:  # old style, 1991 to March 2007
        archive, year, month = rng.choice(OLD_ARCHIVES), rng.randrange(1992, 2007), rng.randrange(1, 13)
        prefix = f"{archive}/{year % 100:02d}{month:02d}"
        serial[prefix] += 1
        if serial[prefix] < 1000:
            arxiv_id = f"{prefix}{serial[prefix]:03d}"
            created = datetime(year, month, rng.randrange(1, 29), rng.randrange(24), tzinfo=UTC)
            return arxiv_id, created
        roll = 1.0  # this month is full: a new-style id instead
    # New style: 4-digit numbers 0704-1412, 5-digit from 1501.
    year = rng.randrange(2008, 2015) if roll < 0.15 else rng.randrange(2015, 2025)
    month = rng.randrange(1, 13)
    prefix = f"{year % 100:02d}{month:02d}"
    serial[prefix] += 1
    width = 4 if year < 2015 else 5
    arxiv_id = f"{prefix}.{serial[prefix] + 3000:0{width}d}"  # above the real dev ids' usual range
    created = datetime(year, month, rng.randrange(1, 29), rng.randrange(24), rng.randrange(60), tzinfo=UTC)
    return arxiv_id, created


def _wrap(text: str, width: int) -> str:
    """Hard-wrapped as the Kaggle dump is: lines of at most ``width``, continued with two spaces."""
    return "\n  ".join(_LINES[width].findall(text))


_LINES = {width: re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S+") for width in (72, 80)}


def write_snapshot(path: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """Write ``count`` recombined records, then the real ones; returns a sample of (id, title)."""
    rng = random.Random(seed)
    corpus = Corpus()
    sample: list[tuple[str, str]] = []
    seen: set[str] = set()
    with path.open("wb") as out:
        for number, record in enumerate(synthetic_records(count, corpus, rng)):
            if record["id"] in seen or record["id"] in corpus.real_ids:  # a later line would replace it
                continue
            seen.add(record["id"])
            out.write(orjson.dumps(record) + b"\n")
            if number % max(1, count // (MIXED_TITLES * 2)) == 0:
                sample.append((record["id"], " ".join(record["title"].split())))
        for source in (DEV_SNAPSHOT, KAGGLE_SAMPLE):
            out.write(source.read_bytes())
    return sample


def mixed_titles(sample: Sequence[tuple[str, str]], seed: int) -> list[dict[str, str | None]]:
    """10,000 titles: 40 % present, 30 % perturbed (typo, case, punctuation, word dropped), 30 % absent."""
    rng = random.Random(seed + 1)
    corpus = Corpus()
    picked = rng.sample(list(sample), min(len(sample), int(MIXED_TITLES * 0.7)))
    titles: list[dict[str, str | None]] = []
    for position, (arxiv_id, title) in enumerate(picked):
        if position < MIXED_TITLES * 0.4:
            titles.append({"title": title, "kind": "present", "id": arxiv_id})
        else:
            titles.append(_perturbed(title, arxiv_id, rng))
    while len(titles) < MIXED_TITLES:
        titles.append({"title": corpus.title(rng) + " Revisited", "kind": "absent", "id": None})
    rng.shuffle(titles)
    return titles


def _perturbed(title: str, arxiv_id: str, rng: random.Random) -> dict[str, str | None]:
    words = title.split()
    how = rng.choice(["typo", "case", "punctuation", "dropped"])
    if how == "typo":
        long = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6]
        if long:
            i = rng.choice(long)
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1 :]  # one letter left out
    elif how == "case":
        words = [w.lower() for w in words]
    elif how == "punctuation":
        words = [w.strip(":,;.?!") for w in words]
    elif len(words) > 3:
        del words[rng.randrange(len(words))]
    return {"title": " ".join(words), "kind": f"perturbed-{how}", "id": arxiv_id}


# --- the stages (each in its own process) --------------------------------------------------------


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def stage_build(source: Path, index: Path) -> dict[str, Any]:
    from bibnorm.resolvers.snapshot import build_index

    index.unlink(missing_ok=True)
    stats = build_index([source], index)
    size = index.stat().st_size
    result = {"records": stats.records, "seconds": stats.seconds, "bytes": size, "rss": peak_rss_mib()}
    with sqlite3.connect(index) as connection:
        try:  # what the stored lines take, as the index's own table of sizes says
            query = "SELECT value FROM meta WHERE key = 'record_bytes'"
            (record_bytes,) = connection.execute(query).fetchone()
            result["record_bytes"] = int(record_bytes)
        except (sqlite3.Error, TypeError):
            pass
    connection.close()
    return result


def stage_floor(source: Path, index: Path) -> dict[str, Any]:
    """The plain loop: parse, pick fields, executemany; no cleaning, no DOI table, no checks."""
    index.unlink(missing_ok=True)
    started = time.perf_counter()
    connection = sqlite3.connect(index, isolation_level=None)
    connection.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
        "CREATE TABLE records(id INTEGER PRIMARY KEY, arxiv_id TEXT, title TEXT, title_key TEXT,"
        " authors TEXT, abstract TEXT, versions TEXT, categories TEXT, doi TEXT, journal_ref TEXT,"
        " comments TEXT);"
        "CREATE VIRTUAL TABLE titles USING fts5(title, content='', tokenize='ascii');"
    )
    non_word = re.compile(r"[^0-9a-z]+")
    count = 0
    with source.open("rb") as lines:
        while True:
            chunk = [orjson.loads(line) for _, line in zip(range(10_000), lines, strict=False)]
            if not chunk:
                break
            rows = [
                (
                    count + n,
                    r["id"],
                    r["title"],
                    non_word.sub("", r["title"].lower()),
                    orjson.dumps(r.get("authors_parsed")).decode(),
                    r.get("abstract"),
                    orjson.dumps(r.get("versions")).decode(),
                    r.get("categories"),
                    r.get("doi"),
                    r.get("journal-ref"),
                    r.get("comments"),
                )
                for n, r in enumerate(chunk)
            ]
            count += len(rows)
            connection.execute("BEGIN")
            connection.executemany("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
            connection.executemany(
                "INSERT INTO titles(rowid, title) VALUES (?, ?)", [(r[0], r[2]) for r in rows]
            )
            connection.execute("COMMIT")
    connection.execute("CREATE INDEX records_title_key ON records(title_key)")
    connection.close()
    return {"records": count, "seconds": time.perf_counter() - started, "bytes": index.stat().st_size}


def stage_match(index: Path, titles_file: Path | None) -> dict[str, Any]:
    """Resolve titles through the pipeline with the snapshot alone; the page titles when no file."""
    from bibnorm.config import Settings
    from bibnorm.models import Origin, Query, QueryKind, Status
    from bibnorm.readers import read_inputs
    from bibnorm.resolve.pipeline import deduplicate, run
    from bibnorm.resolvers.snapshot import SnapshotResolver
    from bibnorm.text.titles import same_title

    if titles_file is None:
        queries = read_inputs(PAGES)
        duplicates = deduplicate(queries)
        queries = [
            q.model_copy(update={"index": n})
            for n, q in enumerate(q for q in queries if q.index not in duplicates)
        ]
        expected: list[dict[str, Any]] = [{"kind": "page", "id": None} for _ in queries]
    else:
        expected = json.loads(titles_file.read_text(encoding="utf-8"))
        origin = Origin(path="mixed", line=1)
        queries = [
            Query(index=n, origin=origin, kind=QueryKind.TITLE, title=item["title"])
            for n, item in enumerate(expected)
        ]
    settings = Settings(offline=True, snapshot=index, cache_dir=index.parent / "cache")
    with SnapshotResolver(index) as resolver:
        started = time.perf_counter()
        resolutions = run(queries, [resolver], settings)
        seconds = time.perf_counter() - started
    outcome = collections.Counter(r.status.value for r in resolutions)
    found = [
        (r.reference.ids.arxiv_id if r.status is Status.RESOLVED and r.reference else None)
        for r in resolutions
    ]
    gold = {}
    for line in DEV_GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold[" ".join(item["title"].lower().split())] = item["arxiv_id"]
    wrong = titled_as_asked = 0
    for query, item, arxiv_id, resolution in zip(queries, expected, found, resolutions, strict=True):
        want = (
            item["id"] if item["kind"] != "page" else gold.get(" ".join((query.title or "").lower().split()))
        )
        if (arxiv_id and item["kind"] == "absent") or (arxiv_id and want and arxiv_id != want):
            # Recombined titles can repeat: a perturbed title may be another record's exact title,
            # and resolving to that record is right. Counted apart, never hidden.
            assert resolution.reference is not None
            if same_title(query.title or "", resolution.reference.title):
                titled_as_asked += 1
            else:
                wrong += 1
    kinds = collections.Counter(item["kind"] for item in expected)
    resolved_by_kind = collections.Counter(item["kind"] for item, a in zip(expected, found, strict=True) if a)
    return {
        "titles": len(queries),
        "seconds": seconds,
        "rss": peak_rss_mib(),
        "outcome": dict(outcome),
        "wrong": wrong,
        "same_title": titled_as_asked,
        "resolved_by_kind": {k: f"{resolved_by_kind[k]}/{kinds[k]}" for k in sorted(kinds)},
        "decisions": [(q.title, a) for q, a in zip(queries, found, strict=True)],
    }


def run_stage(*args: str) -> dict[str, Any]:
    """Run one stage in a fresh interpreter; its JSON result."""
    done = subprocess.run(
        [sys.executable, __file__, "--stage", *args], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="recombined records to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the snapshot and index in")
    parser.add_argument("--decisions", type=Path, help="write the mixed titles' decisions here (JSON)")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, *paths = args.stage
        stage = {"build": stage_build, "floor": stage_floor, "match": stage_match}[name]
        print(json.dumps(stage(*[Path(p) if p != "-" else None for p in paths])))
        return

    with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / f"snapshot-{args.records}-{args.seed}.jsonl"
        titles = folder / f"mixed-{args.records}-{args.seed}.json"
        index, floor = folder / "index.sqlite", folder / "floor.sqlite"
        rows: list[tuple[str, str]] = []
        if not (source.exists() and titles.exists()):
            started = time.perf_counter()
            sample = write_snapshot(source, args.records, args.seed)
            titles.write_text(json.dumps(mixed_titles(sample, args.seed)), encoding="utf-8")
            took = time.perf_counter() - started
        else:
            took = 0.0
        size = source.stat().st_size
        rows.append(
            (
                "snapshot",
                f"{args.records:,} recombined + 277 real records, {size / 2**20:,.0f} MiB ({took:.0f} s)",
            )
        )

        build = run_stage("build", str(source), str(index))
        plain = run_stage("floor", str(source), str(floor))
        floor.unlink()
        per_record = build["bytes"] / build["records"]
        build_rate = build["records"] / build["seconds"]
        rows.append(
            (
                "build",
                f"{build['records']:,} records in {build['seconds']:.1f} s = {build_rate:,.0f} records/s",
            )
        )
        rows.append(("  peak RSS", f"{build['rss']:.0f} MiB"))
        ratio = build["seconds"] / plain["seconds"]
        floor_rate = plain["records"] / plain["seconds"]
        rows.append(("plain-loop floor", f"{plain['seconds']:.1f} s = {floor_rate:,.0f} records/s"))
        rows.append(("  build / floor", f"{ratio:.2f}×"))
        size_line = f"{build['bytes'] / 2**20:,.0f} MiB = {per_record:,.0f} bytes/record"
        if "record_bytes" in build:
            without = (build["bytes"] - build["record_bytes"]) / build["records"]
            size_line += f"; without the stored lines {without:,.0f} bytes/record"
        rows.append(("index size", size_line + f" (floor: {plain['bytes'] / plain['records']:,.0f})"))

        for label, file in (("610 page titles", "-"), (f"{MIXED_TITLES:,} mixed titles", str(titles))):
            match = run_stage("match", str(index), file)
            rows.append(
                (
                    label,
                    f"{match['seconds']:.2f} s = {match['titles'] / match['seconds']:,.0f} titles/s, "
                    f"peak RSS {match['rss']:.0f} MiB",
                )
            )
            rows.append(
                (
                    "  outcome",
                    ", ".join(f"{n} {s}" for s, n in sorted(match["outcome"].items()))
                    + f"; {match['wrong']} wrong"
                    + (
                        f" ({match['same_title']} more resolved to another record of exactly the title asked)"
                        if match["same_title"]
                        else ""
                    ),
                )
            )
            rows.append(
                ("  resolved by kind", ", ".join(f"{k} {v}" for k, v in match["resolved_by_kind"].items()))
            )
            if args.decisions and file != "-":
                args.decisions.write_text(json.dumps(match["decisions"]), encoding="utf-8")
        if not args.keep:
            index.unlink()
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
