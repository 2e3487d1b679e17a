"""Where a BibTeX entry's fields go beyond bibnorm's own layout: the export presets of ``--style``
(`STYLES`: arXiv's, dblp's and Google Scholar's exports), where a publisher DOI goes
(``--doi-link``, `DOI_LINKS`), and which fields a family of BibTeX styles prints (``--bst``,
`BST_FAMILIES`), so each DOI and arXiv id is shown exactly once (`once_each`, `unshown_id`).

Every function here takes and gives `EntryField` lists, the writer's fields before layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Reference


class EntryField(NamedTuple):
    """A field as the writer lays it out: bibtexparser's `Field` without its cost (an object
    and a dict a field, which a large bibliography's garbage collections walk)."""

    key: str
    value: str
    enclosing: str | None = None  # "no-enclosing" for a month macro, else braced


def arxiv_citation(reference: Reference) -> str | None:
    """arXiv's own citation form, ``arXiv:2106.04560 [cs.CV]``."""
    arxiv_id = reference.ids.arxiv_id
    if not arxiv_id:
        return None
    primary = reference.primary_class or (reference.categories[0] if reference.categories else None)
    return f"arXiv:{arxiv_id}" + (f" [{primary}]" if primary else "")


# --- whole-entry presets (`--style`): the layouts of the exports users compare with ------------
# Each is read off the export itself: arXiv's "Export BibTeX Citation" (title, author, year,
# eprint, archivePrefix, primaryClass, url; names given first), dblp's ``rec/<key>.bib``
# (fixtures/shared/reference/api-samples/dblp/rec-bib-standard-inproceedings.bib: author,
# editor, title, booktitle/journal, series, volume, number, pages, publisher, year, url, doi,
# eprinttype, eprint, biburl; names given first) and Google Scholar's "Cite → BibTeX" (title,
# author, journal/booktitle, volume, number, pages, year, publisher; names family first).


LayoutFunction = Callable[[Reference, str, list[EntryField]], tuple[str, list[EntryField]]]


@dataclass(frozen=True)
class Preset:
    """One export's layout: which type and fields an entry gets, in which order, and the name form."""

    layout: LayoutFunction
    field_order: tuple[str, ...]  # lower-case, as `bibnorm format` names fields
    given_first: bool  # "Xiaohua Zhai" (arXiv, dblp) or "Zhai, Xiaohua" (Scholar, bibnorm)
    # The export lays out preprints only (arXiv's): a published paper keeps bibnorm's entry,
    # its venue, DOI and published year, rather than an @misc that classic styles print bare.
    preprints_only: bool = False


def _only(fields: list[EntryField], names: Sequence[str]) -> list[EntryField]:
    return [f for f in fields if f.key in names]


def field_value(fields: list[EntryField], name: str) -> str | None:
    """The value of the field called ``name``, if the entry has one."""
    return next((str(f.value) for f in fields if f.key == name), None)


def _arxiv_style(
    reference: Reference, entry_type: str, fields: list[EntryField]
) -> tuple[str, list[EntryField]]:
    """arxiv.org's "Export BibTeX Citation": ``@misc`` with eprint, archivePrefix, primaryClass
    and the abs URL, for a preprint. The year is the first version's (arXiv's own export dates an
    entry by its latest version, a year no other record of the paper has). Plus ``howpublished =
    {arXiv:ID [class]}``: plain, abbrv, IEEEtran and splncs04 print no eprint on ``@misc``, and
    without it the entry shows no identifier at all."""
    arxiv_id = reference.ids.arxiv_id
    if not arxiv_id:
        return entry_type, fields
    kept = _only(
        fields, ("title", "author", "howpublished", "eprint", "archivePrefix", "primaryClass", "key")
    )
    date = reference.first_version or reference.issued
    if date:
        kept.append(EntryField("year", str(date.year)))
    kept.append(EntryField("url", f"https://arxiv.org/abs/{arxiv_id}"))
    return "misc", kept


def _dblp_style(
    reference: Reference, entry_type: str, fields: list[EntryField]
) -> tuple[str, list[EntryField]]:
    """dblp's BibTeX: a preprint is ``@article{journal = {CoRR}, volume = {abs/ID}}`` with
    eprinttype/eprint; a published paper carries its venue, pages, publisher, year, the DOI and
    its doi.org URL, and no month or arXiv fields; ``biburl`` when the dblp key is that of the
    publication: a CoRR key is the preprint's listing, whose biburl would export the preprint
    (Semantic Scholar gives the CoRR key of papers it knows as published)."""
    arxiv_id = reference.ids.arxiv_id
    key = reference.ids.dblp
    published = key is not None and not key.startswith("journals/corr/")
    biburl = [EntryField("biburl", f"https://dblp.org/rec/{key}.bib")] if published else []
    if entry_type == "misc" and arxiv_id:
        kept = _only(fields, ("author", "title", "year", "key"))
        kept += [
            EntryField("journal", "CoRR"),
            EntryField("volume", f"abs/{arxiv_id}"),
            EntryField("url", f"https://arxiv.org/abs/{arxiv_id}"),
            EntryField("eprinttype", "arXiv"),
            EntryField("eprint", arxiv_id),
        ]
        return "article", kept
    names = (
        *("author", "editor", "title", "booktitle", "journal", "series", "volume", "number", "pages"),
        *("publisher", "year", "doi", "key"),
    )
    doi = field_value(fields, "doi")
    url = [EntryField("url", f"https://doi.org/{doi}")] if doi else _only(fields, ("url",))
    return entry_type, _only(fields, names) + url + biburl


def _google_scholar_style(
    reference: Reference, entry_type: str, fields: list[EntryField]
) -> tuple[str, list[EntryField]]:
    """Google Scholar's BibTeX: a preprint is ``@article{journal = {arXiv preprint arXiv:ID}}``;
    a published paper its venue, volume, number, pages, year and publisher; no DOI, URL or eprint."""
    if entry_type == "misc" and reference.ids.arxiv_id:
        kept = _only(fields, ("title", "author", "year", "key"))
        kept.append(EntryField("journal", f"arXiv preprint arXiv:{reference.ids.arxiv_id}"))
        return "article", kept
    return entry_type, _only(fields, _SCHOLAR_ORDER)


# Scholar's fields, in its order: every one it writes for a published paper.
_SCHOLAR_ORDER = (
    "title",
    "author",
    "journal",
    "booktitle",
    "volume",
    "number",
    "pages",
    "year",
    "publisher",
    "key",
)


STYLES: Mapping[str, Preset] = MappingProxyType(
    {
        "arxiv": Preset(
            _arxiv_style,
            (
                "title",
                "author",
                "howpublished",
                "year",
                "eprint",
                "archiveprefix",
                "primaryclass",
                "url",
                "key",
            ),
            given_first=True,
            preprints_only=True,
        ),
        "dblp": Preset(
            _dblp_style,
            (
                *("author", "editor", "title", "booktitle", "journal", "series", "volume", "number"),
                *("pages", "publisher", "year", "url", "doi", "eprinttype", "eprint", "biburl", "key"),
            ),
            given_first=True,
        ),
        "google-scholar": Preset(
            _google_scholar_style,
            _SCHOLAR_ORDER,
            given_first=False,
        ),
    }
)


class DoiLink(NamedTuple):
    """Where a published entry's publisher DOI goes besides ``doi`` (``--doi-link``)."""

    url: bool  # url = https://doi.org/<doi>, instead of the record's or arXiv's page
    note: bool  # note = {doi: <doi>}


# What the real styles print (their .bst files; typeset and read back with pdftotext):
# plain, abbrv, unsrt and alpha print neither url nor doi, only note; IEEEtran prints url
# and note; plainnat and splncs04 print doi, url and note. "url+note" (the default) shows
# the DOI in every one of them, IEEEtran twice ("doi: X. [Online]. Available:
# https://doi.org/X"), plainnat and splncs04 three times; "url" suits IEEEtran alone;
# "note" keeps arXiv's page as the url (IEEEtran: the DOI once and the free copy's link);
# "none" suits styles that print doi themselves (plainnat, splncs04).
DOI_LINKS: Mapping[str, DoiLink | None] = MappingProxyType(
    {
        "url+note": DoiLink(url=True, note=True),
        "url": DoiLink(url=True, note=False),
        "note": DoiLink(url=False, note=True),
        "none": None,
    }
)


class BstFamily(NamedTuple):
    """Which identifier-bearing fields a family of BibTeX styles prints (its .bst read, typeset
    and read back), so `--bst` writes each DOI and arXiv id where the style shows it exactly once."""

    printed: tuple[str, ...]  # the fields the style prints, the one to keep first
    doi_url: bool  # the style prints no ``doi``: a publisher DOI goes in ``url`` as https://doi.org/<doi>
    doi_only_for: frozenset[str] | None = None  # the entry types whose ``doi`` it prints (None: all …)
    doi_not_for: frozenset[str] = frozenset()  # … but these

    def printed_for(self, entry_type: str) -> tuple[str, ...]:
        """The fields the style prints for an entry of ``entry_type`` (lower-case): ``printed``,
        without ``doi`` where its function for the type prints none (plainnat's ``@misc``, whose
        DOI alone would show nothing; a type the style lacks is typeset as ``@misc``)."""
        only, without = self.doi_only_for, self.doi_not_for
        if (only is None or entry_type in only) and entry_type not in without:
            return self.printed
        return tuple(name for name in self.printed if name != "doi")


# Read off each .bst (TeX Live 2023) and checked by typesetting (tests/test_styles_once.py):
# plain/abbrv/unsrt/alpha print howpublished and note only; the natbib styles and splncs04 print
# doi, url and note — the natbib styles their doi only for articles, books, booklets, chapters and
# proceedings (their functions for @misc, theses, reports, manuals and unpublished work call no
# format.doi), splncs04 for every type but @unpublished; IEEEtran prints howpublished, url and note
# but no doi; ACM-Reference-Format prints eprint ("arXiv:ID [class]"), doi (as a link),
# howpublished, url and note.
_CLASSIC = BstFamily(("howpublished", "note"), doi_url=False)
_NATBIB_DOI_TYPES = frozenset(
    {"article", "book", "booklet", "inbook", "incollection", "inproceedings", "conference", "proceedings"}
)
_NATBIB = BstFamily(("howpublished", "doi", "url", "note"), doi_url=False, doi_only_for=_NATBIB_DOI_TYPES)
_SPLNCS = BstFamily(
    ("howpublished", "doi", "url", "note"), doi_url=False, doi_not_for=frozenset({"unpublished"})
)
BST_FAMILIES: Mapping[str, BstFamily] = MappingProxyType(
    {
        "plain": _CLASSIC,
        "abbrv": _CLASSIC,
        "unsrt": _CLASSIC,
        "alpha": _CLASSIC,
        "plainnat": _NATBIB,
        "abbrvnat": _NATBIB,
        "unsrtnat": _NATBIB,
        "splncs04": _SPLNCS,
        "IEEEtran": BstFamily(("howpublished", "url", "note"), doi_url=True),
        "ACM-Reference-Format": BstFamily(("eprint", "doi", "howpublished", "url", "note"), doi_url=False),
    }
)
# Where bibnorm's default layout (no ``--bst``, no ``--doi-link``) puts each id, so it prints once in
# every common style: plain, abbrv, apalike, the natbib styles, IEEEtran, splncs04,
# ACM-Reference-Format and biblatex read from the BibTeX file. Every one of them prints ``note``
# (and ``howpublished`` on ``@misc``), and those alone: plain, abbrv and apalike print no ``doi``,
# ``url`` or ``eprint``. So the id a reader needs (a published entry's publisher DOI, else the
# arXiv id) goes there, and a field some of them print goes when it would show it again (weighed
# in this order: eprint, for the styles that print it, before a doi or url repeating it).
EVERY_STYLE_PRINTS = ("howpublished", "note")
SOME_STYLES_PRINT = ("eprint", "doi", "url")
# Fields that say what ``eprint`` holds: meaningless once it is gone.
EPRINT_COMPANIONS = ("archiveprefix", "primaryclass", "eprinttype", "eprintclass")
# biblatex's standard styles print eprint ("arXiv: ID [class]"), doi and url (doi, eprint and
# url default to true) and note.
BIBLATEX_PRINTED = ("eprint", "doi", "url", "note", "howpublished")
_UNESCAPE = str.maketrans("", "", "\\{}")


def _shown_ids(value: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` (DOI, arXiv id, casefolded) a printed field's value shows."""
    plain = value.translate(_UNESCAPE).casefold()
    return {i for i in ids if i in plain}


def once_each(fields: list[EntryField], printed: Sequence[str], ids: Sequence[str]) -> list[EntryField]:
    """``fields`` without the printed ones that would show only identifiers already shown.

    Printed fields are weighed in ``printed`` order: each stays if it shows an identifier no
    field before it shows, or none at all (a plain web page); the rest is data styles skip.
    """
    by_name = {f.key.casefold(): f for f in fields}
    dropped: set[str] = set()
    shown: set[str] = set()
    for name in printed:
        field = by_name.get(name)
        if field is None:
            continue
        these = _shown_ids(field.value, ids)
        if these and these <= shown:
            dropped.add(name)
        shown |= these
    return [f for f in fields if f.key.casefold() not in dropped]


def entry_ids(reference: Reference) -> tuple[str, ...]:
    """The identifiers a reader finds a work by, casefolded: its DOI and its arXiv id (arXiv's
    own DOI ``10.48550/arXiv.<id>`` shows the arXiv id)."""
    ids = []
    if reference.ids.doi and not is_arxiv_doi(reference.ids.doi):
        ids.append(reference.ids.doi.casefold())
    if reference.ids.arxiv_id:
        ids.append(reference.ids.arxiv_id.casefold())
    return tuple(ids)


def unshown_id(
    fields: list[EntryField], printed: Sequence[str], reference: Reference, kind: str
) -> str | None:
    """The citation form of the id an entry should show but no printed field does: a published
    paper's publisher DOI ("doi: X"), else its arXiv id, a preprint's arXiv id ("arXiv:ID [class]")
    (a NeurIPS or ICLR paper has no DOI: its free copy is how a reader finds it)."""
    doi = reference.ids.doi
    if kind != "preprint" and doi and not is_arxiv_doi(doi):
        wanted, form = doi.casefold(), f"doi: {doi}"
    elif reference.ids.arxiv_id:
        wanted, form = reference.ids.arxiv_id.casefold(), arxiv_citation(reference) or ""
    else:
        return None
    shown = [f for f in fields if f.key.casefold() in printed and wanted in _shown_ids(f.value, (wanted,))]
    return None if shown else form
