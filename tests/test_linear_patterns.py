"""The patterns written to run in linear time (anchored where blanks or a word start, possessive
runs, a scanner for names split on "and") read what they read before: each row is a text and
what the pattern finds in it, the cases that tell the ways of writing it apart included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from bibnorm.bib.checks.base import _ARXIV_IN_TEXT
from bibnorm.bib.checks.fields import _EXTENDED
from bibnorm.bib.problems import _BLANK_LINE, _EXTRA_FIELDS, _FIELD_START
from bibnorm.identifiers import parse_arxiv_id
from bibnorm.io.writing import _TEMPORARY_NAME
from bibnorm.readers._italic_titles import _YEAR_OR_EDITORS
from bibnorm.readers._list_notes import _FOUND_BY
from bibnorm.readers._ref_harvard import _NAMES_YEAR
from bibnorm.readers._ref_physics import _BOOK
from bibnorm.readers._ref_vancouver import _VANCOUVER
from bibnorm.resolvers._dblp_records import _AND, _HOMONYM
from bibnorm.verify.claims import _split_names
from bibnorm.verify.kinds import _RFC_TEXT, _STANDARD_NUMBER
from bibnorm.writers.hayagriva import _TYPST_MATH


def _group(pattern: re.Pattern[str], method: str = "search", group: int = 0) -> Callable[[str], str | None]:
    def read(text: str) -> str | None:
        found = getattr(pattern, method)(text)
        return None if found is None else found.group(group)

    return read


@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        # an arXiv id in a note: "arXiv: 1234.5678", "arXiv.1234.5678", "abs/hep-th/9901001"
        pytest.param(
            _group(_ARXIV_IN_TEXT, group=1), "see arXiv: 2101.00001v2.", "2101.00001v2", id="arxiv-colon"
        ),
        pytest.param(
            _group(_ARXIV_IN_TEXT, group=1), "arXiv .  2101.00001", "2101.00001", id="arxiv-spaced-dot"
        ),
        pytest.param(
            _group(_ARXIV_IN_TEXT, group=1), "arxiv.hep-th/9901001", "hep-th/9901001", id="arxiv-dot-old"
        ),
        pytest.param(
            _group(_ARXIV_IN_TEXT, group=1),
            "arXiv\n\n.math.GT/0309136",
            "math.GT/0309136",
            id="arxiv-blank-lines",
        ),
        pytest.param(_group(_ARXIV_IN_TEXT, group=1), "org/abs/1706.03762", "1706.03762", id="abs-path"),
        pytest.param(_group(_ARXIV_IN_TEXT, group=1), "arXiv preprint", None, id="no-id"),
        # biber's extended name format, at a name's start
        pytest.param(_group(_EXTENDED, "match"), " family = Duc, given=Jean", " family =", id="extended"),
        pytest.param(_group(_EXTENDED, "match"), "Duc, family=Jean", None, id="extended-not-first"),
        # what follows a closed entry: fields left over, an empty line
        pytest.param(_group(_EXTRA_FIELDS, "match", 1), " ,\n  title = {T}", "title", id="extra-comma"),
        pytest.param(_group(_EXTRA_FIELDS, "match", 1), "\n\n\tyear=2001", "year", id="extra-blank"),
        pytest.param(_group(_EXTRA_FIELDS, "match", 1), "x title = {T}", None, id="extra-not-first"),
        pytest.param(_group(_BLANK_LINE, "match"), " \t\n \n@misc", " \t\n \n", id="blank-line"),
        pytest.param(_group(_BLANK_LINE, "match"), "x\n\n", None, id="blank-line-not-first"),
        # a temporary file's name: ".name.XXXXXXXX.tmp"
        pytest.param(_group(_TEMPORARY_NAME, "fullmatch", 1), ".refs.bib.abc123.tmp", "refs.bib", id="tmp"),
        pytest.param(_group(_TEMPORARY_NAME, "fullmatch", 1), ".a.b.c.tmp", "a.b", id="tmp-dots"),
        pytest.param(_group(_TEMPORARY_NAME, "fullmatch", 1), "refs.bib.abc.tmp", None, id="tmp-no-dot"),
        # Typst math
        pytest.param(_group(_TYPST_MATH, "fullmatch"), "x^2 + y_{i}", "x^2 + y_{i}", id="typst"),
        pytest.param(_group(_TYPST_MATH, "fullmatch"), "ab + c", None, id="typst-two-letters"),
        # RFC numbers and standards' numbers
        pytest.param(_group(_RFC_TEXT, group=1), "IETF RFC - 07540", "7540", id="rfc-dash-zeros"),
        pytest.param(_group(_RFC_TEXT, group=1), "rfc:2119", "2119", id="rfc-colon"),
        pytest.param(_group(_RFC_TEXT, group=1), "RFC 000", "0", id="rfc-zero"),
        pytest.param(_group(_RFC_TEXT, group=1), "RFC 123456", None, id="rfc-too-long"),
        pytest.param(_group(_STANDARD_NUMBER), "ANSI/IEEE 754-1985", "ANSI/IEEE 754-1985", id="ansi-ieee"),
        pytest.param(_group(_STANDARD_NUMBER), "ANSI/X3.4-1986", "ANSI/X3.4-1986", id="ansi-x3"),
        pytest.param(_group(_STANDARD_NUMBER), "ANSI/IEEE !", "ANSI/IEEE", id="ansi-letters-alone"),
        pytest.param(_group(_STANDARD_NUMBER), "ANSI Z39.50", "ANSI Z39.50", id="ansi-number"),
        pytest.param(_group(_STANDARD_NUMBER), "ISO/IEC 27001:2013.", "ISO/IEC 27001:2013.", id="iso"),
        pytest.param(_group(_STANDARD_NUMBER), "ANSI/ 12", None, id="ansi-slash-space"),
        # dblp's homonym numbers
        pytest.param(lambda text: _HOMONYM.sub("", text), "Wei Wang  0001", "Wei Wang", id="homonym"),
        pytest.param(
            lambda text: _HOMONYM.sub("", text), "Wei Wang 0001 x", "Wei Wang 0001 x", id="not-homonym"
        ),
    ],
)
def test_a_pattern_reads_what_it_read(
    read: Callable[[str], str | None], text: str, expected: str | None
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("x,\n\n  title = {T},\n year=1", ["title", "year"], id="after-commas"),
        pytest.param("title={T}\n\n\n   note = x", ["title", "note"], id="line-starts"),
        pytest.param('}  \n  \n author = "A"', ["author"], id="blanks-with-newlines"),
        pytest.param("x\ny \n  z = 1", ["z"], id="line-start-after-spaces"),
        pytest.param("x = 1 y = 2", ["x"], id="not-after-a-word"),
        pytest.param("a" * 41 + " = 1", ["a" * 41], id="name-longest"),
        pytest.param("a" * 42 + " = 1", [], id="name-too-long"),
    ],
)
def test_field_starts_are_found_where_they_were(text: str, expected: list[str]) -> None:
    assert _FIELD_START.findall(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A and B", ["A", "B"], id="two"),
        pytest.param("{Barnes and Noble} and C", ["{Barnes and Noble}", "C"], id="braced-and"),
        pytest.param("A and {B and C} and D", ["A", "{B and C}", "D"], id="braced-in-the-middle"),
        pytest.param("A and and B", ["A", "and B"], id="and-and"),
        pytest.param("A  and   B", ["A", "B"], id="blanks"),
        pytest.param("Anderson and Sand", ["Anderson", "Sand"], id="and-inside-words"),
        pytest.param("A and B}", ["A and B}"], id="closing-brace-ahead"),
    ],
)
def test_bibtex_names_split_on_and_outside_braces(text: str, expected: list[str]) -> None:
    assert _split_names(text) == expected


def test_dblp_editors_split_on_and() -> None:
    assert _AND.split("A  and B and C") == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("https://arxiv.org/abs/2101.00001v2", ("2101.00001", 2), id="abs"),
        pytest.param("export.arxiv.org/pdf/hep-th/9901001", ("hep-th/9901001", None), id="mirror"),
        pytest.param("https://huggingface.co/papers/2101.00001", ("2101.00001", None), id="hf"),
        pytest.param("see https://arxiv.org/abs/2101.00001", None, id="not-whole"),
    ],
)
def test_arxiv_urls_read_whole(text: str, expected: tuple[str, int | None] | None) -> None:
    assert parse_arxiv_id(text) == expected


# -- reading patterns: what a run of marks, names or letters read as before
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Wood, A. ed. (2010)", "Wood, A", id="editor-and-year"),
        pytest.param("Jones, R. W., eds. , 1997.", "Jones, R. W", id="eds-comma-year"),
        pytest.param("A11999", "A1", id="year-inside-digits"),
        pytest.param("Smith 19992000", "Smith", id="years-glued"),
        pytest.param("Smith (Eds.) (Eds.)", "Smith", id="marks-repeated"),
        pytest.param("Editors, Forthcoming.", "", id="marks-only"),
        pytest.param("Smith 2001x", "Smith", id="year-letter"),
    ],
)
def test_years_and_editors_marks_before_a_title_are_cut(text: str, expected: str) -> None:
    assert _YEAR_OR_EDITORS.sub("", text) == expected


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param("Ab (1999), Title", "Ab", id="two-letters"),
        pytest.param("A  (1999), T", "A ", id="shortest-names-keep-a-blank"),
        pytest.param("Tilly, C.   (1992), Coercion", "Tilly, C.", id="blanks-before-the-year"),
        pytest.param("Smith: 2019a, Title", "Smith", id="kluwer"),
    ],
)
def test_harvard_names_end_where_they_did(text: str, authors: str) -> None:
    found = _NAMES_YEAR.match(text)
    assert found is not None and found["authors"] == authors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("see hep-th/9901001", True, id="old-style-id"),
        pytest.param("1hep-th/9901001", True, id="after-a-digit"),
        pytest.param("A-th/9901001", True, id="from-a-hyphen"),
        pytest.param("no id here", False, id="none"),
    ],
)
def test_a_note_says_where_a_work_was_found(text: str, found: bool) -> None:
    assert bool(_FOUND_BY.search(text)) is found


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        pytest.param(
            "Purification of Laboratory Chemicals (Butterworth–Heinemann, London, ed. 5, 2003)",
            "Butterworth–Heinemann, London, ed. 5, 2003",
            id="publisher-place-year",
        ),
        pytest.param("Title (WMAP, 2000)", "WMAP, 2000", id="letters-then-comma"),
        pytest.param("Title (2000)", None, id="year-alone"),
        pytest.param("Title (12, 2000)", None, id="no-letter"),
    ],
)
def test_a_physics_book_s_publisher_is_read(text: str, publisher: str | None) -> None:
    found = _BOOK.match(text)
    assert (found["publisher"] if found else None) == publisher


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "van de Pol J, Smith A. Title of it. J Med. 2001;1:2.", "van de Pol J, Smith A", id="two"
        ),
        pytest.param("Lopes da Silva F. A title. J. 2001;1:2.", "Lopes da Silva F", id="particle-inside"),
        pytest.param("van de la Cruz J. A title. J. 2001;1:2.", "van de la Cruz J", id="three-particles"),
        pytest.param(
            "De La De La Cruz J. Title of it. J Med.", "De La De La Cruz J", id="capitals-read-as-names"
        ),
    ],
)
def test_vancouver_names_with_particles(text: str, authors: str | None) -> None:
    found = _VANCOUVER.match(text)
    assert (found["authors"] if found else None) == authors
