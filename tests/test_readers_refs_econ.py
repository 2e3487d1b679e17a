"""econ-bst's numbered layout (econ-b, from its sample document in texlive-doc): titles in
single quotes closed after their period ("‘Title.’ Journal"), and the names that repeat the
previous reference's printed as nothing, their punctuation kept (", , & , ‘Title.’").
"""

from __future__ import annotations

import pytest
from bibnorm.models import Origin
from bibnorm.readers._ref_elided import with_elided_names
from bibnorm.readers._reflist import Item, Layout, ReferenceList
from bibnorm.readers.refs import parse_reference, queries_from_list

PREVIOUS = ("d’Aspremont, Claude", "Jacques Crémer", "Louis-André Gérard-Varet")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Attwood, Feona, ‘Sexed Up: Theorizing the Sexualization of Culture.’ Sexualities, 9 (1), "
            "77–94, February, 2006.",
            "Sexed Up: Theorizing the Sexualization of Culture", id="period-inside-the-quotes",
        ),
        pytest.param(
            "Babiker, Mustafa H. & Richard S. Eckaus, ‘Unemployment Effects of Climate Policy.’Environmental "
            "Science and Policy, 10 (7-8), 600–609, 2007.",
            "Unemployment Effects of Climate Policy", id="no-space-after-the-quotes",
        ),
        pytest.param(
            "Smith, John, ‘The students’ views on learning’, Journal of Education, 3, 2001.",
            "The students’ views on learning", id="an-apostrophe-inside-is-no-end",
        ),
        pytest.param(
            "Brigham, E. F. (1965) The determinants of residential land values, Land Economics, 41, 325–334.",
            "The determinants of residential land values", id="journal-volume-pages-after-a-comma",
        ),
        pytest.param(
            "Smith, C. H. and Lanier, R. A. (1972) The need for and scope of the audit of management: A "
            "survey of attitudes, Accounting Review, 47 (2), 270–283.",
            "The need for and scope of the audit of management: A survey of attitudes", id="with-an-issue",
        ),
        pytest.param(
            "Doe, J. (2001) Reading, writing, and arithmetic. Journal of Schools, 4, 1–9.",
            "Reading, writing, and arithmetic", id="commas-of-the-title-stay",
        ),
    ],
)  # fmt: skip
def test_a_title_ends_at_its_closing_mark_or_before_the_journal(text: str, title: str) -> None:
    """A single-quoted title ends at its closing mark; in the ``economic`` styles (apecon, ajae:
    texlive-doc's sample), which set no period after the title, a journal, volume and page range
    after its last comma are no part of it."""
    assert parse_reference(text).title == title


@pytest.mark.parametrize(
    ("text", "written"),
    [
        pytest.param(
            ", , & , ‘Balanced Bayesian Mechanisms.’ Journal of Economic Theory, 2004.",
            "d’Aspremont, Claude, Jacques Crémer, & Louis-André Gérard-Varet, ‘Balanced Bayesian "
            "Mechanisms.’ Journal of Economic Theory, 2004.", id="all-three-blank",
        ),
        pytest.param(
            "& Louis-André Gérard-Varet, ‘Linear Inequality Methods.’ Games, 1998.",
            "d’Aspremont, Claude & Louis-André Gérard-Varet, ‘Linear Inequality Methods.’ Games, 1998.",
            id="the-first-blank",
        ),
        pytest.param(
            ", , & Henry D. Jacoby, ‘The Kyoto Protocol.’ October, 1999.",
            "d’Aspremont, Claude, Jacques Crémer, & Henry D. Jacoby, ‘The Kyoto Protocol.’ October, 1999.",
            id="two-blank-then-a-new-name",
        ),
        pytest.param(
            "Attwood, Feona, ‘Sexed Up.’ Sexualities, 2006.",
            "Attwood, Feona, ‘Sexed Up.’ Sexualities, 2006.", id="none-blank",
        ),
        pytest.param(", , , , & , ‘Title.’ 2006.", ", , , , & , ‘Title.’ 2006.", id="more-blank-than-known"),
    ],
)  # fmt: skip
def test_names_left_blank_are_the_previous_references(text: str, written: str) -> None:
    assert with_elided_names(text, PREVIOUS) == written


def test_a_list_gives_each_reference_its_repeated_authors_and_keeps_the_printed_text() -> None:
    texts = [
        "d’Aspremont, Claude, Jacques Crémer, & Louis-André Gérard-Varet, ‘Correlation, Independence, "
        "and Bayesian Incentives.’ Social Choice and Welfare, 21 (2), 281–310, 2003.",
        ", , & , ‘Balanced Bayesian Mechanisms.’ Journal of Economic Theory, 115 (2), 385–396, 2004.",
        "& Louis-André Gérard-Varet, ‘Linear Inequality Methods to Enforce Partnerships under "
        "Uncertainty: An Overview.’ Games and Economic Behavior, 25 (2), 311–336, 1998.",
    ]
    references = ReferenceList(Layout.NUMBERED, [Item(at, text, str(at)) for at, text in enumerate(texts, 1)])
    queries = queries_from_list(references, lambda line: Origin(path="econ.pdf", line=line))
    assert [query.authors[0] for query in queries] == ["d’Aspremont, Claude"] * 3
    assert [query.title for query in queries] == [
        "Correlation, Independence, and Bayesian Incentives",
        "Balanced Bayesian Mechanisms",
        "Linear Inequality Methods to Enforce Partnerships under Uncertainty: An Overview",
    ]
    assert [query.raw for query in queries] == texts
