"""Build ``fixtures/journals/cross-domain.jsonl``: real journal articles and preprints from five fields.

Each record is one entry of a bibliography a public project keeps for its own documentation,
read as the project wrote it (the facts only: authors, title, journal, year, volume, number,
pages, DOI, ISSN, arXiv id), with its origin ``owner/repo@commit:path#key``. Nothing is
invented or corrected here: the verification cases are made from these records by
``tests/fakes/journal_world.py``.

| field | source repository @ commit : file |
|---|---|
| physics | tenpy/tenpy @ 7f1d95560645fed0484bb16173288ea7430bde2b : doc/literature.bib |
| biology | scverse/scanpy @ fabadb9412c0d1cd9df9d9c2e95ac266d564ee18 : docs/references.bib |
| biology | scverse/scvi-tools @ 93dc4fae21917406673206320c8a3002433c4a5d : docs/references.bib |
| medicine | mne-tools/mne-python @ 8aa8dec45a522363be02cba78d0856442b208067 : doc/references.bib |
| medicine | epiverse-trace/epiparameterDB @ 0abe211ece2b7d69df63cf805568b8540aaf516c :
  inst/extdata/parameters.json |
| medicine | epiverse-trace/epiparameter @ 5f05871277df32b24576f1f2304f782d2f685784 :
  vignettes/references.json |
| chemistry | openmm/openmm @ 1a47c2f68439c579e27666e5f985ea1a46dd105a :
  docs-source/usersguide/references.bib |
| economics | QuantEcon/lecture-python.myst @ 40e15dc23b712c68268102588d3ffada4c8b8e1f :
  lectures/_static/quant-econ.bib |

Kept: ``@article`` entries with a title, authors, a year and a journal, and the preprints the
files cite as preprints (arXiv, bioRxiv, medRxiv). Left out: entries whose "journal" names no journal
(`NOT_JOURNALS`, as the files wrote them: a book title, "Manuscript, …") and two preprints
known to be published (`KNOWN_PUBLISHED`); at most
`PER_FIELD` articles a field (every preprint), chosen by a hash of the origin so the choice does
not depend on the files' order. openmm's file lacks the comma after most keys (an EndNote
export): it is added before parsing. Usage::

    python scripts/build_cross_domain.py SOURCES_FOLDER

where the folder holds the files above named ``<owner>+<repo>.<bib|json>``
(``epiverse-trace+epiparameterDB.json`` and ``epiverse-trace+epiparameter.json``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.bib.bibfile import parse_bibtex  # noqa: E402
from bibnorm.identifiers import canonical_doi, parse_arxiv_id  # noqa: E402
from bibnorm.text.names import parse_name  # noqa: E402
from bibnorm.verify.judge import claim_from_entry  # noqa: E402

OUTPUT = ROOT / "fixtures" / "journals" / "cross-domain.jsonl"
PER_FIELD = 150
BIB_SOURCES = (
    ("physics", "tenpy/tenpy", "7f1d95560645fed0484bb16173288ea7430bde2b", "doc/literature.bib"),
    ("biology", "scverse/scanpy", "fabadb9412c0d1cd9df9d9c2e95ac266d564ee18", "docs/references.bib"),
    ("biology", "scverse/scvi-tools", "93dc4fae21917406673206320c8a3002433c4a5d", "docs/references.bib"),
    ("medicine", "mne-tools/mne-python", "8aa8dec45a522363be02cba78d0856442b208067", "doc/references.bib"),
    ("chemistry", "openmm/openmm", "1a47c2f68439c579e27666e5f985ea1a46dd105a",
     "docs-source/usersguide/references.bib"),
    ("economics", "QuantEcon/lecture-python.myst", "40e15dc23b712c68268102588d3ffada4c8b8e1f",
     "lectures/_static/quant-econ.bib"),
)  # fmt: skip
EPIPARAMETER_DB = ("epiverse-trace/epiparameterDB", "0abe211ece2b7d69df63cf805568b8540aaf516c")
EPIPARAMETER = ("epiverse-trace/epiparameter", "5f05871277df32b24576f1f2304f782d2f685784")
NOT_JOURNALS = frozenset(
    {
        "Statistical inference in dynamic economic models",
        "Handbook of computational economics",
        "Manuscript, Department of Economics, Stanford University.",
        "GitHub repository",
        "Machine Learning in Computational Biology",
        "ICML Workshop on Computational Biology",
        "International Congress Series",
        "SIGMOD Rec.",
        "Pacific Symposium on Biocomputing",
    }
)
# The sources cite the preprint of a paper known to be published: SIAM Review 2011, Rev. Mod. Phys. 2021.
KNOWN_PUBLISHED = frozenset({"Halko2009", "cirac2020"})
_ARXIV_IN_JOURNAL = re.compile(r"arxiv(?: preprint)?:?\s*(\d{4}\.\d{4,5}|[a-z-]+/\d{7})", re.IGNORECASE)
_SERVERS = {"biorxiv": "bioRxiv", "medrxiv": "medRxiv", "arxiv": "arXiv"}


def record(field: str, origin: str, **facts: Any) -> dict[str, Any]:
    return {"field": field, "origin": origin, **{k: v for k, v in facts.items() if v not in (None, "", [])}}


def from_bib(field: str, repo: str, commit: str, path: str, text: str) -> list[dict[str, Any]]:
    if repo == "openmm/openmm":
        text = re.sub(r"^(@\w+\{[^,\s{}]+)[ \t]*$", r"\1,", text, flags=re.MULTILINE)
    bibfile = parse_bibtex(text, path)
    out = []
    for entry in bibfile.entries:
        if entry.key in KNOWN_PUBLISHED:
            continue
        claim = claim_from_entry(entry, path, bibfile.strings)
        origin = f"{repo}@{commit}:{path}#{entry.key}"
        if not claim.title or not claim.authors or not claim.year:
            continue
        authors = [parse_name(name).display() for name in claim.authors]
        where = " ".join(str(entry.get(name) or "") for name in ("journal", "publisher", "howpublished"))
        server = next((v for k, v in _SERVERS.items() if k in where.casefold()), None)
        arxiv = claim.arxiv_id
        if arxiv is None and (match := _ARXIV_IN_JOURNAL.search(where)):
            parsed = parse_arxiv_id(match.group(1))
            arxiv = parsed.id if parsed else None
        if server is not None and (server != "arXiv" or arxiv):
            doi = claim.doi if server != "arXiv" else None
            facts = {"title": claim.title, "authors": authors, "year": claim.year, "doi": doi}
            out.append(record(field, origin, preprint=server, arxiv_id=arxiv, **facts))
            continue
        if entry.entry_type != "article" or not claim.venue or claim.venue in NOT_JOURNALS:
            continue
        out.append(
            record(
                field,
                origin,
                title=claim.title,
                authors=authors,
                year=claim.year,
                journal=claim.venue,
                volume=claim.volume,
                number=(entry.get("number") or entry.get("issue") or "").strip("{}") or None,
                pages=claim.pages,
                doi=claim.doi,
                issn=list(claim.issn),
                arxiv_id=arxiv,
            )
        )
    return out


def from_epiparameter_db(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    repo, commit = EPIPARAMETER_DB
    out, seen = [], set()
    for item in items:
        cited = item.get("citation") or {}
        doi = canonical_doi(str(cited.get("doi") or "")) if cited.get("doi") else None
        if not cited.get("journal") or not cited.get("title") or (doi or cited["title"]) in seen:
            continue
        seen.add(doi or cited["title"])
        authors = [_name(a) for a in cited.get("author") or []]
        origin = f"{repo}@{commit}:inst/extdata/parameters.json#{doi or cited['title']}"
        facts = {"title": cited["title"], "authors": authors, "year": cited.get("year")}
        server = _SERVERS.get(str(cited["journal"]).casefold())
        if server is not None:
            out.append(record("medicine", origin, preprint=server, doi=doi, **facts))
            continue
        out.append(record("medicine", origin, journal=cited["journal"], doi=doi, **facts))
    return out


def from_csl(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    repo, commit = EPIPARAMETER
    out = []
    for item in items:
        if item.get("type") != "article-journal":
            continue
        year = int(str(item["issued"]["date-parts"][0][0]))
        authors = [_name(a) for a in item.get("author") or []]
        issn = [part.strip() for part in str(item.get("ISSN") or "").split(",") if part.strip()]
        out.append(
            record(
                "medicine",
                f"{repo}@{commit}:vignettes/references.json#{item['id']}",
                title=item["title"],
                authors=authors,
                year=year,
                journal=item["container-title"],
                journal_abbreviation=item.get("journalAbbreviation"),
                volume=item.get("volume"),
                number=item.get("issue"),
                pages=str(item.get("page") or "").replace("-", "--") or None,
                doi=canonical_doi(str(item.get("DOI") or "")) if item.get("DOI") else None,
                issn=issn,
            )
        )
    return out


def _name(author: dict[str, Any]) -> str:
    """A CSL name as "Given Family"; an organisation (no family part) as written."""
    parts = (author.get("given"), author.get("family"), author.get("literal"))
    return " ".join(str(part) for part in parts if part)


def _rank(item: dict[str, Any]) -> str:
    return hashlib.sha256(item["origin"].encode()).hexdigest()


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/build_cross_domain.py SOURCES_FOLDER")
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    folder = Path(sys.argv[1])
    records: list[dict[str, Any]] = []
    for field, repo, commit, path in BIB_SOURCES:
        text = (folder / f"{repo.replace('/', '+')}.bib").read_text(encoding="utf-8")
        records += from_bib(field, repo, commit, path, text)
    records += from_epiparameter_db(json.loads((folder / "epiverse-trace+epiparameterDB.json").read_text()))
    records += from_csl(json.loads((folder / "epiverse-trace+epiparameter.json").read_text()))
    seen: set[str] = set()
    kept: list[dict[str, Any]] = []
    for item in sorted(records, key=_rank):
        identity = (item.get("doi") or "").casefold() or re.sub(r"\W", "", item["title"].casefold())
        if identity in seen:
            continue
        seen.add(identity)
        field_count = sum(1 for k in kept if k["field"] == item["field"] and "preprint" not in k)
        if "preprint" in item or field_count < PER_FIELD:
            kept.append(item)
    kept.sort(key=lambda item: (item["field"], item["origin"]))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in kept), encoding="utf-8")
    for field in sorted({item["field"] for item in kept}):
        mine = [item for item in kept if item["field"] == field]
        preprints = sum(1 for item in mine if "preprint" in item)
        print(f"{field:10} {len(mine) - preprints:4} articles {preprints:3} preprints")


if __name__ == "__main__":
    main()
