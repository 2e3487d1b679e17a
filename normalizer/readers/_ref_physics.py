"""References set in a physics style that prints no article title (Physical Review Letters,
REVTeX's ``nolongbibliography``, biblatex-phys with ``articletitle=false``): the names, then
at once the journal, its volume, the first page and the year — "A. B. Author, C. Author, and
D. Author, Phys. Rev. Lett. 97, 123456 (2006)".
"""

from __future__ import annotations

import re

# The journal ends at its volume ("Astrophys. J. 502", "Phys. Rev. D 104", "Physical Review X 9",
# "Classical and Quantum Gravity 32"); a title with a number in it ("Planck 2018 results")
# goes on after the number, a journal does not.
_JOURNAL_VOLUME = re.compile(
    r"^[A-Z][\w]*\.?(?:\s(?:[A-Z][\w-]*\.?|in|of|the|and|for|für|de|et))*(?:\s[A-Z])?\s[A-Z]?\d{1,5}$"
)
_ABBREVIATIONS = re.compile(r"^(?:[A-Z][a-z]*\.\s?)+$")  # "Angew. Chem."
# The first page or article number, then the year: "2615 (2022)", "L34 (2022)", "074001 (2015)",
# "A6 (2020)"; the year may come later, after more pages ("223–386 (2002)").
_PAGE_YEAR = re.compile(r"^[A-Z]?\d[\d–-]*[A-Z]?\d*(?:\s\((?:1[5-9]|20)\d{2}\))?")


def journal_follows_names(pieces: list[str]) -> bool:
    """Whether ``pieces`` (the comma-separated parts after the names) open with a journal and
    its volume and then a page: no title was printed between the names and the journal. A
    journal's name may hold a comma after an abbreviation ("Angew. Chem., Int. Ed. Engl. 20")."""
    volume = 1 if pieces and _ABBREVIATIONS.match(pieces[0]) else 0
    return len(pieces) > volume + 1 and bool(
        _JOURNAL_VOLUME.match(pieces[volume]) and _PAGE_YEAR.match(pieces[volume + 1])
    )


# A book as AIP, APS and Science set it: the title, then publisher, place (edition) and year in
# parentheses — "Purification of Laboratory Chemicals (Butterworth–Heinemann, London, ed. 5,
# 2003)". A parenthesis with no comma or no letter before its year ("(2000)", "(WMAP)") is none.
_BOOK = re.compile(r"^(?P<title>[^()]+?)\s\((?P<publisher>[^()]*[^\W\d_][^()]*,[^()]*(?:1[5-9]|20)\d{2})\)")


# What AIP sets between a book's title and its publisher: "…, 5th ed., Vol. A (Kluwer, …)".
_EDITION_OR_VOLUME = re.compile(r",\s(?:\d+(?:st|nd|rd|th)\sed\.|Vol\.\s).*$")


# An online work as Science sets it: "Title (2008; http://…)" (the link taken out before this).
_ONLINE = re.compile(r"^(?P<title>[^()]+?)\s\((?:1[5-9]|20)\d{2};")


def book_title(rest: str) -> str | None:
    """The title of a book set as "Title (Publisher, Place, Year)" or of an online work set as
    "Title (Year; URL)" (``rest``: what follows the names), or None."""
    match = _BOOK.match(rest) or _ONLINE.match(rest)
    title = _EDITION_OR_VOLUME.sub("", match.group("title")) if match else ""
    return title if len(title.split()) >= 2 else None


_VOLUME = re.compile(r"^\d{1,5}$")
_PAGE_THEN_YEAR = re.compile(r"^[A-Z]?\d[\d–-]*[A-Z]?\d*\s\((?:1[5-9]|20)\d{2}\)")


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
# its volume, all joined by commas, no quotes and no sentence ends.
_PHYSICS_NAME = re.compile(
    r"^(?:and\s+)?(?:(?:[A-Z]\.\s?(?:-[A-Z]\.\s?)?){1,4}\s?"
    r"(?:(?:van|von|de|der|den|di|da|del|la|le|du|dos)\s)*[A-Z][\w'’-]+"
    r"(?:\s[A-Z][\w'’-]+){0,2}"  # "Del Pozzo", "Van Den Broeck"
    r"(?:\s(?:Jr\.|Sr\.|II|III|IV))?(?:\s(?:et al\.))?"
    r"|[A-Z][\w-]+ Collaboration|et al\.|[Ee]ds?\.)$"  # "T. Hahn, ed., Title", "…, E. Prince, Eds., Title"
)
# The journal and its volume ("Astrophys. J. 502", "Phys. Rev. B 93", "Advances in Physics 62",
# "Zeitschrift für Physik B Condensed Matter 103"), or what else ends a title. Words go on after
# a number in a title ("Planck 2018 results"), not after a volume.
_PHYSICS_JOURNAL = re.compile(
    r"^[A-Z][a-z]*\.?\s(?:(?:[A-Z][a-z]*\.?|in|of|the|and|für)\s)*(?:[A-Z]\s)?[A-Z]?\d+(?:,|$|\s(?=[(\d]))"
    r"|^(?:[Aa]r[Xx]iv|doi|in |edited by)"  # "arXiv:…", "ArXiv e-prints (2017)"
    r"|^\((?:1[5-9]|20)\d{2}\)\s"  # an online work's year, then its URL: "Title, (2003) http…"
)


_NAME_THEN_SENTENCE = re.compile(r"^and\s[A-Z][a-z]+(?:\s[A-Z]\.)*\s[A-Z][\w'’-]+\.\s")


def physics_title(text: str) -> tuple[str | None, str] | None:
    """Title (as printed, for the caller to clean) and authors of an APS-style reference, or
    ``None`` when it is not one."""
    pieces = [piece.strip() for piece in text.split(", ")]
    names = 0
    while names < len(pieces) and all(_PHYSICS_NAME.match(name) for name in pieces[names].split(" and ")):
        names += 1  # "C. J. Halboth and W. Metzner": two authors, no comma between them
    if names == 0 or names >= len(pieces) - 1:  # an online work's "Title (2008; http://…)" alone
        online = book_title(pieces[-1]) if 0 < names == len(pieces) - 1 else None
        return (online, ", ".join(pieces[:names])) if online else None
    if journal_follows_names(pieces[names:]) or volume_then_page(pieces[names:]):
        return None, ", ".join(pieces[:names])  # a style that prints no title (PRL, Science)
    if _NAME_THEN_SENTENCE.match(pieces[names]):  # "G. David Forney Jr., and Andrea Montanari. Title"
        return None  # names in a sentence of their own: natbib's, no APS list
    title: list[str] = []
    for at, piece in enumerate(pieces[names:], start=names):
        if _PHYSICS_JOURNAL.match(piece) or volume_then_page(pieces[at:]):
            break
        title.append(piece)
    else:  # no journal: a book's "Title (Publisher, Place, Year)", or no APS reference
        book = book_title(", ".join(pieces[names:]))
        return (book, ", ".join(pieces[:names])) if book else None
    joined = ", ".join(title)
    if len(joined.split()) < 3 or "“" in text or '"' in text:
        return None
    return joined, ", ".join(pieces[:names])
