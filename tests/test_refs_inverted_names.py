"""Names written family first with initials (Nature: "Booth, G. & Chatt, J. Title."; ACS, with
semicolons: "Deluca, M.; Shi, Z. Title.") then a title that opens with a quote, a formula, an
acronym or a lower-case lead ("xTRAM"); a family name with "Jr.", a particle or "St."; a title
that asks a question before the journal. References as biblatex-nature prints them, in its own
document and setting a real third-party .bib, and from a real document's ACS list."""

from __future__ import annotations

import time

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
        # ACS's semicolons between the names (a DNA-simulation manuscript's achemso list,
        # gh-mrjoness-dna-skeleton in bench/pdf_dev3): the journal after the title is no title
        pytest.param("Deluca, M.; Shi, Z.; Castro, C. E.; Arya, G. Dynamic DNA Nanotechnology: Toward "
                     "Functional Nanoscale Devices. Nanoscale Horiz. 2020, 5, 182–201.",
                     "Dynamic DNA Nanotechnology: Toward Functional Nanoscale Devices",
                     ("Deluca, M.", "Shi, Z.", "Castro, C. E.", "Arya, G."), id="acs-semicolons"),
        pytest.param("Yakovchuk, P.; Protozanova, E.; Frank-Kamenetskii, M. D. Base-Stacking and "
                     "Base-Pairing Contributions into Thermal Stability of the DNA Double Helix. Nucleic "
                     "Acids Res. 2006, 34, 564–574.",
                     "Base-Stacking and Base-Pairing Contributions into Thermal Stability of the DNA "
                     "Double Helix", ("Yakovchuk, P.", "Protozanova, E.", "Frank-Kamenetskii, M. D."),
                     id="acs-hyphenated-family"),
        pytest.param("Haley, N. E.; Ouldridge, T. E.; Mullor Ruiz, I.; Geraldini, A. Design of hidden "
                     "Thermodynamic Driving for Non-Equilibrium Systems. Nat. Commun. 2020, 11, 1–11.",
                     "Design of hidden Thermodynamic Driving for Non-Equilibrium Systems",
                     ("Haley, N. E.", "Ouldridge, T. E.", "Mullor Ruiz, I.", "Geraldini, A."),
                     id="acs-two-word-family"),
        pytest.param("Pande, V. S.; Beauchamp, K.; Bowman, G. R. Everything You Wanted to Know About Markov "
                     "State Models But Were Afraid to Ask. Methods 2010, 52, 99–105.",
                     "Everything You Wanted to Know About Markov State Models But Were Afraid to Ask",
                     ("Pande, V. S.", "Beauchamp, K.", "Bowman, G. R."), id="acs-one-word-journal"),
        pytest.param("Araque, J. C.; Robert, M. A. Lattice Model of Oligonucleotide Hybridization in "
                     "Solution. II. Specificity and Cooperativity. J. Chem. Phys. 2016, 144, 125101.",
                     "Lattice Model of Oligonucleotide Hybridization in Solution. II. Specificity and "
                     "Cooperativity", ("Araque, J. C.", "Robert, M. A."), id="acs-a-part-of-a-series"),
        pytest.param("Srinivas, N.; Ouldridge, T. E.; Šulc, P.; Schaeffer, J. M. On the Biophysics and "
                     "Kinetics of Toehold-Mediated DNA Strand Displacement. Nucleic Acids Res. 2013, 41, "
                     "10641–10658.",
                     "On the Biophysics and Kinetics of Toehold-Mediated DNA Strand Displacement",
                     ("Srinivas, N.", "Ouldridge, T. E.", "Šulc, P.", "Schaeffer, J. M."),
                     id="acs-a-family-name-with-a-caron"),
        # an initial outside ASCII: Polish "Ł." (gh-rookieindong-m10-gamma10-paper, pdf_dev3)
        pytest.param("Kitaev, N., Kaiser, Ł., and Levskaya, A. Reformer: The efficient transformer. In "
                     "International Conference on Learning Representations, 2020.",
                     "Reformer: The efficient transformer", ("Kitaev, N.", "Kaiser, Ł.", "Levskaya, A."),
                     id="an-initial-with-a-stroke"),
        pytest.param("Øksendal, B.; Šulc, Ž. Stochastic Differential Equations. Springer 2003.",
                     "Stochastic Differential Equations", ("Øksendal, B.", "Šulc, Ž."),
                     id="an-initial-with-a-caron"),
        # a title may open with a word whose capital comes after a lower-case lead
        pytest.param("Mey, A. S.; Wu, H.; Noé, F. xTRAM: Estimating equilibrium expectations from "
                     "timecorrelated simulation data at multiple thermodynamic states. Phys. Rev. X "
                     "2014, 4, 041018.",
                     "xTRAM: Estimating equilibrium expectations from timecorrelated simulation data at "
                     "multiple thermodynamic states", ("Mey, A. S.", "Wu, H.", "Noé, F."),
                     id="a-lower-case-lead"),
    ],
)  # fmt: skip
def test_a_title_after_inverted_names(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Aa, A.; " * 4000 + "x", id="semicolons-and-no-title"),
        pytest.param("Aa, A.; xT" * 4000, id="lower-case-leads"),
    ],
)
def test_a_long_list_of_inverted_names_is_read_at_once(text: str) -> None:
    started = time.process_time()
    parse_reference(text)
    assert time.process_time() - started < 2.0
