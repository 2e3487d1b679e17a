"""What ``verify`` reads besides BibTeX: the claims of any input ``resolve`` reads.

A ``.bib`` file is read as entries (`bibnorm.verify.run.read_claims`, every field). Any
other input — a ``.bbl``, an RIS or CSL-JSON export, a pasted reference list, a PDF paper,
a list of titles or ids — goes through the same readers as ``resolve``
(`bibnorm.readers.read_inputs_noted`), and each `Query` becomes the `Claim` the
equivalent ``.bib`` entry would make (`claim_from_query`): its title, authors, year,
venue, DOI and arXiv id, and the kind of work its type says (a book, a thesis: judged by
their kind's rules, never looked up as papers), so it gets the same verdicts and finding
codes. An item keeps its own key when the input has one (``.bbl``, RIS, CSL-JSON); a
reference list's item is keyed by its number (``[12]``) or, unnumbered, by its first
author's family name and year (``Zhai2022``, ``Zhai2022b`` for the second), as a reader of
the paper would name it.

A reference whose title could not be told apart from the rest of its text cannot be
checked: it is reported unverifiable, never looked up as a whole string (which would
find nothing and call a real reference fabricated).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bibnorm.bib.bibfile import BibEntry, BibField
from bibnorm.errors import InputError
from bibnorm.identifiers import is_arxiv_doi, parse_arxiv_id
from bibnorm.io import STDIO, read_bytes, read_text
from bibnorm.models import Query
from bibnorm.readers import detect_format, read_inputs_noted
from bibnorm.text.names import parse_name
from bibnorm.verify.claims import Claim
from bibnorm.verify.judge import EntryVerdict, Verdict
from bibnorm.verify.kinds import kind_fields

_OTHERS = frozenset({"others", "et al.", "et al"})


def is_bibtex(path: Path) -> bool:
    """Whether ``verify`` reads ``path`` as BibTeX entries: a ``.bib``, or BibTeX by its
    content (stdin, ``-``, too: a pasted list or a .bbl piped in is read as what it is)."""
    if path.suffix.lower() == ".bib":
        return True
    if (str(path) != STDIO and not path.is_file()) or read_bytes(path)[:5] == b"%PDF-":
        return False
    return detect_format(read_text(path), path) == "bib"


def claims_from_file(path: Path) -> tuple[list[Claim], list[EntryVerdict], str | None]:
    """The claims of a non-BibTeX input, the verdicts of items that cannot be claimed, and
    how the file was read (for the summary)."""
    queries, notes = read_inputs_noted([path])
    claims, unclaimable = claims_from_queries(queries, str(path))
    return claims, unclaimable, notes[0].split(": ", 1)[-1] if notes else None


def claims_from_queries(queries: list[Query], path: str) -> tuple[list[Claim], list[EntryVerdict]]:
    """The claims of one input's items, already read (a file, a Zotero library), and the verdicts
    of the items that cannot be claimed."""
    claims: list[Claim] = []
    unclaimable: list[EntryVerdict] = []
    for query, key in zip(queries, _keys(queries), strict=True):
        if _unparsed(query):
            unclaimable.append(
                EntryVerdict(
                    key=key,
                    path=path,
                    line=query.origin.line,
                    verdict=Verdict.UNVERIFIABLE,
                    unverifiable_because=("no title could be read from the item",),
                    unclaimed=query.read(),
                )
            )
        else:
            claims.append(claim_from_query(query, key, path))
    return claims, unclaimable


def claim_from_query(query: Query, key: str, path: str) -> Claim:
    """What one input item claims, as `judge.claim_from_entry` reads it from a ``.bib`` entry."""
    names = list(query.authors)
    and_others = bool(names) and names[-1].casefold() in _OTHERS
    doi, arxiv_id, version = query.doi, query.arxiv_id, query.arxiv_version
    if doi and is_arxiv_doi(doi):
        parsed = parse_arxiv_id(doi.split("arXiv.", 1)[-1])
        doi = None
        if parsed is not None and arxiv_id is None:
            arxiv_id, version = parsed.id, parsed.version
    return Claim(
        key=key,
        path=path,
        line=query.origin.line,
        entry_type=query.entry_type or "misc",
        title=query.title or "",
        authors=tuple(names[:-1] if and_others else names),
        and_others=and_others,
        year=query.year,
        venue=query.venue,
        doi=doi,
        arxiv_id=arxiv_id,
        arxiv_version=version,
        page=query.origin.page,
        text=query.raw if query.printed else "",
        **kind_fields(_as_entry(query, key)),
    )


def _as_entry(query: Query, key: str) -> BibEntry:
    """The ``.bib`` entry the item stands for, with what `kinds.entry_kind` reads the kind from:
    its type, DOI, first link, venue and publisher or school (an RIS ``BOOK`` or CSL ``thesis``
    is no paper)."""
    thesis = query.entry_type in ("phdthesis", "mastersthesis", "thesis")
    fields = {
        "doi": query.doi,
        "url": query.urls[0] if query.urls else None,
        "journal": query.venue if not thesis else None,
        "school" if thesis else "publisher": query.publisher,
    }
    return BibEntry(
        entry_type=query.entry_type or "misc",
        key=key,
        fields=tuple(
            BibField(name, "{" + value + "}", query.origin.line) for name, value in fields.items() if value
        ),
        line=query.origin.line,
    )


def _unparsed(query: Query) -> bool:
    """No title to claim: none at all, or a reference string read whole as its title (the
    year found in that same text shows it was more than a title). An item whose authors were
    read apart was not read whole: its title may name a year ("Daniel@FinTOC-2019 Shared Task")."""
    if query.arxiv_id or query.doi:
        return False
    if not query.title:
        return True
    whole = " ".join(query.raw.split())
    return query.title == whole and not query.authors and query.year is not None and str(query.year) in whole


def _keys(queries: list[Query]) -> list[str]:
    """Each item's key: its own, its number, else first author + year (a, b … on collisions)."""
    bases = [_base_key(query) for query in queries]
    counts = Counter(bases)
    seen: Counter[str] = Counter()
    keys = []
    for query, base in zip(queries, bases, strict=True):
        if query.key or query.label or counts[base] == 1:
            keys.append(base)
            continue
        keys.append(base + ("" if seen[base] == 0 else chr(ord("a") + seen[base])))
        seen[base] += 1
    return keys


def _base_key(query: Query) -> str:
    if query.key:
        return query.key
    if query.label:
        return f"[{query.label}]"
    first = next((name for name in query.authors if name.casefold() not in _OTHERS), None)
    family = parse_name(first).family if first else ""
    family = "".join(ch for ch in family if ch.isalnum())
    if family or query.year:
        return f"{family or 'anon'}{query.year or ''}"
    return f"item{query.index + 1}"


def no_entries(path: Path, read_as: str) -> InputError:
    """The error for a file that gave nothing to verify: never a silent pass."""
    return InputError(f"{path}: no entries to verify (read as {read_as}); nothing was checked")
