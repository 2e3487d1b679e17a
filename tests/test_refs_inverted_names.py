"""Names written family first with initials (Nature, ACS: "Booth, G. & Chatt, J. Title.") then
a title that opens with a quote, a formula or an acronym; a family name with "Jr.", a particle
or "St."; a title that asks a question before the journal. References as biblatex-nature prints
them, in its own document and setting a real third-party .bib."""

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
        pytest.param("Haller, B. & Messer, P. SLiM 3: Forward Genetic Simulations Beyond the Wright–Fisher "
                     "Model. Molecular Biology and Evolution. issn: 0737-4038 (Mar. 2019).",
                     "SLiM 3: Forward Genetic Simulations Beyond the Wright–Fisher Model",
                     ("Haller, B.", "Messer, P."), id="an-acronym-opens-the-title"),
        pytest.param("Schrempf, D., Minh, B. Q., von Haeseler, A. & Kosiol, C. Reversible polymorphism-aware "
                     "phylogenetic models. Journal of Theoretical Biology 407, 362–370 (2016).",
                     "Reversible polymorphism-aware phylogenetic models",
                     ("Schrempf, D.", "Minh, B. Q.", "von Haeseler, A.", "Kosiol, C."), id="a-particle"),
        pytest.param("St. John, K. Review Paper: The Shape of Phylogenetic Treespace. Systematic Biology 66, "
                     "e83–e94 (2016).", "Review Paper: The Shape of Phylogenetic Treespace",
                     ("St. John, K.",), id="saint-in-the-family-name"),
        pytest.param("Doyle, V. P., Young, R. E., Naylor, G. J. & Brown, J. M. Can we identify genes with "
                     "increased phylogenetic reliability? Systematic Biology 64, 824–837 (2015).",
                     "Can we identify genes with increased phylogenetic reliability?",
                     ("Doyle, V. P.", "Young, R. E.", "Naylor, G. J.", "Brown, J. M."),
                     id="a-question-ends-the-title"),
        pytest.param("Abella, J. et al. Kretzoiarctos gen. nov., the Oldest Member of the Giant Panda Clade. "
                     "PLoS One 17, e48985 (2012).", "Kretzoiarctos gen. nov., the Oldest Member of the Giant "
                     "Panda Clade", ("Abella, J.", "others"), id="a-new-genus-ends-no-sentence"),
        pytest.param("Beaulieu, J. M. & O’Meara, B. C. Fossils Do Not Substantially Improve Estimates. "
                     "Systematic Biology 72, 50–61. issn: 1063-5157. https: //doi.org/10.1093/sysbio/syac049 "
                     "(2024) (Jan. 2023).", "Fossils Do Not Substantially Improve Estimates",
                     ("Beaulieu, J. M.", "O’Meara, B. C."), id="two-dates-at-the-end-are-no-apa-year"),
        pytest.param("Hope, E., Bennett, J. & Stuart, A. Fluorous zirconium phosphonates: novel inorganic "
                     "supports for catalysis in Pacifichem (International Chemical Congress of Pacific Basin "
                     "Societies) Hawaii, USA (2005).",
                     "Fluorous zirconium phosphonates: novel inorganic supports for catalysis",
                     ("Hope, E.", "Bennett, J.", "Stuart, A."), id="proceedings-after-in"),
        pytest.param("Abella, J., Montoya, P. & Morales, J. Una nueva especie de Agriarctos en la localidad "
                     "de Nombrevilla 2. Estudios Geológicos 67, 187–191 (2011).",
                     "Una nueva especie de Agriarctos en la localidad de Nombrevilla 2",
                     ("Abella, J.", "Montoya, P.", "Morales, J."), id="in-a-title-of-its-own"),
        pytest.param("Arduengo III, A. J., Harlow, R. L. & Kline, M. A stable crystalline carbene. J. Am. "
                     "Chem. Soc. 113, 361–363 (1991).", "A stable crystalline carbene",
                     ("Arduengo III, A. J.", "Harlow, R. L.", "Kline, M."), id="a-plain-title"),
    ],
)  # fmt: skip
def test_a_title_after_inverted_names(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
