"""``verify --tex``: a LaTeX draft's citations against its bibliography — cited keys no ``.bib``
holds (BN791), entries never cited (BN792) — in the same report as the cited entries' verdicts.

Pure: the draft's citations (`bibnorm.readers.latex`) and the entries' keys in, the audit
out. Keys are matched as biber and BibTeX match them, exactly; a cited key that exists only in
another case is named in the finding (BibTeX accepts it with a warning, biber does not). An
entry counts as cited when the draft cites it, when ``\\nocite{*}`` cites everything, or when a
cited entry pulls it in (``crossref``, ``xdata``, a biblatex ``@set``'s ``entryset``), as the
bibliography programs do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bibnorm.models import Frozen, Origin
from bibnorm.readers.latex import Citation
from bibnorm.verify.codes import VerifyFinding, finding


class ListedEntry(Frozen):
    """One entry of the bibliography: where it is, and the keys it pulls in."""

    key: str
    path: str
    line: int
    pulls: tuple[str, ...] = ()  # crossref, xdata and entryset keys


class AuditLine(Frozen):
    """One finding of the audit, at the place it concerns (the citation or the entry)."""

    key: str
    path: str
    line: int
    finding: VerifyFinding


class TexAudit(Frozen):
    """What a draft (``document``) cites against its bibliography: the keys it cites, the
    citations no entry answers (``missing``) and the entries it never cites (``uncited``)."""

    document: str
    cited: tuple[str, ...] = ()  # the entries the draft cites, directly or pulled in
    missing: tuple[AuditLine, ...] = ()
    uncited: tuple[AuditLine, ...] = ()

    def lines(self) -> tuple[AuditLine, ...]:
        return (*self.missing, *self.uncited)

    def as_json(self) -> dict[str, object]:
        def rows(lines: Iterable[AuditLine]) -> list[dict[str, object]]:
            return [
                {"key": a.key, "path": a.path, "line": a.line, **a.finding.model_dump(mode="json")}
                for a in lines
            ]

        return {
            "document": self.document,
            "cited": len(self.cited),
            "missing": rows(self.missing),
            "uncited": rows(self.uncited),
        }


def audit(
    document: str, citations: Sequence[Citation], entries: Sequence[ListedEntry], *, nocite_all: bool = False
) -> TexAudit:
    """What the draft cites that no entry holds, and which entries it never cites."""
    listed = {entry.key: entry for entry in entries}
    by_case = {entry.key.casefold(): entry.key for entry in entries}
    missing = [
        _not_listed(document, citation, by_case.get(citation.key.casefold()))
        for citation in citations
        if citation.key not in listed
    ]
    cited = _with_pulled(
        {c.key for c in citations if c.key in listed} | (set(listed) if nocite_all else set()), listed
    )
    uncited = [
        AuditLine(
            key=entry.key,
            path=entry.path,
            line=entry.line,
            finding=finding("BN792", "key", f"never cited in {document}", found=entry.key),
        )
        for entry in entries
        if entry.key not in cited
    ]
    return TexAudit(
        document=document,
        cited=tuple(entry.key for entry in entries if entry.key in cited),
        missing=tuple(missing),
        uncited=tuple(uncited),
    )


def _not_listed(document: str, citation: Citation, other: str | None) -> AuditLine:
    """BN791 for a cited key no entry has, at the first place that cites it; ``other`` is the
    key of that spelling in another case, when the bibliography has one."""
    origin = citation.origins[0] if citation.origins else Origin(path=document, line=0)
    hint = f"; the bibliography has {other!r} (keys are case-sensitive)" if other else ""
    where = ", ".join(f"{o.path}:{o.line}" for o in citation.origins[1:4])
    also = f" (also cited at {where})" if where else ""
    message = f"cited, but no entry has this key{hint}{also}"
    found = finding("BN791", "key", message, found=citation.key, expected=other)
    return AuditLine(key=citation.key, path=origin.path, line=origin.line, finding=found)


def _with_pulled(keys: set[str], listed: Mapping[str, ListedEntry]) -> set[str]:
    """``keys`` and every entry they pull in, transitively."""
    todo, seen = list(keys), set(keys)
    while todo:
        entry = listed.get(todo.pop())
        for key in entry.pulls if entry else ():
            if key in listed and key not in seen:
                seen.add(key)
                todo.append(key)
    return seen
