"""GB/T 7714 (the Chinese national standard, and every Chinese thesis class) closes a title with
its kind of work's code in brackets, then a period or the "//" before the work it is part of:
"Title[C]//Proceedings …", "Title[M]//Book …", "Title[J]. Journal …". The mark ends the title and
is no part of it, nor of the venue after it."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        pytest.param(
            "Gao Z, Zhu H, Li Y, et al. Location privacy in database-driven cognitive radio networks: "
            "Attacks and countermeasures[C]//INFOCOM, 2013 Proceedings IEEE. [S.l.]: IEEE, 2013: 2751–2759.",
            "Location privacy in database-driven cognitive radio networks: Attacks and countermeasures",
            "INFOCOM",
            id="conference-paper",
        ),
        pytest.param(
            "Dwork C. Differential privacy[M]//Automata, languages and programming.[S.l.]: Springer, "
            "2006: 1–12.",
            "Differential privacy",
            "Automata",
            id="chapter-in-a-book",
        ),
        pytest.param(
            "Bahrak B. Ex Ante Approaches for Security, Privacy, and Enforcement in Spectrum Sharing[D]."
            "[S.l.]: Virginia Polytechnic Institute and State University, 2013.",
            "Ex Ante Approaches for Security, Privacy, and Enforcement in Spectrum Sharing",
            None,
            id="thesis",
        ),
    ],
)
def test_the_kind_of_work_mark_ends_the_title(text: str, title: str, venue: str | None) -> None:
    """The title up to the mark; the venue, where the "//" names one, from after it."""
    read = parse_reference(text)
    assert read.title == title
    if venue is not None:
        assert read.venue == venue


def test_the_names_and_year_of_a_marked_reference() -> None:
    read = parse_reference(
        "Gao Z, Zhu H, Li Y, et al. Location privacy in database-driven cognitive radio networks: "
        "Attacks and countermeasures[C]//INFOCOM, 2013 Proceedings IEEE. [S.l.]: IEEE, 2013: 2751–2759."
    )
    assert read.authors == ("Gao Z", "Zhu H", "Li Y", "others")
    assert read.year == 2013


def test_a_bracketed_capital_inside_a_title_is_no_mark() -> None:
    """Only a code right after the title's last word and before "." or "//" is the mark."""
    read = parse_reference("Smith J. The [M] operator in modal logic. Journal of Logic, 2001, 5(2): 1–10.")
    assert read.title == "The [M] operator in modal logic"


def test_a_quoted_title_keeps_its_reading() -> None:
    """A quoted title's end its quotes tell: the mark after them changes nothing."""
    marked = parse_reference("陶仁骥 (1984)。“密码学与数学”[J]。自然杂志，7(7)：527。")
    assert marked.title.strip("“”") == "密码学与数学"
