"""What ``bench/bench_tagger_heldout.py`` judges a reading against (`printed_truth`): what the style
printed, where the data's labels of a token that joins two fields say otherwise."""

from __future__ import annotations

import pytest
from repo_scripts import load

bench = load("bench", "bench_tagger_heldout")


def row(record: str, labelled: str, year: int | None) -> dict:
    """A data row of ``labelled`` ("Wei|family W.|given …": each token and its label)."""
    tokens, labels = zip(*(pair.split("|") for pair in labelled.split()), strict=True)
    truth = {"title": None, "family": None, "year": year, "container": None, "doi": None}
    return {"record": record, "text": " ".join(tokens), "tokens": tokens, "labels": labels, "truth": truth}


# the same record in a style that prints its year apart, which says the record's year
DATED = row("wei", "Wei,|family W.|given (1990).|date Time|title Series.|title", 1990)
GLUED = row("wei", "Wei|family W.|given Time|title Series.|title 1990:xv|pages +|pages 478.|pages", None)
IN_THE_TITLE = row("wei", "Wei|family W.|given Time|title Series|title 1990.|title", None)
JOINED = row("adil", "Adil,|family D./Bullins,|family B./Sachdeva,|family S.|given (2021):|date", 2021)
GLUED_TO_THE_TITLE = row("wei", "Wei,|family W.|given (1990)Time|title Series.|title", None)
GLUED_TO_A_NAME = row("wei", "Wei,|family W.|given y|author Liu1990“Time|title Series”.|title", None)
OPENS_THE_TITLE = row("wei", "Wei,|family W.|given 1990:|title A|title Time|title Series.|title", None)
SEMICOLONS = row("adil", "Adil|family D;Bullins|family B.|given Title.|title 2021.|date", 2021)
BEFORE_A_DOI = row("wei", "Wei,|family W.|given Title.|title (1990)10.1000/182.|doi", None)
AFTER_AN_ISSUE = row(
    "wei", "Wei,|family W.|given Title,|title TUGboat|container 20:3/1990,|volume bls.|other 1–9.|pages", None
)
AFTER_A_LONG_NUMBER = row("wei", "Wei,|family W.|given Title,|title Report|note 978/1990.|note", None)
A_LABEL = row("okada", "Okada,|family Dejima|family 1995:|date Y.|given Okada,|family Title.|title", 1995)
# GB/T and Vancouver styles rendered without the blank between the venue and the year
AFTER_A_COMMA = row(
    "wei", "Wei|family W.|given Title.|title Nature|container Neuroscience,1990,|container", None
)
BEFORE_THE_VENUE = row("wei", "Wei|family W.|given Title.|title 1990.Cell|container Metab|container", None)
IN_A_VENUES_NAME = row("wei", "Wei|family W.|given Title.|title ICML|container 1990|container", None)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Copyflow: procedures for book composition[M].",
            "Copyflow: procedures for book composition",
            id="a-book",
        ),
        pytest.param(
            "Conference page: Practical 2018 announcement[J/OL].",
            "Conference page: Practical 2018 announcement",
            id="online",
        ),
        pytest.param(
            "Random Feature Attention[C/OL]//ICLR.",
            "Random Feature Attention",
            id="a-paper-in-proceedings-after-the-double-slash",
        ),
        pytest.param(
            "A Low Cost Laser Beam Printer Controller[C]//191-195.",
            "A Low Cost Laser Beam Printer Controller",
            id="a-part-whose-whole-is-left-unnamed",
        ),
        pytest.param("Arts et métiers graphiques", "Arts et métiers graphiques", id="no-mark"),
        pytest.param("The [M] of it", "The [M] of it", id="a-mark-inside-the-title"),
    ],
)
def test_gbt_kind_of_work_mark_is_not_the_titles(title: str, expected: str) -> None:
    printed = {**DATED, "truth": {**DATED["truth"], "title": title}}
    truth, was_mended = bench.printed_truth(printed, bench.record_years([DATED]))
    assert (truth["title"], was_mended) == (expected, title != expected)


@pytest.mark.parametrize(
    ("labelled", "title"),
    [
        pytest.param("Wei,|family W.|given y|author Liu1990“Time|title Series”.|title", "“Time Series”.",
                     id="glued-to-a-name-in-the-titles-token"),
        pytest.param("Wei,|family W.|given y|author Liu1990“Time|family Series”.|title", "“Time Series”.",
                     id="glued-to-a-name-in-the-names-token"),
        pytest.param("Wei,|family W.|given (1990)Time|title Series.|title", "Time Series.",
                     id="glued-after-the-years-bracket"),
        pytest.param("Wei,|family W.|given 1990:|title A|title Time|title Series.|title",
                     "1990: A Time Series.",
                     id="a-year-that-is-the-titles-first-word"),
        pytest.param("Wei,|family W.|given Time|title Series|title 1990.|title", "Time Series 1990.",
                     id="a-year-at-the-titles-end"),
        pytest.param("Wei,|family W.|given (1990).|date Time|title Series.|title", "Time Series.",
                     id="as-labelled"),
        pytest.param("Wei,|family W.|given 1990b.|date Time|title Series.|title", "Time Series.",
                     id="the-years-own-letter"),
    ],
)  # fmt: skip
def test_a_title_glued_to_the_year_before_it_is_the_words_after_the_year(labelled: str, title: str) -> None:
    printed = row("wei", labelled, None)
    printed["truth"]["title"] = " ".join(
        token for token, label in zip(printed["tokens"], printed["labels"], strict=True) if label == "title"
    )
    truth, _ = bench.printed_truth(printed, bench.record_years([DATED, printed]))
    assert truth["title"] == title


@pytest.mark.parametrize(
    ("printed", "family", "year", "mended"),
    [
        pytest.param(GLUED, "Wei", 1990, True, id="a-year-glued-to-the-pages"),
        pytest.param(IN_THE_TITLE, "Wei", None, False, id="a-year-in-the-title-is-no-date"),
        pytest.param(JOINED, "Adil", 2021, True, id="names-joined-without-a-space"),
        pytest.param(GLUED_TO_THE_TITLE, "Wei", 1990, True, id="a-year-glued-to-the-title-it-opens"),
        pytest.param(GLUED_TO_A_NAME, "Wei", 1990, True, id="a-year-between-a-name-and-the-title"),
        pytest.param(OPENS_THE_TITLE, "Wei", None, False, id="a-year-that-is-the-title-s-first-word"),
        pytest.param(BEFORE_A_DOI, "Wei", 1990, True, id="a-year-in-brackets-glued-to-a-doi"),
        pytest.param(SEMICOLONS, "Adil D", 2021, True, id="names-joined-by-a-semicolon"),
        pytest.param(A_LABEL, "Okada", 1995, True, id="a-label-s-family-names"),
        pytest.param(AFTER_AN_ISSUE, "Wei", 1990, True, id="an-issue-s-date-after-its-slash"),
        pytest.param(AFTER_A_LONG_NUMBER, "Wei", None, False, id="no-year-after-a-long-number-s-slash"),
        pytest.param(AFTER_A_COMMA, "Wei", 1990, True, id="a-year-after-a-venue-s-comma"),
        pytest.param(BEFORE_THE_VENUE, "Wei", 1990, True, id="a-year-before-a-period-and-the-venue"),
        pytest.param(IN_A_VENUES_NAME, "Wei", None, False, id="a-year-in-a-venue-s-name-is-no-date"),
        pytest.param(DATED, "Wei", 1990, False, id="as-labelled"),
    ],
)
def test_the_truth_is_what_the_style_printed(
    printed: dict, family: str, year: int | None, mended: bool
) -> None:
    truth, was_mended = bench.printed_truth(printed, bench.record_years([DATED, printed]))
    assert (truth["family"], truth["year"], was_mended) == (family, year, mended)


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param("pages=weights.json", id="a-field-without-an-arbiter"),
        pytest.param("title=no-such-file.json", id="a-file-that-is-not-there"),
        pytest.param("title", id="no-file-at-all"),
    ],
)
def test_other_arbiter_weights_given_wrongly_are_one_line(spec: str) -> None:
    assert bench.use_arbiters([spec]) == (
        f"--arbiter wants FIELD=FILE, FIELD one of title, venue, year, authors: {spec}"
    )


def test_other_arbiter_weights_replace_the_shipped_ones(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bibnorm.readers import _venue_arbiter
    from bibnorm.readers._arbiter import Arbiter, stored_weights

    arbiter = Arbiter({"rules": {"bias": 1.0}, "model": {}, "none": {}}, overrule=0.7)
    weights = tmp_path / "venue.json"
    weights.write_text(bench.json.dumps(stored_weights("a test", arbiter.weights, arbiter)), "utf-8")
    monkeypatch.setattr(_venue_arbiter, "packaged_arbiter", _venue_arbiter.packaged_arbiter)  # undone after
    assert bench.use_arbiters([f"venue={weights}"]) is None
    assert _venue_arbiter.packaged_arbiter(_venue_arbiter.WEIGHTS_FILE) == arbiter


@pytest.mark.parametrize(
    ("text", "item"),
    [
        pytest.param("[12] Wei W. Time series.", "Wei W. Time series.", id="a-number-in-brackets"),
        pytest.param("12. Wei W. Time series.", "Wei W. Time series.", id="a-number-and-a-period"),
        pytest.param("[Wei90] Wei W. Time series.", "Wei W. Time series.", id="an-alphabetic-label"),
        pytest.param("1990. Time series. Boston.", "1990. Time series. Boston.", id="a-year-first"),
    ],
)
def test_the_rules_read_an_item_as_the_list_splitter_hands_it_over(text: str, item: str) -> None:
    assert bench.as_item(text) == item


def test_names_holding_another_fields_words_are_counted_per_reader() -> None:
    """A reader's names that hold a word the truth labels as another field's (the title's
    "Cartography" read into "Field K.") count; a name's own word, in any case, does not."""
    field = row("field", "Field|family K.|given Cartography.|title Redlands,|place 2018.|date", 2018)
    truth = {"tokens": field["tokens"], "labels": field["labels"]}
    read = {
        "tagger": {"authors": ("Field K.",)},
        "rules": {"authors": ("Field K. Cartography",)},
        "product": {"authors": ("FIELD K.",)},
    }
    assert bench.names_holding_other_fields({"vancouver": [(truth, read)]}) == (1, [0, 1, 0])
