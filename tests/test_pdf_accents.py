"""Accents TeX sets over a letter as a glyph of their own (OT1, LaTeX's default encoding), joined
to their letter by where they stand on the page: over the letter, not beside it (a T1 font
without a Unicode map gives the same Latin-1 signs for letters of their own: Cork's ĺ, ť)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers import read_inputs
from bibnorm.readers._pdf_accents import (
    Box,
    join_overlaid_accents,
    readable_text,
    rejoined_at_accents,
    without_breaks,
)
from bibnorm.readers._pdf_typography import ITALIC_END, ITALIC_START
from bibnorm.readers.pdf import PdfLine, joined_split_lines
from clients import PDFLATEX, need, run


def _boxes(text: str, over: set[int]) -> list[Box]:
    """One 5-point-wide box per character, side by side; a character at an index in ``over`` is
    set over the next one (its box inside the next one's)."""
    boxes: list[Box] = []
    left = 0.0
    for at in range(len(text)):
        if at in over:
            boxes.append((left + 1, 8, left + 4, 10))  # the next character's box starts at ``left``
        else:
            boxes.append((left, 0, left + 5, 7))
            left += 5
    return boxes


@pytest.mark.parametrize(
    ("text", "over", "expected"),
    [
        pytest.param("M. H¨ubner", {4}, "M. Hübner", id="umlaut-over-its-letter"),
        pytest.param("K. G´orski", {4}, "K. Górski", id="acute-over-its-letter"),
        pytest.param("J. Mac´ıas-P´erez", {6, 12}, "J. Macías-Pérez", id="acute-on-dotless-i-and-e"),
        pytest.param("Fran¸cois", {4}, "François", id="cedilla-under-its-letter"),
        pytest.param("H¨ubner", set(), "H¨ubner", id="a-sign-beside-the-letter-stays-a-letter-of-its-own"),
        pytest.param("x´q", {1}, "x´q", id="no-accented-letter-in-unicode-left-alone"),
        # T1 without a Unicode map (or OT1's accent glyph): "`" set over a letter is its grave accent
        # ("\\`A" → "À"); set before the word it opens, TeX's opening quote.
        pytest.param(
            "`A single domestication', and `A la carte",
            {30},
            "‘A single domestication', and À la carte",
            id="a-grave-over-its-letter-and-a-quote-beside-a-word",
        ),
    ],
)
def test_an_accent_set_over_a_letter_is_joined_to_it(text: str, over: set[int], expected: str) -> None:
    boxes = _boxes(text, over)
    offset = 40  # the text's first character is the page's 40th
    joined = join_overlaid_accents(text, offset, lambda at: boxes[at - offset])
    assert joined == expected


def test_an_accent_after_an_italic_run_is_found_by_the_pages_own_index() -> None:
    """OT1 sets "é" as an accent glyph over an "e"; the italics are marked in the text first (by
    the page's indices, before the accent is joined and the text grows shorter than the page), so
    the accent's place on the page is its place in the text less the marks before it."""
    marked = f"In {ITALIC_START}Festschrift{ITALIC_END} for A. Charg´eraud"
    accent = 100 + marked.index("´") - 2  # the page's index: the two marks are no characters of it

    def box(index: int) -> tuple[float, float, float, float]:
        if index == accent:  # set over the next letter
            return (index + 1.1, 0.0, index + 1.6, 1.0)
        return (float(index), 0.0, index + 1.0, 1.0)

    assert join_overlaid_accents(marked, 100, box) == marked.replace("g´e", "gé")


def test_an_italic_title_after_an_accented_name_is_read_whole(tmp_path: Path) -> None:
    """The italics are marked by the page's characters before an OT1 accent is joined to its
    letter: the italic title after "Bollob\\'as" starts at its first word ("B. Bollobás, *Random
    Graphs*, 2nd ed., …")."""
    need("pdflatex")
    items = [
        "B. Bollob\\'as, \\textit{Random Graphs}, 2nd ed., Cambridge Studies in Advanced Mathematics "
        "(Cambridge University Press, Cambridge, 2001).",
        "K. G\\'orski, \\textit{Pixelization of the Sphere}, Lecture Notes in Astrophysics (Springer, "
        "Berlin, 2005).",
        'M. H\\"ubner, \\textit{Quantum Many-Body Systems}, 3rd ed., Lecture Notes in Physics (Springer, '
        "Berlin, 2010).",
    ]
    body = "".join(f"\\noindent[{n}] {item}\\par\n" for n, item in enumerate(items, start=1))
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\begin{document}\\section*{References}\n" + body + "\\end{document}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, tmp_path)
    titles = [q.title for q in read_inputs([tmp_path / "doc.pdf"])]
    assert titles == ["Random Graphs", "Pixelization of the Sphere", "Quantum Many-Body Systems"]


def _drawn_late(text: str, late: dict[int, int]) -> list[Box]:
    """Boxes of ``text`` side by side, but for each accent at an index in ``late``: the page drew it
    after the rest of its line, and its box stands over the letter at ``late[index]`` (its own
    place in the text counted as no width, as the space PDFium reads after it)."""
    boxes: list[Box] = []
    left = 0.0
    for at in range(len(text)):
        if at in late or (at - 1 in late and text[at] == " "):
            boxes.append((0, 0, 0, 0))
        else:
            boxes.append((left, 0, left + 5, 7))
            left += 5
    for at, letter in late.items():
        x = boxes[letter][0]
        boxes[at] = (x + 1, 8, x + 4, 10)
    return boxes


@pytest.mark.parametrize(
    ("text", "late", "expected"),
    [
        pytest.param("Tullmann R., 2000, A&A, ¨ 362, 119", {24: 1}, "Tüllmann R., 2000, A&A, 362, 119",
                     id="umlaut-drawn-after-the-line"),
        pytest.param("Flanagan E. ´ E., Hinderer T., 2008, ´ Phys. Rev. D", {12: 9, 37: 14},
                     "Flanagan É. É., Hinderer T., 2008, Phys. Rev. D", id="acutes-on-capitals-drawn-late"),
    ],
)  # fmt: skip
def test_an_accent_drawn_away_from_its_letter_goes_back_to_it(
    text: str, late: dict[int, int], expected: str
) -> None:
    """MNRAS pages draw some accents after the rest of their line: PDFium reads them there, their
    boxes stand over their letters. They go back to their letter and are joined to it."""
    boxes = _drawn_late(text, late)
    assert join_overlaid_accents(text, 0, lambda at: boxes[at]) == expected


OT1_REFERENCES = r"""\documentclass{article}
\begin{document}
\section*{References}
\begin{enumerate}
\item[{[1]}] M. H\"ubner and K. G\'orski, Phys. Rev. D 77, 021502 (2008).
\item[{[2]}] J. F. Mac\'{\i}as-P\'erez and F. Fran\c{c}ois, Astrophys. J. 502, 1 (1998).
\item[{[3]}] A. Author and B. Author, Phys. Rev. Lett. 97, 123456 (2006).
\end{enumerate}
\end{document}
"""


def test_names_set_with_ot1_accents_are_read_with_their_accented_letters(tmp_path: Path) -> None:
    need("pdflatex")
    (tmp_path / "doc.tex").write_text(OT1_REFERENCES, encoding="utf-8")
    run(PDFLATEX, tmp_path)
    first, second, _ = read_inputs([tmp_path / "doc.pdf"])
    assert first.authors == ("M. Hübner", "K. Górski")
    assert second.authors == ("J. F. Macías-Pérez", "F. François")


def test_an_accent_given_later_in_its_line_is_joined_to_the_letter_it_sits_over() -> None:
    """Two columns set with SIAM's style (a real third-party .bib): PDFium gives the umlaut of
    "Myllylä" after the comma and space that follow the name, its box over the "a"."""
    text = "V. Myllyla, ¨ J. Sjoberg"
    boxes: list[Box] = [(5.0 * at, 0.0, 5.0 * at + 5, 7.0) for at in range(len(text))]
    a = text.index("a,")
    boxes[text.index("¨")] = (5.0 * a + 1, 8.0, 5.0 * a + 4, 10.0)  # over the "a", above its top
    offset = 40
    assert join_overlaid_accents(text, offset, lambda at: boxes[at - offset]) == "V. Myllylä, J. Sjoberg"


def test_an_accent_over_no_letter_before_it_stays() -> None:
    text = "Title ¨ of a paper"
    boxes: list[Box] = [(5.0 * at, 0.0, 5.0 * at + 5, 7.0) for at in range(len(text))]
    boxes[text.index("¨")] = (500.0, 8.0, 503.0, 10.0)  # over nothing in the line
    assert join_overlaid_accents(text, 0, lambda at: boxes[at]) == text


def _piece(left: float, bottom: float, text: str, *, column: int = 0) -> PdfLine:
    return PdfLine(page=9, column=column, left=left, size=7.97, text=text, bottom=bottom)


def test_a_line_pdfium_split_at_an_accent_is_one_line_again() -> None:
    """An AAS two-column list (a magnetar paper): PDFium breaks "Lin, L., Göǧüs, E., …" after the
    accent TeX built from two glyphs; the second piece stands on the same baseline 47 points in,
    where it read as a reference of its own by the previous authors. Lines one above the other,
    a raised label a third of an em above its line, and the other column's line on the same
    baseline stay apart."""
    lines = [
        _piece(50.8, 414.3, "Levin, L., Bailes, M., Bates, S., et al. 2010, ApJ, 721, L33 [1]"),
        _piece(50.8, 405.6, "Lin, L., Göǧüs ,"),
        _piece(97.7, 404.5, ", E., Kaneko, Y., & Kouveliotou, C. 2013, ApJ, 778, 105 [3.3]"),
        _piece(50.8, 396.9, "Liu, K., Karuppusamy, R., Cognard, I., et al. 2020, The Astronomer’s"),
        _piece(
            317.7,
            396.9,
            "Lower, M. E., Johnston, S., Shannon, R. M., Bailes, M., & Camilo, F. 2021,",
            column=1,
        ),
        _piece(317.7, 387.0, "2", column=1),
        _piece(325.7, 384.3, "J. R. Ray, Computer physics reports 8, 109 (1988).", column=1),
    ]
    assert [line.text for line in joined_split_lines(lines)] == [
        lines[0].text,
        "Lin, L., Göǧüs , , E., Kaneko, Y., & Kouveliotou, C. 2013, ApJ, 778, 105 [3.3]",
        *(line.text for line in lines[3:]),
    ]


def _thesis_line(left: float, bottom: float, text: str, *, column: int = 0) -> PdfLine:
    return PdfLine(page=25, column=column, left=left, size=11.96, text=text, bottom=bottom)


def test_a_line_of_a_one_column_page_split_past_its_middle_is_one_line_again() -> None:
    """A thesis's one-column list (page 25 of github:davidrball/ball_thesis, 54aea4b,
    dissertation.pdf): PDFium breaks "… flares from Sagittarius A∗ (I): model …" after the math
    star, the second piece starting right of the page's middle, where its place named the right
    column and it read as a reference of its own. On a page of one column it goes on with its line."""
    lines = [
        _thesis_line(
            108.5, 384.0, "Li, Y.-P., F. Yuan, and Q. D. Wang (2017). A magnetohydrodynamic model for"
        ),
        _thesis_line(120.1, 369.5, "multiwavelength flares from Sagittarius A∗"),
        _thesis_line(345.1, 369.5, "(I): model and the near-infrared and", column=1),
        _thesis_line(120.0, 355.1, "X-ray flares. MNRAS, 468, pp. 2552–2568. doi:10.1093/mnras/stx655."),
        _thesis_line(
            108.5, 330.7, "Li, Y.-P., F. Yuan, Q. Yuan, Q. D. Wang, P. F. Chen, J. Neilsen, T. Fang,"
        ),
        _thesis_line(
            120.2, 316.2, "and J. Dexter (2015). Statistics of X-Ray Flares of Sagittarius A*: Evidence"
        ),
    ]
    assert [line.text for line in joined_split_lines(lines)] == [
        lines[0].text,
        "multiwavelength flares from Sagittarius A∗ (I): model and the near-infrared and",
        *(line.text for line in lines[3:]),
    ]


def _prl_piece(left: float, bottom: float, size: float, text: str) -> PdfLine:
    return PdfLine(page=2, column=0, left=left, size=size, text=text, bottom=bottom)


def test_a_formulas_superscripts_and_subscripts_stay_on_their_line() -> None:
    """A Physical Review Letters title set by plainnat in two columns of small type (the bench's
    ``built-plainnat-flush-spaced-2col-math-prl``, page 2): PDFium breaks "First observation of the
    decay B⁰_s → D⁻_s D⁺_s and …" at each change of baseline, the pieces in smaller type raised or
    lowered from it, standing far in; they go on with their line, and the next line stays apart."""
    lines = [
        _prl_piece(53.0, 610.8, 8.97, "First observation of the decay B"),
        _prl_piece(189.8, 614.6, 5.98, "0"),
        _prl_piece(189.5, 609.2, 5.98, "s → D"),
        _prl_piece(221.6, 614.6, 5.98, "−"),
        _prl_piece(221.1, 609.2, 5.98, "s D"),
        _prl_piece(235.5, 614.6, 5.98, "+"),
        _prl_piece(235.2, 609.2, 5.98, "s and measurement of its branching ratio. Phys. Rev. Lett., "),
        _prl_piece(53.0, 600.4, 8.97, "100:021803, Jan 2008. doi: 10.1103/PhysRevLett.100.021803. URL"),
    ]
    assert [line.text for line in joined_split_lines(lines)] == [
        "First observation of the decay B 0 s → D − s D + s and measurement of its branching ratio."
        " Phys. Rev. Lett., ",
        lines[-1].text,
    ]


# Characters as PDFium gives them, each with its box (left, bottom, right, top): the pen goes back
# to draw an accent over the letter before and on again, and PDFium reads a space at each turn.
# page 138 of github:Will-Wright/dissertation-rapid_eigenvalue_method_for_noisy_phase_retrieval
# (bd5998e, will_wright_dissertation.pdf): "R. H. Tütüncü" set with OT1 accents
_TUTUNCU = [
    ("T", (258.8, 142.6, 264.9, 148.7)), ("u", (265.8, 142.5, 270.6, 147.2)),
    ("t", (271.3, 142.6, 275.9, 147.2)), ("¨", (266.8, 148.5, 269.6, 149.4)),
    (" ", (270.7, 143.4, 270.7, 143.4)), ("u", (276.6, 142.5, 281.4, 147.2)),
    ("n", (282.1, 142.6, 286.9, 147.2)), ("c", (287.7, 142.5, 292.1, 147.4)),
    (" ", (292.6, 142.6, 292.6, 142.6)), ("¨", (277.6, 148.5, 280.4, 149.4)),
    (" ", (281.5, 143.4, 281.5, 143.4)), ("u", (292.9, 142.5, 297.7, 147.2)),
    ("¨", (293.9, 148.5, 296.7, 149.4)), (",", (298.8, 140.9, 299.9, 143.6)),
    (" ", (300.6, 142.6, 300.6, 142.6)), ("S", (306.1, 142.4, 311.2, 149.0)),
]  # fmt: skip
# page 10 of github:TerryTong-Git/Bayesian_Tool_Use (61c6044, example_paper.pdf): "Veličković, P."
_VELICKOVIC = [
    ("d", (394.3, 622.0, 399.0, 628.9)), (" ", (401.6, 622.1, 401.6, 622.1)),
    ("V", (401.7, 622.0, 408.6, 628.7)), ("e", (408.0, 622.0, 412.0, 626.7)),
    ("l", (412.4, 622.1, 414.8, 628.9)), ("i", (415.2, 622.1, 417.6, 628.9)),
    ("c", (418.1, 622.0, 422.0, 626.7)), ("k", (422.4, 622.1, 427.4, 628.9)),
    ("o", (427.6, 622.0, 432.0, 626.7)), ("v", (432.4, 622.0, 437.0, 626.6)),
    ("i", (437.4, 622.1, 439.8, 628.9)), (" ", (440.0, 622.1, 440.0, 622.1)),
    ("ˇ", (418.5, 627.2, 421.6, 628.9)), (" ", (421.7, 622.2, 421.7, 622.2)),
    ("c", (440.3, 622.0, 444.2, 626.7)), (",", (445.1, 620.7, 446.5, 623.1)),
    (" ", (449.5, 622.1, 449.5, 622.1)), ("P", (449.7, 622.1, 455.0, 628.7)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("characters", "expected"),
    [
        pytest.param(_TUTUNCU, "Tütüncü, S", id="umlauts-drawn-after-their-letters"),
        pytest.param(_VELICKOVIC, "d Veličkovic, P", id="caron-drawn-after-the-word"),
    ],
)
def test_no_space_is_read_where_the_pen_went_back_to_draw_an_accent(
    characters: list[tuple[str, Box]], expected: str
) -> None:
    """The spaces PDFium reads around an accent drawn after its letter stand between letters a
    kern apart once the accent is over its letter: no word ends there. The spaces between words
    ("d Veli…", ", S") stay."""
    text = "".join(char for char, _ in characters)
    offset = 2769  # the text's first character is the page's 2769th
    joined = join_overlaid_accents(text, offset, lambda at: characters[at - offset][1])
    assert readable_text(joined) == expected


SPANISH_HEADING = r"""\documentclass{report}
\begin{document}
\chapter*{Introducci\'on}
Texto del cap\'itulo.
\chapter*{BIBLIOGRAF\'IA}
\begin{itemize}
\item[] Alpaydin, E. (2014). Introduction to Machine Learning. MIT Press.
\item[] Cortez, C. T., Saydam, S. (2018). Alternative techniques for forecasting mineral commodity
prices. International Journal of Mining Science and Technology, 28(2), 309-322.
\item[] Dehghani, H., \& Bogdanovic, D. (2018). Copper price estimation using bat algorithm.
Resources Policy, 55, 55-61.
\end{itemize}
\chapter*{Anexo A \'Arbol de Problemas}
\begin{tabular}{ll} 1 & Copper price estimation using bat algorithm Dehghani 2018\\
2 & Fuzzy Bag-of-Words Model Zhao 2018\\ \end{tabular}
\end{document}
"""


def test_a_heading_pdfium_broke_at_its_raised_accent_names_the_references(tmp_path: Path) -> None:
    """A Spanish thesis's chapter heading "BIBLIOGRAFÍA" set in OT1: TeX raises the acute over
    the capital I so far that PDFium ends the line before the accent and again after it
    ("BIBLIOGRAF" / "´" / "IA"). Read as one line again, the heading names the references, and
    the list under it is read (not the annex's table after it)."""
    need("pdflatex")
    (tmp_path / "doc.tex").write_text(SPANISH_HEADING, encoding="utf-8")
    run(PDFLATEX, tmp_path)
    read = read_inputs([tmp_path / "doc.pdf"])
    assert [query.title for query in read] == [
        "Introduction to Machine Learning",
        "Alternative techniques for forecasting mineral commodity prices",
        "Copper price estimation using bat algorithm",
    ]


def _heading_boxes(text: str, accent: int, over: int, *, drop: float = 0.0) -> list[Box]:
    """A 10-point box per character of ``text`` side by side on one baseline (the breaks "\r\n"
    take no room), the one at ``accent`` raised over the one at ``over``; the characters after
    the accent ``drop`` points lower."""
    boxes: list[Box] = []
    left = 0.0
    for at, char in enumerate(text):
        low = drop if at > accent else 0.0
        if char in "\r\n":
            boxes.append((left, -low, left, -low))
        elif at == accent:
            boxes.append((0.0, 0.0, 0.0, 0.0))
        else:
            boxes.append((left, -low, left + 10, 14 - low))
            left += 10
    mid = boxes[over]
    boxes[accent] = (mid[0] + 2, mid[3] + 3, mid[2] - 2, mid[3] + 6)
    return boxes


@pytest.mark.parametrize(
    ("text", "accent", "over", "expected"),
    [
        pytest.param("BIBLIOGRAF\r\n´\r\nIA", 12, 15, "BIBLIOGRAFÍA", id="the-accent-a-line-of-its-own"),
        pytest.param(
            "Automatico BIBLIOGRAF\r\n´IA", 23, 24, "Automatico BIBLIOGRAFÍA", id="the-accent-opens-a-line"
        ),
    ],
)
def test_a_line_broken_at_a_raised_accent_is_one_line_again(
    text: str, accent: int, over: int, expected: str
) -> None:
    boxes = _heading_boxes(text, accent, over)
    pieces = text.split("\r\n")
    starts = [0, len(pieces[0]) + 2, len(pieces[0]) + len(pieces[1]) + 4][: len(pieces)]
    joined, joined_starts = rejoined_at_accents(text, pieces, starts, lambda at: boxes[at])
    assert joined_starts == [0]
    assert without_breaks(join_overlaid_accents(joined[0], 0, lambda at: boxes[at])) == expected


def test_a_line_below_that_opens_with_an_accented_capital_is_a_line_of_its_own() -> None:
    """The annex heading "´Arbol de Problemas" on the next line, a line's step below: no break
    to take back."""
    text = "Anexo A\r\n´Arbol"
    boxes = _heading_boxes(text, 9, 10, drop=20.0)
    pieces = text.split("\r\n")
    assert rejoined_at_accents(text, pieces, [0, 9], lambda at: boxes[at]) == (pieces, [0, 9])
