"""An APA title of two sentences in a style that sets titles in sentence case (apacite): the second
sentence, lowercased, continues the title ("Machine learning software architecture and model
workflow. a case of django rest framework."); a venue after the title still ends it, also one
whose name opens in lower case ("arXiv preprint", "npj Digital Medicine").

The first strings are as the PDF reader reads them from a real dissertation
(ChristianByabushi/dissertation-theorie, draft.pdf); the others are the controls.
"""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Hadullo, K. O., & Getuno, D. (2021). Machine learning software architecture and model workflow. "
            "a case of django rest framework. American Journal of Applied Sciences, 18 (1), 152–164.",
            "Machine learning software architecture and model workflow. a case of django rest framework",
            id="second-sentence-lowercased",
        ),
        pytest.param(
            "Zihindula, P. E. (2023a). Courses of multivariate statistical analysis. part2. python et les "
            "données : Numpy et pandas. (23), 2–10.",
            "Courses of multivariate statistical analysis. part2. python et les données : Numpy et pandas",
            id="three-sentences-a-number-in-a-word",
        ),
        pytest.param(
            "Mishra, A. R. (2007). Advanced cellular network planning and optimisation: 2g/2.5 g/3g... "
            "evolution to 4g. John Wiley & Sons.",
            "Advanced cellular network planning and optimisation: 2g/2.5 g/3g... evolution to 4g",
            id="after-an-ellipsis",
        ),
        pytest.param(
            "Smith, J. (2019). Deep nets. arXiv preprint arXiv:1901.00001.",
            "Deep nets",
            id="arxiv-venue-ends-it",
        ),
        pytest.param(
            "Smith, J. (2019). Deep nets. npj Digital Medicine, 2, 1–5.", "Deep nets", id="npj-venue-ends-it"
        ),
        pytest.param(
            "Smith, J. (2019). Deep nets. Journal of Nets, 2, 1–5.",
            "Deep nets",
            id="capitalised-venue-ends-it",
        ),
        pytest.param(
            "Medbery, James K (1870). Men and Mysteries of Wall Street. url: http://x.org/ (cit. on p. 34).",
            "Men and Mysteries of Wall Street",
            id="a-field-label-ends-it",
        ),
    ],
)
def test_a_lowercased_second_sentence_continues_an_apa_title(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_a_sentence_inside_parentheses_does_not_go_on_into_the_title() -> None:
    """biblatex's "(cit. on pp. 41, 42, 98)" after the link: "on" opens no sentence of the title."""
    text = (
        "Stan Development Team (2015). Stan Modeling Language Users Guide and Reference Manual, Version "
        "2.7.0. url: http://mc-stan.org/ (cit. on pp. 41, 42, 98)."
    )
    assert "cit" not in (parse_reference(text).title or "")
