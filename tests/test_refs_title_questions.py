"""A title that asks a question ends at its question mark only when the venue follows. Lines as
Elsevier's author-year (elsarticle-harv) and the Vancouver template set real third-party .bib
entries."""

from __future__ import annotations

import pytest
from bibnorm.readers._title_questions import title_before_a_marked_question, title_before_question
from bibnorm.readers.refs import parse_reference, read_refs


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Allaby, R.G., 2015. Barley domestication: the end of a central dogma? "
                     "Genome biology 16, 176.",
                     "Barley domestication: the end of a central dogma?", id="elsevier-journal-volume-pages"),
        pytest.param("Tanno, K.i., Willcox, G., 2006. How fast was wild wheat domesticated? Science 311, "
                     "1886–1886.", "How fast was wild wheat domesticated?", id="elsevier-one-word-journal"),
        pytest.param("Craik FI. What is the depth of encoding? J Exp Psychol Gen. 2001;130:1-10.",
                     "What is the depth of encoding?", id="vancouver-journal-abbreviation"),
        pytest.param("Sumers TR, Ho MK. Show or tell? Exploring when (and why) teaching with "
                     "language helps. Cognition. 2023;230:105326.",
                     "Show or tell? Exploring when (and why) teaching with language helps",
                     id="vancouver-subtitle-after-the-question"),
        pytest.param("Whalen J. Should teachers be trained in emergency remote teaching? Lessons learned "
                     "from the COVID-19 pandemic. J Technol Teach Educ. 2020;28(2):189-99.",
                     "Should teachers be trained in emergency remote teaching? Lessons learned from the "
                     "COVID-19 pandemic", id="vancouver-subtitle-with-a-name-in-it"),
        # a subtitle in title case after the question, opening with an indefinite article
        pytest.param("Dutta, P.K., 1991. What Do Discounted Optima Converge To? A Theory of Discount "
                     "Rate Asymptotics in Economic Models. Journal of Economic Theory 55, 64–94.",
                     "What Do Discounted Optima Converge To? A Theory of Discount Rate Asymptotics in "
                     "Economic Models", id="elsevier-subtitle-in-title-case"),
        # the style's own comma or period after the question mark, then the journal
        pytest.param("Hamilton, J. D., 2005. What's real about the business cycle?, Federal Reserve Bank of "
                     "St. Louis Review, July-August, 435–452.", "What's real about the business cycle?",
                     id="a-comma-after-the-question"),
        pytest.param("Hamilton, J. D. 2005. What's real about the business cycle?. Fed. Reserve Bank St. "
                     "Louis Rev., no. July-August:435–452.", "What's real about the business cycle?",
                     id="a-period-after-the-question"),
    ],
)  # fmt: skip
def test_a_question_ends_the_title_only_before_the_venue(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_a_subtitle_that_closes_with_a_year_is_no_venue() -> None:
    """plain's "Names. Title? Subtitle, 2024." (a real .bbl of the project's dev records)."""
    text = (
        "Omri Kaduri, Shai Bagon, and Tali Dekel. What's in the image? A deep-dive into the vision of "
        "vision language models, 2024."
    )
    assert parse_reference(text).title == (
        "What's in the image? A deep-dive into the vision of vision language models"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Was ist Analysis? Zeitschrift für Analysis und ihre Anwendungen",
            "Was ist Analysis?",
            id="a-venue-in-german-its-linking-words-lower-case",
        ),
        pytest.param(
            "Show or tell? Exploring when teaching helps",
            "Show or tell? Exploring when teaching helps",
            id="prose",
        ),
    ],
)
def test_a_venue_writes_in_lower_case_only_the_words_its_abbreviation_leaves_out(
    text: str, title: str
) -> None:
    # title-omitted-words.json: "of", "the", "und", "für" (as "fur"), "ihre"
    assert title_before_question(text) == title


# A question mark the style's own period or comma follows ("cycle?. Federal …") ends the title
# before a venue whichever reader read on past it; a subtitle after a bare question goes on.
@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("What's real about the business cycle?. Federal Reserve Bank of St. Louis Review",
                     "What's real about the business cycle?", id="its-period-then-the-venue"),
        pytest.param("Why Should I Trust You? Explaining the Predictions of Any Classifier",
                     "Why Should I Trust You? Explaining the Predictions of Any Classifier",
                     id="a-title-case-subtitle-after-a-bare-question"),
        pytest.param("Is it?. Probably not, as the results show", "Is it?. Probably not, as the results show",
                     id="no-venue-after-the-mark"),
    ],
)  # fmt: skip
def test_a_marked_question_ends_the_title_before_a_venue(text: str, title: str) -> None:
    assert title_before_a_marked_question(text) == title


def test_a_marked_question_ends_the_title_of_an_abnt_reference() -> None:
    (read,) = read_refs(
        "[1] HAMILTON, James D. What's real about the business cycle?. Federal Reserve Bank of St. Louis "
        "Review, [s. l.], n. July-August, p. 435–452, 2005.\n",
        "list.txt",
    )
    assert read.title == "What's real about the business cycle?"
