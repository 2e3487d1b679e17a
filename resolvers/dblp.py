"""dblp: the published version of a computer-science paper, from the venue's authority.

dblp (https://dblp.org) indexes what CS venues published, with the venue, its year, the
publisher's DOI, pages and the authors' names as printed. bibnorm asks it for resolved
papers (an `Enricher`): one search per paper, ``GET /search/publ/api?q=<title>&format=json&h=…``
(API facts: docs/sources.md#dblp). dblp cannot answer several titles in one request, so it is
asked only about papers no batch settled (`settled_by_a_batch`): not about a paper whose
publisher DOI the batched DOI sources (Crossref, OpenAlex) will look up, nor about one whose
Semantic Scholar record (fetched 500 to a request) names no publication at all.

Wire format (recorded sample ``api-samples/dblp/search-publ-json-q-test-30-hits-2019.json``):
``result.hits.hit[].info`` with ``authors.author`` (a string for one author, a list
otherwise; newer answers use ``{"@pid", "text"}`` objects), ``title`` ending in ``.``,
``venue`` (dblp's short form: "CVPR", "Softw. Test., Verif. Reliab."), ``volume``,
``number``, ``pages``, ``year``, ``type`` ("Conference and Workshop Papers", "Journal
Articles", "Informal and Other Publications" for CoRR), ``key``, ``doi``, ``ee``. Every
number is a string. Homonymous authors carry a four-digit suffix ("Wei Liu 0002").

Search hits are a top-N by dblp's own relevance, so each is verified here:
the same title key as the resolved paper, authors that agree, a year not before the
preprint's. The CoRR record (arXiv's listing in dblp) is never a publication. When two
different publications match (a workshop paper and its conference version, a journal
extension), none is chosen: a wrong venue is worse than the preprint.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import requests

from normalizer.config import Settings
from normalizer.identifiers import canonical_doi, is_arxiv_doi
from normalizer.models import (
    Candidate,
    EntryType,
    Identifiers,
    Lookup,
    PartialDate,
    Problem,
    Reference,
    Severity,
)
from normalizer.resolve.progress import NO_PROGRESS, Progress
from normalizer.safejson import loads
from normalizer.text.names import parse_name
from normalizer.text.titles import plain_text, title_key, title_words
from normalizer.text.venues import VenueKind, find_venue, tidy_venue
from resolvers._http import SourceUnavailable, describe_error, register_validator

SOURCE = "dblp"
HITS = 10  # the published version and the CoRR record rank first for a full title
# dblp covers computer science: other arXiv archives are not asked (no request, no wait).
CS_CATEGORIES = re.compile(r"^(cs|stat\.ML|eess|math\.OC|q-bio\.NC)\b")
_TYPES: dict[str, EntryType] = {
    "Conference and Workshop Papers": "inproceedings",
    "Journal Articles": "article",
}
_QUERY_WORD = re.compile(r"[0-9a-z]+")
_HOMONYM = re.compile(r"\s+\d{4}$")
_WORKSHOP = re.compile(r"\bworkshops?\b|@", re.IGNORECASE)
_PAGES = re.compile(r"^\s*([^\s-]+)\s*-+\s*([^\s-]+)\s*$")
# Years a published version may lie after the preprint's first version.
MAX_YEARS_AFTER_PREPRINT = 5


class DblpError(Exception):
    """One dblp call failed; ``str()`` is a user-ready reason."""


def _json_validator(response: requests.Response) -> str | None:
    if response.status_code != 200:
        return None
    try:
        loads(response.content)
    except ValueError:
        return "dblp sent a body that is not JSON (truncated or an error page)"
    return None


class DblpClient:
    """dblp's publication search on the run's shared (cached, polite) session."""

    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = settings.dblp_api_url.rstrip("/")
        register_validator(session, self.base_url, _json_validator)

    def search(self, query: str, hits: int = HITS) -> list[Mapping[str, Any]]:
        """The ``info`` objects of the first ``hits`` hits for ``query`` (maybe other papers)."""
        params = {"q": query, "format": "json", "h": str(hits)}
        try:
            response = self.session.get(self.base_url + "/search/publ/api", params=params)
        except SourceUnavailable as error:
            raise DblpError(str(error)) from None
        except requests.RequestException as error:
            raise DblpError(f"dblp unreachable: {describe_error(error)}") from None
        if response.status_code != 200:
            raise DblpError(f"dblp answered HTTP {response.status_code}")
        try:
            body = loads(response.content)
        except ValueError:
            raise DblpError("dblp sent a body that is not JSON") from None
        hit_list = _path(body, "result", "hits", "hit")
        if hit_list is None:
            return []  # an empty result has no "hit" key
        if isinstance(hit_list, dict):
            hit_list = [hit_list]
        if not isinstance(hit_list, list):
            raise DblpError("dblp sent an unexpected search answer")
        return [
            hit["info"] for hit in hit_list if isinstance(hit, dict) and isinstance(hit.get("info"), dict)
        ]


def _path(body: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


# --- wire JSON -> Reference ---------------------------------------------------------


def _text(value: Any) -> str:
    """dblp's values: a string, ``{"text": …}`` (newer author objects), or a list of either
    (a record in several venues lists them all: joined, so ``["CVPR", "Workshops"]`` reads
    "CVPR Workshops" — the workshop, never the main conference)."""
    if isinstance(value, list):
        return " ".join(part for part in (_text(item) for item in value) if part)
    if isinstance(value, dict):
        value = value.get("text", "")
    return html.unescape(" ".join(str(value or "").split()))


def author_names(info: Mapping[str, Any]) -> list[str]:
    """Author names as printed, homonym numbers ("Wei Liu 0002") removed."""
    authors = _path(info, "authors", "author")
    if authors is None:
        return []
    if not isinstance(authors, list):
        authors = [authors]  # one author: a bare string (or object), not a list
    return [_HOMONYM.sub("", name) for name in (_text(a) for a in authors) if name]


def is_corr(info: Mapping[str, Any]) -> bool:
    """dblp's record of an arXiv listing (CoRR): the preprint, not a publication."""
    key = str(info.get("key") or "")
    return key.startswith("journals/corr/") or _text(info.get("venue")) == "CoRR"


def _venue(info: Mapping[str, Any], entry_type: EntryType) -> str:
    """The printed venue: the table's name for dblp's short form, else dblp's own spelling.

    A workshop held at a conference ("A-TEST@ESEC/SIGSOFT FSE", "CVPR Workshops") is never
    turned into the main conference.
    """
    text = _text(info.get("venue"))
    venue = find_venue(text)
    if venue is None or venue.kind is VenueKind.PREPRINT:
        return tidy_venue(text)
    if _WORKSHOP.search(text) and not _WORKSHOP.search(venue.name):
        return tidy_venue(text)
    if (venue.kind is VenueKind.JOURNAL) != (entry_type == "article"):
        return tidy_venue(text)
    return venue.name


def _pages(text: str) -> str | None:
    if not text:
        return None
    match = _PAGES.match(text)
    return f"{match.group(1)}--{match.group(2)}" if match else text


def hit_to_reference(info: Mapping[str, Any]) -> Reference | None:
    """A published record (``None`` for CoRR listings, books, theses and other types)."""
    entry_type = _TYPES.get(_text(info.get("type")))
    if entry_type is None or is_corr(info):
        return None
    year = _text(info.get("year"))
    doi = canonical_doi(_text(info.get("doi"))) if info.get("doi") else None
    values: dict[str, Any] = {
        "title": _text(info.get("title")).removesuffix("."),
        "authors": tuple(parse_name(name) for name in author_names(info)),
        "issued": PartialDate(year=int(year)) if year.isdigit() else None,
        "entry_type": entry_type,
        "venue": _venue(info, entry_type) or None,
        "volume": _text(info.get("volume")) or None,
        "number": _text(info.get("number")) or None,
        "pages": _pages(_text(info.get("pages"))),
        "ids": Identifiers(doi=None if is_arxiv_doi(doi) else doi, dblp=_text(info.get("key")) or None),
    }
    provenance = {name: SOURCE for name, value in values.items() if value not in (None, "", ())}
    provenance.pop("ids", None)
    provenance |= {name: SOURCE for name, value in values["ids"].model_dump().items() if value is not None}
    return Reference(**values, provenance=provenance)


# --- verification -----------------------------------------------------------------


def _family(name: str) -> str:
    words = title_words(name)
    return words[-1] if words else ""


def authors_agree(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Same number of authors (±1) and most family names shared, first author included."""
    if not mine or not theirs:
        return not mine  # a record without authors cannot contradict; ours missing: title decides
    if abs(len(mine) - len(theirs)) > 1:
        return False
    my_families = [_family(name) for name in mine]
    their_families = {_family(name) for name in theirs}
    if my_families[0] not in their_families:
        return False
    shared = sum(1 for family in my_families if family in their_families)
    return shared >= max(1, (len(my_families) * 2 + 2) // 3)


def is_same_paper(reference: Reference, published: Reference) -> bool:
    """The published record is this paper: same title key, agreeing authors, a plausible year."""
    if title_key(published.title) != title_key(reference.title):
        return False
    if not authors_agree([p.display() for p in reference.authors], [p.display() for p in published.authors]):
        return False
    first = reference.first_version or reference.issued
    if first is not None and published.issued is not None:
        return first.year - 1 <= published.issued.year <= first.year + MAX_YEARS_AFTER_PREPRINT
    return True


def search_query(title: str) -> str:
    """The title's words for dblp: accents folded, split at every non-letter.

    dblp matches each query word as a prefix, so "What's" sent as "what s" finds both
    "What's" and "Whats" however dblp split them; "whats" would find neither "what".
    """
    text = unicodedata.normalize("NFKD", plain_text(title))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_QUERY_WORD.findall(text))


def wants_dblp(reference: Reference) -> bool:
    """dblp is asked about computer-science papers (and papers whose field is unknown)."""
    if reference.ids.dblp and not reference.ids.dblp.startswith("journals/corr/"):
        return True
    categories = reference.categories or ((reference.primary_class,) if reference.primary_class else ())
    return not categories or any(CS_CATEGORIES.match(category) for category in categories)


def settled_by_a_batch(reference: Reference, *, doi_sources: bool) -> bool:
    """Whether a batched source already settled the paper's published version.

    - a publisher DOI, when a DOI source (Crossref, OpenAlex) follows in the chain: the
      publisher's own record will be fetched in a batch;
    - Semantic Scholar's record of the paper (its ``s2_paper_id`` is set) that names no venue, no
      publisher DOI and no dblp record but the CoRR listing: the paper is a preprint.
    A paper Semantic Scholar could not be asked about, or that it says was published with no
    DOI (most ICLR, NeurIPS and ICML papers), is not settled: dblp names its venue.
    """
    doi = reference.ids.doi
    if doi_sources and doi and not is_arxiv_doi(doi):
        return True
    dblp_key = reference.ids.dblp or ""
    lists_a_publication = bool(dblp_key) and not dblp_key.startswith("journals/corr/")
    return bool(reference.ids.s2_paper_id) and reference.entry_type == "preprint" and not lists_a_publication


class DblpEnricher:
    """Enricher: the one published record dblp holds for each resolved CS paper no batch settled."""

    name = SOURCE

    def __init__(self, client: DblpClient, *, doi_sources: bool = False) -> None:
        self.client = client
        self.doi_sources = doi_sources  # a batched DOI source (Crossref, OpenAlex) follows dblp

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        asking = {
            index: reference
            for index, reference in references.items()
            if not (reference.entry_type != "preprint" and reference.provenance.get("venue") == SOURCE)
            and wants_dblp(reference)
            and not settled_by_a_batch(reference, doi_sources=self.doi_sources)
        }
        progress.expect(len(asking))  # one search per paper: the count the time left is made of
        answers: dict[int, Lookup] = {}
        for index, reference in asking.items():
            answers[index] = self._published_version(reference)
            progress.advance()
        return answers

    def _published_version(self, reference: Reference) -> Lookup:
        try:
            hits = self.client.search(search_query(reference.title))
        except DblpError as error:
            problem = Problem(
                code="dblp.unavailable", message=str(error), severity=Severity.WARNING, source=SOURCE
            )
            return Lookup(problems=(problem,), failed=True)
        found: dict[str, Reference] = {}
        for info in hits:
            published = hit_to_reference(info)
            if published is not None and is_same_paper(reference, published):
                found.setdefault(published.ids.dblp or published.venue or "", published)
        if len(found) > 1:
            venues = "; ".join(
                sorted(f"{p.venue} {p.issued.year if p.issued else ''}".strip() for p in found.values())
            )
            problem = Problem(
                code="dblp.several_versions",
                message=f"dblp lists several published versions ({venues}); none chosen",
                severity=Severity.INFO,
                source=SOURCE,
            )
            return Lookup(problems=(problem,))
        return Lookup(candidates=tuple(Candidate(source=SOURCE, reference=p) for p in found.values()))


def build_dblp(session: requests.Session, settings: Settings) -> DblpEnricher:
    chain = settings.resolvers
    following = chain[chain.index(SOURCE) + 1 :] if SOURCE in chain else ()
    with_key = settings.openalex_api_key is not None
    doi_sources = "crossref" in following or ("openalex" in following and with_key)
    return DblpEnricher(DblpClient(session, settings), doi_sources=doi_sources)
