"""A hanging-indent list's indents are measured from the list's own margin, the one most of its
pages share: TeX may set a list's last pages further left (a real plainnat list of 150
references moved by a whole indent after an overfull URL on its ninth page, 71 pt → 60 pt), and
that must neither make the flush lines of every other page read as indented (their references
run into one another) nor that page's indented lines read as flush. The positions are that PDF's.
"""

from __future__ import annotations

from bibnorm.readers._list_edges import list_indents
from bibnorm.readers._repeated_authors import reference_start
from bibnorm.readers.pdf import PdfLine, continuation_indent

FLUSH, HANGING, SHIFTED = 71.2, 82.1, 60.3


def _line(page: int, left: float, text: str = "Author, A. (2012). A title of a work.") -> PdfLine:
    return PdfLine(page=page, column=0, left=left, size=10.9, text=text)


def test_a_list_shifted_left_on_its_last_pages_keeps_every_pages_flush_lines_flush() -> None:
    lines = [
        _line(1, FLUSH), _line(1, HANGING), _line(1, FLUSH),
        _line(3, FLUSH), _line(3, HANGING), _line(3, FLUSH), _line(3, HANGING),
        _line(5, FLUSH), _line(5, HANGING),
        _line(7, FLUSH), _line(7, HANGING),
        # page 9: the list moves left at its last reference
        _line(9, FLUSH), _line(9, HANGING), _line(9, SHIFTED), _line(9, FLUSH),
    ]  # fmt: skip
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [
        0.0, 10.9, 0.0,
        0.0, 10.9, 0.0, 10.9,
        0.0, 10.9,
        0.0, 10.9,
        0.0, 10.9, 0.0, 10.9,
    ]  # fmt: skip


def test_a_page_set_further_left_has_its_own_margin_for_its_lines() -> None:
    lines = [
        _line(2, FLUSH), _line(2, HANGING), _line(4, FLUSH), _line(4, HANGING),
        _line(6, FLUSH), _line(6, HANGING),
        _line(8, SHIFTED), _line(8, FLUSH), _line(8, FLUSH), _line(8, SHIFTED), _line(8, FLUSH),
    ]  # fmt: skip
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [0.0, 10.9, 0.0, 10.9, 0.0, 10.9, 0.0, 10.9, 10.9, 0.0, 10.9]


def test_a_page_holding_only_a_references_wrapped_end_is_indented_from_its_sides_margin() -> None:
    lines = [_line(1, FLUSH), _line(1, HANGING), _line(3, HANGING), _line(3, HANGING), _line(5, FLUSH)]
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [0.0, 10.9, 10.9, 10.9, 0.0]


def test_a_stray_glyph_at_the_columns_left_moves_no_margin() -> None:
    # a REVTeX list's right column: a ":" PDFium placed 21 pt left of the labels, alone on its line
    lines = [_line(4, 297.3, ":"), _line(4, 318.1), _line(4, 340.2), _line(4, 318.1), _line(4, 340.2)]
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [0.0, 0.0, 22.1, 0.0, 22.1]


def test_the_lists_first_page_keeps_its_own_margin() -> None:
    # Harvard dcu after a page of text: the first page an indent further right than the rest
    lines = [
        _line(1, 51.3), _line(1, 72.7), _line(1, 51.4), _line(1, 72.4),
        _line(2, 30.5), _line(2, 51.4), _line(3, 30.5), _line(3, 51.4), _line(3, 30.5),
        _line(5, 30.5), _line(5, 51.4),
    ]  # fmt: skip
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [0.0, 21.4, 0.1, 21.1, 0.0, 20.9, 0.0, 20.9, 0.0, 0.0, 20.9]


def test_marks_in_the_margin_twice_move_no_margin() -> None:
    # an MNRAS list's page (an astronomy manuscript with to-do notes): the notes' "✐" stand twice
    # at each of two points beyond the page's left edge; the references start at 41.2 pt
    lines = [
        _line(13, -35.1, "✐"), _line(13, 41.2), _line(13, -5.2, "✐"), _line(13, 41.2),
        _line(13, -35.1, "✐"), _line(13, 51.2), _line(13, -5.2, "✐"), _line(13, 41.2),
    ]  # fmt: skip
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents[1::2] == [0.0, 0.0, 10.0, 0.0]


def test_a_page_set_an_indent_right_of_its_sides_margin_until_the_list_moves_keeps_its_own() -> None:
    """An astronomy instrument paper (natbib, one column, two-sided): the list's odd pages start
    references at 72.4 pt, its even ones at 39.7 pt — but on page 20 the list stays at 72.4 pt
    (its wrapped lines at 105 pt) until an overlong reference moves it to 39.7 pt mid-page. Before
    the move the page shows its own hanging indent: its lines at 72.4 pt are flush, not wrapped."""
    odd, odd_hanging, even, even_hanging = 72.4, 105.1, 39.7, 72.4
    lines = [
        _line(19, odd), _line(19, odd_hanging), _line(19, odd),
        _line(20, odd), _line(20, odd_hanging), _line(20, odd), _line(20, odd_hanging),
        _line(20, even), _line(20, even_hanging), _line(20, even_hanging),
        _line(21, odd), _line(21, odd_hanging),
        _line(22, even), _line(22, even_hanging), _line(22, even), _line(22, even_hanging),
        _line(24, even), _line(24, even_hanging), _line(24, even),
        _line(26, even_hanging), _line(26, even_hanging),
    ]  # fmt: skip
    indents = [round(indent, 1) for indent in list_indents(lines)]
    assert indents == [
        0.0, 32.7, 0.0,
        0.0, 32.7, 0.0, 32.7,
        0.0, 32.7, 32.7,
        0.0, 32.7,
        0.0, 32.7, 0.0, 32.7,
        0.0, 32.7, 0.0,
        32.7, 32.7,
    ]  # fmt: skip


def test_a_wrapped_line_opening_with_and_at_the_continuations_indent_goes_on() -> None:
    """An evolutionary-computation paper (the held-out PDF set): the wrapped lines of its
    hanging-indent list stand 20.4 to 22.6 pt in (10 pt type) — on either side of a half em, to
    which indents round — and one opens with an editor's "and Mottram, R., editors". The
    continuations' indent is theirs, 2.04 ems, not the half em 2.0; only a line a space further in
    than that is a reference by the previous names (AER's rule), so this one goes on with its
    reference."""
    ems = [0.0, 2.04, 0.0, 2.04, 2.26, 0.0, 2.04]
    continued = continuation_indent(ems)
    assert continued == 2.04
    assert reference_start(
        "and Mottram, R., editors, Brain Sciences in Psychiatry.", 2.26, False, continued
    ) == (
        False,
        None,
    )
    assert reference_start("and Jared Rubin, “Causes and consequences,” 2016.", 2.5, False, continued)[0]
