"""Author-year lists with hanging indents (econ-bst's variants, economic's journals, Harvard
``agsm``, elsarticle's author-year; texlive-doc's samples and lists built with those styles):
titles as their styles set them, names as they print them."""

from __future__ import annotations

import pytest
from bibnorm.readers.pdf import PdfLine, _running_heads
from test_pdf_typography import _read, _styled


@pytest.mark.parametrize(
    ("text", "italic", "title", "first_author"),
    [
        pytest.param("Krugman, Paul R., Geography and Trade, Cambridge, MA: MIT Press, 1991a.",
                     "Geography and Trade,", "Geography and Trade", "Krugman, Paul R",
                     id="econ-b-a-book-after-names-in-natural-order"),
        pytest.param("Fujita, Masahisa, Paul R. Krugman, & Anthony J. Venables, The Spatial Economy, "
                     "Cambridge, MA: MIT Press, 1999.", "The Spatial Economy,", "The Spatial Economy",
                     "Fujita, Masahisa", id="econ-b-several-names"),
        pytest.param("Helpman, Elhanan & Assaf Razin, (eds.) International Trade and Trade Policy, "
                     "Cambridge, MA: MIT Press, 1991.", "International Trade and Trade Policy,",
                     "International Trade and Trade Policy", "Helpman, Elhanan", id="econ-b-editors"),
        pytest.param("Attwood, Feona ed. (2010) Porn.com: Making Sense of Online Pornography: Peter Lang.",
                     "Porn.com: Making Sense of Online Pornography:",
                     "Porn.com: Making Sense of Online Pornography", "Attwood, Feona",
                     id="econ-a-publisher-without-place-after-a-colon"),
        pytest.param("Krantz, H. D., R. D. Luce, P. Suppes and A. Tversky, Foundations of Measurement "
                     "(New York: Academic Press, 1971).", "Foundations of Measurement",
                     "Foundations of Measurement", "Krantz, H. D.",
                     id="ier-a-book-before-its-publisher-in-parentheses"),
        pytest.param("Hoskins, W. G. (1976), The age of plunder : King Henry’s England, 1500-1547, London "
                     "etc. : Longman.", "The age of plunder : King Henry’s England, 1500-1547,",
                     "The age of plunder : King Henry’s England, 1500-1547", "Hoskins, W. G.",
                     id="agsm-a-catalogues-place-and-publisher"),
        pytest.param("Takeda, Shiro, An Economic Analysis of Environmental Regulations Ph.D. dissertation, "
                     "Hitotsubashi University, 2005.", "An Economic Analysis of Environmental Regulations",
                     "An Economic Analysis of Environmental Regulations", "Takeda, Shiro",
                     id="econ-b-a-thesis-kind-right-after-the-title"),
    ],
)  # fmt: skip
def test_an_italic_book_title_after_the_names_is_the_title(
    text: str, italic: str, title: str, first_author: str
) -> None:
    """econ-bst's and economic's samples, Harvard ``agsm``: a book's title in italics after the
    names (which the text alone cannot tell from it) and before its place and publisher."""
    query = _read([_styled(text, italic)])[0]
    assert (query.title, query.authors[0]) == (title, first_author)


@pytest.mark.parametrize(
    ("text", "italic", "title"),
    [
        pytest.param("Franck Varenne, Marc Silberstein, et al. Modéliser & simuler. Epistémologies et "
                     "pratiques de la modélisation, tome 1. Éditions Matériologiques, 2013.",
                     "simuler. Epistémologies et pratiques de la modélisation, tome 1.",
                     "Modéliser & simuler", id="a-run-after-an-upright-word-of-the-title"),
        pytest.param("Smith, A. B. (2001), Drosophila genetics revisited, Journal of Flies, 4, 1–9.",
                     "Drosophila", "Drosophila genetics revisited", id="a-species-opening-an-upright-title"),
    ],
)  # fmt: skip
def test_an_italic_word_inside_a_title_is_no_title_of_its_own(text: str, italic: str, title: str) -> None:
    """A run with no separator on either side is a word of the title set in italics."""
    assert _read([_styled(text, italic)])[0].title == title


def test_names_left_blank_take_the_previous_references_and_the_italic_title() -> None:
    """econ-b prints the names that repeat the previous reference's as nothing ("& , *Title*")."""
    lines = [
        _styled("[1] Giorcelli, Michela, ‘The Long-Term Effects of Management and Technology Transfers.’ "
                "American Economic Review, 109 (1), 121–52, January, 2019."),
        _styled("[2] Goldin, Claudia & Lawrence F. Katz, ‘Education and Income in the Early Twentieth "
                "Century.’ Journal of Economic History, 60 (3), 782–818, 2000."),
        _styled("[3] & , The Race between Education and Technology, Cambridge, MA: The Belknap Press of "
                "Harvard University Press, 2008.", "The Race between Education and Technology,"),
    ]  # fmt: skip
    race = _read(lines)[2]
    assert (race.title, race.authors) == (
        "The Race between Education and Technology",
        ("Goldin, Claudia", "Lawrence F. Katz"),
    )


def _page(number: int, *texts: str) -> list[PdfLine]:
    return [PdfLine(number, 0, 72.0, 10.0, text) for text in texts]


def test_two_references_alike_but_for_their_years_atop_one_page_are_no_running_head() -> None:
    """econ-jet's sample (texlive-doc): "Jones, R. W., Kenen, P. B., eds. , 1984. …" and "…, 1985. …"
    open page 2; a running head is a line repeated on several pages, a page number one alone."""
    jones = "Jones, R. W., Kenen, P. B., eds. , {}. Handbook of International Economics. {}, Amsterdam."
    head = "Journal of Examples"
    pages = [
        _page(1, "References", "Imbens, G., 2019. Title. Journal.", head, "1"),
        _page(2, jones.format(1984, 1), jones.format(1985, 2), "Krugman, P. R., 1991a. Title.", head),
    ]
    assert _running_heads(pages) == {(1, 2), (1, 3), (2, 3)}
