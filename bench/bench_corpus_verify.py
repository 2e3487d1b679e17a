"""A synthetic venue verified offline: ``verify CORPUS --out`` at scale (normalizer/corpus).

The venue is made from real records: the 1,613 usable real papers of the verify dev set's world
(``verify-dev/dev_public.world.jsonl``: titles, authors, DOIs, arXiv ids, dblp venues and years).
The local OpenAlex works index is built from them, written as the snapshot's Work objects (the
same objects the API returns), and opened beside an arXiv snapshot index (the bundled fixture and
the papers' arXiv records, as arXiv's snapshot holds them), the dblp index built from the bundled
dump and a Retraction Watch index, as a venue run has them. Each document cites ``--refs``
different papers, as a ``.bib`` or as a PDF paper (a small PDF this script writes with
fpdf2 in DejaVu Sans, embedded as LaTeX embeds its fonts, its references section one numbered
item each). A share of the references (``--corrupt``, 3.5% by default) is corrupted with a known
label:

- ``chimera``: a real paper's DOI or arXiv id under another paper's title and authors;
- ``wrong-authors``: a real title with another paper's authors;
- ``fabricated``: an invented title (two real titles' halves) with real authors and no id.

The works snapshot is written as OpenAlex publishes a whole one, its manifest last
(`venue_indexes.write_works_snapshot`, dated late October 2026), so the index is complete: a
fabricated title cited with an earlier year is not found in it (BN706, docs/scale.md "When silence
counts"), one cited with the snapshot's year may be newer than the snapshot and stays
unverifiable. Detection is counted both ways (flagged; flagged or unverifiable), fabricated titles
by the year they are cited with.

Printed, each timing with the load average beside it (the machine may be shared) and in
references per CPU-second (the per-core rate the load does not hide): the venue's size;
references/s per core from parsed references to verdicts (reading apart), and including reading
(``.bib`` and PDF apart, ``--rate-sample`` documents of each, in a worker that has verified 20
others first, as a worker has a little way into a venue); the whole venue in 1 process, then its
detection and false-alarm rates, and whether per-file ``verify`` of every document (``--sample
N``: N spread over the venue) gives the same entries, so the same rates; the venue on 2 local
worker processes (and 1 and 2 Dask workers with ``--dask``), each engine ``--rounds`` times in
turn, the scalings between their median times, the largest worker's peak resident and private
memory (sampled from /proc), whether the results folders are byte-identical; last, for each
share of ``--kill-at`` (``0.1,0.5,0.9,1``: 1 is once every line is written, as the run settles
its shards and writes its summaries), a run of this script with 2 workers killed (SIGKILL to its
process group) once it wrote that share of its results, then resumed: the same bytes as the
uninterrupted run?

Needs the test extras (``pip install -e '.[test]'``), fpdf2 (``pip install fpdf2``) and
Debian's fonts-dejavu-core.

``--keep DIR`` keeps the venue, its labels and the small indexes in DIR: a second run with the
same venue options reuses them. ``--indexes DIR`` opens the three large indexes
(bench/venue_indexes.py: ``--index-rows`` synthetic records each, made from real records' shapes)
instead of the small ones, built in DIR the first time; with ``--keep``, the verdicts are
compared with those of a run on the small indexes.

    python bench/bench_corpus_verify.py                                  # 200 documents, ~10k refs
    python bench/bench_corpus_verify.py --documents 2000 --refs 50 --dask --keep /tmp/venue  # issue's size
    python bench/bench_corpus_verify.py --documents 400 --refs 50 --keep /tmp/venue400 \
        --indexes /tmp/venue-indexes                                     # 1,000,000-record indexes
    python bench/bench_corpus_verify.py --documents 2000 --refs 5 --keep /tmp/venue  # docs/scale-summary.png
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bibnorm.corpus.engines import DaskEngine, Engine, ProcessEngine, SerialEngine  # noqa: E402
from bibnorm.corpus.jobs import close_kept  # noqa: E402
from bibnorm.corpus.run import run_corpus  # noqa: E402
from bibnorm.corpus.verifying import Job, entry_json, sources_for  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.resolvers.dblp_index import build_dblp_index  # noqa: E402
from bibnorm.resolvers.openalex_works import build_works_index  # noqa: E402
from bibnorm.resolvers.retraction_watch import build_retraction_index  # noqa: E402
from bibnorm.resolvers.snapshot import build_index  # noqa: E402
from bibnorm.verify.run import VerifyOptions, judge_all, read_claims, run_verify  # noqa: E402
from fakes.verify_world import as_work, papers  # noqa: E402
from paths import REFERENCE  # noqa: E402
from venue_indexes import SNAPSHOT_DATE, large_indexes, world_arxiv_lines, write_works_snapshot  # noqa: E402
from venue_measure import Stopwatch, WorkerMemory, in_a_child, load_figure, per_second  # noqa: E402

TODAY = date(2026, 11, 1)
KINDS = ("chimera", "wrong-authors", "fabricated")
# The venue's layout: 2, PDFs set in an embedded font and no period after a title's question
# mark; 3, its papers with arXiv ids in the arXiv index; 4, no paper cited twice in a document. A
# venue kept from another is built again.
VENUE_LAYOUT = 4
WARM_DOCUMENTS = 20  # what a worker verifies before its one-core rate is timed (`judging_rate`)


# --- the venue -----------------------------------------------------------------------------------


def citation(
    paper: dict[str, Any], rng: random.Random, pool: list[dict[str, Any]]
) -> tuple[dict[str, Any], str]:
    """What one reference cites, and its label (``clean`` or a corruption kind)."""
    cited = {
        "title": paper["title"],
        "authors": paper["authors"],
        "year": paper["year"],
        "venue": paper["venue"],
        "doi": paper.get("doi"),
        "arxiv_id": paper.get("arxiv_id"),
    }
    return cited, "clean"


def corrupt(
    cited: dict[str, Any], kind: str, rng: random.Random, pool: list[dict[str, Any]]
) -> dict[str, Any]:
    other = rng.choice(pool)
    while other["title"] == cited["title"]:
        other = rng.choice(pool)
    if kind == "chimera" and (cited["doi"] or cited["arxiv_id"]):
        return cited | {"title": other["title"], "authors": other["authors"]}
    if kind in ("chimera", "wrong-authors"):
        return cited | {"authors": other["authors"]}
    first, second = cited["title"].split(), other["title"].split()
    invented = " ".join(first[: max(2, len(first) // 2)] + second[len(second) // 2 :])
    return cited | {"title": invented, "doi": None, "arxiv_id": None}


def bib_entry(key: str, cited: dict[str, Any]) -> str:
    fields = [
        f"  author = {{{' and '.join(cited['authors'])}}}",
        f"  title = {{{cited['title']}}}",
        f"  year = {{{cited['year']}}}",
    ]
    if cited["venue"]:
        fields.append(f"  booktitle = {{{cited['venue']}}}")
    if cited["doi"]:
        fields.append(f"  doi = {{{cited['doi']}}}")
    if cited["arxiv_id"]:
        fields += [f"  eprint = {{{cited['arxiv_id']}}}", "  archiveprefix = {arXiv}"]
    kind = "inproceedings" if cited["venue"] else "misc"
    return f"@{kind}{{{key},\n" + ",\n".join(fields) + "\n}\n\n"


def reference_line(number: int, cited: dict[str, Any]) -> str:
    """A numbered reference as BibTeX's plain style sets it: names, title, venue, year, id (a
    title that ends in a question or exclamation mark gets no period after it: add.period$)."""
    title = cited["title"] if cited["title"].endswith(("?", "!", ".")) else cited["title"] + "."
    venue = f" In {cited['venue']}," if cited["venue"] else ""
    ids = (
        f" doi:{cited['doi']}."
        if cited["doi"]
        else (f" arXiv:{cited['arxiv_id']}." if cited["arxiv_id"] else "")
    )
    return f"[{number}] {', '.join(cited['authors'])}. {title}{venue} {cited['year']}.{ids}"


# The PDF papers are set in DejaVu Sans (Debian's fonts-dejavu-core), embedded as a subset with its
# ToUnicode map, as LaTeX and word processors embed their fonts: every character of a title or a
# name ("Aβ42", "κHGCN", "İlkan") is in the text a reader extracts, as in an author's PDF.
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A plain PDF: a title, some text, and a References section, long lines wrapped."""
    from fpdf import FPDF

    wrapped = []
    for line in [title, "", "Abstract. A synthetic paper of the benchmark venue.", "", "References", *lines]:
        while len(line) > 95:
            cut = line.rfind(" ", 0, 95)
            cut = cut if cut > 0 else 95
            wrapped.append(line[:cut])
            line = "    " + line[cut:].lstrip()
        wrapped.append(line)
    pdf = FPDF(unit="pt", format=(612, 842))
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))  # the same bytes on every build
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=9)
    for first in range(0, len(wrapped), 60):
        pdf.add_page()
        for row, line in enumerate(wrapped[first : first + 60]):
            pdf.text(50, 52 + 12 * row, line)
    return bytes(pdf.output())


def _can_write_pdfs() -> None:
    """Stop with one line when the PDF papers cannot be written here."""
    try:
        import fpdf  # noqa: F401
    except ImportError:
        sys.exit("bench_corpus_verify: the PDF papers are written with fpdf2: pip install fpdf2")
    if not FONT.is_file():
        sys.exit(f"bench_corpus_verify: no {FONT}: apt-get install fonts-dejavu-core")


def make_venue(folder: Path, pool: list[dict[str, Any]], documents: int, refs: int, pdf_share: float,
               corrupt_share: float, seed: int) -> dict[tuple[str, int], str]:  # fmt: skip
    """Write the documents; return each reference's label by (document id, position)."""
    rng = random.Random(seed)
    labels: dict[tuple[str, int], str] = {}
    for number in range(documents):
        is_pdf = rng.random() < pdf_share
        name = f"paper{number:05d}.{'pdf' if is_pdf else 'bib'}"
        cited_list = []
        # A bibliography lists each work once: a document cites ``refs`` different papers.
        for position, paper in enumerate(rng.sample(pool, refs)):
            cited, label = citation(paper, rng, pool)
            if rng.random() < corrupt_share:
                label = KINDS[rng.randrange(len(KINDS))]
                cited = corrupt(cited, label, rng, pool)
            labels[name, position] = label
            cited_list.append(cited)
        if is_pdf:
            lines = [reference_line(i + 1, cited) for i, cited in enumerate(cited_list)]
            (folder / name).write_bytes(pdf_bytes(f"Synthetic paper {number}", lines))
        else:
            text = "".join(bib_entry(f"r{i}", cited) for i, cited in enumerate(cited_list))
            (folder / name).write_text(text, encoding="utf-8")
    return labels


# --- measuring ----------------------------------------------------------------------------------


def results_of(folder: Path) -> list[dict[str, Any]]:
    """The result lines a run left in ``folder``, sorted by document id."""
    shards = sorted((folder / "results").glob("*.jsonl"))
    lines = [json.loads(line) for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()]
    return sorted(lines, key=lambda result: result["document"]["id"])


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def judging_rate(
    paths: list[Path], warm: list[Path], job: Job
) -> tuple[int, tuple[float, float], tuple[float, float]]:
    """References, (wall, CPU) seconds reading them, (wall, CPU) seconds from the parsed
    references to verdicts, on one core, in a worker that has verified the documents ``warm``
    first, as one has a little way into a venue (its indexes' pages read, the names and venues
    it met parsed once)."""
    sources = sources_for(job)
    for path in warm:
        document = read_claims([path])[0]
        judge_all(document, sources.answers(document), job.options, job.today)
    watch = Stopwatch()
    claims = [read_claims([path])[0] for path in paths]
    read = watch.read()
    watch = Stopwatch()
    for document in claims:
        judge_all(document, sources.answers(document), job.options, job.today)
    judged = watch.read()
    close_kept()
    return sum(len(c) for c in claims), read, judged


Entries = dict[str, list[dict[str, Any]]]  # document id → its entries as a result line holds them


def entries_of(results: list[dict[str, Any]]) -> Entries:
    return {result["document"]["id"]: result["entries"] for result in results}


def rates(documents: Entries, labels: dict[tuple[str, int], str]) -> list[str]:
    """The detection and false-alarm lines for each document's entries: what the bench prints and
    what it compares between the venue run and per-file ``verify``."""
    snapshot_year = int(SNAPSHOT_DATE[:4])
    by_label: dict[str, Counter[str]] = {}
    false_alarms: Counter[str] = Counter()
    for document, entries in documents.items():
        for position, entry in enumerate(entries):
            verdict, year = entry["verdict"], (entry["read"] or {}).get("year")
            label = labels.get((document, position), "?")
            if label == "fabricated":  # the complete index answers for the years before its own
                label += (
                    " (cited before the snapshot's year)"
                    if year and year < snapshot_year
                    else " (not before)"
                )
            by_label.setdefault(label, Counter())[verdict] += 1
            if label == "clean" and verdict in ("mismatch", "not_found"):
                false_alarms.update(f["code"] for f in entry["findings"] if f["severity"] == "error")
    lines = ["verdicts by label:"]
    for label, counts in sorted(by_label.items()):
        total = sum(counts.values())
        flagged = counts["mismatch"] + counts["not_found"]
        lines.append(
            f"  {label:<44} {total:>7} refs: flagged {flagged / total:6.1%}, unverifiable"
            f" {counts['unverifiable'] / total:6.1%}, verified {counts['verified'] / total:6.1%}"
        )
    corrupted = Counter[str]()
    for label, counts in by_label.items():
        if label.split(" ")[0] in KINDS:
            corrupted.update(counts)
    clean = by_label.get("clean", Counter())
    if corrupted:
        total = sum(corrupted.values())
        caught = corrupted["mismatch"] + corrupted["not_found"]
        lines.append(f"detection (flagged): {caught / total:.1%} of {total};"
                     f" flagged or unverifiable: {(total - corrupted['verified']) / total:.1%}")  # fmt: skip
    if clean:
        total = sum(clean.values())
        alarms = clean["mismatch"] + clean["not_found"]
        lines.append(f"false alarms (clean flagged): {alarms / total:.2%} of {total};"
                     f" clean left unverifiable: {clean['unverifiable'] / total:.1%}")  # fmt: skip
        lines.append(f"false alarms by code: {dict(false_alarms.most_common(5))}")
    return lines


def per_file_entries(folder: Path, results: list[dict[str, Any]], job: Job, overrides: dict[str, Any],
                     sample: int) -> Entries:  # fmt: skip
    """Each document (every one, or ``sample`` spread over the venue) verified alone, as
    ``bibnorm verify FILE`` does, with the venue run's settings: its entries as a result line
    holds them."""
    checked = results[:: max(1, len(results) // sample)][:sample] if sample else results
    entries: Entries = {}
    for result in checked:
        outcome = run_verify([folder / result["document"]["path"]], overrides, job.options, job.today,
                             build_session)  # fmt: skip
        ordered = sorted(outcome.verdicts, key=lambda verdict: verdict.line)
        entries[result["document"]["id"]] = json.loads(json.dumps([entry_json(v) for v in ordered]))
    return entries


def prepare(work: Path, args: argparse.Namespace, pool: list[dict[str, Any]]) -> dict[tuple[str, int], str]:
    """The venue and its small indexes in ``work``, built unless an earlier run with the same
    parameters left them there (``venue.json`` is written last: a killed build is built again)."""
    stamp = {name: getattr(args, name) for name in ("documents", "refs", "pdf_share", "corrupt", "seed")}
    # A venue kept from an earlier layout of the documents or the snapshot is built again.
    stamp |= {"layout": VENUE_LAYOUT, "works snapshot": SNAPSHOT_DATE}
    stamp_file = work / "venue.json"
    if stamp_file.exists() and json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
        rows = json.loads((work / "labels.json").read_text(encoding="utf-8"))
        print(f"venue and small indexes reused from {work}")
        return {(name, position): label for name, position, label in rows}
    if args.pdf_share > 0:
        _can_write_pdfs()
    started = time.perf_counter()
    for stale in ("venue", "works"):
        shutil.rmtree(work / stale, ignore_errors=True)
    snapshot = write_works_snapshot(work / "works", (as_work(n, paper) for n, paper in enumerate(pool)))
    for index in ("works", "arxiv", "dblp", "retractions"):
        (work / f"{index}.sqlite").unlink(missing_ok=True)
    build_works_index([snapshot], work / "works.sqlite")
    # The other local indexes open beside it, as a venue run has them: the arXiv snapshot (the
    # bundled one, and the venue's papers with arXiv ids, which arXiv's own snapshot holds), the
    # dblp dump bundled in fixtures/, Retraction Watch's sample rows.
    arxiv = work / "arxiv-world.jsonl"
    arxiv.write_text(world_arxiv_lines(pool), encoding="utf-8")
    build_index([ROOT / "fixtures/demo/snapshot.jsonl", arxiv], work / "arxiv.sqlite")
    build_dblp_index(ROOT / "fixtures/dblp/dblp.xml", work / "dblp.sqlite")
    build_retraction_index(
        [REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"],
        work / "retractions.sqlite",
    )
    (work / "venue").mkdir()
    labels = make_venue(
        work / "venue", pool, args.documents, args.refs, args.pdf_share, args.corrupt, args.seed
    )
    rows = [[name, position, label] for (name, position), label in sorted(labels.items())]
    (work / "labels.json").write_text(json.dumps(rows), encoding="utf-8")
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    print(f"venue and small indexes built in {time.perf_counter() - started:.0f} s (kept in {work})")
    return labels


def settings_of(work: Path, args: argparse.Namespace, pool: list[dict[str, Any]]) -> dict[str, Any]:
    """The run's settings: offline, the four local indexes (the three large ones with --indexes)."""
    overrides: dict[str, Any] = {
        "offline": True,
        "openalex_works": work / "works.sqlite",
        "snapshot": work / "arxiv.sqlite",
        "dblp_index": work / "dblp.sqlite",
        "retraction_watch": work / "retractions.sqlite",
        "cache_dir": work / "cache",
    }
    if args.indexes:
        overrides |= large_indexes(args.indexes, args.index_rows, args.seed, pool)
    return overrides


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def timed_run(name: str, engine: Engine, venue: Path, work: Path, job: Job, refs: int) -> float:
    """The whole venue on ``engine`` into ``work / name``; its wall-clock seconds. (Dask's worker
    processes end with their cluster, after the run: their CPU time is not known here.)"""
    watch = Stopwatch()
    with WorkerMemory() as memory:
        run_corpus(str(venue), fresh(work / name), job, engine)
    wall, cpu = watch.read()
    rate = f"{refs / wall:,.0f} refs/s" if isinstance(engine, DaskEngine) else per_second(refs, (wall, cpu))
    print(f"{name}: {rate} over the venue ({wall:.1f} s; {load_figure()})")
    if memory.resident and not isinstance(engine, SerialEngine):  # serial: the worker is this script
        print(f"  largest worker: peak resident {memory.resident:.0f} MB, private {memory.private:.0f} MB")
        print(
            f"  with the processes it started (its PDF reader): {memory.tree_proportional:.0f} MB "
            "(proportional set sizes summed, sampled)"
        )
    return wall


def engine_runs(
    venue: Path, work: Path, job: Job, refs: int, rounds: int, dask: bool, judge: Callable[[], None]
) -> bool:
    """The venue on 1 process, 2 processes and, with ``dask``, 1 and 2 Dask workers, each run in
    a child (`in_a_child`: a run's results and caches do not grow the process the next run's
    workers are forked from), ``rounds`` times in turn (a shared machine's speed drifts over minutes: each
    engine meets the same drift), then the scalings between the engines' median times; ``judge``
    is called once, after the first serial run. True when every results folder is byte-identical
    to the serial run's."""
    names = ["1 process", "2 processes", *([_dask_name(1), _dask_name(2)] if dask else [])]
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for round in range(rounds):
        if rounds > 1:
            print(f"round {round + 1} of {rounds}")
        seconds["1 process"].append(
            in_a_child(timed_run, "1 process", SerialEngine(), venue, work, job, refs)
        )
        if round == 0:
            judge()
        seconds["2 processes"].append(
            in_a_child(timed_run, "2 processes", ProcessEngine(2), venue, work, job, refs)
        )
        if dask:
            for workers in (1, 2):
                seconds[_dask_name(workers)].append(in_a_child(dask_run, workers, venue, work, job, refs))
    middle = {name: statistics.median(times) for name, times in seconds.items()}
    for one, two in (
        ("1 process", "2 processes"),
        (_dask_name(1), _dask_name(2)),
        ("1 process", _dask_name(2)),
    ):
        if one in middle and two in middle:
            each = ", ".join(f"{a / b:.2f}x" for a, b in zip(seconds[one], seconds[two], strict=True))
            spread = f" (round by round: {each})" if rounds > 1 else ""
            print(f"scaling {one} -> {two}: {middle[one] / middle[two]:.2f}x, median times{spread}")
    serial = folder_bytes(work / "1 process")
    return all(folder_bytes(work / name) == serial for name in names[1:])


def dask_run(workers: int, venue: Path, work: Path, job: Job, refs: int) -> float:
    """The venue on a Dask LocalCluster of ``workers`` single-threaded worker processes, set up as
    docs/scale.md runs a venue: non-daemonic (a PDF is read in a bounded child) and without
    Dask's statistical profiler (it samples each task's stack 100 times a second: 5% of a
    CPU-bound task's time)."""
    import dask
    from distributed import LocalCluster

    with (
        dask.config.set({"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False}),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
    ):
        return timed_run(_dask_name(workers), DaskEngine(cluster), venue, work, job, refs)


def _dask_name(workers: int) -> str:
    return f"{workers} Dask worker{'s' if workers > 1 else ''}"


def shard_bytes(folder: Path) -> int:
    return sum(shard.stat().st_size for shard in (folder / "results").glob("*.jsonl"))


def kill_and_resume(venue: Path, work: Path, job: Job, forwarded: list[str], share: float) -> str:
    """This script run again (``--run-into``) with 2 worker processes, its process group sent
    SIGKILL once its shards hold ``share`` of the whole run's bytes, then resumed here: is the
    folder byte-identical to the uninterrupted run's?"""
    out = fresh(work / "killed")
    goal = shard_bytes(work / "1 process") * share
    command = [sys.executable, __file__, *forwarded, "--keep", str(work), "--run-into", str(out)]
    child = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL)
    while child.poll() is None and (not (out / "results").exists() or shard_bytes(out) < goal):
        time.sleep(0.05)
    killed = child.poll() is None
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    # Whole lines only: the kill may cut the last one short.
    left = sum(shard.read_bytes().count(b"\n") for shard in (out / "results").glob("*.jsonl"))
    resumed = run_corpus(str(venue), out, job, ProcessEngine(2))
    same = folder_bytes(out) == folder_bytes(work / "1 process")
    state = (
        f"killed with {left} documents' lines written" if killed else f"ended first (exit {child.returncode})"
    )
    return (
        f"{state}; resumed ({resumed.verified_now} verified, {resumed.reused} reused): byte-identical {same}"
    )


def compare_with_other_indexes(work: Path, results: list[dict[str, Any]], large: bool) -> None:
    """Each run keeps its verdicts; the other size's (from an earlier run in --keep) are compared."""
    verdicts = {r["document"]["id"]: [e["verdict"] for e in r["entries"]] for r in results}
    mine, other = ("large", "small") if large else ("small", "large")
    (work / f"verdicts-{mine}-indexes.json").write_text(
        json.dumps(verdicts, sort_keys=True), encoding="utf-8"
    )
    if (work / f"verdicts-{other}-indexes.json").exists():
        theirs = json.loads((work / f"verdicts-{other}-indexes.json").read_text(encoding="utf-8"))
        differ = sorted(name for name in verdicts if verdicts[name] != theirs.get(name))
        print(
            f"verdicts the same with the small and the large indexes: {len(verdicts) - len(differ)}"
            f"/{len(verdicts)} documents {differ[:5]}"
        )


def judge_serial_run(
    work: Path,
    labels: dict[tuple[str, int], str],
    job: Job,
    overrides: dict[str, Any],
    args: argparse.Namespace,
) -> None:
    """The serial run's rates, its verdicts beside the other indexes' and per-file verify's (its
    rates computed the same way and compared)."""
    results = results_of(work / "1 process")
    venue = entries_of(results)
    venue_rates = rates(venue, labels)
    print("\n".join(venue_rates))
    compare_with_other_indexes(work, results, args.indexes is not None)
    watch = Stopwatch()
    alone = per_file_entries(work / "venue", results, job, overrides, args.sample)
    agree = sum(1 for document, entries in alone.items() if venue[document] == entries)
    rate = per_second(sum(len(e) for e in alone.values()), watch.read())
    print(f"per-file verify ({rate}): every entry the same (verdict, findings, match, what was read)"
          f" in {agree}/{len(alone)} documents")  # fmt: skip
    if not args.sample:
        same = rates(alone, labels) == venue_rates
        print(f"per-file verify's detection and false-alarm rates equal the venue run's: {same}")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--refs", type=int, default=50)
    parser.add_argument("--pdf-share", type=float, default=0.25)
    parser.add_argument("--corrupt", type=float, default=0.035)
    parser.add_argument("--seed", type=int, default=46)
    parser.add_argument(
        "--dask", action="store_true", help="also run on Dask LocalClusters of 1 and 2 worker processes"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="run each engine this many times in turn; scalings from medians"
    )
    parser.add_argument(
        "--sample", type=int, default=0, help="documents checked against per-file verify (0: every one)"
    )
    parser.add_argument(
        "--rate-sample", type=int, default=100, help="documents of each kind the one-core rates read"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="work in this folder and keep it (a second run reuses the venue and indexes)",
    )
    parser.add_argument(
        "--indexes", type=Path, default=None, help="open the large indexes in this folder (built if missing)"
    )
    parser.add_argument("--index-rows", type=int, default=1_000_000, help="synthetic records per large index")
    parser.add_argument(
        "--kill-at",
        type=lambda text: [float(share) for share in text.split(",") if float(share) > 0],
        default=[0.4],
        help="kill a run once it wrote this share of its results, for each share of a comma-separated"
        " list (1: as it settles the shards and writes the summaries; 0: no kill)",
    )
    parser.add_argument("--run-into", type=Path, default=None, help=argparse.SUPPRESS)  # the run to kill
    return parser.parse_args()


def forwarded(args: argparse.Namespace) -> list[str]:
    """The options that make the same venue and settings, for the run to kill."""
    names = ["documents", "refs", "pdf_share", "corrupt", "seed"] + (
        ["indexes", "index_rows"] if args.indexes else []
    )
    return [part for name in names for part in (f"--{name.replace('_', '-')}", str(getattr(args, name)))]


def main() -> None:
    args = arguments()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        pool = papers()
        labels = prepare(work, args, pool)
        overrides = settings_of(work, args, pool)
        job = Job.make(overrides, VerifyOptions(), TODAY, build_session)
        venue = work / "venue"
        if args.run_into:
            run_corpus(str(venue), args.run_into, job, ProcessEngine(2))
            return
        pdfs, bibs = sorted(venue.glob("*.pdf")), sorted(venue.glob("*.bib"))
        print(
            f"venue: {args.documents} documents ({len(pdfs)} PDF, {len(bibs)} .bib), {len(labels)} refs,"
            f" {sum(1 for v in labels.values() if v != 'clean')} corrupted;"
            f" indexes: {', '.join(f'{k} {Path(v).name}' for k, v in overrides.items() if k != 'offline')}"
        )
        for kind, every in (("bib", bibs), ("pdf", pdfs)):
            step = max(1, len(every) // args.rate_sample)
            paths, warm = every[::step][: args.rate_sample], every[1::step][:WARM_DOCUMENTS]
            if not paths:
                continue
            refs, read, judged = in_a_child(judging_rate, paths, warm, job)
            both = (read[0] + judged[0], read[1] + judged[1])
            print(
                f"one core, {kind}: {refs} refs; parsed refs to verdicts {per_second(refs, judged)};"
                f" reading {per_second(refs, read)}; including reading {per_second(refs, both)}"
                f" ({load_figure()})"
            )
        judge = partial(in_a_child, judge_serial_run, work, labels, job, overrides, args)
        same = engine_runs(venue, work, job, len(labels), args.rounds, args.dask, judge)
        print(f"results byte-identical across engines: {same}")
        for share in args.kill_at:
            resumed = kill_and_resume(venue, work, job, forwarded(args), share)
            print(f"kill at {share:.0%} of the results and resume: {resumed}")


if __name__ == "__main__":
    main()
