"""A title quoted as German, Dutch and Nordic lists quote it — low-high („…“, ‚…‘) or with
guillemets pointing inwards (»…«) — is read without its quotes, as an English or French quoted
title is; a quotation mark alone, or a pair of another kind, stays as it was."""

from __future__ import annotations

import time

import pytest
from bibnorm.readers.refs import _as_quoted_in_english, parse_reference, read_refs


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        pytest.param(
            "Müller, H. und Schmidt, E. (2019): „Ein Titel über Dinge“. "
            "In: Zeitschrift für Sachen 12, S. 1–10.",
            "Ein Titel über Dinge",
            2019,
            id="German author-year, low-high double quotes",
        ),
        pytest.param(
            "Müller, H., „Ein Titel über Dinge“, Zeitschrift für Sachen 12 (2019), S. 1–10.",
            "Ein Titel über Dinge",
            2019,
            id="German, quotes closed by a comma",
        ),
        pytest.param(
            "Müller, Hans: »Ein anderer Titel über Sachen«, in: Zeitschrift für Sachen 12 (2019), S. 1–10.",
            "Ein anderer Titel über Sachen",
            2019,
            id="German guillemets pointing inwards",
        ),
        pytest.param(
            "Jansen, P. (2018). ‚Een titel over dingen en zaken‘. Tijdschrift voor Zaken, 12, 1–10.",
            "Een titel over dingen en zaken",
            2018,
            id="Dutch single low-high quotes",
        ),
        pytest.param(
            "Smith, J. “A title about things”, Journal of Things 12 (2019) 1–10.",
            "A title about things",
            2019,
            id="English quotes, as before",
        ),
    ],
)
def test_a_low_high_quoted_title_is_read_without_its_quotes(text: str, title: str, year: int) -> None:
    read = parse_reference(text)
    assert (read.title, read.year) == (title, year)


def test_a_pasted_german_list_reads_its_quoted_titles() -> None:
    text = (
        "Literatur\n\n"
        "[1] Müller, H. und Schmidt, E. (2019): „Ein Titel über Dinge“. "
        "In: Zeitschrift für Sachen 12, S. 1–10.\n"
        "[2] Müller, Hans: »Ein anderer Titel über Sachen«, in: Zeitschrift für Sachen 12 (2019), S. 1–10.\n"
    )
    assert [query.title for query in read_refs(text, "list.txt")] == [
        "Ein Titel über Dinge",
        "Ein anderer Titel über Sachen",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Wert „ohne Ende und ohne Schluss", "Wert „ohne Ende und ohne Schluss", id="an opening mark alone"
        ),
        pytest.param("„eins\nzwei“", "„eins\nzwei“", id="no pair across a line break"),
        pytest.param("a » b and c « d", "a « b and c » d", id="inward guillemets on one line are a pair"),
    ],
)
def test_only_a_pair_on_one_line_is_read_as_quotes(text: str, expected: str) -> None:
    assert _as_quoted_in_english(text) == expected


def test_many_opening_marks_without_a_close_take_linear_time() -> None:
    def seconds(text: str) -> float:
        started = time.process_time()
        _as_quoted_in_english(text)
        return time.process_time() - started

    for pump in ("„", "„a", "»", "‚ "):
        short, long = (min(seconds(pump * n) for _ in range(3)) for n in (20_000, 80_000))
        assert long < 0.05 or long < 8 * short, (pump, short, long)
