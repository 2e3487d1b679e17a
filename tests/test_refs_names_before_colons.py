"""Lists that print a reference's names before a colon: DIN 1505 (alphadin, din1505: "BECK, Simon:
Title", given names written out, semicolons or slashes between the names) and, where most of a
list's references are so printed (LNCS, DIN, BMC), a body as a work's author: "WHO: Dengue Type.",
"MASSACHUSETTS INSTITUTE OF TECHNOLOGY: MIT License.". In a list that prints its names otherwise,
such an opening is an unsigned work's title ("CodeBlue: Sensor Networks for Medical Care").

The strings are as the PDF reader reads them from real theses and papers: Cheppert/SMAR-LaTeX
(natdin), t0rbn/BSc (alphadin), raghavendrajain/bmc-infectiousdiseases (bmc-mathphys).
"""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, person_names, read_refs


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param(
            "BECK, Simon: Skill and Competence Management as a Base of an Integrated Personnel "
            "Development (IPD) - A Pilot Project in the Putzmeister, Inc./Germany. In: Journal of "
            "Universal Computer Science 9 (2003), Nr. 12, S. 1381 – 1287",
            "Skill and Competence Management as a Base of an Integrated Personnel Development (IPD) "
            "- A Pilot Project in the Putzmeister, Inc./Germany",
            ("BECK, Simon",),
            id="alphadin-one-name",
        ),
        pytest.param(
            "CANÓS-DARÓS, Lourdes: An algorithm to identify the most motivated employees. In: "
            "Management Decision 51 (2013), Nr. 4, S. 813– 823.",
            "An algorithm to identify the most motivated employees",
            ("CANÓS-DARÓS, Lourdes",),
            id="alphadin-hyphenated-family-name",
        ),
        pytest.param(
            "HOWS, David ; MEMBREY, Peter ; PLUGGE, Eelco ; HAWKINS, Tim: The Definitive Guide to "
            "MongoDB. 3. Apress; Springer Science+Business Media, 2015. – ISBN 978–1–4842–1183–0",
            "The Definitive Guide to MongoDB",
            ("HOWS, David", "MEMBREY, Peter", "PLUGGE, Eelco", "HAWKINS, Tim"),
            id="alphadin-semicolons",
        ),
        pytest.param(
            "Oaks, Scott/Wong, Henry: Java Threads. Sebastopol: O’Reilly Media, Inc., 2004",
            "Java Threads",
            ("Oaks, Scott", "Wong, Henry"),
            id="natdin-slash",
        ),
        pytest.param(
            "Steyer, Manfred/Softic, Vildan: Angular JS: Moderne Webanwendungen und Single Page "
            "Applications mit JavaScript. Köln: O’Reilly Germany, 2015",
            "Angular JS: Moderne Webanwendungen und Single Page Applications mit JavaScript",
            ("Steyer, Manfred", "Softic, Vildan"),
            id="natdin-title-with-its-own-colon",
        ),
        pytest.param(
            "ISINKAYE, F.O. ; FOLAJIMI, Y.O. ; OJOKOH, B.A.: Recommendation systems: Principles, "
            "methods and evaluation. In: Egyptian Informatics Journal 16 (2015), Nr. 3, S. 261 – 273.",
            "Recommendation systems: Principles, methods and evaluation",
            ("ISINKAYE, F.O.", "FOLAJIMI, Y.O.", "OJOKOH, B.A."),
            id="alphadin-initials-keep-their-periods",
        ),
    ],
)
def test_din_names_before_the_colon_and_the_title_after_it(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)


@pytest.mark.parametrize(
    ("names", "persons"),
    [
        pytest.param("BECK, Simon", ("BECK, Simon",), id="one-din-name-one-person"),
        pytest.param("Gargenta, Marko/Nakamura, Masumi", ("Gargenta, Marko", "Nakamura, Masumi"), id="slash"),
        pytest.param(
            "Zhai, X., Kolesnikov, A.", ("Zhai, X.", "Kolesnikov, A."), id="lncs-initials-as-before"
        ),
        pytest.param("Smith, J. and Doe, K.", ("Smith, J.", "Doe, K."), id="and-as-before"),
        # German styles' slash between persons, whatever their given names: initials, written out,
        # given first, "u. a." after them
        pytest.param("Maess, B./Schröger, E./Widmann, A.", ("Maess, B.", "Schröger, E.", "Widmann, A."),
                     id="slash-initials"),
        pytest.param("Haegeman, Jutho/Pirvu, Bogdan/Weir, David J. u. a.",
                     ("Haegeman, Jutho", "Pirvu, Bogdan", "Weir, David J.", "others"),
                     id="slash-and-others"),
        pytest.param("Wei A./W. Hu/J. Steinhardt", ("Wei A.", "W. Hu", "J. Steinhardt"),
                     id="slash-given-first"),
        pytest.param("Wei A/Hu W", ("Wei A", "Hu W"), id="slash-initials-without-periods"),
        pytest.param("ATLAS/Tile Calorimeter Collaboration", ("ATLAS/Tile Calorimeter Collaboration",),
                     id="bodies-joined-by-a-slash-are-one"),
    ],
)  # fmt: skip
def test_din_names_are_one_person_each(names: str, persons: tuple[str, ...]) -> None:
    assert person_names(names) == persons


# a bmc-mathphys list: most names before a colon, a body's name so printed for its web pages
BMC = "\n".join(
    (
        "[1] Halstead, S.B.: Dengue. The Lancet 370(9599), 1644–1652 (2007)",
        "[2] WHO: Dengue Type. http://www.who.int/mediacentre/factsheets/fs117/en/. "
        "Accessed 2015-11-20 (2015)",
        "[3] Gubler, D.J.: Dengue and dengue hemorrhagic fever. Clinical Microbiology Reviews "
        "11(3), 480–496 (1998)",
        "[4] World Population Review: Bangkok Population 2015. "
        "http://worldpopulationreview.com/world-cities/bangkok-population/. Accessed 2016-01-18 (2015)",
        "[5] Bhatt, S., Gething, P.W., Brady, O.J.: The global distribution and burden of dengue. "
        "Nature 496(7446), 504–507 (2013)",
        "[6] Ferguson, N.M., Donnelly, C.A., Anderson, R.M.: Transmission dynamics and epidemiology "
        "of dengue. Phil. Trans. R. Soc. Lond. B 354(1384), 757–768 (1999)",
        "[7] MASSACHUSETTS INSTITUTE OF TECHNOLOGY: MIT License. https://opensource.org/licenses/MIT. "
        "Version: 1988",
        "[8] Venkatesh/Davis: Technology Acceptance Model. "
        "http://www.vvenkatesh.com/it/organizations/Theoretical_Models.htm (2015)",
        "[9] Developer.Android.com: JSONObject. 2015 hURL: http://developer.android.com/reference/"
        "org/json/JSONObject.htmli – Zugriff am 2015-05-20",
        "[10] Kraemer, M.U.G., Sinka, M.E.: The global distribution of the arbovirus vectors Aedes "
        "aegypti and Ae. albopictus. eLife 4, e08347 (2015)",
    )
)

# an IEEEtran list: names first without a colon, an unsigned work's title opening with one
IEEE = "\n".join(
    (
        '[1] S. B. Halstead, "Dengue," The Lancet, vol. 370, no. 9599, pp. 1644–1652, 2007.',
        "[2] CodeBlue: Sensor Networks for Medical Care. http://fiji.eecs.harvard.edu/CodeBlue (2008)",
        '[3] D. J. Gubler, "Dengue and dengue hemorrhagic fever," Clinical Microbiology Reviews, '
        "vol. 11, no. 3, pp. 480–496, 1998.",
        '[4] S. Bhatt, P. W. Gething, and O. J. Brady, "The global distribution and burden of '
        'dengue," Nature, vol. 496, pp. 504–507, 2013.',
        '[5] N. M. Ferguson and C. A. Donnelly, "Transmission dynamics and epidemiology of dengue," '
        "Phil. Trans. R. Soc. Lond. B, vol. 354, pp. 757–768, 1999.",
    )
)


@pytest.mark.parametrize(
    ("at", "title", "authors"),
    [
        pytest.param(1, "Dengue Type", ("WHO",), id="who"),
        pytest.param(3, "Bangkok Population 2015", ("World Population Review",), id="three-words"),
        pytest.param(6, "MIT License", ("MASSACHUSETTS INSTITUTE OF TECHNOLOGY",), id="capitals"),
        pytest.param(7, "Technology Acceptance Model", ("Venkatesh", "Davis"), id="din-slash-families"),
        pytest.param(8, "JSONObject", ("Developer.Android.com",), id="a-site-the-rules-read-as-names"),
        pytest.param(2, "Dengue and dengue hemorrhagic fever", ("Gubler, D.J.",), id="persons-as-before"),
    ],
)
def test_a_body_before_the_colon_of_a_list_of_names_before_colons(
    at: int, title: str, authors: tuple[str, ...]
) -> None:
    query = read_refs(BMC, "refs.txt")[at]
    assert (query.title, query.authors) == (title, authors)


def test_a_title_with_a_colon_in_a_list_of_other_names_stays_a_title() -> None:
    query = read_refs(IEEE, "refs.txt")[1]
    assert (query.title, query.authors) == ("CodeBlue: Sensor Networks for Medical Care", ())


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # a German master's thesis's hand-made list (github:jobo95/Masterarbeit, pdf_fresh)
        pytest.param("M. Naor und B. Pinkas: Efficient Trace and Revoke Schemes. In Financial Cryptography - "
                     "FC 2000, pages 1-13. Springer-Verlag, 2000.",
                     "Efficient Trace and Revoke Schemes", ("M. Naor", "B. Pinkas"), id="two-names-und"),
        pytest.param("A. Shamir: How to share a secret. Comm. ACM, Vol 22, No. 11, pp. 612-613, 1979",
                     "How to share a secret", ("A. Shamir",), id="one-name-then-an-abbreviated-journal"),
        pytest.param("A. Fiat and M. Naor: Broadcast Encryption. Advances in Cryptology - CRYPTO ’93, "
                     "Springer-Verlag LNCS vol. 773, 1994, pp. 427-437",
                     "Broadcast Encryption", ("A. Fiat", "M. Naor"), id="two-names-and"),
    ],
)  # fmt: skip
def test_names_given_first_before_the_colon_and_the_title_after_it(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    """Initials first, each family name last, then the colon (no period before it, as LNCS's
    inverted names have): the names, and the title after the colon."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the colon inside the title, after the names' sentence or their comma (pdf_dev5's IEEE lists)
        pytest.param("M. Fowler. Refactoring: Improving the Design of Existing Code. Addison-Wesley, 2018.",
                     "Refactoring: Improving the Design of Existing Code", id="after-the-names-sentence"),
        pytest.param("J. Adler-Milstein and A. J. Holmgren, “Electronic health record adoption in US "
                     "hospitals: the emergence of a digital divide,” JAMIA, vol. 28, 2021.",
                     "Electronic health record adoption in US hospitals: the emergence of a digital divide",
                     id="inside-a-quoted-title"),
        # a title's first word after the names' comma (github:leighsix/papergit, pdf_dev7): the rules
        # read no names, as before, and the title is the reader's to choose
        pytest.param("M. J. Newman, Networks: An introduction, 2010.",
                     "M. J. Newman, Networks: An introduction", id="a-title-word-after-the-names-comma"),
    ],
)  # fmt: skip
def test_a_colon_inside_the_title_after_names_given_first_stays_the_title_s(text: str, title: str) -> None:
    assert parse_reference(text).title == title
