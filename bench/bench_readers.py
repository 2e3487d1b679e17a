"""Every input reader is linear in its input: time and peak memory from 10,000 to 1,000,000 records.

For each reader a synthetic file of N records is written (titles of real-looking words,
2 authors, a year, every 4th with a DOI; the shapes each format really has), then read in a
process of its own — the reader bibnorm picks for that file (`read_inputs`), or `load_lock`
for a lockfile — so its peak RSS is its own. Printed per reader and size: seconds, µs per
record, peak RSS in MB and bytes per record above the interpreter's own, and the µs per record
as a multiple of the smallest size's (a linear reader stays near 1.0; the RIS reader that
counted lines from the start of the file for each record went 9.5 s at 20,000 records and
past 900 s at 400,000).

    python bench/bench_readers.py                                  # 10k and 100k, about a minute
    python bench/bench_readers.py --sizes 10000,100000,1000000     # the table in docs/performance.md
    python bench/bench_readers.py --readers ris,bbl --sizes 20000,400000
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "learning",
    "neural",
    "network",
    "deep",
    "transformer",
    "vision",
    "language",
    "model",
    "scaling",
    "robust",
    "efficient",
    "graph",
    "attention",
    "diffusion",
    "reinforcement",
    "policy",
    "optimization",
    "sparse",
    "latent",
    "generative",
    "adversarial",
    "contrastive",
    "retrieval",
    "quantum",
    "spectral",
    "inference",
    "bayesian",
    "kernel",
    "convolutional",
    "recurrent",
]
FAMILIES = ("Zhai", "Vaswani", "LeCun", "Bengio", "Hinton", "Kolesnikov", "Dosovitskiy", "Houlsby")


def _records(count: int, seed: int = 7) -> Iterator[tuple[int, str, str, str, int, str | None]]:
    """(number, title, first author, second author, year, DOI or None) of ``count`` made-up papers."""
    pick = random.Random(seed)
    for number in range(count):
        words = [pick.choice(WORDS) for _ in range(pick.randint(4, 11))]
        title = " ".join([words[0].capitalize(), *words[1:], str(number)])
        first, second = pick.choice(FAMILIES), pick.choice(FAMILIES)
        doi = f"10.5555/bench.{number}" if number % 4 == 0 else None
        yield number, title, first, second, 2000 + number % 25, doi


def write_lines(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _, title, *_rest in _records(count):
            out.write(f"{title}\n")


def write_ris(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _, title, first, second, year, doi in _records(count):
            out.write(f"TY  - JOUR\nTI  - {title}\nAU  - {first}, A.\nAU  - {second}, B.\nPY  - {year}\n")
            out.write(f"DO  - {doi}\n" if doi else "")
            out.write("ER  - \n\n")


def write_bbl(path: Path, count: int) -> None:
    """bibtex's plain style: one ``\\bibitem`` block per reference, ``\\newblock`` sentences."""
    with path.open("w", encoding="utf-8") as out:
        out.write(f"\\begin{{thebibliography}}{{{count}}}\n\n")
        for number, title, first, second, year, _doi in _records(count):
            out.write(f"\\bibitem{{k{number}}}\nA.~{first} and B.~{second}.\n\\newblock {title}.\n")
            out.write(f"\\newblock In {{\\em Proceedings of the Conference}}, {year}.\n\n")
        out.write("\\end{thebibliography}\n")


def write_biber(path: Path, count: int) -> None:
    """biber's ``.bbl``: ``\\entry`` … ``\\endentry`` with names, fields and verbatim DOIs."""
    with path.open("w", encoding="utf-8") as out:
        out.write("\\refsection{0}\n  \\datalist[entry]{nty/global//global/global}\n")
        for number, title, first, second, year, doi in _records(count):
            out.write(f"    \\entry{{k{number}}}{{inproceedings}}{{}}\n      \\name{{author}}{{2}}{{}}{{%\n")
            for family, given in ((first, "A."), (second, "B.")):
                out.write(f"        {{{{hash=h{number}}}{{family={{{family}}}, given={{{given}}}}}}}%\n")
            out.write(f"      }}\n      \\field{{title}}{{{title}}}\n      \\field{{year}}{{{year}}}\n")
            out.write(f"      \\verb{{doi}}\n      \\verb {doi}\n      \\endverb\n" if doi else "")
            out.write("    \\endentry\n")
        out.write("  \\enddatalist\n\\endrefsection\n")


def write_refs(path: Path, count: int) -> None:
    """A reference list as copied from a paper, one reference per line (numbers stop at 999)."""
    with path.open("w", encoding="utf-8") as out:
        for _number, title, first, second, year, _doi in _records(count):
            out.write(f"A. {first} and B. {second}. {title}. In Proceedings of the Conference, {year}.\n")


def write_bib(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number, title, first, second, year, doi in _records(count):
            out.write(f"@inproceedings{{k{number},\n  title = {{{title}}},\n")
            out.write(f"  author = {{{first}, A. and {second}, B.}},\n  year = {{{year}}},\n")
            out.write(f"  doi = {{{doi}}},\n" if doi else "")
            out.write("}\n\n")


def write_lock(path: Path, count: int) -> None:
    """A ``bibnorm.lock`` as `dump_lock` writes it (sorted, indented), one item per title."""
    items = {}
    for number, title, first, second, year, doi in _records(count):
        reference: dict[str, object] = {
            "title": title,
            "authors": [{"family": first, "given": "A."}, {"family": second, "given": "B."}],
            "issued": {"year": year},
            "entry_type": "inproceedings",
            "venue": "Proceedings of the Conference",
        }
        if doi:
            reference["ids"] = {"doi": doi}
        identity = f"title:{title.lower()}"
        items[identity] = {"input": identity, "date": "2026-01-01", "score": 1.0, "source": "dblp",
                           "key": f"k{number}", "reference": reference}  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        json.dump({"version": 1, "items": dict(sorted(items.items()))}, out, indent=2, sort_keys=True)


# name: (file suffix, writer); each file is read as bibnorm would read it given on the command line
READERS: dict[str, tuple[str, Callable[[Path, int], None]]] = {
    "lines": (".txt", write_lines),
    "ris": (".ris", write_ris),
    "bbl": (".bbl", write_bbl),
    "bbl-biber": (".bbl", write_biber),
    "refs": (".txt", write_refs),
    "bib": (".bib", write_bib),
    "lockfile": (".lock", write_lock),
}


def child(reader: str, path: Path) -> None:
    """Read ``path`` once and print JSON: records read, seconds, peak RSS before and after."""
    sys.path.insert(0, str(ROOT))
    from bibnorm.bib.lockfile import load_lock
    from bibnorm.cli import GC_ALLOCATIONS
    from bibnorm.readers import read_inputs

    gc.set_threshold(GC_ALLOCATIONS)  # as every command runs (`BibnormGroup.invoke`)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    read = len(load_lock(path).items) if reader == "lockfile" else len(read_inputs([path]))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"records": read, "seconds": seconds, "base_kb": before, "peak_kb": peak}))


def measure(reader: str, count: int, folder: Path) -> dict[str, float]:
    suffix, _write = READERS[reader]
    path = folder / f"{reader}-{count}{suffix}"
    # Written in a process of its own too: Linux keeps a process's peak RSS across fork and exec,
    # so a reader started after this process built a large lock would inherit that peak.
    subprocess.run([sys.executable, __file__, "--write", reader, str(count), str(path)], check=True)
    # The lock's own cap (32 MiB, some 40,000 items) is lifted: the bench measures the reading.
    env = {**os.environ, "BIBNORM_MAX_LOCK": "8G"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", reader, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    path.unlink()
    if done.returncode != 0:
        raise SystemExit(f"{reader} at {count:,}: {done.stderr.strip().splitlines()[-1:]}")
    figures: dict[str, float] = json.loads(done.stdout)
    if figures["records"] != count:
        raise SystemExit(f"{reader} at {count:,}: read {figures['records']:,} records")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="record counts, comma-separated")
    parser.add_argument("--readers", default=",".join(READERS), help=f"some of: {', '.join(READERS)}")
    parser.add_argument("--child", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=3, metavar=("READER", "COUNT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        READERS[args.write[0]][1](Path(args.write[2]), int(args.write[1]))
        return
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'reader':<10} {'records':>10} {'seconds':>9} {'µs/record':>10} {'× smallest':>10} "
          f"{'peak MB':>8} {'B/record':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as folder:
        for reader in args.readers.split(","):
            first: float | None = None
            for count in sizes:
                figures = measure(reader, count, Path(folder))
                per_record = figures["seconds"] / count * 1e6
                first = first or per_record
                above = (figures["peak_kb"] - figures["base_kb"]) * 1024 / count
                print(
                    f"{reader:<10} {count:>10,} {figures['seconds']:>9.2f} {per_record:>10.1f} "
                    f"{per_record / first:>10.2f} {figures['peak_kb'] / 1024:>8.0f} {above:>9.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
