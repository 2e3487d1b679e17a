"""The task every engine runs, whatever the command: a batch of documents → their results (the line
and the pages beside it).

A corpus job (`bibnorm.corpus.verifying.Job` for ``verify``, `bibnorm.corpus.resolving.ResolveDocuments`
for ``resolve``) says what a result depends on besides the document (its decision version), what a
worker opens once and keeps across documents (its sources and local indexes), what one document's
result holds, and how the results folder shows it (`bibnorm.corpus.summary.Tally`). This module runs
any of them: the result line's head (the document, its content hash, the decision version) is
written here, the same for every kind, so the store and the engines never ask which command it is.

A worker (the parent when serial, a forked process, a Dask worker) keeps what a job opened until
its engine ends: an index is opened once per worker, not once per document.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from bibnorm.config import Settings
from bibnorm.corpus.store import Key
from bibnorm.corpus.summary import document_files, document_row
from bibnorm.errors import InputError

if TYPE_CHECKING:
    from bibnorm.corpus.documents import Document
    from bibnorm.corpus.summary import Tally


class Opened(Protocol):
    def close(self) -> None: ...


class CorpusJob(Hashable, Protocol):
    """What one run does to each document of a corpus (sent with each task to the workers)."""

    @property
    def tally(self) -> Tally:
        """What the summaries count per document and how the pages show it."""

    def decision_version(self) -> str:
        """What a result depends on besides the document's bytes; a result of another decision
        version is made again."""

    def open_worker(self) -> Opened:
        """What a worker opens once for this job and keeps across documents (closed at the end)."""

    def document_body(self, opened: Any, path: Path) -> dict[str, Any]:
        """One document's result, without its head: raises `InputError` when it cannot be read.
        No time, no absolute path, nothing that depends on which worker made it."""


def with_absolute_paths(settings: Settings) -> Settings:
    """``settings`` with every file and folder they name (the cache, the snapshot and dblp
    indexes) absolute: a job's settings travel to workers that run in other folders (a Dask
    worker's own), where a relative path names another file or none."""
    absolute = {
        name: value.absolute()
        for name, value in settings.model_dump().items()
        if isinstance(value, Path) and not value.is_absolute()
    }
    return settings.model_copy(update=absolute) if absolute else settings


class _Kept(threading.local):
    """What each job this thread has served opened (one job, in practice), kept across documents.
    Per thread: a Dask worker runs its tasks on threads, and a session is not shared between them."""

    def __init__(self) -> None:
        self.opened: dict[CorpusJob, Opened] = {}


_KEPT = _Kept()


def kept_for(job: CorpusJob) -> Opened:
    """What this thread works on ``job``'s documents with: opened at its first document, kept."""
    opened = _KEPT.opened.get(job)
    if opened is None:
        opened = _KEPT.opened[job] = job.open_worker()
    return opened


def close_kept() -> None:
    """Close what this thread kept open and forget it: the engine that worked in this thread calls
    it when its run ends."""
    for opened in _KEPT.opened.values():
        opened.close()
    _KEPT.opened.clear()


class DocumentResult(NamedTuple):
    """One document done: its result line, the files beside it and its summary row, made by the
    worker (so a venue's pages are rendered in parallel, and the process that writes them and the
    summaries parses nothing)."""

    key: Key  # the line's `bibnorm.corpus.store.result_key`
    line: str  # the result line, ending in a newline
    files: dict[str, str]  # name under the results folder → text: its page, the job's own (resolve's .bib)
    row: dict[str, Any]  # what the summaries say of it (`bibnorm.corpus.summary.document_row`)

    @property
    def document_id(self) -> str:
        return self.key[0]


def document_result(job: CorpusJob, document: Document, content_hash: str, decision: str) -> DocumentResult:
    """``document``'s result line and files. A document that cannot be read gives a line with its
    ``error`` and no entries: one bad PDF never stops a venue."""
    head: dict[str, Any] = {
        "id": document.id,
        "path": document.relative,
        "venue": document.venue,
        "track": document.track,
        "sha256": content_hash,
    }
    try:
        body = job.document_body(kept_for(job), document.path)
    except InputError as error:  # this document's trouble; any other stops the run
        # The message names the file by the corpus-relative path: no absolute path in a result.
        message = str(error).replace(str(document.path), document.relative)
        body = {"entries": [], "notes": [], "error": message}
    line = json.dumps({"document": head, "decision": decision, **body}, ensure_ascii=False) + "\n"
    # The files and the row are made from the line as it will be read back (lists, not tuples): a
    # page rendered now is byte for byte the page a later run renders from the results folder.
    result = json.loads(line)
    key = (document.id, content_hash, decision)
    return DocumentResult(key, line, document_files(result, job.tally), document_row(result, job.tally))


def run_batch(job: CorpusJob, batch: Sequence[tuple[Document, str]], decision: str) -> list[DocumentResult]:
    """The results of a batch of ``(document, content hash)``, in order (a task of the engines)."""
    return [document_result(job, document, digest, decision) for document, digest in batch]
