"""The local indexes: `plan_index` and `build_index` (the arXiv snapshot, dblp's dump, OpenAlex
works, Retraction Watch) and `index_info` (what an index holds), as ``bibnorm index build|info``
use them.

A registry of `IndexKind`s tells each kind's input by its content (the first kind whose
`IndexKind.is_dump` accepts it; the arXiv snapshot takes the rest), says where it goes by
default and how to build and describe it. Each kind's module is imported only when it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bibnorm.config import Settings, load_settings
from bibnorm.errors import UsageError
from bibnorm.io import Role, refuse_clashes
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from pydantic import BaseModel, ConfigDict

# One figure `index info` shows: its JSON key, its label in the text (None: in the JSON only), its
# value (None, "" or an empty list or table: "unknown" in the text, as they are in the JSON).
Figure = tuple[str, str | None, Any]


@dataclass(frozen=True)
class IndexKind:
    """One kind of local index: how to tell its dump, where it goes, how to build and show it."""

    name: str
    is_dump: Callable[[Path], bool]
    default_path: Callable[[Settings], Path]
    # (what to say about the input, the line that counts what was indexed)
    build: Callable[[Sequence[Path], Path, int | None, Path | None, Progress], tuple[list[str], str]]
    info: Callable[[Path], list[Figure]]
    no_dtd: str | None = None  # for a refused --dtd: "arXiv snapshot files have" (no DTD)


def _is_dblp_dump(path: Path) -> bool:
    from bibnorm.resolvers.dblp_index import is_dblp_dump

    return is_dblp_dump(path)


def _skipped(examples: Sequence[object], skipped: int, unit: str | None) -> list[str]:
    """A line per example of what was skipped, and (``unit`` given) one counting the rest."""
    lines = [f"skipped {example}" for example in examples]
    if unit is not None and skipped > len(examples):
        lines.append(f"... and {skipped - len(examples)} more skipped {unit}")
    return lines


def _build_snapshot(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> tuple[list[str], str]:
    from bibnorm.resolvers.snapshot import build_index

    stats = build_index(list(files), target, progress=progress, jobs=jobs)
    lines = _skipped(stats.examples, stats.skipped, "lines")
    if stats.replaced:
        lines.append(f"{stats.replaced} ids appeared more than once; the later line was kept")
    return lines, f"indexed {stats.records} records ({stats.skipped} skipped) in {stats.seconds:.1f} s"


def _build_dblp(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> tuple[list[str], str]:
    from bibnorm.resolvers.dblp_index import build_dblp_index

    if len(files) != 1:
        raise UsageError("give one dblp dump (dblp.xml.gz) at a time")
    stats = build_dblp_index(files[0], target, dtd=dtd, progress=progress, jobs=jobs)
    return _skipped(stats.examples, stats.skipped, "records"), (
        f"indexed {stats.records} records and {stats.proceedings} proceedings ({stats.skipped} skipped) "
        f"of the dump of {stats.dump_date or 'unknown date'} in {stats.seconds:.1f} s"
    )


def _snapshot_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.snapshot import index_info

    described = index_info(path)
    return [
        ("kind", None, "snapshot"),
        ("path", "path", str(described.path)),
        ("schema_version", "schema version", described.schema_version),
        ("records", "records", described.records),
        ("built_at", "built at", described.built_at),
        ("sources", "sources", list(described.sources)),
    ]


def _dblp_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.dblp_index import dblp_index_info

    described = dblp_index_info(path)
    return [
        ("path", "path", str(described.path)),
        ("kind", "kind", "dblp"),
        ("schema_version", "schema version", described.schema_version),
        ("records", "records", described.records),
        ("proceedings", "proceedings", described.proceedings),
        ("dump", "dump", described.dump),
        ("dump_date", "dump date", described.dump_date),
        ("built_at", "built at", described.built_at),
        ("elements", "elements in the dump", dict(described.elements)),
    ]


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = [f"{name} {count}" for name, count in value.items()]
    if isinstance(value, list):
        value = ", ".join(value)
    return str(value) if isinstance(value, int) or value else "unknown"


def _is_works_snapshot(path: Path) -> bool:
    from bibnorm.resolvers.openalex_works import is_works_snapshot

    return is_works_snapshot(path)


def _build_works(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> tuple[list[str], str]:
    from bibnorm.resolvers.openalex_works import build_works_index

    stats = build_works_index(list(files), target, progress=progress, jobs=jobs)
    summary = f"indexed {stats.records} OpenAlex works ({stats.skipped} skipped) in {stats.seconds:.1f} s"
    return _skipped(stats.examples, stats.skipped, None), summary


def _works_info(path: Path) -> list[Figure]:
    from bibnorm.resolvers.openalex_works import OpenAlexWorks

    works = OpenAlexWorks(path)
    try:
        meta = dict(works.connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        works.close()
    return [
        ("path", "path", str(path)),
        ("kind", "kind", "openalex-works"),
        ("schema_version", "schema version", meta.get("schema_version")),
        ("records", "records", meta.get("records")),
        # A full snapshot's date: only then does its silence about a paper count (docs/scale.md).
        (
            "complete_as_of",
            "complete as of",
            meta.get("complete_as_of") or "no (not built from a full snapshot)",
        ),
    ]


def _is_retraction_watch(path: Path) -> bool:
    from bibnorm.resolvers.retraction_watch import is_retraction_watch

    return is_retraction_watch(path)


def _build_retractions(
    files: Sequence[Path], target: Path, jobs: int | None, dtd: Path | None, progress: Progress
) -> tuple[list[str], str]:
    from bibnorm.resolvers.retraction_watch import build_retraction_index

    stats = build_retraction_index(list(files), target, progress=progress)
    summary = f"indexed {stats.records} notices ({stats.skipped} skipped) in {stats.seconds:.1f} s"
    return _skipped(stats.examples, stats.skipped, None), summary


# Registry: the first kind whose `is_dump` accepts the input builds it; the snapshot takes the rest.
INDEX_KINDS: dict[str, IndexKind] = {
    "dblp": IndexKind(
        "dblp", _is_dblp_dump, lambda s: s.default_index_file("dblp_index"), _build_dblp, _dblp_info
    ),
    "retraction-watch": IndexKind(
        "retraction-watch",
        _is_retraction_watch,
        lambda s: s.default_index_file("retraction_watch"),
        _build_retractions,
        lambda path: [("path", "path", str(path)), ("kind", "kind", "retraction-watch")],
    ),
    "openalex-works": IndexKind(
        "openalex-works",
        _is_works_snapshot,
        lambda s: s.default_index_file("openalex_works"),
        _build_works,
        _works_info,
        no_dtd="the OpenAlex works snapshot has",
    ),
    "snapshot": IndexKind(
        "snapshot",
        lambda _: True,
        lambda s: s.default_index,
        _build_snapshot,
        _snapshot_info,
        no_dtd="arXiv snapshot files have",
    ),
}


def _kind_of(files: Sequence[Path]) -> IndexKind:
    kinds = {next(kind for kind in INDEX_KINDS.values() if kind.is_dump(path)).name for path in files}
    if len(kinds) > 1:
        raise UsageError("give the files of one index at a time (a dblp dump, or arXiv snapshot files)")
    return INDEX_KINDS[kinds.pop()]


class IndexBuilt(BaseModel):
    """What `build_index` did: the kind and file of the index, and one line per thing to say
    (lines skipped, where it was written, how many records in how long)."""

    model_config = ConfigDict(frozen=True)

    kind: str
    path: Path
    lines: list[str]


class IndexPlan(BaseModel):
    """What `plan_index` decided: the kind of index the inputs are, and where it goes."""

    model_config = ConfigDict(frozen=True)

    kind: str
    files: tuple[Path, ...]
    target: Path
    dtd: Path | None = None


def plan_index(
    files: Sequence[Path],
    *,
    output: Path | None = None,
    dtd: Path | None = None,
    settings: Settings | None = None,
) -> IndexPlan:
    """The index ``files`` make (told by their content) and where it goes: ``output``, else that
    kind's place in the settings. Refuses (one line) files of two kinds, and an index that would
    replace one of its inputs."""
    kind = _kind_of(files)
    target = output or kind.default_path(settings or load_settings())
    inputs = [*files, *([dtd] if dtd is not None else [])]
    refuse_clashes(
        [Role("-o/--output" if output else "the index", target)], [Role("an input", path) for path in inputs]
    )
    return IndexPlan(kind=kind.name, files=tuple(files), target=target, dtd=dtd)


def build_index(plan: IndexPlan, *, jobs: int | None = None, progress: Progress = NO_PROGRESS) -> IndexBuilt:
    """Build the planned index. It is written to a temporary file and moved into place at the
    end, so a failed build leaves the previous index; a file that is not a bibnorm index (an
    input, another database) is never replaced. ``jobs`` worker processes parse the input (1:
    this process alone); the index is the same whatever it is."""
    kind = INDEX_KINDS[plan.kind]
    if plan.dtd is not None and kind.no_dtd is not None:
        raise UsageError(f"--dtd is for a dblp dump; {kind.no_dtd} no DTD")
    said, indexed = kind.build(plan.files, plan.target, jobs, plan.dtd, progress)
    return IndexBuilt(kind=kind.name, path=plan.target, lines=[*said, f"wrote {plan.target}", indexed])


def fetch_dblp(
    folder: Path,
    open_session: Callable[[Settings], Any],
    *,
    base_url: str | None = None,
    output: Path | None = None,
    jobs: int | None = None,
    settings: Settings | None = None,
    progress: Progress = NO_PROGRESS,
) -> IndexBuilt:
    """Download dblp's dump and DTD into ``folder`` (from ``base_url``, else dblp's own
    https://dblp.org/xml/; checked against the MD5 dblp publishes, resumed after an
    interruption, refused when the folder has too little room) on the session ``open_session``
    gives, then build the dblp index from them (``output``, else the settings' place)."""
    from bibnorm.resolvers import fetch_dblp_dump

    settings = settings or load_settings()
    with open_session(settings) as session:
        if base_url:
            fetched = fetch_dblp_dump(session, folder, base_url=base_url, progress=progress)
        else:
            fetched = fetch_dblp_dump(session, folder, progress=progress)
    said = (
        f"downloaded {fetched.dump} ({fetched.downloaded / 1e6:,.1f} MB"
        + (f", resumed at {fetched.resumed_from / 1e6:,.1f} MB" if fetched.resumed_from else "")
        + ", MD5 as published)"
        if fetched.downloaded or fetched.resumed_from
        else f"{fetched.dump} is dblp's current dump (MD5 as published); not downloaded again"
    )
    plan = plan_index([fetched.dump], output=output, dtd=fetched.dtd, settings=settings)
    built = build_index(plan, jobs=jobs, progress=progress)
    return built.model_copy(update={"lines": [said, *built.lines]})


class IndexFigures(BaseModel):
    """What one index holds, as ``index info`` shows it: (JSON key, label in the text or None
    for the JSON only, value) in order."""

    model_config = ConfigDict(frozen=True)

    figures: list[Figure]

    def as_json(self) -> dict[str, Any]:
        return {key: value for key, _, value in self.figures}

    def text(self) -> str:
        """One ``label: value`` line a figure; an unknown value reads "unknown"."""
        return "\n".join(f"{label}: {_shown(value)}" for _, label, value in self.figures if label is not None)


def index_info(index: Path | None = None, *, settings: Settings | None = None) -> list[IndexFigures]:
    """The figures of ``index``, or of every index the settings name that is built (with none
    built, the snapshot's, whose error says where it was looked for and what to do)."""
    from bibnorm.resolvers import index_kind

    if index is not None:
        kind = INDEX_KINDS["snapshot"] if not index.is_file() else INDEX_KINDS.get(index_kind(index))
        if kind is None:
            raise UsageError(f"{index}: an index of an unknown kind")
        return [IndexFigures(figures=kind.info(index))]
    settings = settings or load_settings()
    paths = [(kind, kind.default_path(settings)) for kind in INDEX_KINDS.values()]
    shown = [IndexFigures(figures=kind.info(path)) for kind, path in paths if path.is_file()]
    return shown or [IndexFigures(figures=INDEX_KINDS["snapshot"].info(settings.default_index))]
