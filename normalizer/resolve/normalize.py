"""Pure Reference → Reference normalization, as an ordered tuple of small named steps.

Each step takes a `Reference` and returns a new one (models are frozen), touches only
the fields its name says, and records in ``provenance`` any value it *derived* (for
example ``issued`` from the arXiv id → ``"arxiv-id"``). Cleaning a value that was
already there (whitespace, a trailing period) keeps that value's provenance.
`normalize_reference` applies `STEPS` in order; a caller can run its own tuple, e.g.
``STEPS + (Step("mine", fn),)``, in the way bibtexparser stacks its middlewares.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from bibnorm.identifiers import arxiv_id_year_month, canonical_doi, is_new_style_arxiv_id, parse_arxiv_id
from bibnorm.models import PartialDate, Person, Reference
from bibnorm.text import venues
from bibnorm.text.capitals import recover_capitals
from bibnorm.text.links import extract_code_links
from bibnorm.text.names import PARTICLES, is_pinyin_syllable, tidy_name_part
from bibnorm.text.word_tables import final_abbreviations

__all__ = [
    "STEPS",
    "Step",
    "canonicalize_identifiers",
    "collapse_text_whitespace",
    "date_from_arxiv_id",
    "merge_code_links",
    "name_casing",
    "normalize_reference",
    "recover_title_capitals",
    "strip_title_period",
    "tidy_authors",
    "tidy_venue",
    "url_from_arxiv_id",
    "venue_of_its_year",
    "volume_out_of_journal_name",
]

ARXIV_ID_SOURCE = "arxiv-id"  # provenance of values derived from the arXiv identifier

_SPACE = re.compile(r"\s+")
# Title endings whose period is part of a word, not the end of a sentence (final-abbreviations.json).
_KEPT_FINAL_WORDS = final_abbreviations()


class Step(NamedTuple):
    """One normalization step: a stable name (for reports and tests) and its function."""

    name: str
    apply: Callable[[Reference], Reference]


def _collapse(text: str | None) -> str | None:
    if text is None:
        return None
    return _SPACE.sub(" ", text).strip() or None


def _with(reference: Reference, provenance: dict[str, str] | None = None, **changes: Any) -> Reference:
    """A copy with ``changes`` applied, only if something changed (keeps identity otherwise)."""
    changes = {k: v for k, v in changes.items() if getattr(reference, k) != v}
    if provenance:
        changes["provenance"] = {**reference.provenance, **provenance}
    return reference.model_copy(update=changes) if changes else reference


def collapse_text_whitespace(reference: Reference) -> Reference:
    """Collapse runs of whitespace (arXiv hard-wraps lines) in the free-text fields.

    Title, abstract, comment and journal reference become single-line; a blank optional
    field becomes ``None``.
    """
    return _with(
        reference,
        title=_collapse(reference.title) or "",
        abstract=_collapse(reference.abstract),
        comment=_collapse(reference.comment),
        journal_ref=_collapse(reference.journal_ref),
    )


def strip_title_period(reference: Reference) -> Reference:
    """Drop one sentence-ending period from the title.

    An ellipsis (``...``) and a period that ends an abbreviation (``et al.``, ``Inc.``,
    ``U.S.``) stay.
    """
    title = reference.title
    if not title.endswith(".") or title.endswith(".."):
        return reference
    last_word = title.rsplit(maxsplit=1)[-1]
    if last_word.casefold() in _KEPT_FINAL_WORDS or "." in last_word[:-1]:
        return reference
    return _with(reference, title=title[:-1].rstrip())


def recover_title_capitals(reference: Reference) -> Reference:
    """Give a sentence-case title back the capitals of names it writes in lower case, from
    the paper's own abstract (`bibnorm.text.capitals.recover_capitals`: "Escaping plato's
    cave" → "Escaping Plato's cave"), with a note saying which words changed."""
    title = recover_capitals(reference.title, reference.abstract)
    if title == reference.title:
        return reference
    changed = [new for old, new in zip(reference.title.split(), title.split(), strict=True) if old != new]
    note = f"title: {', '.join(changed)} capitalised as the abstract writes it"
    return _with(reference, title=title, notes=(*reference.notes, note))


_NOBODY = Person()  # every name part empty


@lru_cache(maxsize=16_384)  # a `Person` is immutable, and the same people recur across a run
def _tidy_person(person: Person) -> Person:
    fields = ("given", "family", "particle", "suffix", "literal")
    cleaned = {name: tidy_name_part(getattr(person, name)) for name in fields}
    return person if all(cleaned[n] == getattr(person, n) for n in fields) else Person(**cleaned)


_NAME_WORD = re.compile(r"[^\W\d_]+")


def _recased_word(word: str, family: bool, lowered: bool) -> str:
    """A name word a source shouts ("XU", "ZHANG") or lowers ("yu", in a part written all in lower
    case: ``lowered``) in its usual case; an initial's letters ("JJ"), particles ("van") and
    mixed case ("McDonald") are left alone, and so is a word in lower case beside capitalised ones,
    the person's own spelling ("Agüera y Arcas", "Fontcuberta i Morral", "Op het Veld")."""
    if lowered and word.islower() and word not in PARTICLES:
        return word[0].upper() + word[1:]
    if word.isupper() and (len(word) >= 3 or is_pinyin_syllable(word)) and (family or len(word) >= 3):
        return word[0] + word[1:].lower()
    return word


def _recased_part(text: str, family: bool) -> str:
    lowered = text.islower()
    return _NAME_WORD.sub(lambda m: _recased_word(m.group(), family, lowered), text)


def name_casing(reference: Reference) -> Reference:
    """Given and family names in their usual case where a source wrote them all in capitals or
    all in lower case ("Bo XU" → "Bo Xu", "Xingkai yu" → "Xingkai Yu"); a name written in mixed
    case is the person's own and kept."""
    authors = tuple(
        person
        if person.is_literal
        else person.model_copy(
            update={"given": _recased_part(person.given, False), "family": _recased_part(person.family, True)}
        )
        for person in reference.authors
    )
    return reference if authors == reference.authors else _with(reference, authors=authors)


def tidy_authors(reference: Reference) -> Reference:
    """Tidy whitespace in name parts (`bibnorm.text.names.tidy_name_part`: "C . Krishna" →
    "C. Krishna", whichever source wrote it), drop empty persons, and drop a name that
    repeats the one just before it exactly (a doubled line in the source)."""
    authors: list[Person] = []
    for person in map(_tidy_person, reference.authors):
        if person == _NOBODY:
            continue
        if authors and authors[-1] == person:
            continue
        authors.append(person)
    return _with(reference, authors=tuple(authors))


def canonicalize_identifiers(reference: Reference) -> Reference:
    """Write the arXiv id without version or prefix and the DOI without resolver URL.

    A version found on the arXiv id fills ``arxiv_version`` when that is unknown. A
    value that is not a valid id is kept as it is and noted.
    """
    ids = reference.ids
    notes = list(reference.notes)
    updates: dict[str, Any] = {}
    if ids.arxiv_id:
        parsed = parse_arxiv_id(ids.arxiv_id)
        if parsed is None:
            notes.append(f"arXiv id {ids.arxiv_id!r} is not a valid arXiv identifier")
        else:
            updates["arxiv_id"] = parsed.id
            if ids.arxiv_version is None and parsed.version is not None:
                updates["arxiv_version"] = parsed.version
    if ids.doi:
        doi = canonical_doi(ids.doi)
        if doi is None:
            notes.append(f"DOI {ids.doi!r} is not a valid DOI")
        else:
            updates["doi"] = doi
    new_ids = ids.model_copy(update=updates) if updates else ids
    return _with(reference, ids=new_ids, notes=tuple(dict.fromkeys(notes)))


def date_from_arxiv_id(reference: Reference) -> Reference:
    """With no date at all, take year and month from a new-style arXiv id (``2211.x`` →
    2022-11), the month the paper was first submitted; provenance ``"arxiv-id"``."""
    arxiv_id = reference.ids.arxiv_id
    if reference.issued or reference.first_version or not arxiv_id or not is_new_style_arxiv_id(arxiv_id):
        return reference
    year_month = arxiv_id_year_month(arxiv_id)
    if year_month is None:
        return reference
    year, month = year_month
    return _with(reference, {"issued": ARXIV_ID_SOURCE}, issued=PartialDate(year=year, month=month))


def url_from_arxiv_id(reference: Reference) -> Reference:
    """With no URL, point at the arXiv abstract page; provenance ``"arxiv-id"``."""
    arxiv_id = reference.ids.arxiv_id
    if reference.url or not arxiv_id or parse_arxiv_id(arxiv_id) is None:
        return reference
    return _with(reference, {"url": ARXIV_ID_SOURCE}, url=f"https://arxiv.org/abs/{arxiv_id}")


def merge_code_links(reference: Reference) -> Reference:
    """Add repository links and project pages found in the abstract and arXiv comment.

    Links already on the record come first and are never dropped; provenance of the
    new ones names the field(s) they came from (``"abstract"``, ``"comment"``), after the
    source of links already there (``"s2+abstract"``).
    """
    sources = (("abstract", reference.abstract), ("comment", reference.comment))
    code = list(reference.code_links)
    pages = list(reference.project_pages)
    found_in: dict[str, list[str]] = {"code_links": [], "project_pages": []}
    for source, text in sources:
        found_code, found_pages = extract_code_links([text] if text else [])
        for field, existing, found in (
            ("code_links", code, found_code),
            ("project_pages", pages, found_pages),
        ):
            known = {link.casefold().rstrip("/") for link in existing}
            for link in found:
                if link.casefold().rstrip("/") not in known:
                    known.add(link.casefold().rstrip("/"))
                    existing.append(link)
                    if source not in found_in[field]:
                        found_in[field].append(source)
    provenance: dict[str, str] = {}
    for field, where in found_in.items():
        if where:
            # Links already present keep their source in front: "s2+abstract".
            earlier = reference.provenance.get(field) if getattr(reference, field) else None
            provenance[field] = "+".join([earlier, *where] if earlier else where)
    return _with(reference, provenance, code_links=tuple(code), project_pages=tuple(pages))


def tidy_venue(reference: Reference) -> Reference:
    """Collapse whitespace in the venue and publisher; blank becomes ``None``."""
    return _with(reference, venue=_collapse(reference.venue), publisher=_collapse(reference.publisher))


def venue_of_its_year(reference: Reference) -> Reference:
    """A table venue's name as its proceedings printed it that year ("IEEE/CVF" only from 2019)."""
    if not reference.venue or reference.issued is None or reference.entry_type == "preprint":
        return reference
    return _with(reference, venue=venues.venue_name_in_year(reference.venue, reference.issued.year))


def volume_out_of_journal_name(reference: Reference) -> Reference:
    """A known journal's name with its volume glued on ("Entropy 27", "JMLR 24") keeps the name;
    the number goes to ``volume`` (a different volume already there wins, and a note says so)."""
    if reference.entry_type != "article" or not reference.venue or not reference.venue[-1:].isdigit():
        return reference
    from bibnorm.text.journals import trailing_volume  # local: the journal list is large

    split = trailing_volume(reference.venue)
    if split is None:
        return reference
    name, volume = split
    source = reference.provenance.get("venue")
    if reference.volume and reference.volume != volume:
        note = (
            f"venue {reference.venue!r} carried volume {volume}; the record's volume {reference.volume} kept"
        )
        return _with(reference, venue=name, notes=tuple(dict.fromkeys((*reference.notes, note))))
    provenance = {"volume": source} if source and not reference.volume else None
    return _with(reference, provenance, venue=name, volume=reference.volume or volume)


STEPS: tuple[Step, ...] = (
    Step("text_whitespace", collapse_text_whitespace),
    Step("title_period", strip_title_period),
    Step("title_capitals", recover_title_capitals),
    Step("authors", tidy_authors),
    Step("name_casing", name_casing),
    Step("identifiers", canonicalize_identifiers),
    Step("date_from_arxiv_id", date_from_arxiv_id),
    Step("url_from_arxiv_id", url_from_arxiv_id),
    Step("code_links", merge_code_links),
    Step("venue", tidy_venue),
    Step("venue_year", venue_of_its_year),
    Step("journal_volume", volume_out_of_journal_name),
)


def normalize_reference(reference: Reference, steps: Sequence[Step] = STEPS) -> Reference:
    """Apply ``steps`` (default `STEPS`) in order and return the normalized reference."""
    for step in steps:
        reference = step.apply(reference)
    return reference
