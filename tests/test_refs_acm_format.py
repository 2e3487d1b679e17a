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
    ],
)  # fmt: skip
def test_a_web_sites_name_is_its_title(text: str, title: str) -> None:
    """ACM's misc entries with only a name and a link (a wiki's underscore printed as a space)."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, ())
