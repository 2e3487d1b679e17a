"""One document of a corpus resolved (``resolve CORPUS --out DIR``): the `ResolveDocuments` job.

Each document's references are read as ``resolve FILE`` reads them, matched and completed by the
same pipeline on sources a worker opens once (`bibnorm.sources.open_sources`: the snapshot and
dblp indexes, one cached session) and keeps across documents. Its result line holds each item as
the ``--report`` JSON has it (what was read, the status, the record chosen with its score and
evidence, the candidates of an item left unresolved) with its origin given relative to the
corpus, and the document's BibTeX, which the run writes as ``bib/<name>.bib`` the moment the
document is done: the items that resolved, and for a ``.bib`` document every entry it had, the
unresolved ones as they were read (as ``resolve FILE.bib`` keeps them: a user's bibliography loses
nothing). No time, no absolute path, no request
counts: the same line whichever worker wrote it.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from bibnorm import writers
from bibnorm.bib.bibfile import FormatOptions, read_bibfile
from bibnorm.bib.merge import keep_bib_inputs, replaced_places
from bibnorm.config import Settings
from bibnorm.corpus.jobs import with_absolute_paths
from bibnorm.corpus.summary import Tally, document_page, read_cell
from bibnorm.models import Resolution
from bibnorm.readers import READERS, read_inputs_noted
from bibnorm.resolve import keys, pipeline
from bibnorm.resolve.report import item_json
from bibnorm.sources import Sources, open_sources
from bibnorm.text.clean import inert_text

RESULT_FORMAT = 2  # the shape of a result line; a change here is a new decision version
STATUSES = ("resolved", "ambiguous", "unresolved", "failed")
UNSETTLED_SHOWN = 3
# What an entry written depends on besides the document and the sources' answers (paths, keys,
# politeness and the sources' addresses change where and how fast, not what is decided).
DECIDING_SETTINGS = frozenset(
    {
        "offline",
        "resolvers",
        "arxiv_broad_search",
        "thresholds",
        "key_format",
        "rekey",
        "unicode",
        "style",
        "doi_link",
        "bst",
        "journal_names",
        "prefer",
        "year_policy",
    }
)


@dataclass(frozen=True)
class ResolveDocuments:
    """What every document of one run is resolved with (sent with each task to the workers).

    The settings and the BibTeX layout are resolved once, where the run starts (flags,
    environment, config file), and travel with the job. ``token`` tells two jobs apart.
    """

    token: str
    settings: Settings = field(compare=False, hash=False)
    layout: FormatOptions = field(compare=False, hash=False)

    @classmethod
    def make(cls, settings: Settings, layout: FormatOptions) -> ResolveDocuments:
        settings = with_absolute_paths(settings)
        token = hashlib.sha256((settings.model_dump_json() + layout.model_dump_json()).encode()).hexdigest()
        return cls(token, settings, layout)

    @property
    def tally(self) -> Tally:
        return RESOLVE_TALLY

    def decision_version(self) -> str:
        """bibnorm's version and a digest of the settings that decide what is written (the
        matching thresholds, the chain, offline, the key formula, the BibTeX style) and of the
        layout. A result of another decision version is resolved again."""
        from bibnorm import __version__

        decided = {
            "format": RESULT_FORMAT,
            "settings": self.settings.model_dump(mode="json", include=set(DECIDING_SETTINGS)),
            "layout": self.layout.model_dump(mode="json"),
        }
        digest = hashlib.sha256(json.dumps(decided, sort_keys=True).encode()).hexdigest()[:12]
        return f"{__version__}+{digest}"

    def open_worker(self) -> OpenSources:
        return OpenSources(self.settings)

    def document_body(self, opened: Any, path: Path) -> dict[str, Any]:
        sources: Sources = opened.sources
        queries, notes = read_inputs_noted([str(path)], budget=self.settings.read_budget)
        resolutions = pipeline.run(queries, sources.resolvers, self.settings, enrichers=sources.enrichers)
        options = writers.WriterOptions.from_settings(self.settings, layout=self.layout)
        written = [(key, r.reference) for r, key in keys.written_entries(resolutions) if r.reference]
        bibtex = writers.get_writer("bibtex").render(written, options).text if written else ""
        if path.suffix.lower() in READERS["bib"].suffixes:
            kept = keep_bib_inputs([read_bibfile(path)], bibtex, replaced_places(resolutions), self.layout)
            bibtex = inert_text(kept)  # a submission's own entries: no terminal escape, no bidi override
        return {
            "entries": [_entry(resolution) for resolution in resolutions],
            "notes": [note.split(": ", 1)[-1] for note in notes],
            "bibtex": bibtex,
        }


class OpenSources:
    """The sources a worker resolves with, open until `close` (the resolver chain, the enrichers,
    the local indexes and the session they share)."""

    def __init__(self, settings: Settings) -> None:
        self._stack = ExitStack()
        self.sources = self._stack.enter_context(open_sources(settings))

    def close(self) -> None:
        self._stack.close()


def _entry(resolution: Resolution) -> dict[str, Any]:
    """The report's item; its origin names the line (and page) only: the run adds no path."""
    origin = resolution.query.origin
    item = item_json(resolution)
    item["origin"] = f"{origin.line}" if origin.page is None else f"{origin.line} (page {origin.page})"
    return item


def bib_file(result: dict[str, Any]) -> dict[str, str]:
    """The document's .bib, beside its page and named like it."""
    text = result.get("bibtex") or ""
    if not text:
        return {}
    name = Path(document_page(result["document"]["id"])).with_suffix(".bib").name
    return {f"bib/{name}": text}


def unsettled(result: dict[str, Any]) -> list[str]:
    """The document's first items not resolved, ``status key-or-title``, in input order."""
    left = [entry for entry in result["entries"] if entry["status"] != "resolved"]
    return [f"{e['status']} {e['key'] or e['input_title'] or e['input']}" for e in left[:UNSETTLED_SHOWN]]


def _cells(entry: dict[str, Any]) -> tuple[str, str]:
    status = entry["status"]
    row_class = {"unresolved": "bad", "ambiguous": "warn", "failed": "warn"}.get(status, "")
    if status == "resolved":
        ids = " · ".join(f"{name} {entry[name]}" for name in ("doi", "arxiv_id") if entry.get(name))
        chosen = f"{escape(entry['title'] or '')} <code>{escape(ids)}</code> ({escape(entry['source'] or '')}"
        found = f"{chosen}, score {_score(entry['score'])})"
    else:
        found = "<br>".join(
            f"candidate: {escape(c['title'] or '')} ({escape(c['source'])}, score {_score(c['score'])})"
            for c in entry["candidates"]
        ) or escape("; ".join(p["message"] for p in entry["problems"]))
    return row_class, (
        f"<td>{escape(entry['origin'])}</td><td>{escape(entry['key'] or '')}</td>"
        f"<td>{status}</td><td>{read_cell(entry)}</td><td>{found}</td>"
    )


def _score(score: float | None) -> str:
    return "–" if score is None else f"{score:.3f}"


RESOLVE_TALLY = Tally(
    name="Corpus resolution",
    phase="resolve",
    field="status",
    outcomes=STATUSES,
    flagged=("unresolved", "ambiguous", "failed"),
    flagged_label="documents with references not resolved",
    explained=(
        "Documents with references no record matched (unresolved), too close to choose (ambiguous) or"
        " that the sources could not be asked about (failed) come first. Each links to its report"
        " and its .bib."
    ),
    worst_column="unsettled",
    worst=unsettled,
    entry_head=("line", "key", "status", "read", "record (or candidates)"),
    entry_cells=_cells,
    files=bib_file,
    folders=("bib",),
)
