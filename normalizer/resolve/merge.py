"""Field-precedence merge of a primary record (arXiv/snapshot) with companion records (Semantic
Scholar, dblp, Crossref, OpenAlex).

Rules, in order:

1. A companion that names a different arXiv paper than the primary is ignored (a note says so).
2. **Published upgrade** — when a companion is a peer-reviewed publication (its
   ``entry_type`` is ``inproceedings`` or ``article``: the S2 resolver sets that from
   ``publicationVenue``/``journal``/``venue``/``publicationTypes``/a non-arXiv DOI) and
   ``settings.prefer`` is ``"published"``, the entry takes the companion's entry type,
   venue (booktitle or journal), volume, number, pages, publisher, series, editors and DOI. The arXiv
   id, version and primary class stay, so the preprint remains findable. With
   ``prefer="preprint"`` the entry stays a preprint and a note names the publication.
3. **Titles**: the primary's title always wins; a companion title with a different
   `titles.title_key` adds a note naming its source ("Semantic Scholar title differs: ...").
4. **Fill missing**: authors (when the primary has none), abstract, and the S2 ids
   (paper id, corpus id, DBLP key) come from the companion.
5. **Year** (``settings.year_policy``):
   - ``"v1"``: the first arXiv version's date (``first_version``, else ``issued``);
   - ``"latest"``: the date of the arXiv record itself (``issued``, which the arXiv
     resolver sets to the version it describes), else v1;
   - ``"published"`` (default): the companion's published date when the entry was
     upgraded, else v1.

   A published entry shows a month only when its source dates the publication itself
   (`DATES_PUBLICATIONS`): Semantic Scholar's ``publicationDate`` is usually the
   preprint's date ("ICCV 2017, Jul."), so from it only the year is kept, and the
   arXiv month never stands beside a venue's year.
6. **DOI**: arXiv's DataCite DOI (``10.48550/arXiv.*``) names the preprint; a
   published entry never carries it (its eprint fields keep the preprint findable).

7. **Authority** — several companions with a published version: dblp, then Crossref, then
   Semantic Scholar (`PUBLICATION_AUTHORITY`); a disagreement on the venue or type becomes a
   note naming both. The publisher is the publisher's own deposit's (Crossref's record of the
   published DOI) when it names one; a field the published version lacks (editors, publisher,
   the journal's ISSNs) comes from another record of its DOI. The published entry's author
   list, its order and spelling included, is that of the published version's record of
   authority (`AUTHORS_AUTHORITY`: dblp's, then Crossref's — the chosen published record, or
   one of the same DOI), whichever path found that version and whatever the preprint lists;
   never the preprint's while one of them lists authors. Without such a record, OpenAlex's
   names (as the venue printed them: accents, full given names) replace the primary's when its
   list matches the primary's person by person, accents aside and with at most one typo per
   family name (`bibnorm.resolve.people`), or another publication source agrees with it.
8. **Journal or proceedings by evidence** (`bibnorm.resolve.venue_kind`): Crossref's
   type of the published DOI outranks every other source's label — a dblp or Semantic
   Scholar record of another type gives way to Crossref's record of that DOI — and then the
   ISSN and the venue data decide; a change is a note naming both. The journal's ISSNs and
   short title come from whichever companion of the same DOI has them.

Every value taken from a companion is recorded in ``Reference.provenance`` under the
field name (``"doi"``, ``"s2_paper_id"``, ``"corpus_id"``, ``"dblp"`` for identifiers)
with the companion's source name.

`merge_reference` runs these rules as steps over one working `_Draft`, each step owning
one concern: what every companion adds (`_fold_companion`), which published version wins
(`_take_published`), the publication's fields, authors and identifiers (`_upgrade_or_note`),
and the date (`_settle_issued`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bibnorm.config import Settings
from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Candidate, Identifiers, PartialDate, Reference
from bibnorm.resolve.people import same_people
from bibnorm.resolve.venue_kind import SOURCE_NAMES, settle_entry_type
from bibnorm.text.titles import title_key

_PUBLISHED_TYPES = frozenset({"inproceedings", "article"})
_PUBLICATION_FIELDS = (
    "venue",
    "venue_short",
    "issn",
    "volume",
    "number",
    "pages",
    "publisher",
    "address",
    "series",
    "editors",
)
# Fields another record of the same DOI may supply when the published version lacks them: the
# journal's numbers and short title, or the proceedings' editors and publisher (Crossref's
# deposit beside dblp's).
_SAME_DOI_FIELDS = frozenset({"issn", "venue_short", "editors", "publisher", "address"})
# Fields the publisher's own deposit (Crossref's record of the published DOI) owns when it names
# them, whichever record is the published version: dblp's proceedings volume adds its publisher
# only where the deposit has none.
_DEPOSIT_FIELDS = frozenset({"publisher"})
# Identifiers a companion fills in when the primary has none.
_COMPANION_IDS = ("s2_paper_id", "corpus_id", "dblp")
# Who owns a published version's venue, type, pages and DOI: the bibliographies that
# record what venues published (dblp for computer science, Crossref for DOIs) before
# Semantic Scholar, whose venue and type are inferred. Lower ranks win.
PUBLICATION_AUTHORITY = {"dblp": 0, "crossref": 1, "openalex": 2, "s2": 3}
# Sources whose month/day date the publication itself (Crossref's published-print/issued),
# not the preprint that preceded it.
DATES_PUBLICATIONS: frozenset[str] = frozenset({"crossref", "openalex"})
# Sources that print names as the publication did (full given names, accents).
NAMES_AS_PUBLISHED = frozenset({"dblp", "crossref", "openalex"})
# Whose record of a published version owns its author list (order and spelling), in turn: the
# bibliographies of record, which list the people as the venue printed them.
AUTHORS_AUTHORITY = ("dblp", "crossref")


def is_published(reference: Reference) -> bool:
    """True when a record describes a peer-reviewed publication with a named venue."""
    return reference.entry_type in _PUBLISHED_TYPES and bool(reference.venue)


@dataclass
class _Draft:
    """The merge's working state: the fields to replace, the identifiers, where each value
    came from, the notes; and the published version chosen so far with its source."""

    update: dict[str, Any]
    ids: dict[str, Any]
    provenance: dict[str, str]
    notes: list[str]
    published: Reference | None = None
    published_source: str = ""
    upgraded: bool = False

    def take(self, name: str, value: Any, source: str) -> None:
        self.update[name] = value
        self.provenance[name] = source

    def take_id(self, name: str, value: Any, source: str) -> None:
        self.ids[name] = value
        self.provenance[name] = source


def merge_reference(primary: Reference, companions: Sequence[Candidate], settings: Settings) -> Reference:
    """Return ``primary`` enriched by ``companions`` (the sources' records of the same paper:
    Semantic Scholar's, dblp's, Crossref's, OpenAlex's).

    The result is a new `Reference`; see the module docstring for the precedence rules.
    With no usable companion only the year policy is applied.
    """
    draft = _Draft(
        update={},
        ids=primary.ids.model_dump(),
        provenance=dict(primary.provenance),
        notes=list(primary.notes),
    )
    for candidate in companions:
        _fold_companion(draft, primary, candidate)
    crossref = _crossref_record(companions, draft.published)
    if (
        draft.published is not None
        and crossref is not None
        and crossref.entry_type != draft.published.entry_type
    ):
        # Crossref's type of the DOI is the publisher's deposit: another source's label gives way.
        _note_disagreement(draft.notes, draft.published, draft.published_source, crossref, "crossref")
        draft.published, draft.published_source = crossref, "crossref"
    if draft.published is not None:
        _upgrade_or_note(draft, draft.published, primary, companions, settings)
    _settle_issued(draft, primary, companions, settings)
    draft.update["ids"] = Identifiers(**draft.ids)
    draft.update["provenance"] = {k: v for k, v in draft.provenance.items() if v}
    draft.update["notes"] = tuple(dict.fromkeys(draft.notes))
    merged = primary.model_copy(update=draft.update)
    return settle_entry_type(merged, _crossref_type(crossref, merged))


def _fold_companion(draft: _Draft, primary: Reference, candidate: Candidate) -> None:
    """What one companion adds: a note on another arXiv paper or another title, the ids,
    authors and abstract the primary lacks, and its bid as the published version."""
    other, source = candidate.reference, candidate.source
    label = SOURCE_NAMES.get(source, source)
    if primary.ids.arxiv_id and other.ids.arxiv_id and other.ids.arxiv_id != primary.ids.arxiv_id:
        draft.notes.append(
            f"{label} record ignored: it is arXiv:{other.ids.arxiv_id}, not arXiv:{primary.ids.arxiv_id}"
        )
        return
    if title_key(other.title) != title_key(primary.title):
        draft.notes.append(f"{label} title differs: {other.title!r}")
    _fill_missing(draft, primary, other, source)
    if is_published(other):
        _take_published(draft, other, source)
    elif (
        other.ids.doi
        and not is_arxiv_doi(other.ids.doi)
        and draft.ids.get("doi") is None
        and draft.published is None
    ):
        # A DOI without a named venue: keep it (it helps readers find the paper) without upgrading.
        draft.take_id("doi", other.ids.doi, source)


def _fill_missing(draft: _Draft, primary: Reference, other: Reference, source: str) -> None:
    """The S2 ids, authors and abstract the primary lacks, from the first companion that has them."""
    for name in _COMPANION_IDS:
        value = getattr(other.ids, name)
        if value is not None and draft.ids.get(name) is None:
            draft.take_id(name, value, source)
    if not primary.authors and other.authors and "authors" not in draft.update:
        draft.take("authors", other.authors, source)
    if not primary.abstract and other.abstract and "abstract" not in draft.update:
        draft.take("abstract", other.abstract, source)


def _take_published(draft: _Draft, other: Reference, source: str) -> None:
    """Keep the published version of the higher authority; a disagreement becomes a note."""
    if draft.published is None:
        draft.published, draft.published_source = other, source
    elif _authority(source) < _authority(draft.published_source):
        _note_disagreement(draft.notes, draft.published, draft.published_source, other, source)
        draft.published, draft.published_source = other, source
    else:
        _note_disagreement(draft.notes, other, source, draft.published, draft.published_source)


def _upgrade_or_note(
    draft: _Draft,
    published: Reference,
    primary: Reference,
    companions: Sequence[Candidate],
    settings: Settings,
) -> None:
    """Take the published version's type, fields, authors and ids, or with
    ``prefer="preprint"`` only name it in a note."""
    source = draft.published_source
    if settings.prefer == "preprint" and primary.entry_type not in _PUBLISHED_TYPES:
        when = f" {published.issued.year}" if published.issued else ""
        label = SOURCE_NAMES.get(source, source)
        draft.notes.append(f"{label} lists a published version: {published.venue}{when} (kept the preprint)")
        return
    draft.upgraded = True
    draft.take("entry_type", published.entry_type, source)
    _take_publication_fields(draft, companions, published, source)
    authority = _authors_of_record(companions, published, source)
    if authority is not None:
        draft.take("authors", authority.reference.authors, authority.source)
    elif _published_names_hold(primary, companions, published, source):
        draft.take("authors", published.authors, source)
    _take_published_ids(draft, published, source)


def _authors_of_record(
    companions: Sequence[Candidate], published: Reference, source: str
) -> Candidate | None:
    """The record of authority (`AUTHORS_AUTHORITY`) of the published version that lists its
    authors: the chosen published record itself, or another record of the same DOI."""
    doi = (published.ids.doi or "").casefold()
    for authority in AUTHORS_AUTHORITY:
        for candidate in companions:
            other = candidate.reference
            if candidate.source != authority or not other.authors:
                continue
            if (source == authority and other is published) or (
                doi and not is_arxiv_doi(doi) and (other.ids.doi or "").casefold() == doi
            ):
                return candidate
    return None


def _take_publication_fields(
    draft: _Draft, companions: Sequence[Candidate], published: Reference, published_source: str
) -> None:
    """The venue, its numbers, pages, publisher, series and editors of the published version,
    completed from another record of the same DOI where it lacks them."""
    for name in _PUBLICATION_FIELDS:
        value = getattr(published, name)
        source = published_source
        deposited = _deposit_value(companions, published, name) if name in _DEPOSIT_FIELDS else None
        if deposited is not None:
            value, source = deposited, "crossref"
        elif not value and name in _SAME_DOI_FIELDS:
            value, source = _same_doi_value(companions, published, name)
        elif not value and name == "volume" and published.series:
            # Crossref's chapter of an LNCS volume has no volume number; Semantic Scholar's
            # record of the same DOI in the same series has it ("volume 9351 of LNCS").
            value, source = _same_doi_value(companions, published, name, series=published.series)
        if value:
            draft.take(name, value, source)


def _published_names_hold(
    primary: Reference, companions: Sequence[Candidate], published: Reference, source: str
) -> bool:
    """Whether the published spelling of the authors replaces the preprint's, when no record of
    authority lists them: a source that prints names as published, whose list is the primary's
    people in order, or which another such source agrees with."""
    return source in NAMES_AS_PUBLISHED and (
        same_people(primary.authors, published.authors)
        or _agreed_by_another_source(companions, published, source)
    )


def _take_published_ids(draft: _Draft, published: Reference, source: str) -> None:
    """The publication's dblp key and DOI; arXiv's DataCite DOI names the preprint and goes."""
    if published.ids.dblp and not published.ids.dblp.startswith("journals/corr/"):
        # The publication's dblp record, not the CoRR listing Semantic Scholar may name.
        draft.take_id("dblp", published.ids.dblp, source)
    if published.ids.doi and not is_arxiv_doi(published.ids.doi):
        draft.take_id("doi", published.ids.doi, source)
    elif is_arxiv_doi(draft.ids.get("doi")):
        draft.ids["doi"] = None
        draft.provenance.pop("doi", None)


def _settle_issued(
    draft: _Draft, primary: Reference, companions: Sequence[Candidate], settings: Settings
) -> None:
    """The date under the year policy, with a month from a source that dates publications."""
    published = draft.published if draft.upgraded else None
    issued, issued_source = _choose_issued(primary, published, draft.published_source, settings)
    if draft.upgraded and settings.year_policy == "published" and issued is not None and not issued.month:
        # The venue's authority (dblp) may know no month; a source that dates the
        # publication (Crossref) and agrees on the year gives it.
        dated = _dated_publication(companions, issued.year, draft.ids.get("doi"))
        if dated is not None:
            issued, issued_source = dated
    if issued is None:
        return
    draft.update["issued"] = issued
    if issued_source:
        draft.provenance["issued"] = issued_source
    elif issued != primary.issued:
        draft.provenance["issued"] = draft.provenance.get("first_version", draft.provenance.get("issued", ""))


def _crossref_type(crossref: Reference | None, merged: Reference) -> str | None:
    """Crossref's work type of the merged entry's DOI, when Crossref has a record of it."""
    if crossref is None or crossref.ids.doi != merged.ids.doi:
        return None
    if crossref.series:  # `bibnorm.resolvers.crossref.series_chapter`: LNCS and the like
        return "book-chapter"
    return "journal-article" if crossref.entry_type == "article" else "proceedings-article"


def _crossref_record(companions: Sequence[Candidate], published: Reference | None) -> Reference | None:
    """Crossref's published record of the DOI the chosen published version carries."""
    doi = published.ids.doi if published is not None else None
    for candidate in companions:
        other = candidate.reference
        if candidate.source == "crossref" and is_published(other) and (doi is None or other.ids.doi == doi):
            return other
    return None


def _deposit_value(companions: Sequence[Candidate], published: Reference, name: str) -> Any:
    """The field ``name`` of Crossref's record of the published DOI, or ``None`` when it has none."""
    crossref = _crossref_record(companions, published) if published.ids.doi else None
    return (getattr(crossref, name) or None) if crossref is not None else None


def _same_doi_value(
    companions: Sequence[Candidate], published: Reference, name: str, series: str | None = None
) -> tuple[Any, str]:
    for candidate in companions:
        other = candidate.reference
        value = getattr(other, name)
        if series is not None and other.series != series:
            continue
        if value and is_published(other) and other.ids.doi and other.ids.doi == published.ids.doi:
            return value, candidate.source
    return None, ""


def _dated_publication(
    companions: Sequence[Candidate], year: int, doi: str | None
) -> tuple[PartialDate, str] | None:
    """A month for a publication of ``year``: from a source that dates publications, whose
    record is a publication or the record of the entry's own DOI (a Crossref work without
    a container title still dates the paper its DOI names)."""
    for candidate in companions:
        reference = candidate.reference
        issued = reference.issued
        own_doi = bool(doi and reference.ids.doi and reference.ids.doi.casefold() == doi.casefold())
        if (
            candidate.source in DATES_PUBLICATIONS
            and (is_published(reference) or own_doi)
            and issued is not None
            and issued.year == year
            and issued.month
        ):
            return issued, candidate.source
    return None


def _authority(source: str) -> int:
    return PUBLICATION_AUTHORITY.get(source, len(PUBLICATION_AUTHORITY))


def _note_disagreement(
    notes: list[str], lost: Reference, lost_source: str, won: Reference, won_source: str
) -> None:
    """Two sources name different venues or types: say which one the entry shows."""
    if (lost.entry_type, lost.venue) == (won.entry_type, won.venue):
        return
    notes.append(
        f"{SOURCE_NAMES.get(lost_source, lost_source)} says {lost.entry_type} in {lost.venue!r}; "
        f"{SOURCE_NAMES.get(won_source, won_source)}'s {won.entry_type} in {won.venue!r} was used"
    )


def _agreed_by_another_source(companions: Sequence[Candidate], published: Reference, source: str) -> bool:
    """Whether another publication source's record of the same DOI lists the same people, in
    the same order: two publication sources agreeing outweigh the preprint's list."""
    doi = (published.ids.doi or "").casefold()
    return bool(doi) and any(
        candidate.source in NAMES_AS_PUBLISHED
        and candidate.source != source
        and (candidate.reference.ids.doi or "").casefold() == doi
        and same_people(candidate.reference.authors, published.authors)
        for candidate in companions
    )


def _choose_issued(
    primary: Reference, published: Reference | None, published_source: str, settings: Settings
) -> tuple[PartialDate | None, str]:
    """The date the citation shows under the year policy, and its source ("" = the primary's own)."""
    first = primary.first_version or primary.issued
    if settings.year_policy == "v1":
        return first, ""
    if settings.year_policy == "latest":
        return primary.issued or primary.first_version, ""
    if published is not None and published.issued is not None:
        if published_source in DATES_PUBLICATIONS:
            return published.issued, published_source
        return PartialDate(year=published.issued.year), published_source
    if published is not None and first is not None:
        return PartialDate(year=first.year), ""  # the preprint's month is not the venue's
    return first, ""
