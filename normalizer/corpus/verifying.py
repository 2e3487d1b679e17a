"""One document of a corpus verified: its result line, with the sources a worker keeps open.

A worker (the parent when serial, a forked process, a Dask worker) verifies many documents in
a row; the sources (their session, the local indexes they open) are made once per worker and
`Job` and kept until the worker ends, so an index is opened once, not once per document.

The result is one JSON line, the same whichever worker wrote it: the document (id, path
relative to the corpus, venue, track, content hash), the decision version, and each entry's
key, line, verdict, findings, what was read of it and the record it matched. No time, no
absolute path, no request counts (which depend on what a worker's cache already held).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bibnorm.config import Settings, load_settings
from bibnorm.errors import InputError
from bibnorm.resolvers import SessionFactory
from bibnorm.verify.judge import Claim, EntryVerdict
from bibnorm.verify.run import VerifyOptions, judge_all, read_claims

if TYPE_CHECKING:
    from bibnorm.corpus.documents import Document
    from bibnorm.verify.sources import VerifySources

RESULT_FORMAT = 1  # the shape of a result line; a change here is a new decision version
_READ_FIELDS = ("title", "authors", "year", "venue", "doi", "arxiv_id", "kind")


@dataclass(frozen=True)
class Job:
    """What every document of one run is verified with (sent with each task to the workers).

    The settings are resolved once, where the run starts (flags, environment, config file), and
    travel with the job: a Dask worker on another node verifies with the client's settings, not
    with whatever its own environment says. ``token`` tells two jobs' settings apart.
    """

    token: str
    options: VerifyOptions
    today: date
    settings: Settings = field(compare=False, hash=False)
    open_session: SessionFactory = field(compare=False, hash=False)

    @classmethod
    def make(
        cls, overrides: Mapping[str, Any], options: VerifyOptions, today: date, open_session: SessionFactory
    ) -> Job:
        settings = load_settings(dict(overrides))
        token = hashlib.sha256(settings.model_dump_json().encode()).hexdigest()
        return cls(token, options, today, settings, open_session)

    def decision_version(self) -> str:
        """What a result depends on besides the document's bytes: bibnorm's version, the
        finding codes, the selection and the sources. A result of another decision version
        is verified again."""
        from bibnorm import __version__
        from bibnorm.verify.codes import ALL_CHECKS

        settings = self.settings
        decided = {
            "format": RESULT_FORMAT,
            "codes": [check.code for check in ALL_CHECKS],
            "select": list(self.options.select),
            "ignore": list(self.options.ignore),
            "offline": settings.offline,
            "resolvers": list(settings.resolvers),
        }
        digest = hashlib.sha256(json.dumps(decided, sort_keys=True).encode()).hexdigest()[:12]
        return f"{__version__}+{digest}"


class _Open(threading.local):
    """The sources of each job this thread has served (one, in practice), kept across documents.
    Per thread: a Dask worker runs its tasks on threads, and a session is not shared between them."""

    def __init__(self) -> None:
        self.sources: dict[Job, VerifySources] = {}


_OPEN = _Open()


def sources_for(job: Job) -> VerifySources:
    """The sources this thread verifies ``job``'s documents with: made at its first document,
    kept for the next ones (one session, each local index opened once)."""
    from bibnorm.verify.sources import VerifySources

    sources = _OPEN.sources.get(job)
    if sources is None:
        sources = _OPEN.sources[job] = VerifySources(job.settings, job.open_session)
    return sources


def close_sources() -> None:
    """Close the sources this thread kept open (their session and local indexes) and forget them:
    the engine that verified in this thread calls it when its run ends."""
    for sources in _OPEN.sources.values():
        sources.close()
    _OPEN.sources.clear()


def verify_document(job: Job, document: Document, content_hash: str, decision: str) -> str:
    """``document``'s result line (ending in a newline). A document that cannot be read gives a
    line with its ``error`` and no entries: one bad PDF never stops a venue."""
    head: dict[str, Any] = {
        "id": document.id,
        "path": document.relative,
        "venue": document.venue,
        "track": document.track,
        "sha256": content_hash,
    }
    try:
        entries, notes = _verify(job, document.path)
        body: dict[str, Any] = {"entries": entries, "notes": notes}
    except InputError as error:  # this document's trouble; any other stops the run
        # The message names the file by the corpus-relative path: no absolute path in a result.
        message = str(error).replace(str(document.path), document.relative)
        body = {"entries": [], "notes": [], "error": message}
    return json.dumps({"document": head, "decision": decision, **body}, ensure_ascii=False) + "\n"


def verify_batch(job: Job, batch: Sequence[tuple[Document, str]], decision: str) -> list[str]:
    """The result lines of a batch of ``(document, content hash)``, in order (a task of the engines)."""
    return [verify_document(job, document, digest, decision) for document, digest in batch]


def _verify(job: Job, path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    notes: list[str] = []
    claims, unreadable = read_claims([path], notes=notes)
    sources = sources_for(job)
    answers = sources.answers(claims)
    verdicts = judge_all(claims, answers, job.options, job.today)
    ordered = sorted([*verdicts, *unreadable], key=lambda v: v.line)
    return [entry_json(verdict) for verdict in ordered], [note.split(": ", 1)[-1] for note in notes]


def entry_json(verdict: EntryVerdict) -> dict[str, Any]:
    """One entry of a result line: the ``--json`` entry, its line, why it is unverifiable, what was read."""
    return {
        **verdict.as_json(),
        "line": verdict.line,
        "unverifiable_because": list(verdict.unverifiable_because),
        "read": _read(verdict.claim) if verdict.claim is not None else None,
    }


def _read(claim: Claim) -> dict[str, Any]:
    dumped = claim.model_dump(mode="json", include=set(_READ_FIELDS))
    return {name: dumped[name] for name in _READ_FIELDS if dumped.get(name) not in (None, [], "")}
