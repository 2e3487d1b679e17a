"""The reader's learned year choice (`bibnorm.readers._year_arbiter`): the rules' year, the tagger's
or none, by the logistic regression of `bibnorm.readers._arbiter` over what both readings say."""

from __future__ import annotations

import pytest
from bibnorm.readers._arbiter import CHOICES, packaged_arbiter
from bibnorm.readers._year_arbiter import WEIGHTS_FILE, overruled_year, year_features
from test_field_choice import (
    LABELS,
    TEXT,
    tagged,
    tagged_as,
)  # "Zhai, X., Beyer, L.: … In: CVPR, pp. 1–10 (2022)"
from test_title_arbiter import sure_of

# the model reads the date as pages: it reads no year
NO_DATE = (*LABELS[:-1], "pages")


@pytest.mark.parametrize(
    ("rules_year", "labels", "present", "absent"),
    [
        pytest.param(
            2022,
            LABELS,
            {"same": 1.0, "rules:bracketed": 1.0, "rules:last-token": 1.0, "model:confidence>=0.99": 1.0},
            {"rules:none", "model:none", "rules:in-range"},
            id="both-read-the-same",
        ),
        pytest.param(
            2022,
            NO_DATE,
            {"model:none": 1.0, "rules-read:numbers": 1.0, "model:none&rules-read:numbers": 1.0},
            {"same", "model:confidence"},
            id="the-model-reads-pages-there",
        ),
        pytest.param(None, LABELS, {"rules:none": 1.0, "model:confidence": 0.99}, {"same"}, id="rules-none"),
    ],
)
def test_the_features_say_where_each_year_is_printed(
    rules_year: int | None, labels: tuple[str, ...], present: dict[str, float], absent: set[str]
) -> None:
    features = year_features(tagged(labels=labels), rules_year)
    assert {name: features.get(name, 0.0) for name in present} == pytest.approx(present)
    assert not [name for name in absent if features.get(name, 0.0)]


@pytest.mark.parametrize(
    ("arbiter", "rules_year", "kept", "expected"),
    [
        pytest.param(sure_of("model", 0.97), 2022, 2022, 2022, id="the-same-year-stays"),
        # a number the rules took for the year ("10" of "pp. 1–10"), printed before the model's date
        pytest.param(sure_of("model", 0.97), 10, 10, 2022, id="the-model-s-later-date-overrules"),
        pytest.param(sure_of("model", 0.99), 10, 10, 10, id="below-the-threshold-kept"),
        # only the model's year, printed after the rules': never none, never an earlier date
        pytest.param(sure_of("none", 0.97), 2022, 2022, 2022, id="none-never-overrules"),
        # a year the rules read none of stays the hand-written choice's (filled where the model is sure)
        pytest.param(sure_of("none", 0.97), None, 2022, 2022, id="the-rules-none-is-kept"),
        # a year the string does not print (carried over, made): the regression learnt none of those
        pytest.param(sure_of("none", 0.97), 1022, 1022, 1022, id="a-year-not-printed-is-kept"),
    ],
)
def test_the_year_is_overruled_where_the_arbiter_is_sure(
    arbiter, rules_year: int | None, kept: int | None, expected: int | None
) -> None:
    assert overruled_year(tagged(), kept, rules_year, arbiter) == expected


# alpha's book, its series' note after the sentence its year ends: the model reads the note's date
NOTE = (
    "Nicolaas Govert de Bruijn. AUTOMATH, a language for mathematics. Montreal, Quebec, 1973. "
    "Séminaire de Mathématiques Supérieures, No. 52 (Été 1971)."
)
NOTE_LABELS = (
    "given", "given", "family", "family", "title", "title", "title", "title", "title", "place", "place",
    "other", "note", "note", "note", "note", "note", "note", "date", "date",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "labels", "rules_year", "expected"),
    [
        # "10" of "pp. 1–10" read as the year, the model's "(2022)" after it
        pytest.param(TEXT, LABELS, 10, 2022, id="a-date-the-rules-may-read-overrules"),
        pytest.param(NOTE, NOTE_LABELS, 1973, 1973, id="a-year-in-a-note-after-the-dated-sentence-does-not"),
    ],
)
def test_the_model_s_year_overrules_only_where_the_rules_may_date_the_work_by_it(
    text: str, labels: tuple[str, ...], rules_year: int, expected: int
) -> None:
    """The arbiter sure of the model's later date: taken, but not from a note the rules' own
    dating leaves out (`_ref_dates.dating_text`)."""
    reading = tagged_as(text, labels)
    assert overruled_year(reading, rules_year, rules_year, sure_of("model", 0.97)) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a range of years in a book's title, the model sure of the date after the publisher
        pytest.param(
            "Buchanan-Brown J. Early Victorian illustrated books: Britain, France and Germany, "
            "1820–1860. London, UK: British Library; 2005. p. 304.",
            2005,
            id="a-range-in-the-title",
        ),
        # a conference's date before the work's (real lists; the model's first date is the event's)
        pytest.param(
            "Zurbach, Julien. “Miletus, a great city and the social tensions of the archaic period”. In: "
            "Karia Arkhaia: La Carie, des origines à la période préhékatomnide, Istanbul, 14-16 novembre "
            "2013. Ed. by Olivier Henry. Istanbul, 2019, pp. 113–124.",
            2019,
            id="an-event-s-date-before",
        ),
        # the pages read by the rules as the year, after the journal's year and volume
        pytest.param(
            "C. A. Donnelly, A. C. Ghani, G. M. Leung, A. J. Hedley, C. Fraser, S. Riley, et al., "
            "Lancet 2003, 361, 1761.",
            2003,
            id="pages-after-the-year-and-volume",
        ),
        # a volume's number and GOST's page like years after the work's year
        pytest.param(
            "Wilkinson, RA & Wilson, CL 1993, ‘Using self-organizing recognition as a mechanism for "
            "rejecting segmentation errors’, Proceedings of SPIE, vol. 1825, pp. 378–388.",
            1993,
            id="a-volume-s-number",
        ),
        pytest.param(
            "Weisstein E. W. The CRC Concise Encyclopedia of Mathematics. — 2000 N.W. Corporate Blvd., "
            "Boca Raton, FL 33431-9868, USA : CRC Press, 1999. — P. 1969.",
            1999,
            id="gost-s-page",
        ),
        # an address's number after the work's year, which the model reads as the place's
        pytest.param(
            "Weisstein, E. W., 1999, The CRC Concise Encyclopedia of Mathematics, CRC Press, 2000 N.W. "
            "Corporate Blvd., Boca Raton, FL 33431-9868, USA, ISBN 0-8493-9640-9.",
            1999,
            id="an-address-s-number",
        ),
        # a first edition's year in brackets, then the work's own, which the model reads as the title's
        pytest.param(
            "Parker, T. S.; Chua, L. O. ((1890) 1989): Practical Numerical Algorithms for Chaotic "
            "Systems. Edited by Paul A. Samuelson. Berlin, Germany: Springer-Verlag.",
            1989,
            id="a-first-edition-s-year-then-the-work-s",
        ),
        # APA's note of the original's year (in French), a work without authors
        pytest.param(
            "The art of the book in the twentieth century: a study of eleven influential book designers "
            "from 1900 to 2000. (2010). The art of the book in the twentieth century (p. xviii + 179). "
            "Rochester, NY, USA : RIT Cary Graphic Arts Press. (Ouvrage original publié en 1902).",
            2010,
            id="apa-s-original-work-published",
        ),
        # a work without names, its year in their place, a range of years in its title
        pytest.param(
            "(2009). Picturing Victorian America: prints by the Kellogg brothers of Hartford, "
            "Connecticut, 1830–1880 (Hartford, CT, USA: Connecticut Historical Society).",
            2009,
            id="the-year-first",
        ),
        # a Japanese list's pages, "頁"
        pytest.param(
            "Y. W. C. Duan ほか 「A point-charge force field for molecular mechanics simulations」 "
            "J. Comput. Chem. 24巻 1999–2012頁 (2003)",
            2003,
            id="pages-in-kanji",
        ),
        # a year glued to the last initial's period
        pytest.param(
            "Price, L.A.1981“Hebrew letter (with source)”, TUGboat 2 1: 122.", 1981, id="glued-to-an-initial"
        ),
        # what real lists print and the generated data does not: kept as the rules read them
        pytest.param(
            "Freud, S. (1925/2003). Notiz über den Wunderblock. Frankfurt: Fischer.", 1925, id="reprint"
        ),
        pytest.param("Smith, J. (2015a). A title of a paper. Journal of Things, 3, 1–10.", 2015, id="2015a"),
        pytest.param("Smith, J. (in press). A title of a paper. Journal of Things.", None, id="in-press"),
        pytest.param(
            "Smith, J. (n.d.). A title of a web page. Retrieved from https://example.org", None, id="n.d."
        ),
    ],
)
def test_the_reader_reads_the_printed_date_not_a_number_like_a_year(text: str, year: int | None) -> None:
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(text, "refs.txt")
    assert query.year == year


def test_the_shipped_weights_overrule_where_sure() -> None:
    arbiter = packaged_arbiter(WEIGHTS_FILE)
    assert set(arbiter.weights) == set(CHOICES)
    assert not arbiter.fills and 0.5 <= arbiter.overrule < 1
