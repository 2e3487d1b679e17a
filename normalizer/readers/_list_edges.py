"""What borders a PDF's reference list and is no reference: the back matter after it, a page's
footer below two columns, and a review copy's line numbers on a page too short to show them.

- A manuscript sets its lists of figures and tables, or a heading "Figures" or "Tables", after
  the references in the list's own type, and a journal its appendix ("Appendix", "APPENDIX A:
  SOME EXTRA MATERIAL"): such a heading, flush with the list (a list heading, also centred),
  ends it (with a
  section number, or a line number of its own that a short page's numbering did not show); so
  does a figure's or a table's caption ("Figure 3: …", "TABLE II.", and APA's "Table 1" alone on
  its line, the table's title on the next). A plot's markers ("●" lines, no letter or digit in
  them) are no text of the list.
- A two-column page is read left column, then right column; a line that comes after the right
  column's lines and starts in the left column again is set below both columns: the page's
  footer ("Preprint submitted to …", a footnote), not a reference.
- A footnote of the text before the list stands at the foot of the column (or page) the list
  begins in, below its lines, in smaller type: no reference either.
- A page's number, and a running head or foot repeated at the top or bottom of its pages in
  one type ("REFERENCES 2": on the last page PDFium may give "REFERENCES" and its "7" as two
  lines), are no part of the list; a reference's last line at the bottom of two pages is
  ("101, 2010.", "133, 1943."): a running head or foot holds a word. Heads that differ from
  page to page (a verso's "2 Kreidberg et al.", a recto's "… WASP-33b 3") are told by their
  place, their type and the page's number they open or end with. A line that names the list
  ("Literaturverzeichnis") and is repeated at no other page's edge at its height is its heading, not
  a running head: a thesis's contents page may end with the same words and the list's page number
  ("Literaturverzeichnis 38"), the chapter's heading standing second on its page, below a running head.
- The authors' addresses a journal sets after the references (the R Journal's: a name, a
  department, a street, a country, an ORCID, an e-mail address, each on its own line) are no
  reference: a block of flush lines at the list's end, a line's spacing apart, none holding a
  year, that ends with an e-mail address or an ORCID — one block after another to the end. So
  are the authors' notes a paper sets there (a paragraph each: "Hans Ehm is a Senior Principal
  Engineer … His email address is hans.ehm@infineon.com."), whose last line ends with one.
- A review copy numbers its lines 1, 2, 3 … through the paper, in the left margin, or in two
  columns in each column's outer margin (lineno's "switch", ACM's review mode): the right
  column's numbers end its lines; the last page of the
  references may hold too few lines to show that by itself, and its numbers then go on from
  the previous page's. PDFium may give the numbers apart from their lines, a run of numbers
  alone before the page's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from bibnorm.readers._pdf_sections import Line, LineT
from bibnorm.readers._pdf_spacing import Spaced
from bibnorm.readers._pdf_typography import unmark_italics
from bibnorm.readers._ref_dates import YEAR
from bibnorm.readers._reflist import HEADING
from bibnorm.text.word_tables import alternation, reference_headings

_BACK_MATTER = re.compile(
    r"^(?:\d{1,4}\s+)?(?:figures?(?: and tables)?|tables?(?: and figures)?|figure (?:captions|legends)"
    rf"|{alternation(reference_headings().lists_of_floats)})\s*$",  # "List of Figures", "Список таблиц"
    re.IGNORECASE,
)
# The heading of a section journals set after the list ("Acknowledgements", "Funding",
# "Competing interests:"): reference-headings.json's back matter, alone on its line.
_SECTION_AFTER = re.compile(
    rf"^(?:\d{{1,2}}\.?\s+)?{alternation(reference_headings().back_matter)}\s*(?:[.:]\s*)?$", re.IGNORECASE
)
# "Figure 3:", "Table 1", an appendix's "Table A.1.", a chapter's "Figure 2.3:", REVTeX's
# "TABLE II." (a Roman numeral), the AAS's "FIG. 3.— Top: …" and Springer's "Fig. 7 Confusion
# Matrix for …" (its number in bold, a space and the caption's first word after it;
# reference-headings.json's words)
_CAPTION_WORDS = reference_headings().captions
_CAPTION = re.compile(
    rf"^{alternation((*_CAPTION_WORDS, *map(str.upper, _CAPTION_WORDS)))}\.?\s+"
    r"(?:(?:[A-Z]\.?)?\d{1,3}(?:\.\d{1,3})?|[IVXL]{1,6})(?:[.:]\s|[.:]?\s?[—–]|[.:]?\s*$|\s(?=[A-Z][a-z]))"
)
# An appendix's heading set in the list's own type ("Appendix", "APPENDIX A: SOME EXTRA
# MATERIAL", "Appendix B. Proofs", abnTeX2's "APÊNDICE A -- LISTA DE PUBLICAÇÕES", its en dash
# read as two hyphens): short, flush; a reference's wrapped line is a full line. Its words
# (reference-headings.json) in title case or capitals.
_APPENDIX_WORDS = reference_headings().appendices
_APPENDIX_WORD = alternation((*_APPENDIX_WORDS, *map(str.upper, _APPENDIX_WORDS)))
_APPENDIX = re.compile(
    rf"^(?:[A-Z]\.?\s|\d{{1,2}}\.?\s)?\s*{_APPENDIX_WORD}"
    r"(?:\s[A-Z\d]{1,2}(?:\.\d{1,2})?)?(?:[.:]?\s*$|\s?(?:[.:—–]|--?)\s)"
)
# An article's history, which a journal sets after its list (ACM's "Received February 2007; revised
# March 2009; accepted June 2009", Elsevier's "Received 3 May 2019; Received in revised form …",
# Springer's "Received: 2 March 2020 / Accepted: …"): a date received, then another event's.
_HISTORY = re.compile(
    rf"^(?:Manuscript\s)?Received:?\s[^;/]{{3,40}}[;/]\s?{alternation(reference_headings().history)}\b",
    re.IGNORECASE,
)
# An author's biography, which IEEE's journals set after the list beside the author's photograph:
# the name, then the grades of membership ("FIRST A. AUTHOR (M’76–SM’81–F’87) and …", "Jane Doe
# (Senior Member, IEEE) received …") or the degree received ("John Smith received the B.S. degree
# in …").
_BIOGRAPHY = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s){1,5}(?:\((?:(?:Graduate Student |Student |Senior |Life )?(?:Member|Fellow)"
    r"(?:,\s?IEEE)?|(?:[A-Z]{1,2}['’]\d{2}[–-]?)+)\)"
    r"|received\s(?:the|his|her)\s(?:B\.|M\.|Ph\.|Dipl|bachelor|master|doctor))"
)
_HEADING_CHARS = 60
FLUSH_EMS = 0.4  # a line indented less than this, in ems of its type, is flush
WRAPPED_EMS = 5.0  # a reference's wrapped line is indented at most this many ems


def ends_list(line: Line) -> bool:
    """Whether ``line`` is a heading of the back matter set after a reference list: "List of
    Figures", "Tables", "Figure captions", a journal's "Acknowledgements", "Funding", "Competing
    interests:" — alone on its line, flush or centred (further in than a reference's wrapped line
    is set: a manuscript's "TABLES" atop the page its tables begin);
    an appendix's ("Appendix", "APPENDIX A: SOME EXTRA MATERIAL"), flush or centred (a thesis's
    "APPENDICES" atop the page its appendices begin), short and without a year (a reference's
    wrapped "Appendix B: Methods. HMSO, 1999." is none); a caption; or the article's history
    ("Received February 2007; revised March 2009; accepted June 2009"); or an author's
    biography, beside a photograph (further in)."""
    if _CAPTION.match(line.text) or _HISTORY.match(line.text) or _BIOGRAPHY.match(line.text.strip()):
        return True
    text = line.text.strip()
    flush = line.indent < FLUSH_EMS * line.size
    centred = line.indent > WRAPPED_EMS * line.size
    appendix = len(text) <= _HEADING_CHARS and _APPENDIX.match(text) and not YEAR.search(text)
    if appendix and _TITLED_APPENDIX.match(text):
        return True  # wherever the column sets it (REVTeX centres it in its column)
    return (flush or centred) and bool(_BACK_MATTER.match(text) or _SECTION_AFTER.match(text) or appendix)


# An appendix's heading with its letter or number and its own title ("Appendix A: Properties of the
# Wigner distribution", "Appendix B. Proofs"), which no reference's wrapped line opens with
_TITLED_APPENDIX = re.compile(rf"^{_APPENDIX_WORD}\s[A-Z\d]{{1,2}}(?:\.\d{{1,2}})?[.:]\s+[A-Z]")


_FOOTER_LINES = 3  # at most this many lines below the columns
_RIGHT_COLUMN_LINES = 5  # a page with fewer lines in its right column is not set in two columns


def below_columns(lines: Sequence[Line]) -> set[int]:
    """Indexes of ``lines`` set below a two-column page's columns: after the page's last line in
    the right column, in the left one, a few at most (see the module docstring)."""
    below: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].page == lines[start].page:
            end += 1
        columns = [line.column for line in lines[start:end]]
        right = [at for at, column in enumerate(columns) if column == 1]
        if len(right) >= _RIGHT_COLUMN_LINES and 0 < end - start - right[-1] - 1 <= _FOOTER_LINES:
            below.update(range(start + right[-1] + 1, end))
        start = end
    return below


_FOOTNOTE_TYPE = 0.9  # a footnote is set in at most this share of the list's type (8 pt to 10 pt)


def column_footnotes(lines: Sequence[Line], body: float) -> set[int]:
    """Indexes of the footnotes at the foot of a column or page inside a list set in ``body``
    type: the lines that end a column's run of lines on a page, set in smaller type (see the
    module docstring)."""
    found: set[int] = set()
    for end, line in enumerate(lines):
        if end + 1 < len(lines) and (lines[end + 1].page, lines[end + 1].column) == (line.page, line.column):
            continue  # not the column's last line
        at = end
        while at >= 0 and (lines[at].page, lines[at].column) == (line.page, line.column):
            if not lines[at].text or not 0 < lines[at].size < body * _FOOTNOTE_TYPE:
                break
            found.add(at)
            at -= 1
    return found


def address_blocks(lines: Sequence[Spaced]) -> set[int]:
    """Indexes of the authors' address blocks that end a list (see the module docstring): from
    its last line back, each block ends with an e-mail address or an ORCID line and goes up over
    flush lines without a year, at most a line's spacing above the next, on its page and column."""
    found: set[int] = set()
    end = len(lines)
    while end > 0 and not lines[end - 1].text.strip():
        end -= 1
    while end > 0 and _ends_address(lines[end - 1].text):
        first = end - 1
        while (
            first > 0 and end - first < _ADDRESS_LINES and _address_line_above(lines[first - 1], lines[first])
        ):
            first -= 1
        if end - first < 2:  # a name and its e-mail address at least
            break
        found.update(range(first, end))
        end = first
    return found


_ADDRESS_LINES = 9  # lines an address block may hold
_LINE_SPACING = 1.6  # ems: an address's lines stand at most this far apart (a reference's next, further)
_ORCID = re.compile(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b")


def _ends_address(text: str) -> bool:
    """Whether a line is an address block's last: an e-mail address alone, or an ORCID; or an
    author's note's (a biography: "… His email address is gerald.reiner@wu.ac.at."), whose last
    word is the e-mail address, in a line without a year."""
    words = text.split()
    closing = bool(words) and _e_mail(words[-1]) and not YEAR.search(text)
    return closing or _e_mail(text) or bool(_ORCID.search(text))


def _e_mail(text: str) -> bool:
    """Whether a line is an e-mail address alone ("khusman@gwdg.de", "E-mail: khusman@gwdg.de")."""
    words = unmark_italics(text)[0].split()
    if not 0 < len(words) <= _MAIL_WORDS:
        return False
    name, at, domain = words[-1].strip("<>()").partition("@")
    return bool(name) and bool(at) and "." in domain.strip(".") and "@" not in domain


_MAIL_WORDS = 2  # "khusman@gwdg.de", "E-mail: khusman@gwdg.de"


def _address_line_above(above: Spaced, line: Spaced) -> bool:
    """Whether ``above`` is the line before ``line`` in an address block: flush, without a year,
    no e-mail address (the previous block's last line), and a line's spacing above it where the
    two stand on one page and column (from its last line's baseline: a line hyphenated at its end
    is given with the next as one)."""
    text = above.text.strip()
    last = above.bottom if above.end_bottom is None else above.end_bottom
    spaced = (
        0 < last - line.bottom <= _LINE_SPACING * max(above.size, line.size)
        if (above.page, above.column) == (line.page, line.column)
        else True  # the block goes on in the next column or page
    )
    return (
        spaced
        and bool(text)
        and above.indent < FLUSH_EMS * above.size
        and not YEAR.search(_ORCID.sub("", text))  # an ORCID's "0002-1642" holds no year
        and not _e_mail(text)  # the previous author's block
    )


def page_furniture(pages: Sequence[Sequence[Line]]) -> set[tuple[int, int]]:
    """(page, line) of each page's number and of its running head or foot: a line among a
    page's first two or last two that holds a word and stands there on another page too, in the
    same type, whatever page number it holds (see the module docstring)."""

    def shape(line: Line) -> tuple[str, int]:
        text = re.sub(r"\d+", "#", " ".join(unmark_italics(line.text)[0].split())).strip("# ")
        return text, round(line.size)

    edges = {(page[0].page, at) for page in pages if page for at in (0, 1, len(page) - 2, len(page) - 1)}
    lines = {(number, at): pages[number - 1][at] for number, at in edges if 0 <= at < len(pages[number - 1])}
    shapes = {where: shape(line) for where, line in lines.items()}
    # on several pages: two references alike but for their years at the top of one page are none
    seen = Counter(form for _, form in {(page, form) for (page, _), form in shapes.items()})
    # a head of two lines (a thesis's long title wrapped in its header): each line a line's step
    # from the other, neither goes on with the text
    heads = frozenset(where for where in lines if _repeated(lines, shapes, seen, where))
    repeated = {where for where in heads if not _in_the_text(pages, where, heads)}
    return (
        {where for where, line in lines.items() if _PAGE_NUMBER.fullmatch(line.text)}
        | repeated
        | _numbered_heads(lines)
    )


def _repeated(
    lines: dict[tuple[int, int], Line],
    shapes: dict[tuple[int, int], tuple[str, int]],
    seen: Counter[tuple[str, int]],
    where: tuple[int, int],
) -> bool:
    """Whether a line at a page's edge may be a running head or foot: its words (a word at least)
    stand at another page's edge too, in its type, and it is not the list's heading; it is one
    where it stands apart from the text too (`_in_the_text`)."""
    form = shapes[where]
    return seen[form] >= 2 and bool(_WORD.search(form[0])) and not _heads_the_list(lines, shapes, where)


def _heads_the_list(
    lines: dict[tuple[int, int], Line], shapes: dict[tuple[int, int], tuple[str, int]], where: tuple[int, int]
) -> bool:
    """Whether a line at a page's edge is the reference list's heading, not a running head naming
    the list: it names the list, and no other page holds its words at an edge at its height (a
    running head or foot stands at one height on each page; a contents page's last entry,
    "Literaturverzeichnis 38", stands at its page's foot, the heading at its page's top)."""
    line = lines[where]
    if not HEADING.match(line.text.strip()):
        return False
    return not any(
        other[0] != where[0]
        and shapes[other] == shapes[where]
        and abs(lines[other].bottom - line.bottom) <= _SAME_PLACE
        for other in lines
    )


_SAME_PLACE = 2.0  # points: a running head's height on two pages


def _in_the_text(
    pages: Sequence[Sequence[Line]], where: tuple[int, int], heads: frozenset[tuple[int, int]] = frozenset()
) -> bool:
    """Whether a line at a page's top or bottom goes on with the text: a line next to it stands a
    line's step away in its column, in its type. A running head or foot stands further from the
    text; a reference's wrapped lines opening two pages' columns alike ("PhysRevLett.100.024102.
    URL https://link.aps.org/doi/", "10.1103/PhysRevLett.100.024102.") do not. A line next to it
    that is one of the page's repeated ``heads`` too is the head's other line where the two stand
    well apart from the text beyond them: a thesis's long title wrapped above each page, far above
    the list (two references' lines stand a reference's spacing from the next)."""
    number, at = where
    page = pages[number - 1]
    return any(
        _a_line_apart(page[at], page[other])
        and (
            (number, other) not in heads or _near_the_text(page, other, at) or _near_the_text(page, at, other)
        )
        for other in (at - 1, at + 1)
        if 0 <= other < len(page)
    )


def _near_the_text(page: Sequence[Line], at: int, partner: int) -> bool:
    """Whether the line ``at`` stands within a few ems of a line of its column other than its
    ``partner``."""
    line = page[at]
    return any(
        page[other].column == line.column
        and abs(line.bottom - page[other].bottom) <= _BLOCK_APART * max(line.size, page[other].size)
        for other in (at - 1, at + 1)
        if 0 <= other < len(page) and other != partner
    )


_BLOCK_APART = 2.5  # ems: a head of two lines stands further from the text (a reference's spacing is less)


def _a_line_apart(line: Line, other: Line) -> bool:
    """Whether two lines stand a line's step apart in one column, in one type."""
    step = abs(line.bottom - other.bottom) / max(line.size, other.size, 1.0)
    same_type = abs(line.size - other.size) <= _SAME_SIZE
    return line.column == other.column and same_type and _LINE_STEP[0] <= step <= _LINE_STEP[1]


_LINE_STEP = (0.9, 1.6)  # ems between two baselines of one text's lines
_SAME_SIZE = 0.5  # points


def _numbered_heads(lines: dict[tuple[int, int], Line]) -> set[tuple[int, int]]:
    """Running heads that differ from page to page (a verso's "2 Kreidberg et al.", a recto's
    "Molecular Dissociation in … 3"; each printed once): a line among a page's first or last two
    that opens or ends with its page's number — the same distance from the PDF's page count on
    two pages or more (a section's "3 Method" and "7 References" heading two pages are not; a
    References heading never is) —
    standing where such a line stands on another page, in the same type. A page prints its
    number once: where it prints it alone on a line of its own, a line that opens or ends with
    another number is none (a dissertation's reference ending with the page it is cited on,
    "… (2015). 2", below the page's "131")."""
    printed = {
        page: _number_in(line.text) for (page, _), line in lines.items() if _PAGE_NUMBER.fullmatch(line.text)
    }
    keys: dict[tuple[int, int], tuple[int, int, int]] = {}
    for (page, at), line in lines.items():
        text = unmark_italics(line.text)[0]
        found = _EDGE_NUMBER.search(text)
        if found is None or not _WORD.search(text) or HEADING.match(text.strip()):
            continue
        number = int(found.group(1) or found.group(2))
        if printed.get(page, number) == number:
            keys[page, at] = (number - page, round(line.bottom), round(line.size))
    pages = Counter(key for _, key in {(page, key) for (page, _), key in keys.items()})
    return {where for where, key in keys.items() if pages[key] >= 2}


_EDGE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+\S|\S\s+(\d{1,4})\s*$")


_PAGE_NUMBER = re.compile(r"[-–—\s]*\d{1,4}[-–—\s]*")  # "7", "– 7 –"; not "2005." nor "[7]"
_WORD = re.compile(r"[^\W\d_]{2}")


LINE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")  # a review copy's, before a line's text
_LINE_NUMBER_AFTER = re.compile(r"(?<=\S)\s+(\d{1,4})\s*$")  # a right column's, after its text
# A right column's number PDFium glued to a line its text fills (no gap, so no space): "…enough.12",
# a DOI's "…/15476286.2015.1020271.7", "…/pnas.73.11.38525". On a numbered page a line without a
# number of its own ends with the run's next one: cut there, the DOI is whole again.
_TRAILING_DIGITS = re.compile(r"(?<=[^\s\d])(\d+)\s*$")
_STEP = range(1, 4)  # a line's number is 1 more than the last, 2 or 3 where PDFium joined lines
_NUMBERED_SHARE = 0.6


def line_number_cuts(pieces: Sequence[str]) -> list[tuple[int, int]]:
    """For each of a page's lines, how many characters its line number takes at its start and
    at its end: the number it opens with, or the one it ends with where that one goes on the run
    of numbers and the first does not ("2012. ISBN 978-0-316-21236-6. 150" in a right column)."""
    cuts: list[tuple[int, int]] = []
    last: int | None = None
    for piece in pieces:
        before, after = LINE_NUMBER.match(piece), _LINE_NUMBER_AFTER.search(piece)
        glued = _glued_number(piece, last) if before is None and after is None and last is not None else None
        if glued is not None:
            last = glued[0]
            cuts.append((0, len(piece) - glued[1]))
            continue
        found = [match for match in (before, after) if match is not None]
        going_on = [match for match in found if last is None or int(match.group(1)) - last in _STEP]
        if not found:
            cuts.append((0, 0))
            continue
        chosen = (going_on or found)[0]
        last = int(chosen.group(1))
        cuts.append((chosen.end(), 0) if chosen is before else (0, len(piece) - chosen.start()))
    return cuts


def fifth_line_cuts(pieces: Sequence[str]) -> list[tuple[int, int]] | None:
    """How many characters a discussion paper's line number takes at the start of each of a
    page's lines (``pieces``), where it numbers every fifth line (Copernicus's discussion papers:
    "810 Fe, Si, P co-limitations …", four lines unnumbered, "815 …"): numbers that are multiples
    of five, each five more than the last and as many lines below it, give or take two (ten, and
    ten lines, where PDFium joined a numbered line to the one before it). None where fewer than
    `_FIFTHS_RUN` such steps fit, nor where a third of the lines or more open with a number: a
    list's labels ("5 A. Author …" and the four before it), a table's rows."""
    if 3 * sum(1 for piece in pieces if LINE_NUMBER.match(piece)) >= len(pieces):
        return None
    found = [
        (at, int(match.group(1)), match.end())
        for at, piece in enumerate(pieces)
        if (match := LINE_NUMBER.match(piece)) is not None and int(match.group(1)) % _FIFTH == 0
    ]
    fitting = sum(
        1
        for (above, first, _), (below, second, _) in pairwise(found)
        if second - first in _FIFTH_STEPS and abs(below - above - (second - first)) <= _FIFTH_SLACK
    )
    if fitting < _FIFTHS_RUN:
        return None
    cuts = [(0, 0)] * len(pieces)
    last: int | None = None
    for at, number, end in found:
        if last is None or number - last in _FIFTH_STEPS:
            cuts[at] = (end, 0)
            last = number
    return cuts


_FIFTH = 5
_FIFTH_STEPS = (5, 10, 15)  # the next number, or the one after where a numbered line is missing
_FIFTH_SLACK = 2  # lines: a heading or a display lineno leaves unnumbered, a line PDFium joined
_FIFTHS_RUN = 2  # steps that fit, at least, on a page numbered every fifth line


def _glued_number(piece: str, last: int) -> tuple[int, int] | None:
    """The run's next number (after ``last``) glued to the end of ``piece``, and where it starts."""
    digits = _TRAILING_DIGITS.search(piece)
    if digits is None:
        return None
    for step in _STEP:
        number = str(last + step)
        if digits.group(1).endswith(number) and len(number) <= 4:
            return last + step, digits.end(1) - len(number)
    return None


def _numbered(pieces: Sequence[str]) -> list[tuple[int, int, str]]:
    """Each of a page's lines that carries a line number (`line_number_cuts`): its place among
    ``pieces``, the number, and the line's text without it, in order."""
    return [
        (at, _number_in(piece[:lead] + piece[len(piece) - trail :]), piece[lead : len(piece) - trail])
        for at, (piece, (lead, trail)) in enumerate(zip(pieces, line_number_cuts(pieces), strict=True))
        if lead or trail
    ]


def _number_in(cut: str) -> int:
    """The number of a line-number cut, whatever spacing the pattern took with it: PDFium's control
    characters (U+001C–U+001F) are spaces to `re` but not to `int`."""
    digits = _DIGITS.search(cut)
    assert digits is not None  # a cut is made around a run of digits
    return int(digits.group())


_DIGITS = re.compile(r"\d+")


def numbered_by_its_lines(pieces: Sequence[str]) -> bool:
    """Whether a page's lines carry line numbers (a review copy: 75, 76, 77 … in the margin).

    Most lines open or end with a number, and the numbers mostly go up by one (two or three
    where PDFium joined a hyphenated line to the next), or a long run of them does and holds most
    of the page's lines (`_holds_the_page`); or fewer lines do, a float's being
    unnumbered, but their numbers go up so for a long run; or a long run of lines are numbers
    alone, each one more than the last (`_bare_numbers_run`), and half the page's lines are
    numbers alone (a list's labels set apart from their lines number references, fewer).
    """
    lines = [piece for piece in pieces if piece.strip()]
    bare = sum(1 for line in lines if line.strip().isdecimal())
    if _bare_numbers_run(lines) >= _FLOATED_RUN and 2 * bare >= len(lines):
        return True  # every line numbered: as many numbers as lines of text, or more
    numbered = _numbered(lines)
    steps = [b - a for (_, a, _), (_, b, _) in pairwise(numbered)]
    run = _longest_run(steps)
    return (
        len(numbered) >= 5
        and (len(numbered) >= _NUMBERED_SHARE * len(lines) or run >= _FLOATED_RUN)
        and (sum(1 for step in steps if step in _STEP) >= 0.8 * len(steps) or _holds_the_page(run, lines))
        and not _labels_across_wrapped_lines(numbered, lines)
    )


def _holds_the_page(run: int, lines: Sequence[str]) -> bool:
    """Whether a run of line numbers going up one by one (``run`` steps) holds most of a page's
    lines, and a long run: the page's other numbers are a float's (a figure's caption above the
    text, "a 128³ grid", its superscripts read as "1283"), no line numbers that break it."""
    return run >= _FLOATED_RUN and run + 1 >= _NUMBERED_SHARE * len(lines)


# Steps of a run of line numbers that number a page whose float (a table, a figure's text: lines
# lineno leaves unnumbered) holds more lines than its text does.
_FLOATED_RUN = 12


def _bare_numbers_run(lines: Sequence[str]) -> int:
    """The most lines in a row that are a number alone, each one more than the one before: a
    review copy's line numbers that PDFium gives apart from their lines (a margin's "552", "553"
    … before the page's text, ICML's), where a list's labels alone on their lines have its
    references' lines between them."""
    return max((len(run) for run in _bare_number_runs(lines)), default=0)


def _bare_number_runs(pieces: Sequence[str]) -> list[list[int]]:
    """Where the runs of lines that are a number alone stand among a page's ``pieces`` (its
    lines), each number one more than the one before (an empty line between two goes on)."""
    runs: list[list[int]] = []
    last: int | None = None
    for at, piece in enumerate(pieces):
        text = piece.strip()
        if not text:
            continue
        number = int(text) if text.isdecimal() and len(text) <= 4 else None
        if number is not None and last is not None and number == last + 1:
            runs[-1].append(at)
        elif number is not None:
            runs.append([at])
        last = number
    return runs


def numbers_set_apart(pieces: Sequence[str], place: Callable[[int], tuple[float, float]]) -> bool:
    """Whether a page's lines (``pieces``) hold a review copy's line numbers that PDFium gives
    apart from their lines beside one column of two (ICML's "330" … "384" in the left margin, the
    page's text after them: fewer than half its lines, `numbered_by_its_lines`): a run of numbers
    alone, each one more than the last, that stand one under the other at one step no wider
    than a line of their type. A list's labels given apart from their references stand a
    reference apart, a step that changes with each reference's length. ``place(at)`` is the
    baseline and type size of the line ``at``."""
    for run in _bare_number_runs(pieces):
        if len(run) < _FLOATED_RUN:
            continue
        places = [place(at) for at in run]
        steps = [above - below for (above, _), (below, _) in pairwise(places)]
        size = max(size for _, size in places)
        if min(steps) > 0 and max(steps) - min(steps) <= _EVEN * size and max(steps) <= _LINE_EMS * size:
            return True
    return False


_EVEN = 0.05  # ems: the steps of evenly set numbers differ by no more than rounding
_LINE_EMS = 1.5  # a line's step, at most, in ems of its type


def _longest_run(steps: Sequence[int]) -> int:
    """The most steps in a row that go on a run of line numbers (`_STEP`)."""
    longest = current = 0
    for step in steps:
        current = current + 1 if step in _STEP else 0
        longest = max(longest, current)
    return longest


def _labels_across_wrapped_lines(numbered: Sequence[tuple[int, int, str]], lines: Sequence[str]) -> bool:
    """Whether the numbers that open a page's lines (`_numbered`) are a reference list's bare
    labels (Vancouver's, REVTeX's "19 Anon. Exchangeable image file format …; 2012. Available
    from:" and its wrapped line, then "20 Anon. Mathematics 4c; 2012."), not a review copy's line
    numbers: a page of one-line references has as many numbered lines, but the labels go up by
    one across the lines that carry none (a reference's wrapped lines), where line numbers would
    count them. A line PDFium split at raised or lowered type ("528 Appel … graph on uniform",
    "points in [0,1]d", "529 . Advances in …": the superscript "d" set apart) carries no number
    either, and the numbers go up by one across it too: the line after it goes on with the same
    line, opening with a punctuation mark no reference opens with — no label. Nor does a heading
    that lineno leaves unnumbered (Frontiers' "279 Funding: …", "REFERENCES", "280 Blankenberg, D.,
    …"): the numbers go up by one across it, and it is no reference's wrapped line (`lines` are
    the page's, that ``numbered`` places its lines among)."""
    across = [
        number - before
        for (at, before, _), (next_at, number, text) in pairwise(numbered)
        if next_at - at > 1 and not _GOES_ON.match(text) and not _heading_among(lines[at + 1 : next_at])
    ]
    labels = sum(1 for step in across if step == 1)
    return labels >= 2 and labels > len(across) / 2


_GOES_ON = re.compile(r"\s*[.,;:)\]]")  # a line's rest after raised type: ". Advances in …"


def _heading_among(lines: Sequence[str]) -> bool:
    """Whether one of ``lines`` is a section's heading: the list's own ("REFERENCES") or one a
    journal sets after it ("ACKNOWLEDGMENTS", "Funding")."""
    return any(HEADING.match(line.strip()) or _SECTION_AFTER.match(line.strip()) for line in lines)


class LineNumbering:
    """A review copy's line numbers from page to page: whether a page that is not numbered by
    its own lines (too few) goes on with the previous page's numbers."""

    def __init__(self) -> None:
        self._last: int | None = None

    def page(self, pieces: Sequence[str]) -> bool:
        """Whether the page of ``pieces`` (its text lines) is line-numbered: by its own lines
        (`numbered_by_its_lines`), or its numbers go on from the previous page's last one."""
        numbered = numbered_by_its_lines(pieces)
        lines = [piece for piece in pieces if piece.strip() and not piece.strip().isdigit()]
        found = _numbered(lines)
        numbers = [number for _, number, _ in found]
        steps = [b - a for a, b in zip([self._last or 0, *numbers], numbers, strict=False)]
        goes_on = (
            self._last is not None
            and bool(numbers)
            and len(numbers) >= _NUMBERED_SHARE * len(lines)
            and all(step in _STEP for step in steps)
            and not _labels_across_wrapped_lines(found, lines)
        )
        numbered = numbered or goes_on
        self._last = numbers[-1] if numbered and numbers else None
        return numbered


def list_indents(lines: Sequence[Line]) -> list[float]:
    """Each of the section's ``lines`` indented from the list's own left margin in its column
    (on the pages of its side: a two-sided document shifts odd and even pages), not from its
    page's leftmost line: a page that holds only the wrapped end of a reference has no line at
    the margin, and its lines would read as flush, each a reference of its own. A side's margin
    is the one most of its pages share, and a page's lines set further left than it move it from
    there on, for that page: TeX may shift a list's last pages to the left (plainnat after an
    overfull URL, by a whole indent), which must neither make every other page's flush lines
    read as indented nor that page's indented ones as flush. The list's first line starts a
    reference: its page and column keep their own margin (a list whose first page TeX set further
    right than the pages after it, Harvard ``dcu`` after a page of text). A line emptied
    (a heading, a footnote), or one of marks alone (a note's "✐" in the margin, twice on a page
    beyond its left edge), is none of the list's."""
    lefts: dict[tuple[int, int], list[float]] = {}
    for line in lines:
        # A mark with no letter or digit (a to-do note's "✐" in the margin, a bullet) sets no margin.
        if any(char.isalnum() for char in line.text):
            lefts.setdefault((line.page, line.column), []).append(line.left)
    margins = _list_margins(lines, lefts)
    leftmost: dict[tuple[int, int], float] = {}  # of each page's lines of text so far
    indents = []
    for line in lines:
        where = (line.page, line.column)
        if len(line.text.strip()) >= _TEXT_LINE:
            leftmost[where] = min(line.left, leftmost.get(where, line.left))
        if where not in margins:  # no line of text on this page and column
            indents.append(0.0)
            continue
        usual = margins[where]
        indents.append(max(0.0, line.left - min(usual, leftmost.get(where, usual))))
    return indents


def _list_margins(
    lines: Sequence[Line], lefts: dict[tuple[int, int], list[float]]
) -> dict[tuple[int, int], float]:
    """The margin each page's and column's lines (``lefts``: where its lines of text start) are
    indented from, before a line further left moves it: the side's usual margin or the page's own
    where that is further left; the page's own where it opens the list or shows a hanging indent
    of its own (`_hangs_from`)."""
    own = {where: _page_margin(page) for where, page in lefts.items()}
    margins = _one_sided(_usual_margins(own), lefts)
    first = next(((line.page, line.column) for line in lines if line.text), None)
    sizes = sorted(line.size for line in lines if line.size)
    size = sizes[len(sizes) // 2] if sizes else 0.0  # the list's type, for an em
    return {
        where: margin
        if where == first or _hangs_from(lefts[where], margin, size)
        else min(margins[where[0] % 2, where[1]], margin)
        for where, margin in own.items()
    }


def _one_sided(
    margins: dict[tuple[int, int], float], lefts: dict[tuple[int, int], list[float]]
) -> dict[tuple[int, int], float]:
    """The sides' margins (``margins``, by side and column), where the document sets both sides
    alike (in a column both sides hold, their margins agree to the point), each column's the
    leftmost of the two sides': a side whose column holds only one page, its lines one reference's
    wrapped lines all at one place (ICML's page of a long author list, the only odd page of the
    list), would make them its margin and read each as a reference."""
    columns = {column for _, column in margins}
    sides = [column for column in columns if (0, column) in margins and (1, column) in margins]
    alike = [column for column in sides if abs(margins[0, column] - margins[1, column]) <= _SAME_POINT]
    if not alike:
        return margins
    one_place = _one_page_at_one_place(lefts)
    return {
        (side, column): min(margin, margins.get((1 - side, column), margin))
        if (side, column) in one_place
        else margin
        for (side, column), margin in margins.items()
    }


def _one_page_at_one_place(lefts: dict[tuple[int, int], list[float]]) -> set[tuple[int, int]]:
    """The sides and columns (``lefts``: where each page's and column's lines start) where one
    page alone holds lines, all starting at one place."""
    pages = Counter((page % 2, column) for page, column in lefts)
    return {
        (page % 2, column)
        for (page, column), found in lefts.items()
        if pages[page % 2, column] == 1 and max(found) - min(found) <= _SAME_POINT
    }


def _hangs_from(lefts: Sequence[float], margin: float, size: float) -> bool:
    """Whether a page's lines show a hanging indent from ``margin`` (its own, right of the
    side's): two lines or more start there and two or more an em or more further in. Such a page
    set its list further right than the pages of its side (a list moved mid-page by an overfull
    line, before the move); a page holding one reference's wrapped lines starts them at one place."""
    at_margin = sum(1 for left in lefts if abs(left - margin) <= _SAME_POINT)
    further = sum(1 for left in lefts if left >= margin + size)
    return size > 0 and at_margin >= 2 and further >= 2


_SAME_POINT = 1.0  # points: two lines start at the same place when this close


# A line of fewer characters (a stray ":" PDFium placed at the column's left, a dagger) moves no margin.
_TEXT_LINE = 10


def _page_margin(lefts: list[float]) -> float:
    """A page's (or column's) left margin: the leftmost point two of its lines start at, not one
    line alone (a line TeX set off in math mode after a stray "_"); its leftmost line where no
    two lines share a point."""
    shared = Counter(round(left) for left in lefts)
    points = [point for point, count in shared.items() if count >= 2]
    if not points:
        return min(lefts)
    lowest = min(points)  # a point two lines start at: one left at least rounds to it
    return min(left for left in lefts if round(left) == lowest)


def _usual_margins(page_margins: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Each side's and column's margin: the left edge most of its pages share (to the point; the
    leftmost where as many pages share another)."""
    by_side: dict[tuple[int, int], list[float]] = {}
    for (page, column), left in page_margins.items():
        by_side.setdefault((page % 2, column), []).append(left)
    margins = {}
    for which, lefts in by_side.items():
        shared = Counter(round(left) for left in lefts)
        most = max(shared.values())
        usual = min(point for point, count in shared.items() if count == most)
        margins[which] = min(left for left in lefts if round(left) == usual)
    return margins


def rebased(lines: Sequence[LineT]) -> list[LineT]:
    """The lines, each with its indent from the list's own margin (`list_indents`)."""
    return [line._replace(indent=indent) for line, indent in zip(lines, list_indents(lines), strict=True)]  # type: ignore[attr-defined]
