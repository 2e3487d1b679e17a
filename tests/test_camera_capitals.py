"""Camera-ready, round three: capitals a careful reader expects after "?" and "!",
in a lone capital letter ("worth C x 16 x 16"),
after a dash subtitle, and in "X-Rays", kept through the styles' sentence case.

BibTeX's ``change.case$`` keeps a title's first letter and the letter after ": ", and lowers
every other unbraced capital; so a word that begins a sentence anywhere else needs braces.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.models import PartialDate, Person, Reference
from bibnorm.text.capitals import evidence_for
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.latex_text import title_to_latex
from clients import flat, typeset_bibtex


@pytest.mark.parametrize(
    ("title", "written"),
    [
        pytest.param(
            "What Do CNNs Learn? A Visual Exploration",
            "What Do {CNNs} Learn? {A} Visual Exploration",
            id="after-question-mark",
        ),
        pytest.param("Say Hello! Again and Again", "Say Hello! {Again} and Again", id="after-exclamation"),
        pytest.param('Is It "Real?" Maybe Not', 'Is It "Real?" {Maybe} Not', id="after-quoted-question"),
        pytest.param(
            "Deep Nets - A Study of Depth", "Deep Nets - {A} Study of Depth", id="after-spaced-dash"
        ),
        pytest.param(
            '"Why Should I Trust You?": Explaining the Predictions',
            '"{Why} Should {I} Trust You?": Explaining the Predictions',
            id="colon-after-question-keeps-its-own-capital",
        ),
        pytest.param(
            "Learning from Chest X-Rays", "Learning from Chest {X}-Rays", id="letter-joined-to-a-word"
        ),
        pytest.param("Worth C x 16 x 16 Words", "Worth {C} x 16 x 16 Words", id="lone-letter"),
        pytest.param("Vitamin D and You", "Vitamin {D} and You", id="lone-letter-name"),
        pytest.param("Learning A Model of A Scene", "Learning A Model of A Scene", id="the-article-a"),
        pytest.param(
            "Self-Supervised Learning of Depth", "Self-Supervised Learning of Depth", id="no-letter"
        ),
        pytest.param("Pre-training is all you need", "Pre-training is all you need", id="lower-compound"),
    ],
)
def test_sentence_starts_inside_a_title_are_braced(title: str, written: str) -> None:
    assert title_to_latex(title, evidence=evidence_for(title, None)).text == written


@pytest.mark.clients
def test_plain_keeps_the_capitals_after_a_question_and_in_x_rays(tmp_path: Path) -> None:
    titles = ("What Do CNNs Learn? A Visual Exploration", "Learning from Chest X-Rays")
    references = [
        (
            f"k{index}",
            Reference(
                title=title,
                authors=(Person(given="Ada", family="Lovelace"),),
                issued=PartialDate(year=2020),
                entry_type="misc",
            ),
        )
        for index, title in enumerate(titles)
    ]
    text = typeset_bibtex(tmp_path, get_writer("bibtex").write(references, WriterOptions()), "plain")
    assert flat("What do CNNs learn? A visual exploration") in text
    assert flat("Learning from chest X-rays") in text
