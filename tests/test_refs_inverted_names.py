"""Names written family first with initials (Nature, ACS: "Booth, G. & Chatt, J. Title.") then
a title that opens with a quote or a formula, and a family name with "Jr.". References as
biblatex-nature prints them."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("Pugh, D., Wright, J. A. & Danopoulos, A. A. ‘Pincer’ pyridine dicarbene iridium "
                     "complexes: facile C–H activations. Angew. Chem. Int. Ed.",
                     "‘Pincer’ pyridine dicarbene iridium complexes: facile C–H activations",
                     ("Pugh, D.", "Wright, J. A.", "Danopoulos, A. A."), id="a-quote-opens-the-title"),
        pytest.param("Sofield, C. D., Walter, M. D. & Andersen, R. A. {Amidobis[η 5 -1,3-bis-(trimethylsilyl)"
                     "cyclopentadienyl]titanium(III)}. Acta Crystallogr., Sect. C (2004).",
                     "{Amidobis[η 5 -1,3-bis-(trimethylsilyl)cyclopentadienyl]titanium(III)}",
                     ("Sofield, C. D.", "Walter, M. D.", "Andersen, R. A."), id="a-formula-is-the-title"),
        pytest.param("Bunge, S. D., Just, O. & Rees Jr., W. S. [{Au[µ-N(SiMe3 )2 ]}4 ]: the first base-free "
                     "gold amide. Angew. Chem. Int. Ed. 39, 3082–3084 (2000).",
                     "[{Au[µ-N(SiMe3 )2 ]}4 ]: the first base-free gold amide",
                     ("Bunge, S. D.", "Just, O.", "Rees Jr, W. S."), id="junior-in-the-family-name"),
        pytest.param("Arduengo III, A. J., Harlow, R. L. & Kline, M. A stable crystalline carbene. J. Am. "
                     "Chem. Soc. 113, 361–363 (1991).", "A stable crystalline carbene",
                     ("Arduengo III, A. J.", "Harlow, R. L.", "Kline, M."), id="a-plain-title"),
    ],
)  # fmt: skip
def test_a_title_after_inverted_names(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
