"""A reference's first author and year as authors' PDFs print them (real references in
fixtures/references/first-author-and-year.json): one person's name of initials and a family name
("P. J. E. Peebles.", "John P A Ioannidis.") is the names, not the title; a volume and first page
beside the year ("44 (1980) 1645", ACS's "2015, 1850, 1041–1058") are no year, nor is a year
closing a title's words before Springer's "(2008)"; a web page's title alone before its link
("Spotify Playlist Miner. In: url: …") names no author; "Dr." before a name is no part of it;
Italian's "e" joins the last two names ("Fernando C. Marques e André Neves")."""

from __future__ import annotations

import json

import pytest
from bibnorm.readers.refs import parse_reference, person_names
from bibnorm.text.names import fold_letters
from paths import FIXTURES

_ROWS = json.loads((FIXTURES / "references" / "first-author-and-year.json").read_text(encoding="utf-8"))


def _row_id(row: dict[str, object]) -> str:
    return f"{row['first_author'] or 'no-author'}-{row['year']}-{str(row['text'])[:24]}"


@pytest.mark.parametrize("row", [pytest.param(row, id=_row_id(row)) for row in _ROWS["references"]])
def test_first_author_and_year_as_printed(row: dict[str, object]) -> None:
    read = parse_reference(str(row["text"]))
    assert read.year == row["year"]
    if row["first_author"] is None:
        assert read.authors == ()
    else:
        assert read.authors
        assert fold_letters(str(row["first_author"])) in fold_letters(read.authors[0])
        assert not read.authors[0].startswith("Dr.")


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        # a person's name and a year with no title are an untitled work's names, not a title
        pytest.param("Author, U. (2014).", ("Author, U.",), 2014, id="names-and-year-alone"),
        pytest.param("Author, U. [@ausername]. (2014).", ("Author", "U. [@ausername]"), 2014,
                     id="an-inverted-name-and-year"),
        # a title of words after the names is read as before
        pytest.param("A Study of X. Journal of Things, 2020.", (), 2020, id="a-title-first-is-no-name"),
        # ACS's volume with its issue before the pages, and a page that looks like a year
        pytest.param("Smith, J. Title of a thing. J. Am. Chem. Soc. 2015, 137 (12), 1850–1860.",
                     ("Smith, J.",), 2015, id="acs-volume-issue-and-pages"),
        pytest.param("A. Jones, Title of a thing, Phys. Rev. D 95 (2017) 1999.", ("A. Jones",), 2017,
                     id="physics-page-after-the-year"),
        # a short sentence with a lower-case word is no person's name, whatever its initials
        pytest.param("Borde A. by Example. New York, NY, USA: Academic Press; 1992.", (), 1992,
                     id="a-lower-case-word-is-no-name"),
        # a group, a user's handle: short names read as before
        pytest.param("The Kubernetes Authors. Federation, 2017.", ("The Kubernetes Authors",), 2017,
                     id="a-group"),
        pytest.param("Apache Storm, 2015.", (), 2015, id="a-pages-title-and-year"),
        # a reprint's note in parentheses is no closing year (biblatex's alpha, the team's corpus)
        pytest.param("F. William Lawvere. Sets for mathematics. Reprints in Theory and Applications of "
                     "Categories, 11:1–35, 2005. Reprinted and expanded from Proc. Nat. Acad. Sci. U.S.A. 52 "
                     "(1964), With comments by the author.", None, 2005, id="a-reprints-year-in-parentheses"),
        # a web page's pages or a year alone after names keep the names
        pytest.param("Lammarsch, J., 1993, pp. 167–170.", ("Lammarsch, J.",), 1993,
                     id="names-year-and-pages"),
        # Italian's "e" between two persons' names; between two family names it joins them
        pytest.param("Richard Schoen e Leon Simon. Regularity of stable minimal hypersurfaces. Comm. Pure "
                     "Appl. Math. 34.6 (1981), pp. 741–797.", ("Richard Schoen", "Leon Simon"), 1981,
                     id="italian-e-between-persons"),
        # "Yu." before a patronymic's initial is a given name; before a title, the family name Yu
        pytest.param("L. Wang and X. Yu. A study of things. J. Stuff, 2019.", ("L. Wang", "X. Yu"), 2019,
                     id="the-family-name-yu"),
    ],
)  # fmt: skip
def test_names_and_years_that_stay(text: str, authors: tuple[str, ...] | None, year: int) -> None:
    read = parse_reference(text)
    assert read.year == year
    assert authors is None or read.authors == authors


@pytest.mark.parametrize(
    ("authors", "persons"),
    [
        pytest.param("Fernando C. Marques e André Neves", ("Fernando C. Marques", "André Neves"),
                     id="two-persons"),
        pytest.param("Kei Irie, Fernando C. Marques e André Neves",
                     ("Kei Irie", "Fernando C. Marques", "André Neves"), id="the-last-two-of-three"),
        # Portuguese joins two family names with it: one person
        pytest.param("Artur da Costa e Silva", ("Artur da Costa e Silva",), id="costa-e-silva"),
        pytest.param("Costa e Silva, A.", ("Costa e Silva, A.",), id="costa-e-silva-inverted"),
    ],
)  # fmt: skip
def test_italian_e_joins_the_last_two_persons(authors: str, persons: tuple[str, ...]) -> None:
    assert person_names(authors) == persons


@pytest.mark.parametrize(
    ("authors", "persons"),
    [
        # a GOST list (github:danilden1's dissertation): Russian's "и др.", not a person "др."
        pytest.param("Jiahao Cui и др.", ("Jiahao Cui", "others"), id="russian"),
        pytest.param("Jiahao Cui и др. ––", ("Jiahao Cui", "others"), id="russian-before-gosts-dash"),
        pytest.param("А. А. Барсегян, И. И. Холод [и др.]", ("А. А. Барсегян", "И. И. Холод", "others"),
                     id="russian-in-gosts-brackets"),
        pytest.param("A. Branscum [et al.]", ("A. Branscum", "others"), id="english-in-gosts-brackets"),
        pytest.param("Höhne, Johannes u. a.", ("Höhne, Johannes", "others"), id="german"),
        pytest.param("SILVA, J. et al.", ("SILVA, J.", "others"), id="english-after-capitals"),
        pytest.param("Maier, U. A.", ("Maier, U. A.",), id="capital-initials-are-a-persons"),
    ],
)  # fmt: skip
def test_and_others_in_the_lists_language_is_a_last_others(authors: str, persons: tuple[str, ...]) -> None:
    assert person_names(authors) == persons
