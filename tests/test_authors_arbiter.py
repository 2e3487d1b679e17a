"""The reader's learned choice of authors (`bibnorm.readers._authors_arbiter`): the rules' list, the
tagger's or none, by the logistic regression of `bibnorm.readers._arbiter` over what both readings say."""

from __future__ import annotations

import pytest
from bibnorm.readers._arbiter import CHOICES, packaged_arbiter
from bibnorm.readers._authors_arbiter import WEIGHTS_FILE, authors_features, overruled_authors
from test_field_choice import LABELS, tagged  # "Zhai, X., Beyer, L.: Scaling vision transformers. …"
from test_title_arbiter import sure_of

TITLE = "Scaling vision transformers"
OWN = ("Zhai, X.", "Beyer, L.")  # the model's names of `tagged()`
LOST_ONE = ("Beyer, L.",)  # the rules lost the first name
# the model reads the names as an edited book's editors
EDITORS = ("editor",) * 4 + LABELS[4:]
# the model reads the first name as given names, and no family name: the second name in the title
UNFINISHED = ("given", "given", "title", "title", *LABELS[4:])


@pytest.mark.parametrize(
    ("rules_authors", "labels", "present", "absent"),
    [
        pytest.param(
            OWN, LABELS, {"first:same": 1.0, "rules-first:names": 1.0}, {"rules:none"}, id="the-same"
        ),
        pytest.param(
            LOST_ONE, LABELS, {"first:apart": 1.0, "rules:names=1": 1.0}, {"first:same"}, id="a-name-lost"
        ),
        pytest.param(
            (), LABELS, {"rules:none": 1.0, "model:confidence": 0.99}, {"first:same"}, id="rules-none"
        ),
        pytest.param(
            OWN, EDITORS, {"model:none": 1.0, "rules-first:editor": 1.0}, {"first:same"}, id="editors"
        ),
    ],
)
def test_the_features_say_how_the_two_author_lists_compare(
    rules_authors: tuple[str, ...], labels: tuple[str, ...], present: dict[str, float], absent: set[str]
) -> None:
    features = authors_features(tagged(labels=labels), rules_authors, TITLE)
    assert {name: features.get(name, 0.0) for name in present} == pytest.approx(present)
    assert not [name for name in absent if features.get(name, 0.0)]


@pytest.mark.parametrize(
    ("arbiter", "rules_authors", "labels", "kept", "expected"),
    [
        pytest.param(sure_of("model", 0.97), LOST_ONE, LABELS, LOST_ONE, OWN, id="sure-of-another-overrules"),
        pytest.param(sure_of("model", 0.99), LOST_ONE, LABELS, LOST_ONE, LOST_ONE, id="below-the-threshold"),
        # the same first author: the rules' list stays ("Zhai, X.", not a name the model cut)
        pytest.param(
            sure_of("model", 0.97),
            ("Zhai, X.", "L."),
            LABELS,
            ("Zhai, X.", "L."),
            ("Zhai, X.", "L."),
            id="same-first",
        ),
        # names the string does not print (carried over from the reference before) stay
        pytest.param(
            sure_of("none", 0.97), ("Someone, A.",), LABELS, ("Someone, A.",), ("Someone, A.",), id="carried"
        ),
        # an edited book's editors head it: not dropped
        pytest.param(sure_of("none", 0.97), OWN, EDITORS, OWN, OWN, id="editors-stay"),
        # a name the model began and did not finish is no sign that the reference has no authors
        pytest.param(sure_of("none", 0.97), OWN, UNFINISHED, OWN, OWN, id="unfinished-name-stays"),
    ],
)
def test_the_authors_are_overruled_where_the_arbiter_is_sure(
    arbiter, rules_authors, labels, kept, expected
) -> None:
    assert overruled_authors(tagged(labels=labels), kept, rules_authors, TITLE, arbiter) == expected


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a Japanese list's Western names, which the rules of a script without spaces read none of
        pytest.param(
            "Barbara Beeton 「Multi-column output format」 TUGboat 3巻 2号 28–33頁 (1982)",
            "Barbara Beeton",
            id="cjk",
        ),
        # a given name and an initial the rules read as a name ("Family I."), the family name left
        # to open their title
        pytest.param(
            "John F. Rathé, Bibliography of the Typophile chap books, 1935–1992, vol. 60, Typophiles, "
            "New York, NY, USA, 1992.",
            "John F. Rathé",
            id="given-first-cut-at-an-initial",
        ),
        # a middle initial without its period: the model reads the family name into the title
        pytest.param(
            "Christopher M Bishop. Pattern recognition and machine learning. Springer, 2006.",
            "Christopher M Bishop",
            id="a-bare-middle-initial",
        ),
        # a person's name the rules read none of, the model less than all but sure of it
        pytest.param(
            "Helmut Kopka, Band 2: Ergänzungen, Bonn, Germany, 1994.", "Helmut Kopka", id="a-person-s-name"
        ),
        pytest.param("K. Reckdahl, 1996, 17, 288.", "K. Reckdahl", id="a-name-and-numbers"),
        # a label of the first author's family name and the year, the names printed again after it:
        # the name as printed there, the label gone
        pytest.param(
            "Heck 1993: A. Heck, Introduction to Maple, Berlin, Germany, Springer-Verlag, 1993.",
            "A. Heck",
            id="a-label-then-the-names",
        ),
        pytest.param(
            "Haralambous 1993 : Y. HARALAMBOUS, Parametrization of PostScript fonts through METAFONT, "
            "dans Electronic Publishing, 6, 3, 1993, p. 145-157.",
            "Y. HARALAMBOUS",
            id="a-label-then-names-in-capitals",
        ),
        # a family name, then the given name in brackets, which the rules read none of
        pytest.param(
            "Kronenberg (Shirley), Cold type composition; equipment and technique, a handbook of "
            "typesetting and layout, Stamford, CT, USA, 1967, p. 138.",
            "Kronenberg (Shirley)",
            id="the-given-name-in-brackets",
        ),
        # initials and a family name the rules read as the title: a person's name, no title
        pytest.param("P.A. MacKay, 1991, 205.", "P.A. MacKay", id="initials-and-a-family-name-alone"),
        # a case's parties, one name twice: no label, no initial before the second
        pytest.param("Wennberg v. Wennberg. 2013.", None, id="a-case-s-parties-named-twice"),
        pytest.param("Anonymous, Technology Reviews, 1994, 230", "Anonymous", id="a-name-and-a-title"),
        # an act's name and a group's, which the model reads as names, less sure (real lists)
        pytest.param(
            "Lilly Leadbetter Fair Play Act of 2009, Pub. L. No. 111-2, 123 Stat. 5 (2009). "
            "https://www.govinfo.gov/content/pkg/PLAW-111publ2/pdf/PLAW-111publ2.pdf",
            None,
            id="an-act",
        ),
        pytest.param(
            "Mission, Vision & Values. (n.d.). Retrieved September 15, 2011, from "
            "http://www.tchabitat.org/missionvisionvalues",
            None,
            id="a-group-s-page",
        ),
        # a case's parties are no authors (real lists; no validation style prints one)
        pytest.param(
            "Brown v. Board of Education, 347 U.S. 483 (1954). http://www.oyez.org/cases/1940-1955/347us483",
            None,
            id="case",
        ),
    ],
)
def test_the_reader_reads_the_first_author(text: str, first: str | None) -> None:
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(text, "refs.txt")
    assert (query.authors[0] if query.authors else None) == first


def test_the_shipped_weights_fill_and_overrule_where_sure() -> None:
    arbiter = packaged_arbiter(WEIGHTS_FILE)
    assert set(arbiter.weights) == set(CHOICES)
    assert arbiter.fills and 0.5 <= arbiter.overrule < 1
