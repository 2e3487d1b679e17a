"""One reference as a BibTeX or biblatex entry's type and fields, before layout (`entry_fields`).

The fields come in the writer's order, each value already LaTeX text (names, titles, venues
encoded by `bibnorm.writers.latex_text`; URL-like values raw), with the warnings the entry
earns: no venue, no authors, invisible characters dropped from the title, characters without a
LaTeX form. The rules each field follows are listed in `bibnorm.writers.bibtex`'s docstring;
`bibnorm.writers.bibtex_styles` holds the presets and where identifiers go.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from bibnorm.bib.bibfile import MONTH_MACROS
from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Person, Problem, Reference, Severity
from bibnorm.text.capitals import Evidence, paper_evidence
from bibnorm.text.clean import without_invisible
from bibnorm.text.word_tables import ordinal_words
from bibnorm.writers import WriterOptions
from bibnorm.writers.bibtex_styles import (
    BIBLATEX_PRINTED,
    BST_FAMILIES,
    DOI_LINKS,
    EPRINT_COMPANIONS,
    EVERY_STYLE_PRINTS,
    SOME_STYLES_PRINT,
    STYLES,
    BstFamily,
    DoiLink,
    EntryField,
    Preset,
    arxiv_citation,
    entry_ids,
    field_value,
    once_each,
    unshown_id,
)
from bibnorm.writers.latex_text import Encoded, text_to_latex, text_with_math_to_latex, title_to_latex

Mode = Literal["bibtex", "biblatex"]

# (a book, chapter, thesis or report only ever a user's own record: `Query.record`)
_BIBTEX_TYPES = {
    "preprint": "misc",
    "article": "article",
    "inproceedings": "inproceedings",
    "misc": "misc",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
}
_BIBLATEX_TYPES = {
    "preprint": "online",
    "article": "article",
    "inproceedings": "inproceedings",
    "misc": "misc",
    "book": "book",
    "chapter": "incollection",
    "thesis": "thesis",
    "report": "report",
}
_VENUE_FIELD = {
    ("bibtex", "article"): "journal",
    ("bibtex", "inproceedings"): "booktitle",
    ("bibtex", "chapter"): "booktitle",
    ("biblatex", "article"): "journaltitle",
    ("biblatex", "inproceedings"): "booktitle",
    ("biblatex", "chapter"): "booktitle",
}
# Who issued a thesis or a report, as each mode names it (their publisher in the model)
_ISSUER_FIELD = {
    ("bibtex", "thesis"): "school",
    ("bibtex", "report"): "institution",
    ("biblatex", "thesis"): "institution",
    ("biblatex", "report"): "institution",
}
# biblatex's @thesis and @report need a ``type``: its localisation keys, where the record names none
_BIBLATEX_GENRES = {"thesis": "phdthesis", "report": "techreport"}
# The kind of thesis a record's genre names (Zotero's thesisType, CSL's genre, biblatex's type:
# "Master's thesis", "masters", "MSc", "doctoralThesis", "Thèse de doctorat"): a master's makes the
# entry @mastersthesis, a doctor's needs no `type` to say what @phdthesis says. Not the references'
# degrees table (kinds-of-work.json), which matches a degree printed whole before "thesis"; a
# record's genre is a word that may only start with it.
_MASTERS = re.compile(r"(?i)\bmaster|\bm\.?\s?sc?\b|\bmagister")
_IN_A_BOOK = ("inproceedings", "chapter")  # the kinds whose venue is a book with editors, a series
_ISSUED_WORKS = ("book", "thesis", "report")  # works of their own, with a publisher or issuer and its city
_PHD = re.compile(r"(?i)\bph\.?\s?d\b|\bdoctor|\bdissertation")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_NO_BRACKETS = str.maketrans("", "", "()[]")
_PAGE_RANGE = re.compile(r"(?<=\w)\s*[-\u2010-\u2015]+\s*(?=\w)")
_AND_WORD = re.compile(r"(?i)(?:^|\s)and(?:\s|$)")
_URL_UNSAFE = str.maketrans({" ": "%20", "{": "%7B", "}": "%7D", '"': "%22"})


class BibtexEntry(NamedTuple):
    """An entry before layout: its type, its fields in the writer's order, and its warnings."""

    entry_type: str
    fields: list[EntryField]
    problems: list[Problem]


class _Collector:
    """Gathers the characters without a LaTeX form met while building one entry."""

    def __init__(self, *, unicode: bool, latin: bool) -> None:
        self.unknown: dict[str, None] = {}
        self.unicode = unicode
        self.latin = latin  # biblatex without --unicode: encode what pdflatex cannot read

    def take(self, encoded: Encoded) -> str:
        for ch in encoded.unknown:
            self.unknown.setdefault(ch)
        return encoded.text

    def latex(self, text: str) -> str:
        """``text`` as LaTeX (`text_to_latex`)."""
        return self.take(text_to_latex(text, unicode=self.unicode, latin=self.latin))

    def latex_with_math(self, text: str) -> str:
        """``text`` as LaTeX, its ``$…$`` math kept (`text_with_math_to_latex`)."""
        return self.take(text_with_math_to_latex(text, unicode=self.unicode, latin=self.latin))


def _name_part(text: str, out: _Collector) -> str:
    return out.take(_name_part_latex(text, out.unicode, out.latin))


@lru_cache(maxsize=16_384)  # family and given names recur across a bibliography
def _name_part_latex(text: str, unicode: bool, latin: bool) -> Encoded:
    encoded = text_to_latex(text, unicode=unicode, latin=latin)
    # A comma or a free-standing "and" inside a part would split the name list.
    if "," in encoded.text or _AND_WORD.search(encoded.text):
        return Encoded("{" + encoded.text + "}", encoded.unknown)
    return encoded


def _kept_whole(written: str, latex: str) -> str:
    """The LaTeX ``latex`` of a family name (``written`` in Unicode) with its hyphens braced
    (``d'Alch{\\'e}{-}Buc``, as dblp writes them) where BibTeX would split the name there:
    BibTeX splits name words at hyphens too and takes a piece that starts in lower case for a
    particle, so ``d'Alch{\\'e}-Buc`` prints "d'Alché Buc" in every style. Other hyphens are left
    as written (a braced one would cost "Jean-Pierre" its "J.-P.")."""
    if "-" not in written or not any(
        _starts_lower(piece) for word in written.split() for piece in word.split("-")[:-1]
    ):
        return latex
    out: list[str] = []
    depth = 0
    for ch in latex:
        depth += (ch == "{") - (ch == "}")
        out.append("{-}" if ch == "-" and depth == 0 else ch)
    return "".join(out)


def _starts_lower(piece: str) -> bool:
    """Whether the first letter of ``piece`` is lower case (BibTeX's test for a particle)."""
    return next((ch.islower() for ch in piece if ch.isalpha()), False)


def format_name(person: Person, out: _Collector) -> str:
    """One name in BibTeX's ``von Last, Jr, First`` form (``{...}`` for literal names)."""
    # Most names: the steps below without a particle or suffix (a few µs an entry less).
    if not (person.literal or person.particle or person.suffix) and person.family:
        given = person.given
        last = _kept_whole(person.family, _name_part(person.family, out))
        return f"{last}, {_name_part(given, out)}" if given else last
    if person.literal:
        return "{" + out.latex(person.literal) + "}"
    family = person.family or person.given
    given = person.given if person.family else ""
    last = _name_part(family, out)
    if person.particle:
        particle = _name_part(person.particle, out)
        glue = "" if person.particle.endswith(("'", "\u2019")) else " "
        last, family = particle + glue + last, person.particle + glue + family
    last = _kept_whole(family, last)
    parts = [last]
    if person.suffix:
        parts += [_name_part(person.suffix, out), _name_part(given, out)]
    elif given:
        parts.append(_name_part(given, out))
    return ", ".join(parts)


def format_name_given_first(person: Person, out: _Collector) -> str:
    """``Xiaohua Zhai`` (arXiv's and dblp's exports); ``Family, Given`` where that form would
    lose a part: a suffix, a family name of several words, a literal name, no given name."""
    if person.literal or person.suffix or not person.given or len(person.family.split()) != 1:
        return format_name(person, out)
    parts = (person.given, person.particle, person.family)
    written = [_name_part(part, out) for part in parts if part]
    return " ".join([*written[:-1], _kept_whole(person.family, written[-1])])


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


def _doi(reference: Reference, kind: str) -> str | None:
    """The publication's DOI; arXiv's DataCite DOI only ever for the preprint itself."""
    doi = reference.ids.doi
    if doi and is_arxiv_doi(doi) and kind != "preprint":
        return None
    if doi or kind != "preprint" or not reference.ids.arxiv_id:
        return doi
    return f"10.48550/arXiv.{reference.ids.arxiv_id}"


def bibtex_edition(edition: str) -> str:
    """An edition as BibTeX's field wants it: an ordinal word with a capital ("2" → "Second"),
    which the standard styles print in lower case ("second edition"; "2" printed "2 edition");
    past the table's words a number with its suffix ("21st"); anything else as written
    (biblatex takes the number and prints "2nd ed." itself)."""
    if not edition.isdigit() or int(edition) < 1:
        return edition
    number, words = int(edition), ordinal_words()
    if number <= len(words):
        return words[number - 1]
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def entry_fields(
    key: str, reference: Reference, mode: Mode, options: WriterOptions, evidence: Evidence | None = None
) -> BibtexEntry:
    """The entry type, fields (in the writer's order) and warnings of one reference.

    ``evidence``: what the whole bibliography's prose says about capitalised words
    (`bibnorm.text.capitals.bibliography_evidence`), which decides what the reference's own
    abstract and title leave open (`bibnorm.text.capitals.paper_evidence`).
    """
    return _EntryBuilder(key, reference, mode, options).build(evidence)


class _EntryBuilder:
    """The steps of `entry_fields`, each adding its fields (and warnings) in the writer's order."""

    def __init__(self, key: str, reference: Reference, mode: Mode, options: WriterOptions) -> None:
        self.key = key
        self.reference = reference
        self.mode = mode
        self.options = options
        self.out = _Collector(unicode=options.unicode, latin=mode == "biblatex" and not options.unicode)
        self.fields: list[EntryField] = []
        self.problems: list[Problem] = []
        self.kind = reference.entry_type
        self.venue_field = _VENUE_FIELD.get((mode, self.kind))

    def add(self, name: str, value: str | None, enclosing: str | None = None) -> None:
        if value:
            self.fields.append(EntryField(name, value, enclosing))

    def warn(self, code: str, message: str, severity: Severity | None = None) -> None:
        message = f"{self.key}: {message}"
        if severity is None:
            self.problems.append(Problem(code=code, message=message))
        else:
            self.problems.append(Problem(code=code, message=message, severity=severity))

    def build(self, evidence: Evidence | None) -> BibtexEntry:
        if self.venue_field and not self.reference.venue:
            # A published type without its venue only makes styles warn.
            self.warn(
                "output.no_venue", f"{self.kind} without journal/proceedings title; written as a preprint"
            )
            self.kind = "preprint" if self.reference.ids.arxiv_id else "misc"
            self.venue_field = None
        entry_type = (_BIBTEX_TYPES if self.mode == "bibtex" else _BIBLATEX_TYPES)[self.kind]
        if entry_type == "phdthesis" and _MASTERS.search(self.reference.genre or ""):
            entry_type = "mastersthesis"
        title = self._title(evidence)
        preset = self._preset()
        self._people(preset)
        self.add("title", title)
        if self.kind == "preprint" and self.mode == "bibtex":
            # Classic styles (plain, abbrv, IEEEtran, splncs04) ignore eprint fields on @misc:
            # without this the reader gets "… transformers, June 2023." and no way to find it.
            self.add("howpublished", arxiv_citation(self.reference))
        self._venue()
        self._work_numbers()
        self._date()
        self._publisher()
        family = BST_FAMILIES[self.options.bst] if self.options.bst and self.mode == "bibtex" else None
        self._identifiers(self._doi_link(preset, family))
        self._user_fields()
        if not self.reference.authors and self.mode == "bibtex":
            # BibTeX styles sort and label by `key` when there is no author ("to sort, need author or
            # key"); natbib reads a label as "names(year)", so a parenthesis in it breaks LaTeX.
            self.add("key", " ".join(_PARENTHESISED.sub("", title).translate(_NO_BRACKETS).split()))
        entry_type = self._shown_once(entry_type, preset, family)
        for ch in self.out.unknown:
            self.warn(
                "latex.no_form",
                f"character {ch!r} (U+{ord(ch):04X}) has no LaTeX form; kept as is",
                Severity.WARNING,
            )
        return BibtexEntry(entry_type, self.fields, self.problems)

    def _title(self, evidence: Evidence | None) -> str:
        reference = self.reference
        evidence = paper_evidence(reference.title, reference.abstract, evidence)
        plain_title, invisible = without_invisible(reference.title)
        if invisible:
            self.warn(
                "output.invisible_characters",
                f"title: removed {invisible} invisible direction or zero-width character(s)",
            )
        out = self.out
        return out.take(title_to_latex(plain_title, unicode=out.unicode, latin=out.latin, evidence=evidence))

    def _preset(self) -> Preset | None:
        """The ``--style`` export this entry is laid out as (BibTeX only; arXiv's for preprints only)."""
        preset = STYLES.get(self.options.style) if self.mode == "bibtex" else None
        if preset is not None and preset.preprints_only and self.kind != "preprint":
            return None
        return preset

    def _people(self, preset: Preset | None) -> None:
        reference, out = self.reference, self.out
        if reference.authors:
            written = format_name_given_first if preset is not None and preset.given_first else format_name
            self.add("author", " and ".join(written(p, out) for p in reference.authors))
        elif not (self.kind == "book" and reference.editors):  # (an edited book's are its editors)
            self.warn("output.no_authors", "no authors known")
        if self._editors_printed() and reference.editors:
            self.add("editor", " and ".join(format_name(p, out) for p in reference.editors))
        if reference.translators:
            # A user's own record of a translated work (biblatex prints it; BibTeX's styles skip it)
            self.add("translator", " and ".join(format_name(p, out) for p in reference.translators))

    def _editors_printed(self) -> bool:
        """Whether the entry's editors are written: the proceedings' (plain, abbrv and IEEEtran
        print "In A and B, editors, …") or a chapter's book's; a book's, which BibTeX's styles
        print only in its authors' place ("can't use both author and editor fields"), biblatex's
        beside them."""
        if self.kind in _IN_A_BOOK:
            return self.venue_field is not None
        return self.kind == "book" and (self.mode == "biblatex" or not self.reference.authors)

    def _venue(self) -> None:
        reference, out = self.reference, self.out
        if self.kind == "misc" and (reference.venue or reference.publisher):
            # Where a work of no journal or book appeared, or who published it (a web site, a
            # preprint server, a data repository an input's record names): what plain, natbib
            # and biblatex print for @misc.
            self.add("howpublished", out.latex_with_math(reference.venue or reference.publisher or ""))
        if not (self.venue_field and reference.venue):
            return
        self.add(self.venue_field, out.latex_with_math(reference.venue))
        if self.kind in _IN_A_BOOK and reference.series:
            # "volume 37 of Proceedings of Machine Learning Research": the series the volume numbers.
            self.add("series", out.latex(reference.series))
        self.add("volume", reference.volume and out.latex(reference.volume))
        self.add("number", reference.number and out.latex(reference.number))
        if reference.pages:
            # the range's dash as BibTeX's "--" before LaTeX's encoding would brace an en dash
            self.add("pages", out.latex(_PAGE_RANGE.sub("--", reference.pages)))

    def _work_numbers(self) -> None:
        """A book's series, volume and number in it, a book's or chapter's edition, a report's
        number, a thesis's or report's kind (a user's own record: `Query.record`)."""
        reference, out = self.reference, self.out
        if self.kind == "book":
            self.add("series", reference.series and out.latex(reference.series))
            self.add("volume", reference.volume and out.latex(reference.volume))
            self.add("number", reference.number and out.latex(reference.number))  # in its series
        if self.kind in ("book", "chapter") and reference.edition:
            edition = bibtex_edition(reference.edition) if self.mode == "bibtex" else reference.edition
            self.add("edition", out.latex(edition))
        if self.kind == "report":
            self.add("number", reference.number and out.latex(reference.number))
        if self.kind in ("thesis", "report"):
            self._genre(reference.genre)

    def _genre(self, genre: str | None) -> None:
        """The kind of thesis or report: biblatex's ``type`` (which its data model requires), or
        the label a BibTeX style prints in place of "PhD thesis" or "Technical Report" where the
        entry type does not say it already."""
        if self.mode == "biblatex":
            self.add("type", self.out.latex(genre) if genre else _BIBLATEX_GENRES[self.kind])
        elif genre and not ((self.kind == "thesis" and _MASTERS.search(genre)) or _PHD.search(genre)):
            self.add("type", self.out.latex(genre))

    def _date(self) -> None:
        date = self.reference.issued or self.reference.first_version
        if date and self.mode == "bibtex":
            self.add("year", str(date.year))
            if date.month:
                # The standard macro, unquoted: styles print it in their own form and language.
                self.add("month", MONTH_MACROS[date.month - 1], enclosing="no-enclosing")
        elif date:
            self.add("date", date.iso())

    def _publisher(self) -> None:
        reference = self.reference
        issuer = _ISSUER_FIELD.get((self.mode, self.kind))
        if issuer and reference.publisher:
            self.add(issuer, self.out.latex_with_math(reference.publisher))
        elif self._has_publisher() and reference.publisher:
            self.add("publisher", self.out.latex_with_math(reference.publisher))
        in_a_book = self.kind in _IN_A_BOOK and self.venue_field
        if (in_a_book or self.kind in _ISSUED_WORKS) and reference.address:
            # The publisher's city: ACM-Reference-Format warns "empty address" without it.
            self.add("address" if self.mode == "bibtex" else "location", self.out.latex(reference.address))

    def _has_publisher(self) -> bool:
        """Whether the entry's type takes a publisher: a published one's, a book's; biblatex's data
        model has none for @article (biber --validate-datamodel warns)."""
        return bool(self.venue_field or self.kind == "book") and (self.mode, self.kind) != (
            "biblatex",
            "article",
        )

    def _doi_link(self, preset: Preset | None, family: BstFamily | None) -> DoiLink | None:
        """Where a published entry's publisher DOI goes besides ``doi`` (bibnorm's BibTeX layout)."""
        if self.mode != "bibtex" or preset is not None or self.kind == "preprint":
            return None
        if family is not None:
            return DoiLink(url=family.doi_url, note=True)  # `once_each` keeps what the style shows once
        if self.options.doi_link is None:
            return None  # the default: the DOI goes where every style prints it (`_shown_once`)
        return DOI_LINKS[self.options.doi_link]

    def _identifiers(self, link: DoiLink | None) -> None:
        """A book's ISBN, eprint fields, doi, url (and the DOI's note) and code links."""
        reference = self.reference
        # (an ISBN is text, not a link: "%" in it, as an export's "%20" gives, would open a TeX comment)
        self.add("isbn", reference.isbn and self.out.latex(reference.isbn))
        for name, value in _arxiv_fields(reference, self.mode):
            self.add(name, value)
        doi = _doi(reference, self.kind)
        self.add("doi", doi and _raw(doi))
        url = reference.url or (
            f"https://arxiv.org/abs/{reference.ids.arxiv_id}" if reference.ids.arxiv_id else None
        )
        if link is not None and doi and not is_arxiv_doi(doi):
            if link.url:
                url = f"https://doi.org/{doi}"  # the arXiv link stays in eprint
            if link.note:
                self.add("note", self.out.latex(f"doi: {doi}"))
        self.add("url", url and _raw(url))
        if reference.code_links:
            # BibTeX's list separator (as in author lists), which biber splits list fields at.
            name = "code" if self.mode == "bibtex" else "verba"
            self.add(name, " and ".join(_raw(code_link) for code_link in reference.code_links))

    def _user_fields(self) -> None:
        """What the user's own record keeps (`UserFields`): its note, before the note of an id
        (both in one ``note``, which styles print), its ISSN, the day its link was read and its
        keywords and abstract (which no common style prints)."""
        given = self.reference.user_fields
        if given is None:
            return
        if given.note:
            note = self.out.latex(given.note)
            written = next((n for n, f in enumerate(self.fields) if f.key == "note"), None)
            if written is None:
                self.add("note", note)
            else:
                self.fields[written] = EntryField("note", f"{note}; {self.fields[written].value}")
        self.add("issn", given.issn and self.out.latex(given.issn))
        self.add("urldate", given.accessed.iso() if given.accessed else None)
        self.add("keywords", self.out.latex(", ".join(given.keywords)))
        self.add("abstract", given.abstract and self.out.latex(given.abstract))

    def _shown_once(self, entry_type: str, preset: Preset | None, family: BstFamily | None) -> str:
        """The entry type after the preset's layout; each DOI and arXiv id in the fields the style
        prints exactly once (`once_each`)."""
        if preset is None:
            if family is None and self.mode == "bibtex" and self.options.doi_link is None:
                self._shown_once_everywhere()
                return entry_type
            if family is not None or self.mode == "biblatex":
                printed = family.printed_for(entry_type) if family is not None else BIBLATEX_PRINTED
                self.fields = once_each(self.fields, printed, entry_ids(self.reference))
            if family is not None:
                self.fields = self._noted(
                    self.fields,
                    unshown_id(self.fields, family.printed_for(entry_type), self.reference, self.kind),
                )
            return entry_type
        entry_type, self.fields = preset.layout(self.reference, entry_type, self.fields)
        if family is None:
            return entry_type
        # An export's layout for a named style: its repeats dropped, and the id it would not
        # show (dblp's DOI in plain, Scholar's in any) in the note the style prints.
        # dblp's "CoRR abs/ID", Scholar's "arXiv preprint arXiv:ID"
        printed = ("journal", "volume", *family.printed_for(entry_type))
        fields = once_each(self.fields, printed, entry_ids(self.reference))
        self.fields = self._noted(fields, unshown_id(fields, printed, self.reference, self.kind))
        return entry_type

    def _shown_once_everywhere(self) -> None:
        """The default layout: the id a reader needs in ``note`` (``howpublished`` for a preprint),
        which every common style prints, and no ``eprint``, ``doi`` or ``url`` printing it again
        (`EVERY_STYLE_PRINTS`); an ``eprint`` that goes takes ``archivePrefix`` and ``primaryClass``
        with it."""
        missing = unshown_id(self.fields, EVERY_STYLE_PRINTS, self.reference, self.kind)
        fields = once_each(
            self._noted(self.fields, missing),
            (*EVERY_STYLE_PRINTS, *SOME_STYLES_PRINT),
            entry_ids(self.reference),
        )
        if not any(f.key == "eprint" for f in fields):
            fields = [f for f in fields if f.key.casefold() not in EPRINT_COMPANIONS]
        self.fields = fields

    def _noted(self, fields: list[EntryField], missing: str | None) -> list[EntryField]:
        """``fields`` with ``missing`` (an id no printed field shows) added to the note."""
        if not missing:
            return fields
        note = self.out.latex(missing)
        return [f for f in fields if f.key != "note"] + [
            EntryField("note", "; ".join(filter(None, (field_value(fields, "note"), note))))
        ]
