"""Reference lists set in two columns: what a narrow column does to a list's lines. Lines are as
PDFium gives them (page, column, left edge, size), modelled on real third-party .bib files set
with each style's own .bst or biblatex style in two columns (bench/pdf_corpus): apacite's
hanging indents, whose wrapped lines often open with a volume number; running heads over a
list that starts in a page's right column; a review copy's line numbers in each column's outer
margin (lineno's "switch"); a footnote at the foot of the list's first column; IEEE's
"[Online]." opening a wrapped line. (DOIs a narrow column breaks are read in
test_readers_refs_bbl.py, with the other DOIs cut by a line break.)"""

from __future__ import annotations

import pytest
from bibnorm.readers._list_edges import line_number_cuts, numbered_by_its_lines, page_furniture
from bibnorm.readers._pdf_labels import bracket_raised_label
from bibnorm.readers.pdf import PdfLine, references_section
from pdf_lines import read_lines


def _line(text: str, indent: float = 0.0, *, column: int = 0, page: int = 1, size: float = 10.0) -> PdfLine:
    left = 51.3 + indent + (260.0 if column else 0.0)
    return PdfLine(page=page, column=column, left=left, size=size, text=text, indent=indent)


# apacite in two columns: the first line flush, the rest 2.5 ems in; a wrapped line may open with
# the volume ("42 (3), 1069-1077.") or a year, which no label is.
_APACITE = [
    _line("Molins, A., Stufflebeam, S. M., Brown, E. N., & Hämäläinen, M. S. (2008)."),
    _line("Quantification of the benefit from integrating MEG", 25),
    _line("42 (3), 1069-1077. doi: 10.1016/j.neuroimage.2008", 25),
    _line(".05.064", 25),
    _line("Ablin, P., Cardoso, J.-F., & Gramfort, A. (2018). Faster"),
    _line("Independent Component Analysis by preconditioning", 25),
    _line("with hessian approximations. IEEE Transactions on Signal", 25),
    _line("Processing, 66 (15), 4040-4049.", 25),
    _line("Acunzo, D. J., MacKenzie, G., & van Rossum, M. C.", column=1),
    _line("(2012). Systematic biases in early ERP and ERF", 25, column=1),
    _line("components as a result of high-pass filtering. Journal", 25, column=1),
    _line("of Neuroscience Methods, 209 (1), 212-218.", 25, column=1),
]


# biblatex-nature in two columns: "N." labels set right-aligned in front of the text, the wrapped
# lines 2.7 ems in; a page range wrapped before its end opens a line with "434." or "120.".
_NATURE = [
    _line("101. Ho, S. Y. W. & Phillips, M. J. Accounting for", 4.5),
    _line("calibration uncertainty in phylogenetic estimation of", 27),
    _line("evolutionary divergence times. Systematic Biology 58,", 27),
    _line("367–380 (2009).", 27),
    _line("102. Ho, S. Y. W. & Shapiro, B. Skyline-plot methods", 4.5),
    _line("for estimating demographic history from nucleotide", 27),
    _line("sequences. Molecular Ecology Resources 11, 423–", 27),
    _line("434. eprint: https://onlinelibrary.wiley.com/", 27),
    _line("doi/pdf/10.1111/j.1755-0998.2011.02988.x (2011).", 27),
    _line("103. Ho, S. Y. et al. Biogeographic calibrations for", 4.5, column=1),
    _line("the molecular clock. Biology Letters 11, 20150194", 27, column=1),
    _line("(2015).", 27, column=1),
]


# IEEEtran's journal class in two columns: the author's note (8 pt) at the foot of page 1's left
# column, under the first references (8 pt too in IEEE's list, 10 pt here as in most classes);
# "[Online]. Available:" wrapped to the start of a line.
_IEEE = [
    _line("[1] A. Guidi and A. McPherson, “Quantitative evaluation of aspects of", 0),
    _line("embodiment in new digital musical instruments,” in Proceedings of NIME,", 13.7),
    _line("Auckland, New Zealand, jun 2022.", 13.7),
    _line("[Online]. Available: https://doi.org/10.21428%2F92fbeb44.79d0b38f", 13.7),
    _line("[2] J. C. Wu, “Today and yesterday: Two case studies of china’s", 0),
    _line("NIME community,” in Proceedings of NIME, 2022.", 13.7),
    _line("The references below are a real bibliography set in IEEE’s journal style.", -6, size=8.0),
    _line("[3] A. Xambo and V. Goudarzi, “The mobile audience as a digital musical", 0, column=1),
    _line("persona in telematic performance,” in Proceedings of NIME, 2022.", 13.7, column=1),
]


# REVTeX's PRL in two columns: an arXiv id's class wrapped to a line of its own, "[astro-ph.HE]."
_REVTEX = [
    _line("[1] C. Ecker and L. Rezzolla, Impact of large-mass constraints on the properties", 0),
    _line("of neutron stars, Mon. Not. Roy. Astron. Soc. 519, 2615 (2022), arXiv:2209.08101", 13),
    _line("[astro-ph.HE].", 13.7),
    _line("[2] M. C. Miller, F. K. Lamb, and A. J. Dittmann, PSR J0030+0451 Mass and Radius", 0),
    _line("from NICER Data, Astrophys. J. Lett. 887, L24 (2019), arXiv:1912.05705", 13),
    _line("[astro-ph.HE].", 13),
    _line("[3] T. E. Riley, A. L. Watts, and S. Bogdanov, A NICER View of PSR J0030+0451,", 0, column=1),
    _line("Astrophys. J. Lett. 887, L21 (2019), arXiv:1912.05702 [astro-ph.HE].", 13, column=1),
]
# A wrapped page range's end "29." comes before label 29 itself: it is no label of the run.
_BEFORE_ITS_LABEL = [
    _line("27. Ho, S. Y. W. & Phillips, M. J. Accounting for calibration uncertainty", 4.5),
    _line("in phylogenetic estimation. Systematic Biology 58, 367–380 (2009).", 27),
    _line("28. Ho, S. Y. W. & Shapiro, B. Skyline-plot methods. Molecular Ecology", 4.5),
    _line("Resources 11, 423–", 27),
    _line("29. eprint: https://onlinelibrary.wiley.com/doi/pdf/10.1111/j.1755-0998 (2011).", 27),
    _line("29. Ho, S. Y. et al. Biogeographic calibrations for the molecular clock.", 4.5),
    _line("Biology Letters 11, 20150194 (2015).", 27),
]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        pytest.param(
            _REVTEX, [("1", "C. Ecker", 2022), ("2", "M. C. Miller", 2019), ("3", "T. E. Riley", 2019)],
            id="revtex-an-arxiv-class-alone-on-a-wrapped-line",
        ),
        pytest.param(
            _BEFORE_ITS_LABEL, [("27", "Ho", 2009), ("28", "Ho", 2011), ("29", "Ho", 2015)],
            id="a-wrapped-number-before-the-label-it-looks-like",
        ),
        pytest.param(
            _APACITE, [(None, "Molins", 2008), (None, "Ablin", 2018), (None, "Acunzo", 2012)],
            id="apacite-a-volume-opens-a-wrapped-line",
        ),
        pytest.param(
            _IEEE, [("1", "A. Guidi", 2022), ("2", "J. C. Wu", 2022), ("3", "A. Xambo", 2022)],
            id="ieee-online-opens-a-wrapped-line-and-a-footnote-ends-the-column",
        ),
        pytest.param(
            _NATURE, [("101", "Ho", 2009), ("102", "Ho", 2011), ("103", "Ho", 2015)],
            id="nature-a-page-range-end-opens-a-wrapped-line",
        ),
    ],
)  # fmt: skip
def test_a_wrapped_line_opening_with_a_number_is_no_label(
    lines: list[PdfLine], read: list[tuple[str | None, str, int]]
) -> None:
    queries = read_lines(lines)
    assert [(query.label, query.authors[0].split(",")[0], query.year) for query in queries] == read
    assert not any("journal style" in query.raw for query in queries)  # the footnote is in none


def test_a_raised_number_a_space_before_the_text_gives_the_line_the_texts_type() -> None:
    """REVTeX sets a bare label raised and a space apart ("²² The equation …", 6 pt before 9 pt):
    the line is in the list's type, no footnote in smaller type."""
    sizes = [5.98, 5.98, 1.0] + [8.97] * 20
    assert bracket_raised_label("22 The equation", 0, lambda at: sizes[at]) == ("22 The equation", 8.97)


# BibTeX's plain style in two columns under article's "headings" page style: the list starts at
# the top of page 1's right column, each later page is headed "REFERENCES" and its number (on
# the last page PDFium gives the number as a line of its own), and a page may end with a
# reference's last line, "101, 2010.", as another does.
_HEADED_PAGES = [
    [
        _line("1 INTRODUCTION 1"),
        _line("1 Introduction", size=14.3),
        _line("A reference list set in BibTeX's plain style."),
        _line("References", column=1, size=14.3),
        _line("[1] Charu C Aggarwal, Alexander Hinneburg, and", column=1),
        _line("Daniel A Keim. On the surprising behavior of dis-", 20, column=1),
        _line("Conference on Artificial Neural Networks, pages 92–", 20, column=1),
        _line("101, 2010.", 20, column=1),
    ],
    [
        _line("REFERENCES 2", page=2),
        _line("[2] Milam Aiken and Mina Park. The efficacy of round-", page=2),
        _line("Journal, 14(1), 2010.", 20, page=2),
        _line("[3] Shun-Ichi Amari. Natural gradient works efficiently", page=2, column=1),
        _line("in learning. Neural Computation, 10(2):251–276,", 20, page=2, column=1),
        _line("101, 2010.", 20, page=2, column=1),
    ],
    [
        _line("REFERENCES", page=3),
        _line("3", page=3, column=1),
        _line("[4] Guozhong An. The effects of adding noise during", page=3),
        _line("backpropagation training. Neural Computation, 1996.", 20, page=3),
        _line("– 3 –", page=3, column=1),
    ],
]


def test_running_heads_and_page_numbers_are_dropped_and_a_references_last_line_kept() -> None:
    # page 1's head stands once, and is a head by its page number where page 2's stands
    assert page_furniture(_HEADED_PAGES) == {(1, 0), (2, 0), (3, 0), (3, 1), (3, 4)}


def test_a_list_under_running_heads_named_references_starts_at_its_own_heading() -> None:
    furniture = page_furniture(_HEADED_PAGES)
    lines = [
        line for page in _HEADED_PAGES for at, line in enumerate(page) if (line.page, at) not in furniture
    ]
    section = references_section(lines)
    assert section is not None and lines[section.first].text.startswith("[1] Charu C Aggarwal")


# natbib's plainnat in two columns with lineno's "switch" (a real .bib, bench/pdf_corpus): the
# left column's numbers open its lines, the right column's end them, one run through the page.
_SWITCH = [
    "99 Iain M Banks. The Hydrogen Sonata, volume 10 of The",
    "100 Culture. Orbit, 2012. ISBN 978-0-316-21236-6.",
    "101 Lorena A. Barba. Reproducibility pi manifesto,",
    "102 2012. URL https://figshare.com/articles/",
    "103 presentation/Reproducibility_PI_Manifesto/",
    "Trevor Bench-Capon, Micha l Araszkiewicz, Kevin Ash- 104",
    "ley, Katie Atkinson, Floris Bex, Filipe Borges, Daniele 105",
    "23 (6), 1197–1199, 2012. doi: 10.1111/j. 106",  # a volume opens it, its number ends it
    "telligence and Law, 20(3):215–319, 2012. doi: 10. 107",
]


@pytest.mark.parametrize(
    ("pieces", "numbered", "cuts"),
    [
        pytest.param(
            _SWITCH, True,
            [(3, 0), (4, 0), (4, 0), (4, 0), (4, 0), (0, 4), (0, 4), (0, 4), (0, 4)],
            id="numbers-before-the-left-column-after-the-right",
        ),
        pytest.param(
            ["Carlip S and Vera R 1998 Phys. Rev. D 58 1345", "Ashtekar A 1986 Phys. Rev. Lett. 57 2244",
             "Rovelli C 1995 Nucl. Phys. B 442 593", "Thiemann T 1998 Class. Quant. Grav. 15 839",
             "Barbero J F 1995 Phys. Rev. D 51 5507", "Immirzi G 1997 Class. Quant. Grav. 14 177"],
            False, None, id="iop-references-ending-with-their-pages-are-not-numbered",
        ),
        # Vancouver with bare numbers, a page of short references (a real .bib, set with the
        # corpus's vancouver-bare template): most lines open with a number going up by one, but
        # it goes up by one across a reference's wrapped line too — labels, not line numbers.
        pytest.param(
            ["19 Anon. Exchangeable image file format for digital still cameras; 2012. Available from:",
             "http://www.cipa.jp/std/documents/e/DC-008-2012E.pdf.",
             "20 Anon. Mathematics 4c; 2012.", "21 Anon. Optimizing C++; 2012.",
             "22 Anon. Reactive and Emergent Behaviour; 2012.", "23 Anon. Some common Formulas; 2012.",
             "24 Anon. Writing an Journal Article Summary; 2012.",
             "25 Anthropy A. Rise of the Videogame Zinesters. Seven Stories Press; 2012.",
             "26 ARM. The ARM Instruction Set; 2012.",
             "27 Artikis A. Dynamic Specification of Open Agent Systems. Journal of Logic and Computation.",
             "2012;22(6):1301–1334.",
             "28 Azari JR, Smith JK. Unwritten Rules. Perspectives on Politics. 2012;10(1):37-55. Available",
             "from: http://dx.doi.org/10.1017/S1537592711004890.",
             "29 van Baar H. Socio-Economic Mobility and Neo-Liberal Governmentality in Post-Socialist "
             "Europe. Journal of Ethnic and Migration Studies. 2012;38(8):1289–1304.",
             "30 Bailey M, Cunningham S. Graphics Shaders. CRC Press; 2012. Available from:"],
            False, None, id="bare-labels-across-wrapped-lines-are-no-line-numbers",
        ),
        # A review copy's numbered reference list (an ecology manuscript set with lineno): PDFium
        # splits a line at its raised "d" ("points in [0,1]d"), and the line's rest carries the
        # next number — up by one across an unnumbered line, yet line numbers, not labels.
        pytest.param(
            ["525 References",
             "526 Appel, M. J. B., Najim, C. A. & Russo, R. P. (2002) Limit laws for the diameter of a",
             "527 point set. Advances in Applied Probability, 34, 1–10.",
             "528 Appel, M. J. B. & Russo, R. P. (1997a) The maximum vertex degree of a graph on uniform",
             "points in [0,1]d",
             "529 . Advances in Applied Probability, 29, 567–581.",
             "530 Appel, M. J. B. & Russo, R. P. (1997b) The minimum vertex degree of a graph on uniform",
             "points in [0,1]d",
             "531 . Advances in Applied Probability, 29, 582–594.",
             "532 Appel, M. J. B. & Russo, R. P. (2002) The connectivity of a graph on uniform points in",
             "[0,1]d",
             "533 . Statistics & Probability Letters, 60, 351–357.",
             "534 Bahn, V. & McGill, B. J. (2007) Can niche-based distribution models outperform spatial",
             "535 interpolation? Global Ecology and Biogeography, 16, 733–742."],
            True, None, id="line-numbers-across-a-line-split-at-raised-type",
        ),
    ],
)  # fmt: skip
def test_a_review_copys_line_numbers_in_both_outer_margins(
    pieces: list[str], numbered: bool, cuts: list[tuple[int, int]] | None
) -> None:
    assert numbered_by_its_lines(pieces) is numbered
    if cuts is not None:
        assert line_number_cuts(pieces) == cuts


def test_a_line_number_spaced_by_a_control_character_is_read_not_raised() -> None:
    # PDFium passes U+001D through from some fonts; `re` counts it as a space, `int` does not.
    pieces = [f"Author, A. ({2000 + n}) A title of the work, a journal. {n} \x1d " for n in range(1, 9)]
    assert numbered_by_its_lines(pieces) is True
