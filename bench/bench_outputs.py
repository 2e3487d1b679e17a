"""Capture what bibnorm writes for a fixed set of runs, and compare two captures byte for byte.

A speed change must not change a decision or a byte of output. This records, for each case, the
exit status, stdout, stderr and every file the run writes, into a folder; a later capture (after
the change) is compared with it file by file, and the first differing line of each difference is
printed. The inputs are large and real, so the captures are not fixtures: they live outside the
repository, made before a change and compared after each step.

Cases (all offline; each run in a work folder with relative paths, so the texts name the same
files whatever the folder):

- **pages**: the five scraped Hugging Face pages (695 items, 610 distinct titles) against a
  200,000-record snapshot index (``bench_snapshot.py --keep DIR`` builds one): the default chain
  with no HTTP cache file, with an empty one and with a warm one; the snapshot alone; biblatex,
  CSL-JSON, ``--unicode`` and the three ``--style`` presets;
- **warm**: the pages without the snapshot, answered from an HTTP cache that an online run against
  the fake APIs (``tests/fakes``, every page title completed with a synthetic record) filled: every
  item resolved and most of them published, so the writers meet articles and proceedings too;
- **gold**: the 177 titles of the development gold, alone and with the warm cache;
- **mixed**: 10,000 titles (present, perturbed and absent) from ``bench_snapshot.py``;
- **bib**: ``check --offline`` and ``format`` (default workers and ``--jobs 1``) of the 20,000
  real entries of ``bench_bibfile.py``, ``check`` of the formatted file, and ``check``,
  ``format``, ``format --diff`` and ``fix`` of every file of ``tests/corpus`` (a diff of the large
  file takes difflib minutes).

    python bench/bench_outputs.py save BEFORE --index /tmp/snap/index.sqlite
    python bench/bench_outputs.py compare BEFORE --index /tmp/snap/index.sqlite

``save`` fills the warm HTTP cache once (the fakes listen on ports of the moment, so the cache
and the URLs it was filled from are kept in BEFORE and reused by ``compare``). ``--only NAME``
runs the cases whose name starts with NAME.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the fakes live with the tests
sys.path.insert(0, str(ROOT / "bench"))

from paths import GOLD, HF_PAGES_DIR  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
PAGES = sorted(HF_PAGES_DIR.glob("*.txt"))
EMPTY_CACHE = "cache-empty"
NO_CACHE = "cache-none"
WARM_CACHE = "cache-warm"
CACHE_FILE = "http-cache.sqlite"
STYLES = ("arxiv", "dblp", "google-scholar")


@dataclass(frozen=True)
class Case:
    """One run: its arguments (after ``bibnorm``), the HTTP cache it starts from, the files it writes."""

    name: str
    args: list[str]
    cache: str = NO_CACHE
    outputs: tuple[str, ...] = ()
    snapshot: bool = True
    env: dict[str, str] = field(default_factory=dict)


def cases(work: Path, warm_env: dict[str, str]) -> list[Case]:
    pages = [f"pages/{p.name}" for p in PAGES]
    resolve = ["resolve", "--offline"]
    out = ["-o", "out.bib", "--report", "report.json"]
    written = ("out.bib", "report.json")
    found: list[Case] = [
        Case("pages-default-nocache", [*resolve, *pages, *out], outputs=written),
        Case("pages-default-emptycache", [*resolve, *pages, *out], cache=EMPTY_CACHE, outputs=written),
        Case("pages-default-warmcache", [*resolve, *pages, *out], WARM_CACHE, written, env=warm_env),
        Case("pages-snapshot-only", [*resolve, "--resolvers", "snapshot", *pages, *out], outputs=written),
        Case("pages-biblatex", [*resolve, "--format", "biblatex", *pages, *out], outputs=written),
        Case("pages-csl", [*resolve, *pages, "-o", "out.json"], outputs=("out.json",)),
        Case("pages-unicode", [*resolve, "--unicode", *pages, "-o", "out.bib"], outputs=("out.bib",)),
        *(
            Case(
                f"pages-style-{style}",
                [*resolve, "--style", style, *pages, "-o", "out.bib"],
                outputs=("out.bib",),
            )
            for style in STYLES
        ),
        Case("warm-default", [*resolve, *pages, *out], WARM_CACHE, written, snapshot=False, env=warm_env),
        Case(
            "warm-biblatex",
            [*resolve, "--format", "biblatex", *pages, *out],
            WARM_CACHE,
            written,
            snapshot=False,
            env=warm_env,
        ),
        Case("warm-csl", [*resolve, *pages, "-o", "out.json"], WARM_CACHE, ("out.json",), False, warm_env),
        *(
            Case(
                f"warm-style-{style}",
                [*resolve, "--style", style, *pages, "-o", "out.bib"],
                WARM_CACHE,
                ("out.bib",),
                snapshot=False,
                env=warm_env,
            )
            for style in STYLES
        ),
        Case("gold", [*resolve, "gold.txt", *out], outputs=written),
        Case("gold-warm", [*resolve, "gold.txt", *out], WARM_CACHE, written, env=warm_env),
        Case("mixed", [*resolve, "--resolvers", "snapshot", "mixed.txt", *out], outputs=written),
    ]
    check, fmt = ["check", "--offline"], ["format"]
    found += [
        Case("bib-check", [*check, "corpus.bib"]),
        Case("bib-check-jobs1", [*check, "--jobs", "1", "corpus.bib"]),
        Case("bib-format", [*fmt, "corpus.bib"]),
        Case("bib-format-jobs1", [*fmt, "--jobs", "1", "corpus.bib"]),
        Case("bib-check-formatted", [*check, "formatted.bib"]),
    ]
    for path in sorted(CORPUS.glob("*/*.bib")):
        name = f"{path.parent.name}-{path.stem}"
        local = f"corpus/{path.parent.name}/{path.name}"
        found += [
            Case(f"small-check-{name}", [*check, local]),
            Case(f"small-format-{name}", [*fmt, local]),
            Case(f"small-diff-{name}", [*fmt, "--diff", local]),
            Case(f"small-fix-{name}", ["fix", local]),
        ]
    return found


def prepare(work: Path, index: Path, corpus_bib: Path, mixed: Path | None) -> None:
    """The work folder every case runs in: inputs under fixed relative names."""
    (work / "pages").mkdir(parents=True)
    for page in PAGES:
        shutil.copy(page, work / "pages" / page.name)
    titles = [json.loads(line)["title"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    (work / "gold.txt").write_text("\n".join(titles) + "\n", encoding="utf-8")
    if mixed is not None:
        items = json.loads(mixed.read_text(encoding="utf-8"))
        (work / "mixed.txt").write_text("\n".join(item["title"] for item in items) + "\n", encoding="utf-8")
    (work / "index.sqlite").symlink_to(index.resolve())
    shutil.copy(corpus_bib, work / "corpus.bib")
    shutil.copytree(CORPUS, work / "corpus", ignore=shutil.ignore_patterns("*.md"))
    (work / EMPTY_CACHE).mkdir()
    (work / EMPTY_CACHE / CACHE_FILE).touch()


def fill_warm_cache(work: Path, keep: Path) -> dict[str, str]:
    """Resolve the pages online against the fakes into a fresh cache; keep it and the URLs used."""
    from bibnorm.readers import read_inputs
    from fakes.servers import running_fakes, synthetic_completion

    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    cache = keep / WARM_CACHE
    with running_fakes(arxiv_records=completion.arxiv_records, s2_papers=completion.s2_papers) as apis:
        env = apis.env(cache)
        for inputs in ([f"pages/{p.name}" for p in PAGES], ["gold.txt"]):
            subprocess.run(
                [sys.executable, "-m", "bibnorm", "resolve", *inputs, "-o", os.devnull, "-q"],
                cwd=work,
                env={**os.environ, **env},
                check=False,
                capture_output=True,
            )
    env.pop("BIBNORM_CACHE_DIR")
    env.pop("BIBNORM_SNAPSHOT")
    env.pop("BIBNORM_OFFLINE")
    (keep / "warm-env.json").write_text(json.dumps(env, indent=1), encoding="utf-8")
    return env


def run_case(case: Case, work: Path, target: Path, keep: Path) -> float:
    """Run one case in ``work``; its status, streams and written files go to ``target/<name>``."""
    folder = target / case.name
    folder.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BIBNORM_", "S2_API_KEY"))}
    env.update(case.env)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    if case.cache == EMPTY_CACHE:
        shutil.copytree(work / EMPTY_CACHE, cache)
    elif case.cache == WARM_CACHE:
        shutil.copytree(keep / WARM_CACHE, cache)
    env["BIBNORM_CACHE_DIR"] = "cache"
    env["BIBNORM_SNAPSHOT"] = "index.sqlite" if case.snapshot else ""
    for name in case.outputs:
        (work / name).unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bibnorm", *case.args], cwd=work, env=env, capture_output=True, check=False
    )
    took = time.perf_counter() - started
    (folder / "status").write_text(f"{done.returncode}\n", encoding="utf-8")
    (folder / "stdout").write_bytes(done.stdout)
    (folder / "stderr").write_bytes(done.stderr)
    for name in case.outputs:
        if (work / name).exists():
            shutil.move(work / name, folder / name)
    if case.name == "bib-format":
        (work / "formatted.bib").write_bytes(done.stdout)  # what bib-check-formatted reads
    return took


def first_difference(a: Path, b: Path) -> str:
    left = a.read_bytes().splitlines() if a.exists() else []
    right = b.read_bytes().splitlines() if b.exists() else []
    for number, (x, y) in enumerate(zip(left, right, strict=False), 1):
        if x != y:
            return f"line {number}:\n      before {x[:200]!r}\n      after  {y[:200]!r}"
    return f"{len(left)} lines before, {len(right)} after"


def compare(before: Path, after: Path, names: Sequence[str]) -> int:
    differing = 0
    for name in names:
        files = sorted(
            {p.name for p in (before / name).glob("*")} | {p.name for p in (after / name).glob("*")}
        )
        bad = [f for f in files if not ((before / name / f).exists() and (after / name / f).exists())
               or (before / name / f).read_bytes() != (after / name / f).read_bytes()]  # fmt: skip
        if not bad:
            print(f"  identical  {name} ({', '.join(files)})")
            continue
        differing += 1
        for f in bad:
            print(f"  DIFFERENT  {name}/{f}: {first_difference(before / name / f, after / name / f)}")
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("folder", type=Path, help="the capture (save: written; compare: read)")
    parser.add_argument(
        "--index", type=Path, required=True, help="a snapshot index (bench_snapshot.py --keep)"
    )
    parser.add_argument("--mixed", type=Path, help="the mixed titles of bench_snapshot.py (mixed-*.json)")
    parser.add_argument(
        "--bib-cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bibnorm-bench",
        help="bench_bibfile's cache",
    )
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--only", help="run only the cases whose name starts with this")
    parser.add_argument("--keep-after", type=Path, help="compare: keep the new capture here")
    args = parser.parse_args()
    from bench_bibfile import assemble

    corpus_bib, _ = assemble(args.bib_cache, args.entries)
    mixed = args.mixed or next(iter(sorted(args.index.parent.glob("mixed-*.json"))), None)
    with tempfile.TemporaryDirectory(prefix="bench-outputs-") as temporary:
        work = Path(temporary) / "work"
        prepare(work, args.index, corpus_bib, mixed)
        if args.action == "save":
            args.folder.mkdir(parents=True, exist_ok=False)
            warm_env = fill_warm_cache(work, args.folder)
            target = args.folder / "runs"
        else:
            warm_env = json.loads((args.folder / "warm-env.json").read_text(encoding="utf-8"))
            target = args.keep_after or Path(temporary) / "after"
        selected = [c for c in cases(work, warm_env) if not args.only or c.name.startswith(args.only)]
        if mixed is None:
            selected = [c for c in selected if c.name != "mixed"]
        for case in selected:
            took = run_case(case, work, target, args.folder)
            print(f"  ran {case.name} in {took:.2f} s", file=sys.stderr)
        if args.action == "compare":
            differing = compare(args.folder / "runs", target, [c.name for c in selected])
            print(f"{len(selected) - differing} of {len(selected)} cases identical")
            raise SystemExit(1 if differing else 0)


if __name__ == "__main__":
    main()
