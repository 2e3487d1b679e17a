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

7. **Authority** — several companions with a published version: dblp, then Crossref,
   then Semantic Scholar (`PUBLICATION_AUTHORITY`); a disagreement on the venue or type
   becomes a note naming both. Author names come from dblp/Crossref (as the venue
   printed them: accents, full given names) when their list matches the primary's
   person by person, accents aside and with at most one typo per family name
   (`_same_person`).
8. **Journal or proceedings by evidence** (`bibnorm.resolve.venue_kind`): Crossref's
   type of the published DOI outranks every other source's label — a dblp or Semantic
   Scholar record of another type gives way to Crossref's record of that DOI — and then the
   ISSN and the venue data decide; a change is a note naming both. The journal's ISSNs and
   short title come from whichever companion of the same DOI has them.

Every value taken from a companion is recorded in ``Reference.provenance`` under the
field name (``"doi"``, ``"s2_paper_id"``, ``"corpus_id"``, ``"dblp"`` for identifiers)
with the companion's source name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bibnorm.config import Settings
from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.venue_kind import SOURCE_NAMES, settle_entry_type
from bibnorm.text.names import TYPO_MIN_LETTERS, family_forms, one_typo
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
_SOURCE_NAMES = {
    "s2": "Semantic Scholar",
    "arxiv": "arXiv",
    "snapshot": "the arXiv snapshot",
    "dblp": "dblp",
    "crossref": "Crossref",
    "openalex": "OpenAlex",
}
# Who owns a published version's venue, type, pages and DOI: the bibliographies that
# record what venues published (dblp for computer science, Crossref for DOIs) before
# Semantic Scholar, whose venue and type are inferred. Lower ranks win.
PUBLICATION_AUTHORITY = {"dblp": 0, "crossref": 1, "openalex": 2, "s2": 3}
# Sources whose month/day date the publication itself (Crossref's published-print/issued),
# not the preprint that preceded it.
DATES_PUBLICATIONS: frozenset[str] = frozenset({"crossref", "openalex"})


def is_published(reference: Reference) -> bool:
    """True when a record describes a peer-reviewed publication with a named venue."""
    return reference.entry_type in _PUBLISHED_TYPES and bool(reference.venue)


def merge_reference(primary: Reference, companions: Sequence[Candidate], settings: Settings) -> Reference:
    """Return ``primary`` enriched by ``companions`` (S2 records found by identifier).

    The result is a new `Reference`; see the module docstring for the precedence rules.
    With no usable companion only the year policy is applied.
    """
    update: dict[str, Any] = {}
    ids = primary.ids.model_dump()
    provenance = dict(primary.provenance)
    notes = list(primary.notes)
    published: Reference | None = None
    published_source = ""

    for candidate in companions:
        other = candidate.reference
        source = candidate.source
        label = SOURCE_NAMES.get(source, source)
        if primary.ids.arxiv_id and other.ids.arxiv_id and other.ids.arxiv_id != primary.ids.arxiv_id:
            notes.append(
                f"{label} record ignored: it is arXiv:{other.ids.arxiv_id}, not arXiv:{primary.ids.arxiv_id}"
            )
            continue

        if title_key(other.title) != title_key(primary.title):
            notes.append(f"{label} title differs: {other.title!r}")

        for name in ("s2_paper_id", "corpus_id", "dblp"):
            value = getattr(other.ids, name)
            if value is not None and ids.get(name) is None:
                ids[name] = value
                provenance[name] = source
        if not primary.authors and other.authors and "authors" not in update:
            update["authors"] = other.authors
            provenance["authors"] = source
        if not primary.abstract and other.abstract and "abstract" not in update:
            update["abstract"] = other.abstract
            provenance["abstract"] = source

        if is_published(other) and (published is None or _authority(source) < _authority(published_source)):
            if published is not None:
                _note_disagreement(notes, published, published_source, other, source)
            published, published_source = other, source
        elif is_published(other) and published is not None:
            _note_disagreement(notes, other, source, published, published_source)
        elif (
            other.ids.doi and not is_arxiv_doi(other.ids.doi) and ids.get("doi") is None and published is None
        ):
            # A DOI without a named venue: keep it (it helps readers find the paper) without upgrading.
            ids["doi"] = other.ids.doi
            provenance["doi"] = source

    crossref = _crossref_record(companions, published)
    if published is not None and crossref is not None and crossref.entry_type != published.entry_type:
        # Crossref's type of the DOI is the publisher's deposit: another source's label gives way.
        _note_disagreement(notes, published, published_source, crossref, "crossref")
        published, published_source = crossref, "crossref"
    upgraded = False
    if published is not None:
        label = SOURCE_NAMES.get(published_source, published_source)
        if settings.prefer == "preprint" and primary.entry_type not in _PUBLISHED_TYPES:
            when = f" {published.issued.year}" if published.issued else ""
            notes.append(f"{label} lists a published version: {published.venue}{when} (kept the preprint)")
        else:
            upgraded = True
            update["entry_type"] = published.entry_type
            provenance["entry_type"] = published_source
            for name in _PUBLICATION_FIELDS:
                value = getattr(published, name)
                source = published_source
                if not value and name in ("issn", "venue_short", "editors", "publisher", "address"):
                    # Another record of the same DOI may name the journal's numbers and short title,
                    # or the proceedings' editors and publisher (Crossref's deposit beside dblp's).
                    value, source = _same_doi_value(companions, published, name)
                elif not value and name == "volume" and published.series:
                    # Crossref's chapter of an LNCS volume has no volume number; Semantic Scholar's
                    # record of the same DOI in the same series has it ("volume 9351 of LNCS").
                    value, source = _same_doi_value(companions, published, name, series=published.series)
                if value:
                    update[name] = value
                    provenance[name] = source
            if published_source in NAMES_AS_PUBLISHED and (
                _same_people(primary.authors, published.authors)
                or (published_source == "dblp" and _same_set_of_people(primary.authors, published.authors))
                or _agreed_by_another_source(companions, published, published_source)
            ):
                update["authors"] = published.authors
                provenance["authors"] = published_source
            if published.ids.dblp and not published.ids.dblp.startswith("journals/corr/"):
                # The publication's dblp record, not the CoRR listing Semantic Scholar may name.
                ids["dblp"] = published.ids.dblp
                provenance["dblp"] = published_source
            if published.ids.doi and not is_arxiv_doi(published.ids.doi):
                ids["doi"] = published.ids.doi
                provenance["doi"] = published_source
            elif is_arxiv_doi(ids.get("doi")):
                ids["doi"] = None
                provenance.pop("doi", None)

    issued, issued_source = _choose_issued(
        primary, published if upgraded else None, published_source, settings
    )
    if upgraded and settings.year_policy == "published" and issued is not None and not issued.month:
        # The venue's authority (dblp) may know no month; a source that dates the
        # publication (Crossref) and agrees on the year gives it.
        dated = _dated_publication(companions, issued.year, ids.get("doi"))
        if dated is not None:
            issued, issued_source = dated
    if issued is not None:
        update["issued"] = issued
        if issued_source:
            provenance["issued"] = issued_source
        elif issued != primary.issued:
            provenance["issued"] = provenance.get("first_version", provenance.get("issued", ""))

    update["ids"] = Identifiers(**ids)
    update["provenance"] = {k: v for k, v in provenance.items() if v}
    update["notes"] = tuple(dict.fromkeys(notes))
    merged = primary.model_copy(update=update)
    crossref_type = None
    if crossref is not None and crossref.ids.doi == merged.ids.doi:
        crossref_type = "journal-article" if crossref.entry_type == "article" else "proceedings-article"
        if crossref.series:  # `bibnorm.resolvers.crossref.series_chapter`: LNCS and the like
            crossref_type = "book-chapter"
    return settle_entry_type(merged, crossref_type)


def _crossref_record(companions: Sequence[Candidate], published: Reference | None) -> Reference | None:
    """Crossref's published record of the DOI the chosen published version carries."""
    doi = published.ids.doi if published is not None else None
    for candidate in companions:
        other = candidate.reference
        if candidate.source == "crossref" and is_published(other) and (doi is None or other.ids.doi == doi):
            return other
    return None


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


# Sources that print names as the publication did (full given names, accents).
NAMES_AS_PUBLISHED = frozenset({"dblp", "crossref", "openalex"})


def _same_people(mine: Sequence[Person], theirs: Sequence[Person]) -> bool:
    """Same length and, person by person, the same family name: accents and case aside, or
    with one typo ("Mexatas" on arXiv for dblp's "Metaxas") when the given names' initials agree."""
    return len(mine) == len(theirs) > 0 and all(_same_person(a, b) for a, b in zip(mine, theirs, strict=True))


def _same_set_of_people(mine: Sequence[Person], theirs: Sequence[Person]) -> bool:
    """The same people in any order, each family name alike up to one edit (a letter replaced,
    added or dropped: "Salakhudinov" for "Salakhutdinov") when the initials agree: the authority's
    (dblp's) list then replaces the preprint's reordered or misspelt one."""
    if len(mine) != len(theirs) or not mine:
        return False
    left = list(theirs)
    for person in mine:
        match = next(
            (other for other in left if _same_person(person, other) or _one_edit_apart(person, other)), None
        )
        if match is None:
            return False
        left.remove(match)
    return True


def _one_edit_apart(mine: Person, theirs: Person) -> bool:
    if mine.given[:1].casefold() != theirs.given[:1].casefold() or not mine.given:
        return False
    forms, other_forms = family_forms(mine.family), family_forms(theirs.family)
    return any(
        _one_letter_more(a, b) or _one_letter_more(b, a) or one_typo(a, b) for a in forms for b in other_forms
    )


def _one_letter_more(longer: str, shorter: str) -> bool:
    """One letter dropped inside the name ("salakhudinov"): not at either end, where a letter
    makes another name ("Ivanov"/"Ivanova", "Metaxas"/"Metaxasi"), nor an umlaut's spelt-out
    "e" ("Fruend"/"Frund" are two spellings of Fründ, not a mistake in one)."""
    if len(longer) != len(shorter) + 1 or len(shorter) < TYPO_MIN_LETTERS:
        return False
    return any(
        longer[:index] + longer[index + 1 :] == shorter
        and not (longer[index] == "e" and longer[index - 1] in "aou")
        for index in range(1, len(longer) - 1)
    )


def _agreed_by_another_source(companions: Sequence[Candidate], published: Reference, source: str) -> bool:
    """Whether another publication source's record of the same DOI lists the same people, in
    the same order: two publication sources agreeing outweigh the preprint's list."""
    doi = (published.ids.doi or "").casefold()
    return bool(doi) and any(
        candidate.source in NAMES_AS_PUBLISHED
        and candidate.source != source
        and (candidate.reference.ids.doi or "").casefold() == doi
        and _same_people(candidate.reference.authors, published.authors)
        for candidate in companions
    )


def _same_person(mine: Person, theirs: Person) -> bool:
    forms, other_forms = (
        family_forms(mine.family or mine.literal),
        family_forms(theirs.family or theirs.literal),
    )
    if forms & other_forms:
        return True
    initials = (mine.given[:1].casefold(), theirs.given[:1].casefold())
    return initials[0] == initials[1] != "" and any(one_typo(a, b) for a in forms for b in other_forms)


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
