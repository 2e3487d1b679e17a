"""A reference's year is its own (`_ref_dates`; related works' notes and ranges of years are in
test_refs_biblatex.py): a page is no year, with "pp." or without (IEEE's "Jun. 2019, pp.
1639–1644", amsplain's "22 (2014), no. 10, 1533–1545"); an ISO date broken at its hyphen across
a line is a date, no range; a standard style's note after the year dates nothing (plain's
"Bibliopolis, 1984. Notes by … June 1980."); ISO 690's corrected or approximate date after the
names is the work's. References as biblatex's standard styles, biblatex-ieee, IEEEtran,
amsplain, plain and biblatex-iso690 print them."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference
from pdf_lines import read_lines, styled


@pytest.mark.parametrize(
    ("text", "year"),
    [
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
        pytest.param("Per Martin-Löf. Intuitionistic type theory, volume 1 of Studies in Proof Theory. "
                     "Bibliopolis, 1984. Notes by Giovanni Sambin of a series of lectures given in Padua, "
                     "June 1980.", 1984, id="plain-a-note-after-the-year"),
        # acm.bst's journal, its year in parentheses and its pages, then the .bib's note
        # (github:AG-something/Proof-Reuse, pdf_dev13)
        pytest.param("Dunfield, J., and Pientka, B. Case analysis of higher-order data. Electronic Notes in "
                     "Theoretical Computer Science 228 (2009), 69–84. Proceedings of the International "
                     "Workshop on Logical Frameworks and Metalanguages (LFMTP 2008).", 2009,
                     id="acm-a-note-after-the-journal-s-year"),
        pytest.param("D. E. Knuth. The art of computer programming. Commun. ACM 12, 3 (Mar. 1969), 45–67. "
                     "Reprinted in Selected Papers (Stanford, 2010).", 1969, id="acm-a-month-and-a-reprint"),
        # another version of the work, later or earlier, named after its year (github:mrepetto94/ThMEF,
        # pdf_dev13; theory papers' "preliminary version")
        pytest.param("Zhen Fang, Yixuan Li, and Feng Liu. Is out-of-distribution detection learnable? In "
                     "Advances in Neural Information Processing Systems 35 (NeurIPS 2022), 2022. "
                     "arXiv:2210.14707; extended version in Journal of Machine Learning Research 25, 2024.",
                     2022, id="an-extended-version-in"),
        pytest.param("J. Smith. Fast sorting. J. ACM 45(2):100-120, 1998. A preliminary version appeared in "
                     "Proc. FOCS 1995.", 1998, id="a-preliminary-version-appeared-in"),
        pytest.param("Ronald W. Jones. Handbook of International Economics. Amsterdam: Elsevier, 1994-1998.",
                     None, id="a-hyphenated-range-is-no-date"),
        # an ISO date's year (a patent's, a report's); a range, or a month past 12, is none
        pytest.param("U. Hideki, “Quadrature modulation circuit,” Japanese Patent 152932/92, 1992-05-20.",
                     1992, id="iso-date"),
        pytest.param("R. Jain, “Congestion avoidance in networks,” Tech. Rep. DEC-TR-506, 1987-08.", 1987,
                     id="iso-year-and-month"),
        pytest.param("A. Author, “A title of some length,” J. Things, vol. 3, 1994-1998.", None,
                     id="a-range-is-no-year"),
        pytest.param("A. Author, “A title of some length,” J. Things, vol. 3, pp. 1994-13.", None,
                     id="no-month-13"),
        # a title closing with a range of years dates the study, not the paper, even after a comma
        # (Chicago's "Names. 1968–78. Title" has its year right after the names)
        pytest.param("A. Smith, B. Jones. Testicular cancer incidence and associations with prior "
                     "infections: a national cohort study in Sweden, 1964-2018. In BMJ oncology, 2026.", 2026,
                     id="a-range-closing-a-title-after-its-comma"),
        # a year alone after a title's comma is the work's (unsrtnat's unpublished manuscript)
        pytest.param("Amir Dembo and Andrea Montanari. Graphical models, bethe states and all that, 2008. "
                     "URL https://web.stanford.edu/~montanar/. Unpublished manuscript. Later published "
                     "in Brazilian Journal of Probability and Statistics, 2010.", 2008,
                     id="a-year-alone-after-a-titles-comma"),
        # the AMS styles' volume of two years, a slash between: the first (MathSciNet's year)
        pytest.param("A. Borel and R. Remmert, Über kompakte homogene Kählersche Mannigfaltigkeiten, Math. "
                     "Ann. 145 (1961/1962), 429–439.", 1961, id="amsplain-a-volumes-two-years"),
        pytest.param("Juan A. Tirao and Joseph A. Wolf, Homogeneous holomorphic vector bundles, Indiana "
                     "Univ. Math. J. 20 (1970/71), 15–31.", 1970, id="amsplain-a-volumes-two-years-short"),
        pytest.param("The MathWorks, Inc., «DANTE-TeX-Stammtisch in Wuppertal: Jahrbuch 1992/93», p 80.",
                     None, id="a-titles-two-years-date-nothing"),
        # amsplain's Math Reviews number last: the review's year in it dates nothing
        pytest.param("Jean-Pierre Demailly, On the Frobenius integrability of certain holomorphic p-forms, "
                     "Complex geometry (Göttingen, 2000), Springer, Berlin, 2002, pp. 93–98. MR 1922099 "
                     "(2003f:32029)", 2002, id="amsplain-a-math-reviews-number"),
        # APA's reprint: the original year, then the reprint's, after the names
        pytest.param("Freud, S. (1925/2003). Notiz über den Wunderblock. Frankfurt: Fischer.", 1925,
                     id="apa-reprint-the-original-year"),
        # Chicago's reprint: the original's year first, a sentence of its own before "Reprint, ", then
        # the reprint's, which dates the edition cited (CMOS 14.114; the .bib's year, not its origdate)
        pytest.param("Austen, Jane. Persuasion. 1818. Reprint, New York: Penguin Books, 2008.", 2008,
                     id="chicago-reprint"),
        pytest.param("Darwin, Charles. On the Origin of Species. 1859. Reprinted, London: Penguin, 2009.",
                     2009, id="chicago-reprinted"),
        pytest.param("Austen, Jane. Persuasion. 1818. Reprint, New York: Penguin Books.", 1818,
                     id="a-reprint-undated-has-the-originals-year"),
        # and its author-date form, both years after the names: "(original) reprint."
        pytest.param("Darwin, Charles. (1859) 2009. On the Origin of Species. London: Penguin.", 2009,
                     id="chicago-reprint-author-date"),
        pytest.param("Austen, Jane, and Charles Darwin. (1818) 2008b. Persuasion. New York: Penguin.", 2008,
                     id="chicago-reprint-author-date-two-names"),
        # BibTeX styles' note of the original's year after the work's own (vancouver, apsrev,
        # naturemag): the work's
        pytest.param("Peterson WS. A bibliography of the Kelmscott Press. vol. 24. New York, NY, USA: "
                     "Clarendon Press; 1984. Orig. publ. 1928.", 1984, id="orig-publ"),
        pytest.param("J. Buechler, Charles Whittingham, printer, 1795–1876 (University of Vermont, "
                     "Burlington, VT, USA, 1983), Orig. publ. 1940.", 1983, id="orig-publ-after-a-bracket"),
        pytest.param("Buchanan-Brown, J. Early Victorian illustrated books (British Library, London, UK, "
                     "2005). Originally published 1896.", 2005, id="originally-published"),
        # the AGU's article number opens with the year it was submitted, not the year it appeared
        pytest.param("T. Nogi, Y. Omura, Nonlinear Signatures of VLF-Triggered Emissions: A Simulation "
                     "Study, JGR Space Physics 127 (2022) e2021JA029826.", 2022,
                     id="agu-an-article-numbers-year"),
        # a month and year between slashes (biblatex's numeric dates in German theses)
        pytest.param("Slim Abdennadher, Ghada Fakhry, and Nada Sharaf. “Implementation of the Operational "
                     "Semantics for CHR with User-defined Rule Priorities”. In: CHR ’13. K.U.Leuven, "
                     "Technical report CW 641, 07/2013, pp. 1–12.", 2013, id="a-month-and-year-by-slashes"),
        # MathSciNet's note of a translation's original, which the AMS styles print
        pytest.param("Nicolas Bourbaki, Lie groups and Lie algebras. Chapters 4–6, Elements of Mathematics "
                     "(Berlin), Springer-Verlag, Berlin, 2002, Translated from the 1968 French original by "
                     "Andrew Pressley.", 2002, id="amsplain-translated-from-the-original"),
        # and its "A translation of …", the original's year after it (a real paper's list, gh-ben-mckay's)
        pytest.param("È. B. Vinberg (ed.), Lie groups and Lie algebras, III, Encyclopaedia of Mathematical "
                     "Sciences, vol. 41, Springer-Verlag, Berlin, 1994, Structure of Lie groups and Lie "
                     "algebras, A translation of Current problems in mathematics. Fundamental directions. "
                     "Vol. 41 (Russian), Akad. Nauk SSSR, Vsesoyuz. Inst. Nauchn. i Tekhn. Inform., Moscow, "
                     "1990.",
                     1994, id="amsplain-a-translation-of"),
        # DIN 1505's styles (natdin) set the note off by a dash, not a period
        pytest.param("Krieger, Jost ; Schwarz, Norbert: Introduction to TeX. Amsterdam : Addison-Wesley "
                     "Europe, 1990. – ISBN 0–201–51141–X. – Reprint of the 1904 edition", 1990,
                     id="din-reprint-after-a-dash"),
        # Vancouver's volume after the year's semicolon, a number of a year's shape (SPIE's)
        pytest.param("Wilkinson RA, Wilson CL. Using self-organizing recognition as a mechanism for "
                     "rejecting segmentation errors. Proceedings of SPIE 1993; 1825: 378–388.", 1993,
                     id="vancouver-a-volume-of-a-years-shape"),
        pytest.param("Smith J. A title of a paper. J Things. 2015;1850(3):1041–58.", 2015,
                     id="vancouver-a-volume-and-issue-of-a-years-shape"),
        # a series' number after its sign, of a year's shape (ISO 690's series in parentheses)
        pytest.param("WANG, Chengyi et al. UniSpeech: Unified Speech Representation Learning. [S. l.] : "
                     "RAND Corporation, 2021. (Monographs on Statistics and Applied Probability ; nr. 1587).",
                     2021, id="iso690-a-series-number-of-a-years-shape"),
        pytest.param("Smith, J. A report on typesetting. Technical Report No. 1991, Bell Laboratories, 1987.",
                     1987, id="a-reports-number-of-a-years-shape"),
        # the RFC Editor's .bib note (IEEEtran, a thesis's list): the RFCs that update it, by number
        pytest.param("P. Mockapetris, “Domain names - concepts and facilities.” RFC 1034 (INTERNET "
                     "STANDARD), Nov. 1987. Updated by RFCs 1101, 1183, 1348, 1876, 1982, 2065, 2181.", 1987,
                     id="rfcs-updating-it"),
        # a month and year joined by a hyphen date the work ("7-2012"), a page range joined so does not
        pytest.param("A. Author. A title. Journal 12, pp. 12-2018, 2001.", 2001,
                     id="pages-joined-by-a-hyphen"),
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


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Darwin, Charles. (1859) 2009. On the Origin of Species. London: Penguin.",
                     id="chicago"),
        pytest.param("Darwin, C. (1859) 2009a. On the Origin of Species. London: Penguin.",
                     id="initials-a-letter"),
        # as citeproc-py renders chicago-author-date-17th-edition: the original's year again after the title
        pytest.param("Darwin, C. (1859) 2009. On the Origin of Species. 1859; London: Penguin.",
                     id="citeproc-the-original-again"),
    ],
)  # fmt: skip
def test_chicagos_reprint_is_titled_after_both_its_years(text: str) -> None:
    assert parse_reference(text).title == "On the Origin of Species"


def test_a_note_after_the_year_dates_nothing_after_an_italic_title() -> None:
    """alpha's book with its series' note after the year, the title in italics (read from the
    PDF's fonts): the seminar's "(Été 1971)" is no date of the book."""
    text = (
        "Nicolaas Govert de Bruijn. AUTOMATH, a language for mathematics. Les Presses de l’Université "
        "de Montréal, Montreal, Quebec, 1973. Séminaire de Mathématiques Supérieures, No. 52 (Été 1971)."
    )
    query = read_lines([styled(text, "AUTOMATH, a language for mathematics.")])[0]
    assert (query.title, query.year) == ("AUTOMATH, a language for mathematics", 1973)
