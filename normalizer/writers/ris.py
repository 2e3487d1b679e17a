"""RIS output: the tagged exchange format of EndNote, Zotero, Mendeley and most reference managers.

One ``TY  - `` … ``ER  - `` record per reference, tags in a fixed order, one value a line
(whitespace in a value, line breaks included, collapsed to one space), Unicode kept (RIS
files are read as UTF-8 by today's managers), ``\\n`` line ends, a blank line between records:

=================  ======  ==========================================================
Reference          ``TY``  what the venue tag means
=================  ======  ==========================================================
preprint           UNPB    (no venue; ``PB  - arXiv``)
article            JOUR    ``T2``: the journal
inproceedings      CONF    ``T2`` and ``BT``: the proceedings; ``T3``: its book series
misc               GEN
book               BOOK    ``T2``: its series (``A3`` its editors, ``VL``, ``CY``)
chapter            CHAP    ``T2`` and ``BT``: the book (``A2`` its editors, ``T3``, ``CY``)
thesis             THES    (``PB``: the school, ``M3``: the kind of thesis, ``CY``)
report             RPRT    ``T2``: its series (``PB``: the institution, ``SN``: its number)
=================  ======  ==========================================================

A book, a chapter, a thesis or a report is only ever a user's own record that did not resolve
(`Query.record`), its tags as Zotero's RIS translator writes them.

Tags: ``ID`` (citation key), ``TI`` (math as Unicode where it has a plain form, else TeX),
``AU`` (``Family, Given, Suffix``; a particle stays with the family name, a collaboration
is one unsplit value), ``A2`` (the proceedings' editors, as Zotero writes them), ``PY``
(year) and ``DA`` (``YYYY/MM/DD/``, as precise as known, every slash written), ``T2``, ``T3``, ``VL``, ``IS``,
``SP``/``EP`` (first and last page), ``PB``, ``DO`` (the published DOI; arXiv's
``10.48550/arXiv.<id>`` only for a preprint), ``UR`` (the record's URL, else the arXiv page;
then the code links, one ``UR`` each), ``N1`` (``arXiv:<id>`` for anything but a preprint,
whose id is already in its URL and DOI: the preprint stays findable), ``ER``.

A conference paper is ``CONF``, the type Zotero's RIS translator writes for a conference paper
and reads back as one (it reads ``CPAPER`` so too), and the one bibutils (``ris2xml``, Debian's
7.2) types ``@InProceedings`` — it makes a ``CPAPER`` record ``@Misc``. bibutils takes the
proceedings' title from ``BT`` (Zotero: the proceedings title, beside ``T2``'s conference name);
it reads no ``A2`` editors of a ``CONF`` record, which Zotero reads as editors.

rispy (the reader's library) reads every tag back (`tests/test_writers_ris.py`), ``BT`` as an
unknown tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import PartialDate, Person, Reference
from bibnorm.text.tex_math import math_to_unicode, split_source_math
from bibnorm.writers import Rendered, WriterOptions

_TYPES = {
    "preprint": "UNPB",
    "article": "JOUR",
    "inproceedings": "CONF",
    "misc": "GEN",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "report": "RPRT",
}
# The kinds only a user's own record has (`Query.record`), their tags as Zotero's RIS translator
# writes them (RIS.js): a book's series in T2 and editors in A3, a chapter's book in T2 and
# editors in A2, the school or institution in PB, the kind of thesis or report in M3, a report's
# number in SN, the publisher's city in CY, the edition in ET, translators in A4.
_WORKS = ("book", "chapter", "thesis", "report", "misc")  # (misc: where it appeared, in T2)


def ris_name(person: Person) -> str:
    """``Family, Given, Suffix`` (the RIS name form), a particle kept with the family name."""
    if person.literal:
        return person.literal
    family = " ".join(part for part in (person.particle, person.family) if part)
    return ", ".join(part for part in (family, person.given, person.suffix) if part)


def ris_title(title: str) -> str:
    """A title as RIS's plain text: math as Unicode where it has a plain form, else its TeX source."""
    pieces, _ = split_source_math(title)  # repairs were reported when the title was cleaned
    return "".join(_plain_math(piece) if is_math else piece.replace("\\$", "$") for is_math, piece in pieces)


def _plain_math(math: str) -> str:
    plain = math_to_unicode(math)
    return f"${math}$" if plain is None else plain


def _pages(pages: str) -> tuple[str, str | None]:
    """The first and last page of a range written with any dash ("1--20", "379–423")."""
    first, _, last = _DASHES.sub("-", pages).partition("-")
    return first.strip(), last.strip() or None


_DASHES = re.compile(r"[-\u2010-\u2015]+")


def ris_fields(key: str, reference: Reference) -> Iterator[tuple[str, str]]:
    """The ``(tag, value)`` lines of one record, ``TY`` first and ``ER`` last, empty values left out."""
    published = reference.entry_type in ("article", "inproceedings", "chapter") and bool(reference.venue)
    own_kind = reference.entry_type in ("misc", "book", "thesis", "report")
    kind = _TYPES[reference.entry_type] if published or own_kind else "UNPB"
    preprint = kind == "UNPB" and reference.ids.arxiv_id is not None
    lines: list[tuple[str, str | None]] = [
        ("TY", kind),
        ("ID", key),
        ("TI", ris_title(reference.title)),
        *(("AU", ris_name(person)) for person in reference.authors),
        *(("A2", ris_name(person)) for person in (reference.editors if published else ())),
        *(("A4", ris_name(person)) for person in reference.translators),
        *_date_lines(reference),
        *(_venue_lines(reference) if published else ()),
        *(_work_lines(reference) if reference.entry_type in _WORKS else ()),
        *_identifier_lines(reference, preprint),
        *_user_lines(reference),
    ]
    for tag, value in lines:
        text = " ".join(value.split()) if value else ""
        if text:
            yield tag, text
    yield "ER", ""


def _date_lines(reference: Reference) -> list[tuple[str, str | None]]:
    """PY (the year) and DA (the date as precise as known), published or else first version."""
    date = reference.issued or reference.first_version
    if date is None:
        return []
    return [("PY", str(date.year)), ("DA", _ris_date(date) if date.month else None)]


def _ris_date(date: PartialDate) -> str:
    """RIS's "YYYY/MM/DD/other info": every slash written, a part not known empty ("2023/03//")."""
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.month and date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def _identifier_lines(reference: Reference, preprint: bool) -> list[tuple[str, str | None]]:
    """PB, DO, the record's (or arXiv's) URL and code links as UR, and a published paper's arXiv id."""
    arxiv_id = reference.ids.arxiv_id
    return [
        ("PB", "arXiv" if preprint else reference.publisher),
        ("DO", _ris_doi(reference, preprint)),
        ("UR", reference.url or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None)),
        *(("UR", link) for link in reference.code_links),
        ("N1", f"arXiv:{arxiv_id}" if arxiv_id and not preprint else None),
    ]


def _user_lines(reference: Reference) -> list[tuple[str, str | None]]:
    """What the user's own record keeps (`UserFields`) in the tags Zotero's RIS translator gives
    them: a journal's ISSN in SN (unless a book's ISBN or a report's number is there), the day the
    link was read in Y2, the note in N1, each keyword in a KW of its own, the abstract in AB."""
    given = reference.user_fields
    if given is None:
        return []
    return [
        ("SN", given.issn if reference.entry_type not in ("book", "chapter", "report") else None),
        ("Y2", _ris_date(given.accessed) if given.accessed else None),
        ("N1", given.note),
        *(("KW", keyword) for keyword in given.keywords),
        ("AB", given.abstract),
    ]


def _ris_doi(reference: Reference, preprint: bool) -> str | None:
    """The publication's DOI; arXiv's DataCite DOI only ever for the preprint itself."""
    doi = reference.ids.doi
    if not preprint and is_arxiv_doi(doi):
        return None  # arXiv's DOI names the preprint, never the published paper
    if preprint and not doi:
        return f"10.48550/arXiv.{reference.ids.arxiv_id}"
    return doi


def _venue_lines(reference: Reference) -> list[tuple[str, str | None]]:
    """A published record's venue and where in it: T2 (and BT for proceedings), T3, VL, IS, SP, EP."""
    first_page, last_page = _pages(reference.pages) if reference.pages else ("", None)
    return [
        ("T2", reference.venue),
        ("BT", reference.venue if reference.entry_type != "article" else None),
        ("T3", reference.series),
        ("VL", reference.volume),
        ("IS", reference.number),
        ("SP", first_page),
        ("EP", last_page),
    ]


def _work_lines(reference: Reference) -> list[tuple[str, str | None]]:
    """What a book, a thesis, a report or a misc work carries (a chapter's book is its venue): a
    book's series, editors, volume and edition, the kind of thesis or report, a report's number,
    where a misc work appeared, the publisher's city."""
    kind = reference.entry_type
    # a book's or report's series, where a misc work appeared; a report's number, a book's ISBN
    container = {"book": reference.series, "report": reference.series, "misc": reference.venue}.get(kind)
    serial = {"report": reference.number, "book": reference.isbn, "chapter": reference.isbn}.get(kind)
    return [
        ("T2", container),
        *(("A3", ris_name(person)) for person in (reference.editors if kind == "book" else ())),
        ("VL", reference.volume if kind == "book" else None),
        ("ET", reference.edition if kind in ("book", "chapter") else None),
        ("M3", reference.genre if kind in ("thesis", "report") else None),
        ("SN", serial),
        ("CY", reference.address),
    ]


# The tags of a record bibnorm writes (`ris_fields`) and those that say the same in other words
# (T1 the title, A1 the authors, JO/JF/JA/J2 the journal, Y1 the year, ED the editors): every
# other tag of an input's record is the user's (KW, AB, SN, N1, L1's attached files), which
# `keep_ris_inputs` keeps.
OWNED_TAGS = frozenset(
    {"TY", "ID", "TI", "T1", "AU", "A1", "A2", "ED", "PY", "Y1", "DA", "T2", "BT", "JO", "JF", "JA"}
    | {"J2", "T3", "VL", "IS", "SP", "EP", "PB", "DO", "UR", "ER"}
)
_TAGGED = re.compile(r"([A-Z][A-Z0-9])  -")
_KEY_LINE = re.compile(r"^ID  - ([^\n]*)$", re.MULTILINE)


def keep_ris_inputs(text: str, placed: Sequence[tuple[str, str | None]]) -> str:
    """``text`` (the RIS bibnorm wrote) with the records of RIS inputs in their places
    (``placed``: each input record as written and the key bibnorm wrote it under, None where it
    did not resolve): a resolved record as bibnorm writes it with the lines of the input's own
    tags bibnorm does not write (`OWNED_TAGS`) before its ``ER``, one that did not resolve as it
    was; then the written records no input record placed. A RIS in, a RIS out: nothing the user
    kept there is lost."""
    if not placed:
        return text
    written: dict[str, str] = {}
    for record in text.split("\n\n"):
        key_line = _KEY_LINE.search(record)
        if record.strip():
            written[key_line.group(1).strip() if key_line else record] = record.rstrip("\n") + "\n"
    records, used = [], set()
    for given, key in placed:
        resolved = written.get(key) if key is not None else None
        if resolved is None:
            records.append(given.replace("\r\n", "\n").rstrip("\n") + "\n")
            continue
        records.append(_with_own_lines(resolved, given))
        used.add(key)
    records += [record for written_key, record in written.items() if written_key not in used]
    return "\n".join(records)


def _with_own_lines(record: str, given: str) -> str:
    """``record`` with the lines of ``given`` whose tags bibnorm does not write (a value's
    continuation lines with their tag's line), before its ``ER`` line."""
    own: list[str] = []
    keeping = False
    for line in given.replace("\r\n", "\n").splitlines():
        tagged = _TAGGED.match(line)
        if tagged:
            keeping = tagged.group(1) not in OWNED_TAGS
        if keeping and line.strip():
            own.append(line)
    lines = record.rstrip("\n").split("\n")
    own = [line for line in own if line not in lines]  # (an N1 "arXiv:…" both write, once)
    return "\n".join([*lines[:-1], *own, lines[-1]]) + "\n"


def render_ris(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """RIS records in the order given (always Unicode; ``options`` has nothing RIS needs)."""
    records = [
        "".join(f"{tag}  - {value}\n" for tag, value in ris_fields(key, reference))
        for key, reference in references
    ]
    return Rendered(text="\n".join(records))
