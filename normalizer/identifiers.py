"""arXiv identifiers, DOIs and ISBNs: recognising them in what users write, in one canonical form.

Canonical arXiv ids carry no version and no ``arXiv:`` prefix: ``2211.09119`` and
``hep-th/9901001``. The version, when the input named one, travels separately as an
``int``. Old-style ids sometimes carry a subject class (``math.GT/0309136``); arXiv
itself lists such papers as ``math/0309136`` (and mints ``10.48550/arXiv.math/0309136``),
and the snapshot uses that form too, so the subject class is dropped.

The rules are strict on purpose: a string that merely looks like ``NNNN.NNNNN`` but
names a month that does not exist (``1234.12345``) or a number width arXiv never used
for that month (``2211.9119``) is not an id, and is better treated as a title.

Sources: https://info.arxiv.org/help/arxiv_identifier.html (scheme, 4-digit numbers
0704-1412, 5-digit from 1501, old-style ``archive/YYMMNNN`` from 1991 to March 2007).
ISBNs: the ISBN Users' Manual (International ISBN Agency, 7th ed.): ISBN-10 check digit
modulo 11 (``X`` for 10), ISBN-13 modulo 10 with weights 1 and 3, and an ISBN-10 is the
ISBN-13 ``978`` + its first nine digits + a new check digit.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import NamedTuple
from urllib.parse import unquote

__all__ = [
    "NEW_STYLE_ONLY_ARCHIVES",
    "OLD_STYLE_ARCHIVES",
    "ArxivId",
    "arxiv_id_year_month",
    "canonical_doi",
    "is_new_style_arxiv_id",
    "isbn_has_valid_check_digit",
    "not_an_arxiv_id",
    "parse_arxiv_id",
    "parse_isbn",
]


class ArxivId(NamedTuple):
    """A canonical arXiv id (no version) and the version the input named, if any."""

    id: str
    version: int | None


# arXiv's archives (normalizer/data/arxiv-archives.json), read here rather than through
# `bibnorm.text.data_file`, since the ground floor imports no package above it: those that existed
# under the old scheme (before April 2007), and those that only ever had new-style ids (q-fin, stat,
# eess, econ).
_ARCHIVES = json.loads(resources.files("bibnorm").joinpath("data", "arxiv-archives.json").read_text("utf-8"))
OLD_STYLE_ARCHIVES = frozenset(_ARCHIVES["old_style"])
NEW_STYLE_ONLY_ARCHIVES = frozenset(_ARCHIVES["new_style_only"])

_VERSION = r"(?:v(?P<version>[1-9]\d*))?"
_NEW_STYLE = re.compile(r"(?P<yymm>\d{4})\.(?P<number>\d{4,5})" + _VERSION)
# Starting only where a run of letters starts: a search would otherwise try every letter of a long
# run again (quadratic); the match found is the same, as letters before an archive join it.
_OLD_STYLE = re.compile(
    r"(?<![A-Za-z])(?P<archive>[a-zA-Z]+(?:-[a-zA-Z]+)?)(?:\.(?P<subject>[A-Za-z]+(?:-[A-Za-z]+)*))?"
    r"/(?P<yymm>\d{4})(?P<number>\d{3})" + _VERSION
)
_PREFIX = re.compile(r"arxiv\s*:\s*", re.IGNORECASE)
# Pages that name a paper by its arXiv id in the path: arxiv.org abs/pdf/html pages
# (any mirror subdomain) and Hugging Face paper pages, which are keyed by arXiv id. Matched whole
# (`fullmatch`); anchored at the start so that a search does not walk a long host name again from
# each of its letters.
_URL = re.compile(
    r"\A(?:https?://)?(?:[a-z0-9-]++\.)*"
    r"(?:arxiv\.org/(?:abs|pdf|html|format)/|huggingface\.co/papers/)"
    r"(?P<rest>\S+)",
    re.IGNORECASE,
)

_DOI_BODY = re.compile(r"(?P<doi>10\.\d{4,9}(?:\.\d+)*/\S+)")
_DOI_PREFIX = re.compile(r"doi\s*:\s*", re.IGNORECASE)
# doi.org, and the resolvers publishers ran before it, whose paths are DOIs too (the ACM Digital
# Library's exports: "http://doi.acm.org/10.1145/…"; IEEE Computer Society's; Wiley's).
_DOI_URL = re.compile(
    r"(?:https?://)?(?:(?:dx\.)?doi\.org|doi\.acm\.org|doi\.ieeecomputersociety\.org|doi\.wiley\.com)/",
    re.IGNORECASE,
)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.", re.IGNORECASE)


def _new_style_ok(yymm: str, number: str) -> bool:
    year, month = int(yymm[:2]), int(yymm[2:])
    if not 1 <= month <= 12 or int(number) == 0:
        return False
    if (year, month) < (7, 4):  # the scheme began in April 2007
        return False
    if len(number) == 4:
        return (year, month) <= (14, 12)
    return (year, month) >= (15, 1)


def _old_style_ok(archive: str, yymm: str, number: str) -> bool:
    year, month = int(yymm[:2]), int(yymm[2:])
    if archive not in OLD_STYLE_ARCHIVES or not 1 <= month <= 12 or int(number) == 0:
        return False
    full_year = 1900 + year if year >= 91 else 2000 + year
    return (1991, 8) <= (full_year, month) <= (2007, 3)


def _match_bare(text: str) -> ArxivId | None:
    """An id that must fill ``text`` completely (prefix and URL already removed)."""
    match = _NEW_STYLE.fullmatch(text)
    if match:
        if not _new_style_ok(match["yymm"], match["number"]):
            return None
        version = int(match["version"]) if match["version"] else None
        return ArxivId(f"{match['yymm']}.{match['number']}", version)
    match = _OLD_STYLE.fullmatch(text)
    if match:
        archive = match["archive"].lower()
        if not _old_style_ok(archive, match["yymm"], match["number"]):
            return None
        version = int(match["version"]) if match["version"] else None
        return ArxivId(f"{archive}/{match['yymm']}{match['number']}", version)
    return None


def parse_arxiv_id(text: str) -> ArxivId | None:
    """Recognise an arXiv id in ``text``, which must be nothing but the id in some form.

    Accepts bare ids (``2211.09119``, ``hep-th/9901001``, ``math.GT/0309136``), an
    ``arXiv:`` prefix, a ``vN`` version suffix, and abs/pdf/html URLs on arxiv.org or
    huggingface.co/papers (a ``.pdf`` suffix, query, fragment and trailing slash are
    ignored). Returns ``None`` for anything else, including malformed ids.
    """
    text = text.strip()
    url = _URL.fullmatch(text)
    if url:
        text = re.split(r"[?#]", url["rest"], maxsplit=1)[0].rstrip("/")
        text = unquote(text)
        if text.lower().endswith(".pdf"):
            text = text[:-4]
    else:
        text = _PREFIX.sub("", text, count=1) if _PREFIX.match(text) else text
    return _match_bare(text)


def not_an_arxiv_id(text: str) -> str | None:
    """Why ``text``, shaped like a new-style arXiv id (``YYMM.NNNNN``, maybe with ``arXiv:``
    and a version), is not one: ``"9999.99999 is not an arXiv id: there is no month 99"``.
    None for a real id and for text of another shape (a title that holds digits)."""
    text = text.strip()
    bare = _PREFIX.sub("", text, count=1) if _PREFIX.match(text) else text
    match = _NEW_STYLE.fullmatch(bare)
    if match is None or _match_bare(bare) is not None:
        return None
    yymm, number = match["yymm"], match["number"]
    year, month = int(yymm[:2]), int(yymm[2:])
    if not 1 <= month <= 12:
        why = f"there is no month {month:02d}"
    elif int(number) == 0:
        why = "no paper is numbered 0"
    elif (year, month) < (7, 4):
        why = "ids of this form began in April 2007 (0704)"
    elif len(number) == 4:
        why = "ids from 2015 (1501) on have five digits after the dot"
    else:
        why = "ids before 2015 (1501) have four digits after the dot"
    return f"{text} is not an arXiv id: {why}"


def is_new_style_arxiv_id(id: str) -> bool:
    """True for a canonical (version-less) id of the ``YYMM.NNNN(N)`` scheme."""
    match = _NEW_STYLE.fullmatch(id)
    if match is None or match["version"]:
        return False
    return _new_style_ok(match["yymm"], match["number"])


def arxiv_id_year_month(id: str) -> tuple[int, int] | None:
    """The year and month of submission an id encodes: ``2211.09119`` → ``(2022, 11)``.

    Old-style ids work too (``hep-th/9901001`` → ``(1999, 1)``); every form
    `parse_arxiv_id` accepts is accepted. ``None`` when ``id`` is not a valid id.
    """
    parsed = parse_arxiv_id(id)
    if parsed is None:
        return None
    digits = parsed.id.split("/")[-1]
    year, month = int(digits[:2]), int(digits[2:4])
    if "/" in parsed.id:
        return (1900 + year if year >= 91 else 2000 + year), month
    return 2000 + year, month


_TEX_ESCAPE = re.compile(r"\{?\\([_%&#])\}?")
# A SICI DOI's angle brackets as a .bib writes them, in math mode (text mode prints "<" as "¡"):
# "10.1175/1520-0493(1999)127$<$2514:VASOFC$>$2.0.CO;2".
_TEX_ANGLE = re.compile(r"\$([<>])\$")


def canonical_doi(text: str) -> str | None:
    """The DOI in ``text`` without resolver URL or ``doi:`` prefix, or ``None``.

    ``text`` must be nothing but the DOI in one of the forms ``10.1109/X``,
    ``doi:10.1109/X``, ``https://doi.org/10.1109/X`` (also ``dx.doi.org`` and the resolvers
    publishers ran before it: ``doi.acm.org``, ``doi.ieeecomputersociety.org``, ``doi.wiley.com``;
    percent escapes decoded). Case is kept — DOIs are case-insensitive, and the registrant's
    spelling is the one people recognise — except that arXiv's DataCite DOIs are
    written ``10.48550/arXiv.<id>`` as arXiv does. Sentence punctuation trailing the
    DOI (``.``, ``,``, ``;``) is dropped, and so are TeX escapes (DBLP writes
    ``10.1007/11503415\\_7``, a SICI's ``$<$``): a DOI holds no backslash, and biblatex prints
    its ``doi`` field verbatim. So are BibTeX's braces that keep a DOI's capitals
    (``10.1103/{PhysRevE}.69.026113``): a DOI holds no brace.
    """
    text = _TEX_ANGLE.sub(r"\1", _TEX_ESCAPE.sub(r"\1", text.strip())).replace("{", "").replace("}", "")
    if _DOI_URL.match(text):
        text = unquote(re.split(r"[?#]", _DOI_URL.sub("", text, count=1), maxsplit=1)[0])
        # An escape can come percent-encoded too (``%5C_49``): dropped here, or the DOI found
        # would lose it only when read a second time.
        text = _TEX_ESCAPE.sub(r"\1", text)
    elif _DOI_PREFIX.match(text):
        text = _DOI_PREFIX.sub("", text, count=1)
    text = text.rstrip(".,;")
    match = _DOI_BODY.fullmatch(text)
    if not match:
        return None
    doi = match["doi"]
    if _ARXIV_DOI.match(doi):
        rest = doi[len("10.48550/arxiv.") :]
        parsed = _match_bare(rest)
        doi = f"10.48550/arXiv.{parsed.id if parsed else rest}"
    return doi


def doi_in_note(text: str) -> str | None:
    """The DOI a note-like field gives as one of its ``;``-separated parts (``doi: X``, a doi.org
    link, the bare DOI; `canonical_doi`): how bibnorm's default BibTeX layout and many files
    carry it, plain, abbrv and apalike printing no ``doi`` field."""
    return next(filter(None, map(canonical_doi, text.split(";"))), None) if "10." in text else None


_SHORT_DOI = re.compile(
    r"(?:doi\s*:\s*)?(?:(?:https?://)?(?:dx\.)?doi\.org/)?(?P<short>10/[a-z0-9]+)", re.IGNORECASE
)
_SHORT_DOI_LINK = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(?P<code>[a-z0-9]+)", re.IGNORECASE)


def short_doi(text: str) -> str | None:
    """The shortDOI in ``text`` as ``10/<code>`` (lower-case), or None.

    shortDOIs are the DOI Foundation's short aliases of long DOIs (``10/ggcxkc``, made at
    shortdoi.org); they are written bare, with ``doi:``, or as a doi.org link, with or
    without the ``10/`` (``https://doi.org/ggcxkc``). ``text`` must hold nothing else.
    """
    text = text.strip().rstrip(".,;")
    match = _SHORT_DOI.fullmatch(text)
    if match:
        return match["short"].lower()
    link = _SHORT_DOI_LINK.fullmatch(text)
    return f"10/{link['code'].lower()}" if link else None


def is_arxiv_doi(doi: str | None) -> bool:
    """True for DataCite's arXiv DOIs (``10.48550/arXiv.<id>``), which name the preprint."""
    return doi is not None and _ARXIV_DOI.match(doi) is not None


_ISBN_CHARS = re.compile(r"[\s\-‐‑–]")  # hyphens, spaces and the dashes PDFs copy
_ISBN_SHAPE = re.compile(r"(?:97[89]\d{10}|\d{9}[\dX])")
_ISBN_LABEL = re.compile(r"^\s*ISBN(?:-1[03])?:?", re.IGNORECASE)


def _isbn_body(text: str) -> str | None:
    """The ISBN's 10 or 13 characters as written (label, hyphens and spaces gone), if ISBN-shaped."""
    body = _ISBN_CHARS.sub("", _ISBN_LABEL.sub("", text.strip())).upper()
    return body if _ISBN_SHAPE.fullmatch(body) else None


def parse_isbn(text: str) -> str | None:
    """The ISBN in ``text`` (``ISBN 978-0-262-03561-3``, ``0-262-03561-8``) as 13 digits,
    or ``None`` when ``text`` holds no ISBN-shaped number. The check digit is not judged
    here (`isbn_has_valid_check_digit` does), so a mistyped ISBN is still recognised as one."""
    body = _isbn_body(text)
    if body is None or len(body) == 13:
        return body
    return _isbn13("978" + body[:9])


def _isbn13(first_twelve: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first_twelve))
    return first_twelve + str((10 - total % 10) % 10)


def isbn_has_valid_check_digit(text: str) -> bool:
    """Whether the ISBN as written (10 or 13 characters, hyphens allowed) has the right check digit."""
    body = _isbn_body(text)
    if body is None:
        return False
    if len(body) == 13:
        return _isbn13(body[:12]) == body
    total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(body))
    return total % 11 == 0
