"""Letters without their accents: one folding for every comparison key."""

from __future__ import annotations

import pytest
from bibnorm.text.accents import folded, without_accents
from bibnorm.text.names import folded_to_ascii


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("Für", "Fur", id="an umlaut"),
        pytest.param("Gödel, Erdős", "Godel, Erdos", id="a double acute"),
        pytest.param("ﬁrst", "first", id="a ligature decomposes (NFKD)"),
        pytest.param("Łódź", "Łodz", id="a letter that does not decompose stays"),
        pytest.param("plain ASCII", "plain ASCII", id="ASCII as it is"),
    ],
)
def test_accents_are_dropped(text: str, folded: str) -> None:
    assert without_accents(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("Łódź", "Lodz", id="a Polish L spelt in ASCII"),
        pytest.param("Søren Kierkegaard", "Soren Kierkegaard", id="a Nordic o"),
        pytest.param("für", "fur", id="an umlaut dropped, not spelt out"),
    ],
)
def test_letters_fold_to_ascii(text: str, folded: str) -> None:
    assert folded_to_ascii(text) == folded


def test_a_word_is_folded_to_lower_case_without_accents() -> None:
    assert folded("Für") == "fur"
    assert folded("ÉCOLE") == "ecole"
