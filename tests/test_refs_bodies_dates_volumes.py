"""Three things of the references authors' PDFs print (real references of the development PDF sets):
a body's name with "and" or "&" (in any language) among its words is one author ("Organization
for Economic Cooperation and Development", "AT&T Bell Laboratories"), two persons' names joined
by "and" stay two; a month after the names' year ("Nguyen, T.A. 2023, April. Title") is the date
of an author-year style, no astronomy reference's title; a book's numbered volume and its own
title after "Vol." stay the title's ("The Art of Computer Programming, Vol. 1: Fundamental
Algorithms"); a DIN 1505 title ends before a year after its comma, before natdin's year and link,
and before a visit's date."""

from __future__ import annotations

import pytest
from bibnorm.readers._ref_astro import astro_reference
from bibnorm.readers.refs import parse_reference, person_names, read_refs


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        pytest.param("Organization for Economic Cooperation and Development. What is PISA? OECDiLibrary, "
                     "2014. ISBN 978-92-64-20878-0. URL https://www.oecd-ilibrary.org/content/component/"
                     "9789264208780-5-en. [p1, 2]",
                     ("Organization for Economic Cooperation and Development",), "What is PISA?",
                     id="oecd"),
        pytest.param("Organization for Economic Cooperation and Development. About OECD, 2021a. URL "
                     "https://www.oecd.org/about/. Accessed: 2021-11-03. [p1]",
                     ("Organization for Economic Cooperation and Development",), "About OECD",
                     id="oecd-web-page"),
        pytest.param("Robotics and Perception Group. Camera Calibration. 2014.",
                     ("Robotics and Perception Group",), "Camera Calibration", id="a-group"),
        pytest.param("AT&T Bell Laboratories (1993): Rational Learning Leads to Nash Equilibrium. In: "
                     "Econometrica 61, S. 1019–1045.",
                     ("AT&T Bell Laboratories",), "Rational Learning Leads to Nash Equilibrium",
                     id="an-ampersand-inside-a-word"),
        pytest.param("Bill & Melinda Gates Foundation. 2020. Annual report 2019. Seattle, WA.",
                     ("Bill & Melinda Gates Foundation",), "Annual report 2019", id="an-ampersand-for-and"),
        # no organisation's word, but no person's name either side of its "&": a word alone (a
        # real Chicago bibliography, its 28 works by the body after "———.")
        pytest.param("Art & Architecture Thesaurus. « Call Numbers ». Art & Architecture Thesaurus Online "
                     "Full Record Display. 24 septembre 2019a.",
                     ("Art & Architecture Thesaurus",), "Call Numbers", id="an-ampersand-and-a-word-alone"),
        # the same in other languages: their "and" ("e", "y", "en") and their organisations' words
        pytest.param("Instituto Nacional de Estudos e Pesquisas Educacionais Anísio Teixeira. Exame Nacional "
                     "do Ensino Médio (Enem). Brasília, 2023.",
                     ("Instituto Nacional de Estudos e Pesquisas Educacionais Anísio Teixeira",),
                     "Exame Nacional do Ensino Médio (Enem)", id="portuguese"),
        pytest.param("Centro de Investigación en Movimiento Humano (2026). Base de datos longitudinal de "
                     "densitometría ósea DXA del CIMOHU. San José.",
                     ("Centro de Investigación en Movimiento Humano",),
                     "Base de datos longitudinal de densitometría ósea DXA del CIMOHU", id="spanish"),
        # a country's abbreviation glued by full stops opens the name: no person's initials
        pytest.param("U.S. Department of Health and Human Services. Dietary guidelines for Americans "
                     "2015–2020. 8th ed. Washington, DC, 2015.",
                     ("U.S. Department of Health and Human Services",),
                     "Dietary guidelines for Americans 2015–2020", id="a-countrys-department"),
        pytest.param("U.S. Food and Drug Administration (2019). Guidance for industry: bioanalytical "
                     "method validation. Silver Spring, MD.",
                     ("U.S. Food and Drug Administration",),
                     "Guidance for industry: bioanalytical method validation", id="a-countrys-agency"),
    ],
)  # fmt: skip
def test_a_bodys_name_with_and_is_one_author(text: str, authors: tuple[str, ...], title: str) -> None:
    parsed = parse_reference(text)
    assert parsed.authors == authors
    assert parsed.title == title


@pytest.mark.parametrize(
    ("authors", "persons"),
    [
        pytest.param("Smith and Jones", ("Smith", "Jones"), id="two-family-names"),
        pytest.param("Google Research and J. Smith", ("Google Research", "J. Smith"),
                     id="a-body-and-a-person"),
        pytest.param("Smith & Jones", ("Smith", "Jones"), id="two-family-names-and-an-ampersand"),
        pytest.param("John Smith & Kate Jones", ("John Smith", "Kate Jones"),
                     id="two-persons-and-an-ampersand"),
        pytest.param("LIGO Scientific Collaboration and Virgo Collaboration",
                     ("LIGO Scientific Collaboration", "Virgo Collaboration"), id="two-bodies"),
        pytest.param("American Psychological Association & National Institutes of Health",
                     ("American Psychological Association", "National Institutes of Health"),
                     id="two-bodies-and-an-ampersand"),
        pytest.param("Google Research & J. Smith", ("Google Research", "J. Smith"),
                     id="a-body-an-ampersand-and-a-person"),
        pytest.param("Xiaohua Zhai and Lucas Beyer", ("Xiaohua Zhai", "Lucas Beyer"), id="two-persons"),
        pytest.param("J.R. Smith and P. Jones", ("J.R. Smith", "P. Jones"),
                     id="two-persons-the-first-with-glued-initials"),
        pytest.param("Maria Silva e João Santos", ("Maria Silva", "João Santos"),
                     id="two-persons-in-portuguese"),
        pytest.param("Mechanical Simulation Corporation", ("Mechanical Simulation Corporation",),
                     id="one-body"),
    ],
)  # fmt: skip
def test_names_joined_by_and_that_stay_apart(authors: str, persons: tuple[str, ...]) -> None:
    assert person_names(authors) == persons


@pytest.mark.parametrize(
    ("text", "title", "authors", "year"),
    [
        pytest.param("Nguyen, T.A. 2023, April. Assessing the dependence of vehicle rollover on many factors "
                     "based on new 4d graphs. PLoS One 18 (4): e0284018 .",
                     "Assessing the dependence of vehicle rollover on many factors based on new 4d graphs",
                     ("Nguyen, T.A.",), 2023, id="a-month"),
        pytest.param("Mechanical Simulation Corporation 2012, October. Sine with dwell test in carsim. "
                     "Technical memo, Mechanical Simulation Corporation, 755 Phoenix Drive, Ann Arbor MI, "
                     "48108, USA.",
                     "Sine with dwell test in carsim", ("Mechanical Simulation Corporation",), 2012,
                     id="a-body-and-a-month"),
        pytest.param("Mechanical Simulation Corporation 2021, June. Introduction to CarSim. 755 Phoenix "
                     "Drive, Ann Arbor MI, 48108, USA. Technical overview of CarSim features and "
                     "capabilities.",
                     "Introduction to CarSim", ("Mechanical Simulation Corporation",), 2021,
                     id="a-short-month"),
    ],
)  # fmt: skip
def test_a_month_after_the_names_year_is_no_title(
    text: str, title: str, authors: tuple[str, ...], year: int
) -> None:
    assert astro_reference(text) is None
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors, parsed.year) == (title, authors, year)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # AAS and MNRAS: the journal after the year, and a book's title
        pytest.param("Shannon, R. M., & Cordes, J. M. 2012, ApJ, 761, 64", None, id="aas-journal"),
        pytest.param("Becker, W. 2009, X-Ray Emission from Pulsars and Neutron Stars, Vol. 357 (Springer)",
                     "X-Ray Emission from Pulsars and Neutron Stars", id="aas-book"),
        pytest.param("Lynch R. S., et al. 2013, ApJ, 763, 81", None, id="mnras-journal"),
    ],
)  # fmt: skip
def test_astronomy_references_stay_read_so(text: str, title: str | None) -> None:
    reference = astro_reference(text)
    assert reference is not None
    assert reference.title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Donald E. Knuth. 1997. The Art of Computer Programming, Vol. 1: Fundamental Algorithms "
                     "(3rd. ed.). Addison Wesley Longman Publishing Co., Inc.",
                     "The Art of Computer Programming, Vol. 1: Fundamental Algorithms", id="acm"),
        pytest.param("Weinberg, S.: The Quantum Theory of Fields. Vol. 2: Modern Applications. Cambridge "
                     "University Press, ??? (1996)",
                     "The Quantum Theory of Fields. Vol. 2: Modern Applications", id="lncs"),
    ],
)  # fmt: skip
def test_a_books_volume_and_its_title_are_the_titles(text: str, title: str) -> None:
    assert parse_reference(text).title == title


# A DIN 1505 list (names before a colon, web pages' links and visit dates after the titles).
_DIN_LIST = [
    "BALTER, Ben: Open source license usage on GitHub.com. https://github.com/blog/1964-open-source-"
    "license-usage-on-github-com. – Accessed: 2017-02-14",
    "IVANOVSKA, Sashka ; IVANOVSKA, Ilinka ; KALAJDZISKI, Slobodan: Algorithms for Effective Team Building, "
    "2013 (The 10th Conference for Informatics and Information Technology (CIIT 2013))",
    "NGINX INC.: WHAT IS A REVERSE PROXY SERVER? https://www.nginx.com/resources/glossary/reverse-proxy-"
    "server/. – Accessed: 2017-01-08",
    "SIEGRIST, Kyle: Markov Chains. http://www.math.uah.edu/stat/markov/Introduction.html. – Accessed: "
    "2017-01-13",
    "Elektronik-Kompendium.de: IEEE 802.11n / WLAN mit 150 MBit/s. 2015 hURL: http://www.elektronik-"
    "kompendium.de/sites/net/1102071.htmi – Zugriff am 2015-05-20",
]


@pytest.mark.parametrize(
    ("at", "title", "authors", "year"),
    [
        pytest.param(0, "Open source license usage on GitHub.com", ("BALTER, Ben",), None, id="a-web-page"),
        pytest.param(1, "Algorithms for Effective Team Building",
                     ("IVANOVSKA, Sashka", "IVANOVSKA, Ilinka", "KALAJDZISKI, Slobodan"), 2013,
                     id="a-year-and-series-after-the-title"),
        pytest.param(2, "WHAT IS A REVERSE PROXY SERVER?", ("NGINX INC",), None,
                     id="a-visit-after-a-question"),
        pytest.param(4, "IEEE 802.11n / WLAN mit 150 MBit/s", ("Elektronik-Kompendium.de",), 2015,
                     id="natdin-year-before-the-link"),
    ],
)  # fmt: skip
def test_a_din_title_ends_before_its_year_or_visit(
    at: int, title: str, authors: tuple[str, ...], year: int | None
) -> None:
    query = read_refs("\n\n".join(_DIN_LIST), "din.txt")[at]
    assert (query.title, query.authors, query.year) == (title, authors, year)


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        # a German bachelor's thesis (github:JoBo7795/Bachelorarbeit, Bachelorarbeit.pdf): web pages
        # dated by day, month and year in numbers, after the title
        pytest.param("Kubernetes. Nodes, 30.07.2020.", "Nodes", 2020, id="after-the-names"),
        pytest.param(
            "A deep dive into kubernetes metrics — part 2 | by bob cotton | freshtracks.io, 15.08.2020.",
            "A deep dive into kubernetes metrics — part 2 | by bob cotton | freshtracks.io",
            2020,
            id="no-names",
        ),
        pytest.param(
            "Hans Müller. Ein Titel. 2011. visited: 04.08.2017.", "Ein Titel", 2011, id="a-visit-still"
        ),
    ],
)
def test_a_date_in_numbers_dates_the_work_and_ends_its_title(text: str, title: str, year: int) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.year, parsed.venue) == (title, year, None)
