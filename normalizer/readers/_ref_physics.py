"""References set in the physics styles (APS's REVTeX, AIP, biblatex-phys, Science): names, then
the title, the journal with its volume, a page and the year, all joined by commas — "M. Tegmark,
Removing real-world foregrounds from cosmic microwave background maps, Astrophys. J. 502, 1
(1998)" — or no title at all where the style prints none (Physical Review Letters, REVTeX's
``nolongbibliography``, biblatex-phys with ``articletitle=false``): "A. B. Author, C. Author, and
D. Author, Phys. Rev. Lett. 97, 123456 (2006)". No title is read then, nor for an e-print, a
thesis, a chapter "in" its book or a work unpublished: neither the journal nor a piece of it is
one. Books end their title at "(Publisher, Place, Year)"; a work dated after its title, at its
year.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bibnorm.readers._ref_dates import YEAR, YEARS
from bibnorm.readers._ref_ids import OLD_STYLE_ID
from bibnorm.text.names import INITIAL, LATIN_CAPITALS, PARTICLES_BEFORE
from bibnorm.text.word_tables import (
    alternation,
    babel_languages,
    collaboration_words,
    journal_catalogue_words,
    journal_name_words,
    kinds_of_work,
    name_list_conjunctions,
    name_particles,
    name_suffixes,
    publication_states,
)

# The journal ends at its volume ("Astrophys. J. 502", "Phys. Rev. D 104", "Physical Review X 9",
# "Classical and Quantum Gravity 32"); a title with a number in it ("Planck 2018 results")
# goes on after the number, a journal does not.
# A journal may name its place before the volume: "Ann. Phys. (N.Y.) 98", "Nature (London) 574".
# Its words: capitalised, abbreviated or in capitals, a part after a colon ("Journal of Physics C:
# Solid State Physics 6", "IEEE Transactions on Information Theory 46", "EPL (Europhysics
# Letters) 55", "Journal de Physique I 5").
_PLACE = r"(?:\s\((?:[A-Z][a-z]+|N\.\s?Y\.)\))?"
_JOURNAL_WORD = (  # its words in lower case: "in", "für", "de" (title-omitted-words.json)
    rf"(?:[A-Z][A-Za-z'’&-]*[.:]?|{alternation(journal_name_words())}|\([A-Z][^()\d]*\))"
)
# Each word, with the place after it, is read one way (a place in parentheses is also a journal
# word: read both ways, "A (Aa) (Aa) …" before no volume took a time exponential in its words).
_JOURNAL_NAME = rf"[A-Z][A-Za-z'’&-]*[.:]?{_PLACE}(?:(?>\s{_JOURNAL_WORD}{_PLACE}))*"
_JOURNAL_VOLUME = re.compile(
    rf"^{_JOURNAL_NAME}\s[A-Z]?\d{{1,5}}$"
    r"|^ibid\.\s[A-Z]?\d{1,5}$"  # the journal of the work before it: "…; C. D., ibid. 11, 395 (1975)"
)
_ABBREVIATIONS = re.compile(r"^(?:[A-Z][a-z]*\.\s?)+$")  # "Angew. Chem."
# A journal's series and volume after a comma: "Ser. B 777", "Series A 24" (the series as printed of
# journal-catalogue-words.json).
_SERIES_WORD = alternation(journal_catalogue_words().series_printed)
_SERIES = re.compile(rf"^{_SERIES_WORD}\s[A-Z]{{1,2}}\s[A-Z]?\d{{1,5}}$")


def _series_after(pieces: list[str], at: int) -> bool:
    """Whether the piece after ``pieces[at]`` is a journal's series and volume ("Ser. B 777")."""
    return at + 1 < len(pieces) and bool(_SERIES.match(pieces[at + 1]))


# The first page or article number, then the year: "2615 (2022)", "L34 (2022)", "074001 (2015)",
# "A6 (2020)", "e1003537 (2014)", "msae073 (2024)"; the year may come later, after more pages
# ("223–386 (2002)").
_PAGE = r"(?:[A-Za-z]{1,4})?\d[\w–-]*"
_PAGE_YEAR = re.compile(rf"^{_PAGE}(?:\s\({YEARS}\))?")


def journal_follows_names(pieces: list[str]) -> bool:
    """Whether ``pieces`` (the comma-separated parts after the names) open with a journal and
    its volume and then a page: no title was printed between the names and the journal. A
    journal's name may hold a comma after an abbreviation ("Angew. Chem., Int. Ed. Engl. 20")
    or before its series ("Philos. Trans. R. Soc. London, Ser. B 777")."""
    volume = 1 if pieces and (_ABBREVIATIONS.match(pieces[0]) or _series_after(pieces, 0)) else 0
    return len(pieces) > volume + 1 and bool(
        _JOURNAL_VOLUME.match(pieces[volume]) and _PAGE_YEAR.match(pieces[volume + 1])
    )


# A book as AIP, APS and Science set it: the title, then publisher, place (edition) and year in
# parentheses — "Purification of Laboratory Chemicals (Butterworth–Heinemann, London, ed. 5,
# 2003)". A parenthesis with no comma or no letter before its year ("(2000)", "(WMAP)") is none.
# (Its first letter, then a comma after it: read once, not from each letter again.)
_BOOK = re.compile(rf"^(?P<title>[^()]+?)\s\((?P<publisher>(?=(?>[^()]*?[^\W\d_])[^()]*?,)[^()]*{YEARS})\)")


# What AIP sets between a book's title and its publisher: "…, 5th ed., Vol. A (Kluwer, …)".
# (to the text's very end, "(?s:.*)": a "." stopped at a line break is tried again from each ", Vol. ")
_EDITION_OR_VOLUME = re.compile(r",\s(?:\d+(?:st|nd|rd|th)\sed\.|Vol\.\s)(?s:.*)$")


# An online work as Science sets it: "Title (2008; http://…)" (the link taken out before this).
_ONLINE = re.compile(rf"^(?P<title>[^()]+?)\s\({YEARS};")


def book_title(rest: str) -> str | None:
    """The title of a book set as "Title (Publisher, Place, Year)" or of an online work set as
    "Title (Year; URL)" (``rest``: what follows the names), or None."""
    book = _BOOK.match(rest)
    match = book or _ONLINE.match(rest)
    title = _EDITION_OR_VOLUME.sub("", match.group("title")) if match else ""
    # a publisher and a year after it make one word a book's title: "D. Graeber, Debt (Penguin UK, 2012)."
    return title if len(title.split()) >= 2 or (book and _ONE_WORD_TITLE.match(title)) else None


# One word as a whole title ("Debt", "Gravity", "Charms"): a word, no work's kind and no journal.
_ONE_WORD_TITLE = re.compile(r"^[^\W\d_][\w'’+-]*[^\W_]$")
_KINDS_OF_WORK = kinds_of_work().words  # normalizer/data/kinds-of-work.json


def _is_journal(name: str) -> bool:
    """Whether ``name`` is a journal's name in the journal list (imported on the first look-up:
    a run that meets no physics reference does not load it)."""
    from bibnorm.text.journals import is_listed as listed

    return listed(name)


def _one_word_title(title: str) -> bool:
    """Whether ``title``, one word, is a title: no kind of work ("Preprint") and no journal's name."""
    word = bool(_ONE_WORD_TITLE.match(title))
    return word and title.casefold() not in _KINDS_OF_WORK and not _is_journal(title)


# A work set with its year alone in parentheses after its title (a manuscript, a report, a web
# page; a note may follow): "A. Dembo and A. Montanari, Graphical models, Bethe states and all
# that (2008), unpublished manuscript."
# What follows is a note, a page or nothing — not an author-year style's title sentence ("S. Kobayshi
# et al. (2002). Electronic watermarking …"); the title holds no journal's volume and page.
_DATED = re.compile(rf"^(?P<title>[^()]+?)\s\({YEARS}[a-z]?\)(?=[.,;]?\s*$|,\s|\s(?:pp?\.|Chap\.)\s)")
_NO_DATED_TITLE = re.compile(r"\bet al\.?$|,\s[A-Z]?\d[\d–-]*$")


def _dated_title(rest: str) -> str | None:
    """The title of a work set as "Title (Year)" (``rest``: what follows the names), or None."""
    match = _DATED.match(rest)
    title = match.group("title") if match else ""
    words = len(title.split())
    return title if (words >= 2 or _one_word_title(title)) and not _NO_DATED_TITLE.search(title) else None


_VOLUME = re.compile(r"^\d{1,5}$")
_PAGE_THEN_YEAR = re.compile(rf"^{_PAGE}\s\({YEARS}\)")
_LOOSE_JOURNAL_VOLUME = re.compile(r"^[A-Z][^\d,()]*\s[A-Z]?\d{1,5}$")  # "Nature genetics 47"


def volume_then_page(pieces: list[str]) -> bool:
    """Whether ``pieces`` open with a volume alone and then a page and the year ("241", "27 (2019)"):
    the place of a journal whose name the .bib left empty (an undefined journal macro)."""
    return len(pieces) >= 2 and bool(_VOLUME.match(pieces[0]) and _PAGE_THEN_YEAR.match(pieces[1]))


# An edited book as Nature sets it, the title first and its editors after it in parentheses:
# "N-Heterocyclic Carbenes in Transition Metal Catalysis (ed Glorius, F.) (Springer, Berlin,
# 2007)", "International Tables for Crystallography 5th ed. (ed Hahn, T.) (Kluwer, …)". A title
# holds no inverted name ("Henry, P. M. in Handbook … (ed Negishi, E.-I.)" is a chapter by Henry).
_EDITED_BOOK = re.compile(
    r"^(?P<title>(?:(?!,\s[A-Z]\.)[^()])+?)(?:\s\d+(?:st|nd|rd|th)\sed\.)?\s\(eds?\s(?P<editors>[^()]+)\)"
)


def edited_book(text: str) -> tuple[str, str] | None:
    """Title and editors of a book set as "Title (ed Family, I.) …" (Nature), or None; a volume
    of a multi-volume work, "International Tables for Crystallography. C: Mathematical, Physical
    and Chemical Tables 3rd ed. (eds Wilson, …)", by its own title."""
    match = _EDITED_BOOK.match(text)
    if match is None or len(match.group("title").split()) < 2:
        return None
    volume = _VOLUME_OF.match(match.group("title"))
    return (volume.group(1) if volume else match.group("title")), match.group("editors")


_VOLUME_OF = re.compile(r"^[^.]+\.\s(?:[A-Z]|[IVX]+|\d{1,2}):\s(\S.*)$")  # "Work. C: Volume's title"


# APS/AIP (REVTeX, biblatex-phys): "M. Tegmark, Removing real-world foregrounds from cosmic
# microwave background maps, Astrophys. J. 502, 1 (1998)" — names, the title, the journal with
# its volume, all joined by commas, no quotes and no sentence ends. Initials may be accented
# ("É. É. Flanagan"); a .bib's quirks print as they are: "Dzyaloshinski I.E." (inverted),
# "a. o. Agathos", "and others" (a literal "others"); a Russian initial has two letters ("Yu.").
_CAPITAL = LATIN_CAPITALS
# A thesis's degree and kind (normalizer/data/kinds-of-work.json): "Ph.D. thesis", "Master's project".
_THESIS_KIND = rf"{kinds_of_work().thesis_kind()}\b"
# Between a family name's words also the words that join two of them ("Ortega y Gasset").
_JOINING = rf"(?:{alternation(name_particles().particles | name_particles().family_joiners)}\s)*"
_SUFFIX = alternation((*name_suffixes().generations, *name_suffixes().numerals))  # "Jr.", "III"
_PHYSICS_NAME = re.compile(
    rf"^(?:and\s+)?(?:(?:(?:[{_CAPITAL}][a-z]?|[a-z])\.\s?(?:-\s?[{_CAPITAL}]\.\s?)?){{1,4}}\s?"
    rf"{PARTICLES_BEFORE}[{_CAPITAL}][\w'’-]+"
    rf"(?:\s{_JOINING}[{_CAPITAL}][\w'’-]+){{0,2}}"  # "Del Pozzo", "Van Den Broeck", "Fernandez de la Vega"
    rf"(?:\s{_SUFFIX})?(?:\s(?:et al\.))?"
    rf"|[{_CAPITAL}][\w'’-]+\s(?:[{_CAPITAL}]\.\s?){{1,3}}"  # "Dzyaloshinski I.E."
    # (a collaboration also in lower case, "The ATLAS collaboration, ATLAS magnet system: …"; and
    # "T. Hahn, ed., Title")
    r"|(?:[A-Z][\w-]+\s){1,4}[Cc]ollaboration(?:\set al\.)?|et al\.|others|[Ee]ds?\.)$"
    r"|^Anon(?:\.|ymous)?$"  # BibTeX's word for no known author: "Anon, Mathematics 4c (2012)."
    rf"|^{_SUFFIX}$"  # after a comma: "G. D. Forney, Jr. and A. Montanari"
)
# The collaboration the names sign for: "B. P. Abbott et al. (LIGO Scientific Collaboration and
# Virgo Collaboration)", "… and P. K. Yeung (International Collaboration for Turbulence Research)".
_COLLABORATION_AFTER = re.compile(rf"\s\([^()]*\b{alternation(collaboration_words())}\b[^()]*\)$")
# A family name alone ("…, R. X. Adhikari, Adkins, and others"): a name only before another.
_FAMILY_ALONE = re.compile(rf"^[{_CAPITAL}][\w'’-]+$")


def _is_name_piece(piece: str) -> bool:
    """Whether ``piece`` (one comma-separated part) is a name, or names joined by "and"."""
    piece = _COLLABORATION_AFTER.sub("", piece)
    # "C. J. Halboth and W. Metzner": two authors, no comma between them ("S. Konyagin i D.
    # Kutzarova": a word that also joins family names joins two names before an initial)
    return all(_PHYSICS_NAME.match(name) for name in _NAMES_JOINED.split(piece))


_NAMES_JOINED = re.compile(
    rf" and |\s{alternation(name_particles().family_joiners)}\s(?=[{_CAPITAL}][a-z]?\.)"
)


def _names(pieces: list[str]) -> int:
    """How many of ``pieces`` (a reference's comma-separated parts) are its names."""
    names = 0
    while names < len(pieces):
        # A lone family name never counts first, so it counts after a name when the piece after it
        # is a name itself (asking that, not how many names follow it, keeps this linear).
        if _is_name_piece(pieces[names]) or (
            _FAMILY_ALONE.match(_COLLABORATION_AFTER.sub("", pieces[names]))
            and names
            and names + 1 < len(pieces)
            and _is_name_piece(pieces[names + 1])
        ):
            names += 1
        else:
            break
    return names


# The journal and its volume ("Astrophys. J. 502", "Phys. Rev. B 93", "Advances in Physics 62",
# "Zeitschrift für Physik B Condensed Matter 103"), or what else ends a title. Words go on after
# a number in a title ("Planck 2018 results"), not after a volume.
_JOURNAL_AND_VOLUME = re.compile(rf"^{_JOURNAL_NAME}\s[A-Z]?\d+(?:,|$|\s(?=[(\d]))")
_PHYSICS_JOURNAL = re.compile(
    rf"{_JOURNAL_AND_VOLUME.pattern}"
    r"|^(?:[Aa]r[Xx]iv|doi|in (?=[A-Z\d])|edited by)"  # "arXiv:…", "ArXiv e-prints (2017)", "in Proceedings"
    # a thesis' title ends where its kind is named: "…, PhD dissertation, Fanstord University",
    # "…, Phd thesis, Otto-von-Guericke-Universität" (REVTeX lowercases a .bib's type after its first letter)
    rf"|^(?i:{_THESIS_KIND})"
    rf"|^\({YEARS}\)\s"  # an online work's year, then its URL: "Title, (2003) http…"
)


# What APS and AIP print right after the names of a work that has no title printed: an e-print
# ("S. Naess et al., arXiv e-prints (2025), arXiv:2503.14451", "F. Author, hep-th/0106109"), a
# thesis ("Ph.D. thesis, University of Tokyo, 2010"), or a work not (yet) published.
_NOT_PUBLISHED = alternation(publication_states(), any_blank=True)  # "in press" (publication-states.json)
_UNTITLED = re.compile(
    rf"^(?:[Aa]r[Xx]iv\b|{OLD_STYLE_ID}\b|e-?print\b|{_THESIS_KIND}"
    rf"|(?:{kinds_of_work().thesis_word}|{_NOT_PUBLISHED})\b)",
    re.IGNORECASE,
)
# A chapter whose own title the style does not print: "E. Beutler, in Williams Hematology, Vol. 2, …".
_IN_BOOK = re.compile(r"^in\s[A-Z]")
_YEAR_ALONE = re.compile(rf"\({YEARS}[a-z]?\)")  # "E. Witten, (2001), hep-th/0106109."
# "A. B. Author and C. D. Other (unpublished)": the note in parentheses, as if after a comma.
_UNTITLED_AFTER_NAMES = re.compile(
    rf",?\s\(({_NOT_PUBLISHED}[^()]*)\)",
    re.IGNORECASE,
)


# Names in a sentence of their own after the last comma: natbib's "G. David Forney Jr., and Andrea
# Montanari. Title", no APS list; with an initial ("…, A. Torralba, and S. Fidler. Skip-thought
# vectors. In C. Cortes, …, editors, …") whatever journal follows, where no year opens the sentence
# after it (ACM's "…, and Y. Jin. 2017. Title [educational forum]. Journal"); the family name after
# its particles ("…, and J. C. van de Pol. Multi-core reachability …").
_NAME_THEN_SENTENCE = re.compile(rf"^and\s[A-Z][a-z]+(?:\s[A-Z]\.)*\s{PARTICLES_BEFORE}[A-Z][\w'’-]+\.\s")
_INITIAL_THEN_SENTENCE = re.compile(
    rf"^and\s[A-Z]\.(?:\s[A-Z]\.)*\s{PARTICLES_BEFORE}[A-Z][\w'’-]+\.\s(?!\d)"
)


def _journal_after_title(pieces: list[str], at: int, unnumbered: Collection[int] = ()) -> bool:
    """Whether ``pieces[at]`` is a journal named in words of any case, then its volume, by the
    page and the year after it ("Nature genetics 47, 555 (2015)", "Revista del Museo Argentino
    de Ciencias Naturales nueva serie 9, 15 (2007)"); or a journal whose volume the .bib left
    empty, REVTeX's space before the comma (``unnumbered``: "The American Naturalist , 1 (1985)")."""
    named = _LOOSE_JOURNAL_VOLUME.match(pieces[at]) or (at in unnumbered and pieces[at][:1].isalpha())
    return at + 1 < len(pieces) and bool(named) and bool(_PAGE_THEN_YEAR.match(pieces[at + 1]))


_INITIALS_THEN_WORD = re.compile(r"^(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][a-z]+\s")  # "K. Review", not "J. Chem."


# REVTeX 4.2 prints a .bib's ``language`` field run into the title: "englishThe Rites of Passage".
_LANGUAGE = re.compile(rf"^{alternation(babel_languages())}(?=[A-Z])")  # babel-languages.json


def physics_title(text: str) -> tuple[str | None, str] | None:
    """Title (as printed, for the caller to clean) and authors of an APS-style reference, or
    ``None`` when it is not one."""
    split = _UNTITLED_AFTER_NAMES.sub(r", \1", text).split(", ")
    pieces = [piece.strip() for piece in split]
    names = _names(pieces)
    # no APS list: a family name, then the initials of an inverted name and a title (Nature: "St.
    # John, K. Review Paper: … Systematic Biology 66, e83–e94 (2016)")
    if names == 0 or names >= len(pieces) or _INITIALS_THEN_WORD.match(pieces[names]):
        return None
    authors = ", ".join(pieces[:names])
    if _untitled_work(pieces, names):
        return None, authors
    if _INITIAL_THEN_SENTENCE.match(pieces[names]):  # before a listed journal: the editors' "In C. Cortes, …"
        return None
    listed = _listed_journal(pieces, names)
    if listed == names:  # "J. M. Brown and R. C. Thomson, Annual Review of Ecology, Evolution, and …"
        return None, authors
    unnumbered = _spaced_before_comma(split)
    if listed is not None:
        title = _whole_title(pieces[names:listed], one_word=True)
    elif names == len(pieces) - 1:  # one piece after the names: "M. Treanor, Investigating meaning (2012)."
        title = _dated_title(pieces[names]) or book_title(pieces[names])  # or "Title (2008; http://…)"
    elif _journal_after_names(pieces, names, unnumbered):
        return None, authors  # a style that prints no title (PRL, Science)
    elif _NAME_THEN_SENTENCE.match(pieces[names]):  # "G. David Forney Jr., and Andrea Montanari. Title"
        return None  # names in a sentence of their own: natbib's, no APS list
    else:
        title = _title_before_journal(pieces, names, unnumbered)
    return (title, authors) if title else None


def names_then_title(sentence: str) -> tuple[str, str] | None:
    """The title and the names of a sentence that holds both, joined by a comma, as amsplain-like
    styles print them before the publisher's sentence ("R. Haag, Local Quantum Physics: Fields,
    Particles, Algebras. Springer, 2 ed., 1992."); None where the sentence is names alone, or
    holds no name with its initials first."""
    pieces = [piece.strip() for piece in sentence.split(", ")]
    names = _names(pieces)
    if names == 0 or names == len(pieces) or not _INITIALS_FIRST.match(pieces[0]):
        return None
    title = ", ".join(pieces[names:])
    after = pieces[names]
    if len(title.split()) < 2 or _NO_TITLE_OPENING.match(title) or _AN_INITIAL.search(after):
        return None
    if _INITIALS_UNDOTTED.fullmatch(after):  # "C. Duan YW, Chowdhury S, Lee MC, …": Vancouver's names
        return None
    return None if YEAR.search(title) else (title, ", ".join(pieces[:names]))


# What is no title after a comma after names: the editors' word ("…, editors", "édit."), the word
# that joins the last name ("G. David Forney Jr., and Andrea Montanari. Title"), a piece holding an
# initial (more names the name pattern did not take: "V. G. Ganzha, E. W. Mayr and …", "P.J.
# Blanco, J. L., Feijóo, R.", "…, et K. A. Hargreaves") or a name and its initials without
# periods, a sentence holding a year (a whole reference of one sentence: siam's "Names, Title,
# Journal, 51 (2018), pp.", read by the other rules). The names are given first, initials first
# ("Xue N., Wu T., Xia G.-S., Zhang L. Title" is a list of inverted names the sentence's end does
# not show).
_INITIALS_FIRST = re.compile(r"(?:[A-Z][a-z]?\.\s?-?)+\s?[A-Z]")
_NO_TITLE_OPENING = re.compile(
    rf"(?i:eds?\.?|editors?|[ée]dit\.?|hrsg\.?|dir\.?)(?:\s|$)|(?:{alternation(name_list_conjunctions())}|&)\s"
)
_AN_INITIAL = re.compile(rf"(?<![^\W\d_]){INITIAL}(?:\s|-|$)")
_INITIALS_UNDOTTED = re.compile(rf"(?<![\w'’-])[{_CAPITAL}][\w'’-]+\s[{_CAPITAL}]{{1,3}}")


def _spaced_before_comma(pieces: list[str]) -> set[int]:
    """The pieces REVTeX printed a space after, before their comma: a journal whose volume the .bib
    left empty ("The American Naturalist , 1 (1985)")."""
    return {at for at, piece in enumerate(pieces) if piece.endswith(" ")}


def _untitled_work(pieces: list[str], names: int) -> bool:
    """Whether what follows the ``names`` pieces is a work printed with no title: an e-print, a
    thesis, a chapter "in" its book, a work unpublished, or nothing but a year ("…, Ph.D. thesis,
    MIT, 2010.", "F. Author, arXiv:1712.01815." — the caller took the id out)."""
    rest = _YEAR_ALONE.sub("", ", ".join(pieces[names:]))
    return bool(_UNTITLED.match(pieces[names]) or _IN_BOOK.match(pieces[names])) or not rest.strip(" .,;")


def _journal_after_names(pieces: list[str], names: int, unnumbered: Collection[int]) -> bool:
    """Whether a journal and its volume, a volume alone or a journal named in words of any case
    follow the names, no title between them."""
    after = pieces[names:]
    return (
        journal_follows_names(after)
        or volume_then_page(after)
        or _journal_after_title(pieces, names, unnumbered)
    )


def _title_before_journal(pieces: list[str], names: int, unnumbered: Collection[int]) -> str | None:
    """The title after the ``names`` pieces, up to the journal or what else ends it (`_PHYSICS_JOURNAL`):
    its name and volume, its series, an e-print, a thesis's kind; with none, a book's "Title
    (Publisher, Place, Year)" or a work's "Title (Year)". None where no whole title is read."""
    quoted = pieces[names].startswith(("“", '"'))  # a quoted title is not APS's
    for at in range(names, len(pieces)):
        if _PHYSICS_JOURNAL.match(pieces[at]) or volume_then_page(pieces[at:]) or _series_after(pieces, at):
            named = bool(_JOURNAL_AND_VOLUME.match(pieces[at]))  # not an e-print, a book, …
            return None if quoted else _whole_title(pieces[names:at], one_word=named)
        if at > names and _journal_after_title(pieces, at, unnumbered):
            return None if quoted else _whole_title(pieces[names:at], one_word=True)
    rest = ", ".join(pieces[names:])
    book = book_title(rest) or _dated_title(rest)
    return _LANGUAGE.sub("", book) if book else None


def _whole_title(pieces: list[str], *, one_word: bool) -> str | None:
    """The title ``pieces`` make, REVTeX's language taken off, where it is whole: two words, or
    with ``one_word`` (a journal's name and volume after it) one that is a title ("Advanced LIGO";
    "Charms, Applied Artificial Intelligence 26, 306 (2012)")."""
    title = _LANGUAGE.sub("", ", ".join(pieces))
    return title if len(title.split()) >= 2 or (one_word and _one_word_title(title)) else None


# A journal's name, then its volume ("Systematics 49", before "95 (2018)") or, where the style
# printed the DOI in the volume's place (REVTeX, for an article without volume) and the caller
# took it out, the year alone ("Molecular Biology and Evolution (2019).").
_NAME_THEN_VOLUME = re.compile(r"^(?P<name>[^\d,()]+?)\s[A-Z]?\d{1,5}$")
_NAME_THEN_YEAR = re.compile(rf"^(?P<name>[^\d,()]+?)\s\({YEARS}\)\.?$")


def _listed_journal(pieces: list[str], names: int) -> int | None:
    """The piece where a journal of the journal list begins, where the other rules do not see it: a
    name with commas of its own ("Annual Review of Ecology, Evolution, and Systematics 49, 95
    (2018)", "Combinatorics, Probability and Computing 12") or one followed by its year alone
    ("Ecology Letters (2013)."); None where no listed journal ends the reference so."""
    for at in range(names, len(pieces)):
        volume = _NAME_THEN_VOLUME.match(pieces[at])
        if volume and at + 1 < len(pieces) and _PAGE_THEN_YEAR.match(pieces[at + 1]):
            name, starts = volume.group("name"), range(names, at)  # alone, the other rules see it
        elif (year := _NAME_THEN_YEAR.match(pieces[at])) and at == len(pieces) - 1:
            name, starts = year.group("name"), range(names, at + 1)
        else:
            continue
        for start in starts:
            if _is_journal(", ".join([*pieces[start:at], name])):
                return start
    return None
