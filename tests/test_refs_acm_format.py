"""ACM's reference format in two columns (acmart's sigconf): "Names. 2018. Title. Journal 82, 10
(2018), doi.org/…" — the issue's date in parentheses is no APA year after the names, and a
link whose scheme a space parts from the rest ("https: //doi.org/…") is one link. References as
ACM-Reference-Format prints real third-party .bib files."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "first_author", "doi"),
    [
        pytest.param("A Ratka. 2018. Empathy and the development of affective skills. American Journal of "
                     "Pharmaceutical Education 82, 10 (2018), doi.org/10.5688/ajpe7192.",
                     "Empathy and the development of affective skills", "A Ratka", "10.5688/ajpe7192",
                     id="an-issue-date-is-no-apa-year"),
        pytest.param("Andrew C. Myers and Andrei Sabelfeld. 2006. Enforcing Robust Declassification and "
                     "Qualified Robustness. Journal of Computer Security 14, 2 (2006), 157–196. https: "
                     "//doi.org/10.3233/JCS-2006-14203",
                     "Enforcing Robust Declassification and Qualified Robustness", "Andrew C. Myers",
                     "10.3233/JCS-2006-14203", id="a-link-with-a-spaced-scheme"),
    ],
)  # fmt: skip
def test_an_acm_reference(text: str, title: str, first_author: str, doi: str) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors[0], parsed.doi) == (title, first_author, doi)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Haversine Formula. https://en.wikipedia.org/wiki/haversine formula.",
                     "Haversine Formula",
                     id="a-links-tail-after-its-space"),
        pytest.param("Apache Storm. https://storm.apache.org/, 2015.", "Apache Storm", id="a-web-site"),
        # a note in brackets after the link (a Slovak thesis's page and section): no title, no names
        pytest.param("Report Descriptor. https://www.usb.org/sites/default/files/hid1_11.pdf. [str. 23].",
                     "Report Descriptor", id="a-page-number-after-the-link"),
        pytest.param("USB Client Driver. https://docs.microsoft.com/en-us/usb-driver-development-guide. "
                     "[sekcia „Where applicable“].", "USB Client Driver", id="a-section-after-the-link"),
    ],
)  # fmt: skip
def test_a_web_sites_name_is_its_title(text: str, title: str) -> None:
    """ACM's misc entries with only a name and a link (a wiki's underscore printed as a space), and
    a note in brackets after it."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, ())


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        # acmart's acmsmall (github:cmisra/STARK, sample-acmsmall.pdf): a work without authors is
        # labelled by its title and year, then the title printed again
        pytest.param(
            "Apache hadoop project 2016. Apache hadoop project. https://hadoop.apache.org/. (2016). "
            "[Online; accessed 23-December-2016].",
            "Apache hadoop project",
            2016,
            id="a-lower-case-title",
        ),
        pytest.param(
            "Colt - Welcome 2017. Colt - Welcome. https://dst.lbl.gov/ACSSoftware/colt/. (2017). "
            "[Online; accessed 6-April-2017].",
            "Colt - Welcome",
            2017,
            id="a-title-like-names",
        ),
        pytest.param(
            "Linear Algebra for Java 2017. Linear Algebra for Java. http://la4j.org/. (2017). "
            "[Online; accessed 6-April-2017].",
            "Linear Algebra for Java",
            2017,
            id="a-capitalised-title",
        ),
    ],
)
def test_an_authorless_works_label_is_its_title_and_names_no_one(text: str, title: str, year: int) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors, parsed.year) == (title, (), year)


def test_names_and_a_year_before_another_title_stay_names() -> None:
    parsed = parse_reference("Jane Smith 2016. A study of things. Journal 3, 1 (2016), 1–2.")
    assert parsed.title == "A study of things"


def test_a_bodys_name_as_the_label_before_another_title_is_no_title() -> None:
    """ACM's label of a work by a body whose name opens its title (github:danielwood95/iotsnp): the
    label is no sentence of the title's."""
    parsed = parse_reference(
        "IEEE 2004. IEEE TCSC Executive Committee. In Proceedings of the IEEE International Conference "
        "on Web Services (ICWS ’04). IEEE Computer Society, Washington, DC, USA, 21–22."
    )
    assert parsed.title == "IEEE TCSC Executive Committee"
