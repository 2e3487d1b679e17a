"""The word tables of reading references, comparing titles and venues, searching, and telling
what kind of work an entry cites: one data file in ``normalizer/data/`` per concept, each read
once, when first asked for (every file says where its words come from):

- `name_particles` (``name-particles.json``): "van", "de", "ibn" — the lower-case words before
  a family name, one word each ("de la" is two), the capitalised ones that belong to it, and the
  words that join two family names ("Ortega y Gasset"), which are no particles, nor are the
  prefixes glued on before a family name's capital ("Mc", "Fitz");
- `name_suffixes` (``name-suffixes.json``): "Jr.", "III", "3rd" — the suffixes of a person's name
  that say a generation;
- `name_list_conjunctions` (``name-list-conjunctions.json``): "and", "und", "et", "и" — the
  words that join the last two names of an author list (`conjunctions_after_vancouver_names`:
  those that join two full names after a Vancouver list);
- `reference_headings` (``reference-headings.json``): "References", "Literaturverzeichnis",
  "参考文献" — how a references section is headed, and the words that name references anywhere
  in a heading ("Further References"), and how an appendix after the list is headed ("Appendix");
- `babel_languages` (``babel-languages.json``): "english", "ngerman", "french" — the language names
  a .bib's ``language`` field holds, as babel spells them;
- `standard_bodies` (``standard-bodies.json``): "ISO", "IEEE Std", "W3C", "Internet Engineering
  Task Force" — the bodies that issue standards;
- `publication_states` (``publication-states.json``): "submitted", "in press", "unpublished",
  "private communication" — what a reference prints for a work not (yet) published (`untitled_states`:
  those an astronomy reference prints in place of a title);
- `kinds_of_work` (``kinds-of-work.json``): "Ph.D. thesis", "Master's dissertation", "preprint" —
  how a reference names the kind of a work that is no article (`KindsOfWork.thesis_kind`: the one
  pattern of a thesis's kind);
- `reference_abbreviations` (``reference-abbreviations.json``): "et al.", "eds.", "pp.", "vol.",
  "Proc." — what a reference prints around its names, numbers and venues, and the lower-case
  words that open its next field after a period ("in", "vol", "thesis") or after a title (APA's,
  a quotation's, an italic venue's), an edition's word, APA's notes after a title and its "n.d."
  in other languages ("s.f.", "o.J.");
- `identifier_labels` (``identifier-labels.json``): "doi", "url", "eprint", "pmid" — the labels a
  reference prints before an identifier or a link, and the words around a web page's link ("url",
  "www-document", "online");
- `reference_cues` (``reference-cues.json``): "pp", "vol", "in", "retrieved" — the words that
  announce a field, which the reference tagger reads as cues to the next token's label;
- `publisher_words` (``publisher-words.json``): "press", "verlag", "wiley" — the words of
  publishers' names (`publishers`: those the rules read, as printed: "Addison-Wesley", "Inc.");
- `author_list_words` (``author-list-words.json``): "and", "others", "of", "towards" — the words
  of an author list that name no one, the linking words of a body's name, and the words a title
  has and an author list has not;
- `organisation_words` (``organisation-words.json``): "Collaboration", "Team", "Institute" — the
  words that make an author an organisation, not a person;
- `title_omitted_words` (``title-omitted-words.json``): "of", "the", "für", "de" — the words an
  abbreviation of a journal's or venue's title leaves out (ISO 4, the AMS's abbreviations), and
  of them those a physics reference's journal name holds in lower case (`journal_name_words`);
- `latin_letters` (``latin-letters.json``): "ł" → "l", "ß" → "ss", "ä" → "ae" — the Latin
  letters that do not decompose into a letter and an accent, spelt in ASCII, and the German and
  Nordic letters spelt without their accent;
- `minor_words` (``minor-words.json``): "of", "and", "the", "with" — the minor words of English
  titles, which title case leaves in lower case, and of them the articles and the linking words
  of a spelt-out acronym;
- `cyrillic_spellings` (``cyrillic-spellings.json``): "zh" and "z", "shch" and "sc" — the
  spellings of one Cyrillic letter in the Latin alphabet that name the same letter;
- `final_abbreviations` (``final-abbreviations.json``): "et al.", "Inc.", "vs." — the
  abbreviations that may end a title, whose period stays;
- `release_title_words` (``release-title-words.json``): "version", "release", "toolkit" — the
  words too common to tie a release's title to a record's;
- `reading_list_marks` (``reading-list-marks.json``): "oral", "spotlight", "best paper candidate"
  — how reading lists mark a paper's presentation or award beside its title;
- `search_stop_words` (``search-stop-words.json``): "a", "the", "with", "we" — the words a search
  for a title leaves out (Lucene's, which arXiv's search drops; and the snapshot's);
- `standard_journal_macros` (``bibtex-macros.json``): "cacm", "jacm", "tcs" — the journal macros
  the standard BibTeX styles define;
- `visit_dates` (``visit-dates.json``): "retrieved", "besucht am", "consulté le", "дата
  обращения" — the words that say when a web page was looked at, not when the work appeared;
- `back_references` (``back-references.json``): "Cited on page 18.", "Citado 2 vezes nas páginas 4
  e 7.", "(cit. on pp. 3, 7)" — how a list's item ends with the pages that cite it (hyperref's
  backref, biblatex's ``backref``), which are none of the work's fields;
- `withdrawal_words` (``withdrawal-words.json``): "paper", "submission", "version" — the words an
  arXiv comment names a withdrawn work by ("This paper has been withdrawn");
- `link_hosts` (``link-hosts.json``): "github.com", "pypi.org", "figshare.com", "openreview.net" —
  the hosts whose links say what kind of work an entry cites (code, a dataset, a paper), those
  linked without a scheme ("github.com/…"), and the words of a venue field that names where code
  lives ("GitHub repository");
- `citation_commands` (``citation-commands.json``): "citep", "parencite", "textcites" — the
  LaTeX commands (natbib's, biblatex's) that cite works by their keys;
- `item_types` (``item-types.json``): "article-journal", "JOUR", "Journal Article",
  "journalArticle" → "article" — how CSL-JSON, RIS, EndNote and Zotero name an item's kind, each
  with the BibTeX type it is read as;
- `landing_pages` (``landing-pages.json``): "/doi/abs/", "…/html", "….full" — how a publisher's
  link names its page of a work around the work's DOI (no part of the DOI);
- `venue_words` (``venue-words.json``): "ieee", "annual", "proceedings", "workshop" — the words
  of a venue's name that do not say which venue it is (the venue key leaves them out), of them
  those that make it a meeting's proceedings or a journal, and an ACL Anthology booktitle's tracks;
- `journal_catalogue_words` (``journal-catalogue-words.json``): "Series", "Tercera", "An",
  "Akademiya" — the words of a catalogue's full journal title that are not the journal's own
  title: a series split off it, a new series, a subtitle, the publisher named before it; and a
  journal's series as printed ("Ser.", "Pt.").

A table one module reads (a LaTeX package's macros and what each prints: ``apacite-words.json``,
``mnras-journal-macros.json``; Quarto's cross-reference prefixes) is read by `table_entries`.

The readers build their regular expressions from these words with `alternation`, so a word
added to a file is known to every pattern that reads that concept. (The tagger's features read
the cues and publishers' words: a word added to those wants its model retrained.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, TypeVar

from bibnorm.text import data_file

_T = TypeVar("_T")

__all__ = [
    "AuthorListWords",
    "BackReferences",
    "CitationCommands",
    "CitationTemplates",
    "IdentifierLabels",
    "Institutions",
    "ItemTypes",
    "JournalCatalogueWords",
    "KindsOfWork",
    "LandingPages",
    "LatinLetters",
    "LinkHosts",
    "MinorWords",
    "NameParticles",
    "NameSuffixes",
    "Publishers",
    "ReferenceAbbreviations",
    "ReferenceHeadings",
    "ReportWords",
    "SearchStopWords",
    "VenueWords",
    "VisitDates",
    "WithdrawalWords",
    "alternation",
    "author_list_words",
    "babel_languages",
    "back_references",
    "bare_words",
    "citation_commands",
    "citation_templates",
    "collaboration_words",
    "conjunctions_after_vancouver_names",
    "cyrillic_spellings",
    "final_abbreviations",
    "identifier_labels",
    "institutions",
    "item_types",
    "journal_catalogue_words",
    "journal_name_words",
    "kinds_of_work",
    "landing_pages",
    "latin_letters",
    "link_hosts",
    "minor_words",
    "name_list_conjunctions",
    "name_particles",
    "name_suffixes",
    "ordinal_words",
    "organisation_words",
    "publication_states",
    "publisher_words",
    "publishers",
    "reading_list_marks",
    "reference_abbreviations",
    "reference_cues",
    "reference_headings",
    "release_title_words",
    "report_words",
    "search_stop_words",
    "standard_bodies",
    "standard_journal_macros",
    "table_entries",
    "title_omitted_words",
    "untitled_states",
    "venue_words",
    "visit_dates",
    "withdrawal_words",
]


@cache
def _table(name: str) -> Any:
    """The parsed JSON data file ``normalizer/data/<name>`` (read once)."""
    return json.loads(data_file(name).read_text("utf-8"))


def _filled(kind: type[_T], name: str) -> _T:
    """The dataclass ``kind`` with each field from the key of its name in the data file ``name``:
    a list as a frozenset where the field is one, else as a tuple."""
    table = _table(name)
    return kind(
        **{
            field.name: (frozenset if str(field.type).startswith("frozenset") else tuple)(table[field.name])
            for field in fields(kind)  # type: ignore[arg-type]
        }
    )


@cache
def table_entries(name: str) -> dict[str, Any]:
    """The entries of the JSON data file ``normalizer/data/<name>``, its notes (``_provenance``)
    left out: a package's macros and what each prints, or a table one module reads by its keys;
    read once, shared (not to be changed)."""
    return {key: value for key, value in _table(name).items() if not key.startswith("_")}


def alternation(
    words: Iterable[str], *, capitalised: bool = False, any_blank: bool = False, one_blank: bool = False
) -> str:
    """A non-capturing group matching any of ``words`` literally, the longest first (so "della"
    is tried before "del"); with ``capitalised``, each word also with its first letter upper-case
    ("van" and "Van"); with ``any_blank``, a space of a word matches any blanks ("in press" a line
    break between its words), with ``one_blank`` one blank."""
    spellings = set(words)
    if capitalised:
        spellings |= {word[:1].upper() + word[1:] for word in spellings}
    longest_first = sorted(spellings, key=lambda word: (-len(word), word))
    blank = r"\s+" if any_blank else r"\s" if one_blank else r"\ "
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", blank) for word in longest_first) + ")"


@dataclass(frozen=True)
class NameParticles:
    """The particles of person names (``name-particles.json``)."""

    particles: frozenset[str]  # "van", "de", "della", "'t", "ibn": lower case, as printed
    capitalised_in_family: frozenset[str]  # "De", "Van": part of the family name before its last word
    family_joiners: frozenset[str]  # "y", "e", "i": join two family names; no particles
    glued_prefixes: tuple[str, ...] = ()  # "Mc", "Mac", "Fitz": glued on before a family name's capital


@cache
def name_particles() -> NameParticles:
    """The particles of person names, from ``normalizer/data/name-particles.json``."""
    return _filled(NameParticles, "name-particles.json")


@dataclass(frozen=True)
class NameSuffixes:
    """The suffixes of person names that say a generation (``name-suffixes.json``), as printed."""

    generations: tuple[str, ...]  # with their period: "Jr.", "Sr."
    numerals: tuple[str, ...]  # "II", "III": Roman numerals
    ordinals: tuple[str, ...]  # Vancouver's: "2nd", "3rd", "4th"

    @property
    def unpunctuated(self) -> tuple[str, ...]:
        """The generations without their period: "Jr", "Sr"."""
        return tuple(generation.rstrip(".") for generation in self.generations)


@cache
def name_suffixes() -> NameSuffixes:
    """The suffixes of person names that say a generation, from ``normalizer/data/name-suffixes.json``."""
    return _filled(NameSuffixes, "name-suffixes.json")


@cache
def ordinal_words() -> tuple[str, ...]:
    """BibTeX's edition words in order ("First", "Second" …), from
    ``normalizer/data/ordinal-words.json``."""
    return tuple(_table("ordinal-words.json")["ordinals"])


@cache
def name_list_conjunctions() -> frozenset[str]:
    """The words that join the last two names of an author list ("and", "und", "et", "и"), lower
    case, from ``normalizer/data/name-list-conjunctions.json``."""
    return frozenset(_table("name-list-conjunctions.json")["conjunctions"])


@cache
def conjunctions_after_vancouver_names() -> tuple[str, ...]:
    """The words that join two full names after a Vancouver list's period ("and", "e", "et", "und"),
    lower case, from ``normalizer/data/name-list-conjunctions.json``."""
    return tuple(_table("name-list-conjunctions.json")["after_vancouver_names"])


@dataclass(frozen=True)
class VisitDates:
    """How a reference says when a web page was looked at (``visit-dates.json``), lower case."""

    words: frozenset[str]  # "retrieved", "besucht", "consulté", "дата обращения"
    connectors: frozenset[str]  # may follow them before the date: "on", "am", "le"
    date_joiners: frozenset[str]  # between a date's day, month and year: "the", "of", "de"


@cache
def visit_dates() -> VisitDates:
    """The words of a date a web page was looked at, from ``normalizer/data/visit-dates.json``."""
    return _filled(VisitDates, "visit-dates.json")


@dataclass(frozen=True)
class BackReferences:
    """How a list's item ends with the pages that cite it (``back-references.json``), lower case;
    "#" in a phrase stands for a count ("citado # vezes nas páginas")."""

    cited: tuple[str, ...]  # before the pages: "cited on page", "cit. on pp.", "citado na página"
    see: tuple[str, ...]  # the same only in parentheses: "siehe S.", "ver p.", "cf. p."
    marks: tuple[str, ...]  # a sign alone before the pages: "↑"
    no_citation: tuple[str, ...]  # a sentence for an item cited nowhere: "nenhuma citação no texto."


@cache
def back_references() -> BackReferences:
    """How a list's item ends with the pages that cite it, from ``normalizer/data/back-references.json``."""
    return _filled(BackReferences, "back-references.json")


@dataclass(frozen=True)
class ReferenceHeadings:
    """How a references section is headed (``reference-headings.json``); compared ignoring case."""

    headings: tuple[str, ...]  # a whole heading: "References", "Literature Cited", "参考文献"
    words: tuple[str, ...]  # a heading's words that name references: "References", "Literatur"
    words_unspaced: tuple[str, ...]  # the same in scripts without spaces between words: "参考文献"
    words_general: tuple[str, ...]  # of `words`, those that also name literature in general: "Literature"
    appendices: tuple[str, ...] = ()  # an appendix's heading after the list, title case: "Appendix"
    back_matter: tuple[str, ...] = ()  # a section's heading after the list: "Acknowledgements", "Funding"
    lists_of_floats: tuple[str, ...] = ()  # a list of figures or tables after it: "Abbildungsverzeichnis"
    # a float's caption after it or on its pages, title case: "Figure", "Table"
    captions: tuple[str, ...] = ()
    history: tuple[str, ...] = ()  # an article's history after "Received": "Revised", "Accepted"


@cache
def reference_headings() -> ReferenceHeadings:
    """How a references section is headed, from ``normalizer/data/reference-headings.json``."""
    return _filled(ReferenceHeadings, "reference-headings.json")


@dataclass(frozen=True)
class KindsOfWork:
    """How a reference names the kind of a work that is no article (``kinds-of-work.json``);
    compared ignoring case."""

    degrees: dict[str, tuple[str, ...]]  # BibTeX type → its degrees as printed: "phdthesis" → "Ph.D.", …
    thesis_words: tuple[str, ...]  # what follows a degree: "thesis", "dissertation"
    words: frozenset[str]  # one word naming a kind, lower case: "preprint", "report"
    designators: tuple[str, ...] = ()  # Vancouver's bracketed medium or kind: "Internet", "letter"
    degree_words: tuple[str, ...] = ()  # a thesis only after a degree: "project"
    thesis_notes: tuple[str, ...] = ()  # GOST's note after a thesis's title: "дис.", "автореф. дис."

    def degree(self, *types: str) -> str:
        """A regular expression for the degree a thesis prints, any case: one of BibTeX's
        ``types`` ("phdthesis": "PhD", "Ph. D.", "Doctoral"), without them of any type."""
        spellings = (spelling for kind in types or self.degrees for spelling in self.degrees[kind])
        return f"(?i:{alternation(spellings)})"

    @property
    def thesis_word(self) -> str:
        """A regular expression for a word that names a thesis alone, any case: "thesis",
        "Dissertation"."""
        return f"(?i:{alternation(self.thesis_words)})"

    def designator(self) -> str:
        """A regular expression for a medium or a kind of work that NLM and IEEE print in brackets
        after a title ("Internet", "letter", "Online"), any case, without its brackets: the one
        pattern of the concept."""
        return f"(?i:{alternation(self.designators)})"

    def thesis_kind(self, *types: str) -> str:
        """A regular expression for a thesis's kind as printed, any case: its degree (of BibTeX's
        ``types``, as `degree`), blanks, and a word for a thesis — "Ph.D. thesis", "MSc
        dissertation", "Master's project". The one pattern of the concept, which every reader
        builds on."""
        return rf"(?i:{self.degree(*types)}\s+{alternation((*self.thesis_words, *self.degree_words))})"


@cache
def kinds_of_work() -> KindsOfWork:
    """How a reference names a work's kind, from ``normalizer/data/kinds-of-work.json``."""
    table = _table("kinds-of-work.json")
    return KindsOfWork(
        degrees={thesis["type"]: tuple(thesis["degrees"]) for thesis in table["theses"]},
        thesis_words=tuple(table["thesis_words"]),
        words=frozenset(word.casefold() for word in table["words"]),
        designators=tuple(table["designators"]),
        degree_words=tuple(table["degree_words"]),
        thesis_notes=tuple(table["thesis_notes"]),
    )


@dataclass(frozen=True)
class CitationCommands:
    """The LaTeX commands that cite works by their keys (``citation-commands.json``), starred or not."""

    single: frozenset[str]  # natbib's and biblatex's, ``[pre][post]{key,key}``: "citep", "parencite"
    multi: frozenset[str]  # biblatex's multicite, ``(pre)(post)``, then ``[pre][post]{keys}`` again: "cites"


@cache
def citation_commands() -> CitationCommands:
    """The LaTeX commands that cite, from ``normalizer/data/citation-commands.json``."""
    table = _table("citation-commands.json")
    return CitationCommands(
        single=frozenset((*table["natbib"], *table["biblatex"])), multi=frozenset(table["biblatex_multi"])
    )


@dataclass(frozen=True)
class ItemTypes:
    """How reference managers' exports name an item's kind, each with the BibTeX type it is read
    as (``item-types.json``); a kind not listed is ``misc``."""

    csl: dict[str, str]  # CSL's types: "article-journal" → "article"
    ris: dict[str, str]  # RIS's TY codes: "JOUR" → "article"
    endnote: dict[str, str]  # EndNote's names in TY, lower case: "journal article" → "article"
    zotero: dict[str, str]  # Zotero's item types: "journalArticle" → "article"
    citation_templates: dict[str, str]  # Wikipedia's and SPIP's template kinds: "journal" → "article"
    kinds: dict[str, str]  # a BibTeX type as the kind a user's own record is written as: "inbook" → "chapter"
    own_kinds: dict[str, str]  # an export's own type written as another kind: "article-magazine" → "article"


@cache
def item_types() -> ItemTypes:
    """How exports name an item's kind, from ``normalizer/data/item-types.json``."""
    table = _table("item-types.json")
    return ItemTypes(**{field.name: table[field.name] for field in fields(ItemTypes)})


@dataclass(frozen=True)
class CitationTemplates:
    """The parameters of Wikipedia's and SPIP's citation templates that name a work's fields
    (``citation-templates.json``), lower case, each field's in the order they are taken."""

    title: tuple[str, ...]  # "title"
    part: tuple[str, ...]  # a book's part cited: "chapter", "contribution", "entry"
    venue: tuple[str, ...]  # "journal", "work", "website"
    publisher: tuple[str, ...]  # "publisher", "institution"
    date: tuple[str, ...]  # "date", "year"
    volume: tuple[str, ...]
    pages: tuple[str, ...]
    doi: tuple[str, ...]
    arxiv: tuple[str, ...]  # "arxiv", "eprint" (``{{cite arXiv}}``'s)
    links: tuple[str, ...]  # "url"
    family: tuple[str, ...]  # numbered from 1: "last", "last1", "last2" …
    given: tuple[str, ...]  # numbered alike: "first", "first1" …
    vancouver: tuple[str, ...]  # one Vancouver list: "vauthors"
    listed: tuple[str, ...]  # one list, names apart by semicolons: "authors"


@cache
def citation_templates() -> CitationTemplates:
    """The citation templates' parameters, from ``normalizer/data/citation-templates.json``."""
    return _filled(CitationTemplates, "citation-templates.json")


@dataclass(frozen=True)
class LandingPages:
    """How a publisher's link names its page of a work around the work's DOI
    (``landing-pages.json``), lower case: none of it is the DOI's."""

    paths: tuple[str, ...]  # a path segment before or after the DOI: "abs", "pdf", "html"
    suffixes: tuple[str, ...]  # glued to the DOI's end: ".full", ".short"


@cache
def landing_pages() -> LandingPages:
    """How a link names a publisher's page around a DOI, from ``normalizer/data/landing-pages.json``."""
    return _filled(LandingPages, "landing-pages.json")


@dataclass(frozen=True)
class IdentifierLabels:
    """The labels a reference prints before an identifier or a link (``identifier-labels.json``),
    lower case without their colon; compared ignoring case."""

    pubmed: tuple[str, ...]  # PubMed's numbers: "pmid", "pmcid"
    others: tuple[str, ...]  # "doi", "url", "eprint", "isbn", "arxiv"
    link_words: tuple[str, ...] = ()  # around a web page's link: "url", "www-document", "online"
    link_joiners: tuple[str, ...] = ()  # between those and the link: "in", "at"

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label: PubMed's and the others."""
        return (*self.pubmed, *self.others)


@cache
def identifier_labels() -> IdentifierLabels:
    """The labels before an identifier or a link, from ``normalizer/data/identifier-labels.json``."""
    return _filled(IdentifierLabels, "identifier-labels.json")


@dataclass(frozen=True)
class ReferenceAbbreviations:
    """What a reference prints around its names, numbers and venues (``reference-abbreviations.json``),
    each as printed ("et al.", "pp.", "Proc."): an abbreviation's period ends no sentence."""

    names: tuple[str, ...]  # in or after an author or editor list: "et al.", "eds.", "Jr."
    pages: tuple[str, ...]  # before pages: "pages", "pp.", "p."
    volumes: tuple[str, ...]  # before a volume or an issue's number: "vol.", "no."
    venues: tuple[str, ...]  # abbreviated words of a venue's name: "Proc.", "Conf.", "Astrophys."
    fields: tuple[str, ...] = ()  # lower-case words opening the next field after a period: "in", "vol"
    editors: tuple[str, ...] = ()  # an editors' mark after the names, also capitalised: "eds", "Hrsg"
    running_on: tuple[str, ...] = ()  # a title's sentence goes on after them: "sp", "cf", "vs"
    in_names: tuple[str, ...] = ()  # before the rest of a name: "Md", "Wm", "Dr", "Prof"
    before_initials: tuple[str, ...] = ()  # a Russian given name's before a patronymic's initial: "Yu"
    notes: tuple[str, ...] = ()  # APA's note after a title opens with, as printed: "Narr.", "ed.", "Series"
    after_apa_title: tuple[str, ...] = ()  # open a field after an APA title's period: "in", "npj", "url"
    after_quotation: tuple[str, ...] = ()  # open a field after a title in quotation marks: "in", "pp", "tech"
    editions: tuple[str, ...] = ()  # an edition's word after its ordinal: "ed", "edn", "edition"
    edition_ordinals: tuple[str, ...] = ()  # an edition's ordinal printed alone: "second", "third"
    edition_abbreviations: tuple[str, ...] = ()  # the editions' abbreviated: "ed", "edn", "Aufl"
    edition_ordinal_endings: tuple[str, ...] = ()  # after an ordinal's figures: "nd" of "2nd", "e" of "3e"
    edition_qualifiers: tuple[str, ...] = ()  # between an ordinal and its word: "rev" of "2nd rev. ed"
    after_italic_venue: tuple[str, ...] = ()  # may follow a venue's italic name: "pp", "chapter", "vol"
    no_date: tuple[str, ...] = ()  # APA's "n.d." in other languages, without blanks: "s.f.", "o.J."
    issue_numbers: tuple[str, ...] = ()  # before an issue's number, any language: "no.", "Nummer", "núm."
    versions: tuple[str, ...] = ()  # a version's word before its number: "version", "ver", "versão"
    versioned: tuple[str, ...] = ()  # what a version's word follows in a note: "package" of "R package"
    page_counts: tuple[str, ...] = ()  # a book's count of pages in parentheses: "p." of "(p. 470)", "s."
    venue_leads: tuple[str, ...] = ()  # open a part's venue after its title: "in", French "dans"

    @property
    def numbers(self) -> tuple[str, ...]:
        """What is printed before a volume, a number or pages: "pp.", "vol.", "no.", "pages"."""
        return (*self.pages, *self.volumes)

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """Every spelling of the three that is abbreviated (ends in a period): "et al.", "pp.", "Proc."."""
        return tuple(
            spelling for spelling in (*self.names, *self.numbers, *self.venues) if spelling.endswith(".")
        )

    @property
    def abbreviated_editors(self) -> tuple[str, ...]:
        """The editors' marks printed abbreviated, without their period: those whose spelling with
        one is among the `names` ("ed", "eds", "trans")."""
        return tuple(mark for mark in self.editors if f"{mark}." in self.names)


@cache
def reference_abbreviations() -> ReferenceAbbreviations:
    """What a reference prints around names, numbers and venues, from
    ``normalizer/data/reference-abbreviations.json``."""
    return _filled(ReferenceAbbreviations, "reference-abbreviations.json")


def bare_words(spellings: Iterable[str]) -> frozenset[str]:
    """The last word of each spelling without its period, as printed: "et al." → "al", "pp." → "pp"."""
    return frozenset(spelling.split()[-1].rstrip(".") for spelling in spellings)


@cache
def reference_cues() -> frozenset[str]:
    """The words that announce a field ("pp", "vol", "in", "(eds"), lower case without their
    period, from ``normalizer/data/reference-cues.json``."""
    return frozenset(_table("reference-cues.json")["cues"])


@cache
def publication_states() -> tuple[str, ...]:
    """What a reference prints for a work not (yet) published ("submitted", "in press",
    "unpublished", "private communication"), lower case, from
    ``normalizer/data/publication-states.json``."""
    return tuple(_table("publication-states.json")["states"])


@cache
def untitled_states() -> tuple[str, ...]:
    """Of the publication states, those an astronomy reference prints in place of a title
    ("submitted", "in press", "in prep"), lower case, from ``normalizer/data/publication-states.json``."""
    return tuple(_table("publication-states.json")["untitled"])


@cache
def publisher_words() -> frozenset[str]:
    """The words of publishers' names ("press", "verlag", "wiley"), lower case, from
    ``normalizer/data/publisher-words.json``."""
    return frozenset(_table("publisher-words.json")["words"])


@dataclass(frozen=True)
class Publishers:
    """How the readers' rules know a publisher's name (``publisher-words.json``), as printed."""

    after_place: tuple[str, ...]  # a publisher's word after its place and colon: "Press", "Wiley"
    firms: tuple[str, ...]  # a firm's word ending its name: "Corporation", "Inc.", "Ltd"
    appended: tuple[str, ...] = ()  # a journal's publisher or host an export appends: "JSTOR"


@cache
def publishers() -> Publishers:
    """The publishers' words the readers' rules read (not the tagger's feature: `publisher_words`),
    from ``normalizer/data/publisher-words.json``."""
    return _filled(Publishers, "publisher-words.json")


@dataclass(frozen=True)
class AuthorListWords:
    """How an author list is told from a title by its words (``author-list-words.json``), lower case."""

    not_names: frozenset[str]  # name no one: "and", "editors", "others"; "al", "eds", "jr"
    body_linking: frozenset[str]  # link the words of a body's name: "of", "for", "the"
    title_only: frozenset[str]  # a title has them, an author list never: "the", "towards", "we"
    and_others: tuple[str, ...] = ()  # an author list's last "and others": "et al", "u. a", "и др"


@cache
def author_list_words() -> AuthorListWords:
    """The words that tell an author list from a title, from ``normalizer/data/author-list-words.json``;
    the words that name no one with the last words of reference-abbreviations.json's ``names``
    ("al" of "et al.", "eds", "jr"), lower case."""
    table = _table("author-list-words.json")
    return AuthorListWords(
        not_names=frozenset(table["not_names"])
        | {word.casefold() for word in bare_words(reference_abbreviations().names)},
        body_linking=frozenset(table["body_linking"]),
        title_only=frozenset(table["title_only"]),
        and_others=tuple(table["and_others"]),
    )


@cache
def organisation_words() -> tuple[str, ...]:
    """The words that make an author an organisation ("Collaboration", "Team", "Inc"), as printed
    (capitalised), from ``normalizer/data/organisation-words.json``."""
    return tuple(_table("organisation-words.json")["words"])


@dataclass(frozen=True)
class Institutions:
    """An institution's own name as printed (``organisation-words.json``), lower case: "University
    of Cambridge", "Rutherford Appleton Laboratory"."""

    words: frozenset[str]  # of the organisation words, an institution's: "university", "institut"
    opening_only: frozenset[str]  # those only before what it is of: "center", "office"
    linking: frozenset[str]  # what joins it to what it is of, without accents: "of", "for", "fur"
    conjunctions: frozenset[str]  # what joins its words: "and", "&", "y"


@cache
def institutions() -> Institutions:
    """An institution's words, from ``normalizer/data/organisation-words.json``: not a group's that
    names works too ("Research", "Society")."""
    table = _table("organisation-words.json")
    return Institutions(
        words=frozenset(word.casefold() for word in table["institutions"]),
        opening_only=frozenset(word.casefold() for word in table["institutions_opening_only"]),
        linking=frozenset(table["institution_linking"]),
        conjunctions=frozenset(table["institution_conjunctions"]),
    )


@dataclass(frozen=True)
class ReportWords:
    """A report's designation as printed without its number, lower case and without periods
    (``kinds-of-work.json``): "Tech. Rep.", "Internal Report No.", "Rapport de recherche"."""

    heads: frozenset[str]  # the words that name a report: "report", "rep", "memorandum", "bericht"
    words: frozenset[str]  # those that may go with them: "technical", "internal", "no", "recherche"


@cache
def report_words() -> ReportWords:
    """A report's designation's words, from ``normalizer/data/kinds-of-work.json``."""
    table = _table("kinds-of-work.json")
    return ReportWords(heads=frozenset(table["report_heads"]), words=frozenset(table["report_words"]))


@cache
def collaboration_words() -> tuple[str, ...]:
    """Of the organisation words, those of a collaboration its members sign for after their names
    ("Collaboration", "Consortium", "Team"), as printed, from ``normalizer/data/organisation-words.json``."""
    return tuple(_table("organisation-words.json")["collaborations"])


@cache
def title_omitted_words() -> frozenset[str]:
    """The words an abbreviation of a journal's or venue's title leaves out ("of", "the", "und",
    "de"), lower case, from ``normalizer/data/title-omitted-words.json``."""
    return frozenset(_table("title-omitted-words.json")["words"])


@cache
def journal_name_words() -> tuple[str, ...]:
    """Of the words a title's abbreviation leaves out, those a physics reference's journal name holds
    in lower case ("in", "of", "für", "de"), as printed, from ``normalizer/data/title-omitted-words.json``."""
    return tuple(_table("title-omitted-words.json")["journal_name_words"])


@dataclass(frozen=True)
class VenueWords:
    """The words of a venue's name that do not say which venue it is (``venue-words.json``), lower case."""

    noise: frozenset[str]  # left out of every venue key: "ieee", "annual", "proceedings", "of"
    not_abbreviated: frozenset[str]  # also left out comparing an abbreviated name: "and", "annu"
    kinds: frozenset[str]  # what kind of venue it is: "conference", "workshop", "transactions"
    meetings: tuple[str, ...] = ()  # make a venue a meeting's proceedings: "proceedings", "congress"
    meeting_abbreviations: tuple[str, ...] = ()  # the same, abbreviated: "proc.", "conf."
    journals: tuple[str, ...] = ()  # make a venue a journal: "journal", "transactions", "letters"
    journal_abbreviations: tuple[str, ...] = ()  # the same, abbreviated: "j.", "trans."
    tracks: tuple[str, ...] = ()  # an ACL Anthology booktitle's track: "long papers", "main volume"
    after_title: tuple[str, ...] = ()  # as printed, a venue after a Harvard title: "Conference", "arXiv"
    satellites: tuple[str, ...] = ()  # an event beside the main one: "workshops", "companion", "findings"


@cache
def venue_words() -> VenueWords:
    """The words of a venue's name that tell no venue apart, from ``normalizer/data/venue-words.json``."""
    return _filled(VenueWords, "venue-words.json")


@dataclass(frozen=True)
class JournalCatalogueWords:
    """The words of a catalogue's full journal title that are not the journal's own title
    (``journal-catalogue-words.json``), lower case; compared ignoring case."""

    series: tuple[str, ...]  # a series split off the title: "series", "ser", "part", "teil"
    new_series: tuple[str, ...]  # the ordinal of a new series before "Série": "nouvelle", "tercera"
    subtitle_openers: tuple[str, ...]  # whole words opening a subtitle: "a", "an", "the", "journal"
    publisher_stems: tuple[str, ...]  # beginnings of a publisher's words: "academ", "instit", "nauk"
    publisher_words: tuple[str, ...]  # whole words of a publisher's name: "věd"
    series_printed: tuple[str, ...] = ()  # a journal's series before its letter, as printed: "Ser.", "Part"


@cache
def journal_catalogue_words() -> JournalCatalogueWords:
    """The words of a catalogue's journal title that are not the journal's, from
    ``normalizer/data/journal-catalogue-words.json``."""
    return _filled(JournalCatalogueWords, "journal-catalogue-words.json")


@dataclass(frozen=True)
class MinorWords:
    """The minor words of English titles (``minor-words.json``), lower case."""

    words: frozenset[str]  # left in lower case by title case: "of", "and", "with", "vs", "than"
    acronym_glue: frozenset[str]  # of them, held by a spelt-out acronym without a letter: "of", "and"
    articles: frozenset[str]  # of them, the articles: "a", "an", "the"


@cache
def minor_words() -> MinorWords:
    """The minor words of English titles, from ``normalizer/data/minor-words.json``."""
    return _filled(MinorWords, "minor-words.json")


@cache
def final_abbreviations() -> frozenset[str]:
    """The abbreviations that may end a title and keep their period ("al.", "inc.", "vs."), lower
    case with their period, from ``normalizer/data/final-abbreviations.json``."""
    return frozenset(_table("final-abbreviations.json")["abbreviations"])


@cache
def reading_list_marks() -> tuple[str, ...]:
    """How reading lists mark a paper's presentation or award beside its title ("oral",
    "spotlight", "best paper candidate"), lower case, from ``normalizer/data/reading-list-marks.json``."""
    return tuple(_table("reading-list-marks.json")["marks"])


@cache
def release_title_words() -> frozenset[str]:
    """The words too common to tie a release's title to a record's ("version", "release", "the"),
    lower case, from ``normalizer/data/release-title-words.json``."""
    return frozenset(_table("release-title-words.json")["words"])


@cache
def babel_languages() -> tuple[str, ...]:
    """The language names a .bib's ``language`` field holds, as babel spells them ("english",
    "ngerman"), lower case, from ``normalizer/data/babel-languages.json``."""
    return tuple(_table("babel-languages.json")["languages"])


@cache
def standard_bodies() -> tuple[str, ...]:
    """The bodies that issue standards ("ISO", "IEEE Std", "W3C", "Internet Engineering Task
    Force"), as printed, from ``normalizer/data/standard-bodies.json``."""
    return tuple(_table("standard-bodies.json")["bodies"])


@cache
def standard_journal_macros() -> frozenset[str]:
    """The journal macros the standard BibTeX styles define ("cacm", "jacm", "tcs"), lower case,
    from ``normalizer/data/bibtex-macros.json``."""
    return frozenset(_table("bibtex-macros.json")["journals"])


@dataclass(frozen=True)
class SearchStopWords:
    """The words a search for a title leaves out (``search-stop-words.json``), lower case."""

    lucene: frozenset[str]  # Lucene's default English stop words, which arXiv's search drops anyway
    titles: frozenset[str]  # too common in titles to select the snapshot's full-text hits: "we", "how"


@cache
def search_stop_words() -> SearchStopWords:
    """The words a search for a title leaves out, from ``normalizer/data/search-stop-words.json``."""
    return _filled(SearchStopWords, "search-stop-words.json")


@dataclass(frozen=True)
class LatinLetters:
    """The Latin letters that folding accents away would lose, spelt in ASCII (``latin-letters.json``)."""

    folded: dict[str, str]  # "ł" → "l", "ß" → "ss", "þ" → "th": letters NFKD does not decompose
    not_in_keys: frozenset[str]  # of `folded`, those citation keys drop as before: "ŋ", "ſ"
    spelt_out: dict[str, str]  # German and Nordic letters without their accent: "ä" → "ae", "å" → "aa"


@cache
def latin_letters() -> LatinLetters:
    """The Latin letters spelt in ASCII, from ``normalizer/data/latin-letters.json``."""
    table = _table("latin-letters.json")
    return LatinLetters(
        folded=dict(table["folded"]),
        not_in_keys=frozenset(table["not_in_keys"]),
        spelt_out=dict(table["spelt_out"]),
    )


@cache
def cyrillic_spellings() -> tuple[tuple[str, str], ...]:
    """The spellings of one Cyrillic letter that name the same letter, each with the one it is
    compared as ("zh" → "z", "shch" → "sc"), in the order they are replaced (the longest first),
    from ``normalizer/data/cyrillic-spellings.json``."""
    return tuple((spelling, same) for spelling, same in _table("cyrillic-spellings.json")["pairs"])


@dataclass(frozen=True)
class WithdrawalWords:
    """The words an arXiv comment names a withdrawn work by (``withdrawal-words.json``), lower case."""

    works: tuple[str, ...]  # "This paper has been withdrawn", "the authors withdraw this manuscript"
    versions: tuple[str, ...]  # "This version has been withdrawn"


@cache
def withdrawal_words() -> WithdrawalWords:
    """The words of an arXiv withdrawal, from ``normalizer/data/withdrawal-words.json``."""
    return _filled(WithdrawalWords, "withdrawal-words.json")


@dataclass(frozen=True)
class LinkHosts:
    """The hosts whose links say what kind of work an entry cites (``link-hosts.json``), lower case;
    one ending in a period is any host under that name ("dataverse."), one with a path that part
    of the site ("huggingface.co/papers")."""

    repositories: tuple[str, ...]  # code hosts whose paths are owner/name: "github.com", "gitlab.com"
    code: tuple[str, ...]  # other places code lives: "sourceforge.net", "pypi.org", "huggingface.co"
    datasets: tuple[str, ...]  # "kaggle.com/datasets", "figshare.com", "dataverse."
    papers: tuple[str, ...]  # "arxiv.org", "openreview.net", "huggingface.co/papers"
    github_sections: tuple[str, ...] = ()  # GitHub's paths that are no owner: "orgs", "topics"
    not_projects: tuple[str, ...] = ()  # an abstract's links to the paper itself: "arxiv.org", "doi.org"
    not_venue_words: tuple[str, ...] = ()  # a venue field's words for where code lives: "repository"
    written_bare: tuple[str, ...] = ()  # of the repositories, linked without a scheme: "github.com"

    @property
    def not_venues(self) -> tuple[str, ...]:
        """The words of a venue field that names where code lives, no venue: each code host's name
        ("github", "gitlab") and the `not_venue_words`."""
        return (*(host.split(".")[0] for host in self.repositories), *self.not_venue_words)


@cache
def link_hosts() -> LinkHosts:
    """The hosts whose links say a work's kind, from ``normalizer/data/link-hosts.json``."""
    table = _table("link-hosts.json")
    return LinkHosts(
        repositories=tuple(table["repositories"]),
        code=tuple(table["code"]),
        datasets=tuple(table["datasets"]),
        papers=tuple(table["papers"]),
        github_sections=tuple(table["github_sections"]),
        not_projects=tuple(table["not_projects"]),
        not_venue_words=tuple(table["not_venues"]),
        written_bare=tuple(table["written_bare"]),
    )
