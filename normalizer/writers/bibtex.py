"""BibTeX and biblatex output, exactly as bibtexparser v2's writer (values enclosed by its middleware)
then ``bibnorm format`` would write it (`render_through_writer`), laid out straight from the fields.

Entry types and fields (absent values are left out), laid out exactly as ``bibnorm
format`` would (`WriterOptions.layout`: field order, lower-case names, alignment), so
``bibnorm check`` finds nothing to reformat in fresh output:

=================  ==================  ===========================================================
Reference          BibTeX              biblatex
=================  ==================  ===========================================================
preprint           ``@misc``           ``@online``
article            ``@article``        ``@article`` (``journaltitle``)
inproceedings      ``@inproceedings``  ``@inproceedings``
misc               ``@misc``           ``@misc``
=================  ==================  ===========================================================

BibTeX fields: author, editor and series (proceedings published in a series: PMLR, LNCS,
CEUR), title, journal/booktitle, volume, number, pages, year, month,
publisher (not for biblatex ``@article``, whose data model lacks it), address (a proceedings
paper's publisher's city; biblatex ``location``), eprint,
archivePrefix = {arXiv}, primaryClass, doi, url, code. biblatex
replaces year/month by ``date`` (ISO 8601, as precise as known), archivePrefix by
``eprinttype = {arxiv}``, primaryClass by ``eprintclass``, journal by ``journaltitle``.

- ``doi`` is the published DOI when known; arXiv's ``10.48550/arXiv.<id>`` only on a
  preprint (it names the preprint, never a proceedings paper).
- BibTeX preprints carry ``howpublished = {arXiv:<id> [<class>]}``: plain, abbrv,
  IEEEtran and splncs04 print no eprint field on ``@misc``, so without it a preprint
  shows no identifier at all.
- ``url`` is the record's URL, else ``https://arxiv.org/abs/<id>``; url, doi, eprint
  and code are written raw (``\\url`` and ``\\doi`` read them verbatim). A published
  entry with a publisher DOI gets ``url = https://doi.org/<doi>`` and ``note = {doi: <doi>}``
  in BibTeX (`WriterOptions.doi_link`, `DOI_LINKS`): plain and abbrv print only ``note``,
  IEEEtran ``url`` and ``note``.
- Titles are braced from the prose of the whole file (`bibnorm.text.capitals.bibliography_evidence`,
  computed once per `render`): a word form is braced in every entry or in none.
- ``--style`` presets (`STYLES`) lay an entry out as arXiv's, dblp's or Google Scholar's
  export does: types, fields, field order and name form.
- ``code`` lists code links separated by `` and `` (BibTeX's list separator, as in
  author lists); BibTeX styles ignore it, people and tools read it. biblatex has no
  such field, so it goes into ``verba`` (a verbatim field of biblatex's data model that
  standard styles do not print), with the same separator.
- A reference without authors gets BibTeX's ``key`` field (= the title) so styles can
  sort and label it, plus an ``output.no_authors`` warning; biblatex sorts by title itself.
- ``month`` is the standard BibTeX macro (``month = mar``, unquoted) so every style
  prints the month in its own language and form.
- An ``article``/``inproceedings`` without venue is written as a preprint/``@misc``
  (a published type without its venue only makes styles warn) and reported.
- A title loses its invisible direction and zero-width characters (`without_invisible`:
  bidi overrides and isolates that make it print reversed, marks, ZWSP), with an
  ``output.invisible_characters`` warning; ZWNJ and ZWJ stay (scripts and emoji need them).
- Names: ``Family, Given`` joined by `` and ``; ``van der Berg, Jan`` (particle),
  ``King, Jr., Martin`` (suffix), ``{H1 Collaboration}`` (literal, never split).
- BibTeX mode escapes non-ASCII to LaTeX unless `WriterOptions.unicode`; biblatex keeps
  the Latin letters pdflatex reads as UTF-8 and encodes the rest (Greek, symbols: ``π`` →
  ``{\\ensuremath{\\pi}}``) unless `WriterOptions.unicode`. Both escape LaTeX specials and
  protect capitals in titles from the record's evidence (`latex_text`, `bibnorm.text.capitals`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from types import MappingProxyType
from typing import Literal, NamedTuple

import bibtexparser
from bibnorm.bib.bibfile import (
    VENUE_FIELDS,
    BibEntry,
    BibField,
    BibFile,
    FormatOptions,
    RenderedBlock,
    format_bibtex,
    join_rendered,
    normalize_value,
    parse_bibtex,
    render_blocks,
    venue_as_laid_out,
)
from bibnorm.bib.bibfile import Block as BibBlock
from bibnorm.config import JournalNames
from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Person, Problem, Reference, Severity
from bibnorm.processes import shared_objects_frozen
from bibnorm.text.capitals import Evidence, bibliography_evidence, evidence_for
from bibnorm.text.clean import without_invisible
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers.latex_text import Encoded, text_to_latex, text_with_math_to_latex, title_to_latex
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.middlewares.enclosing import ENTRY_POTENTIALLY_INT_FIELDS
from bibtexparser.model import Block, Entry, Field
from bibtexparser.writer import BibtexFormat

Mode = Literal["bibtex", "biblatex"]

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_BIBTEX_TYPES = {"preprint": "misc", "article": "article", "inproceedings": "inproceedings", "misc": "misc"}
_BIBLATEX_TYPES = {
    "preprint": "online",
    "article": "article",
    "inproceedings": "inproceedings",
    "misc": "misc",
}
_VENUE_FIELD = {
    ("bibtex", "article"): "journal",
    ("bibtex", "inproceedings"): "booktitle",
    ("biblatex", "article"): "journaltitle",
    ("biblatex", "inproceedings"): "booktitle",
}
_PAGE_RANGE = re.compile(r"(?<=\w)\s*[-\u2010-\u2015]+\s*(?=\w)")
_AND_WORD = re.compile(r"(?i)(?:^|\s)and(?:\s|$)")
_URL_UNSAFE = str.maketrans({" ": "%20", "{": "%7B", "}": "%7D", '"': "%22"})


class _Collector:
    """Gathers the characters without a LaTeX form met while building one entry."""

    def __init__(self, *, latin: bool = False) -> None:
        self.unknown: dict[str, None] = {}
        self.latin = latin  # biblatex without --unicode: encode what pdflatex cannot read

    def take(self, encoded: Encoded) -> str:
        for ch in encoded.unknown:
            self.unknown.setdefault(ch)
        return encoded.text


def _name_part(text: str, unicode: bool, out: _Collector) -> str:
    return out.take(_name_part_latex(text, unicode, out.latin))


@lru_cache(maxsize=16_384)  # family and given names recur across a bibliography
def _name_part_latex(text: str, unicode: bool, latin: bool) -> Encoded:
    encoded = text_to_latex(text, unicode=unicode, latin=latin)
    # A comma or a free-standing "and" inside a part would split the name list.
    if "," in encoded.text or _AND_WORD.search(encoded.text):
        return Encoded("{" + encoded.text + "}", encoded.unknown)
    return encoded


def format_name(person: Person, unicode: bool, out: _Collector) -> str:
    """One name in BibTeX's ``von Last, Jr, First`` form (``{...}`` for literal names)."""
    # Most names: the steps below without a particle or suffix (a few µs an entry less).
    if not (person.literal or person.particle or person.suffix) and person.family:
        given = person.given
        last = _name_part(person.family, unicode, out)
        return f"{last}, {_name_part(given, unicode, out)}" if given else last
    if person.literal:
        return "{" + out.take(text_to_latex(person.literal, unicode=unicode, latin=out.latin)) + "}"
    family = person.family or person.given
    given = person.given if person.family else ""
    last = _name_part(family, unicode, out)
    if person.particle:
        particle = _name_part(person.particle, unicode, out)
        glue = "" if person.particle.endswith(("'", "\u2019")) else " "
        last = particle + glue + last
    parts = [last]
    if person.suffix:
        parts += [_name_part(person.suffix, unicode, out), _name_part(given, unicode, out)]
    elif given:
        parts.append(_name_part(given, unicode, out))
    return ", ".join(parts)


def format_name_given_first(person: Person, unicode: bool, out: _Collector) -> str:
    """``Xiaohua Zhai`` (arXiv's and dblp's exports); ``Family, Given`` where that form would
    lose a part: a suffix, a family name of several words, a literal name, no given name."""
    if person.literal or person.suffix or not person.given or len(person.family.split()) != 1:
        return format_name(person, unicode, out)
    parts = (person.given, person.particle, person.family)
    return " ".join(_name_part(part, unicode, out) for part in parts if part)


def _raw(text: str) -> str:
    """URL-like values are written verbatim; only what would break the .bib is percent-encoded."""
    return text.translate(_URL_UNSAFE)


def _arxiv_fields(reference: Reference, mode: Mode) -> list[tuple[str, str]]:
    arxiv_id = reference.ids.arxiv_id
    if not arxiv_id:
        return []
    primary = reference.primary_class or (reference.categories[0] if reference.categories else None)
    if mode == "bibtex":
        fields = [("eprint", arxiv_id), ("archivePrefix", "arXiv")]
        if primary:
            fields.append(("primaryClass", primary))
    else:
        fields = [("eprint", arxiv_id), ("eprinttype", "arxiv")]
        if primary:
            fields.append(("eprintclass", primary))
    return fields


def _arxiv_citation(reference: Reference) -> str | None:
    """arXiv's own citation form, ``arXiv:2106.04560 [cs.CV]``."""
    arxiv_id = reference.ids.arxiv_id
    if not arxiv_id:
        return None
    primary = reference.primary_class or (reference.categories[0] if reference.categories else None)
    return f"arXiv:{arxiv_id}" + (f" [{primary}]" if primary else "")


def _doi(reference: Reference, kind: str) -> str | None:
    """The publication's DOI; arXiv's DataCite DOI only ever for the preprint itself."""
    doi = reference.ids.doi
    if doi and is_arxiv_doi(doi) and kind != "preprint":
        return None
    if doi or kind != "preprint" or not reference.ids.arxiv_id:
        return doi
    return f"10.48550/arXiv.{reference.ids.arxiv_id}"


# --- whole-entry presets (`--style`): the layouts of the exports users compare with ------------
# Each is read off the export itself: arXiv's "Export BibTeX Citation" (title, author, year,
# eprint, archivePrefix, primaryClass, url; names given first), dblp's ``rec/<key>.bib``
# (fixtures/shared/reference/api-samples/dblp/rec-bib-standard-inproceedings.bib: author,
# editor, title, booktitle/journal, series, volume, number, pages, publisher, year, url, doi,
# eprinttype, eprint, biburl; names given first) and Google Scholar's "Cite → BibTeX" (title,
# author, journal/booktitle, volume, number, pages, year, publisher; names family first).


class _Field(NamedTuple):
    """A field as `build_entry` lays it out: bibtexparser's `Field` without its cost (an object
    and a dict a field, which a large bibliography's garbage collections walk)."""

    key: str
    value: str
    enclosing: str | None = None  # "no-enclosing" for a month macro, else braced


_LayoutFunction = Callable[[Reference, str, list[_Field]], tuple[str, list[_Field]]]


@dataclass(frozen=True)
class Preset:
    """One export's layout: which type and fields an entry gets, in which order, and the name form."""

    layout: _LayoutFunction
    field_order: tuple[str, ...]  # lower-case, as `bibnorm format` names fields
    given_first: bool  # "Xiaohua Zhai" (arXiv, dblp) or "Zhai, Xiaohua" (Scholar, bibnorm)
    # The export lays out preprints only (arXiv's): a published paper keeps bibnorm's entry,
    # its venue, DOI and published year, rather than an @misc that classic styles print bare.
    preprints_only: bool = False


def _only(fields: list[_Field], names: Sequence[str]) -> list[_Field]:
    return [f for f in fields if f.key in names]


def _value(fields: list[_Field], name: str) -> str | None:
    return next((str(f.value) for f in fields if f.key == name), None)


def _arxiv_style(reference: Reference, entry_type: str, fields: list[_Field]) -> tuple[str, list[_Field]]:
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
        kept.append(_Field("year", str(date.year)))
    kept.append(_Field("url", f"https://arxiv.org/abs/{arxiv_id}"))
    return "misc", kept


def _dblp_style(reference: Reference, entry_type: str, fields: list[_Field]) -> tuple[str, list[_Field]]:
    """dblp's BibTeX: a preprint is ``@article{journal = {CoRR}, volume = {abs/ID}}`` with
    eprinttype/eprint; a published paper carries its venue, pages, publisher, year, the DOI and
    its doi.org URL, and no month or arXiv fields; ``biburl`` when the dblp key is that of the
    publication: a CoRR key is the preprint's listing, whose biburl would export the preprint
    (Semantic Scholar gives the CoRR key of papers it knows as published)."""
    arxiv_id = reference.ids.arxiv_id
    key = reference.ids.dblp
    published = key is not None and not key.startswith("journals/corr/")
    biburl = [_Field("biburl", f"https://dblp.org/rec/{key}.bib")] if published else []
    if entry_type == "misc" and arxiv_id:
        kept = _only(fields, ("author", "title", "year", "key"))
        kept += [
            _Field("journal", "CoRR"),
            _Field("volume", f"abs/{arxiv_id}"),
            _Field("url", f"https://arxiv.org/abs/{arxiv_id}"),
            _Field("eprinttype", "arXiv"),
            _Field("eprint", arxiv_id),
        ]
        return "article", kept
    names = (
        *("author", "editor", "title", "booktitle", "journal", "series", "volume", "number", "pages"),
        *("publisher", "year", "doi", "key"),
    )
    doi = _value(fields, "doi")
    url = [_Field("url", f"https://doi.org/{doi}")] if doi else _only(fields, ("url",))
    return entry_type, _only(fields, names) + url + biburl


def _google_scholar_style(
    reference: Reference, entry_type: str, fields: list[_Field]
) -> tuple[str, list[_Field]]:
    """Google Scholar's BibTeX: a preprint is ``@article{journal = {arXiv preprint arXiv:ID}}``;
    a published paper its venue, volume, number, pages, year and publisher; no DOI, URL or eprint."""
    if entry_type == "misc" and reference.ids.arxiv_id:
        kept = _only(fields, ("title", "author", "year", "key"))
        kept.append(_Field("journal", f"arXiv preprint arXiv:{reference.ids.arxiv_id}"))
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


# Read off each .bst (TeX Live 2023) and checked by typesetting (tests/test_styles_once.py):
# plain/abbrv/unsrt/alpha print howpublished and note only; the natbib styles and splncs04 print
# doi, url and note; IEEEtran prints howpublished, url and note but no doi; ACM-Reference-Format
# prints eprint ("arXiv:ID [class]"), doi (as a link), howpublished, url and note.
_CLASSIC = BstFamily(("howpublished", "note"), doi_url=False)
_NATBIB = BstFamily(("howpublished", "doi", "url", "note"), doi_url=False)
BST_FAMILIES: Mapping[str, BstFamily] = MappingProxyType(
    {
        "plain": _CLASSIC,
        "abbrv": _CLASSIC,
        "unsrt": _CLASSIC,
        "alpha": _CLASSIC,
        "plainnat": _NATBIB,
        "abbrvnat": _NATBIB,
        "unsrtnat": _NATBIB,
        "splncs04": _NATBIB,
        "IEEEtran": BstFamily(("howpublished", "url", "note"), doi_url=True),
        "ACM-Reference-Format": BstFamily(("eprint", "doi", "howpublished", "url", "note"), doi_url=False),
    }
)
# biblatex's standard styles print eprint ("arXiv: ID [class]"), doi and url (doi, eprint and
# url default to true) and note.
_BIBLATEX_PRINTED = ("eprint", "doi", "url", "note", "howpublished")
_UNESCAPE = str.maketrans("", "", "\\{}")


def _shown_ids(value: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` (DOI, arXiv id, casefolded) a printed field's value shows."""
    plain = value.translate(_UNESCAPE).casefold()
    return {i for i in ids if i in plain}


def _once_each(fields: list[_Field], printed: Sequence[str], ids: Sequence[str]) -> list[_Field]:
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


def _entry_ids(reference: Reference) -> tuple[str, ...]:
    """The identifiers a reader finds a work by, casefolded: its DOI and its arXiv id (arXiv's
    own DOI ``10.48550/arXiv.<id>`` shows the arXiv id)."""
    ids = []
    if reference.ids.doi and not is_arxiv_doi(reference.ids.doi):
        ids.append(reference.ids.doi.casefold())
    if reference.ids.arxiv_id:
        ids.append(reference.ids.arxiv_id.casefold())
    return tuple(ids)


def _unshown_id(fields: list[_Field], printed: Sequence[str], reference: Reference, kind: str) -> str | None:
    """The citation form of the id an entry should show but no printed field does: a published
    paper's publisher DOI ("doi: X"), a preprint's arXiv id ("arXiv:ID [class]")."""
    doi = reference.ids.doi
    if kind != "preprint" and doi and not is_arxiv_doi(doi):
        wanted, form = doi.casefold(), f"doi: {doi}"
    elif kind == "preprint" and reference.ids.arxiv_id:
        wanted, form = reference.ids.arxiv_id.casefold(), _arxiv_citation(reference) or ""
    else:
        return None
    shown = [f for f in fields if f.key.casefold() in printed and wanted in _shown_ids(f.value, (wanted,))]
    return None if shown else form


def build_entry(
    key: str, reference: Reference, mode: Mode, options: WriterOptions, evidence: Evidence | None = None
) -> tuple[Entry, list[Problem]]:
    """The bibtexparser `Entry` for one reference, plus warnings about it.

    ``evidence``: what the whole bibliography's prose says about capitalised words
    (`bibnorm.text.capitals.pool`), so a word is braced in every entry or in none;
    by default the reference's own abstract and title.
    """
    entry_type, fields, problems = _entry(key, reference, mode, options, evidence)
    return _bibtexparser_entry(entry_type, key, fields), problems


def _bibtexparser_entry(entry_type: str, key: str, fields: Sequence[_Field]) -> Entry:
    return Entry(entry_type, key, [Field(f.key, f.value, enclosing=f.enclosing) for f in fields])


def _entry(
    key: str, reference: Reference, mode: Mode, options: WriterOptions, evidence: Evidence | None
) -> tuple[str, list[_Field], list[Problem]]:
    """`build_entry`'s entry type, fields (in the writer's order) and warnings."""
    unicode = options.unicode
    out = _Collector(latin=mode == "biblatex" and not unicode)
    problems: list[Problem] = []
    kind = reference.entry_type
    venue_field = _VENUE_FIELD.get((mode, kind))
    if venue_field and not reference.venue:
        problems.append(
            Problem(
                code="output.no_venue",
                message=f"{key}: {kind} without journal/proceedings title; written as a preprint",
            )
        )
        kind = "preprint" if reference.ids.arxiv_id else "misc"
        venue_field = None
    entry_type = (_BIBTEX_TYPES if mode == "bibtex" else _BIBLATEX_TYPES)[kind]

    fields: list[_Field] = []

    def add(name: str, value: str | None, enclosing: str | None = None) -> None:
        if value:
            fields.append(_Field(name, value, enclosing))

    if evidence is None:
        evidence = evidence_for(reference.title, reference.abstract)
    plain_title, invisible = without_invisible(reference.title)
    if invisible:
        problems.append(
            Problem(
                code="output.invisible_characters",
                message=f"{key}: title: removed {invisible} invisible direction or zero-width character(s)",
            )
        )
    title = out.take(title_to_latex(plain_title, unicode=unicode, latin=out.latin, evidence=evidence))
    preset = STYLES.get(options.style) if mode == "bibtex" else None
    if preset is not None and preset.preprints_only and kind != "preprint":
        preset = None
    if reference.authors:
        written = format_name_given_first if preset is not None and preset.given_first else format_name
        add("author", " and ".join(written(p, unicode, out) for p in reference.authors))
    else:
        problems.append(Problem(code="output.no_authors", message=f"{key}: no authors known"))
    if kind == "inproceedings" and venue_field and reference.editors:
        # The proceedings' editors: plain, abbrv and IEEEtran print "In A and B, editors, …".
        add("editor", " and ".join(format_name(p, unicode, out) for p in reference.editors))
    add("title", title)
    if kind == "preprint" and mode == "bibtex":
        # Classic styles (plain, abbrv, IEEEtran, splncs04) ignore eprint fields on @misc:
        # without this the reader gets "… transformers, June 2023." and no way to find it.
        add("howpublished", _arxiv_citation(reference))
    if venue_field and reference.venue:
        add(venue_field, out.take(text_with_math_to_latex(reference.venue, unicode=unicode, latin=out.latin)))
        if kind == "inproceedings" and reference.series:
            # "volume 37 of Proceedings of Machine Learning Research": the series the volume numbers.
            add("series", out.take(text_to_latex(reference.series, unicode=unicode, latin=out.latin)))
        add(
            "volume",
            reference.volume and out.take(text_to_latex(reference.volume, unicode=unicode, latin=out.latin)),
        )
        add(
            "number",
            reference.number and out.take(text_to_latex(reference.number, unicode=unicode, latin=out.latin)),
        )
        if reference.pages:
            add(
                "pages",
                _PAGE_RANGE.sub(
                    "--", out.take(text_to_latex(reference.pages, unicode=unicode, latin=out.latin))
                ),
            )
    date = reference.issued or reference.first_version
    if date and mode == "bibtex":
        add("year", str(date.year))
        if date.month:
            # The standard macro, unquoted: styles print it in their own form and language.
            add("month", MONTH_MACROS[date.month - 1], enclosing="no-enclosing")
    elif date:
        add("date", date.iso())
    # biblatex's data model has no publisher for @article (biber --validate-datamodel warns).
    if venue_field and reference.publisher and (mode, kind) != ("biblatex", "article"):
        add(
            "publisher",
            out.take(text_with_math_to_latex(reference.publisher, unicode=unicode, latin=out.latin)),
        )
    if kind == "inproceedings" and venue_field and reference.address:
        # The publisher's city: ACM-Reference-Format warns "empty address" without it.
        add(
            "address" if mode == "bibtex" else "location",
            out.take(text_to_latex(reference.address, unicode=unicode, latin=out.latin)),
        )
    for name, value in _arxiv_fields(reference, mode):
        add(name, value)
    add("doi", (doi := _doi(reference, kind)) and _raw(doi))
    url = reference.url or (
        f"https://arxiv.org/abs/{reference.ids.arxiv_id}" if reference.ids.arxiv_id else None
    )
    family = BST_FAMILIES[options.bst] if options.bst and mode == "bibtex" else None
    link = DOI_LINKS[options.doi_link] if mode == "bibtex" and preset is None and kind != "preprint" else None
    if family is not None and link is not None:
        link = DoiLink(url=family.doi_url, note=True)  # `_once_each` keeps what the style shows once
    if link is not None and doi and not is_arxiv_doi(doi):
        if link.url:
            url = f"https://doi.org/{doi}"  # the arXiv link stays in eprint
        if link.note:
            add("note", out.take(text_to_latex(f"doi: {doi}", unicode=unicode, latin=out.latin)))
    add("url", url and _raw(url))
    if reference.code_links:
        # BibTeX's list separator (as in author lists), which biber splits list fields at.
        add(
            "code" if mode == "bibtex" else "verba", " and ".join(_raw(link) for link in reference.code_links)
        )
    if not reference.authors and mode == "bibtex":
        # BibTeX styles sort and label by `key` when there is no author ("to sort, need author or key").
        add("key", title)

    if preset is None and (family is not None or mode == "biblatex"):
        printed = family.printed if family is not None else _BIBLATEX_PRINTED
        fields = _once_each(fields, printed, _entry_ids(reference))
    if preset is not None:
        entry_type, fields = preset.layout(reference, entry_type, fields)
        if family is not None:
            # An export's layout for a named style: its repeats dropped, and the id it would
            # not show (dblp's DOI in plain, Scholar's in any) in the note the style prints.
            printed = (
                "journal",
                "volume",
                *family.printed,
            )  # dblp's "CoRR abs/ID", Scholar's "arXiv preprint arXiv:ID"
            fields = _once_each(fields, printed, _entry_ids(reference))
            missing = _unshown_id(fields, printed, reference, kind)
            if missing:
                note = out.take(text_to_latex(missing, unicode=unicode, latin=out.latin))
                fields = [f for f in fields if f.key != "note"] + [
                    _Field("note", "; ".join(filter(None, (_value(fields, "note"), note))))
                ]
    for ch in out.unknown:
        problems.append(
            Problem(
                code="latex.no_form",
                message=f"{key}: character {ch!r} (U+{ord(ch):04X}) has no LaTeX form; kept as is",
                severity=Severity.WARNING,
            )
        )
    return entry_type, fields, problems


def _bibtex_format() -> BibtexFormat:
    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.value_column = 0
    fmt.block_separator = "\n"
    fmt.trailing_comma = False
    return fmt


def render(
    references: Sequence[tuple[str, Reference]],
    options: WriterOptions,
    mode: Mode,
    evidence: Evidence | None = None,
) -> Rendered:
    """The .bib text for ``(key, reference)`` pairs in the order given, and warnings.

    ``evidence``: the bibliography's capitals evidence if already read (`bibliography_evidence`
    of these references' titles and abstracts), else read here.

    Each entry's text is laid out straight from the fields `build_entry` gives it, exactly as
    `render_through_writer` would write it (bibtexparser's writer with values enclosed by its
    `AddEnclosingMiddleware`, then ``bibnorm format`` of that text) without writing and reading
    anything back (`_entry_text`). An entry whose text might read back otherwise is written and
    read back on its own (`_read_alone`); only one whose text would reach into the entries after
    it, or keys given twice (which bibtexparser's library refuses), send the whole file the long way.
    """
    keys = [key for key, _ in references]
    if len(set(keys)) != len(keys):
        return render_through_writer(references, options, mode)
    with shared_objects_frozen():  # the references: read, never freed here
        if evidence is None:
            evidence = _evidence(references)
        with shared_objects_frozen():  # and the evidence
            return _rendered(references, options, mode, evidence)


def _rendered(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode, evidence: Evidence
) -> Rendered:
    layout = _layout(options, mode)
    blocks: list[RenderedBlock] = []
    problems: list[Problem] = []
    for key, reference in references:
        entry_type, fields, entry_problems = _entry(key, reference, mode, options, evidence)
        problems.extend(entry_problems)
        text = _entry_text(entry_type, key, fields, layout)
        if text is not None:
            blocks.append(RenderedBlock(text, "entry", key))
            continue
        alone = _read_alone(_enclosed(_bibtexparser_entry(entry_type, key, fields)))
        if alone is None:
            return render_through_writer(references, options, mode)
        blocks.extend(render_blocks(BibFile("<string>", alone), layout))
    return Rendered(text=join_rendered(blocks, layout), warnings=tuple(problems))


def _entry_text(entry_type: str, key: str, fields: Sequence[_Field], layout: FormatOptions) -> str | None:
    """`render_block` of the `BibEntry` that `parse_bibtex` reads back from bibtexparser's text
    of this entry (values enclosed as `_library` encloses them), without that text; None where
    the reading could differ from the entry (`_canonical_value`, a field given twice, a key
    the splitter would cut)."""
    if not key or _KEY_BREAKERS.intersection(key):
        return None
    names: list[str] = []
    texts: list[str] = []
    for name, value, enclosing in fields:
        text = _canonical_value(name, value, enclosing, layout)
        if text is None:
            return None
        names.append(name)
        texts.append(text)
    lines = _field_lines(tuple(names), layout.field_order, layout.align, layout.indent)
    if lines is None:
        return None
    entry_type = entry_type.lower()
    if layout.journal_names != "as-given":
        texts = _venues_as_laid_out(entry_type, key, names, texts, layout.journal_names)
    body = "".join([f"{start}{texts[index]},\n" for index, start in lines])
    return f"@{entry_type}{{{key},\n{body}}}"


def _venues_as_laid_out(
    entry_type: str, key: str, names: Sequence[str], texts: list[str], form: JournalNames
) -> list[str]:
    """``texts`` with the venue fields respelt as `format` respells them in a layout whose
    ``journal_names`` is ``form`` (the writer's own spelling mostly stands)."""
    lower = [name.lower() for name in names]
    if VENUE_FIELDS.isdisjoint(lower):
        return texts
    read = BibEntry(entry_type, key, tuple(map(BibField, lower, texts, repeat(0))), 0)
    return [
        venue_as_laid_out(read, name, text, form) if name in VENUE_FIELDS else text
        for name, text in zip(lower, texts, strict=True)
    ]


@lru_cache(maxsize=1024)  # a writer gives few distinct field sequences
def _field_lines(
    names: tuple[str, ...], order: tuple[str, ...], align: bool, indent: str
) -> tuple[tuple[int, str], ...] | None:
    """How `format` lays out fields called ``names`` (`_render_entry`): for each line, which
    field and the line's start (indent, lower-case name padded to the longest when aligned,
    ``=``), in a stable sort by rank in ``order`` (unknown fields after the known ones, in the
    order they came). None for a name given twice (which reading back would not keep)."""
    lower = [name.lower() for name in names]
    if len(set(lower)) != len(lower):
        return None
    rank = {name: place for place, name in enumerate(order)}
    width = max(map(len, lower), default=0) if align else 0
    placed = sorted(range(len(lower)), key=lambda index: rank.get(lower[index], len(order)))
    return tuple((index, f"{indent}{lower[index].ljust(width)} = ") for index in placed)


def _canonical_value(name: str, value: str, enclosing: str | None, layout: FormatOptions) -> str | None:
    """The value ``format`` writes for a field bibtexparser's writer would write as ``name =
    <enclosed value>``, or None where parsing that text might not give the enclosed value back.

    Enclosed as `AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=False,
    default_enclosing="{")` encloses: a demanded enclosing wins, digits in a possibly numeric
    field stay bare, anything else is braced. The splitter takes everything up to the next ``,``
    outside braces and quotes, stripped, so a value reads back as written when its unescaped
    braces balance (its last brace is not an escaped one), it holds no line break (reading turns
    a carriage return into a newline, and an ``@`` starting a line ends an entry), and an
    unbraced one (a number, a month macro) is letters and digits alone.
    """
    if "\n" in value or "\r" in value:
        return None
    if enclosing == "no-enclosing" or (
        enclosing is None and name in _POTENTIALLY_INT_FIELDS and value.isdigit()
    ):
        return normalize_value(name.lower(), value, layout) if value.isalnum() else None
    if enclosing not in (None, "{") or value.endswith("\\"):
        return None  # (a value ending in "\\" would escape the enclosing "}")
    depth = 0
    for match in _SPLITTER_BRACE.finditer(value) if "{" in value or "}" in value else ():
        depth += 1 if match.group() == "{" else -1
        if depth < 0:
            return None  # a "}" would close the enclosing brace early
    if depth != 0:
        return None
    if "\\" in value or "\t" in value or "  " in value or name == "month":
        return normalize_value(name.lower(), "{" + value + "}", layout)
    return "{" + value.strip(" ") + "}"  # most values: the braces hold them whole; `format` trims


def _enclosed(entry: Entry) -> Block:
    """``entry`` with its values enclosed as `_library` encloses them."""
    return _ENCLOSING.transform(Library([entry])).blocks[0]


def _read_alone(block: Block) -> tuple[BibBlock, ...] | None:
    """The blocks `parse_bibtex` reads from bibtexparser's text of one entry, when that text
    leaves what follows it alone (an entry written after it reads back whole) and holds no
    ``\r\n`` (which could make the whole file's line ending ``\r\n``). Else None."""
    probe = Entry("misc", "bibnorm-probe", [Field("note", "{probe}")])  # values come enclosed
    text = written_by_bibtexparser(Library([block, probe]))
    if "\r\n" in text:
        return None
    parsed = parse_bibtex(text)
    read = parsed.blocks[-1] if len(parsed.blocks) > 1 else None
    if not isinstance(read, BibEntry) or read.key != probe.key:
        return None
    if [(field.name, field.value) for field in read.fields] != [("note", "{probe}")]:
        return None
    return parsed.blocks[:-1]


def render_through_writer(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode
) -> Rendered:
    """`render` the long way: bibtexparser's `write_string`, then `bibnorm format` of that text.
    The reference `render` is held to, byte for byte (tests and ``bench/bench_speed.py``)."""
    library, problems, layout = _library(references, options, mode)
    return Rendered(text=format_bibtex(written_by_bibtexparser(library), layout), warnings=problems)


def _library(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode
) -> tuple[Library, tuple[Problem, ...], FormatOptions]:
    """The entries with enclosed values, their warnings and the layout to write them in."""
    library = Library()
    problems: list[Problem] = []
    evidence = _evidence(references)
    for key, reference in references:
        entry, entry_problems = build_entry(key, reference, mode, options, evidence)
        library.add(entry)
        problems.extend(entry_problems)
    return _ENCLOSING.transform(library), tuple(problems), _layout(options, mode)


def _evidence(references: Sequence[tuple[str, Reference]]) -> Evidence:
    """One decision per word form for the whole file, from every record's prose at once."""
    return bibliography_evidence([(reference.title, reference.abstract) for _, reference in references])


def _layout(options: WriterOptions, mode: Mode) -> FormatOptions:
    """One canonical layout: exactly what `bibnorm format` writes (field order, alignment);
    a preset brings the field order of the export it follows."""
    preset = STYLES.get(options.style) if mode == "bibtex" else None
    if preset is None:
        return options.layout
    return options.layout.model_copy(update={"field_order": preset.field_order})


# Braces around every value except bare integers and fields that demand none (month macros).
_ENCLOSING = AddEnclosingMiddleware(
    reuse_previous_enclosing=False,
    enclose_integers=False,
    default_enclosing="{",
    allow_inplace_modification=True,
)


def written_by_bibtexparser(library: Library) -> str:
    """bibtexparser's text of a library whose values are already enclosed."""
    return bibtexparser.write_string(library, unparse_stack=[], bibtex_format=_bibtex_format())


# What bibtexparser's splitter treats as a brace (an escaped one is text).
_SPLITTER_BRACE = re.compile(r"(?<!\\)[{}]")
# The fields bibtexparser's middleware leaves bare digits in.
_POTENTIALLY_INT_FIELDS = frozenset(ENTRY_POTENTIALLY_INT_FIELDS)
_KEY_BREAKERS = frozenset('{}(),="# \t\n')


def render_bibtex(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """BibTeX: ``@misc``/``@article``/``@inproceedings``, LaTeX escapes unless ``options.unicode``."""
    return render(references, options, "bibtex")


def render_biblatex(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """biblatex: ``@online``/``@article``/``@inproceedings`` with ``date`` and ``eprinttype``, Unicode."""
    return render(references, options, "biblatex")


def write_bibtex(references: Sequence[tuple[str, Reference]], options: WriterOptions | None = None) -> str:
    """Just the BibTeX text."""
    return render_bibtex(references, options or WriterOptions()).text


def write_biblatex(references: Sequence[tuple[str, Reference]], options: WriterOptions | None = None) -> str:
    """Just the biblatex text."""
    return render_biblatex(references, options or WriterOptions()).text
