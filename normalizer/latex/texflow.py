"""The ``bibnorm tex`` workflow: a draft's citations in, its completed ``.bib`` text out.

Pure steps over text and models (the CLI reads and writes the files):

1. `library_keys` — the keys of the entries BibTeX reads in a ``.bib`` text (read as every
   command reads one, `bibnorm.bib.bibfile.parse_bibtex`);
2. `plan` — every cited key is *present* (nothing to do), an *arXiv* id or a *DOI*
   (resolvable: `Plan.queries` carries one `Query` per key, whose ``key`` is the
   author's key so the new entry keeps it), or *unknown* (reported with its
   ``\\cite`` locations);
3. `merge` — the original text, untouched byte for byte, followed by the new entries
   the writer renders for the resolved keys; keys that could not be resolved become
   `Diagnostic`s;
4. `refresh` (``--refresh`` only) — `preprint_queries` finds entries describing an
   arXiv preprint; entries whose resolution is a published version are replaced in
   place by the rendered published record, every other block stays as it was, and
   `unified_diff` shows what changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from enum import StrEnum

from bibnorm.bib.bibfile import as_written, parse_bibtex
from bibnorm.identifiers import canonical_doi, is_arxiv_doi, parse_arxiv_id
from bibnorm.io import diffs
from bibnorm.latex.libraries import append_text
from bibnorm.models import Frozen, Origin, Query, QueryKind, Reference, Resolution, Status
from bibnorm.readers.bib import bib_queries
from bibnorm.text.venues import names_preprint_server

__all__ = [
    "Diagnostic",
    "KeyKind",
    "Merged",
    "Plan",
    "PlannedKey",
    "Refreshed",
    "Renderer",
    "classify_key",
    "library_keys",
    "merge",
    "plan",
    "preprint_queries",
    "refresh",
    "unified_diff",
]


class KeyKind(StrEnum):
    """What a cited key is: in the bibliography already, an arXiv id, a DOI, or none of these."""

    PRESENT = "present"
    ARXIV = "arxiv"
    DOI = "doi"
    UNKNOWN = "unknown"


Renderer = Callable[[Sequence[tuple[str, Reference]]], str]
"""Renders ``(key, reference)`` pairs as bibliography text (a writer bound to its settings)."""


class PlannedKey(Frozen):
    """One cited key, what it is, and where the document cites it."""

    key: str
    origins: tuple[Origin, ...] = ()  # where the document cites the key, in citation order
    kind: KeyKind
    arxiv_id: str | None = None
    arxiv_version: int | None = None
    doi: str | None = None


class Plan(Frozen):
    """What to do for every cited key, in citation order."""

    keys: tuple[PlannedKey, ...] = ()

    def of_kind(self, *kinds: KeyKind) -> tuple[PlannedKey, ...]:
        return tuple(k for k in self.keys if k.kind in kinds)

    @property
    def queries(self) -> tuple[Query, ...]:
        """One query per resolvable key, indexed 0.. in citation order, ``key`` = the author's key."""
        out: list[Query] = []
        for planned in self.of_kind(KeyKind.ARXIV, KeyKind.DOI):
            origin = planned.origins[0] if planned.origins else Origin(path="", line=0)
            out.append(
                Query(
                    index=len(out),
                    origin=origin,
                    kind=QueryKind.ARXIV_ID if planned.kind is KeyKind.ARXIV else QueryKind.DOI,
                    arxiv_id=planned.arxiv_id,
                    arxiv_version=planned.arxiv_version,
                    doi=planned.doi,
                    key=planned.key,
                    raw=planned.key,
                )
            )
        return tuple(out)

    def unknown(self) -> tuple[Diagnostic, ...]:
        """Keys that are neither in the library nor an identifier."""
        return tuple(
            Diagnostic(
                key=k.key,
                message="not in the bibliography and not an arXiv id or DOI",
                origins=k.origins,
            )
            for k in self.of_kind(KeyKind.UNKNOWN)
        )


class Diagnostic(Frozen):
    """A key the run could not supply, for ``file:line: key: message`` lines."""

    key: str
    message: str
    origins: tuple[Origin, ...] = ()

    def lines(self) -> list[str]:
        """One line per citing location (or one without a location)."""
        if not self.origins:
            return [f"{self.key}: {self.message}"]
        return [f"{origin}: {self.key}: {self.message}" for origin in self.origins]


class Merged(Frozen):
    """The merged library text and what happened to each resolvable key."""

    text: str
    added: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


class Refreshed(Frozen):
    """The library text after ``--refresh`` and the keys whose entries were upgraded."""

    text: str
    upgraded: tuple[str, ...] = ()


# --------------------------------------------------------------------------- planning


def library_keys(text: str) -> frozenset[str]:
    """The key of every entry BibTeX reads in a ``.bib`` text (duplicates included)."""
    return frozenset(entry.key for entry in parse_bibtex(text).entries)


def failed_blocks(text: str) -> tuple[int, ...]:
    """1-based start lines of the blocks BibTeX cannot read whole (their keys may be missed)."""
    return tuple(block.line for block in parse_bibtex(text).failed)


def classify_key(key: str) -> PlannedKey:
    """What a cited key names on its own: an arXiv id (any prefix/version), a DOI, or nothing."""
    arxiv = parse_arxiv_id(key)
    if arxiv is not None:
        return PlannedKey(key=key, kind=KeyKind.ARXIV, arxiv_id=arxiv.id, arxiv_version=arxiv.version)
    # A key is "doi:10..." or a bare "10.xxxx/..." — never a DOI found inside other text.
    if key.lower().startswith("doi:") or key.startswith("10."):
        doi = canonical_doi(key)
        # arXiv's own DOI (10.48550/arXiv.<id>) names the preprint: looked up as its arXiv id.
        preprint = (
            parse_arxiv_id(doi.split("/", 1)[1].removeprefix("arXiv."))
            if doi is not None and is_arxiv_doi(doi)
            else None
        )
        if doi is not None and preprint is not None:
            return PlannedKey(
                key=key, kind=KeyKind.ARXIV, arxiv_id=preprint.id, arxiv_version=preprint.version
            )
        if doi is not None:
            return PlannedKey(key=key, kind=KeyKind.DOI, doi=doi)
    return PlannedKey(key=key, kind=KeyKind.UNKNOWN)


def plan(citations: Iterable[tuple[str, Sequence[Origin]]], existing: Collection[str]) -> Plan:
    """Classify each cited ``(key, origins)`` against the keys the library already has.

    Presence is decided case-insensitively, as BibTeX looks keys up; adding an entry
    whose key differs only in case would make BibTeX stop with "repeated entry".
    """
    known = {key.casefold() for key in existing}
    planned: list[PlannedKey] = []
    for key, origins in citations:
        if key.casefold() in known:
            planned.append(PlannedKey(key=key, kind=KeyKind.PRESENT, origins=tuple(origins)))
        else:
            planned.append(classify_key(key).model_copy(update={"origins": tuple(origins)}))
    return Plan(keys=tuple(planned))


# --------------------------------------------------------------------------- merging


def merge(
    original: str,
    plan_: Plan,
    resolutions: Sequence[Resolution],
    render: Renderer,
    insert: Callable[[str, str], str] = append_text,
) -> Merged:
    """The original text with rendered entries for every resolved key added by ``insert``
    (`bibnorm.latex.libraries`: appended after a ``.bib``'s text by default).

    ``resolutions`` are the pipeline's answers to ``plan_.queries`` (matched by
    query index). Each new entry is written under the key the author cited, even
    when the pipeline suggested another. No existing entry of ``original`` is changed; when
    there is nothing to add it is returned as is.
    """
    by_index = {r.query.index: r for r in resolutions}
    entries: list[tuple[str, Reference]] = []
    diagnostics: list[Diagnostic] = []
    for query, planned in zip(plan_.queries, plan_.of_kind(KeyKind.ARXIV, KeyKind.DOI), strict=True):
        resolution = by_index.get(query.index)
        if (
            resolution is not None
            and resolution.status is Status.RESOLVED
            and resolution.reference is not None
        ):
            entries.append((planned.key, resolution.reference))
        else:
            diagnostics.append(Diagnostic(key=planned.key, message=_why(resolution), origins=planned.origins))
    if not entries:
        return Merged(text=original, diagnostics=tuple(diagnostics))
    return Merged(
        text=insert(original, render(entries)),
        added=tuple(key for key, _ in entries),
        diagnostics=tuple(diagnostics),
    )


def _why(resolution: Resolution | None) -> str:
    if resolution is None:
        return "not looked up"
    what = {
        Status.UNRESOLVED: "not found",
        Status.AMBIGUOUS: "ambiguous",
        Status.FAILED: "lookup failed",
    }.get(resolution.status, resolution.status.value)
    if resolution.problems:
        return f"{what} ({resolution.problems[-1].message})"
    return what


# --------------------------------------------------------------------------- refreshing


def preprint_queries(text: str, path: str) -> tuple[Query, ...]:
    """One arXiv-id query per entry of ``text`` that describes an unpublished preprint.

    An entry is a preprint when it names an arXiv id (``eprint``, arXiv URL or DOI,
    ``arXiv:`` in ``journal``) and has no venue of its own: no ``booktitle``, and a
    ``journal`` (if any) that only says arXiv/CoRR/preprint.
    """
    bibfile = parse_bibtex(text, path)
    macros = bibfile.macros()
    out: list[Query] = []
    for entry, query in zip(bibfile.entries, bib_queries(bibfile, text), strict=True):
        fields = entry.texts(macros)
        journal = fields.get("journal", "") or fields.get("journaltitle", "")
        published = bool(fields.get("booktitle")) or bool(journal and not names_preprint_server(journal))
        if query.arxiv_id and not published:
            out.append(query.model_copy(update={"index": len(out), "kind": QueryKind.ARXIV_ID}))
    return tuple(out)


def refresh(original: str, resolutions: Sequence[Resolution], render: Renderer) -> Refreshed:
    """Replace each preprint entry whose resolution is a published record by that record.

    ``resolutions`` answer `preprint_queries`; the entry keeps its key and its place in
    the file. Every other byte of ``original`` is kept.
    """
    upgrades = _published(resolutions)
    if not upgrades:
        return Refreshed(text=original)
    starts = [0] + [end.end() for end in _LINE_END.finditer(original)]
    pieces: list[str] = []
    cursor = 0
    upgraded: list[str] = []
    entries = parse_bibtex(original).entries
    for entry, raw in zip(entries, as_written(original, entries), strict=True):
        if entry.key not in upgrades or entry.key in upgraded or not raw:
            continue
        begin = original.find(raw, starts[min(entry.line - 1, len(starts) - 1)])
        if begin < cursor or begin == -1:  # raw text not where the reading said: leave it alone
            continue
        pieces.append(original[cursor:begin])
        pieces.append(render([(entry.key, upgrades[entry.key])]).strip("\n"))
        cursor = begin + len(raw)
        upgraded.append(entry.key)
    pieces.append(original[cursor:])
    return Refreshed(text="".join(pieces), upgraded=tuple(upgraded))


_LINE_END = re.compile(r"\r\n|\r|\n")


def _published(resolutions: Sequence[Resolution]) -> dict[str, Reference]:
    """The published article or paper each resolved key was found to be, by key."""
    upgrades: dict[str, Reference] = {}
    for resolution in resolutions:
        reference = resolution.reference
        key = resolution.query.key
        if (
            key
            and resolution.status is Status.RESOLVED
            and reference is not None
            and reference.entry_type in ("article", "inproceedings")
        ):
            upgrades[key] = reference
    return upgrades


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two versions of ``name`` (empty when they are equal; `io.diffs`)."""
    return diffs.unified_diff(before, after, name)
