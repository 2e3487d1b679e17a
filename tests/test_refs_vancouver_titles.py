"""A Vancouver title after the author list, however it opens: a hyphenated first word ("Single-
and Two-Channel …" is no second author's name) or a lowercase name with a digit ("wav2vec 2.0").
Lines as the Vancouver template sets real third-party .bib entries."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Aalburg S, Beaugeant C. Single- and Two-Channel Noise Reduction for Robust Speech "
                     "Recognition. In: Proc. of COST278; 2002. p. 1-4.",
                     "Single- and Two-Channel Noise Reduction for Robust Speech Recognition",
                     id="hyphenated-opening"),
        pytest.param("Baevski A, Zhou Y, Auli M. wav2vec 2.0: A Framework for Self-Supervised Learning "
                     "of Speech Representations. In: Proc. of NeurIPS; 2020. p. 12449-60.",
                     "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations",
                     id="lowercase-name-with-a-digit"),
        pytest.param("Baevski A, Schneider S. vq-wav2vec: Self-Supervised Learning of Discrete Speech "
                     "Representations. In: Proc. of ICLR; 2020. p. 1-12.",
                     "vq-wav2vec: Self-Supervised Learning of Discrete Speech Representations",
                     id="hyphenated-lowercase"),
    ],
)  # fmt: skip
def test_a_vancouver_title_is_read_however_it_opens(text: str, title: str) -> None:
    reference = parse_reference(text)
    assert reference.title == title
    assert reference.authors[0] == text.split(",")[0]


def test_a_second_full_name_after_the_first_is_still_no_vancouver_list() -> None:
    """ "John C. Baez and Aaron D. Lauda": after "John C." comes a name and another full name."""
    assert parse_reference(
        "John C. Baez and Aaron D. Lauda. Higher-dimensional algebra V: 2-groups. 2004."
    ).title != ("Baez and Aaron D")
