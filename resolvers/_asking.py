"""Which papers dblp, Crossref, OpenAlex and Semantic Scholar's enrichment are asked about, and
what dblp's announcement says.

Pure functions over `Reference`s, free of the HTTP stack: the sources (`bibnorm.resolvers.dblp`,
`bibnorm.resolvers.crossref`, `bibnorm.resolvers.openalex`, `bibnorm.resolvers.semantic_scholar`)
decide with them whom to ask, and so do their offline stand-ins (`bibnorm.resolvers._refused`),
which must name the very papers the sources would have asked about without importing them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

from bibnorm.config import Settings
from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Reference
from bibnorm.text.titles import plain_text

if TYPE_CHECKING:
    from bibnorm.resolvers.dblp_index import DblpIndex

# dblp covers computer science: other arXiv archives are not asked (no request, no wait).
CS_CATEGORIES = re.compile(r"^(cs|stat\.ML|eess|math\.OC|q-bio\.NC)\b")
# Crossref is not searched for computer-science papers: dblp is their authority.
_CROSSREF_SKIPS = re.compile(r"^(cs|stat\.ML|eess)\b")
_QUERY_WORD = re.compile(r"[0-9a-z]+")
# An online phase shorter than this is not announced.
ANNOUNCE_SECONDS = 10.0
INDEX_HINT = "bibnorm index fetch dblp"  # downloads the dump and builds the index


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


def doi_source_settles(reference: Reference, *, doi_sources: bool) -> bool:
    """A batched DOI source (Crossref, OpenAlex) follows and will fetch the publisher's record."""
    doi = reference.ids.doi
    return doi_sources and bool(doi) and not is_arxiv_doi(doi)


def s2_says_preprint(reference: Reference) -> bool:
    """Semantic Scholar's record of the paper names no venue, no publisher DOI and no dblp
    record but the CoRR listing."""
    dblp_key = reference.ids.dblp or ""
    lists_a_publication = bool(dblp_key) and not dblp_key.startswith("journals/corr/")
    return bool(reference.ids.s2_paper_id) and reference.entry_type == "preprint" and not lists_a_publication


def doi_sources_follow(settings: Settings) -> bool:
    """Whether a batched DOI source (Crossref, or OpenAlex with its key) follows dblp in the chain."""
    chain = settings.resolvers
    following = chain[chain.index("dblp") + 1 :] if "dblp" in chain else ()
    with_key = settings.openalex_api_key is not None
    return "crossref" in following or ("openalex" in following and with_key)


def dblp_announcement(
    new: int, queries: int, delay: float, index: DblpIndex | None, *, offline: bool = False
) -> str | None:
    """What the user hears before dblp is searched for ``queries`` papers, ``new`` of them not
    in the cache, one request every ``delay`` seconds; None when that is too short to mention.
    ``offline``: nothing is waited for (the cache answers or the search is refused), so what is
    said is which papers dblp cannot settle, and what would."""
    seconds = new * delay
    if seconds < ANNOUNCE_SECONDS:
        return None
    cached = f" ({queries - new} more in the cache)" if new < queries else ""
    papers = "paper" if new == 1 else "papers"
    if offline:
        return (
            f"dblp: {new} {papers} not in the cache{cached}, not looked up offline; "
            f"a local dblp index answers offline: {INDEX_HINT}"
        )
    hint = (
        f"; a local dblp index answers at once: {INDEX_HINT}"
        if index is None
        else f"; the dblp index ({index.dump_date or 'undated'}) does not hold them"
    )
    return (
        f"dblp: {new} {papers} to look up online{cached}, about {_duration(seconds)} "
        f"at one request every {delay:g} s{hint}"
    )


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{math.ceil(seconds)} s"
    return f"{math.ceil(seconds / 60)} min"


def wants_search(reference: Reference) -> bool:
    """Whether a resolved paper is worth one Crossref ``query.bibliographic`` search: published
    (its record names a venue, or arXiv's journal reference says where it appeared) but with no
    publisher DOI a batch could fetch, not settled by dblp, and not a computer-science paper
    (dblp is their authority: arXiv ``cs.*``, ``stat.ML``, ``eess.*``)."""
    doi = reference.ids.doi
    if doi and not is_arxiv_doi(doi):
        return False
    published = reference.entry_type in ("article", "inproceedings") and bool(reference.venue)
    if not (published or reference.journal_ref) or reference.provenance.get("venue") == "dblp":
        return False
    categories = reference.categories or ((reference.primary_class,) if reference.primary_class else ())
    return not any(_CROSSREF_SKIPS.match(category) for category in categories)


def publisher_doi(reference: Reference) -> str | None:
    """The paper's publisher DOI, case-folded (arXiv's own DOIs name the preprint), if any."""
    doi = reference.ids.doi
    return doi.casefold() if doi and not is_arxiv_doi(doi) else None


def wants_doi(reference: Reference, source: str) -> str | None:
    """The publisher DOI (case-folded) a batched DOI source is asked about for a paper, if any:
    not one ``source`` itself gave."""
    return publisher_doi(reference) if reference.provenance.get("doi") != source else None


def s2_batch_id(reference: Reference) -> str | None:
    """What Semantic Scholar's enrichment asks its batch for a resolved paper ("ARXIV:…", else
    "DOI:…"); ``None`` for a paper that came from Semantic Scholar itself or has neither id."""
    if reference.ids.s2_paper_id:
        return None
    if reference.ids.arxiv_id:
        return f"ARXIV:{reference.ids.arxiv_id}"
    return f"DOI:{reference.ids.doi}" if reference.ids.doi else None
