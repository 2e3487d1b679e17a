"""One document of a corpus verified (``verify CORPUS --out DIR``): the `Job` the engines run.

A worker (the parent when serial, a forked process, a Dask worker) verifies many documents in
a row; the sources (their session, the local indexes they open) are made once per worker and
`Job` and kept until the worker ends (`bibnorm.corpus.jobs`), so an index is opened once, not
once per document.

The result is one JSON line, the same whichever worker wrote it: the document (id, path
relative to the corpus, venue, track, content hash), the decision version, and each entry's
key, line, verdict, findings, what was read of it and the record it matched. No time, no
absolute path, no request counts (which depend on what a worker's cache already held).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from bibnorm.config import Settings, settings_of
from bibnorm.corpus.jobs import kept_for, with_absolute_paths
from bibnorm.corpus.summary import VERIFY_TALLY, Tally
from bibnorm.resolvers import SessionFactory
from bibnorm.verify.judge import Claim, EntryVerdict
from bibnorm.verify.run import VerifyOptions, judge_all, read_claims

if TYPE_CHECKING:
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
        cls,
        given: Settings | Mapping[str, Any],
        options: VerifyOptions,
        today: date,
        open_session: SessionFactory,
    ) -> Job:
        settings = with_absolute_paths(settings_of(given))
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

    @property
    def tally(self) -> Tally:
        return VERIFY_TALLY

    def open_worker(self) -> VerifySources:
        from bibnorm.verify.sources import VerifySources

        return VerifySources(self.settings, self.open_session)

    def document_body(self, opened: Any, path: Path) -> dict[str, Any]:
        return _verify(opened, self, path)


def sources_for(job: Job) -> VerifySources:
    """The sources this thread verifies ``job``'s documents with: made at its first document,
    kept for the next ones (one session, each local index opened once)."""
    return cast("VerifySources", kept_for(job))


def _verify(sources: VerifySources, job: Job, path: Path) -> dict[str, Any]:
    notes: list[str] = []
    claims, unreadable = read_claims([path], notes=notes)
    answers = sources.answers(claims)
    verdicts = judge_all(claims, answers, job.options, job.today)
    ordered = sorted([*verdicts, *unreadable], key=lambda v: v.line)
    entries = [entry_json(verdict) for verdict in ordered]
    return {"entries": entries, "notes": [note.split(": ", 1)[-1] for note in notes]}


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
