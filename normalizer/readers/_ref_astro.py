"""References in astronomy's author-year styles, which print no article title: the Monthly
Notices of the RAS (``mnras.bst``), the AAS journals (``aasjournal.bst``: ApJ, AJ, ApJS, PSJ) and
Astronomy & Astrophysics (``aa.bst``).

MNRAS writes each name family first with its initials and no comma between them, the year
after a comma: "Abbott B. P., et al., 2017, Phys. Rev. Lett., 119, 161101", "Kennicutt Jr. R. C.,
Garnett D. R., 1996, ApJ, 456, 504", "Planck Collaboration et al., 2020, A&A, 641, A6". The AAS
journals and A&A put a comma between a family name and its initials, "&" before the last name,
and the year after a space: "Bertin, E., & Arnouts, S. 1996, A&AS, 117, 393, doi: …".

After the year: an article's journal, volume and first page (no title); a proceedings paper's
"in Editors eds, Book title. Publisher, p. 543" or "in BAAS, 780" (no title either); a thesis's
"PhD thesis, School"; a preprint's "preprint, (arXiv:…)" or "arXiv e-prints, p. arXiv:…". Only
a book, a report or a piece of software prints its title there, ended by its publisher's
sentence ("Galactic Dynamics. Princeton Univ. Press"), the AAS's "(Publisher)" or edition, or
where it is published ("…, Zenodo", "…, Astrophysics Source Code Library, record ascl:…").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.months import ANY_SPELLING
from bibnorm.text.names import LATIN_CAPITALS
from bibnorm.text.word_tables import (
    alternation,
    bare_words,
    kinds_of_work,
    name_particles,
    name_suffixes,
    organisation_words,
    publication_states,
    reference_abbreviations,
    untitled_states,
)

_CAPITAL = rf"[{LATIN_CAPITALS}]"
# Initials: "B. P.", "J.-P.", "K.-i." (a Korean given name's second syllable), "Ch.", "J.L.".
_INITIAL = rf"{_CAPITAL}[a-z]?\."
_INITIALS = rf"{_INITIAL}(?:\s?-?(?:{_INITIAL}|[a-z]\.))*"
_PARTICLE = rf"(?:{alternation(name_particles().particles, capitalised=True)}\s)"
# A family name of up to three words ("Cid Fernandes", "Gil de Paz", "Van Den Broeck", "O’Shaughnessy",
# "Romero-Shaw"; a word PDFium split where the font kerned it, "Vand erbei"), its particles before
# it, a suffix after it ("Gallagher III", "Kennicutt Jr.").
_FAMILY = rf"{_PARTICLE}*{_CAPITAL}[\w'’-]*(?:\s[\w'’-]+){{0,2}}"
_SUFFIX = alternation((*name_suffixes().generations, *name_suffixes().numerals))  # name-suffixes.json
# A group writes as its authors: "Planck Collaboration", "The LIGO Scientific Collaboration",
# "Theano Development Team".
_GROUP_END = alternation(organisation_words())  # organisation-words.json
# (A group's name ends at the first of its closing words: "A Collaboration A Collaboration" read as
# one group or as two, every way, took a time exponential in the groups.)
_GROUP = rf"(?:The\s)?(?:(?!{_GROUP_END}\b){_CAPITAL}[\w&-]*\s){{1,4}}{_GROUP_END}"
# "et al."; "Others" where a .bib wrote its "and others" so (MNRAS then prints it as a name)
_ET_AL = r"(?:et\sal\.|Others)"
# A work still to appear prints this where the year goes: "García-Benito, R. in prep., MNRAS".
_IN_PREP = r"in\sprep\."

# MNRAS: "Family I. I." joined by commas; "et al." after a comma or a space; a comma before the
# year (none after "et al." or a group's name: "Lynch R. S., et al. 2013", "Theano Development
# Team 2016").
# A particle abbreviated after the family name: "Zernike v. F.".
_MNRAS_NAME = rf"(?:{_FAMILY}(?:\s{_SUFFIX})?(?:\s[a-z]{{1,3}}\.)?\s{_INITIALS}|{_GROUP})"
_MNRAS = re.compile(
    rf"^(?P<names>{_MNRAS_NAME}(?:,\s{_MNRAS_NAME})*(?:,?\s{_ET_AL})?)"
    rf",?\s(?:(?P<year>{YEARS})[a-z]?|{_IN_PREP}),\s(?P<rest>.+)$"
)
# AAS and A&A: "Family, I. I." joined by commas, "&" before the last; the year after a space.
# The AAS's dash for the names of the reference before: "—. 2017b, ArXiv e-prints".
_DASH = r"(?:[—–]{1,3}|-{2,3})\."
_AAS_NAME = rf"(?:{_FAMILY}(?:,\s{_SUFFIX})?,\s(?:[a-z]{{1,3}}\.\s)?{_INITIALS}|{_GROUP}\.?)"
_AAS = re.compile(
    rf"^(?P<names>{_AAS_NAME}(?:,?\s(?:&\s)?{_AAS_NAME})*(?:,\s{_ET_AL})?|{_DASH})"
    rf"\s(?:(?P<year>{YEARS})[a-z]?|{_IN_PREP}),\s(?P<rest>.+)$"
)
_DASHED = re.compile(_DASH)
# A month, perhaps its day, after the year: an author-year style's date ("Nguyen, T.A. 2023, April.
# Title", "Corporation 2021, June 30. Title"), which the astronomers' styles never print.
_MONTH_AFTER_YEAR = re.compile(rf"{ANY_SPELLING}\.?(?:\s\d{{1,2}})?[.,]\s")
_OTHERS = re.compile(rf",?\s{_ET_AL}$")
_BETWEEN_NAMES = re.compile(r",\s(?:&\s)?|\s&\s")
_SUFFIX_ALONE = re.compile(_SUFFIX)
_INITIALS_ALONE = re.compile(rf"(?:[a-z]{{1,3}}\.\s)?{_INITIALS}")
# One name of either list, to write it as "Family, I.".
_ONE_MNRAS = re.compile(
    rf"^(?P<family>{_FAMILY}(?:\s{_SUFFIX})?)(?P<particle>\s[a-z]{{1,3}}\.)?\s(?P<initials>{_INITIALS})$"
)

# A journal's name (no digit, a few words: "Phys. Rev. Lett.", "A&A", "Progress of Theoretical and
# Experimental Physics"), its volume ("119", "2021") and its first page or article number
# ("161101", "L34", "05A101", "A6", "e123").
_JOURNAL = re.compile(r"^[^\W\d_][^\d,]{0,100}$")  # "ACM Transactions on Graphics (TOG)"
# A .bib's journal string an astronomer's style prints as it is written, lower case ("apj", "mn",
# "aa": a macro name or an abbreviation of their own), before its volume and page.
_BARE_JOURNAL = re.compile(r"[a-z]{2,6}")
_VOLUME = re.compile(r"^[A-Z]?\d{1,5}[A-Za-z]?$")
_PAGE = re.compile(r"^(?:p{1,2}\.\s)?[A-Za-z]{0,2}\d[\w–-]*\.?$")
# What a journal prints instead of its volume before it appears: "MNRAS, submitted", "ApJ, in press".
_UNPUBLISHED = re.compile(rf"^{alternation(publication_states(), any_blank=True)}", re.IGNORECASE)
# Works that print no title after the year: a proceedings paper ("in …"), a thesis (its degree and
# word from normalizer/data/kinds-of-work.json), a preprint.
_DEGREE = kinds_of_work().degree()
_THESIS_KIND = kinds_of_work().thesis_kind()
_UNTITLED = re.compile(
    rf"^(?:in\s|{_THESIS_KIND}"
    r"|Habilitation\b"
    r"|preprint|(?:[Aa]r[Xx]iv\s)?e-?prints?\b|\(?[Aa]r[Xx]iv:|"
    # "submitted", "in press", "in prep" (publication-states.json), a space one blank
    + alternation(untitled_states(), capitalised=True, one_blank=True)
    + ")"
)
_THESIS = re.compile(rf"^{_DEGREE}(?![^\W\d_])")
# A proceedings' editors before its title: "in Shaw R. A., Hill F., eds, Title. Publisher, p. 543".
_EDITORS = re.compile(r"^in\s(?:.*?,\s?eds?\.?,\s)?")
# Where a title printed after the year ends: its publisher's sentence, the AAS's "(Publisher)",
# an edition or volume, a link, or the archive that publishes software.
_TITLE_END = re.compile(
    r"(?<=[^\W\d_]{2})\.\s|(?<=[)\]])\.\s|\s\(|,\s(?:\d+(?:st|nd|rd|th)\sedn?\.|[Vv]ol\.\s|doi:|https?:\s?//"
    r"|Zenodo|Astrophysics Source Code Library|ascl:|[Vv]ersion\s|v\d)"
)


class AstroReference(NamedTuple):
    names: tuple[str, ...]  # one each, "Family, I."; "others" last for "et al."
    authors: str  # the names as printed
    year: int | None  # None for a work "in prep."
    title: str | None  # a book's, a report's or software's: articles print none
    venue: str | None  # the journal, proceedings or thesis kind


@lru_cache(maxsize=4096)  # the reference reader asks for a reference's year and its names apart
def astro_reference(text: str, doi_last: bool = False) -> AstroReference | None:
    """What an MNRAS, AAS or A&A reference prints (``text`` without its DOI and arXiv id), or
    None when ``text`` is not set in one of those styles. ``doi_last``: the reference ended with
    its DOI, where an article without volume and pages prints it (`_after_year`)."""
    for pattern, inverted in ((_MNRAS, False), (_AAS, True)):
        match = pattern.match(text)
        if match is not None:
            rest = match.group("rest").strip()
            year = int(match.group("year")) if match.group("year") else None
            if year and _MONTH_AFTER_YEAR.match(rest):
                return None
            # the year again at the end is no page (flux's "Haralambous Y., 1992, Typesetting …, 1992.")
            if year and rest.rstrip(" .").endswith(f", {year}"):
                rest = rest.rstrip(" .")[: -len(f", {year}")]
            # a work in preparation names only the journal it is meant for
            title, venue = _after_year(rest, doi_last) if year else (None, rest.strip(" ."))
            names = "" if _DASHED.fullmatch(match.group("names")) else match.group("names")
            return AstroReference(_person_names(names, inverted), names, year, title, venue)
    return None


def _after_year(rest: str, doi_last: bool = False) -> tuple[str | None, str | None]:
    """Title and venue of what follows the year: a journal, a proceedings, a thesis or a preprint
    (no title), else a book's or software's title. Where the DOI ended the reference
    (``doi_last``), one name alone before it is a journal's, the volume and pages not yet
    given ("… et al. 2023, The Lancet Microbe, 10.1016/S2666-…"): no comma, nothing that ends a
    book's or software's title (`_TITLE_END`: "(Springer)", "…, v1.2, Zenodo, doi: …")."""
    journal = _journal_first(rest)
    if journal is not None:
        return None, journal
    if doi_last:
        alone = _DOI_LEFT.sub("", rest).strip(" .,")
        if alone[:1].isupper() and "," not in alone and _TITLE_END.search(alone) is None:
            return None, alone
    in_series = _IN_SERIES.match(rest)
    if in_series:  # the AAS's book or chapter in a series: "Series, Vol. 9907, Title, 990712"
        return _TITLE_END.split(in_series.group("title"), maxsplit=1)[0].strip(" .,") or None, None
    if _UNTITLED.match(rest):
        return None, _untitled_venue(rest)
    title = _TITLE_END.split(rest, maxsplit=1)[0].strip(" .,")
    return (title or None), None


def _journal_first(rest: str) -> str | None:
    """The journal ``rest`` (what follows the year) opens with, when its volume, pages or a note
    that it is unpublished follow it ("MNRAS, submitted"), or when it is all of ``rest`` and a
    journal the table of venues knows ("ACM Transactions on Graphics"); else None."""
    pieces = [piece.strip() for piece in rest.split(", ")]
    # its name holds commas at most twice ("Journal of Astronomical Telescopes, Instruments, and
    # Systems, 5, 035003")
    for end in range(1, min(len(pieces), 4)):
        journal = ", ".join(pieces[:end])
        if not (
            _JOURNAL.match(pieces[end - 1]) and (journal[0].isupper() or _BARE_JOURNAL.fullmatch(journal))
        ):
            break
        after = pieces[end:]
        if _VOLUME.match(after[0]) and (
            len(after) == 1 or _PAGE.match(after[1]) or _UNPUBLISHED.match(after[1])
        ):
            return journal
        if end == 1 and (_UNPUBLISHED.match(after[0]) or _PAGE.match(after[0])):
            return journal
    if len(pieces) == 1 and _known_journal(rest.strip(" .")):
        return rest.strip(" .")
    return None


def _untitled_venue(rest: str) -> str | None:
    """The venue of a work whose style prints no title: a thesis's kind and school, a
    proceedings' title after "in"; None for a preprint."""
    if _THESIS.match(rest):
        return rest.rstrip(" .")
    if rest.startswith("in "):
        return _booktitle(rest)
    return None


# The abbreviations a proceedings' title holds ("Proc. SPIE", "Vol. 376", "Astron. Soc. Pac. Conf.
# Ser."): their periods end no sentence; the one after the title does ("… Systems XVI. p. 543").
_ABBREVIATIONS = frozenset(
    word.casefold() for word in bare_words(reference_abbreviations().abbreviations)
)  # normalizer/data/reference-abbreviations.json
_WORD_END = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})\.\s")  # a word from its first letter
_DOI_LEFT = re.compile(r"(?:,|(?<![\s,]))\s*+doi:?\s*+$")  # what is left of "doi: 10.…" once the DOI is read
_PAGES = re.compile(r"(?:[.,]\s|\s)(?:pp?\.?\s?)?[A-Z]?\d[\d–-]*[A-Z]?\.?$")


# The AAS sets a book (or a chapter of one) in a series as "Series, Vol. N, Title": the title
# after the volume, up to its pages, its publisher in parentheses or its end.
_IN_SERIES = re.compile(
    r"^(?!in\s)[^,()]++(?:\([^()]*+\)[^,()]*+)?,\s[Vv]ol\.\s?[\w-]+,\s"
    r"(?P<title>[^\d(][^()]*?)(?:,\s(?:pp?\.\s)?[A-Za-z]{0,2}\d[\w–-]*|\s\(|\.?$)"
)


def _known_journal(name: str) -> bool:
    """Whether ``name`` is a journal bibnorm's table of venues knows."""
    from bibnorm.text.venues import VenueKind, find_venue  # local: venues is a large table

    known = find_venue(name)
    return known is not None and known.kind is VenueKind.JOURNAL


def _booktitle(rest: str) -> str | None:
    """The proceedings' title of "in Editors eds, Title. Publisher, p. 543" (MNRAS) or "in Title,
    780" (AAS): without its editors, its publisher's sentence and its pages."""
    title = _DOI_LEFT.sub("", _EDITORS.sub("", rest))
    end = next((m for m in _WORD_END.finditer(title) if m.group(1).casefold() not in _ABBREVIATIONS), None)
    title = title[: end.end(1)] if end else title
    return _PAGES.sub("", title).strip(" .,") or None


def _person_names(names: str, inverted: bool) -> tuple[str, ...]:
    """Each name of the list as "Family, I." ("others" last for "et al."): MNRAS writes "Abbott B.
    P.", the AAS "Abbott, B. P.", both joined by commas."""
    others = _OTHERS.search(names)
    text = names[: others.start()] if others else names
    pieces = [piece.strip() for piece in _BETWEEN_NAMES.split(text) if piece.strip()]
    people: list[str] = []
    if inverted:
        at = 0
        while at < len(pieces):
            if at + 1 < len(pieces) and _SUFFIX_ALONE.fullmatch(pieces[at + 1]) and at + 2 < len(pieces):
                people.append(f"{pieces[at]}, {pieces[at + 1]}, {pieces[at + 2]}")  # "Kennicutt, Jr., R. C."
                at += 3
            elif at + 1 < len(pieces) and _INITIALS_ALONE.fullmatch(pieces[at + 1]):
                people.append(f"{pieces[at]}, {pieces[at + 1]}")
                at += 2
            else:  # a group ("Theano Development Team." the AAS closes with a period)
                people.append(pieces[at].rstrip("."))
                at += 1
    else:
        for piece in pieces:
            one = _ONE_MNRAS.match(piece)
            people.append(
                f"{one.group('family')}, {one.group('initials')}{one.group('particle') or ''}"
                if one
                else piece
            )
    return (*people, "others") if others else tuple(people)
