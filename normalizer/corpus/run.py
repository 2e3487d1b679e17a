"""A corpus worked on into a results folder: find, skip what is done, verify or resolve, settle,
summarise. The same run for every `bibnorm.corpus.jobs.CorpusJob`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bibnorm.corpus.documents import Document, corpus_root, find_documents
from bibnorm.corpus.engines import Engine
from bibnorm.corpus.jobs import CorpusJob
from bibnorm.corpus.owned import OwnFiles
from bibnorm.corpus.store import Key, ResultStore
from bibnorm.corpus.summary import Tally, WrittenNow, write_document_files, write_summary
from bibnorm.errors import UsageError
from bibnorm.io import HELD, held_folder, remove_temporaries
from bibnorm.resolve.progress import NO_PROGRESS, Progress


@dataclass
class CorpusOutcome:
    rows: list[dict[str, Any]]  # one per document, as summary.csv has it (`summary.document_row`)
    verified_now: int  # documents this run read and verified (or resolved): never an unreadable one
    reused: int  # documents whose result an earlier run had written
    tally: Tally  # what the rows count: verify's verdicts, resolve's statuses
    unreadable_now: int = 0  # documents this run could not read
    left_alone: list[str] = field(default_factory=list)  # files in the results folder no run wrote

    def verdicts(self) -> Counter[str]:
        """The entries of the whole corpus by outcome (verdict or status)."""
        return Counter({outcome: sum(row[outcome] for row in self.rows) for outcome in self.tally.outcomes})

    def unreadable(self) -> int:
        return sum(1 for row in self.rows if row["error"])

    def shortfall(self) -> str | None:
        """What makes the run a failure, in a few words, or None: no document could be read, or
        none of the references read could be judged (verify: each unverifiable; resolve: each
        failed: the sources could not be asked)."""
        if self.rows and self.unreadable() == len(self.rows):
            errors = sorted({row["error"] for row in self.rows})
            return f"no document could be read ({len(self.rows)} unreadable; {errors[0]})"
        tally = self.verdicts()
        references = sum(tally.values())
        unjudged = tally["unverifiable"] + tally["failed"]
        if references and unjudged == references:
            outcome = "unverifiable" if tally["unverifiable"] else "failed"
            return f"no reference could be judged (all {references} {outcome}: the sources could not answer)"
        return None


def run_corpus(
    corpus: str,
    out: Path,
    job: CorpusJob,
    engine: Engine,
    progress: Progress = NO_PROGRESS,
    *,
    allow_outside: bool = False,
) -> CorpusOutcome:
    """Do ``job`` to every document of ``corpus`` (`find_documents`) not yet done in ``out`` with
    this decision version, write its line and its files (its page, resolve's .bib) as it finishes, then
    settle the shards and write the summaries. Stopped at any point, the next run goes on where
    this one stopped. One run at a time writes ``out``: another is refused in one line. A document
    outside the corpus's folder is refused unless ``allow_outside`` (`find_documents`)."""
    refuse_output_holding_input(corpus, out)
    found = find_documents(corpus, allow_outside=allow_outside)
    documents = [d for d in found if not _inside(d.path, out)]
    written_before = (out / HELD).exists()  # by a run (of an earlier version, maybe), not this one
    with held_folder(out):
        own = OwnFiles(out, adopt_earlier=written_before)
        own.refuse_foreign(("documents", *job.tally.folders))
        return _run(documents, out, own, job, engine, progress)


def _run(
    documents: list[Document], out: Path, own: OwnFiles, job: CorpusJob, engine: Engine, progress: Progress
) -> CorpusOutcome:
    # A run killed while it renamed a shard, a page or a summary into place left its temporary
    # file; no other run writes here now (`held_folder`), so every one is a killed run's.
    for folder in (out, out / "results", *(out / name for name in ("documents", *job.tally.folders))):
        remove_temporaries(folder)
    decision = job.decision_version()
    store = ResultStore(out, own)
    progress.start("hash", len(documents), "documents")
    hashed: list[tuple[Document, str]] = []
    for document in documents:
        hashed.append((document, document.content_hash()))
        progress.advance()
    keys: list[Key] = [(document.id, digest, decision) for document, digest in hashed]
    done = store.done()
    todo = [pair for pair, key in zip(hashed, keys, strict=True) if key not in done]
    tally = job.tally
    progress.start(tally.phase, len(todo), "documents")
    written: dict[str, WrittenNow] = {}  # document id → its files this run wrote, its row
    try:
        for results in engine.run(job, todo, decision):
            for result in results:
                store.append(result.line, result.key)
                write_document_files(own, result.files)
                written[result.document_id] = WrittenNow(frozenset(result.files), result.row)
            progress.advance(len(results))
    finally:
        store.close()
    progress.finish()
    progress.start("summary", len(keys), "documents")
    rows = write_summary(own, store.settle(keys), tally, progress, written)
    own.save()
    progress.finish()
    unreadable_now = sum(1 for done in written.values() if done.row["error"])
    return CorpusOutcome(
        rows=rows,
        verified_now=len(todo) - unreadable_now,
        reused=len(documents) - len(todo),
        tally=tally,
        unreadable_now=unreadable_now,
        left_alone=sorted(own.foreign),
    )


def refuse_output_holding_input(corpus: str, out: Path) -> None:
    """`UsageError` when the results folder is the corpus's folder or holds it: a run's files
    would mix with the documents (and a user's own files there are no run's to replace)."""
    root = corpus_root(corpus).resolve()
    if root.is_relative_to(out.resolve()):
        where = "is" if root == out.resolve() else "holds"
        raise UsageError(
            f"--out {out} {where} the corpus's folder {corpus_root(corpus)}: give the results a folder"
            " of their own, such as --out results (nothing was written)"
        )


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in the results ``folder`` (a corpus folder holding its own results)."""
    return path.resolve().is_relative_to(folder.resolve())
