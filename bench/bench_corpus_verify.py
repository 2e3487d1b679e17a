"""A synthetic venue verified offline: ``verify CORPUS --out`` at scale (normalizer/corpus).

The venue is made from real records: the 1,629 real papers of the verify dev set's world
(``verify-dev/dev_public.world.jsonl``: titles, authors, DOIs, arXiv ids, dblp venues and years).
The local OpenAlex works index is built from them, written as the snapshot's Work objects (the
same objects the API returns), and opened beside the arXiv snapshot and dblp indexes built from
the bundled fixtures and a Retraction Watch index, as a venue run has them. Each document cites
``--refs`` of the papers, as a ``.bib`` or as a PDF paper (a small PDF this script writes, its
references section one numbered item each). A share of the references (``--corrupt``, 3.5% by
default) is corrupted with a known label:

- ``chimera``: a real paper's DOI or arXiv id under another paper's title and authors;
- ``wrong-authors``: a real title with another paper's authors;
- ``fabricated``: an invented title (two real titles' halves) with real authors and no id.

Offline, an index's silence proves nothing, so a fabricated title is reported unverifiable,
not "not found": detection is counted both ways (flagged; flagged or unverifiable).

Printed: the venue's size; the index build; references/s per core from parsed references to
verdicts (reading apart), and including reading (``.bib`` and PDF apart); the whole venue with
1 and 2 local worker processes (and 2 Dask workers with ``--dask``), the scaling, peak memory per
worker, whether the results folders are byte-identical; detection and false-alarm rates; and
whether per-file ``verify`` gives the same verdicts on a sample of documents.

    python bench/bench_corpus_verify.py                                  # 200 documents, ~10k refs
    python bench/bench_corpus_verify.py --documents 2000 --refs 50 --dask  # the issue's size
    python bench/bench_corpus_verify.py --documents 2000 --refs 5 --keep /tmp/venue  # docs/scale-summary.png
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.corpus.engines import DaskEngine, ProcessEngine, SerialEngine  # noqa: E402
from bibnorm.corpus.jobs import close_kept  # noqa: E402
from bibnorm.corpus.run import run_corpus  # noqa: E402
from bibnorm.corpus.verifying import Job, sources_for  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.resolvers.dblp_index import build_dblp_index  # noqa: E402
from bibnorm.resolvers.openalex_works import build_works_index  # noqa: E402
from bibnorm.resolvers.retraction_watch import build_retraction_index  # noqa: E402
from bibnorm.resolvers.snapshot import build_index  # noqa: E402
from bibnorm.verify.run import VerifyOptions, judge_all, read_claims, run_verify  # noqa: E402
from fakes.verify_world import as_work, papers  # noqa: E402
from paths import REFERENCE  # noqa: E402

TODAY = date(2026, 11, 1)
KINDS = ("chimera", "wrong-authors", "fabricated")


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
    venue = f" In {cited['venue']}," if cited["venue"] else ""
    ids = (
        f" doi:{cited['doi']}."
        if cited["doi"]
        else (f" arXiv:{cited['arxiv_id']}." if cited["arxiv_id"] else "")
    )
    return f"[{number}] {', '.join(cited['authors'])}. {cited['title']}.{venue} {cited['year']}.{ids}"


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A plain PDF: a title, some text, and a References section, long lines wrapped."""
    wrapped = []
    for line in [title, "", "Abstract. A synthetic paper of the benchmark venue.", "", "References", *lines]:
        while len(line) > 95:
            cut = line.rfind(" ", 0, 95)
            cut = cut if cut > 0 else 95
            wrapped.append(line[:cut])
            line = "    " + line[cut:].lstrip()
        wrapped.append(line)
    pages = [wrapped[i : i + 60] for i in range(0, len(wrapped), 60)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               "/Encoding /WinAnsiEncoding >>"]  # fmt: skip
    kids = []
    for page in pages:
        text = "".join(
            f"1 0 0 1 50 {790 - 12 * row} Tm ("
            + line.encode("cp1252", "replace")
            .decode("latin-1")
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
            + ") Tj\n"
            for row, line in enumerate(page)
        )
        stream = f"BT /F1 9 Tf\n{text}ET"
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents {len(objects)} 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_venue(folder: Path, pool: list[dict[str, Any]], documents: int, refs: int, pdf_share: float,
               corrupt_share: float, seed: int) -> dict[tuple[str, int], str]:  # fmt: skip
    """Write the documents; return each reference's label by (document id, position)."""
    rng = random.Random(seed)
    labels: dict[tuple[str, int], str] = {}
    for number in range(documents):
        is_pdf = rng.random() < pdf_share
        name = f"paper{number:05d}.{'pdf' if is_pdf else 'bib'}"
        cited_list = []
        for position in range(refs):
            cited, label = citation(rng.choice(pool), rng, pool)
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


def judging_rate(paths: list[Path], job: Job) -> tuple[int, float, float]:
    """References, seconds reading them, seconds from the parsed references to verdicts (one core)."""
    started = time.perf_counter()
    claims = [read_claims([path])[0] for path in paths]
    read = time.perf_counter() - started
    sources = sources_for(job)
    started = time.perf_counter()
    for document in claims:
        judge_all(document, sources.answers(document), job.options, job.today)
    judged = time.perf_counter() - started
    close_kept()
    return sum(len(c) for c in claims), read, judged


def rates(results: list[dict[str, Any]], labels: dict[tuple[str, int], str]) -> None:
    by_label: dict[str, Counter[str]] = {}
    false_alarms: Counter[str] = Counter()
    for result in results:
        for position, entry in enumerate(result["entries"]):
            label = labels.get((result["document"]["id"], position), "?")
            by_label.setdefault(label, Counter())[entry["verdict"]] += 1
            if label == "clean" and entry["verdict"] in ("mismatch", "not_found"):
                false_alarms.update(f["code"] for f in entry["findings"] if f["severity"] == "error")
    print("  verdicts by label:")
    for label, counts in sorted(by_label.items()):
        total = sum(counts.values())
        flagged = counts["mismatch"] + counts["not_found"]
        print(
            f"    {label:<14} {total:>7} refs: flagged {flagged / total:6.1%}, unverifiable"
            f" {counts['unverifiable'] / total:6.1%}, verified {counts['verified'] / total:6.1%}"
        )
    corrupted = Counter[str]()
    for label, counts in by_label.items():
        if label in KINDS:
            corrupted.update(counts)
    clean = by_label.get("clean", Counter())
    if corrupted:
        total = sum(corrupted.values())
        caught = corrupted["mismatch"] + corrupted["not_found"]
        print(f"  detection (flagged): {caught / total:.1%} of {total};"
              f" flagged or unverifiable: {(total - corrupted['verified']) / total:.1%}")  # fmt: skip
    if clean:
        total = sum(clean.values())
        alarms = clean["mismatch"] + clean["not_found"]
        print(f"  false alarms (clean flagged): {alarms / total:.2%} of {total};"
              f" clean left unverifiable: {clean['unverifiable'] / total:.1%}")  # fmt: skip
        print(f"  false alarms by code: {dict(false_alarms.most_common(5))}")


def per_file_agreement(
    folder: Path, results: list[dict[str, Any]], job: Job, overrides: dict[str, Any], sample: int
) -> str:
    agree = 0
    checked = results[:sample]
    for result in checked:
        outcome = run_verify([folder / result["document"]["path"]], overrides, job.options, job.today,
                             build_session)  # fmt: skip
        if [v.verdict.value for v in outcome.verdicts] == [e["verdict"] for e in result["entries"]]:
            agree += 1
    return f"{agree}/{len(checked)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--refs", type=int, default=50)
    parser.add_argument("--pdf-share", type=float, default=0.25)
    parser.add_argument("--corrupt", type=float, default=0.035)
    parser.add_argument("--seed", type=int, default=46)
    parser.add_argument(
        "--dask", action="store_true", help="also run on a Dask LocalCluster of 2 worker processes"
    )
    parser.add_argument("--sample", type=int, default=40, help="documents checked against per-file verify")
    parser.add_argument("--keep", type=Path, default=None, help="work in this (new) folder and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = args.keep or Path(tmp)
        if args.keep:
            work.mkdir(parents=True)
        pool = papers()
        snapshot = work / "works" / "part_000.gz"
        snapshot.parent.mkdir()
        with gzip.open(snapshot, "wt", encoding="utf-8") as lines:
            lines.writelines(json.dumps(as_work(n, paper)) + "\n" for n, paper in enumerate(pool))
        started = time.perf_counter()
        built = build_works_index([snapshot], work / "works.sqlite")
        print(f"index: {built.records} works in {time.perf_counter() - started:.2f} s")

        venue = work / "venue"
        venue.mkdir()
        labels = make_venue(venue, pool, args.documents, args.refs, args.pdf_share, args.corrupt, args.seed)
        pdfs = sorted(venue.glob("*.pdf"))
        bibs = sorted(venue.glob("*.bib"))
        print(f"venue: {args.documents} documents ({len(pdfs)} PDF, {len(bibs)} .bib), {len(labels)} refs,"
              f" {sum(1 for v in labels.values() if v != 'clean')} corrupted")  # fmt: skip

        # The other local indexes open beside it, as a venue run has them: the arXiv snapshot and the
        # dblp dump bundled in fixtures/, Retraction Watch's sample rows.
        build_index([ROOT / "fixtures/demo/snapshot.jsonl"], work / "arxiv.sqlite")
        build_dblp_index(ROOT / "fixtures/dblp/dblp.xml", work / "dblp.sqlite")
        build_retraction_index([REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"],
                               work / "retractions.sqlite")  # fmt: skip
        overrides = {
            "offline": True,
            "openalex_works": work / "works.sqlite",
            "snapshot": work / "arxiv.sqlite",
            "dblp_index": work / "dblp.sqlite",
            "retraction_watch": work / "retractions.sqlite",
            "cache_dir": work / "cache",
        }
        job = Job.make(overrides, VerifyOptions(), TODAY, build_session)
        for kind, paths in (("bib", bibs), ("pdf", pdfs)):
            if not paths:
                continue
            refs, read, judged = judging_rate(paths, job)
            print(f"one core, {kind}: {refs} refs; parsed refs to verdicts {refs / judged:,.0f} refs/s;"
                  f" reading {refs / read:,.0f} refs/s;"
                  f" including reading {refs / (read + judged):,.0f} refs/s")  # fmt: skip

        timings = {}
        for name, engine in (("1 process", SerialEngine()), ("2 processes", ProcessEngine(2))):
            started = time.perf_counter()
            run_corpus(str(venue), work / name, job, engine)
            timings[name] = time.perf_counter() - started
            print(f"{name}: {len(labels) / timings[name]:,.0f} refs/s over the venue ({timings[name]:.1f} s)")
        print(f"scaling 1 -> 2 processes: {timings['1 process'] / timings['2 processes']:.2f}x")
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"peak memory: serial worker (this process) {self_peak:.0f} MB;"
            f" largest worker process {child_peak:.0f} MB"
        )
        same = folder_bytes(work / "1 process") == folder_bytes(work / "2 processes")
        if args.dask:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster:  # fmt: skip
                started = time.perf_counter()
                run_corpus(str(venue), work / "dask", job, DaskEngine(cluster))
                elapsed = time.perf_counter() - started
            print(f"2 Dask workers: {len(labels) / elapsed:,.0f} refs/s ({elapsed:.1f} s)")
            same = same and folder_bytes(work / "dask") == folder_bytes(work / "1 process")
        print(f"results byte-identical across engines: {same}")
        results = results_of(work / "1 process")
        rates(results, labels)
        agreed = per_file_agreement(venue, results, job, overrides, args.sample)
        print(f"per-file verify gives the same verdicts: {agreed} documents")


if __name__ == "__main__":
    main()
