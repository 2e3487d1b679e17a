"""PDF papers: the references section read out of the PDF, one query per reference.

The text comes from PDFium (``pypdfium2``: Apache-2.0/BSD-3-Clause, wheels for Linux,
macOS and Windows; chosen over pypdf, pdfminer.six, PyMuPDF and poppler's pdftotext in
the survey of docs/pdf.md). PDFium gives the text of each page in reading order, columns
one after the other, marks a hyphen it found at a line end, and tells where each line
starts on the page. From that:

1. every page's lines, with the page they are on and how far each is indented from the
   left edge of its column (two columns are told apart by the page's middle); page
   numbers, running heads (a line repeated at the top or bottom of several pages), whatever
   stands beyond the page's media box (crop marks, a draft's slug) and a review copy's line
   numbers in the margin are dropped, two printed lines PDFium gave as one are parted again
   (`line_starts`), and of a page crowded with a plot drawn as text only the
   lines holding a word are read; ligatures (ﬁ, ﬀ, and the Cork
   slots of T1 fonts) become letters, and a word hyphenated at a line end is joined —
   keeping the hyphen only when the same word is written with one elsewhere in the paper
   ("self-supervised");
2. the references section: from the last heading named References, Bibliography, Literature
   Cited or Works Cited (numbered or not) to the end, or to the first heading after it set
   larger than the list's own type (the size most of its characters are set in) and as large
   as that heading (an appendix; smaller ones are the headings of the list's parts, dropped),
   a figure or table floated into the list excepted (`_pdf_floats`: its lines are dropped, the
   list goes on after it); without such a heading, the longest run of labels going up one by
   one from 1 ("[1]", "1.", a bare "1"), trusted when long, when its items read as references,
   or when each opens with an author list and carries a year. The lists under the headings
   before the last (a chapter's, a part's; a larger heading naming the references among a few
   words counts, "APA 10.1 References", and between such headings one set like them that names
   none, "APA 9.8–Format of the Author Element", when its items read as entries) are read too,
   each to where its geometry ends (`bibnorm.readers._pdf_sections`); a note in the margin a
   line begins with is dropped, and so are the notes set with a list (`_list_notes`) and the
   authors' addresses after it (`_list_edges`);
3. the section's lines go to the reference-list reader (`bibnorm.readers.refs`), which
   splits and parses them: as their text reads (hanging indents kept as indents; bare number
   labels written "[n]"), or as their geometry splits them when that reads more references
   (not a list whose number labels go up one by one, flush or not: REVTeX right-aligns them) —
   each line flush with the list starts a reference, each indented one goes on the one before,
   and one set further in than those after a dash or rule is a reference by the previous
   authors (`_by_geometry`; where the list's first line is indented, each reference a paragraph
   with a first-line indent, the indented lines start them); a list set flush without labels
   is split where more space stands between two lines than the list's line spacing
   (`_by_spacing`); each query's origin is its line in the document's text and its page.

Refused with one line each: an encrypted PDF, a PDF without a text layer (a scan), a PDF
without a references section, and a file that is not a readable PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import accumulate, pairwise
from typing import NamedTuple

from bibnorm.errors import InputError
from bibnorm.models import Origin, Query
from bibnorm.processes import KeptWorker, WorkerLostError, WorkerTimeoutError
from bibnorm.readers._closing_note import closing_note
from bibnorm.readers._entry_sets import split_entry_sets
from bibnorm.readers._italic_titles import italic_runs, queries_with_italic_titles
from bibnorm.readers._list_edges import (
    FLUSH_EMS,
    LineNumbering,
    address_blocks,
    below_columns,
    column_footnotes,
    ends_list,
    fifth_line_cuts,
    line_number_cuts,
    numbers_set_apart,
    page_furniture,
    rebased,
)
from bibnorm.readers._list_notes import blank_notes, without_notes
from bibnorm.readers._pdf_accents import (
    join_overlaid_accents,
    readable_text,
    rejoined_at_accents,
    without_breaks,
)
from bibnorm.readers._pdf_floats import after_float, float_start, list_type
from bibnorm.readers._pdf_labels import (
    MIN_RUN,
    TRUSTED_RUN,
    bracket_raised_label,
    indent_ems,
    joined_wrapped_labels,
    label_number,
    last_labelled_pair,
    numbered_run,
    split_at_labels,
)
from bibnorm.readers._pdf_margins import margin_note
from bibnorm.readers._pdf_sections import (
    LARGER,
    balance,
    layout_end,
    list_headings,
    mostly_references,
    names_and_dates,
    names_the_list,
    part_headings,
    read_as_references,
    reads_as_a_list,
    unread_within,
)
from bibnorm.readers._pdf_spacing import settled_starts, spaced_starts
from bibnorm.readers._pdf_typography import (
    ITALIC_END,
    ITALIC_START,
    italic_style,
    mark_italics,
    unmark_italics,
)
from bibnorm.readers._ref_apa import one_a_line
from bibnorm.readers._ref_headings import names_references
from bibnorm.readers._reflist import (
    Item,
    Layout,
    ReferenceList,
    split_paragraphs,
)
from bibnorm.readers._repeated_authors import after_rule, first_line, reference_start, with_repeated_authors
from bibnorm.readers.base import Reader
from bibnorm.readers.refs import describe_list, looks_like_reference, read_list

_SPACES = " \t\xa0"  # what PDFium's text may start or end a line with
_SOFT_HYPHEN = "\ufffe"  # PDFium: a hyphen at a line end, the word going on on the next line
# PDFium counts a character beyond the Basic Multilingual Plane (a math italic "𝜋" in "On the
# 𝜋-calculus") as two, its UTF-16 surrogates, where Python's text holds one: this slot after it
# keeps each character of the text at its index on the page, and is taken out of each line.
_SECOND_SURROGATE = "\uffff"
_HYPHENATED = re.compile(rf"(?<![^\W\d_])([^\W\d_]+){_SOFT_HYPHEN}([^\W\d_]+)")  # from a word's start
_WORD_WITH_HYPHEN = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")
_MIN_LETTERS_PER_PAGE = 20  # fewer on every page: no text layer


class PdfLine(NamedTuple):
    page: int  # 1-based
    column: int  # 0, or 1 for a line that starts right of the page's middle
    left: float  # where the line starts, in points from the page's left edge
    size: float  # font size of the line's first character
    text: str
    indent: float = 0.0  # from the left edge of the line's column (its leftmost line)
    italics: tuple[tuple[int, int], ...] = ()  # (start, end) of each run of the text set in italics
    bottom: float = 0.0  # where the line's first character stands, in points from the page's foot
    # where its last character stands, when not on its first's baseline: PDFium gives a line
    # hyphenated at its end and the next as one ("catch\ufffements hydrological …")
    end_bottom: float | None = None


def read_pdf(data: bytes, path: str) -> tuple[list[Query], str]:
    """One `Query` per reference in the PDF's references section, and how it was read."""
    lines = _document_lines(data, path)
    section = references_section(lines)
    read = read_section(section_lines(lines, section), path, section.first) if section else None
    if section is not None and section.headed:
        section, read = _labelled_list_after(lines, section, read, path) or (section, read)
        section, read = _numbering_continued(lines, section, read, path) or (section, read)
    found = _if_trusted(section, read) or _labelled_pair(lines, path)
    if found is None:
        raise InputError(
            f"{path}: no references section found (no 'References' or 'Bibliography' heading, "
            "no list of references starting at [1] or 1.); nothing was read"
        )
    queries, references = _with_earlier_lists(lines, *found, path)
    where = _pages_read(queries)
    return queries, f"the PDF's references section ({where}) {describe_list(references, queries)}"


def _if_trusted(
    section: Section | None, read: tuple[list[Query], ReferenceList] | None
) -> tuple[Section, tuple[list[Query], ReferenceList]] | None:
    """The section and its reading, where it is a reference list (`_trusted`)."""
    if section is None or read is None or not _trusted(section, read[1]):
        return None
    return section, read


def _pages_read(queries: Sequence[Query]) -> str:
    """The page or pages the references were read on ("page 7", "pages 7–9")."""
    pages = sorted({query.origin.page for query in queries if query.origin and query.origin.page} or {1})
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}–{pages[-1]}"


def _trusted(section: Section, references: ReferenceList) -> bool:
    """Whether a section read as ``references`` is a reference list: under a heading; found by
    eight labels in order or more; or by three or more whose items mostly read as references; or
    whose items each open with an author list and carry a year (physics' titleless references)."""
    return (
        section.headed
        or section.labels >= TRUSTED_RUN
        or (section.labels >= MIN_RUN and mostly_references(references))
        or names_and_dates(references)
    )


def _labelled_pair(
    lines: Sequence[PdfLine], path: str
) -> tuple[Section, tuple[list[Query], ReferenceList]] | None:
    """A short letter's whole list of two, unheaded, where no longer list is found: the last
    lines labelled "[1]" and "[2]" (REVTeX), read when both items open with an author list and
    carry a year."""
    pair = last_labelled_pair([line.text for line in lines])
    ended = _section_end(lines, pair[0], 0.0) if pair else None
    if pair is None or ended is None:
        return None
    section = Section(pair[0], ended[0], False, pair[1], floats=ended[1])
    read = read_section(section_lines(lines, section), path, section.first)
    return (section, read) if read is not None and names_and_dates(read[1]) else None


def _labelled_list_after(
    lines: Sequence[PdfLine], headed: Section, read: tuple[list[Query], ReferenceList] | None, path: str
) -> tuple[Section, tuple[list[Query], ReferenceList]] | None:
    """The list found by its labels going up from 1 after a References heading whose lines
    (``read``) read as no list (REVTeX's guides: a body section "3. References", the list itself
    unheaded). A list under the heading whose items are labelled 1, 2, 3 … is one, whatever the
    reference test makes of its items' words: the run after it is none of it (a French thesis's
    table of contents at its end, its chapters numbered)."""
    run = numbered_run([line.text for line in lines[headed.end :]])
    if run is None or (
        read is not None and (_numbered_from_one(read[1]) >= TRUSTED_RUN or mostly_references(read[1]))
    ):
        return None
    ended = _section_end(lines, headed.end + run[0], 0.0)
    if ended is None:
        return None
    found = Section(headed.end + run[0], ended[0], False, run[1], floats=ended[1])
    read = read_section(section_lines(lines, found), path, found.first)
    trusted = read is not None and (found.labels >= TRUSTED_RUN or mostly_references(read[1]))
    return (found, read) if trusted and read is not None else None


def _numbering_continued(
    lines: Sequence[PdfLine], headed: Section, read: tuple[list[Query], ReferenceList] | None, path: str
) -> tuple[Section, tuple[list[Query], ReferenceList]] | None:
    """The list going on under the heading that ended it, where its numbers go on there: a Russian
    thesis's "Публикации автора" (the author's own papers) after its "Список литературы", numbered
    121, 122 … after 120. The heading is no line of the list."""
    last = read[1].items[-1].label if read is not None and read[1].items else None
    heading = headed.end
    if last is None or not last.isdigit() or heading + 1 >= len(lines):
        return None
    if label_number(lines[heading + 1].text) != int(last) + 1:
        return None
    ended = _section_end(lines, heading + 1, lines[heading].size * _SAME_RANK)
    if ended is None:
        return None
    floats = (*headed.floats, (heading, heading + 1), *ended[1])
    grown = Section(headed.first, ended[0], True, headed.labels, headed.part, floats=floats)
    reread = read_section(section_lines(lines, grown), path, grown.first)
    return (grown, reread) if reread is not None else None


def _numbered_from_one(references: ReferenceList) -> int:
    """How many of a list's items, from its first, are labelled 1, 2, 3 … in order."""
    count = 0
    for item in references.items:
        if item.label != str(count + 1):
            break
        count += 1
    return count


def read_section(
    lines: Sequence[PdfLine], path: str, before: int = 0
) -> tuple[list[Query], ReferenceList] | None:
    """The queries of a references section's ``lines`` (``before`` lines of the document come
    before them: each query's origin is its line in the document), and the list they were
    read as; ``None`` when the lines hold no reference list. Lines in larger type than the
    list's (the headings of its parts: "Articles", "Books") are no part of any reference."""
    body = list_type(lines[:_LIST_SAMPLE]) or 0.0
    footers = (
        below_columns(lines) | column_footnotes(lines, body) | closing_note(lines) | address_blocks(lines)
    )
    # Indents from the list's own margin (not the page's leftmost line, nor a footnote's); a note
    # after the references is none of them.
    lines = rebased(
        blank_notes(
            [
                line._replace(text="") if line.size > body * LARGER or at in footers else line
                for at, line in enumerate(lines)
            ]
        )
    )
    lines = joined_wrapped_labels(_bare_labels(split_at_labels(lines)))
    references, line_of = _read_section(lines)
    if references is None:
        return None
    # notes before the list (APA's "References marked with an asterisk …"), and REVTeX's notes
    # of the paper set in its list
    references = without_notes(split_entry_sets(references))
    queries = queries_with_italic_titles(
        references,
        _italic_runs_of_items(references, line_of, lines),
        lambda at: Origin(path=path, line=before + line_of[at], page=lines[line_of[at] - 1].page),
    )
    return with_repeated_authors(queries), references


def _italic_runs_of_items(
    references: ReferenceList, line_of: Sequence[int], lines: Sequence[PdfLine]
) -> list[list[str]]:
    """The italic runs of each item's lines (from its first line to the next item's; the members
    of an entry set share theirs)."""
    starts = [line_of[item.line] - 1 for item in references.items]
    ends = [next((end for end in starts[at:] if end > start), len(lines)) for at, start in enumerate(starts)]
    return [
        italic_runs([(line.text, line.italics) for line in lines[start:end]])
        for start, end in zip(starts, ends, strict=True)
    ]


def _read_section(lines: Sequence[PdfLine]) -> tuple[ReferenceList | None, list[int]]:
    """The section's references, as its text reads or as its geometry splits it (a blank line
    before each line that starts a reference) unless its text reads better
    (`_text_reads_better`); and for each line of the text read (1-based), the section's line it
    is (0 for an inserted blank line)."""
    as_text = read_list("\n".join(_as_text(line) for line in lines))
    straight = list(range(len(lines) + 1))
    marked = _by_geometry(lines)
    if marked is None and as_text is not None and not _by_labels(as_text):
        marked = _by_spacing(lines)
    if marked is None:
        return as_text, straight
    by_geometry = split_paragraphs("\n".join(text for text, _ in marked))
    if as_text is not None and _text_reads_better(lines, as_text, by_geometry):
        return as_text, straight
    return by_geometry, [0, *(at for _, at in marked)]


def _text_reads_better(lines: Sequence[PdfLine], as_text: ReferenceList, by_geometry: ReferenceList) -> bool:
    """Whether the section's text reads its references better than its geometry splits them.

    The geometry is what the page shows, the text's split a guess: the text's wins only by a
    clear margin (a tenth of the items), and never reading no reference (laws and court cases
    under APA's headings read as none, however they are split). Where every line hangs at one
    indent or none and an item of the geometry's that reads as none stands among those that do,
    each flush line starts a reference: the text's wins only by reading more references in no
    more items, not by joining to its neighbour an item that reads as none (an organisation as
    author, "Organization for Economic Cooperation and Development. About PISA, 2021b."), nor by
    splitting lines off a reference (a wrapped line reads as one too)."""
    if not any(looks_like_reference(item.text) for item in as_text.items):
        return False
    if unread_within(by_geometry) and _one_hanging_indent(lines):
        read = read_as_references(as_text) > read_as_references(by_geometry)
        return read and len(as_text.items) <= len(by_geometry.items)
    return balance(as_text) > balance(by_geometry) + len(by_geometry.items) // 10


def _one_hanging_indent(lines: Sequence[PdfLine]) -> bool:
    """Whether each line of the section stands flush or at the continuation lines' one indent
    (within half an em), that indent an em or more: a hanging-indent list set as its class sets it."""
    layout = _hanging_indent(lines)
    if layout is None or not _HANGING_EMS <= layout[2] < float("inf"):
        return False
    ems, flush, continued = layout
    return all(
        is_flush or abs(em - continued) <= _SAME_INDENT_EMS
        for line, em, is_flush in zip(lines, ems, flush, strict=True)
        if line.text
    )


_HANGING_EMS = 1.0


def _by_geometry(lines: Sequence[PdfLine]) -> list[tuple[str, int]] | None:
    """The section's lines, each with its 1-based line in the section, and a blank line (line
    0) before every line that starts a reference by the list's geometry; ``None`` when the
    geometry shows no hanging indent.

    A hanging-indent list sets each reference's first line flush and the rest indented by one
    amount; a line set further in than that, with no author before its year, is a reference
    whose authors the style replaced by a dash or a rule (econ's rule, biblatex's "—"): it
    starts a reference, and its authors are the previous reference's. A list whose first line
    is indented sets each reference as a paragraph, its first line indented and the rest flush
    (a word processor's first-line indent): there the indented lines start the references.
    """
    layout = _hanging_indent(lines)
    if layout is None:
        return None
    ems, flush, continued = layout
    if not next((is_flush for line, is_flush in zip(lines, flush, strict=True) if line.text), True):
        flush, continued = [not is_flush for is_flush in flush], float("inf")  # first lines indented
    marked: list[tuple[str, int]] = []
    authors = ""
    for at, (line, em, is_flush) in enumerate(zip(lines, ems, flush, strict=True), start=1):
        if not line.text:
            continue
        starts, dashed = reference_start(line.text, em, is_flush, continued)
        if not starts:
            marked.append(("    " + line.text, at))
            continue
        text, authors = first_line(line.text, dashed.end() if dashed else None, authors)
        if marked:
            marked.append(("", 0))  # a paragraph break: the reader splits blank-line separated items
        marked.append((text, at))
    return marked


_BY_LABELS = (Layout.NUMBERED, Layout.LABELLED)  # lists their labels split: the space adds nothing


def _by_labels(as_text: ReferenceList) -> bool:
    """Whether the text reads as a list its labels split: a run of them, not two numbers a flush
    list's lines open with ("1 s0 transition …", a formula's index wrapped)."""
    return as_text.layout in _BY_LABELS and len(as_text.items) >= MIN_RUN


def _by_spacing(lines: Sequence[PdfLine]) -> list[tuple[str, int]] | None:
    """The section's lines as `_by_geometry` marks them, split where a gap wider than the
    list's line spacing stands above a line (`spaced_starts`); where the space tells nothing (a
    page's or column's first line), where the text on either side reads as a whole reference
    (`settled_starts`); ``None`` when the list shows no such gaps."""
    starts = spaced_starts(lines)
    if starts is None:
        return None
    texts = [line.text for line in lines]
    marked: list[tuple[str, int]] = []
    for at, (text, opens) in enumerate(
        zip(texts, settled_starts(starts, texts, looks_like_reference), strict=True)
    ):
        if not text:
            continue
        if marked and opens:
            marked.append(("", 0))  # a paragraph break: the reader splits blank-line separated items
        marked.append((text, at + 1))
    return marked


def _hanging_indent(lines: Sequence[PdfLine]) -> tuple[list[float], list[bool], float] | None:
    """Each line's indent in ems of its type, whether it is flush, and the continuation lines'
    indent in ems; ``None`` when the lines show no hanging indent (or are a numbered list)."""
    ems = [indent_ems(line) for line in lines]
    flush = [em < FLUSH_EMS for em in ems]
    # the lines a rule for the names opens stand where the rule ends, not where lines wrap
    wrapping = [em for em, line in zip(ems, lines, strict=True) if not after_rule(line.text)]
    # Labels open the flush lines (most of the first three: a hybrid list's numbered part may
    # follow two unnumbered references); an indented line opening with a number is a wrapped
    # "42 (3), 1069-1077.", no label.
    firsts = [line.text for line, is_flush in zip(lines, flush, strict=True) if is_flush and line.text][:3]
    if sum(flush) < 2 or sum(bool(_LABELLED.match(text)) for text in firsts) >= 2:
        return None
    if _labels_in_order(lines) >= max(MIN_RUN, sum(flush) / 2):
        return None  # a numbered list whose labels do not all stand flush (REVTeX right-aligns them)
    continued = continuation_indent(wrapping)
    # no hanging indent shows: unless its lines are APA's, none wrapped
    if not _hangs_at_one_indent(wrapping, continued):
        return (ems, flush, float("inf")) if one_a_line([line.text for line in lines]) else None
    return ems, flush, continued


def _hangs_at_one_indent(ems: Sequence[float], continued: float) -> bool:
    """Whether the lines indented (two or more: ``ems`` of their type, to the half em) hang at
    the continuation lines' indent: half of them at least within half an em of it (the others
    further in: a rule's editors, "(Eds.), 1985. Handbook …"). Lines indented each its own way are
    pieces of lines (a formula's raised glyphs PDFium gives apart), no hanging indent."""
    indented = [round(em * 2) / 2 for em in ems if em >= FLUSH_EMS]
    hanging = sum(abs(em - continued) <= _SAME_INDENT_EMS for em in indented)
    return len(indented) >= 2 and hanging >= len(indented) / 2


def continuation_indent(ems: Sequence[float]) -> float:
    """The continuation lines' indent, of the lines indented ``ems``: the median of the indents
    within half an em of the most common one (to the half em), not that half em itself — a line
    a space further in than the continuations is told by a quarter em ("and Name" after AER's
    rule), and a continuation at 2.26 ems is none such beside others at 2.04, which round to 2."""
    indented = [em for em in ems if em >= FLUSH_EMS]
    if not indented:
        return float("inf")
    mode = Counter(sorted(round(em * 2) / 2 for em in indented)).most_common(1)[0][0]
    near = sorted(em for em in indented if abs(em - mode) <= _SAME_INDENT_EMS)
    return near[len(near) // 2]


_SAME_INDENT_EMS = 0.5


# numbered lists split by label (REVTeX may set the first label alone on its line: "[1]")
_LABELLED = re.compile(r"^\s*(?:\[[^\]]{1,20}\]|\(?\d{1,3}[.)]?)(?:\s|$)")
_NUMBER_LABEL = re.compile(r"^\s*(?:\[(\d{1,3})\]|\(?(\d{1,3})[.)])(?:\s|$)")


def _labels_in_order(lines: Sequence[PdfLine]) -> int:
    """How many of the lines open with a number label ("[7]", "7.", "(7)") going up one by one
    from the first: a numbered list's, wherever the page sets its labels (a two-digit label
    flush, a one-digit one right-aligned under it and so indented)."""
    first = expected = None
    for line in lines:
        found = _NUMBER_LABEL.match(line.text)
        if found is not None:
            number = int(found.group(1) or found.group(2))
            if expected is None or number == expected:
                first = number if first is None else first
                expected = number + 1
    return 0 if first is None or expected is None else expected - first


def _with_earlier_lists(
    lines: Sequence[PdfLine], last: Section, read: tuple[list[Query], ReferenceList], path: str
) -> tuple[list[Query], ReferenceList]:
    """The queries of the lists under the headings before the last list's (`earlier_lists`;
    one is kept unless hardly any of its items read as references), then the last list's; and
    the list they read as (the last list's layout)."""
    queries: list[Query] = []
    items: list[Item] = []
    for earlier in earlier_lists(lines, last):
        found = read_section(section_lines(lines, earlier), path, earlier.first)
        if found is not None and reads_as_a_list([item.text for item in found[1].items], part=earlier.part):
            queries += found[0]
            items += found[1].items
    return [*queries, *read[0]], read[1]._replace(items=[*items, *read[1].items])


def earlier_lists(lines: Sequence[PdfLine], last: Section) -> list[Section]:
    """The reference lists under the headings before the ``last`` list's heading (a chapter's,
    a part's): each to the next heading, to a heading of its own heading's rank, or where its
    geometry ends (`bibnorm.readers._pdf_sections`)."""
    if not last.headed:
        return []
    named = list_headings(lines)
    parts = set(part_headings(lines, named))
    starts = [at + 1 for at in sorted({*named, *parts}) if at + 1 < last.first]
    found: list[Section] = []
    for first, after in pairwise([*starts, last.first]):
        end, floats = _section_end(lines, first, lines[first - 1].size * _SAME_RANK) or (first, ())
        end = min(end, after - 1)
        end = first + layout_end(lines[first:end], 0, end - first)  # reads no indent: none rebased
        if end > first:
            found.append(Section(first, end, headed=True, part=first - 1 in parts, floats=floats))
    return found


class Section(NamedTuple):
    first: int  # index of the first line after the heading (or of the list's "[1]")
    end: int  # index after the last line
    headed: bool  # found under a References/Bibliography heading
    labels: int = 0  # without one: how many labels in order (1, 2, 3 …) the list was found by
    part: bool = False  # under a heading set like a list's that does not name the references
    floats: tuple[tuple[int, int], ...] = ()  # (first, end) of each float inside the list


def section_lines(lines: Sequence[PdfLine], section: Section) -> list[PdfLine]:
    """The lines of ``section``, those of the floats inside it emptied (kept in their places:
    a query's origin is its line in the document)."""
    found = list(lines[section.first : section.end])
    for first, end in section.floats:
        for at in range(max(first, section.first), min(end, section.end)):
            found[at - section.first] = found[at - section.first]._replace(text="", italics=())
    return found


def references_section(lines: Sequence[PdfLine]) -> Section | None:
    """Where the references' lines are in ``lines`` (see the module docstring), or ``None``.
    Under the last heading that names the references and has lines after it: a running foot
    naming them below the list's last line ("34 BIBLIOGRAPHIE") heads nothing, and the heading
    before it does (the lists under the headings before the one kept are read too:
    `earlier_lists`)."""
    headings = list_headings(lines)
    for heading in reversed(headings):
        # The section ends at a heading of the References heading's rank (an appendix); a smaller
        # heading inside it ("Articles", "Books") is a part of the list, dropped by `read_section`.
        ended = _section_end(lines, heading + 1, lines[heading].size * _SAME_RANK)
        if ended is not None and ended[0] > heading + 1:
            return Section(heading + 1, ended[0], True, 0, floats=ended[1])
    if headings:
        return None
    run = numbered_run([line.text for line in lines])
    if run is None:
        return None
    first, labels = run
    ended = _section_end(lines, first, 0.0)
    if ended is None or ended[0] <= first:
        return None
    return Section(first, ended[0], False, labels, floats=ended[1])


def _section_end(
    lines: Sequence[PdfLine], first: int, rank: float
) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """Where the list that starts at ``first`` ends: at the first line larger than the list's
    type and at least ``rank`` in size, or at a figure caption; None when no line has text. A
    table or figure TeX floated onto a page of the list (its caption, its rows in larger type)
    ends nothing where the references go on below it (`after_float`): the list ends at the next
    end after them. Also the (first, end) of each such float."""
    # The list's own type: the size of its first lines, not of the rest of the document (tables
    # and figures after it in smaller type would make the references read as headings).
    body = list_type(lines[first : first + _LIST_SAMPLE])  # a plot's markers ("●" at 1 pt) are no text of it
    if body is None:
        return None
    start = first
    floats: list[tuple[int, int]] = []
    while True:
        end = next(
            (
                i
                for i in range(start, len(lines))
                if lines[i].size > body * LARGER
                and lines[i].size >= rank
                and lines[i].text.strip()
                and not names_references(lines[i].text)  # a part of the list, under its own heading
            ),
            len(lines),
        )
        # A manuscript's figure captions and tables, set after its references in the same type.
        end = next((i for i in range(start, end) if ends_list(lines[i])), end)
        resumed = after_float(lines, end, body)
        if resumed is None:
            return end, tuple(floats)
        floats.append((float_start(lines, end, body, start), resumed))
        start = resumed


_LIST_SAMPLE = 40  # lines after the heading whose type (`list_type`) is the list's
_SAME_RANK = 0.95  # a heading at least this share of the References heading's size ends the list


def _bare_labels(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """The lines with a bare number label ("27 A. A. Abrikosov", REVTeX's and Vancouver's; a
    "1" alone on its line) written "[27]" when the numbers go up one by one from 1; a number
    that does not go on the run (a wrapped line's "10 (2008)") stays text. Raised labels read
    already ("[1] N. D. Birell") go on the run too: biblatex-phys's superscript "²" may stand on
    a line of its own, before its reference's first line."""
    labelled: set[int] = set()
    # a number some line labels in brackets is that line's: a bare one is a wrapped line's ("[12] …
    # working memory:" / "13 years of the retro-cue effect." / "[13] Iain C. Griffin …")
    bracketed = {int(found.group(2)) for line in lines if (found := _BRACKETED.match(line.text))}
    expected = 1
    for i, line in enumerate(lines):
        found = _BRACKETED.match(line.text) or _BARE.match(line.text)
        if found is not None and found.re is _BARE and int(found.group(2)) in bracketed:
            continue
        if found is not None and int(found.group(2)) == expected:
            labelled.update([i] if found.re is _BARE else [])
            expected += 1
    if expected - 1 < MIN_RUN:
        return list(lines)
    return [
        line._replace(text=_BARE.sub(r"\1[\2] ", line.text, count=1).rstrip()) if i in labelled else line
        for i, line in enumerate(lines)
    ]


_BARE = re.compile(r"^(\s*)(\d{1,3})(?:\s+(?=[^\W\d_])|\s*$)")
_BRACKETED = re.compile(r"^(\s*)\[(\d{1,3})\]")


def _as_text(line: PdfLine) -> str:
    """The line as the reference-list reader reads it: indented when it is indented on the page."""
    return ("    " if line.indent > 0.4 * line.size else "") + line.text


def _document_lines(data: bytes, path: str) -> list[PdfLine]:
    pages = _read_bounded(data, path)
    if all(sum(ch.isalpha() for line in page for ch in line.text) < _MIN_LETTERS_PER_PAGE for page in pages):
        raise InputError(
            f"{path}: the PDF has no text layer (a scanned paper?); run OCR on it first "
            "(e.g. ocrmypdf) and read the result; nothing was read"
        )
    furniture = page_furniture(pages)
    lines = joined_split_lines(
        [line for page in pages for at, line in enumerate(page) if (line.page, at) not in furniture]
    )
    margins: dict[tuple[int, int], float] = {}
    for line in lines:
        where = (line.page, line.column)
        margins[where] = min(line.left, margins.get(where, line.left))
    hyphenated = {word.casefold() for line in lines for word in _WORD_WITH_HYPHEN.findall(line.text)}
    return [
        _without_marks(
            line._replace(
                text=_dehyphenated(line.text, hyphenated), indent=line.left - margins[line.page, line.column]
            )
        )
        for line in lines
    ]


def joined_split_lines(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """The lines with each one PDFium split in two joined again: a piece that follows a line on
    its baseline, right of where it starts, in the same column, goes on with it. PDFium breaks a
    line at an accent TeX built from two glyphs ("Lin, L., Göǧüs ," / ", E., Kaneko, Y., …"), and
    the second piece, standing far in, read as a reference of its own by the previous authors;
    or after a math glyph ("… flares from Sagittarius A∗" / "(I): model and …"), the second piece
    starting right of the page's middle: on a page of one column (`_one_column_pages`) it goes
    on with the line too, whichever column its place names."""
    joined: list[PdfLine] = []
    single = _one_column_pages(lines)
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.page == line.page
            and (last.column == line.column or line.page in single)
            and line.left > last.left
            and _on_its_line(line, last)
        ):
            joined[-1] = last._replace(text=f"{last.text} {line.text}", end_bottom=line.end_bottom)
        else:
            joined.append(line)
    return joined


def _on_its_line(piece: PdfLine, line: PdfLine) -> bool:
    """Whether a piece right of where a line starts stands on it: on its baseline, or raised or
    lowered from it in smaller type — a formula's superscript or subscript ("B⁰_s → D⁻_s D⁺_s" in a
    title), where PDFium breaks the line at each change of baseline and the pieces, standing far
    in, made a list of flush references look indented."""
    apart = abs(piece.bottom - line.bottom)
    if apart <= _SAME_BASELINE * max(piece.size, line.size):
        return True
    return piece.size < line.size and apart <= _SCRIPT_SHIFT * line.size


_SAME_BASELINE = 0.2  # ems: two pieces whose baselines are this close stand on one line
_SCRIPT_SHIFT = 0.5  # ems of the line's type: how far a superscript or subscript stands from its baseline


def _one_column_pages(lines: Sequence[PdfLine]) -> set[int]:
    """The pages set in one column: few of their lines start right of the middle (a piece of a
    line PDFium split, a centred caption), where a right column holds about half of them."""
    right: Counter[int] = Counter(line.page for line in lines if line.column)
    every: Counter[int] = Counter(line.page for line in lines)
    return {page for page, count in every.items() if right[page] < _RIGHT_SHARE * count}


_RIGHT_SHARE = 0.2  # of a page's lines: fewer starting right of its middle, it is one column


def _without_marks(line: PdfLine) -> PdfLine:
    text, italics = unmark_italics(line.text)
    return line._replace(text=text, italics=italics)


def _dehyphenated(text: str, hyphenated: set[str]) -> str:
    def join(match: re.Match[str]) -> str:
        word = f"{match.group(1)}-{match.group(2)}"
        return word if word.casefold() in hyphenated else match.group(1) + match.group(2)

    return _HYPHENATED.sub(join, text).replace(_SOFT_HYPHEN, "-")


# What reading one PDF may take beyond what the process holds already. PDFium decodes a page's
# content streams whole, so a small file can inflate to gigabytes (1 GB of blanks in one
# compressed stream cost 2.1 GB). The pages are read in a worker process held to this much more
# address space, and to `TIME_BUDGET`: one that runs out is one line, and the run's own memory
# and time are never at stake. A 400-page thesis reads in about 5 s.
MEMORY_BUDGET = 768 << 20
TIME_BUDGET = 120.0

# The worker is kept across PDFs (a venue reads hundreds): starting one a PDF cost half a second
# wherever it cannot be forked from this process, more than reading most papers.
_READER = KeptWorker(preload=[__name__, "pypdfium2"], calls_per_worker=64)


def _read_bounded(data: bytes, path: str) -> list[list[PdfLine]]:
    """The lines of every page, read in the kept worker process held to `MEMORY_BUDGET` and
    `TIME_BUDGET`; in this process only where no worker can start (a daemonic process: a Dask
    worker's, by default)."""
    try:
        pages = _READER.call(_limit_memory, (MEMORY_BUDGET,), TIME_BUDGET, _all_pages, data, path)
    except (WorkerLostError, MemoryError):
        raise InputError(
            f"{path}: reading this PDF takes more than {MEMORY_BUDGET >> 20} MiB of memory (a content"
            " stream that inflates to gigabytes?); nothing was read"
        ) from None
    except WorkerTimeoutError:
        raise InputError(
            f"{path}: reading this PDF takes more than {TIME_BUDGET:g} s (a damaged or hostile file?);"
            " nothing was read"
        ) from None
    return _all_pages(data, path) if pages is None else pages


def _limit_memory(budget: int) -> None:
    """In the worker: at most ``budget`` bytes of address space beyond what it has (the parent's)."""
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return  # not Linux: no bound, as before
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + budget if hard == resource.RLIM_INFINITY else min(hard, used + budget)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _all_pages(data: bytes, path: str) -> list[list[PdfLine]]:
    """Every page's lines; those of the pages of the list after the last References heading (in
    a paper with no heading, from its list's label 1: REVTeX) read again with their italics
    (reading fonts costs, and only a reference list needs them; an appendix's pages of plots
    after the list may hold tens of thousands of lines): to the page its list ends on as the
    lines read so far show it, and one more."""
    pages = list(_pages(data, path))
    lines = [line for page in pages for line in page]
    headings = [at for at, line in enumerate(lines) if names_the_list(line.text)]
    run = None if headings or list_headings(lines) else numbered_run([line.text for line in lines])
    first = run[0] if run else headings[-1] + 1 if headings else None
    if first is None or first >= len(lines):
        return pages
    rank = 0.0 if run else lines[first - 1].size * _SAME_RANK
    end = (_section_end(lines, first, rank) or (len(lines), ()))[0]
    start, last = lines[first].page - 1, lines[max(end - 1, first)].page + 1  # 0-based, 1-based
    return pages[:start] + list(_pages(data, path, start, last, italics=True)) + pages[last:]


def _pages(
    data: bytes, path: str, first: int = 0, last: int | None = None, *, italics: bool = False
) -> Iterator[list[PdfLine]]:
    """The lines of the pages from ``first`` (0-based) to ``last`` (1-based: the last page read;
    the document's last when ``None``)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(
            f"{path}: reading PDFs needs the pypdfium2 package (pip install pypdfium2)"
        ) from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).casefold():
            raise InputError(
                f"{path}: the PDF is encrypted (it asks for a password); nothing was read"
            ) from None
        raise InputError(f"{path}: not a readable PDF ({error}); nothing was read") from None
    numbering = LineNumbering()
    try:
        for number in range(first, len(document) if last is None else min(last, len(document))):
            try:
                page = document[number]
            except pdfium.PdfiumError as error:
                # A page tree nested thousands deep or in a cycle: PDFium refuses the page.
                raise InputError(
                    f"{path}: PDFium cannot load page {number + 1} ({str(error).rstrip('.')}: a damaged page"
                    " tree, or one nested too deep or in a cycle); nothing was read"
                ) from None
            yield _page_lines(page, number + 1, numbering, italics)
    finally:
        document.close()


def _page_lines(page: object, number: int, numbering: LineNumbering, italics: bool = False) -> list[PdfLine]:
    import pypdfium2.raw as raw

    width = page.get_width()  # type: ignore[attr-defined]
    on_page = _on_page(page.get_mediabox())  # type: ignore[attr-defined]
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    text = _page_text(textpage)
    pieces = text.split("\r\n")
    starts = list(accumulate((len(piece) + 2 for piece in pieces), initial=0))
    pieces, starts = _printed_lines(textpage, pieces, starts)
    pieces, starts = rejoined_at_accents(text, pieces, starts, textpage.get_charbox)
    read = lines_to_read(pieces)
    read_pieces = [pieces[at] for at in read]
    firsts = [starts[at] + len(pieces[at]) - len(pieces[at].lstrip(_SPACES)) for at in read]
    numbered, cuts = _line_numbers(numbering, read_pieces, partial(_line_place, textpage, firsts))
    italic = italic_style(textpage) if italics and cuts is None else None  # a line number shifts them
    lines: list[PdfLine] = []
    fifths = cuts is not None and not numbered  # a discussion paper's: PDFium joins some to a line
    for at, (lead_cut, trail_cut) in zip(read, cuts or [(0, 0)] * len(read), strict=True):
        piece, start = pieces[at], starts[at]
        if numbered and piece.strip().isdigit():
            continue  # the line number of an empty line
        piece, start = _without_line_number(piece, start, (lead_cut, trail_cut), every_line=fifths)
        # A margin note is cut while the piece's characters are still the page's (before the
        # italics are marked and the accents joined); only spaces are stripped before the text is
        # readable: Python counts the Cork slots \x1c-\x1f as white space.
        lead = len(piece) - len(piece.lstrip(_SPACES))
        first = start + lead
        note = margin_note(textpage, first, len(piece.strip(_SPACES)))
        first += note
        # italics marked, then accents joined, each by the page's own character indices
        marked = mark_italics(piece[lead + note :], first, italic)
        joined = without_breaks(join_overlaid_accents(marked, first, textpage.get_charbox))
        stripped = readable_text(joined).replace(_SECOND_SURROGATE, "").strip()
        if not stripped:
            continue
        left, bottom = textpage.get_charbox(first)[:2]
        bottom = _baseline(textpage, first, bottom)
        if not on_page(left, bottom):
            continue  # a crop mark, a draft's slug: outside the page, nothing anyone reads
        stripped, size = bracket_raised_label(stripped, first, partial(raw.FPDFText_GetFontSize, textpage))
        end = _hyphenated_end(textpage, pieces[at][: len(pieces[at]) - trail_cut], starts[at], bottom)
        stripped, end = _without_page_number(stripped, bottom, end, size, last=at == read[-1])
        lines.append(
            PdfLine(number, int(left >= width / 2 - 2), left, size, stripped, bottom=bottom, end_bottom=end)
        )
    return lines


def _line_numbers(
    numbering: LineNumbering, pieces: Sequence[str], place: Callable[[int], tuple[float, float]]
) -> tuple[bool, list[tuple[int, int]] | None]:
    """Whether a page's lines (``pieces``) are numbered one by one, and how many characters a line
    number takes at the start and end of each (none where the page holds no line numbers): a
    review copy's — also given apart from their lines, beside one column of two, where the page's
    own numbering (`numbering`) finds too few of them among its lines — or a discussion paper's,
    before every fifth line. ``place(at)`` is the baseline and type size of the line ``at``."""
    if numbering.page(pieces) or numbers_set_apart(pieces, place):
        return True, line_number_cuts(pieces)
    return False, fifth_line_cuts(pieces)


def _without_line_number(piece: str, start: int, cut: tuple[int, int], every_line: bool) -> tuple[str, int]:
    """A line's text (``piece``, its first character at ``start`` on the page) without the line
    number ``cut`` takes at its start and end, nor one PDFium joined to it after a hyphenated word
    ("concen\ufffe820 tration"): on a line that carries one, or on ``every_line`` of the page."""
    lead, trail = cut
    if not (lead or trail or every_line):
        return piece, start
    return _JOINED_LINE_NUMBER.sub(_SOFT_HYPHEN, piece[lead : len(piece) - trail]), start + lead


def _line_place(textpage: object, firsts: Sequence[int], at: int) -> tuple[float, float]:
    """The baseline and type size of the page's line ``at`` (its first character at ``firsts[at]``)."""
    _, baseline, size = _glyph(textpage, firsts[at])
    return baseline, size


def _glyph(textpage: object, index: int) -> tuple[float, float, float]:
    """The left edge, baseline (`_baseline`) and type size of the page's character ``index``."""
    import pypdfium2.raw as raw

    left, bottom = textpage.get_charbox(index)[:2]  # type: ignore[attr-defined]
    return left, _baseline(textpage, index, bottom), float(raw.FPDFText_GetFontSize(textpage, index))


def _glyph_of(textpage: object, start: int, at: int) -> tuple[float, float, float]:
    """`_glyph` of the character ``at`` of a piece of the page's text from the index ``start``."""
    return _glyph(textpage, start + at)


def _printed_lines(
    textpage: object, pieces: Sequence[str], starts: Sequence[int]
) -> tuple[list[str], list[int]]:
    """PDFium's lines of a page (``pieces`` of its text, from the indices ``starts``), each one
    PDFium gave as one where it holds two printed lines parted again (`line_starts`)."""
    parted: list[str] = []
    parted_starts: list[int] = []
    for piece, start in zip(pieces, starts, strict=False):
        cuts = line_starts(piece, partial(_glyph_of, textpage, start)) if " " in piece.strip() else []
        for begin, end in pairwise([0, *cuts, len(piece)]):
            parted.append(piece[begin:end])
            parted_starts.append(start + begin)
    return parted, parted_starts


def line_starts(piece: str, glyph: Callable[[int], tuple[float, float, float]]) -> list[int]:
    """Where in ``piece`` (one of PDFium's lines) another printed line starts: PDFium joins two
    lines with a space where the second stands so close below the first that their glyphs
    overlap — a PNAS-like list's "1." under the acknowledgments' last line, set in smaller type
    ("… need grant number. 1. Purugganan, M. D"), the list's first reference lost in the
    paragraph. ``glyph(at)`` is the left edge, baseline and size of the piece's character at
    ``at``. A character after a space starts a line when it stands lower than the piece's first
    by more than a fifth of an em (a subscript at a line's end stands less low and never back at
    its start) and back within a few ems of where the piece starts, and each of the two lines
    holds a few words (a displayed formula's pieces hold none). Cheap where the piece's last
    character stands on its first's baseline: the piece is one line."""
    text = piece.rstrip(_SPACES)
    first = len(piece) - len(piece.lstrip(_SPACES))
    if first >= len(text) or _SOFT_HYPHEN in text:
        return []  # a hyphenated word's two halves: one line, which `_hyphenated_end` places
    left, baseline, size = glyph(first)
    if glyph(len(text) - 1)[1] >= baseline - _SAME_BASELINE * size:
        return []
    cuts: list[int] = []
    for at in range(first + 1, len(text)):
        if text[at - 1] != " " or text[at] == " ":
            continue
        x, y, this_size = glyph(at)
        em = max(size, this_size)
        if y < baseline - _SAME_BASELINE * em and abs(x - left) <= _BACK_TO_START * em:
            if _words(text[cuts[-1] if cuts else first : at]) >= _LINE_WORDS <= _words(text[at:]):
                cuts.append(at)
            baseline, size = y, this_size
    return cuts


_BACK_TO_START = 3.0  # ems: a printed line starts this near where the one above it starts
# words of two letters or more each of two lines parted holds: lines of text, not the pieces of
# a displayed formula PDFium gives in any order ("def = µi (xi) (4)", a sub- or superscript)
_LINE_WORDS = 3


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _words(text: str) -> int:
    return len(_LETTER_WORD.findall(text))


def _baseline(textpage: object, at: int, bottom: float) -> float:
    """Where the character at ``at`` stands: its origin on the baseline, not its box's foot
    (which a descender, "(", "p", "J", sets lower: a line's step from the one above would
    change with the letter it opens with); its box's ``bottom`` where PDFium gives no origin."""
    import ctypes

    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    if not raw.FPDFText_GetCharOrigin(textpage, at, ctypes.byref(x), ctypes.byref(y)):
        return bottom
    return y.value


def _hyphenated_end(textpage: object, piece: str, start: int, bottom: float) -> float | None:
    """Where the last character of a ``piece`` of the page's text (from its index ``start`` on)
    stands, where PDFium joined the line after a hyphen at its end to it and so that is on
    another baseline than its first (``bottom``); else None."""
    if _SOFT_HYPHEN not in piece:
        return None
    last = start + len(piece.rstrip(_SPACES)) - 1
    end = _baseline(textpage, last, bottom)
    return end if end != bottom else None


def _without_page_number(
    text: str, bottom: float, end: float | None, size: float, last: bool = True
) -> tuple[str, float | None]:
    """The page's ``last`` line without the page's number that PDFium joined to it where the
    line ends with a hyphen (the word goes on on the next page: "… In International
    Collo\ufffe33", the number standing a footer's distance below, further than a line's step);
    the hyphen is kept for the next page's line to join. Any other line as it is, and where its
    end stands."""
    below = last and end is not None and bottom - end > _FOOT_EMS * size
    glued = _GLUED_PAGE_NUMBER.search(text) if below else None
    return (text, end) if glued is None else (text[: glued.start("number")] + glued["after"], None)


# (an italic run's marks around it: the venue ending the line was set in italics)
_GLUED_PAGE_NUMBER = re.compile(
    rf"(?<=[^\W\d_]){_SOFT_HYPHEN}[{ITALIC_START}{ITALIC_END}]?(?P<number>\d{{1,4}})(?P<after>[{ITALIC_START}{ITALIC_END}]?)$"
)
_FOOT_EMS = 1.4  # ems between a line's baseline and the page's number below it, at least


def _on_page(box: tuple[float, float, float, float]) -> Callable[[float, float], bool]:
    """Whether a point (a line's first character) stands on the page of the media ``box`` (left,
    bottom, right, top): a class's crop marks and a draft's slug ("“manuscript” — 2020/3/30 —
    page 13") are set beyond it, where no reader sees them and PDFium still gives them."""
    left, bottom, right, top = box

    def inside(x: float, y: float) -> bool:
        return left - _OFF_PAGE <= x <= right + _OFF_PAGE and bottom - _OFF_PAGE <= y <= top + _OFF_PAGE

    return inside


_OFF_PAGE = 1.0  # points beyond the media box a glyph's corner may stand and still be on the page


def _page_text(textpage: object) -> str:
    """PDFium's text of a page, each character at its index on the page (`_by_page_index`);
    where that text is not as long as the page's characters, the characters one by one: PDFium
    leaves out of its text a character beyond the BMP that it counts once (the math italic "𝑇"
    a class's fonts map a glyph to, Elsevier's cas-dc), and every line after it on the page was
    read a character off its place, its position and size another character's."""
    text = _by_page_index(textpage.get_text_range())  # type: ignore[attr-defined]
    count = textpage.count_chars()  # type: ignore[attr-defined]
    return text if len(text) == count else _characters(textpage, count)


def _characters(textpage: object, count: int) -> str:
    """The page's ``count`` characters one by one, as its text gives them: PDFium's code 2 is a
    hyphen at a line's end (its text's U+FFFE); a character counted twice, its UTF-16 surrogates,
    is one character and the slot after it."""
    import pypdfium2.raw as raw

    codes = [raw.FPDFText_GetUnicode(textpage, at) for at in range(count)]
    chars: list[str] = []
    for before, code, after in zip([0, *codes[:-1]], codes, [*codes[1:], 0], strict=True):
        if _HIGH <= before < _LOW <= code <= _LAST_LOW:
            chars.append(_SECOND_SURROGATE)
        elif _HIGH <= code < _LOW <= after <= _LAST_LOW:
            chars.append(chr(0x10000 + ((code - _HIGH) << 10) + (after - _LOW)))
        elif code == _PDFIUM_HYPHEN:
            chars.append(_SOFT_HYPHEN)
        else:
            chars.append(chr(code) if code and not _HIGH <= code <= _LAST_LOW else "\ufffd")
    return "".join(chars)


_HIGH, _LOW, _LAST_LOW = 0xD800, 0xDC00, 0xDFFF  # UTF-16's surrogates: high ones, then low ones
_PDFIUM_HYPHEN = 2


def _by_page_index(text: str) -> str:
    """PDFium's text of a page with each character at its index on the page (a slot after each
    character PDFium counts twice)."""
    if text.isascii() or not _ASTRAL.search(text):
        return text
    return _ASTRAL.sub(lambda match: match.group() + _SECOND_SURROGATE, text)


def lines_to_read(pieces: Sequence[str]) -> list[int]:
    """Which of a page's lines (PDFium's ``pieces`` of its text) to read: all of them, but on a
    page so crowded that it is a plot drawn as text (a scatter plot's every marker and tick label
    a glyph: tens of thousands of lines, each read costing as a reference's line does) only those
    that hold a word — a reference's line does, a marker does not."""
    if len(pieces) <= _CROWDED:
        return list(range(len(pieces)))
    return [at for at, piece in enumerate(pieces) if _WORD.search(piece)]


_CROWDED = 2000  # lines on a page beyond which it is a plot's text but for its lines with a word
_WORD = re.compile(r"[^\W\d_]{2}")
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")  # beyond the BMP: two UTF-16 units, two indexes


_JOINED_LINE_NUMBER = re.compile(rf"{_SOFT_HYPHEN}\d{{1,4}}\s+")  # after a word PDFium joined


READER = Reader(
    name="pdf",
    description="a paper as PDF: the references section is found and read like a reference list",
    read=lambda text, path: [],
    suffixes=(".pdf",),
    read_binary=read_pdf,
    magic=b"%PDF-",
)
