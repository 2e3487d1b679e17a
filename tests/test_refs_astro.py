"""Astronomy's author-year styles print no article title: MNRAS (``mnras.bst``) writes "Family I.,
year, Journal, volume, page", the AAS journals (``aasjournal.bst``) and A&A "Family, I., & Family, I.
year, Journal, volume, page". The references below are as those styles print them (the MNRAS
class's own guide, real MNRAS and AAS papers); the fields expected are what the reference prints."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "authors", "year", "venue"),
    [
        pytest.param("Abbott B. P., et al., 2017, Phys. Rev. Lett., 119, 161101",
                     ("Abbott, B. P.", "others"), 2017, "Phys. Rev. Lett.", id="mnras-et-al"),
        pytest.param("Author A. N., 2013, Journal of Improbable Astronomy, 1, 1",
                     ("Author, A. N.",), 2013, "Journal of Improbable Astronomy", id="mnras-guide"),
        pytest.param("Altiparmak S., Ecker C., Rezzolla L., 2022a, Astrophys. J. Lett., 939, L34",
                     ("Altiparmak, S.", "Ecker, C.", "Rezzolla, L."), 2022, "Astrophys. J. Lett.",
                     id="mnras-letter-page"),
        pytest.param("Akutsu T., et al., 2020, Progress of Theoretical and Experimental Physics, "
                     "2021, 05A101",
                     ("Akutsu, T.", "others"), 2020, "Progress of Theoretical and Experimental Physics",
                     id="mnras-year-then-a-volume-that-is-a-year"),
        pytest.param("Antoniadis J., Freire P. C. C., Wex N., Tauris T. M., Lynch R. S., et al. 2013, "
                     "Science, 340, 448",
                     ("Antoniadis, J.", "Freire, P. C. C.", "Wex, N.", "Tauris, T. M.", "Lynch, R. S.",
                      "others"),
                     2013, "Science", id="mnras-et-al-without-comma"),
        pytest.param("Kennicutt Jr. R. C., Garnett D. R., 1996, ApJ, 456, 504",
                     ("Kennicutt Jr., R. C.", "Garnett, D. R."), 1996, "ApJ", id="mnras-suffix"),
        pytest.param("Agathos M., Meidam J., Del Pozzo W., Li T. G. F., Van Den Broeck C., 2015, "
                     "Phys. Rev. D, 92, 023012",
                     ("Agathos, M.", "Meidam, J.", "Del Pozzo, W.", "Li, T. G. F.", "Van Den Broeck, C."),
                     2015,
                     "Phys. Rev. D", id="mnras-family-of-several-words"),
        pytest.param("Seon K.-i., Witt A. N., Shinn J.-h., Kim I.-j., 2014, ApJ, 785, L18",
                     ("Seon, K.-i.", "Witt, A. N.", "Shinn, J.-h.", "Kim, I.-j."), 2014, "ApJ",
                     id="mnras-hyphenated-initials"),
        pytest.param("Planck Collaboration et al., 2020, A&A, 641, A6",
                     ("Planck Collaboration", "others"), 2020, "A&A", id="mnras-collaboration"),
        pytest.param("de Amorim A. L., et al., 2017, MNRAS, 471, 3727",
                     ("de Amorim, A. L.", "others"), 2017, "MNRAS", id="mnras-particle"),
        pytest.param("Debes J. H., Ren B., Schneider G., 2019, Journal of Astronomical Telescopes, "
                     "Instruments, and Systems, 5, 035003",
                     ("Debes, J. H.", "Ren, B.", "Schneider, G."), 2019,
                     "Journal of Astronomical Telescopes, Instruments, and Systems",
                     id="mnras-journal-with-commas"),
        pytest.param("Sitzmann V., Diamond S., 2018, ACM Transactions on Graphics (TOG), 37, "
                     "114",
                     ("Sitzmann, V.", "Diamond, S."), 2018, "ACM Transactions on Graphics (TOG)",
                     id="mnras-journal-with-its-abbreviation"),
        pytest.param("Jones E., Oliphant T., Peterson P., Others 2001, Computing In Science & "
                     "Engineering, 9, 90",
                     ("Jones, E.", "Oliphant, T.", "Peterson, P.", "others"), 2001,
                     "Computing In Science & Engineering", id="mnras-others-as-a-name"),
        pytest.param("Zernike v. F., 1934, Physica, 1, 689", ("Zernike, F. v.",), 1934, "Physica",
                     id="mnras-particle-after-the-family-name"),
        pytest.param("Theano Development Team 2016, Phys. Rev. D, 1, 2", ("Theano Development Team",), 2016,
                     "Phys. Rev. D", id="mnras-group"),
        pytest.param("Bertin, E. & Arnouts, S. 1996, A&AS, 117, 393",
                     ("Bertin, E.", "Arnouts, S."), 1996, "A&AS", id="aa-no-comma-before-the-ampersand"),
        pytest.param("Abbott, B. P., Abbott, R., Abbott, T. D., et al. 2017, Phys. Rev. Lett., 119, 161101",
                     ("Abbott, B. P.", "Abbott, R.", "Abbott, T. D.", "others"), 2017, "Phys. Rev. Lett.",
                     id="aa-et-al"),
        pytest.param("Bertin, E., & Arnouts, S. 1996, A&AS, 117, 393",
                     ("Bertin, E.", "Arnouts, S."), 1996, "A&AS", id="aas-two-authors"),
        pytest.param("Astropy Collaboration, Price-Whelan, A. M., Sipőcz, B. M., et al. 2018, AJ, 156, 123",
                     ("Astropy Collaboration", "Price-Whelan, A. M.", "Sipőcz, B. M.", "others"), 2018, "AJ",
                     id="aas-collaboration-first"),
        pytest.param("Sánchez, S. F., Kennicutt, R. C., Gil de Paz, A., et al. 2012a, A&A, 538, A8",
                     ("Sánchez, S. F.", "Kennicutt, R. C.", "Gil de Paz, A.", "others"), 2012, "A&A",
                     id="aas-particle-inside-a-family-name"),
        pytest.param("Zernike, v. F. 1934, Physica, 1, 689", ("Zernike, v. F.",), 1934, "Physica",
                     id="aas-particle-after-the-family-name"),
        pytest.param("Theano Development Team. 2016, Phys. Rev. D, 1, 2", ("Theano Development Team",), 2016,
                     "Phys. Rev. D", id="aas-group"),
        pytest.param("Ferland, G. J., Porter, R. L., van Hoof, P. A. M., et al. 2013, RMxAA, 49, 137",
                     ("Ferland, G. J.", "Porter, R. L.", "van Hoof, P. A. M.", "others"), 2013, "RMxAA",
                     id="aas-particle"),
        # a .bib's journal printed as written, in lower case: a macro's name, an abbreviation of the
        # authors' own (github:marcasedda/intermediate-mass-ratio-inspirals, article.pdf)
        pytest.param("Antonini, F., & Perets, H. B. 2012, apj, 757, 27",
                     ("Antonini, F.", "Perets, H. B."), 2012, "apj", id="aas-journal-macro-printed-bare"),
        pytest.param("Arca-Sedda, M., & Capuzzo-Dolcetta, R. 2019, mn, 483, 152",
                     ("Arca-Sedda, M.", "Capuzzo-Dolcetta, R."), 2019, "mn",
                     id="aas-journal-string-printed-bare"),
    ],
)  # fmt: skip
def test_an_astronomy_article_prints_no_title(
    text: str, authors: tuple[str, ...], year: int, venue: str
) -> None:
    reference = parse_reference(text)
    assert reference.title is None
    assert reference.authors == authors
    assert reference.year == year
    assert reference.venue == venue


@pytest.mark.parametrize(
    ("text", "first", "year", "venue"),
    [
        pytest.param("Doe S., et al., 2007, in Shaw R. A., Hill F., Bell D. J., eds, Astronomical Society "
                     "of the Pacific Conference Series Vol. 376, Astronomical Data Analysis Software and "
                     "Systems XVI. p. 543",
                     "Doe, S.", 2007, "Astronomical Society of the Pacific Conference Series Vol. 376, "
                     "Astronomical Data Analysis Software and Systems XVI", id="mnras-proceedings"),
        pytest.param("Tuthill, P., Bendek, E., Guyon, O., et al. 2018, in Society of Photo-Optical "
                     "Instrumentation Engineers (SPIE) Conference Series, Vol. 10701, Proc. SPIE, 107011J, "
                     "doi:",
                     "Tuthill, P.", 2018, "Society of Photo-Optical Instrumentation Engineers (SPIE) "
                     "Conference Series, Vol. 10701, Proc. SPIE", id="aas-proceedings-in-a-series"),
        pytest.param("Hanisch, R. J., & Biemesderfer, C. D. 1989, in BAAS, 780",
                     "Hanisch, R. J.", 1989, "BAAS", id="aas-proceedings"),
        pytest.param("Reynolds R. J., 1971, PhD thesis, THE UNIVERSITY OF WISCONSIN - MADISON.",
                     "Reynolds, R. J.", 1971, "PhD thesis, THE UNIVERSITY OF WISCONSIN - MADISON",
                     id="mnras-thesis"),
        pytest.param("Linnainmaa S., 1970, Master’s Thesis (in Finnish), Univ. Helsinki, pp 6–7",
                     "Linnainmaa, S.", 1970, "Master’s Thesis (in Finnish), Univ. Helsinki, pp 6–7",
                     id="mnras-masters-thesis"),
        pytest.param("Cortijo-Ferrero C., et al., 2017a, preprint, (arXiv:1706.01896)",
                     "Cortijo-Ferrero, C.", 2017, None, id="mnras-preprint"),
        pytest.param("Wysocki D., O’Shaughnessy R., Wade L., Lange J., 2020, arXiv e-prints, "
                     "p. arXiv:2001.01747",
                     "Wysocki, D.", 2020, None, id="mnras-e-print"),
        pytest.param("Rand R. J., 1998, MNRAS, submitted", "Rand, R. J.", 1998, "MNRAS",
                     id="mnras-submitted"),
        pytest.param("González Delgado, R. M., Pérez, E., Cid Fernandes, R., et al. 2017, ArXiv e-prints. "
                     "https://arxiv.org/abs/1706.06119", "González Delgado, R. M.", 2017, None,
                     id="aas-e-print"),
        pytest.param("García-Benito, R. in prep., MNRAS", "García-Benito, R.", None, "MNRAS",
                     id="aas-in-preparation"),
    ],
)  # fmt: skip
def test_a_proceedings_paper_thesis_or_preprint_prints_no_title_either(
    text: str, first: str, year: int | None, venue: str | None
) -> None:
    reference = parse_reference(text)
    assert reference.title is None
    assert reference.authors[0] == first
    assert reference.year == year
    assert reference.venue == venue


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        pytest.param("Binney J., Tremaine S., 2008, Galactic Dynamics: Second Edition. Princeton Univ. "
                     "Press, Princeton, NJ", "Galactic Dynamics: Second Edition", 2008, id="mnras-book"),
        pytest.param("Lamport, L. 1994, LaTeX: A Document Preparation System, 2nd edn. (Addison-Wesley "
                     "Professional)", "LaTeX: A Document Preparation System", 1994, id="aas-book-edition"),
        pytest.param("Martinache, F. 2016, Society of Photo-Optical Instrumentation Engineers (SPIE) "
                     "Conference Series, Vol. 9907, Spectrally dispersed Fourier-phase analysis for "
                     "redundant apertures, 990712",
                     "Spectrally dispersed Fourier-phase analysis for redundant apertures", 2016,
                     id="aas-chapter-in-a-series"),
        pytest.param("Osterbrock, D. E., & Ferland, G. J. 2006, Astrophysics of Gaseous Nebulae and Active "
                     "Galactic Nuclei (University Science Books)",
                     "Astrophysics of Gaseous Nebulae and Active Galactic Nuclei", 2006,
                     id="aas-book-publisher"),
        # a style that prints the year again at the end: no page of a journal's
        pytest.param("Haralambous Y., 1992, Typesetting the Holy Qur'an with TeX, 1992.",
                     "Typesetting the Holy Qur'an with TeX", 1992, id="flux-the-year-again"),
    ],
)  # fmt: skip
def test_a_book_prints_its_title_after_the_year(text: str, title: str, year: int) -> None:
    reference = parse_reference(text)
    assert reference.title == title
    assert reference.year == year


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # aasjournal.bst prints the DOI where an article has no volume and pages yet: the one name
        # before it is the journal's, listed or not (the validation styles' records)
        pytest.param("de Souza, W. M., de Lima, S. T. S., Mello, L. M. S., et al. 2023, The Lancet Microbe, "
                     "10.1016/S2666-5247(23)00033-2", "The Lancet Microbe", id="aas-journal-then-doi"),
        pytest.param("Eichner, M., Dowell, S. F., & Firese, N. 2011, Osong Public Health and Research "
                     "Perspectives, doi: 10.1016/j.phrp.2011.04.001",
                     "Osong Public Health and Research Perspectives", id="aas-journal-then-doi-label"),
    ],
)  # fmt: skip
def test_an_article_with_its_doi_in_place_of_volume_and_pages_prints_no_title(text: str, venue: str) -> None:
    from bibnorm.readers.refs import read_refs

    reference = parse_reference(text)
    (query,) = read_refs(text, "refs.txt")  # the model reads the journal as a title: the rules' venue
    assert (reference.title, reference.venue) == (None, venue)
    assert (query.title, query.venue) == (None, venue)


def test_software_with_its_doi_last_keeps_its_title() -> None:
    # where the software is kept, after its title, says it is no journal
    text = ("Robitaille, T., & Bressert, E. 2012, APLpy: Astronomical Plotting Library in Python, "
            "Astrophysics Source Code Library, 10.5281/zenodo.1234")  # fmt: skip
    assert parse_reference(text).title == "APLpy: Astronomical Plotting Library in Python"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Abadi, M., 1993. A calculus for access control. Journal of Computer Security 4, 2.",
                     id="elsevier-harvard"),
        pytest.param("Carlip S and Vera R 1998 Phys. Rev. D 58 011345", id="iop"),
        pytest.param("M. Tegmark, Removing real-world foregrounds, Astrophys. J. 502, 1 (1998)", id="aps"),
        pytest.param("Tilly, C. (1992), Coercion, capital, and European states, Blackwell, Oxford.",
                     id="agsm"),
    ],
)  # fmt: skip
def test_other_styles_are_not_read_as_astronomy(text: str) -> None:
    from bibnorm.readers._ref_astro import astro_reference

    assert astro_reference(text) is None


def test_a_pasted_mnras_list_is_a_reference_list_with_no_titles() -> None:
    """Lines copied from an MNRAS paper's references: a list of references (not of titles), one
    per line, none read with a title but the book's."""
    from bibnorm.readers.refs import looks_like_reference_list, read_refs

    text = (
        "Aasi J., et al., 2015, Classical and Quantum Gravity, 32, 074001\n"
        "Abac A. G., et al., 2024, ApJ, 970, L34\n"
        "Baym G., Pethick C., Sutherland P., 1971, ApJ, 170, 299\n"
        "Binney J., Tremaine S., 2008, Galactic Dynamics: Second Edition. Princeton Univ. Press, "
        "Princeton, NJ\n"
    )
    assert looks_like_reference_list(text)
    queries = read_refs(text, "refs.txt")
    assert [(q.authors[0], q.year) for q in queries] == [
        ("Aasi, J.", 2015),
        ("Abac, A. G.", 2024),
        ("Baym, G.", 1971),
        ("Binney, J.", 2008),
    ]
    assert queries[3].title == "Galactic Dynamics: Second Edition"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        pytest.param("Bresolin F., Garnett D. R., Kennicutt Jr. R. C., 2004, ApJ, 615,\n    228\n\n"
                     "Bruzual G., Charlot S., 2003, MNRAS, 344, 1000",
                     ["Bresolin F., Garnett D. R., Kennicutt Jr. R. C., 2004, ApJ, 615, 228",
                      "Bruzual G., Charlot S., 2003, MNRAS, 344, 1000"], id="a-wrapped-page-goes-on"),
        pytest.param("Bruzual G., Charlot S., 2003, MNRAS, 344, 1000\n14\n\nRand R. J., 1998, ApJ, 501, 137",
                     ["Bruzual G., Charlot S., 2003, MNRAS, 344, 1000", "Rand R. J., 1998, ApJ, 501, 137"],
                     id="a-flush-number-is-a-page-number"),
    ],
)  # fmt: skip
def test_a_page_a_narrow_column_wrapped_stays_in_its_reference(text: str, items: list[str]) -> None:
    """A PDF's list split by its geometry: a number alone on an indented line is the page a narrow
    column wrapped ("ApJ, 615," / "228"), not the page's number."""
    from bibnorm.readers._reflist import split_paragraphs

    assert [item.text for item in split_paragraphs(text).items] == items


def test_the_aas_dash_stands_for_the_names_before_it() -> None:
    """aasjournal.bst prints "—." for the names of the reference before: no names and no title read
    from it (the list gives it the previous reference's names), the year still read."""
    reference = parse_reference("—. 2017b, ArXiv e-prints. https://arxiv.org/abs/1706.01896")
    read = (reference.title, reference.authors, reference.year, reference.arxiv)
    assert read == (None, (), 2017, "1706.01896")
