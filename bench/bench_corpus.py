"""``check`` and ``format`` on a corpus of real ``.bib`` files, with BibTeX itself as the referee.

The corpus is assembled by ``bench/corpus_assemble.py`` from its manifest (real public
files; see that script). For every file this bench

- formats it with ``bibnorm format FILE`` and formats the result again: the second pass
  must give the same bytes (idempotence);
- runs the real ``bibtex`` on the original and on the formatted file, with a style written
  for the purpose that prints every field of every entry (``\\nocite{*}``; fields with their
  values as BibTeX stores them, @preamble, the month macros of the standard styles; the
  tests' referee, ``tests/bibtex_referee.py``) and compares the two ``.bbl`` files byte for
  byte: formatting must not change what BibTeX typesets;

- formats it with ``--jobs 2`` too: the same bytes as with ``--jobs 1``;
- with ``--biber``, runs biber (through the ``.bcf`` of a biblatex document citing every entry)
  on the original and on the formatted file: the same ``.bbl``;
- runs ``bibnorm fix --offline`` on it and again on the result: the same bytes; and
  compares what the original and the fixed file typeset: ``plain.bst``'s ``.bbl``, the
  all-fields style's ``.bbl`` and (``--biber``) biber's ``.bbl``, each byte for byte;

and runs ``bibnorm check --offline --json`` once per folder of the corpus (the files of a
folder on one command line, as ``bibnorm check *.bib`` in a repository), counting the
findings per code per 1,000 entries (as BibTeX reads them). ``--sample N`` writes N
findings drawn at random (a fixed seed; BN602, formatting drift, left out) with the text
of their entries, for judging by hand (``bench/judged-findings.csv`` records the
judgements); ``--sample-from results.json`` draws them from an earlier run without
running anything.

The bibnorm commands run in-process through click's test runner, in one worker process
per ``--jobs``, on the bibnorm of ``--tree`` (a checkout or worktree: the figures of an
older commit can be taken the same way); ``--jobs 1`` is passed to every command, so each
file is read in one process (the pooled reading of big files is ``bench/bench_pool.py``'s).

    python bench/bench_corpus.py [--corpus DIR] [--tree DIR] [--jobs 2] [--limit N] [--sample 100]
    python bench/bench_corpus.py --fresh --biber --corpus /tmp/fresh-corpus --sample 100 --seed 41
    python bench/bench_corpus.py --unseen --biber --corpus DIR --sample 100 --seed 62 --stratified

Prints, with the load average at start and end: files and commands read; files whose
``.bbl`` differ (listed, with the first differing line), files not idempotent, files
format refused or failed on; BibTeX's exit codes on the originals; findings per code; the
wall time of each phase.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

import corpus_assemble  # noqa: E402  (a sibling script, not a package)
from bibtex_referee import read_with_bibtex, stored_fields  # noqa: E402  (the tests' referee: one style for both)


def compare_with_bibtex(original: Path, formatted: Path) -> dict[str, object]:
    """BibTeX's reading of a file and of its formatted version: equal .bbl or the first difference."""
    before, after = original.read_bytes(), formatted.read_bytes()
    (bbl_before, code, errors), (bbl_after, code_after, _) = read_with_bibtex(before, after)
    entries = bbl_before.count(b"\\entry{")
    result: dict[str, object] = {"entries": entries, "bibtex_exit": code, "bibtex_errors": errors}
    result["equal"] = bbl_before == bbl_after
    if bbl_before != bbl_after:
        old, new = bbl_before.splitlines(), bbl_after.splitlines()
        first = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new))
        )
        result["first_difference"] = {
            "line": first + 1,
            "original": old[first].decode("latin-1") if first < len(old) else "<end>",
            "formatted": new[first].decode("latin-1") if first < len(new) else "<end>",
            "entries_after": bbl_after.count(b"\\entry{"),
            "exit_after": code_after,
        }
    return result


def read_with_plain(data: bytes) -> bytes:
    """BibTeX's ``.bbl`` of ``data`` typeset with ``plain.bst`` (every entry, ``\\nocite{*}``):
    what a document prints, case changes, name formatting and ``crossref`` inheritance included."""
    with tempfile.TemporaryDirectory(prefix="plain-") as scratch:
        folder = Path(scratch)
        (folder / "t.bib").write_bytes(data)
        (folder / "t.aux").write_text("\\citation{*}\n\\bibdata{t}\n\\bibstyle{plain}\n", encoding="ascii")
        subprocess.run(["bibtex", "-terse", "t"], cwd=folder, capture_output=True, timeout=600, check=False)
        bbl = folder / "t.bbl"
        return bbl.read_bytes() if bbl.is_file() else b""


# The fields `fix` rewrites on purpose (BN401-BN404: a DOI's, a URL's or a code link's canonical
# form, an empty identifier removed): outside them, what is typeset must not change.
FIXED_FIELDS = frozenset({"doi", "url", "eprint", "isbn", "issn", "pmid", "pmcid", "arxivid"})
# biber's .bbl lines of one of those fields: "\\field{doi}{...}", "\\verb{url}" to "\\endverb".
# (biber writes a url twice: "urlraw" as written, "url" escaped.)
_BIBER_FIELD = re.compile(r"^\s*\\(?:field|verb)\{(" + "|".join(sorted(FIXED_FIELDS | {"urlraw"})) + r")\}")


def fields_changed(before: bytes, after: bytes) -> list[str]:
    """The fields outside `FIXED_FIELDS` whose value differs between two all-fields ``.bbl``
    files (``key.field``), an entry gone or added counting as ``key``."""
    old, new = stored_fields(before), stored_fields(after)
    changed = sorted(key for key in old.keys() ^ new.keys())
    for key in old.keys() & new.keys():
        names = (old[key].keys() | new[key].keys()) - FIXED_FIELDS
        changed += sorted(f"{key}.{name}" for name in names if old[key].get(name) != new[key].get(name))
    return changed


def without_fixed_fields(bbl: bytes) -> bytes:
    """biber's ``.bbl`` without the lines of `FIXED_FIELDS` (a ``\\verb`` field runs to ``\\endverb``)."""
    kept: list[str] = []
    skipping = False
    for line in bbl.decode("utf-8", "surrogateescape").splitlines():
        if skipping:
            skipping = line.strip() != "\\endverb"
            continue
        match = _BIBER_FIELD.match(line)
        if match:
            skipping = line.lstrip().startswith("\\verb")
            continue
        kept.append(line)
    return "\n".join(kept).encode("utf-8", "surrogateescape")


def compare_fixed(source: Path, fixed: Path, biber: Path | None) -> dict[str, object]:
    """Whether ``fix`` left what is typeset alone: plain's ``.bbl``, the all-fields ``.bbl`` and
    biber's ``.bbl`` of the original and of the fixed file, each equal or not, and equal outside
    `FIXED_FIELDS` (the fields changed outside them listed)."""
    before, after = source.read_bytes(), fixed.read_bytes()
    (fields_before, _, _), (fields_after, _, _) = read_with_bibtex(before, after)
    changed = fields_changed(fields_before, fields_after)
    equal: dict[str, object] = {
        "fix_plain_equal": read_with_plain(before) == read_with_plain(after),
        "fix_fields_equal": fields_before == fields_after,
        "fix_fields_equal_outside": not changed,
        "fix_changed": before != after,
    }
    if changed:
        equal["fix_fields_changed"] = changed[:20]
    if biber is not None:
        biber_before, biber_after = read_with_biber(biber, before), read_with_biber(biber, after)
        if BIBER_TIMED_OUT in (biber_before, biber_after):
            equal["fix_biber_timed_out"] = True
            return equal
        equal["fix_biber_equal"] = biber_before == biber_after
        equal["fix_biber_equal_outside"] = without_fixed_fields(biber_before) == without_fixed_fields(
            biber_after
        )
    return equal


_BIBER_DOCUMENT = r"""\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{corpusfile.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def biber_control(folder: Path) -> Path:
    """The ``.bcf`` biblatex writes for a document citing every entry of ``corpusfile.bib``
    (one LaTeX run, once): biber run on it writes what it read of whatever that file holds."""
    (folder / "doc.tex").write_text(_BIBER_DOCUMENT, encoding="utf-8")
    subprocess.run(
        ["latex", "-interaction=batchmode", "doc.tex"],
        cwd=folder,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return folder / "doc.bcf"


BIBER_TIMED_OUT = b"biber timed out"


def read_with_biber(control: Path, data: bytes) -> bytes:
    """biber's ``.bbl`` of ``data`` as ``corpusfile.bib`` (its exit code and messages if it wrote none)."""
    with tempfile.TemporaryDirectory(prefix="biber-") as temporary:
        folder = Path(temporary)
        shutil.copy(control, folder / "doc.bcf")
        (folder / "corpusfile.bib").write_bytes(data)
        try:
            done = subprocess.run(
                ["biber", "--quiet", "doc.bcf"], cwd=folder, capture_output=True, timeout=900, check=False
            )
        except subprocess.TimeoutExpired:
            return BIBER_TIMED_OUT
        bbl = folder / "doc.bbl"
        return bbl.read_bytes() if bbl.is_file() else f"biber exit {done.returncode}".encode()


# The worker: runs the CLI of the tree under test in-process, one job per line of stdin.
_WORKER = r"""
import json, sys, traceback
from click.testing import CliRunner
from bibnorm.cli import main as cli
runner = CliRunner()
for line in sys.stdin:
    job = json.loads(line)
    try:
        result = runner.invoke(cli, job["args"], catch_exceptions=True)
        out = {"exit": result.exit_code, "stderr": result.stderr[-2000:]}
        if job.get("stdout_to"):
            open(job["stdout_to"], "wb").write(result.stdout_bytes)
        else:
            out["stdout"] = result.stdout
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            out["traceback"] = "".join(traceback.format_exception(result.exception))[-3000:]
    except BaseException as error:
        out = {"exit": -1, "traceback": repr(error)}
    print(json.dumps(out), flush=True)
"""


class Worker:
    """A Python process running bibnorm's CLI of ``tree`` for one job at a time."""

    def __init__(self, tree: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree), "BIBNORM_OFFLINE": "1", "NO_COLOR": "1"}
        env["BIBNORM_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-corpus-cache-")
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tempfile.mkdtemp(prefix="bench-corpus-cwd-"),  # no bibnorm.toml or lock of ours
        )

    def run(self, args: list[str], stdout_to: Path | None = None) -> dict[str, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        job = {"args": args, "stdout_to": str(stdout_to) if stdout_to else None}
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        answer: dict[str, object] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def _format_and_compare(
    worker: Worker, source: Path, out: Path, biber: Path | None = None, lean: bool = False
) -> dict[str, object]:
    formatted = out / "formatted" / source.name
    again = out / "again" / source.name
    two_jobs = out / "two-jobs" / source.name
    for folder in (formatted, again, two_jobs):
        folder.parent.mkdir(parents=True, exist_ok=True)
    first = worker.run(["format", "--jobs", "1", str(source)], stdout_to=formatted)
    result: dict[str, object] = {"format_exit": first["exit"]}
    if first.get("traceback"):
        result["traceback"] = first["traceback"]
    if first["exit"] != 0:
        result["format_stderr"] = first.get("stderr", "")
        return result
    second = worker.run(["format", "--jobs", "1", str(formatted)], stdout_to=again)
    result["idempotent"] = second["exit"] == 0 and formatted.read_bytes() == again.read_bytes()
    result["changed"] = formatted.read_bytes() != source.read_bytes()
    if not lean:
        parallel = worker.run(["format", "--jobs", "2", str(source)], stdout_to=two_jobs)
        result["jobs_equal"] = parallel["exit"] == 0 and two_jobs.read_bytes() == formatted.read_bytes()
    result.update(compare_with_bibtex(source, formatted))
    if biber is not None and not lean:
        result["biber_equal"] = read_with_biber(biber, source.read_bytes()) == read_with_biber(
            biber, formatted.read_bytes()
        )
    result["fix_idempotent"] = _fix_twice(worker, source, out)
    result.update(compare_fixed(source, out / "fixed-once" / source.name, biber))
    return result


def _fix_twice(worker: Worker, source: Path, out: Path) -> bool:
    """``fix --offline`` applied once and applied to its own output give the same bytes."""
    once, twice = out / "fixed-once" / source.name, out / "fixed-twice" / source.name
    for path in (once, twice):
        path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, once)
    first = worker.run(["fix", "--offline", "--in-place", str(once)])
    shutil.copy(once, twice)
    second = worker.run(["fix", "--offline", "--in-place", str(twice)])
    return first["exit"] == second["exit"] == 0 and once.read_bytes() == twice.read_bytes()


def _chunks(items: list[Path], parts: int) -> list[list[Path]]:
    return [items[i::parts] for i in range(parts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "bib-corpus")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the bibnorm checkout to measure")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    parser.add_argument("--sample", type=int, default=0, help="write N random findings for judging")
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument("--stratified", action="store_true", help="draw the sample code by code")
    parser.add_argument("--out", type=Path, default=None, help="keep the outputs here (default: a temp dir)")
    parser.add_argument(
        "--sample-from", type=Path, default=None, help="draw --sample findings from an earlier results.json"
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--fresh", action="store_true", help="the fresh corpus (bench/corpus/fresh-manifest.csv) instead"
    )
    chosen.add_argument(
        "--unseen", action="store_true", help="the unseen corpus (bench/corpus/unseen-manifest.csv) instead"
    )
    parser.add_argument(
        "--biber", action="store_true", help="also compare biber's reading (about 4 s a file)"
    )
    parser.add_argument(
        "--lean", action="store_true", help="no -j 2 run, and biber (--biber) for fix only: half the time"
    )
    parser.add_argument(
        "--recompare-fix",
        action="store_true",
        help="compare the .bbl of each file and its fixed version again, from --out's results.jsonl "
        "and outputs (a run made with the same --jobs), and print the fix lines of the report",
    )
    args = parser.parse_args()
    manifest = (
        corpus_assemble.FRESH_MANIFEST
        if args.fresh
        else corpus_assemble.UNSEEN_MANIFEST
        if args.unseen
        else corpus_assemble.MANIFEST
    )
    if args.sample_from is not None:
        findings = json.loads(args.sample_from.read_text())["findings"]
        target = args.sample_from.with_name("sample.json")
        write_sample(findings, args.sample, args.seed, target, args.corpus, args.stratified)
        print(f"sample of {args.sample} findings: {target}")
        return

    if args.recompare_fix:
        recompare_fix(manifest, args)
        return
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = corpus_assemble.read_manifest(manifest)
    if not args.corpus.is_dir():
        files, commands, problems = corpus_assemble.assemble(
            args.corpus, Path("/work/.mirror"), Path("/usr/share/texlive/texmf-dist"), manifest
        )
        print(f"assembled {files} files ({commands} commands) into {args.corpus}; {len(problems)} missing")
    paths = [args.corpus / corpus_assemble.local_name(row) for row in rows]
    paths = [p for p in paths if p.is_file()]
    if args.limit:
        paths = paths[: args.limit]
    commands = {str(args.corpus / corpus_assemble.local_name(r)): int(r["commands"]) for r in rows}
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    out.mkdir(parents=True, exist_ok=True)

    # 1. format, idempotence and BibTeX's reading, file by file.
    started = time.perf_counter()
    results: dict[str, dict[str, object]] = {}

    biber = biber_control(Path(tempfile.mkdtemp(prefix="biber-control-"))) if args.biber else None

    # Each file's result is appended to results.jsonl as it comes: a run stopped half-way keeps
    # what it did, and a run given the same --out goes on from there.
    journal = out / "results.jsonl"
    if journal.is_file():
        for line in journal.read_text().splitlines():
            record = json.loads(line)
            results[record["path"]] = record["result"]
    writing = threading.Lock()

    def format_share(share: list[Path], index: int) -> dict[str, dict[str, object]]:
        worker = Worker(args.tree)
        done = {}
        try:
            for number, path in enumerate(share):
                if str(path) in results:
                    continue
                target = out / "files" / str(index) / str(number)
                target.mkdir(parents=True, exist_ok=True)
                done[str(path)] = _format_and_compare(worker, path, target, biber, args.lean)
                with writing, journal.open("a") as handle:
                    handle.write(json.dumps({"path": str(path), "result": done[str(path)]}) + "\n")
        finally:
            worker.close()
        return done

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for done in pool.map(format_share, _chunks(paths, args.jobs), range(args.jobs)):
            results.update(done)
    format_seconds = time.perf_counter() - started

    # 2. check, one run per folder.
    started = time.perf_counter()
    folders: dict[Path, list[Path]] = defaultdict(list)
    for path in paths:
        folders[path.parent].append(path)
    findings: list[dict[str, object]] = []
    check_exits: Counter[int] = Counter()

    def check_share(share: list[Path]) -> tuple[list[dict[str, object]], Counter[int]]:
        worker = Worker(args.tree)
        found: list[dict[str, object]] = []
        exits: Counter[int] = Counter()
        try:
            for folder in share:
                files = [str(p) for p in folders[folder]]
                answer = worker.run(["check", "--offline", "--json", "-q", "--jobs", "1", *files])
                exits[int(answer["exit"])] += 1  # type: ignore[call-overload]
                try:
                    found += json.loads(str(answer.get("stdout") or "[]"))
                except json.JSONDecodeError:
                    exits[-2] += 1
        finally:
            worker.close()
        return found, exits

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for found, exits in pool.map(check_share, _chunks(sorted(folders), args.jobs)):
            findings += found
            check_exits.update(exits)
    check_seconds = time.perf_counter() - started

    # 3. the report.
    total_commands = sum(commands.get(str(p), 0) for p in paths)
    bibtex_entries = sum(int(r.get("entries", 0)) for r in results.values())  # type: ignore[call-overload]
    differ = {p: r for p, r in results.items() if r.get("format_exit") == 0 and not r.get("equal")}
    not_idempotent = [p for p, r in results.items() if r.get("format_exit") == 0 and not r.get("idempotent")]
    failed = {p: r for p, r in results.items() if r.get("format_exit") != 0}
    changed = sum(1 for r in results.values() if r.get("changed"))
    print(
        f"corpus: {len(paths)} files, {total_commands} @-commands, "
        f"{bibtex_entries} entries as BibTeX reads them"
    )
    print(
        f"format: {changed} files changed; "
        f"exit codes {dict(Counter(r.get('format_exit') for r in results.values()))}"
    )
    print(
        f"  .bbl equal: {len(paths) - len(differ) - len(failed)} of {len(paths)} files; differ: {len(differ)}"
    )
    for path, result in sorted(differ.items()):
        print(f"    {Path(path).relative_to(args.corpus)}: {result.get('first_difference')}")
    print(
        f"  idempotent: {len(paths) - len(not_idempotent) - len(failed)} of {len(paths)}; "
        f"not: {len(not_idempotent)}"
    )
    for path in sorted(not_idempotent):
        print(f"    {Path(path).relative_to(args.corpus)}")
    labels = (
        ("jobs_equal", "-j 2 = -j 1"),
        ("fix_idempotent", "fix twice = fix once"),
        ("fix_plain_equal", "fix: plain's .bbl unchanged"),
        ("fix_fields_equal", "fix: all-fields .bbl unchanged"),
        ("fix_fields_equal_outside", "fix: all-fields .bbl unchanged outside doi/url/eprint/isbn/issn/..."),
    )
    if args.biber:
        labels += (
            ("biber_equal", "biber reads the same"),
            ("fix_biber_equal", "fix: biber's .bbl unchanged"),
            ("fix_biber_equal_outside", "fix: biber's .bbl unchanged outside doi/url/eprint/isbn/issn/..."),
        )
    print(f"fix: {sum(1 for r in results.values() if r.get('fix_changed'))} files changed")
    for name, label in [(n, t) for n, t in labels if any(n in r for r in results.values())]:
        failing = sorted(p for p, r in results.items() if r.get("format_exit") == 0 and not r.get(name))
        print(f"  {label}: {len(paths) - len(failing) - len(failed)} of {len(paths)}; not: {len(failing)}")
        for path in failing:
            print(f"    {Path(path).relative_to(args.corpus)}")
    for path, result in sorted(failed.items()):
        detail = str(result.get("traceback") or result.get("format_stderr", "")).strip().splitlines()
        print(
            f"    format exit {result.get('format_exit')}: "
            f"{Path(path).relative_to(args.corpus)}: {detail[-1:]}"
        )
    codes = Counter(str(f["code"]) for f in findings)
    severity = {str(f["code"]): str(f["severity"]) for f in findings}
    print(f"check: {len(folders)} runs, exit codes {dict(check_exits)}; {len(findings)} findings")
    print(f"  {'code':<6} {'severity':<8} {'findings':>9} {'per 1,000 entries':>17}")
    for code, count in sorted(codes.items()):
        print(f"  {code:<6} {severity[code]:<8} {count:>9} {1000 * count / max(bibtex_entries, 1):>17.1f}")
    print(
        f"bibtex exit codes on the originals: {dict(Counter(r.get('bibtex_exit') for r in results.values()))}"
    )
    print(f"time: format + BibTeX {format_seconds:.0f} s, check {check_seconds:.0f} s ({args.jobs} workers)")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    (out / "results.json").write_text(json.dumps({"files": results, "findings": findings}, indent=1))
    print(f"details: {out / 'results.json'}")
    if args.sample:
        write_sample(findings, args.sample, args.seed, out / "sample.json", args.corpus, args.stratified)
        print(f"sample of {args.sample} findings: {out / 'sample.json'}")
    if args.out is None:
        shutil.rmtree(out / "files", ignore_errors=True)


def recompare_fix(manifest: Path, args: argparse.Namespace) -> None:
    """`compare_fixed` again for every file of an earlier run (``--out``), from its outputs."""
    rows = corpus_assemble.read_manifest(manifest)
    paths = [p for p in (args.corpus / corpus_assemble.local_name(row) for row in rows) if p.is_file()]
    where = {
        str(path): args.out / "files" / str(index) / str(number) / "fixed-once" / path.name
        for index, share in enumerate(_chunks(paths, args.jobs))
        for number, path in enumerate(share)
    }
    biber = biber_control(Path(tempfile.mkdtemp(prefix="biber-control-"))) if args.biber else None
    records = [json.loads(line) for line in (args.out / "results.jsonl").read_text().splitlines()]

    def again(record: dict[str, Any]) -> dict[str, Any]:
        fixed = where[record["path"]]
        if record["result"].get("fix_changed") and fixed.is_file():
            record["result"].update(compare_fixed(Path(record["path"]), fixed, biber))
        return record

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        records = list(pool.map(again, records))
    (args.out / "results-recompared.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    results = {r["path"]: r["result"] for r in records}
    print(f"fix: {len(results)} files, {sum(1 for r in results.values() if r.get('fix_changed'))} changed")
    for name in (
        "fix_idempotent",
        "fix_plain_equal",
        "fix_fields_equal",
        "fix_fields_equal_outside",
        "fix_biber_equal",
        "fix_biber_equal_outside",
    ):
        failing = sorted(p for p, r in results.items() if name in r and not r[name])
        holding = sum(1 for r in results.values() if r.get(name))
        print(f"  {name}: {holding} of {len(results)}; not: {len(failing)}")
        for path in failing:
            detail = results[path].get("fix_fields_changed", "") if "fields" in name else ""
            print(f"    {Path(path).relative_to(args.corpus)} {detail}")


def stratified(findings: list[dict[str, object]], size: int, seed: int) -> list[dict[str, object]]:
    """``size`` findings drawn at random code by code: each code gets its share of ``size`` in
    proportion to its findings (largest remainders first), and at least two (all it has, if
    fewer), so that a rare check is judged too; the sample is then in code order."""
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    for finding in findings:
        by_code[str(finding["code"])].append(finding)
    total = len(findings)
    exact = {code: size * len(items) / total for code, items in by_code.items()}
    shares = {code: min(len(by_code[code]), max(2, int(exact[code]))) for code in by_code}
    for code in sorted(by_code, key=lambda c: exact[c] - int(exact[c]), reverse=True):
        if sum(shares.values()) >= size:
            break
        if shares[code] < len(by_code[code]):
            shares[code] += 1
    while sum(shares.values()) > size:  # the minimum of two overshot: take from the largest
        largest = max(shares, key=lambda c: shares[c])
        shares[largest] -= 1
    generator = random.Random(seed)
    return [item for code in sorted(by_code) for item in generator.sample(by_code[code], shares[code])]


def write_sample(
    findings: list[dict[str, object]], size: int, seed: int, target: Path, corpus: Path, by_code: bool = False
) -> None:
    """``size`` findings at random (``by_code``: `stratified`), each with the text of its entry,
    for judging by hand.

    BN602 (an entry not laid out as ``format`` writes it) is left out: it is 98 % of all
    findings, true by construction (the corpus bench formats every file), and would make
    the sample say nothing about the other checks.
    """
    judged = [finding for finding in findings if finding["code"] != "BN602"]
    chosen = (
        stratified(judged, size, seed)
        if by_code
        else random.Random(seed).sample(judged, min(size, len(judged)))
    )
    for finding in chosen:
        path = Path(str(finding["path"]))
        lines = path.read_bytes().decode("utf-8", "replace").splitlines()
        line = int(finding["line"])  # type: ignore[call-overload]
        start = line - 1
        while start > 0 and not lines[start].lstrip().startswith("@"):
            start -= 1
        finding["context"] = "\n".join(lines[start : min(len(lines), max(line + 3, start + 25))])
        finding["path"] = str(path.relative_to(corpus))
    target.write_text(json.dumps(chosen, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
