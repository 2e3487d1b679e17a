"""dblp: the published version of a computer-science paper, from the venue's authority.

dblp (https://dblp.org) indexes what CS venues published, with the venue, its year, the
publisher's DOI, pages and the authors' names as printed. bibnorm asks it for resolved
papers (an `Enricher`), first its local index when one was built from dblp's XML dump
(`bibnorm.resolvers.dblp_index`: free, no request), then its search, one request a paper,
``GET /search/publ/api?q=<title>&format=json&h=…`` (API facts: docs/sources.md#dblp), for
the papers the index does not hold, and for a conference paper chosen there the export of
one paper's record per proceedings volume (``GET /rec/{key}.bib``: the volume's editors,
publisher and series, which the search's hits lack; `volume_of` says which papers share a
volume). dblp cannot answer several titles in one request, so it
is asked only about papers no batch settled (`DblpEnricher`): not about a paper whose
publisher DOI the batched DOI sources (Crossref, OpenAlex) will look up, nor (online) about
one whose Semantic Scholar record (fetched 500 to a request) names no publication at all.

Wire format (recorded sample ``api-samples/dblp/search-publ-json-q-test-30-hits-2019.json``):
``result.hits.hit[].info`` with ``authors.author`` (a string for one author, a list
otherwise; newer answers use ``{"@pid", "text"}`` objects), ``title`` ending in ``.``,
``venue`` (dblp's short form: "CVPR", "Softw. Test., Verif. Reliab."), ``volume``,
``number``, ``pages``, ``year``, ``type`` ("Conference and Workshop Papers", "Journal
Articles", "Informal and Other Publications" for CoRR), ``key``, ``doi``, ``ee``. Every
number is a string. Homonymous authors carry a four-digit suffix ("Wei Liu 0002"). A hit
becomes a `_dblp_records.DblpRecord`, as a record of the dump does, and one function makes
either a `Reference` (`_dblp_records.published_reference`).

Records are a top-N by dblp's own relevance (online) or every record with the title's key
(the index), so each is verified here, by one rule for both: the same title key as the
resolved paper, authors that agree, a year from one before the preprint's to
`MAX_YEARS_AFTER_PREPRINT` after. The CoRR record (arXiv's listing in dblp), informal and
withdrawn records are never a publication. When two different publications match (a
workshop paper and its conference version, a journal extension), none is chosen: a wrong
venue is worse than the preprint.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import requests
from bibnorm.config import Settings
from bibnorm.identifiers import canonical_doi
from bibnorm.models import (
    Candidate,
    Lookup,
    PartialDate,
    Problem,
    Reference,
    Severity,
)
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from bibnorm.resolvers._asking import (
    dblp_announcement,
    doi_source_settles,
    doi_sources_follow,
    s2_says_preprint,
    search_query,
    wants_dblp,
)
from bibnorm.resolvers._dblp_records import (
    SOURCE,
    DblpRecord,
    Proceedings,
    VolumeKey,
    proceedings_from_bib,
    published_reference,
    volume_of,
)
from bibnorm.resolvers._wire import ask, json_body, json_validator, source_url
from bibnorm.text.titles import title_key, title_words

if TYPE_CHECKING:
    from bibnorm.resolvers.dblp_index import DblpIndex

HITS = 10  # the published version and the CoRR record rank first for a full title
# dblp's publication types (the search's ``type``) → the dump's element names.
_KINDS = {
    "Conference and Workshop Papers": "inproceedings",
    "Journal Articles": "article",
    "Parts in Books or Collections": "incollection",
    "Books and Theses": "book",
}
_INFORMAL = "Informal and Other Publications"
_HOMONYM = re.compile(r"(?<!\s)\s+\d{4}$")  # from the blanks' first: a search does not walk them again
# Years a published version may lie after the preprint's first version.
MAX_YEARS_AFTER_PREPRINT = 5

Notify = Callable[[str], None]
Key = TypeVar("Key", bound=Hashable)


class DblpError(Exception):
    """One dblp call failed; ``str()`` is a user-ready reason."""


_JSON_VALIDATOR = json_validator("dblp sent a body that is not JSON (truncated or an error page)")
_NOT_BIBTEX = "dblp sent a record export that is not BibTeX (truncated or an error page)"


def _validate(response: requests.Response) -> str | None:
    """dblp's 200 answers: a search is JSON, a record export (``/rec/…``) BibTeX."""
    if "/rec/" not in urlsplit(response.url or "").path:
        return _JSON_VALIDATOR(response)
    if response.status_code == 200 and not response.content.lstrip().startswith(b"@"):
        return _NOT_BIBTEX
    return None


class DblpClient:
    """dblp's publication search on the run's shared (cached, polite) session."""

    def __init__(self, session: requests.Session, settings: Settings) -> None:
        self.session = session
        self.base_url = source_url(session, settings.dblp_api_url, _validate)
        self.delay = settings.dblp_delay

    def _params(self, query: str, hits: int) -> dict[str, str]:
        return {"q": query, "format": "json", "h": str(hits)}

    def search(self, query: str, hits: int = HITS) -> list[Mapping[str, Any]]:
        """The ``info`` objects of the first ``hits`` hits for ``query`` (maybe other papers)."""
        url = self.base_url + "/search/publ/api"
        response = ask(self.session, "GET", url, "dblp", DblpError, params=self._params(query, hits))
        body = json_body(response, "dblp", DblpError)
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

    def proceedings(self, key: str) -> Proceedings | None:
        """The editors, publisher and series of the conference paper ``key``, from dblp's
        BibTeX export of its record (``GET /rec/{key}.bib``; the search's hits hold none)."""
        response = ask(self.session, "GET", f"{self.base_url}/rec/{key}.bib", "dblp", DblpError)
        if response.status_code != 200:
            raise DblpError(f"dblp answered HTTP {response.status_code}")
        return proceedings_from_bib(response.content.decode("utf-8", "replace"), key)

    def is_cached(self, query: str, hits: int = HITS) -> bool:
        """Whether the HTTP cache already holds this search (it then costs no request and no wait)."""
        cache = getattr(self.session, "cache", None)
        if cache is None:
            return False
        request = requests.Request(
            "GET", self.base_url + "/search/publ/api", params=self._params(query, hits)
        )
        try:
            return bool(cache.contains(request=self.session.prepare_request(request)))
        except Exception:  # an advisory count: a cache that cannot say is a miss
            return False


def _path(body: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


# --- wire JSON -> DblpRecord ----------------------------------------------------------


def _text(value: Any) -> str:
    """dblp's values: a string, ``{"text": …}`` (newer author objects), or a list of either
    (a record in several venues lists them all: joined, so ``["CVPR", "Workshops"]`` reads
    "CVPR Workshops" — the workshop, never the main conference)."""
    if isinstance(value, list):
        return " ".join(part for part in (_text(item) for item in value) if part)
    if isinstance(value, dict):
        value = value.get("text", "")
    return html.unescape(" ".join(str(value or "").split()))


def _authors(info: Mapping[str, Any]) -> list[str]:
    authors = _path(info, "authors", "author")
    if authors is None:
        return []
    if not isinstance(authors, list):
        authors = [authors]  # one author: a bare string (or object), not a list
    return [name for name in (_text(a) for a in authors) if name]


def author_names(info: Mapping[str, Any]) -> list[str]:
    """A hit's author names as printed, homonym numbers ("Wei Liu 0002") removed."""
    return [_HOMONYM.sub("", name) for name in _authors(info)]


def record_from_hit(info: Mapping[str, Any]) -> DblpRecord:
    """The `DblpRecord` a search hit describes."""
    kind_label = _text(info.get("type"))
    ee = info.get("ee")
    links = [_text(link) for link in (ee if isinstance(ee, list) else [ee])]
    # The hit's ``doi`` is upper-cased by dblp; the link keeps the registrant's spelling.
    doi = next((found for link in links if (found := canonical_doi(link)) is not None), None)
    if doi is None and info.get("doi"):
        doi = canonical_doi(_text(info.get("doi")))
    return DblpRecord(
        key=_text(info.get("key")),
        kind=_KINDS.get(kind_label, "article" if kind_label == _INFORMAL else "other"),
        title=_text(info.get("title")),
        authors=tuple(_authors(info)),
        venue=_text(info.get("venue")),
        year=_text(info.get("year")),
        volume=_text(info.get("volume")),
        number=_text(info.get("number")),
        pages=_text(info.get("pages")),
        doi=doi,
        ee=next((link for link in links if link and canonical_doi(link) is None), None),
        publtype=frozenset({"informal"}) if kind_label == _INFORMAL else frozenset(),
    )


def hit_to_reference(info: Mapping[str, Any]) -> Reference | None:
    """A published record (``None`` for CoRR listings, books, theses and other types)."""
    return published_reference(record_from_hit(info))


def is_corr(info: Mapping[str, Any]) -> bool:
    """dblp's record of an arXiv listing (CoRR): the preprint, not a publication."""
    return record_from_hit(info).is_corr


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


def _is_this_paper(reference: Reference, title: str, authors: Sequence[str], year: int | None) -> bool:
    if title_key(title) != title_key(reference.title):
        return False
    if not authors_agree([p.display() for p in reference.authors], authors):
        return False
    first = reference.first_version or reference.issued
    if first is not None and year is not None:
        return first.year - 1 <= year <= first.year + MAX_YEARS_AFTER_PREPRINT
    return True


def is_same_paper(reference: Reference, published: Reference) -> bool:
    """The published record is this paper: same title key, agreeing authors, a plausible year."""
    year = published.issued.year if published.issued else None
    return _is_this_paper(reference, published.title, [p.display() for p in published.authors], year)


def record_is_this_paper(reference: Reference, record: DblpRecord) -> bool:
    """Any dblp record (a publication or the CoRR listing) describes this paper, by the same rule."""
    names = [_HOMONYM.sub("", name) for name in record.authors]
    return _is_this_paper(reference, record.title, names, int(record.year) if record.year.isdigit() else None)


def choose_publication(reference: Reference, records: Sequence[DblpRecord]) -> Lookup:
    """The one publication among ``records`` that is this paper; none and a note when there are
    several (a workshop and its conference, a journal extension)."""
    found: dict[str, Reference] = {}
    for record in records:
        published = published_reference(record)
        if published is not None and is_same_paper(reference, published):
            found.setdefault(published.ids.dblp or published.venue or "", published)
    if len(found) > 1:
        return _several_versions(found.values())
    return Lookup(candidates=tuple(Candidate(source=SOURCE, reference=p) for p in found.values()))


def _several_versions(published: Iterable[Reference]) -> Lookup:
    """No version chosen among several publications of the paper: a note names them all."""
    venues = "; ".join(sorted(f"{p.venue} {p.issued.year if p.issued else ''}".strip() for p in published))
    message = f"dblp lists several published versions ({venues}); none chosen"
    return Lookup(
        problems=(
            Problem(code="dblp.several_versions", message=message, severity=Severity.INFO, source=SOURCE),
        )
    )


_DUMP_DATE = re.compile(r"^(\d{4})-(\d{2})")


def _older_than(dump_date: str | None, paper: PartialDate | None) -> bool:
    """Whether a dump dated ``dump_date`` ("YYYY-MM-DD") predates a paper's first version (by its
    month when the paper's is known, else by its year)."""
    dated = _DUMP_DATE.match(dump_date or "")
    if dated is None or paper is None:
        return False
    year, month = int(dated[1]), int(dated[2])
    return (paper.year, paper.month) > (year, month) if paper.month else paper.year > year


class DblpEnricher:
    """Enricher: the one published record dblp holds for each resolved CS paper no batch settled.

    The local index (``index``) answers first, and for every such paper: what it holds (the
    paper's publication, or its CoRR listing alone) is final; it answers too for a paper whose
    publisher DOI a batched DOI source follows (its record names the authors as published). The
    search (``client``, or ``connect`` making it when first needed) is asked only about the
    papers the index does not hold, and only those no batch settled; before the first online
    search, ``notify`` (when given) hears how many there are and how long dblp's spacing makes
    them take.
    """

    name = SOURCE

    def __init__(
        self,
        client: DblpClient | None = None,
        *,
        connect: Callable[[], DblpClient] | None = None,
        index: DblpIndex | None = None,
        doi_sources: bool = False,
        notify: Notify | None = None,
        online: bool = True,
        offline: bool = False,
    ) -> None:
        self.client = client
        self.connect = connect
        self.index = index
        self.doi_sources = doi_sources  # a batched DOI source (Crossref, OpenAlex) follows dblp
        self.notify = notify
        self.online = online  # False: the search is not asked at all (offline with an index)
        self.offline = offline  # the search answers from the cache only: nothing to wait for
        # Each proceedings volume's editors, publisher and series, read from the export of the
        # first of its papers asked about (None: the export names neither editors nor publisher).
        self.volumes: dict[VolumeKey, Proceedings | None] = {}
        # The searches counted for the announcement (new, in all), over the groups asked so far:
        # a run asks about its papers a group at a time, and is announced once.
        self._counted = (0, 0)
        self._announced = False

    def enrich(
        self, references: Mapping[int, Reference], progress: Progress = NO_PROGRESS
    ) -> Mapping[int, Lookup]:
        answers, asking, notes = self._index_first(references)
        client = self._client() if asking and self.online else None
        if client is not None:
            self._announce(client, asking)
        # One search per paper the index left: the count the time left is made of.
        progress.expect(len(asking) if client is not None else 0)
        for index, reference in asking.items():
            lookup = self._published_version(client, reference) if client is not None else Lookup()
            note = notes.get(index)
            answers[index] = (
                lookup.model_copy(update={"problems": (note, *lookup.problems)}) if note else lookup
            )
            if client is not None:
                progress.advance()
        return answers

    def _index_first(
        self, references: Mapping[int, Reference]
    ) -> tuple[dict[int, Lookup], dict[int, Reference], dict[int, Problem]]:
        """The index's answers, the papers left for the search, and a note for each of those
        the index is older than."""
        answers: dict[int, Lookup] = {}
        asking: dict[int, Reference] = {}
        notes: dict[int, Problem] = {}
        for index, reference in references.items():
            if self._settled_by_doi(reference):
                # A batched DOI source (Crossref) will read the publisher's record, so no search
                # is spent on it; the index, which costs none, still gives dblp's record, whose
                # author list (order, spelling) is the published version's record of authority.
                held = self._from_index(reference) if self.index is not None else None
                if held is not None:
                    answers[index] = held
                continue
            if not self._wanted(reference):
                continue
            if self.index is not None:
                held = self._from_index(reference)
                if held is not None:
                    answers[index] = held
                    continue
                paper = reference.first_version or reference.issued
                if _older_than(self.index.dump_date, paper):
                    notes[index] = self._index_older(paper)
            if not s2_says_preprint(reference):
                asking[index] = reference
        return answers, asking, notes

    def _wanted(self, reference: Reference) -> bool:
        """Whether dblp is asked about the paper at all: not when dblp already gave its venue,
        nor when its kind is not dblp's or a batched DOI source settles it."""
        if reference.entry_type != "preprint" and reference.provenance.get("venue") == SOURCE:
            return False
        return wants_dblp(reference) and not doi_source_settles(reference, doi_sources=self.doi_sources)

    def _settled_by_doi(self, reference: Reference) -> bool:
        """A paper dblp is otherwise asked about whose publisher DOI a batched DOI source follows."""
        return (
            reference.provenance.get("venue") != SOURCE
            and wants_dblp(reference)
            and doi_source_settles(reference, doi_sources=self.doi_sources)
        )

    def _from_index(self, reference: Reference) -> Lookup | None:
        """The index's answer when it holds the paper (a publication or its CoRR listing), else None."""
        assert self.index is not None
        records = [
            r for r in self.index.records_titled(reference.title) if record_is_this_paper(reference, r)
        ]
        return choose_publication(reference, records) if records else None

    def _index_older(self, paper: PartialDate | None) -> Problem:
        assert self.index is not None and paper is not None
        asked = "asked dblp online" if self.online else "not looked up online"
        return Problem(
            code="dblp.index_older",
            message=(
                f"the dblp index (dump of {self.index.dump_date}) is older than this paper "
                f"({paper.iso()}); {asked}"
            ),
            severity=Severity.INFO,
            source=SOURCE,
        )

    def _client(self) -> DblpClient | None:
        if self.client is None and self.connect is not None:
            self.client = self.connect()
        return self.client

    def _announce(self, client: DblpClient, asking: Mapping[int, Reference]) -> None:
        """Say what dblp's searches will cost, once a run: when the groups asked about so far come
        to a wait worth mentioning."""
        if self.notify is None or client.delay <= 0 or self._announced:
            return
        queries = {search_query(reference.title) for reference in asking.values()}
        new = sum(1 for query in queries if not client.is_cached(query))
        self._counted = (self._counted[0] + new, self._counted[1] + len(queries))
        message = dblp_announcement(*self._counted, client.delay, self.index, offline=self.offline)
        if message is not None:
            self._announced = True
            self.notify(message)

    def _published_version(self, client: DblpClient, reference: Reference) -> Lookup:
        try:
            hits = client.search(search_query(reference.title))
        except DblpError as error:
            problem = Problem(
                code="dblp.unavailable", message=str(error), severity=Severity.WARNING, source=SOURCE
            )
            return Lookup(problems=(problem,), failed=True)
        records = [record_from_hit(info) for info in hits]
        # The volume's export even when a batched DOI source (Crossref) follows the paper's DOI:
        # publishers' deposits seldom list a proceedings' editors (the merge keeps the deposit's
        # publisher when it names one).
        return _with_proceedings(client, choose_publication(reference, records), records, self.volumes)


def _with_proceedings(
    client: DblpClient,
    lookup: Lookup,
    records: Sequence[DblpRecord],
    volumes: dict[VolumeKey, Proceedings | None],
) -> Lookup:
    """The chosen conference paper with its proceedings' editors and publisher, which dblp gives
    in the record's export and not in the search's hits: one request more for the first paper of
    each volume (``volumes`` keeps what it gave), none for the others."""
    if len(lookup.candidates) != 1 or lookup.candidates[0].reference.entry_type != "inproceedings":
        return lookup
    key = lookup.candidates[0].reference.ids.dblp
    record = next((record for record in records if record.key == key), None)
    if record is None or key is None:
        return lookup
    volume = volume_of(record)
    try:
        if volume is not None and volume in volumes:
            proceedings = volumes[volume]
        else:
            proceedings = client.proceedings(key)
            if volume is not None:
                volumes[volume] = proceedings
    except DblpError as error:
        message = f"{error}; the paper's editors and publisher are not known"
        problem = Problem(
            code="dblp.record_unavailable", message=message, severity=Severity.INFO, source=SOURCE
        )
        return lookup.model_copy(update={"problems": (*lookup.problems, problem)})
    published = published_reference(replace(record, proceedings=proceedings))
    if proceedings is None or published is None:
        return lookup
    return lookup.model_copy(update={"candidates": (Candidate(source=SOURCE, reference=published),)})


def published_from_index(
    index: DblpIndex, records: Mapping[Key, Reference], settings: Settings
) -> dict[Key, Reference]:
    """The records whose paper the dblp index holds a publication of, with that publication merged
    in as ``resolve`` merges it (dblp's venue, type, year, pages, DOI); for ``verify``, ``check``
    (BN501) and ``fix --upgrade-preprints``, which ask no online dblp."""
    from bibnorm.resolve.merge import merge_reference

    keys = list(records)
    answers = DblpEnricher(index=index, online=False).enrich(dict(enumerate(records.values())))
    return {
        keys[position]: merge_reference(records[keys[position]], answer.candidates, settings)
        for position, answer in answers.items()
        if answer.candidates
    }


def build_dblp(
    session: requests.Session | Callable[[], requests.Session],
    settings: Settings,
    *,
    index: DblpIndex | None = None,
    notify: Notify | None = None,
) -> DblpEnricher:
    """dblp's enricher for ``settings``: its local ``index`` (if any) first, then the search on
    ``session`` (or the session ``session()`` makes, when the search is first needed)."""
    doi_sources = doi_sources_follow(settings)
    if isinstance(session, requests.Session):
        client = DblpClient(session, settings)
        return DblpEnricher(
            client, index=index, doi_sources=doi_sources, notify=notify, offline=settings.offline
        )
    make = session
    return DblpEnricher(
        connect=lambda: DblpClient(make(), settings),
        index=index,
        doi_sources=doi_sources,
        notify=notify,
        online=not (settings.offline and index is not None),
        offline=settings.offline,
    )
