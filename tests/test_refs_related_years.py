"""A reference's year is its own: not the year of a related work printed after it (biblatex's
"Repr. from", "Excerpt in", "Trans. of", "Orig. pub. in", "Trans. by … as"), a range of
years is dated by its first, and an ISO date broken at its hyphen across a line is a date, no
range; a page is no year. References as biblatex's standard styles, biblatex-ieee and IEEEtran
print them."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("Gordon E. Moore. “Cramming more components onto integrated circuits.” In: Proceedings "
                     "of the IEEE 86.1 (1998), pp. 82–85. Repr. from Electronics 38.8 (1965), pp. 114–117.",
                     1998, id="reprinted-from"),
        pytest.param("Terrence Doody. “Hemingway’s Style and Jake’s Narration.” In: The Journal of Narrative "
                     "Technique 4.3 (1974), pp. 212–225. Excerpt in Roger Matuz, ed. Contemporary Literary "
                     "Criticism. Vol. 61. Detroit: Gale, 1990, pp. 204–208.", 1974, id="excerpt-in"),
        pytest.param("Arnold van Gennep. Les rites de passage. Paris: Nourry, 1909. Trans. by Monika B. "
                     "Vizedom and Gabrielle L. Caffee as The Rites of Passage (University of Chicago Press, "
                     "1960).",
                     1909, id="translated-as"),
        pytest.param("Monika B. Vizedom and Gabrielle L. Caffee, trans. The Rites of Passage. University of "
                     "Chicago Press, 1960. Trans. of Arnold van Gennep. Les rites de passage. Paris: Nourry, "
                     "1909.", 1960, id="translation-of"),
        pytest.param("Solomon Kullback. Information Theory and Statistics. New York: Dover Publications, "
                     "1997. (Orig. pub. in 1959 by John Wiley & Sons).", 1997, id="originally-published"),
        pytest.param("Arnold van Gennep. The Rites of Passage. Trans. from the French by Monika B. Vizedom "
                     "and Gabrielle L. Caffee. University of Chicago Press, 1960.", 1960,
                     id="the-translator-of-this-work-is-no-related-work"),
        pytest.param("Philipp Jaffé, ed. Regesta Pontificum Romanorum ab condita ecclesia ad annum post "
                     "Christum natum mcxcviii. Red. by Samuel Loewenfeld. 2nd ed. Leipzig, 1885–1888.",
                     1885,
                     id="a-range-of-years"),
        pytest.param("Donald E. Knuth. Computers & Typesetting. 5 vols. Reading, Mass.: Addison-Wesley, "
                     "1984–1986.", 1984, id="a-multi-volume-works-years"),
        pytest.param("Trevor R. Reese. “Georgia in Anglo-Spanish Diplomacy, 1736–1739.” In: William and Mary "
                     "Quarterly. 3rd ser. 15 (1958), pp. 168–190.", 1958, id="a-range-in-the-title"),
        pytest.param("C. Allig and G. Wanielik, “Alignment of Perception Information for Cooperative "
                     "Perception,” in Proc. of IV, Paris, France, Jun. 2019, pp. 1639–1644.", 2019,
                     id="ieee-pages-after-the-date"),
        pytest.param("A. Name, “A title of some length,” Journal of Things, vol. 6, p. 1987, 2005.", 2005,
                     id="a-page-alone"),
        pytest.param("O. Abdel-Hamid and A. Mohamed, Convolutional Neural Networks for Speech Recognition, "
                     "IEEE/ACM Trans. Audio, Speech, Lang. Process. 22 (2014), no. 10, 1533–1545.", 2014,
                     id="amsplain-pages-without-pp"),
        pytest.param("IEEE Personal Commun. Mag., Special Issue on Wireless ATM vol. 3 1996- 08.", 1996,
                     id="an-iso-date-broken-at-its-hyphen"),
        pytest.param("Ronald W. Jones. Handbook of International Economics. Amsterdam: Elsevier, 1994-1998.",
                     None, id="a-hyphenated-range-is-no-date"),
    ],
)  # fmt: skip
def test_the_year_is_the_references_own(text: str, year: int | None) -> None:
    assert parse_reference(text).year == year


@pytest.mark.parametrize(
    ("text", "year", "title"),
    [
        pytest.param("APPLEBY, Humphrey, 1959 [i.e. 1995]. How to supply a correct date. A book with a "
                     "corrected date.", 1959, "How to supply a correct date", id="a-corrected-date"),
        pytest.param("APPLEBY, Humphrey, [ca. 1590]. On the Importance of the Civil Service. A book with "
                     "an approximate date.", 1590, "On the Importance of the Civil Service",
                     id="an-approximate-date"),
        pytest.param("DEWACHTER, Hans; LYRIO, Marco, 2006. Macro Factors and the Term Structure of "
                     "Interest Rates. Journal of Money, Credit and Banking [online]. Vol. 38, no. 1, pp. "
                     "119–140 [visited on 2020-01-20].", 2006,
                     "Macro Factors and the Term Structure of Interest Rates",
                     id="a-visit-after-the-date"),
    ],
)  # fmt: skip
def test_iso_690s_date_after_the_names(text: str, year: int, title: str) -> None:
    """ISO 690's author-date form (biblatex-iso690's own document; its approximate date moved
    into the years read, 1500–2099): the date after the names, corrected or approximate in
    brackets, is the work's."""
    parsed = parse_reference(text)
    assert (parsed.year, parsed.title) == (year, title)
