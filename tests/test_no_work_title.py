"""A title that names no work: what a style that prints no article title leaves in its place
(an institution, a report's designation, a publisher and its place, an editors' statement)."""

from __future__ import annotations

import pytest
from bibnorm.readers._no_work_title import names_no_work, report_at_the_end, report_in_parentheses


@pytest.mark.parametrize(
    "title",
    [
        # an institution's name: its word last, or before what it is of
        "Rutherford Appleton Laboratory",
        "RAND Corporation",
        "– Los Alamos National Laboratory",  # a dash the style prints in the title's place
        "Cornell University",
        "University of Illinois at Urbana-Champaign",
        "Indian Institute\nof Science",
        "Office for National Statistics",
        "Food and Agriculture Organization of the United Nations",
        "Universidad Politécnica de Madrid",
        "London School of Economics",
        "Instituto Nacional de Estadística y Censos (INEC)",
        "Department Of Economics",  # a title-casing style
        # German's compound of a proper name and the institution's word
        "Max-Planck-Institut für Informatik",
        "Helmholtz-Zentrum für Umweltforschung",
        # a report's designation and its number
        "Report",
        "Tech. Rep. 87-4",
        "Internal Report No. 5522",
        "Working Paper No",
        "Report number: NBER/TR-89/90",
        "Rapport de recherche, UC/CS-83/92",
        "Forschungsbericht No. 91-22",
        "NBER Working Paper 13/56",
        # an institution and its report
        "University of Edinburgh, Internal Report No",
        "Cornell University, TR-2023-28, Report",
        # an institution and its place
        "University of Sydney, Sydney, NSW, Australia",
        "Cornell University, Ithaca, NY",
        # a publisher and its place
        "Addison-Wesley: Reading, MA, USA",
        "North-Holland Publishing Company: Amsterdam, The Netherlands",
        "RIT Cary Graphic Arts Press, Rochester, NY, USA",
        # an edited book's editors in parentheses
        "(T. Scheermesser and O. Bryngdahl, eds)",
        "(DeVinne TL, editor)",
        # a volume's, a number's or pages' cue and its number; an edition's statement
        "Volume 60",
        "Vol. XII",
        "No. 5",
        "Heft 3",
        "Aufl",
        "Third",
        "3. Aufl",
        "2nd ed",
        # a program's or a package's version and its number
        "R package version 1.1-7",
        "Python package version 0.3.1",
        "Version 2.0",
        "ver. 3",
        "versão 4.1",
    ],
)
def test_a_title_in_a_no_title_styles_place_names_no_work(title: str) -> None:
    assert names_no_work(title)


@pytest.mark.parametrize(
    "title",
    [
        "The Affluent Society",  # a group's word, and a title opened by an article
        "The Vital Center",
        "Operations Research",  # "Research" names a group and a field
        "Foundation and Empire",  # an institution's word before a conjunction, not "of"
        "Microsoft Corporation Die Neue Typographie",  # a capitalised article after the firm
        # an institution's word last in a title-cased title: no proper name before it, or an
        # article or a conjunction
        "Second Foundation",
        "Culture and Agency",
        "Social Self-Organization",
        "Announcing the JuliaHealth Organization",
        "About the Eclipse Foundation",
        # an institution's word after the title's first words
        "Why You Should Use Office for the Web",
        # a web page's or a product's name: "Center" and "Office" last
        "Dev Center",
        "Instagram – Support Center",
        "Microsoft Office",
        # a name with its number before a report's words
        "GPT-4 Technical Report",
        # a compound of English words and the institution's word
        "Non-University Education in Europe",
        "Pre-University Mathematics in Schools",
        "Qwen2.5 Technical Report",
        "Machine Learning",
        "1984",  # numbers alone: a title may be one
        "24",
        "Third Reich",  # an ordinal and a word that is no edition's
        "The Third Man",
        "Volume",  # a cue without its number
        "Part 2",  # a part's number: a title may be one ("Dune: Part Two")
        "Version Control with Git",  # a version's word without its number
        "The Windows 10 Version History",
        "Version 2.0 of the Web",  # words after the number
        "OSPF version 2",  # a name's version: an RFC's title
        "Paper",  # a report's word alone that is also a book's title
        "A Report on the Condition of the Working Class",
        "Report of the Committee on Data",
        "Teaching electronic publishing to computer scientists, II",  # a sentence, not a publisher
        "Harvard University, A History",  # English words after the institution: no place
        "Attention Is All You Need",
        "INRIA; 2008",  # an acronym alone may be a work's name ("BERT")
        "(with an appendix by J. Smith)",
    ],
)
def test_a_works_title_names_a_work(title: str) -> None:
    assert not names_no_work(title)


@pytest.mark.parametrize(
    "title",
    [
        # an institution's word before proper names, where the reference prints no link: a
        # thesis's or a report's in a style that prints no title
        "Université Paris-Sud",
        "Institute Pasteur",
        # a name of three words or more that an institution's word ends
        "Naval Postgraduate School",
        "Digital Equipment Corporation",
        "– Digital Equipment Corporation",  # a dash the style prints in the title's place
        # any name an institution's word ends, beside a report's designation; its sentences apart
        "Australian National University. Report ANU/TR-15/97",
        "Department of Computer Science, Stanford University. Report no. DCSS-TR-1690",
    ],
)
def test_an_institution_without_a_link_or_beside_a_report_names_no_work(title: str) -> None:
    printed = f"Abreu D. 1988. {title}."
    assert names_no_work(title, printed)


@pytest.mark.parametrize(
    "title",
    [
        "University Physics",  # English words after the institution's word: a book's title
        # two words that an institution's word ends, no report beside them: as often a work's title
        "Second Foundation",
        "Bell Laboratories",
        "Old School",
    ],
)
def test_looser_institutions_need_what_says_so(title: str) -> None:
    assert not names_no_work(title, f"Abreu D. 1988. {title}.")


def test_an_institutions_page_with_its_link_keeps_its_name() -> None:
    printed = "Université Paris-Saclay. https://www.universite-paris-saclay.fr/ (accessed 2024)."
    assert not names_no_work("Université Paris-Saclay", printed)


def test_an_institutions_own_page_is_titled_with_its_name() -> None:
    """A web page, or a publication whose author is the institution, may be titled with its name."""
    printed = "World Health Organization. World Health Organization. https://www.who.int/about"
    assert not names_no_work("World Health Organization", printed)
    # a report's designation is none even there
    assert names_no_work("Internal Report No. 5522", "Internal Report No. 5522. Internal Report No. 5522.")


@pytest.mark.parametrize(
    ("title", "work"),
    [
        # a report's designation and number a style prints after the title, then its institution
        (
            "Anytime Dense Prediction with Confidence Adaptivity, Internal Report TR-2022-04",
            "Anytime Dense Prediction with Confidence Adaptivity",
        ),
        (
            "Mackellar, Smiths and Jordan: typographic tastemakers, Working Paper 3105, "
            "Max-Planck-Institut für Informatik",
            "Mackellar, Smiths and Jordan: typographic tastemakers",
        ),
        ("Extra Bits — Computerphile, Report 13-40, INRIA", "Extra Bits — Computerphile"),
        ("Windows Font Management, Working Paper No", "Windows Font Management"),
        # a title's own words: no report's designation after its comma
        ("Climate Change 2014, Synthesis Report", "Climate Change 2014, Synthesis Report"),
        ("Rock, Paper", "Rock, Paper"),
        ("On reports, papers and memos", "On reports, papers and memos"),
        ("Report", "Report"),
    ],
)
def test_a_reports_designation_after_the_title_is_its_tail(title: str, work: str) -> None:
    at = report_at_the_end(title)
    assert (title[:at].rstrip() if at is not None else title) == work


@pytest.mark.parametrize(
    ("title", "work"),
    [
        # APA's report number in parentheses after the title
        ("Efficient Attention via Linear Complexity Approximations (Internal Report TR-2022-27)",
         "Efficient Attention via Linear Complexity Approximations"),
        ("The incubation period of COVID-19: A meta-analysis (Report No. 5035)",
         "The incubation period of COVID-19: A meta-analysis"),
        ("Unsupervised Visual Representation Learning (Forschungsbericht 4400)",
         "Unsupervised Visual Representation Learning"),
        # a title's own parentheses
        ("Never Go Full Batch (in Stochastic Convex Optimization)",
         "Never Go Full Batch (in Stochastic Convex Optimization)"),
        ("The Interactive Tester (Version 4.0)", "The Interactive Tester (Version 4.0)"),
        ("(Report 12)", "(Report 12)"),
    ],
)  # fmt: skip
def test_a_reports_designation_in_parentheses_after_the_title_is_its_tail(title: str, work: str) -> None:
    at = report_in_parentheses(title)
    assert (title[:at].rstrip() if at is not None else title) == work
