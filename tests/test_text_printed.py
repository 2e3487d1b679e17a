"""What a printed reference carries (normalizer/text/printed.py): a record's title and venue,
wherever a reader split the reference; and a title's head before its subtitle
(`text.titles.title_head`), which a citation that leaves the subtitle out carries."""

from __future__ import annotations

import pytest
from bibnorm.text.printed import PrintedText, title_misread, venue_after_title
from bibnorm.text.titles import title_head

ALAA = (
    "Ahmed M. Alaa, Boris van Breugel, Evgeny S. Saveliev, Mihaela van der Schaar. How Faithful is "
    "your Synthetic Data? Sample-level Metrics for Evaluating and Auditing Generative Models. In ICML, 2022."
)
ALAA_TITLE = (
    "How Faithful is your Synthetic Data? Sample-level Metrics for Evaluating and Auditing Generative Models"
)
ZHANG = (
    "Zhiyu Zhang, Ashok Cutkosky, Ioannis Ch. Paschalidis. PDE-Based Optimal Strategy for "
    "Unconstrained Online Learning. In ICML, 2022."
)
SUBAKAN = "Cem Subakan, Mirco Ravanelli. Attention Is All You Need in Speech Separation. In ICASSP, 2021."
BOUMA = (
    "Elijah Robert Bouma-Sims, Hiba Hassan. “It was honestly just gambling”: Investigating the "
    "Experiences of Teenage Cryptocurrency Users on Reddit. In SOUPS, 2024."
)
BOUMA_TITLE = (
    "“It was honestly just gambling”: Investigating the Experiences of Teenage Cryptocurrency Users on Reddit"
)


@pytest.mark.parametrize(
    ("text", "read", "title", "cites"),
    [
        pytest.param(
            ALAA, "How Faithful is your Synthetic Data?", ALAA_TITLE, True, id="cut-at-its-question"
        ),
        pytest.param(BOUMA, "It was honestly just gambling", BOUMA_TITLE, True, id="cut-at-its-quotation"),
        pytest.param(
            ZHANG,
            "Paschalidis",
            "PDE-Based Optimal Strategy for Unconstrained Online Learning",
            True,
            id="a-fragment-of-the-names-read-as-the-title",
        ),
        pytest.param(
            "Rongqin Chen, Leong Hou U. Enhanced Subgraph Learning in 2-FWL GNNs. In KDD, 2025.",
            "In KDD",
            "Enhanced Subgraph Learning in 2-FWL GNNs",
            True,
            id="the-title-read-as-names-the-venue-as-the-title",
        ),
        pytest.param(ALAA, ALAA_TITLE, ALAA_TITLE, True, id="read-whole"),
        pytest.param(
            SUBAKAN,
            "Attention Is All You Need in Speech Separation",
            "Attention Is All You Need",
            False,
            id="the-words-read-run-past-it-another-paper",
        ),
        pytest.param(
            "A. Vaswani. Attention Is All You Need. In NeurIPS, 2017. Reprinted in Deep Learning Notes.",
            "Attention Is All You Need",
            "Deep Learning Notes",
            False,
            id="elsewhere-in-the-text",
        ),
        pytest.param(ALAA, "How Faithful is your Synthetic Data?", "Synthetic Data", False, id="too-short"),
        pytest.param(
            "A. B. Learning to rank. In SIGIR, 2009.",
            "Learning to rank",
            "Learning to rank fast",
            False,
            id="not-in-the-text",
        ),
    ],
)
def test_a_title_misread_is_one_the_text_carries_over_or_just_after_the_words_read(
    text: str, read: str, title: str, cites: bool
) -> None:
    assert title_misread(text, read, title) is cites


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        pytest.param(ALAA, ALAA_TITLE, "ICML", id="after-a-subtitle-read-as-the-venue"),
        pytest.param(
            "A. B. Continual Observation of Joins under Differential Privacy. In Proc. ACM Manag. Data, 2024",
            "Continual Observation of Joins under Differential Privacy",
            "Proc. ACM Manag. Data",
            id="abbreviation-dots",
        ),
        pytest.param(
            "X. Y. Impact of Antiviral Therapy on Uveitis. In Immunity, inflammation and disease, 2023.",
            "Impact of Antiviral Therapy on Uveitis",
            "Immunity, inflammation and disease",
            id="a-comma-in-the-name",
        ),
        pytest.param(
            "X. Y. Deep learning. Nature Communications 521(7553):436–444, 2015.",
            "Deep learning",
            "Nature Communications",
            id="up-to-the-volume",
        ),
        pytest.param(
            "X. Y. 2006. Bootstrapping Path-Based Pronoun Resolution. In Proc. Int. Conf. Comput."
            " Linguistics Annu. Meeting Assoc. Comput. Linguistics, pages 33–40.",
            "Bootstrapping Path-Based Pronoun Resolution",
            "Proc. Int. Conf. Comput. Linguistics Annu. Meeting Assoc. Comput. Linguistics",
            id="up-to-the-pages-word",
        ),
        pytest.param(
            "X. Y. Deep learning. Nature, vol. 521, pp. 436–444, 2015.",
            "Deep learning",
            "Nature",
            id="up-to-vol",
        ),
        # the reference's last line lost (a page's running foot taken for it): no venue printed
        pytest.param(
            "X. Y. A Title Cut Short After It. In", "A Title Cut Short After It", "", id="a-bare-in"
        ),
        pytest.param(
            "X. Y. A Title That Ends The Reference.", "A Title That Ends The Reference", "", id="nothing"
        ),
        pytest.param(ALAA, "A Title Not In The Text", None, id="title-not-in-the-text"),
    ],
)
def test_the_venue_printed_after_a_title_is_read_up_to_a_number(
    text: str, title: str, venue: str | None
) -> None:
    assert venue_after_title(text, title) == venue


def test_words_broken_across_lines_are_found_whole() -> None:
    printed = PrintedText("A. B. Gen- eralization of Deep Nets. In ICLR, 2020.")
    assert printed.find("Generalization of Deep Nets") is not None
    assert printed.find("ization of Deep Nets") is None  # never from inside a word


@pytest.mark.parametrize(
    ("title", "head"),
    [
        pytest.param("Attention: a survey of what we attend to", (), id="a-head-of-one-word"),
        pytest.param("Deep Residual Learning: Going Deeper", ("deep", "residual", "learning"), id="colon"),
        pytest.param(
            "Is Attention All You Need? A Study", ("is", "attention", "all", "you", "need"), id="question"
        ),
        pytest.param("Stop! Hammer Time For Models", (), id="a-head-of-one-word-before-an-exclamation"),
        pytest.param("What Is a Good Question?", (), id="a-question-with-nothing-after"),
        pytest.param("Learning Deep Architectures for AI", (), id="no-subtitle"),
    ],
)
def test_a_title_head_is_what_stands_before_its_subtitle(title: str, head: tuple[str, ...]) -> None:
    assert title_head(title) == head
