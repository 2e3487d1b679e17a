"""Real journal articles from five fields, the sources' answers for them, and verify cases made from them.

``fixtures/journals/cross-domain.jsonl`` (built by ``scripts/build_cross_domain.py``; see
``fixtures/journals/README.md``) holds 530 records read from the bibliographies public projects
keep: physics (tenpy), biology (scanpy, scvi-tools), medicine (MNE-Python, epiparameter),
chemistry (OpenMM), economics (QuantEcon), each with its origin. From them:

- the sources' records, in the APIs' formats: Semantic Scholar papers (``venue`` and
  ``journal.name`` spelt as the bibliography does, in NLM's sentence case or abbreviated:
  `s2_spelling`; ``publicationVenue`` with its ISSN where the bibliography gives one),
  Crossref works (``journal-article`` with
  ``container-title``, ``ISSN``, ``volume``, ``issue``, ``page``; bioRxiv preprints as
  ``posted-content`` from the ``bioRxiv`` institution) and arXiv records;
- `cases`: ``.bib`` entries citing them, each labelled. ``valid`` cites the article as its
  bibliography does; ``valid_abbreviated`` with the journal's ISO 4 (MEDLINE in medicine)
  abbreviation; ``wrong_venue`` names another real journal of the same field (the nearest by
  name: "Physical Review B" for "Physical Review Letters"); ``nonexistent_venue`` names a
  journal made up here (no list and no record knows it); ``preprint_as_published`` cites a
  preprint as an article in a real journal of its field, with a volume and pages only the
  citation has; ``valid_preprint`` cites the preprint as a preprint.

Nothing here looks at what bibnorm answers: the fakes know papers, the labels follow from how
each entry was made.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from paths import FIXTURES

from fakes.arxiv_api import Author, FakeRecord, _date_from_id

RECORDS = FIXTURES / "journals" / "cross-domain.jsonl"
KINDS = (
    "valid",
    "valid_abbreviated",
    "valid_preprint",
    "wrong_venue",
    "nonexistent_venue",
    "preprint_as_published",
)
HALLUCINATED = frozenset({"wrong_venue", "nonexistent_venue", "preprint_as_published"})
_SERVER_VENUES = {"bioRxiv": "bioRxiv", "medRxiv": "medRxiv", "arXiv": "arXiv.org"}

# Words for journals made up here, by field; checked against every list at case time.
_INVENTED_WORDS = {
    "physics": ("Quantum", "Lattice", "Spin", "Topological", "Correlated", "Entanglement"),
    "biology": ("Cellular", "Genomic", "Transcriptomic", "Single-Cell", "Integrative", "Tissue"),
    "medicine": ("Clinical", "Cortical", "Epidemic", "Translational", "Neurodiagnostic", "Oscillatory"),
    "chemistry": ("Molecular", "Solvation", "Catalytic", "Biomolecular", "Polymer", "Force-Field"),
    "economics": ("Monetary", "Dynamic", "Behavioral", "Fiscal", "Macro-Financial", "Labor"),
}
_INVENTED_FORMS = (
    "Journal of {a} {b} Research",
    "International Review of {a} and {b} Studies",
    "{a} {b} Letters",
    "Annals of {a} {b} Science",
    "{a} {real}",  # a real journal's name with a word put in front: "Quantum Physical Review Letters"
)


def records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def paper_id(record: dict[str, Any]) -> str:
    return _digest(record["origin"])[:40]


# --- the sources' records -------------------------------------------------------------------


def s2_papers(
    items: Iterable[dict[str, Any]], *, venue_less_without_doi: bool = False
) -> list[dict[str, Any]]:
    """Semantic Scholar papers (Graph API fields) for every record (see `s2_spelling`)."""
    papers = []
    for record in items:
        external: dict[str, Any] = {}
        if record.get("doi"):
            external["DOI"] = record["doi"]
        if record.get("arxiv_id"):
            external["ArXiv"] = record["arxiv_id"]
        paper: dict[str, Any] = {
            "paperId": paper_id(record),
            "externalIds": external,
            "title": record["title"],
            "authors": [{"authorId": None, "name": name} for name in record["authors"]],
            "year": record["year"],
            "publicationDate": None,
            "abstract": None,
        }
        server = record.get("preprint")
        if server:
            paper |= {"venue": _SERVER_VENUES[server], "journal": {"name": server}, "publicationVenue": None}
            if server == "arXiv":
                paper["journal"] = {"name": "ArXiv", "volume": f"abs/{record['arxiv_id']}"}
        else:
            spelt = s2_spelling(record, venue_less_without_doi=venue_less_without_doi)
            journal = {"name": spelt, "volume": record.get("volume"), "pages": record.get("pages")}
            paper |= {
                "venue": spelt or "",
                "journal": {k: v for k, v in journal.items() if v} if spelt else None,
                "publicationTypes": ["JournalArticle"] if spelt else None,
                "publicationVenue": (
                    {"name": record["journal"], "type": "journal", "issn": record["issn"][0]}
                    if record.get("issn") and spelt
                    else None
                ),
            }
        papers.append(paper)
    return papers


def s2_spelling(record: dict[str, Any], *, venue_less_without_doi: bool = False) -> str | None:
    """How Semantic Scholar spells the record's journal, in turn by a hash of the origin: as the
    bibliography does; in NLM's sentence case ("Nature methods", as its PubMed-fed records do);
    abbreviated (ISO 4, from the bundled list); or not at all (one record in six: no venue, as
    for many older papers) — so verify has to read the journal, and ask Crossref, rather than
    compare strings. Only a record with a DOI goes without a venue: a paper the bibliography
    gives no DOI for has no Crossref work in this world, and S2's record would be the only one
    to name its journal (in the live services Crossref holds nearly every journal article);
    ``venue_less_without_doi`` drops that rule, for a world where nothing knows those journals."""
    from bibnorm.text.journals import find_journal

    name = record["journal"]
    choice = int(_digest(record["origin"] + "s2")[:4], 16) % 6
    if choice == 5 and (record.get("doi") or venue_less_without_doi):
        return None
    if choice in (1, 2):
        first, _, rest = name.partition(" ")
        return f"{first} {rest.lower()}".strip() if rest else name
    journal = find_journal(name) if choice in (3, 4) else None
    return journal.iso4 if journal is not None and journal.iso4 else name


def crossref_works(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Crossref works (REST API ``message`` objects) for every record with a non-arXiv DOI."""
    works = []
    for record in items:
        doi = record.get("doi")
        if not doi or "arxiv" in doi.casefold():
            continue
        work: dict[str, Any] = {
            "DOI": doi,
            "title": [record["title"]],
            "author": [_crossref_name(name, i) for i, name in enumerate(record["authors"])],
            "issued": {"date-parts": [[record["year"]]]},
            "published": {"date-parts": [[record["year"]]]},
        }
        if record.get("preprint"):
            work |= {
                "type": "posted-content",
                "subtype": "preprint",
                "institution": [{"name": record["preprint"]}],
                "publisher": "Cold Spring Harbor Laboratory",
                "container-title": [],
            }
        else:
            work |= {
                "type": "journal-article",
                "container-title": [record["journal"]],
                "short-container-title": [record["journal_abbreviation"]]
                if record.get("journal_abbreviation")
                else [],
            }
            if record.get("issn"):
                work["ISSN"] = record["issn"]
                work["issn-type"] = [{"type": "print", "value": issn} for issn in record["issn"]]
            for name, field in (("volume", "volume"), ("number", "issue")):
                if record.get(name):
                    work[field] = record[name]
            if record.get("pages"):
                work["page"] = record["pages"].replace("--", "-")
        works.append(work)
    return works


def _crossref_name(name: str, position: int) -> dict[str, str]:
    given, _, family = name.rpartition(" ")
    return {"given": given, "family": family, "sequence": "first" if position == 0 else "additional"}


def arxiv_records(items: Iterable[dict[str, Any]]) -> list[FakeRecord]:
    out = []
    for record in items:
        if record.get("arxiv_id"):
            out.append(
                FakeRecord(
                    arxiv_id=record["arxiv_id"],
                    title=record["title"],
                    abstract="",
                    authors=tuple(Author(name) for name in record["authors"]),
                    versions=(_date_from_id(record["arxiv_id"]),),
                    categories=("physics.gen-ph",),
                    doi=record.get("doi") if not record.get("preprint") else None,
                )
            )
    return out


# --- the cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    key: str
    kind: str  # one of `KINDS`
    field: str
    origin: str
    text: str  # the .bib entry
    cited: str  # the venue the entry names
    paper: str  # the paper's own venue (journal or preprint server)

    @property
    def hallucinated(self) -> bool:
        return self.kind in HALLUCINATED


def cases(items: list[dict[str, Any]]) -> list[Case]:
    """Every case made from ``items``, in a fixed order."""
    from bibnorm.text.journals import find_journal, journal_key
    from bibnorm.text.venues import find_venue

    articles = [r for r in items if not r.get("preprint")]
    journals_of: dict[str, list[str]] = {}
    for record in articles:
        names = journals_of.setdefault(record["field"], [])
        if all(journal_key(record["journal"]) != journal_key(n) for n in names):
            names.append(record["journal"])
    known = {journal_key(r["journal"]) for r in articles}

    def forms(name: str) -> set[str]:
        """A name, without a parenthesised part, and without a subtitle: "Europhysics Letters
        (EPL)" and "Clinical Neurophysiology: Official Journal of …" are those journals."""
        plain = re.sub(r"\s*\([^()]*\)", "", name)
        return {journal_key(n) for n in (name, plain, re.split(r":\s", plain, maxsplit=1)[0])}

    def same(a: str, b: str) -> bool:
        if forms(a) & forms(b):
            return True
        ja, jb = find_journal(a), find_journal(b)
        return ja is not None and jb is not None and ja.name == jb.name

    def other_journal(record: dict[str, Any]) -> str:
        mine = record["journal"]
        words = mine.casefold().split()
        candidates = [n for n in journals_of[record["field"]] if not same(n, mine)]

        def nearness(name: str) -> tuple[int, str]:
            theirs = name.casefold().split()
            shared = next((i for i, (a, b) in enumerate(zip(words, theirs, strict=False)) if a != b), 0)
            return -shared, _digest(record["origin"] + name)

        return min(candidates, key=nearness)

    def invented(record: dict[str, Any], salt: str) -> str:
        words = _INVENTED_WORDS[record["field"]]
        digest = _digest(record["origin"] + salt)
        reals = journals_of[record["field"]]
        for step in range(64):
            seed = int(digest[step % 32 : step % 32 + 8], 16) + step
            a, b = words[seed % len(words)], words[(seed // 7) % len(words)]
            form = _INVENTED_FORMS[(seed // 49) % len(_INVENTED_FORMS)]
            real = reals[(seed // 343) % len(reals)].removeprefix("The ")
            name = form.format(a=a, b=b, real=real)
            if a == b or journal_key(name) in known:
                continue
            if find_journal(name) is None and find_venue(name) is None:
                return name
        raise AssertionError(f"no invented journal for {record['origin']}")

    out: list[Case] = []
    for number, record in enumerate(items):
        key = f"j{number:04d}"
        if record.get("preprint"):
            out.append(_case(f"{key}p", "valid_preprint", record, venue=None))
            for variant, salt in enumerate(("a", "b", "c")):
                journal = _journal_for_preprint(record, journals_of, salt)
                out.append(
                    _case(
                        f"{key}{salt}",
                        "preprint_as_published",
                        record,
                        venue=journal,
                        volume=str(10 + int(_digest(record["origin"] + salt)[:2], 16) % 90),
                        pages=f"{100 + variant}--{112 + variant}",
                        with_ids=variant != 1,
                    )
                )
            continue
        out.append(_case(f"{key}v", "valid", record, venue=record["journal"]))
        journal = find_journal(record["journal"])
        short = ""
        if journal is not None:
            short = journal.medline if record["field"] == "medicine" and journal.medline else journal.iso4
        if short and journal_key(short) != journal_key(record["journal"]):
            out.append(_case(f"{key}a", "valid_abbreviated", record, venue=short))
        out.append(_case(f"{key}w", "wrong_venue", record, venue=other_journal(record)))
        out.append(_case(f"{key}n", "nonexistent_venue", record, venue=invented(record, "n")))
    return out


def _journal_for_preprint(record: dict[str, Any], journals_of: dict[str, list[str]], salt: str) -> str:
    names = journals_of.get(record["field"]) or journals_of["biology"]
    return names[int(_digest(record["origin"] + salt)[:8], 16) % len(names)]


def _case(
    key: str,
    kind: str,
    record: dict[str, Any],
    *,
    venue: str | None,
    volume: str | None = None,
    pages: str | None = None,
    with_ids: bool = True,
) -> Case:
    fields = [
        ("author", " and ".join("{" + n + "}" if " and " in n else n for n in record["authors"])),
        ("title", "{" + _escaped(record["title"]) + "}"),
    ]
    server = record.get("preprint")
    if venue is not None:
        fields.append(("journal", _escaped(venue)))
        published = not server
        fields += [
            ("volume", volume or (record.get("volume") if published else None)),
            ("number", record.get("number") if published else None),
            ("pages", pages or (record.get("pages") if published else None)),
        ]
    elif server in ("bioRxiv", "medRxiv"):
        fields.append(("journal", server))
    fields.append(("year", str(record["year"])))
    if with_ids and record.get("doi") and (kind != "preprint_as_published" or server != "arXiv"):
        fields.append(("doi", record["doi"]))
    if with_ids and record.get("arxiv_id") and (server or kind.startswith("valid")):
        fields += [("eprint", record["arxiv_id"]), ("archiveprefix", "arXiv")]
    entry_type = "misc" if venue is None and server == "arXiv" else "article"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return Case(
        key=key,
        kind=kind,
        field=record["field"],
        origin=record["origin"],
        text=f"@{entry_type}{{{key},\n{body}\n}}\n",
        cited=venue or server or "",
        paper=record.get("journal") or server or "",
    )


def _escaped(text: str) -> str:
    return "".join("\\" + ch if ch in "&%$#_" else ch for ch in text)
