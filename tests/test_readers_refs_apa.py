"""APA 7 reference strings (biblatex-apa, apacite): the date slot's "(n.d.)" and "(in press)",
a work without an author (its title in the author's place), a retrieval statement after the
title, an author list ending in an initial, and a reprint's second DOI (a DOI its font spaced
out or its link broke: test_readers_refs_bbl.py's DOI table). Each case is a reference as
printed by biblatex-apa's or apacite's own test documents (texlive-doc), or a real entry
set in APA where the case says so.
"""

from __future__ import annotations

import pytest
from bibnorm.readers._ref_apa import group_author, untitled_authors
from bibnorm.readers._ref_legal import legal_reference
from bibnorm.readers.refs import looks_like_reference, parse_reference


@pytest.mark.parametrize(
    ("text", "title", "year", "first_author"),
    [
        pytest.param(
            "Zhou, A. (n.d.). Getting consistent with consequences. Educational Leadership.",
            "Getting consistent with consequences", None, "Zhou", id="no-date",
        ),
        pytest.param(
            "Sifuentes, A. (n.d.-a). Stories of the borderlands. University Press.",
            "Stories of the borderlands", None, "Sifuentes", id="no-date-with-a-letter",
        ),
        # biblatex-apa in Spanish, German and Portuguese: "(s.f.)", "(o.J.)", "(s.d.)" for "(n.d.)"
        pytest.param(
            "Azure. (s.f.). ¿Qué es el aprendizaje automático? https://azure.microsoft.com/es-es/resources/",
            "¿Qué es el aprendizaje automático?", None, "Azure", id="spanish-no-date",
        ),
        pytest.param(
            "Kickstarter. (s.f.-c). Empieza tu proyecto. https://www.kickstarter.com/learn",
            "Empieza tu proyecto", None, "Kickstarter", id="spanish-no-date-with-a-letter",
        ),
        pytest.param(
            "Müller, K. (o.J.). Handbuch der Statistik. Springer.",
            "Handbuch der Statistik", None, "Müller", id="german-no-date",
        ),
        pytest.param(
            "Silva, J. (s.d.). Manual de redes neurais. Editora UFMG.",
            "Manual de redes neurais", None, "Silva", id="portuguese-no-date",
        ),
        pytest.param(
            "Pachur, T., & Scheibehenne, B. (in press). Unpacking buyer-seller differences in valuation "
            "from experience: A cognitive modeling approach. Psychonomic Bulletin & Review.",
            "Unpacking buyer-seller differences in valuation from experience: A cognitive modeling approach",
            None, "Pachur", id="in-press",
        ),
        pytest.param(
            "GVU’s 8th WWW user survey. (n.d.). Retrieved August 8, 2000, from "
            "http://www.cc.gatech.edu/gvu/user_surveys/survey-1997-10/",
            "GVU’s 8th WWW user survey", None, None, id="no-author-title-in-its-place",
        ),
        pytest.param(
            "Greater New Milford Area Healthy Community. (n.d.). Who has time for a family meal? You do! "
            "Retrieved October 5, 2000, from http://www.familymealtime.org",
            "Who has time for a family meal? You do!", None, None, id="retrieval-statement-not-the-title",
        ),
        pytest.param(
            "Morey, M. C. (2019). Physical activity and exercise in older adults. UpToDate. Retrieved "
            "July 12, 2019, from https://www.uptodate.com/contents/physical-activity-and-exercise",
            "Physical activity and exercise in older adults", 2019, "Morey", id="access-date-not-the-year",
        ),
        pytest.param(
            "McDaniel, S. H., Salas, E., & Kazak, A. E. (Eds.). (2018). The science of teamwork [Special "
            "issue]. American Psychologist, 73(4).",
            "The science of teamwork", 2018, "McDaniel", id="editors",
        ),
        pytest.param(
            "Study finds free care used more. (1982, April). APA Monitor, 14, 14.",
            "Study finds free care used more", 1982, None, id="no-author-venue-after-the-date",
        ),
        pytest.param(
            "The Chicago manual of style (15th ed.). (2003). Chicago: The University of Chicago Press.",
            "The Chicago manual of style", 2003, None, id="no-author-publisher-after-the-date",
        ),
        pytest.param(
            "U.S. Department of Health and Human Services. (1992). Pressure ulcers in adults: Prediction "
            "and prevention. Rockville, MD: Author.",
            "Pressure ulcers in adults: Prediction and prevention", 1992, None, id="a-body-is-an-author",
        ),
        pytest.param(
            "Fricke, R., Eschmeyer, W.N., & van der Laan, R. (2019) Eschmeyer’s catalog of fishes: "
            "Genera, species, references. Available from: http://x.org",
            "Eschmeyer’s catalog of fishes: Genera, species, references", 2019, "Fricke",
            id="particles-are-names",
        ),
        pytest.param(
            "Laplace, P.-S. (1951). A philosophical essay on probabilities (F. W. Truscott & F. L. Emory, "
            "Trans.). New York, NY: Dover. (Original work published 1814)",
            "A philosophical essay on probabilities", 1951, "Laplace", id="translators-note",
        ),
        pytest.param(
            "Jöreskog, K. G., & Sörbom, D. (1979). Advances in factor analysis and structural equation "
            "models (J. Magidson, Ed.). Cambridge, MA: Abt Books.",
            "Advances in factor analysis and structural equation models", 1979, "Jöreskog", id="editor-note",
        ),
        pytest.param(
            "Miller, M. E. (1993). The Interactive Tester (Version 4.0) [Computer software]. Westminster, "
            "CA: Psytek Services.",
            "The Interactive Tester", 1993, "Miller", id="version-note",
        ),
        # a bracket of the title's own, not a description: words in lower case, a species' authority
        # (a TeX Live bibliography's entry and a real thesis's, bench/works/manifest.csv's WTC3_tree)
        pytest.param(
            "Harris, E. M. (1985). Printing and a Museum [the Smithsonian Institution Graphic Arts "
            "Division]. Printing History, 7(2).",
            "Printing and a Museum [the Smithsonian Institution Graphic Arts Division]", 1985, "Harris",
            id="a-titles-own-bracket-in-lower-case",
        ),
        pytest.param(
            "Krizek, D. T., Carmi, A., Mirecki, R. M., Snyder, F. W., & Bunce, J. A. (1985). Comparative "
            "effects of soil moisture stress and restricted root zone volume on morphogenetic and "
            "physiological responses of soybean [Glycine max (L.) Merr.]. Journal of Experimental Botany, "
            "36, 25–38.",
            "Comparative effects of soil moisture stress and restricted root zone volume on morphogenetic "
            "and physiological responses of soybean [Glycine max (L.) Merr.]", 1985, "Krizek",
            id="a-species-authority-in-brackets",
        ),
        pytest.param(
            "Wilfley, D. E. (1989). Interpersonal analyses of bulimia: Normalweight and obese "
            "(Unpublished doctoral dissertation). University of Missouri, Columbia.",
            "Interpersonal analyses of bulimia: Normalweight and obese", 1989, "Wilfley",
            id="dissertation-note",
        ),
        pytest.param(
            "Fournier, M., de Ridder, D., & Bensing, J. (1999). Optimism and adaptation to multiple "
            "sclerosis: What does optimism mean? Journal of Behavioral Medicine, 22 , 303–326.",
            "Optimism and adaptation to multiple sclerosis: What does optimism mean?", 1999, "Fournier",
            id="question-then-the-journal",
        ),
        pytest.param(
            "Koch, S. (Ed.). (1959–1963). Psychology: A study of science (Vols. 1–6). New York, NY: "
            "McGraw-Hill.",
            "Psychology: A study of science", 1959, "Koch", id="a-range-of-years-after-an-editor",
        ),
        pytest.param(
            "Fricke, R., Eschmeyer, W.N., & van der Laan, R. (2019) Eschmeyer’s catalog of Fishes: Genera, "
            "species, references Available from: http://researcharchive.calacademy.org/x.asp (2019-02-19).",
            "Eschmeyer’s catalog of Fishes: Genera, species, references", 2019, "Fricke",
            id="zootaxa-available-from",
        ),
        pytest.param(
            "Zuckerman, M., & Kieffer, S. C. (in press). Race differences in face-ism: Does facial "
            "prominence imply dominance? Journal of Personality and Social Psychology.",
            "Race differences in face-ism: Does facial prominence imply dominance?", None, "Zuckerman",
            id="question-then-a-journal-in-title-case",
        ),
        pytest.param(
            "Gottfredson, G. D. (1978). Why don’t vocational interests predict job satisfaction better "
            "than they do? Unpublished manuscript, Johns Hopkins University, Baltimore.",
            "Why don’t vocational interests predict job satisfaction better than they do?", 1978,
            "Gottfredson", id="question-then-unpublished-manuscript",
        ),
        pytest.param(
            "Frank, L. K. (1935, February 4). [Letter to Robert M. Ogden]. Rockerfeller Archive Center "
            "(GEB series 1.3, Box 371, Folder 3877), Tarrytown, NY.",
            "Letter to Robert M. Ogden", 1935, "Frank", id="a-description-in-place-of-a-title",
        ),
        pytest.param(
            "Bruckman, A. (1997). MOOSE Crossing: Construction, community, and learning in a networked "
            "virtual world for kids (Doctoral dissertation, Massachusetts Institute of Technology).",
            "MOOSE Crossing: Construction, community, and learning in a networked virtual world for kids",
            1997, "Bruckman", id="dissertation-note-with-its-university",
        ),
        pytest.param(
            "Clay, R. (2008). Science vs. ideology: Psychologists fight back about the misuse of research. "
            "Monitor on Psychology, 39(6).",
            "Science vs. ideology: Psychologists fight back about the misuse of research", 2008, "Clay",
            id="an-abbreviation-is-no-sentence-end",
        ),
        pytest.param(
            "Beethoven, L. van. (2012). Symphony No. 3 in E-flat major [Recorded by Staatskapelle Dresden]. "
            "On Beethoven: Complete symphonies. Profil.",
            "Symphony No. 3 in E-flat major", 2012, "Beethoven", id="no-and-a-number",
        ),
        pytest.param(
            "National Institute of Mental Health. (1990). Clinical training in serious mental illness (DHHS "
            "Publication No. ADM 90-1679). Washington, DC: U.S. Government Printing Office.",
            "Clinical training in serious mental illness", 1990, None, id="a-reports-number-note",
        ),
        pytest.param(
            "Axelman, A. (2007) Does the solution warrant the problem? A Study of Things. Journal, 3, 1–2.",
            "Does the solution warrant the problem? A Study of Things", 2007, "Axelman",
            id="author-year-without-apas-period-keeps-its-subtitle",
        ),
        pytest.param(
            "KS in NJ. (2019, January 15). From this article, it sounds like men are figuring something out "
            "that women have known forever [Comment on the article “How workout buddies can help stave off "
            "loneliness”]. The Washington Post.",
            "From this article, it sounds like men are figuring something out that women have known forever",
            2019, "KS", id="a-quotation-after-the-title-is-what-a-comment-is-on",
        ),
        pytest.param(
            "College bound seniors. (2008).", "College bound seniors", 2008, None,
            id="no-author-nothing-after-the-date",
        ),
        pytest.param(
            "Heuristic. (n.d.). In Merriam-Webster’s online dictionary (11th ed.). Retrieved from "
            "http://www.m-w.com/dictionary/heuristic",
            "Heuristic", None, None, id="an-entry-of-a-reference-work",
        ),
        pytest.param(
            "Ising, M. (2000). Intensitätsabhängigkeit evozierter Potenzial im EEG: Sind impulsive Personen "
            "Augmenter oder Reducer? [Intensity dependence in event-related EEG potentials: Are impulsive "
            "individuals augmenters or reducers?]. Zeitschrift für Differentielle und Diagnostische "
            "Psychologie, 21, 208–217.",
            "Intensitätsabhängigkeit evozierter Potenzial im EEG: Sind impulsive Personen Augmenter oder "
            "Reducer?", 2000, "Ising", id="a-translation-in-brackets-after-the-title",
        ),
        pytest.param(
            "Jackson, P. (Director). (2001). The lord of the rings: The fellowship of the ring [Film; "
            "four-disc special extended ed. on DVD]. WingNut Films; The Saul Zaentz Company.",
            "The lord of the rings: The fellowship of the ring", 2001, "Jackson",
            id="a-description-in-brackets",
        ),
        pytest.param(
            "Fiske, S. T., Gilbert, D. T., & Lindzey, G. (2010). Handbook of social psychology (5th ed., "
            "Vol. 1). John Wiley & Sons.",
            "Handbook of social psychology", 2010, "Fiske", id="edition-and-volume-note",
        ),
        pytest.param(
            "Blackwell, D. L., Lucas, J. W., & Clarke, T. C. (2014). Summary health statistics for U.S. "
            "adults: National Health Interview Survey, 2012 (Vital and Health Statistics Series 10, Issue "
            "260). National Center for Health Statistics.",
            "Summary health statistics for U.S. adults: National Health Interview Survey, 2012", 2014,
            "Blackwell", id="series-and-issue-note",
        ),
        pytest.param(
            "Crow, T. J. (2000). Did Homo sapiens speciate on the y chromosome? Psycoloquy, 11(Article 1).",
            "Did Homo sapiens speciate on the y chromosome?", 2000, "Crow",
            id="a-journal-and-its-volume-after-the-question",
        ),
        pytest.param(
            "Hammond, T. (2000, November 20). YAHC: Handle Parameters, DOI Genres, etc.. Message posted to "
            "Ref-Links electronic mailing list, archived at http://www.doi.org/mail-archive/ref-link/",
            "YAHC: Handle Parameters, DOI Genres, etc", 2000, "Hammond", id="a-title-ending-in-etc",
        ),
        pytest.param(
            "Test, A. (2012b, Summer/Autumn). Test title 2. Seasonal Journal, 34(3).",
            "Test title 2", 2012, "Test", id="a-title-ending-in-a-number",
        ),
        pytest.param(
            "Editorial. (2003b, February 12). The Edited Newspaper, p. 2.", "Editorial", 2003, None,
            id="no-author-a-newspapers-page-after-the-date",
        ),
        pytest.param(
            "Vedantam, S. (Host). (2015–present). Hidden brain [Audio podcast]. NPR.",
            "Hidden brain", 2015, "Vedantam", id="a-range-to-present",
        ),
        pytest.param(
            "Attwood, Feona (2006) “Sexed Up: Theorizing the Sexualization of Culture,” Sexualities, 9 (1).",
            "Sexed Up: Theorizing the Sexualization of Culture", 2006, "Attwood", id="econ-quotes-its-titles",
        ),
    ],
)  # fmt: skip
def test_an_apa_reference_gives_its_title_year_and_first_author(
    text: str, title: str, year: int | None, first_author: str | None
) -> None:
    parsed = parse_reference(text)
    assert parsed.title == title
    assert parsed.year == year
    if first_author is not None:
        assert parsed.author_names[0] == first_author


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Fried, D., & Polyakova, A. (2018). Democratic defense against disinformation. Atlantic Council.",
            id="authors-ending-in-the-initial-A",
        ),
        pytest.param(
            "Zhou, A. (n.d.). Getting consistent with consequences. Educational Leadership.", id="n.d."
        ),
    ],
)
def test_an_apa_reference_reads_as_a_reference(text: str) -> None:
    assert looks_like_reference(text)


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        pytest.param(
            "Author, A. A., & Author, B. B. (2014).", ("Author, A. A.", "Author, B. B."), 2014,
            id="names-and-year-only",
        ),
        pytest.param(
            "American Psychological Association & National Institutes of Health. (2014).",
            ("American Psychological Association", "National Institutes of Health"), 2014, id="group-authors",
        ),
        pytest.param("Patel, S. N. (n.d.).", ("Patel, S. N.",), None, id="no-date"),
        pytest.param("Brown, B. (in press-a).", ("Brown, B.",), None, id="in-press-with-a-letter"),
        pytest.param(
            "Azikiwe, H., & Bello, A. (2020b, March 26).", ("Azikiwe, H.", "Bello, A."), 2020,
            id="a-full-date",
        ),
        pytest.param(
            "Shakespeare, W. (1995). (Original work published 1623)", ("Shakespeare, W.",), 1995,
            id="a-note-after-the-date-is-no-title",
        ),
        # a medium in brackets in the title's place, as IEEE and NLM print it after a title, is no
        # description of the work (APA's "[Data set]"): no title
        pytest.param(
            "Google Earth Engine. (2021). [Online]. Available: https://earthengine.google.com/",
            ("Google Earth Engine",), 2021, id="a-medium-in-the-titles-place",
        ),
    ],
)  # fmt: skip
def test_a_work_without_a_title_has_authors_and_a_year_and_no_title(
    text: str, authors: tuple[str, ...], year: int | None
) -> None:
    """biblatex-apa's examples of the author element print no title: the names are not one."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors, parsed.year) == (None, authors, year)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A. B. Author, C. Author, and D. Author, Phys. Rev. Lett. 97, 123456 (2006).", id="prl"),
        pytest.param("Smith, J., Nature 412, 33 (2001).", id="a-journal-before-the-year"),
    ],
)
def test_a_reference_ending_in_its_year_after_a_journal_is_not_untitled_apa(text: str) -> None:
    """Its year closes it too, but a journal's volume and page are before it, not names."""
    assert untitled_authors(text) is None


def test_a_title_case_title_is_still_no_author_list() -> None:
    """The initial "A." keeps its period; a title's article "A" is still a title word."""
    assert not looks_like_reference("A Study of Things. (2018). Journal of Studies, 3, 1–2.")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gaonkar, Dilip Parameshwar, ed. (2001a). Alternative Modernities. Durham and London: Duke "
            "University Press.",
            id="chicago-given-names-spelled-out",
        ),
        pytest.param(
            "Clark, Hazel V. [1957?]. Mesopotamia: Between Two Rivers. Mesopotamia, OH: End of the Commons "
            "General Store.",
            id="chicago-an-uncertain-date",
        ),
    ],
)
def test_an_authors_place_with_a_comma_is_no_group(text: str) -> None:
    """A person's name written "Family, Given" is no group's (Chicago spells given names out)."""
    assert group_author(text, text.split(".")[0]) is None


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        pytest.param(
            "Brown v. Board of Education, 347 U.S. 483 (1954). http : / / www . oyez . org / cases / 1940 - "
            "1955 / 347us483",
            "Brown v. Board of Education", 1954, id="court-case-its-year-not-the-links",
        ),
        pytest.param(
            "Daubert v. Merrell Dow Pharmaceuticals, Inc., 951 F.2d 1128 (9th Cir. 1991).",
            "Daubert v. Merrell Dow Pharmaceuticals, Inc.", 1991, id="court-case-a-comma-in-its-name",
        ),
        pytest.param(
            "Durflinger v. Artiles, 563 F.Supp. 332 (D. Kan. 1981), aff’d, 727 F.2d 888 (10th Cir. 1984).",
            "Durflinger v. Artiles", 1984, id="court-case-affirmed-later",
        ),
        pytest.param(
            "Obergefell v. Hodges, 576 U.S. ___ (2015). https://www.supremecourt.gov/opinions/14pdf/14-556.pdf",
            "Obergefell v. Hodges", 2015, id="court-case-page-not-yet-known",
        ),
        pytest.param(
            "Civil Rights Act of 1964, Pub. L. No. 88–352, 78 Stat. 241 (1964).",
            "Civil Rights Act", 1964, id="statute-of-its-year",
        ),
        pytest.param(
            "Florida Mental Health Act, Fla. Stat. § 394 (1971 & rev. 2009).",
            "Florida Mental Health Act", 2009, id="state-statute-revised",
        ),
        pytest.param(
            "Protection of Human Subjects, 45 C.F.R. § 46 (2009).", "Protection of Human Subjects", 2009,
            id="regulation",
        ),
        pytest.param(
            "Strengthening the Federal Student Loan Program for Borrowers: Hearing before the U.S. Senate "
            "Committee on Health, Education, Labor & Pensions, 113th Cong. (2014).",
            "Strengthening the Federal Student Loan Program for Borrowers: Hearing before the U.S. Senate "
            "Committee on Health, Education, Labor & Pensions", 2014, id="hearing",
        ),
        pytest.param(
            "United Nations Convention on the Rights of the Child, November 20, 1989, "
            "https://www.ohchr.org/en/professionalinterest/pages/crc.aspx",
            "United Nations Convention on the Rights of the Child", 1989, id="treaty",
        ),
        pytest.param(
            "Exec. Order No. 13,676, 3 C.F.R. 294 (2014).", None, 2014, id="an-executive-order-has-a-number",
        ),
        pytest.param("H.R. Rep. No. 114-358 (2015).", None, 2015, id="a-report-has-a-number"),
        pytest.param("H.R. 1100, 113th Cong. (2013).", None, 2013, id="a-bill-has-a-number"),
    ],
)  # fmt: skip
def test_a_legal_reference_is_its_name_with_no_authors(text: str, title: str | None, year: int) -> None:
    """APA §11: court cases, statutes, regulations, hearings and treaties are named, not written."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors, parsed.year) == (title, (), year)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "U.S. Congress, Senate Commission on Commerce. 1966. Conversion to the Metric System: Hearings "
            "on S1278. Washington DC: 88th Cong., 2nd sess.",
            id="author-year-reference-to-a-hearing",
        ),
        pytest.param(
            "C. Wetterich, Exact evolution equation, Physics Letters B 301, 90–94 (1993)", id="physics"
        ),
        pytest.param(
            "Hiremath, S. C., & Salehi, A. (2016). Using metaphors (U.S. Patent No. 9,367,592). U.S. Patent "
            "and Trademark Office.",
            id="a-patent-has-authors",
        ),
        # a person's initials that a bill's "H.R." (a number after it) or the House's report opens with
        pytest.param("H.R. Varian, Dimitris: Microeconomic Analysis, Third1991", id="a-persons-initials-h-r"),
    ],
)
def test_a_reference_with_authors_is_no_legal_reference(text: str) -> None:
    assert legal_reference(text) is None


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "U.S. Department of Health and Human Services. (2003). Managing asthma: A guide for schools.",
            ("U.S. Department of Health and Human Services",), id="a-group-with-and-in-its-name",
        ),
        pytest.param(
            "Centers for Disease Control and Prevention. (2018). People at high risk of developing "
            "flu-related complications.",
            ("Centers for Disease Control and Prevention",), id="a-group-its-and-before-the-last-word",
        ),
        pytest.param(
            "Smith, A., & Jones, B. (2000). Title of a work.", ("Smith, A.", "Jones, B."),
            id="persons-inverted",
        ),
        pytest.param(
            "Xiaohua Zhai and Lucas Beyer. Scaling vision transformers. In CVPR, 2022.",
            ("Xiaohua Zhai", "Lucas Beyer"), id="not-apa-and-joins-two-persons",
        ),
    ],
)  # fmt: skip
def test_an_apa_authors_place_without_a_comma_holds_one_author(text: str, authors: tuple[str, ...]) -> None:
    """APA inverts every person's name: without a comma or "&", the author's place is one group."""
    assert parse_reference(text).authors == authors


def test_the_doi_of_a_reprints_original_is_not_the_references() -> None:
    """APA's "(Reprinted from …, https://doi.org/…)" names the original's DOI after the
    reference's own: two DOIs, but not two references run together."""
    text = (
        "Shore, M. F. (2014). Marking time in the land of plenty: Reflections on mental health in the United "
        "States. American Journal of Orthopsychiatry, 84(6), 611–618. https://doi.org/10.1037/h0100165 "
        "(Reprinted from “Marking time in the land of plenty,” 1981, American Journal of Orthopsychiatry, "
        "51[3], 391–402, https: //doi.org/10.1111/j.1939-0025.1981.tb01388.x)"
    )
    assert parse_reference(text).doi == "10.1037/h0100165"
    # Two references run together still read no DOI: no telling whose it is.
    assert parse_reference("A, B. (2000). T. J, 1. https://doi.org/10.1/a https://doi.org/10.2/b").doi is None
