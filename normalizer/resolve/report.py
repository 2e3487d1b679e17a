"""The run report: per-item results in input order and counters (`build_report`, whose JSON the
CLI writes with ``--report``/``--json``), the run in one line (`summary_line`), the items to list
on stderr (`unsettled`), and the warnings that name the sources a run lost and what that cost
(`source_trouble` for ``resolve`` and ``tex``, `source_warnings` for every command that asks the
sources).

Pure: the CLI prints the lines and writes the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from bibnorm.models import Resolution, ScoredCandidate, Status

REPORT_VERSION = 1


def _candidate_json(scored: ScoredCandidate) -> dict[str, Any]:
    reference = scored.candidate.reference
    return {
        "arxiv_id": reference.ids.arxiv_id,
        "doi": reference.ids.doi,
        "title": reference.title,
        "score": scored.score,
        "source": scored.candidate.source,
        "acceptable": scored.acceptable,
        # The record the item's own identifier named (not acceptable: it names another work).
        "by_identifier": scored.candidate.by_identifier,
    }


def item_json(resolution: Resolution) -> dict[str, Any]:
    """One report item; the keys are a documented contract (docs/resolving.md, "JSON report")."""
    query = resolution.query
    reference = resolution.reference
    status = resolution.status.value
    return {
        "index": query.index,
        "origin": str(query.origin),
        "input_title": query.title,
        "input": query.raw or query.title or query.arxiv_id or query.doi,
        "read": query.read().model_dump(mode="json"),
        "status": status,
        "duplicate_of": resolution.duplicate_of,
        "source": resolution.source,
        "arxiv_id": reference.ids.arxiv_id if reference else None,
        "arxiv_version": reference.ids.arxiv_version if reference else None,
        "doi": reference.ids.doi if reference else None,
        "title": reference.title if reference else None,
        "entry_type": reference.entry_type if reference else None,
        "venue": reference.venue if reference else None,
        "key": resolution.key,
        "score": resolution.score,
        "evidence": resolution.evidence.model_dump(mode="json") if resolution.evidence else None,
        "candidates": [_candidate_json(c) for c in resolution.candidates],
        "problems": [p.model_dump(mode="json") for p in resolution.problems],
        "provenance": dict(sorted(reference.provenance.items())) if reference else {},
    }


def summarize(
    resolutions: Sequence[Resolution],
    requests: Mapping[str, int],
    cache_hits: int,
    sources_down: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The report's counters: items by status, requests by source, cache hits, sources down."""
    counts = {status.value: 0 for status in Status}
    for resolution in resolutions:
        counts[resolution.status.value] += 1
    return {
        "items": len(resolutions),
        "distinct": sum(1 for r in resolutions if r.duplicate_of is None),
        "duplicates": sum(1 for r in resolutions if r.duplicate_of is not None),
        **counts,
        "requests": dict(sorted(requests.items())),
        "requests_total": sum(requests.values()),
        "cache_hits": cache_hits,
        "sources_down": dict(sorted((sources_down or {}).items())),
    }


def build_report(resolutions: Sequence[Resolution], summary: Mapping[str, Any]) -> dict[str, Any]:
    """The whole report (``--report``/``--json``): every item in input order, and the run's
    counters (`summarize`)."""
    return {"version": REPORT_VERSION, "items": [item_json(r) for r in resolutions], "summary": dict(summary)}


def streamed_report(resolutions: Sequence[Resolution], summary: Mapping[str, Any]) -> dict[str, Any]:
    """`build_report` with its items made as they are read (`ReportItems`), for a report written
    item by item (`report_chunks`): a million items are never held whole (11 KB an item)."""
    return {"version": REPORT_VERSION, "items": ReportItems(resolutions), "summary": dict(summary)}


class ReportItems(Sequence[dict[str, Any]]):
    """The report's items, each `item_json` made when it is reached and then let go (a sequence:
    ``len``, iteration, indexing), holding nothing but the resolutions. Not a ``list``: ``json``
    refuses it rather than write it empty; `report_chunks` streams it and `dump_json` takes it
    whole. `mark_kept` adds to each the earlier entry the output kept for it (``kept_previous``)
    and the key it is written under as its input gave it (``as_given``)."""

    def __init__(self, resolutions: Sequence[Resolution]) -> None:
        self._resolutions = resolutions
        self._kept: dict[int, str] | None = None  # set by `mark_kept`
        self._as_given: dict[int, str] = {}

    def _item(self, resolution: Resolution) -> dict[str, Any]:
        item = item_json(resolution)
        if self._kept is not None:
            item["kept_previous"] = self._kept.get(item["index"])
            item["as_given"] = self._as_given.get(item["index"])
        return item

    def mark_kept(self, kept: Mapping[int, str], as_given: Mapping[int, str] | None = None) -> None:
        """Each item says whether the output kept an earlier entry for it (its key, else None) and
        whether it is written as its input gave it (`Query.record`: its key, else None)."""
        self._kept = dict(kept)
        self._as_given = dict(as_given or {})

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._item(resolution) for resolution in self._resolutions)

    def __len__(self) -> int:
        return len(self._resolutions)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._item(resolution) for resolution in self._resolutions[index]]
        return self._item(self._resolutions[index])

    def __eq__(self, other: object) -> bool:
        return list(self) == other

    __hash__ = None  # type: ignore[assignment]


def report_chunks(report: Mapping[str, Any]) -> Iterator[str]:
    """The report's JSON text, in pieces as its items are made: byte for byte what
    ``json.dumps(report, indent=2, ensure_ascii=False)`` gives for the report with its items in a
    list, never all in memory (each item is one piece, indented in place)."""
    pieces: list[str] = []
    size = 0
    for piece in _report_pieces(report):
        pieces.append(piece)
        size += len(piece)
        if size >= REPORT_BLOCK:
            yield "".join(pieces)
            pieces, size = [], 0
    yield "".join(pieces) + "\n"


def _report_pieces(report: Mapping[str, Any]) -> Iterator[str]:
    """`report_chunks`' text: each top-level value as ``json`` indents it, items one by one."""
    yield "{"
    for number, (name, value) in enumerate(report.items()):
        yield ("," if number else "") + "\n  " + json.dumps(name) + ": "
        if name == "items" and not isinstance(value, list):
            yield from _items_pieces(value)
        else:
            yield _indented(json.dumps(value, indent=2, ensure_ascii=False), "  ")
    yield "\n}" if report else "}"


def _items_pieces(items: Iterable[Any]) -> Iterator[str]:
    empty = True
    for number, item in enumerate(items):
        empty = False
        yield (
            ("[" if number == 0 else ",")
            + "\n    "
            + _indented(json.dumps(item, indent=2, ensure_ascii=False), "    ")
        )
    yield "[]" if empty else "\n  ]"


def _indented(text: str, prefix: str) -> str:
    """JSON text nested one level deeper (its lines after the first start with ``prefix``: its
    strings hold no raw line breaks, which JSON escapes)."""
    return text.replace("\n", "\n" + prefix)


REPORT_BLOCK = 1 << 16  # characters a piece of `report_chunks` (the encoder's own are a few each)


def summary_line(summary: Mapping[str, Any], paint: Callable[[str, str], str] | None = None) -> str:
    """The run in one line; ``paint(status, text)`` may colour each status count (the CLI's)."""
    requests = summary["requests"]
    per_source = ", ".join(f"{name} {count}" for name, count in requests.items()) or "none"
    counts = ", ".join(
        (paint or _plain)(status, f"{summary[status]} {status}") if summary[status] else f"0 {status}"
        for status in ("resolved", "ambiguous", "unresolved", "failed")
    )
    duplicates = summary["duplicates"]
    return (
        f"{_plural(summary['items'], 'item')} ({_plural(duplicates, 'duplicate')}): {counts}; "
        f"requests: {per_source}; cache hits: {summary['cache_hits']}"
    )


def _plain(status: str, text: str) -> str:
    return text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def unsettled(resolutions: Sequence[Resolution]) -> list[Resolution]:
    """Distinct items that did not resolve, for listing on stderr."""
    return [r for r in resolutions if r.status is not Status.RESOLVED and r.duplicate_of is None]


UNREACHABLE_ADVICE = (
    "Try again later, answer from the cache with --offline, or use a local index with --snapshot PATH."
)


def source_trouble(
    resolutions: Sequence[Resolution],
    down: Mapping[str, str],
    refused: Collection[str] = (),
    gave_up: Mapping[str, str] | None = None,
    *,
    offline: bool = False,
) -> list[str]:
    """Warnings for sources that stopped answering or gave up, once each, with what the user can do.

    Offline, a source that answers only from the cache is not in trouble when the cache lacks
    something: that was asked for, so it is not warned about (the report still says it)."""
    failed = sum(1 for r in resolutions if r.status is Status.FAILED and r.duplicate_of is None)
    troubled = [r for r in resolutions if _incomplete(r, offline)]
    parts = [f"{_plural(failed, 'item')} failed"] if failed or not troubled else []
    if troubled:
        lack = "lacks" if len(troubled) == 1 else "lack"
        parts.append(
            f"{_plural(len(troubled), 'resolved item')} {lack} what it would have added (published versions)"
        )
    lines = source_warnings(", ".join(parts), down, refused, gave_up)
    if not down and not gave_up and troubled:
        lines.append(
            f"bibnorm: warning: {len(troubled)} resolved items could not be fully checked "
            "(e.g. no published-version lookup); see the problems in --report"
        )
    return lines


def _incomplete(resolution: Resolution, offline: bool) -> bool:
    """A distinct resolved item a source failed to complete (an error, or a source that could not
    be asked while online)."""
    if resolution.status is not Status.RESOLVED or resolution.duplicate_of is not None:
        return False
    return any(
        p.severity == "error" or (p.code.endswith(".unavailable") and not offline)
        for p in resolution.problems
    )


def source_warnings(
    effect: str,
    down: Mapping[str, str],
    refused: Collection[str] = (),
    gave_up: Mapping[str, str] | None = None,
    advice: str = UNREACHABLE_ADVICE,
) -> list[str]:
    """The lines that name every source a run lost, and why, with what it cost (``effect``):
    one per source that refused the key, and one for all that were unreachable, went down or
    gave up a request (each source once), ending with ``advice``. Shared by every command
    that asks the sources."""
    lines = []
    for source in sorted(set(down) & set(refused)):
        lines.append(f"bibnorm: warning: {down[source]}. {effect}. Check the key, or run without it.")
    trouble = {**(gave_up or {}), **down}  # a source that went down says why it is down
    unreachable = [reason for source, reason in sorted(trouble.items()) if source not in refused]
    if unreachable:
        lines.append(f"bibnorm: warning: {'; '.join(dict.fromkeys(unreachable))}. {effect}. {advice}")
    return lines
